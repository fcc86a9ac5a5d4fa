#!/usr/bin/env python3
"""`ragbook cells` on files that are not readable workbooks.

Every file is made here (nothing large is committed): empty, CSV, HTML,
legacy .xls and encrypted workbooks (OLE2), damaged zips, zips that hold
something else, a decompression bomb of 3 GiB of spaces, billion laughs,
cell references past XFD1048576, indexes out of range, deep nesting.

For each: exit status 2, nothing on stdout, exactly one line on stderr
that names the file and says why in plain words.  The bomb must also be
refused within seconds and in little memory (peak RSS of the child).

Env: RAGBOOK (the CLI).  Exits 0 when all pass, 1 otherwise.
"""
import os, struct, subprocess, sys, tempfile, time, zipfile, zlib

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
# Under ASan the shadow memory and the quarantine make RSS larger and
# everything slower; the limits still tell a bomb from a refusal.
BOMB_SECONDS = 10.0
BOMB_RSS_MB = 300

NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="' + REL +
            'officeDocument" Target="xl/workbook.xml"/></Relationships>')
CT = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"/>')
WORKBOOK = ('<workbook ' + NS + '><sheets><sheet name="Sheet1" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/'
           '2006/relationships"><Relationship Id="rId1" Type="' + REL +
           'worksheet" Target="worksheets/sheet1.xml"/><Relationship '
           'Id="rId2" Type="' + REL + 'sharedStrings" Target="sharedStrings'
           '.xml"/><Relationship Id="rId3" Type="' + REL + 'styles" '
           'Target="styles.xml"/></Relationships>')
STYLES = ('<styleSheet ' + NS + '><fonts count="1"><font/></fonts><fills '
          'count="1"><fill/></fills><borders count="1"><border/></borders>'
          '<cellXfs count="2"><xf/><xf/></cellXfs></styleSheet>')
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    '<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % (i - 1 if i > 1 else ""))
                               * 10) for i in range(1, 10)) + ']>')


def sheet(body, head=""):
    return head + '<worksheet ' + NS + '><sheetData>' + body + \
        '</sheetData></worksheet>'


def xlsx(path, sheet_xml, sst=None, styles=STYLES, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", PKG_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/sharedStrings.xml",
                   sst if sst is not None else '<sst ' + NS + '/>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)


def ole2(path, directory_names):
    """A compound file: the OLE2 header and one directory sector holding
    the UTF-16LE names; enough for a reader that sniffs."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    directory = bytearray()
    for name in directory_names:
        entry = bytearray(128)
        raw = name.encode("utf-16-le")
        entry[0:len(raw)] = raw
        struct.pack_into("<H", entry, 64, len(raw) + 2)
        entry[66] = 2
        directory += entry
    directory += bytes(512 - len(directory) % 512)
    with open(path, "wb") as f:
        f.write(header + directory + bytes(1024))


def raw_deflate(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def write_zip(path, entries):
    """entries: (name, compressed bytes, crc, size, method)."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, size, method in entries:
        n = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21,
                           crc, len(data), size, len(n), 0) + n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0,
                               method, 0, 0x21, crc, len(data), size, len(n),
                               0, 0, 0, 0, 0, offset) + n
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries),
                       len(entries), len(central), cd_offset, 0)
    with open(path, "wb") as f:
        f.write(out)


def bomb(path, gib=3):
    """A workbook whose sheet is `gib` GiB of spaces: 1 MiB of spaces is
    deflated once (level 9, ended by a full flush so it stands alone) and
    repeated; the file is about 3 MB."""
    mib = b" " * (1 << 20)
    head = ('<worksheet ' + NS + '><sheetData>').encode()
    tail = b'</sheetData></worksheet>'
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)
    last = raw_deflate(tail)
    n = gib * 1024
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(mib, crc)
    crc = zlib.crc32(tail, crc)
    data = first + block * n + last
    size = len(head) + n * len(mib) + len(tail)
    assert size < 1 << 32
    parts = [("[Content_Types].xml", CT), ("_rels/.rels", PKG_RELS),
             ("xl/workbook.xml", WORKBOOK),
             ("xl/_rels/workbook.xml.rels", WB_RELS),
             ("xl/styles.xml", STYLES)]
    entries = [(name, raw_deflate(text.encode()),
                zlib.crc32(text.encode()), len(text.encode()), 8)
               for name, text in parts]
    entries.append(("xl/worksheets/sheet1.xml", data, crc & 0xFFFFFFFF,
                    size, 8))
    write_zip(path, entries)
    return size, len(data)


def make_cases(d):
    """(name, path, words the stderr line must hold)."""
    cases = []

    def add(name, words, ext=".xlsx"):
        path = os.path.join(d, name + ext)
        cases.append((name, path, words))
        return path

    open(add("empty", ["not an XLSX file", "empty"]), "wb").close()
    with open(add("csv", ["not an XLSX file", "CSV"]), "w") as f:
        f.write("Ref,Action,Lead\nR1,Do it,Jane\n")
    with open(add("html", ["not an XLSX file", "HTML"]), "w") as f:
        f.write("<html><body><table><tr><td>1</td></tr></table></body>"
                "</html>\n")
    with open(add("xml", ["not an XLSX file", "XML"]), "w") as f:
        f.write('<?xml version="1.0"?><root/>\n')
    with open(add("excel2003xml", ["not an XLSX file", "Excel 2003 XML"]),
              "w") as f:
        f.write('<?xml version="1.0"?><?mso-application progid="Excel.'
                'Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
                'spreadsheet"/>\n')
    with open(add("pdf", ["not an XLSX file", "PDF"]), "wb") as f:
        f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with open(add("binary", ["not an XLSX file", "not a zip"]), "wb") as f:
        f.write(bytes(range(256)) * 4)
    ole2(add("legacy-xls", ["not an XLSX file", "legacy .xls"]),
         ["Root Entry", "Workbook", "\x05SummaryInformation"])
    ole2(add("encrypted", ["not an XLSX file", "password-protected"]),
         ["Root Entry", "EncryptionInfo", "EncryptedPackage",
          "\x06DataSpaces"])

    good = os.path.join(d, "good.xlsx")
    xlsx(good, sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
         sst='<sst ' + NS + '><si><t>hello</t></si></sst>')
    data = open(good, "rb").read()
    with open(add("truncated", ["not an XLSX file", "truncated"]),
              "wb") as f:
        f.write(data[:len(data) // 2])
    with open(add("no-directory", ["not an XLSX file", "zip"]), "wb") as f:
        f.write(data[:-22] + b"PK\x05\x06" + bytes(18))  # EOCD, no entries
    # A stored sheet with one digit changed: well-formed, but its CRC fails.
    stored = os.path.join(d, "stored.xlsx")
    xlsx(stored, sheet('<row r="1"><c r="A1"><v>12345</v></c></row>'),
         method=zipfile.ZIP_STORED)
    blob = open(stored, "rb").read()
    i = blob.index(b"<v>12345</v>")
    with open(add("bad-crc", ["not an XLSX file", "checksum"]), "wb") as f:
        f.write(blob[:i + 3] + b"9" + blob[i + 4:])
    # A deflated sheet whose compressed bytes are garbage.
    sheet_xml = sheet("".join('<row r="%d"><c r="A%d"><v>%d</v></c></row>'
                              % (r, r, r) for r in range(1, 400))).encode()
    comp = bytearray(raw_deflate(sheet_xml))
    for k in range(10, len(comp) - 10, 7):
        comp[k] ^= 0x5A
    parts = [("[Content_Types].xml", CT), ("_rels/.rels", PKG_RELS),
             ("xl/workbook.xml", WORKBOOK),
             ("xl/_rels/workbook.xml.rels", WB_RELS)]
    entries = [(n, raw_deflate(t.encode()), zlib.crc32(t.encode()),
                len(t.encode()), 8) for n, t in parts]
    write_zip(add("bad-deflate", ["not an XLSX file", "damaged"]),
              entries + [("xl/worksheets/sheet1.xml", bytes(comp),
                          zlib.crc32(sheet_xml), len(sheet_xml), 8)])
    # An entry flagged as encrypted (traditional zip password).
    flagged = bytearray(blob)
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = 0
        while True:
            at = flagged.find(sig, at)
            if at < 0:
                break
            off = at + (6 if sig == b"PK\x03\x04" else 8)
            flagged[off] |= 1
            at += 4
    with open(add("zip-password", ["not an XLSX file", "password"]),
              "wb") as f:
        f.write(flagged)

    with zipfile.ZipFile(add("no-workbook", ["not an XLSX file",
                                             "xl/workbook.xml"]), "w") as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("docProps/app.xml", "<Properties/>")
    with zipfile.ZipFile(add("ods", ["not an XLSX file", "OpenDocument"],
                             ".ods"), "w") as z:
        z.writestr("mimetype",
                   "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(add("docx", ["not an XLSX file", "Word"]),
                         "w") as z:
        z.writestr("word/document.xml", "<w:document/>")

    xlsx(add("laughs-sheet", ["Sheet1", "DOCTYPE", "refused"]),
         sheet('<row><c t="inlineStr"><is><t>&lol9;</t></is></c></row>',
               head=LAUGHS))
    xlsx(add("laughs-sst", ["sharedStrings", "DOCTYPE", "refused"]),
         sheet('<row><c t="s"><v>0</v></c></row>'),
         sst=LAUGHS + '<sst ' + NS + '><si><t>&lol9;</t></si></sst>')
    xlsx(add("ref-past-xfd", ["Sheet1", "XFE1", "XFD1048576"]),
         sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))
    xlsx(add("row-past-end", ["Sheet1", "1048577"]),
         sheet('<row r="1048577"><c><v>1</v></c></row>'))
    xlsx(add("sst-index", ["Sheet1!B2", "shared string 5",
                           "out of range"]),
         sheet('<row r="2"><c r="B2" t="s"><v>5</v></c></row>'),
         sst='<sst ' + NS + '><si><t>only one</t></si></sst>')
    xlsx(add("style-index", ["Sheet1!C3", "cell style 7", "out of range"]),
         sheet('<row r="3"><c r="C3" s="7"><v>1</v></c></row>'))
    xlsx(add("deep-nesting", ["Sheet1", "nested more than"]),
         sheet("<x>" * 100000 + "</x>" * 100000))
    xlsx(add("not-well-formed", ["Sheet1", "sheet1.xml:1:",
                                 "mismatched tag"]),
         '<worksheet ' + NS + '><sheetData><row></sheetData></worksheet>')
    return cases


def run(args):
    """Run the CLI; returns (status, stdout, stderr, seconds, maxrss MB)."""
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(args, stdout=out, stderr=err,
                             stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        return (p.returncode, out.read(), err.read().decode("utf-8",
                                                            "replace"),
                seconds, usage.ru_maxrss / 1024.0)


def check(name, path, words, argv, failures):
    status, out, err, seconds, rss = run(argv)
    lines = err.splitlines()
    problems = []
    if status != 2:
        problems.append("exit status %d, want 2" % status)
    if out:
        problems.append("stdout not empty: %r" % out[:80])
    if len(lines) != 1 or not err.endswith("\n"):
        problems.append("want one line on stderr, got %r" % err[:300])
    elif not lines[0].startswith("ragbook: " + path + ": "):
        problems.append("the line does not start with the file: %r"
                        % lines[0])
    else:
        for w in words:
            if w not in lines[0]:
                problems.append("%r not in %r" % (w, lines[0]))
    if problems:
        failures.append((name, " ".join(argv[1:2] + argv[3:]), problems))
    return lines[0] if lines else "", seconds, rss


def main():
    failures = []
    passed = 0
    with tempfile.TemporaryDirectory() as d:
        cases = make_cases(d)
        cases.append(("missing", os.path.join(d, "no-such-file.xlsx"),
                      ["cannot open", "No such file"]))
        cases.append(("directory", d, ["is a directory"]))
        for name, path, words in cases:
            for fmt in ("json", "csv"):
                line, _, _ = check(name, path, words,
                                   [RAGBOOK, "cells", path, "--format", fmt],
                                   failures)
                passed += 1
            print("%-16s %s" % (name, line))

        t0 = time.monotonic()
        path = os.path.join(d, "bomb.xlsx")
        size, packed = bomb(path)
        made = time.monotonic() - t0
        for fmt in ("json", "csv"):
            line, seconds, rss = check("bomb", path, ["Sheet1",
                                                      "decompression bomb"],
                                       [RAGBOOK, "cells", path, "--format",
                                        fmt], failures)
            print("%-16s %s" % ("bomb", line))
            print("bomb: %.1f GiB of spaces in a %.1f MB file (made in %.1f s);"
                  " refused in %.2f s, peak RSS %.1f MB (%s)"
                  % (size / 2 ** 30, os.path.getsize(path) / 1e6, made,
                     seconds, rss, fmt))
            if seconds > BOMB_SECONDS or rss > BOMB_RSS_MB:
                failures.append(("bomb", fmt, ["took %.1f s and %.0f MB"
                                               % (seconds, rss)]))
            passed += 1
    for name, how, problems in failures:
        print("FAIL %s (%s): %s" % (name, how, "; ".join(problems)))
    print("%d passed, %d failed" % (passed - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
