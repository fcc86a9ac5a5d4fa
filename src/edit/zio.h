/*
 * The zip side of the editor (minizip): the input's entries, copied raw
 * (compressed bytes as they are, with their CRC-32 and sizes from the
 * central directory), and new entries deflated as they are streamed.
 * The output is a temporary file beside the target, renamed into place
 * by ez_commit() only.  Inflating a part goes through the reader's rg_zip
 * (read/zip.h), which counts inflated bytes against its limits.
 */
#ifndef RG_EDIT_ZIO_H
#define RG_EDIT_ZIO_H

#include "util/outfile.h"
#include "util/util.h"

typedef struct ez_in ez_in;
typedef struct ez_out ez_out;

/* The entries of the zip at path (already known to be a sound zip). */
rag_status ez_in_open(const char *path, ez_in **out, rag_error *err);
void ez_in_close(ez_in *z);
size_t ez_in_count(const ez_in *z);
const char *ez_in_name(const ez_in *z, size_t i);
/* The DOS date and time of entry i, for a patched copy of it. */
unsigned long ez_in_dosdate(const ez_in *z, size_t i);

/* Open the temporary file for target (in its directory). */
rag_status ez_out_open(const char *target, ez_out **out, rag_error *err);
/* Entry i of in, copied raw, under its own name. */
rag_status ez_copy_raw(ez_out *o, ez_in *in, size_t i, rag_error *err);
/* The same, stored under the name `as` (NULL: its own name). */
rag_status ez_copy_raw_as(ez_out *o, ez_in *in, size_t i, const char *as,
                          rag_error *err);
/* A new entry, deflated; then ez_write() its bytes, then ez_end(). */
rag_status ez_begin(ez_out *o, const char *name, unsigned long dosdate,
                    rag_error *err);
int ez_write(void *o, const char *data, size_t len); /* an ep_sink */
rag_status ez_end(ez_out *o, rag_error *err);
/* A whole new entry from memory. */
rag_status ez_put(ez_out *o, const char *name, unsigned long dosdate,
                  const char *data, size_t len, rag_error *err);
/* Finish the zip and hand over the file unnamed, never put in place
 * (edit/kept.h); *kept NULL on failure.  Frees o. */
rag_status ez_out_keep(ez_out *o, rg_outfile **kept, rag_error *err);
/* Finish the zip and rename it to the target (commit), or remove it. */
rag_status ez_out_finish(ez_out *o, bool commit, rag_error *err);

/* The DOS time of entries ragbook adds: 1980-01-01 00:00, so the same
 * edit gives the same bytes. */
#define EZ_FIXED_DOSDATE ((1ul << 21) | (1ul << 16))

#endif
