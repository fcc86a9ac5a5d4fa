/*
 * Opening a workbook: find the workbook part through _rels/.rels (never by
 * assuming xl/workbook.xml), list its sheets in order through the
 * workbook's relationships, then read the theme, styles and shared strings.
 */
#include <stdlib.h>
#include <string.h>

#include "read/pages.h"
#include "read/reader.h"

static void default_limits(rag_read_limits *l)
{
    if (!l->part_bytes)
        l->part_bytes = RAG_LIMIT_PART_BYTES;
    if (!l->total_bytes)
        l->total_bytes = RAG_LIMIT_TOTAL_BYTES;
    if (!l->ratio)
        l->ratio = RAG_LIMIT_RATIO;
    if (!l->entries)
        l->entries = RAG_LIMIT_ENTRIES;
    if (!l->cells)
        l->cells = RAG_LIMIT_CELLS;
    if (!l->depth)
        l->depth = RAG_LIMIT_DEPTH;
    if (!l->formula_bytes)
        l->formula_bytes = RAG_LIMIT_FORMULA_BYTES;
}

typedef struct wb_ctx {
    rag_workbook *wb;
    bool in_names;
    rag_defined_name *name;   /* the definedName being read */
    rg_buf text;
    const char **sheet_rids;  /* r:id of each sheet, parallel to sheets */
    size_t rid_cap;
} wb_ctx;

static void wb_start(rg_xml *x, void *data, const char *name,
                     const char **attrs)
{
    wb_ctx *c = data;
    rag_workbook *wb = c->wb;
    rg_arena *a = &wb->impl->arena;
    const char *v;
    uint32_t n;

    if (!strcmp(name, "sheet") && rg_xml_depth(x) == 3) {
        rag_sheet *s;
        const char *sheet_name = rg_attr(attrs, "name");
        if (!sheet_name)
            return;
        if (wb->sheet_count >= 65535) {
            rg_xml_abort(x, RAG_ERR_LIMIT, "more than 65535 sheets");
            return;
        }
        if (!rg_grow((void **)&wb->sheets, &wb->impl->sheet_cap,
                     wb->sheet_count + 1, sizeof *wb->sheets) ||
            !rg_grow((void **)&c->sheet_rids, &c->rid_cap,
                     wb->sheet_count + 1, sizeof *c->sheet_rids)) {
            rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        s = &wb->sheets[wb->sheet_count];
        memset(s, 0, sizeof *s);
        s->name = rg_arena_strdup(a, sheet_name);
        s->tab_color = RAG_NO_COLOR;
        s->show_grid_lines = true;
        v = rg_attr(attrs, "state");
        s->state = !v                       ? RAG_SHEET_VISIBLE
                   : !strcmp(v, "hidden")     ? RAG_SHEET_HIDDEN
                   : !strcmp(v, "veryHidden") ? RAG_SHEET_VERY_HIDDEN
                                              : RAG_SHEET_VISIBLE;
        v = rg_attr(attrs, "id");
        c->sheet_rids[wb->sheet_count] = v ? rg_arena_strdup(a, v) : NULL;
        if (!s->name || (v && !c->sheet_rids[wb->sheet_count])) {
            rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        wb->sheet_count++;
    } else if (!strcmp(name, "workbookPr")) {
        wb->date1904 = rg_attr_bool(attrs, "date1904", false);
    } else if (!strcmp(name, "workbookView")) {
        if ((v = rg_attr(attrs, "activeTab")) && rg_parse_u32(v, &n))
            wb->active_sheet = n;
    } else if (!strcmp(name, "definedNames")) {
        c->in_names = true;
    } else if (c->in_names && !strcmp(name, "definedName")) {
        rag_defined_name *d;
        if (!rg_grow((void **)&wb->names, &wb->impl->name_cap,
                     wb->name_count + 1, sizeof *wb->names)) {
            rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        d = &wb->names[wb->name_count];
        memset(d, 0, sizeof *d);
        d->name = rg_arena_strdup(a, (v = rg_attr(attrs, "name")) ? v : "");
        d->sheet = -1;
        if ((v = rg_attr(attrs, "localSheetId")) && rg_parse_u32(v, &n) &&
            n < 65535)
            d->sheet = (int32_t)n;
        d->hidden = rg_attr_bool(attrs, "hidden", false);
        c->name = d;
        rg_buf_reset(&c->text);
    }
}

static void wb_end(rg_xml *x, void *data, const char *name)
{
    wb_ctx *c = data;
    rag_workbook *wb = c->wb;

    if (!strcmp(name, "definedNames")) {
        c->in_names = false;
    } else if (c->name && !strcmp(name, "definedName")) {
        c->name->value = rg_arena_strndup(&wb->impl->arena,
                                          c->text.data ? c->text.data : "",
                                          c->text.len);
        if (!c->name->value || !c->name->name) {
            rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        wb->name_count++;
        c->name = NULL;
    }
}

static void wb_text(rg_xml *x, void *data, const char *s, int len)
{
    wb_ctx *c = data;
    if (c->name && !rg_buf_append(&c->text, s, (size_t)len))
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
}

/* Find the workbook part: the officeDocument relationship of the package,
 * else the usual name. */
static rag_status find_workbook_part(rag_workbook *wb, rag_error *err)
{
    rg_workbook_impl *in = wb->impl;
    rg_rels pkg;
    const rg_rel *r;
    rag_status st;

    /* A damaged package relationship part is not fatal: the workbook is
     * then looked for where every writer puts it. */
    {
        rag_error ignored;
        rag_error_clear(&ignored);
        st = rg_rels_read(wb, "", &pkg, &ignored);
        if (st == RAG_ERR_NOMEM)
            return rg_fail(err, st, "out of memory");
    }
    r = rg_rels_find_type(&pkg, "officeDocument");
    if (r && !r->external && rg_zip_find(in->zip, r->target))
        in->workbook_part = rg_zip_find(in->zip, r->target);
    rg_rels_free(&pkg);
    if (!in->workbook_part)
        in->workbook_part = rg_zip_find(in->zip, "xl/workbook.xml");
    if (in->workbook_part)
        return RAG_OK;
    if (rg_zip_find(in->zip, "mimetype") &&
        rg_zip_find(in->zip, "content.xml"))
        return rg_fail(err, RAG_ERR_NOT_XLSX, "looks like an OpenDocument "
                       "spreadsheet (.ods); save it as .xlsx");
    if (rg_zip_find(in->zip, "word/document.xml"))
        return rg_fail(err, RAG_ERR_NOT_XLSX, "looks like a Word document "
                       "(.docx)");
    if (rg_zip_find(in->zip, "ppt/presentation.xml"))
        return rg_fail(err, RAG_ERR_NOT_XLSX, "looks like a PowerPoint "
                       "presentation (.pptx)");
    return rg_fail(err, RAG_ERR_NOT_XLSX, "the zip holds no workbook "
                   "(xl/workbook.xml is missing)");
}

static const char *rel_part(rag_workbook *wb, const char *type,
                            const char *fallback)
{
    const rg_rel *r = rg_rels_find_type(&wb->impl->wb_rels, type);
    if (r && !r->external && rg_zip_find(wb->impl->zip, r->target))
        return rg_zip_find(wb->impl->zip, r->target);
    return rg_zip_find(wb->impl->zip, fallback);
}

static int cmp_part(const void *a, const void *b)
{
    const rag_sheet *x = *(const rag_sheet *const *)a;
    const rag_sheet *y = *(const rag_sheet *const *)b;
    uintptr_t p = (uintptr_t)x->part, q = (uintptr_t)y->part;
    return p < q ? -1 : p > q;
}

/* Two sheets on one part: no writer makes it (a part is one sheet's), and
 * it made every cost a multiple of the file (one part under 4,096 sheets,
 * a 48 KB file, grew memory and the spool without bound; issue 16).
 * rg_zip_find gives each entry's one stored name, so the same part is the
 * same pointer; sorted, so 65,535 sheets cost no more than their count. */
static rag_status refuse_shared_parts(rag_workbook *wb, rag_error *err)
{
    const rag_sheet **by;
    size_t i;

    if (wb->sheet_count < 2)
        return RAG_OK;
    by = rg_malloc(wb->sheet_count * sizeof *by);
    if (!by)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < wb->sheet_count; i++)
        by[i] = &wb->sheets[i];
    qsort(by, wb->sheet_count, sizeof *by, cmp_part);
    for (i = 1; i < wb->sheet_count; i++)
        if (by[i]->part == by[i - 1]->part) {
            const rag_sheet *a = by[i - 1] < by[i] ? by[i - 1] : by[i];
            const rag_sheet *b = by[i - 1] < by[i] ? by[i] : by[i - 1];
            rag_status st = rg_fail(err, RAG_ERR_FORMAT, "sheets '%s' and "
                                    "'%s' are one part (%s): each sheet "
                                    "needs its own", a->name, b->name,
                                    a->part);
            rg_free(by);
            return st;
        }
    rg_free(by);
    return RAG_OK;
}

/* Resolve each sheet's r:id to its part; drop chart and dialog sheets,
 * which hold no cells. */
static rag_status resolve_sheets(rag_workbook *wb, const char **rids,
                                 rag_error *err)
{
    size_t i, kept = 0;

    for (i = 0; i < wb->sheet_count; i++) {
        const rg_rel *r = rg_rels_find(&wb->impl->wb_rels, rids[i]);
        rag_sheet s = wb->sheets[i];
        if (!r || r->external)
            continue;
        if (!strcmp(r->type, "chartsheet") ||
            !strcmp(r->type, "dialogsheet") ||
            !strcmp(r->type, "macrosheet")) {
            wb->has_chartsheets = true;
            continue;
        }
        s.part = rg_zip_find(wb->impl->zip, r->target);
        if (!s.part)
            return rg_fail(err, RAG_ERR_FORMAT, "sheet '%s' points to %s, "
                           "which is not in the zip", s.name, r->target);
        wb->sheets[kept++] = s;
    }
    wb->sheet_count = kept;
    return refuse_shared_parts(wb, err);
}

rag_status rag_workbook_open(const char *path, const rag_read_options *opts,
                             rag_workbook **out, rag_error *err)
{
    static const rg_xml_handlers h = {wb_start, wb_end, wb_text};
    rag_workbook *wb;
    rg_workbook_impl *in;
    wb_ctx c;
    rag_status st;
    size_t i;

    if (!out)
        return rg_fail(err, RAG_ERR_USAGE, "no place for the workbook");
    *out = NULL;
    if (!path)
        return rg_fail(err, RAG_ERR_USAGE, "no file name");
    if (err && !err->file[0])
        rg_strlcpy(err->file, path, sizeof err->file);
    wb = rg_calloc(1, sizeof *wb);
    in = rg_calloc(1, sizeof *in);
    if (!wb || !in) {
        rg_free(wb);
        rg_free(in);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    wb->impl = in;
    rg_arena_init(&in->arena, 0);
    if (opts)
        in->limits = opts->limits;
    default_limits(&in->limits);
    wb->path = rg_arena_strdup(&in->arena, path);
    if (!wb->path) {
        rag_workbook_free(wb);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    st = rg_zip_open(path, &in->limits, &in->zip, err);
    if (st == RAG_OK)
        st = find_workbook_part(wb, err);
    if (st == RAG_OK)
        st = rg_rels_read(wb, in->workbook_part, &in->wb_rels, err);
    memset(&c, 0, sizeof c);
    c.wb = wb;
    if (st == RAG_OK)
        st = rg_xml_parse_part(in->zip, in->workbook_part, &h, &c,
                               in->limits.depth, err);
    if (st == RAG_OK)
        st = resolve_sheets(wb, c.sheet_rids, err);
    rg_free(c.sheet_rids);
    rg_buf_free(&c.text);
    if (st == RAG_OK)
        st = rg_theme_read(wb, rel_part(wb, "theme", "xl/theme/theme1.xml"),
                           err);
    if (st == RAG_OK)
        st = rg_styles_read(wb, rel_part(wb, "styles", "xl/styles.xml"),
                            err);
    if (st == RAG_OK)
        st = rg_sst_read(wb, rel_part(wb, "sharedStrings",
                                      "xl/sharedStrings.xml"), err);
    if (st == RAG_OK) {
        for (i = 0; i < rg_zip_count(in->zip); i++) {
            const char *n = rg_zip_name(in->zip, i);
            if (strstr(n, "vbaProject"))
                wb->has_macros = true;
            if (!strncmp(n, "xl/pivot", 8))
                wb->features |= RAG_FEATURE_PIVOT;
            if (!strncmp(n, "xl/externalLinks/", 17))
                wb->features |= RAG_FEATURE_EXTERNAL;
        }
    }
    if (st != RAG_OK) {
        rag_workbook_free(wb);
        return st;
    }
    *out = wb;
    return RAG_OK;
}

static void sheet_free(rag_sheet *s)
{
    rg_free(s->merges);
    rg_free(s->cols);
    rg_free(s->tables);
    rg_free(s->links);
    rg_free(s->validations);
    rg_free(s->conditional);
    rg_free(s->cells);
    rg_free(s->rows);
}

void rag_workbook_free(rag_workbook *wb)
{
    size_t i;

    if (!wb)
        return;
    for (i = 0; i < wb->sheet_count; i++) {
        rg_pages_drop(wb, i);
        sheet_free(&wb->sheets[i]);
    }
    rg_free(wb->sheets);
    rg_free(wb->styles);
    rg_free(wb->names);
    if (wb->impl) {
        rg_zip_close(wb->impl->zip);
        rg_rels_free(&wb->impl->wb_rels);
        rg_free(wb->impl->pages);
        rg_free(wb->impl->sst);
        rg_free(wb->impl->fonts);
        rg_arena_free(&wb->impl->arena);
        rg_free(wb->impl);
    }
    rg_free(wb);
}

long rag_workbook_sheet_index(const rag_workbook *wb, const char *name)
{
    size_t i;
    if (!wb || !name)
        return -1;
    for (i = 0; i < wb->sheet_count; i++)
        if (!strcmp(wb->sheets[i].name, name))
            return (long)i;
    for (i = 0; i < wb->sheet_count; i++)
        if (rg_streq_nocase(wb->sheets[i].name, name))
            return (long)i;
    return -1;
}

const rag_style *rag_cell_style(const rag_workbook *wb, const rag_cell *cell)
{
    if (cell && cell->style < wb->style_count)
        return &wb->styles[cell->style];
    return &wb->styles[0];
}

const char *rag_version(void)
{
    return RAG_VERSION;
}
