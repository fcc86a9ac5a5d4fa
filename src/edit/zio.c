/*
 * Raw zip copies with minizip.  Why minizip and not libzip: the reader
 * already goes through minizip (one zip library to trust with hostile
 * input), and minizip's raw mode does what an in-place edit needs: an
 * untouched entry is copied with unzOpenCurrentFile2(raw) and
 * zipOpenNewFileInZip2_64(raw) + zipCloseFileInZipRaw64() with the CRC and
 * sizes of the central directory, never inflated; a patched part is
 * pushed to zipWriteInFileInZip() as the expat pass produces it, so it
 * streams.  libzip copies unchanged entries raw too and replaces files
 * atomically, but its sources are pulled at zip_close(): a patched part
 * would have to be turned inside out into a callback state machine, or
 * spooled to a file first; and its atomic replace is a rename we do here
 * anyway (refusing an output that is an input).  writer/fixup.c uses the
 * same minizip calls for its pass over libxlsxwriter's file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unzip.h>
#include <zip.h>

#include "edit/zio.h"
#include "read/zip.h"
#include "util/outfile.h"

typedef struct ez_entry {
    char *name;
    unz64_file_pos pos;
    unz_file_info64 info;
} ez_entry;

struct ez_in {
    unzFile uf;
    ez_entry *e;
    size_t count;
    rg_arena arena;
};

struct ez_out {
    zipFile zf;
    rg_outfile *file;
    unsigned long entries;  /* opened in the zip, for zip64_count() */
    bool open_entry;
    bool failed;
};

#define NAME_MAX_BYTES 4096

rag_status ez_in_open(const char *path, ez_in **out, rag_error *err)
{
    ez_in *z = rg_calloc(1, sizeof *z);
    unz_global_info64 gi;
    size_t cap = 0;
    int rc;

    *out = NULL;
    if (!z)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    rg_arena_init(&z->arena, 0);
    z->uf = rg_unz_open(path);
    if (!z->uf) {
        rg_free(z);
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip cannot "
                       "be opened");
    }
    if (unzGetGlobalInfo64(z->uf, &gi) != UNZ_OK) {
        ez_in_close(z);
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is "
                       "damaged (its directory)");
    }
    for (rc = unzGoToFirstFile(z->uf); rc == UNZ_OK;
         rc = unzGoToNextFile(z->uf)) {
        char name[NAME_MAX_BYTES];
        ez_entry *e;
        if (!rg_grow((void **)&z->e, &cap, z->count + 1, sizeof *z->e))
            goto nomem;
        e = &z->e[z->count];
        memset(e, 0, sizeof *e);
        if (unzGetCurrentFileInfo64(z->uf, &e->info, name, sizeof name, NULL,
                                    0, NULL, 0) != UNZ_OK ||
            unzGetFilePos64(z->uf, &e->pos) != UNZ_OK) {
            ez_in_close(z);
            return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is "
                           "damaged (its directory)");
        }
        name[sizeof name - 1] = '\0';
        if (!(e->name = rg_arena_strdup(&z->arena, name)))
            goto nomem;
        z->count++;
        /* minizip 1.1 reads a count of 65,535 as "unknown" and runs on
         * into the end record: stop where the directory says it ends. */
        if (z->count == gi.number_entry)
            break;
    }
    *out = z;
    return RAG_OK;
nomem:
    ez_in_close(z);
    return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
}

void ez_in_close(ez_in *z)
{
    if (!z)
        return;
    if (z->uf)
        unzClose(z->uf);
    rg_free(z->e);
    rg_arena_free(&z->arena);
    rg_free(z);
}

size_t ez_in_count(const ez_in *z)
{
    return z->count;
}

const char *ez_in_name(const ez_in *z, size_t i)
{
    return i < z->count ? z->e[i].name : NULL;
}

unsigned long ez_in_dosdate(const ez_in *z, size_t i)
{
    return i < z->count ? z->e[i].info.dosDate : EZ_FIXED_DOSDATE;
}

rag_status ez_out_open(const char *target, ez_out **out, rag_error *err)
{
    ez_out *o = rg_calloc(1, sizeof *o);
    int e;

    *out = NULL;
    if (!o)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    /* util/outfile.c: an unnamed file in the target's directory (nothing
     * left if killed), or a hidden one where that is refused. */
    e = rg_outfile_open(target, &o->file);
    if (e) {
        rg_free(o);
        if (e == ENOMEM)
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        if (err)
            err->sys_errno = e;
        return rg_fail(err, RAG_ERR_IO, "cannot create a file beside it: %s",
                       strerror(e));
    }
    o->zf = zipOpen64(rg_outfile_name(o->file), APPEND_STATUS_CREATE);
    if (!o->zf) {
        rg_outfile_abort(o->file);
        rg_free(o);
        return rg_fail(err, RAG_ERR_IO, "cannot write the output");
    }
    *out = o;
    return RAG_OK;
}

static rag_status out_fail(ez_out *o, rag_error *err, const char *what)
{
    o->failed = true;
    return rg_fail(err, RAG_ERR_IO, "cannot write the output (%s)", what);
}

static void fileinfo(unsigned long dosdate, zip_fileinfo *zi)
{
    memset(zi, 0, sizeof *zi);
    zi->dosDate = dosdate;
}

rag_status ez_copy_raw(ez_out *o, ez_in *in, size_t i, rag_error *err)
{
    return ez_copy_raw_as(o, in, i, NULL, err);
}

rag_status ez_copy_raw_as(ez_out *o, ez_in *in, size_t i, const char *as,
                          rag_error *err)
{
    const ez_entry *e = &in->e[i];
    zip_fileinfo zi;
    int method = 0, level = 0, rc;
    char *buf;

    if (unzGoToFilePos64(in->uf, &e->pos) != UNZ_OK ||
        unzOpenCurrentFile2(in->uf, &method, &level, 1) != UNZ_OK)
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is "
                       "damaged (%s)", e->name);
    fileinfo(e->info.dosDate, &zi);
    zi.internal_fa = e->info.internal_fa;
    zi.external_fa = e->info.external_fa;
    if (zipOpenNewFileInZip2_64(o->zf, as ? as : e->name, &zi, NULL, 0, NULL, 0, NULL,
                                method, level, 1,
                                e->info.uncompressed_size >= 0xffffffffu) !=
        ZIP_OK) {
        unzCloseCurrentFile(in->uf);
        return out_fail(o, err, e->name);
    }
    o->entries++;
    buf = rg_malloc(64 * 1024);
    if (!buf) {
        unzCloseCurrentFile(in->uf);
        zipCloseFileInZipRaw64(o->zf, 0, 0);
        o->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    while ((rc = unzReadCurrentFile(in->uf, buf, 64 * 1024)) > 0)
        if (rg_io_fails(RG_IO_WRITE) ||
            zipWriteInFileInZip(o->zf, buf, (unsigned)rc) != ZIP_OK) {
            rc = -1000;
            break;
        }
    rg_free(buf);
    unzCloseCurrentFile(in->uf);
    if (rc == -1000) {
        zipCloseFileInZipRaw64(o->zf, 0, 0);
        return out_fail(o, err, e->name);
    }
    if (rc < 0) {
        zipCloseFileInZipRaw64(o->zf, 0, 0);
        o->failed = true;
        return rg_fail(err, RAG_ERR_ZIP, "not an XLSX file: the zip is "
                       "damaged (%s)", e->name);
    }
    rc = zipCloseFileInZipRaw64(o->zf, e->info.uncompressed_size,
                                e->info.crc);
    /* an injected fault (util/outfile.h) after the entry is closed, so
     * minizip's state stays as it would be */
    if (rc != ZIP_OK || rg_io_fails(RG_IO_ZIP))
        return out_fail(o, err, e->name);
    return RAG_OK;
}

rag_status ez_begin(ez_out *o, const char *name, unsigned long dosdate,
                    rag_error *err)
{
    zip_fileinfo zi;
    fileinfo(dosdate, &zi);
    /* Level 6, zlib's default, is what Excel's own files come close to;
     * a patched sheet costs about as much to deflate as to parse.  No
     * ZIP64 extra field: parts are under 4 GiB (the reader's limit), and
     * an entry written with one would not be copied the same way by the
     * next edit (its raw copy has none), which would change its bytes. */
    if (zipOpenNewFileInZip64(o->zf, name, &zi, NULL, 0, NULL, 0, NULL,
                              Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) != ZIP_OK)
        return out_fail(o, err, name);
    o->entries++;
    o->open_entry = true;
    return RAG_OK;
}

int ez_write(void *ctx, const char *data, size_t len)
{
    ez_out *o = ctx;
    while (len) {
        unsigned n = len > (1u << 30) ? (1u << 30) : (unsigned)len;
        if (rg_io_fails(RG_IO_WRITE) ||
            zipWriteInFileInZip(o->zf, data, n) != ZIP_OK) {
            o->failed = true;
            return 1;
        }
        data += n;
        len -= n;
    }
    return 0;
}

rag_status ez_end(ez_out *o, rag_error *err)
{
    int rc = zipCloseFileInZip(o->zf);
    o->open_entry = false;
    if (rc != ZIP_OK || o->failed || rg_io_fails(RG_IO_ZIP))
        return out_fail(o, err, "an entry");
    return RAG_OK;
}

rag_status ez_put(ez_out *o, const char *name, unsigned long dosdate,
                  const char *data, size_t len, rag_error *err)
{
    rag_status st = ez_begin(o, name, dosdate, err);
    if (st != RAG_OK)
        return st;
    if (ez_write(o, data, len)) {
        zipCloseFileInZip(o->zf);
        return out_fail(o, err, name);
    }
    return ez_end(o, err);
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, unsigned long v)
{
    put16(p, (unsigned)(v & 0xffff));
    put16(p + 2, (unsigned)(v >> 16 & 0xffff));
}

static void put64(unsigned char *p, unsigned long long v)
{
    put32(p, (unsigned long)(v & 0xffffffffu));
    put32(p + 4, (unsigned long)(v >> 32));
}

static unsigned long get32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
           (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* Debian's minizip (1.1) writes 0xFFFF as the count of a zip of 65,535
 * entries or more and no ZIP64 end record to give the true one (it adds
 * that record only past 4 GiB), so Info-ZIP's unzip calls the file
 * damaged.  Its 22-byte end record (no comment) is replaced by a ZIP64
 * end record with the count, its locator, and the end record again.
 * 0, or an errno value. */
static int zip64_count(int fd, unsigned long entries)
{
    unsigned char eocd[22], tail[56 + 20 + 22];
    struct stat st;
    off_t at, z64;

    if (entries < 0xffff)
        return 0;
    if (fstat(fd, &st) != 0)
        return errno;
    if (st.st_size < (off_t)sizeof eocd)
        return EINVAL;
    at = st.st_size - (off_t)sizeof eocd;
    if (pread(fd, eocd, sizeof eocd, at) != (ssize_t)sizeof eocd)
        return errno ? errno : EIO;
    if (get32(eocd) != 0x06054b50ul)
        return EINVAL;
    if (at >= 20) { /* minizip wrote the ZIP64 records itself */
        unsigned char loc[4];
        if (pread(fd, loc, 4, at - 20) == 4 && get32(loc) == 0x07064b50ul)
            return 0;
    }
    z64 = at;
    memset(tail, 0, sizeof tail);
    put32(tail, 0x06064b50ul);           /* ZIP64 end of central directory */
    put64(tail + 4, 44);                 /* the size of what follows */
    put16(tail + 12, 45);                /* made by: version 4.5 */
    put16(tail + 14, 45);                /* needed to extract: 4.5 */
    put64(tail + 24, entries);           /* entries on this disk */
    put64(tail + 32, entries);           /* entries in all */
    put64(tail + 40, get32(eocd + 12));  /* the directory's size */
    put64(tail + 48, get32(eocd + 16));  /* and where it starts */
    put32(tail + 56, 0x07064b50ul);      /* its locator */
    put64(tail + 64, (unsigned long long)z64);
    put32(tail + 72, 1);                 /* disks in all */
    memcpy(tail + 76, eocd, sizeof eocd);
    put16(tail + 76 + 8, 0xffff);        /* the counts: see ZIP64 */
    put16(tail + 76 + 10, 0xffff);
    if (pwrite(fd, tail, sizeof tail, at) != (ssize_t)sizeof tail)
        return errno ? errno : EIO;
    return 0;
}

rag_status ez_out_keep(ez_out *o, rg_outfile **kept, rag_error *err)
{
    rag_status st = RAG_OK;

    *kept = NULL;
    if (zipClose(o->zf, NULL) != ZIP_OK || o->failed ||
        rg_io_fails(RG_IO_ZIP) ||
        zip64_count(rg_outfile_fd(o->file), o->entries) != 0)
        st = out_fail(o, err, "the zip directory");
    if (st == RAG_OK)
        *kept = o->file;
    else
        rg_outfile_abort(o->file);
    rg_free(o);
    return st;
}

rag_status ez_out_finish(ez_out *o, bool commit, rag_error *err)
{
    rag_status st = RAG_OK;
    int e;

    if (!o)
        return RAG_OK;
    if (o->open_entry)
        zipCloseFileInZip(o->zf);
    e = zipClose(o->zf, NULL);
    if (commit && e == ZIP_OK)
        e = zip64_count(rg_outfile_fd(o->file), o->entries) ? ZIP_ERRNO
                                                             : ZIP_OK;
    if (commit && (e != ZIP_OK || rg_io_fails(RG_IO_ZIP)))
        st = out_fail(o, err, "the zip directory");
    if (commit && st == RAG_OK && o->failed)
        st = out_fail(o, err, "the zip");
    if (commit && st == RAG_OK) {
        e = rg_outfile_commit(o->file); /* fsync, then in place */
        o->file = NULL;
        if (e) {
            if (err)
                err->sys_errno = e;
            st = rg_fail(err, RAG_ERR_IO, "cannot put the output in place: "
                         "%s", strerror(e));
        }
    }
    rg_outfile_abort(o->file);
    rg_free(o);
    return st;
}
