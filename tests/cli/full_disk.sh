#!/bin/bash
# Every command that writes a workbook (copy, convert, consolidate,
# validate --report, merge), with a full disk:
#   - a workbook for stdout (-o -) with a full TMPDIR, where it is made:
#     exit 2, one line, nothing on stdout, nothing left in TMPDIR;
#   - a full temporary directory (TMPDIR on a 4 KiB tmpfs): libxlsxwriter's
#     temporary files live beside the target, so the output is written and
#     reads back whole (it used to be a zip of empty parts, exit 0);
#   - a full output directory (4 KiB, and half the size the output needs,
#     so the disk fills part-way): exit 2, one line on stderr naming the
#     output, no output and no stray file.
# The tmpfs is mounted in a private mount namespace (unshare -m), which
# needs root: CI runs as root.  Elsewhere the test skips with a message,
# but never when CI is set.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"

. "$(dirname "$0")/_skip.sh"
no_namespace() { skip "$1"; }

if [ -z "${RAG_IN_NAMESPACE:-}" ]; then
    [ "$(id -u)" -eq 0 ] || no_namespace "needs root to mount a tmpfs"
    command -v unshare >/dev/null || no_namespace "no unshare(1)"
    unshare -m true 2>/dev/null || no_namespace "no mount namespaces here"
    RAG_IN_NAMESPACE=1 exec unshare -m --propagation private bash "$0" "$@"
fi

plan="$src/samples/action-plan.xlsx"
tracker="$src/samples/tracker.xlsx"
[ -f "$plan" ] && [ -f "$tracker" ] || { echo "FAIL: no samples in $src/samples"; exit 1; }

dir=$(mktemp -d /tmp/ragbook-full-disk-XXXXXX)
tiny="$dir/tiny"
mkdir "$tiny"
trap 'umount "$tiny" 2>/dev/null; rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

mount_tiny() { # size
    umount "$tiny" 2>/dev/null
    mount -t tmpfs -o "size=$1" tmpfs "$tiny" || { echo "FAIL: mount"; exit 1; }
}

# run NAME OUT: the command NAME writing OUT; stdout and stderr kept.
run() {
    local out=$2
    case $1 in
    copy) "$R" copy "$plan" "$out" ;;
    convert) "$R" convert "$plan" -o "$out" ;;
    consolidate) "$R" consolidate "$plan" "$tracker" -o "$out" ;;
    report) "$R" validate --quiet "$plan" --report "$out" ;;
    merge) "$R" merge "$tracker" "$tracker" -o "$out" ;;
    esac >"$dir/stdout" 2>"$dir/stderr"
}

commands="copy convert consolidate report merge"

# Sizes of the outputs when the disk has room.
declare -A size
for c in $commands; do
    run "$c" "$dir/$c.xlsx"
    rc=$?
    if [ $rc -ne 0 ] && ! { [ $c = report ] && [ $rc -eq 1 ]; }; then
        fail "$c with room: exit $rc: $(cat "$dir/stderr")"
        continue
    fi
    size[$c]=$(stat -c %s "$dir/$c.xlsx")
    rm -f "$dir/$c.xlsx"
done

# A full temporary directory: the output is whole all the same.
mount_tiny 4k
for c in $commands; do
    TMPDIR="$tiny" run "$c" "$dir/$c.xlsx"
    rc=$?
    if [ $rc -ne 0 ] && ! { [ $c = report ] && [ $rc -eq 1 ]; }; then
        fail "$c with a full TMPDIR: exit $rc: $(cat "$dir/stderr")"
    elif ! "$R" cells "$dir/$c.xlsx" >/dev/null 2>"$dir/cells.err"; then
        fail "$c with a full TMPDIR: the output does not read back: $(cat "$dir/cells.err")"
    else
        echo "ok: $c with a full TMPDIR writes a whole workbook"
    fi
    rm -f "$dir/$c.xlsx"
    [ -z "$(ls -A "$tiny")" ] || fail "$c left $(ls -A "$tiny") in TMPDIR"
done

# A workbook for stdout (-o -) is made in TMPDIR, unnamed: with a full
# one, exit 2, one line on stderr saying why, nothing on stdout and
# nothing left in TMPDIR.
run_stdout() {
    case $1 in
    copy) "$R" copy "$plan" - ;;
    convert) "$R" convert "$plan" -o - ;;
    consolidate) "$R" consolidate "$plan" "$tracker" -o - ;;
    report) "$R" validate --quiet "$plan" --report - -o "$dir/findings.txt" ;;
    esac >"$dir/stdout" 2>"$dir/stderr"
}
for c in copy convert consolidate report; do
    mount_tiny 4k
    TMPDIR="$tiny" run_stdout "$c"
    rc=$?
    what="$c -o - with a full TMPDIR"
    [ $rc -eq 2 ] || fail "$what: exit $rc, expected 2"
    [ -s "$dir/stdout" ] && fail "$what: $(wc -c <"$dir/stdout") bytes on stdout"
    n=$(wc -l <"$dir/stderr")
    [ "$n" -eq 1 ] || fail "$what: $n lines on stderr, expected 1: $(cat "$dir/stderr")"
    grep -q "No space left on device" "$dir/stderr" ||
        fail "$what: the message does not say why: $(cat "$dir/stderr")"
    left=$(ls -A "$tiny")
    [ -z "$left" ] || fail "$what: left '$left' in TMPDIR"
    echo "ok?: $what: $(cat "$dir/stderr")"
done

# The text outputs spool before they print (nothing reaches the output
# unless it is whole): with -o FILE the spool is beside FILE, so a full
# /tmp or TMPDIR does not stop `cells`; to stdout it is in TMPDIR (else
# /tmp), and a full one is one line and exit 2, with nothing printed.  A
# 4 KiB tmpfs is mounted over /tmp itself here (tmpfile() would take /tmp
# whatever TMPDIR says), the outputs in a folder outside it.
# Everything the commands need lives outside /tmp: a checkout or build
# under /tmp would vanish under the mount, the command with it.
case "$PWD" in
/tmp | /tmp/*) base=/var/tmp ;;
*) base=$PWD ;;
esac
outd=$(mktemp -d "$base/ragbook-cells-XXXXXX")
cp "$R" "$outd/ragbook" && cp "$src/samples/tracker.xlsx" "$outd/in.xlsx" ||
    { echo "FAIL: cannot copy the command beside $outd"; exit 1; }
Rc="$outd/ragbook"
big="$outd/in.xlsx"
for fmt in json csv; do
    "$Rc" cells "$big" --format $fmt >"$outd/want.$fmt"
done
mount -t tmpfs -o size=4k tmpfs /tmp || { echo "FAIL: mount /tmp"; exit 1; }
for fmt in json csv; do
    env -u TMPDIR "$Rc" cells "$big" --format $fmt -o "$outd/cells.$fmt" \
        >"$outd/stdout" 2>"$outd/stderr"
    rc=$?
    if [ $rc -ne 0 ]; then
        fail "cells --format $fmt -o with a full /tmp: exit $rc: $(cat "$outd/stderr")"
    elif ! cmp -s "$outd/cells.$fmt" "$outd/want.$fmt"; then
        fail "cells --format $fmt -o with a full /tmp: not the whole output"
    else
        echo "ok: cells --format $fmt -o with a full /tmp"
    fi
    env -u TMPDIR "$Rc" cells "$big" --format $fmt >"$outd/stdout" 2>"$outd/stderr"
    rc=$?
    if [ $rc -eq 0 ] && cmp -s "$outd/stdout" "$outd/want.$fmt"; then
        echo "ok: cells --format $fmt to stdout fits in the full /tmp"
    elif [ $rc -ne 2 ] || [ -s "$outd/stdout" ] ||
         [ "$(wc -l <"$outd/stderr")" -ne 1 ]; then
        fail "cells --format $fmt to stdout with a full /tmp: exit $rc, $(wc -c <"$outd/stdout") bytes out, stderr: $(cat "$outd/stderr")"
    else
        echo "ok: cells --format $fmt to stdout with a full /tmp: $(cat "$outd/stderr")"
    fi
    [ -z "$(ls -A /tmp)" ] || fail "cells left $(ls -A /tmp) in /tmp"
done
umount /tmp
rm -rf "$outd"

# A full output directory: at once (4 KiB), and part-way (half the
# output's size, whole pages).
for c in $commands; do
    half=$(( (${size[$c]:-8192} / 2 + 4095) / 4096 * 4096 ))
    for sz in 4096 "$half"; do
        mount_tiny "$sz"
        run "$c" "$tiny/out.xlsx"
        rc=$?
        what="$c into a full directory ($sz bytes)"
        [ $rc -eq 2 ] || fail "$what: exit $rc, expected 2"
        n=$(wc -l <"$dir/stderr")
        [ "$n" -eq 1 ] || fail "$what: $n lines on stderr, expected 1: $(cat "$dir/stderr")"
        grep -q "^ragbook: $tiny/out.xlsx: " "$dir/stderr" ||
            fail "$what: the message does not name the output: $(cat "$dir/stderr")"
        left=$(ls -A "$tiny")
        [ -z "$left" ] || fail "$what: left '$left' behind"
        echo "ok?: $what: $(cat "$dir/stderr")"
    done
done

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"
