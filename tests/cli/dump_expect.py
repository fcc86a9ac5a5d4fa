#!/usr/bin/env python3
"""Every fact of every fixture's .expect.json, checked against `ragbook dump`.

The plans must come out by kind and sheet, in order, and each expected
plan's facts (legend, actions with refs, parents, dues, leads, months and
the first 30 characters of their comments, indicator figures, finance,
milestones, periods) must match.  Only the keys an expectation states are
compared; "findings" belong to validation.  Environment: RAGBOOK (the
binary), RAG_SHARED_DIR (holding fixtures/).
"""
import glob
import json
import os
import subprocess
import sys
from _skip import skip

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
SHARED = os.environ.get("RAG_SHARED_DIR", os.path.join(os.path.dirname(__file__), "../../../shared"))

failures = []


def fail(where, msg):
    failures.append(f"{where}: {msg}")


def same(want, got):
    if isinstance(want, float) or isinstance(got, float):
        return isinstance(got, (int, float)) and want is not None and abs(want - got) < 1e-9
    return want == got


def check_obj(where, want, got, special=None):
    """Compare the keys want states; special maps a key to a function."""
    if got is None:
        fail(where, f"missing, expected {want}")
        return
    for key, value in want.items():
        if special and key in special:
            special[key](f"{where}.{key}", value, got)
            continue
        if key not in got:
            fail(where, f"no key {key!r} (expected {value!r})")
            continue
        if isinstance(value, list):
            check_list(f"{where}.{key}", value, got[key])
        elif isinstance(value, dict):
            check_obj(f"{where}.{key}", value, got[key])
        elif not same(value, got[key]):
            fail(f"{where}.{key}", f"expected {value!r}, got {got[key]!r}")


def check_list(where, want, got):
    if not isinstance(got, list):
        fail(where, f"expected a list, got {got!r}")
        return
    if len(want) != len(got):
        fail(where, f"expected {len(want)} items, got {len(got)}")
    for i, (w, g) in enumerate(zip(want, got)):
        if isinstance(w, dict):
            check_obj(f"{where}[{i}]", w, g, SPECIAL)
        elif not same(w, g):
            fail(f"{where}[{i}]", f"expected {w!r}, got {g!r}")


def comment_starts(where, value, action):
    comment = action.get("comment")
    got = None if comment is None else comment[:30]
    if got != value:
        fail(where, f"expected {value!r}, got {got!r}")


def months(where, value, action):
    got = [{"month": m["month"], "status": m["status"]} for m in action.get("months", [])]
    if got != value:
        fail(where, f"expected {value}, got {got}")


SPECIAL = {"comment_starts": comment_starts, "months": months}


def check_fixture(expect_path):
    xlsx = expect_path.replace(".expect.json", ".xlsx")
    name = os.path.basename(xlsx)
    with open(expect_path, encoding="utf-8") as f:
        expect = json.load(f)
    run = subprocess.run([RAGBOOK, "dump", xlsx], capture_output=True)
    if run.returncode != 0:
        fail(name, f"dump exit {run.returncode}: {run.stderr.decode()}")
        return
    try:
        dump = json.loads(run.stdout)
    except ValueError as e:
        fail(name, f"dump is not JSON: {e}")
        return
    plans = dump.get("plans", [])
    want_ids = [(p["kind"], p["sheet"]) for p in expect["plans"]]
    got_ids = [(p["kind"], p["sheet"]) for p in plans]
    if want_ids != got_ids:
        fail(name, f"plans {got_ids}, expected {want_ids}")
    for i, want in enumerate(expect["plans"]):
        same_id = [p for p in plans if (p["kind"], p["sheet"]) == (want["kind"], want["sheet"])]
        k = sum(1 for w in expect["plans"][:i] if (w["kind"], w["sheet"]) == (want["kind"], want["sheet"]))
        got = same_id[k] if k < len(same_id) else None
        check_obj(f"{name} plan {i} ({want['kind']} {want['sheet']})", want, got, SPECIAL)
        for p in [got] if got else []:
            for key in ("cell", "title", "owner", "as_of", "fields", "legend", "actions",
                        "indicators", "milestones", "periods", "finance"):
                if key not in p:
                    fail(f"{name} plan {i}", f"the contract's key {key!r} is missing")
    for ref, leads in expect.get("leads_examples", {}).items():
        found = [a for p in plans for a in p.get("actions", []) if a.get("ref") == ref]
        if not found:
            fail(f"{name} leads {ref}", "no such action")
        elif found[0].get("leads") != leads:
            fail(f"{name} leads {ref}", f"expected {leads}, got {found[0].get('leads')}")
    # every object carries "cell"
    def walk(o, path):
        if isinstance(o, dict):
            if path.count("/") and not path.endswith("fields") and "cell" not in o:
                fail(f"{name} {path}", "an object without \"cell\"")
            for k, v in o.items():
                if k != "fields":
                    walk(v, f"{path}/{k}")
        elif isinstance(o, list):
            for i, v in enumerate(o):
                walk(v, f"{path}[{i}]")
    for i, p in enumerate(plans):
        walk(p, f"/plans[{i}]")


def main():
    paths = sorted(glob.glob(os.path.join(SHARED, "fixtures", "*.expect.json")))
    if not paths:
        skip(f"no fixtures under {SHARED}/fixtures")
    for p in paths:
        check_fixture(p)
    for f in failures:
        print(f)
    print(f"{len(paths)} fixtures, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
