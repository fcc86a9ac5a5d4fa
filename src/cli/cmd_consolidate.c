/*
 * ragbook consolidate: many council workbooks in, one workbook for
 * finance out: live totals by directorate and by RAG over one sheet per
 * plan kind, and everything validation found.  The inputs are gathered
 * as validate gathers them (inputs.c: folders, "-", lock files), and
 * ragbook's own outputs among them are left out, this run's output too.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/inputs.h"

int cmd_consolidate(int argc, char **argv)
{
    rag_convert_options o;
    rag_consolidate_report r;
    cli_inputs in;
    const char *out;
    rag_error err, *errs;
    bool want_help;
    char extra[160];
    int status;
    size_t i, len = 0;

    status = cli_convert_options("consolidate", argc, argv, &o, &out,
                                 &want_help);
    if (want_help)
        return cli_finish(cli_help("consolidate"));
    if (status != RAG_EXIT_OK)
        return status;
    if (!cli_inputs_collect("consolidate", argv + optind,
                            (size_t)(argc - optind), false, &in))
        return RAG_EXIT_TROUBLE;
    /* an output that is a council's input stays in: the library refuses
     * it before reading anything */
    (void)cli_inputs_drop_output(&in, out);
    cli_inputs_drop_ours(&in);
    if (!in.count) {
        bool trouble = in.trouble;
        cli_inputs_free(&in);
        if (trouble)
            return RAG_EXIT_TROUBLE; /* said already */
        return cli_usage_error("consolidate", "no workbook left to read");
    }
    errs = calloc(in.count, sizeof *errs);
    if (!errs) {
        cli_inputs_free(&in);
        fprintf(stderr, "ragbook: out of memory\n");
        return RAG_EXIT_TROUBLE;
    }
    rag_error_clear(&err);
    if (rag_consolidate((const char *const *)in.paths, in.count, out, &o,
                        errs, &r, &err) != RAG_OK) {
        free(errs);
        cli_inputs_free(&in);
        return cli_file_error(cli_error_file(&err, out, NULL, out), &err);
    }
    status = in.trouble ? RAG_EXIT_TROUBLE : RAG_EXIT_OK;
    for (i = 0; i < in.count; i++)
        if (errs[i].status != RAG_OK)
            status = cli_file_error(in.paths[i], &errs[i]);
    extra[0] = '\0';
    if (r.duplicates)
        len += (size_t)snprintf(extra + len, sizeof extra - len,
                                "; %zu duplicate plan%s counted once",
                                r.duplicates, r.duplicates == 1 ? "" : "s");
    if (r.files_unreadable && len < sizeof extra)
        len += (size_t)snprintf(extra + len, sizeof extra - len,
                                "; %zu unreadable", r.files_unreadable);
    if (in.skipped && len < sizeof extra)
        snprintf(extra + len, sizeof extra - len, "; %zu skipped",
                 in.skipped);
    cli_say_written("consolidate", out, r.plans, in.count, r.errors,
                    r.warnings, r.infos, extra);
    free(errs);
    cli_inputs_free(&in);
    return cli_finish(status);
}
