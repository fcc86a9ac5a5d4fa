#!/usr/bin/env python3
"""One answer per fact (issues 10 and 13): `validate`, `convert` and
`consolidate` read the same actions through the same business rules
(src/model/rules.c, rag_rate), so they must agree on which actions are past
their due date.  For every fixture with actions, at several as-of dates:

  validate  the refs with a milestone-overdue finding
  convert   the refs whose "Past its due date?" cell says Yes
  consolidate  the refs whose "Past its due date?" cell says Yes

must be the same set, and the due words convert shows as "Not a date" must
be "Not a date" in consolidate too.  The expected answers are not computed
here (that would be a third copy of the rules): the three are compared."""
import json
import os
import subprocess
import sys
import tempfile
from _skip import skip

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
SHARED = os.environ.get("RAG_SHARED_DIR",
                        os.path.join(os.path.dirname(__file__), "..", "..",
                                     "..", "shared"))
FIXTURES = os.path.join(SHARED, "fixtures")
DATES = ["2009-06-01", "2009-10-01", "2010-01-01", "2011-01-01", "2024-04-01",
         "2025-07-01"]
COLUMN = "Past its due date?"

try:
    import openpyxl
except ImportError:
    skip("one_answer: python3-openpyxl is missing")


def run(args):
    return subprocess.run([RAGBOOK] + args, capture_output=True, text=True)


def validate_overdue(path, as_of):
    p = run(["validate", path, "--as-of", as_of, "--format", "json"])
    refs = set()
    for line in p.stdout.splitlines():
        rec = json.loads(line)
        if rec.get("rule") == "milestone-overdue" and rec.get("ref"):
            refs.add((rec["sheet"], rec["ref"]))
    return refs


def convert_overdue(path, as_of, out, model):
    p = run(["convert", path, "-o", out, "--as-of", as_of])
    assert p.returncode in (0, 1), p.stderr
    wb = openpyxl.load_workbook(out)
    refs, words = set(), {}
    for plan in model["plans"]:
        if plan["sheet"] not in wb.sheetnames:
            continue
        ws = wb[plan["sheet"]]
        col = None
        for row in ws.iter_rows():
            for c in row:
                if c.value == COLUMN:
                    col = c.column
            if col:
                break
        if not col:
            continue
        for a in plan.get("actions", []):
            row = int("".join(ch for ch in a["cell"] if ch.isdigit()))
            v = ws.cell(row=row, column=col).value
            words[(plan["sheet"], a["ref"])] = v
            if v == "Yes":
                refs.add((plan["sheet"], a["ref"]))
    return refs, words


def consolidate_overdue(path, as_of, out):
    p = run(["consolidate", path, "-o", out, "--as-of", as_of])
    assert p.returncode in (0, 1), p.stderr
    wb = openpyxl.load_workbook(out)
    refs, words = set(), {}
    for name in ("Trackers", "Action plans"):
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        head = [c.value for c in ws[1]]
        if COLUMN not in head or "Ref" not in head:
            continue
        ci, ri = head.index(COLUMN), head.index("Ref")
        cell_i = head.index("Cell") if "Cell" in head else None
        for row in ws.iter_rows(min_row=2, values_only=True):
            if not row[ri]:
                continue
            sheet = None
            if cell_i is not None and row[cell_i] and "!" in str(row[cell_i]):
                sheet = str(row[cell_i]).rsplit("!", 1)[0].strip("'")
            key = (sheet, str(row[ri]))
            words[key] = row[ci]
            if row[ci] == "Yes":
                refs.add(key)
    return refs, words


def due_words_plan(path):
    """An action plan whose due dates are words: two-digit years on both
    sides of the century, a financial year, interim and full dates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(["Improvement action plan"])
    ws.append([])
    ws.append(["Ref", "Action", "Lead", "Due", "Position statement"])
    rows = [
        ("R1", "Review the debt policy", "Jo Marsh",
         "Interim 30/09/99 Full 31/03/00", "Under way"),
        ("R2", "Publish the standards", "Sam Lee", "31/03/2024", "Drafted"),
        ("R3", "Train the team", "Ann Cole", "2023/24", "Planned"),
        ("R4", "Agree the new system", "Ben Ode", "by 30/06/25", "Started"),
        ("R5", "Close the old system", "Ann Cole", "TBC", "Not started"),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(path)


def main():
    if not os.path.isdir(FIXTURES):
        skip(f"one_answer: no fixtures in {FIXTURES}")
    fails = checked = 0
    tmp = tempfile.mkdtemp()
    made = os.path.join(tmp, "due-words.xlsx")
    due_words_plan(made)
    paths = [os.path.join(FIXTURES, n) for n in sorted(os.listdir(FIXTURES))
             if n.endswith(".xlsx")] + [made]
    for path in paths:
        name = os.path.basename(path)
        for as_of in DATES:
            model = json.loads(run(["dump", path, "--as-of", as_of]).stdout)
            if not any(p.get("actions") for p in model["plans"]):
                continue
            v = validate_overdue(path, as_of)
            c, cwords = convert_overdue(path, as_of,
                                        os.path.join(tmp, "c.xlsx"), model)
            k, kwords = consolidate_overdue(path, as_of,
                                            os.path.join(tmp, "k.xlsx"))
            kr = {r for _, r in k}
            checked += 1
            if v != c:
                fails += 1
                print(f"FAIL {name} {as_of}: validate says overdue "
                      f"{sorted(r for _, r in v - c)} that convert does not, "
                      f"convert {sorted(r for _, r in c - v)} that validate "
                      "does not")
            if {r for _, r in c} != kr:
                fails += 1
                print(f"FAIL {name} {as_of}: convert and consolidate differ: "
                      f"{sorted({r for _, r in c} ^ kr)}")
            kw = {r: w for (_, r), w in kwords.items()}
            for (_, ref), w in cwords.items():
                if w == "Not a date" and kw.get(ref) not in (None,
                                                             "Not a date"):
                    fails += 1
                    print(f"FAIL {name} {as_of}: {ref} is 'Not a date' in "
                          f"convert, '{kw.get(ref)}' in consolidate")
    print(f"one_answer: {checked} workbook-dates compared, {fails} failures")
    if checked == 0:
        print("one_answer: nothing compared")
        return 1
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
