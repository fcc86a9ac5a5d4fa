#!/bin/bash
# The command's documentation, written once in docs/man/*.scd: every
# command's --help (usage first, an example, within 80 columns, every
# option the command takes), the man pages rendered by man(1) without a
# warning, validate's page listing every rule of the catalogue, and
# docs/cli.md made from the same pages.
set -u
R="${RAGBOOK:-ragbook}"
B="${RAG_BUILD_DIR:?RAG_BUILD_DIR: the build folder}"
SRC="${RAG_SOURCE_DIR:-$(dirname "$0")/../..}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }

commands="cells dump validate convert consolidate merge copy"

"$R" --help >"$tmp/main" || fail "ragbook --help: exit $?"
head -n 1 "$tmp/main" | grep -q "^usage: ragbook COMMAND" || fail "ragbook --help: no usage first"
for c in $commands; do
    grep -q "^  $c " "$tmp/main" || fail "ragbook --help does not list $c"
done

for c in $commands; do
    "$R" "$c" --help >"$tmp/h" 2>"$tmp/e" || fail "$c --help: exit $?"
    [ -s "$tmp/e" ] && fail "$c --help wrote to stderr"
    head -n 1 "$tmp/h" | grep -q "^usage: ragbook $c " || fail "$c --help: not usage first: $(head -n 1 "$tmp/h")"
    awk -v c="$c" 'length > 80 { print "FAIL " c " --help: line of " length " columns: " $0; bad = 1 }
                   END { exit bad }' "$tmp/h" || fails=$((fails + 1))
    # the example: a line saying what, then the command itself
    awk '/^example:/ { e = 1; next } e && /^      ragbook / { found = 1 } END { exit !found }' "$tmp/h" ||
        fail "$c --help: no example"
    # every long option the command's source accepts is in its help
    src=$SRC/src/cli/cmd_$c.c
    [ $c = convert ] || [ $c = consolidate ] && src=$SRC/src/cli/cmd_convert.c
    for opt in $(grep -o '{"[a-z-]*", \(required\|no\)_argument' "$src" | sed 's/{"\([^"]*\)".*/\1/'); do
        [ "$opt" = help ] && continue
        grep -q -- "--$opt\b" "$tmp/h" || fail "$c --help does not mention --$opt, which $c takes"
    done
done

# validate's page lists every rule the catalogue has
"$R" validate --help | awk '/^rules/ { r = 1; next } r && /^  [a-z]/ { print $1 }' >"$tmp/rules"
[ "$(wc -l <"$tmp/rules")" -ge 20 ] || fail "validate --help lists $(wc -l <"$tmp/rules") rules"
while read -r rule; do
    grep -q "^\*$rule\* (" "$SRC/docs/man/ragbook-validate.1.scd" ||
        fail "ragbook-validate(1) does not list the rule $rule"
done <"$tmp/rules"

# the man pages: made, and rendered by man -l without a warning
for page in ragbook ragbook-cells ragbook-dump ragbook-validate ragbook-convert \
    ragbook-consolidate ragbook-merge ragbook-copy; do
    f=$B/doc/$page.1
    [ -s "$f" ] || { fail "no man page $f (is scdoc installed?)"; continue; }
    MANWIDTH=80 man --warnings -l "$f" >"$tmp/man" 2>"$tmp/manerr" || fail "man -l $page.1: exit $?"
    [ -s "$tmp/manerr" ] && { fail "man -l $page.1 warned:"; head -5 "$tmp/manerr"; }
    grep -q "^NAME" "$tmp/man" && grep -q "^SYNOPSIS" "$tmp/man" && grep -q "^EXIT STATUS" "$tmp/man" ||
        fail "man -l $page.1: no NAME, SYNOPSIS or EXIT STATUS"
done

# docs/cli.md is what the pages make
pages=""
for page in ragbook ragbook-cells ragbook-dump ragbook-validate ragbook-convert \
    ragbook-consolidate ragbook-merge ragbook-copy; do
    pages="$pages $SRC/docs/man/$page.1.scd"
done
"$B/ragdoc" markdown "$tmp/cli.md" $pages || fail "ragdoc markdown"
diff -u "$SRC/docs/cli.md" "$tmp/cli.md" >"$tmp/diff" ||
    { fail "docs/cli.md is behind docs/man/: cmake --build build --target docs"; head -20 "$tmp/diff"; }
grep -q "docs/cli.md" "$SRC/README.md" || fail "README does not link docs/cli.md"
grep -q "](\.\./shared" "$SRC/README.md" && fail "README links outside the repository (../shared)"

[ $fails -eq 0 ] && echo "docs: all passed"
exit $((fails > 0))
