/* The arena owns the strings of a workbook and its model: allocation is a
 * pointer bump, and everything goes at once in rg_arena_free(). */
#include <stdio.h>
#include <string.h>

#include "util/util.h"

struct rg_block {
    rg_block *next;
    size_t size, used;
    max_align_t data[]; /* aligned storage */
};

#define BLOCK_MIN (64 * 1024)

void rg_arena_init(rg_arena *a, size_t limit)
{
    a->head = NULL;
    a->used = 0;
    a->limit = limit;
}

void *rg_arena_alloc(rg_arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    rg_block *b = a->head;
    size_t need;

    if (size > SIZE_MAX - align)
        return NULL;
    need = (size + align - 1) & ~(align - 1);
    if (a->limit && (need > a->limit || a->used > a->limit - need))
        return NULL;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > BLOCK_MIN ? need : BLOCK_MIN;
        b = rg_malloc(sizeof(rg_block) + bsize);
        if (!b)
            return NULL;
        b->size = bsize;
        b->used = 0;
        /* A big one-off block goes behind the head so the head's free
         * space is not wasted. */
        if (a->head && need > BLOCK_MIN) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    {
        void *p = (char *)b->data + b->used;
        b->used += need;
        a->used += need;
        return p;
    }
}

char *rg_arena_strndup(rg_arena *a, const char *s, size_t n)
{
    char *p = n < SIZE_MAX ? rg_arena_alloc(a, n + 1) : NULL;
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rg_arena_strdup(rg_arena *a, const char *s)
{
    return s ? rg_arena_strndup(a, s, strlen(s)) : NULL;
}

char *rg_arena_printf(rg_arena *a, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *p;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    p = rg_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void rg_arena_free(rg_arena *a)
{
    rg_block *b = a->head;
    while (b) {
        rg_block *next = b->next;
        rg_free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}

void rg_arena_adopt(rg_arena *a, rg_arena *from)
{
    rg_block *last;

    if (!from->head)
        return;
    /* from's blocks go behind a's head, which keeps its free space for
     * the next allocation */
    for (last = from->head; last->next; last = last->next)
        ;
    if (a->head) {
        last->next = a->head->next;
        a->head->next = from->head;
    } else {
        a->head = from->head;
    }
    a->used += from->used;
    from->head = NULL;
    from->used = 0;
}
