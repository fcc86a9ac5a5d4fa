/*
 * Recognition: from a loaded sheet's words and shape to plans.  Layout
 * (where things are: headers, legends, label/value pairs) is here and in
 * table.c, legend.c, form.c; words are in vocab.c; the parsers in
 * parse_*.c; what goes into the model in rows.c, indicator.c, recovery.c;
 * build.c runs them over a workbook.
 */
#ifndef RG_RECOGNISE_H
#define RG_RECOGNISE_H

#include "model/model_impl.h"
#include "recognise/parse.h"
#include "recognise/vocab.h"

/* ---- a sheet as recognition sees it (view.c) -------------------------- */

typedef struct rg_view {
    const rag_workbook *wb;
    const rag_sheet *sheet;
    size_t index;
    uint32_t rows, cols;    /* one past the last used row and column */
    const rag_cell *cells;  /* the sheet's cells as recognition sees them */
    rag_cell *owned;        /* cells when some were masked, else NULL */
    size_t *row_start;      /* cells of row r: [row_start[r], row_start[r+1]) */
    uint32_t *claim_lo;     /* per row: the columns a plan has taken, */
    uint32_t *claim_hi;     /* lo..hi; lo > hi when none */
    struct rg_norm_cache *norms; /* rg_norm_cell's; NULL: none (no memory) */
    bool paged;             /* the sheet is paged (read/pages.h): cells come
                               from its cache, not from `cells` */
    rag_range *mask;        /* paged: the ranges convert marked as its own */
    size_t mask_count;
    struct rg_masked_rows *masked; /* paged and masked: rows copied */
    struct rg_merge_index *merge_index; /* merges.c; NULL: none, or no
                                           memory (then the sheet's list) */
} rg_view;

/* merges.c: which merged range holds a cell, by row (see there). */
typedef struct rg_merge_index rg_merge_index;
rg_merge_index *rg_merge_index_new(const rag_sheet *s);
void rg_merge_index_free(rg_merge_index *x);
const rag_range *rg_merge_index_at(const rg_merge_index *x, uint32_t r,
                                   uint32_t c);

/* Index sheet `index` of wb (which must be loaded).  What ragbook itself
 * wrote into a workbook is not read: a sheet named by the defined name
 * _ragbook_summary or _ragbook_issues reads as empty, and so do the cells
 * inside the ranges of the sheet's _ragbook_computed_* names (the columns
 * `convert` adds), so converting an output again gives the same plans.
 * false when out of memory. */
bool rg_view_init(rg_view *v, const rag_workbook *wb, size_t index);
void rg_view_free(rg_view *v);

const rag_cell *rg_cell_at(const rg_view *v, uint32_t r, uint32_t c);
/* The cells of row r, and how many.  On a paged sheet (read/pages.h) the
 * pointer, and rg_cell_at's, lives only until other rows are read: a
 * loop over a row's cells that reads other rows on the way asks for each
 * column afresh (rg_row_col), and keeps no cell pointer across them. */
const rag_cell *rg_row_cells(const rg_view *v, uint32_t r, size_t *count);
/* How many cells row r has. */
size_t rg_row_count(const rg_view *v, uint32_t r);
/* The column of row r's cell i (i below rg_row_count's). */
uint32_t rg_row_col(const rg_view *v, uint32_t r, size_t i);

/* The text of a string cell, trimmed, or NULL (also for blank text). */
const char *rg_text(const rg_view *v, uint32_t r, uint32_t c, size_t *len);
/* As rg_text, but a cell inside a merged range reads its top-left. */
const char *rg_text_merged(const rg_view *v, uint32_t r, uint32_t c,
                           size_t *len);
/* The normal form of the cell's text into buf ("" when none). */
const char *rg_norm_at(const rg_view *v, uint32_t r, uint32_t c, char *buf,
                       size_t size);
/* rg_norm(t, len, buf, size), remembered for the view's life: each
 * recogniser asks for the normal form of the same headings and labels in
 * turn, and normalising them again was a tenth of a bulk validate.  t must
 * point into the text of a cell of v's workbook (what rg_text or
 * rg_text_merged gave, or part of it), which does not change while v
 * lives: the cache is keyed by (t, len), not by the bytes.  The result is
 * rg_norm's, byte for byte, whatever size is (a shorter buf gets the
 * prefix rg_norm would write).  Returns buf. */
const char *rg_norm_cell(const rg_view *v, const char *t, size_t len,
                         char *buf, size_t size);
/* rg_parse_month_label and rg_parse_quarter of cell text (as for
 * rg_norm_cell), through the view's normal forms. */
bool rg_month_label_cell(const rg_view *v, const char *t, size_t len,
                         int *month, int *year);
int rg_quarter_cell(const rg_view *v, const char *t, size_t len);
/* true when the cell holds a value (text that is not blank, a number, a
 * date, a bool or an error). */
bool rg_has_value(const rg_view *v, uint32_t r, uint32_t c);
/* A solid fill's colour, or RAG_NO_COLOR (white counts as none). */
uint32_t rg_fill(const rg_view *v, uint32_t r, uint32_t c);
/* Bold or underlined, by the cell's font or by all its rich-text runs. */
bool rg_bold(const rg_view *v, uint32_t r, uint32_t c);
/* The font colour of a cell that holds one symbol and nothing else ("●",
 * "■", "▲", or a Wingdings letter), else RAG_NO_COLOR: such a cell says
 * its status by that colour, as a filled one does by its fill. */
uint32_t rg_symbol_colour(const rg_view *v, uint32_t r, uint32_t c);
bool rg_underlined(const rg_view *v, uint32_t r, uint32_t c);
/* The merged range that holds (r, c), or NULL: rag_sheet_merge_at in
 * O(log k) (merges.c). */
const rag_range *rg_merge_at(const rg_view *v, uint32_t r, uint32_t c);
/* Column after the merged range (r, c) is in, or c + 1. */
uint32_t rg_after_merge(const rg_view *v, uint32_t r, uint32_t c);
/* The first column > c of row r (up to limit, inclusive) that has a value,
 * skipping the merge of (r, c); -1 when none. */
int32_t rg_next_value(const rg_view *v, uint32_t r, uint32_t c,
                      uint32_t limit);

/* The value as text, as a reader sees it: strings as written, numbers in
 * shortest form ("90%" under a percent format), dates YYYY-MM-DD. "" when
 * empty.  In the model's arena; NULL when out of memory. */
char *rg_value_text(rag_model *m, const rg_view *v, uint32_t r, uint32_t c);
/* A number cell in a ref column as it shows: with the decimals its format
 * fixes, where it has a fraction ("1.10" of 1.1 shown "0.00"). */
const char *rg_ref_number(const rg_view *v, const rag_cell *c, char *buf,
                          size_t size);
/* A date cell, a date serial, or dates written as text (rg_parse_when). */
rg_when rg_when_at(const rg_view *v, uint32_t r, uint32_t c);
/* A figure from a number cell (its format says percent, £, decimals) or
 * from text (rg_parse_figure).  *rest (may be NULL) gets the offset in the
 * cell's text of the words after a figure written as text (or 0). */
bool rg_figure_at(const rg_view *v, uint32_t r, uint32_t c, rg_figure *f,
                  size_t *rest);

/* The report date written in rows [r0, r1): "Date: 7 September 2009",
 * "as at", "Report date", "Position at".  Its cell in *cell. */
bool rg_report_date(const rg_view *v, uint32_t r0, uint32_t r1,
                    rag_date *out, rag_loc *cell);

rag_loc rg_loc(uint32_t r, uint32_t c);

/* Cells a plan has taken are not read again (as a legend, a form, a report
 * date).  A table takes its columns; a form takes whole rows (c1 may be
 * UINT32_MAX). */
void rg_claim(rg_view *v, uint32_t r, uint32_t c0, uint32_t c1);
bool rg_claimed(const rg_view *v, uint32_t r, uint32_t c);
bool rg_row_claimed(const rg_view *v, uint32_t r);
void rg_unclaim_all(rg_view *v);

/* ---- legends (legend.c) ----------------------------------------------- */

/* The legend entries of a sheet (rows not claimed): a status word beside
 * (or inside) a coloured cell, in a group of two or more.  Entries go to
 * *out (a heap array the caller frees); returns false when out of memory.
 * Labels are in the model's arena. */
bool rg_find_legend(rag_model *m, const rg_view *v, rag_legend_entry **out,
                    size_t *count);

/* A key written in words that name colours, "Key: Green = on track;
 * Amber = at risk; Red = off track; Blue = complete", in one cell or one
 * entry a cell: entries with by_name set, fill the colour's usual shade.
 * Called when the sheet has no key of coloured cells.  As rg_find_legend
 * for *out and the return. */
bool rg_find_named_legend(rag_model *m, const rg_view *v,
                          rag_legend_entry **out, size_t *count);

/* s[0..len) could be a key's code: "G", "RP", "B/G" (at most three
 * letters, digits, '/', '*' or '+', one a letter). */
bool rg_key_code(const char *s, size_t len);

/* The status a code means in a legend ("G" of "G = On track"), or NONE. */
rag_progress rg_legend_code(const rag_legend_entry *legend, size_t count,
                            const char *text, size_t len);

/* The status a fill means in a legend, or NONE. */
rag_progress rg_legend_status(const rag_legend_entry *legend, size_t count,
                              uint32_t fill);

/* ---- tables (table.c) ------------------------------------------------- */

typedef struct rg_month_col {
    uint32_t col;
    int month, year;        /* year 0 until resolved */
} rg_month_col;

/* The months a tracker keeps: a year, or two where every month heading
 * writes its year ("April 2024" .. "September 2025"). */
#define RG_MONTHS_MAX 24

/* Status columns one a period a table keeps ("Q1 Status | Q2 Status"). */
#define RG_STATUS_PERIODS 8

typedef struct rg_table {
    rag_plan_kind kind;     /* TRACKER or ACTION */
    uint32_t header_row;    /* the (last) header row of the first page */
    uint32_t first_col, last_col;
    int32_t col[RG_COL_ROLES]; /* column of each role, or -1 */
    int32_t revised_due;    /* revised dates beside col[RG_COL_DUE], or -1 */
    int32_t pct_done;       /* a "% complete" column, or -1 */
    int32_t done_date;      /* a "Date completed" column, or -1 */
    int32_t status_beside;  /* a second status column ("Status | RAG"),
                               or -1 */
    int32_t status_by_period[RG_STATUS_PERIODS]; /* left to right */
    size_t status_period_count;
    bool status_by_quarter; /* bare "Q1 | Q2 | ..." headings: a status
                               column only if they hold words or colours */
    int32_t comment_by_period[RG_STATUS_PERIODS]; /* "Q1 Update | ..." */
    size_t comment_period_count;
    rg_month_col months[RG_MONTHS_MAX];
    size_t month_count;
    int fy_start;           /* from the header rows ("2009/10"), or 0 */
    uint32_t *headers;      /* every header row, repeats included (heap) */
    size_t header_count;
    uint32_t block_start;   /* first row of its title block */
    uint32_t end_row;       /* one past its last row */
} rg_table;

/* The tables on a sheet, top to bottom (side by side left to right).
 * Repeated headers with the same columns and title continue a table.
 * Returns false when out of memory; free with rg_tables_free(). */
bool rg_find_tables(const rg_view *v, rg_table **out, size_t *count);
void rg_tables_free(rg_table *t, size_t count);

/* ---- table rows into actions (rows.c) --------------------------------- */

typedef struct rg_context {
    rag_date report_date;   /* found in the workbook, or year 0 */
    rag_date as_of;         /* the date everything is judged at */
    double tolerance;       /* the option's, or <= 0 */
    const rag_legend_entry *wb_legend; /* a Key sheet's, for sheets with
                                          none of their own */
    size_t wb_legend_count;
} rg_context;

/* Build the plan of table t: title block, actions, months (statuses come
 * later, rg_apply_legend).  Claims the rows used. */
rag_status rg_table_plan(rag_model *m, rg_view *v, const rg_table *t,
                         rag_plan *p, const rg_context *cx);

/* Give each action of table t's plan the group it sits under, and say
 * whether its refs start afresh in each group (groups.c). */
rag_status rg_action_groups(rag_model *m, const rg_view *v,
                            const rg_table *t, rag_plan *p);

/* Give a tracker's months their statuses from the legend, and each action
 * its status at cx->as_of. */
rag_status rg_apply_legend(rag_model *m, const rg_view *v, rag_plan *p,
                           const rag_legend_entry *legend, size_t count,
                           const rg_context *cx);

/* ---- scorecards (scorecard.c) ------------------------------------------ */

/* a year of months, each "Target | Actual | RAG" under its name (36
 * columns), with room to spare */
#define RG_SC_MAX_PERIODS 48

typedef struct rg_sc_period {
    uint32_t col;
    int quarter;            /* 1..4, or 0 */
    int month, year;        /* a month column (year 0 when not written) */
    int fy;                 /* a financial year written with it, or 0 */
    int32_t rag_col;        /* its own RAG column ("Q2 RAG"), or -1 */
    int32_t target_col;     /* its own target ("Q2 Target"), or -1 */
} rg_sc_period;

typedef struct rg_scorecard {
    uint32_t header_row, end_row;
    uint32_t first_col, last_col;
    int32_t col[RG_SC_ROLES]; /* column of each rg_sc_role, or -1 */
    rg_sc_period periods[RG_SC_MAX_PERIODS];
    size_t period_count;
    int roles, unknown;     /* headings with a role, headings without */
    bool actual_to_date;    /* the actual column is the year's so far
                               ("Year to date", "YTD Actual") */
    bool target_to_date;    /* so is the target ("Target to date") */
    int32_t frequency_col;  /* "Frequency": how often a row is reported,
                               or -1 */
} rg_scorecard;

/* The scorecards of a sheet, top to bottom (heap array). */
bool rg_find_scorecards(const rg_view *v, rg_scorecard **out, size_t *count);
/* Does a figure stand as a total to date would against the year's
 * target, at year_share of the year (Q2: 0.5)?  Council tax collected
 * 57% of 97% at Q2 does; 87% of 90% does not.  The one rule for
 * scorecards' quarters and "Year to date" columns and forms' "Actual
 * (Q2 cumulative)". */
bool rg_share_to_date(double value, double target, double year_share);
/* Build the plan of scorecard s; claims its rows. */
rag_status rg_scorecard_plan(rag_model *m, rg_view *v, const rg_scorecard *s,
                             const rg_context *cx);

/* ---- forms (form.c, indicator.c, recovery.c) -------------------------- */

typedef struct rg_pair {
    int role;               /* rg_label, or -1 */
    int fin;                /* rg_fin_word found in the label, or -1 */
    uint32_t row, col;      /* the label */
    int32_t vrow, vcol;     /* the value, or -1 */
    int32_t note_col;       /* plain words after the value, or -1 */
    const char *label;      /* raw label text (before an inline ':') */
    size_t label_len;
    const char *inline_value; /* "Label: value" in one cell, else NULL */
    size_t inline_len;
    char norm[160];
} rg_pair;

/* Label/value pairs in unclaimed rows [r0, r1); heap array. */
bool rg_form_pairs(const rg_view *v, uint32_t r0, uint32_t r1,
                   rg_pair **out, size_t *count);
/* The value of a pair as text (model arena), "" when it has none. */
char *rg_pair_value(rag_model *m, const rg_view *v, const rg_pair *p);
/* Add the pairs to p->fields. */
rag_status rg_pairs_to_fields(rag_model *m, const rg_view *v,
                              const rg_pair *pairs, size_t count,
                              rag_plan *p);
/* The heading above row r (bold text that is no label), or -1. */
int32_t rg_heading_above(const rg_view *v, uint32_t r0, uint32_t r,
                         uint32_t *col);

/* Recognise indicator and recovery plans in the unclaimed rows of v. */
rag_status rg_find_forms(rag_model *m, rg_view *v, const rg_context *cx);

rag_status rg_indicator_plan(rag_model *m, const rg_view *v,
                             const rg_pair *pairs, size_t count,
                             uint32_t r0, uint32_t r1, const rg_context *cx);
/* Row r heads a recovery plan's milestone table: the milestone's words
 * and an amount ("Milestone | Amount | Target date | Owner"). */
bool rg_milestone_header(const rg_view *v, uint32_t r);
/* The sheet is a recovery form: finance labels with figures, or a
 * recovery plan's heading with quarters or a figure (cells not claimed). */
bool rg_recovery_sheet(const rg_view *v);
rag_status rg_recovery_plan(rag_model *m, rg_view *v, uint32_t r0,
                            uint32_t r1, const rg_context *cx);

/* Shared by indicator forms and scorecards (indicator.c): the code in an
 * indicator's title ("... - DP 11", "... (NI 181)") or NULL; the unit its
 * words name; the amber band rows [r0, r1) state ("within 5%"), or 0. */
const char *rg_title_code(rag_model *m, const char *title);
rag_unit rg_title_unit(const char *title);
double rg_stated_tolerance(const rg_view *v, uint32_t r0, uint32_t r1);
/* Text that explains the RAG scheme rather than stating one rating or a
 * reason: two colours each with what it means ("Green: on target; Amber
 * ..."), or, when band_alone, one colour defined by a band ("Amber where
 * performance is within 5% of the target").  "Moved from red to amber"
 * is neither. */
bool rg_key_text(const char *t, size_t len, bool band_alone);

/* A new plan appended to m (zeroed, sheet filled in), or NULL. */
rag_plan *rg_add_plan(rag_model *m, const rg_view *v, rag_plan_kind kind);

#endif
