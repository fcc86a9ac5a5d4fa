/*
 * The words councils use, in one place.  Recognition never compares a
 * cell with a literal: it normalises the cell's text (rg_norm) and looks it
 * up in one of the tables below, so teaching ragbook another council's
 * template is a matter of adding words to vocab.c (and, later, of loading
 * them from a file), not of changing the recognisers.
 *
 * Every table entry is written in normal form (what rg_norm would make of
 * it): lowercase, one space between words, and the symbols + - / % £ & # ?
 * as words of their own.  test_recognise_vocab checks that they are.
 */
#ifndef RG_VOCAB_H
#define RG_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "ragbook/model.h"

typedef struct rg_word {
    const char *text; /* normal form */
    int value;
} rg_word;

/* The column a table header names. */
typedef enum rg_col_role {
    RG_COL_NONE = 0,
    RG_COL_REF,
    RG_COL_ACTION,
    RG_COL_LEAD,
    RG_COL_DUE,
    RG_COL_COMMENT,  /* position statement, progress, comments */
    RG_COL_STATUS,   /* a written status or RAG column */
    RG_COL_OTHER,    /* a known header word that carries no role */
    RG_COL_ROLES
} rg_col_role;

/* A form's labels (indicator and recovery plans, and title blocks). */
typedef enum rg_label {
    RG_LBL_NONE = 0,
    RG_LBL_TITLE,          /* the indicator's title */
    RG_LBL_DIRECTOR,       /* strategic director lead */
    RG_LBL_LEAD,           /* departmental lead, lead officer */
    RG_LBL_OWNER,          /* owner, responsible */
    RG_LBL_TARGET,
    RG_LBL_ACTUAL,         /* performance this period */
    RG_LBL_VARIANCE,       /* + / - target */
    RG_LBL_RAG,            /* a stated RAG */
    RG_LBL_REASON,         /* non-compliance reason */
    RG_LBL_PERIOD,
    RG_LBL_POLARITY,       /* "good performance is", "polarity" */
    RG_LBL_TOLERANCE,
    RG_LBL_UNIT,
    RG_LBL_ACTION_TEXT,    /* what / how / who / when of an indicator plan */
    RG_LBL_DIRECTORATE,
    RG_LBL_REFERENCE,      /* combined tracker ref */
    RG_LBL_SERVICE_DIRECTOR,
    RG_LBL_SERVICE_AREA,
    RG_LBL_SERVICE_MANAGER,
    RG_LBL_COST_CENTRE,
    RG_LBL_ON_TARGET,      /* a quarter's GREEN/AMBER/RED question */
    RG_LBL_NARRATIVE,      /* a quarter's narrative */
    RG_LBL_REPORT_DATE,
    RG_LBL_OTHER_DATE,     /* "target date": not a report date and not a
                              target */
    RG_LBL_PREVIOUS,       /* "performance last quarter": the period
                              before, history and not the actual */
    RG_LBL_HEADING         /* a section heading, not a label */
} rg_label;

/* Columns of a recovery plan's milestone table. */
typedef enum rg_ms_role {
    RG_MS_NONE = 0, RG_MS_TEXT, RG_MS_AMOUNT, RG_MS_DATE
} rg_ms_role;

/* Finance words, found anywhere in a recovery plan's labels. */
typedef enum rg_fin_word {
    RG_FIN_NONE = 0, RG_FIN_BUDGET, RG_FIN_OUTTURN, RG_FIN_PRESSURE,
    RG_FIN_PRIOR, RG_FIN_CURRENT, RG_FIN_THOUSANDS, RG_FIN_MILLIONS
} rg_fin_word;

/* Words that say which way an indicator should go. */
typedef enum rg_dir_word {
    RG_DIR_NONE = 0, RG_DIR_HIGHER, RG_DIR_LOWER, RG_DIR_BAND
} rg_dir_word;

/* Plan-level words: the heading of a form says which kind it is. */
typedef enum rg_kind_word {
    RG_KIND_NONE = 0, RG_KIND_INDICATOR, RG_KIND_RECOVERY,
    RG_KIND_MILESTONES, RG_KIND_MONITORING, RG_KIND_DATA_ONLY,
    RG_KIND_KEY
} rg_kind_word;

/* The columns of a scorecard (a table of indicators, one a row). */
typedef enum rg_sc_role {
    RG_SC_NONE = 0,
    RG_SC_CODE,      /* "PI code", "Ref", "No." */
    RG_SC_TITLE,     /* "Indicator", "Measure", "Description" */
    RG_SC_POLARITY,  /* "Polarity", "Good performance is" */
    RG_SC_TARGET,    /* "Annual target", "Target 2023/24" */
    RG_SC_ACTUAL,    /* one figure: "Actual", "Latest", "Year to date" */
    RG_SC_VARIANCE,
    RG_SC_RAG,       /* "RAG", "Status" */
    RG_SC_TRAVEL,    /* "Direction of travel", "DoT", "Trend" */
    RG_SC_COMMENT,   /* "Commentary", "Explanation of variance" */
    RG_SC_UNIT,
    RG_SC_OTHER,     /* known words with no role here: "Baseline",
                        "Frequency", "Lead" */
    RG_SC_ROLES
} rg_sc_role;

extern const rg_word rg_header_words[];    /* rg_col_role */
extern const rg_word rg_scorecard_words[]; /* rg_sc_role */
extern const rg_word rg_status_words[];    /* rag_progress */
extern const rg_word rg_closed_words[];    /* 1: ended, not done */
extern const rg_word rg_no_target_words[]; /* 1: no target by design */
extern const rg_word rg_note_words[];      /* 1: "Note 1", "NB" */
extern const rg_word rg_to_date_words[];   /* 1: "year to date", "ytd" */
extern const rg_word rg_frequency_heads[]; /* 1: "frequency" */
extern const rg_word rg_annual_words[];    /* 1: "annual", "yearly" */
extern const rg_word rg_not_due_words[];   /* 1: "annual measure", "n/a" */
extern const rg_word rg_outcome_words[];   /* 2: "yes", "achieved"; 1: "no" */
extern const rg_word rg_label_words[];     /* rg_label */
extern const rg_word rg_milestone_words[]; /* rg_ms_role */
extern const rg_word rg_fin_words[];       /* rg_fin_word */
extern const rg_word rg_rag_words[];       /* rag_rating */
extern const rg_word rg_direction_words[]; /* rg_dir_word: statements */
extern const rg_word rg_direction_hints[]; /* rg_dir_word: title words */
extern const rg_word rg_target_bounds[];   /* rg_dir_word: a target's */
extern const rg_word rg_direction_verbs[]; /* rg_dir_word: "reduce" */
extern const rg_word rg_polarity_words[];  /* rg_dir_word: "lower" */
/* What a polarity cell says of the way its indicator should go
 * (rg_dir_word), or 0: an arrow ("\u2193"), a rule ("Lower is better"),
 * a verb ("Aim to reduce") or a word ("Smaller", "Down is good").  s may
 * be NULL. */
int rg_polarity_direction(const char *s);
/* The one reading of an indicator's direction, from what its sheet says,
 * in order: its polarity cell, a direction stated elsewhere on its form
 * (stated, an rg_dir_word; 0 for none), its target's words ("Below 20",
 * "Reduce"), its title, and days being better fewer; higher is better
 * when nothing says.  Any text may be NULL. */
rag_direction rg_indicator_direction(const char *polarity, int stated,
                                     const char *target, size_t target_len,
                                     const char *title, rag_unit unit);
/* Does a target cell say no figure is owed: the data-only words ("Data
 * only", "Contextual") or a direction alone ("Reduce", "Aim to
 * increase")?  "TBC" owes one. */
bool rg_target_owes_no_figure(const char *s, size_t len);
/* Is a target a band either side of nothing: "\u00b1 1%", "+/- 1%",
 * "Within +/-2%" (a budget variance held near zero)?  Its figure is the
 * band's half-width and the target is 0; "100 +/- 5" is not one. */
bool rg_target_is_band(const char *s, size_t len);
/* What a target's own words say of its direction (rg_dir_word): "Below
 * 20", "<= 8 days", "95% or above", "At least 90%"; 0 when they say
 * nothing. */
int rg_target_direction(const char *s, size_t len);
/* The direction an indicator's title implies (rg_dir_word), or 0: the
 * hints, after the share of something done in time (a percent unit),
 * which is higher-is-better whatever the something is. */
int rg_title_direction(const char *title, rag_unit unit);
extern const rg_word rg_kind_words[];      /* rg_kind_word */
extern const rg_word rg_unit_words[];      /* rag_unit */
extern const rg_word rg_month_words[];     /* 1..12 */
extern const rg_word rg_quarter_words[];   /* 1..4: "quarter 1", "q1" */
extern const rg_word rg_name_particles[];  /* "de", "van": part of names */
extern const rg_word rg_name_titles[];     /* "mr", "cllr": before names */
extern const rg_word rg_role_words[];      /* "team", "manager": a post */
extern const rg_word rg_post_heads[];      /* "head": begins a post */
extern const rg_word rg_post_ends[];       /* "manager": ends a post */
extern const rg_word rg_post_grades[];     /* "strategic": a grade */
extern const rg_word rg_given_names[];     /* "jane": "Smith, Jane" */
extern const rg_word rg_title_words[];     /* a plan's title says "plan" */

/* Every table, for the test that checks their normal form. */
typedef struct rg_vocab_table {
    const char *name;
    const rg_word *words;
} rg_vocab_table;
extern const rg_vocab_table rg_vocab_tables[];

/*
 * Normal form of s[0..len): ASCII letters lowercased; runs of letters and
 * digits are words (an apostrophe inside a word is dropped: "RSL's" gives
 * "rsls"); the symbols + - / % £ & # ? are words of their own; dashes and
 * the minus sign become "-"; anything else separates words.  Words are
 * joined by one space.  Writes at most size-1 bytes and a NUL into buf and
 * returns the length written.
 */
size_t rg_norm(const char *s, size_t len, char *buf, size_t size);

/* The value of the longest entry that norm starts with, ending at a word
 * boundary (a plural "s" allowed), or -1. */
int rg_vocab_prefix(const rg_word *table, const char *norm);

/* The value of the entry norm equals (a plural "s" allowed), or -1. */
int rg_vocab_exact(const rg_word *table, const char *norm);

/* The value of the first entry, in table order, found anywhere in norm at
 * word boundaries, or -1.  *at (may be NULL) gets its offset in norm. */
int rg_vocab_find(const rg_word *table, const char *norm, size_t *at);

/* norm past its leading words of time ("q2", "2023 / 24", "year to
 * date"), or norm itself when there are none or nothing follows them. */
const char *rg_norm_skip_period(const char *norm);

/* true when norm holds word (normal form) at word boundaries. */
bool rg_norm_has(const char *norm, const char *word);

#endif
