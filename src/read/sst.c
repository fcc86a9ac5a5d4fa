/*
 * Shared strings, and the rich-text builder they share with inline
 * strings.  Text is only taken from <t> elements: phonetic runs (<rPh>)
 * are readings, not content, and whitespace between elements is layout.
 */
#include <string.h>

#include "read/reader.h"

void rg_rich_reset(rg_rich_builder *b)
{
    rg_buf_reset(&b->text);
    rg_buf_reset(&b->runs);
    b->in_t = b->in_rph = b->in_rpr = b->in_run = b->has_rpr = false;
    b->run_count = 0;
}

void rg_rich_free(rg_rich_builder *b)
{
    rg_buf_free(&b->text);
    rg_buf_free(&b->runs);
}

/* While building, a run's text is an offset into b->text (in .len of a
 * rag_run whose .text is NULL) and its font is kept by value after it. */
typedef struct pending_run {
    size_t start, len;
    bool has_font;
    rag_font font;
} pending_run;

bool rg_rich_start(rag_workbook *wb, rg_rich_builder *b, const char *name,
                   const char **attrs)
{
    if (b->in_rpr)
        return rg_font_apply(wb, &b->font, name, attrs);
    if (!strcmp(name, "t")) {
        b->in_t = !b->in_rph;
        if (b->in_t && b->in_run) {
            pending_run *r =
                (pending_run *)(b->runs.data + b->runs.len) - 1;
            r->start = b->text.len;
        }
    } else if (!strcmp(name, "rPh")) {
        b->in_rph = true;
    } else if (!strcmp(name, "r") && !b->in_rph) {
        pending_run r;
        memset(&r, 0, sizeof r);
        r.start = b->text.len;
        b->in_run = true;
        b->has_rpr = false;
        memset(&b->font, 0, sizeof b->font);
        b->font.color = RAG_NO_COLOR;
        if (!rg_buf_append(&b->runs, (const char *)&r, sizeof r))
            return false;
        b->run_count++;
    } else if (!strcmp(name, "rPr") && b->in_run) {
        b->in_rpr = true;
        b->has_rpr = true;
    }
    return true;
}

bool rg_rich_end(rg_rich_builder *b, const char *name)
{
    if (!strcmp(name, "rPr")) {
        b->in_rpr = false;
    } else if (b->in_rpr) {
        return true;
    } else if (!strcmp(name, "t")) {
        b->in_t = false;
    } else if (!strcmp(name, "rPh")) {
        b->in_rph = false;
    } else if (!strcmp(name, "r") && b->in_run) {
        pending_run *r = (pending_run *)(b->runs.data + b->runs.len) - 1;
        r->len = b->text.len - r->start;
        r->has_font = b->has_rpr;
        r->font = b->font;
        b->in_run = false;
    }
    return true;
}

bool rg_rich_text(rg_rich_builder *b, const char *s, int len)
{
    if (!b->in_t)
        return true;
    return rg_buf_append(&b->text, s, (size_t)len);
}

/* OOXML writes characters XML cannot hold as _xHHHH_ ("_x000D_" for a
 * carriage return, "_x005F_" for the underscore that starts such an
 * escape).  Decode them in place, in the joined text and in the runs. */
static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

static int hex4(const char *p)
{
    int v = 0, i;
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

void rg_rich_unescape(rg_rich_builder *b)
{
    pending_run *runs = (pending_run *)b->runs.data;
    char *t = b->text.data;
    size_t in = 0, out = 0, len = b->text.len;
    size_t next = 0; /* runs[next / 2]: start (even) or end (odd) */

    if (!t || !memchr(t, '_', len))
        return;
    /* Run starts and ends are offsets into the input; as the text
     * shrinks, move each to where its byte lands in the output. */
    for (;;) {
        while (next < 2 * b->run_count) {
            pending_run *r = &runs[next / 2];
            size_t at = next % 2 ? r->start + r->len : r->start;
            if (at > in)
                break;
            if (next % 2)
                r->len = out - r->start; /* r->start already mapped */
            else
                r->start = out;
            next++;
        }
        if (in >= len)
            break;
        {
            int cp;
            if (t[in] == '_' && in + 7 <= len && t[in + 1] == 'x' &&
                t[in + 6] == '_' && (cp = hex4(t + in + 2)) >= 0 &&
                !(cp >= 0xD800 && cp <= 0xDFFF)) {
                out += put_utf8(t + out, (unsigned)cp);
                in += 7;
            } else {
                t[out++] = t[in++];
            }
        }
    }
    b->text.len = out;
    t[out] = '\0';
}

const rag_rich *rg_rich_finish(rg_rich_builder *b, rg_arena *a, bool *nomem)
{
    const pending_run *p = (const pending_run *)b->runs.data;
    rag_rich *rich;
    rag_run *runs;
    size_t i;

    *nomem = false;
    if (b->run_count == 0)
        return NULL;
    rich = rg_arena_alloc(a, sizeof *rich);
    runs = rg_arena_alloc(a, b->run_count * sizeof *runs);
    if (!rich || !runs) {
        *nomem = true;
        return NULL;
    }
    for (i = 0; i < b->run_count; i++) {
        runs[i].text = rg_arena_strndup(a, b->text.data + p[i].start,
                                        p[i].len);
        runs[i].len = p[i].len;
        runs[i].font = NULL;
        if (p[i].has_font) {
            rag_font *f = rg_arena_alloc(a, sizeof *f);
            if (!f) {
                *nomem = true;
                return NULL;
            }
            *f = p[i].font;
            runs[i].font = f;
        }
        if (!runs[i].text) {
            *nomem = true;
            return NULL;
        }
    }
    rich->count = b->run_count;
    rich->runs = runs;
    return rich;
}

/* ---- the shared strings part ----------------------------------------- */

typedef struct sst_ctx {
    rag_workbook *wb;
    rg_rich_builder rich;
    bool in_si;
    size_t cap;
} sst_ctx;

static void sst_start(rg_xml *x, void *data, const char *name,
                      const char **attrs)
{
    sst_ctx *c = data;

    if (!c->in_si) {
        /* "sstItem": Excel 2007 beta's name for <si>. */
        if (!strcmp(name, "si") || !strcmp(name, "sstItem")) {
            c->in_si = true;
            rg_rich_reset(&c->rich);
        }
        return;
    }
    if (!rg_rich_start(c->wb, &c->rich, name, attrs))
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
}

static void sst_end(rg_xml *x, void *data, const char *name)
{
    sst_ctx *c = data;
    rg_workbook_impl *in = c->wb->impl;
    rg_sst_item *item;
    bool nomem;

    if (!c->in_si)
        return;
    if (strcmp(name, "si") && strcmp(name, "sstItem")) {
        rg_rich_end(&c->rich, name);
        return;
    }
    c->in_si = false;
    if (in->sst_count >= 64u * 1024 * 1024) {
        rg_xml_abort(x, RAG_ERR_LIMIT, "more than 64 million shared "
                     "strings");
        return;
    }
    if (!rg_grow((void **)&in->sst, &c->cap, in->sst_count + 1,
                 sizeof *in->sst)) {
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    item = &in->sst[in->sst_count];
    rg_rich_unescape(&c->rich);
    item->len = c->rich.text.len;
    item->text = rg_arena_strndup(&in->arena, c->rich.text.data
                                  ? c->rich.text.data : "", item->len);
    item->rich = rg_rich_finish(&c->rich, &in->arena, &nomem);
    if (!item->text || nomem) {
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
        return;
    }
    in->sst_count++;
}

static void sst_text(rg_xml *x, void *data, const char *s, int len)
{
    sst_ctx *c = data;
    if (c->in_si && !rg_rich_text(&c->rich, s, len))
        rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
}

rag_status rg_sst_read(rag_workbook *wb, const char *part, rag_error *err)
{
    static const rg_xml_handlers h = {sst_start, sst_end, sst_text};
    sst_ctx c;
    rag_status st;

    if (!part)
        return RAG_OK;
    memset(&c, 0, sizeof c);
    c.wb = wb;
    st = rg_xml_parse_part(wb->impl->zip, part, &h, &c,
                           wb->impl->limits.depth, err);
    rg_rich_free(&c.rich);
    return st;
}
