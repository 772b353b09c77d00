#!/usr/bin/env bash
# run-window-bench.sh [BUILD_DIR] [RUNS] — the window's start-up beside its floor, a bare Qt window
# of the same kinds of parts (tests/bench/bare_window.cpp), under one Xvfb server:
#   start: from launching the program until its window is mapped and visible (xdotool, polled);
#   RSS:   the process's resident and peak resident size one second after that.
# Each program starts RUNS times (default 10) with empty XDG folders (a first start: no history,
# no settings); the table shows the median and the best. Figures only: nothing passes or fails.
# Needs xvfb-run and xdotool (apt-get install -y xvfb xdotool).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
runs=${2:-10}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
gui="$build/api-playground-gui"
bare="$build/tests/bench/bench_bare_window"
for f in "$gui" "$bare"; do
    [ -x "$f" ] || { echo "run-window-bench: $f is missing; build first: ninja -C ${1:-build}" >&2; exit 2; }
done
for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "run-window-bench: $tool is missing: apt-get install -y xvfb xdotool" >&2; exit 2; }
done

if [ -z "${RUN_WINDOW_BENCH_INNER:-}" ]; then
    RUN_WINDOW_BENCH_INNER=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

measure() { # name title program...
    local name=$1 title=$2
    shift 2
    local times=() rss=() hwm=()
    for _ in $(seq 1 "$runs"); do
        rm -rf "$work/xdg" && mkdir -p "$work/xdg/config" "$work/xdg/data" "$work/xdg/cache"
        local start end pid
        start=$(date +%s%N)
        XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" \
            XDG_CACHE_HOME="$work/xdg/cache" "$@" >/dev/null 2>&1 &
        pid=$!
        # Polled every few milliseconds (xdotool's own --sync waits half a second between looks);
        # a program that never shows a window (or died) ends the bench with a message, not a hang.
        local deadline=$(($(date +%s) + 30))
        until xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
            if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
                echo "run-window-bench: $1 showed no window named \"$title\" within 30 s" >&2
                kill "$pid" 2>/dev/null || true
                exit 1
            fi
            sleep 0.005
        done
        end=$(date +%s%N)
        sleep 1
        times+=($(((end - start) / 1000000)))
        rss+=($(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"))
        hwm+=($(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status"))
        kill "$pid" && wait "$pid" 2>/dev/null || true
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    best() { printf '%s\n' "$@" | sort -n | head -n 1; }
    printf '%-24s %8s ms %8s ms %8s MiB %8s MiB\n' "$name" "$(median "${times[@]}")" \
        "$(best "${times[@]}")" "$(median "${rss[@]}")" "$(median "${hwm[@]}")"
}

printf '%-24s %11s %11s %12s %12s\n' "program ($runs starts)" "start (med)" "start (best)" "RSS (med)" "peak (med)"
measure "bare Qt window" "Bare Qt window" "$bare"
measure "api-playground-gui" "API Playground" "$gui"
