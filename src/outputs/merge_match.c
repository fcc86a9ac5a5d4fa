/*
 * Which plan of the master a return's plan is: the same kind, then the
 * same sheet and title, the same sheet, the same title, and for a
 * performance action plan the same indicator code.  A service may rename
 * its copy's sheet or retitle the plan, but not both.
 */
#include <ctype.h>
#include <string.h>

#include "outputs/merge_impl.h"

bool rg_mg_same_words(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    for (;;) {
        while (*a && !isalnum((unsigned char)*a))
            a++;
        while (*b && !isalnum((unsigned char)*b))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++;
        b++;
    }
}

/* The code of an indicator plan's (first) indicator, normalised. */
static const char *plan_code(const rag_plan *p, char *buf, size_t size)
{
    buf[0] = '\0';
    if (p->kind == RAG_PLAN_INDICATOR && p->indicator_count == 1 &&
        p->indicators[0].code)
        rg_mg_key(p->indicators[0].code, buf, size);
    return buf;
}

/* How well master plan mp fits return plan rp: 0 not at all, higher is
 * better. */
static int fit(const rag_plan *mp, const rag_plan *rp)
{
    char a[128], b[128];
    bool sheet, title;

    if (mp->kind != rp->kind)
        return 0;
    sheet = mp->sheet && rp->sheet && rg_streq_nocase(mp->sheet, rp->sheet);
    title = rg_mg_same_words(mp->title, rp->title) ||
            (!mp->title && !rp->title);
    plan_code(mp, a, sizeof a);
    plan_code(rp, b, sizeof b);
    if (a[0] && b[0] && strcmp(a, b))
        return 0; /* two forms for two indicators are two plans */
    if (sheet && title)
        return 4;
    if (sheet)
        return 3;
    if (a[0] && b[0])
        return 2; /* the same indicator's form on a renamed sheet */
    if (title && mp->title)
        return 1;
    return 0;
}

void rag_merge_match(const rag_model *master, const rag_model *ret,
                     size_t *match)
{
    size_t i, j;
    int want;

    if (!master || !ret || !match)
        return;
    for (i = 0; i < ret->plan_count; i++)
        match[i] = SIZE_MAX;
    /* best fits first, so a weak fit never takes a plan a strong one
     * needs; within a level, plans in order (the first of two plans with
     * the same title on renamed sheets takes the first master plan) */
    for (want = 4; want >= 1; want--) {
        for (i = 0; i < ret->plan_count; i++) {
            if (match[i] != SIZE_MAX)
                continue;
            for (j = 0; j < master->plan_count; j++) {
                size_t k;
                bool taken = false;
                if (fit(&master->plans[j], &ret->plans[i]) != want)
                    continue;
                for (k = 0; k < ret->plan_count && !taken; k++)
                    taken = match[k] == j;
                if (!taken) {
                    match[i] = j;
                    break;
                }
            }
        }
    }
}
