#!/bin/bash
# The messages a user meets when an option or an output is wrong: one
# line saying what is wrong and how to put it right, exit 2, nothing
# written.  And "-" for stdout: text outputs, and workbooks only when
# stdout is not a terminal.
set -u
R="${RAGBOOK:-ragbook}"
S="${RAG_SOURCE_DIR:-$(dirname "$0")/../..}/samples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
cd "$tmp" || exit 1

# run NAME EXIT TEXT COMMAND...: exit status, the text on stderr, and
# stdout empty with no file left behind for a usage error
run() {
    local name=$1 want=$2 text=$3
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; cat "$tmp/err"; fails=$((fails + 1))
    fi
    if [ -n "$text" ] && ! grep -qF -- "$text" "$tmp/err"; then
        echo "FAIL $name: stderr lacks '$text':"; cat "$tmp/err"; fails=$((fails + 1))
    fi
    if [ "$want" = 2 ] && [ -s "$tmp/out" ]; then
        echo "FAIL $name: stdout not empty"; fails=$((fails + 1))
    fi
}

T=$S/tracker.xlsx
I=$S/indicator-plans.xlsx

# --as-of: a date in the right form that does not exist, and one not in it
for cmd in "dump $T" "validate $T" "convert $T -o o.xlsx" "consolidate $T -o o.xlsx"; do
    run "$cmd --as-of 2024-02-30" 2 \
        "--as-of: the date 2024-02-30 does not exist: February 2024 has 29 days" \
        "$R" $cmd --as-of 2024-02-30
done
run "--as-of 2023-02-29" 2 "February 2023 has 28 days" "$R" dump "$T" --as-of 2023-02-29
run "--as-of 2024-13-01" 2 "the date 2024-13-01 does not exist: there is no month 13" \
    "$R" dump "$T" --as-of 2024-13-01
run "--as-of 30/02/2024" 2 "--as-of takes a date as YYYY-MM-DD, not '30/02/2024'" \
    "$R" dump "$T" --as-of 30/02/2024
run "--as-of 2024-02-29" 0 "" "$R" dump "$T" --as-of 2024-02-29

# an option without its value
run "cells --sheet" 2 "ragbook cells: option '--sheet' needs a value" "$R" cells "$T" --sheet
run "dump --as-of" 2 "ragbook dump: option '--as-of' needs a value" "$R" dump "$T" --as-of
run "copy -o?" 2 "ragbook copy: unknown option '-o'" "$R" copy "$T" -o x.xlsx
run "convert -o" 2 "ragbook convert: option '-o' needs a value" "$R" convert "$T" -o

# a typo: did you mean
run "--asof" 2 "ragbook dump: unknown option '--asof'; did you mean '--as-of'?" \
    "$R" dump "$T" --asof 2024-01-01
run "--asof=" 2 "ragbook validate: unknown option '--asof'; did you mean '--as-of'?" \
    "$R" validate "$T" --asof=2024-01-01
run "--tolerence" 2 "did you mean '--tolerance'?" "$R" convert "$T" -o o.xlsx --tolerence 5
run "--bogus" 2 "ragbook cells: unknown option '--bogus'" "$R" cells "$T" --bogus
grep -q "did you mean" "$tmp/err" && { echo "FAIL --bogus: a suggestion for nothing like it"; fails=$((fails + 1)); }

# the output's folder is named when it is missing
run "-o nodir/sub/o.xlsx" 2 "ragbook: nodir/sub/o.xlsx: cannot write: there is no folder 'nodir'" \
    "$R" convert "$T" -o nodir/sub/o.xlsx
[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "FAIL missing folder: not one line"; fails=$((fails + 1)); }
mkdir have
run "-o have/sub/o.xlsx" 2 "there is no folder 'have/sub'" "$R" consolidate "$T" -o have/sub/o.xlsx
: >plain
run "-o plain/o.xlsx" 2 "'plain' is not a folder" "$R" copy "$T" plain/o.xlsx
run "cells -o nodir/c.json" 2 "there is no folder 'nodir'" "$R" cells "$T" -o nodir/c.json

# an output that is not a workbook ragbook writes
for ext in xls csv ods; do
    run "-o out.$ext" 2 "cannot write 'out.$ext': ragbook writes XLSX workbooks only, named .xlsx (or .xlsm)" \
        "$R" convert "$T" -o "out.$ext"
    [ -e "out.$ext" ] && { echo "FAIL -o out.$ext: a file was written"; fails=$((fails + 1)); }
done
run "-o out.csv hint" 2 "for CSV see ragbook cells --format csv" "$R" consolidate "$T" -o out.csv
run "copy out.xls" 2 "ragbook writes XLSX workbooks only" "$R" copy "$T" out.xls
run "--report r.xls" 2 "ragbook writes XLSX workbooks only" "$R" validate "$T" --report r.xls
run "-o OUT.XLSX" 0 "" "$R" convert "$T" -o OUT.XLSX
run "-o out.xlsm" 0 "" "$R" copy "$T" out.xlsm

# --tolerance: every command that computes a RAG takes it
run "dump --tolerance" 0 "" "$R" dump "$I" --tolerance 5
run "convert --tolerance" 0 "" "$R" convert "$I" -o t.xlsx --tolerance 5
run "consolidate --tolerance" 0 "" "$R" consolidate "$I" -o t2.xlsx --tolerance 5
if "$R" merge --help >/dev/null 2>&1; then
    run "merge --tolerance" 2 "--tolerance takes a percentage" \
        "$R" merge "$I" "$I" -o t3.xlsx --tolerance 0
fi
run "dump --tolerance 0" 2 "--tolerance takes a percentage above 0 and up to 100" \
    "$R" dump "$I" --tolerance 0

# -o - : text to stdout
"$R" dump "$T" -o - >dash.json 2>"$tmp/err" || { echo "FAIL dump -o -"; fails=$((fails + 1)); }
grep -q '"kind": "tracker"' dash.json || { echo "FAIL dump -o -: not on stdout"; fails=$((fails + 1)); }
[ -e ./- ] && { echo "FAIL dump -o -: a file named -"; fails=$((fails + 1)); }
"$R" cells "$T" --format csv -o - | head -n 1 | grep -q . || { echo "FAIL cells -o -"; fails=$((fails + 1)); }
"$R" validate "$S" -o - >v.txt 2>/dev/null
[ -s v.txt ] || { echo "FAIL validate -o -: nothing on stdout"; fails=$((fails + 1)); }
# -o FILE for text: written whole, stdout empty; not over an input
run "dump -o d.json" 0 "" "$R" dump "$T" -o d.json
cmp -s d.json dash.json || { echo "FAIL dump -o d.json differs from stdout"; fails=$((fails + 1)); }
cp "$T" in.xlsx
run "dump -o in.xlsx" 2 "the output 'in.xlsx' is one of the inputs" "$R" dump in.xlsx -o in.xlsx
cmp -s in.xlsx "$T" || { echo "FAIL dump -o in.xlsx changed the input"; fails=$((fails + 1)); }
run "dump -o bad" 2 "" "$R" dump "$tmp/none.xlsx" -o bad.json
[ -e bad.json ] && { echo "FAIL dump of a missing file left bad.json"; fails=$((fails + 1)); }
# validate goes on past an unreadable file: its -o file is kept, whole
printf 'a,b\n' >bad.xlsx
"$R" validate "$T" bad.xlsx --format json -o v.jsonl 2>/dev/null
[ $? = 2 ] || { echo "FAIL validate -o with an unreadable input: not exit 2"; fails=$((fails + 1)); }
grep -q '"record": "totals"' v.jsonl && grep -q '"status": "unreadable"' v.jsonl ||
    { echo "FAIL validate -o with an unreadable input: the findings file is not whole"; fails=$((fails + 1)); }
rm -f bad.xlsx
ls -a | grep -q '^\.ragbook-' && { echo "FAIL a temporary file was left"; fails=$((fails + 1)); }

# -o - : a workbook to a pipe or a file, refused on a terminal
"$R" convert "$T" -o - >piped.xlsx 2>"$tmp/err" || { echo "FAIL convert -o - >file"; cat "$tmp/err"; fails=$((fails + 1)); }
python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).getinfo("xl/workbook.xml")' piped.xlsx ||
    { echo "FAIL convert -o -: not a workbook on stdout"; fails=$((fails + 1)); }
"$R" copy "$T" - | python3 -c 'import zipfile,sys,io; zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))' ||
    { echo "FAIL copy to a pipe"; fails=$((fails + 1)); }
if command -v script >/dev/null; then
    script -qec "$R convert $T -o -" /dev/null >tty.out 2>&1
    rc=$?
    grep -qF "will not write a workbook to the terminal" tty.out && [ $rc = 2 ] ||
        { echo "FAIL convert -o - on a terminal (exit $rc):"; cat tty.out; fails=$((fails + 1)); }
    grep -q "PK" tty.out && { echo "FAIL workbook bytes on the terminal"; fails=$((fails + 1)); }
else
    echo "FAIL no script(1) to make a terminal"; fails=$((fails + 1))
fi
run "validate --report - and stdout" 2 "--report - and the findings would share stdout" \
    "$R" validate "$T" --report -
"$R" validate "$S" --report - -o findings.txt >report.xlsx 2>/dev/null
python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1])' report.xlsx ||
    { echo "FAIL validate --report - -o findings.txt"; fails=$((fails + 1)); }

[ $fails -eq 0 ] && echo "messages: all passed"
exit $((fails > 0))
