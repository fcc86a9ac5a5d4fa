#!/usr/bin/env python3
"""ragbook copy, round trip: copy every fixture and every corpus file that
ragbook can read, read the copy back and compare it with the original,
twice over:

  1. with ragbook's own reader (`ragbook cells`): sheets in order, merged
     ranges, and per cell the value, type, formula, fill, bold and number
     format;
  2. with python3-openpyxl, an independent reader, the original and the
     copy read the same way (so a fault shared by ragbook's reader and
     writer cannot hide): value or formula, solid fill colour, bold,
     number format, merged ranges.

Every difference must fall into one of the EXPLAINED kinds below, and at
least 99.5% of the cells must be identical in each comparison; the figures
are printed.  A sample of the files is also copied in streaming
(constant-memory) mode and compared with ragbook's reader.  Every copy
must be written (exit 0) and read back.

Environment: RAGBOOK (the CLI), RAG_SHARED_DIR (fixtures/ and
corpus/files/).  Exit 77 (skip) when the shared folder or openpyxl is
missing.  Options: --only SUBSTR, --jobs N, --verbose N (examples shown
per kind), --no-openpyxl, --no-streaming.

Runtime: about two minutes for the 1,233 corpus files on two cores.
"""
import argparse
import collections
import concurrent.futures as cf
import datetime
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from _skip import skip

# ctest runs this with a python3 that has openpyxl (tests/CMakeLists.txt).
try:
    import openpyxl  # noqa: F401
    HAVE_OPENPYXL = True
except ImportError:
    HAVE_OPENPYXL = False  # ctest runs a python3 that has it

# Every kind of difference the copy is known to make, and why.  A
# difference of any other kind fails the test.
EXPLAINED = {
    "external-formula":
        "a formula that refers to another workbook ([1]Sheet1!A1) is copied "
        "as its cached value: the external link parts are not copied, and "
        "Excel would refuse the formula without them",
    "table-formula":
        "a formula that names a table (Table1[Col]) is copied as its value "
        "when the tables cannot be written again: in streaming mode "
        "(libxlsxwriter has no tables in constant_memory mode), or when "
        "libxlsxwriter 1.1.4 refuses a table name (one starting with a "
        "backslash)",
    "duration-1904":
        "a duration ([h]:mm) in a 1904-system workbook keeps its serial, so "
        "Excel shows the same time; dates move to the 1900 system, and a "
        "reader printing the duration as a date prints it against the new "
        "epoch",
    "empty-format":
        "an empty number format code is General (libxlsxwriter cannot write "
        "an empty code)",
    "no-sheets":
        "a workbook with no worksheets gets an empty Sheet1 (an XLSX needs "
        "one; libxlsxwriter adds it)",
    "one-cell-merge":
        "a merged range of one cell merges nothing; Excel writes none and "
        "libxlsxwriter refuses it",
    # openpyxl reading the original differently (the copy is plain OOXML):
    "openpyxl-unread-original":
        "openpyxl reads nothing where ragbook's reader reads a value in the "
        "original (Strict OOXML sheets, an Excel 2007 beta namespace, a zip "
        "with two entries of one name); the copy, plain OOXML, reads the "
        "same in both",
    "openpyxl-empty-inline":
        "a cell typed as an inline string with no text: ragbook's reader "
        "reads an empty string, which the copy keeps; openpyxl reads the "
        "original's as no value",
    "openpyxl-escape":
        "openpyxl leaves an _x000d_ escape undecoded; ragbook's reader "
        "decodes it and libxlsxwriter writes it again as _x000D_",
    "openpyxl-shared-formula":
        "openpyxl's Translator re-spaces a shared formula it expands "
        "(\"C4,  $E4\" becomes \"C5, $E5\"); the copy writes each formula "
        "as ragbook translated it, spaces kept",
    "openpyxl-1904-zero":
        "day 0 of the 1904 system (1904-01-01) reads in openpyxl as a time "
        "of day; the copy holds the same day as 1462 in the 1900 system",
    "openpyxl-iso-date":
        "a cell stored as an ISO date (t=\"d\") reads in openpyxl as a "
        "date; the copy stores the day's serial number, a datetime",
}

EXTERNAL_RE = re.compile(r"\[\d|\['|'[^']*\[")


def external_ref(formula):
    return bool(formula) and bool(EXTERNAL_RE.search(formula))


def structured_ref(formula):
    return bool(formula) and "[" in formula and not external_ref(formula)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def ragbook_cells(ragbook, path):
    r = run([ragbook, "cells", path])
    if r.returncode != 0:
        return None, r.stderr.strip()
    try:
        return json.loads(r.stdout), None
    except ValueError as e:
        return None, "cells printed bad JSON: %s" % e


# ---- ragbook's reader ------------------------------------------------------

def classify_cells(a, b, date1904):
    """The kind of one cell difference (a: original, b: copy; either may
    be None when the cell is not listed)."""
    if a is not None and a.get("formula") and (b is None or not b.get("formula")):
        a2 = {k: v for k, v in a.items() if k != "formula"}
        if b is None and a.get("type") == "blank":
            b2 = None
        else:
            b2 = b
        if b2 is None or a2 == b2:
            if external_ref(a["formula"]):
                return "external-formula"
            if structured_ref(a["formula"]):
                return "table-formula"
    if (a is not None and b is not None and date1904 and
            a.get("type") == "date" and b.get("type") == "date" and
            re.search(r"\[[hms]+\]", a.get("format", ""), re.I) and
            {k: v for k, v in a.items() if k != "value"} ==
            {k: v for k, v in b.items() if k != "value"}):
        return "duration-1904"
    if (a is not None and b is not None and a.get("format") == "" and
            "format" not in b and
            {k: v for k, v in a.items() if k != "format"} == b):
        return "empty-format"
    return None


def compare_ragbook(orig, copy, date1904):
    """Returns (cells, identical, [(kind, where, a, b)])."""
    diffs = []
    names_a = [s["name"] for s in orig["sheets"]]
    names_b = [s["name"] for s in copy["sheets"]]
    if names_a != names_b:
        kind = "no-sheets" if not names_a and names_b == ["Sheet1"] else None
        diffs.append((kind, "sheets", names_a, names_b))
    total = same = 0
    for sa, sb in zip(orig["sheets"], copy["sheets"]):
        ma, mb = set(sa["merged"]), set(sb["merged"])
        for m in sorted(ma - mb):
            kind = "one-cell-merge" if ":" not in m else None
            diffs.append((kind, sa["name"] + "!" + m, "merged", None))
        for m in sorted(mb - ma):
            diffs.append((None, sb["name"] + "!" + m, None, "merged"))
        ca = {c["ref"]: c for c in sa["cells"]}
        cb = {c["ref"]: c for c in sb["cells"]}
        for ref, c in ca.items():
            total += 1
            d = cb.get(ref)
            if c == d:
                same += 1
            else:
                diffs.append((classify_cells(c, d, date1904),
                              sa["name"] + "!" + ref, c, d))
        for ref, d in cb.items():
            if ref not in ca:
                diffs.append((classify_cells(None, d, date1904),
                              sb["name"] + "!" + ref, None, d))
    return total, same, diffs


# ---- openpyxl --------------------------------------------------------------

THEME_DEFAULT = [0x000000, 0xFFFFFF, 0x1F497D, 0xEEECE1, 0x4F81BD, 0xC0504D,
                 0x9BBB59, 0x8064A2, 0x4BACC6, 0xF79646, 0x0000FF, 0x800080]


def theme_colours(wb):
    """The workbook's theme colours in clrScheme order (dk1 lt1 dk2 lt2
    accent1..6 hlink folHlink)."""
    xml = getattr(wb, "loaded_theme", None)
    if not xml:
        return THEME_DEFAULT
    if isinstance(xml, bytes):
        xml = xml.decode("utf-8", "replace")
    m = re.search(r"<(?:\w+:)?clrScheme\b.*?</(?:\w+:)?clrScheme>", xml, re.S)
    if not m:
        return THEME_DEFAULT
    out = []
    for slot in ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3",
                 "accent4", "accent5", "accent6", "hlink", "folHlink"):
        s = re.search(r"<(?:\w+:)?%s>(.*?)</(?:\w+:)?%s>" % (slot, slot),
                      m.group(0), re.S)
        v = None
        if s:
            c = (re.search(r'srgbClr val="([0-9A-Fa-f]{6})"', s.group(1)) or
                 re.search(r'lastClr="([0-9A-Fa-f]{6})"', s.group(1)))
            if c:
                v = int(c.group(1), 16)
            elif "windowText" in s.group(1):
                v = 0x000000
            elif "window" in s.group(1):
                v = 0xFFFFFF
        out.append(v if v is not None else THEME_DEFAULT[len(out)])
    return out


def tint(rgb, t):
    """Tint on HLS lightness, as ragbook and Excel do."""
    import colorsys
    if not t:
        return rgb
    r, g, b = ((rgb >> 16) & 255) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    l = l * (1 + t) if t < 0 else l * (1 - t) + t
    r, g, b = colorsys.hls_to_rgb(h, l, s)

    def ch(v):
        return max(0, min(255, int(math.floor(v * 255 + 0.5))))
    return ch(r) << 16 | ch(g) << 8 | ch(b)


def fill_rgb(cell, theme, indexed):
    f = cell.fill
    if getattr(f, "fill_type", None) != "solid":
        return None
    c = f.fgColor
    rgb = None
    if c is None:
        return None
    if c.type == "rgb" and isinstance(c.rgb, str) and len(c.rgb) >= 6:
        rgb = int(c.rgb[-6:], 16)
    elif c.type == "theme" and c.theme is not None:
        n = [1, 0, 3, 2][c.theme] if c.theme < 4 else c.theme
        rgb = theme[n] if n < len(theme) else None
    elif c.type == "indexed" and c.indexed is not None:
        if c.indexed < len(indexed) and c.indexed < 64 and indexed[c.indexed]:
            rgb = int(indexed[c.indexed][-6:], 16)
        elif c.indexed == 64:
            rgb = 0x000000
    if rgb is None:
        return None
    return "%06X" % tint(rgb, c.tint or 0)


def opx_value(cell):
    v = cell.value
    if v is None:
        return None
    if cell.data_type == "f" or (isinstance(v, str) and v.startswith("=")
                                 and cell.data_type == "f"):
        return ("formula", str(v))
    if type(v).__name__ == "ArrayFormula":
        return ("array", v.ref, v.text)
    if cell.data_type == "e":
        return ("error", str(v))
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, (int, float)):
        return ("number", float(v))
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return ("date", v.isoformat())
    if isinstance(v, datetime.timedelta):
        return ("duration", v.total_seconds())
    return ("string", str(v))


def opx_grid(path):
    import openpyxl
    from openpyxl.styles.colors import COLOR_INDEX
    wb = openpyxl.load_workbook(path)
    theme = theme_colours(wb)
    # a workbook's own palette (<indexedColors>) replaces the legacy one
    indexed = list(getattr(wb, "_colors", None) or COLOR_INDEX)
    sheets = []
    for ws in wb.worksheets:
        cells = {}
        # ws._cells holds the cells present in the file (iter_rows() would
        # walk the whole grid up to a far cell such as XFD1048576).
        for (r, c), cell in ws._cells.items():
            v = opx_value(cell)
            fill = fill_rgb(cell, theme, indexed)
            if v is None and fill is None:
                continue
            fmt = (cell.number_format
                   if v and v[0] in ("number", "date", "duration") else None)
            cells[cell.coordinate] = (v, fill, bool(cell.font and cell.font.b),
                                      fmt)
        merged = sorted(str(m) for m in ws.merged_cells.ranges)
        sheets.append((ws.title, merged, cells))
    return {"date1904": bool(getattr(wb, "epoch", None) and
                             wb.epoch.year == 1904),
            "sheets": sheets}


def unescape(s):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)),
                  s)


def classify_opx(a, b, date1904, rb_orig):
    """rb_orig: the original's cell as ragbook's reader read it, or None."""
    av = a[0] if a else None
    bv = b[0] if b else None
    if (av is None and bv == ("string", "") and rb_orig is not None and
            rb_orig.get("type") == "string" and rb_orig.get("value") == ""):
        return "openpyxl-empty-inline"
    if a is None and rb_orig is not None and bv:
        return "openpyxl-unread-original"
    if (av and bv and av[0] == bv[0] == "string" and a[1:] == b[1:] and
            unescape(av[1]) == unescape(bv[1])):
        return "openpyxl-escape"
    if (av and bv and av[0] == bv[0] == "formula" and a[1:] == b[1:] and
            re.sub(r"\s", "", av[1]) == re.sub(r"\s", "", bv[1])):
        return "openpyxl-shared-formula"
    if (av and bv and date1904 and av == ("date", "00:00:00") and
            bv == ("date", "1904-01-01T00:00:00") and a[1:] == b[1:]):
        return "openpyxl-1904-zero"
    if (av and bv and av[0] == bv[0] == "date" and a[1:] == b[1:] and
            bv[1] == av[1] + "T00:00:00"):
        return "openpyxl-iso-date"
    if av and av[0] in ("formula", "array"):
        text = av[1] if av[0] == "formula" else av[2]
        # the number format shows only for numbers: compare fill and bold
        same_rest = (a[1:3] == b[1:3]) if b else True
        if (bv is None or bv[0] not in ("formula", "array")) and same_rest:
            if external_ref(text):
                return "external-formula"
            if structured_ref(text):
                return "table-formula"
    if (a and b and date1904 and av and bv and av[0] == bv[0] == "date" and
            a[3] and re.search(r"\[[hms]+\]", a[3], re.I) and a[1:] == b[1:]):
        return "duration-1904"
    if a and b and a[3] == "" and b[3] == "General" and a[:3] == b[:3]:
        return "empty-format"
    return None


def compare_opx(ga, gb, rb):
    """rb: the original as ragbook's reader read it (`cells` JSON)."""
    diffs = []
    rb_cells = {(s["name"], c["ref"]): c for s in rb["sheets"]
                for c in s["cells"]}
    rb_names = [s["name"] for s in rb["sheets"]]
    names_a = [s[0] for s in ga["sheets"]]
    names_b = [s[0] for s in gb["sheets"]]
    if names_a != names_b:
        if not names_a and names_b == ["Sheet1"] and not rb_names:
            kind = "no-sheets"
        elif not names_a and names_b == rb_names:
            kind = "openpyxl-unread-original"
            # the sheets openpyxl could not read: compare nothing in them
            ga = dict(ga, sheets=[(n, [], {}) for n in names_b])
        else:
            kind = None
        diffs.append((kind, "sheets", names_a, names_b))
    total = same = 0
    for (na, ma, ca), (nb, mb, cb) in zip(ga["sheets"], gb["sheets"]):
        for m in sorted(set(ma) - set(mb)):
            diffs.append(("one-cell-merge" if ":" not in m else None,
                          na + "!" + m, "merged", None))
        for m in sorted(set(mb) - set(ma)):
            diffs.append((None, nb + "!" + m, None, "merged"))
        for ref, a in ca.items():
            total += 1
            b = cb.get(ref)
            if a == b:
                same += 1
            else:
                diffs.append((classify_opx(a, b, ga["date1904"],
                                           rb_cells.get((na, ref))),
                              na + "!" + ref, a, b))
        for ref, b in cb.items():
            if ref not in ca:
                diffs.append((classify_opx(None, b, ga["date1904"],
                                           rb_cells.get((nb, ref))),
                              nb + "!" + ref, None, b))
    return total, same, diffs


# ---- one file --------------------------------------------------------------

def one_file(job):
    path, work, ragbook, use_opx, streaming = job
    res = {"file": os.path.basename(path), "status": "ok", "rb": None,
           "opx": None, "stream": None, "warnings": []}
    orig, why = ragbook_cells(ragbook, path)
    if orig is None:
        res["status"] = "unreadable"
        res["why"] = why
        return res
    out = os.path.join(work, os.path.basename(path) + ".copy.xlsx")
    r = run([ragbook, "copy", path, out])
    if r.returncode != 0 or not os.path.exists(out):
        res["status"] = "copy-failed"
        res["why"] = "exit %d: %s" % (r.returncode, r.stderr.strip())
        return res
    res["warnings"] = [l for l in r.stderr.splitlines() if "warning:" in l]
    bad = [l for l in r.stderr.splitlines() if "warning:" not in l]
    if bad:
        res["status"] = "copy-noise"
        res["why"] = "\n".join(bad)
        return res
    copy, why = ragbook_cells(ragbook, out)
    if copy is None:
        res["status"] = "copy-unreadable"
        res["why"] = why
        return res
    date1904 = is_1904(path)
    if use_opx:
        warnings.filterwarnings("ignore")
        try:
            ga = opx_grid(path)
        except Exception:  # openpyxl cannot read the original
            ga = None
        if ga is not None:
            try:
                gb = opx_grid(out)
                res["opx"] = compare_opx(ga, gb, orig)
            except Exception as e:
                res["status"] = "copy-opx-unreadable"
                res["why"] = "openpyxl: %s: %s" % (type(e).__name__, e)
                return res
    res["rb"] = compare_ragbook(orig, copy, date1904)
    if streaming:
        sout = out + ".stream.xlsx"
        r = run([ragbook, "copy", "--streaming", path, sout])
        scopy = None
        if r.returncode == 0:
            scopy, why = ragbook_cells(ragbook, sout)
        if scopy is None:
            res["status"] = "stream-failed"
            res["why"] = r.stderr.strip() or why
            return res
        res["stream"] = compare_ragbook(orig, scopy, date1904)
        os.unlink(sout)
    os.unlink(out)
    return res


def is_1904(path):
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.endswith("workbook.xml"):
                    return bool(re.search(rb'date1904="(1|true)"', z.read(n)))
    except Exception:
        pass
    return False


def init_worker():
    warnings.filterwarnings("ignore")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", type=int, default=3)
    ap.add_argument("--no-openpyxl", action="store_true")
    ap.add_argument("--no-streaming", action="store_true")
    ap.add_argument("--min", type=float, default=0.995)
    args = ap.parse_args()

    ragbook = os.environ.get("RAGBOOK")
    shared = os.environ.get("RAG_SHARED_DIR")
    if not ragbook or not os.path.exists(ragbook):
        print("RAGBOOK is not set to the ragbook CLI")
        return 2
    if not shared or not os.path.isdir(os.path.join(shared, "fixtures")):
        skip("no shared folder (RAG_SHARED_DIR)")
    use_opx = not args.no_openpyxl
    if use_opx and not HAVE_OPENPYXL:
        skip("python3-openpyxl is not installed")

    files = sorted(os.path.join(shared, "fixtures", f)
                   for f in os.listdir(os.path.join(shared, "fixtures"))
                   if f.endswith(".xlsx"))
    nfix = len(files)
    corpus = os.path.join(shared, "corpus", "files")
    if os.path.isdir(corpus):
        files += sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
    if args.only:
        files = [f for f in files if args.only in os.path.basename(f)]
    work = tempfile.mkdtemp(prefix="ragbook-copy-test-")
    # Streaming mode for the fixtures and every 8th corpus file.
    jobs = [(f, work, ragbook, use_opx,
             not args.no_streaming and (i < nfix or i % 8 == 0))
            for i, f in enumerate(files)]
    try:
        with cf.ProcessPoolExecutor(args.jobs, initializer=init_worker) as ex:
            results = list(ex.map(one_file, jobs, chunksize=4))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    failed = False
    status = collections.Counter(r["status"] for r in results)
    print("files: %d (%s)" % (len(results), ", ".join(
        "%s %d" % kv for kv in sorted(status.items()))))
    for r in results:
        if r["status"] not in ("ok", "unreadable"):
            failed = True
            print("FAIL %s: %s: %s" % (r["file"], r["status"], r.get("why")))
    warn = collections.Counter(w.split("warning: ", 1)[1]
                               for r in results for w in r["warnings"])
    print("warnings (files): " + "; ".join("%s (%d)" % kv
                                          for kv in warn.most_common()))

    for key, title in (("rb", "ragbook cells, original vs copy"),
                       ("opx", "openpyxl, original vs copy"),
                       ("stream", "ragbook cells, streaming copies")):
        total = same = 0
        kinds = collections.Counter()
        examples = collections.defaultdict(list)
        files_by_kind = collections.defaultdict(set)
        for r in results:
            if not r.get(key):
                continue
            t, s, diffs = r[key]
            total += t
            same += s
            for kind, where, a, b in diffs:
                k = kind or "UNEXPLAINED"
                kinds[k] += 1
                files_by_kind[k].add(r["file"])
                examples[k].append((r["file"], where, a, b))
        if not total:
            continue
        share = same / total
        print("\n%s: %d of %d cells identical (%.4f%%)" %
              (title, same, total, 100 * share))
        for k, n in kinds.most_common():
            print("  %6d  %-22s in %d file(s): %s" %
                  (n, k, len(files_by_kind[k]),
                   EXPLAINED.get(k, "NOT EXPLAINED")))
            seen, shown = set(), []
            for e in examples[k]:  # one example per file first
                if e[0] not in seen:
                    seen.add(e[0])
                    shown.append(e)
            for e in shown[:args.verbose]:
                print("          %s %s: %r -> %r" % e)
        if share < args.min:
            print("FAIL: %s: under %.1f%% identical" % (title, 100 * args.min))
            failed = True
        if kinds.get("UNEXPLAINED"):
            print("FAIL: %s: %d differences not explained" %
                  (title, kinds["UNEXPLAINED"]))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
