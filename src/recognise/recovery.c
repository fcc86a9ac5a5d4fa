/*
 * A deficit recovery plan: the form's fields, the finance figures (with
 * the financial years in their labels and the unit in "£'000"), the
 * milestone table (details, £, date) and the quarterly monitoring blocks
 * ("QUARTER 1 (to 30/06/23)", GREEN/AMBER/RED, narrative).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recognise/recognise.h"

#define MAX_HEAD 60

/* ---- milestones ------------------------------------------------------- */

typedef struct ms_table {
    uint32_t row;
    int32_t col[4];   /* by rg_ms_role */
    double scale;     /* 1000 under "£'000" */
} ms_table;

static bool milestone_header(const rg_view *v, uint32_t r, ms_table *t)
{
    size_t i, n = rg_row_count(v, r);

    memset(t, 0, sizeof *t);
    t->row = r;
    t->col[0] = t->col[1] = t->col[2] = t->col[3] = -1;
    t->scale = 1;
    for (i = 0; i < n; i++) {
        const uint32_t cell_col = rg_row_col(v, r, i);
        char norm[96];
        size_t len;
        int role;
        const char *s = rg_text(v, r, cell_col, &len);
        if (!s)
            continue;
        if (len > MAX_HEAD)
            return false;
        rg_norm_cell(v, s, len, norm, sizeof norm);
        role = rg_vocab_prefix(rg_milestone_words, norm);
        if (role <= 0 || t->col[role] >= 0)
            continue;
        t->col[role] = (int32_t)cell_col;
        if (role == RG_MS_AMOUNT &&
            rg_vocab_find(rg_fin_words, norm, NULL) == RG_FIN_THOUSANDS)
            t->scale = 1000;
    }
    return t->col[RG_MS_TEXT] >= 0 &&
           (t->col[RG_MS_AMOUNT] >= 0 || t->col[RG_MS_DATE] >= 0);
}

bool rg_milestone_header(const rg_view *v, uint32_t r)
{
    ms_table t;
    return milestone_header(v, r, &t) && t.col[RG_MS_AMOUNT] >= 0;
}

/* A cell that heads a monitoring table's column, the whole cell: "Quarter",
 * "Period", "RAG", "RAG status" ("Quarter | RAG | Update" under the
 * milestones, in plain type). */
static bool monitoring_heading(const char *norm)
{
    static const char *const heads[] = {"quarter", "period", "rag",
                                        "rag status", "rag rating", NULL};
    size_t k;
    for (k = 0; heads[k]; k++)
        if (!strcmp(norm, heads[k]))
            return true;
    return false;
}

/* A row that ends the milestone table: a quarter's heading, the heading
 * row of a monitoring table, or a label or heading in bold.  A quarter in
 * the table's date column ("Q4 2024/25") is when a milestone is due, no
 * heading (read as one, the milestone was lost and the plan gained a
 * fifth quarter). */
static bool table_stop(const rg_view *v, uint32_t r, int32_t date_col)
{
    size_t i, n = rg_row_count(v, r);
    for (i = 0; i < n; i++) {
        const uint32_t cell_col = rg_row_col(v, r, i);
        size_t len;
        const char *t = rg_text(v, r, cell_col, &len);
        char norm[128];
        int w;
        if (!t)
            continue;
        if ((rg_quarter_cell(v, t, len) && (int32_t)cell_col != date_col) ||
            rg_bold(v, r, cell_col))
            return true;
        rg_norm_cell(v, t, len < 120 ? len : 120, norm, sizeof norm);
        if (monitoring_heading(norm))
            return true;
        w = rg_vocab_find(rg_kind_words, norm, NULL);
        if ((w > 0 && w != RG_KIND_KEY && w != RG_KIND_DATA_ONLY) ||
            rg_vocab_prefix(rg_label_words, norm) == RG_LBL_HEADING)
            return true;
    }
    return false;
}

static rag_status milestones(rag_model *m, rg_view *v, rag_plan *p,
                             uint32_t r0, uint32_t r1)
{
    uint32_t r, k;
    ms_table t;

    for (r = r0; r < r1; r++)
        if (!rg_row_claimed(v, r) && milestone_header(v, r, &t))
            break;
    if (r >= r1)
        return RAG_OK;
    rg_claim(v, r, 0, UINT32_MAX);
    for (k = r + 1; k < r1 && !rg_row_claimed(v, k); k++) {
        int32_t tc = t.col[RG_MS_TEXT], ac = t.col[RG_MS_AMOUNT],
                dc = t.col[RG_MS_DATE];
        bool text = rg_has_value(v, k, (uint32_t)tc);
        bool amount = ac >= 0 && rg_has_value(v, k, (uint32_t)ac);
        bool date = dc >= 0 && rg_has_value(v, k, (uint32_t)dc);
        rag_milestone *ms;
        rg_figure f;

        if (table_stop(v, k, dc))
            break;
        rg_claim(v, k, 0, UINT32_MAX);
        if (!text && !amount && !date)
            continue;
        ms = rg_vec_push((void **)&p->milestones, &p->milestone_count,
                         sizeof *ms);
        if (!ms)
            return RAG_ERR_NOMEM;
        ms->cell = rg_loc(k, (uint32_t)tc);
        if (text && !(ms->text = rg_value_text(m, v, k, (uint32_t)tc)))
            return RAG_ERR_NOMEM;
        if (ac >= 0) {
            ms->amount_cell = rg_loc(k, (uint32_t)ac);
            if (amount && rg_figure_at(v, k, (uint32_t)ac, &f, NULL)) {
                ms->has_amount = true;
                ms->amount = rg_clean_number(f.value * t.scale);
            }
        }
        if (dc >= 0) {
            rg_when w = rg_when_at(v, k, (uint32_t)dc);
            ms->due_cell = rg_loc(k, (uint32_t)dc);
            ms->due_invalid = w.invalid;
            if (!w.invalid)
                ms->due = w.date;
            if (w.text && !(ms->due_text = rg_value_text(m, v, k,
                                                          (uint32_t)dc)))
                return RAG_ERR_NOMEM;
        }
    }
    return RAG_OK;
}

/* ---- quarterly monitoring --------------------------------------------- */

static int rag_answer(const char *s)
{
    char norm[64];
    int r;
    rg_norm(s, strlen(s), norm, sizeof norm);
    r = rg_vocab_exact(rg_rag_words, norm);
    if (r <= 0 && strlen(norm) > 2)
        r = rg_vocab_prefix(rg_rag_words, norm);
    return r > 0 ? r : 0;
}

/* The narrative under a label: every line of words below it, to the next
 * label or the end of the block. */
static char *narrative_below(rag_model *m, const rg_view *v, uint32_t r,
                             uint32_t c, uint32_t end, rag_loc *cell)
{
    rg_buf b = {NULL, 0, 0};
    uint32_t k;
    char *out;

    for (k = r + 1; k < end; k++) {
        size_t i, n = rg_row_count(v, k);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, k, i);
            size_t len;
            const char *t = rg_text(v, k, cell_col, &len);
            if (!t || cell_col + 1 < c)
                continue;
            if (rg_fill(v, k, cell_col) != RAG_NO_COLOR &&
                rg_bold(v, k, cell_col))
                goto done; /* the next label */
            if (!b.len)
                *cell = rg_loc(k, cell_col);
            if ((b.len && !rg_buf_putc(&b, '\n')) ||
                !rg_buf_append(&b, t, len)) {
                rg_buf_free(&b);
                return NULL;
            }
        }
    }
done:
    if (!b.len) {
        rg_buf_free(&b);
        return NULL;
    }
    out = rg_model_strndup(m, b.data, b.len);
    rg_buf_free(&b);
    return out;
}

/* The end of the quarter a heading names without a full date: the last
 * "<month> <year>" in it ("Quarter 4 (January to March 2026)" ends 31
 * March 2026, the year as written, even when it is not the plan's), else
 * quarter q of a financial year written with it ("Q1 2023/24" ends 30
 * June 2023).  false when the heading gives neither. */
static bool heading_end(const char *t, size_t len, int q, rag_date *out)
{
    static const int qmonth[] = {6, 9, 12, 3};
    char norm[128], *w, *next;
    int month = 0, year = 0, last = 0, fy;

    rg_norm(t, len, norm, sizeof norm);
    for (w = norm; *w; w = next) {
        size_t n = strcspn(w, " ");
        int m;
        next = w[n] ? w + n + 1 : w + n;
        w[n] = '\0';
        m = rg_vocab_exact(rg_month_words, w);
        if (m > 0) {
            last = m;
            continue;
        }
        /* a four-digit year right after a month word: "March 2026" */
        if (last && n == 4 && w[0] >= '1' && w[0] <= '2' &&
            strspn(w, "0123456789") == 4) {
            month = last;
            year = atoi(w);
        }
        last = 0;
    }
    if (month) {
        out->year = year;
        out->month = month;
        out->day = rg_month_days(year, month);
        return true;
    }
    if (q >= 1 && q <= 4 && rg_find_fy(t, len, &fy)) {
        out->year = q == 4 ? fy + 1 : fy;
        out->month = qmonth[q - 1];
        out->day = rg_month_days(out->year, out->month);
        return true;
    }
    return false;
}

static rag_status period_block(rag_model *m, rg_view *v, rag_plan *p,
                               uint32_t head, uint32_t hc, uint32_t end,
                               int q)
{
    rag_period *pe;
    size_t len, n, i;
    const char *t = rg_text(v, head, hc, &len);
    rg_pair *pairs = NULL;
    size_t np = 0;
    char label[4];
    rag_date d;
    int r;

    pe = rg_vec_push((void **)&p->periods, &p->period_count, sizeof *pe);
    if (!pe)
        return RAG_ERR_NOMEM;
    snprintf(label, sizeof label, "Q%d", q);
    pe->label = rg_model_strndup(m, label, strlen(label));
    pe->cell = rg_loc(head, hc);
    r = rg_find_date(t, len, 0, &d, NULL, NULL);
    if (r > 0)
        pe->end = d;
    else if (r < 0)
        pe->end_invalid = true;
    else if (heading_end(t, len, q, &d))
        pe->end = d;
    /* a row layout: Q1 | GREEN | narrative */
    n = rg_row_count(v, head);
    for (i = 0; i < n; i++) {
        const uint32_t c = rg_row_col(v, head, i);
        const char *s;
        size_t sl;
        if (c <= hc || !(s = rg_text(v, head, c, &sl)))
            continue;
        if (!pe->rag && sl < 12 && (r = rag_answer(s)) > 0) {
            pe->rag = (rag_rating)r;
            pe->rag_cell = rg_loc(head, c);
        } else if (!pe->narrative && sl >= 12) {
            pe->narrative = rg_model_strndup(m, s, sl);
            pe->narrative_cell = rg_loc(head, c);
        }
    }
    rg_claim(v, head, 0, UINT32_MAX);
    if (!rg_form_pairs(v, head + 1, end, &pairs, &np))
        return RAG_ERR_NOMEM;
    for (i = 0; i < np; i++) {
        const rg_pair *pp = &pairs[i];
        char *val;
        rag_loc right = rg_loc(pp->row, rg_after_merge(v, pp->row, pp->col));
        if (pp->role == RG_LBL_ON_TARGET || pp->role == RG_LBL_RAG) {
            pe->rag_cell = right;
            if (pp->vcol >= 0 && (uint32_t)pp->vrow == pp->row) {
                val = rg_pair_value(m, v, pp);
                pe->rag_cell = rg_loc(pp->row, (uint32_t)pp->vcol);
                if (val && (r = rag_answer(val)) > 0)
                    pe->rag = (rag_rating)r;
            } else if (pp->inline_value) {
                val = rg_pair_value(m, v, pp);
                if (val && (r = rag_answer(val)) > 0)
                    pe->rag = (rag_rating)r;
            }
        } else if (pp->role == RG_LBL_NARRATIVE || pp->role == RG_LBL_REASON) {
            pe->narrative_cell = right;
            if (pp->vcol >= 0 && (uint32_t)pp->vrow == pp->row) {
                pe->narrative = rg_pair_value(m, v, pp);
                pe->narrative_cell = rg_loc(pp->row, (uint32_t)pp->vcol);
            } else {
                pe->narrative = narrative_below(m, v, pp->row, pp->col, end,
                                                &pe->narrative_cell);
            }
        }
    }
    rg_free(pairs);
    if (pe->narrative && !*pe->narrative)
        pe->narrative = NULL;
    for (i = head; i < end; i++)
        rg_claim(v, (uint32_t)i, 0, UINT32_MAX);
    return pe->label ? RAG_OK : RAG_ERR_NOMEM;
}

/* The question row r asks of each quarter, by the label left of the first
 * quarter's column: RG_LBL_RAG or ON_TARGET ("RAG", "On target?"),
 * NARRATIVE or REASON ("Narrative", "Commentary"); -1 for any other row
 * or none (r >= r1). */
static int question_row(const rg_view *v, uint32_t r, uint32_t r1,
                        uint32_t first)
{
    char norm[128];
    size_t len;
    const char *t = NULL;
    uint32_t c;
    int role;

    if (r >= r1)
        return -1;
    for (c = 0; c < first && !t; c++)
        t = rg_text(v, r, c, &len);
    if (!t)
        return -1;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    role = rg_vocab_prefix(rg_label_words, norm);
    return role == RG_LBL_RAG || role == RG_LBL_ON_TARGET ||
                   role == RG_LBL_NARRATIVE || role == RG_LBL_REASON
               ? role
               : -1;
}

/* The quarters across one row ("| Q1 (to 30/06/24) | Q2 (to 30/09/24) |
 * ...") with a row a question under them: "RAG" (or "On target?") and
 * "Narrative" (or "Commentary") in the first column, each quarter's answer
 * under its heading.  Rows are read to the first without such a label. */
static rag_status period_columns(rag_model *m, rg_view *v, rag_plan *p,
                                 uint32_t head, uint32_t r1,
                                 const uint32_t *cols, const int *qs,
                                 size_t n)
{
    size_t i;
    uint32_t r;

    /* a row of quarters over amounts ("Milestone | Q1 | Q2 ...") asks no
     * questions: no period without a RAG or narrative row under it */
    if (question_row(v, head + 1, r1, cols[0]) < 0)
        return RAG_OK;
    for (i = 0; i < n; i++) {
        rag_period *pe = rg_vec_push((void **)&p->periods, &p->period_count,
                                     sizeof *pe);
        char label[4];
        size_t len;
        const char *t = rg_text(v, head, cols[i], &len);
        rag_date d;
        int k;
        if (!pe)
            return RAG_ERR_NOMEM;
        snprintf(label, sizeof label, "Q%d", qs[i]);
        if (!(pe->label = rg_model_strndup(m, label, strlen(label))))
            return RAG_ERR_NOMEM;
        pe->cell = rg_loc(head, cols[i]);
        k = rg_find_date(t, len, 0, &d, NULL, NULL);
        if (k > 0)
            pe->end = d;
        else if (k < 0)
            pe->end_invalid = true;
        else if (heading_end(t, len, qs[i], &d))
            pe->end = d;
    }
    rg_claim(v, head, 0, UINT32_MAX);
    for (r = head + 1; r < r1; r++) {
        size_t len;
        int role = question_row(v, r, r + 1, cols[0]);
        if (role < 0)
            break;
        for (i = 0; i < n; i++) {
            rag_period *pe = &p->periods[p->period_count - n + i];
            const char *a = rg_text(v, r, cols[i], &len);
            int k;
            if (role == RG_LBL_RAG || role == RG_LBL_ON_TARGET) {
                pe->rag_cell = rg_loc(r, cols[i]);
                if (a && (k = rag_answer(a)) > 0)
                    pe->rag = (rag_rating)k;
            } else {
                pe->narrative_cell = rg_loc(r, cols[i]);
                if (a && len &&
                    !(pe->narrative = rg_model_strndup(m, a, len)))
                    return RAG_ERR_NOMEM;
            }
        }
        rg_claim(v, r, 0, UINT32_MAX);
    }
    return RAG_OK;
}

static rag_status periods(rag_model *m, rg_view *v, rag_plan *p, uint32_t r0,
                          uint32_t r1)
{
    uint32_t heads[16], cols[16], r;
    int qs[16];
    size_t nh = 0, i;
    rag_status st;

    for (r = r0; r < r1 && nh < 16; r++) {
        size_t k, n = rg_row_count(v, r);
        if (rg_row_claimed(v, r))
            continue;
        uint32_t across[4];
        int aq[4];
        size_t na = 0;
        for (k = 0; k < n; k++) {
            const uint32_t cell_col = rg_row_col(v, r, k);
            size_t len;
            const char *t = rg_text(v, r, cell_col, &len);
            int q;
            if (!t || len > 80 || !(q = rg_quarter_cell(v, t, len)))
                continue;
            if (na < 4) {
                across[na] = cell_col;
                aq[na++] = q;
            }
        }
        /* two quarters or more on one row: a table across, when rows of
         * questions follow (else quarters over amounts: read on) */
        if (na >= 2 && across[0] > 0) {
            size_t had = p->period_count;
            if ((st = period_columns(m, v, p, r, r1, across, aq, na)) !=
                RAG_OK)
                return st;
            if (p->period_count > had)
                return RAG_OK;
            continue;
        }
        if (na) {
            heads[nh] = r;
            cols[nh] = across[0];
            qs[nh++] = aq[0];
        }
    }
    for (i = 0; i < nh; i++)
        if ((st = period_block(m, v, p, heads[i], cols[i],
                               i + 1 < nh ? heads[i + 1] : r1, qs[i])) !=
            RAG_OK)
            return st;
    return RAG_OK;
}

/* ---- finance ---------------------------------------------------------- */

static bool pair_number(const rg_view *v, const rg_pair *p, double *out)
{
    rg_figure f;
    if (p->inline_value) {
        if (!rg_parse_figure(p->inline_value, p->inline_len, &f))
            return false;
    } else if (p->vcol < 0 || (uint32_t)p->vrow != p->row ||
               !rg_figure_at(v, p->row, (uint32_t)p->vcol, &f, NULL)) {
        return false;
    }
    *out = f.value;
    return true;
}

/* true when norm holds a finance word of the kind given (rg_fin_word) */
static bool fin_has(const char *norm, int kind)
{
    const rg_word *w;
    for (w = rg_fin_words; w->text; w++)
        if (w->value == kind && rg_norm_has(norm, w->text))
            return true;
    return false;
}

static int label_fy(const rg_pair *p)
{
    int y;
    return rg_find_fy(p->label, p->label_len, &y) ? y : 0;
}

/* The unit stated once for the whole form, in words of its own rather
 * than in each label: "All figures in £000s throughout", "(£'000)",
 * "Figures are shown in £m".  A cell that names the unit and says it
 * holds for the figures, or names nothing else; 1 when none.  Claimed
 * rows (the milestone table, whose "£000" heading is its column's) and
 * long text (a narrative that mentions "£80k") are not read. */
#define UNIT_PROSE_MAX 100 /* a statement of units is one short line */
static double prose_unit(const rg_view *v, uint32_t r0, uint32_t r1)
{
    static const char *const says[] = {"throughout", "figures", "amounts",
                                       "all", "shown", "expressed",
                                       "stated", "unless", NULL};
    uint32_t r;
    for (r = r0; r < r1 && r < v->rows; r++) {
        size_t i, n = rg_row_count(v, r);
        if (rg_row_claimed(v, r))
            continue;
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            char norm[128];
            size_t len, k, words = 0;
            bool said = false, thousands, millions;
            const char *t = rg_text(v, r, cell_col, &len);
            if (!t || len > UNIT_PROSE_MAX)
                continue;
            rg_norm_cell(v, t, len, norm, sizeof norm);
            thousands = fin_has(norm, RG_FIN_THOUSANDS);
            millions = fin_has(norm, RG_FIN_MILLIONS);
            if (!thousands && !millions)
                continue;
            for (k = 0; says[k]; k++)
                said = said || rg_norm_has(norm, says[k]);
            for (k = 0; norm[k]; k++)
                words += norm[k] == ' ';
            /* "£000s", "(£'000)", "£ m": the unit alone is 2 words */
            if (said || words <= 1)
                return thousands ? 1000 : 1e6;
        }
    }
    return 1;
}

static rag_status finance(rag_model *m, const rg_view *v, rag_plan *p,
                          const rg_pair *pairs, size_t n, uint32_t r0,
                          uint32_t r1)
{
    rag_finance *f;
    int year = 0;
    size_t i;
    bool labelled = false;

    f = rg_model_alloc(m, sizeof *f);
    if (!f)
        return RAG_ERR_NOMEM;
    f->unit = 1;
    /* the plan's year: the pressure's, else the latest budget's */
    for (i = 0; i < n; i++)
        if (pairs[i].fin == RG_FIN_PRESSURE && label_fy(&pairs[i])) {
            year = label_fy(&pairs[i]);
            break;
        }
    for (i = 0; i < n && !year; i++)
        if (pairs[i].fin > 0 && label_fy(&pairs[i]) > year)
            year = label_fy(&pairs[i]);
    for (i = 0; i < n; i++) {
        const rg_pair *q = &pairs[i];
        int fy = label_fy(q);
        bool prior_words = fin_has(q->norm, RG_FIN_PRIOR);
        double x;
        rag_loc at;

        if (q->role == RG_LBL_COST_CENTRE && !f->cost_centre)
            f->cost_centre = rg_pair_value(m, v, q);
        else if (q->role == RG_LBL_DIRECTORATE && !f->directorate)
            f->directorate = rg_pair_value(m, v, q);
        else if (q->role == RG_LBL_REFERENCE && !f->reference)
            f->reference = rg_pair_value(m, v, q);
        if (q->fin <= 0 || !pair_number(v, q, &x))
            continue;
        if (fin_has(q->norm, RG_FIN_THOUSANDS))
            f->unit = 1000, labelled = true;
        else if (fin_has(q->norm, RG_FIN_MILLIONS))
            f->unit = 1e6, labelled = true;
        else if (strstr(q->norm, "£"))
            labelled = true; /* "Budget (£)": pounds, whatever prose says */
        at = q->inline_value ? rg_loc(q->row, q->col)
                             : rg_loc(q->row, (uint32_t)q->vcol);
        switch (q->fin) {
        case RG_FIN_PRESSURE:
            if (!f->has_pressure) {
                f->has_pressure = true;
                f->pressure = x;
                f->pressure_cell = at;
            }
            break;
        case RG_FIN_OUTTURN:
            if (!f->has_outturn_prior && (!fy || !year || fy < year)) {
                f->has_outturn_prior = true;
                f->outturn_prior = x;
                f->outturn_prior_cell = at;
            }
            break;
        case RG_FIN_BUDGET:
            if ((fy && year && fy < year) || (!fy && prior_words)) {
                if (!f->has_budget_prior) {
                    f->has_budget_prior = true;
                    f->budget_prior = x;
                    f->budget_prior_cell = at;
                }
            } else if (!f->has_budget) {
                f->has_budget = true;
                f->budget = x;
                f->budget_cell = at;
            }
            break;
        default:
            break;
        }
    }
    if (!labelled)
        f->unit = prose_unit(v, r0, r1);
    if (year) {
        f->year_start = year;
        f->year = rg_arena_printf(&m->impl->arena, "%d/%02d", year,
                                  (year + 1) % 100);
    }
    p->finance = f;
    return RAG_OK;
}

/* Period ends not written follow from the year: Q1 ends 30 June. */
static void default_ends(rag_plan *p)
{
    static const int month[] = {6, 9, 12, 3}, day[] = {30, 30, 31, 31};
    size_t i;
    int y = p->finance ? p->finance->year_start : 0;

    for (i = 0; i < p->period_count && y; i++) {
        rag_period *pe = &p->periods[i];
        int q = pe->label[1] - '1';
        if (pe->end.year || pe->end_invalid || q < 0 || q > 3)
            continue;
        pe->end.year = q == 3 ? y + 1 : y;
        pe->end.month = month[q];
        pe->end.day = day[q];
    }
}

rag_status rg_recovery_plan(rag_model *m, rg_view *v, uint32_t r0,
                            uint32_t r1, const rg_context *cx)
{
    rag_plan *p = rg_add_plan(m, v, RAG_PLAN_RECOVERY);
    rg_pair *pairs = NULL;
    size_t n = 0, i;
    int32_t hr;
    uint32_t hc = 0, last = r0;
    rag_status st;
    const rg_pair *owner = NULL;

    (void)cx;
    if (!p)
        return RAG_ERR_NOMEM;
    p->status_col = -1;
    hr = rg_heading_above(v, r0, r1, &hc);
    rg_report_date(v, r0, r1, &p->as_of, NULL);
    if ((st = milestones(m, v, p, r0, r1)) != RAG_OK ||
        (st = periods(m, v, p, r0, r1)) != RAG_OK)
        return st;
    if (!rg_form_pairs(v, r0, r1, &pairs, &n))
        return RAG_ERR_NOMEM;
    st = rg_pairs_to_fields(m, v, pairs, n, p);
    if (st == RAG_OK)
        st = finance(m, v, p, pairs, n, r0, r1);
    for (i = 0; i < n; i++) {
        if (pairs[i].role == RG_LBL_SERVICE_MANAGER ||
            (pairs[i].role == RG_LBL_SERVICE_DIRECTOR && !owner) ||
            (pairs[i].role == RG_LBL_OWNER && !owner))
            if (pairs[i].inline_value || pairs[i].vcol >= 0)
                owner = &pairs[i];
    }
    if (owner && st == RAG_OK)
        p->owner = rg_pair_value(m, v, owner);
    if (hr >= 0) {
        size_t len;
        const char *t = rg_text(v, (uint32_t)hr, hc, &len);
        p->title = rg_model_strndup(m, t, len);
        p->cell = rg_loc((uint32_t)hr, hc);
    } else if (n) {
        p->cell = rg_loc(pairs[0].row, pairs[0].col);
    } else {
        p->cell = rg_loc(r0, 0);
    }
    rg_free(pairs);
    default_ends(p);
    for (i = r0; i < r1; i++)
        if (rg_row_cells(v, (uint32_t)i, &n) && n)
            last = (uint32_t)i;
    p->range.first_row = p->cell.row;
    p->range.first_col = p->cell.col;
    p->range.last_row = last;
    p->range.last_col = v->cols ? v->cols - 1 : 0;
    p->last_col = p->range.last_col;
    for (i = r0; i < r1; i++)
        rg_claim(v, (uint32_t)i, 0, UINT32_MAX);
    return st;
}
