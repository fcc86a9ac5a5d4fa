/*
 * Recognition of layouts the fixtures do not have, on small workbooks
 * written here with libxlsxwriter: scorecards in several wordings, and a
 * workbook with no plan at all.  Each case is a grid in a mini-language
 * (rows of cells split by '|'; "90%" is 0.9 shown as a percentage, a
 * plain number is a number, anything else is text) and the facts a reader
 * would take from it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "support.h"

#include "ragbook/ragbook.h"
#include "recognise/recognise.h"

/* A vertical merge the grid asks for: rows r0..r1 of column c. */
typedef struct vmerge {
    size_t r0, r1;
    lxw_col_t c;
    char head[128];
} vmerge;

/* Write rows (NULL-terminated) to a new workbook at path.  A cell "<<"
 * is merged into the cell on its left ("Target date|<<": one heading over
 * two columns), a cell "^^" into the cell above (a ref over the rows of
 * its sub-actions). */
static void write_grid(const char *path, const char *const *rows)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
    lxw_format *pct = workbook_add_format(wb);
    static char above[32][128];   /* the last row's text, by column */
    vmerge vm[16];
    size_t r, nvm = 0, k;

    format_set_num_format(pct, "0%");
    for (r = 0; rows[r]; r++) {
        const char *p = rows[r];
        lxw_col_t c = 0, from = 0;
        char head[512] = "";
        while (1) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            char cell[512], *end;
            double d;
            if (n >= sizeof cell)
                n = sizeof cell - 1;
            memcpy(cell, p, n);
            cell[n] = '\0';
            if (!strcmp(cell, "<<")) {
                worksheet_merge_range(ws, (lxw_row_t)r, from, (lxw_row_t)r, c,
                                      head, NULL);
                n = 0;
            } else if (!strcmp(cell, "^^") && r > 0 && c < 32) {
                for (k = 0; k < nvm; k++)
                    if (vm[k].c == c && vm[k].r1 + 1 == r)
                        break;
                if (k == nvm && nvm < 16) {
                    vm[nvm].r0 = r - 1;
                    vm[nvm].c = c;
                    snprintf(vm[nvm].head, sizeof vm[nvm].head, "%s",
                             above[c]);
                    nvm++;
                }
                if (k < 16)
                    vm[k].r1 = r;
                n = 0;
            } else {
                from = c;
                memcpy(head, cell, n + 1);
            }
            if (c < 32 && strcmp(cell, "^^"))
                snprintf(above[c], sizeof above[c], "%s", cell);
            if (n) {
                d = strtod(cell, &end);
                if (end != cell && *end == '%' && end[1] == '\0')
                    worksheet_write_number(ws, (lxw_row_t)r, c, d / 100,
                                           pct);
                else if (end != cell && *end == '\0')
                    worksheet_write_number(ws, (lxw_row_t)r, c, d, NULL);
                else
                    worksheet_write_string(ws, (lxw_row_t)r, c, cell, NULL);
            }
            c++;
            if (!bar)
                break;
            p = bar + 1;
        }
    }
    for (k = 0; k < nvm; k++)
        worksheet_merge_range(ws, (lxw_row_t)vm[k].r0, vm[k].c,
                              (lxw_row_t)vm[k].r1, vm[k].c, vm[k].head, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

typedef struct built {
    rag_workbook *wb;
    rag_model *m;
    char path[64];
} built;

/* Read b->path and build its model as of y-m-d (year 0: no --as-of, the
 * workbook's own date or today). */
static void read_built(built *b, int y, int m, int d)
{
    rag_error err;
    rag_model_options o;

    rag_error_clear(&err);
    b->wb = NULL;
    assert_int_equal(rag_workbook_read(b->path, NULL, &b->wb, &err), RAG_OK);
    memset(&o, 0, sizeof o);
    o.as_of.year = y;
    o.as_of.month = m;
    o.as_of.day = d;
    assert_int_equal(rag_model_build(b->wb, &o, &b->m, &err), RAG_OK);
}

static void build_grid(built *b, const char *const *rows)
{
    static int serial;

    snprintf(b->path, sizeof b->path, "/tmp/rg_recog_%ld_%d.xlsx",
             (long)getpid(), serial++);
    write_grid(b->path, rows);
    read_built(b, 2023, 10, 31);
}

static void built_free(built *b)
{
    rag_model_free(b->m);
    rag_workbook_free(b->wb);
    unlink(b->path);
}

/* A new workbook at a path of its own for b, named by tag. */
static lxw_workbook *book_at(built *b, const char *tag)
{
    snprintf(b->path, sizeof b->path, "/tmp/rg_recog_%s_%ld.xlsx", tag,
             (long)getpid());
    return workbook_new(b->path);
}

/* n formats of wb, each a solid fill of fills[i]. */
static void fill_formats(lxw_workbook *wb, const uint32_t *fills,
                         lxw_format **out, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        out[i] = workbook_add_format(wb);
        format_set_bg_color(out[i], fills[i]);
    }
}

static const rag_plan *only_plan(const built *b, rag_plan_kind kind)
{
    assert_int_equal(b->m->plan_count, 1);
    assert_int_equal(b->m->plans[0].kind, kind);
    return &b->m->plans[0];
}

/* ---- scorecards -------------------------------------------------------- */

typedef struct sc_case {
    const char *name;
    const char *rows[8];
    size_t count;            /* indicators */
    /* the first indicator */
    const char *code;
    double target, actual;
    const char *unit, *direction, *stated_rag, *rag, *period;
    size_t values;
    const char *travel, *comment;
} sc_case;

static const sc_case sc_cases[] = {
    {"\"Target Q1 | Actual Q1\": the role first, then the quarter",
     {"Measure|Good is|Annual Target|Target Q1|Actual Q1|Target Q2|"
      "Actual Q2|Target Q3|Actual Q3|RAG",
      "Number of apprenticeships started (ASC7)|Bigger is better|97|74|71|"
      "71|72|79||G",
      NULL},
     1, "ASC7", 71, 72, "count", "higher_is_better", "green", "green",
     "Q2", 2, NULL, NULL},
    {"a target and an actual per quarter: the latest against its own",
     {"Corporate Performance Scorecard 2024/25 - Quarter 2", "",
      "Ref|Indicator|Polarity|Annual Target|Q1 Target|Q1 Actual|Q2 Target|"
      "Q2 Actual|RAG|Comment",
      "CP01|% of council tax collected|High is good|97%|28%|29%|56%|55%|A|"
      "Slightly behind",
      "CP03|Number of affordable homes delivered|High is good|200|50|52|"
      "100|104|G|",
      NULL},
     2, "CP01", 0.56, 0.55, "percent", "higher_is_better", "amber",
     "amber", "Q2", 2, NULL, "Slightly behind"},
    {"quarters, polarity words, letters for RAG",
     {"Corporate scorecard 2023/24", "",
      "PI Code|Indicator|Polarity|Annual Target|Q1|Q2|Q3|Q4|RAG|"
      "Direction of Travel|Commentary",
      "HS01|Rent collected|Aim to maximise|97%|95%|96%|||A|Improving|"
      "Below target",
      "HS02|Days to re-let voids|Smaller is better|25|31|35|||R|Worse|",
      NULL},
     2, "HS01", 0.97, 0.96, "percent", "higher_is_better", "amber",
     "amber", "Q2", 2, "Improving", "Below target"},
    {"code in brackets in the title, months, words for RAG",
     {"Measure|Good performance is|Target|Apr|May|Jun|Jul|Status|Trend|"
      "Explanation of variance",
      "Average days to process new claims (NI 181)|Lower is better|20|"
      "22|24|19||Green|Improving|Recovered in June",
      NULL},
     1, "NI 181", 20, 19, "days", "lower_is_better", "green", "green",
     "2023-06", 3, "Improving", "Recovered in June"},
    {"quarter headings with their own year, higher is better",
     {"Ref|Performance indicator|Higher or lower|2023/24 Target|"
      "Quarter 1 (April to June 2023)|Quarter 2 (July to September 2023)|"
      "RAG Status|Comments",
      "1.1|Households prevented from homelessness|Higher is better|400|"
      "120|250|Amber|",
      "1.2|Empty homes brought back into use|Higher is better|40|8||R|"
      "Staff vacancy",
      NULL},
     /* 120 and 250 of the year's 400 by Q2: a total to date, which the
      * year's target cannot rate before Q4 (it was a false red) */
     2, "1.1", 400, 250, "count", "higher_is_better", "amber", NULL,
     "Q2", 2, NULL, NULL},
    {"a share collected to date against the year's target",
     {"PI Code|Measure|Good is|Q1|Q2|Q3|2023/24 Target|Status|Commentary",
      "CS01|% of Council Tax collected|High|29%|57%|84%|97%|G|On profile",
      "CS03|% of calls answered within 20 seconds|High|78%|80%|77%|80%|A|"
      "Vacancies",
      NULL},
     2, "CS01", 0.97, 0.84, "percent", "higher_is_better", "green", NULL,
     "Q3", 3, NULL, "On profile"},
    {"a figure and a RAG column per quarter, later ones blank",
     {"PI Ref|Indicator|Good performance is|Annual Target|Q1 Actual|"
      "Q1 RAG|Q2 Actual|Q2 RAG|Q3 Actual|Q3 RAG|Q2 Commentary",
      "CP01|Household waste recycled|High|45%|43.1%|G|44.8%|A|||"
      "Garden waste scheme",
      "CP02|Days to process new claims|Low|20|19|G|24|R|||",
      NULL},
     2, "CP01", 0.45, 0.448, "percent", "higher_is_better", "amber",
     "amber", "Q2", 2, NULL, "Garden waste scheme"},
    {"no code column, a section heading row",
     {"Indicator|Target|Q1|Q2|RAG|Commentary", "Housing", 
      "Rent arrears as % of debit|2%|2.4%||G|Arrears up",
      "Complaints answered in time|95%|||Green|",
      NULL},
     2, NULL, 0.02, 0.024, "percent", "lower_is_better", "green", "red",
     "Q1", 1, NULL, "Arrears up"},
    {"a code opening the title",
     {"Indicator|Polarity|Target|Q1|Q2|RAG|Comments",
      "HS05 Average days to re-let council homes|Lower is better|28|35|41|"
      "Red|Voids backlog",
      NULL},
     1, "HS05", 28, 41, "days", "lower_is_better", "red", "red", "Q2", 2,
     NULL, "Voids backlog"},
    {"a count whose title says lower is better, no polarity stated",
     {"Code|Measure|Target|Q1|Q2|Status",
      "ASC3|Number of people in residential care|450|452|446|G",
      NULL},
     1, "ASC3", 450, 446, "count", "lower_is_better", "green", "green",
     "Q2", 2, NULL, NULL},
    {"a pollutant opening the title is no code",
     {"Indicator|Polarity|Target|Q1|Q2|RAG|Comments",
      "CO2 emissions from council buildings|Lower is better|1200|1100|"
      "1150|Green|",
      NULL},
     1, NULL, 1200, 1150, "count", "lower_is_better", "green", "green",
     "Q2", 2, NULL, NULL},
    {"status stated against the target in words",
     {"Ref|Performance Measure|Good Performance|2024/25 Target|Q1 24/25|"
      "Q2 24/25|Status|Trend|Comments",
      "CS02|Average days to process benefit changes|Low|8|8.4|8.6|"
      "Within Tolerance|Worsening|Backlog",
      "CS03|Calls answered in 60 seconds|High|85%|86%|88%|Target met||",
      "CS04|Complaints answered in time|High|95%|80%||Target not met||",
      NULL},
     3, "CS02", 8, 8.6, "days", "lower_is_better", "amber", "amber", "Q2",
     2, "Worsening", "Backlog"},
    {"target and actual a quarter; complaints done in time a share to raise",
     {"Key Performance Indicators 2024/25",
      "Ref|Indicator|Q1 Target|Q1 Actual|Q2 Target|Q2 Actual|RAG|Comment",
      "K2|Complaints responded to in 10 days (%)|90%|85%|90%|70%|Red|"
      "Staff shortages",
      "K3|% of calls abandoned|5%|6%|5%|4%|Green|",
      NULL},
     2, "K2", 0.9, 0.7, "percent", "higher_is_better", "red", "red", "Q2",
     2, NULL, "Staff shortages"},
    {"each quarter's own count against the year's target: not rated",
     {"Code|Indicator|Polarity|Target|Q1|Q2|RAG|Comments",
      "LS1|Leisure centre visits|Higher is better|250000|61000|66000|Green|"
      "Summer programme",
      "LS2|% of customers rating service good|Higher is better|90%|91%|"
      "92%|Green|",
      NULL},
     2, "LS1", 250000, 66000, "count", "higher_is_better", "green", NULL,
     "Q2", 2, NULL, "Summer programme"},
};

static void test_scorecards_are_read_in_their_many_wordings(void **state)
{
    size_t k;
    (void)state;
    for (k = 0; k < sizeof sc_cases / sizeof sc_cases[0]; k++) {
        const sc_case *c = &sc_cases[k];
        built b;
        const rag_plan *p;
        const rag_indicator *ind;

        print_message("case: %s\n", c->name);
        build_grid(&b, c->rows);
        p = only_plan(&b, RAG_PLAN_SCORECARD);
        assert_int_equal(p->indicator_count, c->count);
        ind = &p->indicators[0];
        if (c->code)
            assert_string_equal(ind->code, c->code);
        else
            assert_null(ind->code);
        assert_true(ind->has_target);
        assert_true(fabs(ind->target - c->target) < 1e-9);
        assert_true(ind->has_actual);
        assert_true(fabs(ind->actual - c->actual) < 1e-9);
        assert_string_equal(rag_unit_name(ind->unit), c->unit);
        assert_string_equal(rag_direction_name(ind->direction),
                            c->direction);
        assert_string_equal(rag_rating_name(ind->stated_rag), c->stated_rag);
        if (c->rag) {
            assert_string_equal(rag_rating_name(ind->rag), c->rag);
            assert_false(ind->to_date);
        } else {
            /* a total to date before Q4: not rated */
            assert_int_equal(ind->rag, RAG_RATING_NONE);
            assert_true(ind->to_date);
        }
        assert_string_equal(ind->period, c->period);
        assert_int_equal(ind->value_count, c->values);
        if (c->travel)
            assert_string_equal(ind->travel, c->travel);
        else
            assert_null(ind->travel);
        if (c->comment)
            assert_string_equal(ind->comment, c->comment);
        else
            assert_null(ind->comment);
        built_free(&b);
    }
}

/* A target written as words that say there is none by design ("Monitor
 * only", "No target set", "Baseline year"), or a commentary of "Data only"
 * where the target is blank, marks the row data only; a blank target
 * with no such words, and "TBC", do not. */
static void test_no_target_by_design_is_data_only(void **state)
{
    static const char *const rows[] = {
        "Code|Indicator|Target|Q1|Q2|RAG|Commentary",
        "R1|Number of complaints|Monitor only|45|52||",
        "R2|Staff turnover|No target set|10%|8%||",
        "R3|Visits to libraries|Baseline year|1000|1200||",
        "R4|FOI requests answered||90%|91%||Data only",
        "R5|Invoices paid on time|TBC|90%|91%||",
        "R6|Sickness days per FTE||4|5||Long-term cases",
        "R7|First-time entrants to youth justice|Reduce|31|28|G|",
        "R8|Volunteers recruited|Aim to increase|12|15|G|",
        NULL};
    static const bool want[] = {true, true, true, true, false, false,
                                true, true};
    built b;
    const rag_plan *p;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 8);
    for (i = 0; i < 8; i++) {
        print_message("row %zu: %s\n", i, p->indicators[i].code);
        assert_false(p->indicators[i].has_target);
        assert_int_equal(p->indicators[i].data_only, want[i]);
    }
    /* a target of a direction alone states the direction too */
    assert_int_equal(p->indicators[6].direction, RAG_LOWER_IS_BETTER);
    assert_int_equal(p->indicators[7].direction, RAG_HIGHER_IS_BETTER);
    built_free(&b);
}

/* Notes under a scorecard, their word in the code column and their text
 * in the title's ("Note 1 | Targets agreed by Cabinet", "NB | ..."), are
 * not indicators: each was a false target-missing and actual-missing. */
static void test_scorecard_notes_under_table_are_not_indicators(void **state)
{
    static const char *const rows[] = {
        "Code|Indicator|Polarity|Target|Q1|Q2|RAG|Comments",
        "LS2|% satisfied|Higher is better|90%|91%|92%|Green|",
        "LS3|Cost per visit|Lower is better|2.5|2.61|2.48|Green|",
        "",
        "Notes|Q1 figure for LS1 revised to 61,000",
        "Note 1|Targets for 2024/25 agreed by Cabinet in March",
        "Note:|Q2 figures are provisional",
        "NB|Cost per visit excludes capital charges",
        NULL};
    built b;
    const rag_plan *p;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 2);
    assert_string_equal(p->indicators[1].code, "LS3");
    built_free(&b);
}

/* "Previous quarter | This quarter | Target | Status | Trend": the
 * report's own period is the actual and the one before it history; the
 * sheet was read as a form titled "Previous quarter" with no actual. */
static void test_scorecard_this_quarter_is_the_actual(void **state)
{
    static const char *const heads[] = {
        "Ref|Measure|Previous quarter|This quarter|Target|Status|Trend",
        "Ref|Measure|Last quarter|Current quarter|Target|Status|Trend",
        "Ref|Measure|Previous month|This month|Target|Status|Trend",
        "Ref|Measure|Last period|Current period|Target|Status|Trend"};
    size_t i;
    (void)state;

    for (i = 0; i < sizeof heads / sizeof *heads; i++) {
        const char *rows[] = {
            heads[i],
            "ASC1|% of reviews completed on time|71%|78%|80%|Amber|"
            "Improving",
            "ASC3|Delayed transfers of care (days)|410|455|400|Red|"
            "Worsening",
            NULL};
        built b;
        const rag_plan *p;
        print_message("heading %s\n", heads[i]);
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_SCORECARD);
        assert_int_equal(p->indicator_count, 2);
        assert_true(fabs(p->indicators[0].actual - 0.78) < 1e-9);
        assert_true(fabs(p->indicators[0].target - 0.8) < 1e-9);
        assert_int_equal(p->indicators[0].rag, RAG_RATING_AMBER);
        assert_string_equal(p->indicators[0].travel, "Improving");
        assert_true(p->indicators[1].actual == 455);
        built_free(&b);
    }
}

/* A yes/no measure: "Yes" or "Achieved" where the target goes owes no
 * figure, and "Yes", "No" or "Not achieved" where the actual goes is the
 * answer (each was a false target-missing or actual-missing); "Achieved
 * 92%" is still a figure, and a blank actual still owes one. */
static void test_scorecard_yes_no_measures(void **state)
{
    static const char *const rows[] = {
        "Ref|Measure|Target|Q2 Actual|RAG|Comment",
        "G2|Annual governance statement published|Yes|Yes|Green|",
        "G3|Accounts signed by the deadline|Achieved|Achieved|Green|",
        "G5|Member training completed|100%|Not achieved|Red|Two left",
        "G6|Audit plan agreed|Yes|No|Red|Deferred",
        "G4|FOI requests answered in 20 days|90%|Achieved 92%|Green|",
        "G7|Complaints answered in 10 days|90%||Red|Awaited",
        NULL};
    built b;
    const rag_plan *p;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 6);
    for (i = 0; i < 4; i++) {
        const rag_indicator *ind = &p->indicators[i];
        print_message("row %zu: %s\n", i, ind->code);
        assert_false(ind->has_actual);
        assert_true(ind->not_due);
        assert_true(ind->has_target || ind->data_only);
    }
    assert_false(p->indicators[2].data_only); /* its 100% is owed */
    assert_true(p->indicators[4].has_actual);
    assert_true(fabs(p->indicators[4].actual - 0.92) < 1e-9);
    assert_false(p->indicators[5].has_actual);
    assert_false(p->indicators[5].not_due);
    assert_false(p->indicators[5].data_only);
    built_free(&b);
}

/* A one-row table with its story in the rows under it ("Non-compliance
 * reason | Two large applications ... beyond 13 weeks", "When | Q4
 * 2024/25"): a sentence or a year under the target is not a figure, and
 * the rows are not indicators (each was a false actual-missing). */
static void test_scorecard_narrative_rows_are_not_indicators(void **state)
{
    static const char *const rows[] = {
        "Indicator|Target|Performance this period|+ / - Target|RAG",
        "NI 157a - Major planning applications in 13 weeks|60%|52%|-8%|"
        "Red",
        "",
        "Non-compliance reason|Two large complex applications required "
        "S106 negotiations beyond 13 weeks.",
        "What (is required)|Use of planning performance agreements.",
        "Who (will be responsible)|Development Manager",
        "When (will results be realised)|Q4 2024/25",
        "Target date|31/03/2025",
        NULL};
    built b;
    const rag_plan *p;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 1);
    assert_true(fabs(p->indicators[0].actual - 0.52) < 1e-9);
    built_free(&b);
}

/* "Q1 | Q2 | Year to date": the year's figure so far is the actual, not
 * the last quarter (160 against the year's 600 was a false red): a total
 * so far mid-year is not rated against the year's target, a rate so far
 * is, and "YTD RAG" is the stated RAG, not a second actual. */
static void test_scorecard_year_to_date_column_is_the_actual(void **state)
{
    static const char *const heads[] = {"Year to date", "YTD Actual",
                                        "Actual YTD", "Cumulative",
                                        "Cumulative to date"};
    static const char *const rags[] = {"YTD RAG", "RAG", "RAG",
                                       "YTD Status", "Status"};
    size_t i;
    (void)state;

    for (i = 0; i < sizeof heads / sizeof *heads; i++) {
        char head[160];
        const char *rows[] = {
            head,
            "EH1|Food hygiene inspections|Higher is better|600|140|160|300|"
            "Green",
            "EH2|% of noise complaints answered in 5 days|Higher is better|"
            "95%|97%|90%|93.5%|Amber",
            "EH3|Pest control jobs|Higher is better|2000|520||1130|Green",
            NULL};
        built b;
        const rag_plan *p;
        print_message("heading %s\n", heads[i]);
        snprintf(head, sizeof head,
                 "Ref|KPI|Polarity|Annual target|Q1|Q2|%s|%s", heads[i],
                 rags[i]);
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_SCORECARD);
        assert_int_equal(p->indicator_count, 3);
        assert_true(p->indicators[0].actual == 300);
        assert_int_equal(p->indicators[0].actual_cell.col, 6);
        assert_true(p->indicators[0].to_date);
        assert_int_equal(p->indicators[0].stated_rag, RAG_RATING_GREEN);
        assert_true(fabs(p->indicators[1].actual - 0.935) < 1e-9);
        assert_false(p->indicators[1].to_date);
        assert_int_equal(p->indicators[1].rag, RAG_RATING_AMBER);
        assert_true(p->indicators[2].actual == 1130);
        assert_true(p->indicators[2].to_date);
        built_free(&b);
    }
    {
        /* "YTD Target" is the target so far, which rates the figure so
         * far; it was an actual ("YTD ...") */
        static const char *const rows[] = {
            "Code|Indicator|Polarity|Q1|Q2|YTD Target|YTD Actual|"
            "YTD Variance|RAG",
            "P1|Pest jobs|Higher is better|520|610|1000|1130|130|Green",
            NULL};
        built b;
        const rag_plan *p;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_SCORECARD);
        assert_true(p->indicators[0].target == 1000);
        assert_true(p->indicators[0].actual == 1130);
        assert_false(p->indicators[0].to_date);
        assert_int_equal(p->indicators[0].rag, RAG_RATING_GREEN);
        built_free(&b);
    }
}

/* The RAG column under the other names councils give it: "Latest RAG"
 * and "Overall RAG" (read as an actual, "Latest ..."), "R/A/G",
 * "Traffic light"; the stated RAG was lost. */
static void test_scorecard_rag_heading_names(void **state)
{
    static const char *const heads[] = {"Latest RAG", "Overall RAG", "R/A/G",
                                        "Traffic light", "Overall status"};
    size_t i;
    (void)state;

    for (i = 0; i < sizeof heads / sizeof *heads; i++) {
        char head[160];
        const char *rows[] = {
            head,
            "K1|% of calls answered|Higher is better|80%|78%|75%|Red|x",
            "K2|Days to pay invoices|Lower is better|10|9|9|Green|",
            NULL};
        built b;
        const rag_plan *p;
        print_message("heading %s\n", heads[i]);
        snprintf(head, sizeof head,
                 "Code|Indicator|Polarity|Target|Q1|Q2|%s|Comments",
                 heads[i]);
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_SCORECARD);
        assert_int_equal(p->indicator_count, 2);
        assert_int_equal(p->indicators[0].stated_rag, RAG_RATING_RED);
        assert_true(fabs(p->indicators[0].actual - 0.75) < 1e-9);
        assert_int_equal(p->indicators[1].stated_rag, RAG_RATING_GREEN);
        built_free(&b);
    }
}

/* A measure reported once a year owes no figure at Q2: "Annual" in the
 * frequency column, or "Annual measure", "Not due", "N/A" where the
 * figure goes, was a false actual-missing.  A quarterly row left blank
 * still owes one, and so does an annual row once the year has ended. */
static void test_scorecard_annual_measure_not_due_mid_year(void **state)
{
    static const char *const mid[] = {
        "Code|Indicator|Frequency|Polarity|Target|Q1|Q2|RAG",
        "SP1|% of residents satisfied|Annual|Higher is better|80%|||",
        "SP2|Affordable homes delivered|Quarterly|Higher is better|150|"
        "Annual measure|Annual measure|",
        "SP3|Homes insulated|Quarterly|Higher is better|40|Not due|Not due|",
        "SP4|Tenants surveyed|Quarterly|Higher is better|50|N/A|N/A|",
        "SP5|Planning cases closed|Quarterly|Higher is better|75%|70%|66%|R",
        "SP6|Sickness days per FTE|Quarterly|Lower is better|2|||",
        NULL};
    static const char *const year_end[] = {
        "Code|Indicator|Frequency|Polarity|Target|Q1|Q2|Q3|Q4|RAG",
        "SP1|% of residents satisfied|Annual|Higher is better|80%|||||",
        "SP5|Planning cases closed|Quarterly|Higher is better|75%|70%|66%|"
        "71%|76%|G",
        NULL};
    static const bool want[] = {true, true, true, true, false, false};
    built b;
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    size_t i, warnings = 0;
    (void)state;

    build_grid(&b, mid);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 6);
    for (i = 0; i < 6; i++) {
        print_message("row %zu: %s\n", i, p->indicators[i].code);
        assert_int_equal(p->indicators[i].not_due, want[i]);
    }
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    for (i = 0; i < f->count; i++)
        if (!strcmp(f->items[i].rule, "actual-missing")) {
            assert_int_equal(f->items[i].severity, RAG_SEVERITY_WARNING);
            warnings++;
        }
    assert_int_equal(warnings, 1); /* SP6; none, not info, for the rest */
    rag_findings_free(f);
    built_free(&b);

    build_grid(&b, year_end);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 2);
    assert_false(p->indicators[0].not_due);
    built_free(&b);
}

/* A target cell of words, no figure ("Reduce", "Yes"): target-missing
 * as info that quotes those words, so the officer sees why none is owed. */
static void test_target_in_words_is_quoted_in_its_info(void **state)
{
    static const char *const rows[] = {
        "Code|Indicator|Polarity|Target|Q1|Q2|RAG",
        "CS1|Reported anti-social behaviour incidents||Reduce|410|395|G",
        "CS2|Domestic abuse incidents reported||Data only|120|131|",
        NULL};
    built b;
    rag_findings *f = NULL;
    rag_error err;
    size_t i, quoted = 0;
    (void)state;

    build_grid(&b, rows);
    (void)only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    for (i = 0; i < f->count; i++) {
        if (strcmp(f->items[i].rule, "target-missing"))
            continue;
        print_message("%s\n", f->items[i].message);
        assert_int_equal(f->items[i].severity, RAG_SEVERITY_INFO);
        if (strstr(f->items[i].message, "the sheet says 'Reduce'") ||
            strstr(f->items[i].message, "the sheet says 'Data only'"))
            quoted++;
    }
    assert_int_equal(quoted, 2);
    rag_findings_free(f);
    built_free(&b);
}

/* A hidden period column is no period: "Q3" hidden, holding last year's
 * figure until this year's overwrites it, was read as the latest actual
 * (98.1% against 99.5%, a false amber beside a stated green). */
static void test_scorecard_hidden_period_column_is_not_a_period(void **state)
{
    static const char *const heads[] = {"Code", "Indicator", "Polarity",
                                        "Target", "Q1", "Q2", "Q3", "RAG"};
    lxw_row_col_options hide = {.hidden = 1, .level = 0, .collapsed = 0};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    lxw_col_t c;
    (void)state;

    wb = book_at(&b, "hiddenq");
    ws = workbook_add_worksheet(wb, "KPIs");
    for (c = 0; c < 8; c++)
        worksheet_write_string(ws, 0, c, heads[c], NULL);
    worksheet_write_string(ws, 1, 0, "SS1", NULL);
    worksheet_write_string(ws, 1, 1, "% of bins collected on the day", NULL);
    worksheet_write_string(ws, 1, 2, "Higher is better", NULL);
    worksheet_write_number(ws, 1, 3, 99.5, NULL);
    worksheet_write_number(ws, 1, 4, 99.6, NULL);
    worksheet_write_number(ws, 1, 5, 99.7, NULL);
    worksheet_write_number(ws, 1, 6, 98.1, NULL);
    worksheet_write_string(ws, 1, 7, "Green", NULL);
    worksheet_set_column_opt(ws, 6, 6, LXW_DEF_COL_WIDTH, NULL, &hide);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 9, 30);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 1);
    assert_int_equal(p->indicators[0].value_count, 2);
    assert_true(fabs(p->indicators[0].actual - 0.997) < 1e-9);
    assert_int_equal(p->indicators[0].rag, RAG_RATING_GREEN);
    built_free(&b);
}

/* A target of "+/- 1%" on a budget variance is a band of 1% either side
 * of nothing, not a target of 1% (0.4% against it was a false red, 1.2%
 * a red for a stated amber); "100 +/- 5" is not read as one. */
static void test_target_plus_minus_band_around_zero(void **state)
{
    static const char *const rows[] = {
        "Code|Indicator|Polarity|Target|Q1|Q2|RAG",
        "FC1|Revenue budget variance (% of net budget)|Within range|"
        "+/-1%|0.4%|0.4%|Green",
        "FC2|Capital budget variance (%)|Within range|\xc2\xb1" "1%|0.4%|"
        "1.2%|Amber",
        "FC3|Income variance (%)|Within range|+/- 1%|0.4%|-3%|Red",
        NULL};
    static const char *const form[] = {
        "Performance Exception Report",
        "",
        "Indicator:|FC1 Revenue budget variance (% of net budget)",
        "Target:|+ / - 1%",
        "Actual:|0.4%",
        "RAG:|Green",
        NULL};
    static const rag_rating want[] = {RAG_RATING_GREEN, RAG_RATING_AMBER,
                                      RAG_RATING_RED};
    built b;
    const rag_plan *p;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 3);
    for (i = 0; i < 3; i++) {
        const rag_indicator *ind = &p->indicators[i];
        print_message("row %zu: %s\n", i, ind->code);
        assert_int_equal(ind->direction, RAG_WITHIN_BAND);
        assert_true(ind->target == 0);
        assert_true(fabs(ind->tolerance - 0.01) < 1e-9);
        assert_int_equal(ind->rag, want[i]);
    }
    built_free(&b);

    build_grid(&b, form);
    for (i = 0, p = NULL; i < b.m->plan_count; i++)
        if (b.m->plans[i].kind == RAG_PLAN_INDICATOR)
            p = &b.m->plans[i];
    assert_non_null(p);
    assert_int_equal(p->indicators[0].direction, RAG_WITHIN_BAND);
    assert_int_equal(p->indicators[0].rag, RAG_RATING_GREEN);
    built_free(&b);

    assert_false(rg_target_is_band("100 +/- 5", 9));
    assert_true(rg_target_is_band("Within +/-2%", 12));
    assert_false(rg_target_is_band("-5%", 3));
}

/* "Performance last quarter" above "Performance this quarter" on an
 * exception form is the period before, not the actual (24 days was read
 * for 22: a false rag-mismatch); so is "Previous month", "Last year". */
static void test_indicator_form_previous_period_is_not_the_actual(void **state)
{
    static const char *const labels[] = {
        "Performance last quarter", "Previous quarter",
        "Performance last year", "Last month"};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof labels / sizeof *labels; k++) {
        char prev[80];
        const char *rows[] = {
            "Performance Exception Report - Q2 2024/25",
            "",
            "Indicator|PI 12 - Average days to process new benefit claims",
            "Polarity|Lower is better",
            "Target|20 days",
            prev,
            "Performance this quarter|22 days",
            "RAG|Amber",
            "Reason for variance|Backlog from system migration.",
            NULL};
        built b;
        const rag_plan *p = NULL;
        size_t i;

        snprintf(prev, sizeof prev, "%s|24 days", labels[k]);
        print_message("label %s\n", labels[k]);
        build_grid(&b, rows);
        for (i = 0; i < b.m->plan_count; i++)
            if (b.m->plans[i].kind == RAG_PLAN_INDICATOR)
                p = &b.m->plans[i];
        assert_non_null(p);
        assert_true(p->indicators[0].actual == 22);
        assert_int_equal(p->indicators[0].rag, RAG_RATING_AMBER);
        built_free(&b);
    }
}

/* An indicator form: "KPI Reference: KPI 07" is its code (it was taken
 * for a title, and the form lost it), and "Actual (Q2 cumulative)" is a
 * total so far, not rated by the year's target (53.1% of 98% collected
 * at Q2 was a false red), by the scorecards' rule (rg_share_to_date); a
 * quarter's own figure near the target is rated. */
static void test_indicator_form_reference_and_cumulative_actual(void **state)
{
    static const char *const rows[] = {
        "KPI EXCEPTION REPORT - QUARTER 2 2024/25",
        "",
        "KPI Reference:|KPI 07",
        "Indicator:|Percentage of non-domestic rates collected",
        "Responsible Officer:|Gareth Pryce",
        "Target:|98.0%",
        "Actual (Q2 cumulative):|53.1%",
        "RAG Status:|Amber",
        "Reason for under-performance:|Large ratepayers on instalments",
        NULL};
    static const char *const own[] = {
        "KPI EXCEPTION REPORT - QUARTER 2 2024/25",
        "",
        "Indicator:|Percentage of calls answered",
        "Responsible Officer:|Gareth Pryce",
        "Target:|90%",
        "Actual (Q2):|85%",
        "RAG Status:|Amber",
        NULL};
    built b;
    const rag_plan *p = NULL;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    for (i = 0; i < b.m->plan_count; i++)
        if (b.m->plans[i].kind == RAG_PLAN_INDICATOR)
            p = &b.m->plans[i];
    assert_non_null(p);
    assert_string_equal(p->indicators[0].code, "KPI 07");
    assert_true(p->indicators[0].to_date);
    assert_int_equal(p->indicators[0].rag, RAG_RATING_NONE);
    built_free(&b);

    build_grid(&b, own);
    for (i = 0, p = NULL; i < b.m->plan_count; i++)
        if (b.m->plans[i].kind == RAG_PLAN_INDICATOR)
            p = &b.m->plans[i];
    assert_non_null(p);
    assert_false(p->indicators[0].to_date);
    assert_int_equal(p->indicators[0].rag, RAG_RATING_AMBER);
    built_free(&b);
}

/* A form's RAG given only as the answer cell's fill ("RAG | (red)"), as
 * a scorecard's RAG cell may be: it was not read. */
static void test_indicator_form_rag_by_fill_alone(void **state)
{
    static const char *const labels[] = {
        "Indicator Title", "Departmental Lead", "Target",
        "Performance this Period", "RAG", "Non-compliance reason"};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *red;
    const rag_plan *p = NULL;
    size_t i;
    (void)state;

    wb = book_at(&b, "formfill");
    ws = workbook_add_worksheet(wb, "CP2");
    red = workbook_add_format(wb);
    format_set_bg_color(red, 0xFF0000);
    for (i = 0; i < 6; i++)
        worksheet_write_string(ws, (lxw_row_t)(1 + i), 0, labels[i], NULL);
    worksheet_write_string(ws, 1, 1, "% Care packages by Direct Debit - CP2",
                           NULL);
    worksheet_write_string(ws, 2, 1, "Malcolm Flanagan", NULL);
    worksheet_write_string(ws, 3, 1, "30.0%", NULL);
    worksheet_write_string(ws, 4, 1, "10.6%", NULL);
    worksheet_write_blank(ws, 5, 1, red);
    worksheet_write_string(ws, 6, 1, "Take-up depends on service users",
                           NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 9, 30);
    for (i = 0; i < b.m->plan_count; i++)
        if (b.m->plans[i].kind == RAG_PLAN_INDICATOR)
            p = &b.m->plans[i];
    assert_non_null(p);
    assert_int_equal(p->indicators[0].stated_rag, RAG_RATING_RED);
    assert_int_equal(p->indicators[0].rag_cell.row, 5);
    assert_int_equal(p->indicators[0].rag_cell.col, 1);
    built_free(&b);
}

/* A polarity cell is read by one rule on a scorecard and on a form:
 * the verbs of an aim ("Reduce", "Aim to reduce", "Decreasing",
 * "Reduction") are lower-is-better, "Increase" higher; single words
 * ("Smaller", "Down is good") and arrows count on both (forms read only
 * "lower"/"higher" before, scorecards no verbs: 13.1 conceptions against
 * a target of 14 was a false amber). */
static void test_polarity_words_one_rule_for_scorecards_and_forms(
    void **state)
{
    static const char *const words[] = {
        "Reduce", "Aim to reduce", "Decrease", "Decreasing", "Reduction",
        "Smaller", "Down is good", "\xe2\x86\x93", "Lower is better",
        "Increase", "Increasing", "Bigger", "Higher the better",
        "No increase"};
    static const rag_direction want[] = {
        RAG_LOWER_IS_BETTER,  RAG_LOWER_IS_BETTER,  RAG_LOWER_IS_BETTER,
        RAG_LOWER_IS_BETTER,  RAG_LOWER_IS_BETTER,  RAG_LOWER_IS_BETTER,
        RAG_LOWER_IS_BETTER,  RAG_LOWER_IS_BETTER,  RAG_LOWER_IS_BETTER,
        RAG_HIGHER_IS_BETTER, RAG_HIGHER_IS_BETTER, RAG_HIGHER_IS_BETTER,
        RAG_HIGHER_IS_BETTER, RAG_LOWER_IS_BETTER};
    size_t i;
    (void)state;

    for (i = 0; i < sizeof words / sizeof *words; i++) {
        char card_row[160], form_row[160];
        const char *card[] = {"Code|Indicator|Polarity|Target|Q1|Q2|RAG",
                              card_row, NULL};
        const char *form[] = {"Performance Exception Report",
                              "",
                              "Indicator:|PH2 Under-18 conceptions",
                              form_row,
                              "Target:|14",
                              "Actual:|13.1",
                              "RAG:|Green",
                              NULL};
        built b;
        const rag_plan *p;
        size_t k;
        print_message("polarity %s\n", words[i]);
        snprintf(card_row, sizeof card_row,
                 "PH2|Under-18 conceptions|%s|14|15.2|13.1|G", words[i]);
        build_grid(&b, card);
        p = only_plan(&b, RAG_PLAN_SCORECARD);
        assert_int_equal(p->indicator_count, 1);
        assert_int_equal(p->indicators[0].direction, want[i]);
        built_free(&b);

        snprintf(form_row, sizeof form_row, "Polarity:|%s", words[i]);
        build_grid(&b, form);
        for (k = 0, p = NULL; k < b.m->plan_count; k++)
            if (b.m->plans[k].kind == RAG_PLAN_INDICATOR)
                p = &b.m->plans[k];
        assert_non_null(p);
        assert_int_equal(p->indicator_count, 1);
        assert_int_equal(p->indicators[0].direction, want[i]);
        built_free(&b);
    }
}

/* A target's own bound gives the direction where no polarity does:
 * "Below 20" households in B&B is green at 12, not red; "95% or above"
 * and ">= 90%" are higher-is-better, "<= 8 days" and "No more than 5"
 * lower-is-better, a band ("> 1 and < 5") says nothing. */
static void test_target_bound_gives_direction(void **state)
{
    static const char *const rows[] = {
        "KPI|Description|Target|Q3 Performance|Status",
        "K1|Households in B&B|Below 20|12|Green",
        "K2|Planning apps determined in time|95% or above|97%|Green",
        "K3|Visits to leisure centres|>= 9000|9500|Green",
        "K4|Sickness days per FTE|<= 8 days|9.2|Red",
        "K5|Agency staff in post|No more than 5|4|Green",
        "K6|Households helped|At least 300|310|Green",
        "K7|Empty homes brought back into use|\xe2\x89\xa4 40|50|Red",
        NULL};
    static const rag_direction want[] = {
        RAG_LOWER_IS_BETTER, RAG_HIGHER_IS_BETTER, RAG_HIGHER_IS_BETTER,
        RAG_LOWER_IS_BETTER, RAG_LOWER_IS_BETTER, RAG_HIGHER_IS_BETTER,
        RAG_LOWER_IS_BETTER};
    built b;
    const rag_plan *p;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 7);
    for (i = 0; i < 7; i++) {
        const rag_indicator *ind = &p->indicators[i];
        print_message("row %zu: %s\n", i, ind->code);
        assert_true(ind->has_target);
        assert_int_equal(ind->direction, want[i]);
        assert_int_equal(ind->rag, ind->stated_rag); /* no false alarm */
    }
    assert_int_equal(rg_target_direction("> 1 and < 5", 11), 0);
    assert_int_equal(rg_target_direction("Under review", 12),
                     RG_DIR_LOWER); /* no figure: no target to rate */
    built_free(&b);
}

/* The findings of a scorecard come per row. */
static void test_scorecard_rows_are_validated_one_by_one(void **state)
{
    static const char *const rows[] = {
        "Ref|Indicator|Polarity|Target|Q1|Q2|RAG|Commentary",
        "A1|Rent collected|Higher is better|97%|95%|96%|G|",
        "A2|Voids re-let|Smaller is better|25|||R|",
        "A3|Missed bins|Smaller is better||40|38|A|",
        NULL};
    built b;
    rag_findings *f = NULL;
    rag_error err;
    size_t i, mismatch = 0, missing_actual = 0, missing_target = 0,
              narrative = 0;
    (void)state;

    build_grid(&b, rows);
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    for (i = 0; i < f->count; i++) {
        const char *r = f->items[i].rule;
        mismatch += !strcmp(r, "rag-mismatch");
        missing_actual += !strcmp(r, "actual-missing");
        missing_target += !strcmp(r, "target-missing");
        narrative += !strcmp(r, "narrative-missing");
    }
    assert_int_equal(mismatch, 1);       /* A1: 96% of 97% is amber */
    assert_int_equal(missing_actual, 1); /* A2 */
    assert_int_equal(missing_target, 1); /* A3 */
    assert_int_equal(narrative, 2);      /* A1 amber, A3 stated amber */
    rag_findings_free(f);
    built_free(&b);
}

/* An action plan's table is not a scorecard, and a tracker is not one. */
static void test_action_tables_stay_action_plans(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Target date|Status|Comments",
        "R1|Review the policy|Jo Marsh|31/03/2024|On track|",
        "R2|Train the staff|Ann Lee|30/06/2024|Complete|",
        NULL};
    built b;
    (void)state;
    build_grid(&b, rows);
    only_plan(&b, RAG_PLAN_ACTION);
    built_free(&b);
}

/* Due columns under headings the vocabulary lacks, and dates of other
 * things that are not due dates. */
static void test_due_columns_by_what_they_say(void **state)
{
    static const struct {
        const char *heading;
        bool due;
    } cases[] = {
        {"Agreed Implementation Date", true},
        {"Proposed completion date", true},
        {"Expected end date", true},
        {"Original target dates", true},
        {"Start date", false},
        {"Date raised", false},
        {"Review date", false},
        {"Programmed dates", false},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char header[160];
        const char *rows[4];
        const rag_plan *p;
        built b;
        snprintf(header, sizeof header, "Ref|Action|Lead|%s|Comments",
                 cases[i].heading);
        rows[0] = header;
        rows[1] = "R1|Review the policy|Jo Marsh|31/03/2024|";
        rows[2] = "R2|Train the staff|Ann Lee|30/06/2024|Complete";
        rows[3] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 2);
        if ((p->actions[0].due.year == 2024) != cases[i].due)
            fail_msg("'%s': due %d-%d-%d", cases[i].heading,
                     p->actions[0].due.year, p->actions[0].due.month,
                     p->actions[0].due.day);
        built_free(&b);
    }
}

/* A service plan whose first column is the objective each action serves:
 * "Objective | Action | ..." is one table, its actions under "Action";
 * and with refs after the objective, the table of refs is still found. */
static void test_objective_column_before_the_actions(void **state)
{
    static const char *const plans[2][4] = {
        {"Objective|Action|Success Measure|Resources|Responsible|Timescale|"
         "RAG|Progress",
         "Improve food safety|Deliver the inspection programme|95% done|"
         "Existing|Food Team Leader|31/03/2024|G|On track",
         "Reduce noise complaints|Review the noise policy|Adopted|Existing|"
         "Pollution Manager|30/06/2023|G|Complete - adopted in June",
         NULL},
        {"Objective|Ref|Action|Lead|Due date|Update",
         "Improve food safety|EH1|Deliver the inspection programme|"
         "Food Team Leader|31/03/2024|On track",
         "Reduce noise complaints|EH2|Review the noise policy|"
         "Pollution Manager|30/06/2023|Complete",
         NULL}};
    int k;
    (void)state;

    for (k = 0; k < 2; k++) {
        const rag_plan *p;
        built b;
        build_grid(&b, plans[k]);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 2);
        assert_string_equal(p->actions[0].text,
                            "Deliver the inspection programme");
        assert_int_equal(p->actions[0].lead_count, 1);
        assert_string_equal(p->actions[0].leads[0], "Food Team Leader");
        assert_int_equal(p->actions[1].due.year, 2023);
        assert_int_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
        if (k == 1)
            assert_string_equal(p->actions[1].ref, "EH2");
        built_free(&b);
    }
}

/* "Target date" merged over "Original | Revised": the revised date is
 * the due where there is one; and "Workstream | Milestone": the rows'
 * work is the milestone, not the workstream that groups them. */
static void test_due_subheadings_and_grouping_column(void **state)
{
    static const char *const subheads[] = {
        "Homelessness Strategy Action Plan",
        "No.|Action|Lead|Target date|<<|Progress update|RAG",
        "|||Original|Revised||",
        "1|Refresh the allocations policy|Housing Manager|31/03/2023|"
        "31/12/2023|Consultation under way|Amber",
        "2|Open a young persons' hub|Commissioning Lead|30/06/2023||"
        "Opened May|Green",
        NULL};
    static const char *const span[] = {
        "Children's Services Improvement Plan",
        "Ref|Action|Responsible Officer|Timescale|<<|RAG|Progress update",
        "|||Start|End||",
        "1.1|Recruit permanent social workers|Head of Service|01/04/2024|"
        "31/12/2024|G|On track",
        "1.2|Reduce agency staff|HR Partner|01/04/2024|30/06/2024|R|Behind",
        NULL};
    static const char *const grouped[] = {
        "Workstream|Milestone|Owner|Deadline|Status",
        "Estates|Dispose of depot|Estates Lead|30/06/2023|At risk",
        "Estates|Close civic annex|Estates Lead|30/09/2023|Achieved",
        "Digital|Launch portal|CDO|31/07/2023|On track",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, subheads);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_string_equal(p->actions[0].text, "Refresh the allocations policy");
    assert_int_equal(p->actions[0].due.year, 2023);
    assert_int_equal(p->actions[0].due.month, 12);   /* the revised date */
    assert_int_equal(p->actions[1].due.month, 6);    /* no revision */
    built_free(&b);

    /* "Timescale" over "Start | End": due at the end, not the start */
    build_grid(&b, span);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->actions[0].due.year, 2024);
    assert_int_equal(p->actions[0].due.month, 12);
    assert_int_equal(p->actions[0].due.day, 31);
    assert_int_equal(p->actions[1].due.month, 6);
    built_free(&b);

    build_grid(&b, grouped);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_string_equal(p->actions[0].text, "Dispose of depot");
    assert_string_equal(p->actions[2].text, "Launch portal");
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* A status column a quarter ("Q1 Status | Q2 Status", the first
 * hidden or not): the latest reported says where an action stands; bare
 * "Q1 | Q2 | Q3 | Q4" holding letters are such columns too, explained by
 * a key written in one cell; holding figures they are none. */
static void test_status_a_quarter_latest_reported_wins(void **state)
{
    static const char *const named[] = {
        "Ref|Action|Lead|Due|Q1 Status|Q2 Status|Q3 Status|Q2 Update",
        "A1|Do one|Xi Wu|31/12/2023|Not started|On track||",
        "A2|Do two|Yan Li|31/08/2023|On track|Complete||Finished",
        "A3|Do three|Zoe Ng|31/07/2023|On track|Delayed||Slipped",
        NULL};
    static const char *const bare[] = {
        "Improvement Plan 2023/24 - Quarterly RAG",
        "Ref|Action|Lead|Target date|Q1|Q2|Q3|Q4|Comments",
        "1|Action one|Lead A|30/09/2023|G|A|||",
        "2|Action two|Lead B|30/06/2023|G|C|||",
        "3|Action three|Lead C|31/03/2024|A|R|||",
        "",
        "Key: G = on track, A = at risk, R = off track, C = complete",
        NULL};
    static const char *const figures[] = {
        "Ref|Saving proposal|Lead|Q1|Q2|Q3|Q4|Status",
        "S1|Review fees|Finance|10|20|30|40|On track",
        "S2|Cut agency spend|HR|5|5|0|0|Delayed",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, named);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_ON_TARGET);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[2].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    built_free(&b);

    build_grid(&b, bare);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->legend_count, 4);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[2].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    built_free(&b);

    build_grid(&b, figures);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_ON_TARGET);
    assert_int_equal(p->actions[1].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    built_free(&b);
}

/* A risk register (likelihood, impact, score; its RAG the risk's rating)
 * is no action plan: read as one it gave every risk a missing lead and
 * an overdue "not complete". */
static void test_risk_register_is_no_plan(void **state)
{
    static const char *const risks[] = {
        "Corporate Risk Register - September 2023",
        "Risk Ref|Risk Description|Risk Owner|Likelihood|Impact|Risk Score|"
        "RAG|Existing Controls|Further Actions|Target Date|Status",
        "CR01|Failure to set a balanced budget|S151 Officer|4|5|20|Red|MTFS|"
        "Savings programme|28/02/2024|Open",
        "CR02|Cyber attack|Head of ICT|3|5|15|Amber|Firewalls|Staff training|"
        "30/06/2023|Open",
        NULL};
    built b;
    (void)state;

    build_grid(&b, risks);
    assert_int_equal(b.m->plan_count, 0);
    built_free(&b);
}

/* "Progress (RAG)" heads the RAG, though "Progress" alone heads the
 * updates: read as updates, its Red and Amber were no status. */
static void test_progress_rag_heading_is_the_status(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Due date|Progress (RAG)|Update",
        "1|Recruit social workers|Head of Service|31/03/2024|Red|Behind",
        "2|Cut agency use|HR Lead|31/03/2024|A - slipping|Agency at 22%",
        "3|Train staff|PSW|31/03/2024|Partially complete|Half trained",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[2].status, RAG_PROGRESS_ON_TARGET);
    built_free(&b);
}

/* A savings delivery tracker: the proposals are its actions, the budget
 * holders its leads; its £ columns and directorate are known headings of
 * no role (unknown, they kept the table from being read at all). */
static void test_savings_tracker_is_read(void **state)
{
    static const char *const rows[] = {
        "Savings Delivery Tracker 2024/25", "",
        "Ref|Saving proposal|Directorate|Budget holder|2024/25 Target \xC2\xA3" "000|"
        "Forecast delivery \xC2\xA3" "000|Variance \xC2\xA3" "000|Delivery RAG|Comments",
        "S01|Review of fees and charges|Place|Head of Place|250|250|0|G|On track",
        "S02|Library service redesign|Communities|Head of Libraries|180|90|-90|R|"
        "Consultation delayed",
        "S04|Fleet rationalisation|Place|Fleet Manager|75|75|0|B|"
        "Delivered in full",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_string_equal(p->actions[1].text, "Library service redesign");
    assert_int_equal(p->actions[1].lead_count, 1);
    assert_string_equal(p->actions[1].leads[0], "Head of Libraries");
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[2].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* A dashboard's count of the plan ("RAG | Number of actions | % of
 * actions") is no action plan: read as one, its counts were refs, each
 * with a missing lead. */
static void test_dashboard_counts_are_no_plan(void **state)
{
    static const char *const counts[] = {
        "Improvement Plan Dashboard - Q2 2024/25", "",
        "RAG|Number of actions|% of actions",
        "Green|12|50%", "Amber|5|21%", "Red|3|13%", "Complete|4|17%",
        "", "Theme|No. of actions|Total overdue",
        "Workforce|8|1", "Practice|10|2", NULL};
    built b;
    (void)state;

    build_grid(&b, counts);
    assert_int_equal(b.m->plan_count, 0);
    built_free(&b);
}

/* A ref merged down over its objective's actions: each is an action
 * (the later ones with no ref of their own, not three of ref 1); a
 * "Completed (Y/N)" column's Y or Yes says complete. */
static void test_merged_ref_over_sub_actions_and_done_yes_no(void **state)
{
    static const char *const merged[] = {
        "Ref|Objective|Action|Lead|Due|Status",
        "1|Improve access|Extend opening hours|J Bloggs|30/06/2023|Complete",
        "^^|^^|Launch web chat|J Bloggs|30/09/2023|On track",
        "^^|^^|Review phone menu|A Smith|31/07/2023|Delayed",
        "2|Reduce costs|Renegotiate contracts|B Jones|31/12/2023|On track",
        NULL};
    static const char *const yes_no[] = {
        "No.|Action|Owner|Target Date|Completed (Y/N)|Comments",
        "1|Publish the policy|Jo Marsh|31/05/2023|Y|Published",
        "2|Train the staff|Ann Lee|30/06/2023|N|Half done",
        "3|Close the project|Jo Marsh|31/08/2023|Yes|",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, merged);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    assert_string_equal(p->actions[0].ref, "1");
    assert_null(p->actions[1].ref);
    assert_string_equal(p->actions[2].text, "Review phone menu");
    assert_int_equal(p->actions[2].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_string_equal(p->actions[3].ref, "2");
    built_free(&b);

    build_grid(&b, yes_no);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_NONE);
    assert_int_equal(p->actions[2].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* Under a "BRAG" heading a lone B, or a blue cell with no words, is
 * complete; under "RAG" too, beside the other initials (a BRAG headed
 * RAG, as councils often write it). */
static void test_brag_column_blue_is_complete(void **state)
{
    static const char *const brag[] = {
        "Ref|Action|Lead|Due date|BRAG|Update",
        "R1|Review the policy|Jo Marsh|31/03/2024|B|Adopted",
        "R2|Train the staff|Ann Lee|30/06/2024|G|",
        "R3|Open the centre|Kim Ho|30/06/2024|A|",
        NULL};
    static const char *const rag[] = {
        "Ref|Action|Lead|Due date|RAG|Update",
        "R1|Review the policy|Jo Marsh|31/03/2024|B|Adopted",
        "R2|Train the staff|Ann Lee|30/06/2024|G|",
        NULL};
    const rag_plan *p;
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *blue;
    (void)state;

    build_grid(&b, brag);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_ON_TARGET);
    assert_int_equal(p->actions[2].status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    built_free(&b);

    build_grid(&b, rag);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);

    /* a blue cell with no words under "BRAG status" */
    wb = book_at(&b, "brag");
    ws = workbook_add_worksheet(wb, "Action Plan");
    blue = workbook_add_format(wb);
    format_set_bg_color(blue, 0x0070C0);
    worksheet_write_string(ws, 0, 0, "Ref", NULL);
    worksheet_write_string(ws, 0, 1, "Action", NULL);
    worksheet_write_string(ws, 0, 2, "Lead", NULL);
    worksheet_write_string(ws, 0, 3, "BRAG status", NULL);
    worksheet_write_string(ws, 1, 0, "R1", NULL);
    worksheet_write_string(ws, 1, 1, "Review the policy", NULL);
    worksheet_write_string(ws, 1, 2, "Jo Marsh", NULL);
    worksheet_write_blank(ws, 1, 3, blue);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 0, 0, 0);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* A performance improvement plan whose labels carry the year and the
 * quarter ("Annual Target 2024/25:", "Performance Q2 2024/25:") and whose
 * measure opens with its code. */
static void test_form_with_periods_in_labels(void **state)
{
    static const char *const rows[] = {
        "PERFORMANCE IMPROVEMENT PLAN",
        "",
        "Measure:|HS05 Average time to re-let council homes (days)",
        "Responsible Director:|Jane Bough",
        "Annual Target 2024/25:|28",
        "Performance Q2 2024/25:|41.5",
        "Variance against target:|13.5",
        "Current RAG:|Red",
        "Reasons for under-performance:|Backlog of major voids",
        NULL};
    const rag_plan *p;
    const rag_indicator *ind;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_INDICATOR);
    assert_int_equal(p->indicator_count, 1);
    ind = &p->indicators[0];
    assert_string_equal(ind->code, "HS05");
    assert_true(fabs(ind->target - 28) < 1e-9);
    assert_true(fabs(ind->actual - 41.5) < 1e-9);
    assert_int_equal(ind->direction, RAG_LOWER_IS_BETTER);
    assert_int_equal(ind->stated_rag, RAG_RATING_RED);
    assert_non_null(ind->period);
    assert_string_equal(ind->period, "Q2 2024/25");
    built_free(&b);
}

/* A "% Complete" column: 100% says an action is done where nothing else
 * states its status (no false overdue); less says nothing; a stated
 * status stands. */
static void test_percent_complete_column(void **state)
{
    static const char *const heads[] = {"% Complete", "Percent complete",
                                        "Progress %", "Completion (%)"};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        char header[128];
        const char *rows[5];
        const rag_plan *p;
        rag_findings *f = NULL;
        rag_error err;
        size_t i, overdue = 0;
        built b;

        snprintf(header, sizeof header,
                 "ID|Action|Owner|Due date|%s|Status|Comments", heads[k]);
        rows[0] = header;
        rows[1] = "D1|Replace the phone system|ICT Manager|30/06/2023|100%||"
                  "Live";
        rows[2] = "D2|Retire the old CRM|Digital Lead|31/05/2023|20%||"
                  "Supplier issues";
        rows[3] = "D3|Move email|ICT Manager|31/03/2023|100%|Delayed|";
        rows[4] = NULL;
        if (k == 1) /* "Complete" where the date was due: done */
            rows[1] = "D1|Replace the phone system|ICT Manager|Complete|"
                      "0%||Live";
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 3);
        assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
        assert_int_equal(p->actions[1].status, RAG_PROGRESS_NONE);
        assert_int_equal(p->actions[2].status,
                         RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
        assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
        for (i = 0; i < f->count; i++)
            overdue += !strcmp(f->items[i].rule, "milestone-overdue");
        assert_int_equal(overdue, 2); /* D2 and D3 */
        rag_findings_free(f);
        built_free(&b);
    }
}

/* A column of the day each action was done ("Date completed", "Actual
 * completion date"): a day there says done, so no false overdue; a dash
 * or nothing says nothing; a stated status stands.  "Completion date"
 * alone stays the due date. */
static void test_date_completed_column(void **state)
{
    static const char *const heads[] = {"Date completed", "Completed on",
                                        "Actual completion date",
                                        "Date closed", "Date implemented",
                                        "Actual end date"};
    size_t k;
    (void)state;

    for (k = 0; k <= sizeof heads / sizeof heads[0]; k++) {
        bool due_only = k == sizeof heads / sizeof heads[0];
        char header[128];
        const char *rows[5];
        const rag_plan *p;
        rag_findings *f = NULL;
        rag_error err;
        size_t i, overdue = 0;
        built b;

        snprintf(header, sizeof header, "Ref|Action|Lead|%s|%s|Status",
                 due_only ? "Target date" : "Deadline",
                 due_only ? "Completion date" : heads[k]);
        rows[0] = header;
        rows[1] = "D1|Replace the phone system|ICT Manager|30/06/2023|"
                  "12/06/2023|";
        rows[2] = "D2|Retire the old CRM|Digital Lead|31/05/2023|-|";
        rows[3] = "D3|Move email|ICT Manager|31/03/2023|02/03/2023|Delayed";
        rows[4] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 3);
        if (due_only) {
            /* two due columns: the first is the due date */
            assert_int_equal(p->actions[0].status, RAG_PROGRESS_NONE);
            assert_int_equal(p->actions[0].due.month, 6);
            assert_int_equal(p->actions[0].due.day, 30);
        } else {
            assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
            assert_int_equal(p->actions[0].due.day, 30);
        }
        assert_int_equal(p->actions[1].status, RAG_PROGRESS_NONE);
        assert_int_equal(p->actions[2].status,
                         RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
        assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
        for (i = 0; i < f->count; i++)
            overdue += !strcmp(f->items[i].rule, "milestone-overdue");
        assert_int_equal(overdue, due_only ? 3 : 2);
        rag_findings_free(f);
        built_free(&b);
    }
}

/* A blank return: prompts in brackets are blanks, a numbered row with
 * nothing else is no action yet, and the one table is one plan; a hidden
 * copy of the template (and a hidden list of choices) is no plan. */
static void test_blank_templates_are_no_plans(void **state)
{
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    static const char *const head[] = {"Ref", "Action", "Lead", "Due date",
                                       "RAG", "Comments"};
    static const char *const prompt[] = {"A1", "[Enter action]", "[Lead]",
                                         "[dd/mm/yyyy]", "<RAG>", ""};
    int i, sheet;
    (void)state;

    wb = book_at(&b, "tpl");
    for (sheet = 0; sheet < 3; sheet++) {
        ws = workbook_add_worksheet(wb, sheet == 0   ? "Plan"
                                        : sheet == 1 ? "Template"
                                                     : "Lists");
        if (sheet)
            worksheet_hide(ws);
        if (sheet == 2) {
            worksheet_write_string(ws, 0, 0, "Green", NULL);
            worksheet_write_string(ws, 1, 0, "Amber", NULL);
            worksheet_write_string(ws, 2, 0, "Red", NULL);
            continue;
        }
        for (i = 0; i < 6; i++) {
            worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], NULL);
            if (prompt[i][0])
                worksheet_write_string(ws, 1, (lxw_col_t)i, prompt[i], NULL);
        }
        worksheet_write_string(ws, 2, 0, "A2", NULL);
        if (sheet == 0) {
            worksheet_write_string(ws, 3, 0, "A3", NULL);
            worksheet_write_string(ws, 3, 1, "Review the policy", NULL);
            worksheet_write_string(ws, 3, 2, "Jo Marsh", NULL);
        }
    }
    /* the visible plan is the active sheet */
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2023, 10, 31);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_string_equal(p->sheet, "Plan");
    assert_int_equal(p->action_count, 1);
    assert_string_equal(p->actions[0].ref, "A3");
    assert_string_equal(p->actions[0].leads[0], "Jo Marsh");
    built_free(&b);
}

/* A recovery plan whose milestone table is followed, after a blank row,
 * by a "Quarter | RAG | Update" table in plain type: the milestones end
 * there, and the quarters are periods. */
static void test_recovery_milestones_end_at_the_quarters(void **state)
{
    static const char *const rows[] = {
        "Budget Recovery Plan 2024/25",
        "",
        "Directorate|Adults",
        "Cost centre|FF4110",
        "2024/25 budget (£000)|1250",
        "Pressure 2024/25 (£000)|230",
        "",
        "Milestone|Saving (£000)|Target date|Lead",
        "Review high-cost packages|120|31/12/2024|Deb Fensome",
        "Renegotiate block contracts|60|31/03/2025|Kim Ho",
        "",
        "Quarter|RAG|Update",
        "Q1 (to 30/06/24)|Green|Reviews under way",
        "Q2 (to 30/09/24)|Amber|Contracts slipped",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_RECOVERY);
    assert_int_equal(p->milestone_count, 2);
    assert_string_equal(p->milestones[1].text, "Renegotiate block contracts");
    assert_int_equal(p->period_count, 2);
    assert_int_equal(p->periods[1].rag, RAG_RATING_AMBER);
    built_free(&b);
}

/* A due date shown as a month ("Sep-24", "mmm-yy") is due by the end of
 * that month, as an officer reads it; one shown with its day is due that
 * day. */
static void test_due_shown_as_a_month(void **state)
{
    static const char *const fmts[] = {"mmm-yy", "mmmm yyyy",
                                       "[$-809]mmm yy", "dd/mm/yyyy"};
    static const int want_day[] = {30, 30, 30, 1};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof fmts / sizeof fmts[0]; k++) {
        built b;
        lxw_workbook *wb;
        lxw_worksheet *ws;
        lxw_format *f;
        const rag_plan *p;
        lxw_datetime d = {2024, 9, 1, 0, 0, 0};

        snprintf(b.path, sizeof b.path, "/tmp/rg_recog_mmm_%ld.xlsx",
                 (long)getpid());
        wb = workbook_new(b.path);
        ws = workbook_add_worksheet(wb, "Plan");
        f = workbook_add_format(wb);
        format_set_num_format(f, fmts[k]);
        worksheet_write_string(ws, 0, 0, "Ref", NULL);
        worksheet_write_string(ws, 0, 1, "Action", NULL);
        worksheet_write_string(ws, 0, 2, "Lead", NULL);
        worksheet_write_string(ws, 0, 3, "Target date", NULL);
        worksheet_write_string(ws, 1, 0, "A1", NULL);
        worksheet_write_string(ws, 1, 1, "Publish the strategy", NULL);
        worksheet_write_string(ws, 1, 2, "Jo Marsh", NULL);
        worksheet_write_datetime(ws, 1, 3, &d, f);
        assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
        read_built(&b, 2024, 9, 15);
        p = only_plan(&b, RAG_PLAN_ACTION);
        if (p->actions[0].due.year != 2024 || p->actions[0].due.month != 9 ||
            p->actions[0].due.day != want_day[k])
            fail_msg("'%s': due %d-%d-%d", fmts[k], p->actions[0].due.year,
                     p->actions[0].due.month, p->actions[0].due.day);
        built_free(&b);
    }
}

/* A title that starts with a label's word ("Service ...") is the title,
 * not a field with nothing in it; the labels under it are fields. */
static void test_title_is_no_field(void **state)
{
    static const char *const rows[] = {
        "Service Improvement Plan 2024-25",
        "Directorate:|Place",
        "Service:|Environmental Health",
        "",
        "Ref|Action|Lead|Due date|Comments",
        "EH1|Deliver the inspection programme|Jo Marsh|31/03/2024|",
        "EH2|Review the noise policy|Ann Lee|30/06/2023|Complete",
        NULL};
    const rag_plan *p;
    built b;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_string_equal(p->title, "Service Improvement Plan 2024-25");
    assert_int_equal(p->field_count, 2);
    for (i = 0; i < p->field_count; i++)
        assert_true(strcmp(p->fields[i].label, p->title) != 0);
    assert_string_equal(p->fields[1].value, "Environmental Health");
    built_free(&b);
}

/* A performance plan's people under labels other templates use
 * ("Accountable Director", "Portfolio Holder", "Cabinet Member") are
 * fields, as every label and value of a form is; the lead officer owns
 * the plan; the target's "No more than" makes fewer days better. */
static void test_indicator_form_people_are_fields(void **state)
{
    static const char *const people[] = {"Accountable Director",
                                         "Portfolio Holder",
                                         "Cabinet Member",
                                         "Executive Director"};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof people / sizeof people[0]; k++) {
        char who[80];
        const char *rows[12];
        const rag_plan *p;
        const rag_indicator *ind;
        built b;
        size_t i;
        bool seen = false;

        snprintf(who, sizeof who, "%s|Sarah Jones", people[k]);
        rows[0] = "Performance Improvement Plan";
        rows[1] = "";
        rows[2] = "Measure|Time taken to process new claims (days)";
        rows[3] = who;
        rows[4] = "Lead Officer|Tom Brown";
        rows[5] = "Target|No more than 20 days";
        rows[6] = "Current performance|26 days (Quarter 3)";
        rows[7] = "RAG|Red";
        rows[8] = "Reason for underperformance|Vacancies in the team";
        rows[9] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_INDICATOR);
        for (i = 0; i < p->field_count; i++)
            if (!strcmp(p->fields[i].label, people[k])) {
                assert_string_equal(p->fields[i].value, "Sarah Jones");
                seen = true;
            }
        if (!seen)
            fail_msg("'%s' is no field", people[k]);
        assert_string_equal(p->owner, "Tom Brown");
        assert_int_equal(p->indicator_count, 1);
        ind = &p->indicators[0];
        assert_int_equal(ind->direction, RAG_LOWER_IS_BETTER);
        assert_int_equal(ind->rag, RAG_RATING_RED);
        built_free(&b);
    }
}

/* A budget recovery plan whose milestones are headed "Recovery actions |
 * Saving £ | Target date | Lead" (or "Savings proposals", "Mitigating
 * actions"): its milestones, not a second plan, an action plan that ran
 * on into the monitoring table below with two false lead-missing. */
static void test_recovery_actions_are_milestones(void **state)
{
    static const char *const heads[] = {"Recovery actions",
                                        "Savings proposals",
                                        "Mitigating actions"};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        char head[96];
        const char *rows[24];
        const rag_plan *p;
        built b;

        snprintf(head, sizeof head, "%s|Saving \xc2\xa3|Target date|Lead",
                 heads[k]);
        rows[0] = "Budget Recovery Plan 2024/25";
        rows[1] = "";
        rows[2] = "Directorate:|Place";
        rows[3] = "Service Manager:|Kim Ho";
        rows[4] = "2023/24 Budget \xc2\xa3|1,250,000";
        rows[5] = "2023/24 Outturn \xc2\xa3|1,540,000";
        rows[6] = "2024/25 Budget \xc2\xa3|1,300,000";
        rows[7] = "Forecast pressure 2024/25 \xc2\xa3|240,000";
        rows[8] = "";
        rows[9] = head;
        rows[10] = "Re-route collection rounds|120,000|30/09/2024|Kim Ho";
        rows[11] = "Reduce agency drivers|60,000|Q3 2024/25|Kim Ho";
        rows[12] = "Raise the garden waste charge|40,000|31/03/2025|"
                   "Finance Business Partner";
        rows[13] = "";
        rows[14] = "Quarterly monitoring";
        rows[15] = "Quarter|RAG|Update";
        rows[16] = "Q1 (to 30/06/24)|Green|Rounds modelled";
        rows[17] = "Q2 (to 30/09/24)|Amber|";
        rows[18] = "Q3 (to 31/12/24)||";
        rows[19] = "Q4 (to 31/03/25)||";
        rows[20] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_RECOVERY);
        assert_int_equal(p->milestone_count, 3);
        assert_true(p->milestones[0].has_amount);
        assert_true(fabs(p->milestones[0].amount - 120000) < 1e-6);
        assert_int_equal(p->period_count, 4);
        assert_string_equal(p->periods[0].label, "Q1");
        assert_int_equal(p->periods[0].rag, RAG_RATING_GREEN);
        built_free(&b);
    }
}

/* A programme's delivery plan: its sponsor is its owner, and under
 * "Start | End" the end is when each milestone is due. */
static void test_sponsor_owns_and_end_is_due(void **state)
{
    static const char *const rows[] = {
        "Customer Services Transformation - Delivery Plan",
        "Programme Sponsor:|Director of Resources",
        "",
        "Workstream|Milestone|Owner|Start|End|Update",
        "Digital|Launch the new website|Web Team|01/04/2023|31/10/2023|Live",
        "People|Train 120 advisers|Ben Cole|01/09/2023|31/03/2024|",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_non_null(p->owner);
    assert_string_equal(p->owner, "Director of Resources");
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->actions[0].due.year, 2023);
    assert_int_equal(p->actions[0].due.month, 10);
    assert_int_equal(p->actions[1].due.year, 2024);
    assert_int_equal(p->actions[1].due.month, 3);
    built_free(&b);
}

/* An internal audit follow-up: a revised implementation date replaces
 * the original where a row has one (on either side of it), the status is
 * in audit words (implemented, partially, not implemented), and "1.1,
 * 1.2, 2.1" number the report's findings with no parent rows, so no child
 * is an orphan.  As of 2023-10-31 only 1.2 is overdue. */
static void test_audit_follow_up_revised_dates_and_words(void **state)
{
    static const char *const heads[] = {
        "Rec No|Finding|Agreed Management Action|Responsible Officer|"
        "Original Implementation Date|Revised Implementation Date|Status|"
        "Progress Update",
        "Rec No|Finding|Agreed Management Action|Responsible Officer|"
        "Revised target date|Original target date|Status|Progress Update"};
    static const char *const data[2][3] = {
        {"1.1|Starters not authorised|Introduce a starter check|Payroll "
         "Manager|31/03/2023|30/11/2023|Implemented|Check in place.",
         "1.2|Leavers paid late|Reconcile leavers monthly|HR Business "
         "Partner|30/06/2023||Partially implemented|Started in August.",
         "2.1|Duplicate payments|Run a duplicates report|Head of "
         "Finance|30/04/2023|31/12/2023|Not implemented|Awaiting upgrade."},
        {"1.1|Starters not authorised|Introduce a starter check|Payroll "
         "Manager|30/11/2023|31/03/2023|Implemented|Check in place.",
         "1.2|Leavers paid late|Reconcile leavers monthly|HR Business "
         "Partner||30/06/2023|Partially implemented|Started in August.",
         "2.1|Duplicate payments|Run a duplicates report|Head of "
         "Finance|31/12/2023|30/04/2023|Not implemented|Awaiting upgrade."}};
    static const struct {
        int month, day;
        rag_progress status;
    } want[] = {{11, 30, RAG_PROGRESS_COMPLETE},
                {6, 30, RAG_PROGRESS_ON_TARGET},
                {12, 31, RAG_PROGRESS_PROGRAMMED}};
    int layout;
    (void)state;

    for (layout = 0; layout < 2; layout++) {
        const char *rows[5];
        const rag_plan *p;
        rag_findings *f = NULL;
        rag_error err;
        size_t i, overdue = 0;
        built b;

        rows[0] = heads[layout];
        for (i = 0; i < 3; i++)
            rows[i + 1] = data[layout][i];
        rows[4] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 3);
        for (i = 0; i < 3; i++) {
            const rag_action *a = &p->actions[i];
            if (a->due.year != 2023 || a->due.month != want[i].month ||
                a->due.day != want[i].day || a->status != want[i].status)
                fail_msg("layout %d, %s: due %d-%d-%d, status %d", layout,
                         a->ref, a->due.year, a->due.month, a->due.day,
                         (int)a->status);
        }
        assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
        for (i = 0; i < f->count; i++) {
            if (!strcmp(f->items[i].rule, "ref-orphan"))
                fail_msg("layout %d: %s", layout, f->items[i].message);
            overdue += !strcmp(f->items[i].rule, "milestone-overdue");
        }
        assert_int_equal(overdue, 1); /* 1.2 */
        rag_findings_free(f);
        built_free(&b);
    }
}

/* A scorecard whose RAG cells are coloured with no words in them, a
 * polarity given by an arrow, codes under "KPI" beside a "Description":
 * the colour is the stated RAG, the codes are codes. */
static void test_scorecard_rag_by_colour_polarity_by_arrow(void **state)
{
    static const char *const heads[] = {"KPI", "Description", "Polarity",
                                        "Target", "Q1", "Q2", "Status"};
    static const uint32_t fills[] = {0x00B050, 0xFFC000, 0xFF0000};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *fmt[3];
    const rag_plan *p;
    int i;
    (void)state;

    wb = book_at(&b, "fill");
    ws = workbook_add_worksheet(wb, "KPIs");
    fill_formats(wb, fills, fmt, 3);
    for (i = 0; i < 7; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, heads[i], NULL);
    for (i = 0; i < 3; i++) {
        char code[16];
        snprintf(code, sizeof code, "KPI %02d", i + 1);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, code, NULL);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 1,
                               i == 1 ? "Average wait for an assessment"
                                      : "Calls answered first time",
                               NULL);
        /* U+2191 up, U+2193 down */
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 2,
                               i == 1 ? "\xe2\x86\x93" : "\xe2\x86\x91", NULL);
        worksheet_write_number(ws, (lxw_row_t)(i + 1), 3, 10, NULL);
        worksheet_write_number(ws, (lxw_row_t)(i + 1), 4, 9, NULL);
        worksheet_write_number(ws, (lxw_row_t)(i + 1), 5, 8, NULL);
        worksheet_write_blank(ws, (lxw_row_t)(i + 1), 6, fmt[i]);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 0, 0, 0);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 3);
    /* "KPI" over codes, "Description" over titles */
    assert_string_equal(p->indicators[0].code, "KPI 01");
    assert_string_equal(p->indicators[0].title, "Calls answered first time");
    assert_int_equal(p->indicators[0].stated_rag, RAG_RATING_GREEN);
    assert_int_equal(p->indicators[1].stated_rag, RAG_RATING_AMBER);
    assert_int_equal(p->indicators[2].stated_rag, RAG_RATING_RED);
    assert_int_equal(p->indicators[1].direction, RAG_LOWER_IS_BETTER);
    assert_int_equal(p->indicators[0].direction, RAG_HIGHER_IS_BETTER);
    built_free(&b);
}

/* A key whose green says two things, "Milestone achieved / on schedule",
 * beside a blue "Milestone completed": green is on schedule, blue is
 * complete.  Without the blue one, green stays complete. */
static void test_key_entry_with_two_meanings(void **state)
{
    static const char *const months[] = {"Apr", "May", "Jun", "Jul"};
    static const uint32_t fills[] = {0x00B050, 0xFFC000, 0xFF0000, 0x0070C0};
    static const char *const words[] = {
        "Milestone achieved / on schedule", "Slippage of less than 4 weeks",
        "Slippage of more than 4 weeks", "Milestone completed"};
    int with_blue;
    (void)state;

    for (with_blue = 0; with_blue < 2; with_blue++) {
        built b;
        lxw_workbook *wb;
        lxw_worksheet *ws;
        lxw_format *fmt[4];
        const rag_plan *p;
        int i, k, entries = with_blue ? 4 : 3;
        rag_progress green = RAG_PROGRESS_NONE;

        snprintf(b.path, sizeof b.path, "/tmp/rg_recog_key2_%ld.xlsx",
                 (long)getpid());
        wb = workbook_new(b.path);
        ws = workbook_add_worksheet(wb, "Tracker");
        for (i = 0; i < 4; i++) {
            fmt[i] = workbook_add_format(wb);
            format_set_bg_color(fmt[i], fills[i]);
        }
        worksheet_write_string(ws, 0, 0, "Ref", NULL);
        worksheet_write_string(ws, 0, 1, "Milestone", NULL);
        worksheet_write_string(ws, 0, 2, "Lead Officer", NULL);
        for (k = 0; k < 4; k++)
            worksheet_write_string(ws, 0, (lxw_col_t)(3 + k), months[k],
                                   NULL);
        for (i = 0; i < 3; i++) {
            char ref[8];
            snprintf(ref, sizeof ref, "HIP%d", i + 1);
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, ref, NULL);
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 1,
                                   "Adopt the tenancy strategy", NULL);
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 2, "Jo Marsh",
                                   NULL);
            for (k = 0; k < 4; k++)
                worksheet_write_blank(ws, (lxw_row_t)(i + 1),
                                      (lxw_col_t)(3 + k), fmt[k < 3 ? 0 : i]);
        }
        worksheet_write_string(ws, 6, 0, "Key", NULL);
        for (i = 0; i < entries; i++) {
            worksheet_write_blank(ws, (lxw_row_t)(7 + i), 0, fmt[i]);
            worksheet_write_string(ws, (lxw_row_t)(7 + i), 1, words[i],
                                   NULL);
        }
        assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
        read_built(&b, 2023, 10, 31);
        p = only_plan(&b, RAG_PLAN_TRACKER);
        assert_int_equal(p->legend_count, (size_t)entries);
        for (i = 0; i < (int)p->legend_count; i++)
            if (p->legend[i].fill == 0x00B050)
                green = p->legend[i].status;
        assert_int_equal(green, with_blue ? RAG_PROGRESS_ON_TARGET
                                          : RAG_PROGRESS_COMPLETE);
        /* HIP1's months are green throughout */
        assert_int_equal(p->actions[0].month_count, 4);
        assert_int_equal(p->actions[0].months[0].status, green);
        built_free(&b);
    }
}

/* An action plan's RAG column coloured with no words and no key: the
 * colour says the status. */
/* A RAG column of initials with no key: B beside R, A and G is BRAG's
 * blue, complete; a lone C is complete however the column is headed. */
static void test_brag_initials_without_a_key(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Due|RAG|Update",
        "1|Taxi policy|Licensing Manager|31/05/2024|B|Adopted May",
        "2|Street trading review|Licensing Manager|31/07/2024|R|Not started",
        "3|Gambling statement|Licensing Manager|31/01/2025|G|",
        "4|Fees review|Licensing Manager|31/08/2024|C|",
        NULL};
    static const char *const alone[] = {
        "Ref|Action|Lead|Due|Status|Update",
        "1|Taxi policy|Licensing Manager|31/05/2024|B|Adopted May",
        "2|Fees review|Licensing Manager|31/08/2024|C|",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[1].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[3].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);

    build_grid(&b, alone); /* no R, A or G: B stays unread */
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_NONE);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* "Status | RAG" both written: the RAG says how it is going where the
 * words say only under way; words that close the action stand.  The
 * same in either order. */
static void test_status_words_beside_a_rag(void **state)
{
    static const char *const heads[] = {
        "Ref|Action|Lead|Due|Status|RAG|Update",
        "Ref|Action|Lead|Due|RAG|Status|Update"};
    static const char *const cells[][2] = {{"In progress", "A"},
                                           {"Complete", "G"},
                                           {"In progress", "G"},
                                           {"Not started", "R"}};
    static const rag_progress want[] = {
        RAG_PROGRESS_ONE_MONTH_BEHIND, RAG_PROGRESS_COMPLETE,
        RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND};
    int order;
    (void)state;

    for (order = 0; order < 2; order++) {
        char lines[4][128];
        const char *rows[6];
        const rag_plan *p;
        built b;
        int i;

        rows[0] = heads[order];
        for (i = 0; i < 4; i++) {
            snprintf(lines[i], sizeof lines[i],
                     "%d|Review the policy|Jo Marsh|31/03/2025|%s|%s|Note",
                     i + 1, cells[i][order], cells[i][!order]);
            rows[i + 1] = lines[i];
        }
        rows[5] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 4);
        for (i = 0; i < 4; i++)
            assert_int_equal(p->actions[i].status, want[i]);
        built_free(&b);
    }
}

static void test_action_status_by_colour_alone(void **state)
{
    static const char *const heads[] = {"Ref", "Action", "Lead",
                                        "Due date", "RAG", "Update"};
    /* blue beside red, amber and green: a BRAG's complete */
    static const uint32_t fills[] = {0x00B050, 0xFFC000, 0xFF0000, 0x00B0F0};
    static const rag_progress want[] = {
        RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_ONE_MONTH_BEHIND,
        RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, RAG_PROGRESS_COMPLETE};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    int i;
    (void)state;

    wb = book_at(&b, "rag");
    ws = workbook_add_worksheet(wb, "Action Plan");
    for (i = 0; i < 6; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, heads[i], NULL);
    for (i = 0; i < 4; i++) {
        char ref[8];
        lxw_format *f = workbook_add_format(wb);
        format_set_bg_color(f, fills[i]);
        snprintf(ref, sizeof ref, "R%d", i + 1);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, ref, NULL);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 1, "Review the policy",
                               NULL);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 2, "Jo Marsh", NULL);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 3, "31/03/2024", NULL);
        worksheet_write_blank(ws, (lxw_row_t)(i + 1), 4, f);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 0, 0, 0);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    for (i = 0; i < 4; i++)
        assert_int_equal(p->actions[i].status, want[i]);
    built_free(&b);
}

/* A key in words that name colours, in one cell; month cells in other
 * shades of those colours read through it. */
static void test_key_that_names_its_colours(void **state)
{
    static const uint32_t fills[] = {0x92D050, 0xC00000, 0x00B0F0};
    static const rag_progress want[] = {RAG_PROGRESS_ON_TARGET,
                                        RAG_PROGRESS_OVER_ONE_MONTH_BEHIND,
                                        RAG_PROGRESS_COMPLETE};
    static const char *const months[] = {"April", "May", "June", "July"};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    int i, k;
    (void)state;

    wb = book_at(&b, "named");
    ws = workbook_add_worksheet(wb, "Progress");
    worksheet_write_string(ws, 0, 0, "Programme tracker 2025/26", NULL);
    worksheet_write_string(ws, 1, 0,
                           "Key: Green = on track; Amber = at risk; "
                           "Red = off track; Blue = complete", NULL);
    worksheet_write_string(ws, 3, 0, "Project", NULL);
    worksheet_write_string(ws, 3, 1, "Sponsor", NULL);
    for (k = 0; k < 4; k++)
        worksheet_write_string(ws, 3, (lxw_col_t)(2 + k), months[k], NULL);
    for (i = 0; i < 3; i++) {
        lxw_format *f = workbook_add_format(wb);
        format_set_bg_color(f, fills[i]);
        worksheet_write_string(ws, (lxw_row_t)(4 + i), 0,
                               i == 0 ? "Digital front door"
                               : i == 1 ? "Libraries review"
                                        : "Waste rounds",
                               NULL);
        worksheet_write_string(ws, (lxw_row_t)(4 + i), 1, "Head of Service",
                               NULL);
        for (k = 0; k < 4; k++)
            worksheet_write_blank(ws, (lxw_row_t)(4 + i), (lxw_col_t)(2 + k),
                                  f);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2025, 7, 31);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->legend_count, 4);
    assert_true(p->legend[0].by_name);
    assert_int_equal(p->action_count, 3);
    for (i = 0; i < 3; i++) {
        assert_int_equal(p->actions[i].month_count, 4);
        assert_int_equal(p->actions[i].months[0].status, want[i]);
    }
    built_free(&b);
}

/* A key whose swatches are the colours' names in their colours
 * ("Green" in green | "On track"): one entry a row, in the words beside,
 * with the swatch's colour; "Red" is no code. */
/* A key of words in their own colours, two columns right of a tracker,
 * that starts on the header row: its first entry is no heading (the table
 * took column R, claimed the key and read "Achieved" as a row's status),
 * and the months read through it. */
static void test_key_down_from_the_header_row(void **state)
{
    static const uint32_t fills[] = {0xCC99FF, 0x0070C0, 0xC6EFCE, 0xFFC000};
    static const char *const words[] = {"Revised date agreed", "Achieved",
                                        "On track", "Up to one month behind"};
    static const char *const heads[] = {"Ref", "Action", "Lead", "Apr", "May",
                                        "Jun", "Comment"};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *f[4];
    const rag_plan *p;
    int i;
    (void)state;

    wb = book_at(&b, "keydown");
    ws = workbook_add_worksheet(wb, "Tracker");
    fill_formats(wb, fills, f, 4);
    worksheet_write_string(ws, 0, 0, "Improvement Plan 2024/25", NULL);
    for (i = 0; i < 7; i++)
        worksheet_write_string(ws, 2, (lxw_col_t)i, heads[i], NULL);
    worksheet_write_string(ws, 3, 0, "R1", NULL);
    worksheet_write_string(ws, 3, 1, "Review charges", NULL);
    worksheet_write_string(ws, 3, 2, "Finance Manager", NULL);
    worksheet_write_blank(ws, 3, 3, f[2]);
    worksheet_write_blank(ws, 3, 4, f[3]);
    worksheet_write_string(ws, 4, 0, "R2", NULL);
    worksheet_write_string(ws, 4, 1, "New website", NULL);
    worksheet_write_string(ws, 4, 2, "Web Team", NULL);
    worksheet_write_blank(ws, 4, 3, f[2]);
    worksheet_write_blank(ws, 4, 4, f[1]);
    for (i = 0; i < 4; i++) /* the key in column I, from the header row */
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 8, words[i], f[i]);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 5, 31);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->legend_count, 4);
    assert_true(p->last_col < 8);
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->actions[0].month_count, 2);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* An older copy of a plan on a hidden sheet is not read twice; a hidden
 * sheet with refs of its own, and a visible copy, are read. */
static void test_hidden_copy_is_not_read_twice(void **state)
{
    static const char *const names[] = {"Plan", "Plan (Q1)", "Other",
                                        "Plan (Q2)"};
    static const char *const refs[][3] = {{"R1", "R2", "R3"},
                                          {"R1", "R3", NULL},
                                          {"R1", "R9", NULL},
                                          {"R1", "R2", "R3"}};
    static const bool hide[] = {false, true, true, false};
    built b;
    lxw_workbook *wb;
    size_t i, k, on_sheet[4] = {0, 0, 0, 0};
    (void)state;

    wb = book_at(&b, "hidden");
    for (i = 0; i < 4; i++) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, names[i]);
        worksheet_write_string(ws, 0, 0, "Ref", NULL);
        worksheet_write_string(ws, 0, 1, "Action", NULL);
        worksheet_write_string(ws, 0, 2, "Lead", NULL);
        worksheet_write_string(ws, 0, 3, "Due date", NULL);
        for (k = 0; k < 3 && refs[i][k]; k++) {
            worksheet_write_string(ws, (lxw_row_t)(1 + k), 0, refs[i][k],
                                   NULL);
            worksheet_write_string(ws, (lxw_row_t)(1 + k), 1, "Do it", NULL);
            worksheet_write_string(ws, (lxw_row_t)(1 + k), 2, "J Smith",
                                   NULL);
            worksheet_write_string(ws, (lxw_row_t)(1 + k), 3, "31/03/2025",
                                   NULL);
        }
        if (hide[i])
            worksheet_hide(ws);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 9, 30);
    for (i = 0; i < b.m->plan_count; i++)
        on_sheet[b.m->plans[i].sheet_index]++;
    assert_int_equal(on_sheet[0], 1);
    assert_int_equal(on_sheet[1], 0); /* hidden, its refs all in Plan */
    assert_int_equal(on_sheet[2], 1); /* hidden, R9 is its own */
    assert_int_equal(on_sheet[3], 1); /* visible: a copy stays */
    built_free(&b);
}

/* Rows banded in a pale grey, ref cell and all: the months past the
 * action's run are shading, not colours the key lacks (each was a
 * legend-unknown-fill warning). */
static void test_banded_rows_are_no_month_colours(void **state)
{
    static const uint32_t fills[] = {0x00B050, 0xFFC000, 0xF2F2F2};
    static const char *const heads[] = {"Ref", "Action", "Lead", "Apr",
                                        "May", "Jun", "Jul"};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *f[3];
    const rag_plan *p;
    int i;
    (void)state;

    wb = book_at(&b, "banded");
    ws = workbook_add_worksheet(wb, "Tracker");
    fill_formats(wb, fills, f, 3);
    worksheet_write_string(ws, 0, 0, "Improvement Plan 2024/25", NULL);
    worksheet_write_string(ws, 1, 8, "On target", f[0]);
    worksheet_write_string(ws, 2, 8, "One month behind", f[1]);
    for (i = 0; i < 7; i++)
        worksheet_write_string(ws, 3, (lxw_col_t)i, heads[i], NULL);
    worksheet_write_string(ws, 4, 0, "R1", NULL);
    worksheet_write_string(ws, 4, 1, "Review charges", NULL);
    worksheet_write_string(ws, 4, 2, "Finance Manager", NULL);
    worksheet_write_blank(ws, 4, 3, f[0]);
    worksheet_write_blank(ws, 4, 4, f[1]);
    worksheet_write_string(ws, 5, 0, "R2", f[2]); /* banded */
    worksheet_write_string(ws, 5, 1, "New website", f[2]);
    worksheet_write_string(ws, 5, 2, "Web Team", f[2]);
    worksheet_write_blank(ws, 5, 3, f[0]);
    worksheet_write_blank(ws, 5, 4, f[0]);
    worksheet_write_blank(ws, 5, 5, f[2]);
    worksheet_write_blank(ws, 5, 6, f[2]);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 7, 31);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->actions[1].month_count, 2);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_ON_TARGET);
    built_free(&b);
}

/* A key of codes that starts on the header row, right of the table:
 * "RP | Deadline extended" is the key's first entry, not a due heading
 * (a generated tracker lost its key and every month to it). */
/* A block of notes to whoever fills the sheet in, beside the table and
 * headed on its header row ("Notes for completing this tracker"): no
 * column of updates.  Read as one, "Complete the Status column each
 * month" was R2's update and said R2 was done. */
static void test_notes_for_completing_beside_the_table(void **state)
{
    static const char *const headings[] = {
        "Notes for completing this tracker", "Instructions",
        "Guidance notes", "How to complete this return"};
    size_t h;
    (void)state;

    for (h = 0; h < sizeof headings / sizeof *headings; h++) {
        char hdr[160];
        const char *rows[5];
        const rag_plan *p;
        built b;
        size_t i;

        snprintf(hdr, sizeof hdr, "Ref|Action|Lead|Due|Status|||%s",
                 headings[h]);
        rows[0] = hdr;
        rows[1] = "H1|Reduce temporary accommodation use|Head of Housing|"
                  "31/03/2025|On track|||1. Update every month";
        rows[2] = "H2|Adopt the allocations policy|Housing Policy Officer|"
                  "31/07/2024||||Complete the Status column each month";
        rows[3] = "H3|Complete the stock condition survey|Asset Manager|"
                  "30/09/2024|Complete|||3. Return by the 5th working day";
        rows[4] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 3);
        for (i = 0; i < 3; i++) /* the status in words may stand in */
            assert_true(!p->actions[i].comment ||
                        (!strstr(p->actions[i].comment, "month") &&
                         !strstr(p->actions[i].comment, "Return")));
        assert_int_not_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
        built_free(&b);
    }
}

/* A tracker whose months ahead were filled in when it was set up
 * ("Planned activity" in grey), last reported in August: as of 30
 * September its status is August's red, not September's grey.  An
 * action planned all year is still programmed. */
static void test_planned_months_ahead_do_not_hide_the_last_report(
    void **state)
{
    static const char *const rows[] = {
        "Delivery tracker 2024/25",
        "Ref|Action|Lead|Apr|May|Jun|Jul|Aug|Sep|Oct|Comment",
        "1|Roll out food waste collections|Head of Waste|G|G|A|A|R|P|P|"
        "Vehicles late",
        "2|Build council homes|Head of Housing|P|P|P|P|P|P|P|",
        "3|Review street cleansing|Head of Waste|G|G|G|G|G|G|P|",
        "",
        "P|Planned activity",
        "G|On track",
        "A|Slippage up to 1 month",
        "R|Slippage over 1 month",
        "C|Completed",
        NULL};
    const rag_plan *p;
    built b;
    static int serial;
    (void)state;

    snprintf(b.path, sizeof b.path, "/tmp/rg_recog_planned_%ld_%d.xlsx",
             (long)getpid(), serial++);
    write_grid(b.path, rows);
    read_built(&b, 2024, 9, 30);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_PROGRAMMED);
    assert_int_equal(p->actions[2].status, RAG_PROGRESS_ON_TARGET);
    built_free(&b);
}

/* A project's milestones: "Baseline date | Forecast date | Actual
 * date".  The forecast is the due (the baseline where there is none), a
 * day under "Actual date" says done.  None of them was read before: no
 * milestone had a due date or was complete. */
static void test_baseline_forecast_actual_milestone_dates(void **state)
{
    static const char *const rows[] = {
        "Milestone|Baseline date|Forecast date|Actual date|RAG|Commentary",
        "Planning permission granted|30/04/2023|20/05/2023|20/05/2023|G|"
        "Granted",
        "Site mobilisation|31/08/2023|30/11/2023||A|Delayed by utilities",
        "Practical completion|30/09/2024|||G|On plan",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[1].due.year, 2023);
    assert_int_equal(p->actions[1].due.month, 11);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[2].due.year, 2024);
    assert_int_equal(p->actions[2].due.month, 9);
    built_free(&b);
}

/* A committee's action log: "Date of meeting | Item | Action agreed |
 * Action by | Target date | Progress | Open / Closed".  One table: "Action
 * by" names who (as a second action column it split the log in two, each
 * half with a missing lead on every row), the meeting's date is not when
 * the action is due, and "Closed" says done. */
static void test_committee_action_log(void **state)
{
    static const char *const rows[] = {
        "Scrutiny Committee Action Tracker",
        "Date of meeting|Item|Action agreed|Action by|Target date|Progress|"
        "Open / Closed",
        "14/05/2023|5|Provide figures on fly-tipping|Head of Environment|"
        "30/06/2023|Figures circulated|Closed",
        "14/05/2023|7|Report back on library hours|Head of Libraries|"
        "10/09/2023|Deferred|Open",
        "09/07/2023|4|Share the allocations data|Housing Manager|"
        "31/12/2023||Open",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_string_equal(p->actions[0].ref, "5");
    assert_string_equal(p->actions[0].leads[0], "Head of Environment");
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    assert_int_equal(p->actions[1].due.month, 9);
    assert_int_equal(p->actions[2].due.year, 2023);
    assert_int_equal(p->actions[2].due.month, 12);
    built_free(&b);
}

/* A status column of how much is done ("Status": 100%, 50%): 100% is
 * complete; before, the action at 100% past its date was overdue. */
static void test_status_column_of_percents(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Owner|Due date|Status",
        "1|Move to cloud hosting|Head of ICT|30/06/2023|100%",
        "2|Close the old reception|Facilities Manager|31/07/2023|50%",
        "3|Digitise planning records|Planning Lead|31/03/2024|0%",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    assert_int_not_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
    assert_int_not_equal(p->actions[2].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

static void test_key_of_codes_on_the_header_row(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Apr|May|Jun|Jul|Comment||RP|Deadline extended",
        "R1|Replace the IT system|ICT Manager|G|G|RP|P|Draft out||G|"
        "On schedule",
        "R2|Review the write off policy|Finance Manager|G|A|A|P|||A|"
        "Late (less than 4 weeks)",
        "R3|Publish service standards|Head of Comms|G|G|G|G|||P|"
        "Not yet started",
        NULL};
    static const char *const codes[] = {"RP", "G", "A", "P"};
    const rag_plan *p;
    built b;
    size_t i, k;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->legend_count, 4);
    for (k = 0; k < 4; k++)
        assert_string_equal(p->legend[k].code, codes[k]);
    assert_int_equal(p->legend[0].status, RAG_PROGRESS_REPROGRAMMED);
    assert_int_equal(p->action_count, 3);
    for (i = 0; i < 3; i++) {
        assert_int_equal(p->actions[i].month_count, 4);
        assert_null(p->actions[i].due_text);
    }
    assert_int_equal(p->actions[0].months[2].status,
                     RAG_PROGRESS_REPROGRAMMED);
    assert_int_equal(p->actions[1].months[1].status,
                     RAG_PROGRESS_ONE_MONTH_BEHIND);
    built_free(&b);
}

/* "Target completion date" over an action plan's days, with a status a
 * quarter under "Progress RAG" (Q1..Q4 on a second header row, the other
 * headings merged down over it): a due date, not a scorecard's target.
 * "Nov 2019" under it once made the rows look like indicators. */
/* Headings of the ref, date, status and updates in other words: "Rec
 * Ref", "Milestone date", "Expected completion", "How are we doing?",
 * "Auditor comment", "What has happened"; "Evidence" beside a RAG is
 * the updates when no other column gives them. */
static void test_other_words_for_the_columns(void **state)
{
    static const char *const layouts[][3] = {
        {"Rec Ref|Action|Owner|Milestone date|Current status|Auditor comment",
         "PAY-01|Verify starters|HR Manager|31/12/2024|In progress|Agreed",
         "Agreed"},
        {"#|What we will do|Who|Expected completion|How are we doing?|"
         "What has happened",
         "1|Install solar on depot|Energy Manager|30/06/2024|Complete|Done",
         "Done"},
        {"No.|Action|Lead|Key milestone date|RAG|Evidence",
         "1|Recruit coordinators|Head of SEND|30/06/2024|Green|Posts filled",
         "Posts filled"},
        {"Ref|Savings Proposal|Lead Officer|Expected completion date|RAG|"
         "Comments",
         "SAV01|Review library opening hours|Tom Reed|30/06/2024|G|Agreed",
         "Agreed"}};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof layouts / sizeof *layouts; k++) {
        const char *rows[3] = {layouts[k][0], layouts[k][1], NULL};
        const rag_plan *p;
        built b;

        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 1);
        assert_non_null(p->actions[0].ref);
        assert_non_null(p->actions[0].text);
        assert_int_equal(p->actions[0].due.day, 30 + (k == 0));
        assert_int_not_equal(p->actions[0].status, RAG_PROGRESS_NONE);
        assert_string_equal(p->actions[0].comment, layouts[k][2]);
        built_free(&b);
    }
}

static void test_target_completion_date_is_a_due_date(void **state)
{
    static const char *const heads[] = {"Ref", "Description", "Lead",
                                        "Target completion date",
                                        "Position statement"};
    static const char *const dues[] = {"Nov 2019", "31/07/2019",
                                       "Jan 2020", "30/06/2019"};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    int i;
    (void)state;

    wb = book_at(&b, "tcd");
    ws = workbook_add_worksheet(wb, "Plan");
    for (i = 0; i < 5; i++)
        worksheet_merge_range(ws, 0, (lxw_col_t)i, 1, (lxw_col_t)i,
                              heads[i], NULL);
    worksheet_merge_range(ws, 0, 5, 0, 8, "Progress RAG", NULL);
    for (i = 0; i < 4; i++) {
        char q[4], ref[8];
        snprintf(q, sizeof q, "Q%d", i + 1);
        worksheet_write_string(ws, 1, (lxw_col_t)(5 + i), q, NULL);
        snprintf(ref, sizeof ref, "3.%d", i + 1);
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 0, ref, NULL);
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 1,
                               "Improve the collection of overpayments",
                               NULL);
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 2, "Kim Evans", NULL);
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 3, dues[i], NULL);
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 4,
                               "Procurement under way.", NULL);
        worksheet_write_string(ws, (lxw_row_t)(2 + i), 5, "G", NULL);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2019, 11, 8);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    assert_int_equal(p->indicator_count, 0);
    assert_int_equal(p->actions[1].due.year, 2019);
    assert_int_equal(p->actions[1].due.month, 7);
    assert_int_equal(p->actions[1].due.day, 31);
    built_free(&b);
}

/* A five-point RAG in initials: "G/A" reads as "Green/Amber" does, "A/R"
 * as "Amber/Red"; "AG" without the slash still needs a key. */
static void test_five_point_rag_initials(void **state)
{
    static const char *const rows[] = {
        "No.|Action|Lead Officer|Target date|RAG",
        "1.1|Recruit social workers|Head of Service|31/03/2024|G/A",
        "1.2|Reduce caseloads|Service Manager|31/03/2024|Green/Amber",
        "1.3|Refresh the framework|Principal Social Worker|31/03/2024|A/R",
        "1.4|Launch the QA framework|Head of QA|31/03/2024|Amber/Red",
        "1.5|Audit case files|Head of QA|31/03/2024|R/A",
        "1.6|Train managers|L&D Manager|31/03/2024|AG",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 6);
    assert_int_not_equal(p->actions[0].status, RAG_PROGRESS_NONE);
    assert_int_equal(p->actions[0].status, p->actions[1].status);
    assert_int_not_equal(p->actions[2].status, RAG_PROGRESS_NONE);
    assert_int_equal(p->actions[2].status, p->actions[3].status);
    assert_int_equal(p->actions[4].status, rg_status_of("Red/Amber", 9));
    assert_int_equal(p->actions[5].status, RAG_PROGRESS_NONE);
    built_free(&b);
}

/* Each quarter's name merged over "Target | Actual | RAG" on a second
 * header row: one figure a quarter (the Actual), judged against its own
 * target, the stated RAG the latest quarter's.  Read before as three Q1
 * figures a quarter, the target among them, and no stated RAG. */
static void test_quarter_groups_of_target_actual_rag(void **state)
{
    static const char *const heads[] = {"PI Code", "Indicator", "Good is",
                                        "Annual Target"};
    static const char *const subs[] = {"Target", "Actual", "RAG"};
    static const double fig[2][4] = {{20, 24, 20, 19}, {150, 140, 150, 170}};
    static const char *const rag[2][2] = {{"R", "G"}, {"G", "R"}};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    int i, q, k;
    (void)state;

    wb = book_at(&b, "qgroups");
    ws = workbook_add_worksheet(wb, "Scorecard");
    for (i = 0; i < 4; i++)
        worksheet_merge_range(ws, 0, (lxw_col_t)i, 1, (lxw_col_t)i,
                              heads[i], NULL);
    for (q = 0; q < 4; q++) {
        char name[4];
        lxw_col_t c = (lxw_col_t)(4 + 3 * q);
        snprintf(name, sizeof name, "Q%d", q + 1);
        worksheet_merge_range(ws, 0, c, 0, c + 2, name, NULL);
        for (k = 0; k < 3; k++)
            worksheet_write_string(ws, 1, c + (lxw_col_t)k, subs[k], NULL);
    }
    for (i = 0; i < 2; i++) {
        lxw_row_t r = (lxw_row_t)(2 + i);
        worksheet_write_string(ws, r, 0, i ? "CS05" : "HS01", NULL);
        worksheet_write_string(ws, r, 1,
                               i ? "Households in temporary accommodation"
                                 : "Average days to relet voids", NULL);
        worksheet_write_string(ws, r, 2, "Low", NULL);
        worksheet_write_number(ws, r, 3, fig[i][0], NULL);
        for (q = 0; q < 2; q++) {
            lxw_col_t c = (lxw_col_t)(4 + 3 * q);
            worksheet_write_number(ws, r, c, fig[i][2 * q], NULL);
            worksheet_write_number(ws, r, c + 1, fig[i][2 * q + 1], NULL);
            worksheet_write_string(ws, r, c + 2, rag[i][q], NULL);
        }
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 10, 20);
    p = only_plan(&b, RAG_PLAN_SCORECARD);
    assert_int_equal(p->indicator_count, 2);
    for (i = 0; i < 2; i++) {
        const rag_indicator *ind = &p->indicators[i];
        assert_int_equal(ind->value_count, 2);
        assert_string_equal(ind->values[0].period, "Q1");
        assert_true(ind->values[0].value == fig[i][1]);
        assert_string_equal(ind->values[1].period, "Q2");
        assert_true(ind->values[1].value == fig[i][3]);
        assert_true(ind->has_target && ind->target == fig[i][2]);
        assert_true(ind->has_actual && ind->actual == fig[i][3]);
    }
    assert_int_equal(p->indicators[0].rag, RAG_RATING_GREEN);
    assert_int_equal(p->indicators[0].stated_rag, RAG_RATING_GREEN);
    assert_int_equal(p->indicators[1].rag, RAG_RATING_RED);
    assert_int_equal(p->indicators[1].stated_rag, RAG_RATING_RED);
    built_free(&b);
}

/* A plan with no refs under "Report date: | 15/10/2024" (the label and
 * its value in cells of their own, in the action and lead columns): the
 * title block's row, not an action, so the plan keeps its title and
 * report date. */
static void test_report_date_label_over_a_plan_without_refs(void **state)
{
    static const char *const rows[] = {
        "Transformation Programme Tracker",
        "Report date:|15/10/2024",
        "",
        "Project|Sponsor|End date|Commentary",
        "Digital front door|Director of Resources|31/03/2025|Slight delay",
        "Office moves|Director of Place|30/09/2024|Done",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_non_null(p->title);
    assert_string_equal(p->title, "Transformation Programme Tracker");
    assert_int_equal(p->as_of.year, 2024);
    assert_int_equal(p->as_of.month, 10);
    assert_int_equal(p->as_of.day, 15);
    built_free(&b);
}

/* "Last reviewed:" with a date is the report date, as "Last updated:"
 * is; "Next review:" is not. */
static void test_last_reviewed_is_the_report_date(void **state)
{
    static const char *const rows[] = {
        "Climate Action Plan",
        "Next review:|15/12/2024",
        "Last reviewed:|15/09/2024",
        "",
        "Ref|Action|Lead|Due date|Status",
        "1|Install solar on depot|Energy Manager|30/06/2024|Complete",
        "2|Fleet EV transition|Fleet Manager|31/08/2024|Delayed",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->as_of.year, 2024);
    assert_int_equal(p->as_of.month, 9);
    assert_int_equal(p->as_of.day, 15);
    built_free(&b);
}

/* "Action | Milestones | Lead | Due | RAG": the action written once,
 * its milestones on rows of their own, each with a lead, a date and a
 * status.  The milestones are the rows: read by the action column, the
 * second milestone of each action (one overdue) was lost. */
static void test_action_with_milestone_rows(void **state)
{
    static const char *const rows[] = {
        "Priority|Action|Milestones|Lead|Due|RAG",
        "1. Front door|1.1 Review MASH thresholds|Thresholds agreed|"
        "Head of MASH|30/06/2023|Complete",
        "||Training delivered to partners|Head of MASH|30/09/2023|Amber",
        "|1.2 Recruit team managers|Adverts placed|Workforce Lead|"
        "31/05/2023|Complete",
        "||Appointments made|Workforce Lead|31/08/2023|Red",
        NULL};
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    built b;
    size_t i, overdue = 0;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    assert_string_equal(p->actions[1].text, "Training delivered to partners");
    assert_int_equal(p->actions[1].due.month, 9);
    assert_int_equal(p->actions[3].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_string_equal(p->actions[3].leads[0], "Workforce Lead");
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    for (i = 0; i < f->count; i++)
        overdue += !strcmp(f->items[i].rule, "milestone-overdue");
    assert_int_equal(overdue, 2);
    rag_findings_free(f);
    built_free(&b);
}

/* Two exception forms on one sheet, each closed by "Action being taken"
 * and "Responsible officer", a blank row between them: each form keeps
 * its own action and officer (the first form's went to the second, which
 * took "Action being taken:" for its title), and the sheet's heading is
 * the title, not a field with no value. */
static void test_exception_forms_keep_their_officers(void **state)
{
    static const char *const rows[] = {
        "Performance Exception Report - Quarter 2 2024/25",
        "",
        "Indicator:|HS04 Average time to re-let council homes (days)",
        "Polarity:|Lower is better",
        "Q2 Target:|25",
        "Q2 Actual:|38",
        "RAG:|Red",
        "Reason for underperformance:|Backlog of major voids.",
        "Action being taken:|Additional contractor appointed",
        "Responsible officer:|Head of Housing",
        "",
        "",
        "Indicator:|CT01 Council tax collection rate",
        "Polarity:|Higher is better",
        "Q2 Target:|0.48",
        "Q2 Actual:|0.47",
        "RAG:|Amber",
        "Reason for underperformance:|Cost of living pressures.",
        "Action being taken:|Payment plans offered",
        "Responsible officer:|Head of Revenues",
        NULL};
    static const char *const officers[] = {"Head of Housing",
                                           "Head of Revenues"};
    built b;
    size_t i, k, plans = 0;
    (void)state;

    build_grid(&b, rows);
    for (i = 0; i < b.m->plan_count; i++) {
        const rag_plan *p = &b.m->plans[i];
        size_t officer = 0, actions = 0;
        if (p->kind != RAG_PLAN_INDICATOR)
            continue;
        assert_true(plans < 2);
        assert_string_equal(p->owner, officers[plans]);
        if (p->title)
            assert_string_not_equal(p->title, "Action being taken:");
        for (k = 0; k < p->field_count; k++) {
            assert_true(p->fields[k].value && p->fields[k].value[0]);
            officer += !strcmp(p->fields[k].label, "Responsible officer");
            actions += !strcmp(p->fields[k].label, "Action being taken");
        }
        assert_int_equal(officer, 1);
        assert_int_equal(actions, 1);
        plans++;
    }
    assert_int_equal(plans, 2);
    built_free(&b);
}

/* A return template's example rows ("e.g. 1.1", "Example action") are
 * no actions: read as ones, "Example action ... 31/03/2020" was an
 * overdue warning in every return that kept it. */
static void test_template_example_rows_are_no_actions(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead officer|Due date|RAG|Progress",
        "e.g. 1.1|Example: Review the service charging policy|Officer name|"
        "dd/mm/yyyy|G / A / R|Brief update",
        "|Example action|Jo Bloggs|31/03/2020|R|Example update",
        "1.1|Review fees and charges|Head of Finance|31/03/2025|G|Under way",
        "1.2|Close the old depot|Head of Estates|31/05/2023|A|Sale agreed",
        NULL};
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    built b;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_string_equal(p->actions[0].ref, "1.1");
    assert_string_equal(p->actions[1].ref, "1.2");
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    for (i = 0; i < f->count; i++)
        assert_true(!f->items[i].has_cell || f->items[i].row > 2);
    rag_findings_free(f);
    built_free(&b);
}

/* Sub-actions labelled "(i)", "a)" under a numbered action: refs of their
 * own under it ("1.1b(i)"), so "(i)" under two actions is no duplicate.
 * Before, their ref was null. */
static void test_sub_action_labels_are_refs_under_the_action_above(
    void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Due date|Status|Progress",
        "1.1|Board terms of reference|Monitoring Officer|31/03/2025|On track|",
        "1.1b|Approve ToR|Monitoring Officer|31/03/2025|On track|",
        "(i)|Consult group leaders|Monitoring Officer|31/03/2025|On track|",
        "(ii)|Full Council approval|Monitoring Officer|31/03/2025|On track|",
        "1.2|Risk register refresh|Head of Audit|31/03/2025|On track|",
        "(i)|Directorate workshops|Head of Audit|31/03/2025|On track|",
        "b)|Corporate risk report|Head of Audit|31/03/2025|On track|",
        NULL};
    static const char *const refs[][2] = {
        {"1.1", NULL}, {"1.1b", "1.1"}, {"1.1b(i)", "1.1b"},
        {"1.1b(ii)", "1.1b"}, {"1.2", NULL}, {"1.2(i)", "1.2"},
        {"1.2(b)", "1.2"}}; /* 1.1, 1.2: parent rows, no "1" row */
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    built b;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 7);
    for (i = 0; i < 7; i++) {
        assert_non_null(p->actions[i].ref);
        assert_string_equal(p->actions[i].ref, refs[i][0]);
        if (refs[i][1])
            assert_string_equal(p->actions[i].parent, refs[i][1]);
        else
            assert_null(p->actions[i].parent);
    }
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    for (i = 0; i < f->count; i++)
        assert_string_not_equal(f->items[i].rule, "ref-duplicate");
    rag_findings_free(f);
    built_free(&b);
}

/* A quarter's column after every third month ("Apr | May | Jun | Q1 |
 * Jul"): the months run on past it.  Before, the months stopped at June,
 * and an action red in September read as on track. */
/* A theme or priority heading ("T1", "Theme 1", "P.1", "Priority 1")
 * over actions 1.1, 1.2 is their parent, as a "1" row would be: the
 * children name it, and it is a parent row (no lead owed). */
static void test_section_heading_refs_are_parents(void **state)
{
    static const char *const forms[][2] = {{"T1", "T2"},
                                           {"Theme 1", "Theme 2"},
                                           {"P.1", "P.2"},
                                           {"Priority 1", "Priority 2"},
                                           {"Objective 1", "Objective 2"}};
    size_t k;
    (void)state;

    for (k = 0; k < sizeof forms / sizeof *forms; k++) {
        char h1[64], h2[64];
        const char *rows[7];
        const rag_plan *p;
        built b;

        snprintf(h1, sizeof h1, "%s|Thriving places||", forms[k][0]);
        snprintf(h2, sizeof h2, "%s|Healthy communities||", forms[k][1]);
        rows[0] = "Ref|Action|Lead|Due date";
        rows[1] = h1;
        rows[2] = "1.1|Adopt the local plan|Head of Planning|31/03/2025";
        rows[3] = "1.2|Open the market hall|Head of Regeneration|31/12/2024";
        rows[4] = h2;
        rows[5] = "2.1|Open the leisure centre|Head of Leisure|30/06/2025";
        rows[6] = NULL;
        build_grid(&b, rows);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 5);
        assert_null(p->actions[0].parent);
        assert_true(p->actions[0].is_parent);
        assert_string_equal(p->actions[1].parent, forms[k][0]);
        assert_string_equal(p->actions[2].parent, forms[k][0]);
        assert_true(p->actions[3].is_parent);
        assert_string_equal(p->actions[4].parent, forms[k][1]);
        built_free(&b);
    }
}

/* Blank spacer columns between the months ("Apr | | May | | Jun"): still
 * a tracker, its months in every other column. */
static void test_spacer_columns_between_months(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Apr||May||Jun||Jul|Comments",
        "1|Improve void turnaround|Voids Manager|G||G||A||R|Backlog",
        "2|Reduce arrears|Income Manager|G||G||G||G|On track",
        "",
        "G|On track",
        "A|Up to 1 month late",
        "R|Over 1 month late",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->legend_count, 3);
    assert_int_equal(p->actions[0].month_count, 4);
    assert_int_equal(p->actions[0].months[3].month, 7);
    assert_int_equal(p->actions[0].months[3].cell.col, 9);
    assert_int_equal(p->actions[0].months[2].status,
                     RAG_PROGRESS_ONE_MONTH_BEHIND);
    built_free(&b);
}

/* "Jun-24 | Sep-24 | Dec-24 | Mar-25": quarter ends side by side are a
 * status a quarter, read at the latest reported, as "Q1 | Q2" are. */
static void test_quarter_end_months_are_a_status_a_quarter(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Jun-24|Sep-24|Dec-24|Mar-25|Commentary",
        "1|Improve void turnaround|Voids Manager|G|R|||Backlog",
        "2|Reduce arrears|Income Manager|G|A|||Slipping",
        "3|Open the hub|Hub Manager|G|C|||Opened",
        "",
        "G|On track",
        "A|Up to 1 month late",
        "R|Over 1 month late",
        "C|Complete",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_int_equal(p->actions[0].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[1].status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[2].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* An 18-month tracker, "April 2024" to "September 2025": every month
 * kept, its year its own. */
static void test_eighteen_month_tracker(void **state)
{
    static const char *const names[] = {"April", "May", "June", "July",
                                        "August", "September", "October",
                                        "November", "December", "January",
                                        "February", "March"};
    char head[512], row[256];
    const char *rows[8];
    const rag_plan *p;
    built b;
    size_t n, k;
    int i;
    (void)state;

    n = (size_t)snprintf(head, sizeof head, "Ref|Action|Lead");
    k = (size_t)snprintf(row, sizeof row, "1|Waste strategy|Head of Waste");
    for (i = 0; i < 18; i++) {
        n += (size_t)snprintf(head + n, sizeof head - n, "|%s %d",
                              names[i % 12], i < 9 ? 2024 : 2025);
        k += (size_t)snprintf(row + k, sizeof row - k, "|%s",
                              i < 17 ? "G" : "A");
    }
    snprintf(head + n, sizeof head - n, "|Comment");
    rows[0] = head;
    rows[1] = row;
    rows[2] = "";
    rows[3] = "G|On target";
    rows[4] = "A|One month behind";
    rows[5] = NULL;
    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->actions[0].month_count, 18);
    assert_int_equal(p->actions[0].months[17].year, 2025);
    assert_int_equal(p->actions[0].months[17].month, 9);
    assert_int_equal(p->actions[0].months[17].status,
                     RAG_PROGRESS_ONE_MONTH_BEHIND);
    built_free(&b);
}

static void test_quarter_columns_between_months(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|Apr|May|Jun|Q1|Jul|Aug|Sep|Q2 total|Comments",
        "1|Improve void turnaround|Voids Manager|G|G|G|G|A|A|R|R|Backlog",
        "2|Reduce arrears|Income Manager|G|G|G|G|G|G|G|G|On track",
        "",
        "G|On track",
        "A|Up to 1 month late",
        "R|Over 1 month late",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->action_count, 2);
    assert_int_equal(p->actions[0].month_count, 6);
    assert_int_equal(p->actions[0].months[3].month, 7);
    assert_int_equal(p->actions[0].months[3].cell.col, 7);
    assert_int_equal(p->actions[0].months[5].month, 9);
    assert_int_equal(p->actions[0].months[5].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(p->actions[0].status,
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    built_free(&b);
}

static void test_key_of_named_swatches(void **state)
{
    static const uint32_t fills[] = {0x00B050, 0xFFC000, 0xFF0000, 0x0070C0};
    static const char *const names[] = {"Green", "Amber", "Red", "Blue"};
    static const char *const words[] = {"On track", "At risk of slipping",
                                        "Off track", "Complete"};
    static const rag_progress want[] = {
        RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_ONE_MONTH_BEHIND,
        RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, RAG_PROGRESS_COMPLETE};
    built b;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    const rag_plan *p;
    int i;
    (void)state;

    wb = book_at(&b, "swatch");
    ws = workbook_add_worksheet(wb, "Plan");
    worksheet_write_string(ws, 0, 0, "Ref", NULL);
    worksheet_write_string(ws, 0, 1, "Action", NULL);
    worksheet_write_string(ws, 0, 2, "Lead", NULL);
    worksheet_write_string(ws, 0, 3, "Due date", NULL);
    worksheet_write_string(ws, 0, 4, "Status", NULL);
    worksheet_write_string(ws, 1, 0, "1.1", NULL);
    worksheet_write_string(ws, 1, 1, "Review charges", NULL);
    worksheet_write_string(ws, 1, 2, "Finance Manager", NULL);
    worksheet_write_string(ws, 1, 3, "30/06/2024", NULL);
    worksheet_write_string(ws, 1, 4, "Blue", NULL);
    worksheet_write_string(ws, 4, 0, "Status definitions", NULL);
    for (i = 0; i < 4; i++) {
        lxw_format *f = workbook_add_format(wb);
        format_set_bg_color(f, fills[i]);
        worksheet_write_string(ws, (lxw_row_t)(5 + i), 0, names[i], f);
        worksheet_write_string(ws, (lxw_row_t)(5 + i), 1, words[i], NULL);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 9, 30);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->legend_count, 4);
    for (i = 0; i < 4; i++) {
        assert_string_equal(p->legend[i].label, words[i]);
        assert_int_equal(p->legend[i].status, want[i]);
        assert_int_equal(p->legend[i].fill, fills[i]);
        assert_null(p->legend[i].code);
    }
    assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
    built_free(&b);
}

/* A title that closes with the month it reports on gives the report
 * date; a title naming when a plan was agreed does not. */
static void test_report_month_in_the_title(void **state)
{
    static const struct {
        const char *title;
        int y, m, d; /* 0: no report date */
    } cases[] = {
        {"Monthly KPI Dashboard - November 2024", 2024, 11, 30},
        {"Performance report: Sept 2024", 2024, 9, 30},
        {"Tracker update February 2024", 2024, 2, 29},
        {"Reporting period: September 2024", 2024, 9, 30},
        {"Improvement plan agreed by Cabinet March 2023", 0, 0, 0},
        {"Corporate Plan Performance 2024-2028", 0, 0, 0},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *rows[5];
        built b;
        const rag_plan *p;
        static int serial;
        rows[0] = cases[i].title;
        rows[1] = "";
        rows[2] = "Ref|Action|Lead|Target date|Status";
        rows[3] = "R1|Review the policy|Jo Marsh|31/03/2024|On track";
        rows[4] = NULL;
        snprintf(b.path, sizeof b.path, "/tmp/rg_recog_title_%ld_%d.xlsx",
                 (long)getpid(), serial++);
        write_grid(b.path, rows);
        read_built(&b, 0, 0, 0); /* no --as-of: the workbook's, or today */
        p = only_plan(&b, RAG_PLAN_ACTION);
        if (p->as_of.year != cases[i].y || p->as_of.month != cases[i].m ||
            p->as_of.day != cases[i].d)
            fail_msg("'%s': report date %d-%d-%d", cases[i].title,
                     p->as_of.year, p->as_of.month, p->as_of.day);
        built_free(&b);
    }
}

/* Years in the upper row of a two-row header, beside "Ref": the months
 * below take them, not the year of the day ragbook runs. */
static void test_years_in_the_upper_header_row(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead|2024|||||||||2025||",
        "|||Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Jan|Feb|Mar",
        "A1|Embed the practice model|Jo Marsh|On track|On track|Late",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_TRACKER);
    assert_int_equal(p->action_count, 1);
    assert_true(p->actions[0].month_count >= 1);
    assert_int_equal(p->actions[0].months[0].year, 2024);
    assert_int_equal(p->actions[0].months[0].month, 4);
    built_free(&b);
}

/* "Issue identified | Agreed action": the actions are under the heading
 * that names them, though the vocabulary lacks its words. */
static void test_action_column_by_its_last_word(void **state)
{
    static const char *const rows[] = {
        "No.|Issue identified|Agreed action|Responsible officer|"
        "Target date|Comments",
        "1|Backlog|Clear the backlog|Planning Manager|30/06/2024|",
        "2|Validation|Introduce a checklist|Team Leader|31/08/2024|",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_string_equal(p->actions[0].text, "Clear the backlog");
    built_free(&b);
}

/* ---- letters in month cells, through the key --------------------------- */

static void test_month_letters_read_through_the_key(void **state)
{
    static const struct {
        const char *name;
        const char *rows[10];
        const char *ref;
        rag_progress months[4];
    } cases[] = {
        {"key in one cell each",
         {"Tracker 2023/24", "G = On track", "A = Up to 1 month late",
          "R = Late (more than 4 weeks)", "P = Re-planned", "",
          "No.|Action|Lead|Apr|May|Jun|Jul", "1.1|Review|Cllr Jo Marsh|G|A|R|P",
          NULL},
         "1.1",
         {RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_ONE_MONTH_BEHIND,
          RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, RAG_PROGRESS_REPROGRAMMED}},
        {"key as code | words, words in a month cell",
         {"Key", "G|On track", "A|Late (less than 4 weeks)", "C|Complete", "",
          "ID|Action|Owner|Apr|May|Jun|Jul", "2.3.b|Publish|Ann Lee|G|A|On track|C",
          NULL},
         "2.3.b",
         {RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_ONE_MONTH_BEHIND,
          RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_COMPLETE}},
    };
    size_t k, i;
    (void)state;

    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        built b;
        const rag_plan *p;
        const rag_action *a = NULL;
        print_message("case: %s\n", cases[k].name);
        build_grid(&b, cases[k].rows);
        p = only_plan(&b, RAG_PLAN_TRACKER);
        for (i = 0; i < p->action_count; i++)
            if (p->actions[i].ref && !strcmp(p->actions[i].ref, cases[k].ref))
                a = &p->actions[i];
        assert_non_null(a);
        assert_int_equal(a->month_count, 4);
        for (i = 0; i < 4; i++)
            assert_int_equal(a->months[i].status, cases[k].months[i]);
        built_free(&b);
    }
}

/* A RAG column of lone letters with no key: G, A and R are the RAG's
 * initials, C is complete; a key, when there is one, still wins. */
static void test_rag_letters_without_a_key(void **state)
{
    static const char *const rows[] = {
        "Ref|Action|Lead Officer|Deadline|Commentary|RAG",
        "1.1|Review the policy|Ann Lee|30/06/2024|Draft out|G",
        "1.2|Consult tenants|Jo Marsh|30/06/2024|Late start|A",
        "1.3|Publish the strategy|Kim Patel|30/06/2024|Stalled|R",
        "1.4|Train staff|Kim Patel|30/06/2024|Booked|C",
        NULL};
    static const rag_progress want[] = {
        RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_ONE_MONTH_BEHIND,
        RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, RAG_PROGRESS_COMPLETE};
    const rag_plan *p;
    built b;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    for (i = 0; i < 4; i++)
        assert_int_equal(p->actions[i].status, want[i]);
    built_free(&b);
}

/* Indicator forms: a code whose letters are a label's word ("PI 04 -",
 * "KPI 12 -") is the title, not a label; one capital and digits ("H 22")
 * close a title as a code; a note stating the amber band is neither the
 * stated RAG nor the reason. */
static void test_indicator_form_codes_and_key_notes(void **state)
{
    static const struct {
        const char *rows[10];
        const char *code;
        rag_rating stated;
        bool reason;
    } cases[] = {
        {{"Performance Action Plan", "",
          "Indicator Title||PI 04 - % of calls answered within 20 seconds",
          "Lead Officer||Jane Lee", "Target||78%", "Actual||68.9%",
          "Reason for variance", "",
          "Amber where performance is within 5% of the target", NULL},
         "PI 04", RAG_RATING_NONE, false},
        {{"Performance Action Plan", "",
          "PI Title||KPI 12 - Sickness absence days per FTE",
          "Lead Officer||Sam Dubois", "Target||7.9", "Actual||7.3", "",
          "RAG key: Green on or better than target; Amber: within 15% of "
          "target; Red worse", NULL},
         "KPI 12", RAG_RATING_NONE, false},
        {{"Performance Action Plan", "",
          "Performance Indicator||% of calls answered within 20 seconds H 22",
          "Lead Officer||Marc Maddox", "Target||40%", "Actual||37.5%",
          "RAG||AMBER", "Reasons for non-compliance||Staff vacancies", NULL},
         "H 22", RAG_RATING_AMBER, true},
        {{"Performance Action Plan", "",
          "Performance Indicator||NI 181 - Days to process new claims",
          "Lead Officer||Marc Maddox", "Target||20", "Actual||21",
          "RAG||Amber (within 10% of target)",
          "Reasons for non-compliance||Moved from red to amber this quarter",
          NULL},
         "NI 181", RAG_RATING_AMBER, true},
    };
    size_t k;
    (void)state;

    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        built b;
        const rag_plan *p;
        print_message("case %zu\n", k);
        build_grid(&b, cases[k].rows);
        p = only_plan(&b, RAG_PLAN_INDICATOR);
        assert_int_equal(p->indicator_count, 1);
        assert_non_null(p->indicators[0].code);
        assert_string_equal(p->indicators[0].code, cases[k].code);
        assert_int_equal(p->indicators[0].stated_rag, cases[k].stated);
        assert_int_equal(p->indicators[0].reason != NULL, cases[k].reason);
        built_free(&b);
    }
}

/* A recovery form in another layout: units stated once in prose, values
 * far right, a milestone table with an owner column (not an action plan),
 * a RAG answer several columns right, quarter headings with their own
 * year (Q4's written outside the plan's year, kept as written). */
static void test_recovery_form_in_another_layout(void **state)
{
    static const char *const rows[] = {
        "Deficit Recovery Plan",
        "All figures in £000s throughout",
        "Service Manager|||Ann Lee",
        "22/23 Budget|||100",
        "22/23 Outturn|||400",
        "23/24 Budget|||150",
        "Pressure on this activity in 23/24 (based on 22/23 outturn)|||250",
        "",
        "Milestone|Amount|Target date|Owner",
        "Review of charging policy|£120,000|30/09/2023|Ann Lee",
        "Restructure the team|£140,000|Ongoing|Ann Lee",
        "",
        "Quarterly Monitoring updates",
        "Quarter 1 (April to June 2023)",
        "On Target ? (Yes = GREEN; Partial = AMBER, No = RED)|||AMBER",
        "Provide narrative below",
        "Slipped to October.",
        "Quarter 4 (January to March 2023)",
        "On Target ? (Yes = GREEN; Partial = AMBER, No = RED)",
        "Provide narrative below",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_RECOVERY);
    assert_non_null(p->finance);
    assert_true(p->finance->unit == 1000);
    assert_true(p->finance->pressure == 250);
    assert_int_equal(p->milestone_count, 2);
    assert_true(p->milestones[0].amount == 120000);
    assert_int_equal(p->period_count, 2);
    assert_int_equal(p->periods[0].rag, RAG_RATING_AMBER);
    assert_int_equal(p->periods[0].end.year, 2023);
    assert_int_equal(p->periods[0].end.month, 6);
    assert_int_equal(p->periods[0].end.day, 30);
    assert_int_equal(p->periods[1].end.year, 2023);
    assert_int_equal(p->periods[1].end.month, 3);
    assert_int_equal(p->periods[1].end.day, 31);
    built_free(&b);
}

/* A performance action plan whose figures are a table of a row a quarter
 * ("Period | Target | Actual | Variance"): the latest quarter reported is
 * the indicator's, not the first (Q1 read 55%, amber, for a Q2 of 48%,
 * red). */
static void test_form_with_a_table_of_periods(void **state)
{
    static const char *const rows[] = {
        "PERFORMANCE ACTION PLAN", "",
        "Indicator|Percentage of major planning applications determined "
        "in 13 weeks (PI 12)",
        "Lead officer|Head of Planning", "",
        "Period|Target|Actual|Variance",
        "Q1|60%|55%|-5%",
        "Q2|60%|48%|-12%",
        "Q3|60%||", "",
        "Reason for under-performance|Staff vacancies", NULL};
    built b;
    const rag_plan *p;
    const rag_indicator *ind;
    size_t i;
    (void)state;

    build_grid(&b, rows);
    p = NULL;
    for (i = 0; i < b.m->plan_count; i++)
        if (b.m->plans[i].kind == RAG_PLAN_INDICATOR)
            p = &b.m->plans[i];
    assert_non_null(p);
    ind = &p->indicators[0];
    assert_true(ind->has_target && ind->has_actual);
    assert_true(fabs(ind->target - 0.6) < 1e-9);
    assert_true(fabs(ind->actual - 0.48) < 1e-9);
    assert_true(ind->has_stated_variance);
    assert_true(fabs(ind->stated_variance + 0.12) < 1e-9);
    assert_string_equal(ind->period, "Q2");
    assert_int_equal(ind->actual_cell.row, 7);
    assert_int_equal(ind->rag, RAG_RATING_RED);
    built_free(&b);
}

/* The same table with the variance given for the latest quarter alone:
 * the Variance heading's value is under it, not the actual beside it
 * (it read Q1's 55% as the variance), and the quarters' figures, "5.8
 * days" in another form, are no key to a tracker's colours. */
static void test_form_table_with_one_variance(void **state)
{
    static const char *const rows[] = {
        "PERFORMANCE ACTION PLAN", "",
        "Indicator|Average days to process new claims (NI 181)",
        "Lead officer|Head of Benefits", "",
        "Period|Target|Actual|Variance",
        "Q1|10 days|5.8 days|",
        "Q2|10 days|12.5 days|2.5 days",
        "Q3|10 days||", NULL};
    built b;
    const rag_indicator *ind;
    (void)state;

    build_grid(&b, rows);
    ind = &only_plan(&b, RAG_PLAN_INDICATOR)->indicators[0];
    assert_true(fabs(ind->actual - 12.5) < 1e-9);
    assert_true(ind->has_stated_variance);
    assert_true(fabs(ind->stated_variance - 2.5) < 1e-9);
    assert_int_equal(ind->variance_cell.row, 7);
    assert_int_equal(ind->variance_cell.col, 3);
    assert_int_equal(only_plan(&b, RAG_PLAN_INDICATOR)->legend_count, 0);
    built_free(&b);
}

/* The quarters across one row, a row a question under them: each quarter
 * its own period (only Q1 was read, and Q2's amber without a narrative
 * went unseen).  A row of quarters over amounts asks no question and
 * makes no period. */
static void test_recovery_quarters_across(void **state)
{
    static const char *const rows[] = {
        "Deficit Recovery Plan",
        "Combined Tracker Ref.|FRB/24/020",
        "23/24 Budget £'000|800",
        "23/24 Outturn £'000|950",
        "24/25 Budget £'000|820",
        "Pressure on this activity in 24/25 £'000|130",
        "",
        "Savings by quarter|Q1|Q2|Q3|Q4",
        "Licences|10|20|30|40",
        "",
        "Quarterly monitoring",
        "|Q1 (to 30/06/24)|Q2 (to 30/09/24)|Q3 (to 31/12/24)|"
        "Q4 (to 31/03/25)",
        "RAG|GREEN|AMBER||",
        "Narrative|Licences reviewed|||",
        NULL};
    const rag_plan *p;
    built b;
    (void)state;

    build_grid(&b, rows);
    p = only_plan(&b, RAG_PLAN_RECOVERY);
    assert_int_equal(p->period_count, 4);
    assert_string_equal(p->periods[0].label, "Q1");
    assert_int_equal(p->periods[0].rag, RAG_RATING_GREEN);
    assert_string_equal(p->periods[0].narrative, "Licences reviewed");
    assert_int_equal(p->periods[1].rag, RAG_RATING_AMBER);
    assert_null(p->periods[1].narrative);
    assert_int_equal(p->periods[1].end.month, 9);
    assert_int_equal(p->periods[3].end.year, 2025);
    assert_int_equal(p->periods[2].rag, RAG_RATING_NONE);
    built_free(&b);
}

/* dump --explain: where things were read, and why a sheet was not. */
static void test_explain_says_where_and_why(void **state)
{
    static const char *const rows[] = {"Staff plan", "Ref|Thing|Lead",
                                       "X1|a|b", NULL};
    built b;
    char text[2048];
    size_t n;
    FILE *f = tmpfile();
    rag_error err;
    (void)state;

    assert_non_null(f);
    build_grid(&b, rows);
    assert_int_equal(rag_model_explain(b.m, f, &err), RAG_OK);
    rewind(f);
    n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    assert_non_null(strstr(text, "sheet \"Sheet1\""));
    assert_non_null(strstr(text, "best candidate header row 2"));
    assert_non_null(strstr(text, "fell short"));
    assert_non_null(strstr(text, "needs three of ref"));
    built_free(&b);
}

/* A hidden sheet whose plan repeats a visible one says so, and does not
 * claim its complete header fell short of one. */
static void test_explain_a_hidden_copy(void **state)
{
    built b;
    lxw_workbook *wb;
    char text[4096];
    size_t n, i;
    FILE *f = tmpfile();
    rag_error err;
    (void)state;

    assert_non_null(f);
    wb = book_at(&b, "hidex");
    for (i = 0; i < 2; i++) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, i ? "Old" : "Plan");
        worksheet_write_string(ws, 0, 0, "Ref", NULL);
        worksheet_write_string(ws, 0, 1, "Action", NULL);
        worksheet_write_string(ws, 0, 2, "Lead", NULL);
        worksheet_write_string(ws, 1, 0, "R1", NULL);
        worksheet_write_string(ws, 1, 1, "Do it", NULL);
        worksheet_write_string(ws, 1, 2, "J Smith", NULL);
        if (i)
            worksheet_hide(ws);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2024, 9, 30);
    assert_int_equal(rag_model_explain(b.m, f, &err), RAG_OK);
    rewind(f);
    n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    assert_non_null(strstr(text, "hidden: a plan here"));
    assert_null(strstr(text, "needs three of ref"));
    assert_non_null(strstr(text, "the columns are there"));
    built_free(&b);
}

/* A readable workbook without any plan gets plan-not-found. */
static void test_no_plan_is_said(void **state)
{
    static const char *const rows[] = {"Staff rota", "Mon|Tue|Wed",
                                       "Ann|Bob|Cy", NULL};
    built b;
    rag_findings *f = NULL;
    rag_error err;
    (void)state;

    build_grid(&b, rows);
    assert_int_equal(b.m->plan_count, 0);
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    assert_int_equal(f->count, 1);
    assert_string_equal(f->items[0].rule, "plan-not-found");
    assert_int_equal(f->items[0].severity, RAG_SEVERITY_WARNING);
    assert_string_equal(f->items[0].sheet, "Sheet1");
    rag_findings_free(f);
    built_free(&b);
}

/* rg_norm_cell remembers each cell's normal form for the view's life: a
 * hit must give what a fresh rg_norm gives, byte for byte, for every
 * buffer size (a short one gets rg_norm's prefix), for blank and
 * non-text cells, rich text, symbols that widen (one "\xC2\xB1" byte pair
 * becomes " + / -"), and texts too long to be remembered. */
static void test_norm_cache_hits_match_a_fresh_norm(void **state)
{
    static const char *const texts[] = {
        "Target :", "+/- Target", "  padded  ", "\xC2\xA3'000 \xC2\xB1" "5%",
        "RSL\xE2\x80\x99s plan \xE2\x80\x93 Q2", "a+b-c/d", "Not started",
        "x\xC2\xB1\xC2\xB1\xC2\xB1y", "Comment / Corrective Action",
        "\xC2\xA0", "April 2009", "Apr-09", "Qtr 2", "Third quarter",
        NULL};
    char path[64], wide[901], longer[1400], want[4000], got[4000];
    lxw_workbook *xw;
    lxw_worksheet *ws;
    lxw_format *bold;
    rag_workbook *wb = NULL;
    rag_error err;
    rg_view v;
    uint32_t r, c, rows = 0;
    size_t i, len10;
    (void)state;

    snprintf(path, sizeof path, "/tmp/rg_normcache_%ld.xlsx", (long)getpid());
    xw = workbook_new(path);
    ws = workbook_add_worksheet(xw, "Sheet1");
    bold = workbook_add_format(xw);
    format_set_bold(bold);
    for (i = 0; texts[i]; i++)
        worksheet_write_string(ws, rows++, 0, texts[i], NULL);
    for (i = 0; i + 2 < sizeof wide; i += 2) /* 450 x "\xC2\xB1" */
        memcpy(wide + i, "\xC2\xB1", 2);
    wide[i] = '\0';
    worksheet_write_string(ws, rows++, 0, wide, NULL);
    memset(longer, 'a', sizeof longer - 1); /* past what is remembered */
    for (i = 5; i < sizeof longer - 1; i += 6)
        longer[i] = ' ';
    longer[sizeof longer - 1] = '\0';
    worksheet_write_string(ws, rows++, 0, longer, NULL);
    {
        lxw_rich_string_tuple a = {bold, "Progress "};
        lxw_rich_string_tuple b = {NULL, "to date/Comments"};
        lxw_rich_string_tuple *rich[] = {&a, &b, NULL};
        worksheet_write_rich_string(ws, rows++, 0, rich, NULL);
    }
    worksheet_write_number(ws, rows++, 0, 42, NULL);
    worksheet_write_string(ws, rows, 0, "Target", NULL); /* the same text */
    worksheet_write_string(ws, rows++, 1, "Target", NULL);
    worksheet_write_blank(ws, rows++, 0, bold);
    assert_int_equal(workbook_close(xw), LXW_NO_ERROR);

    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, NULL, &wb, &err), RAG_OK);
    assert_true(rg_view_init(&v, wb, 0));
    assert_non_null(v.norms);
    for (r = 0; r <= rows; r++)
        for (c = 0; c < 3; c++) {
            size_t len, sizes[] = {1, 2, 3, 4, 7, 8, 16, 31, 64, 160, 256,
                                   4000};
            const char *t = rg_text(&v, r, c, &len);
            int pass;
            for (pass = 0; pass < 2; pass++) { /* a miss, then a hit */
                int m1 = -1, y1 = -1, m2 = -1, y2 = -1;
                bool l1 = t && rg_parse_month_label(t, len, &m1, &y1);
                bool l2 = t && rg_month_label_cell(&v, t, len, &m2, &y2);
                assert_int_equal(l1, l2);
                assert_int_equal(m1, m2);
                assert_int_equal(y1, y2);
                if (t)
                    assert_int_equal(rg_parse_quarter(t, len),
                                     rg_quarter_cell(&v, t, len));
                for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
                    size_t n = sizes[i];
                    memset(got, 'X', sizeof got);
                    rg_norm(t ? t : "", t ? len : 0, want, n);
                    assert_ptr_equal(rg_norm_cell(&v, t, len, got, n), got);
                    assert_string_equal(got, want);
                    rg_norm_at(&v, r, c, got, n);
                    assert_string_equal(got, want);
                    if (t && len > 1) { /* part of a cell, as form.c asks */
                        rg_norm(t, len / 2, want, n);
                        rg_norm_cell(&v, t, len / 2, got, n);
                        assert_string_equal(got, want);
                    }
                }
            }
        }
    /* concrete values, not only agreement with rg_norm */
    assert_string_equal(rg_norm_at(&v, 1, 0, got, sizeof got), "+ / - target");
    assert_string_equal(rg_norm_at(&v, 3, 0, got, sizeof got),
                        "\xC2\xA3 000 + / - 5 %");
    assert_string_equal(rg_norm_at(&v, 3, 0, got, 8), "\xC2\xA3 000");
    assert_string_equal(rg_norm_at(&v, 3, 0, got, 9), "\xC2\xA3 000 +");
    assert_string_equal(rg_norm_at(&v, 9, 0, got, sizeof got), "");
    {
        int mo = 0, yr = 0;
        const char *t = rg_text(&v, 10, 0, &len10);
        assert_true(rg_month_label_cell(&v, t, len10, &mo, &yr));
        assert_int_equal(mo, 4);
        assert_int_equal(yr, 2009);
        t = rg_text(&v, 13, 0, &len10);
        assert_int_equal(rg_quarter_cell(&v, t, len10), 3);
    }
    assert_string_equal(rg_norm_at(&v, 16, 0, got, sizeof got),
                        "progress to date / comments");
    assert_string_equal(rg_norm_at(&v, 17, 0, got, sizeof got), "");
    assert_string_equal(rg_norm_at(&v, 18, 1, got, sizeof got), "target");
    assert_string_equal(rg_norm_at(&v, 19, 0, got, sizeof got), "");
    rg_view_free(&v);
    rag_workbook_free(wb);
    unlink(path);
}

/* Refs numbered afresh in each group: an internal audit tracker's
 * recommendations, 1 and 2 of each audit, the audit named in a column
 * left of the ref or in a heading row above its rows.  Read as one list,
 * each audit's "1" after the first was a false ref-duplicate error; a ref
 * twice within one audit, or a plan whose refs never repeat, is read as
 * before. */
static size_t rule_count(const rag_findings *f, const char *rule)
{
    size_t i, n = 0;
    for (i = 0; i < f->count; i++)
        n += !strcmp(f->items[i].rule, rule);
    return n;
}

static void test_refs_numbered_afresh_in_each_group(void **state)
{
    static const char *const by_column[] = {
        "Internal Audit - Outstanding Recommendations",
        "",
        "Audit|Rec No|Priority|Recommendation|Responsible officer|"
        "Implementation date|Latest update",
        "Payroll 22/23|1|High|Reconcile payroll monthly|Payroll Manager|"
        "30/06/2023|Implemented",
        "|2|Medium|Review starters|HR Lead|30/09/2023|In progress",
        "Procurement 23/24|1|High|Keep a waivers register|"
        "Head of Procurement|31/03/2024|On track",
        "|2|Low|Train buyers|Head of Procurement|31/03/2024|Not started",
        NULL};
    static const char *const by_heading[] = {
        "Internal Audit Recommendations Tracker",
        "Rec No|Recommendation|Responsible officer|Target date|Status",
        "Payroll 2022/23",
        "1|Reconcile payroll monthly|Head of Finance|30/09/2023|Complete",
        "2|Review starters|Head of Finance|30/09/2023|In progress",
        "Procurement 2023/24",
        "1|Keep a waivers register|Head of Finance|30/09/2023|Not started",
        "2|Train buyers|Head of Finance|30/09/2023|Complete",
        NULL};
    static const char *const twice_in_one[] = {
        "Audit|Rec No|Recommendation|Responsible officer|Target date",
        "Payroll|1|Reconcile payroll|Payroll Manager|30/06/2024",
        "Payroll|1|Review starters|HR Lead|30/06/2024",
        "Procurement|1|Waivers register|Buyer|30/06/2024",
        NULL};
    static const char *const unique[] = {
        "Workstream|Ref|Action|Lead|Due date",
        "Estates|1|Dispose of depot|Estates Lead|30/06/2024",
        "Digital|2|Launch portal|CDO|31/07/2024",
        NULL};
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    built b;
    size_t i;
    (void)state;

    build_grid(&b, by_column);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    assert_true(p->refs_by_group);
    assert_string_equal(p->actions[1].group, "Payroll 22/23"); /* carried */
    assert_string_equal(p->actions[3].group, "Procurement 23/24");
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    assert_int_equal(rule_count(f, "ref-duplicate"), 0);
    /* the overdue one is named with its audit */
    assert_int_equal(rule_count(f, "milestone-overdue"), 1);
    for (i = 0; i < f->count; i++)
        if (!strcmp(f->items[i].rule, "milestone-overdue"))
            assert_non_null(strstr(f->items[i].message, "2 (Payroll 22/23)"));
    rag_findings_free(f);
    built_free(&b);

    build_grid(&b, by_heading);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 4);
    assert_true(p->refs_by_group);
    assert_string_equal(p->actions[0].group, "Payroll 2022/23");
    assert_string_equal(p->actions[2].group, "Procurement 2023/24");
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    assert_int_equal(rule_count(f, "ref-duplicate"), 0);
    rag_findings_free(f);
    built_free(&b);

    /* a ref twice in one audit is a duplicate still */
    build_grid(&b, twice_in_one);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 3);
    assert_false(p->refs_by_group);
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    assert_int_equal(rule_count(f, "ref-duplicate"), 2);
    rag_findings_free(f);
    built_free(&b);

    build_grid(&b, unique);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 2);
    assert_false(p->refs_by_group);
    built_free(&b);
}

/* A number in the ref column reads as it shows: 1.1 formatted "0.00" is
 * "1.10", the tenth action of section 1, not a second 1.1 (a false
 * ref-duplicate error before).  A RAG written as a coloured emoji alone
 * (SharePoint and Teams lists) is the status its colour says. */
static void test_ref_numbers_as_shown_and_rag_emoji(void **state)
{
    static const char *const rag[] = {
        "\xf0\x9f\x9f\xa2", "\xf0\x9f\x9f\xa0", "\xf0\x9f\x94\xb4",
        "\xf0\x9f\x9f\xa1\xef\xb8\x8f"};
    static const rag_progress want[] = {
        RAG_PROGRESS_ON_TARGET, RAG_PROGRESS_ONE_MONTH_BEHIND,
        RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, RAG_PROGRESS_ONE_MONTH_BEHIND};
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *one, *two;
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    built b;
    int i;
    (void)state;

    wb = book_at(&b, "refnum");
    ws = workbook_add_worksheet(wb, "Plan");
    one = workbook_add_format(wb);
    format_set_num_format(one, "0.0");
    two = workbook_add_format(wb);
    format_set_num_format(two, "0.00");
    worksheet_write_string(ws, 0, 0, "Ref", NULL);
    worksheet_write_string(ws, 0, 1, "Action", NULL);
    worksheet_write_string(ws, 0, 2, "Lead", NULL);
    worksheet_write_string(ws, 0, 3, "RAG", NULL);
    for (i = 1; i <= 11; i++) {
        char text[32];
        worksheet_write_number(ws, (lxw_row_t)i, 0,
                               i < 10 ? 1 + i / 10.0 : 1 + i / 100.0,
                               i < 10 ? one : two);
        snprintf(text, sizeof text, "Action %d of section 1", i);
        worksheet_write_string(ws, (lxw_row_t)i, 1, text, NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 2, "Jo Marsh", NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 3, rag[i % 4], NULL);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    read_built(&b, 2023, 10, 31);
    p = only_plan(&b, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 11);
    assert_string_equal(p->actions[0].ref, "1.1");
    assert_string_equal(p->actions[9].ref, "1.10");
    assert_string_equal(p->actions[10].ref, "1.11");
    for (i = 0; i < 11; i++)
        assert_int_equal(p->actions[i].status, want[(i + 1) % 4]);
    assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
    assert_int_equal(rule_count(f, "ref-duplicate"), 0);
    rag_findings_free(f);
    built_free(&b);
}

/* "Complete" (or "Done") alone over a column of checkboxes, TRUE or
 * FALSE: a ticked box says the action is done (each was overdue before);
 * so does a ticked box in the status column. */
static void test_checkbox_columns_say_done(void **state)
{
    static const char *const heads[] = {"Ref", "Action", "Lead", "Due date",
                                        "Complete", "Update"};
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *date;
    const rag_plan *p;
    rag_findings *f = NULL;
    rag_error err;
    built b;
    int i, pass;
    (void)state;

    for (pass = 0; pass < 2; pass++) {
        wb = book_at(&b, pass ? "tickstatus" : "tick");
        ws = workbook_add_worksheet(wb, "Plan");
        date = workbook_add_format(wb);
        format_set_num_format(date, "dd/mm/yyyy");
        for (i = 0; i < 6; i++)
            worksheet_write_string(ws, 0, (lxw_col_t)i,
                                   pass && i == 4 ? "Status" : heads[i],
                                   NULL);
        for (i = 1; i <= 3; i++) {
            char ref[4];
            snprintf(ref, sizeof ref, "%d", i);
            worksheet_write_string(ws, (lxw_row_t)i, 0, ref, NULL);
            worksheet_write_string(ws, (lxw_row_t)i, 1, "Review the policy",
                                   NULL);
            worksheet_write_string(ws, (lxw_row_t)i, 2, "Jo Marsh", NULL);
            worksheet_write_number(ws, (lxw_row_t)i, 3, 45199, date);
            worksheet_write_boolean(ws, (lxw_row_t)i, 4, i != 2, NULL);
        }
        assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
        read_built(&b, 2024, 1, 31);
        p = only_plan(&b, RAG_PLAN_ACTION);
        assert_int_equal(p->action_count, 3);
        assert_int_equal(p->actions[0].status, RAG_PROGRESS_COMPLETE);
        assert_int_not_equal(p->actions[1].status, RAG_PROGRESS_COMPLETE);
        assert_int_equal(p->actions[2].status, RAG_PROGRESS_COMPLETE);
        assert_int_equal(rag_validate(b.m, NULL, &f, &err), RAG_OK);
        assert_int_equal(rule_count(f, "milestone-overdue"), 1); /* 2 */
        rag_findings_free(f);
        built_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scorecards_are_read_in_their_many_wordings),
        cmocka_unit_test(test_scorecard_rows_are_validated_one_by_one),
        cmocka_unit_test(test_no_target_by_design_is_data_only),
        cmocka_unit_test(test_action_tables_stay_action_plans),
        cmocka_unit_test(test_due_columns_by_what_they_say),
        cmocka_unit_test(test_objective_column_before_the_actions),
        cmocka_unit_test(test_title_is_no_field),
        cmocka_unit_test(test_sponsor_owns_and_end_is_due),
        cmocka_unit_test(test_due_shown_as_a_month),
        cmocka_unit_test(test_recovery_milestones_end_at_the_quarters),
        cmocka_unit_test(test_blank_templates_are_no_plans),
        cmocka_unit_test(test_percent_complete_column),
        cmocka_unit_test(test_date_completed_column),
        cmocka_unit_test(test_target_bound_gives_direction),
        cmocka_unit_test(test_polarity_words_one_rule_for_scorecards_and_forms),
        cmocka_unit_test(test_scorecard_notes_under_table_are_not_indicators),
        cmocka_unit_test(test_scorecard_narrative_rows_are_not_indicators),
        cmocka_unit_test(test_scorecard_this_quarter_is_the_actual),
        cmocka_unit_test(test_scorecard_yes_no_measures),
        cmocka_unit_test(test_indicator_form_previous_period_is_not_the_actual),
        cmocka_unit_test(test_scorecard_year_to_date_column_is_the_actual),
        cmocka_unit_test(test_scorecard_rag_heading_names),
        cmocka_unit_test(test_scorecard_annual_measure_not_due_mid_year),
        cmocka_unit_test(test_scorecard_hidden_period_column_is_not_a_period),
        cmocka_unit_test(test_target_plus_minus_band_around_zero),
        cmocka_unit_test(test_target_in_words_is_quoted_in_its_info),
        cmocka_unit_test(test_indicator_form_reference_and_cumulative_actual),
        cmocka_unit_test(test_indicator_form_rag_by_fill_alone),
        cmocka_unit_test(test_indicator_form_people_are_fields),
        cmocka_unit_test(test_recovery_actions_are_milestones),
        cmocka_unit_test(test_form_with_periods_in_labels),
        cmocka_unit_test(test_brag_column_blue_is_complete),
        cmocka_unit_test(test_audit_follow_up_revised_dates_and_words),
        cmocka_unit_test(test_due_subheadings_and_grouping_column),
        cmocka_unit_test(test_status_a_quarter_latest_reported_wins),
        cmocka_unit_test(test_risk_register_is_no_plan),
        cmocka_unit_test(test_dashboard_counts_are_no_plan),
        cmocka_unit_test(test_savings_tracker_is_read),
        cmocka_unit_test(test_progress_rag_heading_is_the_status),
        cmocka_unit_test(test_merged_ref_over_sub_actions_and_done_yes_no),
        cmocka_unit_test(test_key_entry_with_two_meanings),
        cmocka_unit_test(test_report_month_in_the_title),
        cmocka_unit_test(test_key_that_names_its_colours),
        cmocka_unit_test(test_key_of_named_swatches),
        cmocka_unit_test(test_key_of_codes_on_the_header_row),
        cmocka_unit_test(test_status_column_of_percents),
        cmocka_unit_test(test_committee_action_log),
        cmocka_unit_test(test_baseline_forecast_actual_milestone_dates),
        cmocka_unit_test(test_planned_months_ahead_do_not_hide_the_last_report),
        cmocka_unit_test(test_notes_for_completing_beside_the_table),
        cmocka_unit_test(test_quarter_columns_between_months),
        cmocka_unit_test(test_eighteen_month_tracker),
        cmocka_unit_test(test_quarter_end_months_are_a_status_a_quarter),
        cmocka_unit_test(test_spacer_columns_between_months),
        cmocka_unit_test(test_section_heading_refs_are_parents),
        cmocka_unit_test(test_template_example_rows_are_no_actions),
        cmocka_unit_test(test_sub_action_labels_are_refs_under_the_action_above),
        cmocka_unit_test(test_exception_forms_keep_their_officers),
        cmocka_unit_test(test_action_with_milestone_rows),
        cmocka_unit_test(test_report_date_label_over_a_plan_without_refs),
        cmocka_unit_test(test_last_reviewed_is_the_report_date),
        cmocka_unit_test(test_quarter_groups_of_target_actual_rag),
        cmocka_unit_test(test_five_point_rag_initials),
        cmocka_unit_test(test_target_completion_date_is_a_due_date),
        cmocka_unit_test(test_other_words_for_the_columns),
        cmocka_unit_test(test_banded_rows_are_no_month_colours),
        cmocka_unit_test(test_hidden_copy_is_not_read_twice),
        cmocka_unit_test(test_key_down_from_the_header_row),
        cmocka_unit_test(test_action_status_by_colour_alone),
        cmocka_unit_test(test_status_words_beside_a_rag),
        cmocka_unit_test(test_brag_initials_without_a_key),
        cmocka_unit_test(test_scorecard_rag_by_colour_polarity_by_arrow),
        cmocka_unit_test(test_years_in_the_upper_header_row),
        cmocka_unit_test(test_action_column_by_its_last_word),
        cmocka_unit_test(test_no_plan_is_said),
        cmocka_unit_test(test_form_with_a_table_of_periods),
        cmocka_unit_test(test_recovery_quarters_across),
        cmocka_unit_test(test_form_table_with_one_variance),
        cmocka_unit_test(test_explain_says_where_and_why),
        cmocka_unit_test(test_explain_a_hidden_copy),
        cmocka_unit_test(test_month_letters_read_through_the_key),
        cmocka_unit_test(test_rag_letters_without_a_key),
        cmocka_unit_test(test_indicator_form_codes_and_key_notes),
        cmocka_unit_test(test_recovery_form_in_another_layout),
        cmocka_unit_test(test_norm_cache_hits_match_a_fresh_norm),
        cmocka_unit_test(test_refs_numbered_afresh_in_each_group),
        cmocka_unit_test(test_ref_numbers_as_shown_and_rag_emoji),
        cmocka_unit_test(test_checkbox_columns_say_done),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
