/*
 * One pass of expat over a part, copying its bytes through.
 *
 * The editor never re-serialises what it does not change: a pass feeds the
 * part's bytes to expat and keeps them, and the handlers say what happens
 * to each element by byte offsets (XML_GetCurrentByteIndex and
 * XML_GetCurrentByteCount give the span of the tag being reported): copy
 * the input up to here, skip up to there, emit new bytes.  Input that no
 * handler asks for is copied as it is.  Bytes before the last copy or
 * skip are released as the pass goes, so memory stays flat in the size of
 * the part (the bytes of one pending element at most).
 *
 * Handlers get qualified names as written ("x:c"), and the local name;
 * attributes as expat gives them (qualified, values unescaped).  Hardened
 * as the reader is: a DOCTYPE or an entity declaration stops the pass,
 * expat's billion-laughs protection is on, the depth is capped.
 */
#ifndef RG_EDIT_XPASS_H
#define RG_EDIT_XPASS_H

#include "util/util.h"

typedef struct ep_pass ep_pass;

typedef struct ep_handlers {
    void (*start)(ep_pass *p, void *ctx, const char *qname,
                  const char *local, const char **attrs);
    void (*end)(ep_pass *p, void *ctx, const char *qname, const char *local);
    void (*text)(ep_pass *p, void *ctx, const char *s, int len);
} ep_handlers;

/* Where the output goes; a non-zero return stops the pass (RAG_ERR_IO
 * unless the sink set an error). */
typedef int (*ep_sink)(void *ctx, const char *data, size_t len);

/* A pass writing to sink (NULL: a pass that only reads). */
ep_pass *ep_new(const ep_handlers *h, void *ctx, ep_sink sink,
                void *sink_ctx, rag_error *err);
void ep_free(ep_pass *p);

/* Feed len bytes (final on the last call, which may have len 0). */
rag_status ep_feed(ep_pass *p, const char *data, size_t len, bool final);

/* Parse a whole buffer in one call. */
rag_status ep_run(ep_pass *p, const char *data, size_t len);

/* A whole pass over a buffer in one call (data may be NULL when len is
 * 0): new, run, free.  sink NULL reads only. */
rag_status ep_pass_buffer(const ep_handlers *h, void *ctx, ep_sink sink,
                          void *sink_ctx, const char *data, size_t len,
                          rag_error *err);

/* ---- inside handlers ---------------------------------------------------- */

/* The span of the tag being reported: [*start, *start + *len).  An empty
 * element's end has len 0 (its start tag was the whole element). */
void ep_span(const ep_pass *p, uint64_t *start, uint64_t *len);
/* The input bytes [start, start + len), which must not be released yet
 * (at or after the last copy or skip); NULL otherwise. */
const char *ep_bytes(const ep_pass *p, uint64_t start, uint64_t len);
/* Copy the input up to offset `to` (from where the last copy or skip
 * ended). */
void ep_copy_to(ep_pass *p, uint64_t to);
/* Drop the input up to `to` without copying it. */
void ep_skip_to(ep_pass *p, uint64_t to);
/* Emit new bytes. */
void ep_emit(ep_pass *p, const char *s, size_t n);
void ep_puts(ep_pass *p, const char *s);
/* Emit s with &, <, >, " escaped (for text and attribute values). */
void ep_escaped(ep_pass *p, const char *s, size_t n);
/* Hold the input from offset `from` on (do not release it) until
 * ep_release(): a handler that decides at an element's end what to do
 * with the whole element holds it at its start. */
void ep_hold(ep_pass *p, uint64_t from);
void ep_release(ep_pass *p);
/* Stop with an error (the first wins). */
void ep_fail(ep_pass *p, rag_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Element depth (the root is 1). */
uint32_t ep_depth(const ep_pass *p);

/* Attribute lookup by local name (prefix ignored). */
const char *ep_attr(const char **attrs, const char *local);
/* The prefix of a qualified name, "x" of "x:c", into buf; "" for none. */
void ep_prefix(const char *qname, char *buf, size_t size);
/* Append s escaped for XML (text and attribute values) to b. */
bool ep_buf_escaped(rg_buf *b, const char *s, size_t n);

#endif
