/* expat with byte offsets, for copying parts through: see xpass.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define XML_DTD /* the billion-laughs API needs it, as in read/xml.c */
#include <expat.h>

#include "edit/xpass.h"

/* What the input may nest to: the reader's default. */
#define MAX_DEPTH 256
/* Output is handed to the sink in pieces of about this size. */
#define OUT_CHUNK (256u * 1024)

struct ep_pass {
    XML_Parser parser;
    const ep_handlers *h;
    void *ctx;
    ep_sink sink;
    void *sink_ctx;
    rag_error *err;
    rag_status status;
    bool stopped;
    uint32_t depth;
    rg_buf in;          /* input bytes from offset base on */
    uint64_t base;      /* offset of in.data[0] */
    uint64_t pos;       /* input before this is copied or skipped */
    uint64_t fed;       /* input bytes fed so far */
    uint64_t mark;      /* end of the last reported tag */
    uint64_t hold;      /* UINT64_MAX: nothing held */
    rg_buf out;
};

void ep_fail(ep_pass *p, rag_status st, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    if (p->status == RAG_OK) {
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        p->status = rg_fail(p->err, st, "%s", msg);
        p->status = st;
    }
    if (!p->stopped) {
        p->stopped = true;
        XML_StopParser(p->parser, XML_FALSE);
    }
}

static void flush_out(ep_pass *p, bool all)
{
    if (!p->out.len || (!all && p->out.len < OUT_CHUNK))
        return;
    if (p->sink && p->status == RAG_OK &&
        p->sink(p->sink_ctx, p->out.data, p->out.len))
        ep_fail(p, RAG_ERR_IO, "cannot write the output");
    rg_buf_reset(&p->out);
}

void ep_emit(ep_pass *p, const char *s, size_t n)
{
    if (p->status != RAG_OK || !n)
        return;
    if (!rg_buf_append(&p->out, s, n)) {
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    flush_out(p, false);
}

void ep_puts(ep_pass *p, const char *s)
{
    ep_emit(p, s, strlen(s));
}

bool ep_buf_escaped(rg_buf *b, const char *s, size_t n)
{
    size_t i, from = 0;
    for (i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\r': rep = "&#13;"; break;
        case '\t': rep = "&#9;"; break;
        case '\n': rep = "&#10;"; break;
        default: break;
        }
        if (!rep)
            continue;
        if (!rg_buf_append(b, s + from, i - from) || !rg_buf_puts(b, rep))
            return false;
        from = i + 1;
    }
    return rg_buf_append(b, s + from, n - from);
}

void ep_escaped(ep_pass *p, const char *s, size_t n)
{
    if (p->status != RAG_OK)
        return;
    if (!ep_buf_escaped(&p->out, s, n))
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
    flush_out(p, false);
}

const char *ep_bytes(const ep_pass *p, uint64_t start, uint64_t len)
{
    if (start < p->base || start + len > p->base + p->in.len)
        return NULL;
    return p->in.data + (start - p->base);
}

void ep_copy_to(ep_pass *p, uint64_t to)
{
    const char *b;
    if (to <= p->pos)
        return;
    b = ep_bytes(p, p->pos, to - p->pos);
    if (!b) {
        ep_fail(p, RAG_ERR_FORMAT, "internal: input released too early");
        return;
    }
    ep_emit(p, b, (size_t)(to - p->pos));
    p->pos = to;
}

void ep_skip_to(ep_pass *p, uint64_t to)
{
    if (to > p->pos)
        p->pos = to;
}

void ep_hold(ep_pass *p, uint64_t from)
{
    p->hold = from;
}

void ep_release(ep_pass *p)
{
    p->hold = UINT64_MAX;
}

void ep_span(const ep_pass *p, uint64_t *start, uint64_t *len)
{
    XML_Index i = XML_GetCurrentByteIndex(p->parser);
    int n = XML_GetCurrentByteCount(p->parser);
    *start = i < 0 ? 0 : (uint64_t)i;
    *len = n < 0 ? 0 : (uint64_t)n;
}

uint32_t ep_depth(const ep_pass *p)
{
    return p->depth;
}

const char *ep_attr(const char **attrs, const char *local)
{
    for (; attrs && attrs[0]; attrs += 2) {
        const char *c = strchr(attrs[0], ':');
        const char *n = c ? c + 1 : attrs[0];
        if (!strcmp(n, local) && strncmp(attrs[0], "xmlns", 5))
            return attrs[1];
    }
    return NULL;
}

void ep_prefix(const char *qname, char *buf, size_t size)
{
    const char *c = strchr(qname, ':');
    size_t n = c ? (size_t)(c - qname) : 0;
    if (n >= size)
        n = size - 1;
    memcpy(buf, qname, n);
    buf[n] = '\0';
}

static const char *local_of(const char *q)
{
    const char *c = strchr(q, ':');
    return c ? c + 1 : q;
}

/* The end of the tag just reported: copying can go up to there. */
static void note_mark(ep_pass *p)
{
    uint64_t s, n;
    ep_span(p, &s, &n);
    if (s + n > p->mark)
        p->mark = s + n;
}

static void XMLCALL on_start(void *data, const XML_Char *name,
                             const XML_Char **attrs)
{
    ep_pass *p = data;
    if (p->stopped)
        return;
    if (++p->depth > MAX_DEPTH) {
        ep_fail(p, RAG_ERR_LIMIT, "XML nested more than %d deep", MAX_DEPTH);
        return;
    }
    if (p->h->start)
        p->h->start(p, p->ctx, name, local_of(name), attrs);
    note_mark(p);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    ep_pass *p = data;
    if (p->stopped)
        return;
    if (p->h->end)
        p->h->end(p, p->ctx, name, local_of(name));
    note_mark(p);
    p->depth--;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
    ep_pass *p = data;
    if (!p->stopped && p->h->text)
        p->h->text(p, p->ctx, s, len);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name,
                               const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset)
{
    (void)name; (void)sysid; (void)pubid; (void)has_internal_subset;
    ep_fail(data, RAG_ERR_FORMAT, "a DOCTYPE, which XLSX never has, is "
            "refused (its entities could expand without end)");
}

static void XMLCALL on_entity(void *data, const XML_Char *name, int is_param,
                              const XML_Char *value, int value_len,
                              const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid,
                              const XML_Char *notation)
{
    (void)name; (void)is_param; (void)value; (void)value_len; (void)base;
    (void)sysid; (void)pubid; (void)notation;
    ep_fail(data, RAG_ERR_FORMAT, "an entity declaration, which XLSX never "
            "has, is refused");
}

static const XML_Memory_Handling_Suite memsuite = {rg_malloc, rg_realloc,
                                                   rg_free};

ep_pass *ep_new(const ep_handlers *h, void *ctx, ep_sink sink,
                void *sink_ctx, rag_error *err)
{
    ep_pass *p = rg_calloc(1, sizeof *p);
    if (!p) {
        rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        return NULL;
    }
    p->h = h;
    p->ctx = ctx;
    p->sink = sink;
    p->sink_ctx = sink_ctx;
    p->err = err;
    p->hold = UINT64_MAX;
    p->parser = XML_ParserCreate_MM(NULL, &memsuite, NULL);
    if (!p->parser) {
        rg_free(p);
        rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        return NULL;
    }
    XML_SetUserData(p->parser, p);
    XML_SetElementHandler(p->parser, on_start, on_end);
    XML_SetCharacterDataHandler(p->parser, on_text);
    XML_SetStartDoctypeDeclHandler(p->parser, on_doctype);
    XML_SetEntityDeclHandler(p->parser, on_entity);
    XML_SetParamEntityParsing(p->parser, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(p->parser,
                                                             100.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(p->parser,
                                                            8u << 20);
#endif
    return p;
}

void ep_free(ep_pass *p)
{
    if (!p)
        return;
    XML_ParserFree(p->parser);
    rg_buf_free(&p->in);
    rg_buf_free(&p->out);
    rg_free(p);
}

/* Copy what no handler can want any more, and release it. */
static void settle(ep_pass *p)
{
    uint64_t keep;
    if (p->hold == UINT64_MAX)
        ep_copy_to(p, p->mark);
    keep = p->pos;
    if (p->hold < keep)
        keep = p->hold;
    if (keep > p->base) {
        size_t drop = (size_t)(keep - p->base);
        if (drop > p->in.len)
            drop = p->in.len;
        memmove(p->in.data, p->in.data + drop, p->in.len - drop);
        p->in.len -= drop;
        p->base += drop;
    }
}

rag_status ep_feed(ep_pass *p, const char *data, size_t len, bool final)
{
    if (p->status != RAG_OK)
        return p->status;
    if (len && !rg_buf_append(&p->in, data, len)) {
        ep_fail(p, RAG_ERR_NOMEM, "out of memory");
        return p->status;
    }
    p->fed += len;
    if (XML_Parse(p->parser, data, (int)len, final ? XML_TRUE : XML_FALSE) ==
            XML_STATUS_ERROR &&
        p->status == RAG_OK) {
        enum XML_Error code = XML_GetErrorCode(p->parser);
        if (p->err && p->err->status == RAG_OK) {
            p->err->lib_code = (int)code;
            p->err->line = XML_GetCurrentLineNumber(p->parser);
            p->err->column = XML_GetCurrentColumnNumber(p->parser);
        }
        p->status = rg_fail(p->err, code == XML_ERROR_NO_MEMORY
                                        ? RAG_ERR_NOMEM : RAG_ERR_XML,
                            "%s", XML_ErrorString(code));
        return p->status;
    }
    if (p->status != RAG_OK)
        return p->status;
    if (final) {
        ep_release(p);
        ep_copy_to(p, p->fed);
        flush_out(p, true);
        return p->status;
    }
    settle(p);
    flush_out(p, false);
    return p->status;
}

rag_status ep_run(ep_pass *p, const char *data, size_t len)
{
    /* expat takes an int length: feed large buffers in pieces */
    const size_t piece = 1u << 30;
    while (len > piece) {
        rag_status st = ep_feed(p, data, piece, false);
        if (st != RAG_OK)
            return st;
        data += piece;
        len -= piece;
    }
    return ep_feed(p, data, len, true);
}

rag_status ep_pass_buffer(const ep_handlers *h, void *ctx, ep_sink sink,
                          void *sink_ctx, const char *data, size_t len,
                          rag_error *err)
{
    ep_pass *p = ep_new(h, ctx, sink, sink_ctx, err);
    rag_status st;

    if (!p)
        return RAG_ERR_NOMEM;
    st = ep_run(p, data ? data : "", len);
    ep_free(p);
    return st;
}
