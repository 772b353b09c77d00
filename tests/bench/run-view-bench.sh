#!/bin/sh
# The response viewer under JSON bodies of 1, 10, 50 and 200 MiB, one process per size (peak RSS
# is the process's), then the floors: a bare event loop and QPlainTextEdit::setPlainText.
#   tests/bench/run-view-bench.sh [BUILD_DIR]
set -eu
build=${1:-build}
bench="$build/tests/bench/bench_response_view"
[ -x "$bench" ] || { echo "build $bench first" >&2; exit 2; }
for size in 1 10 50 200; do
    "$bench" --size "$size" 2>/dev/null | tail -n 1
done
"$bench" --size 10 --floor 2>/dev/null | head -n 2
