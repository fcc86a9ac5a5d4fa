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

void cli_convert_option_help(void)
{
    printf("  -o, --output OUT.xlsx  the workbook to write (never an input; "
           "written to a\n"
           "                         temporary file and renamed into place)\n"
           "  --as-of DATE           judge dates at DATE (YYYY-MM-DD); "
           "default: the\n"
           "                         workbook's report date, else today\n"
           "  --tolerance PCT        the amber band, as 5 or 5%% (default: "
           "the workbook's\n"
           "                         own, else 10%%)\n"
           "  --rule ID=LEVEL        set a rule to off, info, warning or "
           "error for the\n"
           "                         Issues sheet; repeatable (see ragbook "
           "validate --help)\n");
}

static int help(void)
{
    cli_help("convert");
    printf("\nThe workbook written has:\n"
           "  Summary   where things stand: per plan, actions counted by "
           "status and\n"
           "            indicators and quarters by RAG, each count in its "
           "status colour\n"
           "            under the status in words; a chart of those counts; "
           "the overdue\n"
           "            actions and milestones, each linked to its row\n"
           "  <sheets>  every input sheet under its own name, with nothing "
           "lost and:\n"
           "            status and RAG cells in the key's colours (red "
           "FF0000, amber\n"
           "            FFC000, green 00B050 where the workbook has no "
           "key); a short code\n"
           "            in each coloured month cell (OT, 1M, >1M...) so no "
           "status is told\n"
           "            by colour alone; beside each table \"Past its due "
           "date?\" and\n"
           "            \"Computed status on <date>\"; beside each form a "
           "check of its\n"
           "            figures; drop-down lists on the status and RAG cells "
           "a service\n"
           "            fills in next time\n"
           "  Issues    one row per finding (as ragbook validate finds "
           "them), its cell\n"
           "            linked\n"
           "Converting the output again gives the same plans (ragbook dump "
           "of both is\n"
           "equal but for the file name), and the same input and --as-of "
           "give the same\n"
           "bytes.\n\noptions:\n");
    cli_convert_option_help();
    printf("\nExit status: 0 written; 2 a usage error, or a file that could "
           "not be read\nor written (nothing is left at OUT).\n");
    return RAG_EXIT_OK;
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
        return cli_finish(help());
    if (status != RAG_EXIT_OK)
        return status;
    if (argc - optind != 1)
        return cli_usage_error("convert", "one input file, not %d",
                               argc - optind);
    in = argv[optind];
    rag_error_clear(&err);
    if (rag_convert(in, out, &o, &r, &err) != RAG_OK)
        return cli_file_error(err.file[0] ? err.file : in, &err);
    for (k = 0; k < RAG_LOSS_COUNT; k++)
        if (r.losses[k])
            fprintf(stderr, "ragbook: %s: warning: %s\n", in,
                    rag_loss_message((rag_loss)k));
    return cli_finish(RAG_EXIT_OK);
}
