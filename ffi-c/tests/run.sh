#!/usr/bin/env bash
# The C and C++ tests against a built libcolayout: each program compiled warning-free
# by a real compiler, run, under valgrind and AddressSanitizer when asked.
#   bash ffi-c/tests/run.sh LIBDIR [PANIC_LIBDIR]
# LIBDIR holds libcolayout.{a,so} (an installed prefix's lib, or a cargo target dir);
# PANIC_LIBDIR a build with `--features debug-panic`. INCLUDE: the headers' directory.
# Env: VALGRIND=1 and ASAN=1 add those runs; COLAYOUT_CLI=path compares with the CLI. Prints "ok NAME"/"FAIL NAME" per check
# and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
LIB=${1:?LIBDIR}
PANIC_LIB=${2:-}
OUT=${TEST_OUT:-target/ffi-tests}
mkdir -p "$OUT"
CC=${CC:-cc}
CXX=${CXX:-c++}
INC=${INCLUDE:-ffi-c/include}
CFLAGS=(-std=c11 -Wall -Wextra -Werror -pedantic -O1 -g -I "$INC" -I ffi-c/tests/c)
CXXFLAGS=(-std=c++17 -Wall -Wextra -Werror -pedantic -O1 -g -I "$INC")
STATIC=(-L"$LIB" -l:libcolayout.a -lm -lpthread -ldl)
passes=0
fails=0

check() { # NAME COMMAND...: one pass or fail; the log tail on failure
  local name=$1
  shift
  if "$@" >"$OUT/$name.log" 2>&1; then
    passes=$((passes + 1))
    echo "ok   $name"
  else
    fails=$((fails + 1))
    echo "FAIL $name"
    tail -n 30 "$OUT/$name.log"
  fi
}

# A test program's own "N passed, N failed" line, with exit 0.
own_summary() { # BINARY [ARGS...]
  "$@" | tee /dev/stderr | grep -qE '^[0-9]+ passed, 0 failed$'
}

for t in test_api test_threads; do
  check "cc-$t" "$CC" "${CFLAGS[@]}" "ffi-c/tests/c/$t.c" -o "$OUT/$t" "${STATIC[@]}"
  check "run-$t" own_summary "$OUT/$t"
done
# The shared library, found through an rpath, as an installed program would.
check cc-test_api-shared "$CC" "${CFLAGS[@]}" ffi-c/tests/c/test_api.c -o "$OUT/test_api_so" \
  -L"$LIB" -lcolayout -Wl,-rpath,"$(cd "$LIB" && pwd)" -lm
check run-test_api-shared own_summary "$OUT/test_api_so"
check cxx-test_hpp "$CXX" "${CXXFLAGS[@]}" ffi-c/tests/cpp/test_hpp.cpp -o "$OUT/test_hpp" "${STATIC[@]}"
check run-test_hpp own_summary "$OUT/test_hpp"
# The header also compiles as C++ (cpp_compat) and as C89-style strict C99.
check header-as-cxx bash -c "echo '#include \"colayout.h\"' | $CXX -std=c++11 -Wall -Wextra -Werror -pedantic -x c++ -fsyntax-only -I '$INC' -"
check header-as-c99 bash -c "echo '#include \"colayout.h\"' | $CC -std=c99 -Wall -Wextra -Werror -pedantic -x c -fsyntax-only -I '$INC' -"

# colayout_layout_edges gives `colayout layout`'s positions bit for bit (COLAYOUT_CLI:
# the CLI binary, built with the same profile and target features as LIBDIR).
same_as_cli() { # GRAPH.json
  node -e 'const g = JSON.parse(require("fs").readFileSync(process.argv[1]));
    console.log(g.nodes, g.links.length, g.links.flat().join(" "))' "$1" >"$OUT/edges.txt" || return 1
  "$OUT/cli_bits" <"$OUT/edges.txt" >"$OUT/c.json" || return 1
  "$COLAYOUT_CLI" layout "$1" -o "$OUT/cli.json" || return 1
  node -e 'const fs = require("fs");
    const c = JSON.parse(fs.readFileSync(process.argv[1])), cli = JSON.parse(fs.readFileSync(process.argv[2])).positions;
    const same = c.length === cli.length && c.every((p, i) => p[0] === cli[i][0] && p[1] === cli[i][1]);
    console.log(process.argv[3], c.length, "nodes:", same ? "identical" : "DIFFERENT"); process.exit(same ? 0 : 1)' \
    "$OUT/c.json" "$OUT/cli.json" "$1"
}
if [ -n "${COLAYOUT_CLI:-}" ]; then
  check cc-cli_bits "$CC" "${CFLAGS[@]}" ffi-c/tests/c/cli_bits.c -o "$OUT/cli_bits" "${STATIC[@]}"
  for g in data/karate.json data/can_96.json data/dwt_419.json; do
    check "same-as-cli-$(basename "$g" .json)" same_as_cli "$g"
  done
fi

if [ -n "$PANIC_LIB" ]; then
  check cc-test_panic "$CC" "${CFLAGS[@]}" ffi-c/tests/c/test_panic.c -o "$OUT/test_panic" \
    -L"$PANIC_LIB" -l:libcolayout.a -lm -lpthread -ldl
  check run-test_panic own_summary "$OUT/test_panic"
fi

if [ "${VALGRIND:-0}" = 1 ]; then
  for t in test_api test_threads test_hpp; do
    check "valgrind-$t" valgrind -q --error-exitcode=3 --leak-check=full \
      --errors-for-leak-kinds=definite "$OUT/$t"
  done
fi

if [ "${ASAN:-0}" = 1 ]; then
  # The Rust side is not instrumented; ASan checks the C side's use of the API.
  check cc-asan-test_api "$CC" "${CFLAGS[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer \
    ffi-c/tests/c/test_api.c -o "$OUT/test_api_asan" "${STATIC[@]}"
  check run-asan-test_api own_summary env ASAN_OPTIONS=detect_leaks=1 "$OUT/test_api_asan"
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
