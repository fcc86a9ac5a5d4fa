/*
 * Outputs proven whole before they are put in place: see output.h.
 */
#define _GNU_SOURCE /* fopencookie */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/reader.h"
#include "util/outfile.h"
#include "writer/output.h"

struct rg_output {
    rg_outfile *file; /* util/outfile.c: unnamed, or hidden beside it */
};

static rag_status io_fail(rag_error *err, int e, const char *what)
{
    if (e == ENOMEM)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (err && err->status == RAG_OK)
        err->sys_errno = e;
    return rg_fail(err, RAG_ERR_IO, "%s: %s", what, strerror(e));
}

rag_status rg_output_open(const char *path, rg_output **out, rag_error *err)
{
    rg_output *o;
    int e;

    *out = NULL;
    o = rg_calloc(1, sizeof *o);
    if (!o)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    e = rg_outfile_open(path, &o->file);
    if (e) {
        rg_free(o);
        return io_fail(err, e, "cannot create a file beside it");
    }
    *out = o;
    return RAG_OK;
}

const char *rg_output_file(const rg_output *o)
{
    return rg_outfile_name(o->file);
}

const char *rg_output_tmpdir(const rg_output *o)
{
    return rg_outfile_dir(o->file);
}

void rg_output_abort(rg_output *o)
{
    if (!o)
        return;
    rg_outfile_abort(o->file);
    rg_free(o);
}

rag_status rg_output_commit(rg_output *o, rag_error *err)
{
    rag_status st;
    int e;

    st = rg_output_verify(rg_outfile_name(o->file), err);
    if (st != RAG_OK) {
        rg_output_abort(o);
        return st;
    }
    e = rg_outfile_commit(o->file);
    o->file = NULL;
    rg_free(o);
    if (e)
        return io_fail(err, e, "cannot put the output in place");
    return RAG_OK;
}

/* ---- reading back ---------------------------------------------------- */

static int count_sink(void *ctx, const char *data, size_t len)
{
    (void)data;
    *(uint64_t *)ctx += len;
    return 0;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && rg_streq_nocase(s + n - m, tail);
}

/* Every entry: the sheets (streamed by the reader already) skipped, XML
 * parsed, anything else inflated; none may be empty. */
static rag_status check_entries(rag_workbook *wb, rag_error *e)
{
    static const rg_xml_handlers none = {NULL, NULL, NULL};
    rg_zip *z = wb->impl->zip;
    size_t i, k, n = rg_zip_count(z);
    rag_status st;

    for (i = 0; i < n; i++) {
        const char *name = rg_zip_name(z, i);
        bool sheet = false;
        uint64_t bytes = 0;

        for (k = 0; k < wb->sheet_count && !sheet; k++)
            sheet = wb->sheets[k].part &&
                    strcmp(wb->sheets[k].part, name) == 0;
        if (sheet || ends_with(name, "/"))
            continue;
        if (ends_with(name, ".xml") || ends_with(name, ".rels") ||
            ends_with(name, ".vml")) {
            /* An empty part fails here: expat wants a root element. */
            st = rg_xml_parse_part(z, name, &none, NULL, 0, e);
        } else {
            st = rg_zip_read(z, name, count_sink, &bytes, e);
            if (st == RAG_OK && bytes == 0)
                st = rg_fail(e, RAG_ERR_ZIP, "the part is empty");
        }
        if (st != RAG_OK) {
            rg_error_set_part(e, name);
            return st;
        }
    }
    return RAG_OK;
}

rag_status rg_output_verify(const char *path, rag_error *err)
{
    rag_workbook *wb = NULL;
    rag_error e;
    rag_status st;
    char why[600];
    size_t i;

    rag_error_clear(&e);
    st = rag_workbook_open(path, NULL, &wb, &e);
    for (i = 0; st == RAG_OK && i < wb->sheet_count; i++)
        st = rag_sheet_stream(wb, i, NULL, &e);
    if (st == RAG_OK)
        st = check_entries(wb, &e);
    rag_workbook_free(wb);
    if (st == RAG_OK)
        return RAG_OK;
    if (st == RAG_ERR_NOMEM)
        return rg_fail(err, st, "out of memory");
    /* e names the temporary file: say only what went wrong inside it. */
    e.file[0] = '\0';
    rag_error_format(&e, why, sizeof why);
    return rg_fail(err, RAG_ERR_WRITE, "the workbook written does not read "
                   "back whole (is the disk full?): %s", why);
}

/* ---- libxlsxwriter's own messages ------------------------------------ */

#ifdef __GLIBC__
static struct {
    int depth;     /* writers open */
    FILE *real;    /* stderr before the first */
    FILE *filter;  /* stderr while any is open */
    char head[16]; /* a line's first bytes, while they may be a marker */
    size_t len;
    bool decided;  /* the line is known to be ours or libxlsxwriter's */
    bool drop;     /* ... libxlsxwriter's */
} mute;

static const char *const markers[] = {"[ERROR]", "[WARNING]"};

/* head[0..len) is a whole marker (1), the start of one (0), or neither
 * (-1). */
static int marker(const char *head, size_t len)
{
    size_t i, n;
    int r = -1;
    for (i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        n = strlen(markers[i]);
        if (len >= n && !memcmp(head, markers[i], n))
            return 1;
        if (len < n && !memcmp(head, markers[i], len))
            r = 0;
    }
    return r;
}

/* Each line is passed on as it comes, but for its first few bytes while
 * they could still be "[ERROR]" or "[WARNING]": so a progress line shows
 * at once, and only libxlsxwriter's lines are dropped. */
static ssize_t mute_write(void *cookie, const char *buf, size_t size)
{
    size_t i;
    (void)cookie;
    for (i = 0; i < size; i++) {
        char c = buf[i];
        if (!mute.decided) {
            int m;
            mute.head[mute.len++] = c;
            m = marker(mute.head, mute.len);
            if (m != 0) {
                mute.decided = true;
                mute.drop = m == 1;
                if (!mute.drop)
                    fwrite(mute.head, 1, mute.len, mute.real);
                mute.len = 0;
            }
        } else if (!mute.drop) {
            fputc(c, mute.real);
        }
        if (c == '\n' || c == '\r') { /* '\r': a progress line's end */
            mute.decided = false;
            mute.len = 0;
        }
    }
    fflush(mute.real);
    return (ssize_t)size;
}
#endif

void rg_mute_begin(void)
{
#ifdef __GLIBC__
    static const cookie_io_functions_t io = {NULL, mute_write, NULL, NULL};
    if (mute.depth++ > 0)
        return;
    mute.real = stderr;
    mute.len = 0;
    mute.decided = false;
    mute.filter = fopencookie(NULL, "w", io);
    if (!mute.filter)
        return; /* left as it is: messages show, nothing is lost */
    setvbuf(mute.filter, NULL, _IONBF, 0);
    stderr = mute.filter;
#endif
}

void rg_mute_end(void)
{
#ifdef __GLIBC__
    if (mute.depth == 0 || --mute.depth > 0)
        return;
    if (mute.filter) {
        stderr = mute.real;
        fclose(mute.filter);
        mute.filter = NULL;
        if (mute.len) /* the start of a last line, never finished */
            fwrite(mute.head, 1, mute.len, mute.real);
        mute.len = 0;
        mute.decided = false;
    }
#endif
}

void rg_quiet_begin(rg_quiet *q)
{
    memset(q, 0, sizeof *q);
#ifdef __GLIBC__
    q->mem = open_memstream(&q->text, &q->len);
    if (q->mem) {
        q->saved = stderr;
        stderr = q->mem;
    }
#endif
}

void rg_quiet_end(rg_quiet *q)
{
#ifdef __GLIBC__
    if (q->mem) {
        stderr = q->saved;
        fclose(q->mem); /* text and len are final now */
        q->mem = NULL;
    }
#else
    (void)q;
#endif
}

const char *rg_quiet_reason(rg_quiet *q, char *buf, size_t size)
{
    static const char key[] = "System error = ";
    const char *p, *last = NULL;
    size_t n;

    for (p = q->text; p && (p = strstr(p, key)) != NULL; p += sizeof key - 1)
        last = p + sizeof key - 1;
    if (!last || !size)
        return NULL;
    n = strcspn(last, "\r\n.");
    if (n >= size)
        n = size - 1;
    memcpy(buf, last, n);
    buf[n] = '\0';
    return n ? buf : NULL;
}

void rg_quiet_free(rg_quiet *q)
{
    rg_quiet_end(q);
    free(q->text); /* open_memstream's, from malloc() */
    q->text = NULL;
}
