/*
 * rag_convert: read, recognise, validate, then edit the input in place
 * (edit.h): its sheets updated, a Summary grafted before them and an
 * Issues sheet after.
 *
 * A workbook ragbook converted before is recognised by its markers (hidden
 * defined names, see convert_impl.h): its Summary and Issues sheets are
 * written anew rather than copied, and its computed cells are left out of
 * the copy and computed again, so converting twice gives what converting
 * once gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outputs/convert_impl.h"
#include "outputs/look.h"
#include "read/pages.h"
#include "util/outfile.h"
#include "writer/kept.h"

#define MAX_OLD 64 /* computed ranges remembered per sheet */

typedef struct job {
    rag_convert_options o;
    const char *in;
    rag_workbook *wb;
    rag_model *m;
    rag_findings *found, *overdue;
    rg_cv_late late;            /* overdue's rows */
    rag_writer *w;              /* the side workbook */
    rag_edit *ed;               /* the input, edited */
    bool *generated;        /* per input sheet: written by ragbook */
    rag_range *old;         /* per input sheet: MAX_OLD computed ranges */
    size_t *old_count;
    const char **names;     /* per input sheet: its output name, or NULL */
    rg_cv_sheet **sheets;   /* per input sheet, while copying */
    rg_look_words *words;   /* per plan: its status column's words */
    char summary[40], issues[40];
    rg_buf buf;
    rag_convert_report report;  /* figured before the inputs are dropped */
} job;

static bool name_is(const char *a, const char *b)
{
    return a && b && rg_streq_nocase(a, b);
}

/* ---- markers ------------------------------------------------------------ */

/* The sheet a "'Sheet'!$A$1" reference names, or -1. */
static long ref_sheet(const rag_workbook *wb, const char *value, rg_buf *b,
                      const char **rest)
{
    const char *bang = value ? strrchr(value, '!') : NULL;
    const char *s = value;
    size_t n;

    if (!bang)
        return -1;
    *rest = bang + 1;
    rg_buf_reset(b);
    n = (size_t)(bang - s);
    if (n >= 2 && s[0] == '\'' && s[n - 1] == '\'') {
        size_t i;
        for (i = 1; i + 1 < n; i++) {
            if (!rg_buf_putc(b, s[i]))
                return -1;
            if (s[i] == '\'' && s[i + 1] == '\'')
                i++;
        }
    } else if (!rg_buf_append(b, s, n)) {
        return -1;
    }
    if (!rg_buf_puts(b, ""))
        return -1;
    return rag_workbook_sheet_index(wb, b->data);
}

static void read_markers(job *j)
{
    size_t i;
    for (i = 0; i < j->wb->name_count; i++) {
        const rag_defined_name *d = &j->wb->names[i];
        const char *rest = NULL;
        long s;
        if (!d->name || strncmp(d->name, RG_CV_MARK_PREFIX,
                                strlen(RG_CV_MARK_PREFIX)))
            continue;
        s = ref_sheet(j->wb, d->value, &j->buf, &rest);
        if (s < 0)
            continue;
        if (name_is(d->name, RG_CV_MARK_SUMMARY) ||
            name_is(d->name, RG_CV_MARK_ISSUES)) {
            j->generated[s] = true;
        } else if (!strncmp(d->name, RG_CV_MARK_COMPUTED,
                            strlen(RG_CV_MARK_COMPUTED)) &&
                   d->sheet == s && j->old_count[s] < MAX_OLD) {
            char plain[48];
            size_t k = 0;
            rag_range r;
            for (; *rest && k + 1 < sizeof plain; rest++)
                if (*rest != '$')
                    plain[k++] = *rest;
            plain[k] = '\0';
            if (rag_range_parse(plain, &r))
                j->old[(size_t)s * MAX_OLD + j->old_count[s]++] = r;
        }
    }
}

/* ---- steps -------------------------------------------------------------- */

void rg_cv_pick_name(const rag_workbook *wb, const bool *generated,
                     const char *want, const char *avoid, char *out,
                     size_t size)
{
    int k;
    /* 100 tries: a workbook holding "ragbook Summary 2" to 99 is hostile;
     * the last try stands and adding the sheet refuses the name */
    for (k = 0; k < 100; k++) {
        size_t i;
        bool taken = false;
        if (!k)
            snprintf(out, size, "%s", want);
        else if (k == 1)
            snprintf(out, size, "ragbook %s", want);
        else
            snprintf(out, size, "ragbook %s %d", want, k);
        for (i = 0; i < wb->sheet_count && !taken; i++)
            taken = !generated[i] && name_is(wb->sheets[i].name, out);
        if (!taken && !name_is(out, avoid))
            return;
    }
}

static rag_status check(job *j, rag_error *err)
{
    rag_validate_options vo = j->o.validate;
    int r;

    if (!vo.as_of.year)
        vo.as_of = j->m->as_of;
    if (vo.tolerance <= 0)
        vo.tolerance = j->o.model.tolerance;
    if (rag_validate(j->m, &vo, &j->found, err) != RAG_OK)
        return err ? err->status : RAG_ERR_NOMEM;
    /* the Summary's overdue list, whatever the rules say */
    for (r = 0; r < RAG_RULE_COUNT; r++)
        vo.rules[r] = RAG_SEVERITY_OFF;
    vo.rules[RAG_RULE_MILESTONE_OVERDUE] = RAG_SEVERITY_WARNING;
    if (rag_validate(j->m, &vo, &j->overdue, err) != RAG_OK)
        return err ? err->status : RAG_ERR_NOMEM;
    if (!rg_cv_late_init(&j->late, j->overdue))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return RAG_OK;
}

/* The name the side workbook is opened under: only its directory counts
 * (the output's: same file system, and writable anyway; TMPDIR for an
 * output "/dev/fd/N"), since the file stays unnamed (writer/kept.h) and
 * is never made under this name. */
static rag_status side_path(const char *out, char **path, rag_error *err)
{
    *path = rg_outfile_beside(out, ".rgb-side");
    if (!*path)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return RAG_OK;
}

/* Where the generated sheets go, and the markers that say so. */
static rag_status graft(job *j, const char *side, rag_error *err)
{
    rag_edit_graft g[2];
    rag_range a1 = {0, 0, 0, 0};
    rag_status st;
    size_t i, k;

    memset(g, 0, sizeof g);
    g[0].sheet = j->summary;
    g[0].before = 0;                           /* Summary first */
    g[1].sheet = j->issues;
    g[1].before = rag_edit_sheet_count(j->ed); /* Issues last */
    st = rag_edit_graft_sheets(j->ed, side, g, 2, err);
    if (st == RAG_OK && !rg_cv_range_ref(&j->buf, j->summary, &a1))
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = rag_edit_define_name(j->ed, NULL, RG_CV_MARK_SUMMARY,
                                  j->buf.data, true, err);
    if (st == RAG_OK && !rg_cv_range_ref(&j->buf, j->issues, &a1))
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = rag_edit_define_name(j->ed, NULL, RG_CV_MARK_ISSUES,
                                  j->buf.data, true, err);
    for (i = 0; i < j->wb->sheet_count && st == RAG_OK; i++) {
        size_t count;
        const rag_range *b = rg_cv_sheet_blocks(j->sheets[i], &count);
        if (!j->names[i])
            continue;
        for (k = 0; k < count && st == RAG_OK; k++) {
            char name[48];
            snprintf(name, sizeof name, "%s%zu", RG_CV_MARK_COMPUTED, k + 1);
            if (!rg_cv_range_ref(&j->buf, j->names[i], &b[k]))
                st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            else
                st = rag_edit_define_name(j->ed, j->names[i], name,
                                          j->buf.data, true, err);
        }
    }
    return st;
}

/* A paged sheet whose scratch file failed to read back reads as empty
 * rows: nothing made of it can be trusted. */
static rag_status pages_read(const job *j, rag_error *err)
{
    if (rg_pages_ok(j->wb))
        return RAG_OK;
    return rg_fail(err, RAG_ERR_IO, "cannot read back the temporary file of "
                   "a large sheet in %s", rg_tmpdir());
}

/* Sheet i's cells are done with once the sheet is edited: what the Summary
 * needs of them (its plans' status words) is kept, and they are released,
 * so the edits, the Summary and the package written do not pile up on the
 * whole grid (issue 16: convert's peak was twice dump's). */
static rag_status release_sheet(job *j, size_t i, rag_status st,
                                rag_error *err)
{
    size_t k;
    for (k = 0; k < j->m->plan_count; k++)
        if (j->m->plans[k].sheet_index == i)
            rg_look_keep_words(j->wb, &j->m->plans[k], &j->words[k]);
    if (st == RAG_OK)
        st = pages_read(j, err); /* before its pages go */
    rag_sheet_unload(j->wb, i);
    return st;
}

/* The Summary and Issues stream (libxlsxwriter's constant_memory: each
 * row to a scratch file once the next is started) when they hold about as
 * many cells as a copy streams from (write.h): an Issues row is 8 cells.
 * At 50,000 tracker rows (35,000 findings) libxlsxwriter's cells were the
 * largest part of convert's peak, 78 of 167 MB.  Below it the output is
 * what it always was: streamed, the shared styles are numbered in another
 * order, rows carry no spans and the chart keeps no cached values (Excel
 * and LibreOffice draw it from its cells all the same). */
#define SIDE_ROW_CELLS 8
static size_t stream_rows = RAG_WRITE_STREAMING_CELLS / SIDE_ROW_CELLS;

void rg_cv_stream_from(size_t rows)
{
    stream_rows = rows ? rows : RAG_WRITE_STREAMING_CELLS / SIDE_ROW_CELLS;
}

/* Once the Summary and Issues are grafted the editor holds every change
 * (its strings are copies), so the model, the findings and what is left of
 * the workbook go before the package is written: that write is the longest
 * step, and they were a third of convert's memory through it (issue 16). */
static void drop_inputs(job *j)
{
    size_t i, n = j->wb->sheet_count;

    j->report.as_of = j->m->as_of;
    j->report.plans = j->m->plan_count;
    j->report.findings = j->found->count;
    j->report.errors = rag_findings_count(j->found, RAG_SEVERITY_ERROR);
    j->report.warnings = rag_findings_count(j->found, RAG_SEVERITY_WARNING);
    j->report.infos = rag_findings_count(j->found, RAG_SEVERITY_INFO);
    for (i = 0; j->sheets && i < n; i++) {
        rg_cv_sheet_free(j->sheets[i]);
        j->sheets[i] = NULL;
    }
    rag_findings_free(j->found);
    rag_findings_free(j->overdue);
    j->found = j->overdue = NULL;
    rg_cv_late_free(&j->late);
    rg_free(j->words);
    j->words = NULL;
    rag_model_free(j->m);
    j->m = NULL;
    rag_workbook_free(j->wb);
    j->wb = NULL;
}

/* The input is edited in place (edit.h): its sheets keep everything they
 * hold and gain colours, codes, computed columns and drop-down lists; the
 * Summary and Issues are made with libxlsxwriter in a side workbook and
 * grafted in, Summary first and Issues last. */
static rag_status write_all(job *j, const char *out, rag_error *err)
{
    rag_write_options wo;
    rag_wsheet *sum = NULL, *iss = NULL;
    rg_cv_env env;
    rg_cv_links links;
    rg_cv_summary_in si;
    const char *ins[2];
    char *side = NULL;
    rg_output *kept = NULL; /* the side workbook, unnamed */
    size_t i, n = j->wb->sheet_count;
    rag_status st;

    st = side_path(out, &side, err);
    if (st != RAG_OK)
        goto done;
    memset(&wo, 0, sizeof wo);
    wo.mode = j->found->count + j->overdue->count + j->m->plan_count >=
                      stream_rows
                  ? RAG_WRITE_STREAMING
                  : RAG_WRITE_NORMAL;
    wo.created = j->o.created;
    wo.title = "ragbook: updated workbook";
    wo.author = "ragbook";
    ins[0] = j->in;
    ins[1] = out;
    wo.inputs = ins;
    wo.input_count = 2;
    st = rag_writer_open(side, &wo, &j->w, err);
    if (st == RAG_OK)
        st = rag_edit_open(j->in, NULL, &j->ed, err);
    if (st != RAG_OK)
        goto done;
    rg_cv_pick_name(j->wb, j->generated, "Summary", NULL, j->summary,
                    sizeof j->summary);
    rg_cv_pick_name(j->wb, j->generated, "Issues", j->summary, j->issues,
                    sizeof j->issues);
    st = rag_writer_add_sheet(j->w, j->summary, &sum, err);
    if (st == RAG_OK)
        st = rag_writer_add_sheet(j->w, j->issues, &iss, err);
    /* what an earlier conversion made goes, to be made again */
    for (i = 0; i < n && st == RAG_OK; i++) {
        long pos = rag_edit_sheet_find(j->ed, j->wb->sheets[i].name);
        if (j->generated[i] && pos >= 0)
            st = rag_edit_remove_sheet(j->ed, (size_t)pos, err);
    }
    rag_edit_remove_names(j->ed, RG_CV_MARK_PREFIX);
    memset(&env, 0, sizeof env);
    env.w = j->w;
    env.ed = j->ed;
    env.wb = j->wb;
    env.m = j->m;
    env.overdue = j->overdue;
    env.late = &j->late;
    env.as_of = j->m->as_of;
    for (i = 0; i < n && st == RAG_OK; i++) {
        long pos = rag_edit_sheet_find(j->ed, j->wb->sheets[i].name);
        if (!j->generated[i] && pos >= 0) {
            st = rg_cv_sheet_prepare(&env, i, j->old + i * MAX_OLD,
                                     j->old_count[i], &j->sheets[i], err);
            if (st == RAG_OK)
                st = rg_cv_sheet_edit(j->sheets[i], (size_t)pos, err);
            if (st == RAG_OK)
                j->names[i] = j->wb->sheets[i].name;
        }
        st = release_sheet(j, i, st, err);
    }
    memset(&links, 0, sizeof links);
    links.short_names = true; /* the whole path is on the Summary */
    links.sheet_names = j->names;
    links.sheet_count = n;
    if (st == RAG_OK)
        st = rg_cv_issues_sheet(j->w, iss, j->found, &links, err);
    memset(&si, 0, sizeof si);
    si.m = j->m;
    si.overdue = j->overdue;
    si.found = j->found;
    si.issues_sheet = j->issues;
    si.source = j->in;
    si.sheet_names = j->names;
    si.sheet_count = n;
    si.words = j->words;
    si.origin = j->m->as_of_given   ? RG_CV_AS_OF_OPTION
                : j->m->as_of_found ? RG_CV_AS_OF_WORKBOOK
                                    : RG_CV_AS_OF_TODAY;
    if (st == RAG_OK)
        st = rg_cv_summary(j->w, sum, &si, err);
    if (st == RAG_OK) {
        st = rg_writer_close_kept(j->w, &kept, err);
        j->w = NULL;
    }
    if (st == RAG_OK)
        st = graft(j, rg_output_file(kept), err);
    if (st == RAG_OK) {
        drop_inputs(j);
        st = rag_edit_write(j->ed, out, err);
    }
done:
    if (j->w) {
        rag_writer_abort(j->w);
        j->w = NULL;
    }
    rg_output_abort(kept);
    rg_free(side);
    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, out, sizeof err->file);
    return st;
}

rag_status rag_convert(const char *in, const char *out,
                       const rag_convert_options *opts,
                       rag_convert_report *report, rag_error *err)
{
    job j;
    rag_status st;
    size_t i, n;

    if (report)
        memset(report, 0, sizeof *report);
    if (!in || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no input or output file");
    memset(&j, 0, sizeof j);
    if (opts)
        j.o = *opts;
    j.in = in;
    /* a sheet too large to hold is paged (read/pages.h): the grid is
     * what grew with the rows */
    st = rg_workbook_read_paged(in, NULL, rg_pages_min_xml(), &j.wb, err);
    if (st != RAG_OK) {
        if (err && !err->file[0])
            rg_strlcpy(err->file, in, sizeof err->file);
        return st;
    }
    rag_error_clear(err); /* what the reader noted on the way is no error */
    n = j.wb->sheet_count;
    j.generated = rg_calloc(n ? n : 1, sizeof *j.generated);
    j.old = rg_calloc((n ? n : 1) * MAX_OLD, sizeof *j.old);
    j.old_count = rg_calloc(n ? n : 1, sizeof *j.old_count);
    j.names = rg_calloc(n ? n : 1, sizeof *j.names);
    j.sheets = rg_calloc(n ? n : 1, sizeof *j.sheets);
    if (!j.generated || !j.old || !j.old_count || !j.names || !j.sheets) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }
    st = rag_model_build(j.wb, &j.o.model, &j.m, err);
    if (st == RAG_OK &&
        !(j.words = rg_calloc(j.m->plan_count ? j.m->plan_count : 1,
                              sizeof *j.words)))
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = check(&j, err);
    /* a paged sheet whose scratch file failed to read back read as
     * empty rows: nothing made of it can be trusted */
    if (st == RAG_OK)
        st = pages_read(&j, err);
    if (st == RAG_OK) {
        read_markers(&j);
        st = write_all(&j, out, err);
    }
    /* nothing is lost: the input's parts are kept as they are */
    if (st == RAG_OK && report)
        *report = j.report;
done:
    rag_edit_free(j.ed);
    for (i = 0; j.sheets && i < n; i++)
        rg_cv_sheet_free(j.sheets[i]);
    rg_free(j.sheets);
    rg_free(j.words);
    rg_free(j.names);
    rg_free(j.old_count);
    rg_free(j.old);
    rg_free(j.generated);
    rag_findings_free(j.found);
    rag_findings_free(j.overdue);
    rg_cv_late_free(&j.late);
    rag_model_free(j.m);
    rag_workbook_free(j.wb);
    rg_buf_free(&j.buf);
    return st;
}
