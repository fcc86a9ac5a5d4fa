/*
 * The merge session: the master read and recognised, its rows indexed by
 * ref, code and label, the returns added one by one (each read, diffed and
 * freed again, so memory holds one return at a time), and the accessors.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outputs/merge_impl.h"

static const char *const field_names[RAG_MERGE_FIELD_COUNT] = {
    "month", "status", "comment", "due", "value",
    "actual", "variance", "rag", "narrative"};

const char *rag_merge_field_name(rag_merge_field f)
{
    return (unsigned)f < RAG_MERGE_FIELD_COUNT ? field_names[f] : NULL;
}

const char *rg_mg_key(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    for (; s && *s && n + 1 < size; s++)
        if (!isspace((unsigned char)*s))
            buf[n++] = (char)tolower((unsigned char)*s);
    buf[n] = '\0';
    return buf;
}

/* An action's key: its ref, and in a plan whose refs start afresh in
 * each group (one "1" under each audit) its group before it, so a
 * return's "1" under "Procurement" is the master's "1" under it. */
const char *rg_mg_action_key(const rag_plan *p, const rag_action *a,
                             char *buf, size_t size)
{
    size_t n;
    if (!p->refs_by_group)
        return rg_mg_key(a->ref, buf, size);
    rg_mg_key(a->group ? a->group : "", buf, size);
    n = strlen(buf);
    if (n + 2 < size) {
        buf[n++] = '\x1f'; /* no key holds it: group and ref stay apart */
        rg_mg_key(a->ref, buf + n, size - n);
    }
    return buf;
}

/* ---- the master's rows --------------------------------------------------- */

static const rag_merge *sort_mg; /* qsort has no context argument */

static int row_cmp(const void *a, const void *b)
{
    const rg_mg_row *x = &sort_mg->rows[*(const size_t *)a],
                    *y = &sort_mg->rows[*(const size_t *)b];
    int c;
    if (x->plan != y->plan)
        return x->plan < y->plan ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    c = strcmp(x->key, y->key);
    if (c)
        return c;
    /* the first of a duplicated ref is the one matched */
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t rg_mg_find_row(const rag_merge *mg, size_t plan, rg_mg_kind kind,
                      const char *key)
{
    size_t lo = 0, hi = mg->row_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const rg_mg_row *r = &mg->rows[mg->by_key[mid]];
        int c = r->plan != plan ? (r->plan < plan ? -1 : 1)
                : r->kind != kind ? (r->kind < kind ? -1 : 1)
                                  : strcmp(r->key, key);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < mg->row_count) {
        const rg_mg_row *r = &mg->rows[mg->by_key[lo]];
        if (r->plan == plan && r->kind == kind && !strcmp(r->key, key))
            return mg->by_key[lo];
    }
    return SIZE_MAX;
}

static bool add_row(rag_merge *mg, size_t *cap, size_t plan, size_t item,
                    rg_mg_kind kind, const char *name, bool heading)
{
    char key[256];
    const rag_plan *p = &mg->m->plans[plan];
    rg_mg_row *r;

    if (!name || rg_mg_blank(name))
        return true; /* no ref, no code: nothing a return can name */
    if (!rg_grow((void **)&mg->rows, cap, mg->row_count + 1,
                 sizeof *mg->rows))
        return false;
    r = &mg->rows[mg->row_count];
    memset(r, 0, sizeof *r);
    r->plan = plan;
    r->item = item;
    r->kind = kind;
    r->name = name;
    r->heading = heading;
    r->key = rg_arena_strdup(
        &mg->arena, kind == RG_MG_ACTION
                        ? rg_mg_action_key(p, &p->actions[item], key,
                                           sizeof key)
                        : rg_mg_key(name, key, sizeof key));
    if (!r->key)
        return false;
    mg->row_count++;
    if (!heading)
        mg->plan_rows[plan]++;
    return true;
}

/* The text the master's month cells hold for each status, where they
 * hold any (a key of letters): a month a return recolours gets the
 * master's letter too, so its colour and its words agree. */
static void find_codes(rag_merge *mg, size_t pi)
{
    const rag_plan *p = &mg->m->plans[pi];
    size_t i, j;
    for (i = 0; i < p->action_count; i++) {
        const rag_action *a = &p->actions[i];
        for (j = 0; j < a->month_count; j++) {
            const rag_month *mo = &a->months[j];
            const rag_cell *c;
            const char **slot =
                &mg->codes[pi * RAG_PROGRESS_COUNT + (size_t)mo->status];
            if (mo->status == RAG_PROGRESS_NONE || *slot)
                continue;
            c = rg_mg_cell(mg->wb, p->sheet_index, mo->cell);
            if (c && c->type == RAG_CELL_STRING && !rg_mg_blank(c->text))
                *slot = rg_arena_strndup(&mg->arena, c->text, c->text_len);
        }
    }
}

/* The month columns the master's coloured months show, plan by plan. */
static bool month_columns(rag_merge *mg)
{
    size_t cap = 0, count = 0, pi, i, j, k, n = mg->m->plan_count;

    mg->mcol_start = rg_calloc(n + 1, sizeof *mg->mcol_start);
    if (!mg->mcol_start)
        return false;
    for (pi = 0; pi < n; pi++) {
        const rag_plan *p = &mg->m->plans[pi];
        mg->mcol_start[pi] = count;
        for (i = 0; i < p->action_count; i++) {
            const rag_action *a = &p->actions[i];
            for (j = 0; j < a->month_count; j++) {
                long ym = (long)a->months[j].year * 12 + a->months[j].month - 1;
                bool seen = false;
                if (!a->months[j].year || !a->months[j].cell.set)
                    continue;
                for (k = mg->mcol_start[pi]; k < count && !seen; k++)
                    seen = mg->mcols[k].ym == ym;
                if (seen)
                    continue;
                if (!rg_grow((void **)&mg->mcols, &cap, count + 1,
                             sizeof *mg->mcols))
                    return false;
                mg->mcols[count].ym = ym;
                mg->mcols[count++].col = a->months[j].cell.col;
            }
        }
    }
    mg->mcol_start[n] = count;
    return true;
}

static bool index_master(rag_merge *mg)
{
    size_t cap = 0, pi, i, n = mg->m->plan_count;

    if (!month_columns(mg))
        return false;

    mg->plan_rows = rg_calloc(n ? n : 1, sizeof *mg->plan_rows);
    mg->codes = rg_calloc((n ? n : 1) * RAG_PROGRESS_COUNT,
                          sizeof *mg->codes);
    if (!mg->plan_rows || !mg->codes)
        return false;
    for (pi = 0; pi < n; pi++) {
        const rag_plan *p = &mg->m->plans[pi];
        for (i = 0; i < p->action_count; i++)
            if (!add_row(mg, &cap, pi, i, RG_MG_ACTION, p->actions[i].ref,
                         p->actions[i].is_parent))
                return false;
        for (i = 0; i < p->indicator_count; i++) {
            const rag_indicator *ind = &p->indicators[i];
            if (!add_row(mg, &cap, pi, i, RG_MG_INDICATOR,
                         ind->code ? ind->code : ind->title, false))
                return false;
        }
        for (i = 0; i < p->period_count; i++)
            if (!add_row(mg, &cap, pi, i, RG_MG_PERIOD, p->periods[i].label,
                         false))
                return false;
        find_codes(mg, pi);
    }
    mg->by_key = rg_malloc((mg->row_count ? mg->row_count : 1) *
                           sizeof *mg->by_key);
    if (!mg->by_key)
        return false;
    for (i = 0; i < mg->row_count; i++)
        mg->by_key[i] = i;
    sort_mg = mg;
    qsort(mg->by_key, mg->row_count, sizeof *mg->by_key, row_cmp);
    sort_mg = NULL;
    return true;
}

/* ---- the session --------------------------------------------------------- */

rag_status rg_mg_finding(rag_merge *mg, rag_rule_id id, const char *file,
                         const char *sheet, size_t sheet_index,
                         const rag_loc *at, const char *ref, rag_error *err,
                         const char *fmt, ...)
{
    rag_finding f;
    rag_severity sev = rag_rule_severity(&mg->o.validate, id);
    char msg[2048];
    va_list ap;

    if (sev == RAG_SEVERITY_OFF)
        return RAG_OK;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    memset(&f, 0, sizeof f);
    f.file = file;
    f.sheet = sheet;
    f.sheet_index = sheet_index;
    if (at && at->set) {
        f.has_cell = true;
        f.row = at->row;
        f.col = at->col;
    }
    f.rule_id = id;
    f.severity = sev;
    f.ref = ref;
    return rag_findings_add(mg->found, &f, err, "%s", msg);
}

rag_status rag_merge_open(const char *master, const rag_merge_options *opts,
                          rag_merge **out, rag_error *err)
{
    rag_merge *mg;
    rag_status st;

    if (!out)
        return rg_fail(err, RAG_ERR_USAGE, "no place for the merge");
    *out = NULL;
    if (!master)
        return rg_fail(err, RAG_ERR_USAGE, "no master workbook given");
    mg = rg_calloc(1, sizeof *mg);
    if (!mg)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    rg_arena_init(&mg->arena, 0);
    if (opts)
        mg->o = *opts;
    mg->master = rg_strdup(master);
    if (!mg->master) {
        rag_merge_free(mg);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    st = rag_workbook_read(master, NULL, &mg->wb, err);
    if (st == RAG_OK) {
        rag_error_clear(err); /* what the reader noted is no error */
        st = rag_model_build(mg->wb, &mg->o.model, &mg->m, err);
    }
    if (st != RAG_OK) {
        if (err && !err->file[0])
            rg_strlcpy(err->file, master, sizeof err->file);
        rag_merge_free(mg);
        return st;
    }
    if (rag_findings_new(&mg->found, err) != RAG_OK || !index_master(mg) ||
        !rg_mg_read_history(mg)) {
        rag_merge_free(mg);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    *out = mg;
    return RAG_OK;
}

rag_status rag_merge_add_model(rag_merge *mg, const rag_model *m,
                               const char *name, rag_error *err)
{
    const char *kept;

    if (!mg || !m)
        return rg_fail(err, RAG_ERR_USAGE, "no merge or no return");
    if (mg->finished)
        return rg_fail(err, RAG_ERR_USAGE,
                       "the merge is finished: no more returns");
    kept = rg_arena_strdup(&mg->arena, name ? name
                                       : m->file ? m->file
                                                 : m->wb->path);
    if (!kept)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    mg->returns++;
    return rg_mg_diff(mg, m, kept, mg->returns - 1, err);
}

rag_status rag_merge_add(rag_merge *mg, const char *path, rag_error *err)
{
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    rag_error why;
    rag_status st;

    if (!mg || !path)
        return rg_fail(err, RAG_ERR_USAGE, "no merge or no return");
    if (mg->finished)
        return rg_fail(err, RAG_ERR_USAGE,
                       "the merge is finished: no more returns");
    /* kept for the output's check: it must never be a return */
    if (!rg_grow((void **)&mg->paths, &mg->path_cap, mg->path_count + 1,
                 sizeof *mg->paths) ||
        !(mg->paths[mg->path_count] = rg_arena_strdup(&mg->arena, path)))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    mg->path_count++;
    rag_error_clear(&why);
    st = rag_workbook_read(path, NULL, &wb, &why);
    if (st == RAG_OK) {
        rag_error_clear(&why);
        st = rag_model_build(wb, &mg->o.model, &m, &why);
    }
    if (st != RAG_OK) {
        rag_status add;
        if (st == RAG_ERR_NOMEM) {
            rag_workbook_free(wb);
            return rg_fail(err, st, "out of memory");
        }
        if (!why.file[0])
            rg_strlcpy(why.file, path, sizeof why.file);
        mg->returns++;
        mg->unreadable++;
        add = rag_findings_add_unreadable(mg->found, path, &why,
                                          &mg->o.validate, err);
        rag_model_free(m);
        rag_workbook_free(wb);
        if (add != RAG_OK)
            return add;
        if (err)
            *err = why;
        return st;
    }
    st = rag_merge_add_model(mg, m, path, err);
    rag_model_free(m);
    rag_workbook_free(wb);
    return st;
}

const rag_merge_change *rag_merge_changes(rag_merge *mg, size_t *count)
{
    if (count)
        *count = 0;
    if (!mg || rag_merge_finish(mg, NULL) != RAG_OK)
        return NULL;
    if (count)
        *count = mg->change_count;
    return mg->changes;
}

const rag_findings *rag_merge_findings(rag_merge *mg)
{
    if (!mg)
        return NULL;
    rag_merge_finish(mg, NULL);
    return mg->found;
}

const rag_merge_chase *rag_merge_not_returned(rag_merge *mg, size_t *count)
{
    if (count)
        *count = 0;
    if (!mg || rag_merge_finish(mg, NULL) != RAG_OK)
        return NULL;
    if (count)
        *count = mg->chase_count;
    return mg->chase;
}

void rag_merge_get_report(rag_merge *mg, rag_merge_report *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!mg)
        return;
    rag_merge_finish(mg, NULL);
    out->returns = mg->returns;
    out->unreadable = mg->unreadable;
    out->changes = mg->change_count;
    out->conflicts = mg->conflicts;
    out->unknown_refs = mg->unknown_refs;
    out->no_match = mg->no_match;
    out->unchanged = mg->unchanged;
    out->not_returned = mg->not_returned;
    out->errors = rag_findings_count(mg->found, RAG_SEVERITY_ERROR);
    out->warnings = rag_findings_count(mg->found, RAG_SEVERITY_WARNING);
    out->infos = rag_findings_count(mg->found, RAG_SEVERITY_INFO);
}

void rag_merge_free(rag_merge *mg)
{
    size_t i;
    if (!mg)
        return;
    for (i = 0; i < mg->chase_count; i++)
        rg_free((void *)mg->chase[i].refs);
    rg_free(mg->chase);
    rg_free(mg->changes);
    rg_free(mg->paths);
    rg_free(mg->hist);
    rg_free(mg->hist_sorted);
    rg_free(mg->cand);
    rag_findings_free(mg->found);
    rg_free(mg->codes);
    rg_free(mg->mcols);
    rg_free(mg->mcol_start);
    rg_free(mg->plan_rows);
    rg_free(mg->by_key);
    rg_free(mg->rows);
    rag_model_free(mg->m);
    rag_workbook_free(mg->wb);
    rg_arena_free(&mg->arena);
    rg_free(mg->master);
    rg_free(mg);
}
