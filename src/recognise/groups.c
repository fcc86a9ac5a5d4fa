/*
 * Refs numbered afresh in each group.  An internal audit tracker lists
 * the recommendations of several audits, each numbered from 1: "Audit |
 * Rec No" (1, 2 beside "Payroll 2022/23"; 1, 2 beside "Procurement"), or
 * a heading row ("Payroll 2022/23", merged across) above each audit's
 * rows.  A service plan does the same under "Service".  Read as one list
 * of refs, every "1" after the first was a false `ref-duplicate` error,
 * and merge matched a return's "1" to the first audit's row whatever
 * audit it was under.
 *
 * Each action is given the group it sits under (rag_action.group): the
 * text of the nearest column left of the ref that no role took, carried
 * down over blanks and vertical merges, else the last heading row above
 * it.  Only when refs repeat, and repeat across groups alone, does the
 * plan say its refs start afresh (rag_plan.refs_by_group); then the ref
 * rules and merge compare group and ref together.  A plan whose refs are
 * unique, or repeat within one group, is judged as before.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_impl.h"
#include "recognise/recognise.h"
#include "util/util.h"

/* Is column c a column the table gave a role (ref, action, lead, a
 * month, ...)?  Only a column with no role can hold the group. */
static bool has_role(const rg_table *t, uint32_t c)
{
    size_t i;
    for (i = RG_COL_REF; i <= RG_COL_STATUS; i++) /* not OTHER: a known
                                                    word with no role */
        if (t->col[i] == (int32_t)c)
            return true;
    if (t->revised_due == (int32_t)c || t->pct_done == (int32_t)c ||
        t->done_date == (int32_t)c || t->status_beside == (int32_t)c)
        return true;
    for (i = 0; i < t->month_count; i++)
        if (t->months[i].col == c)
            return true;
    for (i = 0; i < t->status_period_count; i++)
        if (t->status_by_period[i] == (int32_t)c)
            return true;
    for (i = 0; i < t->comment_period_count; i++)
        if (t->comment_by_period[i] == (int32_t)c)
            return true;
    return false;
}

/* The nearest column left of the ref column with no role and words on
 * some action's row, or -1.  The table may start at its ref ("Audit" is
 * no word the table knows): a column left of it counts while the header
 * row names it, so text beside a table, under no heading, is no group. */
static int32_t group_column(const rg_view *v, const rg_table *t,
                            const rag_plan *p, uint32_t ref_col)
{
    uint32_t c;
    for (c = ref_col; c-- > 0;) {
        size_t i, len;
        if (c < t->first_col && !rg_text_merged(v, t->header_row, c, &len))
            break;
        if (has_role(t, c))
            continue;
        for (i = 0; i < p->action_count; i++)
            if (rg_text_merged(v, p->actions[i].cell.row, c, &len))
                return (int32_t)c;
    }
    return -1;
}

/* Row r as a heading between actions: not claimed by the table (a
 * header or an action row), and one value in the table's columns, words
 * at or left of the ref column ("Payroll 2022/23", however far it is
 * merged across). */
static const char *heading_row(const rg_view *v, const rg_table *t,
                               uint32_t r, uint32_t ref_col, size_t *len)
{
    size_t i, n = rg_row_count(v, r), values = 0;
    uint32_t at = 0;

    if (rg_row_claimed(v, r))
        return NULL;
    for (i = 0; i < n; i++) {
        uint32_t c = rg_row_col(v, r, i);
        if (c < t->first_col || c > t->last_col || !rg_has_value(v, r, c))
            continue;
        if (++values > 1)
            return NULL;
        at = c;
    }
    if (values != 1 || at > ref_col)
        return NULL;
    return rg_text(v, r, at, len);
}

typedef struct keyed {
    const char *group, *ref;
} keyed;

static int ci_cmp(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
        if (d)
            return d;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static int by_ref(const void *x, const void *y)
{
    return ci_cmp(((const keyed *)x)->ref, ((const keyed *)y)->ref);
}

static int by_group_ref(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->group, b->group);
    return c ? c : by_ref(x, y);
}

/* Does the sorted list hold one key twice? */
static bool repeats(const keyed *k, size_t n,
                    int (*cmp)(const void *, const void *))
{
    size_t i;
    for (i = 1; i < n; i++)
        if (!cmp(&k[i - 1], &k[i]))
            return true;
    return false;
}

rag_status rg_action_groups(rag_model *m, const rg_view *v,
                            const rg_table *t, rag_plan *p)
{
    int32_t gc;
    uint32_t prev_row;
    const char *group = NULL;
    keyed *k;
    size_t i, n = 0, groups = 0;
    bool fresh;

    /* even one row gets its group: a return cut down to one audit's
     * rows is matched to the master's by it */
    if (t->col[RG_COL_REF] < 0 || !p->action_count)
        return RAG_OK;
    gc = group_column(v, t, p, (uint32_t)t->col[RG_COL_REF]);
    prev_row = t->headers[t->header_count - 1];
    for (i = 0; i < p->action_count; i++) {
        rag_action *a = &p->actions[i];
        const char *s = NULL;
        size_t len = 0;
        if (gc >= 0) {
            s = rg_text_merged(v, a->cell.row, (uint32_t)gc, &len);
        } else {
            uint32_t r;
            for (r = prev_row + 1; r < a->cell.row; r++) {
                size_t l;
                const char *h = heading_row(v, t, r,
                                            (uint32_t)t->col[RG_COL_REF], &l);
                if (h)
                    s = h, len = l;
            }
        }
        prev_row = a->cell.row;
        if (s && (!group || strlen(group) != len || memcmp(group, s, len))) {
            if (!(group = rg_model_strndup(m, s, len)))
                return RAG_ERR_NOMEM;
            groups++;
        }
        a->group = group; /* carried down over blanks */
    }
    if (groups < 2)
        return RAG_OK;
    k = rg_malloc(p->action_count * sizeof *k);
    if (!k)
        return RAG_ERR_NOMEM;
    fresh = true;
    for (i = 0; i < p->action_count; i++) {
        const rag_action *a = &p->actions[i];
        if (!a->ref)
            continue;
        if (!a->group)
            fresh = false; /* a ref above the first group */
        k[n].group = a->group ? a->group : "";
        k[n++].ref = a->ref;
    }
    qsort(k, n, sizeof *k, by_ref);
    fresh = fresh && repeats(k, n, by_ref);
    qsort(k, n, sizeof *k, by_group_ref);
    p->refs_by_group = fresh && !repeats(k, n, by_group_ref);
    rg_free(k);
    return RAG_OK;
}
