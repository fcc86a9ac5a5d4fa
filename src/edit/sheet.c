/*
 * A worksheet, patched as it streams: cells changed or added (in their
 * rows, rows added where need be), cells cleared, columns given widths,
 * drop-down lists and links added after the ones the sheet has, the
 * dimension widened.  Everything else is the input's bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit/edit_impl.h"

/* CT_Worksheet's children in their order (ECMA-376 part 1, 18.3.1.99). */
static const char *const order[] = {
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols",
    "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
    "scenarios", "autoFilter", "sortState", "dataConsolidate",
    "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins",
    "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
    "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture",
    "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    NULL};

static int rank(const char *l)
{
    int i;
    for (i = 0; order[i]; i++)
        if (!strcmp(order[i], l))
            return i;
    return -1;
}

#define RANK_COLS 4
#define RANK_DATA 5
#define RANK_DV 17
#define RANK_LINKS 18

typedef struct sw {
    rag_edit *e;
    ed_sheet *s;
    ed_cell *cells;        /* sorted, one per (row, col): the last change */
    size_t count, next;
    ed_width *w;           /* pending widths, sorted, trimmed as cols pass */
    size_t wcount, wnext;
    char pre[40];
    bool in_data, in_row, cols_done, dv_done, links_done, in_dv, in_links;
    uint32_t row, col;     /* current row (0-based) and last cell column */
    bool row_any;          /* a row has been seen (for rows without r) */
    bool cell_any;
    /* the cell being held */
    int hold;              /* 0 none, 1 edit, 2 clear */
    uint64_t cell_start, tag_end;
    const ed_cell *edit;
    bool shared_master;
    rg_buf tag;            /* the held cell's start tag, rewritten */
    bool row_open_empty;   /* an empty <row/> we opened */
    rg_buf num;
    bool rows_ended;       /* </sheetData> met */
} sw;

static int cell_cmp(const void *a, const void *b)
{
    const ed_cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int width_cmp(const void *a, const void *b)
{
    const ed_width *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

static bool cleared(const ed_sheet *s, uint32_t row, uint32_t col)
{
    size_t i;
    for (i = 0; i < s->clear_count; i++)
        if (row >= s->clears[i].first_row && row <= s->clears[i].last_row &&
            col >= s->clears[i].first_col && col <= s->clears[i].last_col)
            return true;
    return false;
}

/* ---- new bytes --------------------------------------------------------- */

static void put_el(ep_pass *p, sw *w, const char *open, const char *name)
{
    ep_puts(p, open);
    ep_puts(p, w->pre);
    ep_puts(p, name);
}

static void put_num(ep_pass *p, double v)
{
    char b[40];
    rg_format_double(v, b, sizeof b);
    ep_puts(p, b);
}

static bool needs_preserve(const char *t, size_t n)
{
    return n && (t[0] == ' ' || t[0] == '\t' || t[0] == '\n' ||
                 t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n');
}

/* The whole new cell: <c r="B2" s="5" t="...">...</c>. */
static void put_cell(ep_pass *p, sw *w, const ed_cell *c, int64_t style)
{
    char ref[16];
    const char *t = NULL, *text;
    size_t len;
    switch (c->value) {
    case RAG_EDIT_TEXT: t = "inlineStr"; break;
    case RAG_EDIT_BOOL: t = "b"; break;
    case RAG_EDIT_FORMULA: t = c->u.away->text ? "str" : NULL; break;
    case RAG_EDIT_KEEP:
    case RAG_EDIT_BLANK:
    case RAG_EDIT_NUMBER: break;
    }
    put_el(p, w, "<", "c r=\"");
    ep_puts(p, rag_cell_ref_format(c->row, c->col, ref));
    ep_puts(p, "\"");
    if (style >= 0) {
        char sn[40];
        snprintf(sn, sizeof sn, " s=\"%lld\"", (long long)style);
        ep_puts(p, sn);
    }
    if (t) {
        ep_puts(p, " t=\"");
        ep_puts(p, t);
        ep_puts(p, "\"");
    }
    if (c->value == RAG_EDIT_BLANK || c->value == RAG_EDIT_KEEP) {
        ep_puts(p, "/>");
        return;
    }
    ep_puts(p, ">");
    switch (c->value) {
    case RAG_EDIT_TEXT:
        put_el(p, w, "<", "is>");
        put_el(p, w, "<", "t");
        text = ed_cell_text(c, &len);
        if (needs_preserve(text, len))
            ep_puts(p, " xml:space=\"preserve\"");
        ep_puts(p, ">");
        ep_escaped(p, text, len);
        put_el(p, w, "</", "t>");
        put_el(p, w, "</", "is>");
        break;
    case RAG_EDIT_FORMULA:
        put_el(p, w, "<", "f>");
        ep_escaped(p, c->u.away->formula, strlen(c->u.away->formula));
        put_el(p, w, "</", "f>");
        put_el(p, w, "<", "v>");
        if ((text = ed_cell_text(c, &len)))
            ep_escaped(p, text, len);
        else
            put_num(p, c->u.away->number);
        put_el(p, w, "</", "v>");
        break;
    case RAG_EDIT_BOOL:
        put_el(p, w, "<", "v>");
        ep_puts(p, c->u.number != 0 ? "1" : "0");
        put_el(p, w, "</", "v>");
        break;
    case RAG_EDIT_NUMBER:
        put_el(p, w, "<", "v>");
        put_num(p, c->u.number);
        put_el(p, w, "</", "v>");
        break;
    case RAG_EDIT_KEEP:
    case RAG_EDIT_BLANK: break;
    }
    put_el(p, w, "</", "c>");
}

/* New cells of row `row` with a column below `below` (UINT32_MAX: all). */
static void put_adds(ep_pass *p, sw *w, uint32_t row, uint32_t below)
{
    while (w->next < w->count && w->cells[w->next].row == row &&
           w->cells[w->next].col < below) {
        const ed_cell *c = &w->cells[w->next++];
        if (c->value != RAG_EDIT_KEEP)
            put_cell(p, w, c, c->style);
        else if (c->style >= 0)
            put_cell(p, w, c, c->style); /* a style on a cell not there */
    }
}

/* Whole new rows before row `below` (UINT32_MAX: all). */
static void put_rows(ep_pass *p, sw *w, uint32_t below)
{
    while (w->next < w->count && w->cells[w->next].row < below) {
        uint32_t r = w->cells[w->next].row;
        char num[24];
        snprintf(num, sizeof num, "%u", r + 1);
        put_el(p, w, "<", "row r=\"");
        ep_puts(p, num);
        ep_puts(p, "\">");
        put_adds(p, w, r, UINT32_MAX);
        put_el(p, w, "</", "row>");
    }
}

static void put_widths(ep_pass *p, sw *w, uint32_t below)
{
    char b[96];
    while (w->wnext < w->wcount && w->w[w->wnext].first < below) {
        ed_width *x = &w->w[w->wnext];
        uint32_t last = x->last < below ? x->last : below - 1;
        char wd[40];
        rg_format_double(x->width, wd, sizeof wd);
        snprintf(b, sizeof b, "col min=\"%u\" max=\"%u\" width=\"%s\" "
                 "customWidth=\"1\"/>", x->first + 1, last + 1, wd);
        put_el(p, w, "<", b);
        if (last == x->last)
            w->wnext++;
        else
            x->first = last + 1;
    }
}

/* Pending widths lose the columns [first, last] the input describes. */
static void trim_widths(sw *w, uint32_t first, uint32_t last)
{
    size_t i;
    for (i = w->wnext; i < w->wcount; i++) {
        ed_width *x = &w->w[i];
        if (x->last < first || x->first > last)
            continue;
        if (x->first >= first && x->last <= last) {
            x->first = 1; x->last = 0; /* gone */
        } else if (x->first < first) {
            x->last = first - 1; /* the part after `last` is not kept:
                                    a width straddling an input col is
                                    rare enough to lose its tail */
        } else {
            x->first = last + 1;
        }
    }
    /* drop the emptied ones at the front */
    while (w->wnext < w->wcount && w->w[w->wnext].first > w->w[w->wnext].last)
        w->wnext++;
}

static void put_block(ep_pass *p, sw *w, const char *name, const rg_buf *b,
                      size_t count)
{
    char num[40];
    snprintf(num, sizeof num, " count=\"%zu\">", count);
    put_el(p, w, "<", name);
    if (!strcmp(name, "dataValidations"))
        ep_puts(p, num);
    else
        ep_puts(p, ">");
    ep_emit(p, b->data, b->len);
    put_el(p, w, "</", name);
    ep_puts(p, ">");
}

static void put_pending(ep_pass *p, sw *w, int before_rank)
{
    if (!w->cols_done && before_rank > RANK_COLS && w->wnext < w->wcount) {
        w->cols_done = true;
        put_el(p, w, "<", "cols>");
        put_widths(p, w, UINT32_MAX);
        put_el(p, w, "</", "cols>");
    }
    if (!w->dv_done && before_rank > RANK_DV && w->s->validation_count) {
        w->dv_done = true;
        put_block(p, w, "dataValidations", &w->s->validations,
                  w->s->validation_count);
    }
    if (!w->links_done && before_rank > RANK_LINKS && w->s->link_count) {
        w->links_done = true;
        put_block(p, w, "hyperlinks", &w->s->links, w->s->link_count);
    }
}

/* Re-write a start tag with attribute `name` set to value (NULL: removed);
 * empty says whether it closes itself. */
static void put_tag(ep_pass *p, const char *q, const char **a,
                    const char *name, const char *value, bool empty)
{
    bool done = false;
    ep_puts(p, "<");
    ep_puts(p, q);
    for (; a && a[0]; a += 2) {
        const char *v = a[1];
        if (!strcmp(a[0], name)) {
            if (!value)
                continue;
            v = value;
            done = true;
        }
        ep_puts(p, " ");
        ep_puts(p, a[0]);
        ep_puts(p, "=\"");
        ep_escaped(p, v, strlen(v));
        ep_puts(p, "\"");
    }
    if (value && !done) {
        ep_puts(p, " ");
        ep_puts(p, name);
        ep_puts(p, "=\"");
        ep_escaped(p, value, strlen(value));
        ep_puts(p, "\"");
    }
    ep_puts(p, empty ? "/>" : ">");
}

static bool is_empty_tag(ep_pass *p, uint64_t s, uint64_t n)
{
    const char *b = ep_bytes(p, s, n);
    return b && n >= 2 && b[n - 2] == '/';
}

/* ---- the pass ---------------------------------------------------------- */

static void on_row(ep_pass *p, sw *w, const char *q, const char **a,
                   uint64_t s, uint64_t n)
{
    const char *r = ep_attr(a, "r");
    uint32_t row = w->row_any ? w->row + 1 : 0;
    uint32_t lo = UINT32_MAX, hi = 0;
    size_t i;
    bool empty = is_empty_tag(p, s, n);

    if (r && rg_parse_u32(r, &row) && row > 0)
        row--;
    w->row = row;
    w->row_any = true;
    w->in_row = true;
    w->cell_any = false;
    w->row_open_empty = false;
    ep_copy_to(p, s);
    put_rows(p, w, row);
    for (i = w->next; i < w->count && w->cells[i].row == row; i++) {
        lo = w->cells[i].col < lo ? w->cells[i].col : lo;
        hi = w->cells[i].col > hi ? w->cells[i].col : hi;
    }
    if (lo == UINT32_MAX)
        return;
    {
        /* the row gets cells: widen spans, open an empty row */
        const char *sp = ep_attr(a, "spans");
        char span[48];
        uint32_t a0 = 0, a1 = 0;
        bool widen = false;
        if (sp && sscanf(sp, "%u:%u", &a0, &a1) == 2 &&
            (lo + 1 < a0 || hi + 1 > a1)) {
            snprintf(span, sizeof span, "%u:%u", lo + 1 < a0 ? lo + 1 : a0,
                     hi + 1 > a1 ? hi + 1 : a1);
            widen = true;
        }
        if (widen || empty) {
            put_tag(p, q, a, "spans", widen ? span : sp, false);
            ep_skip_to(p, s + n);
        }
        if (empty) {
            put_adds(p, w, row, UINT32_MAX);
            ep_puts(p, "</");
            ep_puts(p, q);
            ep_puts(p, ">");
            w->row_open_empty = true;
        }
    }
}

static void on_cell(ep_pass *p, sw *w, const char *q, const char **a,
                    uint64_t s, uint64_t n)
{
    const char *r = ep_attr(a, "r");
    uint32_t row = w->row, col = w->cell_any ? w->col + 1 : 0;
    const ed_cell *edit = NULL;

    if (r && !rag_cell_ref_parse(r, &row, &col))
        row = w->row;
    w->col = col;
    w->cell_any = true;
    ep_copy_to(p, s);
    put_adds(p, w, w->row, col);
    while (w->next < w->count && w->cells[w->next].row == w->row &&
           w->cells[w->next].col == col)
        edit = &w->cells[w->next++];
    w->edit = edit;
    w->shared_master = false;
    w->cell_start = s;
    w->tag_end = s + n;
    if (edit) {
        char num[24];
        rg_buf_reset(&w->tag);
        if (edit->style >= 0)
            snprintf(num, sizeof num, "%lld", (long long)edit->style);
        w->hold = 1;
        ep_hold(p, s);
        /* remember the start tag: build it now, attributes die here */
        {
            size_t was = w->tag.len;
            bool empty = is_empty_tag(p, s, n);
            const char **x;
            bool ok = rg_buf_putc(&w->tag, '<') && rg_buf_puts(&w->tag, q);
            bool done = false;
            for (x = a; ok && x && x[0]; x += 2) {
                const char *v = x[1];
                if (!strcmp(x[0], "s") && edit->style >= 0) {
                    v = num;
                    done = true;
                }
                ok = rg_buf_printf(&w->tag, " %s=\"", x[0]) &&
                     ep_buf_escaped(&w->tag, v, strlen(v)) &&
                     rg_buf_putc(&w->tag, '"');
            }
            if (ok && edit->style >= 0 && !done)
                ok = rg_buf_printf(&w->tag, " s=\"%s\"", num);
            if (ok)
                ok = rg_buf_puts(&w->tag, empty ? "/>" : ">");
            if (!ok) {
                w->tag.len = was;
                ep_fail(p, RAG_ERR_NOMEM, "out of memory");
            }
        }
        return;
    }
    if (cleared(w->s, w->row, col)) {
        w->hold = 2;
        ep_hold(p, s);
    }
}

static void cell_done(ep_pass *p, sw *w, uint64_t end)
{
    const ed_cell *c = w->edit;
    if (w->hold == 2) {
        ep_skip_to(p, end);
    } else if (c->value == RAG_EDIT_KEEP || w->shared_master) {
        ep_emit(p, w->tag.data, w->tag.len);
        ep_skip_to(p, w->tag_end);
        ep_copy_to(p, end);
    } else {
        int64_t style = c->style;
        if (style < 0) {
            /* keep the cell's own s: it is in the rewritten tag */
            const char *t = w->tag.data, *sat = t ? strstr(t, " s=\"") : NULL;
            style = sat ? strtoll(sat + 4, NULL, 10) : -1;
        }
        put_cell(p, w, c, style);
        ep_skip_to(p, end);
    }
    ep_release(p);
    w->hold = 0;
    w->edit = NULL;
}

static void sw_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    sw *w = ctx;
    uint64_t s, n;
    uint32_t d = ep_depth(p);

    ep_span(p, &s, &n);
    if (d == 1) {
        ep_prefix(q, w->pre, sizeof w->pre - 1);
        if (w->pre[0])
            strcat(w->pre, ":");
        return;
    }
    if (w->hold) {
        if (w->hold == 1 && !strcmp(l, "f")) {
            const char *t = ep_attr(a, "t");
            if (t && !strcmp(t, "shared") && ep_attr(a, "ref"))
                w->shared_master = true;
        }
        return;
    }
    if (d == 2) {
        int r = rank(l);
        if (r >= 0) {
            ep_copy_to(p, s);
            put_pending(p, w, r);
        }
        if (!strcmp(l, "sheetData")) {
            w->in_data = true;
            if (is_empty_tag(p, s, n) && w->count) {
                ep_copy_to(p, s);
                put_tag(p, q, a, "", NULL, false);
                ep_skip_to(p, s + n);
                put_rows(p, w, UINT32_MAX);
                ep_puts(p, "</");
                ep_puts(p, q);
                ep_puts(p, ">");
                w->rows_ended = true;
            }
        } else if (!strcmp(l, "cols")) {
            w->cols_done = true;
        } else if (!strcmp(l, "dimension") && w->count) {
            const char *ref = ep_attr(a, "ref");
            rag_range d0, u;
            char buf[64], a1[24], b1[24];
            size_t i;
            if (!ref)
                return;
            if (!rag_range_parse(ref, &d0))
                return;
            u = d0;
            for (i = 0; i < w->count; i++) {
                const ed_cell *c = &w->cells[i];
                if (c->row < u.first_row) u.first_row = c->row;
                if (c->row > u.last_row) u.last_row = c->row;
                if (c->col < u.first_col) u.first_col = c->col;
                if (c->col > u.last_col) u.last_col = c->col;
            }
            if (!memcmp(&u, &d0, sizeof u))
                return;
            snprintf(buf, sizeof buf, "%s:%s",
                     rag_cell_ref_format(u.first_row, u.first_col, a1),
                     rag_cell_ref_format(u.last_row, u.last_col, b1));
            ep_copy_to(p, s);
            put_tag(p, q, a, "ref", buf, is_empty_tag(p, s, n));
            ep_skip_to(p, s + n);
        } else if (!strcmp(l, "dataValidations") && w->s->validation_count) {
            const char *cnt = ep_attr(a, "count");
            uint32_t k = 0;
            char num[24];
            w->dv_done = true;
            w->in_dv = true;
            ep_copy_to(p, s);
            if (is_empty_tag(p, s, n)) {
                put_block(p, w, "dataValidations", &w->s->validations,
                          w->s->validation_count);
                ep_skip_to(p, s + n);
                w->in_dv = false;
                return;
            }
            if (cnt && rg_parse_u32(cnt, &k)) {
                snprintf(num, sizeof num, "%zu",
                         (size_t)k + w->s->validation_count);
                put_tag(p, q, a, "count", num, false);
                ep_skip_to(p, s + n);
            }
        } else if (!strcmp(l, "hyperlinks") && w->s->link_count) {
            w->links_done = true;
            w->in_links = true;
            if (is_empty_tag(p, s, n)) {
                ep_copy_to(p, s);
                put_block(p, w, "hyperlinks", &w->s->links,
                          w->s->link_count);
                ep_skip_to(p, s + n);
                w->in_links = false;
            }
        }
        return;
    }
    if (d == 3 && w->in_data && !strcmp(l, "row")) {
        on_row(p, w, q, a, s, n);
        return;
    }
    if (d == 4 && w->in_row && !strcmp(l, "c")) {
        on_cell(p, w, q, a, s, n);
        return;
    }
    if (d == 3 && !strcmp(l, "col") && w->wnext < w->wcount) {
        const char *mn = ep_attr(a, "min"), *mx = ep_attr(a, "max");
        uint32_t c0 = 0, c1 = 0;
        if (mn && mx && rg_parse_u32(mn, &c0) && rg_parse_u32(mx, &c1) &&
            c0 >= 1 && c1 >= c0) {
            ep_copy_to(p, s);
            put_widths(p, w, c0 - 1);
            trim_widths(w, c0 - 1, c1 - 1);
        }
    }
}

static void sw_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    sw *w = ctx;
    uint64_t s, n;
    uint32_t d = ep_depth(p);

    ep_span(p, &s, &n);
    if (w->hold) {
        if (d == 4 && !strcmp(l, "c"))
            cell_done(p, w, s + n);
        return;
    }
    (void)q;
    if (d == 3 && w->in_row && !strcmp(l, "row")) {
        w->in_row = false;
        if (w->row_open_empty) {
            w->row_open_empty = false;
            return;
        }
        ep_copy_to(p, s);
        put_adds(p, w, w->row, UINT32_MAX);
        return;
    }
    if (d != 2 && d != 1)
        return;
    if (d == 2 && !strcmp(l, "sheetData")) {
        w->in_data = false;
        if (!w->rows_ended) {
            ep_copy_to(p, s);
            put_rows(p, w, UINT32_MAX);
        }
    } else if (d == 2 && !strcmp(l, "cols")) {
        ep_copy_to(p, s);
        put_widths(p, w, UINT32_MAX);
    } else if (d == 2 && !strcmp(l, "dataValidations") && w->in_dv) {
        w->in_dv = false;
        ep_copy_to(p, s);
        ep_emit(p, w->s->validations.data, w->s->validations.len);
    } else if (d == 2 && !strcmp(l, "hyperlinks") && w->in_links) {
        w->in_links = false;
        ep_copy_to(p, s);
        ep_emit(p, w->s->links.data, w->s->links.len);
    } else if (d == 1) {
        ep_copy_to(p, s);
        put_pending(p, w, 1000);
    }
}

/* The changes to write, one per cell: sorted, the last change to a cell
 * winning, a KEEP change merged into an earlier value change.  Done in
 * place: the merged list says what the whole list said (a second write
 * gives the same), and a copy was a third of convert's edits over again
 * (11 MB at 50,000 tracker rows).  Changes made later sort after these
 * (their seq counts on). */
static bool prepare(sw *w, ed_sheet *s)
{
    size_t i, k = 0;
    if (!s->cell_count)
        return true;
    w->cells = s->cells;
    qsort(w->cells, s->cell_count, sizeof *w->cells, cell_cmp);
    for (i = 0; i < s->cell_count; i++) {
        ed_cell c = w->cells[i];
        if (k && w->cells[k - 1].row == c.row &&
            w->cells[k - 1].col == c.col) {
            ed_cell *prev = &w->cells[k - 1];
            if (c.value == RAG_EDIT_KEEP) {
                if (c.style >= 0)
                    prev->style = c.style;
            } else {
                *prev = c;
            }
            continue;
        }
        w->cells[k++] = c;
    }
    w->count = s->cell_count = k;
    return true;
}

static int feed(void *ctx, const char *data, size_t len)
{
    return ep_feed(ctx, data, len, false) != RAG_OK;
}

rag_status ed_sheet_write(rag_edit *e, ed_sheet *s, ez_out *o,
                          unsigned long dosdate, rag_error *err)
{
    static const ep_handlers h = {sw_start, sw_end, NULL};
    sw w;
    ep_pass *p = NULL;
    rag_status st;
    long idx = ed_entry(e, s->part);

    memset(&w, 0, sizeof w);
    w.e = e;
    w.s = s;
    if (!prepare(&w, s))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (s->width_count) {
        w.w = rg_malloc(s->width_count * sizeof *w.w);
        if (!w.w) {
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        memcpy(w.w, s->widths, s->width_count * sizeof *w.w);
        qsort(w.w, s->width_count, sizeof *w.w, width_cmp);
        w.wcount = s->width_count;
    }
    st = ez_begin(o, ez_in_name(e->zin, (size_t)idx), dosdate, err);
    if (st == RAG_OK) {
        p = ep_new(&h, &w, ez_write, o, err);
        st = p ? RAG_OK : RAG_ERR_NOMEM;
    }
    if (st == RAG_OK) {
        /* inflate with the reader's limits, straight into the pass */
        st = rg_zip_read(e->rz, s->part, feed, p, err);
        if (st == RAG_OK)
            st = ep_feed(p, "", 0, true);
        if (st == RAG_OK)
            st = ez_end(o, err);
    }
    if (st != RAG_OK) {
        rg_error_set_part(err, s->part);
        rg_error_set_sheet(err, s->name);
    }
    rg_free(w.w);
    rg_buf_free(&w.tag);
    rg_buf_free(&w.num);
    ep_free(p);
    return st;
}
