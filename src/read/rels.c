/* Relationship parts (_rels/NAME.rels) and part-name resolution. */
#include <string.h>

#include "read/reader.h"

char *rg_part_resolve(rg_arena *a, const char *source, const char *target)
{
    char path[2048];
    size_t n = 0;
    const char *seg;

    if (target[0] == '/') {
        target++;
    } else {
        const char *slash = strrchr(source, '/');
        n = slash ? (size_t)(slash - source) + 1 : 0;
        if (n >= sizeof path)
            return NULL;
        memcpy(path, source, n);
    }
    /* Append target segment by segment, resolving "." and "..". */
    for (seg = target; *seg;) {
        const char *end = strchr(seg, '/');
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            if (n > 0)
                n--; /* the trailing '/' */
            while (n > 0 && path[n - 1] != '/')
                n--;
        } else if (!(len == 1 && seg[0] == '.') && len > 0) {
            if (n + len + 1 >= sizeof path)
                return NULL;
            memcpy(path + n, seg, len);
            n += len;
            if (end)
                path[n++] = '/';
        }
        seg = end ? end + 1 : seg + len;
    }
    if (n > 0 && path[n - 1] == '/')
        n--;
    return rg_arena_strndup(a, path, n);
}

typedef struct rels_ctx {
    rag_workbook *wb;
    const char *source;
    rg_rels *out;
    size_t cap;
} rels_ctx;

static void rels_start(rg_xml *x, void *data, const char *name,
                       const char **attrs)
{
    rels_ctx *c = data;
    rg_arena *a = &c->wb->impl->arena;
    const char *id, *type, *target, *mode, *slash;
    rg_rel *r;

    if (strcmp(name, "Relationship"))
        return;
    id = rg_attr(attrs, "Id");
    type = rg_attr(attrs, "Type");
    target = rg_attr(attrs, "Target");
    mode = rg_attr(attrs, "TargetMode");
    if (!id || !target)
        return;
    if (!rg_grow((void **)&c->out->items, &c->cap, c->out->count + 1,
                 sizeof *c->out->items)) {
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    r = &c->out->items[c->out->count];
    r->external = mode && !strcmp(mode, "External");
    slash = type ? strrchr(type, '/') : NULL;
    r->id = rg_arena_strdup(a, id);
    r->type = rg_arena_strdup(a, slash ? slash + 1 : type ? type : "");
    r->target = r->external ? rg_arena_strdup(a, target)
                            : rg_part_resolve(a, c->source, target);
    if (!r->id || !r->type || !r->target) {
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    c->out->count++;
}

/* Sorting the items' numbers by id needs the items: a thread-local is no
 * C11 must, so the sort is a merge sort by hand over (id, number). */
static int id_cmp(const rg_rels *r, size_t a, size_t b)
{
    int c = strcmp(r->items[a].id, r->items[b].id);
    return c ? c : (a < b ? -1 : a > b);
}

static void merge_sort(const rg_rels *r, size_t *v, size_t *tmp, size_t n)
{
    size_t mid = n / 2, i = 0, j = mid, k = 0;

    if (n < 2)
        return;
    merge_sort(r, v, tmp, mid);
    merge_sort(r, v + mid, tmp, n - mid);
    while (i < mid && j < n)
        tmp[k++] = id_cmp(r, v[i], v[j]) <= 0 ? v[i++] : v[j++];
    while (i < mid)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* A sheet's relationships are looked up by id once a hyperlink (65,530 at
 * most) or a drawing: walked, 65,530 links made 4e9 comparisons, 13 s of
 * reading back a consolidate output (issue 16). */
static void index_ids(rg_rels *r)
{
    size_t *tmp, i;

    if (r->count < 16)
        return; /* a walk is as quick */
    r->by_id = rg_malloc(r->count * sizeof *r->by_id);
    tmp = rg_malloc(r->count * sizeof *tmp);
    if (!r->by_id || !tmp) {
        rg_free(r->by_id);
        rg_free(tmp);
        r->by_id = NULL;
        return;
    }
    for (i = 0; i < r->count; i++)
        r->by_id[i] = i;
    merge_sort(r, r->by_id, tmp, r->count);
    rg_free(tmp);
}

rag_status rg_rels_read(rag_workbook *wb, const char *part, rg_rels *out,
                        rag_error *err)
{
    static const rg_xml_handlers h = {rels_start, NULL, NULL};
    rels_ctx c = {wb, part, out, 0};
    const char *slash = strrchr(part, '/');
    char *rels_part;
    const char *found;
    rag_status st;

    out->items = NULL;
    out->count = 0;
    out->by_id = NULL;
    if (slash)
        rels_part = rg_arena_printf(&wb->impl->arena, "%.*s_rels/%s.rels",
                                    (int)(slash - part + 1), part, slash + 1);
    else
        rels_part = rg_arena_printf(&wb->impl->arena, "_rels/%s.rels", part);
    if (!rels_part)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    found = rg_zip_find(wb->impl->zip, rels_part);
    if (!found)
        return RAG_OK;
    st = rg_xml_parse_part(wb->impl->zip, found, &h, &c,
                           wb->impl->limits.depth, err);
    if (st == RAG_OK)
        index_ids(out);
    return st;
}

void rg_rels_free(rg_rels *rels)
{
    rg_free(rels->items);
    rg_free(rels->by_id);
    rels->items = NULL;
    rels->by_id = NULL;
    rels->count = 0;
}

const rg_rel *rg_rels_find(const rg_rels *rels, const char *id)
{
    size_t i;

    if (id && rels->by_id) {
        /* the first item with the id, as the walk finds it */
        size_t lo = 0, hi = rels->count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(rels->items[rels->by_id[mid]].id, id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < rels->count && !strcmp(rels->items[rels->by_id[lo]].id, id))
            return &rels->items[rels->by_id[lo]];
        return NULL;
    }
    for (i = 0; id && i < rels->count; i++)
        if (!strcmp(rels->items[i].id, id))
            return &rels->items[i];
    return NULL;
}

const rg_rel *rg_rels_find_type(const rg_rels *rels, const char *type)
{
    size_t i;
    for (i = 0; i < rels->count; i++)
        if (!strcmp(rels->items[i].type, type))
            return &rels->items[i];
    return NULL;
}
