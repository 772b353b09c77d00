# start-test-server.sh — sourced by the benchmark scripts (bash): makes a temporary folder $work,
# starts the loopback test server ($server, the playground-testserver executable) and sets $port.
# Both are cleaned up when the script exits. $bench names the script in messages.
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The server: stdin from /dev/null (not a pipe), so it runs until the trap stops it. Its output file
# exists before it starts: the background shell may open it only after the first look below.
: >"$work/server.out"
"$server" >"$work/server.out" 2>"$work/server.err" </dev/null &
server_pid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's/^PORT \([0-9]*\)$/\1/p' "$work/server.out" || true)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
done
[ -n "$port" ] || {
    echo "$bench: the test server did not start: $(cat "$work/server.err")" >&2
    exit 1
}
