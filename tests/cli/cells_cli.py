#!/usr/bin/env python3
"""`ragbook cells` as a user runs it: options, usage errors, JSON and CSV
on the shared fixtures, and the fixtures' grids against an independent
reader (openpyxl, Debian's python3-openpyxl) cell by cell.

Env: RAGBOOK, RAG_SHARED_DIR.  Exit 0 all passed, 1 a failure, 77 skipped
(no fixtures).  ctest runs it with a python3 that has openpyxl
(tests/CMakeLists.txt picks Debian's when a pyenv stands in front).
"""
import csv, datetime, io, json, os, subprocess, sys
from _skip import skip

try:
    import openpyxl
except ImportError:
    openpyxl = None  # ctest runs a python3 that has it (tests/CMakeLists.txt)

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
FIXTURES = os.path.join(os.environ.get("RAG_SHARED_DIR", "../shared"),
                        "fixtures")
WM8 = os.path.join(FIXTURES, "wm8-improvement-tracker.xlsx")
PI = os.path.join(FIXTURES, "pi-action-plans-q2.xlsx")

passed = 0
failures = []


def run(*args, stdout=subprocess.PIPE):
    p = subprocess.run([RAGBOOK] + list(args), stdout=stdout,
                       stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    return (p.returncode, (p.stdout or b"").decode("utf-8"),
            p.stderr.decode("utf-8", "replace"))


def check(name, cond, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append((name, detail))


def usage_error(name, args, words):
    status, out, err = run(*args)
    lines = err.splitlines()
    check(name, status == 2 and out == "" and len(lines) == 2 and
          all(w in lines[0] for w in words) and
          lines[1] == "Try 'ragbook cells --help' for more information.",
          "exit %d, stdout %r, stderr %r" % (status, out[:80], err))


def test_usage():
    usage_error("no file", ["cells"], ["ragbook cells:", "no file given"])
    usage_error("two files", ["cells", WM8, PI], ["one file at a time"])
    usage_error("unknown option", ["cells", WM8, "--bogus"],
                ["unknown option '--bogus'"])
    usage_error("bad format", ["cells", WM8, "--format", "xml"],
                ["--format takes json or csv", "'xml'"])
    status, out, err = run("cells", "--help")
    check("cells --help", status == 0 and out.startswith(
        "usage: ragbook cells FILE.xlsx") and err == "",
        "exit %d %r %r" % (status, out[:80], err))
    status, out, err = run("cells", PI, "--sheet", "Nope")
    check("unknown sheet", status == 2 and out == "" and
          err == "ragbook: %s: no sheet named 'Nope'\n" % PI, err)
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            status, _, err = run("cells", WM8, stdout=full)
        check("write error", status == 2 and "cannot write" in err and
              len(err.splitlines()) == 1, "exit %d %r" % (status, err))


def cells_json(path, *extra):
    status, out, err = run("cells", path, *extra)
    if status != 0 or err:
        failures.append(("cells " + path, "exit %d %r" % (status, err)))
        return None
    return json.loads(out)


def test_json():
    doc = cells_json(WM8)
    if not doc:
        return
    check("json file", doc["file"] == WM8, doc["file"])
    check("json one sheet", len(doc["sheets"]) == 1)
    s = doc["sheets"][0]
    check("json sheet", s["name"] == "WM8 Progress" and
          s["dimension"] == "A1:P107" and
          s["merged"] == ["A2:P2", "A24:P24", "A46:P46", "A68:P68",
                          "A90:P90"], repr(s["merged"]))
    cells = {c["ref"]: c for c in s["cells"]}
    check("json A1", cells["A1"] == {"ref": "A1", "type": "string",
                                     "value": "Key Objective WM8:",
                                     "bold": True}, repr(cells["A1"]))
    check("json B5", cells["B5"] == {"ref": "B5", "type": "date",
                                     "value": "2009-09-07",
                                     "format": "d mmmm yyyy"},
          repr(cells["B5"]))
    check("json D16", cells["D16"] == {"ref": "D16", "type": "blank",
                                       "fill": "92D050"}, repr(cells["D16"]))
    check("json refs unique", len(cells) == len(s["cells"]))
    order = [(int("".join(ch for ch in c["ref"] if ch.isdigit())),
              col_index(c["ref"])) for c in s["cells"]]
    check("json row-major", order == sorted(order))

    doc = cells_json(PI, "--sheet", "CP2")
    if doc:
        check("json --sheet", [x["name"] for x in doc["sheets"]] == ["CP2"])
        cells = {c["ref"]: c for c in doc["sheets"][0]["cells"]}
        check("json number format", cells["E11"] == {
            "ref": "E11", "type": "number", "value": -0.194,
            "format": "0.0%"}, repr(cells["E11"]))
    doc = cells_json(PI)
    if doc:
        check("json sheet order", [x["name"] for x in doc["sheets"]] ==
              ["DP11", "CP2"])


def col_index(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch) - 64
    return n


def test_csv():
    status, out, err = run("cells", WM8, "--format", "csv")
    check("csv exit", status == 0 and err == "", err)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    check("csv rows", len(rows) == 107, len(rows))
    check("csv width is the cells'", {len(r) for r in rows} == {16},
          repr({len(r) for r in rows}))
    check("csv crlf", out.count("\r\n") == len(rows))
    check("csv row 5", rows[4][:2] == ["Date:", "2009-09-07"], rows[4][:3])
    check("csv quoted comma",
          rows[3][0] == "Owner : Head of Finance, Revenues & Benefits")
    status, out, err = run("cells", PI, "--format", "csv", "--sheet", "CP2")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    check("csv --sheet", status == 0 and len(rows) == 18 and
          rows[10][4] == "-0.194", repr(rows[10] if len(rows) > 10 else rows))
    # Two cells in column A under a declared A1:XFD1: one field a row,
    # not 16,384 (issue 16).
    wide = os.path.join(os.environ.get("RAG_TEST_DATA", ""), "crafted",
                        "wide-dimension.xlsx")
    status, out, err = run("cells", wide, "--format", "csv")
    lines = out.split("\r\n")
    check("csv width not the dimension's", status == 0 and
          len(lines) == 1048577 and lines[0] == "1" and
          lines[-2] == "2" and set(lines[1:-2]) == {""},
          (status, err, len(lines), lines[:2]))
    # A few columns declared past the last cell (a writer's formats or
    # comments): every row up to the dimension's last column, as the
    # contract says.
    import tempfile, zipfile
    with tempfile.TemporaryDirectory() as tmp:
        narrow = os.path.join(tmp, "declared-e.xlsx")
        with zipfile.ZipFile(wide) as zin, \
                zipfile.ZipFile(narrow, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = (b'<?xml version="1.0" encoding="UTF-8"?>'
                            b'<worksheet xmlns="http://schemas.openxmlformats'
                            b'.org/spreadsheetml/2006/main"><dimension '
                            b'ref="A1:E3"/><sheetData><row r="1"><c r="A1">'
                            b'<v>1</v></c><c r="B1"><v>2</v></c></row>'
                            b'<row r="3"><c r="A3"><v>3</v></c></row>'
                            b'</sheetData></worksheet>')
                zout.writestr(item, data)
        status, out, err = run("cells", narrow, "--format", "csv")
        check("csv padded to the declared dimension", status == 0 and
              out == "1,2,,,\r\n,,,,\r\n3,,,,\r\n", (status, err, out))
    # Zips minizip 1.1 called damaged, read (issue 16).
    for name in ("zip64-directory.xlsx", "entries-65535.xlsx"):
        path = os.path.join(os.environ.get("RAG_TEST_DATA", ""), "crafted",
                            name)
        status, out, err = run("cells", path, "--format", "csv")
        check("reads " + name, status == 0 and out == "hi,2\r\n",
              (status, err, out[:40]))


def oracle_value(c):
    """What openpyxl says a cell is, in the contract's terms."""
    v = c.value
    if isinstance(v, bool):
        return "bool", v
    if isinstance(v, datetime.datetime):
        if v.time() == datetime.time(0):
            return "date", v.date().isoformat()
        return "date", v.isoformat(timespec="seconds")
    if isinstance(v, datetime.date):
        return "date", v.isoformat()
    if isinstance(v, (int, float)):
        return "number", float(v)
    if isinstance(v, str) and c.data_type == "f":
        return "formula", v[1:]
    return "string", v


def test_fixtures_against_openpyxl():
    if openpyxl is None:
        skip("no openpyxl: the fixtures cannot be compared with it")
        return
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".xlsx"):
            continue
        path = os.path.join(FIXTURES, name)
        doc = cells_json(path)
        if not doc:
            continue
        wb = openpyxl.load_workbook(path)
        check(name + " sheets", [s["name"] for s in doc["sheets"]] ==
              wb.sheetnames)
        compared = 0
        for ws, s in zip(wb.worksheets, doc["sheets"]):
            mine = {c["ref"]: c for c in s["cells"]}
            check(name + " merged", sorted(s["merged"]) ==
                  sorted(str(r) for r in ws.merged_cells.ranges))
            for row in ws.iter_rows():
                for c in row:
                    solid = c.fill.fill_type == "solid"
                    if c.value is None and not solid:
                        continue
                    m = mine.get(c.coordinate)
                    where = "%s %s!%s" % (name, ws.title, c.coordinate)
                    compared += 1
                    if m is None:
                        failures.append((where, "missing"))
                        continue
                    if c.value is not None:
                        kind, value = oracle_value(c)
                        if kind == "formula":
                            check(where, m.get("formula") == value,
                                  repr((m, value)))
                        elif kind == "number":
                            check(where, m["type"] == "number" and
                                  float(m["value"]) == value,
                                  repr((m, value)))
                        else:
                            check(where, (m["type"], m["value"]) ==
                                  (kind, value), repr((m, value)))
                    fg = c.fill.fgColor
                    if solid and fg.type == "rgb":
                        check(where + " fill", m.get("fill") ==
                              fg.rgb[-6:].upper(), repr((m, fg.rgb)))
                    check(where + " bold", bool(m.get("bold")) ==
                          bool(c.font.b), repr(m))
        check(name + " compared", compared > 20, compared)


def main():
    if not os.path.exists(WM8):
        skip("no fixtures at " + FIXTURES)
    test_usage()
    test_json()
    test_csv()
    test_fixtures_against_openpyxl()
    for name, detail in failures[:40]:
        print("FAIL %s: %s" % (name, detail))
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
