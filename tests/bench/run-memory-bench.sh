#!/usr/bin/env bash
# run-memory-bench.sh [BUILD_DIR]  — peak RSS of `api-playground run` by body size and request count,
# next to the floor (a bare QNetworkAccessManager program reading and dropping the same bodies).
#
# Builds nothing: BUILD_DIR (default: build) must hold api-playground,
# tests/support/playground-testserver and tests/bench/bench_bare_qnam.
# Cases, against the loopback test server: one small request (/echo), one 300 MB body
# (/huge, Content-Length), one 300 MB chunked body (/huge?chunked=1) and 40 bodies of 7 MB each
# (under the 8 MiB spill threshold, so a run that keeps every body holds 280 MB).
# Peak RSS from /usr/bin/time -f %M (Debian package `time`), one run each; wall time alongside.
# Figures only: nothing here passes or fails (shared, noisy machines).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac

app="$build/api-playground"
server="$build/tests/support/playground-testserver"
bare="$build/tests/bench/bench_bare_qnam"
for f in "$app" "$server" "$bare"; do
    [ -x "$f" ] || { echo "run-memory-bench: $f is missing; build first: ninja -C ${1:-build}" >&2; exit 2; }
done
[ -x /usr/bin/time ] || {
    echo "run-memory-bench: /usr/bin/time is missing: apt-get install -y --no-install-recommends time" >&2
    exit 2
}

bench=run-memory-bench
# shellcheck source=start-test-server.sh
. "$top/tests/bench/start-test-server.sh"
base="http://127.0.0.1:$port"

mb300=$((300 * 1000 * 1000))
mb7=$((7 * 1000 * 1000))

make_collection() { # file n url
    local i
    {
        printf '{"info":{"name":"memory bench","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":['
        for i in $(seq 1 "$2"); do
            [ "$i" -gt 1 ] && printf ','
            printf '{"name":"r%s","request":{"method":"GET","header":[],"url":"%s"}}' "$i" "$3"
        done
        printf ']}\n'
    } >"$1"
}

declare -A url count
names=("1 small request" "1 body of 300 MB" "1 chunked body of 300 MB" "40 bodies of 7 MB")
url["1 small request"]="$base/echo"
count["1 small request"]=1
url["1 body of 300 MB"]="$base/huge?bytes=$mb300"
count["1 body of 300 MB"]=1
url["1 chunked body of 300 MB"]="$base/huge?chunked=1&bytes=$mb300"
count["1 chunked body of 300 MB"]=1
url["40 bodies of 7 MB"]="$base/huge?bytes=$mb7"
count["40 bodies of 7 MB"]=40

# "peak-MB wall-s" of a command, or "failed" when it exits non-zero.
measure() {
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -o "$work/rss" -f %M "$@" >/dev/null 2>"$work/cmd.err"; then
        echo "failed"
        return
    fi
    end=$(date +%s%N)
    awk -v kb="$(tail -n 1 "$work/rss")" -v ns=$((end - start)) 'BEGIN { printf "%.1f %.2f\n", kb / 1024, ns / 1e9 }'
}

echo "Measuring against $base" >&2
printf '\n| case | api-playground run: peak RSS MB | wall s | bare QNAM: peak RSS MB | wall s |\n'
printf '|---|---:|---:|---:|---:|\n'
i=0
for name in "${names[@]}"; do
    i=$((i + 1))
    make_collection "$work/c$i.json" "${count[$name]}" "${url[$name]}"
    read -r app_rss app_s <<<"$(measure "$app" run "$work/c$i.json")" || true
    [ "$app_rss" = failed ] && app_s="($(tail -n 1 "$work/cmd.err"))"
    read -r bare_rss bare_s <<<"$(measure "$bare" "${url[$name]}" "${count[$name]}" 65536)" || true
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$app_rss" "${app_s:-}" "$bare_rss" "${bare_s:-}"
done
printf '\nGoal: peak RSS of run independent of body size and request count (a few tens of MB).\n'
printf 'Machine: %s cores, load average %s; %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$("$app" --version 2>/dev/null | head -n 1)"
