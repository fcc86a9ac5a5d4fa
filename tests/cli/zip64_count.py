"""A workbook of 65,535 entries or more, edited in place (convert, merge's
editor), comes out with the end records a zip of that many entries needs:
the 16-bit counts say 0xFFFF and a ZIP64 end record, found by its locator,
gives the true count, which is the number of entries in the central
directory.  Debian's minizip 1.1 writes 0xFFFF and no ZIP64 record, which
Info-ZIP's unzip calls damaged (issue 16); edit/zio.c mends it.  Under
65,535 entries the plain end record stays as minizip writes it."""
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _skip import skip  # noqa: E402

RAGBOOK = os.environ.get("RAGBOOK")
SRC = os.environ.get("RAG_SOURCE_DIR")
if not RAGBOOK or not SRC:
    skip("RAGBOOK or RAG_SOURCE_DIR is not set")
CRAFTED = os.path.join(SRC, "tests", "data", "crafted", "entries-65535.xlsx")
if not os.path.exists(CRAFTED):
    skip("no " + CRAFTED)

fails = 0


def check(ok, what):
    global fails
    if not ok:
        fails += 1
    print(("ok   " if ok else "FAIL ") + what)


def end_records(path):
    """(count in the end record, ZIP64 count or None, entries counted in
    the central directory)."""
    data = open(path, "rb").read()
    at = data.rfind(b"PK\x05\x06")
    (_, _, _, n_disk, n_all, cd_size, cd_off,
     _) = struct.unpack("<IHHHHIIH", data[at:at + 22])
    z64 = None
    if at >= 20 and data[at - 20:at - 16] == b"PK\x06\x07":
        rec = struct.unpack("<Q", data[at - 12:at - 4])[0]
        if data[rec:rec + 4] == b"PK\x06\x06":
            z64 = struct.unpack("<Q", data[rec + 32:rec + 40])[0]
            cd_size = struct.unpack("<Q", data[rec + 40:rec + 48])[0]
            cd_off = struct.unpack("<Q", data[rec + 48:rec + 56])[0]
    # walk the central directory
    p, counted = cd_off, 0
    while p < cd_off + cd_size and data[p:p + 4] == b"PK\x01\x02":
        nlen, elen, clen = struct.unpack("<HHH", data[p + 28:p + 34])
        p += 46 + nlen + elen + clen
        counted += 1
    return n_all, z64, counted


with tempfile.TemporaryDirectory(prefix="ragbook-zip64-") as tmp:
    big = os.path.join(tmp, "entries-70000.xlsx")
    with zipfile.ZipFile(CRAFTED) as src, \
            zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            out.writestr(name, src.read(name))
        for i in range(70000 - len(src.namelist())):
            out.writestr("customXml/extra%d.xml" % i, "<a/>")
    small = os.path.join(SRC, "tests", "data", "crafted",
                         "dup-sheet-names.xlsx")
    for name, inp in (("65,535 entries", CRAFTED), ("70,000", big),
                      ("a small workbook", small)):
        out = os.path.join(tmp, "out.xlsx")
        r = subprocess.run([RAGBOOK, "convert", inp, "-o", out,
                            "--as-of", "2024-01-31"],
                           capture_output=True, text=True)
        check(r.returncode == 0, "%s: convert exits 0 (%s)"
              % (name, r.stderr.strip().splitlines()[-1:]))
        if r.returncode != 0:
            continue
        n16, n64, counted = end_records(out)
        if counted >= 0xFFFF:
            check(n16 == 0xFFFF and n64 == counted,
                  "%s: end record 0x%X, ZIP64 %s, %d in the directory"
                  % (name, n16, n64, counted))
        else:
            check(n16 == counted and n64 is None,
                  "%s: end record %d, %d in the directory, no ZIP64"
                  % (name, n16, counted))
        # and ragbook reads its own output
        r = subprocess.run([RAGBOOK, "cells", out], capture_output=True)
        check(r.returncode == 0, "%s: the output reads back" % name)
        os.unlink(out)

if fails:
    print("%d failures" % fails)
    sys.exit(1)
print("zip64_count: every output's end records are whole")
