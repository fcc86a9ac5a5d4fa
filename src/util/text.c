/* Small text helpers: bounded copies, strict number parsing, and the
 * shortest round-trip form of a double. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void rg_strlcpy(char *dst, const char *src, size_t size)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    /* Do not cut a UTF-8 sequence in half. */
    while (n > 0 && n < strlen(src) && ((unsigned char)src[n] & 0xC0) == 0x80)
        n--;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

bool rg_streq_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
    return *a == *b;
}

bool rg_parse_double(const char *s, double *out)
{
    char *end;
    double v;

    /* Whole numbers of up to 15 digits, the commonest <v>, are exact in a
     * double: no need for strtod. */
    {
        const char *p = s;
        uint64_t u = 0;
        int digits = 0;
        bool neg = *p == '-';
        if (neg)
            p++;
        while (*p >= '0' && *p <= '9' && digits < 16) {
            u = u * 10 + (uint64_t)(*p - '0');
            p++;
            digits++;
        }
        if (*p == '\0' && digits > 0 && digits <= 15) {
            *out = neg ? -(double)u : (double)u;
            return true;
        }
    }
    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return false;
    /* strtod would take "nan", "inf" and hex; a cell holds none of them. */
    {
        const char *p = s;
        if (*p == '-' || *p == '+')
            p++;
        if (!isdigit((unsigned char)*p) && *p != '.')
            return false;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
            return false;
    }
    errno = 0;
    v = strtod(s, &end);
    if (end == s)
        return false;
    while (isspace((unsigned char)*end))
        end++;
    if (*end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool rg_parse_u32(const char *s, uint32_t *out)
{
    uint64_t v = 0;

    if (!*s)
        return false;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s))
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > UINT32_MAX)
            return false;
    }
    *out = (uint32_t)v;
    return true;
}

/* The decimal u * 10^-k (k >= 1) into buf, as %g writes it: trailing
 * zeros of the fraction dropped, "0." before a fraction below one. */
static int format_fixed(bool negative, uint64_t u, int k, char *buf)
{
    char digits[24];
    int d = 0, n = 0;

    while (k > 0 && u % 10 == 0) { /* 1.50 is 1.5 */
        u /= 10;
        k--;
    }
    do {
        digits[d++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (d <= k)                 /* 0.05: the zeros before the digits */
        digits[d++] = '0';
    if (negative)
        buf[n++] = '-';
    while (d > 0) {
        if (d == k)
            buf[n++] = '.';
        buf[n++] = digits[--d];
    }
    buf[n] = '\0';
    return n;
}

int rg_format_double(double v, char *buf, size_t size)
{
    int prec;

    if (v == 0)
        return snprintf(buf, size, "0");
    /* Whole numbers, the commonest cells, by hand. */
    if (fabs(v) < 1e15 && v == floor(v) && size >= 18) {
        char digits[20];
        uint64_t u = (uint64_t)fabs(v);
        int d = 0, n = 0;
        do {
            digits[d++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0)
            buf[n++] = '-';
        while (d > 0)
            buf[n++] = digits[--d];
        buf[n] = '\0';
        return n;
    }
    /* Decimals of up to 15 significant digits (0.75, 1234.56), the next
     * commonest, by hand too: snprintf and the strtod that checks it were
     * a tenth of `cells`.  When v * 10^k is a whole s below 10^15 and
     * s / 10^k gives v back (both exact operands, so the division is
     * rounded as strtod rounds that decimal), the decimal s * 10^-k reads
     * back to v and has at most 15 digits, so "%.15g" prints exactly it.
     * Only where %g would not switch to an exponent: 1e-4 <= |v| < 1e15. */
    if (fabs(v) >= 1e-4 && fabs(v) < 1e15 && size >= 24) {
        static const double pow10[] = {1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                       1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
                                       1e14, 1e15};
        int k;
        for (k = 1; k <= 15; k++) {
            double s = fabs(v) * pow10[k - 1];
            if (s >= 1e15)
                break;
            if (s == floor(s) && s / pow10[k - 1] == fabs(v))
                return format_fixed(v < 0, (uint64_t)s, k, buf);
        }
    }
    for (prec = 15; prec <= 17; prec++) {
        int n = snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return n;
    }
    return snprintf(buf, size, "%.17g", v);
}
