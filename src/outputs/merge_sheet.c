/*
 * The Changes sheet of a merge: one row per changed cell of the master
 * (sheet, cell linked to it, ref, field, old value, new value, the return
 * it came from), then, after a blank row, the rows no return brought
 * back, one line per lead: whom to chase.
 */
#include <stdio.h>
#include <string.h>

#include "outputs/convert_impl.h"
#include "outputs/look.h"
#include "outputs/merge_impl.h"

/* Excel's limit on the links of one sheet (the Issues sheet keeps to the
 * same), and the rows a sheet holds under the header. */
#define MAX_LINKS 65000
#define MAX_ROWS 1048570u

typedef struct looks {
    rag_wstyle header, text, wrap, link, title;
} looks;

static rag_status make_looks(rag_writer *w, looks *s, rag_error *err)
{
    rg_cv_look l = rg_cv_plain();
    rag_status st;

    l.bold = true;
    l.fill = RG_CV_HEADER;
    l.border = true;
    st = rg_cv_style(w, &l, &s->header, err);
    l = rg_cv_plain();
    l.top = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->text, err);
    l.wrap = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->wrap, err);
    l = rg_cv_plain();
    l.bold = true;
    l.size = 12;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->title, err);
    if (st == RAG_OK)
        st = rg_cv_link_style(w, &s->link, err);
    return st;
}

static rag_status header(rag_wsheet *ws, uint32_t row,
                         const char *const *titles, size_t n,
                         const looks *s, rag_error *err)
{
    size_t i;
    rag_status st = RAG_OK;
    for (i = 0; i < n && st == RAG_OK; i++)
        st = rag_wsheet_write_string(ws, row, (uint32_t)i, titles[i],
                                     s->header, err);
    return st;
}

static rag_status change_row(rag_wsheet *ws, uint32_t row,
                             const rag_merge_change *c, const looks *s,
                             size_t *linked, rg_buf *b, rag_error *err)
{
    char cell[16], field[64];
    rag_status st;

    rag_cell_ref_format(c->row, c->col, cell);
    st = rag_wsheet_write_string(ws, row, 0, c->sheet, s->text, err);
    if (st == RAG_OK && *linked < MAX_LINKS) {
        if (!rg_cv_location(b, c->sheet, c->row, c->col))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        st = rag_wsheet_write_link(ws, row, 1, NULL, b->data, cell, s->link,
                                   err);
        (*linked)++;
    } else if (st == RAG_OK) {
        st = rag_wsheet_write_string(ws, row, 1, cell, s->text, err);
    }
    snprintf(field, sizeof field, "%s%s%s", rag_merge_field_name(c->field),
             c->period ? " " : "", c->period ? c->period : "");
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 2, c->ref, s->text, err);
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 3, field, s->text, err);
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 4, c->old_text, s->wrap, err);
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 5, c->new_text, s->wrap, err);
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 6, rg_cv_basename(c->file),
                                     s->text, err);
    return st;
}

rag_status rg_mg_changes_sheet(rag_writer *w, rag_wsheet *ws,
                               rag_merge *mg, rag_error *err)
{
    static const char *const titles[] = {"Sheet", "Cell", "Ref", "Field",
                                         "Old value", "New value", "Return"};
    static const double widths[] = {18, 8, 10, 18, 50, 50, 28};
    static const char *const chase_titles[] = {"Lead", "Rows", "Refs"};
    size_t i, n = mg->change_count, shown = n, linked = 0;
    uint32_t row;
    rg_buf b = {NULL, 0, 0};
    rag_range all;
    looks s;
    rag_status st = make_looks(w, &s, err);

    if (st == RAG_OK)
        st = header(ws, 0, titles, 7, &s, err);
    for (i = 0; i < 7 && st == RAG_OK; i++)
        st = rag_wsheet_set_column(ws, (uint32_t)i, (uint32_t)i, widths[i],
                                   RAG_WSTYLE_NONE, false, err);
    if (shown > MAX_ROWS / 2)
        shown = MAX_ROWS / 2; /* room below for the rows not returned */
    for (i = 0; i < shown && st == RAG_OK; i++)
        st = change_row(ws, (uint32_t)i + 1, &mg->changes[i], &s, &linked,
                        &b, err);
    row = (uint32_t)shown + 2;
    if (st == RAG_OK && shown < n) {
        char more[96];
        snprintf(more, sizeof more,
                 "... and %zu more changes: a sheet holds no more rows",
                 n - shown);
        st = rag_wsheet_write_string(ws, row++, 4, more, s.text, err);
        row++;
    }
    if (st == RAG_OK && mg->chase_count) {
        st = rag_wsheet_write_string(ws, row++, 0,
                                     "Not returned (whom to chase)", s.title,
                                     err);
        if (st == RAG_OK)
            st = header(ws, row++, chase_titles, 3, &s, err);
        for (i = 0; i < mg->chase_count && st == RAG_OK &&
                    row < MAX_ROWS;
             i++, row++) {
            const rag_merge_chase *c = &mg->chase[i];
            size_t k;
            rg_buf_reset(&b);
            for (k = 0; k < c->ref_count; k++)
                rg_buf_printf(&b, "%s%s", k ? ", " : "", c->refs[k]);
            if (!rg_buf_puts(&b, ""))
                st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            if (st == RAG_OK)
                st = rag_wsheet_write_string(ws, row, 0,
                                             *c->lead ? c->lead : "(no lead)",
                                             s.text, err);
            if (st == RAG_OK)
                st = rag_wsheet_write_number(ws, row, 1, (double)c->ref_count,
                                             s.text, err);
            if (st == RAG_OK)
                st = rag_wsheet_write_string(ws, row, 2, b.data, s.wrap, err);
        }
    }
    if (st == RAG_OK && mg->hist_count && row < MAX_ROWS) {
        size_t k;
        row++;
        st = rag_wsheet_write_string(ws, row++, 0,
                                     "Changes of earlier merges", s.title,
                                     err);
        if (st == RAG_OK)
            st = header(ws, row++, titles, 7, &s, err);
        for (i = 0; i < mg->hist_count && st == RAG_OK && row < MAX_ROWS;
             i++, row++)
            for (k = 0; k < RG_MG_HIST_COLS && st == RAG_OK; k++)
                st = rag_wsheet_write_string(ws, row, (uint32_t)k,
                                             mg->hist[i].cols[k],
                                             k == 4 || k == 5 ? s.wrap
                                                              : s.text,
                                             err);
    }
    rg_buf_free(&b);
    if (st != RAG_OK)
        return st;
    all.first_row = 0;
    all.first_col = 0;
    all.last_row = (uint32_t)(shown ? shown : 1);
    all.last_col = 6;
    rag_wsheet_freeze(ws, 1, 0, 1, 0);
    /* printed with the Summary: A4 landscape, the header on every page */
    st = rg_look_print(ws, 0, 0, err);
    return st == RAG_OK ? rag_wsheet_autofilter(ws, &all, err) : st;
}
