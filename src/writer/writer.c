/*
 * The rag_writer: one output workbook, written to a temporary file beside
 * the target and renamed into place only when libxlsxwriter has finished
 * it and it reads back whole (output.c).  The lxw_workbook itself is made on first use, so that a copy can
 * measure its input before the memory mode is fixed.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "read/xml.h"
#include "util/outfile.h"
#include "writer/kept.h"
#include "writer/writer.h"

/* 2000-01-01T00:00:00Z: the default document time, for repeatable bytes */
#define WX_DEFAULT_TIME 946684800

static const char *const loss_messages[RAG_LOSS_COUNT] = {
    [RAG_LOSS_DRAWINGS] = "charts, images and shapes are not copied",
    [RAG_LOSS_COMMENTS] = "comments and notes are not copied",
    [RAG_LOSS_CONDITIONAL] = "conditional formatting is not copied",
    [RAG_LOSS_PIVOTS] = "pivot tables are not copied (their cells are)",
    [RAG_LOSS_TABLES] = "some tables are not copied as tables (their cells "
                        "are)",
    [RAG_LOSS_PROTECTION] = "sheet and workbook protection is not copied",
    [RAG_LOSS_SPARKLINES] = "sparklines are not copied",
    [RAG_LOSS_OLE] = "embedded objects and form controls are not copied",
    [RAG_LOSS_PRINT] = "page breaks and first-page or even-page headers are "
                       "not copied",
    [RAG_LOSS_EXT_VALIDATIONS] = "drop-down lists stored as extensions "
                                 "are not copied",
    [RAG_LOSS_MACROS] = "macros are not copied",
    [RAG_LOSS_CHARTSHEETS] = "chart sheets and macro sheets are not copied",
    [RAG_LOSS_VERY_HIDDEN] = "very hidden sheets are written as hidden",
    [RAG_LOSS_DATE1904] = "dates are moved from the 1904 to the 1900 date "
                          "system (the dates shown are the same)",
    [RAG_LOSS_SHEET_NAMES] = "sheet names that Excel does not accept were "
                             "changed",
    [RAG_LOSS_NAMES] = "some defined names could not be copied",
    [RAG_LOSS_LINKS] = "some hyperlinks could not be copied",
    [RAG_LOSS_VALIDATIONS] = "some data validations could not be copied",
    [RAG_LOSS_MERGES] = "overlapping merged ranges were not copied",
    [RAG_LOSS_NUMFMTS] = "number formats longer than 127 bytes are written "
                         "as General",
    [RAG_LOSS_LONG_TEXT] = "text longer than 32767 characters was cut short",
    [RAG_LOSS_REF_FORMULAS] = "formulas that refer to other workbooks (or "
                              "to tables not copied) are copied as their "
                              "values",
    [RAG_LOSS_ARRAY_TEXT] = "array formulas lost their text results",
    [RAG_LOSS_ORDER] = "cells stored out of row order were not copied",
    [RAG_LOSS_EXTERNAL] = "links to other workbooks are not copied",
    [RAG_LOSS_RICH_RUNS] = "rich text of more than 250 differently "
                           "formatted pieces keeps the last piece's "
                           "format to its end",
    [RAG_LOSS_FIXUPS] = "some values are written less exactly than they "
                        "were read (the fix-up pass did not apply: an "
                        "untested libxlsxwriter version?)",
};

/* The fix-up pass (fixup.c) patches libxlsxwriter's output as 1.1.4
 * writes it; docs/internals/writer.md says what it relies on.  Another
 * version builds, and a patch that no longer applies is counted as a loss
 * (RAG_LOSS_FIXUPS), but run tests/test_write_fixup.c before trusting it. */
#if !defined(LXW_VERSION_ID) || LXW_VERSION_ID != 114
#warning "the fix-up pass was checked against libxlsxwriter 1.1.4 only: run the write_fixup tests"
#endif

const char *rag_loss_message(rag_loss kind)
{
    if ((unsigned)kind >= RAG_LOSS_COUNT)
        return "something was not copied";
    return loss_messages[kind];
}

void wx_loss(rag_writer *w, rag_loss kind)
{
    rag_writer_add_loss(w, kind, 1);
}

void rag_writer_add_loss(rag_writer *w, rag_loss kind, size_t n)
{
    if (w && (unsigned)kind < RAG_LOSS_COUNT)
        w->losses[kind] += n;
}

size_t rag_writer_losses(const rag_writer *w, rag_loss kind)
{
    if (!w || (unsigned)kind >= RAG_LOSS_COUNT)
        return 0;
    return w->losses[kind];
}

rag_status wx_lxw_fail(rag_writer *w, rag_error *err, lxw_error e,
                       const char *what)
{
    if (w)
        w->failed = true;
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    if (err && err->status == RAG_OK)
        err->lib_code = (int)e;
    return rg_fail(err, RAG_ERR_WRITE, "%s: %s", what, lxw_strerror(e));
}

rag_status rag_writer_open(const char *path, const rag_write_options *opts,
                           rag_writer **out, rag_error *err)
{
    rag_write_options defaults;
    struct stat st;
    rag_writer *w;
    rag_status rs;
    size_t i;

    if (!out)
        return rg_fail(err, RAG_ERR_USAGE, "no place for the writer");
    *out = NULL;
    /* As at close: a place noted by an earlier read is not the output's. */
    if (err && err->status == RAG_OK)
        rag_error_clear(err);
    if (!path || !*path)
        return rg_fail(err, RAG_ERR_USAGE, "no output file name");
    if (!opts) {
        memset(&defaults, 0, sizeof defaults);
        opts = &defaults;
    }
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return rg_fail(err, RAG_ERR_USAGE, "is a directory");
        for (i = 0; i < opts->input_count; i++)
            if (rg_same_file(path, opts->inputs[i]))
                return rg_fail(err, RAG_ERR_USAGE,
                               "is also an input: refusing to write over it");
    }
    w = rg_calloc(1, sizeof *w);
    if (!w)
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    rg_arena_init(&w->arena, 0);
    /* libxlsxwriter's "[ERROR]"/"[WARNING]" lines, from whichever call,
     * never reach stderr while the writer lives (output.h). */
    rg_mute_begin();
    w->muted = true;
    w->mode = opts->mode;
    w->props.created = opts->created ? (time_t)opts->created
                                     : (time_t)WX_DEFAULT_TIME;
    w->path = rg_arena_strdup(&w->arena, path);
    if ((opts->title &&
         !(w->props.title = rg_arena_strdup(&w->arena, opts->title))) ||
        (opts->author &&
         !(w->props.author = rg_arena_strdup(&w->arena, opts->author))) ||
        (opts->tmpdir &&
         !(w->tmpdir = rg_arena_strdup(&w->arena, opts->tmpdir))) ||
        !w->path) {
        rag_writer_abort(w);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    rs = rg_output_open(w->path, &w->out, err);
    if (rs != RAG_OK) {
        rag_writer_abort(w);
        return rs;
    }
    /* libxlsxwriter's temporary files (and the fix-ups' spool) beside the
     * target too: a full /tmp must not be able to empty the output. */
    if (!w->tmpdir && !(w->tmpdir = rg_arena_strdup(
                            &w->arena, rg_output_tmpdir(w->out)))) {
        rag_writer_abort(w);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    *out = w;
    return RAG_OK;
}

/* libxlsxwriter writes each part of a workbook to a temporary file in
 * tmpdir before zipping it: lxw_tmpfile() makes a file named
 * "tmp.XXXXXXXXXX" and removes it a moment later (its tmpfileplus), so a
 * run killed in that moment leaves a tmp.* beside the target (the kill
 * test saw it under ASan, 11 such files per convert).  This definition
 * takes the library's place: libxlsxwriter calls lxw_tmpfile() through its
 * procedure linkage table, and the dynamic linker binds that call to the
 * first definition in lookup order, the executable's (or libragbook.so's,
 * which precedes libxlsxwriter.so).  Each scratch file is then unnamed
 * (util/outfile.c), and a kill leaves none.  wx_scratch_files counts them,
 * so a test knows the library's calls reach this one. */
static long wx_scratch_files;

__attribute__((visibility("default"))) FILE *lxw_tmpfile(char *tmpdir)
{
    wx_scratch_files++;
    return rg_scratch_open(tmpdir);
}

long wx_scratch_count(void)
{
    return wx_scratch_files;
}

rag_status wx_workbook(rag_writer *w, rag_error *err)
{
    lxw_workbook_options o;
    rg_quiet q;

    if (w->wb)
        return RAG_OK;
    if (w->failed)
        return rg_fail(err, RAG_ERR_USAGE, "the writer has failed before");
    if (w->mode == RAG_WRITE_AUTO)
        w->mode = w->expect_cells > RAG_WRITE_STREAMING_CELLS
                      ? RAG_WRITE_STREAMING
                      : RAG_WRITE_NORMAL;
    memset(&o, 0, sizeof o);
    o.constant_memory = w->mode == RAG_WRITE_STREAMING;
    o.tmpdir = w->tmpdir;
    /* A sheet part may pass 4 GiB only with tens of millions of cells;
     * zip64 headers are left out otherwise, for older readers. */
    o.use_zip64 = w->expect_cells > 20000000u;
    rg_quiet_begin(&q);
    w->wb = workbook_new_opt(rg_output_file(w->out), &o);
    rg_quiet_free(&q);
    if (!w->wb) {
        w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    workbook_set_properties(w->wb, &w->props);
    return RAG_OK;
}

rag_write_mode rag_writer_mode(const rag_writer *w)
{
    return w ? w->mode : RAG_WRITE_AUTO;
}

void rag_writer_expect_cells(rag_writer *w, uint64_t cells)
{
    if (w)
        w->expect_cells = cells;
}

struct lxw_workbook *rag_writer_lxw(rag_writer *w)
{
    if (!w || wx_workbook(w, NULL) != RAG_OK)
        return NULL;
    return w->wb;
}

struct lxw_worksheet *rag_wsheet_lxw(rag_wsheet *ws)
{
    return ws ? ws->ws : NULL;
}

static void writer_free(rag_writer *w)
{
    size_t i;

    for (i = 0; i < w->sheet_count; i++) {
        rg_free(w->sheets[i]->merges);
        wx_fixes_free(w->sheets[i]->fixes);
        rg_free(w->sheets[i]);
    }
    rg_free(w->sheets);
    rg_free(w->name_table);
    wx_styles_free(w);
    rg_free(w->in_map);
    rg_buf_free(&w->scratch);
    rg_buf_free(&w->text);
    rg_arena_free(&w->arena);
    if (w->muted)
        rg_mute_end();
    rg_free(w);
}

void rag_writer_abort(rag_writer *w)
{
    if (!w)
        return;
    if (w->wb)
        lxw_workbook_free(w->wb);
    rg_output_abort(w->out);
    writer_free(w);
}

/* Make sure one sheet is visible and active: the chosen one, else the
 * first visible one, else the first. */
static void settle_active(rag_writer *w)
{
    rag_wsheet *pick = w->active;
    size_t i;

    if (!w->sheet_count)
        return;
    if (!pick || pick->hidden) {
        pick = NULL;
        for (i = 0; i < w->sheet_count && !pick; i++)
            if (!w->sheets[i]->hidden)
                pick = w->sheets[i];
    }
    if (!pick)
        pick = w->sheets[0];
    pick->hidden = false;
    worksheet_activate(pick->ws);
}

/* Apply the fix-ups, if any, into a second temporary file. */
static rag_status finish(rag_writer *w, rag_error *err)
{
    wx_fixes **fixes;
    bool *very_hidden, any = false;
    size_t missed = 0;
    rg_output *to = NULL;
    size_t i;
    rag_status st;

    for (i = 0; i < w->sheet_count; i++)
        any |= w->sheets[i]->very_hidden ||
               wx_fixes_count(w->sheets[i]->fixes) > 0;
    if (!any)
        return RAG_OK;
    fixes = rg_calloc(w->sheet_count, sizeof *fixes);
    very_hidden = rg_calloc(w->sheet_count, sizeof *very_hidden);
    if (!fixes || !very_hidden) {
        rg_free(fixes);
        rg_free(very_hidden);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < w->sheet_count; i++) {
        fixes[i] = w->sheets[i]->fixes;
        very_hidden[i] = w->sheets[i]->very_hidden;
    }
    st = rg_output_open(w->path, &to, err);
    if (st == RAG_OK)
        st = wx_fixup(rg_output_file(w->out), rg_output_file(to), fixes,
                      very_hidden, w->sheet_count, &missed, err);
    if (st == RAG_OK)
        w->losses[RAG_LOSS_FIXUPS] += missed;
    rg_free(fixes);
    rg_free(very_hidden);
    if (!to)
        return st;
    rg_output_abort(w->out);
    w->out = to; /* removed by the caller on failure */
    return st;
}

rag_status rag_writer_close(rag_writer *w, rag_error *err)
{
    return rag_writer_close_counting(w, NULL, 0, err);
}

static rag_status close_writer(rag_writer *w, size_t *lost, size_t count,
                               rg_output **kept, rag_error *err);

rag_status rag_writer_close_counting(rag_writer *w, size_t *lost,
                                     size_t count, rag_error *err)
{
    return close_writer(w, lost, count, NULL, err);
}

rag_status rg_writer_close_kept(rag_writer *w, rg_output **kept,
                                rag_error *err)
{
    *kept = NULL;
    return close_writer(w, NULL, 0, kept, err);
}

static rag_status close_writer(rag_writer *w, size_t *lost, size_t count,
                               rg_output **kept, rag_error *err)
{
    lxw_error e;
    rag_status st;
    size_t i;
    rg_quiet q;

    if (!w)
        return rg_fail(err, RAG_ERR_USAGE, "no writer");
    /* A place noted by an earlier read (a part, a sheet) is not where the
     * output fails. */
    if (err && err->status == RAG_OK)
        rag_error_clear(err);
    if (w->failed) {
        rag_writer_abort(w);
        return rg_fail(err, RAG_ERR_WRITE, "the workbook could not be "
                       "written");
    }
    st = wx_workbook(w, err);
    if (st != RAG_OK) {
        rag_writer_abort(w);
        return st;
    }
    settle_active(w);
    rg_quiet_begin(&q);
    e = workbook_close(w->wb); /* frees the workbook, success or not */
    rg_quiet_end(&q);
    if (e == LXW_NO_ERROR && rg_io_fails(RG_IO_ZIP))
        e = LXW_ERROR_ZIP_FILE_OPERATION; /* an injected fault (outfile.h) */
    w->wb = NULL;
    if (e != LXW_NO_ERROR) {
        char why[128];
        /* The system's words ("No space left on device") say more than
         * libxlsxwriter's ("Zip generic error ZIP_ERRNO ..."). */
        if (e != LXW_ERROR_MEMORY_MALLOC_FAILED &&
            rg_quiet_reason(&q, why, sizeof why))
            st = rg_fail(err, RAG_ERR_WRITE, "cannot write the workbook: %s",
                         why);
        else
            st = wx_lxw_fail(w, err, e, "cannot write the workbook");
        rg_quiet_free(&q);
        rag_writer_abort(w);
        return st;
    }
    rg_quiet_free(&q);
    st = finish(w, err);
    if (st != RAG_OK) {
        rag_writer_abort(w);
        return st;
    }
    /* Read back whole, then put in place (or removed); or, kept, read back
     * and handed over unnamed. */
    if (kept) {
        st = rg_output_verify(rg_output_file(w->out), err);
        if (st == RAG_OK)
            *kept = w->out;
        else
            rg_output_abort(w->out);
    } else {
        st = rg_output_commit(w->out, err);
    }
    w->out = NULL;
    for (i = 0; st == RAG_OK && lost && i < count && i < RAG_LOSS_COUNT; i++)
        lost[i] = w->losses[i];
    writer_free(w);
    return st;
}

/* ---- sheet names ----------------------------------------------------- */

/* Length of the UTF-8 sequence at s, or 0 when it is not valid UTF-8. */
static size_t utf8_len(const unsigned char *s)
{
    size_t n, i;
    uint32_t cp;

    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2;
        cp = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3;
        cp = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4;
        cp = s[0] & 0x07;
    } else {
        return 0;
    }
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

static bool bad_name_char(unsigned char c)
{
    return c < 0x20 || c == 0x7F || strchr("[]:*?/\\", c) != NULL;
}

bool rag_sheet_name_valid(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    size_t chars = 0, n;

    if (!name || !*name || name[0] == '\'')
        return false;
    while (*p) {
        n = utf8_len(p);
        if (!n || (n == 1 && bad_name_char(*p)))
            return false;
        p += n;
        chars++;
    }
    return chars <= RAG_SHEET_NAME_MAX && p[-1] != '\'';
}

/* Sheet names are looked up by a hash of their ASCII-lowercased bytes
 * (Excel compares them without case): a scan of every sheet for every
 * candidate made thousands of duplicate names cubic. */
static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)tolower((unsigned char)*s)) *
            1099511628211u;
    return h;
}

static bool name_taken(const rag_writer *w, const char *name)
{
    size_t mask, i;
    if (!w || !w->name_cap)
        return false;
    mask = w->name_cap - 1;
    for (i = (size_t)name_hash(name) & mask; w->name_table[i];
         i = (i + 1) & mask)
        if (rg_streq_nocase(w->sheets[w->name_table[i] - 1]->name, name))
            return true;
    return false;
}

/* Add sheet w->sheets[index] to the table, grown to stay half empty. */
static bool name_add(rag_writer *w, size_t index)
{
    size_t mask, i, k;

    if ((index + 1) * 2 > w->name_cap) {
        size_t cap = w->name_cap ? w->name_cap * 2 : 64;
        uint32_t *t = rg_calloc(cap, sizeof *t);
        if (!t)
            return false;
        rg_free(w->name_table);
        w->name_table = t;
        w->name_cap = cap;
        for (k = 0; k < index; k++) {
            for (i = (size_t)name_hash(w->sheets[k]->name) & (cap - 1);
                 t[i]; i = (i + 1) & (cap - 1))
                ;
            t[i] = (uint32_t)(k + 1);
        }
    }
    mask = w->name_cap - 1;
    for (i = (size_t)name_hash(w->sheets[index]->name) & mask;
         w->name_table[i]; i = (i + 1) & mask)
        ;
    w->name_table[i] = (uint32_t)(index + 1);
    return true;
}

/* Cut s (valid UTF-8) to at most max characters. */
static void cut_chars(char *s, size_t max)
{
    unsigned char *p = (unsigned char *)s;
    size_t chars = 0;

    while (*p && chars < max) {
        p += utf8_len(p);
        chars++;
    }
    *p = '\0';
}

bool rag_writer_sheet_name(const rag_writer *w, const char *name, char *buf,
                           size_t size)
{
    char base[RAG_SHEET_NAME_MAX * 4 + 1];
    const unsigned char *p = (const unsigned char *)(name ? name : "");
    size_t len = 0, n;
    unsigned k;

    if (!buf || size < 128)
        return false;
    /* Clean: each bad byte or character becomes '_'. */
    while (*p && len + 4 < sizeof base) {
        n = utf8_len(p);
        if (!n || (n == 1 && bad_name_char(*p))) {
            base[len++] = '_';
            p += n ? n : 1;
        } else {
            memcpy(base + len, p, n);
            len += n;
            p += n;
        }
    }
    base[len] = '\0';
    cut_chars(base, RAG_SHEET_NAME_MAX);
    /* No apostrophe at either end. */
    while (base[0] == '\'')
        memmove(base, base + 1, strlen(base));
    len = strlen(base);
    while (len && base[len - 1] == '\'')
        base[--len] = '\0';
    if (!base[0])
        rg_strlcpy(base, "Sheet", sizeof base);
    rg_strlcpy(buf, base, size);
    /* Duplicates of one name come in a row (a crafted file may hold
     * 65,535): numbering goes on from the last number given to the same
     * base instead of from 2.  The memo is a cache, not the writer's
     * state, hence the cast. */
    k = 2;
    if (w && name_taken(w, buf) && strcmp(w->dup_base, base) == 0)
        k = w->dup_next;
    for (; name_taken(w, buf) && k < 100000; k++) {
        char suffix[16];
        size_t slen = (size_t)snprintf(suffix, sizeof suffix, " (%u)", k);
        char stem[sizeof base];
        rg_strlcpy(stem, base, sizeof stem);
        cut_chars(stem, RAG_SHEET_NAME_MAX - slen);
        len = strlen(stem);
        while (len && stem[len - 1] == '\'')
            stem[--len] = '\0';
        snprintf(buf, size, "%s%s", stem, suffix);
    }
    if (w && k > 2) {
        rag_writer *memo = (rag_writer *)w;
        rg_strlcpy(memo->dup_base, base, sizeof memo->dup_base);
        memo->dup_next = k;
    }
    return !name || strcmp(buf, name) != 0;
}

/* ---- sheets ---------------------------------------------------------- */

rag_status rag_writer_add_sheet(rag_writer *w, const char *name,
                                rag_wsheet **out, rag_error *err)
{
    rag_wsheet *ws;
    rg_quiet q;
    rag_status st;

    if (out)
        *out = NULL;
    if (!w)
        return rg_fail(err, RAG_ERR_USAGE, "no writer");
    if (!rag_sheet_name_valid(name))
        return rg_fail(err, RAG_ERR_USAGE, "'%s' is not a valid sheet name",
                       name ? name : "");
    if (name_taken(w, name))
        return rg_fail(err, RAG_ERR_USAGE, "there is already a sheet "
                       "called '%s'", name);
    st = wx_workbook(w, err);
    if (st != RAG_OK)
        return st;
    if (!rg_grow((void **)&w->sheets, &w->sheet_cap, w->sheet_count + 1,
                 sizeof *w->sheets))
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    ws = rg_calloc(1, sizeof *ws);
    if (!ws || !(ws->name = rg_arena_strdup(&w->arena, name))) {
        rg_free(ws);
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    ws->w = w;
    ws->row = -1;
    ws->index = w->sheet_count;
    rg_quiet_begin(&q);
    ws->ws = workbook_add_worksheet(w->wb, name);
    rg_quiet_free(&q);
    if (!ws->ws) {
        rg_free(ws);
        w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "cannot add sheet '%s'", name);
    }
    w->sheets[w->sheet_count] = ws;
    if (!name_add(w, w->sheet_count)) {
        /* not counted, so close would never free it */
        w->sheets[w->sheet_count] = NULL;
        rg_free(ws);
        w->failed = true;
        return rg_fail(err, RAG_ERR_NOMEM, "out of memory");
    }
    w->sheet_count++;
    if (out)
        *out = ws;
    return RAG_OK;
}

const char *rag_wsheet_name(const rag_wsheet *ws)
{
    return ws ? ws->name : NULL;
}

void rag_wsheet_activate(rag_wsheet *ws)
{
    if (ws)
        ws->w->active = ws;
}

void rag_wsheet_hide(rag_wsheet *ws)
{
    if (!ws)
        return;
    ws->hidden = true;
    worksheet_hide(ws->ws);
}

size_t rag_library_versions(char *buf, size_t size)
{
    int n = snprintf(buf, buf ? size : 0, "libxlsxwriter %s, %s, zlib %s",
                     lxw_version(), rg_xml_library_version(), zlibVersion());
    return n < 0 ? 0 : (size_t)n;
}
