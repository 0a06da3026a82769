"""colayout.draw with matplotlib (the ``draw`` extra)."""

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

import colayout  # noqa: E402


def test_draw_a_networkx_graph_with_boxes(tmp_path):
    G = nx.karate_club_graph()
    nx.set_node_attributes(G, 12, "width")
    nx.set_node_attributes(G, 8, "height")
    pos = colayout.networkx_layout(G, avoid_overlaps=True)
    ax = colayout.draw(G, pos, labels=True)
    assert len(ax.collections) == 2  # links, boxes
    assert len(ax.texts) == G.number_of_nodes()
    ax.figure.savefig(tmp_path / "karate.png")
    assert (tmp_path / "karate.png").stat().st_size > 1000


def test_draw_edges_with_groups(tmp_path):
    edges = [[0, 1], [1, 2], [2, 3], [3, 0]]
    lay = colayout.Layout(edges, sizes=np.full((4, 2), 10.0), groups=[[0, 1]], avoid_overlaps=True)
    lay.start((10, 10, 10))
    ax = colayout.draw(edges, lay.positions(), group_bounds=lay.group_bounds(), sizes=np.full((4, 2), 10.0))
    assert len(ax.collections) == 3 and ax.yaxis_inverted()
    ax.figure.savefig(tmp_path / "groups.png")
