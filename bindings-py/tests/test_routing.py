"""Edge routes and geometry: Layout.routes gives the CLI's routes bit for bit, polyline
routes avoid every other box, and WebCola's geometry functions work on arrays."""

import json
import subprocess

import numpy as np
import pytest

import colayout
from conftest import DATA

FLAGS = ["--avoid-overlaps", "--link-distance", "60", "--iterations", "10,10,10"]


def laid_out():
    g = colayout.read_json(DATA / "lesmis_groups.json")
    lay = colayout.Layout(g, avoid_overlaps=True, link_distance=60)
    lay.start((10, 10, 10), keep_running=False)
    lay.run()
    return lay


def crosses(p, q, box):
    """Whether segment p-q meets the open box (x0, y0, x1, y1) shrunk by 1e-6 (Liang-Barsky)."""
    x0, y0, x1, y1 = box[0] + 1e-6, box[1] + 1e-6, box[2] - 1e-6, box[3] - 1e-6
    t0, t1 = 0.0, 1.0
    d = q - p
    for pk, qk in ((-d[0], p[0] - x0), (d[0], x1 - p[0]), (-d[1], p[1] - y0), (d[1], y1 - p[1])):
        if pk == 0:
            if qk < 0:
                return False
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t0 < t1


def test_polyline_routes_give_the_clis_bits_and_avoid_other_boxes(cli, tmp_path):
    lay = laid_out()
    routes = lay.routes("polyline")
    out = tmp_path / "out.json"
    subprocess.run(
        [cli, "layout", str(DATA / "lesmis_groups.json"), "-o", str(out), "--route", "polyline", *FLAGS],
        check=True,
        capture_output=True,
    )
    theirs = json.loads(out.read_text())["routes"]
    assert len(routes) == len(theirs)
    for r, t in zip(routes, theirs):
        assert r.shape[1] == 2 and np.array_equal(r, np.array(t, dtype=float))
    links = json.loads((DATA / "lesmis_groups.json").read_text())["links"]
    boxes = lay.node_bounds()
    for r, link in zip(routes, links):
        s, t = link["source"], link["target"]
        for k, box in enumerate(boxes):
            if k not in (s, t):
                assert not any(crosses(r[i], r[i + 1], box) for i in range(len(r) - 1)), (s, t, k)
    assert sum(len(r) > 2 for r in routes) > 10


def test_clip_routes_keep_room_for_arrowheads_and_hulls_cover_their_groups():
    lay = laid_out()
    plain, arrows = lay.routes(), lay.routes("clip", arrow_head=5)
    assert all(len(r) == 2 for r in plain)
    gaps = [np.linalg.norm(a[1] - p[1]) for a, p in zip(arrows, plain)]
    assert max(gaps) == pytest.approx(5.0)
    hulls = lay.group_hulls()
    assert len(hulls) == 5 and all(h.shape[1] == 2 and len(h) >= 3 for h in hulls)
    with pytest.raises(colayout.Parse):
        lay.routes("curved")
    with pytest.raises(colayout.InvalidOption):
        lay.routes("polyline", margin=-1)


def test_geometry_functions():
    hull = colayout.convex_hull([[0, 0], [10, 0], [10, 10], [0, 10], [5, 5]])
    assert hull.tolist() == [[10, 10], [0, 10], [0, 0], [10, 0]]
    e = colayout.make_edge_between((-5, -5, 5, 5), (90, -10, 110, 10), arrow_head=5)
    assert e.tolist() == [[5, 0], [90, 0], [85, 0]]
    with pytest.raises(ValueError):
        colayout.make_edge_between((0, 0, 1), (0, 0, 1, 1))


def test_power_graph_edges_expand_to_the_links():
    doc = json.loads((DATA / "karate.json").read_text())
    pg = colayout.power_graph(doc["links"], n=doc["nodes"])
    groups = pg["groups"]

    def leaves(end):
        kind, i = end
        if kind == "node":
            return [i]
        g = groups[i]
        return g["leaves"] + [v for c in g["groups"] for v in leaves(("group", c))]

    expanded = sorted(
        (min(s, t), max(s, t)) for a, b, _ in pg["power_edges"] for s in leaves(a) for t in leaves(b)
    )
    assert expanded == sorted((min(s, t), max(s, t)) for s, t in doc["links"])
    assert len(pg["power_edges"]) < len(doc["links"])
    assert colayout.power_graph(colayout.read_json(DATA / "karate.json")) == pg


def test_orthogonal_routes_are_axis_parallel():
    lay = laid_out()
    for r in lay.routes("orthogonal"):
        d = np.abs(np.diff(r, axis=0))
        assert np.all((d[:, 0] < 1e-6) | (d[:, 1] < 1e-6))
