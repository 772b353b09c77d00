#!/usr/bin/env bash
# Prints this machine's apt sources for its own Debian release as one-line sources.list entries
# ("deb URI SUITE main"), read from /etc/apt/sources.list and /etc/apt/sources.list.d/ (both the
# one-line and the deb822 formats). Only suites of the host's release are kept (for Debian 12:
# bookworm, bookworm-updates, bookworm-security), so third-party repositories are left out.
set -euo pipefail

# shellcheck disable=SC1091
. /etc/os-release
codename=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
root=${APT_SOURCES_ROOT:-/etc/apt}

suite_ok() { [[ $1 =~ ^${codename}(-updates|-security)?$ ]]; }

{
    for f in "$root"/sources.list "$root"/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        # deb [options] URI SUITE COMPONENTS...
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | while read -r type uri suite _; do
            [ "$type" = deb ] && [ -n "${suite:-}" ] && suite_ok "$suite" && echo "deb $uri $suite main"
        done
    done
    for f in "$root"/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        # deb822 stanzas separated by blank lines: Types, URIs, Suites.
        awk -v RS='' -F'\n' '{
            types = ""; uris = ""; suites = "";
            for (i = 1; i <= NF; i++) {
                line = $i; sub(/#.*/, "", line);
                if (line ~ /^Types:/) { sub(/^Types:[ \t]*/, "", line); types = line }
                else if (line ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line); uris = line }
                else if (line ~ /^Suites:/) { sub(/^Suites:[ \t]*/, "", line); suites = line }
            }
            if (types !~ /(^| )deb( |$)/) next;
            n = split(uris, u, /[ \t]+/); m = split(suites, s, /[ \t]+/);
            for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) if (u[a] != "" && s[b] != "") print u[a], s[b];
        }' "$f" | while read -r uri suite; do
            suite_ok "$suite" && echo "deb $uri $suite main"
        done
    done
} | awk '!seen[$0]++'
