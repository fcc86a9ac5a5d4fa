/*
 * What convert adds to a sheet, through the package editor (edit.h): the two computed
 * columns beside each table ("Past its due date?", "Computed status on
 * <date>"), the checks beside forms (cells planned by convert_panel.c),
 * column widths for them, and drop-down lists on the cells a service
 * fills in next time (a tracker's months and a table's status column:
 * the key's words; a form's RAG cells: GREEN, AMBER, RED).  A list is
 * not added over one the workbook already has.
 */
#include <stdio.h>
#include <string.h>

#include "model/rules.h"
#include "outputs/convert_sheet.h"
#include "read/pages.h"

#define OVERDUE_INK 0xC00000u
#define NOTE_INK 0x595959u
#define LIST_MAX 255

/* ---- computed columns -------------------------------------------------- */

static bool is_header(const rag_plan *p, uint32_t r)
{
    size_t i;
    for (i = 0; i < p->header_row_count; i++)
        if (p->header_rows[i] == r)
            return true;
    return false;
}

static bool overdue_at(const rg_cv_sheet *s, uint32_t row)
{
    return rg_cv_late_at(s->env.late, s->index, row);
}

/* The header's look: the table's own last header cell, wrapped. */
static rag_status header_style(rg_cv_sheet *s, const rag_plan *p,
                               uint32_t row, rag_wstyle *out,
                               rag_error *err)
{
    const rag_cell *c = rg_sheet_cell_at(s->env.wb, s->index, row, p->last_col);
    rg_cv_look l = rg_cv_plain();

    if (c) {
        rag_style st = *rag_cell_style(s->env.wb, c);
        st.wrap = true;
        st.numfmt = NULL;
        st.numfmt_id = 0;
        return rag_writer_style(s->env.w, &st, out, err);
    }
    l.bold = true;
    l.fill = RG_CV_HEADER;
    l.border = true;
    l.wrap = true;
    return rg_cv_style(s->env.w, &l, out, err);
}

/* Each status in the workbook's own words (look.c: the key's, else the
 * status column's), as the Summary names it; looked up once a table, as
 * the column's words take a pass over its actions. */
typedef struct status_words {
    char buf[RAG_PROGRESS_COUNT][64];
    const char *w[RAG_PROGRESS_COUNT];
} status_words;

static void words_of(const rg_cv_sheet *s, const rag_plan *p,
                     status_words *out)
{
    int k;
    out->w[RAG_PROGRESS_NONE] = "Not reported";
    for (k = RAG_PROGRESS_NONE + 1; k < RAG_PROGRESS_COUNT; k++)
        out->w[k] = rg_look_status_words(s->env.wb, p, (rag_progress)k,
                                         out->buf[k], sizeof out->buf[k]);
}

static rag_status write_table(rg_cv_sheet *s, const cv_table *t,
                              rag_error *err)
{
    const rag_plan *p = t->plan;
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};
    char head[64];
    rg_cv_look l = rg_cv_plain();
    rag_wstyle plain, yes, note;
    rag_status st;
    size_t i;
    status_words *words = rg_malloc(sizeof *words);

    if (!words)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    words_of(s, p, words);
    snprintf(head, sizeof head, "Computed status on %d %s %d",
             s->env.as_of.day,
             months[(s->env.as_of.month + 11) % 12], s->env.as_of.year);
    l.top = true;
    l.wrap = true;
    st = rg_cv_style(s->env.w, &l, &plain, err);
    l.bold = true;
    l.ink = OVERDUE_INK;
    if (st == RAG_OK)
        st = rg_cv_style(s->env.w, &l, &yes, err);
    l.bold = false;
    l.ink = NOTE_INK;
    if (st == RAG_OK)
        st = rg_cv_style(s->env.w, &l, &note, err);
    for (i = 0; i < p->header_row_count && st == RAG_OK; i++) {
        uint32_t r = p->header_rows[i];
        rag_wstyle hs;
        if (is_header(p, r + 1))
            continue; /* a two-row header: write in its lower row */
        st = header_style(s, p, r, &hs, err);
        if (st == RAG_OK)
            st = rg_cv_put_text(s, r, t->col, "Past its due date?", hs,
                                    err);
        if (st == RAG_OK)
            st = rg_cv_put_text(s, r, t->col + 1, head, hs, err);
    }
    for (i = 0; i < p->action_count && st == RAG_OK; i++) {
        const rag_action *a = &p->actions[i];
        uint32_t r = a->cell.row;
        bool late = overdue_at(s, r);
        const char *due = rg_cv_due_words(a, late);
        rag_wstyle cs = plain;
        const rag_legend_entry *e;
        rag_progress shown = a->status;

        st = rg_cv_put_text(s, r, t->col, due,
                                     late ? yes : note, err);
        if (st != RAG_OK || (a->is_parent && !a->status))
            continue; /* a heading row has no status of its own */
        if (late) {
            /* past its due date (validate's milestone-overdue) and not
             * complete: the date, not a green month, says where it is */
            rag_date due_on = a->due;
            if (!due_on.year && a->due_text)
                rg_due_from_text(a->due_text, &due_on);
            shown = rg_status_when_late(a->status, due_on, s->env.as_of);
        }
        e = rg_cv_legend_entry(p, shown);
        if (t->colour && e && e->label)
            st = rg_cv_refill(s->env.w, rag_writer_style_get(s->env.w, plain),
                              e->fill, &cs, err);
        if (st == RAG_OK)
            st = rg_cv_put_text(s, r, t->col + 1,
                                         (unsigned)shown <
                                                 RAG_PROGRESS_COUNT
                                             ? words->w[shown]
                                             : "",
                                         shown ? cs : note, err);
    }
    rg_free(words);
    return st;
}

/* Is column c given a width by the input? */
static bool col_set(const rag_sheet *in, uint32_t c)
{
    size_t i;
    for (i = 0; i < in->col_count; i++)
        if (c >= in->cols[i].first && c <= in->cols[i].last)
            return true;
    return false;
}

/* A width for a column the input gives none (the editor never changes
 * the input's own columns). */
static rag_status width(rg_cv_sheet *s, uint32_t c, double w, rag_error *err)
{
    if (col_set(s->in, c))
        return RAG_OK;
    return rag_edit_set_width(s->env.ed, s->pos, c, c, w, err);
}

/* ---- drop-down lists ---------------------------------------------------- */

static bool overlaps_input(const rag_sheet *in, const rag_range *r)
{
    size_t i;
    for (i = 0; i < in->validation_count; i++) {
        const rag_validation *v = &in->validations[i];
        const char *p = v->sqref;
        char one[48];
        if (!p) {
            if (v->range.first_row <= r->last_row &&
                r->first_row <= v->range.last_row &&
                v->range.first_col <= r->last_col &&
                r->first_col <= v->range.last_col)
                return true;
            continue;
        }
        while (*p) {
            size_t n = strcspn(p, " ");
            rag_range q;
            if (n && n < sizeof one) {
                memcpy(one, p, n);
                one[n] = '\0';
                if (rag_range_parse(one, &q) && q.first_row <= r->last_row &&
                    r->first_row <= q.last_row &&
                    q.first_col <= r->last_col && r->first_col <= q.last_col)
                    return true;
            }
            p += n;
            while (*p == ' ')
                p++;
        }
    }
    return false;
}

/* "\"On target,One month behind\"" from the plan's key, else the
 * standard words; into b.  false when nothing fits. */
static bool status_list(rg_buf *b, const rag_plan *p)
{
    size_t i, n = 0;
    rg_buf_reset(b);
    if (!rg_buf_putc(b, '"'))
        return false;
    for (i = 0; i < p->legend_count; i++) {
        const char *l = p->legend[i].label;
        if (!l || !*l || strpbrk(l, ",\"") ||
            b->len + strlen(l) + 2 > LIST_MAX)
            continue;
        if ((n++ && !rg_buf_putc(b, ',')) || !rg_buf_puts(b, l))
            return false;
    }
    if (!n && !rg_buf_puts(b, "Programmed,On target,One month behind,"
                              "Over one month behind,Suspended,Complete"))
        return false;
    return rg_buf_putc(b, '"');
}

static rag_status add_list(rg_cv_sheet *s, const char *sqref,
                           const rag_range *first, const char *list,
                           bool strict, rag_error *err)
{
    rag_validation v;

    memset(&v, 0, sizeof v);
    v.range = *first;
    v.sqref = sqref;
    v.type = "list";
    v.formula1 = list;
    v.allow_blank = true;
    v.show_error = true;
    v.show_input = strict;
    if (strict) {
        v.prompt_title = "GREEN, AMBER or RED";
        v.prompt = "Choose GREEN, AMBER or RED from the list";
        v.error_title = "Not a RAG";
        v.error = "Choose GREEN, AMBER or RED from the list";
        v.error_style = "stop";
    } else {
        v.error_title = "Not in the key";
        v.error = "Choose one of the key's words from the list, or leave "
                  "the cell as it is";
        v.error_style = "warning";
    }
    return rag_edit_add_validation(s->env.ed, s->pos, &v, err);
}

/* The status cells of a table: its months (a tracker) or its status
 * column, over runs of action rows. */
static rag_status table_lists(rg_cv_sheet *s, const rag_plan *p,
                              rag_error *err)
{
    uint32_t c0 = UINT32_MAX, c1 = 0;
    size_t i, k, ranges = 0;
    rag_range run, first;
    bool open = false;
    rg_buf sq = {0}, list = {0};
    rag_status st = RAG_OK;
    char ref[32];

    if (p->kind == RAG_PLAN_TRACKER) {
        for (i = 0; i < p->action_count; i++)
            for (k = 0; k < p->actions[i].month_count; k++) {
                uint32_t c = p->actions[i].months[k].cell.col;
                c0 = c < c0 ? c : c0;
                c1 = c > c1 ? c : c1;
            }
    } else if (p->status_col >= 0) {
        c0 = c1 = (uint32_t)p->status_col;
    }
    if (c0 == UINT32_MAX || !status_list(&list, p))
        goto done;
    memset(&first, 0, sizeof first);
    for (i = 0; i <= p->action_count; i++) {
        const rag_action *a = i < p->action_count ? &p->actions[i] : NULL;
        bool take = a && !(a->is_parent && !a->month_count && !a->status);
        if (open && (!take || a->cell.row != run.last_row + 1)) {
            if (!overlaps_input(s->in, &run)) {
                if ((ranges++ && !rg_buf_putc(&sq, ' ')) ||
                    !rg_buf_puts(&sq, rag_range_format(&run, ref))) {
                    st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
                    goto done;
                }
                if (ranges == 1)
                    first = run;
            }
            open = false;
        }
        if (take && !open) {
            run.first_row = run.last_row = a->cell.row;
            run.first_col = c0;
            run.last_col = c1;
            open = true;
        } else if (take) {
            run.last_row = a->cell.row;
        }
    }
    if (ranges)
        st = add_list(s, sq.data, &first, list.data, false, err);
done:
    rg_buf_free(&sq);
    rg_buf_free(&list);
    return st;
}

/* A RAG drop-down on a cell that is empty or holds a RAG. */
static rag_status rag_list(rg_cv_sheet *s, rag_loc at,
                           rag_rating given, rag_error *err)
{
    const rag_cell *c;
    rag_range r;
    char ref[16];

    if (!at.set)
        return RAG_OK;
    c = rg_sheet_cell_at(s->env.wb, s->index, at.row, at.col);
    if (c && c->type != RAG_CELL_BLANK && !given)
        return RAG_OK; /* words that are no RAG: a label, not an answer */
    r.first_row = r.last_row = at.row;
    r.first_col = r.last_col = at.col;
    if (overlaps_input(s->in, &r))
        return RAG_OK;
    return add_list(s, rag_cell_ref_format(at.row, at.col, ref), &r,
                    "\"GREEN,AMBER,RED\"", true, err);
}

rag_status rg_cv_sheet_done(rg_cv_sheet *s, rag_error *err)
{
    const rag_model *m = s->env.m;
    rag_status st = RAG_OK;
    size_t i, k;

    for (i = 0; i < s->table_count && st == RAG_OK; i++) {
        st = write_table(s, &s->tables[i], err);
        if (st == RAG_OK)
            st = width(s, s->tables[i].col, 18, err);
        if (st == RAG_OK)
            st = width(s, s->tables[i].col + 1, 33, err);
        if (st == RAG_OK)
            st = table_lists(s, s->tables[i].plan, err);
    }
    for (i = 0; i < s->cell_count && st == RAG_OK; i++) {
        const rg_cv_cellout *c = &s->cells[i];
        rag_edit_cell ec;
        memset(&ec, 0, sizeof ec);
        ec.row = c->row;
        ec.col = c->col;
        if (c->formula) {
            ec.value = RAG_EDIT_FORMULA;
            ec.formula = c->formula;
            ec.number = c->number;
        } else if (c->is_number) {
            ec.value = RAG_EDIT_NUMBER;
            ec.number = c->number;
        } else {
            ec.value = RAG_EDIT_TEXT;
            ec.text = c->text ? c->text : "";
        }
        st = rg_cv_xf(s, c->style, &ec.style, err);
        if (st == RAG_OK)
            st = rag_edit_set_cell(s->env.ed, s->pos, &ec, err);
    }
    /* the checks beside forms: a narrow gap, then words and figures */
    for (i = s->table_count; i < s->block_count && st == RAG_OK; i++) {
        uint32_t c = s->blocks[i].first_col;
        for (k = c >= 6 ? c - 6 : 0; k < c && st == RAG_OK; k++)
            st = width(s, (uint32_t)k, 1.5, err);
        if (st == RAG_OK)
            st = width(s, c, 34, err);
        if (st == RAG_OK)
            st = width(s, c + 1, 14, err);
    }
    for (i = 0; i < m->plan_count && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[i];
        if (p->sheet_index != s->index)
            continue;
        for (k = 0; k < p->indicator_count && st == RAG_OK; k++)
            if (p->indicators[k].stated_rag)
                st = rag_list(s, p->indicators[k].rag_cell,
                              p->indicators[k].stated_rag, err);
        for (k = 0; k < p->period_count && st == RAG_OK; k++)
            st = rag_list(s, p->periods[k].rag_cell, p->periods[k].rag, err);
    }
    return st;
}
