#!/bin/bash
# A larger run of the variation generator (tests/gen/) than the suite's 500:
#
#   bench/gen_variations.sh [N [SEED]]     default N=2000, SEED=9
#
# Workbooks go to build/gen-variations-SEED-N/ (kept: a second run with the
# same seed and generator only re-scores them), then recall and precision
# per family and per fact type are printed.  Mismatches outside
# tests/gen/known_failures.txt are listed (the first 40; --show changes it).
# Environment: RAGBOOK (default build/ragbook), JOBS (default 2),
# LO_EVERY (re-save every Nth variation through LibreOffice; default 25).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
SEED=${2:-9}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export RAGBOOK=${RAGBOOK:-$(pwd)/build/ragbook}
exec "$PY" tests/gen/check.py --seed "$SEED" --count "$N" \
    --out "build/gen-variations-$SEED-$N" --jobs "${JOBS:-2}" \
    --libreoffice "${LO_EVERY:-25}" "${@:3}"
