/* The validation API: the catalogue, severities, --rule settings, findings
 * lists, their order and their text form, and allocation failures. */
#include <stdio.h>

#include "test_validate.h"
#include "util/util.h"
#include "validate/rules.h"

/* The contract's table, verbatim: id and severity, in order. */
static const struct {
    const char *id;
    rag_severity severity;
} contract[] = {
    {"file-unreadable", RAG_SEVERITY_ERROR},
    {"variance-mismatch", RAG_SEVERITY_ERROR},
    {"rag-mismatch", RAG_SEVERITY_ERROR},
    {"target-missing", RAG_SEVERITY_ERROR},
    {"actual-missing", RAG_SEVERITY_WARNING},
    {"date-invalid", RAG_SEVERITY_ERROR},
    {"period-outside-year", RAG_SEVERITY_ERROR},
    {"finance-arithmetic", RAG_SEVERITY_WARNING},
    {"recovery-shortfall", RAG_SEVERITY_WARNING},
    {"status-missing", RAG_SEVERITY_WARNING},
    {"narrative-missing", RAG_SEVERITY_WARNING},
    {"milestone-overdue", RAG_SEVERITY_WARNING},
    {"lead-missing", RAG_SEVERITY_WARNING},
    {"ref-duplicate", RAG_SEVERITY_ERROR},
    {"ref-orphan", RAG_SEVERITY_WARNING},
    {"legend-unknown-fill", RAG_SEVERITY_WARNING},
    {"plan-not-required", RAG_SEVERITY_INFO},
    {"legend-ambiguous", RAG_SEVERITY_WARNING},
    {"conditional-colours", RAG_SEVERITY_INFO},
    {"plan-not-found", RAG_SEVERITY_WARNING},
    {"plan-duplicate", RAG_SEVERITY_WARNING},
    {"merge-conflict", RAG_SEVERITY_ERROR},
    {"merge-unknown-ref", RAG_SEVERITY_WARNING},
    {"merge-no-match", RAG_SEVERITY_WARNING},
    {"merge-unchanged", RAG_SEVERITY_INFO},
};

static void test_catalogue_is_the_contracts_table(void **state)
{
    size_t n = 0, i;
    const rag_rule *rules = rag_rules(&n);
    (void)state;

    assert_int_equal(n, RAG_RULE_COUNT);
    assert_int_equal(n, sizeof contract / sizeof contract[0]);
    for (i = 0; i < n; i++) {
        assert_int_equal(rules[i].id, i);
        assert_string_equal(rules[i].name, contract[i].id);
        assert_int_equal(rules[i].severity, contract[i].severity);
        assert_non_null(rules[i].summary);
        assert_true(strlen(rules[i].summary) > 10);
        assert_ptr_equal(rag_rule_find(contract[i].id), &rules[i]);
    }
    assert_null(rag_rule_find("rag_mismatch"));
    assert_null(rag_rule_find(""));
    assert_null(rag_rule_find(NULL));
}

static void test_severity_names_round_trip(void **state)
{
    static const char *const names[] = {"off", "info", "warning", "error"};
    size_t i;
    rag_severity s = RAG_SEVERITY_DEFAULT;
    (void)state;

    for (i = 0; i < 4; i++) {
        assert_true(rag_severity_parse(names[i], &s));
        assert_string_equal(rag_severity_name(s), names[i]);
    }
    assert_true(rag_severity_parse("WARNING", &s));
    assert_int_equal(s, RAG_SEVERITY_WARNING);
    assert_false(rag_severity_parse("fatal", &s));
    assert_false(rag_severity_parse("", &s));
    assert_int_equal(s, RAG_SEVERITY_WARNING);
    assert_null(rag_severity_name(RAG_SEVERITY_DEFAULT));
    assert_true(RAG_SEVERITY_ERROR > RAG_SEVERITY_WARNING &&
                RAG_SEVERITY_WARNING > RAG_SEVERITY_INFO &&
                RAG_SEVERITY_INFO > RAG_SEVERITY_OFF);
}

static void test_set_rule_accepts_id_equals_level(void **state)
{
    rag_validate_options vo;
    rag_error err;
    (void)state;

    memset(&vo, 0, sizeof vo);
    assert_int_equal(rag_rule_severity(&vo, RAG_RULE_MILESTONE_OVERDUE),
                     RAG_SEVERITY_WARNING);
    assert_int_equal(rag_rule_severity(NULL, RAG_RULE_REF_DUPLICATE),
                     RAG_SEVERITY_ERROR);
    assert_int_equal(rag_validate_set_rule(&vo, "milestone-overdue=error",
                                           NULL),
                     RAG_OK);
    assert_int_equal(rag_rule_severity(&vo, RAG_RULE_MILESTONE_OVERDUE),
                     RAG_SEVERITY_ERROR);
    assert_int_equal(rag_validate_set_rule(&vo, "ref-duplicate=off", NULL),
                     RAG_OK);
    assert_int_equal(rag_rule_severity(&vo, RAG_RULE_REF_DUPLICATE),
                     RAG_SEVERITY_OFF);

    rag_error_clear(&err);
    assert_int_equal(rag_validate_set_rule(&vo, "no-such-rule=off", &err),
                     RAG_ERR_USAGE);
    assert_string_equal(err.message, "unknown rule 'no-such-rule'");
    rag_error_clear(&err);
    assert_int_equal(rag_validate_set_rule(&vo, "lead-missing=loud", &err),
                     RAG_ERR_USAGE);
    assert_non_null(strstr(err.message, "unknown level 'loud'"));
    assert_int_equal(rag_validate_set_rule(&vo, "lead-missing", NULL),
                     RAG_ERR_USAGE);
    assert_int_equal(rag_rule_severity(&vo, RAG_RULE_LEAD_MISSING),
                     RAG_SEVERITY_WARNING);
}

static void test_unreadable_finding_carries_the_reason(void **state)
{
    rag_findings *list = NULL;
    rag_error why, err;
    rag_validate_options vo;
    const rag_finding *x;
    char line[512];
    (void)state;

    rag_error_clear(&why);
    why.status = RAG_ERR_NOT_XLSX;
    snprintf(why.message, sizeof why.message,
             "looks like a legacy .xls workbook");
    assert_int_equal(rag_findings_new(&list, NULL), RAG_OK);
    assert_int_equal(rag_findings_add_unreadable(list, "old.xls", &why, NULL,
                                                 NULL),
                     RAG_OK);
    assert_int_equal(list->count, 1);
    x = &list->items[0];
    assert_string_equal(x->file, "old.xls");
    assert_null(x->sheet);
    assert_false(x->has_cell);
    assert_string_equal(x->rule, "file-unreadable");
    assert_int_equal(x->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(x->message,
                        "not an XLSX file: looks like a legacy .xls workbook");
    rag_finding_format(x, line, sizeof line);
    assert_string_equal(line, "old.xls: error: not an XLSX file: looks like a "
                              "legacy .xls workbook [file-unreadable]");

    memset(&vo, 0, sizeof vo);
    vo.rules[RAG_RULE_FILE_UNREADABLE] = RAG_SEVERITY_OFF;
    assert_int_equal(rag_findings_add_unreadable(list, "b.csv", &why, &vo,
                                                 NULL),
                     RAG_OK);
    assert_int_equal(list->count, 1);
    rag_error_clear(&err);
    assert_int_equal(rag_findings_add_unreadable(NULL, "b.csv", &why, NULL,
                                                 &err),
                     RAG_ERR_USAGE);
    rag_findings_free(list);
    rag_findings_free(NULL);
}

static rag_finding finding(const char *file, rag_severity s, size_t sheet,
                           uint32_t row, const char *msg)
{
    rag_finding f;
    memset(&f, 0, sizeof f);
    f.file = file;
    f.sheet = "S";
    f.sheet_index = sheet;
    f.has_cell = true;
    f.row = row;
    f.rule_id = RAG_RULE_LEAD_MISSING;
    f.rule = "lead-missing";
    f.severity = s;
    f.message = msg;
    return f;
}

static void test_add_copies_the_strings_and_names_the_rule(void **state)
{
    rag_findings *list = NULL;
    rag_finding f;
    char file[16] = "a.xlsx", sheet[16] = "Plan", ref[8] = "R1a";
    rag_error err;
    (void)state;

    assert_int_equal(rag_findings_new(&list, NULL), RAG_OK);
    memset(&f, 0, sizeof f);
    f.file = file;
    f.sheet = sheet;
    f.has_cell = true;
    f.row = 4;
    f.col = 2;
    f.ref = ref;
    f.rule_id = RAG_RULE_MERGE_CONFLICT;
    f.severity = RAG_SEVERITY_ERROR;
    assert_int_equal(rag_findings_add(list, &f, NULL, "%s says %d", "b.xlsx",
                                      7), RAG_OK);
    memset(file, 0, sizeof file);
    memset(sheet, 0, sizeof sheet);
    memset(ref, 0, sizeof ref);
    assert_int_equal(list->count, 1);
    assert_string_equal(list->items[0].file, "a.xlsx");
    assert_string_equal(list->items[0].sheet, "Plan");
    assert_string_equal(list->items[0].ref, "R1a");
    assert_string_equal(list->items[0].rule, "merge-conflict");
    assert_string_equal(list->items[0].message, "b.xlsx says 7");
    f.severity = RAG_SEVERITY_OFF;
    assert_int_equal(rag_findings_add(list, &f, &err, "x"), RAG_ERR_USAGE);
    f.severity = RAG_SEVERITY_INFO;
    f.rule_id = (rag_rule_id)RAG_RULE_COUNT;
    assert_int_equal(rag_findings_add(list, &f, &err, "x"), RAG_ERR_USAGE);
    assert_int_equal(list->count, 1);
    rag_findings_free(list);
}

static void test_append_sort_and_count(void **state)
{
    rag_finding items[5];
    rag_findings src = {items, 5, NULL}, *dst = NULL;
    (void)state;

    items[0] = finding("b.xlsx", RAG_SEVERITY_INFO, 0, 1, "b-info");
    items[1] = finding("a.xlsx", RAG_SEVERITY_WARNING, 0, 9, "a-warn-9");
    items[2] = finding("a.xlsx", RAG_SEVERITY_ERROR, 1, 3, "a-err");
    items[3] = finding("a.xlsx", RAG_SEVERITY_WARNING, 0, 2, "a-warn-2");
    items[4] = finding("b.xlsx", RAG_SEVERITY_ERROR, 0, 5, "b-err");
    assert_int_equal(rag_findings_new(&dst, NULL), RAG_OK);
    assert_int_equal(rag_findings_append(dst, &src, NULL), RAG_OK);
    assert_int_equal(dst->count, 5);
    assert_ptr_not_equal(dst->items[0].message, items[0].message);
    rag_findings_sort(dst);
    assert_string_equal(dst->items[0].message, "a-err");
    assert_string_equal(dst->items[1].message, "a-warn-2");
    assert_string_equal(dst->items[2].message, "a-warn-9");
    assert_string_equal(dst->items[3].message, "b-err");
    assert_string_equal(dst->items[4].message, "b-info");
    assert_int_equal(rag_findings_count(dst, RAG_SEVERITY_WARNING), 2);
    assert_int_equal(rag_findings_count(dst, RAG_SEVERITY_ERROR), 2);
    assert_int_equal(rag_findings_count(dst, RAG_SEVERITY_INFO), 1);
    assert_int_equal(rag_findings_count(NULL, RAG_SEVERITY_INFO), 0);
    rag_findings_free(dst);
}

static void test_format_like_a_compiler(void **state)
{
    rag_finding f;
    char line[256];
    size_t n;
    (void)state;

    memset(&f, 0, sizeof f);
    f.file = "in.xlsx";
    f.sheet = "FRB-23-007";
    f.has_cell = true;
    f.row = 40;
    f.col = 0;
    f.rule = "period-outside-year";
    f.severity = RAG_SEVERITY_ERROR;
    f.message = "Q4 ends 2023-03-31, outside 2023/24";
    n = rag_finding_format(&f, line, sizeof line);
    assert_string_equal(line, "in.xlsx:FRB-23-007!A41: error: Q4 ends "
                              "2023-03-31, outside 2023/24 "
                              "[period-outside-year]");
    assert_int_equal(n, strlen(line));
    f.has_cell = false;
    rag_finding_format(&f, line, sizeof line);
    assert_string_equal(line, "in.xlsx:FRB-23-007: error: Q4 ends "
                              "2023-03-31, outside 2023/24 "
                              "[period-outside-year]");
    assert_int_equal(rag_finding_format(&f, line, 8), n - 4);
    assert_string_equal(line, "in.xlsx");
}

static void test_validate_rejects_missing_arguments(void **state)
{
    rag_findings *f = (rag_findings *)&f;
    rag_model m;
    rag_error err;
    (void)state;

    memset(&m, 0, sizeof m);
    rag_error_clear(&err);
    assert_int_equal(rag_validate(NULL, NULL, &f, &err), RAG_ERR_USAGE);
    assert_null(f);
    assert_int_equal(rag_validate(&m, NULL, NULL, NULL), RAG_ERR_USAGE);
    f = run(&m, NULL); /* no plans: that alone is said */
    assert_int_equal(f->count, 1);
    assert_string_equal(f->items[0].rule, "plan-not-found");
    assert_int_equal(f->items[0].severity, RAG_SEVERITY_WARNING);
    rag_findings_free(f);
}

/* A model with something for most rules to say. */
static void busy_model(rag_model *m, rag_plan *p, rag_action *a,
                       rag_period *q, rag_finance *fin)
{
    memset(a, 0, 3 * sizeof *a);
    a[0].ref = "R1a";
    a[0].parent = "R1";
    a[0].due = ymd(2009, 5, 1);
    a[0].cell = at(3, 0);
    a[1] = a[0];
    a[1].cell = at(4, 0);
    a[2].ref = "R2b";
    a[2].parent = "R2";
    a[2].due_invalid = true;
    a[2].due_text = "31/09/2009";
    memset(q, 0, sizeof *q);
    q->label = "Q4";
    q->end = ymd(2009, 3, 31);
    q->narrative = "slipped";
    memset(fin, 0, sizeof *fin);
    fin->unit = 1000;
    fin->year = "2009/10";
    fin->has_outturn_prior = fin->has_budget = fin->has_pressure = true;
    fin->outturn_prior = 10;
    fin->budget = 2;
    fin->pressure = 50;
    memset(p, 0, sizeof *p);
    p->kind = RAG_PLAN_RECOVERY;
    p->sheet = "Plan";
    p->actions = a;
    p->action_count = 3;
    p->periods = q;
    p->period_count = 1;
    p->finance = fin;
    p->status_col = -1;
    *m = one_plan(p, ymd(2009, 9, 7));
}

static void test_validate_survives_every_allocation_failure(void **state)
{
    rag_model m;
    rag_plan p;
    rag_action a[3];
    rag_period q;
    rag_finance fin;
    rag_findings *full, *f;
    long i;
    (void)state;

    busy_model(&m, &p, a, &q, &fin);
    full = run(&m, NULL);
    assert_true(full->count >= 8);
    for (i = 0; i < 200; i++) {
        rag_status st;
        f = NULL;
        rg_alloc_fail_after(i);
        st = rag_validate(&m, NULL, &f, NULL);
        rg_alloc_fail_after(-1);
        if (st == RAG_OK) {
            assert_int_equal(f->count, full->count);
            rag_findings_free(f);
            break;
        }
        assert_int_equal(st, RAG_ERR_NOMEM);
        assert_null(f);
    }
    assert_true(i < 200);
    rag_findings_free(full);
}

static void test_helpers_read_due_words_as_an_officer_writes_them(void **s)
{
    static const struct {
        const char *text;
        int y, m, d; /* year 0: no date */
    } cases[] = {
        {"30/09/2010", 2010, 9, 30},
        {"Interim 30/09/2009 Full 30/09/2010", 2010, 9, 30},
        {"2023/2024", 2024, 3, 31},
        {"2023/24", 2024, 3, 31},
        {"by end of 23/24", 2024, 3, 31},
        {"2010-09-30", 2010, 9, 30},
        {"19.05.09", 2009, 5, 19},
        {"31/09/2009", 0, 0, 0},
        {"ongoing", 0, 0, 0},
        {"2023/2025", 0, 0, 0},
        {"12345/2024", 0, 0, 0},
        /* months by name: the month's last day, or the day given */
        {"Sept 2024", 2024, 9, 30},
        {"by end of February 2024", 2024, 2, 29},
        {"Sep-24", 2024, 9, 30},
        {"Mar '25", 2025, 3, 31},
        {"31st March 2025", 2025, 3, 31},
        {"15 June 2024", 2024, 6, 15},
        {"Interim June 2024, full Dec 2024", 2024, 12, 31},
        {"May", 0, 0, 0},
        {"Marching orders 2024", 0, 0, 0},
        {"Decision 2024", 0, 0, 0},
        /* a quarter of a financial year: its last day */
        {"Q2 2024/25", 2024, 9, 30},
        {"Quarter 3 of 2023/24", 2023, 12, 31},
        {"Qtr 4 23/24", 2024, 3, 31},
        {"by Q1 2025/2026", 2025, 6, 30},
        {"Q3 2024", 0, 0, 0},
        {"Q5 2024/25", 2025, 3, 31}, /* no quarter: the year's end */
        /* a season: its last month's last day; winter runs into the
         * next year; with a financial year, either year is meant */
        {"Summer 2023", 2023, 8, 31},
        {"Autumn '24", 2024, 11, 30},
        {"by spring 2025", 2025, 5, 31},
        {"Winter 2023", 2024, 2, 29},
        {"Spring 2023/24", 2024, 3, 31},
        {"Summerhouse 2023", 0, 0, 0},
        {"Autumn statement", 0, 0, 0},
    };
    size_t i;
    (void)s;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rag_date d = {0, 0, 0};
        bool found = rg_vdue_from_text(cases[i].text, &d);
        if (found != (cases[i].y != 0) || d.year != cases[i].y ||
            d.month != cases[i].m || d.day != cases[i].d)
            fail_msg("'%s' gave %d-%d-%d", cases[i].text, d.year, d.month,
                     d.day);
    }
}

static void test_helpers_say_why_a_date_is_no_date(void **state)
{
    static const struct {
        const char *text, *why;
    } cases[] = {
        {"31/09/2024", " (September 2024 has 30 days)"},
        {"29/02/2023", " (February 2023 has 28 days)"},
        {"29/02/2024", ""},
        {"12/13/2024", " (there is no month 13)"},
        {"00/01/2024", " (there is no day 0)"},
        {"soon", ""},
    };
    size_t i;
    char buf[64];
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(rg_vdate_why(cases[i].text, buf, sizeof buf),
                            cases[i].why);
    assert_string_equal(rg_vdate_why(NULL, buf, sizeof buf), "");
}

/* One template, several services: the same title and sheet is the same
 * plan only when it is one service's (its owner, else its actions or
 * their leads); a copy is found, another service's return is not. */
static void test_plan_duplicate_tells_services_apart(void **state)
{
    static const char *parks[] = {"P Green"}, *roads[] = {"R Black"};
    rag_action a[4][3];
    rag_plan p[4];
    rag_model m[4];
    const char *files[] = {"parks.xlsx", "roads.xlsx", "roads-copy.xlsx",
                           "parks-nov.xlsx"};
    rag_plan_set *seen, *mine;
    rag_findings *out = NULL;
    rag_error err;
    size_t i, k, found, total = 0;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(rag_findings_new(&out, &err), RAG_OK);
    memset(a, 0, sizeof a);
    for (i = 0; i < 4; i++) {
        bool is_parks = i == 0 || i == 3;
        memset(&p[i], 0, sizeof p[i]);
        p[i].kind = RAG_PLAN_ACTION;
        p[i].sheet = "Action Plan";
        p[i].title = "Service Improvement Plan 2024/25";
        p[i].cell = at(0, 0);
        p[i].status_col = -1;
        p[i].actions = a[i];
        p[i].action_count = i == 3 ? 3 : 2; /* November's adds one */
        for (k = 0; k < p[i].action_count; k++) {
            static const char *const pt[] = {"Replace play equipment",
                                             "Tree survey", "Bulb planting"};
            static const char *const rt[] = {"Resurface the A road",
                                             "Pothole blitz", ""};
            a[i][k].ref = k == 0 ? "1" : k == 1 ? "2" : "3";
            a[i][k].text = is_parks ? pt[k] : rt[k];
            a[i][k].leads = is_parks ? parks : roads;
            a[i][k].lead_count = 1;
            a[i][k].cell = at((uint32_t)(3 + k), 0);
        }
        m[i] = one_plan(&p[i], ymd(2024, 11, 30));
        m[i].file = files[i];
    }
    rag_error_clear(&err);
    assert_int_equal(rag_plan_set_new(&seen, &err), RAG_OK);
    for (i = 0; i < 4; i++) {
        assert_int_equal(rag_plan_set_new(&mine, &err), RAG_OK);
        assert_int_equal(rag_plan_set_add(mine, &m[i], NULL, &err), RAG_OK);
        assert_int_equal(
            rag_plan_set_check(seen, mine, NULL, out, &found, &err), RAG_OK);
        rag_plan_set_free(mine);
        /* parks, roads: none; the roads copy: roads; November's parks:
         * parks, by its leads (an action was added) */
        assert_int_equal(found, i >= 2 ? 1 : 0);
        total += found;
    }
    assert_int_equal(total, 2);
    assert_string_equal(out->items[0].file, "roads-copy.xlsx");
    assert_non_null(strstr(out->items[0].message, "roads.xlsx"));
    assert_non_null(strstr(out->items[0].message, "title, sheet and actions"));
    assert_string_equal(out->items[1].file, "parks-nov.xlsx");
    assert_non_null(strstr(out->items[1].message, "parks.xlsx"));
    assert_non_null(strstr(out->items[1].message, "title, sheet and leads"));
    rag_plan_set_free(seen);
    rag_findings_free(out);
}

static void test_helpers_show_numbers_and_money(void **state)
{
    char buf[64];
    (void)state;

    assert_string_equal(rg_vnum(-19.4, 1, buf, sizeof buf), "-19.4");
    assert_string_equal(rg_vnum(0.106 * 100, -1, buf, sizeof buf), "10.6");
    assert_string_equal(rg_vnum(-0.01, 1, buf, sizeof buf), "0.0");
    assert_string_equal(rg_vnum(397, -1, buf, sizeof buf), "397");
    assert_string_equal(rg_vmoney(80000, buf, sizeof buf),
                        "\xC2\xA3" "80,000");
    assert_string_equal(rg_vmoney(-1234.5, buf, sizeof buf),
                        "-\xC2\xA3" "1,234.50");
    assert_string_equal(rg_vmoney(999, buf, sizeof buf), "\xC2\xA3" "999");
    assert_string_equal(rg_vshort("a  long\n text here", 9, buf, sizeof buf),
                        "a long...");
    assert_string_equal(rg_vshort("short", 9, buf, sizeof buf), "short");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue_is_the_contracts_table),
        cmocka_unit_test(test_severity_names_round_trip),
        cmocka_unit_test(test_set_rule_accepts_id_equals_level),
        cmocka_unit_test(test_unreadable_finding_carries_the_reason),
        cmocka_unit_test(test_add_copies_the_strings_and_names_the_rule),
        cmocka_unit_test(test_append_sort_and_count),
        cmocka_unit_test(test_format_like_a_compiler),
        cmocka_unit_test(test_validate_rejects_missing_arguments),
        cmocka_unit_test(test_validate_survives_every_allocation_failure),
        cmocka_unit_test(
            test_helpers_read_due_words_as_an_officer_writes_them),
        cmocka_unit_test(test_helpers_say_why_a_date_is_no_date),
        cmocka_unit_test(test_helpers_show_numbers_and_money),
        cmocka_unit_test(test_plan_duplicate_tells_services_apart),
    };
    return cmocka_run_group_tests_name("validate_api", tests, NULL, NULL);
}
