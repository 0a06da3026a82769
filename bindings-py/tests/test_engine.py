"""colayout.Layout: WebCola's start / tick / stop / resume, drag, update, views."""

import numpy as np

import colayout

RING = [[i, (i + 1) % 8] for i in range(8)]


def test_start_then_tick_to_the_end():
    lay = colayout.Layout(RING)
    assert lay.start(keep_running=False) == 0
    ticks = 0
    while not lay.tick():
        ticks += 1
    assert ticks > 0 and not lay.is_running and not lay.reached_max_ticks
    assert lay.positions().shape == (8, 2)
    assert lay.stress() >= 0 and lay.p_stress() >= 0 and lay.scale_normalised_stress() >= 0


def test_stepping_gives_the_one_shot_bits():
    lay = colayout.Layout(RING, link_distance=40)
    lay.start()
    assert np.array_equal(lay.positions(), colayout.layout(RING, link_distance=40))


def test_stop_resume_and_run():
    lay = colayout.Layout(RING)
    lay.start(keep_running=False)
    lay.stop()
    assert lay.alpha == 0 or not lay.is_running
    lay.resume()
    assert lay.is_running
    assert lay.run() >= 1
    lay.run_ticks(3)
    assert lay.ticks >= 3


def test_positions_view_follows_the_layout_and_copies_do_not():
    lay = colayout.Layout(RING)
    lay.start(keep_running=False)
    view, copy = lay.positions(copy=False), lay.positions()
    assert not view.flags.writeable
    before = view.copy()
    lay.run_ticks(5)
    assert not np.array_equal(view, before)
    assert np.array_equal(view, lay.positions())
    assert np.array_equal(copy, before)


def test_drag_moves_the_node_and_the_rest_follows():
    lay = colayout.Layout(RING)
    lay.start()
    before = lay.positions()
    lay.drag_start(0)
    lay.drag(0, 500.0, 500.0)
    lay.run_ticks(20)
    pos = lay.positions()
    assert np.array_equal(pos[0], [500.0, 500.0])
    lay.drag_end(0)
    target = np.array([500.0, 500.0])
    assert np.linalg.norm(pos[1] - target) < np.linalg.norm(before[1] - target) - 100


def test_update_keeps_positions_and_adds_nodes():
    lay = colayout.Layout(RING)
    lay.start()
    before = lay.positions()
    lay.update(RING + [[0, 8], [8, 9]])
    assert lay.n == 10
    after = lay.positions()
    assert np.array_equal(after[:8], before)
    lay.run_ticks(5)
    assert np.isfinite(lay.positions()).all()
    lay.update(RING, previous=np.arange(8)[::-1])
    assert lay.n == 8


def test_groups_bounds_and_unsatisfied():
    lay = colayout.Layout(
        RING,
        sizes=np.full((8, 2), 10.0),
        groups=[[0, 1, 2]],
        constraints=[{"axis": "x", "left": 4, "right": 0, "gap": 100}],
        avoid_overlaps=True,
    )
    lay.start((10, 10, 10))
    (x0, y0, x1, y1), = lay.group_bounds()
    pos = lay.positions()
    assert ((pos[:3, 0] > x0) & (pos[:3, 0] < x1) & (pos[:3, 1] > y0) & (pos[:3, 1] < y1)).all()
    nb = lay.node_bounds()
    assert nb.shape == (8, 4) and np.allclose(nb[:, 2] - nb[:, 0], 10)
    assert lay.unsatisfied() == [] and lay.overlapping_nodes() == []
    assert all(axis in ("x", "y") for _, axis, _ in lay.unsatisfied(tolerance=-1))


def test_an_infeasible_set_is_reported_with_the_best_layout():
    lay = colayout.Layout(
        [[0, 1]],
        constraints=[
            {"axis": "x", "left": 0, "right": 1, "gap": 50, "equality": True},
            {"axis": "x", "left": 1, "right": 0, "gap": 50, "equality": True},
        ],
    )
    lay.start((10, 10, 10))
    bad = lay.unsatisfied()
    assert bad and {axis for _, axis, _ in bad} == {"x"}
    assert np.isfinite(lay.positions()).all()


def test_make_feasible_removes_overlaps():
    start = np.zeros((6, 2)) + np.arange(6)[:, None]
    lay = colayout.Layout([], n=6, positions=start, sizes=np.full((6, 2), 20.0), avoid_overlaps=True)
    assert lay.overlapping_nodes()
    lay.make_feasible()
    assert lay.overlapping_nodes() == []


def test_three_d_engine():
    lay = colayout.Layout(RING, dims=3)
    lay.start()
    assert lay.dims == 3 and lay.positions().shape == (8, 3)
    assert "dims=3" in repr(lay)
