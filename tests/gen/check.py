#!/usr/bin/env python3
"""Run ragbook on generated variations and score it against their truth.

    check.py [--seed S] [--count N] [--out DIR] [--known FILE] [--strict]
             [--show K] [--jobs J]

For every variation: `ragbook dump --as-of D` and `ragbook validate
--format json --as-of D`, facts and findings compared with the truth the
generator wrote (gen.py).  Prints recall and precision per family and per
fact type.  Exit 1 when a wrong or missing fact, or a false or missing
finding, is not covered by the known-failures file, or when a line of that
file no longer matches anything ("fixed: remove from known failures").
Environment: RAGBOOK (the binary), RAG_GEN_DIR (default for --out).
"""
import argparse
import concurrent.futures as cf
import fnmatch
import json
import math
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import openpyxl  # noqa: F401
    import xlsxwriter  # noqa: F401
except ImportError as e:
    # ctest runs a python3 that has both (tests/CMakeLists.txt); CI must.
    print(f"gen: {e}: install python3-openpyxl and python3-xlsxwriter")
    sys.exit(1 if os.environ.get("CI") else 77)

import gen  # noqa: E402

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")


# ---- what ragbook said, as facts -----------------------------------------------

def facts_of(dump):
    """{(type, key...): value} from a dump."""
    out = {}
    plans = defaultdict(int)
    for p in dump.get("plans", []):
        sheet, kind = p["sheet"], p["kind"]
        plans[(sheet, kind)] += 1
        out[("plan.as_of", sheet)] = p.get("as_of")
        for e in p.get("legend") or []:
            out[("legend", sheet, e["status"])] = e.get("fill")
            out[("legend.label", sheet, e["status"])] = e.get("label")
        for a in p.get("actions") or []:
            ref = a.get("ref")
            if ref is None:
                continue
            k = (sheet, ref)
            out[("ref",) + k] = True
            out[("parent",) + k] = a.get("parent")
            out[("leads",) + k] = a.get("leads")
            out[("due",) + k] = [a.get("due"), a.get("due_text")]
            out[("status",) + k] = a.get("status")
            for m in a.get("months") or []:
                out[("month",) + k + (m["month"],)] = m["status"]
        for ind in p.get("indicators") or []:
            k = (sheet, ind.get("code"))
            out[("ind",) + k] = True
            for f in ("target", "actual", "unit", "direction", "rag",
                      "stated_rag", "stated_variance", "travel"):
                out[("ind." + f,) + k] = ind.get(f)
            out[("ind.values",) + k] = [x.get("value") for x in ind.get("values") or []]
        for i, m in enumerate(p.get("milestones") or []):
            out[("milestone", sheet, i)] = [m.get("amount"), m.get("due"), m.get("due_text")]
        for q in p.get("periods") or []:
            out[("period", sheet, q.get("label"))] = [q.get("end"), q.get("rag")]
            out[("period.narrative", sheet, q.get("label"))] = q.get("narrative")
        fin = p.get("finance")
        if fin:
            for f in ("unit", "year", "budget_prior", "outturn_prior", "budget",
                      "pressure", "cost_centre"):
                out[("fin." + f, sheet)] = fin.get(f)
    for k, n in plans.items():
        out[("plan",) + k] = n
    return out


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def row_of(cell):
    digits = "".join(ch for ch in (cell or "") if ch.isdigit())
    return int(digits) if digits else None


def matches(want, got):
    for k, v in want.items():
        if k == "row":
            if row_of(got.get("cell")) != v:
                return False
        elif got.get(k) != v:
            return False
    return True


# ---- one variation -------------------------------------------------------------

def run(args):
    cmd = [RAGBOOK] + args
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def score(truth, path):
    """[(kind, type, key, want, got)] kind in tp, fn, fp."""
    res = []
    as_of = truth["as_of"]
    rc, out, err = run(["dump", path, "--as-of", as_of])
    try:
        dump = json.loads(out) if rc == 0 else {"plans": []}
    except ValueError:
        dump = {"plans": []}
    if rc != 0:
        res.append(("fn", "dump-exit", (), 0, f"exit {rc}: {err.strip()[:200]}"))
    got = facts_of(dump)
    want = {}
    for ftype, key, value in truth["facts"]:
        want[(ftype,) + tuple(key)] = value
    for ftype, key in truth.get("ignored", []):
        got.pop((ftype,) + tuple(key), None)
    types = {k[0] for k in want} | {"plan"}
    none = ("plan", "*", "none") in want
    if none:
        del want[("plan", "*", "none")]
    for k, v in want.items():
        if k in got and same(got[k], v):
            res.append(("tp", k[0], k[1:], v, got[k]))
        else:
            res.append(("fn", k[0], k[1:], v, got.get(k, "<absent>")))
            if k in got:
                res.append(("fp", k[0], k[1:], v, got[k]))
    for k, v in got.items():
        if k[0] in types and k not in want:
            res.append(("fp", k[0], k[1:], "<absent>", v))
    # findings
    rc, out, err = run(["validate", path, "--as-of", as_of, "--format", "json"])
    if rc not in (0, 1):
        res.append(("fn", "validate-exit", (), 0, f"exit {rc}: {err.strip()[:200]}"))
    found = []
    for line in out.splitlines():
        try:
            f = json.loads(line)
        except ValueError:
            continue
        if "record" not in f:
            found.append(f)
    for w in truth["must"]:
        hit = [f for f in found if matches(w, f)]
        key = tuple(f"{k}={v}" for k, v in sorted(w.items()) if k != "rule")
        if hit:
            res.append(("tp", "finding:" + w["rule"], key, True, True))
        else:
            res.append(("fn", "finding:" + w["rule"], key, "fires", "silent"))
    for f in found:
        if any(matches(w, f) for w in truth["must"] + truth["may"]):
            continue
        key = (f.get("sheet"), f.get("cell"), f.get("ref") or f.get("period"))
        res.append(("fp", "finding:" + f["rule"], key, "silent", f.get("message")))
    return res


# ---- known failures ------------------------------------------------------------

def load_known(path):
    """[(family, type, trait or None, reason, line)]."""
    out = []
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            pat, _, reason = line.partition(" ")
            trait = None
            if "@" in pat:
                pat, trait = pat.split("@", 1)
            fam, _, ftype = pat.partition("/")
            out.append((fam, ftype or "*", trait, reason.strip(), n))
    return out


def known_for(known, family, ftype, traits):
    for i, (fam, ft, trait, _, _) in enumerate(known):
        if any(fnmatch.fnmatchcase(family, f) for f in fam.split(",")) \
                and fnmatch.fnmatchcase(ftype, ft) \
                and (trait is None or trait in traits):
            return i
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--out", default=os.environ.get("RAG_GEN_DIR", "gen-variations"))
    ap.add_argument("--known", default=os.path.join(HERE, "known_failures.txt"))
    ap.add_argument("--libreoffice", type=int, default=25, metavar="EVERY")
    ap.add_argument("--show", type=int, default=40,
                    help="how many unexpected mismatches to print")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--family", default="*", help="only families matching")
    ap.add_argument("--by-trait", action="store_true",
                    help="also recall and precision per family and trait")
    a = ap.parse_args()

    truths = gen.generate(a.seed, a.count, os.path.abspath(a.out), a.libreoffice)
    truths = [t for t in truths if fnmatch.fnmatchcase(t["family"], a.family)]
    known = load_known(a.known)
    paths = [os.path.join(os.path.abspath(a.out), t["id"] + ".xlsx") for t in truths]
    with cf.ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(score, truths, paths))

    table = defaultdict(lambda: [0, 0, 0])    # (family, type) -> tp, fn, fp
    fam_table = defaultdict(lambda: [0, 0, 0])
    known_hits = [0] * len(known)
    unexpected = []
    per_writer = defaultdict(lambda: [0, 0])
    trait_table = defaultdict(lambda: [0, 0, 0])
    for t, res in zip(truths, results):
        traits = set(t["traits"]) | {"writer-" + t["writer"]}
        bad = False
        for kind, ftype, key, want, got in res:
            idx = {"tp": 0, "fn": 1, "fp": 2}[kind]
            table[(t["family"], ftype)][idx] += 1
            for tr in traits:
                trait_table[(t["family"], tr)][idx] += 1
            fam_table[t["family"]][idx] += 1
            if kind == "tp":
                continue
            bad = True
            k = known_for(known, t["family"], ftype, traits)
            if k is None:
                unexpected.append((t["id"], t["family"], t["writer"], kind, ftype,
                                   key, want, got))
            else:
                known_hits[k] += 1
        per_writer[t["writer"]][0] += 1
        per_writer[t["writer"]][1] += not bad

    def pct(x, y):
        return f"{100.0 * x / y:5.1f}%" if y else "    -"

    print(f"{len(truths)} variations (seed {a.seed}) in {a.out}")
    print(f"{'family':16} {'fact':28} {'recall':>7} {'prec.':>7} {'tp':>6} {'fn':>5} {'fp':>5}")
    for fam in sorted(fam_table):
        for (f2, ftype), (tp, fn, fp) in sorted(table.items()):
            if f2 == fam:
                print(f"{fam:16} {ftype:28} {pct(tp, tp + fn):>7} {pct(tp, tp + fp):>7} "
                      f"{tp:6} {fn:5} {fp:5}")
        tp, fn, fp = fam_table[fam]
        print(f"{fam:16} {'ALL':28} {pct(tp, tp + fn):>7} {pct(tp, tp + fp):>7} "
              f"{tp:6} {fn:5} {fp:5}")
    tp = sum(x[0] for x in fam_table.values())
    fn = sum(x[1] for x in fam_table.values())
    fp = sum(x[2] for x in fam_table.values())
    print(f"{'TOTAL':45} {pct(tp, tp + fn):>7} {pct(tp, tp + fp):>7} {tp:6} {fn:5} {fp:5}")
    if a.by_trait:
        print(f"{'family':16} {'trait':28} {'recall':>7} {'prec.':>7}")
        for (fam, tr), (tp, fn, fp) in sorted(trait_table.items()):
            print(f"{fam:16} {tr:28} {pct(tp, tp + fn):>7} {pct(tp, tp + fp):>7} "
                  f"{tp:6} {fn:5} {fp:5}")
    print("variations entirely right, by writer: " + ", ".join(
        f"{w} {ok}/{n}" for w, (n, ok) in sorted(per_writer.items())))

    status = 0
    for n, (fam, ft, trait, reason, line) in enumerate(known):
        if known_hits[n] == 0 and (a.family == "*" or any(
                fnmatch.fnmatchcase(f, a.family) for f in fam.split(","))):
            print(f"{a.known}:{line}: fixed: remove from known failures: "
                  f"{fam}/{ft}{'@' + trait if trait else ''}")
            status = 1
    if known:
        print(f"known failures: {sum(known_hits)} mismatches under "
              f"{sum(1 for h in known_hits if h)} of {len(known)} entries")
    if unexpected:
        status = 1
        print(f"{len(unexpected)} mismatches not in the known failures "
              f"(first {min(a.show, len(unexpected))}):")
        for u in unexpected[:a.show]:
            vid, fam, writer, kind, ftype, key, want, got = u
            print(f"  {vid} {fam} [{writer}] {kind} {ftype} {list(key)}: "
                  f"expected {json.dumps(want)}, got {json.dumps(got)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
