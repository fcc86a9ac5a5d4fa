#!/bin/bash
# `cmake --install` into a temporary prefix, then what a C developer does
# with it: build a program with `pkg-config --cflags --libs ragbook` and
# with find_package(ragbook) (static and shared), and run both; and what a
# user gets: the command, its man pages and bash completion.
set -u
B="${RAG_BUILD_DIR:?RAG_BUILD_DIR: the build folder}"
SRC="${RAG_SOURCE_DIR:-$(dirname "$0")/../..}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
P=$tmp/prefix
fails=0
# A sanitized build installs a sanitized library: a program built against
# it needs the same runtime (RAG_CONSUMER_FLAGS, set by tests/CMakeLists.txt).
CONSUMER_FLAGS=${RAG_CONSUMER_FLAGS:-}
fail() { echo "FAIL $*"; fails=$((fails + 1)); }

cmake --install "$B" --prefix "$P" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; echo "FAIL cmake --install"; exit 1; }
(cd "$P" && find . -type f -o -type l | sort) >"$tmp/tree"

for f in bin/ragbook include/ragbook/ragbook.h include/ragbook/version.h \
    lib/libragbook.a lib/libragbook.so lib/pkgconfig/ragbook.pc \
    lib/cmake/ragbook/ragbookConfig.cmake \
    lib/cmake/ragbook/ragbookConfigVersion.cmake \
    lib/cmake/ragbook/ragbookTargets.cmake; do
    # GNUInstallDirs may say lib64 or lib/<triplet>: look for the name
    base=${f#lib/}
    grep -q "/${base}\$" "$tmp/tree" || fail "installed: no $f"
done
pc=$(find "$P" -name ragbook.pc | head -n 1)
libdir=$(dirname "$(dirname "$pc")")
grep -qx "libdir=$libdir" "$pc" || fail "ragbook.pc: libdir is not $libdir: $(grep libdir= "$pc")"
grep -q '^Requires.private: .*xlsxwriter' "$pc" || fail "ragbook.pc: no Requires.private"

sample=$SRC/samples/tracker.xlsx
want="ragbook $("$P/bin/ragbook" --version | awk '{print $2}'): "

# 1. pkg-config, the shared library
export PKG_CONFIG_PATH=$libdir/pkgconfig
flags=$(pkg-config --cflags --libs ragbook) || fail "pkg-config --cflags --libs ragbook"
cc -std=c11 -Wall -Werror $CONSUMER_FLAGS -o "$tmp/plans-pc" "$SRC/tests/install/plans.c" $flags \
    >"$tmp/cc.log" 2>&1 || { cat "$tmp/cc.log"; fail "cc with pkg-config"; }
out=$(LD_LIBRARY_PATH=$libdir "$tmp/plans-pc" "$sample") || fail "plans (pkg-config) ran: $out"
case $out in "$want"*" plans") ;; *) fail "plans (pkg-config) printed '$out'" ;; esac
LD_LIBRARY_PATH=$libdir ldd "$tmp/plans-pc" | grep -q "$libdir/libragbook.so" ||
    fail "plans (pkg-config) is not linked to the installed libragbook.so"

# 2. pkg-config --static: libragbook.a and every dependency from Requires.private
sflags=$(pkg-config --static --libs ragbook)
cc -std=c11 $CONSUMER_FLAGS -o "$tmp/plans-static" "$SRC/tests/install/plans.c" \
    $(pkg-config --cflags ragbook) "$libdir/libragbook.a" \
    $(echo " $sflags " | sed 's/ -lragbook / /') >"$tmp/cc.log" 2>&1 ||
    { cat "$tmp/cc.log"; fail "cc with pkg-config --static"; }
out=$("$tmp/plans-static" "$sample") || fail "plans (static) ran: $out"
case $out in "$want"*" plans") ;; *) fail "plans (static) printed '$out'" ;; esac

# 3. find_package(ragbook): ragbook::ragbook (static) and ragbook::shared
for kind in static shared; do
    shared=OFF
    [ $kind = shared ] && shared=ON
    unset PKG_CONFIG_PATH
    if ! cmake -S "$SRC/tests/install" -B "$tmp/consumer-$kind" \
        -DCMAKE_PREFIX_PATH="$P" -DPLANS_SHARED=$shared \
        -DCMAKE_C_FLAGS="$CONSUMER_FLAGS" >"$tmp/cm.log" 2>&1 ||
        ! cmake --build "$tmp/consumer-$kind" >>"$tmp/cm.log" 2>&1; then
        cat "$tmp/cm.log"
        fail "find_package(ragbook), $kind"
        continue
    fi
    out=$("$tmp/consumer-$kind/plans" "$sample") || fail "plans (cmake, $kind) ran: $out"
    case $out in "$want"*" plans") ;; *) fail "plans (cmake, $kind) printed '$out'" ;; esac
done

# 4. the command, its man pages and its completion
"$P/bin/ragbook" validate --quiet "$sample" >/dev/null
[ $? -le 1 ] || fail "installed ragbook validate"
for page in ragbook ragbook-cells ragbook-dump ragbook-validate ragbook-convert \
    ragbook-consolidate ragbook-merge ragbook-copy; do
    grep -q "/man/man1/$page.1\$" "$tmp/tree" || fail "installed: no man page $page(1)"
done
grep -q "/bash-completion/completions/ragbook\$" "$tmp/tree" ||
    fail "installed: no bash completion"
MANPATH=$P/share/man man -w ragbook-validate >/dev/null 2>&1 ||
    fail "man -w ragbook-validate finds no page under the prefix"

if [ $fails -ne 0 ]; then
    echo "installed tree:"; cat "$tmp/tree"
    exit 1
fi
echo "install: $(wc -l <"$tmp/tree") files; pkg-config, static, find_package static and shared all ran"
