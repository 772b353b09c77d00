#!/usr/bin/env bash
# Builds OUTDIR/api-playground_<version>_<arch>.deb (OUTDIR: build) from a Release build in
# build-release/.
#   packaging/build-deb.sh [--clean] [OUTDIR]
# --clean starts from an empty build-release/ (what `packaging/setup.sh deb` does); without it the
# Release build is incremental (the CI's package tests).
# Compiler and linker flags are Debian's (dpkg-buildflags: hardening, fortify, relro, bindnow).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
release=build-release
if [ "${1:-}" = --clean ]; then
    rm -rf "$release"
    shift
fi
out=$(realpath -m "${1:-build}")
export CCACHE_BASEDIR="$top"
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
if [ ! -f "$release/build.ninja" ]; then
    # Debian's flags without -g (the package is stripped) and with the Release optimisation.
    cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS | sed -e 's/\(^\| \)-g\( \|$\)/ /')"
    cmake -S . -B "$release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLAYGROUND_BUILD_TESTS=OFF \
        -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_CXX_FLAGS="$cxxflags" \
        -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" >/dev/null
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$release" --parallel "$jobs"
rm -f "$release"/*.deb
(cd "$release" && cpack -G DEB >/dev/null)
deb=$(ls "$release"/*.deb)
mkdir -p "$out"
cp "$deb" "$out/"
echo "$out/$(basename "$deb")"
