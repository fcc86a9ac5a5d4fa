/* Indicator rules: variance-mismatch, rag-mismatch, target-missing,
 * actual-missing, plan-not-required, narrative-missing (indicators). */
#include "test_validate.h"

/* The CP2 form of seed 001: target 30%, 10.6% this period, "+ / - Target
 * : - 19.4%", RED with a reason. */
static rag_indicator cp2(void)
{
    rag_indicator ind;
    memset(&ind, 0, sizeof ind);
    ind.title = "% Adult Care Packages supported by Direct Debit (DD)";
    ind.code = "CP2";
    ind.has_target = ind.has_actual = true;
    ind.target = 0.30;
    ind.actual = 0.106;
    ind.unit = RAG_UNIT_PERCENT;
    ind.direction = RAG_HIGHER_IS_BETTER;
    ind.variance = ind.actual - ind.target;
    ind.has_stated_variance = true;
    ind.stated_variance = -0.194;
    ind.stated_decimals = 1;
    ind.rag = RAG_RATING_RED;
    ind.tolerance = 0.10;
    ind.reason = "Compliance is largely reliant upon user response";
    ind.cell = at(5, 0);
    ind.target_cell = at(8, 1);
    ind.actual_cell = at(11, 1);
    ind.variance_cell = at(11, 2);
    return ind;
}

static rag_plan indicator_plan(rag_indicator *ind)
{
    rag_plan p;
    memset(&p, 0, sizeof p);
    p.kind = RAG_PLAN_INDICATOR;
    p.sheet = "CP2";
    p.cell = at(0, 0);
    p.indicators = ind;
    p.indicator_count = 1;
    p.status_col = -1;
    return p;
}

static rag_findings *check(rag_indicator *ind,
                           const rag_validate_options *opts)
{
    rag_plan p = indicator_plan(ind);
    rag_model m = one_plan(&p, ymd(2013, 10, 31));
    return run(&m, opts);
}

static void test_variance_mismatch_fires_with_the_sums_in_words(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    ind.stated_variance = -0.184;
    f = check(&ind, NULL);
    x = first_rule(f, RAG_RULE_VARIANCE_MISMATCH);
    assert_non_null(x);
    assert_string_equal(x->message,
                        "+ / - Target says -18.4%, but 10.6% - 30.0% = "
                        "-19.4%");
    assert_string_equal(x->rule, "variance-mismatch");
    assert_int_equal(x->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(x->sheet, "CP2");
    assert_string_equal(cell_of(x, ref), "C12");
    assert_string_equal(x->file, "in.xlsx");
    rag_findings_free(f);
}

static void test_variance_mismatch_silent_when_it_adds_up(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)state;

    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_VARIANCE_MISMATCH), 0);
    rag_findings_free(f);
}

static void test_variance_mismatch_compares_at_the_sheets_rounding(
    void **state)
{
    static const struct {
        double actual, stated;
        int decimals;
        size_t fires;
    } cases[] = {
        {0.1064, -0.194, 1, 0}, /* -19.36 shows as -19.4 */
        {0.1064, -0.193, 1, 1}, /* -19.36 does not show as -19.3 */
        {0.106, -0.19, 0, 0},   /* -19.4 shows as -19 */
        {0.106, -0.20, 0, 1},   /* nor as -20 */
        {0.106, -0.194, -1, 0}, /* decimals unknown: those of -19.4 */
        {0.106, 0.194, 1, 1},   /* the sign matters */
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rag_indicator ind = cp2();
        rag_findings *f;
        ind.actual = cases[i].actual;
        ind.stated_variance = cases[i].stated;
        ind.stated_decimals = cases[i].decimals;
        f = check(&ind, NULL);
        if (count_rule(f, RAG_RULE_VARIANCE_MISMATCH) != cases[i].fires)
            fail_msg("case %zu: actual %g stated %g", i, cases[i].actual,
                     cases[i].stated);
        rag_findings_free(f);
    }
}

static void test_variance_mismatch_in_days_and_whole_percents(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)state;

    /* DP 11 of seed 000: 60% against 90%, "+ / - Target : -30%" */
    ind.code = "DP 11";
    ind.target = 0.9;
    ind.actual = 0.6;
    ind.stated_variance = -0.3;
    ind.stated_decimals = 0;
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_VARIANCE_MISMATCH), 0);
    rag_findings_free(f);

    ind.unit = RAG_UNIT_DAYS;
    ind.direction = RAG_LOWER_IS_BETTER;
    ind.target = 13;
    ind.actual = 16;
    ind.stated_variance = -3;
    f = check(&ind, NULL);
    assert_string_equal(first_rule(f, RAG_RULE_VARIANCE_MISMATCH)->message,
                        "+ / - Target says -3 days, but 16 days - 13 days = "
                        "3 days");
    rag_findings_free(f);
}

static void test_variance_mismatch_silent_without_a_stated_figure(void **st)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)st;

    ind.has_stated_variance = false;
    ind.stated_variance = 5;
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_VARIANCE_MISMATCH), 0);
    rag_findings_free(f);
}

static void test_rag_mismatch_fires_when_stated_green_is_red(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    const rag_finding *x;
    (void)state;

    ind.stated_rag = RAG_RATING_GREEN;
    ind.rag_cell = at(3, 4);
    f = check(&ind, NULL);
    x = first_rule(f, RAG_RULE_RAG_MISMATCH);
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(x->message,
                        "CP2 is stated GREEN, but 10.6% against a target of "
                        "30% is RED (higher is better; AMBER when short of "
                        "the target by at most 10% of it)");
    rag_findings_free(f);
}

static void test_rag_mismatch_silent_when_stated_matches(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)state;

    ind.stated_rag = RAG_RATING_RED;
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_RAG_MISMATCH), 0);
    rag_findings_free(f);

    ind.stated_rag = RAG_RATING_NONE; /* nothing stated: nothing to check */
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_RAG_MISMATCH), 0);
    rag_findings_free(f);
}

static void test_rag_mismatch_uses_the_amber_band(void **state)
{
    static const struct {
        rag_direction dir;
        double target, actual, tol;
        rag_rating stated;
        size_t fires;
    } cases[] = {
        {RAG_HIGHER_IS_BETTER, 0.9, 0.9, 0.10, RAG_RATING_GREEN, 0},
        {RAG_HIGHER_IS_BETTER, 0.9, 0.85, 0.10, RAG_RATING_AMBER, 0},
        {RAG_HIGHER_IS_BETTER, 0.9, 0.81, 0.10, RAG_RATING_AMBER, 0},
        {RAG_HIGHER_IS_BETTER, 0.9, 0.80, 0.10, RAG_RATING_AMBER, 1},
        {RAG_HIGHER_IS_BETTER, 0.9, 0.85, 0.05, RAG_RATING_AMBER, 1},
        {RAG_HIGHER_IS_BETTER, 0.9, 0.95, 0.10, RAG_RATING_AMBER, 1},
        {RAG_LOWER_IS_BETTER, 13, 16, 0.10, RAG_RATING_RED, 0},
        {RAG_LOWER_IS_BETTER, 13, 14, 0.10, RAG_RATING_AMBER, 0},
        {RAG_LOWER_IS_BETTER, 13, 12, 0.10, RAG_RATING_GREEN, 0},
        {RAG_LOWER_IS_BETTER, 13, 12, 0.10, RAG_RATING_RED, 1},
        {RAG_WITHIN_BAND, 100, 104, 0.05, RAG_RATING_GREEN, 0},
        {RAG_WITHIN_BAND, 100, 96, 0.05, RAG_RATING_GREEN, 0},
        {RAG_WITHIN_BAND, 100, 108, 0.05, RAG_RATING_GREEN, 1},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rag_indicator ind = cp2();
        rag_findings *f;
        ind.unit = RAG_UNIT_COUNT;
        ind.direction = cases[i].dir;
        ind.target = cases[i].target;
        ind.actual = cases[i].actual;
        ind.tolerance = cases[i].tol;
        ind.stated_rag = cases[i].stated;
        ind.has_stated_variance = false;
        f = check(&ind, NULL);
        if (count_rule(f, RAG_RULE_RAG_MISMATCH) != cases[i].fires)
            fail_msg("case %zu fires %zu", i,
                     count_rule(f, RAG_RULE_RAG_MISMATCH));
        rag_findings_free(f);
    }
}

static void test_rag_mismatch_options_tolerance_when_the_model_has_none(
    void **state)
{
    rag_indicator ind = cp2();
    rag_validate_options vo;
    rag_findings *f;
    (void)state;

    memset(&vo, 0, sizeof vo);
    ind.tolerance = 0; /* the model gives none */
    ind.target = 0.9;
    ind.actual = 0.85;
    ind.has_stated_variance = false;
    ind.stated_rag = RAG_RATING_AMBER;
    f = check(&ind, &vo); /* default 10%: AMBER is right */
    assert_int_equal(count_rule(f, RAG_RULE_RAG_MISMATCH), 0);
    rag_findings_free(f);
    vo.tolerance = 0.05; /* 5%: 0.855 is the floor, so RED */
    f = check(&ind, &vo);
    assert_int_equal(count_rule(f, RAG_RULE_RAG_MISMATCH), 1);
    rag_findings_free(f);
}

static void test_target_missing_is_an_error_or_info_when_data_only(void **s)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)s;

    ind.has_target = false;
    ind.has_stated_variance = false;
    f = check(&ind, NULL);
    x = first_rule(f, RAG_RULE_TARGET_MISSING);
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(cell_of(x, ref), "B9");
    assert_non_null(strstr(x->message, "CP2 has no target"));
    rag_findings_free(f);

    ind.data_only = true;
    f = check(&ind, NULL);
    x = first_rule(f, RAG_RULE_TARGET_MISSING);
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_INFO);
    assert_non_null(strstr(x->message, "data only"));
    rag_findings_free(f);
}

static void test_target_missing_silent_with_a_target(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)state;

    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_TARGET_MISSING), 0);
    assert_int_equal(count_rule(f, RAG_RULE_ACTUAL_MISSING), 0);
    rag_findings_free(f);
}

static void test_actual_missing_is_a_warning(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    const rag_finding *x;
    (void)state;

    ind.has_actual = false;
    ind.period = "Quarterly figure at end of Q2";
    f = check(&ind, NULL);
    x = first_rule(f, RAG_RULE_ACTUAL_MISSING);
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(x->message, "CP2 has no performance figure for this "
                                    "period (Quarterly figure at end of Q2)");
    assert_int_equal(count_rule(f, RAG_RULE_VARIANCE_MISMATCH), 0);
    rag_findings_free(f);
}

/* An annual measure at Q2 (not_due): no figure is owed, so no
 * actual-missing of any severity. */
static void test_actual_missing_silent_when_not_due(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)state;

    ind.has_actual = false;
    ind.not_due = true;
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_ACTUAL_MISSING), 0);
    rag_findings_free(f);
}

static void test_plan_not_required_when_the_target_is_met(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    const rag_finding *x;
    (void)state;

    ind.actual = 0.35;
    ind.has_stated_variance = false;
    f = check(&ind, NULL);
    x = first_rule(f, RAG_RULE_PLAN_NOT_REQUIRED);
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_INFO);
    assert_string_equal(x->message, "CP2 meets its target (35% against "
                                    "30%): a performance action plan is not "
                                    "required");
    rag_findings_free(f);
}

static void test_plan_not_required_silent_when_short_or_not_a_form(void **s)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    rag_plan p;
    rag_model m;
    (void)s;

    ind.actual = 0.29; /* amber, but short of target: a plan is needed */
    ind.has_stated_variance = false;
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_PLAN_NOT_REQUIRED), 0);
    rag_findings_free(f);

    ind.actual = 0.35; /* met, but not on a performance action plan */
    p = indicator_plan(&ind);
    p.kind = RAG_PLAN_TRACKER;
    m = one_plan(&p, ymd(2013, 10, 31));
    f = run(&m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_PLAN_NOT_REQUIRED), 0);
    rag_findings_free(f);
}

static void test_narrative_missing_for_a_red_indicator_without_reason(
    void **state)
{
    rag_indicator ind = cp2();
    rag_field fields[1];
    rag_plan p;
    rag_model m;
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    ind.reason = "  ";
    memset(fields, 0, sizeof fields);
    fields[0].label = "Non-compliance reason";
    fields[0].value = "";
    fields[0].label_cell = at(12, 0);
    fields[0].value_cell = at(12, 1);
    p = indicator_plan(&ind);
    p.fields = fields;
    p.field_count = 1;
    m = one_plan(&p, ymd(2013, 10, 31));
    f = run(&m, NULL);
    x = first_rule(f, RAG_RULE_NARRATIVE_MISSING);
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(x, ref), "B13");
    assert_non_null(strstr(x->message, "CP2 is RED but gives no reason"));
    rag_findings_free(f);
}

static void test_narrative_missing_silent_with_reason_or_green(void **state)
{
    rag_indicator ind = cp2();
    rag_findings *f;
    (void)state;

    f = check(&ind, NULL); /* RED with a reason */
    assert_int_equal(count_rule(f, RAG_RULE_NARRATIVE_MISSING), 0);
    rag_findings_free(f);

    ind.reason = NULL; /* GREEN needs none */
    ind.actual = 0.31;
    ind.has_stated_variance = false;
    f = check(&ind, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_NARRATIVE_MISSING), 0);
    rag_findings_free(f);
}

/* A scorecard row is asked for a reason only where the scorecard has a
 * commentary column to give it in. */
static void test_narrative_missing_on_a_scorecard_needs_its_column(
    void **state)
{
    rag_indicator ind = cp2();
    rag_plan p;
    rag_model m;
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    ind.reason = NULL;
    p = indicator_plan(&ind);
    p.kind = RAG_PLAN_SCORECARD;
    m = one_plan(&p, ymd(2013, 10, 31));
    f = run(&m, NULL); /* no commentary column */
    assert_int_equal(count_rule(f, RAG_RULE_NARRATIVE_MISSING), 0);
    rag_findings_free(f);

    ind.comment_cell = at(5, 8); /* an empty commentary cell */
    f = run(&m, NULL);
    x = first_rule(f, RAG_RULE_NARRATIVE_MISSING);
    assert_non_null(x);
    assert_string_equal(cell_of(x, ref), "I6");
    rag_findings_free(f);
}

static void test_indicator_rules_can_be_switched_off(void **state)
{
    rag_indicator ind = cp2();
    rag_validate_options vo;
    rag_findings *f;
    (void)state;

    memset(&vo, 0, sizeof vo);
    ind.stated_variance = -0.184;
    assert_int_equal(rag_validate_set_rule(&vo, "variance-mismatch=off",
                                           NULL),
                     RAG_OK);
    f = check(&ind, &vo);
    assert_int_equal(count_rule(f, RAG_RULE_VARIANCE_MISMATCH), 0);
    rag_findings_free(f);
    assert_int_equal(rag_validate_set_rule(&vo, "variance-mismatch=info",
                                           NULL),
                     RAG_OK);
    f = check(&ind, &vo);
    assert_int_equal(first_rule(f, RAG_RULE_VARIANCE_MISMATCH)->severity,
                     RAG_SEVERITY_INFO);
    rag_findings_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variance_mismatch_fires_with_the_sums_in_words),
        cmocka_unit_test(test_variance_mismatch_silent_when_it_adds_up),
        cmocka_unit_test(
            test_variance_mismatch_compares_at_the_sheets_rounding),
        cmocka_unit_test(test_variance_mismatch_in_days_and_whole_percents),
        cmocka_unit_test(test_variance_mismatch_silent_without_a_stated_figure),
        cmocka_unit_test(test_rag_mismatch_fires_when_stated_green_is_red),
        cmocka_unit_test(test_rag_mismatch_silent_when_stated_matches),
        cmocka_unit_test(test_rag_mismatch_uses_the_amber_band),
        cmocka_unit_test(
            test_rag_mismatch_options_tolerance_when_the_model_has_none),
        cmocka_unit_test(
            test_target_missing_is_an_error_or_info_when_data_only),
        cmocka_unit_test(test_target_missing_silent_with_a_target),
        cmocka_unit_test(test_actual_missing_is_a_warning),
        cmocka_unit_test(test_actual_missing_silent_when_not_due),
        cmocka_unit_test(test_plan_not_required_when_the_target_is_met),
        cmocka_unit_test(
            test_plan_not_required_silent_when_short_or_not_a_form),
        cmocka_unit_test(
            test_narrative_missing_for_a_red_indicator_without_reason),
        cmocka_unit_test(test_narrative_missing_silent_with_reason_or_green),
        cmocka_unit_test(
            test_narrative_missing_on_a_scorecard_needs_its_column),
        cmocka_unit_test(test_indicator_rules_can_be_switched_off),
    };
    return cmocka_run_group_tests_name("validate_indicators", tests, NULL,
                                       NULL);
}
