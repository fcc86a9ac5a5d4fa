/*
 * Parsers for the words inside cells, the way a UK council writes them:
 * dates (day first; "2023/24" is a financial year), refs ("25.1 (R1)"),
 * leads ("D Taylor J Bough PDT"), and figures ("60% Quarterly figure").
 * Pure functions of text, with no workbook: the unit tests drive them
 * with the awkward cases from the seeds.
 */
#ifndef RG_PARSE_H
#define RG_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/rules.h"
#include "ragbook/model.h"

/* ---- dates ------------------------------------------------------------ */

/* A due date as written. */
typedef struct rg_when {
    rag_date date;  /* the one date the words give, else year 0 */
    bool text;      /* the words are more than one plain date: keep them
                       as due_text */
    bool invalid;   /* a date that is no date ("31/09/2024") */
    bool empty;     /* nothing written */
} rg_when;

/*
 * Read a due date written as text: "19/05/2009" and "19 May 2009" give a
 * date; "by 31/03/2010" a date and its words; "31/09/2024" invalid;
 * "Interim 30/09/2009 Full 30/09/2010" (two dates), "2023/2024",
 * "January 2010", "end of November" and "Q3 2023/24" only words.
 */
rg_when rg_parse_when(const char *s, size_t len);

/*
 * The first full date (day, month and year) in s[from..len): d/m/y with
 * / . or - (two- or four-digit year), ISO y-m-d, "7 September 2009",
 * "7th Sept 09", "7-Sep-09", "September 7, 2009".  Returns 1 for a date,
 * -1 for one that is no date (31/09/2024; *out then holds the numbers as
 * written), 0 for none.  *start and *end (may be NULL) get its span.
 */
int rg_find_date(const char *s, size_t len, size_t from, rag_date *out,
                 size_t *start, size_t *end);

/* The first financial year in s: "2023/24", "2023/2024", "2023-24",
 * "23/24" give 2023 (April 2023 to March 2024).  false when none. */
bool rg_find_fy(const char *s, size_t len, int *start_year);

/* A month column's header: "April", "Apr", "Sept", "Apr-09", "April 2009",
 * "Apr '09".  *year is 0 when not written.  false for anything else. */
bool rg_parse_month_label(const char *s, size_t len, int *month, int *year);
/* The same from the normal form of at most the first RG_MONTH_LABEL_MAX
 * bytes, normalised into RG_MONTH_LABEL_NORM bytes (norm is cut at its
 * first space), for callers that keep normal forms (rg_norm_cell). */
#define RG_MONTH_LABEL_MAX 40
#define RG_MONTH_LABEL_NORM 64
bool rg_month_label_of_norm(char *norm, int *month, int *year);

/* "Q1".."Q4" from "QUARTER 1 (to 30/06/23)", "Qtr 2", "Q3 update",
 * "Third quarter": 1..4, or 0. */
int rg_parse_quarter(const char *s, size_t len);
/* The same from the normal form of s's first RG_QUARTER_MAX bytes,
 * normalised into RG_QUARTER_NORM bytes. */
#define RG_QUARTER_MAX 90
#define RG_QUARTER_NORM 96
int rg_quarter_of_norm(const char *norm);

/* rg_date_valid and rg_month_days: the calendar's one home is
 * model/rules.h. */

/* ---- refs ------------------------------------------------------------- */

/*
 * A ref as written in a ref column: "R1a" gives "R1a" with parent "R1";
 * "25.1 (R1)" gives "R1" (the ref in brackets wins) with no parent; "1.2.3"
 * has parent "1.2"; "R11c" has parent "R11".  Trailing "." and ":" go.
 * false when the text is not shaped like a ref (a sentence, a title).
 * ref and parent get NUL-terminated strings ("" for no parent).
 */
bool rg_parse_ref(const char *s, size_t len, char *ref, size_t ref_size,
                  char *parent, size_t parent_size);

/*
 * A sub-action's label alone in a ref cell, "(i)", "ii)", "a)", "(b)",
 * "iv.", numbered under the action before it: prev is the ref of the last
 * action above that has one ("1.1b"; "1.1b(i)" at the second label).  ref
 * gets the label joined to its parent's ref, "1.1b(i)", "1.2(a)", and
 * "1.2(a)(i)" for a numeral under a letter; parent gets that parent's
 * ref.  So "(i)" under two actions is two refs, not one ref twice.  A
 * label that goes on from one above ("(ii)" after "(i)", "b)" after
 * "(a)(ii)") is its sibling; one that starts a list ("a)", "(i)") goes
 * under prev.  false when s is no such label, or prev is NULL or "".
 */
bool rg_parse_sub_ref(const char *s, size_t len, const char *prev,
                      char *ref, size_t ref_size, char *parent,
                      size_t parent_size);

/* A template's example row, not an action: a ref or action that starts
 * "e.g.", "Eg", "Example" or "For example" ("e.g. 1.1", "Example: Review
 * the charging policy", "Example action"). */
bool rg_example_text(const char *s, size_t len);

/* ---- leads ------------------------------------------------------------ */

/* One person or team, [start, start+len) of the text given. */
typedef struct rg_span {
    size_t start, len;
} rg_span;

/*
 * Split a lead cell into people as a reader would: on "/", ",", ";",
 * newlines, and on "&", "+" and "and" between names; and names run
 * together: "D Taylor J Bough PDT" gives "D Taylor", "J Bough", "PDT";
 * "Vicki Lewis David Taylor" gives two.  Words that describe a role
 * ("PFU service manager", "Head of Finance", "Finance BP") stay whole, as
 * do "Jane Smith, Head of HR", "Smith, Jane" and "Team Manager,
 * Fostering"; "Jane Smith" above "Operations Manager" on the next line is
 * one lead, the name.  Labels go ("Lead: J Smith; Support: A Taylor" gives
 * "J Smith", "A Taylor"), and so does a place held for a name ("Jane
 * Smith / TBC" gives "Jane Smith"; "TBC" alone none).  Writes at most max
 * spans and returns the number of people (which may exceed max).
 */
size_t rg_split_leads(const char *s, size_t len, rg_span *out, size_t max);

/* ---- statuses --------------------------------------------------------- */

/*
 * The progress a status's words mean: "On track", "Up to 1 month late",
 * "Late (less than 4 weeks)" (one month behind), "Slipped by over a
 * month", "Not on track" (over one month behind), "Re-planned", "New end
 * date agreed" (reprogrammed), "In-complete" (not complete).  NONE when
 * the words name no status.
 */
rag_progress rg_status_of(const char *s, size_t len);

/* true when the words name status p anywhere ("Milestone achieved / on
 * schedule" names both COMPLETE and ON_TARGET), negations aside. */
bool rg_status_names(const char *s, size_t len, rag_progress p);

/* true when the words end an action without its being done: "Cancelled",
 * "Withdrawn", "Superseded by R4", "No longer required", "Risk accepted"
 * (rg_closed_words); not "Not cancelled". */
bool rg_status_closed(const char *s, size_t len);

/* true when the words say late and not how late ("Delayed", "Behind
 * schedule", "Overdue", "Slipping"): rg_status_of reads them as one or
 * over one month behind, and a status cell's amber or red says which. */
bool rg_status_unmeasured_late(const char *s, size_t len);

/* ---- figures ---------------------------------------------------------- */

typedef struct rg_figure {
    double value;     /* percentages as fractions: "90%" is 0.9 */
    rag_unit unit;    /* percent, days, gbp, else NONE */
    int decimals;     /* digits after the point as written */
    size_t rest;      /* offset of the words after the figure */
} rg_figure;

/*
 * The first figure in s: "90%", "60% Quarterly figure at end of Q2",
 * "- 19.4%", "-30%", "16 days", "£80,000", "£264k", "1.2m".  false when
 * there is none.  A sign counts only at the start or after a space.
 */
bool rg_parse_figure(const char *s, size_t len, rg_figure *out);

/* v rounded to 12 significant digits: 0.6 - 0.9 gives -0.3, not
 * -0.30000000000000004. */
double rg_clean_number(double v);

#endif
