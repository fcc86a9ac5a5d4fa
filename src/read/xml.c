/* expat behind rg_xml: hardened, streaming, local names.  See xml.h. */
#include <stdio.h>
#include <string.h>

#define XML_DTD /* Debian builds expat with it; the header hides the
                   * billion-laughs API without it */
#include <expat.h>

#include "read/xml.h"

struct rg_xml {
    XML_Parser parser;
    const rg_xml_handlers *h;
    void *ctx;
    rag_error *err;
    rag_status status;
    uint32_t depth, max_depth;
    bool stopped;
    const char *part;
    const char *attrs[64];   /* local-name copies of the attribute array */
};

rag_error *rg_xml_error(rg_xml *x)
{
    return x->err;
}

uint32_t rg_xml_depth(const rg_xml *x)
{
    return x->depth;
}

static void stop(rg_xml *x)
{
    if (!x->stopped) {
        x->stopped = true;
        XML_StopParser(x->parser, XML_FALSE);
    }
}

void rg_xml_stop(rg_xml *x)
{
    stop(x);
}

rag_status rg_xml_abort(rg_xml *x, rag_status status, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    if (x->status == RAG_OK) {
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        x->status = rg_fail(x->err, status, "%s", msg);
        x->status = status;
    }
    stop(x);
    return status;
}

const char *rg_attr(const char **attrs, const char *name)
{
    for (; attrs && attrs[0]; attrs += 2)
        if (!strcmp(attrs[0], name))
            return attrs[1];
    return NULL;
}

bool rg_attr_bool(const char **attrs, const char *name, bool dflt)
{
    const char *v = rg_attr(attrs, name);
    if (!v)
        return dflt;
    return !strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "on");
}

static void XMLCALL on_start(void *data, const XML_Char *name,
                             const XML_Char **attrs)
{
    rg_xml *x = data;
    size_t i, n = 0;

    if (x->stopped)
        return;
    if (++x->depth > x->max_depth) {
        rg_xml_abort(x, RAG_ERR_LIMIT, "XML nested more than %u deep",
                     x->max_depth);
        return;
    }
    if (!x->h->start)
        return;
    /* Most elements have a few attributes: strip their prefixes into a
     * small array; a rare element with more keeps only the first 31. */
    for (i = 0; attrs[i] && n + 2 < sizeof x->attrs / sizeof x->attrs[0];
         i += 2) {
        x->attrs[n++] = rg_local_name(attrs[i]);
        x->attrs[n++] = attrs[i + 1];
    }
    x->attrs[n] = NULL;
    x->h->start(x, x->ctx, rg_local_name(name), x->attrs);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    rg_xml *x = data;

    if (x->stopped)
        return;
    if (x->h->end)
        x->h->end(x, x->ctx, rg_local_name(name));
    x->depth--;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
    rg_xml *x = data;
    if (!x->stopped && x->h->text)
        x->h->text(x, x->ctx, s, len);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name,
                               const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset)
{
    rg_xml *x = data;
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    rg_xml_abort(x, RAG_ERR_FORMAT, "a DOCTYPE, which XLSX never has, is "
                 "refused (its entities could expand without end)");
}

static void XMLCALL on_entity_decl(void *data, const XML_Char *name,
                                   int is_param, const XML_Char *value,
                                   int value_len, const XML_Char *base,
                                   const XML_Char *sysid,
                                   const XML_Char *pubid,
                                   const XML_Char *notation)
{
    rg_xml *x = data;
    (void)name; (void)is_param; (void)value; (void)value_len; (void)base;
    (void)sysid; (void)pubid; (void)notation;
    rg_xml_abort(x, RAG_ERR_FORMAT, "an entity declaration, which XLSX "
                 "never has, is refused");
}

/* Map expat's error to ours: its own out-of-memory is ours too. */
static rag_status parse_error(rg_xml *x, bool final)
{
    enum XML_Error code = XML_GetErrorCode(x->parser);

    if (code == XML_ERROR_NO_MEMORY)
        return rg_fail(x->err, RAG_ERR_NOMEM, "out of memory");
    if (x->err && x->err->status == RAG_OK) {
        x->err->lib_code = (int)code;
        x->err->line = XML_GetCurrentLineNumber(x->parser);
        x->err->column = XML_GetCurrentColumnNumber(x->parser);
    }
    return rg_fail(x->err, RAG_ERR_XML, "%s",
                   final && code == XML_ERROR_NO_ELEMENTS
                       ? "the part is empty or truncated"
                       : XML_ErrorString(code));
}

static int feed(void *ctx, const char *data, size_t len)
{
    rg_xml *x = ctx;
    enum XML_Status s;

    if (x->stopped)
        return 1;
    s = XML_Parse(x->parser, data, (int)len, XML_FALSE);
    if (s == XML_STATUS_ERROR) {
        /* XML_StopParser() makes XML_Parse() fail with "parsing
         * aborted": that is our own stop (an error already set, or a
         * visitor that has seen enough), not a parse error. */
        if (x->status == RAG_OK && !x->stopped)
            x->status = parse_error(x, false);
        return 1;
    }
    return x->stopped ? 1 : 0;
}

/* expat allocates through ragbook's allocator, so the failing-allocator
 * tests reach its failures too. */
static const XML_Memory_Handling_Suite memsuite = {rg_malloc, rg_realloc,
                                                   rg_free};

/* A hardened parser for x (see xml.h); false when out of memory. */
static bool parser_new(rg_xml *x, const char *part, const rg_xml_handlers *h,
                       void *ctx, uint32_t max_depth, rag_error *err)
{
    memset(x, 0, sizeof *x);
    x->h = h;
    x->ctx = ctx;
    x->err = err;
    x->part = part;
    x->max_depth = max_depth ? max_depth : 256;
    x->parser = XML_ParserCreate_MM(NULL, &memsuite, NULL);
    if (!x->parser)
        return false;
    XML_SetUserData(x->parser, x);
    XML_SetElementHandler(x->parser, on_start, on_end);
    XML_SetCharacterDataHandler(x->parser, on_text);
    XML_SetStartDoctypeDeclHandler(x->parser, on_doctype);
    XML_SetEntityDeclHandler(x->parser, on_entity_decl);
    XML_SetParamEntityParsing(x->parser, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(x->parser, 100.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(x->parser,
                                                            8u << 20);
#endif
    return true;
}

/* The end of the document once every byte is fed (st: the read's). */
static rag_status parser_finish(rg_xml *x, rag_status st)
{
    if (st == RAG_OK && x->status == RAG_OK && !x->stopped &&
        XML_Parse(x->parser, "", 0, XML_TRUE) == XML_STATUS_ERROR)
        x->status = parse_error(x, true);
    XML_ParserFree(x->parser);
    if (st != RAG_OK)
        return st;
    return x->status;
}

rag_status rg_xml_parse_part(rg_zip *z, const char *part,
                             const rg_xml_handlers *h, void *ctx,
                             uint32_t max_depth, rag_error *err)
{
    rg_xml x;

    if (!parser_new(&x, part, h, ctx, max_depth, err))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return parser_finish(&x, rg_zip_read(z, part, feed, &x, err));
}

rag_status rg_xml_parse_mem(const char *data, size_t len, const char *part,
                            const rg_xml_handlers *h, void *ctx,
                            uint32_t max_depth, rag_error *err)
{
    rg_xml x;

    if (!parser_new(&x, part, h, ctx, max_depth, err))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    /* in pieces below INT_MAX, as the zip's chunks would come */
    while (len) {
        size_t n = len < (1u << 30) ? len : (1u << 30);
        if (feed(&x, data, n))
            break;
        data += n;
        len -= n;
    }
    return parser_finish(&x, RAG_OK);
}

const char *rg_xml_library_version(void)
{
    return XML_ExpatVersion();
}
