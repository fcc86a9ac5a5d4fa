/*
 * convert's Summary sheet: where things stand, for a committee.
 *
 *   Position summary of <file>
 *   Position on <date>, <where the date came from>
 *   Source file: <path>
 *   one row per plan: its sheet (linked), kind and title, then counts of
 *   actions by status and of indicators and quarters by RAG, each count in
 *   its status colour under a header naming the status in words, and the
 *   number of overdue items;
 *   a stacked bar chart of those counts in the same colours;
 *   the overdue actions and milestones, each linked to its row.
 *
 * No text cell here is filled: recognition reads every sheet, and words
 * in coloured cells read as a key.  Colours go on the counts (numbers).
 */
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "outputs/summary_impl.h"

#define FIRST_COUNT_COL 3
#define TABLE_ROW 6 /* the plans table's header row (0-based) */
#define ZERO_INK 0xA6A6A6u
#define LINK_INK 0x0563C1u

/* The columns of counts, in the order a committee reads them. */
static const rg_sum_column all_columns[RG_SUM_COLUMNS] = {
    {false, RAG_PROGRESS_COMPLETE, "Complete"},
    {false, RAG_PROGRESS_ON_TARGET, "On target"},
    {false, RAG_PROGRESS_PROGRAMMED, "Programmed"},
    {false, RAG_PROGRESS_REPROGRAMMED, "Reprogrammed"},
    {false, RAG_PROGRESS_ONE_MONTH_BEHIND, "One month behind"},
    {false, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, "Over one month behind"},
    {false, RAG_PROGRESS_SUSPENDED, "Suspended"},
    {false, RAG_PROGRESS_NONE, "No status"},
    {true, RAG_RATING_GREEN, "GREEN"},
    {true, RAG_RATING_AMBER, "AMBER"},
    {true, RAG_RATING_RED, "RED"},
    {true, RAG_RATING_NONE, "No RAG"},
};
#define NCOLUMNS RG_SUM_COLUMNS

static size_t count_of(const rg_cv_counts *c, const rg_sum_column *col)
{
    return col->rating ? c->rating[col->value] : c->status[col->value];
}

static uint32_t colour_of(const rag_plan *p, const rg_sum_column *col)
{
    return col->rating ? rg_cv_rating_colour((rag_rating)col->value)
                       : rg_cv_status_colour(p, (rag_progress)col->value);
}

static rag_status look(rg_sum *s, rg_cv_look l, rag_wstyle *out)
{
    return rg_cv_style(s->w, &l, out, s->err);
}

static rag_status styles(rg_sum *s)
{
    rg_cv_look l = rg_cv_plain();
    rag_status st;
    rag_style u;

    l.bold = true;
    l.size = 14;
    st = look(s, l, &s->title);
    l = rg_cv_plain();
    if (st == RAG_OK)
        st = look(s, l, &s->text);
    l.bold = true;
    if (st == RAG_OK)
        st = look(s, l, &s->bold);
    l.bold = false;
    l.top = true;
    if (st == RAG_OK)
        st = look(s, l, &s->top);
    l.wrap = true;
    if (st == RAG_OK)
        st = look(s, l, &s->wrap);
    l.center = true;
    if (st == RAG_OK)
        st = look(s, l, &s->wrap_center);
    l.center = false;
    l.bold = true;
    l.border = true;
    l.top = false;
    if (st == RAG_OK)
        st = look(s, l, &s->header);
    l = rg_cv_plain();
    l.ink = ZERO_INK;
    l.center = true;
    l.middle = true;
    if (st == RAG_OK)
        st = look(s, l, &s->zero);
    l = rg_cv_plain();
    l.numfmt = "d mmm yyyy";
    l.top = true;
    l.center = true;
    if (st == RAG_OK)
        st = look(s, l, &s->date);
    rag_style_init(&u);
    u.font.color = LINK_INK;
    u.font.underline = 1;
    u.valign = RAG_VALIGN_TOP;
    if (st == RAG_OK)
        st = rag_writer_style(s->w, &u, &s->link, s->err);
    return st;
}

rag_status rg_sum_put(rg_sum *s, uint32_t r, uint32_t c, const char *t,
                      rag_wstyle st, bool guard)
{
    if (guard && !rg_cv_guard(&s->buf, t, true))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    return rag_wsheet_write_string(s->ws, r, c, guard ? s->buf.data : t, st,
                                   s->err);
}

/* A link to (row, col) of input sheet `sheet`, showing "Sheet!A15". */
rag_status rg_sum_link(rg_sum *s, uint32_t r, uint32_t c, size_t sheet,
                       rag_loc at, bool cell_too)
{
    const char *name = sheet < s->in->sheet_count
                           ? s->in->sheet_names[sheet]
                           : NULL;
    char ref[16], shown[160];

    if (!name)
        return RAG_OK;
    if (!rg_cv_location(&s->loc, name, at.row, at.col))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (cell_too)
        snprintf(shown, sizeof shown, "%s!%s", name,
                 rag_cell_ref_format(at.row, at.col, ref));
    else
        snprintf(shown, sizeof shown, "%s", name);
    if (!rg_cv_guard(&s->buf, shown, true))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    return rag_wsheet_write_link(s->ws, r, c, NULL, s->loc.data, s->buf.data,
                                 s->link, s->err);
}

/* The columns with a count, and their companions: GREEN, AMBER and RED
 * go together, and one status brings another, because a chart of one
 * series reads in LibreOffice as "vary colours by point" (libxlsxwriter
 * 1.1.4 cannot write varyColors="0"): its legend would name the plans,
 * not the status. */
static void choose_columns(rg_sum *s, size_t n)
{
    bool want[NCOLUMNS], rating = false;
    size_t i, k, shown = 0;

    for (k = 0; k < NCOLUMNS; k++) {
        size_t total = 0;
        for (i = 0; i < n; i++)
            total += count_of(&s->counts[i], &all_columns[k]);
        want[k] = total > 0;
        rating |= want[k] && all_columns[k].rating;
    }
    for (k = 0; k < NCOLUMNS; k++) {
        if (rating && all_columns[k].rating &&
            all_columns[k].value != RAG_RATING_NONE)
            want[k] = true;
        shown += want[k];
    }
    if (shown == 1)
        for (k = 0; k < NCOLUMNS; k++)
            if (!want[k] && !all_columns[k].rating &&
                (all_columns[k].value == RAG_PROGRESS_ON_TARGET ||
                 all_columns[k].value == RAG_PROGRESS_COMPLETE)) {
                want[k] = true;
                break;
            }
    s->ncols = 0;
    for (k = 0; k < NCOLUMNS; k++)
        if (want[k])
            s->cols[s->ncols++] = &all_columns[k];
}

/* ---- the top and the plans table ---------------------------------------- */

/* The last column the Summary uses. */
static uint32_t last_col(const rg_sum *s)
{
    return FIRST_COUNT_COL + (uint32_t)(s->ncols > 6 ? s->ncols : 6);
}

/* A paragraph across the page, wrapped, in row r. */
static rag_status note(rg_sum *s, uint32_t r, const char *text)
{
    rag_range span;
    rag_status st = rg_sum_put(s, r, 0, text, s->wrap, false);
    span.first_row = span.last_row = r;
    span.first_col = 0;
    span.last_col = last_col(s);
    if (st == RAG_OK)
        st = rag_wsheet_merge(s->ws, &span, s->err);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, r, strlen(text) > 150 ? 32 : 16,
                                RAG_WSTYLE_NONE, false, s->err);
    return st;
}

static rag_status top(rg_sum *s)
{
    const rag_model *m = s->in->m;
    char date[32], line[160];
    rg_buf src = {0};
    rag_status st;
    bool trackers = false;
    size_t i;

    if (!rg_buf_printf(&src, "Position summary of %s",
                       rg_cv_basename(s->in->source)))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    st = rg_sum_put(s, 0, 0, src.data, s->title, true);
    snprintf(line, sizeof line, "Position on %s, %s",
             rg_cv_date_words(m->as_of, date, sizeof date),
             s->in->origin == RG_CV_AS_OF_OPTION ? "the date given (--as-of)"
             : s->in->origin == RG_CV_AS_OF_WORKBOOK
                 ? "the date written in the workbook"
                 : "today (the workbook gives no date)");
    if (st == RAG_OK)
        st = rg_sum_put(s, 1, 0, line, s->bold, false);
    rg_buf_reset(&src);
    if (st == RAG_OK && !rg_buf_printf(&src, "Source file: %s",
                                       s->in->source))
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = rg_sum_put(s, 2, 0, src.data, s->text, true);
    rg_buf_free(&src);
    for (i = 0; i < m->plan_count; i++)
        trackers |= m->plans[i].kind == RAG_PLAN_TRACKER;
    if (st == RAG_OK)
        st = note(s, 3,
                  trackers ? "Each count is in its status colour (zero is "
                             "grey); heading rows of a plan are not "
                             "counted.  On the tracker sheets each "
                             "coloured month now carries a code: P "
                             "Programmed, OT On target, 1M One month "
                             "behind, >1M Over one month behind, RP "
                             "Reprogrammed, S Suspended, C Complete, ? a "
                             "colour the key does not name."
                           : "Each count is in its status colour (zero is "
                             "grey); heading rows of a plan are not "
                             "counted.");
    return st;
}

static const char *plan_title(const rag_plan *p)
{
    if (p->kind == RAG_PLAN_INDICATOR && p->indicator_count &&
        p->indicators[0].title)
        return p->indicators[0].title;
    return p->title ? p->title : "";
}

/* The title, cut at three lines, and the row as high as it needs. */
static rag_status title_cell(rg_sum *s, uint32_t r, const char *title)
{
    char cut[160];
    size_t len = strlen(title), lines;
    rag_status st;

    if (len > 140) {
        size_t n = 137;
        while (n && ((unsigned char)title[n] & 0xC0) == 0x80)
            n--; /* not inside a UTF-8 character */
        snprintf(cut, sizeof cut, "%.*s...", (int)n, title);
        title = cut;
        len = strlen(cut);
    }
    lines = len / 44 + 1;
    st = rg_sum_put(s, r, 2, title, s->wrap, true);
    if (st == RAG_OK && lines > 1)
        st = rag_wsheet_set_row(s->ws, r, 15.0 * (double)(lines > 3 ? 3
                                                                    : lines),
                                RAG_WSTYLE_NONE, false, s->err);
    return st;
}

static rag_status plans_table(rg_sum *s)
{
    const rag_model *m = s->in->m;
    uint32_t hr = TABLE_ROW, c;
    size_t i, k;
    rag_status st;
    rag_range grp;

    st = rg_sum_put(s, hr - 1, FIRST_COUNT_COL, "Counted by status or RAG",
             s->bold, false);
    st = st == RAG_OK ? rg_sum_put(s, hr, 0, "Sheet", s->header, false) : st;
    st = st == RAG_OK ? rg_sum_put(s, hr, 1, "Kind", s->header, false) : st;
    st = st == RAG_OK ? rg_sum_put(s, hr, 2, "Title", s->header, false) : st;
    for (k = 0; k < s->ncols && st == RAG_OK; k++)
        st = rg_sum_put(s, hr, FIRST_COUNT_COL + (uint32_t)k, s->cols[k]->words,
                 s->header, false);
    c = FIRST_COUNT_COL + (uint32_t)s->ncols;
    if (st == RAG_OK)
        st = rg_sum_put(s, hr, c, "Overdue", s->header, false);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, hr, 32, RAG_WSTYLE_NONE, false,
                                s->err);
    for (i = 0; i < m->plan_count && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[i];
        uint32_t r = hr + 1 + (uint32_t)i;
        st = rg_sum_link(s, r, 0, p->sheet_index, p->cell, false);
        if (st == RAG_OK)
            st = rg_sum_put(s, r, 1, rg_cv_kind_words(p->kind), s->wrap, true);
        if (st == RAG_OK)
            st = title_cell(s, r, plan_title(p));
        for (k = 0; k < s->ncols && st == RAG_OK; k++) {
            size_t n = count_of(&s->counts[i], s->cols[k]);
            uint32_t fill = colour_of(p, s->cols[k]);
            rag_wstyle cs = s->zero;
            if (n && fill != RAG_NO_COLOR) {
                rg_cv_look l = rg_cv_plain();
                l.fill = fill;
                l.ink = rg_cv_ink(fill);
                l.bold = true;
                l.center = true;
                l.middle = true;
                st = look(s, l, &cs);
            } else if (n) {
                rg_cv_look l = rg_cv_plain();
                l.center = true;
                l.middle = true;
                st = look(s, l, &cs);
            }
            if (st == RAG_OK)
                st = rag_wsheet_write_number(s->ws, r,
                                             FIRST_COUNT_COL + (uint32_t)k,
                                             (double)n, cs, s->err);
        }
        if (st == RAG_OK) {
            rg_cv_look l = rg_cv_plain();
            rag_wstyle os = s->zero;
            if (s->counts[i].overdue) {
                l.bold = true;
                l.ink = 0xC00000u;
                l.center = true;
                l.middle = true;
                st = look(s, l, &os);
            }
            if (st == RAG_OK)
                st = rag_wsheet_write_number(s->ws, r, c,
                                             (double)s->counts[i].overdue,
                                             os, s->err);
        }
    }
    grp.first_row = grp.last_row = hr - 1;
    grp.first_col = FIRST_COUNT_COL;
    grp.last_col = c;
    if (st == RAG_OK && c > FIRST_COUNT_COL)
        st = rag_wsheet_merge(s->ws, &grp, s->err);
    return st;
}

/* ---- the chart ---------------------------------------------------------- */

static uint32_t series_colour(rg_sum *s, const rg_sum_column *col)
{
    const rag_model *m = s->in->m;
    size_t i;
    for (i = 0; i < m->plan_count; i++)
        if (count_of(&s->counts[i], col))
            return colour_of(&m->plans[i], col);
    return colour_of(NULL, col);
}

/* A stacked bar per plan, one segment per status or RAG, in its colour,
 * named in the legend; anchored at row; *rows gets the rows it covers.
 * No data labels: LibreOffice reads libxlsxwriter 1.1.4's labels (which
 * leave out showCatName and showSerName) as naming the category and the
 * series too, and the counts are in the table just above. */
static rag_status chart(rg_sum *s, uint32_t row, uint32_t *rows)
{
    const rag_model *m = s->in->m;
    lxw_workbook *lwb = rag_writer_lxw(s->w);
    lxw_chart *ch;
    lxw_chart_options opt;
    const char *name = rag_wsheet_name(s->ws);
    lxw_row_t first = TABLE_ROW + 1, last = (lxw_row_t)(TABLE_ROW + m->plan_count);
    char date[32], title[80];
    double height = 190 + 36.0 * (double)m->plan_count;
    size_t i, k, most = 0;
    lxw_error e;

    *rows = 0;
    if (!m->plan_count || !s->ncols)
        return RAG_OK;
    for (i = 0; i < m->plan_count; i++) {
        size_t sum = 0;
        for (k = 0; k < s->ncols; k++)
            sum += count_of(&s->counts[i], s->cols[k]);
        if (sum > most)
            most = sum;
    }
    if (!lwb || !(ch = workbook_add_chart(lwb, LXW_CHART_BAR_STACKED)))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    for (k = 0; k < s->ncols; k++) {
        lxw_chart_series *se;
        lxw_chart_fill fill;
        lxw_col_t c = (lxw_col_t)(FIRST_COUNT_COL + k);
        uint32_t colour = series_colour(s, s->cols[k]);
        se = chart_add_series(ch, NULL, NULL);
        if (!se)
            return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
        chart_series_set_categories(se, name, first, 0, last, 0);
        chart_series_set_values(se, name, first, c, last, c);
        chart_series_set_name_range(se, name, TABLE_ROW, c);
        memset(&fill, 0, sizeof fill);
        fill.color = colour == RAG_NO_COLOR ? 0xD9D9D9u : colour;
        chart_series_set_fill(se, &fill);
    }
    snprintf(title, sizeof title, "Position on %s",
             rg_cv_date_words(m->as_of, date, sizeof date));
    chart_title_set_name(ch, title);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    /* plans top to bottom, the count axis below them */
    chart_axis_set_reverse(ch->y_axis);
    chart_axis_set_crossing_max(ch->y_axis);
    chart_axis_set_name(ch->x_axis, "Count");
    chart_axis_set_min(ch->x_axis, 0);
    chart_axis_set_num_format(ch->x_axis, "0");
    if (most <= 12)
        chart_axis_set_major_unit(ch->x_axis, most <= 6 ? 1 : 2);
    chart_set_series_gap(ch, 40);
    memset(&opt, 0, sizeof opt);
    opt.x_offset = 4;
    opt.y_offset = 4;
    opt.x_scale = 1.9;
    opt.y_scale = height / 288.0;
    e = worksheet_insert_chart_opt(rag_wsheet_lxw(s->ws), row, 0, ch, &opt);
    if (e != LXW_NO_ERROR)
        return rg_fail(s->err, RAG_ERR_WRITE, "%s", lxw_strerror(e));
    *rows = (uint32_t)(height / 20.0) + 2;
    return RAG_OK;
}

rag_status rg_cv_summary(rag_writer *w, rag_wsheet *ws,
                         const rg_cv_summary_in *in, rag_error *err)
{
    rg_sum s;
    size_t i, n = in->m->plan_count;
    uint32_t after, rows = 0, c;
    rag_status st;

    memset(&s, 0, sizeof s);
    s.w = w;
    s.ws = ws;
    s.in = in;
    s.err = err;
    s.counts = rg_calloc(n ? n : 1, sizeof *s.counts);
    if (!s.counts)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < n; i++)
        rg_cv_count(&in->m->plans[i], in->overdue, &s.counts[i]);
    choose_columns(&s, n);
    st = styles(&s);
    if (st == RAG_OK)
        st = top(&s);
    if (st == RAG_OK && n)
        st = plans_table(&s);
    else if (st == RAG_OK)
        st = rg_sum_put(&s, TABLE_ROW, 0,
                 "No plan was recognised in this workbook.", s.text, false);
    after = TABLE_ROW + (uint32_t)n + 2;
    if (st == RAG_OK)
        st = chart(&s, after, &rows);
    if (st == RAG_OK)
        st = rg_sum_overdue(&s, after + rows + 1);
    /* widths: sheet and where, kind and date, title and item, counts */
    st = st == RAG_OK ? rag_wsheet_set_column(ws, 0, 0, 20, RAG_WSTYLE_NONE,
                                              false, err)
                      : st;
    st = st == RAG_OK ? rag_wsheet_set_column(ws, 1, 1, 22, RAG_WSTYLE_NONE,
                                              false, err)
                      : st;
    st = st == RAG_OK ? rag_wsheet_set_column(ws, 2, 2, 48, RAG_WSTYLE_NONE,
                                              false, err)
                      : st;
    c = last_col(&s);
    st = st == RAG_OK ? rag_wsheet_set_column(ws, FIRST_COUNT_COL, c, 15,
                                              RAG_WSTYLE_NONE, false, err)
                      : st;
    if (st == RAG_OK) {
        /* printed as a committee paper: landscape, one page wide */
        lxw_worksheet *lws = rag_wsheet_lxw(ws);
        worksheet_set_landscape(lws);
        worksheet_set_paper(lws, 9); /* A4 */
        worksheet_fit_to_pages(lws, 1, 0);
        worksheet_set_margins(lws, 0.4, 0.4, 0.5, 0.5);
    }
    rg_buf_free(&s.buf);
    rg_buf_free(&s.loc);
    rg_free(s.counts);
    return st;
}
