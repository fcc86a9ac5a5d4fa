/*
 * What `convert` and `consolidate` share: the words and colours of
 * statuses and RAGs, a small style cache over rag_writer_style(), the
 * markers that tell ragbook's own sheets and columns from the council's,
 * and the Issues sheet.  Internal (rg_cv_): only src/outputs/ includes
 * this.
 */
#ifndef RG_WRITE_CONVERT_IMPL_H
#define RG_WRITE_CONVERT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/convert.h"
#include "util/util.h"

/* Standard colours, for workbooks whose key names none. */
#define RG_CV_RED 0xFF0000u
#define RG_CV_AMBER 0xFFC000u
#define RG_CV_GREEN 0x00B050u
#define RG_CV_HEADER 0xD9D9D9u

/*
 * Markers: hidden defined names that say what ragbook wrote, so that a
 * converted workbook converted again replaces them instead of adding more,
 * and so that recognition can leave them out:
 *   _ragbook_summary, _ragbook_issues    (global) 'Sheet'!$A$1 of the
 *                                        generated sheets;
 *   _ragbook_computed_N                  (local to a sheet) one rectangle
 *                                        of computed cells, N = 1, 2, ...
 */
#define RG_CV_MARK_PREFIX "_ragbook_"
#define RG_CV_MARK_SUMMARY "_ragbook_summary"
#define RG_CV_MARK_ISSUES "_ragbook_issues"
#define RG_CV_MARK_COMPUTED "_ragbook_computed_"
/* A whole workbook ragbook made (consolidate's, validate --report's),
 * not a council's: a global hidden name whose value is a string naming
 * the command ("consolidate").  validate and consolidate leave such a
 * workbook out of their inputs (src/cli/inputs.c). */
#define RG_CV_MARK_OUTPUT "_ragbook_output"

/* ---- words and colours (convert_words.c) ------------------------------ */

/* "On target", "Over one month behind", ...; "No status" for NONE. */
const char *rg_cv_status_words(rag_progress p);
/* The short code written into a coloured month cell: "OT", ">1M"... */
const char *rg_cv_status_code(rag_progress p);
/* The standard colour of a status, RAG_NO_COLOR for NONE. */
uint32_t rg_cv_status_standard(rag_progress p);
/* The plan's legend entry for status p, or NULL. */
const rag_legend_entry *rg_cv_legend_entry(const rag_plan *p, rag_progress s);
/* The plan's colour for status s: its legend's, else the standard one. */
uint32_t rg_cv_status_colour(const rag_plan *p, rag_progress s);
/* "RED", "AMBER", "GREEN"; NULL for NONE. */
const char *rg_cv_rating_words(rag_rating r);
uint32_t rg_cv_rating_colour(rag_rating r);
/* A readable text colour on fill: black or white. */
uint32_t rg_cv_ink(uint32_t fill);
/* "Monthly tracker", "Action plan", ... */
const char *rg_cv_kind_words(rag_plan_kind k);
/* "Past its due date?" for action a, in convert and consolidate alike:
 * "Yes" when late (a milestone-overdue finding is on its row), "Not a
 * date" for a due date that is no date, "No", or "No date". */
const char *rg_cv_due_words(const rag_action *a, bool late);
/* "7 September 2009" into buf (>= 32 bytes); "" for no date. */
char *rg_cv_date_words(rag_date d, char *buf, size_t size);
/* The 1900-system serial of d, or -1. */
double rg_cv_serial(rag_date d);
/* "'WM8 Progress'!A15" (quotes doubled) into b; false on no memory. */
bool rg_cv_location(rg_buf *b, const char *sheet, uint32_t row,
                    uint32_t col);
/* "'Sheet'!$A$1:$B$2"-style absolute reference of a range into b. */
bool rg_cv_range_ref(rg_buf *b, const char *sheet, const rag_range *r);


/* ---- styles (convert_words.c) ----------------------------------------- */

typedef struct rg_cv_look {
    uint32_t fill;      /* RAG_NO_COLOR for none */
    uint32_t ink;       /* font colour, RAG_NO_COLOR for the default */
    bool bold, italic, wrap, border, center, top, middle;
    double size;        /* 0: 11 */
    const char *numfmt; /* NULL: General */
} rg_cv_look;

/* A look with no fill, no ink, nothing set. */
rg_cv_look rg_cv_plain(void);
/* The look of a link in the sheets ragbook writes: Excel's own
 * hyperlink blue, underlined, at the top of its cell. */
rag_status rg_cv_link_style(rag_writer *w, rag_wstyle *out, rag_error *err);
rag_status rg_cv_style(rag_writer *w, const rg_cv_look *look,
                       rag_wstyle *out, rag_error *err);
/* st with its fill (and a readable font colour) changed. */
rag_status rg_cv_refill(rag_writer *w, const rag_style *st, uint32_t fill,
                        rag_wstyle *out, rag_error *err);

/* ---- the Issues sheet (issues.c) -------------------------------------- */

/* How findings link to their cells. */
typedef struct rg_cv_links {
    /* convert: the output sheet holding input sheet i, by name; NULL for a
     * sheet not copied.  consolidate: NULL. */
    const char *const *sheet_names;
    size_t sheet_count;
    /* consolidate: the directory of the output (absolute), for links to
     * the input files relative to it; NULL for convert. */
    const char *out_dir;
    /* consolidate: the absolute folder the findings' file names are
     * relative to (the folder the inputs share); NULL: as given */
    const char *files_dir;
    /* show file names without their directories */
    bool short_names;
    /* with sheet_names: the one file whose findings link inside this
     * workbook (merge: the master); findings of other files link to
     * their file when out_dir is set, else not at all.  NULL: all. */
    const char *inside_file;
} rg_cv_links;

/*
 * Fill ws with one row per finding: File, Sheet, Cell (linked), Severity
 * (in colour and in words), Message, Rule, Ref, Period; a header row with
 * a filter, repeated on each printed page, and
 * the header frozen.  Findings are listed in the order given.
 */
rag_status rg_cv_issues_sheet(rag_writer *w, rag_wsheet *ws,
                              const rag_findings *found,
                              const rg_cv_links *links, rag_error *err);

/* path relative to the absolute directory dir, for a link that survives
 * moving the folder; caller frees with rg_free(); NULL on no memory. */
char *rg_cv_relative(const char *dir, const char *path);
/* An absolute form of path: resolved when it exists, else joined to the
 * current directory.  Caller frees with rg_free(); NULL on no memory. */
char *rg_cv_absolute(const char *path);
/* The absolute directory of out (it must exist; the current one for an
 * out "/dev/fd/N"); NULL when not known.
 * Caller frees with rg_free(). */
char *rg_cv_out_dir(const char *out);
/* A name for a sheet ragbook generates, `want` if free, else "ragbook
 * want", "ragbook want 2"...: free means no input sheet kept in the output
 * (generated[i] false) has it, without case, and it is not `avoid`.  A
 * council sheet called "Summary" keeps its name; ours moves aside. */
void rg_cv_pick_name(const rag_workbook *wb, const bool *generated,
                     const char *want, const char *avoid, char *out,
                     size_t size);
/* The file name of path (after the last '/'). */
const char *rg_cv_basename(const char *path);

/* ---- overdue rows ------------------------------------------------------ */

/* The (sheet, row) of each overdue finding, sorted, for lookups. */
typedef struct rg_cv_late {
    uint64_t *keys;
    size_t count;
} rg_cv_late;

/* false on no memory (l is then empty); f may be NULL. */
bool rg_cv_late_init(rg_cv_late *l, const rag_findings *f);
bool rg_cv_late_at(const rg_cv_late *l, size_t sheet, uint32_t row);
void rg_cv_late_free(rg_cv_late *l);

/* ---- what convert needs from its parts ------------------------------- */

/* The counts of one plan, as the Summary shows them. */
typedef struct rg_cv_counts {
    size_t status[RAG_PROGRESS_COUNT]; /* non-heading actions by status */
    size_t headings;                   /* heading rows, not counted above */
    size_t rating[4];                  /* indicators and quarters by RAG */
    size_t overdue;
} rg_cv_counts;

void rg_cv_count(const rag_plan *p, const rag_findings *overdue,
                 rg_cv_counts *out);

/* true when finding f is about a cell of plan p (its sheet, its rows). */
bool rg_cv_finding_in_plan(const rag_finding *f, const rag_plan *p);

/* ---- one input sheet, updated (convert_sheet.c, convert_panel.c) ----- */

typedef struct rg_cv_sheet rg_cv_sheet;

/* What a sheet's update needs from the conversion. */
typedef struct rg_cv_env {
    rag_writer *w;               /* the side workbook: styles are made here */
    rag_edit *ed;                /* the package being converted */
    rag_workbook *wb;
    const rag_model *m;
    const rag_findings *overdue; /* milestone-overdue findings */
    const rg_cv_late *late;      /* the same, by (sheet, row) */
    rag_date as_of;
} rg_cv_env;

/*
 * Plan the update of sheet `index`: where computed columns and checks go
 * (beside the input's cells, never over them), which cells get colours,
 * codes and drop-down lists.  old[0..old_count) are the computed ranges an
 * earlier conversion wrote on this sheet: they are left out and written
 * anew.  *out is freed with rg_cv_sheet_free().
 */
rag_status rg_cv_sheet_prepare(const rg_cv_env *env, size_t index,
                               const rag_range *old, size_t old_count,
                               rg_cv_sheet **out, rag_error *err);
/* Record the sheet's updates in env->ed, the sheet being at position pos
 * there: colours and codes in place, computed cells, widths, lists. */
rag_status rg_cv_sheet_edit(rg_cv_sheet *s, size_t pos, rag_error *err);
/* The rectangles of computed cells written (for the markers). */
const rag_range *rg_cv_sheet_blocks(const rg_cv_sheet *s, size_t *count);
void rg_cv_sheet_free(rg_cv_sheet *s);

/* Internal to convert_sheet.c and convert_panel.c. */
typedef struct rg_cv_cellout {
    uint32_t row, col;
    const char *text;    /* static or owned by the sheet's arena */
    double number;
    const char *formula; /* with number as its cached result */
    bool is_number;
    rag_wstyle style;
} rg_cv_cellout;

/* Tests: convert's Summary and Issues stream from this many rows (0: the
 * default, RAG_WRITE_STREAMING_CELLS / 8). */
void rg_cv_stream_from(size_t rows);

/* The largest column holding a cell in rows [r0, r1] of sheet `index`
 * of wb, loaded or paged (all rows when r1 < r0), leaving out old; -1
 * when none. */
int64_t rg_cv_max_col(const rag_workbook *wb, size_t index, uint32_t r0,
                      uint32_t r1, const rag_range *old, size_t old_count);
bool rg_cv_in_ranges(const rag_range *r, size_t n, uint32_t row,
                     uint32_t col);

/* The check beside an indicator or recovery form: cells into *cells
 * (grown with rg_grow), the rectangle into *block.  Nothing when the form
 * has no safe place.  Strings live in arena. */
rag_status rg_cv_panel(const rg_cv_env *env, const rag_plan *p,
                       uint32_t col, rg_arena *arena,
                       rg_cv_cellout **cells, size_t *count, size_t *cap,
                       rag_range *block, bool *placed, rag_error *err);

/* ---- the Summary (summary.c) ------------------------------------------ */

typedef enum rg_cv_origin {
    RG_CV_AS_OF_TODAY = 0, RG_CV_AS_OF_WORKBOOK, RG_CV_AS_OF_OPTION
} rg_cv_origin;

typedef struct rg_cv_summary_in {
    const rag_model *m;
    const rag_findings *overdue;
    const rag_findings *found;      /* what Issues lists; may be NULL */
    const char *issues_sheet;       /* its name, for links; may be NULL */
    const char *source;             /* the input as given */
    const char *const *sheet_names; /* output name of input sheet i */
    size_t sheet_count;
    rg_cv_origin origin;
    /* per plan of m: the words its status column gives, kept before its
     * sheet's cells were released (look.h); NULL: read from m->wb */
    const struct rg_look_words *words;
} rg_cv_summary_in;

/*
 * Fill ws (an empty sheet of w, whichever way it will reach the output
 * workbook) with the Summary: where things stand, per kind of plan, for a
 * committee.  Sets its page up for printing.
 */
rag_status rg_cv_summary(rag_writer *w, rag_wsheet *ws,
                         const rg_cv_summary_in *in, rag_error *err);

#endif
