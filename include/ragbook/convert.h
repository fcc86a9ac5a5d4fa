/*
 * ragbook convert and consolidate: the workbooks users get back.
 *
 * rag_convert() edits one council workbook in place (edit.h: every part it
 * does not change, charts, images, comments, conditional formats,
 * protection, macros, is kept byte for byte) into an updated, colour-coded
 * workbook: a Summary sheet first (per kind of plan: actions by status in the
 * workbook's own words and colours, indicators with target, actual,
 * variance and RAG, recovery plans' pressure, savings and shortfall; the
 * findings; overdue items linked to their rows; charts where they help;
 * see docs/convert.md; made with libxlsxwriter and grafted in), then every
 * input sheet as it was, with its status and RAG cells coloured, computed columns beside each table,
 * a computed check beside each form and drop-down lists on the cells a
 * service fills in next time, then an Issues sheet (one row per finding,
 * linked to its cell).  Converting the output again recognises the same
 * plans and, under the same file name, the same bytes: what ragbook adds
 * is marked with hidden defined names whose names start "_ragbook_" (see
 * docs/convert.md), and is replaced, not repeated.
 *
 * rag_consolidate() reads many workbooks into one for finance: a Summary
 * of live formulas (totals by directorate and by RAG over the detail
 * sheets, each with its computed value cached), one sheet per plan kind
 * with a row per plan, indicator or action and its source file and cell,
 * and an Issues sheet with everything validation found.
 *
 * Both write to a temporary file beside the target and rename it into
 * place only when complete; an input is never overwritten.  The same
 * inputs and options give the same bytes (fixed document times).
 */
#ifndef RAGBOOK_CONVERT_H
#define RAGBOOK_CONVERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/error.h"
#include "ragbook/model.h"
#include "ragbook/validate.h"
#include "ragbook/write.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rag_convert_options {
    /* As-of date and tolerance for recognition (--as-of, --tolerance). */
    rag_model_options model;
    /* Rules for the Issues sheet (--rule); its as_of and tolerance follow
     * model's when left zero. */
    rag_validate_options validate;
    /* Document time, seconds since 1970 UTC; 0 gives 2000-01-01. */
    int64_t created;
} rag_convert_options;

/* What a conversion did. */
typedef struct rag_convert_report {
    rag_date as_of;                 /* the date everything was judged at */
    size_t plans;                   /* plans recognised */
    size_t findings;                /* rows on the Issues sheet */
    size_t errors, warnings, infos; /* findings by severity */
    size_t losses[RAG_LOSS_COUNT];  /* what could not be kept: all zero
                                       since convert edits in place */
} rag_convert_report;

/*
 * Convert the workbook at in into out.  opts may be NULL (today's or the
 * workbook's date, every rule at its default); report may be NULL.
 *
 * Returns RAG_OK when out is in place.  Otherwise nothing is left at out:
 * RAG_ERR_NOT_XLSX, RAG_ERR_ZIP, RAG_ERR_XML, RAG_ERR_FORMAT or
 * RAG_ERR_LIMIT when in cannot be read (err->file is in), RAG_ERR_USAGE
 * when out is in, RAG_ERR_IO or RAG_ERR_WRITE when out cannot be written
 * (err->file is out), RAG_ERR_NOMEM.
 *
 * @code
 *     rag_convert_options o = {0};
 *     rag_convert_report r;
 *     rag_error err;
 *     o.model.as_of = (rag_date){2009, 9, 7};
 *     if (rag_convert("wm8.xlsx", "wm8-rag.xlsx", &o, &r, &err) != RAG_OK)
 *         ... err.file names the file that failed ...
 * @endcode
 */
RAG_API rag_status rag_convert(const char *in, const char *out,
                               const rag_convert_options *opts,
                               rag_convert_report *report, rag_error *err);

/* What a consolidation did. */
typedef struct rag_consolidate_report {
    rag_date as_of;           /* the option's date, else today */
    size_t files_read;        /* inputs read and recognised */
    size_t files_unreadable;  /* inputs listed on Issues as unreadable */
    size_t files_skipped;     /* inputs that are ragbook's own outputs
                                 (a consolidated workbook, a validation
                                 report): not returns, not read */
    size_t plans;             /* plans counted: across the readable
                                 inputs, each duplicate once */
    size_t duplicates;        /* copies of a plan left out, the same plan
                                 being in another input (plan-duplicate) */
    size_t findings;          /* rows on the Issues sheet */
    size_t errors, warnings, infos;
} rag_consolidate_report;

/*
 * Consolidate count workbooks into out.  An input that cannot be read is
 * not fatal: its error goes to file_errors[i] (an array of count entries,
 * may be NULL; entries of readable inputs are cleared), it gets a
 * file-unreadable row on the Issues sheet, and the workbook is written
 * from the others (report->files_unreadable says how many).  Each input
 * is judged at opts->model.as_of when given, else at its own report date,
 * else today.
 *
 * The same plan in two inputs ("return.xlsx" and "Copy of return.xlsx";
 * see plan-duplicate in docs/rules.md) is counted once: the copy with the
 * later report date is kept, else the one with the later file name; the
 * others get a plan-duplicate row on Issues saying which was kept, and
 * their findings are left out when nothing else of their sheet or file
 * is kept.  An input that is ragbook's own output (marked by the defined
 * name _ragbook_output) is not a return: it is skipped.  Files are named
 * by their path relative to the folder all inputs share.
 *
 * Returns RAG_OK when out is in place (even with unreadable inputs);
 * RAG_ERR_USAGE for no inputs or an out that is an input; RAG_ERR_IO,
 * RAG_ERR_WRITE or RAG_ERR_NOMEM with nothing left at out.
 */
RAG_API rag_status rag_consolidate(const char *const *in, size_t count,
                                   const char *out,
                                   const rag_convert_options *opts,
                                   rag_error *file_errors,
                                   rag_consolidate_report *report,
                                   rag_error *err);

#ifdef __cplusplus
}
#endif
#endif
