/*
 * ragbook consolidate: many council workbooks in, one workbook for
 * finance out: live totals by directorate and by RAG over one sheet per
 * plan kind, and everything validation found.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int help(void)
{
    cli_help("consolidate");
    printf("\nThe workbook written has:\n"
           "  Summary         totals by directorate (plans, budget, outturn, "
           "pressure,\n"
           "                  milestones, the share of the pressure they "
           "cover) and\n"
           "                  counts by RAG and by status, as live "
           "SUMIF/COUNTIF\n"
           "                  formulas over the sheets below, each with its "
           "value\n"
           "  Recovery plans  one row per deficit recovery plan: directorate, "
           "reference,\n"
           "                  service area, cost centre, budgets, outturn, "
           "pressure and\n"
           "                  milestones in pounds, the share covered (a "
           "formula), each\n"
           "                  quarter's RAG in words and colour\n"
           "  Indicators      one row per indicator of a performance action "
           "plan\n"
           "  Trackers        one row per action of a monthly tracker\n"
           "  Action plans    one row per action of an action plan\n"
           "  Issues          one row per finding, linked to its file and "
           "cell\n"
           "Each row names its source file and cell.\n\noptions:\n");
    cli_convert_option_help();
    printf("\nAn input that cannot be read gets one line on stderr and a "
           "file-unreadable\nrow on Issues; the workbook is still written "
           "from the other inputs, so the\nfigures that could be read are "
           "there to check, and the exit status is 2 to\nsay something is "
           "missing.\n\n"
           "Exit status: 0 written from every input; 2 a usage error, an "
           "input that could\nnot be read (the workbook is written without "
           "it), or an output that could\nnot be written (nothing is left "
           "at OUT).\n");
    return RAG_EXIT_OK;
}

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
        return cli_finish(help());
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
