#!/usr/bin/env python3
"""bench: `ragbook merge` of many returns into a large master, against a
python3-openpyxl script that does the same cell copies.

    /usr/bin/python3 bench/merge_bench.py        # 2,000 rows, 100 returns
    ROWS=2000 RETURNS=100 N=3 RAGBOOK=build/ragbook /usr/bin/python3 bench/merge_bench.py

The master is gen_tracker.py's tracker (ROWS data rows).  Return k is a
copy of it saved by openpyxl in which every data row whose number is k
modulo RETURNS (about ROWS / RETURNS rows) has a new position statement
and its September cell in another status colour: the returns of RETURNS
services, each changing its own rows.  Both sides are then timed (best of
N wall time, peak RSS from /usr/bin/time):

  ragbook   ragbook merge MASTER RETURN... -o OUT --format json
  openpyxl  load the master; for each return, load it and copy every cell
            of the master's used range whose value or fill differs from the
            master as sent out; save
            (what a script does without a model: no key, no conflicts, no
            Summary, Changes or Issues)

Returns are generated once into WORK (bench/work by default).  Not a test:
nothing here asserts a time.
"""
import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = int(os.environ.get("ROWS", "2000"))
RETURNS = int(os.environ.get("RETURNS", "100"))
N = int(os.environ.get("N", "3"))
PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
RAGBOOK = os.environ.get("RAGBOOK", os.path.join(HERE, "..", "build",
                                                 "ragbook"))
WORK = os.environ.get("WORK", os.path.join(HERE, "work"))

PEER = r'''
import sys, openpyxl
master, out, returns = sys.argv[1], sys.argv[2], sys.argv[3:]
wb = openpyxl.load_workbook(master)
ws = wb.worksheets[0]
# each return is compared with the master as it was sent out, not as the
# copies so far changed it (else a later return's stale copy of a row
# undoes an earlier return's change to it)
base = openpyxl.load_workbook(master).worksheets[0]
def fill(c):
    f = c.fill
    return f.fgColor.rgb if f is not None and f.fill_type == "solid" else None
copies = 0
for path in returns:
    rs = openpyxl.load_workbook(path).worksheets[0]
    for row in rs.iter_rows(min_row=1, max_row=ws.max_row,
                            max_col=ws.max_column):
        for rc in row:
            bc = base.cell(rc.row, rc.column)
            mc = ws.cell(rc.row, rc.column)
            if rc.value is not None and rc.value != bc.value:
                mc.value = rc.value
                copies += 1
            if fill(rc) != fill(bc) and fill(rc) is not None:
                mc.fill = rc.fill.copy()
                copies += 1
wb.save(out)
print(copies)
'''


def make_inputs():
    import openpyxl
    from openpyxl.styles import PatternFill
    os.makedirs(WORK, exist_ok=True)
    master = os.path.join(WORK, "merge-master-%d.xlsx" % ROWS)
    if not os.path.exists(master):
        subprocess.run([PYTHON, os.path.join(HERE, "gen_tracker.py"), master,
                        str(ROWS)], check=True, stdout=subprocess.DEVNULL)
    rdir = os.path.join(WORK, "merge-returns-%d-%d" % (ROWS, RETURNS))
    returns = [os.path.join(rdir, "return-%03d.xlsx" % k)
               for k in range(RETURNS)]
    if all(os.path.exists(r) for r in returns):
        return master, returns
    os.makedirs(rdir, exist_ok=True)
    base = openpyxl.load_workbook(master)
    ws = base.worksheets[0]
    header = next(r[0].row for r in ws.iter_rows(max_col=1)
                  if r[0].value == "Ref.")
    cols = {c.value: c.column for c in ws[header] if c.value}
    sep, comment = cols["Sep"], [v for k, v in cols.items()
                                 if str(k).startswith("Comment")][0]
    rows = [r for r in range(header + 1, ws.max_row + 1)
            if str(ws.cell(r, 1).value or "").startswith("R")]
    others = {"92D050": "FFC000", "FFC000": "FF0000", "FF0000": "92D050",
              "BDD7EE": "92D050"}
    started = time.time()
    for k, path in enumerate(returns):
        wb = openpyxl.load_workbook(master)
        ws = wb.worksheets[0]
        for i, r in enumerate(rows):
            if i % RETURNS != k:
                continue
            ws.cell(r, comment).value = "Service %d: %s on track after " \
                "the October review." % (k, ws.cell(r, 1).value)
            cell = ws.cell(r, sep)
            have = cell.fill.fgColor.rgb[-6:] if cell.fill and \
                cell.fill.fill_type == "solid" else None
            cell.fill = PatternFill("solid",
                                    fgColor="FF" + others.get(have, "FFC000"))
        wb.save(path)
    print("made %d returns in %.0f s" % (RETURNS, time.time() - started),
          file=sys.stderr)
    return master, returns


def timed(cmd):
    """Best wall time and CPU time (user + system) of N runs and the peak
    RSS in MiB; the last run's stdout.  CPU time is the steadier figure on
    a shared machine."""
    best, cpu, rss, out = None, None, 0, ""
    for _ in range(N):
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *cmd],
                           capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit("failed: %s\n%s" % (" ".join(cmd[:3]), p.stderr))
        wall, user, system, kb = p.stderr.strip().splitlines()[-1].split()
        best = float(wall) if best is None else min(best, float(wall))
        c = float(user) + float(system)
        cpu = c if cpu is None else min(cpu, c)
        rss = max(rss, int(kb) / 1024)
        out = p.stdout
    return best, cpu, rss, out


def main():
    master, returns = make_inputs()
    out = os.path.join(WORK, "merge-out.xlsx")
    wall, cpu, rss, text = timed([RAGBOOK, "merge", master, *returns, "-o", out,
                             "--format", "json"])
    recs = [json.loads(line) for line in text.splitlines()]
    changes = sum(1 for r in recs if r.get("record") == "change")
    peer_out = os.path.join(WORK, "merge-peer-out.xlsx")
    pwall, pcpu, prss, ptext = timed([PYTHON, "-c", PEER, master, peer_out,
                                *returns])
    size = os.path.getsize(master)
    print("merge: %d returns into a %d-row master (%.1f MB), best of %d" %
          (len(returns), ROWS, size / 1e6, N))
    print("%-10s %9s %8s %10s  %s" % ("", "wall s", "CPU s", "peak MiB",
                                      "cells changed"))
    print("%-10s %9.2f %8.2f %10.1f  %d" % ("ragbook", wall, cpu, rss,
                                            changes))
    print("%-10s %9.2f %8.2f %10.1f  %s" % ("openpyxl", pwall, pcpu, prss,
                                            ptext.strip()))


if __name__ == "__main__":
    main()
