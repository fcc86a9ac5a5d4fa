/* JSON text and the spool (see cli.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/outfile.h"
#include "util/util.h"

void json_string(FILE *f, const char *s, size_t len)
{
    rg_json_string(f, s, len);
}

void json_cstr(FILE *f, const char *s)
{
    rg_json_cstr(f, s);
}

void json_finding(FILE *f, const rag_finding *x)
{
    char ref[16];

    fputs("{\"file\": ", f);
    json_cstr(f, x->file);
    fputs(", \"sheet\": ", f);
    json_cstr(f, x->sheet);
    fputs(", \"cell\": ", f);
    json_cstr(f, x->sheet && x->has_cell
                     ? rag_cell_ref_format(x->row, x->col, ref)
                     : NULL);
    fputs(", \"rule\": ", f);
    json_cstr(f, x->rule);
    fputs(", \"severity\": ", f);
    json_cstr(f, rag_severity_name(x->severity));
    fputs(", \"message\": ", f);
    json_cstr(f, x->message);
    if (x->ref) {
        fputs(", \"ref\": ", f);
        json_cstr(f, x->ref);
    }
    if (x->period) {
        fputs(", \"period\": ", f);
        json_cstr(f, x->period);
    }
    fputs("}\n", f);
}

void json_number(FILE *f, double v)
{
    char buf[40];
    rg_format_double(v, buf, sizeof buf);
    fputs(buf, f);
}

/* The spool's stdio buffer.  stdio's own is a page, and `cells` writes
 * a line per cell: 200,000 rows of JSON (215 MB) made 52,000 write calls.
 * A quarter of a megabyte makes 820 and stays far inside the memory
 * `cells` promises (flat, under 20 MB). */
#define SPOOL_BUFFER (256u * 1024u)

FILE *spool_open(cli_spool *sp)
{
    /* An unnamed file (util/outfile.c: nothing is left if the run is
     * killed): the kernel's page cache holds small spools, and memory
     * stays flat for large ones.  Beside -o FILE, else in TMPDIR (tmpfile()
     * would take /tmp whatever TMPDIR says). */
    sp->dir = cli_scratch_dir();
    sp->file = rg_scratch_open(sp->dir);
    sp->error = sp->file ? 0 : errno;
    sp->buffer = NULL;
    /* without it, stdio's own page-sized buffer serves */
    if (sp->file && (sp->buffer = rg_malloc(SPOOL_BUFFER)) &&
        setvbuf(sp->file, sp->buffer, _IOFBF, SPOOL_BUFFER) != 0) {
        rg_free(sp->buffer);
        sp->buffer = NULL;
    }
    return sp->file;
}

void spool_failed(const char *file, const cli_spool *sp)
{
    fprintf(stderr, "ragbook: %s: cannot make a temporary file in %s: %s "
            "(set TMPDIR, or write with -o FILE)\n", file, sp->dir,
            strerror(sp->error ? sp->error : EIO));
}

bool spool_copy(cli_spool *sp, long start, long end, FILE *out)
{
    char buf[1 << 16];
    long left = end - start;

    if (!sp->file || fseek(sp->file, start, SEEK_SET) != 0)
        return false;
    while (left > 0) {
        size_t want = left < (long)sizeof buf ? (size_t)left : sizeof buf;
        size_t n = fread(buf, 1, want, sp->file);
        if (n == 0 || fwrite(buf, 1, n, out) != n)
            return false;
        left -= (long)n;
    }
    return !ferror(out);
}

void spool_close(cli_spool *sp)
{
    if (sp->file)
        fclose(sp->file);
    sp->file = NULL;
    rg_free(sp->buffer); /* after fclose, which flushes through it */
    sp->buffer = NULL;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

void cli_say_written(const char *cmd, const char *out, size_t plans,
                     size_t files, size_t errors, size_t warnings,
                     size_t infos, const char *extra)
{
    fflush(stdout);
    fprintf(stderr, "ragbook %s: wrote %s: %zu plan%s", cmd,
            cli_output_shown(out), plans, plural(plans));
    if (files != (size_t)-1)
        fprintf(stderr, " from %zu file%s", files, plural(files));
    fprintf(stderr, ", %zu error%s, %zu warning%s, %zu info%s%s\n", errors,
            plural(errors), warnings, plural(warnings), infos, plural(infos),
            extra ? extra : "");
}
