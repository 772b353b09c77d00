#!/usr/bin/env bash
# One-step set-up for a Debian 12 machine.
#   packaging/setup.sh run [ARGS...]   install what is missing, build, launch the app
#   packaging/setup.sh test            install what is missing, build, run every test
#   packaging/setup.sh deb             install what is missing, build
#                                      build/api-playground_<version>_<arch>.deb from a clean
#                                      Release build (build-release/)
# Idempotent: packages already installed are not touched, builds are incremental (ccache when present).
set -euo pipefail

mode=${1:-}
case "$mode" in
run | test | deb) shift ;;
*)
    echo "usage: $0 run [ARGS...] | test | deb" >&2
    exit 2
    ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build_pkgs=(cmake ninja-build g++ ccache qt6-base-dev qt6-base-dev-tools qtkeychain-qt6-dev libgl-dev
    libqt6sql6-sqlite libsimdjson-dev libsecret-1-0 gnome-keyring dbus-daemon dbus-bin librsvg2-bin
    libyaml-cpp-dev)
# The package: dpkg-buildflags and dpkg-shlibdeps (dpkg-dev), file (CPack's ELF detection).
deb_pkgs=(dpkg-dev file)
# Package checks: lintian, desktop-file-validate, update-mime-database, appstreamcli, man, the
# shells whose completions ship, and mmdebstrap for the clean-root install test.
test_pkgs=(clang-format xvfb xauth libsecret-tools openssl curl python3-httpbin python3-gunicorn nodejs npm
    "${deb_pkgs[@]}" lintian desktop-file-utils shared-mime-info appstream man-db zsh fish
    mmdebstrap debian-archive-keyring)

wanted=("${build_pkgs[@]}")
[ "$mode" = test ] && wanted+=("${test_pkgs[@]}")
[ "$mode" = deb ] && wanted+=("${deb_pkgs[@]}")

missing=()
for p in "${wanted[@]}"; do
    # npm ships inside some nodejs builds; only ask for the package when the command is absent.
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing Debian packages. Install them as root, then run this again:" >&2
        echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = deb ]; then
    exec packaging/build-deb.sh --clean build
fi

jobs=$(nproc 2>/dev/null || echo 2)
export CCACHE_BASEDIR="$top" # clones of the checkout share cached objects
export CCACHE_NOHASHDIR=1 # …even with debug info, which names the build folder
if [ ! -f build/build.ninja ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build --parallel "$jobs"

if [ "$mode" = run ]; then
    exec build/api-playground-gui "$@"
fi

# Interop peers from the npm registry, pinned, kept inside the checkout (ignored by git). A peer
# that is missing makes its interop test fail, saying so.
npm_tools=(newman@6 httpyac@6.16.7 har-validator@5.1.5)
for spec in "${npm_tools[@]}"; do
    name=${spec%@*}
    if [ ! -f ".tools/node_modules/$name/package.json" ]; then
        echo "Installing $spec into .tools (npm registry)" >&2
        npm install --silent --no-audit --no-fund --prefix .tools "$spec" >/dev/null 2>&1 \
            || echo "warning: $spec could not be installed; its interop test will fail" >&2
    fi
done
export PLAYGROUND_NEWMAN="$top/.tools/node_modules/.bin/newman"
# Formatting is part of the suite, so it cannot drift.
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror || {
    echo "clang-format: the files above are not formatted (clang-format -i FILE)" >&2
    exit 1
}
# A test that could not run (a peer missing) is skipped by CTest, and a skip fails the suite:
# interop must be proven, not assumed.
log=build/ctest.log
set +e
ctest --test-dir build --output-on-failure --parallel "$jobs" --timeout 300 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
if grep -q '(Skipped)' "$log"; then
    echo "Some tests were skipped (listed above): every test must run." >&2
    exit 1
fi
exit "$rc"
