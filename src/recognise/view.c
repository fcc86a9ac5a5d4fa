/*
 * A loaded sheet, indexed by row, with the questions recognition asks of a
 * cell: its text, its fill, whether it is bold, its value as a reader
 * would say it, as a date, as a figure.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model/rules.h"
#include "read/pages.h"
#include "recognise/recognise.h"

rag_loc rg_loc(uint32_t r, uint32_t c)
{
    rag_loc l;
    l.row = r;
    l.col = c;
    l.set = true;
    return l;
}

/* The sheet named in a defined name's value ("'My sheet'!$A$1" or
 * "Summary!$A$1"), compared with name; *rest is what follows the '!'. */
static bool names_sheet(const char *value, const char *name,
                        const char **rest)
{
    const char *p = value, *n = name;

    if (*p == '\'') {
        for (p++; *p; p++, n++) {
            if (*p == '\'' && p[1] == '\'')
                p++;
            else if (*p == '\'')
                break;
            if (*p != *n)
                return false;
        }
        if (*p != '\'' || *n)
            return false;
        p++;
    } else {
        while (*p && *p != '!' && *p == *n)
            p++, n++;
        if (*n)
            return false;
    }
    if (*p != '!')
        return false;
    *rest = p + 1;
    return true;
}

static bool is_ragbook_sheet(const rag_workbook *wb, const rag_sheet *s)
{
    size_t i;
    const char *rest;

    for (i = 0; i < wb->name_count; i++) {
        const rag_defined_name *d = &wb->names[i];
        if (d->name && d->value &&
            (!strcmp(d->name, "_ragbook_summary") ||
             !strcmp(d->name, "_ragbook_issues") ||
             !strcmp(d->name, "_ragbook_changes")) &&
            names_sheet(d->value, s->name, &rest))
            return true;
    }
    return false;
}

/* Add the ranges of "$Q$14:$R$40,$T$2" to *list. */
static bool add_ranges(const char *text, rag_range **list, size_t *count,
                       size_t *cap)
{
    char one[64];
    size_t n = 0;

    for (;; text++) {
        if (*text == ',' || *text == ' ' || *text == '\0') {
            rag_range r;
            one[n] = '\0';
            if (n && rag_range_parse(one, &r)) {
                if (!rg_grow((void **)list, cap, *count + 1, sizeof **list))
                    return false;
                (*list)[(*count)++] = r;
            }
            n = 0;
            if (!*text)
                return true;
        } else if (*text != '$' && n + 1 < sizeof one) {
            one[n++] = *text;
        }
    }
}

/* The ranges `convert` marked as its own on this sheet. */
static bool computed_ranges(const rag_workbook *wb, size_t index,
                            rag_range **list, size_t *count)
{
    const rag_sheet *s = &wb->sheets[index];
    size_t i, cap = 0;
    const char *rest;

    *list = NULL;
    *count = 0;
    for (i = 0; i < wb->name_count; i++) {
        const rag_defined_name *d = &wb->names[i];
        if (!d->name || !d->value ||
            strncmp(d->name, "_ragbook_computed", 17) ||
            !names_sheet(d->value, s->name, &rest))
            continue;
        if (!add_ranges(rest, list, count, &cap))
            return false;
    }
    return true;
}

static bool masked(const rag_range *list, size_t count, const rag_cell *c)
{
    size_t i;
    for (i = 0; i < count; i++)
        if (c->row >= list[i].first_row && c->row <= list[i].last_row &&
            c->col >= list[i].first_col && c->col <= list[i].last_col)
            return true;
    return false;
}

/* ---- normal forms remembered (rg_norm_cell) ---------------------------
 * An open-addressing table keyed by (text pointer, length), the normal
 * forms in an arena: both freed with the view. */

typedef struct norm_slot {
    const char *text;      /* NULL: empty slot */
    size_t len;
    const char *norm;      /* rg_norm's whole result, NUL-terminated */
    size_t norm_len;
} norm_slot;

struct rg_norm_cache {
    norm_slot *slot;
    size_t cap, used;      /* cap a power of two */
    rg_arena arena;
};

/* Texts longer than this are normalised afresh each time: a label or a
 * heading is a few dozen bytes, and a long paragraph is normalised by at
 * most one recogniser, so it is not worth the memory. */
#define NORM_CACHE_MAX_TEXT 1024
/* rg_norm writes at most 3 bytes for each byte read ("\xC2\xB1" gives
 * " + / -"), so a buffer of 3 len + 2 holds its whole result. */
#define NORM_EXPANSION 3

static size_t norm_hash(const char *t, size_t len, size_t mask)
{
    uint64_t h = ((uint64_t)(uintptr_t)t ^ ((uint64_t)len << 40)) *
                 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 32) & mask;
}

static bool norm_grow(struct rg_norm_cache *nc)
{
    size_t cap = nc->cap ? nc->cap * 2 : 64, i;
    norm_slot *slot = rg_calloc(cap, sizeof *slot);

    if (!slot)
        return false;
    for (i = 0; i < nc->cap; i++) {
        size_t k;
        if (!nc->slot[i].text)
            continue;
        for (k = norm_hash(nc->slot[i].text, nc->slot[i].len, cap - 1);
             slot[k].text; k = (k + 1) & (cap - 1))
            ;
        slot[k] = nc->slot[i];
    }
    rg_free(nc->slot);
    nc->slot = slot;
    nc->cap = cap;
    return true;
}

/* The remembered slot of (t, len), made now if new; NULL when it cannot
 * be (no cache, a long text, no memory). */
static const norm_slot *norm_lookup(struct rg_norm_cache *nc, const char *t,
                                    size_t len)
{
    size_t k;
    norm_slot *e;
    char *norm;

    if (!nc || len > NORM_CACHE_MAX_TEXT)
        return NULL;
    if ((nc->used + 1) * 2 > nc->cap && !norm_grow(nc))
        return NULL;
    for (k = norm_hash(t, len, nc->cap - 1); nc->slot[k].text;
         k = (k + 1) & (nc->cap - 1))
        if (nc->slot[k].text == t && nc->slot[k].len == len)
            return &nc->slot[k];
    norm = rg_arena_alloc(&nc->arena, NORM_EXPANSION * len + 2);
    if (!norm)
        return NULL;
    e = &nc->slot[k];
    e->norm_len = rg_norm(t, len, norm, NORM_EXPANSION * len + 2);
    e->norm = norm;
    e->text = t;
    e->len = len;
    nc->used++;
    return e;
}

const char *rg_norm_cell(const rg_view *v, const char *t, size_t len,
                         char *buf, size_t size)
{
    const norm_slot *e = t ? norm_lookup(v->norms, t, len) : NULL;
    size_t n;

    if (!e) {
        if (size)
            rg_norm(t ? t : "", t ? len : 0, buf, size);
        return buf;
    }
    if (!size)
        return buf;
    /* rg_norm into a short buffer writes the first size - 1 bytes of its
     * whole result, less a space the cut leaves at the end */
    n = e->norm_len < size - 1 ? e->norm_len : size - 1;
    memcpy(buf, e->norm, n);
    while (n && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

static void norm_cache_free(struct rg_norm_cache *nc)
{
    if (!nc)
        return;
    rg_free(nc->slot);
    rg_arena_free(&nc->arena);
    rg_free(nc);
}

/* ---- a paged sheet ------------------------------------------------------
 * Its cells come from the workbook's page cache (read/pages.h), a row at a
 * time, so the view holds no grid: only the claims, a row each.  Where
 * convert marked cells as its own, a row is copied without them into one
 * of a few buffers, the row's pointer living as long as a page's does. */

#define MASKED_ROWS 8

struct rg_masked_rows {
    rag_cell *cells[MASKED_ROWS];
    size_t count[MASKED_ROWS], cap[MASKED_ROWS];
    uint32_t row[MASKED_ROWS];
    bool set[MASKED_ROWS];
    size_t next;
};

static const rag_cell *paged_row(const rg_view *v, uint32_t r, size_t *count)
{
    struct rg_masked_rows *m = v->masked;
    const rag_cell *cells = rg_sheet_row(v->wb, v->index, r, count);
    size_t i, k, n = *count;

    if (!v->mask_count || !n)
        return cells;
    for (k = 0; k < MASKED_ROWS; k++)
        if (m->set[k] && m->row[k] == r) {
            *count = m->count[k];
            return m->cells[k];
        }
    k = m->next;
    m->next = (m->next + 1) % MASKED_ROWS;
    m->set[k] = false;
    if (!rg_grow((void **)&m->cells[k], &m->cap[k], n, sizeof *cells)) {
        *count = 0; /* no memory: read as empty, as a failed page read */
        return NULL;
    }
    m->count[k] = 0;
    for (i = 0; i < n; i++)
        if (!masked(v->mask, v->mask_count, &cells[i]))
            m->cells[k][m->count[k]++] = cells[i];
    m->row[k] = r;
    m->set[k] = true;
    *count = m->count[k];
    return m->count[k] ? m->cells[k] : NULL;
}

static bool paged_init(rg_view *v)
{
    uint32_t r;
    bool any = false;

    if (!computed_ranges(v->wb, v->index, &v->mask, &v->mask_count))
        return false;
    if (v->mask_count && !(v->masked = rg_calloc(1, sizeof *v->masked)))
        return false;
    v->paged = true;
    /* one pass for the rows and columns the cells span (as loaded) */
    for (r = rg_sheet_next_row(v->wb, v->index, 0); r != UINT32_MAX;
         r = r == UINT32_MAX - 1 ? UINT32_MAX
                                 : rg_sheet_next_row(v->wb, v->index, r + 1)) {
        size_t n, i;
        const rag_cell *cells = paged_row(v, r, &n);
        for (i = 0; i < n; i++) {
            if (cells[i].row + 1 > v->rows)
                v->rows = cells[i].row + 1;
            if (cells[i].col + 1 > v->cols)
                v->cols = cells[i].col + 1;
            any = true;
        }
    }
    if (!any)
        return true;
    v->claim_lo = rg_malloc(((size_t)v->rows + 1) * sizeof *v->claim_lo);
    v->claim_hi = rg_malloc(((size_t)v->rows + 1) * sizeof *v->claim_hi);
    if (!v->claim_lo || !v->claim_hi)
        return false;
    rg_unclaim_all(v);
    v->norms = rg_calloc(1, sizeof *v->norms);
    if (v->norms)
        rg_arena_init(&v->norms->arena, 0);
    return true;
}

bool rg_view_init(rg_view *v, const rag_workbook *wb, size_t index)
{
    const rag_sheet *s = &wb->sheets[index];
    size_t i, count;
    rag_range *mask = NULL;
    size_t mask_count = 0;

    memset(v, 0, sizeof *v);
    v->wb = wb;
    v->sheet = s;
    v->index = index;
    if (is_ragbook_sheet(wb, s))
        return true;
    /* without it (no memory) merges are looked up in the sheet's list */
    v->merge_index = rg_merge_index_new(s);
    if (rg_sheet_paged(wb, index)) {
        if (paged_init(v))
            return true;
        rg_view_free(v);
        return false;
    }
    if (!s->loaded || !s->cell_count)
        return true;
    v->cells = s->cells;
    count = s->cell_count;
    if (!computed_ranges(wb, index, &mask, &mask_count))
        return false;
    if (mask_count) {
        size_t kept = 0;
        v->owned = rg_malloc(s->cell_count * sizeof *v->owned);
        if (!v->owned) {
            rg_free(mask);
            return false;
        }
        for (i = 0; i < s->cell_count; i++)
            if (!masked(mask, mask_count, &s->cells[i]))
                v->owned[kept++] = s->cells[i];
        v->cells = v->owned;
        count = kept;
    }
    rg_free(mask);
    for (i = 0; i < count; i++) {
        if (v->cells[i].row + 1 > v->rows)
            v->rows = v->cells[i].row + 1;
        if (v->cells[i].col + 1 > v->cols)
            v->cols = v->cells[i].col + 1;
    }
    if (!count)
        return true;
    v->row_start = rg_calloc((size_t)v->rows + 1, sizeof *v->row_start);
    v->claim_lo = rg_malloc(((size_t)v->rows + 1) * sizeof *v->claim_lo);
    v->claim_hi = rg_malloc(((size_t)v->rows + 1) * sizeof *v->claim_hi);
    if (!v->row_start || !v->claim_lo || !v->claim_hi) {
        rg_view_free(v);
        return false;
    }
    rg_unclaim_all(v);
    /* without it (no memory) every normal form is made afresh */
    v->norms = rg_calloc(1, sizeof *v->norms);
    if (v->norms)
        rg_arena_init(&v->norms->arena, 0);
    /* row_start[r] = index of the first cell in a row >= r */
    {
        uint32_t r = 0;
        for (i = 0; i < count; i++)
            while (r <= v->cells[i].row)
                v->row_start[r++] = i;
        while (r <= v->rows)
            v->row_start[r++] = count;
    }
    return true;
}

void rg_view_free(rg_view *v)
{
    size_t k;

    if (v->masked)
        for (k = 0; k < MASKED_ROWS; k++)
            rg_free(v->masked->cells[k]);
    rg_free(v->masked);
    v->masked = NULL;
    rg_free(v->mask);
    v->mask = NULL;
    v->mask_count = 0;
    norm_cache_free(v->norms);
    v->norms = NULL;
    rg_merge_index_free(v->merge_index);
    v->merge_index = NULL;
    rg_free(v->owned);
    v->owned = NULL;
    rg_free(v->row_start);
    rg_free(v->claim_lo);
    rg_free(v->claim_hi);
    v->row_start = NULL;
    v->claim_lo = v->claim_hi = NULL;
}

void rg_unclaim_all(rg_view *v)
{
    uint32_t r;
    for (r = 0; v->claim_lo && r <= v->rows; r++) {
        v->claim_lo[r] = UINT32_MAX;
        v->claim_hi[r] = 0;
    }
}

void rg_claim(rg_view *v, uint32_t r, uint32_t c0, uint32_t c1)
{
    if (r >= v->rows || !v->claim_lo)
        return;
    if (v->claim_lo[r] > v->claim_hi[r]) {
        v->claim_lo[r] = c0;
        v->claim_hi[r] = c1;
        return;
    }
    if (c0 < v->claim_lo[r])
        v->claim_lo[r] = c0;
    if (c1 > v->claim_hi[r])
        v->claim_hi[r] = c1;
}

bool rg_claimed(const rg_view *v, uint32_t r, uint32_t c)
{
    return r < v->rows && v->claim_lo && c >= v->claim_lo[r] &&
           c <= v->claim_hi[r];
}

bool rg_row_claimed(const rg_view *v, uint32_t r)
{
    return r < v->rows && v->claim_lo && v->claim_lo[r] <= v->claim_hi[r];
}

const rag_cell *rg_row_cells(const rg_view *v, uint32_t r, size_t *count)
{
    if (v->paged) {
        if (r >= v->rows) {
            *count = 0;
            return NULL;
        }
        return paged_row(v, r, count);
    }
    if (r >= v->rows || !v->row_start) {
        *count = 0;
        return NULL;
    }
    *count = v->row_start[r + 1] - v->row_start[r];
    return v->cells + v->row_start[r];
}

size_t rg_row_count(const rg_view *v, uint32_t r)
{
    size_t n;
    rg_row_cells(v, r, &n);
    return n;
}

uint32_t rg_row_col(const rg_view *v, uint32_t r, size_t i)
{
    size_t n;
    const rag_cell *row = rg_row_cells(v, r, &n);
    return i < n ? row[i].col : UINT32_MAX;
}

const rag_cell *rg_cell_at(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t n;
    const rag_cell *row = rg_row_cells(v, r, &n);

    /* A row's cells are in column order, one to a column (the reader
     * keeps one of two at one place), and most rows of a tracker have no
     * gaps: where the cell would be with none, it usually is. */
    if (n && c >= row[0].col && c - row[0].col < n &&
        row[c - row[0].col].col == c)
        return &row[c - row[0].col];
    return rg_cells_col(row, n, c);
}

static const char *trim(const char *s, size_t n, size_t *len)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
        n--;
    /* a no-break space alone is blank too */
    if (n == 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        n = 0;
    *len = n;
    return n ? s : NULL;
}

/* A template's prompt, the whole cell in square or angle brackets with a
 * letter in it: "[Enter action]", "<insert date>", "[dd/mm/yyyy]".  It is
 * there to be typed over, so a reader of the plan sees a blank: read, it
 * made a second header of a blank return's first row, and a lead named
 * "[Lead]".  60 characters: a prompt, not a note. */
static bool placeholder(const char *s, size_t n)
{
    size_t k;
    bool letter = false;

    if (n < 3 || n > 60 ||
        !((s[0] == '[' && s[n - 1] == ']') || (s[0] == '<' && s[n - 1] == '>')))
        return false;
    for (k = 1; k + 1 < n; k++) {
        if (s[k] == '[' || s[k] == ']' || s[k] == '<' || s[k] == '>')
            return false;
        if ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))
            letter = true;
    }
    return letter;
}

const char *rg_text(const rg_view *v, uint32_t r, uint32_t c, size_t *len)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    const char *t;
    *len = 0;
    if (!cell || cell->type != RAG_CELL_STRING || !cell->text)
        return NULL;
    t = trim(cell->text, cell->text_len, len);
    if (t && placeholder(t, *len)) {
        *len = 0;
        return NULL;
    }
    return t;
}

const char *rg_text_merged(const rg_view *v, uint32_t r, uint32_t c,
                           size_t *len)
{
    const char *t = rg_text(v, r, c, len);
    const rag_range *mr;
    if (t || !v->sheet->merge_count)
        return t;
    mr = rg_merge_at(v, r, c);
    if (!mr || (mr->first_row == r && mr->first_col == c))
        return NULL;
    return rg_text(v, mr->first_row, mr->first_col, len);
}

const char *rg_norm_at(const rg_view *v, uint32_t r, uint32_t c, char *buf,
                       size_t size)
{
    size_t len;
    const char *t = rg_text(v, r, c, &len);
    buf[0] = '\0';
    if (t)
        rg_norm_cell(v, t, len, buf, size);
    return buf;
}

bool rg_month_label_cell(const rg_view *v, const char *t, size_t len,
                         int *month, int *year)
{
    char norm[RG_MONTH_LABEL_NORM];

    if (len > RG_MONTH_LABEL_MAX)
        return false;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    return rg_month_label_of_norm(norm, month, year);
}

int rg_quarter_cell(const rg_view *v, const char *t, size_t len)
{
    char norm[RG_QUARTER_NORM];

    rg_norm_cell(v, t, len < RG_QUARTER_MAX ? len : RG_QUARTER_MAX, norm,
                 sizeof norm);
    return rg_quarter_of_norm(norm);
}

bool rg_has_value(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    size_t len;
    if (!cell)
        return false;
    switch (cell->type) {
    case RAG_CELL_BLANK:
        return false;
    case RAG_CELL_STRING:
        return rg_text(v, r, c, &len) != NULL;
    case RAG_CELL_NUMBER:
    case RAG_CELL_BOOL:
    case RAG_CELL_DATE:
    case RAG_CELL_ERROR:
        return true;
    }
    return false;
}

uint32_t rg_fill(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    const rag_style *st;
    if (!cell)
        return RAG_NO_COLOR;
    st = rag_cell_style(v->wb, cell);
    if (st->pattern != RAG_PATTERN_SOLID || st->fill_fg == RAG_NO_COLOR ||
        st->fill_fg == 0xFFFFFF)
        return RAG_NO_COLOR;
    return st->fill_fg;
}

uint32_t rg_symbol_colour(const rg_view *v, uint32_t r, uint32_t c)
{
    /* Geometric shapes and dingbats councils colour for a RAG: one glyph
     * of U+25A0..U+25FF (■ ▲ ● ◆), U+2B24 (⬤), U+2022 (•) or U+2605 (★). */
    static const char *const shapes[] = {
        "\xE2\x80\xA2", "\xE2\x98\x85", "\xE2\xAC\xA4", NULL};
    const rag_cell *cell = rg_cell_at(v, r, c);
    const rag_style *st;
    const char *t;
    size_t len, k;
    bool one = false;

    if (!cell || cell->type != RAG_CELL_STRING)
        return RAG_NO_COLOR;
    t = rg_text(v, r, c, &len);
    if (!t)
        return RAG_NO_COLOR;
    st = rag_cell_style(v->wb, cell);
    if (len == 3 && (unsigned char)t[0] == 0xE2 &&
        (unsigned char)t[1] == 0x96 && (unsigned char)t[2] >= 0xA0)
        one = true; /* U+25A0..U+25BF */
    else if (len == 3 && (unsigned char)t[0] == 0xE2 &&
             (unsigned char)t[1] == 0x97)
        one = true; /* U+25C0..U+25FF */
    for (k = 0; !one && shapes[k]; k++)
        one = len == strlen(shapes[k]) && !memcmp(t, shapes[k], len);
    /* Wingdings draws "l" as a filled circle, "n" as a square, "u" as a
     * diamond: the letter in that font is the shape */
    if (!one && len == 1 && strchr("lnu", t[0]) && st->font.name &&
        (rg_streq_nocase(st->font.name, "Wingdings") ||
         rg_streq_nocase(st->font.name, "Webdings")))
        one = true;
    if (!one || st->font.color == RAG_NO_COLOR || st->font.color == 0 ||
        st->font.color == 0xFFFFFF)
        return RAG_NO_COLOR;
    return st->font.color;
}

/* Every run with text says yes (a run without a font takes the cell's). */
static bool runs_all(const rag_cell *cell, const rag_style *st, bool under)
{
    size_t i, shown = 0;
    for (i = 0; i < cell->rich->count; i++) {
        const rag_run *run = &cell->rich->runs[i];
        const rag_font *f = run->font ? run->font : &st->font;
        size_t k;
        bool blank = true;
        for (k = 0; k < run->len; k++)
            if (run->text[k] != ' ' && run->text[k] != '\n')
                blank = false;
        if (blank)
            continue;
        shown++;
        if (under ? !f->underline : !f->bold)
            return false;
    }
    return shown > 0;
}

bool rg_bold(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    const rag_style *st;
    if (!cell)
        return false;
    st = rag_cell_style(v->wb, cell);
    if (cell->rich && cell->rich->count)
        return runs_all(cell, st, false);
    return st->font.bold;
}

bool rg_underlined(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    const rag_style *st;
    if (!cell)
        return false;
    st = rag_cell_style(v->wb, cell);
    if (cell->rich && cell->rich->count)
        return runs_all(cell, st, true);
    return st->font.underline != 0;
}

const rag_range *rg_merge_at(const rg_view *v, uint32_t r, uint32_t c)
{
    if (v->merge_index)
        return rg_merge_index_at(v->merge_index, r, c);
    return v->sheet->merge_count ? rag_sheet_merge_at(v->sheet, r, c)
                                 : NULL;
}

uint32_t rg_after_merge(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_range *mr = v->sheet->merge_count
                              ? rg_merge_at(v, r, c)
                              : NULL;
    return mr ? mr->last_col + 1 : c + 1;
}

int32_t rg_next_value(const rg_view *v, uint32_t r, uint32_t c,
                      uint32_t limit)
{
    size_t n, i;
    const rag_cell *row = rg_row_cells(v, r, &n);
    uint32_t from = rg_after_merge(v, r, c);

    for (i = 0; i < n; i++) {
        if (row[i].col < from)
            continue;
        if (row[i].col > limit)
            break;
        if (rg_has_value(v, r, row[i].col))
            return (int32_t)row[i].col;
    }
    return -1;
}

/* Decimals a number format shows: "0.0%" gives 1. */
static int format_decimals(const char *fmt)
{
    const char *p;
    int n = 0;
    if (!fmt)
        return -1;
    p = strchr(fmt, '.');
    if (!p)
        return 0;
    for (p++; *p == '0' || *p == '#'; p++)
        n++;
    return n;
}

static bool format_has(const char *fmt, const char *what)
{
    return fmt && strstr(fmt, what) != NULL;
}

const char *rg_ref_number(const rg_view *v, const rag_cell *c, char *buf,
                          size_t size)
{
    const rag_style *st = rag_cell_style(v->wb, c);
    double x = rg_clean_number(c->number);
    int d = st && !format_has(st->numfmt, "%") ? format_decimals(st->numfmt)
                                               : 0;
    /* "0.00" shows 1.1 as "1.10", the tenth action of section 1, not a
     * second 1.1; a whole number keeps its plain form ("2", not "2.0") */
    if (d > 0 && d <= 6 && x != (double)(long long)x)
        snprintf(buf, size, "%.*f", d, x);
    else
        rg_format_double(x, buf, size);
    return buf;
}

char *rg_value_text(rag_model *m, const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    char buf[64];
    size_t len;
    const char *t;

    if (!cell)
        return rg_model_strndup(m, "", 0);
    switch (cell->type) {
    case RAG_CELL_STRING:
    case RAG_CELL_ERROR:
        t = rg_text(v, r, c, &len);
        if (!t && cell->type == RAG_CELL_ERROR && cell->text)
            t = cell->text, len = cell->text_len;
        return rg_model_strndup(m, t ? t : "", t ? len : 0);
    case RAG_CELL_NUMBER: {
        const rag_style *st = rag_cell_style(v->wb, cell);
        if (format_has(st->numfmt, "%")) {
            int d = format_decimals(st->numfmt);
            snprintf(buf, sizeof buf, "%.*f%%", d < 0 ? 0 : d,
                     cell->number * 100);
        } else {
            rg_format_double(rg_clean_number(cell->number), buf, sizeof buf);
        }
        return rg_model_strndup(m, buf, strlen(buf));
    }
    case RAG_CELL_DATE:
        if (!rag_serial_format(cell->number, v->wb->date1904, buf))
            buf[0] = '\0';
        return rg_model_strndup(m, buf, strlen(buf));
    case RAG_CELL_BOOL:
        return rg_model_strndup(m, cell->number ? "TRUE" : "FALSE",
                                cell->number ? 4 : 5);
    case RAG_CELL_BLANK:
        break;
    }
    return rg_model_strndup(m, "", 0);
}

/* A date format that shows a month and a year and no day ("mmm-yy",
 * "mmmm yyyy", built-in 17): the date it shows is that month, and an
 * officer reading "Sep-24" reads "by the end of September".  Sections in
 * brackets (locale, colour) and quoted or escaped text are skipped. */
static bool month_only_format(const rag_style *st)
{
    const char *code = st->numfmt ? st->numfmt
                                  : rag_numfmt_builtin(st->numfmt_id);
    bool m = false, y = false;
    const char *p;

    if (!code || !st->is_date)
        return false;
    for (p = code; *p; p++) {
        char ch = (char)(*p | 0x20);
        if (*p == '[') {
            while (*p && *p != ']')
                p++;
            if (!*p)
                break;
        } else if (*p == '"') {
            for (p++; *p && *p != '"'; p++)
                ;
            if (!*p)
                break;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else if (*p == ';') {
            break; /* the first section says how a date shows */
        } else if (ch == 'd' || ch == 'h' || ch == 's') {
            return false;
        } else if (ch == 'm') {
            m = true;
        } else if (ch == 'y') {
            y = true;
        }
    }
    return m && y;
}

rg_when rg_when_at(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    rg_when w;
    size_t len;
    const char *t;

    memset(&w, 0, sizeof w);
    w.empty = true;
    if (!cell)
        return w;
    if (cell->type == RAG_CELL_DATE ||
        (cell->type == RAG_CELL_NUMBER && cell->number >= 32874 &&
         cell->number < 73051 && cell->number == floor(cell->number))) {
        /* a date, or a serial of 1990..2099 in a date column */
        if (rag_serial_to_ymd(cell->number, v->wb->date1904, &w.date.year,
                              &w.date.month, &w.date.day)) {
            w.empty = false;
            if (cell->style < v->wb->style_count &&
                month_only_format(&v->wb->styles[cell->style]))
                w.date.day = rg_month_days(w.date.year, w.date.month);
        }
        return w;
    }
    t = rg_text(v, r, c, &len);
    if (t)
        return rg_parse_when(t, len);
    if (cell->type == RAG_CELL_NUMBER) {
        w.empty = false;
        w.text = true; /* a year, or a number: keep its words */
    }
    return w;
}

bool rg_figure_at(const rg_view *v, uint32_t r, uint32_t c, rg_figure *f,
                  size_t *rest)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    size_t len;
    const char *t;

    if (rest)
        *rest = 0;
    memset(f, 0, sizeof *f);
    if (!cell)
        return false;
    if (cell->type == RAG_CELL_NUMBER) {
        const rag_style *st = rag_cell_style(v->wb, cell);
        f->value = rg_clean_number(cell->number);
        f->decimals = format_decimals(st->numfmt);
        if (format_has(st->numfmt, "%"))
            f->unit = RAG_UNIT_PERCENT;
        else if (format_has(st->numfmt, "\xc2\xa3"))
            f->unit = RAG_UNIT_GBP;
        if (f->decimals < 0) {
            /* General: the decimals of the shortest form */
            char buf[40], *dot;
            double shown = f->unit == RAG_UNIT_PERCENT ? f->value * 100
                                                       : f->value;
            rg_format_double(rg_clean_number(shown), buf, sizeof buf);
            dot = strchr(buf, '.');
            f->decimals = dot ? (int)strlen(dot + 1) : 0;
        }
        return true;
    }
    t = rg_text(v, r, c, &len);
    if (!t || !rg_parse_figure(t, len, f))
        return false;
    if (rest)
        *rest = f->rest < len ? (size_t)(t - cell->text) + f->rest : 0;
    return true;
}

/* The date a report-date label gives: after it in the same cell, else in
 * the next cell to the right. */
static bool date_after_label(const rg_view *v, uint32_t r, uint32_t c,
                             const char *t, size_t len, size_t from,
                             rag_date *out)
{
    rag_date d;
    int32_t vc;
    int m, y;

    if (rg_find_date(t, len, from, &d, NULL, NULL) > 0) {
        *out = d;
        return true;
    }
    vc = rg_next_value(v, r, c, c + 4);
    if (vc < 0)
        return false;
    {
        rg_when w = rg_when_at(v, r, (uint32_t)vc);
        size_t n;
        const char *vt;
        if (w.date.year && !w.text) {
            *out = w.date;
            return true;
        }
        vt = rg_text(v, r, (uint32_t)vc, &n);
        if (vt && rg_find_date(vt, n, 0, &d, NULL, NULL) > 0) {
            *out = d;
            return true;
        }
        /* "September 2009": the month's last day */
        if (vt && rg_month_label_cell(v, vt, n, &m, &y) && y) {
            out->year = y, out->month = m, out->day = rg_month_days(y, m);
            return true;
        }
    }
    return false;
}

/* A title that ends with the month it reports on: "Monthly KPI Dashboard
 * - November 2024", "Performance report: Sept 2024", "Tracker update
 * March 2025", "Reporting period: September 2024".  The month-year must close the title (after a dash or a
 * colon, or as its last two words) and the title must say it is a report
 * of some kind, so "Plan agreed by Cabinet March 2023" is not read as the
 * date of the position.  The report date is that month's last day. */
static bool title_month(const char *t, size_t len, rag_date *out)
{
    static const char *const report_words[] = {
        "dashboard", "report", "monitoring", "update", "performance",
        "scorecard", "tracker", "position", "progress", "return",
        "highlight", "reporting", NULL};
    char norm[160];
    size_t k, b, words = 0;
    int month = 0, year = 0;
    bool reports = false;

    while (len && (t[len - 1] == ' ' || t[len - 1] == ')'))
        len--;
    rg_norm(t, len, norm, sizeof norm);
    for (k = 0; report_words[k] && !reports; k++)
        reports = rg_norm_has(norm, report_words[k]);
    if (!reports)
        return false;
    /* the last two words */
    for (b = len; b > 0; b--) {
        if (t[b - 1] == ' ' && ++words == 2)
            break;
        if (t[b - 1] == '-' || t[b - 1] == ':' || t[b - 1] == '(' ||
            (unsigned char)t[b - 1] >= 0x80)
            break;
    }
    while (b < len && (t[b] == ' ' || t[b] == '-' || t[b] == ':' ||
                       t[b] == '('))
        b++;
    if (!rg_parse_month_label(t + b, len - b, &month, &year) || !year)
        return false;
    out->year = year;
    out->month = month;
    out->day = rg_month_days(year, month);
    return true;
}

bool rg_report_date(const rg_view *v, uint32_t r0, uint32_t r1,
                    rag_date *out, rag_loc *cell)
{
    static const rg_word phrases[] = {
        {"as at", 1}, {"position at", 1}, {"as of", 1}, {"report date", 1},
        {"reporting date", 1}, {NULL, 0}};
    uint32_t r;

    for (r = r0; r < r1 && r < v->rows; r++) {
        size_t n, i;
        const rag_cell *row = rg_row_cells(v, r, &n);
        for (i = 0; i < n; i++) {
            uint32_t c = row[i].col;
            char norm[160];
            size_t len;
            int label;
            const char *t = rg_text(v, r, c, &len);
            if (!t || len > 150 || rg_claimed(v, r, c))
                continue; /* a table's dates are not the report's */
            rg_norm_cell(v, t, len, norm, sizeof norm);
            label = rg_vocab_prefix(rg_label_words, norm);
            /* "Reporting period: Q2 (to 30 September 2024)": the end of
             * the period reported on, when a whole date is given */
            if (label == RG_LBL_PERIOD && rg_find_date(t, len, 0, out, NULL,
                                                       NULL) > 0) {
                if (cell)
                    *cell = rg_loc(r, c);
                return true;
            }
            if (label == RG_LBL_REPORT_DATE ||
                rg_vocab_find(phrases, norm, NULL) > 0) {
                if (date_after_label(v, r, c, t, len, 0, out)) {
                    if (cell)
                        *cell = rg_loc(r, c);
                    return true;
                }
            }
        }
    }
    /* no date labelled as the report's: a title naming its month */
    for (r = r0; r < r1 && r < v->rows; r++) {
        size_t n, i;
        const rag_cell *row = rg_row_cells(v, r, &n);
        for (i = 0; i < n; i++) {
            size_t len;
            const char *t = rg_text(v, r, row[i].col, &len);
            if (!t || len > 150 || rg_claimed(v, r, row[i].col))
                continue;
            if (title_month(t, len, out)) {
                if (cell)
                    *cell = rg_loc(r, row[i].col);
                return true;
            }
        }
    }
    return false;
}
