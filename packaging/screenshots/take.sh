#!/usr/bin/env bash
# take.sh [BUILD_DIR] — retakes the README's screenshots (main-window, collection-settings and
# import, each light and dark, in this folder) from the real window under Xvfb at 1280×800: the
# bundled Digishare collection, "List campaigns" sent to the loopback Digishare fixture. Needs a
# build with tests (the window-screenshots target) and xvfb-run (apt-get install -y xvfb).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
tool="$build/tests/screenshots/window-screenshots"
[ -x "$tool" ] || { echo "take.sh: $tool is missing; build first: cmake --build ${1:-build}" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "take.sh: xvfb-run is missing: apt-get install -y xvfb" >&2; exit 2; }
xdg=$(mktemp -d)
trap 'rm -rf "$xdg"' EXIT
# Empty settings and data: the pictures show a first start, not this machine's history.
XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_CACHE_HOME="$xdg/cache" \
    xvfb-run -a -s "-screen 0 1280x800x24 -dpi 96" "$tool" "$here"
