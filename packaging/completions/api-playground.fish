# fish completion for api-playground; candidates come from `api-playground __complete WORD...`.
function __api_playground_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l reply (command $words[1] __complete $words[2..-1] 2>/dev/null)
    test (count $reply) -gt 0; or return
    printf '%s\n' $reply[2..-1]
    set -l directive (string split ' ' -- $reply[1])
    if test "$directive[1]" = files
        if test (count $directive) -gt 1
            __fish_complete_suffix $directive[2..-1]
        else
            __fish_complete_path (commandline -ct)
        end
    end
end
complete -c api-playground -f -a '(__api_playground_complete)'
