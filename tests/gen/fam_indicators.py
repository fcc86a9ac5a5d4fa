"""Indicator plan forms and scorecards.

A RAG is computed here from the figures as written, the way the contract
states it: green when the target is met, amber when short of it by at most
10% of the target, red beyond.  Figures are drawn away from the band edges
so that rounding in a reader cannot tip them.
"""
import datetime as dt

import words as W
from variation import fy_of

TOL = 0.10


def rate(target, actual, direction, tol=TOL):
    band = tol * abs(target)
    if direction == "higher_is_better":
        if actual >= target:
            return "green"
        return "amber" if actual >= target - band else "red"
    if actual <= target:
        return "green"
    return "amber" if actual <= target + band else "red"


def draw_pair(rng, lo, hi, dec, direction, want, tol=TOL):
    """(target, actual) rounded to dec decimals whose RAG is want, at
    least 2% of the target from any band edge."""
    for _ in range(200):
        t = round(rng.uniform(lo, hi), dec if dec < 3 else 2)
        if t == 0:
            continue
        sign = 1 if direction == "higher_is_better" else -1
        if want == "green":
            f = rng.uniform(0.03, 0.15)
        elif want == "amber":
            f = -rng.uniform(0.3, 0.7) * tol
        else:
            f = -rng.uniform(1.4, 4) * tol
        a = round(t * (1 + sign * f), dec)
        if rate(t, a, direction, tol) != want:
            continue
        band = tol * abs(t)
        edges = [t, t - band, t + band]
        if min(abs(a - e) for e in edges) < 0.2 * tol * abs(t):
            continue
        if dec >= 3 and not (0 < a < 1):
            continue
        return t, a
    raise RuntimeError("no pair")


def show(value, unit, dec):
    """How an officer types a figure as text."""
    if unit == "percent":
        x = round(value * 100, max(dec - 2, 0))
        return f"{x:g}%"
    if unit == "days":
        return f"{value:g} days"
    return f"{value:g}"


def code_in_title(rng, title, code, v):
    form = rng.choice(["{t} – {c}", "{t} - {c}", "{t} ({c})", "{c} - {t}",
                       "{t} {c}"])
    v.traits.add("code-" + {"{t} – {c}": "dash", "{t} - {c}": "dash",
                            "{t} ({c})": "bracket", "{c} - {t}": "first",
                            "{t} {c}": "end"}[form])
    return form.format(t=title, c=code)


# ---- indicator plan forms ----------------------------------------------------

REASON_LABELS = ["Non-compliance reason", "Reason for variance",
                 "Explanation of variance", "Reason for under-performance",
                 "Reasons for non-compliance", "Commentary",
                 "Reason for not meeting target"]


def indicator_plan(v):
    rng = v.rng
    as_of = dt.date(rng.randint(2010, 2025), rng.randint(1, 12), rng.randint(1, 28))
    v.as_of = as_of
    codes = rng.sample(W.CODES, rng.randint(1, 3))
    for code in codes:
        sheet = code.replace(" ", "")
        v.traits.add("code-" + code.replace(" ", "_"))
        ws = v.book.sheet(sheet)
        title, unit, direction, lo, hi, dec = rng.choice(W.INDICATORS)
        want = rng.choice(["red", "red", "red", "amber", "amber", "green"])
        tol = TOL
        if rng.random() < 0.2:
            # the sheet states its own amber band
            tol = rng.choice([0.05, 0.15])
            v.traits.add("tolerance-stated")
        t, a = draw_pair(rng, lo, hi, dec, direction, want, tol)
        layout = rng.choice(["seed", "merged", "far"])
        v.traits.add("form-" + layout)
        lc = rng.choice([1, 2])
        if layout == "seed":
            vc = lc + 1
        elif layout == "merged":
            ws_merge = True
            vc = lc + 2
        else:
            vc = lc + rng.randint(3, 4)
        r = 1
        ws.put(r, lc, rng.choice(["PERFORMANCE ACTION PLAN TEMPLATE",
                                  "Performance Action Plan",
                                  "Performance Improvement Plan"]), bold=True)
        r += 2
        rows = []
        rows.append(("title", rng.choice(["Indicator Title", "PI Title",
                                          "Performance Indicator",
                                          "Measure", "KPI", "Indicator"]),
                     code_in_title(rng, title, code, v)))
        rows.append(("lead", rng.choice(["Strategic Director Lead",
                                         "Lead Officer", "Responsible Officer",
                                         "Owner"]),
                     f"{rng.choice(W.FIRST)} {rng.choice(W.LAST)}"))
        as_number = rng.random() < 0.5
        if as_number:
            v.traits.add("figures-numbers")
        else:
            v.traits.add("figures-text")

        def fig(x):
            if as_number:
                return x
            return show(x, unit, dec)
        rows.append(("target", rng.choice(["Target", "Target", "Annual target",
                                           "Target for the year"]), fig(t)))
        if rng.random() < 0.3:
            # the polarity stated on the form, as some templates ask
            v.traits.add("form-polarity")
            rows.append(("polarity", rng.choice(["Good performance is",
                                                 "Polarity", "Aim"]),
                         rng.choice({"higher_is_better": ["Higher", "High",
                                                          "Higher is better",
                                                          "Maximise", "Bigger",
                                                          "Increase"],
                                     "lower_is_better": ["Lower", "Low",
                                                         "Lower is better",
                                                         "Minimise", "Smaller",
                                                         "Aim to reduce"]}[direction])))
        actual_value = fig(a)
        if not as_number and rng.random() < 0.3:
            actual_value = f"{actual_value} Quarterly figure at end of Q2"
            v.traits.add("actual-with-words")
        if rng.random() < 0.12:
            # the period before above this one's: history, not the actual
            v.traits.add("form-previous-period")
            prev = round(a * rng.uniform(0.85, 1.15), dec)
            if unit == "percent":
                prev = min(prev, 0.999)
            if prev != a:
                rows.append(("previous", rng.choice(
                    ["Performance last quarter", "Previous quarter",
                     "Performance last year", "Last period"]), fig(prev)))
        rows.append(("actual", rng.choice(["Performance this Period",
                                           "Actual", "Actual performance",
                                           "Current performance", "Outturn"]),
                     actual_value))
        var = round(a - t, dec)
        stated_var = None
        beside = rng.random() < 0.3
        if beside:
            # as the seed: "+ / - Target : -30%" in the cell right of the
            # actual
            v.traits.add("variance-beside")
            wrong = rng.random() < 0.15
            stated_var = var if not wrong else round(var + (0.05 if unit == "percent" else 3), dec)
            if wrong:
                v.traits.add("variance-wrong")
                v.finding("variance-mismatch", sheet)
        elif rng.random() < 0.6:
            wrong = rng.random() < 0.15
            stated_var = var if not wrong else round(var + (0.05 if unit == "percent" else 3), dec)
            if wrong:
                v.traits.add("variance-wrong")
                v.finding("variance-mismatch", sheet)
            rows.append(("variance", rng.choice(["+ / - Target", "Variance"]),
                         fig(stated_var)))
        rag = rate(t, a, direction, tol)
        stated = None
        if rng.random() < 0.5:
            stated = rag
            if rng.random() < 0.15:
                stated = rng.choice([x for x in ("red", "amber", "green") if x != rag])
                v.traits.add("rag-wrong")
                v.finding("rag-mismatch", sheet)
            rows.append(("rag", rng.choice(["RAG status", "RAG", "Status"]),
                         stated.capitalize() if rng.random() < 0.5 else stated.upper()))
        has_reason = rng.random() < 0.8
        # reasons as officers write them, some naming two colours without
        # being a key ("moved from red to amber")
        rows.append(("reason", rng.choice(REASON_LABELS),
                     rng.choice(["Staff vacancies in the team and a rise in demand.",
                                 "Moved from red to amber this quarter; recovery plan agreed.",
                                 "Red: demand rose faster than staffing; amber expected by Q4."])
                     if has_reason else None))
        # or the figures as a table of a row a quarter ("Period | Target |
        # Actual | Variance"), the latest reported the indicator's
        table = None
        if not beside and layout != "far" and rng.random() < 0.15:
            v.traits.add("form-period-table")
            table = {role: value for role, _, value in rows
                     if role in ("target", "actual", "variance")}
            rows = [x for x in rows
                    if x[0] not in ("target", "actual", "variance",
                                    "previous")]
        for role, label, value in rows:
            if role == "actual" and beside:
                ws.put(r, vc + 1 + (layout == "far") * 2,
                       f"+ / - Target : {show(stated_var, unit, dec)}")
            ws.put(r, lc, label)
            if layout == "merged":
                ws.merge(r, lc, r, lc + 1)
            if value is not None:
                cell = ws.put(r, vc, value)
                if isinstance(value, float) and unit == "percent":
                    cell.fmt = "0.0%"
                if layout == "far" and rng.random() < 0.5:
                    ws.merge(r, vc, r, vc + 2)
            r += 1
        if table is not None:
            r += 1
            heads = ["Period", "Target", "Actual"] + \
                (["Variance"] if "variance" in table else [])
            for i, h in enumerate(heads):
                ws.put(r, lc + i, h, bold=True)
            r += 1
            latest = rng.randint(2, 4)
            var_each = rng.random() < 0.5  # else the latest row's alone
            for q in range(1, 5):
                ws.put(r, lc, f"Q{q}")
                if q < latest:
                    # earlier quarters: other figures
                    x = round(a * rng.uniform(0.8, 1.2), dec)
                    if unit == "percent":
                        x = min(x, 0.999)
                    ws.put(r, lc + 1, table["target"])
                    ws.put(r, lc + 2, fig(x))
                    if "variance" in table and var_each:
                        ws.put(r, lc + 3, fig(round(x - t, dec)))
                elif q == latest:
                    ws.put(r, lc + 1, table["target"])
                    ws.put(r, lc + 2, table["actual"])
                    if "variance" in table:
                        ws.put(r, lc + 3, table["variance"])
                else:
                    ws.put(r, lc + 1, table["target"])  # not reported yet
                r += 1
        if tol != TOL:
            ws.put(r + 1, lc, rng.choice([
                "RAG key: Green on or better than target; Amber: within {p}% of target; Red worse",
                "Amber where performance is within {p}% of the target"]).format(p=int(tol * 100)))
        judged = stated or rag
        if judged in ("red", "amber") and not has_reason:
            v.finding("narrative-missing", sheet, may=stated is not None and stated != rag)
            v.traits.add("reason-missing")
        if rag == "green":
            v.finding("plan-not-required", sheet)
        key = [sheet, code]
        v.fact("plan", [sheet, "indicator_plan"], 1)
        v.fact("ind", key, True)
        v.fact("ind.target", key, t)
        v.fact("ind.actual", key, a)
        v.fact("ind.unit", key, unit)
        v.fact("ind.direction", key, direction)
        v.fact("ind.rag", key, rag)
        v.fact("ind.stated_rag", key, stated)
        v.fact("ind.stated_variance", key, stated_var)


# ---- scorecards --------------------------------------------------------------------

# A scorecard's status stated against the target in words.
RAG_TARGET_WORDS = {
    "green": ["On target", "Target met", "Achieved", "Ahead of target",
              "Better than target"],
    "amber": ["Within tolerance", "Slightly off target", "Near target",
              "Nearly achieved"],
    "red": ["Off target", "Target not met", "Not achieved",
            "Worse than target"],
}
TRAVEL = ["Improving", "Declining", "No change", "Better", "Worse", "Same",
          "\u2191", "\u2193", "\u2192"]


def scorecard(v):
    rng = v.rng
    fy = rng.randint(2012, 2025)
    quarterly = rng.random() < 0.6
    n_periods = 4 if quarterly else 12
    filled = rng.randint(1, 3) if quarterly else rng.randint(2, 10)
    if quarterly:
        end = dt.date(fy if filled < 4 else fy + 1, [6, 9, 12, 3][filled - 1],
                      [30, 30, 31, 31][filled - 1])
    else:
        m = (filled + 3 - 1) % 12 + 1
        y = fy if m >= 4 else fy + 1
        end = dt.date(y, m, 28)
    v.as_of = end + dt.timedelta(days=rng.randint(5, 25))
    v.traits.add("periods-quarters" if quarterly else "periods-months")
    sheet = rng.choice(["Scorecard", "KPIs", "Performance", "Q%d" % filled if quarterly else "Monthly"])
    ws = v.book.sheet(sheet)
    c0 = rng.choice([1, 1, 2])
    r = 1
    ws.put(r, c0, rng.choice(["Corporate Performance Scorecard",
                              "Key Performance Indicators",
                              "Service Performance Report"])
           + f" {fy}/{(fy + 1) % 100:02d}", bold=True)
    r += rng.randint(2, 3)
    code_col = rng.random() < 0.75
    if not code_col:
        v.traits.add("code-in-title")
    cols = [("code", rng.choice(["Code", "PI Ref", "Ref", "KPI No."])),
            ("title", rng.choice(["Indicator", "Measure", "Performance Indicator",
                                  "Description"])),
            ("polarity", rng.choice(["Polarity", "Good is", "Aim",
                                     "Direction of good performance"])),
            ("target", rng.choice(["Target", "Annual Target",
                                   f"Target {fy}/{(fy + 1) % 100:02d}"]))]
    if quarterly:
        pnames = [rng.choice(["Q{}", "Quarter {}", "Q{} {}/{}"]).format(
            q, fy, f"{(fy + 1) % 100:02d}") for q in range(1, 5)]
        if len({p.split()[0] for p in pnames}) < 4 and pnames[0].startswith("Q"):
            pass
        plabels = [f"Q{q}" for q in range(1, 5)]
    else:
        pnames = []
        plabels = []
        # month headings as councils write them: "Apr-23", "April" (the
        # year from the title's 2023/24), "Apr 2023", "April 2023", or a
        # date cell shown as a month
        mstyle = rng.choice(["mon-yy", "month", "mon-yyyy", "month-yyyy",
                             "date"])
        v.traits.add("months-" + mstyle)
        for k in range(12):
            y, m = (fy, k + 4) if k < 9 else (fy + 1, k - 8)
            if mstyle == "mon-yy":
                pnames.append(f"{W.MONTHS3[m - 1]}-{y % 100:02d}")
            elif mstyle == "month":
                pnames.append(W.MONTHS[m - 1])
            elif mstyle == "mon-yyyy":
                pnames.append(f"{W.MONTHS3[m - 1]} {y}")
            elif mstyle == "month-yyyy":
                pnames.append(f"{W.MONTHS[m - 1]} {y}")
            else:
                pnames.append(dt.date(y, m, 1))
            plabels.append(f"{y}-{m:02d}")
    # a target and an actual a quarter ("Q1 Target | Q1 Actual | ..."),
    # the targets all written at the start of the year: the latest actual
    # is judged against its own quarter's target, not the year's
    pairs = quarterly and rng.random() < 0.25
    if pairs:
        v.traits.add("quarter-target-pairs")
        tstyle, astyle = rng.choice([("Q{} Target", "Q{} Actual"),
                                     ("Target Q{}", "Actual Q{}"),
                                     ("Q{} Target", "Q{} Outturn")])
        for k in range(n_periods):
            cols.append(("t%d" % k, tstyle.format(k + 1)))
            cols.append(("p%d" % k, astyle.format(k + 1)))
    # or each quarter's or month's name merged over "Target | Actual" on a
    # second header row (the same truth as the pairs)
    grouped = not pairs and rng.random() < 0.2
    if grouped:
        pairs = True
        v.traits.add("period-groups")
        aword = rng.choice(["Actual", "Actual", "Outturn", "Result"])
        for k in range(n_periods):
            cols.append(("t%d" % k, "Target"))
            cols.append(("p%d" % k, aword))
    if not pairs:
        for k in range(n_periods):
            cols.append(("p%d" % k, pnames[k]))
    rag_col = ("rag", rng.choice(["RAG", "Status", "RAG rating",
                                  "Latest RAG", "Overall RAG", "R/A/G",
                                  "Traffic light"]))
    cols += [rag_col, ("travel", rng.choice(["DoT", "Direction of Travel",
                                             "Trend"]))]
    # a scorecard without commentary asks for no reasons
    commentary = rng.random() < 0.85
    if commentary:
        cols.append(("comment", rng.choice(["Commentary", "Comments",
                                            "Explanation of variance"])))
    else:
        v.traits.add("no-commentary")
    if not code_col:
        cols = cols[1:]
    col = {}
    merge_down = grouped and rng.random() < 0.5
    for i, (role, h) in enumerate(cols):
        c = c0 + i
        col[role] = c
        if grouped and role[0] in "tp" and role[1:].isdigit():
            k = int(role[1:])
            if role[0] == "t":
                name = pnames[k]
                if isinstance(name, dt.date):
                    ws.put(r, c, name, bold=True, fmt="mmm-yy")
                else:
                    ws.put(r, c, name, bold=True)
                ws.merge(r, c, r, c + 1)
            ws.put(r + 1, c, h, bold=True)
            continue
        if isinstance(h, dt.date):
            ws.put(r, c, h, bold=True, fmt="mmm-yy")
        else:
            ws.put(r, c, h, bold=True)
        if merge_down:
            ws.merge(r, c, r + 1, c)
    r += 2 if grouped else 1
    gaps_done = False
    style = rng.choice(["letters", "letters", "words", "words", "target",
                        "symbols"])
    letters = style == "letters"
    v.traits.add("rag-" + style)
    v.fact("plan", [sheet, "scorecard"], 1)
    codes = rng.sample(W.CODES, rng.randint(3, 7))
    for code in codes:
        if rng.random() < 0.3:
            title, direction, lo, hi = rng.choice(W.COUNT_INDICATORS)
            unit, dec = "count", 0
        else:
            title, unit, direction, lo, hi, dec = rng.choice(W.INDICATORS)
        want = rng.choice(["red", "amber", "green", "green"])
        t, a = draw_pair(rng, lo, hi, dec, direction, want)
        if code_col:
            ws.put(r, col["code"], code)
            ws.put(r, col["title"], title)
        else:
            ws.put(r, col["title"], f"{title} ({code})")
        # or no polarity, the target's own words giving the direction
        # ("Below 20", "95% or above")
        bound = not pairs and rng.random() < 0.12
        if not bound:
            ws.put(r, col["polarity"], rng.choice(W.POLARITY[direction]))
        gap = None
        if not gaps_done and rng.random() < 0.12:
            gaps_done = True
            gap = rng.choice(["target", "actual"])
            v.traits.add(gap + "-missing")
        annual = t
        if pairs:
            # t is the latest quarter's target; the year's is another
            annual = round(t * rng.uniform(1.1, 1.4), dec) \
                if unit != "percent" else min(round(t + 0.05, 3), 0.999)
            for k in range(n_periods):
                tq = t if k == filled - 1 else \
                    round(t * rng.uniform(0.85, 1.15), dec)
                if unit == "percent":
                    tq = min(tq, 0.999)
                if gap != "target" or k != filled - 1:
                    qc = ws.put(r, col["t%d" % k], tq)
                    if unit == "percent":
                        qc.fmt = "0.0%"
        if gap != "target" and bound:
            v.traits.add("target-bound")
            num = f"{annual * 100:g}%" if unit == "percent" else f"{annual:g}"
            form = rng.choice(W.TARGET_BOUNDS[direction])
            ws.put(r, col["target"], form.format(num))
        elif gap != "target":
            tc = ws.put(r, col["target"], annual)
            if unit == "percent":
                tc.fmt = "0.0%"
        # or a total to date against the year's target (council tax
        # collected: 29%, 57%, 84% of 97%): before Q4 nothing rates it
        to_date = quarterly and not pairs and not gap and filled >= 2 and \
            rng.random() < 0.15
        if to_date:
            v.traits.add("to-date")
            shares = sorted(rng.uniform(0.9, 1.1) * (k + 1) / 4
                            for k in range(filled))
            xs = [round(t * sh, dec) for sh in shares]
            if len(set(xs)) < len(xs) or not xs[0] > 0:
                to_date = False
                v.traits.discard("to-date")
            else:
                a = xs[-1]
        values = []
        for k in range(filled if gap != "actual" else 0):
            x = a if k == filled - 1 else round(a * rng.uniform(0.9, 1.1), dec)
            if to_date:
                x = xs[k]
            if unit == "percent":
                x = min(x, 0.999)
            pc = ws.put(r, col["p%d" % k], x)
            if unit == "percent":
                pc.fmt = "0.0%"
            values.append(x)
        rag = rate(t, a, direction)
        stated = rag
        if to_date:
            # the officer rates it against a profile the sheet does not
            # give: any rating, none contradicted
            rag = None
            stated = rng.choice(["red", "amber", "green", "green"])
        elif gap:
            # nothing to rate: no RAG computed, none stated
            rag = stated = None
            v.finding(gap + "-missing", sheet, row=r)
        elif rng.random() < 0.1:
            stated = rng.choice([x for x in ("red", "amber", "green") if x != rag])
            v.traits.add("rag-wrong")
            v.finding("rag-mismatch", sheet, row=r)
        elif rng.random() < 0.1:
            stated = None
            v.traits.add("rag-blank")
        if stated and style == "symbols":
            # a lone symbol in a red, amber or green font
            ws.put(r, col["rag"], rng.choice(["\u25cf", "\u25a0", "\u25b2"]),
                   colour=rng.choice({"red": ["FF0000", "C00000"],
                                      "amber": ["FFC000", "FF9900"],
                                      "green": ["00B050", "92D050"]}[stated]))
        elif stated:
            if style == "target":
                # the status against the target in words
                word = rng.choice(RAG_TARGET_WORDS[stated])
            else:
                word = stated[0].upper() if letters else stated.capitalize()
            ws.put(r, col["rag"], word)
        travel = rng.choice(TRAVEL)
        ws.put(r, col["travel"], travel)
        has_comment = commentary and rng.random() < 0.8
        if not commentary:
            pass
        elif has_comment:
            ws.put(r, col["comment"], "Performance reviewed at DMT; actions agreed.")
        elif (stated or rag) in ("red", "amber"):
            v.finding("narrative-missing", sheet, row=r,
                      may=stated is not None and stated != rag)
        key = [sheet, code]
        v.fact("ind", key, True)
        # with no actual there is no latest quarter: the year's target
        v.fact("ind.target", key, None if gap == "target" else
               annual if gap == "actual" else t)
        v.fact("ind.actual", key, a if gap != "actual" else None)
        v.fact("ind.unit", key, unit)
        v.fact("ind.direction", key, direction)
        v.fact("ind.rag", key, rag)
        v.fact("ind.stated_rag", key, stated)
        v.fact("ind.values", key, values)
        v.fact("ind.travel", key, travel)
        r += 1
    if code_col and not pairs and rng.random() < 0.12:
        # a yes/no measure: "Yes" or "Achieved" where the target goes owes
        # no figure, and the answer where the latest figure goes is not a
        # missing one (both said so at most as information)
        v.traits.add("yes-no-measure")
        code = rng.choice([x for x in W.CODES if x not in codes])
        title = rng.choice(["Annual governance statement published",
                            "Statement of accounts signed by the deadline",
                            "Pay policy statement agreed by Council"])
        goal = rng.choice(["Yes", "Achieved", "Complete"])
        answer, stated = rng.choice([("Yes", "green"), ("Achieved", "green"),
                                     ("No", "red"), ("Not achieved", "red"),
                                     ("Not met", "red")])
        ws.put(r, col["code"], code)
        ws.put(r, col["title"], title)
        ws.put(r, col["target"], goal)
        ws.put(r, col["p%d" % (filled - 1)], answer)
        ws.put(r, col["rag"], stated.capitalize())
        travel = rng.choice(TRAVEL)
        ws.put(r, col["travel"], travel)
        if commentary:
            ws.put(r, col["comment"], "Reported to Audit Committee.")
        v.finding("target-missing", sheet, may=True, row=r,
                  severity="info")
        v.finding("actual-missing", sheet, may=True, row=r,
                  severity="info")
        key = [sheet, code]
        v.fact("ind", key, True)
        v.fact("ind.target", key, None)
        v.fact("ind.actual", key, None)
        v.fact("ind.rag", key, None)
        v.fact("ind.stated_rag", key, stated)
        v.fact("ind.values", key, [])
        v.fact("ind.travel", key, travel)
        # a unit and a direction with no figure to show either
        v.ignore("ind.unit", key)
        v.ignore("ind.direction", key)
        r += 1
    if rng.random() < 0.1:
        # an exception report's actions under its indicators: "Actions to
        # improve | Who | When" is an action plan, not more indicators
        v.traits.add("actions-under-scorecard")
        r += 1
        for i, h in enumerate([rng.choice(["Actions to improve",
                                           "Action required",
                                           "Actions agreed"]),
                               "Who", "When"]):
            ws.put(r, c0 + i, h, bold=rng.random() < 0.5)
        r += 1
        for _ in range(rng.randint(1, 3)):
            ws.put(r, c0, rng.choice(W.TASKS))
            ws.put(r, c0 + 1, rng.choice(W.POSTS))
            # no date: in a mixed workbook another plan sets the as-of
            ws.put(r, c0 + 2, rng.choice(["Ongoing", "TBC", "Monthly"]))
            r += 1
        v.fact("plan", [sheet, "action_plan"], 1)
    elif code_col and rng.random() < 0.1:
        # notes under the table, their word where the code goes: no
        # indicators, and nothing missing
        v.traits.add("notes-under-scorecard")
        r += 1
        for word in rng.sample(["Notes", "Note 1", "Note:", "NB"], 2):
            ws.put(r, col["code"], word)
            ws.put(r, col["title"], rng.choice(
                ["Targets agreed by Cabinet in March",
                 "Figures for the latest period are provisional",
                 "Q1 figure revised following reconciliation"]))
            r += 1
