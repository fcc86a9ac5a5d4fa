/*
 * XML parts, streamed from the zip through expat: only xml.c includes
 * <expat.h>.  Handlers see local names (a prefix such as "x:" is dropped,
 * so Strict OOXML and prefixed writers read the same), attributes as a
 * NULL-terminated name/value array with prefixes dropped too.  A DOCTYPE
 * stops the parse: OOXML has no DTD, so no entity can be declared, let alone
 * expanded.
 */
#ifndef RG_XML_H
#define RG_XML_H

#include "read/zip.h"

typedef struct rg_xml rg_xml;

typedef struct rg_xml_handlers {
    void (*start)(rg_xml *x, void *ctx, const char *name, const char **attrs);
    void (*end)(rg_xml *x, void *ctx, const char *name);
    void (*text)(rg_xml *x, void *ctx, const char *s, int len);
} rg_xml_handlers;

/* Parse zip entry `part` with handlers; ctx is passed to each of them. */
rag_status rg_xml_parse_part(rg_zip *z, const char *part,
                             const rg_xml_handlers *h, void *ctx,
                             uint32_t max_depth, rag_error *err);

/* Parse part's bytes already in memory (data[0..len)), as
 * rg_xml_parse_part would parse them from the zip.  part names the part
 * for errors (the caller sets the error's part). */
rag_status rg_xml_parse_mem(const char *data, size_t len, const char *part,
                            const rg_xml_handlers *h, void *ctx,
                            uint32_t max_depth, rag_error *err);

/* Stop the parse from inside a handler with an error.  The first call
 * wins; the parse returns the status. */
rag_status rg_xml_abort(rg_xml *x, rag_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Stop the parse early without an error. */
void rg_xml_stop(rg_xml *x);

/* The error of this parse, to add a location to. */
rag_error *rg_xml_error(rg_xml *x);

/* Element depth of the current element (the root is 1). */
uint32_t rg_xml_depth(const rg_xml *x);

/* The value of attribute name (local name) in attrs, or NULL. */
const char *rg_attr(const char **attrs, const char *name);

/* OOXML booleans: "1", "true", "on" are true. */
bool rg_attr_bool(const char **attrs, const char *name, bool dflt);

/* Strip a "prefix:" from an element or attribute name. */
static inline const char *rg_local_name(const char *name)
{
    const char *p;
    for (p = name; *p; p++)
        if (*p == ':')
            return p + 1;
    return name;
}

/* expat's version, "expat_2.5.0": a static string. */
const char *rg_xml_library_version(void);

#endif
