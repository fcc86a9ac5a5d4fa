#!/bin/bash
# kill -9 at random points of a large `convert -o - > file` and
# `copy IN - > file` (20 each, 40 in all), with TMPDIR a fresh empty folder
# each time: the folder is empty after every kill, and what reached stdout
# is nothing or the whole workbook.  The workbook for stdout is made in an
# unnamed file in TMPDIR (util/outfile.c, "/dev/fd/N" in ragbook/write.h);
# it used to be made in a folder $TMPDIR/ragbook-XXXXXX that a kill left
# for ever (the build before this test fails it on most kills).
# The input is an 8,000-row tracker (3,000 under ASan; bench/gen_tracker.py):
# seconds of work, so most kills land part-way; the test says how many did.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
. "$(dirname "$0")/_skip.sh"

command -v python3 >/dev/null || skip "no python3 to make the input"
dir=$(mktemp -d /tmp/ragbook-kill-stdout-XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/in" "$dir/ref" "$dir/tmp"
big="$dir/in/big.xlsx"
rows=8000
[ "${RAG_SANITIZED:-0}" = 1 ] && rows=3000
python3 "$src/bench/gen_tracker.py" "$big" $rows >/dev/null ||
    { echo "FAIL: cannot make the input"; exit 1; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# run NAME: the command writing its workbook to stdout.
run() {
    case $1 in
    convert) exec "$R" convert "$big" -o - --as-of 2024-01-31 ;;
    copy) exec "$R" copy "$big" - ;;
    esac
}

for cmd in convert copy; do
    ref="$dir/ref/$cmd.xlsx"
    start=$(now_ms)
    (TMPDIR="$dir/tmp" run "$cmd") >"$ref" 2>"$dir/err" ||
        { fail "$cmd: the full run failed: $(cat "$dir/err")"; continue; }
    took=$(($(now_ms) - start))
    [ -s "$ref" ] || { fail "$cmd: the full run wrote nothing"; continue; }
    [ -z "$(ls -A "$dir/tmp")" ] ||
        fail "$cmd: the full run left $(ls -A "$dir/tmp") in TMPDIR"
    # The fastest of three runs: one slowed by other work on the machine
    # (ctest -j, a build) stretched the kill window past the runs that
    # follow, and too few kills landed part-way (7 of 20 once).
    for again in 1 2; do
        start=$(now_ms)
        (TMPDIR="$dir/tmp" run "$cmd") >/dev/null 2>&1
        t=$(($(now_ms) - start))
        [ "$t" -lt "$took" ] && took=$t
    done
    partway=0
    for i in $(seq 1 20); do
        rm -rf "$dir/tmp" "$dir/stdout.xlsx"
        mkdir "$dir/tmp"
        # a point in the first 110% of a full run's time
        wait_ms=$((RANDOM * took * 11 / 10 / 32768))
        (TMPDIR="$dir/tmp" run "$cmd") >"$dir/stdout.xlsx" 2>/dev/null &
        pid=$!
        sleep "$((wait_ms / 1000)).$(printf '%03d' $((wait_ms % 1000)))"
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null && partway=$((partway + 1))
        fi
        wait "$pid" 2>/dev/null
        left=$(ls -A "$dir/tmp")
        [ -z "$left" ] || fail "$cmd, kill $i after $wait_ms ms: left $left in TMPDIR"
        if [ -s "$dir/stdout.xlsx" ] && ! cmp -s "$dir/stdout.xlsx" "$ref"; then
            fail "$cmd, kill $i after $wait_ms ms: stdout has part of a workbook"
        fi
    done
    echo "$cmd: a full run $took ms; 20 kills, $partway part-way"
    # Most kills must land while it runs, or this tests nothing.
    [ "$partway" -ge 8 ] || fail "$cmd: only $partway of 20 kills landed part-way"
done

if [ "$fails" -gt 0 ]; then
    echo "$fails failures"
    exit 1
fi
echo "kill_stdout: nothing left in TMPDIR by 40 kills"
