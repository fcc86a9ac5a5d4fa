/*
 * What earlier merges changed, so that a return made before them cannot
 * undo them.
 *
 * A service's return is a copy of the master as it was sent out.  Once a
 * merge has applied another service's change to a cell, every other copy
 * made before that merge still shows the cell's old value: compared with
 * the merged master, it would look like a change back.  So a merged
 * workbook keeps its history on its Changes sheet (this merge's changes,
 * then those of earlier merges), and carries a stamp: a hidden defined
 * name _ragbook_merged whose value is a hash of that history.  A return
 * that carries the master's stamp was made from it and is compared as it
 * is; any other return's value for a cell the history lists is taken for
 * stale when it is one of the values the cell had before (it is not a
 * change).  Merging the same returns into a merged master again therefore
 * changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outputs/merge_impl.h"

/* The sheet a marker value "'Sheet'!$A$1" names in wb, or -1. */
long rg_mg_marked_sheet(const rag_workbook *wb, const char *value)
{
    const char *bang = value ? strrchr(value, '!') : NULL;
    char name[256];
    size_t n = 0, i, len;

    if (!bang)
        return -1;
    len = (size_t)(bang - value);
    if (len >= 2 && value[0] == '\'' && value[len - 1] == '\'') {
        for (i = 1; i + 1 < len && n + 1 < sizeof name; i++) {
            name[n++] = value[i];
            if (value[i] == '\'' && value[i + 1] == '\'')
                i++;
        }
    } else {
        for (i = 0; i < len && n + 1 < sizeof name; i++)
            name[n++] = value[i];
    }
    name[n] = '\0';
    return rag_workbook_sheet_index(wb, name);
}

const rag_defined_name *rg_mg_name(const rag_workbook *wb, const char *name)
{
    size_t i;
    for (i = 0; wb && i < wb->name_count; i++)
        if (wb->names[i].name && rg_streq_nocase(wb->names[i].name, name))
            return &wb->names[i];
    return NULL;
}

const char *rg_mg_stamp_of(const rag_workbook *wb, char *buf, size_t size)
{
    const rag_defined_name *d = rg_mg_name(wb, RG_MG_MARK_STAMP);
    const char *v = d ? d->value : NULL;
    size_t n;

    buf[0] = '\0';
    if (!v)
        return buf;
    if (*v == '"')
        v++;
    n = strlen(v);
    if (n && v[n - 1] == '"')
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return buf;
}

static int hist_cmp(const void *a, const void *b)
{
    const rg_mg_hist *x = a, *y = b;
    if (x->sheet_index != y->sheet_index)
        return x->sheet_index < y->sheet_index ? -1 : 1;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

bool rg_mg_read_history(rag_merge *mg)
{
    const rag_defined_name *d = rg_mg_name(mg->wb, RG_MG_MARK_CHANGES);
    const rag_sheet *sh;
    size_t i, cap = 0;
    long s;
    char stamp[64];

    rg_mg_stamp_of(mg->wb, stamp, sizeof stamp);
    if (stamp[0] && !(mg->stamp = rg_arena_strdup(&mg->arena, stamp)))
        return false;
    s = d ? rg_mg_marked_sheet(mg->wb, d->value) : -1;
    if (s < 0)
        return true;
    sh = &mg->wb->sheets[s];
    for (i = 0; i < sh->cell_count; i++) {
        const rag_cell *c = &sh->cells[i];
        const rag_cell *a;
        rg_mg_hist *h;
        uint32_t row, col, k;
        long where;
        char ref[24];

        /* a change row: a sheet of the master in A, a cell in B */
        if (c->col != 1 || c->type != RAG_CELL_STRING || c->text_len >= 16)
            continue;
        memcpy(ref, c->text, c->text_len);
        ref[c->text_len] = '\0';
        a = rag_sheet_cell(sh, c->row, 0);
        if (!rag_cell_ref_parse(ref, &row, &col) || !a ||
            a->type != RAG_CELL_STRING)
            continue;
        {
            char name[256];
            size_t n = a->text_len < sizeof name ? a->text_len
                                                 : sizeof name - 1;
            memcpy(name, a->text, n);
            name[n] = '\0';
            where = rag_workbook_sheet_index(mg->wb, name);
        }
        if (where < 0 || where == s)
            continue;
        if (!rg_grow((void **)&mg->hist, &cap, mg->hist_count + 1,
                     sizeof *mg->hist))
            return false;
        h = &mg->hist[mg->hist_count];
        memset(h, 0, sizeof *h);
        h->sheet_index = (size_t)where;
        h->row = row;
        h->col = col;
        h->order = mg->hist_count;
        for (k = 0; k < RG_MG_HIST_COLS; k++) {
            h->cols[k] = rg_mg_text(&mg->arena, mg->wb,
                                    rag_sheet_cell(sh, c->row, k));
            if (!h->cols[k])
                return false;
        }
        mg->hist_count++;
    }
    /* the sheet's order is kept for the output; lookups use a copy */
    mg->hist_sorted = rg_malloc((mg->hist_count ? mg->hist_count : 1) *
                                sizeof *mg->hist_sorted);
    if (!mg->hist_sorted)
        return false;
    if (mg->hist_count)
        memcpy(mg->hist_sorted, mg->hist,
               mg->hist_count * sizeof *mg->hist);
    qsort(mg->hist_sorted, mg->hist_count, sizeof *mg->hist_sorted,
          hist_cmp);
    return true;
}

bool rg_mg_stale(const rag_merge *mg, size_t sheet, uint32_t row,
                 uint32_t col, const char *value)
{
    size_t lo = 0, hi = mg->hist_count;
    rg_mg_hist key;

    memset(&key, 0, sizeof key);
    key.sheet_index = sheet;
    key.row = row;
    key.col = col;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (hist_cmp(&mg->hist_sorted[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < mg->hist_count; lo++) {
        const rg_mg_hist *h = &mg->hist_sorted[lo];
        if (h->sheet_index != sheet || h->row != row || h->col != col)
            break;
        if (rg_mg_same_text(h->cols[RG_MG_HIST_OLD], value))
            return true;
    }
    return false;
}

/* FNV-1a, 64 bits: a stamp, not a secret; it only has to differ when the
 * history differs. */
static uint64_t fnv(uint64_t h, const char *s)
{
    size_t n;
    /* trimmed, as the sheet reads back */
    while (s && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++;
    n = s ? strlen(s) : 0;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
        n--;
    for (; n; s++, n--) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    h ^= 0x1f; /* a separator, so "ab","c" and "a","bc" differ */
    h *= 0x100000001b3ull;
    return h;
}

void rg_mg_new_stamp(const rag_merge *mg, char *buf, size_t size)
{
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i, k;
    char cell[16];

    /* this merge's rows, then the earlier ones: as the Changes sheet
     * lists them, so a merge that changes nothing keeps the stamp */
    for (i = 0; i < mg->change_count; i++) {
        const rag_merge_change *c = &mg->changes[i];
        char field[64];
        snprintf(field, sizeof field, "%s%s%s",
                 rag_merge_field_name(c->field), c->period ? " " : "",
                 c->period ? c->period : "");
        h = fnv(h, c->sheet);
        h = fnv(h, rag_cell_ref_format(c->row, c->col, cell));
        h = fnv(h, c->ref);
        h = fnv(h, field);
        h = fnv(h, c->old_text);
        h = fnv(h, c->new_text);
        h = fnv(h, rg_mg_basename(c->file));
    }
    for (i = 0; i < mg->hist_count; i++)
        for (k = 0; k < RG_MG_HIST_COLS; k++)
            h = fnv(h, mg->hist[i].cols[k]);
    snprintf(buf, size, "%016llx", (unsigned long long)h);
}

const char *rg_mg_basename(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : path ? path : "";
}
