/*
 * The check beside a form: for a performance action plan, the variance
 * and RAG worked out from its target and performance (beside the ones it
 * states); for a deficit recovery plan, its pressure worked out from
 * outturn and budget, what its milestones add up to and the share of the
 * pressure they cover, in pounds.  Figures are live formulas over the
 * form's cells where those cells hold the numbers, with their values
 * cached.
 *
 * Where it goes: six narrow columns right of everything on the sheet.
 * Recognition takes the words within six columns of a form's label for
 * its value, and reads a recovery plan's quarters and narratives across
 * whole rows, so the check keeps that distance, stays above the quarters,
 * and its words are no label (no colon, no fill, no form's words first).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "outputs/convert_impl.h"
#include "read/pages.h"

#define GAP 6 /* recognition reads values up to six columns right */
#define LABEL_INK 0x404040u

typedef struct panel {
    const rg_cv_env *env;
    rg_arena *arena;
    rg_cv_cellout **cells;
    size_t *count, *cap;
    uint32_t col;
    rag_wstyle head, label, figure;
    rag_error *err;
} panel;

static bool put(panel *pn, const rg_cv_cellout *c)
{
    if (!rg_grow((void **)pn->cells, pn->cap, *pn->count + 1, sizeof *c))
        return false;
    (*pn->cells)[(*pn->count)++] = *c;
    return true;
}

static bool text_at(panel *pn, uint32_t row, uint32_t col, const char *t,
                    rag_wstyle st)
{
    rg_cv_cellout c;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.text = rg_arena_strdup(pn->arena, t);
    c.style = st;
    return c.text && put(pn, &c);
}

static bool figure_at(panel *pn, uint32_t row, const char *formula,
                      double value, rag_wstyle st)
{
    rg_cv_cellout c;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = pn->col + 1;
    c.number = value;
    c.is_number = true;
    c.style = st;
    if (formula && !(c.formula = rg_arena_strdup(pn->arena, formula)))
        return false;
    return put(pn, &c);
}

static rag_status style_of(panel *pn, const char *numfmt, uint32_t ink,
                           bool bold, rag_wstyle *out)
{
    rg_cv_look l = rg_cv_plain();
    l.numfmt = numfmt;
    l.ink = ink;
    l.bold = bold;
    return rg_cv_style(pn->env->w, &l, out, pn->err);
}

/* The number in cell at, when it holds value (so a formula over it gives
 * the same figure). */
static bool holds(const panel *pn, const rag_plan *p, rag_loc at,
                  double value)
{
    const rag_cell *c = at.set ? rg_sheet_cell_at(pn->env->wb, p->sheet_index,
                                                  at.row, at.col)
                               : NULL;
    return c && c->type == RAG_CELL_NUMBER && !c->formula &&
           fabs(c->number - value) < 1e-9;
}

static const char *ref(rag_loc at, char *buf)
{
    return rag_cell_ref_format(at.row, at.col, buf);
}

static bool heading(panel *pn, uint32_t row)
{
    char date[32], line[80];
    snprintf(line, sizeof line, "Checked by ragbook on %s",
             rg_cv_date_words(pn->env->as_of, date, sizeof date));
    return text_at(pn, row, pn->col, line, pn->head);
}

/* ---- performance action plans ----------------------------------------- */

static uint32_t rating_ink(rag_rating r)
{
    return r == RAG_RATING_RED     ? 0xC00000u
           : r == RAG_RATING_AMBER ? 0xC65911u
           : r == RAG_RATING_GREEN ? 0x00803Cu
                                   : LABEL_INK;
}

static const char *variance_format(const rag_workbook *wb, const rag_plan *p,
                                   const rag_indicator *ind)
{
    const rag_cell *c = ind->variance_cell.set
                            ? rg_sheet_cell_at(wb, p->sheet_index,
                                               ind->variance_cell.row,
                                               ind->variance_cell.col)
                            : NULL;
    if (c && c->type == RAG_CELL_NUMBER && rag_cell_style(wb, c)->numfmt)
        return rag_cell_style(wb, c)->numfmt;
    return ind->unit == RAG_UNIT_PERCENT ? "0.0%"
           : ind->unit == RAG_UNIT_GBP   ? "\xC2\xA3#,##0"
                                         : "#,##0.##";
}

static rag_status indicator(panel *pn, const rag_plan *p,
                            rag_range *block, bool *placed)
{
    const rag_indicator *ind = &p->indicators[0];
    rag_loc at = ind->variance_cell.set ? ind->variance_cell
                 : ind->actual_cell.set ? ind->actual_cell
                                        : ind->cell;
    uint32_t h = at.row ? at.row - 1 : 0, r;
    rag_wstyle varst, ragst;
    char f[64], a[16], b[16];
    bool ok;
    rag_status st;

    if (h <= ind->cell.row)
        h = ind->cell.row + 1; /* below the title: no heading for it */
    r = h;
    st = style_of(pn, variance_format(pn->env->wb, p, ind), RAG_NO_COLOR,
                  true, &varst);
    if (st == RAG_OK)
        st = style_of(pn, NULL, rating_ink(ind->rag), true, &ragst);
    if (st != RAG_OK)
        return st;
    ok = heading(pn, r++);
    ok = ok && text_at(pn, r, pn->col, "Computed +/- target", pn->label);
    if (ok && ind->has_target && ind->has_actual) {
        bool live = holds(pn, p, ind->actual_cell, ind->actual) &&
                    holds(pn, p, ind->target_cell, ind->target);
        snprintf(f, sizeof f, "%s-%s", ref(ind->actual_cell, a),
                 ref(ind->target_cell, b));
        ok = figure_at(pn, r, live ? f : NULL, ind->variance, varst);
    } else if (ok) {
        ok = text_at(pn, r, pn->col + 1, "Not known", pn->label);
    }
    r++;
    ok = ok && text_at(pn, r, pn->col, "Computed RAG", pn->label) &&
         text_at(pn, r, pn->col + 1,
                 ind->rag ? rg_cv_rating_words(ind->rag) : "Not known",
                 ragst);
    r++;
    if (ok && st == RAG_OK)
        st = style_of(pn, NULL, rating_ink(ind->stated_rag), true, &ragst);
    ok = ok && text_at(pn, r, pn->col, "Stated RAG", pn->label) &&
         text_at(pn, r, pn->col + 1,
                 ind->stated_rag ? rg_cv_rating_words(ind->stated_rag)
                                 : "None stated",
                 ind->stated_rag ? ragst : pn->label);
    r++;
    if (ok && st == RAG_OK)
        st = style_of(pn, "0%", RAG_NO_COLOR, false, &varst);
    ok = ok && text_at(pn, r, pn->col, "Amber band used", pn->label) &&
         figure_at(pn, r, NULL, ind->tolerance, varst);
    if (st != RAG_OK)
        return st;
    if (!ok)
        return rg_fail(pn->err, RAG_ERR_NOMEM, "out of memory");
    block->first_row = h;
    block->last_row = r;
    *placed = true;
    return RAG_OK;
}

/* ---- deficit recovery plans -------------------------------------------- */

static void lowest(uint32_t *r, rag_loc at)
{
    if (at.set && at.row < *r)
        *r = at.row;
}

static rag_status recovery(panel *pn, const rag_plan *p,
                           rag_range *block, bool *placed)
{
    const rag_finance *fi = p->finance;
    uint32_t top = UINT32_MAX, stop = UINT32_MAX, h, r;
    double unit = fi && fi->unit > 0 ? fi->unit : 1, total = 0;
    uint32_t first_ms = UINT32_MAX, last_ms = 0, ms_col = UINT32_MAX;
    bool live_total = p->milestone_count > 0, any = false, ok;
    rag_wstyle money, share, count;
    rag_loc pressure_at = {0, 0, false}, total_at = {0, 0, false};
    char f[96], a[16], b[16];
    size_t i, ended = 0;
    rag_status st;

    if (!fi)
        return RAG_OK;
    lowest(&top, fi->budget_prior_cell);
    lowest(&top, fi->outturn_prior_cell);
    lowest(&top, fi->budget_cell);
    lowest(&top, fi->pressure_cell);
    if (top == UINT32_MAX || top == 0)
        return RAG_OK;
    h = top - 1;
    if (h <= p->cell.row)
        h = p->cell.row + 1;
    for (i = 0; i < p->period_count; i++)
        lowest(&stop, p->periods[i].cell);
    for (i = 0; i < p->milestone_count; i++) {
        const rag_milestone *ms = &p->milestones[i];
        if (ms->cell.row < first_ms)
            first_ms = ms->cell.row;
        if (ms->cell.row > last_ms)
            last_ms = ms->cell.row;
        if (ms->has_amount) {
            total += ms->amount;
            any = true;
            if (!holds(pn, p, ms->amount_cell, ms->amount) ||
                (ms_col != UINT32_MAX && ms_col != ms->amount_cell.col))
                live_total = false;
            ms_col = ms->amount_cell.col;
        }
    }
    /* the quarters' rows and the milestone table (and its header) are
     * read across */
    if (h + 5 >= stop || (first_ms != UINT32_MAX && h <= last_ms &&
                          h + 5 + 1 >= first_ms))
        return RAG_OK;
    st = style_of(pn, "\xC2\xA3#,##0", RAG_NO_COLOR, true, &money);
    if (st == RAG_OK)
        st = style_of(pn, "0.0%", RAG_NO_COLOR, true, &share);
    if (st == RAG_OK)
        st = style_of(pn, "0", RAG_NO_COLOR, true, &count);
    if (st != RAG_OK)
        return st;
    r = h;
    ok = heading(pn, r++);
    if (ok && fi->has_pressure) {
        snprintf(f, sizeof f, "%s*%.17g", ref(fi->pressure_cell, a), unit);
        ok = text_at(pn, r, pn->col, "The form's stated pressure",
                     pn->label) &&
             figure_at(pn, r, holds(pn, p, fi->pressure_cell, fi->pressure)
                                  ? f
                                  : NULL,
                       fi->pressure * unit, money);
        pressure_at.row = r++;
        pressure_at.col = pn->col + 1;
        pressure_at.set = true;
    }
    if (ok && fi->has_outturn_prior && fi->has_budget) {
        snprintf(f, sizeof f, "(%s-%s)*%.17g",
                 ref(fi->outturn_prior_cell, a), ref(fi->budget_cell, b),
                 unit);
        ok = text_at(pn, r, pn->col, "Worked out as outturn less budget",
                     pn->label) &&
             figure_at(pn, r,
                       holds(pn, p, fi->outturn_prior_cell, fi->outturn_prior) &&
                               holds(pn, p, fi->budget_cell, fi->budget)
                           ? f
                           : NULL,
                       (fi->outturn_prior - fi->budget) * unit, money);
        r++;
    }
    if (ok) {
        snprintf(f, sizeof f, "SUM(%s:%s)",
                 rag_cell_ref_format(first_ms, ms_col, a),
                 rag_cell_ref_format(last_ms, ms_col, b));
        ok = text_at(pn, r, pn->col, "Total of the milestones", pn->label) &&
             figure_at(pn, r, any && live_total ? f : NULL, total, money);
        total_at.row = r++;
        total_at.col = pn->col + 1;
        total_at.set = true;
    }
    if (ok && pressure_at.set && fi->pressure != 0) {
        snprintf(f, sizeof f, "%s/%s", ref(total_at, a), ref(pressure_at, b));
        ok = text_at(pn, r, pn->col, "Share of the pressure they cover",
                     pn->label) &&
             figure_at(pn, r, f, total / (fi->pressure * unit), share);
        r++;
    }
    for (i = 0; i < p->period_count; i++)
        if (!p->periods[i].rag && p->periods[i].end.year &&
            rag_date_days(p->periods[i].end) <
                rag_date_days(pn->env->as_of))
            ended++;
    ok = ok && text_at(pn, r, pn->col, "Ended with no RAG given", pn->label) &&
         figure_at(pn, r, NULL, (double)ended, count);
    if (!ok)
        return rg_fail(pn->err, RAG_ERR_NOMEM, "out of memory");
    block->first_row = h;
    block->last_row = r;
    *placed = true;
    return RAG_OK;
}

rag_status rg_cv_panel(const rg_cv_env *env, const rag_plan *p,
                       uint32_t col, rg_arena *arena,
                       rg_cv_cellout **cells, size_t *count, size_t *cap,
                       rag_range *block, bool *placed, rag_error *err)
{
    panel pn;
    rg_cv_look l = rg_cv_plain();
    rag_status st;

    *placed = false;
    memset(&pn, 0, sizeof pn);
    pn.env = env;
    pn.arena = arena;
    pn.cells = cells;
    pn.count = count;
    pn.cap = cap;
    pn.col = col + GAP;
    pn.err = err;
    l.bold = true;
    st = rg_cv_style(env->w, &l, &pn.head, err);
    l.bold = false;
    l.italic = true;
    l.ink = LABEL_INK;
    if (st == RAG_OK)
        st = rg_cv_style(env->w, &l, &pn.label, err);
    if (st != RAG_OK)
        return st;
    block->first_col = pn.col;
    block->last_col = pn.col + 1;
    if (p->kind == RAG_PLAN_INDICATOR && p->indicator_count)
        return indicator(&pn, p, block, placed);
    if (p->kind == RAG_PLAN_RECOVERY)
        return recovery(&pn, p, block, placed);
    return RAG_OK;
}
