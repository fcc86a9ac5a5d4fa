"""Deficit recovery plans, and workbooks with no plan at all."""
import datetime as dt

import words as W
from variation import long_date


def money_text(pounds, rng):
    """A sum in pounds as officers type it, and its value."""
    k = rng.random()
    if k < 0.3:
        return pounds, pounds
    if k < 0.5:
        return f"{pounds:,}", pounds
    if k < 0.75 and pounds % 1000 == 0:
        return f"£{pounds // 1000}k", pounds
    if pounds % 100000 == 0 and pounds >= 1000000:
        return f"£{pounds / 1e6:g}m", pounds
    return f"£{pounds:,}", pounds


def recovery_plan(v):
    rng = v.rng
    fy = rng.randint(2018, 2026)
    py = f"{(fy - 1) % 100:02d}/{fy % 100:02d}"
    cy = f"{fy % 100:02d}/{(fy + 1) % 100:02d}"
    v.as_of = dt.date(fy, rng.choice([7, 8, 10, 11]), rng.randint(1, 28))
    sheet = f"FRB-{fy % 100:02d}-{rng.randint(1, 40):03d}"
    ws = v.book.sheet(sheet)
    units = rng.choice(["labels", "labels", "prose", "pounds"])
    prose_units = units == "prose"
    v.traits.add("units-" + units)
    unit = 1 if units == "pounds" else 1000
    lc = rng.choice([1, 2])
    far = rng.random() < 0.4
    vc = lc + (rng.randint(2, 4) if far else 1)
    if far:
        v.traits.add("values-far")
    r = 1
    ws.put(r, lc, "Deficit Recovery Plan", bold=True)
    r += 1
    if prose_units:
        ws.put(r, lc, rng.choice(["All figures in £000s throughout",
                                  "Figures are shown in £'000 throughout",
                                  "(£000s throughout)"]))
        r += 1
        unit_lbl = ""
    elif units == "pounds":
        unit_lbl = " " + rng.choice(["£", "(£)"])
    else:
        unit_lbl = " " + rng.choice(["£’000", "£'000", "£000"])
    r += 1
    budget_prior = rng.randint(-200, 600)
    outturn_prior = budget_prior + rng.randint(50, 900)
    budget = budget_prior + rng.randint(-50, 100)
    pressure = outturn_prior - budget
    if rng.random() < 0.2:
        pressure += rng.choice([-1, 1]) * rng.randint(3, 40)
        v.traits.add("arith-wrong")
        v.finding("finance-arithmetic", sheet)
    cost_centre = f"{rng.choice(['FF', 'PK', 'HS', 'AC'])}{rng.randint(1000, 9999)}"
    manager = f"{rng.choice(W.FIRST)} {rng.choice(W.LAST)}"
    neg_brackets = rng.random() < 0.3

    if unit == 1:
        budget_prior, outturn_prior, budget, pressure = (
            x * 1000 for x in (budget_prior, outturn_prior, budget, pressure))

    def amt(x):
        if unit == 1:
            if x > 0:
                text, _ = money_text(x, rng)
                if isinstance(text, str) and text[-1] in "km":
                    v.traits.add("money-suffix")
                return text
            return x
        if neg_brackets and x < 0:
            v.traits.add("money-brackets")
            return f"({-x})"
        return x
    form = [("Directorate", rng.choice(["Chief Executive", "Place", "People"])),
            ("Combined Tracker Ref.", sheet.replace("-", "/")),
            ("Service Director", f"{rng.choice(W.FIRST)} {rng.choice(W.LAST)}"),
            ("Service Area", rng.choice(["Parking income", "Adult Social care assessment costs",
                                         "Temporary accommodation"])),
            ("Service Manager", manager),
            ("Activity/Cost centres", cost_centre),
            (f"{py} Budget{unit_lbl}", amt(budget_prior)),
            (f"{py} Outturn{unit_lbl}", amt(outturn_prior)),
            (f"{cy} Budget{unit_lbl}", amt(budget)),
            (f"Pressure on this activity in {cy} (based on {py} outturn){unit_lbl}",
             amt(pressure))]
    gap = rng.choice([1, 2])
    for label, value in form:
        ws.put(r, lc, label)
        ws.put(r, vc, value)
        if far and rng.random() < 0.5:
            ws.merge(r, vc, r, vc + 1)
        r += gap
    r += 1
    ws.put(r, lc, "Explain the context behind this pressure and what has caused it")
    ws.put(r + 1, lc, "Demand has risen and the income target was not met.")
    r += 3
    # milestones
    ms_style = rng.choice(["seed", "table"])
    v.traits.add("milestones-" + ms_style)
    if ms_style == "seed":
        heads = ["MILESTONE DETAILS", "£", "Date"]
    else:
        # the milestone table's headings as templates word them
        heads = [rng.choice(["Milestone", "Key milestones",
                             "Milestone description", "Action",
                             "Recovery actions", "Savings proposals",
                             "Mitigating actions", "Actions"]),
                 rng.choice(["Amount", "£", "Saving £", "Estimated saving",
                             "Value (£)"]),
                 rng.choice(["Target date", "Date", "Delivery date",
                             "Deadline"]),
                 rng.choice(["Owner", "Lead", "Responsible officer"])]
    for i, h in enumerate(heads):
        ws.put(r, lc + i, h, bold=True)
    r += 1
    n = rng.randint(1, 3)
    total_target = pressure * unit
    short = rng.random() < 0.5
    amounts = []
    for i in range(n):
        share = total_target / n
        x = int(round(share * (rng.uniform(0.2, 0.6) if short else rng.uniform(1.05, 1.4)), -3))
        if x >= 1000000:
            x = int(round(x, -5))     # large sums written "£1.2m"
        amounts.append(max(x, 1000))
    total = sum(amounts)
    if pressure > 0 and total < pressure * unit - unit / 2:
        v.finding("recovery-shortfall", sheet)
    for i, x in enumerate(amounts):
        text, value = money_text(x, rng)
        if isinstance(text, str) and text.startswith("£") and text.endswith(("k", "m")):
            v.traits.add("money-suffix")
        ws.put(r, lc, rng.choice(["Raise tariffs in town centre car parks",
                                  "Review of charging policy",
                                  "Restructure the team",
                                  "Recharge staffing costs to ASC"]))
        ws.put(r, lc + 1, text)
        k = rng.random()
        d = v.as_of + dt.timedelta(days=rng.randint(-150, 200))
        if k < 0.4:
            ws.put(r, lc + 2, d, fmt="dd/mm/yyyy")
            due, due_text = d.isoformat(), None
            if d < v.as_of:
                v.finding("milestone-overdue", sheet, row=r)
        elif k < 0.6:
            ws.put(r, lc + 2, d.strftime("%d/%m/%Y"))
            due, due_text = d.isoformat(), None
            if d < v.as_of:
                v.finding("milestone-overdue", sheet, row=r)
        else:
            # a quarter ("Q4 2024/25") in the date column is when it is
            # due, not the monitoring's heading
            due_text = rng.choice([f"{fy}/{fy + 1}", f"{cy}", "Ongoing",
                                   f"Q{rng.randint(1, 4)} {fy}/"
                                   f"{(fy + 1) % 100:02d}"])
            ws.put(r, lc + 2, due_text)
            due = None
            if due_text != "Ongoing":
                v.finding("milestone-overdue", sheet, row=r, may=True)
        if ms_style == "table":
            ws.put(r, lc + 3, manager)
        v.fact("milestone", [sheet, i], [value, due, due_text])
        r += 1
    r += 2
    ws.put(r, lc, "Quarterly Monitoring updates", bold=True)
    r += 1
    ends = [dt.date(fy, 6, 30), dt.date(fy, 9, 30), dt.date(fy, 12, 31),
            dt.date(fy + 1, 3, 31)]
    qstyle = rng.choice(["seed", "months", "short"])
    v.traits.add("quarters-" + qstyle)
    # or the quarters across one row, a row a question under them
    across = rng.random() < 0.2
    if across:
        v.traits.add("quarters-across")
        rag_row, text_row = r + 1, r + 2
        ws.put(rag_row, lc, rng.choice(["RAG", "On target?", "RAG status"]))
        ws.put(text_row, lc, rng.choice(["Narrative", "Commentary",
                                         "Progress update"]))
    outside = rng.random() < 0.15
    spans = ["April to June", "July to September", "October to December",
             "January to March"]
    for q in range(4):
        end = ends[q]
        if outside and q == 3:
            end = dt.date(fy, 3, 31)
            v.traits.add("period-outside")
            v.finding("period-outside-year", sheet, period="Q4")
        if qstyle == "seed":
            head = f"QUARTER {q + 1} (to {end.strftime('%d/%m/%y')})"
        elif qstyle == "months":
            head = f"Quarter {q + 1} ({spans[q]} {end.year})"
        else:
            head = f"Q{q + 1} - to {long_date(end, rng)}"
        past = ends[q] < v.as_of
        rag = None
        narrative = None
        if across:
            ws.put(r, lc + 1 + q, head, bold=True)
            if past and rng.random() < 0.8:
                rag = rng.choice(["green", "amber", "red"])
                ws.put(rag_row, lc + 1 + q, rag.upper())
            if (past and rng.random() < 0.8) or \
                    (rag is None and rng.random() < 0.1):
                narrative = rng.choice(["Tariffs agreed by Cabinet.",
                                        "Implementation slipped to October.",
                                        "Savings on track; restructure "
                                        "consulted on."])
                ws.put(text_row, lc + 1 + q, narrative)
        else:
            ws.put(r, lc, head, bold=True)
            ws.put(r + 1, lc, "On Target ? (Yes = GREEN; Partial (e.g. milestones slipped) = AMBER, No = RED)")
            if past and rng.random() < 0.8:
                rag = rng.choice(["green", "amber", "red"])
                ws.put(r + 1, lc + 1 + (vc - lc - 1 if far else 0), rag.upper())
            ws.put(r + 2, lc, "Provide narrative below")
            if (past and rng.random() < 0.8) or (rag is None and rng.random() < 0.1):
                narrative = rng.choice(["Tariffs agreed by Cabinet.",
                                        "Implementation slipped to October.",
                                        "Savings on track; restructure consulted on."])
                ws.put(r + 3, lc, narrative)
        if rag is None and narrative:
            v.finding("status-missing", sheet, period=f"Q{q + 1}")
        elif rag is None and end < v.as_of:
            v.finding("status-missing", sheet, period=f"Q{q + 1}")
        elif rag in ("red", "amber") and not narrative:
            v.finding("narrative-missing", sheet, period=f"Q{q + 1}")
        v.fact("period", [sheet, f"Q{q + 1}"], [end.isoformat(), rag])
        v.fact("period.narrative", [sheet, f"Q{q + 1}"], narrative)
        if not across:
            r += 5
    v.fact("plan", [sheet, "recovery_plan"], 1)
    key = [sheet]
    v.fact("fin.unit", key, unit)
    v.fact("fin.year", key, f"{fy}/{(fy + 1) % 100:02d}")
    v.fact("fin.budget_prior", key, budget_prior)
    v.fact("fin.outturn_prior", key, outturn_prior)
    v.fact("fin.budget", key, budget)
    v.fact("fin.pressure", key, pressure)
    v.fact("fin.cost_centre", key, cost_centre)


def no_plan(v):
    rng = v.rng
    v.as_of = dt.date(rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28))
    other_sheets(v, rng.randint(1, 2))
    v.finding("plan-not-found")
    v.fact("plan", ["*", "none"], 0)


def other_sheets(v, n):
    """n sheets that hold no plan (notes, contacts, meetings, a glossary)."""
    rng = v.rng
    kinds = rng.sample(["notes", "contacts", "meetings", "glossary",
                        "risks", "dashboard"], n)
    for k in kinds:
        v.traits.add("none-" + k)
        ws = v.book.sheet(k.capitalize())
        if k == "notes":
            ws.put(1, 1, "Please return this workbook to the performance team by Friday.")
            ws.put(2, 1, "Contact the performance team with any questions.")
            ws.put(4, 1, "Thank you.")
        elif k == "contacts":
            for i, h in enumerate(["Name", "Team", "Phone", "Email"]):
                ws.put(1, i + 1, h, bold=True)
            for j in range(rng.randint(2, 6)):
                f, l = rng.choice(W.FIRST), rng.choice(W.LAST)
                ws.put(2 + j, 1, f"{f} {l}")
                ws.put(2 + j, 2, rng.choice(W.TEAMS))
                ws.put(2 + j, 3, f"01527 {rng.randint(100000, 999999)}")
                ws.put(2 + j, 4, f"{f.lower()}.{l.lower()}@council.gov.uk")
        elif k == "risks":
            # a risk register: its RAG is the risk's rating, its rows
            # risks, not actions (no plan)
            ws.put(1, 1, rng.choice(["Corporate Risk Register",
                                     "Service Risk Register"]), bold=True)
            heads = ["Risk Ref", "Risk Description",
                     rng.choice(["Risk Owner", "Owner"]),
                     rng.choice(["Likelihood", "Probability"]),
                     rng.choice(["Impact", "Severity"]),
                     rng.choice(["Risk Score", "Score"]), "RAG",
                     rng.choice(["Existing Controls", "Controls in place"]),
                     rng.choice(["Further Actions", "Mitigating actions"]),
                     rng.choice(["Target Date", "Review date"]), "Status"]
            for i, h in enumerate(heads):
                ws.put(2, i + 1, h, bold=True)
            for j in range(rng.randint(2, 6)):
                li, im = rng.randint(1, 5), rng.randint(1, 5)
                rag = "Red" if li * im >= 15 else \
                    "Amber" if li * im >= 8 else "Green"
                row = [f"CR{j + 1:02d}", rng.choice(W.TASKS),
                       rng.choice(W.FIRST) + " " + rng.choice(W.LAST),
                       li, im, li * im, rag, rng.choice(W.COMMENTS),
                       rng.choice(W.TASKS), None,
                       rng.choice(["Open", "Closed", "Open"])]
                for i, val in enumerate(row):
                    if val is not None:
                        ws.put(3 + j, i + 1, val)
                ws.put(3 + j, 10, v.as_of + dt.timedelta(
                    days=rng.randint(-200, 200)), fmt="dd/mm/yyyy")
        elif k == "dashboard":
            # the plan counted by status and by theme (no plan: counts
            # are no refs, and nothing there is an action)
            ws.put(1, 1, rng.choice(["Dashboard", "Summary of progress",
                                     "Position at a glance"]), bold=True)
            head = rng.choice(["Number of actions", "No. of actions",
                               "Count of actions", "Total actions"])
            for i, h in enumerate([rng.choice(["RAG", "Status"]), head,
                                   rng.choice(["% of actions",
                                               "Percentage of actions",
                                               "% of total"])]):
                ws.put(3, i + 1, h, bold=True)
            counts = [rng.randint(0, 20) for _ in range(4)]
            for j, (word, n_) in enumerate(zip(
                    ["On track", "At risk", "Off track", "Complete"],
                    counts)):
                ws.put(4 + j, 1, word)
                ws.put(4 + j, 2, n_)
                ws.put(4 + j, 3, round(n_ / max(sum(counts), 1), 2),
                       fmt="0%")
            for i, h in enumerate(["Theme", head, "Overdue"]):
                ws.put(9, i + 1, h, bold=True)
            for j, t in enumerate(["Workforce", "Practice", "Partnerships"]):
                ws.put(10 + j, 1, t)
                ws.put(10 + j, 2, rng.randint(1, 12))
                ws.put(10 + j, 3, rng.randint(0, 3))
        elif k == "meetings":
            ws.put(1, 1, "Meeting schedule", bold=True)
            for i, h in enumerate(["Meeting", "Date", "Venue"]):
                ws.put(3, i + 1, h, bold=True)
            for j in range(rng.randint(2, 5)):
                ws.put(4 + j, 1, rng.choice(["Cabinet", "Overview and Scrutiny",
                                             "Audit Committee"]))
                ws.put(4 + j, 2, v.as_of + dt.timedelta(days=30 * j), fmt="dd/mm/yyyy")
                ws.put(4 + j, 3, rng.choice(["Town Hall", "Committee Room 2"]))
        else:
            for j, (t, d) in enumerate([("RAG", "Red, amber, green rating"),
                                        ("DoT", "Direction of travel"),
                                        ("FTE", "Full-time equivalent")]):
                ws.put(1 + j, 1, t)
                ws.put(1 + j, 2, d)
