/*
 * The merged workbook, through the package editor (edit.h) in two passes:
 *
 *  1. the master with every change applied (values in the master's
 *     styles, months in its key's colours), to a temporary file beside the
 *     output; that file is read back and recognised, so the Summary and
 *     the Issues describe the merged master exactly as `convert` would;
 *  2. that file again, with the Summary, Changes and Issues sheets made
 *     with libxlsxwriter in a side workbook and grafted in (Summary first,
 *     Changes and Issues last), replacing those an earlier merge or
 *     conversion left, and marked with hidden names so recognition skips
 *     them.
 *
 * Every other part of the master is copied as it is.  The temporary files
 * are removed whatever happens; the output appears only when complete.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outputs/convert_impl.h"
#include "outputs/merge_impl.h"
#include "ragbook/edit.h"
#include "edit/kept.h"
#include "util/outfile.h"
#include "writer/kept.h"

#define MARK_CHANGES RG_MG_MARK_CHANGES

typedef struct wjob {
    rag_merge *mg;
    const char *out;
    char *near;             /* a name in the output's directory */
    rg_outfile *applied_file; /* pass 1's output (unnamed), or NULL */
    const char *applied;    /* a name that opens it, or NULL */
    rg_output *side_file;   /* the side workbook (unnamed) */
    const char *side;       /* a name that opens it */
    rag_workbook *wb;       /* the merged master, read back */
    rag_model *m;
    rag_findings *found, *overdue, *issues;
    rg_cv_late late;
    const char **names;     /* per sheet of wb: its name, NULL if ragbook's */
    bool *generated;
    char summary[48], changes[48], issues_name[48];
    rag_error *err;
} wjob;

/* ---- files -------------------------------------------------------------- */

/* The name the passes' files are opened under: only its directory counts
 * (the output's; TMPDIR for an output "/dev/fd/N"), since they stay
 * unnamed (edit/kept.h, writer/kept.h) and are never made under it; NULL
 * when out of memory. */
static char *near_name(const char *out, rag_error *err)
{
    char *path = rg_outfile_beside(out, ".rgb-merge");

    if (!path)
        rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return path;
}

/* ---- pass 1: the changes ------------------------------------------------- */

static rag_status set_style(rag_edit *e, const rag_workbook *wb,
                            const rag_cell *cell, const rag_merge_value *v,
                            int64_t *style, rag_error *err)
{
    uint32_t base = cell ? cell->style : 0, idx;
    rag_status st;

    *style = -1;
    if (v->numfmt) {
        /* a date or percentage the cell's format would not show */
        rag_style s = *rag_cell_style(wb, cell);
        s.numfmt = v->numfmt;
        s.numfmt_id = 0;
        s.is_date = v->type == RAG_CELL_DATE;
        if (v->fill != RAG_NO_COLOR) {
            s.pattern = RAG_PATTERN_SOLID;
            s.fill_fg = v->fill;
        }
        st = rag_edit_style_add(e, &s, &idx, err);
    } else if (v->fill != RAG_NO_COLOR) {
        rag_edit_restyle r;
        memset(&r, 0, sizeof r);
        r.base = base;
        r.changes = RAG_RESTYLE_FILL;
        r.fill = v->fill;
        st = rag_edit_restyle_add(e, &r, &idx, err);
    } else {
        return RAG_OK;
    }
    if (st == RAG_OK)
        *style = idx;
    return st;
}

static rag_status apply(wjob *j, rag_edit *e)
{
    rag_merge *mg = j->mg;
    size_t i;
    rag_status st = RAG_OK;

    for (i = 0; i < mg->change_count && st == RAG_OK; i++) {
        const rag_merge_change *c = &mg->changes[i];
        const rag_merge_value *v = &c->value;
        const rag_cell *cell;
        rag_edit_cell ec;
        long pos = rag_edit_sheet_find(e, c->sheet);
        rag_loc at;

        if (pos < 0)
            return rg_fail(j->err, RAG_ERR_FORMAT,
                           "sheet '%s' is not in the package", c->sheet);
        at.row = c->row;
        at.col = c->col;
        at.set = true;
        cell = rg_mg_cell(mg->wb, c->sheet_index, at);
        memset(&ec, 0, sizeof ec);
        ec.row = c->row;
        ec.col = c->col;
        ec.value = RAG_EDIT_KEEP;
        if (v->set) {
            switch (v->type) {
            case RAG_CELL_STRING:
                ec.value = RAG_EDIT_TEXT;
                ec.text = v->text;
                break;
            case RAG_CELL_DATE:
                ec.value = RAG_EDIT_NUMBER;
                /* changes carry 1900-system serials */
                ec.number = v->number - (mg->wb->date1904 ? 1462.0 : 0.0);
                break;
            case RAG_CELL_NUMBER:
                ec.value = RAG_EDIT_NUMBER;
                ec.number = v->number;
                break;
            case RAG_CELL_BOOL:
                ec.value = RAG_EDIT_BOOL;
                ec.number = v->number;
                break;
            case RAG_CELL_BLANK:
            case RAG_CELL_ERROR:
                break;
            }
        }
        st = set_style(e, mg->wb, cell, v, &ec.style, j->err);
        if (st == RAG_OK)
            st = rag_edit_set_cell(e, (size_t)pos, &ec, j->err);
    }
    return st;
}

static rag_status pass_one(wjob *j)
{
    rag_edit *e = NULL;
    rag_status st;

    if (!j->mg->change_count)
        return RAG_OK; /* the master as it is */

    st = rag_edit_open(j->mg->master, NULL, &e, j->err);
    if (st == RAG_OK)
        st = apply(j, e);
    if (st == RAG_OK)
        st = rg_edit_write_kept(e, j->near, &j->applied_file, j->err);
    if (st == RAG_OK)
        j->applied = rg_outfile_name(j->applied_file);
    rag_edit_free(e);
    return st;
}

/* ---- what the merged master says ------------------------------------------ */

static bool is_marker(const char *name)
{
    return name && (rg_streq_nocase(name, RG_CV_MARK_SUMMARY) ||
                    rg_streq_nocase(name, RG_CV_MARK_ISSUES) ||
                    rg_streq_nocase(name, MARK_CHANGES));
}


static rag_status read_back(wjob *j)
{
    rag_merge *mg = j->mg;
    rag_validate_options vo = mg->o.validate;
    size_t i, n;
    int r;
    rag_status st;

    st = rag_workbook_read(j->applied ? j->applied : mg->master, NULL, &j->wb,
                           j->err);
    if (st == RAG_OK) {
        rag_error_clear(j->err);
        st = rag_model_build(j->wb, &mg->o.model, &j->m, j->err);
    }
    if (st != RAG_OK)
        return st;
    j->m->file = mg->master; /* findings name the master, not the pass */
    n = j->wb->sheet_count;
    j->names = rg_calloc(n ? n : 1, sizeof *j->names);
    j->generated = rg_calloc(n ? n : 1, sizeof *j->generated);
    if (!j->names || !j->generated)
        return rg_fail(j->err, RAG_ERR_NOMEM, "out of memory");
    for (i = 0; i < j->wb->name_count; i++) {
        long s;
        if (!is_marker(j->wb->names[i].name))
            continue;
        s = rg_mg_marked_sheet(j->wb, j->wb->names[i].value);
        if (s >= 0)
            j->generated[s] = true;
    }
    for (i = 0; i < n; i++)
        j->names[i] = j->generated[i] ? NULL : j->wb->sheets[i].name;
    rg_cv_pick_name(j->wb, j->generated, "Summary", NULL, j->summary,
                    sizeof j->summary);
    rg_cv_pick_name(j->wb, j->generated, "Changes", NULL, j->changes,
                    sizeof j->changes);
    rg_cv_pick_name(j->wb, j->generated, "Issues", NULL, j->issues_name,
                    sizeof j->issues_name);

    if (!vo.as_of.year)
        vo.as_of = j->m->as_of;
    if (vo.tolerance <= 0)
        vo.tolerance = mg->o.model.tolerance;
    st = rag_validate(j->m, &vo, &j->found, j->err);
    /* the Summary's overdue list, whatever the rules say */
    for (r = 0; r < RAG_RULE_COUNT; r++)
        vo.rules[r] = RAG_SEVERITY_OFF;
    vo.rules[RAG_RULE_MILESTONE_OVERDUE] = RAG_SEVERITY_WARNING;
    if (st == RAG_OK)
        st = rag_validate(j->m, &vo, &j->overdue, j->err);
    if (st == RAG_OK && !rg_cv_late_init(&j->late, j->overdue))
        st = rg_fail(j->err, RAG_ERR_NOMEM, "out of memory");
    /* Issues: the merge's findings first, then the merged master's */
    if (st == RAG_OK)
        st = rag_findings_new(&j->issues, j->err);
    if (st == RAG_OK)
        st = rag_findings_append(j->issues, mg->found, j->err);
    if (st == RAG_OK)
        st = rag_findings_append(j->issues, j->found, j->err);
    return st;
}

/* ---- pass 2: the generated sheets ------------------------------------------- */

static rag_status side_workbook(wjob *j)
{
    rag_merge *mg = j->mg;
    rag_write_options wo;
    rag_writer *w = NULL;
    rag_wsheet *sum = NULL, *chg = NULL, *iss = NULL;
    rg_cv_summary_in si;
    rg_cv_links links;
    const char *inputs[2];
    rag_status st;

    memset(&wo, 0, sizeof wo);
    wo.mode = RAG_WRITE_NORMAL;
    wo.created = mg->o.created;
    inputs[0] = mg->master;
    inputs[1] = j->out;
    wo.inputs = inputs;
    wo.input_count = 2;
    st = rag_writer_open(j->near, &wo, &w, j->err);
    if (st != RAG_OK)
        return st;
    st = rag_writer_add_sheet(w, j->summary, &sum, j->err);
    if (st == RAG_OK)
        st = rag_writer_add_sheet(w, j->changes, &chg, j->err);
    if (st == RAG_OK)
        st = rag_writer_add_sheet(w, j->issues_name, &iss, j->err);
    memset(&si, 0, sizeof si);
    si.m = j->m;
    si.overdue = j->overdue;
    si.source = mg->master;
    si.sheet_names = j->names;
    si.sheet_count = j->wb->sheet_count;
    si.origin = j->m->as_of_given   ? RG_CV_AS_OF_OPTION
                : j->m->as_of_found ? RG_CV_AS_OF_WORKBOOK
                                    : RG_CV_AS_OF_TODAY;
    if (st == RAG_OK)
        st = rg_cv_summary(w, sum, &si, j->err);
    if (st == RAG_OK)
        st = rg_mg_changes_sheet(w, chg, mg, j->err);
    memset(&links, 0, sizeof links);
    links.short_names = true;
    links.sheet_names = j->names;
    links.sheet_count = j->wb->sheet_count;
    links.inside_file = mg->master; /* a return's findings are not here */
    if (st == RAG_OK)
        st = rg_cv_issues_sheet(w, iss, j->issues, &links, j->err);
    if (st != RAG_OK) {
        rag_writer_abort(w);
        return st;
    }
    st = rg_writer_close_kept(w, &j->side_file, j->err);
    if (st == RAG_OK)
        j->side = rg_output_file(j->side_file);
    return st;
}

static rag_status mark(rag_edit *e, const char *name, const char *sheet,
                       rag_error *err)
{
    rg_buf b = {NULL, 0, 0};
    rag_range a1 = {0, 0, 0, 0};
    rag_status st;
    if (!rg_cv_range_ref(&b, sheet, &a1))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    st = rag_edit_define_name(e, NULL, name, b.data, true, err);
    rg_buf_free(&b);
    return st;
}

static rag_status pass_two(wjob *j)
{
    rag_edit *e = NULL;
    rag_edit_graft g[3];
    size_t i, count;
    rag_status st;

    st = rag_edit_open(j->applied ? j->applied : j->mg->master, NULL, &e,
                       j->err);
    for (i = 0; i < j->wb->sheet_count && st == RAG_OK; i++) {
        long pos;
        if (!j->generated[i])
            continue;
        pos = rag_edit_sheet_find(e, j->wb->sheets[i].name);
        if (pos >= 0)
            st = rag_edit_remove_sheet(e, (size_t)pos, j->err);
    }
    if (st == RAG_OK) {
        rag_edit_remove_names(e, RG_CV_MARK_SUMMARY);
        rag_edit_remove_names(e, RG_CV_MARK_ISSUES);
        rag_edit_remove_names(e, MARK_CHANGES);
        count = rag_edit_sheet_count(e);
        memset(g, 0, sizeof g);
        g[0].sheet = j->summary;
        g[0].before = 0;
        g[1].sheet = j->changes;
        g[1].before = count;
        g[2].sheet = j->issues_name;
        g[2].before = count;
        st = rag_edit_graft_sheets(e, j->side, g, 3, j->err);
    }
    if (st == RAG_OK)
        st = mark(e, RG_CV_MARK_SUMMARY, j->summary, j->err);
    if (st == RAG_OK)
        st = mark(e, MARK_CHANGES, j->changes, j->err);
    if (st == RAG_OK)
        st = mark(e, RG_CV_MARK_ISSUES, j->issues_name, j->err);
    if (st == RAG_OK) {
        char stamp[32], value[40];
        rg_mg_new_stamp(j->mg, stamp, sizeof stamp);
        snprintf(value, sizeof value, "\"%s\"", stamp);
        st = rag_edit_define_name(e, NULL, RG_MG_MARK_STAMP, value, true,
                                  j->err);
    }
    if (st == RAG_OK)
        st = rag_edit_write(e, j->out, j->err);
    rag_edit_free(e);
    return st;
}

/* ---- the whole write ----------------------------------------------------------- */

rag_status rag_merge_write(rag_merge *mg, const char *out, rag_error *err)
{
    wjob j;
    size_t i;
    rag_status st;

    if (!mg || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no merge or no output");
    st = rag_merge_finish(mg, err);
    if (st != RAG_OK)
        return st;
    if (rg_same_file(out, mg->master))
        st = rg_fail(err, RAG_ERR_USAGE, "the output is the master");
    for (i = 0; i < mg->path_count && st == RAG_OK; i++)
        if (rg_same_file(out, mg->paths[i]))
            st = rg_fail(err, RAG_ERR_USAGE, "the output is a return (%s)",
                         mg->paths[i]);
    if (st != RAG_OK) {
        if (err)
            rg_strlcpy(err->file, out, sizeof err->file);
        return st;
    }
    memset(&j, 0, sizeof j);
    j.mg = mg;
    j.out = out;
    j.err = err;
    j.near = near_name(out, err);
    st = j.near ? pass_one(&j) : RAG_ERR_NOMEM;
    if (st == RAG_OK)
        st = read_back(&j);
    if (st == RAG_OK)
        st = side_workbook(&j);
    if (st == RAG_OK)
        st = pass_two(&j);
    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, out, sizeof err->file);
    rg_outfile_abort(j.applied_file);
    rg_output_abort(j.side_file);
    rg_free(j.near);
    rg_free(j.names);
    rg_free(j.generated);
    rag_findings_free(j.found);
    rag_findings_free(j.overdue);
    rag_findings_free(j.issues);
    rg_cv_late_free(&j.late);
    rag_model_free(j.m);
    rag_workbook_free(j.wb);
    return st;
}
