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

/* ---- reading ---------------------------------------------------------------- */

static rag_status read_all(rg_cs_ctx *c, const rag_convert_options *o,
                           const char *out_dir, rag_findings *all,
                           rag_error *file_errors,
                           rag_consolidate_report *rep)
{
    size_t i;
    rag_status st = RAG_OK;

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        rg_cs_file *f = &c->files[i];
        rag_error why;
        rag_findings *found = NULL;
        rag_validate_options vo = o->validate;

        rag_error_clear(&why);
        if (rag_workbook_read(f->path, NULL, &f->wb, &why) != RAG_OK ||
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
            st = rag_findings_add_unreadable(all, f->path, &why, &o->validate,
                                             c->err);
            continue;
        }
        rep->files_read++;
        rep->plans += f->m->plan_count;
        f->link = out_dir ? rg_cv_relative(out_dir, f->path) : NULL;
        if (!vo.as_of.year)
            vo.as_of = f->m->as_of;
        if (vo.tolerance <= 0)
            vo.tolerance = o->model.tolerance;
        st = rag_validate(f->m, &vo, &found, c->err);
        if (st == RAG_OK)
            st = rag_findings_append(all, found, c->err);
        rag_findings_free(found);
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
    rag_findings *all = NULL;
    rag_wsheet *summary = NULL, *issues = NULL;
    rg_cv_links links;
    char *out_dir = NULL;
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
        st = read_all(&c, &o, out_dir, all, file_errors, &rep);
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
    }
    rg_free(c.files);
    rg_free(out_dir);
    rag_findings_free(all);
    return st;
}
