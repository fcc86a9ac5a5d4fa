/*
 * Table parts (xl/tables/tableN.xml): a table's name, range, header and
 * totals rows, style and columns, which a copy needs to write the table
 * again (and with it every formula that names it).  Read after the sheet,
 * since the zip reads one entry at a time.
 */
#include <string.h>

#include "read/reader.h"

typedef struct table_ctx {
    rag_workbook *wb;
    rag_table table;
    rag_table_column *cols;
    size_t count, cap;
    bool in_formula;          /* inside <calculatedColumnFormula> */
    rg_buf text;
} table_ctx;

static char *keep(rg_xml *x, table_ctx *c, const char *s)
{
    char *copy = rg_arena_strdup(&c->wb->impl->arena, s);
    if (s && !copy)
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
    return copy;
}

static uint32_t attr_u32(const char **attrs, const char *name, uint32_t dflt)
{
    const char *v = rg_attr(attrs, name);
    uint32_t n;
    return v && rg_parse_u32(v, &n) ? n : dflt;
}

static void table_start(rg_xml *x, void *data, const char *name,
                        const char **attrs)
{
    table_ctx *c = data;
    rag_table *t = &c->table;
    uint32_t depth = rg_xml_depth(x);
    const char *v;

    if (depth == 1 && !strcmp(name, "table")) {
        v = rg_attr(attrs, "displayName");
        t->name = keep(x, c, v ? v : rg_attr(attrs, "name"));
        if (!(v = rg_attr(attrs, "ref")) || !rag_range_parse(v, &t->range))
            t->name = NULL; /* no range: not a table we can write */
        t->header_rows = attr_u32(attrs, "headerRowCount", 1);
        t->totals_rows = attr_u32(attrs, "totalsRowCount", 0);
    } else if (depth == 2 && !strcmp(name, "autoFilter")) {
        t->autofilter = true;
    } else if (depth == 3 && !strcmp(name, "tableColumn")) {
        rag_table_column *col;
        if (!rg_grow((void **)&c->cols, &c->cap, c->count + 1,
                     sizeof *c->cols)) {
            rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        col = &c->cols[c->count++];
        memset(col, 0, sizeof *col);
        col->name = keep(x, c, rg_attr(attrs, "name"));
        col->totals_function = keep(x, c, rg_attr(attrs, "totalsRowFunction"));
        col->totals_label = keep(x, c, rg_attr(attrs, "totalsRowLabel"));
    } else if (depth == 4 && c->count &&
               !strcmp(name, "calculatedColumnFormula")) {
        c->in_formula = true;
        rg_buf_reset(&c->text);
    } else if (depth == 2 && !strcmp(name, "tableStyleInfo")) {
        t->style = keep(x, c, rg_attr(attrs, "name"));
        t->first_column = rg_attr_bool(attrs, "showFirstColumn", false);
        t->last_column = rg_attr_bool(attrs, "showLastColumn", false);
        t->row_stripes = rg_attr_bool(attrs, "showRowStripes", false);
        t->column_stripes = rg_attr_bool(attrs, "showColumnStripes", false);
    }
}

static void table_end(rg_xml *x, void *data, const char *name)
{
    table_ctx *c = data;

    if (c->in_formula && !strcmp(name, "calculatedColumnFormula")) {
        c->in_formula = false;
        c->cols[c->count - 1].formula =
            rg_arena_strndup(&c->wb->impl->arena,
                             c->text.data ? c->text.data : "", c->text.len);
        if (!c->cols[c->count - 1].formula)
            rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
    }
}

static void table_text(rg_xml *x, void *data, const char *s, int len)
{
    table_ctx *c = data;
    if (c->in_formula && !rg_buf_append(&c->text, s, (size_t)len))
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
}

rag_status rg_table_read(rag_workbook *wb, rag_sheet *s, size_t *cap,
                         const char *part, rag_error *err)
{
    static const rg_xml_handlers h = {table_start, table_end, table_text};
    table_ctx c;
    rag_error local;
    rag_status st;

    memset(&c, 0, sizeof c);
    c.wb = wb;
    rag_error_clear(&local);
    st = rg_xml_parse_part(wb->impl->zip, part, &h, &c,
                           wb->impl->limits.depth, &local);
    rg_buf_free(&c.text);
    if (st == RAG_ERR_NOMEM) {
        rg_free(c.cols);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    /* A damaged table part loses the table, not the sheet: the cells are
     * all in the sheet, and the table stays flagged as not copied. */
    if (st != RAG_OK || !c.table.name || !c.count) {
        rg_free(c.cols);
        return RAG_OK;
    }
    c.table.columns = rg_arena_alloc(&wb->impl->arena,
                                     c.count * sizeof *c.cols);
    if (!c.table.columns ||
        !rg_grow((void **)&s->tables, cap, s->table_count + 1,
                 sizeof *s->tables)) {
        rg_free(c.cols);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    memcpy(c.table.columns, c.cols, c.count * sizeof *c.cols);
    c.table.column_count = c.count;
    s->tables[s->table_count++] = c.table;
    rg_free(c.cols);
    return RAG_OK;
}
