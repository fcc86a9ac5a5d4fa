/*
 * One input sheet, updated in place (through the package editor):
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
 * This file plans where things go and changes the input's cells; what is
 * added beside them is written by convert_columns.c.
 *
 * What is written must not change what recognition reads (a converted
 * workbook converted again gives the same plans): the headers avoid the
 * words tables are recognised by, computed cells sit beside the input's
 * cells (never over them) and are marked (see convert_impl.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outputs/convert_sheet.h"
#include "read/pages.h"

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

/* The input's rows with cells in [r0, r1] (every row when r1 < r0), in
 * order, loaded or paged (read/pages.h): the first, then each next. */
static uint32_t first_row(const rag_workbook *wb, size_t index, uint32_t r0,
                          uint32_t r1)
{
    uint32_t r = rg_sheet_next_row(wb, index, r1 < r0 ? 0 : r0);
    return r1 >= r0 && r != UINT32_MAX && r > r1 ? UINT32_MAX : r;
}

static uint32_t next_row(const rag_workbook *wb, size_t index, uint32_t r,
                         uint32_t r0, uint32_t r1)
{
    r = rg_sheet_next_row(wb, index, r + 1);
    return r1 >= r0 && r != UINT32_MAX && r > r1 ? UINT32_MAX : r;
}

/* The largest column of rows [r0, r1] (every row when r1 < r0) holding a
 * value or a formula, or, when coloured, a blank cell with a solid fill
 * (a tracker's months, a key); old left out, merges counted. */
static int64_t max_in_rows(const rag_workbook *wb, size_t index, uint32_t r0,
                           uint32_t r1, const rag_range *old,
                           size_t old_count, bool coloured)
{
    const rag_sheet *in = &wb->sheets[index];
    int64_t best = -1;
    bool all = r1 < r0;
    uint32_t r;
    size_t i;

    for (r = first_row(wb, index, r0, r1); r != UINT32_MAX;
         r = next_row(wb, index, r, r0, r1)) {
        size_t n, k;
        const rag_cell *cells = rg_sheet_row(wb, index, r, &n);
        /* from the right: the first cell that counts is the row's last */
        for (k = n; k-- > 0 && (int64_t)cells[k].col > best;) {
            const rag_cell *c = &cells[k];
            const rag_style *st;
            if (rg_cv_in_ranges(old, old_count, c->row, c->col))
                continue;
            if (c->type == RAG_CELL_BLANK && !c->formula) {
                /* styled but empty: only a colour counts */
                st = coloured ? rag_cell_style(wb, c) : NULL;
                if (!st || st->pattern != RAG_PATTERN_SOLID ||
                    st->fill_fg == RAG_NO_COLOR)
                    continue;
            }
            best = c->col;
            break;
        }
    }
    for (i = 0; i < in->merge_count; i++) {
        const rag_range *m = &in->merges[i];
        if ((all || (m->last_row >= r0 && m->first_row <= r1)) &&
            (int64_t)m->last_col > best)
            best = m->last_col;
    }
    return best;
}

int64_t rg_cv_max_col(const rag_workbook *wb, size_t index, uint32_t r0,
                      uint32_t r1, const rag_range *old, size_t old_count)
{
    return max_in_rows(wb, index, r0, r1, old, old_count, false);
}

/* Coloured blank cells count too: a tracker's months, a key. */
static int64_t max_coloured(const rag_workbook *wb, size_t index,
                            uint32_t r0, uint32_t r1, const rag_range *old,
                            size_t old_count)
{
    return max_in_rows(wb, index, r0, r1, old, old_count, true);
}

static uint32_t solid_fill(const rag_workbook *wb, const rag_cell *c)
{
    const rag_style *st = c ? rag_cell_style(wb, c) : NULL;
    if (!st || st->pattern != RAG_PATTERN_SOLID)
        return RAG_NO_COLOR;
    return st->fill_fg;
}

uint32_t rg_cv_first_header(const rag_plan *p)
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
    uint32_t top = rg_cv_first_header(p);
    size_t i;

    if (!p->legend_count)
        return false;
    for (i = 0; i < p->legend_count; i++) {
        const rag_legend_entry *e = &p->legend[i];
        const rag_cell *c;
        if (!e->cell.set || e->cell.row >= top || !e->label)
            return false;
        c = rg_sheet_cell_at(s->env.wb, s->index, e->cell.row, e->cell.col);
        if (!c || solid_fill(s->env.wb, c) != e->fill)
            return false;
    }
    return true;
}

/* ---- planning ---------------------------------------------------------- */

static int entry_cmp(const void *a, const void *b)
{
    const cv_row *x = a, *y = b;
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
    cv_table t;
    rag_range b;
    int64_t right;
    uint32_t last;
    size_t i;

    memset(&t, 0, sizeof t);
    t.plan = p;
    t.first_row = rg_cv_first_header(p);
    last = p->range.last_row;
    for (i = 0; i < p->header_row_count; i++)
        if (p->header_rows[i] > last)
            last = p->header_rows[i]; /* a last page's header */
    right = max_coloured(s->env.wb, s->index, t.first_row, last, s->old,
                         s->old_count);
    if (right < (int64_t)p->last_col)
        right = p->last_col;
    for (i = 0; i < s->block_count; i++)
        if (s->blocks[i].last_row >= t.first_row &&
            s->blocks[i].first_row <= last &&
            (int64_t)s->blocks[i].last_col > right)
            right = s->blocks[i].last_col;
    if (right + 2 >= (int64_t)RAG_MAX_COLS)
        return true; /* no room: the sheet is full to the right */
    t.col = (uint32_t)right + 1;
    t.colour = key_above(s, p);
    b.first_row = t.first_row;
    b.last_row = last;
    b.first_col = t.col;
    b.last_col = t.col + 1;
    return push((void **)&s->tables, &s->table_count, &s->table_cap,
                sizeof t, &t) &&
           add_block(s, &b);
}

static bool add_mark(rg_cv_sheet *s, const cv_mark *m)
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
            cv_mark mk;
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
            cv_mark mk;
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
                cv_row e;
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
        right = max_coloured(env->wb, index, 1, 0, old, old_count);
        for (j = 0; j < s->block_count; j++)
            if ((int64_t)s->blocks[j].last_col > right)
                right = s->blocks[j].last_col;
        if (right + 10 >= (int64_t)RAG_MAX_COLS)
            continue;
        if (rg_cv_panel(env, p, (uint32_t)(right + 1), &s->arena,
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
    rg_free(s->xf_from);
    rg_free(s->xf_to);
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

/* ---- changes in place -------------------------------------------------- */

rag_status rg_cv_xf(rg_cv_sheet *s, rag_wstyle ws, int64_t *xf,
                    rag_error *err)
{
    const rag_style *st;
    uint32_t x;
    size_t i;
    rag_status rs;

    *xf = -1;
    if (ws == RAG_WSTYLE_NONE)
        return RAG_OK;
    for (i = 0; i < s->xf_count; i++)
        if (s->xf_from[i] == ws) {
            *xf = s->xf_to[i];
            return RAG_OK;
        }
    st = rag_writer_style_get(s->env.w, ws);
    if (!st)
        return RAG_OK;
    rs = rag_edit_style_add(s->env.ed, st, &x, err);
    if (rs != RAG_OK)
        return rs;
    if (rg_grow((void **)&s->xf_from, &s->xf_cap, s->xf_count + 1,
                sizeof *s->xf_from)) {
        size_t cap = s->xf_cap;
        int64_t *to = rg_realloc(s->xf_to, cap * sizeof *to);
        if (to) {
            s->xf_to = to;
            s->xf_from[s->xf_count] = ws;
            s->xf_to[s->xf_count++] = x;
        }
    }
    *xf = x;
    return RAG_OK;
}

rag_status rg_cv_put_text(rg_cv_sheet *s, uint32_t row, uint32_t col,
                          const char *text, rag_wstyle style,
                          rag_error *err)
{
    rag_edit_cell c;
    rag_status st;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.value = RAG_EDIT_TEXT;
    c.text = text;
    st = rg_cv_xf(s, style, &c.style, err);
    if (st == RAG_OK)
        st = rag_edit_set_cell(s->env.ed, s->pos, &c, err);
    return st;
}

/* Keep a chosen font colour where it reads on the fill (WCAG AA), else
 * a readable one (look.c). */
static void ink_for(rag_edit_restyle *r, const rag_style *st, uint32_t fill)
{
    uint32_t ink = rg_look_keep_ink(st->font.color, fill);
    if (ink != st->font.color && ink != RAG_NO_COLOR) {
        r->changes |= RAG_RESTYLE_FONT_COLOR;
        r->font_color = ink;
    }
}

/* Fill a cell with a status or RAG colour, in place. */
static rag_status refill(rg_cv_sheet *s, const rag_cell *c, uint32_t fill,
                         rag_error *err)
{
    rag_edit_restyle r;
    rag_edit_cell ec;
    uint32_t xf;
    rag_status st;

    memset(&r, 0, sizeof r);
    r.base = c->style;
    r.changes = RAG_RESTYLE_FILL;
    r.fill = fill;
    ink_for(&r, rag_cell_style(s->env.wb, c), fill);
    st = rag_edit_restyle_add(s->env.ed, &r, &xf, err);
    if (st != RAG_OK)
        return st;
    memset(&ec, 0, sizeof ec);
    ec.row = c->row;
    ec.col = c->col;
    ec.value = RAG_EDIT_KEEP;
    ec.style = xf;
    return rag_edit_set_cell(s->env.ed, s->pos, &ec, err);
}

/* Write code into a blank coloured cell, centred in a small font. */
static rag_status put_code(rg_cv_sheet *s, const rag_cell *c,
                           const char *code, rag_error *err)
{
    const rag_style *cs = rag_cell_style(s->env.wb, c);
    rag_edit_restyle r;
    rag_edit_cell ec;
    uint32_t xf;
    rag_status st;

    memset(&r, 0, sizeof r);
    r.base = c->style;
    r.changes = RAG_RESTYLE_HALIGN | RAG_RESTYLE_FONT_SIZE;
    r.halign = RAG_HALIGN_CENTER;
    r.font_size = 9;
    ink_for(&r, cs, cs->fill_fg);
    st = rag_edit_restyle_add(s->env.ed, &r, &xf, err);
    if (st != RAG_OK)
        return st;
    memset(&ec, 0, sizeof ec);
    ec.row = c->row;
    ec.col = c->col;
    ec.value = RAG_EDIT_TEXT;
    ec.text = code;
    ec.style = xf;
    return rag_edit_set_cell(s->env.ed, s->pos, &ec, err);
}

static bool has_words(const rag_cell *c)
{
    return c->type == RAG_CELL_STRING && c->text && c->text_len;
}

/* A code an earlier conversion wrote ("OT", "M1M", "?"). */
static bool is_code(const rag_plan *p, const rag_cell *c)
{
    return has_words(c) && c->text_len < RG_LOOK_CODE_SIZE &&
           rg_look_is_code(p, c->text, c->text_len);
}

static rag_status edit_cell(rg_cv_sheet *s, const rag_cell *c,
                            rag_error *err)
{
    size_t first, n, i, k;
    bool blank = c->type == RAG_CELL_BLANK && !c->formula;

    /* The key's swatches keep no code: a key in the action column with
     * words beside it would read as an action row and end the title block
     * above the table.  The Summary gives the codes. */
    if (rg_cv_in_ranges(s->old, s->old_count, c->row, c->col))
        return RAG_OK; /* cleared: computed again */
    n = row_entries(s, c->row, &first);
    for (i = first; i < first + n; i++) {
        const rag_plan *p = s->rows[i].plan;
        const rag_action *a = s->rows[i].action;
        if (p->status_col >= 0 && (uint32_t)p->status_col == c->col &&
            has_words(c) && a->status != RAG_PROGRESS_NONE) {
            uint32_t fill = rg_cv_status_colour(p, a->status);
            if (fill != RAG_NO_COLOR)
                return refill(s, c, fill, err);
        }
        for (k = 0; k < a->month_count; k++) {
            const rag_month *mo = &a->months[k];
            if (mo->cell.col != c->col || mo->fill == RAG_NO_COLOR)
                continue;
            /* the code from the key's words (look.c), explained on the
             * Summary; over a code an earlier conversion wrote too */
            if (blank || is_code(p, c))
                return put_code(s, c, rg_look_code(p, mo->status,
                                                   s->code_buf),
                                err);
        }
    }
    for (i = 0; i < s->mark_count; i++) {
        const cv_mark *mk = &s->marks[i];
        if (mk->row != c->row || mk->col != c->col)
            continue;
        if (has_words(c))
            return refill(s, c, rg_cv_rating_colour(mk->rating), err);
    }
    return RAG_OK;
}

rag_status rg_cv_sheet_edit(rg_cv_sheet *s, size_t pos, rag_error *err)
{
    rag_status st = RAG_OK;
    uint32_t r;
    size_t i;

    s->pos = pos;
    for (i = 0; i < s->old_count && st == RAG_OK; i++)
        st = rag_edit_clear_range(s->env.ed, pos, &s->old[i], err);
    for (r = rg_sheet_next_row(s->env.wb, s->index, 0);
         r != UINT32_MAX && st == RAG_OK;
         r = rg_sheet_next_row(s->env.wb, s->index, r + 1)) {
        size_t n;
        const rag_cell *cells = rg_sheet_row(s->env.wb, s->index, r, &n);
        for (i = 0; i < n && st == RAG_OK; i++)
            st = edit_cell(s, &cells[i], err);
    }
    if (st == RAG_OK)
        st = rg_cv_sheet_done(s, err);
    return st;
}
