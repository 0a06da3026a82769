#!/usr/bin/env bash
# The C API's overhead: benches/c/overhead.c against its Rust twin (overhead.rs), both
# on the bench profile (whose output Cargo puts in target/release), run alternately 3 times in one go; prints a markdown table of
# the best times and their ratio (C / Rust).
#   bash benches/c/overhead.sh [GRAPH...]   (default: karate dwt_419)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${BENCH_OUT:-target/bench-report}/overhead
mkdir -p "$OUT"
cargo build -q --profile bench -p colayout-ffi -p colayout-benches --bin overhead
cc -std=c11 -O2 -I ffi-c/include benches/c/overhead.c -o "$OUT/overhead_c" \
  target/release/libcolayout.a -lm -lpthread -ldl
graphs=("$@")
[ ${#graphs[@]} -gt 0 ] || graphs=(karate dwt_419)
echo "| graph | call | Rust | C | C / Rust |"
echo "|---|---|---:|---:|---:|"
for g in "${graphs[@]}"; do
  node -e 'const g = JSON.parse(require("fs").readFileSync(process.argv[1]));
    console.log(g.nodes, g.links.length, g.links.flat().join(" "))' "data/$g.json" >"$OUT/$g.txt"
  layouts=20
  [ "$g" = karate ] && layouts=200
  rm -f "$OUT/$g.rust" "$OUT/$g.c"
  for _ in 1 2 3; do
    target/release/overhead "$OUT/$g.txt" $layouts 100 >>"$OUT/$g.rust"
    "$OUT/overhead_c" "$OUT/$g.txt" $layouts 100 >>"$OUT/$g.c"
  done
  for call in layout_edges tick_and_positions counts_call; do
    best() { awk -F'|' -v k="$call" '$1 == k { v = $2 + 0; if (!b || v < b) b = v } END { print b }' "$1"; }
    r=$(best "$OUT/$g.rust")
    c=$(best "$OUT/$g.c")
    awk -v g="$g" -v k="$call" -v r="$r" -v c="$c" 'BEGIN {
      if (r < 1e-6) { u = 1e9; s = "ns" } else if (r < 1e-3) { u = 1e6; s = "µs" } else { u = 1e3; s = "ms" }
      printf "| %s | `%s` | %.3f %s | %.3f %s | %.2f |\n", g, k, r * u, s, c * u, s, c / r }'
  done
done
