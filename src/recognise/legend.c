/*
 * Legends: what each colour means, in the council's own words.  An entry
 * is a status word ("On target", "Up to 1 month late", "Suspended") beside
 * a coloured cell, or written inside one, in a group of two or more, on
 * any sheet.  The colours themselves mean nothing until a legend says so.
 */
#include <string.h>

#include "model/rules.h"
#include "recognise/recognise.h"

#define MAX_LABEL 60
#define MAX_WORDS 8

/* A key's code is what a month cell holds for the status: "G", "A", "R",
 * "C", "NS", "B/G".  Three characters is the most seen in keys; more is a
 * word. */
#define MAX_CODE 3

typedef struct cand {
    rag_progress status;
    char code[MAX_CODE + 1]; /* "" when none */
    uint32_t row, col;       /* the words */
    uint32_t frow, fcol;     /* the colour */
    uint32_t fill;
    bool self;               /* the colour is the words' own cell */
    bool keep;
    const char *text;
    size_t len;
} cand;

static size_t word_count(const char *norm)
{
    size_t n = 0;
    bool in = false;
    for (; *norm; norm++) {
        if (*norm == ' ')
            in = false;
        else if (!in) {
            in = true;
            n++;
        }
    }
    return n;
}

/* The text at (r, c) is one colour's name ("Green", "Amber", "BLUE"). */
static bool colour_name(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t len = 0, i;
    uint32_t usual;
    const char *t = rg_text(v, r, c, &len);

    if (!t || len > 12)
        return false;
    for (i = 0; i < len; i++)
        if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')))
            return false;
    return rg_family_of_word(t, len, &usual) != RG_FAMILY_NONE;
}

/* A coloured cell with no words of its own at (r, c)?  A letter or two
 * ("G", "A", "R") may mark it, or its colour's name ("Green" in green
 * beside "On track": the words beside say what it means). */
static bool swatch(const rg_view *v, uint32_t r, int64_t c, uint32_t *fill)
{
    size_t len = 0;
    if (c < 0 || c >= (int64_t)v->cols + 1)
        return false;
    *fill = rg_fill(v, r, (uint32_t)c);
    if (*fill == RAG_NO_COLOR)
        return false;
    if (!rg_has_value(v, r, (uint32_t)c))
        return true;
    return (rg_text(v, r, (uint32_t)c, &len) && len <= 3) ||
           colour_name(v, r, (uint32_t)c);
}

/* s[0..len) is a code: 1..MAX_CODE letters, digits or '/' '*', with a
 * letter; copied upper-case into code. */
static bool code_text(const char *s, size_t len, char *code)
{
    size_t i;
    bool letter = false;
    if (!len || len > MAX_CODE)
        return false;
    for (i = 0; i < len; i++) {
        char ch = s[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
            letter = true;
        else if (!(ch >= '0' && ch <= '9') && ch != '/' && ch != '*' &&
                 ch != '+')
            return false;
        code[i] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 32) : ch;
    }
    code[len] = '\0';
    return letter;
}

bool rg_key_code(const char *s, size_t len)
{
    char code[MAX_CODE + 1];
    return s && code_text(s, len, code);
}

/* "G = On track", "G - On track", "G: On track", "(G) On track": the
 * code, and where the words start; false when s is not so written. */
static bool inline_code(const char *s, size_t len, char *code, size_t *words)
{
    size_t i = 0, a, e;
    bool bracket = false;
    if (len && s[0] == '(') {
        bracket = true;
        i = 1;
    }
    a = i;
    while (i < len && s[i] != ' ' && s[i] != '=' && s[i] != ':' &&
           s[i] != ')' && s[i] != '-')
        i++;
    e = i;
    for (i = a; i < e; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return false; /* "Re-planned": a word, not a code */
    i = e;
    if (!code_text(s + a, e - a, code))
        return false;
    if (bracket) {
        if (i >= len || s[i] != ')')
            return false;
        i++;
    }
    while (i < len && s[i] == ' ')
        i++;
    if (i < len && (s[i] == '=' || s[i] == ':' ||
                    (s[i] == '-' && i > e))) { /* "G - On track" */
        i++;
    } else if (i + 3 <= len && (unsigned char)s[i] == 0xE2 &&
               (unsigned char)s[i + 1] == 0x80) {
        i += 3; /* an en or em dash */
    } else if (!bracket) {
        return false;
    }
    while (i < len && s[i] == ' ')
        i++;
    if (i >= len)
        return false;
    *words = i;
    return true;
}

static bool candidate(const rg_view *v, uint32_t r, uint32_t c, cand *out)
{
    char norm[128];
    size_t len;
    const char *t = rg_text(v, r, c, &len);
    int s;
    uint32_t fill;

    char code[MAX_CODE + 1] = "";
    size_t at = 0, clen;
    const char *ct;

    if (!t || len > MAX_LABEL)
        return false;
    /* a colour's name in its colour, with the entry's words beside: the
     * swatch of that entry, not an entry of its own */
    if (colour_name(v, r, c) && rg_fill(v, r, c) != RAG_NO_COLOR &&
        (ct = rg_text(v, r, c + 1, &clen)) != NULL &&
        rg_status_of(ct, clen) != RAG_PROGRESS_NONE)
        return false;
    if (inline_code(t, len, code, &at)) {
        t += at; /* "G = On track": the words after the code */
        len -= at;
    } else {
        code[0] = '\0';
    }
    rg_norm_cell(v, t, len, norm, sizeof norm);
    if (word_count(norm) > MAX_WORDS)
        return false;
    s = (int)rg_status_of(t, len);
    if (s <= 0)
        return false;
    memset(out, 0, sizeof *out);
    out->status = (rag_progress)s;
    out->row = r;
    out->col = c;
    out->text = t;
    out->len = len;
    out->frow = r;
    /* "G" | "On track"; a colour's name ("Red") is no code */
    if (!code[0] && c >= 1 && (ct = rg_text(v, r, c - 1, &clen)) != NULL &&
        !colour_name(v, r, c - 1))
        code_text(ct, clen, code);
    if (!code[0] && c >= 2 && !rg_has_value(v, r, c - 1) &&
        (ct = rg_text(v, r, c - 2, &clen)) != NULL &&
        !colour_name(v, r, c - 2))
        code_text(ct, clen, code); /* "G" | | "On track" */
    memcpy(out->code, code, sizeof code);
    if (swatch(v, r, (int64_t)c - 1, &fill)) {
        out->fcol = c - 1;
    } else if (c >= 2 && !rg_has_value(v, r, c - 1) &&
               swatch(v, r, (int64_t)c - 2, &fill)) {
        out->fcol = c - 2; /* [colour] [gap] words */
    } else if (swatch(v, r, (int64_t)c + 1, &fill)) {
        out->fcol = c + 1;
    } else {
        fill = rg_fill(v, r, c);
        if (fill == RAG_NO_COLOR && !code[0])
            return false;
        out->fcol = c;
        out->self = fill != RAG_NO_COLOR;
    }
    out->fill = fill;
    return true;
}

static bool near(const cand *a, const cand *b)
{
    uint32_t dr = a->row > b->row ? a->row - b->row : b->row - a->row;
    uint32_t dc = a->col > b->col ? a->col - b->col : b->col - a->col;
    return dr <= 3 && dc <= 8;
}

rag_progress rg_legend_code(const rag_legend_entry *legend, size_t count,
                            const char *text, size_t len)
{
    char code[MAX_CODE + 1];
    size_t i;
    if (!text || !code_text(text, len, code))
        return RAG_PROGRESS_NONE;
    for (i = 0; i < count; i++)
        if (legend[i].code && !strcmp(legend[i].code, code))
            return legend[i].status;
    return RAG_PROGRESS_NONE;
}

rag_progress rg_legend_status(const rag_legend_entry *legend, size_t count,
                              uint32_t fill)
{
    size_t i, match = count;
    rg_family f;

    if (fill == RAG_NO_COLOR)
        return RAG_PROGRESS_NONE;
    for (i = 0; i < count; i++)
        if (legend[i].fill == fill)
            return legend[i].status;
    /* a key that names its colours: any shade of a named colour, when the
     * key names that colour once */
    f = rg_family_of_fill(fill);
    for (i = 0; i < count && f != RG_FAMILY_NONE; i++) {
        if (!legend[i].by_name || rg_family_of_fill(legend[i].fill) != f)
            continue;
        if (match < count && legend[match].status != legend[i].status)
            return RAG_PROGRESS_NONE;
        match = i;
    }
    return match < count ? legend[match].status : RAG_PROGRESS_NONE;
}

/* ---- keys in words --------------------------------------------------------- */

/* A key in words has at least two entries: one "Green = done" alone is a
 * sentence, not a key. */
#define MIN_NAMED 2

static bool push_named(rag_model *m, const rg_view *v, uint32_t r,
                       uint32_t c, uint32_t usual, const char *label,
                       size_t len, rag_legend_entry **out, size_t *count)
{
    rag_legend_entry *e;
    rag_progress st;

    while (len && (label[len - 1] == ' ' || label[len - 1] == '.'))
        len--;
    if (!len || len > MAX_LABEL)
        return true;
    st = rg_status_of(label, len);
    if (st == RAG_PROGRESS_NONE)
        return true;
    e = rg_vec_push((void **)out, count, sizeof *e);
    if (!e)
        return false;
    memset(e, 0, sizeof *e);
    e->status = st;
    e->label = rg_model_strndup(m, label, len);
    e->fill = usual;
    e->cell = rg_loc(r, c);
    e->sheet_index = v->index;
    e->by_name = true;
    return e->label != NULL;
}

/* The entries of one cell's text: "<colour> = <words>" (or ':' '-' an
 * en dash), one after another, separated by ';' ',' '|' or a new line, or
 * only by the next colour word.  Returns the entries found (0 when the
 * text is no such key). */
static size_t named_in_text(const char *t, size_t len, size_t *at,
                            size_t *wlen, uint32_t *usual, size_t max)
{
    size_t i = 0, n = 0;

    while (i < len && n < max) {
        size_t w = i, e;
        uint32_t u;
        /* a word at a word boundary */
        if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')) ||
            (i > 0 && ((t[i - 1] >= 'A' && t[i - 1] <= 'Z') ||
                       (t[i - 1] >= 'a' && t[i - 1] <= 'z')))) {
            i++;
            continue;
        }
        while (w < len && ((t[w] >= 'A' && t[w] <= 'Z') ||
                           (t[w] >= 'a' && t[w] <= 'z')))
            w++;
        if (rg_family_of_word(t + i, w - i, &u) == RG_FAMILY_NONE) {
            i = w;
            continue;
        }
        e = w;
        while (e < len && t[e] == ' ')
            e++;
        if (e < len && (t[e] == '=' || t[e] == ':' || t[e] == '-'))
            e++;
        else if (e + 2 < len && (unsigned char)t[e] == 0xE2 &&
                 (unsigned char)t[e + 1] == 0x80 &&
                 ((unsigned char)t[e + 2] == 0x93 ||
                  (unsigned char)t[e + 2] == 0x94))
            e += 3; /* an en or em dash */
        else {
            i = w;
            continue;
        }
        while (e < len && t[e] == ' ')
            e++;
        at[n] = e;
        usual[n] = u;
        /* the words run to a separator or the next "<colour> =" */
        wlen[n] = 0;
        i = e;
        while (i < len && t[i] != ';' && t[i] != ',' && t[i] != '|' &&
               t[i] != '\n') {
            size_t k = i, j;
            uint32_t uu;
            if (i > e && t[i - 1] == ' ' &&
                ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z'))) {
                while (k < len && ((t[k] >= 'A' && t[k] <= 'Z') ||
                                   (t[k] >= 'a' && t[k] <= 'z')))
                    k++;
                j = k;
                while (j < len && t[j] == ' ')
                    j++;
                if (rg_family_of_word(t + i, k - i, &uu) != RG_FAMILY_NONE &&
                    j < len && (t[j] == '=' || t[j] == ':' ||
                                (unsigned char)t[j] == 0xE2))
                    break;
            }
            i++;
        }
        wlen[n] = i - e;
        n++;
    }
    return n;
}

/* A key of codes written in one cell: "Key: G = on track, A = at risk,
 * R = off track, C = complete" (entries separated by ',' ';' '|' or a new
 * line, each as inline_code reads one cell's).  Pushes each entry whose
 * words are a status; returns how many, 0 when the text is no such key.
 * The entries carry no colour: they explain the letters cells hold. */
static size_t push_codes_in_text(rag_model *m, const rg_view *v, uint32_t r,
                                 uint32_t c, const char *t, size_t len,
                                 rag_legend_entry **out, size_t *count,
                                 bool *nomem)
{
    size_t i = 0, found = 0, at0 = *count;

    /* "Key:" or "Key -" before the entries */
    if (len > 4 && (t[0] == 'K' || t[0] == 'k') && (t[1] == 'e' || t[1] == 'E') &&
        (t[2] == 'y' || t[2] == 'Y')) {
        i = 3;
        while (i < len && (t[i] == ' ' || t[i] == ':' || t[i] == '-'))
            i++;
    }
    while (i < len) {
        size_t end = i, words, wl;
        char code[MAX_CODE + 1];
        rag_legend_entry *e;
        rag_progress st;

        while (end < len && t[end] != ',' && t[end] != ';' && t[end] != '|' &&
               t[end] != '\n')
            end++;
        while (i < end && t[i] == ' ')
            i++;
        if (!inline_code(t + i, end - i, code, &words))
            goto none; /* every entry a code's, or no key */
        wl = end - i - words;
        while (wl && (t[i + words + wl - 1] == ' ' ||
                      t[i + words + wl - 1] == '.'))
            wl--;
        st = wl && wl <= MAX_LABEL ? rg_status_of(t + i + words, wl)
                                   : RAG_PROGRESS_NONE;
        if (st == RAG_PROGRESS_NONE)
            goto none;
        if (!(e = rg_vec_push((void **)out, count, sizeof *e))) {
            *nomem = true;
            goto none;
        }
        memset(e, 0, sizeof *e);
        e->status = st;
        e->label = rg_model_strndup(m, t + i + words, wl);
        e->code = rg_model_strndup(m, code, strlen(code));
        e->fill = RAG_NO_COLOR;
        e->cell = rg_loc(r, c);
        e->sheet_index = v->index;
        if (!e->label || !e->code) {
            *nomem = true;
            goto none;
        }
        found++;
        i = end + 1;
    }
    if (found >= MIN_NAMED)
        return found;
none:
    *count = at0; /* a sentence with a code in it is no key */
    return 0;
}

/* An entry naming two statuses, "Milestone achieved / on schedule", is
 * read as the first the vocabulary lists: complete.  Where another entry
 * of the key means complete alone ("Milestone completed" in blue), the
 * green one is the other meaning, on schedule; else every green month
 * would read as done and the key as giving "complete" two colours.  The
 * same holds for a key of letters ("G = Completed or on track" beside
 * "C = Done"). */
static void settle_two_meanings(rag_legend_entry *e, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        size_t len = e[i].label ? strlen(e[i].label) : 0;
        if (e[i].status != RAG_PROGRESS_COMPLETE ||
            !rg_status_names(e[i].label, len, RAG_PROGRESS_ON_TARGET))
            continue;
        for (j = 0; j < n; j++)
            if (j != i && e[j].status == RAG_PROGRESS_COMPLETE &&
                !rg_status_names(e[j].label,
                                 e[j].label ? strlen(e[j].label) : 0,
                                 RAG_PROGRESS_ON_TARGET)) {
                e[i].status = RAG_PROGRESS_ON_TARGET;
                break;
            }
    }
}

bool rg_find_named_legend(rag_model *m, const rg_view *v,
                          rag_legend_entry **out, size_t *count)
{
    /* 8 entries: a key has four or five; more in one cell is prose */
    size_t at[8], wl[8], i;
    uint32_t usual[8], r;

    *out = NULL;
    *count = 0;
    for (r = 0; r < v->rows; r++) {
        size_t n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            size_t len, k, found;
            const char *t;
            if (rg_claimed(v, r, cell_col))
                continue;
            t = rg_text(v, r, cell_col, &len);
            if (!t || len > 400)
                continue;
            found = named_in_text(t, len, at, wl, usual, 8);
            if (!found) {
                bool nomem = false;
                push_codes_in_text(m, v, r, cell_col, t, len, out, count,
                                   &nomem);
                if (nomem) {
                    rg_free(*out);
                    *out = NULL;
                    *count = 0;
                    return false;
                }
                continue;
            }
            for (k = 0; k < found; k++)
                if (!push_named(m, v, r, cell_col, usual[k], t + at[k],
                                wl[k], out, count)) {
                    rg_free(*out);
                    *out = NULL;
                    *count = 0;
                    return false;
                }
        }
    }
    /* all in one cell or one entry a cell, a key has MIN_NAMED entries */
    if (*count < MIN_NAMED) {
        rg_free(*out);
        *out = NULL;
        *count = 0;
    }
    settle_two_meanings(*out, *count);
    return true;
}

bool rg_find_legend(rag_model *m, const rg_view *v, rag_legend_entry **out,
                    size_t *count)
{
    cand *cs = NULL;
    size_t nc = 0, i, j;
    uint32_t r;
    bool ok = true;

    *out = NULL;
    *count = 0;
    for (r = 0; r < v->rows && ok; r++) {
        size_t n = rg_row_count(v, r);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, r, i);
            cand c, *slot;
            if (rg_claimed(v, r, cell_col) ||
                !candidate(v, r, cell_col, &c))
                continue;
            slot = rg_vec_push((void **)&cs, &nc, sizeof *cs);
            if (!slot) {
                ok = false;
                break;
            }
            *slot = c;
        }
    }
    /* keep entries that have company; words in their own coloured cells
     * count only when the colours differ (a styled list is no legend) */
    for (i = 0; i < nc && ok; i++) {
        for (j = 0; j < nc && !cs[i].keep; j++)
            if (j != i && near(&cs[i], &cs[j]) &&
                (!cs[i].self || !cs[j].self || cs[i].fill != cs[j].fill))
                cs[i].keep = true;
    }
    for (i = 0; i < nc && ok; i++) {
        rag_legend_entry *e;
        bool dup = false;
        if (!cs[i].keep)
            continue;
        for (j = 0; j < *count && !dup; j++) {
            const rag_legend_entry *o = &(*out)[j];
            if (o->status == cs[i].status && o->fill == cs[i].fill &&
                strlen(o->label) == cs[i].len &&
                !memcmp(o->label, cs[i].text, cs[i].len))
                dup = true; /* the same key, printed again on each page */
        }
        if (dup)
            continue;
        e = rg_vec_push((void **)out, count, sizeof *e);
        if (!e) {
            ok = false;
            break;
        }
        e->status = cs[i].status;
        e->label = rg_model_strndup(m, cs[i].text, cs[i].len);
        e->fill = cs[i].fill;
        e->cell = rg_loc(cs[i].frow, cs[i].fcol);
        e->sheet_index = v->index;
        if (cs[i].code[0]) {
            e->code = rg_model_strndup(m, cs[i].code, strlen(cs[i].code));
            if (!e->code)
                ok = false;
        }
        if (!e->label)
            ok = false;
    }
    rg_free(cs);
    if (!ok) {
        rg_free(*out);
        *out = NULL;
        *count = 0;
    }
    if (ok)
        settle_two_meanings(*out, *count);
    return ok;
}
