/*
 * A status in words, classified by what the words mean rather than by the
 * first vocabulary entry found inside them:
 *
 *  - prefixes make another word: "Re-planned" is reprogrammed, not
 *    planned; "In-complete" and "Uncompleted" are not complete;
 *  - negation turns a word round: "Not on track" is behind, "Not late" is
 *    on target;
 *  - quantities are read with their comparison: "Late (less than 4 weeks)"
 *    is within a month, "Slipped by over a month" beyond one, "30 days
 *    late" within one, "2 months behind" beyond;
 *  - a new or revised date ("New end date agreed", "Date revised") is a
 *    reprogramme whatever the words around it.
 * What is left is looked up in rg_status_words as before.
 */
#include <string.h>

#include "recognise/recognise.h"

/* A month is 30 days here, and one month behind means at most this many
 * days: a calendar month is 28 to 31 days, so "up to 31 days" and "less
 * than 4 weeks" both fall within it, "over 4 weeks" does not. */
#define MONTH_DAYS 31
/* "Over N" means beyond a month once N is this many days or more: over 4
 * weeks (28 days) is as good as over a month. */
#define OVER_MONTH_DAYS 28
#define MAX_TOKENS 32

typedef struct toks {
    char buf[256];
    const char *w[MAX_TOKENS];
    size_t n;
} toks;

/* The normal form, with prefixes joined to their word ("re - planned"
 * gives "replanned"), split into words. */
static void tokenise(const char *s, size_t len, toks *t)
{
    char norm[256], *p;
    size_t i, o = 0;

    rg_norm(s, len, norm, sizeof norm);
    for (i = 0; norm[i] && o + 1 < sizeof t->buf;) {
        static const char *const pre[] = {"re - ", "in - ", "un - ",
                                          "non - ", "pre - ", NULL};
        size_t k;
        bool joined = false;
        if (i == 0 || norm[i - 1] == ' ')
            for (k = 0; pre[k] && norm[i] >= 'i'; k++) {
                if (norm[i] != pre[k][0])
                    continue;
                size_t n = strlen(pre[k]);
                if (!strncmp(norm + i, pre[k], n)) {
                    size_t keep = n - 3; /* the prefix's letters */
                    if (o + keep + 1 >= sizeof t->buf)
                        break;
                    memcpy(t->buf + o, norm + i, keep);
                    o += keep;
                    i += n;
                    joined = true;
                    break;
                }
            }
        if (!joined)
            t->buf[o++] = norm[i++];
    }
    t->buf[o] = '\0';
    t->n = 0;
    for (p = t->buf; *p && t->n < MAX_TOKENS;) {
        t->w[t->n++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = '\0';
    }
}

/* The first bytes are compared before strcmp is called: every word of
 * every candidate status cell is looked up in several sets, and most
 * differ at once (strcmp here was 2% of a bulk validate). */
static bool is(const char *w, const char *const *set)
{
    size_t k;
    for (k = 0; set[k]; k++)
        if (w[0] == set[k][0] && !strcmp(w, set[k]))
            return true;
    return false;
}

static const char *const late_words[] = {
    "late", "behind", "delay", "delayed", "delays", "slipped", "slippage",
    "slip", "slipping", "overdue", "past", "beyond", "missed", "after",
    "exceeded", "overrun", NULL};

/* A number written in figures or words; -1 when w is none. */
static int number_word(const char *w)
{
    static const char *const words[] = {"a", "one", "two", "three", "four",
                                        "five", "six", "seven", "eight",
                                        "nine", "ten", "an", NULL};
    size_t k;
    int v = 0;
    if (w[0] >= '0' && w[0] <= '9') {
        /* a quantity in a key's words ("over 4 weeks") has a few digits;
         * ten thousand or more is not a quantity of weeks or months */
        for (; *w >= '0' && *w <= '9'; w++) {
            if (v >= 10000)
                return -1;
            v = v * 10 + (*w - '0');
        }
        return *w ? -1 : v;
    }
    for (k = 0; words[k]; k++)
        if (w[0] == words[k][0] && !strcmp(w, words[k]))
            return k == 0 || k == 11 ? 1 : (int)k;
    return -1;
}

static int unit_days(const char *w)
{
    if (!strcmp(w, "month") || !strcmp(w, "months") || !strcmp(w, "mth") ||
        !strcmp(w, "mths"))
        return 30;
    if (!strcmp(w, "week") || !strcmp(w, "weeks") || !strcmp(w, "wk") ||
        !strcmp(w, "wks"))
        return 7;
    if (!strcmp(w, "day") || !strcmp(w, "days"))
        return 1;
    return 0;
}

/* Upper (-1), lower (+1) or no (0) bound from the words before a number
 * ending at index i (exclusive). */
static int bound_before(const toks *t, size_t i)
{
    const char *a = i >= 1 ? t->w[i - 1] : "", *b = i >= 2 ? t->w[i - 2] : "",
               *c = i >= 3 ? t->w[i - 3] : "";
    /* "not more than", "no more than": an upper bound */
    if ((!strcmp(a, "than") && (!strcmp(b, "more") || !strcmp(b, "greater")) &&
         (!strcmp(c, "no") || !strcmp(c, "not"))))
        return -1;
    if (!strcmp(a, "than"))
        return !strcmp(b, "more") || !strcmp(b, "greater") ? 1
               : !strcmp(b, "less") || !strcmp(b, "fewer") ? -1
                                                            : 0;
    if (!strcmp(a, "to") && !strcmp(b, "up"))
        return -1;
    if (!strcmp(a, "within") || !strcmp(a, "under") || !strcmp(a, "below") ||
        !strcmp(a, "max") || !strcmp(a, "maximum") || !strcmp(a, "upto"))
        return -1;
    if (!strcmp(a, "over") || !strcmp(a, "beyond") || !strcmp(a, "above") ||
        !strcmp(a, "exceeding") || !strcmp(a, "min") ||
        !strcmp(a, "minimum") || !strcmp(a, "least"))
        return 1;
    return 0;
}

/* The delay a quantity gives: ONE or OVER month behind, or NONE when the
 * words hold no quantity of time. */
static rag_progress quantity(const toks *t, bool *bounded)
{
    size_t i;

    *bounded = false;
    for (i = 0; i + 1 < t->n; i++) {
        int n = number_word(t->w[i]), d, bound;
        size_t u = i + 1;
        long days;
        if (n < 0)
            continue;
        /* "1 - 3 months": the range's low end is what it is at least */
        if (u + 1 < t->n && !strcmp(t->w[u], "-") &&
            number_word(t->w[u + 1]) >= 0 && u + 2 < t->n &&
            unit_days(t->w[u + 2])) {
            days = (long)n * unit_days(t->w[u + 2]);
            *bounded = true;
            return days >= OVER_MONTH_DAYS
                       ? RAG_PROGRESS_OVER_ONE_MONTH_BEHIND
                       : RAG_PROGRESS_ONE_MONTH_BEHIND;
        }
        if (!(d = unit_days(t->w[u])))
            continue;
        days = (long)n * d;
        bound = bound_before(t, i);
        /* "1 month +", "4 weeks or more" */
        if (!bound && u + 1 < t->n &&
            (!strcmp(t->w[u + 1], "+") ||
             (u + 2 < t->n && !strcmp(t->w[u + 1], "or") &&
              (!strcmp(t->w[u + 2], "more") || !strcmp(t->w[u + 2], "over")))))
            bound = 1;
        if (!bound && u + 2 < t->n && !strcmp(t->w[u + 1], "or") &&
            (!strcmp(t->w[u + 2], "less") || !strcmp(t->w[u + 2], "under")))
            bound = -1;
        *bounded = bound != 0;
        if (bound > 0)
            return days >= OVER_MONTH_DAYS
                       ? RAG_PROGRESS_OVER_ONE_MONTH_BEHIND
                       : RAG_PROGRESS_ONE_MONTH_BEHIND;
        return days <= MONTH_DAYS ? RAG_PROGRESS_ONE_MONTH_BEHIND
                                  : RAG_PROGRESS_OVER_ONE_MONTH_BEHIND;
    }
    return RAG_PROGRESS_NONE;
}

static bool any(const toks *t, const char *const *set)
{
    size_t i;
    for (i = 0; i < t->n; i++)
        if (is(t->w[i], set))
            return true;
    return false;
}

/* A date made new: "New end date agreed", "Revised date", "Date
 * revised", "Timescale extended", or a re- word of planning. */
static bool new_date(const toks *t)
{
    static const char *const changed[] = {
        "new", "revised", "amended", "changed", "moved", "extended",
        "agreed", "updated", "rescheduled", "rearranged", "reset", NULL};
    static const char *const dates[] = {
        "date", "dates", "deadline", "deadlines", "timescale", "timescales",
        "timeline", "timetable", "milestone", "milestones", NULL};
    static const char *const replan[] = {
        "replanned", "reprogrammed", "rescheduled", "reprofiled",
        "rephased", "rebaselined", "retimetabled", "redated", "reforecast",
        "replan", "reprogramme", "reschedule", "reprofile", "rearranged",
        "postponed", "extended", "extension", NULL};
    size_t i;
    bool has_changed = false, has_date = false;

    if (any(t, replan))
        return true;
    for (i = 0; i < t->n; i++) {
        if (is(t->w[i], changed) && strcmp(t->w[i], "agreed") != 0)
            has_changed = true;
        if (is(t->w[i], dates))
            has_date = true;
    }
    return has_changed && has_date;
}

static bool negated_at(const toks *t, size_t i)
{
    static const char *const neg[] = {"not", "no", "never", "nor", NULL};
    return (i >= 1 && is(t->w[i - 1], neg)) ||
           (i >= 2 && !strcmp(t->w[i - 1], "yet") && is(t->w[i - 2], neg));
}

/* The words of t joined by single spaces into joined (size bytes). */
static void join_words(const toks *t, char *joined, size_t size)
{
    size_t i, o = 0;

    for (i = 0; i < t->n; i++) {
        size_t n = strlen(t->w[i]);
        if (o + n + 2 >= size)
            break;
        if (o)
            joined[o++] = ' ';
        memcpy(joined + o, t->w[i], n);
        o += n;
    }
    joined[o] = '\0';
}

/* Is the vocabulary match at byte at of joined (t's words joined) turned
 * round by a "not", "no" or "never" before it?  Not when the match itself
 * starts "not" ("not started"). */
static bool match_negated(const toks *t, const char *joined, size_t at)
{
    size_t k, w = 0;

    for (k = 0; k < at; k++)
        if (joined[k] == ' ')
            w++;
    return strncmp(joined + at, "not ", 4) != 0 && negated_at(t, w);
}

/* "R - significant issues", "G: on track", "A (slipping)": a RAG initial
 * set off from the words after it by a dash, a colon or a bracket is the
 * status, whatever the words say ("significant issues" named none).  Not
 * "A review is under way": the initial must be set off. */
static int rag_initial(const char *s, size_t len)
{
    size_t i = 1;
    const char *word;

    if (len < 3)
        return 0;
    switch (s[0]) {
    case 'R': case 'r': word = "red"; break;
    case 'A': case 'a': word = "amber"; break;
    case 'G': case 'g': word = "green"; break;
    default: return 0;
    }
    while (i < len && s[i] == ' ')
        i++;
    if (i >= len)
        return 0;
    if (s[i] != '-' && s[i] != ':' && s[i] != '(' &&
        !(i + 2 < len && (unsigned char)s[i] == 0xE2 &&
          (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93))
        return 0;
    return rg_vocab_find(rg_status_words, word, NULL);
}

/* Is s a tick mark alone, spaces aside: U+2713, U+2714, U+2705, U+2611? */
static bool tick(const char *s, size_t len)
{
    static const char *const ticks[] = {"\xe2\x9c\x93", "\xe2\x9c\x94",
                                        "\xe2\x9c\x85", "\xe2\x98\x91",
                                        NULL};
    size_t k;
    while (len && s[0] == ' ')
        s++, len--;
    while (len && s[len - 1] == ' ')
        len--;
    for (k = 0; ticks[k]; k++)
        if (len == 3 && !memcmp(s, ticks[k], 3))
            return true;
    return false;
}

/* A coloured circle or square alone: SharePoint and Teams lists, and
 * workbooks made from them, write the RAG as an emoji.  Green, amber
 * (orange or yellow) and red only: a blue or white one means what a key
 * says, and none is given here. */
static rag_progress colour_emoji(const char *s, size_t len)
{
    static const struct {
        const char *utf8;
        rag_progress status;
    } marks[] = {
        /* green circle and square, U+1F7E2, U+1F7E9 */
        {"\xf0\x9f\x9f\xa2", RAG_PROGRESS_ON_TARGET},
        {"\xf0\x9f\x9f\xa9", RAG_PROGRESS_ON_TARGET},
        /* orange and yellow circles, U+1F7E0, U+1F7E1; squares */
        {"\xf0\x9f\x9f\xa0", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"\xf0\x9f\x9f\xa1", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"\xf0\x9f\x9f\xa7", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"\xf0\x9f\x9f\xa8", RAG_PROGRESS_ONE_MONTH_BEHIND},
        /* red circle U+1F534, red square U+1F7E5 */
        {"\xf0\x9f\x94\xb4", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"\xf0\x9f\x9f\xa5", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {NULL, RAG_PROGRESS_NONE}};
    size_t k;
    while (len && s[0] == ' ')
        s++, len--;
    while (len && s[len - 1] == ' ')
        len--;
    /* the emoji presentation selector U+FE0F may follow */
    if (len == 7 && !memcmp(s + 4, "\xef\xb8\x8f", 3))
        len = 4;
    for (k = 0; marks[k].utf8; k++)
        if (len == 4 && !memcmp(s, marks[k].utf8, 4))
            return marks[k].status;
    return RAG_PROGRESS_NONE;
}

rag_progress rg_status_of(const char *s, size_t len)
{
    static const char *const not_done[] = {
        "incomplete", "uncompleted", "incompleted", "unfinished",
        "undelivered", "unachieved", "nonachieved", NULL};
    toks t;
    char joined[256];
    size_t at;
    int v;
    rag_progress q;
    bool bounded;

    if (!s || !len)
        return RAG_PROGRESS_NONE;
    if (tick(s, len))
        return RAG_PROGRESS_COMPLETE; /* a tick alone: done */
    if ((q = colour_emoji(s, len)) != RAG_PROGRESS_NONE)
        return q;
    {
        /* words that give a status only when they are the whole of it:
         * "Met", "Embedded" (done), a key's "Good", "Poor", "Critical";
         * in a sentence ("The board met in June", "Good links with the
         * CCG") they do not */
        static const rg_word alone[] = {
            {"met", RAG_PROGRESS_COMPLETE},
            {"embedded", RAG_PROGRESS_COMPLETE},
            {"good", RAG_PROGRESS_ON_TARGET},
            {"excellent", RAG_PROGRESS_ON_TARGET},
            {"exceeding", RAG_PROGRESS_ON_TARGET},
            {"concerns", RAG_PROGRESS_ONE_MONTH_BEHIND},
            {"poor", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
            {"critical", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
            {"failing", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
            {NULL, 0}};
        char norm[16];
        size_t k;
        if (len < sizeof norm) {
            rg_norm(s, len, norm, sizeof norm);
            for (k = 0; alone[k].text; k++)
                if (!strcmp(norm, alone[k].text))
                    return (rag_progress)alone[k].value;
        }
    }
    if ((v = rag_initial(s, len)) != 0)
        return (rag_progress)v;
    tokenise(s, len, &t);
    if (!t.n)
        return RAG_PROGRESS_NONE;
    if (any(&t, not_done))
        return RAG_PROGRESS_OVER_ONE_MONTH_BEHIND;
    if (new_date(&t))
        return RAG_PROGRESS_REPROGRAMMED;
    q = quantity(&t, &bounded);
    if (q != RAG_PROGRESS_NONE && any(&t, late_words))
        return q;
    /* a figure alone ("5.8 days", a period's result) says nothing of
     * progress; a bound does ("Up to 1 month", "Over 4 weeks") */
    if (!bounded)
        q = RAG_PROGRESS_NONE;
    join_words(&t, joined, sizeof joined);
    v = rg_vocab_find(rg_status_words, joined, &at);
    if (v <= 0)
        return q; /* a quantity alone: "Up to 1 month", "Over 1 month" */
    if (match_negated(&t, joined, at)) {
        if (v == RAG_PROGRESS_ON_TARGET || v == RAG_PROGRESS_COMPLETE)
            return RAG_PROGRESS_OVER_ONE_MONTH_BEHIND;
        if (v == RAG_PROGRESS_ONE_MONTH_BEHIND ||
            v == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND)
            return RAG_PROGRESS_ON_TARGET; /* "not late" */
        return RAG_PROGRESS_NONE;
    }
    return (rag_progress)v;
}

bool rg_status_unmeasured_late(const char *s, size_t len)
{
    static const char *const colours[] = {"red", "amber", NULL};
    rag_progress p = rg_status_of(s, len);
    toks t;
    bool bounded;

    if ((p != RAG_PROGRESS_OVER_ONE_MONTH_BEHIND &&
         p != RAG_PROGRESS_ONE_MONTH_BEHIND) ||
        rag_initial(s, len) != 0)
        return false;
    tokenise(s, len, &t);
    /* "Red" says how late by its colour; "Over a month late" by its
     * figure: only words that say late and not how late are left */
    return !any(&t, colours) &&
           quantity(&t, &bounded) == RAG_PROGRESS_NONE && !bounded;
}

bool rg_status_closed(const char *s, size_t len)
{
    toks t;
    char joined[256];
    size_t at;

    if (!s || !len)
        return false;
    tokenise(s, len, &t);
    join_words(&t, joined, sizeof joined);
    if (rg_vocab_find(rg_closed_words, joined, &at) <= 0)
        return false;
    /* "not cancelled", "never withdrawn": still owed */
    return !match_negated(&t, joined, at);
}

bool rg_status_names(const char *s, size_t len, rag_progress p)
{
    char norm[256];
    const rg_word *w;

    if (!s || !len)
        return false;
    rg_norm(s, len, norm, sizeof norm);
    for (w = rg_status_words; w->text; w++)
        if (w->value == (int)p && rg_norm_has(norm, w->text))
            return true;
    return false;
}
