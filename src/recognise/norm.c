/*
 * Normal form and matching for the vocabularies (vocab.h): text is
 * lowercased and cut into words and symbols once, so a table entry
 * matches however the cell spaces or punctuates it ("+/- Target :" and
 * "+ / - Target" are one label).
 */
#include <string.h>

#include "recognise/vocab.h"

/* ---- normal form ------------------------------------------------------ */

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

typedef struct norm_out {
    char *buf;
    size_t size, len;
    bool in_word;
} norm_out;

static void out_sep(norm_out *o)
{
    o->in_word = false;
}

static void out_byte(norm_out *o, char c, bool word)
{
    if (o->len && (!word || !o->in_word) && o->buf[o->len - 1] != ' ') {
        if (o->len + 1 < o->size)
            o->buf[o->len++] = ' ';
    }
    if (o->len + 1 < o->size)
        o->buf[o->len++] = c;
    o->in_word = word;
}

static void out_symbol(norm_out *o, const char *sym)
{
    size_t i;
    out_sep(o);
    out_byte(o, sym[0], false);
    for (i = 1; sym[i]; i++)
        if (o->len + 1 < o->size)
            o->buf[o->len++] = sym[i];
    o->in_word = false;
}

size_t rg_norm(const char *s, size_t len, char *buf, size_t size)
{
    norm_out o = {buf, size, 0, false};
    size_t i = 0;

    if (!size)
        return 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        const unsigned char *u = (const unsigned char *)s + i;
        size_t left = len - i;

        if (c >= 'A' && c <= 'Z') {
            out_byte(&o, (char)(c - 'A' + 'a'), true);
            i++;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out_byte(&o, (char)c, true);
            i++;
        } else if (c == '\'' && o.in_word && i + 1 < len &&
                   is_word_byte((unsigned char)s[i + 1])) {
            i++; /* RSL's -> rsls */
        } else if (c == '+' || c == '-' || c == '/' || c == '%' ||
                   c == '&' || c == '#' || c == '?') {
            char sym[2] = {(char)c, 0};
            out_symbol(&o, sym);
            i++;
        } else if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA3) {
            out_symbol(&o, "£");
            i += 2;
        } else if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
                   (u[2] == 0x93 || u[2] == 0x94 || u[2] == 0x92)) {
            out_symbol(&o, "-"); /* en dash, em dash, figure dash */
            i += 3;
        } else if (left >= 3 && u[0] == 0xE2 && u[1] == 0x88 &&
                   u[2] == 0x92) {
            out_symbol(&o, "-"); /* minus sign */
            i += 3;
        } else if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
                   (u[2] == 0x98 || u[2] == 0x99)) {
            /* curly apostrophe: inside a word it is dropped */
            if (!(o.in_word && i + 3 < len &&
                  is_word_byte((unsigned char)s[i + 3])))
                out_sep(&o);
            i += 3;
        } else if (left >= 2 && u[0] == 0xC2 && u[1] == 0xB1) {
            out_symbol(&o, "+"); /* plus-minus reads as "+ / -" */
            out_symbol(&o, "/");
            out_symbol(&o, "-");
            i += 2;
        } else if (left >= 2 && u[0] == 0xC2 &&
                   (u[1] == 0xA0 || u[1] == 0xB7)) {
            out_sep(&o); /* no-break space, middle dot */
            i += 2;
        } else if (c >= 0x80) {
            out_byte(&o, (char)c, true);
            i++;
        } else {
            out_sep(&o);
            i++;
        }
    }
    while (o.len && buf[o.len - 1] == ' ')
        o.len--;
    buf[o.len] = '\0';
    return o.len;
}

/* ---- matching --------------------------------------------------------- */

/* Length matched when norm starts with w at a word boundary (a plural "s"
 * allowed), else 0. */
static size_t starts_with_word(const char *norm, const char *w)
{
    size_t n;
    if (norm[0] != w[0])
        return 0; /* most entries differ at once */
    n = strlen(w);
    if (strncmp(norm, w, n) != 0)
        return 0;
    if (norm[n] == '\0' || norm[n] == ' ')
        return n;
    if (norm[n] == 's' && (norm[n + 1] == '\0' || norm[n + 1] == ' '))
        return n + 1;
    return 0;
}

int rg_vocab_prefix(const rg_word *t, const char *norm)
{
    size_t best = 0;
    int value = -1;
    for (; t->text; t++) {
        size_t n = starts_with_word(norm, t->text);
        if (n > best) {
            best = n;
            value = t->value;
        }
    }
    return value;
}

int rg_vocab_exact(const rg_word *t, const char *norm)
{
    size_t len = strlen(norm);
    for (; t->text; t++) {
        size_t n = starts_with_word(norm, t->text);
        if (n && n == len)
            return t->value;
    }
    return -1;
}

static const char *find_word(const char *norm, const char *w)
{
    size_t n = strlen(w);
    const char *p = norm;

    if (!n)
        return NULL;
    while ((p = strstr(p, w)) != NULL) {
        bool left = p == norm || p[-1] == ' ';
        bool right = p[n] == '\0' || p[n] == ' ' ||
                     (p[n] == 's' && (p[n + 1] == '\0' || p[n + 1] == ' '));
        if (left && right)
            return p;
        p++;
    }
    return NULL;
}

int rg_vocab_find(const rg_word *t, const char *norm, size_t *at)
{
    for (; t->text; t++) {
        const char *p = find_word(norm, t->text);
        if (p) {
            if (at)
                *at = (size_t)(p - norm);
            return t->value;
        }
    }
    return -1;
}

/* Words that say when, before what a label is: "Q2 Performance",
 * "2023/24 Target", "Year to date actual". */
static const rg_word period_words[] = {
    {"q1", 1}, {"q2", 1}, {"q3", 1}, {"q4", 1}, {"quarter", 1},
    {"qtr", 1}, {"ytd", 1}, {"fy", 1}, {"year", 1}, {"to", 1}, {"date", 1},
    {"annual", 1}, {"current", 1}, {"this", 1}, {"period", 1},
    {"month", 1}, {"end", 1}, {"of", 1}, {"/", 1}, {"-", 1}, {NULL, 0}};

const char *rg_norm_skip_period(const char *norm)
{
    const char *p = norm, *last_ok = norm;

    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p), k;
        char word[16];
        bool digits = n > 0;
        if (n >= sizeof word)
            break;
        memcpy(word, p, n);
        word[n] = '\0';
        for (k = 0; k < n; k++)
            if (word[k] < '0' || word[k] > '9')
                digits = false;
        if (!digits && rg_vocab_exact(period_words, word) <= 0 &&
            rg_vocab_exact(rg_month_words, word) <= 0)
            break;
        if (!sp)
            return norm; /* nothing but period words */
        p = sp + 1;
        last_ok = p;
    }
    return last_ok;
}

bool rg_norm_has(const char *norm, const char *word)
{
    return find_word(norm, word) != NULL;
}
