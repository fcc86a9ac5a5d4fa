/*
 * ragbook: read council performance and finance workbooks (XLSX), validate
 * them, and write colour-coded workbooks back.
 *
 * Ownership, stated once: every const char * a rag_ accessor returns belongs
 * to the workbook it came from and stays valid until rag_workbook_free().
 * Arguments are borrowed; ragbook copies what it keeps.  Every _free(NULL)
 * is a harmless no-op.
 */
#ifndef RAGBOOK_H
#define RAGBOOK_H

#include "ragbook/version.h"
#include "ragbook/error.h"
#include "ragbook/grid.h"
#include "ragbook/model.h"
#include "ragbook/validate.h"
#include "ragbook/write.h"
#include "ragbook/edit.h"
#include "ragbook/convert.h"
#include "ragbook/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, "0.1.0"; equal to RAG_VERSION it was built as. */
RAG_API const char *rag_version(void);

/*
 * The versions of the libraries ragbook was linked with, as one line
 * ("libxlsxwriter 1.1.4, expat_2.5.0, zlib 1.2.13") written into buf
 * (always NUL-terminated when size > 0).  Returns the length the whole
 * line needs, as snprintf does.
 */
RAG_API size_t rag_library_versions(char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
