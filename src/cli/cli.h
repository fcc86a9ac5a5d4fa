/*
 * The command-line tool: one cmd_*.c per command, dispatched from main.c.
 * Only src/cli/ prints or parses options.
 */
#ifndef RG_CLI_H
#define RG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "ragbook/ragbook.h"

enum { RAG_EXIT_OK = 0, RAG_EXIT_FINDINGS = 1, RAG_EXIT_TROUBLE = 2 };

typedef struct rag_cmd {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;   /* "cells <file.xlsx> [--sheet NAME] ..." */
    const char *summary; /* one line for `ragbook --help` */
} rag_cmd;

int cmd_cells(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_consolidate(int argc, char **argv);
int cmd_copy(int argc, char **argv);
int cmd_merge(int argc, char **argv);

/* The command entry by name, or NULL. */
const rag_cmd *cli_command(const char *name);

/* "ragbook: <file>: <reason>" for a file that could not be read or
 * written; returns RAG_EXIT_TROUBLE. */
int cli_file_error(const char *file, const rag_error *err);

/* "ragbook <cmd>: <message>" plus the hint to --help; returns
 * RAG_EXIT_TROUBLE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print the usage of cmd to stdout; returns RAG_EXIT_OK. */
int cli_help(const char *cmd);

/* Parse --tolerance PCT ("5", "5%", "2.5 %") as a fraction; false unless
 * 0 < PCT <= 100. */
bool cli_parse_tolerance(const char *s, double *out);

/* Parse --as-of YYYY-MM-DD; false if it is not a real date. */
bool cli_parse_date(const char *s, int *y, int *m, int *d);

/* Flush stdout and report a failed write (a closed pipe, a full disk):
 * returns status, or RAG_EXIT_TROUBLE if stdout failed. */
int cli_finish(int status);

/* convert and consolidate's options (cmd_convert.c): -o, --as-of,
 * --tolerance, --rule, --help.  Returns RAG_EXIT_OK with optind at the
 * first input, or the exit status of a usage error (already reported);
 * *help is set for --help. */
int cli_convert_options(const char *cmd, int argc, char **argv,
                        rag_convert_options *o, const char **out,
                        bool *help);
void cli_convert_option_help(void);

/* ---- JSON output ----------------------------------------------------- */

/* Write s (len bytes, UTF-8) as a JSON string, quotes included. */
void json_string(FILE *f, const char *s, size_t len);
void json_cstr(FILE *f, const char *s);    /* NULL prints null */
void json_number(FILE *f, double v);

/* A spool: output that is written now but must appear after something
 * known only later (a sheet's merged ranges follow its cells in the file).
 * It lives in a temporary file, so memory stays flat whatever its size. */
typedef struct cli_spool {
    FILE *file;
} cli_spool;

/* The FILE to write to; NULL when no temporary file can be made. */
FILE *spool_open(cli_spool *sp);
/* Copy bytes [start, end) of the spool to out; false on an error. */
bool spool_copy(cli_spool *sp, long start, long end, FILE *out);
void spool_close(cli_spool *sp);

#endif
