/*
 * One input sheet's update (convert_sheet.c plans it and changes cells on
 * their way; convert_columns.c writes what is added once the sheet's
 * cells are copied).  Internal to those two files.
 */
#ifndef RG_WRITE_CONVERT_SHEET_H
#define RG_WRITE_CONVERT_SHEET_H

#include "outputs/convert_impl.h"
#include "outputs/look.h"

typedef struct cv_row {
    uint32_t row;
    const rag_plan *plan;
    const rag_action *action;
} cv_row;

typedef struct cv_mark {  /* a RAG cell of a form */
    uint32_t row, col;
    rag_rating rating;
} cv_mark;

typedef struct cv_table {
    const rag_plan *plan;
    uint32_t col;         /* "Past its due date?"; col + 1: the status */
    uint32_t first_row;
    bool colour;          /* the status cells may take the key's colours */
} cv_table;

struct rg_cv_sheet {
    rg_cv_env env;
    size_t index;
    rag_sheet *in;
    const rag_range *old;
    size_t old_count;
    cv_row *rows;
    size_t row_count, row_cap;
    cv_mark *marks;
    size_t mark_count, mark_cap;
    cv_table *tables;
    size_t table_count, table_cap;
    rg_cv_cellout *cells;
    size_t cell_count, cell_cap;
    rag_range *blocks;
    size_t block_count, block_cap;
    rg_arena arena;
    size_t pos;           /* the sheet's position in the editor */
    rag_wstyle *xf_from;  /* side-writer styles already given a format */
    int64_t *xf_to;
    size_t xf_count, xf_cap;
    char code_buf[RG_LOOK_CODE_SIZE]; /* the month code being written */
};

/* The table's first header row (its title block is above it). */
uint32_t rg_cv_first_header(const rag_plan *p);

/* What is added once the cells are changed: computed columns, the checks
 * beside forms, column widths, drop-down lists. */
rag_status rg_cv_sheet_done(rg_cv_sheet *s, rag_error *err);

/* The package's cell format for a style made in the side writer
 * (RAG_WSTYLE_NONE: -1, the cell's own). */
rag_status rg_cv_xf(rg_cv_sheet *s, rag_wstyle ws, int64_t *xf,
                    rag_error *err);

/* A text cell added or changed. */
rag_status rg_cv_put_text(rg_cv_sheet *s, uint32_t row, uint32_t col,
                          const char *text, rag_wstyle style,
                          rag_error *err);

#endif
