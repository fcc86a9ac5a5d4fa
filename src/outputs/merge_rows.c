/*
 * One return's rows against the master's: its plans matched, each row
 * matched by ref, code or label and diffed (merge_diff.c), refs the master
 * lacks reported, and the master rows the return answers for marked.
 */
#include <stdio.h>
#include <string.h>

#include "outputs/convert_impl.h"
#include "outputs/merge_impl.h"

/* ---- a plan pair -------------------------------------------------------- */

static void unknown(rg_mg_dctx *d, const char *what, const char *name, rag_loc at)
{
    rag_status st;
    if (d->st != RAG_OK)
        return;
    d->mg->unknown_refs++;
    st = rg_mg_finding(d->mg, RAG_RULE_MERGE_UNKNOWN_REF, d->name,
                       d->rp->sheet, d->rp->sheet_index, &at, name, d->err,
                       "%s %s is not in the master's plan on sheet '%s'; "
                       "not added",
                       what, name, d->mp->sheet);
    if (st != RAG_OK)
        d->st = st;
}

/* Match the rows of return plan rp to master plan mp and diff each;
 * returns how many of the master's rows (headings aside) it holds. */
static size_t diff_plan(rg_mg_dctx *d)
{
    const rag_plan *mp = d->mp, *rp = d->rp;
    size_t i, row, held = 0;
    char key[256];

    for (i = 0; i < rp->action_count && d->st == RAG_OK; i++) {
        const rag_action *ra = &rp->actions[i];
        if (!ra->ref || rg_mg_blank(ra->ref))
            continue;
        /* the master's refs start afresh in each group: the return's
         * row is named by its group too */
        if (mp->refs_by_group) {
            rag_plan keyed = *rp;
            keyed.refs_by_group = true;
            rg_mg_action_key(&keyed, ra, key, sizeof key);
        } else {
            rg_mg_key(ra->ref, key, sizeof key);
        }
        row = rg_mg_find_row(d->mg, d->mpi, RG_MG_ACTION, key);
        if (row == SIZE_MAX) {
            unknown(d, "ref", ra->ref, ra->cell);
            continue;
        }
        if (d->flags[row] & RG_MG_PRESENT)
            continue; /* a ref twice: the first is the row */
        d->flags[row] |= RG_MG_PRESENT;
        held += !d->mg->rows[row].heading;
        rg_mg_diff_action(d, row, &mp->actions[d->mg->rows[row].item], ra);
    }
    for (i = 0; i < rp->indicator_count && d->st == RAG_OK; i++) {
        const rag_indicator *ri = &rp->indicators[i];
        const char *name = ri->code ? ri->code : ri->title;
        if (!name || rg_mg_blank(name))
            continue;
        row = rg_mg_find_row(d->mg, d->mpi, RG_MG_INDICATOR,
                             rg_mg_key(name, key, sizeof key));
        if (row == SIZE_MAX) {
            unknown(d, ri->code ? "code" : "indicator", name, ri->cell);
            continue;
        }
        if (d->flags[row] & RG_MG_PRESENT)
            continue;
        d->flags[row] |= RG_MG_PRESENT;
        held++;
        rg_mg_diff_indicator(d, row, &mp->indicators[d->mg->rows[row].item], ri);
    }
    for (i = 0; i < rp->period_count && d->st == RAG_OK; i++) {
        const rag_period *rq = &rp->periods[i];
        if (!rq->label)
            continue;
        row = rg_mg_find_row(d->mg, d->mpi, RG_MG_PERIOD,
                             rg_mg_key(rq->label, key, sizeof key));
        if (row == SIZE_MAX || (d->flags[row] & RG_MG_PRESENT))
            continue; /* a quarter the master's form has no place for */
        d->flags[row] |= RG_MG_PRESENT;
        held++;
        rg_mg_diff_period(d, row, &mp->periods[d->mg->rows[row].item], rq);
    }
    return held;
}

/* ---- whom the return answers for ---------------------------------------- */

/* The leads of master row r: an action's leads, else its plan's owner. */
static const char *const *row_leads(const rag_merge *mg, const rg_mg_row *r,
                                    size_t *n)
{
    const rag_plan *p = &mg->m->plans[r->plan];
    if (r->kind == RG_MG_ACTION) {
        *n = p->actions[r->item].lead_count;
        return p->actions[r->item].leads;
    }
    *n = p->owner && !rg_mg_blank(p->owner) ? 1 : 0;
    return &p->owner;
}

typedef struct names {
    const char **items;
    size_t count, cap;
} names;

static bool names_has(const names *s, const char *x)
{
    size_t i;
    for (i = 0; i < s->count; i++)
        if (rg_mg_same_words(s->items[i], x))
            return true;
    return false;
}

static bool names_add(names *s, const char *x)
{
    if (names_has(s, x))
        return true;
    if (!rg_grow((void **)&s->items, &s->cap, s->count + 1, sizeof *s->items))
        return false;
    s->items[s->count++] = x;
    return true;
}

/* How a return holds a master plan. */
enum { NOT_HELD = 0, FULL_COPY, CUT_DOWN };

/* Mark the master rows this return answers for (see merge.h): rows it
 * changed, and in the plans it holds, the rows of each lead it answers
 * for; held[p] says how it holds master plan p. */
static rag_status answer(rg_mg_dctx *d, const unsigned char *held)
{
    rag_merge *mg = d->mg;
    names leads = {NULL, 0, 0};
    size_t i, k, n;
    bool ok = true;

    for (i = 0; i < mg->row_count && ok; i++) {
        const rg_mg_row *r = &mg->rows[i];
        const char *const *l;
        if (!(d->flags[i] & RG_MG_CHANGED) &&
            !((d->flags[i] & RG_MG_PRESENT) && held[r->plan] == CUT_DOWN))
            continue;
        l = row_leads(mg, r, &n);
        for (k = 0; k < n && ok; k++)
            ok = names_add(&leads, l[k]);
    }
    for (i = 0; i < mg->row_count && ok; i++) {
        rg_mg_row *r = &mg->rows[i];
        const char *const *l;
        if (d->flags[i] & RG_MG_CHANGED) {
            r->changed = r->returned = true;
            continue;
        }
        if (held[r->plan] == NOT_HELD || r->returned)
            continue;
        l = row_leads(mg, r, &n);
        for (k = 0; k < n && !r->returned; k++)
            r->returned = names_has(&leads, l[k]);
        if (!n && (d->flags[i] & RG_MG_PRESENT) && held[r->plan] == CUT_DOWN)
            r->returned = true;
    }
    rg_free(leads.items);
    return ok ? RAG_OK : rg_mg_nomem(d);
}

/* ---- one return ----------------------------------------------------------- */

static rag_status no_match(rg_mg_dctx *d, const rag_plan *rp)
{
    rag_merge *mg = d->mg;
    mg->no_match++;
    if (!rp)
        return rg_mg_finding(mg, RAG_RULE_MERGE_NO_MATCH, d->name, NULL, 0,
                             NULL, NULL, d->err, "%s",
                             d->rm->plan_count
                                 ? "no plan of this return matches a plan "
                                   "of the master (by kind, sheet name or "
                                   "title); nothing taken from it"
                                 : "no plan was recognised in this return; "
                                   "nothing taken from it");
    return rg_mg_finding(mg, RAG_RULE_MERGE_NO_MATCH, d->name, rp->sheet,
                         rp->sheet_index, &rp->cell, NULL, d->err,
                         "the %s on this sheet%s%s%s matches no plan of the "
                         "master; nothing taken from it",
                         rg_cv_kind_words(rp->kind), rp->title ? " ('" : "",
                         rp->title ? rp->title : "", rp->title ? "')" : "");
}

rag_status rg_mg_diff(rag_merge *mg, const rag_model *rm, const char *name,
                      size_t index, rag_error *err)
{
    rg_mg_dctx d;
    size_t *match, i, matched = 0, n = rm->plan_count;
    unsigned char *cut;

    memset(&d, 0, sizeof d);
    d.mg = mg;
    d.rm = rm;
    d.rwb = rm->wb;
    d.name = name;
    d.index = index;
    d.err = err;
    rg_arena_init(&d.scratch, 0);
    match = rg_malloc((n ? n : 1) * sizeof *match);
    cut = rg_calloc(mg->m->plan_count ? mg->m->plan_count : 1, sizeof *cut);
    d.flags = rg_calloc(mg->row_count ? mg->row_count : 1, 1);
    if (!match || !cut || !d.flags) {
        rg_free(match);
        rg_free(cut);
        rg_free(d.flags);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (mg->hist_count) {
        char stamp[64];
        rg_mg_stamp_of(rm->wb, stamp, sizeof stamp);
        d.stale_check = !mg->stamp || strcmp(stamp, mg->stamp);
    }
    rag_merge_match(mg->m, rm, match);
    for (i = 0; i < n && d.st == RAG_OK; i++) {
        size_t held;
        if (match[i] == SIZE_MAX)
            continue;
        matched++;
        d.mpi = match[i];
        d.mp = &mg->m->plans[d.mpi];
        d.rp = &rm->plans[i];
        held = diff_plan(&d);
        cut[d.mpi] = held < mg->plan_rows[d.mpi] ? CUT_DOWN : FULL_COPY;
    }
    if (d.st == RAG_OK && !matched)
        d.st = no_match(&d, NULL);
    for (i = 0; i < n && d.st == RAG_OK && matched; i++)
        if (match[i] == SIZE_MAX)
            d.st = no_match(&d, &rm->plans[i]);
    if (d.st == RAG_OK)
        d.st = answer(&d, cut);
    rg_free(match);
    rg_free(cut);
    rg_free(d.flags);
    rg_arena_free(&d.scratch);
    return d.st;
}
