/* rag_error: the first error wins, and it says where. */
#include <stdio.h>
#include <string.h>

#include "util/util.h"

const char *rag_strerror(rag_status status)
{
    /* A switch without default: -Wswitch-enum names a forgotten code. */
    switch (status) {
    case RAG_OK:
        return "no error";
    case RAG_ERR_NOMEM:
        return "out of memory";
    case RAG_ERR_IO:
        return "input/output error";
    case RAG_ERR_NOT_XLSX:
        return "not an XLSX file";
    case RAG_ERR_ZIP:
        return "the zip container is damaged";
    case RAG_ERR_XML:
        return "a part of the workbook is not well-formed XML";
    case RAG_ERR_FORMAT:
        return "the workbook breaks the XLSX format";
    case RAG_ERR_LIMIT:
        return "the workbook exceeds a safety limit";
    case RAG_ERR_WRITE:
        return "the workbook could not be written";
    case RAG_ERR_USAGE:
        return "invalid argument";
    }
    return "unknown error";
}

void rag_error_clear(rag_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

rag_status rg_fail(rag_error *err, rag_status status, const char *fmt, ...)
{
    va_list ap;

    if (!err || err->status != RAG_OK)
        return status;
    err->status = status;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

/* The place is that of the error: while no error is set, each part read
 * replaces the last; once one is, it stays. */
void rg_error_set_part(rag_error *err, const char *part)
{
    if (err && part && err->status == RAG_OK)
        rg_strlcpy(err->part, part, sizeof err->part);
}

void rg_error_set_sheet(rag_error *err, const char *sheet)
{
    if (err && sheet && !err->sheet[0])
        rg_strlcpy(err->sheet, sheet, sizeof err->sheet);
}

void rg_error_set_cell(rag_error *err, uint32_t row0, uint32_t col0)
{
    if (err && err->status == RAG_OK && !err->row) {
        err->row = row0 + 1;
        err->col = col0 + 1;
    }
}

size_t rag_error_format(const rag_error *err, char *buf, size_t size)
{
    char where[512] = "";
    const char *msg;
    int n;

    if (!err)
        return 0;
    msg = err->message[0] ? err->message : rag_strerror(err->status);
    if (err->status == RAG_ERR_NOT_XLSX || err->status == RAG_ERR_ZIP) {
        /* The container itself: its messages name the entry if any. */
    } else if (err->sheet[0] && err->row) {
        char ref[16];
        rag_cell_ref_format(err->row - 1, err->col - 1, ref);
        snprintf(where, sizeof where, "%s!%s: ", err->sheet, ref);
    } else if (err->sheet[0] && err->part[0] && err->line) {
        snprintf(where, sizeof where, "sheet '%s', %s:%lu:%lu: ", err->sheet,
                 err->part, err->line, err->column);
    } else if (err->sheet[0]) {
        /* The user knows the sheet by its name, not by its part. */
        snprintf(where, sizeof where, "sheet '%s': ", err->sheet);
    } else if (err->part[0] && err->line) {
        snprintf(where, sizeof where, "%s:%lu:%lu: ", err->part, err->line,
                 err->column);
    } else if (err->part[0]) {
        snprintf(where, sizeof where, "%s: ", err->part);
    }
    if (err->status == RAG_ERR_NOT_XLSX && strncmp(msg, "not an XLSX", 11))
        n = snprintf(buf, size, "not an XLSX file: %s%s", where, msg);
    else
        n = snprintf(buf, size, "%s%s", where, msg);
    return n < 0 ? 0 : (size_t)n;
}
