#!/usr/bin/env bash
# run-bench.sh [BUILD_DIR]  — `api-playground run` against its peers, side by side, in one run.
#
# Builds nothing: BUILD_DIR (default: build) must hold api-playground,
# tests/support/playground-testserver and tests/bench/bench_bare_qnam (plain `ninja -C build`).
# Starts the loopback test server, writes collections of 1 and 100 GET requests to it and measures,
# for api-playground, a bare QNetworkAccessManager program, curl and newman (when installed):
#   wall time    median of N runs (hyperfine when installed, else a date +%s%N loop), 1 warm-up run
#   per request  (t100 - t1) / 99
#   peak RSS     /usr/bin/time -f %M (Debian package `time`), median of 3 runs
# Figures only: nothing here passes or fails on time (shared, noisy machines).
# Environment: BENCH_RUNS (default 10, at least 5), BENCH_NEWMAN_RUNS (default 3, at least 3),
# PLAYGROUND_NEWMAN (default: .tools/node_modules/.bin/newman of this checkout), BENCH_TIMER=loop
# (the date loop even when hyperfine is installed).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac

app="$build/api-playground"
server="$build/tests/support/playground-testserver"
bare="$build/tests/bench/bench_bare_qnam"
for f in "$app" "$server" "$bare"; do
    [ -x "$f" ] || { echo "run-bench: $f is missing; build first: ninja -C ${1:-build}" >&2; exit 2; }
done
if ! dpkg -s time >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
    echo "run-bench: /usr/bin/time is missing; install it with: apt-get install -y --no-install-recommends time" >&2
    exit 2
fi
command -v curl >/dev/null 2>&1 || { echo "run-bench: curl is missing: apt-get install -y curl" >&2; exit 2; }

runs=${BENCH_RUNS:-10}
[ "$runs" -ge 5 ] || runs=5
newman_runs=${BENCH_NEWMAN_RUNS:-3}
[ "$newman_runs" -ge 3 ] || newman_runs=3
newman=${PLAYGROUND_NEWMAN:-$top/.tools/node_modules/.bin/newman}
[ -x "$newman" ] || newman=
hyperfine=$(command -v hyperfine || true)
[ "${BENCH_TIMER:-}" = loop ] && hyperfine=

bench=run-bench
# shellcheck source=start-test-server.sh
. "$top/tests/bench/start-test-server.sh"
url="http://127.0.0.1:$port/echo"

# Collections of n GET requests, and a curl config with the same n URLs (one process, one connection).
make_collection() { # n file
    local n=$1 i
    {
        printf '{"info":{"name":"bench %s","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[' "$n"
        for i in $(seq 1 "$n"); do
            [ "$i" -gt 1 ] && printf ','
            printf '{"name":"r%s","request":{"method":"GET","header":[],"url":"%s?i=%s"}}' "$i" "$url" "$i"
        done
        printf ']}\n'
    } >"$2"
}
make_curl_config() { # n file
    local i
    for i in $(seq 1 "$1"); do printf 'url = "%s?i=%s"\noutput = "/dev/null"\n' "$url" "$i"; done >"$2"
}
make_collection 1 "$work/c1.json"
make_collection 100 "$work/c100.json"
make_curl_config 1 "$work/curl1.cfg"
make_curl_config 100 "$work/curl100.cfg"

# Each tool: one command line per size (word-split; paths hold no spaces: mktemp and the build dir).
declare -A cmd
cmd[api-playground,1]="$app run $work/c1.json"
cmd[api-playground,100]="$app run $work/c100.json"
cmd[bare QNAM,1]="$bare $url 1"
cmd[bare QNAM,100]="$bare $url 100"
cmd[curl,1]="curl -s -f -K $work/curl1.cfg"
cmd[curl,100]="curl -s -f -K $work/curl100.cfg"
tools=("api-playground" "bare QNAM" "curl")
if [ -n "$newman" ]; then
    cmd[newman,1]="$newman run $work/c1.json --reporters cli"
    cmd[newman,100]="$newman run $work/c100.json --reporters cli"
    tools+=("newman")
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Median wall time in ms of `$1` over $2 runs, after one warm-up run that must succeed.
wall_ms() {
    local command=$1 n=$2 i start end
    # shellcheck disable=SC2086
    $command >/dev/null 2>&1 || { echo "run-bench: failed: $command" >&2; return 1; }
    if [ -n "$hyperfine" ]; then
        "$hyperfine" -N --style none --runs "$n" --export-json "$work/h.json" "$command" >/dev/null 2>&1
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"] * 1000)' "$work/h.json"
        return
    fi
    for i in $(seq 1 "$n"); do
        start=$(date +%s%N)
        # shellcheck disable=SC2086
        $command >/dev/null 2>&1
        end=$(date +%s%N)
        echo $(((end - start) / 1000))
    done | median | awk '{ printf "%.3f\n", $1 / 1000 }'
}

# Median peak RSS in MB of `$1` over 3 runs.
rss_mb() {
    local command=$1 i
    for i in 1 2 3; do
        # shellcheck disable=SC2086
        /usr/bin/time -o "$work/rss" -f %M $command >/dev/null 2>&1
        tail -n 1 "$work/rss"
    done | median | awk '{ printf "%.1f\n", $1 / 1024 }'
}

timer=${hyperfine:+hyperfine}
echo "Measuring against $url (runs: $runs, newman: $newman_runs; timer: ${timer:-date loop})" >&2
printf '\n| tool | 1 request ms | 100 requests ms | per extra request ms | peak RSS MB (1 req) | peak RSS MB (100 req) |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
for tool in "${tools[@]}"; do
    n=$runs
    [ "$tool" = newman ] && n=$newman_runs
    t1=$(wall_ms "${cmd[$tool,1]}" "$n")
    t100=$(wall_ms "${cmd[$tool,100]}" "$n")
    r1=$(rss_mb "${cmd[$tool,1]}")
    r100=$(rss_mb "${cmd[$tool,100]}")
    awk -v tool="$tool" -v t1="$t1" -v t100="$t100" -v r1="$r1" -v r100="$r100" \
        'BEGIN { printf "| %s | %.1f | %.1f | %.3f | %.1f | %.1f |\n", tool, t1, t100, (t100 - t1) / 99, r1, r100 }'
done
[ -n "$newman" ] || echo "(newman not installed: set PLAYGROUND_NEWMAN or run packaging/setup.sh test)"
printf '\nTargets for api-playground: 1 request <= 15 ms and <= 25 MB peak RSS; <= 0.5 ms per extra request.\n'
# The load says how far to trust the figures: other work on a 2-core machine moves them a lot.
printf 'Machine: %s cores, %s, load average %s; %s\n' "$(nproc)" "$(uname -m)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$("$app" --version 2>/dev/null | head -n 1)"
