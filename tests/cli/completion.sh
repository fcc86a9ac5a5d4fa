#!/bin/bash
# The bash completion made from docs/man/: commands, each command's
# options, an option's values, and workbooks, as bash asks for them.
set -u
B="${RAG_BUILD_DIR:?RAG_BUILD_DIR: the build folder}"
script=$B/doc/ragbook.bash
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
[ -s "$script" ] || { echo "FAIL no completion script $script"; exit 1; }
# shellcheck source=/dev/null
. "$script"
complete -p ragbook >/dev/null 2>&1 || { echo "FAIL the script registers nothing for ragbook"; exit 1; }

# complete WANT WORD... : the words of the line, the last being completed
complete_line() {
    local want=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _ragbook
    local got=" ${COMPREPLY[*]} "
    local w
    for w in $want; do
        case $got in *" $w "*) ;; *)
            echo "FAIL '${*}': '$w' not offered (got:$got)"; fails=$((fails + 1)) ;;
        esac
    done
}
refuse() { # NOT WORD...: NOT must not be offered
    local not=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _ragbook
    case " ${COMPREPLY[*]} " in *" $not "*)
        echo "FAIL '${*}': '$not' offered"; fails=$((fails + 1)) ;;
    esac
}

complete_line "cells dump validate convert consolidate merge copy --help --version" ragbook ""
complete_line "convert consolidate copy" ragbook c
complete_line "validate" ragbook va
complete_line "--as-of --format --report --jobs --tolerance --rule --severity --quiet --output" ragbook validate x.xlsx --
complete_line "--sheet --format --output" ragbook cells --
refuse "--sheet" ragbook dump --
complete_line "--tolerance" ragbook dump --t
complete_line "--streaming --in-memory" ragbook copy --
complete_line "json csv" ragbook cells x.xlsx --format ""
complete_line "text json" ragbook validate --format ""
complete_line "error warning info" ragbook validate --severity ""
refuse "csv" ragbook validate --format ""

cd "$tmp" || exit 1
mkdir returns
: >"plan one.xlsx"
: >macro.XLSM
: >notes.txt
complete_line "returns" ragbook validate ""
complete_line "macro.XLSM" ragbook validate ""
COMP_WORDS=(ragbook validate pl); COMP_CWORD=2; COMPREPLY=(); _ragbook
[ "${COMPREPLY[*]}" = "plan one.xlsx" ] || { echo "FAIL a name with a space: '${COMPREPLY[*]}'"; fails=$((fails + 1)); }
refuse "notes.txt" ragbook validate ""

[ $fails -eq 0 ] && echo "completion: all passed"
exit $((fails > 0))
