/*
 * Recovery plan rules: period-outside-year, finance-arithmetic,
 * recovery-shortfall, status-missing, narrative-missing for periods,
 * milestone-overdue for milestones, and date-invalid for period ends and
 * milestone dates.
 *
 * Money is compared within the rounding of the unit the sheet shows it in:
 * a pressure in £'000 is right when it is within 1 (thousand) of outturn -
 * budget.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "validate/rules.h"

/* "£'000" for 1000, "£" for 1, ... */
static const char *unit_words(double unit, char *buf, size_t size)
{
    char n[64];
    if (unit == 1000.0)
        snprintf(buf, size, "\xC2\xA3'000");
    else if (unit == 1.0 || unit <= 0)
        snprintf(buf, size, "\xC2\xA3");
    else if (unit == 1e6)
        snprintf(buf, size, "\xC2\xA3m");
    else
        snprintf(buf, size, "units of \xC2\xA3%s",
                 rg_vnum(unit, -1, n, sizeof n));
    return buf;
}

/* "2023/24" for the year starting in April 2023. */
static const char *year_words(const rag_finance *f, int start, char *buf,
                              size_t size)
{
    if (f && !rg_vblank(f->year))
        return rg_vshort(f->year, 20, buf, size);
    snprintf(buf, size, "%d/%02d", start, (start + 1) % 100);
    return buf;
}

static void period_outside_year(rg_vctx *c, const rag_plan *p,
                                const rag_period *q)
{
    int start = rg_vyear_start(p->finance);
    rag_date first = {start, 4, 1}, last = {start + 1, 3, 31};
    long end;
    char d[16], y[32];

    if (!start || !q->end.year || q->end_invalid ||
        !rg_rule_on(c, RAG_RULE_PERIOD_OUTSIDE_YEAR))
        return;
    end = rg_vdays(q->end);
    if (end >= rg_vdays(first) && end <= rg_vdays(last))
        return;
    rg_emit(c, RAG_RULE_PERIOD_OUTSIDE_YEAR, p, q->cell, NULL, q->label,
            "%s ends %s, outside %s", q->label ? q->label : "a quarter",
            rg_vdate(q->end, d), year_words(p->finance, start, y, sizeof y));
}

static void period_status(rg_vctx *c, const rag_plan *p, const rag_period *q)
{
    const char *label = q->label ? q->label : "a quarter";
    char d[16], a[16];
    bool said = !rg_vblank(q->narrative);

    if (q->end_invalid) {
        const char *text = rg_vcell_text(c, p, q->cell);
        char t[96];
        char why[64];
        rg_emit(c, RAG_RULE_DATE_INVALID, p, q->cell, NULL, q->label,
                "%s's end date is not a real date%s%s%s%s", label,
                text ? ": '" : "",
                text ? rg_vshort(text, 60, t, sizeof t) : "",
                text ? "'" : "", rg_vdate_why(text, why, sizeof why));
    }
    if (q->rag == RAG_RATING_NONE) {
        rag_loc at = q->rag_cell.set ? q->rag_cell : q->cell;
        if (said)
            rg_emit(c, RAG_RULE_STATUS_MISSING, p, at, NULL, q->label,
                    "%s has a narrative but no GREEN/AMBER/RED", label);
        else if (q->end.year && !q->end_invalid &&
                 rg_vdays(q->end) < rg_vdays(c->as_of))
            rg_emit(c, RAG_RULE_STATUS_MISSING, p, at, NULL, q->label,
                    "%s ended %s but has no GREEN/AMBER/RED (as of %s)",
                    label, rg_vdate(q->end, d), rg_vdate(c->as_of, a));
    } else if ((q->rag == RAG_RATING_RED || q->rag == RAG_RATING_AMBER) &&
               !said) {
        rg_emit(c, RAG_RULE_NARRATIVE_MISSING, p,
                q->narrative_cell.set ? q->narrative_cell : q->cell, NULL,
                q->label, "%s is %s but has no narrative: expected what has "
                          "slipped and how it will be brought back",
                label, q->rag == RAG_RATING_RED ? "RED" : "AMBER");
    }
}

static void finance_arithmetic(rg_vctx *c, const rag_plan *p)
{
    const rag_finance *f = p->finance;
    double expect;
    int start;
    char py[32], cy[32], u[32], n1[32], n2[32], n3[32], n4[32];

    if (!f || !f->has_outturn_prior || !f->has_budget || !f->has_pressure ||
        !rg_rule_on(c, RAG_RULE_FINANCE_ARITHMETIC))
        return;
    expect = f->outturn_prior - f->budget;
    /* The rounding of the unit shown: 1 (thousand, for £'000). */
    if (fabs(f->pressure - expect) <= 1.0 + 1e-9 * (1.0 + fabs(expect)))
        return;
    start = rg_vyear_start(f);
    if (start) {
        snprintf(py, sizeof py, "%02d/%02d outturn", (start - 1) % 100,
                 start % 100);
        snprintf(cy, sizeof cy, "%02d/%02d budget", start % 100,
                 (start + 1) % 100);
    } else {
        snprintf(py, sizeof py, "prior-year outturn");
        snprintf(cy, sizeof cy, "this year's budget");
    }
    rg_emit(c, RAG_RULE_FINANCE_ARITHMETIC, p,
            f->pressure_cell.set ? f->pressure_cell : p->cell, NULL, NULL,
            "pressure says %s, but %s %s - %s %s = %s (in %s)",
            rg_vnum(f->pressure, -1, n1, sizeof n1), py,
            rg_vnum(f->outturn_prior, -1, n2, sizeof n2), cy,
            rg_vnum(f->budget, -1, n3, sizeof n3),
            rg_vnum(expect, -1, n4, sizeof n4),
            unit_words(f->unit, u, sizeof u));
}

static void recovery_shortfall(rg_vctx *c, const rag_plan *p)
{
    const rag_finance *f = p->finance;
    double unit, pressure, total = 0;
    size_t i, counted = 0;
    char m1[48], m2[48], m3[48];

    if (!f || !f->has_pressure || f->pressure <= 0 ||
        !rg_rule_on(c, RAG_RULE_RECOVERY_SHORTFALL))
        return;
    unit = f->unit > 0 ? f->unit : 1.0;
    pressure = f->pressure * unit;
    for (i = 0; i < p->milestone_count; i++) {
        if (p->milestones[i].has_amount) {
            total += p->milestones[i].amount;
            counted++;
        }
    }
    /* Short beyond the rounding of the pressure's unit. */
    if (total >= pressure - unit / 2.0 - 1e-6)
        return;
    if (!counted)
        rg_emit(c, RAG_RULE_RECOVERY_SHORTFALL, p,
                f->pressure_cell.set ? f->pressure_cell : p->cell, NULL,
                NULL,
                "no milestone gives an amount, so nothing recovers the %s "
                "pressure",
                rg_vmoney(pressure, m1, sizeof m1));
    else
        rg_emit(c, RAG_RULE_RECOVERY_SHORTFALL, p,
                f->pressure_cell.set ? f->pressure_cell : p->cell, NULL,
                NULL,
                "milestones add up to %s, short of the %s pressure by %s",
                rg_vmoney(total, m1, sizeof m1),
                rg_vmoney(pressure, m2, sizeof m2),
                rg_vmoney(pressure - total, m3, sizeof m3));
}

static void milestone_dates(rg_vctx *c, const rag_plan *p,
                            const rag_milestone *ms)
{
    rag_loc at = ms->due_cell.set ? ms->due_cell : ms->cell;
    char what[96], d[16], a[16], t[96];
    rag_date due = ms->due;
    bool from_words = false;

    if (rg_vblank(ms->text))
        snprintf(what, sizeof what, "a milestone");
    else {
        char s[80];
        snprintf(what, sizeof what, "milestone '%s'",
                 rg_vshort(ms->text, 50, s, sizeof s));
    }
    if (ms->due_invalid) {
        const char *text = ms->due_text ? ms->due_text
                                        : rg_vcell_text(c, p, at);
        char why[64];
        rg_emit(c, RAG_RULE_DATE_INVALID, p, at, NULL, NULL,
                "the date of %s is not a real date%s%s%s%s", what,
                text ? ": '" : "",
                text ? rg_vshort(text, 60, t, sizeof t) : "",
                text ? "'" : "", rg_vdate_why(text, why, sizeof why));
        return;
    }
    if (!due.year && ms->due_text && rg_vdue_from_text(ms->due_text, &due))
        from_words = true;
    if (!due.year || rg_vdays(due) >= rg_vdays(c->as_of))
        return;
    if (from_words)
        rg_emit(c, RAG_RULE_MILESTONE_OVERDUE, p, at, NULL, NULL,
                "%s was due '%s' (by %s) and is not marked complete (as of %s)",
                what, rg_vshort(ms->due_text, 40, t, sizeof t),
                rg_vdate(due, d), rg_vdate(c->as_of, a));
    else
        rg_emit(c, RAG_RULE_MILESTONE_OVERDUE, p, at, NULL, NULL,
                "%s was due %s and is not marked complete (as of %s)", what,
                rg_vdate(due, d), rg_vdate(c->as_of, a));
}

void rg_check_recovery(rg_vctx *c, const rag_plan *p)
{
    size_t i;

    finance_arithmetic(c, p);
    recovery_shortfall(c, p);
    for (i = 0; i < p->milestone_count && c->status == RAG_OK; i++)
        milestone_dates(c, p, &p->milestones[i]);
    for (i = 0; i < p->period_count && c->status == RAG_OK; i++) {
        period_outside_year(c, p, &p->periods[i]);
        period_status(c, p, &p->periods[i]);
    }
}
