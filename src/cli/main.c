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
#include "cli/doc.h"
#include "util/outfile.h"

/* What each command does and takes is in its page, docs/man/ (doc.h). */
static const rag_cmd commands[] = {
    {"cells", cmd_cells},
    {"dump", cmd_dump},
    {"validate", cmd_validate},
    {"convert", cmd_convert},
    {"consolidate", cmd_consolidate},
    {"merge", cmd_merge},
    {"copy", cmd_copy},
};

const rag_cmd *cli_command(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

static const cli_doc *doc_of(const char *name)
{
    size_t i;
    for (i = 0; i < cli_doc_count; i++)
        if (!strcmp(cli_docs[i].name, name))
            return &cli_docs[i];
    return NULL;
}

static void print_usage(FILE *f)
{
    fputs(doc_of("")->help, f);
    fputs("\nragbook COMMAND --help shows a command's options; "
          "man ragbook-COMMAND\nall of it.\n", f);
}

int cli_help(const char *cmd)
{
    const cli_doc *d = doc_of(cmd);
    if (d)
        fputs(d->help, stdout);
    return RAG_EXIT_OK;
}

void cli_print_wrapped(const char *first, size_t indent, const char *text)
{
    size_t col = (size_t)printf("%s", first);
    while (*text) {
        size_t n = strcspn(text, " ");
        if (col > indent && col + 1 + n > 79) {
            printf("\n%*s", (int)indent, "");
            col = indent;
        } else if (col > indent || col < indent) {
            if (col < indent)
                col += (size_t)printf("%*s", (int)(indent - col), "");
            else
                col += (size_t)printf(" ");
        }
        col += (size_t)printf("%.*s", (int)n, text);
        text += n;
        while (*text == ' ')
            text++;
    }
    printf("\n");
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

const char *cli_error_file(const rag_error *err, const char *a,
                           const char *b, const char *fallback)
{
    size_t n = strlen(err->file);
    if (!n)
        return fallback;
    if (n == sizeof err->file - 1) {
        if (a && !strncmp(a, err->file, n))
            return a;
        if (b && !strncmp(b, err->file, n))
            return b;
    }
    return err->file;
}

int cli_file_error(const char *file, const rag_error *err)
{
    char msg[768];
    const char *shown = cli_output_shown(file);

    rag_error_format(err, msg, sizeof msg);
    /* A workbook for stdout is made in TMPDIR first: a full one is
     * named, not stdout's file system. */
    if (shown != file)
        fprintf(stderr, "ragbook: %s (the workbook is made first in %s): "
                        "%s\n", shown, rg_tmpdir(), msg);
    else
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
