#!/usr/bin/env python3
"""Bulk runs of `ragbook consolidate` as a user types them (issue 13), on
copies of the shared fixtures in temporary folders:

 - a folder (searched recursively, name order) and `-` (names on stdin)
   give the same workbook as the files named one by one;
 - "Copy of ..." in the folder and in a sub-folder: the plan is counted
   once, Issues has a plan-duplicate row per copy saying which copy is
   counted, and stderr says so in its one closing line;
 - 300 copies of one plan consolidate to one plan;
 - an Excel lock file (~$...) is skipped with one line naming the open
   workbook and its owner;
 - ragbook's own outputs in the folder (last run's consolidated workbook,
   a validation report) are skipped with one line; re-running last week's
   command, whose output is now also an input, works; validate skips them
   too; a converted workbook beside its source is the same plan, counted
   once;
 - a pattern that matches nothing and an empty folder: one line, exit 2,
   nothing written;
 - the File column is the path from the folder the inputs share (two
   return.xlsx in two folders read apart);
 - no JSON words in any cell (higher_is_better, percent...); every data
   sheet has its header frozen and a filter (read from the sheet XML);
   long text wraps; heading rows are not counted in the actions total and
   the Summary's totals are the detail rows';
 - convert and merge also say in one stderr line what they wrote.

Env: RAGBOOK, RAG_SHARED_DIR.  Exit 0 passed, 1 failed, 77 skipped (a
failure when CI is set).
"""
import datetime
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
ACTION = "benefits-action-plan.xlsx"
TRACKER = "wm8-improvement-tracker.xlsx"
FRB = "deficit-recovery-frb-23-007.xlsx"
PI = "pi-action-plans-q2.xlsx"
ASOF = "2024-01-15"
DATA_SHEETS = ["Recovery plans", "Indicators", "Trackers", "Action plans",
               "Issues"]
# the model's names for units, directions, ratings and statuses: JSON's
# words, not a finance officer's
JSON_WORDS = {"percent", "gbp", "days", "count", "higher_is_better",
              "lower_is_better", "within_band", "none", "red", "amber",
              "green"}
SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")

failures = []
passed = 0


def check(name, cond, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append("%s: %s" % (name, detail))
    return cond


def run(*args, stdin=None, cwd=None):
    p = subprocess.run([RAGBOOK] + list(args), capture_output=True,
                       input=stdin.encode() if stdin is not None else None,
                       cwd=cwd)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def fixture(name):
    return os.path.join(FIXTURES, name)


def put(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy(fixture(src), dst)
    return dst


def rows(book, sheet):
    ws = book[sheet]
    head = [c.value for c in ws[1]]
    out = []
    for r in ws.iter_rows(min_row=2):
        if r[0].value in (None, "Total"):
            continue
        out.append({h: c.value for h, c in zip(head, r)})
    return out


def wrote_line(err, cmd, out):
    lines = err.splitlines()
    return lines[-1] if lines and lines[-1].startswith(
        "ragbook %s: wrote %s: " % (cmd, out)) else None


def summary_total_actions(book):
    """The Summary's 'Actions by status' Total row: (trackers, action
    plans, all), cached values."""
    ws = book["Summary"]
    section = None
    for r in ws.iter_rows(values_only=True):
        if r[0] == "Status":
            section = "status"
        elif section == "status" and r[0] == "Total":
            return r[1], r[2], r[3]
    return None


def lock_file(path, owner):
    """An Excel owner file as Office 2016 writes it: the name's length,
    the name padded with spaces to 55, then its length and the name again
    in UTF-16LE, 165 bytes in all."""
    b = bytes([len(owner)]) + owner.encode("latin-1")
    b += b" " * (55 - len(b))
    b += bytes([len(owner), 0]) + owner.encode("utf-16-le")
    b += b" " * (165 - len(b))
    with open(path, "wb") as f:
        f.write(b)


def sheet_xml(path):
    """Each sheet's XML by sheet name."""
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        target = dict(re.findall(r'<Relationship [^>]*?Id="([^"]+)"[^>]*?'
                                 r'Target="([^"]+)"', rels))
        target.update({k: v for v, k in re.findall(
            r'<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"',
            rels)})
        out = {}
        for name, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?'
                                    r'r:id="([^"]+)"', wb):
            t = target[rid].lstrip("/")
            t = t if t.startswith("xl/") else "xl/" + t
            out[name.replace("&amp;", "&")] = z.read(t).decode()
        return out


def check_look(name, path):
    """No JSON words; every data sheet frozen below its header and
    filtered; long text wrapped; the Summary's action total is the detail
    rows that are actions."""
    book = openpyxl.load_workbook(path)
    bad = []
    for ws in book:
        for r in ws.iter_rows():
            for c in r:
                v = c.value
                if isinstance(v, str) and (v in JSON_WORDS or SNAKE.match(v)):
                    bad.append("%s!%s %r" % (ws.title, c.coordinate, v))
    check(name + ": no JSON words in cells", not bad, bad[:5])
    xml = sheet_xml(path)
    for s in DATA_SHEETS:
        x = xml.get(s, "")
        check(name + ": %s header frozen" % s,
              re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', x)
              is not None, re.findall(r"<pane [^>]*>", x))
        check(name + ": %s filter" % s,
              re.search(r'<autoFilter ref="A1:[A-Z]+[0-9]+"', x) is not None,
              re.findall(r"<autoFilter [^>]*>", x))
    long_ok = True
    for s in ("Trackers", "Action plans"):
        ws = book[s]
        head = [c.value for c in ws[1]]
        col = head.index("Action")
        letter = openpyxl.utils.get_column_letter(col + 1)
        width = ws.column_dimensions[letter].width
        for r in ws.iter_rows(min_row=2):
            v = r[col].value
            if isinstance(v, str) and len(v) > width:
                long_ok &= bool(r[col].alignment.wrap_text)
        # 60 characters, and the padding libxlsxwriter adds to a width
        check(name + ": %s Action column at most 60 wide" % s,
              width is not None and width <= 61, width)
    check(name + ": long actions wrap", long_ok)
    data = openpyxl.load_workbook(path, data_only=True)
    counted = {s: [r for r in rows(data, s)
                   if r["Status"] != "Heading (not counted)"]
               for s in ("Trackers", "Action plans")}
    total = summary_total_actions(data)
    check(name + ": actions total excludes headings",
          total == (len(counted["Trackers"]), len(counted["Action plans"]),
                    len(counted["Trackers"]) + len(counted["Action plans"])),
          "%r vs rows %d, %d" % (total, len(counted["Trackers"]),
                                 len(counted["Action plans"])))
    return data


def main():
    if openpyxl is None:
        skip("python3-openpyxl is not installed")
    if not os.path.exists(fixture(ACTION)) or not os.path.exists(
            fixture(TRACKER)):
        skip("no fixtures in %s" % FIXTURES)
    with tempfile.TemporaryDirectory() as tmp:
        ret = os.path.join(tmp, "returns")
        for f in (ACTION, TRACKER, FRB, PI):
            put(f, os.path.join(ret, f))
        by_name = sorted(os.path.join(ret, f) for f in
                         (ACTION, TRACKER, FRB, PI))
        by_name.sort(key=lambda p: (os.path.basename(p).lower(), p))

        # the files one by one, the reference
        one = os.path.join(tmp, "one.xlsx")
        st, out, err = run("consolidate", *by_name, "-o", one, "--as-of",
                           ASOF)
        line = wrote_line(err, "consolidate", one)
        check("files: exit 0, one line", st == 0 and out == "" and line and
              len(err.splitlines()) == 1 and
              " 5 plans from 4 files, " in line, "%d %r" % (st, err))

        # before: 'returns/: is a directory'; now the folder is read
        folder = os.path.join(tmp, "folder.xlsx")
        st, _, err = run("consolidate", "returns/", "-o", "folder.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        check("folder: exit 0", st == 0, err)
        check("folder: one line", wrote_line(err, "consolidate",
                                             "folder.xlsx") and
              len(err.splitlines()) == 1, err)
        a, b = (openpyxl.load_workbook(p, data_only=True)
                for p in (one, folder))
        for s in DATA_SHEETS[:4]:
            check("folder: %s as the files named" % s,
                  [list(r.values()) for r in rows(a, s)] ==
                  [list(r.values()) for r in rows(b, s)], s)

        # names on stdin
        st, _, err = run("consolidate", "-", "-o", "stdin.xlsx", "--as-of",
                         ASOF, cwd=tmp,
                         stdin="\n".join(os.path.relpath(p, tmp)
                                         for p in by_name) + "\n")
        check("stdin: exit 0", st == 0, err)
        if st == 0:
            c = openpyxl.load_workbook(os.path.join(tmp, "stdin.xlsx"),
                                       data_only=True)
            check("stdin: as the folder",
                  [list(r.values()) for r in rows(c, "Action plans")] ==
                  [list(r.values()) for r in rows(b, "Action plans")])

        # copies: counted once, said on Issues and in the closing line
        put(ACTION, os.path.join(ret, "Copy of " + ACTION))
        put(ACTION, os.path.join(ret, "old", ACTION))
        st, _, err = run("consolidate", "returns", "-o", "copies.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        line = wrote_line(err, "consolidate", "copies.xlsx")
        check("copies: exit 0 and counted once", st == 0 and line and
              " 5 plans from 6 files, " in line and
              "; 2 duplicate plans counted once" in line, err)
        if st == 0:
            c = openpyxl.load_workbook(os.path.join(tmp, "copies.xlsx"),
                                       data_only=True)
            check("copies: the action rows of one copy",
                  len(rows(c, "Action plans")) ==
                  len(rows(b, "Action plans")),
                  "%d vs %d" % (len(rows(c, "Action plans")),
                                len(rows(b, "Action plans"))))
            files = {r["File"] for r in rows(c, "Action plans")}
            check("copies: one file's rows", len(files) == 1, files)
            dups = [r for r in rows(c, "Issues")
                    if r["Rule"] == "plan-duplicate"]
            check("copies: a plan-duplicate row per copy",
                  sorted(r["File"] for r in dups) ==
                  sorted(["Copy of " + ACTION, "old/" + ACTION]),
                  [(r["File"], r["Message"]) for r in dups])
            kept = files.pop() if files else None
            check("copies: which is counted is said",
                  all("counted once, from " in r["Message"] and
                      (kept in r["Message"] or "this copy" in r["Message"])
                      for r in dups), [r["Message"] for r in dups])
            check("copies: the File column is relative",
                  "old/" + ACTION in {r["File"] for r in rows(c, "Issues")},
                  sorted({r["File"] for r in rows(c, "Issues")}))
            check("copies: said on the Summary", "duplicate" in
                  str(c["Summary"]["A3"].value), c["Summary"]["A3"].value)
            check_look("copies", os.path.join(tmp, "copies.xlsx"))

        # a lock file: skipped with the workbook and its owner named
        lock_file(os.path.join(ret, "~$" + TRACKER), "Jane Bough")
        st, _, err = run("consolidate", "returns", "-o", "locked.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        check("lock file: skipped, the run goes on", st == 0 and
              "ragbook: returns/~$%s: skipped: Excel's lock file, there "
              "while Jane Bough has %s open" % (TRACKER, TRACKER)
              in err.splitlines(), err)
        check("lock file: counted as skipped",
              (wrote_line(err, "consolidate", "locked.xlsx") or "")
              .endswith("; 1 skipped"), err)

        # ragbook's outputs in the folder: last run's, re-run; and others
        st, _, err = run("consolidate", "returns", "-o", "returns/cons.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        check("output in the folder: first run", st == 0, err)
        before = open(os.path.join(ret, "cons.xlsx"), "rb").read()
        st, _, err = run("consolidate", "returns", "-o", "returns/cons.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        check("re-run: its output is skipped, not refused", st == 0 and
              "ragbook: returns/cons.xlsx: skipped: this run's output (a "
              "workbook ragbook consolidate wrote), to be replaced"
              in err.splitlines(), err)
        check("re-run: same workbook", open(os.path.join(ret, "cons.xlsx"),
                                            "rb").read() == before)
        st, _, err = run("validate", "returns", "--report",
                         "returns/report.xlsx", "--as-of", ASOF, cwd=tmp)
        check("validate: consolidated workbook skipped",
              "ragbook: returns/cons.xlsx: skipped: a workbook ragbook "
              "consolidate wrote, not a return" in err.splitlines(), err)
        st, _, err = run("consolidate", "returns", "-o", "again.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        line = wrote_line(err, "consolidate", "again.xlsx")
        check("outputs in the folder: skipped with one line each",
              st == 0 and
              "ragbook: returns/cons.xlsx: skipped: a workbook ragbook "
              "consolidate wrote, not a return" in err.splitlines() and
              "ragbook: returns/report.xlsx: skipped: a workbook ragbook "
              "validate --report wrote, not a return" in err.splitlines()
              and line and " 5 plans from 6 files, " in line and
              line.endswith("; 3 skipped"), err)
        st, _, err = run("validate", "returns", "--as-of", ASOF, cwd=tmp)
        check("validate: its report and the consolidation skipped",
              "ragbook: returns/report.xlsx: skipped: a workbook ragbook "
              "validate --report wrote, not a return" in err.splitlines()
              and "returns/cons.xlsx: skipped" in err, err)
        # a converted workbook beside its source: the same plan, once
        conv = os.path.join(ret, "benefits-converted.xlsx")
        st, _, err = run("convert", os.path.join(ret, ACTION), "-o", conv,
                         "--as-of", ASOF)
        line = wrote_line(err, "convert", conv)
        check("convert: one line saying what it wrote", st == 0 and line and
              len(err.splitlines()) == 1 and
              re.search(r": 1 plan, \d+ errors?, \d+ warnings?, \d+ infos?$",
                        line), err)
        st, _, err = run("consolidate", "returns", "-o", "conv.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        line = wrote_line(err, "consolidate", "conv.xlsx") or ""
        check("converted copy: counted once", st == 0 and
              " 5 plans from 7 files, " in line and
              "; 3 duplicate plans counted once" in line, err)

        # merge says what it wrote too
        st, _, err = run("merge", os.path.join(ret, ACTION),
                         os.path.join(ret, "Copy of " + ACTION), "-o",
                         os.path.join(tmp, "merged.xlsx"), "--as-of", ASOF)
        check("merge: one line saying what it wrote",
              wrote_line(err, "merge", os.path.join(tmp, "merged.xlsx")),
              err)

        # a pattern that matched nothing, an empty folder
        os.mkdir(os.path.join(tmp, "empty"))
        st, _, err = run("consolidate", "empty/*.xlsx", "-o", "none.xlsx",
                         cwd=tmp)
        check("no match: one line, exit 2, nothing written", st == 2 and
              err.splitlines() == ["ragbook consolidate: no file matches "
                                   "'empty/*.xlsx'"] and
              not os.path.exists(os.path.join(tmp, "none.xlsx")), err)
        st, _, err = run("consolidate", "empty", "-o", "none.xlsx", cwd=tmp)
        check("empty folder: one line, exit 2", st == 2 and
              err.splitlines() == ["ragbook consolidate: no .xlsx or .xlsm "
                                   "file in the folder 'empty'"] and
              not os.path.exists(os.path.join(tmp, "none.xlsx")), err)

        # two return.xlsx in two folders read apart
        put(ACTION, os.path.join(tmp, "q3", "adults", "return.xlsx"))
        put(TRACKER, os.path.join(tmp, "q3", "children", "return.xlsx"))
        st, _, err = run("consolidate", "q3/adults/return.xlsx",
                         "q3/children/return.xlsx", "-o", "q3.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        if check("two return.xlsx: exit 0", st == 0, err):
            c = openpyxl.load_workbook(os.path.join(tmp, "q3.xlsx"))
            check("two return.xlsx: told apart",
                  {r["File"] for r in rows(c, "Action plans")} ==
                  {"adults/return.xlsx"} and
                  {r["File"] for r in rows(c, "Trackers")} ==
                  {"children/return.xlsx"},
                  ({r["File"] for r in rows(c, "Action plans")},
                   {r["File"] for r in rows(c, "Trackers")}))

        # two copies of a tracker: the later report date is counted, even
        # from the earlier file name
        dates = os.path.join(tmp, "dates")
        put(TRACKER, os.path.join(dates, "b-september.xlsx"))
        wb = openpyxl.load_workbook(fixture(TRACKER))
        wb["WM8 Progress"]["B5"] = datetime.datetime(2009, 12, 7)
        wb.save(os.path.join(dates, "a-december.xlsx"))
        st, _, err = run("consolidate", "dates", "-o", "dates.xlsx",
                         cwd=tmp)
        if check("report dates: exit 0", st == 0, err):
            c = openpyxl.load_workbook(os.path.join(tmp, "dates.xlsx"))
            check("report dates: the later one counted",
                  {r["File"] for r in rows(c, "Trackers")} ==
                  {"a-december.xlsx"},
                  {r["File"] for r in rows(c, "Trackers")})
            dups = [r["Message"] for r in rows(c, "Issues")
                    if r["Rule"] == "plan-duplicate"]
            check("report dates: said why", len(dups) == 1 and
                  dups[0].endswith("counted once, from a-december.xlsx "
                                   "(the later report date)"), dups)

        # a workbook holding the plan twice (two sheets), after a file
        # holding it once: one plan
        twice = os.path.join(tmp, "twice")
        put(FRB, os.path.join(twice, "a-one.xlsx"))
        wb = openpyxl.load_workbook(fixture(FRB))
        wb.copy_worksheet(wb.active).title = "FRB copy"
        wb.save(os.path.join(twice, "b-two-sheets.xlsx"))
        st, _, err = run("consolidate", "twice", "-o", "twice.xlsx",
                         cwd=tmp)
        line = wrote_line(err, "consolidate", "twice.xlsx") or ""
        check("twice in one workbook: one plan", st == 0 and
              ": 1 plan from 2 files, " in line and
              "; 2 duplicate plans counted once" in line, err)

        # 300 copies of one plan: one plan
        many = os.path.join(tmp, "many")
        os.mkdir(many)
        for i in range(300):
            shutil.copy(fixture(ACTION),
                        os.path.join(many, "return %03d.xlsx" % i))
        st, _, err = run("consolidate", "many", "-o", "many.xlsx",
                         "--as-of", ASOF, cwd=tmp)
        line = wrote_line(err, "consolidate", "many.xlsx") or ""
        check("300 copies: one plan", st == 0 and
              ": 1 plan from 300 files, " in line and
              "; 299 duplicate plans counted once" in line, err[-300:])
        if st == 0:
            c = check_look("300 copies", os.path.join(tmp, "many.xlsx"))
            acts = rows(c, "Action plans")
            check("300 copies: one copy's rows",
                  len(acts) == len(rows(b, "Action plans")) and
                  {r["File"] for r in acts} == {"return 299.xlsx"},
                  (len(acts), {r["File"] for r in acts}))
    for f in failures[:60]:
        print("FAIL", f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
