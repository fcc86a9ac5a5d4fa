/*
 * One output file, put in place only when it is proven whole.  Every
 * workbook ragbook writes (copy, convert, consolidate, the validation
 * report) goes through here:
 *
 *   rg_output_open()    the file being written, in the target's
 *                       directory (util/outfile.c: unnamed where the system
 *                       allows, so a killed run leaves nothing), so that
 *                       putting it in place stays on one file system and a
 *                       full /tmp cannot touch the output;
 *   rg_output_file()    the name libxlsxwriter (or the fix-up pass) writes;
 *   rg_output_tmpdir()  the directory for libxlsxwriter's own temporary
 *                       files: the target's, never the system's /tmp;
 *   rg_output_commit()  the finished file read back (every zip entry
 *                       inflated and its CRC checked, every XML part
 *                       parsed, the workbook and each sheet read by
 *                       ragbook's own reader), then put in place by
 *                       rg_outfile_commit() (fsync, then link or rename).
 *
 * libxlsxwriter writes its parts through temporary files without checking
 * a single fprintf(): on a full disk it closes a zip of empty parts and
 * says all is well.  Reading the file back is the only proof we get.
 */
#ifndef RG_WRITER_OUTPUT_H
#define RG_WRITER_OUTPUT_H

#include <stdio.h>

#include "util/util.h"

typedef struct rg_output rg_output;

/* Make the file to write beside path.  RAG_ERR_IO (with sys_errno) when
 * the directory is not writable; *out is NULL then and nothing is left. */
rag_status rg_output_open(const char *path, rg_output **out, rag_error *err);

/* The file to write the workbook to (exists, empty). */
const char *rg_output_file(const rg_output *o);

/* The directory to keep temporary files in: the target's. */
const char *rg_output_tmpdir(const rg_output *o);

/* Read the file back whole, then put it in place as the target.  On any
 * failure the temporary file is removed, the target is untouched and err
 * says why.  Frees o either way. */
rag_status rg_output_commit(rg_output *o, rag_error *err);

/* Remove the temporary file and free o.  NULL is a no-op. */
void rg_output_abort(rg_output *o);

/* Read the workbook at path back as a check of what was written: every
 * entry inflated (CRC checked) and not empty, every XML part well-formed,
 * the workbook opened and each sheet streamed by ragbook's reader. */
rag_status rg_output_verify(const char *path, rag_error *err);

/*
 * libxlsxwriter prints its own "[ERROR]" and "[WARNING]" lines to stderr,
 * which would make one failure three lines, and the library never
 * prints.  Between rg_quiet_begin() and rg_quiet_end() what it prints
 * goes to memory instead (glibc's stderr is an assignable variable;
 * sanitizers write to the descriptor, so their reports still show).
 * rg_quiet_reason() gives the system's words from the last message
 * ("No space left on device"), or NULL.
 */
typedef struct rg_quiet {
    FILE *saved;
    FILE *mem;
    char *text;
    size_t len;
} rg_quiet;

/*
 * libxlsxwriter prints from many more calls than the ones wrapped above
 * (a copied zoom or data-validation message out of Excel's range, a long
 * URL, a tmpfile it cannot make, any failed malloc).  While a writer is
 * open (rg_mute_begin() in rag_writer_open(), rg_mute_end() when it is
 * freed; counted, so writers may nest) stderr goes through a filter that
 * drops the lines libxlsxwriter prints ("[ERROR]...", "[WARNING]...") and
 * passes every other line on: the command's own messages still show.
 */
void rg_mute_begin(void);
void rg_mute_end(void);

void rg_quiet_begin(rg_quiet *q);
void rg_quiet_end(rg_quiet *q);
const char *rg_quiet_reason(rg_quiet *q, char *buf, size_t size);
void rg_quiet_free(rg_quiet *q);

#endif
