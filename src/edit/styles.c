/*
 * The styles part: new fonts, fills, borders, number formats and cell
 * formats are appended to their lists, so every index the input's cells
 * use stays valid; each list's count is kept equal to its children.  A
 * new element whose bytes equal an element already there (the input's,
 * or one added before) is not added again: editing an edited workbook the
 * same way appends nothing.  The part is small (kilobytes), so it is
 * held in memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit/edit_impl.h"

#define STYLES_MAX (64u << 20)
/* Restyle requests remembered, so a status colour applied to 200,000
 * cells is worked out once per base format. */
#define CACHE_SLOTS 1024

static const char *const list_names[ED_LIST_COUNT] = {
    "numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"};
static const char *const child_names[ED_LIST_COUNT] = {
    "numFmt", "font", "fill", "border", "xf", "dxf"};
/* CT_Stylesheet's order, for a list the part lacks. */
static const char *const sheet_order[] = {
    "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs",
    "cellStyles", "dxfs", "tableStyles", "colors", "extLst", NULL};

typedef struct span {
    uint64_t start, end;
} span;

typedef struct ed_list_state {
    bool present, empty;
    span tag;               /* the list's start tag */
    span *items;            /* children, in the input */
    size_t count, cap;
    rg_buf added;           /* children added, unprefixed */
    size_t *added_at;       /* offsets into added; added_count + 1 */
    size_t added_count, added_cap;
} ed_list_state;

typedef struct numfmt {
    uint32_t id;
    char *code;
} numfmt;

typedef struct cache_slot {
    bool used;
    rag_edit_restyle key;
    uint32_t xf;
} cache_slot;

struct ed_styles {
    rg_buf data;
    bool exists;
    char pre[40];
    ed_list_state l[ED_LIST_COUNT];
    numfmt *fmts;
    size_t fmt_count, fmt_cap;
    uint32_t max_fmt;
    cache_slot cache[CACHE_SLOTS];
    rg_buf tmp, tmp2;
};

/* ---- reading ------------------------------------------------------------ */

static int list_of(const char *l)
{
    int i;
    for (i = 0; i < ED_LIST_COUNT; i++)
        if (!strcmp(list_names[i], l))
            return i;
    return -1;
}

typedef struct sr {
    ed_styles *s;
    int cur;
    rg_arena *arena;
} sr;

static void sr_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    sr *r = ctx;
    ed_styles *s = r->s;
    uint64_t st, n;
    uint32_t d = ep_depth(p);
    ep_span(p, &st, &n);
    if (d == 1) {
        ep_prefix(q, s->pre, sizeof s->pre - 1);
        if (s->pre[0])
            strcat(s->pre, ":");
        return;
    }
    if (d == 2) {
        r->cur = list_of(l);
        if (r->cur >= 0) {
            ed_list_state *ls = &s->l[r->cur];
            const char *b = ep_bytes(p, st, n);
            ls->present = true;
            ls->tag.start = st;
            ls->tag.end = st + n;
            ls->empty = b && n >= 2 && b[n - 2] == '/';
        }
        return;
    }
    if (d == 3 && r->cur >= 0 && !strcmp(l, child_names[r->cur])) {
        ed_list_state *ls = &s->l[r->cur];
        if (!rg_grow((void **)&ls->items, &ls->cap, ls->count + 1,
                     sizeof *ls->items)) {
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        ls->items[ls->count].start = st;
        ls->items[ls->count].end = st + n;
        ls->count++;
        if (r->cur == ED_NUMFMTS) {
            const char *id = ep_attr(a, "numFmtId");
            const char *code = ep_attr(a, "formatCode");
            uint32_t v;
            if (id && code && rg_parse_u32(id, &v) &&
                rg_grow((void **)&s->fmts, &s->fmt_cap, s->fmt_count + 1,
                        sizeof *s->fmts)) {
                s->fmts[s->fmt_count].id = v;
                s->fmts[s->fmt_count].code = rg_arena_strdup(r->arena, code);
                s->fmt_count++;
                if (v > s->max_fmt)
                    s->max_fmt = v;
            }
        }
    }
}

static void sr_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    sr *r = ctx;
    uint64_t st, n;
    uint32_t d = ep_depth(p);
    (void)q;
    ep_span(p, &st, &n);
    if (d == 3 && r->cur >= 0 && !strcmp(l, child_names[r->cur])) {
        ed_list_state *ls = &r->s->l[r->cur];
        if (ls->count && n)
            ls->items[ls->count - 1].end = st + n;
    } else if (d == 2) {
        r->cur = -1;
    }
}

/* A styles part for a workbook that has none: Excel's minimum. */
static const char minimal[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><fonts count=\"1\"><font><sz val=\"11\"/><name "
    "val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill "
    "patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\""
    "/></fill></fills><borders count=\"1\"><border><left/><right/><top/>"
    "<bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf "
    "numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
    "borderId=\"0\" xfId=\"0\"/></cellXfs></styleSheet>";

rag_status ed_styles_load(rg_zip *z, const char *part, rg_arena *arena,
                          ed_styles **out, rag_error *err)
{
    static const ep_handlers h = {sr_start, sr_end, NULL};
    ed_styles *s = rg_calloc(1, sizeof *s);
    rag_status st = RAG_OK;
    ep_pass *p;
    sr r;

    *out = s;
    if (!s)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->max_fmt = 163; /* custom formats start at 164 */
    if (part && rg_zip_find(z, part)) {
        s->exists = true;
        st = rg_zip_slurp(z, rg_zip_find(z, part), &s->data, STYLES_MAX, err);
    } else if (!rg_buf_puts(&s->data, minimal)) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (st != RAG_OK)
        return st;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.cur = -1;
    r.arena = arena;
    p = ep_new(&h, &r, NULL, NULL, err);
    if (!p)
        return RAG_ERR_NOMEM;
    /* keep every byte: item spans point into s->data */
    ep_hold(p, 0);
    st = ep_run(p, s->data.data ? s->data.data : "", s->data.len);
    ep_free(p);
    if (st != RAG_OK)
        rg_error_set_part(err, part);
    return st;
}

/* A workbook without a styles part gains one, at once (not when it is
 * written), so its relationship and entry come before anything grafted
 * later, as they will in the output edited again. */
static rag_status add_styles_part(rag_edit *e, rag_error *err)
{
    ed_new *sn = ed_add_new(e, e->styles_part, ED_NEW_MEMORY);
    bool named = false;
    size_t i;

    for (i = 0; i < e->wbrels.count; i++) {
        size_t k = strlen(e->wbrels.r[i].type);
        named = named || (k >= 7 && !e->wbrels.r[i].drop &&
                          !strcmp(e->wbrels.r[i].type + k - 7, "/styles"));
    }
    if (!sn)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (!named) { /* a relationship to a missing part is kept */
        char *id = ed_rels_new_id(e, &e->wbrels);
        if (!id ||
            !ed_rels_add(e, &e->wbrels, id,
                         "http://schemas.openxmlformats.org/"
                         "officeDocument/2006/relationships/styles",
                         ed_relative(e, e->wb_part, e->styles_part), false))
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (!ed_ct_add(e, e->styles_part, "application/vnd.openxmlformats-"
                   "officedocument.spreadsheetml.styles+xml", false))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return RAG_OK;
}

rag_status ed_styles_read(rag_edit *e, rag_error *err)
{
    /* '@' stands for the part's prefix */
    static const char *const dflt[] = {
        NULL, "<@font><@sz val=\"11\"/><@name val=\"Calibri\"/></@font>",
        "<@fill><@patternFill patternType=\"none\"/></@fill>",
        "<@border><@left/><@right/><@top/><@bottom/><@diagonal/></@border>",
        "<@xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"};
    rag_status st;
    int k;

    if (!e->styles_part)
        e->styles_part = rg_arena_strdup(&e->arena, "xl/styles.xml");
    st = ed_styles_load(e->rz, ed_entry(e, e->styles_part) >= 0
                                   ? e->styles_part : NULL,
                        &e->arena, &e->styles, err);
    /* A styles part with no cell formats (some writers leave it empty):
     * format 0 is made, with a font, fill and border of its own when
     * those lists are empty too, so cells can be given styles. */
    for (k = ED_FONTS; st == RAG_OK && k <= ED_CELLXFS &&
                       !e->styles->l[ED_CELLXFS].count;
         k++) {
        const char *p = e->styles->pre;
        uint32_t ix;
        if (e->styles->l[k].count + e->styles->l[k].added_count)
            continue;
        {
        const char *t;
        rg_buf_reset(&e->styles->tmp2);
        for (t = dflt[k]; *t; t++)
            if (!(*t == '@' ? rg_buf_puts(&e->styles->tmp2, p)
                            : rg_buf_putc(&e->styles->tmp2, *t)))
                return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
        st = ed_styles_intern(e, (ed_list)k, e->styles->tmp2.data,
                              e->styles->tmp2.len, &ix, err);
    }
    if (st == RAG_OK && !e->styles->exists)
        st = add_styles_part(e, err);
    return st;
}

bool ed_styles_exists(const ed_styles *s)
{
    return s->exists;
}

/* Map every cell format of side into e's styles (appending what is new);
 * *map[i] is the target index of side format i. */
rag_status ed_styles_graft(rag_edit *e, ed_styles *side, uint32_t **map,
                           size_t *count, rag_error *err);

void ed_styles_free(ed_styles *s)
{
    int i;
    if (!s)
        return;
    for (i = 0; i < ED_LIST_COUNT; i++) {
        rg_free(s->l[i].items);
        rg_free(s->l[i].added_at);
        rg_buf_free(&s->l[i].added);
    }
    rg_free(s->fmts);
    rg_buf_free(&s->data);
    rg_buf_free(&s->tmp);
    rg_buf_free(&s->tmp2);
    rg_free(s);
}

uint32_t ed_styles_xf_count(const ed_styles *s)
{
    const ed_list_state *l = s ? &s->l[ED_CELLXFS] : NULL;
    return l ? (uint32_t)(l->count + l->added_count) : 0;
}

bool ed_styles_changed(const ed_styles *s)
{
    int i;
    for (i = 0; i < ED_LIST_COUNT; i++)
        if (s->l[i].added_count)
            return true;
    return !s->exists;
}

/* ---- interning ------------------------------------------------------------ */

/* Element i of list k, unprefixed for added ones, as in the file for the
 * input's. */
static const char *item(const ed_styles *s, int k, size_t i, size_t *len)
{
    const ed_list_state *l = &s->l[k];
    if (i < l->count) {
        *len = (size_t)(l->items[i].end - l->items[i].start);
        return s->data.data + l->items[i].start;
    }
    i -= l->count;
    *len = l->added_at[i + 1] - l->added_at[i];
    return l->added.data + l->added_at[i];
}

rag_status ed_styles_intern(rag_edit *e, ed_list kind, const char *xml,
                            size_t len, uint32_t *index, rag_error *err)
{
    ed_styles *s = e->styles;
    ed_list_state *l = &s->l[kind];
    size_t i, n = l->count + l->added_count;

    for (i = 0; i < n; i++) {
        size_t il;
        const char *b = item(s, (int)kind, i, &il);
        if (il == len && !memcmp(b, xml, len)) {
            *index = (uint32_t)i;
            return RAG_OK;
        }
    }
    if (!l->added_at) {
        l->added_at = rg_calloc(8, sizeof *l->added_at);
        if (!l->added_at)
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        l->added_cap = 8;
    }
    if (!rg_grow((void **)&l->added_at, &l->added_cap, l->added_count + 2,
                 sizeof *l->added_at) ||
        !rg_buf_append(&l->added, xml, len))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    l->added_at[l->added_count + 1] = l->added.len;
    l->added_count++;
    *index = (uint32_t)n;
    return RAG_OK;
}

rag_status ed_styles_numfmt(rag_edit *e, const char *code, uint32_t *id,
                            rag_error *err)
{
    ed_styles *s = e->styles;
    rg_buf *b = &s->tmp2;
    size_t i;
    uint32_t ix;
    rag_status st;

    for (i = 0; i < s->fmt_count; i++)
        if (s->fmts[i].code && !strcmp(s->fmts[i].code, code)) {
            *id = s->fmts[i].id;
            return RAG_OK;
        }
    for (i = 0; i < 50; i++) {
        const char *bi = rag_numfmt_builtin((uint32_t)i);
        if (bi && !strcmp(bi, code)) {
            *id = (uint32_t)i;
            return RAG_OK;
        }
    }
    rg_buf_reset(b);
    if (!rg_buf_printf(b, "<%snumFmt numFmtId=\"%u\" formatCode=\"", s->pre,
                       s->max_fmt + 1) ||
        !ep_buf_escaped(b, code, strlen(code)) || !rg_buf_puts(b, "\"/>"))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    st = ed_styles_intern(e, ED_NUMFMTS, b->data, b->len, &ix, err);
    if (st != RAG_OK)
        return st;
    if (!rg_grow((void **)&s->fmts, &s->fmt_cap, s->fmt_count + 1,
                 sizeof *s->fmts))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->fmts[s->fmt_count].id = ++s->max_fmt;
    s->fmts[s->fmt_count].code = rg_arena_strdup(&e->arena, code);
    s->fmt_count++;
    *id = s->max_fmt;
    return RAG_OK;
}

/* ---- taking an element apart ------------------------------------------- */

/* An element as its start tag's attributes and its children's bytes. */
typedef struct parts {
    char *q;                 /* its qualified name */
    char **attrs;            /* name, value, ..., NULL */
    size_t attr_count;
    span kids[32];           /* children (offsets into the element) */
    char *kid_names[32];     /* their local names */
    size_t kid_count;
    char **kid_attrs[32];    /* attributes of each child */
    rg_arena arena;
} parts;

typedef struct pp {
    parts *x;
} pp;

static char **copy_attrs(rg_arena *a, const char **src)
{
    size_t n = 0, i;
    char **out;
    while (src && src[n])
        n++;
    out = rg_arena_alloc(a, (n + 1) * sizeof *out);
    if (!out)
        return NULL;
    for (i = 0; i < n; i++)
        if (!(out[i] = rg_arena_strdup(a, src[i])))
            return NULL;
    out[n] = NULL;
    return out;
}

static void pp_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    parts *x = ((pp *)ctx)->x;
    uint64_t s, n;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 1) {
        x->q = rg_arena_strdup(&x->arena, q);
        x->attrs = copy_attrs(&x->arena, a);
        if (!x->q || !x->attrs)
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    if (ep_depth(p) == 2 && x->kid_count < 32) {
        size_t k = x->kid_count++;
        x->kids[k].start = s;
        x->kids[k].end = s + n;
        x->kid_names[k] = rg_arena_strdup(&x->arena, l);
        x->kid_attrs[k] = copy_attrs(&x->arena, a);
        if (!x->kid_names[k] || !x->kid_attrs[k])
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
    }
}

static void pp_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    parts *x = ((pp *)ctx)->x;
    uint64_t s, n;
    (void)q;
    (void)l;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 2 && x->kid_count && n)
        x->kids[x->kid_count - 1].end = s + n;
}

static rag_status take_apart(const char *xml, size_t len, parts *x,
                             rag_error *err)
{
    static const ep_handlers h = {pp_start, pp_end, NULL};
    pp c;
    ep_pass *p;
    rag_status st;

    memset(x, 0, sizeof *x);
    rg_arena_init(&x->arena, 0);
    c.x = x;
    p = ep_new(&h, &c, NULL, NULL, err);
    if (!p)
        return RAG_ERR_NOMEM;
    ep_hold(p, 0);
    st = ep_run(p, xml, len);
    ep_free(p);
    return st;
}

static const char *get(char **a, const char *name)
{
    for (; a && a[0]; a += 2)
        if (!strcmp(a[0], name))
            return a[1];
    return NULL;
}

/* Attributes of a, with `set` (name, value pairs; a NULL value removes)
 * applied in place or added at the end. */
static bool put_attrs(rg_buf *b, char **a, const char *const *set, size_t n)
{
    size_t i;
    bool *used = n ? rg_calloc(n, sizeof *used) : NULL;
    bool ok = !n || used;
    for (; ok && a && a[0]; a += 2) {
        const char *v = a[1];
        bool skip = false;
        for (i = 0; i < n; i++)
            if (!strcmp(set[2 * i], a[0])) {
                used[i] = true;
                v = set[2 * i + 1];
                skip = !v;
            }
        if (!skip)
            ok = rg_buf_printf(b, " %s=\"", a[0]) &&
                 ep_buf_escaped(b, v, strlen(v)) && rg_buf_putc(b, '"');
    }
    for (i = 0; ok && i < n; i++)
        if (!used[i] && set[2 * i + 1])
            ok = rg_buf_printf(b, " %s=\"%s\"", set[2 * i], set[2 * i + 1]);
    rg_free(used);
    return ok;
}

/* ---- restyling ------------------------------------------------------------ */

static bool same_key(const rag_edit_restyle *a, const rag_edit_restyle *b)
{
    return a->base == b->base && a->changes == b->changes &&
           a->fill == b->fill && a->font_color == b->font_color &&
           a->font_size == b->font_size && a->bold == b->bold &&
           a->wrap == b->wrap && a->halign == b->halign;
}

static size_t key_slot(const rag_edit_restyle *r)
{
    uint64_t h = r->base * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)r->changes * 31 + r->fill * 7 + r->font_color * 13 +
         (uint64_t)(r->font_size * 8) + (r->bold ? 5 : 0) +
         (r->wrap ? 11 : 0) + (uint64_t)r->halign * 17;
    h *= 0xBF58476D1CE4E5B9ull;
    return (size_t)(h >> 40) % CACHE_SLOTS;
}

static const char *const halign_words[] = {
    "general", "left", "center", "right", "fill", "justify",
    "centerContinuous", "distributed"};

static rag_status new_font(rag_edit *e, const rag_edit_restyle *r,
                           uint32_t font_id, uint32_t *out, rag_error *err)
{
    ed_styles *s = e->styles;
    size_t len, k;
    const char *b;
    parts x;
    rg_buf *o = &s->tmp;
    rag_status st;
    bool ok;
    char col[24], sz[40];

    if (font_id >= s->l[ED_FONTS].count + s->l[ED_FONTS].added_count)
        font_id = 0;
    b = item(s, ED_FONTS, font_id, &len);
    st = take_apart(b, len, &x, err);
    if (st != RAG_OK) {
        rg_arena_free(&x.arena);
        return st;
    }
    snprintf(col, sizeof col, "FF%06X", r->font_color & 0xFFFFFFu);
    rg_format_double(r->font_size, sz, sizeof sz);
    rg_buf_reset(o);
    ok = rg_buf_printf(o, "<%sfont>", s->pre);
    for (k = 0; ok && k < x.kid_count; k++) {
        const char *n = x.kid_names[k];
        if (((r->changes & RAG_RESTYLE_FONT_COLOR) && !strcmp(n, "color")) ||
            ((r->changes & RAG_RESTYLE_FONT_SIZE) && !strcmp(n, "sz")) ||
            ((r->changes & RAG_RESTYLE_BOLD) && !strcmp(n, "b")))
            continue;
        ok = rg_buf_append(o, b + x.kids[k].start,
                           (size_t)(x.kids[k].end - x.kids[k].start));
    }
    /* CT_Font is a choice of any order: new children go at the end */
    if (ok && (r->changes & RAG_RESTYLE_BOLD) && r->bold)
        ok = rg_buf_printf(o, "<%sb/>", s->pre);
    if (ok && (r->changes & RAG_RESTYLE_FONT_SIZE))
        ok = rg_buf_printf(o, "<%ssz val=\"%s\"/>", s->pre, sz);
    if (ok && (r->changes & RAG_RESTYLE_FONT_COLOR))
        ok = rg_buf_printf(o, "<%scolor rgb=\"%s\"/>", s->pre, col);
    if (ok)
        ok = rg_buf_printf(o, "</%sfont>", s->pre);
    rg_arena_free(&x.arena);
    if (!ok)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return ed_styles_intern(e, ED_FONTS, o->data, o->len, out, err);
}

static rag_status solid_fill(rag_edit *e, uint32_t rgb, uint32_t *out,
                             rag_error *err)
{
    ed_styles *s = e->styles;
    rg_buf *o = &s->tmp;
    rg_buf_reset(o);
    if (!rg_buf_printf(o, "<%sfill><%spatternFill patternType=\"solid\">"
                       "<%sfgColor rgb=\"FF%06X\"/><%sbgColor indexed=\"64\"/>"
                       "</%spatternFill></%sfill>", s->pre, s->pre, s->pre,
                       rgb & 0xFFFFFFu, s->pre, s->pre, s->pre))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return ed_styles_intern(e, ED_FILLS, o->data, o->len, out, err);
}

rag_status rag_edit_restyle_add(rag_edit *e, const rag_edit_restyle *r,
                                uint32_t *out, rag_error *err)
{
    ed_styles *s;
    size_t slot, len, k;
    const char *b;
    parts x;
    rg_buf o = {0};
    rag_status st = RAG_OK;
    char font_id[16], fill_id[16];
    const char *set[12];
    size_t nset = 0;
    bool ok, has_align = false;
    uint32_t fid = 0;

    if (!e || !r || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no style to change");
    s = e->styles;
    if (r->base >= ed_styles_xf_count(s))
        return rg_fail(err, RAG_ERR_USAGE, "no cell format %u", r->base);
    slot = key_slot(r);
    if (s->cache[slot].used && same_key(&s->cache[slot].key, r)) {
        *out = s->cache[slot].xf;
        return RAG_OK;
    }
    b = item(s, ED_CELLXFS, r->base, &len);
    /* item() points into memory that interning may move: copy it */
    if (!rg_buf_append(&o, b, len))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    st = take_apart(o.data, o.len, &x, err);
    if (st != RAG_OK)
        goto done;
    if (r->changes & (RAG_RESTYLE_FONT_COLOR | RAG_RESTYLE_FONT_SIZE |
                      RAG_RESTYLE_BOLD)) {
        const char *f = get(x.attrs, "fontId");
        uint32_t base_font = 0;
        if (f)
            rg_parse_u32(f, &base_font);
        st = new_font(e, r, base_font, &fid, err);
        if (st != RAG_OK)
            goto done;
        snprintf(font_id, sizeof font_id, "%u", fid);
        set[nset++] = "fontId";
        set[nset++] = font_id;
        set[nset++] = "applyFont";
        set[nset++] = "1";
    }
    if (r->changes & RAG_RESTYLE_FILL) {
        st = solid_fill(e, r->fill, &fid, err);
        if (st != RAG_OK)
            goto done;
        snprintf(fill_id, sizeof fill_id, "%u", fid);
        set[nset++] = "fillId";
        set[nset++] = fill_id;
        set[nset++] = "applyFill";
        set[nset++] = "1";
    }
    if (r->changes & (RAG_RESTYLE_HALIGN | RAG_RESTYLE_WRAP)) {
        set[nset++] = "applyAlignment";
        set[nset++] = "1";
    }
    {
        rg_buf *t = &s->tmp;
        const char *aset[4];
        size_t an = 0;
        rg_buf_reset(t);
        ok = rg_buf_printf(t, "<%s", x.q) && put_attrs(t, x.attrs, set,
                                                       nset / 2);
        if ((r->changes & RAG_RESTYLE_HALIGN) &&
            (unsigned)r->halign < sizeof halign_words / sizeof *halign_words) {
            aset[an++] = "horizontal";
            aset[an++] = halign_words[r->halign];
        }
        if (r->changes & RAG_RESTYLE_WRAP) {
            aset[an++] = "wrapText";
            aset[an++] = r->wrap ? "1" : NULL;
        }
        ok = ok && rg_buf_putc(t, '>');
        for (k = 0; ok && k < x.kid_count; k++) {
            if (an && !strcmp(x.kid_names[k], "alignment")) {
                char aq[64];
                has_align = true;
                snprintf(aq, sizeof aq, "%salignment", s->pre);
                ok = rg_buf_printf(t, "<%s", aq) &&
                     put_attrs(t, x.kid_attrs[k], aset, an / 2) &&
                     rg_buf_puts(t, "/>");
                continue;
            }
            if (an && !has_align && strcmp(x.kid_names[k], "alignment")) {
                has_align = true; /* alignment comes first in CT_Xf */
                ok = rg_buf_printf(t, "<%salignment", s->pre) &&
                     put_attrs(t, NULL, aset, an / 2) && rg_buf_puts(t, "/>");
            }
            ok = ok && rg_buf_append(t, o.data + x.kids[k].start,
                                     (size_t)(x.kids[k].end -
                                              x.kids[k].start));
        }
        if (ok && an && !has_align)
            ok = rg_buf_printf(t, "<%salignment", s->pre) &&
                 put_attrs(t, NULL, aset, an / 2) && rg_buf_puts(t, "/>");
        ok = ok && rg_buf_printf(t, "</%s>", x.q);
        if (!ok) {
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            goto done;
        }
        rg_buf_reset(&o);
        if (!rg_buf_append(&o, t->data, t->len)) {
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            goto done;
        }
        st = ed_styles_intern(e, ED_CELLXFS, o.data, o.len, out, err);
    }
    if (st == RAG_OK) {
        s->cache[slot].used = true;
        s->cache[slot].key = *r;
        s->cache[slot].xf = *out;
    }
done:
    rg_arena_free(&x.arena);
    rg_buf_free(&o);
    return st;
}

/* ---- writing -------------------------------------------------------------- */

typedef struct swr {
    ed_styles *s;
    bool seen[ED_LIST_COUNT];
    bool root_closed;
} swr;

static void put_list(ep_pass *p, const ed_styles *s, int k)
{
    const ed_list_state *l = &s->l[k];
    char num[128];
    snprintf(num, sizeof num, "<%s%s count=\"%zu\">", s->pre, list_names[k],
             l->added_count);
    ep_puts(p, num);
    ep_emit(p, l->added.data, l->added.len);
    ep_puts(p, "</");
    ep_puts(p, s->pre);
    ep_puts(p, list_names[k]);
    ep_puts(p, ">");
}

static int sheet_rank(const char *l)
{
    int i;
    for (i = 0; sheet_order[i]; i++)
        if (!strcmp(sheet_order[i], l))
            return i;
    return -1;
}

/* Lists the part lacks that go before an element of rank r. */
static void put_missing(ep_pass *p, swr *w, int r)
{
    int k;
    for (k = 0; k < ED_LIST_COUNT; k++)
        if (!w->s->l[k].present && !w->seen[k] && w->s->l[k].added_count &&
            sheet_rank(list_names[k]) < r) {
            w->seen[k] = true;
            put_list(p, w->s, k);
        }
}

static void sw2_start(ep_pass *p, void *ctx, const char *q, const char *l,
                      const char **a)
{
    swr *w = ctx;
    ed_styles *s = w->s;
    uint64_t st, n;
    int k;
    ep_span(p, &st, &n);
    if (ep_depth(p) == 1) {
        const char *b = ep_bytes(p, st, n);
        if (b && n >= 2 && b[n - 2] == '/') {
            /* <styleSheet/>: opened, filled, closed */
            ep_copy_to(p, st);
            ep_emit(p, b, (size_t)n - 2);
            ep_puts(p, ">");
            put_missing(p, w, 1000);
            ep_puts(p, "</");
            ep_puts(p, q);
            ep_puts(p, ">");
            ep_skip_to(p, st + n);
            w->root_closed = true;
        }
        return;
    }
    if (ep_depth(p) != 2)
        return;
    ep_copy_to(p, st);
    put_missing(p, w, sheet_rank(l) < 0 ? 1000 : sheet_rank(l));
    k = list_of(l);
    if (k < 0)
        return;
    w->seen[k] = true;
    if (!s->l[k].added_count)
        return;
    {
        const ed_list_state *ls = &s->l[k];
        const char *cnt = ep_attr(a, "count");
        char num[32];
        const char **x;
        snprintf(num, sizeof num, "%zu", ls->count + ls->added_count);
        ep_puts(p, "<");
        ep_puts(p, q);
        for (x = a; x && x[0]; x += 2) {
            ep_puts(p, " ");
            ep_puts(p, x[0]);
            ep_puts(p, "=\"");
            if (!strcmp(x[0], "count"))
                ep_puts(p, num);
            else
                ep_escaped(p, x[1], strlen(x[1]));
            ep_puts(p, "\"");
        }
        (void)cnt;
        ep_puts(p, ">");
        if (ls->empty) {
            ep_emit(p, ls->added.data, ls->added.len);
            ep_puts(p, "</");
            ep_puts(p, q);
            ep_puts(p, ">");
        }
        ep_skip_to(p, st + n);
    }
}

static void sw2_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    swr *w = ctx;
    uint64_t st, n;
    int k;
    (void)q;
    ep_span(p, &st, &n);
    if (ep_depth(p) == 1) {
        if (w->root_closed)
            return;
        ep_copy_to(p, st);
        put_missing(p, w, 1000);
        return;
    }
    if (ep_depth(p) != 2 || !n)
        return;
    k = list_of(l);
    if (k < 0 || !w->s->l[k].added_count)
        return;
    ep_copy_to(p, st);
    ep_emit(p, w->s->l[k].added.data, w->s->l[k].added.len);
}

rag_status ed_styles_write(rag_edit *e, ez_out *o, unsigned long dosdate,
                           rag_error *err)
{
    static const ep_handlers h = {sw2_start, sw2_end, NULL};
    swr w;

    memset(&w, 0, sizeof w);
    w.s = e->styles;
    return ed_patch_entry(o, e->styles_part, dosdate, &h, &w,
                          w.s->data.data, w.s->data.len, err);
}

/* ---- a whole style --------------------------------------------------------- */

static const char *const border_words[] = {
    "none", "thin", "medium", "dashed", "dotted", "thick", "double", "hair",
    "mediumDashed", "dashDot", "mediumDashDot", "dashDotDot",
    "mediumDashDotDot", "slantDashDot"};
static const char *const pattern_words[] = {
    "none", "solid", "mediumGray", "darkGray", "lightGray",
    "darkHorizontal", "darkVertical", "darkDown", "darkUp", "darkGrid",
    "darkTrellis", "lightHorizontal", "lightVertical", "lightDown",
    "lightUp", "lightGrid", "lightTrellis", "gray125", "gray0625"};
static const char *const valign_words[] = {"bottom", "top", "center",
                                           "justify", "distributed"};

static bool side(rg_buf *b, const char *pre, const char *name,
                 const rag_border_side *sd)
{
    if (!sd->style || sd->style >= 14)
        return rg_buf_printf(b, "<%s%s/>", pre, name);
    if (!rg_buf_printf(b, "<%s%s style=\"%s\">", pre, name,
                       border_words[sd->style]))
        return false;
    if (sd->color != RAG_NO_COLOR &&
        !rg_buf_printf(b, "<%scolor rgb=\"FF%06X\"/>", pre,
                       sd->color & 0xFFFFFFu))
        return false;
    if (sd->color == RAG_NO_COLOR &&
        !rg_buf_printf(b, "<%scolor indexed=\"64\"/>", pre))
        return false;
    return rg_buf_printf(b, "</%s%s>", pre, name);
}

rag_status rag_edit_style_add(rag_edit *e, const rag_style *st,
                              uint32_t *out, rag_error *err)
{
    ed_styles *s;
    rg_buf b = {0};
    uint32_t font, fill, border, fmt = 0;
    rag_status rs = RAG_OK;
    const char *pre;
    bool ok;
    char sz[40];
    bool align;

    if (!e || !st || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no style to add");
    s = e->styles;
    pre = s->pre;
    /* font: children in Excel's order */
    ok = rg_buf_printf(&b, "<%sfont>", pre) &&
         (!st->font.bold || rg_buf_printf(&b, "<%sb/>", pre)) &&
         (!st->font.italic || rg_buf_printf(&b, "<%si/>", pre)) &&
         (!st->font.strike || rg_buf_printf(&b, "<%sstrike/>", pre)) &&
         (!st->font.underline ||
          rg_buf_printf(&b, "<%su%s/>", pre,
                        st->font.underline == 2    ? " val=\"double\""
                        : st->font.underline == 33 ? " val=\"singleAccounting\""
                        : st->font.underline == 34 ? " val=\"doubleAccounting\""
                                                   : "")) &&
         (!st->font.script ||
          rg_buf_printf(&b, "<%svertAlign val=\"%s\"/>", pre,
                        st->font.script == 1 ? "superscript" : "subscript"));
    rg_format_double(st->font.size > 0 ? st->font.size : 11, sz, sizeof sz);
    ok = ok && rg_buf_printf(&b, "<%ssz val=\"%s\"/>", pre, sz);
    if (ok && st->font.color != RAG_NO_COLOR)
        ok = rg_buf_printf(&b, "<%scolor rgb=\"FF%06X\"/>", pre,
                           st->font.color & 0xFFFFFFu);
    ok = ok && rg_buf_printf(&b, "<%sname val=\"", pre) &&
         ep_buf_escaped(&b, st->font.name ? st->font.name : "Calibri",
                        strlen(st->font.name ? st->font.name : "Calibri")) &&
         rg_buf_puts(&b, "\"/>");
    if (ok && st->font.family)
        ok = rg_buf_printf(&b, "<%sfamily val=\"%u\"/>", pre, st->font.family);
    ok = ok && rg_buf_printf(&b, "</%sfont>", pre);
    if (!ok)
        goto nomem;
    rs = ed_styles_intern(e, ED_FONTS, b.data, b.len, &font, err);
    if (rs != RAG_OK)
        goto done;
    /* fill */
    rg_buf_reset(&b);
    if (st->pattern == RAG_PATTERN_NONE || st->pattern > RAG_PATTERN_GRAY_0625) {
        ok = rg_buf_printf(&b, "<%sfill><%spatternFill patternType=\"none\"/>"
                           "</%sfill>", pre, pre, pre);
    } else {
        ok = rg_buf_printf(&b, "<%sfill><%spatternFill patternType=\"%s\">",
                           pre, pre, pattern_words[st->pattern]);
        if (ok && st->fill_fg != RAG_NO_COLOR)
            ok = rg_buf_printf(&b, "<%sfgColor rgb=\"FF%06X\"/>", pre,
                               st->fill_fg & 0xFFFFFFu);
        if (ok)
            ok = st->fill_bg != RAG_NO_COLOR
                     ? rg_buf_printf(&b, "<%sbgColor rgb=\"FF%06X\"/>", pre,
                                     st->fill_bg & 0xFFFFFFu)
                     : rg_buf_printf(&b, "<%sbgColor indexed=\"64\"/>", pre);
        ok = ok && rg_buf_printf(&b, "</%spatternFill></%sfill>", pre, pre);
    }
    if (!ok)
        goto nomem;
    rs = ed_styles_intern(e, ED_FILLS, b.data, b.len, &fill, err);
    if (rs != RAG_OK)
        goto done;
    /* border */
    rg_buf_reset(&b);
    ok = rg_buf_printf(&b, "<%sborder%s%s>", pre,
                       st->diagonal_up ? " diagonalUp=\"1\"" : "",
                       st->diagonal_down ? " diagonalDown=\"1\"" : "") &&
         side(&b, pre, "left", &st->left) &&
         side(&b, pre, "right", &st->right) &&
         side(&b, pre, "top", &st->top) &&
         side(&b, pre, "bottom", &st->bottom) &&
         side(&b, pre, "diagonal", &st->diagonal) &&
         rg_buf_printf(&b, "</%sborder>", pre);
    if (!ok)
        goto nomem;
    rs = ed_styles_intern(e, ED_BORDERS, b.data, b.len, &border, err);
    if (rs != RAG_OK)
        goto done;
    if (st->numfmt && *st->numfmt) {
        rs = ed_styles_numfmt(e, st->numfmt, &fmt, err);
        if (rs != RAG_OK)
            goto done;
    } else if (st->numfmt_id < 164 && rag_numfmt_builtin(st->numfmt_id)) {
        fmt = st->numfmt_id;
    }
    /* the cell format */
    rg_buf_reset(&b);
    align = st->halign || st->valign || st->wrap || st->shrink ||
            st->indent || st->rotation;
    ok = rg_buf_printf(&b, "<%sxf numFmtId=\"%u\" fontId=\"%u\" fillId=\"%u\" "
                       "borderId=\"%u\" xfId=\"0\"%s%s%s%s%s%s%s>", pre, fmt,
                       font, fill, border,
                       st->quote_prefix ? " quotePrefix=\"1\"" : "",
                       fmt ? " applyNumberFormat=\"1\"" : "",
                       " applyFont=\"1\"",
                       fill > 1 ? " applyFill=\"1\"" : "",
                       border ? " applyBorder=\"1\"" : "",
                       align ? " applyAlignment=\"1\"" : "",
                       !st->locked || st->hidden ? " applyProtection=\"1\""
                                                 : "");
    if (ok && align) {
        ok = rg_buf_printf(&b, "<%salignment", pre);
        if (ok && st->halign && (unsigned)st->halign < 8)
            ok = rg_buf_printf(&b, " horizontal=\"%s\"",
                               halign_words[st->halign]);
        if (ok && st->valign && (unsigned)st->valign < 5)
            ok = rg_buf_printf(&b, " vertical=\"%s\"",
                               valign_words[st->valign]);
        if (ok && st->rotation)
            ok = rg_buf_printf(&b, " textRotation=\"%d\"", st->rotation);
        if (ok && st->wrap)
            ok = rg_buf_puts(&b, " wrapText=\"1\"");
        if (ok && st->indent)
            ok = rg_buf_printf(&b, " indent=\"%u\"", st->indent);
        if (ok && st->shrink)
            ok = rg_buf_puts(&b, " shrinkToFit=\"1\"");
        ok = ok && rg_buf_puts(&b, "/>");
    }
    if (ok && (!st->locked || st->hidden))
        ok = rg_buf_printf(&b, "<%sprotection%s%s/>", pre,
                           st->locked ? "" : " locked=\"0\"",
                           st->hidden ? " hidden=\"1\"" : "");
    ok = ok && rg_buf_printf(&b, "</%sxf>", pre);
    if (!ok)
        goto nomem;
    rs = ed_styles_intern(e, ED_CELLXFS, b.data, b.len, out, err);
    goto done;
nomem:
    rs = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
done:
    rg_buf_free(&b);
    return rs;
}

/* ---- a side workbook's formats ------------------------------------------- */

static rag_status map_item(rag_edit *e, ed_styles *side, int k,
                           const char *id, char *out, size_t size,
                           rag_error *err)
{
    uint32_t i = 0, t;
    size_t len;
    const char *b;
    rg_buf copy = {0};
    rag_status st;

    if (!id || !rg_parse_u32(id, &i) ||
        i >= side->l[k].count + side->l[k].added_count)
        i = 0;
    if (!side->l[k].count) {
        snprintf(out, size, "0");
        return RAG_OK;
    }
    b = item(side, k, i, &len);
    if (!rg_buf_append(&copy, b, len))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    st = ed_styles_intern(e, (ed_list)k, copy.data, copy.len, &t, err);
    rg_buf_free(&copy);
    snprintf(out, size, "%u", t);
    return st;
}

rag_status ed_styles_graft(rag_edit *e, ed_styles *side, uint32_t **map,
                           size_t *count, rag_error *err)
{
    size_t n = side->l[ED_CELLXFS].count, i, k;
    uint32_t *m = rg_calloc(n ? n : 1, sizeof *m);
    rag_status st = RAG_OK;

    *map = m;
    *count = n;
    if (!m)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < n && st == RAG_OK; i++) {
        size_t len;
        const char *b = item(side, ED_CELLXFS, i, &len);
        parts x;
        char font[16], fill[16], border[16], fmt[16];
        const char *set[10];
        rg_buf o = {0};
        bool ok;

        st = take_apart(b, len, &x, err);
        if (st == RAG_OK)
            st = map_item(e, side, ED_FONTS, get(x.attrs, "fontId"), font,
                          sizeof font, err);
        if (st == RAG_OK)
            st = map_item(e, side, ED_FILLS, get(x.attrs, "fillId"), fill,
                          sizeof fill, err);
        if (st == RAG_OK)
            st = map_item(e, side, ED_BORDERS, get(x.attrs, "borderId"),
                          border, sizeof border, err);
        snprintf(fmt, sizeof fmt, "%s",
                 get(x.attrs, "numFmtId") ? get(x.attrs, "numFmtId") : "0");
        if (st == RAG_OK) {
            uint32_t id = 0, nid;
            size_t f;
            if (rg_parse_u32(fmt, &id) && id >= 164)
                for (f = 0; f < side->fmt_count; f++)
                    if (side->fmts[f].id == id && side->fmts[f].code) {
                        st = ed_styles_numfmt(e, side->fmts[f].code, &nid,
                                              err);
                        snprintf(fmt, sizeof fmt, "%u", nid);
                        break;
                    }
        }
        if (st != RAG_OK) {
            rg_arena_free(&x.arena);
            break;
        }
        set[0] = "fontId"; set[1] = font;
        set[2] = "fillId"; set[3] = fill;
        set[4] = "borderId"; set[5] = border;
        set[6] = "numFmtId"; set[7] = fmt;
        set[8] = "xfId"; set[9] = "0";
        ok = rg_buf_printf(&o, "<%sxf", e->styles->pre) &&
             put_attrs(&o, x.attrs, set, 5) && rg_buf_putc(&o, '>');
        for (k = 0; ok && k < x.kid_count; k++)
            ok = rg_buf_printf(&o, "%s", e->styles->pre[0] ? "" : "") &&
                 rg_buf_append(&o, b + x.kids[k].start,
                               (size_t)(x.kids[k].end - x.kids[k].start));
        ok = ok && rg_buf_printf(&o, "</%sxf>", e->styles->pre);
        st = ok ? ed_styles_intern(e, ED_CELLXFS, o.data, o.len, &m[i], err)
                : rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        rg_buf_free(&o);
        rg_arena_free(&x.arena);
    }
    return st;
}
