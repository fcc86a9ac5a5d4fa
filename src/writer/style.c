/*
 * The style table: each distinct rag_style is interned once (hashed on all
 * the properties the writer can express) and becomes one lxw_format the
 * first time a cell uses it.  Input workbooks' styles are mapped lazily,
 * so a workbook with 60,000 cellXfs costs only the styles its cells use.
 */
#include <string.h>

#include "writer/writer.h"

void rag_style_init(rag_style *st)
{
    if (!st)
        return;
    memset(st, 0, sizeof *st);
    st->font.name = "Calibri";
    st->font.size = 11;
    st->font.color = RAG_NO_COLOR;
    st->font.family = 2;
    st->font.scheme = "minor";
    st->fill_fg = st->fill_bg = RAG_NO_COLOR;
    st->left.color = st->right.color = st->top.color = RAG_NO_COLOR;
    st->bottom.color = st->diagonal.color = RAG_NO_COLOR;
    st->locked = true;
}

lxw_color_t wx_color(uint32_t rgb)
{
    if (rgb == RAG_NO_COLOR)
        return LXW_COLOR_UNSET;
    rgb &= 0xFFFFFFu;
    /* libxlsxwriter reads 0 as "no colour"; black has its own value. */
    return rgb ? (lxw_color_t)rgb : (lxw_color_t)LXW_COLOR_BLACK;
}

/* ---- the key: every property the writer expresses ------------------- */

typedef struct style_fixed {
    double font_size;
    uint32_t numfmt_id, font_color, fill_fg, fill_bg;
    uint32_t border_color[5];
    int32_t rotation;
    uint8_t border_style[5];
    uint8_t bold, italic, strike, underline, script, family, charset;
    uint8_t pattern, diag_up, diag_down, halign, valign, wrap, shrink;
    uint8_t indent, locked, hidden, quote_prefix;
} style_fixed;

static bool key_str(rg_buf *b, const char *s)
{
    uint32_t len = s ? (uint32_t)strlen(s) + 1 : 0; /* 0: NULL */
    return rg_buf_append(b, (const char *)&len, sizeof len) &&
           (!s || rg_buf_append(b, s, len - 1));
}

static bool style_key(rg_buf *b, const rag_style *s)
{
    style_fixed k;
    const rag_border_side *sides[5] = {&s->left, &s->right, &s->top,
                                       &s->bottom, &s->diagonal};
    int i;

    memset(&k, 0, sizeof k); /* padding too: the key is compared bytewise */
    k.numfmt_id = s->numfmt_id;
    k.font_size = s->font.size;
    k.font_color = s->font.color;
    k.bold = s->font.bold;
    k.italic = s->font.italic;
    k.strike = s->font.strike;
    k.underline = s->font.underline;
    k.script = s->font.script;
    k.family = s->font.family;
    k.charset = s->font.charset;
    k.pattern = (uint8_t)s->pattern;
    k.fill_fg = s->fill_fg;
    k.fill_bg = s->fill_bg;
    for (i = 0; i < 5; i++) {
        k.border_style[i] = sides[i]->style;
        k.border_color[i] = sides[i]->color;
    }
    k.diag_up = s->diagonal_up;
    k.diag_down = s->diagonal_down;
    k.halign = (uint8_t)s->halign;
    k.valign = (uint8_t)s->valign;
    k.wrap = s->wrap;
    k.shrink = s->shrink;
    k.indent = s->indent;
    k.rotation = s->rotation;
    k.locked = s->locked;
    k.hidden = s->hidden;
    k.quote_prefix = s->quote_prefix;
    rg_buf_reset(b);
    return rg_buf_append(b, (const char *)&k, sizeof k) &&
           key_str(b, s->numfmt) && key_str(b, s->font.name) &&
           key_str(b, s->font.scheme);
}

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    while (n--) {
        h ^= *p++;
        h *= 1099511628211ull;
    }
    return h;
}

static bool table_grow(rag_writer *w)
{
    size_t cap = w->table_cap ? w->table_cap * 2 : 256, i;
    uint32_t *t = rg_calloc(cap, sizeof *t);

    if (!t)
        return false;
    for (i = 1; i < w->style_count; i++) {
        size_t j = (size_t)w->styles[i].hash & (cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = (uint32_t)i;
    }
    rg_free(w->table);
    w->table = t;
    w->table_cap = cap;
    return true;
}

rag_status rag_writer_style(rag_writer *w, const rag_style *st,
                            rag_wstyle *out, rag_error *err)
{
    rg_buf *key;
    uint64_t h;
    size_t j;
    wx_style *e;
    unsigned char *kcopy;

    if (!w || !st || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no writer or style");
    key = &w->scratch;
    if (!style_key(key, st))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    h = fnv1a((const unsigned char *)key->data, key->len);
    if (w->table_cap) {
        for (j = (size_t)h & (w->table_cap - 1); w->table[j];
             j = (j + 1) & (w->table_cap - 1)) {
            e = &w->styles[w->table[j]];
            if (e->hash == h && e->key_len == key->len &&
                !memcmp(e->key, key->data, key->len)) {
                *out = w->table[j];
                return RAG_OK;
            }
        }
    }
    if (w->style_count >= UINT32_MAX - 1)
        return rg_fail(err, RAG_ERR_LIMIT, "too many styles");
    if ((w->style_count + 2) * 2 > w->table_cap && !table_grow(w))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (!rg_grow((void **)&w->styles, &w->style_cap,
                 (w->style_count ? w->style_count : 1) + 1,
                 sizeof *w->styles))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (!w->style_count) {
        memset(&w->styles[0], 0, sizeof w->styles[0]);
        w->style_count = 1; /* [0] is RAG_WSTYLE_NONE */
    }
    e = &w->styles[w->style_count];
    memset(e, 0, sizeof *e);
    e->style = *st;
    kcopy = rg_arena_alloc(&w->arena, key->len);
    if (!kcopy ||
        (st->numfmt &&
         !(e->style.numfmt = rg_arena_strdup(&w->arena, st->numfmt))) ||
        (st->font.name &&
         !(e->style.font.name = rg_arena_strdup(&w->arena, st->font.name))) ||
        (st->font.scheme && !(e->style.font.scheme = rg_arena_strdup(
                                  &w->arena, st->font.scheme))))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    memcpy(kcopy, key->data, key->len);
    e->key = kcopy;
    e->key_len = key->len;
    e->hash = h;
    for (j = (size_t)h & (w->table_cap - 1); w->table[j];
         j = (j + 1) & (w->table_cap - 1))
        ;
    w->table[j] = (uint32_t)w->style_count;
    *out = (rag_wstyle)w->style_count++;
    return RAG_OK;
}

const rag_style *rag_writer_style_get(const rag_writer *w, rag_wstyle style)
{
    if (!w || style == RAG_WSTYLE_NONE || style >= w->style_count)
        return NULL;
    return &w->styles[style].style;
}

rag_status rag_writer_input_style(rag_writer *w, const rag_workbook *wb,
                                  uint32_t index, rag_wstyle *out,
                                  rag_error *err)
{
    rag_status st;

    if (!w || !wb || !out || !wb->style_count)
        return rg_fail(err, RAG_ERR_USAGE, "no writer or workbook");
    if (index >= wb->style_count)
        index = 0;
    if (w->in_wb != wb || w->in_count != wb->style_count) {
        rag_wstyle *map = rg_calloc(wb->style_count, sizeof *map);
        if (!map)
            return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
        rg_free(w->in_map);
        w->in_map = map;
        w->in_wb = wb;
        w->in_count = wb->style_count;
    }
    if (!w->in_map[index]) {
        st = rag_writer_style(w, &wb->styles[index], &w->in_map[index], err);
        if (st != RAG_OK)
            return st;
    }
    *out = w->in_map[index];
    return RAG_OK;
}

/* ---- rag_style -> lxw_format ---------------------------------------- */

static void apply_numfmt(rag_writer *w, lxw_format *f, const rag_style *s)
{
    const char *code = s->numfmt;

    if (s->numfmt_id == 0 && (!code || !*code || !strcmp(code, "General")))
        return;
    if (s->numfmt_id > 0 && s->numfmt_id < 164) {
        const char *builtin = rag_numfmt_builtin(s->numfmt_id);
        /* A built-in id keeps its id (14 is the reader's locale's short
         * date), unless the file gave it a code of its own. */
        if (!code || (builtin && !strcmp(builtin, code))) {
            format_set_num_format_index(f, (uint8_t)s->numfmt_id);
            return;
        }
    }
    if (!code)
        return;
    if (strlen(code) >= LXW_FORMAT_FIELD_LEN) {
        wx_loss(w, RAG_LOSS_NUMFMTS);
        return;
    }
    format_set_num_format(f, code);
}

static void apply_font(lxw_format *f, const rag_font *font)
{
    if (font->name && *font->name && strlen(font->name) < LXW_FORMAT_FIELD_LEN)
        format_set_font_name(f, font->name);
    if (font->size >= LXW_MIN_FONT_SIZE && font->size <= LXW_MAX_FONT_SIZE)
        format_set_font_size(f, font->size);
    if (font->color != RAG_NO_COLOR)
        format_set_font_color(f, wx_color(font->color));
    if (font->bold)
        format_set_bold(f);
    if (font->italic)
        format_set_italic(f);
    if (font->strike)
        format_set_font_strikeout(f);
    switch (font->underline) {
    case 1:
        format_set_underline(f, LXW_UNDERLINE_SINGLE);
        break;
    case 2:
        format_set_underline(f, LXW_UNDERLINE_DOUBLE);
        break;
    case 33:
        format_set_underline(f, LXW_UNDERLINE_SINGLE_ACCOUNTING);
        break;
    case 34:
        format_set_underline(f, LXW_UNDERLINE_DOUBLE_ACCOUNTING);
        break;
    default:
        break;
    }
    if (font->script == 1)
        format_set_font_script(f, LXW_FONT_SUPERSCRIPT);
    else if (font->script == 2)
        format_set_font_script(f, LXW_FONT_SUBSCRIPT);
    if (font->family)
        format_set_font_family(f, font->family);
    if (font->charset)
        format_set_font_charset(f, font->charset);
    if (font->scheme && *font->scheme &&
        strlen(font->scheme) < LXW_FORMAT_FIELD_LEN)
        format_set_font_scheme(f, font->scheme);
}

static void apply_border(lxw_format *f, const rag_border_side *side,
                         void (*set)(lxw_format *, uint8_t),
                         void (*set_color)(lxw_format *, lxw_color_t))
{
    if (!side->style || side->style > LXW_BORDER_SLANT_DASH_DOT)
        return;
    set(f, side->style);
    if (side->color != RAG_NO_COLOR)
        set_color(f, wx_color(side->color));
}

static void apply_style(rag_writer *w, lxw_format *f, const rag_style *s)
{
    apply_numfmt(w, f, s);
    apply_font(f, &s->font);
    /* A solid fill without a colour (the system background, indexed 65)
     * looks like no fill; libxlsxwriter would paint it in the background
     * colour, often black. */
    if (s->pattern != RAG_PATTERN_NONE && s->pattern <= RAG_PATTERN_GRAY_0625 &&
        !(s->pattern == RAG_PATTERN_SOLID && s->fill_fg == RAG_NO_COLOR)) {
        uint32_t fg = s->fill_fg, bg = s->fill_bg;
        /* For a solid fill with both colours libxlsxwriter swaps them
         * (XlsxWriter's "background colour" convention): swap them first
         * so that the file gets the input's fgColor and bgColor. */
        if (s->pattern == RAG_PATTERN_SOLID && fg != RAG_NO_COLOR &&
            bg != RAG_NO_COLOR) {
            fg = s->fill_bg;
            bg = s->fill_fg;
        }
        format_set_pattern(f, (uint8_t)s->pattern);
        if (fg != RAG_NO_COLOR)
            format_set_fg_color(f, wx_color(fg));
        if (bg != RAG_NO_COLOR)
            format_set_bg_color(f, wx_color(bg));
    }
    apply_border(f, &s->left, format_set_left, format_set_left_color);
    apply_border(f, &s->right, format_set_right, format_set_right_color);
    apply_border(f, &s->top, format_set_top, format_set_top_color);
    apply_border(f, &s->bottom, format_set_bottom, format_set_bottom_color);
    /* A diagonal shows only with a direction and a style: libxlsxwriter
     * would invent either one when only the other is set. */
    if ((s->diagonal_up || s->diagonal_down) && s->diagonal.style &&
        s->diagonal.style <= LXW_BORDER_SLANT_DASH_DOT) {
        format_set_diag_type(f, (uint8_t)((s->diagonal_up ? 1 : 0) |
                                          (s->diagonal_down ? 2 : 0)));
        format_set_diag_border(f, s->diagonal.style);
        if (s->diagonal.color != RAG_NO_COLOR)
            format_set_diag_color(f, wx_color(s->diagonal.color));
    }
    if (s->halign > RAG_HALIGN_GENERAL && s->halign <= RAG_HALIGN_DISTRIBUTED)
        format_set_align(f, (uint8_t)s->halign);
    switch (s->valign) {
    case RAG_VALIGN_TOP:
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        break;
    case RAG_VALIGN_CENTER:
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        break;
    case RAG_VALIGN_JUSTIFY:
        format_set_align(f, LXW_ALIGN_VERTICAL_JUSTIFY);
        break;
    case RAG_VALIGN_DISTRIBUTED:
        format_set_align(f, LXW_ALIGN_VERTICAL_DISTRIBUTED);
        break;
    case RAG_VALIGN_BOTTOM:
        break;
    }
    if (s->wrap)
        format_set_text_wrap(f);
    if (s->shrink)
        format_set_shrink(f);
    if (s->indent)
        format_set_indent(f, s->indent);
    /* OOXML: 0..90 up, 91..180 down (90 - r), 255 vertical text;
     * libxlsxwriter takes -90..90 and 270. */
    if (s->rotation > 0 && s->rotation <= 90)
        format_set_rotation(f, s->rotation);
    else if (s->rotation > 90 && s->rotation <= 180)
        format_set_rotation(f, (int16_t)(90 - s->rotation));
    else if (s->rotation == 255)
        format_set_rotation(f, 270);
    if (!s->locked)
        format_set_unlocked(f);
    if (s->hidden)
        format_set_hidden(f);
}

lxw_format *wx_format(rag_writer *w, rag_wstyle style, bool *nomem)
{
    wx_style *e;

    if (style == RAG_WSTYLE_NONE || style >= w->style_count)
        return NULL;
    e = &w->styles[style];
    if (!e->format) {
        if (wx_workbook(w, NULL) != RAG_OK ||
            !(e->format = workbook_add_format(w->wb))) {
            if (nomem)
                *nomem = true;
            return NULL;
        }
        apply_style(w, e->format, &e->style);
    }
    return e->format;
}

struct lxw_format *rag_writer_format(rag_writer *w, rag_wstyle style)
{
    return w ? wx_format(w, style, NULL) : NULL;
}

lxw_format *wx_font_format(rag_writer *w, const rag_font *font,
                           rag_error *err)
{
    rag_style st;
    rag_wstyle h;
    bool nomem = false;
    lxw_format *f;

    rag_style_init(&st);
    st.font = *font;
    if (rag_writer_style(w, &st, &h, err) != RAG_OK)
        return NULL;
    f = wx_format(w, h, &nomem);
    if (!f)
        rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    return f;
}

void wx_styles_free(rag_writer *w)
{
    /* The lxw_formats belong to the lxw_workbook. */
    rg_free(w->styles);
    rg_free(w->table);
    w->styles = NULL;
    w->table = NULL;
    w->style_count = w->style_cap = w->table_cap = 0;
}
