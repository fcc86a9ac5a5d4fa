/*
 * rag_model_build: recognition over a whole workbook.
 *
 *  1. each sheet's tables (header rows) are found;
 *  2. the report date: the first "Date:" / "as at" outside a table's rows;
 *     the as-of date is the option's, else that, else today;
 *  3. tables become trackers and action plans, then what is left of each
 *     sheet is read as a form (indicator or recovery plan);
 *  4. legends are read from every sheet (a sheet without one borrows a
 *     "Key" sheet's) and give the trackers' months their statuses.
 */
#include <stdlib.h>
#include <string.h>

#include "recognise/recognise.h"

rag_plan *rg_add_plan(rag_model *m, const rg_view *v, rag_plan_kind kind)
{
    rag_plan *p = rg_vec_push((void **)&m->plans, &m->plan_count,
                              sizeof *p);
    if (!p)
        return NULL;
    p->kind = kind;
    p->sheet_index = v->index;
    p->sheet = rg_arena_strdup(&m->impl->arena,
                               v->sheet->name ? v->sheet->name : "");
    p->status_col = -1;
    if (!p->sheet) {
        m->plan_count--;
        return NULL;
    }
    return p;
}

/* ---- forms ------------------------------------------------------------ */

static bool pair_has_number(const rg_view *v, const rg_pair *p)
{
    rg_figure f;
    if (p->inline_value)
        return rg_parse_figure(p->inline_value, p->inline_len, &f);
    return p->vcol >= 0 && (uint32_t)p->vrow == p->row &&
           rg_figure_at(v, p->row, (uint32_t)p->vcol, &f, NULL);
}

/* A heading, not a sentence: "Deficit Recovery Plan 2023/24" names the
 * form; "Moved to amber; recovery plan agreed." in a reason does not.  10
 * words of normal form (where "-" and "/" count as words): a long form
 * heading ("Financial recovery plan - Adult Social Care assessment
 * costs") is 9. */
#define HEADING_WORDS 10
static bool heading_like(const char *t, size_t len, const char *norm)
{
    size_t words = 1;
    if (len && (t[len - 1] == '.' || memchr(t, ';', len)))
        return false;
    for (; *norm; norm++)
        words += *norm == ' ';
    return words <= HEADING_WORDS;
}

/* Short texts on unclaimed rows: a recovery plan's heading, quarter
 * headings. */
static void sheet_words(const rg_view *v, bool *recovery, int *quarters)
{
    uint32_t r;
    *recovery = false;
    *quarters = 0;
    for (r = 0; r < v->rows; r++) {
        size_t i, n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            char norm[128];
            size_t len;
            const char *t = rg_text(v, r, cell_col, &len);
            if (!t || len > 80 || rg_claimed(v, r, cell_col))
                continue;
            if (rg_quarter_cell(v, t, len)) {
                (*quarters)++;
                break;
            }
            rg_norm_cell(v, t, len, norm, sizeof norm);
            if (rg_vocab_find(rg_kind_words, norm, NULL) == RG_KIND_RECOVERY &&
                heading_like(t, len, norm))
                *recovery = true;
        }
    }
}

static bool body_role(int role)
{
    return role == RG_LBL_TARGET || role == RG_LBL_ACTUAL ||
           role == RG_LBL_VARIANCE || role == RG_LBL_REASON ||
           role == RG_LBL_ACTION_TEXT || role == RG_LBL_RAG;
}

/* Two finance labels with figures ("Budget", "Outturn", "Pressure") make
 * a recovery form; one is a form that mentions money.  A recovery plan's
 * heading needs only one, or two quarters' monitoring blocks. */
static bool recovery_of(const rg_view *v, const rg_pair *pairs, size_t n)
{
    size_t i, fin = 0;
    bool recovery;
    int quarters;

    for (i = 0; i < n; i++)
        if (pairs[i].fin > 0 && pair_has_number(v, &pairs[i]))
            fin++;
    sheet_words(v, &recovery, &quarters);
    return fin >= 2 || (recovery && (quarters >= 2 || fin >= 1));
}

bool rg_recovery_sheet(const rg_view *v)
{
    rg_pair *pairs = NULL;
    size_t n = 0;
    bool yes;

    if (!rg_form_pairs(v, 0, v->rows, &pairs, &n))
        return false;
    yes = recovery_of(v, pairs, n);
    rg_free(pairs);
    return yes;
}

rag_status rg_find_forms(rag_model *m, rg_view *v, const rg_context *cx)
{
    rg_pair *pairs = NULL;
    size_t n = 0, i;
    rag_status st = RAG_OK;
    uint32_t start = 0;

    if (!rg_form_pairs(v, 0, v->rows, &pairs, &n))
        return RAG_ERR_NOMEM;
    if (recovery_of(v, pairs, n)) {
        rg_free(pairs);
        return rg_recovery_plan(m, v, 0, v->rows, cx);
    }
    /* one indicator form per title; a form ends after its last figure or
     * action row before the next title */
    for (i = 0; i < n && st == RAG_OK; i++) {
        size_t j, next = n;
        uint32_t end = v->rows;
        if (pairs[i].role != RG_LBL_TITLE ||
            (!pairs[i].inline_value && pairs[i].vcol < 0))
            continue;
        for (j = i + 1; j < n; j++)
            if (pairs[j].role == RG_LBL_TITLE &&
                (pairs[j].inline_value || pairs[j].vcol >= 0) &&
                pairs[j].row > pairs[i].row) {
                next = j;
                break;
            }
        if (next < n) {
            size_t k = next;
            end = pairs[next].row;
            while (k > i + 1 && !body_role(pairs[k - 1].role))
                k--;
            /* labels between the last figure or action and the next
             * title go with the next form, unless a blank row parts them:
             * then those before it ("Responsible officer" under "Action
             * being taken") close this form */
            if (k > i + 1) {
                size_t g = k;
                while (g < next && pairs[g].row <= pairs[g - 1].row + 1)
                    g++;
                if (g < next || pairs[next].row > pairs[next - 1].row + 1)
                    k = g;
            }
            if (k > i + 1 && pairs[k - 1].row + 1 < end)
                end = pairs[k - 1].row + 1;
        }
        st = rg_indicator_plan(m, v, pairs, n, start, end, cx);
        start = end;
        if (next < n)
            i = next - 1;
    }
    rg_free(pairs);
    return st;
}

/* ---- the workbook ----------------------------------------------------- */

typedef struct sheet_state {
    rg_view v;
    rg_table *tables;
    size_t table_count;
    rg_scorecard *cards;
    size_t card_count;
    rag_legend_entry *legend;
    size_t legend_count;
} sheet_state;

/* Tables whose header lies inside a scorecard are the scorecard's own
 * header read as an action plan or tracker: drop them. */
static void drop_card_tables(sheet_state *s)
{
    size_t i, j, k, keep = 0;
    for (i = 0; i < s->table_count; i++) {
        rg_table *t = &s->tables[i];
        bool inside = false;
        for (j = 0; j < s->card_count && !inside; j++) {
            const rg_scorecard *c = &s->cards[j];
            if (t->first_col > c->last_col || c->first_col > t->last_col)
                continue;
            for (k = 0; k < t->header_count && !inside; k++)
                inside = t->headers[k] >= c->header_row &&
                         t->headers[k] < c->end_row;
        }
        if (inside) {
            rg_free(t->headers);
            continue;
        }
        s->tables[keep++] = *t;
    }
    s->table_count = keep;
}

/* A table whose header sits below a scorecard's rows, in its columns,
 * ends the scorecard there when that header row holds no figure under the
 * scorecard's target or actual: an exception report's "Actions to
 * improve | Who | When" under its indicator row is an action plan, not
 * more indicators (read so, "Recruit an officer" had an actual of 31,
 * from its date, and no target: a false target-missing error).  A table
 * found on a row with figures is the scorecard's own rows, dropped after
 * (drop_card_tables). */
static void end_cards_at_tables(sheet_state *s)
{
    size_t i, j;
    for (i = 0; i < s->card_count; i++) {
        rg_scorecard *c = &s->cards[i];
        for (j = 0; j < s->table_count; j++) {
            const rg_table *t = &s->tables[j];
            uint32_t h = t->headers[0];
            rg_figure f;
            bool figures = false;
            size_t k;
            if (h <= c->header_row || h >= c->end_row ||
                t->first_col > c->last_col || c->first_col > t->last_col)
                continue;
            figures = (c->col[RG_SC_TARGET] >= 0 &&
                       rg_figure_at(&s->v, h, (uint32_t)c->col[RG_SC_TARGET],
                                    &f, NULL)) ||
                      (c->col[RG_SC_ACTUAL] >= 0 &&
                       rg_figure_at(&s->v, h, (uint32_t)c->col[RG_SC_ACTUAL],
                                    &f, NULL));
            for (k = 0; k < c->period_count && !figures; k++)
                figures = rg_figure_at(&s->v, h, c->periods[k].col, &f, NULL);
            if (!figures)
                c->end_row = h;
        }
    }
}

/* A recovery form's milestone table ("Milestone | Amount | Target date |
 * Owner") has a text, a date and an owner column and so passes for an
 * action plan; but it has no refs and an amount column, and the form
 * around it reads it as milestones (recovery.c).  Drop such tables on a
 * sheet that is a recovery form; a table with refs stays an action plan. */
static void drop_milestone_tables(sheet_state *s)
{
    size_t i, keep = 0;
    int recovery = -1; /* not yet asked: most sheets have no such table */

    for (i = 0; i < s->table_count; i++) {
        rg_table *t = &s->tables[i];
        if (t->kind == RAG_PLAN_ACTION && t->col[RG_COL_REF] < 0 &&
            t->header_count == 1 && rg_milestone_header(&s->v, t->headers[0])) {
            if (recovery < 0)
                recovery = rg_recovery_sheet(&s->v);
            if (recovery) {
                rg_free(t->headers);
                continue;
            }
        }
        s->tables[keep++] = *t;
    }
    s->table_count = keep;
}

static int plan_order(const void *a, const void *b)
{
    const rag_plan *x = a, *y = b;
    if (x->sheet_index != y->sheet_index)
        return x->sheet_index < y->sheet_index ? -1 : 1;
    if (x->cell.row != y->cell.row)
        return x->cell.row < y->cell.row ? -1 : 1;
    if (x->cell.col != y->cell.col)
        return x->cell.col < y->cell.col ? -1 : 1;
    return 0;
}

/* The legend a sheet without its own borrows: a "Key" sheet's, else the
 * first sheet's that has one. */
static const sheet_state *workbook_legend(const sheet_state *ss, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        char norm[64];
        const char *name = ss[i].v.sheet->name ? ss[i].v.sheet->name : "";
        rg_norm(name, strlen(name), norm, sizeof norm);
        if (ss[i].legend_count &&
            rg_vocab_find(rg_kind_words, norm, NULL) == RG_KIND_KEY)
            return &ss[i];
    }
    for (i = 0; i < n; i++)
        if (ss[i].legend_count)
            return &ss[i];
    return NULL;
}

/* Refs looked up in finding hidden copies: a real workbook's hidden
 * sheets hold a few hundred refs, looked up in a few plans (thousands of
 * lookups); a crafted one with a million refs on hidden sheets and
 * thousands of visible plans stops here (well under a second), and its
 * hidden plans stay, as they would have without the check. */
#define HIDDEN_COPY_LOOKUPS 10000000u

static int ref_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct ref_list {
    const char **r;
    size_t n;
    bool made;
} ref_list;

/* The refs of p's actions and the codes of its indicators, sorted, made
 * once; false when out of memory. */
static bool sorted_refs(const rag_plan *p, ref_list *l)
{
    size_t i, cap = p->action_count + p->indicator_count;

    if (l->made)
        return l->r != NULL;
    l->made = true;
    l->r = rg_malloc((cap ? cap : 1) * sizeof *l->r);
    if (!l->r)
        return false;
    for (i = 0; i < p->action_count; i++)
        if (p->actions[i].ref)
            l->r[l->n++] = p->actions[i].ref;
    for (i = 0; i < p->indicator_count; i++)
        if (p->indicators[i].code)
            l->r[l->n++] = p->indicators[i].code;
    qsort(l->r, l->n, sizeof *l->r, ref_order);
    return true;
}

/* A plan on a hidden sheet whose refs (or codes) are all in a plan of the
 * same kind on a visible sheet is an older copy kept out of sight ("Plan
 * (Q1)" hidden behind "Plan"): read, it gave every finding twice, the
 * second on a sheet the officer cannot see.  Refs alone are compared: the
 * words around them are what the older copy changed.  Out of memory, the
 * plans stay. */
static void drop_hidden_copies(rag_model *m)
{
    size_t i, j, a, k = 0, lookups = 0, n = m->plan_count;
    ref_list *lists;
    bool *gone;

    for (i = 0; i < n; i++)
        if (m->wb->sheets[m->plans[i].sheet_index].state !=
            RAG_SHEET_VISIBLE)
            break;
    if (i == n)
        return; /* nothing hidden: the usual case costs one pass */
    lists = rg_calloc(n, sizeof *lists);
    gone = rg_calloc(n, sizeof *gone);
    for (i = 0; lists && gone && i < n; i++) {
        const rag_plan *p = &m->plans[i];
        if (m->wb->sheets[p->sheet_index].state == RAG_SHEET_VISIBLE ||
            !sorted_refs(p, &lists[i]) || !lists[i].n)
            continue;
        for (j = 0; j < n && !gone[i]; j++) {
            const rag_plan *q = &m->plans[j];
            if (j == i || q->kind != p->kind ||
                m->wb->sheets[q->sheet_index].state != RAG_SHEET_VISIBLE ||
                !sorted_refs(q, &lists[j]))
                continue;
            for (a = 0; a < lists[i].n; a++)
                if (++lookups > HIDDEN_COPY_LOOKUPS ||
                    !bsearch(&lists[i].r[a], lists[j].r, lists[j].n,
                             sizeof *lists[j].r, ref_order))
                    break;
            gone[i] = a == lists[i].n;
        }
    }
    for (i = 0; lists && i < n; i++)
        rg_free(lists[i].r);
    rg_free(lists);
    for (i = 0; i < n; i++) {
        rag_plan *p = &m->plans[i];
        if (gone && gone[i]) {
            rg_plan_free_parts(p);
            continue;
        }
        m->plans[k++] = *p;
    }
    m->plan_count = k;
    rg_free(gone);
}

/* A plan with nothing in it on a hidden sheet is a blank template or a
 * list of choices kept out of sight ("Template", "Lists"), not a plan
 * anyone reports: counted, it made one workbook of one plan three plans
 * in consolidate.  A plan with rows on a hidden sheet stays. */
static void drop_hidden_templates(rag_model *m)
{
    size_t i, k = 0;

    for (i = 0; i < m->plan_count; i++) {
        rag_plan *p = &m->plans[i];
        const rag_sheet *s = &m->wb->sheets[p->sheet_index];
        if (s->state != RAG_SHEET_VISIBLE && !p->action_count &&
            !p->indicator_count && !p->milestone_count &&
            !p->period_count) {
            rg_plan_free_parts(p);
            continue;
        }
        m->plans[k++] = *p;
    }
    m->plan_count = k;
}

static rag_status build(rag_model *m, sheet_state *ss, size_t ns,
                        const rag_model_options *opts)
{
    rg_context cx;
    size_t i, j;
    rag_status st;

    memset(&cx, 0, sizeof cx);
    cx.tolerance = opts ? opts->tolerance : 0;
    for (i = 0; i < ns; i++) {
        if (!rg_view_init(&ss[i].v, m->wb, i))
            return RAG_ERR_NOMEM;
        if (!rg_find_scorecards(&ss[i].v, &ss[i].cards, &ss[i].card_count))
            return RAG_ERR_NOMEM;
        if (!rg_find_tables(&ss[i].v, &ss[i].tables, &ss[i].table_count))
            return RAG_ERR_NOMEM;
        end_cards_at_tables(&ss[i]);
        drop_card_tables(&ss[i]);
        drop_milestone_tables(&ss[i]);
    }
    /* the report date: title blocks first, then anywhere but a table */
    for (i = 0; i < ns && !cx.report_date.year; i++)
        for (j = 0; j < ss[i].table_count && !cx.report_date.year; j++) {
            const rg_table *t = &ss[i].tables[j];
            rg_report_date(&ss[i].v, t->block_start, t->headers[0],
                           &cx.report_date, NULL);
        }
    for (i = 0; i < ns && !cx.report_date.year; i++) {
        rg_view *v = &ss[i].v;
        size_t k;
        uint32_t r;
        for (k = 0; k < ss[i].table_count; k++)
            for (r = ss[i].tables[k].headers[0];
                 r < ss[i].tables[k].end_row; r++)
                rg_claim(v, r, ss[i].tables[k].first_col,
                         ss[i].tables[k].last_col);
        for (k = 0; k < ss[i].card_count; k++)
            for (r = ss[i].cards[k].header_row; r < ss[i].cards[k].end_row;
                 r++)
                rg_claim(v, r, ss[i].cards[k].first_col,
                         ss[i].cards[k].last_col);
        rg_report_date(v, 0, v->rows, &cx.report_date, NULL);
        rg_unclaim_all(v);
    }
    m->as_of_found = cx.report_date.year != 0;
    if (opts && opts->as_of.year) {
        m->as_of = opts->as_of;
        m->as_of_given = true;
    } else if (cx.report_date.year) {
        m->as_of = cx.report_date;
    } else {
        m->as_of = opts && opts->today.year ? opts->today : rag_date_today();
    }
    cx.as_of = m->as_of;

    for (i = 0; i < ns; i++) {
        rg_view *v = &ss[i].v;
        for (j = 0; j < ss[i].card_count; j++)
            if ((st = rg_scorecard_plan(m, v, &ss[i].cards[j], &cx)) !=
                RAG_OK)
                return st;
        for (j = 0; j < ss[i].table_count; j++) {
            rag_plan *p = rg_add_plan(m, v, ss[i].tables[j].kind);
            if (!p)
                return RAG_ERR_NOMEM;
            st = rg_table_plan(m, v, &ss[i].tables[j], p, &cx);
            if (st != RAG_OK)
                return st;
        }
        if ((st = rg_find_forms(m, v, &cx)) != RAG_OK)
            return st;
        if (!rg_find_legend(m, v, &ss[i].legend, &ss[i].legend_count))
            return RAG_ERR_NOMEM;
        if (!ss[i].legend_count &&
            !rg_find_named_legend(m, v, &ss[i].legend, &ss[i].legend_count))
            return RAG_ERR_NOMEM;
    }
    {
        const sheet_state *key = workbook_legend(ss, ns);
        for (i = 0; i < m->plan_count; i++) {
            rag_plan *p = &m->plans[i];
            const sheet_state *s = &ss[p->sheet_index];
            if (p->kind != RAG_PLAN_TRACKER && p->kind != RAG_PLAN_ACTION)
                continue;
            if (!s->legend_count && key)
                s = key;
            if (p->kind == RAG_PLAN_ACTION && p->status_col < 0)
                st = rg_apply_legend(m, &ss[p->sheet_index].v, p, NULL, 0,
                                     &cx);
            else
                st = rg_apply_legend(m, &ss[p->sheet_index].v, p, s->legend,
                                     s->legend_count, &cx);
            if (st != RAG_OK)
                return st;
        }
    }
    drop_hidden_templates(m);
    drop_hidden_copies(m);
    if (m->plan_count > 1)
        qsort(m->plans, m->plan_count, sizeof *m->plans, plan_order);
    return RAG_OK;
}

rag_status rag_model_build(const rag_workbook *wb,
                           const rag_model_options *opts, rag_model **out,
                           rag_error *err)
{
    rag_model *m;
    sheet_state *ss;
    size_t i, ns;
    rag_status st;

    if (out)
        *out = NULL;
    if (!wb || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no workbook or no output");
    m = rg_model_new(wb);
    if (!m)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    ns = wb->sheet_count;
    ss = rg_calloc(ns ? ns : 1, sizeof *ss);
    if (!ss) {
        rag_model_free(m);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    st = build(m, ss, ns, opts);
    for (i = 0; i < ns; i++) {
        rg_view_free(&ss[i].v);
        rg_tables_free(ss[i].tables, ss[i].table_count);
        rg_free(ss[i].cards);
        rg_free(ss[i].legend);
    }
    rg_free(ss);
    if (st != RAG_OK) {
        rag_model_free(m);
        return rg_fail(err, st, "out of memory while reading the plans");
    }
    *out = m;
    return RAG_OK;
}
