#!/bin/bash
# `ragbook copy` as a user runs it: exit codes, one stderr line per
# problem, no output file on any failure, never over the input, one
# warning per kind of thing not copied, the same bytes twice.  Uses the
# shared fixtures and corpus; skips (77) without them, fails under CI.
set -u
. "$(dirname "$0")/_skip.sh"
R="${RAGBOOK:?RAGBOOK is not set}"
shared="${RAG_SHARED_DIR:-}"
fixture="$shared/fixtures/wm8-improvement-tracker.xlsx"
charts="$shared/corpus/files/jmcnamara_libxlsxwriter__test_functional_xlsx_files_chart_area01.xlsx"
[ -f "$fixture" ] || skip "no fixtures in '$shared'"
dir=$(mktemp -d /tmp/ragbook-copy-cli-XXXXXX)
trap 'rm -rf "$dir"' EXIT
fails=0

check() { # what, expected exit, actual exit
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1: exit $3, expected $2"
        fails=$((fails + 1))
    else
        echo "ok: $1"
    fi
}

lines() { # the number of lines of a file
    wc -l <"$1" | tr -d ' '
}

only_entries() { # the directory holds exactly these names
    local want="$1" got
    got=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
    if [ "$got" != "$want" ]; then
        echo "FAIL: $2: the directory holds '$got', expected '$want'"
        fails=$((fails + 1))
    fi
}

# A clean copy: exit 0, silent, the file in place and nothing else.
cp "$fixture" "$dir/in.xlsx"
"$R" copy "$dir/in.xlsx" "$dir/out.xlsx" >"$dir/stdout" 2>"$dir/stderr"
check "copy a tracker" 0 $?
[ -s "$dir/stdout" ] && { echo "FAIL: copy printed to stdout"; fails=$((fails + 1)); }
[ -s "$dir/stderr" ] && { echo "FAIL: copy of a plain tracker warned: $(cat "$dir/stderr")"; fails=$((fails + 1)); }
only_entries "in.xlsx out.xlsx stderr stdout " "after a copy"
"$R" cells "$dir/out.xlsx" >/dev/null
check "the copy reads back" 0 $?

# The same bytes twice.
sleep 1
"$R" copy "$dir/in.xlsx" "$dir/again.xlsx" 2>/dev/null
if ! cmp -s "$dir/out.xlsx" "$dir/again.xlsx"; then
    echo "FAIL: two copies of one file differ"
    fails=$((fails + 1))
fi
rm -f "$dir/again.xlsx" "$dir/out.xlsx"

# Never over the input, whatever it is called.
before=$(md5sum <"$dir/in.xlsx")
ln -s "$dir/in.xlsx" "$dir/link.xlsx"
for target in "$dir/in.xlsx" "$dir/link.xlsx" "$dir/./in.xlsx"; do
    "$R" copy "$dir/in.xlsx" "$target" 2>"$dir/stderr"
    check "refuse to write over the input as $target" 2 $?
    [ "$(lines "$dir/stderr")" = 1 ] || { echo "FAIL: not one line: $(cat "$dir/stderr")"; fails=$((fails + 1)); }
    grep -q "is also an input" "$dir/stderr" || { echo "FAIL: no reason given"; fails=$((fails + 1)); }
done
[ "$(md5sum <"$dir/in.xlsx")" = "$before" ] || { echo "FAIL: the input changed"; fails=$((fails + 1)); }
rm -f "$dir/link.xlsx"

# An unreadable input: one line naming it and why; no output.
printf 'Ref,Action\nR1,Do it\n' >"$dir/plan.csv"
"$R" copy "$dir/plan.csv" "$dir/out.xlsx" 2>"$dir/stderr"
check "an input that is no workbook" 2 $?
[ "$(lines "$dir/stderr")" = 1 ] || { echo "FAIL: not one line: $(cat "$dir/stderr")"; fails=$((fails + 1)); }
grep -q "^ragbook: $dir/plan.csv: not an XLSX file" "$dir/stderr" || { echo "FAIL: unexpected message: $(cat "$dir/stderr")"; fails=$((fails + 1)); }
[ -e "$dir/out.xlsx" ] && { echo "FAIL: an output was left"; fails=$((fails + 1)); }
"$R" copy "$dir/missing.xlsx" "$dir/out.xlsx" 2>"$dir/stderr"
check "a missing input" 2 $?
[ -e "$dir/out.xlsx" ] && { echo "FAIL: an output was left"; fails=$((fails + 1)); }

# An output that cannot be written: one line naming it; nothing left.
"$R" copy "$dir/in.xlsx" "$dir/no/such/dir/out.xlsx" 2>"$dir/stderr"
check "an output in a missing directory" 2 $?
grep -q "^ragbook: $dir/no/such/dir/out.xlsx: " "$dir/stderr" || { echo "FAIL: unexpected message: $(cat "$dir/stderr")"; fails=$((fails + 1)); }
mkdir "$dir/sub"
"$R" copy "$dir/in.xlsx" "$dir/sub" 2>"$dir/stderr"
check "an output that is a directory" 2 $?
rmdir "$dir/sub"
rm -f "$dir/stderr" "$dir/stdout" "$dir/plan.csv"
only_entries "in.xlsx " "after the failures"

# Usage.
"$R" copy "$dir/in.xlsx" >/dev/null 2>&1
check "one operand" 2 $?
"$R" copy a b c >/dev/null 2>&1
check "three operands" 2 $?
"$R" copy --bogus "$dir/in.xlsx" "$dir/out.xlsx" >/dev/null 2>&1
check "an unknown option" 2 $?
"$R" copy --help >"$dir/help" 2>/dev/null
check "copy --help" 0 $?
grep -q "^usage: ragbook copy" "$dir/help" || { echo "FAIL: --help printed no usage"; fails=$((fails + 1)); }
rm -f "$dir/help" "$dir/out.xlsx"

# Both modes on request.
"$R" copy --streaming "$dir/in.xlsx" "$dir/s.xlsx" 2>/dev/null
check "copy --streaming" 0 $?
"$R" copy --in-memory "$dir/in.xlsx" "$dir/m.xlsx" 2>/dev/null
check "copy --in-memory" 0 $?
if ! diff <("$R" cells "$dir/s.xlsx" | grep -v '"file"') \
          <("$R" cells "$dir/m.xlsx" | grep -v '"file"') >/dev/null; then
    echo "FAIL: the two modes give different grids"
    fails=$((fails + 1))
fi

# What cannot be copied is named, once per kind.
if [ -f "$charts" ]; then
    "$R" copy "$charts" "$dir/charts.xlsx" 2>"$dir/stderr"
    check "a workbook with a chart" 0 $?
    want="ragbook: $charts: warning: charts, images and shapes are not copied"
    if [ "$(cat "$dir/stderr")" != "$want" ]; then
        echo "FAIL: warnings were: $(cat "$dir/stderr")"
        fails=$((fails + 1))
    fi
fi

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "all passed"
