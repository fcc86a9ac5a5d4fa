/* Action rules: lead-missing, ref-duplicate, ref-orphan, milestone-overdue
 * (actions), date-invalid (actions). */
#include "test_validate.h"

static const char *const taylor_bough[] = {"D Taylor", "J Bough", "PDT"};
static const char *const taylor[] = {"D Taylor"};

/* Rows of seed 002, the benefits action plan, by hand. */
static void action(rag_action *a, const char *ref, const char *parent,
                   uint32_t row, rag_date due, const char *comment)
{
    memset(a, 0, sizeof *a);
    a->ref = ref;
    a->parent = parent;
    a->is_parent = parent == NULL;
    a->text = "Reviewing the roles and responsibilities for recovery.";
    if (parent) {
        a->leads = (const char **)taylor;
        a->lead_count = 1;
    }
    a->due = due;
    a->comment = comment;
    a->cell = at(row, 0);
    a->lead_cell = at(row, 2);
    a->due_cell = at(row, 3);
    a->comment_cell = at(row, 4);
}

static rag_plan action_plan(rag_action *a, size_t n)
{
    rag_plan p;
    memset(&p, 0, sizeof p);
    p.kind = RAG_PLAN_ACTION;
    p.sheet = "Action Plan";
    p.cell = at(0, 0);
    p.actions = a;
    p.action_count = n;
    p.status_col = -1;
    return p;
}

static rag_findings *check(rag_action *a, size_t n, rag_date as_of)
{
    rag_plan p = action_plan(a, n);
    rag_model m = one_plan(&p, as_of);
    return run(&m, NULL);
}

static const rag_finding *with_ref(const rag_findings *f, rag_rule_id id,
                                   const char *ref)
{
    size_t i;
    for (i = 0; i < f->count; i++)
        if (f->items[i].rule_id == id && f->items[i].ref &&
            !strcmp(f->items[i].ref, ref))
            return &f->items[i];
    return NULL;
}

static void test_ref_orphan_fires_for_a_child_without_its_parent(void **s)
{
    rag_action a[3];
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)s;

    action(&a[0], "R7", NULL, 17, ymd(2010, 3, 31), NULL);
    action(&a[1], "R7f", "R7", 19, ymd(2010, 6, 30), NULL);
    action(&a[2], "R11c", "R11", 20, ymd(2010, 6, 30), NULL);
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_REF_ORPHAN), 1);
    x = with_ref(f, RAG_RULE_REF_ORPHAN, "R11c");
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(x, ref), "A21");
    assert_string_equal(x->message,
                        "R11c belongs under R11, but the plan has no R11 row");
    rag_findings_free(f);
}

static void test_ref_orphan_silent_when_the_parent_is_there(void **s)
{
    rag_action a[3];
    rag_findings *f;
    (void)s;

    action(&a[0], "R1", NULL, 1, ymd(2010, 1, 31), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2010, 5, 19), NULL);
    action(&a[2], "r1b", "r1", 3, ymd(2010, 6, 19), NULL); /* any case */
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_REF_ORPHAN), 0);
    rag_findings_free(f);
}

/* Themes as unnumbered text rows over actions 1.1, 1.1a, 1.2: the plan
 * never writes "1", so 1.2 is no orphan (1.1, a parent row, has none);
 * a plan that writes "1" but not "2" still has 2.1 orphaned. */
static void test_ref_orphan_silent_when_top_numbers_are_never_written(
    void **s)
{
    rag_action a[3];
    rag_findings *f;
    (void)s;

    action(&a[0], "1.1", NULL, 4, ymd(2025, 3, 31), NULL);
    action(&a[1], "1.1a", "1.1", 5, ymd(2025, 3, 31), NULL);
    action(&a[2], "1.2", "1", 6, ymd(2025, 3, 31), NULL);
    f = check(a, 3, ymd(2024, 9, 30));
    assert_int_equal(count_rule(f, RAG_RULE_REF_ORPHAN), 0);
    rag_findings_free(f);

    action(&a[0], "1", NULL, 4, ymd(2025, 3, 31), NULL);
    action(&a[1], "1.1", "1", 5, ymd(2025, 3, 31), NULL);
    action(&a[2], "2.1", "2", 6, ymd(2025, 3, 31), NULL);
    f = check(a, 3, ymd(2024, 9, 30));
    assert_int_equal(count_rule(f, RAG_RULE_REF_ORPHAN), 1);
    assert_non_null(with_ref(f, RAG_RULE_REF_ORPHAN, "2.1"));
    rag_findings_free(f);
}

static void test_ref_duplicate_fires_on_the_second_row(void **state)
{
    rag_action a[4];
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2010, 1, 31), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2010, 5, 19), NULL);
    action(&a[2], "R1b", "R1", 3, ymd(2010, 5, 19), NULL);
    action(&a[3], "R1A ", "R1", 4, ymd(2010, 5, 19), NULL);
    f = check(a, 4, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_REF_DUPLICATE), 1);
    x = first_rule(f, RAG_RULE_REF_DUPLICATE);
    assert_int_equal(x->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(cell_of(x, ref), "A5");
    assert_string_equal(x->message, "R1A appears twice in this plan: it is "
                                    "already used at A3");
    rag_findings_free(f);
}

static void test_ref_duplicate_silent_for_distinct_refs(void **state)
{
    rag_action a[3];
    rag_findings *f;
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2010, 1, 31), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2010, 5, 19), NULL);
    action(&a[2], "R1aa", "R1", 3, ymd(2010, 5, 19), NULL);
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_REF_DUPLICATE), 0);
    rag_findings_free(f);
}

static void test_lead_missing_for_an_action_but_not_a_heading(void **state)
{
    rag_action a[3];
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    action(&a[0], "R4", NULL, 9, ymd(2010, 9, 30), NULL);
    action(&a[1], "R4c", "R4", 10, ymd(2010, 6, 19), NULL);
    action(&a[2], "R4d", "R4", 11, ymd(2010, 6, 30), NULL);
    a[1].leads = (const char **)taylor_bough;
    a[1].lead_count = 3;
    a[2].leads = NULL;
    a[2].lead_count = 0;
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_LEAD_MISSING), 1);
    x = with_ref(f, RAG_RULE_LEAD_MISSING, "R4d");
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(x, ref), "C12");
    rag_findings_free(f);
}

/* A child left blank under a heading that names its lead has that lead;
 * under a heading with none it has none. */
static void test_lead_missing_silent_under_a_heading_with_a_lead(void **state)
{
    rag_action a[3];
    rag_findings *f;
    (void)state;

    action(&a[0], "R4", NULL, 9, ymd(2010, 9, 30), NULL);
    action(&a[1], "R4c", "R4", 10, ymd(2010, 6, 19), NULL);
    action(&a[2], "R4d", "R4", 11, ymd(2010, 6, 30), NULL);
    a[0].leads = (const char **)taylor;
    a[0].lead_count = 1;
    a[1].lead_count = a[2].lead_count = 0;
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_LEAD_MISSING), 0);
    rag_findings_free(f);

    a[0].lead_count = 0;
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_LEAD_MISSING), 2);
    rag_findings_free(f);
}

static void test_lead_missing_silent_for_a_row_with_children(void **state)
{
    rag_action a[2];
    rag_findings *f;
    (void)state;

    /* R5 is a heading by its children, though not marked as one */
    action(&a[0], "R5", NULL, 13, ymd(2010, 10, 31), NULL);
    a[0].is_parent = false;
    action(&a[1], "R5a", "R5", 14, ymd(2010, 6, 30), NULL);
    f = check(a, 2, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_LEAD_MISSING), 0);
    rag_findings_free(f);
}

static void test_milestone_overdue_for_actions_not_complete(void **state)
{
    rag_action a[5];
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2010, 1, 31), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2009, 5, 19), "Complete");
    action(&a[2], "R1b", "R1", 3, ymd(2009, 6, 19),
           "Partially Complete - report already written");
    action(&a[3], "R1c", "R1", 4, ymd(2009, 6, 19), "Ongoing");
    a[3].status = RAG_PROGRESS_COMPLETE;
    action(&a[4], "R1d", "R1", 5, ymd(2009, 12, 1), NULL); /* not due */
    f = check(a, 5, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 1);
    x = with_ref(f, RAG_RULE_MILESTONE_OVERDUE, "R1b");
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(x, ref), "D4");
    assert_string_equal(x->message, "R1b was due 2009-06-19 and is not marked "
                                    "complete (as of 2009-09-07)");
    rag_findings_free(f);
}

/* An action with no ref is named by its words, so an officer can find
 * the row; with neither, "an action". */
static void test_an_action_without_a_ref_is_named_by_its_words(void **state)
{
    rag_action a[2];
    rag_findings *f;
    size_t i;
    int named = 0, bare = 0;
    (void)state;

    action(&a[0], NULL, "R1", 2, ymd(2009, 5, 19), NULL);
    a[0].text = "Review   the phone menu and the opening hours of the "
                "contact centre";
    action(&a[1], NULL, "R1", 3, ymd(2009, 5, 19), NULL);
    a[1].text = NULL;
    f = check(a, 2, ymd(2009, 9, 7));
    for (i = 0; i < f->count; i++) {
        if (f->items[i].rule_id != RAG_RULE_MILESTONE_OVERDUE)
            continue;
        if (!strcmp(f->items[i].message,
                    "'Review the phone menu and the opening...' was due "
                    "2009-05-19 and is not marked complete (as of "
                    "2009-09-07)"))
            named++;
        else if (!strncmp(f->items[i].message, "an action was due", 17))
            bare++;
    }
    assert_int_equal(named, 1);
    assert_int_equal(bare, 1);
    rag_findings_free(f);
}

static void test_milestone_overdue_heading_complete_with_its_children(
    void **state)
{
    rag_action a[3];
    rag_findings *f;
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2009, 6, 30), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2009, 5, 19), "Complete.");
    action(&a[2], "R1b", "R1", 3, ymd(2009, 6, 19), "completed - done");
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 0);
    rag_findings_free(f);

    a[2].comment = "Not complete";
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 2);
    assert_non_null(with_ref(f, RAG_RULE_MILESTONE_OVERDUE, "R1"));
    rag_findings_free(f);
}

/* A recommendation withdrawn or superseded is owed no more: not overdue,
 * and it counts as done for its heading; one on hold is still owed. */
static void test_milestone_overdue_silent_for_a_closed_action(void **state)
{
    rag_action a[3];
    rag_findings *f;
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2009, 6, 30), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2009, 5, 19), "Complete.");
    action(&a[2], "R1b", "R1", 3, ymd(2009, 6, 19), NULL);
    a[2].status = RAG_PROGRESS_SUSPENDED;
    a[2].closed = true; /* "Superseded" */
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 0);
    rag_findings_free(f);

    a[2].closed = false; /* "On hold" */
    f = check(a, 3, ymd(2009, 9, 7));
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 2);
    assert_non_null(with_ref(f, RAG_RULE_MILESTONE_OVERDUE, "R1b"));
    rag_findings_free(f);
}

static void test_milestone_overdue_reads_dates_in_words(void **state)
{
    rag_action a[1];
    rag_findings *f;
    const rag_finding *x;
    (void)state;

    action(&a[0], "R4", NULL, 9, ymd(0, 0, 0), NULL);
    a[0].due_text = "Interim 30/09/2009 Full 30/09/2010";
    f = check(a, 1, ymd(2010, 1, 1)); /* interim gone, full not yet */
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 0);
    rag_findings_free(f);

    f = check(a, 1, ymd(2010, 10, 1));
    x = first_rule(f, RAG_RULE_MILESTONE_OVERDUE);
    assert_non_null(x);
    assert_string_equal(x->message,
                        "R4 was due 'Interim 30/09/2009 Full 30/09/2010' (by "
                        "2010-09-30) and is not marked complete (as of "
                        "2010-10-01)");
    rag_findings_free(f);
}

/* Two-digit years follow the one calendar rule (model/rules.c) that
 * recognition uses: "99" is 1999 and "00" is 2000, so a plan due in March
 * 2000 is long overdue, not due in 2099. */
static void test_milestone_overdue_two_digit_years_as_recognition_reads_them(
    void **state)
{
    rag_action a[1];
    rag_findings *f;
    const rag_finding *x;
    (void)state;

    action(&a[0], "R5", NULL, 9, ymd(0, 0, 0), NULL);
    a[0].due_text = "Interim 30/09/99 Full 31/03/00";
    f = check(a, 1, ymd(2024, 4, 1));
    x = first_rule(f, RAG_RULE_MILESTONE_OVERDUE);
    assert_non_null(x);
    assert_non_null(strstr(x->message, "(by 2000-03-31)"));
    rag_findings_free(f);
}

static void test_milestone_overdue_uses_the_as_of_option(void **state)
{
    rag_action a[2];
    rag_plan p;
    rag_model m;
    rag_validate_options vo;
    rag_findings *f;
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2010, 1, 31), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(2009, 5, 19), NULL);
    p = action_plan(a, 2);
    m = one_plan(&p, ymd(2009, 9, 7));
    memset(&vo, 0, sizeof vo);
    vo.as_of = ymd(2009, 5, 1);
    f = run(&m, &vo);
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 0);
    rag_findings_free(f);
    f = run(&m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_MILESTONE_OVERDUE), 1);
    rag_findings_free(f);
}

static void test_date_invalid_for_an_action(void **state)
{
    rag_action a[2];
    rag_findings *f;
    const rag_finding *x;
    (void)state;

    action(&a[0], "R1", NULL, 1, ymd(2010, 1, 31), NULL);
    action(&a[1], "R1a", "R1", 2, ymd(0, 0, 0), NULL);
    a[1].due_invalid = true;
    a[1].due_text = "31/09/2024";
    f = check(a, 2, ymd(2025, 1, 1));
    x = with_ref(f, RAG_RULE_DATE_INVALID, "R1a");
    assert_non_null(x);
    assert_int_equal(x->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(x->message,
                        "R1a's date is not a real date: '31/09/2024' "
                        "(September 2024 has 30 days)");
    assert_int_equal(count_rule(f, RAG_RULE_DATE_INVALID), 1);
    rag_findings_free(f);

    a[1].due_invalid = false;
    a[1].due_text = NULL;
    a[1].due = ymd(2024, 9, 30);
    f = check(a, 2, ymd(2024, 1, 1));
    assert_int_equal(count_rule(f, RAG_RULE_DATE_INVALID), 0);
    rag_findings_free(f);
}

static void test_action_findings_come_in_row_order(void **state)
{
    rag_action a[3];
    rag_findings *f;
    size_t i;
    (void)state;

    action(&a[0], "R2d", "R2", 7, ymd(2009, 6, 30), NULL);
    action(&a[1], "R2e", "R2", 8, ymd(2009, 6, 30), NULL);
    action(&a[2], "R2a", "R2", 6, ymd(2009, 6, 30), NULL);
    f = check(a, 3, ymd(2009, 9, 7));
    for (i = 1; i < f->count; i++)
        assert_true(f->items[i - 1].row <= f->items[i].row);
    assert_int_equal(count_rule(f, RAG_RULE_REF_ORPHAN), 3);
    assert_string_equal(first_rule(f, RAG_RULE_REF_ORPHAN)->ref, "R2a");
    rag_findings_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ref_orphan_fires_for_a_child_without_its_parent),
        cmocka_unit_test(test_an_action_without_a_ref_is_named_by_its_words),
        cmocka_unit_test(test_ref_orphan_silent_when_the_parent_is_there),
        cmocka_unit_test(
            test_ref_orphan_silent_when_top_numbers_are_never_written),
        cmocka_unit_test(test_ref_duplicate_fires_on_the_second_row),
        cmocka_unit_test(test_ref_duplicate_silent_for_distinct_refs),
        cmocka_unit_test(test_lead_missing_for_an_action_but_not_a_heading),
        cmocka_unit_test(test_lead_missing_silent_for_a_row_with_children),
        cmocka_unit_test(test_lead_missing_silent_under_a_heading_with_a_lead),
        cmocka_unit_test(test_milestone_overdue_for_actions_not_complete),
        cmocka_unit_test(
            test_milestone_overdue_heading_complete_with_its_children),
        cmocka_unit_test(test_milestone_overdue_reads_dates_in_words),
        cmocka_unit_test(test_milestone_overdue_silent_for_a_closed_action),
        cmocka_unit_test(
            test_milestone_overdue_two_digit_years_as_recognition_reads_them),
        cmocka_unit_test(test_milestone_overdue_uses_the_as_of_option),
        cmocka_unit_test(test_date_invalid_for_an_action),
        cmocka_unit_test(test_action_findings_come_in_row_order),
    };
    return cmocka_run_group_tests_name("validate_actions", tests, NULL, NULL);
}
