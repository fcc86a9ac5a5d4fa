/*
 * Tables: a header row says what each column holds (Ref / Action / Lead /
 * When / Position, or twelve months), wherever it sits on the sheet.  A
 * header can span two rows (months under a merged "Progress" heading), two
 * tables can sit side by side, and a printed tracker repeats its title
 * block, legend and header page by page: one table, not many.
 */
#include <string.h>

#include "recognise/recognise.h"

#define MAX_HEADER_TEXT 60

typedef struct hdr {
    int32_t col[RG_COL_ROLES];
    int32_t revised_due; /* a second due column, of revised dates, or -1 */
    int32_t pct_done;    /* a "% complete" column, or -1 */
    int32_t done_date;   /* a "Date completed" column, or -1 */
    int32_t evidence;    /* an "Evidence" column, or -1 */
    int32_t status_beside; /* "Status | RAG": the second, or -1 */
    int32_t status_by_period[RG_STATUS_PERIODS]; /* "Q1 Status | Q2 Status" */
    size_t status_period_count;
    bool status_by_quarter;  /* those are bare "Q1 | Q2 | Q3 | Q4" headings */
    int32_t comment_by_period[RG_STATUS_PERIODS]; /* "Q1 Update | Q2 ..." */
    size_t comment_period_count;
    rg_month_col months[RG_MONTHS_MAX];
    size_t month_count;
    uint32_t first_col, last_col;
    int roles, unknown;
} hdr;

static void hdr_clear(hdr *h)
{
    int i;
    memset(h, 0, sizeof *h);
    for (i = 0; i < RG_COL_ROLES; i++)
        h->col[i] = -1;
    h->revised_due = -1;
    h->pct_done = -1;
    h->done_date = -1;
    h->evidence = -1;
    h->status_beside = -1;
    h->first_col = UINT32_MAX;
}

/* What one header cell says: a role, a month (with its year), or -1. */
/* A heading the vocabulary lacks that names a date of completion:
 * "Agreed Implementation Date", "Proposed completion date", "Expected end
 * date", "Original target dates".  It must end in "date", "dates" or
 * "deadline" and say what the date is for with a word of finishing or
 * planning; "Programmed dates" (a key's words), "Start date" or "Date
 * raised" are not due dates. */
static const char *const end_headings[] = {
    "end", "finish", "planned end", "planned finish", "end by",
    "target end", "forecast end", "expected end", NULL};
static const char *const start_headings[] = {
    "start", "planned start", "actual start", "begin", NULL};

static bool any_exact(const char *norm, const char *const *set)
{
    size_t k;
    for (k = 0; set[k]; k++)
        if (!strcmp(norm, set[k]))
            return true;
    return false;
}

static bool due_heading(const char *norm)
{
    static const char *const due_words[] = {
        "implementation", "completion", "complete", "completed", "target",
        "due", "delivery", "expected", "proposed", "agreed", "revised",
        "end", "finish", "original", "estimated", "forecast", "deadline",
        NULL};
    static const char *const not_due[] = {"start", "review", "update",
                                          "updated", "raised", "received",
                                          NULL};
    size_t len = strlen(norm), k;
    const char *last = strrchr(norm, ' ');
    bool named = false;

    if (!last) /* one word: "Date" is in the vocabulary */
        return false;
    last++;
    if (strcmp(last, "date") && strcmp(last, "dates") &&
        strcmp(last, "deadline"))
        return false;
    /* 40 characters: a heading of a few words; a sentence that ends in
     * "date" is no heading */
    if (len > 40)
        return false;
    for (k = 0; not_due[k]; k++)
        if (rg_norm_has(norm, not_due[k]))
            return false;
    for (k = 0; due_words[k] && !named; k++)
        named = rg_norm_has(norm, due_words[k]) &&
                strcmp(due_words[k], last);
    return named;
}

/* Does norm hold any of words (NULL-ended) at word boundaries? */
static bool any_word(const char *norm, const char *const *words)
{
    size_t k;
    for (k = 0; words[k]; k++)
        if (rg_norm_has(norm, words[k]))
            return true;
    return false;
}

/* The heading of a block of notes to whoever fills the sheet in, beside
 * the table ("Notes for completing this tracker", "Instructions", "How to
 * complete", "Guidance notes"): no column of the plan.  Read as the
 * comment column ("notes"), its lines ("Complete the Status column each
 * month") were the actions' updates, and one that starts with "Complete"
 * said the action was done. */
static bool instructions_heading(const char *norm)
{
    static const char *const words[] = {
        "completing", "instructions", "how to", "guidance notes",
        "guidance on", "guidance for", NULL};
    return any_word(norm, words);
}

/* A heading of whether or how much of an action is done, in a few words
 * (40 characters: a heading, not a sentence):
 *  - how much: a percent sign or word and a word of finishing or progress
 *    ("% Complete", "Percent complete", "Progress %", "Completion (%)"),
 *    where 100% says complete;
 *  - whether: a word of finishing and a yes/no or a question mark
 *    ("Completed (Y/N)", "Complete?", "Done (Yes/No)"), or alone
 *    ("Complete", "Done"), where Y, Yes or a ticked box says complete.
 * Either is the table's one "done" column. */
static bool done_heading(const rg_view *v, uint32_t r, uint32_t c)
{
    static const char *const progress[] = {"complete", "completed",
                                           "completion", "done", "progress",
                                           "delivered", "achieved", NULL};
    static const char *const finished[] = {"complete", "completed", "done",
                                           "achieved", "implemented",
                                           "closed", "delivered", NULL};
    static const char *const percent[] = {"percent", "percentage", NULL};
    static const char *const yes_no[] = {"y / n", "yes / no", "y n", NULL};
    char norm[128];
    size_t len, k;
    const char *t = rg_text(v, r, c, &len);

    if (!t || len > 40)
        return false;
    rg_norm_at(v, r, c, norm, sizeof norm);
    if ((memchr(t, '%', len) || any_word(norm, percent)) &&
        any_word(norm, progress))
        return true;
    /* a word of finishing alone ("Complete", "Done"): a column of
     * checkboxes or yes/no, each a question of its own */
    for (k = 0; finished[k]; k++)
        if (!strcmp(norm, finished[k]))
            return true;
    return (memchr(t, '?', len) || any_word(norm, yes_no)) &&
           any_word(norm, finished);
}

/* A heading of the day an action was done, not the day it is due: "Date
 * completed", "Completed on", "Actual completion date", "Date closed",
 * "Closure date", "Date implemented", "Actual end date".  A word of
 * finishing in the past ("completed", not "completion") or "actual", with
 * "date" or as "Completed on"; never a word of intent ("Target completion date",
 * "Expected date completed"), and never "Completion date" alone, which
 * councils use for the due date.  40 characters: a heading, not a
 * sentence. */
static bool done_date_heading(const rg_view *v, uint32_t r, uint32_t c)
{
    static const char *const done[] = {"completed", "closed", "implemented",
                                       "achieved", "delivered", "finished",
                                       "signed off", NULL};
    static const char *const ending[] = {"completion", "complete", "end",
                                         "closure", "finish", NULL};
    static const char *const day[] = {"date", "dates", NULL};
    static const char *const intent[] = {
        "target", "due", "planned", "expected", "proposed", "agreed",
        "revised", "original", "estimated", "forecast", "anticipated",
        "deadline", "by", "projected", "scheduled", "percent",
        "start", NULL};
    char norm[128];
    size_t len;
    const char *t = rg_text(v, r, c, &len);

    if (!t || len > 40 || memchr(t, '%', len) || memchr(t, '?', len))
        return false;
    rg_norm_at(v, r, c, norm, sizeof norm);
    if (any_word(norm, intent))
        return false;
    if (!strcmp(norm, "closure date") || !strcmp(norm, "date of closure"))
        return true;
    /* "Actual date" beside a milestone's baseline and forecast dates */
    if (!strcmp(norm, "actual date"))
        return true;
    if (rg_norm_has(norm, "actual"))
        return any_word(norm, ending) || any_word(norm, done);
    if (any_word(norm, done) && any_word(norm, day))
        return true;
    {
        /* "Completed on", "Closed on": the done word, then "on", ending
         * the heading ("Completed or on track" is a key's words) */
        size_t n = strlen(norm), k;
        for (k = 0; done[k]; k++) {
            size_t w = strlen(done[k]);
            if (n == w + 3 && !strncmp(norm, done[k], w) &&
                !strcmp(norm + w, " on"))
                return true;
        }
    }
    return false;
}

/* A heading the vocabulary lacks that ends in "status": "Implementation
 * status", "Current status", "Overall RAG status".  Three words at most:
 * a longer heading ending in "status" is a sentence, and "Status update"
 * or "Status comments" end in other words. */
static bool status_heading(const char *norm)
{
    const char *last = strrchr(norm, ' ');
    size_t words = 1;
    const char *p;

    if (!last || strcmp(last + 1, "status"))
        return false;
    for (p = norm; *p; p++)
        words += *p == ' ';
    return words <= 3;
}

/* A heading the vocabulary lacks whose last word names actions: "Agreed
 * action", "Management actions", "Key tasks", "Planned activities".
 * Headings the vocabulary has ("Corrective action" is a comment) never
 * reach here. */
static bool action_heading(const char *norm)
{
    static const char *const words[] = {"action", "actions", "task",
                                        "tasks", "activity", "activities",
                                        NULL};
    /* or first, saying what they are for: "Actions to improve", "Action
     * required", "Actions agreed"; not "Action by" or "Action owner",
     * which name who */
    static const char *const purposes[] = {"to", "required", "needed",
                                           "agreed", "planned", "proposed",
                                           "being", "for", NULL};
    const char *last = strrchr(norm, ' ');
    size_t k;

    /* 40 characters: a heading of a few words, not a sentence */
    if (!last || strlen(norm) > 40)
        return false;
    last++;
    for (k = 0; words[k]; k++)
        if (!strcmp(last, words[k]))
            break;
    if (!words[k]) {
        const char *sp = strchr(norm, ' '), *next;
        size_t n = sp ? (size_t)(sp - norm) : 0;
        if (!((n == 6 && !strncmp(norm, "action", 6)) ||
              (n == 7 && !strncmp(norm, "actions", 7))))
            return false;
        next = sp + 1;
        n = strcspn(next, " ");
        for (k = 0; purposes[k]; k++)
            if (strlen(purposes[k]) == n && !strncmp(next, purposes[k], n))
                break;
        if (!purposes[k])
            return false;
    }
    /* "Planned activity", "Future activity": a key's words for a status,
     * written beside its swatch on the header row.  Asked last: every
     * cell of every row comes here, few end in an action word. */
    return rg_status_of(norm, strlen(norm)) == RAG_PROGRESS_NONE;
}

/* A due heading that names a revised date: "Revised implementation
 * date", "New target date", "Latest deadline".  Beside an original date,
 * it is the date the action is now due by. */
static bool revised_heading(const rg_view *v, uint32_t r, uint32_t c)
{
    static const char *const words[] = {"revised", "new", "amended",
                                        "extended", "latest", "current",
                                        "rescheduled", "reprofiled",
                                        "reprogrammed", "forecast", NULL};
    char norm[128];

    return any_word(rg_norm_at(v, r, c, norm, sizeof norm), words);
}

/* A heading that names the RAG and not words about it: "Progress
 * (RAG)", "Overall RAG", not "RAG commentary" or "Reason for RAG". */
static bool rag_heading(const char *norm)
{
    static const char *const rag[] = {"rag", "brag", NULL};
    static const char *const about[] = {
        "comment", "comments", "commentary", "reason", "reasons",
        "explanation", "narrative", "update", "updates", "notes",
        "justification", "why", "description", "rationale", "date",
        "key", NULL};
    return any_word(norm, rag) && !any_word(norm, about);
}

/* A heading of how many: "Number of actions", "No. of recommendations",
 * "% of actions", "Total actions". */
static bool quantity_heading(const char *norm)
{
    static const char *const lead[] = {"number of ", "no of ", "count of ",
                                       "% of ", "percentage of ",
                                       "percent of ", "proportion of ",
                                       "total ", NULL};
    size_t k;

    for (k = 0; lead[k]; k++)
        if (!strncmp(norm, lead[k], strlen(lead[k])))
            return true;
    return false;
}

/* Words of a date an action began on. */
static const char *const start_words[] = {"start", "started", "starting",
                                          "commenced", "commencement",
                                          "begin", "began", NULL};

/* The two ends of a span of dates under one heading ("Timescale" merged
 * over "Start | End", "From | To"): 1 the start, 2 the end, 0 neither.
 * The end is when the action is due. */
static int span_heading(const rg_view *v, uint32_t r, uint32_t c)
{
    static const char *const from[] = {"from", NULL};
    static const char *const ends[] = {"end", "to", "finish", "completion",
                                       "complete", "completed", "due",
                                       "deadline", "by", "ending", NULL};
    char norm[128];

    rg_norm_at(v, r, c, norm, sizeof norm);
    if (any_word(norm, start_words) || any_word(norm, from))
        return 1;
    return any_word(norm, ends) ? 2 : 0;
}

/* A heading that names a period: "Q2 Status", "Status (September)",
 * "RAG - Quarter 3", "Current status". */
static bool period_heading(const rg_view *v, uint32_t r, uint32_t c)
{
    static const char *const words[] = {
        "q1", "q2", "q3", "q4", "quarter", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "current", "latest",
        "previous", "last", NULL};
    char norm[128];

    return any_word(rg_norm_at(v, r, c, norm, sizeof norm), words);
}

/* "Evidence", "Evidence of progress": updates, when nothing else heads
 * them ("Evidence of impact" is a measure of success, planned ahead). */
static bool evidence_heading(const rg_view *v, uint32_t r, uint32_t c)
{
    char norm[64];

    rg_norm_at(v, r, c, norm, sizeof norm);
    return !strcmp(norm, "evidence") || !strcmp(norm, "evidence of progress");
}

/* A second column of a role whose headings both name a period: into
 * list (the first column too, on the first such), left to right. */
static void add_period_col(const rg_view *v, uint32_t r, uint32_t c,
                           int32_t first, int32_t *list, size_t *count)
{
    if (!period_heading(v, r, c) || !period_heading(v, r, (uint32_t)first))
        return;
    if (!*count)
        list[(*count)++] = first;
    if (*count < RG_STATUS_PERIODS)
        list[(*count)++] = (int32_t)c;
}

static int header_cell(const rg_view *v, uint32_t r, uint32_t c, bool merged,
                       int *month, int *year)
{
    const rag_cell *cell = rg_cell_at(v, r, c);
    char norm[128];
    size_t len;
    const char *t;

    *month = 0;
    *year = 0;
    if (cell && cell->type == RAG_CELL_DATE) {
        int d;
        if (rag_serial_to_ymd(cell->number, v->wb->date1904, year, month, &d))
            return RG_COL_NONE;
        return -1;
    }
    t = merged ? rg_text_merged(v, r, c, &len) : rg_text(v, r, c, &len);
    if (!t)
        return cell && cell->type != RAG_CELL_BLANK ? -1 : -2;
    if (len > MAX_HEADER_TEXT)
        return -1;
    if (rg_month_label_cell(v, t, len, month, year))
        return RG_COL_NONE;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    {
        int role = rg_vocab_prefix(rg_header_words, norm);
        if (role < 0) /* "2024/25 Progress", "Q2 update" */
            role = rg_vocab_prefix(rg_header_words,
                                   rg_norm_skip_period(norm));
        if (role < 0 && due_heading(norm))
            role = RG_COL_DUE;
        /* a plan of "Start | End" spans: the end is when it is due.
         * Whole headings only: "End of year forecast" is no date */
        if (role < 0 && any_exact(norm, end_headings))
            role = RG_COL_DUE;
        if (role < 0 && any_exact(norm, start_headings))
            role = RG_COL_OTHER;
        /* "Progress (RAG)", "Delivery RAG": the RAG, though "progress"
         * alone heads the updates (read as those, the column's RAGs
         * were no status) */
        if ((role < 0 || role == RG_COL_COMMENT || role == RG_COL_OTHER) &&
            rag_heading(norm))
            role = RG_COL_STATUS;
        /* "Number of actions", "% of actions": a dashboard's count of
         * the plan, not a ref or the actions (read as a plan, its counts
         * were refs with no lead) */
        if ((role == RG_COL_REF || role == RG_COL_ACTION) &&
            quantity_heading(norm))
            role = RG_COL_OTHER;
        /* "Date started", "Date commenced": a date, but when the action
         * began, not when it is due (read as the due, every action begun
         * before the report date was overdue) */
        if (role == RG_COL_DUE && any_word(norm, start_words))
            role = RG_COL_OTHER;
        if (role < 0 && status_heading(norm))
            role = RG_COL_STATUS;
        if (role < 0 && action_heading(norm))
            role = RG_COL_ACTION;
        if ((role < 0 || role == RG_COL_COMMENT) &&
            instructions_heading(norm))
            role = -1;
        return role;
    }
}

/* A quarter's column between its months ("Apr | May | Jun | Q1 | Jul"):
 * a quarter heading, or a total's ("Q1 total", "Total"). */
static bool quarter_between(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t len;
    char norm[32];
    const char *t = rg_text_merged(v, r, c, &len);

    if (!t || len > 24)
        return false;
    if (rg_quarter_cell(v, t, len))
        return true;
    rg_norm_cell(v, t, len, norm, sizeof norm);
    return !strcmp(norm, "total") || !strcmp(norm, "quarter total");
}

/* A narrow blank column between two months ("Apr | | May | | Jun"),
 * laid out to space the colours: no heading of its own, merged or not. */
static bool spacer_between(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t len;
    const rag_cell *cell = rg_cell_at(v, r, c);

    return !rg_text_merged(v, r, c, &len) &&
           (!cell || cell->type == RAG_CELL_BLANK);
}

/* Does month b follow month a in the run: the next month, in the next
 * column, or with a quarter's column or a blank spacer between them? */
static bool month_follows(const rg_view *v, uint32_t r, const rg_month_col *a,
                          const rg_month_col *b)
{
    return b->month == a->month % 12 + 1 &&
           (b->col == a->col + 1 ||
            (b->col == a->col + 2 && (quarter_between(v, r, a->col + 1) ||
                                      spacer_between(v, r, a->col + 1))));
}

/* Does b follow a as the next quarter's end, in the next column
 * ("Jun-24 | Sep-24")? */
static bool quarter_end_follows(const rg_view *v, uint32_t r,
                                const rg_month_col *a, const rg_month_col *b)
{
    (void)v;
    (void)r;
    return b->col == a->col + 1 && b->month == (a->month + 2) % 12 + 1;
}

/* The longest run of all[] in which each follows the one before: its
 * start, and its length in *len. */
static size_t longest_run(const rg_view *v, uint32_t r,
                          const rg_month_col *all, size_t n,
                          bool (*follows)(const rg_view *, uint32_t,
                                          const rg_month_col *,
                                          const rg_month_col *),
                          size_t *len)
{
    size_t i, best = 0, start = 0;

    *len = 0;
    for (i = 1; i <= n; i++) {
        if (i < n && follows(v, r, &all[i - 1], &all[i]))
            continue;
        if (i - start > *len) {
            best = start;
            *len = i - start;
        }
        start = i;
    }
    return best;
}

/* The longest run of consecutive months in consecutive columns, a
 * quarter's column or a blank spacer allowed between one month and the
 * next. */
static void keep_month_run(const rg_view *v, uint32_t r, hdr *h,
                           const rg_month_col *all, size_t n)
{
    size_t i, best_len, best = longest_run(v, r, all, n, month_follows,
                                           &best_len);

    /* Apr .. Mar without years is one year: a thirteenth month would be
     * the first again.  Months that write their years may run on into a
     * second (an 18-month tracker). */
    for (i = best; i < best + best_len && best_len > 12; i++)
        if (!all[i].year)
            break;
    if (best_len > 12 && i < best + best_len)
        best_len = 12;
    if (best_len > RG_MONTHS_MAX)
        best_len = RG_MONTHS_MAX;
    h->month_count = best_len;
    if (best_len)
        memcpy(h->months, all + best, best_len * sizeof *all);
}

/* "Jun-24 | Sep-24 | Dec-24 | Mar-25": the ends of the quarters side by
 * side, three months apart, are a status a quarter as "Q1 | Q2 | Q3 |
 * Q4" are (read at the latest reported), not months of a tracker.  Three
 * at least, as a tracker's run of months needs, and only where no status
 * column or quarter headings are there already. */
static void quarter_end_run(const rg_view *v, uint32_t r, hdr *h,
                            const rg_month_col *all, size_t n)
{
    size_t i, best, best_len;

    if (h->status_period_count || h->col[RG_COL_STATUS] >= 0)
        return;
    best = longest_run(v, r, all, n, quarter_end_follows, &best_len);
    if (best_len < 3)
        return;
    if (best_len > RG_STATUS_PERIODS)
        best_len = RG_STATUS_PERIODS;
    for (i = 0; i < best_len; i++)
        h->status_by_period[i] = (int32_t)all[best + i].col;
    h->status_period_count = best_len;
    h->status_by_quarter = true;
    h->month_count = 0;
}

static bool qualifies(const hdr *h)
{
    int core = h->roles;
    bool key = h->col[RG_COL_REF] >= 0 || h->col[RG_COL_ACTION] >= 0;
    int allowed = core > 2 ? core : 2;

    if (!key || h->unknown > allowed + (int)h->month_count)
        return false;
    if (h->month_count >= 3)
        return true;
    return core >= 3 && (h->col[RG_COL_ACTION] >= 0 ||
                         h->col[RG_COL_REF] >= 0);
}

/* Of two columns of action text, the one whose heading says "action"
 * holds the actions ("Actions to be taken" rather than "Recommendation"
 * or "Area for improvement"); else the first stays. */
static void prefer_action_words(const rg_view *v, uint32_t r, uint32_t c,
                                hdr *h)
{
    /* Headings that group the rows ("Workstream | Milestone", "Theme |
     * Task"): the rows' own work is in the later column that names it. */
    static const char *const groups[] = {"workstream", "theme", "objective",
                                         "priority", "project", "programme",
                                         "area", "outcome", "aim", NULL};
    static const char *const work[] = {"milestone", "milestones", "task",
                                       "tasks", "activity", "activities",
                                       "deliverable", "deliverables", NULL};
    char now[128], old[128];

    rg_norm_at(v, r, c, now, sizeof now);
    rg_norm_at(v, r, (uint32_t)h->col[RG_COL_ACTION], old, sizeof old);
    /* "Action | Milestones | Lead | Due | RAG": each action's milestones
     * on rows of their own, each with its lead, date and status, the
     * action written on the first; the milestones are what is due (read
     * the other way, every milestone row but the first was lost, and an
     * overdue milestone with it) */
    if ((strstr(now, "action") && !strstr(old, "action")) ||
        (any_word(now, work) && !any_word(old, work) &&
         (any_word(old, groups) || strstr(old, "action"))))
        h->col[RG_COL_ACTION] = (int32_t)c;
}

/* A key entry written on the header row, to the right of the table: the
 * words of a status ("Revised date agreed", "Planned activity") just right
 * of a coloured cell that holds nothing, its swatch.  A heading's own
 * shading is on the heading's cell, and a heading is not a status. */
static bool key_beside_swatch(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t len;
    const char *t;

    if (c == 0 || rg_has_value(v, r, c - 1) ||
        rg_fill(v, r, c - 1) == RAG_NO_COLOR)
        return false;
    t = rg_text(v, r, c, &len);
    return t && rg_status_of(t, len) != RAG_PROGRESS_NONE;
}

/* A key of named swatches ("On track" in green, "Achieved" in blue below
 * it) that starts on the header row: its first entry is no heading.  Two
 * entries down, each a status in words in a cell of its own colour, the
 * colours different: a status column's heading has no status words, and
 * the cells under a heading that are coloured statuses sit under words
 * like "RAG" or "Status". */
static bool key_going_down(const rg_view *v, uint32_t r, uint32_t c)
{
    size_t len;
    const char *t = rg_text(v, r, c, &len);
    uint32_t f0 = rg_fill(v, r, c), f1;

    if (!t || f0 == RAG_NO_COLOR || rg_status_of(t, len) == RAG_PROGRESS_NONE)
        return false;
    t = rg_text(v, r + 1, c, &len);
    f1 = rg_fill(v, r + 1, c);
    return t && f1 != RAG_NO_COLOR && f1 != f0 &&
           rg_status_of(t, len) != RAG_PROGRESS_NONE;
}

/* A key of codes ("RP | Deadline extended", "P | Not yet started" below
 * it) that starts on the header row: words of a status with a code just
 * left of them, and the row below the same.  A heading such as
 * "Deadline" has a heading left of it, not a code, and the cells under a
 * heading are an action's values, not codes beside status words. */
static bool key_codes_going_down(const rg_view *v, uint32_t r, uint32_t c)
{
    uint32_t k;

    if (c == 0)
        return false;
    for (k = r; k <= r + 1; k++) {
        size_t len, clen;
        const char *t = rg_text(v, k, c, &len);
        const char *code = rg_text(v, k, c - 1, &clen);
        if (!t || !code || !rg_key_code(code, clen) ||
            rg_status_of(t, len) == RAG_PROGRESS_NONE)
            return false;
    }
    return true;
}

/* The header of row r from column c0; *next gets the column a second
 * table side by side starts at (or UINT32_MAX). */
static void header_at(const rg_view *v, uint32_t r, uint32_t c0, bool merged,
                      uint32_t last, bool probe, hdr *h, uint32_t *next)
{
    rg_month_col all[64];
    size_t nall = 0, n = 0, i = 0;
    uint32_t c;

    if (!merged)
        n = rg_row_count(v, r);
    hdr_clear(h);
    *next = UINT32_MAX;
    for (;;) {
        int role, month, year;
        if (merged) {
            c = c0 + (uint32_t)i++;
            if (c > last || c >= v->cols)
                break;
        } else {
            if (i >= n)
                break;
            c = rg_row_col(v, r, i++);
            if (c < c0)
                continue;
            if (c > last)
                break;
        }
        role = header_cell(v, r, c, merged, &month, &year);
        if (role == -2)
            continue;
        if (key_beside_swatch(v, r, c) || key_going_down(v, r, c) ||
            key_codes_going_down(v, r, c))
            continue; /* a key's entry on the header row, not a heading */
        if (!month && h->pct_done < 0 && done_heading(v, r, c)) {
            h->pct_done = (int32_t)c; /* known words, no role of its own */
            if (c < h->first_col)
                h->first_col = c;
            h->last_col = c;
            continue;
        }
        if (!month && h->done_date < 0 && done_date_heading(v, r, c)) {
            h->done_date = (int32_t)c; /* a day in it says done */
            if (c < h->first_col)
                h->first_col = c;
            h->last_col = c;
            continue;
        }
        if (!month && role <= RG_COL_NONE) {
            size_t len;
            const char *t = rg_text(v, r, c, &len);
            if (t && h->col[RG_COL_STATUS] < 0 &&
                h->status_period_count < RG_STATUS_PERIODS &&
                (h->status_by_quarter || !h->status_period_count) &&
                rg_quarter_cell(v, t, len)) {
                /* "Q1 | Q2 | Q3 | Q4": maybe a status a quarter; decided
                 * once the rows are known (latest_periods) */
                h->status_by_period[h->status_period_count++] = (int32_t)c;
                h->status_by_quarter = true;
                continue;
            }
            h->unknown++;
            continue; /* words that are no heading stay outside the table */
        }
        if (month) {
            if (nall < 64) {
                all[nall].col = c;
                all[nall].month = month;
                all[nall++].year = year;
            }
        } else if (role == RG_COL_OTHER) {
            /* known words without a role */
            if (h->evidence < 0 && evidence_heading(v, r, c))
                h->evidence = (int32_t)c;
        } else if (h->col[role] < 0) {
            h->col[role] = (int32_t)c;
            h->roles++;
        } else if (role == RG_COL_COMMENT) {
            /* one update a period: "Q1 Update | Q2 Update" */
            add_period_col(v, r, c, h->col[role], h->comment_by_period,
                           &h->comment_period_count);
        } else if (role == RG_COL_STATUS && !h->status_by_quarter) {
            /* one status column a period: "Q1 Status | Q2 Status"; else
             * a RAG beside the status in words ("Status | RAG") */
            size_t before = h->status_period_count;
            add_period_col(v, r, c, h->col[role], h->status_by_period,
                           &h->status_period_count);
            if (h->status_period_count == before && !before &&
                h->status_beside < 0)
                h->status_beside = (int32_t)c;
        } else if (role == RG_COL_DUE) {
            /* "Original date | Revised date": the action is due by the
             * revised one where a row has it, else by the original */
            if (h->revised_due < 0 && revised_heading(v, r, c)) {
                h->revised_due = (int32_t)c;
            } else if (h->revised_due < 0 &&
                       revised_heading(v, r, (uint32_t)h->col[role])) {
                h->revised_due = h->col[role];
                h->col[role] = (int32_t)c;
            }
        } else if (role == RG_COL_REF || role == RG_COL_ACTION) {
            /* A second table beside the first?  Only when it has refs of
             * its own, or the first is a table by itself: "Ref |
             * Recommendation | Actions to be taken | Lead | ..." and
             * "Objective | Action | Success measure | Responsible | ..."
             * are each one table with two columns of text.  (A probe
             * stops there.) */
            hdr rest;
            uint32_t nn;
            if (probe)
                break;
            header_at(v, r, c, merged, last, true, &rest, &nn);
            if (qualifies(&rest) &&
                (rest.col[RG_COL_REF] >= 0 || qualifies(h))) {
                *next = c;
                break;
            }
            if (role == RG_COL_ACTION)
                prefer_action_words(v, r, c, h);
        }
        if (c < h->first_col)
            h->first_col = c;
        h->last_col = c;
    }
    keep_month_run(v, r, h, all, nall);
    if (h->month_count < 3)
        quarter_end_run(v, r, h, all, nall);
    /* "RAG | Evidence" with no other column of updates: the evidence is
     * what the officer says has been done.  Beside "Progress update" it
     * is what will show success, and stays no column of the plan. */
    if (h->col[RG_COL_COMMENT] < 0 && h->evidence >= 0)
        h->col[RG_COL_COMMENT] = h->evidence;
    if (h->month_count) {
        uint32_t m0 = h->months[0].col,
                 m1 = h->months[h->month_count - 1].col;
        int k;
        size_t q, kept = 0;
        /* the quarters between the months are their summaries, not a
         * status a quarter */
        for (q = 0; q < h->status_period_count; q++)
            if (!h->status_by_quarter ||
                h->status_by_period[q] < (int32_t)m0 ||
                h->status_by_period[q] > (int32_t)m1)
                h->status_by_period[kept++] = h->status_by_period[q];
        h->status_period_count = kept;
        if (!kept)
            h->status_by_quarter = false;
        if (m0 < h->first_col)
            h->first_col = m0;
        if (m1 > h->last_col)
            h->last_col = m1;
        /* "Progress 2024/25" merged over the months is no column of its
         * own */
        for (k = 0; k < RG_COL_ROLES; k++)
            if (h->col[k] >= (int32_t)m0 && h->col[k] <= (int32_t)m1) {
                h->col[k] = -1;
                h->roles--;
            }
        if (h->revised_due >= (int32_t)m0 && h->revised_due <= (int32_t)m1)
            h->revised_due = -1;
        if (h->pct_done >= (int32_t)m0 && h->pct_done <= (int32_t)m1)
            h->pct_done = -1;
        if (h->done_date >= (int32_t)m0 && h->done_date <= (int32_t)m1)
            h->done_date = -1;
        if (h->status_beside >= (int32_t)m0 &&
            h->status_beside <= (int32_t)m1)
            h->status_beside = -1;
    }
}

/* Two header rows as one: roles from either, months from the one with
 * more. */
static void hdr_merge(hdr *into, const hdr *other)
{
    int i;
    for (i = 0; i < RG_COL_ROLES; i++)
        if (into->col[i] < 0 && other->col[i] >= 0) {
            into->col[i] = other->col[i];
            into->roles++;
        }
    if (into->revised_due < 0)
        into->revised_due = other->revised_due;
    if (into->pct_done < 0)
        into->pct_done = other->pct_done;
    if (into->done_date < 0)
        into->done_date = other->done_date;
    if (into->status_beside < 0)
        into->status_beside = other->status_beside;
    if (!into->status_period_count) {
        memcpy(into->status_by_period, other->status_by_period,
               sizeof into->status_by_period);
        into->status_period_count = other->status_period_count;
        into->status_by_quarter = other->status_by_quarter;
    }
    if (!into->comment_period_count) {
        memcpy(into->comment_by_period, other->comment_by_period,
               sizeof into->comment_by_period);
        into->comment_period_count = other->comment_period_count;
    }
    if (other->month_count > into->month_count) {
        memcpy(into->months, other->months, sizeof into->months);
        into->month_count = other->month_count;
    }
    if (other->first_col < into->first_col)
        into->first_col = other->first_col;
    if (other->last_col > into->last_col)
        into->last_col = other->last_col;
}

/* Years written above the month columns: "2009" or "2009/10". */
static int header_years(const rg_view *v, uint32_t r, hdr *h)
{
    size_t i;
    int fy = 0;

    if (r == 0)
        return 0;
    for (i = 0; i < h->month_count; i++) {
        size_t len;
        const char *t = rg_text_merged(v, r - 1, h->months[i].col, &len);
        const rag_cell *cell = rg_cell_at(v, r - 1, h->months[i].col);
        int y = 0;
        if (h->months[i].year)
            continue;
        if (t && rg_find_fy(t, len, &y)) {
            fy = y;
        } else if (t && len == 4 && t[0] >= '1' && t[0] <= '2') {
            y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 +
                (t[2] - '0') * 10 + (t[3] - '0');
            if (y >= 1990 && y <= 2100)
                h->months[i].year = y;
        } else if (cell && cell->type == RAG_CELL_NUMBER &&
                   cell->number >= 1990 && cell->number <= 2100) {
            h->months[i].year = (int)cell->number;
        }
    }
    return fy;
}

/* A row that holds an action of a table laid out as h (for finding where
 * a title block begins). */
static bool data_row(const rg_view *v, const hdr *h, uint32_t r)
{
    char ref[32], parent[32];
    size_t len;
    const char *t;

    if (h->col[RG_COL_REF] >= 0) {
        t = rg_text(v, r, (uint32_t)h->col[RG_COL_REF], &len);
        if (t && rg_parse_ref(t, len, ref, sizeof ref, parent, sizeof parent))
            return true;
        if (rg_cell_at(v, r, (uint32_t)h->col[RG_COL_REF]) &&
            rg_cell_at(v, r, (uint32_t)h->col[RG_COL_REF])->type ==
                RAG_CELL_NUMBER)
            return true;
        return false; /* a table with refs: a row without one is no data */
    }
    if (h->col[RG_COL_ACTION] >= 0 &&
        (t = rg_text(v, r, (uint32_t)h->col[RG_COL_ACTION], &len)) != NULL) {
        int k;
        char norm[64];
        /* "Report date: | 15/10/2024", "Owner | Director of Place": a
         * title block's label and its value, not an action and its lead
         * (a plan with no refs lost its title and report date to it) */
        rg_norm_cell(v, t, len, norm, sizeof norm);
        if ((len && t[len - 1] == ':') ||
            rg_vocab_exact(rg_label_words, norm) > 0)
            return false;
        for (k = RG_COL_LEAD; k <= RG_COL_COMMENT; k++)
            if (h->col[k] >= 0 && rg_has_value(v, r, (uint32_t)h->col[k]))
                return true;
    }
    return false;
}

/* The first words of the title block [from, r): what tells two plans with
 * the same header apart. */
static void block_title(const rg_view *v, uint32_t from, uint32_t r,
                        char *buf, size_t size)
{
    uint32_t k;
    buf[0] = '\0';
    for (k = from; k < r; k++) {
        size_t i, n = rg_row_count(v, k);
        for (i = 0; i < n; i++) {
            const uint32_t cell_col = rg_row_col(v, k, i);
            size_t len;
            const char *t = rg_text(v, k, cell_col, &len);
            if (t) {
                rg_norm_cell(v, t, len, buf, size);
                return;
            }
        }
    }
}

typedef struct found {
    uint32_t row, prev_row; /* prev_row: a first header row above, or row */
    hdr h;
} found;

static bool same_layout(const hdr *a, const hdr *b)
{
    size_t i;
    /* a page's repeat has every column where the first page has it: an
     * "Actions to improve | Who | When" under a scorecard headed
     * "Description | ..." is a table of its own, not the next page */
    if (a->month_count != b->month_count)
        return false;
    for (i = 0; i < RG_COL_ROLES; i++)
        if (a->col[i] != b->col[i])
            return false;
    for (i = 0; i < a->month_count; i++)
        if (a->months[i].col != b->months[i].col ||
            a->months[i].month != b->months[i].month)
            return false;
    return true;
}

static bool overlaps(const hdr *a, const hdr *b)
{
    return a->first_col <= b->last_col && b->first_col <= a->last_col;
}

/* The merge of heading column col on header row r when it runs across
 * columns and ends on that row (subheadings may stand under it), else
 * NULL. */
static const rag_range *heading_over(const rg_view *v, uint32_t r,
                                     int32_t col)
{
    const rag_range *m;
    if (col < 0 || r + 1 >= v->rows)
        return NULL;
    m = rg_merge_at(v, r, (uint32_t)col);
    return m && m->first_col != m->last_col && m->last_row == r ? m : NULL;
}

/* Anything on row r + 1 under the header's other headings: then that row
 * is data, not subheadings of merge m. */
static bool data_beside(const rg_view *v, uint32_t r, const hdr *h,
                        const rag_range *m)
{
    uint32_t c;
    for (c = h->first_col; c <= h->last_col; c++)
        if ((c < m->first_col || c > m->last_col) && rg_has_value(v, r + 1, c))
            return true;
    return false;
}

/* "Target date" merged over "Original | Revised" on the row below: the
 * due under the original (or first) sub-heading, the revised date under
 * the other, as when both are headings of their own.  "Timescale" merged
 * over "Start | End": the due under the end (read as the first, every
 * action was due on the day it started).  true when row r + 1 is such a
 * row of sub-headings, and so part of the header. */
static bool due_subheadings(const rg_view *v, uint32_t r, hdr *h)
{
    const rag_range *m;
    uint32_t c, first = UINT32_MAX, revised = UINT32_MAX;
    uint32_t start = UINT32_MAX, end = UINT32_MAX;
    int words = 0;

    if (h->revised_due >= 0 || !(m = heading_over(v, r, h->col[RG_COL_DUE])))
        return false;
    for (c = m->first_col; c <= m->last_col; c++) {
        size_t len;
        if (!rg_text(v, r + 1, c, &len))
            continue;
        words++;
        if (revised == UINT32_MAX && revised_heading(v, r + 1, c))
            revised = c;
        else if (first == UINT32_MAX)
            first = c;
        if (span_heading(v, r + 1, c) == 1 && start == UINT32_MAX)
            start = c;
        else if (span_heading(v, r + 1, c) == 2 && end == UINT32_MAX)
            end = c;
    }
    /* only words under the heading: a start and an end, or one of them a
     * revised date's */
    if (words == 2 && start != UINT32_MAX && end != UINT32_MAX) {
        first = end;
        revised = UINT32_MAX;
    } else if (revised == UINT32_MAX || first == UINT32_MAX || words != 2) {
        return false;
    }
    if (data_beside(v, r, h, m))
        return false;
    h->col[RG_COL_DUE] = (int32_t)first;
    h->revised_due = revised == UINT32_MAX ? -1 : (int32_t)revised;
    return true;
}

/* The header of a risk register: a heading of likelihood and one of
 * impact or of the score they make.  Its RAG is the risk's rating, not
 * how an action is going, and its rows are risks, not actions: read as an
 * action plan it gave every risk a missing lead and a "not complete"
 * overdue.  Both are needed: "Impact" alone heads an action plan's
 * expected effect. */
static bool risk_register(const rg_view *v, uint32_t r, const hdr *h)
{
    static const char *const chance[] = {"likelihood", "probability", NULL};
    static const char *const effect[] = {"impact", "severity", "consequence",
                                         "score", NULL};
    bool likely = false, impact = false;
    uint32_t c;

    for (c = h->first_col; c <= h->last_col && c < v->cols; c++) {
        char norm[128];
        rg_norm_at(v, r, c, norm, sizeof norm);
        likely = likely || any_word(norm, chance);
        impact = impact || any_word(norm, effect);
    }
    return likely && impact;
}

/* "Progress RAG" merged over "Q1 | Q2 | Q3 | Q4" on the row below: a
 * status a quarter, read at the latest reported (latest_periods), and the
 * header goes on the quarters' row.  Only quarters under the heading and
 * nothing under the others, or it is a data row. */
static bool status_subheadings(const rg_view *v, uint32_t r, hdr *h)
{
    const rag_range *m;
    uint32_t c;
    size_t n = 0;
    int32_t cols[RG_STATUS_PERIODS];

    if (h->status_period_count ||
        !(m = heading_over(v, r, h->col[RG_COL_STATUS])))
        return false;
    for (c = m->first_col; c <= m->last_col; c++) {
        size_t len;
        const char *t = rg_text(v, r + 1, c, &len);
        if (!t)
            continue;
        if (!rg_quarter_cell(v, t, len) || n == RG_STATUS_PERIODS)
            return false;
        cols[n++] = (int32_t)c;
    }
    if (n < 2 || data_beside(v, r, h, m))
        return false;
    memcpy(h->status_by_period, cols, n * sizeof *cols);
    h->status_period_count = n;
    h->status_by_quarter = true;
    return true;
}

/* Every header row of the sheet, two-row headers joined. */
static bool find_headers(const rg_view *v, found **out, size_t *count)
{
    uint32_t r;

    for (r = 0; r < v->rows; r++) {
        uint32_t c0 = 0, next = 0;
        while (next != UINT32_MAX) {
            hdr h, other;
            uint32_t nn;
            found *f;
            uint32_t prev = r;

            header_at(v, r, c0, false, UINT32_MAX, false, &h, &next);
            if (qualifies(&h) && risk_register(v, r, &h))
                break; /* a register of risks, not a plan */
            if (!qualifies(&h) && next != UINT32_MAX) {
                /* a column or two of words before a table of refs
                 * ("Objective | Ref | Action | ..."): the table */
                c0 = next;
                continue;
            }
            if (!qualifies(&h)) {
                /* months under a merged heading: roles from above */
                if (h.month_count < 3 || r == 0)
                    break;
                header_at(v, r, 0, true, UINT32_MAX, false, &other, &nn);
                if (!qualifies(&other)) {
                    header_at(v, r - 1, 0, true, UINT32_MAX, false, &other, &nn);
                    hdr_merge(&other, &h);
                    if (!qualifies(&other))
                        break;
                }
                hdr_merge(&other, &h);
                h = other;
                prev = r - 1;
            } else if (h.month_count < 3 && r + 1 < v->rows) {
                /* roles here, months in the next row */
                hdr below;
                header_at(v, r + 1, 0, true, UINT32_MAX, false, &below, &nn);
                if (below.month_count >= 3 && overlaps(&h, &below))
                    break; /* the next row takes this one */
            }
            if (*count && (*out)[*count - 1].row == prev &&
                prev != r && overlaps(&(*out)[*count - 1].h, &h))
                (*count)--; /* the row above was half of this header */
            f = rg_vec_push((void **)out, count, sizeof **out);
            if (!f)
                return false;
            f->row = r;
            if (prev == r && due_subheadings(v, r, &h))
                f->row = r + 1; /* the header goes on a row */
            if (prev == r && status_subheadings(v, r, &h))
                f->row = r + 1;
            f->prev_row = prev;
            f->h = h;
            c0 = next;
        }
    }
    return true;
}

static bool push_row(rg_table *t, uint32_t row)
{
    return rg_vec_push((void **)&t->headers, &t->header_count,
                       sizeof *t->headers) != NULL &&
           ((t->headers[t->header_count - 1] = row), true);
}

/* Of columns one a period (cols, left to right, as trackers add them),
 * the latest reported: the rightmost with words in any of t's rows, or
 * with colours: a colour alone when colours (a status's cell may be
 * coloured with no words; an update's may not).  -1 when none is. */
static int32_t latest_reported(const rg_view *v, const rg_table *t,
                               const int32_t *cols, size_t k, bool colours)
{
    uint32_t first = t->headers[t->header_count - 1] + 1;

    while (k-- > 0) {
        uint32_t c = (uint32_t)cols[k], r;
        for (r = first; r < t->end_row; r++) {
            size_t len;
            if (rg_text(v, r, c, &len) ||
                (colours && rg_fill(v, r, c) != RAG_NO_COLOR &&
                 !rg_has_value(v, r, c)))
                return (int32_t)c;
        }
    }
    return -1;
}

/* A status column a period ("Q1 Status | Q2 Status", or bare "Q1 | Q2 |
 * Q3 | Q4" in a table with no status column) is read at the latest
 * reported (Q3's stays empty until the quarter is reported); bare
 * quarters holding figures (spend by quarter) are no status.  An update
 * column a period ("Q1 Update | Q2 Update") likewise. */
static void latest_periods(const rg_view *v, rg_table *t)
{
    int32_t c;
    bool own = t->col[RG_COL_STATUS] >= 0;
    size_t k;

    /* "Progress RAG" merged over "Q1 | Q2 | Q3 | Q4" on the row below
     * heads the quarters, no status column of its own (read as one, every
     * action had its Q1 status) */
    for (k = 0; k < t->status_period_count && own; k++)
        if (t->status_by_period[k] == t->col[RG_COL_STATUS])
            own = false;
    /* a status column of its own beside bare quarters says it */
    if (!(t->status_by_quarter && own) &&
        (c = latest_reported(v, t, t->status_by_period,
                             t->status_period_count, true)) >= 0)
        t->col[RG_COL_STATUS] = c;
    if ((c = latest_reported(v, t, t->comment_by_period,
                             t->comment_period_count, false)) >= 0)
        t->col[RG_COL_COMMENT] = c;
}

bool rg_find_tables(const rg_view *v, rg_table **out, size_t *count)
{
    found *fs = NULL;
    size_t nf = 0, i, j;
    bool ok = true;

    *out = NULL;
    *count = 0;
    if (!find_headers(v, &fs, &nf)) {
        rg_free(fs);
        return false;
    }
    for (i = 0; i < nf && ok; i++) {
        const found *f = &fs[i];
        rg_table *t = NULL;
        uint32_t from = f->prev_row, stop = 0;
        char title[96], first[96];

        /* the title block: up to the previous table's data or header */
        while (from > 0 && !data_row(v, &f->h, from - 1)) {
            bool header = false;
            for (j = 0; j < i; j++)
                if (fs[j].row == from - 1 && overlaps(&fs[j].h, &f->h))
                    header = true;
            if (header)
                break;
            from--;
        }
        for (j = 0; j < i; j++)
            if (fs[j].row >= stop && fs[j].row < f->row)
                stop = fs[j].row + 1;
        if (from < stop)
            from = stop;
        block_title(v, from, f->prev_row, title, sizeof title);
        /* a repeated page of an open table? */
        for (j = *count; j-- > 0;) {
            rg_table *o = &(*out)[j];
            hdr oh;
            size_t k;
            hdr_clear(&oh);
            for (k = 0; k < RG_COL_ROLES; k++)
                oh.col[k] = o->col[k];
            oh.month_count = o->month_count;
            memcpy(oh.months, o->months, sizeof oh.months);
            oh.first_col = o->first_col;
            oh.last_col = o->last_col;
            if (!overlaps(&oh, &f->h))
                continue;
            if (same_layout(&oh, &f->h)) {
                block_title(v, o->block_start,
                            o->headers[0] > o->block_start ? o->headers[0]
                                                           : o->block_start,
                            first, sizeof first);
                if (!title[0] || !first[0] || !strcmp(title, first))
                    t = o;
            }
            break;
        }
        if (t) {
            ok = push_row(t, f->prev_row) &&
                 (f->prev_row == f->row || push_row(t, f->row));
            continue;
        }
        t = rg_vec_push((void **)out, count, sizeof **out);
        if (!t) {
            ok = false;
            break;
        }
        t->kind = f->h.month_count >= 3 ? RAG_PLAN_TRACKER : RAG_PLAN_ACTION;
        t->header_row = f->row;
        t->first_col = f->h.first_col;
        t->last_col = f->h.last_col;
        memcpy(t->col, f->h.col, sizeof t->col);
        t->revised_due = f->h.revised_due;
        t->pct_done = f->h.pct_done;
        t->done_date = f->h.done_date;
        t->status_beside = f->h.status_beside;
        memcpy(t->status_by_period, f->h.status_by_period,
               sizeof t->status_by_period);
        t->status_period_count = f->h.status_period_count;
        t->status_by_quarter = f->h.status_by_quarter;
        memcpy(t->comment_by_period, f->h.comment_by_period,
               sizeof t->comment_by_period);
        t->comment_period_count = f->h.comment_period_count;
        memcpy(t->months, f->h.months, sizeof t->months);
        t->month_count = t->kind == RAG_PLAN_TRACKER ? f->h.month_count : 0;
        {
            /* the years sit above the month row: in the header's upper
             * row when it has two ("2024" merged over Apr..Dec beside
             * "Ref"), else in the row above the header */
            hdr h = f->h;
            size_t k;
            bool dated = false;
            if (f->prev_row != f->row) {
                t->fy_start = header_years(v, f->row, &h);
                for (k = 0; k < h.month_count; k++)
                    dated = dated || h.months[k].year;
            }
            if (!t->fy_start && !dated) {
                h = f->h;
                t->fy_start = header_years(v, f->prev_row, &h);
            }
            memcpy(t->months, h.months, sizeof t->months);
        }
        t->block_start = from;
        ok = push_row(t, f->prev_row) &&
             (f->prev_row == f->row || push_row(t, f->row));
    }
    /* each table ends where another starts below it */
    for (i = 0; ok && i < *count; i++) {
        rg_table *t = &(*out)[i];
        uint32_t last = t->headers[t->header_count - 1];
        t->end_row = v->rows;
        for (j = 0; j < nf; j++) {
            bool mine = false;
            size_t k;
            for (k = 0; k < t->header_count; k++)
                if (t->headers[k] == fs[j].row)
                    mine = true;
            if (!mine && fs[j].prev_row > last && fs[j].prev_row < t->end_row &&
                fs[j].h.first_col <= t->last_col &&
                t->first_col <= fs[j].h.last_col)
                t->end_row = fs[j].prev_row;
        }
        latest_periods(v, t);
    }
    rg_free(fs);
    if (!ok) {
        rg_tables_free(*out, *count);
        *out = NULL;
        *count = 0;
    }
    return ok;
}

void rg_tables_free(rg_table *t, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++)
        rg_free(t[i].headers);
    rg_free(t);
}
