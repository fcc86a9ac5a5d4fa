#!/usr/bin/env python3
"""`ragbook dump` on workbooks laid out and worded unlike the fixtures.

Each case builds a small workbook with python3-openpyxl (headers in other
words and rows, legends on a Key sheet or beside the table, extra columns,
blank rows, merged cells, month headers as real dates, title blocks, two
plans on one sheet, forms in other columns) and checks the facts a reader
would expect.  Environment: RAGBOOK (the binary).
"""
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from _skip import skip

try:
    import openpyxl
    from openpyxl.styles import Font, PatternFill
except ImportError:
    # ctest runs a python3 that has openpyxl (tests/CMakeLists.txt).
    skip("python3-openpyxl is not installed")

RAGBOOK = os.environ.get("RAGBOOK", "ragbook")
failures = []


def fill(rgb):
    return PatternFill("solid", fgColor=rgb)


BOLD = Font(bold=True)


def dump(wb, name, *args):
    path = os.path.join(TMP, name + ".xlsx")
    wb.save(path)
    run = subprocess.run([RAGBOOK, "dump", path, *args], capture_output=True)
    if run.returncode != 0:
        failures.append(f"{name}: exit {run.returncode} {run.stderr.decode()}")
        return {"plans": []}
    return json.loads(run.stdout)


def expect(name, what, got, want):
    if got != want:
        failures.append(f"{name}: {what}: expected {want!r}, got {got!r}")


def actions_by_ref(plan):
    return {a["ref"]: a for a in plan["actions"]}


def months(action):
    return [(m["month"], m["status"]) for m in action["months"]]


# ---- action plans --------------------------------------------------------

def case_action_plan_other_words():
    """Title block, header at row 5 in other words, extra columns, a
    section heading row, blank rows, text dates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "Northshire District Council"
    ws["A1"].font = BOLD
    ws["A2"] = "Revenues Improvement Plan 2023/24"
    ws["A3"] = "Report date: 30 June 2023"
    hdr = ["No.", "Priority", "Task", "Responsible officer", "Deadline",
           "Resources", "Progress update"]
    for i, h in enumerate(hdr):
        ws.cell(row=5, column=i + 1, value=h).font = BOLD
    ws.merge_cells("A6:G6")
    ws["A6"] = "Theme 1: Customer access"
    rows = [
        ("1", "High", "Improve access to services", None, "31/03/2024", None, None),
        ("1.1", "High", "Open a new contact centre", "Priya Shah and Tom Evans",
         "30/09/2023", "£20k", "Building works started"),
        ("1.2", "Low", "Publish service standards", "P Shah T Evans CSU",
         "31/09/2024", None, "Complete - published on website"),
        None,
        ("2", "Medium", "Reduce backlog", None, "Q3 2023/24", None, None),
        ("2.1", "Medium", "Recruit two officers", "Head of Service",
         "end of November", None, "Adverts out"),
    ]
    r = 7
    for row in rows:
        if row is not None:
            for i, v in enumerate(row):
                if v is not None:
                    ws.cell(row=r, column=i + 1, value=v)
        r += 1
    ws["A7"].font = BOLD
    ws["A11"].font = BOLD
    d = dump(wb, "action_plan_other_words")
    name = "action_plan_other_words"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("action_plan", "Plan")])
    if not d["plans"]:
        return
    p = d["plans"][0]
    expect(name, "as_of", d["as_of"], "2023-06-30")
    a = actions_by_ref(p)
    expect(name, "refs", list(a), ["1", "1.1", "1.2", "2", "2.1"])
    expect(name, "parents", [a[k]["parent"] for k in a], [None, "1", "1", None, "2"])
    expect(name, "1.1 leads", a.get("1.1", {}).get("leads"), ["Priya Shah", "Tom Evans"])
    expect(name, "1.2 leads", a.get("1.2", {}).get("leads"), ["P Shah", "T Evans", "CSU"])
    expect(name, "2.1 leads", a.get("2.1", {}).get("leads"), ["Head of Service"])
    expect(name, "1.1 due", a.get("1.1", {}).get("due"), "2023-09-30")
    expect(name, "1.2 due", (a.get("1.2", {}).get("due"), a.get("1.2", {}).get("due_text")),
           (None, "31/09/2024"))
    expect(name, "2 due_text", a.get("2", {}).get("due_text"), "Q3 2023/24")
    expect(name, "2.1 due_text", a.get("2.1", {}).get("due_text"), "end of November")
    expect(name, "1.2 status", a.get("1.2", {}).get("status"), "complete")
    expect(name, "1.1 comment", a.get("1.1", {}).get("comment"), "Building works started")
    expect(name, "1.1 cell", a.get("1.1", {}).get("cell"), "A8")


def case_two_plans_one_sheet():
    """Two action plans one above the other, with different titles and
    different header words."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plans"
    ws["A1"] = "Housing Benefit Action Plan"
    for i, h in enumerate(["Ref", "Action", "Lead", "Due date", "Comments"]):
        ws.cell(row=3, column=i + 1, value=h)
    ws.append(["HB1", "Clear the backlog", "Sam Green", dt.datetime(2023, 7, 31), "On track"])
    ws.append(["HB2", "Train new staff", "Ann Lee", dt.datetime(2023, 9, 30), ""])
    ws["A8"] = "Council Tax Action Plan"
    for i, h in enumerate(["ID", "Activity", "Owner", "Target date", "Update"]):
        ws.cell(row=10, column=i + 1, value=h)
    ws.append(["CT1", "Review discounts", "Raj Patel", dt.datetime(2023, 12, 31), "Started"])
    ws.append(["CT2", "Chase arrears", "Raj Patel / Ann Lee", "Ongoing", ""])
    for r in (4, 5, 11, 12):
        ws.cell(row=r, column=4).number_format = "dd/mm/yyyy"
    d = dump(wb, "two_plans_one_sheet", "--as-of", "2023-10-01")
    name = "two_plans_one_sheet"
    expect(name, "plans", [(p["kind"], p["title"]) for p in d["plans"]],
           [("action_plan", "Housing Benefit Action Plan"),
            ("action_plan", "Council Tax Action Plan")])
    expect(name, "as_of", d["as_of"], "2023-10-01")
    if len(d["plans"]) == 2:
        expect(name, "first refs", [a["ref"] for a in d["plans"][0]["actions"]], ["HB1", "HB2"])
        expect(name, "second refs", [a["ref"] for a in d["plans"][1]["actions"]], ["CT1", "CT2"])
        expect(name, "CT2 leads", d["plans"][1]["actions"][1]["leads"], ["Raj Patel", "Ann Lee"])
        expect(name, "CT2 due_text", d["plans"][1]["actions"][1]["due_text"], "Ongoing")
        expect(name, "HB1 due", d["plans"][0]["actions"][0]["due"], "2023-07-31")


def case_side_by_side():
    """Two tables side by side on one sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Both"
    left = ["Ref", "Action", "Who", "When"]
    right = ["Ref", "Action", "Who", "When"]
    for i, h in enumerate(left + [None] + right):
        if h:
            ws.cell(row=1, column=i + 1, value=h)
    ws.append(["A1", "Left one", "Jo Bloggs", "01/05/2023", None, "B1", "Right one", "Al Smith", "02/06/2023"])
    ws.append(["A2", "Left two", "Jo Bloggs", "01/07/2023", None, "B2", "Right two", "Al Smith", "02/08/2023"])
    d = dump(wb, "side_by_side")
    name = "side_by_side"
    expect(name, "refs", [[a["ref"] for a in p["actions"]] for p in d["plans"]],
           [["A1", "A2"], ["B1", "B2"]])
    if len(d["plans"]) == 2:
        expect(name, "right cell", d["plans"][1]["actions"][0]["cell"], "F2")
        expect(name, "right due", d["plans"][1]["actions"][1]["due"], "2023-08-02")


# ---- trackers ------------------------------------------------------------

KEY_WORDS = [("Not started", "DDEBF7"), ("On track", "00B050"),
             ("Up to 1 month late", "FFFF00"), ("More than 1 month late", "C00000"),
             ("On hold", "A6A6A6"), ("Completed", "0070C0")]


def case_tracker_key_sheet_dates():
    """Months as real dates (mmm-yy) in a calendar year, the legend on a
    Key sheet in other words and colours, header at row 3."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws["A1"] = "Waste Services Improvement Tracker"
    hdr = ["Action Ref", "Description", "Action Owner"]
    for i, h in enumerate(hdr):
        ws.cell(row=3, column=i + 1, value=h)
    for k in range(12):
        c = ws.cell(row=3, column=4 + k, value=dt.datetime(2023, k + 1, 1))
        c.number_format = "mmm-yy"
    ws.cell(row=3, column=16, value="Progress")
    colours = dict(KEY_WORDS)
    data = [
        ("W1", "Roll out food waste bins", "Kim Ho & Lee Dunn",
         ["On track"] * 5 + ["Up to 1 month late"] * 2 + ["Not started"] * 5, "Slipping"),
        ("W2", "New round scheduling", "Kim Ho",
         ["On track"] * 3 + ["Completed"], "Completed in April"),
        ("W3", "Depot review", "Lee Dunn",
         ["On hold"] * 8, "Paused pending budget"),
    ]
    for r, (ref, text, lead, status, comment) in enumerate(data, start=4):
        ws.cell(row=r, column=1, value=ref)
        ws.cell(row=r, column=2, value=text)
        ws.cell(row=r, column=3, value=lead)
        for k, s in enumerate(status):
            ws.cell(row=r, column=4 + k).fill = fill(colours[s])
        ws.cell(row=r, column=16, value=comment)
    key = wb.create_sheet("Key")
    key["A1"] = "Key"
    for r, (words, rgb) in enumerate(KEY_WORDS, start=2):
        key.cell(row=r, column=1).fill = fill(rgb)
        key.cell(row=r, column=2, value=words)
    d = dump(wb, "tracker_key_sheet_dates", "--as-of", "2023-07-15")
    name = "tracker_key_sheet_dates"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]], [("tracker", "Tracker")])
    if not d["plans"]:
        return
    p = d["plans"][0]
    expect(name, "legend", [(e["status"], e["label"], e["fill"]) for e in p["legend"]],
           [("programmed", "Not started", "DDEBF7"), ("on_target", "On track", "00B050"),
            ("one_month_behind", "Up to 1 month late", "FFFF00"),
            ("over_one_month_behind", "More than 1 month late", "C00000"),
            ("suspended", "On hold", "A6A6A6"), ("complete", "Completed", "0070C0")])
    a = actions_by_ref(p)
    w1 = a.get("W1", {"months": []})
    expect(name, "W1 months", months(w1)[:7],
           [("2023-01", "on_target"), ("2023-02", "on_target"), ("2023-03", "on_target"),
            ("2023-04", "on_target"), ("2023-05", "on_target"),
            ("2023-06", "one_month_behind"), ("2023-07", "one_month_behind")])
    expect(name, "W1 status", w1.get("status"), "one_month_behind")
    expect(name, "W1 leads", w1.get("leads"), ["Kim Ho", "Lee Dunn"])
    expect(name, "W2 status", a.get("W2", {}).get("status"), "complete")
    expect(name, "W3 status", a.get("W3", {}).get("status"), "suspended")


def case_tracker_two_row_header_legend_right():
    """Ref/Action/Lead merged over two header rows, "Progress 2024/25"
    merged over the month names, the legend to the right of the table,
    a merged parent row, blank rows between actions."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Progress"
    ws["A1"] = "Corporate Plan Monitoring"
    ws["A2"] = "Position at 31 October 2024"
    for col, h in ((1, "Ref"), (2, "Action"), (3, "Lead Officer")):
        ws.cell(row=4, column=col, value=h)
        ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
    ws.cell(row=4, column=4, value="Progress 2024/25")
    ws.merge_cells(start_row=4, start_column=4, end_row=4, end_column=15)
    names = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    for k, n in enumerate(names):
        ws.cell(row=5, column=4 + k, value=n)
    ws.cell(row=4, column=16, value="Commentary")
    ws.merge_cells("P4:P5")
    ws["A6"] = "3 (CP3)"
    ws["A6"].font = BOLD
    ws["B6"] = "Healthy communities"
    ws["B6"].font = BOLD
    ws["A7"] = "CP3a"
    ws["B7"] = "Open two leisure hubs"
    ws["C7"] = "Jan Moss"
    for k in range(7):
        ws.cell(row=7, column=4 + k).fill = fill("66FF66" if k < 5 else "FF9900")
    ws["P7"] = "Second hub delayed by planning"
    ws["A9"] = "CP3b"
    ws["B9"] = "Free swimming for under 16s"
    ws["C9"] = "Jan Moss and Leisure Team"
    for k in range(12):
        ws.cell(row=9, column=4 + k).fill = fill("66FF66" if k < 7 else "CCCCFF")
    # legend to the right
    legend = [("CCCCFF", "Planned"), ("66FF66", "On target"),
              ("FF9900", "Behind schedule"), ("404040", "Cancelled")]
    for r, (rgb, words) in enumerate(legend, start=4):
        ws.cell(row=r, column=18).fill = fill(rgb)
        ws.cell(row=r, column=19, value=words)
    d = dump(wb, "tracker_two_row_header")
    name = "tracker_two_row_header"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]], [("tracker", "Progress")])
    if not d["plans"]:
        return
    p = d["plans"][0]
    expect(name, "as_of", d["as_of"], "2024-10-31")
    a = actions_by_ref(p)
    expect(name, "refs", list(a), ["CP3", "CP3a", "CP3b"])
    expect(name, "CP3a parent", a.get("CP3a", {}).get("parent"), "CP3")
    expect(name, "CP3a months", months(a.get("CP3a", {"months": []}))[4:7],
           [("2024-08", "on_target"), ("2024-09", "over_one_month_behind"),
            ("2024-10", "over_one_month_behind")])
    expect(name, "CP3b last month", months(a.get("CP3b", {"months": []}))[-1:],
           [("2025-03", "programmed")])
    expect(name, "CP3b status", a.get("CP3b", {}).get("status"), "on_target")
    expect(name, "CP3b leads", a.get("CP3b", {}).get("leads"), ["Jan Moss", "Leisure Team"])
    expect(name, "CP3a comment", a.get("CP3a", {}).get("comment"), "Second hub delayed by planning")


# ---- forms ---------------------------------------------------------------

def case_indicator_days_lower_is_better():
    """An indicator form in other columns and words: labels merged B:C,
    values in D, a processing time in days, the workbook's own tolerance."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "NI181"
    ws["B1"] = "Performance Improvement Plan"
    ws["B1"].font = BOLD
    labels = [
        ("PI Title", "NI 181 - Average days to process new Housing Benefit claims"),
        ("Lead Officer", "Kerry Ash"),
        ("Target", "20 days"),
        ("Actual", "20.8 days"),
        ("Variance", "+0.8 days"),
        ("RAG status", "Amber"),
        ("Reason for variance", "Staff vacancies in the processing team"),
    ]
    for r, (label, value) in enumerate(labels, start=3):
        ws.cell(row=r, column=2, value=label).fill = fill("FFF2CC")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        ws.cell(row=r, column=4, value=value)
    ws["B12"] = "RAG key: Green on or better than target; Amber: within 5% of target; Red worse"
    d = dump(wb, "indicator_days")
    name = "indicator_days"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]], [("indicator_plan", "NI181")])
    if not d["plans"] or not d["plans"][0]["indicators"]:
        return
    i = d["plans"][0]["indicators"][0]
    expect(name, "code", i["code"], "NI 181")
    expect(name, "figures", (i["target"], i["actual"], i["unit"], i["direction"]),
           (20, 20.8, "days", "lower_is_better"))
    expect(name, "variance", round(i["variance"], 9), 0.8)
    expect(name, "stated", (i["stated_variance"], i["stated_rag"]), (0.8, "amber"))
    expect(name, "rag", i["rag"], "amber")
    expect(name, "owner", d["plans"][0]["owner"], "Kerry Ash")


def case_two_indicators_one_sheet():
    """Two indicator forms stacked on one sheet, numbers as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q2"
    r = 1
    for title, target, actual, stated in (
            ("% of invoices paid within 30 days - BV8", "95%", "96.5%", "+1.5%"),
            ("Sickness absence days per FTE - HR1", "8", "9.2", "+1.2")):
        ws.cell(row=r, column=1, value="PERFORMANCE ACTION PLAN").font = BOLD
        ws.cell(row=r + 1, column=1, value="Indicator Title")
        ws.cell(row=r + 1, column=2, value=title)
        ws.cell(row=r + 2, column=1, value="Target")
        ws.cell(row=r + 2, column=2, value=target)
        ws.cell(row=r + 3, column=1, value="Performance this Period")
        ws.cell(row=r + 3, column=2, value=actual)
        ws.cell(row=r + 4, column=1, value="+ / - Target")
        ws.cell(row=r + 4, column=2, value=stated)
        ws.cell(row=r + 5, column=1, value="Non-compliance reason")
        ws.cell(row=r + 5, column=2, value="n/a")
        r += 8
    d = dump(wb, "two_indicators")
    name = "two_indicators"
    got = [(i["code"], i["target"], i["actual"], i["unit"], i["direction"], i["rag"])
           for p in d["plans"] for i in p["indicators"]]
    expect(name, "indicators", got,
           [("BV8", 0.95, 0.965, "percent", "higher_is_better", "green"),
            ("HR1", 8, 9.2, "days", "lower_is_better", "red")])
    expect(name, "cells", [p["cell"] for p in d["plans"]], ["A1", "A9"])


def case_recovery_seed_layout():
    """A recovery plan laid out as the seed prints it: labels in B, values
    in C, narrative under its question, another year, GREEN answers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "FRB-24-011"
    ws["A1"] = "Deficit Recovery Plan"
    form = [("Directorate", "Place"), ("Combined Tracker Ref.", "FRB/24/011"),
            ("Service Director", "Ola Brown"), ("Service Area", "Parking income"),
            ("Service Manager", "Ben Cole"), ("Activity/Cost centres", "PK2201"),
            ("23/24 Budget £’000", -150), ("23/24 Outturn £’000", 60),
            ("24/25 Budget £’000", -120),
            ("Pressure on this activity in 24/25 (based on 23/24 outturn) £’000", 180)]
    r = 3
    for label, value in form:
        ws.cell(row=r, column=2, value=label)
        ws.cell(row=r, column=3, value=value)
        r += 2
    r += 1
    ws.cell(row=r, column=2, value="MILESTONE DETAILS")
    ws.cell(row=r, column=3, value="£")
    ws.cell(row=r, column=4, value="Date")
    ws.cell(row=r + 1, column=2, value="Raise tariffs in town centre car parks")
    ws.cell(row=r + 1, column=3, value="100,000")
    ws.cell(row=r + 1, column=4, value="31/09/2024")
    ws.cell(row=r + 2, column=2, value="Enforcement review")
    ws.cell(row=r + 2, column=3, value=50000)
    ws.cell(row=r + 2, column=4, value="24/25")
    r += 5
    ws.cell(row=r, column=2, value="Quarterly Monitoring updates")
    r += 1
    quarters = [("QUARTER 1 (to 30/06/24)", "GREEN", "Tariffs agreed by Cabinet."),
                ("QUARTER 2 (to 30/09/24)", "AMBER", "Implementation slipped to October."),
                ("QUARTER 3 (to 31/12/24)", None, None),
                ("QUARTER 4 (to 31/03/25)", None, None)]
    for head, rag, text in quarters:
        ws.cell(row=r, column=2, value=head)
        ws.cell(row=r + 1, column=2, value="On Target ? (Yes = GREEN; Partial (e.g. milestones slipped) = AMBER, No = RED)")
        if rag:
            ws.cell(row=r + 1, column=3, value=rag)
        ws.cell(row=r + 2, column=2, value="Provide narrative below")
        if text:
            ws.cell(row=r + 4, column=2, value=text)
        r += 6
    d = dump(wb, "recovery_seed_layout", "--as-of", "2024-11-01")
    name = "recovery_seed_layout"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("recovery_plan", "FRB-24-011")])
    if not d["plans"]:
        return
    p = d["plans"][0]
    f = p["finance"] or {}
    expect(name, "finance", {k: f.get(k) for k in ("unit", "year", "budget_prior", "outturn_prior",
                                                   "budget", "pressure", "cost_centre")},
           {"unit": 1000, "year": "2024/25", "budget_prior": -150, "outturn_prior": 60,
            "budget": -120, "pressure": 180, "cost_centre": "PK2201"})
    expect(name, "milestones", [(m["amount"], m["due"], m["due_text"]) for m in p["milestones"]],
           [(100000, None, "31/09/2024"), (50000, None, "24/25")])
    expect(name, "periods", [(x["label"], x["end"], x["rag"], x["narrative"]) for x in p["periods"]],
           [("Q1", "2024-06-30", "green", "Tariffs agreed by Cabinet."),
            ("Q2", "2024-09-30", "amber", "Implementation slipped to October."),
            ("Q3", "2024-12-31", None, None), ("Q4", "2025-03-31", None, None)])
    expect(name, "owner", p["owner"], "Ben Cole")


def case_unrecognised_sheet():
    """A sheet of notes yields no plan; an empty workbook none either."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Notes"
    ws["A1"] = "Please return this workbook by Friday."
    ws["A2"] = "Contact the performance team with questions."
    d = dump(wb, "unrecognised")
    expect("unrecognised", "plans", d["plans"], [])


def case_action_plan_rag_column_offset():
    """A table from column B under a title, numeric refs, a "RAG" column
    holding the position statement, a merged parent row written as
    "R2 Improve ..."."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws["B1"] = "Licensing Service Action Plan"
    for i, h in enumerate(["ID", "Activity", "Owner", "Timescale", "RAG"]):
        ws.cell(row=3, column=2 + i, value=h).font = BOLD
    ws["B4"] = 1
    ws["C4"] = "Digitise taxi licence renewals"
    ws["D4"] = "Marc Dubois"
    ws["E4"] = dt.datetime(2024, 1, 31)
    ws["E4"].number_format = "dd/mm/yyyy"
    ws["F4"] = "Green - on track, supplier appointed"
    ws["B5"] = 2
    ws["C5"] = "Review the fees"
    ws["D5"] = "M Dubois, Finance Team"
    ws["E5"] = "March 2024"
    ws["F5"] = "Red: delayed by the consultation"
    ws.merge_cells("B6:F6")
    ws["B6"] = "R3 Improve enforcement in the night-time economy"
    ws["B6"].font = BOLD
    ws["B7"] = "R3a"
    ws["C7"] = "Joint patrols with the police"
    ws["D7"] = "Licensing Enforcement Team"
    ws["E7"] = "Ongoing"
    ws["F7"] = "Completed"
    d = dump(wb, "action_plan_rag_column")
    name = "action_plan_rag_column"
    expect(name, "plans", [(p["kind"], p["title"]) for p in d["plans"]],
           [("action_plan", "Licensing Service Action Plan")])
    if not d["plans"]:
        return
    a = actions_by_ref(d["plans"][0])
    expect(name, "refs", list(a), ["1", "2", "R3", "R3a"])
    expect(name, "1", (a["1"]["status"], a["1"]["comment"], a["1"]["cell"]),
           ("on_target", "Green - on track, supplier appointed", "B4"))
    expect(name, "2", (a["2"]["status"], a["2"]["leads"], a["2"]["due_text"]),
           ("over_one_month_behind", ["M Dubois", "Finance Team"], "March 2024"))
    expect(name, "R3", (a.get("R3", {}).get("text"), a.get("R3", {}).get("parent")),
           ("Improve enforcement in the night-time economy", None))
    expect(name, "R3a", (a["R3a"]["parent"], a["R3a"]["status"]), ("R3", "complete"))


def case_tracker_horizontal_legend_fy_title():
    """The financial year in the title and no report date, month names with
    no year, a horizontal legend in the title block, letters in the
    coloured cells, a "Complete" colour."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Delivery"
    ws["A1"] = "Housing Strategy Delivery Plan 2010/11"
    legend = [("Key:", None), (None, "BFBFBF"), ("Planned", None), (None, "00FF00"),
              ("On schedule", None), (None, "FFFF00"), ("Slipped up to a month", None),
              (None, "FF0000"), ("Slipped more than a month", None), (None, "0000FF"),
              ("Complete", None)]
    for k, (words, rgb) in enumerate(legend, start=1):
        c = ws.cell(row=3, column=k, value=words)
        if rgb:
            c.fill = fill(rgb)
    hdr = ["Ref", "Action", "Lead"] + ["April", "May", "June", "July", "August", "September",
                                       "October", "November", "December", "January",
                                       "February", "March"] + ["Comment"]
    for i, h in enumerate(hdr):
        ws.cell(row=5, column=i + 1, value=h).font = BOLD
    rows = [("H1", "Build 40 affordable homes", "Ruth Gale",
             ["00FF00"] * 6 + ["FFFF00"] * 2 + ["BFBFBF"] * 4, "Site handover late"),
            ("H2", "Adopt the allocations policy", "Ruth Gale",
             ["00FF00"] * 3 + ["0000FF"], "Adopted by Council in July")]
    for r, (ref, text, lead, fills, comment) in enumerate(rows, start=6):
        ws.cell(row=r, column=1, value=ref)
        ws.cell(row=r, column=2, value=text)
        ws.cell(row=r, column=3, value=lead)
        for k, rgb in enumerate(fills):
            c = ws.cell(row=r, column=4 + k, value="X")
            c.fill = fill(rgb)
        ws.cell(row=r, column=16, value=comment)
    d = dump(wb, "tracker_horizontal_legend", "--as-of", "2010-11-20")
    name = "tracker_horizontal_legend"
    expect(name, "plans", [p["kind"] for p in d["plans"]], ["tracker"])
    if not d["plans"]:
        return
    p = d["plans"][0]
    expect(name, "legend", [(e["status"], e["label"]) for e in p["legend"]],
           [("programmed", "Planned"), ("on_target", "On schedule"),
            ("one_month_behind", "Slipped up to a month"),
            ("over_one_month_behind", "Slipped more than a month"), ("complete", "Complete")])
    a = actions_by_ref(p)
    expect(name, "H1 months", [m["month"] for m in a["H1"]["months"]][::11],
           ["2010-04", "2011-03"])
    expect(name, "H1 status", a["H1"]["status"], "one_month_behind")
    expect(name, "H2 status", a["H2"]["status"], "complete")


def case_indicator_budget_band():
    """A budget held to +/- 5%: within_band, in pounds, the band from the
    sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws["A1"] = "Performance Action Plan"
    rows = [("Indicator Title", "Spend against budget: Adult Social Care (ASC7)"),
            ("Target", 1250000), ("Performance this Period", 1330000),
            ("+ / - Target", 80000), ("Non-compliance reason", "Placements above forecast")]
    for r, (label, value) in enumerate(rows, start=3):
        ws.cell(row=r, column=1, value=label)
        c = ws.cell(row=r, column=2, value=value)
        if isinstance(value, int):
            c.number_format = '"\u00a3"#,##0'
    ws["A9"] = "Budgets are held to \u00b15% of the approved budget."
    d = dump(wb, "indicator_budget_band")
    name = "indicator_budget_band"
    ind = [i for p in d["plans"] for i in p["indicators"]]
    expect(name, "indicator", [(i["code"], i["unit"], i["direction"], i["variance"], i["rag"])
                               for i in ind],
           [("ASC7", "gbp", "within_band", 80000, "amber")])


def case_indicator_values_below_labels():
    """An indicator form whose values sit under their labels."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PI"
    ws["A1"] = "Performance Action Plan: Quarter 3"
    for i, (label, value) in enumerate([("Measure", "Household waste recycled (%) - NI 192"),
                                        ("Target", 0.5), ("Actual", 0.462),
                                        ("RAG", "Amber")]):
        ws.cell(row=3, column=1 + i, value=label).font = BOLD
        c = ws.cell(row=4, column=1 + i, value=value)
        if isinstance(value, float):
            c.number_format = "0.0%"
    d = dump(wb, "indicator_values_below")
    name = "indicator_values_below"
    ind = [i for p in d["plans"] for i in p["indicators"]]
    expect(name, "indicator", [(i["code"], i["target"], i["actual"], i["unit"], i["rag"],
                                i["stated_rag"]) for i in ind],
           [("NI 192", 0.5, 0.462, "percent", "amber", "amber")])


def case_indicator_code_at_end_team_lead():
    """A form whose title ends with its code and no dash ("... NI 181"),
    with a team as its lead, beside a tracker-free sheet of notes."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Claims"
    rows = [("Performance Indicator",
             "Time taken to process Housing Benefit new claims (days) NI 181"),
            ("Lead Officer", "HR Team"), ("Target", "22"),
            ("Actual performance", "27.5"), ("Variance", "5.5"),
            ("RAG status", "Red"),
            ("Reason for under-performance", "Staff vacancies")]
    for r, (a, b) in enumerate(rows, start=2):
        ws.cell(row=r, column=1, value=a)
        ws.cell(row=r, column=2, value=b)
    d = dump(wb, "indicator_code_end")
    name = "indicator_code_end"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("indicator_plan", "Claims")])
    if not d["plans"] or not d["plans"][0]["indicators"]:
        return
    i = d["plans"][0]["indicators"][0]
    expect(name, "code", i["code"], "NI 181")
    expect(name, "figures", (i["target"], i["actual"], i["unit"],
                             i["direction"], i["rag"], i["stated_rag"]),
           (22, 27.5, "days", "lower_is_better", "red", "red"))
    expect(name, "owner", d["plans"][0]["owner"], "HR Team")


def case_tracker_theme_colours_other_words():
    """A key coloured with theme colours (one tinted), in words the seeds
    do not use ("Slippage", "Significant delay"), laid out across a row."""
    from openpyxl.styles.colors import Color
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Progress"
    ws["A1"] = "Service Improvement Tracker"
    ws["A2"] = "As at 31 October 2024"
    ws["A4"] = "Key:"
    key = [(Color(theme=9), "Completed"),
           (Color(theme=6, tint=0.3999755851924192), "On track"),
           (Color(rgb="FFFFFF00"), "Slippage"),
           (Color(rgb="FFFF0000"), "Significant delay")]
    for i, (c, label) in enumerate(key):
        ws.cell(row=4, column=2 + 2 * i).fill = PatternFill("solid", fgColor=c)
        ws.cell(row=4, column=3 + 2 * i, value=label)
    head = ["Ref", "Action", "Lead Officer", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Commentary"]
    for i, h in enumerate(head):
        ws.cell(row=6, column=i + 1, value=h).font = BOLD
    acts = [("1", "Recruit apprentices", "Pat Doe", [0, 0, 0]),
            ("2", "New IT system", "Lee Roy / ICT Team", [1, 1, 2, 3])]
    for j, (ref, text, lead, states) in enumerate(acts):
        r = 7 + j
        ws.cell(row=r, column=1, value=ref)
        ws.cell(row=r, column=2, value=text)
        ws.cell(row=r, column=3, value=lead)
        for k, st in enumerate(states):
            ws.cell(row=r, column=4 + k).fill = PatternFill("solid", fgColor=key[st][0])
    d = dump(wb, "tracker_theme")
    name = "tracker_theme"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("tracker", "Progress")])
    if not d["plans"]:
        return
    p = d["plans"][0]
    expect(name, "legend", [(e["status"], e["fill"]) for e in p["legend"]],
           [("complete", "F79646"), ("on_target", "C3D69B"),
            ("one_month_behind", "FFFF00"), ("over_one_month_behind", "FF0000")])
    a = actions_by_ref(p)
    expect(name, "months of 2", months(a.get("2", {"months": []})),
           [("2024-04", "on_target"), ("2024-05", "on_target"),
            ("2024-06", "one_month_behind"), ("2024-07", "over_one_month_behind")])
    expect(name, "leads of 2", a.get("2", {}).get("leads"), ["Lee Roy", "ICT Team"])


def case_ragbook_marked_sheets_and_columns():
    """What `convert` writes is marked with defined names and not read: a
    sheet named by _ragbook_issues (here holding a whole action plan) and
    the cells of a _ragbook_computed_* range (a column headed with a
    status word and a report date)."""
    from openpyxl.workbook.defined_name import DefinedName
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    head = ["Ref", "Action", "Lead", "Due date", "Progress"]
    for i, h in enumerate(head):
        ws.cell(row=1, column=i + 1, value=h).font = BOLD
    ws.cell(row=1, column=7, value="Status")
    ws.cell(row=2, column=7, value="Position at 1 March 2031")
    for r, (ref, text, lead) in enumerate([("A1", "Fix roofs", "Sam Lee"),
                                           ("A2", "Clear voids", "Kim Ho")], 2):
        ws.cell(row=r, column=1, value=ref)
        ws.cell(row=r, column=2, value=text)
        ws.cell(row=r, column=3, value=lead)
        ws.cell(row=r, column=4, value="31/03/2024")
    issues = wb.create_sheet("Issues")
    for i, h in enumerate(head):
        issues.cell(row=1, column=i + 1, value=h)
    issues.cell(row=2, column=1, value="Z9")
    issues.cell(row=2, column=2, value="Not a plan: ragbook's own list")
    wb.defined_names.append(DefinedName("_ragbook_issues",
                                        attr_text="'Issues'!$A$1"))
    wb.defined_names.append(DefinedName("_ragbook_computed_1", localSheetId=0,
                                        attr_text="'Plan'!$G$1:$G$3"))
    d = dump(wb, "ragbook_marked")
    name = "ragbook_marked"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("action_plan", "Plan")])
    if not d["plans"]:
        return
    expect(name, "refs", [a["ref"] for a in d["plans"][0]["actions"]],
           ["A1", "A2"])
    expect(name, "as_of not from the marked column",
           d["plans"][0]["as_of"], None)


def case_action_plan_recommendation_and_actions():
    """An improvement plan after an inspection: a Recommendation column and
    an 'Actions to be taken' column side by side (one table, not two), the
    refs only left of both, dates in words, a post as a lead."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Improvement Plan"
    ws["A1"] = "Adult Social Care - Improvement Action Plan"
    ws["A2"] = "Updated: 14th October 2024"
    head = ["Ref", "Recommendation", "Actions to be taken",
            "Responsible Officer(s)", "Timescale", "Progress / Update", "RAG"]
    for i, h in enumerate(head):
        ws.cell(row=4, column=i + 1, value=h).font = BOLD
    rows = [("1", "Strengthen governance", "Set up board",
             "Director of Adult Services", "30th September 2024",
             "Board met in Sept", "Green"),
            ("1.1", "", "Terms of reference", "Mrs J. Patel & Mr K. Wong",
             "Sept 2024", "Agreed", "Green"),
            ("1.2", "", "Recruit chair", "AD Commissioning",
             "End of Q3 2024/25", "", "Amber")]
    for r, row in enumerate(rows, start=5):
        for c, val in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=val)
    d = dump(wb, "recommendation_actions")
    name = "recommendation_actions"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("action_plan", "Improvement Plan")])
    if not d["plans"]:
        return
    acts = d["plans"][0]["actions"]
    expect(name, "refs and texts", [(a["ref"], a["text"]) for a in acts],
           [("1", "Set up board"), ("1.1", "Terms of reference"),
            ("1.2", "Recruit chair")])
    expect(name, "due", [(a["due"], a["due_text"]) for a in acts],
           [("2024-09-30", None), (None, "Sept 2024"),
            (None, "End of Q3 2024/25")])
    expect(name, "leads", [a["leads"] for a in acts],
           [["Director of Adult Services"], ["Mrs J. Patel", "Mr K. Wong"],
            ["AD Commissioning"]])
    expect(name, "as_of", d["as_of"], "2024-10-14")


def case_tracker_key_words_in_swatches_reporting_period():
    """A key whose words are written in the coloured cells themselves, to
    the right of the title block; months as text "Apr-24"; the report date
    given as the end of a reporting period."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Delivery Plan"
    ws["A1"] = "Digital Strategy Delivery Plan 2024-25"
    ws["A2"] = "Reporting period: Q2 (to 30 September 2024)"
    key = [("C6EFCE", "Complete"), ("00B050", "On track"),
           ("FFEB9C", "Minor slippage"), ("FFC7CE", "Major slippage"),
           ("D9D9D9", "Not yet started")]
    ws["H1"] = "Key"
    for i, (c, label) in enumerate(key):
        ws.cell(row=2 + i, column=8, value=label).fill = fill(c)
    heads = ["Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24",
             "Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"]
    for i, h in enumerate(["ID", "Milestone", "Owner"] + heads + ["Notes"]):
        ws.cell(row=8, column=i + 1, value=h).font = BOLD
    acts = [("D1", "Launch new website", "Web Team", [0, 0, 0]),
            ("D2", "Migrate to cloud", "ICT Manager", [1, 1, 2, 2, 3, 3])]
    for j, (ref, text, owner, states) in enumerate(acts):
        r = 9 + j
        ws.cell(row=r, column=1, value=ref)
        ws.cell(row=r, column=2, value=text)
        ws.cell(row=r, column=3, value=owner)
        for k, st in enumerate(states):
            ws.cell(row=r, column=4 + k).fill = fill(key[st][0])
    d = dump(wb, "key_in_swatches")
    name = "key_in_swatches"
    expect(name, "plans", [(p["kind"], p["sheet"]) for p in d["plans"]],
           [("tracker", "Delivery Plan")])
    expect(name, "as_of", d["as_of"], "2024-09-30")
    if not d["plans"]:
        return
    p = d["plans"][0]
    expect(name, "legend", [(e["status"], e["label"]) for e in p["legend"]],
           [("complete", "Complete"), ("on_target", "On track"),
            ("one_month_behind", "Minor slippage"),
            ("over_one_month_behind", "Major slippage"),
            ("programmed", "Not yet started")])
    a = actions_by_ref(p)
    expect(name, "status of D2 at the period's end",
           a.get("D2", {}).get("status"), "over_one_month_behind")
    expect(name, "months of D2", months(a.get("D2", {"months": []}))[:3],
           [("2024-04", "on_target"), ("2024-05", "on_target"),
            ("2024-06", "one_month_behind")])


CASES = [case_tracker_key_words_in_swatches_reporting_period,
         case_action_plan_recommendation_and_actions,
         case_ragbook_marked_sheets_and_columns,
         case_tracker_theme_colours_other_words, case_indicator_code_at_end_team_lead, case_action_plan_other_words, case_two_plans_one_sheet, case_side_by_side,
         case_tracker_key_sheet_dates, case_tracker_two_row_header_legend_right,
         case_indicator_days_lower_is_better, case_two_indicators_one_sheet,
         case_recovery_seed_layout, case_unrecognised_sheet,
         case_action_plan_rag_column_offset, case_tracker_horizontal_legend_fy_title,
         case_indicator_budget_band, case_indicator_values_below_labels]


def main():
    global TMP
    with tempfile.TemporaryDirectory(dir=os.environ.get("RAG_KEEP_DIR")) as TMP:
        for case in CASES:
            try:
                case()
            except Exception as e:  # a crash in one case is a failure, not the end
                failures.append(f"{case.__name__}: {type(e).__name__}: {e}")
    for f in failures:
        print(f)
    print(f"{len(CASES)} variations, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
