/*
 * ragbook validate: check many workbooks against the rule catalogue, the
 * way a performance or finance team checks returns by eye, and print one
 * line per finding (compiler-style text, or JSON lines).  Exit 1 when any
 * finding is an error, 2 on a usage error or an unreadable file; every
 * file is checked whatever another one does.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/inputs.h"
#include "cli/validate_run.h"

#define MAX_JOBS 256

/* The page's --help part, then the rules from the catalogue itself. */
static int help(void)
{
    const rag_rule *rules;
    size_t n, i;

    cli_help("validate");
    printf("\nrules (default severity):\n");
    rules = rag_rules(&n);
    for (i = 0; i < n; i++) {
        char first[64];
        snprintf(first, sizeof first, "  %-20s %-8s", rules[i].name,
                 rag_severity_name(rules[i].severity));
        cli_print_wrapped(first, 32, rules[i].summary);
    }
    return RAG_EXIT_OK;
}

static bool parse_jobs(const char *s, size_t *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < 1 || v > MAX_JOBS)
        return false;
    *out = (size_t)v;
    return true;
}

static size_t cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > MAX_JOBS ? MAX_JOBS : (size_t)n;
}

static bool use_colour(void)
{
    const char *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !getenv("NO_COLOR") &&
           !(term && !strcmp(term, "dumb"));
}

int cmd_validate(int argc, char **argv)
{
    static const struct option opts[] = {
        {"as-of", required_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        {"report", required_argument, NULL, 'r'},
        {"jobs", required_argument, NULL, 'j'},
        {"tolerance", required_argument, NULL, 't'},
        {"rule", required_argument, NULL, 'R'},
        {"severity", required_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    vrun_config cfg;
    cli_inputs in;
    const char *format = "text", *out = "-";
    rag_error err;
    rag_date date;
    int c, status;

    memset(&cfg, 0, sizeof cfg);
    cfg.started = vrun_now();
    cfg.jobs = cores();
    cfg.least = RAG_SEVERITY_INFO;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hj:o:", opts, NULL)) != -1) {
        switch (c) {
        case 'a':
            if (cli_opt_date("validate", "--as-of", optarg, &date))
                return RAG_EXIT_TROUBLE;
            cfg.model.as_of = cfg.rules.as_of = date;
            break;
        case 'o':
            out = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'r':
            cfg.report = optarg;
            break;
        case 'j':
            if (!parse_jobs(optarg, &cfg.jobs))
                return cli_usage_error("validate",
                                       "--jobs takes a number from 1 to %d, "
                                       "not '%s'",
                                       MAX_JOBS, optarg);
            break;
        case 't':
            if (!cli_parse_tolerance(optarg, &cfg.rules.tolerance))
                return cli_usage_error("validate",
                                       "--tolerance takes a percentage "
                                       "above 0 and up to 100, like 5 or "
                                       "5%%, not '%s'",
                                       optarg);
            cfg.model.tolerance = cfg.rules.tolerance;
            break;
        case 'R':
            rag_error_clear(&err);
            if (rag_validate_set_rule(&cfg.rules, optarg, &err) != RAG_OK)
                return cli_usage_error("validate", "--rule: %s",
                                       err.message);
            break;
        case 's':
            if (!rag_severity_parse(optarg, &cfg.least) ||
                cfg.least == RAG_SEVERITY_OFF)
                return cli_usage_error("validate",
                                       "--severity takes error, warning or "
                                       "info, not '%s'",
                                       optarg);
            break;
        case 'q':
            cfg.quiet = true;
            break;
        case 'h':
            return cli_finish(help());
        default:
            return cli_bad_option("validate", c, argv, opts);
        }
    }
    if (!strcmp(format, "json"))
        cfg.json = true;
    else if (strcmp(format, "text"))
        return cli_usage_error("validate",
                               "--format takes text or json, not '%s'",
                               format);
    if (optind >= argc)
        return cli_usage_error("validate", "no file given");
    if (cfg.report && !strcmp(cfg.report, "-") && !strcmp(out, "-"))
        return cli_usage_error("validate", "--report - and the findings "
                               "would share stdout: add -o FILE for the "
                               "findings");
    if (cfg.report && cli_workbook_output("validate", &cfg.report))
        return RAG_EXIT_TROUBLE;
    if (!cli_inputs_collect("validate", argv + optind,
                            (size_t)(argc - optind), cfg.quiet, &in))
        return RAG_EXIT_TROUBLE;
    if (cfg.report && !cli_inputs_drop_output(&in, cfg.report)) {
        cli_inputs_free(&in);
        return cli_usage_error("validate",
                               "the report '%s' is one of the inputs; "
                               "an input is never overwritten",
                               cfg.report);
    }
    if (!in.count) {
        bool trouble = in.trouble;
        cli_inputs_free(&in);
        if (trouble)
            return RAG_EXIT_TROUBLE; /* said already */
        return cli_usage_error("validate", "no workbook left to check");
    }
    if (cli_text_output("validate", out, in.paths, in.count)) {
        cli_inputs_free(&in);
        return RAG_EXIT_TROUBLE;
    }
    cfg.files = in.paths;
    cfg.file_count = in.count;
    cfg.skipped = in.skipped;
    cfg.trouble = in.trouble;
    cfg.colour = !cfg.json && use_colour();
    cfg.progress = isatty(STDERR_FILENO) != 0;
    status = vrun(&cfg);
    cli_text_output_complete();
    cli_inputs_free(&in);
    return cli_finish(status);
}
