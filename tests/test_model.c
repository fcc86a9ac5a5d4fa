/*
 * The model through its C API, on the shared fixtures: what the JSON does
 * not show (parent flags, cells, decimals, tolerance, as-of), the RAG
 * rule, the names, and allocation failure at every step of a build.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"

#include "ragbook/ragbook.h"
#include "util/util.h"
#include "model/rules.h"

static rag_workbook *open_fixture(const char *name)
{
    char rel[256];
    rag_workbook *wb = NULL;
    rag_error err;
    snprintf(rel, sizeof rel, "fixtures/%s", name);
    rag_error_clear(&err);
    if (rag_workbook_read(shared_path(rel), NULL, &wb, &err) != RAG_OK)
        fail_msg("cannot read %s: %s", rel, err.message);
    return wb;
}

static rag_model *build(const rag_workbook *wb, const char *as_of)
{
    rag_model_options o;
    rag_model *m = NULL;
    rag_error err;
    memset(&o, 0, sizeof o);
    if (as_of)
        sscanf(as_of, "%d-%d-%d", &o.as_of.year, &o.as_of.month,
               &o.as_of.day);
    rag_error_clear(&err);
    assert_int_equal(rag_model_build(wb, &o, &m, &err), RAG_OK);
    return m;
}

static const rag_action *find_action(const rag_plan *p, const char *ref)
{
    size_t i;
    for (i = 0; i < p->action_count; i++)
        if (p->actions[i].ref && !strcmp(p->actions[i].ref, ref))
            return &p->actions[i];
    fail_msg("no action %s", ref);
    return NULL;
}

static void test_model_tracker_from_the_workbook(void **state)
{
    rag_workbook *wb;
    rag_model *m;
    const rag_plan *p;
    const rag_action *a;
    char buf[16];
    (void)state;

    NEED_SHARED();
    wb = open_fixture("wm8-improvement-tracker.xlsx");
    m = build(wb, NULL);
    assert_int_equal(m->plan_count, 1);
    p = &m->plans[0];
    assert_int_equal(p->kind, RAG_PLAN_TRACKER);
    /* the report date, from "Date:" and the cell beside it */
    assert_true(m->as_of_found);
    assert_false(m->as_of_given);
    assert_string_equal(rag_date_format(m->as_of, buf), "2009-09-07");
    assert_string_equal(rag_date_format(p->as_of, buf), "2009-09-07");
    assert_string_equal(p->owner, "Head of Finance, Revenues & Benefits");
    /* one plan, five pages: a header row on each (rows 14, 36, ...) */
    assert_int_equal(p->header_row_count, 5);
    assert_int_equal(p->header_rows[0], 13);
    assert_int_equal(p->header_rows[1], 35);
    assert_int_equal(p->legend_count, 6);
    assert_int_equal(p->legend[1].status, RAG_PROGRESS_ON_TARGET);
    assert_int_equal(p->legend[1].fill, 0x92D050);
    /* "25.1 (R1)": a bold parent row */
    a = find_action(p, "R1");
    assert_true(a->is_parent);
    assert_null(a->parent);
    assert_int_equal(a->lead_count, 0);
    assert_int_equal(a->cell.row, 14);
    assert_int_equal(a->cell.col, 0);
    /* R1b in September 2009: over one month behind */
    a = find_action(p, "R1b");
    assert_false(a->is_parent);
    assert_int_equal(a->status, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    assert_int_equal(a->months[0].year, 2009);
    assert_int_equal(a->months[0].month, 4);
    assert_int_equal(a->months[0].fill, 0x92D050);
    assert_int_equal(a->months[0].cell.col, 3);
    assert_true(a->comment_cell.set);
    assert_int_equal(a->comment_cell.col, 15);
    /* "Complete" in the comment: complete, whatever the months say */
    assert_int_equal(find_action(p, "R1a")->status, RAG_PROGRESS_COMPLETE);
    /* "Partially Complete - ..." is not */
    assert_int_equal(find_action(p, "R1g")->status, RAG_PROGRESS_ON_TARGET);
    /* suspended from July on */
    assert_int_equal(find_action(p, "R3d")->status, RAG_PROGRESS_SUSPENDED);
    rag_model_free(m);

    /* judged at another date: the months keep their years */
    m = build(wb, "2009-07-15");
    p = &m->plans[0];
    assert_true(m->as_of_given);
    a = find_action(p, "R1b");
    assert_int_equal(a->status, RAG_PROGRESS_ONE_MONTH_BEHIND);
    assert_int_equal(a->months[8].year, 2009);
    assert_int_equal(a->months[8].month, 12);
    rag_model_free(m);
    rag_workbook_free(wb);
}

static void test_model_action_plan_dates_and_parents(void **state)
{
    rag_workbook *wb;
    rag_model *m;
    const rag_plan *p;
    const rag_action *a;
    char buf[16];
    (void)state;

    NEED_SHARED();
    wb = open_fixture("benefits-action-plan.xlsx");
    m = build(wb, "2009-09-07");
    p = &m->plans[0];
    assert_int_equal(p->kind, RAG_PLAN_ACTION);
    assert_int_equal(p->action_count, 22);
    a = find_action(p, "R1"); /* underlined by rich text */
    assert_true(a->is_parent);
    a = find_action(p, "R4");
    assert_int_equal(a->due.year, 0);
    assert_string_equal(a->due_text, "Interim 30/09/2009 Full 30/09/2010");
    assert_false(a->due_invalid);
    a = find_action(p, "R11c"); /* its parent is not in the plan */
    assert_string_equal(a->parent, "R11");
    a = find_action(p, "R13b");
    assert_string_equal(rag_date_format(a->due, buf), "2009-05-06");
    assert_true(a->due_cell.set);
    assert_int_equal(a->due_cell.col, 3);
    assert_int_equal(a->lead_count, 2);
    assert_string_equal(a->leads[1], "I Sprott");
    rag_model_free(m);
    rag_workbook_free(wb);
}

static void test_model_indicator_figures(void **state)
{
    rag_workbook *wb;
    rag_model *m;
    const rag_indicator *x;
    (void)state;

    NEED_SHARED();
    wb = open_fixture("pi-action-plans-q2.xlsx");
    m = build(wb, NULL);
    assert_int_equal(m->plan_count, 2);
    x = &m->plans[1].indicators[0];
    assert_string_equal(x->code, "CP2");
    assert_true(x->has_target && x->has_actual && x->has_stated_variance);
    assert_true(fabs(x->variance - -0.194) < 1e-12);
    assert_int_equal(x->stated_decimals, 1); /* "0.0%" */
    assert_true(fabs(x->tolerance - 0.10) < 1e-12);
    assert_int_equal(x->rag, RAG_RATING_RED);
    assert_int_equal(x->stated_rag, RAG_RATING_NONE);
    assert_int_equal(x->target_cell.row, 7);
    assert_int_equal(x->target_cell.col, 1);
    assert_int_equal(x->variance_cell.col, 4);
    assert_non_null(x->reason);
    assert_false(x->data_only);
    assert_string_equal(m->plans[1].owner, "Malcolm Flanagan");
    rag_model_free(m);
    rag_workbook_free(wb);
}

static void test_model_recovery_plan(void **state)
{
    rag_workbook *wb;
    rag_model *m;
    const rag_plan *p;
    char buf[16];
    (void)state;

    NEED_SHARED();
    wb = open_fixture("deficit-recovery-frb-23-007.xlsx");
    m = build(wb, "2024-01-15");
    p = &m->plans[0];
    assert_int_equal(p->kind, RAG_PLAN_RECOVERY);
    assert_non_null(p->finance);
    assert_int_equal(p->finance->year_start, 2023);
    assert_string_equal(p->finance->reference, "FRB/23/007");
    assert_string_equal(p->finance->directorate, "Chief Executive");
    assert_int_equal(p->finance->pressure_cell.row, 12);
    assert_int_equal(p->milestone_count, 1);
    assert_true(p->milestones[0].has_amount);
    assert_int_equal(p->period_count, 4);
    assert_string_equal(rag_date_format(p->periods[3].end, buf),
                        "2023-03-31");
    assert_int_equal(p->periods[2].rag, RAG_RATING_NONE);
    assert_non_null(p->periods[2].narrative);
    assert_true(p->periods[0].rag_cell.set);
    assert_int_equal(p->periods[0].rag_cell.row, 26);
    assert_int_equal(p->periods[0].rag_cell.col, 1);
    assert_null(p->periods[0].narrative);
    rag_model_free(m);
    rag_workbook_free(wb);
}

static void test_rate_follows_the_contract(void **state)
{
    static const struct {
        double target, actual;
        rag_direction d;
        double tol;
        rag_rating want;
    } cases[] = {
        {0.9, 0.6, RAG_HIGHER_IS_BETTER, 0.10, RAG_RATING_RED},
        {0.9, 0.9, RAG_HIGHER_IS_BETTER, 0.10, RAG_RATING_GREEN},
        {0.9, 0.95, RAG_HIGHER_IS_BETTER, 0.10, RAG_RATING_GREEN},
        {0.9, 0.81, RAG_HIGHER_IS_BETTER, 0.10, RAG_RATING_AMBER},
        {0.9, 0.80, RAG_HIGHER_IS_BETTER, 0.10, RAG_RATING_RED},
        {20, 20.8, RAG_LOWER_IS_BETTER, 0.05, RAG_RATING_AMBER},
        {20, 21.5, RAG_LOWER_IS_BETTER, 0.05, RAG_RATING_RED},
        {20, 18, RAG_LOWER_IS_BETTER, 0.05, RAG_RATING_GREEN},
        {100, 104, RAG_WITHIN_BAND, 0.05, RAG_RATING_GREEN},
        {100, 93, RAG_WITHIN_BAND, 0.05, RAG_RATING_AMBER},
        {100, 111, RAG_WITHIN_BAND, 0.05, RAG_RATING_RED},
        /* a band around 0 ("+/- 1%"): the tolerance is the band */
        {0, 0.004, RAG_WITHIN_BAND, 0.01, RAG_RATING_GREEN},
        {0, -0.01, RAG_WITHIN_BAND, 0.01, RAG_RATING_GREEN},
        {0, 0.012, RAG_WITHIN_BAND, 0.01, RAG_RATING_AMBER},
        {0, -0.025, RAG_WITHIN_BAND, 0.01, RAG_RATING_RED},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rag_rate(cases[i].target, cases[i].actual, cases[i].d,
                     cases[i].tol) != cases[i].want)
            fail_msg("case %zu: %g vs %g", i, cases[i].actual,
                     cases[i].target);
}

static void test_names_follow_the_contract(void **state)
{
    char buf[16];
    rag_date none = {0, 0, 0}, d = {2009, 9, 7};
    (void)state;
    assert_string_equal(rag_progress_name(RAG_PROGRESS_OVER_ONE_MONTH_BEHIND),
                        "over_one_month_behind");
    assert_null(rag_progress_name(RAG_PROGRESS_NONE));
    assert_string_equal(rag_rating_name(RAG_RATING_AMBER), "amber");
    assert_string_equal(rag_unit_name(RAG_UNIT_GBP), "gbp");
    assert_string_equal(rag_direction_name(RAG_WITHIN_BAND), "within_band");
    assert_string_equal(rag_plan_kind_name(RAG_PLAN_ACTION), "action_plan");
    assert_string_equal(rag_date_format(none, buf), "");
    assert_string_equal(rag_date_format(d, buf), "2009-09-07");
    assert_int_equal(rag_date_days(d) - rag_date_days((rag_date){2009, 9, 1}),
                     6);
    rag_model_free(NULL);
}

/* Allocation i fails, for every i: the build fails cleanly or succeeds. */
static void test_model_alloc_failure_at_every_step(void **state)
{
    rag_workbook *wb;
    long i;
    (void)state;

    NEED_SHARED();
    wb = open_fixture("deficit-recovery-frb-23-007.xlsx");
    for (i = 0;; i++) {
        rag_model *m = NULL;
        rag_error err;
        rag_status st;
        rag_error_clear(&err);
        rg_alloc_fail_after(i);
        st = rag_model_build(wb, NULL, &m, &err);
        rg_alloc_fail_after(-1);
        if (st == RAG_OK) {
            assert_non_null(m);
            rag_model_free(m);
            break;
        }
        assert_int_equal(st, RAG_ERR_NOMEM);
        assert_null(m);
        assert_true(i < 100000);
    }
    rag_workbook_free(wb);
}

/* An action past its due date and not complete is behind whatever its
 * months say: one answer for convert's computed status. */
static void test_status_when_late(void **state)
{
    static const rag_date due = {2024, 3, 31};
    static const struct {
        rag_progress stated;
        rag_date on;
        rag_progress want;
    } cases[] = {
        {RAG_PROGRESS_ON_TARGET, {2024, 3, 31}, RAG_PROGRESS_ON_TARGET},
        {RAG_PROGRESS_ON_TARGET, {2024, 4, 30}, RAG_PROGRESS_ONE_MONTH_BEHIND},
        {RAG_PROGRESS_ON_TARGET, {2024, 5, 2},
         RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {RAG_PROGRESS_NONE, {2024, 4, 1}, RAG_PROGRESS_ONE_MONTH_BEHIND},
        {RAG_PROGRESS_PROGRAMMED, {2025, 1, 1},
         RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {RAG_PROGRESS_ONE_MONTH_BEHIND, {2024, 4, 10},
         RAG_PROGRESS_ONE_MONTH_BEHIND},
        {RAG_PROGRESS_COMPLETE, {2025, 1, 1}, RAG_PROGRESS_COMPLETE},
        {RAG_PROGRESS_SUSPENDED, {2025, 1, 1}, RAG_PROGRESS_SUSPENDED},
        {RAG_PROGRESS_REPROGRAMMED, {2025, 1, 1}, RAG_PROGRESS_REPROGRAMMED},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(rg_status_when_late(cases[i].stated, due,
                                             cases[i].on),
                         cases[i].want);
}

/* The colours councils fill RAG cells with, and ones that are no RAG. */
static void test_fill_colours_read_as_a_rag(void **state)
{
    static const struct {
        uint32_t rgb;
        rag_rating want;
    } cases[] = {
        {0xFF0000, RAG_RATING_RED},   {0xC00000, RAG_RATING_RED},
        {0xFF5050, RAG_RATING_RED},   {0xFFC000, RAG_RATING_AMBER},
        {0xFFFF00, RAG_RATING_AMBER}, {0xFF9900, RAG_RATING_AMBER},
        {0x00B050, RAG_RATING_GREEN}, {0x92D050, RAG_RATING_GREEN},
        {0x00FF00, RAG_RATING_GREEN}, {0x008000, RAG_RATING_GREEN},
        {0xD9D9D9, RAG_RATING_NONE},  {0xFFFFFF, RAG_RATING_NONE},
        {0x000000, RAG_RATING_NONE},  {0x0070C0, RAG_RATING_NONE},
        {0xDDEBF7, RAG_RATING_NONE},  {0xFFF2CC, RAG_RATING_NONE},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rg_rating_of_fill(cases[i].rgb) != cases[i].want)
            fail_msg("%06X read as %s", (unsigned)cases[i].rgb,
                     rag_rating_name(rg_rating_of_fill(cases[i].rgb)));
}

/* One rule for recognition and validation: what a comment must open with
 * to say its action is done. */
static void test_comment_says_complete(void **state)
{
    static const struct {
        const char *text;
        bool done;
    } cases[] = {
        {"Complete", true},
        {"  Completed - letter sent", true},
        {"COMPLETE.", true},
        {"Implemented in May", true},
        {"Went live on 1 August", true},
        {"Signed off by DMT", true},
        {"In place from October", true},
        {"Delivered", true},
        {"Complete?", false},
        {"Complete ? awaiting sign-off", false},
        {"Completion due in May", false},
        {"Not complete", false},
        {"Partially complete - report written", false},
        {"Done?", false},
        /* the action itself the subject; a recommendation closed; nothing
         * left to do */
        {"This action is now complete.", true},
        {"Work completed and signed off", true},
        {"Recommendation closed", true},
        {"No further action required", true},
        /* when it will be, or how far it has got, is not done */
        {"Complete by end of March", false},
        {"Completed by the project team in June", true},
        {"Completed to date: 3 of 5 workshops", false},
        {"Work done so far includes a survey", false},
        {"Work on the brief has started", false},
        {"Placeholder text", false},
        {"", false},
        {NULL, false},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rg_says_complete(cases[i].text) != cases[i].done)
            fail_msg("'%s': want %d", cases[i].text ? cases[i].text : "NULL",
                     cases[i].done);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_tracker_from_the_workbook),
        cmocka_unit_test(test_model_action_plan_dates_and_parents),
        cmocka_unit_test(test_model_indicator_figures),
        cmocka_unit_test(test_model_recovery_plan),
        cmocka_unit_test(test_rate_follows_the_contract),
        cmocka_unit_test(test_names_follow_the_contract),
        cmocka_unit_test(test_fill_colours_read_as_a_rag),
        cmocka_unit_test(test_status_when_late),
        cmocka_unit_test(test_comment_says_complete),
        cmocka_unit_test(test_model_alloc_failure_at_every_step),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
