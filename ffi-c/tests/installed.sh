#!/usr/bin/env bash
# An installed colayout used as C and C++ users use it: install.sh into a fresh prefix,
# then the examples built through pkg-config (shared and static) and CMake, and a libcola
# program through colayout-libcola.pc. Ends with "N passed, N failed".
#   bash ffi-c/tests/installed.sh [PREFIX]
set -uo pipefail
cd "$(dirname "$0")/../.."
PREFIX=${1:-$PWD/target/ffi-install}
OUT=${TEST_OUT:-target/ffi-tests}/installed
rm -rf "$PREFIX" "$OUT"
mkdir -p "$OUT"
passes=0
fails=0
check() {
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
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
ex=ffi-c/examples
runs() { # BINARY: runs and prints 6 (or 5) node lines
  "$1" | tee /dev/stderr | grep -q '^node 4: '
}
check install bash ffi-c/install.sh --prefix "$PREFIX"
# The README shows the two examples as they are.
check readme-shows-examples node -e 'const fs = require("fs"); const readme = fs.readFileSync("README.md", "utf8");
  for (const f of ["layout.c", "layout.cpp"]) if (!readme.includes(fs.readFileSync("ffi-c/examples/" + f, "utf8").trim())) process.exit(1)'
check layout-files bash -c "test -f '$PREFIX/lib/libcolayout.so' && test -f '$PREFIX/lib/libcolayout.a' \
  && test -f '$PREFIX/include/colayout.h' && test -f '$PREFIX/include/colayout.hpp' \
  && test -f '$PREFIX/include/colayout/compat/libcola/cola.h' \
  && test -f '$PREFIX/include/colayout/compat/libvpsc/rectangle.h' \
  && test -f '$PREFIX/lib/cmake/colayout/colayoutConfig.cmake'"
check pkg-config-version bash -c "pkg-config --modversion colayout colayout-libcola"
# shellcheck disable=SC2046
check pkgconfig-c bash -c "cc -std=c11 -Wall -Wextra -Werror -pedantic $ex/layout.c \$(pkg-config --cflags --libs colayout) \
  -Wl,-rpath,$PREFIX/lib -o $OUT/layout_c"
check run-pkgconfig-c runs "$OUT/layout_c"
check pkgconfig-static bash -c "cc -std=c11 -Wall -Werror $ex/layout.c \$(pkg-config --cflags colayout) \
  $PREFIX/lib/libcolayout.a \$(pkg-config --libs-only-other --static colayout) \$(pkg-config --static --libs-only-l colayout | sed 's/-lcolayout//') -o $OUT/layout_static"
check run-pkgconfig-static runs "$OUT/layout_static"
check static-has-no-colayout-dep bash -c "! ldd $OUT/layout_static | grep -q libcolayout"
check pkgconfig-cpp bash -c "c++ -std=c++17 -Wall -Wextra -Werror -pedantic $ex/layout.cpp \$(pkg-config --cflags --libs colayout) \
  -Wl,-rpath,$PREFIX/lib -o $OUT/layout_cpp"
check run-pkgconfig-cpp runs "$OUT/layout_cpp"
if [ -d ffi-c/tests/libcola ] && [ -n "$(ls ffi-c/tests/libcola/*.cpp 2>/dev/null)" ]; then
  first=$(ls ffi-c/tests/libcola/*.cpp | head -n 1)
  check pkgconfig-libcola bash -c "c++ -std=c++17 -Wall -Werror $first \$(pkg-config --cflags --libs colayout-libcola) \
    -Wl,-rpath,$PREFIX/lib -o $OUT/libcola_program"
  check run-pkgconfig-libcola bash -c "cd $OUT && ./libcola_program"
fi
if command -v cmake >/dev/null; then
  check cmake-configure cmake -S "$ex" -B "$OUT/cmake" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release
  check cmake-build cmake --build "$OUT/cmake"
  for b in layout_c layout_cpp layout_static; do
    check "run-cmake-$b" runs "$OUT/cmake/$b"
  done
else
  echo "FAIL cmake: not installed"
  fails=$((fails + 1))
fi
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
