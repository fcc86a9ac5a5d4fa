/*
 * The validation report: "Files" (one row per file: what was found in
 * it, and the check's result in words and colour) and "Findings" (the
 * Issues rows convert and consolidate write, issues.c, each linked to its
 * file's cell), written through the writer (include/ragbook/write.h):
 * a temporary file beside the target, renamed into place only when
 * complete, never over an input.
 *
 * The result column is "Check result", not "RAG": a red cell there says
 * the file has errors to correct, not that the service is failing.
 * Never colour alone: every coloured cell says its value in words too,
 * in black or white by WCAG contrast on its fill.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ragbook/report.h"
#include "outputs/convert_impl.h"
#include "outputs/look.h"

#define RESULT_COL 5
#define NOTE_COL 6

/* One finding, with its file's index, for a stable order. */
typedef struct entry {
    const rag_finding *f;
    size_t file, seq;
} entry;

/* ---- order -------------------------------------------------------------- */

static int entry_cmp(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->f->file ? a->f->file : "", b->f->file ? b->f->file : "");
    if (c)
        return c;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    if (a->f->severity != b->f->severity)
        return a->f->severity > b->f->severity ? -1 : 1;
    /* then where they were: rag_validate() gives them in sheet order */
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int file_cmp(const void *pa, const void *pb)
{
    const rag_report_file *const *a = pa, *const *b = pb;
    int c = strcmp((*a)->path ? (*a)->path : "", (*b)->path ? (*b)->path : "");
    if (c)
        return c;
    return *a < *b ? -1 : *a > *b;
}

/* ---- the Files sheet ------------------------------------------------------ */

typedef struct files_styles {
    rag_wstyle header, header_num, link, num, text, red, amber, green;
} files_styles;

static rag_status make_styles(rag_writer *w, files_styles *s, rag_error *err)
{
    rg_cv_look l = rg_cv_plain();
    rag_status st;

    l.bold = true;
    l.fill = RG_CV_HEADER;
    l.border = true;
    l.wrap = true;
    st = rg_cv_style(w, &l, &s->header, err);
    l.center = true; /* over numbers, as they are */
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->header_num, err);
    l = rg_cv_plain();
    l.center = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->num, err);
    l = rg_cv_plain();
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->text, err);
    l.bold = true;
    l.center = true;
    l.fill = RG_CV_RED;
    l.ink = rg_look_ink(l.fill);
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->red, err);
    l.fill = RG_CV_AMBER;
    l.ink = rg_look_ink(l.fill);
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->amber, err);
    l.fill = RG_CV_GREEN;
    l.ink = rg_look_ink(l.fill);
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->green, err);
    if (st == RAG_OK)
        st = rg_cv_link_style(w, &s->link, err);
    return st;
}

/* A column width that shows s whole: its characters plus a margin,
 * within 20..100. */
static double width_of(const char *s)
{
    double n = 2;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n < 20 ? 20 : n > 100 ? 100 : n;
}

/* The check's result for a file, in words, and its colour. */
static const char *result(const rag_report_file *f, size_t errors,
                          size_t warnings, const files_styles *s,
                          rag_wstyle *colour)
{
    if (f->unreadable) {
        *colour = s->red;
        return "Could not be read";
    }
    if (errors) {
        *colour = s->red;
        return "Errors to correct";
    }
    if (!f->plan_count) {
        /* a workbook with no plan read is never clean (plan-not-found,
         * even when that rule is switched off) */
        *colour = s->amber;
        return "No plan found";
    }
    if (warnings) {
        *colour = s->amber;
        return "Warnings to review";
    }
    *colour = s->green;
    return "Passed";
}

static rag_status files_sheet(rag_writer *w, rag_wsheet *ws,
                              const rag_report_file **order, size_t count,
                              const char *dir, rag_error *err)
{
    static const char *const titles[] = {"File",     "Plans found", "Errors",
                                         "Warnings", "Infos",
                                         "Check result", "Note"};
    double widths[] = {20, 10, 9, 10, 8, 20, 60};
    files_styles s;
    rag_range all;
    size_t i;
    rag_status st = make_styles(w, &s, err);

    for (i = 0; i < count; i++)
        if (width_of(order[i]->path) > widths[0])
            widths[0] = width_of(order[i]->path);
    for (i = 0; i < 7 && st == RAG_OK; i++) {
        /* centred over centred numbers and results */
        bool num = i >= 1 && i <= RESULT_COL;
        st = rag_wsheet_write_string(ws, 0, (uint32_t)i, titles[i],
                                     num ? s.header_num : s.header, err);
        if (st == RAG_OK)
            st = rag_wsheet_set_column(ws, (uint32_t)i, (uint32_t)i,
                                       widths[i], RAG_WSTYLE_NONE, false,
                                       err);
    }
    for (i = 0; i < count && st == RAG_OK; i++) {
        const rag_report_file *f = order[i];
        uint32_t row = (uint32_t)i + 1;
        size_t errors = rag_findings_count(f->findings, RAG_SEVERITY_ERROR);
        size_t warnings = rag_findings_count(f->findings,
                                             RAG_SEVERITY_WARNING);
        size_t infos = rag_findings_count(f->findings, RAG_SEVERITY_INFO);
        rag_wstyle colour;
        const char *word = result(f, errors, warnings, &s, &colour);
        char *rel = dir ? rg_cv_relative(dir, f->path ? f->path : "")
                        : NULL;
        /* the file linked, relative to the report, so that the folder
         * can move as a whole */
        if (rel)
            st = rag_wsheet_write_link(ws, row, 0, rel, NULL,
                                       f->path ? f->path : "", s.link, err);
        else
            st = rag_wsheet_write_string(ws, row, 0, f->path ? f->path : "",
                                         s.text, err);
        rg_free(rel);
        if (st == RAG_OK)
            st = rag_wsheet_write_number(ws, row, 1, (double)f->plan_count,
                                         s.num, err);
        if (st == RAG_OK)
            st = rag_wsheet_write_number(ws, row, 2, (double)errors, s.num,
                                         err);
        if (st == RAG_OK)
            st = rag_wsheet_write_number(ws, row, 3, (double)warnings, s.num,
                                         err);
        if (st == RAG_OK)
            st = rag_wsheet_write_number(ws, row, 4, (double)infos, s.num,
                                         err);
        if (st == RAG_OK)
            st = rag_wsheet_write_string(ws, row, RESULT_COL, word, colour,
                                         err);
        if (st == RAG_OK && f->unreadable)
            st = rag_wsheet_write_string(ws, row, NOTE_COL,
                                         f->reason ? f->reason
                                                   : "could not be read",
                                         s.text, err);
    }
    if (st != RAG_OK)
        return st;
    rag_wsheet_freeze(ws, 1, 0, 1, 0);
    st = rg_look_print(ws, 0, 0, err);
    all.first_row = all.first_col = 0;
    all.last_row = (uint32_t)count;
    all.last_col = NOTE_COL;
    return st == RAG_OK ? rag_wsheet_autofilter(ws, &all, err) : st;
}

/* ---- the workbook ----------------------------------------------------------- */

static rag_status write_all(rag_writer *w, const rag_report_file **order,
                            size_t count, const rag_findings *sorted,
                            const char *dir, rag_error *err)
{
    rag_wsheet *files_ws = NULL, *findings_ws = NULL;
    rg_cv_links links;
    rag_status st;

    st = rag_writer_add_sheet(w, "Files", &files_ws, err);
    if (st == RAG_OK)
        st = rag_writer_add_sheet(w, "Findings", &findings_ws, err);
    /* marked as ragbook's own, so that validating its folder again leaves
     * it out */
    if (st == RAG_OK)
        st = rag_writer_define_name(w, NULL, RG_CV_MARK_OUTPUT,
                                    "\"validate report\"", true, err);
    if (st == RAG_OK)
        st = files_sheet(w, files_ws, order, count, dir, err);
    memset(&links, 0, sizeof links);
    links.out_dir = dir; /* each finding linked to its file's cell */
    if (st == RAG_OK)
        st = rg_cv_issues_sheet(w, findings_ws, sorted, &links, err);
    return st;
}

rag_status rag_report_write(const char *out, const rag_report_file *files,
                            size_t count, rag_error *err)
{
    const rag_report_file **order = NULL;
    const char **inputs = NULL;
    entry *all = NULL;
    rag_findings sorted;
    rag_write_options wo;
    rag_writer *w = NULL;
    char *dir = NULL;
    size_t i, k, n = 0;
    rag_status st;

    if (!out || (!files && count))
        return rg_fail(err, RAG_ERR_USAGE, "no report file given");
    for (i = 0; i < count; i++)
        n += files[i].findings ? files[i].findings->count : 0;
    memset(&sorted, 0, sizeof sorted);
    order = rg_calloc(count ? count : 1, sizeof *order);
    inputs = rg_calloc(count ? count : 1, sizeof *inputs);
    all = rg_calloc(n ? n : 1, sizeof *all);
    sorted.items = rg_calloc(n ? n : 1, sizeof *sorted.items);
    if (!order || !inputs || !all || !sorted.items) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }
    /* Files by name; findings by file, then severity, then place. */
    for (i = 0, n = 0; i < count; i++) {
        const rag_findings *fl = files[i].findings;
        order[i] = &files[i];
        inputs[i] = files[i].path;
        for (k = 0; fl && k < fl->count; k++, n++) {
            all[n].f = &fl->items[k];
            all[n].file = i;
            all[n].seq = n;
        }
    }
    qsort(order, count, sizeof *order, file_cmp);
    qsort(all, n, sizeof *all, entry_cmp);
    for (i = 0; i < n; i++)
        sorted.items[i] = *all[i].f; /* the strings stay the caller's */
    sorted.count = n;

    memset(&wo, 0, sizeof wo);
    wo.mode = RAG_WRITE_NORMAL;
    wo.title = "ragbook validation report";
    wo.author = "ragbook";
    wo.inputs = inputs; /* refused as the target, by device and inode */
    wo.input_count = count;
    st = rag_writer_open(out, &wo, &w, err);
    if (st != RAG_OK)
        goto done;
    dir = rg_cv_out_dir(out);
    st = write_all(w, order, count, &sorted, dir, err);
    if (st == RAG_OK)
        st = rag_writer_close(w, err);
    else
        rag_writer_abort(w);
done:
    rg_free(dir);
    rg_free(sorted.items);
    rg_free(all);
    rg_free(inputs);
    rg_free(order);
    return st;
}
