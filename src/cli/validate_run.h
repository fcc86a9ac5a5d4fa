/*
 * ragbook validate, the running part: each file is read, recognised and
 * validated on a pool of threads, and its findings are printed in the
 * order the files were given, whatever the number of threads.
 */
#ifndef RG_CLI_VALIDATE_RUN_H
#define RG_CLI_VALIDATE_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "ragbook/ragbook.h"

typedef struct vrun_config {
    char **files;               /* the workbooks, in order (inputs.h) */
    size_t file_count;
    size_t skipped;             /* left out already (lock files), for the
                                   closing summary */
    bool trouble;               /* something given could not be used: the
                                   status is at least 2 */
    size_t jobs;                /* threads, >= 1 */
    bool json;                  /* --format json, else text */
    bool colour;                /* colour the text (stdout is a terminal) */
    bool progress;              /* a progress line on stderr */
    bool quiet;                 /* findings only: no progress, no lines
                                   about skipped files, no summary */
    rag_severity least;         /* the least severe finding shown (INFO
                                   for all); counts and the exit status
                                   take every finding */
    double started;             /* when the run began (monotonic seconds) */
    const char *report;         /* --report OUT.xlsx, or NULL */
    rag_model_options model;
    rag_validate_options rules;
} vrun_config;

/* Run the validation; returns the exit status (0, 1 or 2).  Ends with a
 * summary line on stderr (unless quiet): files checked, clean, with
 * errors, with warnings, unreadable, skipped, the time taken. */
int vrun(const vrun_config *cfg);

/* Seconds on the monotonic clock. */
double vrun_now(void);

#endif
