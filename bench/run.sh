#!/bin/sh
# ragbook benchmark: installs what it needs, builds ragbook (Release, in
# build-bench/), generates the workbooks (cached in bench/work/) and prints
# the figures.  Settings through the environment, e.g.
#   ROWS=20000 N=1 bench/run.sh          a quick run
#   SECTIONS=cells,memory bench/run.sh   only some sections
# See bench/README.md and the head of bench/bench.py for every setting.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

need=""
[ -x /usr/bin/python3 ] || need="$need python3"
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need="$need python3-openpyxl"
command -v xlsx2csv >/dev/null 2>&1 || need="$need xlsx2csv"
[ -x /usr/bin/time ] || need="$need time"
command -v unzip >/dev/null 2>&1 || need="$need unzip"
command -v ssconvert >/dev/null 2>&1 || need="$need gnumeric"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -z "${RAGBOOK:-}" ]; then
    command -v cmake >/dev/null 2>&1 || need="$need cmake"
    command -v cc >/dev/null 2>&1 || need="$need build-essential"
    command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
    for pkg in zlib1g-dev libminizip-dev libexpat1-dev libxlsxwriter-dev; do
        dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
    done
fi
if [ -n "$need" ]; then
    echo "bench: installing$need" >&2
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >&2
fi

if [ -z "${RAGBOOK:-}" ]; then
    build="$top/build-bench"
    echo "bench: building ragbook (Release) in $build" >&2
    mkdir -p "$build"
    log="$build/bench-build.log"
    if ! { cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release \
               -DRAG_BUILD_TESTS=OFF && cmake --build "$build" -j2; } \
            >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        echo "bench: the build failed; see $log" >&2
        exit 2
    fi
    RAGBOOK="$build/ragbook"
    export RAGBOOK
fi

# The npm peers (exceljs, SheetJS, xlsx-populate), installed once into
# bench/work/node; a peer that cannot be installed is reported as failed.
node_dir="${WORK:-$here/work}/node"
if [ ! -d "$node_dir/node_modules/exceljs" ] ||
   [ ! -d "$node_dir/node_modules/xlsx" ] ||
   [ ! -d "$node_dir/node_modules/xlsx-populate" ]; then
    mkdir -p "$node_dir"
    echo "bench: npm install exceljs xlsx xlsx-populate into $node_dir" >&2
    npm install --silent --no-audit --no-fund --prefix "$node_dir" \
        exceljs xlsx xlsx-populate >&2 || echo "bench: npm install failed" >&2
fi
NODE_PATH="$node_dir/node_modules"
export NODE_PATH

exec /usr/bin/python3 "$here/bench.py" "$@"
