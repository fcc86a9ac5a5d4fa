/*
 * How a generated sheet is presented: its page set-up for printing and
 * its charts.  The outputs (Summary, Issues, the validation report) ask
 * for these through write.h and never see libxlsxwriter.
 */
#include <stdio.h>
#include <string.h>

#include "writer/writer.h"

void rag_wsheet_page_setup(rag_wsheet *ws, const rag_page_setup *p)
{
    lxw_worksheet *lws;
    lxw_header_footer_options o;
    const char *hf[2];
    int i;

    if (!ws || !p)
        return;
    lws = ws->ws;
    hf[0] = p->header;
    hf[1] = p->footer;
    if (p->landscape)
        worksheet_set_landscape(lws);
    if (p->paper)
        worksheet_set_paper(lws, (uint8_t)p->paper);
    if (p->fit_to_page)
        worksheet_fit_to_pages(lws, (uint16_t)p->fit_width,
                               (uint16_t)p->fit_height);
    else if (p->scale && p->scale != 100)
        worksheet_set_print_scale(lws, (uint16_t)p->scale);
    if (p->first_page)
        worksheet_set_start_page(lws, (uint16_t)p->first_page);
    if (p->has_margins)
        worksheet_set_margins(lws, p->margin_left, p->margin_right,
                              p->margin_top, p->margin_bottom);
    if (p->print_headings)
        worksheet_print_row_col_headers(lws);
    if (p->center_h)
        worksheet_center_horizontally(lws);
    if (p->center_v)
        worksheet_center_vertically(lws);
    for (i = 0; i < 2; i++) {
        if (!hf[i] || !*hf[i])
            continue;
        memset(&o, 0, sizeof o);
        o.margin = p->has_margins ? (i ? p->margin_footer : p->margin_header)
                                  : 0.3;
        /* &G places a picture, which is not copied. */
        if (strlen(hf[i]) > LXW_HEADER_FOOTER_MAX || strstr(hf[i], "&G") ||
            (i ? worksheet_set_footer_opt(lws, hf[i], &o)
               : worksheet_set_header_opt(lws, hf[i], &o)) != LXW_NO_ERROR)
            wx_loss(ws->w, RAG_LOSS_PRINT);
    }
}

rag_status rag_wsheet_repeat_rows(rag_wsheet *ws, uint32_t first,
                                  uint32_t last, rag_error *err)
{
    lxw_error e;

    if (!ws || first > last || last >= RAG_MAX_ROWS)
        return rg_fail(err, RAG_ERR_USAGE, "bad rows to repeat");
    e = worksheet_repeat_rows(ws->ws, first, last);
    if (e != LXW_NO_ERROR)
        return wx_lxw_fail(ws->w, err, e, "cannot repeat the rows");
    return RAG_OK;
}

/* ---- charts ------------------------------------------------------------ */

static uint8_t lxw_kind(rag_chart_kind k)
{
    switch (k) {
    case RAG_CHART_BAR_STACKED:
        return LXW_CHART_BAR_STACKED;
    case RAG_CHART_COLUMN:
        return LXW_CHART_COLUMN;
    case RAG_CHART_BAR:
        break;
    }
    return LXW_CHART_BAR;
}

static bool range_ok(const rag_range *r)
{
    return r->first_row <= r->last_row && r->first_col <= r->last_col &&
           r->last_row < RAG_MAX_ROWS && r->last_col < RAG_MAX_COLS;
}

static rag_status add_series(rag_writer *w, lxw_chart *ch, const char *sheet,
                             const rag_chart_series *s, rag_error *err)
{
    lxw_chart_series *se;
    lxw_chart_fill fill;

    if (!range_ok(&s->categories) || !range_ok(&s->values))
        return rg_fail(err, RAG_ERR_USAGE, "bad chart range");
    se = chart_add_series(ch, NULL, NULL);
    if (!se) {
        w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    chart_series_set_categories(se, sheet, s->categories.first_row,
                                (lxw_col_t)s->categories.first_col,
                                s->categories.last_row,
                                (lxw_col_t)s->categories.last_col);
    chart_series_set_values(se, sheet, s->values.first_row,
                            (lxw_col_t)s->values.first_col,
                            s->values.last_row,
                            (lxw_col_t)s->values.last_col);
    if (s->name_from_cell)
        chart_series_set_name_range(se, sheet, s->name_row,
                                    (lxw_col_t)s->name_col);
    else if (s->name)
        chart_series_set_name(se, s->name);
    if (s->fill != RAG_NO_COLOR) {
        memset(&fill, 0, sizeof fill);
        fill.color = wx_color(s->fill);
        chart_series_set_fill(se, &fill);
    }
    return RAG_OK;
}

rag_status rag_wsheet_add_chart(rag_wsheet *ws, uint32_t row, uint32_t col,
                                const rag_chart *c, rag_error *err)
{
    rag_writer *w;
    lxw_chart *ch;
    lxw_chart_options opt;
    lxw_chart_axis *values, *cats;
    const char *sheet;
    size_t i;
    lxw_error e;
    rag_status st;

    if (!ws || !c || !c->series_count || !c->series ||
        row >= RAG_MAX_ROWS || col >= RAG_MAX_COLS)
        return rg_fail(err, RAG_ERR_USAGE, "bad chart");
    w = ws->w;
    if ((st = wx_workbook(w, err)) != RAG_OK)
        return st;
    sheet = c->data_sheet ? c->data_sheet : ws->name;
    ch = workbook_add_chart(w->wb, lxw_kind(c->kind));
    if (!ch) {
        w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < c->series_count; i++)
        if ((st = add_series(w, ch, sheet, &c->series[i], err)) != RAG_OK)
            return st;
    /* a bar chart's values run along x, a column chart's along y */
    values = c->kind == RAG_CHART_COLUMN ? ch->y_axis : ch->x_axis;
    cats = c->kind == RAG_CHART_COLUMN ? ch->x_axis : ch->y_axis;
    if (c->title)
        chart_title_set_name(ch, c->title);
    else
        chart_title_off(ch);
    if (c->legend)
        chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    else
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    if (c->top_down && c->kind != RAG_CHART_COLUMN) {
        /* first category at the top, the value axis below the bars */
        chart_axis_set_reverse(cats);
        chart_axis_set_crossing_max(cats);
    }
    if (c->value_axis)
        chart_axis_set_name(values, c->value_axis);
    if (c->value_min_zero)
        chart_axis_set_min(values, 0);
    if (c->value_format)
        chart_axis_set_num_format(values, c->value_format);
    if (c->major_unit > 0)
        chart_axis_set_major_unit(values, c->major_unit);
    if (c->gap)
        chart_set_series_gap(ch, c->gap);
    memset(&opt, 0, sizeof opt);
    opt.x_offset = c->x_offset;
    opt.y_offset = c->y_offset;
    /* libxlsxwriter's default chart is 480 x 288 pixels */
    opt.x_scale = c->width > 0 ? c->width / 480.0 : 1;
    opt.y_scale = c->height > 0 ? c->height / 288.0 : 1;
    e = worksheet_insert_chart_opt(ws->ws, row, (lxw_col_t)col, ch, &opt);
    if (e != LXW_NO_ERROR)
        return wx_lxw_fail(w, err, e, "cannot insert the chart");
    return RAG_OK;
}
