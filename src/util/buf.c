/* A growable, NUL-terminated byte buffer. */
#include <stdio.h>
#include <string.h>

#include "util/util.h"

bool rg_buf_append(rg_buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->len - 1)
        return false;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap;
        if (!rg_grow((void **)&b->data, &cap, b->len + n + 1, 1))
            return false;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool rg_buf_puts(rg_buf *b, const char *s)
{
    return rg_buf_append(b, s, strlen(s));
}

bool rg_buf_putc(rg_buf *b, char c)
{
    return rg_buf_append(b, &c, 1);
}

bool rg_buf_printf(rg_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return false;
    if ((size_t)n < sizeof small)
        return rg_buf_append(b, small, (size_t)n);
    if (!rg_buf_append(b, "", 0))
        return false;
    {
        size_t cap = b->cap;
        if (!rg_grow((void **)&b->data, &cap, b->len + (size_t)n + 1, 1))
            return false;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

void rg_buf_reset(rg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void rg_buf_free(rg_buf *b)
{
    rg_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
