/* Allocation with a failure hook, so tests can make allocation number i
 * fail for every i (as expat's alloc_tests.c does) and check that nothing
 * crashes or leaks. */
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static long fail_after = -1; /* -1: never fail */
static long alloc_count;

void rg_alloc_fail_after(long n)
{
    fail_after = n;
    alloc_count = 0;
}

long rg_alloc_count(void)
{
    return alloc_count;
}

bool rg_alloc_hooked(void)
{
    return fail_after >= 0;
}

static bool should_fail(void)
{
    if (fail_after < 0)
        return false;
    return alloc_count++ >= fail_after;
}

void *rg_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *rg_calloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    if (count == 0 || size == 0)
        return calloc(1, 1);
    return calloc(count, size);
}

void *rg_realloc(void *ptr, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void rg_free(void *ptr)
{
    free(ptr);
}

char *rg_strdup(const char *s)
{
    size_t n;
    char *copy;

    if (!s)
        return NULL;
    n = strlen(s);
    copy = rg_malloc(n + 1);
    if (copy)
        memcpy(copy, s, n + 1);
    return copy;
}

bool rg_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    size_t new_cap;
    void *p;

    if (need <= *cap)
        return true;
    new_cap = *cap ? *cap : 8;
    while (new_cap < need) {
        if (new_cap > SIZE_MAX / 2)
            return false;
        new_cap *= 2;
    }
    if (elem && new_cap > SIZE_MAX / elem)
        return false;
    p = rg_realloc(*items, new_cap * elem);
    if (!p)
        return false;
    *items = p;
    *cap = new_cap;
    return true;
}
