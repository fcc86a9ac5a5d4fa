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

rag_status ez_out_keep(ez_out *o, rg_outfile **kept, rag_error *err)
{
    rag_status st = RAG_OK;

    *kept = NULL;
    if (zipClose(o->zf, NULL) != ZIP_OK || o->failed ||
        rg_io_fails(RG_IO_ZIP))
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
