/*
 * consolidate's Summary: every figure a live formula over the detail
 * sheets (COUNTIF, SUMIF, COUNTIFS, and SUM for totals), each written with
 * the value ragbook computed from the same rows, so a reader that does not
 * recalculate shows the right figure and finance can check the formula
 * against the rows.  Three tables: deficit recovery plans by directorate,
 * recovery plans and indicators by RAG, actions by status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outputs/consolidate_impl.h"
#include "outputs/look.h"

typedef struct sum {
    rg_cs_ctx *c;
    rag_wsheet *ws;
    rg_buf f, range, crit;
    rag_wstyle title, bold, text, count, money, pct, total, total_money,
        total_pct, total_label, head, head_num;
} sum;

/* ---- formulas ------------------------------------------------------------ */

/* "'Recovery plans'!$C$2:$C$9": column col of detail sheet `which`. */
static const char *col_range(sum *s, rg_buf *b, int which, uint32_t col)
{
    rag_range r;
    size_t n = s->c->rows[which];
    r.first_row = 1;
    r.last_row = (uint32_t)(n ? n : 1);
    r.first_col = r.last_col = col;
    return rg_cv_range_ref(b, rg_cs_sheet_names[which], &r) ? b->data : NULL;
}

static rag_status formula(sum *s, uint32_t r, uint32_t col, double value,
                          rag_wstyle st)
{
    if (!s->f.data)
        return rg_fail(s->c->err, RAG_ERR_NOMEM, "out of memory");
    return rag_wsheet_write_formula(s->ws, r, col, s->f.data, value, st,
                                    s->c->err);
}

/* A share (covered / pressure) as a live formula, "" when nothing to
 * divide by. */
static rag_status share(sum *s, uint32_t r, uint32_t col, uint32_t num,
                        uint32_t den, double covered, double pressure,
                        rag_wstyle st)
{
    char a[16], b[16];
    rg_buf_reset(&s->f);
    if (!rg_buf_printf(&s->f, "IF(N(%s)=0,\"\",%s/%s)",
                       rag_cell_ref_format(r, den, b),
                       rag_cell_ref_format(r, num, a), b))
        return rg_fail(s->c->err, RAG_ERR_NOMEM, "out of memory");
    if (pressure != 0)
        return formula(s, r, col, covered / pressure, st);
    {
        rag_cell cell; /* a text result: nothing to show */
        memset(&cell, 0, sizeof cell);
        cell.row = r;
        cell.col = col;
        cell.type = RAG_CELL_STRING;
        cell.text = "";
        cell.formula = s->f.data;
        cell.formula_kind = RAG_FORMULA_NORMAL;
        return rag_wsheet_write_cell(s->ws, &cell, st, s->c->err);
    }
}

static rag_status put(sum *s, uint32_t r, uint32_t c, const char *t,
                      rag_wstyle st)
{
    return rag_wsheet_write_string(s->ws, r, c, t, st, s->c->err);
}

static rag_status heads(sum *s, uint32_t r, const char *const *t, size_t n)
{
    rag_status st = RAG_OK;
    size_t i;
    /* the first column names the rows; the others hold figures, right
     * aligned, and a heading at the left of its column stood over the
     * figures of the column before (Q1's counts read as Q2's) */
    for (i = 0; i < n && st == RAG_OK; i++)
        st = put(s, r, (uint32_t)i, t[i], i ? s->head_num : s->head);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, r, 45, RAG_WSTYLE_NONE, false,
                                s->c->err);
    return st;
}

/* SUM of column col over rows [r0, r1], with its value. */
static rag_status total(sum *s, uint32_t r, uint32_t col, uint32_t r0,
                        uint32_t r1, double value, rag_wstyle st)
{
    char a[16], b[16];
    rg_buf_reset(&s->f);
    if (!rg_buf_printf(&s->f, "SUM(%s:%s)", rag_cell_ref_format(r0, col, a),
                       rag_cell_ref_format(r1, col, b)))
        return rg_fail(s->c->err, RAG_ERR_NOMEM, "out of memory");
    return formula(s, r, col, value, st);
}

/* ---- the recovery plans, by directorate ------------------------------ */

typedef struct dir_row {
    const char *name;
    double plans, money[5], rag[4]; /* money: prior budget, prior outturn,
                                       budget, pressure, milestones */
} dir_row;

static int dir_cmp(const void *a, const void *b)
{
    const dir_row *x = a, *y = b;
    bool nx = !strcmp(x->name, "(not given)"), ny = !strcmp(y->name,
                                                            "(not given)");
    if (nx != ny)
        return nx ? 1 : -1;
    return strcmp(x->name, y->name);
}

static void add_plan(dir_row *d, const rag_plan *p)
{
    uint32_t k;
    d->plans++;
    for (k = 0; k < 5; k++)
        d->money[k] += rg_cs_money(p, RG_CS_R_BUDGET_PRIOR + k, NULL);
    d->rag[rg_cs_latest(p)]++;
}

static rag_status by_directorate(sum *s, uint32_t *row)
{
    static const char *const titles[] = {
        "Directorate", "Plans", "Budget prior year \xC2\xA3",
        "Outturn prior year \xC2\xA3", "Budget \xC2\xA3", "Pressure \xC2\xA3",
        "Milestones \xC2\xA3", "Share of the pressure covered",
        "Latest RED", "Latest AMBER", "Latest GREEN", "Latest not given"};
    static const uint32_t money_cols[] = {
        RG_CS_R_BUDGET_PRIOR, RG_CS_R_OUTTURN_PRIOR, RG_CS_R_BUDGET,
        RG_CS_R_PRESSURE, RG_CS_R_MILESTONES};
    static const rag_rating rags[] = {RAG_RATING_RED, RAG_RATING_AMBER,
                                      RAG_RATING_GREEN, RAG_RATING_NONE};
    rg_cs_ctx *c = s->c;
    dir_row *d = NULL, all;
    size_t nd = 0, cap = 0, i, k, j;
    uint32_t r = *row, first;
    rag_status st;

    memset(&all, 0, sizeof all);
    for (i = 0; i < c->count; i++)
        for (k = 0; c->files[i].m && k < c->files[i].m->plan_count; k++) {
            const rag_plan *p = &c->files[i].m->plans[k];
            const char *name = rg_cs_directorate(p);
            if (p->kind != RAG_PLAN_RECOVERY ||
                !rg_cs_counted(&c->files[i], k))
                continue;
            for (j = 0; j < nd && strcmp(d[j].name, name); j++)
                ;
            if (j == nd) {
                if (!rg_grow((void **)&d, &cap, nd + 1, sizeof *d)) {
                    rg_free(d);
                    return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
                }
                memset(&d[nd], 0, sizeof *d);
                d[nd++].name = name;
            }
            add_plan(&d[j], p);
            add_plan(&all, p);
        }
    if (nd > 1)
        qsort(d, nd, sizeof *d, dir_cmp);
    st = put(s, r++, 0, "Deficit recovery plans by directorate", s->bold);
    if (st == RAG_OK)
        st = heads(s, r++, titles, 12);
    first = r;
    for (i = 0; i <= nd && st == RAG_OK; i++, r++) {
        bool last = i == nd;
        const dir_row *x = last ? &all : &d[i];
        char a[16];
        st = put(s, r, 0, last ? "Total" : x->name,
                 last ? s->total_label : s->text);
        /* plans */
        rg_buf_reset(&s->f);
        if (st == RAG_OK && last)
            st = total(s, r, 1, first, r - 1, x->plans, s->total);
        else if (st == RAG_OK &&
                 rg_buf_printf(&s->f, "COUNTIF(%s,%s)",
                               col_range(s, &s->range, RG_CS_RECOVERY,
                                         RG_CS_R_DIRECTORATE),
                               rag_cell_ref_format(r, 0, a)))
            st = formula(s, r, 1, x->plans, s->count);
        for (k = 0; k < 5 && st == RAG_OK; k++) {
            rg_buf_reset(&s->f);
            if (last) {
                st = total(s, r, 2 + (uint32_t)k, first, r - 1, x->money[k],
                           s->total_money);
                continue;
            }
            if (!rg_buf_printf(&s->f, "SUMIF(%s,%s,",
                               col_range(s, &s->range, RG_CS_RECOVERY,
                                         RG_CS_R_DIRECTORATE),
                               rag_cell_ref_format(r, 0, a)) ||
                !rg_buf_printf(&s->f, "%s)",
                               col_range(s, &s->range, RG_CS_RECOVERY,
                                         money_cols[k])))
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            st = formula(s, r, 2 + (uint32_t)k, x->money[k], s->money);
        }
        if (st == RAG_OK)
            st = share(s, r, 7, 6, 5, x->money[4], x->money[3],
                       last ? s->total_pct : s->pct);
        for (k = 0; k < 4 && st == RAG_OK; k++) {
            rg_buf_reset(&s->f);
            if (last) {
                st = total(s, r, 8 + (uint32_t)k, first, r - 1,
                           x->rag[rags[k]], s->total);
                continue;
            }
            if (!rg_buf_printf(&s->f, "COUNTIFS(%s,%s,",
                               col_range(s, &s->range, RG_CS_RECOVERY,
                                         RG_CS_R_DIRECTORATE),
                               rag_cell_ref_format(r, 0, a)) ||
                !rg_buf_printf(&s->f, "%s,\"%s\")",
                               col_range(s, &s->range, RG_CS_RECOVERY,
                                         RG_CS_R_LATEST),
                               rg_cs_rag_words(rags[k])))
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            st = formula(s, r, 8 + (uint32_t)k, x->rag[rags[k]], s->count);
        }
    }
    rg_free(d);
    *row = r + 1;
    return st;
}

/* ---- by RAG and by status ------------------------------------------------- */

static rag_status rag_style_for(sum *s, rag_rating g, rag_wstyle *out)
{
    rg_cv_look l = rg_cv_plain();
    if (!g) {
        *out = s->text;
        return RAG_OK;
    }
    l.fill = rg_cv_rating_colour(g);
    l.ink = rg_cv_ink(l.fill);
    l.bold = true;
    return rg_cv_style(s->c->w, &l, out, s->c->err);
}

/* COUNTIF of words over column col of detail sheet `which`, into s->f. */
static bool countif(sum *s, int which, uint32_t col, const char *words,
                    bool plus)
{
    return rg_buf_printf(&s->f, "%sCOUNTIF(%s,\"%s\")", plus ? "+" : "",
                         col_range(s, &s->range, which, col), words);
}

static rag_status by_rag(sum *s, uint32_t *row)
{
    static const char *const titles[] = {
        "RAG", "Q1", "Q2", "Q3", "Q4", "Latest", "Pressure \xC2\xA3 by latest RAG",
        "Indicators"};
    static const rag_rating rags[] = {RAG_RATING_RED, RAG_RATING_AMBER,
                                      RAG_RATING_GREEN, RAG_RATING_NONE};
    rg_cs_ctx *c = s->c;
    double n[4][8];
    uint32_t r = *row, first;
    size_t i, k, g, q;
    rag_status st;

    memset(n, 0, sizeof n);
    for (i = 0; i < c->count; i++)
        for (k = 0; c->files[i].m && k < c->files[i].m->plan_count; k++) {
            const rag_plan *p = &c->files[i].m->plans[k];
            if (!rg_cs_counted(&c->files[i], k))
                continue;
            for (g = 0; g < 4; g++) {
                if (p->kind == RAG_PLAN_RECOVERY) {
                    for (q = 1; q <= 4; q++)
                        n[g][q] += rg_cs_quarter(p, (int)q) == rags[g];
                    if (rg_cs_latest(p) == rags[g]) {
                        n[g][5]++;
                        n[g][6] += rg_cs_money(p, RG_CS_R_PRESSURE, NULL);
                    }
                }
                for (q = 0; q < p->indicator_count; q++)
                    n[g][7] += p->indicators[q].rag == rags[g];
            }
        }
    st = put(s, r++, 0, "Recovery plans and indicators by RAG", s->bold);
    if (st == RAG_OK)
        st = heads(s, r++, titles, 8);
    first = r;
    for (g = 0; g <= 4 && st == RAG_OK; g++, r++) {
        bool last = g == 4;
        rag_wstyle ls;
        st = last ? RAG_OK : rag_style_for(s, rags[g], &ls);
        if (st == RAG_OK)
            st = put(s, r, 0,
                     last ? "Total"
                     : rags[g] ? rg_cv_rating_words(rags[g])
                               : "Not given / not known",
                     last ? s->total_label : ls);
        for (q = 1; q <= 7 && st == RAG_OK; q++) {
            double v = 0;
            size_t h;
            if (last) {
                for (h = 0; h < 4; h++)
                    v += n[h][q];
                st = total(s, r, (uint32_t)q, first, r - 1, v,
                           q == 6 ? s->total_money : s->total);
                continue;
            }
            rg_buf_reset(&s->f);
            if (q <= 5 && !countif(s, RG_CS_RECOVERY,
                                   q == 5 ? RG_CS_R_LATEST
                                          : RG_CS_R_Q1 + (uint32_t)q - 1,
                                   rg_cs_rag_words(rags[g]), false))
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            if (q == 6 &&
                (!rg_buf_printf(&s->f, "SUMIF(%s,\"%s\",",
                                col_range(s, &s->range, RG_CS_RECOVERY,
                                          RG_CS_R_LATEST),
                                rg_cs_rag_words(rags[g])) ||
                 !rg_buf_printf(&s->f, "%s)",
                                col_range(s, &s->range, RG_CS_RECOVERY,
                                          RG_CS_R_PRESSURE))))
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            if (q == 7 && !countif(s, RG_CS_INDICATORS, RG_CS_I_RAG,
                                   rags[g] ? rg_cv_rating_words(rags[g])
                                           : "Not known",
                                   false))
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            st = formula(s, r, (uint32_t)q, n[g][q],
                         q == 6 ? s->money : s->count);
        }
    }
    *row = r + 1;
    return st;
}

static rag_status by_status(sum *s, uint32_t *row)
{
    static const char *const titles[] = {"Status", "Trackers",
                                         "Action plans", "All actions"};
    static const rag_progress order[] = {
        RAG_PROGRESS_COMPLETE,     RAG_PROGRESS_ON_TARGET,
        RAG_PROGRESS_PROGRAMMED,   RAG_PROGRESS_REPROGRAMMED,
        RAG_PROGRESS_ONE_MONTH_BEHIND, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND,
        RAG_PROGRESS_SUSPENDED};
    const char *words[10];
    double n[10][2];
    rg_cs_ctx *c = s->c;
    uint32_t r = *row, first;
    size_t i, k, a, w, j, nw = 0, counted;
    rag_status st;

    for (i = 0; i < sizeof order / sizeof order[0]; i++)
        words[nw++] = rg_cv_status_words(order[i]);
    words[nw++] = "Not reported";
    /* heading rows are no actions: shown below the total, not in it */
    counted = nw;
    words[nw++] = RG_CS_HEADING;
    memset(n, 0, sizeof n);
    for (i = 0; i < c->count; i++)
        for (k = 0; c->files[i].m && k < c->files[i].m->plan_count; k++) {
            const rag_plan *p = &c->files[i].m->plans[k];
            int col = !rg_cs_counted(&c->files[i], k) ? -1
                      : p->kind == RAG_PLAN_TRACKER   ? 0
                      : p->kind == RAG_PLAN_ACTION    ? 1
                                                      : -1;
            for (a = 0; col >= 0 && a < p->action_count; a++)
                for (w = 0; w < nw; w++)
                    if (!strcmp(words[w], rg_cs_status_words(&p->actions[a])))
                        n[w][col]++;
        }
    st = put(s, r++, 0, "Actions by status", s->bold);
    if (st == RAG_OK)
        st = heads(s, r++, titles, 4);
    first = r;
    for (j = 0; j <= counted + 1 && st == RAG_OK; j++, r++) {
        bool last = j == counted;
        char b1[16], b2[16];
        w = j < counted ? j : counted;
        st = put(s, r, 0, last ? "Total" : words[w],
                 last ? s->total_label : s->text);
        for (k = 0; k < 2 && st == RAG_OK; k++) {
            double v = 0;
            size_t h;
            if (last) {
                for (h = 0; h < counted; h++)
                    v += n[h][k];
                st = total(s, r, 1 + (uint32_t)k, first, r - 1, v, s->total);
                continue;
            }
            rg_buf_reset(&s->f);
            if (!countif(s, k ? RG_CS_ACTIONS : RG_CS_TRACKERS,
                         RG_CS_A_STATUS, words[w], false))
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            st = formula(s, r, 1 + (uint32_t)k, n[w][k], s->count);
        }
        rg_buf_reset(&s->f);
        if (st == RAG_OK &&
            !rg_buf_printf(&s->f, "%s+%s", rag_cell_ref_format(r, 1, b1),
                           rag_cell_ref_format(r, 2, b2)))
            return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
        if (st == RAG_OK) {
            double v = 0;
            size_t h;
            for (h = 0; h < counted; h++)
                v += last ? n[h][0] + n[h][1] : 0;
            st = formula(s, r, 3, last ? v : n[w][0] + n[w][1],
                         last ? s->total : s->count);
        }
    }
    *row = r + 1;
    return st;
}

/* ---- the Summary ---------------------------------------------------------- */

static rag_status sum_styles(sum *s)
{
    rg_cv_look l = rg_cv_plain();
    rag_writer *w = s->c->w;
    rag_error *err = s->c->err;
    rag_status st;

    l.bold = true;
    l.size = 14;
    st = rg_cv_style(w, &l, &s->title, err);
    l.size = 0;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->bold, err);
    l = rg_cv_plain();
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->text, err);
    l.numfmt = "#,##0";
    l.center = true; /* counts of a few, under their centred headings */
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->count, err);
    l.center = false;
    l.numfmt = "\xC2\xA3#,##0";
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->money, err);
    l.numfmt = "0.0%";
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->pct, err);
    l = rg_cv_plain();
    l.bold = true;
    l.border = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->total_label, err);
    l.numfmt = "#,##0";
    l.center = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->total, err);
    l.center = false;
    l.numfmt = "\xC2\xA3#,##0";
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->total_money, err);
    l.numfmt = "0.0%";
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->total_pct, err);
    l = rg_cv_plain();
    l.bold = true;
    l.fill = RG_CV_HEADER;
    l.border = true;
    l.wrap = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->head, err);
    l.center = true; /* over numbers, as report.c's */
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->head_num, err);
    return st;
}

rag_status rg_cs_summary(rg_cs_ctx *c, rag_wsheet *ws,
                                const rag_consolidate_report *rep,
                                bool as_of_given)
{
    sum s;
    char date[32], line[400];
    uint32_t r = 5;
    rag_status st;

    memset(&s, 0, sizeof s);
    s.c = c;
    s.ws = ws;
    st = sum_styles(&s);
    snprintf(line, sizeof line, "Consolidated position of %zu workbook%s",
             rep->files_read + rep->files_unreadable,
             rep->files_read + rep->files_unreadable == 1 ? "" : "s");
    if (st == RAG_OK)
        st = put(&s, 0, 0, line, s.title);
    rg_cv_date_words(rep->as_of, date, sizeof date);
    if (as_of_given)
        snprintf(line, sizeof line, "Position on %s, the date given (--as-of)",
                 date);
    else
        snprintf(line, sizeof line,
                 "Each workbook judged on its own report date, else today (%s)",
                 date);
    if (st == RAG_OK)
        st = put(&s, 1, 0, line, s.bold);
    {
        size_t given = rep->files_read + rep->files_unreadable;
        int n = rep->files_unreadable
                    ? snprintf(line, sizeof line,
                               "Files read: %zu of %zu.  %zu could not be "
                               "read and are missing from every figure: see "
                               "Issues.",
                               rep->files_read, given, rep->files_unreadable)
                    : snprintf(line, sizeof line, "Files read: %zu of %zu.",
                               rep->files_read, given);
        /* the same plan in two files: say it is counted once */
        if (rep->duplicates && n > 0 && (size_t)n < sizeof line)
            snprintf(line + n, sizeof line - (size_t)n,
                     "  %zu duplicate cop%s of a plan in another file "
                     "counted once: see plan-duplicate on Issues.",
                     rep->duplicates, rep->duplicates == 1 ? "y" : "ies");
    }
    if (st == RAG_OK)
        st = put(&s, 2, 0, line, rep->files_unreadable ? s.bold : s.text);
    if (st == RAG_OK)
        st = put(&s, 3, 0,
                 "Every figure below is a live formula over the sheets that "
                 "follow (one row per plan, indicator or action); money is "
                 "in pounds.",
                 s.text);
    if (st == RAG_OK)
        st = by_directorate(&s, &r);
    if (st == RAG_OK)
        st = by_rag(&s, &r);
    if (st == RAG_OK)
        st = by_status(&s, &r);
    if (st == RAG_OK)
        st = rag_wsheet_set_column(ws, 0, 0, 30, RAG_WSTYLE_NONE, false,
                                   c->err);
    if (st == RAG_OK)
        st = rag_wsheet_set_column(ws, 1, 11, 14, RAG_WSTYLE_NONE, false,
                                   c->err);
    if (st == RAG_OK)
        st = rg_look_print(ws, 1, 0, c->err); /* no rows repeated */
    rg_buf_free(&s.f);
    rg_buf_free(&s.range);
    rg_buf_free(&s.crit);
    return st;
}

