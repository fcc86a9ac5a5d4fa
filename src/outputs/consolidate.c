/*
 * rag_consolidate: many workbooks into one for finance.
 *
 * Every input is read, recognised and validated; one that cannot be read
 * becomes a file-unreadable finding and the rest go on.  Then the Summary
 * (consolidate_summary.c: live formulas over the detail sheets), the
 * detail sheets (consolidate_sheets.c) and the Issues sheet (issues.c).
 */
#include <stdio.h>
#include <string.h>

#include "outputs/consolidate_impl.h"
#include "validate/duplicate.h"

/* ---- names ------------------------------------------------------------------ */

/*
 * Each input's name as the sheets show it: its path relative to the
 * folder all the inputs share, so two "return.xlsx" from two folders read
 * apart and a long absolute path does not fill the column.  *dir is that
 * folder, absolute, without its last '/' ("" for the root).
 */
static rag_status name_files(rg_cs_ctx *c, char **dir)
{
    char **abs = rg_calloc(c->count, sizeof *abs);
    size_t i, common = (size_t)-1;
    rag_status st = RAG_OK;

    *dir = NULL;
    if (!abs)
        return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < c->count && st == RAG_OK; i++) {
        size_t k, slash = 0;
        abs[i] = rg_cv_absolute(c->files[i].path);
        if (!abs[i]) {
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            break;
        }
        /* the longest prefix of every path so far that ends at a '/' */
        for (k = 0; abs[i][k] && (!i || abs[i][k] == abs[0][k]); k++)
            if (abs[i][k] == '/')
                slash = k;
        if (i && !abs[i][k] && abs[0][k] == '/')
            slash = k;
        if (slash < common)
            common = slash;
    }
    if (st == RAG_OK && common != (size_t)-1) {
        *dir = rg_calloc(1, common + 1);
        if (*dir)
            memcpy(*dir, abs[0], common);
        /* inputs with nothing but the root in common: named in full */
        for (i = 0; *dir && i < c->count; i++) {
            c->files[i].shown = rg_strdup(abs[i] + (common ? common + 1 : 0));
            if (!c->files[i].shown)
                break;
        }
        if (!*dir || i < c->count)
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < c->count; i++)
        rg_free(abs[i]);
    rg_free(abs);
    return st;
}

/* ---- reading ---------------------------------------------------------------- */

/* Whether wb is a workbook ragbook wrote as a whole (a consolidated
 * workbook, a validation report): marked by a global defined name. */
static bool ours(const rag_workbook *wb)
{
    size_t i;
    for (i = 0; i < wb->name_count; i++)
        if (wb->names[i].sheet < 0 && wb->names[i].name &&
            !strcmp(wb->names[i].name, RG_CV_MARK_OUTPUT))
            return true;
    return false;
}

static rag_status read_all(rg_cs_ctx *c, const rag_convert_options *o,
                           const char *out_dir, rag_error *file_errors,
                           rag_consolidate_report *rep)
{
    size_t i;
    rag_status st = RAG_OK;

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        rg_cs_file *f = &c->files[i];
        rag_error why;
        rag_validate_options vo = o->validate;

        rag_error_clear(&why);
        if (rag_workbook_read(f->path, NULL, &f->wb, &why) == RAG_OK &&
            ours(f->wb)) {
            rag_workbook_free(f->wb);
            f->wb = NULL;
            rep->files_skipped++;
            continue;
        }
        if (why.status != RAG_OK ||
            rag_model_build(f->wb, &o->model, &f->m, &why) != RAG_OK) {
            if (why.status == RAG_ERR_NOMEM)
                return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            rag_model_free(f->m);
            rag_workbook_free(f->wb);
            f->m = NULL;
            f->wb = NULL;
            if (!why.file[0])
                rg_strlcpy(why.file, f->path, sizeof why.file);
            if (file_errors)
                file_errors[i] = why;
            rep->files_unreadable++;
            st = rag_findings_new(&f->found, c->err);
            if (st == RAG_OK)
                st = rag_findings_add_unreadable(f->found, f->shown, &why,
                                                 &o->validate, c->err);
            continue;
        }
        f->m->file = f->shown; /* findings name it as the sheets do */
        rep->files_read++;
        f->link = out_dir ? rg_cv_relative(out_dir, f->path) : NULL;
        if (!vo.as_of.year)
            vo.as_of = f->m->as_of;
        if (vo.tolerance <= 0)
            vo.tolerance = o->model.tolerance;
        st = rag_validate(f->m, &vo, &f->found, c->err);
    }
    return st;
}

/* ---- the same plan twice ------------------------------------------------------ */

/* Plan identity idx of the run: in seen when idx < n (the files before
 * this one), else plan idx - n of mine (this file's). */
static const rg_plan_id *id_at(const rg_plan_set *seen,
                               const rg_plan_set *mine, size_t n, size_t idx)
{
    return idx < n ? rg_plan_set_get(seen, idx)
                   : rg_plan_set_get(mine, idx - n);
}

static bool same_date(const rg_plan_id *a, const rg_plan_id *b)
{
    return a->as_of.year == b->as_of.year &&
           (!a->as_of.year ||
            rag_date_days(a->as_of) == rag_date_days(b->as_of));
}

/*
 * Find the plans that are in two inputs or more (validate's plan-duplicate
 * rule: src/validate/duplicate.h), keep one copy of each, the later
 * report date's, else the later file name's, and mark the others
 * dropped.  Each copy after the first in run order gets a plan-duplicate
 * finding naming the first and saying which copy is counted; they are
 * put in dup (on the file of the copy, in the order of the files).
 */
static rag_status find_duplicates(rg_cs_ctx *c, const rag_convert_options *o,
                                  rag_findings *dup,
                                  rag_consolidate_report *rep)
{
    rg_plan_set *seen = rg_plan_set_new(), *mine = NULL;
    size_t *group = NULL, *keep = NULL, *file = NULL, cap = 0, keep_cap = 0,
           file_cap = 0, n = 0, i, k;
    rag_status st = RAG_OK;

    if (!seen)
        return rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < c->count && st == RAG_OK; i++) {
        const rag_model *m = c->files[i].m;
        size_t mn = 0;
        if (!m || !m->plan_count)
            continue;
        mine = rg_plan_set_new();
        if (!mine)
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
        if (st == RAG_OK)
            st = rg_plan_set_add_model(mine, m, c->files[i].shown, c->err);
        if (st == RAG_OK)
            mn = rg_plan_set_count(mine);
        if (st == RAG_OK &&
            (!rg_grow((void **)&group, &cap, n + mn, sizeof *group) ||
             !rg_grow((void **)&keep, &keep_cap, n + mn, sizeof *keep) ||
             !rg_grow((void **)&file, &file_cap, n + mn, sizeof *file)))
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
        /* against the files before this one only: a plan twice in one
         * workbook is that workbook's business (ref-duplicate) */
        for (k = 0; k < mn && st == RAG_OK; k++) {
            const rg_plan_id *id = rg_plan_set_get(mine, k);
            size_t at, g;
            file[n + k] = i;
            keep[n + k] = n + k;
            if (!rg_plan_set_find(seen, id, &at)) {
                group[n + k] = n + k;
                continue;
            }
            g = group[n + k] = group[at];
            if (rg_plan_later(id_at(seen, mine, n, keep[g]), id))
                keep[g] = n + k;
        }
        for (k = 0; k < mn && st == RAG_OK; k++)
            st = rg_plan_set_put(seen, rg_plan_set_get(mine, k), c->err);
        rg_plan_set_free(mine);
        mine = NULL;
        n += mn;
    }
    /* mark the copies left out, and say so on the later copies */
    for (i = 0; i < n && st == RAG_OK; i++) {
        size_t g = group[i], kept = keep[g];
        const rg_plan_id *id = rg_plan_set_get(seen, i);
        const rg_plan_id *first = rg_plan_set_get(seen, g);
        const rg_plan_id *winner = rg_plan_set_get(seen, kept);
        rg_cs_file *f = &c->files[file[i]];
        rg_buf note = {0};

        if (kept != i) { /* one copy of each plan is counted */
            if (!f->dropped)
                f->dropped = rg_calloc(f->m->plan_count, sizeof(bool));
            if (!f->dropped)
                st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
            if (st == RAG_OK) {
                f->dropped[id->plan_index] = true;
                rep->duplicates++;
            }
        }
        if (st != RAG_OK || g == i)
            continue;
        /* why the counted copy won over this one (over the first, when
         * this one is counted) */
        if (!rg_buf_printf(&note, "counted once, from %s (%s)",
                           kept == i ? "this copy" : winner->file,
                           same_date(winner, kept == i ? first : id)
                               ? "the later file name"
                               : "the later report date"))
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
        if (st == RAG_OK)
            st = rg_plan_duplicate_add(dup, &o->validate, id, first,
                                       note.data, c->err);
        rg_buf_free(&note);
    }
    rg_plan_set_free(mine);
    rg_free(group);
    rg_free(keep);
    rg_free(file);
    rg_plan_set_free(seen);
    return st;
}

/* Whether finding x of file f is still to be listed: not when every plan
 * of its sheet (or, for a finding on no sheet or a sheet with no plan,
 * of its file) is a copy left out. */
static bool still_listed(const rg_cs_file *f, const rag_finding *x)
{
    size_t k, on_sheet = 0, counted = 0, any = 0;

    if (!f->dropped)
        return true;
    for (k = 0; k < f->m->plan_count; k++) {
        bool same = x->sheet && f->m->plans[k].sheet_index == x->sheet_index;
        on_sheet += same;
        any += rg_cs_counted(f, k);
        counted += same && rg_cs_counted(f, k);
    }
    return on_sheet ? counted > 0 : any > 0;
}

/* The findings of every file, in file order, then the plan-duplicate rows
 * on that file, into all. */
static rag_status gather(rg_cs_ctx *c, const rag_findings *dup,
                         rag_findings *all, rag_consolidate_report *rep)
{
    size_t i, k, d = 0;
    rag_status st = RAG_OK;

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        rg_cs_file *f = &c->files[i];
        for (k = 0; f->found && k < f->found->count && st == RAG_OK; k++) {
            const rag_finding *x = &f->found->items[k];
            if (still_listed(f, x))
                st = rag_findings_add(all, x, c->err, "%s", x->message);
        }
        for (; d < dup->count && st == RAG_OK &&
               !strcmp(dup->items[d].file, f->shown);
             d++)
            st = rag_findings_add(all, &dup->items[d], c->err, "%s",
                                  dup->items[d].message);
        for (k = 0; f->m && k < f->m->plan_count; k++)
            rep->plans += rg_cs_counted(f, k);
        rag_findings_free(f->found);
        f->found = NULL;
    }
    return st;
}

rag_status rag_consolidate(const char *const *in, size_t count,
                           const char *out, const rag_convert_options *opts,
                           rag_error *file_errors,
                           rag_consolidate_report *report, rag_error *err)
{
    rag_convert_options o;
    rag_consolidate_report rep;
    rg_cs_ctx c;
    rag_write_options wo;
    rag_findings *all = NULL, *dup = NULL;
    rag_wsheet *summary = NULL, *issues = NULL;
    rg_cv_links links;
    char *out_dir = NULL, *files_dir = NULL;
    size_t i;
    int k;
    rag_status st;

    if (report)
        memset(report, 0, sizeof *report);
    if (!in || !count || !out)
        return rg_fail(err, RAG_ERR_USAGE, "give at least one input file");
    memset(&o, 0, sizeof o);
    if (opts)
        o = *opts;
    memset(&rep, 0, sizeof rep);
    rep.as_of = o.model.as_of.year ? o.model.as_of
                : o.model.today.year ? o.model.today
                                     : rag_date_today();
    for (i = 0; file_errors && i < count; i++)
        rag_error_clear(&file_errors[i]);
    memset(&c, 0, sizeof c);
    c.count = count;
    c.err = err;
    c.files = rg_calloc(count, sizeof *c.files);
    if (!c.files)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < count; i++)
        c.files[i].path = in[i];
    memset(&wo, 0, sizeof wo);
    wo.mode = RAG_WRITE_NORMAL;
    wo.created = o.created;
    wo.title = "ragbook: consolidated workbook";
    wo.author = "ragbook";
    wo.inputs = in;
    wo.input_count = count;
    /* open first: an output that is an input is refused before any work */
    st = rag_writer_open(out, &wo, &c.w, err);
    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, out, sizeof err->file);
    if (st == RAG_OK) {
        out_dir = rg_cv_out_dir(out);
        st = rag_findings_new(&all, err);
    }
    if (st == RAG_OK)
        st = rag_findings_new(&dup, err);
    if (st == RAG_OK)
        st = name_files(&c, &files_dir);
    if (st == RAG_OK)
        st = read_all(&c, &o, out_dir, file_errors, &rep);
    if (st == RAG_OK)
        st = find_duplicates(&c, &o, dup, &rep);
    if (st == RAG_OK)
        st = gather(&c, dup, all, &rep);
    if (st == RAG_OK)
        st = rg_cs_styles(&c);
    if (st == RAG_OK)
        st = rag_writer_add_sheet(c.w, "Summary", &summary, err);
    if (st == RAG_OK)
        st = rag_writer_define_name(c.w, NULL, RG_CV_MARK_OUTPUT,
                                    "\"consolidate\"", true, err);
    for (k = 0; k < RG_CS_SHEETS && st == RAG_OK; k++)
        st = rag_writer_add_sheet(c.w, rg_cs_sheet_names[k], &c.sheets[k],
                                  err);
    if (st == RAG_OK)
        st = rag_writer_add_sheet(c.w, "Issues", &issues, err);
    if (st == RAG_OK)
        st = rg_cs_details(&c);
    if (st == RAG_OK)
        st = rg_cs_summary(&c, summary, &rep, o.model.as_of.year != 0);
    memset(&links, 0, sizeof links);
    links.out_dir = out_dir;
    links.files_dir = files_dir;
    if (st == RAG_OK)
        st = rg_cv_issues_sheet(c.w, issues, all, &links, err);
    if (st == RAG_OK) {
        rag_wsheet_activate(summary);
        rep.findings = all->count;
        rep.errors = rag_findings_count(all, RAG_SEVERITY_ERROR);
        rep.warnings = rag_findings_count(all, RAG_SEVERITY_WARNING);
        rep.infos = rag_findings_count(all, RAG_SEVERITY_INFO);
        st = rag_writer_close(c.w, err);
        if (st != RAG_OK && err && !err->file[0])
            rg_strlcpy(err->file, out, sizeof err->file);
    } else if (c.w) {
        rag_writer_abort(c.w);
        if (err && !err->file[0] && st != RAG_ERR_NOMEM)
            rg_strlcpy(err->file, out, sizeof err->file);
    }
    if (st == RAG_OK && report)
        *report = rep;
    for (i = 0; i < count; i++) {
        rag_model_free(c.files[i].m);
        rag_workbook_free(c.files[i].wb);
        rg_free(c.files[i].link);
        rg_free(c.files[i].shown);
        rg_free(c.files[i].dropped);
        rag_findings_free(c.files[i].found);
    }
    rg_free(c.files);
    rg_free(out_dir);
    rg_free(files_dir);
    rag_findings_free(all);
    rag_findings_free(dup);
    return st;
}
