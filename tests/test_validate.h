/*
 * Shared by the validation tests: models are built by hand from static
 * data (never by rag_model_build), then validated, and the findings are
 * looked up by rule.
 */
#ifndef RG_TEST_VALIDATE_H
#define RG_TEST_VALIDATE_H

#include <string.h>

#include "support.h"

#include "ragbook/validate.h"

/* A cell, 0-based, as the model holds it. */
static inline rag_loc at(uint32_t row, uint32_t col)
{
    rag_loc l = {row, col, true};
    return l;
}

static inline rag_date ymd(int y, int m, int d)
{
    rag_date x = {y, m, d};
    return x;
}

/* A model of one plan, judged at as_of. */
static inline rag_model one_plan(rag_plan *p, rag_date as_of)
{
    rag_model m;
    memset(&m, 0, sizeof m);
    m.file = "in.xlsx";
    m.as_of = as_of;
    m.as_of_found = true;
    m.plans = p;
    m.plan_count = 1;
    return m;
}

/* Validate m with opts (NULL: defaults); the run must succeed. */
static inline rag_findings *run(const rag_model *m,
                                const rag_validate_options *opts)
{
    rag_findings *found = NULL;
    rag_error err;
    rag_error_clear(&err);
    assert_int_equal(rag_validate(m, opts, &found, &err), RAG_OK);
    assert_non_null(found);
    return found;
}

static inline size_t count_rule(const rag_findings *f, rag_rule_id id)
{
    size_t i, n = 0;
    for (i = 0; i < f->count; i++)
        n += f->items[i].rule_id == id;
    return n;
}

/* The n-th (0-based) finding of rule id, or NULL. */
static inline const rag_finding *nth_rule(const rag_findings *f,
                                          rag_rule_id id, size_t n)
{
    size_t i;
    for (i = 0; i < f->count; i++)
        if (f->items[i].rule_id == id && n-- == 0)
            return &f->items[i];
    return NULL;
}

static inline const rag_finding *first_rule(const rag_findings *f,
                                            rag_rule_id id)
{
    return nth_rule(f, id, 0);
}

/* "A41" for a finding's cell. */
static inline const char *cell_of(const rag_finding *f, char *buf)
{
    if (!f->has_cell)
        return "";
    return rag_cell_ref_format(f->row, f->col, buf);
}

#endif
