/*
 * The Summary's part for trackers and action plans: one row per plan
 * with its actions counted by status, each status named in the plan's
 * own words (its key's, else its status column's) and each count in the
 * key's colour; Total, Overdue and Findings; a total row where plans
 * share their words (then the counts add up); a stacked bar of the counts
 * when there are two statuses or more to compare; and the codes written
 * into the month cells, with the words they stand for.
 *
 * Plans whose words differ (two trackers with different keys) get a
 * table each: a column names one status in one set of words.
 */
#include <stdio.h>
#include <string.h>

#include "outputs/summary_impl.h"

#define WORDS_SIZE 64

/* The order a committee reads statuses in: done, going well, planned,
 * moved, slipping, stopped, not reported. */
static const rag_progress order[RAG_PROGRESS_COUNT] = {
    RAG_PROGRESS_COMPLETE,         RAG_PROGRESS_ON_TARGET,
    RAG_PROGRESS_PROGRAMMED,       RAG_PROGRESS_REPROGRAMMED,
    RAG_PROGRESS_ONE_MONTH_BEHIND, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND,
    RAG_PROGRESS_SUSPENDED,        RAG_PROGRESS_NONE};

typedef struct words {
    char buf[RAG_PROGRESS_COUNT][WORDS_SIZE];
    const char *w[RAG_PROGRESS_COUNT];
} words;

static bool counted(const rag_plan *p)
{
    return p->kind == RAG_PLAN_TRACKER || p->kind == RAG_PLAN_ACTION;
}

static void words_of(const rg_sum *s, const rag_plan *p, words *out)
{
    int k;
    for (k = 0; k < RAG_PROGRESS_COUNT; k++)
        out->w[k] = rg_sum_status_words(s, p, (rag_progress)k, out->buf[k],
                                        WORDS_SIZE);
}

static bool same_words(const words *a, const words *b)
{
    int k;
    for (k = 0; k < RAG_PROGRESS_COUNT; k++)
        if (strcmp(a->w[k], b->w[k]))
            return false;
    return true;
}

/* The colour of status q in a group: the first plan's that has one. */
static uint32_t colour_of(const rg_sum *s, const size_t *plans, size_t n,
                          rag_progress q)
{
    size_t i;
    if (q == RAG_PROGRESS_NONE)
        return RAG_NO_COLOR;
    for (i = 0; i < n; i++)
        if (rg_cv_legend_entry(&s->in->m->plans[plans[i]], q))
            return rg_cv_status_colour(&s->in->m->plans[plans[i]], q);
    return rg_cv_status_standard(q);
}

/* "Codes in the month cells: NS Not started, OT On track, ...". */
static rag_status codes_note(rg_sum *s, const rag_plan *p)
{
    rg_buf b = {0};
    char code[RG_LOOK_CODE_SIZE], buf[WORDS_SIZE];
    size_t k;
    rag_status st;
    bool ok = rg_buf_printf(&b, "Codes written into the coloured month "
                                "cells of %s: ",
                            p->sheet ? p->sheet : "the tracker");

    for (k = 0; ok && k < RAG_PROGRESS_COUNT; k++) {
        rag_progress q = order[k];
        if (q == RAG_PROGRESS_NONE)
            continue;
        ok = rg_buf_printf(&b, "%s %s, ", rg_look_code(p, q, code),
                           rg_look_status_words(NULL, p, q, buf,
                                                sizeof buf));
    }
    ok = ok && rg_buf_puts(&b, "? a colour the key does not name.");
    st = ok ? rg_sum_note(s, b.data)
            : rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    rg_buf_free(&b);
    return st;
}

static rag_status chart(rg_sum *s, uint32_t first, size_t n,
                        const uint32_t *colours,
                        size_t ncols, uint32_t head)
{
    rag_chart_series se[RAG_PROGRESS_COUNT];
    rag_chart c;
    size_t k;
    double height = 110 + 34.0 * (double)n;
    rag_status st;

    memset(&c, 0, sizeof c);
    memset(se, 0, sizeof se);
    for (k = 0; k < ncols; k++) {
        uint32_t col = SUM_COL_FIRST + (uint32_t)k;
        se[k].name_from_cell = true;
        se[k].name_row = head;
        se[k].name_col = col;
        se[k].categories.first_row = first;
        se[k].categories.last_row = first + (uint32_t)n - 1;
        se[k].categories.first_col = se[k].categories.last_col =
            SUM_COL_SHEET;
        se[k].values = se[k].categories;
        se[k].values.first_col = se[k].values.last_col = col;
        /* no status has no colour of its own: a light grey bar */
        se[k].fill = colours[k] == RAG_NO_COLOR ? 0xD9D9D9u : colours[k];
    }
    c.kind = RAG_CHART_BAR_STACKED;
    c.legend = true;
    c.top_down = true;
    c.value_axis = "Actions";
    c.value_format = "0";
    c.value_min_zero = true;
    c.gap = 40;
    c.series = se;
    c.series_count = ncols;
    c.width = 900;
    c.height = height;
    c.x_offset = 4;
    c.y_offset = 6;
    st = rag_wsheet_add_chart(s->ws, s->row, 0, &c, s->err);
    /* rows of the default 15 points (20 pixels) the chart covers */
    s->row += (uint32_t)(height / 20.0) + 2;
    return st;
}

/* One table for the plans[0..n) that share their words. */
static rag_status table(rg_sum *s, const size_t *plans, size_t n,
                        const words *wd)
{
    const rag_model *m = s->in->m;
    rag_progress cols[RAG_PROGRESS_COUNT];
    uint32_t colours[RAG_PROGRESS_COUNT];
    size_t ncols = 0, k, i, sum[RAG_PROGRESS_COUNT] = {0}, headings = 0;
    size_t total_all = 0, overdue_all = 0, findings_all = 0, coloured = 0;
    uint32_t head = s->row, c, r;
    rag_status st;

    for (k = 0; k < RAG_PROGRESS_COUNT; k++) {
        size_t t = 0;
        for (i = 0; i < n; i++)
            t += s->counts[plans[i]].status[order[k]];
        if (t) {
            cols[ncols] = order[k];
            colours[ncols] = colour_of(s, plans, n, order[k]);
            coloured += order[k] != RAG_PROGRESS_NONE;
            ncols++;
        }
    }
    st = rg_sum_head(s, head, SUM_COL_SHEET, "Sheet", false);
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_KIND, "Kind", false)
                      : st;
    st = st == RAG_OK ? rg_sum_head(s, head, SUM_COL_TITLE, "Title", false)
                      : st;
    for (k = 0; k < ncols && st == RAG_OK; k++)
        st = rg_sum_head(s, head, SUM_COL_FIRST + (uint32_t)k,
                         wd->w[cols[k]], true);
    c = SUM_COL_FIRST + (uint32_t)ncols;
    st = st == RAG_OK ? rg_sum_head(s, head, c, "Total", true) : st;
    st = st == RAG_OK ? rg_sum_head(s, head, c + 1, "Overdue", true) : st;
    st = st == RAG_OK ? rg_sum_head(s, head, c + 2, "Findings", true) : st;
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, head, 32, RAG_WSTYLE_NONE, false,
                                s->err);
    for (i = 0; i < n && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[plans[i]];
        const rg_cv_counts *cn = &s->counts[plans[i]];
        size_t total = 0;
        const char *title = p->title ? p->title : "";
        r = head + 1 + (uint32_t)i;
        st = rg_sum_link(s, r, SUM_COL_SHEET, p->sheet_index, p->cell, false);
        if (st == RAG_OK)
            st = rg_sum_put(s, r, SUM_COL_KIND, rg_cv_kind_words(p->kind),
                            s->top);
        if (st == RAG_OK)
            st = rg_sum_put(s, r, SUM_COL_TITLE, title, s->wrap);
        if (st == RAG_OK)
            st = rg_sum_fit_row(s, r, strlen(title), 46);
        for (k = 0; k < ncols && st == RAG_OK; k++) {
            size_t v = cn->status[cols[k]];
            rag_wstyle cs = v ? s->count_bold : s->zero;
            if (v && colours[k] != RAG_NO_COLOR)
                st = rg_sum_filled(s, colours[k], true, NULL, &cs);
            if (st == RAG_OK)
                st = rg_sum_num(s, r, SUM_COL_FIRST + (uint32_t)k, (double)v,
                                cs);
            sum[k] += v;
            total += v;
        }
        headings += cn->headings;
        total_all += total;
        overdue_all += cn->overdue;
        findings_all += s->findings[plans[i]];
        if (st == RAG_OK)
            st = rg_sum_num(s, r, c, (double)total, s->count_bold);
        if (st == RAG_OK)
            st = rg_sum_num(s, r, c + 1, (double)cn->overdue,
                            cn->overdue ? s->count_bold : s->zero);
        if (st == RAG_OK)
            st = rg_sum_findings(s, r, c + 2, s->findings[plans[i]]);
    }
    s->row = head + 1 + (uint32_t)n;
    /* the same words in every plan: the counts add up */
    if (n > 1 && st == RAG_OK) {
        r = s->row++;
        st = rg_sum_put(s, r, SUM_COL_SHEET, "Total", s->bold);
        for (k = 0; k < ncols && st == RAG_OK; k++)
            st = rg_sum_num(s, r, SUM_COL_FIRST + (uint32_t)k,
                            (double)sum[k], s->count_bold);
        if (st == RAG_OK)
            st = rg_sum_num(s, r, c, (double)total_all, s->count_bold);
        if (st == RAG_OK)
            st = rg_sum_num(s, r, c + 1, (double)overdue_all, s->count_bold);
        if (st == RAG_OK)
            st = rg_sum_num(s, r, c + 2, (double)findings_all,
                            s->count_bold);
    }
    if (st == RAG_OK && headings) {
        char line[160];
        snprintf(line, sizeof line,
                 "%zu heading row%s (a row that heads the actions below it, "
                 "with no status of its own) %s not counted.",
                 headings, headings == 1 ? "" : "s",
                 headings == 1 ? "is" : "are");
        st = rg_sum_note(s, line);
    }
    for (i = 0; i < n && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[plans[i]];
        size_t a, months = 0;
        for (a = 0; a < p->action_count; a++)
            months += p->actions[a].month_count;
        if (p->kind == RAG_PLAN_TRACKER && months)
            st = codes_note(s, p);
    }
    /* a picture only where it compares: two statuses or more */
    if (st == RAG_OK && coloured >= 2) {
        s->row++;
        st = chart(s, head + 1, n, colours, ncols, head);
    }
    return st;
}

rag_status rg_sum_actions(rg_sum *s)
{
    const rag_model *m = s->in->m;
    size_t *group, *done_flag, i, j, n;
    words *wa, *wb;
    rag_status st = RAG_OK;
    bool any = false, first = true;

    for (i = 0; i < m->plan_count; i++)
        any |= counted(&m->plans[i]);
    if (!any)
        return RAG_OK;
    group = rg_calloc(m->plan_count, sizeof *group);
    done_flag = rg_calloc(m->plan_count, sizeof *done_flag);
    wa = rg_malloc(sizeof *wa);
    wb = rg_malloc(sizeof *wb);
    if (!group || !done_flag || !wa || !wb) {
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }
    st = rg_sum_section(s, "Actions by status");
    for (i = 0; i < m->plan_count && st == RAG_OK; i++) {
        if (!counted(&m->plans[i]) || done_flag[i])
            continue;
        words_of(s, &m->plans[i], wa);
        n = 0;
        group[n++] = i;
        for (j = i + 1; j < m->plan_count; j++) {
            if (!counted(&m->plans[j]) || done_flag[j])
                continue;
            words_of(s, &m->plans[j], wb);
            if (same_words(wa, wb)) {
                group[n++] = j;
                done_flag[j] = 1;
            }
        }
        if (!first)
            s->row++;
        first = false;
        st = table(s, group, n, wa);
    }
done:
    rg_free(group);
    rg_free(done_flag);
    rg_free(wa);
    rg_free(wb);
    return st;
}
