/*
 * ragbook merge: the services' returns brought into the master tracker.
 *
 * The performance team sends each service its rows of a master workbook;
 * the services send back updated copies (returns).  A merge reads the
 * master and each return, matches the return's plans to the master's (by
 * kind, then sheet name or title), matches rows (actions by ref,
 * indicators by code, quarters by label), and lists what each return
 * changed against the master, field by field:
 *
 *   month      a tracker month's status, read through the return's own key
 *              and written in the master's key colour (and the master's
 *              code, where its month cells hold codes), so a service that
 *              recoloured its copy cannot bring foreign colours in;
 *   status     the words of a status column;
 *   comment    a comment or position statement;
 *   due        a due date;
 *   value      a scorecard row's period value;
 *   actual     an indicator's performance this period;
 *   variance   a stated +/- target;
 *   rag        a stated RAG (an indicator's, a quarter's);
 *   narrative  a reason for non-compliance, a quarter's narrative.
 *
 * What a return left empty is never cleared in the master, a cell of the
 * master that holds a formula is never overwritten, and nothing else (a
 * lead, a target, the text of an action) is taken from a return.
 *
 * Two returns that change one master cell differently: neither value is
 * applied and a merge-conflict finding (error) names both files and both
 * values.  A return's ref or code the master lacks: merge-unknown-ref
 * (warning), the row is not added.  A return (or a plan of it) matching no
 * plan of the master: merge-no-match (warning).  A master row that came
 * back unchanged: merge-unchanged (info), listed by lead.  A master row
 * that came back in no return is "not returned", grouped by lead
 * (rag_merge_not_returned()): whom to chase.  A return answers for a lead
 * when it changed one of the lead's rows, or when it holds only some of
 * the master's rows (a copy cut down to one service) and one of them is
 * the lead's.
 *
 * rag_merge_write() writes the master edited in place (every part it had
 * is kept: charts, comments, conditional formatting, macros...) with the
 * changes applied, a Summary sheet first and Issues last as `convert`
 * writes them, and a Changes sheet (one row per changed cell: sheet, cell
 * linked, ref, field, old value, new value, the return it came from).
 * The same inputs and options give the same bytes.
 *
 * @code
 *     rag_merge *mg;
 *     rag_error err;
 *     if (rag_merge_open("master.xlsx", NULL, &mg, &err) != RAG_OK)
 *         ... the master cannot be read: err says why ...
 *     for (i = 0; i < n; i++)
 *         if (rag_merge_add(mg, returns[i], &err) != RAG_OK)
 *             ... unreadable: the merge goes on without it ...
 *     if (rag_merge_write(mg, "merged.xlsx", &err) != RAG_OK) ...
 *     changes = rag_merge_changes(mg, &count);
 *     findings = rag_merge_findings(mg);
 *     rag_merge_free(mg);
 * @endcode
 */
#ifndef RAGBOOK_MERGE_H
#define RAGBOOK_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/error.h"
#include "ragbook/grid.h"
#include "ragbook/model.h"
#include "ragbook/validate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rag_merge_field {
    RAG_MERGE_MONTH = 0,
    RAG_MERGE_STATUS,
    RAG_MERGE_COMMENT,
    RAG_MERGE_DUE,
    RAG_MERGE_VALUE,
    RAG_MERGE_ACTUAL,
    RAG_MERGE_VARIANCE,
    RAG_MERGE_RAG,
    RAG_MERGE_NARRATIVE
} rag_merge_field;
#define RAG_MERGE_FIELD_COUNT 9

/* "month", "status", "comment", "due", "value", "actual", "variance",
 * "rag", "narrative"; NULL out of range. */
RAG_API const char *rag_merge_field_name(rag_merge_field f);

/* What a change writes into the master's cell. */
typedef struct rag_merge_value {
    bool set;             /* false: the value stays (a month's colour only) */
    rag_cell_type type;   /* NUMBER, STRING, BOOL, DATE (number is the
                             1900-system serial) */
    double number;
    const char *text;     /* STRING */
    uint32_t fill;        /* the new solid fill, RAG_NO_COLOR: unchanged */
    const char *numfmt;   /* a number format the cell needs (a date going
                             into a cell formatted as text), or NULL */
} rag_merge_value;

/* One changed cell of the master. */
typedef struct rag_merge_change {
    const char *sheet;    /* the master's sheet */
    size_t sheet_index;
    uint32_t row, col;    /* the master's cell, 0-based */
    const char *ref;      /* the row: action ref, indicator code (or
                             title), quarter label */
    rag_merge_field field;
    const char *period;   /* "2009-09" for a month, "Q2" for a value,
                             else NULL */
    const char *old_text; /* as a reader says it ("" for empty): status
                             words in the master's key, dates YYYY-MM-DD */
    const char *new_text;
    const char *file;     /* the return it came from (the first, when
                             several returns sent the same) */
    size_t return_index;  /* in the order returns were added */
    size_t agreeing;      /* how many returns sent this same value (>= 1) */
    rag_merge_value value;
} rag_merge_change;

/* The rows of one lead that came back in no return. */
typedef struct rag_merge_chase {
    const char *lead;     /* as the master names them; "" for rows with
                             no lead */
    const char *const *refs;
    size_t ref_count;
} rag_merge_chase;

typedef struct rag_merge_options {
    /* As-of date and tolerance for the master and every return. */
    rag_model_options model;
    /* Rules for the Issues sheet's validation of the merged master. */
    rag_validate_options validate;
    /* Document time, seconds since 1970 UTC; 0 gives 2000-01-01. */
    int64_t created;
} rag_merge_options;

/* What a merge found, in counts. */
typedef struct rag_merge_report {
    size_t returns;          /* returns added */
    size_t unreadable;       /* of them, not readable */
    size_t changes;          /* cells changed */
    size_t conflicts;        /* cells left as they were: merge-conflict */
    size_t unknown_refs;     /* merge-unknown-ref */
    size_t no_match;         /* merge-no-match */
    size_t unchanged;        /* rows: merge-unchanged */
    size_t not_returned;     /* rows in no return */
    size_t errors, warnings, infos; /* the merge's findings by severity */
} rag_merge_report;

typedef struct rag_merge rag_merge;

/*
 * Start a merge into the master at path: read it and recognise its plans.
 * opts may be NULL.  On failure (RAG_ERR_NOT_XLSX, RAG_ERR_ZIP, ... with
 * err->file the master) *out is NULL.
 */
RAG_API rag_status rag_merge_open(const char *master,
                                  const rag_merge_options *opts,
                                  rag_merge **out, rag_error *err);

/*
 * Read the return at path, match it and list its changes.  A return that
 * cannot be read is not fatal: its error is returned (err->file is path),
 * a file-unreadable finding is added, and the merge goes on without it.
 * RAG_ERR_USAGE after rag_merge_finish().
 */
RAG_API rag_status rag_merge_add(rag_merge *mg, const char *path,
                                 rag_error *err);

/*
 * The same for a return already read and recognised (name is the file
 * name to report).  m is only read during the call.
 */
RAG_API rag_status rag_merge_add_model(rag_merge *mg, const rag_model *m,
                                       const char *name, rag_error *err);

/*
 * Settle the merge: conflicts out of the changes and into findings,
 * unchanged rows and rows not returned.  Called by rag_merge_write() and
 * by the accessors below when needed; no return can be added after it.
 */
RAG_API rag_status rag_merge_finish(rag_merge *mg, rag_error *err);

/* The changes to apply (conflicts are not among them), in the master's
 * sheet, row and column order.  Valid until rag_merge_free(). */
RAG_API const rag_merge_change *rag_merge_changes(rag_merge *mg,
                                                  size_t *count);

/* The merge's findings: file-unreadable for returns that could not be
 * read, then merge-no-match, merge-unknown-ref, merge-conflict and
 * merge-unchanged (by lead).  Owned by mg. */
RAG_API const rag_findings *rag_merge_findings(rag_merge *mg);

/* The rows no return brought back, by lead (sorted by lead). */
RAG_API const rag_merge_chase *rag_merge_not_returned(rag_merge *mg,
                                                      size_t *count);

/* Counts; finishes the merge when needed. */
RAG_API void rag_merge_get_report(rag_merge *mg, rag_merge_report *out);

/*
 * Write the merged master to out: the master edited in place with the
 * changes applied, Summary first, Changes and Issues last (the Issues
 * sheet lists the merge's findings, then what validation finds in the
 * merged master).  Written to a temporary file beside out and renamed
 * into place; never over the master nor a return (RAG_ERR_USAGE).  On
 * failure nothing is left at out.
 */
RAG_API rag_status rag_merge_write(rag_merge *mg, const char *out,
                                   rag_error *err);

/* Free mg.  NULL is a harmless no-op. */
RAG_API void rag_merge_free(rag_merge *mg);

/*
 * The matching on its own: for each plan i of ret, match[i] is the index
 * of the master's plan it matches, or SIZE_MAX.  A plan matches a plan of
 * the same kind on a sheet of the same name and with the same title;
 * failing that, the same sheet name; failing that, the same title; and an
 * indicator plan also the master's indicator plan with the same code.
 * Each master plan is matched at most once.  match has ret->plan_count
 * entries.
 */
RAG_API void rag_merge_match(const rag_model *master, const rag_model *ret,
                             size_t *match);

#ifdef __cplusplus
}
#endif
#endif
