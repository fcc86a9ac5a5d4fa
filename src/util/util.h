/*
 * Internal helpers shared across ragbook's parts: allocation (with a hook
 * so tests can fail allocation i for every i), the string arena, growable
 * buffers and the error setter.  Names are rg_ (internal, hidden).
 */
#ifndef RG_UTIL_H
#define RG_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ragbook/ragbook.h"

/* ---- allocation ------------------------------------------------------ */

/* All library allocations go through these.  After rg_alloc_fail_after(n),
 * allocation number n (0-based) and every later one fails; -1 disables. */
void *rg_malloc(size_t size);
void *rg_calloc(size_t count, size_t size);
void *rg_realloc(void *ptr, size_t size);
void rg_free(void *ptr);
char *rg_strdup(const char *s);
void rg_alloc_fail_after(long n);
long rg_alloc_count(void);
/* true while a failure is set up: the count is then one sequence, which
 * threads allocating at once would make a race (the reader then stays on
 * one thread). */
bool rg_alloc_hooked(void);

/* Grow *items (of *cap elements of size elem) to hold at least need.
 * Returns false on overflow or out of memory, leaving *items valid. */
bool rg_grow(void **items, size_t *cap, size_t need, size_t elem);

/* ---- arena: many strings, freed at once ------------------------------ */

typedef struct rg_block rg_block;
typedef struct rg_arena {
    rg_block *head;  /* newest block first */
    size_t used;     /* bytes handed out so far */
    size_t limit;    /* hard cap; 0 = none */
} rg_arena;

void rg_arena_init(rg_arena *a, size_t limit);
void *rg_arena_alloc(rg_arena *a, size_t size);  /* NULL: no memory/limit */
char *rg_arena_strndup(rg_arena *a, const char *s, size_t n);
char *rg_arena_strdup(rg_arena *a, const char *s); /* NULL s gives NULL */
char *rg_arena_printf(rg_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void rg_arena_free(rg_arena *a);                  /* a is reusable */
/* Move every block of from into a (from is left empty): strings made in
 * an arena of their own, on another thread, then live and die with a.
 * a's limit is not applied to them. */
void rg_arena_adopt(rg_arena *a, rg_arena *from);

/* ---- growable byte buffer -------------------------------------------- */

typedef struct rg_buf {
    char *data;      /* always NUL-terminated when len > 0 or cap > 0 */
    size_t len, cap;
} rg_buf;

bool rg_buf_append(rg_buf *b, const char *s, size_t n);
bool rg_buf_puts(rg_buf *b, const char *s);
bool rg_buf_putc(rg_buf *b, char c);
bool rg_buf_printf(rg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void rg_buf_reset(rg_buf *b);     /* len = 0, keeps memory */
void rg_buf_free(rg_buf *b);

/* ---- errors ---------------------------------------------------------- */

/* Set err (unless NULL or already set) and return status, so callers can
 * write `return rg_fail(err, RAG_ERR_FORMAT, "bad %s", x);`. */
rag_status rg_fail(rag_error *err, rag_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rg_error_set_part(rag_error *err, const char *part);
void rg_error_set_sheet(rag_error *err, const char *sheet);
void rg_error_set_cell(rag_error *err, uint32_t row0, uint32_t col0);

/* ---- text ------------------------------------------------------------ */

/* Copy at most size-1 bytes and NUL-terminate (size > 0). */
void rg_strlcpy(char *dst, const char *src, size_t size);
bool rg_streq_nocase(const char *a, const char *b);
/* Parse a decimal number; false unless the whole (trimmed) text is one. */
bool rg_parse_double(const char *s, double *out);
/* Parse an unsigned decimal integer; false unless the whole text is one. */
bool rg_parse_u32(const char *s, uint32_t *out);
/* Shortest text that reads back to the same double ("6", "0.1", "-0.3"). */
int rg_format_double(double v, char *buf, size_t size);

/* ---- JSON ------------------------------------------------------------ */

/* s (len bytes of UTF-8) as a JSON string, quotes included. */
void rg_json_string(FILE *f, const char *s, size_t len);
/* Append s[0..len) to b as a JSON string; false when out of memory. */
bool rg_json_buf(rg_buf *b, const char *s, size_t len);
/* A C string as JSON, or null for NULL. */
void rg_json_cstr(FILE *f, const char *s);

/* ---- colours --------------------------------------------------------- */

/* The legacy 64-colour palette (plus 64/65 system colours). */
uint32_t rg_indexed_color(uint32_t index);
/* Apply an OOXML tint (-1..1) to an RGB colour, on HSL lightness. */
uint32_t rg_apply_tint(uint32_t rgb, double tint);
/* 0xRRGGBB as hue, lightness and saturation, each 0..1. */
void rg_rgb_hls(uint32_t rgb, double *h, double *l, double *s);
/* Parse "FF92D050" (ARGB) or "92D050" (RGB); false when malformed. */
bool rg_parse_rgb(const char *s, uint32_t *out);

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant): the
 * one copy of the calendar arithmetic. */
long rg_days_from_civil(long y, unsigned m, unsigned d);

#endif
