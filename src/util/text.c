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

int rg_format_double(double v, char *buf, size_t size)
{
    int prec;

    if (v == 0)
        return snprintf(buf, size, "0");
    if (fabs(v) < 1e15 && v == floor(v))
        return snprintf(buf, size, "%.0f", v);
    for (prec = 15; prec <= 17; prec++) {
        int n = snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return n;
    }
    return snprintf(buf, size, "%.17g", v);
}
