/*
 * Scorecards: a table of indicators, one a row: code, title, polarity,
 * annual target, period columns (quarters or months, later ones still
 * blank), stated RAG, direction of travel, commentary.
 *
 * The header is found by scoring rows, not by fixed words: a row is a
 * candidate when enough of its cells name a scorecard role, and the
 * candidate is kept when the cells beneath look like indicators (a title
 * in words, figures under the target and period columns).  A scorecard is
 * looked for before action tables, because its header ("Ref | Indicator |
 * ... | Status | Comments") would also pass for one.
 */
#include <math.h>
#include <string.h>

#include "model/rules.h"
#include "recognise/recognise.h"

/* A heading longer than this is a sentence, not a column heading. */
#define MAX_HEADING 80
/* The widest header scanned: real scorecards run to ~30 columns (twelve
 * months plus a dozen others); 128 leaves room and bounds the work on a
 * sheet with a stray cell in column XFD. */
#define MAX_COLS 128
/* Blank rows that end a scorecard: one or two blank rows separate
 * sections of one table; three mean the table is over. */
#define END_GAP 3
/* Rows below a header looked at to judge it (see looks_like_rows). */
#define PROBE_ROWS 6

static int heading_role(const rg_view *v, uint32_t r, uint32_t c);

/* Is (r, c) in a merge, along its first row, whose first cell holds a
 * date: a month shown "Apr-23" over its "Target | Actual" columns? */
static bool merged_date(const rg_view *v, uint32_t r, uint32_t c)
{
    const rag_range *mr;
    const rag_cell *cell;

    if (!v->sheet->merge_count || !(mr = rg_merge_at(v, r, c)) ||
        mr->first_row != r || mr->first_col == c)
        return false;
    cell = rg_cell_at(v, r, mr->first_col);
    return cell && cell->type == RAG_CELL_DATE;
}

/* The quarter or month a heading names, whatever else it says but a
 * target, unless target_too ("Q2 Target" is the quarter's target). */
static bool heading_period(const rg_view *v, uint32_t r, uint32_t c,
                           rg_sc_period *out, bool target_too);

/* A period column: a quarter or month heading that names no other part of
 * an indicator.  "Q2 RAG", "Q2 Commentary", "Q2 Direction of travel" are
 * the quarter's RAG, comment or trend, not its figure ("Q2 Actual" is). */
static bool months_or_quarter(const rg_view *v, uint32_t r, uint32_t c,
                              rg_sc_period *out)
{
    int role;

    if (!heading_period(v, r, c, out, false))
        return false;
    role = heading_role(v, r, c);
    return role <= 0 || role == RG_SC_ACTUAL || role == RG_SC_OTHER;
}

static bool heading_period(const rg_view *v, uint32_t r, uint32_t c,
                           rg_sc_period *out, bool target_too)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    size_t len;
    const char *t;
    char norm[128];
    int q, mo = 0, y = 0;

    memset(out, 0, sizeof *out);
    out->rag_col = out->target_col = -1;
    if ((!cell || cell->type == RAG_CELL_BLANK) && merged_date(v, r, c)) {
        /* a month's date merged over its "Target | Actual" columns: the
         * same month in each (rg_text_merged does this for words) */
        cell = rg_cell_at(v, r, rg_merge_at(v, r, c)->first_col);
    }
    if (cell && cell->type == RAG_CELL_DATE) {
        int d;
        /* a date shown as a month ("Apr-23"): its month and year */
        if (!rag_serial_to_ymd(cell->number, v->wb->date1904, &y, &mo, &d))
            return false;
        out->month = mo;
        out->year = y;
        out->col = c;
        return true;
    }
    t = rg_text_merged(v, r, c, &len);
    if (!t || len > MAX_HEADING)
        return false;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    /* "Q2 target" is a target, not the quarter's figure */
    if (!target_too &&
        (rg_norm_has(norm, "target") || rg_norm_has(norm, "targets")))
        return false;
    q = rg_quarter_cell(v, t, len);
    if (q <= 0) {
        /* "Actual Q1", "Target Q2": one word, then the quarter */
        const char *sp = strchr(norm, ' ');
        q = sp ? rg_quarter_of_norm(sp + 1) : 0;
    }
    if (q > 0) {
        out->quarter = q;
        rg_find_fy(t, len, &out->fy);
        if (!out->fy) {
            /* "Quarter 1 (April to June 2022)": the year of its months */
            const char *p;
            for (p = t; p < t + len; p++)
                if (p + 4 <= t + len && (p[0] == '1' || p[0] == '2') &&
                    p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
                    p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
                    (p + 4 == t + len || p[4] < '0' || p[4] > '9')) {
                    int yy = (p[0] - '0') * 1000 + (p[1] - '0') * 100 +
                             (p[2] - '0') * 10 + (p[3] - '0');
                    /* the quarter's calendar year: Q4 (Jan-Mar) is in
                     * the year after the financial year starts */
                    out->fy = q == 4 ? yy - 1 : yy;
                    break;
                }
        }
        out->col = c;
        return true;
    }
    if (rg_month_label_cell(v, t, len, &mo, &y)) {
        out->month = mo;
        out->year = y;
        out->col = c;
        return true;
    }
    return false;
}

/* The role a heading names, or -1. */
static int heading_role(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t len;
    const char *t = rg_text_merged(v, r, c, &len);
    char norm[128];
    int role;

    if (!t || len > MAX_HEADING)
        return -1;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    role = rg_vocab_prefix(rg_scorecard_words, norm);
    if (role < 0)
        role = rg_vocab_prefix(rg_scorecard_words, rg_norm_skip_period(norm));
    /* "Target completion date", "Target end date": a day an action is
     * due, not a figure ("Target date" is in the words already); "Target
     * to date" is a figure, the year's target so far */
    if (role == RG_SC_TARGET && rg_norm_has(norm, "date") &&
        !rg_norm_has(norm, "to date"))
        role = RG_SC_OTHER;
    return role;
}

/* Does a heading hold a word of the table? */
static bool heading_finds(const rg_view *v, uint32_t r, uint32_t c,
                          const rg_word *table)
{
    size_t len;
    const char *t = rg_text_merged(v, r, c, &len);
    char norm[128];

    if (!t || len > MAX_HEADING)
        return false;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    return rg_vocab_find(table, norm, NULL) > 0;
}

static void sc_clear(rg_scorecard *s)
{
    int i;
    memset(s, 0, sizeof *s);
    for (i = 0; i < RG_SC_ROLES; i++)
        s->col[i] = -1;
    s->frequency_col = -1;
    s->first_col = UINT32_MAX;
}

/* true when most of the first PROBE_ROWS values below row r in column c
 * read as codes: "KPI 01", "CP04", "HS-12", "1.2a".  A code is short (12
 * characters: "NI 181", "PAM/013" and "ASCOF 1C" fit, a title does not),
 * of at most two words, with a digit. */
static bool codes_below(const rg_view *v, uint32_t r, uint32_t c)
{
    uint32_t row;
    int codes = 0, values = 0;

    for (row = r + 1; row < v->rows && row <= r + PROBE_ROWS; row++) {
        size_t len, i, spaces = 0;
        bool digit = false;
        const char *t = rg_text(v, row, c, &len);
        if (!t)
            continue;
        values++;
        for (i = 0; i < len; i++) {
            spaces += t[i] == ' ';
            digit = digit || (t[i] >= '0' && t[i] <= '9');
        }
        codes += len <= 12 && spaces <= 1 && digit;
    }
    return values && codes * 3 >= values * 2;
}

static bool same_period(const rg_sc_period *a, const rg_sc_period *b)
{
    return a->quarter == b->quarter && a->month == b->month &&
           a->year == b->year && a->fy == b->fy;
}

/* "Q1" merged over "Target | Actual | RAG" on the row below (a column
 * each, and so for every quarter or month): one period, its figure the
 * column headed "Actual" (or "Outturn", "Result"), with its own target
 * and RAG columns.  Read as before, every column under "Q1" was a Q1
 * figure, the target among them, and the stated RAG was lost.  A group
 * with no actual heading under it is left as it was. */
static void split_period_groups(const rg_view *v, uint32_t r, rg_scorecard *s)
{
    rg_sc_period out[RG_SC_MAX_PERIODS];
    size_t n = 0, i = 0, j;
    bool split = false;

    if (r + 1 >= v->rows)
        return;
    while (i < s->period_count) {
        rg_sc_period g = s->periods[i];
        int32_t actual = -1, target = -1, rag = -1;
        for (j = i; j < s->period_count &&
                    same_period(&s->periods[j], &g) &&
                    s->periods[j].col == g.col + (uint32_t)(j - i);
             j++) {
            switch (heading_role(v, r + 1, s->periods[j].col)) {
            case RG_SC_ACTUAL:
                if (actual < 0)
                    actual = (int32_t)s->periods[j].col;
                break;
            case RG_SC_TARGET:
                if (target < 0)
                    target = (int32_t)s->periods[j].col;
                break;
            case RG_SC_RAG:
                if (rag < 0)
                    rag = (int32_t)s->periods[j].col;
                break;
            default:
                break;
            }
        }
        if (j - i > 1 && actual >= 0) {
            g.col = (uint32_t)actual;
            if (target >= 0)
                g.target_col = target;
            if (rag >= 0)
                g.rag_col = rag;
            out[n++] = g;
            split = true;
        } else {
            for (; i < j; i++)
                out[n++] = s->periods[i];
        }
        i = j;
    }
    if (split) {
        memcpy(s->periods, out, n * sizeof out[0]);
        s->period_count = n;
    }
}

/* Is column c hidden?  A hidden period column holds what the sheet no
 * longer shows: last year's Q3 kept until this year's overwrites it. */
static bool col_hidden(const rg_view *v, uint32_t c)
{
    size_t i;
    for (i = 0; i < v->sheet->col_count; i++)
        if (v->sheet->cols[i].first <= c && c <= v->sheet->cols[i].last)
            return v->sheet->cols[i].hidden;
    return false;
}

/* The header of row r as a scorecard would read it. */
static void header_row(const rg_view *v, uint32_t r, rg_scorecard *s)
{
    uint32_t c, last = v->cols < MAX_COLS ? v->cols : MAX_COLS;
    rg_sc_period rag_of[RG_SC_MAX_PERIODS], target_of[RG_SC_MAX_PERIODS];
    size_t rags = 0, targets = 0, i, k;
    int32_t title2 = -1;

    sc_clear(s);
    s->header_row = r;
    for (c = 0; c < last; c++) {
        rg_sc_period pd;
        int role;
        size_t len;
        if (!rg_has_value(v, r, c) && !rg_text_merged(v, r, c, &len) &&
            !merged_date(v, r, c))
            continue;
        if (months_or_quarter(v, r, c, &pd)) {
            if (col_hidden(v, c))
                continue; /* not a period the sheet reports */
            if (s->period_count < RG_SC_MAX_PERIODS)
                s->periods[s->period_count++] = pd;
        } else if ((role = heading_role(v, r, c)) > 0) {
            if (role == RG_SC_RAG && heading_period(v, r, c, &pd, false)) {
                /* "Q2 RAG": kept to be matched with its period below;
                 * the first such column is also the RAG column */
                if (rags < RG_SC_MAX_PERIODS)
                    rag_of[rags++] = pd;
            }
            /* "Q2 Target": the same, for the quarter's own target */
            if (role == RG_SC_TARGET && heading_period(v, r, c, &pd, true) &&
                targets < RG_SC_MAX_PERIODS)
                target_of[targets++] = pd;
            if (role == RG_SC_OTHER && s->frequency_col < 0 &&
                heading_finds(v, r, c, rg_frequency_heads))
                s->frequency_col = (int32_t)c;
            if (role != RG_SC_OTHER && s->col[role] < 0) {
                s->col[role] = (int32_t)c;
                s->roles++;
                /* "Year to date", "Cumulative", "Target to date" */
                if (role == RG_SC_ACTUAL)
                    s->actual_to_date = heading_finds(v, r, c,
                                                      rg_to_date_words);
                if (role == RG_SC_TARGET)
                    s->target_to_date = heading_finds(v, r, c,
                                                      rg_to_date_words);
            } else if (role != RG_SC_OTHER) {
                if (role == RG_SC_TITLE && title2 < 0)
                    title2 = (int32_t)c;
                continue; /* a second "Comments": the first stays */
            }
        } else {
            s->unknown++;
            continue;
        }
        if (c < s->first_col)
            s->first_col = c;
        s->last_col = c;
    }
    /* "KPI | Description": two headings that may each name the indicator;
     * when the first holds codes below it, it is the code column */
    if (title2 >= 0 && s->col[RG_SC_CODE] < 0 &&
        codes_below(v, r, (uint32_t)s->col[RG_SC_TITLE])) {
        s->col[RG_SC_CODE] = s->col[RG_SC_TITLE];
        s->col[RG_SC_TITLE] = title2;
        s->roles++;
    }
    split_period_groups(v, r, s);
    for (k = 0; k < rags; k++)
        for (i = 0; i < s->period_count; i++)
            if (s->periods[i].quarter == rag_of[k].quarter &&
                s->periods[i].month == rag_of[k].month &&
                s->periods[i].year == rag_of[k].year &&
                s->periods[i].rag_col < 0)
                s->periods[i].rag_col = (int32_t)rag_of[k].col;
    for (k = 0; k < targets; k++)
        for (i = 0; i < s->period_count; i++)
            if (s->periods[i].quarter == target_of[k].quarter &&
                s->periods[i].month == target_of[k].month &&
                s->periods[i].year == target_of[k].year &&
                s->periods[i].target_col < 0)
                s->periods[i].target_col = (int32_t)target_of[k].col;
}

/*
 * Is this a scorecard's header?  A title column and a target column (or a
 * polarity column: a "data only" scorecard has no targets), and figures to
 * read: period columns or an actual.  At most as many unknown headings as
 * known ones: a form's row of words is not a header.
 */
static bool qualifies(const rg_scorecard *s)
{
    int known = s->roles + (int)s->period_count;
    if (s->col[RG_SC_TITLE] < 0)
        return false;
    if (s->col[RG_SC_TARGET] < 0 && s->col[RG_SC_POLARITY] < 0 &&
        !(s->period_count && s->periods[0].target_col >= 0))
        return false;
    if (!s->period_count && s->col[RG_SC_ACTUAL] < 0)
        return false;
    return s->unknown <= known;
}

/* A figure in the cell, or words that say there is none ("n/a", "-"). */
/* Words before a text's first figure in a figure column that say the
 * cell is a sentence, not a figure with a word or two before it ("Target
 * 90%", "approx. 60%" stay figures; "Two large applications required
 * S106 negotiations beyond 13 weeks" is a narrative row's prose, and its
 * 13 was a false indicator). */
#define PROSE_WORDS 3

/* Is the text t[0..len) a sentence or a period rather than a figure: the
 * first token that starts with a digit comes after PROSE_WORDS words, or
 * holds a '/' after its digits ("Q4 2024/25", "30/09/2024": a year or a
 * date, not a count)? */
static bool text_not_figure(const char *t, size_t len)
{
    size_t i = 0, words = 0;

    while (i < len) {
        size_t b, k;
        while (i < len && t[i] == ' ')
            i++;
        if (i >= len)
            break;
        b = i;
        while (i < len && t[i] != ' ')
            i++;
        k = b;
        /* a figure's own lead: "£", "-", "(", "~" */
        while (k < i && (t[k] == '-' || t[k] == '(' || t[k] == '~' ||
                         (unsigned char)t[k] == 0xC2 ||
                         (unsigned char)t[k] == 0xA3))
            k++;
        if (k < i && t[k] >= '0' && t[k] <= '9') {
            while (k < i && ((t[k] >= '0' && t[k] <= '9') || t[k] == ',' ||
                             t[k] == '.'))
                k++;
            return words >= PROSE_WORDS || (k < i && t[k] == '/');
        }
        words++;
    }
    return false;
}

static bool figure(const rg_view *v, uint32_t r, int32_t c, rg_figure *f)
{
    const rag_cell *cell;
    size_t len;
    const char *t;

    if (c < 0 || !rg_figure_at(v, r, (uint32_t)c, f, NULL))
        return false;
    cell = rg_cell_at(v, r, (uint32_t)c);
    if (!cell || cell->type == RAG_CELL_NUMBER)
        return true;
    t = rg_text(v, r, (uint32_t)c, &len);
    /* a bound's words ("No more than 5", "Less than or equal to 8") come
     * before a target's figure and leave it one */
    return !(t && text_not_figure(t, len) && !rg_target_direction(t, len));
}

/*
 * The rows under a candidate header look like indicators: in the first
 * PROBE_ROWS rows with a title, at least one has a figure under the target
 * or a period column.  An action plan's "Target" column holds dates, and a
 * tracker's months hold colours or letters: neither passes.
 */
static bool looks_like_rows(const rg_view *v, const rg_scorecard *s)
{
    uint32_t r, seen = 0;
    for (r = s->header_row + 1; r < v->rows && seen < PROBE_ROWS; r++) {
        size_t i;
        rg_figure f;
        const rag_cell *tc;
        size_t len;
        if (!rg_text(v, r, (uint32_t)s->col[RG_SC_TITLE], &len))
            continue;
        seen++;
        tc = s->col[RG_SC_TARGET] >= 0
                 ? rg_cell_at(v, r, (uint32_t)s->col[RG_SC_TARGET])
                 : NULL;
        if (tc && tc->type != RAG_CELL_DATE &&
            figure(v, r, s->col[RG_SC_TARGET], &f))
            return true;
        for (i = 0; i < s->period_count; i++) {
            const rag_cell *pc = rg_cell_at(v, r, s->periods[i].col);
            if (pc && pc->type != RAG_CELL_DATE &&
                figure(v, r, (int32_t)s->periods[i].col, &f))
                return true;
        }
        if (figure(v, r, s->col[RG_SC_ACTUAL], &f))
            return true;
    }
    return false;
}

bool rg_find_scorecards(const rg_view *v, rg_scorecard **out, size_t *count)
{
    uint32_t r;

    *out = NULL;
    *count = 0;
    for (r = 0; r + 1 < v->rows; r++) {
        rg_scorecard s, *slot;
        size_t n, i, words = 0;
        const rag_cell *row = rg_row_cells(v, r, &n);
        /* cheap filter: a header has three or more short words */
        for (i = 0; i < n; i++)
            if (row[i].type == RAG_CELL_STRING ||
                row[i].type == RAG_CELL_DATE)
                words++;
        if (words < 3)
            continue;
        header_row(v, r, &s);
        if (!qualifies(&s) || !looks_like_rows(v, &s))
            continue;
        /* years above the period columns: "2023/24" merged over them */
        if (r > 0)
            for (i = 0; i < s.period_count; i++) {
                size_t len;
                const char *t = rg_text_merged(v, r - 1, s.periods[i].col,
                                               &len);
                int fy = 0;
                if (!s.periods[i].fy && !s.periods[i].year && t &&
                    rg_find_fy(t, len, &fy))
                    s.periods[i].fy = fy;
            }
        slot = rg_vec_push((void **)out, count, sizeof *slot);
        if (!slot)
            return false;
        *slot = s;
        r++; /* the row under a header is data, never another header */
    }
    /* each ends at the next one's header, or at END_GAP blank rows */
    {
        size_t i;
        for (i = 0; i < *count; i++) {
            rg_scorecard *s = &(*out)[i];
            uint32_t stop = i + 1 < *count ? (*out)[i + 1].header_row
                                           : v->rows;
            uint32_t gap = 0, last = s->header_row;
            for (r = s->header_row + 1; r < stop; r++) {
                uint32_t c;
                bool any = false;
                for (c = s->first_col; c <= s->last_col && !any; c++)
                    any = rg_has_value(v, r, c);
                if (any) {
                    last = r;
                    gap = 0;
                } else if (++gap >= END_GAP) {
                    break;
                }
            }
            s->end_row = last + 1;
        }
    }
    return true;
}

/* ---- rows into indicators -------------------------------------------- */

/* The label of a period column, as the contract spells it. */
static const char *period_label(rag_model *m, const rg_view *v,
                                const rg_scorecard *s, size_t i,
                                rag_date anchor)
{
    const rg_sc_period *pd = &s->periods[i];
    if (pd->quarter)
        return rg_arena_printf(&m->impl->arena, "Q%d", pd->quarter);
    if (pd->month) {
        int y = pd->year;
        if (!y && pd->fy)
            y = pd->month >= 4 ? pd->fy : pd->fy + 1;
        if (!y && anchor.year)
            y = anchor.month >= pd->month ? anchor.year : anchor.year - 1;
        if (y)
            return rg_arena_printf(&m->impl->arena, "%04d-%02d", y,
                                   pd->month);
    }
    return rg_value_text(m, v, s->header_row, pd->col);
}

static char *text_of(rag_model *m, const rg_view *v, uint32_t r, int32_t c,
                     rag_loc *cell)
{
    char *t;
    if (c < 0 || !rg_has_value(v, r, (uint32_t)c))
        return NULL;
    t = rg_value_text(m, v, r, (uint32_t)c);
    if (t && !*t)
        return NULL;
    if (cell)
        *cell = rg_loc(r, (uint32_t)c);
    return t;
}

/* A figure in the indicator's unit: 90 beside percentages is 0.9. */
static double in_unit(const rg_figure *f, rag_unit unit)
{
    if (unit == RAG_UNIT_PERCENT && f->unit != RAG_UNIT_PERCENT &&
        fabs(f->value) > 1.5)
        return rg_clean_number(f->value / 100);
    return f->value;
}

/* Shares of the year's target a total to date may stand from its
 * quarter's even share (n quarters of four) and still read as one:
 * council tax collected runs 29%, 57%, 84% of 97% (0.30, 0.59, 0.87 of
 * it, against 0.25, 0.50, 0.75), homes delivered 60, 140, 200 of 300.
 * A quarter's own figure stands near the year's target itself (85%, 87%
 * of 90%) or near a quarter of it every quarter (70, 75, 80 of 300), and
 * fails the test by the second quarter. */
#define TO_DATE_SHARE_SLACK 0.15

bool rg_share_to_date(double value, double target, double year_share)
{
    return fabs(target) > 0 &&
           fabs(value / target - year_share) <= TO_DATE_SHARE_SLACK;
}

/* Are the figures of row r a total to date, before the year's last
 * quarter, against a target for the whole year?  Quarters from Q1 in
 * turn, each figure above the one before and near its quarter's share of
 * the target; or "cumulative", "YTD" or "year to date" in the title.  A
 * quarter with a target of its own ("Q2 Target") is rated against that. */
static bool to_date_mid_year(const rg_scorecard *s, const bool *hv,
                             const rg_figure *fv, rag_unit unit,
                             double target, const char *title)
{
    size_t i, n = 0, last = 0;
    double prev = 0;
    bool rising = true;
    char norm[256];

    for (i = 0; i < s->period_count; i++)
        if (hv[i])
            last = i;
    if (!hv[last] || s->periods[last].quarter < 1 ||
        s->periods[last].quarter > 3 || s->periods[last].target_col >= 0 ||
        !(fabs(target) > 0))
        return false;
    if (title) {
        rg_norm(title, strlen(title), norm, sizeof norm);
        if (rg_vocab_find(rg_to_date_words, norm, NULL) > 0)
            return true;
    }
    for (i = 0; i < s->period_count; i++) {
        double x;
        if (!hv[i])
            continue;
        n++;
        if (s->periods[i].quarter != (int)n)
            return false; /* not Q1, Q2, Q3 in turn */
        x = in_unit(&fv[i], unit);
        if (n > 1 && !(x > prev))
            rising = false;
        prev = x;
        if (!rg_share_to_date(x, target, (double)n / 4))
            return false;
    }
    return n >= 2 && rising;
}

/* Are the figures of row r each one quarter's own count against a target
 * for the whole year?  Every quarter shown stands near a quarter of the
 * target (61,000 and 66,000 visits of 250,000), none with a target of its
 * own, and the figures are counts or money: a rate or a percentage stands
 * near the year's target itself.  An officer rates such a quarter against
 * its share of the year, not the year; the year's target cannot rate it,
 * so the row is read as to_date is (rag NONE).  Two quarters at least: a
 * lone Q1 near a quarter of the target reads as its own count and as a
 * total to date alike, and each is rated as before. */
static bool quarters_own_share(const rg_scorecard *s, const bool *hv,
                               const rg_figure *fv, rag_unit unit,
                               double target)
{
    size_t i, n = 0;

    if (unit == RAG_UNIT_PERCENT || !(target > 0))
        return false;
    for (i = 0; i < s->period_count; i++) {
        if (!hv[i])
            continue;
        if (s->periods[i].quarter < 1 || s->periods[i].target_col >= 0 ||
            !rg_share_to_date(in_unit(&fv[i], unit), target, 0.25))
            return false;
        n++;
    }
    return n >= 2;
}

/* The share of the financial year (April to March) a period closes: Q2
 * and September 0.5, Q4 and March 1; 0 for a period of neither. */
static double year_share(const rg_sc_period *pd)
{
    if (pd->quarter >= 1 && pd->quarter <= 4)
        return pd->quarter / 4.0;
    if (pd->month >= 1 && pd->month <= 12)
        return ((pd->month + 8) % 12 + 1) / 12.0;
    return 0;
}

/* How far under the sum of the periods beside it a total to date may
 * fall and still be their total: figures shown rounded (140 + 160 shown,
 * 301 to date). */
#define TO_DATE_SUM_SLACK 0.05

/* Is the figure of a "Year to date" column (ytd) a total so far, before
 * the year's end, against a target for the whole year?  It is when it
 * holds the periods beside it summed (140 + 160, 300 to date), or more
 * than the one period shown (520 in Q1, 1,130 to date: Q2 not yet in its
 * column), or stands near the year's share of the target as a quarter's
 * total to date does (TO_DATE_SHARE_SLACK).  A rate to date stands among
 * its periods' rates (97%, 90%: 93.5% to date) and is rated, and so is
 * every figure at the year's end or against a target to date. */
static bool ytd_mid_year(const rg_scorecard *s, const bool *hv,
                         const rg_figure *fv, rag_unit unit, double ytd,
                         double target)
{
    size_t i, n = 0, last = 0;
    double sum = 0, share;

    if (s->target_to_date || !(target > 0))
        return false;
    for (i = 0; i < s->period_count; i++)
        if (hv[i]) {
            last = i;
            n++;
            sum += in_unit(&fv[i], unit);
        }
    share = n ? year_share(&s->periods[last]) : 0;
    if (!n || !(share > 0) || share >= 1 || s->periods[last].target_col >= 0)
        return false;
    if (sum > 0 && ytd >= sum * (1 - TO_DATE_SUM_SLACK) &&
        (n >= 2 || ytd > sum * (1 + TO_DATE_SUM_SLACK)))
        return true;
    return rg_share_to_date(ytd, target, share);
}

/* Does row r say no figure is owed this period: "Annual measure",
 * "Not due", "N/A" or a yes/no answer ("Yes", "Not achieved") in a
 * period's or the actual's cell, or "Annual" in its
 * frequency column while the report (report_share of the year, 0 when
 * not known) is before the year's end?  An annual measure reported at
 * Q2 was a false actual-missing. */
static bool row_not_due(const rg_view *v, const rg_scorecard *s, uint32_t r,
                        double report_share)
{
    char norm[128];
    size_t i, len;
    const char *t;

    for (i = 0; i <= s->period_count; i++) {
        int32_t c = i < s->period_count ? (int32_t)s->periods[i].col
                                        : s->col[RG_SC_ACTUAL];
        if (c < 0 || !(t = rg_text(v, r, (uint32_t)c, &len)))
            continue;
        rg_norm(t, len, norm, sizeof norm);
        /* "Yes", "Not achieved": the answer of a yes/no measure, given in
         * words where a figure goes */
        if (rg_vocab_prefix(rg_not_due_words, norm) > 0 ||
            rg_vocab_exact(rg_outcome_words, norm) > 0)
            return true;
    }
    if (s->frequency_col < 0 || !(report_share > 0) || report_share >= 1 ||
        !(t = rg_text(v, r, (uint32_t)s->frequency_col, &len)))
        return false;
    rg_norm(t, len, norm, sizeof norm);
    return rg_vocab_prefix(rg_annual_words, norm) > 0;
}

static bool is_note_word(const char *s)
{
    char norm[64];
    rg_norm(s, strlen(s), norm, sizeof norm);
    return rg_vocab_prefix(rg_note_words, norm) > 0;
}

static bool data_only_words(const char *s)
{
    char norm[128];
    if (!s)
        return false;
    rg_norm(s, strlen(s), norm, sizeof norm);
    return rg_vocab_find(rg_no_target_words, norm, NULL) > 0;
}

/* One row into one indicator; *added false for a section heading or a
 * note. */
static rag_status add_row(rag_model *m, const rg_view *v,
                          const rg_scorecard *s, uint32_t r, rag_plan *p,
                          const rg_context *cx, double tol,
                          double report_share, bool *added)
{
    rag_indicator *ind, tmp;
    rg_figure ft, fv[RG_SC_MAX_PERIODS], fa, fvar;
    bool hv[RG_SC_MAX_PERIODS], ht, ha, hvar;
    size_t i, nv = 0;
    const char *polarity, *unit_words;
    char *rag_words;
    rag_unit unit = RAG_UNIT_NONE;
    rag_loc where;

    *added = false;
    memset(&tmp, 0, sizeof tmp);
    tmp.title = text_of(m, v, r, s->col[RG_SC_TITLE], NULL);
    if (!tmp.title)
        return RAG_OK;
    tmp.code = text_of(m, v, r, s->col[RG_SC_CODE], NULL);
    ht = figure(v, r, s->col[RG_SC_TARGET], &ft);
    ha = figure(v, r, s->col[RG_SC_ACTUAL], &fa);
    hvar = figure(v, r, s->col[RG_SC_VARIANCE], &fvar);
    for (i = 0; i < s->period_count; i++) {
        hv[i] = figure(v, r, (int32_t)s->periods[i].col, &fv[i]);
        nv += hv[i];
    }
    polarity = text_of(m, v, r, s->col[RG_SC_POLARITY], NULL);
    rag_words = text_of(m, v, r, s->col[RG_SC_RAG], &tmp.rag_cell);
    /* with a RAG column per period ("Q1 RAG", "Q2 RAG"), the stated RAG is
     * that of the latest period with a figure */
    for (i = s->period_count; i-- > 0;)
        if (hv[i]) {
            if (s->periods[i].rag_col >= 0)
                rag_words = text_of(m, v, r, s->periods[i].rag_col,
                                    &tmp.rag_cell);
            break;
        }
    /* a section heading ("Housing", "Priority 1: ...") has a title and
     * nothing else */
    if (!tmp.code && !ht && !ha && !nv && !polarity && !rag_words)
        return RAG_OK;
    /* a note under the table ("Note 1 | Targets agreed by Cabinet",
     * "NB | Q1 revised") has words where the code goes and no figure */
    if (tmp.code && !ht && !ha && !nv && is_note_word(tmp.code))
        return RAG_OK;
    ind = rg_vec_push((void **)&p->indicators, &p->indicator_count,
                      sizeof *ind);
    if (!ind)
        return RAG_ERR_NOMEM;
    *ind = tmp;
    if (!ind->code)
        ind->code = rg_title_code(m, ind->title);
    where = s->col[RG_SC_CODE] >= 0 && rg_has_value(v, r, (uint32_t)s->col[RG_SC_CODE])
                ? rg_loc(r, (uint32_t)s->col[RG_SC_CODE])
                : rg_loc(r, (uint32_t)s->col[RG_SC_TITLE]);
    ind->cell = where;

    /* the unit: a unit column's words, the figures' own, the title's */
    unit_words = text_of(m, v, r, s->col[RG_SC_UNIT], NULL);
    if (unit_words) {
        char norm[64];
        int u;
        rg_norm(unit_words, strlen(unit_words), norm, sizeof norm);
        u = rg_vocab_find(rg_unit_words, norm, NULL);
        if (u > 0)
            unit = (rag_unit)u;
    }
    if (!unit && ht && ft.unit)
        unit = ft.unit;
    for (i = 0; i < s->period_count && !unit; i++)
        if (hv[i] && fv[i].unit)
            unit = fv[i].unit;
    if (!unit && ha && fa.unit)
        unit = fa.unit;
    if (!unit)
        unit = rg_title_unit(ind->title);
    if (!unit && (ht || nv || ha))
        unit = RAG_UNIT_COUNT;
    ind->unit = unit;

    if (ht) {
        ind->has_target = true;
        ind->target = in_unit(&ft, unit);
    }
    if (s->col[RG_SC_TARGET] >= 0)
        ind->target_cell = rg_loc(r, (uint32_t)s->col[RG_SC_TARGET]);
    else
        ind->data_only = true; /* a scorecard without targets */
    /* "Q1 Target | Q1 Actual | Q2 Target | Q2 Actual": the latest figure
     * is judged against its own quarter's target (a profile to date), not
     * the year's: 55% collected at Q2 against 56% due is amber, against
     * the year's 97% it was a false red */
    for (i = s->period_count; i-- > 0;)
        if (hv[i]) {
            rg_figure fq;
            int32_t tc = s->periods[i].target_col;
            if (tc >= 0 && figure(v, r, tc, &fq)) {
                ind->has_target = true;
                ind->target = in_unit(&fq, unit);
                ind->target_cell = rg_loc(r, (uint32_t)tc);
                ind->data_only = false;
            }
            break;
        }
    if (data_only_words(polarity))
        ind->data_only = true;
    if (!ht && s->col[RG_SC_TARGET] >= 0) {
        size_t tlen = 0;
        const char *tt = rg_text(v, r, (uint32_t)s->col[RG_SC_TARGET], &tlen);
        if (rg_target_owes_no_figure(tt, tlen))
            ind->data_only = true;
    }
    /* with no target, the commentary may say why: "Data only" */
    if (!ind->has_target &&
        data_only_words(text_of(m, v, r, s->col[RG_SC_COMMENT], NULL)))
        ind->data_only = true;

    if (nv) {
        size_t k = 0;
        ind->values = rg_model_alloc(m, nv * sizeof *ind->values);
        if (!ind->values)
            return RAG_ERR_NOMEM;
        for (i = 0; i < s->period_count; i++) {
            rag_value *val;
            if (!hv[i])
                continue;
            val = &ind->values[k++];
            val->period = period_label(m, v, s, i, cx->as_of);
            val->value = in_unit(&fv[i], unit);
            val->cell = rg_loc(r, s->periods[i].col);
            if (!val->period)
                return RAG_ERR_NOMEM;
        }
        ind->value_count = k;
        /* the actual is the latest period with a value */
        ind->has_actual = true;
        ind->actual = ind->values[k - 1].value;
        ind->actual_cell = ind->values[k - 1].cell;
        ind->period = ind->values[k - 1].period;
        /* "Q1 | Q2 | Year to date": the year's figure so far is the
         * actual, the periods its history (the last quarter against the
         * year's target was a false red) */
        if (ha && s->actual_to_date) {
            ind->actual = in_unit(&fa, unit);
            ind->actual_cell = rg_loc(r, (uint32_t)s->col[RG_SC_ACTUAL]);
        }
    } else if (ha) {
        ind->has_actual = true;
        ind->actual = in_unit(&fa, unit);
        ind->actual_cell = rg_loc(r, (uint32_t)s->col[RG_SC_ACTUAL]);
    } else if (s->col[RG_SC_ACTUAL] >= 0) {
        ind->actual_cell = rg_loc(r, (uint32_t)s->col[RG_SC_ACTUAL]);
    } else if (s->period_count) {
        ind->actual_cell = rg_loc(r, s->periods[0].col);
    }
    if (!ind->has_actual)
        ind->not_due = row_not_due(v, s, r, report_share);
    ind->stated_decimals = -1;
    if (hvar) {
        ind->has_stated_variance = true;
        ind->stated_variance = in_unit(&fvar, unit);
        ind->stated_decimals = fvar.decimals;
        ind->variance_cell = rg_loc(r, (uint32_t)s->col[RG_SC_VARIANCE]);
    }
    if (ind->has_target && ind->has_actual)
        ind->variance = rg_clean_number(ind->actual - ind->target);
    {
        size_t tlen = 0;
        const char *tt = s->col[RG_SC_TARGET] >= 0
                             ? rg_text(v, r, (uint32_t)s->col[RG_SC_TARGET],
                                       &tlen)
                             : NULL;
        ind->direction = rg_indicator_direction(polarity, 0, tt, tlen,
                                                ind->title, unit);
        ind->tolerance = tol;
        /* "+/- 1%": held within 1% either side of nothing, not a target
         * of 1% (0.4% against it was a false red) */
        if (ht && ind->target != 0 && rg_target_is_band(tt, tlen)) {
            ind->direction = RAG_WITHIN_BAND;
            ind->tolerance = fabs(ind->target); /* "+/- 1%" may read -1% */
            ind->target = 0;
            if (ind->has_actual)
                ind->variance = ind->actual;
        }
    }
    if (nv && ha && s->actual_to_date)
        ind->to_date = ind->has_target &&
                       ytd_mid_year(s, hv, fv, unit, ind->actual,
                                    ind->target);
    else
        ind->to_date = ind->has_target && nv &&
                       (to_date_mid_year(s, hv, fv, unit, ind->target,
                                         ind->title) ||
                        quarters_own_share(s, hv, fv, unit, ind->target));
    if (ind->has_target && ind->has_actual && !ind->to_date)
        ind->rag = rag_rate(ind->target, ind->actual, ind->direction,
                           ind->tolerance);
    if (rag_words) {
        char norm[64];
        int rr;
        rg_norm(rag_words, strlen(rag_words), norm, sizeof norm);
        rr = rg_vocab_exact(rg_rag_words, norm);
        if (rr <= 0)
            rr = rg_vocab_prefix(rg_rag_words, norm);
        if (rr > 0)
            ind->stated_rag = (rag_rating)rr;
        /* a lone symbol ("●") in a red, amber or green font */
        if (rr <= 0 && ind->rag_cell.set) {
            uint32_t ink = rg_symbol_colour(v, ind->rag_cell.row,
                                            ind->rag_cell.col);
            if (ink != RAG_NO_COLOR)
                ind->stated_rag = rg_rating_of_fill(ink);
        }
    } else if (s->col[RG_SC_RAG] >= 0) {
        /* a RAG cell coloured, with no words: its colour is the RAG */
        uint32_t at = (uint32_t)s->col[RG_SC_RAG], fill;
        ind->rag_cell = rg_loc(r, at);
        fill = rg_fill(v, r, at);
        if (fill != RAG_NO_COLOR)
            ind->stated_rag = rg_rating_of_fill(fill);
    }
    ind->travel = text_of(m, v, r, s->col[RG_SC_TRAVEL], &ind->travel_cell);
    ind->comment = text_of(m, v, r, s->col[RG_SC_COMMENT],
                           &ind->comment_cell);
    if (!ind->comment && s->col[RG_SC_COMMENT] >= 0)
        ind->comment_cell = rg_loc(r, (uint32_t)s->col[RG_SC_COMMENT]);
    ind->reason = ind->comment;
    *added = true;
    return RAG_OK;
}

rag_status rg_scorecard_plan(rag_model *m, rg_view *v, const rg_scorecard *s,
                             const rg_context *cx)
{
    rag_plan *p = rg_add_plan(m, v, RAG_PLAN_SCORECARD);
    uint32_t r, top = 0, last = s->header_row;
    double tol, report_share = 0;
    size_t k;
    rag_status st;

    if (!p)
        return RAG_ERR_NOMEM;
    p->status_col = s->col[RG_SC_RAG];
    p->last_col = s->last_col;
    p->cell = rg_loc(s->header_row, s->first_col);
    p->header_rows = rg_malloc(sizeof *p->header_rows);
    if (!p->header_rows)
        return RAG_ERR_NOMEM;
    p->header_rows[0] = s->header_row;
    p->header_row_count = 1;
    /* the title block: the unclaimed rows above, up to the header */
    for (k = 0; k < s->header_row; k++)
        if (rg_row_claimed(v, (uint32_t)k))
            top = (uint32_t)k + 1;
    for (r = top; r < s->header_row && !p->title; r++) {
        size_t i, len, n = rg_row_count(v, r);
        for (i = 0; i < n && !p->title; i++) {
            const char *t = rg_text(v, r, rg_row_col(v, r, i), &len);
            if (t && len <= 200) {
                p->title = rg_model_strndup(m, t, len);
                if (!p->title)
                    return RAG_ERR_NOMEM;
            }
        }
    }
    rg_report_date(v, top, s->header_row, &p->as_of, NULL);
    /* the band the sheet states for itself ("Amber: within 5%"), anywhere
     * on it, else the option's, else 10% */
    tol = rg_stated_tolerance(v, 0, v->rows);
    if (tol <= 0)
        tol = cx->tolerance > 0 ? cx->tolerance : 0.10;
    /* the report's period: the latest period any row has a figure for */
    for (k = 0; k < s->period_count; k++)
        for (r = s->header_row + 1; r < s->end_row; r++) {
            rg_figure f;
            if (figure(v, r, (int32_t)s->periods[k].col, &f)) {
                double share = year_share(&s->periods[k]);
                if (share > report_share)
                    report_share = share;
                break;
            }
        }
    rg_claim(v, s->header_row, s->first_col, s->last_col);
    for (r = s->header_row + 1; r < s->end_row; r++) {
        bool added = false;
        if ((st = add_row(m, v, s, r, p, cx, tol, report_share, &added)) !=
            RAG_OK)
            return st;
        if (added) {
            rg_claim(v, r, s->first_col, s->last_col);
            last = r;
        }
    }
    p->range.first_row = s->header_row;
    p->range.first_col = s->first_col;
    p->range.last_row = last;
    p->range.last_col = s->last_col;
    return RAG_OK;
}
