#!/usr/bin/env python3
"""The samples in samples/ (made by samples/make_samples.py) are what the
README shows: each must come out as the plan it was made to be."""
import json
import os
import subprocess
import sys

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
SAMPLES = os.path.join(os.environ.get("RAG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../..")),
                       "samples")

WANT = {
    "tracker.xlsx": ("tracker", 7, lambda p: len(p["legend"]) == 7 and
                     p["actions"][1]["status"] == "complete" and
                     p["actions"][2]["months"][5]["status"] == "over_one_month_behind"),
    "action-plan.xlsx": ("action_plan", 7, lambda p: p["actions"][3]["due_text"] == "31/09/2024"
                         and p["actions"][1]["leads"] == ["Hannah Ford", "Revenues Team"]),
    "indicator-plans.xlsx": ("indicator_plan", 0, lambda p: p["indicators"][0]["rag"] in ("amber", "red")),
    "recovery-plan.xlsx": ("recovery_plan", 0, lambda p: p["finance"]["pressure"] == 225 and
                           [x["rag"] for x in p["periods"]] == ["green", "amber", None, None]),
}

failures = []
for name, (kind, actions, check) in WANT.items():
    run = subprocess.run([RAGBOOK, "dump", os.path.join(SAMPLES, name)], capture_output=True)
    if run.returncode != 0:
        failures.append(f"{name}: exit {run.returncode}: {run.stderr.decode()}")
        continue
    plans = json.loads(run.stdout)["plans"]
    if not plans or any(p["kind"] != kind for p in plans):
        failures.append(f"{name}: plans {[p['kind'] for p in plans]}, expected {kind}")
        continue
    if actions and len(plans[0]["actions"]) != actions:
        failures.append(f"{name}: {len(plans[0]['actions'])} actions, expected {actions}")
    if not all(check(p) for p in plans):
        failures.append(f"{name}: the sample's facts do not come out")
for f in failures:
    print(f)
print(f"{len(WANT)} samples, {len(failures)} failures")
sys.exit(1 if failures else 0)
