/*
 * ragbook consolidate: many council workbooks in, one workbook for
 * finance out: live totals by directorate and by RAG over one sheet per
 * plan kind, and everything validation found.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cmd_consolidate(int argc, char **argv)
{
    rag_convert_options o;
    rag_consolidate_report r;
    const char *out;
    rag_error err, *errs;
    bool want_help;
    int status;
    size_t i, n;

    status = cli_convert_options("consolidate", argc, argv, &o, &out,
                                 &want_help);
    if (want_help)
        return cli_finish(cli_help("consolidate"));
    if (status != RAG_EXIT_OK)
        return status;
    n = (size_t)(argc - optind);
    errs = calloc(n, sizeof *errs);
    if (!errs) {
        fprintf(stderr, "ragbook: out of memory\n");
        return RAG_EXIT_TROUBLE;
    }
    rag_error_clear(&err);
    if (rag_consolidate((const char *const *)(argv + optind), n, out, &o,
                        errs, &r, &err) != RAG_OK) {
        free(errs);
        return cli_file_error(err.file[0] ? err.file : out, &err);
    }
    status = RAG_EXIT_OK;
    for (i = 0; i < n; i++)
        if (errs[i].status != RAG_OK)
            status = cli_file_error(argv[optind + (int)i], &errs[i]);
    free(errs);
    return cli_finish(status);
}
