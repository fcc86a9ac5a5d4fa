/*
 * The inputs of validate and consolidate (see inputs.h): folders, "-",
 * lock files, patterns that matched nothing, and ragbook's own outputs.
 */
#define _XOPEN_SOURCE 700 /* getline, lstat, strdup */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/inputs.h"
#include "util/outfile.h"

/* The defined name ragbook gives a whole workbook it wrote (see
 * RG_CV_MARK_OUTPUT in src/outputs/convert_impl.h). */
#define OUTPUT_MARK "_ragbook_output"

typedef struct file_id {
    dev_t dev;
    ino_t ino;
} file_id;

static void oom(void)
{
    fprintf(stderr, "ragbook: out of memory\n");
}

/* ---- lock files ----------------------------------------------------------- */

/* Append code point c to out as UTF-8. */
static size_t put_utf8(char *out, unsigned c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/*
 * Who has the workbook open, from its Office owner file, into name (at
 * least 220 bytes); false when the file does not say.  The layout, as
 * Office 2016 writes it (162 bytes for Word, 165 for Excel): one byte, the
 * user name's length (1 to 52, Office's limit); the name in the Windows
 * 8-bit code page, padded with zero bytes (Word) or spaces (Excel) up to
 * offset 54 (Word) or 55 (Excel); there a 2-byte length and the name again
 * in UTF-16LE.  The UTF-16 copy is used, so any name reads right.
 */
static bool lock_owner(const char *path, char *name, size_t size)
{
    unsigned char b[256];
    size_t n, at, len, i, o = 0;
    FILE *f = fopen(path, "rb");

    if (!f)
        return false;
    n = fread(b, 1, sizeof b, f);
    fclose(f);
    if (n < 162 || b[0] < 1 || b[0] > 52)
        return false;
    at = 54;
    /* a Word file has zero bytes before 54; Excel's spaces run on to 55 */
    if (b[54] == 0x20 && (b[53] || b[52]))
        at = 55;
    len = b[at];
    if (len < 1 || len > 52 || at + 2 + 2 * len > n)
        return false;
    for (i = 0; i < len && o + 5 < size; i++) {
        unsigned c = b[at + 2 + 2 * i] | (unsigned)b[at + 3 + 2 * i] << 8;
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < len) {
            unsigned lo = b[at + 4 + 2 * i] | (unsigned)b[at + 5 + 2 * i]
                                                  << 8;
            if (lo >= 0xDC00 && lo < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if (c < 0x20 || (c >= 0xD800 && c < 0xE000))
            return false; /* not a name: some other file called ~$... */
        o += put_utf8(name + o, c);
    }
    name[o] = '\0';
    return o > 0;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static bool is_lock_file(const char *path)
{
    const char *b = base_name(path);
    return b[0] == '~' && b[1] == '$';
}

static void say_lock_file(const cli_inputs *in, const char *path)
{
    char owner[256];
    const char *open_book = base_name(path) + 2;

    if (in->quiet)
        return;
    if (lock_owner(path, owner, sizeof owner))
        fprintf(stderr,
                "ragbook: %s: skipped: Excel's lock file, there while %s "
                "has %s open\n",
                path, owner, open_book);
    else
        fprintf(stderr,
                "ragbook: %s: skipped: Excel's lock file, there while %s "
                "is open\n",
                path, open_book);
}

/* ---- the list ------------------------------------------------------------ */

static bool has_wildcard(const char *s)
{
    return strpbrk(s, "*?[") != NULL;
}

static bool workbook_name(const char *name)
{
    size_t n = strlen(name);
    const char *ext = n > 5 ? name + n - 5 : "";
    return !strcasecmp(ext, ".xlsx") || !strcasecmp(ext, ".xlsm");
}

/* false when memory ran out. */
static bool push(cli_inputs *in, const char *path, const struct stat *st)
{
    file_id *seen = in->seen;
    size_t i;
    char *copy;

    if (st) {
        for (i = 0; i < in->seen_count; i++)
            if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
                return true; /* named twice: read once */
        if (in->seen_count == in->seen_cap) {
            size_t cap = in->seen_cap ? in->seen_cap * 2 : 64;
            file_id *grown = realloc(seen, cap * sizeof *grown);
            if (!grown)
                return false;
            in->seen = seen = grown;
            in->seen_cap = cap;
        }
        seen[in->seen_count].dev = st->st_dev;
        seen[in->seen_count++].ino = st->st_ino;
    }
    if (in->count == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 64;
        char **grown = realloc(in->paths, cap * sizeof *grown);
        if (!grown)
            return false;
        in->paths = grown;
        in->cap = cap;
    }
    copy = strdup(path);
    if (!copy)
        return false;
    in->paths[in->count++] = copy;
    return true;
}

/* Name order as a file manager shows it: case ignored, then bytes (so
 * the order is the same on every machine, whatever the locale). */
static int by_name(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int c = strcasecmp(x, y);
    return c ? c : strcmp(x, y);
}

/* Search dir for workbooks, in name order.  *found counts them. */
static bool walk(const char *cmd, cli_inputs *in, const char *dir,
                 size_t *found)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    bool ok = true;

    (void)cmd;
    if (!d) {
        fprintf(stderr, "ragbook: %s: cannot read the folder: %s\n", dir,
                strerror(errno));
        in->trouble = true;
        return true;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden folders and LibreOffice's locks */
        if (n == cap) {
            size_t c2 = cap ? cap * 2 : 32;
            char **g = realloc(names, c2 * sizeof *g);
            if (!g) {
                ok = false;
                break;
            }
            names = g;
            cap = c2;
        }
        if (!(names[n] = strdup(e->d_name))) {
            ok = false;
            break;
        }
        n++;
    }
    closedir(d);
    if (ok && n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; ok && i < n; i++) {
        size_t len = strlen(dir);
        char *path = malloc(len + strlen(names[i]) + 2);
        struct stat st, lst;
        if (!path) {
            ok = false;
            break;
        }
        sprintf(path, "%s%s%s", dir,
                len && dir[len - 1] == '/' ? "" : "/", names[i]);
        if (lstat(path, &lst) == 0 && stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                /* a link to a folder is not followed: it may loop */
                if (!S_ISLNK(lst.st_mode))
                    ok = walk(cmd, in, path, found);
            } else if (S_ISREG(st.st_mode) && workbook_name(names[i])) {
                (*found)++;
                if (is_lock_file(path)) {
                    say_lock_file(in, path);
                    in->skipped++;
                } else {
                    ok = push(in, path, &st);
                }
            }
        }
        free(path);
    }
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return ok;
}

static bool one(const char *cmd, cli_inputs *in, const char *arg)
{
    struct stat st;

    if (stat(arg, &st) != 0) {
        if (errno == ENOENT && has_wildcard(arg)) {
            fprintf(stderr, "ragbook %s: no file matches '%s'\n", cmd, arg);
            in->trouble = true;
            return true;
        }
        if (is_lock_file(arg)) {
            /* gone already: the workbook was closed */
            if (!in->quiet)
                fprintf(stderr,
                    "ragbook: %s: skipped: Excel's lock file, gone now\n",
                    arg);
            in->skipped++;
            return true;
        }
        return push(in, arg, NULL); /* the reader says why */
    }
    if (S_ISDIR(st.st_mode)) {
        size_t found = 0;
        if (!walk(cmd, in, arg, &found))
            return false;
        if (!found) {
            fprintf(stderr,
                    "ragbook %s: no .xlsx or .xlsm file in the folder '%s'\n",
                    cmd, arg);
            in->trouble = true;
        }
        return true;
    }
    if (is_lock_file(arg)) {
        say_lock_file(in, arg);
        in->skipped++;
        return true;
    }
    return push(in, arg, &st);
}

static bool from_stdin(const char *cmd, cli_inputs *in)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool ok = true;

    while (ok && (n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        ok = one(cmd, in, line);
    }
    if (ferror(stdin)) {
        fprintf(stderr, "ragbook %s: cannot read the file names on stdin: "
                        "%s\n",
                cmd, strerror(errno));
        in->trouble = true;
    }
    free(line);
    return ok;
}

bool cli_inputs_collect(const char *cmd, char *const *args, size_t n,
                        bool quiet, cli_inputs *in)
{
    size_t i;
    bool ok = true;

    memset(in, 0, sizeof *in);
    in->quiet = quiet;
    for (i = 0; i < n && ok; i++)
        ok = !strcmp(args[i], "-") ? from_stdin(cmd, in)
                                   : one(cmd, in, args[i]);
    if (!ok)
        oom();
    return ok;
}

void cli_inputs_drop(cli_inputs *in, size_t i)
{
    if (i >= in->count)
        return;
    free(in->paths[i]);
    memmove(&in->paths[i], &in->paths[i + 1],
            (in->count - i - 1) * sizeof *in->paths);
    in->count--;
}

void cli_inputs_free(cli_inputs *in)
{
    size_t i;
    for (i = 0; i < in->count; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->seen);
    memset(in, 0, sizeof *in);
}

/* ---- ragbook's outputs ----------------------------------------------------- */

const char *cli_ragbook_output(const rag_workbook *wb)
{
    size_t i;

    for (i = 0; wb && i < wb->name_count; i++) {
        const rag_defined_name *d = &wb->names[i];
        if (d->sheet < 0 && d->name && d->value &&
            !strcmp(d->name, OUTPUT_MARK)) {
            if (strstr(d->value, "report"))
                return "validate --report";
            if (strstr(d->value, "consolidate"))
                return "consolidate";
            return "ragbook";
        }
    }
    return NULL;
}

const char *cli_ragbook_output_file(const char *path)
{
    rag_workbook *wb = NULL;
    const char *kind;

    if (rag_workbook_open(path, NULL, &wb, NULL) != RAG_OK)
        return NULL;
    kind = cli_ragbook_output(wb);
    rag_workbook_free(wb);
    return kind;
}

bool cli_same_file(const char *path, char *const *paths, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (rg_same_file(path, paths[i]))
            return true;
    return false;
}

bool cli_inputs_drop_output(cli_inputs *in, const char *out)
{
    size_t i;
    char *one[1];

    for (i = 0; i < in->count; i++) {
        const char *kind;
        one[0] = in->paths[i];
        if (!cli_same_file(out, one, 1))
            continue;
        kind = cli_ragbook_output_file(in->paths[i]);
        if (!kind)
            return false;
        if (!in->quiet)
            fprintf(stderr,
                    "ragbook: %s: skipped: this run's output (a workbook "
                    "ragbook %s wrote), to be replaced\n",
                    in->paths[i], kind);
        cli_inputs_drop(in, i);
        in->skipped++;
        i--;
    }
    return true;
}

void cli_inputs_say_ours(const cli_inputs *in, const char *path,
                         const char *kind)
{
    if (in->quiet)
        return;
    fflush(stdout);
    fprintf(stderr,
            "ragbook: %s: skipped: a workbook ragbook %s wrote, not a "
            "return\n",
            path, kind);
}

void cli_inputs_drop_ours(cli_inputs *in)
{
    size_t i;

    for (i = 0; i < in->count; i++) {
        /* only the defined names are read: a quick look, not a read */
        const char *kind = cli_ragbook_output_file(in->paths[i]);
        if (!kind)
            continue;
        cli_inputs_say_ours(in, in->paths[i], kind);
        cli_inputs_drop(in, i);
        in->skipped++;
        i--;
    }
}
