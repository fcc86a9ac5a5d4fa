/*
 * Copying input sheets, two streaming passes each.  The first pass reads
 * the settings that follow the cells in the file (merged ranges, links,
 * data validations, page setup) and counts the cells; they are kept, and
 * the sheet is set up.  The second pass writes the cells in the file's
 * row order: a link is written at its anchor cell just before the cell's
 * own value (which then overwrites the link's text; the link stays), and
 * the caller's hooks see each cell and each finished row.  Nothing is
 * held per row, so memory follows the settings, not the rows.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "writer/writer.h"

/* ---- tables ----------------------------------------------------------- */

/* The checks worksheet_add_table() makes (and prints about), made first. */
static bool table_name_ok(const char *name)
{
    static const char bad[] = " !\"#$%&'()*+,-/:;<=>?@[\\]^`{|}~";
    size_t n = name ? strlen(name) : 0;

    if (!n || n > 255 || strpbrk(name, bad) ||
        strchr(bad, name[0]) || strchr(".0123456789", name[0]))
        return false;
    return !(n == 1 && strchr("CcRr", name[0]));
}

static bool table_ok(const rag_table *t)
{
    uint32_t width, rows;
    size_t i, j;

    if (!table_name_ok(t->name) || t->header_rows > 1 || t->totals_rows > 1 ||
        t->range.last_row < t->range.first_row ||
        t->range.last_col < t->range.first_col ||
        t->range.last_row >= RAG_MAX_ROWS || t->range.last_col >= RAG_MAX_COLS)
        return false;
    width = t->range.last_col - t->range.first_col + 1;
    rows = t->range.last_row - t->range.first_row + 1;
    if (t->column_count != width || rows <= t->header_rows)
        return false;
    for (i = 0; i < t->column_count; i++) {
        const char *n = t->columns[i].name;
        if (!n || !*n || strlen(n) > 255)
            return false;
        for (j = 0; j < i; j++)
            if (rg_streq_nocase(n, t->columns[j].name))
                return false;
    }
    return true;
}

/* Structured references need every table of the workbook written again:
 * true when they all can be (normal mode; libxlsxwriter has no tables in
 * constant_memory mode). */
static bool tables_ok(const rag_writer *w, const rag_workbook *wb)
{
    size_t i, j;

    if (w->mode == RAG_WRITE_STREAMING)
        return false;
    for (i = 0; i < wb->sheet_count; i++) {
        const rag_sheet *s = &wb->sheets[i];
        if ((s->features & RAG_FEATURE_TABLE) && !s->table_count)
            return false; /* a table part we could not read */
        for (j = 0; j < s->table_count; j++)
            if (!table_ok(&s->tables[j]))
                return false;
    }
    return true;
}

static uint8_t table_function(const char *f)
{
    static const struct {
        const char *name;
        uint8_t fn;
    } map[] = {
        {"sum", LXW_TABLE_FUNCTION_SUM},
        {"average", LXW_TABLE_FUNCTION_AVERAGE},
        {"count", LXW_TABLE_FUNCTION_COUNT},
        {"countNums", LXW_TABLE_FUNCTION_COUNT_NUMS},
        {"max", LXW_TABLE_FUNCTION_MAX},
        {"min", LXW_TABLE_FUNCTION_MIN},
        {"stdDev", LXW_TABLE_FUNCTION_STD_DEV},
        {"var", LXW_TABLE_FUNCTION_VAR},
    };
    size_t i;
    for (i = 0; f && i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(f, map[i].name))
            return map[i].fn;
    return LXW_TABLE_FUNCTION_NONE; /* none, or custom: the cell has it */
}

static void table_style(const char *name, lxw_table_options *o)
{
    static const struct {
        const char *prefix;
        uint8_t type;
        unsigned max;
    } kinds[] = {
        {"TableStyleLight", LXW_TABLE_STYLE_TYPE_LIGHT, 21},
        {"TableStyleMedium", LXW_TABLE_STYLE_TYPE_MEDIUM, 28},
        {"TableStyleDark", LXW_TABLE_STYLE_TYPE_DARK, 11},
    };
    size_t i;

    /* No style, or one of the workbook's own (not copied): plain. */
    o->style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    o->style_type_number = 0;
    for (i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t n = strlen(kinds[i].prefix);
        uint32_t k;
        if (!strncmp(name, kinds[i].prefix, n) &&
            rg_parse_u32(name + n, &k) && k >= 1 && k <= kinds[i].max) {
            o->style_type = kinds[i].type;
            o->style_type_number = (uint8_t)k;
        }
    }
}

/* Write a table again; its cells are written over it afterwards. */
static rag_status add_table(rag_wsheet *out, const rag_table *t,
                            rag_error *err)
{
    lxw_table_options o;
    lxw_table_column *cols, **list;
    size_t i;
    lxw_error e;

    if (!table_ok(t)) {
        wx_loss(out->w, RAG_LOSS_TABLES);
        return RAG_OK;
    }
    cols = rg_calloc(t->column_count, sizeof *cols);
    list = rg_calloc(t->column_count + 1, sizeof *list);
    if (!cols || !list) {
        rg_free(cols);
        rg_free(list);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < t->column_count; i++) {
        const rag_table_column *c = &t->columns[i];
        cols[i].header = (char *)c->name;
        cols[i].formula = (char *)c->formula;
        cols[i].total_string = (char *)c->totals_label;
        cols[i].total_function = table_function(c->totals_function);
        list[i] = &cols[i];
    }
    memset(&o, 0, sizeof o);
    o.name = (char *)t->name;
    o.no_header_row = t->header_rows == 0;
    o.no_autofilter = !t->autofilter;
    o.no_banded_rows = !t->row_stripes;
    o.banded_columns = t->column_stripes;
    o.first_column = t->first_column;
    o.last_column = t->last_column;
    o.total_row = t->totals_rows > 0;
    o.columns = list;
    table_style(t->style, &o);
    e = worksheet_add_table(out->ws, t->range.first_row,
                            (lxw_col_t)t->range.first_col, t->range.last_row,
                            (lxw_col_t)t->range.last_col, &o);
    rg_free(cols);
    rg_free(list);
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return wx_lxw_fail(out->w, err, e, "cannot add a table");
    if (e != LXW_NO_ERROR)
        wx_loss(out->w, RAG_LOSS_TABLES);
    return RAG_OK;
}

/*
 * worksheet_add_table() writes a calculated column's formula into every
 * data row, with no format; the copy then writes the input's cells over
 * them.  A row where the input has no cell (the formula was cleared there)
 * would keep the padding, so such cells are turned back into nothing: a
 * blank cell without a format, which libxlsxwriter does not write (as it
 * does with its own placeholders).  Every cell the copy writes has a
 * format, so a formula cell without one is padding.  Normal mode only.
 */
static void unpad_table(rag_wsheet *out, const rag_table *t)
{
    uint32_t first = t->range.first_row + t->header_rows;
    uint32_t last = t->range.last_row - t->totals_rows;
    size_t i;
    uint32_t r;

    for (i = 0; i < t->column_count; i++) {
        lxw_col_t col = (lxw_col_t)(t->range.first_col + i);
        if (!t->columns[i].formula)
            continue;
        for (r = first; r <= last && r >= first; r++) {
            lxw_cell *cell = lxw_worksheet_find_cell_in_row(
                lxw_worksheet_find_row(out->ws, r), col);
            if (!cell || cell->type != FORMULA_CELL || cell->format)
                continue;
            free(cell->u.string);
            free(cell->user_data1);
            free(cell->user_data2);
            cell->u.string = NULL;
            cell->user_data1 = cell->user_data2 = NULL;
            cell->type = BLANK_CELL;
        }
    }
}

typedef struct copy_ctx {
    rag_writer *w;
    rag_workbook *wb;
    size_t index;
    rag_wsheet *out;
    rag_sheet in;               /* the settings kept from the first pass */
    rag_hyperlink *links;       /* sorted by anchor, row-major */
    size_t link_count, next_link;
    const rag_copy_hooks *hooks;
    rag_error *err;
    rag_status st;
    int64_t row;                /* the input row being copied; -1 */
    lxw_format *blank;          /* input style 0, for link cells */
    uint64_t cells;
    bool structured;            /* formulas may name tables */
} copy_ctx;

static bool streaming(const copy_ctx *c)
{
    return c->w->mode == RAG_WRITE_STREAMING;
}

/* ---- first pass: settings -------------------------------------------- */

static int count_cell(void *ctx, const rag_sheet *s, const rag_cell *cell)
{
    (void)s;
    (void)cell;
    (*(uint64_t *)ctx)++;
    return 0;
}

static rag_status read_settings(rag_workbook *wb, size_t index,
                                uint64_t *cells, rag_error *err)
{
    rag_cell_visitor v = {cells, NULL, count_cell};
    rag_status st = rag_sheet_stream(wb, index, &v, err);

    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, wb->path, sizeof err->file);
    return st;
}

static void *dup_array(const void *a, size_t n, size_t size, bool *nomem)
{
    void *copy;
    if (!a || !n)
        return NULL;
    copy = rg_malloc(n * size);
    if (!copy) {
        *nomem = true;
        return NULL;
    }
    memcpy(copy, a, n * size);
    return copy;
}

/* Keep the sheet's settings: the second pass refills the reader's. */
static bool keep_settings(copy_ctx *c, const rag_sheet *s)
{
    bool nomem = false;

    c->in = *s;
    c->in.merges = dup_array(s->merges, s->merge_count, sizeof *s->merges,
                             &nomem);
    c->in.cols = dup_array(s->cols, s->col_count, sizeof *s->cols, &nomem);
    c->in.links = dup_array(s->links, s->link_count, sizeof *s->links,
                            &nomem);
    c->in.validations = dup_array(s->validations, s->validation_count,
                                  sizeof *s->validations, &nomem);
    c->in.conditional = dup_array(s->conditional, s->conditional_count,
                                  sizeof *s->conditional, &nomem);
    c->in.tables = dup_array(s->tables, s->table_count, sizeof *s->tables,
                             &nomem);
    c->links = dup_array(s->links, s->link_count, sizeof *s->links, &nomem);
    c->link_count = c->links ? s->link_count : 0;
    return !nomem;
}

static void drop_settings(copy_ctx *c)
{
    rg_free(c->in.merges);
    rg_free(c->in.cols);
    rg_free(c->in.links);
    rg_free(c->in.validations);
    rg_free(c->in.conditional);
    rg_free(c->in.tables);
    rg_free(c->links);
}

static int cmp_links(const void *a, const void *b)
{
    const rag_hyperlink *x = a, *y = b;
    if (x->range.first_row != y->range.first_row)
        return x->range.first_row < y->range.first_row ? -1 : 1;
    if (x->range.first_col != y->range.first_col)
        return x->range.first_col < y->range.first_col ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
}

/* ---- setting up the output sheet -------------------------------------- */

static rag_status map_format(copy_ctx *c, uint32_t style, lxw_format **f)
{
    rag_wstyle h;
    bool nomem = false;
    rag_status st = rag_writer_input_style(c->w, c->wb, style, &h, c->err);

    if (st != RAG_OK)
        return st;
    *f = wx_format(c->w, h, &nomem);
    return nomem ? rg_fail(c->err, RAG_ERR_NOMEM, "out of memory") : RAG_OK;
}

static void count_features(rag_writer *w, unsigned features)
{
    static const struct {
        unsigned feature;
        rag_loss loss;
    } map[] = {
        {RAG_FEATURE_DRAWING, RAG_LOSS_DRAWINGS},
        {RAG_FEATURE_COMMENTS, RAG_LOSS_COMMENTS},
        {RAG_FEATURE_CONDITIONAL, RAG_LOSS_CONDITIONAL},
        {RAG_FEATURE_PIVOT, RAG_LOSS_PIVOTS},
        {RAG_FEATURE_PROTECTION, RAG_LOSS_PROTECTION},
        {RAG_FEATURE_SPARKLINES, RAG_LOSS_SPARKLINES},
        {RAG_FEATURE_OLE, RAG_LOSS_OLE},
        {RAG_FEATURE_PRINT, RAG_LOSS_PRINT},
        {RAG_FEATURE_EXT_VALIDATION, RAG_LOSS_EXT_VALIDATIONS},
        {RAG_FEATURE_EXTERNAL, RAG_LOSS_EXTERNAL},
    };
    size_t i;
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
        if (features & map[i].feature)
            wx_loss(w, map[i].loss);
}

/* Columns the file leaves to the sheet's default width get it from
 * <col> ranges: libxlsxwriter 1.1.4 cannot set a default column width. */
static rag_status default_columns(copy_ctx *c, double file_width)
{
    double width = wx_col_width_from_file(file_width);
    uint32_t next = 0;
    size_t i, n = c->in.col_count;
    rag_col_info *cols = c->in.cols;
    rag_status st = RAG_OK;

    if (!(width > 0) || fabs(width - LXW_DEF_COL_WIDTH) < 0.08)
        return RAG_OK; /* the same pixels as libxlsxwriter's default */
    /* The reader keeps <col> in file order, which Excel sorts. */
    for (i = 0; i <= n && st == RAG_OK; i++) {
        uint32_t first = i < n ? cols[i].first : RAG_MAX_COLS;
        if (i < n && cols[i].first < next)
            return RAG_OK; /* unsorted or overlapping: leave it */
        if (first > next)
            st = wx_set_column(c->out, next, first - 1, width, NULL, false,
                               0, false, c->err);
        if (i < n)
            next = cols[i].last + 1;
    }
    return st;
}

/* The page setup is written once, for copies and generated sheets alike
 * (present.c). */
static void page_setup(copy_ctx *c)
{
    rag_wsheet_page_setup(c->out, &c->in.page);
}

static rag_status setup_sheet(copy_ctx *c)
{
    const rag_sheet *s = &c->in;
    rag_wsheet *out = c->out;
    lxw_worksheet *ws = out->ws;
    rag_status st = RAG_OK;
    rag_range r;
    uint8_t grid;
    size_t i;

    if (s->default_row_height > 0 && s->default_row_height <= 409 &&
        fabs(s->default_row_height - LXW_DEF_ROW_HEIGHT) > 1e-9)
        worksheet_set_default_row(ws, s->default_row_height, LXW_FALSE);
    for (i = 0; i < s->col_count && st == RAG_OK; i++) {
        const rag_col_info *ci = &s->cols[i];
        lxw_format *f = NULL;
        if (!ci->width && !ci->style && !ci->hidden && !ci->outline)
            continue;
        if (ci->style)
            st = map_format(c, ci->style, &f);
        if (st == RAG_OK)
            st = wx_set_column(out, ci->first, ci->last,
                               wx_col_width_from_file(ci->width), f,
                               ci->hidden, ci->outline, ci->collapsed,
                               c->err);
    }
    if (st == RAG_OK && s->default_col_width > 0)
        st = default_columns(c, s->default_col_width);
    if (st != RAG_OK)
        return st;
    if (s->freeze_rows || s->freeze_cols)
        rag_wsheet_freeze(out, s->freeze_rows, s->freeze_cols,
                          s->split_top_row, s->split_left_col);
    if (s->autofilter && rag_range_parse(s->autofilter, &r)) {
        st = rag_wsheet_autofilter(out, &r, c->err);
        if (st != RAG_OK)
            return st;
    }
    if (s->tab_color != RAG_NO_COLOR)
        worksheet_set_tab_color(ws, wx_color(s->tab_color));
    if (s->zoom >= 10 && s->zoom <= 400 && s->zoom != 100)
        worksheet_set_zoom(ws, (uint16_t)s->zoom);
    grid = (uint8_t)((s->show_grid_lines ? LXW_SHOW_SCREEN_GRIDLINES : 0) |
                     (s->page.print_gridlines ? LXW_SHOW_PRINT_GRIDLINES
                                              : 0));
    if (grid != LXW_SHOW_SCREEN_GRIDLINES)
        worksheet_gridlines(ws, grid);
    if (s->right_to_left)
        worksheet_right_to_left(ws);
    if (s->state != RAG_SHEET_VISIBLE) {
        rag_wsheet_hide(out);
        out->very_hidden = s->state == RAG_SHEET_VERY_HIDDEN;
    }
    count_features(c->w, s->features);
    page_setup(c);
    if (c->structured) {
        for (i = 0; i < s->table_count && st == RAG_OK; i++)
            st = add_table(out, &s->tables[i], c->err);
    } else if (s->features & RAG_FEATURE_TABLE) {
        wx_loss(c->w, RAG_LOSS_TABLES);
    }
    for (i = 0; i < s->merge_count && st == RAG_OK; i++)
        st = rag_wsheet_merge(out, &s->merges[i], c->err);
    for (i = 0; i < s->validation_count && st == RAG_OK; i++)
        st = rag_wsheet_add_validation(out, &s->validations[i], c->err);
    return st;
}

/* ---- second pass: cells ---------------------------------------------- */

/* Write the links anchored before (row, col), in row-major order: the
 * input has no cell there, so the link's text is blanked again. */
static rag_status flush_links(copy_ctx *c, uint32_t row, uint32_t col)
{
    rag_status st = RAG_OK;

    while (st == RAG_OK && c->next_link < c->link_count) {
        const rag_hyperlink *l = &c->links[c->next_link];
        uint32_t r = l->range.first_row, k = l->range.first_col;
        lxw_error e;
        if (r > row || (r == row && k >= col))
            break;
        c->next_link++;
        if (l > c->links && l[-1].range.first_row == r &&
            l[-1].range.first_col == k)
            continue; /* a second link on one cell */
        if (streaming(c) && (int64_t)r < c->out->row) {
            wx_loss(c->w, RAG_LOSS_LINKS);
            continue;
        }
        st = wx_link(c->out, r, k, l->url, l->location, l->display,
                     l->tooltip, c->blank, c->err);
        if (st == RAG_OK && c->blank) {
            e = worksheet_write_blank(c->out->ws, r, (lxw_col_t)k, c->blank);
            if (e != LXW_NO_ERROR)
                st = wx_lxw_fail(c->w, c->err, e, "cannot write a link");
        }
    }
    return st;
}

static rag_status finish_row(copy_ctx *c)
{
    rag_status st;

    if (c->row < 0)
        return RAG_OK;
    st = flush_links(c, (uint32_t)c->row, RAG_MAX_COLS);
    if (st == RAG_OK && c->hooks && c->hooks->on_row_done)
        st = c->hooks->on_row_done(c->hooks->ctx, c->out, &c->in,
                                   (uint32_t)c->row, c->err);
    return st;
}

/* Move on to input row `row`.  false: the row is behind the one being
 * written, which a streaming writer cannot go back to. */
static bool advance(copy_ctx *c, uint32_t row)
{
    if ((int64_t)row == c->row)
        return true;
    if ((int64_t)row < c->row)
        return !streaming(c); /* a normal writer takes any order */
    c->st = finish_row(c);
    c->row = row;
    if (c->st == RAG_OK)
        c->st = flush_links(c, row, 0);
    return true;
}

static int on_row(void *ctx, const rag_sheet *sheet, const rag_row_info *ri)
{
    copy_ctx *c = ctx;
    lxw_format *f = NULL;
    (void)sheet;

    if (c->st != RAG_OK)
        return 1;
    if (!advance(c, ri->row)) {
        wx_loss(c->w, RAG_LOSS_ORDER);
        return 0;
    }
    if (c->st == RAG_OK && ri->has_style)
        c->st = map_format(c, ri->style, &f);
    if (c->st == RAG_OK)
        c->st = wx_set_row(c->out, ri->row,
                           ri->custom_height ? ri->height : 0, f, ri->hidden,
                           ri->outline, ri->collapsed, c->err);
    return c->st != RAG_OK;
}

/* A number format that shows a duration ([h]:mm): its serial is not a
 * date, so it is not moved from the 1904 system. */
static bool is_duration(const rag_style *st)
{
    const char *p = st ? st->numfmt : NULL;

    for (; p && *p; p++) {
        if (*p == '"') {
            p = strchr(p + 1, '"');
            if (!p)
                return false;
        } else if (*p == '[') {
            const char *q = p + 1;
            while (*q == 'h' || *q == 'H' || *q == 'm' || *q == 'M' ||
                   *q == 's' || *q == 'S')
                q++;
            if (q > p + 1 && *q == ']')
                return true;
        }
    }
    return false;
}

static rag_status write_copy(copy_ctx *c, rag_copy_cell *cc)
{
    rag_cell *cell = &cc->cell;

    /* Links to other workbooks are not copied, nor tables in streaming
     * mode, so formulas naming them would not open: their cached values
     * are copied instead. */
    if (cell->formula && wx_formula_refs(cell->formula, !c->structured)) {
        wx_loss(c->w, RAG_LOSS_REF_FORMULAS);
        cell->formula = NULL;
        cell->formula_kind = RAG_FORMULA_NONE;
    }
    return rag_wsheet_write_cell(c->out, cell, cc->style, c->err);
}

static int on_cell(void *ctx, const rag_sheet *sheet, const rag_cell *cell)
{
    copy_ctx *c = ctx;
    rag_copy_cell cc;
    (void)sheet;

    if (c->st != RAG_OK)
        return 1;
    if (!advance(c, cell->row)) {
        wx_loss(c->w, RAG_LOSS_ORDER);
        return 0;
    }
    if (c->st == RAG_OK)
        c->st = flush_links(c, cell->row, cell->col);
    if (c->st != RAG_OK)
        return 1;
    memset(&cc, 0, sizeof cc);
    cc.cell = *cell;
    c->st = rag_writer_input_style(c->w, c->wb, cell->style, &cc.style,
                                   c->err);
    if (c->st != RAG_OK)
        return 1;
    if (c->wb->date1904 && cc.cell.type == RAG_CELL_DATE &&
        !is_duration(rag_cell_style(c->wb, cell)))
        cc.cell.number += 1462; /* 1904-01-01 is 1462 in the 1900 system */
    if (c->hooks && c->hooks->on_cell) {
        c->st = c->hooks->on_cell(c->hooks->ctx, c->out, &c->in, &cc, c->err);
        if (c->st != RAG_OK)
            return 1;
    }
    if (c->next_link < c->link_count &&
        c->links[c->next_link].range.first_row == cell->row &&
        c->links[c->next_link].range.first_col == cell->col) {
        const rag_hyperlink *l = &c->links[c->next_link];
        bool nomem = false;
        lxw_format *f = wx_format(c->w, cc.style, &nomem);
        if (nomem) {
            c->st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            return 1;
        }
        c->st = wx_link(c->out, cell->row, cell->col, l->url, l->location,
                        l->display, l->tooltip, f, c->err);
        while (c->next_link < c->link_count &&
               c->links[c->next_link].range.first_row == cell->row &&
               c->links[c->next_link].range.first_col == cell->col)
            c->next_link++;
        if (c->st == RAG_OK && cc.skip && f)
            c->st = rag_wsheet_write_cell(c->out, &(rag_cell){
                                              .row = cell->row,
                                              .col = cell->col},
                                          cc.style, c->err);
    }
    if (c->st == RAG_OK && !cc.skip)
        c->st = write_copy(c, &cc);
    return c->st != RAG_OK;
}

/* ---- sheets ---------------------------------------------------------- */

static rag_status copy_sheet(rag_writer *w, rag_workbook *wb, size_t index,
                             const rag_copy_hooks *hooks, bool have_settings,
                             rag_wsheet **out, rag_error *err)
{
    copy_ctx c;
    char name[128];
    rag_cell_visitor v;
    rag_status st;

    if (out)
        *out = NULL;
    if (!w || !wb || index >= wb->sheet_count)
        return rg_fail(err, RAG_ERR_USAGE, "no writer, workbook or sheet");
    memset(&c, 0, sizeof c);
    c.w = w;
    c.wb = wb;
    c.index = index;
    c.hooks = hooks;
    c.err = err;
    c.row = -1;
    if (!have_settings || !wb->sheets[index].read) {
        st = read_settings(wb, index, &c.cells, err);
        if (st != RAG_OK)
            return st;
        if (!w->wb && w->mode == RAG_WRITE_AUTO && !w->expect_cells)
            w->expect_cells = c.cells;
    }
    st = wx_workbook(w, err); /* the mode is settled from here on */
    if (st != RAG_OK)
        return st;
    c.structured = tables_ok(w, wb);
    if (!keep_settings(&c, &wb->sheets[index])) {
        drop_settings(&c);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (c.link_count > 1)
        qsort(c.links, c.link_count, sizeof *c.links, cmp_links);
    if (rag_writer_sheet_name(w, c.in.name, name, sizeof name))
        wx_loss(w, RAG_LOSS_SHEET_NAMES);
    st = rag_writer_add_sheet(w, name, &c.out, err);
    if (st == RAG_OK) {
        c.out->src = wb;
        c.out->src_index = index;
        st = map_format(&c, 0, &c.blank);
    }
    if (st == RAG_OK)
        st = setup_sheet(&c);
    if (st == RAG_OK) {
        v.ctx = &c;
        v.on_row = on_row;
        v.on_cell = on_cell;
        st = rag_sheet_stream(wb, index, &v, err);
        if (st != RAG_OK && err && !err->file[0])
            rg_strlcpy(err->file, wb->path, sizeof err->file);
        if (st == RAG_OK)
            st = c.st;
    }
    if (st == RAG_OK)
        st = finish_row(&c);
    if (st == RAG_OK)
        st = flush_links(&c, RAG_MAX_ROWS, 0);
    if (st == RAG_OK && c.structured) {
        size_t k;
        for (k = 0; k < c.in.table_count; k++)
            unpad_table(c.out, &c.in.tables[k]);
    }
    if (st == RAG_OK && hooks && hooks->on_sheet_done)
        st = hooks->on_sheet_done(hooks->ctx, c.out, &c.in, err);
    drop_settings(&c);
    if (st != RAG_OK) {
        w->failed = true;
        if (err && !err->file[0])
            rg_strlcpy(err->file, w->path, sizeof err->file);
        return st;
    }
    if (out)
        *out = c.out;
    return RAG_OK;
}

rag_status rag_writer_copy_sheet(rag_writer *w, rag_workbook *wb,
                                 size_t index, const rag_copy_hooks *hooks,
                                 rag_wsheet **out, rag_error *err)
{
    return copy_sheet(w, wb, index, hooks, false, out, err);
}

/* The output sheet copied from sheet `index` of wb, or NULL. */
static rag_wsheet *copied(rag_writer *w, const rag_workbook *wb, size_t index)
{
    size_t i;
    for (i = 0; i < w->sheet_count; i++)
        if (w->sheets[i]->src == wb && w->sheets[i]->src_index == index)
            return w->sheets[i];
    return NULL;
}

rag_status rag_writer_copy_names(rag_writer *w, const rag_workbook *wb,
                                 rag_error *err)
{
    rag_status st = RAG_OK;
    size_t i;

    if (!w || !wb)
        return rg_fail(err, RAG_ERR_USAGE, "no writer or workbook");
    for (i = 0; i < wb->name_count && st == RAG_OK; i++) {
        const rag_defined_name *d = &wb->names[i];
        rag_wsheet *sheet = NULL;
        if (!d->name || !d->value)
            continue;
        if (d->sheet >= 0) {
            sheet = copied(w, wb, (size_t)d->sheet);
            if (!sheet) {
                wx_loss(w, RAG_LOSS_NAMES);
                continue;
            }
        }
        st = rag_writer_define_name(w, sheet, d->name, d->value, d->hidden,
                                    err);
    }
    if (wb->has_macros)
        wx_loss(w, RAG_LOSS_MACROS);
    if (wb->has_chartsheets)
        wx_loss(w, RAG_LOSS_CHARTSHEETS);
    if (wb->date1904)
        wx_loss(w, RAG_LOSS_DATE1904);
    /* Workbook-level findings (pivot caches, external links) not already
     * counted by a sheet. */
    {
        unsigned rest = 0;
        if ((wb->features & RAG_FEATURE_PIVOT) &&
            !w->losses[RAG_LOSS_PIVOTS])
            rest |= RAG_FEATURE_PIVOT;
        if ((wb->features & RAG_FEATURE_EXTERNAL) &&
            !w->losses[RAG_LOSS_EXTERNAL])
            rest |= RAG_FEATURE_EXTERNAL;
        count_features(w, rest);
    }
    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, w->path, sizeof err->file);
    return st;
}

rag_status rag_writer_copy_workbook(rag_writer *w, rag_workbook *wb,
                                    const rag_copy_hooks *hooks,
                                    rag_error *err)
{
    rag_status st = RAG_OK;
    bool measured = false;
    rag_wsheet *active;
    size_t i;

    if (!w || !wb)
        return rg_fail(err, RAG_ERR_USAGE, "no writer or workbook");
    /* Read every sheet's settings first: the memory mode is fixed with the
     * workbook (by its size), and formulas on one sheet may name a table
     * on another. */
    {
        uint64_t total = 0;
        for (i = 0; i < wb->sheet_count && st == RAG_OK; i++)
            st = read_settings(wb, i, &total, err);
        if (st != RAG_OK)
            return st;
        if (!w->wb)
            rag_writer_expect_cells(w, total);
        measured = true;
    }
    for (i = 0; i < wb->sheet_count && st == RAG_OK; i++)
        st = copy_sheet(w, wb, i, hooks, measured, NULL, err);
    if (st == RAG_OK)
        st = rag_writer_copy_names(w, wb, err);
    if (st != RAG_OK)
        return st;
    active = copied(w, wb, wb->active_sheet);
    if (active)
        rag_wsheet_activate(active);
    return RAG_OK;
}
