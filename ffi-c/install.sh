#!/usr/bin/env bash
# Builds libcolayout in release and installs it as C and C++ users expect:
#   bash ffi-c/install.sh --prefix DIR
# DIR/lib/libcolayout.{so,a}, DIR/include/colayout.h and colayout.hpp, the libcola
# compatibility headers under DIR/include/colayout/compat/, DIR/lib/pkgconfig/colayout.pc
# and colayout-libcola.pc, and DIR/lib/cmake/colayout/colayoutConfig.cmake (target
# colayout::colayout; component libcola for the compat headers).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$prefix" ] || { echo "install.sh: --prefix DIR is required" >&2; exit 2; }
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
target=${CARGO_TARGET_DIR:-target}

cargo build --release -p colayout-ffi
lib="$prefix/lib"
install -d "$lib/pkgconfig" "$lib/cmake/colayout" "$prefix/include/colayout"
# Replace, never overwrite in place: a running program may have the old library mapped.
install -m 644 "$target/release/libcolayout.a" "$lib/libcolayout.a.tmp" && mv -f "$lib/libcolayout.a.tmp" "$lib/libcolayout.a"
install -m 755 "$target/release/libcolayout.so" "$lib/libcolayout.so.tmp" && mv -f "$lib/libcolayout.so.tmp" "$lib/libcolayout.so"
install -m 644 ffi-c/include/colayout.h ffi-c/include/colayout.hpp "$prefix/include/"
rm -rf "$prefix/include/colayout/compat"
cp -R ffi-c/include/compat "$prefix/include/colayout/compat"

# Static linking needs the Rust standard library's system libraries.
private_libs="-lm -lpthread -ldl"
cat >"$lib/pkgconfig/colayout.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: colayout
Description: Constraint-based graph layout (WebCola / libcola family): the C and C++ API
Version: $version
Libs: -L\${libdir} -lcolayout
Libs.private: $private_libs
Cflags: -I\${includedir}
PC
cat >"$lib/pkgconfig/colayout-libcola.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: colayout-libcola
Description: colayout behind libcola's C++ API (cola::ConstrainedFDLayout, vpsc::Rectangle, ...)
Version: $version
Requires: colayout
Cflags: -I\${includedir}/colayout/compat
PC
cat >"$lib/cmake/colayout/colayoutConfig.cmake" <<'CMAKE'
# colayout: find_package(colayout) gives the imported target colayout::colayout (the
# shared library, colayout.h and colayout.hpp), colayout::colayout_static, and
# colayout::libcola (colayout::colayout plus the libcola compatibility headers).
get_filename_component(_colayout_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET colayout::colayout)
  add_library(colayout::colayout SHARED IMPORTED)
  set_target_properties(colayout::colayout PROPERTIES
    IMPORTED_LOCATION "${_colayout_prefix}/lib/libcolayout.so"
    INTERFACE_INCLUDE_DIRECTORIES "${_colayout_prefix}/include")
  add_library(colayout::colayout_static STATIC IMPORTED)
  set_target_properties(colayout::colayout_static PROPERTIES
    IMPORTED_LOCATION "${_colayout_prefix}/lib/libcolayout.a"
    INTERFACE_INCLUDE_DIRECTORIES "${_colayout_prefix}/include"
    INTERFACE_LINK_LIBRARIES "m;pthread;dl")
  add_library(colayout::libcola INTERFACE IMPORTED)
  set_target_properties(colayout::libcola PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_colayout_prefix}/include/colayout/compat"
    INTERFACE_LINK_LIBRARIES colayout::colayout)
endif()
set(colayout_FOUND TRUE)
unset(_colayout_prefix)
CMAKE
cat >"$lib/cmake/colayout/colayoutConfigVersion.cmake" <<CMAKE
set(PACKAGE_VERSION "$version")
if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
CMAKE
echo "installed colayout $version into $prefix"
