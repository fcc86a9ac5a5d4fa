/*
 * The workbook part: its sheets (read at open) and, when written, the
 * sheets removed and grafted, the defined names removed, renumbered and
 * added, and workbookView's activeTab and firstSheet renumbered, since all
 * three count sheets by position.  Everything else is copied through.
 */
#include <stdio.h>
#include <string.h>

#include "edit/edit_impl.h"

#define BOOK_MAX (256u << 20) /* a workbook part is a list of sheets */

/* ---- reading ------------------------------------------------------------ */

typedef struct book_read {
    rag_edit *e;
    size_t cap, names_cap;
} book_read;

static void br_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    book_read *b = ctx;
    rag_edit *e = b->e;
    (void)q;
    if (!strcmp(l, "sheet") && ep_depth(p) == 3) {
        const char *name = ep_attr(a, "name"), *id = ep_attr(a, "sheetId");
        const char *rid = ep_attr(a, "id");
        ed_sheet *s;
        ed_rel *r;
        uint32_t sid = 0;
        if (!rg_grow((void **)&e->sheets, &b->cap, e->sheet_count + 1,
                     sizeof *e->sheets)) {
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        s = &e->sheets[e->sheet_count++];
        memset(s, 0, sizeof *s);
        s->name = rg_arena_strdup(&e->arena, name ? name : "");
        s->rid = rg_arena_strdup(&e->arena, rid ? rid : "");
        if (id && rg_parse_u32(id, &sid) && sid > e->max_sheet_id)
            e->max_sheet_id = sid;
        s->sheet_id = sid;
        r = rid ? ed_rels_find(&e->wbrels, rid) : NULL;
        if (r && !r->external) {
            size_t n = strlen(r->type);
            s->part = ed_resolve(e, e->wb_part, r->target);
            s->worksheet = n >= 10 && !strcmp(r->type + n - 10, "/worksheet");
            if (s->part && ed_entry(e, s->part) < 0)
                s->worksheet = false; /* named but missing: left alone */
        }
    } else if (!strcmp(l, "definedName") && ep_depth(p) == 3) {
        const char *name = ep_attr(a, "name");
        char *copy = rg_arena_strdup(&e->arena, name ? name : "");
        if (!copy || !rg_grow((void **)&e->input_names, &b->names_cap,
                              e->input_name_count + 1,
                              sizeof *e->input_names)) {
            ep_fail(p, RAG_ERR_NOMEM, "out of memory");
            return;
        }
        e->input_names[e->input_name_count++] = copy;
    }
}

rag_status ed_book_read(rag_edit *e, rag_error *err)
{
    static const ep_handlers h = {br_start, NULL, NULL};
    book_read b;
    rg_buf buf = {0};
    rag_status st;

    memset(&b, 0, sizeof b);
    b.e = e;
    st = rg_zip_slurp(e->rz, e->wb_part, &buf, BOOK_MAX, err);
    if (st == RAG_OK)
        st = ep_pass_buffer(&h, &b, NULL, NULL, buf.data, buf.len, err);
    rg_buf_free(&buf);
    if (st != RAG_OK)
        rg_error_set_part(err, e->wb_part);
    return st;
}

/* ---- positions ---------------------------------------------------------- */

long ed_out_pos(const rag_edit *e, size_t pos)
{
    size_t i;
    long n = 0;
    if (pos >= e->sheet_count || e->sheets[pos].removed)
        return -1;
    for (i = 0; i < pos; i++)
        n += !e->sheets[i].removed;
    for (i = 0; i < e->graft_count; i++)
        n += e->grafts[i].before <= pos;
    return n;
}

long ed_graft_pos(const rag_edit *e, size_t g)
{
    const ed_graft *me = &e->grafts[g];
    size_t i, before = me->before < e->sheet_count ? me->before
                                                   : e->sheet_count;
    long n = 0;
    for (i = 0; i < before; i++)
        n += !e->sheets[i].removed;
    for (i = 0; i < e->graft_count; i++) {
        const ed_graft *o = &e->grafts[i];
        size_t ob = o->before < e->sheet_count ? o->before : e->sheet_count;
        if (ob < before || (ob == before && o->order < me->order))
            n++;
    }
    return n;
}

/* ---- writing -------------------------------------------------------------- */

typedef struct book_write {
    rag_edit *e;
    size_t pos;            /* input sheets met */
    bool held;
    bool names_seen;
    char pre[32];          /* the element prefix, "x:" or "" */
    char idattr[64];       /* the qualified r:id attribute of <sheet> */
    char rel_ns[160];      /* the namespace of its prefix */
    bool names_open;       /* <definedNames/> opened by us */
    char ns[200];          /* " xmlns=..." for new elements, when needed */
} book_write;

static bool prefixed(const char *s, const char *prefix)
{
    size_t n = strlen(prefix), i;
    if (strlen(s) < n)
        return false;
    for (i = 0; i < n; i++)
        if ((s[i] | 0x20) != (prefix[i] | 0x20))
            return false;
    return true;
}

static void emit_tag(ep_pass *p, const char *q, const char **a,
                     const char *change, const char *value, bool empty)
{
    bool done = false;
    ep_puts(p, "<");
    ep_puts(p, q);
    for (; a && a[0]; a += 2) {
        const char *v = a[1];
        const char *c = strchr(a[0], ':');
        if (change && !strcmp(c ? c + 1 : a[0], change)) {
            if (!value)
                continue;
            v = value;
            done = true;
        }
        ep_puts(p, " ");
        ep_puts(p, a[0]);
        ep_puts(p, "=\"");
        ep_escaped(p, v, strlen(v));
        ep_puts(p, "\"");
    }
    if (change && value && !done) {
        ep_puts(p, " ");
        ep_puts(p, change);
        ep_puts(p, "=\"");
        ep_puts(p, value);
        ep_puts(p, "\"");
    }
    ep_puts(p, empty ? "/>" : ">");
}

static void emit_graft_sheets(ep_pass *p, book_write *w, size_t before,
                              bool last)
{
    rag_edit *e = w->e;
    size_t i, k;
    char id[24];
    /* in call order among those going before the same sheet */
    for (k = 0; k < e->graft_count; k++)
        for (i = 0; i < e->graft_count; i++) {
            const ed_graft *g = &e->grafts[i];
            bool here = last ? g->before >= e->sheet_count
                             : g->before == before;
            if (g->order != k || !here)
                continue;
            snprintf(id, sizeof id, "%u", g->sheet_id);
            ep_puts(p, "<");
            ep_puts(p, w->pre);
            ep_puts(p, "sheet name=\"");
            ep_escaped(p, g->name, strlen(g->name));
            ep_puts(p, "\" sheetId=\"");
            ep_puts(p, id);
            /* The relationship prefix may be declared on each <sheet>
             * (openpyxl does so) rather than on the root: declare it
             * here, so the new element stands on its own. */
            ep_puts(p, "\" xmlns:r=\"");
            ep_escaped(p, w->rel_ns, strlen(w->rel_ns));
            ep_puts(p, "\" r:id=\"");
            ep_escaped(p, g->rid, strlen(g->rid));
            ep_puts(p, "\"/>");
        }
}

static long scope_pos(const rag_edit *e, const char *scope)
{
    size_t i;
    for (i = 0; i < e->graft_count; i++)
        if (rg_streq_nocase(e->grafts[i].name, scope))
            return ed_graft_pos(e, i);
    for (i = 0; i < e->sheet_count; i++)
        if (!e->sheets[i].removed && rg_streq_nocase(e->sheets[i].name, scope))
            return ed_out_pos(e, i);
    return -1;
}

static void emit_names(ep_pass *p, book_write *w)
{
    rag_edit *e = w->e;
    size_t i;
    for (i = 0; i < e->name_count; i++) {
        const ed_name *n = &e->names[i];
        long pos = n->scope ? scope_pos(e, n->scope) : -1;
        char num[24];
        if (n->scope && pos < 0)
            continue;
        ep_puts(p, "<");
        ep_puts(p, w->pre);
        ep_puts(p, "definedName name=\"");
        ep_escaped(p, n->name, strlen(n->name));
        ep_puts(p, "\"");
        if (pos >= 0) {
            snprintf(num, sizeof num, "%ld", pos);
            ep_puts(p, " localSheetId=\"");
            ep_puts(p, num);
            ep_puts(p, "\"");
        }
        if (n->hidden)
            ep_puts(p, " hidden=\"1\"");
        ep_puts(p, ">");
        ep_escaped(p, n->formula, strlen(n->formula));
        ep_puts(p, "</");
        ep_puts(p, w->pre);
        ep_puts(p, "definedName>");
    }
}

/* Elements after definedNames in CT_Workbook. */
static bool after_names(const char *l)
{
    static const char *const after[] = {
        "calcPr", "oleSize", "customWorkbookViews", "pivotCaches",
        "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr",
        "webPublishObjects", "extLst", NULL};
    size_t i;
    for (i = 0; after[i]; i++)
        if (!strcmp(l, after[i]))
            return true;
    return false;
}

static void names_block(ep_pass *p, book_write *w)
{
    size_t i;
    bool any = false;
    for (i = 0; i < w->e->name_count; i++)
        any = true;
    w->names_seen = true;
    if (!any)
        return;
    ep_puts(p, "<");
    ep_puts(p, w->pre);
    ep_puts(p, "definedNames");
    ep_puts(p, w->ns);
    ep_puts(p, ">");
    emit_names(p, w);
    ep_puts(p, "</");
    ep_puts(p, w->pre);
    ep_puts(p, "definedNames>");
}

/* Is the input name (name, local) going away? */
static bool name_goes(const rag_edit *e, const char *name, long local)
{
    size_t i;
    if (local >= 0 && ((size_t)local >= e->sheet_count ||
                       e->sheets[local].removed))
        return true;
    for (i = 0; i < e->remove_count; i++)
        if (prefixed(name, e->remove_prefixes[i]))
            return true;
    for (i = 0; i < e->name_count; i++) {
        const ed_name *n = &e->names[i];
        if (!rg_streq_nocase(n->name, name))
            continue;
        if (!n->scope && local < 0)
            return true;
        if (n->scope && local >= 0 &&
            rg_streq_nocase(n->scope, e->sheets[local].name))
            return true;
    }
    return false;
}

static void bw_start(ep_pass *p, void *ctx, const char *q, const char *l,
                     const char **a)
{
    book_write *w = ctx;
    rag_edit *e = w->e;
    uint64_t s, n;
    uint32_t d = ep_depth(p);
    const char *v;

    ep_span(p, &s, &n);
    if (d == 1) {
        const char **x;
        for (x = a; x && x[0]; x += 2)
            if (!strcmp(x[1], "http://schemas.openxmlformats.org/"
                              "officeDocument/2006/relationships") ||
                !strcmp(x[1], "http://purl.oclc.org/ooxml/officeDocument/"
                              "relationships"))
                snprintf(w->rel_ns, sizeof w->rel_ns, "%s", x[1]);
        ep_prefix(q, w->pre, sizeof w->pre - 1);
        if (w->pre[0]) {
            char want[40];
            strcat(w->pre, ":");
            snprintf(want, sizeof want, "xmlns:%.*s",
                     (int)strlen(w->pre) - 1, w->pre);
            v = NULL;
            for (; a && a[0]; a += 2)
                if (!strcmp(a[0], want))
                    v = a[1];
            /* names are written with the root's prefix: nothing to add */
            (void)v;
        }
        return;
    }
    if (d == 2 && !strcmp(l, "definedNames")) {
        w->names_seen = true;
        if (n >= 2 && ep_bytes(p, s, n) && ep_bytes(p, s, n)[n - 2] == '/') {
            /* <definedNames/>: opened, filled, closed */
            ep_copy_to(p, s);
            w->names_seen = false;
            names_block(p, w);
            w->names_seen = true;
            w->names_open = true;
            ep_skip_to(p, s + n);
        }
        return;
    }
    if (d == 2 && !w->names_seen && after_names(l)) {
        ep_copy_to(p, s);
        names_block(p, w);
        return;
    }
    if (d == 3 && !strcmp(l, "sheet")) {
        size_t pos = w->pos++;
        if (!w->idattr[0]) {
            const char **x;
            for (x = a; x && x[0]; x += 2) {
                const char *c = strchr(x[0], ':');
                if (c && !strcmp(c + 1, "id") && strncmp(x[0], "xmlns", 5))
                    snprintf(w->idattr, sizeof w->idattr, "%s", x[0]);
            }
            if (w->idattr[0]) {
                char want[80];
                snprintf(want, sizeof want, "xmlns:%.*s",
                         (int)(strchr(w->idattr, ':') - w->idattr),
                         w->idattr);
                for (x = a; x && x[0]; x += 2)
                    if (!strcmp(x[0], want))
                        snprintf(w->rel_ns, sizeof w->rel_ns, "%s", x[1]);
            }
        }
        ep_copy_to(p, s);
        emit_graft_sheets(p, w, pos, false);
        if (pos < e->sheet_count && e->sheets[pos].removed) {
            ep_hold(p, s);
            w->held = true;
        }
        return;
    }
    if (d == 3 && !strcmp(l, "definedName")) {
        const char *name = ep_attr(a, "name");
        const char *ls = ep_attr(a, "localSheetId");
        uint32_t local = 0;
        long at = ls && rg_parse_u32(ls, &local) ? (long)local : -1;
        ep_copy_to(p, s);
        if (name_goes(e, name ? name : "", at)) {
            ep_hold(p, s);
            w->held = true;
        } else if (at >= 0) {
            long np = ed_out_pos(e, (size_t)at);
            if (np != at) {
                char num[24];
                snprintf(num, sizeof num, "%ld", np);
                emit_tag(p, q, a, "localSheetId", num, false);
                ep_skip_to(p, s + n);
            }
        }
        return;
    }
    if (d == 3 && !strcmp(l, "workbookView")) {
        const char *at = ep_attr(a, "activeTab");
        const char *fs = ep_attr(a, "firstSheet");
        uint32_t t = 0, f = 0;
        bool change = false;
        char tn[24], fn[24];
        const char *b = ep_bytes(p, s, n);
        bool empty = b && n >= 2 && b[n - 2] == '/';
        if (at && rg_parse_u32(at, &t)) {
            long np = ed_out_pos(e, t);
            if (np < 0)
                np = 0;
            snprintf(tn, sizeof tn, "%ld", np);
            change = change || (uint32_t)np != t;
        }
        if (fs && rg_parse_u32(fs, &f)) {
            /* the first tab shown: 0 stays 0, so a sheet put first is
             * in view */
            long np = f ? ed_out_pos(e, f) : 0;
            if (np < 0)
                np = 0;
            snprintf(fn, sizeof fn, "%ld", np);
            change = change || (uint32_t)np != f;
        }
        if (change) {
            /* two attributes: rewrite once with each */
            const char *copy[128];
            size_t i = 0;
            for (; a && a[0] && i + 3 < 128; a += 2) {
                const char *c = strchr(a[0], ':');
                const char *loc = c ? c + 1 : a[0];
                copy[i++] = a[0];
                copy[i++] = !strcmp(loc, "activeTab") && at ? tn
                            : !strcmp(loc, "firstSheet") && fs ? fn
                                                                : a[1];
            }
            copy[i] = NULL;
            ep_copy_to(p, s);
            emit_tag(p, q, copy, NULL, NULL, empty);
            ep_skip_to(p, s + n);
        }
    }
}

static void bw_end(ep_pass *p, void *ctx, const char *q, const char *l)
{
    book_write *w = ctx;
    uint64_t s, n;
    uint32_t d = ep_depth(p);
    (void)q;
    ep_span(p, &s, &n);
    if (d == 3 && w->held) {
        ep_skip_to(p, s + n);
        ep_release(p);
        w->held = false;
        return;
    }
    if (d == 2 && !strcmp(l, "sheets")) {
        ep_copy_to(p, s);
        emit_graft_sheets(p, w, 0, true);
        return;
    }
    if (d == 2 && !strcmp(l, "definedNames")) {
        if (w->names_open) {
            w->names_open = false;
            return;
        }
        ep_copy_to(p, s);
        emit_names(p, w);
        return;
    }
    if (d == 1 && !w->names_seen) {
        ep_copy_to(p, s);
        names_block(p, w);
    }
}

rag_status ed_book_write(rag_edit *e, ez_out *o, rag_error *err)
{
    static const ep_handlers h = {bw_start, bw_end, NULL};
    book_write w;
    rg_buf b = {0};
    rag_status st;
    long idx = ed_entry(e, e->wb_part);

    memset(&w, 0, sizeof w);
    w.e = e;
    snprintf(w.rel_ns, sizeof w.rel_ns, "http://schemas.openxmlformats.org/"
             "officeDocument/2006/relationships");
    st = rg_zip_slurp(e->rz, e->wb_part, &b, BOOK_MAX, err);
    if (st == RAG_OK)
        st = ed_patch_entry(o, ez_in_name(e->zin, (size_t)idx),
                            ez_in_dosdate(e->zin, (size_t)idx), &h, &w,
                            b.data, b.len, err);
    rg_buf_free(&b);
    if (st != RAG_OK)
        rg_error_set_part(err, e->wb_part);
    return st;
}
