#!/usr/bin/env python3
"""The sheets ragbook generates, read back as a committee would read them
(issue 14), with python3-openpyxl, against `ragbook dump` and `ragbook
validate`, for every shared fixture, every sample and a scorecard made
here:

 - contrast: every filled cell with text on the Summary and Issues, and
   every cell of an input sheet whose fill or text ragbook changed, has
   text at WCAG 2.1 AA contrast (4.5:1) on its fill;
 - words: each status the Summary names is the workbook's own (its key's
   label, else the words of its status column, else a standard word for a
   status the key does not name), and each count equals the model's;
   the month codes on the tracker sheets are the ones the Summary
   explains, for the key's words of the month's status;
 - figures: each indicator's target, actual, variance and RAG, each
   recovery plan's pressure, savings, shortfall and quarters, and the
   findings line equal `dump` and `validate`;
 - numbers sit under centred headers;
 - Summary and Issues print A4 landscape, one page wide, rows repeated;
   the input sheets keep the council's own page set-up;
 - the validation report's Files sheet says "Check result", not "RAG".

Env: RAGBOOK, RAG_SHARED_DIR, RAG_SOURCE_DIR.  Exit 0 passed, 1 failed,
77 skipped (no fixtures or no openpyxl; a failure when CI=true).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
from _skip import skip

try:
    import openpyxl
except ImportError:
    openpyxl = None

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
SHARED = os.environ.get("RAG_SHARED_DIR", "../shared")
SOURCE = os.environ.get("RAG_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
STANDARD_WORDS = {
    "complete": "Complete", "on_target": "On target",
    "programmed": "Programmed", "reprogrammed": "Reprogrammed",
    "one_month_behind": "One month behind",
    "over_one_month_behind": "Over one month behind",
    "suspended": "Suspended"}
STANDARD_FILL = {"on_target": "00B050", "one_month_behind": "FFC000",
                 "over_one_month_behind": "FF0000", "complete": "0070C0",
                 "programmed": "BDD7EE", "reprogrammed": "B4A7D6",
                 "suspended": "A6A6A6"}

failures = []
passed = 0


def check(name, cond, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append("%s: %s" % (name, detail))
    return cond


def run(*args):
    p = subprocess.run([RAGBOOK] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode(
        "utf-8", "replace")


# ---- contrast (WCAG 2.1) ----------------------------------------------------

def luminance(rgb):
    def ch(v):
        c = v / 255.0
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def fill_of(cell):
    f = cell.fill
    if f is None or f.fill_type != "solid" or f.fgColor is None:
        return None
    if f.fgColor.type != "rgb" or not isinstance(f.fgColor.rgb, str):
        return None
    return f.fgColor.rgb[-6:].upper()


def ink_of(cell):
    c = cell.font.color if cell.font else None
    if c is None or c.type != "rgb" or not isinstance(c.rgb, str):
        return "000000"  # the default font colour
    return c.rgb[-6:].upper()


def check_contrast(name, ws, only=None):
    for row in ws.iter_rows():
        for c in row:
            if c.value is None or (only is not None and
                                   c.coordinate not in only):
                continue
            fill = fill_of(c)
            if fill is None:
                continue
            ratio = contrast(ink_of(c), fill)
            check("%s %s!%s contrast" % (name, ws.title, c.coordinate),
                  ratio >= 4.5, "%s on %s is %.2f:1 (%r)" % (
                      ink_of(c), fill, ratio, c.value))


def changed_cells(inws, outws):
    """Cells of an input sheet whose text or fill ragbook changed."""
    out = set()
    for row in outws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            i = inws[c.coordinate]
            if i.value != c.value or fill_of(i) != fill_of(c):
                out.add(c.coordinate)
    return out


# ---- the Summary --------------------------------------------------------------

def rows_of(ws):
    return [[c for c in r] for r in ws.iter_rows()]


def tables(ws, a, b):
    """Each table whose header row starts (a, b): (header cells, rows)."""
    rows = rows_of(ws)
    found = []
    for i, r in enumerate(rows):
        if len(r) > 1 and r[0].value == a and r[1].value == b:
            body = []
            for r2 in rows[i + 1:]:
                # each row names its plan's sheet, linked; a total row or
                # a note ends the table
                if r2[0].value in (None, "Total") or r2[0].hyperlink is None:
                    break
                body.append(r2)
            found.append((r, body))
    return found


def check_aligned(name, head, body):
    for k, h in enumerate(head):
        nums = [r[k] for r in body if k < len(r) and
                isinstance(r[k].value, (int, float))]
        if h.value is None or not nums:
            continue
        check("%s header %r centred" % (name, h.value),
              h.alignment.horizontal == "center",
              h.alignment.horizontal)
        for c in nums:
            check("%s %s centred" % (name, c.coordinate),
                  c.alignment.horizontal == "center", c.alignment.horizontal)


def status_of_words(plan, words, incells):
    """The status the words name in this plan, or "" when they are not
    the workbook's own."""
    if words == "No status":
        return None
    legend = {e["label"]: e["status"] for e in plan.get("legend") or []}
    if words in legend:
        return legend[words]
    keyed = set(legend.values())
    for st, w in STANDARD_WORDS.items():
        if w == words and st not in keyed:
            # the standard words only where neither key nor column says
            rows = [a for a in plan["actions"] if a["status"] == st]
            if not any(words_in_row(incells, a) for a in rows):
                return st
    for a in plan.get("actions") or []:
        if words in words_in_row(incells, a):
            return a["status"]
    return ""


def words_in_row(incells, action):
    row = int("".join(ch for ch in action["cell"] if ch.isdigit()))
    return {str(c.value).strip() for c in incells[row - 1]
            if isinstance(c.value, str)} if row - 1 < len(incells) else set()


def check_actions(name, ws, model, inbook):
    plans = {p["sheet"]: p for p in model["plans"]
             if p["kind"] in ("tracker", "action_plan")}
    seen = set()
    for head, body in tables(ws, "Sheet", "Kind"):
        check_aligned(name, head, body)
        for r in body:
            p = plans.get(r[0].value)
            if not check("%s summary row %r" % (name, r[0].value), p,
                         "no such plan"):
                continue
            seen.add(p["sheet"])
            incells = rows_of(inbook[p["sheet"]])
            for k in range(3, len(head)):
                h = head[k].value
                if h in ("Total", None):
                    break
                st = status_of_words(p, h, incells)
                if not check("%s %s words %r" % (name, p["sheet"], h),
                             st != "", "not the workbook's own words"):
                    continue
                want = sum(1 for a in p["actions"] if a["status"] == st)
                got = r[k].value
                if st is None:
                    check("%s %s no status" % (name, p["sheet"]), got <= want,
                          "%r > %r" % (got, want))
                    continue
                check("%s %s %r count" % (name, p["sheet"], h), got == want,
                      "summary %r, dump %r" % (got, want))
                fills = {e["status"]: e["fill"] for e in p.get("legend") or []}
                if got:
                    check("%s %s %r colour" % (name, p["sheet"], h),
                          fill_of(r[k]) == fills.get(st, STANDARD_FILL[st]),
                          "%s, the key's %s" % (fill_of(r[k]), fills.get(st)))
    for s in plans:
        check("%s %s on the Summary" % (name, s), s in seen, sorted(seen))


def check_codes(name, ws, model, outbook):
    notes = {}
    for row in ws.iter_rows(values_only=True):
        t = row[0]
        if isinstance(t, str) and t.startswith("Codes written into"):
            sheet, _, rest = t[len("Codes written into the coloured month "
                                   "cells of "):].partition(": ")
            notes[sheet] = {}
            for part in rest.rstrip(".").split(", "):
                code, _, words = part.partition(" ")
                notes[sheet][code] = words
    for p in model["plans"]:
        if p["kind"] != "tracker" or not any(
                a["months"] for a in p["actions"]):
            continue
        codes = notes.get(p["sheet"])
        if not check("%s %s codes explained" % (name, p["sheet"]), codes,
                     sorted(notes)):
            continue
        label = {e["status"]: e["label"] for e in p.get("legend") or []}
        sheet = outbook[p["sheet"]]
        for a in p["actions"]:
            for m in a["months"]:
                v = sheet[m["cell"]].value
                if not isinstance(v, str):
                    continue  # the council's own words stay
                want = label.get(m["status"]) or STANDARD_WORDS.get(
                    m["status"], "a colour the key does not name")
                check("%s %s code" % (name, m["cell"]),
                      codes.get(v) == want,
                      "%r stands for %r, the month is %r" % (
                          v, codes.get(v), want))


def check_computed_status(name, model, inbook, outbook):
    """The status convert writes beside each table is in the same words
    as the Summary: the key's, else the status column's; an action past its
    due date shows as behind."""
    for p in model["plans"]:
        if p["kind"] not in ("tracker", "action_plan"):
            continue
        ws = outbook[p["sheet"]]
        head = [c for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and
                c.value.startswith("Computed status on ")]
        if not head:
            continue
        incells = rows_of(inbook[p["sheet"]])
        for a in p["actions"]:
            row = int("".join(ch for ch in a["cell"] if ch.isdigit()))
            v = ws.cell(row=row, column=head[0].column).value
            if not a["status"] or not isinstance(v, str):
                continue
            # past its due date and not complete: behind, whatever its
            # months said (rg_status_when_late); else the stated status
            late = ws.cell(row=row, column=head[0].column - 1).value == "Yes"
            want = {a["status"]}
            if late and a["status"] in ("on_target", "programmed",
                                        "one_month_behind"):
                want = {"one_month_behind", "over_one_month_behind"}
            check("%s %s computed status %r" % (name, a["cell"], v),
                  status_of_words(p, v, incells) in want,
                  "not the workbook's words for %s" % " or ".join(
                      sorted(want)))


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) < 1e-9


def check_indicators(name, ws, model):
    inds = [(p, i) for p in model["plans"]
            if p["kind"] in ("indicator_plan", "scorecard")
            for i in p.get("indicators") or []]
    found = tables(ws, "Sheet", "Code")
    if not inds:
        check("%s no indicator table" % name, not found, "")
        return
    if not check("%s indicator table" % name, len(found) == 1, len(found)):
        return
    head, body = found[0]
    check_aligned(name, head, body)
    cols = {h.value: k for k, h in enumerate(head)}
    check("%s indicator rows" % name, len(body) == len(inds),
          "%d rows, %d indicators" % (len(body), len(inds)))
    for (p, i), r in zip(inds, body):
        tag = "%s %s %s" % (name, p["sheet"], i.get("code"))
        check(tag + " sheet", r[0].value == p["sheet"], r[0].value)
        for col, key in (("Target", "target"), ("Actual", "actual"),
                         ("Variance", "variance")):
            want = i.get(key)
            got = r[cols[col]].value
            check("%s %s" % (tag, col),
                  close(got, want) if want is not None else
                  got == "not given", "summary %r, dump %r" % (got, want))
        rag = (i.get("rag") or "").upper() or None
        got = r[cols["RAG computed"]].value
        check(tag + " RAG", got == rag or (rag is None and got in (
            "not rated", "data only", "to date")),
              "summary %r, dump %r" % (got, rag))
        stated = (i.get("stated_rag") or "").upper() or "not stated"
        check(tag + " stated RAG", r[cols["RAG on the sheet"]].value ==
              stated, r[cols["RAG on the sheet"]].value)
        vals = [v["value"] for v in i.get("values") or []]
        if len(vals) >= 2:
            d = vals[-1] - vals[-2]
            if i["direction"] == "lower_is_better":
                d = -d
            want = "No change" if abs(d) < 1e-9 else (
                "Improving" if d > 0 else "Worse")
            if i["direction"] != "within_band":
                check(tag + " travel", r[cols["Direction of travel"]].value
                      == want, r[cols["Direction of travel"]].value)


def check_recovery(name, ws, model):
    plans = [p for p in model["plans"] if p["kind"] == "recovery_plan"]
    found = tables(ws, "Sheet", "Year")
    if not plans:
        return
    if not check("%s recovery table" % name, len(found) == 1, len(found)):
        return
    head, body = found[0]
    check_aligned(name, head, body)
    cols = {h.value: k for k, h in enumerate(head)}
    for p, r in zip(plans, body):
        tag = "%s %s" % (name, p["sheet"])
        f = p.get("finance") or {}
        pressure = f["pressure"] * f.get("unit", 1) \
            if f.get("pressure") is not None else None
        savings = sum(m["amount"] for m in p["milestones"]
                      if m.get("amount") is not None)
        got = r[cols["Pressure"]].value
        check(tag + " pressure", close(got, pressure) if pressure is not None
              else got == "not given", "summary %r, dump %r" % (got,
                                                                pressure))
        check(tag + " savings", close(r[cols["Savings in milestones"]].value,
                                      savings),
              "summary %r, dump %r" % (r[cols["Savings in milestones"]].value,
                                       savings))
        if pressure is not None:
            got = r[cols["Shortfall or cover"]].value
            check(tag + " shortfall", close(got, pressure - savings),
                  "summary %r, dump %r" % (got, pressure - savings))
        for q, per in enumerate(p["periods"][:4]):
            got = r[cols["Q%d RAG" % (q + 1)]].value
            want = (per.get("rag") or "").upper()
            check("%s %s" % (tag, per["label"]),
                  got == want if want else got in ("not given",
                                                   "not yet due"),
                  "summary %r, dump %r" % (got, want))


def check_findings_line(name, ws, found):
    counts = {}
    for f in found:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    line = ws["A4"].value or ""
    if not found:
        check(name + " findings line", "nothing" in line, line)
        return
    for sev, word in (("error", "error"), ("warning", "warning"),
                      ("info", "info")):
        n = counts.get(sev, 0)
        if n:
            check("%s findings %s" % (name, sev),
                  "%d %s" % (n, word) in line, line)
    check(name + " findings link", ws["A4"].hyperlink is not None and
          "Issues" in (ws["A4"].hyperlink.location or ""), "no link")


def check_print(name, ws, generated, inws=None):
    ps = ws.page_setup
    if generated:
        check("%s %s landscape A4" % (name, ws.title),
              ps.orientation == "landscape" and str(ps.paperSize) == "9",
              (ps.orientation, ps.paperSize))
        check("%s %s one page wide" % (name, ws.title),
              ws.sheet_properties.pageSetUpPr is not None and
              ws.sheet_properties.pageSetUpPr.fitToPage and
              # fitToWidth="1" is the default, left out of the file
              str(ps.fitToWidth) in ("1", "None") and
              str(ps.fitToHeight) == "0",
              (ps.fitToWidth, ps.fitToHeight))
        check("%s %s rows repeated" % (name, ws.title),
              bool(ws.print_title_rows), ws.print_title_rows)
    else:
        pi = inws.page_setup

        def setup(p, w):
            fit = w.sheet_properties.pageSetUpPr
            fit = bool(fit is not None and fit.fitToPage)
            # fitToWidth="1" is the default; a writer may leave it out
            return (p.orientation, str(p.paperSize), fit,
                    str(p.fitToWidth or 1) if fit else None)
        check("%s %s page set-up kept" % (name, ws.title),
              setup(ps, ws) == setup(pi, inws),
              (setup(ps, ws), setup(pi, inws)))


def findings(path):
    _, out, _ = run("validate", path, "--format", "json")
    res = []
    for line in out.splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if "rule" in d and "severity" in d:
            res.append(d)
    return res


def test_file(path, tmp):
    name = os.path.basename(path)
    out = os.path.join(tmp, name + ".out.xlsx")
    status, _, err = run("convert", path, "-o", out)
    if not check(name + " convert", status == 0, err):
        return
    _, js, err = run("dump", path)
    model = json.loads(js)
    inbook = openpyxl.load_workbook(path)
    outbook = openpyxl.load_workbook(out)
    summary, issues = outbook["Summary"], outbook["Issues"]
    check_contrast(name, summary)
    check_contrast(name, issues)
    for s in inbook.sheetnames:
        check_contrast(name, outbook[s], changed_cells(inbook[s], outbook[s]))
        check_print(name, outbook[s], False, inbook[s])
    check_print(name, summary, True)
    check_print(name, issues, True)
    check_actions(name, summary, model, inbook)
    check_codes(name, summary, model, outbook)
    check_computed_status(name, model, inbook, outbook)
    check_indicators(name, summary, model)
    check_recovery(name, summary, model)
    check_findings_line(name, summary, findings(path))


def make_scorecard(path):
    """A scorecard as councils lay them out (recognise's first case)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Scorecard"
    rows = [["Corporate scorecard 2023/24"], [],
            ["PI Code", "Indicator", "Polarity", "Annual Target", "Q1", "Q2",
             "Q3", "Q4", "RAG", "Direction of Travel", "Commentary"],
            ["HS01", "Rent collected", "Aim to maximise", 0.97, 0.95, 0.96,
             None, None, "A", "Improving", "Below target"],
            ["HS02", "Days to re-let voids", "Smaller is better", 25, 31, 35,
             None, None, "R", "Worse", None]]
    for r in rows:
        ws.append(r)
    for ref in ("D4", "E4", "F4"):
        ws[ref].number_format = "0%"
    wb.save(path)


def test_report(tmp, files):
    out = os.path.join(tmp, "report.xlsx")
    run("validate", "--report", out, *files)
    if not check("report written", os.path.exists(out), out):
        return
    wb = openpyxl.load_workbook(out)
    ws = wb["Files"]
    head = [c.value for c in ws[1]]
    check("report says what the colour is", "Check result" in head and
          "RAG" not in head, head)
    for s in wb.sheetnames:
        check_contrast("report", wb[s])
        check_print("report", wb[s], True)
    body = [r for r in ws.iter_rows(min_row=2)]
    check_aligned("report Files", ws[1], body)


def main():
    files = sorted(glob.glob(os.path.join(SHARED, "fixtures", "*.xlsx")))
    if not files or openpyxl is None:
        skip("no fixtures in " + SHARED if not files
             else "python3-openpyxl is not installed")
    files += sorted(glob.glob(os.path.join(SOURCE, "samples", "*.xlsx")))
    with tempfile.TemporaryDirectory() as tmp:
        sc = os.path.join(tmp, "scorecard.xlsx")
        make_scorecard(sc)
        for f in files + [sc]:
            try:
                test_file(f, tmp)
            except Exception as e:  # a crash is a failure, not a skip
                check(f, False, repr(e))
        try:
            test_report(tmp, files[:5])
        except Exception as e:
            check("report", False, repr(e))
    for f in failures[:80]:
        print("FAIL", f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
