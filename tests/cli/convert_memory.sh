#!/bin/bash
# convert's peak memory stays near dump's on a 20,000-row tracker
# (bench/gen_tracker.py), issue 16.  dump holds the loaded grid and the
# model; convert holds them too while it recognises and edits a sheet, and
# on top of them only the findings and the editor's changes to that sheet
# (one per coloured month cell, 24 bytes each): each sheet's cells are
# released once it is edited (rag_sheet_unload), before the Summary, the
# Issues sheet and the package are written.
#
# Measured on 2026-12-04 (peak RSS, /usr/bin/time %M): dump 58.6 MB,
# convert 65.9 MB (1.12 times), where it was 91 MB against 53 (1.72 times)
# while the grid was kept to the end; at 200,000 rows 493 and 557 MB
# (1.13), where it was 918 against 469.  The bound, 1.25 times dump's,
# leaves some 10% for another allocator or libc; it fails when the grid is
# held through the writing again (1.7 times).
#
# Under the sanitizers peak RSS says little of ragbook's own use (ASan's
# quarantine keeps freed memory, up to 256 MB, and red zones pad every
# allocation; see crafted_budget.sh), so it is not compared there.
set -u
R="${RAGBOOK:?RAGBOOK is not set}"
src="${RAG_SOURCE_DIR:?RAG_SOURCE_DIR is not set}"
. "$(dirname "$0")/_skip.sh"

FACTOR=1.25
ROWS=20000
if [ "${RAG_SANITIZED:-0}" = 1 ]; then
    echo "not measured: peak RSS under the sanitizers is ASan's, not ragbook's"
    exit 0
fi
command -v python3 >/dev/null || skip "no python3 to make the tracker"
[ -f "$src/bench/gen_tracker.py" ] || skip "no bench/gen_tracker.py in $src"
[ -x /usr/bin/time ] || skip "/usr/bin/time is missing (Debian: time)"
dir=$(mktemp -d /tmp/ragbook-cvmem-XXXXXX)
trap 'rm -rf "$dir"' EXIT
big="$dir/tracker.xlsx"
python3 "$src/bench/gen_tracker.py" "$big" $ROWS >/dev/null 2>&1 ||
    { echo "FAIL: cannot make the tracker"; exit 1; }

# peak NAME ARGS...: the command's peak RSS in KB on stdout
peak() {
    local what=$1
    shift
    /usr/bin/time -f '%M' -o "$dir/time" "$R" "$@" >/dev/null 2>"$dir/err" ||
        { echo "FAIL: $what failed: $(cat "$dir/err")" >&2; return 1; }
    tail -n 1 "$dir/time"
}

dump_kb=$(peak dump dump "$big") || exit 1
conv_kb=$(peak convert convert "$big" -o "$dir/out.xlsx" --as-of 2024-01-31) || exit 1
echo "$ROWS rows: dump $((dump_kb / 1024)) MB, convert $((conv_kb / 1024)) MB"
if awk -v c="$conv_kb" -v d="$dump_kb" -v f="$FACTOR" 'BEGIN { exit !(c > d * f) }'; then
    echo "FAIL: convert's peak is over $FACTOR times dump's"
    exit 1
fi
echo "passed: convert within $FACTOR times dump's peak"

# A sheet of 1,048,576 rows and no plan: convert pages it (read/pages.h)
# and holds no grid, so its peak is copy's, which streams (issue 16).
# Measured on 2026-12-05: copy 22 MB, convert 26 MB, dump 111 MB; before
# the paging convert took 111 MB too.  The bound, 1.5 times copy's (and
# 16 MB over it at the least), fails when convert loads the grid again.
rows="$dir/rows.xlsx"
python3 - "$rows" <<'PY' || { echo "FAIL: cannot make the 1,048,576-row sheet"; exit 1; }
import sys, zipfile
ns = "http://schemas.openxmlformats.org/"
parts = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="' + ns + 'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="' + ns + 'package/2006/relationships"><Relationship Id="rId1" Type="' + ns + 'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="' + ns + 'spreadsheetml/2006/main" xmlns:r="' + ns + 'officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="' + ns + 'package/2006/relationships"><Relationship Id="rId1" Type="' + ns + 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text)
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(('<?xml version="1.0"?><worksheet xmlns="' + ns +
                 'spreadsheetml/2006/main"><sheetData>').encode())
        for r0 in range(1, 1048577, 8192):
            f.write("".join('<row r="%d"><c r="A%d"><v>%d</v></c></row>'
                            % (r, r, r) for r in range(r0, r0 + 8192))
                    .encode())
        f.write(b"</sheetData></worksheet>")
PY
copy_kb=$(peak copy copy "$rows" "$dir/rows-copy.xlsx") || exit 1
conv_kb=$(peak convert convert "$rows" -o "$dir/rows-out.xlsx") || exit 1
echo "1,048,576 rows, no plan: copy $((copy_kb / 1024)) MB, convert $((conv_kb / 1024)) MB"
if awk -v c="$conv_kb" -v k="$copy_kb" 'BEGIN {
        b = k * 1.5; if (b < k + 16384) b = k + 16384; exit !(c > b) }'; then
    echo "FAIL: convert's peak on a sheet of rows is not copy's: the grid is held"
    exit 1
fi
echo "passed: convert of 1,048,576 rows within copy's peak"
