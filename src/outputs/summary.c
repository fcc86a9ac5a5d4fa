/*
 * convert's Summary sheet: where things stand, for a committee.
 *
 *   Position summary of <file>
 *   Position on <date>, <where the date came from>
 *   Source file: <the file's name>
 *   Checks found 1 error, 4 warnings and 2 infos: see Issues (linked)
 *   then a part per kind of plan present, each designed for what that
 *   kind reports (summary_actions.c, summary_indicators.c,
 *   summary_recovery.c), and the overdue list (summary_overdue.c).
 *
 * Statuses are named in the workbook's own words (its key's, else its
 * status column's); every colour carries its words; text on a fill is
 * black or white by WCAG contrast.  Numbers are centred under centred
 * headers.  Printed A4 landscape, one page wide, the title repeated.
 *
 * The Summary writes into any rag_wsheet of a rag_writer: convert adds
 * it to the updated workbook, and a package editor can graft it from a
 * side workbook; nothing here depends on which.
 */
#include <stdio.h>
#include <string.h>

#include "outputs/summary_impl.h"

#define TITLE_ROWS 2 /* the title and the date, repeated on each page */

static rag_status look(rg_sum *s, rg_cv_look l, rag_wstyle *out)
{
    return rg_cv_style(s->w, &l, out, s->err);
}

static rag_status link_style(rg_sum *s, bool centre, rag_wstyle *out)
{
    rag_style u;
    rag_style_init(&u);
    u.font.color = SUM_LINK_INK;
    u.font.underline = 1;
    u.valign = RAG_VALIGN_TOP;
    if (centre)
        u.halign = RAG_HALIGN_CENTER;
    return rag_writer_style(s->w, &u, out, s->err);
}

static rag_status styles(rg_sum *s)
{
    rg_cv_look l = rg_cv_plain();
    rag_status st;

    l.bold = true;
    l.size = 14;
    st = look(s, l, &s->title);
    l.size = 12;
    if (st == RAG_OK)
        st = look(s, l, &s->section);
    l = rg_cv_plain();
    if (st == RAG_OK)
        st = look(s, l, &s->text);
    l.bold = true;
    if (st == RAG_OK)
        st = look(s, l, &s->bold);
    l.bold = false;
    l.top = true;
    if (st == RAG_OK)
        st = look(s, l, &s->top);
    l.wrap = true;
    if (st == RAG_OK)
        st = look(s, l, &s->wrap);
    l = rg_cv_plain();
    l.italic = true;
    l.wrap = true;
    l.top = true;
    if (st == RAG_OK)
        st = look(s, l, &s->note);
    /* headers: bold, a rule below, bottom-aligned so that a header of
     * two lines sits on its column; centred over numbers, as they are */
    l = rg_cv_plain();
    l.bold = true;
    l.border = true;
    l.wrap = true;
    if (st == RAG_OK)
        st = look(s, l, &s->header);
    l.center = true;
    if (st == RAG_OK)
        st = look(s, l, &s->header_num);
    l = rg_cv_plain();
    l.ink = SUM_ZERO_INK;
    l.center = true;
    l.top = true;
    if (st == RAG_OK)
        st = look(s, l, &s->zero);
    l.ink = RAG_NO_COLOR;
    if (st == RAG_OK)
        st = look(s, l, &s->count);
    l.bold = true;
    if (st == RAG_OK)
        st = look(s, l, &s->count_bold);
    l.bold = false;
    l.wrap = true;
    if (st == RAG_OK)
        st = look(s, l, &s->wrap_center);
    l.wrap = false;
    l.numfmt = "d mmm yyyy";
    if (st == RAG_OK)
        st = look(s, l, &s->date);
    l.numfmt = "\302\243#,##0"; /* £ */
    if (st == RAG_OK)
        st = look(s, l, &s->money);
    l.bold = true;
    if (st == RAG_OK)
        st = look(s, l, &s->money_bold);
    if (st == RAG_OK)
        st = link_style(s, false, &s->link);
    if (st == RAG_OK)
        st = link_style(s, true, &s->link_num);
    return st;
}

rag_status rg_sum_put(rg_sum *s, uint32_t r, uint32_t c, const char *t,
                      rag_wstyle st)
{
    return rag_wsheet_write_string(s->ws, r, c, t, st, s->err);
}

rag_status rg_sum_num(rg_sum *s, uint32_t r, uint32_t c, double v,
                      rag_wstyle st)
{
    return rag_wsheet_write_number(s->ws, r, c, v, st, s->err);
}

rag_status rg_sum_head(rg_sum *s, uint32_t r, uint32_t c, const char *t,
                       bool over_numbers)
{
    /* a header wraps at spaces, never inside a word: the column is at
     * least as wide as its longest word ("Reprogrammed/extended") */
    size_t word = 0, longest = 0;
    const char *p;
    for (p = t; *p; p++) {
        if (*p == ' ')
            word = 0;
        else if (((unsigned char)*p & 0xC0) != 0x80 && ++word > longest)
            longest = word;
    }
    /* bold is about a tenth wider than the width's unit, plus padding */
    if (c <= SUM_LAST_COL && (double)longest * 1.1 + 2 > s->width[c])
        s->width[c] = (double)longest * 1.1 + 2;
    return rg_sum_put(s, r, c, t, over_numbers ? s->header_num : s->header);
}

rag_status rg_sum_filled(rg_sum *s, uint32_t fill, bool bold,
                         const char *numfmt, rag_wstyle *out)
{
    rg_cv_look l = rg_cv_plain();
    l.fill = fill;
    l.ink = rg_look_ink(fill);
    l.bold = bold;
    l.center = true;
    l.top = true;
    l.numfmt = numfmt;
    return look(s, l, out);
}

rag_status rg_sum_fit_row(rg_sum *s, uint32_t r, size_t chars, double width)
{
    /* about 1.15 characters of Calibri 11 per unit of column width; 15
     * points a line; no more than five lines (the rest is on the sheet) */
    size_t per = (size_t)(width * 1.15), lines = per ? chars / per + 1 : 1;
    if (lines <= 1)
        return RAG_OK;
    if (lines > 5)
        lines = 5;
    return rag_wsheet_set_row(s->ws, r, 15.0 * (double)lines,
                              RAG_WSTYLE_NONE, false, s->err);
}

/* A link to (at) of input sheet `sheet`, showing "Sheet" or "Sheet!A15". */
rag_status rg_sum_link(rg_sum *s, uint32_t r, uint32_t c, size_t sheet,
                       rag_loc at, bool cell_too)
{
    const char *name = sheet < s->in->sheet_count
                           ? s->in->sheet_names[sheet]
                           : NULL;
    char ref[16], shown[160];

    if (!name)
        return RAG_OK;
    if (!rg_cv_location(&s->loc, name, at.row, at.col))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (cell_too)
        snprintf(shown, sizeof shown, "%s!%s", name,
                 rag_cell_ref_format(at.row, at.col, ref));
    else
        snprintf(shown, sizeof shown, "%s", name);
    return rag_wsheet_write_link(s->ws, r, c, NULL, s->loc.data, shown,
                                 s->link, s->err);
}

rag_status rg_sum_findings(rg_sum *s, uint32_t r, uint32_t c, size_t n)
{
    char shown[32];
    rg_buf where = {0};
    rag_status st;

    if (!n || !s->in->issues_sheet)
        return rg_sum_num(s, r, c, (double)n, n ? s->count : s->zero);
    snprintf(shown, sizeof shown, "%zu", n);
    if (!rg_cv_location(&where, s->in->issues_sheet, 0, 0))
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    else
        st = rag_wsheet_write_link(s->ws, r, c, NULL, where.data, shown,
                                   s->link_num, s->err);
    rg_buf_free(&where);
    return st;
}

const char *rg_sum_status_words(const rg_sum *s, const rag_plan *p,
                                rag_progress q, char *buf, size_t size)
{
    const rag_model *m = s->in->m;

    if (s->in->words && p >= m->plans && p < m->plans + m->plan_count)
        return rg_look_status_words_kept(&s->in->words[p - m->plans], p, q);
    return rg_look_status_words(m->wb, p, q, buf, size);
}

rag_status rg_sum_section(rg_sum *s, const char *title)
{
    rag_status st;
    s->row++; /* a blank row before each part */
    st = rg_sum_put(s, s->row, 0, title, s->section);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(s->ws, s->row, 20, RAG_WSTYLE_NONE, false,
                                s->err);
    s->row++;
    return st;
}

rag_status rg_sum_note(rg_sum *s, const char *text)
{
    rag_range span;
    rag_status st = rg_sum_put(s, s->row, 0, text, s->note);
    span.first_row = span.last_row = s->row;
    span.first_col = 0;
    span.last_col = SUM_LAST_COL;
    if (st == RAG_OK)
        st = rag_wsheet_merge(s->ws, &span, s->err);
    /* the merged width is about 190 characters */
    if (st == RAG_OK)
        st = rg_sum_fit_row(s, s->row, strlen(text), 165);
    s->row++;
    return st;
}

/* ---- the top ------------------------------------------------------------ */

/* "1 error, 4 warnings and 2 infos" into b: the severities as Issues
 * and the validation report name them. */
static bool findings_words(rg_buf *b, const rag_findings *f)
{
    static const struct {
        rag_severity sev;
        const char *one, *many;
    } kinds[] = {{RAG_SEVERITY_ERROR, "error", "errors"},
                 {RAG_SEVERITY_WARNING, "warning", "warnings"},
                 {RAG_SEVERITY_INFO, "info", "infos"}};
    size_t n[3], i, parts = 0, done = 0;

    for (i = 0; i < 3; i++) {
        n[i] = rag_findings_count(f, kinds[i].sev);
        parts += n[i] > 0;
    }
    for (i = 0; i < 3; i++) {
        if (!n[i])
            continue;
        done++;
        if (!rg_buf_printf(b, "%s%zu %s",
                           done == 1       ? ""
                           : done == parts ? " and "
                                           : ", ",
                           n[i], n[i] == 1 ? kinds[i].one : kinds[i].many))
            return false;
    }
    return true;
}

static rag_status top(rg_sum *s)
{
    const rag_model *m = s->in->m;
    char date[32], line[160];
    rg_buf b = {0};
    rag_status st = RAG_OK;
    size_t total = s->in->found ? s->in->found->count : 0;

    if (!rg_buf_printf(&b, "Position summary of %s",
                       rg_cv_basename(s->in->source)))
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    st = rg_sum_put(s, 0, 0, b.data, s->title);
    snprintf(line, sizeof line, "Position on %s, %s",
             rg_cv_date_words(m->as_of, date, sizeof date),
             s->in->origin == RG_CV_AS_OF_OPTION ? "the date given (--as-of)"
             : s->in->origin == RG_CV_AS_OF_WORKBOOK
                 ? "the date written in the workbook"
                 : "today (the workbook gives no date)");
    if (st == RAG_OK)
        st = rg_sum_put(s, 1, 0, line, s->bold);
    rg_buf_reset(&b);
    /* the file's name, not the path it was given by: one file gives one
     * output however it was named on the command line */
    if (st == RAG_OK && !rg_buf_printf(&b, "Source file: %s",
                                       rg_cv_basename(s->in->source)))
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = rg_sum_put(s, 2, 0, b.data, s->text);
    rg_buf_reset(&b);
    if (st == RAG_OK &&
        !(total ? rg_buf_puts(&b, "Checks found ") &&
                      findings_words(&b, s->in->found) &&
                      rg_buf_puts(&b, ": see the Issues sheet")
                : rg_buf_puts(&b, "Checks found nothing to report")))
        st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK && total && s->in->issues_sheet) {
        rg_buf where = {0};
        if (!rg_cv_location(&where, s->in->issues_sheet, 0, 0))
            st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
        else
            st = rag_wsheet_write_link(s->ws, 3, 0, NULL, where.data,
                                       b.data, s->link, s->err);
        rg_buf_free(&where);
    } else if (st == RAG_OK) {
        st = rg_sum_put(s, 3, 0, b.data, s->text);
    }
    rg_buf_free(&b);
    s->row = 4;
    return st;
}

static rag_status widths(rg_sum *s)
{
    /* sheet, kind or code, title, then the numbers */
    static const double base[SUM_COL_FIRST] = {18, 16, 46};
    uint32_t c;
    rag_status st = RAG_OK;

    for (c = 0; c <= SUM_LAST_COL && st == RAG_OK; c++) {
        double want = c < SUM_COL_FIRST ? base[c] : 12;
        if (s->width[c] > want)
            want = s->width[c];
        st = rag_wsheet_set_column(s->ws, c, c, want, RAG_WSTYLE_NONE, false,
                                   s->err);
    }
    return st;
}

rag_status rg_cv_summary(rag_writer *w, rag_wsheet *ws,
                         const rg_cv_summary_in *in, rag_error *err)
{
    rg_sum s;
    size_t i, k, n = in->m->plan_count;
    rag_status st;

    memset(&s, 0, sizeof s);
    s.w = w;
    s.ws = ws;
    s.in = in;
    s.err = err;
    s.counts = rg_calloc(n ? n : 1, sizeof *s.counts);
    s.findings = rg_calloc(n ? n : 1, sizeof *s.findings);
    if (!s.counts || !s.findings) {
        rg_free(s.counts);
        rg_free(s.findings);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < n; i++) {
        rg_cv_count(&in->m->plans[i], in->overdue, &s.counts[i]);
        for (k = 0; in->found && k < in->found->count; k++)
            s.findings[i] += rg_cv_finding_in_plan(&in->found->items[k],
                                                   &in->m->plans[i]);
    }
    st = styles(&s);
    if (st == RAG_OK)
        st = top(&s);
    if (st == RAG_OK && !n) {
        s.row++;
        st = rg_sum_put(&s, s.row++, 0,
                        "No plan was recognised in this workbook.", s.text);
    }
    if (st == RAG_OK)
        st = rg_sum_actions(&s);
    if (st == RAG_OK)
        st = rg_sum_indicators(&s);
    if (st == RAG_OK)
        st = rg_sum_recovery(&s);
    if (st == RAG_OK)
        st = rg_sum_overdue(&s);
    if (st == RAG_OK)
        st = widths(&s);
    /* printed as a committee paper, the title on every page */
    if (st == RAG_OK)
        st = rg_look_print(ws, 0, TITLE_ROWS - 1, err);
    rg_buf_free(&s.buf);
    rg_buf_free(&s.loc);
    rg_free(s.counts);
    rg_free(s.findings);
    return st;
}
