/*
 * Cells as a merge compares and copies them: what a cell says in words,
 * whether two texts say the same, and the value a return's cell brings
 * into the master's.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "outputs/merge_impl.h"

/* The days between the 1904 and the 1900 date systems. */
#define DAYS_1904 1462.0

const rag_cell *rg_mg_cell(const rag_workbook *wb, size_t sheet, rag_loc loc)
{
    if (!wb || !loc.set || sheet >= wb->sheet_count ||
        !wb->sheets[sheet].loaded)
        return NULL;
    return rag_sheet_cell(&wb->sheets[sheet], loc.row, loc.col);
}

static bool space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

bool rg_mg_blank(const char *s)
{
    for (; s && *s; s++)
        if (!space((unsigned char)*s))
            return false;
    return true;
}

/* The next word of s (after white space) and its length. */
static const char *word(const char *s, size_t *len)
{
    size_t n = 0;
    while (*s && space((unsigned char)*s))
        s++;
    while (s[n] && !space((unsigned char)s[n]))
        n++;
    *len = n;
    return s;
}

bool rg_mg_same_text(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    for (;;) {
        size_t la, lb;
        a = word(a, &la);
        b = word(b, &lb);
        if (la != lb || memcmp(a, b, la))
            return false;
        if (!la)
            return true;
        a += la;
        b += lb;
    }
}

/* true when the style's number format shows a percentage. */
static bool percent_format(const rag_style *st)
{
    return st && st->numfmt && strchr(st->numfmt, '%') &&
           !st->is_date;
}

const char *rg_mg_text(rg_arena *a, const rag_workbook *wb,
                       const rag_cell *c)
{
    const rag_style *st;
    char buf[64];

    if (!c)
        return rg_arena_strdup(a, "");
    st = rag_cell_style(wb, c);
    switch (c->type) {
    case RAG_CELL_STRING:
    case RAG_CELL_ERROR: {
        const char *s = c->text ? c->text : "";
        size_t n = c->text ? c->text_len : 0;
        while (n && space((unsigned char)*s)) {
            s++;
            n--;
        }
        while (n && space((unsigned char)s[n - 1]))
            n--;
        return rg_arena_strndup(a, s, n);
    }
    case RAG_CELL_DATE:
        if (!rag_serial_format(c->number, wb->date1904, buf))
            rg_format_double(c->number, buf, sizeof buf);
        return rg_arena_strdup(a, buf);
    case RAG_CELL_NUMBER:
        if (percent_format(st)) {
            /* 0.6 shown as 60%: rounded to 1e-9 so 0.1 * 100 reads 10 */
            rg_format_double(round(c->number * 100 * 1e9) / 1e9, buf,
                             sizeof buf - 1);
            strcat(buf, "%");
        } else {
            rg_format_double(c->number, buf, sizeof buf);
        }
        return rg_arena_strdup(a, buf);
    case RAG_CELL_BOOL:
        return rg_arena_strdup(a, c->number != 0 ? "TRUE" : "FALSE");
    case RAG_CELL_BLANK:
        break;
    }
    return rg_arena_strdup(a, "");
}

bool rg_mg_filled(const rag_workbook *wb, const rag_cell *c)
{
    const rag_style *st;
    if (!c)
        return false;
    st = rag_cell_style(wb, c);
    return st->pattern == RAG_PATTERN_SOLID && st->fill_fg != RAG_NO_COLOR;
}

bool rg_mg_value(rg_arena *a, const rag_workbook *rwb, const rag_cell *rc,
                 const rag_workbook *mwb, const rag_cell *mc,
                 rag_merge_value *out)
{
    const rag_style *rst, *mst;

    memset(out, 0, sizeof *out);
    out->fill = RAG_NO_COLOR;
    if (!rc)
        return false;
    rst = rag_cell_style(rwb, rc);
    mst = mc ? rag_cell_style(mwb, mc) : NULL;
    switch (rc->type) {
    case RAG_CELL_STRING:
        if (rg_mg_blank(rc->text))
            return false;
        out->type = RAG_CELL_STRING;
        out->text = rg_arena_strndup(a, rc->text, rc->text_len);
        if (!out->text)
            return false;
        break;
    case RAG_CELL_NUMBER:
        out->type = RAG_CELL_NUMBER;
        out->number = rc->number;
        /* a percentage into a cell that does not show one would read 0.6
         * where the service wrote 60% */
        if (percent_format(rst) && !percent_format(mst))
            out->numfmt = rg_arena_strdup(a, rst->numfmt);
        break;
    case RAG_CELL_DATE:
        out->type = RAG_CELL_DATE;
        out->number = rc->number + (rwb->date1904 ? DAYS_1904 : 0.0);
        if (!mst || !mst->is_date)
            out->numfmt = rg_arena_strdup(
                a, rst->numfmt && rst->is_date ? rst->numfmt : "dd/mm/yyyy");
        break;
    case RAG_CELL_BOOL:
        out->type = RAG_CELL_BOOL;
        out->number = rc->number != 0;
        break;
    case RAG_CELL_ERROR:
    case RAG_CELL_BLANK:
        return false;
    }
    out->set = true;
    return true;
}
