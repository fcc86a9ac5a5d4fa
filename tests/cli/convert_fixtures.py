#!/usr/bin/env python3
"""`ragbook convert` on every shared fixture, read back with ragbook's own
reader (`ragbook cells`, `ragbook dump`) and an independent one
(python3-openpyxl from Debian):

 - the sheets come out as Summary, the input's sheets in order, Issues;
 - every input cell is still there with its value, formula and fill (a
   blank coloured month cell may gain its status code; a status or RAG
   cell with words may take its status colour);
 - month cells keep the key's colours and carry the key's status as a
   code, and no status colour is left without words in or beside it;
 - the computed status beside each table is in the key's words, and where
   it is coloured, in the key's colour for those words;
 - the Summary names each plan, and draws a chart where there are
   actions to count (its figures, words and colours: summary_committee.py);
 - Issues has one row per finding (`ragbook validate --format json`), its
   cell linked inside the workbook;
 - `dump` of the input, of the output and of the output converted again
   are equal but for "file"; the same input gives the same bytes;
 - usage errors, an unreadable input and an output that is the input exit
   2 with one line and leave no file.

Env: RAGBOOK, RAG_SHARED_DIR.  Exit 0 passed, 1 failed, 77 skipped (no
fixtures, no openpyxl).  ctest runs it with a python3 that has openpyxl
(tests/CMakeLists.txt picks Debian's when a pyenv stands in front).
"""
import glob
import json
import os
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

def is_code(text):
    """A month code: the initials of the key's words (look.c), or "?"."""
    return text == "?" or (0 < len(text) <= 3 and text.isalnum() and
                           text.upper() == text)
STATUS_WORDS = {
    "Complete": "complete", "On target": "on_target",
    "Programmed": "programmed", "Reprogrammed": "reprogrammed",
    "One month behind": "one_month_behind",
    "Over one month behind": "over_one_month_behind",
    "Suspended": "suspended", "No status": None}
RATING_WORDS = {"GREEN": "green", "AMBER": "amber", "RED": "red",
                "No RAG": None}
STANDARD = {"on_target": "00B050", "one_month_behind": "FFC000",
            "over_one_month_behind": "FF0000", "complete": "0070C0",
            "programmed": "BDD7EE", "reprogrammed": "B4A7D6",
            "suspended": "A6A6A6", "red": "FF0000", "amber": "FFC000",
            "green": "00B050"}
WJ = ""  # generated text carries no invisible guard any more

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


def dump(path, asof):
    args = ["dump", path] + (["--as-of", asof] if asof else [])
    status, out, err = run(*args)
    if status != 0:
        raise RuntimeError("dump %s: %s" % (path, err))
    d = json.loads(out)
    d.pop("file", None)
    return d


def cells(path):
    status, out, err = run("cells", path)
    if status != 0:
        raise RuntimeError("cells %s: %s" % (path, err))
    return {s["name"]: {c["ref"]: c for c in s["cells"]}
            for s in json.loads(out)["sheets"]}


def findings(path, asof):
    args = ["validate", path, "--format", "json"] + (
        ["--as-of", asof] if asof else [])
    _, out, _ = run(*args)
    return [f for f in (json.loads(line) for line in out.splitlines()
                        if line.strip()) if "record" not in f]


def split_ref(ref):
    i = 0
    while ref[i].isalpha():
        i += 1
    col = 0
    for ch in ref[:i]:
        col = col * 26 + ord(ch) - 64
    return int(ref[i:]), col


def ref_of(row, col):
    s = ""
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return "%s%d" % (s, row)


def legend_fills(plan):
    return {e["status"]: e["fill"] for e in plan.get("legend") or []}


def status_colours(plans):
    colours = set(STANDARD.values())
    for p in plans:
        colours |= set(legend_fills(p).values())
    return colours


def without_files(book, *paths):
    """cells() with the file names taken out of the text (the Summary and
    Issues name the file converted)."""
    for sheet in book.values():
        for c in sheet.values():
            if c["type"] == "string":
                for p in paths:
                    c["value"] = c["value"].replace(p, "<file>").replace(
                        os.path.basename(p), "<file>")
    return book


def check_cells(name, fixture, out, model):
    """Every input cell is kept; what may change, changes as it should."""
    ci, co = cells(fixture), cells(out)
    colours = status_colours(model["plans"])
    for sheet, incells in ci.items():
        outcells = co.get(sheet, {})
        lost = []
        for ref, c in incells.items():
            o = outcells.get(ref)
            if o is None:
                lost.append(ref)
                continue
            if c["type"] == "blank" and o["type"] == "string":
                check("%s %s!%s code" % (name, sheet, ref),
                      is_code(o["value"]) and o.get("fill") == c.get("fill"),
                      "blank %s became %r" % (c.get("fill"), o))
                continue
            same = all(o.get(k) == c.get(k)
                       for k in ("type", "value", "formula"))
            check("%s %s!%s value" % (name, sheet, ref), same,
                  "%r became %r" % (c, o))
            if c.get("fill") != o.get("fill"):
                check("%s %s!%s fill" % (name, sheet, ref),
                      c["type"] == "string" and o.get("fill") in colours,
                      "fill %s became %s" % (c.get("fill"), o.get("fill")))
        check("%s %s: every cell kept" % (name, sheet), not lost,
              "lost %s" % lost[:10])
    # never colour alone: a status colour has words in it or beside it (the
    # Summary's counts have theirs in the header: check_summary)
    for sheet in ci:
        outcells = co.get(sheet, {})
        for ref, o in outcells.items():
            if o.get("fill") not in colours or o["type"] == "string":
                continue
            row, col = split_ref(ref)
            beside = [outcells.get(ref_of(row, k)) for k in
                      (col - 2, col - 1, col + 1, col + 2) if k > 0]
            check("%s %s!%s words" % (name, sheet, ref),
                  any(b and b["type"] == "string" for b in beside),
                  "coloured %s with no words in or beside it" % o["fill"])
    return co


def check_trackers(name, model, co):
    for p in model["plans"]:
        if p["kind"] != "tracker":
            continue
        fills = legend_fills(p)
        sheet = co[p["sheet"]]
        for a in p["actions"]:
            for m in a["months"]:
                o = sheet.get(m["cell"], {})
                if m["status"]:
                    check("%s %s month colour" % (name, m["cell"]),
                          o.get("fill") == fills.get(m["status"]),
                          "%s is %s, the key says %s" % (
                              m["status"], o.get("fill"),
                              fills.get(m["status"])))
                check("%s %s month words" % (name, m["cell"]),
                      o.get("type") == "string", repr(o))
        # the computed status: the key's words, in the key's colour
        head = [r for r, c in sheet.items() if c["type"] == "string" and
                c["value"].startswith("Computed status on ")]
        check("%s computed status column" % name, head, "no header")
        if not head:
            continue
        row, col = split_ref(head[0])
        labels = {e["label"]: e for e in p["legend"]}
        for a in p["actions"]:
            arow, _ = split_ref(a["cell"])
            c = sheet.get(ref_of(arow, col))
            if not c:
                continue
            if c.get("fill"):
                e = labels.get(c["value"])
                check("%s %s computed colour" % (name, ref_of(arow, col)),
                      e and e["fill"] == c["fill"] and
                      e["status"] == a["status"],
                      "%r for %s" % (c, a["status"]))


def check_summary(name, out, model, found):
    """Each plan's sheet is named (linked) on the Summary; a chart where a
    tracker or action plan has actions in two statuses or more.  The
    figures, words, colours and contrast: summary_committee.py."""
    wb = openpyxl.load_workbook(out)
    ws = wb["Summary"]
    shown = {c.value for row in ws.iter_rows() for c in row
             if c.hyperlink is not None}
    for p in model["plans"]:
        check("%s summary names %s" % (name, p["sheet"]),
              p["sheet"] in shown, sorted(map(str, shown)))
    statuses = {a["status"] for p in model["plans"]
                if p["kind"] in ("tracker", "action_plan")
                for a in p.get("actions") or [] if a["status"]}
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    if len(statuses) >= 2:
        check("%s chart" % name, charts, "no chart")


def check_issues(name, out, found):
    wb = openpyxl.load_workbook(out)
    ws = wb["Issues"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    rows = [r for r in rows if r[3]]
    check("%s issues rows" % name, len(rows) == len(found),
          "%d rows, %d findings" % (len(rows), len(found)))
    for i, f in enumerate(found[:len(rows)]):
        r = rows[i]
        check("%s issue %d" % (name, i),
              r[2] == f.get("cell") and r[3] == f["severity"] and
              r[5] == f["rule"] and (r[1] or "") == (f.get("sheet") or ""),
              "%r vs %r" % (r, f))
        link = ws.cell(row=i + 2, column=3).hyperlink
        if f.get("sheet"):
            check("%s issue %d link" % (name, i),
                  link is not None and link.location ==
                  "'%s'!%s" % (f["sheet"], f["cell"]),
                  "%r" % (link and link.location))


def test_fixture(fixture, tmp, asof):
    base = os.path.basename(fixture)[:-5]
    name = "%s%s" % (base, " @" + asof if asof else "")
    out = os.path.join(tmp, base + ".out.xlsx")
    again = os.path.join(tmp, base + ".again.xlsx")
    twice = os.path.join(tmp, base + ".twice.xlsx")
    extra = ["--as-of", asof] if asof else []
    status, stdout, err = run("convert", fixture, "-o", out, *extra)
    if not check("%s convert" % name, status == 0 and stdout == "",
                 "exit %d %r" % (status, err)):
        return
    check("%s no leftovers" % name,
          sorted(os.listdir(tmp)) == sorted(
              f for f in os.listdir(tmp) if not ".xlsx." in f),
          os.listdir(tmp))
    model = dump(fixture, asof)
    inbook = openpyxl.load_workbook(fixture)
    outbook = openpyxl.load_workbook(out)
    check("%s sheets" % name, outbook.sheetnames ==
          ["Summary"] + inbook.sheetnames + ["Issues"],
          outbook.sheetnames)
    check("%s markers" % name,
          {"_ragbook_summary", "_ragbook_issues"} <=
          set(outbook.defined_names.definedName and
              [d.name for d in outbook.defined_names.definedName]),
          "no _ragbook_ names")
    co = check_cells(name, fixture, out, model)
    check_trackers(name, model, co)
    found = findings(fixture, asof)
    check_summary(name, out, model, found)
    check_issues(name, out, found)
    check("%s dump equal" % name, dump(out, asof) == model,
          "dump of the output differs")
    run("convert", fixture, "-o", again, *extra)
    with open(out, "rb") as a, open(again, "rb") as b:
        check("%s same bytes" % name, a.read() == b.read(),
              "two runs differ")
    # one file named another way (another path to it) gives the same bytes:
    # outputs name the input by its file name (issue 16)
    other = os.path.join(tmp, "other.xlsx")
    roundabout = os.path.join(os.path.dirname(os.path.abspath(fixture)),
                              "..", os.path.basename(os.path.dirname(
                                  os.path.abspath(fixture))),
                              os.path.basename(fixture))
    run("convert", roundabout, "-o", other, *extra)
    with open(out, "rb") as a, open(other, "rb") as b:
        check("%s same bytes by another path" % name, a.read() == b.read(),
              "the path the input was named by changed the output")
    os.unlink(other)
    status, _, err = run("convert", out, "-o", twice, *extra)
    if check("%s convert twice" % name, status == 0, err):
        check("%s twice: dump" % name, dump(twice, asof) == model,
              "dump of the output's output differs")
        check("%s twice: sheets" % name,
              openpyxl.load_workbook(twice).sheetnames ==
              outbook.sheetnames, "sheets added")
        check("%s twice: cells" % name,
              without_files(cells(twice), out) ==
              without_files(cells(out), fixture),
              "converting the output changed its cells")


def test_drop_downs(tmp):
    """Status and RAG cells a service fills in next time get lists."""
    wm8 = os.path.join(FIXTURES, "wm8-improvement-tracker.xlsx")
    frb = os.path.join(FIXTURES, "deficit-recovery-frb-23-007.xlsx")
    out = os.path.join(tmp, "dv.xlsx")
    if os.path.exists(wm8) and run("convert", wm8, "-o", out)[0] == 0:
        ws = openpyxl.load_workbook(out)["WM8 Progress"]
        dvs = ws.data_validations.dataValidation
        check("tracker drop-down", any(
            "On target" in (d.formula1 or "") and "D16" in str(d.sqref)
            for d in dvs), [(d.formula1, str(d.sqref)) for d in dvs])
    if os.path.exists(frb) and run("convert", frb, "-o", out)[0] == 0:
        ws = openpyxl.load_workbook(out)["FRB-23-007"]
        dvs = ws.data_validations.dataValidation
        for cell in ("B27", "B31", "B35", "B39"):
            check("recovery drop-down %s" % cell, any(
                d.formula1 == '"GREEN,AMBER,RED"' and cell in str(d.sqref)
                for d in dvs), [(d.formula1, str(d.sqref)) for d in dvs])


def test_errors(tmp):
    pi = os.path.join(FIXTURES, "pi-action-plans-q2.xlsx")
    bad = os.path.join(tmp, "bad.xlsx")
    with open(bad, "w") as f:
        f.write("Ref,Action\nR1,Do it\n")
    out = os.path.join(tmp, "err.xlsx")
    for args, words in (
            (["convert"], "no output given"),
            (["convert", pi], "no output given"),
            (["convert", "-o", out], "no input file given"),
            (["convert", pi, pi, "-o", out], "one input file"),
            (["convert", pi, "-o", out, "--as-of", "2023-02-30"], "--as-of"),
            (["convert", pi, "-o", out, "--rule", "nope=off"], "--rule"),
            (["convert", pi, "-o", out, "--bogus"], "unknown option")):
        status, stdout, err = run(*args)
        lines = err.splitlines()
        check("usage %s" % words, status == 2 and stdout == "" and
              len(lines) == 2 and words in lines[0] and
              lines[1] == "Try 'ragbook convert --help' for more information.",
              "exit %d %r" % (status, err))
    status, stdout, err = run("convert", "--help")
    check("convert --help", status == 0 and
          stdout.startswith("usage: ragbook convert") and not err, err)
    status, _, err = run("convert", bad, "-o", out)
    check("unreadable input", status == 2 and
          err == "ragbook: %s: not an XLSX file: looks like CSV or plain "
          "text, not a zip\n" % bad and not os.path.exists(out), err)
    copy = os.path.join(tmp, "in.xlsx")
    with open(pi, "rb") as a, open(copy, "wb") as b:
        b.write(a.read())
    before = open(copy, "rb").read()
    status, _, err = run("convert", copy, "-o", copy)
    check("output is the input", status == 2 and len(err.splitlines()) == 1
          and "input" in err and open(copy, "rb").read() == before, err)
    status, _, err = run("convert", pi, "-o",
                         os.path.join(tmp, "no", "such", "dir.xlsx"))
    check("unwritable output", status == 2 and len(err.splitlines()) == 1,
          err)
    check("no leftovers after errors",
          not [f for f in os.listdir(tmp) if ".xlsx." in f], os.listdir(tmp))


def main():
    fixtures = sorted(glob.glob(os.path.join(FIXTURES, "*.xlsx")))
    if not fixtures:
        skip("no fixtures in %s" % FIXTURES)
    if openpyxl is None:
        skip("python3-openpyxl is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        for f in fixtures:
            for asof in (None, "2009-09-07", "2023-10-15"):
                d = os.path.join(tmp, "%s-%s" % (os.path.basename(f), asof))
                os.mkdir(d)
                try:
                    test_fixture(f, d, asof)
                except Exception as e:  # a crash is a failure, not a skip
                    check("%s @%s" % (f, asof), False, repr(e))
        test_drop_downs(tmp)
        errdir = os.path.join(tmp, "errors")
        os.mkdir(errdir)
        test_errors(errdir)
    for f in failures[:60]:
        print("FAIL", f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
