/*
 * The package's bookkeeping: [Content_Types].xml and relationship parts,
 * read into lists and written back by copying the input's bytes, leaving
 * out what was dropped and adding new entries before the closing tag.
 */
#include <stdio.h>
#include <string.h>

#include "edit/edit_impl.h"

/* Content-type and rels parts are small; past this they are hostile. */
#define SMALL_PART_MAX (64u << 20)

/* ---- content types ---------------------------------------------------- */

typedef struct ct_read {
    rg_arena *arena;
    ed_ct_entry *list;
    size_t count, cap;
    bool nomem;
} ct_read;

static void ct_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    ct_read *c = ctx;
    const char *key, *type;
    bool ov = !strcmp(l, "Override");
    ed_ct_entry *e;
    (void)q;

    if (!ov && strcmp(l, "Default"))
        return;
    key = ep_attr(a, ov ? "PartName" : "Extension");
    type = ep_attr(a, "ContentType");
    if (!key || !type)
        return;
    if (!rg_grow((void **)&c->list, &c->cap, c->count + 1, sizeof *c->list)) {
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    e = &c->list[c->count++];
    memset(e, 0, sizeof *e);
    e->key = rg_arena_strdup(c->arena, ov && key[0] == '/' ? key + 1 : key);
    e->type = rg_arena_strdup(c->arena, type);
    e->override = ov;
    if (!e->key || !e->type)
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
}

rag_status ed_ct_parse(const char *data, size_t len, rg_arena *arena,
                       ed_ct_entry **out, size_t *count, rag_error *err)
{
    static const ep_handlers h = {ct_start, NULL, NULL};
    ct_read c;
    rag_status st;

    memset(&c, 0, sizeof c);
    c.arena = arena;
    st = ep_pass_buffer(&h, &c, NULL, NULL, data, len, err);
    if (st != RAG_OK) {
        rg_free(c.list);
        return st;
    }
    *out = c.list;
    *count = c.count;
    return RAG_OK;
}

rag_status ed_ct_read(rag_edit *e, rag_error *err)
{
    rag_status st;
    rg_buf b = {0};
    const char *name = rg_zip_find(e->rz, "[Content_Types].xml");

    if (!name)
        return rg_fail(err, RAG_ERR_FORMAT, "not an XLSX file: the zip has "
                       "no [Content_Types].xml");
    e->ct_part = rg_arena_strdup(&e->arena, name);
    st = rg_zip_slurp(e->rz, name, &b, SMALL_PART_MAX, err);
    if (st == RAG_OK)
        st = ed_ct_parse(b.data ? b.data : "", b.len, &e->arena, &e->ct,
                         &e->ct_count, err);
    e->ct_cap = e->ct_count;
    rg_buf_free(&b);
    return st;
}

static const char *ext_of(const char *part)
{
    const char *dot = strrchr(part, '.');
    const char *slash = strrchr(part, '/');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

const char *ed_ct_type(const ed_ct_entry *ct, size_t count, const char *part)
{
    size_t i;
    const char *ext = ext_of(part);
    for (i = 0; i < count; i++)
        if (ct[i].override && !ct[i].drop && rg_streq_nocase(ct[i].key, part))
            return ct[i].type;
    for (i = 0; i < count; i++)
        if (!ct[i].override && !ct[i].drop && rg_streq_nocase(ct[i].key, ext))
            return ct[i].type;
    return NULL;
}

bool ed_ct_add(rag_edit *e, const char *key, const char *type, bool ext)
{
    ed_ct_entry *n;
    size_t i;

    if (ext) {
        for (i = 0; i < e->ct_count; i++)
            if (!e->ct[i].override && !e->ct[i].drop &&
                rg_streq_nocase(e->ct[i].key, key))
                return true; /* a Default for it exists: keep it */
    } else {
        const char *have = ed_ct_type(e->ct, e->ct_count, key);
        if (have && !strcmp(have, type))
            return true;
    }
    if (!rg_grow((void **)&e->ct, &e->ct_cap, e->ct_count + 1, sizeof *e->ct))
        return false;
    n = &e->ct[e->ct_count];
    memset(n, 0, sizeof *n);
    n->key = rg_arena_strdup(&e->arena, key);
    n->type = rg_arena_strdup(&e->arena, type);
    n->override = !ext;
    n->added = true;
    if (!n->key || !n->type)
        return false;
    e->ct_count++;
    return true;
}

void ed_ct_drop(rag_edit *e, const char *part)
{
    size_t i;
    for (i = 0; i < e->ct_count; i++)
        if (e->ct[i].override && rg_streq_nocase(e->ct[i].key, part))
            e->ct[i].drop = true;
}

typedef struct ct_write {
    rag_edit *e;
    size_t next;     /* input entries are met in the order they were read */
    bool held;
    char ns[160];    /* " xmlns=..." when the root is prefixed */
} ct_write;

static void emit_ct(ep_pass *p, const ed_ct_entry *c, const char *ns)
{
    if (c->override) {
        ep_puts(p, "<Override");
        ep_puts(p, ns);
        ep_puts(p, " PartName=\"/");
    } else {
        ep_puts(p, "<Default");
        ep_puts(p, ns);
        ep_puts(p, " Extension=\"");
    }
    ep_escaped(p, c->key, strlen(c->key));
    ep_puts(p, "\" ContentType=\"");
    ep_escaped(p, c->type, strlen(c->type));
    ep_puts(p, "\"/>");
}

static void ctw_start(ep_pass *p, void *ctx, const char *q, const char *l,
                      const char **a)
{
    ct_write *w = ctx;
    uint64_t s, n;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 1) {
        char pre[32];
        ep_prefix(q, pre, sizeof pre);
        if (pre[0])
            snprintf(w->ns, sizeof w->ns, " xmlns=\"http://schemas."
                     "openxmlformats.org/package/2006/content-types\"");
        return;
    }
    if (ep_depth(p) != 2)
        return;
    if ((!strcmp(l, "Override") || !strcmp(l, "Default")) &&
        ep_attr(a, "ContentType") &&
        ep_attr(a, !strcmp(l, "Override") ? "PartName" : "Extension")) {
        const ed_ct_entry *c = w->next < w->e->ct_count ? &w->e->ct[w->next]
                                                         : NULL;
        w->next++;
        if (c && c->drop) {
            ep_copy_to(p, s);
            ep_hold(p, s);
            w->held = true;
        }
    }
}

static void ctw_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    ct_write *w = ctx;
    uint64_t s, n;
    size_t i;
    (void)q;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 2 && w->held) {
        ep_skip_to(p, s + n);
        ep_release(p);
        w->held = false;
        return;
    }
    if (ep_depth(p) != 1 || strcmp(l, "Types"))
        return;
    ep_copy_to(p, s);
    for (i = 0; i < w->e->ct_count; i++)
        if (w->e->ct[i].added && !w->e->ct[i].drop)
            emit_ct(p, &w->e->ct[i], w->ns);
}

rag_status ed_ct_write(rag_edit *e, ez_out *o, rag_error *err)
{
    static const ep_handlers h = {ctw_start, ctw_end, NULL};
    ct_write w;
    rg_buf b = {0};
    rag_status st;
    long idx = ed_entry(e, e->ct_part);

    memset(&w, 0, sizeof w);
    w.e = e;
    st = rg_zip_slurp(e->rz, e->ct_part, &b, SMALL_PART_MAX, err);
    if (st == RAG_OK)
        st = ed_patch_entry(o, "[Content_Types].xml",
                            ez_in_dosdate(e->zin, idx < 0 ? 0 : (size_t)idx),
                            &h, &w, b.data, b.len, err);
    rg_buf_free(&b);
    return st;
}

rag_status ed_patch_entry(ez_out *o, const char *name, unsigned long dosdate,
                          const ep_handlers *h, void *ctx, const char *data,
                          size_t len, rag_error *err)
{
    rag_status st = ez_begin(o, name, dosdate, err);

    if (st == RAG_OK)
        st = ep_pass_buffer(h, ctx, ez_write, o, data, len, err);
    if (st == RAG_OK)
        st = ez_end(o, err);
    return st;
}

/* ---- relationships ------------------------------------------------------ */

typedef struct rels_read {
    rg_arena *arena;
    ed_rels *r;
} rels_read;

static void rels_start(ep_pass *p, void *ctx, const char *q, const char *l,
                       const char **a)
{
    rels_read *c = ctx;
    const char *id, *type, *target, *mode;
    ed_rel *n;
    (void)q;

    if (strcmp(l, "Relationship") || ep_depth(p) != 2)
        return;
    id = ep_attr(a, "Id");
    type = ep_attr(a, "Type");
    target = ep_attr(a, "Target");
    mode = ep_attr(a, "TargetMode");
    if (!rg_grow((void **)&c->r->r, &c->r->cap, c->r->count + 1,
                 sizeof *c->r->r)) {
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    n = &c->r->r[c->r->count++];
    memset(n, 0, sizeof *n);
    n->id = rg_arena_strdup(c->arena, id ? id : "");
    n->type = rg_arena_strdup(c->arena, type ? type : "");
    n->target = rg_arena_strdup(c->arena, target ? target : "");
    n->external = mode && !strcmp(mode, "External");
    if (!n->id || !n->type || !n->target)
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
}

rag_status ed_rels_read(rg_zip *z, const char *part, rg_arena *arena,
                        ed_rels *out, rag_error *err)
{
    static const ep_handlers h = {rels_start, NULL, NULL};
    rels_read c;
    rg_buf b = {0};
    const char *name = rg_zip_find(z, part);
    rag_status st;

    memset(out, 0, sizeof *out);
    out->part = rg_arena_strdup(arena, name ? name : part);
    if (!out->part)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (!name)
        return RAG_OK;
    out->exists = true;
    st = rg_zip_slurp(z, name, &b, SMALL_PART_MAX, err);
    c.arena = arena;
    c.r = out;
    if (st == RAG_OK)
        st = ep_pass_buffer(&h, &c, NULL, NULL, b.data, b.len, err);
    rg_buf_free(&b);
    out->input_count = out->count;
    return st;
}

ed_rel *ed_rels_find(ed_rels *r, const char *id)
{
    size_t i;
    for (i = 0; i < r->count; i++)
        if (!strcmp(r->r[i].id, id))
            return &r->r[i];
    return NULL;
}

char *ed_rels_new_id(rag_edit *e, const ed_rels *r)
{
    unsigned k;
    char id[24];
    for (k = 1;; k++) {
        size_t i;
        bool taken = false;
        snprintf(id, sizeof id, "rId%u", k);
        for (i = 0; i < r->count && !taken; i++)
            taken = !r->r[i].drop && !strcmp(r->r[i].id, id);
        /* A sheet may name an id its workbook's rels lack (the reader
         * skips it): a new relationship under that id would make it a
         * second sheet on the new part (found by fuzz_pipeline). */
        for (i = 0; r == &e->wbrels && i < e->sheet_count && !taken; i++)
            taken = !e->sheets[i].removed && e->sheets[i].rid &&
                    !strcmp(e->sheets[i].rid, id);
        if (!taken)
            return rg_arena_strdup(&e->arena, id);
    }
}

bool ed_rels_add(rag_edit *e, ed_rels *r, const char *id, const char *type,
                 const char *target, bool external)
{
    ed_rel *n;
    if (!rg_grow((void **)&r->r, &r->cap, r->count + 1, sizeof *r->r))
        return false;
    n = &r->r[r->count];
    memset(n, 0, sizeof *n);
    n->id = rg_arena_strdup(&e->arena, id);
    n->type = rg_arena_strdup(&e->arena, type);
    n->target = rg_arena_strdup(&e->arena, target);
    n->external = external;
    if (!n->id || !n->type || !n->target)
        return false;
    r->count++;
    return true;
}

void ed_rels_free(ed_rels *r)
{
    if (r) {
        rg_free(r->r);
        r->r = NULL;
        r->count = r->cap = 0;
    }
}

typedef struct rels_write {
    const ed_rels *r;
    size_t next;
    bool held;
    char ns[128];
} rels_write;

static void emit_rel(ep_pass *p, const ed_rel *r, const char *ns)
{
    ep_puts(p, "<Relationship");
    ep_puts(p, ns);
    ep_puts(p, " Id=\"");
    ep_escaped(p, r->id, strlen(r->id));
    ep_puts(p, "\" Type=\"");
    ep_escaped(p, r->type, strlen(r->type));
    ep_puts(p, "\" Target=\"");
    ep_escaped(p, r->target, strlen(r->target));
    ep_puts(p, r->external ? "\" TargetMode=\"External\"/>" : "\"/>");
}

static void rw_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    rels_write *w = ctx;
    uint64_t s, n;
    (void)a;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 1) {
        char pre[32];
        ep_prefix(q, pre, sizeof pre);
        if (pre[0])
            snprintf(w->ns, sizeof w->ns, " xmlns=\"http://schemas."
                     "openxmlformats.org/package/2006/relationships\"");
        if (n && ep_bytes(p, s, n) && ep_bytes(p, s, n)[n - 2] == '/') {
            /* <Relationships/>: written open when something is added */
            size_t i;
            bool any = false;
            for (i = w->r->input_count; i < w->r->count; i++)
                any = any || !w->r->r[i].drop;
            if (any) {
                ep_copy_to(p, s);
                ep_emit(p, ep_bytes(p, s, n), (size_t)n - 2);
                ep_puts(p, ">");
                for (i = w->r->input_count; i < w->r->count; i++)
                    if (!w->r->r[i].drop)
                        emit_rel(p, &w->r->r[i], w->ns);
                ep_puts(p, "</");
                ep_puts(p, q);
                ep_puts(p, ">");
                ep_skip_to(p, s + n);
                w->next = SIZE_MAX;
            }
        }
        return;
    }
    if (ep_depth(p) == 2 && !strcmp(l, "Relationship")) {
        const ed_rel *r = w->next < w->r->input_count ? &w->r->r[w->next]
                                                       : NULL;
        w->next++;
        if (r && r->drop) {
            ep_copy_to(p, s);
            ep_hold(p, s);
            w->held = true;
        }
    }
}

static void rw_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    rels_write *w = ctx;
    uint64_t s, n;
    size_t i;
    (void)q;
    ep_span(p, &s, &n);
    if (ep_depth(p) == 2 && w->held) {
        ep_skip_to(p, s + n);
        ep_release(p);
        w->held = false;
        return;
    }
    if (ep_depth(p) != 1 || strcmp(l, "Relationships") || !n ||
        w->next == SIZE_MAX)
        return;
    ep_copy_to(p, s);
    for (i = w->r->input_count; i < w->r->count; i++)
        if (!w->r->r[i].drop)
            emit_rel(p, &w->r->r[i], w->ns);
}

rag_status ed_rels_write(rag_edit *e, rg_zip *src, const ed_rels *r,
                         ez_out *o, unsigned long dosdate, rag_error *err)
{
    static const ep_handlers h = {rw_start, rw_end, NULL};
    rels_write w;
    rg_buf b = {0};
    rag_status st = RAG_OK;

    (void)e;
    memset(&w, 0, sizeof w);
    w.r = r;
    if (r->exists)
        st = rg_zip_slurp(src, r->part, &b, SMALL_PART_MAX, err);
    else if (!rg_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
                              "standalone=\"yes\"?>\n<Relationships "
                              "xmlns=\"http://schemas.openxmlformats.org/"
                              "package/2006/relationships\"></Relationships>"))
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = ed_patch_entry(o, r->part, dosdate, &h, &w, b.data, b.len, err);
    rg_buf_free(&b);
    return st;
}
