#!/usr/bin/env python3
"""`ragbook cells --format csv` on small crafted sheets: the width rule
(rows padded to the declared dimension's last column unless that padding
is out of proportion, issue 16) at its edges, rows of different widths,
gaps, fields that need quoting, a row longer than the spool's chunk, an
empty sheet, and a sheet that fails part-way (nothing printed).  Since
issue 17 the CSV is made in one pass: rows go to a spool unpadded and are
padded on the way out, once the sheet's end gives the width; these are
the cases that path must get right.

Env: RAGBOOK.  Needs nothing else (the workbooks are written here).
Exit 0 all passed, 1 a failure.
"""
import os
import subprocess
import sys
import tempfile
import zipfile

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"

passed = 0
failures = []


def col_name(i):
    """0-based column index to letters."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(row, col, value):
    """A cell at 0-based (row, col): a number, or an inline string."""
    ref = "%s%d" % (col_name(col), row + 1)
    if isinstance(value, str):
        esc = (value.replace("&", "&amp;").replace("<", "&lt;")
               .replace(">", "&gt;").replace("\r", "&#13;"))
        return ('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s'
                '</t></is></c>' % (ref, esc))
    return '<c r="%s"><v>%s</v></c>' % (ref, value)


def sheet_xml(cells, dimension=None, tail="</sheetData></worksheet>"):
    """cells: [(row, col, value)], in file order (rows grouped as given)."""
    rows, order = {}, []
    for r, c, v in cells:
        if r not in rows:
            rows[r] = []
            order.append(r)
        rows[r].append(cell(r, c, v))
    body = "".join('<row r="%d">%s</row>' % (r + 1, "".join(rows[r]))
                   for r in order)
    dim = '<dimension ref="%s"/>' % dimension if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s>%s'
            '<sheetData>%s%s' % (NS, dim, body, tail))


def workbook(path, sheets):
    """sheets: [(name, sheet XML)]."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
          'schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.'
          'openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" '
                    'ContentType="application/vnd.openxmlformats-'
                    'officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                    for i in range(len(sheets))) + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>' % (PR, R))
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook %s xmlns:r="%s">'
          '<sheets>%s</sheets></workbook>'
          % (NS, R, "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>'
                            % (n, i + 1, i + 1)
                            for i, (n, _) in enumerate(sheets))))
    wb_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
               'xmlns="%s">%s</Relationships>'
               % (PR, "".join('<Relationship Id="rId%d" Type="%s/worksheet" '
                              'Target="worksheets/sheet%d.xml"/>'
                              % (i + 1, R, i + 1)
                              for i in range(len(sheets)))))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        for i, (_, xml) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), xml)


def csv_of(cells, width):
    """The CSV the contract gives: rows 1 to the last with a value, each
    padded to width fields.  Values are already CSV text."""
    last = max(r for r, _, _ in cells)
    grid = {(r, c): v for r, c, v in cells}
    out = []
    for r in range(last + 1):
        out.append(",".join(grid.get((r, c), "") for c in range(width)))
    return "".join(line + "\r\n" for line in out)


def run(*args):
    p = subprocess.run([RAGBOOK] + list(args), capture_output=True,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(name, path, want, *extra):
    global passed
    status, out, err = run("cells", path, "--format", "csv", *extra)
    if status == 0 and err == "" and out == want:
        passed += 1
    else:
        failures.append((name, "exit %d, stderr %r, stdout %r..., want %r..."
                         % (status, err, out[:120], want[:120])))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        def book(name, xml, *more):
            path = os.path.join(tmp, name + ".xlsx")
            workbook(path, [("S1", xml)] + list(more))
            return path

        # Declared A1:E3, cells to B: padded to E (within proportion).
        cells = [(0, 0, 1), (0, 1, 2), (2, 0, 3)]
        check("padded to the dimension",
              book("narrow", sheet_xml(cells, "A1:E3")),
              "1,2,,,\r\n,,,,\r\n3,,,,\r\n")
        # Rows of different widths, a gap, and rows above the first value.
        cells = [(2, 2, 1), (2, 5, 2), (3, 0, 3), (6, 1, 4), (6, 2, 5)]
        check("rows of different widths, gaps",
              book("ragged", sheet_xml(cells, "A1:H7")),
              csv_of([(r, c, str(v)) for r, c, v in cells], 8))
        check("no dimension: the cells' width",
              book("nodim", sheet_xml(cells)),
              csv_of([(r, c, str(v)) for r, c, v in cells], 6))
        check("a one-cell dimension is not a width",
              book("onecell", sheet_xml(cells, "A1")),
              csv_of([(r, c, str(v)) for r, c, v in cells], 6))
        check("a dimension narrower than the cells",
              book("short", sheet_xml(cells, "A1:B2")),
              csv_of([(r, c, str(v)) for r, c, v in cells], 6))
        # The rule's edge: 100 rows, 1,000,000 empty fields of padding is
        # in proportion (padded); 1,000,100 is not (the cells' width).
        cells = [(0, 0, 1), (99, 0, 2)]
        check("padding of exactly 1,000,000 fields",
              book("pad-1m", sheet_xml(cells, "A1:%s100"
                                       % col_name(10000))),
              csv_of([(r, c, str(v)) for r, c, v in cells], 10001))
        check("padding of 1,000,100 fields: not padded",
              book("pad-1m1", sheet_xml(cells, "A1:%s100"
                                        % col_name(10001))),
              csv_of([(r, c, str(v)) for r, c, v in cells], 1))
        # Past 1,000,000 but no more than the cells' own area: padded.
        cells = [(0, 0, 1), (499, 2000, 2)]
        check("padding as large as the cells' area",
              book("pad-area", sheet_xml(cells, "A1:%s500"
                                         % col_name(4001))),
              csv_of([(r, c, str(v)) for r, c, v in cells], 4002))
        # Fields that need quoting, a line break inside one among them.
        text = 'say "hi",\nthen\r\nbye'
        cells = [(0, 0, "plain"), (0, 1, text), (1, 2, "a,b"), (1, 3, '"')]
        check("quoted fields",
              book("quoted", sheet_xml(cells, "A1:E2")),
              'plain,"say ""hi"",\nthen\r\nbye",,,\r\n'
              ',,"a,b","""",\r\n')
        # A row longer than the spool's 64 KiB chunk, with a quoted field
        # across the chunk's edge, and padding after it.
        big = "x" * 40000
        quoted = 'q"' * 30000
        cells = [(0, 0, big), (0, 1, quoted), (0, 3, big), (1, 0, "end")]
        check("a row of 190 KB",
              book("long", sheet_xml(cells, "A1:F2")),
              "%s,\"%s\",,%s,,\r\nend,,,,,\r\n"
              % (big, quoted.replace('"', '""'), big))
        # Cells out of order: CSV cannot go back, so the later row's
        # cell comes first and the earlier one is dropped.
        cells = [(2, 0, 1), (1, 0, 2), (3, 1, 3)]
        check("rows out of order", book("order", sheet_xml(cells, "A1:B4")),
              ",\r\n,\r\n1,\r\n,3\r\n")
        # An empty sheet, and one with a dimension only: nothing printed.
        check("empty sheet", book("empty", sheet_xml([])), "")
        check("dimension only", book("dimonly", sheet_xml([], "A1:C9")), "")
        # --sheet: the second sheet, padded to its own dimension.
        path = book("two", sheet_xml([(0, 0, 1)], "A1:C1"),
                    ("S2", sheet_xml([(1, 1, 7)], "A1:D2")))
        check("first sheet", path, "1,,\r\n")
        check("--sheet", path, ",,,\r\n,7,,\r\n", "--sheet", "S2")

        # A sheet that fails part-way (after 5,000 good rows): one line
        # on stderr naming the file, exit 2, nothing on stdout.
        global passed
        cells = [(r, 0, r) for r in range(5000)]
        bad = book("broken", sheet_xml(cells, "A1:C5000",
                                       tail="<row r=\"5001\"><c r=\"A5001\">"
                                            "<v>1</v></row></sheetData>"
                                            "</worksheet>"))
        status, out, err = run("cells", bad, "--format", "csv")
        if status == 2 and out == "" and len(err.splitlines()) == 1 and \
                err.startswith("ragbook: " + bad + ": "):
            passed += 1
        else:
            failures.append(("fails part-way", "exit %d, stderr %r, "
                             "stdout %d bytes" % (status, err, len(out))))

    for name, detail in failures:
        print("FAIL: %s: %s" % (name, detail))
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
