/*
 * The Summary's part for deficit recovery plans: per plan the pressure,
 * what its milestones would save, the shortfall (or the cover) between
 * them, each quarter's RAG in words and colour, and the first line of the
 * latest narrative; a total row when there are several plans (money adds
 * up); bars of pressure against savings; and each plan's milestones with
 * their total.  Money is shown in pounds, whatever unit the sheet uses.
 */
#include <stdio.h>
#include <string.h>

#include "outputs/summary_impl.h"

#define QUARTERS 4
#define NARRATIVE_CHARS 200 /* about two lines across the merged cells */
#define PRESSURE_COLOUR 0x44546Au /* slate and blue: no RAG meaning */
#define SAVINGS_COLOUR 0x5B9BD5u

/* In the plans table money is in thousands ("£399k", the trailing comma
 * divides by 1000), as councils report it and as narrow columns hold it;
 * the milestones list below it gives whole pounds. */
#define THOUSANDS "\302\243#,##0,\"k\""
/* "£319k short", "£20k cover": the sign says which. */
static const char shortfall_format[] =
    "\302\243#,##0,\"k short\";\302\243#,##0,\"k cover\";\"met\"";

typedef struct money {
    bool has_pressure, has_savings;
    double pressure, savings;
} money;

static money money_of(const rag_plan *p)
{
    money m;
    size_t i;

    memset(&m, 0, sizeof m);
    if (p->finance && p->finance->has_pressure) {
        m.has_pressure = true;
        m.pressure = p->finance->pressure *
                     (p->finance->unit > 0 ? p->finance->unit : 1);
    }
    for (i = 0; i < p->milestone_count; i++)
        if (p->milestones[i].has_amount) {
            m.has_savings = true;
            m.savings += p->milestones[i].amount;
        }
    return m;
}

/* The latest quarter with words: its label and first line, into b. */
static const rag_period *latest(const rag_plan *p)
{
    size_t i = p->period_count;
    while (i--)
        if (p->periods[i].narrative && *p->periods[i].narrative)
            return &p->periods[i];
    return NULL;
}

static bool first_line(rg_buf *b, const char *text)
{
    size_t n = strcspn(text, "\r\n"), cut;
    rg_buf_reset(b);
    if (n <= NARRATIVE_CHARS)
        return rg_buf_append(b, text, n) && rg_buf_puts(b, "");
    /* a sentence's end before the limit, else a word's */
    for (cut = NARRATIVE_CHARS; cut > NARRATIVE_CHARS / 2; cut--)
        if (text[cut - 1] == '.' && text[cut] == ' ')
            return rg_buf_append(b, text, cut) && rg_buf_puts(b, "");
    for (cut = NARRATIVE_CHARS - 3; cut > 0 && text[cut] != ' '; cut--)
        ;
    return rg_buf_append(b, text, cut) && rg_buf_puts(b, "...");
}

static rag_status quarter(rg_sum *s, uint32_t r, uint32_t c,
                          const rag_period *q)
{
    const char *w = rg_cv_rating_words(q->rag);
    rag_wstyle st;
    rag_status e;

    if (!w)
        return rg_sum_put(s, r, c,
                          q->end.year && rag_date_days(q->end) >
                                             rag_date_days(s->in->m->as_of)
                              ? "not yet due"
                              : "not given",
                          s->zero);
    e = rg_sum_filled(s, rg_cv_rating_colour(q->rag), true, NULL, &st);
    return e == RAG_OK ? rg_sum_put(s, r, c, w, st) : e;
}

static rag_status money_cell(rg_sum *s, uint32_t r, uint32_t c, bool has,
                             double v, bool thousands)
{
    rg_cv_look l = rg_cv_plain();
    rag_wstyle st;
    rag_status e;

    if (!has)
        return rg_sum_put(s, r, c, "not given", s->zero);
    if (!thousands)
        return rg_sum_num(s, r, c, v, s->money);
    l.bold = true;
    l.center = true;
    l.top = true;
    l.numfmt = THOUSANDS;
    e = rg_cv_style(s->w, &l, &st, s->err);
    return e == RAG_OK ? rg_sum_num(s, r, c, v, st) : e;
}

static rag_status shortfall(rg_sum *s, uint32_t r, uint32_t c,
                            const money *m)
{
    rg_cv_look l = rg_cv_plain();
    rag_wstyle st;
    rag_status e;

    if (!m->has_pressure)
        return rg_sum_put(s, r, c, "no pressure given", s->zero);
    l.bold = true;
    l.center = true;
    l.top = true;
    l.numfmt = shortfall_format;
    e = rg_cv_style(s->w, &l, &st, s->err);
    return e == RAG_OK ? rg_sum_num(s, r, c, m->pressure - m->savings, st)
                       : e;
}

static rag_status narrative(rg_sum *s, const rag_plan *p)
{
    const rag_period *q = latest(p);
    rg_buf b = {0};
    rag_range span;
    char label[48];
    rag_status st;

    if (!q)
        return RAG_OK;
    snprintf(label, sizeof label, "%s said", q->label ? q->label : "Latest");
    st = rg_sum_put(s, s->row, SUM_COL_KIND, label, s->note);
    if (st == RAG_OK && !first_line(&b, q->narrative))
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = rg_sum_put(s, s->row, SUM_COL_TITLE, b.data, s->wrap);
    span.first_row = span.last_row = s->row;
    span.first_col = SUM_COL_TITLE;
    span.last_col = SUM_LAST_COL;
    if (st == RAG_OK)
        st = rag_wsheet_merge(s->ws, &span, s->err);
    if (st == RAG_OK)
        st = rg_sum_fit_row(s, s->row, b.len, 140);
    rg_buf_free(&b);
    s->row++;
    return st;
}

static rag_status milestones(rg_sum *s, const rag_plan *p)
{
    uint32_t head = s->row;
    size_t i, with = 0;
    double total = 0;
    rag_status st;
    char line[96];

    if (!p->milestone_count)
        return RAG_OK;
    snprintf(line, sizeof line, "Milestones of %s",
             p->sheet ? p->sheet : "the plan");
    s->row++;
    st = rg_sum_put(s, head + 1, SUM_COL_SHEET, line, s->bold);
    head += 2;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_SHEET, "Where", false)
                      : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_KIND, "Due", true) : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_TITLE, "Milestone",
                                    false)
                      : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_FIRST, "Saving", true)
                      : st;
    s->row = head + 1;
    for (i = 0; i < p->milestone_count && st == RAG_OK; i++) {
        const rag_milestone *ms = &p->milestones[i];
        uint32_t r = s->row++;
        const char *text = ms->text ? ms->text : "";
        st = rg_sum_link(s, r, SUM_COL_SHEET, p->sheet_index, ms->cell, true);
        if (st == RAG_OK && ms->due.year)
            st = rg_sum_num(s, r, SUM_COL_KIND, rg_cv_serial(ms->due),
                            s->date);
        else if (st == RAG_OK && ms->due_text)
            st = rg_sum_put(s, r, SUM_COL_KIND, ms->due_text,
                            s->wrap_center);
        if (st == RAG_OK)
            st = rg_sum_put(s, r, SUM_COL_TITLE, text, s->wrap);
        if (st == RAG_OK)
            st = rg_sum_fit_row(s, r, strlen(text), 46);
        if (st == RAG_OK)
            st = money_cell(s, r, SUM_COL_FIRST, ms->has_amount, ms->amount,
                            false);
        if (ms->has_amount) {
            total += ms->amount;
            with++;
        }
    }
    if (st == RAG_OK && with > 1) {
        uint32_t r = s->row++;
        st = rg_sum_put(s, r, SUM_COL_TITLE, "Total", s->bold);
        if (st == RAG_OK)
            st = rg_sum_num(s, r, SUM_COL_FIRST, total, s->money_bold);
        /* the milestones' total is the savings above, in whole pounds */
    }
    return st;
}

static rag_status chart(rg_sum *s, uint32_t first, size_t n)
{
    rag_chart_series se[2];
    rag_chart c;
    double height = 120 + 50.0 * (double)n;
    int k;
    rag_status st;

    memset(se, 0, sizeof se);
    for (k = 0; k < 2; k++) {
        se[k].name_from_cell = true;
        se[k].name_row = first - 1;
        se[k].name_col = SUM_COL_FIRST + (uint32_t)k;
        se[k].categories.first_row = first;
        se[k].categories.last_row = first + (uint32_t)n - 1;
        se[k].values = se[k].categories;
        se[k].values.first_col = se[k].values.last_col =
            SUM_COL_FIRST + (uint32_t)k;
        se[k].fill = k ? SAVINGS_COLOUR : PRESSURE_COLOUR;
    }
    memset(&c, 0, sizeof c);
    c.kind = RAG_CHART_BAR;
    c.legend = true;
    c.top_down = true;
    c.value_format = THOUSANDS;
    c.value_min_zero = true;
    c.gap = 60;
    c.series = se;
    c.series_count = 2;
    c.width = 700;
    c.height = height;
    c.x_offset = 4;
    c.y_offset = 6;
    st = rag_wsheet_add_chart(s->ws, s->row, 0, &c, s->err);
    s->row += (uint32_t)(height / 20.0) + 2;
    return st;
}

rag_status rg_sum_recovery(rg_sum *s)
{
    static const char *const heads[] = {"Pressure", "Savings in milestones",
                                        "Shortfall or cover"};
    const rag_model *m = s->in->m;
    size_t i, k, n = 0;
    uint32_t head, first, r;
    money all;
    bool pressure_all = true, savings_any = false;
    rag_status st;

    for (i = 0; i < m->plan_count; i++)
        n += m->plans[i].kind == RAG_PLAN_RECOVERY;
    if (!n)
        return RAG_OK;
    memset(&all, 0, sizeof all);
    st = rg_sum_section(s, "Deficit recovery");
    head = s->row;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_SHEET, "Sheet", false)
                      : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_KIND, "Year", false)
                      : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_TITLE, "Plan", false)
                      : st;
    for (k = 0; k < 3 && st == RAG_OK; k++)
        st = rg_sum_head(s, head, SUM_COL_FIRST + (uint32_t)k, heads[k],
                         true);
    for (k = 0; k < QUARTERS && st == RAG_OK; k++) {
        char q[8];
        snprintf(q, sizeof q, "Q%zu RAG", k + 1);
        st = rg_sum_head(s, head, SUM_COL_FIRST + 3 + (uint32_t)k, q, true);
    }
    if (st == RAG_OK)
        st = rg_sum_head(s, head, SUM_COL_FIRST + 3 + QUARTERS, "Findings",
                         true);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, head, 32, RAG_WSTYLE_NONE, false,
                                s->err);
    first = s->row = head + 1;
    /* the plans first, together, so that the chart has one range */
    for (i = 0; i < m->plan_count && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[i];
        money mo;
        const char *title = p->title ? p->title : "";
        if (p->kind != RAG_PLAN_RECOVERY)
            continue;
        mo = money_of(p);
        r = s->row++;
        st = rg_sum_link(s, r, SUM_COL_SHEET, p->sheet_index, p->cell, false);
        if (st == RAG_OK && p->finance && p->finance->year)
            st = rg_sum_put(s, r, SUM_COL_KIND, p->finance->year, s->top);
        if (st == RAG_OK)
            st = rg_sum_put(s, r, SUM_COL_TITLE, title, s->wrap);
        if (st == RAG_OK)
            st = money_cell(s, r, SUM_COL_FIRST, mo.has_pressure,
                            mo.pressure, true);
        if (st == RAG_OK)
            st = money_cell(s, r, SUM_COL_FIRST + 1, true, mo.savings, true);
        if (st == RAG_OK)
            st = shortfall(s, r, SUM_COL_FIRST + 2, &mo);
        for (k = 0; k < QUARTERS && st == RAG_OK; k++)
            if (k < p->period_count)
                st = quarter(s, r, SUM_COL_FIRST + 3 + (uint32_t)k,
                             &p->periods[k]);
        if (st == RAG_OK)
            st = rg_sum_findings(s, r, SUM_COL_FIRST + 3 + QUARTERS,
                                 s->findings[i]);
        pressure_all &= mo.has_pressure;
        savings_any |= mo.has_savings;
        all.pressure += mo.pressure;
        all.savings += mo.savings;
    }
    if (st == RAG_OK && n > 1) {
        r = s->row++;
        all.has_pressure = pressure_all;
        st = rg_sum_put(s, r, SUM_COL_SHEET, "Total", s->bold);
        if (st == RAG_OK)
            st = money_cell(s, r, SUM_COL_FIRST, pressure_all, all.pressure,
                            true);
        if (st == RAG_OK)
            st = money_cell(s, r, SUM_COL_FIRST + 1, true, all.savings, true);
        if (st == RAG_OK)
            st = shortfall(s, r, SUM_COL_FIRST + 2, &all);
    }
    /* each plan's latest words, then the money as bars */
    for (i = 0; i < m->plan_count && st == RAG_OK; i++)
        if (m->plans[i].kind == RAG_PLAN_RECOVERY)
            st = narrative(s, &m->plans[i]);
    if (st == RAG_OK)
        st = rg_sum_note(s, "Pressure is the budget pressure the plan must "
                            "meet; savings are the amounts its milestones "
                            "give; the shortfall is what is still to be "
                            "found (cover: more than enough).  In "
                            "thousands of pounds, rounded; the milestones "
                            "below give whole pounds.");
    if (st == RAG_OK && (pressure_all || savings_any)) {
        s->row++;
        st = chart(s, first, n);
    }
    for (i = 0; i < m->plan_count && st == RAG_OK; i++)
        if (m->plans[i].kind == RAG_PLAN_RECOVERY)
            st = milestones(s, &m->plans[i]);
    return st;
}
