#!/usr/bin/env bash
# Checks of the built Debian package, one per CTest test:
#   package-checks.sh CHECK DEB RELEASE_BUILD_DIR
# lintian    no error and no warning (an accepted one would be overridden, with its reason)
# desktop    desktop-file-validate on the shipped .desktop; the MIME XML compiles and maps the
#            Postman suffixes
# appstream  appstreamcli validate --no-net on the shipped metainfo
# manpage    the shipped man page renders without a groff warning and covers every command
# files      `cmake --install` of the Release build into a staging folder lists exactly the
#            package's files
# version    CMake's project version is the package's, --version's, the changelog's and the
#            metainfo release's
set -euo pipefail
check=$1
deb=$(realpath "$2")
release=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

case "$check" in
lintian)
    # Info-level tags are shown but do not fail; errors and warnings do.
    lintian --fail-on error,warning --display-info --info "$deb"
    ;;
desktop)
    desktop=$(ls "$work"/root/usr/share/applications/*.desktop)
    out=$(desktop-file-validate "$desktop" 2>&1) || fail "$out"
    [ -z "$out" ] || fail "desktop-file-validate: $out"
    grep -q '^Exec=/usr/libexec/api-playground/api-playground-gui %F$' "$desktop" || fail "Exec line"
    grep -q '^StartupWMClass=api-playground$' "$desktop" || fail "StartupWMClass"
    mkdir -p "$work/mime/packages"
    cp "$work"/root/usr/share/mime/packages/*.xml "$work/mime/packages/"
    update-mime-database "$work/mime" || fail "update-mime-database rejected the MIME XML"
    grep -qx 'application/x-postman-collection+json:\*\.postman_collection\.json' \
        <(cut -d: -f2- "$work/mime/globs2") || fail "no glob for *.postman_collection.json"
    grep -qx 'application/x-postman-environment+json:\*\.postman_environment\.json' \
        <(cut -d: -f2- "$work/mime/globs2") || fail "no glob for *.postman_environment.json"
    for t in $(sed -n 's/^MimeType=//p' "$desktop" | tr ';' ' '); do
        grep -q "^$t\$" "$work/mime/types" || fail "the desktop file names $t, which is not defined"
    done
    echo "desktop file and MIME types valid"
    ;;
appstream)
    appstreamcli validate --no-net --explain "$work"/root/usr/share/metainfo/*.metainfo.xml
    ;;
manpage)
    man=$work/root/usr/share/man/man1/api-playground.1.gz
    [ -f "$man" ] || fail "no man page"
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$man" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "groff: $warnings"
    text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -E UTF-8 -l "$man" 2>/dev/null)
    for section in NAME SYNOPSIS DESCRIPTION "COMMAND: RUN" "COMMAND: SECRETS" "EXIT STATUS" \
        ENVIRONMENT FILES EXAMPLES; do
        grep -q "^$section" <<<"$text" || fail "no $section section"
    done
    echo "man page renders cleanly with every section"
    ;;
files)
    DESTDIR="$work/stage" cmake --install "$release" >/dev/null
    (cd "$work/stage" && find . -type f -o -type l | sed 's|^\./|/|' | LC_ALL=C sort) >"$work/installed"
    dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./|/|' | LC_ALL=C sort >"$work/shipped"
    if ! diff -u "$work/installed" "$work/shipped"; then
        fail "cmake --install and the package differ (- installed only, + shipped only)"
    fi
    echo "$(wc -l <"$work/shipped") files, the same in the staging install and the package"
    ;;
version)
    project=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$release/CMakeCache.txt")
    [ -n "$project" ] || fail "no project version in $release/CMakeCache.txt"
    package=$(dpkg-deb -f "$deb" Version)
    program=$("$work/root/usr/bin/api-playground" --version | awk '{print $2}')
    changelog=$(zcat "$work/root/usr/share/doc/api-playground/changelog.gz" | head -1 | sed 's/.*(\(.*\)).*/\1/')
    metainfo=$(grep -o '<release version="[^"]*"' "$work"/root/usr/share/metainfo/*.xml | head -1 | cut -d'"' -f2)
    echo "project $project, package $package, --version $program, changelog $changelog, metainfo $metainfo"
    for v in "$package" "$program" "$changelog" "$metainfo"; do
        [ "$v" = "$project" ] || fail "version $v is not the project's $project"
    done
    ;;
*)
    fail "unknown check $check"
    ;;
esac
