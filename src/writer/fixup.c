/*
 * Fix-ups applied to libxlsxwriter's finished file: see fixup.h.
 *
 * libxlsxwriter's worksheet XML is regular: every cell is
 * <c r="A1"[ s="N"][ t="..."]>...</c> or <c .../>, and "<c " starts
 * nothing else (text is escaped, other elements are <col>, <cfRule>...).
 * So a worksheet is patched as a byte stream: text between cells passes
 * through, and a cell whose reference is next in the sorted fix list is
 * rebuilt.
 */
#define _GNU_SOURCE /* O_TMPFILE */

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unzip.h>
#include <zip.h>

#include "util/outfile.h"
#include "writer/fixup.h"

/* memmem() is a GNU extension; this is C11. */
static const char *find_bytes(const char *hay, size_t n, const char *needle,
                              size_t m)
{
    size_t i;
    if (m > n)
        return NULL;
    for (i = 0; i + m <= n; i++) {
        const char *p = memchr(hay + i, needle[0], n - m - i + 1);
        if (!p)
            return NULL;
        if (!memcmp(p, needle, m))
            return p;
        i = (size_t)(p - hay);
    }
    return NULL;
}

typedef struct fix_rec {
    uint32_t row, col, seq;
    uint8_t kind, dead;
    double number;
    uint64_t off, len;        /* text in texts (memory records only) */
} fix_rec;

struct wx_fixes {
    bool streaming;
    char *tmpdir;
    fix_rec *recs;            /* all (normal) or the current row (streaming) */
    size_t count, cap;
    rg_buf texts;
    uint32_t *hash;           /* (row, col) -> record index + 1 */
    size_t hash_cap, hash_used;
    FILE *spool;              /* streaming: finished rows */
    uint32_t seq;
    size_t total;
};

/* ---- recording ------------------------------------------------------- */

bool wx_number_exact(double d)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.16G", d);
    return strtod(buf, NULL) == d;
}

wx_fixes *wx_fixes_new(bool streaming, const char *tmpdir)
{
    wx_fixes *f = rg_calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->streaming = streaming;
    if (tmpdir && !(f->tmpdir = rg_strdup(tmpdir))) {
        rg_free(f);
        return NULL;
    }
    return f;
}

void wx_fixes_free(wx_fixes *f)
{
    if (!f)
        return;
    if (f->spool)
        fclose(f->spool);
    rg_free(f->recs);
    rg_free(f->hash);
    rg_free(f->tmpdir);
    rg_buf_free(&f->texts);
    rg_free(f);
}

size_t wx_fixes_count(const wx_fixes *f)
{
    return f ? f->total : 0;
}

static uint64_t cell_key(uint32_t row, uint32_t col)
{
    return ((uint64_t)row << 14) | col;
}

static size_t hash_slot(const wx_fixes *f, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 20) & (f->hash_cap - 1);

    while (f->hash[i]) {
        const fix_rec *r = &f->recs[f->hash[i] - 1];
        if (cell_key(r->row, r->col) == key)
            return i;
        i = (i + 1) & (f->hash_cap - 1);
    }
    return i;
}

static bool hash_grow(wx_fixes *f)
{
    size_t cap = f->hash_cap ? f->hash_cap * 2 : 64, i;
    uint32_t *old = f->hash;
    size_t old_cap = f->hash_cap;

    f->hash = rg_calloc(cap, sizeof *f->hash);
    if (!f->hash) {
        f->hash = old;
        return false;
    }
    f->hash_cap = cap;
    for (i = 0; i < old_cap; i++)
        if (old[i]) {
            const fix_rec *r = &f->recs[old[i] - 1];
            f->hash[hash_slot(f, cell_key(r->row, r->col))] = old[i];
        }
    rg_free(old);
    return true;
}

static int cmp_recs(const void *a, const void *b)
{
    const fix_rec *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Streaming: the row is finished; its live fixes go to the spool. */
static bool flush_row(wx_fixes *f)
{
    size_t i;

    if (!f->count)
        return true;
    qsort(f->recs, f->count, sizeof *f->recs, cmp_recs);
    if (!f->spool && !(f->spool = rg_scratch_open(f->tmpdir)))
        return false;
    for (i = 0; i < f->count; i++) {
        const fix_rec *r = &f->recs[i];
        if (r->dead)
            continue;
        if (fwrite(r, sizeof *r, 1, f->spool) != 1 ||
            (r->len && fwrite(f->texts.data + r->off, 1, (size_t)r->len,
                              f->spool) != r->len))
            return false;
    }
    f->count = 0;
    rg_buf_reset(&f->texts);
    if (f->hash)
        memset(f->hash, 0, f->hash_cap * sizeof *f->hash);
    f->hash_used = 0;
    return true;
}

bool wx_fixes_add(wx_fixes *f, uint32_t row, uint32_t col, int kind,
                  double number, const char *text, size_t len)
{
    fix_rec *r;
    size_t slot;

    if (f->streaming && f->count && f->recs[0].row != row && !flush_row(f))
        return false;
    if ((f->hash_used + 1) * 2 > f->hash_cap && !hash_grow(f))
        return false;
    if (!rg_grow((void **)&f->recs, &f->cap, f->count + 1, sizeof *f->recs))
        return false;
    r = &f->recs[f->count];
    memset(r, 0, sizeof *r);
    r->row = row;
    r->col = col;
    r->seq = f->seq++;
    r->kind = (uint8_t)kind;
    r->number = number;
    r->off = f->texts.len;
    r->len = text ? len : 0;
    if (r->len && !rg_buf_append(&f->texts, text, len))
        return false;
    slot = hash_slot(f, cell_key(row, col));
    if (f->hash[slot])
        f->recs[f->hash[slot] - 1].dead = 1; /* the last write wins */
    else
        f->hash_used++;
    f->hash[slot] = (uint32_t)(f->count + 1);
    f->count++;
    f->total++;
    return true;
}

void wx_fixes_cancel(wx_fixes *f, uint32_t row, uint32_t col)
{
    size_t slot;

    if (!f || !f->hash_used)
        return;
    slot = hash_slot(f, cell_key(row, col));
    if (f->hash[slot])
        f->recs[f->hash[slot] - 1].dead = 1;
}

/* ---- reading the fixes back in order --------------------------------- */

typedef struct fix_iter {
    wx_fixes *f;
    size_t i;
    bool spool_done;
    rg_buf text;
} fix_iter;

static bool iter_start(fix_iter *it, wx_fixes *f)
{
    memset(it, 0, sizeof *it);
    it->f = f;
    if (f->streaming) {
        if (!flush_row(f))
            return false;
        if (f->spool && (fflush(f->spool) || fseek(f->spool, 0, SEEK_SET)))
            return false;
        it->spool_done = !f->spool;
    } else {
        qsort(f->recs, f->count, sizeof *f->recs, cmp_recs);
        it->spool_done = true;
    }
    return true;
}

/* The next live fix, or false at the end (or on a read error). */
static bool iter_next(fix_iter *it, fix_rec *out)
{
    wx_fixes *f = it->f;

    rg_buf_reset(&it->text);
    if (!it->spool_done) {
        if (fread(out, sizeof *out, 1, f->spool) == 1) {
            char buf[4096];
            uint64_t left = out->len;
            while (left) {
                size_t n = left < sizeof buf ? (size_t)left : sizeof buf;
                if (fread(buf, 1, n, f->spool) != n ||
                    !rg_buf_append(&it->text, buf, n))
                    return false;
                left -= n;
            }
            rg_buf_append(&it->text, "", 0);
            return true;
        }
        it->spool_done = true;
    }
    while (it->i < f->count && f->recs[it->i].dead)
        it->i++;
    if (it->i >= f->count)
        return false;
    *out = f->recs[it->i++];
    if (!rg_buf_append(&it->text, f->texts.data ? f->texts.data + out->off
                                                : "",
                       (size_t)out->len))
        return false;
    return true;
}

/* ---- patching one cell ----------------------------------------------- */

typedef struct attr {
    const char *name, *value;
    size_t name_len, value_len;
} attr;

typedef struct cell_xml {
    attr attrs[12];
    int nattrs;
    const char *body;         /* between the start tag and </c> */
    size_t body_len;
} cell_xml;

static bool parse_cell(const char *e, size_t n, cell_xml *c)
{
    const char *p = e + 2, *end = e + n;

    c->nattrs = 0;
    for (;;) {
        attr *a;
        while (p < end && *p == ' ')
            p++;
        if (p >= end)
            return false;
        if (*p == '>' || *p == '/')
            break;
        if (c->nattrs >= (int)(sizeof c->attrs / sizeof c->attrs[0]))
            return false;
        a = &c->attrs[c->nattrs++];
        a->name = p;
        while (p < end && *p != '=')
            p++;
        if (p + 1 >= end || p[1] != '"')
            return false;
        a->name_len = (size_t)(p - a->name);
        a->value = p + 2;
        p = memchr(a->value, '"', (size_t)(end - a->value));
        if (!p)
            return false;
        a->value_len = (size_t)(p - a->value);
        p++;
    }
    if (*p == '/') {
        c->body = p;
        c->body_len = 0;
        return true;
    }
    c->body = p + 1;
    if (n < 4 || (size_t)(end - c->body) < 4 || memcmp(end - 4, "</c>", 4))
        return false;
    c->body_len = (size_t)(end - 4 - c->body);
    return true;
}

static const attr *find_attr(const cell_xml *c, const char *name)
{
    size_t len = strlen(name);
    int i;
    for (i = 0; i < c->nattrs; i++)
        if (c->attrs[i].name_len == len &&
            !memcmp(c->attrs[i].name, name, len))
            return &c->attrs[i];
    return NULL;
}

static bool attr_is(const attr *a, const char *v)
{
    return a && a->value_len == strlen(v) && !memcmp(a->value, v, a->value_len);
}

/* The text of the first <tag>...</tag> (or <tag attrs>...</tag>) in the
 * body; *open is the whole start tag. */
static bool find_elem(const char *body, size_t n, const char *tag,
                      const char **text, size_t *len, const char **open,
                      size_t *open_len)
{
    size_t tl = strlen(tag), i;
    for (i = 0; i + tl + 2 <= n; i++) {
        const char *p = body + i, *gt, *close;
        char end_tag[8];
        if (p[0] != '<' || memcmp(p + 1, tag, tl) ||
            (p[1 + tl] != '>' && p[1 + tl] != ' '))
            continue;
        gt = memchr(p, '>', n - i);
        if (!gt)
            return false;
        if (open) {
            *open = p;
            *open_len = (size_t)(gt - p + 1);
        }
        if (gt[-1] == '/') {
            *text = gt + 1;
            *len = 0;
            return true;
        }
        snprintf(end_tag, sizeof end_tag, "</%s>", tag);
        close = NULL;
        {
            size_t j, rest = (size_t)(body + n - (gt + 1));
            for (j = 0; j + tl + 3 <= rest; j++)
                if (!memcmp(gt + 1 + j, end_tag, tl + 3)) {
                    close = gt + 1 + j;
                    break;
                }
        }
        if (!close)
            return false;
        *text = gt + 1;
        *len = (size_t)(close - (gt + 1));
        return true;
    }
    return false;
}

static bool same_text(const char *a, size_t alen, const char *b)
{
    return alen == strlen(b) && !memcmp(a, b, alen);
}

/* Text as XML element content: &, <, > escaped, control characters as
 * _xHHHH_ (as libxlsxwriter does). */
static bool put_escaped(rg_buf *b, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok;
        if (c == '&')
            ok = rg_buf_puts(b, "&amp;");
        else if (c == '<')
            ok = rg_buf_puts(b, "&lt;");
        else if (c == '>')
            ok = rg_buf_puts(b, "&gt;");
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            ok = rg_buf_printf(b, "_x%04X_", c);
        else
            ok = rg_buf_putc(b, (char)c);
        if (!ok)
            return false;
    }
    return true;
}

/* <c ...> with t set to t (NULL: removed). */
static bool put_start(rg_buf *b, const cell_xml *c, const char *t)
{
    int i;
    bool t_done = false;

    if (!rg_buf_puts(b, "<c"))
        return false;
    for (i = 0; i < c->nattrs; i++) {
        const attr *a = &c->attrs[i];
        if (a->name_len == 1 && a->name[0] == 't') {
            if (t && !rg_buf_printf(b, " t=\"%s\"", t))
                return false;
            t_done = true;
            continue;
        }
        if (!rg_buf_putc(b, ' ') ||
            !rg_buf_append(b, a->name, a->name_len) ||
            !rg_buf_puts(b, "=\"") ||
            !rg_buf_append(b, a->value, a->value_len) ||
            !rg_buf_putc(b, '"'))
            return false;
    }
    if (t && !t_done && !rg_buf_printf(b, " t=\"%s\"", t))
        return false;
    return rg_buf_putc(b, '>');
}

/* The body with <v>'s text replaced. */
static bool put_body_v(rg_buf *b, const cell_xml *c, const char *v,
                       size_t vlen, const char *nv, size_t nvlen, bool escape)
{
    return rg_buf_append(b, c->body, (size_t)(v - c->body)) &&
           (escape ? put_escaped(b, nv, nvlen) : rg_buf_append(b, nv, nvlen)) &&
           rg_buf_append(b, v + vlen,
                         c->body_len - (size_t)(v - c->body) - vlen);
}

/*
 * Rebuild the cell element e (n bytes) with fix r into out.  Returns
 * false when the cell is not as the fix expects (it was written over):
 * then the caller keeps it as it is.
 */
static bool patch_cell(const char *e, size_t n, const fix_rec *r,
                       const char *text, size_t text_len, rg_buf *out)
{
    cell_xml c;
    const attr *t;
    const char *v, *f, *fopen_tag;
    size_t vlen, flen, fopen_len;
    bool has_v, has_f;

    if (!parse_cell(e, n, &c) || !c.body_len)
        return false;
    t = find_attr(&c, "t");
    has_v = find_elem(c.body, c.body_len, "v", &v, &vlen, NULL, NULL);
    has_f = find_elem(c.body, c.body_len, "f", &f, &flen, &fopen_tag,
                      &fopen_len);
    rg_buf_reset(out);
    switch (r->kind) {
    case WX_FIX_NUMBER: {
        char want[40], exact[40], got[64];
        if (t || !has_v || vlen >= sizeof got)
            return false;
        memcpy(got, v, vlen);
        got[vlen] = '\0';
        snprintf(want, sizeof want, "%.16G", r->number);
        if (strtod(got, NULL) != strtod(want, NULL))
            return false;
        rg_format_double(r->number, exact, sizeof exact);
        return put_start(out, &c, NULL) &&
               put_body_v(out, &c, v, vlen, exact, strlen(exact), false) &&
               rg_buf_puts(out, "</c>");
    }
    case WX_FIX_ERROR:
        if (!attr_is(t, "str") || !has_f || !has_v ||
            !same_text(f, flen, text) || !same_text(v, vlen, text))
            return false;
        return put_start(out, &c, "e") && rg_buf_puts(out, "<v>") &&
               put_escaped(out, text, text_len) && rg_buf_puts(out, "</v></c>");
    case WX_FIX_ERROR_RESULT:
        if (!attr_is(t, "str") || !has_f || !has_v ||
            !same_text(v, vlen, text))
            return false;
        return put_start(out, &c, "e") &&
               rg_buf_append(out, c.body, c.body_len) &&
               rg_buf_puts(out, "</c>");
    case WX_FIX_BOOL_RESULT:
        if (t || !has_f || !has_v ||
            !(same_text(v, vlen, "1") || same_text(v, vlen, "0")))
            return false;
        return put_start(out, &c, "b") &&
               rg_buf_append(out, c.body, c.body_len) &&
               rg_buf_puts(out, "</c>");
    case WX_FIX_ARRAY_TEXT:
    case WX_FIX_ARRAY_ERROR:
    case WX_FIX_ARRAY_BOOL:
        if (t || !has_f || !has_v ||
            !find_bytes(fopen_tag, fopen_len, "t=\"array\"", 9))
            return false;
        if (r->kind == WX_FIX_ARRAY_BOOL)
            return put_start(out, &c, "b") &&
                   rg_buf_append(out, c.body, c.body_len) &&
                   rg_buf_puts(out, "</c>");
        return put_start(out, &c, r->kind == WX_FIX_ARRAY_TEXT ? "str" : "e") &&
               put_body_v(out, &c, v, vlen, text, text_len, true) &&
               rg_buf_puts(out, "</c>");
    default:
        return false;
    }
}

/* ---- streaming a worksheet through --------------------------------- */

typedef struct patcher {
    zipFile zf;
    fix_iter it;
    fix_rec cur;
    bool have;                /* cur is the next fix */
    rg_buf pend;              /* input not yet passed on */
    rg_buf out;               /* output not yet written */
    rg_buf cell;              /* a rebuilt cell */
    size_t missed;            /* fixes whose cell was not as expected */
    bool failed;              /* a write or read failed */
    bool nomem;               /* an allocation failed */
} patcher;

static void emit(patcher *p, const char *s, size_t n)
{
    if (p->failed || !n)
        return;
    if (!rg_buf_append(&p->out, s, n)) {
        p->failed = p->nomem = true;
        return;
    }
    if (p->out.len >= 1 << 16) {
        if (zipWriteInFileInZip(p->zf, p->out.data, (unsigned)p->out.len) !=
            ZIP_OK)
            p->failed = true;
        rg_buf_reset(&p->out);
    }
}

static void next_fix(patcher *p)
{
    fix_rec r;
    p->have = iter_next(&p->it, &r);
    if (p->have)
        p->cur = r;
}

static void handle_cell(patcher *p, const char *e, size_t n)
{
    const char *r = find_bytes(e, n, " r=\"", 4);
    char ref[24];
    size_t len;
    uint32_t row, col;

    if (!p->have || !r) {
        emit(p, e, n);
        return;
    }
    r += 4;
    len = strcspn(r, "\"");
    if (len >= sizeof ref || r + len > e + n) {
        emit(p, e, n);
        return;
    }
    memcpy(ref, r, len);
    ref[len] = '\0';
    if (!rag_cell_ref_parse(ref, &row, &col)) {
        emit(p, e, n);
        return;
    }
    /* A fix whose cell libxlsxwriter did not write where we expect is a
     * broken assumption about its output: counted, never silent. */
    while (p->have && (p->cur.row < row ||
                       (p->cur.row == row && p->cur.col < col))) {
        p->missed++;
        next_fix(p);
    }
    if (!p->have || p->cur.row != row || p->cur.col != col) {
        emit(p, e, n);
        return;
    }
    if (patch_cell(e, n, &p->cur, p->it.text.data ? p->it.text.data : "",
                   p->it.text.len, &p->cell)) {
        emit(p, p->cell.data, p->cell.len);
    } else {
        p->missed++;
        emit(p, e, n);
    }
    next_fix(p);
}

/* Pass on what is complete in p->pend; keep a partial cell for later. */
static void process(patcher *p, bool last)
{
    const char *d = p->pend.data;
    size_t n = p->pend.len, pos = 0;

    while (!p->failed && pos < n) {
        const char *c = find_bytes(d + pos, n - pos, "<c ", 3);
        const char *gt, *close;
        size_t end;
        if (!c) {
            size_t keep = last ? 0 : 2; /* "<c" may be split */
            if (n - pos > keep) {
                emit(p, d + pos, n - pos - keep);
                pos = n - keep;
            }
            break;
        }
        emit(p, d + pos, (size_t)(c - (d + pos)));
        pos = (size_t)(c - d);
        gt = memchr(c, '>', n - pos);
        if (!gt)
            break;
        if (gt[-1] == '/') {
            end = (size_t)(gt + 1 - d);
        } else {
            close = find_bytes(gt, (size_t)(d + n - gt), "</c>", 4);
            if (!close)
                break;
            end = (size_t)(close + 4 - d);
        }
        handle_cell(p, c, end - pos);
        pos = end;
    }
    if (last && pos < n) {
        emit(p, d + pos, n - pos);
        pos = n;
    }
    if (pos) {
        memmove(p->pend.data, d + pos, n - pos);
        p->pend.len = n - pos;
        p->pend.data[p->pend.len] = '\0';
    }
}

/* ---- the zip ---------------------------------------------------------- */

static void file_info(const unz_file_info64 *info, zip_fileinfo *zi)
{
    memset(zi, 0, sizeof *zi);
    zi->tmz_date.tm_sec = info->tmu_date.tm_sec;
    zi->tmz_date.tm_min = info->tmu_date.tm_min;
    zi->tmz_date.tm_hour = info->tmu_date.tm_hour;
    zi->tmz_date.tm_mday = info->tmu_date.tm_mday;
    zi->tmz_date.tm_mon = info->tmu_date.tm_mon;
    zi->tmz_date.tm_year = info->tmu_date.tm_year;
    zi->dosDate = info->dosDate;
    zi->internal_fa = info->internal_fa;
    zi->external_fa = info->external_fa;
}

static bool copy_raw(unzFile uf, zipFile zf, const char *name,
                     const unz_file_info64 *info, char *buf, size_t size)
{
    zip_fileinfo zi;
    int method, level, n;
    bool ok = true;

    file_info(info, &zi);
    if (unzOpenCurrentFile2(uf, &method, &level, 1) != UNZ_OK)
        return false;
    if (zipOpenNewFileInZip2_64(zf, name, &zi, NULL, 0, NULL, 0, NULL, method,
                                level, 1,
                                info->uncompressed_size >= 0xFFFFFFFFu) !=
        ZIP_OK) {
        unzCloseCurrentFile(uf);
        return false;
    }
    while ((n = unzReadCurrentFile(uf, buf, (unsigned)size)) > 0)
        if (rg_io_fails(RG_IO_WRITE) ||
            zipWriteInFileInZip(zf, buf, (unsigned)n) != ZIP_OK) {
            ok = false;
            break;
        }
    if (n < 0)
        ok = false;
    unzCloseCurrentFile(uf);
    if (zipCloseFileInZipRaw64(zf, info->uncompressed_size, info->crc) !=
            ZIP_OK ||
        rg_io_fails(RG_IO_ZIP)) /* injected after the close (outfile.h) */
        ok = false;
    return ok;
}

static bool open_deflated(unzFile uf, zipFile zf, const char *name,
                          const unz_file_info64 *info)
{
    zip_fileinfo zi;

    file_info(info, &zi);
    if (unzOpenCurrentFile(uf) != UNZ_OK)
        return false;
    if (zipOpenNewFileInZip2_64(zf, name, &zi, NULL, 0, NULL, 0, NULL,
                                Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0,
                                info->uncompressed_size >= 0xF0000000u) !=
        ZIP_OK) {
        unzCloseCurrentFile(uf);
        return false;
    }
    return true;
}

static bool patch_sheet(unzFile uf, zipFile zf, const char *name,
                        const unz_file_info64 *info, wx_fixes *fixes,
                        char *buf, size_t size, size_t *missed, bool *nomem)
{
    patcher p;
    int n;
    bool ok;

    memset(&p, 0, sizeof p);
    p.zf = zf;
    if (!iter_start(&p.it, fixes) || !open_deflated(uf, zf, name, info))
        return false;
    next_fix(&p);
    while ((n = unzReadCurrentFile(uf, buf, (unsigned)size)) > 0) {
        if (!rg_buf_append(&p.pend, buf, (size_t)n)) {
            p.failed = p.nomem = true;
            break;
        }
        process(&p, false);
    }
    if (n < 0)
        p.failed = true;
    if (!p.failed)
        process(&p, true);
    if (!p.failed && p.out.len &&
        zipWriteInFileInZip(zf, p.out.data, (unsigned)p.out.len) != ZIP_OK)
        p.failed = true;
    ok = !p.failed;
    for (; ok && p.have; next_fix(&p)) /* fixes past the last cell */
        p.missed++;
    *missed += p.missed;
    *nomem |= p.nomem;
    if (unzCloseCurrentFile(uf) != UNZ_OK)
        ok = false;
    if (zipCloseFileInZip(zf) != ZIP_OK || rg_io_fails(RG_IO_ZIP))
        ok = false;
    rg_buf_free(&p.pend);
    rg_buf_free(&p.out);
    rg_buf_free(&p.cell);
    rg_buf_free(&p.it.text);
    return ok;
}

/* xl/workbook.xml: state="hidden" -> "veryHidden" on the marked sheets. */
static bool patch_workbook(unzFile uf, zipFile zf, const char *name,
                           const unz_file_info64 *info,
                           const bool *very_hidden, size_t count, char *buf,
                           size_t size, size_t *missed)
{
    rg_buf in = {0}, out = {0};
    const char *p, *sheets;
    size_t i = 0;
    int n;
    bool ok = true;

    if (!open_deflated(uf, zf, name, info))
        return false;
    while ((n = unzReadCurrentFile(uf, buf, (unsigned)size)) > 0)
        if (!rg_buf_append(&in, buf, (size_t)n))
            ok = false;
    if (n < 0 || !rg_buf_append(&in, "", 0))
        ok = false;
    sheets = ok ? strstr(in.data, "<sheets>") : NULL;
    p = in.data;
    while (ok && sheets) {
        const char *s = strstr(sheets, "<sheet "), *end, *st;
        if (!s)
            break;
        end = strchr(s, '>');
        if (!end)
            break;
        st = i < count && very_hidden[i] ? strstr(s, " state=\"hidden\"")
                                         : NULL;
        if (st && st < end) {
            ok = rg_buf_append(&out, p, (size_t)(st - p)) &&
                 rg_buf_puts(&out, " state=\"veryHidden\"");
            p = st + 15;
        }
        else if (i < count && very_hidden[i])
            ++*missed; /* not state="hidden" as libxlsxwriter writes it */
        sheets = end;
        i++;
    }
    if (ok)
        ok = rg_buf_puts(&out, p) &&
             zipWriteInFileInZip(zf, out.data, (unsigned)out.len) == ZIP_OK;
    if (unzCloseCurrentFile(uf) != UNZ_OK)
        ok = false;
    if (zipCloseFileInZip(zf) != ZIP_OK || rg_io_fails(RG_IO_ZIP))
        ok = false;
    rg_buf_free(&in);
    rg_buf_free(&out);
    return ok;
}

rag_status wx_fixup(const char *from, const char *to, wx_fixes *const *fixes,
                    const bool *very_hidden, size_t sheet_count,
                    size_t *missed, rag_error *err)
{
    enum { BUF = 1 << 16 };
    unzFile uf;
    zipFile zf;
    char name[1024], *buf;
    bool ok = true, any_hidden = false, nomem = false;
    int r;
    size_t i;

    *missed = 0;
    for (i = 0; i < sheet_count; i++)
        any_hidden |= very_hidden[i];
    buf = rg_malloc(BUF);
    if (!buf)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    uf = unzOpen64(from);
    zf = uf ? zipOpen64(to, APPEND_STATUS_CREATE) : NULL;
    if (!uf || !zf) {
        if (uf)
            unzClose(uf);
        rg_free(buf);
        return rg_fail(err, RAG_ERR_IO, "cannot reopen the workbook "
                       "written to finish it");
    }
    for (r = unzGoToFirstFile(uf); ok && r == UNZ_OK;
         r = unzGoToNextFile(uf)) {
        unz_file_info64 info;
        unsigned idx;
        char tail;
        wx_fixes *fx = NULL;
        if (unzGetCurrentFileInfo64(uf, &info, name, sizeof name, NULL, 0,
                                    NULL, 0) != UNZ_OK) {
            ok = false;
            break;
        }
        if (sscanf(name, "xl/worksheets/sheet%u.xm%c", &idx, &tail) == 2 &&
            tail == 'l' && idx >= 1 && idx <= sheet_count)
            fx = fixes[idx - 1];
        if (fx && wx_fixes_count(fx))
            ok = patch_sheet(uf, zf, name, &info, fx, buf, BUF, missed,
                             &nomem);
        else if (any_hidden && !strcmp(name, "xl/workbook.xml"))
            ok = patch_workbook(uf, zf, name, &info, very_hidden, sheet_count,
                                buf, BUF, missed);
        else
            ok = copy_raw(uf, zf, name, &info, buf, BUF);
    }
    if (r != UNZ_END_OF_LIST_OF_FILE)
        ok = false;
    if (zipClose(zf, NULL) != ZIP_OK)
        ok = false;
    unzClose(uf);
    rg_free(buf);
    if (!ok && nomem)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory while finishing "
                       "the workbook");
    if (!ok)
        return rg_fail(err, RAG_ERR_IO, "cannot finish the workbook (a "
                       "write failed: is the disk full?)");
    return RAG_OK;
}
