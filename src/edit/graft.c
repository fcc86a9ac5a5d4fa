/*
 * Sheets grafted from a side workbook (the Summary and Issues ragbook makes
 * with libxlsxwriter), and sheets removed (those an earlier conversion
 * grafted).  A grafted sheet brings the parts it reaches through its
 * relationships (drawing, chart, images), each renamed to the first free
 * name of its kind in the package ("xl/drawings/drawing3.xml"), so that
 * removing and grafting again gives the same names.  Its cells' formats
 * are mapped into the package's styles; its shared strings become inline
 * strings (the package's shared-string part is not touched); its tab is
 * not selected (the package keeps its own active sheet).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit/edit_impl.h"

#define SIDE_PART_MAX (256u << 20)

typedef struct side_name {
    char *name, *formula;
    long local;
    bool hidden;
} side_name;

typedef struct side_sheet {
    char *name, *part;
} side_sheet;

struct ed_side {
    char *path;
    rg_zip *rz;
    ez_in *zin;
    rg_arena arena;
    ed_ct_entry *ct;
    size_t ct_count;
    char *wb_part;
    ed_rels wbrels;
    side_sheet *sheets;
    size_t sheet_count, sheet_cap;
    side_name *names;
    size_t name_count, name_cap;
    ed_styles *styles;
    uint32_t *xf_map;
    size_t xf_count;
    rg_buf sst;          /* the shared-string part */
    uint64_t *si;        /* start, end of each <si>'s content */
    size_t si_count, si_cap;
};

void ed_side_free(ed_side *s)
{
    if (!s)
        return;
    rg_free(s->ct);
    ed_rels_free(&s->wbrels);
    rg_free(s->sheets);
    rg_free(s->names);
    ed_styles_free(s->styles);
    rg_free(s->xf_map);
    rg_buf_free(&s->sst);
    rg_free(s->si);
    ez_in_close(s->zin);
    rg_zip_close(s->rz);
    rg_arena_free(&s->arena);
    rg_free(s);
}

const char *ed_side_entry_name(const ed_side *s, size_t entry)
{
    return ez_in_name(s->zin, entry);
}

rag_status ed_side_copy_raw(ed_side *s, size_t entry, const char *as,
                            ez_out *o, rag_error *err)
{
    return ez_copy_raw_as(o, s->zin, entry, as, err);
}

/* ---- reading the side workbook ------------------------------------------ */

typedef struct side_read {
    ed_side *s;
    side_name *cur;
    rg_buf text;
} side_read;

static void sb_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    side_read *r = ctx;
    ed_side *s = r->s;
    (void)q;
    if (!strcmp(l, "sheet") && ep_depth(p) == 3) {
        const char *name = ep_attr(a, "name"), *rid = ep_attr(a, "id");
        ed_rel *rel = rid ? ed_rels_find(&s->wbrels, rid) : NULL;
        side_sheet *sh;
        if (!rg_grow((void **)&s->sheets, &s->sheet_cap, s->sheet_count + 1,
                     sizeof *s->sheets)) {
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        sh = &s->sheets[s->sheet_count++];
        sh->name = rg_arena_strdup(&s->arena, name ? name : "");
        sh->part = NULL;
        if (rel && !rel->external) {
            /* side parts are libxlsxwriter's: "worksheets/sheet1.xml" */
            sh->part = rg_arena_printf(&s->arena, "xl/%s", rel->target);
            if (rel->target[0] == '/')
                sh->part = rg_arena_strdup(&s->arena, rel->target + 1);
        }
    } else if (!strcmp(l, "definedName") && ep_depth(p) == 3) {
        const char *name = ep_attr(a, "name");
        const char *ls = ep_attr(a, "localSheetId");
        uint32_t v = 0;
        if (!rg_grow((void **)&s->names, &s->name_cap, s->name_count + 1,
                     sizeof *s->names)) {
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        r->cur = &s->names[s->name_count++];
        r->cur->name = rg_arena_strdup(&s->arena, name ? name : "");
        r->cur->formula = NULL;
        r->cur->local = ls && rg_parse_u32(ls, &v) ? (long)v : -1;
        r->cur->hidden = ep_attr(a, "hidden") &&
                         (!strcmp(ep_attr(a, "hidden"), "1") ||
                          !strcmp(ep_attr(a, "hidden"), "true"));
        rg_buf_reset(&r->text);
    }
}

static void sb_text(ep_pass *p, void *ctx, const char *t, int len)
{
    side_read *r = ctx;
    if (r->cur && !rg_buf_append(&r->text, t, (size_t)len))
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
}

static void sb_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    side_read *r = ctx;
    (void)q;
    if (r->cur && !strcmp(l, "definedName") && ep_depth(p) == 3) {
        r->cur->formula = rg_arena_strndup(&r->s->arena,
                                           r->text.data ? r->text.data : "",
                                           r->text.len);
        r->cur = NULL;
    }
}

typedef struct sst_read {
    ed_side *s;
    uint64_t start;
} sst_read;

static void sst_start(ep_pass *p, void *ctx, const char *q, const char *l,
                      const char **a)
{
    sst_read *r = ctx;
    uint64_t s, n;
    (void)q;
    (void)a;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 2 && !strcmp(l, "si"))
        r->start = s + n;
}

static void sst_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    sst_read *r = ctx;
    ed_side *s = r->s;
    uint64_t st, n;
    (void)q;
    ep_span(p, &st, &n);
    if (ep_depth(p) != 2 || strcmp(l, "si"))
        return;
    if (!rg_grow((void **)&s->si, &s->si_cap, 2 * s->si_count + 2,
                 sizeof *s->si)) {
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    s->si[2 * s->si_count] = r->start;
    s->si[2 * s->si_count + 1] = n ? st : r->start;
    s->si_count++;
}

static rag_status side_open(rag_edit *e, const char *path, ed_side **out,
                            rag_error *err)
{
    static const ep_handlers hb = {sb_start, sb_end, sb_text};
    static const ep_handlers hs = {sst_start, sst_end, NULL};
    ed_side *s;
    ed_rels root;
    rg_buf b = {0};
    rag_status st;
    size_t i;
    ep_pass *p;

    for (i = 0; i < e->side_count; i++)
        if (!strcmp(e->sides[i]->path, path)) {
            *out = e->sides[i];
            return RAG_OK;
        }
    s = rg_calloc(1, sizeof *s);
    if (!s || !rg_grow((void **)&e->sides, &e->side_cap, e->side_count + 1,
                       sizeof *e->sides)) {
        rg_free(s);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    rg_arena_init(&s->arena, 0);
    e->sides[e->side_count++] = s;
    s->path = rg_arena_strdup(&s->arena, path);
    st = rg_zip_open(path, &e->limits, &s->rz, err);
    if (st == RAG_OK)
        st = ez_in_open(path, &s->zin, err);
    if (st == RAG_OK)
        st = rg_zip_slurp(s->rz, "[Content_Types].xml", &b, SIDE_PART_MAX,
                          err);
    if (st == RAG_OK)
        st = ed_ct_parse(b.data ? b.data : "", b.len, &s->arena, &s->ct,
                         &s->ct_count, err);
    if (st == RAG_OK)
        st = ed_rels_read(s->rz, "_rels/.rels", &s->arena, &root, err);
    if (st == RAG_OK) {
        for (i = 0; i < root.count && !s->wb_part; i++)
            if (strstr(root.r[i].type, "/officeDocument"))
                s->wb_part = rg_arena_strdup(&s->arena,
                                             root.r[i].target[0] == '/'
                                                 ? root.r[i].target + 1
                                                 : root.r[i].target);
        ed_rels_free(&root);
        if (!s->wb_part)
            st = rg_fail(err, RAG_ERR_FORMAT, "the side workbook names no "
                         "workbook part");
    }
    if (st == RAG_OK)
        st = ed_rels_read(s->rz, "xl/_rels/workbook.xml.rels", &s->arena,
                          &s->wbrels, err);
    rg_buf_reset(&b);
    if (st == RAG_OK)
        st = rg_zip_slurp(s->rz, s->wb_part, &b, SIDE_PART_MAX, err);
    if (st == RAG_OK) {
        side_read r;
        memset(&r, 0, sizeof r);
        r.s = s;
        p = ep_new(&hb, &r, NULL, NULL, err);
        st = p ? ep_run(p, b.data ? b.data : "", b.len) : RAG_ERR_NOMEM;
        ep_free(p);
        rg_buf_free(&r.text);
    }
    if (st == RAG_OK)
        st = ed_styles_load(s->rz, "xl/styles.xml", &s->arena, &s->styles,
                            err);
    if (st == RAG_OK)
        st = ed_styles_graft(e, s->styles, &s->xf_map, &s->xf_count, err);
    if (st == RAG_OK && rg_zip_find(s->rz, "xl/sharedStrings.xml")) {
        st = rg_zip_slurp(s->rz, "xl/sharedStrings.xml", &s->sst,
                          SIDE_PART_MAX, err);
        if (st == RAG_OK) {
            sst_read r;
            memset(&r, 0, sizeof r);
            r.s = s;
            p = ep_new(&hs, &r, NULL, NULL, err);
            if (p)
                ep_hold(p, 0);
            st = p ? ep_run(p, s->sst.data ? s->sst.data : "", s->sst.len)
                   : RAG_ERR_NOMEM;
            ep_free(p);
        }
    }
    rg_buf_free(&b);
    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, path, sizeof err->file);
    *out = s;
    return st;
}

/* ---- names for new parts ------------------------------------------------- */

/* "xl/drawings/drawing1.xml" -> the first free "xl/drawings/drawingN.xml" */
static char *free_name(rag_edit *e, const char *like)
{
    const char *slash = strrchr(like, '/');
    const char *base = slash ? slash + 1 : like;
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : strlen(base);
    unsigned k;

    while (stem && base[stem - 1] >= '0' && base[stem - 1] <= '9')
        stem--;
    for (k = 1; k < 100000; k++) {
        char *n = rg_arena_printf(&e->arena, "%.*s%.*s%u%s",
                                  (int)(base - like), like, (int)stem, base,
                                  k, dot ? dot : "");
        if (!n)
            return NULL;
        if (!ed_part_taken(e, n))
            return n;
    }
    return NULL;
}

/* The side part's content type, into the package's list. */
static bool add_type(rag_edit *e, const ed_side *s, const char *side_part,
                     const char *new_part)
{
    size_t i;
    const char *dot = strrchr(new_part, '.');
    for (i = 0; i < s->ct_count; i++)
        if (s->ct[i].override && rg_streq_nocase(s->ct[i].key, side_part))
            return ed_ct_add(e, new_part, s->ct[i].type, false);
    for (i = 0; dot && i < s->ct_count; i++)
        if (!s->ct[i].override && rg_streq_nocase(s->ct[i].key, dot + 1)) {
            const char *have = ed_ct_type(e->ct, e->ct_count, new_part);
            if (have && !strcmp(have, s->ct[i].type))
                return true;
            if (have) /* the package's Default differs: an Override */
                return ed_ct_add(e, new_part, s->ct[i].type, false);
            return ed_ct_add(e, dot + 1, s->ct[i].type, true);
        }
    return true;
}

/* Graft side part `part` (reached from a grafted sheet) and everything it
 * reaches; *out_name is its new name. */
static rag_status graft_part(rag_edit *e, ed_side *s, const char *part,
                             bool is_sheet, char **out_name, int depth,
                             rag_error *err)
{
    const char *stored = rg_zip_find(s->rz, part);
    long entry = -1;
    size_t i;
    char *name, *rels_part;
    ed_rels rels, *nr;
    ed_new *n;
    rag_status st;

    if (!stored || depth > 8)
        return rg_fail(err, RAG_ERR_FORMAT, "the side workbook has no part "
                       "%s", part);
    for (i = 0; i < ez_in_count(s->zin); i++)
        if (rg_streq_nocase(ez_in_name(s->zin, i), stored))
            entry = (long)i;
    name = free_name(e, part);
    if (!name || entry < 0)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    n = ed_add_new(e, name, is_sheet ? ED_NEW_SHEET : ED_NEW_RAW);
    if (!n || !add_type(e, s, part, name))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    n->side = s;
    n->entry = (size_t)entry;
    *out_name = name;
    /* its relationships, targets renamed */
    rels_part = ed_rels_name(e, part);
    if (!rels_part)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    st = ed_rels_read(s->rz, rels_part, &s->arena, &rels, err);
    if (st != RAG_OK || !rels.exists) {
        ed_rels_free(&rels);
        return st;
    }
    nr = rg_arena_alloc(&e->arena, sizeof *nr);
    if (!nr) {
        ed_rels_free(&rels);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    memset(nr, 0, sizeof *nr);
    nr->part = ed_rels_name(e, name);
    {
        ed_new *rn = ed_add_new(e, nr->part, ED_NEW_RELS);
        if (!rn || !nr->part) {
            ed_rels_free(&rels);
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        rn->rels = nr;
    }
    for (i = 0; i < rels.count && st == RAG_OK; i++) {
        const ed_rel *r = &rels.r[i];
        char *target = r->target, *newname = NULL;
        if (!r->external) {
            char *full = ed_resolve(e, part, r->target);
            if (!full)
                st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            else
                st = graft_part(e, s, full, false, &newname, depth + 1, err);
            if (st == RAG_OK && !(target = ed_relative(e, name, newname)))
                st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        if (st == RAG_OK &&
            !ed_rels_add(e, nr, r->id, r->type, target, r->external))
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    ed_rels_free(&rels);
    return st;
}

static const char *worksheet_type(const rag_edit *e, const ed_side *s)
{
    size_t i;
    for (i = 0; i < e->wbrels.count; i++)
        if (strstr(e->wbrels.r[i].type, "/worksheet"))
            return e->wbrels.r[i].type;
    for (i = 0; i < s->wbrels.count; i++)
        if (strstr(s->wbrels.r[i].type, "/worksheet"))
            return s->wbrels.r[i].type;
    return "http://schemas.openxmlformats.org/officeDocument/2006/"
           "relationships/worksheet";
}

static bool name_taken(const rag_edit *e, const char *name)
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

rag_status rag_edit_graft_sheets(rag_edit *e, const char *side_path,
                                 const rag_edit_graft *sheets, size_t count,
                                 rag_error *err)
{
    ed_side *s = NULL;
    rag_status st;
    size_t i, k;

    if (!e || !side_path || (!sheets && count))
        return rg_fail(err, RAG_ERR_USAGE, "nothing to graft");
    st = side_open(e, side_path, &s, err);
    for (i = 0; i < count && st == RAG_OK; i++) {
        const rag_edit_graft *g = &sheets[i];
        const char *name = g->name ? g->name : g->sheet;
        const side_sheet *ss = NULL;
        ed_graft *ng;
        uint32_t max_id = 0;
        char *part = NULL;
        long pos;

        for (k = 0; g->sheet && k < s->sheet_count; k++)
            if (rg_streq_nocase(s->sheets[k].name, g->sheet))
                ss = &s->sheets[k];
        if (!ss || !ss->part)
            return rg_fail(err, RAG_ERR_USAGE, "the side workbook has no "
                           "sheet %s", g->sheet ? g->sheet : "(null)");
        if (!name || !*name || strlen(name) > 31 * 4 || name_taken(e, name))
            return rg_fail(err, RAG_ERR_USAGE, "the sheet name %s is taken "
                           "or not valid", name ? name : "(null)");
        st = graft_part(e, s, ss->part, true, &part, 0, err);
        if (st != RAG_OK)
            break;
        e->graft_count++; /* counted for the calcChain rule, then filled */
        ed_drop_calc_chain(e);
        e->graft_count--;
        if (!rg_grow((void **)&e->grafts, &e->graft_cap, e->graft_count + 1,
                     sizeof *e->grafts))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        for (k = 0; k < e->sheet_count; k++)
            if (!e->sheets[k].removed && e->sheets[k].sheet_id > max_id)
                max_id = e->sheets[k].sheet_id;
        for (k = 0; k < e->graft_count; k++)
            if (e->grafts[k].sheet_id > max_id)
                max_id = e->grafts[k].sheet_id;
        ng = &e->grafts[e->graft_count];
        memset(ng, 0, sizeof *ng);
        ng->name = rg_arena_strdup(&e->arena, name);
        ng->before = g->before;
        ng->sheet_id = max_id + 1;
        ng->part = part;
        ng->order = e->graft_count;
        ng->rid = ed_rels_new_id(e, &e->wbrels);
        if (!ng->name || !ng->rid ||
            !ed_rels_add(e, &e->wbrels, ng->rid, worksheet_type(e, s),
                         ed_relative(e, e->wb_part, part), false))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        e->graft_count++;
        /* names local to it come along */
        pos = (long)(ss - s->sheets);
        for (k = 0; k < s->name_count && st == RAG_OK; k++)
            if (s->names[k].local == pos && s->names[k].formula)
                st = rag_edit_define_name(e, ng->name, s->names[k].name,
                                          s->names[k].formula,
                                          s->names[k].hidden, err);
    }
    return st;
}

/* ---- removing ------------------------------------------------------------- */

static void drop_tree(rag_edit *e, const char *part, int depth)
{
    char *rels_part = ed_rels_name(e, part);
    ed_rels r;
    size_t i;

    ed_drop_part(e, part);
    if (!rels_part || depth > 8)
        return;
    if (ed_rels_read(e->rz, rels_part, &e->arena, &r, NULL) != RAG_OK ||
        !r.exists) {
        ed_rels_free(&r);
        return;
    }
    ed_drop_part(e, rels_part);
    for (i = 0; i < r.count; i++) {
        char *full;
        if (r.r[i].external)
            continue;
        full = ed_resolve(e, part, r.r[i].target);
        if (full && ed_entry(e, full) >= 0)
            drop_tree(e, full, depth + 1);
    }
    ed_rels_free(&r);
}

rag_status rag_edit_remove_sheet(rag_edit *e, size_t pos, rag_error *err)
{
    ed_sheet *s;
    ed_rel *r;

    if (!e || pos >= e->sheet_count || e->sheets[pos].removed)
        return rg_fail(err, RAG_ERR_USAGE, "no sheet at position %zu", pos);
    s = &e->sheets[pos];
    s->removed = true;
    r = ed_rels_find(&e->wbrels, s->rid);
    if (r)
        r->drop = true;
    /* Its drawings, charts and the like go with it: they are its own
     * (ragbook removes only the sheets it made). */
    if (s->part)
        drop_tree(e, s->part, 0);
    return RAG_OK;
}

/* ---- writing a grafted sheet -------------------------------------------- */

typedef struct gw {
    ed_side *s;
    int hold;              /* 1: a shared-string cell */
    rg_buf tag;
    rg_buf v;
    bool in_v;
} gw;

static bool map_style(const ed_side *s, const char *v, char *out, size_t n)
{
    uint32_t i;
    if (!v || !rg_parse_u32(v, &i))
        return false;
    snprintf(out, n, "%u", i < s->xf_count ? s->xf_map[i] : 0);
    return true;
}

/* A start tag with attribute `name` mapped to a target format, `drop`
 * left out, and t="s" turned into t="inlineStr". */
static bool tag_into(rg_buf *b, const ed_side *s, const char *q,
                     const char **a, const char *name, const char *drop,
                     bool inline_str, bool empty)
{
    bool ok = rg_buf_printf(b, "<%s", q);
    for (; ok && a && a[0]; a += 2) {
        char num[24];
        const char *v = a[1];
        if (drop && !strcmp(a[0], drop))
            continue;
        if (name && !strcmp(a[0], name) && map_style(s, v, num, sizeof num))
            v = num;
        if (inline_str && !strcmp(a[0], "t"))
            v = "inlineStr";
        ok = rg_buf_printf(b, " %s=\"", a[0]) &&
             ep_buf_escaped(b, v, strlen(v)) && rg_buf_putc(b, '"');
    }
    return ok && rg_buf_puts(b, empty ? "/>" : ">");
}

static void gw_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    gw *w = ctx;
    uint64_t s, n;
    const char *b;
    bool empty;
    const char *attr = NULL, *drop = NULL;
    bool sst = false;

    ep_span(p, &s, &n);
    if (w->hold) {
        if (!strcmp(l, "v")) {
            w->in_v = true;
            rg_buf_reset(&w->v);
        }
        return;
    }
    b = ep_bytes(p, s, n);
    empty = b && n >= 2 && b[n - 2] == '/';
    if (!strcmp(l, "c")) {
        const char *t = ep_attr(a, "t");
        attr = "s";
        sst = t && !strcmp(t, "s");
    } else if (!strcmp(l, "row")) {
        attr = "s";
    } else if (!strcmp(l, "col")) {
        attr = "style";
    } else if (!strcmp(l, "sheetView")) {
        drop = "tabSelected";
    } else {
        return;
    }
    if (!attr && !ep_attr(a, drop))
        return;
    if (attr && !ep_attr(a, attr) && !sst)
        return;
    ep_copy_to(p, s);
    rg_buf_reset(&w->tag);
    if (!tag_into(&w->tag, w->s, q, a, attr, drop, sst, empty)) {
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    if (sst && !empty) {
        w->hold = 1;
        ep_hold(p, s);
        return;
    }
    ep_emit(p, w->tag.data, w->tag.len);
    ep_skip_to(p, s + n);
}

static void gw_text(ep_pass *p, void *ctx, const char *t, int len)
{
    gw *w = ctx;
    if (w->in_v && !rg_buf_append(&w->v, t, (size_t)len))
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
}

static void gw_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    gw *w = ctx;
    uint64_t s, n;
    uint32_t i = 0;
    char pre[40];

    if (!w->hold)
        return;
    if (!strcmp(l, "v")) {
        w->in_v = false;
        return;
    }
    if (strcmp(l, "c"))
        return;
    ep_span(p, &s, &n);
    ep_prefix(q, pre, sizeof pre - 1);
    if (pre[0])
        strcat(pre, ":");
    ep_emit(p, w->tag.data, w->tag.len);
    ep_puts(p, "<");
    ep_puts(p, pre);
    ep_puts(p, "is>");
    if (w->v.data && rg_parse_u32(w->v.data, &i) && i < w->s->si_count)
        ep_emit(p, w->s->sst.data + w->s->si[2 * i],
                (size_t)(w->s->si[2 * i + 1] - w->s->si[2 * i]));
    ep_puts(p, "</");
    ep_puts(p, pre);
    ep_puts(p, "is></");
    ep_puts(p, q);
    ep_puts(p, ">");
    ep_skip_to(p, s + n);
    ep_release(p);
    w->hold = 0;
}

static int gfeed(void *ctx, const char *data, size_t len)
{
    return ep_feed(ctx, data, len, false) != RAG_OK;
}

rag_status ed_graft_write_sheet(rag_edit *e, const ed_new *n, ez_out *o,
                                rag_error *err)
{
    static const ep_handlers h = {gw_start, gw_end, gw_text};
    gw w;
    ep_pass *p;
    rag_status st;
    (void)e;

    memset(&w, 0, sizeof w);
    w.s = n->side;
    st = ez_begin(o, n->name, EZ_FIXED_DOSDATE, err);
    if (st != RAG_OK)
        return st;
    p = ep_new(&h, &w, ez_write, o, err);
    if (!p)
        return RAG_ERR_NOMEM;
    st = rg_zip_read(w.s->rz, ez_in_name(w.s->zin, n->entry), gfeed, p, err);
    if (st == RAG_OK)
        st = ep_feed(p, "", 0, true);
    ep_free(p);
    rg_buf_free(&w.tag);
    rg_buf_free(&w.v);
    if (st == RAG_OK)
        st = ez_end(o, err);
    return st;
}

const char *ed_side_path(const ed_side *s)
{
    return s->path;
}
