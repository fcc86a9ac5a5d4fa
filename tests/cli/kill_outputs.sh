#!/bin/bash
# kill -9 at random points of a large `convert` and a large `copy` (25 each,
# 50 in all) leaves no file of ours beside the target: the output is
# written to an unnamed file (O_TMPFILE, util/outfile.c) and so are
# convert's side workbook and merge's intermediates, so a killed run leaves
# nothing; the target is either absent, the one that was there before, or
# whole.  Half the runs start with a target in place (it is replaced by a
# link to a hidden name and a rename), half without (linked straight in).
# The input is an 8,000-row tracker (3,000 under ASan; bench/gen_tracker.py):
# seconds of work, so most kills land part-way; the test says how many did.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
. "$(dirname "$0")/_skip.sh"

command -v python3 >/dev/null || skip "no python3 to make the input"
dir=$(mktemp -d /tmp/ragbook-kill-XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/in" "$dir/out" "$dir/ref"
big="$dir/in/big.xlsx"
# Under ASan every run is some four times slower: fewer rows keep the
# test near a minute and the runs still seconds long.
rows=8000
[ "${RAG_SANITIZED:-0}" = 1 ] && rows=3000
python3 "$src/bench/gen_tracker.py" "$big" $rows >/dev/null ||
    { echo "FAIL: cannot make the input"; exit 1; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# run NAME OUT: the command writing OUT (in the background with &).
run() {
    case $1 in
    convert) exec "$R" convert "$big" -o "$2" --as-of 2024-01-31 ;;
    copy) exec "$R" copy "$big" "$2" ;;
    esac
}

for cmd in convert copy; do
    ref="$dir/ref/$cmd.xlsx"
    start=$(now_ms)
    (run "$cmd" "$ref") >/dev/null 2>&1 || { fail "$cmd: the full run failed"; continue; }
    took=$(($(now_ms) - start))
    # the fastest of three runs (see kill_stdout.sh): a run slowed by other
    # work on the machine stretches the kill window past the runs after it
    for again in 1 2; do
        start=$(now_ms)
        (run "$cmd" "$dir/again.xlsx") >/dev/null 2>&1
        t=$(($(now_ms) - start))
        rm -f "$dir/again.xlsx"
        [ "$t" -lt "$took" ] && took=$t
    done
    target="$dir/out/$cmd.xlsx"
    partway=0
    for i in $(seq 1 25); do
        find "$dir/out" -mindepth 1 -delete # ..ragbook-side-* too
        [ $((i % 2)) -eq 0 ] && cp "$ref" "$target"
        # a point in the first 110% of a full run's time
        wait_ms=$((RANDOM * took * 11 / 10 / 32768))
        (run "$cmd" "$target") >/dev/null 2>&1 &
        pid=$!
        sleep "$((wait_ms / 1000)).$(printf '%03d' $((wait_ms % 1000)))"
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null && partway=$((partway + 1))
        fi
        wait "$pid" 2>/dev/null
        left=$(cd "$dir/out" && ls -A | grep -vx "$cmd.xlsx")
        [ -z "$left" ] || fail "$cmd, kill $i after $wait_ms ms: left $left"
        if [ -e "$target" ] && ! cmp -s "$target" "$ref"; then
            fail "$cmd, kill $i after $wait_ms ms: the target is not whole"
        fi
    done
    echo "$cmd: a full run $took ms; 25 kills, $partway part-way"
    # Most kills must land while it runs, or this tests nothing.
    [ "$partway" -ge 10 ] || fail "$cmd: only $partway of 25 kills landed part-way"
done

if [ "$fails" -gt 0 ]; then
    echo "$fails failures"
    exit 1
fi
echo "kill_outputs: no file left by 50 kills"
