#!/bin/bash
# convert's peak memory stays near dump's on a 20,000-row tracker
# (bench/gen_tracker.py), issue 16.  dump holds the loaded grid and the
# model; convert holds them too while it recognises and edits a sheet, and
# on top of them only the findings and the editor's changes to that sheet
# (one per coloured month cell, 24 bytes each): each sheet's cells are
# released once it is edited (rag_sheet_unload), before the Summary, the
# Issues sheet and the package are written.
#
# Measured on 2026-12-04 (peak RSS, /usr/bin/time %M): dump 58.6 MB,
# convert 65.9 MB (1.12 times), where it was 91 MB against 53 (1.72 times)
# while the grid was kept to the end; at 200,000 rows 493 and 557 MB
# (1.13), where it was 918 against 469.  The bound, 1.25 times dump's,
# leaves some 10% for another allocator or libc; it fails when the grid is
# held through the writing again (1.7 times).
#
# Under the sanitizers peak RSS says little of ragbook's own use (ASan's
# quarantine keeps freed memory, up to 256 MB, and red zones pad every
# allocation; see crafted_budget.sh), so it is not compared there.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
. "$(dirname "$0")/_skip.sh"

FACTOR=1.25
ROWS=20000
if [ "${RAG_SANITIZED:-0}" = 1 ]; then
    echo "not measured: peak RSS under the sanitizers is ASan's, not ragbook's"
    exit 0
fi
command -v python3 >/dev/null || skip "no python3 to make the tracker"
[ -f "$src/bench/gen_tracker.py" ] || skip "no bench/gen_tracker.py in $src"
[ -x /usr/bin/time ] || skip "/usr/bin/time is missing (Debian: time)"
dir=$(mktemp -d /tmp/ragbook-cvmem-XXXXXX)
trap 'rm -rf "$dir"' EXIT
big="$dir/tracker.xlsx"
python3 "$src/bench/gen_tracker.py" "$big" $ROWS >/dev/null 2>&1 ||
    { echo "FAIL: cannot make the tracker"; exit 1; }

# peak NAME ARGS...: the command's peak RSS in KB on stdout
peak() {
    local what=$1
    shift
    /usr/bin/time -f '%M' -o "$dir/time" "$R" "$@" >/dev/null 2>"$dir/err" ||
        { echo "FAIL: $what failed: $(cat "$dir/err")" >&2; return 1; }
    tail -n 1 "$dir/time"
}

dump_kb=$(peak dump dump "$big") || exit 1
conv_kb=$(peak convert convert "$big" -o "$dir/out.xlsx" --as-of 2024-01-31) || exit 1
echo "$ROWS rows: dump $((dump_kb / 1024)) MB, convert $((conv_kb / 1024)) MB"
if awk -v c="$conv_kb" -v d="$dump_kb" -v f="$FACTOR" 'BEGIN { exit !(c > d * f) }'; then
    echo "FAIL: convert's peak is over $FACTOR times dump's"
    exit 1
fi
echo "passed: convert within $FACTOR times dump's peak"
