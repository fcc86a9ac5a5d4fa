/*
 * plan-duplicate: the same plan in two files of one run ("Parks
 * return.xlsx" and "Copy of Parks return.xlsx", or last month's return
 * left beside this month's).  Unlike the other rules it compares files, so
 * it is not part of rag_validate(): a run keeps a set of the plans it has
 * seen (their identities only, so models can be freed as the run goes),
 * and checks each new file's plans against it.  Internal (rg_).
 *
 * Two plans are the same plan when they are of the same kind and
 *   - both have a reference (a recovery plan's "FRB/23/007", a performance
 *     action plan's indicator code "DP 11") and it is the same; or,
 *     when either has none,
 *   - both have a title, the title and the sheet are the same, and the
 *     plans are one service's: both name the same owner, or (where either
 *     names none) their content is the same, or their actions' leads are
 *     the same people.  A council's template gives every service the same
 *     title and sheet name; the owner, else what is in the plan and who
 *     leads it, tells their plans apart (last month's return beside this
 *     month's keeps its actions and leads); or, when either has no title,
 *   - the sheet and the content (every action's ref and text, indicator,
 *     milestone) are the same.
 * Words are compared ignoring case, outer and repeated spaces; references
 * ignoring spaces too ("DP 11" is "DP11").  Two different references are
 * never the same plan, whatever the titles say.
 */
#ifndef RG_VALIDATE_DUPLICATE_H
#define RG_VALIDATE_DUPLICATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/validate.h"

/* One plan's identity.  Strings belong to the set that holds it. */
typedef struct rg_plan_id {
    rag_plan_kind kind;
    const char *file;        /* as the findings name it */
    const char *sheet;
    size_t sheet_index;
    rag_loc cell;
    size_t plan_index;       /* in its model */
    rag_date as_of;          /* the plan's report date, else the
                                workbook's when found in it; year 0: none */
    const char *ref;         /* normalised reference, or NULL */
    const char *title;       /* normalised title, or NULL */
    const char *owner;       /* normalised owner, or NULL */
    const char *sheet_key;   /* normalised sheet name */
    uint64_t content;        /* hash of the content; 0 when it has none */
    uint64_t leads;          /* hash of the set of its actions' leads;
                                0 when none is named */
} rg_plan_id;

typedef struct rg_plan_set rg_plan_set; /* rag_plan_set in validate.h */

/* A new, empty set; NULL on no memory. */
rg_plan_set *rg_plan_set_new(void);
void rg_plan_set_free(rg_plan_set *s);

/* Add the identity of every plan of m, under the file name file (NULL:
 * m->file).  RAG_ERR_NOMEM leaves the set as it was but for the plans
 * already added. */
rag_status rg_plan_set_add_model(rg_plan_set *s, const rag_model *m,
                                 const char *file, rag_error *err);

/* Add a copy of id (from another set). */
rag_status rg_plan_set_put(rg_plan_set *s, const rg_plan_id *id,
                           rag_error *err);

size_t rg_plan_set_count(const rg_plan_set *s);
const rg_plan_id *rg_plan_set_get(const rg_plan_set *s, size_t i);

/* The first plan of s that is the same plan as id (see above), or NULL;
 * its index in *index when found (index may be NULL). */
const rg_plan_id *rg_plan_set_find(const rg_plan_set *s,
                                   const rg_plan_id *id, size_t *index);

/* true when a and b are the same plan (see above). */
bool rg_plan_same(const rg_plan_id *a, const rg_plan_id *b);

/* How a and b were found to be the same: "reference FRB/23/007",
 * "title, sheet and owner", "title, sheet and actions", "title, sheet and
 * leads", "sheet and content".  Static text or into buf. */
const char *rg_plan_same_why(const rg_plan_id *a, const rg_plan_id *b,
                             char *buf, size_t size);

/*
 * Add the plan-duplicate finding for dup, the same plan as other, to
 * list: on dup's file, sheet and cell, naming other's file.  note (may be
 * NULL) is added to the message (consolidate says which it kept).
 * Nothing is added when opts switches the rule off.  RAG_OK or
 * RAG_ERR_NOMEM.
 */
rag_status rg_plan_duplicate_add(rag_findings *list,
                                 const rag_validate_options *opts,
                                 const rg_plan_id *dup,
                                 const rg_plan_id *other, const char *note,
                                 rag_error *err);

/* The later of two copies, as consolidate keeps it: the later report
 * date, else the later file name (the name after the last '/'), else the
 * later path.  true when b is to be kept over a. */
bool rg_plan_later(const rg_plan_id *a, const rg_plan_id *b);

#endif
