/* Colour rules: legend-unknown-fill, legend-ambiguous,
 * conditional-colours. */
#include "test_validate.h"

/* The WM8 tracker's key (seed 003). */
static void wm8_legend(rag_legend_entry *e)
{
    static const struct {
        rag_progress s;
        const char *label;
        uint32_t fill;
    } key[6] = {
        {RAG_PROGRESS_PROGRAMMED, "Programmed dates", 0xBDD7EE},
        {RAG_PROGRESS_ON_TARGET, "On target", 0x92D050},
        {RAG_PROGRESS_ONE_MONTH_BEHIND, "One month behind", 0xFFC000},
        {RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, "Over one month behind",
         0xFF0000},
        {RAG_PROGRESS_REPROGRAMMED, "Reprogrammed/extended", 0xB4A7D6},
        {RAG_PROGRESS_SUSPENDED, "Suspended", 0x808080},
    };
    size_t i;
    for (i = 0; i < 6; i++) {
        memset(&e[i], 0, sizeof e[i]);
        e[i].status = key[i].s;
        e[i].label = key[i].label;
        e[i].fill = key[i].fill;
        e[i].cell = at((uint32_t)(7 + i), 1);
    }
}

typedef struct tracker {
    rag_legend_entry legend[12];
    rag_month months[3];
    rag_action act;
    rag_plan p;
    rag_model m;
} tracker;

static void tracker_init(tracker *t)
{
    static const char *const leads[] = {"David Taylor", "Jane Bough"};
    size_t i;

    memset(t, 0, sizeof *t);
    wm8_legend(t->legend);
    for (i = 0; i < 3; i++) {
        t->months[i].year = 2009;
        t->months[i].month = (int)(4 + i);
        t->months[i].status = RAG_PROGRESS_ON_TARGET;
        t->months[i].fill = 0x92D050;
        t->months[i].cell = at(16, (uint32_t)(3 + i));
    }
    t->act.ref = "R1b";
    t->act.parent = "R1";
    t->act.leads = (const char **)leads;
    t->act.lead_count = 2;
    t->act.months = t->months;
    t->act.month_count = 3;
    t->act.cell = at(16, 0);
    t->p.kind = RAG_PLAN_TRACKER;
    t->p.sheet = "WM8 Progress";
    t->p.cell = at(0, 0);
    t->p.legend = t->legend;
    t->p.legend_count = 6;
    t->p.actions = &t->act;
    t->p.action_count = 1;
    t->p.status_col = -1;
    t->m = one_plan(&t->p, ymd(2009, 9, 7));
}

static void test_legend_unknown_fill_fires_for_a_colour_not_in_the_key(
    void **state)
{
    tracker t;
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    tracker_init(&t);
    t.months[2].status = RAG_PROGRESS_NONE;
    t.months[2].fill = 0xFFC100;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_UNKNOWN_FILL), 1);
    x = first_rule(f, RAG_RULE_LEGEND_UNKNOWN_FILL);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(x, ref), "F17");
    assert_string_equal(x->ref, "R1b");
    assert_string_equal(x->message,
                        "R1b, June 2009: colour FFC100 is not in the key, so "
                        "its status cannot be read (nearest in the key: "
                        "FFC000 'One month behind')");
    rag_findings_free(f);
}

static void test_legend_unknown_fill_silent_for_key_colours_and_white(
    void **state)
{
    tracker t;
    rag_findings *f;
    (void)state;

    tracker_init(&t);
    t.months[1].status = RAG_PROGRESS_NONE;
    t.months[1].fill = 0xFFFFFF; /* white is no colour */
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_UNKNOWN_FILL), 0);
    rag_findings_free(f);
}

static void test_legend_unknown_fill_once_when_there_is_no_key(void **state)
{
    tracker t;
    rag_findings *f;
    (void)state;

    tracker_init(&t);
    t.p.legend_count = 0;
    t.months[0].status = t.months[1].status = t.months[2].status =
        RAG_PROGRESS_NONE;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_UNKNOWN_FILL), 1);
    assert_non_null(strstr(first_rule(f, RAG_RULE_LEGEND_UNKNOWN_FILL)->message,
                           "no key"));
    rag_findings_free(f);
}

static void test_legend_ambiguous_one_colour_two_meanings(void **state)
{
    tracker t;
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)state;

    tracker_init(&t);
    t.legend[4].fill = 0xFFC000; /* reprogrammed in one-month-behind amber */
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_AMBIGUOUS), 1);
    x = first_rule(f, RAG_RULE_LEGEND_AMBIGUOUS);
    assert_int_equal(x->severity, RAG_SEVERITY_WARNING);
    assert_string_equal(cell_of(x, ref), "B12");
    assert_string_equal(x->message,
                        "the key gives colour FFC000 two meanings: 'One month "
                        "behind' and 'Reprogrammed/extended'");
    rag_findings_free(f);
}

static void test_legend_ambiguous_one_meaning_two_colours(void **state)
{
    tracker t;
    rag_findings *f;
    (void)state;

    tracker_init(&t);
    t.legend[6] = t.legend[1];
    t.legend[6].label = "On track";
    t.legend[6].fill = 0x00B050;
    t.legend[6].cell = at(30, 1);
    t.p.legend_count = 7;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_AMBIGUOUS), 1);
    assert_string_equal(first_rule(f, RAG_RULE_LEGEND_AMBIGUOUS)->message,
                        "the key gives one meaning two colours: 'On target' "
                        "is 92D050 and 'On track' is 00B050");
    rag_findings_free(f);
}

static void test_legend_ambiguous_silent_for_a_key_repeated_page_by_page(
    void **state)
{
    tracker t;
    rag_findings *f;
    (void)state;

    tracker_init(&t);
    wm8_legend(t.legend + 6); /* the second page's copy of the key */
    t.p.legend_count = 12;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_AMBIGUOUS), 0);
    rag_findings_free(f);

    /* an ambiguous key repeated is still reported once */
    t.legend[4].fill = t.legend[10].fill = 0xFFC000;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_LEGEND_AMBIGUOUS), 1);
    rag_findings_free(f);
}

static void test_conditional_colours_is_info_for_each_such_sheet(void **s)
{
    tracker t;
    rag_workbook wb;
    rag_sheet sheets[2];
    rag_range cf[1] = {{4, 3, 59, 14}};
    rag_findings *f;
    const rag_finding *x;
    char ref[16];
    (void)s;

    tracker_init(&t);
    memset(&wb, 0, sizeof wb);
    memset(sheets, 0, sizeof sheets);
    sheets[0].name = "WM8 Progress";
    sheets[0].conditional = cf;
    sheets[0].conditional_count = 1;
    sheets[0].features = RAG_FEATURE_CONDITIONAL;
    sheets[1].name = "Key";
    wb.sheets = sheets;
    wb.sheet_count = 2;
    t.m.wb = &wb;
    /* the tracker spans A1:P60, its months among them */
    t.p.sheet_index = 0;
    t.p.range.first_row = 0;
    t.p.range.first_col = 0;
    t.p.range.last_row = 59;
    t.p.range.last_col = 15;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_CONDITIONAL_COLOURS), 1);
    x = first_rule(f, RAG_RULE_CONDITIONAL_COLOURS);
    assert_int_equal(x->severity, RAG_SEVERITY_INFO);
    assert_string_equal(x->sheet, "WM8 Progress");
    assert_string_equal(cell_of(x, ref), "D5");
    assert_string_equal(x->message,
                        "this sheet is coloured by conditional formatting "
                        "(D5:O60): those colours are not cell fills, so they "
                        "are not read as statuses (letters or words in the "
                        "cells are, through the key)");
    rag_findings_free(f);

    /* beside the plan, or on a sheet with no plan (the key): not a word */
    cf[0].first_col = cf[0].last_col = 30;
    sheets[1].conditional = cf + 0;
    sheets[1].conditional_count = 1;
    sheets[1].features = RAG_FEATURE_CONDITIONAL;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_CONDITIONAL_COLOURS), 0);
    rag_findings_free(f);

    sheets[0].conditional_count = 0;
    sheets[0].features = 0;
    f = run(&t.m, NULL);
    assert_int_equal(count_rule(f, RAG_RULE_CONDITIONAL_COLOURS), 0);
    rag_findings_free(f);
}

static void test_clean_tracker_is_silent(void **state)
{
    tracker t;
    rag_action parent;
    rag_action both[2];
    rag_findings *f;
    (void)state;

    tracker_init(&t);
    memset(&parent, 0, sizeof parent);
    parent.ref = "R1";
    parent.is_parent = true;
    parent.cell = at(15, 0);
    both[0] = parent;
    both[1] = t.act;
    t.p.actions = both;
    t.p.action_count = 2;
    f = run(&t.m, NULL);
    if (f->count)
        fail_msg("unexpected: %s", f->items[0].message);
    rag_findings_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            test_legend_unknown_fill_fires_for_a_colour_not_in_the_key),
        cmocka_unit_test(
            test_legend_unknown_fill_silent_for_key_colours_and_white),
        cmocka_unit_test(test_legend_unknown_fill_once_when_there_is_no_key),
        cmocka_unit_test(test_legend_ambiguous_one_colour_two_meanings),
        cmocka_unit_test(test_legend_ambiguous_one_meaning_two_colours),
        cmocka_unit_test(
            test_legend_ambiguous_silent_for_a_key_repeated_page_by_page),
        cmocka_unit_test(test_conditional_colours_is_info_for_each_such_sheet),
        cmocka_unit_test(test_clean_tracker_is_silent),
    };
    return cmocka_run_group_tests_name("validate_legend", tests, NULL, NULL);
}
