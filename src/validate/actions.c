/*
 * Action rules (action plans and trackers): lead-missing, ref-duplicate,
 * ref-orphan, milestone-overdue for actions, and date-invalid for their
 * dates.
 *
 * Refs are compared ignoring ASCII case and outer spaces ("R1a" is
 * "r1a").  An action is complete when the model says so, or when its
 * position statement starts by saying so ("Complete", "Completed -
 * ..."), as officers write it; a heading row is complete when all its
 * children are.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/rules.h"
#include "util/util.h"
#include "validate/rules.h"

/* The ref's text without outer spaces, as a (ptr, len) pair. */
static const char *ref_span(const char *s, size_t *len)
{
    size_t n;
    if (!s) {
        *len = 0;
        return "";
    }
    while (isspace((unsigned char)*s))
        s++;
    n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

static int ref_cmp(const char *a, const char *b)
{
    size_t la, lb, i;
    a = ref_span(a, &la);
    b = ref_span(b, &lb);
    for (i = 0; i < la && i < lb; i++) {
        int ca = tolower((unsigned char)a[i]);
        int cb = tolower((unsigned char)b[i]);
        if (ca != cb)
            return ca - cb;
    }
    return la == lb ? 0 : la < lb ? -1 : 1;
}

typedef struct by_ref {
    const rag_action *actions;
    bool by_group;   /* refs start afresh in each group (groups.c): a ref
                        names a row only with its group */
    size_t *order;   /* indices of actions with a ref, sorted by ref */
    size_t count;
    bool *has_child; /* indexed like actions */
    /* indexed like actions, at the first row of a ref: its children that
     * have a ref of their own, and how many of them are complete (counted
     * once: a scan per parent took seconds at 20,000 rows) */
    size_t *kids, *kids_done;
} by_ref;

/* Action a's group against group where refs start afresh in each group
 * (rag_plan.refs_by_group); every group is one otherwise. */
static int group_cmp(const by_ref *r, const rag_action *a,
                     const char *group)
{
    if (!r->by_group)
        return 0;
    return strcmp(a->group ? a->group : "", group ? group : "");
}

/* Groups (where refs start afresh in each), refs, then row order.  A
 * merge sort of indices with the actions as context: qsort would need a
 * global, and rag_validate() runs on many threads at once. */
static int order_cmp(const by_ref *r, size_t a, size_t b)
{
    const rag_action *acts = r->actions;
    int c = group_cmp(r, &acts[a], acts[b].group);
    if (!c)
        c = ref_cmp(acts[a].ref, acts[b].ref);
    if (c)
        return c;
    return a < b ? -1 : a > b;
}

static void sort_order(const by_ref *r, size_t *a, size_t *tmp, size_t n)
{
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    if (n < 2)
        return;
    sort_order(r, a, tmp, mid);
    sort_order(r, a + mid, tmp, n - mid);
    while (i < mid && j < n)
        tmp[k++] = order_cmp(r, a[j], a[i]) < 0 ? a[j++] : a[i++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

/* Action a's order against (group, ref). */
static int key_cmp(const by_ref *r, const rag_action *a, const char *group,
                   const char *ref)
{
    int c = group_cmp(r, a, group);
    return c ? c : ref_cmp(a->ref, ref);
}

/* The first index (in row order) of an action whose ref is ref, in
 * group where refs start afresh in each, or (size_t)-1. */
static size_t find_ref(const by_ref *r, const char *group, const char *ref)
{
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(r, &r->actions[r->order[mid]], group, ref) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->count &&
        !key_cmp(r, &r->actions[r->order[lo]], group, ref))
        return r->order[lo];
    return (size_t)-1;
}


/* Done, or ended without being done (rag_action.closed): nothing is owed
 * either way. */
static bool own_complete(const rag_action *a)
{
    if (a->status == RAG_PROGRESS_COMPLETE || a->closed)
        return true;
    if (a->month_count &&
        a->months[a->month_count - 1].status == RAG_PROGRESS_COMPLETE)
        return true;
    return rg_says_complete(a->comment);
}

static bool is_complete(const by_ref *r, size_t i)
{
    const rag_action *a = &r->actions[i];

    if (own_complete(a))
        return true;
    if (!r->has_child || !r->has_child[i])
        return false;
    return r->kids[i] && r->kids[i] == r->kids_done[i];
}


/* "1.1", "2.10", "3.2.1": digits and dots, at least one dot. */
static bool dotted_number(const char *ref)
{
    bool dot = false, digit = false;

    for (; *ref; ref++) {
        if (*ref == '.' && digit)
            dot = true, digit = false;
        else if (*ref >= '0' && *ref <= '9')
            digit = true;
        else
            return false;
    }
    return dot && digit;
}
/* "1", "12": digits only, a plan's top-level number. */
static bool top_number(const char *ref)
{
    if (!*ref)
        return false;
    for (; *ref; ref++)
        if (*ref < '0' || *ref > '9')
            return false;
    return true;
}

/* Does any row's ref give a top-level number ("1")?  A plan whose
 * sections are unnumbered text rows numbers its actions 1.1, 1.2, 2.1
 * without ever writing the "1" they belong under. */
static bool writes_top_numbers(const rag_plan *p)
{
    size_t k;
    for (k = 0; k < p->action_count; k++) {
        size_t len;
        const char *s = ref_span(p->actions[k].ref, &len);
        char buf[16];
        if (!len || len >= sizeof buf)
            continue;
        memcpy(buf, s, len);
        buf[len] = '\0';
        if (top_number(buf))
            return true;
    }
    return false;
}

static void refs(rg_vctx *c, const rag_plan *p, const by_ref *r)
{
    bool top_written = writes_top_numbers(p);
    size_t k, len;
    const char *name;
    char where[16];

    for (k = 1; k < r->count; k++) {
        const rag_action *prev = &r->actions[r->order[k - 1]];
        const rag_action *a = &r->actions[r->order[k]];
        size_t first = k - 1;
        if (key_cmp(r, prev, a->group, a->ref))
            continue;
        while (first > 0 && !key_cmp(r, &r->actions[r->order[first - 1]],
                                     a->group, a->ref))
            first--;
        prev = &r->actions[r->order[first]];
        name = ref_span(a->ref, &len);
        rg_emit(c, RAG_RULE_REF_DUPLICATE, p, a->cell, a->ref, NULL,
                "%.*s appears twice in this plan: it is already used at %s",
                (int)len, name,
                prev->cell.set
                    ? rag_cell_ref_format(prev->cell.row, prev->cell.col,
                                          where)
                    : "an earlier row");
    }
    /* Dotted numbers ("1.1, 1.2, 2.1") with no parent row anywhere number
     * an audit report's findings and their recommendations: a scheme, not
     * rows left out, and every child would be a false alarm.  A lettered
     * child ("R2d") stays an orphan without its R2 row, as the contract
     * says. */
    for (k = 0; k < p->action_count; k++) {
        const rag_action *a = &p->actions[k];
        if (rg_vblank(a->parent) || rg_vblank(a->ref))
            continue;
        if (find_ref(r, a->group, a->parent) != (size_t)-1 ||
            !dotted_number(a->ref))
            break;
    }
    if (k == p->action_count)
        return;
    for (k = 0; k < p->action_count && c->status == RAG_OK; k++) {
        const rag_action *a = &p->actions[k];
        if (rg_vblank(a->parent) || rg_vblank(a->ref))
            continue;
        if (find_ref(r, a->group, a->parent) != (size_t)-1)
            continue;
        /* 1.2 under a "1" the plan never writes: numbered in a scheme
         * whose sections are text, as when no row had a sub-letter */
        if (!top_written && dotted_number(a->ref) && top_number(a->parent))
            continue;
        rg_emit(c, RAG_RULE_REF_ORPHAN, p, a->cell, a->ref, NULL,
                "%s belongs under %s, but the plan has no %s row", a->ref,
                a->parent, a->parent);
    }
}

static void dates(rg_vctx *c, const rag_plan *p, const by_ref *r, size_t i)
{
    const rag_action *a = &p->actions[i];
    rag_loc at = a->due_cell.set ? a->due_cell : a->cell;
    char name[72];
    const char *ref = rg_vaction(p, a, name, sizeof name);
    rag_date due = a->due;
    bool from_words = false;
    char d[16], s[16], t[96];

    if (a->due_invalid) {
        const char *text = a->due_text ? a->due_text
                                       : rg_vcell_text(c, p, at);
        char why[64];
        rg_emit(c, RAG_RULE_DATE_INVALID, p, at, a->ref, NULL,
                "%s's date is not a real date%s%s%s%s", ref,
                text ? ": '" : "",
                text ? rg_vshort(text, 60, t, sizeof t) : "",
                text ? "'" : "", rg_vdate_why(text, why, sizeof why));
        return;
    }
    if (!due.year && a->due_text && rg_vdue_from_text(a->due_text, &due))
        from_words = true;
    if (!due.year || rg_vdays(due) >= rg_vdays(c->as_of) ||
        !rg_rule_on(c, RAG_RULE_MILESTONE_OVERDUE) || is_complete(r, i))
        return;
    if (from_words)
        rg_emit(c, RAG_RULE_MILESTONE_OVERDUE, p, at, a->ref, NULL,
                "%s was due '%s' (by %s) and is not marked complete (as of "
                "%s)",
                ref, rg_vshort(a->due_text, 50, t, sizeof t),
                rg_vdate(due, d), rg_vdate(c->as_of, s));
    else
        rg_emit(c, RAG_RULE_MILESTONE_OVERDUE, p, at, a->ref, NULL,
                "%s was due %s and is not marked complete (as of %s)", ref,
                rg_vdate(due, d), rg_vdate(c->as_of, s));
}

static void leads(rg_vctx *c, const rag_plan *p, const by_ref *r, size_t i)
{
    const rag_action *a = &p->actions[i];
    size_t k, named = 0;
    char name[72];

    if (a->is_parent || (r->has_child && r->has_child[i]))
        return;
    for (k = 0; k < a->lead_count; k++)
        named += !rg_vblank(a->leads[k]);
    if (named)
        return;
    /* a child under a heading that names its lead ("R2 ... | J Smith",
     * "R2a" and "R2b" left blank) is that lead's: it has one */
    if (!rg_vblank(a->parent)) {
        size_t up = find_ref(r, a->group, a->parent);
        if (up != (size_t)-1)
            for (k = 0; k < p->actions[up].lead_count; k++)
                if (!rg_vblank(p->actions[up].leads[k]))
                    return;
    }
    rg_emit(c, RAG_RULE_LEAD_MISSING, p,
            a->lead_cell.set ? a->lead_cell : a->cell, a->ref, NULL,
            "%s has no lead: expected the name of who is responsible",
            rg_vaction(p, a, name, sizeof name));
}

void rg_check_actions(rg_vctx *c, const rag_plan *p)
{
    by_ref r;
    size_t i, n = p->action_count, *tmp = NULL;

    if (!n)
        return;
    memset(&r, 0, sizeof r);
    r.actions = p->actions;
    r.by_group = p->refs_by_group;
    r.order = rg_malloc(n * sizeof *r.order);
    tmp = rg_malloc(n * sizeof *tmp);
    r.has_child = rg_calloc(n, sizeof *r.has_child);
    r.kids = rg_calloc(n, sizeof *r.kids);
    r.kids_done = rg_calloc(n, sizeof *r.kids_done);
    if (!r.order || !tmp || !r.has_child || !r.kids || !r.kids_done) {
        c->status = RAG_ERR_NOMEM;
        goto done;
    }
    for (i = 0; i < n; i++)
        if (!rg_vblank(p->actions[i].ref))
            r.order[r.count++] = i;
    sort_order(&r, r.order, tmp, r.count);
    for (i = 0; i < n; i++) {
        size_t parent;
        if (rg_vblank(p->actions[i].parent))
            continue;
        parent = find_ref(&r, p->actions[i].group, p->actions[i].parent);
        if (parent == (size_t)-1)
            continue;
        r.has_child[parent] = true;
        if (!rg_vblank(p->actions[i].ref)) {
            r.kids[parent]++;
            r.kids_done[parent] += own_complete(&p->actions[i]);
        }
    }
    refs(c, p, &r);
    for (i = 0; i < n && c->status == RAG_OK; i++) {
        dates(c, p, &r, i);
        leads(c, p, &r, i);
    }
done:
    rg_free(tmp);
    rg_free(r.order);
    rg_free(r.has_child);
    rg_free(r.kids);
    rg_free(r.kids_done);
}
