/*
 * The Summary's part for performance indicators (indicator plans and
 * scorecards): one row per indicator with its target, actual and variance
 * in the indicator's own unit, which way is better, the direction of
 * travel (the latest period against the one before, else the sheet's
 * words), the RAG ragbook computes (in its colour and in words) and the
 * RAG the sheet states.  No total (indicators do not add up) and no chart
 * (the table is the picture).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "outputs/summary_impl.h"

/* Number formats by unit: value, then variance (always signed). */
static const char *value_format(rag_unit u)
{
    switch (u) {
    case RAG_UNIT_PERCENT:
        return "0.0%";
    case RAG_UNIT_DAYS:
        return "0.0";
    case RAG_UNIT_GBP:
        return "\302\243#,##0";
    case RAG_UNIT_COUNT:
        return "#,##0";
    case RAG_UNIT_NONE:
        break;
    }
    return "General";
}

static const char *variance_format(rag_unit u)
{
    switch (u) {
    case RAG_UNIT_PERCENT:
        return "+0.0%;-0.0%;0.0%";
    case RAG_UNIT_DAYS:
        return "+0.0;-0.0;0.0";
    case RAG_UNIT_GBP:
        return "+\302\243#,##0;-\302\243#,##0;\302\243#,##0";
    case RAG_UNIT_COUNT:
        return "+#,##0;-#,##0;0";
    case RAG_UNIT_NONE:
        break;
    }
    return "+0.###;-0.###;0";
}

static const char *better_words(rag_direction d)
{
    switch (d) {
    case RAG_LOWER_IS_BETTER:
        return "Lower";
    case RAG_WITHIN_BAND:
        return "Near target";
    case RAG_HIGHER_IS_BETTER:
        break;
    }
    return "Higher";
}

static bool rated(const rag_plan *p)
{
    return p->kind == RAG_PLAN_INDICATOR || p->kind == RAG_PLAN_SCORECARD;
}

/* The latest value against the one before, the right way up; else what
 * the sheet says; else not known. */
static const char *travel(const rag_indicator *ind)
{
    double a, b, better;
    if (ind->value_count < 2)
        return ind->travel && *ind->travel ? ind->travel : "not known";
    a = ind->values[ind->value_count - 2].value;
    b = ind->values[ind->value_count - 1].value;
    if (ind->direction == RAG_WITHIN_BAND)
        better = fabs(a - ind->target) - fabs(b - ind->target);
    else
        better = ind->direction == RAG_LOWER_IS_BETTER ? a - b : b - a;
    /* figures read from text carry float noise below 1e-9 (as rag_rate) */
    return fabs(better) < 1e-9 ? "No change"
           : better > 0        ? "Improving"
                               : "Worse";
}

/* Findings about this indicator: its row on a scorecard, the whole plan
 * of an indicator plan. */
static size_t findings_of(const rg_sum *s, const rag_plan *p, size_t plan,
                          const rag_indicator *ind)
{
    size_t k, n = 0;
    const rag_findings *f = s->in->found;
    if (p->kind != RAG_PLAN_SCORECARD)
        return s->findings[plan];
    for (k = 0; f && k < f->count; k++)
        n += f->items[k].sheet && f->items[k].has_cell &&
             f->items[k].sheet_index == p->sheet_index &&
             f->items[k].row == ind->cell.row;
    return n;
}

static rag_status number(rg_sum *s, uint32_t r, uint32_t c, bool has,
                         double v, const char *fmt)
{
    rg_cv_look l = rg_cv_plain();
    rag_wstyle st;
    rag_status e;

    if (!has || !isfinite(v))
        return rg_sum_put(s, r, c, "not given", s->zero);
    l.center = true;
    l.top = true;
    l.numfmt = fmt;
    e = rg_cv_style(s->w, &l, &st, s->err);
    return e == RAG_OK ? rg_sum_num(s, r, c, v, st) : e;
}

/* A RAG in words, in its colour; "not rated" in grey. */
static rag_status rating(rg_sum *s, uint32_t r, uint32_t c, rag_rating g,
                         const char *none)
{
    const char *w = rg_cv_rating_words(g);
    rag_wstyle st;
    rag_status e;

    if (!w)
        return rg_sum_put(s, r, c, none, s->zero);
    e = rg_sum_filled(s, rg_cv_rating_colour(g), true, NULL, &st);
    return e == RAG_OK ? rg_sum_put(s, r, c, w, st) : e;
}

static rag_status row(rg_sum *s, uint32_t r, const rag_plan *p,
                      size_t plan, const rag_indicator *ind)
{
    const char *fmt = value_format(ind->unit);
    rg_buf t = {0};
    rag_status st;

    st = rg_sum_link(s, r, SUM_COL_SHEET, p->sheet_index, ind->cell, false);
    if (st == RAG_OK && ind->code)
        st = rg_sum_put(s, r, SUM_COL_KIND, ind->code, s->top);
    if (st == RAG_OK &&
        !rg_buf_printf(&t, "%s%s%s%s", ind->title ? ind->title : "",
                       ind->period ? " (" : "",
                       ind->period ? ind->period : "",
                       ind->period ? ")" : ""))
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = rg_sum_put(s, r, SUM_COL_TITLE, t.data, s->wrap);
    if (st == RAG_OK)
        st = rg_sum_fit_row(s, r, t.len, 46);
    rg_buf_free(&t);
    if (st == RAG_OK)
        st = number(s, r, SUM_COL_FIRST, ind->has_target, ind->target, fmt);
    if (st == RAG_OK)
        st = number(s, r, SUM_COL_FIRST + 1, ind->has_actual, ind->actual,
                    fmt);
    if (st == RAG_OK)
        st = number(s, r, SUM_COL_FIRST + 2,
                    ind->has_target && ind->has_actual, ind->variance,
                    variance_format(ind->unit));
    if (st == RAG_OK)
        st = rg_sum_put(s, r, SUM_COL_FIRST + 3,
                        better_words(ind->direction), s->count);
    if (st == RAG_OK)
        st = rg_sum_put(s, r, SUM_COL_FIRST + 4, travel(ind), s->count);
    if (st == RAG_OK)
        st = rating(s, r, SUM_COL_FIRST + 5, ind->rag,
                    ind->data_only ? "data only"
                    : ind->to_date ? "to date"
                                   : "not rated");
    if (st == RAG_OK)
        st = rating(s, r, SUM_COL_FIRST + 6, ind->stated_rag, "not stated");
    if (st == RAG_OK)
        st = rg_sum_findings(s, r, SUM_COL_FIRST + 7,
                             findings_of(s, p, plan, ind));
    return st;
}

rag_status rg_sum_indicators(rg_sum *s)
{
    static const char *const heads[] = {
        "Target", "Actual", "Variance", "Better when",
        "Direction of travel", "RAG computed", "RAG on the sheet",
        "Findings"};
    const rag_model *m = s->in->m;
    size_t i, k, n = 0;
    double tolerance = -1;
    bool one_tolerance = true, to_date = false;
    uint32_t head;
    rag_status st;

    for (i = 0; i < m->plan_count; i++)
        if (rated(&m->plans[i]))
            for (k = 0; k < m->plans[i].indicator_count; k++) {
                const rag_indicator *ind = &m->plans[i].indicators[k];
                if (tolerance >= 0 && ind->tolerance != tolerance)
                    one_tolerance = false;
                tolerance = ind->tolerance;
                to_date = to_date || ind->to_date;
                n++;
            }
    if (!n)
        return RAG_OK;
    st = rg_sum_section(s, "Performance indicators");
    head = s->row;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_SHEET, "Sheet", false)
                      : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_KIND, "Code", false)
                      : st;
    st = st == RAG_OK
             ? rg_sum_head(s, head, SUM_COL_TITLE, "Indicator", false)
             : st;
    for (k = 0; k < sizeof heads / sizeof *heads && st == RAG_OK; k++)
        st = rg_sum_head(s, head, SUM_COL_FIRST + (uint32_t)k, heads[k],
                         true);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, head, 32, RAG_WSTYLE_NONE, false,
                                s->err);
    s->row = head + 1;
    for (i = 0; i < m->plan_count && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[i];
        if (!rated(p))
            continue;
        for (k = 0; k < p->indicator_count && st == RAG_OK; k++)
            st = row(s, s->row++, p, i, &p->indicators[k]);
    }
    if (st == RAG_OK) {
        char line[300];
        if (one_tolerance && tolerance > 0)
            snprintf(line, sizeof line,
                     "RAG computed by ragbook from the target and the "
                     "actual: GREEN when the target is met, AMBER when "
                     "short of it by no more than %g%% of the target, RED "
                     "beyond.  Variance is actual less target; direction "
                     "of travel compares the latest period with the one "
                     "before.",
                     tolerance * 100);
        else
            snprintf(line, sizeof line,
                     "RAG computed by ragbook from the target and the "
                     "actual: GREEN when the target is met, AMBER when "
                     "a little short of it (each sheet's own band), RED "
                     "beyond.  Variance is actual less target; direction "
                     "of travel compares the latest period with the one "
                     "before.");
        st = rg_sum_note(s, line);
    }
    if (st == RAG_OK && to_date)
        st = rg_sum_note(s, "To date (not rated): a total so far this year against "
                            "the year's target, which cannot rate it "
                            "before the last quarter; the sheet gives no "
                            "profile for the quarter.");
    return st;
}
