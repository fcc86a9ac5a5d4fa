/*
 * Which merged range holds a cell, in O(log k) (k: the merges on its row)
 * rather than a walk of every merge.  Recognition asks it for most cells
 * it reads (a label's value beside it, a continuation row, a month bar),
 * and rag_sheet_merge_at walks the sheet's list: an 800 KB sheet of
 * 50,000 rows, each with a merged comment cell, took 35 s to validate,
 * all of it in that walk (issue 16).
 *
 * The index lists, for each row, the merges that cover it, sorted by
 * their first column: merges of a valid sheet do not overlap, so the one
 * that can hold column c is the last to start at or before c.
 */
#include <stdlib.h>
#include <string.h>

#include "recognise/recognise.h"

/* Row entries the index may hold in all (one per row a merge covers, 8
 * bytes each): 16 MB.  A sheet past it, which only tall merges by the thousand make,
 * keeps its merges of TALL_ROWS rows or fewer in the rows and at most
 * TALL_MAX taller ones in a list walked at each question; taller ones past
 * those are not seen by recognition (no council layout has them). */
#define INDEX_ENTRIES (2u << 20)
#define TALL_ROWS 64u
#define TALL_MAX 256u

/* A merge on a row's list: its first column beside its number, so a row
 * sorts and searches without reaching into the sheet. */
typedef struct entry {
    uint32_t first_col;
    uint32_t merge;
} entry;

struct rg_merge_index {
    const rag_range *merges; /* the sheet's */
    uint32_t rows;           /* rows indexed: one past the last */
    uint32_t *row_start;     /* entries of row r: [row_start[r],
                                row_start[r + 1]) */
    entry *entries;          /* by first column within a row */
    uint32_t *tall;          /* merges kept out of the rows */
    size_t tall_count;
};

static int by_first_col(const void *a, const void *b)
{
    uint32_t x = ((const entry *)a)->first_col,
             y = ((const entry *)b)->first_col;
    return x < y ? -1 : x > y;
}

/* The row entries the merges need, with the tall ones left out when
 * tall_out; SIZE_MAX past the cap. */
static size_t entries_needed(const rag_sheet *s, bool tall_out)
{
    size_t i, n = 0;
    for (i = 0; i < s->merge_count; i++) {
        const rag_range *m = &s->merges[i];
        size_t h = (size_t)m->last_row - m->first_row + 1;
        if (m->last_row < m->first_row || (tall_out && h > TALL_ROWS))
            continue;
        n += h;
        if (n > INDEX_ENTRIES)
            return SIZE_MAX;
    }
    return n;
}

rg_merge_index *rg_merge_index_new(const rag_sheet *s)
{
    rg_merge_index *x;
    bool tall_out = false;
    size_t need, i, r;
    uint32_t *fill;

    if (!s || !s->merge_count || s->merge_count > UINT32_MAX)
        return NULL;
    need = entries_needed(s, false);
    if (need == SIZE_MAX) {
        tall_out = true;
        need = entries_needed(s, true);
        if (need == SIZE_MAX)
            return NULL;
    }
    x = rg_calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->merges = s->merges;
    for (i = 0; i < s->merge_count; i++) {
        const rag_range *m = &s->merges[i];
        if (m->last_row >= m->first_row && m->last_row >= x->rows &&
            m->last_row < RAG_MAX_ROWS)
            x->rows = m->last_row + 1;
    }
    x->row_start = rg_calloc((size_t)x->rows + 2, sizeof *x->row_start);
    x->entries = rg_malloc((need ? need : 1) * sizeof *x->entries);
    fill = rg_calloc((size_t)x->rows + 1, sizeof *fill);
    if (tall_out)
        x->tall = rg_malloc(TALL_MAX * sizeof *x->tall);
    if (!x->row_start || !x->entries || !fill || (tall_out && !x->tall)) {
        rg_free(fill);
        rg_merge_index_free(x);
        return NULL;
    }
    /* count, then place, each merge in every row it covers */
    for (i = 0; i < s->merge_count; i++) {
        const rag_range *m = &s->merges[i];
        if (m->last_row < m->first_row || m->last_row >= x->rows)
            continue;
        if (tall_out && m->last_row - m->first_row + 1 > TALL_ROWS) {
            if (x->tall_count < TALL_MAX)
                x->tall[x->tall_count++] = (uint32_t)i;
            continue;
        }
        for (r = m->first_row; r <= m->last_row; r++)
            x->row_start[r + 1]++;
    }
    for (r = 0; r < x->rows; r++)
        x->row_start[r + 1] += x->row_start[r];
    for (i = 0; i < s->merge_count; i++) {
        const rag_range *m = &s->merges[i];
        if (m->last_row < m->first_row || m->last_row >= x->rows ||
            (tall_out && m->last_row - m->first_row + 1 > TALL_ROWS))
            continue;
        for (r = m->first_row; r <= m->last_row; r++) {
            entry *e = &x->entries[x->row_start[r] + fill[r]++];
            e->first_col = m->first_col;
            e->merge = (uint32_t)i;
        }
    }
    rg_free(fill);
    for (r = 0; r < x->rows; r++) {
        size_t n = x->row_start[r + 1] - x->row_start[r];
        if (n > 1)
            qsort(x->entries + x->row_start[r], n, sizeof *x->entries,
                  by_first_col);
    }
    return x;
}

void rg_merge_index_free(rg_merge_index *x)
{
    if (!x)
        return;
    rg_free(x->row_start);
    rg_free(x->entries);
    rg_free(x->tall);
    rg_free(x);
}

const rag_range *rg_merge_index_at(const rg_merge_index *x, uint32_t r,
                                   uint32_t c)
{
    size_t i;

    if (r < x->rows) {
        const entry *e = x->entries + x->row_start[r];
        size_t lo = 0, hi = x->row_start[r + 1] - x->row_start[r];
        /* the last merge of the row to start at or before c */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (e[mid].first_col <= c)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo && x->merges[e[lo - 1].merge].last_col >= c)
            return &x->merges[e[lo - 1].merge];
    }
    for (i = 0; i < x->tall_count; i++) {
        const rag_range *m = &x->merges[x->tall[i]];
        if (r >= m->first_row && r <= m->last_row && c >= m->first_col &&
            c <= m->last_col)
            return m;
    }
    return NULL;
}
