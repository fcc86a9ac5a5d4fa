/*
 * ragbook model: the plans a council workbook holds, normalised.
 *
 * A model is built from a read workbook (rag_workbook_read()) by
 * recognition: each sheet's words and shape say whether it holds a
 * monthly tracker, an action plan, a performance action plan for one
 * indicator, or a deficit recovery plan, and where.  Validation and the
 * writers work on this model, never on fixed cell addresses.
 *
 * Ownership: every string and array of a model belongs to it and lives
 * until rag_model_free().  The model borrows the workbook it was built from
 * (wb) for its cell addresses and sheets: free the model first.
 */
#ifndef RAGBOOK_MODEL_H
#define RAGBOOK_MODEL_H

#include <stdio.h>

#include "ragbook/grid.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rag_plan_kind {
    RAG_PLAN_TRACKER = 0, /* monthly progress tracker, coloured months */
    RAG_PLAN_ACTION,      /* Ref / Action / Who / When / Position */
    RAG_PLAN_INDICATOR,   /* performance action plan for one indicator */
    RAG_PLAN_RECOVERY,    /* deficit recovery plan */
    RAG_PLAN_SCORECARD    /* a table of indicators, one a row */
} rag_plan_kind;

/* An action's progress, as a tracker's legend names it.  RAG_PROGRESS_NONE
 * means not known. */
typedef enum rag_progress {
    RAG_PROGRESS_NONE = 0,
    RAG_PROGRESS_PROGRAMMED,
    RAG_PROGRESS_ON_TARGET,
    RAG_PROGRESS_ONE_MONTH_BEHIND,
    RAG_PROGRESS_OVER_ONE_MONTH_BEHIND,
    RAG_PROGRESS_REPROGRAMMED,
    RAG_PROGRESS_SUSPENDED,
    RAG_PROGRESS_COMPLETE
} rag_progress;
#define RAG_PROGRESS_COUNT 8

typedef enum rag_rating {
    RAG_RATING_NONE = 0, RAG_RATING_RED, RAG_RATING_AMBER, RAG_RATING_GREEN
} rag_rating;

typedef enum rag_unit {
    RAG_UNIT_NONE = 0, RAG_UNIT_PERCENT, RAG_UNIT_DAYS, RAG_UNIT_COUNT,
    RAG_UNIT_GBP
} rag_unit;

typedef enum rag_direction {
    RAG_HIGHER_IS_BETTER = 0, RAG_LOWER_IS_BETTER, RAG_WITHIN_BAND
} rag_direction;

/* A calendar day; year 0 means none. */
typedef struct rag_date {
    int year, month, day;
} rag_date;

/* Where something is: 0-based row and column on the plan's sheet. */
typedef struct rag_loc {
    uint32_t row, col;
    bool set;
} rag_loc;

typedef struct rag_field {
    const char *label;      /* verbatim, trimmed */
    const char *value;      /* verbatim text of the value ("90%", dates as
                               YYYY-MM-DD), or "" when empty */
    rag_loc label_cell, value_cell;
} rag_field;

typedef struct rag_legend_entry {
    rag_progress status;
    const char *label;      /* the council's own words */
    uint32_t fill;          /* RGB */
    rag_loc cell;           /* the coloured cell */
    size_t sheet_index;     /* the sheet it is on: a "Key" sheet's legend
                               serves the trackers of other sheets */
    const char *code;       /* the letters month cells hold for it ("G" of
                               "G = On track"), or NULL */
    bool by_name;           /* the key names the colour in words ("Green =
                               on track") and fill is that colour's usual
                               shade: cells of any shade of it match */
} rag_legend_entry;

typedef struct rag_month {
    int year, month;        /* 2009, 4 for April 2009 */
    rag_progress status;    /* NONE when the fill is not in the legend */
    uint32_t fill;          /* RGB of the cell (RAG_NO_COLOR for a cell
                               read by its letters or words alone) */
    rag_loc cell;
} rag_month;

typedef struct rag_action {
    const char *ref;        /* "R1a"; "R1" for a parent row "25.1 (R1)" */
    const char *parent;     /* "R1" for "R1a"; NULL for a parent row */
    const char *text;
    const char **leads;     /* people, split as a reader would */
    size_t lead_count;
    rag_date due;           /* year 0 when none or not one plain date */
    const char *due_text;   /* the words when not one plain date, else NULL */
    bool due_invalid;       /* written as a date that is no date (31/09) */
    bool closed;            /* ended without being done: "Withdrawn",
                               "Superseded", "No longer required" in its
                               status or at the start of its comment; so
                               never overdue (not in the JSON: status says
                               what the words do) */
    rag_month *months;      /* each coloured month cell, in column order */
    size_t month_count;
    rag_progress status;    /* at the as-of date, or NONE: the status of
                               the latest month at or before it with a
                               known status; an action plan's status
                               column's words (or colour); COMPLETE when
                               the comment starts "Complete(d)" */
    const char *comment;
    bool is_parent;         /* a heading row for its children: other refs
                               name it as parent, or it is bold or
                               underlined with no lead */
    rag_loc cell;           /* the ref cell */
    rag_loc lead_cell, due_cell, comment_cell;
    const char *group;      /* what the row sits under, where its refs may
                               start afresh: the text of the nearest
                               column left of the ref ("Payroll 2022/23"
                               under "Audit"), else of the heading row
                               above it; or NULL (not in the JSON) */
} rag_action;

/* One period's figure of a scorecard row: "Q1", 0.91. */
typedef struct rag_value {
    const char *period;     /* "Q1".."Q4", "2023-04" for a month, else the
                               heading as written */
    double value;           /* in the indicator's unit (90% is 0.9) */
    rag_loc cell;
} rag_value;

typedef struct rag_indicator {
    const char *title;
    const char *code;       /* "DP 11", "CP2", or NULL */
    bool has_target, has_actual;
    double target, actual;  /* percentages as fractions: 90% is 0.9 */
    rag_unit unit;
    rag_direction direction;
    double variance;        /* actual - target when both are known */
    bool has_stated_variance;
    double stated_variance;
    int stated_decimals;    /* decimals the sheet shows the variance to, in
                               the unit shown (1 for "-18.4%"); -1 unknown */
    rag_rating rag;         /* computed; NONE without target and actual */
    rag_rating stated_rag;  /* what the sheet says, or NONE */
    double tolerance;       /* the amber band used, as a fraction */
    const char *period;     /* "Quarterly figure at end of Q2", or NULL */
    const char *reason;     /* non-compliance reason / narrative, or NULL */
    bool data_only;         /* marked "data only" or "contextual" */
    rag_loc cell;           /* where the indicator starts (its title; a
                               scorecard row's code) */
    rag_loc target_cell, actual_cell, variance_cell, rag_cell;
    /* scorecards: each period column with a value, in column order (the
     * actual is the last), the stated direction of travel in words, the
     * commentary (also the reason) */
    rag_value *values;
    size_t value_count;
    const char *travel;
    const char *comment;
    rag_loc travel_cell, comment_cell;
    bool to_date;           /* a scorecard's total to date (29%, 57%, 84%
                               at Q1-Q3) against the year's target, before
                               the year's last quarter, or each quarter's
                               own count against it (61,000, 66,000 of
                               250,000): the year's target cannot rate it
                               yet, so rag is NONE and no stated RAG is
                               contradicted */
    bool not_due;           /* no figure is owed this period: the sheet
                               says "Annual measure", "Not due" or "N/A"
                               where it goes, or reports the row annually
                               and the year has not ended, or answers a
                               yes/no measure in words ("Yes", "Not
                               achieved") */
} rag_indicator;

typedef struct rag_milestone {
    const char *text;
    bool has_amount;
    double amount;          /* pounds */
    rag_date due;
    const char *due_text;   /* "2023/2024" and other words, else NULL */
    bool due_invalid;
    rag_loc cell, amount_cell, due_cell;
} rag_milestone;

typedef struct rag_period {
    const char *label;      /* "Q1".."Q4" */
    rag_date end;           /* as written, even when outside the year */
    bool end_invalid;       /* written as a date that is no date */
    rag_rating rag;         /* GREEN/AMBER/RED as given, or NONE */
    const char *narrative;  /* or NULL */
    rag_loc cell, rag_cell, narrative_cell;
} rag_period;

typedef struct rag_finance {
    double unit;            /* 1000 for £'000, 1 for £ */
    const char *year;       /* "2023/24" */
    int year_start;         /* 2023 for 2023/24; 0 when not known */
    bool has_budget_prior, has_outturn_prior, has_budget, has_pressure;
    double budget_prior, outturn_prior, budget, pressure; /* in the unit */
    const char *cost_centre;
    const char *directorate;
    const char *reference;  /* "FRB/23/007" */
    rag_loc budget_prior_cell, outturn_prior_cell, budget_cell,
        pressure_cell;
} rag_finance;

typedef struct rag_plan {
    rag_plan_kind kind;
    const char *sheet;      /* the sheet's name */
    size_t sheet_index;
    rag_loc cell;           /* where the plan starts */
    rag_range range;        /* the cells the plan spans */
    const char *title, *owner; /* or NULL */
    rag_date as_of;         /* the report date found on the plan, or 0 */
    rag_field *fields;
    size_t field_count;
    rag_legend_entry *legend;
    size_t legend_count;
    rag_action *actions;
    size_t action_count;
    rag_indicator *indicators;
    size_t indicator_count;
    rag_milestone *milestones;
    size_t milestone_count;
    rag_period *periods;
    size_t period_count;
    rag_finance *finance;   /* recovery plans; NULL otherwise */

    /* Table layout, for writers that add columns and validation that
     * points at cells: rows of the table's header(s), and its columns. */
    uint32_t *header_rows;
    size_t header_row_count;
    uint32_t last_col;      /* the table's rightmost column */
    int32_t status_col;     /* a written status/RAG column, or -1 */
    bool refs_by_group;     /* refs start afresh in each group (one "1"
                               under each audit), so a ref names a row
                               only with its group: the ref rules and
                               merge compare the two together */
} rag_plan;

typedef struct rag_model_options {
    rag_date as_of;         /* year 0: the workbook's report date, else
                               today */
    double tolerance;       /* amber band as a fraction (--tolerance), for
                               workbooks that state none of their own;
                               <= 0 gives 0.10 */
    rag_date today;         /* year 0: the system's date */
} rag_model_options;

typedef struct rg_model_impl rg_model_impl;

typedef struct rag_model {
    const char *file;
    const rag_workbook *wb; /* borrowed */
    rag_date as_of;         /* the date everything is judged at */
    bool as_of_given;       /* from the options */
    bool as_of_found;       /* from the workbook */
    rag_plan *plans;        /* in sheet order, then top to bottom */
    size_t plan_count;
    rg_model_impl *impl;
} rag_model;

/*
 * Recognise the plans of every loaded sheet of wb.  A sheet that holds
 * none yields none; that is not an error.  opts may be NULL.  On success
 * *out is the model, to be freed with rag_model_free() before wb.
 */
RAG_API rag_status rag_model_build(const rag_workbook *wb,
                                   const rag_model_options *opts,
                                   rag_model **out, rag_error *err);

/* Free m and everything it owns.  NULL is a harmless no-op. */
RAG_API void rag_model_free(rag_model *m);

/* Write m as the contract's `dump` JSON to out; file is the name to
 * print (NULL: m->file). */
RAG_API rag_status rag_model_write_json(const rag_model *m, const char *file,
                                        FILE *out, rag_error *err);

/* What recognition took where, sheet by sheet, as plain text to out:
 * each plan's header rows, key cells, labels and values; for a sheet with
 * no plan, the best candidate header row and why it fell short (`dump
 * --explain`). */
RAG_API rag_status rag_model_explain(const rag_model *m, FILE *out,
                                     rag_error *err);

/* Names as the contract spells them: "on_target", "red", "percent",
 * "higher_is_better", "tracker".  NULL for NONE. */
RAG_API const char *rag_progress_name(rag_progress p);
RAG_API const char *rag_rating_name(rag_rating r);
/* The rating as councils write it, "RED", "AMBER", "GREEN"; NULL for none. */
RAG_API const char *rag_rating_word(rag_rating r);
RAG_API const char *rag_unit_name(rag_unit u);
RAG_API const char *rag_direction_name(rag_direction d);
RAG_API const char *rag_plan_kind_name(rag_plan_kind k);

/*
 * The RAG of actual against target: higher_is_better is green when the
 * target is met, amber when short of it by at most tolerance x |target|,
 * red beyond; lower_is_better the same the other way; within_band is
 * green within tolerance x |target| either way, amber within twice that,
 * red beyond; a band around a target of 0 ("+/- 1%" of budget) is the
 * tolerance itself, in the target's unit, since a share of 0 is no band.
 * Figures equal to 1e-9 (as read from text) meet the target.
 */
RAG_API rag_rating rag_rate(double target, double actual, rag_direction d,
                            double tolerance);

/* "2009-09-07" into buf (>= 11 bytes); "" for no date. */
RAG_API char *rag_date_format(rag_date d, char *buf);
/* Days since 1970-01-01, for comparing dates; year 0 gives 0. */
RAG_API long rag_date_days(rag_date d);
/* Today in the system's local time. */
RAG_API rag_date rag_date_today(void);

#ifdef __cplusplus
}
#endif
#endif
