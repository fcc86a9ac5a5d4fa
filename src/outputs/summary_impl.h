/*
 * The Summary sheet, in parts: summary.c (the top, the findings line,
 * styles, printing), summary_actions.c (trackers and action plans: counts
 * by status in the key's words, the status chart, the month codes),
 * summary_indicators.c (each indicator's target, actual, variance and
 * RAG), summary_recovery.c (pressure, milestones, shortfall or cover, the
 * quarters, the money chart) and summary_overdue.c (the overdue list).
 * Each part writes from s->row down and leaves s->row below what it
 * wrote.  Internal.
 */
#ifndef RG_OUTPUTS_SUMMARY_IMPL_H
#define RG_OUTPUTS_SUMMARY_IMPL_H

#include "outputs/convert_impl.h"
#include "outputs/look.h"

/* Columns: A the sheet (linked), B kind or code, C the title or the item,
 * then numbers from D, each as wide as SUM_NUM_WIDTH. */
#define SUM_COL_SHEET 0u
#define SUM_COL_KIND 1u
#define SUM_COL_TITLE 2u
#define SUM_COL_FIRST 3u
#define SUM_LAST_COL 13u /* the widest table: 7 statuses + 3, from D */

#define SUM_ZERO_INK 0x767676u /* grey that still reads 4.5:1 on white */
#define SUM_LINK_INK 0x0563C1u

typedef struct rg_sum {
    rag_writer *w;
    rag_wsheet *ws;
    const rg_cv_summary_in *in;
    rg_cv_counts *counts; /* per plan */
    size_t *findings;     /* per plan: findings about its cells */
    rag_wstyle title, section, text, bold, top, wrap, header, header_num,
        link, link_num, zero, count, date, note, money, money_bold,
        count_bold, wrap_center;
    rg_buf buf, loc;
    uint32_t row;         /* the next row to write */
    double width[SUM_LAST_COL + 1]; /* at least what each header needs */
    rag_error *err;
} rg_sum;

/* Text t at (r, c) in style st, as it is: recognition skips the Summary
 * by its marker (_ragbook_summary), so no word in it reads as a plan. */
rag_status rg_sum_put(rg_sum *s, uint32_t r, uint32_t c, const char *t,
                      rag_wstyle st);
rag_status rg_sum_num(rg_sum *s, uint32_t r, uint32_t c, double v,
                      rag_wstyle st);
/* A link to (at) on input sheet `sheet`, showing its name (and the cell
 * with cell_too). */
rag_status rg_sum_link(rg_sum *s, uint32_t r, uint32_t c, size_t sheet,
                       rag_loc at, bool cell_too);
/* n findings, linked to the Issues sheet (grey 0 when none). */
rag_status rg_sum_findings(rg_sum *s, uint32_t r, uint32_t c, size_t n);
/* rg_look_status_words() for plan p of the model, from the words kept
 * (in->words) when the input's cells are released. */
const char *rg_sum_status_words(const rg_sum *s, const rag_plan *p,
                                rag_progress q, char *buf, size_t size);
/* A bold section heading at s->row; s->row moves below it. */
rag_status rg_sum_section(rg_sum *s, const char *title);
/* A paragraph across the page at s->row, wrapped; s->row moves on. */
rag_status rg_sum_note(rg_sum *s, const char *text);
/* A header cell: text left for words, centred over numbers. */
rag_status rg_sum_head(rg_sum *s, uint32_t r, uint32_t c, const char *t,
                       bool over_numbers);
/* A centred cell filled with fill, its text in the ink that reads best;
 * numfmt may be NULL. */
rag_status rg_sum_filled(rg_sum *s, uint32_t fill, bool bold,
                         const char *numfmt, rag_wstyle *out);
/* A row tall enough for chars characters of text in a column of width
 * characters. */
rag_status rg_sum_fit_row(rg_sum *s, uint32_t r, size_t chars,
                          double width);

/* The parts, each from s->row. */
rag_status rg_sum_actions(rg_sum *s);
rag_status rg_sum_indicators(rg_sum *s);
rag_status rg_sum_recovery(rg_sum *s);
rag_status rg_sum_overdue(rg_sum *s);

#endif
