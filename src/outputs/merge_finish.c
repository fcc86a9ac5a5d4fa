/*
 * Settling a merge once every return is in: the changes cell by cell (two
 * returns that disagree about a cell cancel each other out and become a
 * merge-conflict), then the rows that came back unchanged (by lead) and
 * the rows no return brought back (grouped by lead, whom to chase).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outputs/merge_impl.h"

/* Longest value quoted in a conflict's message, in bytes: enough to tell
 * two position statements apart without a finding of a page. */
#define QUOTE_MAX 80

static const rag_merge *sort_mg;

static int cand_cmp(const void *a, const void *b)
{
    const rg_mg_cand *x = a, *y = b;
    if (x->c.sheet_index != y->c.sheet_index)
        return x->c.sheet_index < y->c.sheet_index ? -1 : 1;
    if (x->c.row != y->c.row)
        return x->c.row < y->c.row ? -1 : 1;
    if (x->c.col != y->c.col)
        return x->c.col < y->c.col ? -1 : 1;
    if (x->c.return_index != y->c.return_index)
        return x->c.return_index < y->c.return_index ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool same_value(const rg_mg_cand *a, const rg_mg_cand *b)
{
    if (a->c.field == RAG_MERGE_MONTH || a->c.field == RAG_MERGE_RAG ||
        a->c.field == RAG_MERGE_ACTUAL || a->c.field == RAG_MERGE_VARIANCE ||
        a->c.field == RAG_MERGE_VALUE)
        return !strcmp(a->key, b->key);
    return rg_mg_same_text(a->key, b->key);
}

/* value quoted, cut at QUOTE_MAX bytes on a character boundary */
static void quote(rg_buf *b, const char *value)
{
    size_t n = strlen(value);
    bool cut = n > QUOTE_MAX;
    if (cut) {
        n = QUOTE_MAX;
        while (n && ((unsigned char)value[n] & 0xC0) == 0x80)
            n--;
    }
    rg_buf_putc(b, '"');
    rg_buf_append(b, value, n);
    rg_buf_puts(b, cut ? "...\"" : "\"");
}

static rag_status conflict(rag_merge *mg, rg_mg_cand *c, size_t n,
                           rag_error *err)
{
    rg_buf b = {NULL, 0, 0};
    const char *field = rag_merge_field_name(c[0].c.field);
    rag_loc at;
    size_t i, j;
    rag_status st;

    rg_buf_printf(&b, "%s %s%s%s: ", c[0].c.ref, field,
                  c[0].c.period ? " " : "",
                  c[0].c.period ? c[0].c.period : "");
    /* each value once, with every return that sent it */
    for (i = 0; i < n; i++) {
        bool first = true;
        for (j = 0; j < i && first; j++)
            first = !same_value(&c[j], &c[i]);
        if (!first)
            continue;
        if (i)
            rg_buf_puts(&b, ", ");
        quote(&b, c[i].c.new_text);
        rg_buf_puts(&b, " from ");
        for (j = i; j < n; j++) {
            if (j > i && !same_value(&c[j], &c[i]))
                continue;
            if (j > i)
                rg_buf_puts(&b, " and ");
            rg_buf_puts(&b, c[j].c.file);
        }
    }
    rg_buf_printf(&b, "; neither applied, the master keeps ");
    quote(&b, c[0].c.old_text);
    if (!b.data)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    at.row = c[0].c.row;
    at.col = c[0].c.col;
    at.set = true;
    mg->conflicts++;
    st = rg_mg_finding(mg, RAG_RULE_MERGE_CONFLICT, mg->master, c[0].c.sheet,
                       c[0].c.sheet_index, &at, c[0].c.ref, err, "%s",
                       b.data);
    rg_buf_free(&b);
    return st;
}

/* Cells by cell: one change per cell all its returns agree on. */
static rag_status settle(rag_merge *mg, rag_error *err)
{
    size_t i = 0, j, k, n = mg->cand_count;

    if (n) /* qsort's array may not be NULL, even for none */
        qsort(mg->cand, n, sizeof *mg->cand, cand_cmp);
    mg->changes = rg_calloc(n ? n : 1, sizeof *mg->changes);
    if (!mg->changes)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    while (i < n) {
        rg_mg_cand *c = &mg->cand[i];
        size_t group = 0;
        bool agree = true;
        /* the cell's proposals, one per return (the first of a return's) */
        for (j = i; j < n && mg->cand[j].c.sheet_index == c->c.sheet_index &&
                    mg->cand[j].c.row == c->c.row &&
                    mg->cand[j].c.col == c->c.col;
             j++) {
            if (group && mg->cand[i + group - 1].c.return_index ==
                             mg->cand[j].c.return_index)
                continue;
            mg->cand[i + group++] = mg->cand[j];
        }
        for (k = 1; k < group; k++)
            agree = agree && same_value(&mg->cand[i], &mg->cand[i + k]);
        if (agree) {
            rag_merge_change *ch = &mg->changes[mg->change_count++];
            *ch = c->c;
            ch->agreeing = group;
        } else {
            rag_status st = conflict(mg, &mg->cand[i], group, err);
            if (st != RAG_OK)
                return st;
        }
        i = j;
    }
    return RAG_OK;
}

/* ---- rows ----------------------------------------------------------------- */

static const char *const *leads_of(const rag_merge *mg, const rg_mg_row *r,
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

static rag_loc row_cell(const rag_merge *mg, const rg_mg_row *r)
{
    const rag_plan *p = &mg->m->plans[r->plan];
    switch (r->kind) {
    case RG_MG_ACTION:
        return p->actions[r->item].cell;
    case RG_MG_INDICATOR:
        return p->indicators[r->item].cell;
    case RG_MG_PERIOD:
        return p->periods[r->item].cell;
    }
    return p->cell;
}

static const char *first_lead(const rag_merge *mg, const rg_mg_row *r)
{
    size_t n;
    const char *const *l = leads_of(mg, r, &n);
    return n ? l[0] : "";
}

static int lead_cmp(const void *a, const void *b)
{
    const rg_mg_row *x = &sort_mg->rows[*(const size_t *)a],
                    *y = &sort_mg->rows[*(const size_t *)b];
    int c = strcmp(first_lead(sort_mg, x), first_lead(sort_mg, y));
    if (c)
        return c;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static rag_status unchanged(rag_merge *mg, rag_error *err)
{
    size_t *order, i, k = 0;
    rag_status st = RAG_OK;

    order = rg_malloc((mg->row_count ? mg->row_count : 1) * sizeof *order);
    if (!order)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < mg->row_count; i++)
        if (mg->rows[i].returned && !mg->rows[i].changed &&
            !mg->rows[i].heading)
            order[k++] = i;
    sort_mg = mg;
    qsort(order, k, sizeof *order, lead_cmp);
    sort_mg = NULL;
    for (i = 0; i < k && st == RAG_OK; i++) {
        const rg_mg_row *r = &mg->rows[order[i]];
        const rag_plan *p = &mg->m->plans[r->plan];
        rag_loc at = row_cell(mg, r);
        size_t n, j;
        const char *const *l = leads_of(mg, r, &n);
        rg_buf b = {NULL, 0, 0};
        for (j = 0; j < n; j++)
            rg_buf_printf(&b, "%s%s", j ? ", " : "", l[j]);
        rg_buf_printf(&b, "%s%s came back unchanged", n ? ": " : "",
                      r->name);
        if (!b.data) {
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            break;
        }
        mg->unchanged++;
        st = rg_mg_finding(mg, RAG_RULE_MERGE_UNCHANGED, mg->master, p->sheet,
                           p->sheet_index, &at, r->name, err, "%s", b.data);
        rg_buf_free(&b);
    }
    rg_free(order);
    return st;
}

/* ---- rows not returned ------------------------------------------------------ */

static int chase_cmp(const void *a, const void *b)
{
    const rag_merge_chase *x = a, *y = b;
    /* rows with no lead last */
    if (!*x->lead != !*y->lead)
        return *x->lead ? -1 : 1;
    return strcmp(x->lead, y->lead);
}

static rag_merge_chase *chase_for(rag_merge *mg, size_t *cap,
                                  const char *lead)
{
    size_t i;
    for (i = 0; i < mg->chase_count; i++)
        if (rg_mg_same_words(mg->chase[i].lead, lead) &&
            !*mg->chase[i].lead == !*lead)
            return &mg->chase[i];
    if (!rg_grow((void **)&mg->chase, cap, mg->chase_count + 1,
                 sizeof *mg->chase))
        return NULL;
    memset(&mg->chase[mg->chase_count], 0, sizeof *mg->chase);
    mg->chase[mg->chase_count].lead = lead;
    return &mg->chase[mg->chase_count++];
}

static bool chase_add(rag_merge_chase *c, const char *ref)
{
    const char **refs = (const char **)c->refs;
    size_t cap = c->ref_count; /* grown one by one: lists are short */
    if (!rg_grow((void **)&refs, &cap, c->ref_count + 1, sizeof *refs))
        return false;
    refs[c->ref_count++] = ref;
    c->refs = refs;
    return true;
}

static rag_status not_returned(rag_merge *mg, rag_error *err)
{
    size_t cap = 0, i, j, n;

    for (i = 0; i < mg->row_count; i++) {
        const rg_mg_row *r = &mg->rows[i];
        const char *const *l;
        if (r->returned || r->heading)
            continue;
        mg->not_returned++;
        l = leads_of(mg, r, &n);
        for (j = 0; j < (n ? n : 1); j++) {
            rag_merge_chase *c = chase_for(mg, &cap, n ? l[j] : "");
            if (!c || !chase_add(c, r->name))
                return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
    }
    if (mg->chase_count)
        qsort(mg->chase, mg->chase_count, sizeof *mg->chase, chase_cmp);
    return RAG_OK;
}

rag_status rag_merge_finish(rag_merge *mg, rag_error *err)
{
    if (!mg)
        return rg_fail(err, RAG_ERR_USAGE, "no merge");
    if (mg->finished) {
        if (mg->finish_status != RAG_OK)
            return rg_fail(err, mg->finish_status,
                           "the merge could not be finished");
        return RAG_OK;
    }
    mg->finished = true;
    mg->finish_status = settle(mg, err);
    if (mg->finish_status == RAG_OK)
        mg->finish_status = unchanged(mg, err);
    if (mg->finish_status == RAG_OK)
        mg->finish_status = not_returned(mg, err);
    return mg->finish_status;
}
