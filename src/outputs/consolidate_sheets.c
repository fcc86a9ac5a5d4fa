/*
 * consolidate's detail sheets: one per plan kind, one row per recovery
 * plan, indicator or action, each with its source file and cell (linked
 * to the file), money in pounds with a thousands format, RAGs and
 * statuses in words and in colour.  A totals row closes the recovery
 * plans with live SUM formulas.
 */
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "outputs/consolidate_impl.h"

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
        return a->is_parent ? "Heading" : "Not reported";
    return rg_cv_status_words(a->status);
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

static rag_status header(rg_cs_ctx *c, rag_wsheet *ws,
                         const char *const *titles, const double *widths,
                         size_t n)
{
    rag_status st = RAG_OK;
    size_t i;
    for (i = 0; i < n && st == RAG_OK; i++) {
        st = rag_wsheet_write_string(ws, 0, (uint32_t)i, titles[i], c->header,
                                     c->err);
        if (st == RAG_OK)
            st = rag_wsheet_set_column(ws, (uint32_t)i, (uint32_t)i,
                                       widths[i], RAG_WSTYLE_NONE, false,
                                       c->err);
    }
    if (st == RAG_OK)
        st = rag_wsheet_set_row(ws, 0, 45, RAG_WSTYLE_NONE, false, c->err);
    rag_wsheet_freeze(ws, 1, 2, 1, 2);
    if (st == RAG_OK) {
        /* printed landscape, one page wide, the header on every page */
        lxw_worksheet *l = rag_wsheet_lxw(ws);
        worksheet_set_landscape(l);
        worksheet_set_paper(l, 9);
        worksheet_fit_to_pages(l, 1, 0);
        worksheet_repeat_rows(l, 0, 0);
    }
    return st;
}

static rag_status text(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r, uint32_t col,
                       const char *t, rag_wstyle st)
{
    if (!t || !*t)
        return RAG_OK;
    return rag_wsheet_write_string(ws, r, col, t, st, c->err);
}

static rag_status number(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                         uint32_t col, bool has, double v, rag_wstyle st)
{
    if (!has)
        return RAG_OK;
    return rag_wsheet_write_number(ws, r, col, v, st, c->err);
}

/* File (its name) and Cell ("Sheet!A1", linked to the file's cell). */
static rag_status source(rg_cs_ctx *c, rag_wsheet *ws, uint32_t r,
                         const rg_cs_file *f, const char *sheet, rag_loc at)
{
    rg_buf loc = {0};
    char ref[16], shown[200];
    rag_status st;

    st = text(c, ws, r, 0, rg_cv_basename(f->path), c->text);
    snprintf(shown, sizeof shown, "%s!%s", sheet,
             rag_cell_ref_format(at.row, at.col, ref));
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
    lxw_error e = worksheet_write_formula_str(
        rag_wsheet_lxw(ws), (lxw_row_t)r, (lxw_col_t)col, f,
        rag_writer_format(c->w, st), "");
    return e == LXW_NO_ERROR ? RAG_OK
                             : rg_fail(c->err, RAG_ERR_WRITE, "%s",
                                       lxw_strerror(e));
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
    static const char *const titles[] = {
        "File", "Cell", "Directorate", "Reference", "Service area",
        "Cost centre", "Year", "Budget prior year \xC2\xA3",
        "Outturn prior year \xC2\xA3", "Budget \xC2\xA3", "Pressure \xC2\xA3",
        "Milestones \xC2\xA3", "Share of the pressure covered", "Q1 RAG",
        "Q2 RAG", "Q3 RAG", "Q4 RAG", "Latest RAG"};
    static const double widths[] = {30, 22, 20, 14, 32, 12, 9, 14,
                                    14, 14, 14, 14, 13, 9, 9, 9, 9, 10};
    rag_wsheet *ws = c->sheets[RG_CS_RECOVERY];
    uint32_t r = 1, col, last;
    size_t i, k;
    rag_status st = header(c, ws, titles, widths, 18);
    char a[16], b[16], f[96];

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        const rag_model *m = c->files[i].m;
        for (k = 0; m && k < m->plan_count && st == RAG_OK; k++)
            if (m->plans[k].kind == RAG_PLAN_RECOVERY)
                st = recovery_row(c, ws, r++, &c->files[i], &m->plans[k]);
    }
    c->rows[RG_CS_RECOVERY] = r - 1;
    if (st != RAG_OK || r == 1)
        return st;
    /* a totals row, live */
    last = r - 1;
    st = rag_wsheet_write_string(ws, r, 0, "Total", c->total, c->err);
    for (col = RG_CS_R_BUDGET_PRIOR; col <= RG_CS_R_MILESTONES && st == RAG_OK;
         col++) {
        double sum = 0;
        for (i = 0; i < c->count; i++) {
            const rag_model *m = c->files[i].m;
            for (k = 0; m && k < m->plan_count; k++)
                if (m->plans[k].kind == RAG_PLAN_RECOVERY)
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
        st = text(c, ws, r, 4, rag_unit_name(ind->unit), c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 5, rag_direction_name(ind->direction), c->text);
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
    static const char *const titles[] = {
        "File",     "Cell",   "Code",     "Indicator",       "Unit",
        "Direction", "Target", "Actual",  "Variance",        "Stated variance",
        "RAG",      "Stated RAG", "Period"};
    static const double widths[] = {30, 14, 9, 48, 9, 16, 10,
                                    10, 10, 10, 10, 10, 28};
    rag_wsheet *ws = c->sheets[RG_CS_INDICATORS];
    uint32_t r = 1;
    size_t i, k, n;
    rag_status st = header(c, ws, titles, widths, 13);

    for (i = 0; i < c->count && st == RAG_OK; i++) {
        const rag_model *m = c->files[i].m;
        for (k = 0; m && k < m->plan_count && st == RAG_OK; k++)
            for (n = 0; n < m->plans[k].indicator_count && st == RAG_OK; n++)
                st = indicator_row(c, ws, r++, &c->files[i], &m->plans[k],
                                   &m->plans[k].indicators[n]);
    }
    c->rows[RG_CS_INDICATORS] = r - 1;
    return st;
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
    if (st == RAG_OK)
        st = coloured(c, a->status ? rg_cv_status_colour(p, a->status)
                                   : RAG_NO_COLOR,
                      &cs);
    if (st == RAG_OK)
        st = text(c, ws, r, RG_CS_A_STATUS, rg_cs_status_words(a), cs);
    if (st == RAG_OK)
        st = text(c, ws, r, 8,
                  rg_cv_late_at(late, p->sheet_index, a->cell.row) ? "Yes"
                  : a->due.year || a->due_text         ? "No"
                                                       : "No date",
                  c->text);
    if (st == RAG_OK)
        st = text(c, ws, r, 9, a->comment, c->text);
    rg_buf_free(&leads);
    return st;
}

static rag_status action_sheet(rg_cs_ctx *c, int which, rag_plan_kind kind)
{
    static const char *const titles[] = {
        "File",  "Cell", "Plan", "Ref",    "Action",
        "Leads", "Due",  "Status", "Past its due date?", "Comment"};
    static const double widths[] = {30, 14, 30, 8, 50, 22, 12, 20, 10, 60};
    rag_wsheet *ws = c->sheets[which];
    uint32_t r = 1;
    size_t i, k, n;
    rag_status st = header(c, ws, titles, widths, 10);

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
            if (p->kind != kind)
                continue;
            for (n = 0; n < p->action_count && st == RAG_OK; n++)
                st = action_row(c, ws, r++, &c->files[i], p, &p->actions[n],
                                &late);
        }
        rg_cv_late_free(&late);
    }
    c->rows[which] = r - 1;
    return st;
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
