/*
 * The validation report (`ragbook validate --report OUT.xlsx`): a workbook
 * for the person who chases returns, one row per file and per finding.
 */
#ifndef RAGBOOK_REPORT_H
#define RAGBOOK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "ragbook/validate.h"

#ifdef __cplusplus
extern "C" {
#ifdef __cplusplus
}
#endif
#endif

/* One input file and what validation made of it. */
typedef struct rag_report_file {
    const char *path;              /* as given on the command line */
    size_t plan_count;             /* plans recognised */
    bool unreadable;               /* could not be read as XLSX */
    const char *reason;            /* why, when unreadable; else NULL */
    const rag_findings *findings;  /* may be NULL: none */
} rag_report_file;

/*
 * Write the report to out: a "Files" sheet (one row per file: file,
 * plans found, errors, warnings, infos, and the "Check result" in words
 * and colour: "Errors to correct" or "Could not be read" red, "Warnings to
 * review" or "No plan found" amber, "Passed" green) and a "Findings"
 * sheet (the Issues rows convert writes: file, sheet, cell linked into
 * the file, severity in words and colour, message, rule, ref, period;
 * sorted by file, then severity, then place), each with an autofilter,
 * a frozen header row, and printed A4 landscape, one page wide.
 *
 * Written through rag_writer: to a temporary file beside out, renamed
 * into place only when complete; out is never one of the files' paths
 * (RAG_ERR_USAGE when it is).  Deterministic: the same input gives the
 * same bytes.
 * Returns RAG_OK, RAG_ERR_USAGE, RAG_ERR_NOMEM, RAG_ERR_IO or
 * RAG_ERR_WRITE (err says why, in words).
 */
RAG_API rag_status rag_report_write(const char *out, const rag_report_file *files,
                           size_t count, rag_error *err);

#ifdef __cplusplus
}
#endif
#endif
