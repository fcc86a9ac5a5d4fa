#!/bin/bash
# `ragbook cells` over the real-world corpus (../shared/corpus), compared
# with the oracle (openpyxl's reading): at least 99% of values and of fills
# must agree (files in tests/corpus-known.tsv counted apart), and no file
# may crash the reader.  In the sanitizer build RAGBOOK is the ASan/UBSan
# binary, so this also runs every corpus file under the sanitizers.
# Skips (exit 77) when the corpus is not there; fails then under CI.
set -u
. "$(dirname "$0")/_skip.sh"
corpus="${RAG_SHARED_DIR:-}/corpus"
if [ ! -d "$corpus/files" ] || [ ! -d "$corpus/oracle" ]; then
    skip "no corpus at $corpus"
fi
exec python3 "$RAG_SOURCE_DIR/tests/tools/compare_oracle.py" "$RAGBOOK" \
    "$corpus" --known "$RAG_SOURCE_DIR/tests/corpus-known.tsv" --min 0.99 \
    --verbose 10
