/*
 * One matched row of a return against the master's: each field it
 * changed proposed as a change of the master's cell.  Values are compared as the model reads them (a
 * month by its status through each workbook's own key, a figure by its
 * number, a date by its day), so a return that only reformatted a cell
 * changes nothing; what is written is the return's cell value in the
 * master's style, or, for a month, the master's colour for the status.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "outputs/convert_impl.h"
#include "outputs/merge_impl.h"

rag_status rg_mg_nomem(rg_mg_dctx *d)
{
    if (d->st == RAG_OK)
        d->st = rg_fail(d->err, RAG_ERR_NOMEM, "out of memory");
    return d->st;
}

/* ---- proposing a change ---------------------------------------------- */

static void propose(rg_mg_dctx *d, size_t row, rag_merge_field field,
                    const char *period, rag_loc at, const char *old_text,
                    const char *new_text, const char *key,
                    const rag_merge_value *v)
{
    rag_merge *mg = d->mg;
    const rag_cell *mc = rg_mg_cell(mg->wb, d->mp->sheet_index, at);
    rg_mg_cand *c;
    rg_arena *a = &mg->arena;

    if (d->st != RAG_OK || !at.set)
        return;
    if (mc && mc->formula)
        return; /* the master computes it: never overwritten */
    if (d->stale_check && rg_mg_stale(mg, d->mp->sheet_index, at.row, at.col,
                                      new_text))
        return; /* what the cell said before a merge changed it */
    if (!rg_grow((void **)&mg->cand, &mg->cand_cap, mg->cand_count + 1,
                 sizeof *mg->cand)) {
        rg_mg_nomem(d);
        return;
    }
    c = &mg->cand[mg->cand_count];
    memset(c, 0, sizeof *c);
    c->row = row;
    c->seq = mg->cand_count;
    c->c.sheet = d->mp->sheet;
    c->c.sheet_index = d->mp->sheet_index;
    c->c.row = at.row;
    c->c.col = at.col;
    c->c.ref = mg->rows[row].name;
    c->c.field = field;
    c->c.period = rg_arena_strdup(a, period);
    c->c.old_text = rg_arena_strdup(a, old_text ? old_text : "");
    c->c.new_text = rg_arena_strdup(a, new_text ? new_text : "");
    c->c.file = d->name;
    c->c.return_index = d->index;
    c->c.agreeing = 1;
    c->c.value = *v;
    c->c.value.text = rg_arena_strdup(a, v->text);
    c->c.value.numfmt = rg_arena_strdup(a, v->numfmt);
    c->key = rg_arena_strdup(a, key ? key : new_text);
    if (!c->c.old_text || !c->c.new_text || !c->key ||
        (period && !c->c.period) || (v->text && !c->c.value.text) ||
        (v->numfmt && !c->c.value.numfmt)) {
        rg_mg_nomem(d);
        return;
    }
    mg->cand_count++;
    d->flags[row] |= RG_MG_CHANGED;
}

/* A field compared as text: the return's words, where it has any, against
 * the master's. */
static void text_field(rg_mg_dctx *d, size_t row, rag_merge_field field,
                       rag_loc mloc, rag_loc rloc)
{
    const rag_cell *mc = rg_mg_cell(d->mg->wb, d->mp->sheet_index, mloc);
    const rag_cell *rc = rg_mg_cell(d->rwb, d->rp->sheet_index, rloc);
    const char *mt, *rt;
    rag_merge_value v;

    if (!mloc.set || !rloc.set || !rc)
        return;
    rt = rg_mg_text(&d->scratch, d->rwb, rc);
    mt = rg_mg_text(&d->scratch, d->mg->wb, mc);
    if (!rt || !mt) {
        rg_mg_nomem(d);
        return;
    }
    if (rg_mg_blank(rt) || rg_mg_same_text(mt, rt))
        return; /* nothing said, or the same said */
    if (rg_mg_value(&d->scratch, d->rwb, rc, d->mg->wb, mc, &v))
        propose(d, row, field, NULL, mloc, mt, rt, rt, &v);
}

/* A field compared as a number (to 1e-9 of it: figures read from text
 * carry that much noise). */
static void number_field(rg_mg_dctx *d, size_t row, rag_merge_field field,
                         bool mhas, double mval, rag_loc mloc, bool rhas,
                         double rval, rag_loc rloc)
{
    const rag_cell *mc = rg_mg_cell(d->mg->wb, d->mp->sheet_index, mloc);
    const rag_cell *rc = rg_mg_cell(d->rwb, d->rp->sheet_index, rloc);
    const char *mt, *rt;
    char key[40];
    rag_merge_value v;

    if (!rhas || !mloc.set || !rloc.set || !rc)
        return;
    if (mhas && fabs(mval - rval) <= 1e-9 * fmax(1.0, fabs(rval)))
        return;
    rt = rg_mg_text(&d->scratch, d->rwb, rc);
    mt = rg_mg_text(&d->scratch, d->mg->wb, mc);
    if (!rt || !mt) {
        rg_mg_nomem(d);
        return;
    }
    rg_format_double(rval, key, sizeof key);
    if (rg_mg_value(&d->scratch, d->rwb, rc, d->mg->wb, mc, &v))
        propose(d, row, field, NULL, mloc, mt, rt, key, &v);
}

/* ---- ratings ------------------------------------------------------------ */

/* The colour the master gives rating r: a filled RAG cell of the plan
 * that states it, else the standard colour. */
static uint32_t rating_fill(rg_mg_dctx *d, rag_rating r)
{
    const rag_plan *p = d->mp;
    size_t i;
    for (i = 0; i < p->indicator_count + p->period_count; i++) {
        bool ind = i < p->indicator_count;
        rag_rating have = ind ? p->indicators[i].stated_rag
                              : p->periods[i - p->indicator_count].rag;
        rag_loc at = ind ? p->indicators[i].rag_cell
                         : p->periods[i - p->indicator_count].rag_cell;
        const rag_cell *c = rg_mg_cell(d->mg->wb, p->sheet_index, at);
        if (have == r && rg_mg_filled(d->mg->wb, c))
            return rag_cell_style(d->mg->wb, c)->fill_fg;
    }
    return rg_cv_rating_colour(r);
}

static void rating_field(rg_mg_dctx *d, size_t row, rag_rating mr, rag_loc mloc,
                         rag_rating rr, rag_loc rloc)
{
    const rag_cell *mc = rg_mg_cell(d->mg->wb, d->mp->sheet_index, mloc);
    const rag_cell *rc = rg_mg_cell(d->rwb, d->rp->sheet_index, rloc);
    const char *mt, *rt;
    rag_merge_value v;

    if (rr == RAG_RATING_NONE || rr == mr || !mloc.set || !rloc.set || !rc)
        return;
    rt = rg_mg_text(&d->scratch, d->rwb, rc);
    mt = rg_mg_text(&d->scratch, d->mg->wb, mc);
    if (!rt || !mt) {
        rg_mg_nomem(d);
        return;
    }
    if (!rg_mg_value(&d->scratch, d->rwb, rc, d->mg->wb, mc, &v)) {
        /* a RAG told by colour alone: the master gets the words too */
        memset(&v, 0, sizeof v);
        v.set = true;
        v.type = RAG_CELL_STRING;
        v.text = rg_cv_rating_words(rr);
        rt = v.text;
    }
    v.fill = RAG_NO_COLOR;
    if (rg_mg_filled(d->mg->wb, mc) || rg_mg_filled(d->rwb, rc))
        v.fill = rating_fill(d, rr);
    propose(d, row, RAG_MERGE_RAG, NULL, mloc, mt, rt, rag_rating_name(rr),
            &v);
}

/* ---- months ------------------------------------------------------------- */

/* The master legend's words for s, else the standard words. */
static const char *status_words(const rag_plan *p, rag_progress s)
{
    const rag_legend_entry *e = rg_cv_legend_entry(p, s);
    if (s == RAG_PROGRESS_NONE)
        return "";
    return e && e->label ? e->label : rg_cv_status_words(s);
}

/* The text of the last header row of plan p at column col ("" when none). */
static const char *header_at(rg_mg_dctx *d, const rag_workbook *wb,
                             const rag_plan *p, uint32_t col)
{
    rag_loc at;
    if (!p->header_row_count)
        return NULL;
    at.row = p->header_rows[p->header_row_count - 1];
    at.col = col;
    at.set = true;
    return rg_mg_text(&d->scratch, wb, rg_mg_cell(wb, p->sheet_index, at));
}

/* The master's cell for month ym of action ma, which shows no colour for
 * it yet: the column other rows show that month in, else the month's
 * place counted from a known month, else the return's column moved by the
 * distance between the two refs; either of the last two only where the
 * master's header says what the return's does. */
static rag_loc month_cell(rg_mg_dctx *d, const rag_action *ma, const rag_action *ra,
                          const rag_month *rmo, long ym)
{
    rag_merge *mg = d->mg;
    size_t k, k0 = mg->mcol_start[d->mpi], k1 = mg->mcol_start[d->mpi + 1];
    const char *rh = header_at(d, d->rwb, d->rp, rmo->cell.col);
    rag_loc at;
    int64_t col = -1;

    at.row = ma->cell.row;
    at.set = false;
    for (k = k0; k < k1; k++) {
        if (mg->mcols[k].ym == ym) {
            at.col = mg->mcols[k].col;
            at.set = true;
            return at;
        }
    }
    if (!rh || rg_mg_blank(rh))
        return at;
    if (k1 > k0)
        col = (int64_t)mg->mcols[k0].col + (ym - mg->mcols[k0].ym);
    for (k = 0; k < 2; k++) {
        const char *mh;
        if (col >= 0 && col < RAG_MAX_COLS) {
            mh = header_at(d, mg->wb, d->mp, (uint32_t)col);
            if (mh && rg_mg_same_text(mh, rh)) {
                at.col = (uint32_t)col;
                at.set = true;
                return at;
            }
        }
        col = (int64_t)rmo->cell.col - ra->cell.col + ma->cell.col;
    }
    return at;
}

static void months(rg_mg_dctx *d, size_t row, const rag_action *ma,
                   const rag_action *ra)
{
    size_t i, j;
    for (i = 0; i < ra->month_count && d->st == RAG_OK; i++) {
        const rag_month *rmo = &ra->months[i];
        const rag_month *mmo = NULL;
        long ym = (long)rmo->year * 12 + rmo->month - 1;
        rag_merge_value v;
        rag_loc at;
        const rag_cell *mc;
        const char *code, *old;
        char period[16], unknown[40];

        if (rmo->status == RAG_PROGRESS_NONE || !rmo->year)
            continue; /* a colour the return's own key does not explain */
        for (j = 0; j < ma->month_count && !mmo; j++)
            if (ma->months[j].year == rmo->year &&
                ma->months[j].month == rmo->month)
                mmo = &ma->months[j];
        if (mmo && mmo->status == rmo->status)
            continue;
        at = mmo ? mmo->cell : month_cell(d, ma, ra, rmo, ym);
        if (!at.set)
            continue;
        mc = rg_mg_cell(d->mg->wb, d->mp->sheet_index, at);
        memset(&v, 0, sizeof v);
        {
            /* the master's key's colour; where its key has none (codes
             * written out), none: the master's months are not recoloured
             * in colours it never used */
            const rag_legend_entry *e = rg_cv_legend_entry(d->mp,
                                                           rmo->status);
            v.fill = e ? e->fill : rg_cv_status_standard(rmo->status);
        }
        /* the master's own code for the status where its months hold
         * codes; a cell holding words gets the key's words */
        code = d->mg->codes[d->mpi * RAG_PROGRESS_COUNT + rmo->status];
        if (!code && mc && mc->type == RAG_CELL_STRING &&
            !rg_mg_blank(mc->text))
            code = status_words(d->mp, rmo->status);
        if (code) {
            v.set = true;
            v.type = RAG_CELL_STRING;
            v.text = code;
        }
        old = mmo ? status_words(d->mp, mmo->status) : "";
        if (mmo && mmo->status == RAG_PROGRESS_NONE) {
            snprintf(unknown, sizeof unknown, "colour %06X not in the key",
                     (unsigned)mmo->fill);
            old = unknown;
        }
        snprintf(period, sizeof period, "%04d-%02d", rmo->year, rmo->month);
        propose(d, row, RAG_MERGE_MONTH, period, at, old,
                status_words(d->mp, rmo->status),
                rag_progress_name(rmo->status), &v);
    }
}

/* ---- rows --------------------------------------------------------------- */

/* The master's cell for a value of the return: the master row's own
 * cell, unless the return's stands under another heading: then the
 * master's column of that heading, so what the master's own column holds
 * is kept.  A "Revised date" where the master's row has only its
 * original; a "Q2 Status" where the master, with no Q2 yet, reads its
 * statuses from "Q1 Status" (the latest it has filled). */
static rag_loc same_heading(rg_mg_dctx *d, rag_loc at, rag_loc from)
{
    const char *rh, *mh;
    uint32_t c;

    if (!at.set || !from.set)
        return at;
    rh = header_at(d, d->rwb, d->rp, from.col);
    mh = header_at(d, d->mg->wb, d->mp, at.col);
    if (!rh || !mh || rg_mg_same_text(mh, rh))
        return at;
    for (c = d->mp->range.first_col; c <= d->mp->last_col; c++) {
        const char *h = header_at(d, d->mg->wb, d->mp, c);
        if (h && rg_mg_same_text(h, rh)) {
            at.col = c;
            break;
        }
    }
    return at;
}

static void due_field(rg_mg_dctx *d, size_t row, const rag_action *ma,
                      const rag_action *ra)
{
    if (ra->due.year && ma->due.year && !ra->due_text && !ma->due_text &&
        rag_date_days(ra->due) == rag_date_days(ma->due))
        return; /* the same day, however written */
    text_field(d, row, RAG_MERGE_DUE, same_heading(d, ma->due_cell,
                                                   ra->due_cell),
               ra->due_cell);
}

void rg_mg_diff_action(rg_mg_dctx *d, size_t row, const rag_action *ma,
                        const rag_action *ra)
{
    months(d, row, ma, ra);
    if (d->mp->status_col >= 0 && d->rp->status_col >= 0) {
        rag_loc ml = {ma->cell.row, (uint32_t)d->mp->status_col, true};
        rag_loc rl = {ra->cell.row, (uint32_t)d->rp->status_col, true};
        /* a status column that holds the position statement is the
         * comment below */
        if (!(ma->comment_cell.set && ma->comment_cell.col == ml.col))
            text_field(d, row, RAG_MERGE_STATUS, same_heading(d, ml, rl),
                       rl);
    }
    text_field(d, row, RAG_MERGE_COMMENT,
               same_heading(d, ma->comment_cell, ra->comment_cell),
               ra->comment_cell);
    due_field(d, row, ma, ra);
}

/* The value cell of the form field of p that says text, and its label. */
static const rag_field *field_saying(const rag_plan *p, const char *text)
{
    size_t i;
    for (i = 0; text && i < p->field_count; i++)
        if (p->fields[i].value_cell.set &&
            rg_mg_same_text(p->fields[i].value, text))
            return &p->fields[i];
    return NULL;
}

static const rag_field *field_labelled(const rag_plan *p, const char *label)
{
    size_t i;
    for (i = 0; label && i < p->field_count; i++)
        if (p->fields[i].value_cell.set &&
            rg_mg_same_words(p->fields[i].label, label))
            return &p->fields[i];
    return NULL;
}

/* The master's cell for period label of scorecard row mi, which has no
 * value for it yet: the column other rows show it in, else the return's
 * column moved by the distance between the two rows' first cells, where
 * the master's header says what the return's does. */
static rag_loc value_cell(rg_mg_dctx *d, const rag_indicator *mi,
                          const rag_indicator *ri, const rag_value *rv)
{
    const rag_plan *p = d->mp;
    size_t i, k;
    rag_loc at = {mi->cell.row, 0, false};
    const char *rh, *mh;
    int64_t col;

    for (i = 0; i < p->indicator_count; i++)
        for (k = 0; k < p->indicators[i].value_count; k++)
            if (p->indicators[i].values[k].cell.set &&
                rg_mg_same_words(p->indicators[i].values[k].period,
                                 rv->period)) {
                at.col = p->indicators[i].values[k].cell.col;
                at.set = true;
                return at;
            }
    col = (int64_t)rv->cell.col - ri->cell.col + mi->cell.col;
    rh = header_at(d, d->rwb, d->rp, rv->cell.col);
    if (col < 0 || col >= RAG_MAX_COLS || !rh || rg_mg_blank(rh))
        return at;
    mh = header_at(d, d->mg->wb, p, (uint32_t)col);
    if (mh && rg_mg_same_text(mh, rh)) {
        at.col = (uint32_t)col;
        at.set = true;
    }
    return at;
}

/* A scorecard row's period values, one by one. */
static void values(rg_mg_dctx *d, size_t row, const rag_indicator *mi,
                   const rag_indicator *ri)
{
    size_t i, k;
    for (i = 0; i < ri->value_count && d->st == RAG_OK; i++) {
        const rag_value *rv = &ri->values[i], *mv = NULL;
        const rag_cell *mc, *rc;
        const char *mt, *rt;
        rag_merge_value v;
        rag_loc at;
        char key[40];

        for (k = 0; k < mi->value_count && !mv; k++)
            if (rg_mg_same_words(mi->values[k].period, rv->period))
                mv = &mi->values[k];
        if (mv && fabs(mv->value - rv->value) <=
                      1e-9 * fmax(1.0, fabs(rv->value)))
            continue;
        at = mv ? mv->cell : value_cell(d, mi, ri, rv);
        rc = rg_mg_cell(d->rwb, d->rp->sheet_index, rv->cell);
        mc = rg_mg_cell(d->mg->wb, d->mp->sheet_index, at);
        if (!at.set || !rc)
            continue;
        rt = rg_mg_text(&d->scratch, d->rwb, rc);
        mt = rg_mg_text(&d->scratch, d->mg->wb, mc);
        if (!rt || !mt) {
            rg_mg_nomem(d);
            return;
        }
        rg_format_double(rv->value, key, sizeof key);
        if (rg_mg_value(&d->scratch, d->rwb, rc, d->mg->wb, mc, &v))
            propose(d, row, RAG_MERGE_VALUE, rv->period, at, mt, rt, key, &v);
    }
}

void rg_mg_diff_indicator(rg_mg_dctx *d, size_t row, const rag_indicator *mi,
                           const rag_indicator *ri)
{
    /* a scorecard's actual is its latest period value */
    if (ri->value_count)
        values(d, row, mi, ri);
    else
        number_field(d, row, RAG_MERGE_ACTUAL, mi->has_actual, mi->actual,
                     mi->actual_cell, ri->has_actual, ri->actual,
                     ri->actual_cell);
    number_field(d, row, RAG_MERGE_VARIANCE, mi->has_stated_variance,
                 mi->stated_variance, mi->variance_cell,
                 ri->has_stated_variance, ri->stated_variance,
                 ri->variance_cell);
    rating_field(d, row, mi->stated_rag, mi->rag_cell, ri->stated_rag,
                 ri->rag_cell);
    text_field(d, row, RAG_MERGE_NARRATIVE, mi->comment_cell,
               ri->comment_cell);
    /* a form's reason is the field that says it */
    if (ri->reason && d->rp->field_count) {
        const rag_field *rf = field_saying(d->rp, ri->reason);
        const rag_field *mf = mi->reason ? field_saying(d->mp, mi->reason)
                                         : NULL;
        if (rf && !mf)
            mf = field_labelled(d->mp, rf->label);
        if (rf && mf)
            text_field(d, row, RAG_MERGE_NARRATIVE, mf->value_cell,
                       rf->value_cell);
    }
}

void rg_mg_diff_period(rg_mg_dctx *d, size_t row, const rag_period *mq,
                        const rag_period *rq)
{
    rating_field(d, row, mq->rag, mq->rag_cell, rq->rag, rq->rag_cell);
    text_field(d, row, RAG_MERGE_NARRATIVE, mq->narrative_cell,
               rq->narrative_cell);
}
