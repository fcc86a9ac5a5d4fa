/*
 * The theme's colour scheme and the styles part: number formats, fonts,
 * fills, borders and cellXfs, resolved into rag_style with every colour
 * as RGB.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/reader.h"

/* Office's default theme, for workbooks that have none. */
static const uint32_t default_theme[12] = {
    0x000000, 0xFFFFFF, 0x1F497D, 0xEEECE1, 0x4F81BD, 0xC0504D,
    0x9BBB59, 0x8064A2, 0x4BACC6, 0xF79646, 0x0000FF, 0x800080};

/* ---- parts seen before ----------------------------------------------
 * Bulk commands (validate, consolidate, merge) read hundreds of workbooks
 * made from a few templates, whose theme and styles parts are the same
 * bytes file after file: parsing them was a fifth of a bulk validate.  So
 * the process remembers the last few theme and styles parts it parsed,
 * keyed by their inflated bytes (compared in full, never by a hash), and a
 * part met again gets the result of the first parse.  The styles' key also
 * holds the theme colours they were resolved against.  Only parts that
 * parsed without error are remembered, so errors are found and worded as
 * before.  One mutex: validate reads files on several threads; the
 * entries live until the process ends (reachable, not leaked).
 * An entry also keeps the part's stored (compressed) bytes and their id
 * (zip.h), compared in full too: a copy of a template stores the same
 * bytes, so it is known before it is inflated (inflating theme and styles
 * only to compare them was 4% of a bulk validate). */

/* A part above this is parsed as it streams and not remembered: a styles
 * part of 1 MB holds ten thousand formats, far past any template. */
#define SEEN_MAX_BYTES (1u << 20)
/* Parts remembered of each kind: a bulk run meets a handful of
 * templates (the five fixtures, or one council's few versions). */
#define SEEN_SLOTS 8

typedef struct seen_part {
    char *bytes;               /* the key: the part's inflated bytes */
    size_t len;
    char *raw;                 /* and its stored bytes and id, when known, */
    size_t raw_len;            /* which find it again without inflating */
    rg_zip_id id;
    uint32_t depth;            /* the depth limit parsed under */
    uint32_t theme_in[12];     /* styles: the theme they resolved against */
    uint32_t theme[12];        /* theme: the colours read */
    rag_style *styles;         /* styles: what rg_styles_read made, their */
    size_t style_count;        /* strings pointing into `strings` */
    rag_font *fonts;
    size_t font_count;
    uint32_t indexed[66];
    char *strings;
    size_t strings_len;
    unsigned long used;        /* when last used, to replace the oldest */
} seen_part;

static pthread_mutex_t seen_mu = PTHREAD_MUTEX_INITIALIZER;
static seen_part seen_themes[SEEN_SLOTS], seen_styles[SEEN_SLOTS];
static unsigned long seen_tick;

static void seen_clear(seen_part *e)
{
    rg_free(e->bytes);
    rg_free(e->raw);
    rg_free(e->styles);
    rg_free(e->fonts);
    rg_free(e->strings);
    memset(e, 0, sizeof *e);
}

/* The entry of set whose key is these bytes (and theme, for styles), or
 * NULL.  Under seen_mu. */
static seen_part *seen_find(seen_part *set, const rg_buf *b, uint32_t depth,
                            const uint32_t *theme_in)
{
    size_t i;
    for (i = 0; i < SEEN_SLOTS; i++) {
        seen_part *e = &set[i];
        if (e->bytes && e->len == b->len && e->depth == depth &&
            (!theme_in ||
             !memcmp(e->theme_in, theme_in, sizeof e->theme_in)) &&
            !memcmp(e->bytes, b->data, b->len)) {
            e->used = ++seen_tick;
            return e;
        }
    }
    return NULL;
}

/* The entry of set whose stored bytes and id are these (and theme, for
 * styles), or NULL: the same stored bytes inflate to the same bytes
 * (zip.h), so the part need not be inflated to be known.  Under seen_mu. */
static seen_part *seen_find_raw(seen_part *set, const rg_buf *raw,
                                const rg_zip_id *id, uint32_t depth,
                                const uint32_t *theme_in)
{
    size_t i;
    for (i = 0; i < SEEN_SLOTS; i++) {
        seen_part *e = &set[i];
        if (e->raw && e->raw_len == raw->len && e->depth == depth &&
            e->id.method == id->method && e->id.crc == id->crc &&
            e->id.size == id->size &&
            (!theme_in ||
             !memcmp(e->theme_in, theme_in, sizeof e->theme_in)) &&
            !memcmp(e->raw, raw->data, raw->len)) {
            e->used = ++seen_tick;
            return e;
        }
    }
    return NULL;
}

/* Give e the stored bytes raw (taken over) and id as a second key, when
 * they inflated to e's bytes whole.  Under seen_mu. */
static void seen_keep_raw(seen_part *e, rg_buf *raw, const rg_zip_id *id)
{
    if (e->raw || !raw->data || id->size != e->len)
        return;
    e->raw = raw->data;
    e->raw_len = raw->len;
    e->id = *id;
    raw->data = NULL;
    raw->len = raw->cap = 0;
}

/* The slot to fill: an empty one, else the least recently used.  Under
 * seen_mu. */
static seen_part *seen_slot(seen_part *set)
{
    seen_part *old = &set[0];
    size_t i;
    for (i = 0; i < SEEN_SLOTS; i++) {
        if (!set[i].bytes)
            return &set[i];
        if (set[i].used < old->used)
            old = &set[i];
    }
    seen_clear(old);
    return old;
}

typedef struct grab {
    rg_buf *buf;
    bool over, nomem;
} grab;

static int grab_sink(void *ctx, const char *data, size_t len)
{
    grab *g = ctx;
    if (len > SEEN_MAX_BYTES - g->buf->len) {
        g->over = true;
        return 1;
    }
    return rg_buf_append(g->buf, data, len) ? 0 : (g->nomem = true, 1);
}

/* Inflate part whole into b, for comparing.  false (b empty) when it is
 * missing, damaged, past a limit or too big to remember, or memory runs
 * out: then the caller parses it as it streams, which finds and words
 * any error as it always has. */
static bool grab_part(rg_workbook_impl *in, const char *part, rg_buf *b)
{
    rag_error scratch;
    grab g = {b, false, false};
    rag_status st;

    rag_error_clear(&scratch);
    st = rg_zip_read(in->zip, part, grab_sink, &g, &scratch);
    if (st != RAG_OK || g.over || g.nomem || !b->len) {
        rg_buf_free(b);
        return false;
    }
    return true;
}

/* ---- theme ----------------------------------------------------------- */

typedef struct theme_ctx {
    rag_workbook *wb;
    bool in_scheme;
    int slot;              /* index into theme[], -1 outside a colour */
} theme_ctx;

static int theme_slot(const char *name)
{
    static const char *const names[12] = {
        "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3",
        "accent4", "accent5", "accent6", "hlink", "folHlink"};
    int i;
    for (i = 0; i < 12; i++)
        if (!strcmp(name, names[i]))
            return i;
    return -1;
}

static void theme_start(rg_xml *x, void *data, const char *name,
                        const char **attrs)
{
    theme_ctx *c = data;
    uint32_t rgb;
    (void)x;

    if (!strcmp(name, "clrScheme")) {
        c->in_scheme = true;
        return;
    }
    if (!c->in_scheme)
        return;
    if (c->slot < 0) {
        c->slot = theme_slot(name);
        return;
    }
    if (!strcmp(name, "srgbClr")) {
        const char *v = rg_attr(attrs, "val");
        if (v && rg_parse_rgb(v, &rgb))
            c->wb->impl->theme[c->slot] = rgb;
    } else if (!strcmp(name, "sysClr")) {
        const char *v = rg_attr(attrs, "lastClr");
        if (v && rg_parse_rgb(v, &rgb))
            c->wb->impl->theme[c->slot] = rgb;
        else if ((v = rg_attr(attrs, "val")) && !strcmp(v, "window"))
            c->wb->impl->theme[c->slot] = 0xFFFFFF;
        else if (v && !strcmp(v, "windowText"))
            c->wb->impl->theme[c->slot] = 0x000000;
    }
}

static void theme_end(rg_xml *x, void *data, const char *name)
{
    theme_ctx *c = data;
    (void)x;
    if (!strcmp(name, "clrScheme"))
        c->in_scheme = false;
    else if (c->slot >= 0 && theme_slot(name) == c->slot)
        c->slot = -1;
}

rag_status rg_theme_read(rag_workbook *wb, const char *part, rag_error *err)
{
    static const rg_xml_handlers h = {theme_start, theme_end, NULL};
    theme_ctx c = {wb, false, -1};

    rg_workbook_impl *in = wb->impl;
    rg_buf b = {NULL, 0, 0}, raw = {NULL, 0, 0};
    rg_zip_id id;
    seen_part *e = NULL;
    rag_status st;

    memcpy(in->theme, default_theme, sizeof default_theme);
    if (!part)
        return RAG_OK;
    if (rg_zip_raw(in->zip, part, &raw, SEEN_MAX_BYTES, &id)) {
        pthread_mutex_lock(&seen_mu);
        e = seen_find_raw(seen_themes, &raw, &id, in->limits.depth, NULL);
        if (e)
            memcpy(in->theme, e->theme, sizeof in->theme);
        pthread_mutex_unlock(&seen_mu);
        if (e) {
            rg_zip_charge(in->zip, id.size); /* as the read would */
            rg_error_set_part(err, part);
            rg_buf_free(&raw);
            return RAG_OK;
        }
    }
    if (!grab_part(in, part, &b)) {
        rg_buf_free(&raw);
        return rg_xml_parse_part(in->zip, part, &h, &c, in->limits.depth,
                                 err);
    }
    rg_error_set_part(err, part); /* as the zip read would */
    pthread_mutex_lock(&seen_mu);
    e = seen_find(seen_themes, &b, in->limits.depth, NULL);
    if (e) {
        memcpy(in->theme, e->theme, sizeof in->theme);
        seen_keep_raw(e, &raw, &id);
    }
    pthread_mutex_unlock(&seen_mu);
    if (e) {
        rg_buf_free(&b);
        rg_buf_free(&raw);
        return RAG_OK;
    }
    st = rg_xml_parse_mem(b.data, b.len, part, &h, &c, in->limits.depth,
                          err);
    if (st == RAG_OK) {
        pthread_mutex_lock(&seen_mu);
        if (!seen_find(seen_themes, &b, in->limits.depth, NULL)) {
            e = seen_slot(seen_themes);
            e->bytes = b.data; /* the entry keeps the bytes */
            e->len = b.len;
            e->depth = in->limits.depth;
            memcpy(e->theme, in->theme, sizeof e->theme);
            e->used = ++seen_tick;
            b.data = NULL;
            seen_keep_raw(e, &raw, &id);
        }
        pthread_mutex_unlock(&seen_mu);
    }
    rg_buf_free(&b);
    rg_buf_free(&raw);
    return st;
}

/* ---- colours --------------------------------------------------------- */

uint32_t rg_color_resolve(const rag_workbook *wb, const char **attrs)
{
    const char *v;
    uint32_t rgb = RAG_NO_COLOR, n;
    double tint = 0;

    if ((v = rg_attr(attrs, "rgb")) && rg_parse_rgb(v, &n)) {
        rgb = n;
    } else if ((v = rg_attr(attrs, "theme")) && rg_parse_u32(v, &n)) {
        /* Indexes 0..3 are lt1 dk1 lt2 dk2: the pairs are swapped
         * relative to the scheme's order. */
        static const int map[4] = {1, 0, 3, 2};
        if (n < 4)
            n = (uint32_t)map[n];
        rgb = n < 12 ? wb->impl->theme[n] : RAG_NO_COLOR;
    } else if ((v = rg_attr(attrs, "indexed")) && rg_parse_u32(v, &n)) {
        rgb = n < 66 ? wb->impl->indexed[n] : RAG_NO_COLOR;
    } else {
        return RAG_NO_COLOR; /* auto, or nothing */
    }
    if ((v = rg_attr(attrs, "tint")) && rg_parse_double(v, &tint) &&
        tint >= -1 && tint <= 1)
        rgb = rg_apply_tint(rgb, tint);
    return rgb;
}

/* ---- fonts ----------------------------------------------------------- */

bool rg_font_apply(rag_workbook *wb, rag_font *f, const char *name,
                   const char **attrs)
{
    const char *v = rg_attr(attrs, "val");
    rg_arena *a = &wb->impl->arena;
    uint32_t n;

    if (!strcmp(name, "b")) {
        f->bold = rg_attr_bool(attrs, "val", true);
    } else if (!strcmp(name, "i")) {
        f->italic = rg_attr_bool(attrs, "val", true);
    } else if (!strcmp(name, "strike")) {
        f->strike = rg_attr_bool(attrs, "val", true);
    } else if (!strcmp(name, "u")) {
        if (!v || !strcmp(v, "single"))
            f->underline = 1;
        else if (!strcmp(v, "double"))
            f->underline = 2;
        else if (!strcmp(v, "singleAccounting"))
            f->underline = 33;
        else if (!strcmp(v, "doubleAccounting"))
            f->underline = 34;
        else
            f->underline = 0;
    } else if (!strcmp(name, "sz")) {
        double d;
        if (v && rg_parse_double(v, &d) && d > 0 && d < 1000)
            f->size = d;
    } else if (!strcmp(name, "color")) {
        f->color = rg_color_resolve(wb, attrs);
    } else if (!strcmp(name, "name") || !strcmp(name, "rFont")) {
        if (v && !(f->name = rg_arena_strdup(a, v)))
            return false;
    } else if (!strcmp(name, "family")) {
        if (v && rg_parse_u32(v, &n) && n < 256)
            f->family = (uint8_t)n;
    } else if (!strcmp(name, "charset")) {
        if (v && rg_parse_u32(v, &n) && n < 256)
            f->charset = (uint8_t)n;
    } else if (!strcmp(name, "vertAlign")) {
        f->script = !v ? 0 : !strcmp(v, "superscript") ? 1
                   : !strcmp(v, "subscript")            ? 2
                                                        : 0;
    } else if (!strcmp(name, "scheme")) {
        if (v && !(f->scheme = rg_arena_strdup(a, v)))
            return false;
    }
    return true;
}

/* ---- styles ---------------------------------------------------------- */

typedef struct fill {
    rag_pattern pattern;
    uint32_t fg, bg;
    bool fg_given;
} fill;

typedef struct border {
    rag_border_side left, right, top, bottom, diagonal;
    bool up, down;
} border;

typedef struct numfmt {
    uint32_t id;
    const char *code;
} numfmt;

typedef enum section {
    SEC_NONE, SEC_NUMFMTS, SEC_FONTS, SEC_FILLS, SEC_BORDERS, SEC_XFS,
    SEC_CELLSTYLEXFS, SEC_COLORS, SEC_OTHER
} section;

/* The font, fill and border an xf points at, resolved at the end of the
 * part when every table is known. */
typedef struct xf_refs {
    uint32_t font, fill, border;
    bool has_font, has_fill, has_border;
} xf_refs;

typedef struct styles_ctx {
    rag_workbook *wb;
    section sec;
    numfmt *numfmts;
    size_t numfmt_count, numfmt_cap;
    size_t font_cap;
    fill *fills;
    size_t fill_count, fill_cap;
    border *borders;
    size_t border_count, border_cap;
    xf_refs *refs;             /* parallel to wb->styles */
    size_t refs_cap;
    rag_border_side *side;     /* the border side being read */
    uint32_t indexed_n;
    bool indexed_override;
    bool in_xf;
} styles_ctx;

static rag_pattern pattern_from(const char *v)
{
    static const char *const names[] = {
        "none", "solid", "mediumGray", "darkGray", "lightGray",
        "darkHorizontal", "darkVertical", "darkDown", "darkUp", "darkGrid",
        "darkTrellis", "lightHorizontal", "lightVertical", "lightDown",
        "lightUp", "lightGrid", "lightTrellis", "gray125", "gray0625"};
    size_t i;
    for (i = 0; v && i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(v, names[i]))
            return (rag_pattern)i;
    return RAG_PATTERN_NONE;
}

static rag_border_style border_from(const char *v)
{
    static const char *const names[] = {
        "none", "thin", "medium", "dashed", "dotted", "thick", "double",
        "hair", "mediumDashed", "dashDot", "mediumDashDot", "dashDotDot",
        "mediumDashDotDot", "slantDashDot"};
    size_t i;
    for (i = 0; v && i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(v, names[i]))
            return (rag_border_style)i;
    return 0;
}

static rag_halign halign_from(const char *v)
{
    static const char *const names[] = {
        "general", "left", "center", "right", "fill", "justify",
        "centerContinuous", "distributed"};
    size_t i;
    for (i = 0; v && i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(v, names[i]))
            return (rag_halign)i;
    return RAG_HALIGN_GENERAL;
}

static rag_valign valign_from(const char *v)
{
    if (!v)
        return RAG_VALIGN_BOTTOM;
    if (!strcmp(v, "top"))
        return RAG_VALIGN_TOP;
    if (!strcmp(v, "center"))
        return RAG_VALIGN_CENTER;
    if (!strcmp(v, "justify"))
        return RAG_VALIGN_JUSTIFY;
    if (!strcmp(v, "distributed"))
        return RAG_VALIGN_DISTRIBUTED;
    return RAG_VALIGN_BOTTOM;
}

static void nomem(rg_xml *x)
{
    rg_xml_abort(x, RAG_ERR_NOMEM, "out of memory");
}

static void xf_start(rg_xml *x, styles_ctx *c, const char **attrs)
{
    rag_workbook *wb = c->wb;
    rag_style *s;
    xf_refs *r;
    const char *v;
    uint32_t n;

    if (wb->style_count >= 4u * 1024 * 1024) {
        rg_xml_abort(x, RAG_ERR_LIMIT, "more than 4 million cell styles");
        return;
    }
    if (!rg_grow((void **)&wb->styles, &wb->impl->style_cap,
                 wb->style_count + 1, sizeof *wb->styles) ||
        !rg_grow((void **)&c->refs, &c->refs_cap, wb->style_count + 1,
                 sizeof *c->refs)) {
        nomem(x);
        return;
    }
    r = &c->refs[wb->style_count];
    s = &wb->styles[wb->style_count++];
    memset(r, 0, sizeof *r);
    memset(s, 0, sizeof *s);
    s->locked = true;
    s->fill_fg = s->fill_bg = RAG_NO_COLOR;
    s->left.color = s->right.color = s->top.color = s->bottom.color =
        s->diagonal.color = RAG_NO_COLOR;
    s->font.color = RAG_NO_COLOR;
    if ((v = rg_attr(attrs, "numFmtId")) && rg_parse_u32(v, &n))
        s->numfmt_id = n;
    if ((v = rg_attr(attrs, "fontId")) && rg_parse_u32(v, &n))
        r->font = n, r->has_font = true;
    if ((v = rg_attr(attrs, "fillId")) && rg_parse_u32(v, &n))
        r->fill = n, r->has_fill = true;
    if ((v = rg_attr(attrs, "borderId")) && rg_parse_u32(v, &n))
        r->border = n, r->has_border = true;
    s->quote_prefix = rg_attr_bool(attrs, "quotePrefix", false);
    c->in_xf = true;
}

static void styles_start(rg_xml *x, void *data, const char *name,
                         const char **attrs)
{
    styles_ctx *c = data;
    rag_workbook *wb = c->wb;
    rg_workbook_impl *in = wb->impl;
    const char *v;

    if (c->sec == SEC_NONE || c->sec == SEC_OTHER) {
        if (rg_xml_depth(x) != 2)
            return;
        c->sec = !strcmp(name, "numFmts")        ? SEC_NUMFMTS
                 : !strcmp(name, "fonts")        ? SEC_FONTS
                 : !strcmp(name, "fills")        ? SEC_FILLS
                 : !strcmp(name, "borders")      ? SEC_BORDERS
                 : !strcmp(name, "cellXfs")      ? SEC_XFS
                 : !strcmp(name, "cellStyleXfs") ? SEC_CELLSTYLEXFS
                 : !strcmp(name, "colors")       ? SEC_COLORS
                                                 : SEC_OTHER;
        return;
    }
    switch (c->sec) {
    case SEC_NUMFMTS:
        if (!strcmp(name, "numFmt")) {
            uint32_t id;
            const char *code = rg_attr(attrs, "formatCode");
            if (!(v = rg_attr(attrs, "numFmtId")) || !rg_parse_u32(v, &id) ||
                !code)
                return;
            if (!rg_grow((void **)&c->numfmts, &c->numfmt_cap,
                         c->numfmt_count + 1, sizeof *c->numfmts))
                { nomem(x); return; }
            c->numfmts[c->numfmt_count].id = id;
            c->numfmts[c->numfmt_count].code = rg_arena_strdup(&in->arena,
                                                               code);
            if (!c->numfmts[c->numfmt_count].code)
                { nomem(x); return; }
            c->numfmt_count++;
        }
        break;
    case SEC_FONTS:
        if (!strcmp(name, "font") && rg_xml_depth(x) == 3) {
            rag_font *f;
            if (!rg_grow((void **)&in->fonts, &c->font_cap,
                         in->font_count + 1, sizeof *in->fonts))
                { nomem(x); return; }
            f = &in->fonts[in->font_count++];
            memset(f, 0, sizeof *f);
            f->color = RAG_NO_COLOR;
        } else if (in->font_count &&
                   !rg_font_apply(wb, &in->fonts[in->font_count - 1], name,
                                  attrs)) {
            nomem(x);
        }
        break;
    case SEC_FILLS:
        if (!strcmp(name, "fill") && rg_xml_depth(x) == 3) {
            fill *f;
            if (!rg_grow((void **)&c->fills, &c->fill_cap,
                         c->fill_count + 1, sizeof *c->fills))
                { nomem(x); return; }
            f = &c->fills[c->fill_count++];
            memset(f, 0, sizeof *f); /* fg_given was left unset (fuzzing) */
            f->pattern = RAG_PATTERN_NONE;
            f->fg = f->bg = RAG_NO_COLOR;
        } else if (c->fill_count) {
            fill *f = &c->fills[c->fill_count - 1];
            if (!strcmp(name, "patternFill")) {
                v = rg_attr(attrs, "patternType");
                f->pattern = v ? pattern_from(v) : RAG_PATTERN_NONE;
            } else if (!strcmp(name, "fgColor")) {
                /* The system colours 64 and 65 and "auto" mean no colour
                 * of the cell's own: the fill shows as none. */
                uint32_t n;
                f->fg_given = true;
                if ((v = rg_attr(attrs, "indexed")) && rg_parse_u32(v, &n) &&
                    n >= 64 && !rg_attr(attrs, "rgb") &&
                    !rg_attr(attrs, "theme"))
                    f->fg = RAG_NO_COLOR;
                else
                    f->fg = rg_color_resolve(wb, attrs);
            } else if (!strcmp(name, "bgColor")) {
                f->bg = rg_color_resolve(wb, attrs);
            }
        }
        break;
    case SEC_BORDERS:
        if (!strcmp(name, "border") && rg_xml_depth(x) == 3) {
            border *b;
            if (!rg_grow((void **)&c->borders, &c->border_cap,
                         c->border_count + 1, sizeof *c->borders))
                { nomem(x); return; }
            b = &c->borders[c->border_count++];
            memset(b, 0, sizeof *b);
            b->left.color = b->right.color = b->top.color =
                b->bottom.color = b->diagonal.color = RAG_NO_COLOR;
            b->up = rg_attr_bool(attrs, "diagonalUp", false);
            b->down = rg_attr_bool(attrs, "diagonalDown", false);
        } else if (c->border_count) {
            border *b = &c->borders[c->border_count - 1];
            rag_border_side *side =
                !strcmp(name, "left") || !strcmp(name, "start") ? &b->left
                : !strcmp(name, "right") || !strcmp(name, "end") ? &b->right
                : !strcmp(name, "top")                           ? &b->top
                : !strcmp(name, "bottom")   ? &b->bottom
                : !strcmp(name, "diagonal") ? &b->diagonal
                                            : NULL;
            if (side) {
                side->style = border_from(rg_attr(attrs, "style"));
                c->side = side;
            } else if (!strcmp(name, "color") && c->side) {
                c->side->color = rg_color_resolve(wb, attrs);
            }
        }
        break;
    case SEC_XFS:
        if (!strcmp(name, "xf") && rg_xml_depth(x) == 3) {
            xf_start(x, c, attrs);
        } else if (c->in_xf && wb->style_count) {
            rag_style *s = &wb->styles[wb->style_count - 1];
            uint32_t n;
            if (!strcmp(name, "alignment")) {
                s->halign = halign_from(rg_attr(attrs, "horizontal"));
                s->valign = valign_from(rg_attr(attrs, "vertical"));
                s->wrap = rg_attr_bool(attrs, "wrapText", false);
                s->shrink = rg_attr_bool(attrs, "shrinkToFit", false);
                if ((v = rg_attr(attrs, "indent")) && rg_parse_u32(v, &n) &&
                    n < 256)
                    s->indent = (uint8_t)n;
                if ((v = rg_attr(attrs, "textRotation")) &&
                    rg_parse_u32(v, &n) && (n <= 180 || n == 255))
                    s->rotation = (int16_t)n;
            } else if (!strcmp(name, "protection")) {
                s->locked = rg_attr_bool(attrs, "locked", true);
                s->hidden = rg_attr_bool(attrs, "hidden", false);
            }
        }
        break;
    case SEC_COLORS:
        if (!strcmp(name, "indexedColors")) {
            c->indexed_override = true;
            c->indexed_n = 0;
        } else if (!strcmp(name, "rgbColor") && c->indexed_override) {
            uint32_t rgb;
            if ((v = rg_attr(attrs, "rgb")) && rg_parse_rgb(v, &rgb) &&
                c->indexed_n < 64)
                in->indexed[c->indexed_n] = rgb;
            c->indexed_n++;
        }
        break;
    case SEC_NONE:
    case SEC_CELLSTYLEXFS:
    case SEC_OTHER:
        break;
    }
}

static void styles_end(rg_xml *x, void *data, const char *name)
{
    styles_ctx *c = data;
    if (rg_xml_depth(x) == 2) {
        c->sec = SEC_NONE;
        return;
    }
    if (c->sec == SEC_XFS && !strcmp(name, "xf"))
        c->in_xf = false;
    if (c->sec == SEC_BORDERS)
        c->side = NULL;
}

static const char *numfmt_code(const styles_ctx *c, uint32_t id)
{
    size_t i;
    for (i = c->numfmt_count; i-- > 0;)
        if (c->numfmts[i].id == id)
            return c->numfmts[i].code;
    return rag_numfmt_builtin(id);
}

/* Point each style at its font, fill and border.  An index out of range
 * is an error: a workbook that points past its own tables is damaged. */
static rag_status finish_styles(styles_ctx *c, rag_error *err)
{
    rag_workbook *wb = c->wb;
    rg_workbook_impl *in = wb->impl;
    size_t i;

    for (i = 0; i < wb->style_count; i++) {
        rag_style *s = &wb->styles[i];
        const xf_refs *r = &c->refs[i];

        if (r->has_font && r->font >= in->font_count)
            return rg_fail(err, RAG_ERR_FORMAT, "cell style %zu uses font "
                           "%u, but there are only %zu", i, r->font,
                           in->font_count);
        if (in->font_count)
            s->font = in->fonts[r->has_font ? r->font : 0];
        if (r->has_fill) {
            if (r->fill >= c->fill_count)
                return rg_fail(err, RAG_ERR_FORMAT, "cell style %zu uses "
                               "fill %u, but there are only %zu", i,
                               r->fill, c->fill_count);
            s->pattern = c->fills[r->fill].pattern;
            s->fill_fg = c->fills[r->fill].fg;
            s->fill_bg = c->fills[r->fill].bg;
            /* A solid fill with no fgColor at all shows black in Excel. */
            if (s->pattern == RAG_PATTERN_SOLID && !c->fills[r->fill].fg_given)
                s->fill_fg = 0x000000;
        }
        if (r->has_border) {
            const border *b;
            if (r->border >= c->border_count)
                return rg_fail(err, RAG_ERR_FORMAT, "cell style %zu uses "
                               "border %u, but there are only %zu", i,
                               r->border, c->border_count);
            b = &c->borders[r->border];
            s->left = b->left;
            s->right = b->right;
            s->top = b->top;
            s->bottom = b->bottom;
            s->diagonal = b->diagonal;
            s->diagonal_up = b->up;
            s->diagonal_down = b->down;
        }
        s->numfmt = numfmt_code(c, s->numfmt_id);
        if (s->numfmt && !strcmp(s->numfmt, "General"))
            s->numfmt = NULL;
        s->is_date = rag_numfmt_is_date(s->numfmt_id, s->numfmt);
    }
    return RAG_OK;
}

static void default_style(rag_workbook *wb)
{
    rag_style *s = &wb->styles[0];
    memset(s, 0, sizeof *s);
    s->locked = true;
    s->fill_fg = s->fill_bg = RAG_NO_COLOR;
    s->left.color = s->right.color = s->top.color = s->bottom.color =
        s->diagonal.color = RAG_NO_COLOR;
    s->font.color = RAG_NO_COLOR;
    if (wb->impl->font_count)
        s->font = wb->impl->fonts[0];
}

static void free_ctx(styles_ctx *c)
{
    rg_free(c->numfmts);
    rg_free(c->fills);
    rg_free(c->borders);
    rg_free(c->refs);
}

/* ---- styles seen before ---------------------------------------------- */

/* A string of the styles' result that lives in the workbook's arena (the
 * built-in format codes are static and stay as they are). */
static bool in_arena(const rag_style *s, const char *p, bool is_numfmt)
{
    return p && !(is_numfmt && p == rag_numfmt_builtin(s->numfmt_id));
}

typedef struct str_map {
    const char **from;
    size_t *at;
    size_t count, cap, cap_at, len;
} str_map;

/* The offset of p in the strings being gathered (added if new); SIZE_MAX
 * when out of memory. */
static size_t map_add(str_map *m, const char *p)
{
    size_t i;
    for (i = 0; i < m->count; i++)
        if (m->from[i] == p)
            return m->at[i];
    if (!rg_grow((void **)&m->from, &m->cap, m->count + 1, sizeof *m->from) ||
        !rg_grow((void **)&m->at, &m->cap_at, m->count + 1, sizeof *m->at))
        return SIZE_MAX;
    m->from[m->count] = p;
    m->at[m->count] = m->len;
    m->len += strlen(p) + 1;
    return m->at[m->count++];
}

/* Gather a font's strings; false when out of memory. */
static bool gather_font(str_map *m, const rag_font *f)
{
    return (!f->name || map_add(m, f->name) != SIZE_MAX) &&
           (!f->scheme || map_add(m, f->scheme) != SIZE_MAX);
}

/* Point a font's strings (gathered already) at their copies in strings. */
static void map_font(str_map *m, rag_font *f, char *strings)
{
    if (f->name)
        f->name = strings + map_add(m, f->name);
    if (f->scheme)
        f->scheme = strings + map_add(m, f->scheme);
}

/* Remember the styles just read from bytes b (taken over on success). */
static void styles_remember(rag_workbook *wb, rg_buf *b, rg_buf *raw,
                            const rg_zip_id *id)
{
    rg_workbook_impl *in = wb->impl;
    seen_part n;
    str_map m;
    size_t i;
    bool ok = true;

    memset(&n, 0, sizeof n);
    memset(&m, 0, sizeof m);
    n.style_count = wb->style_count;
    n.font_count = in->font_count;
    n.styles = rg_malloc(n.style_count * sizeof *n.styles);
    n.fonts = n.font_count ? rg_malloc(n.font_count * sizeof *n.fonts) : NULL;
    if (!n.styles || (n.font_count && !n.fonts))
        ok = false;
    /* first pass: gather the strings; second: point the copies at them */
    for (i = 0; ok && i < wb->style_count; i++) {
        const rag_style *s = &wb->styles[i];
        if ((in_arena(s, s->numfmt, true) &&
             map_add(&m, s->numfmt) == SIZE_MAX) ||
            !gather_font(&m, &s->font))
            ok = false;
    }
    for (i = 0; ok && i < in->font_count; i++)
        if (!gather_font(&m, &in->fonts[i]))
            ok = false;
    if (ok && m.len && !(n.strings = rg_malloc(m.len)))
        ok = false;
    for (i = 0; ok && i < m.count; i++)
        memcpy(n.strings + m.at[i], m.from[i], strlen(m.from[i]) + 1);
    n.strings_len = m.len;
    for (i = 0; ok && i < n.style_count; i++) {
        rag_style *s = &n.styles[i];
        *s = wb->styles[i];
        if (in_arena(s, s->numfmt, true))
            s->numfmt = n.strings + map_add(&m, s->numfmt);
        map_font(&m, &s->font, n.strings);
    }
    for (i = 0; ok && i < n.font_count; i++) {
        n.fonts[i] = in->fonts[i];
        map_font(&m, &n.fonts[i], n.strings);
    }
    rg_free(m.from);
    rg_free(m.at);
    if (!ok) { /* not remembered: no harm done */
        seen_clear(&n);
        return;
    }
    n.bytes = b->data;
    n.len = b->len;
    n.depth = in->limits.depth;
    memcpy(n.theme_in, in->theme, sizeof n.theme_in);
    memcpy(n.indexed, in->indexed, sizeof n.indexed);
    pthread_mutex_lock(&seen_mu);
    if (!seen_find(seen_styles, b, n.depth, in->theme)) {
        seen_part *e = seen_slot(seen_styles);
        *e = n;
        e->used = ++seen_tick;
        b->data = NULL;
        b->len = b->cap = 0;
        n.bytes = NULL;
        seen_keep_raw(e, raw, id);
    }
    pthread_mutex_unlock(&seen_mu);
    if (n.bytes) { /* another thread remembered it first */
        n.bytes = NULL;
        seen_clear(&n);
    }
}

/* Move p from the entry's strings to the workbook's copy of them. */
static const char *moved(const seen_part *e, const char *p, char *to)
{
    uintptr_t u = (uintptr_t)p, lo = (uintptr_t)e->strings;
    if (p && e->strings && u >= lo && u < lo + e->strings_len)
        return to + (u - lo);
    return p;
}

/* The styles of entry e into wb.  Under seen_mu. */
static rag_status styles_recall(rag_workbook *wb, const seen_part *e,
                                rag_error *err)
{
    rg_workbook_impl *in = wb->impl;
    char *to = NULL;
    size_t i;

    wb->styles = rg_malloc(e->style_count * sizeof *wb->styles);
    in->fonts = e->font_count ? rg_malloc(e->font_count * sizeof *in->fonts)
                              : NULL;
    if (e->strings_len)
        to = rg_arena_alloc(&in->arena, e->strings_len);
    if (!wb->styles || (e->font_count && !in->fonts) ||
        (e->strings_len && !to)) {
        rg_free(wb->styles);
        rg_free(in->fonts);
        wb->styles = NULL;
        in->fonts = NULL;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    if (e->strings_len)
        memcpy(to, e->strings, e->strings_len);
    for (i = 0; i < e->style_count; i++) {
        rag_style *s = &wb->styles[i];
        *s = e->styles[i];
        s->numfmt = moved(e, s->numfmt, to);
        s->font.name = moved(e, s->font.name, to);
        s->font.scheme = moved(e, s->font.scheme, to);
    }
    for (i = 0; i < e->font_count; i++) {
        rag_font *f = &in->fonts[i];
        *f = e->fonts[i];
        f->name = moved(e, f->name, to);
        f->scheme = moved(e, f->scheme, to);
    }
    wb->style_count = e->style_count;
    in->style_cap = e->style_count;
    in->font_count = e->font_count;
    memcpy(in->indexed, e->indexed, sizeof in->indexed);
    return RAG_OK;
}

static rag_status styles_parse(styles_ctx *c, const char *part,
                               const rg_buf *mem, rag_error *err)
{
    static const rg_xml_handlers h = {styles_start, styles_end, NULL};
    rg_workbook_impl *in = c->wb->impl;
    if (mem)
        return rg_xml_parse_mem(mem->data, mem->len, part, &h, c,
                                in->limits.depth, err);
    return rg_xml_parse_part(in->zip, part, &h, c, in->limits.depth, err);
}

rag_status rg_styles_read(rag_workbook *wb, const char *part, rag_error *err)
{
    styles_ctx c;
    rag_status st = RAG_OK;
    rg_buf b = {NULL, 0, 0}, raw = {NULL, 0, 0};
    rg_zip_id id;
    const rg_buf *mem = NULL;
    uint32_t i;

    memset(&c, 0, sizeof c);
    c.wb = wb;
    for (i = 0; i < 66; i++)
        wb->impl->indexed[i] = rg_indexed_color(i);
    if (part && rg_zip_raw(wb->impl->zip, part, &raw, SEEN_MAX_BYTES, &id)) {
        const seen_part *e;
        pthread_mutex_lock(&seen_mu);
        e = seen_find_raw(seen_styles, &raw, &id, wb->impl->limits.depth,
                          wb->impl->theme);
        if (e) {
            rg_error_set_part(err, part); /* as the zip read would */
            st = styles_recall(wb, e, err);
        }
        pthread_mutex_unlock(&seen_mu);
        if (e) {
            rg_zip_charge(wb->impl->zip, id.size); /* as the read would */
            rg_buf_free(&raw);
            return st;
        }
    }
    if (part && grab_part(wb->impl, part, &b)) {
        seen_part *e;
        mem = &b;
        rg_error_set_part(err, part); /* as the zip read would */
        pthread_mutex_lock(&seen_mu);
        e = seen_find(seen_styles, &b, wb->impl->limits.depth,
                      wb->impl->theme);
        if (e) {
            st = styles_recall(wb, e, err);
            seen_keep_raw(e, &raw, &id);
        }
        pthread_mutex_unlock(&seen_mu);
        if (e) {
            rg_buf_free(&b);
            rg_buf_free(&raw);
            return st;
        }
    }
    if (part)
        st = styles_parse(&c, part, mem, err);
    /* <colors> comes last in the part, after the fonts and fills whose
     * indexed colours it redefines: read the part again with the new
     * palette in place.  Rare, and the styles part is small. */
    if (st == RAG_OK && c.indexed_override) {
        free_ctx(&c);
        memset(&c, 0, sizeof c);
        c.wb = wb;
        wb->impl->font_count = 0;
        wb->style_count = 0;
        st = styles_parse(&c, part, mem, err);
    }
    if (st == RAG_OK)
        st = finish_styles(&c, err);
    if (st == RAG_OK && wb->style_count == 0) {
        if (!rg_grow((void **)&wb->styles, &wb->impl->style_cap, 1,
                     sizeof *wb->styles)) {
            st = rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        } else {
            wb->style_count = 1;
            default_style(wb);
        }
    }
    free_ctx(&c);
    if (st == RAG_OK && mem)
        styles_remember(wb, &b, &raw, &id);
    rg_buf_free(&b);
    rg_buf_free(&raw);
    return st;
}
