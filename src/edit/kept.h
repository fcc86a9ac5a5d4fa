/*
 * An edited workbook written for ragbook's own use and never put anywhere:
 * merge's intermediate master, read back and edited again.  Kept unnamed
 * (util/outfile.c) it cannot be left behind by a run that is killed; only
 * where the file system refuses O_TMPFILE is it a hidden ".rgb-XXXXXX" in
 * the directory of `near`, removed by rg_outfile_abort().
 */
#ifndef RG_EDIT_KEPT_H
#define RG_EDIT_KEPT_H

#include "ragbook/edit.h"
#include "util/outfile.h"

/* As rag_edit_write(), but the file is not put in place: *kept holds it;
 * rg_outfile_name(*kept) opens it until rg_outfile_abort(*kept) drops it.
 * near only chooses the directory (and is checked not to be an input). */
rag_status rg_edit_write_kept(rag_edit *e, const char *near,
                              rg_outfile **kept, rag_error *err);

#endif
