/*
 * The command-line tool: one cmd_*.c per command, dispatched from main.c.
 * Only src/cli/ prints or parses options.
 */
#ifndef RG_CLI_H
#define RG_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ragbook/ragbook.h"

enum { RAG_EXIT_OK = 0, RAG_EXIT_FINDINGS = 1, RAG_EXIT_TROUBLE = 2 };

typedef struct rag_cmd {
    const char *name;
    int (*run)(int argc, char **argv);
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
/* The file an error names: err->file, or the one of a and b it was cut
 * from (err->file holds 255 bytes of a path, a longer one is cut short);
 * fallback when err names none. */
const char *cli_error_file(const rag_error *err, const char *a,
                           const char *b, const char *fallback);

/* "ragbook <cmd>: <message>" plus the hint to --help; returns
 * RAG_EXIT_TROUBLE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print cmd's help (its summary and its page's --help part, made from
 * docs/man/ragbook-CMD.1.scd) to stdout; returns RAG_EXIT_OK. */
int cli_help(const char *cmd);

/* Print first, then text wrapped within 79 columns, every line after the
 * first indented by indent (first is padded to it). */
void cli_print_wrapped(const char *first, size_t indent, const char *text);

/* Parse --tolerance PCT ("5", "5%", "2.5 %") as a fraction; false unless
 * 0 < PCT <= 100. */
bool cli_parse_tolerance(const char *s, double *out);

/* Parse --as-of YYYY-MM-DD; false if it is not a real date. */
bool cli_parse_date(const char *s, int *y, int *m, int *d);

/* ---- shared option handling (options.c) ------------------------------ */

/* Report what getopt_long() returned as c for a bad option: ':' a missing
 * value ("option '--sheet' needs a value"), anything else an unknown
 * option, with "did you mean '--as-of'?" when one of opts is a small typo
 * away.  Every command's optstring starts with ':' so the two differ.
 * Returns RAG_EXIT_TROUBLE. */
int cli_bad_option(const char *cmd, int c, char **argv,
                   const struct option *opts);

/* Parse the date of option opt ("--as-of") into *out; RAG_EXIT_OK, or the
 * usage error reported: not in the form YYYY-MM-DD, or a date that does
 * not exist ("2024-02-30 does not exist: February 2024 has 29 days"). */
int cli_opt_date(const char *cmd, const char *opt, const char *arg,
                 rag_date *out);

/* Parse --tolerance PCT into *out; RAG_EXIT_OK or the usage error. */
int cli_opt_tolerance(const char *cmd, const char *arg, double *out);

/*
 * Check a workbook output (-o, --report, copy's OUT) before anything is
 * read: named .xlsx or .xlsm, in a folder that exists (else the folder
 * that is missing is named).  "-" is stdout, refused when stdout is a
 * terminal; *path is then replaced by "/dev/fd/N", an unnamed file in
 * TMPDIR (ragbook/write.h: the library puts the workbook there only when
 * it is whole), that cli_outputs_end() copies to stdout once the command
 * has returned.
 * RAG_EXIT_OK or the usage error reported.
 */
int cli_workbook_output(const char *cmd, const char **path);

/* How to name the output path in a message: "stdout" for the file
 * cli_workbook_output() put in the place of "-", else path. */
const char *cli_output_shown(const char *path);

/* The closing line of a command that wrote a workbook, on stderr, in the
 * words of validate's summary: "ragbook CMD: wrote OUT: 12 plans from 10
 * files, 3 errors, 40 warnings, 0 infos", files left out when files is
 * (size_t)-1 (convert: one file), then extra (may be NULL or ""). */
void cli_say_written(const char *cmd, const char *out, size_t plans,
                     size_t files, size_t errors, size_t warnings,
                     size_t infos, const char *extra);

/*
 * -o PATH for a text output (cells, dump, validate): "-" is stdout as
 * without -o; a file is written through a temporary beside it (stdout is
 * pointed there) and renamed into place by cli_outputs_end() when the
 * command succeeded, so PATH is whole or untouched.  inputs[0..n) are
 * never overwritten.  RAG_EXIT_OK or the error reported.
 */
int cli_text_output(const char *cmd, const char *path, char *const *inputs,
                    size_t n);

/* Say that the text output is whole even if the command exits 2 (validate
 * reports an unreadable input in its lines and goes on). */
void cli_text_output_complete(void);

/* Finish what cli_workbook_output() and cli_text_output() began, after the
 * command returned status; returns the status to exit with.  main() calls
 * it. */
int cli_outputs_end(int status);

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

/* ---- JSON output ----------------------------------------------------- */

/* Write s (len bytes, UTF-8) as a JSON string, quotes included. */
void json_string(FILE *f, const char *s, size_t len);
void json_cstr(FILE *f, const char *s);    /* NULL prints null */
void json_number(FILE *f, double v);
/* One finding as the contract's JSON line (validate and merge print the
 * same fields the same way). */
void json_finding(FILE *f, const rag_finding *finding);

/* A spool: output that is written now but must appear after something
 * known only later (a sheet's merged ranges follow its cells in the file).
 * It lives in a temporary file, so memory stays flat whatever its size. */
typedef struct cli_spool {
    FILE *file;
    const char *dir;    /* where it is (or could not be) made */
    int error;          /* errno when it could not be */
    char *buffer;       /* its stdio buffer (SPOOL_BUFFER bytes) or NULL */
} cli_spool;

/* The FILE to write to; NULL when no temporary file can be made (then
 * sp->dir and sp->error say where and why). */
FILE *spool_open(cli_spool *sp);
/* The one line for a spool that could not be made. */
void spool_failed(const char *file, const cli_spool *sp);
/* Where scratch files go: beside -o FILE's target, else TMPDIR or /tmp. */
const char *cli_scratch_dir(void);
/* Copy bytes [start, end) of the spool to out; false on an error. */
bool spool_copy(cli_spool *sp, long start, long end, FILE *out);
void spool_close(cli_spool *sp);

#endif
