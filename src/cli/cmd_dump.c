/*
 * ragbook dump: the plans a workbook holds, as the contract's JSON.  The
 * whole model is built before anything is printed, so an unreadable file
 * leaves stdout empty.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

int cmd_dump(int argc, char **argv)
{
    static const struct option opts[] = {
        {"as-of", required_argument, NULL, 'a'},
        {"tolerance", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},
        {"explain", no_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    rag_model_options mo;
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    rag_error err;
    const char *file, *out = "-";
    int c, status;
    bool explain = false;

    memset(&mo, 0, sizeof mo);
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'a':
            if (cli_opt_date("dump", "--as-of", optarg, &mo.as_of))
                return RAG_EXIT_TROUBLE;
            break;
        case 't':
            /* the RAGs dump prints are computed with it */
            if (cli_opt_tolerance("dump", optarg, &mo.tolerance))
                return RAG_EXIT_TROUBLE;
            break;
        case 'o':
            out = optarg;
            break;
        case 'e':
            explain = true; /* what was read where, in words */
            break;
        case 'h':
            return cli_finish(cli_help("dump"));
        default:
            return cli_bad_option("dump", c, argv, opts);
        }
    }
    if (optind + 1 != argc)
        return cli_usage_error("dump", optind >= argc ? "no file given"
                                                      : "one file at a time");
    file = argv[optind];
    if (cli_text_output("dump", out, argv + optind, 1) != RAG_EXIT_OK)
        return RAG_EXIT_TROUBLE;
    rag_error_clear(&err);
    if (rag_workbook_read(file, NULL, &wb, &err) != RAG_OK)
        return cli_file_error(file, &err);
    if (rag_model_build(wb, &mo, &m, &err) != RAG_OK) {
        rag_workbook_free(wb);
        return cli_file_error(file, &err);
    }
    status = RAG_EXIT_OK;
    if (explain ? rag_model_explain(m, stdout, &err) != RAG_OK
                : rag_model_write_json(m, file, stdout, &err) != RAG_OK)
        status = RAG_EXIT_TROUBLE;
    rag_model_free(m);
    rag_workbook_free(wb);
    return cli_finish(status);
}
