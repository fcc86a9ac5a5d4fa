/*
 * The model: construction, ownership, names and dates.  Recognition
 * (src/recognise/) fills it; the JSON writer (json.c) prints it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/model_impl.h"

void *rg_vec_push(void **items, size_t *count, size_t elem)
{
    size_t cap = 0;
    char *p;

    /* The capacity rg_grow gave the array: 8, 16, 32, ... */
    if (*count) {
        cap = 8;
        while (cap < *count)
            cap *= 2;
    }
    if (!rg_grow(items, &cap, *count + 1, elem))
        return NULL;
    p = (char *)*items + *count * elem;
    memset(p, 0, elem);
    (*count)++;
    return p;
}

void *rg_model_alloc(rag_model *m, size_t size)
{
    void *p = rg_arena_alloc(&m->impl->arena, size ? size : 1);
    if (p)
        memset(p, 0, size ? size : 1);
    return p;
}

char *rg_model_strndup(rag_model *m, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
        n--;
    return rg_arena_strndup(&m->impl->arena, s, n);
}

rag_model *rg_model_new(const rag_workbook *wb)
{
    rag_model *m = rg_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->impl = rg_calloc(1, sizeof *m->impl);
    if (!m->impl) {
        rg_free(m);
        return NULL;
    }
    rg_arena_init(&m->impl->arena, 0);
    m->wb = wb;
    if (wb && wb->path)
        m->file = rg_arena_strdup(&m->impl->arena, wb->path);
    return m;
}

void rg_plan_free_parts(rag_plan *p)
{
    rg_free(p->fields);
    rg_free(p->legend);
    rg_free(p->actions);
    rg_free(p->indicators);
    rg_free(p->milestones);
    rg_free(p->periods);
    rg_free(p->header_rows);
}

void rag_model_free(rag_model *m)
{
    size_t i;

    if (!m)
        return;
    for (i = 0; i < m->plan_count; i++)
        rg_plan_free_parts(&m->plans[i]);
    rg_free(m->plans);
    if (m->impl)
        rg_arena_free(&m->impl->arena);
    rg_free(m->impl);
    rg_free(m);
}

/* ---- names ------------------------------------------------------------ */

const char *rag_progress_name(rag_progress p)
{
    switch (p) {
    case RAG_PROGRESS_NONE: return NULL;
    case RAG_PROGRESS_PROGRAMMED: return "programmed";
    case RAG_PROGRESS_ON_TARGET: return "on_target";
    case RAG_PROGRESS_ONE_MONTH_BEHIND: return "one_month_behind";
    case RAG_PROGRESS_OVER_ONE_MONTH_BEHIND: return "over_one_month_behind";
    case RAG_PROGRESS_REPROGRAMMED: return "reprogrammed";
    case RAG_PROGRESS_SUSPENDED: return "suspended";
    case RAG_PROGRESS_COMPLETE: return "complete";
    }
    return NULL;
}

const char *rag_rating_name(rag_rating r)
{
    switch (r) {
    case RAG_RATING_NONE: return NULL;
    case RAG_RATING_RED: return "red";
    case RAG_RATING_AMBER: return "amber";
    case RAG_RATING_GREEN: return "green";
    }
    return NULL;
}

const char *rag_rating_word(rag_rating r)
{
    switch (r) {
    case RAG_RATING_NONE: return NULL;
    case RAG_RATING_RED: return "RED";
    case RAG_RATING_AMBER: return "AMBER";
    case RAG_RATING_GREEN: return "GREEN";
    }
    return NULL;
}

const char *rag_unit_name(rag_unit u)
{
    switch (u) {
    case RAG_UNIT_NONE: return NULL;
    case RAG_UNIT_PERCENT: return "percent";
    case RAG_UNIT_DAYS: return "days";
    case RAG_UNIT_COUNT: return "count";
    case RAG_UNIT_GBP: return "gbp";
    }
    return NULL;
}

const char *rag_direction_name(rag_direction d)
{
    switch (d) {
    case RAG_HIGHER_IS_BETTER: return "higher_is_better";
    case RAG_LOWER_IS_BETTER: return "lower_is_better";
    case RAG_WITHIN_BAND: return "within_band";
    }
    return NULL;
}

const char *rag_plan_kind_name(rag_plan_kind k)
{
    switch (k) {
    case RAG_PLAN_TRACKER: return "tracker";
    case RAG_PLAN_ACTION: return "action_plan";
    case RAG_PLAN_INDICATOR: return "indicator_plan";
    case RAG_PLAN_RECOVERY: return "recovery_plan";
    case RAG_PLAN_SCORECARD: return "scorecard";
    }
    return NULL;
}

/* ---- ratings ---------------------------------------------------------- */

rag_rating rag_rate(double target, double actual, rag_direction d,
                    double tolerance)
{
    /* Compare at the precision figures are written to, so that 0.9 read
     * from "90%" meets a target of 0.9. */
    double eps = 1e-9 * (fabs(target) > 1 ? fabs(target) : 1);
    double band = tolerance * fabs(target);
    double gap;

    if (!isfinite(target) || !isfinite(actual))
        return RAG_RATING_NONE;
    switch (d) {
    case RAG_HIGHER_IS_BETTER:
        gap = target - actual;
        break;
    case RAG_LOWER_IS_BETTER:
        gap = actual - target;
        break;
    case RAG_WITHIN_BAND:
        gap = fabs(actual - target);
        /* a band around nothing ("+/- 1%" of budget variance): a share of
         * a zero target is no band, so the tolerance is the band itself,
         * in the target's unit */
        if (fabs(target) <= eps)
            band = tolerance;
        if (gap <= band + eps)
            return RAG_RATING_GREEN;
        return gap <= 2 * band + eps ? RAG_RATING_AMBER : RAG_RATING_RED;
    default:
        return RAG_RATING_NONE;
    }
    if (gap <= eps)
        return RAG_RATING_GREEN;
    return gap <= band + eps ? RAG_RATING_AMBER : RAG_RATING_RED;
}

/* ---- dates ------------------------------------------------------------ */

char *rag_date_format(rag_date d, char *buf)
{
    if (!d.year) {
        buf[0] = '\0';
        return buf;
    }
    {
        char tmp[48];
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.year % 10000,
                 d.month >= 1 && d.month <= 12 ? d.month : 0,
                 d.day >= 1 && d.day <= 31 ? d.day : 0);
        memcpy(buf, tmp, 10);
        buf[10] = '\0';
    }
    return buf;
}

long rag_date_days(rag_date d)
{
    if (!d.year)
        return 0;
    return rg_days_from_civil(d.year, (unsigned)d.month, (unsigned)d.day);
}

rag_date rag_date_today(void)
{
    rag_date d = {0, 0, 0};
    time_t now = time(NULL);
    struct tm tm;

    if (localtime_r(&now, &tm)) {
        d.year = tm.tm_year + 1900;
        d.month = tm.tm_mon + 1;
        d.day = tm.tm_mday;
    }
    return d;
}
