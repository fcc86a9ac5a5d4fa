/*
 * ragbook: the command table and dispatch.  Options before the command are
 * the tool's own (--help, --version); each command parses the rest.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "cli/cli.h"

static const rag_cmd commands[] = {
    {"cells", cmd_cells,
     "cells <file.xlsx> [--sheet NAME] [--format json|csv]",
     "print the raw grid of every sheet (JSON) or of one sheet (CSV)"},
    {"dump", cmd_dump, "dump <file.xlsx> [--as-of DATE]",
     "print the recognised plans as JSON"},
    {"validate", cmd_validate,
     "validate <file>... [--as-of DATE] [--format text|json] "
     "[--report OUT.xlsx] [--jobs N] [--tolerance PCT] "
     "[--rule ID=off|info|warning|error]",
     "check workbooks against the rules; exit 1 on any error"},
    {"convert", cmd_convert, "convert <file.xlsx> -o OUT.xlsx [--as-of DATE]",
     "write an updated, colour-coded workbook with Summary and Issues"},
    {"consolidate", cmd_consolidate,
     "consolidate <file>... -o OUT.xlsx [--as-of DATE]",
     "write one finance workbook from many"},
    {"merge", cmd_merge,
     "merge <MASTER.xlsx> <RETURN.xlsx>... -o OUT.xlsx [--as-of DATE] "
     "[--format text|json]",
     "bring the services' returns into the master, every change listed"},
    {"copy", cmd_copy, "copy <file.xlsx> <out.xlsx>",
     "re-write a workbook's grid losslessly (values, formulas, styles)"},
};

const rag_cmd *cli_command(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

static void print_usage(FILE *f)
{
    size_t i;
    fprintf(f, "usage: ragbook <command> [options]\n\n"
               "Read, validate and write council tracker and plan "
               "workbooks (XLSX).\n\ncommands:\n");
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nragbook <command> --help shows a command's options.\n"
               "Exit status: 0 all well; 1 validate found an error; "
               "2 a usage error or an unreadable file.\n");
}

int cli_help(const char *cmd)
{
    const rag_cmd *c = cli_command(cmd);
    if (c)
        printf("usage: ragbook %s\n\n%s\n", c->usage, c->summary);
    return RAG_EXIT_OK;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "ragbook%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'ragbook %s%s--help' for more information.\n",
            cmd ? cmd : "", cmd ? " " : "");
    return RAG_EXIT_TROUBLE;
}

int cli_file_error(const char *file, const rag_error *err)
{
    char msg[768];
    rag_error_format(err, msg, sizeof msg);
    fprintf(stderr, "ragbook: %s: %s\n", file, msg);
    return RAG_EXIT_TROUBLE;
}

bool cli_parse_date(const char *s, int *y, int *m, int *d)
{
    double serial;
    int n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", y, m, d, &n) != 3 ||
        n != 10 || s[n])
        return false;
    return rag_ymd_to_serial(*y, *m, *d, &serial);
}

bool cli_parse_tolerance(const char *s, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (end == s || errno)
        return false;
    while (*end == ' ')
        end++;
    if (*end == '%')
        end++;
    if (*end || !(v > 0 && v <= 100))
        return false;
    *out = v / 100.0;
    return true;
}

int cli_finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "ragbook: cannot write the output: %s\n",
                "write error");
        return RAG_EXIT_TROUBLE;
    }
    return status;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
                                         {"version", no_argument, NULL, 'V'},
                                         {NULL, 0, NULL, 0}};
    const rag_cmd *cmd;
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            print_usage(stdout);
            return cli_finish(RAG_EXIT_OK);
        case 'V':
        {
            char libs[160];
            rag_library_versions(libs, sizeof libs);
            printf("ragbook %s (%s)\n", rag_version(), libs);
        }
            return cli_finish(RAG_EXIT_OK);
        default:
            return cli_usage_error(NULL, "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc) {
        print_usage(stderr);
        return RAG_EXIT_TROUBLE;
    }
    cmd = cli_command(argv[optind]);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", argv[optind]);
    return cli_outputs_end(cmd->run(argc - optind, argv + optind));
}
