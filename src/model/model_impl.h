/*
 * The model's insides, shared by src/model/ and the recognisers that fill
 * it (src/recognise/).  Strings, leads and month lists live in the model's
 * arena; the per-plan arrays (fields, legend, actions, indicators,
 * milestones, periods, header rows) and the plan array are grown on the
 * heap with rg_vec_push() and freed by rag_model_free().
 */
#ifndef RG_MODEL_IMPL_H
#define RG_MODEL_IMPL_H

#include "ragbook/model.h"
#include "util/util.h"

struct rg_model_impl {
    rg_arena arena;
};

/* Append one zeroed element of size elem to *items (of *count elements),
 * growing it by doubling.  Returns the new element, or NULL when out of
 * memory (then *items and *count are unchanged). */
void *rg_vec_push(void **items, size_t *count, size_t elem);

/* A copy of s[0..n) in the model's arena, trimmed of surrounding white
 * space; NULL when out of memory. */
char *rg_model_strndup(rag_model *m, const char *s, size_t n);

/* Memory from the model's arena, zeroed; NULL when out of memory. */
void *rg_model_alloc(rag_model *m, size_t size);

/* A new, empty model (file may be NULL); NULL when out of memory. */
rag_model *rg_model_new(const rag_workbook *wb);
/* Free what a plan holds outside the model's arena (its arrays); the
 * plan itself stays in m->plans for the caller to drop. */
void rg_plan_free_parts(rag_plan *p);

#endif
