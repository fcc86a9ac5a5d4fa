/*
 * ragbook: one error type that carries where (file, part, sheet, cell).
 *
 * Every fallible public function returns a rag_status and takes a
 * rag_error *err last; err may be NULL.  The first error wins: once set,
 * later failures do not overwrite it.  rag_error is fixed-size and holds no
 * heap memory, so it survives an out-of-memory failure.
 */
#ifndef RAGBOOK_ERROR_H
#define RAGBOOK_ERROR_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define RAG_API __attribute__((visibility("default")))
#else
#define RAG_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes.  New codes go at the end; codes are never renumbered. */
typedef enum rag_status {
    RAG_OK = 0,
    RAG_ERR_NOMEM,    /* an allocation failed */
    RAG_ERR_IO,       /* open/read/write/rename failed; see sys_errno */
    RAG_ERR_NOT_XLSX, /* empty, legacy .xls, encrypted, CSV, not a zip */
    RAG_ERR_ZIP,      /* truncated or corrupt zip; lib_code = UNZ_* */
    RAG_ERR_XML,      /* malformed part; lib_code = enum XML_Error */
    RAG_ERR_FORMAT,   /* well-formed but not OOXML we accept */
    RAG_ERR_LIMIT,    /* hostile input: a size, ratio or count limit */
    RAG_ERR_WRITE,    /* libxlsxwriter failed; lib_code = lxw_error */
    RAG_ERR_USAGE     /* API misuse: NULL or out-of-range argument */
} rag_status;

typedef struct rag_error {
    rag_status status;
    char file[256];        /* path as given */
    char part[128];        /* zip entry, e.g. "xl/worksheets/sheet2.xml" */
    char sheet[128];       /* sheet name, UTF-8 */
    uint32_t row, col;     /* 1-based cell; 0 = not known */
    unsigned long line;    /* position inside the XML part; 0 = not known */
    unsigned long column;
    int lib_code;          /* UNZ_* / enum XML_Error / lxw_error */
    int sys_errno;         /* errno, for RAG_ERR_IO */
    char message[256];     /* plain words: lowercase, no location */
} rag_error;

/* A static string naming the status ("out of memory"); never NULL. */
RAG_API const char *rag_strerror(rag_status status);

/*
 * Format err as one line without the file name, e.g.
 * "not an XLSX file: the zip is truncated" or
 * "xl/worksheets/sheet1.xml:3:14: not well-formed (invalid token)".
 * Returns the length it wanted to write, as snprintf does.
 */
RAG_API size_t rag_error_format(const rag_error *err, char *buf, size_t size);

/* Clear err to RAG_OK; a NULL err is a harmless no-op. */
RAG_API void rag_error_clear(rag_error *err);

#ifdef __cplusplus
}
#endif
#endif
