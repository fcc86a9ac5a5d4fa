/*
 * The calendar rules shared by recognition, validation and the outputs.
 * UK council years: day-first dates, financial years April to March.
 */
#include <ctype.h>
#include <string.h>

#include "model/rules.h"

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

bool rg_due_from_text(const char *text, rag_date *out)
{
    const char *p = text;
    bool found = false;
    rag_date best = {0, 0, 0};

    if (!text)
        return false;
    while (*p) {
        int a, b, c, la, lb, lc;
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
            if (lb && sep == '/' && !isdigit((unsigned char)p[la + 1 + lb])) {
                /* a financial year: 2023/2024, 2023/24, 23/24 */
                int y1 = la == 2 ? rg_two_digit_year(a) : a;
                int y2 = lb == 2 ? y1 / 100 * 100 + b : b;
                if (lb == 2 && y2 < y1) /* 1999/00 */
                    y2 += 100;
                if ((la == 4 || la == 2) && (lb == 4 || lb == 2) &&
                    y2 == y1 + 1) {
                    later(&best, &found, y2, 3, 31);
                    p += la + 1 + lb;
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
