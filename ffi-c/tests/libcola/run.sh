#!/usr/bin/env bash
# Builds the libcola-style programs in this directory against the libcola
# compatibility headers (ffi-c/include/compat) and libcolayout, runs each, and checks
# its exit code and output. Prints "ok   NAME" / "FAIL NAME" per program, then
# "N passed, N failed"; exits non-zero on any failure.
#
# Usage: ffi-c/tests/libcola/run.sh [LIBDIR]
#   LIBDIR        directory with libcolayout.a / .so (else $COLAYOUT_LIB_DIR, else
#                 target/debug)
#   LINK=shared   link libcolayout.so with an rpath instead of libcolayout.a
#   VALGRIND=1    run each program under valgrind (errors or definite leaks fail)
#   CXX           the compiler (default g++)
#   INCLUDE       headers from an installed prefix's include directory
#   TEST_OUT      keep the built programs and their output in this directory
set -uo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
given=${1:-${COLAYOUT_LIB_DIR:-$root/target/debug}}
libdir=$(cd "$given" 2>/dev/null && pwd) || { echo "no library directory: $given"; exit 2; }
cxx=${CXX:-g++}
if [ -n "${TEST_OUT:-}" ]; then  # keep the programs and their output there
  mkdir -p "$TEST_OUT"
  work=$(cd "$TEST_OUT" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# INCLUDE: an installed prefix's include directory (compat headers in colayout/compat).
if [ -n "${INCLUDE:-}" ]; then
  flags=(-std=c++17 -Wall -Wextra -Werror -g -I "$INCLUDE/colayout/compat" -I "$INCLUDE")
else
  flags=(-std=c++17 -Wall -Wextra -Werror -g -I "$root/ffi-c/include/compat" -I "$root/ffi-c/include")
fi
if [ "${LINK:-static}" = shared ]; then
  libs=(-L"$libdir" -lcolayout -Wl,-rpath,"$libdir")
else
  libs=(-L"$libdir" -l:libcolayout.a -lm -lpthread -ldl)
fi
runner=()
if [ "${VALGRIND:-0}" = 1 ]; then
  runner=(valgrind -q --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite)
fi

passed=0
failed=0
say() {  # say ok|FAIL NAME [why]
  if [ "$1" = ok ]; then
    passed=$((passed + 1))
    echo "ok   $2"
  else
    failed=$((failed + 1))
    echo "FAIL $2${3:+ ($3)}"
    [ -f "$work/$2.out" ] && sed 's/^/    /' "$work/$2.out" | tail -n 40
  fi
}

# Every <rect id="rect-N"> in out.svg matches the program's "box N x y w h" lines, and
# there is exactly one per node.
svg_matches() {
  awk '
    FNR == NR && $1 == "box" { box[$2] = $3 " " $4 " " $5 " " $6; next }
    FNR == NR && $1 == "nodes" { nodes = $2; next }
    FNR == NR { next }
    /<rect id="rect-/ {
      match($0, /id="rect-[0-9]+"/); id = substr($0, RSTART + 9, RLENGTH - 10)
      seen[id]++
      split("x y width height", keys, " ")
      split(box[id], want, " ")
      for (k = 1; k <= 4; k++) {
        if (!match($0, " " keys[k] "=\"[-0-9.e+]+\"")) {
          print "no " keys[k] " in rect-" id; bad = 1; continue
        }
        v = substr($0, RSTART + length(keys[k]) + 3, RLENGTH - length(keys[k]) - 4) + 0
        d = v - want[k]; if (d < 0) d = -d
        if (!(id in box) || d > 1e-4) { print "rect-" id " " keys[k] " " v " != " want[k]; bad = 1 }
      }
    }
    END {
      if (nodes == "") { print "no node count"; exit 1 }
      for (i = 0; i < nodes; i++)
        if (seen[i] != 1) { print "rect-" i " appears " seen[i] + 0 " times"; bad = 1 }
      n = 0; for (id in seen) n++
      if (n != nodes) { print n " node rects for " nodes " nodes"; bad = 1 }
      exit bad
    }' "$1" "$2"
}

# check NAME EXPECTED_EXIT EXPECTED_TEXT
check() {
  local name=$1 want=$2 text=$3
  if ! "$cxx" "${flags[@]}" "$root/ffi-c/tests/libcola/$name.cpp" -o "$work/$name" "${libs[@]}" \
    >"$work/$name.out" 2>&1; then
    say FAIL "$name" "compile"
    return
  fi
  (cd "$work" && "${runner[@]}" "./$name") >"$work/$name.out" 2>&1
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    say FAIL "$name" "exit $rc, expected $want"
  elif ! grep -q -- "$text" "$work/$name.out"; then
    say FAIL "$name" "no \"$text\" in the output"
  elif grep -q '^FAIL' "$work/$name.out"; then
    say FAIL "$name" "a check failed"
  elif [ "$name" = svg ] &&
    ! svg_matches "$work/$name.out" "$work/out.svg" >>"$work/$name.out" 2>&1; then
    say FAIL "$name" "out.svg does not match the final boxes"
  else
    say ok "$name"
  fi
}

check rectangles 0 "no overlaps"
check constraints 0 "aligned"
check clusters 0 "contained"
check unsatisfiable 0 "Unsatisfiable constraint"
check svg 0 "nodes 6"
check overlap_check 1 "overlap: "
check features 0 "PseudoRandom(1)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
