#!/usr/bin/env python3
"""ragbook benchmark: times ragbook against the inflate floor and its peers
and prints one table per section.  Run through bench/run.sh, which installs
the tools and builds ragbook; the settings come from the environment:

  ROWS       rows of the big workbook                      (200000)
  N          runs of each command; the best wall time is kept  (3)
  PEER_N     runs of the (slow) Python peers                   (N)
  MANY       workbooks in the validate section               (1000)
  SECTIONS   which sections, comma-separated
             (cells,memory,copy,convert,validate)
  OLD_RAGBOOK  a ragbook whose convert re-writes through libxlsxwriter (the
             convert before issue 11), for the convert section; none: left
             out
  RAGBOOK    the ragbook binary          (build-bench/ragbook of this tree)
  PYTHON     a python3 that has openpyxl          (/usr/bin/python3)
  WORK       where workbooks are generated and cached      (bench/work)
  FIXTURES   the small workbooks copied for validate (../shared/fixtures)
"""
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def env_int(name, default):
    v = os.environ.get(name, "")
    return int(v) if v.strip() else default


ROWS = env_int("ROWS", 200000)
N = max(env_int("N", 3), 1)
PEER_N = max(env_int("PEER_N", N), 1)
MANY = env_int("MANY", 1000)
SECTIONS = [s.strip() for s in
            os.environ.get("SECTIONS",
                           "cells,memory,copy,convert,validate").split(",")
            if s.strip()]
RAGBOOK = os.environ.get("RAGBOOK") or os.path.join(TOP, "build-bench", "ragbook")
PYTHON = os.environ.get("PYTHON") or "/usr/bin/python3"
WORK = os.environ.get("WORK") or os.path.join(HERE, "work")
FIXTURES = os.environ.get("FIXTURES") or os.path.join(
    os.path.dirname(TOP), "shared", "fixtures")
OLD_RAGBOOK = os.environ.get("OLD_RAGBOOK", "")
TIME = "/usr/bin/time"


def say(*a):
    print(*a, flush=True)


def mb(n_bytes):
    return n_bytes / 1e6


# ---------------------------------------------------------------- running

class Result:
    def __init__(self, name, cmd):
        self.name = name
        self.cmd = cmd
        self.walls = []
        self.cpus = []
        self.rss_kb = 0
        self.rc = 0
        self.err = ""

    @property
    def ok(self):
        return bool(self.walls)

    @property
    def best(self):
        return min(self.walls) if self.walls else float("nan")

    @property
    def cpu(self):
        return min(self.cpus) if self.cpus else float("nan")

    @property
    def rss_mb(self):
        return self.rss_kb / 1024


def run(name, cmd, runs, ok_codes=(0,), stdout=None):
    """Run cmd `runs` times under /usr/bin/time; keep the best wall time and
    the highest peak RSS.  stdout goes to /dev/null unless a path is given."""
    res = Result(name, cmd)
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            out = open(stdout, "wb") if stdout else subprocess.DEVNULL
            try:
                t0 = time.perf_counter()
                p = subprocess.run([TIME, "-f", "%M %U %S", "-o", tf.name] + cmd,
                                   stdout=out, stderr=subprocess.PIPE)
                wall = time.perf_counter() - t0
            finally:
                if stdout:
                    out.close()
            res.rc = p.returncode
            res.err = p.stderr.decode("utf-8", "replace").strip()
            if p.returncode not in ok_codes:
                return res
            lines = [l for l in tf.read().splitlines() if l.strip()]
            try:
                rss, user, system = lines[-1].split()
                res.rss_kb = max(res.rss_kb, int(rss))
                res.cpus.append(float(user) + float(system))
            except (IndexError, ValueError):
                pass
            res.walls.append(wall)
    return res


def not_available(res):
    return res.rc == 2 and "not available" in res.err


def table(title, results, base, extra=None):
    """Print results: tool, best wall, ratio to base's wall, peak RSS."""
    say()
    say(title)
    extra = extra or {}
    head = (f"  {'tool':<46} {'wall s':>8} {'x ragbook':>10} {'cpu s':>7} "
            f"{'peak RSS MB':>12}")
    xh = "".join(f" {k:>14}" for k in next(iter(extra.values()), {}))
    say(head + xh)
    say("  " + "-" * (len(head) - 2 + len(xh)))
    for r in results:
        if not r.ok:
            why = r.err.splitlines()[-1] if r.err else f"exit {r.rc}"
            say(f"  {r.name:<46} failed (exit {r.rc}): {why[:70]}")
            continue
        ratio = r.best / base.best if base is not None and base.ok else float("nan")
        line = (f"  {r.name:<46} {r.best:>8.2f} {ratio:>9.2f}x {r.cpu:>7.2f} "
                f"{r.rss_mb:>12.1f}")
        for v in extra.get(r.name, {}).values():
            line += f" {v:>14}"
        say(line)


# ---------------------------------------------------------------- inputs

def tracker(rows, fixed=False):
    """The generated tracker of `rows` rows, cached in WORK.  fixed: refs
    repeat, so the shared-strings table does not grow with the rows."""
    path = os.path.join(WORK, f"tracker-{rows}{'-fixed' if fixed else ''}.xlsx")
    gen = os.path.join(HERE, "gen_tracker.py")
    if (not os.path.exists(path) or
            os.path.getmtime(path) < os.path.getmtime(gen)):
        t0 = time.perf_counter()
        subprocess.run([PYTHON, gen, path, str(rows)] +
                       (["--fixed-strings"] if fixed else []), check=True)
        say(f"  generated {os.path.basename(path)} in "
            f"{time.perf_counter() - t0:.1f} s")
    return path


def parts(path):
    """Inflated sizes of the sheet and the shared strings, unique strings."""
    with zipfile.ZipFile(path) as z:
        sheet = z.getinfo("xl/worksheets/sheet1.xml").file_size
        sst = z.getinfo("xl/sharedStrings.xml").file_size
        with z.open("xl/sharedStrings.xml") as f:
            m = re.search(rb'uniqueCount="(\d+)"', f.read(400))
    return sheet, sst, int(m.group(1)) if m else 0


def describe(path, rows):
    sheet, sst, uniq = parts(path)
    return (f"{os.path.relpath(path, TOP)}: {rows} rows x 20 columns, "
            f"{mb(os.path.getsize(path)):.1f} MB zipped; sheet XML "
            f"{mb(sheet):.1f} MB, sharedStrings {mb(sst):.1f} MB "
            f"({uniq} strings)")


def floor_expat():
    """Build bench/floor_expat.c into WORK (cc, pkg-config); None if it
    cannot be built."""
    src = os.path.join(HERE, "floor_expat.c")
    exe = os.path.join(WORK, "floor_expat")
    if os.path.exists(exe) and os.path.getmtime(exe) >= os.path.getmtime(src):
        return exe
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "minizip",
                                "expat", "zlib"], capture_output=True,
                               text=True, check=True).stdout.split()
        subprocess.run(["cc", "-O2", src, "-o", exe] + flags, check=True)
        return exe
    except (OSError, subprocess.CalledProcessError) as e:
        say(f"  (no expat floor: cannot build {src}: {e})")
        return None


# ---------------------------------------------------------------- sections

def section_cells(big):
    say()
    say(f"== cells: read the whole grid -- best of {N} (Python peers: best of {PEER_N})")
    say("   " + describe(big, ROWS))
    floor = run("floor: inflate only (unzip -p sheet+strings)",
                ["unzip", "-p", big, "xl/worksheets/sheet1.xml",
                 "xl/sharedStrings.xml"], N)
    exe = floor_expat()
    xfloor = run("floor 2: inflate + expat, empty handlers",
                 [exe, big, "xl/worksheets/sheet1.xml",
                  "xl/sharedStrings.xml"], N) if exe else None
    rj = run("ragbook cells (JSON)", [RAGBOOK, "cells", big], N)
    rc = run("ragbook cells --format csv",
             [RAGBOOK, "cells", big, "--format", "csv"], N)
    x2c = run("xlsx2csv", ["xlsx2csv", big], PEER_N)
    opx = run("openpyxl read-only (every cell value)",
              [PYTHON, os.path.join(HERE, "peers", "openpyxl_read.py"), big],
              PEER_N)
    peers = [x2c, opx] + other_peers(big)
    table(f"   'x ragbook' = wall time / ragbook cells --format csv wall time",
          [r for r in (floor, xfloor, rj, rc) + tuple(peers) if r], rc)
    section_speed_aims(floor, xfloor, rc, rj, peers)
    say()
    say("   targets (issue 2):")

    def target(label, a, b, goal=None, test=None):
        """a / b by wall time (the verdict) and by cpu time."""
        wall = a.best / b.best
        cpu = a.cpu / b.cpu if b.cpu > 0 else float("nan")
        verdict = "" if test is None else ("met" if test(wall) else "MISSED")
        say(f"     {label:<44} = {wall:6.2f}x  (cpu {cpu:5.2f}x)  "
            f"{goal or ''} {verdict}".rstrip())

    if floor.ok:
        for r in (rj, rc):
            if r.ok:
                target(f"{r.name} / inflate floor", r, floor,
                       "target <= 2x", lambda v: v <= 2)
    if opx.ok and rj.ok:
        target("openpyxl read-only / ragbook (JSON)", opx, rj,
               "target >= 10x", lambda v: v >= 10)
    say("   for reference:")
    if xfloor and xfloor.ok and floor.ok:
        target("expat floor / inflate floor", xfloor, floor,
               "(expat's own cost)")
    if xfloor and xfloor.ok and rj.ok:
        target("ragbook (JSON) / expat floor", rj, xfloor)
    if x2c.ok and rc.ok:
        target("xlsx2csv / ragbook cells --format csv", x2c, rc)
    return rj


def other_peers(big):
    """Gnumeric's ssconvert, python3-openpyxl in full mode, and the npm
    peers (exceljs's streaming reader, SheetJS), each reading every cell."""
    out = os.path.join(WORK, "ssconvert.csv")
    res = [run("ssconvert (Gnumeric) to CSV",
               ["ssconvert", "--export-type=Gnumeric_stf:stf_csv", big, out],
               PEER_N),
           run("openpyxl full mode (every cell value)",
               [PYTHON, os.path.join(HERE, "peers", "openpyxl_full.py"), big],
               PEER_N)]
    for name, script in (("exceljs streaming reader (npm)", "exceljs_read.js"),
                         ("SheetJS read + sheet_to_csv (npm)",
                          "sheetjs_read.js")):
        res.append(run(name, ["node", "--max-old-space-size=8192",
                              os.path.join(HERE, "peers", script), big],
                       PEER_N))
    if os.path.exists(out):
        os.remove(out)
    return res


def section_speed_aims(floor, xfloor, rc, rj, peers):
    """The aims of issue 17, from this run's figures."""
    say()
    say("   aims (issue 17), ragbook cells --format csv against this run:")

    def line(label, value, goal, met):
        say(f"     {label:<52} {value:>8}  {goal:<22} "
            f"{'met' if met else 'MISSED'}")

    if xfloor and xfloor.ok and rc.ok:
        line("wall / floor 2 (inflate + expat, one thread)",
             f"{rc.best / xfloor.best:.2f}x", "aim <= 1x", rc.best <= xfloor.best)
        line("cpu / floor 2", f"{rc.cpu / xfloor.cpu:.2f}x", "aim <= 1.5x",
             rc.cpu <= 1.5 * xfloor.cpu)
    ok_peers = [p for p in peers if p.ok]
    if ok_peers and rc.ok:
        fastest = min(ok_peers, key=lambda p: p.best)
        line(f"fastest peer ({fastest.name[:24]}) / ragbook",
             f"{fastest.best / rc.best:.2f}x", "aim >= 4x",
             fastest.best >= 4 * rc.best)
    if rc.ok:
        line("peak RSS of cells --format csv", f"{rc.rss_mb:.1f} MB",
             "aim < 20 MB (+strings)", rc.rss_mb < 20)


def section_memory(big):
    small_rows = max(ROWS // 4, 2)
    books = {(rows, fixed): big if rows == ROWS and not fixed
             else tracker(rows, fixed)
             for fixed in (False, True) for rows in (small_rows, ROWS)}
    say()
    say(f"== memory against rows: ragbook cells peak RSS -- best of {N}")
    say("   unique refs: every action has its own ref, so the strings table "
        "grows with the rows;")
    say("   fixed strings: refs repeat (R1..R2000), the strings table stays "
        "the same size")
    head = (f"  {'workbook':<15} {'rows':>8} {'sheet XML MB':>13} "
            f"{'strings MB':>11} {'strings':>8} {'JSON RSS MB':>12} "
            f"{'CSV RSS MB':>11} {'JSON wall s':>12} {'copy RSS MB':>12}")
    say(head)
    say("  " + "-" * (len(head) - 2))
    for label, fixed in (("unique refs", False), ("fixed strings", True)):
        seen = []
        for rows in (small_rows, ROWS):
            path = books[rows, fixed]
            sheet, sst, uniq = parts(path)
            rj = run("json", [RAGBOOK, "cells", path], N)
            rc = run("csv", [RAGBOOK, "cells", path, "--format", "csv"], N)
            out = os.path.join(WORK, "copy-memory.xlsx")
            cp = run("copy", [RAGBOOK, "copy", path, out], 1)
            if os.path.exists(out):
                os.remove(out)
            seen.append((rows, sst, rj, rc))
            say(f"  {label:<15} {rows:>8} {mb(sheet):>13.1f} {mb(sst):>11.1f} "
                f"{uniq:>8} {rj.rss_mb:>12.1f} {rc.rss_mb:>11.1f} "
                f"{rj.best:>12.2f} "
                f"{f'{cp.rss_mb:.1f}' if cp.ok else 'n/a':>12}")
        (r0, s0, j0, c0), (r1, s1, j1, c1) = seen
        if j0.ok and j1.ok and r1 > r0:
            say(f"  {'':<15} {r0} -> {r1} rows: JSON peak RSS "
                f"{round(j1.rss_mb - j0.rss_mb, 1) + 0.0:+.1f} MB, CSV "
                f"{round(c1.rss_mb - c0.rss_mb, 1) + 0.0:+.1f} MB (strings XML "
                f"{mb(s1 - s0):+.1f} MB)")


def section_copy(big):
    say()
    say(f"== copy (issue 3): re-write the big workbook -- best of {N} "
        f"(openpyxl: best of {PEER_N})")
    out_r = os.path.join(WORK, "copy-ragbook.xlsx")
    out_p = os.path.join(WORK, "copy-openpyxl.xlsx")
    for p in (out_r, out_p):
        if os.path.exists(p):
            os.remove(p)
    rb = run("ragbook copy", [RAGBOOK, "copy", big, out_r], N)
    if not_available(rb):
        say("copy: not available in this build")
        return
    py = run("openpyxl load_workbook + save",
             [PYTHON, os.path.join(HERE, "peers", "openpyxl_copy.py"), big, out_p],
             PEER_N)
    sizes = {}
    for r, p in ((rb, out_r), (py, out_p)):
        sizes[r.name] = {"out MB": f"{mb(os.path.getsize(p)):.1f}"
                         if os.path.exists(p) else "-"}
    say("   " + describe(big, ROWS))
    table("   'x ragbook' = wall time / ragbook copy wall time", [rb, py], rb, sizes)
    if rb.ok:
        same = csv_digest(big) == csv_digest(out_r)
        say(f"   check: ragbook cells --format csv of the copy "
            f"{'equals' if same else 'DIFFERS FROM'} that of the original")


def section_convert(big, small):
    """convert edits the input in place (issue 11): against the convert
    that re-wrote every sheet through libxlsxwriter, openpyxl's load and
    save, and `cells --format csv` (the aim: within 2x of it).  Memory
    against rows: the same on a tenth of the rows."""
    say()
    say(f"== convert (issue 11): edit the big workbook in place -- best of "
        f"{N} (openpyxl: best of {PEER_N})")
    outs = {k: os.path.join(WORK, f"convert-{k}.xlsx")
            for k in ("ragbook", "old", "openpyxl", "small")}
    for p in outs.values():
        if os.path.exists(p):
            os.remove(p)
    asof = ["--as-of", "2024-01-31"]
    rb = run("ragbook convert (in place)",
             [RAGBOOK, "convert", big, "-o", outs["ragbook"]] + asof, N)
    if not_available(rb):
        say("convert: not available in this build")
        return
    rows = [rb]
    if OLD_RAGBOOK and os.access(OLD_RAGBOOK, os.X_OK):
        rows.append(run("ragbook convert before (libxlsxwriter re-write)",
                        [OLD_RAGBOOK, "convert", big, "-o", outs["old"]] + asof,
                        N))
    rows.append(run("openpyxl load_workbook + save",
                    [PYTHON, os.path.join(HERE, "peers", "openpyxl_copy.py"),
                     big, outs["openpyxl"]], PEER_N))
    rows.append(run("ragbook cells --format csv (the aim: 2x)",
                    [RAGBOOK, "cells", big, "--format", "csv"], N))
    sm = run(f"ragbook convert, {ROWS // 10} rows",
             [RAGBOOK, "convert", small, "-o", outs["small"]] + asof, N)
    rows.append(sm)
    say("   " + describe(big, ROWS))
    table("   'x ragbook' = wall time / ragbook convert (in place) wall time",
          rows, rb)
    if rb.ok and sm.ok:
        say(f"   memory against rows: {sm.rss_mb:.0f} MB at {ROWS // 10} "
            f"rows, {rb.rss_mb:.0f} MB at {ROWS} rows (the model and the "
            "loaded grid grow with the rows; the editor's pass does not)")


def csv_digest(path):
    """sha256 of `ragbook cells PATH --format csv` (values of sheet 1)."""
    h = hashlib.sha256()
    with subprocess.Popen([RAGBOOK, "cells", path, "--format", "csv"],
                          stdout=subprocess.PIPE) as p:
        for chunk in iter(lambda: p.stdout.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest() if p.returncode == 0 else None


def section_validate():
    say()
    say(f"== validate (issue 5): {MANY} small workbooks -- best of {N} "
        f"(openpyxl: best of {PEER_N})")
    fixtures = sorted(glob.glob(os.path.join(FIXTURES, "*.xlsx")))
    if not fixtures:
        say(f"validate: no fixtures in {FIXTURES}; skipped")
        return
    probe = run("probe", [RAGBOOK, "validate", fixtures[0]], 1, ok_codes=(0, 1))
    if not_available(probe):
        say("validate: not available in this build")
        return
    many_dir = os.path.join(WORK, "many")
    want = [f"{i:04d}-{os.path.basename(fixtures[i % len(fixtures)])}"
            for i in range(MANY)]
    have = set(os.listdir(many_dir)) if os.path.isdir(many_dir) else set()
    stale = have != set(want) or any(
        os.path.getsize(os.path.join(many_dir, name)) !=
        os.path.getsize(fixtures[i % len(fixtures)])
        for i, name in enumerate(want))
    if stale:
        shutil.rmtree(many_dir, ignore_errors=True)
        os.makedirs(many_dir)
        for i, name in enumerate(want):
            shutil.copyfile(fixtures[i % len(fixtures)],
                            os.path.join(many_dir, name))
    files = [os.path.join(many_dir, n) for n in sorted(want)]
    total = sum(os.path.getsize(f) for f in files)
    say(f"   {len(files)} copies of the {len(fixtures)} workbooks in "
        f"{FIXTURES} ({mb(total):.1f} MB), {os.cpu_count()} cores")
    # exit 1 = findings of severity error: expected with these fixtures
    rd = run("ragbook validate --format json (default jobs)",
             [RAGBOOK, "validate", *files, "--format", "json"], N, ok_codes=(0, 1))
    r1 = run("ragbook validate --format json --jobs 1",
             [RAGBOOK, "validate", *files, "--format", "json", "--jobs", "1"], N,
             ok_codes=(0, 1))
    py = run("openpyxl: open + read every cell",
             [PYTHON, os.path.join(HERE, "peers", "openpyxl_many.py"), *files],
             PEER_N)
    rate = {r.name: {"workbooks/s": f"{len(files) / r.best:.0f}" if r.ok else "-"}
            for r in (rd, r1, py)}
    table("   'x ragbook' = wall time / ragbook validate (default jobs) wall time",
          [rd, r1, py], rd, rate)


def main():
    if not os.access(RAGBOOK, os.X_OK):
        sys.exit(f"bench: no ragbook binary at {RAGBOOK} (set RAGBOOK=...)")
    os.makedirs(WORK, exist_ok=True)
    ver = subprocess.run([RAGBOOK, "--version"], capture_output=True, text=True)
    say(f"ragbook benchmark, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
        f"{ver.stdout.strip() or RAGBOOK}")
    big = None
    if any(s in SECTIONS for s in ("cells", "memory", "copy", "convert")):
        big = tracker(ROWS)
    for s in SECTIONS:
        if s == "cells":
            section_cells(big)
        elif s == "memory":
            section_memory(big)
        elif s == "copy":
            section_copy(big)
        elif s == "convert":
            section_convert(big, tracker(max(ROWS // 10, 1)))
        elif s == "validate":
            section_validate()
        else:
            sys.exit(f"bench: unknown section {s!r} "
                     "(cells, memory, copy, convert, validate)")
    say()
    say(f"load average at the end: {os.getloadavg()[0]:.2f} "
        "(other work on the machine inflates wall times; best-of-N helps)")


if __name__ == "__main__":
    main()
