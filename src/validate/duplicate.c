/*
 * plan-duplicate (see duplicate.h): plan identities, a set of them with a
 * hash index (a run of thousands of files compares each plan with a few
 * candidates, not with every plan seen), and the finding.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "validate/duplicate.h"
#include "validate/rules.h"

/* One index entry: a key's hash and the plan it belongs to. */
typedef struct entry {
    uint64_t hash;
    size_t id;
    size_t next;  /* the next entry of the bucket, + 1; 0 ends */
} entry;

struct rg_plan_set {
    rg_plan_id *ids;
    size_t count, cap;
    entry *entries;
    size_t entry_count, entry_cap;
    size_t *buckets;  /* first entry + 1; 0 for none */
    size_t bucket_count;
    rg_arena arena;
};

/* ---- words ------------------------------------------------------------- */

/* ASCII lower case, outer spaces trimmed, inner runs of white space made
 * one space (or dropped when squeeze); NULL for NULL or empty. */
static const char *norm(rg_arena *a, const char *s, bool squeeze, bool *ok)
{
    char *out, *o;
    bool space = false;

    if (!s)
        return NULL;
    out = rg_arena_alloc(a, strlen(s) + 1);
    if (!out) {
        *ok = false;
        return NULL;
    }
    for (o = out; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
            ch == 0xA0) {
            space = o != out;
            continue;
        }
        if (space && !squeeze)
            *o++ = ' ';
        space = false;
        *o++ = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    *o = '\0';
    return *out ? out : NULL;
}

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * FNV_PRIME;
    return (h ^ 0x1f) * FNV_PRIME; /* a separator: "ab","c" is not "a","bc" */
}

static uint64_t fnv_u64(uint64_t h, uint64_t v)
{
    int i;
    for (i = 0; i < 8; i++, v >>= 8)
        h = (h ^ (v & 0xff)) * FNV_PRIME;
    return h;
}

static uint64_t fnv_num(uint64_t h, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    return fnv(h, buf);
}

/* What the plan holds, hashed: actions, indicators, milestones, periods
 * and figures.  0 when it holds none of them. */
static uint64_t content_hash(const rag_plan *p)
{
    uint64_t h = FNV_OFFSET;
    size_t i, n = 0;

    for (i = 0; i < p->action_count; i++, n++) {
        h = fnv(h, p->actions[i].ref);
        h = fnv(h, p->actions[i].text);
    }
    for (i = 0; i < p->indicator_count; i++, n++) {
        h = fnv(h, p->indicators[i].code);
        h = fnv(h, p->indicators[i].title);
    }
    for (i = 0; i < p->milestone_count; i++, n++) {
        h = fnv(h, p->milestones[i].text);
        h = fnv_num(h, p->milestones[i].amount);
    }
    for (i = 0; i < p->period_count; i++, n++)
        h = fnv(h, p->periods[i].narrative);
    if (!n)
        return 0;
    return h ? h : 1;
}

static int u64_order(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Who leads the plan's actions, hashed as a set (order and repeats do not
 * count, nor case or spacing); 0 when no action names a lead. */
static uint64_t leads_hash(const rag_plan *p, rg_arena *a, bool *ok)
{
    uint64_t *h, out = FNV_OFFSET;
    size_t i, k, n = 0, cap = 0;

    for (i = 0; i < p->action_count; i++)
        cap += p->actions[i].lead_count;
    if (!cap)
        return 0;
    h = rg_malloc(cap * sizeof *h);
    if (!h) {
        *ok = false;
        return 0;
    }
    for (i = 0; i < p->action_count; i++)
        for (k = 0; k < p->actions[i].lead_count; k++) {
            const char *name = norm(a, p->actions[i].leads[k], false, ok);
            if (name)
                h[n++] = fnv(FNV_OFFSET, name);
        }
    qsort(h, n, sizeof *h, u64_order);
    for (i = 0; i < n; i++)
        if (!i || h[i] != h[i - 1])
            out = fnv_u64(out, h[i]);
    rg_free(h);
    return n ? (out ? out : 1) : 0;
}

/* The reference a plan is known by, as written, or NULL. */
static const char *plan_ref(const rag_plan *p)
{
    if (p->kind == RAG_PLAN_RECOVERY && p->finance && p->finance->reference)
        return p->finance->reference;
    if (p->kind == RAG_PLAN_INDICATOR && p->indicator_count == 1)
        return p->indicators[0].code;
    return NULL;
}

static const char *kind_words(rag_plan_kind k)
{
    switch (k) {
    case RAG_PLAN_TRACKER:
        return "monthly tracker";
    case RAG_PLAN_ACTION:
        return "action plan";
    case RAG_PLAN_INDICATOR:
        return "performance action plan";
    case RAG_PLAN_RECOVERY:
        return "deficit recovery plan";
    case RAG_PLAN_SCORECARD:
        return "scorecard";
    }
    return "plan";
}

/* ---- the set ------------------------------------------------------------ */

rg_plan_set *rg_plan_set_new(void)
{
    rg_plan_set *s = rg_calloc(1, sizeof *s);
    if (s)
        rg_arena_init(&s->arena, 0);
    return s;
}

void rg_plan_set_free(rg_plan_set *s)
{
    if (!s)
        return;
    rg_free(s->ids);
    rg_free(s->entries);
    rg_free(s->buckets);
    rg_arena_free(&s->arena);
    rg_free(s);
}

size_t rg_plan_set_count(const rg_plan_set *s)
{
    return s ? s->count : 0;
}

const rg_plan_id *rg_plan_set_get(const rg_plan_set *s, size_t i)
{
    return s && i < s->count ? &s->ids[i] : NULL;
}

/* The hashes an identity is indexed under (up to 3), into h. */
static size_t keys(const rg_plan_id *id, uint64_t h[3])
{
    size_t n = 0;
    uint64_t base = (FNV_OFFSET ^ (uint64_t)id->kind) * FNV_PRIME;
    if (id->ref)
        h[n++] = fnv(fnv(base, "ref"), id->ref);
    if (id->title)
        h[n++] = fnv(fnv(fnv(base, "title"), id->title), id->sheet_key);
    if (id->content)
        h[n++] = fnv_u64(fnv(fnv(base, "content"), id->sheet_key),
                         id->content);
    return n;
}

static bool rehash(rg_plan_set *s, size_t want)
{
    size_t *b = rg_calloc(want, sizeof *b), i;
    if (!b)
        return false;
    rg_free(s->buckets);
    s->buckets = b;
    s->bucket_count = want;
    for (i = 0; i < s->entry_count; i++) {
        size_t at = (size_t)(s->entries[i].hash & (want - 1));
        s->entries[i].next = b[at];
        b[at] = i + 1;
    }
    return true;
}

static bool index_id(rg_plan_set *s, size_t idx)
{
    uint64_t h[3];
    size_t n = keys(&s->ids[idx], h), i;

    /* buckets a power of two, at most two entries a bucket on average */
    if (s->entry_count + n > 2 * s->bucket_count &&
        !rehash(s, s->bucket_count ? s->bucket_count * 2 : 64))
        return false;
    if (!rg_grow((void **)&s->entries, &s->entry_cap, s->entry_count + n,
                 sizeof *s->entries))
        return false;
    for (i = 0; i < n; i++) {
        entry *e = &s->entries[s->entry_count];
        size_t at = (size_t)(h[i] & (s->bucket_count - 1));
        e->hash = h[i];
        e->id = idx;
        e->next = s->buckets[at];
        s->buckets[at] = ++s->entry_count;
    }
    return true;
}

rag_status rg_plan_set_put(rg_plan_set *s, const rg_plan_id *id,
                           rag_error *err)
{
    rg_plan_id c = *id;
    rg_arena *a = &s->arena;

    if (!rg_grow((void **)&s->ids, &s->cap, s->count + 1, sizeof *s->ids))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    c.file = rg_arena_strdup(a, id->file ? id->file : "");
    c.sheet = rg_arena_strdup(a, id->sheet ? id->sheet : "");
    c.ref = rg_arena_strdup(a, id->ref);
    c.title = rg_arena_strdup(a, id->title);
    c.owner = rg_arena_strdup(a, id->owner);
    c.sheet_key = rg_arena_strdup(a, id->sheet_key ? id->sheet_key : "");
    if (!c.file || !c.sheet || !c.sheet_key || (id->ref && !c.ref) ||
        (id->title && !c.title) || (id->owner && !c.owner))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->ids[s->count] = c;
    if (!index_id(s, s->count))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->count++;
    return RAG_OK;
}

rag_status rg_plan_set_add_model(rg_plan_set *s, const rag_model *m,
                                 const char *file, rag_error *err)
{
    size_t i;

    for (i = 0; i < m->plan_count; i++) {
        const rag_plan *p = &m->plans[i];
        rg_plan_id id;
        rg_arena tmp;
        bool ok = true;
        rag_status st;

        rg_arena_init(&tmp, 0);
        memset(&id, 0, sizeof id);
        id.kind = p->kind;
        id.file = file ? file : m->file;
        id.sheet = p->sheet;
        id.sheet_index = p->sheet_index;
        id.cell = p->cell;
        id.plan_index = i;
        id.as_of = p->as_of.year ? p->as_of
                   : m->as_of_found ? m->as_of
                                    : (rag_date){0, 0, 0};
        id.ref = norm(&tmp, plan_ref(p), true, &ok);
        id.title = norm(&tmp, p->title, false, &ok);
        id.owner = norm(&tmp, p->owner, false, &ok);
        id.sheet_key = norm(&tmp, p->sheet, false, &ok);
        id.content = content_hash(p);
        id.leads = leads_hash(p, &tmp, &ok);
        st = ok ? rg_plan_set_put(s, &id, err)
                : rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        rg_arena_free(&tmp);
        if (st != RAG_OK)
            return st;
    }
    return RAG_OK;
}

static bool same_str(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

/* Two plans of one template's title and sheet: the same service's?  The
 * owner says so where both name one; else the same content, or the same
 * people leading the actions (the parks and the roads returns of one
 * template differ in both; last month's parks return and this month's
 * share both, or at least the leads once an action is added). */
static bool one_service(const rg_plan_id *a, const rg_plan_id *b)
{
    if (a->owner && b->owner)
        return !strcmp(a->owner, b->owner);
    if (a->content && a->content == b->content)
        return true;
    if (a->leads && a->leads == b->leads)
        return true;
    /* nothing in either to tell them apart: one template, kept twice */
    return !a->content && !b->content;
}

bool rg_plan_same(const rg_plan_id *a, const rg_plan_id *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->ref && b->ref)
        return !strcmp(a->ref, b->ref);
    if (a->title && b->title)
        return !strcmp(a->title, b->title) &&
               same_str(a->sheet_key, b->sheet_key) && one_service(a, b);
    if (a->content && b->content)
        return a->content == b->content &&
               same_str(a->sheet_key, b->sheet_key);
    return false;
}

const char *rg_plan_same_why(const rg_plan_id *a, const rg_plan_id *b,
                             char *buf, size_t size)
{
    if (a->ref && b->ref) {
        snprintf(buf, size, "reference %s", a->ref);
        /* references print as written but for case: upper case reads
         * as a reference ("FRB/23/007", "DP11") */
        for (char *p = buf + 10; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
        return buf;
    }
    if (a->title && b->title)
        return a->owner && b->owner ? "title, sheet and owner"
               : a->content && a->content == b->content
                   ? "title, sheet and actions"
               : a->leads && a->leads == b->leads ? "title, sheet and leads"
                                                  : "title and sheet";
    return "sheet and content";
}

const rg_plan_id *rg_plan_set_find(const rg_plan_set *s,
                                   const rg_plan_id *id, size_t *index)
{
    uint64_t h[3];
    size_t n, i, e, best = (size_t)-1;

    if (!s || !s->bucket_count)
        return NULL;
    n = keys(id, h);
    for (i = 0; i < n; i++)
        for (e = s->buckets[h[i] & (s->bucket_count - 1)]; e;
             e = s->entries[e - 1].next) {
            const entry *x = &s->entries[e - 1];
            if (x->hash == h[i] && x->id < best &&
                rg_plan_same(&s->ids[x->id], id))
                best = x->id;
        }
    if (best == (size_t)-1)
        return NULL;
    if (index)
        *index = best;
    return &s->ids[best];
}

/* ---- the finding and the choice ---------------------------------------- */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path ? path : "", '/');
    return s ? s + 1 : path ? path : "";
}

bool rg_plan_later(const rg_plan_id *a, const rg_plan_id *b)
{
    long da = rag_date_days(a->as_of), db = rag_date_days(b->as_of);
    int c;

    if (a->as_of.year && b->as_of.year && da != db)
        return db > da;
    if (a->as_of.year != 0 && b->as_of.year == 0)
        return false;
    if (b->as_of.year != 0 && a->as_of.year == 0)
        return true;
    c = strcmp(base_name(b->file), base_name(a->file));
    if (c)
        return c > 0;
    return strcmp(b->file ? b->file : "", a->file ? a->file : "") > 0;
}

static rag_status add(rag_findings *list, const rag_finding *f,
                      const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static rag_status add(rag_findings *list, const rag_finding *f,
                      const char *fmt, ...)
{
    va_list ap;
    rag_status st;
    va_start(ap, fmt);
    st = rg_findings_add(list, f, fmt, ap);
    va_end(ap);
    return st;
}

rag_status rg_plan_duplicate_add(rag_findings *list,
                                 const rag_validate_options *opts,
                                 const rg_plan_id *dup,
                                 const rg_plan_id *other, const char *note,
                                 rag_error *err)
{
    rag_severity sev = rag_rule_severity(opts, RAG_RULE_PLAN_DUPLICATE);
    rag_finding f;
    char why[160], at[16];

    if (sev == RAG_SEVERITY_OFF)
        return RAG_OK;
    memset(&f, 0, sizeof f);
    f.file = dup->file;
    f.sheet = dup->sheet;
    f.sheet_index = dup->sheet_index;
    f.has_cell = dup->cell.set;
    f.row = dup->cell.set ? dup->cell.row : 0;
    f.col = dup->cell.set ? dup->cell.col : 0;
    f.rule_id = RAG_RULE_PLAN_DUPLICATE;
    f.rule = rag_rules(NULL)[RAG_RULE_PLAN_DUPLICATE].name;
    f.severity = sev;
    rag_cell_ref_format(other->cell.row, other->cell.col, at);
    if (add(list, &f, "the same %s as in %s (%s!%s; same %s)%s%s",
            kind_words(dup->kind), other->file, other->sheet, at,
            rg_plan_same_why(dup, other, why, sizeof why), note ? ": " : "",
            note ? note : "") != RAG_OK)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return RAG_OK;
}

/* ---- the public API (validate.h) ---------------------------------------- */

rag_status rag_plan_set_new(rag_plan_set **out, rag_error *err)
{
    if (!out)
        return rg_fail(err, RAG_ERR_USAGE, "no place for the set");
    *out = rg_plan_set_new();
    return *out ? RAG_OK : rg_fail(err, RAG_ERR_NOMEM, "out of memory");
}

void rag_plan_set_free(rag_plan_set *set)
{
    rg_plan_set_free(set);
}

rag_status rag_plan_set_add(rag_plan_set *set, const rag_model *m,
                            const char *file, rag_error *err)
{
    if (!set || !m)
        return rg_fail(err, RAG_ERR_USAGE, "no set or no model");
    return rg_plan_set_add_model(set, m, file, err);
}

rag_status rag_plan_set_check(rag_plan_set *seen, const rag_plan_set *mine,
                              const rag_validate_options *opts,
                              rag_findings *out, size_t *found,
                              rag_error *err)
{
    size_t i, n = rg_plan_set_count(mine), before;
    rag_status st = RAG_OK;

    if (found)
        *found = 0;
    if (!seen || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no set or no findings list");
    before = out->count;
    for (i = 0; i < n && st == RAG_OK; i++) {
        const rg_plan_id *id = rg_plan_set_get(mine, i);
        const rg_plan_id *first = rg_plan_set_find(seen, id, NULL);
        if (first)
            st = rg_plan_duplicate_add(out, opts, id, first, NULL, err);
    }
    for (i = 0; i < n && st == RAG_OK; i++)
        st = rg_plan_set_put(seen, rg_plan_set_get(mine, i), err);
    if (found)
        *found = out->count - before;
    return st;
}
