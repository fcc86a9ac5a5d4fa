/*
 * The zip container, behind one small interface: only zip.c includes
 * <unzip.h>.  Opening sniffs what the file really is, so a legacy .xls, an
 * encrypted workbook or a CSV gets a plain-words error; reading counts the
 * bytes actually inflated against the limits, so a zip bomb is stopped
 * early whatever its headers claim.
 */
#ifndef RG_ZIP_H
#define RG_ZIP_H

#include "util/util.h"

typedef struct rg_zip rg_zip;

/* Open path; on failure *out is NULL and err says why in plain words. */
rag_status rg_zip_open(const char *path, const rag_read_limits *limits,
                       rg_zip **out, rag_error *err);
void rg_zip_close(rg_zip *z);

/* A second handle on z's zip for another thread: minizip's own state (its
 * position, the entry being inflated) is per handle, so two threads may
 * each read parts through their own.  It shares z's directory and, for a
 * file held in memory, that memory (read only), so z must outlive it; it
 * counts inflated bytes from 0 against total_bytes (the part and ratio
 * limits are z's).  NULL when it cannot be had.  Closed with rg_zip_close. */
rg_zip *rg_zip_clone(const rg_zip *z, uint64_t total_bytes);
/* Bytes inflated through z so far (counted against its total limit). */
uint64_t rg_zip_inflated(const rg_zip *z);
/* The inflated size the directory gives the entry called name (a hint
 * only: the limits count what is really inflated), 0 when missing. */
uint64_t rg_zip_size(const rg_zip *z, const char *name);

/* minizip's handle (an unzFile) on the zip at path, mended around minizip
 * 1.1's ZIP64 bug (zip.c): the editor's raw copies open the input with it.
 * NULL when minizip cannot open it. */
void *rg_unz_open(const char *path);

/* The stored name of the entry called name (ignoring ASCII case, '\' read
 * as '/', a leading '/' dropped), or NULL. */
const char *rg_zip_find(const rg_zip *z, const char *name);
size_t rg_zip_count(const rg_zip *z);
const char *rg_zip_name(const rg_zip *z, size_t i);

/* Inflate the entry called name in chunks to sink; a non-zero return from
 * sink stops the read early (not an error).  RAG_ERR_ZIP when the entry is
 * missing or damaged, RAG_ERR_LIMIT past a limit. */
typedef int (*rg_zip_sink)(void *ctx, const char *data, size_t len);
rag_status rg_zip_read(rg_zip *z, const char *name, rg_zip_sink sink,
                       void *ctx, rag_error *err);

/* Read a whole (small) entry into buf, at most max bytes. */
rag_status rg_zip_slurp(rg_zip *z, const char *name, rg_buf *buf,
                        size_t max, rag_error *err);

/* What fixes an entry's inflated bytes without inflating it: minizip
 * inflates the same stored bytes, by the same method, to at most the same
 * size, and checks them against the same CRC-32, always alike. */
typedef struct rg_zip_id {
    unsigned long method, crc;
    uint64_t size;          /* inflated size, from the central directory */
} rg_zip_id;

/* The stored (still compressed) bytes of the entry called name into buf,
 * and its id, for a cache of parsed parts (styles.c) to know a part met
 * before without inflating it.  false (buf empty) when the entry is
 * missing, encrypted, of another method, damaged, or bigger than max
 * stored or inflated, or when inflating it would pass the part or
 * workbook limit: the caller then reads it as before.  Nothing is
 * counted against the limits; rg_zip_charge does that for a part taken
 * from a cache. */
bool rg_zip_raw(rg_zip *z, const char *name, rg_buf *buf, size_t max,
                rg_zip_id *id);
/* Count bytes against the workbook's inflated total, as if read. */
void rg_zip_charge(rg_zip *z, uint64_t bytes);

#endif
