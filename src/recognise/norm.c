/*
 * Normal form and matching for the vocabularies (vocab.h): text is
 * lowercased and cut into words and symbols once, so a table entry
 * matches however the cell spaces or punctuates it ("+/- Target :" and
 * "+ / - Target" are one label).
 */
#include <pthread.h>
#include <stdint.h>
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
 * allowed), else 0.  One pass, no strlen: the tables are scanned for
 * every heading of every sheet, and most entries differ at once. */
static size_t starts_with_word(const char *norm, const char *w)
{
    size_t n;
    if (norm[0] != w[0] || !w[0])
        return 0;
    for (n = 1; w[n] && norm[n] == w[n]; n++)
        ;
    if (w[n])
        return 0;
    if (norm[n] == '\0' || norm[n] == ' ')
        return n;
    if (norm[n] == 's' && (norm[n + 1] == '\0' || norm[n + 1] == ' '))
        return n + 1;
    return 0;
}

/* Words that say when, before what a label is: "Q2 Performance",
 * "2023/24 Target", "Year to date actual". */
static const rg_word period_words[] = {
    {"q1", 1}, {"q2", 1}, {"q3", 1}, {"q4", 1}, {"quarter", 1},
    {"qtr", 1}, {"ytd", 1}, {"fy", 1}, {"year", 1}, {"to", 1}, {"date", 1},
    {"annual", 1}, {"current", 1}, {"this", 1}, {"period", 1},
    {"month", 1}, {"end", 1}, {"of", 1}, {"/", 1}, {"-", 1}, {NULL, 0}};

/* ---- an index of the tables by first byte ------------------------------
 * rg_vocab_prefix and rg_vocab_exact can only match entries whose first
 * byte is norm's, so each table's entries are listed once per process by
 * first byte (table order kept within a byte, so ties go as before).
 * Built once under pthread_once: validate reads files on several threads.
 * Static storage, no allocation: a table that does not fit is scanned
 * whole, as before. */

#define IDX_TABLES 32     /* rg_vocab_tables has 19, and period_words */
#define IDX_ENTRIES 8192  /* about 1,200 entries in all today */

typedef struct vocab_index {
    const rg_word *table;
    uint16_t start[257];  /* entries of first byte b: order[start[b]..
                             start[b + 1]) */
} vocab_index;

static vocab_index idx[IDX_TABLES];
static uint16_t idx_order[IDX_ENTRIES];
static size_t idx_count, idx_used;
static pthread_once_t idx_once = PTHREAD_ONCE_INIT;

static void index_table(const rg_word *t)
{
    size_t n, k, count[256] = {0};
    uint16_t at[256];
    vocab_index *x;
    unsigned b;

    for (n = 0; t[n].text; n++)
        count[(unsigned char)t[n].text[0]]++;
    if (idx_count >= IDX_TABLES || n > IDX_ENTRIES - idx_used)
        return;
    x = &idx[idx_count++];
    x->table = t;
    for (b = 0, k = idx_used; b < 256; b++) {
        x->start[b] = (uint16_t)k;
        at[b] = (uint16_t)k;
        k += count[b];
    }
    x->start[256] = (uint16_t)k;
    for (k = 0; k < n; k++)
        idx_order[at[(unsigned char)t[k].text[0]]++] = (uint16_t)(k);
    idx_used += n;
}

static void build_index(void)
{
    const rg_vocab_table *v;
    for (v = rg_vocab_tables; v->name; v++)
        index_table(v->words);
    index_table(period_words);
}

static const vocab_index *index_of(const rg_word *t)
{
    size_t i;
    pthread_once(&idx_once, build_index);
    for (i = 0; i < idx_count; i++)
        if (idx[i].table == t)
            return &idx[i];
    return NULL;
}

int rg_vocab_prefix(const rg_word *t, const char *norm)
{
    const vocab_index *x = index_of(t);
    size_t best = 0;
    int value = -1;

    if (x) {
        unsigned b = (unsigned char)norm[0];
        size_t k;
        for (k = x->start[b]; k < x->start[b + 1]; k++) {
            const rg_word *w = &t[idx_order[k]];
            size_t n = starts_with_word(norm, w->text);
            if (n > best) {
                best = n;
                value = w->value;
            }
        }
        return value;
    }
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
    const vocab_index *x = index_of(t);

    /* an entry matched to the end of norm (norm[n] is its NUL) is all of
     * it: no strlen needed */
    if (x) {
        unsigned b = (unsigned char)norm[0];
        size_t k;
        for (k = x->start[b]; k < x->start[b + 1]; k++) {
            const rg_word *w = &t[idx_order[k]];
            size_t n = starts_with_word(norm, w->text);
            if (n && norm[n] == '\0')
                return w->value;
        }
        return -1;
    }
    for (; t->text; t++) {
        size_t n = starts_with_word(norm, t->text);
        if (n && norm[n] == '\0')
            return t->value;
    }
    return -1;
}

/* The first place w occurs in norm at word boundaries (a plural "s"
 * allowed), or NULL.  Only places just after a space (or the start) can
 * match, so those are the only ones tried. */
static const char *find_word(const char *norm, const char *w)
{
    const char *p = norm;

    if (!w[0])
        return NULL;
    for (;;) {
        if (starts_with_word(p, w))
            return p;
        if (!(p = strchr(p, ' ')))
            return NULL;
        p++;
    }
}

int rg_vocab_find(const rg_word *t, const char *norm, size_t *at)
{
    const vocab_index *x = index_of(t);
    uint64_t first[4] = {0, 0, 0, 0};
    const char *p;

    if (x) {
        /* At each word of norm in turn, the entries beginning with its
         * first byte, in table order, stopping at the first that matches
         * or at the best found so far.  The entry earliest in the table
         * wins, at the first place it occurs, as in the scan below: an
         * earlier word cannot hold it, or it would have been found there
         * first. */
        size_t best = SIZE_MAX, best_at = 0;
        for (p = norm;;) {
            unsigned b = (unsigned char)*p;
            size_t k;
            for (k = x->start[b]; k < x->start[b + 1]; k++) {
                size_t e = idx_order[k];
                if (e >= best)
                    break;
                if (starts_with_word(p, t[e].text)) {
                    best = e;
                    best_at = (size_t)(p - norm);
                    break;
                }
            }
            if (!(p = strchr(p, ' ')))
                break;
            p++;
        }
        if (best == SIZE_MAX)
            return -1;
        if (at)
            *at = best_at;
        return t[best].value;
    }
    /* A table not indexed: the first bytes of norm's words rule out most
     * of it at once. */
    for (p = norm;;) {
        unsigned char c = (unsigned char)*p;
        first[c >> 6] |= (uint64_t)1 << (c & 63);
        if (!(p = strchr(p, ' ')))
            break;
        p++;
    }
    for (; t->text; t++) {
        unsigned char c = (unsigned char)t->text[0];
        if (!(first[c >> 6] & ((uint64_t)1 << (c & 63))))
            continue;
        p = find_word(norm, t->text);
        if (p) {
            if (at)
                *at = (size_t)(p - norm);
            return t->value;
        }
    }
    return -1;
}

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
