"""The sparse model on large graphs: colayout's SGD (sparse, 200 pivots) against s_gd2's
layout_sparse(200) and egraph's SparseSgd(200), each in its own process, in one run:
wall time of the layout call, peak RSS of the process, and scale-normalised stress on the
largest component (exact up to 20 000 nodes, else sampled from 300 BFS sources by
colayout.scale_normalised_stress(..., sources=300), the same sample for every library).

    python benches/python/large.py [--pivots P] [--descent] [graph ...]  # ../shared/graphs
    python benches/python/large.py --grid 1000                             # 1000 x 1000 grid

`--descent` adds colayout's descent (WebCola's solver) on the sparse model, capped at
300 ticks. Peak RSS is each process's own (Python, numpy and the graph included).

Prints a Markdown table (BENCHMARKS.md "Large graphs"). Needs numpy, s-gd2, egraph.
"""

import json
import pathlib
import resource
import subprocess
import sys
import time

import numpy as np

from bench import run_egraph

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLACES = [ROOT / "data", ROOT.parent / "shared" / "graphs"]
EXACT_SN_NODES = 20_000
SOURCES = 300
LIBRARIES = ["colayout-sgd", "s_gd2", "egraph"]


def load(name):
    if name.startswith("grid"):
        w = int(name[4:])
        ids = np.arange(w * w).reshape(w, w)
        right = np.column_stack([ids[:, :-1].ravel(), ids[:, 1:].ravel()])
        down = np.column_stack([ids[:-1, :].ravel(), ids[1:, :].ravel()])
        return w * w, np.vstack([right, down]).astype(np.int64)
    for place in PLACES:
        path = place / f"{name}.json"
        if path.exists():
            doc = json.loads(path.read_text())
            return doc["nodes"], np.array(doc["links"], dtype=np.int64).reshape(-1, 2)
    raise SystemExit(f"no graph {name} in {PLACES}")


def child(library, name, pivots, out):
    """Runs one library on one graph; writes positions to `out` and prints the time."""
    n, edges = load(name)
    t0 = time.perf_counter()
    if library == "colayout-sgd":
        import colayout

        pos = colayout.layout(edges, n=n, solver="sgd", stress="full", pivots=pivots)
    elif library == "colayout-descent":
        import colayout

        pos = colayout.layout(edges, n=n, stress="full", pivots=pivots, max_ticks=300)
    elif library == "s_gd2":
        import s_gd2

        I, J = (np.ascontiguousarray(edges[:, k], dtype=np.int32) for k in (0, 1))
        pos = s_gd2.layout_sparse(I, J, pivots, random_seed=1)
    else:
        pos = run_egraph(n, edges, sparse_pivots=pivots)
    seconds = time.perf_counter() - t0
    np.save(out, np.asarray(pos, dtype=float))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(seconds, peak_kb)


def sn(name, pos):
    import colayout

    n, edges = load(name)
    sources = SOURCES if n > EXACT_SN_NODES else None
    return colayout.scale_normalised_stress(edges, pos, n=n, sources=sources)


def main(argv):
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2], int(argv[3]), argv[4])
        return
    pivots = 200
    if argv[:1] == ["--pivots"]:
        pivots, argv = int(argv[1]), argv[2:]
    libraries = list(LIBRARIES)
    if argv[:1] == ["--descent"]:
        libraries.insert(1, "colayout-descent")
        argv = argv[1:]
    if argv[:1] == ["--grid"]:
        argv = [f"grid{argv[1]}"]
    names = argv or ["4elt", "p2p-Gnutella31", "delaunay_n16"]
    print("| graph | nodes | library | time (s) | peak RSS (MB) | SN |")
    print("|---|---:|---|---:|---:|---:|")
    for name in names:
        n, _ = load(name)
        for lib in libraries:
            out = pathlib.Path(f"/tmp/large-{lib}-{name}.npy")
            proc = subprocess.run(
                [sys.executable, __file__, "--child", lib, name, str(pivots), str(out)],
                capture_output=True,
                text=True,
            )
            if proc.returncode != 0:
                print(f"| {name} | {n} | {lib} | failed: {proc.stderr.strip().splitlines()[-1:]} | | |")
                continue
            seconds, peak_kb = map(float, proc.stdout.strip().splitlines()[-1].split())
            peak = peak_kb / 1024
            value = sn(name, np.load(out))
            print(f"| {name} | {n} | {lib} | {seconds:.2f} | {peak:.0f} | {value:.6g} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
