/*
 * Shared formulas: the master cell holds the text, the others say only
 * "same as si 0".  A reader must translate the master's text to each cell,
 * shifting the relative parts of its references, as Excel shows them.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "read/reader.h"

static bool ident_char(int c)
{
    return isalnum(c) || c == '_' || c == '.' || c == '\\' || c >= 0x80;
}

/* Match [$]COL[$]ROW at p; set the parts. */
static size_t match_cell(const char *p, bool *col_abs, uint32_t *col,
                         bool *row_abs, uint32_t *row)
{
    const char *s = p;
    uint64_t c = 0, r = 0;
    int nl = 0, nd = 0;

    *col_abs = *s == '$';
    if (*col_abs)
        s++;
    while (isalpha((unsigned char)*s) && nl < 4) {
        c = c * 26 + (uint64_t)(toupper((unsigned char)*s) - 'A' + 1);
        s++;
        nl++;
    }
    if (nl == 0 || nl > 3 || c > RAG_MAX_COLS)
        return 0;
    *row_abs = *s == '$';
    if (*row_abs)
        s++;
    while (isdigit((unsigned char)*s) && nd < 8) {
        r = r * 10 + (uint64_t)(*s - '0');
        s++;
        nd++;
    }
    if (nd == 0 || nd > 7 || r == 0 || r > RAG_MAX_ROWS)
        return 0;
    /* "LOG10(" is a function, "Q1!" a sheet name, "A1B" a name. */
    if (ident_char((unsigned char)*s) || *s == '(' || *s == '!')
        return 0;
    *col = (uint32_t)(c - 1);
    *row = (uint32_t)(r - 1);
    return (size_t)(s - p);
}

/* Match a whole-column or whole-row range: [$]A:[$]C or [$]1:[$]3. */
static size_t match_lines(const char *p, bool *is_col, bool abs[2],
                          uint32_t v[2])
{
    const char *s = p;
    int part;

    *is_col = isalpha((unsigned char)*(p + (*p == '$')));
    for (part = 0; part < 2; part++) {
        uint64_t n = 0;
        int len = 0;
        abs[part] = *s == '$';
        if (abs[part])
            s++;
        if (*is_col) {
            while (isalpha((unsigned char)*s) && len < 4) {
                n = n * 26 + (uint64_t)(toupper((unsigned char)*s) - 'A' + 1);
                s++;
                len++;
            }
            if (!len || len > 3 || n > RAG_MAX_COLS)
                return 0;
        } else {
            while (isdigit((unsigned char)*s) && len < 8) {
                n = n * 10 + (uint64_t)(*s - '0');
                s++;
                len++;
            }
            if (!len || len > 7 || n == 0 || n > RAG_MAX_ROWS)
                return 0;
        }
        v[part] = (uint32_t)(n - 1);
        if (part == 0) {
            if (*s != ':')
                return 0;
            s++;
        }
    }
    if (ident_char((unsigned char)*s) || *s == '(' || *s == '!')
        return 0;
    return (size_t)(s - p);
}

static bool put_col(rg_buf *b, uint32_t col)
{
    char ref[16];
    size_t i;
    rag_cell_ref_format(0, col, ref);
    for (i = 0; ref[i] && isalpha((unsigned char)ref[i]); i++)
        ;
    return rg_buf_append(b, ref, i);
}

/* [$]COL[$]ROW, in one append. */
static bool put_cell(rg_buf *b, bool ca, uint32_t col, bool ra, uint32_t row)
{
    char ref[24], digits[12];
    size_t n = 0, k = 0, i;
    uint32_t v = row + 1;

    if (ca)
        ref[n++] = '$';
    rag_cell_ref_format(0, col, ref + n);
    while (isalpha((unsigned char)ref[n]))
        n++;
    if (ra)
        ref[n++] = '$';
    do {
        digits[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (i = 0; i < k; i++)
        ref[n++] = digits[k - 1 - i];
    return rg_buf_append(b, ref, n);
}

bool rg_formula_shift(const char *f, int64_t drow, int64_t dcol, rg_buf *b)
{
    const char *p = f;
    int prev = 0;

    rg_buf_reset(b);
    while (*p) {
        bool ca, ra, abs2[2];
        uint32_t col, row, v2[2];
        size_t n;

        if (*p == '"' || *p == '\'') { /* string or quoted sheet name */
            char q = *p;
            const char *s = p + 1;
            for (;;) {
                if (!*s)
                    break;
                if (*s == q && s[1] == q) {
                    s += 2;
                    continue;
                }
                if (*s == q) {
                    s++;
                    break;
                }
                s++;
            }
            if (!rg_buf_append(b, p, (size_t)(s - p)))
                return false;
            prev = q;
            p = s;
            continue;
        }
        if (*p == '[') { /* structured reference: copy as is */
            int depth = 0;
            const char *s = p;
            do {
                if (*s == '[')
                    depth++;
                else if (*s == ']')
                    depth--;
                s++;
            } while (*s && depth > 0);
            if (!rg_buf_append(b, p, (size_t)(s - p)))
                return false;
            prev = ']';
            p = s;
            continue;
        }
        if (!ident_char(prev) && prev != '$' &&
            (n = match_cell(p, &ca, &col, &ra, &row)) > 0) {
            int64_t nc = ca ? col : (int64_t)col + dcol;
            int64_t nr = ra ? row : (int64_t)row + drow;
            if (nc < 0 || nc >= RAG_MAX_COLS || nr < 0 ||
                nr >= RAG_MAX_ROWS) {
                if (!rg_buf_puts(b, "#REF!"))
                    return false;
            } else if (!put_cell(b, ca, (uint32_t)nc, ra, (uint32_t)nr)) {
                return false;
            }
            prev = 'A';
            p += n;
            continue;
        }
        if (!ident_char(prev) && prev != '$' &&
            (n = match_lines(p, &ca, abs2, v2)) > 0) {
            int64_t nv[2];
            int part;
            bool ok = true;
            for (part = 0; part < 2; part++) {
                nv[part] = abs2[part] ? v2[part]
                           : (int64_t)v2[part] + (ca ? dcol : drow);
                if (nv[part] < 0 ||
                    nv[part] >= (ca ? RAG_MAX_COLS : RAG_MAX_ROWS))
                    ok = false;
            }
            if (!ok) { /* either end off the sheet: the whole is gone */
                if (!rg_buf_puts(b, "#REF!"))
                    return false;
            }
            for (part = 0; ok && part < 2; part++) {
                if ((part && !rg_buf_putc(b, ':')) ||
                    (abs2[part] && !rg_buf_putc(b, '$')) ||
                    !(ca ? put_col(b, (uint32_t)nv[part])
                         : rg_buf_printf(b, "%u",
                                         (unsigned)(nv[part] + 1))))
                    return false;
            }
            prev = 'A';
            p += n;
            continue;
        }
        {
            /* Copy at once what cannot start a reference: shared
             * formulas are translated once per cell, so this loop runs
             * over every child's text (issue 16: 64 MiB of it). */
            const char *s = p + 1;
            while (*s && *s != '"' && *s != '\'' && *s != '[' &&
                   (ident_char((unsigned char)s[-1]) || s[-1] == '$' ||
                    !(isalnum((unsigned char)*s) || *s == '$')))
                s++;
            if (!rg_buf_append(b, p, (size_t)(s - p)))
                return false;
            prev = (unsigned char)s[-1];
            p = s;
        }
    }
    return rg_buf_append(b, "", 0);
}
