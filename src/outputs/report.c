/*
 * The validation report: "Files" (one row per file, with the file's own
 * RAG) and "Findings" (one row per finding, linked to its file's cell),
 * written with libxlsxwriter to a temporary file beside the target and
 * renamed into place only when complete.
 *
 * Never colour alone: every coloured RAG or severity cell says its value
 * in words too.
 */
#define _XOPEN_SOURCE 700 /* realpath() */

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "util/util.h"
#include "ragbook/report.h"

/* Fixed document times, so the same findings give the same bytes:
 * 2000-01-01T00:00:00Z. */
#define REPORT_CREATED ((time_t)946684800)

#define RED 0xFF0000
#define AMBER 0xFFC000
#define GREEN 0x00B050
#define INFO_BLUE 0xBDD7EE
#define HEADER_GREY 0xD9D9D9

/* Excel's limits on links: per sheet, and per target. */
#define MAX_LINKS 65530
#define MAX_URL 2079

typedef struct formats {
    lxw_format *header, *link, *red, *amber, *green, *info;
} formats;

/* One finding, with the index of its file for stable ordering. */
typedef struct entry {
    const rag_finding *f;
    size_t file, seq;
} entry;

/* ---- paths -------------------------------------------------------------- */

/* An absolute form of path: resolved when it exists, else joined to the
 * current directory.  NULL when out of memory. */
static char *absolute(const char *path)
{
    char *r = realpath(path, NULL), cwd[PATH_MAX];
    rg_buf b = {0};

    if (r) {
        char *copy = rg_strdup(r);
        free(r);
        return copy;
    }
    if (path[0] == '/')
        return rg_strdup(path);
    if (!getcwd(cwd, sizeof cwd))
        return rg_strdup(path);
    if (!rg_buf_printf(&b, "%s/%s", cwd, path))
        return NULL;
    return b.data;
}

/* The directory the report goes to, absolute; NULL when not known. */
static char *report_dir(const char *out)
{
    char *copy = rg_strdup(out), *dir, *abs;
    if (!copy)
        return NULL;
    dir = dirname(copy);
    abs = realpath(dir, NULL);
    rg_free(copy);
    if (!abs)
        return NULL;
    copy = rg_strdup(abs);
    free(abs);
    return copy;
}

/* file relative to the absolute directory dir ("../in/a.xlsx"), so the
 * links still work when the folder is moved as a whole.  Caller frees. */
static char *relative(const char *dir, const char *file)
{
    char *abs = absolute(file);
    const char *a, *d;
    size_t common = 0, i;
    rg_buf b = {0};

    if (!abs || !dir)
        return abs;
    /* the longest common prefix that ends at a '/' boundary */
    for (i = 0; abs[i] && abs[i] == dir[i]; i++)
        if (abs[i] == '/')
            common = i;
    if (!dir[i] && abs[i] == '/')
        common = i;
    a = abs + common + 1;
    d = dir + common;
    if (!rg_buf_puts(&b, "")) {
        rg_free(abs);
        return NULL;
    }
    for (; *d; d++)
        if (*d == '/' && !rg_buf_puts(&b, "../"))
            goto oom;
    if (!rg_buf_puts(&b, a))
        goto oom;
    rg_free(abs);
    return b.data;
oom:
    rg_buf_free(&b);
    rg_free(abs);
    return NULL;
}

/* "external:<target>#'<sheet>'!A41" for a finding, into b. */
static bool link_for(rg_buf *b, const char *target, const rag_finding *f)
{
    rg_buf_reset(b);
    if (!rg_buf_printf(b, "external:%s", target))
        return false;
    if (f && f->sheet) {
        const char *s;
        char ref[16];
        if (!rg_buf_puts(b, "#'"))
            return false;
        for (s = f->sheet; *s; s++) /* a quote in the name is doubled */
            if (!rg_buf_putc(b, *s) || (*s == '\'' && !rg_buf_putc(b, *s)))
                return false;
        if (!rg_buf_printf(b, "'!%s",
                           f->has_cell ? rag_cell_ref_format(f->row, f->col,
                                                             ref)
                                       : "A1"))
            return false;
    }
    return true;
}

/* The length Excel will see once libxlsxwriter has escaped url. */
static size_t escaped_length(const char *url)
{
    size_t n = 0;
    for (; *url; url++)
        n += strchr(" \"<>\\[]^{}", *url) ? 3 : 1;
    return n;
}

/* ---- cells -------------------------------------------------------------- */

static lxw_format *solid(lxw_workbook *wb, uint32_t fill, uint32_t font)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, fill);
    format_set_font_color(f, font);
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    return f;
}

static void make_formats(lxw_workbook *wb, formats *fm)
{
    fm->header = workbook_add_format(wb);
    format_set_bold(fm->header);
    format_set_pattern(fm->header, LXW_PATTERN_SOLID);
    format_set_bg_color(fm->header, HEADER_GREY);
    format_set_bottom(fm->header, LXW_BORDER_THIN);
    fm->link = workbook_get_default_url_format(wb);
    fm->red = solid(wb, RED, 0xFFFFFF);
    fm->amber = solid(wb, AMBER, 0x000000);
    fm->green = solid(wb, GREEN, 0xFFFFFF);
    fm->info = solid(wb, INFO_BLUE, 0x000000);
}

/* Write the link (or, past Excel's limits, the plain text). */
static lxw_error write_link(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            const char *url, const char *text,
                            const formats *fm, size_t *links)
{
    if (url && *links < MAX_LINKS && escaped_length(url) <= MAX_URL) {
        /* libxlsxwriter turns '/' into '\\' in the text it shows for an
         * external link too: write the link, then the file's name as given
         * over it (the documented way to change a link's text). */
        lxw_error e = worksheet_write_url(ws, row, col, url, fm->link);
        if (e == LXW_NO_ERROR) {
            (*links)++;
            return worksheet_write_string(ws, row, col, text, fm->link);
        }
    }
    return worksheet_write_string(ws, row, col, text, NULL);
}

/* A column width that shows s whole: its characters (not bytes) plus a
 * margin, within 20..100. */
static double width_of(const char *s)
{
    double n = 2;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n < 20 ? 20 : n > 100 ? 100 : n;
}

static lxw_error header(lxw_worksheet *ws, const char *const *titles,
                        const double *widths, size_t n, const formats *fm)
{
    size_t i;
    lxw_error e = LXW_NO_ERROR;
    for (i = 0; i < n && e == LXW_NO_ERROR; i++) {
        e = worksheet_write_string(ws, 0, (lxw_col_t)i, titles[i],
                                   fm->header);
        if (e == LXW_NO_ERROR)
            e = worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
                                     widths[i], NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
    /* Printed for a meeting: landscape, one page wide, A4, the header on
     * every page. */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    if (e == LXW_NO_ERROR)
        e = worksheet_repeat_rows(ws, 0, 0);
    return e;
}

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

/* ---- sheets ------------------------------------------------------------- */

static const char *severity_word(rag_severity s)
{
    const char *n = rag_severity_name(s);
    return n ? n : "";
}

static lxw_error files_sheet(lxw_worksheet *ws, const rag_report_file **order,
                             size_t count, char **targets, const formats *fm)
{
    static const char *const titles[] = {"File",  "Plans found", "Errors",
                                         "Warnings", "Infos", "RAG",
                                         "Note"};
    double widths[] = {20, 12, 9, 10, 8, 9, 60};
    size_t i, links = 0;
    lxw_error e;

    for (i = 0; i < count; i++)
        widths[0] = fmax(widths[0], width_of(order[i]->path));
    e = header(ws, titles, widths, 7, fm);
    rg_buf url = {0};

    for (i = 0; i < count && e == LXW_NO_ERROR; i++) {
        const rag_report_file *f = order[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        size_t errors = rag_findings_count(f->findings, RAG_SEVERITY_ERROR);
        size_t warnings = rag_findings_count(f->findings,
                                             RAG_SEVERITY_WARNING);
        size_t infos = rag_findings_count(f->findings, RAG_SEVERITY_INFO);
        const char *word;
        lxw_format *colour;

        if (errors || f->unreadable) {
            word = "RED";
            colour = fm->red;
        } else if (warnings || !f->plan_count) {
            /* a workbook with no plan read is never clean (plan-not-found,
             * even when that rule is switched off) */
            word = "AMBER";
            colour = fm->amber;
        } else {
            word = "GREEN";
            colour = fm->green;
        }
        e = write_link(ws, row, 0,
                       targets[i] && link_for(&url, targets[i], NULL)
                           ? url.data
                           : NULL,
                       f->path ? f->path : "", fm, &links);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_number(ws, row, 1, (double)f->plan_count,
                                       NULL);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_number(ws, row, 2, (double)errors, NULL);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_number(ws, row, 3, (double)warnings, NULL);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_number(ws, row, 4, (double)infos, NULL);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_string(ws, row, 5, word, colour);
        if (e == LXW_NO_ERROR && f->unreadable)
            e = worksheet_write_string(ws, row, 6,
                                       f->reason ? f->reason
                                                 : "could not be read",
                                       NULL);
    }
    rg_buf_free(&url);
    if (e == LXW_NO_ERROR)
        e = worksheet_autofilter(ws, 0, 0, (lxw_row_t)count, 6);
    return e;
}

static lxw_error findings_sheet(lxw_worksheet *ws, const entry *all,
                                size_t n, char **targets, const formats *fm)
{
    static const char *const titles[] = {"File", "Sheet",   "Cell",
                                         "Rule", "Severity", "Message",
                                         "Ref",  "Period"};
    double widths[] = {20, 12, 8, 20, 10, 40, 8, 8};
    size_t i, links = 0, shown = n;
    lxw_error e;

    for (i = 0; i < n; i++) {
        widths[0] = fmax(widths[0], width_of(all[i].f->file));
        widths[1] = fmax(widths[1], width_of(all[i].f->sheet));
        widths[5] = fmax(widths[5], width_of(all[i].f->message));
    }
    e = header(ws, titles, widths, 8, fm);
    rg_buf url = {0};
    char ref[16], more[96];

    if (shown > LXW_ROW_MAX - 2)
        shown = LXW_ROW_MAX - 2;
    for (i = 0; i < shown && e == LXW_NO_ERROR; i++) {
        const rag_finding *f = all[i].f;
        lxw_row_t row = (lxw_row_t)(i + 1);
        lxw_format *colour = f->severity == RAG_SEVERITY_ERROR ? fm->red
                             : f->severity == RAG_SEVERITY_WARNING
                                 ? fm->amber
                                 : fm->info;
        const char *target = targets[all[i].file];

        e = write_link(ws, row, 0,
                       target && link_for(&url, target, f) ? url.data : NULL,
                       f->file ? f->file : "", fm, &links);
        if (e == LXW_NO_ERROR && f->sheet)
            e = worksheet_write_string(ws, row, 1, f->sheet, NULL);
        if (e == LXW_NO_ERROR && f->sheet && f->has_cell)
            e = worksheet_write_string(
                ws, row, 2, rag_cell_ref_format(f->row, f->col, ref), NULL);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_string(ws, row, 3, f->rule ? f->rule : "",
                                       NULL);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_string(ws, row, 4,
                                       severity_word(f->severity), colour);
        if (e == LXW_NO_ERROR)
            e = worksheet_write_string(ws, row, 5,
                                       f->message ? f->message : "", NULL);
        if (e == LXW_NO_ERROR && f->ref)
            e = worksheet_write_string(ws, row, 6, f->ref, NULL);
        if (e == LXW_NO_ERROR && f->period)
            e = worksheet_write_string(ws, row, 7, f->period, NULL);
    }
    rg_buf_free(&url);
    if (e == LXW_NO_ERROR && shown < n) {
        snprintf(more, sizeof more,
                 "... and %zu more findings: a sheet holds no more rows",
                 n - shown);
        e = worksheet_write_string(ws, (lxw_row_t)(shown + 1), 5, more,
                                   NULL);
    }
    if (e == LXW_NO_ERROR)
        e = worksheet_autofilter(ws, 0, 0, (lxw_row_t)shown, 7);
    return e;
}

/* ---- the workbook ------------------------------------------------------- */

/* Refuse an out that is one of the inputs (same device and inode). */
static bool is_an_input(const char *out, const rag_report_file *files,
                        size_t count)
{
    struct stat so, si;
    size_t i;
    if (stat(out, &so) != 0)
        return false;
    for (i = 0; i < count; i++)
        if (files[i].path && stat(files[i].path, &si) == 0 &&
            si.st_dev == so.st_dev && si.st_ino == so.st_ino)
            return true;
    return false;
}

/* Write the two sheets into the workbook at tmp. */
static rag_status build(const char *tmp, const rag_report_file **order,
                        size_t count, const entry *all, size_t n,
                        char **ftargets, char **etargets, rag_error *err)
{
    lxw_workbook_options wo = {LXW_FALSE, NULL, LXW_FALSE};
    lxw_doc_properties props;
    lxw_workbook *wb = workbook_new_opt(tmp, &wo);
    lxw_worksheet *files_ws, *findings_ws;
    formats fm;
    lxw_error e;

    if (!wb)
        return rg_fail(err, RAG_ERR_WRITE, "cannot start the workbook");
    memset(&props, 0, sizeof props);
    props.title = "ragbook validation report";
    props.author = "ragbook";
    props.created = REPORT_CREATED;
    e = workbook_set_properties(wb, &props);
    make_formats(wb, &fm);
    files_ws = workbook_add_worksheet(wb, "Files");
    findings_ws = workbook_add_worksheet(wb, "Findings");
    /* marked as ragbook's own (RG_CV_MARK_OUTPUT in convert_impl.h), so
     * that validating its folder again leaves it out */
    if (e == LXW_NO_ERROR &&
        workbook_define_name(wb, "_ragbook_output", "\"validate report\"") ==
            LXW_NO_ERROR) {
        lxw_defined_name *d;
        TAILQ_FOREACH(d, wb->defined_names, list_pointers)
            if (!strcmp(d->name, "_ragbook_output"))
                d->hidden = 1;
    }
    if (e == LXW_NO_ERROR && (!files_ws || !findings_ws))
        e = LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (e == LXW_NO_ERROR)
        e = files_sheet(files_ws, order, count, ftargets, &fm);
    if (e == LXW_NO_ERROR)
        e = findings_sheet(findings_ws, all, n, etargets, &fm);
    if (e != LXW_NO_ERROR) {
        workbook_close(wb); /* frees it; the file is dropped by the caller */
        return rg_fail(err, RAG_ERR_WRITE, "%s", lxw_strerror(e));
    }
    e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        if (err && err->status == RAG_OK)
            err->lib_code = (int)e;
        return rg_fail(err, RAG_ERR_WRITE, "%s", lxw_strerror(e));
    }
    return RAG_OK;
}

rag_status rag_report_write(const char *out, const rag_report_file *files,
                           size_t count, rag_error *err)
{
    const rag_report_file **order = NULL;
    entry *all = NULL;
    char **ftargets = NULL, **etargets = NULL, *dir = NULL;
    rg_buf tmp = {0};
    size_t i, k, n = 0;
    rag_status st = RAG_OK;
    int fd;
    mode_t mask;

    if (!out || (!files && count))
        return rg_fail(err, RAG_ERR_USAGE, "no report file given");
    if (is_an_input(out, files, count))
        return rg_fail(err, RAG_ERR_USAGE,
                       "the report would overwrite an input");
    for (i = 0; i < count; i++)
        n += files[i].findings ? files[i].findings->count : 0;
    order = rg_calloc(count ? count : 1, sizeof *order);
    all = rg_calloc(n ? n : 1, sizeof *all);
    ftargets = rg_calloc(count ? count : 1, sizeof *ftargets);
    etargets = rg_calloc(count ? count : 1, sizeof *etargets);
    if (!order || !all || !ftargets || !etargets) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }

    /* Files by name; findings by file, then severity, then place. */
    for (i = 0; i < count; i++)
        order[i] = &files[i];
    qsort(order, count, sizeof *order, file_cmp);
    dir = report_dir(out);
    for (i = 0, n = 0; i < count; i++) {
        const rag_findings *fl = files[i].findings;
        etargets[i] = relative(dir, files[i].path ? files[i].path : "");
        for (k = 0; fl && k < fl->count; k++, n++) {
            all[n].f = &fl->items[k];
            all[n].file = i;
            all[n].seq = n;
        }
    }
    for (i = 0; i < count; i++)
        ftargets[i] = etargets[order[i] - files];
    qsort(all, n, sizeof *all, entry_cmp);

    /* A temporary file beside the target, with the mode a new file gets. */
    if (!rg_buf_printf(&tmp, "%s.XXXXXX", out)) {
        st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        goto done;
    }
    fd = mkstemp(tmp.data);
    if (fd < 0) {
        if (err && err->status == RAG_OK)
            err->sys_errno = errno;
        st = rg_fail(err, RAG_ERR_IO, "cannot create a file beside %s: %s",
                     out, strerror(errno));
        goto done;
    }
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0) {
        if (err && err->status == RAG_OK)
            err->sys_errno = errno;
        st = rg_fail(err, RAG_ERR_IO, "cannot prepare %s: %s", tmp.data,
                     strerror(errno));
        unlink(tmp.data);
        goto done;
    }
    st = build(tmp.data, order, count, all, n, ftargets, etargets, err);
    if (st == RAG_OK && rename(tmp.data, out) != 0) {
        if (err && err->status == RAG_OK)
            err->sys_errno = errno;
        st = rg_fail(err, RAG_ERR_IO, "cannot rename the report into place: "
                                      "%s",
                     strerror(errno));
    }
    if (st != RAG_OK)
        unlink(tmp.data);
done:
    if (etargets)
        for (i = 0; i < count; i++)
            rg_free(etargets[i]);
    rg_free(etargets);
    rg_free(ftargets);
    rg_free(dir);
    rg_free(all);
    rg_free(order);
    rg_buf_free(&tmp);
    return st;
}
