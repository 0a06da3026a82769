"""The GIL is released while the core runs: threads lay out graphs side by side, and
a Layout moves between threads."""

import threading
import time

import numpy as np

import colayout


def grid(k):
    return [[i * k + j, i * k + j + 1] for i in range(k) for j in range(k - 1)] + [
        [i * k + j, (i + 1) * k + j] for i in range(k - 1) for j in range(k)
    ]


def test_two_threads_give_the_sequential_bits_and_overlap_in_time():
    a, b = grid(18), grid(17)
    want = [colayout.layout(a), colayout.layout(b)]
    got = [None, None]
    spans = [None, None]

    def run(i, edges):
        t0 = time.perf_counter()
        got[i] = colayout.layout(edges)
        spans[i] = (t0, time.perf_counter())

    threads = [threading.Thread(target=run, args=(i, e)) for i, e in enumerate((a, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    # With the GIL held the second run could only start after the first ended.
    (s0, e0), (s1, e1) = spans
    assert max(s0, s1) < min(e0, e1)


def test_python_keeps_running_while_a_layout_runs():
    done = threading.Event()
    counted = []

    def count():
        n = 0
        while not done.is_set():
            n += 1
        counted.append(n)

    t = threading.Thread(target=count)
    t.start()
    try:
        colayout.layout(grid(20))
    finally:
        done.set()
        t.join()
    assert counted[0] > 1000


def test_a_layout_moves_between_threads():
    lay = colayout.Layout(grid(6))
    out = {}

    def start():
        lay.start(keep_running=False)

    def finish():
        out["ticks"] = lay.run()
        out["pos"] = lay.positions()

    for f in (start, finish):
        t = threading.Thread(target=f)
        t.start()
        t.join()
    assert out["ticks"] > 0
    ref = colayout.Layout(grid(6))
    ref.start(keep_running=False)
    ref.run()
    assert np.array_equal(out["pos"], ref.positions())
