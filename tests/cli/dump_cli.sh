#!/bin/bash
# `ragbook dump` as a user runs it: exit status, stdout and stderr.
set -u
R="${RAGBOOK:-ragbook}"
S="${RAG_SOURCE_DIR:-$(dirname "$0")/../..}/samples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

check() { # name, expected exit, command...
    local name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; cat "$tmp/err"; fails=$((fails + 1))
    fi
}
expect_err() { # name, text stderr must hold
    if ! grep -qF -- "$2" "$tmp/err"; then
        echo "FAIL $1: stderr lacks '$2':"; cat "$tmp/err"; fails=$((fails + 1))
    fi
}
expect_out() {
    if ! grep -qF -- "$2" "$tmp/out"; then
        echo "FAIL $1: stdout lacks '$2'"; head -c 400 "$tmp/out"; fails=$((fails + 1))
    fi
}
empty_out() {
    if [ -s "$tmp/out" ]; then echo "FAIL $1: stdout not empty"; fails=$((fails + 1)); fi
}

check "a sample" 0 "$R" dump "$S/tracker.xlsx"
expect_out "a sample" '"kind": "tracker"'
expect_out "its own date" '"as_of": "2024-10-31"'
[ "$(wc -l <"$tmp/err")" = 0 ] || { echo "FAIL a sample: stderr not empty"; fails=$((fails + 1)); }
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out" ||
    { echo "FAIL a sample: not JSON"; fails=$((fails + 1)); }

check "--as-of" 0 "$R" dump "$S/tracker.xlsx" --as-of 2024-06-15
expect_out "--as-of" '{"file": "'
expect_out "--as-of" '"as_of": "2024-06-15"'

check "--help" 0 "$R" dump --help
expect_out "--help" "usage: ragbook dump"

printf 'a,b\n1,2\n' >"$tmp/list.csv"
check "csv" 2 "$R" dump "$tmp/list.csv"
expect_err "csv" "ragbook: $tmp/list.csv: not an XLSX file"
empty_out "csv"
[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "FAIL csv: more than one line on stderr"; fails=$((fails + 1)); }

check "missing" 2 "$R" dump "$tmp/none.xlsx"
expect_err "missing" "ragbook: $tmp/none.xlsx: "
empty_out "missing"

head -c 3000 "$S/tracker.xlsx" >"$tmp/cut.xlsx"
check "truncated" 2 "$R" dump "$tmp/cut.xlsx"
expect_err "truncated" "ragbook: $tmp/cut.xlsx: "
empty_out "truncated"

check "bad date" 2 "$R" dump "$S/tracker.xlsx" --as-of 2024-02-30
expect_err "bad date" "the date 2024-02-30 does not exist"
check "not a date" 2 "$R" dump "$S/tracker.xlsx" --as-of 30/02/2024
expect_err "not a date" "--as-of takes a date as YYYY-MM-DD"
check "no file" 2 "$R" dump
expect_err "no file" "no file given"
check "two files" 2 "$R" dump "$S/tracker.xlsx" "$S/action-plan.xlsx"
check "unknown option" 2 "$R" dump --bogus "$S/tracker.xlsx"
expect_err "unknown option" "unknown option '--bogus'"

if [ "$fails" = 0 ]; then echo "dump cli: all passed"; fi
[ "$fails" = 0 ]
