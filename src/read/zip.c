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
    unsigned long crc;     /* CRC-32 of the inflated bytes, as stored */
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
    const char *path;      /* in arena: a clone opens it again */
    struct zview *view;    /* the file in memory, or NULL; minizip owns it */
    bool clone;            /* entries, arena and view are another's */
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

/* Files up to this size are read whole, once, and minizip seeks and reads
 * in memory.  Through stdio, a bulk validate of 10 KB returns opened each
 * file three times (sniff, mend, minizip) and made about 60 lseek and 35
 * read calls a file (strace); real returns are tens of KB.  Larger files
 * (the 17 MB tracker of bench/) are read from the file as before, so
 * memory stays flat whatever the file's size. */
#define MEM_MAX (8u * 1024 * 1024)

/* true when the end-of-central-directory signature is in the last
 * 64 KiB + 22 bytes of the size bytes at p (as has_eocd). */
static bool mem_has_eocd(const unsigned char *p, uint64_t size)
{
    size_t want = size < 65536 + 22 ? (size_t)size : 65536 + 22, i;
    const unsigned char *b = p + (size - want);

    for (i = want >= 22 ? want - 22 + 1 : 0; i-- > 0;)
        if (!memcmp(b + i, "PK\x05\x06", 4))
            return true;
    return false;
}

/* Say what a file that is not a zip is, in plain words.  A zip of at most
 * MEM_MAX bytes is read whole into *mem (the caller frees it); otherwise
 * (and when that allocation fails) *mem is NULL. */
static rag_status sniff(const char *path, uint64_t *size,
                        unsigned char **mem, rag_error *err)
{
    unsigned char head[512];
    unsigned char *all = NULL;
    size_t n, skip = 0;
    struct stat st;
    FILE *f = fopen(path, "rb");

    *mem = NULL;
    if (!f) {
        if (err)
            err->sys_errno = errno;
        return rg_fail(err, RAG_ERR_IO, "cannot open: %s", strerror(errno));
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return rg_fail(err, RAG_ERR_IO, "is a directory");
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size <= MEM_MAX)
        all = rg_malloc((size_t)st.st_size);
    if (all) {
        n = fread(all, 1, (size_t)st.st_size, f);
        if (n != (size_t)st.st_size) {
            /* short (the file shrank) or failed: as before */
            rg_free(all);
            all = NULL;
            rewind(f);
        } else {
            memcpy(head, all, n < sizeof head ? n : sizeof head);
            if (n > sizeof head)
                n = sizeof head;
        }
    }
    if (!all)
        n = fread(head, 1, sizeof head, f);
    if (ferror(f)) {
        int e = errno;
        rg_free(all);
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
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
        (head[2] == 3 || head[2] == 5 || head[2] == 7) && all) {
        fclose(f);
        if (!mem_has_eocd(all, *size)) {
            rg_free(all);
            return rg_fail(err, RAG_ERR_ZIP,
                           "not an XLSX file: the zip is truncated");
        }
        *mem = all;
        return RAG_OK;
    }
    rg_free(all);
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

/* ---- mending around minizip 1.1 ----------------------------------------
 * Debian's minizip 1.1 reads a central-directory entry's ZIP64 extra field
 * only when the 32-bit size or offset equals (ZPOS64_T)(unsigned long)-1,
 * which on a 64-bit system is never 0xFFFFFFFF: an entry that puts its
 * sizes in the ZIP64 field (as writers that always use ZIP64 do) keeps
 * 0xFFFFFFFF for them, and every such zip was called damaged.  Python's
 * zipfile, unzip and Excel read them.  Rather than replace minizip (one zip
 * library to trust with hostile input, shared with the editor's raw
 * copies), it is shown the file through its ioapi with the central
 * directory rewritten: each sentinel replaced by the value in the ZIP64
 * field, the field dropped.  Bytes before the directory are the file's
 * own, so local headers and data are untouched.  A value that does not fit
 * in 32 bits (a part of 4 GiB or more, a file past 4 GiB) is left to
 * minizip, which calls it damaged as before: the part limit refuses such a
 * part anyway. */

/* A central directory larger than this is left to minizip unmended: the
 * entry limit (100,000 entries of at most a few KiB of name and extra
 * fields) keeps real ones far below. */
#define MEND_CD_MAX (64u * 1024 * 1024)

typedef struct zview {
    FILE *f;            /* the file, or NULL when it is all in mem */
    unsigned char *mem; /* the whole file, owned (small files: zip.c) */
    uint64_t split;     /* below: the file; from here: tail */
    char *tail;
    size_t tail_len;
    uint64_t pos;
    int err;
    bool borrowed;      /* mem and tail are another view's (a clone's) */
} zview;

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static void put16(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

static bool read_at(FILE *f, uint64_t off, void *buf, size_t n)
{
    return fseeko(f, (off_t)off, SEEK_SET) == 0 && fread(buf, 1, n, f) == n;
}

/* read_at from the file f, or from mem (size bytes) when it is not NULL. */
static bool src_at(FILE *f, const unsigned char *mem, uint64_t size,
                   uint64_t off, void *buf, size_t n)
{
    if (!mem)
        return read_at(f, off, buf, n);
    if (off > size || n > size - off)
        return false;
    memcpy(buf, mem + off, n);
    return true;
}

/* Rewrite the central directory cd, counting its entries into *count;
 * false when it cannot be (minizip then reads the file as it is).  *need
 * says whether any entry needed it. */
static bool mend_entries(const unsigned char *cd, size_t len, rg_buf *out,
                         bool *need, uint64_t *count)
{
    size_t p = 0;

    *need = false;
    for (*count = 0; p < len; ++*count) {
        unsigned char h[46];
        uint64_t v[3];
        size_t nl, el, cl, e;
        bool sentinel[3];
        int k;

        if (len - p < 46 || le32(cd + p) != 0x02014b50)
            return false;
        memcpy(h, cd + p, 46);
        nl = le16(h + 28);
        el = le16(h + 30);
        cl = le16(h + 32);
        if (len - p - 46 < nl + el + cl)
            return false;
        /* In the ZIP64 field's order: uncompressed, compressed, offset. */
        v[0] = le32(h + 24);
        v[1] = le32(h + 20);
        v[2] = le32(h + 42);
        for (k = 0; k < 3; k++)
            sentinel[k] = v[k] == 0xFFFFFFFFu;
        if (!rg_buf_append(out, (const char *)h, 46) ||
            !rg_buf_append(out, (const char *)cd + p + 46, nl))
            return false;
        {
            size_t at = out->len;
            const unsigned char *x = cd + p + 46 + nl;
            for (e = 0; e + 4 <= el;) {
                size_t id = le16(x + e), sz = le16(x + e + 2), q = 4;
                if (e + 4 + sz > el)
                    break;
                if (id == 1) {
                    for (k = 0; k < 3; k++)
                        if (sentinel[k] && q + 8 <= 4 + sz) {
                            v[k] = le64(x + e + q);
                            q += 8;
                        }
                } else if (!rg_buf_append(out, (const char *)x + e,
                                          4 + sz)) {
                    return false;
                }
                e += 4 + sz;
            }
            for (k = 0; k < 3; k++) {
                if (v[k] >= 0xFFFFFFFFu)
                    return false; /* does not fit: minizip's to judge */
                if (sentinel[k])
                    *need = true;
            }
            put32((unsigned char *)out->data + at - 46 - nl + 24,
                  (uint32_t)v[0]);
            put32((unsigned char *)out->data + at - 46 - nl + 20,
                  (uint32_t)v[1]);
            put32((unsigned char *)out->data + at - 46 - nl + 42,
                  (uint32_t)v[2]);
            put16((unsigned char *)out->data + at - 46 - nl + 30,
                  (uint32_t)(out->len - at));
        }
        if (!rg_buf_append(out, (const char *)cd + p + 46 + nl + el, cl))
            return false;
        p += 46 + nl + el + cl;
    }
    return true;
}

/* Mend the zip of size bytes in f (or in mem when it is not NULL): when
 * its central directory needs it, set v->split and v->tail to the
 * rewritten directory and return true; false when there is nothing to
 * mend, or nothing that can be (minizip then reads the zip as it is). */
static bool mend(FILE *f, const unsigned char *mem, uint64_t size, zview *v)
{
    unsigned char tail[65536 + 22], rec[56];
    unsigned char *cd = NULL;
    size_t want, got, i;
    uint64_t eocd = 0, n, cd_size, cd_off, count = 0, z64 = 0;
    bool found = false, need = false;
    rg_buf out = {0};

    if (size < 22)
        goto keep;
    want = size < sizeof tail ? (size_t)size : sizeof tail;
    if (!src_at(f, mem, size, size - want, tail, want))
        goto keep;
    got = want;
    for (i = got - 22 + 1; i-- > 0;)
        if (le32(tail + i) == 0x06054b50) {
            eocd = size - want + i;
            found = true;
            break;
        }
    if (!found)
        goto keep;
    i = (size_t)(eocd - (size - want));
    n = le16(tail + i + 10);
    cd_size = le32(tail + i + 12);
    cd_off = le32(tail + i + 16);
    if (i >= 20 && le32(tail + i - 20) == 0x07064b50) {
        z64 = le64(tail + i - 20 + 8);
        if (z64 > size - 56 || !src_at(f, mem, size, z64, rec, 56) ||
            le32(rec) != 0x06064b50)
            goto keep;
        n = le64(rec + 32);
        cd_size = le64(rec + 40);
        cd_off = le64(rec + 48);
    }
    if (cd_size == 0 || cd_size > MEND_CD_MAX || cd_off > size ||
        cd_size > size - cd_off || n > 0xFFFF * 4u)
        goto keep;
    cd = rg_malloc((size_t)cd_size);
    if (!cd || !src_at(f, mem, size, cd_off, cd, (size_t)cd_size) ||
        !mend_entries(cd, (size_t)cd_size, &out, &need, &count))
        goto keep;
    /* A classic end record counts in 16 bits: minizip's own writer puts
     * 65,535 there for any more (and minizip's reader then reads on past
     * the directory), others the count's low bits.  The directory itself
     * says how many there are. */
    if (count != n) {
        if (z64 || (n != 0xFFFF && n != (count & 0xFFFF)))
            goto keep;
        need = true;
        n = count;
    }
    if (!need)
        goto keep;
    {
        /* The end: a ZIP64 record and locator when the count needs them,
         * then the classic record. */
        unsigned char end[56 + 20 + 22];
        size_t el = 0;
        uint64_t at = cd_off + out.len;
        memset(end, 0, sizeof end);
        if (n >= 0xFFFF) {
            put32(end, 0x06064b50);
            put32(end + 4, 44);
            put16(end + 12, 45);
            put16(end + 14, 45);
            put32(end + 24, (uint32_t)n);
            put32(end + 32, (uint32_t)n);
            put32(end + 40, (uint32_t)out.len);
            put32(end + 48, (uint32_t)cd_off);
            put32(end + 56, 0x07064b50);
            put32(end + 64, (uint32_t)at);
            put32(end + 68, (uint32_t)(at >> 32));
            put32(end + 72, 1);
            el = 76;
        }
        put32(end + el, 0x06054b50);
        put16(end + el + 8, n >= 0xFFFF ? 0xFFFF : (uint32_t)n);
        put16(end + el + 10, n >= 0xFFFF ? 0xFFFF : (uint32_t)n);
        put32(end + el + 12, (uint32_t)out.len);
        put32(end + el + 16, (uint32_t)cd_off);
        if (!rg_buf_append(&out, (const char *)end, el + 22))
            goto keep;
    }
    v->split = cd_off;
    v->tail = out.data;
    v->tail_len = out.len;
    rg_free(cd);
    return true;
keep:
    rg_free(cd);
    rg_buf_free(&out);
    return false;
}

/* The view of path minizip should read, or NULL to read the file as it is
 * (nothing to mend, or nothing that can be). */
static zview *mend_view(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    zview m = {0}, *v;

    if (!f)
        return NULL;
    if (fstat(fileno(f), &st) != 0 || st.st_size < 22 ||
        !mend(f, NULL, (uint64_t)st.st_size, &m)) {
        fclose(f);
        return NULL;
    }
    v = rg_calloc(1, sizeof *v);
    if (!v) {
        rg_free(m.tail);
        fclose(f);
        return NULL;
    }
    *v = m;
    v->f = f;
    return v;
}

static voidpf ZCALLBACK zv_open(voidpf opaque, const void *name, int mode)
{
    (void)name;
    (void)mode;
    return opaque;
}

static uLong ZCALLBACK zv_read(voidpf opaque, voidpf stream, void *buf,
                               uLong size)
{
    zview *v = stream;
    uLong done = 0;
    (void)opaque;
    /* in memory, before the mended tail: minizip reads its headers a
     * byte or a few at a time (some 1,500 calls a small workbook) */
    if (v->mem && v->pos <= v->split && size <= v->split - v->pos) {
        memcpy(buf, v->mem + v->pos, size);
        v->pos += size;
        return size;
    }
    while (done < size) {
        uLong n = size - done;
        if (v->pos < v->split) {
            size_t got;
            if (n > v->split - v->pos)
                n = (uLong)(v->split - v->pos);
            if (v->mem) {
                memcpy((char *)buf + done, v->mem + v->pos, n);
                v->pos += n;
                done += n;
                continue;
            }
            if (fseeko(v->f, (off_t)v->pos, SEEK_SET) != 0) {
                v->err = 1;
                break;
            }
            got = fread((char *)buf + done, 1, n, v->f);
            v->pos += got;
            done += got;
            if (got < n) {
                v->err = ferror(v->f) ? 1 : 0;
                break;
            }
        } else {
            uint64_t off = v->pos - v->split;
            if (off >= v->tail_len)
                break;
            if (n > v->tail_len - off)
                n = (uLong)(v->tail_len - off);
            memcpy((char *)buf + done, v->tail + off, n);
            v->pos += n;
            done += n;
        }
    }
    return done;
}

static uLong ZCALLBACK zv_write(voidpf opaque, voidpf stream, const void *buf,
                                uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK zv_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((zview *)stream)->pos;
}

static long ZCALLBACK zv_seek(voidpf opaque, voidpf stream, ZPOS64_T off,
                              int origin)
{
    zview *v = stream;
    uint64_t end = v->split + v->tail_len, base;
    (void)opaque;
    base = origin == ZLIB_FILEFUNC_SEEK_CUR   ? v->pos
           : origin == ZLIB_FILEFUNC_SEEK_END ? end
                                              : 0;
    if (off > end || base > end - off)
        return -1;
    v->pos = base + off;
    return 0;
}

static int ZCALLBACK zv_close(voidpf opaque, voidpf stream)
{
    zview *v = stream;
    (void)opaque;
    if (v->f)
        fclose(v->f);
    if (!v->borrowed) {
        rg_free(v->mem);
        rg_free(v->tail);
    }
    rg_free(v);
    return 0;
}

static int ZCALLBACK zv_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((zview *)stream)->err;
}

/* minizip's handle on the view v (which it then owns). */
static unzFile unz_open_view(const char *path, zview *v)
{
    zlib_filefunc64_def ff;

    memset(&ff, 0, sizeof ff);
    ff.zopen64_file = zv_open;
    ff.zread_file = zv_read;
    ff.zwrite_file = zv_write;
    ff.ztell64_file = zv_tell;
    ff.zseek64_file = zv_seek;
    ff.zclose_file = zv_close;
    ff.zerror_file = zv_error;
    ff.opaque = v;
    /* On failure minizip has closed the stream (zv_close) itself. */
    return unzOpen2_64(path, &ff);
}

void *rg_unz_open(const char *path)
{
    zview *v = mend_view(path);

    if (!v)
        return unzOpen64(path);
    return unz_open_view(path, v);
}

/* As rg_unz_open, on the whole file already read into mem (size bytes,
 * taken over and freed here whatever happens).  *view gets the view
 * minizip reads (it owns it), or NULL when it reads the file itself. */
static unzFile unz_open_mem(const char *path, unsigned char *mem,
                            uint64_t size, zview **view)
{
    zview *v = rg_calloc(1, sizeof *v);
    unzFile uf;

    *view = NULL;
    if (!v) {
        rg_free(mem);
        return rg_unz_open(path);
    }
    v->mem = mem;
    v->split = size;
    mend(NULL, mem, size, v);
    uf = unz_open_view(path, v);
    if (uf)
        *view = v;
    return uf;
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
    unsigned char *mem;
    size_t cap = 0;
    int rc;
    rag_status st;

    *out = NULL;
    st = sniff(path, &size, &mem, err);
    if (st != RAG_OK)
        return st;
    z = rg_calloc(1, sizeof *z);
    if (!z) {
        rg_free(mem);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    rg_arena_init(&z->arena, 0);
    z->limits = *limits;
    /* On one core a reading thread only adds hand-overs. */
    z->threads = sysconf(_SC_NPROCESSORS_ONLN) > 1;
    z->file_size = size;
    z->path = rg_arena_strdup(&z->arena, path);
    if (!z->path) {
        rg_free(mem);
        rg_zip_close(z);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    z->uf = mem ? unz_open_mem(path, mem, size, &z->view)
                : rg_unz_open(path);
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
        e->crc = info.crc;
        z->count++;
        /* minizip 1.1 takes a count of 65,535 for "unknown" and reads on
         * past the last entry into the end record ("damaged"): the
         * directory's own count says where it ends. */
        if (z->count == gi.number_entry) {
            rc = UNZ_END_OF_LIST_OF_FILE;
            break;
        }
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
    if (!z->clone) {
        rg_free(z->entries);
        rg_arena_free(&z->arena);
    }
    rg_free(z);
}

static const zip_entry *find_entry(const rg_zip *z, const char *name);

rg_zip *rg_zip_clone(const rg_zip *z, uint64_t total_bytes)
{
    rg_zip *c = rg_calloc(1, sizeof *c);

    if (!c)
        return NULL;
    *c = *z;
    c->clone = true;
    c->view = NULL;
    c->inflated_total = 0;
    c->limits.total_bytes = total_bytes;
    if (z->view) {
        /* the same memory through a view of its own: a position of its
         * own, nothing written to what it shares */
        zview *v = rg_calloc(1, sizeof *v);
        if (!v) {
            rg_free(c);
            return NULL;
        }
        v->mem = z->view->mem;
        v->split = z->view->split;
        v->tail = z->view->tail;
        v->tail_len = z->view->tail_len;
        v->borrowed = true;
        c->uf = unz_open_view(z->path, v);
    } else {
        /* A file over MEM_MAX is opened again by name, as rg_zip_open
         * opened it after sniffing: the same window as there if the
         * name is given another file meanwhile (the limits hold; the
         * CRC-32s and the entries' positions from z's directory are
         * checked against it by minizip). */
        c->uf = rg_unz_open(z->path);
    }
    if (!c->uf) {
        rg_free(c);
        return NULL;
    }
    return c;
}

uint64_t rg_zip_inflated(const rg_zip *z)
{
    return z->inflated_total;
}

uint64_t rg_zip_size(const rg_zip *z, const char *name)
{
    const zip_entry *e = find_entry(z, name);
    return e ? e->size : 0;
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

bool rg_zip_raw(rg_zip *z, const char *name, rg_buf *buf, size_t max,
                rg_zip_id *id)
{
    const zip_entry *e = find_entry(z, name);
    char chunk[16 * 1024];
    int method, level, n;

    buf->len = 0;
    if (!e || (e->flags & 1) || (e->method != 0 && e->method != Z_DEFLATED) ||
        e->compressed > max || e->size > max ||
        e->size > z->limits.part_bytes ||
        e->size > z->limits.total_bytes - z->inflated_total)
        return false;
    if (unzGoToFilePos64(z->uf, &e->pos) != UNZ_OK ||
        unzOpenCurrentFile2(z->uf, &method, &level, 1) != UNZ_OK)
        return false;
    while ((n = unzReadCurrentFile(z->uf, chunk, sizeof chunk)) > 0 &&
           buf->len + (size_t)n <= e->compressed)
        if (!rg_buf_append(buf, chunk, (size_t)n)) {
            n = -1;
            break;
        }
    unzCloseCurrentFile(z->uf);
    if (n != 0 || buf->len != e->compressed) {
        rg_buf_free(buf);
        return false;
    }
    id->method = e->method;
    id->crc = e->crc;
    id->size = e->size;
    return true;
}

void rg_zip_charge(rg_zip *z, uint64_t bytes)
{
    z->inflated_total += bytes;
}
