/*
 * ragbook convert: one council workbook in, the same workbook updated and
 * colour-coded out, with a Summary sheet first and an Issues sheet last.
 * Also the option parsing convert and consolidate share.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cli_convert_options(const char *cmd, int argc, char **argv,
                        rag_convert_options *o, const char **out,
                        bool *help)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"as-of", required_argument, NULL, 'a'},
        {"tolerance", required_argument, NULL, 't'},
        {"rule", required_argument, NULL, 'R'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    rag_error err;
    rag_date date;
    int c;

    memset(o, 0, sizeof *o);
    *out = NULL;
    *help = false;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            *out = optarg;
            break;
        case 'a':
            if (cli_opt_date(cmd, "--as-of", optarg, &date))
                return RAG_EXIT_TROUBLE;
            o->model.as_of = o->validate.as_of = date;
            break;
        case 't':
            if (cli_opt_tolerance(cmd, optarg, &o->model.tolerance))
                return RAG_EXIT_TROUBLE;
            o->validate.tolerance = o->model.tolerance;
            break;
        case 'R':
            rag_error_clear(&err);
            if (rag_validate_set_rule(&o->validate, optarg, &err) != RAG_OK)
                return cli_usage_error(cmd, "--rule: %s", err.message);
            break;
        case 'h':
            *help = true;
            return RAG_EXIT_OK;
        default:
            return cli_bad_option(cmd, c, argv, opts);
        }
    }
    if (!*out)
        return cli_usage_error(cmd, "no output given: add -o OUT.xlsx");
    if (optind >= argc)
        return cli_usage_error(cmd, "no input file given");
    return cli_workbook_output(cmd, out);
}

int cmd_convert(int argc, char **argv)
{
    rag_convert_options o;
    rag_convert_report r;
    const char *in, *out;
    rag_error err;
    bool want_help;
    int status, k;

    status = cli_convert_options("convert", argc, argv, &o, &out, &want_help);
    if (want_help)
        return cli_finish(cli_help("convert"));
    if (status != RAG_EXIT_OK)
        return status;
    if (argc - optind != 1)
        return cli_usage_error("convert", "one input file, not %d",
                               argc - optind);
    in = argv[optind];
    rag_error_clear(&err);
    if (rag_convert(in, out, &o, &r, &err) != RAG_OK)
        return cli_file_error(cli_error_file(&err, in, out, in), &err);
    for (k = 0; k < RAG_LOSS_COUNT; k++)
        if (r.losses[k])
            fprintf(stderr, "ragbook: %s: warning: %s\n", in,
                    rag_loss_message((rag_loss)k));
    cli_say_written("convert", out, r.plans, (size_t)-1, r.errors,
                    r.warnings, r.infos, NULL);
    return cli_finish(RAG_EXIT_OK);
}
