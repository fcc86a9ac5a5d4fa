/*
 * The Summary's overdue list: every action and milestone due before the
 * as-of date and not complete (the milestone-overdue findings, whatever
 * the rules say), each linked to its row, with when it was due, its lead
 * and its status in words.
 */
#include <stdio.h>
#include <string.h>

#include "outputs/summary_impl.h"

#define OVERDUE_STATUS_COL 6 /* the lead spills over D:F */

static const rag_plan *plan_of(const rag_model *m, const rag_finding *f)
{
    size_t i;
    for (i = 0; i < m->plan_count; i++)
        if (rg_cv_finding_in_plan(f, &m->plans[i]))
            return &m->plans[i];
    return NULL;
}

static rag_status overdue_row(rg_sum *s, uint32_t r, const rag_finding *f)
{
    const rag_plan *p = plan_of(s->in->m, f);
    const rag_action *a = NULL;
    const rag_milestone *ms = NULL;
    rag_loc at;
    rag_date due = {0, 0, 0};
    const char *due_text = NULL, *status = "";
    char words[64];
    rg_buf item = {0};
    size_t i;
    rag_status st;

    at.row = f->row;
    at.col = f->col;
    at.set = true;
    if (p && p->action_count) {
        /* actions come top to bottom: the first at or below the row */
        size_t lo = 0, hi = p->action_count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (p->actions[mid].cell.row < f->row)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < p->action_count && p->actions[lo].cell.row == f->row)
            a = &p->actions[lo];
    }
    for (i = 0; p && i < p->milestone_count && !a && !ms; i++)
        if (p->milestones[i].cell.row == f->row)
            ms = &p->milestones[i];
    if (a) {
        at = a->cell;
        due = a->due;
        due_text = a->due_text;
        status = !a->status ? "Not reported"
                            : rg_sum_status_words(s, p, a->status, words,
                                                  sizeof words);
        if (!rg_buf_printf(&item, "%s%s%s", a->ref ? a->ref : "",
                           a->ref ? " " : "", a->text ? a->text : ""))
            return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    } else if (ms) {
        at = ms->cell;
        due = ms->due;
        due_text = ms->due_text;
        status = "Not marked complete";
        if (!rg_buf_puts(&item, ms->text ? ms->text : "milestone"))
            return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    } else if (!rg_buf_puts(&item, f->message ? f->message : "")) {
        return rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
    }
    if (item.len > 200) {
        item.len = 197;
        while (item.len && (item.data[item.len] & 0xC0) == 0x80)
            item.len--; /* not inside a UTF-8 character */
        item.data[item.len] = '\0';
        rg_buf_puts(&item, "...");
    }
    st = rg_sum_link(s, r, 0, f->sheet_index, at, true);
    if (st == RAG_OK && due.year)
        st = rag_wsheet_write_number(s->ws, r, 1, rg_cv_serial(due), s->date,
                                     s->err);
    else if (st == RAG_OK && due_text)
        st = rg_sum_put(s, r, 1, due_text, s->wrap_center);
    if (st == RAG_OK)
        st = rg_sum_put(s, r, 2, item.data ? item.data : "", s->wrap);
    if (st == RAG_OK && a && a->lead_count) {
        rg_buf_reset(&s->loc);
        for (i = 0; i < a->lead_count; i++)
            if ((i && !rg_buf_puts(&s->loc, ", ")) ||
                !rg_buf_puts(&s->loc, a->leads[i]))
                st = rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
        if (st == RAG_OK) {
            char *leads = rg_strdup(s->loc.data);
            st = leads ? rg_sum_put(s, r, 3, leads, s->top)
                       : rg_fail(s->err, RAG_ERR_NOMEM, "out of memory");
            rg_free(leads);
        }
    }
    if (st == RAG_OK)
        st = rg_sum_put(s, r, OVERDUE_STATUS_COL, status, s->top);
    if (st == RAG_OK) {
        size_t lines = item.len / 60 + 1, d = due_text && !due.year
                                                  ? strlen(due_text) / 24 + 1
                                                  : 1;
        if (d > lines)
            lines = d;
        if (lines > 1)
            st = rag_wsheet_set_row(s->ws, r,
                                    15.0 * (double)(lines > 4 ? 4 : lines),
                                    RAG_WSTYLE_NONE, false, s->err);
    }
    rg_buf_free(&item);
    return st;
}

rag_status rg_sum_overdue(rg_sum *s)
{
    const rag_findings *f = s->in->overdue;
    char date[32], line[96];
    size_t i;
    uint32_t c, r;
    rag_status st;

    snprintf(line, sizeof line, "Overdue on %s",
             rg_cv_date_words(s->in->m->as_of, date, sizeof date));
    st = rg_sum_section(s, line);
    r = s->row;
    if (st == RAG_OK && (!f || !f->count)) {
        s->row++;
        return rg_sum_put(s, r, 0, "Nothing is overdue.", s->text);
    }
    st = st == RAG_OK ? rg_sum_head(s, r, 0, "Where", false) : st;
    st = st == RAG_OK ? rg_sum_head(s, r, 1, "Was due", true) : st;
    st = st == RAG_OK ? rg_sum_head(s, r, 2, "Overdue item", false) : st;
    st = st == RAG_OK ? rg_sum_head(s, r, 3, "Lead", false) : st;
    st = st == RAG_OK ? rg_sum_head(s, r, OVERDUE_STATUS_COL, "Status",
                                    false)
                      : st;
    for (c = 4; c < OVERDUE_STATUS_COL + 2 && st == RAG_OK; c++)
        if (c != OVERDUE_STATUS_COL)
            st = rg_sum_put(s, r, c, "", s->header);
    for (i = 0; i < f->count && st == RAG_OK; i++)
        st = overdue_row(s, r + 1 + (uint32_t)i, &f->items[i]);
    s->row = r + 1 + (uint32_t)f->count;
    return st;
}
