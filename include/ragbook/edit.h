/*
 * ragbook edit: change a workbook in place, as a package.
 *
 * A rag_edit is one input workbook opened as a zip package.  The caller
 * records changes (cell values and styles, new cells, drop-down lists,
 * hyperlinks, defined names, whole sheets grafted from a second workbook),
 * then rag_edit_write() writes the result to a new file:
 *
 *  - every zip entry no change touches is copied as it is, compressed
 *    bytes included (it is never inflated), in the input's order, with
 *    [Content_Types].xml first;
 *  - each part a change touches is streamed through expat and written
 *    again byte for byte, but for the elements the changes name: untouched
 *    cells, rows, columns, conditional formats, drop-down lists, drawings
 *    and extension lists keep their bytes.  Memory does not grow with the
 *    rows of a sheet (only with the number of changes);
 *  - new styles are appended to the styles part (fonts, fills, borders,
 *    number formats, cell formats): existing indexes never move, counts
 *    are kept equal to the children, and a style equal to one already
 *    there (same bytes) is reused, so editing an edited workbook again
 *    the same way gives the same bytes;
 *  - xl/calcChain.xml is dropped (the part, its relationship and its
 *    content type) when a change replaces or clears a cell's value, sets
 *    a formula, or removes or grafts a sheet: Excel rebuilds it, where a
 *    stale one makes it repair the file.  Macros (.xlsm) and the
 *    workbook's content type are kept.
 *
 * Sheets are addressed by their position in the tab order, 0-based,
 * counting every sheet the workbook part lists (chart sheets too, unlike
 * rag_workbook's worksheets: use rag_edit_sheet_find() to go from a name
 * to a position).  Positions are those of the input until
 * rag_edit_write(): removing or adding sheets does not renumber the
 * positions the other calls take; the writer renumbers what counts sheets
 * by position in the file (definedName/@localSheetId,
 * workbookView/@activeTab and @firstSheet).
 *
 * Ownership: strings passed in are copied; strings returned belong to the
 * rag_edit and live until rag_edit_free().  Every fallible call returns a
 * rag_status and fills err (may be NULL); a failed call changes nothing.
 *
 * @code
 *     rag_edit *e;
 *     rag_edit_cell c = {0};
 *     if (rag_edit_open("in.xlsx", NULL, &e, &err) != RAG_OK) ...
 *     c.row = 4; c.col = 2; c.value = RAG_EDIT_TEXT; c.text = "OT";
 *     c.style = -1;                        (keep the cell's style)
 *     rag_edit_set_cell(e, rag_edit_sheet_find(e, "WM8"), &c, &err);
 *     rag_edit_write(e, "out.xlsx", &err);
 *     rag_edit_free(e);
 * @endcode
 */
#ifndef RAGBOOK_EDIT_H
#define RAGBOOK_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/error.h"
#include "ragbook/grid.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One workbook package being edited; opaque. */
typedef struct rag_edit rag_edit;

typedef struct rag_edit_options {
    /* Caps on what the input may make the editor inflate and parse. */
    rag_read_limits limits;
} rag_edit_options;

/*
 * Open the workbook at path as a package: its zip directory, content
 * types, relationships, workbook part and styles are read; sheets are not.
 * opts may be NULL.  On failure *out is NULL and err says why (the
 * reader's codes: RAG_ERR_NOT_XLSX, RAG_ERR_ZIP, RAG_ERR_XML,
 * RAG_ERR_FORMAT, RAG_ERR_LIMIT, RAG_ERR_IO, RAG_ERR_NOMEM).
 */
RAG_API rag_status rag_edit_open(const char *path,
                                 const rag_edit_options *opts,
                                 rag_edit **out, rag_error *err);

/* Free e and every change recorded; nothing is written.  NULL is a
 * harmless no-op. */
RAG_API void rag_edit_free(rag_edit *e);

/*
 * Write the edited package to path: to a temporary file beside it, renamed
 * into place when complete (mode 0666 less the umask).  Refuses
 * (RAG_ERR_USAGE) a path that is the input or a grafted workbook (same
 * device and inode) or a directory.  On failure nothing is left at path
 * and an existing file there is untouched.  May be called more than once
 * (each call writes the same bytes).
 */
RAG_API rag_status rag_edit_write(rag_edit *e, const char *path,
                                  rag_error *err);

/* ---- sheets ----------------------------------------------------------- */

/* How many sheets the input lists, chart sheets included. */
RAG_API size_t rag_edit_sheet_count(const rag_edit *e);

/* The name of the sheet at pos, or NULL past the end. */
RAG_API const char *rag_edit_sheet_name(const rag_edit *e, size_t pos);

/* The zip entry of the sheet at pos ("xl/worksheets/sheet2.xml"), or
 * NULL past the end or when the workbook names no part for it. */
RAG_API const char *rag_edit_sheet_part(const rag_edit *e, size_t pos);

/* true when the sheet at pos is a worksheet (cells can be edited), false
 * for a chart or dialog sheet or past the end. */
RAG_API bool rag_edit_sheet_is_worksheet(const rag_edit *e, size_t pos);

/* The position of the sheet called name (exact, then ignoring ASCII
 * case), or -1. */
RAG_API long rag_edit_sheet_find(const rag_edit *e, const char *name);

/*
 * Remove the sheet at pos, with the parts only it uses (its drawings,
 * charts, comments, tables) and the defined names local to it.  For
 * sheets ragbook generated before, which are removed and grafted again.
 * RAG_ERR_USAGE for a bad position; rag_edit_write() refuses a workbook
 * left with no sheet.
 */
RAG_API rag_status rag_edit_remove_sheet(rag_edit *e, size_t pos,
                                         rag_error *err);

/* One sheet to graft from a side workbook. */
typedef struct rag_edit_graft {
    const char *sheet;  /* its name in the side workbook */
    const char *name;   /* its name in the output; NULL keeps it.  Must be
                           valid and unused there (RAG_ERR_USAGE) */
    size_t before;      /* the input position it goes before; the sheet
                           count (or more) puts it last */
} rag_edit_graft;

/*
 * Graft sheets of the workbook at side_path (typically one ragbook made
 * with libxlsxwriter, see write.h) into the package: each sheet's part,
 * the parts it reaches through relationships (drawings, charts, images)
 * under names that collide with nothing in the package, their
 * relationships and content types; its cells' styles are appended to the
 * package's styles (reusing equal ones) and its shared strings written as
 * inline strings; names local to a grafted sheet come along.  Sheets
 * grafted before the same position keep the order given.  side_path must
 * stay in place until rag_edit_write() has been called for the last time.
 */
RAG_API rag_status rag_edit_graft_sheets(rag_edit *e, const char *side_path,
                                         const rag_edit_graft *sheets,
                                         size_t count, rag_error *err);

/* ---- styles ----------------------------------------------------------- */

/* How many cell formats (cellXfs) the input has: valid style indexes are
 * below this, plus those handed out by the two calls below. */
RAG_API uint32_t rag_edit_style_count(const rag_edit *e);

/*
 * A cell format that looks like st (font, fill, borders, alignment,
 * number format, protection; colours as RGB): appended to the styles part
 * unless an equal one (same bytes) is there.  *out is its cellXfs index.
 */
RAG_API rag_status rag_edit_style_add(rag_edit *e, const rag_style *st,
                                      uint32_t *out, rag_error *err);

/* Which fields of rag_edit_restyle apply. */
enum {
    RAG_RESTYLE_FILL = 1u << 0,       /* solid fill of colour fill */
    RAG_RESTYLE_FONT_COLOR = 1u << 1, /* font_color */
    RAG_RESTYLE_FONT_SIZE = 1u << 2,  /* font_size */
    RAG_RESTYLE_BOLD = 1u << 3,       /* bold */
    RAG_RESTYLE_HALIGN = 1u << 4,     /* halign */
    RAG_RESTYLE_WRAP = 1u << 5        /* wrap */
};

/* A cell format made from an existing one with a few things changed. */
typedef struct rag_edit_restyle {
    uint32_t base;          /* the cellXfs index it starts from */
    unsigned changes;       /* RAG_RESTYLE_* bits */
    uint32_t fill;          /* RGB */
    uint32_t font_color;    /* RGB */
    double font_size;       /* points */
    bool bold, wrap;
    rag_halign halign;
} rag_edit_restyle;

/*
 * The cell format `r->base` with r's changes: everything else (the
 * base's theme colours, borders, number format, protection, unknown
 * attributes) is kept as the input has it.  Reuses an equal format.
 * RAG_ERR_USAGE for a base out of range.
 */
RAG_API rag_status rag_edit_restyle_add(rag_edit *e,
                                        const rag_edit_restyle *r,
                                        uint32_t *out, rag_error *err);

/* ---- cells ------------------------------------------------------------ */

typedef enum rag_edit_value {
    RAG_EDIT_KEEP = 0,  /* the value (and formula) stay as they are */
    RAG_EDIT_BLANK,     /* no value: a styled empty cell */
    RAG_EDIT_NUMBER,    /* number */
    RAG_EDIT_TEXT,      /* text, written as an inline string */
    RAG_EDIT_BOOL,      /* number != 0 */
    RAG_EDIT_FORMULA    /* formula, cached result number or text */
} rag_edit_value;

typedef struct rag_edit_cell {
    uint32_t row, col;      /* 0-based */
    rag_edit_value value;
    double number;          /* NUMBER, BOOL, FORMULA's cached number */
    const char *text;       /* TEXT; FORMULA's cached text (NULL: number) */
    size_t text_len;        /* bytes of text; 0 takes strlen(text) */
    const char *formula;    /* FORMULA, without the leading '=' */
    int64_t style;          /* cellXfs index, or -1 to keep the cell's own
                               (a new cell then takes the row's, else 0) */
} rag_edit_cell;

/*
 * Change the cell (c->row, c->col) of the worksheet at sheet, or add it
 * when the sheet has no such cell (in its row, the row added when need
 * be: that is how computed columns are written).  The last change to a
 * cell wins.  A cell that starts a shared formula other cells use keeps
 * its value and formula (only its style changes), so they keep theirs.
 * RAG_ERR_USAGE for a bad sheet, a chart sheet, a cell past XFD1048576,
 * a style out of range or a formula without text.
 */
RAG_API rag_status rag_edit_set_cell(rag_edit *e, size_t sheet,
                                     const rag_edit_cell *c, rag_error *err);

/*
 * Remove every cell inside range from the worksheet at sheet (their
 * values, formulas and styles; rows stay).  Cells set with
 * rag_edit_set_cell() inside the range, before or after, are still
 * written: this clears what the input holds there (what an earlier
 * conversion computed) so it can be written anew.
 */
RAG_API rag_status rag_edit_clear_range(rag_edit *e, size_t sheet,
                                        const rag_range *range,
                                        rag_error *err);

/*
 * Give columns first..last (0-based) of the worksheet at sheet a width in
 * characters, where the input sets none for them (columns the input
 * describes keep their settings).
 */
RAG_API rag_status rag_edit_set_width(rag_edit *e, size_t sheet,
                                      uint32_t first, uint32_t last,
                                      double width, rag_error *err);

/* ---- sheet additions -------------------------------------------------- */

/*
 * Add a data validation (a drop-down list...) to the worksheet at sheet,
 * after the ones it has.  v's fields are as grid.h reads them: sqref (or
 * range when sqref is NULL), type, operator_, formula1 and formula2 as in
 * the file ("\"GREEN,AMBER,RED\"" or "$H$2:$H$9"), the flags, titles and
 * messages.
 */
RAG_API rag_status rag_edit_add_validation(rag_edit *e, size_t sheet,
                                           const rag_validation *v,
                                           rag_error *err);

/*
 * Add a hyperlink over l->range of the worksheet at sheet: to l->location
 * in this workbook ("'Sheet 2'!A1", no relationship needed) or to the
 * external l->url (a relationship is added to the sheet), with l->display
 * and l->tooltip when given.  The cells keep their values.
 */
RAG_API rag_status rag_edit_add_link(rag_edit *e, size_t sheet,
                                     const rag_hyperlink *l, rag_error *err);

/* ---- defined names ---------------------------------------------------- */

/*
 * Define name: global when sheet is NULL, else local to the sheet called
 * sheet (an input sheet not removed, or a grafted one); formula without
 * the leading '=' ("'Summary'!$A$1").  A name the input (or an earlier
 * call) already defines in the same scope is replaced.  RAG_ERR_USAGE
 * for an empty name or formula, or a sheet the output will not have.
 */
RAG_API rag_status rag_edit_define_name(rag_edit *e, const char *sheet,
                                        const char *name,
                                        const char *formula, bool hidden,
                                        rag_error *err);

/* Remove every defined name whose name starts with prefix (ignoring
 * ASCII case), in every scope; returns how many the input had. */
RAG_API size_t rag_edit_remove_names(rag_edit *e, const char *prefix);

/*
 * The position the sheet called name will have in the output, counting
 * removed and grafted sheets; -1 when it will not be there.
 */
RAG_API long rag_edit_output_position(const rag_edit *e, const char *name);

/* ---- what the write did ----------------------------------------------- */

/* How a zip entry of the input fared in the last rag_edit_write(). */
typedef enum rag_edit_fate {
    RAG_EDIT_COPIED = 0, /* copied as it is (compressed bytes) */
    RAG_EDIT_PATCHED,    /* streamed and changed */
    RAG_EDIT_DROPPED     /* left out (calcChain, a removed sheet's parts) */
} rag_edit_fate;

/* The input's zip entries, in order, and what happened to each. */
RAG_API size_t rag_edit_part_count(const rag_edit *e);
RAG_API const char *rag_edit_part_name(const rag_edit *e, size_t i);
RAG_API rag_edit_fate rag_edit_part_fate(const rag_edit *e, size_t i);

#ifdef __cplusplus
}
#endif
#endif
