"""colayout's Python package against networkx (kamada_kawai_layout, spring_layout),
s_gd2 and egraph on the same graphs, in one run: wall time and scale-normalised stress
(SN, on the largest component, by colayout.scale_normalised_stress for every library).

    python benches/python/bench.py [graph ...]     # names in ../shared/graphs or data/

Prints a Markdown table (BENCHMARKS.md "Python"). Needs numpy, networkx, scipy, s-gd2, egraph (pip install).
"""

import json
import pathlib
import sys
import time

import networkx as nx
import numpy as np

import colayout

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLACES = [ROOT / "data", ROOT.parent / "shared" / "graphs"]
# networkx's Kamada-Kawai is cubic in memory and time: skipped above this size.
KK_MAX = 1200


def load(name):
    for place in PLACES:
        path = place / f"{name}.json"
        if path.exists():
            doc = json.loads(path.read_text())
            return doc["nodes"], np.array(doc["links"], dtype=np.int64).reshape(-1, 2)
    raise SystemExit(f"no graph {name} in {PLACES}")


def timed(f):
    t0 = time.perf_counter()
    pos = f()
    return time.perf_counter() - t0, np.asarray(pos, dtype=float)


def run_egraph(n, edges, sparse_pivots=None):
    """egraph's FullSgd (100 steps, ε 0.1), or with `sparse_pivots` its SparseSgd with that
    many pivots (30 steps, ε 0.01, s_gd2's schedule)."""
    import egraph as eg

    graph = eg.Graph()
    index = [graph.add_node(i) for i in range(n)]
    for u, v in edges:
        graph.add_edge(index[u], index[v], (int(u), int(v)))
    drawing = eg.Drawing.initial_placement(graph)
    rng = eg.Rng.seed_from(0)
    if sparse_pivots is None:
        sgd = eg.FullSgd(graph, lambda _: 1.0)
        scheduler = sgd.scheduler(100, 0.1)
    else:
        sgd = eg.SparseSgd(graph, lambda _: 1.0, sparse_pivots, rng)
        scheduler = sgd.scheduler(30, 0.01)

    def step(eta):
        sgd.shuffle(rng)
        sgd.apply(drawing, eta)

    scheduler.run(step)
    return [(drawing.x(index[i]), drawing.y(index[i])) for i in range(n)]


def libraries(n, edges):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(map(tuple, edges))
    as_array = lambda pos: [pos[i] for i in range(n)]  # noqa: E731
    yield "colayout (P-stress, WebCola's default)", lambda: colayout.layout(edges, n=n)
    yield "colayout (stress=\"full\")", lambda: colayout.layout(edges, n=n, stress="full")
    yield "colayout (solver=\"sgd\", stress=\"full\")", lambda: colayout.layout(edges, n=n, solver="sgd", stress="full")
    import s_gd2

    I, J = (np.ascontiguousarray(edges[:, k], dtype=np.int32) for k in (0, 1))

    yield "s_gd2 (layout)", lambda: s_gd2.layout(I, J, random_seed=1)
    yield "s_gd2 (layout_convergent)", lambda: s_gd2.layout_convergent(I, J, random_seed=1)
    yield "egraph (FullSgd, 100 iterations)", lambda: run_egraph(n, edges)
    yield "networkx spring_layout", lambda: as_array(nx.spring_layout(G, seed=1))
    if n <= KK_MAX:
        yield "networkx kamada_kawai_layout", lambda: as_array(nx.kamada_kawai_layout(G))


def main(names):
    print("| graph | nodes | library | seconds | SN | vs colayout (P) time |")
    print("|---|---:|---|---:|---:|---:|")
    for name in names:
        n, edges = load(name)
        base = None
        for label, f in libraries(n, edges):
            seconds, pos = timed(f)
            sn = colayout.scale_normalised_stress(edges, pos, n=n)
            base = base or seconds
            print(f"| {name} | {n} | {label} | {seconds:.3f} | {sn:.1f} | {seconds / base:.1f}x |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["lesmis", "can_96", "dwt_419", "dwt_1005", "block_2000"])
