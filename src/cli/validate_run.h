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
    char **files;               /* as given */
    size_t file_count;
    size_t jobs;                /* threads, >= 1 */
    bool json;                  /* --format json, else text */
    bool colour;                /* colour the text (stdout is a terminal) */
    bool progress;              /* a progress line on stderr */
    const char *report;         /* --report OUT.xlsx, or NULL */
    rag_model_options model;
    rag_validate_options rules;
} vrun_config;

/* Run the validation; returns the exit status (0, 1 or 2). */
int vrun(const vrun_config *cfg);

#endif
