/*
 * Placeholders for the package editor's calls not written yet: each
 * refuses with RAG_ERR_USAGE, so callers can be written against edit.h
 * now.  Removed as the editor lands.
 */
#include "util/util.h"
#include "ragbook/edit.h"

#define TODO(err) rg_fail(err, RAG_ERR_USAGE, "the package editor cannot do this yet")

rag_status rag_edit_open(const char *path, const rag_edit_options *opts,
                         rag_edit **out, rag_error *err)
{
    (void)path;
    (void)opts;
    if (out)
        *out = NULL;
    return TODO(err);
}

void rag_edit_free(rag_edit *e) { (void)e; }

rag_status rag_edit_write(rag_edit *e, const char *path, rag_error *err)
{
    (void)e; (void)path;
    return TODO(err);
}

size_t rag_edit_sheet_count(const rag_edit *e) { (void)e; return 0; }
const char *rag_edit_sheet_name(const rag_edit *e, size_t pos)
{ (void)e; (void)pos; return NULL; }
const char *rag_edit_sheet_part(const rag_edit *e, size_t pos)
{ (void)e; (void)pos; return NULL; }
bool rag_edit_sheet_is_worksheet(const rag_edit *e, size_t pos)
{ (void)e; (void)pos; return false; }
long rag_edit_sheet_find(const rag_edit *e, const char *name)
{ (void)e; (void)name; return -1; }
rag_status rag_edit_remove_sheet(rag_edit *e, size_t pos, rag_error *err)
{ (void)e; (void)pos; return TODO(err); }
rag_status rag_edit_graft_sheets(rag_edit *e, const char *side_path,
                                 const rag_edit_graft *sheets, size_t count,
                                 rag_error *err)
{ (void)e; (void)side_path; (void)sheets; (void)count; return TODO(err); }
uint32_t rag_edit_style_count(const rag_edit *e) { (void)e; return 0; }
rag_status rag_edit_style_add(rag_edit *e, const rag_style *st, uint32_t *out,
                              rag_error *err)
{ (void)e; (void)st; (void)out; return TODO(err); }
rag_status rag_edit_restyle_add(rag_edit *e, const rag_edit_restyle *r,
                                uint32_t *out, rag_error *err)
{ (void)e; (void)r; (void)out; return TODO(err); }
rag_status rag_edit_set_cell(rag_edit *e, size_t sheet,
                             const rag_edit_cell *c, rag_error *err)
{ (void)e; (void)sheet; (void)c; return TODO(err); }
rag_status rag_edit_clear_range(rag_edit *e, size_t sheet,
                                const rag_range *range, rag_error *err)
{ (void)e; (void)sheet; (void)range; return TODO(err); }
rag_status rag_edit_set_width(rag_edit *e, size_t sheet, uint32_t first,
                              uint32_t last, double width, rag_error *err)
{ (void)e; (void)sheet; (void)first; (void)last; (void)width; return TODO(err); }
rag_status rag_edit_add_validation(rag_edit *e, size_t sheet,
                                   const rag_validation *v, rag_error *err)
{ (void)e; (void)sheet; (void)v; return TODO(err); }
rag_status rag_edit_add_link(rag_edit *e, size_t sheet,
                             const rag_hyperlink *l, rag_error *err)
{ (void)e; (void)sheet; (void)l; return TODO(err); }
rag_status rag_edit_define_name(rag_edit *e, const char *sheet,
                                const char *name, const char *formula,
                                bool hidden, rag_error *err)
{ (void)e; (void)sheet; (void)name; (void)formula; (void)hidden; return TODO(err); }
size_t rag_edit_remove_names(rag_edit *e, const char *prefix)
{ (void)e; (void)prefix; return 0; }
long rag_edit_output_position(const rag_edit *e, const char *name)
{ (void)e; (void)name; return -1; }
size_t rag_edit_part_count(const rag_edit *e) { (void)e; return 0; }
const char *rag_edit_part_name(const rag_edit *e, size_t i)
{ (void)e; (void)i; return NULL; }
rag_edit_fate rag_edit_part_fate(const rag_edit *e, size_t i)
{ (void)e; (void)i; return RAG_EDIT_COPIED; }
