#!/bin/bash
# More than one machine, as docs/man/ragbook.1.scd says to run it: GNU
# parallel splits the files over hosts (here ":" , this machine, with two
# job slots, standing for two hosts), each run prints JSON lines, and the
# lines merged after give what one run over all the files gives.  Then
# consolidate's reading step (dump) spread the same way.
set -u
R="${RAGBOOK:-ragbook}"
S="${RAG_SOURCE_DIR:-$(dirname "$0")/../..}/samples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
command -v parallel >/dev/null || { echo "FAIL GNU parallel is not installed (dev.sh PACKAGES)"; exit 1; }
case $(parallel --version 2>/dev/null | head -n 1) in
GNU*) ;;
*) echo "FAIL parallel is not GNU parallel (moreutils'?)"; exit 1 ;;
esac

mkdir "$tmp/returns" "$tmp/returns/east"
cp "$S"/*.xlsx "$tmp/returns/"
cp "$S/tracker.xlsx" "$tmp/returns/east/tracker-east.xlsx"
printf 'a,b\n1,2\n' >"$tmp/returns/east/not-a-workbook.xlsx"
head -c 2000 "$S/action-plan.xlsx" >"$tmp/returns/cut.xlsx"
n=$(find "$tmp/returns" -name '*.xlsx' | wc -l)

# one run over everything: the reference
"$R" validate --format json --quiet "$tmp/returns" >"$tmp/one.jsonl" 2>/dev/null
[ $? = 2 ] || fail "one run: exit status not 2 with unreadable files"
grep -v '"record": "totals"' "$tmp/one.jsonl" | sort >"$tmp/one.sorted"
[ "$(grep -c '"record": "file"' "$tmp/one.sorted")" = "$n" ] || fail "one run: not $n file records"

# the same over "two hosts" (-S 2/: two job slots on this machine; a real
# run names hosts, -S host1,host2), two files a run (-n 2) so that the
# files are split over several runs and both slots
find "$tmp/returns" -name '*.xlsx' | sort |
    parallel -S 2/: -n 2 -X "$R" validate --format json --quiet \
        >"$tmp/many.jsonl" 2>"$tmp/many.err"
runs=$(grep -c '"record": "totals"' "$tmp/many.jsonl")
[ "$runs" -ge 3 ] || fail "parallel: $runs runs, expected 3 or more"
grep -v '"record": "totals"' "$tmp/many.jsonl" | sort >"$tmp/many.sorted"

# merged: the same finding lines and file records, whichever run made them,
# except plan-duplicate, which sees only the files of its own run
grep -v '"rule": "plan-duplicate"' "$tmp/one.sorted" | sed 's/"warnings": [0-9]*, //; s/"status": "[a-z]*"//' >"$tmp/a"
grep -v '"rule": "plan-duplicate"' "$tmp/many.sorted" | sed 's/"warnings": [0-9]*, //; s/"status": "[a-z]*"//' >"$tmp/b"
diff "$tmp/a" "$tmp/b" >"$tmp/diff" || { fail "parallel's merged lines differ from one run's:"; head -20 "$tmp/diff"; }
grep -q '"rule": "plan-duplicate"' "$tmp/one.sorted" ||
    fail "one run found no plan-duplicate (tracker.xlsx is there twice): the caveat is untested"

# the totals, summed from the file records, equal the one run's for errors
sum() { grep '"record": "file"' "$1" | grep -o "\"$2\": [0-9]*" | awk '{ s += $2 } END { print s + 0 }'; }
one_errors=$(grep '"record": "totals"' "$tmp/one.jsonl" | grep -o '"errors": [0-9]*' | awk '{print $2}')
[ "$(sum "$tmp/many.sorted" errors)" = "$one_errors" ] ||
    fail "errors summed over the runs $(sum "$tmp/many.sorted" errors), one run $one_errors"
unreadable=$(grep -c '"status": "unreadable"' "$tmp/many.sorted")
[ "$unreadable" = 2 ] || fail "parallel: $unreadable unreadable file records, expected 2"

# the batch scheduler's array job, its tasks run here one after another
# with the task variable set as Slurm sets it (ragbook.1's commands)
(
    cd "$tmp" || exit 1
    find returns/ -name '*.xlsx' | sort >list.txt
    split -n l/3 -d -a 3 list.txt part.
    for task in 0 1 2; do
        SLURM_ARRAY_TASK_ID=$task R=$R sh -c '"$R" validate --format json --quiet \
            -o findings.$SLURM_ARRAY_TASK_ID.jsonl \
            - <part.$(printf %03d $SLURM_ARRAY_TASK_ID)' 2>/dev/null
    done
    cat findings.*.jsonl | grep -v '"record": "totals"' >findings.jsonl
) || true
[ "$(grep -c '"record": "file"' "$tmp/findings.jsonl")" = "$n" ] ||
    fail "array job: not $n file records"
sed "s|\"file\": \"returns/|\"file\": \"$tmp/returns/|" "$tmp/findings.jsonl" |
    grep -v '"rule": "plan-duplicate"' | sed 's/"warnings": [0-9]*, //; s/"status": "[a-z]*"//' |
    sort >"$tmp/c"
diff "$tmp/a" "$tmp/c" >"$tmp/diff" || { fail "the array job's merged lines differ from one run's:"; head -20 "$tmp/diff"; }

# consolidate's reading step: dump spread over the "hosts", each beside its file
find "$tmp/returns" -name '*.xlsx' |
    parallel -S 2/: "$R" dump {} -o {.}.plans.json 2>"$tmp/dump.err"
status=$?
[ $status = 2 ] || fail "parallel dump: $status runs failed, expected 2 (the unreadable files)"
[ "$(grep -c 'not an XLSX file\|truncated\|zip' "$tmp/dump.err")" -ge 2 ] ||
    { fail "parallel dump: the unreadable files are not named"; cat "$tmp/dump.err"; }
for f in "$tmp"/returns/*.xlsx "$tmp"/returns/east/tracker-east.xlsx; do
    case $f in *cut.xlsx) continue ;; esac
    j=${f%.xlsx}.plans.json
    [ -s "$j" ] || { fail "no $j"; continue; }
    "$R" dump "$f" | cmp -s - "$j" || fail "$j differs from a dump on one machine"
done
[ -e "$tmp/returns/cut.plans.json" ] && fail "an unreadable file left a partial dump"
# then the one-machine run over the files that read
ls "$tmp"/returns/*.plans.json "$tmp"/returns/east/*.plans.json | sed 's/\.plans\.json$/.xlsx/' |
    xargs -d '\n' "$R" consolidate -o "$tmp/finance.xlsx" 2>"$tmp/cons.err" ||
    { fail "consolidate over the files that read"; cat "$tmp/cons.err"; }
[ -s "$tmp/finance.xlsx" ] || fail "no consolidated workbook"

[ $fails -eq 0 ] && echo "parallel: $n files over $runs runs, merged as one run; dump spread, then consolidate"
exit $((fails > 0))
