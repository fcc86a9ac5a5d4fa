/*
 * A performance action plan for one indicator: Indicator Title, Target,
 * Performance this Period, + / - Target, Non-compliance reason, What /
 * How / Who / When.  Figures become fractions, units and a direction; the
 * RAG is computed (rag_rate) with the tolerance the workbook states.
 */
#include <math.h>
#include <string.h>

#include "recognise/recognise.h"

#define FORM_REACH 40 /* rows from the title a form's labels may be */

typedef struct fig {
    bool has;
    rg_figure f;
    const char *rest;      /* words after a figure written as text */
    size_t rest_len;
    rag_loc cell;
} fig;

/* The figure a pair gives, from its value cell or its inline words. */
static void pair_figure(const rg_view *v, const rg_pair *p, fig *out)
{
    size_t rest = 0;

    memset(out, 0, sizeof *out);
    if (p->inline_value) {
        if (rg_parse_figure(p->inline_value, p->inline_len, &out->f)) {
            out->has = true;
            out->cell = rg_loc(p->row, p->col);
            if (out->f.rest < p->inline_len) {
                out->rest = p->inline_value + out->f.rest;
                out->rest_len = p->inline_len - out->f.rest;
            }
        }
        return;
    }
    if (p->vcol < 0)
        return;
    if (rg_figure_at(v, (uint32_t)p->vrow, (uint32_t)p->vcol, &out->f,
                     &rest)) {
        const rag_cell *c = rg_cell_at(v, (uint32_t)p->vrow,
                                       (uint32_t)p->vcol);
        out->has = true;
        out->cell = rg_loc((uint32_t)p->vrow, (uint32_t)p->vcol);
        if (rest && c->text && rest < c->text_len) {
            size_t len;
            const char *t = rg_text(v, (uint32_t)p->vrow, (uint32_t)p->vcol,
                                    &len);
            size_t off = rest - (size_t)(t - c->text);
            if (t && off < len) {
                out->rest = t + off;
                out->rest_len = len - off;
            }
        }
    }
}

/* A percentage written right after s[at] ("within 5%", "+/- 2.5%",
 * "tolerance: 10%"), as a fraction; 0 when there is none. */
static double percent_after(const char *s, size_t len, size_t at)
{
    rg_figure f;
    while (at < len && (s[at] == ' ' || s[at] == ':' || s[at] == '='))
        at++;
    if (at >= len || s[at] < '0' || s[at] > '9')
        return 0;
    if (!rg_parse_figure(s + at, len - at, &f) ||
        f.unit != RAG_UNIT_PERCENT || f.value <= 0 || f.value >= 1)
        return 0;
    return f.value;
}

/* A string literal and its length, without strlen. */
#define LIT(s) {s, sizeof s - 1}

/* Where a band marker ends in s: "within", "tolerance", "+/-", "±". */
static inline size_t marker_end(const char *s, size_t len, size_t i)
{
    /* with their lengths: this runs at every byte of every text cell */
    static const struct {
        const char *text;
        size_t len;
    } marks[] = {LIT("within"), LIT("tolerance"), LIT("+/-"),
                 LIT("+ / -"), LIT("\xc2\xb1"), {NULL, 0}};
    size_t k, j;
    char c0 = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];

    if (c0 != 'w' && c0 != 't' && c0 != '+' && c0 != '\xc2')
        return 0; /* no mark begins so: most bytes of most cells */
    for (k = 0; marks[k].text; k++) {
        size_t n = marks[k].len;
        if (i + n > len || c0 != marks[k].text[0])
            continue;
        for (j = 0; j < n; j++)
            if (((s[i + j] >= 'A' && s[i + j] <= 'Z') ? s[i + j] + 32
                                                      : s[i + j]) !=
                marks[k].text[j])
                break;
        if (j == n)
            return i + n;
    }
    return 0;
}

/* The band the workbook states for itself in rows [r0, r1) ("Amber:
 * within 5% of target", "tolerance 5%", "budget held to +/- 2%"); <= 0
 * when none. */
double rg_stated_tolerance(const rg_view *v, uint32_t r0, uint32_t r1)
{
    uint32_t r;
    for (r = r0; r < r1 && r < v->rows; r++) {
        size_t i, n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            size_t len, k, e;
            const char *t = rg_text(v, r, cell_col, &len);
            rg_figure f;
            double tol;
            if (!t || len > 400)
                continue;
            for (k = 0; k < len; k++) {
                if (!(e = marker_end(t, len, k)))
                    continue;
                if ((tol = percent_after(t, len, e)) > 0)
                    return tol;
                /* "Tolerance" as a label, the figure beside it */
                if (e - k == 9 && k == 0) {
                    int32_t vc = rg_next_value(v, r, cell_col,
                                               cell_col + 3);
                    if (vc >= 0 &&
                        rg_figure_at(v, r, (uint32_t)vc, &f, NULL) &&
                        f.value > 0) {
                        tol = f.unit == RAG_UNIT_PERCENT ? f.value
                              : f.value >= 1 ? f.value / 100 : f.value;
                        if (tol < 1)
                            return tol;
                    }
                }
            }
        }
    }
    return 0;
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* How many of red, amber and green the text gives as a key's entries: the
 * colour then what it means, after ":", "=", "-", "(" or a word of
 * definition ("Amber where ...", "Green if ...", "Green on or better than
 * target").  "Moved from red to amber" names two colours but defines
 * neither. */
static size_t key_entries(const char *t, size_t len)
{
    static const struct {
        const char *text;
        size_t len;
    } colours[] = {LIT("red"), LIT("amber"), LIT("green"), {NULL, 0}};
    static const char *const defining[] = {"where", "if", "when", "means",
                                           "is", "on", "within", "for",
                                           "equals", NULL};
    size_t i, k, entries = 0;

    for (i = 0; i < len; i++) {
        if (i > 0 && is_alpha(t[i - 1]))
            continue;
        for (k = 0; colours[k].text; k++) {
            size_t n = colours[k].len, j, e;
            for (j = 0; j < n && i + j < len; j++)
                if ((t[i + j] | 0x20) != colours[k].text[j])
                    break;
            if (j < n || (i + n < len && is_alpha(t[i + n])))
                continue;
            e = i + n;
            while (e < len && t[e] == ' ')
                e++;
            if (e < len && (t[e] == ':' || t[e] == '=' || t[e] == '-' ||
                            t[e] == '(' || (unsigned char)t[e] == 0xE2)) {
                entries++;
            } else {
                size_t w;
                for (w = 0; defining[w]; w++) {
                    size_t m = strlen(defining[w]), q;
                    for (q = 0; q < m && e + q < len; q++)
                        if ((t[e + q] | 0x20) != defining[w][q])
                            break;
                    if (q == m && (e + m == len || !is_alpha(t[e + m]))) {
                        entries++;
                        break;
                    }
                }
            }
            break;
        }
    }
    return entries;
}

bool rg_key_text(const char *t, size_t len, bool band_alone)
{
    size_t k, entries;
    bool band = false;

    if (!t || !len)
        return false;
    entries = key_entries(t, len);
    /* two colours defined: a key ("Green: on target; Amber: ...") */
    if (entries >= 2)
        return true;
    if (!band_alone)
        return false;
    for (k = 0; k < len && !band; k++) {
        size_t e = marker_end(t, len, k);
        band = e && percent_after(t, len, e) > 0;
    }
    /* one colour defined by a band: "Amber where performance is within 5%
     * of the target" */
    return band && entries >= 1;
}

/* A pair's value is a key or band rather than what its label asks for. */
static bool pair_is_key(const rg_view *v, const rg_pair *p, bool band_alone)
{
    size_t len;
    const char *t;
    if (p->inline_value)
        return rg_key_text(p->inline_value, p->inline_len, band_alone);
    if (p->vcol < 0)
        return false;
    t = rg_text(v, (uint32_t)p->vrow, (uint32_t)p->vcol, &len);
    return t && rg_key_text(t, len, band_alone);
}

/* Words anywhere in rows [r0, r1) of the form (not in table rows). */
static int form_words(const rg_view *v, uint32_t r0, uint32_t r1,
                      const rg_word *table)
{
    uint32_t r;
    for (r = r0; r < r1 && r < v->rows; r++) {
        size_t i, n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            char norm[256];
            int w;
            if (rg_claimed(v, r, cell_col))
                continue;
            rg_norm_at(v, r, cell_col, norm, sizeof norm);
            if (norm[0] && (w = rg_vocab_find(table, norm, NULL)) > 0)
                return w;
        }
    }
    return 0;
}

rag_unit rg_title_unit(const char *title)
{
    char norm[256];
    int u;
    if (!title)
        return RAG_UNIT_NONE;
    rg_norm(title, strlen(title), norm, sizeof norm);
    u = rg_vocab_find(rg_unit_words, norm, NULL);
    return u > 0 ? (rag_unit)u : RAG_UNIT_NONE;
}

/* "Percentage recovery ... – DP 11" gives "DP 11"; "(DD)– CP2" gives
 * "CP2": the words after the title's last dash, when short and holding a
 * digit; else a trailing "(NI 181)". */
static const char *code_at(rag_model *m, const char *best, size_t n)
{
    size_t k;
    bool digit = false;

    while (n && *best == ' ')
        best++, n--;
    while (n && (best[n - 1] == ' ' || best[n - 1] == ')'))
        n--;
    if (!n || n > 12)
        return NULL;
    for (k = 0; k < n; k++) {
        if (best[k] >= '0' && best[k] <= '9')
            digit = true;
        if (!(best[k] == ' ' || best[k] == '.' || best[k] == '/' ||
              (best[k] >= '0' && best[k] <= '9') ||
              (best[k] >= 'A' && best[k] <= 'Z') ||
              (best[k] >= 'a' && best[k] <= 'z')))
            return NULL;
    }
    return digit ? rg_model_strndup(m, best, n) : NULL;
}

static bool all_upper(const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (s[k] < 'A' || s[k] > 'Z')
            return false;
    return n > 0;
}

static bool all_digits(const char *s, size_t n, bool letter_after)
{
    size_t k, d = 0;
    for (k = 0; k < n; k++) {
        if (s[k] >= '0' && s[k] <= '9')
            d++;
        else if (!(letter_after && k == n - 1 && k > 0 && s[k] >= 'a' &&
                   s[k] <= 'z'))
            return false;
    }
    return d > 0 && d <= 4;
}

/* "NI 181", "BV 78a" or "CP2" as the title's last word(s). */
static const char *trailing_code(rag_model *m, const char *title)
{
    size_t len = strlen(title), end, start, pstart, k;

    while (len && (title[len - 1] == ' ' || title[len - 1] == '.'))
        len--;
    end = len;
    start = end;
    while (start && title[start - 1] != ' ' && title[start - 1] != '(')
        start--;
    if (start == end)
        return NULL;
    /* One word: letters then digits ("CP2", "NI181"). */
    for (k = start; k < end && title[k] >= 'A' && title[k] <= 'Z'; k++)
        ;
    if (k > start && k - start <= 4 && all_digits(title + k, end - k, true))
        return rg_model_strndup(m, title + start, end - start);
    /* Two words: "NI 181". */
    if (!all_digits(title + start, end - start, true) || start < 2 ||
        title[start - 1] != ' ')
        return NULL;
    pstart = start - 1;
    while (pstart && title[pstart - 1] != ' ' && title[pstart - 1] != '(')
        pstart--;
    /* One to four capitals: "H 22" and "KPI 12" are codes as "NI 181" is;
     * five or more are a word ("SCORE 3"), not a series' letters. */
    if (start - 1 - pstart < 1 || start - 1 - pstart > 4 ||
        !all_upper(title + pstart, start - 1 - pstart))
        return NULL;
    return rg_model_strndup(m, title + pstart, end - pstart);
}

/* "HS05 Average time to re-let homes", "KPI 12: Calls answered", "NI181
 * Time taken": a code opening the title, one to four capitals then one to
 * four digits (a letter may follow), in one word or two, before a colon
 * or more words.  Names of pollutants and roads open titles in the same
 * shape ("CO2 emissions", "NO2 levels", "PM10", "the A1 corridor") and
 * are no codes. */
static const char *leading_code(rag_model *m, const char *title)
{
    static const char *const not_codes[] = {"CO2", "NO2", "SO2", "CH4",
                                            "PM10", "PM25", "N2O", "O3",
                                            NULL};
    size_t i = 0, caps, digits, end, k;

    while (title[i] >= 'A' && title[i] <= 'Z' && i < 5)
        i++;
    caps = i;
    if (caps < 1 || caps > 4)
        return NULL;
    if (title[i] == ' ')
        i++;
    k = i;
    while (title[i] >= '0' && title[i] <= '9')
        i++;
    digits = i - k;
    if (digits < 1 || digits > 4)
        return NULL;
    if (title[i] >= 'a' && title[i] <= 'z' && (title[i + 1] == ' ' ||
                                               title[i + 1] == ':'))
        i++;
    end = i;
    if (title[i] == ':')
        i++;
    else if (title[i] != ' ')
        return NULL;
    while (title[i] == ' ')
        i++;
    /* words must follow: a code alone is no title's code */
    if (!((title[i] >= 'A' && title[i] <= 'Z') ||
          (title[i] >= 'a' && title[i] <= 'z') || title[i] == '%'))
        return NULL;
    for (k = 0; not_codes[k]; k++)
        if (strlen(not_codes[k]) == end && !strncmp(title, not_codes[k], end))
            return NULL;
    /* a period, not a code: "Q2 figures", "H1 2024", "FY24 outturn" */
    if ((caps == 1 && (title[0] == 'Q' || title[0] == 'H') && digits == 1) ||
        (caps == 2 && !strncmp(title, "FY", 2)))
        return NULL;
    return rg_model_strndup(m, title, end);
}

const char *rg_title_code(rag_model *m, const char *title)
{
    const char *p, *best = NULL;
    size_t len = strlen(title);

    for (p = title; *p; p++) {
        const unsigned char *u = (const unsigned char *)p;
        if (*p == '-' && (p == title || p[-1] == ' ' || p[1] == ' '))
            best = p + 1;
        else if (u[0] == 0xE2 && u[1] == 0x80 &&
                 (u[2] == 0x93 || u[2] == 0x94))
            best = p + 3;
    }
    if (!best && len > 2 && title[len - 1] == ')') {
        const char *open = strrchr(title, '(');
        if (open) {
            best = open + 1;
            len--;
        }
    }
    if (best) {
        const char *code = code_at(m, best, (size_t)(title + len - best));
        if (code)
            return code;
    }
    /* "... new claims (days) NI 181" or "... CP2": a code closing the title,
     * letters then digits, as performance indicators are numbered. */
    {
        const char *code = trailing_code(m, title);
        if (code)
            return code;
    }
    /* "NI 181 - Time taken to process claims": a code before the dash */
    for (p = title; *p; p++) {
        const unsigned char *u = (const unsigned char *)p;
        if ((*p == '-' && p > title && p[-1] == ' ') ||
            (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94)))
            return code_at(m, title, (size_t)(p - title));
    }
    return leading_code(m, title);
}

/* The period the actual's label names: "Performance Q2 2024/25" gives
 * "Q2 2024/25", "Actual - Quarter 3" "Quarter 3"; NULL when it names
 * none. */
static const char *label_period(rag_model *m, const rg_pair *p)
{
    size_t i, n = p->label_len;
    const char *t = p->label;

    for (i = 0; i + 1 < n; i++) {
        bool word = i == 0 || t[i - 1] == ' ' || t[i - 1] == '(';
        if (!word || (t[i] != 'Q' && t[i] != 'q'))
            continue;
        if (rg_parse_quarter(t + i, n - i) <= 0)
            continue;
        while (n > i && (t[n - 1] == ' ' || t[n - 1] == ':' ||
                         t[n - 1] == ')'))
            n--;
        return rg_model_strndup(m, t + i, n - i);
    }
    return NULL;
}

/* The unit a label names: "Target (%)", "Actual (days)". */
static rag_unit label_unit(const rg_pair *p)
{
    int u = p ? rg_vocab_find(rg_unit_words, p->norm, NULL) : -1;
    return u == RAG_UNIT_PERCENT || u == RAG_UNIT_DAYS || u == RAG_UNIT_GBP
               ? (rag_unit)u
               : RAG_UNIT_NONE;
}

/* The row an actual's column of figures ends at, when its label heads a
 * table of a row a period ("Period | Target | Actual | Variance", then Q1,
 * Q2, ...): the latest period reported is the last row with a figure
 * before a gap; -1 when the label has its value beside it or one row. */
static int32_t latest_row(const rg_view *v, const rg_pair *ap, uint32_t r1)
{
    int32_t last;
    uint32_t r;

    if (!ap || ap->inline_value || ap->vcol < 0 ||
        ap->vcol != (int32_t)ap->col || ap->vrow <= (int32_t)ap->row)
        return -1;
    last = ap->vrow;
    for (r = (uint32_t)ap->vrow + 1; r < r1; r++) {
        rg_figure f;
        if (!rg_figure_at(v, r, (uint32_t)ap->vcol, &f, NULL))
            break;
        last = (int32_t)r;
    }
    return last > ap->vrow ? last : -1;
}

/* *p moved to row r when it heads a column in the actual's header row
 * (its value below it): the target, variance and period of the latest
 * period stand on the actual's row. */
static const rg_pair *on_row(const rg_pair *p, const rg_pair *ap, int32_t r,
                             rg_pair *copy)
{
    if (!p || p->inline_value || p->row != ap->row || p->vcol < 0 ||
        p->vcol != (int32_t)p->col || p->vrow != ap->vrow)
        return p;
    *copy = *p;
    copy->vrow = r;
    return copy;
}

/* A figure in the indicator's unit: "90" under a percentage title is 0.9. */
static double in_unit(const fig *f, rag_unit unit)
{
    if (unit == RAG_UNIT_PERCENT && f->f.unit != RAG_UNIT_PERCENT &&
        fabs(f->f.value) > 1.5)
        return rg_clean_number(f->f.value / 100);
    return f->f.value;
}

rag_status rg_indicator_plan(rag_model *m, const rg_view *v,
                             const rg_pair *pairs, size_t count,
                             uint32_t r0, uint32_t r1, const rg_context *cx)
{
    rag_plan *p;
    rag_indicator *ind;
    fig target, actual, variance;
    rg_pair moved[4]; /* pairs moved to a table's latest row (on the
                         stack: recognition runs on threads) */
    const rg_pair *title = NULL, *lead = NULL, *director = NULL,
                  *tp = NULL, *ap = NULL, *vp = NULL, *rp = NULL,
                  *reason = NULL, *period = NULL, *polarity = NULL,
                  *rag_blank = NULL, /* a RAG label with no words */
                  *ref = NULL;
    size_t i;
    int32_t hr;
    uint32_t hc = 0;
    double tol;
    bool band = false;
    rag_status st;

    for (i = 0; i < count; i++) {
        const rg_pair *q = &pairs[i];
        bool has = q->inline_value || q->vcol >= 0;
        if (q->row < r0 || q->row >= r1)
            continue;
#define TAKE(slot) do { if (!(slot) && has) (slot) = q; } while (0)
        switch (q->role) {
        case RG_LBL_TITLE: TAKE(title); break;
        case RG_LBL_LEAD: case RG_LBL_OWNER: TAKE(lead); break;
        case RG_LBL_DIRECTOR: TAKE(director); break;
        case RG_LBL_TARGET: TAKE(tp); break;
        case RG_LBL_ACTUAL: TAKE(ap); break;
        case RG_LBL_VARIANCE: TAKE(vp); break;
        case RG_LBL_RAG:
            /* "Amber (within 5% of target)" states amber: only a key of
             * two colours is no statement */
            if (!pair_is_key(v, q, false))
                TAKE(rp);
            if (!has && !rag_blank)
                rag_blank = q;
            break;
        case RG_LBL_REASON:
            if (!pair_is_key(v, q, true))
                TAKE(reason);
            break;
        case RG_LBL_PERIOD: TAKE(period); break;
        case RG_LBL_POLARITY: TAKE(polarity); break;
        case RG_LBL_REFERENCE: TAKE(ref); break;
        default: break;
        }
#undef TAKE
    }
    /* a form: the title and at least two of its other labels near it, one
     * of them the target or the performance (filled in or not) */
    if (!title)
        return RAG_OK;
    {
        unsigned seen = 0, n = 0;
        bool figure = false;
        for (i = 0; i < count; i++) {
            int role = pairs[i].role;
            uint32_t d = pairs[i].row > title->row
                             ? pairs[i].row - title->row
                             : title->row - pairs[i].row;
            if (pairs[i].row < r0 || pairs[i].row >= r1 || role <= 0 ||
                role > RG_LBL_ACTION_TEXT || role == RG_LBL_TITLE ||
                role == RG_LBL_PERIOD || role == RG_LBL_UNIT ||
                d > FORM_REACH)
                continue;
            if (role == RG_LBL_TARGET || role == RG_LBL_ACTUAL)
                figure = true;
            if (!(seen & (1u << role)))
                n++;
            seen |= 1u << role;
        }
        if (!title || !figure || n < 2)
            return RAG_OK;
    }
    p = rg_add_plan(m, v, RAG_PLAN_INDICATOR);
    if (!p)
        return RAG_ERR_NOMEM;
    p->status_col = -1;
    ind = rg_vec_push((void **)&p->indicators, &p->indicator_count,
                      sizeof *ind);
    if (!ind)
        return RAG_ERR_NOMEM;
    hr = rg_heading_above(v, r0, title->row, &hc);
    rg_report_date(v, r0, r1, &p->as_of, NULL);
    if (hr >= 0) {
        size_t len;
        const char *t = rg_text(v, (uint32_t)hr, hc, &len);
        p->title = rg_model_strndup(m, t, len);
        p->cell = rg_loc((uint32_t)hr, hc);
    } else {
        p->cell = rg_loc(title->row, title->col);
    }
    ind->title = rg_pair_value(m, v, title);
    ind->code = ind->title ? rg_title_code(m, ind->title) : NULL;
    /* "KPI Reference: KPI 07" where the title carries no code */
    if (!ind->code && ref) {
        ind->code = rg_pair_value(m, v, ref);
        if (ind->code && !*ind->code)
            ind->code = NULL;
    }
    ind->cell = rg_loc(title->row, title->col);
    if (lead)
        p->owner = rg_pair_value(m, v, lead);
    else if (director)
        p->owner = rg_pair_value(m, v, director);
    {
        /* a table of a row a period: the latest row with an actual */
        int32_t last = latest_row(v, ap, r1);
        if (last >= 0) {
            tp = on_row(tp, ap, last, &moved[0]);
            vp = on_row(vp, ap, last, &moved[1]);
            period = on_row(period, ap, last, &moved[2]);
            ap = on_row(ap, ap, last, &moved[3]);
        }
    }
    if (tp)
        pair_figure(v, tp, &target);
    else
        memset(&target, 0, sizeof target);
    if (ap)
        pair_figure(v, ap, &actual);
    else
        memset(&actual, 0, sizeof actual);
    if (vp)
        pair_figure(v, vp, &variance);
    else
        memset(&variance, 0, sizeof variance);

    /* unit: the figures' own, else the title's words */
    ind->unit = target.has && target.f.unit ? target.f.unit
                : actual.has && actual.f.unit ? actual.f.unit
                : variance.has && variance.f.unit ? variance.f.unit
                : label_unit(tp) ? label_unit(tp)
                : label_unit(ap) ? label_unit(ap)
                : rg_title_unit(ind->title);
    if (!ind->unit && (target.has || actual.has))
        ind->unit = RAG_UNIT_COUNT;
    if (target.has) {
        ind->has_target = true;
        ind->target = in_unit(&target, ind->unit);
        ind->target_cell = target.cell;
    } else if (tp) {
        ind->target_cell = tp->vcol >= 0 ? rg_loc((uint32_t)tp->vrow,
                                                  (uint32_t)tp->vcol)
                                         : rg_loc(tp->row, tp->col);
    }
    if (actual.has) {
        ind->has_actual = true;
        ind->actual = in_unit(&actual, ind->unit);
        ind->actual_cell = actual.cell;
    } else if (ap) {
        ind->actual_cell = ap->vcol >= 0 ? rg_loc((uint32_t)ap->vrow,
                                                  (uint32_t)ap->vcol)
                                         : rg_loc(ap->row, ap->col);
    }
    ind->stated_decimals = -1;
    if (variance.has) {
        ind->has_stated_variance = true;
        ind->stated_variance = in_unit(&variance, ind->unit);
        ind->stated_decimals = variance.f.decimals;
        ind->variance_cell = variance.cell;
    } else if (vp) {
        ind->variance_cell = rg_loc(vp->row, vp->col);
    }
    if (ind->has_target && ind->has_actual)
        ind->variance = rg_clean_number(ind->actual - ind->target);

    /* direction: what the sheet says, else what the title implies */
    {
        char *pv = polarity ? rg_pair_value(m, v, polarity) : NULL;
        size_t tlen = 0;
        const char *tt = NULL;
        if (tp) {
            tlen = tp->inline_len;
            tt = tp->inline_value;
            if (!tt && tp->vrow >= 0)
                tt = rg_text(v, (uint32_t)tp->vrow, (uint32_t)tp->vcol,
                             &tlen);
        }
        ind->direction = rg_indicator_direction(
            pv, form_words(v, r0, r1, rg_direction_words), tt, tlen,
            ind->title, ind->unit);
        band = ind->has_target && ind->target != 0 &&
               rg_target_is_band(tt, tlen);
    }

    tol = rg_stated_tolerance(v, r0, r1);
    if (tol <= 0)
        tol = cx->tolerance > 0 ? cx->tolerance : 0.10;
    if (band) {
        /* "Target: +/- 1%": within 1% either side of nothing */
        ind->direction = RAG_WITHIN_BAND;
        tol = fabs(ind->target); /* "+ / - 1%" may read -1% */
        ind->target = 0;
        if (ind->has_actual)
            ind->variance = ind->actual;
    }
    ind->tolerance = tol;
    if (ind->has_target && ind->has_actual)
        ind->rag = rag_rate(ind->target, ind->actual, ind->direction, tol);
    /* "Actual (Q2 cumulative)": a total so far, before the year's end,
     * against the year's target is not rated by it, as on a scorecard
     * (53.1% of 98% collected at Q2 was a false red) */
    if (ind->has_target && ind->has_actual && ap) {
        char lnorm[160], pnorm[160];
        int q;
        rg_norm(ap->label, ap->label_len, lnorm, sizeof lnorm);
        rg_norm(actual.rest ? actual.rest : "",
                actual.rest ? actual.rest_len : 0, pnorm, sizeof pnorm);
        q = rg_vocab_find(rg_quarter_words, lnorm, NULL);
        if (q <= 0)
            q = rg_vocab_find(rg_quarter_words, pnorm, NULL);
        if ((rg_vocab_find(rg_to_date_words, lnorm, NULL) > 0 ||
             rg_vocab_find(rg_to_date_words, pnorm, NULL) > 0) &&
            q >= 1 && q <= 3 &&
            rg_share_to_date(ind->actual, ind->target, q / 4.0)) {
            ind->to_date = true;
            ind->rag = RAG_RATING_NONE;
        }
    }
    if (rp) {
        char *rv = rg_pair_value(m, v, rp), norm[64];
        int r;
        if (rv) {
            rg_norm(rv, strlen(rv), norm, sizeof norm);
            r = rg_vocab_exact(rg_rag_words, norm);
            if (r <= 0)
                r = rg_vocab_prefix(rg_rag_words, norm);
            if (r > 0)
                ind->stated_rag = (rag_rating)r;
        }
        ind->rag_cell = rp->vcol >= 0 ? rg_loc((uint32_t)rp->vrow,
                                               (uint32_t)rp->vcol)
                                      : rg_loc(rp->row, rp->col);
    } else if (rag_blank && !rag_blank->inline_value) {
        /* "RAG | (a red cell)": the answer cell coloured, with no words,
         * its colour the RAG, as a scorecard's RAG cell's is */
        uint32_t fill = rg_fill(v, rag_blank->row, rag_blank->col + 1);
        if (fill != RAG_NO_COLOR &&
            rg_rating_of_fill(fill) != RAG_RATING_NONE) {
            ind->stated_rag = rg_rating_of_fill(fill);
            ind->rag_cell = rg_loc(rag_blank->row, rag_blank->col + 1);
        }
    }
    /* the period: words beside or after the figure, else a label */
    if (ap && ap->note_col >= 0)
        ind->period = rg_value_text(m, v, ap->row, (uint32_t)ap->note_col);
    else if (actual.rest && actual.rest_len)
        ind->period = rg_model_strndup(m, actual.rest, actual.rest_len);
    else if (period)
        ind->period = rg_pair_value(m, v, period);
    else if (ap)
        ind->period = label_period(m, ap);
    if (reason) {
        ind->reason = rg_pair_value(m, v, reason);
        if (ind->reason && !*ind->reason)
            ind->reason = NULL;
    }
    ind->data_only = form_words(v, r0, r1, rg_kind_words) ==
                     RG_KIND_DATA_ONLY;
    if (!target.has && tp && !ind->data_only) {
        /* "Target: Monitor only", "Target: Reduce" */
        const char *t = rg_pair_value(m, v, tp);
        ind->data_only = rg_target_owes_no_figure(t, t ? strlen(t) : 0);
    }
    {
        rg_pair *mine = NULL;
        size_t nm = 0;
        for (i = 0; i < count; i++) {
            rg_pair *slot;
            if (pairs[i].row < r0 || pairs[i].row >= r1)
                continue;
            /* the form's heading, taken for a label by its first word
             * ("Performance Exception Report"): the title, not a field */
            if (hr >= 0 && pairs[i].row == (uint32_t)hr &&
                pairs[i].col == hc && !pairs[i].inline_value &&
                pairs[i].vcol < 0)
                continue;
            slot = rg_vec_push((void **)&mine, &nm, sizeof *slot);
            if (!slot) {
                rg_free(mine);
                return RAG_ERR_NOMEM;
            }
            *slot = pairs[i];
        }
        st = rg_pairs_to_fields(m, v, mine, nm, p);
        rg_free(mine);
        if (st != RAG_OK)
            return st;
    }
    p->range.first_row = p->cell.row;
    p->range.first_col = p->cell.col;
    p->range.last_row = r1 > 0 ? r1 - 1 : 0;
    p->range.last_col = v->cols ? v->cols - 1 : 0;
    p->last_col = p->range.last_col;
    if (!ind->title)
        return RAG_ERR_NOMEM;
    return RAG_OK;
}
