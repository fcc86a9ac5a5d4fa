"""Trackers and action plans: refs, parents, leads, due dates and months.

Each function lays a variation out and records, as it goes, the facts an
officer would read and the findings that must (or may) fire.
"""
import calendar
import datetime as dt

import words as W
from grid import Fill, resolve, rgb
from variation import fy_of, long_date, month_end


# ---- shared pieces -----------------------------------------------------------

def make_refs(rng, scheme, n_par):
    """[(parent_ref, display, [child refs])] in the scheme."""
    out = []
    first = rng.randint(1, 5)
    section = rng.randint(1, 6)
    for i in range(first, first + n_par):
        n = rng.randint(1, 4)
        if scheme == "R":
            p = f"R{i}"
            kids = [f"R{i}{chr(97 + j)}" for j in range(n)]
        elif scheme == "dot":
            p = f"{i}"
            kids = [f"{i}.{j + 1}" for j in range(n)]
        else:  # dot3: 2.3, 2.3.a
            p = f"{section}.{i}"
            kids = [f"{section}.{i}.{chr(97 + j)}" for j in range(n)]
        out.append((p, kids))
    return out


def make_lead(rng, v):
    """(text written, [names read])."""
    def name():
        return f"{rng.choice(W.FIRST)} {rng.choice(W.LAST)}"

    def initial():
        return f"{rng.choice(W.FIRST)[0]} {rng.choice(W.LAST)}"
    k = rng.random()
    if k < 0.3:
        n = name()
        return n, [n]
    if k < 0.4:
        n = f"{rng.choice(['Cllr', 'Dr'])} {name()}"
        v.traits.add("lead-title")
        return n, [n]
    if k < 0.5:
        p = rng.choice(W.POSTS)
        v.traits.add("lead-post")
        return p, [p]
    if k < 0.75:
        a, b = name(), name()
        while b == a:
            b = name()
        sep = rng.choice(["/ ", "/", " and ", " & ", ", "])
        v.traits.add("lead-two")
        return f"{a}{sep}{b}", [a, b]
    if k < 0.85:
        a, b = initial(), initial()
        while b == a:
            b = initial()
        v.traits.add("lead-initials")
        return f"{a} {b}", [a, b]
    if k < 0.93:
        a = f"Mrs {rng.choice(W.FIRST)[0]}. {rng.choice(W.LAST)}"
        b = f"Mr {rng.choice(W.FIRST)[0]}. {rng.choice(W.LAST)}"
        v.traits.add("lead-title")
        return f"{a} & {b}", [a, b]
    if k < 0.96:
        # a name and her post after a comma is one lead; two posts joined
        # by "&" or "and" are two
        if rng.random() < 0.5:
            n = f"{name()}, {rng.choice(W.PERSON_POSTS)}"
            v.traits.add("lead-name-post")
            return n, [n]
        a, b = rng.sample(W.PERSON_POSTS, 2)
        v.traits.add("lead-two-posts")
        sep = rng.choice([' & ', ' and '])
        if sep == ' and ' and ' and ' in a and \
                b.split()[0] not in ("Head", "Director", "Assistant", "Chief"):
            # "Head of Legal and Democratic Services and Finance Manager"
            # splits either way but by knowing the services' names
            sep = ' & '
        return f"{a}{sep}{b}", [a, b]
    if k < 0.985:
        # one lead written as a reader would split it, or a name beside
        # a label or a place held for another: the names alone
        j = rng.randrange(6)
        if j == 0:
            # a surname, then the given name ("Lee" is a surname as often)
            n = f"{rng.choice(W.LAST)}, " \
                f"{rng.choice([f for f in W.FIRST if f != 'Lee'])}"
            v.traits.add("lead-surname-first")
            return n, [n]
        if j == 1:
            p = rng.choice(W.POST_INITIALS)
            v.traits.add("lead-post-initials")
            return p, [p]
        if j == 2:
            p = rng.choice(W.POST_SERVICES)
            v.traits.add("lead-post-service")
            return p, [p]
        if j == 3:
            n = name()
            v.traits.add("lead-placeholder-beside")
            return f"{n}{rng.choice([' / ', ', ', ' & '])}" \
                   f"{rng.choice(['TBC', 'Vacant', 'To be confirmed'])}", [n]
        if j == 4:
            a, b = name(), name()
            while b == a:
                b = name()
            v.traits.add("lead-labels")
            return rng.choice([f"Lead: {a}; Support: {b}",
                               f"Lead officer: {a} / Supported by {b}"]), \
                [a, b]
        n = name()
        v.traits.add("lead-name-post-lines")
        return f"{n}\n{rng.choice(W.PERSON_POSTS)}", [n]
    t = rng.choice(W.TEAMS)
    return t, [t]


def title_block(v, ws, r, c, title, fy_text, as_of, with_date):
    """Title lines from row r; returns the next free row."""
    rng = v.rng
    ws.put(r, c, f"{title} {fy_text}" if fy_text else title, bold=True)
    if rng.random() < 0.3:
        ws.merge(r, c, r, c + rng.randint(3, 8))
        v.traits.add("title-merged")
    r += 1
    if rng.random() < 0.5:
        ws.put(r, c, rng.choice(["Monthly Progress Update", "Progress report",
                                 "Improvement Plan monitoring"]))
        r += 1
    if rng.random() < 0.4:
        ws.put(r, c, f"Owner : {rng.choice(W.POSTS)}")
        r += 1
    if with_date:
        form = rng.choice(["Date: {}", "As at {}", "Position at {}",
                           "Report date: {}", "Updated: {}"])
        if rng.random() < 0.25:
            text = form.format(as_of.strftime("%d/%m/%Y"))
        else:
            text = form.format(long_date(as_of, rng))
        ws.put(r, c, text)
        r += 1
    return r + rng.randint(0, 2)


# ---- trackers ------------------------------------------------------------------

def _month_path(rng, a, last, avail):
    """Statuses by month index (0 = April) for one action: started by the
    report month a, planned to month last."""
    s = rng.randint(0, min(2, a))
    path = {}
    kind = rng.choice(["on", "on", "slip"] + [k for k in ("complete", "suspended",
                                                          "reprogrammed")
                                               if k in avail])
    if kind == "on":
        for i in range(s, a + 1):
            path[i] = "on_target"
    elif kind == "slip":
        k = rng.randint(s, a)
        for i in range(s, k):
            path[i] = "on_target"
        for i in range(k, a + 1):
            path[i] = ("one_month_behind" if i - k < 2
                       else "over_one_month_behind")
    elif kind == "complete":
        k = rng.randint(s, a)
        for i in range(s, k):
            path[i] = "on_target"
        path[k] = "complete"
        return path
    elif kind == "suspended":
        k = rng.randint(s, a)
        for i in range(s, k):
            path[i] = "on_target"
        for i in range(k, a + 1):
            path[i] = "suspended"
        return path
    else:
        k = rng.randint(s, a)
        for i in range(s, k):
            path[i] = "on_target"
        for i in range(k, a + 1):
            path[i] = "reprogrammed"
    for i in range(a + 1, last + 1):
        path[i] = "programmed"
    return path


def tracker(v):
    rng = v.rng
    fy = rng.randint(2009, 2025)
    a = rng.randint(3, 10)                     # report month, 0 = April
    ay, am = (fy, a + 4) if a < 9 else (fy + 1, a - 8)
    as_of = month_end(ay, am) if rng.random() < 0.6 else dt.date(ay, am, rng.randint(1, 28))
    v.as_of = as_of
    mode = rng.choice(["rgb", "rgb", "rgb", "theme", "indexed", "letters",
                       "letters", "words"])
    v.traits.add("fill-" + mode if mode not in ("letters", "words") else mode)
    statuses = ["programmed", "on_target", "one_month_behind",
                "over_one_month_behind"]
    statuses += [s for s in ("reprogrammed", "suspended", "complete")
                 if rng.random() < 0.6]
    order = list(statuses)
    if rng.random() < 0.3:
        rng.shuffle(order)
    wording = {s: rng.choice(W.KEY_WORDS[s]) for s in statuses}
    if "complete" in statuses and mode != "words" and rng.random() < 0.3:
        # green says two things beside a complete of its own: on schedule
        wording["on_target"] = rng.choice(W.KEY_WORDS_TWO_MEANINGS)
    letters = dict(W.LETTERS)
    if rng.random() < 0.3:
        for s, alts in W.LETTER_ALTS.items():
            if rng.random() < 0.5:
                letters[s] = rng.choice(alts)
                v.traits.add("letter-" + letters[s])
    for s in statuses:
        # each wording is a trait, so a run shows which words are misread
        v.traits.add("kw:" + wording[s])
    fills = {}
    for s in statuses:
        if mode in ("rgb", "words"):
            fills[s] = rgb(rng.choice(W.RGB[s]))
        elif mode == "theme":
            t, tint = rng.choice(W.THEME[s])
            fills[s] = Fill("theme", t, tint)
        elif mode == "indexed":
            fills[s] = Fill("indexed", rng.choice(W.INDEXED[s]))
    v.openpyxl_only = mode in ("theme", "indexed")

    sheet = rng.choice(["Progress", "WM8 Progress", "Tracker", "Delivery Plan",
                        "Monitoring", "Action Tracker"])
    ws = v.book.sheet(sheet)
    c0 = rng.choice([1, 1, 2])
    month_style = rng.choice(["names3", "names", "text-yy", "dates"])
    v.traits.add("months-" + month_style)
    fy_text = f"{fy}/{(fy + 1) % 100:02d}"
    with_date = rng.random() < 0.75
    with_fy = month_style in ("names3", "names") and not with_date or rng.random() < 0.4
    r = title_block(v, ws, 1, c0, rng.choice(["Benefits Service Improvement Plan",
                                              "Corporate Plan Monitoring",
                                              "Service Improvement Tracker",
                                              "Housing Strategy Delivery Plan"]),
                    fy_text if with_fy else None, as_of, with_date)
    v.fact("plan.as_of", [sheet], as_of.isoformat() if with_date else None)

    key_at = rng.choice(["above", "above", "right", "below", "sheet", "row"]
                        + (["swatch-words"] if mode != "letters" else []))
    swatch_words = key_at == "swatch-words"
    if swatch_words:
        # the words written in the coloured cells, above or beside the table
        key_at = rng.choice(["above", "right"])
        v.traits.add("key-swatch-words")
    v.traits.add("key-at-" + key_at)
    letter_form = rng.choice(W.LETTER_KEY_FORMS)

    def key_entry(ws_, r_, c_, s, horizontal=False):
        """One key entry at (r_, c_); returns the columns it took."""
        words_ = wording[s]
        if mode == "letters":
            code = letters[s]
            if letter_form == "{code} {words}":
                ws_.put(r_, c_, code)
                ws_.put(r_, c_ + 1, words_)
                return 2
            ws_.put(r_, c_, letter_form.format(code=code, words=words_))
            return 1
        if swatch_words:
            ws_.put(r_, c_, words_, fill=fills[s])
            return 1
        ws_.put(r_, c_, None, fill=fills[s])
        ws_.put(r_, c_ + 1, words_)
        return 2

    def vertical_key(ws_, r_, c_):
        if rng.random() < 0.5:
            ws_.put(r_, c_, rng.choice(["Key", "Key:", "KEY"]))
            r_ += 1
        for s in order:
            key_entry(ws_, r_, c_, s)
            r_ += 1
        return r_

    if key_at == "above":
        r = vertical_key(ws, r, c0 + rng.choice([0, 1])) + 1
    elif key_at == "row":
        ws.put(r, c0, "Key:")
        c = c0 + 1
        for s in order:
            c += key_entry(ws, r, c, s, True)
        r += 2

    refs = make_refs(rng, rng.choice(["R", "dot", "dot3"]), rng.randint(2, 4))
    heads = [rng.choice(W.REF_HEADERS), rng.choice(W.ACTION_HEADERS),
             rng.choice(W.LEAD_HEADERS)]
    two_rows = rng.random() < 0.2
    mc0 = c0 + 3
    if two_rows:
        # "Progress 2024/25" merged over the months, the other headings
        # merged down both rows
        v.traits.add("header-two-rows")
        for i, h in enumerate(heads):
            ws.put(r, c0 + i, h, bold=True)
            ws.merge(r, c0 + i, r + 1, c0 + i)
        ws.put(r, mc0, f"Progress {fy_text}", bold=True)
        ws.merge(r, mc0, r, mc0 + 11)
        r += 1
    # or a quarter's column after every third month ("Apr | May | Jun |
    # Q1 | Jul"), coloured as its last month: the months run on past it
    qcols = not two_rows and rng.random() < 0.1
    if qcols:
        v.traits.add("quarter-columns")
    # or a blank spacer column between every two months ("Apr | | May")
    spacers = not two_rows and not qcols and rng.random() < 0.08
    if spacers:
        v.traits.add("spacer-columns")
    mcol = [mc0 + k + (k // 3 if qcols else k if spacers else 0)
            for k in range(12)]
    hdr_row = r
    if not two_rows:
        for i, h in enumerate(heads):
            ws.put(hdr_row, c0 + i, h, bold=True)
    cal = []
    for k in range(12):
        y, m = (fy, k + 4) if k < 9 else (fy + 1, k - 8)
        cal.append((y, m))
        if month_style == "names3":
            h = W.MONTHS3[m - 1]
        elif month_style == "names":
            h = W.MONTHS[m - 1]
        elif month_style == "text-yy":
            h = f"{W.MONTHS3[m - 1]}-{y % 100:02d}"
        else:
            h = dt.date(y, m, 1)
        cell = ws.put(hdr_row, mcol[k], h, bold=True)
        if month_style == "dates":
            cell.fmt = "mmm-yy"
        if qcols and k % 3 == 2:
            ws.put(hdr_row, mcol[k] + 1,
                   rng.choice(["Q{}", "Q{}", "Quarter {}", "Q{} total"])
                   .format(k // 3 + 1), bold=True)
    comment_col = mcol[11] + (2 if qcols else 1)
    ws.put(hdr_row - two_rows, comment_col, rng.choice(W.COMMENT_HEADERS), bold=True)
    if two_rows:
        ws.merge(hdr_row - 1, comment_col, hdr_row, comment_col)
    r = hdr_row + 1

    orphan_parent = None
    if rng.random() < 0.15:
        orphan_parent = rng.choice(refs)[0]
        v.traits.add("orphan")
    elif refs[0][0].isdigit() and rng.random() < 0.3:
        # themes numbered "T1", "Theme 1", "P1" over actions 1.1, 1.2:
        # the heading is the children's parent, as a "1" row would be
        prefix = rng.choice(["T", "Theme ", "P", "Priority ",
                             "Objective "])
        refs = [(prefix + pref, kids) for pref, kids in refs]
        v.traits.add("section-heading-ref")
    paren = rng.random() < 0.3 and refs[0][0].startswith("R")
    blank_rows = rng.random() < 0.3
    if blank_rows:
        v.traits.add("blank-rows")
    cf_done = set()
    lead_missing_done = False
    stray_done = False
    # rows banded in a pale grey, the ref cell and the months past the
    # action's run too: shading, not a colour the key lacks
    banded = mode in ("rgb", "theme", "indexed") and rng.random() < 0.15
    if banded:
        v.traits.add("banded-rows")
    # or a run of months of one status merged into one bar, its colour on
    # its first cell alone (as openpyxl and hand-made Gantt charts leave it)
    bars = mode in ("rgb", "theme", "indexed") and not banded and \
        not qcols and not spacers and rng.random() < 0.12
    if bars:
        v.traits.add("merged-month-runs")
    band_n = 0
    for pref, kids in refs:
        if pref != orphan_parent:
            shown = f"25.{pref[1:]} ({pref})" if paren else pref
            if paren:
                v.traits.add("ref-paren")
            ws.put(r, c0, shown, bold=True)
            ws.put(r, c0 + 1, rng.choice(W.TASKS), bold=True)
            v.fact("ref", [sheet, pref], True)
            v.fact("parent", [sheet, pref], None)
            v.fact("leads", [sheet, pref], [])
            v.fact("status", [sheet, pref], None)
            r += 1
        for ref in kids:
            ws.put(r, c0, ref)
            text = rng.choice(W.TASKS)
            ws.put(r, c0 + 1, text)
            if not lead_missing_done and rng.random() < 0.06:
                lead_missing_done = True
                v.traits.add("lead-missing")
                v.finding("lead-missing", sheet, ref=ref)
                leads = []
                if rng.random() < 0.5:
                    # a place held for a name is no lead either
                    ws.put(r, c0 + 2, rng.choice(
                        ["TBC", "N/A", "Vacant post", "To be confirmed",
                         "TBA"]))
                    v.traits.add("lead-placeholder")
            else:
                lead_text, leads = make_lead(rng, v)
                ws.put(r, c0 + 2, lead_text)
            path = _month_path(rng, a, rng.randint(a + 1, 11), statuses)
            stray = None
            before = sorted(k for k in path if k < a)
            if mode not in ("letters", "words") and before and not stray_done \
                    and rng.random() < 0.05:
                stray_done = True
                stray = before[0]
            for k, s in sorted(path.items()):
                col = mcol[k]
                if qcols and k % 3 == 2 and k != stray:
                    # the quarter's summary, as its last month
                    if mode == "letters":
                        ws.put(r, col + 1, letters[s])
                    elif mode == "words":
                        ws.put(r, col + 1, wording[s])
                    else:
                        ws.put(r, col + 1, None, fill=fills[s])
                y, m = cal[k]
                if mode == "letters":
                    ws.put(r, col, letters[s])
                    cf_done.add(s)
                elif mode == "words":
                    ws.put(r, col, wording[s])
                    cf_done.add(s)
                elif k == stray:
                    # a colour the key does not give: no status, and
                    # legend-unknown-fill names the action
                    ws.put(r, col, None, fill=rgb(rng.choice(["FF00FF", "00FFFF", "996633"])))
                    v.ignore("month", [sheet, ref, f"{y}-{m:02d}"])
                    v.finding("legend-unknown-fill", sheet, ref=ref)
                    v.traits.add("unknown-fill")
                    continue
                else:
                    ws.put(r, col, None, fill=fills[s])
                v.fact("month", [sheet, ref, f"{y}-{m:02d}"], s)
            if bars:
                ks = sorted(k for k in path if k != stray)
                i = 0
                while i < len(ks):
                    j = i
                    while j + 1 < len(ks) and ks[j + 1] == ks[j] + 1 and \
                            path[ks[j + 1]] == path[ks[i]]:
                        j += 1
                    if j > i:
                        for k in ks[i + 1:j + 1]:
                            ws.cells[(r, mc0 + k)].fill = None
                        ws.merge(r, mc0 + ks[i], r, mc0 + ks[j])
                    i = j + 1
            now = [path[k] for k in sorted(path) if k <= a]
            v.fact("status", [sheet, ref], now[-1] if now else None)
            if now and now[-1] == "complete":
                comment = "Complete"
            else:
                comment = rng.choice(W.COMMENTS)
            ws.put(r, comment_col, comment)
            band_n += 1
            if banded and band_n % 2 == 0:
                for col in range(c0, comment_col + 1):
                    cell = ws.cells.get((r, col))
                    if cell is None or cell.fill is None:
                        ws.put(r, col, None, fill=rgb("F2F2F2"))
            v.fact("ref", [sheet, ref], True)
            v.fact("parent", [sheet, ref], pref)
            v.fact("leads", [sheet, ref], leads)
            if pref == orphan_parent:
                v.finding("ref-orphan", sheet, ref=ref)
            r += 1
            if blank_rows and rng.random() < 0.3:
                r += 1
    last_row = r - 1
    if mode in ("letters", "words") and rng.random() < 0.5:
        v.traits.add("conditional")
        for s in sorted(cf_done):
            ws.cond.append((hdr_row + 1, mc0, last_row, comment_col - 1,
                            letters[s] if mode == "letters" else wording[s],
                            rng.choice(W.RGB[s])))
        v.finding("conditional-colours", sheet)

    if key_at == "right":
        vertical_key(ws, hdr_row, comment_col + 2)
    elif key_at == "below":
        vertical_key(ws, last_row + 3, c0)
    elif key_at == "sheet":
        kname = rng.choice(["Key", "Key", "Legend", "Guidance",
                            "Notes and key", "RAG key"])
        v.traits.add("key-sheet-" + kname)
        kws = v.book.sheet(kname)
        vertical_key(kws, 1, 1)

    for s in statuses:
        v.fact("legend", [sheet, s],
               resolve(fills[s]) if mode != "letters" else None)
        if mode != "letters":
            v.fact("legend.label", [sheet, s], wording[s])
    v.fact("plan", [sheet, "tracker"], 1)


# ---- action plans --------------------------------------------------------------

def _due(v, ws, r, c, as_of, complete, ref, sheet, parent_due=None):
    """Writes a due date in one of its forms; records due facts and
    findings."""
    rng = v.rng
    k = rng.random()
    if parent_due is not None:
        d = parent_due
    else:
        d = as_of + dt.timedelta(days=rng.randint(-200, 300))
    if k < 0.35:
        ws.put(r, c, d, fmt=rng.choice(["dd/mm/yyyy", "d mmm yyyy", "dd-mmm-yy"]))
        due, text = d, None
    elif k < 0.55:
        ws.put(r, c, d.strftime("%d/%m/%Y"))
        v.traits.add("due-text-date")
        due, text = d, None
    elif k < 0.65:
        ws.put(r, c, long_date(d, rng))
        v.traits.add("due-words-date")
        due, text = d, None
    elif k < 0.75:
        text = rng.choice(["Ongoing", "TBC", "Quarterly", "As required"])
        ws.put(r, c, text)
        v.fact("due", [sheet, ref], [None, text])
        return
    elif k < 0.78:
        # a season ("Summer 2024"): due by its last month's end, winter
        # running into February of the next year
        season, end_m, nxt = rng.choice([("Spring", 5, 0), ("Summer", 8, 0),
                                         ("Autumn", 11, 0), ("Winter", 2, 1)])
        text = f"{season} {d.year}"
        ws.put(r, c, text)
        v.traits.add("due-season")
        v.fact("due", [sheet, ref], [None, text])
        end_y = d.year + nxt
        end = dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
        if end < as_of and not complete:
            v.finding("milestone-overdue", sheet, ref=ref)
        return
    elif k < 0.93:
        q = (d.month - 4) % 12 // 3 + 1
        fy = fy_of(d)
        text = rng.choice([f"Q{q} {fy}/{(fy + 1) % 100:02d}",
                           f"End of {W.MONTHS[d.month - 1]} {d.year}",
                           f"{W.MONTHS[d.month - 1]} {d.year}",
                           f"{W.MONTHS3[d.month - 1]} {d.year}"])
        ws.put(r, c, text)
        v.traits.add("due-words")
        v.fact("due", [sheet, ref], [None, text])
        if not complete:
            v.finding("milestone-overdue", sheet, may=True, ref=ref)
        return
    else:
        y = d.year
        text = f"31/{rng.choice(['09', '04', '06', '11'])}/{y}"
        ws.put(r, c, text)
        v.traits.add("due-invalid")
        v.fact("due", [sheet, ref], [None, text])
        v.finding("date-invalid", sheet, ref=ref)
        return
    v.fact("due", [sheet, ref], [due.isoformat(), text])
    if due < as_of and not complete:
        v.finding("milestone-overdue", sheet, ref=ref)


# What an action plan's first column may say each action serves.
OBJECTIVES = ["Improve customer access", "Reduce the backlog",
              "A well-trained workforce", "Value for money"]

# An internal audit follow-up's words for where a recommendation stands.
AUDIT_STATUS = {
    "complete": ["Implemented", "Fully implemented", "Complete",
                 "Business as usual", "Proposed for closure", "Embedded",
                 "Met", "\u2714"],
    "on_target": ["Partially implemented", "Partly implemented",
                  "In progress", "In train", "Underway", "Partially met"],
    "programmed": ["Not implemented", "Not yet implemented", "Not started"],
    "suspended": ["Superseded", "No longer applicable", "Withdrawn",
                  "Risk accepted", "No longer required", "Not applicable",
                  "Merged with another recommendation"],
}
# A status a quarter: the letter a one-cell key explains, and the words.
Q_WORDS = {"complete": ("C", "Complete"), "on_target": ("G", "On track"),
           "one_month_behind": ("A", "At risk"),
           "over_one_month_behind": ("R", "Off track")}
# Original and revised due dates, as audit trackers head them.
AUDIT_DATES = [("Original Implementation Date", "Revised Implementation Date"),
               ("Original target date", "Revised target date"),
               ("Agreed date", "Revised date"),
               # a project's milestones: the forecast revises the baseline
               ("Baseline date", "Forecast date"),
               ("Target date", "New target date"),
               ("Agreed Implementation Date", "Revised Implementation Date")]


def audit_plan(v, as_of):
    """An internal audit follow-up: recommendations numbered 1.1, 1.2, 2.1
    under the report's findings with no row for a finding, an original and a
    revised date (the revised one, where given, is the due date; it may
    stand left of the original), and the status in audit words."""
    rng = v.rng
    v.traits.add("audit")
    sheet = rng.choice(["Audit Actions", "Recommendations", "Follow-up",
                        "Audit Tracker"])
    ws = v.book.sheet(sheet)
    with_date = rng.random() < 0.5
    r = title_block(v, ws, 1, 1, rng.choice(["Internal Audit Follow-up",
                                             "Audit Recommendations Tracker",
                                             "Agreed Actions Follow-up"]),
                    None, as_of, with_date)
    v.fact("plan.as_of", [sheet], as_of.isoformat() if with_date else None)
    original, revised = rng.choice(AUDIT_DATES)
    heads = [("ref", rng.choice(["Rec No", "Rec. No.", "Ref", "No."])),
             ("finding", rng.choice(["Finding", "Issue", "Audit finding"])),
             ("action", rng.choice(["Agreed Management Action",
                                    "Agreed action", "Management action"])),
             ("lead", rng.choice(["Responsible Officer", "Action Owner",
                                  "Lead Officer"])),
             ("due", original), ("revised", revised),
             ("status", rng.choice(["Status", "Implementation status",
                                    "Current status"])),
             ("comment", rng.choice(["Progress Update", "Management update",
                                     "Comments"]))]
    # or one heading merged over the two dates, their own words below it
    # ("Implementation date" over "Original | Revised")
    two_rows = rng.random() < 0.25
    if two_rows:
        v.traits.add("audit-date-subheadings")
        heads[4] = ("due", rng.choice(["Original", "Agreed", "Original date"]))
        heads[5] = ("revised", rng.choice(["Revised", "Revised date", "New"]))
    elif rng.random() < 0.3:
        heads[4], heads[5] = heads[5], heads[4]
        v.traits.add("audit-revised-first")
    col = {}
    for i, (role, h) in enumerate(heads):
        ws.put(r + (1 if two_rows and role in ("due", "revised") else 0),
               1 + i, h, bold=True)
        col[role] = 1 + i
    if two_rows:
        ws.put(r, col["due"], rng.choice(["Implementation date",
                                          "Target date", "Due date"]),
               bold=True)
        ws.merge(r, col["due"], r, col["revised"])
        if rng.random() < 0.5:  # the other headings over both rows
            for role, c in col.items():
                if role not in ("due", "revised"):
                    ws.merge(r, c, r + 1, c)
        r += 1
    r += 1
    for finding in range(1, rng.randint(2, 4) + 1):
        for rec in range(1, rng.randint(1, 3) + 1):
            ref = f"{finding}.{rec}"
            status = rng.choice(["complete", "complete", "on_target",
                                 "programmed", "suspended"])
            ws.put(r, col["ref"], ref)
            ws.put(r, col["finding"], rng.choice(W.COMMENTS))
            ws.put(r, col["action"], rng.choice(W.TASKS))
            lead_text, leads = make_lead(rng, v)
            ws.put(r, col["lead"], lead_text)
            d0 = as_of + dt.timedelta(days=rng.randint(-300, 200))
            due = d0
            for c, d in [(col["due"], d0)] + (
                    [(col["revised"], d0 + dt.timedelta(
                        days=rng.randint(30, 240)))]
                    if rng.random() < 0.4 else []):
                if rng.random() < 0.5:
                    ws.put(r, c, d, fmt="dd/mm/yyyy")
                else:
                    ws.put(r, c, d.strftime("%d/%m/%Y"))
                due = d
            ws.put(r, col["status"], rng.choice(AUDIT_STATUS[status]))
            ws.put(r, col["comment"], rng.choice(W.COMMENTS))
            v.fact("ref", [sheet, ref], True)
            v.fact("parent", [sheet, ref], str(finding))
            v.fact("leads", [sheet, ref], leads)
            v.fact("status", [sheet, ref], status)
            v.fact("due", [sheet, ref], [due.isoformat(), None])
            # a recommendation superseded, withdrawn or whose risk was
            # accepted is closed: nothing is owed, so it is never overdue
            if due < as_of and status not in ("complete", "suspended"):
                v.finding("milestone-overdue", sheet, ref=ref)
            r += 1
    v.fact("plan", [sheet, "action_plan"], 1)


def action_plan(v):
    rng = v.rng
    as_of = dt.date(rng.randint(2009, 2025), rng.randint(1, 12), rng.randint(1, 28))
    v.as_of = as_of
    if rng.random() < 0.2:
        audit_plan(v, as_of)
        return
    sheet = rng.choice(["Action Plan", "Plan", "Improvement Plan", "Actions",
                        "Recommendations"])
    ws = v.book.sheet(sheet)
    c0 = rng.choice([1, 1, 2])
    r = 1
    with_date = rng.random() < 0.5
    if rng.random() < 0.8:
        r = title_block(v, ws, 1, c0, rng.choice(["Revenues Improvement Plan",
                                                  "Housing Benefit Action Plan",
                                                  "Licensing Service Action Plan",
                                                  "Inspection Improvement Plan"]),
                        None, as_of, with_date)
    else:
        with_date = False
    v.fact("plan.as_of", [sheet], as_of.isoformat() if with_date else None)
    heads = [("ref", rng.choice(W.REF_HEADERS)),
             ("action", rng.choice(W.ACTION_HEADERS)),
             ("lead", rng.choice(W.LEAD_HEADERS)),
             ("due", rng.choice(W.DUE_HEADERS)),
             ("comment", rng.choice(W.COMMENT_HEADERS))]
    v.traits.add("ref-header-" + heads[0][1])
    if rng.random() < 0.3:
        heads.insert(2, ("extra", rng.choice(["Priority", "Resources",
                                              "Outcome measure"])))
        v.traits.add("extra-column")
    if rng.random() < 0.15:
        # the objective each action serves, in the first column
        heads.insert(0, ("objective", rng.choice(["Objective",
                                                  "Strategic objective",
                                                  "Priority area"])))
        v.traits.add("objective-column")
    elif rng.random() < 0.1:
        # a column that groups the rows, and their own work headed by
        # what it is ("Workstream | Milestone", "Theme | Task")
        # or "Action | Milestones": the action's milestones are the rows
        heads.insert(0, ("objective", rng.choice(["Workstream", "Theme",
                                                  "Priority", "Project",
                                                  "Action", "Actions",
                                                  "Key action"])))
        heads[[role for role, _ in heads].index("action")] = (
            "action", rng.choice(["Milestone", "Milestones", "Task",
                                  "Activity", "Deliverable"]))
        v.traits.add("grouping-column")
    # a start date before the due: headings of their own ("Start date |
    # Completion date"), or one heading merged over "Start | End" on the
    # row below ("Timescale"); the end is the due either way
    span = None
    if rng.random() < 0.15:
        span = rng.choice(["headings", "merged"])
        k = [role for role, _ in heads].index("due")
        if span == "headings":
            heads.insert(k, ("start", rng.choice(["Start date", "Start",
                                                  "Date started",
                                                  "Planned start"])))
            heads[k + 1] = ("due", rng.choice(["End date", "Completion date",
                                               "Target completion date",
                                               "End", "Finish",
                                               "Planned end"]))
        else:
            pair = rng.choice([("Start", "End"), ("From", "To"),
                               ("Start date", "End date"),
                               ("Start", "Finish")])
            heads.insert(k, ("start", pair[0]))
            heads[k + 1] = ("due", pair[1])
        v.traits.add("start-date-" + span)
    pct_col = rng.random() < 0.2
    if pct_col:
        # how much of each action is done; 100% says complete
        heads.append(("pct", rng.choice(["% Complete", "Percent complete",
                                         "% done", "Progress %",
                                         "Completion (%)"])))
        v.traits.add("pct-complete")
    done_col = rng.random() < 0.15
    if done_col:
        # the day each action was done: a day there says complete, an
        # empty cell or a dash says nothing
        heads.append(("done", rng.choice(["Date completed", "Completed date",
                                          "Actual completion date",
                                          "Date closed", "Completed on",
                                          "Date implemented",
                                          "Actual end date",
                                          "Actual date"])))
        v.traits.add("done-date")
    rag_col = rng.random() < 0.3
    rag_initials_above = False
    rag_pct = False
    if rag_col:
        # statuses stated in a column of their own, in words or letters
        heads.append(("rag", rng.choice(["RAG", "Status", "RAG status",
                                         "Progress (RAG)", "Delivery RAG",
                                         "Overall RAG"])))
        v.traits.add("status-column")
        rag_letters = rng.random() < 0.4
        # or how much is done, as percents ("50%"): 100% says complete
        rag_pct = not rag_letters and rng.random() < 0.12
        if rag_pct:
            heads[-1] = ("rag", rng.choice(["Status", "Progress status"]))
            v.traits.add("status-percent")
        # or a lone symbol ("●") in a red, amber or green font
        rag_symbols = not rag_letters and not rag_pct and \
            rng.random() < 0.1
        if rag_symbols:
            v.traits.add("status-symbols")
        # or the initial set off from a few words: "R - significant issues"
        rag_initial_words = rag_letters and rng.random() < 0.3
        if rag_initial_words:
            v.traits.add("status-initial-words")
        # or the key's words written out ("On track", "Slipped by over a
        # month") rather than a colour's name
        rag_phrases = not rag_letters and not rag_symbols and \
            not rag_pct and rng.random() < 0.3
        if rag_phrases:
            v.traits.add("status-phrases")
        # or words that say late and not how late ("Delayed") on the
        # officer's amber or red: the colour says how late
        rag_vague = not rag_letters and not rag_symbols and \
            not rag_phrases and not rag_pct and rng.random() < 0.4
        if rag_vague:
            v.traits.add("status-vague-coloured")
    # or a status column a quarter, filled up to the latest reported:
    # bare "Q1 | Q2 | Q3 | Q4" of letters a one-cell key explains, or
    # "Q1 Status | Q2 Status ..." of words
    quarters = 0
    if not rag_col and rng.random() < 0.12:
        quarters = rng.randint(1, 3)
        q_letters = rng.random() < 0.6
        style = rng.choice(["Q{}", "Quarter {}"] if q_letters else
                           ["Q{} Status", "Q{} RAG", "Status Q{}"])
        for q in range(1, 5):
            heads.append((f"q{q}", style.format(q)))
        v.traits.add("quarter-status-" + ("letters" if q_letters
                                           else "words"))
    # or the quarters bare on a second header row under one heading
    # merged across them ("Progress RAG"), coloured without words
    q_merged = quarters and span != "merged" and rng.random() < 0.35
    q_fill = q_merged and not q_letters
    if q_merged:
        v.traits.add("quarter-status-merged" + ("-fill" if q_fill else ""))
        heads = [(role, f"Q{role[1]}" if role[0] == "q" and
                  role[1:].isdigit() else h) for role, h in heads]
    col = {}
    two_rows = span == "merged"
    for i, (role, h) in enumerate(heads):
        below = (two_rows and role in ("start", "due")) or \
            (q_merged and role in ("q1", "q2", "q3", "q4"))
        ws.put(r + (1 if below else 0), c0 + i, h, bold=True)
        col[role] = c0 + i
    if q_merged:
        ws.put(r, col["q1"], rng.choice(["Progress RAG", "RAG status",
                                         "Quarterly RAG", "Status"]),
               bold=True)
        ws.merge(r, col["q1"], r, col["q4"])
        for role, c in col.items():
            if role not in ("q1", "q2", "q3", "q4"):
                ws.merge(r, c, r + 1, c)
        r += 1
    if two_rows:
        ws.put(r, col["start"], rng.choice(["Timescale", "Timescales",
                                            "Timeframe", "Dates"]),
               bold=True)
        ws.merge(r, col["start"], r, col["due"])
        if rng.random() < 0.5:  # the other headings over both rows
            for role, c in col.items():
                if role not in ("start", "due"):
                    ws.merge(r, c, r + 1, c)
        r += 1
    if not rag_col and not quarters and rng.random() < 0.1:
        # notes to whoever fills the plan in, beside it past two blank
        # columns and headed on its header row: no column of the plan
        # (read as the updates, "Complete the ..." said a row was done)
        nc = c0 + len(heads) + 2
        ws.put(r, nc, rng.choice(["Notes for completing this plan",
                                  "Instructions", "Guidance notes",
                                  "How to complete this return"]),
               bold=True)
        for k, line in enumerate(["1. Update the progress each month",
                                  "Complete the Lead column with a name",
                                  "Return to the policy team by the 5th"]):
            ws.put(r + 1 + k, nc, line)
        v.traits.add("notes-beside")
    r += 1
    if rng.random() < 0.08:
        # a return template's example row left in: no action, so no
        # finding (its old date made an overdue warning)
        v.traits.add("example-row")
        ws.put(r, col["ref"], rng.choice(["e.g. 1.1", "Example", "", "eg 1"]))
        ws.put(r, col["action"], rng.choice(
            ["Example: Review the service charging policy",
             "Example action", "e.g. Refresh the workforce strategy",
             "For example, publish the annual report"]))
        ws.put(r, col["lead"], rng.choice(["Officer name", "Jo Bloggs",
                                           "Name of lead officer"]))
        old = rng.choice(["dd/mm/yyyy", "31/03/2020", dt.date(2019, 3, 31)])
        ws.put(r, col["due"], old, fmt="dd/mm/yyyy"
               if isinstance(old, dt.date) else None)
        if "rag" in col:
            ws.put(r, col["rag"], rng.choice(["R", "G / A / R", "Red"]))
        r += 1
    scheme = rng.choice(["R", "dot", "dot3"])
    v.traits.add("refs-" + scheme)
    refs = make_refs(rng, scheme, rng.randint(2, 4))
    orphan_parent = rng.choice(refs)[0] if rng.random() < 0.15 else None
    if orphan_parent:
        v.traits.add("orphan")
    lead_missing_done = False
    for pref, kids in refs:
        done = [rng.random() < 0.2 for _ in kids]
        if all(done):
            # a heading whose children are all complete is complete only by
            # inference; keep the truth to what the rows say
            done[-1] = False
        parent_complete = all(done)
        parent_lead = False
        if pref != orphan_parent and scheme == "R" and rng.random() < 0.3:
            # a heading written "R3 Improve ..." merged across the table
            v.traits.add("parent-merged")
            ws.put(r, col["ref"], f"{pref} {rng.choice(W.TASKS)}", bold=True)
            ws.merge(r, col["ref"], r, c0 + len(heads) - 1)
            v.fact("ref", [sheet, pref], True)
            v.fact("parent", [sheet, pref], None)
            v.fact("leads", [sheet, pref], [])
            v.fact("status", [sheet, pref], None)
            v.fact("due", [sheet, pref], [None, None])
            r += 1
        elif pref != orphan_parent:
            if "objective" in col:
                ws.put(r, col["objective"], rng.choice(OBJECTIVES))
            ws.put(r, col["ref"], pref, bold=True, underline=rng.random() < 0.3)
            ws.put(r, col["action"], rng.choice(W.TASKS), bold=True)
            v.fact("ref", [sheet, pref], True)
            v.fact("parent", [sheet, pref], None)
            # a heading that names the lead of the actions under it
            parent_lead = rng.random() < 0.15
            if parent_lead:
                lead_text, pleads = make_lead(rng, v)
                ws.put(r, col["lead"], lead_text)
                v.fact("leads", [sheet, pref], pleads)
                v.traits.add("parent-lead")
            else:
                v.fact("leads", [sheet, pref], [])
            v.fact("status", [sheet, pref], None)
            _due(v, ws, r, col["due"], as_of, parent_complete, pref, sheet)
            r += 1
        heading_lead = parent_lead
        for ref, complete in zip(kids, done):
            ws.put(r, col["ref"], ref)
            ws.put(r, col["action"], rng.choice(W.TASKS))
            if "extra" in col:
                ws.put(r, col["extra"], rng.choice(["High", "Medium", "Low"]))
            if "objective" in col:
                ws.put(r, col["objective"], rng.choice(OBJECTIVES))
            if heading_lead and rng.random() < 0.3:
                # left blank under a heading that names its lead: no
                # lead-missing, the heading's lead is responsible
                leads = []
                v.traits.add("lead-from-heading")
            elif not lead_missing_done and not heading_lead and \
                    rng.random() < 0.06:
                lead_missing_done = True
                v.traits.add("lead-missing")
                v.finding("lead-missing", sheet, ref=ref)
                leads = []
                if rng.random() < 0.5:
                    # a place held for a name is no lead either
                    ws.put(r, col["lead"], rng.choice(
                        ["TBC", "N/A", "Vacant post", "To be confirmed",
                         "TBA"]))
                    v.traits.add("lead-placeholder")
            else:
                lead_text, leads = make_lead(rng, v)
                ws.put(r, col["lead"], lead_text)
            _due(v, ws, r, col["due"], as_of, complete, ref, sheet)
            if "start" in col:
                ws.put(r, col["start"],
                       as_of - dt.timedelta(days=rng.randint(200, 400)),
                       fmt="dd/mm/yyyy")
            status = "complete" if complete else None
            if pct_col:
                ws.put(r, col["pct"], 1.0 if complete else
                       round(rng.uniform(0, 0.9), 2), fmt="0%")
            if done_col:
                if complete:
                    ws.put(r, col["done"], as_of - dt.timedelta(
                        days=rng.randint(1, 150)),
                        fmt=rng.choice(["dd/mm/yyyy", "d mmm yyyy"]))
                elif rng.random() < 0.3:
                    ws.put(r, col["done"], rng.choice(["-", "N/A", ""]))
            if complete and (not rag_col or rng.random() < 0.5) and \
                    not (pct_col and rng.random() < 0.5) and \
                    not (done_col and rng.random() < 0.6):
                comment = rng.choice(["Complete", "Completed - signed off",
                                      "Complete. Report to Cabinet",
                                      "This action is now complete.",
                                      "Work completed and signed off"])
            else:
                comment = rng.choice(W.COMMENTS)
            ws.put(r, col["comment"], comment)
            if rag_col and rag_pct:
                ws.put(r, col["rag"], 1.0 if complete else
                       rng.choice([0.0, 0.25, 0.5, 0.75]), fmt="0%")
            elif rag_col:
                # Green, Amber and Red read as on target, up to a month
                # behind and over a month behind (as tests/cli's
                # dump_variations reads an action plan's RAG column)
                if complete:
                    word = "Complete"
                    # a BRAG's "B" (or "C") with no key, once the column
                    # has shown the RAG's own initials above it
                    if rag_letters and not rag_initial_words and \
                            rag_initials_above and rng.random() < 0.5:
                        word = rng.choice(["B", "C"])
                        v.traits.add("status-brag-letter")
                else:
                    status = rng.choice(["on_target", "one_month_behind",
                                         "over_one_month_behind"])
                    word = {"on_target": "Green", "one_month_behind": "Amber",
                            "over_one_month_behind": "Red"}[status]
                    if rag_initial_words:
                        words = rng.choice(["significant issues",
                                            "see update", "some concerns",
                                            "as planned"])
                        word = rng.choice([f"{word[0]} - {words}",
                                           f"{word[0]}: {words}",
                                           f"{word[0]} ({words})"])
                    elif rag_letters:
                        word = word[0]
                        rag_initials_above = True
                    elif rag_phrases:
                        word = rng.choice(W.KEY_WORDS[status])
                    elif rag_vague and status != "on_target":
                        word = rng.choice(["Delayed", "Behind schedule",
                                           "Overdue", "Slipping", "Late",
                                           "Not on track", "Delay"])
                        vague_fill = rng.choice({
                            "one_month_behind": ["FFC000", "FFEB9C"],
                            "over_one_month_behind": ["FF0000", "FFC7CE"]
                        }[status])
                if rag_symbols and not complete:
                    ws.put(r, col["rag"], rng.choice(["●", "■", "⬤", "▲"]),
                           colour=rng.choice({
                               "on_target": ["00B050", "92D050"],
                               "one_month_behind": ["FFC000", "FF9900"],
                               "over_one_month_behind": ["FF0000", "C00000"]
                           }[status]))
                elif rag_vague and not complete and \
                        status != "on_target":
                    ws.put(r, col["rag"], word, fill=rgb(vague_fill))
                else:
                    ws.put(r, col["rag"], word)
            if quarters:
                # earlier quarters any colour; the latest says where it is
                for q in range(1, quarters + 1):
                    if q == quarters:
                        st = "complete" if complete else rng.choice(
                            ["on_target", "one_month_behind",
                             "over_one_month_behind"])
                        status = st
                    else:
                        st = rng.choice(["on_target", "one_month_behind",
                                         "over_one_month_behind"])
                    word = Q_WORDS[st][0 if q_letters else 1]
                    # a done action's row in words, none coloured
                    if q_fill and not complete:
                        ws.put(r, col[f"q{q}"], None, fill=rgb(
                            {"on_target": "00B050",
                             "one_month_behind": "FFC000",
                             "over_one_month_behind": "FF0000"}[st]))
                    else:
                        ws.put(r, col[f"q{q}"], word)
            if leads and rng.random() < 0.1:
                # the action over two rows, its ref and words merged down,
                # a second lead and update on the row below
                v.traits.add("action-two-rows")
                lead2_text, lead2 = make_lead(rng, v)
                ws.put(r + 1, col["lead"], lead2_text)
                ws.put(r + 1, col["comment"], rng.choice(W.COMMENTS))
                ws.merge(r, col["ref"], r + 1, col["ref"])
                ws.merge(r, col["action"], r + 1, col["action"])
                leads = leads + lead2
                r += 1
            v.fact("ref", [sheet, ref], True)
            v.fact("parent", [sheet, ref], pref)
            v.fact("leads", [sheet, ref], leads)
            v.fact("status", [sheet, ref], status)
            if pref == orphan_parent:
                v.finding("ref-orphan", sheet, ref=ref)
            r += 1
            if rng.random() < 0.1:
                r += 1
                v.traits.add("blank-rows")
    if quarters and q_letters:
        ws.put(r + 1, c0, "Key: G = on track, A = at risk, R = off track, "
               "C = complete")
    v.fact("plan", [sheet, "action_plan"], 1)
