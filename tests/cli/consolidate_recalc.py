#!/usr/bin/env python3
"""The consolidated workbook's formulas, recalculated by LibreOffice.

ragbook writes each formula with the value it computed.  To be sure the
formulas themselves give those values, the cached values are first
overwritten with 99999 in a copy (of the fixtures and three more recovery
plans, made as consolidate_fixtures.py makes them), LibreOffice (headless, with a private
profile set to recalculate on load: OOXMLRecalcMode=0) loads that copy
and saves it again, and every formula cell of the Summary and the
Recovery plans sheet must come back with ragbook's value.  The converted
workbooks are rendered to PDF too (they open and print).

Env: RAGBOOK, RAG_SHARED_DIR.  Exit 0 passed, 1 failed, 77 skipped (no
fixtures, no openpyxl, no soffice).
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from _skip import skip

try:
    import openpyxl
except ImportError:
    openpyxl = None  # ctest runs a python3 that has it (tests/CMakeLists.txt)

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
FIXTURES = os.path.join(os.environ.get("RAG_SHARED_DIR", "../shared"),
                        "fixtures")
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop
 oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

failures = []
passed = 0


def check(name, cond, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append("%s: %s" % (name, detail))
    return cond


def soffice(profile, outdir, fmt, *files):
    p = subprocess.run(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless",
         "--convert-to", fmt, "--outdir", outdir] + list(files),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, timeout=300)
    return p.returncode


def poison(src, dst):
    """A copy with every formula's cached value replaced by 99999."""
    n = 0
    with zipfile.ZipFile(src) as zin, \
            zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text, k = re.subn(r'(<f>[^<]*</f>)<v>[^<]*</v>',
                                  r'\1<v>99999</v>', data.decode("utf-8"))
                n += k
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return n


def main():
    fixtures = sorted(glob.glob(os.path.join(FIXTURES, "*.xlsx")))
    if not fixtures:
        skip("no fixtures in %s" % FIXTURES)
    if openpyxl is None or not shutil.which("soffice"):
        skip("needs python3-openpyxl and LibreOffice (soffice)")
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "lo-profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user",
                               "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE)
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from consolidate_fixtures import variants  # recovery plans to add
        inputs = fixtures + variants(tmp)
        out = os.path.join(tmp, "finance.xlsx")
        p = subprocess.run([RAGBOOK, "consolidate"] + inputs +
                           ["-o", out, "--as-of", "2024-01-15"],
                           stderr=subprocess.PIPE)
        if not check("consolidate", p.returncode == 0, p.stderr):
            return 1
        bad = os.path.join(tmp, "poisoned.xlsx")
        n = poison(out, bad)
        check("formulas to recalculate", n > 50, "only %d" % n)
        lo = os.path.join(tmp, "lo")
        os.mkdir(lo)
        check("soffice recalculates", soffice(profile, lo, "xlsx", bad) == 0
              and os.path.exists(os.path.join(lo, "poisoned.xlsx")))
        mine = openpyxl.load_workbook(out, data_only=True)
        theirs = openpyxl.load_workbook(os.path.join(lo, "poisoned.xlsx"),
                                        data_only=True)
        formulas = openpyxl.load_workbook(out)
        for sheet in ("Summary", "Recovery plans"):
            seen = 0
            for row in formulas[sheet].iter_rows():
                for c in row:
                    if not (isinstance(c.value, str) and
                            c.value.startswith("=")):
                        continue
                    want = mine[sheet][c.coordinate].value
                    got = theirs[sheet][c.coordinate].value
                    seen += 1
                    if isinstance(want, (int, float)) and \
                            isinstance(got, (int, float)):
                        ok = abs(want - got) < 1e-6 * max(1, abs(want))
                    else:
                        ok = (want or "") == (got or "")
                    check("%s!%s %s" % (sheet, c.coordinate, c.value), ok,
                          "ragbook %r, LibreOffice %r" % (want, got))
            check("%s formulas" % sheet, seen > 0, "none")
        # the converted workbooks open and print
        conv = []
        for f in fixtures:
            o = os.path.join(tmp, os.path.basename(f)[:-5] + ".conv.xlsx")
            if subprocess.run([RAGBOOK, "convert", f, "-o", o]).returncode \
                    == 0:
                conv.append(o)
        pdf = os.path.join(tmp, "pdf")
        os.mkdir(pdf)
        soffice(profile, pdf, "pdf", out, *conv)
        for o in [out] + conv:
            name = os.path.basename(o)[:-5] + ".pdf"
            check("%s prints" % name,
                  os.path.exists(os.path.join(pdf, name)) and
                  os.path.getsize(os.path.join(pdf, name)) > 1000)
    for f in failures[:60]:
        print("FAIL", f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
