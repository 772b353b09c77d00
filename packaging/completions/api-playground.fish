# fish completion for api-playground; candidates come from `api-playground __complete WORD...`.
function __api_playground_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l reply (command $words[1] __complete $words[2..-1] 2>/dev/null)
    test (count $reply) -gt 0; or return
    printf '%s\n' $reply[2..-1]
    set -l directive (string split ' ' -- $reply[1])
    if test "$directive[1]" = files
        # Folders, and files with one of the extensions (fish's __fish_complete_suffix would
        # list the other files too).
        for path in (__fish_complete_path (commandline -ct))
            set -l name (string split -m1 \t -- $path)[1]
            if test (count $directive) -eq 1; or string match -q -- '*/' $name
                echo $path
                continue
            end
            for ext in $directive[2..-1]
                string match -q -- "*$ext" $name; and echo $path; and break
            end
        end
    end
end
complete -c api-playground -f -a '(__api_playground_complete)'
