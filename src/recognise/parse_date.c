/*
 * Dates in words, the UK way: day first; two-digit years are 2000-2069 or
 * 1970-1999; "2023/24" is a financial year, never a date.
 */
#include <ctype.h>
#include <string.h>

#include "model/rules.h"
#include "recognise/parse.h"
#include "recognise/vocab.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
    return is_digit(c) || is_alpha(c);
}

/* Read up to max digits at *i; the count read (0: none). */
static int digits(const char *s, size_t len, size_t *i, int max, int *value)
{
    int n = 0, v = 0;
    while (*i < len && is_digit(s[*i]) && n < max + 1) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    *value = v;
    return n;
}

static int full_year(int y, int ndigits)
{
    if (ndigits == 2)
        return rg_two_digit_year(y);
    return y;
}

/* A month word at *i ("Sept", "September", "sep."); 1..12 or 0. */
static int month_word(const char *s, size_t len, size_t *i)
{
    char word[16];
    size_t j = *i, n = 0;
    int m;

    while (j < len && is_alpha(s[j]) && n + 1 < sizeof word) {
        word[n++] = (char)tolower((unsigned char)s[j]);
        j++;
    }
    if (n < 3 || (j < len && is_alpha(s[j])))
        return 0;
    word[n] = '\0';
    m = rg_vocab_exact(rg_month_words, word);
    if (m <= 0 || !strcmp(word, "mays"))
        return 0;
    if (j < len && s[j] == '.')
        j++;
    *i = j;
    return m;
}

static void skip_spaces(const char *s, size_t len, size_t *i)
{
    while (*i < len && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n'))
        (*i)++;
}

/* "st", "nd", "rd", "th" after a day. */
static void skip_ordinal(const char *s, size_t len, size_t *i)
{
    if (*i + 1 < len) {
        char a = (char)tolower((unsigned char)s[*i]);
        char b = (char)tolower((unsigned char)s[*i + 1]);
        if (((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
             (a == 'r' && b == 'd') || (a == 't' && b == 'h')) &&
            (*i + 2 >= len || !is_alpha(s[*i + 2])))
            *i += 2;
    }
}

/* A date starting exactly at i; 1 valid, -1 no such day, 0 none. */
static int date_at(const char *s, size_t len, size_t i, rag_date *out,
                   size_t *end)
{
    size_t j = i;
    int a, b, c, na, nb, nc, m;

    if (is_digit(s[i])) {
        na = digits(s, len, &j, 4, &a);
        if (na > 4)
            return 0;
        /* d/m/y, d.m.y, d-m-y and y-m-d */
        if (j < len && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
            char sep = s[j];
            size_t k = j + 1;
            nb = digits(s, len, &k, 2, &b);
            if (nb >= 1 && nb <= 2 && k < len && s[k] == sep) {
                size_t l = k + 1;
                nc = digits(s, len, &l, 4, &c);
                if ((l < len && (is_alnum(s[l]) ||
                                 ((s[l] == '/' || s[l] == '-') &&
                                  l + 1 < len && is_digit(s[l + 1])))))
                    return 0;
                if (na == 4 && nc >= 1 && nc <= 2 && sep != '.') {
                    out->year = a, out->month = b, out->day = c;
                } else if (na <= 2 && (nc == 2 || nc == 4)) {
                    out->year = full_year(c, nc), out->month = b,
                    out->day = a;
                } else {
                    return 0;
                }
                *end = l;
                return rg_date_valid(out->year, out->month, out->day) ? 1
                                                                      : -1;
            }
        }
        /* 7 September 2009, 7th Sept 09, 7-Sep-09, 7 of May 2010 */
        if (na > 2)
            return 0;
        skip_ordinal(s, len, &j);
        if (j < len && (s[j] == ' ' || s[j] == '-'))
            j++;
        skip_spaces(s, len, &j);
        skip_ordinal(s, len, &j); /* "24 th September" */
        skip_spaces(s, len, &j);
        if (j + 3 < len && !strncmp(s + j, "of ", 3))
            j += 3;
        m = month_word(s, len, &j);
        if (!m)
            return 0;
        if (j < len && (s[j] == ',' || s[j] == '-'))
            j++;
        skip_spaces(s, len, &j);
        if (j < len && s[j] == '\'')
            j++;
        nc = digits(s, len, &j, 4, &c);
        if ((nc != 2 && nc != 4) || (j < len && is_alnum(s[j])))
            return 0;
        if (j < len && s[j] == '/' && j + 1 < len && is_digit(s[j + 1]))
            return 0; /* "1 April 2023/24" reads as a year span */
        out->year = full_year(c, nc), out->month = m, out->day = a;
        *end = j;
        return rg_date_valid(out->year, m, a) ? 1 : -1;
    }
    /* September 7, 2009 */
    m = month_word(s, len, &j);
    if (!m)
        return 0;
    skip_spaces(s, len, &j);
    na = digits(s, len, &j, 2, &a);
    if (na < 1 || na > 2)
        return 0;
    skip_ordinal(s, len, &j);
    if (j < len && s[j] == ',')
        j++;
    skip_spaces(s, len, &j);
    nc = digits(s, len, &j, 4, &c);
    if (nc != 4 || (j < len && is_alnum(s[j])))
        return 0;
    out->year = c, out->month = m, out->day = a;
    *end = j;
    return rg_date_valid(c, m, a) ? 1 : -1;
}

int rg_find_date(const char *s, size_t len, size_t from, rag_date *out,
                 size_t *start, size_t *end)
{
    size_t i, e = 0;
    rag_date d = {0, 0, 0};

    for (i = from; i < len; i++) {
        int r;
        if (!is_alnum(s[i]))
            continue;
        if (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '/' ||
                      s[i - 1] == '.' ||
                      (s[i - 1] == '-' && i > 1 && is_digit(s[i - 2]))))
            continue;
        r = date_at(s, len, i, &d, &e);
        if (r) {
            *out = d;
            if (start)
                *start = i;
            if (end)
                *end = e;
            return r;
        }
    }
    return 0;
}

bool rg_find_fy(const char *s, size_t len, int *start_year)
{
    size_t i;

    for (i = 0; i < len; i++) {
        size_t j = i;
        int a, b, na, nb;

        if (!is_digit(s[i]) || (i > 0 && (is_alnum(s[i - 1]) ||
                                          s[i - 1] == '/' ||
                                          s[i - 1] == '.')))
            continue;
        na = digits(s, len, &j, 4, &a);
        if ((na != 2 && na != 4) || j >= len ||
            (s[j] != '/' && s[j] != '-'))
            continue;
        j++;
        skip_spaces(s, len, &j);
        nb = digits(s, len, &j, 4, &b);
        if ((nb != 2 && nb != 4) || (j < len && is_digit(s[j])))
            continue;
        if (j < len && (s[j] == '/' || s[j] == '.') && j + 1 < len &&
            is_digit(s[j + 1]))
            continue; /* a date, d/m/y */
        if (na == 4) {
            if ((nb == 2 && b == (a + 1) % 100) || (nb == 4 && b == a + 1)) {
                *start_year = a;
                return true;
            }
        } else if (nb == 2 && b == (a + 1) % 100 && s[i + 2] == '/') {
            *start_year = 2000 + a;
            return true;
        }
    }
    return false;
}

bool rg_parse_month_label(const char *s, size_t len, int *month, int *year)
{
    char norm[RG_MONTH_LABEL_NORM];

    if (len > RG_MONTH_LABEL_MAX)
        return false;
    rg_norm(s, len, norm, sizeof norm);
    return rg_month_label_of_norm(norm, month, year);
}

bool rg_month_label_of_norm(char *norm, int *month, int *year)
{
    char *sp, *rest;
    int m, y = 0;

    sp = strchr(norm, ' ');
    if (sp)
        *sp = '\0';
    m = rg_vocab_exact(rg_month_words, norm);
    if (m <= 0 || !strcmp(norm, "mays"))
        return false;
    rest = sp ? sp + 1 : NULL;
    if (rest && (rest[0] == '-' || rest[0] == '/') && rest[1] == ' ')
        rest += 2;
    if (rest && *rest) {
        size_t n = strlen(rest), k;
        for (k = 0; k < n; k++)
            if (!is_digit(rest[k]))
                return false;
        if (n != 2 && n != 4)
            return false;
        y = 0;
        for (k = 0; k < n; k++)
            y = y * 10 + (rest[k] - '0');
        y = full_year(y, (int)n);
    }
    *month = m;
    *year = y;
    return true;
}

int rg_parse_quarter(const char *s, size_t len)
{
    char norm[RG_QUARTER_NORM];

    rg_norm(s, len < RG_QUARTER_MAX ? len : RG_QUARTER_MAX, norm,
            sizeof norm);
    return rg_quarter_of_norm(norm);
}

int rg_quarter_of_norm(const char *norm)
{
    int q = rg_vocab_prefix(rg_quarter_words, norm);
    return q > 0 ? q : 0;
}

rg_when rg_parse_when(const char *s, size_t len)
{
    rg_when w;
    rag_date d, first = {0, 0, 0};
    size_t i = 0, start = 0, end = 0, a = 0, b = len;
    int dates = 0, bad = 0, r;

    memset(&w, 0, sizeof w);
    while (a < b && isspace((unsigned char)s[a]))
        a++;
    while (b > a && (isspace((unsigned char)s[b - 1]) || s[b - 1] == '.'))
        b--;
    if (a == b) {
        w.empty = true;
        return w;
    }
    i = a;
    while ((r = rg_find_date(s, b, i, &d, &start, &end)) != 0) {
        if (r < 0)
            bad++;
        else if (!dates++)
            first = d;
        if (dates == 1 && r > 0 && start == a && end == b && !bad) {
            w.date = d;
            return w; /* one plain date */
        }
        i = end;
    }
    w.text = true;
    if (bad) {
        w.invalid = true;
        return w;
    }
    if (dates == 1)
        w.date = first;
    return w;
}
