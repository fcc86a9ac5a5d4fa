/*
 * consolidate's detail sheets: one per plan kind, one row per recovery
 * plan, indicator or action, each with its source file (relative to the
 * folder the inputs share) and cell (linked to the file), money in pounds
 * with a thousands format, RAGs, statuses, units and directions in words
 * (and RAGs and statuses in colour).  Every sheet has its header frozen
 * and a filter on it, columns as wide as their content up to a limit and
 * long text wrapped.  A totals row closes the recovery plans with live
 * SUM formulas.  A duplicate plan left out (consolidate.c) has no row.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "outputs/consolidate_impl.h"
#include "outputs/look.h"

const char *const rg_cs_sheet_names[RG_CS_SHEETS] = {
    "Recovery plans", "Indicators", "Trackers", "Action plans"};

#define MONEY "\xC2\xA3#,##0"

/* ---- words ------------------------------------------------------------ */

const char *rg_cs_rag_words(rag_rating r)
{
    const char *w = rg_cv_rating_words(r);
    return w ? w : "Not given";
}

const char *rg_cs_status_words(const rag_action *a)
{
    if (!a->status)
        return a->is_parent ? RG_CS_HEADING : "Not reported";
    return rg_cv_status_words(a->status);
}

/* A unit and a direction as a finance officer reads them (the model's
 * names, "percent" and "higher_is_better", are JSON's). */
static const char *unit_words(rag_unit u)
{
    switch (u) {
    case RAG_UNIT_PERCENT: return "Percentage";
    case RAG_UNIT_DAYS: return "Days";
    case RAG_UNIT_COUNT: return "Number";
    case RAG_UNIT_GBP: return "Pounds (\xC2\xA3)";
    case RAG_UNIT_NONE: break;
    }
    return NULL;
}

static const char *direction_words(rag_direction d)
{
    switch (d) {
    case RAG_HIGHER_IS_BETTER: return "Higher is better";
    case RAG_LOWER_IS_BETTER: return "Lower is better";
    case RAG_WITHIN_BAND: return "Within a band";
    }
    return NULL;
}

rag_rating rg_cs_quarter(const rag_plan *p, int q)
{
    size_t i;
    for (i = 0; i < p->period_count; i++)
        if (p->periods[i].label && p->periods[i].label[0] == 'Q' &&
            p->periods[i].label[1] - '0' == q)
            return p->periods[i].rag;
    return RAG_RATING_NONE;
}

rag_rating rg_cs_latest(const rag_plan *p)
{
    int q;
    for (q = 4; q >= 1; q--)
        if (rg_cs_quarter(p, q))
            return rg_cs_quarter(p, q);
    return RAG_RATING_NONE;
}

double rg_cs_money(const rag_plan *p, uint32_t col, bool *has)
{
    const rag_finance *fi = p->finance;
    double unit = fi && fi->unit > 0 ? fi->unit : 1, v = 0;
    bool known = false;
    size_t i;

    if (col == RG_CS_R_MILESTONES) {
        for (i = 0; i < p->milestone_count; i++)
            if (p->milestones[i].has_amount)
                v += p->milestones[i].amount;
        known = true;
        unit = 1; /* milestones are in pounds already */
    } else if (fi && col == RG_CS_R_BUDGET_PRIOR) {
        known = fi->has_budget_prior;
        v = fi->budget_prior;
    } else if (fi && col == RG_CS_R_OUTTURN_PRIOR) {
        known = fi->has_outturn_prior;
        v = fi->outturn_prior;
    } else if (fi && col == RG_CS_R_BUDGET) {
        known = fi->has_budget;
        v = fi->budget;
    } else if (fi && col == RG_CS_R_PRESSURE) {
        known = fi->has_pressure;
        v = fi->pressure;
    }
    if (has)
        *has = known;
    return known ? v * unit : 0;
}

const char *rg_cs_directorate(const rag_plan *p)
{
    const char *d = p->finance ? p->finance->directorate : NULL;
    return d && *d ? d : "(not given)";
}

/* ---- styles ------------------------------------------------------------ */

rag_status rg_cs_styles(rg_cs_ctx *c)
{
    rg_cv_look l = rg_cv_plain();
    rag_style u;
    rag_status st;

    l.bold = true;
    l.fill = RG_CV_HEADER;
    l.border = true;
    l.wrap = true;
    st = rg_cv_style(c->w, &l, &c->header, c->err);
    l = rg_cv_plain();
    l.top = true;
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->text, c->err);
    l.wrap = true;
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->wrap, c->err);
    l = rg_cv_plain();
    l.top = true;
    l.numfmt = MONEY;
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->money, c->err);
    l.numfmt = "0.0%";
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->percent, c->err);
    l.numfmt = "#,##0.###";
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->number, c->err);
    l.numfmt = "d mmm yyyy";
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->date, c->err);
    l.numfmt = NULL;
    l.ink = 0x808080u;
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->grey, c->err);
    l = rg_cv_plain();
    l.bold = true;
    l.border = true;
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->total, c->err);
    l.numfmt = MONEY;
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->total_money, c->err);
    l.numfmt = "0.0%";
    if (st == RAG_OK)
        st = rg_cv_style(c->w, &l, &c->total_pct, c->err);
    rag_style_init(&u);
    u.font.color = 0x0563C1u;
    u.font.underline = 1;
    u.valign = RAG_VALIGN_TOP;
    if (st == RAG_OK)
        st = rag_writer_style(c->w, &u, &c->link, c->err);
    return st;
}

static rag_status coloured(rg_cs_ctx *c, uint32_t fill, rag_wstyle *out)
{
    rg_cv_look l = rg_cv_plain();
    if (fill == RAG_NO_COLOR) {
        *out = c->grey;
        return RAG_OK;
    }
    l.fill = fill;
    l.ink = rg_cv_ink(fill);
    l.bold = true;
    l.center = true;
    l.top = true;
    return rg_cv_style(c->w, &l, out, c->err);
}

/* ---- cells ------------------------------------------------------------- */

/* Characters (not bytes) in s. */
static double chars(const char *s)
{
    double n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Begin a detail sheet: its header row (wrapped, frozen, printed on
 * every page) and the columns to size as rows come. */
static rag_status header(rg_cs_ctx *c, rag_wsheet *ws,
                         const rg_cs_column *cols, size_t n)
{
    rag_status st = RAG_OK;
    size_t i;

    c->cols = cols;
    c->col_count = n < RG_CS_MAX_COLUMNS ? n : RG_CS_MAX_COLUMNS;
    c->lines = 1;
    for (i = 0; i < c->col_count; i++)
        c->widest[i] = 0;
    for (i = 0; i < n && st == RAG_OK; i++)
        st = rag_wsheet_write_string(ws, 0, (uint32_t)i, cols[i].title,
                                     c->header, c->err);
    if (st == RAG_OK)
        st = rag_wsheet_set_row(ws, 0, 45, RAG_WSTYLE_NONE, false, c->err);
    /* the header and the File and Cell columns stay in view */
    rag_wsheet_freeze(ws, 1, 2, 1, 2);
    if (st == RAG_OK)
        st = rg_look_print(ws, 0, 0, c->err);
    return st;
}

/* Count the text t of column col towards its width and its row's
 * height. */
static void measure(rg_cs_ctx *c, uint32_t col, double n)
{
    const rg_cs_column *k;

    if (col >= c->col_count)
        return;
    k = &c->cols[col];
    if (n > c->widest[col])
        c->widest[col] = n;
    /* two characters of the width are margin; a wrapped line of text
     * holds about 1.2 characters a unit of width (the unit is a digit's
     * width in Calibri 11; letters average narrower: 4 lines of a
     * 170-character plan title in a 36-wide column, rendered by
     * LibreOffice), so rows are a little high rather than cut short */
    if (k->wrap && n > (k->max - 2) * 1.2)
        c->lines = fmax(c->lines, ceil(n / ((k->max - 2) * 1.2)));
}

/* End row r: as high as its longest wrapped text needs (readers do not
 * grow rows for wrapped text themselves), 409 points at most (Excel's
 * limit). */
static rag_status row_done(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r)
{
    rag_status st = RAG_OK;
    if (c->lines > 1)
        st = rag_wsheet_set_row(ws, r, fmin(409, 15 * c->lines),
                                RAG_WSTYLE_NONE, false, c->err);
    c->lines = 1;
    return st;
}

/* End the sheet: columns sized, and a filter over the header and the
 * rows (data rows only: not the totals row). */
static rag_status sheet_done(rg_cs_ctx *c, rag_wsheet *ws, uint32_t rows)
{
    rag_range all;
    rag_status st = RAG_OK;
    size_t i;

    for (i = 0; i < c->col_count && st == RAG_OK; i++) {
        const rg_cs_column *k = &c->cols[i];
        double w = fmin(k->max, fmax(k->min, c->widest[i] + 2));
        st = rag_wsheet_set_column(ws, (uint32_t)i, (uint32_t)i, w,
                                   RAG_WSTYLE_NONE, false, c->err);
    }
    all.first_row = 0;
    all.first_col = 0;
    all.last_row = rows ? rows : 1;
    all.last_col = (uint32_t)c->col_count - 1;
    if (st == RAG_OK)
        st = rag_wsheet_autofilter(ws, &all, c->err);
    c->cols = NULL;
    c->col_count = 0;
    return st;
}

static rag_status text(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r, uint32_t col,
                       const char *t, rag_wstyle st)
{
    if (!t || !*t)
        return RAG_OK;
    measure(c, col, chars(t));
    if (st == c->text && col < c->col_count && c->cols[col].wrap)
        st = c->wrap;
    return rag_wsheet_write_string(ws, r, col, t, st, c->err);
}

static rag_status number(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                         uint32_t col, bool has, double v, rag_wstyle st)
{
    char shown[40];
    if (!has)
        return RAG_OK;
    /* about as wide as its format shows it: "£1,234,567" */
    measure(c, col, (double)snprintf(shown, sizeof shown, "%.0f", fabs(v)) *
                        4 / 3 + 2);
    return rag_wsheet_write_number(ws, r, col, v, st, c->err);
}

/* File (its path from the folder the inputs share) and Cell
 * ("Sheet!A1", linked to the file's cell). */
static rag_status source(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                         const rg_cs_file *f, const char *sheet, rag_loc at)
{
    rg_buf loc = {0};
    char ref[16], shown[200];
    rag_status st;

    st = text(c, ws, r, 0, f->shown ? f->shown : f->path, c->text);
    snprintf(shown, sizeof shown, "%s!%s", sheet,
             rag_cell_ref_format(at.row, at.col, ref));
    measure(c, 1, chars(shown));
    if (st == RAG_OK && f->link && strlen(f->link) < 1800 &&
        rg_cv_location(&loc, sheet, at.row, at.col))
        st = rag_wsheet_write_link(ws, r, 1, f->link, loc.data, shown,
                                   c->link, c->err);
    else if (st == RAG_OK)
        st = text(c, ws, r, 1, shown, c->text);
    rg_buf_free(&loc);
    return st;
}

/* A formula with a text result ("" when there is no share to show). */
static rag_status formula_text(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                               uint32_t col, const char *f, rag_wstyle st)
{
    rag_cell cell;
    memset(&cell, 0, sizeof cell);
    cell.row = r;
    cell.col = col;
    cell.type = RAG_CELL_STRING;
    cell.text = "";
    cell.formula = f;
    cell.formula_kind = RAG_FORMULA_NORMAL;
    return rag_wsheet_write_cell(ws, &cell, st, c->err);
}

/* ---- recovery plans ----------------------------------------------------- */

static const char *field(const rag_plan *p, const char *label)
{
    size_t i, n = strlen(label);
    for (i = 0; i < p->field_count; i++) {
        const char *l = p->fields[i].label;
        size_t k;
        for (k = 0; l && k < n; k++)
            if ((l[k] | 0x20) != (label[k] | 0x20))
                break;
        if (l && k == n)
            return p->fields[i].value;
    }
    return NULL;
}

static rag_status recovery_row(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                               const rg_cs_file *f, const rag_plan *p)
{
    const rag_finance *fi = p->finance;
    double total = rg_cs_money(p, RG_CS_R_MILESTONES, NULL);
    double pressure = rg_cs_money(p, RG_CS_R_PRESSURE, NULL);
    char ref[16], formula[96];
    rag_status st;
    uint32_t col;
    int q;

    st = source(c, ws, r, f, p->sheet, p->cell);
    if (st == RAG_OK)
        st = text(c, ws, r, RG_CS_R_DIRECTORATE, rg_cs_directorate(p),
                  c->text);
    if (st == RAG_OK && fi)
        st = text(c, ws, r, 3, fi->reference, c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 4, field(p, "service area"), c->text);
    if (st == RAG_OK && fi)
        st = text(c, ws, r, 5, fi->cost_centre, c->text);
    if (st == RAG_OK && fi)
        st = text(c, ws, r, 6, fi->year, c->text);
    for (col = RG_CS_R_BUDGET_PRIOR; col <= RG_CS_R_MILESTONES && st == RAG_OK;
         col++) {
        bool has;
        double v = rg_cs_money(p, col, &has);
        st = number(c, ws, r, col, has, v, c->money);
    }
    /* the share of the pressure the milestones cover, live */
    if (st == RAG_OK) {
        char pr[16];
        snprintf(formula, sizeof formula, "IF(N(%s)=0,\"\",%s/%s)",
                 rag_cell_ref_format(r, RG_CS_R_PRESSURE, pr),
                 rag_cell_ref_format(r, RG_CS_R_MILESTONES, ref), pr);
        if (pressure != 0)
            st = rag_wsheet_write_formula(ws, r, RG_CS_R_SHARE, formula,
                                          total / pressure, c->percent,
                                          c->err);
        else
            st = formula_text(c, ws, r, RG_CS_R_SHARE, formula, c->percent);
    }
    for (q = 1; q <= 4 && st == RAG_OK; q++) {
        rag_rating g = rg_cs_quarter(p, q);
        rag_wstyle cs;
        st = coloured(c, rg_cv_rating_colour(g), &cs);
        if (st == RAG_OK)
            st = text(c, ws, r, RG_CS_R_Q1 + (uint32_t)q - 1,
                      rg_cs_rag_words(g), cs);
    }
    if (st == RAG_OK) {
        rag_rating g = rg_cs_latest(p);
        rag_wstyle cs;
        st = coloured(c, rg_cv_rating_colour(g), &cs);
        if (st == RAG_OK)
            st = text(c, ws, r, RG_CS_R_LATEST, rg_cs_rag_words(g), cs);
    }
    return st;
}

static rag_status recovery_sheet(rg_cs_ctx *c)
{
    static const rg_cs_column cols[] = {
        {"File", 16, 50, true},
        {"Cell", 10, 30, false},
        {"Directorate", 14, 30, true},
        {"Reference", 11, 20, false},
        {"Service area", 14, 40, true},
        {"Cost centre", 10, 16, false},
        {"Year", 9, 12, false},
        {"Budget prior year \xC2\xA3", 14, 18, false},
        {"Outturn prior year \xC2\xA3", 14, 18, false},
        {"Budget \xC2\xA3", 14, 18, false},
        {"Pressure \xC2\xA3", 14, 18, false},
        {"Milestones \xC2\xA3", 14, 18, false},
        {"Share of the pressure covered", 13, 13, false},
        {"Q1 RAG", 10, 10, false},
        {"Q2 RAG", 10, 10, false},
        {"Q3 RAG", 10, 10, false},
        {"Q4 RAG", 10, 10, false},
        {"Latest RAG", 10, 10, false}};
    rag_wsheet *ws = c->sheets[RG_CS_RECOVERY];
    uint32_t r = 1, col, last;
    size_t i, k;
    rag_status st = header(c, ws, cols, sizeof cols / sizeof cols[0]);
    char a[16], b[16], f[96];

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        const rag_model *m = c->files[i].m;
        for (k = 0; m && k < m->plan_count && st == RAG_OK; k++)
            if (m->plans[k].kind == RAG_PLAN_RECOVERY &&
                rg_cs_counted(&c->files[i], k)) {
                st = recovery_row(c, ws, r, &c->files[i], &m->plans[k]);
                if (st == RAG_OK)
                    st = row_done(c, ws, r++);
            }
    }
    c->rows[RG_CS_RECOVERY] = r - 1;
    last = r - 1;
    if (st == RAG_OK)
        st = sheet_done(c, ws, last);
    if (st != RAG_OK || r == 1)
        return st;
    /* a totals row, live (below the filter: it is no plan) */
    st = rag_wsheet_write_string(ws, r, 0, "Total", c->total, c->err);
    for (col = RG_CS_R_BUDGET_PRIOR; col <= RG_CS_R_MILESTONES && st == RAG_OK;
         col++) {
        double sum = 0;
        for (i = 0; i < c->count; i++) {
            const rag_model *m = c->files[i].m;
            for (k = 0; m && k < m->plan_count; k++)
                if (m->plans[k].kind == RAG_PLAN_RECOVERY &&
                    rg_cs_counted(&c->files[i], k))
                    sum += rg_cs_money(&m->plans[k], col, NULL);
        }
        snprintf(f, sizeof f, "SUM(%s:%s)", rag_cell_ref_format(1, col, a),
                 rag_cell_ref_format(last, col, b));
        st = rag_wsheet_write_formula(ws, r, col, f, sum, c->total_money,
                                      c->err);
    }
    return st;
}

/* ---- indicators ---------------------------------------------------------- */

static rag_status indicator_row(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                                const rg_cs_file *f, const rag_plan *p,
                                const rag_indicator *ind)
{
    rag_wstyle fig = ind->unit == RAG_UNIT_PERCENT ? c->percent
                     : ind->unit == RAG_UNIT_GBP   ? c->money
                                                   : c->number;
    rag_wstyle cs;
    rag_status st = source(c, ws, r, f, p->sheet, ind->cell);

    if (st == RAG_OK)
        st = text(c, ws, r, 2, ind->code, c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 3, ind->title, c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 4, unit_words(ind->unit), c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 5, direction_words(ind->direction), c->text);
    if (st == RAG_OK)
        st = number(c, ws, r, 6, ind->has_target, ind->target, fig);
    if (st == RAG_OK)
        st = number(c, ws, r, 7, ind->has_actual, ind->actual, fig);
    if (st == RAG_OK)
        st = number(c, ws, r, 8, ind->has_target && ind->has_actual,
                    ind->variance, fig);
    if (st == RAG_OK)
        st = number(c, ws, r, 9, ind->has_stated_variance,
                    ind->stated_variance, fig);
    if (st == RAG_OK)
        st = coloured(c, rg_cv_rating_colour(ind->rag), &cs);
    if (st == RAG_OK)
        st = text(c, ws, r, RG_CS_I_RAG,
                  ind->rag ? rg_cv_rating_words(ind->rag) : "Not known", cs);
    if (st == RAG_OK)
        st = coloured(c, rg_cv_rating_colour(ind->stated_rag), &cs);
    if (st == RAG_OK)
        st = text(c, ws, r, 11, rg_cs_rag_words(ind->stated_rag), cs);
    if (st == RAG_OK)
        st = text(c, ws, r, 12, ind->period, c->text);
    return st;
}

static rag_status indicator_sheet(rg_cs_ctx *c)
{
    static const rg_cs_column cols[] = {
        {"File", 16, 50, true},        {"Cell", 10, 30, false},
        {"Code", 8, 14, false},        {"Indicator", 20, 60, true},
        {"Unit", 10, 14, false},       {"Direction", 12, 18, false},
        {"Target", 10, 14, false},     {"Actual", 10, 14, false},
        {"Variance", 10, 14, false},   {"Stated variance", 10, 14, false},
        {"RAG", 10, 12, false},        {"Stated RAG", 10, 12, false},
        {"Period", 10, 30, true}};
    rag_wsheet *ws = c->sheets[RG_CS_INDICATORS];
    uint32_t r = 1;
    size_t i, k, n;
    rag_status st = header(c, ws, cols, sizeof cols / sizeof cols[0]);

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        const rag_model *m = c->files[i].m;
        for (k = 0; m && k < m->plan_count && st == RAG_OK; k++) {
            if (!rg_cs_counted(&c->files[i], k))
                continue;
            for (n = 0; n < m->plans[k].indicator_count && st == RAG_OK;
                 n++) {
                st = indicator_row(c, ws, r, &c->files[i], &m->plans[k],
                                   &m->plans[k].indicators[n]);
                if (st == RAG_OK)
                    st = row_done(c, ws, r++);
            }
        }
    }
    c->rows[RG_CS_INDICATORS] = r - 1;
    return st == RAG_OK ? sheet_done(c, ws, r - 1) : st;
}

/* ---- actions ------------------------------------------------------------- */

static rag_status action_row(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                             const rg_cs_file *f, const rag_plan *p,
                             const rag_action *a, const rg_cv_late *late)
{
    rg_buf leads = {0};
    rag_wstyle cs;
    size_t i;
    rag_status st = source(c, ws, r, f, p->sheet, a->cell);

    for (i = 0; i < a->lead_count && st == RAG_OK; i++)
        if ((i && !rg_buf_puts(&leads, ", ")) ||
            !rg_buf_puts(&leads, a->leads[i]))
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
    if (st == RAG_OK)
        st = text(c, ws, r, 2, p->title, c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 3, a->ref, c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 4, a->text, c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 5, leads.data, c->text);
    if (st == RAG_OK && a->due.year)
        st = number(c, ws, r, 6, true, rg_cv_serial(a->due), c->date);
    else if (st == RAG_OK)
        st = text(c, ws, r, 6, a->due_text, c->text);
    if (st == RAG_OK && a->due.year)
        measure(c, 6, 11); /* "31 Mar 2025" */
    if (st == RAG_OK)
        st = coloured(c, a->status ? rg_cv_status_colour(p, a->status)
                                   : RAG_NO_COLOR,
                      &cs);
    if (st == RAG_OK)
        st = text(c, ws, r, RG_CS_A_STATUS, rg_cs_status_words(a), cs);
    if (st == RAG_OK)
        st = text(c, ws, r, 8,
                  rg_cv_due_words(a, rg_cv_late_at(late, p->sheet_index,
                                                   a->cell.row)),
                  c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 9, a->comment, c->text);
    rg_buf_free(&leads);
    return st;
}

static rag_status action_sheet(rg_cs_ctx *c, int which, rag_plan_kind kind)
{
    static const rg_cs_column cols[] = {
        {"File", 16, 50, true},     {"Cell", 10, 30, false},
        {"Plan", 14, 36, true},     {"Ref", 6, 12, false},
        {"Action", 20, 60, true},   {"Leads", 12, 30, true},
        {"Due", 12, 16, true},      {"Status", 12, 24, true},
        {"Past its due date?", 10, 12, false},
        {"Comment", 20, 60, true}};
    rag_wsheet *ws = c->sheets[which];
    uint32_t r = 1;
    size_t i, k, n;
    rag_status st = header(c, ws, cols, sizeof cols / sizeof cols[0]);

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        const rag_model *m = c->files[i].m;
        rag_findings *overdue = NULL;
        rg_cv_late late;
        rag_validate_options vo;
        int rule;
        if (!m)
            continue;
        memset(&vo, 0, sizeof vo);
        for (rule = 0; rule < RAG_RULE_COUNT; rule++)
            vo.rules[rule] = RAG_SEVERITY_OFF;
        vo.rules[RAG_RULE_MILESTONE_OVERDUE] = RAG_SEVERITY_WARNING;
        st = rag_validate(m, &vo, &overdue, c->err);
        if (st == RAG_OK && !rg_cv_late_init(&late, overdue))
            st = rg_fail(c->err, RAG_ERR_NOMEM, "out of memory");
        rag_findings_free(overdue);
        if (st != RAG_OK)
            break;
        for (k = 0; k < m->plan_count && st == RAG_OK; k++) {
            const rag_plan *p = &m->plans[k];
            if (p->kind != kind || !rg_cs_counted(&c->files[i], k))
                continue;
            for (n = 0; n < p->action_count && st == RAG_OK; n++) {
                st = action_row(c, ws, r, &c->files[i], p, &p->actions[n],
                                &late);
                if (st == RAG_OK)
                    st = row_done(c, ws, r++);
            }
        }
        rg_cv_late_free(&late);
    }
    c->rows[which] = r - 1;
    return st == RAG_OK ? sheet_done(c, ws, r - 1) : st;
}

rag_status rg_cs_details(rg_cs_ctx *c)
{
    rag_status st = recovery_sheet(c);
    if (st == RAG_OK)
        st = indicator_sheet(c);
    if (st == RAG_OK)
        st = action_sheet(c, RG_CS_TRACKERS, RAG_PLAN_TRACKER);
    if (st == RAG_OK)
        st = action_sheet(c, RG_CS_ACTIONS, RAG_PLAN_ACTION);
    return st;
}
