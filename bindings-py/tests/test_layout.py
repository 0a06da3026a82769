"""colayout.layout: array-likes in, (n, dims) float64 out, options by the core's names."""

import numpy as np
import pytest

import colayout
from conftest import DATA

TRIANGLE_TAIL = [[0, 1], [1, 2], [2, 0], [2, 3]]


@pytest.mark.parametrize(
    "edges",
    [
        TRIANGLE_TAIL,
        tuple(map(tuple, TRIANGLE_TAIL)),
        np.array(TRIANGLE_TAIL, dtype=np.int32),
        np.array(TRIANGLE_TAIL, dtype=np.int64),
        np.array(TRIANGLE_TAIL, dtype=np.uint32),
        np.array(TRIANGLE_TAIL, dtype=np.uint8),
        np.asfortranarray(np.array(TRIANGLE_TAIL, dtype=np.int16)),
        np.repeat(np.array(TRIANGLE_TAIL, dtype=np.int64), 2, axis=1)[:, ::2],
    ],
)
def test_every_integer_array_like_gives_the_same_layout(edges):
    pos = colayout.layout(edges)
    assert isinstance(pos, np.ndarray)
    assert pos.dtype == np.float64 and pos.shape == (4, 2)
    assert np.array_equal(pos, colayout.layout(np.array(TRIANGLE_TAIL)))
    assert np.isfinite(pos).all()


def test_links_come_out_near_link_distance():
    pos = colayout.layout([[0, 1]], link_distance=50)
    assert abs(np.linalg.norm(pos[0] - pos[1]) - 50) < 1
    pos = colayout.layout([[0, 1]], linkDistance=80)  # WebCola's name reads too
    assert abs(np.linalg.norm(pos[0] - pos[1]) - 80) < 1


def test_n_adds_isolated_nodes_and_empty_edges_are_fine():
    assert colayout.layout(TRIANGLE_TAIL, n=7).shape == (7, 2)
    assert colayout.layout([], n=3).shape == (3, 2)
    assert colayout.layout(np.zeros((0, 2), dtype=np.int64), n=0).shape == (0, 2)


def test_three_dimensions():
    pos = colayout.layout(TRIANGLE_TAIL, dims=3)
    assert pos.shape == (4, 3)
    assert np.ptp(pos[:, 2]) > 1


def test_same_seed_same_bits_and_seeds_matter_for_coincident_nodes():
    a = colayout.layout(TRIANGLE_TAIL, seed=7)
    assert np.array_equal(a, colayout.layout(TRIANGLE_TAIL, seed=7))
    assert not np.array_equal(a, colayout.layout(TRIANGLE_TAIL, seed=8))


def test_fixed_nodes_are_held_at_their_start():
    # WebCola's lock spring holds them; they do not move with packing.
    start = np.array([[0.0, 0.0], [100.0, 0.0], [50.0, 80.0], [50.0, 200.0]])
    pos = colayout.layout(TRIANGLE_TAIL, positions=start, fixed=[0, 3])
    assert np.abs(pos[[0, 3]] - start[[0, 3]]).max() < 20
    mask = np.array([True, False, False, True])
    assert np.array_equal(colayout.layout(TRIANGLE_TAIL, positions=start, fixed=mask), pos)


def test_positions_by_node_leave_the_others_to_the_layout():
    pos = colayout.layout(TRIANGLE_TAIL, positions={3: (500.0, 500.0)}, fixed=[3])
    assert np.abs(pos[3] - 500).max() < 1
    assert np.linalg.norm(pos[2] - pos[3]) < 40


def test_lengths_and_weights_per_link():
    pos = colayout.layout([[0, 1], [1, 2]], lengths=[30, 90])
    assert abs(np.linalg.norm(pos[0] - pos[1]) - 30) < 2
    assert abs(np.linalg.norm(pos[1] - pos[2]) - 90) < 2
    assert colayout.layout([[0, 1], [1, 2]], weights=np.array([1.0, 2.0])).shape == (3, 2)


def test_sizes_with_avoid_overlaps_leave_no_box_overlapping():
    edges = [[0, i] for i in range(1, 12)]
    sizes = np.full((12, 2), 30.0)
    pos = colayout.layout(edges, sizes=sizes, avoid_overlaps=True, link_distance=10)
    for i in range(12):
        for j in range(i + 1, 12):
            gap = np.abs(pos[i] - pos[j])
            assert (gap >= 30 - 1e-3).any(), (i, j, gap)


def test_groups_and_constraints_in_webcola_shapes():
    edges = [[0, 1], [1, 2], [2, 3], [3, 0]]
    pos = colayout.layout(
        edges,
        sizes=np.full((4, 2), 10.0),
        groups=[[0, 1], {"leaves": [2, 3], "padding": 5}],
        constraints=[
            {"axis": "x", "left": 0, "right": 2, "gap": 60},
            {"type": "alignment", "axis": "y", "offsets": [{"node": 0}, {"node": 3}]},
        ],
        avoid_overlaps=True,
    )
    assert pos[2, 0] - pos[0, 0] >= 60 - 1e-3
    assert abs(pos[0, 1] - pos[3, 1]) < 1e-3


def test_flow_and_stress_options():
    chain = [[i, i + 1] for i in range(5)]
    pos = colayout.layout(chain, flow={"axis": "y", "min_separation": 40})
    assert (np.diff(pos[:, 1]) >= 40 - 1e-3).all()
    full = colayout.layout(chain, stress="full", max_ticks=5)
    assert full.shape == (6, 2)


def test_iterations_run_webcolas_phases():
    a = colayout.layout(TRIANGLE_TAIL, iterations=(10, 10, 10))
    b = colayout.layout(TRIANGLE_TAIL, iterations=[10, 10, 10, 0])
    assert np.array_equal(a, b)
    assert not np.array_equal(a, colayout.layout(TRIANGLE_TAIL))


def test_default_options_are_the_cores():
    d = colayout.default_options()
    assert d["linkDistance"] == 20 and d["avoidOverlaps"] is False
    assert colayout.Layout(TRIANGLE_TAIL).options == d


def test_graph_objects():
    g = colayout.Graph(TRIANGLE_TAIL, n=5, sizes=np.ones((5, 2)))
    assert (len(g), g.n, g.edges.shape, g.edges.dtype) == (5, 5, (4, 2), np.int64)
    assert np.array_equal(g.sizes, np.ones((5, 2)))
    assert np.array_equal(colayout.layout(g), colayout.layout(TRIANGLE_TAIL, n=5, sizes=np.ones((5, 2))))
    assert "n=5" in repr(g)


def test_scale_normalised_stress_of_any_positions():
    lay = colayout.Layout(TRIANGLE_TAIL)
    lay.start()
    sn = colayout.scale_normalised_stress(TRIANGLE_TAIL, lay.positions())
    assert sn == lay.scale_normalised_stress()
    assert colayout.scale_normalised_stress(TRIANGLE_TAIL, lay.positions() * 7) == pytest.approx(sn)
    g = colayout.read_json(DATA / "karate.json")
    assert colayout.scale_normalised_stress(g, colayout.layout(g, stress="full")) < 38.0659 * 1.1
    # The sampled estimate: exact when the sources cover the graph, close with fewer.
    p = colayout.layout(g, stress="full")
    exact = colayout.scale_normalised_stress(g, p)
    assert colayout.scale_normalised_stress(g, p, sources=34) == exact
    assert colayout.scale_normalised_stress(g, p, sources=20, seed=3) == pytest.approx(exact, rel=0.25)
    with pytest.raises(colayout.DimensionMismatch):
        colayout.scale_normalised_stress(TRIANGLE_TAIL, np.zeros((3, 2)))


def test_the_sgd_solver():
    path = [[i, i + 1] for i in range(5)]
    a = colayout.layout(path, solver="sgd", stress="full")
    assert np.array_equal(a, colayout.layout(path, solver="sgd", stress="full"))
    assert abs(np.linalg.norm(a[0] - a[5]) - 100) < 5
    assert colayout.default_options()["solver"] == "descent"
    with pytest.raises(colayout.Parse):
        colayout.layout(path, solver="annealing")
    with pytest.raises(TypeError):
        colayout.layout(path, solver=1)


def test_the_convergent_sgd_schedule():
    g = colayout.read_json(DATA / "can_96.json")
    lay = colayout.Layout(g, solver="sgd", stress="full", sgd_schedule="convergent")
    lay.start()
    assert lay.options["sgdSchedule"] == "convergent"
    assert lay.scale_normalised_stress() < 317.002 * 1.02
    assert colayout.default_options()["sgdSchedule"] == "anneal"
    with pytest.raises(colayout.Parse):
        colayout.layout([[0, 1]], sgd_schedule="cosine")


def test_pivots_choose_the_sparse_model():
    n = 30000
    path = np.column_stack([np.arange(n - 1), np.arange(1, n)])
    p = colayout.layout(path, solver="sgd", pivots=4)
    assert abs(np.linalg.norm(p[10] - p[11]) - 20) < 2
    assert np.linalg.norm(p[0] - p[n - 1]) > 0.5 * 20 * (n - 1)
    assert colayout.default_options()["pivots"] == "auto"
    small = [[i, i + 1] for i in range(6)]
    assert np.array_equal(colayout.layout(small, pivots="auto"), colayout.layout(small, pivots=0))
    with pytest.raises(colayout.Parse):
        colayout.layout(small, pivots="many")
    with pytest.raises(colayout.TooManyNodes, match="pivots"):
        colayout.layout([], n=5000, pivots=0, memory_limit=1000000)
