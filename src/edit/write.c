/*
 * rag_edit_write(): the output, entry by entry.  [Content_Types].xml goes
 * first (sniffers look for it there); then every entry of the input in
 * its order, raw when nothing touches it, patched when something does,
 * left out when dropped; then the parts grafted in, in the order they were
 * grafted.  So editing an edited workbook the same way gives the same
 * bytes: its grafted parts, removed, come back under the same names in
 * the same places.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "edit/edit_impl.h"
#include "edit/kept.h"
#include "util/outfile.h"

static bool ct_changed(const rag_edit *e)
{
    size_t i;
    for (i = 0; i < e->ct_count; i++)
        if (e->ct[i].drop || e->ct[i].added)
            return true;
    return false;
}

static bool rels_changed(const ed_rels *r)
{
    size_t i;
    if (r->count != r->input_count)
        return true;
    for (i = 0; i < r->count; i++)
        if (r->r[i].drop)
            return true;
    return false;
}

static bool sheet_changed(const ed_sheet *s)
{
    return s->cell_count || s->clear_count || s->width_count ||
           s->validation_count || s->link_count;
}

static bool book_changed(const rag_edit *e)
{
    size_t i;
    for (i = 0; i < e->sheet_count; i++)
        if (e->sheets[i].removed)
            return true;
    return e->graft_count || e->name_count || e->remove_count;
}

/* calcChain lists formula cells by sheet: a stale entry makes Excel repair
 * the file, and without it Excel builds it again.  It goes when values
 * change and when sheets come or go (a grafted sheet's formulas are not
 * in it; a removed sheet's would be stale), so an edit repeated on its
 * own output finds no calcChain either way and gives the same bytes. */
void ed_drop_calc_chain(rag_edit *e)
{
    size_t i;
    bool removed = false;
    for (i = 0; i < e->sheet_count; i++)
        removed = removed || e->sheets[i].removed;
    if (!e->calc_part || (!e->values_changed && !removed && !e->graft_count))
        return;
    ed_drop_part(e, e->calc_part);
    for (i = 0; i < e->wbrels.count; i++) {
        ed_rel *r = &e->wbrels.r[i];
        size_t n = strlen(r->type);
        if (n >= 10 && !strcmp(r->type + n - 10, "/calcChain"))
            r->drop = true;
    }
}

static ed_sheet *sheet_of(rag_edit *e, const char *part)
{
    size_t i;
    for (i = 0; i < e->sheet_count; i++)
        if (e->sheets[i].part && !e->sheets[i].removed &&
            rg_streq_nocase(e->sheets[i].part, part) &&
            sheet_changed(&e->sheets[i]))
            return &e->sheets[i];
    return NULL;
}

static rag_status write_edit(rag_edit *e, const char *path,
                             rg_outfile **kept, rag_error *err);

rag_status rag_edit_write(rag_edit *e, const char *path, rag_error *err)
{
    return write_edit(e, path, NULL, err);
}

rag_status rg_edit_write_kept(rag_edit *e, const char *near,
                              rg_outfile **kept, rag_error *err)
{
    *kept = NULL;
    return write_edit(e, near, kept, err);
}

static rag_status write_edit(rag_edit *e, const char *path,
                             rg_outfile **kept, rag_error *err)
{
    ez_out *o = NULL;
    rag_status st;
    size_t i, n;
    long ct_idx, wb_idx, wbrels_idx, styles_idx;
    bool ctc, wbc, relc, stc;
    struct stat sb;

    /* A place noted by an earlier read (a part of the input) is not where
     * the output fails: "out.xlsx: xl/drawings/...: File name too long". */
    if (err && err->status == RAG_OK)
        rag_error_clear(err);
    if (!e || !path)
        return rg_fail(err, RAG_ERR_USAGE, "no output file");
    if (rg_same_file(path, e->path))
        return rg_fail(err, RAG_ERR_USAGE, "the output is the input");
    for (i = 0; i < e->side_count; i++)
        if (rg_same_file(path, ed_side_path(e->sides[i])))
            return rg_fail(err, RAG_ERR_USAGE, "the output is a grafted "
                           "workbook");
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return rg_fail(err, RAG_ERR_USAGE, "the output is a directory");
    for (i = 0, n = e->graft_count; i < e->sheet_count; i++)
        n += !e->sheets[i].removed;
    if (!n && e->sheet_count)
        return rg_fail(err, RAG_ERR_USAGE, "a workbook keeps one sheet at "
                       "least");
    ed_drop_calc_chain(e);
    n = ez_in_count(e->zin);
    ctc = ct_changed(e);
    relc = rels_changed(&e->wbrels);
    wbc = book_changed(e);
    stc = ed_styles_changed(e->styles);
    ct_idx = ed_entry(e, e->ct_part);
    wb_idx = ed_entry(e, e->wb_part);
    wbrels_idx = e->wbrels.exists ? ed_entry(e, e->wbrels.part) : -1;
    styles_idx = ed_styles_exists(e->styles) ? ed_entry(e, e->styles_part)
                                             : -1;
    st = ez_out_open(path, &o, err);
    if (st != RAG_OK) {
        if (err && !err->file[0])
            rg_strlcpy(err->file, path, sizeof err->file);
        return st;
    }
    for (i = 0; i < n; i++)
        e->fates[i] = e->dropped[i] ? RAG_EDIT_DROPPED : RAG_EDIT_COPIED;
    if (ctc) {
        st = ed_ct_write(e, o, err);
        e->fates[ct_idx] = RAG_EDIT_PATCHED;
    } else {
        st = ez_copy_raw(o, e->zin, (size_t)ct_idx, err);
    }
    for (i = 0; i < n && st == RAG_OK; i++) {
        const char *name = ez_in_name(e->zin, i);
        unsigned long date = ez_in_dosdate(e->zin, i);
        ed_sheet *s;
        if ((long)i == ct_idx || e->dropped[i])
            continue;
        if ((long)i == wb_idx && wbc) {
            st = ed_book_write(e, o, err);
        } else if ((long)i == wbrels_idx && relc) {
            st = ed_rels_write(e, e->rz, &e->wbrels, o, date, err);
        } else if ((long)i == styles_idx && stc) {
            st = ed_styles_write(e, o, date, err);
        } else if ((s = sheet_of(e, name)) != NULL) {
            st = ed_sheet_write(e, s, o, date, err);
        } else {
            st = ez_copy_raw(o, e->zin, i, err);
            continue;
        }
        e->fates[i] = RAG_EDIT_PATCHED;
    }
    if (st == RAG_OK && relc && wbrels_idx < 0)
        st = ed_rels_write(e, e->rz, &e->wbrels, o, EZ_FIXED_DOSDATE, err);
    for (i = 0; i < e->new_count && st == RAG_OK; i++) {
        const ed_new *nw = &e->news[i];
        switch (nw->kind) {
        case ED_NEW_RAW:
            st = ed_side_copy_raw(nw->side, nw->entry, nw->name, o, err);
            break;
        case ED_NEW_SHEET:
            st = ed_graft_write_sheet(e, nw, o, err);
            break;
        case ED_NEW_RELS:
            st = ed_rels_write(e, e->rz, nw->rels, o, EZ_FIXED_DOSDATE, err);
            break;
        case ED_NEW_MEMORY:
            st = ed_styles_write(e, o, EZ_FIXED_DOSDATE, err);
            break;
        }
    }
    /* A failure while writing the entries stands: finishing without a
     * commit only removes the file (it used to overwrite the status with
     * its RAG_OK, so a failed write said success and left no output). */
    if (kept && st == RAG_OK)
        st = ez_out_keep(o, kept, err);
    else if (st == RAG_OK)
        st = ez_out_finish(o, !kept, err);
    else
        ez_out_finish(o, false, NULL);
    if (st != RAG_OK && err && !err->file[0])
        rg_strlcpy(err->file, path, sizeof err->file);
    return st;
}
