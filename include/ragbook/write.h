/*
 * ragbook write: workbooks written through libxlsxwriter.
 *
 * A rag_writer is one output workbook.  It is written to a temporary file
 * beside the target and renamed into place by rag_writer_close() only when
 * libxlsxwriter has written all of it; any failure, and rag_writer_abort(),
 * leave no file behind.  The target is never one of the inputs named in
 * rag_write_options (compared by device and inode, so links and other
 * spellings of the same file are caught too).
 *
 * An output path of the form "/dev/fd/N" (N digits) names a descriptor
 * the caller holds open for writing on a regular file, rather than a
 * file to make: the workbook is made in an unnamed file in TMPDIR (else
 * /tmp), and when it is whole and read back its bytes are put in N's
 * file, emptied first, from offset 0 (pwrite: N's own offset does not
 * move); if that copy fails part-way the file is left empty.  Every
 * function that writes a workbook to a path takes it (rag_writer_open,
 * rag_edit_write, rag_convert, rag_consolidate, rag_merge_write,
 * rag_report_write).  It is how `ragbook ... -o -` writes to stdout: an
 * unnamed file of its own in TMPDIR, copied to stdout once the command
 * is done, so a run that is killed leaves nothing named anywhere.  A
 * pipe, a socket or a device is refused (RAG_ERR_IO, ESPIPE in
 * sys_errno); so is a descriptor not open for writing (EBADF).
 *
 * Sheets appear in the order they are added, in two ways that mix freely:
 *
 *  - rag_writer_copy_sheet() copies a sheet of an input workbook: values
 *    with their types, formulas with their cached results, rich text,
 *    styles, merged ranges, columns, rows, links, drop-down lists, panes,
 *    autofilter, tables, tab colour, zoom, gridlines, page setup.  Hooks
 *    let the caller change a cell's value or style on the way (colour a
 *    status cell), write more cells in each row as it is finished
 *    (computed columns to the right of a table), and add to the sheet at
 *    its end (drop-down lists).  rag_writer_copy_workbook() copies every
 *    sheet and the defined names: that is `ragbook copy`.
 *  - rag_writer_add_sheet() adds an empty sheet that the caller fills with
 *    the rag_wsheet_* calls (a Summary, an Issues list).
 *
 * Styles are interned: rag_writer_style() turns a rag_style into a
 * rag_wstyle handle, and each distinct style becomes one lxw_format, once,
 * however many cells use it.  An input workbook's styles are mapped the
 * same way, lazily, on first use (rag_writer_input_style()).  To recolour
 * an input cell, copy its rag_style, change the fill and intern the copy.
 *
 * Memory: in RAG_WRITE_NORMAL mode libxlsxwriter keeps every cell until
 * the workbook is closed (shared strings; cells may be written in any
 * order).  In RAG_WRITE_STREAMING mode (libxlsxwriter's constant_memory)
 * each row goes to a temporary file as soon as a later row is started, so
 * memory does not grow with the rows; strings are written inline, and
 * once a cell of row r is written no row above r may be written again
 * (RAG_ERR_USAGE).  Merged ranges, links, drop-down lists and column
 * settings may be added at any time in both modes: this writer records a
 * merge without writing cells into it (unlike worksheet_merge_range(),
 * which pads the range with blanks), so the cells of a merged range keep
 * their own styles and borders.  RAG_WRITE_AUTO, the default, picks
 * streaming for large workbooks when it is told their size (the copy
 * measures the input first).
 *
 * What libxlsxwriter 1.1.4 cannot write by itself, and what this writer
 * does about it:
 *  - error values (#N/A), boolean results of formulas, text and error
 *    results of array formulas, numbers that need 17 significant digits
 *    (it prints 16) and very hidden sheets: written as near as the library
 *    allows (an error as the formula =#N/A with "#N/A" as its result, a
 *    boolean result as 1), then patched into the finished file by a
 *    fix-up pass (src/write/fixup.h), so they read back exactly;
 *  - empty strings: a placeholder cell is turned into a string cell (the
 *    library writes "" as a blank);
 *  - the 1904 date system: a copy moves the dates of a 1904 workbook to
 *    the 1900 system (+1462 days), so they read back as the same dates
 *    (durations such as [h]:mm keep their serial); every date a caller
 *    writes is a 1900-system serial;
 *  - tables: a copy writes them again (worksheet_add_table()) in normal
 *    mode; libxlsxwriter has no tables in constant_memory mode, so there a
 *    formula naming a table is copied as its cached value;
 *  - a number format longer than 127 bytes becomes General, and defined
 *    names and their formulas are limited to 127 bytes.
 * Excel recalculates every formula when it opens a file libxlsxwriter
 * wrote; other readers show the cached results, which are the input's.
 * Everything the writer could not keep is counted by kind (rag_loss) and
 * can be reported with rag_writer_losses() and rag_loss_message().
 *
 * Beyond the wrappers: rag_writer_lxw(), rag_wsheet_lxw() and
 * rag_writer_format() hand out the libxlsxwriter objects for what is not
 * wrapped here (charts, conditional formats, images).  The public header
 * names them only as incomplete structs, so only a file that uses them
 * needs <xlsxwriter.h>.  Do not close or free them; in streaming mode the
 * row-order rule above applies to direct calls too.
 *
 * Every fallible call returns a rag_status and fills err (which may be
 * NULL).  After a failure the writer can still be aborted or closed;
 * rag_writer_close() then fails and removes the temporary file.
 */
#ifndef RAGBOOK_WRITE_H
#define RAGBOOK_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/grid.h"

#ifdef __cplusplus
extern "C" {
#endif

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

/* One output workbook; opaque. */
typedef struct rag_writer rag_writer;

/* One output sheet; owned by its writer, valid until the writer is closed
 * or aborted. */
typedef struct rag_wsheet rag_wsheet;

/* An interned style.  RAG_WSTYLE_NONE writes a cell with no format of its
 * own (libxlsxwriter then applies the row's or column's format, if any). */
typedef uint32_t rag_wstyle;
#define RAG_WSTYLE_NONE 0u

/* The longest sheet name Excel takes, in characters. */
#define RAG_SHEET_NAME_MAX 31

typedef enum rag_write_mode {
    RAG_WRITE_AUTO = 0, /* streaming for large inputs, else normal */
    RAG_WRITE_NORMAL,   /* every cell in memory until close */
    RAG_WRITE_STREAMING /* rows in order, flat memory, inline strings */
} rag_write_mode;

/* In RAG_WRITE_AUTO mode, a copy of a workbook with more cells than this
 * streams. */
#define RAG_WRITE_STREAMING_CELLS 200000u

typedef struct rag_write_options {
    rag_write_mode mode;
    /* Document creation and modification time, seconds since 1970 (UTC).
     * 0 gives 2000-01-01T00:00:00Z, so the same content always gives the
     * same bytes (the zip entries carry no times of their own). */
    int64_t created;
    const char *title;          /* document properties; NULL for none */
    const char *author;
    /* Files the output must not be: the writer refuses to open a target
     * that is one of them (same device and inode). */
    const char *const *inputs;
    size_t input_count;
    /* Where libxlsxwriter keeps its temporary files; NULL for the target's
     * own directory (so a full /tmp cannot spoil the output). */
    const char *tmpdir;
} rag_write_options;

/* Kinds of things a copy could not keep.  New kinds go at the end. */
typedef enum rag_loss {
    RAG_LOSS_DRAWINGS = 0,  /* charts, images, shapes */
    RAG_LOSS_COMMENTS,
    RAG_LOSS_CONDITIONAL,   /* conditional formatting */
    RAG_LOSS_PIVOTS,
    RAG_LOSS_TABLES,        /* tables not written again (streaming mode,
                               a name libxlsxwriter refuses) */
    RAG_LOSS_PROTECTION,    /* sheet protection */
    RAG_LOSS_SPARKLINES,
    RAG_LOSS_OLE,           /* embedded objects, form controls */
    RAG_LOSS_PRINT,         /* page breaks, first/even page headers */
    RAG_LOSS_EXT_VALIDATIONS, /* drop-down lists kept in extLst */
    RAG_LOSS_MACROS,
    RAG_LOSS_CHARTSHEETS,   /* chart, dialog and macro sheets */
    RAG_LOSS_VERY_HIDDEN,   /* (no longer counted: the fix-ups keep them) */
    RAG_LOSS_DATE1904,      /* dates moved to the 1900 system */
    RAG_LOSS_SHEET_NAMES,   /* sheet names changed to be valid */
    RAG_LOSS_NAMES,         /* defined names that could not be written */
    RAG_LOSS_LINKS,         /* hyperlinks that could not be written */
    RAG_LOSS_VALIDATIONS,   /* data validations that could not be written */
    RAG_LOSS_MERGES,        /* overlapping or excess merged ranges */
    RAG_LOSS_NUMFMTS,       /* number formats longer than 127 bytes */
    RAG_LOSS_LONG_TEXT,     /* text over 32767 characters, cut short */
    RAG_LOSS_REF_FORMULAS,  /* formulas naming other workbooks (or tables
                               that could not be written), as values */
    RAG_LOSS_ARRAY_TEXT,    /* (no longer counted: the fix-ups keep them) */
    RAG_LOSS_ORDER,         /* cells out of row order, when streaming */
    RAG_LOSS_EXTERNAL,      /* links to other workbooks */
    RAG_LOSS_FIXUPS,        /* values the fix-up pass could not make exact
                               (counted at close: rag_writer_close_counting) */
    RAG_LOSS_RICH_RUNS,     /* rich text past 250 runs: the rest in one */
    RAG_LOSS_COUNT
} rag_loss;

/* ---- the writer ------------------------------------------------------ */

/*
 * Prepare to write the workbook at path.  Refuses (RAG_ERR_USAGE) a path
 * that is one of opts->inputs or a directory; creates the temporary file
 * beside it (RAG_ERR_IO when the directory is not writable).  path may be
 * "/dev/fd/N", a descriptor open on a regular file (see the top of this
 * header).  opts may be NULL for the defaults.  On failure *out is NULL
 * and nothing is left on disk.
 */
RAG_API rag_status rag_writer_open(const char *path,
                                   const rag_write_options *opts,
                                   rag_writer **out, rag_error *err);

/*
 * Write the workbook, read it back whole (every zip entry inflated and
 * its CRC checked, every part parsed, every sheet read) and rename it
 * into place.  On success the target
 * holds the new workbook (mode 0666 less the umask).  On failure, or when
 * an earlier call failed, the temporary file is removed, the target is
 * untouched and err says why.  Frees w either way; NULL is a no-op that
 * returns RAG_ERR_USAGE.
 */
RAG_API rag_status rag_writer_close(rag_writer *w, rag_error *err);

/*
 * rag_writer_close(), and on success every loss counted, those found while
 * finishing the file (RAG_LOSS_FIXUPS) included, into lost[0..count)
 * indexed by rag_loss (count is normally RAG_LOSS_COUNT).  lost may be NULL.
 */
RAG_API rag_status rag_writer_close_counting(rag_writer *w, size_t *lost,
                                             size_t count, rag_error *err);

/* Discard everything written and free w; no file is left.  NULL is a
 * harmless no-op. */
RAG_API void rag_writer_abort(rag_writer *w);

/* The memory mode in force (never RAG_WRITE_AUTO once the first sheet is
 * added). */
RAG_API rag_write_mode rag_writer_mode(const rag_writer *w);

/* Tell an AUTO writer how many cells are coming, before the first sheet
 * is added: above RAG_WRITE_STREAMING_CELLS it streams. */
RAG_API void rag_writer_expect_cells(rag_writer *w, uint64_t cells);

/* How many things of this kind the writer could not keep, and a phrase
 * for each kind ("charts, images and shapes are not copied"), static. */
RAG_API size_t rag_writer_losses(const rag_writer *w, rag_loss kind);
RAG_API const char *rag_loss_message(rag_loss kind);

/* Count n losses of a kind (for callers that drop things themselves). */
RAG_API void rag_writer_add_loss(rag_writer *w, rag_loss kind, size_t n);

/* ---- sheet names ----------------------------------------------------- */

/* true when name is a valid sheet name for Excel and libxlsxwriter 1.1.4:
 * valid UTF-8, 1 to 31 characters, none of []:*?/\ or control characters,
 * not starting or ending with an apostrophe. */
RAG_API bool rag_sheet_name_valid(const char *name);

/*
 * Make a valid sheet name from name, unique among w's sheets ignoring
 * case, into buf (size >= 128): bad characters become '_', apostrophes at
 * the ends are dropped, the name is cut to 31 characters at a character
 * boundary, and "(2)", "(3)"... is added when the name is taken.  An empty
 * or NULL name gives "Sheet".  Returns true when the result differs from
 * name.
 */
RAG_API bool rag_writer_sheet_name(const rag_writer *w, const char *name,
                                   char *buf, size_t size);

/* ---- styles ---------------------------------------------------------- */

/* Fill st with the default style: Calibri 11, no fill, no borders,
 * General, locked.  Strings in st are static. */
RAG_API void rag_style_init(rag_style *st);

/*
 * Intern st: equal styles give the same handle, and one lxw_format each.
 * The strings of st are copied.  RAG_ERR_NOMEM on failure.
 */
RAG_API rag_status rag_writer_style(rag_writer *w, const rag_style *st,
                                    rag_wstyle *out, rag_error *err);

/* The output style of style `index` of input workbook wb (cached per
 * workbook; a new wb replaces the cache). */
RAG_API rag_status rag_writer_input_style(rag_writer *w,
                                          const rag_workbook *wb,
                                          uint32_t index, rag_wstyle *out,
                                          rag_error *err);

/* The rag_style behind a handle, or NULL for RAG_WSTYLE_NONE or a bad
 * handle.  Valid until the writer is closed. */
RAG_API const rag_style *rag_writer_style_get(const rag_writer *w,
                                              rag_wstyle style);

/* ---- sheets ---------------------------------------------------------- */

/*
 * Add an empty sheet called name, which must be valid and unused
 * (RAG_ERR_USAGE otherwise; see rag_writer_sheet_name()).
 */
RAG_API rag_status rag_writer_add_sheet(rag_writer *w, const char *name,
                                        rag_wsheet **out, rag_error *err);

/* The sheet's name as written. */
RAG_API const char *rag_wsheet_name(const rag_wsheet *ws);

/* The sheet shown when the workbook opens (it is unhidden if need be). */
RAG_API void rag_wsheet_activate(rag_wsheet *ws);

/* Hide the sheet (not the active one). */
RAG_API void rag_wsheet_hide(rag_wsheet *ws);

/*
 * Write one cell: its value by type (dates as their serial number in the
 * 1900 system), its formula with the cached result, rich runs (a run
 * whose font is NULL takes the font of `style`).  A blank cell with no
 * formula is written only when style is not RAG_WSTYLE_NONE.  In
 * streaming mode a row above the current one is RAG_ERR_USAGE.
 */
RAG_API rag_status rag_wsheet_write_cell(rag_wsheet *ws, const rag_cell *cell,
                                         rag_wstyle style, rag_error *err);

/* Shorthands for rag_wsheet_write_cell(). */
RAG_API rag_status rag_wsheet_write_string(rag_wsheet *ws, uint32_t row,
                                           uint32_t col, const char *text,
                                           rag_wstyle style, rag_error *err);
RAG_API rag_status rag_wsheet_write_number(rag_wsheet *ws, uint32_t row,
                                           uint32_t col, double value,
                                           rag_wstyle style, rag_error *err);
/* formula without the leading '='; cached is its result (Excel
 * recalculates on opening, but other readers show the cached value). */
RAG_API rag_status rag_wsheet_write_formula(rag_wsheet *ws, uint32_t row,
                                            uint32_t col, const char *formula,
                                            double cached, rag_wstyle style,
                                            rag_error *err);

/*
 * A hyperlink at (row, col) showing text (NULL: the target) in style.
 * url is an external target ("https://...", "mailto:...", "other.xlsx")
 * or NULL; location is a place in this workbook ("'Sheet 2'!A1") or, with
 * a url, a place in that document.  Links over 2079 bytes, or past 65530
 * on a sheet, are counted as RAG_LOSS_LINKS and skipped (RAG_OK).
 */
RAG_API rag_status rag_wsheet_write_link(rag_wsheet *ws, uint32_t row,
                                         uint32_t col, const char *url,
                                         const char *location,
                                         const char *text, rag_wstyle style,
                                         rag_error *err);

/* Columns first..last (0-based): width in characters as Excel shows it
 * (8.43 is the default; 0 hides nothing but keeps the default), style
 * (RAG_WSTYLE_NONE for none), hidden. */
RAG_API rag_status rag_wsheet_set_column(rag_wsheet *ws, uint32_t first,
                                         uint32_t last, double width,
                                         rag_wstyle style, bool hidden,
                                         rag_error *err);

/* A row's height in points (0 for the sheet's default), style, hidden.
 * In streaming mode, call it before writing the row's cells. */
RAG_API rag_status rag_wsheet_set_row(rag_wsheet *ws, uint32_t row,
                                      double height, rag_wstyle style,
                                      bool hidden, rag_error *err);

/* Merge a range (more than one cell); writes no cells.  Overlapping an
 * earlier merge is counted as RAG_LOSS_MERGES and skipped (RAG_OK). */
RAG_API rag_status rag_wsheet_merge(rag_wsheet *ws, const rag_range *range,
                                    rag_error *err);

/*
 * A data validation (drop-down list, number or date limits, prompt) over
 * each range of v->sqref (or v->range when sqref is NULL).  Types and
 * operators are OOXML's words ("list", "whole", "between"...); formula1
 * and formula2 are as in the file: a list is "\"On target,Late\"" or a
 * range "$H$2:$H$9".  Titles over 32 characters and messages over 255 are
 * cut short.  A validation libxlsxwriter cannot take is counted as
 * RAG_LOSS_VALIDATIONS (RAG_OK).
 */
RAG_API rag_status rag_wsheet_add_validation(rag_wsheet *ws,
                                             const rag_validation *v,
                                             rag_error *err);

/* Freeze the top rows and left columns; top_row/left_col are the first
 * cell shown below/right of the panes (pass rows/cols for the usual). */
RAG_API void rag_wsheet_freeze(rag_wsheet *ws, uint32_t rows, uint32_t cols,
                               uint32_t top_row, uint32_t left_col);

/* An autofilter over range (its drop-down buttons; no criteria). */
RAG_API rag_status rag_wsheet_autofilter(rag_wsheet *ws,
                                         const rag_range *range,
                                         rag_error *err);

/*
 * A defined name: global when sheet is NULL, else local to that sheet.
 * formula without '=' ("'Summary'!$A$1:$B$9").  Names Excel would refuse
 * (a cell reference such as "A1", spaces, a leading digit) and names or
 * formulas libxlsxwriter 1.1.4 cannot hold (over 127 bytes) are counted as
 * RAG_LOSS_NAMES and skipped (RAG_OK).  "_xlnm.Print_Titles" and
 * "_xlnm.Print_Area" become the sheet's print titles and print area.
 */
RAG_API rag_status rag_writer_define_name(rag_writer *w, rag_wsheet *sheet,
                                          const char *name,
                                          const char *formula, bool hidden,
                                          rag_error *err);

/* ---- presentation: printing and charts ------------------------------- */

/* How ws prints (rag_page_setup is grid.h's: what the reader reads is
 * what can be written; a header or footer that places a picture, &G, is
 * counted as RAG_LOSS_PRINT and left out). */
RAG_API void rag_wsheet_page_setup(rag_wsheet *ws, const rag_page_setup *ps);

/* Print rows first..last at the top of every page.  RAG_ERR_USAGE for
 * rows past the sheet's end. */
RAG_API rag_status rag_wsheet_repeat_rows(rag_wsheet *ws, uint32_t first,
                                          uint32_t last, rag_error *err);

typedef enum rag_chart_kind {
    RAG_CHART_BAR = 0,          /* horizontal bars, series side by side */
    RAG_CHART_BAR_STACKED,      /* horizontal bars, series stacked */
    RAG_CHART_COLUMN            /* vertical bars, series side by side */
} rag_chart_kind;

/* One series: its categories and values are ranges of cells on the
 * chart's data sheet. */
typedef struct rag_chart_series {
    const char *name;           /* in the legend, when not name_from_cell */
    bool name_from_cell;        /* the name is the cell (name_row,
                                   name_col) of the data sheet */
    uint32_t name_row, name_col;
    rag_range categories, values;
    uint32_t fill;              /* RGB; RAG_NO_COLOR for the default */
} rag_chart_series;

typedef struct rag_chart {
    rag_chart_kind kind;
    const char *data_sheet;     /* where the ranges are; NULL: this sheet */
    const char *title;          /* NULL: no title */
    bool legend;                /* a legend below the chart */
    bool top_down;              /* bars: the first category at the top */
    const char *value_axis;     /* the value axis's name, or NULL */
    const char *value_format;   /* its number format ("0", "£#,##0") */
    bool value_min_zero;        /* the value axis starts at 0 */
    double major_unit;          /* between value gridlines; 0 automatic */
    uint16_t gap;               /* between bars, % of a bar; 0 default */
    const rag_chart_series *series;
    size_t series_count;
    double width, height;       /* pixels; 0 gives 480 x 288 */
    uint32_t x_offset, y_offset; /* pixels from the anchor cell's corner */
} rag_chart;

/* Insert chart c with its top left corner in cell (row, col) of ws.
 * RAG_ERR_USAGE for no series or a range outside the sheet. */
RAG_API rag_status rag_wsheet_add_chart(rag_wsheet *ws, uint32_t row,
                                        uint32_t col, const rag_chart *c,
                                        rag_error *err);

/* ---- copying input sheets -------------------------------------------- */

/* A cell on its way from the input to the output. */
typedef struct rag_copy_cell {
    rag_cell cell;      /* an editable copy; a date is already in the
                           1900 system; strings are the input's, valid
                           during the hook (replace them with your own) */
    rag_wstyle style;   /* the input style's output style */
    bool skip;          /* set to write nothing */
} rag_copy_cell;

/*
 * Hooks for rag_writer_copy_sheet(); any may be NULL.  `in` is the input
 * sheet with all its settings (merges, links, columns...) already read.
 * A hook returns RAG_OK, or an error (set with err) that stops the copy.
 *
 *  - on_cell: each input cell, in row-major order, before it is written.
 *  - on_row_done: after the last cell of each input row that has cells or
 *    row settings.  In streaming mode it may write only in that row (any
 *    column: this is where computed columns go).
 *  - on_sheet_done: after every cell; in streaming mode it may write only
 *    below the last input row.  Add drop-down lists, notes, more merges.
 */
typedef struct rag_copy_hooks {
    void *ctx;
    rag_status (*on_cell)(void *ctx, rag_wsheet *out, const rag_sheet *in,
                          rag_copy_cell *cell, rag_error *err);
    rag_status (*on_row_done)(void *ctx, rag_wsheet *out,
                              const rag_sheet *in, uint32_t row,
                              rag_error *err);
    rag_status (*on_sheet_done)(void *ctx, rag_wsheet *out,
                                const rag_sheet *in, rag_error *err);
} rag_copy_hooks;

/*
 * Copy sheet `index` of wb as a new sheet (under its own name, made valid
 * and unique if need be: RAG_LOSS_SHEET_NAMES), streaming the input twice:
 * once for the settings that follow the cells in the file (merges, links,
 * validations), once for the cells.  Memory does not grow with the rows
 * (in streaming mode; in normal mode libxlsxwriter keeps the cells).
 * Counts what it cannot keep (rag_writer_losses()).  hooks may be NULL.
 * *out, when out is not NULL, is the new sheet.
 */
RAG_API rag_status rag_writer_copy_sheet(rag_writer *w, rag_workbook *wb,
                                         size_t index,
                                         const rag_copy_hooks *hooks,
                                         rag_wsheet **out, rag_error *err);

/*
 * Copy wb's defined names (print titles and areas included) for the
 * sheets of wb copied so far; names local to a sheet not copied are
 * skipped.  Also counts wb's workbook-level losses (macros, chart sheets,
 * the 1904 system).
 */
RAG_API rag_status rag_writer_copy_names(rag_writer *w,
                                         const rag_workbook *wb,
                                         rag_error *err);

/*
 * The whole copy: measure wb (to choose the mode when AUTO), copy every
 * sheet in order with hooks (may be NULL), copy the defined names, and
 * activate the sheet that was active in wb.
 */
RAG_API rag_status rag_writer_copy_workbook(rag_writer *w, rag_workbook *wb,
                                            const rag_copy_hooks *hooks,
                                            rag_error *err);

/* ---- libxlsxwriter underneath ---------------------------------------- */

/* The lxw_workbook (created on first use; NULL on out of memory). */
RAG_API struct lxw_workbook *rag_writer_lxw(rag_writer *w);
/* The sheet's lxw_worksheet. */
RAG_API struct lxw_worksheet *rag_wsheet_lxw(rag_wsheet *ws);
/* The lxw_format of an interned style; NULL for RAG_WSTYLE_NONE. */
RAG_API struct lxw_format *rag_writer_format(rag_writer *w, rag_wstyle style);

#ifdef __cplusplus
}
#endif
#endif
