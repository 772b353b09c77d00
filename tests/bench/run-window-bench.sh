#!/usr/bin/env bash
# run-window-bench.sh [BUILD_DIR] [RUNS] — the window's start-up beside its floor, a bare Qt window
# of the same kinds of parts (tests/bench/bare_window.cpp), under one Xvfb server:
#   start: from launching the program until its window is mapped and visible (xdotool, polled);
#   RSS:   the process's resident and peak resident size one second after that.
# Each program starts RUNS times (default 10), the two in turn, with empty XDG folders (a first start: no history,
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

# One start of a program: appends its start time, RSS and peak RSS to the arrays named
# <key>_times, <key>_rss, <key>_hwm.
sample() { # key title program...
    local key=$1 title=$2
    shift 2
    rm -rf "$work/xdg" && mkdir -p "$work/xdg/config" "$work/xdg/data" "$work/xdg/cache"
    local start end pid
    start=$(date +%s%N)
    XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" \
        XDG_CACHE_HOME="$work/xdg/cache" "$@" >/dev/null 2>&1 &
    pid=$!
    # Polled every few milliseconds (xdotool's own --sync waits half a second between looks).
    # So many quick X connections sometimes make one fail: a program that died at once (Qt
    # aborts when it cannot reach the display) is started again, up to three times; one that
    # never shows a window ends the bench with a message, not a hang.
    local deadline=$(($(date +%s) + 30))
    until xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid" 2>/dev/null || true
            if [ "${retry:-0}" -lt 3 ]; then
                retry=$((${retry:-0} + 1)) sample "$key" "$title" "$@"
                return
            fi
            echo "run-window-bench: $1 died before showing its window, four times" >&2
            exit 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "run-window-bench: $1 showed no window named \"$title\" within 30 s" >&2
            kill "$pid" 2>/dev/null || true
            exit 1
        fi
        sleep 0.005
    done
    end=$(date +%s%N)
    sleep 1
    eval "${key}_times+=($(((end - start) / 1000000)))"
    eval "${key}_rss+=($(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"))"
    eval "${key}_hwm+=($(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status"))"
    kill "$pid" && wait "$pid" 2>/dev/null || true
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { printf '%s\n' "$@" | sort -n | head -n 1; }
report() { # name key
    local -n t="$2_times" r="$2_rss" h="$2_hwm"
    printf '%-24s %8s ms %8s ms %8s MiB %8s MiB\n' "$1" "$(median "${t[@]}")" "$(best "${t[@]}")" \
        "$(median "${r[@]}")" "$(median "${h[@]}")"
}

# The two programs start in turn, so a change of load on the machine weighs on both alike.
bare_times=() bare_rss=() bare_hwm=() gui_times=() gui_rss=() gui_hwm=()
for _ in $(seq 1 "$runs"); do
    sample bare "Bare Qt window" "$bare"
    sample gui "API Playground" "$gui"
done
printf '%-24s %11s %11s %12s %12s\n' "program ($runs starts)" "start (med)" "start (best)" "RSS (med)" "peak (med)"
report "bare Qt window" bare
report "api-playground-gui" gui
