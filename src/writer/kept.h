/*
 * A workbook written for ragbook's own use and never put anywhere: the
 * side workbooks convert and merge graft their generated sheets from.
 * Kept unnamed (util/outfile.c) it cannot be left behind by a run that is
 * killed; only where the file system refuses O_TMPFILE is it a hidden
 * ".rgb-XXXXXX" beside the target, removed by rg_output_abort().
 */
#ifndef RG_WRITER_KEPT_H
#define RG_WRITER_KEPT_H

#include "ragbook/write.h"
#include "writer/output.h"

/* As rag_writer_close(), but the finished file, read back whole, is not
 * put in place: *kept holds it; rg_output_file(*kept) opens it (a
 * "/proc/self/fd/N" name) until rg_output_abort(*kept) drops it.  The
 * path given to rag_writer_open() only chose its directory. */
rag_status rg_writer_close_kept(rag_writer *w, rg_output **kept,
                                rag_error *err);

#endif
