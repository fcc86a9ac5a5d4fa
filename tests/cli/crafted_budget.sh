#!/bin/bash
# Small crafted workbooks (tests/data/crafted, made by make_crafted.py) that
# used to hang ragbook or make it write files nobody can open: every
# command, on each, ends with exit 0, 1 (validate's findings) or 2 within
# a generous budget (10 s, 300 MB peak RSS; more under the sanitizers), at most one line on stderr
# per failure, and every workbook it writes reads back.  The budget is
# generous on purpose: it catches a hang or a blow-up, not a slowdown.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
data="${RAG_TEST_DATA:?RAG_TEST_DATA is not set}/crafted"
TIME_LIMIT=10          # seconds
RSS_LIMIT_KB=307200    # 300 MB
# Under AddressSanitizer freed memory sits in a quarantine of up to 256 MB
# (ASan's default quarantine_size_mb) and every allocation carries red
# zones, so peak RSS says little about ragbook's own use (copy of
# dup-sheet-names: 18 MB plain, 429 MB sanitized).  The budget then still
# catches a hang or a blow-up of gigabytes, which is what it is for.
if [ "${RAG_SANITIZED:-0}" = 1 ]; then
    TIME_LIMIT=30
    RSS_LIMIT_KB=1048576   # 1 GB
fi
files=("$data"/*.xlsx)
[ -e "${files[0]}" ] || { echo "FAIL: no crafted workbooks in $data"; exit 1; }
[ -x /usr/bin/time ] || { echo "FAIL: /usr/bin/time is missing (Debian: time)"; exit 1; }
dir=$(mktemp -d /tmp/ragbook-crafted-XXXXXX)
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

for f in "${files[@]}"; do
    b=$(basename "$f" .xlsx)
    for cmd in cells csv dump validate copy convert; do
        out="$dir/$b.$cmd.xlsx"
        case $cmd in
        cells) args=(cells "$f") ;;
        csv) args=(cells --format csv "$f") ;;
        dump) args=(dump "$f") ;;
        validate) args=(validate --quiet "$f") ;;
        copy) args=(copy "$f" "$out") ;;
        convert) args=(convert "$f" -o "$out") ;;
        esac
        timeout -s KILL $((TIME_LIMIT + 5)) /usr/bin/time -f '%e %M' -o "$dir/time" \
            "$R" "${args[@]}" >/dev/null 2>"$dir/stderr"
        rc=$?
        # GNU time puts "Command exited with non-zero status N" first
        read -r secs kb < <(tail -n 1 "$dir/time" 2>/dev/null) || { secs=999; kb=0; }
        what="$cmd $b"
        echo "$what: exit $rc, ${secs} s, $((kb / 1024)) MB"
        case $rc in 0 | 1 | 2) ;; *) fail "$what: exit $rc" ;; esac
        awk -v s="$secs" -v l="$TIME_LIMIT" 'BEGIN { exit !(s > l) }' &&
            fail "$what: ${secs} s, over ${TIME_LIMIT} s"
        [ "$kb" -le $RSS_LIMIT_KB ] || fail "$what: $((kb / 1024)) MB, over $((RSS_LIMIT_KB / 1024)) MB"
        if [ $rc -eq 2 ]; then
            n=$(grep -vc ': warning: ' "$dir/stderr")
            [ "$n" -eq 1 ] || fail "$what: $n error lines: $(cat "$dir/stderr")"
            [ ! -e "$out" ] || fail "$what: failed but left $out"
        elif [ "$cmd" = copy ] || [ "$cmd" = convert ]; then
            "$R" cells "$out" >/dev/null 2>"$dir/cells.err" ||
                fail "$what: the output does not read back: $(cat "$dir/cells.err")"
        fi
        [ -z "$(ls -A "$dir" | grep ragbook-)" ] || fail "$what: left a temporary file"
    done
done
[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"
