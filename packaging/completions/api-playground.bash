# bash completion for api-playground. The candidates come from the program itself
# (`api-playground __complete WORD...`), which knows its options, the --reporter values and the
# folders of the collection named earlier on the line.
_api_playground()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local -a reply
    mapfile -t reply < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    [ ${#reply[@]} -gt 0 ] || return 0
    local directive=${reply[0]} word ext
    COMPREPLY=()
    for word in "${reply[@]:1}"; do
        COMPREPLY+=("$(printf '%q' "$word")")
    done
    if [[ $directive == files* ]]; then
        compopt -o filenames 2>/dev/null
        local -a exts
        read -r -a exts <<<"${directive#files}"
        if [ ${#exts[@]} -eq 0 ]; then
            mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- "$cur")
        else
            mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$cur")
            for ext in "${exts[@]}"; do
                mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -f -X "!*$ext" -- "$cur")
            done
        fi
    fi
}
complete -F _api_playground api-playground
