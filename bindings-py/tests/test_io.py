"""read_json and read_dot through the core's readers."""

import numpy as np

import colayout
from conftest import DATA


def test_read_json_keeps_groups_constraints_and_labels():
    g = colayout.read_json(DATA / "smallgrouped.json")
    assert g.n > 0 and g.group_count > 0
    assert len(g.labels) == g.n
    assert colayout.layout(g).shape == (g.n, 2)
    a = colayout.read_json(str(DATA / "alignment_separation.json"))
    assert a.constraint_count > 0


def test_read_dot_reads_clusters_as_groups():
    g = colayout.read_dot(DATA / "clusters.dot")
    assert g.n > 0 and g.group_count > 0
    assert all(label is not None for label in g.labels)
    pos = colayout.layout(g, avoid_overlaps=True)
    assert np.isfinite(pos).all()


def test_edges_come_back_as_index_pairs():
    g = colayout.read_json(DATA / "karate.json")
    assert g.edges.shape == (78, 2) and g.edges.max() == 33
