/*
 * Forms: label/value pairs, wherever they sit.  A label is a cell whose
 * words the vocabulary knows, or that is shaded like a form's label, or
 * that ends in a colon; its value is the next cell to its right, or the
 * words after its colon, or (for a question whose answer is written
 * underneath) the first words below it.
 */
#include <string.h>

#include "recognise/recognise.h"

#define MAX_LABEL 250
#define VALUE_REACH 6   /* columns to the right a value may be */
#define BELOW_REACH 8   /* rows below a question its answer may be */

typedef struct label_info {
    int role, fin;
    bool strong;        /* the words say it is a label */
    bool styled;        /* shaded like a label */
    bool colon;
} label_info;

/* Text that opens with an indicator's code ("PI 04 - ...", "KPI 12",
 * "NI181"): capitals then digits.  Its letters may be a label's word
 * ("PI", "KPI") but a label is not numbered so; "Target 2023/24" and
 * "Q2 Target" are not capitals then digits.  Codes have at most 4
 * letters (NI, BV, KPI, LPI, ASC): more is a word in capitals. */
static bool code_first(const char *t, size_t len)
{
    size_t k = 0, letters;
    while (k < len && t[k] >= 'A' && t[k] <= 'Z')
        k++;
    letters = k;
    if (letters < 1 || letters > 4)
        return false;
    if (k < len && t[k] == ' ')
        k++;
    if (k >= len || t[k] < '0' || t[k] > '9')
        return false;
    /* "Q2" opens a period's label, "Q2 Target" */
    return !(letters == 1 && t[0] == 'Q');
}

static bool label_at(const rg_view *v, uint32_t r, uint32_t c,
                     label_info *li, char *norm, size_t size)
{
    size_t len, at = 0;
    int fy;
    const char *t = rg_text(v, r, c, &len);

    memset(li, 0, sizeof *li);
    li->role = li->fin = -1;
    if (!t || len > MAX_LABEL)
        return false;
    rg_norm_cell(v, t, len, norm, size);
    li->role = rg_vocab_prefix(rg_label_words, norm);
    if (li->role > 0 && code_first(t, len))
        li->role = -1; /* "PI 04 - % of calls answered": a title */
    if (li->role < 0) {
        const char *rest = rg_norm_skip_period(norm); /* "Q2 Target" */
        if (rest != norm)
            li->role = rg_vocab_prefix(rg_label_words, rest);
        if (li->role == RG_LBL_REPORT_DATE || li->role == RG_LBL_HEADING)
            li->role = -1;
    }
    if (li->role == RG_LBL_HEADING)
        return false;
    li->fin = rg_vocab_find(rg_fin_words, norm, &at);
    if (li->fin != RG_FIN_BUDGET && li->fin != RG_FIN_OUTTURN &&
        li->fin != RG_FIN_PRESSURE)
        li->fin = -1;
    /* a finance label names its money or its year ("22/23 Budget
     * £'000"), or starts with the word; "income shortfall" in a sentence
     * is no label */
    if (li->fin > 0 && at != 0 && !strstr(norm, "£") &&
        !rg_find_fy(t, len, &fy))
        li->fin = -1;
    li->strong = li->role > 0 || li->fin > 0;
    li->styled = rg_fill(v, r, c) != RAG_NO_COLOR;
    li->colon = memchr(t, ':', len) != NULL;
    return li->strong || li->styled || li->colon;
}

/* A value cell must not itself be a label: known words, or the label's
 * own shading and weight. */
/* Does the text end with a colon ("Programme Sponsor:")? */
static bool ends_in_colon(const char *t, size_t len)
{
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\t'))
        len--;
    return len && t[len - 1] == ':';
}

static bool is_value(const rg_view *v, uint32_t r, uint32_t lc, uint32_t c)
{
    label_info li;
    char norm[160];
    size_t llen, vlen;
    const char *lt = rg_text(v, r, lc, &llen), *vt;
    if (!label_at(v, r, c, &li, norm, sizeof norm))
        return true;
    /* after "Programme Sponsor:" the next words are its answer, though
     * they open with a label's word ("Director of Resources") */
    vt = rg_text(v, r, c, &vlen);
    if (lt && ends_in_colon(lt, llen) && vt && !memchr(vt, ':', vlen))
        return true;
    if (li.strong)
        return false;
    return !(li.styled && rg_fill(v, r, c) == rg_fill(v, r, lc) &&
             rg_bold(v, r, c) == rg_bold(v, r, lc));
}

static bool bullet(const char *t, size_t len)
{
    const unsigned char *u = (const unsigned char *)t;
    return (len >= 2 && u[0] == 0xC2 && u[1] == 0xB7) ||
           (len >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA2) ||
           (len >= 2 && (t[0] == '*' || t[0] == '-') && t[1] == ' ');
}

/* The answer written under a question: the first words below that are
 * neither an instruction bullet nor another label. */
static bool value_below(const rg_view *v, uint32_t r, uint32_t c,
                        uint32_t r1, int32_t *vr, int32_t *vc)
{
    uint32_t k;
    for (k = r + 1; k < r1 && k <= r + BELOW_REACH; k++) {
        /* under the label first, then a little to its right, then left */
        static const int offs[] = {0, 1, 2, -1};
        size_t i;
        if (rg_claimed(v, k, c))
            return false;
        for (i = 0; i < sizeof offs / sizeof offs[0]; i++) {
            int64_t col = (int64_t)c + offs[i];
            size_t len;
            const char *t;
            label_info li;
            char norm[160];
            if (col < 0 || !rg_has_value(v, k, (uint32_t)col))
                continue;
            /* a column with a heading of its own on the label's row is
             * that heading's: "Period | Target | Actual | Variance" over
             * a row with no variance gave Variance the actual */
            if (offs[i] && rg_has_value(v, r, (uint32_t)col))
                continue;
            t = rg_text(v, k, (uint32_t)col, &len);
            if (t && bullet(t, len))
                break; /* an instruction: look further down */
            if (t && rg_key_text(t, len, true))
                return false; /* a note on the RAG scheme is no answer */
            if (label_at(v, k, (uint32_t)col, &li, norm, sizeof norm) &&
                (li.strong || li.styled))
                return false;
            *vr = (int32_t)k;
            *vc = (int32_t)col;
            return true;
        }
    }
    return false;
}

bool rg_form_pairs(const rg_view *v, uint32_t r0, uint32_t r1,
                   rg_pair **out, size_t *count)
{
    uint32_t r;

    *out = NULL;
    *count = 0;
    for (r = r0; r < r1 && r < v->rows; r++) {
        size_t i, n = rg_row_count(v, r);
        uint32_t skip_to = 0;
        for (i = 0; i < n; i++) {
            const uint32_t c = rg_row_col(v, r, i);
            label_info li;
            rg_pair p, *slot;
            size_t len;
            const char *t, *colon;

            if (c < skip_to || rg_claimed(v, r, c))
                continue;
            memset(&p, 0, sizeof p);
            if (!label_at(v, r, c, &li, p.norm, sizeof p.norm))
                continue;
            t = rg_text(v, r, c, &len);
            p.role = li.role;
            p.fin = li.fin;
            p.row = r;
            p.col = c;
            p.vrow = p.vcol = p.note_col = -1;
            p.label = t;
            p.label_len = len;
            colon = memchr(t, ':', len);
            if (!colon && p.role == RG_LBL_REPORT_DATE) {
                /* "Position at 31 October 2024": the date is the value */
                rag_date d;
                size_t ds;
                if (rg_find_date(t, len, 0, &d, &ds, NULL) && ds > 0) {
                    p.label_len = ds;
                    p.inline_value = t + ds;
                    p.inline_len = len - ds;
                }
            }
            if (colon) {
                size_t before = (size_t)(colon - t), a = before + 1;
                while (a < len && (t[a] == ' ' || t[a] == '\t'))
                    a++;
                if (a < len && before <= 60 && !memchr(t, '.', before) &&
                    (p.role > 0 || !rg_bold(v, r, c))) {
                    p.label_len = before;
                    p.inline_value = t + a;
                    p.inline_len = len - a;
                    rg_norm_cell(v, t, before, p.norm, sizeof p.norm);
                    p.role = rg_vocab_prefix(rg_label_words, p.norm);
                    if (p.role < 0)
                        p.role = rg_vocab_prefix(
                            rg_label_words, rg_norm_skip_period(p.norm));
                    if (p.role == RG_LBL_HEADING)
                        continue;
                } else if (a < len) {
                    continue; /* a sentence with a colon in it */
                }
            }
            while (p.label_len && (p.label[p.label_len - 1] == ' ' ||
                                   p.label[p.label_len - 1] == ':'))
                p.label_len--;
            if (!p.inline_value) {
                int32_t vc = rg_next_value(v, r, c, c + VALUE_REACH);
                if (vc >= 0 && is_value(v, r, c, (uint32_t)vc)) {
                    p.vrow = (int32_t)r;
                    p.vcol = vc;
                    skip_to = (uint32_t)vc + 1;
                    vc = rg_next_value(v, r, (uint32_t)vc, (uint32_t)vc + 2);
                    if (vc >= 0 && is_value(v, r, c, (uint32_t)vc) &&
                        rg_text(v, r, (uint32_t)vc, &len)) {
                        label_info ni;
                        char nn[160];
                        if (!label_at(v, r, (uint32_t)vc, &ni, nn, sizeof nn)) {
                            p.note_col = vc;
                            skip_to = (uint32_t)vc + 1;
                        }
                    }
                } else if ((vc < 0 || li.strong) &&
                           (li.colon || li.strong || p.label_len >= 30 ||
                            p.role == RG_LBL_REASON ||
                            p.role == RG_LBL_NARRATIVE ||
                            p.role == RG_LBL_ACTION_TEXT)) {
                    value_below(v, r, c, r1, &p.vrow, &p.vcol);
                } else if (!li.strong && !li.styled) {
                    continue; /* "Words:" with nothing to say */
                }
            }
            if (!li.strong && !li.styled && !p.inline_value && p.vcol < 0)
                continue;
            slot = rg_vec_push((void **)out, count, sizeof **out);
            if (!slot) {
                rg_free(*out);
                *out = NULL;
                *count = 0;
                return false;
            }
            *slot = p;
        }
    }
    return true;
}

char *rg_pair_value(rag_model *m, const rg_view *v, const rg_pair *p)
{
    if (p->inline_value)
        return rg_model_strndup(m, p->inline_value, p->inline_len);
    if (p->vcol < 0)
        return rg_model_strndup(m, "", 0);
    return rg_value_text(m, v, (uint32_t)p->vrow, (uint32_t)p->vcol);
}

rag_status rg_pairs_to_fields(rag_model *m, const rg_view *v,
                              const rg_pair *pairs, size_t count,
                              rag_plan *plan)
{
    size_t i;
    for (i = 0; i < count; i++) {
        rag_field *f = rg_vec_push((void **)&plan->fields, &plan->field_count,
                                   sizeof *f);
        if (!f)
            return RAG_ERR_NOMEM;
        f->label = rg_model_strndup(m, pairs[i].label, pairs[i].label_len);
        f->value = rg_pair_value(m, v, &pairs[i]);
        f->label_cell = rg_loc(pairs[i].row, pairs[i].col);
        if (pairs[i].inline_value)
            f->value_cell = f->label_cell;
        else if (pairs[i].vcol >= 0)
            f->value_cell = rg_loc((uint32_t)pairs[i].vrow,
                                   (uint32_t)pairs[i].vcol);
        if (!f->label || !f->value)
            return RAG_ERR_NOMEM;
    }
    return RAG_OK;
}

int32_t rg_heading_above(const rg_view *v, uint32_t r0, uint32_t r,
                         uint32_t *col)
{
    uint32_t k;
    for (k = r0; k < r; k++) {
        size_t i, n = rg_row_count(v, k);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, k, i);
            label_info li;
            char norm[160];
            size_t len;
            const char *t = rg_text(v, k, cell_col, &len);
            if (!t || len > 120 || rg_claimed(v, k, cell_col))
                continue;
            if (label_at(v, k, cell_col, &li, norm, sizeof norm) &&
                (li.strong || li.styled) &&
                rg_next_value(v, k, cell_col, cell_col + VALUE_REACH) >= 0)
                return -1; /* labels start before any heading */
            if (li.styled && !rg_bold(v, k, cell_col))
                continue;
            *col = cell_col;
            return (int32_t)k;
        }
    }
    return -1;
}
