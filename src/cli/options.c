/*
 * Option handling every command shares: the messages for a bad option
 * (with "did you mean"), a missing value, a date that does not exist, and
 * the checks on an output path made before anything is read (the folder
 * exists, the extension is one ragbook writes, "-" for stdout).  One place,
 * so every command says the same thing the same way.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/inputs.h"
#include "util/outfile.h"

/* ---- a bad option ----------------------------------------------------- */

/* Edit distance (insertions, deletions, substitutions, and a swap of two
 * neighbours) between a and b, given up at 3: only small typos matter. */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    int d[64][64];

    if (la >= 63 || lb >= 63)
        return 3;
    for (i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (i = 1; i <= la; i++)
        for (j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

/* The long option nearest to the one given: within two edits, and no more
 * than a third of the name, so "--asof" finds "--as-of" and "--out" finds
 * "--output" only through its prefix, never "--at" for "--as-of". */
static const char *nearest(const char *given, const struct option *opts)
{
    const char *best = NULL;
    int best_d = 3;
    size_t i;

    for (i = 0; opts[i].name; i++) {
        int dd = distance(given, opts[i].name);
        if (dd < best_d && (size_t)dd * 3 <= strlen(opts[i].name)) {
            best = opts[i].name;
            best_d = dd;
        }
    }
    return best;
}

int cli_bad_option(const char *cmd, int c, char **argv,
                   const struct option *opts)
{
    const char *word = argv[optind - 1];
    char name[64];
    const char *hint;
    size_t n;

    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", word);
    if (optopt && strncmp(word, "--", 2))
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    /* "--asof=2024-01-01": the name is what comes before "=" */
    n = strcspn(word + 2, "=");
    if (strncmp(word, "--", 2) || n >= sizeof name)
        return cli_usage_error(cmd, "unknown option '%s'", word);
    memcpy(name, word + 2, n);
    name[n] = '\0';
    hint = nearest(name, opts);
    if (hint)
        return cli_usage_error(cmd, "unknown option '--%s'; did you mean "
                               "'--%s'?", name, hint);
    return cli_usage_error(cmd, "unknown option '--%s'", name);
}

/* ---- values ----------------------------------------------------------- */

static const char *const month_names[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

int cli_opt_date(const char *cmd, const char *opt, const char *arg,
                 rag_date *out)
{
    int y, m, d, n = 0;

    if (sscanf(arg, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
        arg[n] || arg[4] != '-' || arg[7] != '-')
        return cli_usage_error(cmd, "%s takes a date as YYYY-MM-DD, not '%s'",
                               opt, arg);
    if (m < 1 || m > 12)
        return cli_usage_error(cmd, "%s: the date %s does not exist: there "
                               "is no month %d", opt, arg, m);
    if (d < 1 || d > month_days(y, m))
        return cli_usage_error(cmd, "%s: the date %s does not exist: %s %d "
                               "has %d days", opt, arg, month_names[m - 1],
                               y, month_days(y, m));
    if (!cli_parse_date(arg, &out->year, &out->month, &out->day))
        return cli_usage_error(cmd, "%s: the date %s is out of range", opt,
                               arg);
    return RAG_EXIT_OK;
}

int cli_opt_tolerance(const char *cmd, const char *arg, double *out)
{
    if (!cli_parse_tolerance(arg, out))
        return cli_usage_error(cmd, "--tolerance takes a percentage above 0 "
                               "and up to 100, like 5 or 5%%, not '%s'", arg);
    return RAG_EXIT_OK;
}

/* ---- outputs ---------------------------------------------------------- */

/* What "-" stands for, and the text output being written beside its
 * target, finished by cli_outputs_end() once the command has returned. */
static struct {
    FILE *stdout_file;      /* a workbook for stdout, made there first */
    char stdout_path[32];   /* "/dev/fd/N" naming it to the library */
    rg_outfile *text_file;  /* -o FILE for text: written beside it */
    const char *text_target;
    int real_stdout;        /* the caller's stdout once -o FILE took fd 1 */
    bool complete;          /* the text is whole whatever the status */
} pending = {NULL, "", NULL, NULL, -1, false};

void cli_text_output_complete(void)
{
    pending.complete = true;
}

const char *cli_scratch_dir(void)
{
    /* beside -o FILE, as the output itself: a full /tmp cannot stop it */
    if (pending.text_file)
        return rg_outfile_dir(pending.text_file);
    return rg_tmpdir();
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix), i;
    if (ls < lx)
        return false;
    for (i = 0; i < lx; i++)
        if ((s[ls - lx + i] | 0x20) != suffix[i])
            return false;
    return true;
}

/* The first folder of path's parents that does not exist, in missing;
 * or a parent that is not a folder.  Returns 0 when the folder is there,
 * 1 when missing, 2 when not a folder. */
static int missing_folder(const char *path, char *missing, size_t size)
{
    char dir[4096];
    struct stat st;
    char *slash;
    size_t i;

    if (strlen(path) >= sizeof dir)
        return 0;   /* the writer reports a name that long */
    strcpy(dir, path);
    slash = strrchr(dir, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    if (!dir[0] || (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    /* walk down from the top to the first part that is not a folder */
    for (i = 1; i <= strlen(dir); i++) {
        char keep = dir[i];
        if (keep != '/' && keep != '\0')
            continue;
        dir[i] = '\0';
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            int why = stat(dir, &st) != 0 ? 1 : 2;
            snprintf(missing, size, "%s", dir);
            return why;
        }
        dir[i] = keep;
    }
    return 0;
}

/* A file that cannot be written gets the contract's one line naming it
 * and the reason, as the writer's own errors do. */
/* Temporary files beside path that earlier runs left when they were
 * killed (util/outfile.c; a run now leaves none where O_TMPFILE works):
 * named in one line, never removed, since they may be someone's. */
static void warn_stale(const char *path)
{
    rg_buf names = {NULL, 0, 0};
    size_t n = rg_outfile_stale(path, &names);

    if (n && names.data)
        fprintf(stderr, "ragbook: %s: warning: %zu temporary file%s beside "
                        "it left by an earlier run that did not finish "
                        "(not removed): %s\n",
                path, n, n == 1 ? "" : "s", names.data);
    rg_buf_free(&names);
}

static int check_folder(const char *path)
{
    char missing[4096];
    switch (missing_folder(path, missing, sizeof missing)) {
    case 1:
        fprintf(stderr, "ragbook: %s: cannot write: there is no folder "
                        "'%s'\n", path, missing);
        return RAG_EXIT_TROUBLE;
    case 2:
        fprintf(stderr, "ragbook: %s: cannot write: '%s' is not a folder\n",
                path, missing);
        return RAG_EXIT_TROUBLE;
    default:
        warn_stale(path);
        return RAG_EXIT_OK;
    }
}

int cli_workbook_output(const char *cmd, const char **path)
{
    if (!strcmp(*path, "-")) {
        /* A workbook is bytes no terminal can show, and would leave it
         * in a state needing `reset`. */
        if (isatty(STDOUT_FILENO))
            return cli_usage_error(cmd, "will not write a workbook to the "
                                   "terminal: redirect stdout "
                                   "(-o - > out.xlsx) or name a file");
        if (pending.stdout_file)
            return cli_usage_error(cmd, "only one output can go to stdout");
        /* Made first in a file with no name in TMPDIR (O_TMPFILE, or a
         * name removed the moment it is made: util/outfile.c), handed to
         * the library as "/dev/fd/N" (ragbook/write.h), which puts the
         * workbook there only once it is whole and read back; then
         * copied to stdout by cli_outputs_end().  Nothing reaches stdout
         * unless it is whole, and no kill can leave anything in TMPDIR. */
        pending.stdout_file = rg_scratch_open(rg_tmpdir());
        if (!pending.stdout_file) {
            fprintf(stderr, "ragbook: cannot make a temporary file for "
                            "stdout in %s: %s\n", rg_tmpdir(),
                    strerror(errno));
            return RAG_EXIT_TROUBLE;
        }
        snprintf(pending.stdout_path, sizeof pending.stdout_path,
                 "/dev/fd/%d", fileno(pending.stdout_file));
        *path = pending.stdout_path;
        return RAG_EXIT_OK;
    }
    if (!has_suffix(*path, ".xlsx") && !has_suffix(*path, ".xlsm")) {
        const char *dot = strrchr(*path, '.');
        if (dot && strchr(dot, '/'))
            dot = NULL;
        return cli_usage_error(cmd, "cannot write '%s': ragbook writes XLSX "
                               "workbooks only, named .xlsx (or .xlsm)%s",
                               *path,
                               dot && has_suffix(dot, ".csv")
                                   ? "; for CSV see ragbook cells "
                                     "--format csv"
                                   : "");
    }
    return check_folder(*path);
}

const char *cli_output_shown(const char *path)
{
    return pending.stdout_file && !strcmp(path, pending.stdout_path)
               ? "stdout"
               : path;
}

int cli_text_output(const char *cmd, const char *path, char *const *inputs,
                    size_t n)
{
    int e;

    if (!strcmp(path, "-"))
        return RAG_EXIT_OK;
    if (check_folder(path) != RAG_EXIT_OK)
        return RAG_EXIT_TROUBLE;
    if (cli_same_file(path, inputs, n))
        return cli_usage_error(cmd, "the output '%s' is one of the inputs; "
                               "an input is never overwritten", path);
    /* Written beside the target (util/outfile.c), so that putting it in
     * place at the end is within one file system and the target is whole
     * or absent. */
    e = rg_outfile_open(path, &pending.text_file);
    if (e) {
        fprintf(stderr, "ragbook: %s: cannot write: %s\n", path, strerror(e));
        return RAG_EXIT_TROUBLE;
    }
    if (fflush(stdout) != 0 ||
        (pending.real_stdout = dup(STDOUT_FILENO)) < 0 ||
        dup2(rg_outfile_fd(pending.text_file), STDOUT_FILENO) < 0) {
        fprintf(stderr, "ragbook: %s: cannot write: %s\n", path,
                strerror(errno));
        rg_outfile_abort(pending.text_file);
        pending.text_file = NULL;
        return RAG_EXIT_TROUBLE;
    }
    pending.text_target = path;
    return RAG_EXIT_OK;
}

/* Copy the file of from to fd, whole, from its start; false on any
 * error (errno says which). */
static bool copy_to_fd(int from, int fd)
{
    char buf[1 << 16];
    off_t at = 0;
    ssize_t n;

    for (;;) {
        size_t done = 0;
        n = pread(from, buf, sizeof buf, at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0;
        while (done < (size_t)n) {
            ssize_t w = write(fd, buf + done, (size_t)n - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                if (w == 0)
                    errno = EIO;
                return false;
            }
            done += (size_t)w;
        }
        at += n;
    }
}

int cli_outputs_end(int status)
{
    if (pending.text_file) {
        /* exit 1 is validate's answer (findings), not a failure; and
         * validate's 2 for an unreadable input comes with every other
         * file's lines, whole */
        bool keep = status <= RAG_EXIT_FINDINGS || pending.complete;
        int e = 0;
        bool wrote = !ferror(stdout);
        errno = 0;
        if (fflush(stdout) != 0 || !wrote || rg_io_fails(RG_IO_WRITE)) {
            e = errno ? errno : EIO;
            /* A command that saw its own writes fail has said so in its
             * one line ("cannot write the output"): not a second one. */
            if (status != RAG_EXIT_TROUBLE)
                fprintf(stderr, "ragbook: %s: cannot write: %s\n",
                        pending.text_target, strerror(e));
            rg_outfile_abort(pending.text_file);
        } else if (keep) {
            e = rg_outfile_commit(pending.text_file); /* fsync, in place */
            if (e)
                fprintf(stderr, "ragbook: %s: cannot write: %s\n",
                        pending.text_target, strerror(e));
        } else {
            rg_outfile_abort(pending.text_file);
        }
        pending.text_file = NULL;
        if (e)
            status = RAG_EXIT_TROUBLE;
    }
    if (pending.stdout_file) {
        struct stat st;
        int fd = fileno(pending.stdout_file);
        /* The library puts the workbook in the file only when it is
         * whole and read back (and leaves it empty otherwise):
         * consolidate writes what it could read even when an input could
         * not be (exit 2), so what the file holds decides, not the
         * status. */
        if (fstat(fd, &st) == 0 && st.st_size > 0 &&
            (fflush(stdout) != 0 ||
             !copy_to_fd(fd, pending.real_stdout >= 0 ? pending.real_stdout
                                                      : STDOUT_FILENO))) {
            fprintf(stderr, "ragbook: cannot write the workbook to stdout: "
                            "%s\n", strerror(errno));
            status = RAG_EXIT_TROUBLE;
        }
        fclose(pending.stdout_file); /* unnamed: it goes with it */
        pending.stdout_file = NULL;
        pending.stdout_path[0] = '\0';
    }
    return status;
}
