/*
 * `dump --explain`: what recognition took where, sheet by sheet, in plain
 * words, so that an officer can see why a template was (or was not) read.
 * For a sheet with no plan, the best candidate header row and what it
 * lacked.  Recognition never prints; this writes to the FILE it is given.
 */
#include <string.h>

#include "read/pages.h"
#include "recognise/recognise.h"

/* Rows looked at for a candidate on a sheet with no plan: headers sit in
 * the first screens of a sheet; 500 rows bounds the work on a data dump. */
#define EXPLAIN_ROWS 500
#define EXPLAIN_COLS 128

static const char *col_names[RG_COL_ROLES] = {
    "", "ref", "action", "lead", "due date", "comment", "status", ""};

static const char *cell_name(uint32_t r, uint32_t c, char *buf)
{
    return rag_cell_ref_format(r, c, buf);
}

/* "P" for column 15: a cell name without its row. */
static const char *col_name(uint32_t c, char *buf)
{
    char *d;
    rag_cell_ref_format(0, c, buf);
    for (d = buf; *d && !(*d >= '0' && *d <= '9'); d++)
        ;
    *d = '\0';
    return buf;
}

static void explain_plan(FILE *out, const rag_plan *p)
{
    char a[16], b[16];
    size_t i;

    fprintf(out, "  %s at %s", rag_plan_kind_name(p->kind),
            cell_name(p->cell.row, p->cell.col, a));
    if (p->title)
        fprintf(out, " \"%.60s\"", p->title);
    fputc('\n', out);
    for (i = 0; i < p->header_row_count; i++)
        fprintf(out, "    header: row %u\n", (unsigned)p->header_rows[i] + 1);
    if (p->range.last_row >= p->range.first_row &&
        p->header_row_count)
        fprintf(out, "    rows: %u to %u, columns %s to %s\n",
                (unsigned)p->range.first_row + 1,
                (unsigned)p->range.last_row + 1,
                col_name(p->range.first_col, a), col_name(p->last_col, b));
    for (i = 0; i < p->legend_count; i++) {
        const rag_legend_entry *e = &p->legend[i];
        fprintf(out, "    key: %s \"%s\" = %s%s%s\n",
                cell_name(e->cell.row, e->cell.col, a), e->label,
                rag_progress_name(e->status) ? rag_progress_name(e->status)
                                             : "(no status)",
                e->code ? ", code " : "", e->code ? e->code : "");
    }
    for (i = 0; i < p->field_count; i++) {
        const rag_field *f = &p->fields[i];
        fprintf(out, "    label: %s \"%.40s\"",
                f->label_cell.set
                    ? cell_name(f->label_cell.row, f->label_cell.col, a)
                    : "-",
                f->label);
        if (f->value_cell.set)
            fprintf(out, " -> value %s",
                    cell_name(f->value_cell.row, f->value_cell.col, b));
        else
            fputs(" -> no value", out);
        fputc('\n', out);
    }
    fprintf(out, "    read: %zu actions, %zu indicators, %zu milestones, "
                 "%zu periods\n",
            p->action_count, p->indicator_count, p->milestone_count,
            p->period_count);
}

/* The row of an unrecognised sheet that comes nearest to a header, and
 * what it lacks. */
static void explain_candidate(FILE *out, const rg_view *v)
{
    uint32_t r, best_row = 0, last = v->rows < EXPLAIN_ROWS ? v->rows
                                                             : EXPLAIN_ROWS;
    int best = 0, best_roles[RG_COL_ROLES] = {0}, best_months = 0;
    int best_sc[RG_SC_ROLES] = {0}, labels = 0;
    char a[16];

    for (r = 0; r < last; r++) {
        int roles[RG_COL_ROLES] = {0}, sc[RG_SC_ROLES] = {0}, months = 0,
            score = 0, k;
        uint32_t c, lastc = v->cols < EXPLAIN_COLS ? v->cols : EXPLAIN_COLS;
        for (c = 0; c < lastc; c++) {
            char norm[128];
            size_t len;
            int mo, y, role;
            const char *t = rg_text(v, r, c, &len);
            if (!t || len > 60)
                continue;
            if (rg_parse_month_label(t, len, &mo, &y) ||
                rg_parse_quarter(t, len)) {
                months++;
                continue;
            }
            rg_norm_cell(v, t, len, norm, sizeof norm);
            if (rg_vocab_prefix(rg_label_words, norm) > 0)
                labels++;
            role = rg_vocab_prefix(rg_header_words, norm);
            if (role > 0 && role < RG_COL_ROLES)
                roles[role] = 1;
            role = rg_vocab_prefix(rg_scorecard_words, norm);
            if (role > 0 && role < RG_SC_ROLES)
                sc[role] = 1;
        }
        for (k = 1; k < RG_COL_OTHER; k++)
            score += roles[k];
        for (k = 1; k < RG_SC_OTHER; k++)
            score += sc[k];
        score += months ? 1 : 0;
        if (score > best) {
            best = score;
            best_row = r;
            best_months = months;
            memcpy(best_roles, roles, sizeof roles);
            memcpy(best_sc, sc, sizeof sc);
        }
    }
    if (!best) {
        fprintf(out, "  no plan: no row names a table's columns%s\n",
                labels ? " and the form labels found name no indicator "
                         "or budget"
                       : " and no form label was found");
        return;
    }
    fprintf(out, "  no plan: best candidate header row %u (%s):",
            (unsigned)best_row + 1, cell_name(best_row, 0, a));
    {
        int k;
        for (k = 1; k < RG_COL_OTHER; k++)
            if (best_roles[k])
                fprintf(out, " %s", col_names[k]);
        if (best_months)
            fprintf(out, " %d month or quarter columns", best_months);
        if (best_sc[RG_SC_TARGET])
            fputs(" target", out);
        if (best_sc[RG_SC_TITLE])
            fputs(" indicator", out);
        fputc('\n', out);
        fputs("    fell short:", out);
        if (!best_roles[RG_COL_REF] && !best_roles[RG_COL_ACTION] &&
            !best_sc[RG_SC_TITLE])
            fputs(" no ref, action or indicator column;", out);
        if (best_sc[RG_SC_TITLE] && !best_sc[RG_SC_TARGET] &&
            !best_sc[RG_SC_POLARITY])
            fputs(" a scorecard needs a target or polarity column;", out);
        if (best_sc[RG_SC_TITLE] && best_sc[RG_SC_TARGET])
            fputs(" no figures under its target or period columns;", out);
        {
            int named = 0;
            for (k = 1; k < RG_COL_OTHER; k++)
                named += best_roles[k];
            if (best_months < 3 && named < 3 &&
                (best_roles[RG_COL_REF] || best_roles[RG_COL_ACTION]))
                fputs(" an action table needs three of ref, action, lead, "
                      "due date, comment, status (or three months);",
                      out);
            else if (named >= 3 || best_months >= 3)
                fputs(" the columns are there, but no row under them "
                      "reads as an action (or the plan was not kept);",
                      out);
        }
        fputc('\n', out);
    }
}

rag_status rag_model_explain(const rag_model *m, FILE *out, rag_error *err)
{
    size_t s, i;

    if (!m || !out || !m->wb)
        return rg_fail(err, RAG_ERR_USAGE, "no model or no output");
    for (s = 0; s < m->wb->sheet_count; s++) {
        bool any = false;
        const char *name = m->wb->sheets[s].name;
        fprintf(out, "sheet \"%s\"\n", name ? name : "");
        for (i = 0; i < m->plan_count; i++)
            if (m->plans[i].sheet_index == s) {
                explain_plan(out, &m->plans[i]);
                any = true;
            }
        if (!any) {
            rg_view v;
            if (!rg_sheet_has_cells(m->wb, s)) {
                fputs("  not loaded\n", out);
                continue;
            }
            if (m->wb->sheets[s].state != RAG_SHEET_VISIBLE)
                fputs("  hidden: a plan here that is a blank template, or "
                      "an older copy of one on a visible sheet, is not "
                      "read\n",
                      out);
            if (!rg_view_init(&v, m->wb, s))
                return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
            explain_candidate(out, &v);
            rg_view_free(&v);
        }
    }
    if (ferror(out))
        return rg_fail(err, RAG_ERR_IO, "cannot write the output");
    return RAG_OK;
}
