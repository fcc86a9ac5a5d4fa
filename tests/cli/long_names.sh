#!/bin/bash
# Output names as long as the file system takes (241 to 255 bytes) are
# written by every command that writes: the temporary file beside the
# target is unnamed (O_TMPFILE) or ".rgb-XXXXXX", never the target's name
# plus a suffix (which refused names of 241 bytes and more, issue 16).  A
# name one byte too long (256) gets exit 2 and one line on stderr, and
# nothing is left behind.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
plan="$src/samples/action-plan.xlsx"
tracker="$src/samples/tracker.xlsx"
[ -f "$plan" ] && [ -f "$tracker" ] || { echo "FAIL: no samples in $src/samples"; exit 1; }

dir=$(mktemp -d /tmp/ragbook-long-XXXXXX)
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# name LEN EXT: a file name of LEN bytes ending in EXT
name() { printf '%*s%s' $(($1 - ${#2})) '' "$2" | tr ' ' n; }

# run CMD OUT: the command CMD writing OUT
run() {
    case $1 in
    copy) "$R" copy "$plan" "$2" ;;
    convert) "$R" convert "$plan" -o "$2" --as-of 2024-01-31 ;;
    report) "$R" validate --quiet "$plan" --report "$2" ;;
    merge) "$R" merge "$tracker" "$tracker" -o "$2" --as-of 2024-01-31 ;;
    consolidate) "$R" consolidate "$plan" "$tracker" -o "$2" --as-of 2024-01-31 ;;
    dump) "$R" dump "$plan" -o "$2" ;;
    cells) "$R" cells "$plan" -o "$2" ;;
    esac >/dev/null 2>"$dir/err"
}

for cmd in copy convert report merge consolidate dump cells; do
    case $cmd in dump | cells) ext=.json ;; *) ext=.xlsx ;; esac
    for len in 241 250 255; do
        out="$dir/out/$(name $len $ext)"
        rm -rf "$dir/out"
        mkdir "$dir/out"
        run $cmd "$out"
        status=$?
        # validate --report exits 1 when it has findings to report
        [ $status -eq 0 ] || { [ $cmd = report ] && [ $status -eq 1 ]; } ||
            fail "$cmd, a $len-byte name: exit $status: $(head -c 300 "$dir/err")"
        [ -s "$out" ] || fail "$cmd, a $len-byte name: no output"
        left=$(ls -A "$dir/out" | wc -l)
        [ "$left" -eq 1 ] || fail "$cmd, a $len-byte name: $left files in the folder"
    done
    out="$dir/out/$(name 256 $ext)"
    rm -rf "$dir/out"
    mkdir "$dir/out"
    run $cmd "$out"
    status=$?
    [ $status -eq 2 ] || fail "$cmd, a 256-byte name: exit $status, not 2"
    [ "$(wc -l <"$dir/err")" -eq 1 ] ||
        fail "$cmd, a 256-byte name: not one line on stderr: $(head -c 600 "$dir/err")"
    grep -qF "ragbook: $out: " "$dir/err" ||
        fail "$cmd, a 256-byte name: the message does not name it whole: $(head -c 600 "$dir/err")"
    [ -z "$(ls -A "$dir/out")" ] || fail "$cmd, a 256-byte name: left $(ls -A "$dir/out")"
done

if [ "$fails" -gt 0 ]; then
    echo "$fails failures"
    exit 1
fi
echo "long_names: 241 to 255-byte names written by 7 commands; 256 refused in one line"
