#!/bin/bash
# A workbook written to stdout (-o -; copy's OUT -) is the workbook -o FILE
# writes, byte for byte, and reads back (`ragbook cells`): copy, convert,
# consolidate and validate --report, each run from the folder the file
# lands in (consolidate's and the report's links to their inputs are
# relative to it).  TMPDIR, a fresh folder, is empty afterwards: the
# workbook is made there unnamed (util/outfile.c).  consolidate with an
# unreadable input still gives its workbook (exit 2); a failure is one
# line with nothing on stdout.  The build before fails it: consolidate's
# and the report's links were relative to its temporary folder.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
. "$(dirname "$0")/_skip.sh"

plan="$src/samples/action-plan.xlsx"
tracker="$src/samples/tracker.xlsx"
[ -f "$plan" ] && [ -f "$tracker" ] || skip "no samples in $src/samples"

dir=$(mktemp -d /tmp/ragbook-stdout-XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/tmp" "$dir/work"
cd "$dir/work" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# run NAME OUT: the command NAME writing its workbook to OUT ("-": stdout)
run() {
    case $1 in
    copy) "$R" copy "$plan" "$2" ;;
    convert) "$R" convert "$plan" -o "$2" --as-of 2024-01-31 ;;
    consolidate) "$R" consolidate "$plan" "$tracker" -o "$2" --as-of 2024-01-31 ;;
    report) "$R" validate --quiet "$plan" "$tracker" --as-of 2024-01-31 \
                --report "$2" -o findings.txt ;;
    esac
}

for c in copy convert consolidate report; do
    run "$c" "file-$c.xlsx" >/dev/null 2>"$dir/err"
    rc=$?
    [ $rc -le 1 ] || { fail "$c -o FILE: exit $rc: $(cat "$dir/err")"; continue; }
    TMPDIR="$dir/tmp" run "$c" - >"stdout-$c.xlsx" 2>"$dir/err"
    rc2=$?
    [ $rc2 -eq $rc ] || fail "$c -o -: exit $rc2, -o FILE gave $rc: $(cat "$dir/err")"
    if ! cmp -s "stdout-$c.xlsx" "file-$c.xlsx"; then
        fail "$c: stdout ($(wc -c <"stdout-$c.xlsx") bytes) differs from -o FILE ($(wc -c <"file-$c.xlsx") bytes)"
    elif ! "$R" cells "stdout-$c.xlsx" >/dev/null 2>"$dir/err"; then
        fail "$c: stdout does not read back: $(cat "$dir/err")"
    else
        echo "ok: $c -o - gives the bytes of -o FILE ($(wc -c <"stdout-$c.xlsx")), read back"
    fi
    left=$(ls -A "$dir/tmp")
    [ -z "$left" ] || fail "$c -o -: left $left in TMPDIR"
done

# An unreadable input: consolidate writes what it could read (exit 2),
# and that workbook goes to stdout, whole.
printf 'not a workbook' >broken.xlsx
TMPDIR="$dir/tmp" "$R" consolidate "$plan" broken.xlsx -o - >out.xlsx 2>"$dir/err"
rc=$?
[ $rc -eq 2 ] || fail "consolidate with an unreadable input: exit $rc"
"$R" cells out.xlsx >/dev/null 2>&1 ||
    fail "consolidate with an unreadable input: stdout is not a workbook"

# A failure: the output cannot be made (TMPDIR is no folder), one line,
# nothing on stdout.
TMPDIR="$dir/none" "$R" copy "$plan" - >out.xlsx 2>"$dir/err"
rc=$?
[ $rc -eq 2 ] || fail "copy - with no TMPDIR: exit $rc"
[ -s out.xlsx ] && fail "copy - with no TMPDIR: $(wc -c <out.xlsx) bytes on stdout"
[ "$(wc -l <"$dir/err")" -eq 1 ] ||
    fail "copy - with no TMPDIR: not one line: $(cat "$dir/err")"
echo "ok?: copy - with no TMPDIR: $(cat "$dir/err")"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"
