#!/usr/bin/env python3
"""Make ragbook's sample workbooks: one of each kind, for an invented
council (Wyvern Vale Borough Council), worded and laid out unlike the
test fixtures.

    /usr/bin/python3 samples/make_samples.py [OUTDIR]

Needs python3-openpyxl (Debian).  Writes tracker.xlsx, action-plan.xlsx,
indicator-plans.xlsx and recovery-plan.xlsx (default: beside this script).
"""
import datetime as dt
import os
import sys

try:
    import openpyxl
except ImportError:
    if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("make_samples.py needs python3-openpyxl (apt-get install python3-openpyxl)")
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

COUNCIL = "Wyvern Vale Borough Council"
FIXED = dt.datetime(2024, 11, 8, 9, 0, 0)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
LABEL_FILL = PatternFill("solid", fgColor="E2EFDA")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def fill(rgb):
    return PatternFill("solid", fgColor=rgb)


def new_book():
    wb = openpyxl.Workbook()
    wb.properties.creator = COUNCIL
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def widths(ws, *w):
    for i, width in enumerate(w, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def header(ws, row, words, col=1):
    for i, h in enumerate(words):
        c = ws.cell(row=row, column=col + i, value=h)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.border = BOX
        c.alignment = Alignment(wrap_text=True, vertical="center")


# ---- a monthly tracker, its key on its own sheet --------------------------

KEY = [("Not started", "DDEBF7"), ("On track", "70AD47"),
       ("Up to 1 month late", "FFD966"), ("More than 1 month late", "E06666"),
       ("Revised date agreed", "C9A0DC"), ("On hold", "A5A5A5"),
       ("Completed", "4472C4")]


def tracker(path):
    wb = new_book()
    ws = wb.active
    ws.title = "CS Tracker"
    ws["A1"] = COUNCIL
    ws["A1"].font = TITLE
    ws["A2"] = "Customer Services Improvement Programme: monthly tracker"
    ws["A2"].font = BOLD
    ws["A3"] = "Programme lead: Director of Customer and Digital"
    ws["A4"] = "Position as at 31 October 2024"
    months = [dt.datetime(2024 + (m < 4), m, 1) for m in list(range(4, 13)) + [1, 2, 3]]
    header(ws, 6, ["Action Ref", "Description", "Action Owner"])
    for k, m in enumerate(months):
        c = ws.cell(row=6, column=4 + k, value=m)
        c.number_format = "mmm-yy"
        c.font = BOLD
        c.fill = HEAD_FILL
        c.border = BOX
    header(ws, 6, ["Progress"], col=16)
    colour = dict(KEY)
    plan = [
        ("4.1 (CS1)", "Answer more calls first time", None, None, None),
        ("CS1a", "Introduce a call-back service for the revenues line",
         "Amira Khan / Tom Price", ["On track"] * 5 + ["Completed"], "Completed in September"),
        ("CS1b", "Publish the telephone answering standard",
         "A Khan T Price CST", ["On track"] * 3 + ["Up to 1 month late"] * 2 +
         ["More than 1 month late"] * 2 + ["Not started"] * 5,
         "Standard drafted; awaiting sign-off by the portfolio holder"),
        ("4.2 (CS2)", "Move common requests online", None, None, None),
        ("CS2a", "Online form for missed bin collections", "Gareth Lloyd and Digital Team",
         ["On track"] * 7 + ["Not started"] * 5, "Form live; take-up 41% of reports"),
        ("CS2b", "Online payments for garden waste", "Gareth Lloyd",
         ["Not started"] * 2 + ["Revised date agreed"] * 5 + ["Not started"] * 5,
         "Supplier change: new go-live date 1 February 2025"),
        ("CS2c", "Self-service account for council tax", "Priya Nair",
         ["On track"] * 3 + ["On hold"] * 4, "Paused until the new revenues system is installed"),
    ]
    r = 7
    for ref, text, lead, status, comment in plan:
        ws.cell(row=r, column=1, value=ref)
        ws.cell(row=r, column=2, value=text).alignment = WRAP
        if lead is None:
            ws.cell(row=r, column=1).font = BOLD
            ws.cell(row=r, column=2).font = BOLD
        else:
            ws.cell(row=r, column=3, value=lead)
            for k, s in enumerate(status):
                ws.cell(row=r, column=4 + k).fill = fill(colour[s])
            ws.cell(row=r, column=16, value=comment).alignment = WRAP
        for c in range(1, 17):
            ws.cell(row=r, column=c).border = BOX
        r += 1
    widths(ws, 11, 44, 24, *([7] * 12), 48)
    ws.freeze_panes = "D7"
    key = wb.create_sheet("Key")
    key["A1"] = "Key to the tracker's colours"
    key["A1"].font = BOLD
    for r, (words, rgb) in enumerate(KEY, start=3):
        key.cell(row=r, column=1).fill = fill(rgb)
        key.cell(row=r, column=2, value=words)
    widths(key, 6, 28)
    wb.save(path)


# ---- an action plan ------------------------------------------------------

def action_plan(path):
    wb = new_book()
    ws = wb.active
    ws.title = "Collection Plan"
    ws["A1"] = COUNCIL
    ws["A1"].font = TITLE
    ws["A2"] = "Council Tax Collection Action Plan 2024/25"
    ws["A2"].font = BOLD
    ws["A3"] = "Report date: 31/10/2024"
    header(ws, 5, ["No.", "Task", "Responsible officer", "Deadline", "RAG", "Progress update"])
    rows = [
        ("1", "Improve in-year collection", "", dt.datetime(2025, 3, 31), "", ""),
        ("1.1", "Send reminders by text message as well as by post",
         "Hannah Ford / Revenues Team", dt.datetime(2024, 7, 31), "Complete",
         "Complete - texts sent with every first reminder since July"),
        ("1.2", "Offer 12-monthly instalments to everyone who asks",
         "H Ford D Mills", dt.datetime(2024, 9, 30), "On track",
         "Letters changed; website update due in November"),
        ("1.3", "Review single person discounts", "Dev Mills",
         "31/09/2024", "Delayed", "Data matching contract signed late"),
        ("2", "Reduce arrears from earlier years", "", "Q4 2024/25", "", ""),
        ("2.1", "Refer cases over £1,500 to enforcement agents", "Sian Roberts",
         "end of December", "On track", "62 cases referred so far"),
        ("2.2", "Attachment of earnings for customers in work", "Sian Roberts & Payroll Team",
         "Interim 30/11/2024 Full 31/03/2025", "", ""),
    ]
    r = 6
    for row in rows:
        for i, v in enumerate(row):
            c = ws.cell(row=r, column=1 + i, value=v if v != "" else None)
            c.border = BOX
            c.alignment = WRAP
            if isinstance(v, dt.datetime):
                c.number_format = "dd/mm/yyyy"
        if row[2] == "":
            ws.cell(row=r, column=1).font = BOLD
            ws.cell(row=r, column=2).font = BOLD
        r += 1
    widths(ws, 7, 46, 26, 22, 11, 50)
    ws.freeze_panes = "A6"
    wb.save(path)


# ---- performance action plans, one indicator a sheet ---------------------

def indicator_sheet(ws, title, director, lead, target, actual, variance, rag, reason, actions,
                    note=None):
    ws["A1"] = "PERFORMANCE IMPROVEMENT PLAN"
    ws["A1"].font = TITLE
    ws["A2"] = "Complete for every measure rated Red or Amber at the quarter end."
    form = [("PI Title", title), ("Lead Director", director), ("Lead Officer", lead),
            ("Target", target), ("Actual this period", actual), ("+/- Target", variance),
            ("RAG status", rag), ("Reason for variance", reason)]
    r = 4
    for label, value in form:
        c = ws.cell(row=r, column=1, value=label)
        c.font = BOLD
        c.fill = LABEL_FILL
        c.border = BOX
        v = ws.cell(row=r, column=2, value=value)
        v.border = BOX
        v.alignment = WRAP
        if isinstance(value, float):
            v.number_format = "0.0%" if abs(value) < 2 else "0.0"
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="IMPROVEMENT ACTIONS").font = BOLD
    r += 1
    for label, value in actions:
        c = ws.cell(row=r, column=1, value=label)
        c.font = BOLD
        c.fill = LABEL_FILL
        ws.cell(row=r, column=2, value=value).alignment = WRAP
        r += 1
    if note:
        ws.cell(row=r + 1, column=1, value=note)
    widths(ws, 26, 80)


def indicator_plans(path):
    wb = new_book()
    ws = wb.active
    ws.title = "BV8"
    indicator_sheet(
        ws, "Percentage of undisputed invoices paid within 30 days \u2013 BV8",
        "Rachel Adeyemi", "Colin Marsh", 0.97, 0.935, -0.035, "Amber",
        "Two payment runs missed during the finance system upgrade in August.",
        [("What (is required)", "Catch up the backlog of approvals in services."),
         ("How (will it be achieved)", "Weekly exception report to heads of service."),
         ("Who (will be responsible)", "Accounts Payable Manager"),
         ("When (will results be realised)", "By the end of Quarter 3")])
    ws2 = wb.create_sheet("HB1")
    indicator_sheet(
        ws2, "Average days to process new Housing Benefit claims \u2013 HB1",
        "Rachel Adeyemi", "Nadia Ross", "18 days", "23.4 days", "+5.4 days", "Red",
        "Two assessors on long-term sick leave; claims rose 12% on last year.",
        [("What (is required)", "Clear the queue of claims older than 30 days."),
         ("How (will it be achieved)", "Overtime and a temporary assessor from the agency."),
         ("Who (will be responsible)", "Benefits Manager"),
         ("When (will results be realised)", "January 2025")],
        note="Good performance is lower. Amber: within 5% of target.")
    wb.save(path)


# ---- a deficit recovery plan ---------------------------------------------

def recovery_plan(path):
    wb = new_book()
    ws = wb.active
    ws.title = "DRP-24-012"
    ws["A1"] = "Budget Deficit Recovery Plan"
    ws["A1"].font = TITLE
    form = [("Directorate", "Place and Environment"),
            ("Combined Tracker Ref.", "DRP/24/012"),
            ("Service Director", "Owen Blake"),
            ("Service Area", "Parks and open spaces: grounds maintenance income"),
            ("Service Manager", "Leah Carter"),
            ("Activity/Cost centres", "PK3310, PK3315"),
            ("23/24 Budget £'000", -310), ("23/24 Outturn £'000", -95),
            ("24/25 Budget £'000", -320),
            ("Pressure on this activity in 24/25 (based on 23/24 outturn) £'000", 225),
            ("Date of update", "15/11/2024")]
    r = 3
    for label, value in form:
        c = ws.cell(row=r, column=1, value=label)
        c.font = BOLD
        c.fill = LABEL_FILL
        c.border = BOX
        v = ws.cell(row=r, column=2, value=value)
        v.border = BOX
        if isinstance(value, int):
            v.number_format = "#,##0"
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Explain the context behind this pressure and what has caused it").fill = LABEL_FILL
    ws.cell(row=r, column=2, value="Two schools and a housing association ended their grounds "
                                   "maintenance contracts in 2023/24.").alignment = WRAP
    r += 2
    ws.cell(row=r, column=1, value="Timescale for budget deficit recovery").font = BOLD
    r += 1
    for i, h in enumerate(["MILESTONE DETAILS", "£", "Date"]):
        c = ws.cell(row=r, column=1 + i, value=h)
        c.font = BOLD
        c.fill = LABEL_FILL
    milestones = [("Win two new school contracts", 120000, dt.datetime(2024, 9, 1)),
                  ("Raise sports pitch charges by 8%", 45000, "2024/25"),
                  ("Stop seasonal bedding in three parks", 60000, "31/09/2024")]
    for text, amount, due in milestones:
        r += 1
        ws.cell(row=r, column=1, value=text).alignment = WRAP
        ws.cell(row=r, column=2, value=amount).number_format = "#,##0"
        c = ws.cell(row=r, column=3, value=due)
        if isinstance(due, dt.datetime):
            c.number_format = "dd/mm/yyyy"
    r += 3
    ws.cell(row=r, column=1, value="Quarterly Monitoring updates").font = BOLD
    quarters = [("QUARTER 1 (to 30/06/24)", "GREEN", "One school contract signed from September."),
                ("QUARTER 2 (to 30/09/24)", "AMBER", "Second school deferred its decision to January."),
                ("QUARTER 3 (to 31/12/24)", None, None),
                ("QUARTER 4 (to 31/03/25)", None, None)]
    for head, rag, text in quarters:
        r += 2
        ws.cell(row=r, column=1, value=head).font = BOLD
        ws.cell(row=r + 1, column=1,
                value="On Target ? (Yes = GREEN; Partial (e.g. milestones slipped) = AMBER, No = RED)").fill = LABEL_FILL
        if rag:
            ws.cell(row=r + 1, column=2, value=rag)
        ws.cell(row=r + 2, column=1, value="Provide narrative below").fill = LABEL_FILL
        if text:
            ws.cell(row=r + 3, column=1, value=text)
        r += 3
    widths(ws, 60, 16, 14)
    wb.save(path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    tracker(os.path.join(out, "tracker.xlsx"))
    action_plan(os.path.join(out, "action-plan.xlsx"))
    indicator_plans(os.path.join(out, "indicator-plans.xlsx"))
    recovery_plan(os.path.join(out, "recovery-plan.xlsx"))
    print(f"samples written to {out}")


if __name__ == "__main__":
    main()
