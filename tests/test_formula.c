/* Shared formulas: the master's text shifted to another cell. */
#include <string.h>

#include "read/reader.h"
#include "support.h"

typedef struct shift_case {
    const char *formula;
    int64_t drow, dcol;
    const char *want;
} shift_case;

static void check_cases(const shift_case *cases, size_t n)
{
    rg_buf b = {NULL, 0, 0};
    size_t i;

    for (i = 0; i < n; i++) {
        assert_true(rg_formula_shift(cases[i].formula, cases[i].drow,
                                     cases[i].dcol, &b));
        if (strcmp(b.data, cases[i].want))
            fail_msg("'%s' moved by (%lld, %lld): '%s', want '%s'",
                     cases[i].formula, (long long)cases[i].drow,
                     (long long)cases[i].dcol, b.data, cases[i].want);
    }
    rg_buf_free(&b);
}

static void test_formula_shift_moves_relative_references(void **state)
{
    static const shift_case cases[] = {
        {"A1+B2", 1, 0, "A2+B3"},
        {"A1+B2", 0, 1, "B1+C2"},
        {"SUM(C17:C19)", 3, 0, "SUM(C20:C22)"},
        {"SUM(A1:A9)", 1, 1, "SUM(B2:B10)"},
        {"Z1*2", 0, 1, "AA1*2"},
        {"AA10-1", -1, -1, "Z9-1"},
        {"a1+b2", 1, 0, "A2+B3"},            /* written upper case */
        {"A1", 0, 0, "A1"},
        {"B2\n+B3", 1, 0, "B3\n+B4"},        /* newlines are kept */
        {"IF(A1>0,B1,C1)", 2, 0, "IF(A3>0,B3,C3)"},
    };
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_formula_shift_keeps_absolute_parts(void **state)
{
    static const shift_case cases[] = {
        {"$A$1+A$1+$A1", 2, 3, "$A$1+D$1+$A3"},
        {"SUM($B$2:B2)", 4, 0, "SUM($B$2:B6)"},
        {"$XFD$1048576", 5, 5, "$XFD$1048576"},
    };
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_formula_shift_handles_sheet_qualified_references(
    void **state)
{
    static const shift_case cases[] = {
        {"Sheet2!A1", 1, 0, "Sheet2!A2"},
        {"'My Sheet'!B2*2", 0, 1, "'My Sheet'!C2*2"},
        {"'Q1!A1'!A1", 1, 0, "'Q1!A1'!A2"},   /* a ref inside the name */
        {"'It''s A1'!B1", 1, 0, "'It''s A1'!B2"},
        {"SUM('WM8 Progress'!D16:L16)", 1, 0,
         "SUM('WM8 Progress'!D17:L17)"},
    };
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_formula_shift_leaves_strings_functions_and_names(
    void **state)
{
    static const shift_case cases[] = {
        {"\"A1\"&A1", 1, 0, "\"A1\"&A2"},
        {"\"say \"\"B2\"\"\"&B2", 1, 0, "\"say \"\"B2\"\"\"&B3"},
        {"LOG10(A1)", 1, 0, "LOG10(A2)"},
        {"ATAN2(A1,B1)", 1, 0, "ATAN2(A2,B2)"},
        {"_xlfn.STDEV.S(A1:A3)", 1, 0, "_xlfn.STDEV.S(A2:A4)"},
        {"A1B+1", 1, 0, "A1B+1"},              /* a name, not a ref */
        {"R1C1", 1, 0, "R1C1"},
        {"1E3+A1", 1, 0, "1E3+A2"},            /* exponent, not column E */
        {"Table1[Column A1]", 1, 0, "Table1[Column A1]"},
        {"Table1[[#This Row],[B2]]+B2", 1, 0, "Table1[[#This Row],[B2]]+B3"},
        {"TRUE", 1, 1, "TRUE"},
        {"\"open A1", 1, 0, "\"open A1"},      /* unterminated string */
    };
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_formula_shift_moves_whole_columns_and_rows(void **state)
{
    static const shift_case cases[] = {
        {"SUM(A:A)", 0, 1, "SUM(B:B)"},
        {"SUM(A:A)", 5, 0, "SUM(A:A)"},
        {"SUM($A:A)", 0, 1, "SUM($A:B)"},
        {"SUM(1:1)", 1, 0, "SUM(2:2)"},
        {"SUM($1:1)", 1, 0, "SUM($1:2)"},
        {"SUM(1:1)", 0, 3, "SUM(1:1)"},
        {"COUNTA(Sheet1!C:D)", 0, 1, "COUNTA(Sheet1!D:E)"},
    };
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_formula_shift_past_the_edge_gives_ref_error(void **state)
{
    static const shift_case cases[] = {
        {"A1", -1, 0, "#REF!"},
        {"A1", 0, -1, "#REF!"},
        {"XFD1", 0, 1, "#REF!"},
        {"A1048576", 1, 0, "#REF!"},
        {"B2+A1", -1, 0, "B1+#REF!"},
        {"SUM(A:A)", 0, -1, "SUM(#REF!)"},
        {"SUM(1:1)", -1, 0, "SUM(#REF!)"},
        {"SUM(B:XFD)", 0, 1, "SUM(#REF!)"},
        {"$A1+A$1", 0, -5, "$A1+#REF!"},
    };
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_formula_shift_reports_out_of_memory(void **state)
{
    rg_buf b = {NULL, 0, 0};
    long i;
    (void)state;
    /* Fail each allocation in turn: never a crash, and false or the right
     * text. */
    for (i = 0; i < 20; i++) {
        bool ok;
        rg_alloc_fail_after(i);
        ok = rg_formula_shift("SUM(A1:A9)+'Long sheet name'!B2", 1, 0, &b);
        rg_alloc_fail_after(-1);
        if (ok)
            assert_string_equal(b.data,
                                "SUM(A2:A10)+'Long sheet name'!B3");
        rg_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formula_shift_moves_relative_references),
        cmocka_unit_test(test_formula_shift_keeps_absolute_parts),
        cmocka_unit_test(
            test_formula_shift_handles_sheet_qualified_references),
        cmocka_unit_test(
            test_formula_shift_leaves_strings_functions_and_names),
        cmocka_unit_test(test_formula_shift_moves_whole_columns_and_rows),
        cmocka_unit_test(test_formula_shift_past_the_edge_gives_ref_error),
        cmocka_unit_test(test_formula_shift_reports_out_of_memory),
    };
    return cmocka_run_group_tests_name("formula", tests, NULL, NULL);
}
