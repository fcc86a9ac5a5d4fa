/*
 * The words and colours convert and consolidate write, a style cache, the
 * counts the Summary shows.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outputs/convert_impl.h"
#include "outputs/look.h"

/* ---- statuses and RAGs ------------------------------------------------ */

static const struct {
    const char *words, *code;
    uint32_t colour;
} statuses[RAG_PROGRESS_COUNT] = {
    {"No status", "", RAG_NO_COLOR},
    {"Programmed", "P", 0xBDD7EEu},
    {"On target", "OT", RG_CV_GREEN},
    {"One month behind", "1M", RG_CV_AMBER},
    {"Over one month behind", ">1M", RG_CV_RED},
    {"Reprogrammed", "RP", 0xB4A7D6u},
    {"Suspended", "S", 0xA6A6A6u},
    {"Complete", "C", 0x0070C0u},
};

const char *rg_cv_status_words(rag_progress p)
{
    return (unsigned)p < RAG_PROGRESS_COUNT ? statuses[p].words : "";
}

const char *rg_cv_status_code(rag_progress p)
{
    return (unsigned)p < RAG_PROGRESS_COUNT && p != RAG_PROGRESS_NONE
               ? statuses[p].code
               : "?";
}

uint32_t rg_cv_status_standard(rag_progress p)
{
    return (unsigned)p < RAG_PROGRESS_COUNT ? statuses[p].colour
                                            : RAG_NO_COLOR;
}

const rag_legend_entry *rg_cv_legend_entry(const rag_plan *p, rag_progress s)
{
    size_t i;
    for (i = 0; p && i < p->legend_count; i++)
        if (p->legend[i].status == s)
            return &p->legend[i];
    return NULL;
}

uint32_t rg_cv_status_colour(const rag_plan *p, rag_progress s)
{
    /* a key of codes alone ("G = on track" written out, no swatch) gives
     * the words, not a colour: the standard one then, not none */
    const rag_legend_entry *e = rg_cv_legend_entry(p, s);
    return e && e->fill != RAG_NO_COLOR ? e->fill : rg_cv_status_standard(s);
}

const char *rg_cv_rating_words(rag_rating r)
{
    return rag_rating_word(r);
}

uint32_t rg_cv_rating_colour(rag_rating r)
{
    switch (r) {
    case RAG_RATING_RED:
        return RG_CV_RED;
    case RAG_RATING_AMBER:
        return RG_CV_AMBER;
    case RAG_RATING_GREEN:
        return RG_CV_GREEN;
    case RAG_RATING_NONE:
        break;
    }
    return RAG_NO_COLOR;
}

/* By WCAG contrast (look.c): white on 00B050 is 2.87:1, black 7.3:1. */
uint32_t rg_cv_ink(uint32_t fill)
{
    return rg_look_ink(fill);
}

const char *rg_cv_kind_words(rag_plan_kind k)
{
    switch (k) {
    case RAG_PLAN_TRACKER:
        return "Monthly tracker";
    case RAG_PLAN_ACTION:
        return "Action plan";
    case RAG_PLAN_INDICATOR:
        return "Performance action plan";
    case RAG_PLAN_RECOVERY:
        return "Deficit recovery plan";
    case RAG_PLAN_SCORECARD:
        return "Scorecard";
    }
    return "";
}

const char *rg_cv_due_words(const rag_action *a, bool late)
{
    return late                         ? "Yes"
           : a->due_invalid             ? "Not a date"
           : a->due.year || a->due_text ? "No"
                                        : "No date";
}

char *rg_cv_date_words(rag_date d, char *buf, size_t size)
{
    static const char *const months[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    if (!d.year || d.month < 1 || d.month > 12)
        snprintf(buf, size, "%s", "");
    else
        snprintf(buf, size, "%d %s %d", d.day, months[d.month - 1], d.year);
    return buf;
}

double rg_cv_serial(rag_date d)
{
    double s;
    if (!d.year || !rag_ymd_to_serial(d.year, d.month, d.day, &s))
        return -1;
    return s;
}

static bool put_sheet(rg_buf *b, const char *sheet)
{
    const char *s;
    if (!rg_buf_putc(b, '\''))
        return false;
    for (s = sheet ? sheet : ""; *s; s++)
        if (!rg_buf_putc(b, *s) || (*s == '\'' && !rg_buf_putc(b, '\'')))
            return false;
    return rg_buf_puts(b, "'!");
}

bool rg_cv_location(rg_buf *b, const char *sheet, uint32_t row,
                    uint32_t col)
{
    char ref[16];
    rg_buf_reset(b);
    return put_sheet(b, sheet) &&
           rg_buf_puts(b, rag_cell_ref_format(row, col, ref));
}

/* "$A$1" for (row, col) */
static bool put_abs(rg_buf *b, uint32_t row, uint32_t col)
{
    char ref[16], *p = rag_cell_ref_format(row, col, ref);
    size_t letters = 0;
    while (p[letters] >= 'A' && p[letters] <= 'Z')
        letters++;
    return rg_buf_putc(b, '$') && rg_buf_append(b, p, letters) &&
           rg_buf_putc(b, '$') && rg_buf_puts(b, p + letters);
}

bool rg_cv_range_ref(rg_buf *b, const char *sheet, const rag_range *r)
{
    rg_buf_reset(b);
    if (sheet && !put_sheet(b, sheet))
        return false;
    if (!put_abs(b, r->first_row, r->first_col))
        return false;
    if (r->first_row == r->last_row && r->first_col == r->last_col)
        return true;
    return rg_buf_putc(b, ':') && put_abs(b, r->last_row, r->last_col);
}

/* ---- styles ----------------------------------------------------------- */

rg_cv_look rg_cv_plain(void)
{
    rg_cv_look l;
    memset(&l, 0, sizeof l);
    l.fill = RAG_NO_COLOR;
    l.ink = RAG_NO_COLOR;
    return l;
}

rag_status rg_cv_link_style(rag_writer *w, rag_wstyle *out, rag_error *err)
{
    rag_style u;

    rag_style_init(&u);
    u.font.color = 0x0563C1u;
    u.font.underline = 1;
    u.valign = RAG_VALIGN_TOP;
    return rag_writer_style(w, &u, out, err);
}

rag_status rg_cv_style(rag_writer *w, const rg_cv_look *look,
                       rag_wstyle *out, rag_error *err)
{
    rag_style st;

    rag_style_init(&st);
    if (look->fill != RAG_NO_COLOR) {
        st.pattern = RAG_PATTERN_SOLID;
        st.fill_fg = look->fill;
    }
    st.font.color = look->ink;
    st.font.bold = look->bold;
    st.font.italic = look->italic;
    if (look->size > 0)
        st.font.size = look->size;
    st.wrap = look->wrap;
    if (look->center)
        st.halign = RAG_HALIGN_CENTER;
    if (look->top)
        st.valign = RAG_VALIGN_TOP;
    else if (look->middle)
        st.valign = RAG_VALIGN_CENTER;
    if (look->border) {
        st.bottom.style = 1; /* thin */
        st.bottom.color = 0x808080u;
    }
    st.numfmt = look->numfmt;
    return rag_writer_style(w, &st, out, err);
}

rag_status rg_cv_refill(rag_writer *w, const rag_style *in, uint32_t fill,
                        rag_wstyle *out, rag_error *err)
{
    rag_style st = *in;
    st.pattern = RAG_PATTERN_SOLID;
    st.fill_fg = fill;
    st.fill_bg = RAG_NO_COLOR;
    /* keep a chosen font colour where it reads on the fill (WCAG AA) */
    st.font.color = rg_look_keep_ink(st.font.color, fill);
    return rag_writer_style(w, &st, out, err);
}

/* ---- overdue rows ------------------------------------------------------ */

static int key_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

bool rg_cv_late_init(rg_cv_late *l, const rag_findings *f)
{
    size_t i;

    l->keys = NULL;
    l->count = 0;
    if (!f || !f->count)
        return true;
    l->keys = rg_malloc(f->count * sizeof *l->keys);
    if (!l->keys)
        return false;
    for (i = 0; i < f->count; i++)
        if (f->items[i].sheet && f->items[i].has_cell)
            l->keys[l->count++] =
                (uint64_t)f->items[i].sheet_index << 32 | f->items[i].row;
    qsort(l->keys, l->count, sizeof *l->keys, key_cmp);
    return true;
}

bool rg_cv_late_at(const rg_cv_late *l, size_t sheet, uint32_t row)
{
    uint64_t key = (uint64_t)sheet << 32 | row;
    return l && l->count &&
           bsearch(&key, l->keys, l->count, sizeof key, key_cmp) != NULL;
}

void rg_cv_late_free(rg_cv_late *l)
{
    rg_free(l->keys);
    l->keys = NULL;
    l->count = 0;
}

/* ---- counts ----------------------------------------------------------- */

bool rg_cv_finding_in_plan(const rag_finding *f, const rag_plan *p)
{
    if (!f->sheet || f->sheet_index != p->sheet_index || !f->has_cell)
        return false;
    return f->row >= p->range.first_row && f->row <= p->range.last_row;
}

void rg_cv_count(const rag_plan *p, const rag_findings *overdue,
                 rg_cv_counts *out)
{
    size_t i;

    memset(out, 0, sizeof *out);
    for (i = 0; i < p->action_count; i++) {
        const rag_action *a = &p->actions[i];
        if (a->is_parent && a->status == RAG_PROGRESS_NONE)
            out->headings++;
        else if ((unsigned)a->status < RAG_PROGRESS_COUNT)
            out->status[a->status]++;
    }
    for (i = 0; i < p->indicator_count; i++)
        out->rating[p->indicators[i].rag]++;
    for (i = 0; i < p->period_count; i++)
        out->rating[p->periods[i].rag]++;
    for (i = 0; overdue && i < overdue->count; i++)
        if (rg_cv_finding_in_plan(&overdue->items[i], p))
            out->overdue++;
}
