#define _GNU_SOURCE /* memmem */
/* minizip over zlib, with sniffing and inflate limits.  See zip.h. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unzip.h>

#include "read/zip.h"

typedef struct zip_entry {
    char *name;            /* normalised: '/' separators, no leading '/' */
    unz64_file_pos pos;
    uint64_t compressed, size;
    unsigned long flags;
    unsigned long method;
} zip_entry;

struct rg_zip {
    unzFile uf;
    rg_arena arena;
    zip_entry *entries;
    size_t count;
    uint64_t file_size;
    uint64_t inflated_total;
    rag_read_limits limits;
    bool threads;          /* large entries are inflated ahead (below) */
};

#define CHUNK (64 * 1024)
#define RATIO_GRACE (4u * 1024 * 1024)

static void normalise(char *name)
{
    char *p;
    for (p = name; *p; p++)
        if (*p == '\\')
            *p = '/';
    if (name[0] == '/')
        memmove(name, name + 1, strlen(name));
}

/* An OLE2/CFB file is a legacy .xls unless it holds an EncryptedPackage
 * stream, which is what Excel makes of a password-protected .xlsx.  The
 * stream name is stored in UTF-16LE in the directory sectors. */
static bool cfb_is_encrypted(FILE *f)
{
    static const char name[] = "EncryptedPackage";
    char want[sizeof name * 2];
    char buf[CHUNK + sizeof want];
    size_t i, n, keep = 0;
    uint64_t scanned = 0;

    for (i = 0; i + 1 < sizeof name; i++) {
        want[2 * i] = name[i];
        want[2 * i + 1] = 0;
    }
    rewind(f);
    while ((n = fread(buf + keep, 1, CHUNK, f)) > 0 && scanned < (1u << 30)) {
        size_t len = keep + n;
        size_t wl = 2 * (sizeof name - 1);
        for (i = 0; i + wl <= len; i++)
            if (buf[i] == 'E' && !memcmp(buf + i, want, wl))
                return true;
        keep = wl - 1 < len ? wl - 1 : len;
        memmove(buf, buf + len - keep, keep);
        scanned += n;
    }
    return false;
}

static bool has_eocd(FILE *f, uint64_t size)
{
    /* The end-of-central-directory record is in the last 64 KiB + 22. */
    char buf[65536 + 22];
    size_t want = size < sizeof buf ? (size_t)size : sizeof buf;
    size_t n, i;

    if (fseek(f, (long)(size - want), SEEK_SET) != 0)
        return false;
    n = fread(buf, 1, want, f);
    for (i = n >= 22 ? n - 22 + 1 : 0; i-- > 0;)
        if (!memcmp(buf + i, "PK\x05\x06", 4))
            return true;
    return false;
}

static bool looks_like_text(const unsigned char *p, size_t n)
{
    size_t i, odd = 0;
    for (i = 0; i < n; i++) {
        if (p[i] == 0)
            return false;
        if (p[i] < 0x09 || (p[i] > 0x0D && p[i] < 0x20))
            odd++;
    }
    return odd * 20 < n;
}

static bool starts_with_nocase(const unsigned char *p, size_t n,
                               const char *s)
{
    size_t i, k = strlen(s);
    if (n < k)
        return false;
    for (i = 0; i < k; i++)
        if ((p[i] | 0x20) != (s[i] | 0x20))
            return false;
    return true;
}

/* Say what a file that is not a zip is, in plain words. */
static rag_status sniff(const char *path, uint64_t *size, rag_error *err)
{
    unsigned char head[512];
    size_t n, skip = 0;
    struct stat st;
    FILE *f = fopen(path, "rb");

    if (!f) {
        if (err)
            err->sys_errno = errno;
        return rg_fail(err, RAG_ERR_IO, "cannot open: %s", strerror(errno));
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return rg_fail(err, RAG_ERR_IO, "is a directory");
    }
    n = fread(head, 1, sizeof head, f);
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        if (err)
            err->sys_errno = e;
        return rg_fail(err, RAG_ERR_IO, "cannot read: %s", strerror(e));
    }
    *size = (uint64_t)st.st_size;
    if (n == 0) {
        fclose(f);
        return rg_fail(err, RAG_ERR_NOT_XLSX, "the file is empty");
    }
    if (n >= 8 && !memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        bool enc = cfb_is_encrypted(f);
        fclose(f);
        if (enc)
            return rg_fail(err, RAG_ERR_NOT_XLSX,
                           "the workbook is password-protected (encrypted); "
                           "save it without a password first");
        return rg_fail(err, RAG_ERR_NOT_XLSX,
                       "looks like a legacy .xls workbook; save it as .xlsx");
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
        (head[2] == 3 || head[2] == 5 || head[2] == 7)) {
        bool eocd = has_eocd(f, *size);
        fclose(f);
        if (!eocd)
            return rg_fail(err, RAG_ERR_ZIP,
                           "not an XLSX file: the zip is truncated");
        return RAG_OK;
    }
    fclose(f);
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        skip = 3;
    while (skip < n && (head[skip] == ' ' || head[skip] == '\t' ||
                        head[skip] == '\r' || head[skip] == '\n'))
        skip++;
    if (starts_with_nocase(head + skip, n - skip, "%PDF"))
        return rg_fail(err, RAG_ERR_NOT_XLSX, "looks like a PDF document");
    if (starts_with_nocase(head + skip, n - skip, "{\\rtf"))
        return rg_fail(err, RAG_ERR_NOT_XLSX, "looks like an RTF document");
    if (starts_with_nocase(head + skip, n - skip, "<html") ||
        starts_with_nocase(head + skip, n - skip, "<!doctype html") ||
        starts_with_nocase(head + skip, n - skip, "<table"))
        return rg_fail(err, RAG_ERR_NOT_XLSX,
                       "looks like an HTML page saved with a spreadsheet "
                       "name");
    if (starts_with_nocase(head + skip, n - skip, "<?xml")) {
        if (memmem(head, n, "urn:schemas-microsoft-com:office:spreadsheet",
                   44) ||
            memmem(head, n, "mso-application", 15))
            return rg_fail(err, RAG_ERR_NOT_XLSX,
                           "looks like an Excel 2003 XML spreadsheet");
        return rg_fail(err, RAG_ERR_NOT_XLSX,
                       "looks like a plain XML file, not a zip");
    }
    if (looks_like_text(head, n))
        return rg_fail(err, RAG_ERR_NOT_XLSX,
                       "looks like CSV or plain text, not a zip");
    return rg_fail(err, RAG_ERR_NOT_XLSX, "not a zip archive");
}

static rag_status zip_error(rag_error *err, int code, const char *what)
{
    if (err)
        err->lib_code = code;
    return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is damaged "
                   "(%s)", what);
}

rag_status rg_zip_open(const char *path, const rag_read_limits *limits,
                       rg_zip **out, rag_error *err)
{
    rg_zip *z;
    unz_global_info64 gi;
    uint64_t size = 0;
    size_t cap = 0;
    int rc;
    rag_status st;

    *out = NULL;
    st = sniff(path, &size, err);
    if (st != RAG_OK)
        return st;
    z = rg_calloc(1, sizeof *z);
    if (!z)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    rg_arena_init(&z->arena, 0);
    z->limits = *limits;
    /* On one core a reading thread only adds hand-overs. */
    z->threads = sysconf(_SC_NPROCESSORS_ONLN) > 1;
    z->file_size = size;
    z->uf = unzOpen64(path);
    if (!z->uf) {
        rg_zip_close(z);
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip's "
                       "central directory is damaged or truncated");
    }
    if (unzGetGlobalInfo64(z->uf, &gi) != UNZ_OK) {
        rg_zip_close(z);
        return zip_error(err, UNZ_BADZIPFILE, "no directory");
    }
    if (gi.number_entry > z->limits.entries) {
        rg_zip_close(z);
        return rg_fail(err, RAG_ERR_LIMIT, "the zip has %llu entries, more "
                       "than the limit of %u",
                       (unsigned long long)gi.number_entry,
                       z->limits.entries);
    }
    for (rc = unzGoToFirstFile(z->uf); rc == UNZ_OK;
         rc = unzGoToNextFile(z->uf)) {
        unz_file_info64 info;
        char name[1024];
        zip_entry *e;

        if (z->count >= z->limits.entries) {
            rg_zip_close(z);
            return rg_fail(err, RAG_ERR_LIMIT, "the zip has more than %u "
                           "entries", z->limits.entries);
        }
        rc = unzGetCurrentFileInfo64(z->uf, &info, name, sizeof name, NULL,
                                     0, NULL, 0);
        if (rc != UNZ_OK)
            break;
        /* minizip ends the name with a NUL only when it fits: a name of
         * 1024 bytes or more arrives unterminated (found by fuzzing).
         * No part ragbook reads has such a name; keep it cut. */
        name[sizeof name - 1] = '\0';
        if (!rg_grow((void **)&z->entries, &cap, z->count + 1,
                     sizeof *z->entries)) {
            rg_zip_close(z);
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        e = &z->entries[z->count];
        e->name = rg_arena_strdup(&z->arena, name);
        if (!e->name) {
            rg_zip_close(z);
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        normalise(e->name);
        unzGetFilePos64(z->uf, &e->pos);
        e->compressed = info.compressed_size;
        e->size = info.uncompressed_size;
        e->flags = info.flag;
        e->method = info.compression_method;
        z->count++;
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE) {
        rg_zip_close(z);
        return zip_error(err, rc, "unreadable directory entry");
    }
    *out = z;
    return RAG_OK;
}

void rg_zip_close(rg_zip *z)
{
    if (!z)
        return;
    if (z->uf)
        unzClose(z->uf);
    rg_free(z->entries);
    rg_arena_free(&z->arena);
    rg_free(z);
}

static const zip_entry *find_entry(const rg_zip *z, const char *name)
{
    size_t i;
    while (*name == '/')
        name++;
    for (i = 0; i < z->count; i++)
        if (!strcmp(z->entries[i].name, name))
            return &z->entries[i];
    /* OPC part names are case-insensitive. */
    for (i = 0; i < z->count; i++)
        if (rg_streq_nocase(z->entries[i].name, name))
            return &z->entries[i];
    return NULL;
}

const char *rg_zip_find(const rg_zip *z, const char *name)
{
    const zip_entry *e = find_entry(z, name);
    return e ? e->name : NULL;
}

size_t rg_zip_count(const rg_zip *z)
{
    return z->count;
}

const char *rg_zip_name(const rg_zip *z, size_t i)
{
    return i < z->count ? z->entries[i].name : NULL;
}

/* Inflate the next chunk of the open entry into chunk (at most size
 * bytes), counting it against the limits.  *n gets the bytes inflated (0 at
 * the end).  The ratio is that of the bytes inflated so far to the
 * compressed bytes consumed so far (minizip reads them 16 KiB at a time),
 * not to the entry's size in its header: a bomb is caught a few MiB in,
 * whatever its headers claim and however long it is. */
static rag_status inflate_chunk(rg_zip *z, const zip_entry *e, char *chunk,
                                size_t size, uint64_t start,
                                uint64_t *inflated, int *n, rag_error *err)
{
    uint64_t consumed;

    *n = unzReadCurrentFile(z->uf, chunk, (unsigned)size);
    if (*n < 0) {
        if (err)
            err->lib_code = *n;
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is "
                       "damaged (%s cannot be inflated)", e->name);
    }
    if (*n == 0)
        return RAG_OK;
    *inflated += (uint64_t)*n;
    z->inflated_total += (uint64_t)*n;
    if (*inflated > z->limits.part_bytes)
        return rg_fail(err, RAG_ERR_LIMIT, "refused as a decompression "
                       "bomb: it inflates to more than %llu MiB",
                       (unsigned long long)(z->limits.part_bytes >> 20));
    if (z->inflated_total > z->limits.total_bytes)
        return rg_fail(err, RAG_ERR_LIMIT, "refused as a decompression "
                       "bomb: the workbook inflates to more than %llu MiB",
                       (unsigned long long)(z->limits.total_bytes >> 20));
    consumed = unzGetCurrentFileZStreamPos64(z->uf) - start;
    if (consumed == 0 || consumed > z->file_size)
        consumed = 1;
    if (*inflated > RATIO_GRACE && *inflated / consumed > z->limits.ratio)
        return rg_fail(err, RAG_ERR_LIMIT, "refused as a decompression "
                       "bomb: it inflates to more than %u times its "
                       "compressed size", z->limits.ratio);
    return RAG_OK;
}

/* ---- reading ahead ----------------------------------------------------
 * A large entry is inflated by a second thread into a ring of buffers
 * while the caller's thread parses what came before: on two cores the
 * inflate's time (a third of a sheet's read) is hidden behind the parse.
 * The ring is bounded, so memory stays flat; the sink still sees the
 * bytes in order, on the caller's thread. */

/* Entries whose header says they inflate to less than this are read on
 * the caller's thread: starting a thread (~50 us) and handing buffers
 * over costs more than it saves on the small parts of a workbook (styles,
 * rels, a short sheet).  A lying header only changes the choice, never
 * the limits, which the reading thread checks as the caller's would. */
#define AHEAD_MIN (1u << 20)
/* Four slots of 256 KiB: deep enough that neither thread waits on the
 * other's jitter, small enough to stay in the L2/L3 caches. */
#define AHEAD_SLOTS 4
#define AHEAD_CHUNK (256u * 1024)

typedef struct ahead {
    rg_zip *z;
    const zip_entry *e;
    uint64_t start;
    char *buf[AHEAD_SLOTS];
    size_t len[AHEAD_SLOTS];
    unsigned head, tail, count;  /* filled at head, taken at tail */
    bool done;                   /* the producer has stopped */
    bool stop;                   /* the consumer wants no more */
    rag_status st;               /* the producer's */
    rag_error err;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} ahead;

static void *ahead_main(void *arg)
{
    ahead *a = arg;
    uint64_t inflated = 0;

    for (;;) {
        unsigned slot;
        int n = 0;
        rag_status st;

        pthread_mutex_lock(&a->mu);
        while (a->count == AHEAD_SLOTS && !a->stop)
            pthread_cond_wait(&a->cv, &a->mu);
        if (a->stop) {
            a->done = true;
            pthread_cond_broadcast(&a->cv);
            pthread_mutex_unlock(&a->mu);
            return NULL;
        }
        slot = a->head;
        pthread_mutex_unlock(&a->mu);

        st = inflate_chunk(a->z, a->e, a->buf[slot], AHEAD_CHUNK, a->start,
                           &inflated, &n, &a->err);
        pthread_mutex_lock(&a->mu);
        if (st != RAG_OK || n == 0) {
            a->st = st;
            a->done = true;
        } else {
            a->len[slot] = (size_t)n;
            a->head = (a->head + 1) % AHEAD_SLOTS;
            a->count++;
        }
        pthread_cond_broadcast(&a->cv);
        pthread_mutex_unlock(&a->mu);
        if (a->done)
            return NULL;
    }
}

/* Read the open entry through a reading thread.  false when the thread or
 * its buffers could not be had: the caller then reads on its own. */
static bool read_ahead(rg_zip *z, const zip_entry *e, uint64_t start,
                       rg_zip_sink sink, void *ctx, rag_status *st,
                       rag_error *err)
{
    ahead a;
    pthread_t tid;
    size_t i;
    bool ok = true;

    memset(&a, 0, sizeof a);
    a.z = z;
    a.e = e;
    a.start = start;
    if (err)
        a.err = *err;
    for (i = 0; i < AHEAD_SLOTS && ok; i++)
        ok = (a.buf[i] = rg_malloc(AHEAD_CHUNK)) != NULL;
    if (ok && pthread_mutex_init(&a.mu, NULL) != 0)
        ok = false;
    if (ok && pthread_cond_init(&a.cv, NULL) != 0) {
        pthread_mutex_destroy(&a.mu);
        ok = false;
    }
    if (ok && pthread_create(&tid, NULL, ahead_main, &a) != 0) {
        pthread_cond_destroy(&a.cv);
        pthread_mutex_destroy(&a.mu);
        ok = false;
    }
    if (!ok) {
        for (i = 0; i < AHEAD_SLOTS; i++)
            rg_free(a.buf[i]);
        return false;
    }
    for (;;) {
        unsigned slot;
        int stop;

        pthread_mutex_lock(&a.mu);
        while (a.count == 0 && !a.done)
            pthread_cond_wait(&a.cv, &a.mu);
        if (a.count == 0) { /* done, and nothing left */
            pthread_mutex_unlock(&a.mu);
            break;
        }
        slot = a.tail;
        pthread_mutex_unlock(&a.mu);

        stop = sink(ctx, a.buf[slot], a.len[slot]);
        pthread_mutex_lock(&a.mu);
        a.tail = (a.tail + 1) % AHEAD_SLOTS;
        a.count--;
        if (stop)
            a.stop = true;
        pthread_cond_broadcast(&a.cv);
        pthread_mutex_unlock(&a.mu);
        if (stop)
            break;
    }
    pthread_join(tid, NULL);
    pthread_cond_destroy(&a.cv);
    pthread_mutex_destroy(&a.mu);
    for (i = 0; i < AHEAD_SLOTS; i++)
        rg_free(a.buf[i]);
    /* An error the sink set first (a malformed part) wins over one the
     * reader found while reading ahead of it. */
    *st = a.stop ? RAG_OK : a.st;
    if (*st != RAG_OK && err && err->status == RAG_OK)
        *err = a.err;
    return true;
}

rag_status rg_zip_read(rg_zip *z, const char *name, rg_zip_sink sink,
                       void *ctx, rag_error *err)
{
    const zip_entry *e = find_entry(z, name);
    char *chunk;
    uint64_t inflated = 0, start;
    rag_status st = RAG_OK;
    int rc, n;

    if (!e) {
        rg_error_set_part(err, name);
        return rg_fail(err, RAG_ERR_ZIP, "the zip has no part %s", name);
    }
    rg_error_set_part(err, e->name);
    if (e->flags & 1)
        return rg_fail(err, RAG_ERR_NOT_XLSX,
                       "the zip is encrypted with a password");
    if (e->method != 0 && e->method != Z_DEFLATED)
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip uses "
                       "compression method %lu, which XLSX does not",
                       e->method);
    rc = unzGoToFilePos64(z->uf, &e->pos);
    if (rc == UNZ_OK)
        rc = unzOpenCurrentFile(z->uf);
    if (rc != UNZ_OK)
        return zip_error(err, rc, "cannot open an entry");
    start = unzGetCurrentFileZStreamPos64(z->uf);
    if (!(e->size >= AHEAD_MIN && z->threads &&
          read_ahead(z, e, start, sink, ctx, &st, err))) {
        chunk = rg_malloc(CHUNK);
        if (!chunk) {
            unzCloseCurrentFile(z->uf);
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        for (;;) {
            st = inflate_chunk(z, e, chunk, CHUNK, start, &inflated, &n, err);
            if (st != RAG_OK || n == 0 || sink(ctx, chunk, (size_t)n))
                break;
        }
        rg_free(chunk);
    }
    rc = unzCloseCurrentFile(z->uf);
    if (st == RAG_OK && rc == UNZ_CRCERROR) {
        if (err)
            err->lib_code = rc;
        st = rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is "
                     "damaged (bad checksum in %s)", e->name);
    }
    return st;
}

typedef struct slurp_ctx {
    rg_buf *buf;
    size_t max;
    bool over, nomem;
} slurp_ctx;

static int slurp_sink(void *ctx, const char *data, size_t len)
{
    slurp_ctx *s = ctx;
    if (s->buf->len + len > s->max) {
        s->over = true;
        return 1;
    }
    return rg_buf_append(s->buf, data, len) ? 0 : (s->nomem = true, 1);
}

rag_status rg_zip_slurp(rg_zip *z, const char *name, rg_buf *buf, size_t max,
                        rag_error *err)
{
    slurp_ctx s = {buf, max, false, false};
    rag_status st = rg_zip_read(z, name, slurp_sink, &s, err);
    if (st == RAG_OK && s.nomem)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK && s.over)
        return rg_fail(err, RAG_ERR_LIMIT, "%s is larger than %zu bytes",
                       name, max);
    return st;
}
