"""colayout's SGD solver (full stress, dense model) against s_gd2's `layout` on the corpus
up to 5000 nodes, in one run: wall time of one call from Python and scale-normalised
stress (SN, on the largest component, colayout.scale_normalised_stress for both), with
the ratios the issue's target names (SN <= 1.01x, time <= 1/3).

    python benches/python/sgd.py [graph ...]    # default: the corpus up to 5000 nodes

Prints a Markdown table (BENCHMARKS.md "The SGD solver against s_gd2"). Needs numpy,
s-gd2. s_gd2 lays out the largest component only (it refuses disconnected graphs).
"""

import sys

import numpy as np
import s_gd2

import colayout
from bench import load, timed

CORPUS = [
    "karate", "lesmis", "can_96", "jazz", "dwt_419", "qh882", "dwt_1005", "btree9",
    "1138_bus", "block_2000", "minnesota", "dwt_2680", "facebook_combined", "CA-GrQc",
    "EVA", "USpowerGrid",
]


def largest_component(n, edges):
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for u, v in edges:
        parent[find(u)] = find(v)
    roots = np.array([find(i) for i in range(n)])
    big = np.bincount(roots).argmax()
    keep = np.flatnonzero(roots == big)
    index = np.full(n, -1)
    index[keep] = np.arange(len(keep))
    e = edges[(roots[edges[:, 0]] == big)]
    return len(keep), index[e]


def main(names):
    print("| graph | nodes | colayout (s) | s_gd2 (s) | time ratio | colayout SN | s_gd2 SN | SN ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in names or CORPUS:
        n, edges = largest_component(*load(name))
        I, J = (np.ascontiguousarray(edges[:, k], dtype=np.int32) for k in (0, 1))
        t_ours, ours = timed(lambda: colayout.layout(edges, n=n, solver="sgd", stress="full"))
        t_theirs, theirs = timed(lambda: s_gd2.layout(I, J, random_seed=1))
        sn_ours = colayout.scale_normalised_stress(edges, ours, n=n)
        sn_theirs = colayout.scale_normalised_stress(edges, theirs, n=n)
        print(
            f"| {name} | {n} | {t_ours:.3f} | {t_theirs:.3f} | {t_ours / t_theirs:.2f} | "
            f"{sn_ours:.6g} | {sn_theirs:.6g} | {sn_ours / sn_theirs:.4f} |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
