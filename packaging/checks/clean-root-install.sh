#!/usr/bin/env bash
# Install test in a clean Debian root: the package must install with apt from only its declared
# dependencies, run headless against a loopback server, open its window under Xvfb, and leave no
# file behind when purged.
#   clean-root-install.sh DEB CACHE_DIR TESTSERVER
# DEB         the package to test
# CACHE_DIR   under the build folder: holds the root tarball (made once with mmdebstrap from this
#             machine's Debian mirror, variant minbase, apt lists kept) and the downloaded .debs,
#             so a warm run fetches nothing
# TESTSERVER  the project's loopback test server (needs only Qt Core and Network, which the
#             package brings), copied into the root's /tmp
# Runs as root (chroot, mounts), inside a private mount namespace so nothing stays mounted.
set -euo pipefail

deb=$(realpath "$1")
cache=$(realpath -m "$2")
testserver=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
version=$(dpkg-deb -f "$deb" Version)
package=$(dpkg-deb -f "$deb" Package)

if [ "$(id -u)" -ne 0 ]; then
    echo "clean-root-install: needs root (chroot and mounts)" >&2
    exit 1
fi
if [ -z "${PLAYGROUND_IN_NAMESPACE:-}" ]; then
    exec env PLAYGROUND_IN_NAMESPACE=1 unshare --mount --propagation private -- "$0" "$@"
fi

step() { printf '== %s (%ss)\n' "$*" "$SECONDS"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

mkdir -p "$cache/apt-archives/partial"
. /etc/os-release
tarball=$cache/debian-$VERSION_CODENAME-minbase.tar
if [ ! -f "$tarball" ]; then
    step "making the clean root with mmdebstrap (cached in $tarball)"
    mapfile -t mirrors < <("$here/debian-mirrors.sh")
    [ ${#mirrors[@]} -gt 0 ] || fail "no Debian $VERSION_CODENAME source in /etc/apt/sources.list*"
    printf '   mirror: %s\n' "${mirrors[@]}"
    mmdebstrap --quiet --variant=minbase --mode=root --skip=cleanup/apt/lists --format=tar \
        "$VERSION_CODENAME" "$tarball.part" "${mirrors[@]}"
    mv "$tarball.part" "$tarball"
fi

root=$(mktemp -d "$cache/root.XXXXXX")
cleanup() {
    umount -R "$root/proc" "$root/dev" "$root/var/cache/apt/archives" 2>/dev/null || true
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
step "unpacking the clean root"
tar -xf "$tarball" -C "$root"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/"
cp "$testserver" "$root/tmp/playground-testserver"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
export DEBIAN_FRONTEND=noninteractive
apt_get() {
    # Lists in a cached root may be older than the mirror: refresh them once if a fetch fails.
    in_root apt-get -q -y -o APT::Install-Recommends=false -o Dpkg::Use-Pty=0 "$@" >"$root/tmp/apt.log" 2>&1 || {
        in_root apt-get -q update >/dev/null 2>&1
        in_root apt-get -q -y -o APT::Install-Recommends=false -o Dpkg::Use-Pty=0 "$@" >"$root/tmp/apt.log" 2>&1 || {
            cat "$root/tmp/apt.log" >&2
            fail "apt-get $*"
        }
    }
    grep -E '^[0-9]+ upgraded' "$root/tmp/apt.log" | sed 's/^/   apt: /'
}
# Everything but what apt, dpkg and logs keep about themselves; /tmp holds the test's own files.
list_files() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./var/cache \
        -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/log -o -path ./home \) -prune \
        -o -print | LC_ALL=C sort)
}

list_files >"$root/tmp/before.txt"
step "apt-get install ./$(basename "$deb") (no Recommends: Depends must be enough)"
apt_get install "./tmp/$(basename "$deb")"
in_root dpkg-query -W -f='${Status} ${Version}\n' "$package" | grep -qx "install ok installed $version" \
    || fail "$package $version is not installed"
in_root dpkg -L "$package" >"$root/tmp/package-files.txt"

step "every shipped binary and the Qt platform plugins resolve their libraries"
for f in $(in_root dpkg -L "$package") $(in_root sh -c 'ls /usr/lib/*/qt6/plugins/platforms/*.so'); do
    [ -f "$root$f" ] && head -c 4 "$root$f" | grep -q ELF || continue
    missing=$(in_root ldd "$f" | grep "not found" || true)
    [ -z "$missing" ] || fail "$f: $missing"
done

step "api-playground --version"
got=$(in_root api-playground --version)
echo "   $got"
[[ $got == "api-playground $version "* ]] || fail "--version printed \"$got\", expected $version"
in_root test -f /usr/share/man/man1/api-playground.1.gz || fail "no man page"

mkdir -p "$root/home/tester"
user_env=(HOME=/home/tester XDG_CONFIG_HOME=/home/tester/.config XDG_CACHE_HOME=/home/tester/.cache
    XDG_DATA_HOME=/home/tester/.local/share XDG_RUNTIME_DIR=/home/tester/run)
mkdir -p "$root/home/tester/run" && chmod 700 "$root/home/tester/run"
touch "$root/tmp/marker"
sleep 1 # so that files written from now on are newer than the marker at one-second granularity

step "api-playground run against the loopback test server inside the root"
cat >"$root/tmp/echo.postman_collection.json" <<'EOF'
{
  "info": { "name": "Clean root", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "item": [
    { "name": "Echo", "item": [
      { "name": "echo", "request": { "method": "POST", "url": "{{baseUrl}}/echo",
        "header": [ { "key": "Content-Type", "value": "application/json" } ],
        "body": { "mode": "raw", "raw": "{\"hello\": \"{{who}}\"}" } } }
    ] },
    { "name": "ok", "request": { "method": "GET", "url": "{{baseUrl}}/status/200" } }
  ]
}
EOF
rm -f "$root/tmp/server.fifo" && mkfifo "$root/tmp/server.fifo"
# The server lives as long as the fifo's writer (this script) holds it open.
in_root sh -c '/tmp/playground-testserver </tmp/server.fifo >/tmp/server.out 2>&1' &
server=$!
exec 4>"$root/tmp/server.fifo"
for _ in $(seq 100); do
    grep -q '^PORT ' "$root/tmp/server.out" 2>/dev/null && break
    sleep 0.1
done
port=$(awk '/^PORT /{print $2}' "$root/tmp/server.out")
[ -n "$port" ] || fail "the test server did not start: $(cat "$root/tmp/server.out")"
in_root env "${user_env[@]}" api-playground run /tmp/echo.postman_collection.json \
    --var "baseUrl=http://127.0.0.1:$port" --var who=root --reporter json --out /tmp/report.json \
    || fail "api-playground run failed"
grep -q '"status": *200' "$root/tmp/report.json" || fail "no 200 in the report: $(cat "$root/tmp/report.json")"
in_root env "${user_env[@]}" api-playground run /tmp/echo.postman_collection.json --folder Echo \
    --var "baseUrl=http://127.0.0.1:$port" --var who=root >/dev/null 2>&1 || fail "run --folder failed"

step "bash completion, installed, asks the installed program"
got=$(in_root env "${user_env[@]}" bash -c '. /usr/share/bash-completion/completions/api-playground
    COMP_WORDS=(api-playground run /tmp/echo.postman_collection.json --folder ""); COMP_CWORD=4
    _api_playground; printf "%s\n" "${COMPREPLY[@]}"')
[ "$got" = Echo ] || fail "bash completion of --folder gave \"$got\", expected Echo"

step "tools for the window test: xvfb xauth x11-utils shared-mime-info desktop-file-utils"
apt_get install xvfb xauth x11-utils shared-mime-info desktop-file-utils
grep -q 'application/x-postman-collection+json:\*\.postman_collection\.json' "$root/usr/share/mime/globs2" \
    || fail "the MIME type of *.postman_collection.json is not in the MIME database"
grep -q 'application/x-postman-collection+json=.*ma\.digishare\.ApiPlayground\.desktop' \
    "$root/usr/share/applications/mimeinfo.cache" || fail "the desktop file does not open collections"

step "the window starts from the desktop file's Exec line under Xvfb and shows itself"
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/ma.digishare.ApiPlayground.desktop" | head -1)
wmclass=$(sed -n 's/^StartupWMClass=//p' "$root/usr/share/applications/ma.digishare.ApiPlayground.desktop")
gui=${exec_line% %F}
cat >"$root/tmp/window-test.sh" <<'EOF'
#!/bin/sh
# $1: the GUI command; $2: a collection to open; $3: expected WM_CLASS class
"$1" "$2" >/tmp/gui.log 2>&1 &
pid=$!
i=0
while [ $i -lt 150 ]; do
    id=$(xwininfo -root -tree 2>/dev/null | awk '/"API Playground|Clean root/ && / [0-9]+x[0-9]+\+/ {print $1; exit}')
    if [ -n "$id" ]; then
        xwininfo -id "$id" | grep -E 'Map State|Width|Height'
        xprop -id "$id" WM_CLASS
        ok=1
        xwininfo -id "$id" | grep -q 'Map State: IsViewable' || ok=0
        xprop -id "$id" WM_CLASS | grep -q "\"$3\"" || ok=0
        kill $pid; wait $pid
        [ $ok = 1 ]; exit $?
    fi
    kill -0 $pid 2>/dev/null || { echo "the window program exited"; cat /tmp/gui.log; exit 1; }
    i=$((i + 1)); sleep 0.2
done
echo "no window within 30 s"; cat /tmp/gui.log; kill $pid; exit 1
EOF
chmod +x "$root/tmp/window-test.sh"
in_root env "${user_env[@]}" xvfb-run -a -s "-screen 0 1280x800x24" \
    /tmp/window-test.sh "$gui" /tmp/echo.postman_collection.json "$wmclass" || fail "the window did not show"
step "the window also starts through api-playground (no command)"
in_root env "${user_env[@]}" xvfb-run -a -s "-screen 0 1280x800x24" \
    /tmp/window-test.sh /usr/bin/api-playground /tmp/echo.postman_collection.json "$wmclass" \
    || fail "api-playground did not start the window"

step "nothing was written outside the user's folders (and /tmp)"
written=$(cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./home/tester \
    -o -path ./var/cache/apt -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/log \) -prune \
    -o -newer tmp/marker -type f -print)
# Installing the window tools wrote system files too (after the marker): keep only files that no
# package owns and that no trigger of those tools made.
stray=""
for f in $written; do
    in_root dpkg -S "${f#.}" >/dev/null 2>&1 && continue
    case "$f" in
    # Caches that the triggers of the packages just installed rebuild; dpkg's backups of /etc.
    ./usr/share/mime/* | ./usr/share/applications/mimeinfo.cache | ./etc/ld.so.cache) continue ;;
    ./var/cache/ldconfig/aux-cache | ./var/lib/* | ./etc/*-)
        echo "   not owned by a package, rebuilt by a trigger: ${f#.}"
        continue
        ;;
    esac
    stray="$stray $f"
done
[ -z "$stray" ] || fail "files written outside the user's XDG folders:$stray"

step "apt-get purge leaves no file behind"
kill "$server" 2>/dev/null || true
exec 4>&-
wait "$server" 2>/dev/null || true
apt_get purge --autoremove "$package" xvfb xauth x11-utils shared-mime-info desktop-file-utils
in_root dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q installed \
    && fail "$package still installed"
left=""
while read -r f; do
    [ -e "$root$f" ] || continue
    [ -d "$root$f" ] && [ -n "$(ls -A "$root$f")" ] && continue # shared, non-empty folder
    left="$left $f"
done <"$root/tmp/package-files.txt"
[ -z "$left" ] || fail "left behind by the purge:$left"
list_files >"$root/tmp/after.txt"
if ! diff "$root/tmp/before.txt" "$root/tmp/after.txt"; then
    fail "the root differs from before the install (above: < removed, > added)"
fi
step "clean-root install test passed"
