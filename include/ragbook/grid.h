/*
 * ragbook grid: a workbook as its cells, styles and sheet settings.
 *
 * This is the raw layer the model, the validator and the writers stand on.
 * A workbook is opened (workbook part, relationships, styles, theme and
 * shared strings are read at once) and then each sheet is either streamed,
 * cell by cell in row-major order in constant memory, or loaded into memory
 * for random access.
 *
 * The structs below are read-only views: fill them only through the reader.
 * Every string belongs to the workbook and lives until rag_workbook_free(),
 * except where a comment says "valid during the callback only".
 */
#ifndef RAGBOOK_GRID_H
#define RAGBOOK_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The largest sheet Excel allows: XFD1048576. */
#define RAG_MAX_ROWS 1048576u
#define RAG_MAX_COLS 16384u

/* An RGB colour is 0xRRGGBB; RAG_NO_COLOR means none was given. */
#define RAG_NO_COLOR 0xFFFFFFFFu

typedef enum rag_cell_type {
    RAG_CELL_BLANK = 0, /* no value: styled, or a formula with no result */
    RAG_CELL_NUMBER,
    RAG_CELL_STRING,    /* shared, inline or rich text (runs joined) */
    RAG_CELL_BOOL,
    RAG_CELL_DATE,      /* a number whose format is a date/time format */
    RAG_CELL_ERROR      /* text holds "#N/A", "#DIV/0!", ... */
} rag_cell_type;

/* Pattern, border and alignment codes use OOXML's order, which is also
 * libxlsxwriter's (LXW_PATTERN_*, LXW_BORDER_*, LXW_ALIGN_*). */
typedef enum rag_pattern {
    RAG_PATTERN_NONE = 0, RAG_PATTERN_SOLID, RAG_PATTERN_MEDIUM_GRAY,
    RAG_PATTERN_DARK_GRAY, RAG_PATTERN_LIGHT_GRAY,
    RAG_PATTERN_DARK_HORIZONTAL, RAG_PATTERN_DARK_VERTICAL,
    RAG_PATTERN_DARK_DOWN, RAG_PATTERN_DARK_UP, RAG_PATTERN_DARK_GRID,
    RAG_PATTERN_DARK_TRELLIS, RAG_PATTERN_LIGHT_HORIZONTAL,
    RAG_PATTERN_LIGHT_VERTICAL, RAG_PATTERN_LIGHT_DOWN, RAG_PATTERN_LIGHT_UP,
    RAG_PATTERN_LIGHT_GRID, RAG_PATTERN_LIGHT_TRELLIS, RAG_PATTERN_GRAY_125,
    RAG_PATTERN_GRAY_0625
} rag_pattern;

/* none thin medium dashed dotted thick double hair mediumDashed dashDot
 * mediumDashDot dashDotDot mediumDashDotDot slantDashDot: 0..13 */
typedef uint8_t rag_border_style;

typedef enum rag_halign {
    RAG_HALIGN_GENERAL = 0, RAG_HALIGN_LEFT, RAG_HALIGN_CENTER,
    RAG_HALIGN_RIGHT, RAG_HALIGN_FILL, RAG_HALIGN_JUSTIFY,
    RAG_HALIGN_CENTER_CONTINUOUS, RAG_HALIGN_DISTRIBUTED
} rag_halign;

typedef enum rag_valign {
    RAG_VALIGN_BOTTOM = 0, /* Excel's default */
    RAG_VALIGN_TOP, RAG_VALIGN_CENTER, RAG_VALIGN_JUSTIFY,
    RAG_VALIGN_DISTRIBUTED
} rag_valign;

typedef struct rag_font {
    const char *name;     /* "Calibri"; NULL when not given */
    double size;          /* points; 0 when not given */
    uint32_t color;       /* resolved RGB or RAG_NO_COLOR */
    bool bold, italic, strike;
    uint8_t underline;    /* 0 none, 1 single, 2 double,
                             33 single accounting, 34 double accounting */
    uint8_t script;       /* 0 baseline, 1 superscript, 2 subscript */
    uint8_t family;
    uint8_t charset;
    const char *scheme;   /* "minor", "major" or NULL */
} rag_font;

typedef struct rag_border_side {
    rag_border_style style;
    uint32_t color;       /* resolved RGB or RAG_NO_COLOR */
} rag_border_side;

/* One cell format (a cellXfs entry), with every colour resolved to RGB. */
typedef struct rag_style {
    uint32_t numfmt_id;
    const char *numfmt;   /* format code; NULL for General */
    bool is_date;         /* numfmt formats numbers as dates or times */
    rag_font font;
    rag_pattern pattern;
    uint32_t fill_fg;     /* a solid fill's visible colour */
    uint32_t fill_bg;
    rag_border_side left, right, top, bottom, diagonal;
    bool diagonal_up, diagonal_down;
    rag_halign halign;
    rag_valign valign;
    bool wrap, shrink;
    uint8_t indent;
    int16_t rotation;     /* 0..180, or 255 for vertical text */
    bool locked, hidden;  /* protection; Excel's default is locked */
    bool quote_prefix;
} rag_style;

/* A run of rich text; font is NULL where the run uses the cell's font. */
typedef struct rag_run {
    const char *text;
    size_t len;
    const rag_font *font;
} rag_run;

typedef struct rag_rich {
    size_t count;
    const rag_run *runs;
} rag_rich;

typedef enum rag_formula_kind {
    RAG_FORMULA_NONE = 0,
    RAG_FORMULA_NORMAL,   /* shared formulas arrive already translated */
    RAG_FORMULA_ARRAY     /* formula_range holds the array's range */
} rag_formula_kind;

typedef struct rag_range {
    uint32_t first_row, first_col; /* 0-based */
    uint32_t last_row, last_col;
} rag_range;

typedef struct rag_cell {
    uint32_t row, col;          /* 0-based */
    rag_cell_type type;
    uint32_t style;             /* index into wb->styles */
    double number;              /* NUMBER and DATE (the serial); BOOL 0/1 */
    const char *text;           /* STRING and ERROR, else NULL */
    size_t text_len;
    const char *formula;        /* without the leading '=', or NULL */
    rag_formula_kind formula_kind;
    rag_range formula_range;    /* for RAG_FORMULA_ARRAY */
    const rag_rich *rich;       /* rich-text runs, or NULL */
} rag_cell;

typedef struct rag_col_info {
    uint32_t first, last;       /* 0-based, inclusive */
    double width;               /* characters; 0 when not given */
    uint32_t style;
    bool hidden, custom_width, collapsed;
    uint8_t outline;
} rag_col_info;

typedef struct rag_row_info {
    uint32_t row;               /* 0-based */
    double height;              /* points; 0 when not given */
    uint32_t style;
    bool has_style, hidden, custom_height, collapsed;
    uint8_t outline;
} rag_row_info;

typedef struct rag_hyperlink {
    rag_range range;
    const char *url;            /* external target, or NULL */
    const char *location;       /* in-workbook target ("Sheet2!A1") or NULL */
    const char *display;
    const char *tooltip;
} rag_hyperlink;

typedef struct rag_validation {
    rag_range range;            /* first range of its sqref */
    const char *sqref;          /* all ranges, space separated */
    const char *type;           /* "list", "whole", "decimal", ... or NULL */
    const char *operator_;
    const char *formula1, *formula2;
    bool allow_blank, show_input, show_error;
    const char *prompt_title, *prompt, *error_title, *error;
    const char *error_style;    /* "stop" (or NULL), "warning", "information" */
    bool hide_dropdown;         /* showDropDown="1": no in-cell arrow */
} rag_validation;

/* Page setup, as far as ragbook copies it (pageSetup, pageMargins,
 * printOptions, headerFooter's odd header and footer). */
typedef struct rag_page_setup {
    bool landscape;
    uint32_t paper;             /* paperSize code; 0 when not given */
    uint32_t scale;             /* percent; 0 when not given */
    bool fit_to_page;           /* sheetPr/pageSetUpPr fitToPage */
    uint32_t fit_width, fit_height; /* pages; 0 = as many as needed */
    uint32_t first_page;        /* useFirstPageNumber's number, or 0 */
    bool has_margins;
    double margin_left, margin_right, margin_top, margin_bottom;
    double margin_header, margin_footer; /* inches */
    bool print_gridlines, print_headings, center_h, center_v;
    const char *header, *footer; /* oddHeader, oddFooter, or NULL */
} rag_page_setup;

/* A table (ListObject), as far as ragbook copies it. */
typedef struct rag_table_column {
    const char *name;            /* the header text */
    const char *formula;         /* calculatedColumnFormula, or NULL */
    const char *totals_function; /* "sum", "average", "custom"... or NULL */
    const char *totals_label;    /* totalsRowLabel, or NULL */
} rag_table_column;

typedef struct rag_table {
    const char *name;            /* displayName: what formulas use */
    rag_range range;             /* header, data and totals rows */
    uint32_t header_rows;        /* 0 or 1 */
    uint32_t totals_rows;        /* 0 or 1 */
    bool autofilter;             /* its filter buttons */
    const char *style;           /* "TableStyleMedium9", or NULL for none */
    bool first_column, last_column, row_stripes, column_stripes;
    rag_table_column *columns;   /* left to right */
    size_t column_count;
} rag_table;

typedef enum rag_sheet_state {
    RAG_SHEET_VISIBLE = 0, RAG_SHEET_HIDDEN, RAG_SHEET_VERY_HIDDEN
} rag_sheet_state;

/* Parts of a sheet ragbook reads the presence of but does not copy. */
enum {
    RAG_FEATURE_DRAWING = 1u << 0,      /* charts, images, shapes */
    RAG_FEATURE_COMMENTS = 1u << 1,
    RAG_FEATURE_CONDITIONAL = 1u << 2,  /* conditional formatting */
    RAG_FEATURE_PIVOT = 1u << 3,
    RAG_FEATURE_TABLE = 1u << 4,
    RAG_FEATURE_PROTECTION = 1u << 5,
    RAG_FEATURE_SPARKLINES = 1u << 6,
    RAG_FEATURE_OLE = 1u << 7,          /* embedded objects, controls */
    RAG_FEATURE_PRINT = 1u << 8,        /* page breaks, first/even page
                                           headers and footers */
    RAG_FEATURE_EXT_VALIDATION = 1u << 9, /* drop-downs kept in extLst */
    RAG_FEATURE_EXTERNAL = 1u << 10     /* links to other workbooks */
};

typedef struct rag_sheet {
    const char *name;
    const char *part;           /* zip entry of the worksheet */
    rag_sheet_state state;
    bool read;                  /* settings below are filled */
    bool loaded;                /* cells below are filled */

    /* Settings, filled by rag_sheet_stream() or rag_sheet_load(). */
    const char *dimension;      /* as declared ("A1:P60"), or NULL */
    rag_range used;             /* the range the cells actually span */
    bool has_cells;
    rag_range *merges;
    size_t merge_count;
    rag_col_info *cols;
    size_t col_count;
    rag_hyperlink *links;
    size_t link_count;
    rag_validation *validations;
    size_t validation_count;
    rag_range *conditional;     /* ranges coloured by conditional formats */
    size_t conditional_count;
    const char *autofilter;     /* "A1:D20" or NULL */
    uint32_t freeze_rows, freeze_cols; /* frozen panes; 0 when none */
    uint32_t split_top_row, split_left_col; /* first cell after the pane */
    uint32_t tab_color;
    double default_row_height;  /* 0 when not given */
    double default_col_width;   /* 0 when not given */
    bool show_grid_lines;
    bool right_to_left;
    uint32_t zoom;              /* percent; 0 when not given */
    unsigned features;          /* RAG_FEATURE_* found and not copied */
    rag_page_setup page;        /* print settings */
    rag_table *tables;          /* tables read from the sheet's table parts */
    size_t table_count;

    /* Cells, filled by rag_sheet_load(): row-major, no duplicates. */
    rag_cell *cells;
    size_t cell_count;
    rag_row_info *rows;         /* rows with a height, style or hidden */
    size_t row_count;
} rag_sheet;

typedef struct rag_defined_name {
    const char *name;           /* "_xlnm.Print_Titles", "Totals", ... */
    const char *value;          /* "'WM8 Progress'!$14:$14" */
    int32_t sheet;              /* local to this sheet index, or -1 */
    bool hidden;
} rag_defined_name;

typedef struct rg_workbook_impl rg_workbook_impl;

typedef struct rag_workbook {
    const char *path;           /* as given to rag_workbook_open() */
    bool date1904;
    rag_sheet *sheets;          /* worksheets, in workbook order */
    size_t sheet_count;
    rag_style *styles;          /* cellXfs; index 0 always exists */
    size_t style_count;
    rag_defined_name *names;
    size_t name_count;
    unsigned features;          /* RAG_FEATURE_* across the workbook */
    bool has_macros;            /* a vbaProject part */
    bool has_chartsheets;       /* chart sheets, not read */
    uint32_t active_sheet;
    rg_workbook_impl *impl;
} rag_workbook;

/*
 * Caps on what a hostile file can make ragbook do.  0 takes the default.
 * Every cap counts for the whole workbook where the cost is the
 * workbook's (memory, time), so listing one part under many sheets or
 * reading a part again gains an attacker nothing.  Defaults, and why:
 */
/* One part: the largest real sheet we know inflates to ~200 MiB. */
#define RAG_LIMIT_PART_BYTES (4ull << 30)
/* All parts, across every read of them in one open workbook. */
#define RAG_LIMIT_TOTAL_BYTES (16ull << 30)
/* Inflated/compressed, as Apache POI; real parts stay under 60. */
#define RAG_LIMIT_RATIO 100u
/* Zip entries: the directory is read whole at open; real workbooks hold
 * tens to a few thousand. */
#define RAG_LIMIT_ENTRIES 100000u
/* Cells loaded at once, all sheets together: ~80 bytes each in memory,
 * so 50 million is ~4 GB, past any council workbook (Excel's own grid
 * holds 17 billion, but no workbook that size is read by anyone). */
#define RAG_LIMIT_CELLS 50000000ull
/* XML element depth: real parts nest under 20 deep. */
#define RAG_LIMIT_DEPTH 256u
/* Text made by translating shared formulas to their cells, per workbook:
 * a child cell of ~30 bytes in the file gets the master's whole text
 * shifted, so a 6 KB master over 30,000 cells made 180 MB (issue 16).
 * The corpus's largest is 117 KB; a 50,000-row tracker with a dozen
 * shared 50-character formulas a row makes 30 MB.  Translating is ~30 MB/s
 * (several times slower under ASan), so this also bounds the time. */
#define RAG_LIMIT_FORMULA_BYTES (32ull << 20)

typedef struct rag_read_limits {
    uint64_t part_bytes;    /* inflated size of one part */
    uint64_t total_bytes;   /* inflated size of all parts, every read */
    uint32_t ratio;         /* inflated/compressed above 4 MiB */
    uint32_t entries;       /* zip entries */
    uint64_t cells;         /* cells the workbook may load, all sheets */
    uint32_t depth;         /* XML element depth */
    uint64_t formula_bytes; /* shared formulas' translated text */
} rag_read_limits;

typedef struct rag_read_options {
    rag_read_limits limits;
} rag_read_options;

/*
 * Open the workbook at path: check it is an XLSX workbook, then read its
 * workbook part, relationships, styles, theme and shared strings.  Sheets
 * are listed but not read.  opts may be NULL for the defaults.
 *
 * On success *out is the workbook, to be freed with rag_workbook_free().
 * On failure *out is NULL, err says why (RAG_ERR_NOT_XLSX for a legacy
 * .xls, an encrypted workbook, CSV or an empty file; RAG_ERR_ZIP for a
 * truncated or corrupt zip; RAG_ERR_LIMIT for a zip bomb) and there is
 * nothing to free.
 */
RAG_API rag_status rag_workbook_open(const char *path,
                                     const rag_read_options *opts,
                                     rag_workbook **out, rag_error *err);

/* Open, then load every sheet: rag_workbook_open() + rag_sheet_load(). */
RAG_API rag_status rag_workbook_read(const char *path,
                                     const rag_read_options *opts,
                                     rag_workbook **out, rag_error *err);

/* Free wb and everything it owns.  NULL is a harmless no-op. */
RAG_API void rag_workbook_free(rag_workbook *wb);

/*
 * Called for each row that has settings (height, style, hidden), before the
 * row's cells, and for each cell with a value, a formula or a style, in
 * row-major order.  Return non-zero to stop the stream (the stream then
 * returns RAG_OK with err untouched).  The cell's text, formula and rich
 * runs of inline strings are valid during the callback only.
 */
typedef struct rag_cell_visitor {
    void *ctx;
    int (*on_row)(void *ctx, const rag_sheet *sheet, const rag_row_info *row);
    int (*on_cell)(void *ctx, const rag_sheet *sheet, const rag_cell *cell);
} rag_cell_visitor;

/*
 * Read sheet `index` in one streaming pass: each cell goes to the visitor
 * (which may be NULL to read only the settings), and the sheet's settings
 * (merges, columns, links, panes, ...) are filled in as they are met.  Most
 * of them follow the cells in the file, so they are complete only when the
 * call returns.  Memory does not grow with the number of rows.
 */
RAG_API rag_status rag_sheet_stream(rag_workbook *wb, size_t index,
                                    const rag_cell_visitor *visitor,
                                    rag_error *err);

/* Read sheet `index` into memory: settings, cells and rows.  Loading a
 * sheet twice is a no-op. */
RAG_API rag_status rag_sheet_load(rag_workbook *wb, size_t index,
                                  rag_error *err);

/*
 * Release the cells and rows rag_sheet_load() kept for sheet `index`, when
 * nothing will look at them again: the sheet's settings stay, and so do
 * the strings its cells pointed to (cell text and formulas live in the
 * workbook until rag_workbook_free()), but pointers to its rag_cell and
 * rag_row_info records are no longer valid.  The cells no longer count
 * against the limit on cells loaded at once.  rag_sheet_load() loads the
 * sheet again.  A NULL wb or an index out of range is a harmless no-op.
 */
RAG_API void rag_sheet_unload(rag_workbook *wb, size_t index);

/* The loaded cell at (row, col), 0-based, or NULL. O(log n). */
RAG_API const rag_cell *rag_sheet_cell(const rag_sheet *sheet, uint32_t row,
                                       uint32_t col);

/* The merged range that covers (row, col), or NULL. */
RAG_API const rag_range *rag_sheet_merge_at(const rag_sheet *sheet,
                                            uint32_t row, uint32_t col);

/* The sheet called name (exact, then ignoring ASCII case), or -1. */
RAG_API long rag_workbook_sheet_index(const rag_workbook *wb,
                                      const char *name);

/* The style of a cell; never NULL (falls back to style 0). */
RAG_API const rag_style *rag_cell_style(const rag_workbook *wb,
                                        const rag_cell *cell);

/* Write "A1"-style for 0-based (row, col) into buf (at least 12 bytes).
 * Returns buf. */
RAG_API char *rag_cell_ref_format(uint32_t row, uint32_t col, char *buf);

/* Parse "A1", "$A$1" or "a1" into 0-based (row, col).  Returns false for
 * anything else, including references beyond XFD1048576. */
RAG_API bool rag_cell_ref_parse(const char *ref, uint32_t *row,
                                uint32_t *col);

/* Parse "A1:B2" or "A1" into a range.  false if malformed. */
RAG_API bool rag_range_parse(const char *ref, rag_range *out);

/* Format a range as "A1:B2" ("A1" for one cell); buf >= 24 bytes. */
RAG_API char *rag_range_format(const rag_range *range, char *buf);

/*
 * A serial date (1900 or 1904 system) as "YYYY-MM-DD", or
 * "YYYY-MM-DDTHH:MM:SS" when it has a time part, into buf (>= 20 bytes).
 * Returns false for a serial outside 0..2958465 (1904 system: 0..2957003),
 * that is past 9999-12-31.
 */
RAG_API bool rag_serial_format(double serial, bool date1904, char *buf);

/* A serial date into its parts; false when out of range. */
RAG_API bool rag_serial_to_ymd(double serial, bool date1904, int *year,
                               int *month, int *day);

/* The 1900-system serial of a calendar day; false when no such day. */
RAG_API bool rag_ymd_to_serial(int year, int month, int day, double *serial);

/* true when the number format code formats numbers as dates or times. */
RAG_API bool rag_numfmt_is_date(uint32_t id, const char *code);

/* The code of a built-in number format (id 0..49), or NULL. */
RAG_API const char *rag_numfmt_builtin(uint32_t id);

#ifdef __cplusplus
}
#endif
#endif
