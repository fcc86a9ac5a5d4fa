/*
 * A table's rows into actions: ref and parent, text, leads, due date,
 * coloured months, comment; and the title block above it (title, owner,
 * report date).  Statuses wait for the legend (rg_apply_legend).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/rules.h"
#include "recognise/recognise.h"

#define MAX_LEADS 32

/* The title: the first line of the block that says what the plan is
 * ("...Improvement Plan", "Key Objective WM8:"), else its first line; with
 * what follows it when it ends in a colon. */
static void block_heading(rag_model *m, const rg_view *v, uint32_t r0,
                          uint32_t r1, rag_plan *p)
{
    uint32_t r;
    for (r = r0; r < r1; r++) {
        size_t i, len, n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            char norm[128];
            const char *t = rg_text(v, r, cell_col, &len);
            int lbl;
            if (!t || len > 120)
                continue;
            rg_norm_cell(v, t, len, norm, sizeof norm);
            lbl = rg_vocab_prefix(rg_label_words, norm);
            if (lbl == RG_LBL_REPORT_DATE || lbl == RG_LBL_OWNER ||
                lbl == RG_LBL_LEAD)
                goto first;
            if (rg_vocab_find(rg_title_words, norm, NULL) > 0) {
                r0 = r; /* start from this line */
                goto first;
            }
        }
    }
first:
    for (r = r0; r < r1; r++) {
        size_t i, len, len2, n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t c = rg_row_col(v, r, i);
            const char *t = rg_text(v, r, c, &len), *more = NULL;
            char norm[96];
            if (!t)
                continue;
            rg_norm_cell(v, t, len, norm, sizeof norm);
            if (rg_vocab_prefix(rg_label_words, norm) == RG_LBL_REPORT_DATE ||
                rg_vocab_prefix(rg_label_words, norm) == RG_LBL_OWNER)
                return; /* no title before the date and owner */
            if (t[len - 1] == ':') {
                int32_t vc = rg_next_value(v, r, c, c + 4);
                if (vc >= 0)
                    more = rg_text(v, r, (uint32_t)vc, &len2);
                else if (r + 1 < r1)
                    more = rg_text(v, r + 1, c, &len2);
            }
            if (more) {
                char *s = rg_arena_printf(&m->impl->arena, "%.*s %.*s",
                                          (int)len, t, (int)len2, more);
                p->title = s;
            } else {
                p->title = rg_model_strndup(m, t, len);
            }
            p->cell = rg_loc(r, c);
            return;
        }
    }
}

static rag_status title_block(rag_model *m, const rg_view *v,
                              const rg_table *t, rag_plan *p)
{
    uint32_t r0 = t->block_start, r1 = t->headers[0];
    rg_pair *pairs = NULL;
    size_t n = 0, i;
    rag_status st = RAG_OK;

    if (r1 <= r0)
        return RAG_OK;
    block_heading(m, v, r0, r1, p);
    rg_report_date(v, r0, r1, &p->as_of, NULL);
    if (!rg_form_pairs(v, r0, r1, &pairs, &n))
        return RAG_ERR_NOMEM;
    {
        /* The title is no field: "Service Improvement Plan 2024-25" starts
         * with a label's word ("Service") but has no value beside it. */
        size_t k = 0;
        for (i = 0; i < n; i++)
            if (!(p->title && !pairs[i].inline_value && pairs[i].vcol < 0 &&
                  pairs[i].label_len == strlen(p->title) &&
                  !memcmp(pairs[i].label, p->title, pairs[i].label_len)))
                pairs[k++] = pairs[i];
        n = k;
    }
    for (i = 0; i < n; i++) {
        if ((pairs[i].role == RG_LBL_OWNER || pairs[i].role == RG_LBL_LEAD) &&
            !p->owner) {
            char *val = rg_pair_value(m, v, &pairs[i]);
            if (val && *val)
                p->owner = val;
        }
    }
    st = rg_pairs_to_fields(m, v, pairs, n, p);
    rg_free(pairs);
    return st;
}

/* The financial year the block names ("2009/10"), or 0. */
static int block_fy(const rg_view *v, uint32_t r0, uint32_t r1)
{
    uint32_t r;
    for (r = r0; r < r1; r++) {
        size_t i, len, n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            int y;
            const char *t = rg_text(v, r, cell_col, &len);
            if (t && rg_find_fy(t, len, &y))
                return y;
        }
    }
    return 0;
}

/* Give every month column its year: as written in the header, else from
 * the financial year or report date of the block, else the as-of date. */
static void month_years(rg_month_col *mc, size_t n, int fy, rag_date anchor)
{
    size_t i, known = n;

    for (i = 0; i < n; i++)
        if (mc[i].year) {
            known = i;
            break;
        }
    if (known == n) {
        int y;
        if (!n)
            return;
        if (fy)
            y = mc[0].month >= 4 ? fy : fy + 1;
        else if (anchor.year)
            y = anchor.month >= mc[0].month ? anchor.year : anchor.year - 1;
        else
            return;
        mc[0].year = y;
        known = 0;
    }
    for (i = known + 1; i < n; i++)
        if (!mc[i].year)
            mc[i].year = mc[i - 1].year + (mc[i].month < mc[i - 1].month);
    for (i = known; i-- > 0;)
        if (!mc[i].year)
            mc[i].year = mc[i + 1].year - (mc[i].month > mc[i + 1].month);
}

/* Is r one of the table's header rows?  Rows are asked in order, so
 * *next walks the (ascending) list once. */
static bool is_header_row(const rg_table *t, uint32_t r, size_t *next)
{
    while (*next < t->header_count && t->headers[*next] < r)
        (*next)++;
    return *next < t->header_count && t->headers[*next] == r;
}

static const char *col_text(const rg_view *v, uint32_t r, int32_t c,
                            size_t *len)
{
    *len = 0;
    return c >= 0 ? rg_text(v, r, (uint32_t)c, len) : NULL;
}

/* A row whose ref cell continues a vertical merge from above: more of
 * the action above, unless the row has action words of its own in a cell
 * that is no such continuation ("1" merged down beside three actions of
 * objective 1: three actions, the second and third with no ref of their
 * own; a ref of 1 each would be three refs twice over). */
static bool continuation(const rg_view *v, const rg_table *t, uint32_t r)
{
    const rag_range *mr;
    int32_t c = t->col[RG_COL_REF] >= 0 ? t->col[RG_COL_REF]
                                        : t->col[RG_COL_ACTION];
    int32_t a = t->col[RG_COL_ACTION];
    size_t len;

    if (c < 0 || !v->sheet->merge_count)
        return false;
    mr = rg_merge_at(v, r, (uint32_t)c);
    if (!mr || mr->first_row >= r)
        return false;
    if (a < 0 || a == c || !rg_text(v, r, (uint32_t)a, &len))
        return true;
    mr = rg_merge_at(v, r, (uint32_t)a);
    return mr && mr->first_row < r;
}

/* A comment that opens by ending the action ("Superseded by HB4",
 * "Withdrawn - duplicated in the audit plan"): closed, as says_complete
 * reads "Complete" there.  Only at the start: "to avoid being withdrawn"
 * says nothing of the action's end. */
static bool closed_comment(const char *comment)
{
    char norm[64];

    if (!comment)
        return false;
    rg_norm(comment, strlen(comment) < 60 ? strlen(comment) : 60, norm,
            sizeof norm);
    return rg_vocab_prefix(rg_closed_words, norm) > 0;
}

/* Continuation rows joined to one action: an action written over a few
 * rows puts its second lead or update on two to five; a merge down more
 * is a group, not one action's words, and joining a million rows' words
 * one by one would copy the growing text a million times. */
#define MAX_JOINED_ROWS 16

/* A continuation row's lead and comment belong to the action it continues
 * (the last one: the merge is anchored on its row).  Councils list a
 * second lead, or a second update, on the row below under a merged
 * action; left out they were lost from the model. */
static rag_status add_leads(rag_model *m, rag_action *a, const char *s,
                            size_t len);

static rag_status more_of_last(rag_model *m, rag_plan *p, const char *tl,
                               size_t ll, const char *tc, size_t lc,
                               size_t *joined)
{
    rag_action *a;
    rag_status st;

    if (!p->action_count || *joined >= MAX_JOINED_ROWS)
        return RAG_OK;
    ++*joined;
    a = &p->actions[p->action_count - 1];
    if (tl && a->lead_count < MAX_LEADS) {
        const char **old = a->leads;
        size_t n = a->lead_count, i;
        if ((st = add_leads(m, a, tl, ll)) != RAG_OK)
            return st;
        if (n) {
            const char **both = rg_model_alloc(
                m, (n + a->lead_count) * sizeof *both);
            if (!both)
                return RAG_ERR_NOMEM;
            for (i = 0; i < n; i++)
                both[i] = old[i];
            for (i = 0; i < a->lead_count; i++)
                both[n + i] = a->leads[i];
            a->leads = both;
            a->lead_count = n + a->lead_count > MAX_LEADS
                                ? MAX_LEADS
                                : n + a->lead_count;
        }
    }
    if (tc) {
        size_t had = a->comment ? strlen(a->comment) : 0;
        char *c = rg_model_alloc(m, had + 1 + lc + 1);
        if (!c)
            return RAG_ERR_NOMEM;
        if (had) {
            memcpy(c, a->comment, had);
            c[had++] = '\n';
        }
        memcpy(c + had, tc, lc);
        c[had + lc] = '\0';
        a->comment = c;
    }
    return RAG_OK;
}

static rag_status add_leads(rag_model *m, rag_action *a, const char *s,
                            size_t len)
{
    rg_span spans[MAX_LEADS];
    size_t n = rg_split_leads(s, len, spans, MAX_LEADS), i;

    if (n > MAX_LEADS)
        n = MAX_LEADS;
    a->leads = rg_model_alloc(m, (n ? n : 1) * sizeof *a->leads);
    if (!a->leads)
        return RAG_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        a->leads[i] = rg_model_strndup(m, s + spans[i].start, spans[i].len);
        if (!a->leads[i])
            return RAG_ERR_NOMEM;
    }
    a->lead_count = n;
    return RAG_OK;
}

/* The row's months: each coloured (or status-worded) month cell.  A row
 * shaded all across, ref to last month, is a heading, not progress. */
static rag_status add_months(rag_model *m, const rg_view *v,
                             const rg_table *t, uint32_t r, rag_action *a)
{
    size_t i, n = 0;
    uint32_t shade = RAG_NO_COLOR;
    bool same = true;
    int32_t key = t->col[RG_COL_REF] >= 0 ? t->col[RG_COL_REF]
                                          : t->col[RG_COL_ACTION];

    if (!t->month_count)
        return RAG_OK;
    a->months = rg_model_alloc(m, t->month_count * sizeof *a->months);
    if (!a->months)
        return RAG_ERR_NOMEM;
    if (key >= 0)
        shade = rg_fill(v, r, (uint32_t)key);
    for (i = 0; i < t->month_count; i++) {
        uint32_t c = t->months[i].col, from = c, fill;
        rag_progress words = RAG_PROGRESS_NONE;
        char norm[64];
        /* a run of months merged into one cell ("Apr" to "Jun" in one
         * green bar) is drawn in its first cell's colour and words: each
         * month of it has them, not the first alone */
        if (v->sheet->merge_count && !rg_has_value(v, r, c)) {
            const rag_range *mr = rg_merge_at(v, r, c);
            size_t k;
            /* the merge starts on a month: a heading merged across the
             * table ("R3 Improve ...") is no month's status */
            for (k = 0; mr && mr->first_row == r && mr->last_row == r &&
                        mr->first_col < c && k < i;
                 k++)
                if (t->months[k].col == mr->first_col)
                    from = mr->first_col;
        }
        fill = rg_fill(v, r, from);
        if (fill != shade)
            same = false;
        rg_norm_at(v, r, from, norm, sizeof norm);
        if (norm[0]) {
            size_t len;
            const char *txt = rg_text(v, r, from, &len);
            if (txt)
                words = rg_status_of(txt, len);
        }
        if (fill == RAG_NO_COLOR && words == RAG_PROGRESS_NONE) {
            /* letters a key may explain ("G"), read in rg_apply_legend */
            size_t len;
            const char *txt = rg_text(v, r, from, &len);
            if (!txt || len > 3)
                continue;
        }
        a->months[n].year = t->months[i].year;
        a->months[n].month = t->months[i].month;
        a->months[n].fill = fill;
        a->months[n].status = words;
        a->months[n].cell = rg_loc(r, c);
        n++;
    }
    if (same && shade != RAG_NO_COLOR)
        n = 0;
    a->month_count = n;
    return RAG_OK;
}

/* "R1 Improve the management ..." written across the ref and action
 * columns in one (merged) cell: the ref, then the words. */
static bool leading_ref(const char *s, size_t len, char *ref, size_t rsize,
                        char *parent, size_t psize, const char **text,
                        size_t *tlen)
{
    size_t i = 0, words = 0, a;
    while (i < len && s[i] != ' ' && s[i] != '\t')
        i++;
    if (i == len || !rg_parse_ref(s, i, ref, rsize, parent, psize))
        return false;
    a = i;
    while (a < len && (s[a] == ' ' || s[a] == '-' || s[a] == ':' ||
                       s[a] == '\t'))
        a++;
    for (i = a; i < len; i++)
        if (s[i] == ' ' && i > a && s[i - 1] != ' ')
            words++;
    if (words < 2)
        return false;
    *text = s + a;
    *tlen = len - a;
    return true;
}

/* 100% as a fraction: 0.995 or more (a percent shown rounded), at most 1 */
static bool percent_full(double fraction)
{
    return fraction >= 0.995 && fraction <= 1.0;
}

/* A "% complete" cell that says the action is done: 100% (a fraction of
 * 0.995 or more, as a percent cell or "100%" holds it), or 100 written
 * as a plain number, the column's heading giving its percent; under
 * "Completed (Y/N)", a yes. */
static bool all_done(const rg_view *v, uint32_t r, uint32_t c)
{
    static const char *const yes[] = {"y", "yes", "\xe2\x9c\x93",
                                      "\xe2\x9c\x94", NULL}; /* ✓ ✔ */
    rg_figure f;
    size_t len, k;
    const char *t = rg_text(v, r, c, &len);
    const rag_cell *cell = rg_cell_at(v, r, c);

    if (cell && cell->type == RAG_CELL_BOOL)
        return cell->number != 0; /* TRUE under "Complete?" */
    for (k = 0; t && yes[k]; k++)
        if (len == strlen(yes[k]) && !strncasecmp(t, yes[k], len))
            return true;
    if (!rg_figure_at(v, r, c, &f, NULL))
        return false;
    if (f.unit == RAG_UNIT_PERCENT)
        return percent_full(f.value);
    return f.value >= 99.5 && f.value <= 100.0;
}

/* A ticked checkbox (TRUE) in the status column, "Complete" over a
 * column of checkboxes: done (each was overdue before).  FALSE says only
 * that it is not done yet. */
static bool ticked(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    return cell && cell->type == RAG_CELL_BOOL && cell->number != 0;
}

/* A status column that holds how much is done, as percents ("50%",
 * "100%"): 100% says complete.  Only a cell that shows a percent: a
 * plain 100 there could be anything.  (Unread, an action at 100% past
 * its date was overdue.) */
static bool status_percent_full(const rg_view *v, uint32_t r, uint32_t c)
{
    rg_figure f;
    return rg_figure_at(v, r, c, &f, NULL) && f.unit == RAG_UNIT_PERCENT &&
           percent_full(f.value);
}

static rag_progress initial_status(const char *txt, size_t len, bool brag);

/* A cell filled red, amber or green with no key for it: read as those
 * words are (rg_status_words). */
static rag_progress hue_status(uint32_t fill)
{
    rag_rating rr = fill == RAG_NO_COLOR ? RAG_RATING_NONE
                                         : rg_rating_of_fill(fill);
    const char *w;
    char low[8];
    size_t n;

    if (rr == RAG_RATING_NONE)
        return RAG_PROGRESS_NONE;
    w = rag_rating_word(rr);
    for (n = 0; w[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)w[n]);
    low[n] = '\0';
    return rg_status_of(low, n);
}

/* One status cell read alone: words, the RAG's initials, or its hue. */
static rag_progress cell_status(const rg_view *v, uint32_t r, int32_t c)
{
    size_t len;
    const char *txt = col_text(v, r, c, &len);
    rag_progress s;

    if (!txt)
        return c >= 0 ? hue_status(rg_fill(v, r, (uint32_t)c))
                      : RAG_PROGRESS_NONE;
    s = rg_status_of(txt, len);
    return s != RAG_PROGRESS_NONE ? s : initial_status(txt, len, false);
}

static bool late_status(rag_progress s)
{
    return s == RAG_PROGRESS_ONE_MONTH_BEHIND ||
           s == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND;
}

/* "Status | RAG" both written: "In progress" says it is under way, the
 * RAG how it is going, so an amber or red RAG says late where the words
 * say on track or planned (an officer reads "In progress, A" as amber).
 * Words that close the action (complete, on hold, reprogrammed) stand
 * over any RAG, which is often left as it was. */
static rag_progress two_statuses(rag_progress first, rag_progress second)
{
    if (first == RAG_PROGRESS_NONE)
        return second;
    if (second == RAG_PROGRESS_NONE || first == RAG_PROGRESS_COMPLETE ||
        first == RAG_PROGRESS_SUSPENDED ||
        first == RAG_PROGRESS_REPROGRAMMED)
        return first;
    if (second == RAG_PROGRESS_COMPLETE || second == RAG_PROGRESS_SUSPENDED ||
        second == RAG_PROGRESS_REPROGRAMMED)
        return second;
    if (late_status(second) &&
        (!late_status(first) || second == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND))
        return second;
    return first;
}

/* The ref of the last action above with one, among the last few: the
 * action a sub-action's label alone ("(i)", "a)") is numbered under
 * (rg_parse_sub_ref).  A few, not all: a ref column of words asks on
 * every row, and a scan of every row for every row took seconds at
 * 50,000 rows; a list's parent is a row or two above its labels. */
#define SUB_REF_LOOKBACK 8

static const char *last_ref(const rag_plan *p)
{
    size_t i = p->action_count, seen = 0;
    while (i-- && seen++ < SUB_REF_LOOKBACK)
        if (p->actions[i].ref)
            return p->actions[i].ref;
    return NULL;
}

static rag_status add_action(rag_model *m, const rg_view *v,
                             const rg_table *t, uint32_t r, rag_plan *p,
                             bool *added, size_t *joined)
{
    char ref[40] = "", parent[40] = "";
    size_t lr = 0, la = 0, ll = 0, lc = 0, ls = 0;
    const char *tr = col_text(v, r, t->col[RG_COL_REF], &lr);
    const char *ta = col_text(v, r, t->col[RG_COL_ACTION], &la);
    const char *tl = col_text(v, r, t->col[RG_COL_LEAD], &ll);
    const char *tc = col_text(v, r, t->col[RG_COL_COMMENT], &lc);
    const char *ts = col_text(v, r, t->col[RG_COL_STATUS], &ls);
    bool has_ref = false;
    rg_when due;
    int32_t due_col;
    rag_action *a, tmp;
    rag_status st;

    *added = false;
    if ((tr && rg_example_text(tr, lr)) || (ta && rg_example_text(ta, la)))
        return RAG_OK; /* a template's example row: no action, no alarm */
    if (t->col[RG_COL_COMMENT] < 0 && ts) {
        tc = ts; /* a "RAG" column that holds the position statement */
        lc = ls;
    }
    memset(&due, 0, sizeof due);
    due.empty = true;
    if (tr) {
        has_ref = rg_parse_ref(tr, lr, ref, sizeof ref, parent,
                               sizeof parent);
        if (!has_ref)
            has_ref = rg_parse_sub_ref(tr, lr, last_ref(p), ref, sizeof ref,
                                       parent, sizeof parent);
        if (!has_ref && !ta)
            has_ref = leading_ref(tr, lr, ref, sizeof ref, parent,
                                  sizeof parent, &ta, &la);
    } else if (t->col[RG_COL_REF] >= 0) {
        const rag_cell *c = rg_cell_at(v, r, (uint32_t)t->col[RG_COL_REF]);
        if (c && c->type == RAG_CELL_NUMBER) {
            char num[40];
            rg_ref_number(v, c, num, sizeof num);
            has_ref = rg_parse_ref(num, strlen(num), ref, sizeof ref,
                                   parent, sizeof parent);
        }
    }
    due_col = t->col[RG_COL_DUE];
    if (t->revised_due >= 0) {
        /* a revised date, where the row has one, replaces the original */
        due = rg_when_at(v, r, (uint32_t)t->revised_due);
        if (!due.empty)
            due_col = t->revised_due;
    }
    if (due_col == t->col[RG_COL_DUE] && due_col >= 0)
        due = rg_when_at(v, r, (uint32_t)due_col);
    memset(&tmp, 0, sizeof tmp);
    if ((st = add_months(m, v, t, r, &tmp)) != RAG_OK)
        return st;
    if (!has_ref) {
        if (ta && continuation(v, t, r))
            return more_of_last(m, p, tl, ll, tc, lc, joined);
        if (!ta)
            return continuation(v, t, r)
                       ? more_of_last(m, p, tl, ll, tc, lc, joined)
                       : RAG_OK;
        if (!tl && !tc && !ts && due.empty && !tmp.month_count)
            return RAG_OK;
    } else if (!ta && !tl && !tc && !ts && due.empty && !tmp.month_count) {
        return RAG_OK; /* a numbered row of a blank return: no action yet */
    }
    a = rg_vec_push((void **)&p->actions, &p->action_count, sizeof *a);
    if (!a)
        return RAG_ERR_NOMEM;
    *a = tmp;
    if (has_ref) {
        a->ref = rg_model_strndup(m, ref, strlen(ref));
        if (parent[0])
            a->parent = rg_model_strndup(m, parent, strlen(parent));
    }
    a->text = ta ? rg_model_strndup(m, ta, la) : NULL;
    a->comment = tc ? rg_model_strndup(m, tc, lc) : NULL;
    if ((st = add_leads(m, a, tl ? tl : "", tl ? ll : 0)) != RAG_OK)
        return st;
    if (!due.empty) {
        a->due_invalid = due.invalid;
        if (!due.invalid)
            a->due = due.date;
        if (due.text)
            a->due_text = rg_value_text(m, v, r, (uint32_t)due_col);
    }
    if (ts) {
        a->status = rg_status_of(ts, ls);
        a->closed = rg_status_closed(ts, ls);
    }
    if (t->status_beside >= 0)
        a->status = two_statuses(cell_status(v, r, t->col[RG_COL_STATUS]),
                                 cell_status(v, r, t->status_beside));
    a->closed = a->closed || closed_comment(a->comment);
    if (a->status == RAG_PROGRESS_NONE && t->pct_done >= 0 &&
        all_done(v, r, (uint32_t)t->pct_done))
        a->status = RAG_PROGRESS_COMPLETE; /* 100% under "% Complete" */
    if (a->status == RAG_PROGRESS_NONE && t->col[RG_COL_STATUS] >= 0 &&
        (status_percent_full(v, r, (uint32_t)t->col[RG_COL_STATUS]) ||
         ticked(v, r, (uint32_t)t->col[RG_COL_STATUS])))
        a->status = RAG_PROGRESS_COMPLETE;
    if (a->status == RAG_PROGRESS_NONE && t->done_date >= 0) {
        /* a day under "Date completed": the officer recorded it done */
        rg_when w = rg_when_at(v, r, (uint32_t)t->done_date);
        if (!w.empty && !w.invalid && w.date.year)
            a->status = RAG_PROGRESS_COMPLETE;
    }
    /* "Complete" written where the date was due: done.  Only complete:
     * "Ongoing" or "TBC" in a due column say there is no date, not how
     * the action stands. */
    if (a->status == RAG_PROGRESS_NONE && a->due_text &&
        rg_status_of(a->due_text, strlen(a->due_text)) ==
            RAG_PROGRESS_COMPLETE)
        a->status = RAG_PROGRESS_COMPLETE;
    {
        int32_t key = t->col[RG_COL_REF] >= 0 ? t->col[RG_COL_REF]
                                              : t->col[RG_COL_ACTION];
        a->cell = rg_loc(r, key >= 0 ? (uint32_t)key : t->first_col);
        a->is_parent = !a->parent && key >= 0 && !tl &&
                       (rg_bold(v, r, (uint32_t)key) ||
                        rg_underlined(v, r, (uint32_t)key));
    }
    if (t->col[RG_COL_LEAD] >= 0)
        a->lead_cell = rg_loc(r, (uint32_t)t->col[RG_COL_LEAD]);
    if (due_col >= 0)
        a->due_cell = rg_loc(r, (uint32_t)due_col);
    if (t->col[RG_COL_COMMENT] >= 0)
        a->comment_cell = rg_loc(r, (uint32_t)t->col[RG_COL_COMMENT]);
    else if (t->col[RG_COL_STATUS] >= 0)
        a->comment_cell = rg_loc(r, (uint32_t)t->col[RG_COL_STATUS]);
    if ((has_ref && !a->ref) || (ta && !a->text) || (tc && !a->comment))
        return RAG_ERR_NOMEM;
    *added = true;
    return RAG_OK;
}

static int cmp_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool in_sorted(const char **v, size_t n, const char *s)
{
    return s && n && bsearch(&s, v, n, sizeof *v, cmp_text);
}

/* The number a section heading's ref gives its section: "1" of "T1",
 * "Theme 1", "P.1", "Priority 1" (letters, then a space or full stop
 * at most, then the digits, and nothing else); NULL for any other ref. */
static const char *section_number(const char *ref)
{
    const char *s = ref;
    while (isalpha((unsigned char)*s))
        s++;
    if (s == ref)
        return NULL;
    if (*s == ' ' || *s == '.')
        s++;
    if (!isdigit((unsigned char)*s))
        return NULL;
    ref = s;
    while (isdigit((unsigned char)*s))
        s++;
    return *s ? NULL : ref;
}

/* "T1 Thriving places" (or "Theme 1", "P1", "Priority 1") above actions
 * 1.1, 1.2: the heading is the parent the children's "1" names, as a row
 * "1" above them would be.  Only the rows between the heading and the
 * next heading are taken, and only when no row's ref is "1" itself: a
 * plan that writes its "1" row keeps it as the parent. */
static rag_status section_parents(rag_model *m, rag_plan *p)
{
    const char **refs;
    size_t i, nr = 0;

    /* most plans have no such heading: no sorted copy of every ref */
    for (i = 0; i < p->action_count; i++)
        if (p->actions[i].ref && !p->actions[i].parent &&
            section_number(p->actions[i].ref))
            break;
    if (i == p->action_count)
        return RAG_OK;
    refs = rg_malloc((p->action_count + 1) * sizeof *refs);
    if (!refs)
        return RAG_ERR_NOMEM;
    for (i = 0; i < p->action_count; i++)
        if (p->actions[i].ref)
            refs[nr++] = p->actions[i].ref;
    qsort(refs, nr, sizeof *refs, cmp_text);
    for (i = 0; i < p->action_count; i++) {
        const rag_action *h = &p->actions[i];
        const char *num = h->ref && !h->parent ? section_number(h->ref)
                                               : NULL;
        size_t k;
        if (!num || in_sorted(refs, nr, num))
            continue;
        for (k = i + 1; k < p->action_count; k++) {
            rag_action *a = &p->actions[k];
            if (a->ref && !a->parent && section_number(a->ref))
                break; /* the next section's heading */
            if (a->parent && !strcmp(a->parent, num)) {
                a->parent = rg_model_strndup(m, h->ref, strlen(h->ref));
                if (!a->parent) {
                    rg_free(refs);
                    return RAG_ERR_NOMEM;
                }
            }
        }
    }
    rg_free(refs);
    return RAG_OK;
}

/* Parents: a row others name as parent; and "6.2" heading "6.2.a",
 * "6.2.b" with no "6" row is a parent row at the top of the plan, not a
 * child whose parent is missing.  Refs and parents are looked up in sorted
 * lists: a scan of every row for every row took 20 s at 50,000 rows. */
static rag_status mark_parents(rag_plan *p)
{
    const char **refs = rg_malloc((p->action_count + 1) * sizeof *refs);
    const char **parents = rg_malloc((p->action_count + 1) * sizeof *parents);
    size_t i, nr = 0, np = 0;

    if (!refs || !parents) {
        rg_free(refs);
        rg_free(parents);
        return RAG_ERR_NOMEM;
    }
    for (i = 0; i < p->action_count; i++) {
        if (p->actions[i].ref)
            refs[nr++] = p->actions[i].ref;
        if (p->actions[i].parent)
            parents[np++] = p->actions[i].parent;
    }
    qsort(refs, nr, sizeof *refs, cmp_text);
    qsort(parents, np, sizeof *parents, cmp_text);
    for (i = 0; i < p->action_count; i++) {
        rag_action *a = &p->actions[i];
        if (!a->ref)
            continue;
        if (!a->parent) {
            if (in_sorted(parents, np, a->ref))
                a->is_parent = true;
        } else if (in_sorted(parents, np, a->ref) &&
                   !in_sorted(refs, nr, a->parent)) {
            /* clearing this parent changes no other row's answer: no row
             * has this parent as its ref */
            a->parent = NULL;
            a->is_parent = true;
        }
    }
    rg_free(refs);
    rg_free(parents);
    return RAG_OK;
}

rag_status rg_table_plan(rag_model *m, rg_view *v, const rg_table *t,
                         rag_plan *p, const rg_context *cx)
{
    uint32_t r, last = t->headers[t->header_count - 1];
    rag_date anchor;
    rag_status st;

    p->kind = t->kind;
    p->status_col = t->col[RG_COL_STATUS];
    p->last_col = t->last_col;
    p->cell = rg_loc(t->headers[0], t->first_col);
    if ((st = title_block(m, v, t, p)) != RAG_OK)
        return st;
    p->header_rows = rg_malloc(t->header_count * sizeof *p->header_rows);
    if (!p->header_rows)
        return RAG_ERR_NOMEM;
    memcpy(p->header_rows, t->headers, t->header_count * sizeof *t->headers);
    p->header_row_count = t->header_count;
    {
        rg_table tt = *t; /* years are resolved on a copy */
        int fy = t->fy_start ? t->fy_start
                             : block_fy(v, t->block_start, t->headers[0]);
        rag_date found = p->as_of.year ? p->as_of : cx->report_date;
        size_t hnext = 0;
        /* A year written in the title wins over the report date's, if
         * the report falls in it or in the half year after it (a
         * year-end report); words like "7/8" are no year otherwise. */
        if (!t->fy_start && fy && found.year) {
            long in = (long)found.year * 12 + found.month,
                 from = (long)fy * 12 + 4;
            if (in < from || in > from + 17)
                fy = 0;
        }
        anchor = found.year ? found : cx->as_of;
        month_years(tt.months, tt.month_count, fy, anchor);
        size_t joined = 0; /* continuation rows joined to the last */
        for (r = t->headers[0]; r < t->end_row; r++) {
            bool added = false;
            if (is_header_row(t, r, &hnext)) {
                rg_claim(v, r, t->first_col, t->last_col);
                continue;
            }
            if ((st = add_action(m, v, &tt, r, p, &added, &joined)) !=
                RAG_OK)
                return st;
            if (added) {
                rg_claim(v, r, t->first_col, t->last_col);
                last = r;
                joined = 0;
            }
        }
    }
    if ((st = rg_action_groups(m, v, t, p)) != RAG_OK ||
        (st = section_parents(m, p)) != RAG_OK ||
        (st = mark_parents(p)) != RAG_OK)
        return st;
    p->range.first_row = p->cell.row;
    p->range.first_col = t->first_col < p->cell.col ? t->first_col
                                                    : p->cell.col;
    p->range.last_row = last;
    p->range.last_col = t->last_col;
    return RAG_OK;
}

/* true when a comment starts by saying the action is complete
 * (rg_says_complete: the rule is the model's, validation reads it too). */
static bool says_complete(const char *comment)
{
    return rg_says_complete(comment);
}

static const char *rag_colour_of_initial(char c)
{
    switch (c) {
    case 'G': case 'g': return "green";
    case 'A': case 'a': return "amber";
    case 'R': case 'r': return "red";
    default: return NULL;
    }
}

/* A status column's lone letter that no key explains: G, A and R are the
 * RAG's initials in every council's returns, read as the words Green,
 * Amber and Red are (rg_status_words).  Two initials with a slash ("G/A",
 * "A/R": a five-point RAG) read as the words "Green/Amber", "Amber/Red"
 * do.  "AG" without the slash needs a key, and other letters (C, P, B)
 * differ between councils. */
static rag_progress initial_status(const char *txt, size_t len, bool brag)
{
    const char *c1, *c2;

    if (txt && len == 3 && txt[1] == '/' &&
        (c1 = rag_colour_of_initial(txt[0])) != NULL &&
        (c2 = rag_colour_of_initial(txt[2])) != NULL && c1 != c2) {
        char words[16];
        int n = snprintf(words, sizeof words, "%s/%s", c1, c2);
        return rg_status_of(words, (size_t)n);
    }
    if (!txt || len != 1)
        return RAG_PROGRESS_NONE;
    switch (txt[0]) {
    case 'B': case 'b': /* in a BRAG column: blue, complete */
        return brag ? rg_status_of("blue", 4) : RAG_PROGRESS_NONE;
    case 'C': case 'c': /* "C": complete (or closed, cancelled: done) */
        return RAG_PROGRESS_COMPLETE;
    case 'G': case 'g': return rg_status_of("green", 5);
    case 'A': case 'a': return rg_status_of("amber", 5);
    case 'R': case 'r': return rg_status_of("red", 3);
    default: return RAG_PROGRESS_NONE;
    }
}

/* Is the status column a BRAG: its heading says so ("BRAG", "BRAG
 * status", "B/R/A/G"), or its rows are rated red, amber or green (the
 * initials, or cells filled so with no words)?  Then B and blue are the
 * fourth colour, complete, as UK councils use it: a RAG column with a
 * blue row and no key means done, not a colour of its own. */
static bool brag_column(const rg_view *v, const rag_plan *p)
{
    char norm[64];
    size_t k;

    if (p->status_col < 0)
        return false;
    for (k = 0; k < p->header_row_count; k++) {
        rg_norm_at(v, p->header_rows[k], (uint32_t)p->status_col, norm,
                   sizeof norm);
        if (rg_norm_has(norm, "brag") || strstr(norm, "b / r / a / g") ||
            rg_norm_has(norm, "blue"))
            return true;
    }
    for (k = 0; k < p->action_count; k++) {
        uint32_t r = p->actions[k].cell.row, c = (uint32_t)p->status_col;
        size_t len;
        const char *txt = rg_text(v, r, c, &len);
        uint32_t fill = rg_fill(v, r, c);
        if (txt && len == 1 && rag_colour_of_initial(txt[0]))
            return true;
        if (!txt && fill != RAG_NO_COLOR &&
            rg_rating_of_fill(fill) != RAG_RATING_NONE)
            return true;
    }
    return false;
}

/* A month "programmed" (the key's "Planned activity", "Not started")
 * after a month that reported the action on track or behind: the months
 * ahead filled in grey when the plan was set, not this month's report.
 * Taken as the latest, it hid August's red behind September's grey.  A
 * programmed month after "complete" still counts: a second phase
 * planned once the first was done. */
static bool planned_after_reported(rag_progress before, rag_progress month)
{
    return month == RAG_PROGRESS_PROGRAMMED &&
           (before == RAG_PROGRESS_ON_TARGET ||
            before == RAG_PROGRESS_ONE_MONTH_BEHIND ||
            before == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
}

rag_status rg_apply_legend(rag_model *m, const rg_view *v, rag_plan *p,
                           const rag_legend_entry *legend, size_t count,
                           const rg_context *cx)
{
    size_t i, j;
    long now = (long)cx->as_of.year * 12 + cx->as_of.month;
    bool brag = brag_column(v, p);
    (void)m;

    for (i = 0; i < count; i++) {
        rag_legend_entry *e = rg_vec_push((void **)&p->legend,
                                          &p->legend_count, sizeof *e);
        if (!e)
            return RAG_ERR_NOMEM;
        *e = legend[i];
    }
    for (i = 0; i < p->action_count; i++) {
        rag_action *a = &p->actions[i];
        long best = -1;
        rag_progress reported = RAG_PROGRESS_NONE; /* the latest month's */
        for (j = 0; j < a->month_count; j++) {
            rag_month *mo = &a->months[j];
            long when = (long)mo->year * 12 + mo->month;
            if (mo->status == RAG_PROGRESS_NONE) {
                size_t len;
                const char *txt = rg_text(v, mo->cell.row, mo->cell.col,
                                          &len);
                mo->status = rg_legend_code(legend, count, txt, len);
            }
            if (mo->status == RAG_PROGRESS_NONE)
                mo->status = rg_legend_status(legend, count, mo->fill);
            if (mo->status != RAG_PROGRESS_NONE && mo->year &&
                (!cx->as_of.year || when <= now) && when > best &&
                !planned_after_reported(reported, mo->status)) {
                best = when;
                a->status = reported = mo->status;
            }
        }
        /* letters no key explains are no month status, and a month cell
         * in the colour the whole row is shaded (banded rows: the ref cell
         * grey too) is the row's shading, not a colour the key lacks */
        {
            size_t k = 0;
            uint32_t shade = rg_fill(v, a->cell.row, a->cell.col);
            if (shade != RAG_NO_COLOR &&
                rg_legend_status(legend, count, shade) != RAG_PROGRESS_NONE)
                shade = RAG_NO_COLOR;
            for (j = 0; j < a->month_count; j++) {
                const rag_month *mo = &a->months[j];
                if (mo->status != RAG_PROGRESS_NONE ||
                    (mo->fill != RAG_NO_COLOR && mo->fill != shade))
                    a->months[k++] = *mo;
            }
            a->month_count = k;
        }
        /* a status column of a key's letters, or coloured without words */
        if (a->status == RAG_PROGRESS_NONE && p->status_col >= 0) {
            size_t len;
            const char *txt = rg_text(v, a->cell.row,
                                      (uint32_t)p->status_col, &len);
            a->status = rg_legend_code(legend, count, txt, len);
        }
        if (a->status == RAG_PROGRESS_NONE && p->status_col >= 0)
            a->status = rg_legend_status(
                legend, count, rg_fill(v, a->cell.row, (uint32_t)p->status_col));
        if (a->status == RAG_PROGRESS_NONE && p->status_col >= 0) {
            size_t len;
            const char *txt = rg_text(v, a->cell.row,
                                      (uint32_t)p->status_col, &len);
            a->status = initial_status(txt, len, brag);
        }
        if (a->status == RAG_PROGRESS_NONE && p->status_col >= 0) {
            /* a status cell coloured with no words, and no key for its
             * colour: red, amber or green by hue, read as those words; a
             * lone symbol ("●") in a coloured font is coloured so too */
            uint32_t fill = rg_symbol_colour(v, a->cell.row,
                                             (uint32_t)p->status_col);
            bool symbol = fill != RAG_NO_COLOR;
            if (!symbol)
                fill = rg_fill(v, a->cell.row, (uint32_t)p->status_col);
            bool words = !symbol &&
                         rg_has_value(v, a->cell.row, (uint32_t)p->status_col);
            if (brag && fill != RAG_NO_COLOR &&
                rg_family_of_fill(fill) == RG_FAMILY_BLUE && !words)
                a->status = RAG_PROGRESS_COMPLETE; /* BRAG's blue */
            else if (!words)
                a->status = hue_status(fill);
        }
        if ((a->status == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND ||
             a->status == RAG_PROGRESS_ONE_MONTH_BEHIND) &&
            p->status_col >= 0) {
            /* "Delayed" on amber, "Slipping" on red: the words say late,
             * the officer's colour says how late (a key's meaning of the
             * colour first, else its hue) */
            size_t len;
            const char *txt = rg_text(v, a->cell.row,
                                      (uint32_t)p->status_col, &len);
            uint32_t fill = rg_fill(v, a->cell.row, (uint32_t)p->status_col);
            rag_progress by = rg_legend_status(legend, count, fill);
            if (by == RAG_PROGRESS_NONE && fill != RAG_NO_COLOR) {
                rag_rating hue = rg_rating_of_fill(fill);
                if (hue == RAG_RATING_AMBER)
                    by = RAG_PROGRESS_ONE_MONTH_BEHIND;
                else if (hue == RAG_RATING_RED)
                    by = RAG_PROGRESS_OVER_ONE_MONTH_BEHIND;
            }
            if ((by == RAG_PROGRESS_ONE_MONTH_BEHIND ||
                 by == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND) &&
                txt && rg_status_unmeasured_late(txt, len))
                a->status = by;
        }
        if (says_complete(a->comment))
            a->status = RAG_PROGRESS_COMPLETE;
        if (p->status_col >= 0) {
            size_t len;
            const char *txt = rg_text(v, a->cell.row,
                                      (uint32_t)p->status_col, &len);
            a->closed = txt && rg_status_closed(txt, len);
        }
        a->closed = a->closed || closed_comment(a->comment);
    }
    return RAG_OK;
}
