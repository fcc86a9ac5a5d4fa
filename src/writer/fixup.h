/*
 * Fix-ups: what libxlsxwriter 1.1.4 cannot write, patched into the file
 * it has finished.  It has no error cells, no boolean formula results, no
 * text results for array formulas, no very hidden sheets, and it writes
 * numbers with 16 significant digits where a double may need 17.  The
 * writer records, per sheet, the cells that need more than it could say;
 * at close the zip is copied entry by entry (compressed bytes as they
 * are), and only the worksheets with fixes are inflated, patched cell by
 * cell and deflated again.  Each patch checks that the cell still looks
 * as libxlsxwriter wrote it, so a cell written over later is left alone.
 *
 * The contract with libxlsxwriter (docs/internals/writer.md): checked
 * against 1.1.4 (LXW_VERSION_ID 114, Debian 12); writer.c warns at build
 * time on any other version, every fix that does not apply is counted as
 * a loss, and tests/test_write_fixup.c holds the exact XML it patches.
 *
 * This file does not include <xlsxwriter.h>: libxlsxwriter carries its
 * own copy of minizip's headers.
 */
#ifndef RG_WRITE_FIXUP_H
#define RG_WRITE_FIXUP_H

#include "util/util.h"

enum wx_fix_kind {
    WX_FIX_NUMBER = 1,   /* <v> with 17 digits */
    WX_FIX_ERROR,        /* formula "=#N/A" -> the error value #N/A */
    WX_FIX_ERROR_RESULT, /* t="str" -> t="e" */
    WX_FIX_BOOL_RESULT,  /* formula result 1/0 -> t="b" */
    WX_FIX_ARRAY_TEXT,   /* array formula cached 0 -> t="str" text */
    WX_FIX_ARRAY_ERROR,  /* array formula cached 0 -> t="e" error */
    WX_FIX_ARRAY_BOOL    /* array formula cached 1/0 -> t="b" */
};

typedef struct wx_fixes wx_fixes;

/* Fixes for one sheet.  streaming: rows come in order, and finished rows
 * go to a temporary file (in tmpdir, or the system's) so memory stays
 * flat.  NULL on out of memory. */
wx_fixes *wx_fixes_new(bool streaming, const char *tmpdir);
void wx_fixes_free(wx_fixes *f);

/* Record a fix for (row, col); text for the text kinds.  false on out of
 * memory or a failed temporary file. */
bool wx_fixes_add(wx_fixes *f, uint32_t row, uint32_t col, int kind,
                  double number, const char *text, size_t len);

/* A cell written again without needing a fix: forget its fix. */
void wx_fixes_cancel(wx_fixes *f, uint32_t row, uint32_t col);

/* Fixes recorded so far (cancelled ones included). */
size_t wx_fixes_count(const wx_fixes *f);

/* The digits libxlsxwriter writes for a number ("%.16G"); true when they
 * read back as the same double. */
bool wx_number_exact(double d);

/*
 * Copy the zip at `from` to `to` with the fixes applied: sheet i (0-based,
 * "xl/worksheets/sheet<i+1>.xml") gets fixes[i] (which may be NULL), and
 * very_hidden[i] makes it very hidden in xl/workbook.xml.  *missed gets
 * the number of fixes that found their cell (or sheet) not as libxlsxwriter
 * 1.1.4 writes it: each is a value written less exactly than asked, and
 * the caller counts it as a loss (RAG_LOSS_FIXUPS).  RAG_ERR_NOMEM when an
 * allocation failed, RAG_ERR_IO when a read or write did.
 */
rag_status wx_fixup(const char *from, const char *to, wx_fixes *const *fixes,
                    const bool *very_hidden, size_t sheet_count,
                    size_t *missed, rag_error *err);

#endif
