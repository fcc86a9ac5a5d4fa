/*
 * One input sheet, copied with its updates:
 *  - tracker month cells keep their colour and gain a short code ("OT",
 *    ">1M"), so no status is told by colour alone (the Summary gives the
 *    codes; the key's own swatches stay as they are);
 *  - status and RAG cells with words are filled in the key's colour (the
 *    standard red, amber and green where the workbook has no key);
 *  - two computed columns to the right of each table, in every header row
 *    and every action row: "Past its due date?" and "Computed status on
 *    <date>" (the key's own words, in the key's colour where that cannot
 *    be mistaken for a second key);
 *  - a check beside each indicator and recovery form (convert_panel.c);
 *  - drop-down lists on the cells a service fills in next time.
 *
 * What is written must not change what recognition reads (a converted
 * workbook converted again gives the same plans): the headers avoid the
 * words tables are recognised by, computed cells sit beside the input's
 * cells (never over them) and are marked (see convert_impl.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/convert_impl.h"

#define OVERDUE_INK 0xC00000u
#define NOTE_INK 0x595959u
#define LIST_MAX 255

typedef struct row_entry {
    uint32_t row;
    const rag_plan *plan;
    const rag_action *action;
} row_entry;

typedef struct mark {  /* a RAG cell of a form */
    uint32_t row, col;
    rag_rating rating;
} mark;

typedef struct table_cols {
    const rag_plan *plan;
    uint32_t col;         /* "Past its due date?"; col + 1: the status */
    uint32_t first_row;
    bool colour;          /* the status cells may take the key's colours */
} table_cols;

struct rg_cv_sheet {
    rg_cv_env env;
    size_t index;
    rag_sheet *in;
    const rag_range *old;
    size_t old_count;
    row_entry *rows;
    size_t row_count, row_cap;
    mark *marks;
    size_t mark_count, mark_cap;
    table_cols *tables;
    size_t table_count, table_cap;
    rg_cv_cellout *cells;
    size_t cell_count, cell_cap;
    rag_range *blocks;
    size_t block_count, block_cap;
    rg_arena arena;
    rag_wsheet *out;
};

/* ---- looking at the input -------------------------------------------- */

bool rg_cv_in_ranges(const rag_range *r, size_t n, uint32_t row,
                     uint32_t col)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (row >= r[i].first_row && row <= r[i].last_row &&
            col >= r[i].first_col && col <= r[i].last_col)
            return true;
    return false;
}

/* The first loaded cell of row r or later. */
static size_t first_in_row(const rag_sheet *in, uint32_t r)
{
    size_t lo = 0, hi = in->cell_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (in->cells[mid].row < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int64_t rg_cv_max_col(const rag_sheet *in, uint32_t r0, uint32_t r1,
                      const rag_range *old, size_t old_count)
{
    int64_t best = -1;
    bool all = r1 < r0;
    size_t i = all ? 0 : first_in_row(in, r0);

    for (; i < in->cell_count; i++) {
        const rag_cell *c = &in->cells[i];
        if (!all && c->row > r1)
            break;
        if ((int64_t)c->col <= best ||
            rg_cv_in_ranges(old, old_count, c->row, c->col))
            continue;
        if (c->type == RAG_CELL_BLANK && !c->formula)
            continue; /* styled but empty: see max_coloured() */
        best = c->col;
    }
    for (i = 0; i < in->merge_count; i++) {
        const rag_range *m = &in->merges[i];
        if ((all || (m->last_row >= r0 && m->first_row <= r1)) &&
            (int64_t)m->last_col > best)
            best = m->last_col;
    }
    return best;
}

/* Coloured blank cells count too: a tracker's months, a key. */
static int64_t max_coloured(const rag_workbook *wb, const rag_sheet *in,
                            uint32_t r0, uint32_t r1, const rag_range *old,
                            size_t old_count)
{
    int64_t best = rg_cv_max_col(in, r0, r1, old, old_count);
    bool all = r1 < r0;
    size_t i = all ? 0 : first_in_row(in, r0);

    for (; i < in->cell_count; i++) {
        const rag_cell *c = &in->cells[i];
        const rag_style *st;
        if (!all && c->row > r1)
            break;
        if ((int64_t)c->col <= best || c->type != RAG_CELL_BLANK ||
            rg_cv_in_ranges(old, old_count, c->row, c->col))
            continue;
        st = rag_cell_style(wb, c);
        if (st->pattern == RAG_PATTERN_SOLID && st->fill_fg != RAG_NO_COLOR)
            best = c->col;
    }
    return best;
}

static uint32_t solid_fill(const rag_workbook *wb, const rag_cell *c)
{
    const rag_style *st = c ? rag_cell_style(wb, c) : NULL;
    if (!st || st->pattern != RAG_PATTERN_SOLID)
        return RAG_NO_COLOR;
    return st->fill_fg;
}

/* The table's first header row (its title block is above it). */
static uint32_t first_header(const rag_plan *p)
{
    uint32_t top = UINT32_MAX;
    size_t i;
    for (i = 0; i < p->header_row_count; i++)
        if (p->header_rows[i] < top)
            top = p->header_rows[i];
    return top == UINT32_MAX ? p->range.first_row : top;
}

/* The plan's key sits on this sheet above the table, each colour where
 * the model found it: status cells coloured with the key's words and
 * colours then read as the same key printed again, not as a new one. */
static bool key_above(const rg_cv_sheet *s, const rag_plan *p)
{
    uint32_t top = first_header(p);
    size_t i;

    if (!p->legend_count)
        return false;
    for (i = 0; i < p->legend_count; i++) {
        const rag_legend_entry *e = &p->legend[i];
        const rag_cell *c;
        if (!e->cell.set || e->cell.row >= top || !e->label)
            return false;
        c = rag_sheet_cell(s->in, e->cell.row, e->cell.col);
        if (!c || solid_fill(s->env.wb, c) != e->fill)
            return false;
    }
    return true;
}

/* ---- planning ---------------------------------------------------------- */

static int entry_cmp(const void *a, const void *b)
{
    const row_entry *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->plan != y->plan)
        return x->plan < y->plan ? -1 : 1;
    return x->action < y->action ? -1 : x->action > y->action;
}

static bool push(void **items, size_t *count, size_t *cap, size_t size,
                 const void *item)
{
    if (!rg_grow(items, cap, *count + 1, size))
        return false;
    memcpy((char *)*items + *count * size, item, size);
    (*count)++;
    return true;
}

static bool add_block(rg_cv_sheet *s, const rag_range *r)
{
    return push((void **)&s->blocks, &s->block_count, &s->block_cap,
                sizeof *r, r);
}

/* Columns for plan p's computed cells: right of everything in its rows
 * and of the blocks already placed beside the same rows. */
static bool place_table(rg_cv_sheet *s, const rag_plan *p)
{
    table_cols t;
    rag_range b;
    int64_t right;
    size_t i;

    memset(&t, 0, sizeof t);
    t.plan = p;
    t.first_row = first_header(p);
    right = max_coloured(s->env.wb, s->in, t.first_row, p->range.last_row,
                         s->old, s->old_count);
    if (right < (int64_t)p->last_col)
        right = p->last_col;
    for (i = 0; i < s->block_count; i++)
        if (s->blocks[i].last_row >= t.first_row &&
            s->blocks[i].first_row <= p->range.last_row &&
            (int64_t)s->blocks[i].last_col > right)
            right = s->blocks[i].last_col;
    if (right + 2 >= (int64_t)RAG_MAX_COLS)
        return true; /* no room: the sheet is full to the right */
    t.col = (uint32_t)right + 1;
    t.colour = key_above(s, p);
    b.first_row = t.first_row;
    b.last_row = p->range.last_row;
    b.first_col = t.col;
    b.last_col = t.col + 1;
    return push((void **)&s->tables, &s->table_count, &s->table_cap,
                sizeof t, &t) &&
           add_block(s, &b);
}

static bool add_mark(rg_cv_sheet *s, const mark *m)
{
    size_t i;
    for (i = 0; i < s->mark_count; i++)
        if (s->marks[i].row == m->row && s->marks[i].col == m->col)
            return true;
    return push((void **)&s->marks, &s->mark_count, &s->mark_cap,
                sizeof *m, m);
}

static bool find_marks(rg_cv_sheet *s)
{
    const rag_model *m = s->env.m;
    size_t i, k;

    for (i = 0; i < m->plan_count; i++) {
        const rag_plan *p = &m->plans[i];
        if (p->sheet_index != s->index)
            continue;
        for (k = 0; k < p->indicator_count; k++) {
            const rag_indicator *ind = &p->indicators[k];
            mark mk;
            if (!ind->stated_rag || !ind->rag_cell.set)
                continue;
            memset(&mk, 0, sizeof mk);
            mk.row = ind->rag_cell.row;
            mk.col = ind->rag_cell.col;
            mk.rating = ind->stated_rag;
            if (!add_mark(s, &mk))
                return false;
        }
        for (k = 0; k < p->period_count; k++) {
            const rag_period *pe = &p->periods[k];
            mark mk;
            if (!pe->rag || !pe->rag_cell.set)
                continue;
            memset(&mk, 0, sizeof mk);
            mk.row = pe->rag_cell.row;
            mk.col = pe->rag_cell.col;
            mk.rating = pe->rag;
            if (!add_mark(s, &mk))
                return false;
        }
    }
    return true;
}

rag_status rg_cv_sheet_prepare(const rg_cv_env *env, size_t index,
                               const rag_range *old, size_t old_count,
                               rg_cv_sheet **out, rag_error *err)
{
    rg_cv_sheet *s = rg_calloc(1, sizeof *s);
    const rag_model *m = env->m;
    size_t i, k;
    bool ok = true;

    *out = NULL;
    if (!s)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    s->env = *env;
    s->index = index;
    s->in = &env->wb->sheets[index];
    s->old = old;
    s->old_count = old_count;
    rg_arena_init(&s->arena, 0);
    for (i = 0; i < m->plan_count && ok; i++) {
        const rag_plan *p = &m->plans[i];
        if (p->sheet_index != index)
            continue;
        if (p->kind == RAG_PLAN_TRACKER || p->kind == RAG_PLAN_ACTION) {
            ok = place_table(s, p);
            for (k = 0; k < p->action_count && ok; k++) {
                row_entry e;
                e.row = p->actions[k].cell.row;
                e.plan = p;
                e.action = &p->actions[k];
                ok = push((void **)&s->rows, &s->row_count, &s->row_cap,
                          sizeof e, &e);
            }
        }
    }
    /* forms: a check beside each, right of everything on the sheet */
    for (i = 0; i < m->plan_count && ok; i++) {
        const rag_plan *p = &m->plans[i];
        int64_t right;
        rag_range b;
        bool placed = false;
        size_t j;
        if (p->sheet_index != index || (p->kind != RAG_PLAN_INDICATOR &&
                                        p->kind != RAG_PLAN_RECOVERY))
            continue;
        right = max_coloured(env->wb, s->in, 1, 0, old, old_count);
        for (j = 0; j < s->block_count; j++)
            if ((int64_t)s->blocks[j].last_col > right)
                right = s->blocks[j].last_col;
        if (right + 10 >= (int64_t)RAG_MAX_COLS)
            continue;
        if (rg_cv_panel(env, p, s->in, (uint32_t)(right + 1), &s->arena,
                        &s->cells, &s->cell_count, &s->cell_cap, &b, &placed,
                        err) != RAG_OK) {
            rg_cv_sheet_free(s);
            return err ? err->status : RAG_ERR_NOMEM;
        }
        if (placed)
            ok = add_block(s, &b);
    }
    if (ok)
        ok = find_marks(s);
    if (!ok) {
        rg_cv_sheet_free(s);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (s->row_count > 1)
        qsort(s->rows, s->row_count, sizeof *s->rows, entry_cmp);
    *out = s;
    return RAG_OK;
}

const rag_range *rg_cv_sheet_blocks(const rg_cv_sheet *s, size_t *count)
{
    *count = s ? s->block_count : 0;
    return s ? s->blocks : NULL;
}

void rg_cv_sheet_free(rg_cv_sheet *s)
{
    if (!s)
        return;
    rg_free(s->rows);
    rg_free(s->marks);
    rg_free(s->tables);
    rg_free(s->cells);
    rg_free(s->blocks);
    rg_arena_free(&s->arena);
    rg_free(s);
}

/* ---- the copy's hooks -------------------------------------------------- */

/* The entries of row r: [*first, *first + return). */
static size_t row_entries(const rg_cv_sheet *s, uint32_t r, size_t *first)
{
    size_t lo = 0, hi = s->row_count, n = 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->rows[mid].row < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    while (lo + n < s->row_count && s->rows[lo + n].row == r)
        n++;
    return n;
}

/* Write code into a blank coloured cell, centred in a small font. */
static rag_status put_code(rg_cv_sheet *s, rag_copy_cell *cc,
                           const char *code, rag_error *err)
{
    rag_style st = *rag_cell_style(s->env.wb, &cc->cell);
    st.halign = RAG_HALIGN_CENTER;
    st.font.size = 9;
    if (st.font.color == RAG_NO_COLOR || st.font.color == 0x000000u ||
        st.font.color == 0xFFFFFFu)
        st.font.color = rg_cv_ink(st.fill_fg);
    cc->cell.type = RAG_CELL_STRING;
    cc->cell.text = code;
    cc->cell.text_len = strlen(code);
    cc->cell.rich = NULL;
    return rag_writer_style(s->env.w, &st, &cc->style, err);
}

static bool has_words(const rag_cell *c)
{
    return c->type == RAG_CELL_STRING && c->text && c->text_len;
}

/* A code an earlier conversion wrote ("OT", ">1M", "?"). */
static bool is_code(const rag_cell *c)
{
    int p;
    if (!has_words(c) || c->text_len > 3)
        return false;
    for (p = 0; p < RAG_PROGRESS_COUNT; p++) {
        const char *code = rg_cv_status_code((rag_progress)p);
        if (strlen(code) == c->text_len && !memcmp(code, c->text, c->text_len))
            return true;
    }
    return false;
}

static rag_status on_cell(void *ctx, rag_wsheet *out, const rag_sheet *in,
                          rag_copy_cell *cc, rag_error *err)
{
    rg_cv_sheet *s = ctx;
    const rag_cell *c = &cc->cell;
    size_t first, n, i, k;
    bool blank = c->type == RAG_CELL_BLANK && !c->formula;

    /* The key's swatches keep no code: a key in the action column with
     * words beside it would read as an action row and end the title block
     * above the table.  The Summary gives the codes. */
    (void)out;
    (void)in;
    if (rg_cv_in_ranges(s->old, s->old_count, c->row, c->col)) {
        cc->skip = true;
        return RAG_OK;
    }
    n = row_entries(s, c->row, &first);
    for (i = first; i < first + n; i++) {
        const rag_plan *p = s->rows[i].plan;
        const rag_action *a = s->rows[i].action;
        if (p->status_col >= 0 && (uint32_t)p->status_col == c->col &&
            has_words(c) && a->status != RAG_PROGRESS_NONE) {
            uint32_t fill = rg_cv_status_colour(p, a->status);
            if (fill != RAG_NO_COLOR)
                return rg_cv_refill(s->env.w, rag_cell_style(s->env.wb, c),
                                    fill, &cc->style, err);
        }
        for (k = 0; k < a->month_count; k++) {
            const rag_month *mo = &a->months[k];
            if (mo->cell.col != c->col || mo->fill == RAG_NO_COLOR)
                continue;
            if (blank)
                return put_code(s, cc, rg_cv_status_code(mo->status), err);
            if (is_code(c)) /* written by an earlier conversion */
                return put_code(s, cc, rg_cv_status_code(mo->status), err);
        }
    }
    for (i = 0; i < s->mark_count; i++) {
        const mark *mk = &s->marks[i];
        if (mk->row != c->row || mk->col != c->col)
            continue;
        if (has_words(c))
            return rg_cv_refill(s->env.w, rag_cell_style(s->env.wb, c),
                                rg_cv_rating_colour(mk->rating), &cc->style,
                                err);
    }
    return RAG_OK;
}

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
    size_t i;
    const rag_findings *f = s->env.overdue;
    for (i = 0; f && i < f->count; i++)
        if (f->items[i].sheet && f->items[i].sheet_index == s->index &&
            f->items[i].has_cell && f->items[i].row == row)
            return true;
    return false;
}

/* The header's look: the table's own last header cell, wrapped. */
static rag_status header_style(rg_cv_sheet *s, const rag_plan *p,
                               uint32_t row, rag_wstyle *out,
                               rag_error *err)
{
    const rag_cell *c = rag_sheet_cell(s->in, row, p->last_col);
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

static const char *status_text(const rag_plan *p, rag_progress st)
{
    const rag_legend_entry *e = rg_cv_legend_entry(p, st);
    if (st == RAG_PROGRESS_NONE)
        return "Not reported";
    return e && e->label ? e->label : rg_cv_status_words(st);
}

static rag_status write_table(rg_cv_sheet *s, rag_wsheet *out,
                              const table_cols *t, rag_error *err)
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
            st = rag_wsheet_write_string(out, r, t->col, "Past its due date?",
                                         hs, err);
        if (st == RAG_OK)
            st = rag_wsheet_write_string(out, r, t->col + 1, head, hs, err);
    }
    for (i = 0; i < p->action_count && st == RAG_OK; i++) {
        const rag_action *a = &p->actions[i];
        uint32_t r = a->cell.row;
        bool late = overdue_at(s, r);
        const char *due = late                            ? "Yes"
                          : a->due_invalid                ? "Not a date"
                          : a->due.year || a->due_text ? "No"
                                                          : "No date";
        rag_wstyle cs = plain;
        const rag_legend_entry *e;

        st = rag_wsheet_write_string(out, r, t->col, due,
                                     late ? yes : note, err);
        if (st != RAG_OK || (a->is_parent && !a->status))
            continue; /* a heading row has no status of its own */
        e = rg_cv_legend_entry(p, a->status);
        if (t->colour && e && e->label)
            st = rg_cv_refill(s->env.w, rag_writer_style_get(s->env.w, plain),
                              e->fill, &cs, err);
        if (st == RAG_OK)
            st = rag_wsheet_write_string(out, r, t->col + 1,
                                         status_text(p, a->status),
                                         a->status ? cs : note, err);
    }
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

static rag_status width(rag_wsheet *out, const rag_sheet *in, uint32_t c,
                        double w, rag_error *err)
{
    if (col_set(in, c) && w > 2)
        return RAG_OK;
    return rag_wsheet_set_column(out, c, c, w, RAG_WSTYLE_NONE, false, err);
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

static rag_status add_list(rg_cv_sheet *s, rag_wsheet *out, const char *sqref,
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
    (void)s;
    return rag_wsheet_add_validation(out, &v, err);
}

/* The status cells of a table: its months (a tracker) or its status
 * column, over runs of action rows. */
static rag_status table_lists(rg_cv_sheet *s, rag_wsheet *out,
                              const rag_plan *p, rag_error *err)
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
        st = add_list(s, out, sq.data, &first, list.data, false, err);
done:
    rg_buf_free(&sq);
    rg_buf_free(&list);
    return st;
}

/* A RAG drop-down on a cell that is empty or holds a RAG. */
static rag_status rag_list(rg_cv_sheet *s, rag_wsheet *out, rag_loc at,
                           rag_rating given, rag_error *err)
{
    const rag_cell *c;
    rag_range r;
    char ref[16];

    if (!at.set)
        return RAG_OK;
    c = rag_sheet_cell(s->in, at.row, at.col);
    if (c && c->type != RAG_CELL_BLANK && !given)
        return RAG_OK; /* words that are no RAG: a label, not an answer */
    r.first_row = r.last_row = at.row;
    r.first_col = r.last_col = at.col;
    if (overlaps_input(s->in, &r))
        return RAG_OK;
    return add_list(s, out, rag_cell_ref_format(at.row, at.col, ref), &r,
                    "\"GREEN,AMBER,RED\"", true, err);
}

static rag_status on_sheet_done(void *ctx, rag_wsheet *out,
                                const rag_sheet *in, rag_error *err)
{
    rg_cv_sheet *s = ctx;
    const rag_model *m = s->env.m;
    rag_status st = RAG_OK;
    size_t i, k;

    (void)in;
    for (i = 0; i < s->table_count && st == RAG_OK; i++) {
        st = write_table(s, out, &s->tables[i], err);
        if (st == RAG_OK)
            st = width(out, s->in, s->tables[i].col, 18, err);
        if (st == RAG_OK)
            st = width(out, s->in, s->tables[i].col + 1, 33, err);
        if (st == RAG_OK)
            st = table_lists(s, out, s->tables[i].plan, err);
    }
    for (i = 0; i < s->cell_count && st == RAG_OK; i++) {
        const rg_cv_cellout *c = &s->cells[i];
        if (c->formula)
            st = rag_wsheet_write_formula(out, c->row, c->col, c->formula,
                                          c->number, c->style, err);
        else if (c->is_number)
            st = rag_wsheet_write_number(out, c->row, c->col, c->number,
                                         c->style, err);
        else
            st = rag_wsheet_write_string(out, c->row, c->col, c->text,
                                         c->style, err);
    }
    /* the checks beside forms: a narrow gap, then words and figures */
    for (i = s->table_count; i < s->block_count && st == RAG_OK; i++) {
        uint32_t c = s->blocks[i].first_col;
        for (k = c >= 6 ? c - 6 : 0; k < c && st == RAG_OK; k++)
            if (!col_set(s->in, (uint32_t)k))
                st = rag_wsheet_set_column(out, (uint32_t)k, (uint32_t)k,
                                           1.5, RAG_WSTYLE_NONE, false, err);
        if (st == RAG_OK)
            st = width(out, s->in, c, 34, err);
        if (st == RAG_OK)
            st = width(out, s->in, c + 1, 14, err);
    }
    for (i = 0; i < m->plan_count && st == RAG_OK; i++) {
        const rag_plan *p = &m->plans[i];
        if (p->sheet_index != s->index)
            continue;
        for (k = 0; k < p->indicator_count && st == RAG_OK; k++)
            if (p->indicators[k].stated_rag)
                st = rag_list(s, out, p->indicators[k].rag_cell,
                              p->indicators[k].stated_rag, err);
        for (k = 0; k < p->period_count && st == RAG_OK; k++)
            st = rag_list(s, out, p->periods[k].rag_cell,
                          p->periods[k].rag, err);
    }
    return st;
}

rag_status rg_cv_sheet_copy(rg_cv_sheet *s, rag_wsheet **out, rag_error *err)
{
    rag_copy_hooks h;
    rag_status st;

    memset(&h, 0, sizeof h);
    h.ctx = s;
    h.on_cell = on_cell;
    h.on_sheet_done = on_sheet_done;
    st = rag_writer_copy_sheet(s->env.w, s->env.wb, s->index, &h, &s->out,
                               err);
    if (st == RAG_OK)
        *out = s->out;
    return st;
}

rag_wsheet *rg_cv_sheet_out(const rg_cv_sheet *s)
{
    return s ? s->out : NULL;
}
