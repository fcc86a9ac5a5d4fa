/*
 * Refs, leads and figures as councils write them.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognise/parse.h"
#include "recognise/vocab.h"
#include "util/util.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void copy_out(char *dst, size_t size, const char *s, size_t n)
{
    if (!size)
        return;
    if (n >= size)
        n = size - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* ---- refs ------------------------------------------------------------- */

/* "Priority 1", "Objective 2", "Outcome 3", "Section 4": a section's
 * heading typed in the ref column, a word too long for a ref's letters,
 * then a space and one number.  Its actions 1.1, 1.2 below are its
 * children (section_parents in rows.c). */
static bool section_ref(const char *s, size_t len)
{
    static const char *const words[] = {"priority", "objective", "outcome",
                                        "section", "workstream", NULL};
    size_t k, i;

    for (k = 0; words[k]; k++) {
        size_t n = strlen(words[k]);
        if (len < n + 2 || strncasecmp(s, words[k], n) || s[n] != ' ')
            continue;
        /* 1 to 3 digits: "Priority 2024" is a year, no section */
        for (i = n + 1; i < len && is_digit(s[i]); i++)
            ;
        return i == len && i - (n + 1) <= 3;
    }
    return false;
}

/* Parse s[0..len) (trimmed) as prefix letters, number groups and a
 * suffix; the parent's length in *plen (0: none). */
static bool ref_shape(const char *s, size_t len, size_t *plen)
{
    size_t i = 0, letters = 0, groups = 0, last_group = 0, suffix = 0;
    bool serial = false; /* "IA/23/04": parts of a serial, not a tree */

    if (section_ref(s, len)) {
        *plen = 0;
        return true;
    }
    while (i < len && is_alpha(s[i]) && letters < 7)
        i++, letters++;
    if (letters > 6)
        return false;
    /* "HR-03", "CS_2", "KPI 12", "CS/01", "A.1": a separator after the
     * letters (a dot only before a digit: "A.1", section A's first) */
    if (letters && i < len &&
        (s[i] == '-' || s[i] == '_' || s[i] == ' ' || s[i] == '/' ||
         (s[i] == '.' && i + 1 < len && is_digit(s[i + 1]))))
        i++;
    for (;;) {
        size_t n = 0, start = i;
        while (i < len && is_digit(s[i]))
            i++, n++;
        if (!n || n > 4)
            return false;
        groups++;
        last_group = start;
        /* "2023-01": a year and a number, a serial; 2023 is no row */
        if (groups == 1 && n == 4 && i + 1 < len && s[i] == '-' &&
            is_digit(s[i + 1]) &&
            (!strncmp(s + start, "19", 2) || !strncmp(s + start, "20", 2)))
            serial = true;
        if (i + 1 < len && (s[i] == '.' || s[i] == '-') &&
            is_digit(s[i + 1])) {
            i++;
            continue;
        }
        /* "IA/23/04", "C/2023/101": an audit's or a case's serial, its
         * year and number; "23" is no row the plan owes.  Letters first
         * only: "31/03/2024" is a date, "1/2" a fraction */
        if (letters && i + 1 < len && s[i] == '/' && is_digit(s[i + 1])) {
            serial = true;
            i++;
            continue;
        }
        break;
    }
    {
        size_t num_end = i, bracket = 0;
        /* "1.1.a", "2.3-b": a lettered child after a dot or a dash */
        if (i + 1 < len && (s[i] == '.' || s[i] == '-') &&
            is_alpha(s[i + 1]))
            i++;
        while (i < len && is_alpha(s[i]) && suffix < 3)
            i++, suffix++;
        if (suffix > 2)
            return false;
        /* 1(a), 1(ii), and a list under a lettered child, "1.1b(i)", or
         * under a bracketed one, "2(a)(ii)" (rg_parse_sub_ref writes
         * them so): the parent is all before the last bracket */
        while (i + 2 < len && s[i] == '(' && is_alpha(s[i + 1])) {
            size_t j = i + 1;
            while (j < len && is_alpha(s[j]) && j - i <= 4)
                j++;
            if (j >= len || s[j] != ')')
                break;
            bracket = i;
            i = j + 1;
        }
        if (i != len)
            return false;
        if (bracket)
            *plen = bracket;
        else if (suffix)
            *plen = num_end;
        else if (groups > 1 && !serial)
            *plen = last_group - 1;
        else
            *plen = 0;
    }
    return true;
}

/* s starts with the word w (ASCII, any case): the end of s or a
 * character that is no letter follows it. */
static bool starts_word_ci(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    return len >= n && !strncasecmp(s, w, n) &&
           (len == n || !isalpha((unsigned char)s[n]));
}

bool rg_example_text(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '(' || *s == '['))
        s++, len--;
    if (!len)
        return false;
    /* "e.g." and "eg." / "eg " are never an action's first word;
     * "Example" is when a word follows that is not "action", "row" or
     * ":" ("Example setting by managers" is a task); "Sample" is a task
     * ("Sample audit of case files") and not read here */
    if (starts_word_ci(s, len, "e.g") || starts_word_ci(s, len, "eg") ||
        starts_word_ci(s, len, "for example"))
        return true;
    if (starts_word_ci(s, len, "example")) {
        const char *r = s + 7;
        size_t rl = len - 7;
        while (rl && (*r == ' ' || *r == '-'))
            r++, rl--;
        return !rl || *r == ':' || *r == ')' || *r == ']' ||
               starts_word_ci(r, rl, "action") ||
               starts_word_ci(r, rl, "row") || starts_word_ci(r, rl, "only");
    }
    return false;
}

bool rg_parse_ref(const char *s, size_t len, char *ref, size_t ref_size,
                  char *parent, size_t parent_size)
{
    size_t a = 0, b = len, plen = 0, o;
    const char *open;

    while (a < b && is_space(s[a]))
        a++;
    if (a + 1 < b && s[a] == '#' && is_digit(s[a + 1]))
        a++; /* "#3": the number sign is no part of the ref */
    while (b > a && (is_space(s[b - 1]) || s[b - 1] == '.' ||
                     s[b - 1] == ':' || s[b - 1] == ','))
        b--;
    if (a == b || b - a > 24)
        return false;
    /* "25.1 (R1)": the ref in brackets is the one the children use;
     * "1(a)" and "2(a)(ii)" end in a suffix, read below: the last
     * bracket says which. */
    open = NULL;
    for (o = b; o > a; o--)
        if (s[o - 1] == '(') {
            open = s + o - 1;
            break;
        }
    if (open && s[b - 1] == ')') {
        size_t k;
        bool letters;
        o = (size_t)(open - s);
        letters = b - 1 - (o + 1) <= 4;
        for (k = o + 1; k < b - 1; k++)
            if (!is_alpha(s[k]))
                letters = false;
        if (!letters)
            return rg_parse_ref(s + o + 1, b - 1 - (o + 1), ref, ref_size,
                                parent, parent_size);
    }
    if (!ref_shape(s + a, b - a, &plen))
        return false;
    copy_out(ref, ref_size, s + a, b - a);
    copy_out(parent, parent_size, s + a, plen);
    /* "R1 a" would leave "R1 " */
    if (parent_size && plen) {
        size_t n = strlen(parent);
        while (n && (parent[n - 1] == ' ' || parent[n - 1] == '-' ||
                     parent[n - 1] == '.'))
            parent[--n] = '\0';
    }
    return true;
}

/* The value of a roman numeral from i to xxxix, written in one case
 * ("iv", "XII"), else 0. */
static int roman_value(const char *s, size_t n)
{
    static const char *const ones[] = {"", "i", "ii", "iii", "iv", "v",
                                       "vi", "vii", "viii", "ix"};
    size_t tens = 0, k;

    if (!n || n > 8)
        return 0;
    for (k = 1; k < n; k++)
        if (is_upper(s[k]) != is_upper(s[0]))
            return 0;
    while (tens < n && tens < 3 && tolower((unsigned char)s[tens]) == 'x')
        tens++;
    for (k = 0; k < 10; k++)
        if (strlen(ones[k]) == n - tens &&
            !strncasecmp(s + tens, ones[k], n - tens))
            return tens * 10 + k ? (int)(tens * 10 + k) : 0;
    return 0;
}

/* Does label b go on from label a in one list: "b" after "a", "ii"
 * after "i" ("i" after "h" is a letter, after nothing a numeral)? */
static bool label_follows(const char *a, size_t an, const char *b,
                          size_t bn)
{
    int ra = roman_value(a, an), rb = roman_value(b, bn);
    if (is_upper(a[0]) != is_upper(b[0]))
        return false;
    if (an == 1 && bn == 1 && b[0] == a[0] + 1)
        return true;
    return ra && rb == ra + 1;
}

/* Is a list's label a roman numeral: "ii", "iv", and "i" (a list of
 * letters reaches "i" after "h": label_follows reads that first)? */
static bool is_numeral(const char *s, size_t n)
{
    return roman_value(s, n) && (n > 1 || tolower((unsigned char)*s) == 'i');
}

/* The label of a list item alone, "(i)", "ii)", "(b)", "a)", "iv.": a
 * letter or a roman numeral.  With a dot, lower case only: "A." and
 * "I." head sections. */
static bool list_label(const char *s, size_t len, size_t *start,
                       size_t *n)
{
    size_t a = 0, b = len, k;
    bool open;

    while (a < b && is_space(s[a]))
        a++;
    while (b > a && is_space(s[b - 1]))
        b--;
    if (b - a < 2)
        return false;
    open = s[a] == '(';
    if (open)
        a++;
    if (s[b - 1] == ')')
        b--;
    else if (open || s[b - 1] != '.' || !is_lower(s[a]))
        return false;
    else
        b--;
    if (a >= b || b - a > 8)
        return false;
    for (k = a; k < b; k++)
        if (!is_alpha(s[k]))
            return false;
    if (b - a > 1 && !roman_value(s + a, b - a))
        return false;
    *start = a;
    *n = b - a;
    return true;
}

#define MAX_SUB_LEVELS 4

bool rg_parse_sub_ref(const char *s, size_t len, const char *prev,
                      char *ref, size_t ref_size, char *parent,
                      size_t parent_size)
{
    size_t ls, ln, plen, cut[MAX_SUB_LEVELS + 1], lab[MAX_SUB_LEVELS],
        labn[MAX_SUB_LEVELS], levels = 0, keep, k;
    const char *l;

    if (!prev || !prev[0] || !list_label(s, len, &ls, &ln))
        return false;
    l = s + ls;
    /* prev's labels from the end: "1.2(a)(i)" is "1.2", then a, then i;
     * cut[k] is where label k's bracket starts */
    plen = strlen(prev);
    cut[0] = plen;
    while (levels < MAX_SUB_LEVELS && plen > 2 && prev[plen - 1] == ')') {
        size_t o = plen - 1;
        while (o > 0 && is_alpha(prev[o - 1]))
            o--;
        if (o == 0 || prev[o - 1] != '(' || o == plen - 1 || o - 1 == 0)
            break;
        lab[levels] = o;
        labn[levels] = plen - 1 - o;
        plen = o - 1;
        levels++;
    }
    /* labels were found last first: level 0 is the outermost */
    for (k = 0; k < levels / 2; k++) {
        size_t t1 = lab[k], t2 = labn[k];
        lab[k] = lab[levels - 1 - k];
        labn[k] = labn[levels - 1 - k];
        lab[levels - 1 - k] = t1;
        labn[levels - 1 - k] = t2;
    }
    for (k = 0; k < levels; k++)
        cut[k] = lab[k] - 1;
    cut[levels] = strlen(prev);
    /* the deepest list it goes on from ("(ii)" after "(i)"); else a
     * letter is a sibling of the deepest letter above, as "(c)" after
     * "2(a)(ii)", or of the numerals when none ("a)" after "1.2(i)":
     * letters head lists, numerals go under them); else a numeral that
     * starts a list, "(i)", goes under prev, and one that does not under
     * the deepest numerals; a new list under prev at last */
    keep = cut[levels];
    for (k = levels; k-- > 0;)
        if (label_follows(prev + lab[k], labn[k], l, ln))
            break;
    if (k != (size_t)-1) {
        keep = cut[k];
    } else if (levels && !is_numeral(l, ln)) {
        keep = cut[0];
        for (k = levels; k-- > 0;)
            if (!is_numeral(prev + lab[k], labn[k])) {
                keep = cut[k];
                break;
            }
    } else if (levels && roman_value(l, ln) != 1) {
        for (k = levels; k-- > 0;)
            if (is_numeral(prev + lab[k], labn[k])) {
                keep = cut[k];
                break;
            }
    }
    if (keep + ln + 3 > ref_size || keep + 1 > parent_size)
        return false;
    copy_out(parent, parent_size, prev, keep);
    memcpy(ref, prev, keep);
    ref[keep] = '(';
    memcpy(ref + keep + 1, l, ln);
    ref[keep + 1 + ln] = ')';
    ref[keep + 2 + ln] = '\0';
    return true;
}

/* ---- leads ------------------------------------------------------------ */

typedef enum tok_class {
    TOK_TITLE, TOK_INITIAL, TOK_ACRONYM, TOK_WORD, TOK_PARTICLE, TOK_OTHER
} tok_class;

typedef struct tok {
    size_t start, len;
    tok_class cls;
} tok;

#define MAX_TOKS 64

static tok_class classify(const char *s, size_t len)
{
    char low[32];
    size_t i, upper = 0, lower = 0, letters = 0, dots = 0;

    if (!len)
        return TOK_OTHER;
    if (len < sizeof low) {
        for (i = 0; i < len; i++)
            low[i] = (char)tolower((unsigned char)s[i]);
        low[len] = '\0';
        if (low[len - 1] == '.')
            low[len - 1] = '\0';
        if (rg_vocab_exact(rg_name_titles, low) > 0 && strlen(low) == len -
            (s[len - 1] == '.'))
            return TOK_TITLE;
        if (rg_vocab_exact(rg_name_particles, low) > 0 && is_lower(s[0]))
            return TOK_PARTICLE;
    }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_upper((char)c))
            upper++, letters++;
        else if (is_lower((char)c))
            lower++, letters++;
        else if (c == '.')
            dots++;
        else if (c == '\'' || c == '-' || c >= 0x80)
            ;
        else
            return TOK_OTHER;
    }
    if (!letters)
        return TOK_OTHER;
    if (upper == 1 && !lower && letters == 1)
        return TOK_INITIAL;                 /* D, D. */
    if (!lower && dots && dots >= upper - 1 && upper <= 3)
        return TOK_INITIAL;                 /* D.J. */
    if (!lower && upper >= 2)
        return TOK_ACRONYM;                 /* PDT */
    if (is_upper(s[0]) || (unsigned char)s[0] >= 0x80)
        return TOK_WORD;                    /* Taylor, McDonald */
    return TOK_OTHER;                       /* a lowercase word */
}

/* Tokens of s[a..b), punctuation around words removed. */
static size_t tokenise(const char *s, size_t a, size_t b, tok *t, size_t max)
{
    size_t n = 0, i = a;

    while (i < b && n < max) {
        size_t st, en;
        while (i < b && is_space(s[i]))
            i++;
        if (i >= b)
            break;
        st = i;
        while (i < b && !is_space(s[i]))
            i++;
        en = i;
        while (st < en && (s[st] == '(' || s[st] == '"' || s[st] == '-' ||
                           s[st] == ':'))
            st++;
        while (en > st && (s[en - 1] == ')' || s[en - 1] == '"' ||
                           s[en - 1] == ',' || s[en - 1] == ':' ||
                           s[en - 1] == '-' ||
                           (s[en - 1] == '.' && en - st > 2 &&
                            is_lower(s[en - 2]))))
            en--;
        if (en > st) {
            t[n].start = st;
            t[n].len = en - st;
            t[n].cls = classify(s + st, en - st);
            n++;
        }
    }
    return n;
}

typedef struct lead_out {
    const char *s; /* the lead cell's text */
    rg_span *out;
    size_t max, count;
} lead_out;

static bool no_one(const char *s, size_t len);

/* One lead, s[start..end); a part that holds the place of a name ("Jane
 * Smith / TBC", "Vacant") is no one and left out, as a cell that holds
 * nothing else is (rg_split_leads): the lead not yet known is missing. */
static void emit(lead_out *o, size_t start, size_t end)
{
    if (end <= start || no_one(o->s + start, end - start))
        return;
    if (o->count < o->max) {
        o->out[o->count].start = start;
        o->out[o->count].len = end - start;
    }
    o->count++;
}

/* A run of capitalised words with no initials: "Vicki Lewis David Taylor"
 * is two people, read in pairs; three words stay one person. */
static void emit_words(lead_out *o, const tok *t, size_t a, size_t b)
{
    size_t i, words = 0;
    bool particles = false;

    for (i = a; i < b; i++) {
        if (t[i].cls == TOK_WORD)
            words++;
        else
            particles = true;
    }
    if (!particles && words >= 4 && words % 2 == 0) {
        for (i = a; i < b; i += 2)
            emit(o, t[i].start, t[i + 1].start + t[i + 1].len);
        return;
    }
    emit(o, t[a].start, t[b - 1].start + t[b - 1].len);
}

/* Flush tokens [a, b): initials and titles take the first word after
 * them; the words left over are read on their own. */
static void flush_group(lead_out *o, const tok *t, size_t a, size_t b)
{
    size_t i, first_word = b;

    if (a >= b)
        return;
    if (t[a].cls == TOK_WORD || t[a].cls == TOK_PARTICLE) {
        emit_words(o, t, a, b);
        return;
    }
    for (i = a; i < b; i++)
        if (t[i].cls == TOK_WORD || t[i].cls == TOK_ACRONYM) {
            first_word = i;
            break;
        }
    if (first_word == b) {
        emit(o, t[a].start, t[b - 1].start + t[b - 1].len);
        return;
    }
    i = first_word + 1;
    if (t[a].cls == TOK_TITLE && t[first_word].cls == TOK_WORD) {
        /* "Cllr Jo Marsh": a title takes the name after it, given name
         * and surname; of a longer run of names the rest pair off
         * ("Cllr Jo Marsh Ann Lee") */
        size_t k = first_word;
        while (k < b && t[k].cls == TOK_WORD)
            k++;
        if (k - first_word == 2 || (k - first_word > 2 &&
                                    (k - first_word) % 2 == 0))
            i = first_word + 2;
    }
    while (i < b && t[i].cls == TOK_PARTICLE)
        i++;
    if (i < b && t[i - 1].cls == TOK_PARTICLE)
        i++; /* "A van Dyke" */
    if (i > b)
        i = b;
    emit(o, t[a].start, t[i - 1].start + t[i - 1].len);
    if (i < b)
        emit_words(o, t, i, b);
}

/* "Team", "Manager": a word that makes a lead a post, not a person (a
 * plural too, as the vocabulary matches: "Managers"). */
static bool is_role_word(const char *s, size_t len)
{
    char low[32];
    size_t i;

    if (len >= sizeof low)
        return false;
    for (i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    low[len] = '\0';
    return rg_vocab_exact(rg_role_words, low) > 0;
}

/* Is s[0..len) one of table's words exactly, case aside?  No plural: "Team
 * Leaders" are a group, not one person's post. */
static bool word_exact(const rg_word *table, const char *s, size_t len)
{
    for (; table->text; table++)
        if (strlen(table->text) == len && !strncasecmp(s, table->text, len))
            return true;
    return false;
}

/* Does s[a..b) end with its names' initials in brackets, "Jo Marsh (JM)",
 * "Kim Ann Ho (KAH)"?  Then *open is where the bracket starts: the
 * initials are how minutes name the same person, no second lead. */
static bool own_initials(const char *s, size_t a, size_t b, size_t *open)
{
    size_t o = b, k, w = 0;
    char initials[8];

    while (b > a && is_space(s[b - 1]))
        b--;
    if (b - a < 5 || s[b - 1] != ')')
        return false;
    for (o = b - 1; o > a && s[o] != '('; o--)
        ;
    if (s[o] != '(' || b - 1 - (o + 1) < 2 || b - 1 - (o + 1) > 4)
        return false;
    for (k = a; k < o && w < sizeof initials; k++)
        if (is_alpha(s[k]) && (k == a || is_space(s[k - 1]) ||
                               s[k - 1] == '-'))
            initials[w++] = (char)toupper((unsigned char)s[k]);
    if (w != b - 1 - (o + 1))
        return false;
    for (k = 0; k < w; k++)
        if (s[o + 1 + k] != initials[k])
            return false;
    *open = o;
    return true;
}

static bool person_like(const char *s, size_t a, size_t b);

/* One segment (no separators left): a role description stays whole,
 * names run together are split. */
static void split_names(lead_out *o, const char *s, size_t a, size_t b)
{
    tok t[MAX_TOKS];
    size_t n, i, g = 0, bracket;
    bool has_word = false;

    if (own_initials(s, a, b, &bracket))
        for (b = bracket; b > a && is_space(s[b - 1]);)
            b--;
    {
        /* "Peter Smith (Finance)", "Jane Doe (Head of HR)": a person and
         * their service or post in brackets, one lead (split, "(Finance"
         * was a second).  Capitals alone in brackets are a team, a second
         * lead ("Jo Marsh (PDT)"), as "D Taylor PDT" is. */
        size_t st = a, e = b, k, caps = 0;
        while (st < e && is_space(s[st]))
            st++;
        while (e > st && is_space(s[e - 1]))
            e--;
        if (e > st && s[e - 1] == ')') {
            for (k = e - 1; k > st && s[k] != '(';)
                k--;
            size_t q;
            for (q = k + 1; q + 1 < e; q++)
                caps += s[q] >= 'A' && s[q] <= 'Z';
            if (k > st && s[k] == '(' && caps + 2 < e - k &&
                person_like(s, st, k)) {
                emit(o, st, e);
                return;
            }
        }
    }
    n = tokenise(s, a, b, t, MAX_TOKS);
    if (!n)
        return;
    for (i = 0; i < n; i++)
        if (t[i].cls == TOK_OTHER || n >= MAX_TOKS ||
            is_role_word(s + t[i].start, t[i].len)) {
            /* a post stays whole, its bracket too: "Head of Service
             * (Housing Options)" */
            size_t end = t[n - 1].start + t[n - 1].len, k, open = 0;
            for (k = t[0].start; k < end; k++) {
                if (s[k] == '(')
                    open++;
                else if (s[k] == ')' && open)
                    open--;
            }
            while (open && end < b && s[end] == ')') {
                end++;
                open--;
            }
            emit(o, t[0].start, end);
            return;
        }
    for (i = 0; i < n; i++) {
        switch (t[i].cls) {
        case TOK_TITLE:
            flush_group(o, t, g, i);
            g = i;
            has_word = false;
            break;
        case TOK_INITIAL:
            if (has_word) {
                flush_group(o, t, g, i);
                g = i;
                has_word = false;
            }
            break;
        case TOK_ACRONYM:
            if (i > g && i - g <= 3 &&
                word_exact(rg_post_ends, s + t[i].start, t[i].len)) {
                /* "Finance BP", "HR BP", "Principal EP": a post by its
                 * initials ends the words before it, its service or
                 * grade; more than three words before it are names run
                 * together, not one post */
                emit(o, t[g].start, t[i].start + t[i].len);
                g = i + 1;
                has_word = false;
                break;
            }
            if (i > g && !has_word) {
                has_word = true; /* D TAYLOR */
                break;
            }
            flush_group(o, t, g, i);
            if (i + 1 < n && t[i + 1].cls == TOK_ACRONYM &&
                word_exact(rg_post_ends, s + t[i + 1].start,
                           t[i + 1].len)) {
                /* "HR BP", "ICT PM": a service's letters, then a post's */
                emit(o, t[i].start, t[i + 1].start + t[i + 1].len);
                g = i + 2;
                i++;
            } else if (i + 1 < n && t[i + 1].cls == TOK_WORD &&
                (i + 2 == n || t[i + 2].cls == TOK_ACRONYM ||
                 t[i + 2].cls == TOK_INITIAL || t[i + 2].cls == TOK_TITLE)) {
                /* an acronym and one word is a team, "ICT Security",
                 * "CEX Office": a person has a given name and a surname */
                emit(o, t[i].start, t[i + 1].start + t[i + 1].len);
                g = i + 2;
                i++;
            } else {
                emit(o, t[i].start, t[i].start + t[i].len);
                g = i + 1;
            }
            has_word = false;
            break;
        case TOK_WORD:
            has_word = true;
            break;
        case TOK_PARTICLE:
        case TOK_OTHER:
            break;
        }
    }
    flush_group(o, t, g, n);
}

/* true when s[a..b) reads as names: no lowercase words, and two words or
 * a team's acronym. */
static bool name_like(const char *s, size_t a, size_t b)
{
    tok t[MAX_TOKS];
    size_t n = tokenise(s, a, b, t, MAX_TOKS), i;

    if (!n || n >= MAX_TOKS)
        return false;
    for (i = 0; i < n; i++)
        if (t[i].cls == TOK_OTHER)
            return false;
    return n >= 2 || t[0].cls == TOK_ACRONYM;
}

/* Does s[a..b) begin with a post's head word and say more after it? */
static bool post_head(const char *s, size_t a, size_t b)
{
    tok t[2];
    return tokenise(s, a, b, t, 2) == 2 &&
           word_exact(rg_post_heads, s + t[0].start, t[0].len);
}

/* Does s[a..b) end (before any bracket) in a word that names a person's
 * post: "Revenues Manager", "Service Manager (Benefits)"?  One word alone
 * is not enough ("Leader" may be the council's). */
static bool ends_in_post(const char *s, size_t a, size_t b)
{
    tok t[MAX_TOKS];
    size_t n, i;

    for (i = a; i < b && s[i] != '('; i++)
        ;
    n = tokenise(s, a, i, t, MAX_TOKS);
    return n >= 2 && n < MAX_TOKS &&
           word_exact(rg_post_ends, s + t[n - 1].start, t[n - 1].len);
}

/* Is s[a..b) one person's post: "Head of Finance", "Director of Place",
 * "AD Commissioning", "Revenues Manager"?  It begins with a post's head
 * word or ends in a post.  "Democratic Services" or "Building Control" are
 * not: they name a service, so "Head of Legal and Democratic Services" is
 * one post, not two. */
static bool post_like(const char *s, size_t a, size_t b)
{
    return post_head(s, a, b) || ends_in_post(s, a, b);
}

/* Is s[a..b) a person's name, "Jane Smith", "Cllr Jo Marsh": names only,
 * two to four of them, none a word of a post or a team. */
static bool person_like(const char *s, size_t a, size_t b)
{
    tok t[MAX_TOKS];
    size_t n = tokenise(s, a, b, t, MAX_TOKS), i;

    if (n < 2 || n > 4)
        return false;
    for (i = 0; i < n; i++)
        if (t[i].cls == TOK_OTHER || t[i].cls == TOK_ACRONYM ||
            is_role_word(s + t[i].start, t[i].len))
            return false;
    return true;
}

/* Offsets where "&", "+" or " and " joins two parts of s[a..b). */
static size_t joiners(const char *s, size_t a, size_t b, size_t *at,
                      size_t *width, size_t max)
{
    size_t i, n = 0;
    for (i = a; i < b && n < max; i++) {
        if (s[i] == '&' || s[i] == '+') {
            at[n] = i;
            width[n++] = 1;
        } else if (i + 5 <= b && is_space(s[i]) &&
                   (s[i + 1] == 'a' || s[i + 1] == 'A') &&
                   (s[i + 2] == 'n' || s[i + 2] == 'N') &&
                   (s[i + 3] == 'd' || s[i + 3] == 'D') &&
                   is_space(s[i + 4])) {
            at[n] = i;
            width[n++] = 5;
        }
    }
    return n;
}

/* Do the parts of s[a..b) between the joiners kept in at[0..n) all read
 * as names? */
static bool parts_are_names(const char *s, size_t a, size_t b,
                            const size_t *at, const size_t *width, size_t n)
{
    size_t i, p = a;
    for (i = 0; i <= n; i++) {
        size_t e = i < n ? at[i] : b;
        /* "Jane Smith & TBC": the place of a name is one too */
        if (!name_like(s, p, e) && !no_one(s + p, e - p))
            return false;
        if (i < n)
            p = at[i] + width[i];
    }
    return true;
}

/* Joiners to split a segment at: at most 6 are tried as posts, in every
 * combination (64): more in one cell is a list no reader parses so. */
#define MAX_POST_JOINERS 6

/* How well splitting s[a..b) at the joiners of mask reads as posts: -1
 * when a part is no post, or a part runs on past a post that is whole
 * ("Chief Finance Officer & Revenues" ends at "Officer"); else points,
 * the most parts first, then parts that begin with a post's head, then
 * splits at "&" rather than "and" ("Head of Legal and Democratic Services
 * & Finance Manager"). */
static long posts_score(const char *s, size_t a, size_t b, const size_t *at,
                        const size_t *width, size_t n, unsigned mask)
{
    size_t i, p = a, q = a, parts = 0, heads = 0, amps = 0;

    for (i = 0; i <= n; i++) {
        size_t e = i < n ? at[i] : b;
        if (i < n && !(mask & (1u << i))) {
            if (ends_in_post(s, q, e))
                return -1; /* a whole post, then more after a joiner */
            q = at[i] + width[i];
            continue;
        }
        if (!post_like(s, p, e))
            return -1;
        parts++;
        heads += post_head(s, p, e);
        if (i < n) {
            amps += width[i] == 1;
            p = q = at[i] + width[i];
        }
    }
    return (long)(parts * 256 + heads * 16 + amps);
}

static void split_segment(lead_out *o, const char *s, size_t a, size_t b)
{
    size_t at[16], width[16], n = joiners(s, a, b, at, width, 16), i, p;
    unsigned mask, best = 0;
    long best_score = 0;

    if (n && parts_are_names(s, a, b, at, width, n)) {
        best = (1u << n) - 1; /* names at every joiner */
    } else if (n && n <= MAX_POST_JOINERS) {
        /* posts, split where every part is one: "Director of Place & Head
         * of Planning"; "Head of Legal and Democratic Services and Head of
         * HR" only at its second "and" */
        for (mask = 1; mask < (1u << n); mask++) {
            long sc = posts_score(s, a, b, at, width, n, mask);
            if (sc > best_score) {
                best = mask;
                best_score = sc;
            }
        }
    }
    p = a;
    for (i = 0; i <= n; i++) {
        size_t e;
        if (i < n && !(best & (1u << i)))
            continue;
        e = i < n ? at[i] : b;
        split_names(o, s, p, e);
        if (i < n)
            p = at[i] + width[i];
    }
}

/* A lead cell that names no one: "TBC", "N/A", "Vacant post", "?".  It
 * holds the place of a name, so the action has no lead (lead-missing);
 * split, "N/A" was two people, "N" and "A". */
static bool no_one(const char *s, size_t len)
{
    static const char *const words[] = {
        "n / a", "na", "n a", "tbc", "tba", "tbd", "to be confirmed",
        "to be agreed", "to be decided", "to be appointed", "vacant",
        "vacant post", "vacancy", "unknown", "none", "not known",
        "not applicable", "nobody", "no one", "?", "??", "-", "--", NULL};
    char norm[64];
    size_t k;

    if (len >= sizeof norm)
        return false;
    rg_norm(s, len, norm, sizeof norm);
    for (k = 0; words[k]; k++)
        if (!strcmp(norm, words[k]))
            return true;
    return false;
}

/* The label before a lead's name, "Lead: J Smith; Support: A Taylor",
 * "Supported by A Taylor", "Officer: Tom Jones": the offset after it in
 * s[a..b), else a.  Nouns count before a colon only ("Lead Officer Jane"
 * is not cut); a supporting officer named in the lead cell is a lead, as
 * the seeds count "PDT" in "D Taylor J Bough PDT", the team supporting. */
static size_t skip_label(const char *s, size_t a, size_t b)
{
    static const char *const nouns[] = {
        "lead", "leads", "lead officer", "lead officers", "lead member",
        "co lead", "joint lead", "support", "support officer",
        "support officers", "supporting officer", "supporting officers",
        "officer", "officers", "owner", "action owner", "responsible",
        "responsible officer", "accountable officer", "accountable",
        "sponsor", "contact", "who", NULL};
    static const char *const by[] = {"supported by", "support from",
                                     "assisted by", "led by",
                                     "with support from", NULL};
    size_t st = a, c, k;
    char norm[40];

    while (st < b && is_space(s[st]))
        st++;
    for (k = 0; by[k]; k++)
        if (starts_word_ci(s + st, b - st, by[k]))
            return st + strlen(by[k]);
    for (c = st; c < b && c - st < sizeof norm - 1 && s[c] != ':'; c++)
        ;
    if (c >= b || s[c] != ':' || c == st)
        return a;
    rg_norm(s + st, c - st, norm, sizeof norm);
    for (k = 0; nouns[k]; k++)
        if (!strcmp(norm, nouns[k]))
            return c + 1;
    return a;
}

static bool is_given_name(const char *s, size_t len)
{
    return word_exact(rg_given_names, s, len);
}

/* "Smith, Jane", "SMITH, Jane A", "Taylor, D.": a surname, a comma, then
 * the given name or initials, as an HR system lists people, one lead.
 * "Smith, Jones" stays two (no given name after the comma), and "Mark,
 * Sue" too (a given name before it: two people by first names). */
static bool surname_first(const char *s, size_t a, size_t comma, size_t e)
{
    tok t[4];
    size_t n = tokenise(s, a, comma, t, 2), i;

    if (n != 1 || is_given_name(s + t[0].start, t[0].len) ||
        !(t[0].cls == TOK_WORD ||
          (t[0].cls == TOK_ACRONYM && t[0].len >= 3)) ||
        is_role_word(s + t[0].start, t[0].len))
        return false;
    n = tokenise(s, comma + 1, e, t, 4);
    if (n < 1 || n > 3)
        return false;
    if (t[0].cls != TOK_INITIAL &&
        !(t[0].cls == TOK_WORD && is_given_name(s + t[0].start, t[0].len)))
        return false;
    for (i = 1; i < n; i++)
        if (t[i].cls != TOK_INITIAL &&
            !(t[i].cls == TOK_WORD &&
              is_given_name(s + t[i].start, t[i].len)))
            return false;
    return true;
}

/* Is s[a..b) a post that names no service: "Team Manager", "Head of
 * Service", "Project Manager", every word a post's? */
static bool generic_post(const char *s, size_t a, size_t b)
{
    tok t[MAX_TOKS];
    size_t n = tokenise(s, a, b, t, MAX_TOKS), i;

    if (n < 2 || n >= MAX_TOKS)
        return false;
    for (i = 0; i < n; i++) {
        const char *w = s + t[i].start;
        size_t l = t[i].len;
        if (!is_role_word(w, l) && !word_exact(rg_post_heads, w, l) &&
            !word_exact(rg_post_ends, w, l) &&
            !word_exact(rg_post_grades, w, l) &&
            !(l == 2 && !strncasecmp(w, "of", 2)))
            return false;
    }
    return true;
}

/* Does s[a..b) read as the name of a service, "Fostering", "Early Help",
 * "Children's Services", "Housing & Regeneration": capitalised words,
 * "&" or "and", no word of a team or a post but "Service(s)"?  *joined
 * is set when "&" or "and" joins two of them. */
static bool service_like(const char *s, size_t a, size_t b, bool *joined)
{
    tok t[MAX_TOKS];
    size_t n = tokenise(s, a, b, t, MAX_TOKS), i;

    *joined = false;
    if (!n || n >= MAX_TOKS || post_like(s, a, b))
        return false;
    for (i = 0; i < n; i++) {
        const char *w = s + t[i].start;
        size_t l = t[i].len;
        if ((l == 1 && (*w == '&' || *w == '+')) ||
            (l == 3 && !strncmp(w, "and", 3))) {
            if (i == 0 || i == n - 1)
                return false;
            *joined = true;
            continue;
        }
        if (t[i].cls != TOK_WORD && t[i].cls != TOK_ACRONYM)
            return false;
        if (is_role_word(w, l) && strncasecmp(w, "service", 7))
            return false;
    }
    return true;
}

/* "Team Manager, Fostering", "Head of Service, Early Help": a post that
 * names no service, then its service after a comma, one lead; and "Head
 * of Planning, Housing & Regeneration", a post "of" a list of services.
 * "Head of HR, Head of Finance" and "Finance Manager, PDT" stay two: the
 * part after the comma is a post, or the post names its service already
 * and no list follows. */
static bool post_then_service(const char *s, size_t a, size_t comma,
                              size_t e)
{
    bool joined;

    if (!post_like(s, a, comma) || no_one(s + comma + 1, e - comma - 1) ||
        !service_like(s, comma + 1, e, &joined))
        return false;
    if (generic_post(s, a, comma))
        return true;
    /* a list of services, "Housing & Regeneration" after "Head of
     * Planning", "Benefits & Customer Services" after "Head of
     * Revenues": no part a person ("Jane Smith & Tom Jones") */
    if (!joined || !post_head(s, a, comma))
        return false;
    {
        size_t at[16], width[16], p = comma + 1, i,
               n = joiners(s, comma + 1, e, at, width, 16);
        for (i = 0; i <= n; i++) {
            size_t end = i < n ? at[i] : e;
            if (person_like(s, p, end))
                return false;
            if (i < n)
                p = at[i] + width[i];
        }
    }
    return true;
}

static bool lead_separator(char c)
{
    return c == '/' || c == ',' || c == ';' || c == '\n' || c == '\r' ||
           c == '|' || c == '\\';
}

size_t rg_split_leads(const char *s, size_t len, rg_span *out, size_t max)
{
    lead_out o = {s, out, max, 0};
    size_t i, a = 0;

    if (no_one(s, len))
        return 0;

    for (i = 0; i <= len; i++) {
        size_t e, st, en;
        bool whole = false, name_only = false;

        if (i < len && !lead_separator(s[i]))
            continue;
        a = skip_label(s, a, i);
        e = i + 1;
        while (e < len && !lead_separator(s[e]))
            e++;
        if (i < len && s[i] == ',') {
            /* "Jane Smith, Head of HR": a name and her post, one lead,
             * kept whole; "Smith, Jane"; "Team Manager, Fostering" */
            whole = (person_like(s, a, i) && post_like(s, i + 1, e)) ||
                    surname_first(s, a, i, e) ||
                    post_then_service(s, a, i, e);
        } else if (i < len && (s[i] == '\n' || s[i] == '\r')) {
            /* a name on one line and her post on the next, "Jane Smith"
             * then "Operations Manager": one lead, the name (a line
             * break is no part of one) */
            size_t b = i;
            while (b < len && (s[b] == '\n' || s[b] == '\r'))
                b++;
            e = b;
            while (e < len && !lead_separator(s[e]))
                e++;
            name_only = person_like(s, a, i) && post_like(s, b, e) &&
                        !person_like(s, b, e);
        }
        if (whole || name_only) {
            st = a;
            en = whole ? e : i;
            while (st < en && is_space(s[st]))
                st++;
            while (en > st && is_space(s[en - 1]))
                en--;
            emit(&o, st, en);
            a = e + 1;
            i = e;
            continue;
        }
        split_segment(&o, s, a, i);
        a = i + 1;
    }
    return o.count;
}

/* ---- figures ---------------------------------------------------------- */

double rg_clean_number(double v)
{
    char buf[40];
    if (!isfinite(v) || v == 0)
        return v == 0 ? 0 : v;
    snprintf(buf, sizeof buf, "%.12g", v);
    return strtod(buf, NULL);
}

/* A minus sign ending at i (exclusive): '-', U+2212 or an en dash; its
 * length, or 0. */
static size_t minus_before(const char *s, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i >= 1 && s[i - 1] == '-')
        return 1;
    if (i >= 3 && u[i - 3] == 0xE2 &&
        ((u[i - 2] == 0x88 && u[i - 1] == 0x92) ||
         (u[i - 2] == 0x80 && u[i - 1] == 0x93)))
        return 3;
    return 0;
}

static bool word_at(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w), k;
    if (i + n > len)
        return false;
    for (k = 0; k < n; k++)
        if (tolower((unsigned char)s[i + k]) != w[k])
            return false;
    return i + n == len || !is_alpha(s[i + n]);
}

bool rg_parse_figure(const char *s, size_t len, rg_figure *out)
{
    size_t i, j, st;
    char num[64];
    size_t n = 0;
    double v, scale = 1;
    int decimals = 0;
    bool neg = false, gbp = false, point = false;

    for (i = 0; i < len; i++) {
        if (!is_digit(s[i]))
            continue;
        if (i > 0 && (is_alpha(s[i - 1]) || is_digit(s[i - 1]) ||
                      s[i - 1] == '.' || s[i - 1] == '/'))
            continue;
        break;
    }
    if (i >= len)
        return false;
    st = i;
    /* what comes before: "£", "-", "- ", "-£" */
    j = st;
    if (j >= 2 && (unsigned char)s[j - 2] == 0xC2 &&
        (unsigned char)s[j - 1] == 0xA3) {
        gbp = true;
        j -= 2;
    }
    {
        size_t k = j, m;
        if (k > 0 && s[k - 1] == ' ')
            k--;
        m = minus_before(s, k);
        if (!m && k != j)
            m = 0;
        if (m) {
            size_t before = k - m;
            if (before == 0 || is_space(s[before - 1]) ||
                s[before - 1] == ':' || s[before - 1] == '(')
                neg = true;
        }
        if (!gbp && k >= 2 && (unsigned char)s[k - 2] == 0xC2 &&
            (unsigned char)s[k - 1] == 0xA3)
            gbp = true;
    }
    for (i = st; i < len && n + 1 < sizeof num; i++) {
        if (is_digit(s[i])) {
            num[n++] = s[i];
            if (point)
                decimals++;
        } else if (s[i] == ',' && !point && i + 3 < len + 0 &&
                   is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
                   is_digit(s[i + 3]) &&
                   (i + 4 >= len || !is_digit(s[i + 4]))) {
            continue;
        } else if (s[i] == '.' && !point && i + 1 < len &&
                   is_digit(s[i + 1])) {
            num[n++] = '.';
            point = true;
        } else {
            break;
        }
    }
    num[n] = '\0';
    v = strtod(num, NULL);
    out->unit = gbp ? RAG_UNIT_GBP : RAG_UNIT_NONE;
    j = i;
    while (j < len && s[j] == ' ')
        j++;
    if (j < len && s[j] == '%') {
        out->unit = RAG_UNIT_PERCENT;
        scale = 0.01;
        i = j + 1;
    } else if (word_at(s, len, i, "k")) {
        scale = 1000;
        i++;
    } else if (word_at(s, len, i, "m") || word_at(s, len, j, "million")) {
        scale = 1e6;
        i = word_at(s, len, i, "m") ? i + 1 : j + 7;
    } else if (word_at(s, len, i, "bn")) {
        scale = 1e9;
        i += 2;
    } else if (word_at(s, len, j, "days") || word_at(s, len, j, "day")) {
        out->unit = RAG_UNIT_DAYS;
        i = j + (word_at(s, len, j, "days") ? 4 : 3);
    } else if (word_at(s, len, j, "working")) {
        size_t k = j + 7;
        while (k < len && s[k] == ' ')
            k++;
        if (word_at(s, len, k, "days")) {
            out->unit = RAG_UNIT_DAYS;
            i = k + 4;
        }
    } else if (word_at(s, len, j, "percent")) {
        out->unit = RAG_UNIT_PERCENT;
        scale = 0.01;
        i = j + 7;
    }
    v *= scale;
    /* "(45)", "(£45k)", "£(1.2m)": an accountant's negative */
    {
        size_t b = st;
        if (b >= 2 && (unsigned char)s[b - 2] == 0xC2 &&
            (unsigned char)s[b - 1] == 0xA3)
            b -= 2;
        if (!neg && b > 0 && s[b - 1] == '(' && i < len && s[i] == ')' &&
            (b == 1 || is_space(s[b - 2]) || s[b - 2] == ':')) {
            neg = true;
            i++;
        }
    }
    if (neg)
        v = -v;
    out->value = rg_clean_number(v);
    out->decimals = decimals;
    while (i < len && is_space(s[i]))
        i++;
    out->rest = i;
    return true;
}

int rg_target_direction(const char *s, size_t len)
{
    char norm[128];
    size_t i, k;

    if (!s || !len || len >= sizeof norm)
        return 0;
    /* the signs: "<", "<=", "\u2264" an upper bound, ">", "\u2265" a
     * lower one; a figure with both ("<5 and >1") is a band, not read */
    {
        bool lt = false, gt = false;
        for (i = 0; i < len; i++) {
            lt = lt || s[i] == '<' ||
                 (i + 2 < len && !memcmp(s + i, "\xe2\x89\xa4", 3));
            gt = gt || s[i] == '>' ||
                 (i + 2 < len && !memcmp(s + i, "\xe2\x89\xa5", 3));
        }
        if (lt != gt)
            return lt ? RG_DIR_LOWER : RG_DIR_HIGHER;
        if (lt)
            return 0;
    }
    rg_norm(s, len, norm, sizeof norm);
    for (k = 0; rg_target_bounds[k].text; k++)
        if (rg_norm_has(norm, rg_target_bounds[k].text))
            return rg_target_bounds[k].value;
    return 0;
}

int rg_title_direction(const char *title, rag_unit unit)
{
    /* The share done in time is higher-is-better whatever is being done:
     * "% of complaints responded to within 10 days" is not "complaints",
     * nor "% of missed bins collected within 24 hours" "missed". */
    static const char *const in_time[] = {"within", "on time", "in time",
                                          "responded to in", "answered in",
                                          "resolved in", "dealt with in",
                                          "decided in", "processed in",
                                          "completed in", NULL};
    char norm[256];
    size_t k;

    if (!title)
        return 0;
    rg_norm(title, strlen(title), norm, sizeof norm);
    if (unit == RAG_UNIT_PERCENT)
        for (k = 0; in_time[k]; k++)
            if (rg_norm_has(norm, in_time[k]))
                return RG_DIR_HIGHER;
    return rg_vocab_find(rg_direction_hints, norm, NULL);
}
