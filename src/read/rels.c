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

rag_status rg_rels_read(rag_workbook *wb, const char *part, rg_rels *out,
                        rag_error *err)
{
    static const rg_xml_handlers h = {rels_start, NULL, NULL};
    rels_ctx c = {wb, part, out, 0};
    const char *slash = strrchr(part, '/');
    char *rels_part;
    const char *found;

    out->items = NULL;
    out->count = 0;
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
    return rg_xml_parse_part(wb->impl->zip, found, &h, &c,
                             wb->impl->limits.depth, err);
}

void rg_rels_free(rg_rels *rels)
{
    rg_free(rels->items);
    rels->items = NULL;
    rels->count = 0;
}

const rg_rel *rg_rels_find(const rg_rels *rels, const char *id)
{
    size_t i;
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
