#!/usr/bin/env python3
"""Generate a large, tracker-like XLSX workbook for the benchmark.

    gen_tracker.py OUT.xlsx [ROWS] [--fixed-strings]

--fixed-strings: refs repeat (R1..R2000), so the shared-strings table stops
growing after a few thousand rows; memory against rows can then be read
with the strings table out of the picture.

One sheet, "Progress Tracker", 20 columns:
  A Ref (R12, R12a ...)   B Action        C Lead          D Start (d mmm yyyy)
  E Due (built-in date 14) F Budget (#,##0.00) G % complete (0%)
  H..S the twelve months April..March: blank cells with a solid fill
       (green 92D050, amber FFC000, red FF0000, blue BDD7EE) or, outside
       the action's run of months, a border only (not listed by `cells`)
  T Comment
plus a title (merged A1:T1), owner and report date, a colour legend,
a header row, section headings (merged A:T) and a total row with a SUM
formula and its cached value.

Strings go through the shared-strings table, as Excel writes them.  The XML
is written by hand and zipped with zipfile (deflate), so 200,000 rows take
seconds, not the minutes a library would.  Deterministic: the same ROWS give
the same bytes (fixed seed, fixed zip timestamps).
"""
import os
import random
import sys
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NCOL = 20
COLS = [chr(ord("A") + i) for i in range(NCOL)]  # A..T
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]

# cellXfs indexes (see STYLES below)
S_BOLD, S_DATE_CUSTOM, S_GREEN, S_AMBER, S_RED, S_BLUE = 1, 2, 3, 4, 5, 6
S_PCT, S_MONEY, S_DATE_BUILTIN, S_HEADER, S_BORDER = 7, 8, 9, 10, 11

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS}"><numFmts count="3"><numFmt numFmtId="164" formatCode="d mmm yyyy"/><numFmt numFmtId="165" formatCode="0%"/><numFmt numFmtId="166" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF92D050"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFBDD7EE"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="12"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="5" borderId="1" xfId="0" applyFill="1" applyBorder="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="6" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"""

WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{NS}" xmlns:r="{NS_R}"><workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="Progress Tracker" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Benchmark tracker</dc:title><dc:creator>ragbook bench/gen_tracker.py</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>"""

VERBS = ["Review", "Implement", "Deliver", "Agree", "Publish", "Train staff on",
         "Procure", "Consult on", "Monitor", "Reduce backlog in", "Introduce",
         "Evaluate", "Map", "Automate", "Report on", "Recruit to"]
OBJECTS = ["the benefits claim process", "new-claims processing times",
           "the Local Council Tax Support scheme", "overpayment recovery",
           "the customer access strategy", "risk-based verification",
           "the document imaging system", "change-of-circumstances handling",
           "the fraud referral pathway", "landlord payments", "appeals",
           "discretionary housing payments", "the revenues & benefits IT contract",
           "performance dashboards", "quality checking", "the service plan",
           "outreach surgeries", "the telephone contact centre",
           "the internal audit recommendations", "subsidy claim preparation"]
QUALIFIERS = ["", " with partners", " across all localities",
              " in line with DWP guidance", " (phase 1)", " (phase 2)",
              " and report to Cabinet", " within existing budget",
              " subject to Member approval", " by year end"]
FIRST = ["David", "Jane", "Priya", "Tom", "Aisha", "Gareth", "Sarah", "Mohammed",
         "Helen", "Owen", "Fiona", "Raj", "Claire", "Ian", "Nadia"]
LAST = ["Taylor", "Bough", "Patel", "Jones", "Khan", "Evans", "Smith", "Hughes",
        "Murray", "O'Neill", "Clarke", "Ahmed"]
COMMENT_HEADS = ["On track", "Delayed by supplier", "Awaiting sign-off",
                 "Complete; evidence filed", "Reprofiled after review",
                 "Resource gap: agency cover agreed", "Dependent on ICT upgrade",
                 "Slipped one month", "Escalated to Head of Service",
                 "Consultation closed"]
COMMENT_TAILS = ["", "; see minutes of", "; report to", "; next review at"]
MEETINGS = ["CMT", "Cabinet", "Scrutiny", "Audit Committee", "Programme Board",
            "DMT", "Members' briefing"]

# month fill styles, weighted as a live tracker looks: mostly on target
FILLS = [S_GREEN] * 6 + [S_AMBER] * 2 + [S_RED] + [S_BLUE] * 3


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vocab(rng):
    actions = []
    for v in VERBS:
        for o in OBJECTS:
            for q in QUALIFIERS:
                actions.append(f"{v} {o}{q}")
    rng.shuffle(actions)
    leads = [f"{f} {l}" for f in FIRST for l in LAST]
    rng.shuffle(leads)
    pairs = [f"{leads[i]}/ {leads[i + 1]}" for i in range(0, 40, 2)]
    leads = leads[:80] + pairs
    comments = []
    for h in COMMENT_HEADS:
        for t in COMMENT_TAILS:
            if t:
                for m in MEETINGS:
                    for d in range(1, 29, 3):
                        comments.append(f"{h}{t} {m} {d:02d}/0{1 + d % 9}/2024")
            else:
                comments.append(h)
    rng.shuffle(comments)
    return actions, leads, comments


class SST:
    def __init__(self):
        self.index = {}
        self.strings = []
        self.count = 0

    def __call__(self, s):
        self.count += 1
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.strings)
            self.strings.append(s)
        return i

    def xml(self):
        head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<sst xmlns="{NS}" count="{self.count}" '
                f'uniqueCount="{len(self.strings)}">')
        parts = [head]
        for s in self.strings:
            if s != s.strip():
                parts.append(f'<si><t xml:space="preserve">{xesc(s)}</t></si>')
            else:
                parts.append(f"<si><t>{xesc(s)}</t></si>")
        parts.append("</sst>")
        return "".join(parts)


def many(part, sheets):
    """The one-sheet part as it names `sheets` sheets (unchanged for 1)."""
    for one in ('<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
                '<sheet name="Progress Tracker" sheetId="1" r:id="rId1"/>',
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'):
        if one in part:
            more = "".join(one.replace("sheet1.xml", f"sheet{k}.xml")
                              .replace('"Progress Tracker"', f'"Progress Tracker {k}"')
                              .replace('sheetId="1"', f'sheetId="{k}"')
                              .replace('"rId1"', f'"rIdS{k}"')
                           for k in range(2, sheets + 1))
            part = part.replace(one, one + more)
    return part


def generate(out, rows, fixed_strings=False, sheets=1):
    rng = random.Random(20240101 + rows)
    actions, leads, comments = vocab(rng)
    sst = SST()
    last_col = COLS[-1]

    def s(ref, text, style=0):
        st = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{st} t="s"><v>{sst(text)}</v></c>'

    def write_sheet(z, k):
        merged = []
        # --- head: title, owner, date, legend, header row
        r = 1
        head = [f'<row r="1">{s("A1", "Key Objective BEN1: Benefits Service Improvement Plan - monthly progress tracker", S_BOLD)}</row>']
        merged.append(f"A1:{last_col}1")
        head.append(f'<row r="2">{s("A2", "Owner : Head of Finance, Revenues & Benefits")}'
                    f'<c r="F2" t="s"><v>{sst("Date:")}</v></c>'
                    f'<c r="G2" s="{S_DATE_CUSTOM}"><v>45565</v></c></row>')
        merged.append("A2:E2")
        legend = [(S_BLUE, "Programmed dates"), (S_GREEN, "On target"),
                  (S_AMBER, "One month behind"), (S_RED, "Over one month behind")]
        r = 4
        for style, label in legend:
            head.append(f'<row r="{r}"><c r="B{r}" s="{style}"/>{s(f"C{r}", label)}</row>')
            r += 1
        r += 1
        titles = ["Ref.", "Action", "Lead", "Start", "Due", "Budget £", "% complete"] + \
            MONTHS + ["Comment / position statement"]
        head.append(f'<row r="{r}">' + "".join(
            s(f"{COLS[i]}{r}", t, S_HEADER) for i, t in enumerate(titles)) + "</row>")
        header_row = r
        first = header_row + 1
        last = header_row + rows        # last data row; the total row follows
        total_row = last + 1
        cols = ('<cols><col min="1" max="1" width="9" customWidth="1"/>'
                '<col min="2" max="2" width="60" customWidth="1"/>'
                '<col min="3" max="3" width="24" customWidth="1"/>'
                '<col min="4" max="7" width="12" customWidth="1"/>'
                '<col min="8" max="19" width="5" customWidth="1"/>'
                '<col min="20" max="20" width="60" customWidth="1"/></cols>')
        sheet_head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      f'<worksheet xmlns="{NS}" xmlns:r="{NS_R}">'
                      f'<dimension ref="A1:{last_col}{total_row}"/>'
                      f'<sheetViews><sheetView workbookViewId="0">'
                      f'<pane ySplit="{header_row}" topLeftCell="A{header_row + 1}" activePane="bottomLeft" state="frozen"/>'
                      f'</sheetView></sheetViews>'
                      f'<sheetFormatPr defaultRowHeight="15"/>{cols}<sheetData>')
        with z.open(info(f"xl/worksheets/sheet{k}.xml"), "w", force_zip64=True) as f:
            f.write(sheet_head.encode())
            f.write("".join(head).encode())
            section_every = max(rows // 8, 1)
            parent = 0
            child = 0
            budget_total = 0.0
            buf = []
            n_act, n_lead, n_com = len(actions), len(leads), len(comments)
            for r in range(first, last + 1):
                i = r - first
                if i % section_every == 0 and i + 1 < rows:
                    sec = i // section_every + 1
                    buf.append(f'<row r="{r}">{s(f"A{r}", f"Section {sec}: workstream {sec}", S_BOLD)}</row>')
                    merged.append(f"A{r}:{last_col}{r}")
                    child = 0
                    continue
                if child == 0 or child > 4 or rng.random() < 0.2:
                    parent = parent % 2000 + 1 if fixed_strings else parent + 1
                    child = 1
                    ref = f"R{parent}"
                else:
                    ref = f"R{parent}{chr(ord('a') + child - 1)}"
                    child += 1
                start = 45017 + rng.randrange(365)           # 2023-04-01 ...
                due = start + 30 + rng.randrange(300)
                budget = round(rng.uniform(0, 250000), 2)
                budget_total += budget
                pct = rng.randrange(0, 101, 5) / 100
                cells = [
                    f'<c r="A{r}" t="s"><v>{sst(ref)}</v></c>',
                    f'<c r="B{r}" t="s"><v>{sst(actions[rng.randrange(n_act)])}</v></c>',
                    f'<c r="C{r}" t="s"><v>{sst(leads[rng.randrange(n_lead)])}</v></c>'
                    if rng.random() < 0.97 else "",
                    f'<c r="D{r}" s="{S_DATE_CUSTOM}"><v>{start}</v></c>',
                    f'<c r="E{r}" s="{S_DATE_BUILTIN}"><v>{due}</v></c>',
                    f'<c r="F{r}" s="{S_MONEY}"><v>{budget!r}</v></c>',
                    f'<c r="G{r}" s="{S_PCT}"><v>{pct!r}</v></c>',
                ]
                m0 = rng.randrange(4)
                m1 = m0 + 4 + rng.randrange(12 - m0 - 3)
                for m in range(12):
                    st = FILLS[rng.randrange(12)] if m0 <= m < m1 else S_BORDER
                    cells.append(f'<c r="{COLS[7 + m]}{r}" s="{st}"/>')
                if rng.random() < 0.8:
                    cells.append(f'<c r="T{r}" t="s"><v>{sst(comments[rng.randrange(n_com)])}</v></c>')
                buf.append(f'<row r="{r}">{"".join(cells)}</row>')
                if len(buf) >= 2000:
                    f.write("".join(buf).encode())
                    buf = []
            r = last + 1
            buf.append(f'<row r="{r}">{s(f"A{r}", "Total", S_BOLD)}'
                       f'<c r="F{r}" s="{S_MONEY}"><f>SUM(F{first}:F{last})</f>'
                       f'<v>{round(budget_total, 2)!r}</v></c></row>')
            f.write("".join(buf).encode())
            sheet_tail = (f'</sheetData><mergeCells count="{len(merged)}">' +
                          "".join(f'<mergeCell ref="{m}"/>' for m in merged) +
                          '</mergeCells><pageMargins left="0.7" right="0.7" top="0.75" '
                          'bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
            f.write(sheet_tail.encode())

    tmp = out + ".tmp"
    stamp = (2024, 1, 1, 0, 0, 0)

    def info(name):
        zi = zipfile.ZipInfo(name, stamp)
        zi.compress_type = zipfile.ZIP_DEFLATED
        return zi

    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr(info("[Content_Types].xml"), many(CONTENT_TYPES, sheets))
        z.writestr(info("_rels/.rels"), ROOT_RELS)
        z.writestr(info("docProps/core.xml"), CORE)
        z.writestr(info("docProps/app.xml"), APP)
        z.writestr(info("xl/workbook.xml"), many(WORKBOOK, sheets))
        z.writestr(info("xl/_rels/workbook.xml.rels"), many(WORKBOOK_RELS, sheets))
        z.writestr(info("xl/styles.xml"), STYLES)
        for k in range(1, sheets + 1):
            write_sheet(z, k)
        z.writestr(info("xl/sharedStrings.xml"), sst.xml())
    os.replace(tmp, out)
    return sst


def main():
    argv = sys.argv[1:]
    sheets = 1
    if "--sheets" in argv:
        i = argv.index("--sheets")
        sheets = int(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if a != "--fixed-strings"]
    fixed = len(args) != len(argv)
    if not args or sheets < 1:
        sys.exit("usage: gen_tracker.py OUT.xlsx [ROWS] [--fixed-strings] [--sheets N]")
    rows = int(args[1]) if len(args) > 1 else 200000
    if rows < 2:
        sys.exit("gen_tracker.py: ROWS must be at least 2")
    sst = generate(args[0], rows, fixed, sheets)
    print(f"{args[0]}: {sheets} sheets of " if sheets > 1 else f"{args[0]}: ",
          f"{rows} rows x {NCOL} columns, "
          f"{len(sst.strings)} shared strings ({sst.count} uses)", sep="",
          file=sys.stderr)


if __name__ == "__main__":
    main()
