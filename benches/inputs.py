"""Writes the large and hostile inputs of BENCHMARKS.md's robustness table into DIR:
a 200 MB JSON link list, a DOT file of 10^8 edges, and nested groups. Deterministic."""
import json
import random
import sys

out = sys.argv[1]
rng = random.Random(1)
n = 100_000
with open(f"{out}/links-200mb.json", "w") as f:
    f.write('{"nodes": %d, "links": [' % n)
    size, first = 0, True
    while size < 200_000_000:
        chunk = ",".join("[%d,%d]" % (rng.randrange(n), rng.randrange(n)) for _ in range(100_000))
        f.write(("" if first else ",") + chunk)
        size += len(chunk) + 1
        first = False
    f.write("]}")
side = lambda p: " ".join(f"{p}{i}" for i in range(10_000))
with open(f"{out}/edges-1e8.dot", "w") as f:
    f.write("graph G { {%s} -- {%s} }" % (side("a"), side("b")))
for depth in (25, 100):
    nodes = [{"width": 10, "height": 10}] * depth
    groups = [{"leaves": [i], "groups": [i + 1] if i + 1 < depth else []} for i in range(depth)]
    links = [[i, i + 1] for i in range(depth - 1)]
    with open(f"{out}/nested-{depth}.json", "w") as f:
        json.dump({"nodes": nodes, "links": links, "groups": groups}, f)
