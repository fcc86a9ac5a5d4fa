#!/usr/bin/env python3
"""Generate N council-like workbooks with their ground truth.

    gen.py --seed S --count N --out DIR [--libreoffice EVERY]

Variation i is drawn from random.Random("S:i"), so a variation does not
change when N does.  Each vNNNN.xlsx gets a vNNNN.truth.json.  DIR holds a
manifest (seed, count, a hash of the generator's sources): a second run
with the same seed and sources reuses what is there (the cache the ctest
relies on).  Every EVERY-th variation (default 25; 0 for none) is re-saved
by LibreOffice headless, all in one soffice run, since LibreOffice is slow.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import fam_actions  # noqa: E402
import fam_forms  # noqa: E402
import fam_indicators  # noqa: E402
from grid import WRITERS  # noqa: E402
from variation import Variation  # noqa: E402

FAMILIES = {
    "tracker": fam_actions.tracker,
    "action_plan": fam_actions.action_plan,
    "indicator_plan": fam_indicators.indicator_plan,
    "scorecard": fam_indicators.scorecard,
    "recovery_plan": fam_forms.recovery_plan,
    "none": fam_forms.no_plan,
    "mixed": None,
}


def mixed(v):
    """A workbook of several kinds: a tracker or an action plan (whose
    report date governs), indicator forms or a scorecard (read the same
    whatever the date), and sometimes a sheet with no plan."""
    first = v.rng.choice(["tracker", "action_plan"])
    second = v.rng.choice(["indicator_plan", "scorecard"])
    v.traits.update({"with-" + first, "with-" + second})
    FAMILIES[second](v)
    for ftype, key, _ in list(v.facts):
        if ftype == "plan":
            # what a form or scorecard gives as its own date is left open
            v.ignore("plan.as_of", [key[0]])
    FAMILIES[first](v)
    if v.rng.random() < 0.5:
        fam_forms.other_sheets(v, 1)


FAMILIES["mixed"] = mixed
# The order families take turns in: trackers and action plans are the
# commonest returns, so they come up most.
CYCLE = ["tracker", "action_plan", "scorecard", "indicator_plan", "tracker",
         "recovery_plan", "action_plan", "scorecard", "tracker", "none",
         "mixed"]


def sources_hash():
    h = hashlib.sha256()
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".py") and name != "check.py":
            with open(os.path.join(HERE, name), "rb") as f:
                h.update(name.encode() + b"\0" + f.read())
    return h.hexdigest()[:16]


def draw(seed, i):
    family = CYCLE[i % len(CYCLE)]
    rng = random.Random(f"{seed}:{i}")
    v = Variation(f"v{i:04d}", family, rng)
    v.openpyxl_only = False
    FAMILIES[family](v)
    return v


def libreoffice_resave(paths, workdir):
    """Re-saves paths in place through LibreOffice headless, in one run
    with a profile of its own (other soffice processes may be running)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    src = os.path.join(workdir, "lo-in")
    dst = os.path.join(workdir, "lo-out")
    os.makedirs(src, exist_ok=True)
    os.makedirs(dst, exist_ok=True)
    for p in paths:
        shutil.copy(p, src)
    profile = "file://" + os.path.join(workdir, "lo-profile")
    ins = [os.path.join(src, os.path.basename(p)) for p in paths]
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}",
                          "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                          "--outdir", dst] + ins,
                         capture_output=True, timeout=900)
    ok = True
    for p in paths:
        out = os.path.join(dst, os.path.basename(p))
        if run.returncode == 0 and os.path.exists(out):
            shutil.move(out, p)
        else:
            ok = False
    return ok


def generate(seed, count, out, lo_every=25, quiet=False):
    """Fills out with count variations; returns the list of truths."""
    version = sources_hash()
    manifest = os.path.join(out, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            m = json.load(f)
        if m.get("seed") == seed and m.get("version") == version and \
                m.get("count", 0) >= count and m.get("lo_every") == lo_every:
            return [load_truth(out, i) for i in range(count)]
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)
    truths, lo = [], []
    for i in range(count):
        v = draw(seed, i)
        if v.openpyxl_only:
            writer = "openpyxl"
        else:
            writer = v.rng.choice(["openpyxl", "xlsxwriter"])
        if lo_every and i % lo_every == lo_every // 2:
            writer_label = "libreoffice"
        else:
            writer_label = writer
        path = os.path.join(out, f"{v.vid}.xlsx")
        WRITERS[writer](v.book, path)
        if writer_label == "libreoffice":
            lo.append(path)
        t = v.truth(writer_label)
        truths.append(t)
    if lo:
        with tempfile.TemporaryDirectory(dir=out) as work:
            if not libreoffice_resave(lo, work):
                if os.environ.get("CI") == "true":
                    sys.exit("gen: LibreOffice could not re-save the variations")
                if not quiet:
                    print("gen: no LibreOffice: those variations stay as "
                          "openpyxl wrote them", file=sys.stderr)
                for t in truths:
                    if t["writer"] == "libreoffice":
                        t["writer"] = "openpyxl"
    for t in truths:
        with open(os.path.join(out, f"{t['id']}.truth.json"), "w") as f:
            json.dump(t, f, indent=0)
    with open(manifest, "w") as f:
        json.dump({"seed": seed, "count": count, "version": version,
                   "lo_every": lo_every}, f)
    return truths


def load_truth(out, i):
    with open(os.path.join(out, f"v{i:04d}.truth.json")) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--out", required=True)
    ap.add_argument("--libreoffice", type=int, default=25, metavar="EVERY")
    a = ap.parse_args()
    truths = generate(a.seed, a.count, a.out, a.libreoffice)
    print(f"{len(truths)} variations in {a.out}")


if __name__ == "__main__":
    main()
