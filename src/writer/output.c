/*
 * Outputs proven whole before they are put in place: see output.h.
 */
#define _GNU_SOURCE /* O_TMPFILE, linkat */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/reader.h"
#include "writer/output.h"

/* ".NAME.ragbook-XXXXXX": what the temporary name adds to the target's. */
#define TMP_PREFIX "."
#define TMP_SUFFIX ".ragbook-XXXXXX"
#define TMP_EXTRA (sizeof TMP_PREFIX - 1 + sizeof TMP_SUFFIX - 1)

/* The longest file name when the file system will not say: POSIX's
 * NAME_MAX on Linux (ext4, xfs, btrfs, tmpfs all take 255 bytes). */
#define DEFAULT_NAME_MAX 255

struct rg_output {
    char *path;   /* the target */
    char *dir;    /* its directory ("." when none given) */
    char *tmp;    /* the temporary file beside it */
};

static void set_errno(rag_error *err, int e)
{
    if (err && err->status == RAG_OK)
        err->sys_errno = e;
}

/* The file's mode for a new file: 0666 less the umask.  umask() can only
 * be read by setting it, so it is set back at once. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

/* How many bytes of base fit in a name of at most max bytes once the
 * temporary name's prefix and suffix are added, cut at a UTF-8 character
 * boundary so the name stays readable. */
static size_t fitting_len(const char *base, size_t max)
{
    size_t len = strlen(base), room = max > TMP_EXTRA ? max - TMP_EXTRA : 0;

    if (len <= room)
        return len;
    len = room;
    while (len && ((unsigned char)base[len] & 0xC0) == 0x80)
        len--;
    return len;
}

rag_status rg_output_open(const char *path, rg_output **out, rag_error *err)
{
    rg_output *o;
    const char *slash, *base;
    size_t dir_len, keep;
    long name_max;
    int fd, e;

    *out = NULL;
    o = rg_calloc(1, sizeof *o);
    if (!o)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    slash = strrchr(path, '/');
    base = slash ? slash + 1 : path;
    dir_len = slash ? (size_t)(slash - path) : 0;
    o->path = rg_strdup(path);
    /* "/x.xlsx" lives in "/"; "x.xlsx" in "." */
    o->dir = rg_strdup(slash ? path : ".");
    if (!o->path || !o->dir) {
        rg_output_abort(o);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (slash)
        o->dir[dir_len ? dir_len : 1] = '\0';
    name_max = pathconf(o->dir, _PC_NAME_MAX);
    if (name_max <= 0)
        name_max = DEFAULT_NAME_MAX;
    /* In the target's directory, so the rename stays on one file system;
     * the target's name cut short when the whole would be too long. */
    keep = fitting_len(base, (size_t)name_max);
    o->tmp = rg_malloc((size_t)(base - path) + keep + TMP_EXTRA + 1);
    if (!o->tmp) {
        rg_output_abort(o);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    sprintf(o->tmp, "%.*s" TMP_PREFIX "%.*s" TMP_SUFFIX, (int)(base - path),
            path, (int)keep, base);
    fd = mkstemp(o->tmp);
    if (fd < 0) {
        e = errno;
        rg_free(o->tmp);
        o->tmp = NULL;
        rg_output_abort(o);
        set_errno(err, e);
        return rg_fail(err, RAG_ERR_IO, "cannot create a file beside it: %s",
                       strerror(e));
    }
    if (fchmod(fd, new_file_mode()) != 0 || close(fd) != 0) {
        e = errno;
        rg_output_abort(o);
        set_errno(err, e);
        return rg_fail(err, RAG_ERR_IO, "cannot prepare the output: %s",
                       strerror(e));
    }
    *out = o;
    return RAG_OK;
}

const char *rg_output_file(const rg_output *o)
{
    return o->tmp;
}

const char *rg_output_tmpdir(const rg_output *o)
{
    return o->dir;
}

void rg_output_abort(rg_output *o)
{
    if (!o)
        return;
    if (o->tmp)
        unlink(o->tmp);
    rg_free(o->tmp);
    rg_free(o->dir);
    rg_free(o->path);
    rg_free(o);
}

rag_status rg_output_commit(rg_output *o, rag_error *err)
{
    rag_status st;
    int e;

    st = rg_output_verify(o->tmp, err);
    if (st != RAG_OK) {
        rg_output_abort(o);
        return st;
    }
    if (rename(o->tmp, o->path) != 0) {
        e = errno;
        rg_output_abort(o);
        set_errno(err, e);
        return rg_fail(err, RAG_ERR_IO, "cannot put the output in place: %s",
                       strerror(e));
    }
    rg_free(o->tmp);
    o->tmp = NULL;
    rg_output_abort(o);
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
