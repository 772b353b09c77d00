#!/usr/bin/env bash
# The bash, zsh and fish completions, driven the way each shell drives them, against the built
# program: subcommands, --reporter values, folder names of the collection given earlier, and file
# names filtered by extension.
#   completions.sh API_PLAYGROUND_BINARY COMPLETIONS_DIR
set -euo pipefail
binary=$(realpath "$1")
scripts=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/files/sub dir"
ln -s "$binary" "$work/bin/api-playground"
export PATH="$work/bin:$PATH" HOME="$work/home"
cd "$work/files"
cat >my.postman_collection.json <<'EOF'
{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [{"name": "Campaigns", "item": [{"name": "list", "request": {"method": "GET", "url": "https://x.test/"}}]},
          {"name": "Auth", "item": []}]}
EOF
touch prod.postman_environment.json notes.txt ca.pem
failures=0
expect() { # NAME EXPECTED ACTUAL (newline-separated, compared sorted)
    local want got
    want=$(printf '%s\n' "$2" | LC_ALL=C sort)
    got=$(printf '%s\n' "$3" | LC_ALL=C sort)
    if [ "$want" = "$got" ]; then
        echo "ok   $1"
    else
        printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$(echo $want)" "$(echo $got)"
        failures=$((failures + 1))
    fi
}

# bash: the function registered by `complete -F`, called with COMP_WORDS/COMP_CWORD as bash does.
bash_complete() {
    bash -c '. "$1"; shift
        [ "$(complete -p api-playground)" = "complete -F _api_playground api-playground" ] || exit 3
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _api_playground; printf "%s\n" "${COMPREPLY[@]}"' \
        sh "$scripts/api-playground.bash" api-playground "$@"
}
expect "bash: commands and collections" "convert
run
secrets
my.postman_collection.json
prod.postman_environment.json
sub dir" "$(bash_complete "")"
expect "bash: --reporter" "cli
json
junit" "$(bash_complete run my.postman_collection.json --reporter "")"
expect "bash: --folder" "Campaigns
Auth" "$(bash_complete run my.postman_collection.json --folder "")"
expect "bash: --env prefix" "prod.postman_environment.json" "$(bash_complete run my.postman_collection.json --env pr)"
expect "bash: --ca-cert" "ca.pem
sub dir" "$(bash_complete run my.postman_collection.json --ca-cert "")"
expect "bash: options" "--allow-http-errors" "$(bash_complete run my.postman_collection.json --al)"

# fish: `complete -C` runs the real completion machinery on a command line.
fish_complete() {
    fish --no-config -c "source '$scripts/api-playground.fish'; complete -C '$1'" | cut -f1
}
expect "fish: commands" "run
secrets" "$(fish_complete "api-playground r" && fish_complete "api-playground se")"
expect "fish: collections and folders first" "convert
my.postman_collection.json
prod.postman_environment.json
run
secrets
sub dir/" "$(fish_complete "api-playground ")"
expect "fish: --reporter" "cli
json
junit" "$(fish_complete "api-playground run my.postman_collection.json --reporter ")"
expect "fish: --folder" "Campaigns
Auth" "$(fish_complete "api-playground run my.postman_collection.json --folder ")"
expect "fish: --env" "prod.postman_environment.json" "$(fish_complete "api-playground run my.postman_collection.json --env pr")"
expect "fish: collection files" "my.postman_collection.json" "$(fish_complete "api-playground run m")"

# zsh: the completion function with compsys's words/CURRENT, its compadd and _files recorded.
zsh_complete() {
    zsh -f -c '
        compadd() { [[ $1 == -a ]] && print -l -- "${(@P)2}"; }
        _files() { [[ $1 == -g ]] && print -- "files:$2" || print -- files:all; }
        script=$1; shift
        words=(api-playground "$@"); CURRENT=${#words}
        source "$script"' zsh "$scripts/_api-playground" "$@" 2>&1
}
expect "zsh: commands" "convert
run
secrets
files:(*.json)" "$(zsh_complete "")"
expect "zsh: --reporter" "cli
json
junit" "$(zsh_complete run my.postman_collection.json --reporter "")"
expect "zsh: --folder" "Campaigns
Auth" "$(zsh_complete run my.postman_collection.json --folder "")"
expect "zsh: --ca-cert" "files:(*.pem|*.crt)" "$(zsh_complete run my.postman_collection.json --ca-cert "")"
zsh -n "$scripts/_api-playground" || failures=$((failures + 1))

[ "$failures" -eq 0 ] || {
    echo "$failures completion check(s) failed" >&2
    exit 1
}
