/*
 * Contrast, the workbook's own words for its statuses, month codes from
 * those words, and the print set-up of generated sheets (see look.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "outputs/convert_impl.h"
#include "outputs/look.h"
#include "read/pages.h"

/* ---- contrast (WCAG 2.1, "relative luminance" and "contrast ratio") --- */

static double channel(unsigned v)
{
    double c = (double)v / 255.0;
    /* sRGB to linear light; 0.03928 is WCAG 2.1's threshold as written */
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double rg_look_luminance(uint32_t rgb)
{
    return 0.2126 * channel((rgb >> 16) & 0xFF) +
           0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

double rg_look_contrast(uint32_t ink, uint32_t fill)
{
    double a = rg_look_luminance(ink == RAG_NO_COLOR ? 0x000000u : ink);
    double b = rg_look_luminance(fill == RAG_NO_COLOR ? 0xFFFFFFu : fill);
    return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

uint32_t rg_look_ink(uint32_t fill)
{
    if (fill == RAG_NO_COLOR)
        return RAG_NO_COLOR;
    return rg_look_contrast(0x000000u, fill) >=
                   rg_look_contrast(0xFFFFFFu, fill)
               ? 0x000000u
               : 0xFFFFFFu;
}

uint32_t rg_look_keep_ink(uint32_t ink, uint32_t fill)
{
    if (rg_look_contrast(ink, fill) >= RG_LOOK_MIN_CONTRAST)
        return ink;
    return rg_look_ink(fill);
}

/* ---- words ---------------------------------------------------------- */

/* The status column's words for s: the first action of that status with
 * words of its own in the column. */
static const char *column_words(const rag_workbook *wb, const rag_plan *p,
                                rag_progress s, char *buf, size_t size)
{
    size_t i;

    if (!wb || p->status_col < 0 || p->sheet_index >= wb->sheet_count)
        return NULL;
    for (i = 0; i < p->action_count; i++) {
        const rag_cell *c;
        const char *t;
        size_t n;
        if (p->actions[i].status != s)
            continue;
        c = rg_sheet_cell_at(wb, p->sheet_index, p->actions[i].cell.row,
                             (uint32_t)p->status_col);
        if (!c || c->type != RAG_CELL_STRING || !c->text)
            continue;
        t = c->text;
        n = c->text_len;
        while (n && isspace((unsigned char)*t))
            t++, n--;
        while (n && isspace((unsigned char)t[n - 1]))
            n--;
        /* a status says itself in a few words; a sentence is a comment */
        if (!n || n >= size || n >= RG_LOOK_WORDS_SIZE)
            continue;
        /* a coloured symbol ("●") says it by its colour: no words */
        {
            size_t k;
            for (k = 0; k < n && !isalnum((unsigned char)t[k]); k++)
                ;
            if (k == n)
                continue;
        }
        memcpy(buf, t, n);
        buf[n] = '\0';
        return buf;
    }
    return NULL;
}

const char *rg_look_status_words(const rag_workbook *wb, const rag_plan *p,
                                 rag_progress s, char *buf, size_t size)
{
    const rag_legend_entry *e = rg_cv_legend_entry(p, s);
    const char *w;

    if (s == RAG_PROGRESS_NONE)
        return "No status";
    if (e && e->label && *e->label)
        return e->label;
    if (p && buf && size && (w = column_words(wb, p, s, buf, size)))
        return w;
    return rg_cv_status_words(s);
}

void rg_look_keep_words(const rag_workbook *wb, const rag_plan *p,
                        rg_look_words *out)
{
    int k;
    for (k = 0; k < RAG_PROGRESS_COUNT; k++)
        if (!column_words(wb, p, (rag_progress)k, out->w[k],
                          sizeof out->w[k]))
            out->w[k][0] = '\0';
}

const char *rg_look_status_words_kept(const rg_look_words *kept,
                                      const rag_plan *p, rag_progress s)
{
    const rag_legend_entry *e = rg_cv_legend_entry(p, s);

    if (s == RAG_PROGRESS_NONE)
        return "No status";
    if (e && e->label && *e->label)
        return e->label;
    if (p && kept && kept->w[s][0])
        return kept->w[s];
    return rg_cv_status_words(s);
}

/* ---- month codes -------------------------------------------------------- */

/* Words that carry no meaning in a code ("Up to 1 month late": U1M). */
static bool filler(const char *w, size_t n)
{
    static const char *const words[] = {"a", "an", "and", "by", "for", "in",
                                        "of", "or", "than", "the", "to",
                                        "with", NULL};
    size_t i;
    for (i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], w, n))
            return true;
    return false;
}

/* Initials of words's meaningful words (a number stays whole), at most
 * three characters, upper case.  extra > 0 takes that many more letters
 * of the first word, to tell two codes apart. */
static void initials(const char *words, int extra, char *out)
{
    const char *p = words;
    size_t k = 0, j;
    bool first = true;

    while (*p && k < 3) {
        const char *w;
        size_t n;
        while (*p && !isalnum((unsigned char)*p))
            p++;
        w = p;
        while (isalnum((unsigned char)*p))
            p++;
        n = (size_t)(p - w);
        if (!n || (filler(w, n) && k))
            continue;
        if (isdigit((unsigned char)*w)) {
            for (j = 0; j < n && k < 3; j++)
                out[k++] = w[j];
        } else {
            out[k++] = (char)toupper((unsigned char)*w);
            for (j = 1; first && j <= (size_t)extra && j < n && k < 3; j++)
                out[k++] = (char)toupper((unsigned char)w[j]);
        }
        first = false;
    }
    out[k] = '\0';
}

/* Recognition reads a month cell's words before its colour: a code must
 * never be a status word ("RED" reads as over a month behind). */
static bool is_status_word(const char *code)
{
    return !strcasecmp(code, "red") || !strcasecmp(code, "no");
}

static void code_of(const rag_plan *p, rag_progress s, char *out)
{
    char taken[RAG_PROGRESS_COUNT][RG_LOOK_CODE_SIZE];
    int q;

    /* the codes of the statuses before s are settled first, so each
     * status gets the same code whichever is asked for */
    for (q = RAG_PROGRESS_NONE + 1; q <= (int)s; q++) {
        const char *w = rg_look_status_words(NULL, p, (rag_progress)q, NULL,
                                             0);
        int extra, k;
        bool clash = true;
        for (extra = 0; extra < 3 && clash; extra++) {
            initials(w, extra, taken[q]);
            clash = !taken[q][0] || is_status_word(taken[q]) ||
                    !strcmp(taken[q], "?");
            for (k = RAG_PROGRESS_NONE + 1; k < q && !clash; k++)
                clash = !strcmp(taken[k], taken[q]);
        }
        if (clash) { /* two keys' words alike even in their letters */
            size_t n = strlen(taken[q]) > 2 ? 2 : strlen(taken[q]);
            taken[q][n] = (char)('0' + q); /* q < RAG_PROGRESS_COUNT */
            taken[q][n + 1] = '\0';
        }
    }
    memcpy(out, taken[s], RG_LOOK_CODE_SIZE);
}

const char *rg_look_code(const rag_plan *p, rag_progress s, char *out)
{
    if ((unsigned)s >= RAG_PROGRESS_COUNT || s == RAG_PROGRESS_NONE) {
        snprintf(out, RG_LOOK_CODE_SIZE, "?");
        return out;
    }
    code_of(p, s, out);
    return out;
}

bool rg_look_is_code(const rag_plan *p, const char *text, size_t len)
{
    char code[RG_LOOK_CODE_SIZE];
    int s;

    if (len == 1 && text[0] == '?')
        return true;
    for (s = RAG_PROGRESS_NONE + 1; s < RAG_PROGRESS_COUNT; s++) {
        const char *std = rg_cv_status_code((rag_progress)s);
        rg_look_code(p, (rag_progress)s, code);
        if ((strlen(code) == len && !memcmp(code, text, len)) ||
            (strlen(std) == len && !memcmp(std, text, len)))
            return true;
    }
    return false;
}

/* ---- printing ------------------------------------------------------------ */

rag_status rg_look_print(rag_wsheet *ws, uint32_t first, uint32_t last,
                         rag_error *err)
{
    rag_page_setup ps;

    memset(&ps, 0, sizeof ps);
    ps.landscape = true;
    ps.paper = 9; /* A4: council papers are printed in the UK */
    ps.fit_to_page = true;
    ps.fit_width = 1;
    ps.fit_height = 0; /* as many pages down as it takes */
    ps.has_margins = true;
    /* half-inch margins: room for a hole punch, more of the page for the
     * table than Excel's 0.7 inch */
    ps.margin_left = ps.margin_right = 0.5;
    ps.margin_top = ps.margin_bottom = 0.6;
    ps.margin_header = ps.margin_footer = 0.3;
    ps.footer = "&L&A&RPage &P of &N";
    rag_wsheet_page_setup(ws, &ps);
    if (last < first)
        return RAG_OK;
    return rag_wsheet_repeat_rows(ws, first, last, err);
}
