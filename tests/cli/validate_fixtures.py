#!/usr/bin/env python3
"""ragbook validate, end to end, as a user runs it.

For every shared fixture the "findings" of its .expect.json must all fire,
with the right rule (and ref or period where given) and the contract's
severity, and the exit status must follow the contract.  Then: 500 copies
with --jobs 2 give the same findings as one-by-one runs; unreadable files
give exit 2, one stderr line and a file-unreadable finding; --rule
overrides; --format json is one JSON object per line; --report writes a
workbook and never over an input.

Environment: RAGBOOK (the binary), RAG_SHARED_DIR (fixtures).
Standard library only.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from _skip import skip

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
SHARED = os.environ.get("RAG_SHARED_DIR",
                        os.path.join(os.path.dirname(__file__),
                                     "../../../shared"))
FIXTURES = os.path.join(SHARED, "fixtures")

# The contract's rule table: id -> severity.
CONTRACT = {
    "file-unreadable": "error",
    "variance-mismatch": "error",
    "rag-mismatch": "error",
    "target-missing": "error",
    "actual-missing": "warning",
    "date-invalid": "error",
    "period-outside-year": "error",
    "finance-arithmetic": "warning",
    "recovery-shortfall": "warning",
    "status-missing": "warning",
    "narrative-missing": "warning",
    "milestone-overdue": "warning",
    "lead-missing": "warning",
    "ref-duplicate": "error",
    "ref-orphan": "warning",
    "legend-unknown-fill": "warning",
    "plan-not-required": "info",
    "legend-ambiguous": "warning",
    "conditional-colours": "info",
    "plan-not-found": "warning",
    "plan-duplicate": "warning",
    "merge-conflict": "error",
    "merge-unknown-ref": "warning",
    "merge-no-match": "warning",
    "merge-unchanged": "info",
}
KEYS = {"file", "sheet", "cell", "rule", "severity", "message"}
TEXT_LINE = re.compile(
    r"^(?P<loc>.+?): (?P<sev>error|warning|info): (?P<msg>.*) "
    r"\[(?P<rule>[a-z-]+)\]$")


def run(*args):
    p = subprocess.run([RAGBOOK, "validate", *args], capture_output=True,
                       text=True, timeout=600)
    return p.returncode, p.stdout, p.stderr


def parse_json_lines(out, records=False):
    """The findings (or, with records, the file and totals records)."""
    found = []
    for line in out.splitlines():
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise AssertionError("not an object: %r" % line)
        if ("record" in obj) == records:
            found.append(obj)
    return found


SUMMARY = re.compile(r"^ragbook validate: \d+ files? checked: \d+ clean, "
                     r"\d+ with errors, \d+ with warnings, \d+ unreadable"
                     r"(; \d+ skipped)? \(\d+\.\d s\)$")


def diagnostics(err):
    """stderr without the closing summary line, which must be last."""
    lines = err.splitlines()
    if not lines or not SUMMARY.match(lines[-1]):
        raise AssertionError("no summary line last on stderr: %r" % err)
    return lines[:-1]


def expected_status(found):
    return 1 if any(f["severity"] == "error" for f in found) else 0


def fixtures():
    return sorted(glob.glob(os.path.join(FIXTURES, "*.xlsx")))


def expectation(xlsx):
    with open(xlsx[:-len(".xlsx")] + ".expect.json") as f:
        return json.load(f)


class Fixtures(unittest.TestCase):
    def test_every_expected_finding_fires(self):
        self.assertTrue(fixtures(), "no fixtures in " + FIXTURES)
        for xlsx in fixtures():
            with self.subTest(fixture=os.path.basename(xlsx)):
                exp = expectation(xlsx)
                status, out, err = run("--format", "json", xlsx)
                found = parse_json_lines(out)
                for want in exp.get("findings", []):
                    rule = want["rule"]
                    hits = [f for f in found if f["rule"] == rule and
                            all(f.get(k) == want[k]
                                for k in ("ref", "period") if k in want)]
                    self.assertTrue(hits, "%s: %s did not fire; got %s" % (
                        os.path.basename(xlsx), want,
                        [(f["rule"], f.get("ref"), f.get("period"))
                         for f in found]))
                    for f in hits:
                        self.assertEqual(f["severity"], CONTRACT[rule])
                for f in found:
                    self.assertEqual(f["severity"], CONTRACT[f["rule"]])
                    self.assertEqual(f["file"], xlsx)
                # exit status follows the contract, from what was printed
                self.assertEqual(status, expected_status(found), err)
                # and from what was expected: errors exactly when the
                # fixture expects one (no false errors on clean files)
                want_error = any(CONTRACT[w["rule"]] == "error"
                                 for w in exp.get("findings", []))
                self.assertEqual(status, 1 if want_error else 0,
                                 "%s: %s" % (os.path.basename(xlsx),
                                             [f["message"] for f in found
                                              if f["severity"] == "error"]))
                self.assertEqual(diagnostics(err), [])

    def test_text_and_json_say_the_same(self):
        for xlsx in fixtures():
            with self.subTest(fixture=os.path.basename(xlsx)):
                s1, text, _ = run(xlsx)
                s2, js, _ = run("--format", "json", xlsx)
                self.assertEqual(s1, s2)
                lines = text.splitlines()
                found = parse_json_lines(js)
                self.assertEqual(len(lines), len(found))
                for line, f in zip(lines, found):
                    m = TEXT_LINE.match(line)
                    self.assertIsNotNone(m, line)
                    loc = f["file"]
                    if f["sheet"] is not None:
                        loc += ":" + f["sheet"]
                        if f["cell"] is not None:
                            loc += "!" + f["cell"]
                    self.assertEqual(m.group("loc"), loc)
                    self.assertEqual(m.group("sev"), f["severity"])
                    self.assertEqual(m.group("msg"), f["message"])
                    self.assertEqual(m.group("rule"), f["rule"])
                    self.assertNotIn("\033", line)  # no colour into a pipe

    def test_json_is_one_object_per_line(self):
        for xlsx in fixtures():
            _, out, _ = run("--format", "json", xlsx)
            lines = out.splitlines()
            # the file record, then the totals, close the output
            self.assertEqual(json.loads(lines[-2])["record"], "file")
            self.assertEqual(json.loads(lines[-1])["record"], "totals")
            for line in lines[:-2]:
                obj = json.loads(line)
                self.assertTrue(KEYS <= set(obj), line)
                self.assertTrue(set(obj) <= KEYS | {"ref", "period"}, line)
                self.assertIn(obj["severity"], ("error", "warning", "info"))
                self.assertIn(obj["rule"], CONTRACT)
                if obj["cell"] is not None:
                    self.assertRegex(obj["cell"], r"^[A-Z]{1,3}[1-9][0-9]*$")
                self.assertTrue(obj["message"])

    def test_as_of_decides_what_is_overdue(self):
        frb = os.path.join(FIXTURES, "deficit-recovery-frb-23-007.xlsx")
        _, out, _ = run("--format", "json", "--as-of", "2023-05-01", frb)
        early = {(f["rule"], f.get("period")) for f in parse_json_lines(out)}
        _, out, _ = run("--format", "json", "--as-of", "2023-07-15", frb)
        later = {(f["rule"], f.get("period")) for f in parse_json_lines(out)}
        self.assertNotIn(("status-missing", "Q1"), early)
        self.assertIn(("status-missing", "Q1"), later)
        self.assertIn(("status-missing", "Q3"), early)  # narrative, no RAG


class Options(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="rag-validate-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def test_unreadable_files_exit_2_and_the_run_goes_on(self):
        csv = self.path("returns.csv")
        with open(csv, "w") as f:
            f.write("Ref,Action,Lead\nR1,Do it,Jane\n")
        empty = self.path("empty.xlsx")
        open(empty, "w").close()
        good = os.path.join(FIXTURES, "pi-action-plans-q2.xlsx")
        for bad in (csv, empty):
            with self.subTest(file=os.path.basename(bad)):
                status, out, err = run("--format", "json", bad)
                self.assertEqual(status, 2)
                lines = diagnostics(err)
                self.assertEqual(len(lines), 1, err)
                self.assertTrue(lines[0].startswith("ragbook: " + bad + ": "),
                                err)
                found = parse_json_lines(out)
                self.assertEqual(len(found), 1)
                self.assertEqual(found[0]["rule"], "file-unreadable")
                self.assertEqual(found[0]["severity"], "error")
                self.assertEqual(found[0]["file"], bad)
                self.assertIsNone(found[0]["sheet"])
                self.assertIn(found[0]["message"], lines[0])
        status, out, err = run("--format", "json", csv, good, empty)
        self.assertEqual(status, 2)
        self.assertEqual(len(diagnostics(err)), 2)
        self.assertIn("3 files checked", err)
        self.assertIn("2 unreadable", err)
        found = parse_json_lines(out)
        files = [f["file"] for f in found]
        self.assertEqual(files[0], csv)
        self.assertEqual(files[-1], empty)
        _, alone, _ = run("--format", "json", good)
        self.assertEqual(found[1:-1], parse_json_lines(alone))
        status, _, _ = run(self.path("no-such-file.xlsx"))
        self.assertEqual(status, 2)

    def test_rule_overrides(self):
        frb = os.path.join(FIXTURES, "deficit-recovery-frb-23-007.xlsx")
        plan = os.path.join(FIXTURES, "benefits-action-plan.xlsx")
        status, out, _ = run("--format", "json", frb)
        self.assertEqual(status, 1)
        status, out, _ = run("--format", "json", "--rule",
                             "period-outside-year=off", frb)
        rules = {f["rule"] for f in parse_json_lines(out)}
        self.assertNotIn("period-outside-year", rules)
        self.assertEqual(status, 0)
        status, out, _ = run("--format", "json", "--rule",
                             "period-outside-year=warning", "--rule",
                             "finance-arithmetic=error", frb)
        found = parse_json_lines(out)
        self.assertEqual(status, 1)
        for f in found:
            if f["rule"] == "period-outside-year":
                self.assertEqual(f["severity"], "warning")
            if f["rule"] == "finance-arithmetic":
                self.assertEqual(f["severity"], "error")
        status, out, _ = run("--format", "json", "--rule",
                             "ref-orphan=error", plan)
        self.assertEqual(status, 1)
        self.assertTrue(any(f["rule"] == "ref-orphan" and
                            f["severity"] == "error"
                            for f in parse_json_lines(out)))
        for bad in ("no-such-rule=off", "ref-orphan=loud", "ref-orphan"):
            with self.subTest(rule=bad):
                status, out, err = run("--rule", bad, plan)
                self.assertEqual(status, 2)
                self.assertEqual(out, "")
                self.assertIn("ragbook validate:", err)

    def test_usage_errors_exit_2(self):
        plan = os.path.join(FIXTURES, "benefits-action-plan.xlsx")
        for args in ([], ["--format", "xml", plan], ["--jobs", "0", plan],
                     ["--jobs", "two", plan], ["--as-of", "2024-02-30", plan],
                     ["--tolerance", "0", plan], ["--tolerance", "x", plan],
                     ["--bogus", plan], [plan, "--as-of"]):
            with self.subTest(args=args):
                status, out, err = run(*args)
                self.assertEqual(status, 2)
                self.assertEqual(out, "")
                self.assertTrue(err)
        for ok in (["--tolerance", "5", plan], ["--tolerance", "5%", plan],
                   ["-j", "1", plan], [plan, "--jobs", "3"]):
            with self.subTest(args=ok):
                status, _, err = run(*ok)
                self.assertIn(status, (0, 1), err)
        p = subprocess.run([RAGBOOK, "validate", "--help"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0)
        for rule in CONTRACT:
            self.assertIn(rule, p.stdout)

    def test_500_copies_with_two_jobs_match_one_by_one(self):
        fx = fixtures()
        bad = self.path("broken.xlsx")
        with open(bad, "wb") as f:
            f.write(b"PK\x03\x04 truncated")
        files = []
        for i in range(500):
            src = bad if i % 97 == 13 else fx[i % len(fx)]
            dst = self.path("copy-%03d-%s" % (i, os.path.basename(src)))
            shutil.copyfile(src, dst)
            files.append(dst)
        one_by_one, want_status = [], 0
        for f in files:
            status, out, _ = run("--format", "json", f)
            want_status = max(want_status, status)
            one_by_one.extend(out.splitlines())
        # copies of one plan are plan-duplicate warnings: off here, to
        # compare with the files checked one by one (the totals differ)
        one_by_one = [l for l in one_by_one
                      if '"record": "totals"' not in l]
        status, out, err = run("--format", "json", "--jobs", "2", "--rule",
                               "plan-duplicate=off", *files)
        self.assertEqual(status, want_status)
        self.assertEqual(out.splitlines()[:-1], one_by_one)
        self.assertEqual(len(diagnostics(err)),
                         sum(1 for f in files if f.endswith("broken.xlsx")))
        status4, out4, _ = run("--format", "json", "--jobs", "4", "--rule",
                               "plan-duplicate=off", *files)
        self.assertEqual((status4, out4.splitlines()[:-1]),
                         (status, one_by_one))
        # with the rule on, the same plan in every copy after the first
        _, dup, _ = run("--format", "json", "--jobs", "2", *files)
        dups = [f for f in parse_json_lines(dup)
                if f["rule"] == "plan-duplicate"]
        self.assertGreater(len(dups), 400)
        one_by_one = [l for l in one_by_one if '"record"' not in l]
        # text too, and the report over all of them
        report = self.path("report.xlsx")
        status, _, _ = run("--jobs", "2", "--rule", "plan-duplicate=off",
                           "--report", report, *files)
        self.assertEqual(status, want_status)
        cells = subprocess.run([RAGBOOK, "cells", report],
                               capture_output=True, text=True)
        self.assertEqual(cells.returncode, 0, cells.stderr)
        sheets = json.loads(cells.stdout)["sheets"]
        rows = {s["name"]: {c["ref"] for c in s["cells"]
                            if re.match(r"^A\d+$", c["ref"])}
                for s in sheets}
        self.assertEqual(len(rows["Files"]), len(files) + 1)
        self.assertEqual(len(rows["Findings"]), len(one_by_one) + 1)

    def test_report_workbook(self):
        fx = fixtures()
        csv = self.path("returns.csv")
        with open(csv, "w") as f:
            f.write("a,b\n")
        report = self.path("chase.xlsx")
        status, out, _ = run("--format", "json", "--report", report, csv, *fx)
        self.assertEqual(status, 2)
        found = parse_json_lines(out)
        self.assertEqual(sorted(os.listdir(self.tmp)),
                         ["chase.xlsx", "returns.csv"])  # no temp file left
        cells = subprocess.run([RAGBOOK, "cells", report],
                               capture_output=True, text=True)
        book = json.loads(cells.stdout)
        names = [s["name"] for s in book["sheets"]]
        self.assertEqual(names, ["Files", "Findings"])
        files, findings = book["sheets"]

        def grid(sheet):
            g = {}
            for c in sheet["cells"]:
                m = re.match(r"^([A-Z]+)(\d+)$", c["ref"])
                g[(int(m.group(2)), m.group(1))] = c
            return g

        fg = grid(files)
        self.assertEqual(fg[(1, "A")]["value"], "File")
        self.assertEqual(fg[(1, "F")]["value"], "Check result")
        colour = {"Errors to correct": "RED", "Could not be read": "RED",
                  "Warnings to review": "AMBER", "No plan found": "AMBER",
                  "Passed": "GREEN"}
        rag_of = {}
        for row in range(2, len(fx) + 3):
            word = fg[(row, "F")]["value"]
            fill = fg[(row, "F")].get("fill")
            self.assertEqual(fill, {"RED": "FF0000", "AMBER": "FFC000",
                                    "GREEN": "00B050"}[colour[word]])
            rag_of[fg[(row, "A")]["value"]] = (colour[word],
                                               fg[(row, "C")]["value"])
        self.assertEqual(rag_of[csv][0], "RED")
        for f in fx:
            errors = [x for x in found
                      if x["file"] == f and x["severity"] == "error"]
            warnings = [x for x in found
                        if x["file"] == f and x["severity"] == "warning"]
            self.assertEqual(rag_of[f][1], len(errors))
            self.assertEqual(rag_of[f][0], "RED" if errors else
                             "AMBER" if warnings else "GREEN")
        gg = grid(findings)
        self.assertEqual([gg[(1, c)]["value"] for c in "ABCDEFGH"],
                         ["File", "Sheet", "Cell", "Severity", "Message",
                          "Rule", "Ref", "Period"])
        order = {"error": 0, "warning": 1, "info": 2}
        rows = [(gg[(r, "A")]["value"], order[gg[(r, "D")]["value"]])
                for r in range(2, len(found) + 2)]
        self.assertEqual(rows, sorted(rows))  # by file, then severity
        self.assertEqual(len(rows), len(found))
        # an input is never overwritten
        with open(fx[0], "rb") as f:
            before = f.read()
        status, out, err = run("--report", fx[0], fx[0])
        self.assertEqual(status, 2)
        with open(fx[0], "rb") as f:
            self.assertEqual(f.read(), before)
        # a report that cannot be written is exit 2, and nothing left over
        status, _, err = run("--report", self.path("no/dir/r.xlsx"), fx[0])
        self.assertEqual(status, 2)
        self.assertIn("r.xlsx", err)


if __name__ == "__main__":
    if not os.path.isdir(FIXTURES):
        skip("no fixtures at " + FIXTURES)
    unittest.main(verbosity=2)
