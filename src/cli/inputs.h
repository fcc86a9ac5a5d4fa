/*
 * The inputs of a command that takes many workbooks (validate,
 * consolidate): files as given, directories searched for workbooks, and
 * "-" for names read from stdin, with what must not be read left out and
 * said so in one line each.
 */
#ifndef RG_CLI_INPUTS_H
#define RG_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "ragbook/ragbook.h"

typedef struct cli_inputs {
    char **paths;        /* the workbooks to read, owned */
    size_t count, cap;
    size_t skipped;      /* lock files and ragbook's own outputs left out */
    bool quiet;          /* no line for what is left out (--quiet) */
    bool trouble;        /* something given could not be used (a pattern
                            that matched nothing, a folder that could not
                            be read, stdin that could not be read): the
                            run's status is at least 2 */
    void *seen;          /* internal: (device, inode) of what is listed */
    size_t seen_count, seen_cap;
} cli_inputs;

/*
 * Collect the inputs named by args[0..n):
 *   - a directory is searched recursively for *.xlsx and *.xlsm (any
 *     case), in name order, leaving out hidden entries (".git", ".~lock")
 *     and not following links to directories;
 *   - "-" reads names from stdin, one a line (empty lines ignored), each
 *     taken as if given here (a folder is searched);
 *   - an Excel lock file ("~$Parks return.xlsx", there while someone has
 *     the workbook open) is left out with one line on stderr naming the
 *     workbook that is open and, where the lock file says, who has it;
 *   - a name that does not exist and holds a wildcard ("returns/ *.xlsx"
 *     left as it is by a shell whose pattern matched nothing) gets one
 *     line saying no file matches, and sets trouble;
 *   - any other name is kept as given, even when it does not exist, so
 *     the reader says why it cannot be read;
 *   - the same file named twice (one inode) is kept once.
 * cmd names the command in messages; quiet leaves out the lines about
 * lock files (not the ones about trouble).  Returns false only when
 * memory ran out (reported).
 */
bool cli_inputs_collect(const char *cmd, char *const *args, size_t n,
                        bool quiet, cli_inputs *in);
void cli_inputs_free(cli_inputs *in);

/* Leave out paths[i] (the caller has said why). */
void cli_inputs_drop(cli_inputs *in, size_t i);

/*
 * What ragbook wrote wb as, when wb is a whole workbook ragbook made
 * ("consolidate", "validate --report") rather than a council's: such a
 * workbook is ragbook's output, not a return, and is not read as one.
 * NULL for any other workbook (a converted or merged workbook is the
 * council's own, with ragbook's sheets marked inside it).
 */
const char *cli_ragbook_output(const rag_workbook *wb);

/* The same for the workbook at path, opened for its defined names only;
 * NULL when it cannot be opened. */
const char *cli_ragbook_output_file(const char *path);

/* true when path names an existing file that is the same file as any of
 * paths[0..n) (one device and inode). */
bool cli_same_file(const char *path, char *const *paths, size_t n);

/*
 * An output must not overwrite an input.  When out is one of the inputs
 * and that input is a workbook ragbook wrote (last run's, in the folder
 * being read), it is this run's output, not a return: it is left out of
 * the inputs, said so (unless quiet), and replaced.  Returns false when
 * out is an input ragbook did not write (the caller refuses the run).
 */
bool cli_inputs_drop_output(cli_inputs *in, const char *out);

/* Say that path is left out because ragbook wrote it (kind as
 * cli_ragbook_output() names it), unless in->quiet: one line, the same
 * for every command. */
void cli_inputs_say_ours(const cli_inputs *in, const char *path,
                         const char *kind);

/* Leave out every input that is a workbook ragbook wrote (a consolidated
 * workbook, a validation report), saying so: for commands that open the
 * inputs only later, in the library (consolidate). */
void cli_inputs_drop_ours(cli_inputs *in);

#endif
