/* A1-style references: parse and format, bounded by XFD1048576. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

char *rag_cell_ref_format(uint32_t row, uint32_t col, char *buf)
{
    char letters[8];
    int n = 0, i = 0;
    uint32_t c = col + 1;

    while (c > 0 && n < 7) {
        uint32_t rem = (c - 1) % 26;
        letters[n++] = (char)('A' + rem);
        c = (c - 1) / 26;
    }
    while (n > 0)
        buf[i++] = letters[--n];
    /* The row's digits by hand: this runs for every cell `cells` prints. */
    {
        char digits[12];
        uint32_t r = row + 1;
        int d = 0;
        do {
            digits[d++] = (char)('0' + r % 10);
            r /= 10;
        } while (r && d < 10);
        while (d > 0)
            buf[i++] = digits[--d];
        buf[i] = '\0';
    }
    return buf;
}

/* Parse the reference at s; set *end past it.  Accepts '$' anchors. */
static bool parse_ref_at(const char *s, const char **end, uint32_t *row,
                         uint32_t *col)
{
    uint64_t c = 0, r = 0;
    int letters = 0, digits = 0;

    if (*s == '$')
        s++;
    while (isalpha((unsigned char)*s)) {
        if (++letters > 3)
            return false;
        c = c * 26 + (uint64_t)(toupper((unsigned char)*s) - 'A' + 1);
        s++;
    }
    if (*s == '$')
        s++;
    while (isdigit((unsigned char)*s)) {
        if (++digits > 7)
            return false;
        r = r * 10 + (uint64_t)(*s - '0');
        s++;
    }
    if (!letters || !digits || c < 1 || c > RAG_MAX_COLS || r < 1 ||
        r > RAG_MAX_ROWS)
        return false;
    *row = (uint32_t)(r - 1);
    *col = (uint32_t)(c - 1);
    *end = s;
    return true;
}

bool rag_cell_ref_parse(const char *ref, uint32_t *row, uint32_t *col)
{
    const char *end;
    if (!ref || !parse_ref_at(ref, &end, row, col))
        return false;
    return *end == '\0';
}

bool rag_range_parse(const char *ref, rag_range *out)
{
    const char *end;
    uint32_t r1, c1, r2, c2;

    if (!ref || !parse_ref_at(ref, &end, &r1, &c1))
        return false;
    if (*end == '\0') {
        r2 = r1;
        c2 = c1;
    } else if (*end == ':') {
        if (!parse_ref_at(end + 1, &end, &r2, &c2) || *end)
            return false;
    } else {
        return false;
    }
    out->first_row = r1 < r2 ? r1 : r2;
    out->last_row = r1 < r2 ? r2 : r1;
    out->first_col = c1 < c2 ? c1 : c2;
    out->last_col = c1 < c2 ? c2 : c1;
    return true;
}

char *rag_range_format(const rag_range *range, char *buf)
{
    rag_cell_ref_format(range->first_row, range->first_col, buf);
    if (range->last_row != range->first_row ||
        range->last_col != range->first_col) {
        size_t n = strlen(buf);
        buf[n] = ':';
        rag_cell_ref_format(range->last_row, range->last_col, buf + n + 1);
    }
    return buf;
}
