/* Recovery plan rules: period-outside-year, finance-arithmetic,
 * recovery-shortfall, status-missing, narrative-missing (periods),
 * milestone-overdue (milestones), date-invalid. */
#include "test_validate.h"

/* Seed 004 / the FRB-23-007 fixture, by hand. */
typedef struct frb {
    rag_finance fin;
    rag_milestone ms[1];
    rag_period q[4];
    rag_plan p;
    rag_model m;
} frb;

static void frb_init(frb *x, rag_date as_of)
{
    static const char *const labels[4] = {"Q1", "Q2", "Q3", "Q4"};
    static const rag_date ends[4] = {
        {2023, 6, 30}, {2023, 9, 30}, {2023, 12, 31}, {2023, 3, 31}};
    size_t i;

    memset(x, 0, sizeof *x);
    x->fin.unit = 1000;
    x->fin.year = "2023/24";
    x->fin.year_start = 2023;
    x->fin.has_budget_prior = x->fin.has_outturn_prior = true;
    x->fin.has_budget = x->fin.has_pressure = true;
    x->fin.budget_prior = -2;
    x->fin.outturn_prior = 397;
    x->fin.budget = 0;
    x->fin.pressure = 399;
    x->fin.cost_centre = "FF4104";
    x->fin.pressure_cell = at(13, 1);

    x->ms[0].text = "Obtain shortfall in resource cost from ASC, (this is the "
                    "difference between 2016/2017 and current year)";
    x->ms[0].has_amount = true;
    x->ms[0].amount = 80000;
    x->ms[0].due_text = "2023/2024";
    x->ms[0].cell = at(22, 0);
    x->ms[0].amount_cell = at(22, 1);
    x->ms[0].due_cell = at(22, 2);

    for (i = 0; i < 4; i++) {
        x->q[i].label = labels[i];
        x->q[i].end = ends[i];
        x->q[i].cell = at((uint32_t)(31 + 4 * i), 0);
        x->q[i].rag_cell = at((uint32_t)(32 + 4 * i), 1);
        x->q[i].narrative_cell = at((uint32_t)(34 + 4 * i), 0);
    }
    x->q[2].narrative = "The savings target was intended to be achieved by "
                        "the team performing more reviews.";

    x->p.kind = RAG_PLAN_RECOVERY;
    x->p.sheet = "FRB-23-007";
    x->p.cell = at(0, 0);
    x->p.finance = &x->fin;
    x->p.milestones = x->ms;
    x->p.milestone_count = 1;
    x->p.periods = x->q;
    x->p.period_count = 4;
    x->p.status_col = -1;
    x->m = one_plan(&x->p, as_of);
}

/* The same plan put right: every check passes. */
static void frb_fix(frb *x)
{
    size_t i;
    x->fin.pressure = 397;
    x->ms[0].amount = 400000;
    x->ms[0].due_text = "2024/25";
    x->q[3].end = ymd(2024, 3, 31);
    for (i = 0; i < 4; i++) {
        x->q[i].rag = RAG_RATING_GREEN;
        x->q[i].narrative = "On track.";
    }
}

static const rag_finding *with_period(const rag_findings *f, rag_rule_id id,
                                      const char *period)
{
    size_t i;
    for (i = 0; i < f->count; i++)
        if (f->items[i].rule_id == id && f->items[i].period &&
            !strcmp(f->items[i].period, period))
            return &f->items[i];
    return NULL;
}

static void test_frb_fixture_findings_fire(void **state)
{
    frb x;
    rag_findings *f;
    const rag_finding *q4, *fa, *rs, *q3;
    char ref[16];
    (void)state;

    frb_init(&x, ymd(2023, 11, 15));
    f = run(&x.m, NULL);

    q4 = with_period(f, RAG_RULE_PERIOD_OUTSIDE_YEAR, "Q4");
    assert_non_null(q4);
    assert_string_equal(q4->message, "Q4 ends 2023-03-31, outside 2023/24");
    assert_int_equal(q4->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(cell_of(q4, ref), "A44");
    assert_int_equal(count_rule(f, RAG_RULE_PERIOD_OUTSIDE_YEAR), 1);

    fa = first_rule(f, RAG_RULE_FINANCE_ARITHMETIC);
    assert_non_null(fa);
    assert_string_equal(fa->message, "pressure says 399, but 22/23 outturn "
                                     "397 - 23/24 budget 0 = 397 (in "
                                     "\xC2\xA3'000)");
    assert_int_equal(fa->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(fa, ref), "B14");

    rs = first_rule(f, RAG_RULE_RECOVERY_SHORTFALL);
    assert_non_null(rs);
    assert_string_equal(rs->message,
                        "milestones add up to \xC2\xA3"
                        "80,000, short of the \xC2\xA3"
                        "399,000 pressure by \xC2\xA3"
                        "319,000");
    assert_int_equal(rs->severity, RAG_SEVERITY_WARNING);

    q3 = with_period(f, RAG_RULE_STATUS_MISSING, "Q3");
    assert_non_null(q3);
    assert_string_equal(q3->message,
                        "Q3 has a narrative but no GREEN/AMBER/RED");
    assert_int_equal(q3->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(q3, ref), "B41");
    rag_findings_free(f);
}

static void test_frb_put_right_is_silent(void **state)
{
    frb x;
    rag_findings *f;
    (void)state;

    frb_init(&x, ymd(2024, 4, 15));
    frb_fix(&x);
    f = run(&x.m, NULL);
    if (f->count)
        fail_msg("unexpected: %s", f->items[0].message);
    rag_findings_free(f);
}

static void test_period_outside_year_both_ends(void **state)
{
    static const struct {
        rag_date end;
        size_t fires;
    } cases[] = {
        {{2023, 4, 1}, 0},  {{2024, 3, 31}, 0}, {{2023, 3, 31}, 1},
        {{2024, 4, 1}, 1},  {{2022, 12, 31}, 1},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        frb x;
        rag_findings *f;
        frb_init(&x, ymd(2023, 5, 1));
        frb_fix(&x);
        x.q[3].end = cases[i].end;
        f = run(&x.m, NULL);
        assert_int_equal(count_rule(f, RAG_RULE_PERIOD_OUTSIDE_YEAR),
                         cases[i].fires);
        rag_findings_free(f);
    }
}

static void test_period_outside_year_reads_the_year_words(void **state)
{
    frb x;
    rag_findings *f;
    (void)state;

    frb_init(&x, ymd(2023, 5, 1));
    x.fin.year_start = 0; /* not parsed: the words say 2023/24 */
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_PERIOD_OUTSIDE_YEAR), 1);
    rag_findings_free(f);

    x.fin.year = NULL; /* no year at all: nothing to judge by */
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_PERIOD_OUTSIDE_YEAR), 0);
    rag_findings_free(f);
}

static void test_finance_arithmetic_within_the_units_rounding(void **state)
{
    static const struct {
        double pressure;
        size_t fires;
    } cases[] = {{397, 0}, {398, 0}, {396, 0}, {399, 1}, {395, 1}, {0, 1}};
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        frb x;
        rag_findings *f;
        frb_init(&x, ymd(2023, 5, 1));
        x.fin.pressure = cases[i].pressure;
        f = run(&x.m, NULL);
        assert_int_equal(count_rule(f, RAG_RULE_FINANCE_ARITHMETIC),
                         cases[i].fires);
        rag_findings_free(f);
    }
}

static void test_finance_arithmetic_silent_with_a_figure_missing(void **st)
{
    frb x;
    rag_findings *f;
    (void)st;

    frb_init(&x, ymd(2023, 5, 1));
    x.fin.has_outturn_prior = false;
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_FINANCE_ARITHMETIC), 0);
    rag_findings_free(f);
}

static void test_recovery_shortfall_counts_every_milestone(void **state)
{
    frb x;
    rag_milestone ms[3];
    rag_findings *f;
    (void)state;

    frb_init(&x, ymd(2023, 5, 1));
    memset(ms, 0, sizeof ms);
    ms[0].has_amount = ms[1].has_amount = true;
    ms[0].amount = 200000;
    ms[1].amount = 198600; /* 398,600 rounds to 399 thousand */
    ms[2].text = "no amount";
    x.p.milestones = ms;
    x.p.milestone_count = 3;
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_RECOVERY_SHORTFALL), 0);
    rag_findings_free(f);

    ms[1].amount = 190000;
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_RECOVERY_SHORTFALL), 1);
    rag_findings_free(f);

    x.p.milestone_count = 0;
    f = run(&x.m, NULL);
    assert_string_equal(first_rule(f, RAG_RULE_RECOVERY_SHORTFALL)->message,
                        "no milestone gives an amount, so nothing recovers "
                        "the \xC2\xA3"
                        "399,000 pressure");
    rag_findings_free(f);
}

static void test_status_missing_for_periods_ended_before_as_of(void **state)
{
    frb x;
    rag_findings *f;
    (void)state;

    /* 15 November 2023: Q1 and Q2 (and the misdated Q4) have ended with
     * no RAG; Q3 has a narrative without one. */
    frb_init(&x, ymd(2023, 11, 15));
    f = run(&x.m, NULL);
    assert_non_null(with_period(f, RAG_RULE_STATUS_MISSING, "Q1"));
    assert_non_null(with_period(f, RAG_RULE_STATUS_MISSING, "Q2"));
    assert_non_null(with_period(f, RAG_RULE_STATUS_MISSING, "Q3"));
    assert_string_equal(
        with_period(f, RAG_RULE_STATUS_MISSING, "Q1")->message,
        "Q1 ended 2023-06-30 but has no GREEN/AMBER/RED (as of 2023-11-15)");
    rag_findings_free(f);

    /* 1 June 2023: nothing has ended yet but the misdated Q4 */
    frb_init(&x, ymd(2023, 6, 1));
    x.q[3].end = ymd(2024, 3, 31);
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_STATUS_MISSING), 1); /* Q3 */
    assert_non_null(with_period(f, RAG_RULE_STATUS_MISSING, "Q3"));
    rag_findings_free(f);
}

static void test_status_missing_silent_with_a_rag(void **state)
{
    frb x;
    rag_findings *f;
    (void)state;

    frb_init(&x, ymd(2024, 6, 1));
    frb_fix(&x);
    x.q[0].narrative = NULL; /* GREEN needs no narrative */
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_STATUS_MISSING), 0);
    assert_int_equal(count_rule(f, RAG_RULE_NARRATIVE_MISSING), 0);
    rag_findings_free(f);
}

static void test_narrative_missing_for_red_and_amber_periods(void **state)
{
    frb x;
    rag_findings *f;
    const rag_finding *q2;
    char ref[16];
    (void)state;

    frb_init(&x, ymd(2024, 6, 1));
    frb_fix(&x);
    x.q[1].rag = RAG_RATING_RED;
    x.q[1].narrative = "";
    x.q[2].rag = RAG_RATING_AMBER;
    x.q[2].narrative = NULL;
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_NARRATIVE_MISSING), 2);
    q2 = with_period(f, RAG_RULE_NARRATIVE_MISSING, "Q2");
    assert_non_null(q2);
    assert_string_equal(cell_of(q2, ref), "A39");
    assert_non_null(strstr(q2->message, "Q2 is RED but has no narrative"));
    rag_findings_free(f);
}

static void test_milestone_overdue_by_date_and_by_financial_year(void **s)
{
    frb x;
    rag_findings *f;
    const rag_finding *m;
    (void)s;

    frb_init(&x, ymd(2024, 4, 2)); /* "2023/2024" ended 31 March 2024 */
    f = run(&x.m, NULL);
    m = first_rule(f, RAG_RULE_MILESTONE_OVERDUE);
    assert_non_null(m);
    assert_int_equal(m->severity, RAG_SEVERITY_WARNING);
    assert_non_null(strstr(m->message, "was due '2023/2024' (by 2024-03-31)"));
    rag_findings_free(f);

    frb_init(&x, ymd(2024, 3, 31)); /* on the day: not yet overdue */
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 0);
    rag_findings_free(f);

    frb_init(&x, ymd(2023, 8, 1));
    x.ms[0].due_text = NULL;
    x.ms[0].due = ymd(2023, 7, 31);
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 1);
    rag_findings_free(f);
}

static void test_date_invalid_for_period_end_and_milestone(void **state)
{
    frb x;
    rag_findings *f;
    (void)state;

    frb_init(&x, ymd(2023, 5, 1));
    x.q[1].end = ymd(0, 0, 0);
    x.q[1].end_invalid = true;
    x.ms[0].due_invalid = true;
    x.ms[0].due_text = "29/02/2023";
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_DATE_INVALID), 2);
    assert_non_null(strstr(nth_rule(f, RAG_RULE_DATE_INVALID, 0)->message,
                           "'29/02/2023' (February 2023 has 28 days)"));
    assert_non_null(with_period(f, RAG_RULE_DATE_INVALID, "Q2"));
    assert_int_equal(first_rule(f, RAG_RULE_DATE_INVALID)->severity,
                     RAG_SEVERITY_ERROR);
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 0);
    rag_findings_free(f);

    frb_init(&x, ymd(2023, 5, 1));
    f = run(&x.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_DATE_INVALID), 0);
    rag_findings_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frb_fixture_findings_fire),
        cmocka_unit_test(test_frb_put_right_is_silent),
        cmocka_unit_test(test_period_outside_year_both_ends),
        cmocka_unit_test(test_period_outside_year_reads_the_year_words),
        cmocka_unit_test(test_finance_arithmetic_within_the_units_rounding),
        cmocka_unit_test(test_finance_arithmetic_silent_with_a_figure_missing),
        cmocka_unit_test(test_recovery_shortfall_counts_every_milestone),
        cmocka_unit_test(test_status_missing_for_periods_ended_before_as_of),
        cmocka_unit_test(test_status_missing_silent_with_a_rag),
        cmocka_unit_test(test_narrative_missing_for_red_and_amber_periods),
        cmocka_unit_test(test_milestone_overdue_by_date_and_by_financial_year),
        cmocka_unit_test(test_date_invalid_for_period_end_and_milestone),
    };
    return cmocka_run_group_tests_name("validate_recovery", tests, NULL, NULL);
}
