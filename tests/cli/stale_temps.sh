#!/bin/bash
# Temporary files that earlier runs left beside a target when they were
# killed (".rgb-XXXXXX" now, ".ragbook-XXXXXX" and ".NAME.ragbook-XXXXXX"
# of older versions) are named in one warning line and never removed; a
# file a live run holds (flock, as util/outfile.c does while it writes)
# is not stale and is not named; nor is a file of someone else's.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
. "$(dirname "$0")/_skip.sh"
command -v flock >/dev/null || skip "no flock(1) (util-linux)"
plan="$src/samples/action-plan.xlsx"

dir=$(mktemp -d /tmp/ragbook-stale-XXXXXX)
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

cd "$dir" || exit 1
touch .rgb-AbC123 .ragbook-x1Y2z3 .out.xlsx.ragbook-Qw3rTy .rgb-live01 \
    .rgb-toolong1 notes.txt
# a live run's file: locked (as util/outfile.c locks its own) by this
# shell, alive while the command below runs
exec 9>>.rgb-live01
flock -x 9 || fail "cannot lock .rgb-live01"

"$R" copy "$plan" out.xlsx 2>err
status=$?
[ $status -eq 0 ] || fail "copy: exit $status"
[ "$(wc -l <err)" -eq 1 ] || fail "not one line on stderr: $(cat err)"
line=$(cat err)
case $line in
"ragbook: out.xlsx: warning: 3 temporary files beside it left by an earlier run"*) ;;
*) fail "unexpected warning: $line" ;;
esac
for f in .rgb-AbC123 .ragbook-x1Y2z3 .out.xlsx.ragbook-Qw3rTy; do
    grep -qF -- "$f" err || fail "$f not named"
    [ -e "$f" ] || fail "$f was removed"
done
for f in .rgb-live01 .rgb-toolong1 notes.txt; do
    grep -qF -- "$f" err && fail "$f named, but it is not a stale file of ours"
    [ -e "$f" ] || fail "$f was removed"
done

# and with none left, nothing is said
rm -f .rgb-AbC123 .ragbook-x1Y2z3 .out.xlsx.ragbook-Qw3rTy
"$R" copy "$plan" out.xlsx 2>err || fail "copy failed: $(cat err)"
[ -s err ] && fail "a warning without stale files: $(cat err)"

if [ "$fails" -gt 0 ]; then
    echo "$fails failures"
    exit 1
fi
echo "stale_temps: 3 stale files named and kept; a live one and others not named"
