/*
 * convert's Summary sheet, shared by summary.c (the top, the plans table,
 * the chart) and summary_overdue.c (the overdue list).  Internal.
 */
#ifndef RG_WRITE_SUMMARY_IMPL_H
#define RG_WRITE_SUMMARY_IMPL_H

#include "outputs/convert_impl.h"

#define RG_SUM_COLUMNS 12 /* statuses and RAGs the Summary may count */

typedef struct rg_sum_column {
    bool rating;
    int value; /* rag_progress or rag_rating */
    const char *words;
} rg_sum_column;

typedef struct rg_sum {
    rag_writer *w;
    rag_wsheet *ws;
    const rg_cv_summary_in *in;
    rg_cv_counts *counts; /* per plan */
    const rg_sum_column *cols[RG_SUM_COLUMNS];
    size_t ncols;
    rag_wstyle title, text, top, wrap, wrap_center, header, link, zero, date,
        bold;
    rg_buf buf, loc;
    rag_error *err;
} rg_sum;

/* Text t at (r, c) in style st; guard: through rg_cv_guard(). */
rag_status rg_sum_put(rg_sum *s, uint32_t r, uint32_t c, const char *t,
                      rag_wstyle st, bool guard);
/* A link to (at) on input sheet `sheet`, showing its name (and the cell
 * with cell_too). */
rag_status rg_sum_link(rg_sum *s, uint32_t r, uint32_t c, size_t sheet,
                       rag_loc at, bool cell_too);
/* The overdue actions and milestones from row r. */
rag_status rg_sum_overdue(rg_sum *s, uint32_t r);

#endif
