/*
 * Cells and sheet settings through libxlsxwriter: values by type, formulas
 * with cached results, rich text, links, rows, columns, merges, data
 * validations and defined names, each checked against what libxlsxwriter
 * 1.1.4 can take before it is passed on.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/writer.h"

#define WX_STR_MAX 32767        /* characters in a cell (Excel, LXW_STR_MAX) */
#define WX_URL_MAX 2079         /* bytes in a link (libxlsxwriter) */
#define WX_LINKS_MAX 65530      /* links on a sheet (LXW_MAX_NUMBER_URLS) */
#define WX_MERGES_MAX 65535     /* merged_range_count is a uint16_t */
#define WX_VALIDATIONS_MAX 255  /* num_validations is a uint8_t */
#define WX_NAME_MAX 127         /* LXW_DEFINED_NAME_LENGTH less the NUL */

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

static rag_status cell_fail(rag_wsheet *ws, rag_error *err, lxw_error e,
                            uint32_t row, uint32_t col)
{
    char what[200];
    char ref[16];

    snprintf(what, sizeof what, "cannot write %s!%s", ws->name,
             rag_cell_ref_format(row, col, ref));
    return wx_lxw_fail(ws->w, err, e, what);
}

/* The format of a style, or an out-of-memory failure. */
static rag_status get_format(rag_wsheet *ws, rag_wstyle style,
                             lxw_format **out, rag_error *err)
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
        if (!rg_buf_append(b, s + i, n))
            return false;
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
        st = cell_fail(ws, err, e, cell->row, cell->col);
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
        return cell_fail(ws, err, e, cell->row, cell->col);
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
        return cell_fail(ws, err, e, cell->row, cell->col);
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
    st = get_format(ws, style, &f, err);
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
        return cell_fail(ws, err, e, cell->row, cell->col);
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

/* ---- links ----------------------------------------------------------- */

/* Cut s to at most max characters into b (for libxlsxwriter's limits). */
static const char *cut_to(rg_buf *b, const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t chars = 0;

    while (*p && chars < max) {
        p++;
        while ((*p & 0xC0) == 0x80)
            p++;
        chars++;
    }
    rg_buf_reset(b);
    if (!rg_buf_append(b, s, (size_t)((const char *)p - s)) ||
        !rg_buf_append(b, "", 0))
        return NULL;
    return b->data ? b->data : "";
}

/* Write a link at (row, col) with f; the caller then writes the cell's
 * real value over it (the link stays). */
static rag_status link_at(rag_wsheet *ws, uint32_t row, uint32_t col,
                          const char *url, const char *location,
                          const char *text, const char *tooltip,
                          lxw_format *f, rag_error *err)
{
    rag_writer *w = ws->w;
    rg_buf target = {0}, tip = {0};
    const char *t = NULL;
    rag_status st = RAG_OK;
    lxw_error e;

    if ((!url || !*url) && (!location || !*location))
        goto lost;
    if (ws->link_count >= WX_LINKS_MAX)
        goto lost;
    /* libxlsxwriter takes "internal:" and "external:" anywhere in a URL as
     * its own prefixes. */
    if (url && (strstr(url, "internal:") || strstr(url, "external:")))
        goto lost;
    if (!url || !*url) {
        if (!rg_buf_puts(&target, "internal:") ||
            !rg_buf_puts(&target, location))
            goto nomem;
    } else if (!rg_buf_puts(&target, url) ||
               (location && *location &&
                (!rg_buf_putc(&target, '#') ||
                 !rg_buf_puts(&target, location)))) {
        goto nomem;
    }
    if (target.len > WX_URL_MAX)
        goto lost;
    if (tooltip && *tooltip && !(t = cut_to(&tip, tooltip, 255)))
        goto nomem;
    e = worksheet_write_url_opt(ws->ws, row, (lxw_col_t)col, target.data, f,
                                text && *text ? text : NULL, t);
    if (e == LXW_NO_ERROR) {
        ws->link_count++;
    } else if (e == LXW_ERROR_MEMORY_MALLOC_FAILED ||
               e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE) {
        st = cell_fail(ws, err, e, row, col);
    } else {
        wx_loss(w, RAG_LOSS_LINKS);
    }
    goto done;
lost:
    wx_loss(w, RAG_LOSS_LINKS);
    goto done;
nomem:
    st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
done:
    rg_buf_free(&target);
    rg_buf_free(&tip);
    return st;
}

rag_status wx_link(rag_wsheet *ws, uint32_t row, uint32_t col,
                   const char *url, const char *location, const char *text,
                   const char *tooltip, lxw_format *f, rag_error *err)
{
    rag_status st = wx_check_row(ws, row, err);
    if (st != RAG_OK)
        return st;
    return link_at(ws, row, col, url, location, text, tooltip, f, err);
}

rag_status rag_wsheet_write_link(rag_wsheet *ws, uint32_t row, uint32_t col,
                                 const char *url, const char *location,
                                 const char *text, rag_wstyle style,
                                 rag_error *err)
{
    lxw_format *f;
    rag_status st;

    if (!ws)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet");
    st = get_format(ws, style, &f, err);
    if (st != RAG_OK)
        return st;
    return wx_link(ws, row, col, url, location, text, NULL, f, err);
}

/* ---- rows and columns ------------------------------------------------ */

double wx_col_width_from_file(double file_width)
{
    /* Excel draws a column trunc(7 * width + 0.49) pixels wide (for a
     * 7-pixel digit); libxlsxwriter writes a width in characters w as
     * (round(7w) + 5) / 7, or round(12w) / 7 under one character.  This
     * gives the w that comes out as the same pixels. */
    double px;

    if (!(file_width > 0))
        return 0;
    if (file_width > 255)
        file_width = 255;
    px = floor(7 * file_width + 128.0 / 7 / 256 * 7);
    if (px >= 12)
        return (px - 5) / 7;
    return px / 12;
}

rag_status wx_set_column(rag_wsheet *ws, uint32_t first, uint32_t last,
                         double width, lxw_format *f, bool hidden,
                         uint8_t level, bool collapsed, rag_error *err)
{
    lxw_row_col_options o;
    lxw_error e;

    if (first > last || last >= RAG_MAX_COLS)
        return rg_fail(err, RAG_ERR_USAGE, "bad column range");
    memset(&o, 0, sizeof o);
    o.hidden = hidden;
    o.level = level > 7 ? 7 : level;
    o.collapsed = collapsed;
    e = worksheet_set_column_opt(ws->ws, (lxw_col_t)first, (lxw_col_t)last,
                                 width > 0 ? width : LXW_DEF_COL_WIDTH, f, &o);
    if (e != LXW_NO_ERROR)
        return wx_lxw_fail(ws->w, err, e, "cannot set a column");
    return RAG_OK;
}

rag_status rag_wsheet_set_column(rag_wsheet *ws, uint32_t first,
                                 uint32_t last, double width,
                                 rag_wstyle style, bool hidden,
                                 rag_error *err)
{
    lxw_format *f;
    rag_status st;

    if (!ws)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet");
    st = get_format(ws, style, &f, err);
    if (st != RAG_OK)
        return st;
    return wx_set_column(ws, first, last, width, f, hidden, 0, false, err);
}

rag_status wx_set_row(rag_wsheet *ws, uint32_t row, double height,
                      lxw_format *f, bool hidden, uint8_t level,
                      bool collapsed, rag_error *err)
{
    lxw_row_col_options o;
    lxw_error e;
    rag_status st = wx_check_row(ws, row, err);

    if (st != RAG_OK)
        return st;
    memset(&o, 0, sizeof o);
    o.hidden = hidden;
    o.level = level > 7 ? 7 : level;
    o.collapsed = collapsed;
    if (!(height > 0) || height > 409)
        height = ws->ws->default_row_height;
    e = worksheet_set_row_opt(ws->ws, row, height, f, &o);
    if (e != LXW_NO_ERROR)
        return wx_lxw_fail(ws->w, err, e, "cannot set a row");
    return RAG_OK;
}

rag_status rag_wsheet_set_row(rag_wsheet *ws, uint32_t row, double height,
                              rag_wstyle style, bool hidden, rag_error *err)
{
    lxw_format *f;
    rag_status st;

    if (!ws)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet");
    st = get_format(ws, style, &f, err);
    if (st != RAG_OK)
        return st;
    return wx_set_row(ws, row, height, f, hidden, 0, false, err);
}

/* ---- merges ---------------------------------------------------------- */

static bool overlap(const rag_range *a, const rag_range *b)
{
    return a->first_row <= b->last_row && b->first_row <= a->last_row &&
           a->first_col <= b->last_col && b->first_col <= a->last_col;
}

rag_status rag_wsheet_merge(rag_wsheet *ws, const rag_range *range,
                            rag_error *err)
{
    lxw_merged_range *m;
    size_t i;

    if (!ws || !range)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet or range");
    if (range->first_row > range->last_row ||
        range->first_col > range->last_col ||
        range->last_row >= RAG_MAX_ROWS || range->last_col >= RAG_MAX_COLS)
        return rg_fail(err, RAG_ERR_USAGE, "bad merged range");
    if (range->first_row == range->last_row &&
        range->first_col == range->last_col)
        return RAG_OK; /* one cell: nothing to merge */
    if (ws->merge_count >= WX_MERGES_MAX) {
        wx_loss(ws->w, RAG_LOSS_MERGES);
        return RAG_OK;
    }
    /* Excel refuses overlapping merges (a "repair" on opening).  The
     * check is quadratic; a sheet with very many merges is trusted. */
    if (ws->merge_count < 20000)
        for (i = 0; i < ws->merge_count; i++)
            if (overlap(&ws->merges[i], range)) {
                wx_loss(ws->w, RAG_LOSS_MERGES);
                return RAG_OK;
            }
    if (!rg_grow((void **)&ws->merges, &ws->merge_cap, ws->merge_count + 1,
                 sizeof *ws->merges))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    /*
     * worksheet_merge_range() would write the range's first cell as a
     * string and pad the rest with blanks in one format: in streaming mode
     * that writes rows ahead of the one being written, and in both modes
     * it loses the cells' own values and borders.  So the range is added
     * to the worksheet's list as worksheet_merge_range() itself does (the
     * list is in libxlsxwriter's public struct and lxw_worksheet_free()
     * frees its entries with free()), and the cells are written as they
     * come.
     */
    m = calloc(1, sizeof *m);
    if (!m)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    m->first_row = range->first_row;
    m->last_row = range->last_row;
    m->first_col = (lxw_col_t)range->first_col;
    m->last_col = (lxw_col_t)range->last_col;
    STAILQ_INSERT_TAIL(ws->ws->merged_ranges, m, list_pointers);
    ws->ws->merged_range_count++;
    ws->merges[ws->merge_count++] = *range;
    return RAG_OK;
}

/* ---- data validations ------------------------------------------------ */

static uint8_t dv_type(const char *t, bool *ok)
{
    *ok = true;
    if (!t || !strcmp(t, "none"))
        return LXW_VALIDATION_TYPE_ANY;
    if (!strcmp(t, "whole"))
        return LXW_VALIDATION_TYPE_INTEGER_FORMULA;
    if (!strcmp(t, "decimal"))
        return LXW_VALIDATION_TYPE_DECIMAL_FORMULA;
    if (!strcmp(t, "list"))
        return LXW_VALIDATION_TYPE_LIST_FORMULA;
    if (!strcmp(t, "date"))
        return LXW_VALIDATION_TYPE_DATE_FORMULA;
    if (!strcmp(t, "time"))
        return LXW_VALIDATION_TYPE_TIME_FORMULA;
    if (!strcmp(t, "textLength"))
        return LXW_VALIDATION_TYPE_LENGTH_FORMULA;
    if (!strcmp(t, "custom"))
        return LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    *ok = false;
    return LXW_VALIDATION_TYPE_NONE;
}

static uint8_t dv_criteria(const char *op)
{
    static const struct {
        const char *name;
        uint8_t criteria;
    } ops[] = {
        {"between", LXW_VALIDATION_CRITERIA_BETWEEN},
        {"notBetween", LXW_VALIDATION_CRITERIA_NOT_BETWEEN},
        {"equal", LXW_VALIDATION_CRITERIA_EQUAL_TO},
        {"notEqual", LXW_VALIDATION_CRITERIA_NOT_EQUAL_TO},
        {"greaterThan", LXW_VALIDATION_CRITERIA_GREATER_THAN},
        {"lessThan", LXW_VALIDATION_CRITERIA_LESS_THAN},
        {"greaterThanOrEqual",
         LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO},
        {"lessThanOrEqual", LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO},
    };
    size_t i;
    if (!op)
        return LXW_VALIDATION_CRITERIA_BETWEEN; /* OOXML's default */
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (!strcmp(op, ops[i].name))
            return ops[i].criteria;
    return LXW_VALIDATION_CRITERIA_NONE;
}

/* Add one range of a validation. */
static rag_status dv_range(rag_wsheet *ws, const rag_range *r,
                           lxw_data_validation *dv, bool list,
                           rag_error *err)
{
    lxw_data_val_obj *last = NULL, *it;
    lxw_error e;

    if (ws->validation_count >= WX_VALIDATIONS_MAX) {
        wx_loss(ws->w, RAG_LOSS_VALIDATIONS);
        return RAG_OK;
    }
    e = worksheet_data_validation_range(ws->ws, r->first_row,
                                        (lxw_col_t)r->first_col, r->last_row,
                                        (lxw_col_t)r->last_col, dv);
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return wx_lxw_fail(ws->w, err, e, "cannot add a data validation");
    if (e != LXW_NO_ERROR) {
        wx_loss(ws->w, RAG_LOSS_VALIDATIONS);
        return RAG_OK;
    }
    ws->validation_count++;
    if (list) {
        /* A list is added as a custom formula and then marked a list:
         * libxlsxwriter 1.1.4 copies a list formula twice and leaks the
         * first copy; the two types are written alike but for type=. */
        STAILQ_FOREACH(it, ws->ws->data_validations, list_pointers)
            last = it;
        if (last)
            last->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    }
    return RAG_OK;
}

rag_status rag_wsheet_add_validation(rag_wsheet *ws, const rag_validation *v,
                                     rag_error *err)
{
    lxw_data_validation dv;
    rg_buf pt = {0}, pm = {0}, et = {0}, em = {0};
    bool ok, list;
    uint8_t type;
    rag_status st = RAG_OK;
    const char *p;

    if (!ws || !v)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet or validation");
    memset(&dv, 0, sizeof dv);
    type = dv_type(v->type, &ok);
    list = type == LXW_VALIDATION_TYPE_LIST_FORMULA;
    if (!ok)
        goto lost;
    dv.validate = list ? LXW_VALIDATION_TYPE_CUSTOM_FORMULA : type;
    if (type != LXW_VALIDATION_TYPE_ANY && !list &&
        type != LXW_VALIDATION_TYPE_CUSTOM_FORMULA) {
        dv.criteria = dv_criteria(v->operator_);
        if (dv.criteria == LXW_VALIDATION_CRITERIA_NONE)
            goto lost;
    }
    if (dv.criteria == LXW_VALIDATION_CRITERIA_BETWEEN ||
        dv.criteria == LXW_VALIDATION_CRITERIA_NOT_BETWEEN) {
        if (!v->formula1 || !*v->formula1 || !v->formula2 || !*v->formula2)
            goto lost;
        dv.minimum_formula = (char *)v->formula1;
        dv.maximum_formula = (char *)v->formula2;
    } else if (type != LXW_VALIDATION_TYPE_ANY) {
        if (!v->formula1 || !*v->formula1)
            goto lost;
        dv.value_formula = (char *)v->formula1;
    }
    dv.ignore_blank = v->allow_blank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
    dv.show_input = v->show_input ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
    dv.show_error = v->show_error ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
    dv.dropdown = v->hide_dropdown ? LXW_VALIDATION_OFF : LXW_VALIDATION_ON;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    if (v->error_style && !strcmp(v->error_style, "warning"))
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    else if (v->error_style && !strcmp(v->error_style, "information"))
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
    /* Excel's limits, which libxlsxwriter enforces: cut to fit. */
    if ((v->prompt_title && *v->prompt_title &&
         !(dv.input_title = (char *)cut_to(&pt, v->prompt_title, 32))) ||
        (v->prompt && *v->prompt &&
         !(dv.input_message = (char *)cut_to(&pm, v->prompt, 255))) ||
        (v->error_title && *v->error_title &&
         !(dv.error_title = (char *)cut_to(&et, v->error_title, 32))) ||
        (v->error && *v->error &&
         !(dv.error_message = (char *)cut_to(&em, v->error, 255)))) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }
    if (type == LXW_VALIDATION_TYPE_ANY && !dv.input_title &&
        !dv.input_message)
        goto done; /* nothing to say: libxlsxwriter would drop it anyway */
    if (!v->sqref) {
        st = dv_range(ws, &v->range, &dv, list, err);
        goto done;
    }
    for (p = v->sqref; *p && st == RAG_OK;) {
        char one[64];
        size_t n = strcspn(p, " ");
        rag_range r;
        if (n > 0 && n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            if (rag_range_parse(one, &r))
                st = dv_range(ws, &r, &dv, list, err);
            else
                wx_loss(ws->w, RAG_LOSS_VALIDATIONS);
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    goto done;
lost:
    wx_loss(ws->w, RAG_LOSS_VALIDATIONS);
done:
    rg_buf_free(&pt);
    rg_buf_free(&pm);
    rg_buf_free(&et);
    rg_buf_free(&em);
    return st;
}

/* ---- panes, filters -------------------------------------------------- */

void rag_wsheet_freeze(rag_wsheet *ws, uint32_t rows, uint32_t cols,
                       uint32_t top_row, uint32_t left_col)
{
    if (!ws || (!rows && !cols) || rows >= RAG_MAX_ROWS ||
        cols >= RAG_MAX_COLS)
        return;
    if (top_row < rows || top_row >= RAG_MAX_ROWS)
        top_row = rows;
    if (left_col < cols || left_col >= RAG_MAX_COLS)
        left_col = cols;
    worksheet_freeze_panes_opt(ws->ws, rows, (lxw_col_t)cols, top_row,
                               (lxw_col_t)left_col, 0);
}

rag_status rag_wsheet_autofilter(rag_wsheet *ws, const rag_range *r,
                                 rag_error *err)
{
    lxw_error e;

    if (!ws || !r || r->first_row > r->last_row ||
        r->first_col > r->last_col || r->last_row >= RAG_MAX_ROWS ||
        r->last_col >= RAG_MAX_COLS)
        return rg_fail(err, RAG_ERR_USAGE, "bad autofilter range");
    e = worksheet_autofilter(ws->ws, r->first_row, (lxw_col_t)r->first_col,
                             r->last_row, (lxw_col_t)r->last_col);
    if (e != LXW_NO_ERROR)
        return wx_lxw_fail(ws->w, err, e, "cannot set the autofilter");
    return RAG_OK;
}

/* ---- defined names --------------------------------------------------- */

static bool name_char(unsigned char c, bool first)
{
    if (c >= 0x80 || c == '_' || c == '\\' || (c >= 'A' && c <= 'Z') ||
        (c >= 'a' && c <= 'z'))
        return true;
    return !first && ((c >= '0' && c <= '9') || c == '.' || c == '?');
}

/* "R1C1", "r", "C12": what Excel reads as R1C1 references. */
static bool looks_r1c1(const char *s)
{
    if (*s == 'R' || *s == 'r') {
        s++;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'C' || *s == 'c') {
        s++;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

bool wx_defined_name_valid(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    uint32_t r, c;

    if (!name || !*name || strlen(name) > 255)
        return false;
    if (!name_char(*p, true))
        return false;
    for (p++; *p; p++)
        if (!name_char(*p, false))
            return false;
    if (looks_r1c1(name) || rag_cell_ref_parse(name, &r, &c))
        return false;
    return true;
}

/* Skip "'Sheet 1'!" or "Sheet1!" at the start of a reference. */
static const char *skip_sheet(const char *s)
{
    const char *bang = NULL, *p = s;
    bool quoted = false;

    for (; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        else if (*p == '!' && !quoted)
            bang = p;
    }
    return bang ? bang + 1 : s;
}

/* Parse "$1:$3" (rows) or "$A:$B" (columns) or "A1:B2" (range), '$'s
 * allowed: kind 'r', 'c' or 'a'. */
static bool parse_area(const char *s, char *kind, rag_range *out)
{
    char buf[64], *colon;
    size_t n = 0;
    const char *p;
    uint32_t a, b;

    for (p = s; *p && n + 1 < sizeof buf; p++)
        if (*p != '$')
            buf[n++] = *p;
    if (*p)
        return false;
    buf[n] = '\0';
    if (rag_range_parse(buf, out)) {
        *kind = 'a';
        return true;
    }
    colon = strchr(buf, ':');
    if (!colon)
        return false;
    *colon = '\0';
    if (rg_parse_u32(buf, &a) && rg_parse_u32(colon + 1, &b) && a >= 1 &&
        b >= a && b <= RAG_MAX_ROWS) {
        *kind = 'r';
        out->first_row = a - 1;
        out->last_row = b - 1;
        out->first_col = 0;
        out->last_col = RAG_MAX_COLS - 1;
        return true;
    }
    {
        char r1[80], r2[80];
        uint32_t row, c1, c2;
        snprintf(r1, sizeof r1, "%s1", buf);
        snprintf(r2, sizeof r2, "%s1", colon + 1);
        if (rag_cell_ref_parse(r1, &row, &c1) &&
            rag_cell_ref_parse(r2, &row, &c2) && c1 <= c2) {
            *kind = 'c';
            out->first_col = c1;
            out->last_col = c2;
            out->first_row = 0;
            out->last_row = RAG_MAX_ROWS - 1;
            return true;
        }
    }
    return false;
}

/* _xlnm.Print_Titles: "'S'!$1:$2,'S'!$A:$A" through the API. */
static bool print_titles(rag_wsheet *ws, const char *formula)
{
    char part[128];
    const char *p = formula;
    bool any = false;

    while (*p) {
        size_t n = 0;
        bool quoted = false;
        char kind;
        rag_range r;
        while (p[n] && (quoted || p[n] != ',')) {
            if (p[n] == '\'')
                quoted = !quoted;
            n++;
        }
        if (n >= sizeof part)
            return false;
        memcpy(part, p, n);
        part[n] = '\0';
        if (!parse_area(skip_sheet(part), &kind, &r) || kind == 'a')
            return false;
        if (kind == 'r')
            worksheet_repeat_rows(ws->ws, r.first_row, r.last_row);
        else
            worksheet_repeat_columns(ws->ws, (lxw_col_t)r.first_col,
                                     (lxw_col_t)r.last_col);
        any = true;
        p += n;
        if (*p == ',')
            p++;
    }
    return any;
}

static bool print_area(rag_wsheet *ws, const char *formula)
{
    char kind;
    rag_range r;

    if (strchr(formula, ',') || !parse_area(skip_sheet(formula), &kind, &r))
        return false;
    return worksheet_print_area(ws->ws, r.first_row, (lxw_col_t)r.first_col,
                                r.last_row, (lxw_col_t)r.last_col) ==
           LXW_NO_ERROR;
}

/* Has this name been defined in this scope already? */
static bool name_defined(rag_writer *w, int16_t index, const char *name)
{
    lxw_defined_name *d;
    TAILQ_FOREACH(d, w->wb->defined_names, list_pointers)
        if (d->index == index && rg_streq_nocase(d->name, name))
            return true;
    return false;
}

rag_status rag_writer_define_name(rag_writer *w, rag_wsheet *sheet,
                                  const char *name, const char *formula,
                                  bool hidden, rag_error *err)
{
    char full[WX_NAME_MAX + 1];
    int16_t index = sheet ? (int16_t)sheet->index : -1;
    bool xlnm;
    lxw_error e;
    lxw_defined_name *d;
    rag_status st;

    if (!w || !name || !formula)
        return rg_fail(err, RAG_ERR_USAGE, "no writer, name or formula");
    st = wx_workbook(w, err);
    if (st != RAG_OK)
        return st;
    if (*formula == '=')
        formula++;
    xlnm = !strncmp(name, "_xlnm.", 6);
    if (xlnm && !strcmp(name + 6, "_FilterDatabase"))
        return RAG_OK; /* worksheet_autofilter() writes its own */
    if (xlnm && sheet && !strcmp(name + 6, "Print_Titles") &&
        print_titles(sheet, formula))
        return RAG_OK;
    if (xlnm && sheet && !strcmp(name + 6, "Print_Area") &&
        print_area(sheet, formula))
        return RAG_OK;
    /* libxlsxwriter 1.1.4 holds names and formulas in 128-byte buffers
     * and splits "Sheet!name" at the first '!'. */
    if ((!xlnm && !wx_defined_name_valid(name)) ||
        (xlnm && !wx_defined_name_valid(name + 6)) || !*formula ||
        strlen(formula) > WX_NAME_MAX ||
        (sheet && strchr(sheet->name, '!')) ||
        (size_t)snprintf(full, sizeof full, "%s%s%s",
                         sheet ? sheet->name : "", sheet ? "!" : "",
                         name) >= sizeof full ||
        name_defined(w, index, name)) {
        wx_loss(w, RAG_LOSS_NAMES);
        return RAG_OK;
    }
    e = workbook_define_name(w->wb, full, formula);
    if (e != LXW_NO_ERROR) {
        wx_loss(w, RAG_LOSS_NAMES);
        return RAG_OK;
    }
    if (hidden) {
        /* workbook_define_name() has no hidden flag; the struct does. */
        TAILQ_FOREACH(d, w->wb->defined_names, list_pointers)
            if (d->index == index && !strcmp(d->name, name))
                d->hidden = 1;
    }
    return RAG_OK;
}
