/*
 * The Issues sheet, shared by convert, consolidate and the validation
 * report (its Findings sheet): one row per
 * finding, its cell linked (inside the workbook for convert, to the input
 * file for consolidate), the severity in colour and in words.
 */
#define _XOPEN_SOURCE 700 /* realpath() */

#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outputs/convert_impl.h"
#include "outputs/look.h"
#include "util/outfile.h"

/* Excel's limits: links per sheet, characters in a link target, rows. */
#define MAX_LINKS 65000
#define MAX_URL 2000
#define MAX_ROWS 1048570u

#define INFO_BLUE 0xBDD7EEu
#define MESSAGE_CHARS 100 /* about what a line of the Message column holds */

/* ---- paths ------------------------------------------------------------ */

const char *rg_cv_basename(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : path ? path : "";
}

/* An absolute form of path: resolved when it exists, else joined to the
 * current directory.  NULL on no memory. */
char *rg_cv_absolute(const char *path)
{
    char *r = realpath(path, NULL), cwd[PATH_MAX];
    rg_buf b = {0};

    if (r) {
        char *copy = rg_strdup(r);
        free(r);
        return copy;
    }
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        return rg_strdup(path);
    if (!rg_buf_printf(&b, "%s/%s", cwd, path))
        return NULL;
    return b.data;
}

char *rg_cv_out_dir(const char *out)
{
    /* An output "/dev/fd/N" (stdout, for the command) has no folder of its
     * own: links are made from the current one, where `> out.xlsx` puts
     * it, so its bytes are those of -o out.xlsx (they used to be relative
     * to a temporary folder, and changed with TMPDIR). */
    char *copy = rg_strdup(rg_outfile_target_fd(out) >= 0 ? "./-" : out);
    char *abs;
    if (!copy)
        return NULL;
    abs = realpath(dirname(copy), NULL);
    rg_free(copy);
    if (!abs)
        return NULL;
    copy = rg_strdup(abs);
    free(abs);
    return copy;
}

char *rg_cv_relative(const char *dir, const char *path)
{
    char *abs = rg_cv_absolute(path);
    size_t common = 0, i;
    const char *d;
    rg_buf b = {0};

    if (!abs || !dir)
        return abs;
    /* the longest common prefix ending at a '/' */
    for (i = 0; abs[i] && abs[i] == dir[i]; i++)
        if (abs[i] == '/')
            common = i;
    if (!dir[i] && abs[i] == '/')
        common = i;
    if (!rg_buf_puts(&b, ""))
        goto oom;
    for (d = dir + common; *d; d++)
        if (*d == '/' && !rg_buf_puts(&b, "../"))
            goto oom;
    if (!rg_buf_puts(&b, abs + common + 1))
        goto oom;
    rg_free(abs);
    return b.data;
oom:
    rg_buf_free(&b);
    rg_free(abs);
    return NULL;
}

/* ---- the sheet -------------------------------------------------------- */

typedef struct styles {
    rag_wstyle header, link, text, wrap, error, warning, info;
} styles;

static rag_status make_styles(rag_writer *w, styles *s, rag_error *err)
{
    rg_cv_look l = rg_cv_plain();
    rag_status st;

    l.bold = true;
    l.fill = RG_CV_HEADER;
    l.border = true;
    st = rg_cv_style(w, &l, &s->header, err);
    if (st == RAG_OK)
        st = rg_cv_link_style(w, &s->link, err);
    l = rg_cv_plain();
    l.top = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->text, err);
    l.wrap = true;
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->wrap, err);
    l.wrap = false;
    l.bold = true;
    l.center = true;
    l.fill = RG_CV_RED;
    l.ink = rg_cv_ink(l.fill);
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->error, err);
    l.fill = RG_CV_AMBER;
    l.ink = rg_cv_ink(l.fill);
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->warning, err);
    l.fill = INFO_BLUE;
    l.ink = rg_cv_ink(l.fill);
    if (st == RAG_OK)
        st = rg_cv_style(w, &l, &s->info, err);
    return st;
}

/* Where a finding's link goes, into url (external) and loc (inside). */
static bool finding_target(const rag_finding *f, const rg_cv_links *links,
                           rg_buf *url, rg_buf *loc, bool *external)
{
    const char *sheet = NULL;

    rg_buf_reset(url);
    rg_buf_reset(loc);
    *external = false;
    if (!f->sheet)
        return false;
    if (links->sheet_names &&
        (!links->inside_file ||
         (f->file && !strcmp(f->file, links->inside_file)))) {
        if (f->sheet_index >= links->sheet_count ||
            !links->sheet_names[f->sheet_index])
            return false;
        sheet = links->sheet_names[f->sheet_index];
    } else {
        char *rel;
        bool ok;
        if (!links->out_dir || !f->file)
            return false;
        if (links->files_dir) {
            rg_buf full = {0};
            rel = rg_buf_printf(&full, "%s/%s", links->files_dir, f->file)
                      ? rg_cv_relative(links->out_dir, full.data)
                      : NULL;
            rg_buf_free(&full);
        } else {
            rel = rg_cv_relative(links->out_dir, f->file);
        }
        ok = rel && rg_buf_puts(url, rel);
        rg_free(rel);
        if (!ok)
            return false;
        sheet = f->sheet;
        *external = true;
    }
    return rg_cv_location(loc, sheet, f->has_cell ? f->row : 0,
                          f->has_cell ? f->col : 0) &&
           url->len + loc->len < MAX_URL;
}

static rag_status write_row(rag_wsheet *ws, uint32_t row,
                            const rag_finding *f, const rg_cv_links *links,
                            const styles *s, size_t *linked, rag_error *err)
{
    rg_buf url = {0}, loc = {0};
    char ref[16];
    const char *sev = rag_severity_name(f->severity);
    rag_wstyle colour = f->severity == RAG_SEVERITY_ERROR     ? s->error
                        : f->severity == RAG_SEVERITY_WARNING ? s->warning
                                                              : s->info;
    const char *file = f->file ? f->file : "";
    bool external;
    rag_status st;

    if (links->short_names)
        file = rg_cv_basename(file);
    /* Names and messages are written as they are: recognition skips the
     * Issues sheet by its marker (_ragbook_issues). */
    st = rag_wsheet_write_string(ws, row, 0, file, s->text, err);
    if (st == RAG_OK && f->sheet)
        st = rag_wsheet_write_string(ws, row, 1, f->sheet, s->text, err);
    if (st == RAG_OK && f->sheet) {
        const char *cell = f->has_cell ? rag_cell_ref_format(f->row, f->col,
                                                             ref)
                                       : "A1";
        if (*linked < MAX_LINKS &&
            finding_target(f, links, &url, &loc, &external)) {
            st = rag_wsheet_write_link(ws, row, 2, external ? url.data : NULL,
                                       loc.data, cell, s->link, err);
            (*linked)++;
        } else {
            st = rag_wsheet_write_string(ws, row, 2, cell, s->text, err);
        }
    }
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 3, sev ? sev : "", colour, err);
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 4, f->message ? f->message : "",
                                     s->wrap, err);
    /* as many lines as the message needs (readers do not grow rows) */
    if (st == RAG_OK && f->message && strlen(f->message) > MESSAGE_CHARS)
        st = rag_wsheet_set_row(ws, row,
                                15.0 * (double)(strlen(f->message) /
                                                    MESSAGE_CHARS + 1),
                                RAG_WSTYLE_NONE, false, err);
    /* the rule last: "target-missing" reads as a label, with nothing
     * right of it to take for its value */
    if (st == RAG_OK)
        st = rag_wsheet_write_string(ws, row, 5, f->rule ? f->rule : "",
                                     s->text, err);
    /* the action's ref and the period: what to filter a long list by */
    if (st == RAG_OK && f->ref)
        st = rag_wsheet_write_string(ws, row, 6, f->ref, s->text, err);
    if (st == RAG_OK && f->period)
        st = rag_wsheet_write_string(ws, row, 7, f->period, s->text, err);
    rg_buf_free(&url);
    rg_buf_free(&loc);
    return st;
}

/* Characters (not bytes) in s. */
static double chars(const char *s)
{
    double n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

rag_status rg_cv_issues_sheet(rag_writer *w, rag_wsheet *ws,
                              const rag_findings *found,
                              const rg_cv_links *links, rag_error *err)
{
    static const char *const titles[] = {"File",     "Sheet",   "Cell",
                                         "Severity", "Message", "Rule",
                                         "Ref",      "Period"};
    double widths[] = {30, 18, 8, 10, 95, 22, 8, 8};
    size_t n = found ? found->count : 0, shown = n, i, linked = 0;
    styles s;
    rag_range all;
    rag_status st = make_styles(w, &s, err);

    /* the file and sheet columns as wide as the longest name shown (up to
     * a width that still leaves the message most of a landscape page) */
    for (i = 0; i < n; i++) {
        const rag_finding *f = &found->items[i];
        const char *file = links->short_names ? rg_cv_basename(f->file)
                                              : f->file;
        widths[0] = fmax(widths[0], fmin(70, chars(file) + 2));
        widths[1] = fmax(widths[1], fmin(32, chars(f->sheet) + 2));
    }
    for (i = 0; i < 8 && st == RAG_OK; i++) {
        st = rag_wsheet_write_string(ws, 0, (uint32_t)i, titles[i], s.header,
                                     err);
        if (st == RAG_OK)
            st = rag_wsheet_set_column(ws, (uint32_t)i, (uint32_t)i,
                                       widths[i], RAG_WSTYLE_NONE, false,
                                       err);
    }
    if (shown > MAX_ROWS)
        shown = MAX_ROWS;
    for (i = 0; i < shown && st == RAG_OK; i++)
        st = write_row(ws, (uint32_t)i + 1, &found->items[i], links, &s,
                       &linked, err);
    if (st == RAG_OK && shown < n) {
        char more[96];
        snprintf(more, sizeof more,
                 "... and %zu more findings: a sheet holds no more rows",
                 n - shown);
        st = rag_wsheet_write_string(ws, (uint32_t)shown + 1, 4, more,
                                     s.text, err);
    }
    if (st == RAG_OK && !n)
        st = rag_wsheet_write_string(ws, 1, 4,
                                     "Nothing found: every check passed",
                                     s.text, err);
    if (st != RAG_OK)
        return st;
    all.first_row = 0;
    all.first_col = 0;
    all.last_row = (uint32_t)(shown ? shown : 1);
    all.last_col = 7;
    rag_wsheet_freeze(ws, 1, 0, 1, 0);
    /* printed with the Summary: A4 landscape, the header on every page */
    st = rg_look_print(ws, 0, 0, err);
    return st == RAG_OK ? rag_wsheet_autofilter(ws, &all, err) : st;
}
