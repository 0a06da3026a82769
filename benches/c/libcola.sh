#!/usr/bin/env bash
# A libcola program (benches/c/libcola_program.cpp, libcola's own API) built unchanged
# against colayout's compat headers, on libcola-notes.md §4's workloads; prints a
# markdown table. Usage: bash benches/c/libcola.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${BENCH_OUT:-target/bench-report}/libcola
mkdir -p "$OUT"
cargo build -q --release -p colayout-ffi
c++ -std=c++17 -O2 -Wall -Werror -I ffi-c/include/compat -I ffi-c/include benches/c/libcola_program.cpp \
  -o "$OUT/libcola_program" target/release/libcolayout.a -lm -lpthread -ldl
echo "| graph | non-overlap | iterations | run() s | s / iteration | overlapping pairs before → after |"
echo "|---|---|---:|---:|---:|---|"
for g in "400 1500" "1000 4000"; do
  for avoid in 0 1; do
    # shellcheck disable=SC2086
    IFS='|' read -r it s _ before after < <("$OUT/libcola_program" $g $avoid)
    awk -v g="$g" -v a="$avoid" -v it="$it" -v s="$s" -v b="$before" -v f="$after" 'BEGIN {
      split(g, nm, " "); printf "| random %s / %s | %s | %d | %.3f | %.4f | %d → %d |\n",
        nm[1], nm[2], a ? "on" : "off", it, s, s / it, b, f }'
  done
done
