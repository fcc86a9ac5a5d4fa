#!/bin/bash
# ragbook's set-up in two commands, on a fresh Debian 12 (as root):
#
#   ./dev.sh demo   installs what is missing, builds, runs ragbook on samples/
#   ./dev.sh test   installs what is missing, builds, runs every test (also
#                   under ASan/UBSan) and fuzzes the reader for a minute
#
# .ci/run calls `./dev.sh test`.  Build folders: build/ (RelWithDebInfo),
# build-asan/ (-DRAG_SANITIZE=ON), build-fuzz/ (clang, -DRAG_FUZZ=ON),
# build-shared/ (the command on the shared library, -DRAG_CLI_SHARED=ON).
# Environment: JOBS (default 2), FUZZ_SECONDS (default 60; 0 skips the
# fuzzing), RAG_SHARED_DIR (default ../shared: fixtures and corpus).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
JOBS=${JOBS:-2}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SHARED=${RAG_SHARED_DIR:-$ROOT/../shared}

# ---------------------------------------------------------------------------
# Debian packages the project needs: THE one list.  Add a package here (one
# per line, with what needs it) and both commands install it when missing.
# ---------------------------------------------------------------------------
PACKAGES=(
    cmake pkg-config gcc make   # the build
    libxlsxwriter-dev           # writing workbooks
    libminizip-dev zlib1g-dev   # the zip container
    libexpat1-dev               # XML
    libcmocka-dev               # unit tests
    python3 python3-openpyxl    # script tests, the independent reader
    python3-xlsxwriter          # tests/gen: a second writer of variations
    clang libclang-rt-14-dev    # libFuzzer (build-fuzz/)
    libreoffice-calc-nogui      # recalculates consolidate's formulas in tests
    scdoc man-db                # the man pages (docs/man/*.scd), man -l in tests
    parallel                    # the many-machines test (GNU parallel)
)

say() { printf '\n==> %s\n' "$*"; }

install_missing() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "dev.sh: all ${#PACKAGES[@]} packages are installed"
        return
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || {
            echo "dev.sh: need root (or sudo) to install: ${missing[*]}" >&2
            exit 2
        }
        sudo=(sudo)
    fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" \
        </dev/null
}

# configure_build DIR [cmake options...]: configure once, then build.
configure_build() {
    local dir=$1
    shift
    cmake -S "$ROOT" -B "$ROOT/$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRAG_SHARED_DIR="$SHARED" "$@" >/dev/null
    cmake --build "$ROOT/$dir" -j "$JOBS"
}

# ---------------------------------------------------------------------------
# demo: every command below runs on every workbook in samples/.  One line
# per command; {file} is the workbook, {out} a path under out/demo/ (no
# extension) for commands that write files.
# ---------------------------------------------------------------------------
DEMO_COMMANDS=(
    "cells {file}"                      # the raw grid of every sheet (JSON)
    "cells {file} --format csv"         # the first sheet as CSV
    "dump {file}"                       # the plans recognised (JSON)
    "validate {file}"                   # findings, compiler-style
    "convert {file} -o {out}.converted.xlsx" # colour-coded, Summary, Issues
)
DEMO_LINES=${DEMO_LINES:-25}            # lines of each output shown here

demo() {
    install_missing
    say "building in build/"
    configure_build build
    local files=("$ROOT"/samples/*.xlsx)
    if [ ! -e "${files[0]}" ]; then
        files=("$SHARED"/fixtures/*.xlsx)
        if [ ! -e "${files[0]}" ]; then
            echo "dev.sh: no workbooks in samples/ (nor in $SHARED/fixtures)"
            return 0
        fi
        echo "dev.sh: samples/ is empty; using $SHARED/fixtures instead"
    fi
    mkdir -p "$ROOT/out/demo"
    local f cmd base log status=0 n word args i
    for f in "${files[@]}"; do
        base=$(basename "$f" .xlsx)
        i=0
        for cmd in "${DEMO_COMMANDS[@]}"; do
            i=$((i + 1))
            args=()
            for word in $cmd; do
                word=${word//\{file\}/$f}
                args+=("${word//\{out\}/$ROOT/out/demo/$base}")
            done
            log="$ROOT/out/demo/$base.$i.${cmd%% *}.txt"
            say "ragbook ${args[*]}"
            local rc=0
            "$ROOT/build/ragbook" "${args[@]}" >"$log" || rc=$?
            # validate exits 1 when it finds an error: that is its answer
            if [ $rc -eq 0 ] || { [ $rc -eq 1 ] && [ "${cmd%% *}" = validate ]; }; then
                head -n "$DEMO_LINES" "$log"
                n=$(wc -l <"$log")
                [ "$n" -le "$DEMO_LINES" ] ||
                    echo "... ($n lines in all: $log)"
            else
                echo "dev.sh: ragbook ${args[*]} failed" >&2
                status=1
            fi
        done
    done
    say "colour-coded workbooks (Summary, your sheets, Issues): $ROOT/out/demo/*.converted.xlsx"
    return $status
}

# ---------------------------------------------------------------------------
# test: the suite in build/, a minute of fuzzing, the suite under ASan/UBSan.
# Every stage runs; the exit status is non-zero if any failed.
# ---------------------------------------------------------------------------
run_ctest() {
    local dir=$1
    (cd "$ROOT/$dir" && ctest -j "$JOBS" --output-on-failure --timeout 1800)
}

fuzz() {
    local dir=$ROOT/build-fuzz
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRAG_SHARED_DIR="$SHARED" -DRAG_FUZZ=ON \
        -DCMAKE_C_COMPILER=clang >/dev/null
    cmake --build "$dir" -j "$JOBS" --target fuzz_reader
    rm -rf "$dir/ci-seeds" "$dir/ci-corpus" "$dir/ci-artifacts"
    mkdir -p "$dir/ci-corpus" "$dir/ci-artifacts"
    python3 "$ROOT/tests/fuzz/make_seeds.py" "$dir/ci-seeds" \
        --fixtures "$SHARED/fixtures" --corpus "$SHARED/corpus/files" \
        --sample 40 --extra "$ROOT/tests/data/fuzz"
    # libFuzzer exits non-zero on a crash, a leak, a timeout or an
    # out-of-memory; the input is left in ci-artifacts/.
    "$dir/tests/fuzz_reader" -max_total_time="$FUZZ_SECONDS" \
        -rss_limit_mb=2048 -timeout=20 -max_len=131072 \
        -dict="$ROOT/tests/fuzz/xlsx.dict" -print_final_stats=1 \
        -artifact_prefix="$dir/ci-artifacts/" \
        "$dir/ci-corpus" "$dir/ci-seeds" 2>"$dir/fuzz.log" || {
        tail -n 60 "$dir/fuzz.log"
        echo "dev.sh: the fuzzer found a crash; see $dir/ci-artifacts/" >&2
        return 1
    }
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|DONE' \
        "$dir/fuzz.log" || true
}

test_all() {
    local failed=() start=$SECONDS
    install_missing

    say "build/: configure, build and test (RelWithDebInfo)"
    if configure_build build; then
        run_ctest build || failed+=("tests")
    else
        failed+=("build")
    fi

    if [ "$FUZZ_SECONDS" -gt 0 ]; then
        say "build-fuzz/: fuzz the reader for ${FUZZ_SECONDS} s (clang, libFuzzer)"
        fuzz || failed+=("fuzz")
    fi

    # The command linked against the shared library, whose internal (rg_)
    # symbols are hidden: an internal call from the command fails to link.
    say "build-shared/: the command against the shared library (public API only)"
    if configure_build build-shared -DRAG_CLI_SHARED=ON -DRAG_BUILD_TESTS=OFF &&
        "$ROOT/build-shared/ragbook" --version >/dev/null; then
        echo "dev.sh: the command links against libragbook.so"
    else
        failed+=("shared build")
    fi

    say "build-asan/: the same tests under AddressSanitizer and UBSan"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:strict_string_checks=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    if configure_build build-asan -DRAG_SANITIZE=ON; then
        run_ctest build-asan || failed+=("sanitizer tests")
    else
        failed+=("sanitizer build")
    fi

    echo
    if [ ${#failed[@]} -gt 0 ]; then
        echo "dev.sh test: FAILED (${failed[*]}) after $((SECONDS - start)) s"
        return 1
    fi
    echo "dev.sh test: all stages passed (tests, fuzzing, ASan/UBSan)" \
        "in $((SECONDS - start)) s"
}

case "${1:-}" in
demo) demo ;;
test) test_all ;;
*)
    echo "usage: ./dev.sh demo | test" >&2
    exit 2
    ;;
esac
