/*
 * Sheet settings through libxlsxwriter: links, rows, columns, merged
 * ranges, data validations, panes and the autofilter, each checked
 * against what libxlsxwriter 1.1.4 can take (its limits are below) before
 * it is passed on; what it cannot take is counted as a loss.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "writer/writer.h"

#define WX_URL_MAX 2079         /* bytes in a link (libxlsxwriter) */
#define WX_LINKS_MAX 65530      /* links on a sheet (LXW_MAX_NUMBER_URLS) */
#define WX_MERGES_MAX 65535     /* merged_range_count is a uint16_t */
#define WX_VALIDATIONS_MAX 255  /* num_validations is a uint8_t */

/* ---- links ----------------------------------------------------------- */

/* Cut s to at most max characters into b (for libxlsxwriter's limits). */
const char *wx_cut_to(rg_buf *b, const char *s, size_t max)
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
    if (tooltip && *tooltip && !(t = wx_cut_to(&tip, tooltip, 255)))
        goto nomem;
    e = worksheet_write_url_opt(ws->ws, row, (lxw_col_t)col, target.data, f,
                                text && *text ? text : NULL, t);
    if (e == LXW_NO_ERROR) {
        ws->link_count++;
    } else if (e == LXW_ERROR_MEMORY_MALLOC_FAILED ||
               e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE) {
        st = wx_cell_fail(ws, err, e, row, col);
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
    st = wx_get_format(ws, style, &f, err);
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
    st = wx_get_format(ws, style, &f, err);
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
    st = wx_get_format(ws, style, &f, err);
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
         !(dv.input_title = (char *)wx_cut_to(&pt, v->prompt_title, 32))) ||
        (v->prompt && *v->prompt &&
         !(dv.input_message = (char *)wx_cut_to(&pm, v->prompt, 255))) ||
        (v->error_title && *v->error_title &&
         !(dv.error_title = (char *)wx_cut_to(&et, v->error_title, 32))) ||
        (v->error && *v->error &&
         !(dv.error_message = (char *)wx_cut_to(&em, v->error, 255)))) {
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
