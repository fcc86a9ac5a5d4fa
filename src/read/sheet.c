/*
 * A worksheet part, streamed: one pass of expat over the inflating zip
 * entry, each cell handed on as soon as its </c> is read.  Nothing is
 * sized from the declared <dimension>; memory holds one cell at a time
 * (plus the shared formulas' masters and the sheet's settings).
 *
 * The same pass serves rag_sheet_load(), which keeps the cells instead of
 * handing them on: see load_cell().
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/pages.h"
#include "read/reader.h"
#include "util/outfile.h"

typedef struct shared_formula {
    char *text;      /* NULL: this si is not known (yet) */
    uint32_t row, col;
} shared_formula;

/* A cell's t attribute ("n" when absent or unknown), told once at <c>
 * rather than compared as text at </c>, for every cell. */
typedef enum cell_kind {
    CELL_NUMBER, CELL_SHARED, CELL_INLINE, CELL_FORMULA_STR, CELL_BOOL,
    CELL_ERROR, CELL_ISO_DATE
} cell_kind;

static cell_kind cell_kind_of(const char *t)
{
    if (!t)
        return CELL_NUMBER;
    if (!strcmp(t, "s"))
        return CELL_SHARED;
    if (!strcmp(t, "inlineStr"))
        return CELL_INLINE;
    if (!strcmp(t, "str"))
        return CELL_FORMULA_STR;
    if (!strcmp(t, "b"))
        return CELL_BOOL;
    if (!strcmp(t, "e"))
        return CELL_ERROR;
    if (!strcmp(t, "d"))
        return CELL_ISO_DATE;
    return CELL_NUMBER; /* "n" or anything unknown */
}

typedef struct sheet_ctx {
    rag_workbook *wb;
    rag_sheet *sheet;
    const rag_cell_visitor *visitor;
    bool load;                 /* keep the cells in sheet->cells */
    rg_pages *pages;           /* or write them here (pages.h) */
    bool out_of_order;         /* ... and they came out of order */
    size_t cell_cap, row_cap;
    size_t merge_cap, col_cap, link_cap, dv_cap, cf_cap;
    rg_rels rels;

    /* Position. */
    int64_t row;               /* current row, 0-based; -1 before any */
    uint32_t next_col;
    uint32_t ext_depth;        /* inside <extLst> at this depth */
    bool in_sheetdata, seen_view;

    /* The cell being read. */
    bool in_cell, in_v, in_f, in_is, has_v;
    cell_kind type;            /* its t attribute */
    rag_cell cell;
    rg_buf v, f, tmp;
    rg_rich_builder is;
    char f_type[16];
    bool f_has_si;
    uint32_t f_si;
    rag_range f_ref;
    bool f_has_ref;

    shared_formula *shared;
    size_t shared_cap;

    /* The odd header or footer being read: 1 header, 2 footer. */
    int hf;
    rg_buf hf_text;

    /* The data validation being read. */
    rag_validation *dv;
    int dv_formula;            /* 1 or 2 inside <formula1/2>, else 0 */
    rg_buf dv_text;

    bool visitor_stopped;
    uint32_t hf_depth;
    const char **table_ids;    /* r:ids of <tablePart>s, read after */
    size_t table_id_count, table_id_cap;         /* inside <headerFooter> at this depth */
} sheet_ctx;

static void nomem(rg_xml *x)
{
    rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
}

/* A copy of attribute text in the workbook's arena.  NULL only when s is
 * NULL; on out of memory the parse is stopped (and NULL returned). */
static char *keep(rg_xml *x, sheet_ctx *c, const char *s)
{
    char *copy = rg_arena_strdup(&c->wb->impl->arena, s);
    if (s && !copy)
        nomem(x);
    return copy;
}

static bool parse_u32_attr(const char **attrs, const char *name,
                           uint32_t *out)
{
    const char *v = rg_attr(attrs, name);
    return v && rg_parse_u32(v, out);
}

static double attr_double(const char **attrs, const char *name)
{
    const char *v = rg_attr(attrs, name);
    double d;
    return v && rg_parse_double(v, &d) && d >= 0 && d < 1e6 ? d : 0;
}

/* Append the ranges of a space-separated sqref to *list. */
static bool add_sqref(sheet_ctx *c, const char *sqref, rag_range **list,
                      size_t *count, size_t *cap)
{
    char one[64];
    const char *p = sqref;

    while (p && *p) {
        size_t n = strcspn(p, " ");
        rag_range r;
        if (n > 0 && n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            if (rag_range_parse(one, &r)) {
                if (!rg_grow((void **)list, cap, *count + 1, sizeof **list))
                    return false;
                (*list)[(*count)++] = r;
            }
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    (void)c;
    return true;
}

/* ---- rows and cells -------------------------------------------------- */

static void emit_row(rg_xml *x, sheet_ctx *c, const rag_row_info *info)
{
    if (c->load) {
        rag_sheet *s = c->sheet;
        if (!rg_grow((void **)&s->rows, &c->row_cap, s->row_count + 1,
                     sizeof *s->rows))
            { nomem(x); return; }
        s->rows[s->row_count++] = *info;
    } else if (c->visitor && c->visitor->on_row) {
        if (c->visitor->on_row(c->visitor->ctx, c->sheet, info)) {
            c->visitor_stopped = true;
            rg_xml_stop(x);
        }
    }
}

static void row_start(rg_xml *x, sheet_ctx *c, const char **attrs)
{
    uint32_t r, n;
    rag_row_info info;

    if (parse_u32_attr(attrs, "r", &r)) {
        if (r < 1 || r > RAG_MAX_ROWS) {
            rg_xml_abort(x, RAG_ERR_FORMAT, "row %u is beyond the last row "
                         "of a sheet (1048576)", r);
            return;
        }
        c->row = (int64_t)r - 1;
    } else {
        c->row++;
        if (c->row >= (int64_t)RAG_MAX_ROWS) {
            rg_xml_abort(x, RAG_ERR_FORMAT, "more than 1048576 rows");
            return;
        }
    }
    c->next_col = 0;
    memset(&info, 0, sizeof info);
    info.row = (uint32_t)c->row;
    info.height = attr_double(attrs, "ht");
    info.custom_height = rg_attr_bool(attrs, "customHeight", false);
    info.hidden = rg_attr_bool(attrs, "hidden", false);
    info.collapsed = rg_attr_bool(attrs, "collapsed", false);
    if (parse_u32_attr(attrs, "outlineLevel", &n) && n <= 7)
        info.outline = (uint8_t)n;
    if (rg_attr_bool(attrs, "customFormat", false) &&
        parse_u32_attr(attrs, "s", &n) && n < c->wb->style_count) {
        info.style = n;
        info.has_style = true;
    }
    if (info.custom_height || info.hidden || info.has_style ||
        info.outline || info.collapsed)
        emit_row(x, c, &info);
}

/* name is the one-letter name ch: the cell's own elements (c, v, f) are
 * most of a sheet's elements, so they are told apart without strcmp. */
static bool is1(const char *name, char ch)
{
    return name[0] == ch && name[1] == '\0';
}

static void cell_start(rg_xml *x, sheet_ctx *c, const char **attrs)
{
    const char *ref = NULL, *t = NULL, *sv = NULL;
    const char **a;
    uint32_t row, col, s;

    /* r, t and s in one pass (as rg_attr: the first of each name wins);
     * this runs for every cell of every sheet */
    for (a = attrs; a[0]; a += 2) {
        if (a[0][0] == '\0' || a[0][1] != '\0')
            continue;
        if (a[0][0] == 'r' && !ref)
            ref = a[1];
        else if (a[0][0] == 't' && !t)
            t = a[1];
        else if (a[0][0] == 's' && !sv)
            sv = a[1];
    }

    if (c->row < 0)
        c->row = 0; /* a <c> outside any <row r>: take the first row */
    if (ref) {
        if (!rag_cell_ref_parse(ref, &row, &col)) {
            rg_xml_abort(x, RAG_ERR_FORMAT, "cell reference '%.20s' is not "
                         "a cell of a sheet (A1 to XFD1048576)", ref);
            return;
        }
    } else {
        row = (uint32_t)c->row;
        col = c->next_col;
        if (col >= RAG_MAX_COLS) {
            rg_xml_abort(x, RAG_ERR_FORMAT, "row %u has more than 16384 "
                         "cells", row + 1);
            return;
        }
    }
    c->next_col = col + 1;
    memset(&c->cell, 0, sizeof c->cell);
    c->cell.row = row;
    c->cell.col = col;
    if (sv && rg_parse_u32(sv, &s)) {
        if (s >= c->wb->style_count) {
            rg_error_set_cell(rg_xml_error(x), row, col);
            rg_xml_abort(x, RAG_ERR_FORMAT, "cell style %u is out of range "
                         "(the workbook has %zu)", s, c->wb->style_count);
            return;
        }
        c->cell.style = s;
    }
    c->type = cell_kind_of(t);
    c->in_cell = true;
    c->has_v = false;
    c->in_is = false;
    rg_rich_reset(&c->is); /* an inlineStr cell without <is> is empty */
    rg_buf_reset(&c->v);
    rg_buf_reset(&c->f);
    c->f_type[0] = '\0';
    c->f_has_si = c->f_has_ref = false;
}

static void formula_start(rg_xml *x, sheet_ctx *c, const char **attrs)
{
    const char *t = rg_attr(attrs, "t");
    const char *ref = rg_attr(attrs, "ref");
    (void)x;
    c->in_f = true;
    rg_buf_reset(&c->f);
    rg_strlcpy(c->f_type, t ? t : "", sizeof c->f_type);
    c->f_has_si = parse_u32_attr(attrs, "si", &c->f_si);
    c->f_has_ref = ref && rag_range_parse(ref, &c->f_ref);
}

/* Work out the cell's formula, translating shared ones. */
static bool finish_formula(rg_xml *x, sheet_ctx *c)
{
    rg_workbook_impl *in = c->wb->impl;
    rag_cell *cell = &c->cell;
    const char *text = c->f.len ? c->f.data : NULL;

    if (c->f_type[0] == 's' && !strcmp(c->f_type, "shared") && c->f_has_si) {
        if (c->f_si > 10u * 1024 * 1024)
            return true;
        if (text) { /* the master */
            shared_formula *sf;
            size_t old = c->shared_cap;
            if (!rg_grow((void **)&c->shared, &c->shared_cap, c->f_si + 1,
                         sizeof *c->shared)) {
                nomem(x);
                return false;
            }
            memset(c->shared + old, 0,
                   (c->shared_cap - old) * sizeof *c->shared);
            sf = &c->shared[c->f_si];
            rg_free(sf->text);
            sf->text = rg_strdup(text);
            if (!sf->text) {
                nomem(x);
                return false;
            }
            sf->row = cell->row;
            sf->col = cell->col;
        } else if (c->f_si < c->shared_cap && c->shared[c->f_si].text) {
            const shared_formula *sf = &c->shared[c->f_si];
            if (!rg_formula_shift(sf->text, (int64_t)cell->row - sf->row,
                                  (int64_t)cell->col - sf->col, &c->tmp)) {
                nomem(x);
                return false;
            }
            /* Each child costs the master's whole text again: counted
             * for the workbook (every read of every sheet), so a long
             * master over many cells is refused, not copied without end. */
            in->formula_bytes += c->tmp.len;
            if (in->formula_bytes > in->limits.formula_bytes) {
                rg_xml_abort(x, RAG_ERR_LIMIT, "shared formulas expand to "
                             "more than %llu MiB of text (the limit on "
                             "formula text a workbook may make)",
                             (unsigned long long)(in->limits.formula_bytes
                                                  >> 20));
                return false;
            }
            text = c->tmp.data;
        }
    } else if (!strcmp(c->f_type, "dataTable")) {
        text = NULL; /* a what-if table's cells hold no formula of their own */
    }
    if (!text)
        return true;
    cell->formula = text;
    cell->formula_kind = RAG_FORMULA_NORMAL;
    if (!strcmp(c->f_type, "array") && c->f_has_ref) {
        cell->formula_kind = RAG_FORMULA_ARRAY;
        cell->formula_range = c->f_ref;
    }
    return true;
}

/* Parse an ISO 8601 date ("2024-03-31" or "2024-03-31T12:00:00"), or a
 * time of day ("10:10:10"), which t="d" cells hold, into a 1900-system
 * serial. */
static bool iso_to_serial(const char *s, double *out)
{
    int y, m, d, hh = 0, mm = 0, n = 0, th, tm;
    double ss = 0, ts = 0;

    if (sscanf(s, "%2d:%2d%n", &th, &tm, &n) == 2 && (!s[n] || s[n] == ':')) {
        if (s[n] == ':' && sscanf(s + n + 1, "%lf", &ts) != 1)
            return false;
        if (th < 0 || th > 23 || tm < 0 || tm > 59 || ts < 0 || ts >= 60)
            return false;
        *out = (th * 3600.0 + tm * 60.0 + ts) / 86400.0;
        return true;
    }
    n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3)
        return false;
    if (s[n] == 'T' && sscanf(s + n + 1, "%2d:%2d:%lf", &hh, &mm, &ss) < 2)
        return false;
    if (!rag_ymd_to_serial(y, m, d, out))
        return false;
    *out += (hh * 3600.0 + mm * 60.0 + ss) / 86400.0;
    return true;
}

static void set_text(rag_cell *cell, const char *s, size_t len)
{
    cell->text = s;
    cell->text_len = len;
}

/* Settle the cell's type and value from its t attribute and <v>. */
static bool finish_value(rg_xml *x, sheet_ctx *c, bool *transient)
{
    rag_cell *cell = &c->cell;
    const char *v = c->v.data ? c->v.data : "";

    *transient = true;
    cell->type = RAG_CELL_BLANK;
    if (c->type == CELL_SHARED) {
        uint32_t i;
        if (!c->has_v || !c->v.len)
            return true; /* <v/>: some writers' way of saying empty */
        if (!rg_parse_u32(v, &i) || i >= c->wb->impl->sst_count) {
            rg_error_set_cell(rg_xml_error(x), cell->row, cell->col);
            rg_xml_abort(x, RAG_ERR_FORMAT, "shared string %.20s is out of "
                         "range (the workbook has %zu)", v,
                         c->wb->impl->sst_count);
            return false;
        }
        cell->type = RAG_CELL_STRING;
        set_text(cell, c->wb->impl->sst[i].text, c->wb->impl->sst[i].len);
        cell->rich = c->wb->impl->sst[i].rich;
        *transient = false;
    } else if (c->type == CELL_INLINE) {
        rg_rich_unescape(&c->is);
        if (c->is.text.len || c->is.run_count) {
            cell->type = RAG_CELL_STRING;
            set_text(cell, c->is.text.data ? c->is.text.data : "",
                     c->is.text.len);
        } else if (c->has_v) {
            cell->type = RAG_CELL_STRING;
            set_text(cell, v, c->v.len);
        } else {
            cell->type = RAG_CELL_STRING;
            set_text(cell, "", 0);
        }
    } else if (c->type == CELL_FORMULA_STR) {
        /* An empty result reads as no value, as openpyxl and Excel's
         * own ISBLANK-free views give it. */
        if (c->has_v && c->v.len) {
            cell->type = RAG_CELL_STRING;
            set_text(cell, v, c->v.len);
        }
    } else if (c->type == CELL_BOOL) {
        if (c->has_v) {
            cell->type = RAG_CELL_BOOL;
            cell->number = (!strcmp(v, "1") || !strcmp(v, "true")) ? 1 : 0;
        }
    } else if (c->type == CELL_ERROR) {
        if (c->has_v) {
            cell->type = RAG_CELL_ERROR;
            set_text(cell, v, c->v.len);
        }
    } else if (c->type == CELL_ISO_DATE) {
        double serial;
        if (c->has_v && iso_to_serial(v, &serial)) {
            cell->type = RAG_CELL_DATE;
            /* the workbook's own system (a time of day is the same) */
            cell->number = c->wb->date1904 && serial >= 1462 ? serial - 1462
                                                             : serial;
        } else if (c->has_v && c->v.len) {
            cell->type = RAG_CELL_STRING;
            set_text(cell, v, c->v.len);
        }
    } else { /* "n" or anything unknown */
        double d;
        if (c->has_v && c->v.len) {
            if (rg_parse_double(v, &d)) {
                const rag_style *st = &c->wb->styles[cell->style];
                int y, mo, dd;
                cell->number = d;
                cell->type = st->is_date &&
                                     rag_serial_to_ymd(d, c->wb->date1904,
                                                       &y, &mo, &dd)
                                 ? RAG_CELL_DATE
                                 : RAG_CELL_NUMBER;
            } else {
                /* Not a number: keep what the writer put there. */
                cell->type = RAG_CELL_STRING;
                set_text(cell, v, c->v.len);
            }
        }
    }
    if (cell->type == RAG_CELL_STRING && c->type == CELL_INLINE &&
        c->is.run_count) {
        bool oom;
        /* Inline rich runs are rare; keep them in the arena. */
        cell->rich = rg_rich_finish(&c->is, &c->wb->impl->arena, &oom);
        if (oom) {
            nomem(x);
            return false;
        }
    }
    return true;
}

/* rag_sheet_load(): keep a copy of the cell, its strings in the arena. */
static void load_cell(rg_xml *x, sheet_ctx *c, bool transient)
{
    rag_sheet *s = c->sheet;
    rag_cell *dst;
    rg_arena *a = &c->wb->impl->arena;

    /* Counted over every sheet loaded, not per sheet: memory is the
     * workbook's. */
    if (c->wb->impl->cells_loaded >= c->wb->impl->limits.cells) {
        rg_xml_abort(x, RAG_ERR_LIMIT, "the workbook has more than %llu "
                     "cells (the limit on cells loaded at once)",
                     (unsigned long long)c->wb->impl->limits.cells);
        return;
    }
    if (!rg_grow((void **)&s->cells, &c->cell_cap, s->cell_count + 1,
                 sizeof *s->cells))
        { nomem(x); return; }
    dst = &s->cells[s->cell_count];
    *dst = c->cell;
    if (transient && dst->text) {
        dst->text = rg_arena_strndup(a, dst->text, dst->text_len);
        if (!dst->text)
            { nomem(x); return; }
    }
    if (dst->formula) {
        dst->formula = rg_arena_strdup(a, dst->formula);
        if (!dst->formula)
            { nomem(x); return; }
    }
    s->cell_count++;
    c->wb->impl->cells_loaded++;
}

/* A paged sheet: the cell written to its pages, its strings in the
 * arena as load_cell keeps them, its formula only marked (pages.h). */
static void page_cell(rg_xml *x, sheet_ctx *c, bool transient)
{
    rag_cell cell = c->cell;
    rg_arena *a = &c->wb->impl->arena;
    int r;

    if (c->wb->impl->cells_loaded >= c->wb->impl->limits.cells) {
        rg_xml_abort(x, RAG_ERR_LIMIT, "the workbook has more than %llu "
                     "cells (the limit on cells loaded at once)",
                     (unsigned long long)c->wb->impl->limits.cells);
        return;
    }
    if (transient && cell.text) {
        cell.text = rg_arena_strndup(a, cell.text, cell.text_len);
        if (!cell.text)
            { nomem(x); return; }
    }
    if (cell.formula)
        cell.formula = "";
    memset(&cell.formula_range, 0, sizeof cell.formula_range);
    r = rg_pages_add(c->pages, &cell);
    if (r > 0) {
        c->out_of_order = true;
        rg_xml_stop(x);
    } else if (r < 0) {
        if (errno == ENOMEM)
            nomem(x);
        else
            rg_xml_abort(x, RAG_ERR_IO, "cannot write the temporary file "
                         "of a large sheet in %s: %s", rg_tmpdir(),
                         strerror(errno));
    } else {
        c->wb->impl->cells_loaded++;
    }
}

static void cell_end(rg_xml *x, sheet_ctx *c)
{
    rag_cell *cell = &c->cell;
    bool transient;

    c->in_cell = false;
    if (!finish_formula(x, c) || !finish_value(x, c, &transient))
        return;
    /* A blank cell in the default style adds nothing, unless the default
     * style itself is filled. */
    if (cell->type == RAG_CELL_BLANK && !cell->formula && cell->style == 0 &&
        c->wb->styles[0].pattern == RAG_PATTERN_NONE)
        return;
    if (!c->sheet->has_cells) {
        c->sheet->used.first_row = c->sheet->used.last_row = cell->row;
        c->sheet->used.first_col = c->sheet->used.last_col = cell->col;
        c->sheet->has_cells = true;
    } else {
        rag_range *u = &c->sheet->used;
        if (cell->row < u->first_row) u->first_row = cell->row;
        if (cell->row > u->last_row) u->last_row = cell->row;
        if (cell->col < u->first_col) u->first_col = cell->col;
        if (cell->col > u->last_col) u->last_col = cell->col;
    }
    if (c->load) {
        load_cell(x, c, transient);
    } else if (c->pages) {
        page_cell(x, c, transient);
    } else if (c->visitor && c->visitor->on_cell) {
        if (c->visitor->on_cell(c->visitor->ctx, c->sheet, cell)) {
            c->visitor_stopped = true;
            rg_xml_stop(x);
        }
    }
}

/* ---- sheet settings -------------------------------------------------- */

static void col_start(rg_xml *x, sheet_ctx *c, const char **attrs)
{
    rag_sheet *s = c->sheet;
    rag_col_info *ci;
    uint32_t lo, hi, n;

    if (!parse_u32_attr(attrs, "min", &lo) ||
        !parse_u32_attr(attrs, "max", &hi) || lo < 1 || hi < lo ||
        lo > RAG_MAX_COLS)
        return;
    if (hi > RAG_MAX_COLS)
        hi = RAG_MAX_COLS;
    if (!rg_grow((void **)&s->cols, &c->col_cap, s->col_count + 1,
                 sizeof *s->cols))
        { nomem(x); return; }
    ci = &s->cols[s->col_count++];
    memset(ci, 0, sizeof *ci);
    ci->first = lo - 1;
    ci->last = hi - 1;
    ci->width = attr_double(attrs, "width");
    ci->hidden = rg_attr_bool(attrs, "hidden", false);
    ci->custom_width = rg_attr_bool(attrs, "customWidth", false);
    ci->collapsed = rg_attr_bool(attrs, "collapsed", false);
    if (parse_u32_attr(attrs, "style", &n) && n < c->wb->style_count)
        ci->style = n;
    if (parse_u32_attr(attrs, "outlineLevel", &n) && n <= 7)
        ci->outline = (uint8_t)n;
}

static void link_start(rg_xml *x, sheet_ctx *c, const char **attrs)
{
    rag_sheet *s = c->sheet;
    rag_hyperlink *l;
    const char *ref = rg_attr(attrs, "ref");
    const char *v;
    rag_range r;

    if (!ref || !rag_range_parse(ref, &r))
        return;
    if (!rg_grow((void **)&s->links, &c->link_cap, s->link_count + 1,
                 sizeof *s->links))
        { nomem(x); return; }
    l = &s->links[s->link_count++];
    memset(l, 0, sizeof *l);
    l->range = r;
    if ((v = rg_attr(attrs, "id"))) {
        const rg_rel *rel = rg_rels_find(&c->rels, v);
        if (rel)
            l->url = rel->target;
    }
    if ((v = rg_attr(attrs, "location")))
        l->location = keep(x, c, v);
    if ((v = rg_attr(attrs, "display")))
        l->display = keep(x, c, v);
    if ((v = rg_attr(attrs, "tooltip")))
        l->tooltip = keep(x, c, v);
}

static void dv_start(rg_xml *x, sheet_ctx *c, const char **attrs)
{
    rag_sheet *s = c->sheet;
    rag_validation *dv;
    const char *sqref = rg_attr(attrs, "sqref");
    char first[64];
    size_t n;

    if (!sqref)
        return;
    n = strcspn(sqref, " ");
    if (n >= sizeof first)
        return;
    memcpy(first, sqref, n);
    first[n] = '\0';
    if (!rg_grow((void **)&s->validations, &c->dv_cap,
                 s->validation_count + 1, sizeof *s->validations))
        { nomem(x); return; }
    dv = &s->validations[s->validation_count];
    memset(dv, 0, sizeof *dv);
    if (!rag_range_parse(first, &dv->range))
        return;
    s->validation_count++;
    dv->sqref = keep(x, c, sqref);
    dv->type = keep(x, c, rg_attr(attrs, "type"));
    dv->operator_ = keep(x, c, rg_attr(attrs, "operator"));
    dv->allow_blank = rg_attr_bool(attrs, "allowBlank", false);
    dv->show_input = rg_attr_bool(attrs, "showInputMessage", false);
    dv->show_error = rg_attr_bool(attrs, "showErrorMessage", false);
    dv->prompt_title = keep(x, c, rg_attr(attrs, "promptTitle"));
    dv->prompt = keep(x, c, rg_attr(attrs, "prompt"));
    dv->error_title = keep(x, c, rg_attr(attrs, "errorTitle"));
    dv->error = keep(x, c, rg_attr(attrs, "error"));
    dv->error_style = keep(x, c, rg_attr(attrs, "errorStyle"));
    dv->hide_dropdown = rg_attr_bool(attrs, "showDropDown", false);
    c->dv = dv;
}

/* Page setup: <pageSetup>, <pageMargins>, <printOptions>, fitToPage. */
static void page_start(sheet_ctx *c, const char *name, const char **attrs)
{
    rag_page_setup *p = &c->sheet->page;
    const char *v;
    uint32_t n;

    if (!strcmp(name, "pageSetup")) {
        p->landscape = (v = rg_attr(attrs, "orientation")) &&
                       !strcmp(v, "landscape");
        if (parse_u32_attr(attrs, "paperSize", &n) && n < 256)
            p->paper = n;
        if (parse_u32_attr(attrs, "scale", &n) && n >= 10 && n <= 400)
            p->scale = n;
        p->fit_width = p->fit_height = 1;
        if (parse_u32_attr(attrs, "fitToWidth", &n) && n < 32768)
            p->fit_width = n;
        if (parse_u32_attr(attrs, "fitToHeight", &n) && n < 32768)
            p->fit_height = n;
        if (rg_attr_bool(attrs, "useFirstPageNumber", false) &&
            parse_u32_attr(attrs, "firstPageNumber", &n) && n < 32768)
            p->first_page = n;
    } else if (!strcmp(name, "pageMargins")) {
        p->has_margins = true;
        p->margin_left = attr_double(attrs, "left");
        p->margin_right = attr_double(attrs, "right");
        p->margin_top = attr_double(attrs, "top");
        p->margin_bottom = attr_double(attrs, "bottom");
        p->margin_header = attr_double(attrs, "header");
        p->margin_footer = attr_double(attrs, "footer");
    } else if (!strcmp(name, "printOptions")) {
        p->print_gridlines = rg_attr_bool(attrs, "gridLines", false);
        p->print_headings = rg_attr_bool(attrs, "headings", false);
        p->center_h = rg_attr_bool(attrs, "horizontalCentered", false);
        p->center_v = rg_attr_bool(attrs, "verticalCentered", false);
    } else if (!strcmp(name, "pageSetUpPr")) {
        p->fit_to_page = rg_attr_bool(attrs, "fitToPage", false);
    }
}

static void pane_start(sheet_ctx *c, const char **attrs)
{
    const char *state = rg_attr(attrs, "state");
    const char *tl = rg_attr(attrs, "topLeftCell");
    double xs = attr_double(attrs, "xSplit"), ys = attr_double(attrs, "ySplit");
    uint32_t r, col;

    if (!state || strncmp(state, "frozen", 6))
        return; /* a split pane is a view setting, not a freeze */
    if (xs >= 0 && xs < RAG_MAX_COLS)
        c->sheet->freeze_cols = (uint32_t)xs;
    if (ys >= 0 && ys < RAG_MAX_ROWS)
        c->sheet->freeze_rows = (uint32_t)ys;
    if (tl && rag_cell_ref_parse(tl, &r, &col)) {
        c->sheet->split_top_row = r;
        c->sheet->split_left_col = col;
    } else {
        c->sheet->split_top_row = c->sheet->freeze_rows;
        c->sheet->split_left_col = c->sheet->freeze_cols;
    }
}

/* Inside <extLst>: note what is there, read none of it. */
static void ext_start(sheet_ctx *c, const char *name)
{
    rag_sheet *s = c->sheet;
    if (!strcmp(name, "conditionalFormatting"))
        s->features |= RAG_FEATURE_CONDITIONAL;
    else if (!strcmp(name, "dataValidation"))
        s->features |= RAG_FEATURE_EXT_VALIDATION;
    else if (!strcmp(name, "sparklineGroup"))
        s->features |= RAG_FEATURE_SPARKLINES;
}

static void sheet_start(rg_xml *x, void *data, const char *name,
                        const char **attrs)
{
    sheet_ctx *c = data;
    rag_sheet *s = c->sheet;
    const char *v;
    uint32_t n;

    if (c->ext_depth) {
        ext_start(c, name);
        return;
    }
    if (c->in_cell) {
        if (c->in_is) {
            if (!rg_rich_start(c->wb, &c->is, name, attrs))
                nomem(x);
        } else if (is1(name, 'v')) {
            c->in_v = true;
            c->has_v = true;
            rg_buf_reset(&c->v);
        } else if (is1(name, 'f')) {
            formula_start(x, c, attrs);
        } else if (!strcmp(name, "is")) {
            c->in_is = true;
            rg_rich_reset(&c->is);
        }
        return;
    }
    if (c->in_sheetdata) {
        if (is1(name, 'c'))
            cell_start(x, c, attrs);
        else if (!strcmp(name, "row"))
            row_start(x, c, attrs);
        return;
    }
    if (c->hf_depth) {
        if (!strcmp(name, "oddHeader") || !strcmp(name, "oddFooter")) {
            c->hf = name[3] == 'H' ? 1 : 2;
            rg_buf_reset(&c->hf_text);
        } else {
            s->features |= RAG_FEATURE_PRINT; /* first or even pages */
        }
        return;
    }
    if (c->dv) {
        if (!strcmp(name, "formula1") || !strcmp(name, "formula2")) {
            c->dv_formula = name[7] - '0';
            rg_buf_reset(&c->dv_text);
        }
        return;
    }
    if (!strcmp(name, "sheetData")) {
        c->in_sheetdata = true;
    } else if (!strcmp(name, "extLst")) {
        c->ext_depth = rg_xml_depth(x);
    } else if (!strcmp(name, "dimension")) {
        if ((v = rg_attr(attrs, "ref")) && strlen(v) < 32)
            s->dimension = keep(x, c, v);
    } else if (!strcmp(name, "tabColor")) {
        s->tab_color = rg_color_resolve(c->wb, attrs);
    } else if (!strcmp(name, "sheetView") && !c->seen_view) {
        c->seen_view = true;
        s->show_grid_lines = rg_attr_bool(attrs, "showGridLines", true);
        s->right_to_left = rg_attr_bool(attrs, "rightToLeft", false);
        if (parse_u32_attr(attrs, "zoomScale", &n) && n >= 10 && n <= 400)
            s->zoom = n;
    } else if (!strcmp(name, "pane") && rg_xml_depth(x) == 4) {
        pane_start(c, attrs);
    } else if (!strcmp(name, "sheetFormatPr")) {
        s->default_row_height = attr_double(attrs, "defaultRowHeight");
        s->default_col_width = attr_double(attrs, "defaultColWidth");
    } else if (!strcmp(name, "col")) {
        col_start(x, c, attrs);
    } else if (!strcmp(name, "mergeCell")) {
        rag_range r;
        if ((v = rg_attr(attrs, "ref")) && rag_range_parse(v, &r)) {
            if (!rg_grow((void **)&s->merges, &c->merge_cap,
                         s->merge_count + 1, sizeof *s->merges))
                { nomem(x); return; }
            s->merges[s->merge_count++] = r;
        }
    } else if (!strcmp(name, "hyperlink")) {
        link_start(x, c, attrs);
    } else if (!strcmp(name, "conditionalFormatting")) {
        s->features |= RAG_FEATURE_CONDITIONAL;
        if ((v = rg_attr(attrs, "sqref")) &&
            !add_sqref(c, v, &s->conditional, &s->conditional_count,
                       &c->cf_cap))
            nomem(x);
    } else if (!strcmp(name, "dataValidation")) {
        dv_start(x, c, attrs);
    } else if (!strcmp(name, "autoFilter") && rg_xml_depth(x) == 2) {
        if ((v = rg_attr(attrs, "ref")) && strlen(v) < 32)
            s->autofilter = keep(x, c, v);
    } else if (rg_xml_depth(x) <= 3 &&
               (!strcmp(name, "pageSetup") || !strcmp(name, "pageMargins") ||
                !strcmp(name, "printOptions") ||
                !strcmp(name, "pageSetUpPr"))) {
        page_start(c, name, attrs);
    } else if (!strcmp(name, "headerFooter") && rg_xml_depth(x) == 2) {
        c->hf_depth = rg_xml_depth(x);
        if (rg_attr_bool(attrs, "differentFirst", false) ||
            rg_attr_bool(attrs, "differentOddEven", false))
            s->features |= RAG_FEATURE_PRINT;
    } else if (!strcmp(name, "rowBreaks") || !strcmp(name, "colBreaks")) {
        s->features |= RAG_FEATURE_PRINT;
    } else if (!strcmp(name, "drawing") || !strcmp(name, "picture")) {
        s->features |= RAG_FEATURE_DRAWING;
    } else if (!strcmp(name, "legacyDrawing")) {
        s->features |= RAG_FEATURE_COMMENTS;
    } else if (!strcmp(name, "tablePart")) {
        s->features |= RAG_FEATURE_TABLE;
        if ((v = rg_attr(attrs, "id"))) {
            if (!rg_grow((void **)&c->table_ids, &c->table_id_cap,
                         c->table_id_count + 1, sizeof *c->table_ids))
                { nomem(x); return; }
            if (!(c->table_ids[c->table_id_count] = keep(x, c, v)))
                return;
            c->table_id_count++;
        }
    } else if (!strcmp(name, "sheetProtection")) {
        s->features |= RAG_FEATURE_PROTECTION;
    } else if (!strcmp(name, "oleObjects") || !strcmp(name, "controls")) {
        s->features |= RAG_FEATURE_OLE;
    }
}

static void sheet_end(rg_xml *x, void *data, const char *name)
{
    sheet_ctx *c = data;

    if (c->ext_depth) {
        if (rg_xml_depth(x) == c->ext_depth)
            c->ext_depth = 0;
        return;
    }
    if (c->in_cell) {
        if (c->in_is) {
            if (!strcmp(name, "is"))
                c->in_is = false;
            else
                rg_rich_end(&c->is, name);
        } else if (is1(name, 'v')) {
            c->in_v = false;
        } else if (is1(name, 'f')) {
            c->in_f = false;
        } else if (is1(name, 'c')) {
            cell_end(x, c);
        }
        return;
    }
    if (c->hf_depth) {
        if (c->hf && (!strcmp(name, "oddHeader") ||
                      !strcmp(name, "oddFooter"))) {
            char *text = rg_arena_strndup(&c->wb->impl->arena,
                                          c->hf_text.data ? c->hf_text.data
                                                          : "",
                                          c->hf_text.len);
            if (!text)
                { nomem(x); return; }
            if (c->hf == 1)
                c->sheet->page.header = text;
            else
                c->sheet->page.footer = text;
            c->hf = 0;
        } else if (rg_xml_depth(x) == c->hf_depth) {
            c->hf_depth = 0;
        }
        return;
    }
    if (!strcmp(name, "sheetData")) {
        c->in_sheetdata = false;
    } else if (c->dv) {
        if (c->dv_formula && (!strcmp(name, "formula1") ||
                              !strcmp(name, "formula2"))) {
            char *text = rg_arena_strndup(&c->wb->impl->arena,
                                          c->dv_text.data ? c->dv_text.data
                                                          : "",
                                          c->dv_text.len);
            if (!text)
                { nomem(x); return; }
            if (c->dv_formula == 1)
                c->dv->formula1 = text;
            else
                c->dv->formula2 = text;
            c->dv_formula = 0;
        } else if (!strcmp(name, "dataValidation")) {
            c->dv = NULL;
        }
    }
}

static void sheet_text(rg_xml *x, void *data, const char *s, int len)
{
    sheet_ctx *c = data;
    bool ok = true;

    if (c->in_v)
        ok = rg_buf_append(&c->v, s, (size_t)len);
    else if (c->in_f)
        ok = rg_buf_append(&c->f, s, (size_t)len);
    else if (c->in_is)
        ok = rg_rich_text(&c->is, s, len);
    else if (c->dv_formula)
        ok = rg_buf_append(&c->dv_text, s, (size_t)len);
    else if (c->hf)
        ok = rg_buf_append(&c->hf_text, s, (size_t)len);
    if (!ok)
        nomem(x);
}

/* Forget what an earlier read of the sheet filled in. */
static void reset_settings(rag_sheet *s)
{
    s->merge_count = s->col_count = s->link_count = 0;
    s->validation_count = s->conditional_count = 0;
    s->dimension = s->autofilter = NULL;
    s->has_cells = false;
    s->freeze_rows = s->freeze_cols = 0;
    s->split_top_row = s->split_left_col = 0;
    s->features = 0;
    memset(&s->page, 0, sizeof s->page);
    s->table_count = 0;
}

static int cmp_cells(const void *a, const void *b)
{
    const rag_cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

/* Cells arrive in row-major order from every writer we know; a file
 * that breaks the order is sorted, and of two cells at one place only one
 * is kept. */
static void order_cells(rag_sheet *s)
{
    size_t i, out = 0;

    for (i = 1; i < s->cell_count; i++)
        if (cmp_cells(&s->cells[i - 1], &s->cells[i]) >= 0)
            break;
    if (i >= s->cell_count)
        return;
    qsort(s->cells, s->cell_count, sizeof *s->cells, cmp_cells);
    for (i = 0; i < s->cell_count; i++) {
        if (out > 0 && cmp_cells(&s->cells[out - 1], &s->cells[i]) == 0)
            s->cells[out - 1] = s->cells[i];
        else
            s->cells[out++] = s->cells[i];
    }
    s->cell_count = out;
}

static void drop_cells(rag_workbook *wb, rag_sheet *s)
{
    wb->impl->cells_loaded -= s->cell_count;
    rg_free(s->cells);
    rg_free(s->rows);
    s->cells = NULL;
    s->rows = NULL;
    s->cell_count = s->row_count = 0;
}

typedef enum read_mode { READ_STREAM, READ_LOAD, READ_PAGE } read_mode;

static rag_status read_sheet(rag_workbook *wb, size_t index,
                             const rag_cell_visitor *visitor, read_mode mode,
                             rag_error *err)
{
    bool load = mode == READ_LOAD;
    static const rg_xml_handlers h = {sheet_start, sheet_end, sheet_text};
    rag_sheet *s;
    sheet_ctx c;
    rag_status st;
    size_t i, table_cap = 0;

    if (!wb || index >= wb->sheet_count)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet %zu", index);
    s = &wb->sheets[index];
    if (load && s->loaded)
        return RAG_OK;
    reset_settings(s);
    memset(&c, 0, sizeof c);
    c.wb = wb;
    c.sheet = s;
    c.visitor = visitor;
    c.load = load;
    c.row = -1;
    if (mode == READ_PAGE) {
        rg_pages_drop(wb, index);
        if (!(c.pages = rg_pages_new()))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    /* Hyperlink targets live in the sheet's relationships, which must be
     * read before the sheet: the zip reads one entry at a time. */
    st = rg_rels_read(wb, s->part, &c.rels, err);
    if (st == RAG_OK) {
        if (load) {
            drop_cells(wb, s);
        }
        st = rg_xml_parse_part(wb->impl->zip, s->part, &h, &c,
                               wb->impl->limits.depth, err);
    }
    for (i = 0; st == RAG_OK && i < c.table_id_count; i++) {
        const rg_rel *rel = rg_rels_find(&c.rels, c.table_ids[i]);
        const char *part = rel && !rel->external
                               ? rg_zip_find(wb->impl->zip, rel->target)
                               : NULL;
        if (part)
            st = rg_table_read(wb, s, &table_cap, part, err);
    }
    rg_free(c.table_ids);
    for (i = 0; i < c.rels.count; i++) {
        const char *t = c.rels.items[i].type;
        if (!strcmp(t, "pivotTable"))
            s->features |= RAG_FEATURE_PIVOT;
    }
    if (st != RAG_OK)
        rg_error_set_sheet(err, s->name);
    rg_rels_free(&c.rels);
    rg_buf_free(&c.v);
    rg_buf_free(&c.f);
    rg_buf_free(&c.tmp);
    rg_buf_free(&c.dv_text);
    rg_buf_free(&c.hf_text);
    rg_rich_free(&c.is);
    for (i = 0; i < c.shared_cap; i++)
        rg_free(c.shared[i].text);
    rg_free(c.shared);
    if (st == RAG_OK && c.pages && !c.out_of_order &&
        !rg_pages_finish(c.pages)) {
        st = rg_fail(err, errno == ENOMEM ? RAG_ERR_NOMEM : RAG_ERR_IO,
                     "cannot write the temporary file of a large sheet in "
                     "%s: %s", rg_tmpdir(), strerror(errno));
        rg_error_set_sheet(err, s->name);
    }
    if (c.pages && (st != RAG_OK || c.out_of_order)) {
        wb->impl->cells_loaded -= rg_pages_count(c.pages);
        rg_pages_free(c.pages);
        c.pages = NULL;
        if (st == RAG_OK) /* the reader sorts what it loads */
            return read_sheet(wb, index, NULL, READ_LOAD, err);
    }
    if (st != RAG_OK) {
        if (load) {
            drop_cells(wb, s);
        }
        return st;
    }
    s->read = true;
    if (c.pages) {
        wb->impl->pages[index] = c.pages;
        s->loaded = false;
        wb->features |= s->features;
        return RAG_OK;
    }
    wb->features |= s->features;
    if (load) {
        order_cells(s);
        s->loaded = true;
    }
    return RAG_OK;
}

rag_status rag_sheet_stream(rag_workbook *wb, size_t index,
                            const rag_cell_visitor *visitor, rag_error *err)
{
    return read_sheet(wb, index, visitor, READ_STREAM, err);
}

rag_status rag_sheet_load(rag_workbook *wb, size_t index, rag_error *err)
{
    return read_sheet(wb, index, NULL, READ_LOAD, err);
}

void rag_sheet_unload(rag_workbook *wb, size_t index)
{
    if (!wb || index >= wb->sheet_count)
        return;
    drop_cells(wb, &wb->sheets[index]);
    rg_pages_drop(wb, index);
    wb->sheets[index].loaded = false;
}

/* ---- every sheet at once: rag_workbook_read() ---------------------------
 * The sheets of a workbook are loaded by a small pool of threads when
 * there is enough of them to share.  Each thread reads through a view of
 * the workbook of its own (a copy of rag_workbook and of its impl) whose
 * mutable parts are its own: a zip handle (rg_zip_clone), an arena, the
 * counters of cells loaded and formula text made, the error.  What the
 * threads share is read only by then (styles, shared strings, fonts, the
 * workbook's relationships, the zip's directory and the file's bytes),
 * and each writes only to the rag_sheet it took.
 *
 * The limits stay exact without any counter shared between threads: each
 * view gets 1/n of what is left of each workbook limit (cells, formula
 * text, inflated bytes; the part and ratio limits are per part and stay
 * whole).  If no thread passes its share, the sum passes no limit, and no
 * prefix of the sheets in order does either, so the sequential read would
 * have passed too.  If any thread fails (its share, a damaged part, out of
 * memory) the parallel read is dropped and the sheets are read again one
 * after another, in order, from the state the open left: the first sheet
 * that fails then fails exactly as before, with the same message, the same
 * sheet and the same counts.  A failure costs a second read, which is fine
 * for hostile or damaged input: the shares keep the memory within the
 * limits meanwhile. */

/* Threads are used only when the sheets other than the largest hold at
 * least this much XML (inflated sizes from the zip's directory): starting
 * a thread (~50 us, zip.c) and opening a second minizip handle (its
 * directory read again) cost a fraction of a millisecond, while 512 KiB
 * of sheet XML takes some 14 ms to load here (8 sheets of 13.7 MB took
 * 2.9 s of CPU), so below it the overlap buys little.  A bulk validate's workbooks (a few KiB of sheets
 * each) never reach it, and they are already read in parallel across
 * files by --jobs.  A lying directory only changes the choice. */
#ifndef RG_PAR_MIN /* a build for ThreadSanitizer sets 0: every workbook */
#define RG_PAR_MIN (512u * 1024)
#endif
/* At most this many threads: each gets 1/n of the workbook's limits, and
 * on the machines we know memory bandwidth is spent before 8 cores are. */
#define PAR_MAX 8

typedef struct load_pool load_pool;

typedef struct load_worker {
    load_pool *pool;
    rag_workbook wb;           /* the view (see above) */
    rg_workbook_impl in;
    rag_error err;
    rag_status st;
    pthread_t tid;
    bool started;
} load_worker;

struct load_pool {
    size_t count;              /* sheets */
    size_t next;               /* the next sheet to take; under mu */
    bool failed;               /* under mu: take no more sheets */
    pthread_mutex_t mu;
    rag_error last_err;        /* err as the last sheet's read left it */
};

static unsigned threads_used; /* by the last whole read (tests) */

unsigned rg_read_threads_last(void)
{
    return __atomic_load_n(&threads_used, __ATOMIC_RELAXED);
}

static void *load_worker_main(void *arg)
{
    load_worker *w = arg;
    load_pool *p = w->pool;

    for (;;) {
        size_t i;
        rag_status st;

        pthread_mutex_lock(&p->mu);
        if (p->failed || p->next >= p->count) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        i = p->next++;
        pthread_mutex_unlock(&p->mu);
        st = read_sheet(&w->wb, i, NULL, READ_LOAD, &w->err);
        if (st != RAG_OK) {
            w->st = st;
            pthread_mutex_lock(&p->mu);
            p->failed = true;
            pthread_mutex_unlock(&p->mu);
            break;
        }
        if (i == p->count - 1)
            p->last_err = w->err; /* only this thread writes it */
    }
    return NULL;
}

/* How many threads to load wb's sheets on: 1 when it is not worth it. */
static size_t pool_size(const rag_workbook *wb)
{
    static const uint64_t par_min = RG_PAR_MIN;
    uint64_t total = 0, largest = 0;
    long cpus;
    size_t i, n;

    if (wb->sheet_count < 2 || rg_alloc_hooked())
        return 1;
    for (i = 0; i < wb->sheet_count; i++) {
        uint64_t size = rg_zip_size(wb->impl->zip, wb->sheets[i].part);
        total += size;
        if (size > largest)
            largest = size;
    }
    if (total - largest < par_min)
        return 1;
    cpus = sysconf(_SC_NPROCESSORS_ONLN);
    n = cpus > 1 ? (size_t)cpus : 1;
    if (n > wb->sheet_count)
        n = wb->sheet_count;
    return n > PAR_MAX ? PAR_MAX : n;
}

/* Load every sheet of a freshly opened wb on n threads.  true when done;
 * false when the sheets must be read one after another instead (nothing
 * loaded then, and the counters and *err as the open left them). */
static bool load_parallel(rag_workbook *wb, size_t n, rag_error *err)
{
    rg_workbook_impl *in = wb->impl;
    load_worker w[PAR_MAX];
    load_pool pool;
    uint64_t cells, formula, bytes;
    size_t i, k, started = 0;
    bool ok = true;

    cells = (in->limits.cells - in->cells_loaded) / n;
    formula = (in->limits.formula_bytes - in->formula_bytes) / n;
    bytes = (in->limits.total_bytes - rg_zip_inflated(in->zip)) / n;
    if (cells == 0 || formula == 0 || bytes == 0)
        return false; /* limits too small to share: read in order */
    memset(&pool, 0, sizeof pool);
    pool.count = wb->sheet_count;
    if (pthread_mutex_init(&pool.mu, NULL) != 0)
        return false;
    if (err)
        pool.last_err = *err;
    memset(w, 0, sizeof w);
    for (k = 0; k < n && ok; k++) {
        w[k].pool = &pool;
        w[k].wb = *wb;
        w[k].in = *in;
        w[k].wb.impl = &w[k].in;
        rg_arena_init(&w[k].in.arena, 0);
        w[k].in.cells_loaded = 0;
        w[k].in.formula_bytes = 0;
        w[k].in.limits.cells = cells;
        w[k].in.limits.formula_bytes = formula;
        w[k].in.zip = rg_zip_clone(in->zip, bytes);
        ok = w[k].in.zip != NULL;
        if (err)
            w[k].err = *err;
        else
            rag_error_clear(&w[k].err);
    }
    if (ok) {
        /* this thread is worker 0; a thread that cannot be started leaves
         * its sheets to the others */
        for (k = 1; k < n; k++)
            w[k].started = pthread_create(&w[k].tid, NULL, load_worker_main,
                                          &w[k]) == 0;
        load_worker_main(&w[0]);
        started = 1;
        for (k = 1; k < n; k++)
            if (w[k].started) {
                pthread_join(w[k].tid, NULL);
                started++;
            }
    }
    pthread_mutex_destroy(&pool.mu);
    ok = ok && !pool.failed && pool.next == pool.count;
    for (k = 0; k < n; k++) {
        /* on failure too: a sheet read half may point into them */
        rg_arena_adopt(&in->arena, &w[k].in.arena);
        if (ok) {
            in->cells_loaded += w[k].in.cells_loaded;
            in->formula_bytes += w[k].in.formula_bytes;
            rg_zip_charge(in->zip, rg_zip_inflated(w[k].in.zip));
            wb->features |= w[k].wb.features;
        }
        rg_zip_close(w[k].in.zip);
    }
    if (!ok) {
        for (i = 0; i < wb->sheet_count; i++) {
            rag_sheet *s = &wb->sheets[i];
            rg_free(s->cells);
            rg_free(s->rows);
            s->cells = NULL;
            s->rows = NULL;
            s->cell_count = s->row_count = 0;
            s->loaded = s->read = false;
        }
        return false;
    }
    if (err)
        *err = pool.last_err;
    __atomic_store_n(&threads_used, (unsigned)started, __ATOMIC_RELAXED);
    return true;
}

rag_status rag_workbook_read(const char *path, const rag_read_options *opts,
                             rag_workbook **out, rag_error *err)
{
    return rg_workbook_read_paged(path, opts, UINT64_MAX, out, err);
}

/* ---- paged sheets (pages.h) -------------------------------------------- */

static bool page_it(const rag_workbook *wb, size_t i, uint64_t page_min)
{
    return page_min != UINT64_MAX &&
           rg_zip_size(wb->impl->zip, wb->sheets[i].part) >= page_min;
}

rag_status rg_workbook_read_paged(const char *path,
                                  const rag_read_options *opts,
                                  uint64_t page_min, rag_workbook **out,
                                  rag_error *err)
{
    rag_status st = rag_workbook_open(path, opts, out, err);
    size_t i, n = 1;
    bool paging = false;

    for (i = 0; st == RAG_OK && i < (*out)->sheet_count; i++)
        paging = paging || page_it(*out, i, page_min);
    /* the pool loads every sheet; with a sheet to page they go in order */
    if (st == RAG_OK && !paging)
        n = pool_size(*out);
    if (n > 1 && load_parallel(*out, n, err))
        return RAG_OK;
    for (i = 0; st == RAG_OK && i < (*out)->sheet_count; i++)
        st = page_it(*out, i, page_min) ? rg_sheet_page(*out, i, err)
                                         : rag_sheet_load(*out, i, err);
    if (st == RAG_OK)
        __atomic_store_n(&threads_used, 1u, __ATOMIC_RELAXED);
    if (st != RAG_OK && *out) {
        rag_workbook_free(*out);
        *out = NULL;
    }
    return st;
}

rag_status rg_sheet_page(rag_workbook *wb, size_t index, rag_error *err)
{
    if (!wb || index >= wb->sheet_count)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet %zu", index);
    if (!wb->impl->pages &&
        !(wb->impl->pages = rg_calloc(wb->sheet_count,
                                      sizeof *wb->impl->pages)))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    drop_cells(wb, &wb->sheets[index]);
    wb->sheets[index].loaded = false;
    return read_sheet(wb, index, NULL, READ_PAGE, err);
}

static rg_pages *pages_of(const rag_workbook *wb, size_t index)
{
    return wb && wb->impl && wb->impl->pages && index < wb->sheet_count
               ? wb->impl->pages[index]
               : NULL;
}

void rg_pages_drop(rag_workbook *wb, size_t index)
{
    rg_pages *p = pages_of(wb, index);

    if (!p)
        return;
    wb->impl->cells_loaded -= rg_pages_count(p);
    rg_pages_free(p);
    wb->impl->pages[index] = NULL;
}

bool rg_sheet_paged(const rag_workbook *wb, size_t index)
{
    return pages_of(wb, index) != NULL;
}

bool rg_sheet_has_cells(const rag_workbook *wb, size_t index)
{
    return wb && index < wb->sheet_count &&
           (wb->sheets[index].loaded || pages_of(wb, index));
}

bool rg_pages_ok(const rag_workbook *wb)
{
    size_t i;
    for (i = 0; wb && i < wb->sheet_count; i++)
        if (rg_pages_failed(pages_of(wb, i)))
            return false;
    return true;
}

/* The first loaded cell of row r or later. */
static size_t first_of_row(const rag_sheet *s, uint32_t r)
{
    return rg_cells_row_start(s->cells, s->cell_count, r);
}

const rag_cell *rg_sheet_row(const rag_workbook *wb, size_t index,
                             uint32_t row, size_t *count)
{
    rg_pages *p = pages_of(wb, index);
    const rag_sheet *s;
    size_t i, k;

    *count = 0;
    if (p)
        return rg_pages_row(p, row, count);
    if (!wb || index >= wb->sheet_count || !wb->sheets[index].cells)
        return NULL;
    s = &wb->sheets[index];
    i = first_of_row(s, row);
    for (k = i; k < s->cell_count && s->cells[k].row == row; k++)
        ;
    *count = k - i;
    return k > i ? s->cells + i : NULL;
}

const rag_cell *rg_sheet_cell_at(const rag_workbook *wb, size_t index,
                                 uint32_t row, uint32_t col)
{
    size_t n;
    const rag_cell *cells;

    if (!pages_of(wb, index))
        return wb && index < wb->sheet_count
                   ? rag_sheet_cell(&wb->sheets[index], row, col)
                   : NULL;
    cells = rg_sheet_row(wb, index, row, &n);
    return rg_cells_col(cells, n, col);
}

uint32_t rg_sheet_next_row(const rag_workbook *wb, size_t index,
                           uint32_t row)
{
    rg_pages *p = pages_of(wb, index);
    const rag_sheet *s;
    size_t i;

    if (p)
        return rg_pages_next_row(p, row);
    if (!wb || index >= wb->sheet_count)
        return UINT32_MAX;
    s = &wb->sheets[index];
    i = first_of_row(s, row);
    return i < s->cell_count ? s->cells[i].row : UINT32_MAX;
}

const rag_cell *rag_sheet_cell(const rag_sheet *s, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi;

    if (!s || !s->cells)
        return NULL;
    hi = s->cell_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const rag_cell *m = &s->cells[mid];
        if (m->row < row || (m->row == row && m->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->cell_count && s->cells[lo].row == row &&
        s->cells[lo].col == col)
        return &s->cells[lo];
    return NULL;
}

const rag_range *rag_sheet_merge_at(const rag_sheet *s, uint32_t row,
                                    uint32_t col)
{
    size_t i;
    for (i = 0; s && i < s->merge_count; i++) {
        const rag_range *r = &s->merges[i];
        if (row >= r->first_row && row <= r->last_row &&
            col >= r->first_col && col <= r->last_col)
            return r;
    }
    return NULL;
}
