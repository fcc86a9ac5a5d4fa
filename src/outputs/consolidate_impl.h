/*
 * consolidate's parts: the inputs as read, the detail sheets (one per plan
 * kind, consolidate_sheets.c) and the Summary of formulas over them
 * (consolidate.c).  Internal.
 */
#ifndef RG_WRITE_CONSOLIDATE_IMPL_H
#define RG_WRITE_CONSOLIDATE_IMPL_H

#include "outputs/convert_impl.h"

/* One input. */
typedef struct rg_cs_file {
    const char *path;      /* as given */
    char *shown;           /* relative to the folder the inputs share: how
                              the sheets and findings name it */
    rag_workbook *wb;      /* NULL when unreadable or skipped */
    rag_model *m;
    char *link;            /* relative to the output's folder, or NULL */
    rag_findings *found;   /* what validation found, until merged */
    bool *dropped;         /* per plan of m: a duplicate left out (the
                              same plan is counted from another file);
                              NULL when none is */
} rg_cs_file;

/* Whether plan k of file f is counted (not a duplicate left out). */
static inline bool rg_cs_counted(const rg_cs_file *f, size_t k)
{
    return f->m && !(f->dropped && f->dropped[k]);
}

/* The detail sheets, in the order they are written after the Summary. */
enum { RG_CS_RECOVERY = 0, RG_CS_INDICATORS, RG_CS_TRACKERS, RG_CS_ACTIONS,
       RG_CS_SHEETS };

/* Columns of the detail sheets that the Summary's formulas read
 * (0-based). */
enum {
    RG_CS_R_DIRECTORATE = 2,
    RG_CS_R_BUDGET_PRIOR = 7,
    RG_CS_R_OUTTURN_PRIOR = 8,
    RG_CS_R_BUDGET = 9,
    RG_CS_R_PRESSURE = 10,
    RG_CS_R_MILESTONES = 11,
    RG_CS_R_SHARE = 12,
    RG_CS_R_Q1 = 13,        /* Q1..Q4: 13..16 */
    RG_CS_R_LATEST = 17,
    RG_CS_I_RAG = 10,
    RG_CS_A_STATUS = 7
};

extern const char *const rg_cs_sheet_names[RG_CS_SHEETS];

/* A column of a detail sheet: its title, and the width it gets, in
 * characters: at least min, as wide as its longest cell up to max; a
 * column that wraps shows longer text on more lines. */
typedef struct rg_cs_column {
    const char *title;
    double min, max;
    bool wrap;
} rg_cs_column;

#define RG_CS_MAX_COLUMNS 24

typedef struct rg_cs_ctx {
    rag_writer *w;
    rg_cs_file *files;
    size_t count;
    rag_wsheet *sheets[RG_CS_SHEETS];
    size_t rows[RG_CS_SHEETS]; /* data rows written on each */
    rag_wstyle header, text, wrap, link, money, percent, number, date,
        grey, total, total_money, total_pct;
    /* the sheet being written: its columns, the widest cell of each, and
     * the lines the row being written needs */
    const rg_cs_column *cols;
    size_t col_count;
    double widest[RG_CS_MAX_COLUMNS];
    double lines;
    rag_error *err;
} rg_cs_ctx;

/* The words a recovery plan's quarter or latest RAG is written as. */
const char *rg_cs_rag_words(rag_rating r);
/* What an action's status is written as: the standard words, "Not
 * reported", or RG_CS_HEADING for a heading row without one (not an
 * action: not counted on the Summary). */
#define RG_CS_HEADING "Heading (not counted)"
const char *rg_cs_status_words(const rag_action *a);
/* A recovery plan's quarter q (1..4) RAG, and its latest given. */
rag_rating rg_cs_quarter(const rag_plan *p, int q);
rag_rating rg_cs_latest(const rag_plan *p);
/* A recovery plan's money in pounds for column col (RG_CS_R_BUDGET_PRIOR
 * .. RG_CS_R_MILESTONES); *has (may be NULL) says whether it is known. */
double rg_cs_money(const rag_plan *p, uint32_t col, bool *has);
/* The directorate a plan is counted under. */
const char *rg_cs_directorate(const rag_plan *p);

rag_status rg_cs_styles(rg_cs_ctx *c);
/* Write the four detail sheets. */
rag_status rg_cs_details(rg_cs_ctx *c);
/* Write the Summary over them (after rg_cs_details()); as_of_given says
 * whether rep->as_of came from the options. */
rag_status rg_cs_summary(rg_cs_ctx *c, rag_wsheet *ws,
                         const rag_consolidate_report *rep, bool as_of_given);

#endif
