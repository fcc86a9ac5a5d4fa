/*
 * Findings lists: each list owns an arena for its strings and a growable
 * array of findings, so a list outlives the model it was made from.
 */
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "validate/rules.h"

struct rg_findings_impl {
    rg_arena arena;
    size_t cap;
};

rag_status rag_findings_new(rag_findings **out, rag_error *err)
{
    rag_findings *list;

    if (!out)
        return rg_fail(err, RAG_ERR_USAGE, "no place for the findings");
    *out = NULL;
    list = rg_calloc(1, sizeof *list);
    if (!list)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    list->impl = rg_calloc(1, sizeof *list->impl);
    if (!list->impl) {
        rg_free(list);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    rg_arena_init(&list->impl->arena, 0);
    *out = list;
    return RAG_OK;
}

void rag_findings_free(rag_findings *list)
{
    if (!list)
        return;
    if (list->impl) {
        rg_arena_free(&list->impl->arena);
        rg_free(list->impl);
    }
    rg_free(list->items);
    rg_free(list);
}

/* Copy s into the list's arena; NULL stays NULL.  The last finding's
 * copy (last, in the same arena) serves when it is the same: findings come
 * by the thousand from one file and sheet (70,000 on a 200,000-row
 * tracker, 3 MB of copies of its path and sheet name).  *ok turns false
 * when memory runs out. */
static const char *keep(rag_findings *list, const char *s, const char *last,
                        bool *ok)
{
    char *copy;
    if (!s)
        return NULL;
    if (last && !strcmp(last, s))
        return last;
    copy = rg_arena_strdup(&list->impl->arena, s);
    if (!copy)
        *ok = false;
    return copy;
}

/* Add f (strings already in the list's arena, or static). */
static rag_status push(rag_findings *list, const rag_finding *f)
{
    if (list->count == list->impl->cap &&
        !rg_grow((void **)&list->items, &list->impl->cap, list->count + 1,
                 sizeof *list->items))
        return RAG_ERR_NOMEM;
    list->items[list->count++] = *f;
    return RAG_OK;
}

rag_status rg_findings_add(rag_findings *list, const rag_finding *proto,
                           const char *fmt, va_list ap)
{
    rag_finding f = *proto;
    const rag_finding *prev = list->count ? &list->items[list->count - 1]
                                          : NULL;
    char *message;
    va_list copy;
    bool ok = true;
    int n;

    va_copy(copy, ap);
    n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return RAG_ERR_USAGE;
    message = rg_arena_alloc(&list->impl->arena, (size_t)n + 1);
    if (!message)
        return RAG_ERR_NOMEM;
    vsnprintf(message, (size_t)n + 1, fmt, ap);
    f.message = message;
    f.file = keep(list, proto->file, prev ? prev->file : NULL, &ok);
    f.sheet = keep(list, proto->sheet, prev ? prev->sheet : NULL, &ok);
    f.ref = keep(list, proto->ref, prev ? prev->ref : NULL, &ok);
    f.period = keep(list, proto->period, prev ? prev->period : NULL, &ok);
    if (!ok)
        return RAG_ERR_NOMEM;
    return push(list, &f);
}

static rag_status add_plain(rag_findings *list, const rag_finding *proto,
                            const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static rag_status add_plain(rag_findings *list, const rag_finding *proto,
                            const char *fmt, ...)
{
    va_list ap;
    rag_status st;
    va_start(ap, fmt);
    st = rg_findings_add(list, proto, fmt, ap);
    va_end(ap);
    return st;
}

rag_status rag_findings_add_unreadable(rag_findings *list, const char *file,
                                       const rag_error *why,
                                       const rag_validate_options *opts,
                                       rag_error *err)
{
    rag_finding f;
    char reason[768];
    rag_severity sev;

    if (!list || !file)
        return rg_fail(err, RAG_ERR_USAGE, "no list or no file given");
    sev = rag_rule_severity(opts, RAG_RULE_FILE_UNREADABLE);
    if (sev == RAG_SEVERITY_OFF)
        return RAG_OK;
    if (why && why->status != RAG_OK)
        rag_error_format(why, reason, sizeof reason);
    else
        rg_strlcpy(reason, "the file could not be read", sizeof reason);
    memset(&f, 0, sizeof f);
    f.file = file;
    f.rule_id = RAG_RULE_FILE_UNREADABLE;
    f.rule = rag_rules(NULL)[RAG_RULE_FILE_UNREADABLE].name;
    f.severity = sev;
    if (add_plain(list, &f, "%s", reason) != RAG_OK)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return RAG_OK;
}

rag_status rag_findings_add(rag_findings *list, const rag_finding *proto,
                            rag_error *err, const char *fmt, ...)
{
    rag_finding f;
    va_list ap;
    rag_status st;

    if (!list || !proto || !fmt || (unsigned)proto->rule_id >= RAG_RULE_COUNT ||
        (proto->severity != RAG_SEVERITY_INFO &&
         proto->severity != RAG_SEVERITY_WARNING &&
         proto->severity != RAG_SEVERITY_ERROR))
        return rg_fail(err, RAG_ERR_USAGE, "no list, or a finding with no "
                       "rule or severity");
    f = *proto;
    if (!f.rule)
        f.rule = rag_rules(NULL)[f.rule_id].name;
    va_start(ap, fmt);
    st = rg_findings_add(list, &f, fmt, ap);
    va_end(ap);
    if (st == RAG_ERR_NOMEM)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st != RAG_OK)
        return rg_fail(err, st, "the message could not be printed");
    return RAG_OK;
}

rag_status rag_findings_append(rag_findings *dst, const rag_findings *src,
                               rag_error *err)
{
    size_t i, before;

    if (!dst)
        return rg_fail(err, RAG_ERR_USAGE, "no list to append to");
    if (!src)
        return RAG_OK;
    before = dst->count;
    for (i = 0; i < src->count; i++) {
        if (add_plain(dst, &src->items[i], "%s", src->items[i].message) !=
            RAG_OK) {
            dst->count = before; /* the arena keeps the bytes; harmless */
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        }
    }
    return RAG_OK;
}

/* ---- order ------------------------------------------------------------ */

static void merge_sort(rag_finding *a, rag_finding *tmp, size_t n,
                       int (*cmp)(const rag_finding *, const rag_finding *))
{
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    if (n < 2)
        return;
    merge_sort(a, tmp, mid, cmp);
    merge_sort(a + mid, tmp, n - mid, cmp);
    while (i < mid && j < n)
        tmp[k++] = cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

void rg_findings_stable_sort(rag_finding *items, size_t n,
                             int (*cmp)(const rag_finding *,
                                        const rag_finding *))
{
    rag_finding *tmp;
    size_t i, j;

    if (n < 2)
        return;
    tmp = rg_malloc(n * sizeof *tmp);
    if (tmp) {
        merge_sort(items, tmp, n, cmp);
        rg_free(tmp);
        return;
    }
    /* No memory for the merge: insertion sort is stable too. */
    for (i = 1; i < n; i++) {
        rag_finding f = items[i];
        for (j = i; j > 0 && cmp(&f, &items[j - 1]) < 0; j--)
            items[j] = items[j - 1];
        items[j] = f;
    }
}

static int cmp_place(const rag_finding *a, const rag_finding *b)
{
    if ((a->sheet != NULL) != (b->sheet != NULL))
        return a->sheet ? 1 : -1;
    if (a->sheet_index != b->sheet_index)
        return a->sheet_index < b->sheet_index ? -1 : 1;
    if (a->has_cell != b->has_cell)
        return a->has_cell ? 1 : -1;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

static int cmp_report(const rag_finding *a, const rag_finding *b)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    return cmp_place(a, b);
}

void rag_findings_sort(rag_findings *list)
{
    if (list)
        rg_findings_stable_sort(list->items, list->count, cmp_report);
}

void rg_findings_sort_by_place(rag_findings *list)
{
    rg_findings_stable_sort(list->items, list->count, cmp_place);
}

size_t rag_findings_count(const rag_findings *list, rag_severity s)
{
    size_t i, n = 0;
    if (!list)
        return 0;
    for (i = 0; i < list->count; i++)
        if (list->items[i].severity == s)
            n++;
    return n;
}

size_t rag_finding_format(const rag_finding *f, char *buf, size_t size)
{
    char where[300], ref[16];
    const char *sev;
    int n;

    if (!f)
        return 0;
    sev = rag_severity_name(f->severity);
    if (f->sheet && f->has_cell)
        snprintf(where, sizeof where, ":%s!%s", f->sheet,
                 rag_cell_ref_format(f->row, f->col, ref));
    else if (f->sheet)
        snprintf(where, sizeof where, ":%s", f->sheet);
    else
        where[0] = '\0';
    n = snprintf(buf, size, "%s%s: %s: %s [%s]", f->file ? f->file : "",
                 where, sev ? sev : "error", f->message ? f->message : "",
                 f->rule ? f->rule : "");
    return n < 0 ? 0 : (size_t)n;
}
