/*
 * Merge internals (rg_mg_): the session, the master's rows, the candidate
 * changes of every return before conflicts are settled.
 *
 *   merge.c         the session: open, add, the master's rows, accessors
 *   merge_match.c   plans matched by kind, sheet and title
 *   merge_rows.c    one return against the master: plans, rows, leads
 *   merge_diff.c    one matched row's fields: the changes it proposes
 *   merge_history.c what earlier merges changed, and the stamp
 *   merge_sheet.c   the Changes sheet
 *   merge_cells.c   cell text, values and places both sides share
 *   merge_finish.c  conflicts, unchanged rows, rows not returned
 *   merge_write.c   the output, through the package editor
 */
#ifndef RG_OUTPUTS_MERGE_IMPL_H
#define RG_OUTPUTS_MERGE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/merge.h"
#include "ragbook/write.h"
#include "util/util.h"

/* What a master row is. */
typedef enum rg_mg_kind {
    RG_MG_ACTION = 0, RG_MG_INDICATOR, RG_MG_PERIOD
} rg_mg_kind;

/* One row of the master that a return can change. */
typedef struct rg_mg_row {
    size_t plan, item;      /* the plan, and the action/indicator/period */
    rg_mg_kind kind;
    const char *key;        /* ref, code or label, normalised (arena) */
    const char *name;       /* as written: "R1a", "DP 11", "Q2" */
    bool heading;           /* a heading row: never chased */
    bool returned;          /* some return answered for it */
    bool changed;           /* some return changed it (applied or not) */
} rg_mg_row;

/* A month column of a master plan: where month ym (year * 12 + month - 1)
 * is. */
typedef struct rg_mg_mcol {
    long ym;
    uint32_t col;
} rg_mg_mcol;

/* Markers of a merged workbook (see merge_history.c). */
#define RG_MG_MARK_CHANGES "_ragbook_changes"
#define RG_MG_MARK_STAMP "_ragbook_merged"

/* One row of the Changes sheet of an earlier merge: its seven columns
 * (sheet, cell, ref, field, old, new, return) and the cell it names. */
#define RG_MG_HIST_COLS 7
#define RG_MG_HIST_OLD 4
typedef struct rg_mg_hist {
    size_t sheet_index;
    uint32_t row, col;
    size_t order;           /* its row's order on the sheet */
    const char *cols[RG_MG_HIST_COLS];
} rg_mg_hist;

/* A change one return proposes, before the returns are compared. */
typedef struct rg_mg_cand {
    rag_merge_change c;
    size_t row;             /* in mg->rows */
    size_t seq;             /* the order it was proposed in */
    const char *key;        /* what two returns are compared by */
} rg_mg_cand;

struct rag_merge {
    rag_merge_options o;
    char *master;
    rag_workbook *wb;
    rag_model *m;
    rg_arena arena;         /* every string the merge hands out */

    rg_mg_row *rows;
    size_t row_count;
    size_t *by_key;         /* rows sorted by (plan, kind, key) */
    size_t *plan_rows;      /* per master plan: rows that can be chased */
    const char **codes;     /* per master plan x status: the text its
                               month cells hold for that status, or NULL */
    rg_mg_mcol *mcols;      /* the month columns of every plan, plan by */
    size_t *mcol_start;     /* plan: plan p's are [start[p], start[p+1]) */

    rg_mg_hist *hist;       /* earlier merges' changes, in sheet order */
    rg_mg_hist *hist_sorted; /* the same by cell, for lookups */
    size_t hist_count;
    const char *stamp;      /* the master's _ragbook_merged, or NULL */

    rg_mg_cand *cand;
    size_t cand_count, cand_cap;
    rag_merge_change *changes;
    size_t change_count;
    rag_findings *found;
    rag_merge_chase *chase;
    size_t chase_count;

    const char **paths;     /* every return added, as given */
    size_t path_count, path_cap;
    size_t returns, unreadable, unknown_refs, no_match, conflicts,
        unchanged, not_returned;
    bool finished;
    rag_status finish_status;
};

/* ---- merge.c ----------------------------------------------------------- */

/* The master row of plan with kind and key (normalised), or SIZE_MAX. */
size_t rg_mg_find_row(const rag_merge *mg, size_t plan, rg_mg_kind kind,
                      const char *key);
/* Normalise a ref or code for matching into buf: lower case, no spaces
 * ("DP 11" and "dp11" are one code). */
const char *rg_mg_key(const char *s, char *buf, size_t size);
const char *rg_mg_action_key(const rag_plan *p, const rag_action *a,
                             char *buf, size_t size);
/* Add a finding of rule id; strings are copied. */
rag_status rg_mg_finding(rag_merge *mg, rag_rule_id id, const char *file,
                         const char *sheet, size_t sheet_index,
                         const rag_loc *at, const char *ref, rag_error *err,
                         const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));

/* ---- merge_match.c ----------------------------------------------------- */

/* true when the two titles are the same words (case and spaces aside). */
bool rg_mg_same_words(const char *a, const char *b);

/* ---- merge_rows.c ------------------------------------------------------ */

/* List the changes of return rm (added as return number index, called
 * name), its unknown refs and unmatched plans, and mark the master rows
 * it answers for. */
rag_status rg_mg_diff(rag_merge *mg, const rag_model *rm, const char *name,
                      size_t index, rag_error *err);

/* ---- merge_diff.c ------------------------------------------------------ */

/* One return being diffed against the master. */

/* Flags per master row, for the return being diffed. */
enum { RG_MG_PRESENT = 1, RG_MG_CHANGED = 2 };

typedef struct rg_mg_dctx {
    rag_merge *mg;
    const rag_model *rm;
    const rag_workbook *rwb;
    const char *name;
    size_t index;
    size_t mpi;                 /* the master plan being diffed */
    const rag_plan *mp, *rp;
    rg_arena scratch;           /* texts compared, freed with the return */
    unsigned char *flags;       /* per master row */
    bool stale_check;           /* made before the master's last merge */
    rag_error *err;
    rag_status st;
} rg_mg_dctx;

/* Note out of memory in d (once) and return it. */
rag_status rg_mg_nomem(rg_mg_dctx *d);
/* Propose the changes of one matched row: the master's and the return's
 * action, indicator or quarter. */
void rg_mg_diff_action(rg_mg_dctx *d, size_t row, const rag_action *ma,
                       const rag_action *ra);
void rg_mg_diff_indicator(rg_mg_dctx *d, size_t row, const rag_indicator *mi,
                          const rag_indicator *ri);
void rg_mg_diff_period(rg_mg_dctx *d, size_t row, const rag_period *mq,
                       const rag_period *rq);

/* ---- merge_cells.c ----------------------------------------------------- */

/* The loaded cell at loc on sheet `sheet` of wb, or NULL. */
const rag_cell *rg_mg_cell(const rag_workbook *wb, size_t sheet,
                           rag_loc loc);
/* A cell's value as a reader says it, into the arena: strings as written
 * (spaces trimmed), numbers in shortest form (a percentage format shows
 * "60%"), dates YYYY-MM-DD, "" for none.  NULL when out of memory. */
const char *rg_mg_text(rg_arena *a, const rag_workbook *wb,
                       const rag_cell *c);
/* true when a and b are the same text once runs of white space are one
 * space and the ends trimmed (NULL is ""). */
bool rg_mg_same_text(const char *a, const char *b);
/* true when the text is empty or white space. */
bool rg_mg_blank(const char *s);
/* The value of return cell rc as it goes into master cell mc (may be
 * NULL): its type and value, a formula's cached result; a date as a
 * 1900-system serial, with a date format when mc has none.  false when rc
 * holds nothing to write (empty, an error value). */
bool rg_mg_value(rg_arena *a, const rag_workbook *rwb, const rag_cell *rc,
                 const rag_workbook *mwb, const rag_cell *mc,
                 rag_merge_value *out);
/* true when the cell has a solid fill. */
bool rg_mg_filled(const rag_workbook *wb, const rag_cell *c);

/* ---- merge_history.c ---------------------------------------------------- */

/* The sheet a marker value "'Sheet'!$A$1" names in wb, or -1. */
long rg_mg_marked_sheet(const rag_workbook *wb, const char *value);
/* The defined name called name (ASCII case ignored), or NULL. */
const rag_defined_name *rg_mg_name(const rag_workbook *wb, const char *name);
/* The _ragbook_merged stamp of wb into buf ("" for none). */
const char *rg_mg_stamp_of(const rag_workbook *wb, char *buf, size_t size);
/* Read the master's stamp and its Changes sheet; false on no memory. */
bool rg_mg_read_history(rag_merge *mg);
/* true when value is one the history says the cell had before a merge. */
bool rg_mg_stale(const rag_merge *mg, size_t sheet, uint32_t row,
                 uint32_t col, const char *value);
/* The stamp of the output: a hash of its history, into buf (>= 17). */
void rg_mg_new_stamp(const rag_merge *mg, char *buf, size_t size);
/* The file name of path. */
const char *rg_mg_basename(const char *path);

/* ---- merge_sheet.c ------------------------------------------------------ */

/* Fill ws with the Changes sheet (see merge_sheet.c). */
rag_status rg_mg_changes_sheet(rag_writer *w, rag_wsheet *ws, rag_merge *mg,
                               rag_error *err);

#endif
