/*
 * ragbook merge: the services' returns brought into the master workbook.
 * Prints each change and each finding as validate prints findings (text
 * like a compiler, or one JSON object a line), then the rows no return
 * brought back, by lead, and a last line of totals.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ragbook/merge.h"

/* The longest old or new value printed in text, in bytes: a line a
 * terminal can show; JSON carries values whole. */
#define TEXT_VALUE_MAX 80

typedef struct mopts {
    rag_merge_options o;
    const char *out;
    bool json;
} mopts;

static int parse(int argc, char **argv, mopts *m, bool *want_help)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"as-of", required_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        {"tolerance", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    rag_date date;
    int c;

    memset(m, 0, sizeof *m);
    *want_help = false;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            m->out = optarg;
            break;
        case 'a':
            if (cli_opt_date("merge", "--as-of", optarg, &date))
                return RAG_EXIT_TROUBLE;
            m->o.model.as_of = m->o.validate.as_of = date;
            break;
        case 'f':
            if (!strcmp(optarg, "json") || !strcmp(optarg, "text"))
                m->json = !strcmp(optarg, "json");
            else
                return cli_usage_error("merge",
                                       "--format takes text or json, not "
                                       "'%s'",
                                       optarg);
            break;
        case 't':
            if (cli_opt_tolerance("merge", optarg, &m->o.model.tolerance))
                return RAG_EXIT_TROUBLE;
            m->o.validate.tolerance = m->o.model.tolerance;
            break;
        case 'h':
            *want_help = true;
            return RAG_EXIT_OK;
        default:
            return cli_bad_option("merge", c, argv, opts);
        }
    }
    if (!m->out)
        return cli_usage_error("merge", "no output given: add -o OUT.xlsx");
    if (argc - optind < 2)
        return cli_usage_error("merge",
                               argc - optind < 1
                                   ? "no master given: MASTER.xlsx RETURN..."
                                   : "no return given: MASTER.xlsx "
                                     "RETURN...");
    /* the changes are printed on stdout: the workbook cannot go there */
    if (!strcmp(m->out, "-"))
        return cli_usage_error("merge", "-o -: the changes go to stdout; "
                               "name a file for the workbook");
    return cli_workbook_output("merge", &m->out);
}

/* ---- printing ------------------------------------------------------------- */

/* value as a quoted string of at most TEXT_VALUE_MAX bytes, one line */
static void print_value(const char *v)
{
    size_t n = 0;
    putchar('"');
    for (; *v && n < TEXT_VALUE_MAX; v++, n++)
        putchar(*v == '\n' || *v == '\r' || *v == '\t' ? ' ' : *v);
    while (*v && ((unsigned char)*v & 0xC0) == 0x80)
        putchar(*v++); /* finish a character cut in the middle */
    fputs(*v ? "...\"" : "\"", stdout);
}

static void print_change(const char *master, const rag_merge_change *c,
                         bool json)
{
    char cell[16];
    const char *field = rag_merge_field_name(c->field);

    rag_cell_ref_format(c->row, c->col, cell);
    if (json) {
        fputs("{\"record\": \"change\", \"file\": ", stdout);
        json_cstr(stdout, master);
        fputs(", \"sheet\": ", stdout);
        json_cstr(stdout, c->sheet);
        printf(", \"cell\": \"%s\", \"ref\": ", cell);
        json_cstr(stdout, c->ref);
        fputs(", \"field\": ", stdout);
        json_cstr(stdout, field);
        if (c->period) {
            fputs(", \"period\": ", stdout);
            json_cstr(stdout, c->period);
        }
        fputs(", \"old\": ", stdout);
        json_cstr(stdout, c->old_text);
        fputs(", \"new\": ", stdout);
        json_cstr(stdout, c->new_text);
        fputs(", \"return\": ", stdout);
        json_cstr(stdout, c->file);
        printf(", \"returns\": %zu}\n", c->agreeing);
        return;
    }
    printf("%s:%s!%s: change: %s %s%s%s: ", master, c->sheet, cell, c->ref,
           field, c->period ? " " : "", c->period ? c->period : "");
    print_value(c->old_text);
    fputs(" -> ", stdout);
    print_value(c->new_text);
    printf(" [from %s", c->file);
    if (c->agreeing > 1)
        printf(" and %zu more", c->agreeing - 1);
    fputs("]\n", stdout);
}

static void print_finding(const rag_finding *f, bool json)
{
    char line[4096];

    if (json) {
        json_finding(stdout, f);
        return;
    }
    rag_finding_format(f, line, sizeof line);
    puts(line);
}

static void print_chase(const char *master, const rag_merge_chase *c,
                        bool json)
{
    size_t i;
    if (json) {
        fputs("{\"record\": \"not-returned\", \"file\": ", stdout);
        json_cstr(stdout, master);
        fputs(", \"lead\": ", stdout);
        json_cstr(stdout, *c->lead ? c->lead : NULL);
        fputs(", \"refs\": [", stdout);
        for (i = 0; i < c->ref_count; i++) {
            fputs(i ? ", " : "", stdout);
            json_cstr(stdout, c->refs[i]);
        }
        fputs("]}\n", stdout);
        return;
    }
    printf("%s: not returned: %s: ", master, *c->lead ? c->lead : "no lead");
    for (i = 0; i < c->ref_count; i++)
        printf("%s%s", i ? ", " : "", c->refs[i]);
    printf(" (%zu row%s)\n", c->ref_count, c->ref_count == 1 ? "" : "s");
}

static void print_totals(const char *master, const char *out,
                         const rag_merge_report *r, const char *status,
                         bool json)
{
    if (json) {
        fputs("{\"record\": \"totals\", \"file\": ", stdout);
        json_cstr(stdout, master);
        fputs(", \"output\": ", stdout);
        json_cstr(stdout, out);
        printf(", \"returns\": %zu, \"unreadable\": %zu, \"changes\": %zu, "
               "\"conflicts\": %zu, \"unknown_refs\": %zu, \"no_match\": "
               "%zu, \"unchanged\": %zu, \"not_returned\": %zu, \"errors\": "
               "%zu, \"warnings\": %zu, \"infos\": %zu, \"status\": \"%s\"}\n",
               r->returns, r->unreadable, r->changes, r->conflicts,
               r->unknown_refs, r->no_match, r->unchanged, r->not_returned,
               r->errors, r->warnings, r->infos, status);
        return;
    }
    printf("%s: %zu change%s from %zu of %zu return%s into %s; %zu "
           "conflict%s, %zu unknown ref%s, %zu return%s or plan%s matching "
           "nothing, %zu row%s unchanged, %zu row%s not returned\n",
           master, r->changes, r->changes == 1 ? "" : "s",
           r->returns - r->unreadable, r->returns,
           r->returns == 1 ? "" : "s", out, r->conflicts,
           r->conflicts == 1 ? "" : "s", r->unknown_refs,
           r->unknown_refs == 1 ? "" : "s", r->no_match,
           r->no_match == 1 ? "" : "s", r->no_match == 1 ? "" : "s",
           r->unchanged, r->unchanged == 1 ? "" : "s", r->not_returned,
           r->not_returned == 1 ? "" : "s");
}

/* ---- the command ------------------------------------------------------------ */

int cmd_merge(int argc, char **argv)
{
    mopts m;
    rag_merge *mg = NULL;
    rag_merge_report rep;
    const rag_merge_change *ch;
    const rag_merge_chase *chase;
    const rag_findings *found;
    const char *master;
    rag_error err;
    bool want_help;
    size_t i, n;
    int status, k;

    status = parse(argc, argv, &m, &want_help);
    if (want_help)
        return cli_finish(cli_help("merge"));
    if (status != RAG_EXIT_OK)
        return status;
    master = argv[optind];
    rag_error_clear(&err);
    if (rag_merge_open(master, &m.o, &mg, &err) != RAG_OK)
        return cli_file_error(err.file[0] ? err.file : master, &err);
    status = RAG_EXIT_OK;
    for (k = optind + 1; k < argc; k++) {
        rag_status st;
        rag_error_clear(&err);
        st = rag_merge_add(mg, argv[k], &err);
        if (st == RAG_ERR_NOMEM || st == RAG_ERR_USAGE) {
            rag_merge_free(mg);
            return cli_file_error(argv[k], &err);
        }
        if (st != RAG_OK) {
            cli_file_error(err.file[0] ? err.file : argv[k], &err);
            fprintf(stderr, "ragbook merge: going on without %s\n", argv[k]);
            status = RAG_EXIT_TROUBLE;
        }
    }
    rag_error_clear(&err);
    if (rag_merge_write(mg, m.out, &err) != RAG_OK) {
        rag_merge_free(mg);
        return cli_file_error(cli_error_file(&err, m.out, NULL, m.out), &err);
    }
    ch = rag_merge_changes(mg, &n);
    for (i = 0; i < n; i++)
        print_change(master, &ch[i], m.json);
    found = rag_merge_findings(mg);
    for (i = 0; found && i < found->count; i++)
        print_finding(&found->items[i], m.json);
    chase = rag_merge_not_returned(mg, &n);
    for (i = 0; i < n; i++)
        print_chase(master, &chase[i], m.json);
    rag_merge_get_report(mg, &rep);
    if (status == RAG_EXIT_OK && rep.errors)
        status = RAG_EXIT_FINDINGS;
    print_totals(master, m.out, &rep,
                 rep.unreadable  ? "unreadable"
                 : rep.errors    ? "errors"
                 : rep.warnings  ? "warnings"
                                 : "clean",
                 m.json);
    /* what was written, on stderr as convert and consolidate say it */
    fflush(stdout);
    fprintf(stderr,
            "ragbook merge: wrote %s: %zu change%s from %zu of %zu "
            "return%s, %zu error%s, %zu warning%s, %zu info%s\n",
            cli_output_shown(m.out), rep.changes,
            rep.changes == 1 ? "" : "s", rep.returns - rep.unreadable,
            rep.returns, rep.returns == 1 ? "" : "s", rep.errors,
            rep.errors == 1 ? "" : "s", rep.warnings,
            rep.warnings == 1 ? "" : "s", rep.infos,
            rep.infos == 1 ? "" : "s");
    rag_merge_free(mg);
    return cli_finish(status);
}
