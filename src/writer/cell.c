/*
 * Cells through libxlsxwriter: values by type, formulas with cached
 * results, rich text, each checked against what libxlsxwriter 1.1.4 can
 * take before it is passed on, and noted for the fix-ups (fixup.h) where
 * it cannot write them right.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "writer/writer.h"

#define WX_STR_MAX 32767        /* characters in a cell (Excel, LXW_STR_MAX) */

rag_status wx_check_row(rag_wsheet *ws, uint32_t row, rag_error *err)
{
    if (row >= RAG_MAX_ROWS)
        return rg_fail(err, RAG_ERR_USAGE, "row %u is past the last row",
                       row + 1);
    if (ws->w->mode != RAG_WRITE_STREAMING)
        return RAG_OK;
    if ((int64_t)row < ws->row)
        return rg_fail(err, RAG_ERR_USAGE, "row %u comes after row %lld: a "
                       "streaming writer takes rows in order", row + 1,
                       (long long)ws->row + 1);
    ws->row = row;
    return RAG_OK;
}

rag_status wx_cell_fail(rag_wsheet *ws, rag_error *err, lxw_error e,
                        uint32_t row, uint32_t col)
{
    char what[200];
    char ref[16];

    snprintf(what, sizeof what, "cannot write %s!%s", ws->name,
             rag_cell_ref_format(row, col, ref));
    return wx_lxw_fail(ws->w, err, e, what);
}

/* The format of a style, or an out-of-memory failure. */
rag_status wx_get_format(rag_wsheet *ws, rag_wstyle style, lxw_format **out,
                         rag_error *err)
{
    bool nomem = false;
    *out = wx_format(ws->w, style, &nomem);
    if (nomem) {
        ws->w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    return RAG_OK;
}

/* ---- text ------------------------------------------------------------ */

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/*
 * Text as libxlsxwriter must be given it, into b: at most 32767
 * characters (counted as Excel does, in UTF-16 units), a NUL written as
 * "_x0000_", and a literal "_xHHHH_" escaped as "_x005F_xHHHH_", since
 * readers decode that pattern and libxlsxwriter 1.1.4 does not escape it.  Returns false
 * on out of memory; *cut is set when the text was too long.
 */
static bool prep_text(rg_buf *b, const char *s, size_t len, bool *cut)
{
    size_t i = 0, units = 0;

    rg_buf_reset(b);
    if (!rg_buf_append(b, "", 0))
        return false;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (!c) {
            /* a NUL (from "_x0000_") cannot pass through a C string */
            if (units + 1 > WX_STR_MAX) {
                *cut = true;
                break;
            }
            if (!rg_buf_append(b, "_x0000_", 7))
                return false;
            units++;
            i++;
            continue;
        }
        size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (units + (n == 4 ? 2 : 1) > WX_STR_MAX) {
            *cut = true;
            break;
        }
        if (i + n > len)
            n = len - i;
        if (c == '_' && i + 6 < len && s[i + 1] == 'x' && is_hex(s[i + 2]) &&
            is_hex(s[i + 3]) && is_hex(s[i + 4]) && is_hex(s[i + 5]) &&
            s[i + 6] == '_' && !rg_buf_append(b, "_x005F", 6))
            return false;
        /* U+FFFE and U+FFFF (decoded from "_xFFFE_"/"_xFFFF_") are
         * characters XML 1.0 forbids and libxlsxwriter writes as they are:
         * escaped again, as Excel stores them.  libxlsxwriter escapes the
         * C0 controls itself. */
        if (n == 3 && c == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
            ((unsigned char)s[i + 2] == 0xBE ||
             (unsigned char)s[i + 2] == 0xBF)) {
            if (!rg_buf_append(b, (unsigned char)s[i + 2] == 0xBE
                                      ? "_xFFFE_"
                                      : "_xFFFF_",
                               7))
                return false;
        } else if (!rg_buf_append(b, s + i, n)) {
            return false;
        }
        units += n == 4 ? 2 : 1;
        i += n;
    }
    return true;
}

/* The seven error values a formula can hold as a constant. */
static bool is_error_literal(const char *s)
{
    static const char *const errors[] = {"#NULL!", "#DIV/0!", "#VALUE!",
                                         "#REF!", "#NAME?", "#NUM!", "#N/A",
                                         "#GETTING_DATA"};
    size_t i;
    for (i = 0; s && i < sizeof errors / sizeof errors[0]; i++)
        if (!strcmp(s, errors[i]))
            return true;
    return false;
}

bool wx_formula_refs(const char *f, bool structured_too)
{
    bool in_str = false, in_quote = false;

    for (; f && *f; f++) {
        if (*f == '"' && !in_quote) {
            in_str = !in_str;
        } else if (*f == '\'' && !in_str) {
            in_quote = !in_quote;
        } else if (*f == '[' && in_quote) {
            return true; /* '[1]Sheet 1'!A1, 'C:\[Book.xlsx]Sheet'!A1 */
        } else if (*f == '[' && !in_str) {
            /* [1]Sheet1!A1, ['file:///...']: another workbook;
             * Table1[Col], [@Col]: a table */
            if ((f[1] >= '0' && f[1] <= '9') || f[1] == '\'')
                return true;
            if (structured_too)
                return true;
        }
    }
    return false;
}

/* ---- cells ----------------------------------------------------------- */

static lxw_error write_empty_string(rag_wsheet *ws, uint32_t row,
                                    uint32_t col, lxw_format *f);

/* A piece of rich text: a run, or text between runs that no run covers
 * (a plain <t> beside <r>s; it takes the cell's font). */
typedef struct segment {
    const char *text;
    size_t len;
    const rag_font *font;
} segment;

/* Lay the runs over the cell's text; false when they do not fit it. */
static bool segments(const rag_cell *cell, segment *seg, size_t *count)
{
    const rag_rich *rich = cell->rich;
    const char *t = cell->text ? cell->text : "";
    size_t len = cell->text_len, pos = 0, i, n = 0;

    for (i = 0; i < rich->count; i++) {
        const rag_run *r = &rich->runs[i];
        size_t at = pos;
        if (!r->len)
            continue;
        while (at + r->len <= len && memcmp(t + at, r->text, r->len))
            at++;
        if (at + r->len > len)
            return false;
        if (at > pos)
            seg[n++] = (segment){t + pos, at - pos, NULL};
        seg[n++] = (segment){t + at, r->len, r->font};
        pos = at + r->len;
    }
    if (pos < len)
        seg[n++] = (segment){t + pos, len - pos, NULL};
    *count = n;
    return true;
}

/* libxlsxwriter 1.1.4 counts a rich string's fragments in 8 bits: 256
 * wraps to 0 and loops for ever, 254 and 255 are refused with unrelated
 * messages; 253 is the most it writes.  A margin below that. */
#define WX_RICH_RUNS_MAX 250

/* Merge neighbours with the same font, then, past WX_RICH_RUNS_MAX, fold
 * the tail into the last piece (it takes that piece's font).  The pieces
 * lie end to end over the cell's text, so merging is adding lengths.
 * true when the tail was folded (a loss). */
static bool merge_segments(segment *seg, size_t *count)
{
    size_t i, n = 0;

    for (i = 0; i < *count; i++) {
        if (n && seg[n - 1].font == seg[i].font &&
            seg[n - 1].text + seg[n - 1].len == seg[i].text)
            seg[n - 1].len += seg[i].len;
        else
            seg[n++] = seg[i];
    }
    *count = n;
    if (n <= WX_RICH_RUNS_MAX)
        return false;
    seg[WX_RICH_RUNS_MAX - 1].len =
        (size_t)(seg[n - 1].text + seg[n - 1].len -
                 seg[WX_RICH_RUNS_MAX - 1].text);
    *count = WX_RICH_RUNS_MAX;
    return true;
}

static rag_status write_rich(rag_wsheet *ws, const rag_cell *cell,
                             lxw_format *f, rag_wstyle style, rag_error *err)
{
    rag_writer *w = ws->w;
    const rag_style *base = rag_writer_style_get(w, style);
    lxw_rich_string_tuple *tuples = NULL, **list = NULL;
    segment *seg = NULL;
    rg_buf text = {0};
    size_t i, n = 0, count = 0, *offs = NULL, max = cell->rich->count * 2 + 1;
    rag_status st = RAG_OK;
    bool cut = false;
    lxw_error e;
    rag_font deffont;

    if (!base) {
        rag_style d;
        rag_style_init(&d);
        deffont = d.font;
    } else {
        deffont = base->font;
    }
    seg = rg_calloc(max, sizeof *seg);
    tuples = rg_calloc(max, sizeof *tuples);
    list = rg_calloc(max + 1, sizeof *list);
    offs = rg_calloc(max, sizeof *offs);
    if (!seg || !tuples || !list || !offs) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }
    if (!segments(cell, seg, &count)) {
        /* runs that are not the cell's text: the text, plainly */
        seg[0] = (segment){cell->text ? cell->text : "", cell->text_len,
                           NULL};
        count = 1;
    }
    if (merge_segments(seg, &count))
        wx_loss(w, RAG_LOSS_RICH_RUNS);
    /* All pieces go into one buffer, NUL-separated: offsets first,
     * pointers once it has stopped moving. */
    for (i = 0; i < count; i++) {
        if (!prep_text(&w->text, seg[i].text, seg[i].len, &cut)) {
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            goto done;
        }
        if (!w->text.len)
            continue; /* libxlsxwriter refuses empty runs */
        offs[n] = text.len;
        if (!rg_buf_append(&text, w->text.data, w->text.len + 1)) {
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            goto done;
        }
        if (!seg[i].font && n == 0) {
            tuples[n].format = NULL; /* the cell's own font */
        } else {
            tuples[n].format = wx_font_format(
                w, seg[i].font ? seg[i].font : &deffont, err);
            if (!tuples[n].format) {
                st = RAG_ERR_NOMEM;
                goto done;
            }
        }
        n++;
    }
    if (cut)
        wx_loss(w, RAG_LOSS_LONG_TEXT);
    for (i = 0; i < n; i++) {
        tuples[i].string = text.data + offs[i];
        list[i] = &tuples[i];
    }
    list[n] = NULL;
    if (n >= 2)
        e = worksheet_write_rich_string(ws->ws, cell->row, cell->col, list, f);
    else if (n == 1)
        e = worksheet_write_string(ws->ws, cell->row, cell->col,
                                   tuples[0].string, f);
    else
        e = write_empty_string(ws, cell->row, cell->col, f);
    if (e != LXW_NO_ERROR)
        st = wx_cell_fail(ws, err, e, cell->row, cell->col);
done:
    rg_buf_free(&text);
    rg_free(offs);
    rg_free(list);
    rg_free(tuples);
    rg_free(seg);
    return st;
}

/* Rich text of one run that is all the text. */
static bool one_run(const rag_cell *cell)
{
    return cell->rich && cell->rich->count == 1 &&
           cell->rich->runs[0].len == cell->text_len;
}

/* One run with its own font: the cell's style with that font. */
static rag_status single_run_style(rag_writer *w, const rag_cell *cell,
                                   rag_wstyle style, rag_wstyle *out,
                                   rag_error *err)
{
    const rag_style *base = rag_writer_style_get(w, style);
    const rag_font *font = cell->rich ? cell->rich->runs[0].font : NULL;
    rag_style st;

    *out = style;
    /* An empty <rPr/> (no name, no size) says nothing: keep the cell's. */
    if (!font || (!font->name && !(font->size > 0)))
        return RAG_OK;
    if (base)
        st = *base;
    else
        rag_style_init(&st);
    st.font = *font;
    return rag_writer_style(w, &st, out, err);
}

/* What a written cell needs from the fix-ups (fixup.h), if anything. */
typedef struct fix_note {
    int kind;                 /* WX_FIX_*, or 0 */
    double number;
    const char *text;
    size_t len;
} fix_note;

static void note(fix_note *n, int kind, double number, const char *text)
{
    n->kind = kind;
    n->number = number;
    n->text = text;
    n->len = text ? strlen(text) : 0;
}

/* Record the note for (row, col), or forget an older one there. */
static rag_status apply_note(rag_wsheet *ws, uint32_t row, uint32_t col,
                             const fix_note *n, rag_error *err)
{
    if (!n->kind) {
        wx_fixes_cancel(ws->fixes, row, col);
        return RAG_OK;
    }
    if (!ws->fixes &&
        !(ws->fixes = wx_fixes_new(ws->w->mode == RAG_WRITE_STREAMING,
                                   ws->w->tmpdir))) {
        ws->w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (!wx_fixes_add(ws->fixes, row, col, n->kind, n->number, n->text,
                      n->len)) {
        ws->w->failed = true;
        return rg_fail(err, RAG_ERR_IO, "cannot keep a cell for the "
                       "finishing pass (out of memory or temporary space)");
    }
    return RAG_OK;
}

static rag_status write_formula(rag_wsheet *ws, const rag_cell *cell,
                                lxw_format *f, fix_note *fx, rag_error *err)
{
    rag_writer *w = ws->w;
    const char *fm = cell->formula;
    double num = isfinite(cell->number) ? cell->number : 0;
    lxw_error e;
    bool cut = false;

    if (cell->type == RAG_CELL_STRING ||
        (cell->type == RAG_CELL_ERROR && cell->formula_kind ==
                                             RAG_FORMULA_NORMAL)) {
        if (!prep_text(&w->text, cell->text ? cell->text : "",
                       cell->text_len, &cut))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        if (cut)
            wx_loss(w, RAG_LOSS_LONG_TEXT);
    }
    if (cell->formula_kind == RAG_FORMULA_ARRAY) {
        rag_range r = cell->formula_range;
        if (r.first_row != cell->row || r.first_col != cell->col ||
            r.last_row < r.first_row || r.last_col < r.first_col ||
            r.last_row >= RAG_MAX_ROWS || r.last_col >= RAG_MAX_COLS) {
            r.first_row = r.last_row = cell->row;
            r.first_col = r.last_col = cell->col;
        }
        /* The result is cached as a number; the fix-ups give text, error
         * and boolean results their type. */
        switch (cell->type) {
        case RAG_CELL_NUMBER:
        case RAG_CELL_DATE:
            if (!wx_number_exact(num))
                note(fx, WX_FIX_NUMBER, num, NULL);
            break;
        case RAG_CELL_BOOL:
            note(fx, WX_FIX_ARRAY_BOOL, 0, NULL);
            break;
        case RAG_CELL_STRING:
            note(fx, WX_FIX_ARRAY_TEXT, 0, w->text.data ? w->text.data : "");
            num = 0;
            break;
        case RAG_CELL_ERROR:
            if (is_error_literal(cell->text))
                note(fx, WX_FIX_ARRAY_ERROR, 0, cell->text);
            num = 0;
            break;
        case RAG_CELL_BLANK:
            num = 0;
            break;
        }
        /* libxlsxwriter strips a leading "{", "=" and a trailing "}" (the
         * way Excel shows an array formula): wrap the formula so that
         * one that is itself an array constant, {1,2;3,4}, survives. */
        rg_buf_reset(&w->scratch);
        if (!rg_buf_puts(&w->scratch, "{=") || !rg_buf_puts(&w->scratch, fm) ||
            !rg_buf_putc(&w->scratch, '}'))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        e = worksheet_write_array_formula_num(ws->ws, r.first_row,
                                              (lxw_col_t)r.first_col,
                                              r.last_row,
                                              (lxw_col_t)r.last_col,
                                              w->scratch.data, f, num);
    } else {
        switch (cell->type) {
        case RAG_CELL_NUMBER:
        case RAG_CELL_DATE:
        case RAG_CELL_BOOL:
            if (cell->type == RAG_CELL_BOOL)
                note(fx, WX_FIX_BOOL_RESULT, 0, NULL);
            else if (!wx_number_exact(num))
                note(fx, WX_FIX_NUMBER, num, NULL);
            e = worksheet_write_formula_num(ws->ws, cell->row,
                                            (lxw_col_t)cell->col, fm, f, num);
            break;
        case RAG_CELL_ERROR:
            if (is_error_literal(cell->text))
                note(fx, WX_FIX_ERROR_RESULT, 0, cell->text);
            /* fall through */
        case RAG_CELL_STRING:
            e = worksheet_write_formula_str(ws->ws, cell->row,
                                            (lxw_col_t)cell->col, fm, f,
                                            w->text.data ? w->text.data : "");
            break;
        case RAG_CELL_BLANK:
        default:
            e = worksheet_write_formula_str(ws->ws, cell->row,
                                            (lxw_col_t)cell->col, fm, f, "");
            break;
        }
    }
    if (e != LXW_NO_ERROR)
        return wx_cell_fail(ws, err, e, cell->row, cell->col);
    return RAG_OK;
}

/*
 * libxlsxwriter 1.1.4 writes no empty strings (worksheet_write_string()
 * writes "" as a blank).  So a number cell is written and turned into a
 * string cell: in normal mode one that refers to "" in the shared strings
 * (as worksheet_write_string() makes them, through lxw_get_sst_index()),
 * in constant_memory mode an inline string cell holding "", which
 * libxlsxwriter writes as <is><t></t></is> and frees with free().  The
 * cell is found where libxlsxwriter keeps it: the row tree, or in
 * constant_memory mode the current row's array.
 */
static lxw_error write_empty_string(rag_wsheet *ws, uint32_t row,
                                    uint32_t col, lxw_format *f)
{
    lxw_cell *cell = NULL;
    char *empty;
    lxw_error e = worksheet_write_number(ws->ws, row, (lxw_col_t)col, 0, f);

    if (e != LXW_NO_ERROR)
        return e;
    if (ws->ws->optimize)
        cell = ws->ws->array ? ws->ws->array[col] : NULL;
    else
        cell = lxw_worksheet_find_cell_in_row(
            lxw_worksheet_find_row(ws->ws, row), (lxw_col_t)col);
    if (!cell || cell->type != NUMBER_CELL)
        return LXW_ERROR_PARAMETER_VALIDATION;
    if (!ws->ws->optimize) {
        struct sst_element *el = lxw_get_sst_index(ws->ws->sst, "", LXW_FALSE);
        if (!el)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        cell->type = STRING_CELL;
        cell->u.string_id = (int32_t)el->index;
        cell->sst_string = el->string;
        return LXW_NO_ERROR;
    }
    empty = calloc(1, 1);
    if (!empty)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    cell->type = INLINE_STRING_CELL;
    cell->u.string = empty;
    return LXW_NO_ERROR;
}

static rag_status write_text(rag_wsheet *ws, const rag_cell *cell,
                             lxw_format *f, rag_wstyle style, rag_error *err)
{
    rag_writer *w = ws->w;
    lxw_error e = LXW_NO_ERROR;
    bool cut = false;

    if (cell->rich && cell->rich->count && !one_run(cell))
        return write_rich(ws, cell, f, style, err);
    if (!prep_text(&w->text, cell->text ? cell->text : "", cell->text_len,
                   &cut))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (cut)
        wx_loss(w, RAG_LOSS_LONG_TEXT);
    if (w->text.len)
        e = worksheet_write_string(ws->ws, cell->row, (lxw_col_t)cell->col,
                                   w->text.data, f);
    else
        e = write_empty_string(ws, cell->row, cell->col, f);
    if (e != LXW_NO_ERROR)
        return wx_cell_fail(ws, err, e, cell->row, cell->col);
    return RAG_OK;
}

rag_status rag_wsheet_write_cell(rag_wsheet *ws, const rag_cell *cell,
                                 rag_wstyle style, rag_error *err)
{
    rag_writer *w;
    lxw_format *f;
    lxw_error e = LXW_NO_ERROR;
    rag_status st;
    fix_note fx = {0, 0, NULL, 0};

    if (!ws || !cell)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet or cell");
    w = ws->w;
    if (cell->col >= RAG_MAX_COLS)
        return rg_fail(err, RAG_ERR_USAGE, "column %u is past the last "
                       "column", cell->col + 1);
    st = wx_check_row(ws, cell->row, err);
    if (st != RAG_OK)
        return st;
    if (cell->type == RAG_CELL_STRING && one_run(cell)) {
        /* libxlsxwriter wants two runs or more: fold the run's font into
         * the cell's style. */
        st = single_run_style(w, cell, style, &style, err);
        if (st != RAG_OK)
            return st;
    }
    st = wx_get_format(ws, style, &f, err);
    if (st != RAG_OK)
        return st;
    if (cell->formula && *cell->formula &&
        cell->formula_kind != RAG_FORMULA_NONE) {
        st = write_formula(ws, cell, f, &fx, err);
    } else {
        switch (cell->type) {
        case RAG_CELL_NUMBER:
        case RAG_CELL_DATE:
            if (isfinite(cell->number)) {
                e = worksheet_write_number(ws->ws, cell->row,
                                           (lxw_col_t)cell->col,
                                           cell->number, f);
                if (!wx_number_exact(cell->number))
                    note(&fx, WX_FIX_NUMBER, cell->number, NULL);
                break;
            }
            /* no infinities or NaNs in a workbook: the error Excel gives */
            e = worksheet_write_formula_str(ws->ws, cell->row,
                                            (lxw_col_t)cell->col, "#NUM!", f,
                                            "#NUM!");
            note(&fx, WX_FIX_ERROR, 0, "#NUM!");
            break;
        case RAG_CELL_BOOL:
            e = worksheet_write_boolean(ws->ws, cell->row,
                                        (lxw_col_t)cell->col,
                                        cell->number != 0, f);
            break;
        case RAG_CELL_ERROR:
            if (!is_error_literal(cell->text)) {
                st = write_text(ws, cell, f, style, err); /* kept as text */
                break;
            }
            /* No error cells in libxlsxwriter 1.1.4: the error as a
             * formula constant with its text as the cached result, which
             * the fix-ups turn into the error value itself. */
            e = worksheet_write_formula_str(ws->ws, cell->row,
                                            (lxw_col_t)cell->col, cell->text,
                                            f, cell->text);
            note(&fx, WX_FIX_ERROR, 0, cell->text);
            break;
        case RAG_CELL_STRING:
            st = write_text(ws, cell, f, style, err);
            break;
        case RAG_CELL_BLANK:
            if (f)
                e = worksheet_write_blank(ws->ws, cell->row,
                                          (lxw_col_t)cell->col, f);
            break;
        }
    }
    if (st != RAG_OK)
        return st;
    if (e != LXW_NO_ERROR)
        return wx_cell_fail(ws, err, e, cell->row, cell->col);
    return apply_note(ws, cell->row, cell->col, &fx, err);
}

rag_status rag_wsheet_write_string(rag_wsheet *ws, uint32_t row,
                                   uint32_t col, const char *text,
                                   rag_wstyle style, rag_error *err)
{
    rag_cell c;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.type = RAG_CELL_STRING;
    c.text = text ? text : "";
    c.text_len = strlen(c.text);
    return rag_wsheet_write_cell(ws, &c, style, err);
}

rag_status rag_wsheet_write_number(rag_wsheet *ws, uint32_t row,
                                   uint32_t col, double value,
                                   rag_wstyle style, rag_error *err)
{
    rag_cell c;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.type = RAG_CELL_NUMBER;
    c.number = value;
    return rag_wsheet_write_cell(ws, &c, style, err);
}

rag_status rag_wsheet_write_formula(rag_wsheet *ws, uint32_t row,
                                    uint32_t col, const char *formula,
                                    double cached, rag_wstyle style,
                                    rag_error *err)
{
    rag_cell c;
    if (!formula || !*formula)
        return rg_fail(err, RAG_ERR_USAGE, "no formula");
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.type = RAG_CELL_NUMBER;
    c.number = cached;
    c.formula = formula;
    c.formula_kind = RAG_FORMULA_NORMAL;
    return rag_wsheet_write_cell(ws, &c, style, err);
}
