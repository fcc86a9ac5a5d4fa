/*
 * The calendar rules shared by recognition, validation and the outputs.
 * UK council years: day-first dates, financial years April to March.
 */
#include <ctype.h>
#include <string.h>

#include "model/rules.h"
#include "util/util.h"

int rg_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

bool rg_date_valid(int y, int m, int d)
{
    return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= rg_month_days(y, m);
}

int rg_two_digit_year(int yy)
{
    /* The pivot Excel and LibreOffice use for typed two-digit years
     * (00-29 as 20xx there); council plans name years back to the 1990s
     * ("Interim 30/09/99"), and none plan past 2069, so 70 keeps both. */
    return yy < 70 ? 2000 + yy : 1900 + yy;
}

/* Read up to max digits at p; the count read goes to *len. */
static int digits(const char *p, int max, int *len)
{
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)p[n]))
        v = v * 10 + (p[n++] - '0');
    *len = n;
    return v;
}

static void later(rag_date *best, bool *found, int y, int m, int d)
{
    rag_date cand = {y, m, d};
    if (!rg_date_valid(y, m, d))
        return;
    if (!*found || rag_date_days(cand) > rag_date_days(*best))
        *best = cand;
    *found = true;
}

/* The month a word names at p ("Sept", "september", "SEP"), its length
 * in *len; 0 when none.  Three letters or the whole name, and "Sept":
 * the forms officers type. */
static int month_word(const char *p, int *len)
{
    static const char *const names[12] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    int m, n = 0;
    char w[12];

    while (n < 11 && isalpha((unsigned char)p[n])) {
        w[n] = (char)tolower((unsigned char)p[n]);
        n++;
    }
    if (isalpha((unsigned char)p[n]) || n < 3)
        return 0;
    w[n] = 0;
    for (m = 0; m < 12; m++)
        if (!strcmp(w, names[m]) || (n == 3 && !strncmp(w, names[m], 3)) ||
            (m == 8 && !strcmp(w, "sept"))) {
            *len = n;
            return m + 1;
        }
    return 0;
}

/* "March 2025", "Sept 24", "Sep-24", "Mar '25", and "31 March 2025" or
 * "31st March 2025": the date, or the month's last day when no day is
 * given (due by the end of that month).  p is at a letter that starts a
 * word; *used is how far the date runs. */
static bool month_year(const char *text, const char *p, rag_date *d,
                       int *used)
{
    int lm, ly, y, day = 0, m = month_word(p, &lm);
    const char *q = p + lm, *back;

    if (!m)
        return false;
    if (*q == '.')
        q++;
    while (*q == ' ' || *q == '-' || *q == '\'' || *q == ',')
        q++;
    y = digits(q, 4, &ly);
    if (isdigit((unsigned char)q[ly]) || (ly != 4 && ly != 2))
        return false;
    y = ly == 2 ? rg_two_digit_year(y) : y;
    /* a day before the month: "31 March", "31st March" */
    back = p;
    while (back > text && back[-1] == ' ')
        back--;
    if (back - text >= 2 && isalpha((unsigned char)back[-1]) &&
        isalpha((unsigned char)back[-2]))
        back -= 2; /* st, nd, rd, th */
    if (back > text && isdigit((unsigned char)back[-1])) {
        const char *s = back - 1;
        int ld;
        while (s > text && isdigit((unsigned char)s[-1]))
            s--;
        day = digits(s, 2, &ld);
        if (s + ld != back)
            day = 0;
    }
    d->year = y;
    d->month = m;
    d->day = day ? day : rg_month_days(y, m);
    *used = (int)(q + ly - p);
    return true;
}

/* A financial year at s: "2023/2024", "2023/24", "23/24" (and "1999/00");
 * the characters it takes and its first year in *y1, or 0 when s holds
 * none (the two years must follow one another). */
static int financial_year(const char *s, int *y1)
{
    int a, b, la, lb, y2;

    a = digits(s, 4, &la);
    if ((la != 4 && la != 2) || s[la] != '/')
        return 0;
    b = digits(s + la + 1, 4, &lb);
    if ((lb != 4 && lb != 2) || isdigit((unsigned char)s[la + 1 + lb]))
        return 0;
    *y1 = la == 2 ? rg_two_digit_year(a) : a;
    y2 = lb == 2 ? *y1 / 100 * 100 + b : b;
    if (lb == 2 && y2 < *y1)
        y2 += 100;
    return y2 == *y1 + 1 ? la + 1 + lb : 0;
}

/* "Q2 2024/25", "Quarter 3 of 2023/24": the quarter of a financial year
 * (April to March) ends the due.  A quarter with a plain year ("Q3 2024")
 * is left alone: councils mean both the calendar's and the financial
 * year's third quarter by it. */
static bool quarter_of_year(const char *p, rag_date *d, int *used)
{
    const char *q = p;
    int n, y1, fy;

    if (*q != 'Q' && *q != 'q')
        return false;
    if (!strncmp(q + 1, "uarter", 6) || !strncmp(q + 1, "UARTER", 6))
        q += 7;
    else if (!strncmp(q + 1, "tr", 2) || !strncmp(q + 1, "TR", 2))
        q += 3;
    else
        q += 1;
    while (*q == ' ')
        q++;
    if (*q < '1' || *q > '4' || isdigit((unsigned char)q[1]))
        return false;
    n = *q++ - '0';
    while (*q == ' ' || *q == ',' || *q == '-')
        q++;
    if (!strncmp(q, "of ", 3))
        q += 3;
    if (!(fy = financial_year(q, &y1)))
        return false;
    d->year = n == 4 ? y1 + 1 : y1;
    d->month = n == 4 ? 3 : n * 3 + 3;
    d->day = rg_month_days(d->year, d->month);
    *used = (int)(q + fy - p);
    return true;
}

/* "Summer 2023", "Autumn '24": due by the season's last month, as the
 * Met Office counts seasons (spring March to May, summer June to August,
 * autumn September to November, winter December to February, so "Winter
 * 2023" ends in February 2024: the later reading, which never calls an
 * action overdue early).  A season with a financial year ("Spring
 * 2023/24") is left alone: either calendar year may be meant. */
static bool season_year(const char *p, rag_date *d, int *used)
{
    static const struct {
        const char *name;
        int end_month, next_year;
    } seasons[] = {{"spring", 5, 0}, {"summer", 8, 0}, {"autumn", 11, 0},
                   {"fall", 11, 0},  {"winter", 2, 1}};
    size_t k;
    for (k = 0; k < sizeof seasons / sizeof seasons[0]; k++) {
        size_t n = strlen(seasons[k].name), i;
        const char *q = p + n;
        int y, ly;
        for (i = 0; i < n; i++)
            if (tolower((unsigned char)p[i]) != seasons[k].name[i])
                break;
        if (i < n || isalpha((unsigned char)*q))
            continue;
        while (*q == ' ' || *q == '\'' || *q == '-' || *q == ',')
            q++;
        y = digits(q, 4, &ly);
        if ((ly != 4 && ly != 2) || isdigit((unsigned char)q[ly]) ||
            q[ly] == '/')
            return false;
        y = (ly == 2 ? rg_two_digit_year(y) : y) + seasons[k].next_year;
        d->year = y;
        d->month = seasons[k].end_month;
        d->day = rg_month_days(y, d->month);
        *used = (int)(q + ly - p);
        return true;
    }
    return false;
}

bool rg_due_from_text(const char *text, rag_date *out)
{
    const char *p = text;
    bool found = false;
    rag_date best = {0, 0, 0};

    if (!text)
        return false;
    while (*p) {
        int a, b, c, la, lb, lc;
        rag_date md;
        if (isalpha((unsigned char)*p) &&
            (p == text || !isalpha((unsigned char)p[-1]))) {
            int used;
            if (month_year(text, p, &md, &used) ||
                quarter_of_year(p, &md, &used) ||
                season_year(p, &md, &used)) {
                later(&best, &found, md.year, md.month, md.day);
                p += used;
                continue;
            }
        }
        if (!isdigit((unsigned char)*p) ||
            (p > text && isdigit((unsigned char)p[-1]))) {
            p++;
            continue;
        }
        a = digits(p, 4, &la);
        if (isdigit((unsigned char)p[la])) { /* a longer number */
            while (isdigit((unsigned char)*p))
                p++;
            continue;
        }
        if (la == 4 && p[la] == '-') { /* 2010-09-30 */
            b = digits(p + 5, 2, &lb);
            if (lb && p[5 + lb] == '-') {
                c = digits(p + 6 + lb, 2, &lc);
                if (lc) {
                    later(&best, &found, a, b, c);
                    p += 6 + lb + lc;
                    continue;
                }
            }
        }
        if ((p[la] == '/' || p[la] == '.') && la <= 4) {
            char sep = p[la];
            b = digits(p + la + 1, 4, &lb);
            if (lb && p[la + 1 + lb] == sep && la <= 2 && lb <= 2) {
                c = digits(p + la + 2 + lb, 4, &lc);
                if (lc == 2 || lc == 4) { /* 30/09/2010, day first */
                    later(&best, &found, lc == 2 ? rg_two_digit_year(c) : c,
                          b, a);
                    p += la + 2 + lb + lc;
                    continue;
                }
            }
            if (sep == '/') {
                int y1, fy = financial_year(p, &y1);
                if (fy) { /* due by the year's end, 31 March */
                    later(&best, &found, y1 + 1, 3, 31);
                    p += fy;
                    continue;
                }
            }
        }
        p += la;
    }
    if (found && out)
        *out = best;
    return found;
}

rg_family rg_family_of_fill(uint32_t rgb)
{
    double h, l, s, deg;

    /* Excel's Good, Neutral and Bad cell styles (and the conditional
     * formats of the same fills), the pale green, yellow and pink every
     * officer reads as green, amber and red: paler than the named colours
     * below allow, so named here. */
    switch (rgb & 0xFFFFFFu) {
    case 0xC6EFCE: return RG_FAMILY_GREEN;
    case 0xFFEB9C: return RG_FAMILY_AMBER;
    case 0xFFC7CE: return RG_FAMILY_RED;
    default: break;
    }
    rg_rgb_hls(rgb, &h, &l, &s);
    /* Near-greys first: saturation under 0.15 is a grey to the eye
     * (D9D9D9, BFBFBF, 808080); lightness above 0.95 white, under 0.1
     * black. */
    if (l > 0.95)
        return RG_FAMILY_WHITE;
    if (l < 0.1)
        return RG_FAMILY_BLACK;
    if (s < 0.15)
        return RG_FAMILY_GREY;
    /* Saturation 0.4 and lightness 0.2..0.85 for a colour with a name:
     * Excel's standard red (FF0000), orange (FFC000), yellow (FFFF00),
     * greens (00B050, 92D050), blues (0070C0, 00B0F0), purple (7030A0)
     * and their darker theme tints pass; the palest tints (a header's
     * wash) do not. */
    if (s < 0.4 || l < 0.2 || l > 0.85)
        return RG_FAMILY_NONE;
    deg = h * 360.0;
    /* Hue bands: red within 15 degrees of 0 (FF0000 and C00000 are 0);
     * amber from orange to yellow, 25..65 (FFC000 is 45, FFFF00 60);
     * green 75..165 (92D050 is 84, 00B050 147); blue 180..250 (00B0F0 is
     * 196, 0070C0 205); purple 260..330 (7030A0 is 276).  The gaps
     * between (a red-orange, a yellow-green, a teal) name no colour. */
    if (deg <= 15 || deg >= 345)
        return RG_FAMILY_RED;
    if (deg >= 25 && deg <= 65)
        return RG_FAMILY_AMBER;
    if (deg >= 75 && deg <= 165)
        return RG_FAMILY_GREEN;
    if (deg >= 180 && deg <= 250)
        return RG_FAMILY_BLUE;
    if (deg >= 260 && deg <= 330)
        return RG_FAMILY_PURPLE;
    return RG_FAMILY_NONE;
}

rg_family rg_family_of_word(const char *w, size_t len, uint32_t *usual)
{
    static const struct {
        const char *word;
        rg_family family;
        uint32_t usual;
    } words[] = {
        {"red", RG_FAMILY_RED, 0xFF0000},
        {"amber", RG_FAMILY_AMBER, 0xFFC000},
        {"orange", RG_FAMILY_AMBER, 0xFFC000},
        {"yellow", RG_FAMILY_AMBER, 0xFFFF00},
        {"green", RG_FAMILY_GREEN, 0x00B050},
        {"blue", RG_FAMILY_BLUE, 0x0070C0},
        {"purple", RG_FAMILY_PURPLE, 0x7030A0},
        {"grey", RG_FAMILY_GREY, 0xBFBFBF},
        {"gray", RG_FAMILY_GREY, 0xBFBFBF},
        {"white", RG_FAMILY_WHITE, 0xFFFFFF},
        {"black", RG_FAMILY_BLACK, 0x000000},
    };
    size_t k, i;

    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        const char *x = words[k].word;
        if (strlen(x) != len)
            continue;
        for (i = 0; i < len; i++)
            if (tolower((unsigned char)w[i]) != x[i])
                break;
        if (i == len) {
            if (usual)
                *usual = words[k].usual;
            return words[k].family;
        }
    }
    return RG_FAMILY_NONE;
}

rag_progress rg_status_when_late(rag_progress stated, rag_date due,
                                 rag_date as_of)
{
    long late;

    if (stated == RAG_PROGRESS_COMPLETE || stated == RAG_PROGRESS_SUSPENDED ||
        stated == RAG_PROGRESS_REPROGRAMMED ||
        stated == RAG_PROGRESS_OVER_ONE_MONTH_BEHIND || !due.year ||
        !as_of.year)
        return stated;
    late = rag_date_days(as_of) - rag_date_days(due);
    if (late <= 0)
        return stated;
    /* 31 days: a month in the legends' sense ("up to 1 month behind") */
    if (late > 31)
        return RAG_PROGRESS_OVER_ONE_MONTH_BEHIND;
    return stated == RAG_PROGRESS_ONE_MONTH_BEHIND
               ? stated
               : RAG_PROGRESS_ONE_MONTH_BEHIND;
}

rag_rating rg_rating_of_fill(uint32_t rgb)
{
    rg_family f = rg_family_of_fill(rgb);

    return f == RG_FAMILY_RED     ? RAG_RATING_RED
           : f == RG_FAMILY_AMBER ? RAG_RATING_AMBER
           : f == RG_FAMILY_GREEN ? RAG_RATING_GREEN
                                  : RAG_RATING_NONE;
}

int rg_fy_start_from_text(const char *text)
{
    const char *p;
    int a, la;

    for (p = text; p && *p; p++) {
        if (!isdigit((unsigned char)*p))
            continue;
        a = digits(p, 4, &la);
        if ((la == 4 || la == 2) && p[la] == '/')
            return la == 2 ? rg_two_digit_year(a) : a;
        p += la - 1;
    }
    return 0;
}

/* The words a comment opens with when its action is done, lower case,
 * one space between words. */
static const char *const complete_words[] = {
    "complete", "completed", "achieved", "done", "finished", "closed",
    "action complete", "action completed", "fully complete",
    "now complete", "implemented", "fully implemented", "delivered",
    "fully delivered", "went live", "gone live", "now live", "signed off",
    "in place", "now completed", "no further action", NULL};

/* What a comment may say before those words: "This action is now
 * complete", "Work completed and signed off", "Recommendation closed".
 * Longest first. */
static const char *const complete_subjects[] = {
    "this action has now been", "this action has been", "this action is now",
    "this action is", "the action has been", "the action is now",
    "the action is", "action has been", "action is now", "action is",
    "work has been", "work is now", "work is", "all work", "work",
    "recommendation", "task", NULL};

/* Does norm open with one of complete_words as its whole first words?
 * "Complete by end of March" says when it will be, not that it is:
 * "complete" (not "completed") followed by "by" is no statement of done. */
static bool opens_complete(const char *norm)
{
    size_t k;
    for (k = 0; complete_words[k]; k++) {
        size_t n = strlen(complete_words[k]);
        if (strncmp(norm, complete_words[k], n) != 0)
            continue;
        if (!strcmp(complete_words[k], "complete") &&
            !strncmp(norm + n, " by", 3) &&
            (norm[n + 3] == ' ' || norm[n + 3] == '\0'))
            return false;
        if (norm[n] == '\0')
            return true;
        /* "Completed to date: 3 of 5 workshops", "Work done so far
         * includes ...": how far it has got, not that it is done */
        if (norm[n] == ' ' && norm[n + 1] != '?' &&
            strncmp(norm + n, " to date", 8) &&
            strncmp(norm + n, " so far", 7) &&
            strncmp(norm + n, " include", 8))
            return true;
    }
    return false;
}

bool rg_says_complete(const char *comment)
{
    char norm[64];
    size_t o = 0, k;
    const char *s = comment;

    if (!s)
        return false;
    /* lower case, each run of anything but letters, digits and '?' one
     * space: "Completed - letter sent" is "completed letter sent" */
    while (*s && o + 1 < sizeof norm) {
        unsigned char ch = (unsigned char)*s++;
        if (isalnum(ch) || ch == '?' || ch >= 0x80)
            norm[o++] = (char)tolower(ch);
        else if (o && norm[o - 1] != ' ')
            norm[o++] = ' ';
    }
    norm[o] = '\0';
    if (opens_complete(norm))
        return true;
    for (k = 0; complete_subjects[k]; k++) {
        size_t n = strlen(complete_subjects[k]);
        if (!strncmp(norm, complete_subjects[k], n) && norm[n] == ' ')
            return opens_complete(norm + n + 1);
    }
    return false;
}
