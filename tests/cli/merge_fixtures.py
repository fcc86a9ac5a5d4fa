#!/usr/bin/env python3
"""`ragbook merge` as a performance officer runs it, on masters made from
every shared fixture and returns made from them the way services change
rows (saved by openpyxl, as another tool saves a copy):

 - a recoloured key and months (another shade for every status) with one
   month moved on, a new position statement, a revised date, a new
   figure and reason, a quarter's RAG and narrative;
 - a copy cut down to one service's rows;
 - two returns that disagree about one cell; a return with a ref the
   master lacks; a return of another plan; a file that is no workbook.

Checked: every intended change is in the output's cells (read by ragbook
and by openpyxl), in the master's colours; nothing else changed (every
cell of every master sheet, against the master); every conflict and
unknown ref is a finding; the Changes sheet lists exactly the changes the
command printed; merging the same returns into the output again changes
nothing; the same inputs give the same bytes; exit statuses; the output
is never the master; a master with a chart, comments and conditional
formatting keeps them (their parts byte for byte).

Env: RAGBOOK, RAG_SHARED_DIR.  Exit 0 passed, 1 failed, 77 skipped (no
fixtures or no openpyxl; with CI=true those fail instead).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from _skip import skip

try:
    import openpyxl
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
except ImportError:
    openpyxl = None

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
FIXTURES = os.path.join(os.environ.get("RAG_SHARED_DIR", "../shared"),
                        "fixtures")
GENERATED = ("Summary", "Changes", "Issues")
# the WM8 key and a service's own shades of it
RECOLOUR = {"92D050": "00FF00", "BDD7EE": "9DC3E6", "FFC000": "FFD966",
            "FF0000": "C00000", "B4A7D6": "8E7CC3", "808080": "A6A6A6"}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)


def run(*args):
    p = subprocess.run([RAGBOOK, *args], capture_output=True, text=True,
                       timeout=300)
    return p.returncode, p.stdout, p.stderr


def merge_json(master, returns, out):
    status, out_text, err = run("merge", master, *returns, "-o", out,
                                "--as-of", "2009-09-07", "--format", "json")
    recs = [json.loads(line) for line in out_text.splitlines()]
    return status, recs, err


def changes_of(recs):
    return [r for r in recs if r.get("record") == "change"]


def findings_of(recs, rule):
    return [r for r in recs if "record" not in r and r["rule"] == rule]


def fill(ws, ref, rgb):
    ws[ref].fill = PatternFill("solid", fgColor="FF" + rgb)


def rgb_of(cell):
    f = cell.fill
    if f is None or f.fill_type != "solid" or not isinstance(
            f.fgColor.rgb, str):
        return None
    return f.fgColor.rgb[-6:].upper()


def grid(path):
    """ragbook cells: sheet -> ref -> (type, value, fill)."""
    status, out, err = run("cells", path)
    assert status == 0, err
    return {s["name"]: {c["ref"]: (c["type"], c.get("value"), c.get("fill"))
                        for c in s["cells"]}
            for s in json.loads(out)["sheets"]}


def same_but(master, out, intended, label):
    """Every cell of every master sheet as it was, but the intended."""
    a, b = grid(master), grid(out)
    for sheet, cells in a.items():
        check(sheet in b, "%s: sheet %s kept" % (label, sheet))
        if sheet not in b:
            continue
        for ref, cell in cells.items():
            if (sheet, ref) in intended:
                continue
            check(b[sheet].get(ref) == cell,
                  "%s: %s!%s unchanged (%r, now %r)" %
                  (label, sheet, ref, cell, b[sheet].get(ref)))
        for ref in b[sheet]:
            if (sheet, ref) not in intended and ref not in cells:
                check(False, "%s: %s!%s appeared" % (label, sheet, ref))
    return b


def changes_sheet(path):
    """The Changes sheet's first table, as the command's JSON says it."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Changes"]
    rows = []
    for r in range(2, ws.max_row + 1):
        vals = [ws.cell(r, c).value for c in range(1, 8)]
        if vals[0] is None:
            break
        rows.append(tuple("" if v is None else str(v) for v in vals))
    return rows


def as_rows(changes):
    return [(c["sheet"], c["cell"], c["ref"],
             c["field"] + (" " + c["period"] if "period" in c else ""),
             c["old"], c["new"], os.path.basename(c["return"]))
            for c in changes]


def header_cols(ws, first):
    """The header row (its first cell says first) and its columns."""
    for row in ws.iter_rows():
        if row[0].value and str(row[0].value).strip().startswith(first):
            return row[0].row, {str(c.value).strip(): c.column_letter
                                for c in row if c.value}
    raise AssertionError("no header " + first)


def row_of(ws, ref, col="A"):
    for r in range(1, ws.max_row + 1):
        if str(ws[col + str(r)].value).strip() == ref:
            return r
    raise AssertionError("no row " + ref)


def common_checks(label, master, returns, out, intended, recs, tmp):
    """What every scenario must show."""
    got = {(c["sheet"], c["cell"]) for c in changes_of(recs)}
    check(got == set(intended),
          "%s: changes %s, want %s" % (label, sorted(got), sorted(intended)))
    check(os.path.exists(out), "%s: output written" % label)
    if not os.path.exists(out):
        return
    b = same_but(master, out, intended, label)
    for (sheet, ref), want in intended.items():
        cell = b.get(sheet, {}).get(ref)
        if "fill" in want:
            check(cell is not None and cell[2] == want["fill"],
                  "%s: %s!%s fill %r, want %s" %
                  (label, sheet, ref, cell, want["fill"]))
        if "value" in want:
            check(cell is not None and cell[1] == want["value"],
                  "%s: %s!%s value %r, want %r" %
                  (label, sheet, ref, cell, want["value"]))
    # openpyxl reads the same
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames[0] == "Summary" and wb.sheetnames[-2:] ==
          ["Changes", "Issues"], "%s: sheets %s" % (label, wb.sheetnames))
    for (sheet, ref), want in intended.items():
        c = wb[sheet][ref]
        if "fill" in want:
            check(rgb_of(c) == want["fill"], "%s: openpyxl %s!%s fill %s" %
                  (label, sheet, ref, rgb_of(c)))
        if "value" in want and isinstance(want["value"], str) and \
                len(want["value"]) != 10:
            check(c.value == want["value"], "%s: openpyxl %s!%s %r" %
                  (label, sheet, ref, c.value))
    check(changes_sheet(out) == as_rows(changes_of(recs)),
          "%s: the Changes sheet lists the changes printed" % label)
    # the same inputs, the same bytes
    again = os.path.join(tmp, "again.xlsx")
    merge_json(master, returns, again)
    with open(out, "rb") as f1, open(again, "rb") as f2:
        check(f1.read() == f2.read(), "%s: same inputs, same bytes" % label)
    # the same returns into the output: nothing changes
    twice = os.path.join(tmp, "twice.xlsx")
    _, recs2, err2 = merge_json(out, returns, twice)
    check(not changes_of(recs2), "%s: merging again changes %s (%s)" %
          (label, [(c["cell"], c["old"], c["new"], c["return"])
                   for c in changes_of(recs2)], err2))


# ---- scenarios ---------------------------------------------------------------

def tracker(fixture, tmp):
    label = os.path.basename(fixture)
    master = os.path.join(tmp, "master.xlsx")
    shutil.copy(fixture, master)
    wb = openpyxl.load_workbook(master)
    ws = wb["WM8 Progress"]
    hrow, cols = header_cols(ws, "Ref")
    oct_, mar, com = cols["Oct"], cols["Mar"], cols[
        [k for k in cols if k.startswith("Comment")][0]]
    r1d, r5a, r5b = row_of(ws, "R1d"), row_of(ws, "R5a"), row_of(ws, "R5b")

    # a: the service's own shades for every colour, R1d on target in
    # October, a new statement for R1d
    wb = openpyxl.load_workbook(master)
    ws = wb["WM8 Progress"]
    for row in ws.iter_rows():
        for c in row:
            if c.row != hrow and rgb_of(c) in RECOLOUR:
                fill(ws, c.coordinate, RECOLOUR[rgb_of(c)])
    fill(ws, "%s%d" % (oct_, r1d), RECOLOUR["92D050"])
    ws["%s%d" % (com, r1d)] = "Write-off policy agreed by Cabinet."
    a = os.path.join(tmp, "a.xlsx")
    wb.save(a)
    # b: Kerry Herbert's rows only, a statement and March one month behind
    wb = openpyxl.load_workbook(master)
    ws = wb["WM8 Progress"]
    ws["%s%d" % (com, r5a)] = "19 days in November."
    fill(ws, "%s%d" % (mar, r5b), "FFC000")
    for r in range(ws.max_row, hrow, -1):
        v = ws.cell(r, 1).value
        if v and "Kerry" not in str(ws.cell(r, 3).value):
            ws.delete_rows(r)
    b = os.path.join(tmp, "b.xlsx")
    wb.save(b)
    # c: disagrees with a about R1d's statement; a ref the master lacks
    wb = openpyxl.load_workbook(master)
    ws = wb["WM8 Progress"]
    ws["%s%d" % (com, r1d)] = "Write-off policy goes to Cabinet in December."
    last = ws.max_row + 1
    ws["A%d" % last], ws["B%d" % last], ws["C%d" % last] = \
        "R9z", "A new action", "David Riley"
    c = os.path.join(tmp, "c.xlsx")
    wb.save(c)
    other = os.path.join(FIXTURES, "benefits-action-plan.xlsx")
    bad = os.path.join(tmp, "bad.xlsx")
    with open(bad, "w") as f:
        f.write("not a workbook\n")
    out = os.path.join(tmp, "out.xlsx")
    returns = [a, b, c, other, bad]
    status, recs, err = merge_json(master, returns, out)
    check(status == 2, "%s: exit %d with an unreadable return" %
          (label, status))
    check("bad.xlsx" in err and "going on without" in err,
          "%s: the unreadable return said on stderr: %s" % (label, err))
    sheet = "WM8 Progress"
    intended = {
        (sheet, "%s%d" % (oct_, r1d)): {"fill": "92D050"},
        (sheet, "%s%d" % (com, r5a)): {"value": "19 days in November."},
        (sheet, "%s%d" % (mar, r5b)): {"fill": "FFC000"}}
    common_checks(label, master, returns, out, intended, recs, tmp)
    conf = findings_of(recs, "merge-conflict")
    check(len(conf) == 1 and conf[0]["cell"] == "%s%d" % (com, r1d) and
          "a.xlsx" in conf[0]["message"] and "c.xlsx" in conf[0]["message"]
          and conf[0]["severity"] == "error",
          "%s: the conflict: %s" % (label, conf))
    unk = findings_of(recs, "merge-unknown-ref")
    check([u.get("ref") for u in unk] == ["R9z"] and
          unk[0]["file"] == c, "%s: the unknown ref: %s" % (label, unk))
    nom = findings_of(recs, "merge-no-match")
    check([n["file"] for n in nom] == [other],
          "%s: no match: %s" % (label, nom))
    check(len(findings_of(recs, "file-unreadable")) == 1,
          "%s: the unreadable return is a finding" % label)
    chase = {r["lead"]: r["refs"] for r in recs
             if r.get("record") == "not-returned"}
    check("Kerry Herbert" not in chase and "David Riley" not in chase and
          "R1a" in chase.get("David Taylor", []),
          "%s: whom to chase: %s" % (label, sorted(chase)))
    # without the bad file and the conflict: 0
    ok = os.path.join(tmp, "ok.xlsx")
    status, recs, err = merge_json(master, [a, b], ok)
    check(status == 0, "%s: a clean merge exits 0, not %d (%s)" %
          (label, status, err))
    status, recs, err = merge_json(master, [a, c], ok)
    check(status == 1, "%s: a conflict exits 1, not %d" % (label, status))


def action_plan(fixture, tmp):
    label = os.path.basename(fixture)
    master = os.path.join(tmp, "master.xlsx")
    shutil.copy(fixture, master)
    import datetime
    wb = openpyxl.load_workbook(master)
    ws = wb.active
    ws["E3"] = "Roles agreed; recovery moves to HB."
    ws["D4"] = datetime.datetime(2009, 12, 31)
    ws["D4"].number_format = "dd/mm/yyyy"
    a = os.path.join(tmp, "a.xlsx")
    wb.save(a)
    wb = openpyxl.load_workbook(master)
    ws = wb.active
    ws["E6"] = "Take-up campaign launched in September."
    b = os.path.join(tmp, "b.xlsx")
    wb.save(b)
    wb = openpyxl.load_workbook(master)
    ws = wb.active
    ws["E6"] = "Take-up campaign postponed to January."
    last = ws.max_row + 1
    ws["A%d" % last], ws["B%d" % last], ws["C%d" % last] = \
        "R9z", "A new action", "D Taylor"
    c = os.path.join(tmp, "c.xlsx")
    wb.save(c)
    out = os.path.join(tmp, "out.xlsx")
    returns = [a, b, c]
    status, recs, err = merge_json(master, returns, out)
    check(status == 1, "%s: exit %d with a conflict" % (label, status))
    sheet = wb.active.title
    intended = {(sheet, "E3"): {"value": "Roles agreed; recovery moves to "
                                         "HB."},
                (sheet, "D4"): {"value": "2009-12-31"}}
    common_checks(label, master, returns, out, intended, recs, tmp)
    check([f["cell"] for f in findings_of(recs, "merge-conflict")] == ["E6"],
          "%s: the conflict on E6" % label)
    check([f.get("ref") for f in findings_of(recs, "merge-unknown-ref")] ==
          ["R9z"], "%s: the unknown ref" % label)


def indicator_forms(fixture, tmp):
    label = os.path.basename(fixture)
    master = os.path.join(tmp, "master.xlsx")
    shutil.copy(fixture, master)
    wb = openpyxl.load_workbook(master)
    ws = wb["DP11"]
    ws["B11"] = 0.72
    ws["B12"] = "Two new staff started in August."
    a = os.path.join(tmp, "a.xlsx")
    wb.save(a)
    other = os.path.join(FIXTURES, "wm8-improvement-tracker.xlsx")
    out = os.path.join(tmp, "out.xlsx")
    status, recs, err = merge_json(master, [a, other], out)
    check(status == 0, "%s: exit %d (%s)" % (label, status, err))
    intended = {("DP11", "B11"): {"value": 0.72},
                ("DP11", "B12"): {"value": "Two new staff started in "
                                           "August."}}
    common_checks(label, master, [a, other], out, intended, recs, tmp)
    check([n["file"] for n in findings_of(recs, "merge-no-match")] ==
          [other], "%s: another plan matches nothing" % label)


def recovery(fixture, tmp):
    label = os.path.basename(fixture)
    master = os.path.join(tmp, "master.xlsx")
    shutil.copy(fixture, master)
    wb = openpyxl.load_workbook(master)
    ws = wb.active
    ws["B27"] = "AMBER"
    ws["B28"] = "Reviews are behind; two posts filled in July."
    a = os.path.join(tmp, "a.xlsx")
    wb.save(a)
    out = os.path.join(tmp, "out.xlsx")
    status, recs, err = merge_json(master, [a], out)
    check(status == 0, "%s: exit %d (%s)" % (label, status, err))
    sheet = ws.title
    intended = {(sheet, "B27"): {"value": "AMBER"},
                (sheet, "B28"): {"value": "Reviews are behind; two posts "
                                          "filled in July."}}
    common_checks(label, master, [a], out, intended, recs, tmp)


def keeps_parts(tmp):
    """A master with a chart, comments and conditional formatting."""
    master = os.path.join(tmp, "rich.xlsx")
    wb = openpyxl.load_workbook(os.path.join(
        FIXTURES, "wm8-improvement-tracker.xlsx"))
    ws = wb["WM8 Progress"]
    ws["B16"].comment = Comment("Checked by audit, May", "Auditor")
    ws.conditional_formatting.add(
        "P16:P107", CellIsRule(operator="equal", formula=['"Complete"'],
                               fill=PatternFill("solid", fgColor="FFC6EFCE")))
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=4, min_row=16, max_row=20))
    ws.add_chart(chart, "R2")
    wb.save(master)
    wb = openpyxl.load_workbook(master)
    ws = wb["WM8 Progress"]
    ws["P19"] = "Policy agreed."
    ret = os.path.join(tmp, "rich-return.xlsx")
    wb.save(ret)
    out = os.path.join(tmp, "rich-out.xlsx")
    status, recs, err = merge_json(master, [ret], out)
    check(status == 0 and len(changes_of(recs)) == 1,
          "rich master: one change, exit 0 (%d, %s)" % (status, err))
    with zipfile.ZipFile(master) as zm, zipfile.ZipFile(out) as zo:
        names = set(zo.namelist())
        for info in zm.infolist():
            n = info.filename
            if any(k in n for k in ("chart", "drawing", "comments",
                                    "vmlDrawing")):
                check(n in names and zm.read(n) == zo.read(n),
                      "rich master: %s kept as it was" % n)
        sheet = [n for n in zm.namelist() if n.startswith(
            "xl/worksheets/sheet") and n.endswith(".xml")][0]
        check(b"<conditionalFormatting" in zo.read(sheet),
              "rich master: conditional formatting kept")
    wb = openpyxl.load_workbook(out)
    ws = wb["WM8 Progress"]
    check(ws["B16"].comment is not None and "audit" in ws["B16"].comment.text,
          "rich master: openpyxl reads the comment")
    check(ws["P19"].value == "Policy agreed.", "rich master: the change")


def refusals(tmp):
    master = os.path.join(tmp, "master.xlsx")
    shutil.copy(os.path.join(FIXTURES, "wm8-improvement-tracker.xlsx"),
                master)
    before = open(master, "rb").read()
    ret = os.path.join(tmp, "r.xlsx")
    shutil.copy(master, ret)
    for args in (["merge", master, ret, "-o", master],
                 ["merge", master, ret, "-o", ret],
                 ["merge", master, ret],
                 ["merge", master, "-o", os.path.join(tmp, "x.xlsx")],
                 ["merge", os.path.join(tmp, "none.xlsx"), ret, "-o",
                  os.path.join(tmp, "x.xlsx")]):
        status, out, err = run(*args)
        check(status == 2 and err.strip(),
              "refused with 2 and a line: %s -> %d %r" % (args, status, err))
    check(open(master, "rb").read() == before, "the master is untouched")
    check(not os.path.exists(os.path.join(tmp, "x.xlsx")),
          "no output on a usage error")
    left = [n for n in os.listdir(tmp) if n.startswith(".ragbook")]
    check(not left, "no temporary file left: %s" % left)


def main():
    if openpyxl is None or not os.path.isdir(FIXTURES):
        skip("no openpyxl or no fixtures")
    scenarios = [
        ("wm8-improvement-tracker.xlsx", tracker),
        ("wm8-improvement-tracker-libreoffice.xlsx", tracker),
        ("benefits-action-plan.xlsx", action_plan),
        ("pi-action-plans-q2.xlsx", indicator_forms),
        ("deficit-recovery-frb-23-007.xlsx", recovery),
    ]
    for name, fn in scenarios:
        with tempfile.TemporaryDirectory() as tmp:
            fn(os.path.join(FIXTURES, name), tmp)
    with tempfile.TemporaryDirectory() as tmp:
        keeps_parts(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        refusals(tmp)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
