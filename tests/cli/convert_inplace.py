#!/usr/bin/env python3
"""`ragbook convert` edits the input in place (issue 11, "How we know"),
over the shared fixtures and every corpus file openpyxl can read:

 - every zip entry of the input is in the output (calcChain may be
   dropped), [Content_Types].xml first; an entry convert does not document
   as changed (the content types, the workbook part and its relationships,
   the styles part, worksheets) has the same bytes, inflated and
   compressed;
 - each patched worksheet, parsed with Python's XML parser, differs only
   where convert changes things: its other children (views, merges,
   conditional formats, page setup, drawings, extLst...) are equal; input
   columns, drop-down lists and links are still there, in order, with the
   new ones after them; every input row keeps its attributes (spans may
   widen); every input cell is equal, or has a style appended to the
   styles part (a status fill, a month code), or lies in a computed range
   (_ragbook_computed_N); new cells lie in computed ranges or are blank
   cells the input had;
 - the styles part keeps every input font, fill, border, format and cell
   format in place (appended ones after), each count equal to its
   children; the workbook part keeps the input's sheets and names;
 - `ragbook cells` of the output equals the input's on every cell that
   was not changed; convert prints one line, what it wrote (no loss
   warning);
 - openpyxl loads the output; converting the output again (under the same
   file name, as the Summary names its source) gives the same bytes;
 - charts, images, comments, pivot tables and macros: counted before and
   after (the input's are all there, byte for byte).

Env: RAGBOOK, RAG_SHARED_DIR; RAG_CORPUS_EVERY=N checks one corpus file in
N (default 1: all of them).  Exit 0 passed, 1 failed, 77 skipped (no
fixtures, or no openpyxl and not CI).
"""
import glob
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from _skip import skip

try:
    import openpyxl
except ImportError:
    openpyxl = None

RAGBOOK = os.path.abspath(os.environ.get("RAGBOOK", "ragbook")) \
    if os.sep in os.environ.get("RAGBOOK", "") else \
    os.environ.get("RAGBOOK", "ragbook")
SHARED = os.environ.get("RAG_SHARED_DIR", "../shared")
AS_OF = "2024-01-31"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
KINDS = {  # part families counted before and after
    "charts": "xl/charts/chart", "drawings": "xl/drawings/drawing",
    "images": "xl/media/", "comments": "xl/comments",
    "pivot tables": "xl/pivotTables/", "macros": "xl/vbaProject.bin",
    "tables": "xl/tables/"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def norm(name):
    return name.replace("\\", "/").lstrip("/").lower()


def raw_bytes(path, info):
    """The compressed bytes of a zip entry, as stored."""
    with open(path, "rb") as f:
        f.seek(info.header_offset + 26)
        n, m = int.from_bytes(f.read(2), "little"), \
            int.from_bytes(f.read(2), "little")
        f.seek(info.header_offset + 30 + n + m)
        return f.read(info.compress_size)


def same_tree(a, b):
    if local(a.tag) != local(b.tag) or a.attrib != b.attrib or \
            (a.text or "").strip() != (b.text or "").strip() or \
            len(a) != len(b):
        return False
    return all(same_tree(x, y) for x, y in zip(a, b))


def col_num(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def ref_rc(ref):
    ref = ref.replace("$", "")
    i = 0
    while i < len(ref) and ref[i].isalpha():
        i += 1
    return int(ref[i:]), col_num(ref[:i].upper())


def in_ranges(rc, ranges):
    return any(r0 <= rc[0] <= r1 and c0 <= rc[1] <= c1
               for r0, c0, r1, c1 in ranges)


def computed_ranges(wb_xml):
    """_ragbook_computed_N ranges by sheet position."""
    out = {}
    root = ET.fromstring(wb_xml)
    for d in root.iter():
        if local(d.tag) != "definedName" or \
                not (d.get("name") or "").startswith("_ragbook_computed_"):
            continue
        body = (d.text or "").rsplit("!", 1)[-1].replace("$", "")
        a, _, b = body.partition(":")
        (r0, c0), (r1, c1) = ref_rc(a), ref_rc(b or a)
        out.setdefault(int(d.get("localSheetId", "-1")), []).append(
            (r0, c0, r1, c1))
    return out


def sheet_parts(path):
    """Worksheet part names (lower-cased) in tab order, with sheet names."""
    z = zipfile.ZipFile(path)
    names = {norm(n): n for n in z.namelist()}
    wb = ET.fromstring(z.read(names["xl/workbook.xml"]))
    rels = ET.fromstring(z.read(names["xl/_rels/workbook.xml.rels"]))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = []
    for s in wb.iter():
        if local(s.tag) != "sheet":
            continue
        rid = [v for k, v in s.attrib.items() if local(k) == "id"]
        t = target.get(rid[0]) if rid else None
        if t:
            t = norm(t if t.startswith("/") else "xl/" + t)
        out.append((s.get("name"), t))
    return out


def check_sheet(name, a, b, nxf, computed, problems):
    ra, rb = ET.fromstring(a), ET.fromstring(b)
    skip = {"sheetData", "dimension", "cols", "dataValidations", "hyperlinks"}
    ka = [c for c in ra if local(c.tag) not in skip]
    kb = [c for c in rb if local(c.tag) not in skip]
    if len(ka) != len(kb) or not all(same_tree(x, y) for x, y in zip(ka, kb)):
        problems.append(f"{name}: elements outside the cells changed")
    for what in ("cols", "dataValidations", "hyperlinks"):
        ea = [c for c in ra if local(c.tag) == what]
        eb = [c for c in rb if local(c.tag) == what]
        if ea and not eb:
            problems.append(f"{name}: {what} lost")
            continue
        if ea:
            kids_a, kids_b = list(ea[0]), list(eb[0])
            if what == "cols":
                ok = all(any(same_tree(x, y) for y in kids_b) for x in kids_a)
            else:
                ok = len(kids_b) >= len(kids_a) and all(
                    same_tree(x, y) for x, y in zip(kids_a, kids_b))
            if not ok:
                problems.append(f"{name}: input {what} changed")
    da = [c for c in ra if local(c.tag) == "sheetData"]
    db = [c for c in rb if local(c.tag) == "sheetData"]
    changed = set()
    if not da:
        return changed
    rows_b = {}
    for row in db[0]:
        rows_b[row.get("r")] = row
    for row in da[0]:
        ob = rows_b.get(row.get("r"))
        if ob is None:
            problems.append(f"{name}: row {row.get('r')} lost")
            continue
        at_a = {k: v for k, v in row.attrib.items() if k != "spans"}
        at_b = {k: v for k, v in ob.attrib.items() if k != "spans"}
        if at_a != at_b:
            problems.append(f"{name}: row {row.get('r')} attributes changed")
        cells_b = {c.get("r"): c for c in ob}
        seen = set()
        for c in row:
            r = c.get("r")
            seen.add(r)
            cb = cells_b.get(r)
            rc = ref_rc(r) if r else None
            if cb is None:
                if not (rc and in_ranges(rc, computed)):
                    problems.append(f"{name}!{r}: cell lost")
                continue
            if same_tree(c, cb):
                continue
            changed.add(r)
            if not (int(cb.get("s", "0")) >= nxf or
                    (rc and in_ranges(rc, computed))):
                problems.append(f"{name}!{r}: changed without a new style")
        for r, cb in cells_b.items():
            if r not in seen:
                changed.add(r)
                if not in_ranges(ref_rc(r), computed):
                    problems.append(f"{name}!{r}: new cell outside the "
                                    "computed ranges")
    return changed


def check_styles(a, b, problems):
    ra, rb = ET.fromstring(a), ET.fromstring(b)
    lists_b = {local(c.tag): c for c in rb}
    for la in ra:
        tag = local(la.tag)
        lb = lists_b.get(tag)
        if lb is None:
            problems.append(f"styles: {tag} lost")
            continue
        if tag in ("numFmts", "fonts", "fills", "borders", "cellXfs",
                   "cellStyleXfs", "dxfs"):
            if len(lb) < len(la) or not all(
                    same_tree(x, y) for x, y in zip(la, lb)):
                problems.append(f"styles: input {tag} renumbered or changed")
            # a count the input had wrong is left as it was
            if lb.get("count") is not None and \
                    int(lb.get("count")) != len(lb) and \
                    (la.get("count") is None or
                     int(la.get("count")) == len(la) or len(lb) != len(la)):
                problems.append(f"styles: {tag} count {lb.get('count')} "
                                f"!= {len(lb)}")
        elif not same_tree(la, lb):
            problems.append(f"styles: {tag} changed")
    xfs = [c for c in ra if local(c.tag) == "cellXfs"]
    return len(xfs[0]) if xfs else 0


def cells_by_sheet(path):
    r = subprocess.run([RAGBOOK, "cells", path], capture_output=True)
    if r.returncode != 0:
        return None
    data = json.loads(r.stdout)
    return {s["name"]: {c["ref"]: c for c in s.get("cells", [])}
            for s in data["sheets"]}


def count_kinds(names):
    return {k: sum(1 for n in names if norm(n).startswith(p.lower()))
            for k, p in KINDS.items()}


def check_one(src):
    """Problems found converting src; (problems, counts_in, counts_out)."""
    problems = []
    base = os.path.basename(src)
    tmp = tempfile.mkdtemp(prefix="rb-inplace-")
    try:
        d1, d2, d3 = (os.path.join(tmp, x) for x in ("in", "out", "again"))
        for d in (d1, d2, d3):
            os.mkdir(d)
        shutil.copy(src, os.path.join(d1, base))
        r = subprocess.run([RAGBOOK, "convert", base, "-o",
                            os.path.join(d2, base), "--as-of", AS_OF],
                           cwd=d1, capture_output=True, text=True)
        if r.returncode != 0:
            reads = subprocess.run([RAGBOOK, "cells", src],
                                   capture_output=True).returncode == 0
            if reads:
                problems.append(f"convert failed: {r.stderr.strip()}")
            return problems, None, None
        # one line saying what it wrote, nothing else
        said = r.stderr.splitlines()
        if len(said) != 1 or not said[0].startswith(
                "ragbook convert: wrote %s: " % os.path.join(d2, base)):
            problems.append(f"convert printed: {r.stderr.strip()[:200]}")
        out = os.path.join(d2, base)
        za, zb = zipfile.ZipFile(src), zipfile.ZipFile(out)
        try:
            damaged = za.testzip() is not None
        except Exception:  # noqa: BLE001 - a damaged input
            damaged = True
        if damaged:
            # the input's own checksums are wrong: its entries are copied
            # as they are (so are their errors); nothing to compare
            return problems, None, None
        ia = {norm(i.filename): i for i in za.infolist()}
        ib = {norm(i.filename): i for i in zb.infolist()}
        if norm(zb.infolist()[0].filename) != "[content_types].xml":
            problems.append("[Content_Types].xml is not the first entry")
        if "xl/workbook.xml" not in ia:
            # a package with its parts elsewhere (calamine's
            # minimal_package): only the entries are compared
            for n, info in ia.items():
                if n not in ib or za.read(info) != zb.read(ib[n]):
                    if n not in ("[content_types].xml", "workbook.xml",
                                 "_rels/workbook.xml.rels", "styles.xml",
                                 "sheet1.xml"):
                        problems.append(f"{n} changed or lost")
            return problems, count_kinds(za.namelist()), \
                count_kinds(zb.namelist())
        sheets_a = sheet_parts(src)
        sheets_b = sheet_parts(out)
        ws_parts = {p for _, p in sheets_a if p}
        documented = {"[content_types].xml", "xl/workbook.xml",
                      "xl/_rels/workbook.xml.rels", "xl/styles.xml"}
        nxf = 0
        if "xl/styles.xml" in ia and "xl/styles.xml" in ib:
            nxf = check_styles(za.read(ia["xl/styles.xml"]),
                               zb.read(ib["xl/styles.xml"]), problems)
        computed_b = computed_ranges(zb.read(ib["xl/workbook.xml"]))
        pos_b = {n: i for i, (n, _) in enumerate(sheets_b)}
        patched = {}
        for n, info in ia.items():
            if n not in ib:
                if n != "xl/calcchain.xml":
                    problems.append(f"{n} lost")
                continue
            x, y = za.read(info), zb.read(ib[n])
            if n in documented:
                continue
            if n in ws_parts:
                if x != y:
                    patched[n] = (x, y)
                elif raw_bytes(src, info) != raw_bytes(out, ib[n]):
                    problems.append(f"{n}: untouched but recompressed")
                continue
            if x != y:
                problems.append(f"{n}: changed")
            elif raw_bytes(src, info) != raw_bytes(out, ib[n]) or \
                    info.CRC != ib[n].CRC:
                problems.append(f"{n}: compressed bytes changed")
        changed = {}
        for name, part in sheets_a:
            if part in patched:
                comp = computed_b.get(pos_b.get(name, -1), [])
                changed[name] = check_sheet(name, *patched[part], nxf, comp,
                                            problems)
        ca, cb = cells_by_sheet(src), cells_by_sheet(out)
        if ca is not None and cb is not None:
            for sheet, cells in ca.items():
                other = cb.get(sheet, {})
                comp = computed_b.get(pos_b.get(sheet, -1), [])
                for ref, cell in cells.items():
                    if ref in changed.get(sheet, ()) or \
                            in_ranges(ref_rc(ref), comp):
                        continue
                    if other.get(ref) != cell:
                        problems.append(f"cells: {sheet}!{ref} differs")
                        break
        if openpyxl is not None:
            oracle = os.path.join(SHARED, "corpus", "oracle", base + ".json")
            readable = True
            if os.path.exists(oracle):
                with open(oracle) as f:
                    readable = "error" not in json.load(f)
            # openpyxl reads no sheet of a Strict OOXML workbook (it loads
            # one with none), and then stumbles on any name local to a
            # sheet, such as the Issues sheet's filter: not ours to test
            if b'conformance="strict"' in zb.read(ib["xl/workbook.xml"]):
                readable = False
            # a sheet openpyxl drops from the input ("invalid
            # specification": no relationship) shifts its count of the
            # sheets, and names local to a later one then fail
            if readable:
                import warnings
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    try:
                        openpyxl.load_workbook(src)
                    except Exception:  # noqa: BLE001
                        pass
                if any("invalid specification" in str(w.message)
                       for w in caught):
                    readable = False
            if readable:
                try:
                    openpyxl.load_workbook(out)
                except Exception as e:  # noqa: BLE001 - any failure counts
                    problems.append(f"openpyxl cannot load it: {e}"[:200])
        r = subprocess.run([RAGBOOK, "convert", base, "-o",
                            os.path.join(d3, base), "--as-of", AS_OF],
                           cwd=d2, capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"converting again failed: {r.stderr.strip()}")
        else:
            with open(out, "rb") as f1, open(os.path.join(d3, base),
                                              "rb") as f2:
                if f1.read() != f2.read():
                    problems.append("converting again changed the bytes")
        return problems, count_kinds(za.namelist()), \
            count_kinds(zb.namelist())
    except Exception as e:  # noqa: BLE001 - report, do not stop the run
        problems.append(f"check crashed: {type(e).__name__}: {e}"[:200])
        return problems, None, None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def work(src):
    return src, check_one(src)


def main():
    fixtures = sorted(glob.glob(os.path.join(SHARED, "fixtures", "*.xlsx")))
    if not fixtures:
        skip("no fixtures under RAG_SHARED_DIR")
    if openpyxl is None:
        skip("no openpyxl")
    every = int(os.environ.get("RAG_CORPUS_EVERY", "1"))
    corpus = sorted(glob.glob(os.path.join(SHARED, "corpus", "files", "*")))
    files = fixtures + corpus[::every]
    failed, total_in, total_out, done = 0, {}, {}, 0
    with multiprocessing.Pool(2) as pool:
        for src, (problems, cin, cout) in pool.imap(work, files):
            if problems:
                failed += 1
                print(f"FAIL {os.path.basename(src)}:")
                for p in problems[:8]:
                    print("   ", p)
            if cin is not None:
                done += 1
                for k in KINDS:
                    total_in[k] = total_in.get(k, 0) + cin[k]
                    total_out[k] = total_out.get(k, 0) + cout[k]
    print(f"{len(files)} workbooks, {done} converted and checked, "
          f"{failed} with problems")
    for k in KINDS:
        print(f"  {k}: {total_in.get(k, 0)} in the inputs, "
              f"{total_out.get(k, 0)} in the outputs")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
