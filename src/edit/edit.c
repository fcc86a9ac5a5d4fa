/*
 * The package editor: opening a workbook as a package, recording changes,
 * and paths between parts.  Writing is in write.c; each kind of part has
 * its own file (book.c, sheet.c, styles.c, pkg.c, graft.c).
 */
#include <stdio.h>
#include <string.h>

#include "edit/edit_impl.h"

#define REL_OFFICE "/officeDocument"
#define REL_STYLES "/styles"
#define REL_CALC "/calcChain"

/* ---- paths --------------------------------------------------------------- */

static char *folder_of(rag_edit *e, const char *part)
{
    const char *slash = strrchr(part, '/');
    return rg_arena_strndup(&e->arena, part,
                            slash ? (size_t)(slash - part) + 1 : 0);
}

char *ed_resolve(rag_edit *e, const char *from, const char *target)
{
    rg_buf *b = &e->scratch;
    char *out, *p, *q;

    rg_buf_reset(b);
    if (target[0] == '/') {
        if (!rg_buf_puts(b, target + 1))
            return NULL;
    } else {
        char *dir = folder_of(e, from);
        if (!dir || !rg_buf_puts(b, dir) || !rg_buf_puts(b, target))
            return NULL;
    }
    /* fold "x/../" and "./" */
    out = rg_arena_strndup(&e->arena, b->data, b->len);
    if (!out)
        return NULL;
    for (p = q = out; *p;) {
        if (!strncmp(p, "./", 2)) {
            p += 2;
        } else if (!strncmp(p, "../", 3)) {
            p += 3;
            if (q > out) {
                q--;
                while (q > out && q[-1] != '/')
                    q--;
            }
        } else {
            while (*p && *p != '/')
                *q++ = *p++;
            if (*p)
                *q++ = *p++;
        }
    }
    *q = '\0';
    return out;
}

char *ed_rels_name(rag_edit *e, const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
    return rg_arena_printf(&e->arena, "%.*s_rels/%s.rels", (int)dir, part,
                           part + dir);
}

char *ed_relative(rag_edit *e, const char *from, const char *to)
{
    const char *a = from, *b = to;
    const char *last_a = from, *last_b = to;
    rg_buf *out = &e->scratch;

    /* common folders */
    while (*a && *a == *b) {
        if (*a == '/') {
            last_a = a + 1;
            last_b = b + 1;
        }
        a++;
        b++;
    }
    rg_buf_reset(out);
    for (a = last_a; *a; a++)
        if (*a == '/' && !rg_buf_puts(out, "../"))
            return NULL;
    if (!rg_buf_puts(out, last_b))
        return NULL;
    return rg_arena_strndup(&e->arena, out->data, out->len);
}

/* Part names compare ignoring ASCII case, with '\\' read as '/' (some
 * writers store Windows paths) and a leading '/' dropped. */
static bool same_part(const char *a, const char *b)
{
    if (*a == '/' || *a == '\\')
        a++;
    if (*b == '/' || *b == '\\')
        b++;
    for (; *a && *b; a++, b++) {
        char x = *a == '\\' ? '/' : (char)(*a | 0x20);
        char y = *b == '\\' ? '/' : (char)(*b | 0x20);
        if (x != y)
            return false;
    }
    return !*a && !*b;
}

long ed_entry(const rag_edit *e, const char *name)
{
    size_t i, n = ez_in_count(e->zin);
    for (i = 0; i < n; i++)
        if (same_part(ez_in_name(e->zin, i), name))
            return (long)i;
    return -1;
}

bool ed_part_taken(const rag_edit *e, const char *name)
{
    long i = ed_entry(e, name);
    size_t k;
    if (i >= 0 && !e->dropped[i])
        return true;
    for (k = 0; k < e->new_count; k++)
        if (rg_streq_nocase(e->news[k].name, name))
            return true;
    return false;
}

void ed_drop_part(rag_edit *e, const char *name)
{
    long i = ed_entry(e, name);
    if (i >= 0)
        e->dropped[i] = true;
    ed_ct_drop(e, name);
}

ed_new *ed_add_new(rag_edit *e, const char *name, ed_new_kind kind)
{
    ed_new *n;
    if (!rg_grow((void **)&e->news, &e->new_cap, e->new_count + 1,
                 sizeof *e->news))
        return NULL;
    n = &e->news[e->new_count];
    memset(n, 0, sizeof *n);
    n->name = rg_arena_strdup(&e->arena, name);
    n->kind = kind;
    if (!n->name)
        return NULL;
    e->new_count++;
    return n;
}

static bool type_is(const char *type, const char *tail)
{
    size_t n = strlen(type), k = strlen(tail);
    return n >= k && !strcmp(type + n - k, tail);
}

/* ---- open and free ------------------------------------------------------ */

/* The reader's defaults (read/workbook.c), for limits left zero. */
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

rag_status rag_edit_open(const char *path, const rag_edit_options *opts,
                         rag_edit **out, rag_error *err)
{
    rag_edit *e;
    ed_rels root;
    rag_status st;
    size_t i;

    if (out)
        *out = NULL;
    if (!path || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no workbook to open");
    e = rg_calloc(1, sizeof *e);
    if (!e)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    rg_arena_init(&e->arena, 0);
    if (opts)
        e->limits = opts->limits;
    default_limits(&e->limits);
    e->path = rg_arena_strdup(&e->arena, path);
    st = e->path ? rg_zip_open(path, &e->limits, &e->rz, err)
                 : rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = ez_in_open(path, &e->zin, err);
    if (st == RAG_OK) {
        size_t n = ez_in_count(e->zin);
        e->dropped = rg_calloc(n ? n : 1, sizeof *e->dropped);
        e->fates = rg_calloc(n ? n : 1, sizeof *e->fates);
        if (!e->dropped || !e->fates)
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (st == RAG_OK)
        st = ed_ct_read(e, err);
    if (st == RAG_OK) {
        /* As the reader does: a package whose root relationships are
         * missing or damaged still has its workbook where Excel puts
         * it. */
        rag_error quiet;
        memset(&quiet, 0, sizeof quiet);
        if (ed_rels_read(e->rz, "_rels/.rels", &e->arena, &root, &quiet) ==
            RAG_OK)
            for (i = 0; i < root.count && !e->wb_part; i++)
                if (type_is(root.r[i].type, REL_OFFICE) &&
                    !root.r[i].external)
                    e->wb_part = ed_resolve(e, "", root.r[i].target);
        ed_rels_free(&root);
        if (!e->wb_part || ed_entry(e, e->wb_part) < 0)
            e->wb_part = rg_arena_strdup(&e->arena, "xl/workbook.xml");
        if (!e->wb_part || ed_entry(e, e->wb_part) < 0)
            st = rg_fail(err, RAG_ERR_FORMAT, "not an XLSX workbook: the "
                         "package names no workbook part");
    }
    if (st == RAG_OK)
        st = ed_rels_read(e->rz, ed_rels_name(e, e->wb_part), &e->arena,
                          &e->wbrels, err);
    if (st == RAG_OK) {
        for (i = 0; i < e->wbrels.count; i++) {
            const ed_rel *r = &e->wbrels.r[i];
            if (r->external)
                continue;
            if (type_is(r->type, REL_STYLES) && !e->styles_part)
                e->styles_part = ed_resolve(e, e->wb_part, r->target);
            else if (type_is(r->type, REL_CALC) && !e->calc_part)
                e->calc_part = ed_resolve(e, e->wb_part, r->target);
        }
        st = ed_book_read(e, err);
    }
    if (st == RAG_OK)
        st = ed_styles_read(e, err);
    if (st != RAG_OK) {
        if (err && !err->file[0])
            rg_strlcpy(err->file, path, sizeof err->file);
        rag_edit_free(e);
        return st;
    }
    *out = e;
    return RAG_OK;
}

void rag_edit_free(rag_edit *e)
{
    size_t i;
    if (!e)
        return;
    for (i = 0; i < e->sheet_count; i++) {
        ed_sheet *s = &e->sheets[i];
        rg_free(s->cells);
        rg_free(s->clears);
        rg_free(s->widths);
        rg_buf_free(&s->validations);
        rg_buf_free(&s->links);
        if (s->rels)
            ed_rels_free(s->rels);
    }
    rg_free(e->sheets);
    for (i = 0; i < e->new_count; i++) {
        rg_buf_free(&e->news[i].data);
        ed_rels_free(e->news[i].rels); /* a grafted part's rels (arena
                                          struct, heap array) */
    }
    rg_free(e->news);
    for (i = 0; i < e->side_count; i++)
        ed_side_free(e->sides[i]);
    rg_free(e->sides);
    rg_free(e->grafts);
    rg_free(e->names);
    rg_free(e->remove_prefixes);
    rg_free(e->input_names);
    rg_free(e->ct);
    ed_rels_free(&e->wbrels);
    ed_styles_free(e->styles);
    rg_free(e->dropped);
    rg_free(e->fates);
    rg_buf_free(&e->scratch);
    ez_in_close(e->zin);
    rg_zip_close(e->rz);
    rg_arena_free(&e->arena);
    rg_free(e);
}

/* ---- sheets --------------------------------------------------------------- */

size_t rag_edit_sheet_count(const rag_edit *e)
{
    return e ? e->sheet_count : 0;
}

const char *rag_edit_sheet_name(const rag_edit *e, size_t pos)
{
    return e && pos < e->sheet_count ? e->sheets[pos].name : NULL;
}

const char *rag_edit_sheet_part(const rag_edit *e, size_t pos)
{
    return e && pos < e->sheet_count ? e->sheets[pos].part : NULL;
}

bool rag_edit_sheet_is_worksheet(const rag_edit *e, size_t pos)
{
    return e && pos < e->sheet_count && e->sheets[pos].worksheet;
}

long rag_edit_sheet_find(const rag_edit *e, const char *name)
{
    size_t i;
    if (!e || !name)
        return -1;
    for (i = 0; i < e->sheet_count; i++)
        if (!strcmp(e->sheets[i].name, name))
            return (long)i;
    for (i = 0; i < e->sheet_count; i++)
        if (rg_streq_nocase(e->sheets[i].name, name))
            return (long)i;
    return -1;
}

static rag_status bad_sheet(rag_edit *e, size_t pos, bool cells,
                            rag_error *err)
{
    if (!e)
        return rg_fail(err, RAG_ERR_USAGE, "no editor");
    if (pos >= e->sheet_count || e->sheets[pos].removed)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet at position %zu", pos);
    if (cells && (!e->sheets[pos].worksheet || !e->sheets[pos].part))
        return rg_fail(err, RAG_ERR_USAGE, "%s is not a worksheet",
                       e->sheets[pos].name);
    return RAG_OK;
}

/* ---- cells ----------------------------------------------------------------- */

uint32_t rag_edit_style_count(const rag_edit *e)
{
    return e ? ed_styles_xf_count(e->styles) : 0;
}

rag_status rag_edit_set_cell(rag_edit *e, size_t sheet,
                             const rag_edit_cell *c, rag_error *err)
{
    rag_status st = bad_sheet(e, sheet, true, err);
    ed_sheet *s;
    ed_cell *n;
    size_t len;

    if (st != RAG_OK)
        return st;
    if (!c || c->row >= RAG_MAX_ROWS || c->col >= RAG_MAX_COLS ||
        c->value > RAG_EDIT_FORMULA ||
        (c->value == RAG_EDIT_FORMULA && (!c->formula || !*c->formula)) ||
        (c->value == RAG_EDIT_TEXT && !c->text) ||
        (c->style >= 0 && (uint64_t)c->style >= rag_edit_style_count(e)))
        return rg_fail(err, RAG_ERR_USAGE, "a cell change that cannot be "
                       "made");
    /* a workbook holds at most 64,000 formats; the record keeps 31 bits */
    if (c->style > INT32_MAX)
        return rg_fail(err, RAG_ERR_USAGE, "a cell change that cannot be "
                       "made");
    len = !c->text ? 0 : c->text_len ? c->text_len : strlen(c->text);
    s = &e->sheets[sheet];
    if (!rg_grow((void **)&s->cells, &s->cell_cap, s->cell_count + 1,
                 sizeof *s->cells))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    n = &s->cells[s->cell_count];
    memset(n, 0, sizeof *n);
    n->row = c->row;
    n->col = (uint16_t)c->col;
    n->seq = s->next_seq++;
    n->value = (uint8_t)c->value;
    n->style = (int32_t)(c->style < 0 ? -1 : c->style);
    if (c->value == RAG_EDIT_TEXT && len <= sizeof n->u.here) {
        n->here = (uint8_t)len;
        memcpy(n->u.here, c->text, len);
    } else if (c->value == RAG_EDIT_TEXT || c->value == RAG_EDIT_FORMULA) {
        ed_value *v = rg_arena_alloc(&e->arena, sizeof *v);
        if (!v)
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        memset(v, 0, sizeof *v);
        n->here = ED_AWAY;
        n->u.away = v;
        v->number = c->number;
        v->text_len = len;
        if ((c->text && !(v->text = rg_arena_strndup(&e->arena, c->text,
                                                     len))) ||
            (c->value == RAG_EDIT_FORMULA &&
             !(v->formula = rg_arena_strdup(&e->arena, c->formula))))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    } else {
        n->u.number = c->number;
    }
    if (c->value != RAG_EDIT_KEEP)
        e->values_changed = true;
    s->cell_count++;
    return RAG_OK;
}

rag_status rag_edit_clear_range(rag_edit *e, size_t sheet,
                                const rag_range *range, rag_error *err)
{
    rag_status st = bad_sheet(e, sheet, true, err);
    ed_sheet *s;
    if (st != RAG_OK)
        return st;
    if (!range || range->first_row > range->last_row ||
        range->first_col > range->last_col)
        return rg_fail(err, RAG_ERR_USAGE, "an empty range");
    s = &e->sheets[sheet];
    if (!rg_grow((void **)&s->clears, &s->clear_cap, s->clear_count + 1,
                 sizeof *s->clears))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->clears[s->clear_count++] = *range;
    e->values_changed = true;
    return RAG_OK;
}

rag_status rag_edit_set_width(rag_edit *e, size_t sheet, uint32_t first,
                              uint32_t last, double width, rag_error *err)
{
    rag_status st = bad_sheet(e, sheet, true, err);
    ed_sheet *s;
    if (st != RAG_OK)
        return st;
    if (first > last || last >= RAG_MAX_COLS || !(width > 0 && width < 256))
        return rg_fail(err, RAG_ERR_USAGE, "a column width that cannot be "
                       "set");
    s = &e->sheets[sheet];
    if (!rg_grow((void **)&s->widths, &s->width_cap, s->width_count + 1,
                 sizeof *s->widths))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->widths[s->width_count].first = first;
    s->widths[s->width_count].last = last;
    s->widths[s->width_count].width = width;
    s->width_count++;
    return RAG_OK;
}

/* ---- validations and links ------------------------------------------------ */

static bool attr(rg_buf *b, const char *name, const char *value)
{
    if (!value)
        return true;
    return rg_buf_putc(b, ' ') && rg_buf_puts(b, name) &&
           rg_buf_puts(b, "=\"") && ep_buf_escaped(b, value, strlen(value)) &&
           rg_buf_putc(b, '"');
}

static bool elem(rg_buf *b, const char *name, const char *text)
{
    if (!text)
        return true;
    return rg_buf_printf(b, "<%s>", name) &&
           ep_buf_escaped(b, text, strlen(text)) &&
           rg_buf_printf(b, "</%s>", name);
}

rag_status rag_edit_add_validation(rag_edit *e, size_t sheet,
                                   const rag_validation *v, rag_error *err)
{
    rag_status st = bad_sheet(e, sheet, true, err);
    char ref[32];
    rg_buf *b;
    size_t was;
    bool ok;

    if (st != RAG_OK)
        return st;
    if (!v || (!v->sqref && v->range.first_row > v->range.last_row))
        return rg_fail(err, RAG_ERR_USAGE, "a validation with no cells");
    b = &e->sheets[sheet].validations;
    was = b->len;
    /* attributes in the schema's order, as Excel writes them */
    ok = rg_buf_puts(b, "<dataValidation") &&
         attr(b, "type", v->type) &&
         attr(b, "errorStyle", v->error_style &&
                                   strcmp(v->error_style, "stop")
                               ? v->error_style : NULL) &&
         attr(b, "operator", v->operator_) &&
         attr(b, "allowBlank", v->allow_blank ? "1" : NULL) &&
         attr(b, "showDropDown", v->hide_dropdown ? "1" : NULL) &&
         attr(b, "showInputMessage", v->show_input ? "1" : NULL) &&
         attr(b, "showErrorMessage", v->show_error ? "1" : NULL) &&
         attr(b, "errorTitle", v->error_title) &&
         attr(b, "error", v->error) &&
         attr(b, "promptTitle", v->prompt_title) &&
         attr(b, "prompt", v->prompt) &&
         attr(b, "sqref", v->sqref ? v->sqref
                                   : rag_range_format(&v->range, ref)) &&
         rg_buf_putc(b, '>') && elem(b, "formula1", v->formula1) &&
         elem(b, "formula2", v->formula2) &&
         rg_buf_puts(b, "</dataValidation>");
    if (!ok) {
        b->len = was;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    e->sheets[sheet].validation_count++;
    return RAG_OK;
}

rag_status rag_edit_add_link(rag_edit *e, size_t sheet,
                             const rag_hyperlink *l, rag_error *err)
{
    rag_status st = bad_sheet(e, sheet, true, err);
    char ref[32];
    rg_buf *b;
    size_t was;
    bool ok;

    if (st != RAG_OK)
        return st;
    if (!l || (!l->url && !l->location))
        return rg_fail(err, RAG_ERR_USAGE, "a link to nowhere");
    if (l->url)
        /* External targets need a relationship from the sheet; ragbook's
         * own links all point inside the workbook. */
        return rg_fail(err, RAG_ERR_USAGE, "links to other files cannot be "
                       "added yet");
    b = &e->sheets[sheet].links;
    was = b->len;
    ok = rg_buf_puts(b, "<hyperlink") &&
         attr(b, "ref", rag_range_format(&l->range, ref)) &&
         attr(b, "location", l->location) &&
         attr(b, "tooltip", l->tooltip) &&
         attr(b, "display", l->display) && rg_buf_puts(b, "/>");
    if (!ok) {
        b->len = was;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    e->sheets[sheet].link_count++;
    return RAG_OK;
}

/* ---- names ------------------------------------------------------------------ */

static bool has_sheet_named(const rag_edit *e, const char *name)
{
    size_t i;
    for (i = 0; i < e->sheet_count; i++)
        if (!e->sheets[i].removed && rg_streq_nocase(e->sheets[i].name, name))
            return true;
    for (i = 0; i < e->graft_count; i++)
        if (rg_streq_nocase(e->grafts[i].name, name))
            return true;
    return false;
}

rag_status rag_edit_define_name(rag_edit *e, const char *sheet,
                                const char *name, const char *formula,
                                bool hidden, rag_error *err)
{
    ed_name *n;
    size_t i;

    if (!e || !name || !*name || !formula || !*formula)
        return rg_fail(err, RAG_ERR_USAGE, "a defined name needs a name and "
                       "a formula");
    if (sheet && !has_sheet_named(e, sheet))
        return rg_fail(err, RAG_ERR_USAGE, "no sheet %s for name %s", sheet,
                       name);
    for (i = 0; i < e->name_count; i++) {
        n = &e->names[i];
        if (rg_streq_nocase(n->name, name) &&
            (!n->scope == !sheet) &&
            (!sheet || rg_streq_nocase(n->scope, sheet)))
            break;
    }
    if (i == e->name_count) {
        if (!rg_grow((void **)&e->names, &e->name_cap, e->name_count + 1,
                     sizeof *e->names))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        e->name_count++;
    }
    n = &e->names[i];
    n->name = rg_arena_strdup(&e->arena, name);
    n->formula = rg_arena_strdup(&e->arena, formula);
    n->scope = sheet ? rg_arena_strdup(&e->arena, sheet) : NULL;
    n->hidden = hidden;
    if (!n->name || !n->formula || (sheet && !n->scope))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return RAG_OK;
}

size_t rag_edit_remove_names(rag_edit *e, const char *prefix)
{
    size_t i, k = 0, n;
    char *p;
    if (!e || !prefix || !*prefix)
        return 0;
    n = strlen(prefix);
    for (i = 0; i < e->input_name_count; i++) {
        const char *have = e->input_names[i];
        size_t j;
        bool match = strlen(have) >= n;
        for (j = 0; match && j < n; j++)
            match = (have[j] | 0x20) == (prefix[j] | 0x20);
        k += match;
    }
    p = rg_arena_strdup(&e->arena, prefix);
    if (!p || !rg_grow((void **)&e->remove_prefixes, &e->remove_cap,
                       e->remove_count + 1, sizeof *e->remove_prefixes))
        return k;
    e->remove_prefixes[e->remove_count++] = p;
    return k;
}

long rag_edit_output_position(const rag_edit *e, const char *name)
{
    size_t i;
    if (!e || !name)
        return -1;
    for (i = 0; i < e->graft_count; i++)
        if (rg_streq_nocase(e->grafts[i].name, name))
            return ed_graft_pos(e, i);
    for (i = 0; i < e->sheet_count; i++)
        if (rg_streq_nocase(e->sheets[i].name, name))
            return ed_out_pos(e, i);
    return -1;
}

/* ---- what the write did ----------------------------------------------- */

size_t rag_edit_part_count(const rag_edit *e)
{
    return e ? ez_in_count(e->zin) : 0;
}

const char *rag_edit_part_name(const rag_edit *e, size_t i)
{
    return e ? ez_in_name(e->zin, i) : NULL;
}

rag_edit_fate rag_edit_part_fate(const rag_edit *e, size_t i)
{
    return e && i < ez_in_count(e->zin) ? e->fates[i] : RAG_EDIT_COPIED;
}
