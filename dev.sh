#!/bin/bash
# ragbook's set-up in two commands, on a fresh Debian 12 (as root):
#
#   ./dev.sh demo   installs what is missing, builds, runs ragbook on samples/
#   ./dev.sh test   installs what is missing, builds, runs every test (also
#                   under ASan/UBSan) and fuzzes the reader and the whole
#                   pipeline for a minute
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
# demo: every command once on samples/, each shown by a few lines or a
# one-line summary (the full outputs are left in out/demo/), and at the end
# how to run ragbook on one's own file.
# ---------------------------------------------------------------------------
DEMO_LINES=${DEMO_LINES:-6}             # lines of a text output shown here

# run LOG ARGS...: ragbook ARGS with stdout to LOG; exit 1 is validate's
# "found an error", an answer, not a failure
run() {
    local log=$1 rc=0
    shift
    say "ragbook $*"
    "$ROOT/build/ragbook" "$@" >"$log" 2>"$ROOT/out/demo/stderr.txt" || rc=$?
    # what it said on stderr (a summary, warnings) comes after its output
    [ "$log" = /dev/null ] && cat "$ROOT/out/demo/stderr.txt"
    if [ $rc -gt 1 ]; then
        echo "dev.sh: ragbook $* failed (exit $rc)" >&2
        demo_status=1
    fi
}

# show LOG: its first lines, and where the rest is
show() {
    head -n "$DEMO_LINES" "$1"
    local n
    n=$(wc -l <"$1")
    [ "$n" -le "$DEMO_LINES" ] || echo "... ($n lines in all: ${1#"$ROOT/"})"
    cat "$ROOT/out/demo/stderr.txt"
}

# The plans dump found, one line each, from its JSON.
summarise_dumps() {
    python3 -c '
import json, sys
for path in sys.argv[1:]:
    d = json.load(open(path))
    for p in d["plans"]:
        n = ["%d %s" % (len(p.get(k) or []), k) for k in
             ("actions", "indicators", "milestones", "periods") if p.get(k)]
        print("%s: %s on %r (%s)" % (d["file"], p["kind"], p["sheet"],
                                     ", ".join(n) or "a form"))
' "$@"
}

demo() {
    install_missing
    say "building in build/"
    configure_build build >/dev/null
    local out=out/demo files f base
    cd "$ROOT"
    files=(samples/*.xlsx)
    if [ ! -e "${files[0]}" ]; then
        echo "dev.sh: no workbooks in samples/ (python3 samples/make_samples.py makes them)"
        return 1
    fi
    rm -rf "$out"
    mkdir -p "$out"
    demo_status=0

    run "$out/validate.txt" validate samples/
    show "$out/validate.txt"
    run "$out/validate-quiet.txt" validate samples/ --quiet --report "$out/findings.xlsx"
    cat "$out/stderr.txt"
    echo "one row per file and per finding, linked: $out/findings.xlsx"

    say "ragbook dump FILE -o $out/FILE.json, for each sample: the plans recognised"
    for f in "${files[@]}"; do
        base=$(basename "$f" .xlsx)
        build/ragbook dump "$f" -o "$out/$base.json" || demo_status=1
    done
    summarise_dumps "$out"/*.json || demo_status=1

    run "$out/tracker.csv" cells samples/tracker.xlsx --format csv
    show "$out/tracker.csv"

    for f in "${files[@]}"; do
        base=$(basename "$f" .xlsx)
        run /dev/null convert "$f" -o "$out/$base.converted.xlsx"
    done
    run /dev/null consolidate "${files[@]}" -o "$out/consolidated.xlsx"
    run /dev/null copy samples/tracker.xlsx "$out/tracker.copy.xlsx"

    rm -f "$out/stderr.txt"
    say "workbooks written (open them in Excel or LibreOffice)"
    ls -1 "$out"/*.xlsx | sed 's/^/  /'

    say "now your own workbook"
    echo "  build/ragbook validate your-file.xlsx             findings, like a compiler"
    echo "  build/ragbook convert your-file.xlsx -o out.xlsx  colour-coded, Summary, Issues"
    echo "  build/ragbook --help, build/ragbook COMMAND --help, docs/cli.md"
    echo "To have ragbook, man ragbook and its bash completion on your PATH:"
    echo "  sudo cmake --install build   (or: cmake --install build --prefix ~/.local)"
    return $demo_status
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
    local dir=$ROOT/build-fuzz target secs status=0
    # The minute is shared: half to the reader's target, half to the whole
    # pipeline's (read, recognise, validate, convert, read back).
    secs=$(( (FUZZ_SECONDS + 1) / 2 ))
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRAG_SHARED_DIR="$SHARED" -DRAG_FUZZ=ON \
        -DCMAKE_C_COMPILER=clang >/dev/null
    cmake --build "$dir" -j "$JOBS" --target fuzz_reader fuzz_pipeline
    rm -rf "$dir/ci-seeds" "$dir/ci-corpus" "$dir/ci-artifacts"
    mkdir -p "$dir/ci-artifacts"
    python3 "$ROOT/tests/fuzz/make_seeds.py" "$dir/ci-seeds" \
        --fixtures "$SHARED/fixtures" --corpus "$SHARED/corpus/files" \
        --sample 40 --extra "$ROOT/tests/data/fuzz" \
        --extra "$ROOT/tests/data/crafted"
    for target in fuzz_reader fuzz_pipeline; do
        mkdir -p "$dir/ci-corpus/$target"
        # libFuzzer exits non-zero on a crash, a leak, a timeout or an
        # out-of-memory; the input is left in ci-artifacts/.
        "$dir/tests/$target" -max_total_time="$secs" \
            -rss_limit_mb=2048 -timeout=20 -max_len=131072 \
            -dict="$ROOT/tests/fuzz/xlsx.dict" -print_final_stats=1 \
            -artifact_prefix="$dir/ci-artifacts/$target-" \
            "$dir/ci-corpus/$target" "$dir/ci-seeds" 2>"$dir/$target.log" || {
            tail -n 60 "$dir/$target.log"
            echo "dev.sh: $target found a crash; see $dir/ci-artifacts/" >&2
            status=1
            continue
        }
        echo "$target:"
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|DONE' \
            "$dir/$target.log" || true
    done
    return $status
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
        say "build-fuzz/: fuzz the reader and the pipeline for ${FUZZ_SECONDS} s (clang, libFuzzer)"
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
