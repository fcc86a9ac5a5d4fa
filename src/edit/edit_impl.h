/*
 * The package editor's insides (see include/ragbook/edit.h and
 * docs/edit.md).  Internal to src/edit/.
 */
#ifndef RG_EDIT_IMPL_H
#define RG_EDIT_IMPL_H

#include "ragbook/edit.h"
#include "read/zip.h"
#include "util/util.h"
#include "edit/xpass.h"
#include "edit/zio.h"

/* A relationship of a rels part. */
typedef struct ed_rel {
    char *id, *type, *target;
    bool external;
    bool drop;
} ed_rel;

/* One rels part: what it holds, and what is added to it. */
typedef struct ed_rels {
    char *part;        /* zip entry name */
    bool exists;       /* in the input */
    ed_rel *r;
    size_t count, cap; /* input relationships first, then additions */
    size_t input_count;
} ed_rels;

/* [Content_Types].xml */
typedef struct ed_ct_entry {
    char *key;         /* extension (Default) or part name with '/' */
    char *type;
    bool override, drop, added;
} ed_ct_entry;

/* What a change holds that does not fit in its record: a formula, or a
 * text of over 8 bytes; in the editor's arena. */
typedef struct ed_value {
    const char *formula;    /* FORMULA */
    const char *text;       /* TEXT; a FORMULA's cached text (NULL: number) */
    size_t text_len;
    double number;          /* a FORMULA's cached number */
} ed_value;

/* ed_cell.here when the text is not in the record */
#define ED_AWAY 0xFF

/* A change to one cell, kept until its sheet is written.  Convert makes
 * one for each coloured month cell (over 200,000 on a 20,000-row tracker,
 * while the sheet's grid is loaded), so the record is 24 bytes, not 56:
 * a text of up to 8 bytes (the month codes: "OT", "M1M") is held in it,
 * and only a formula or a longer text goes to the arena. */
typedef struct ed_cell {
    uint32_t row, seq;
    int32_t style;          /* cellXfs index, or -1: the cell's own */
    uint16_t col;           /* below RAG_MAX_COLS, 16,384 */
    uint8_t value;          /* rag_edit_value */
    uint8_t here;           /* TEXT: bytes in u.here (0..8), or ED_AWAY */
    union {
        double number;      /* NUMBER, BOOL */
        char here[8];       /* TEXT of up to 8 bytes, not NUL-terminated */
        const ed_value *away; /* FORMULA, and TEXT of over 8 bytes */
    } u;
} ed_cell;

/* The text of c, *len bytes, or NULL (a FORMULA's cached number). */
static inline const char *ed_cell_text(const ed_cell *c, size_t *len)
{
    if (c->value == RAG_EDIT_TEXT && c->here != ED_AWAY) {
        *len = c->here;
        return c->u.here;
    }
    *len = c->u.away->text_len;
    return c->u.away->text;
}

typedef struct ed_width {
    uint32_t first, last;
    double width;
} ed_width;

typedef struct ed_sheet {
    char *name;
    char *rid;
    uint32_t sheet_id;
    char *part;            /* resolved zip entry, or NULL */
    bool worksheet;
    bool removed;
    ed_cell *cells;
    size_t cell_count, cell_cap;
    uint32_t next_seq;     /* the next change's seq: changes in order */
    rag_range *clears;
    size_t clear_count, clear_cap;
    ed_width *widths;
    size_t width_count, width_cap;
    rg_buf validations;    /* <dataValidation> elements, unprefixed */
    size_t validation_count;
    rg_buf links;          /* <hyperlink> elements */
    size_t link_count;
    ed_rels *rels;         /* its rels part, when links need it */
} ed_sheet;

/* A defined name added. */
typedef struct ed_name {
    char *name, *formula, *scope; /* scope: sheet name or NULL */
    bool hidden;
} ed_name;

/* A part the output gains. */
typedef enum ed_new_kind {
    ED_NEW_RAW = 0,     /* entry `entry` of side `side`, raw */
    ED_NEW_SHEET,       /* a grafted worksheet, rewritten */
    ED_NEW_RELS,        /* a rels part made from rels */
    ED_NEW_MEMORY       /* bytes in data */
} ed_new_kind;

typedef struct ed_side ed_side;

typedef struct ed_new {
    char *name;
    ed_new_kind kind;
    ed_side *side;
    size_t entry;       /* ED_NEW_RAW, ED_NEW_SHEET: side entry index */
    ed_rels *rels;      /* ED_NEW_RELS */
    rg_buf data;        /* ED_NEW_MEMORY */
} ed_new;

/* A grafted sheet. */
typedef struct ed_graft {
    char *name;
    size_t before;
    uint32_t sheet_id;
    char *rid;          /* in the workbook's rels */
    char *part;         /* its new part name */
    size_t order;       /* graft call order, for a stable sort */
} ed_graft;

typedef struct ed_styles ed_styles;

struct rag_edit {
    char *path;
    rag_read_limits limits;
    rg_zip *rz;            /* inflating, with the reader's limits */
    ez_in *zin;            /* raw copies */
    rg_arena arena;
    char *wb_part;
    char *ct_part;         /* the stored name of [Content_Types].xml */
    ed_ct_entry *ct;
    size_t ct_count, ct_cap;
    ed_rels wbrels;
    ed_sheet *sheets;
    size_t sheet_count;
    uint32_t max_sheet_id;
    char *styles_part;
    ed_styles *styles;
    char *calc_part;       /* xl/calcChain.xml or NULL */
    bool values_changed;   /* calcChain goes */
    ed_name *names;
    size_t name_count, name_cap;
    char **remove_prefixes;
    size_t remove_count, remove_cap;
    size_t removed_names;  /* counted at open per prefix */
    ed_graft *grafts;
    size_t graft_count, graft_cap;
    ed_side **sides;
    size_t side_count, side_cap;
    ed_new *news;
    size_t new_count, new_cap;
    bool *dropped;         /* per input entry */
    rag_edit_fate *fates;  /* per input entry, of the last write */
    rg_buf scratch;
    /* names of the input (for rag_edit_remove_names' count) */
    char **input_names;
    size_t input_name_count;
};

/* ---- paths (edit.c) ------------------------------------------------ */

/* The zip entry a relationship target names, from source part `from`
 * (its rels part's owner; "" for the package); arena-allocated. */
char *ed_resolve(rag_edit *e, const char *from, const char *target);
/* The rels part of part ("xl/_rels/workbook.xml.rels"). */
char *ed_rels_name(rag_edit *e, const char *part);
/* A target for `to` relative to the folder of `from`. */
char *ed_relative(rag_edit *e, const char *from, const char *to);
/* true when the package (as it will be written) has a part called name. */
bool ed_part_taken(const rag_edit *e, const char *name);
/* The input entry index of name (ignoring ASCII case), or -1. */
long ed_entry(const rag_edit *e, const char *name);
/* Drop an input entry (and its content-type override). */
void ed_drop_part(rag_edit *e, const char *name);
/* Record a new part; returns it or NULL on no memory. */
ed_new *ed_add_new(rag_edit *e, const char *name, ed_new_kind kind);

/* ---- content types and relationships (pkg.c) ------------------------ */

/* Entry `name` of the output: the bytes data[0..len) passed through the
 * handlers h (a patched copy of a small part held whole). */
rag_status ed_patch_entry(ez_out *o, const char *name, unsigned long dosdate,
                          const ep_handlers *h, void *ctx, const char *data,
                          size_t len, rag_error *err);

rag_status ed_ct_read(rag_edit *e, rag_error *err);
/* The content type of a part (Override, else Default by extension). */
const char *ed_ct_type(const ed_ct_entry *ct, size_t count, const char *part);
/* Add an Override for part (a Default when ext is true and key is an
 * extension); no-op when the package already gives part that type. */
bool ed_ct_add(rag_edit *e, const char *key, const char *type, bool ext);
void ed_ct_drop(rag_edit *e, const char *part);
rag_status ed_ct_write(rag_edit *e, ez_out *o, rag_error *err);
/* Parse a list of content types from bytes (for a side workbook). */
rag_status ed_ct_parse(const char *data, size_t len, rg_arena *arena,
                       ed_ct_entry **out, size_t *count, rag_error *err);

/* Read the rels part `part` (missing: empty, exists false). */
rag_status ed_rels_read(rg_zip *z, const char *part, rg_arena *arena,
                        ed_rels *out, rag_error *err);
/* A relationship id unused in r ("rId7"). */
char *ed_rels_new_id(rag_edit *e, const ed_rels *r);
bool ed_rels_add(rag_edit *e, ed_rels *r, const char *id, const char *type,
                 const char *target, bool external);
/* The relationship with id, or NULL. */
ed_rel *ed_rels_find(ed_rels *r, const char *id);
/* Write r patched (input bytes kept, dropped ones left out, additions
 * before </Relationships>), or made anew when it does not exist. */
rag_status ed_rels_write(rag_edit *e, rg_zip *src, const ed_rels *r,
                         ez_out *o, unsigned long dosdate, rag_error *err);
void ed_rels_free(ed_rels *r);

/* ---- the workbook part (book.c) ------------------------------------- */

rag_status ed_book_read(rag_edit *e, rag_error *err);
rag_status ed_book_write(rag_edit *e, ez_out *o, rag_error *err);
/* Output position of input sheet pos (removed: -1). */
long ed_out_pos(const rag_edit *e, size_t pos);
long ed_graft_pos(const rag_edit *e, size_t g);

/* Drop calcChain when the changes call for it (write.c); grafting calls it
 * first, so the relationship id it frees is the one a grafted sheet
 * takes, whatever the order of the calls. */
void ed_drop_calc_chain(rag_edit *e);

/* ---- worksheets (sheet.c) ------------------------------------------- */

rag_status ed_sheet_write(rag_edit *e, ed_sheet *s, ez_out *o,
                          unsigned long dosdate, rag_error *err);

/* ---- styles (styles.c) ---------------------------------------------- */

rag_status ed_styles_read(rag_edit *e, rag_error *err);
/* Load a styles part (part NULL or missing: a minimal one). */
rag_status ed_styles_load(rg_zip *z, const char *part, rg_arena *arena,
                          ed_styles **out, rag_error *err);
bool ed_styles_exists(const ed_styles *s);
rag_status ed_styles_graft(rag_edit *e, ed_styles *side, uint32_t **map,
                           size_t *count, rag_error *err);
void ed_styles_free(ed_styles *s);
uint32_t ed_styles_xf_count(const ed_styles *s);
bool ed_styles_changed(const ed_styles *s);
rag_status ed_styles_write(rag_edit *e, ez_out *o, unsigned long dosdate,
                           rag_error *err);
/* Intern one element (a font, fill, border, numFmt or xf, given as XML
 * without a prefix) into list kind; *index is its position. */
typedef enum ed_list {
    ED_NUMFMTS = 0, ED_FONTS, ED_FILLS, ED_BORDERS, ED_CELLXFS, ED_DXFS,
    ED_LIST_COUNT
} ed_list;
rag_status ed_styles_intern(rag_edit *e, ed_list kind, const char *xml,
                            size_t len, uint32_t *index, rag_error *err);
/* A custom number format's id for code (reused or added). */
rag_status ed_styles_numfmt(rag_edit *e, const char *code, uint32_t *id,
                            rag_error *err);

/* ---- grafts (graft.c) ----------------------------------------------- */

void ed_side_free(ed_side *s);
rag_status ed_graft_write_sheet(rag_edit *e, const ed_new *n, ez_out *o,
                                rag_error *err);
/* Copy side entry raw. */
rag_status ed_side_copy_raw(ed_side *s, size_t entry, const char *as,
                            ez_out *o, rag_error *err);
const char *ed_side_entry_name(const ed_side *s, size_t entry);
const char *ed_side_path(const ed_side *s);

#endif
