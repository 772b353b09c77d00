#!/bin/sh
# The response viewer under JSON bodies of 1, 10, 50 and 200 MiB, one process per size (peak RSS
# is the process's):
#  1. downloaded into the real window from a loopback server (bench_window_download): UI stalls
#     while receiving and formatting, first screen after the last byte, find near the end;
#  2. handed to the view directly (bench_response_view), then its floors: a bare event loop and
#     QPlainTextEdit::setPlainText;
#  3. the re-indenter alone on a 20 MiB file beside `jq .` and node's
#     JSON.stringify(JSON.parse(s), null, 2) (best of three each).
# Figures only: nothing here passes or fails.
#   tests/bench/run-view-bench.sh [BUILD_DIR]
set -eu
build=${1:-build}
for b in bench_window_download bench_response_view bench_json_format; do
    [ -x "$build/tests/bench/$b" ] || { echo "build $build/tests/bench/$b first" >&2; exit 2; }
done
echo "## Downloaded into the window"
for size in 1 10 50 200; do
    "$build/tests/bench/bench_window_download" --size "$size" 2>/dev/null | tail -n 1
done
echo "## Shown by the view directly"
for size in 1 10 50 200; do
    "$build/tests/bench/bench_response_view" --size "$size" 2>/dev/null | tail -n 1
done
"$build/tests/bench/bench_response_view" --size 10 --floor 2>/dev/null | head -n 2

echo "## Re-indenting 20 MiB of JSON (best of three, ms)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
json="$work/body.json"
"$build/tests/bench/bench_json_format" --write 20 "$json"
best_of_three() { # command...
    best=
    for _ in 1 2 3; do
        start=$(date +%s%N)
        "$@" >/dev/null
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
}
ours=$("$build/tests/bench/bench_json_format" "$json" 2>/dev/null)
echo "api-playground JsonIndenter  $ours ms"
if command -v jq >/dev/null; then
    echo "jq .                         $(best_of_three jq . "$json") ms ($(jq --version))"
else
    echo "jq .                         not installed (apt-get install jq)"
fi
if command -v node >/dev/null; then
    node_ms=$(best_of_three node -e \
        'const s=require("fs").readFileSync(process.argv[1],"utf8");process.stdout.write(JSON.stringify(JSON.parse(s),null,2))' \
        "$json")
    echo "node JSON.stringify          $node_ms ms (node $(node --version), process start included)"
else
    echo "node JSON.stringify          node not installed"
fi
