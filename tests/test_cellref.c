/* A1-style references: parse and format, bounded by XFD1048576. */
#include <string.h>

#include "support.h"
#include "util/util.h"

typedef struct ref_case {
    const char *text;
    uint32_t row, col; /* 0-based */
} ref_case;

static const ref_case good_refs[] = {
    {"A1", 0, 0},           {"a1", 0, 0},         {"$A$1", 0, 0},
    {"$A1", 0, 0},          {"A$1", 0, 0},        {"B5", 4, 1},
    {"Z1", 0, 25},          {"AA1", 0, 26},       {"AZ10", 9, 51},
    {"BA1", 0, 52},         {"ZZ1", 0, 701},      {"AAA1", 0, 702},
    {"P60", 59, 15},        {"D16", 15, 3},       {"xfd1", 0, 16383},
    {"XFD1048576", 1048575, 16383},               {"$XFD$1048576", 1048575, 16383},
    {"A1048576", 1048575, 0},
};

static void test_cellref_parse_accepts_valid_references(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof good_refs / sizeof good_refs[0]; i++) {
        uint32_t row = 99, col = 99;
        if (!rag_cell_ref_parse(good_refs[i].text, &row, &col))
            fail_msg("rejected %s", good_refs[i].text);
        assert_int_equal(row, good_refs[i].row);
        assert_int_equal(col, good_refs[i].col);
    }
}

static void test_cellref_parse_rejects_column_past_xfd(void **state)
{
    uint32_t row, col;
    (void)state;
    assert_false(rag_cell_ref_parse("XFE1", &row, &col));
    assert_false(rag_cell_ref_parse("XGA1", &row, &col));
    assert_false(rag_cell_ref_parse("ZZZ1", &row, &col));
    assert_false(rag_cell_ref_parse("AAAA1", &row, &col));
}

static void test_cellref_parse_rejects_row_past_1048576(void **state)
{
    uint32_t row, col;
    (void)state;
    assert_false(rag_cell_ref_parse("A1048577", &row, &col));
    assert_false(rag_cell_ref_parse("XFD1048577", &row, &col));
    assert_false(rag_cell_ref_parse("A9999999", &row, &col));
    assert_false(rag_cell_ref_parse("A12345678", &row, &col));
    assert_false(rag_cell_ref_parse("A99999999999999999999", &row, &col));
}

static void test_cellref_parse_rejects_malformed_text(void **state)
{
    static const char *const bad[] = {
        "", "A", "1", "A0", "1A", "A1B", "A 1", " A1", "A1 ", "A-1",
        "$$A1", "A$$1", "A1$", "A1:B2", "$", "A1.5", "Ä1", "#REF!", "R1C1"};
    uint32_t row, col;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (rag_cell_ref_parse(bad[i], &row, &col))
            fail_msg("accepted '%s'", bad[i]);
    assert_false(rag_cell_ref_parse(NULL, &row, &col));
}

static void test_cellref_format_gives_letters_and_row(void **state)
{
    static const ref_case cases[] = {
        {"A1", 0, 0},    {"Z1", 0, 25},     {"AA1", 0, 26},
        {"AZ10", 9, 51}, {"ZZ1", 0, 701},   {"AAA1", 0, 702},
        {"B5", 4, 1},    {"XFD1048576", 1048575, 16383}};
    char buf[16];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(
            rag_cell_ref_format(cases[i].row, cases[i].col, buf),
            cases[i].text);
}

static void test_cellref_format_then_parse_round_trips_every_column(
    void **state)
{
    uint32_t col;
    (void)state;
    for (col = 0; col < RAG_MAX_COLS; col++) {
        char buf[16];
        uint32_t r, c;
        rag_cell_ref_format(col % 1000 * 1000, col, buf);
        assert_true(rag_cell_ref_parse(buf, &r, &c));
        assert_int_equal(c, col);
        assert_int_equal(r, col % 1000 * 1000);
    }
}

static void test_range_parse_orders_corners(void **state)
{
    rag_range r;
    (void)state;
    assert_true(rag_range_parse("A2:P2", &r));
    assert_int_equal(r.first_row, 1);
    assert_int_equal(r.first_col, 0);
    assert_int_equal(r.last_row, 1);
    assert_int_equal(r.last_col, 15);

    assert_true(rag_range_parse("C3:$A$1", &r)); /* written backwards */
    assert_int_equal(r.first_row, 0);
    assert_int_equal(r.first_col, 0);
    assert_int_equal(r.last_row, 2);
    assert_int_equal(r.last_col, 2);

    assert_true(rag_range_parse("B7", &r)); /* one cell */
    assert_int_equal(r.first_row, 6);
    assert_int_equal(r.last_row, 6);
    assert_int_equal(r.first_col, 1);
    assert_int_equal(r.last_col, 1);

    assert_true(rag_range_parse("A1:XFD1048576", &r));
    assert_int_equal(r.last_row, 1048575);
    assert_int_equal(r.last_col, 16383);
}

static void test_range_parse_rejects_malformed_ranges(void **state)
{
    static const char *const bad[] = {"",      "A1:",    ":A1",
                                      "A1:B",  "A1:XFE1", "A1::B2",
                                      "A1-B2", "A1:B2:C3", "A:A",
                                      "1:1",   "A1 B2"};
    rag_range r;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (rag_range_parse(bad[i], &r))
            fail_msg("accepted '%s'", bad[i]);
    assert_false(rag_range_parse(NULL, &r));
}

static void test_range_format_writes_one_cell_without_colon(void **state)
{
    rag_range one = {4, 1, 4, 1}, many = {1, 0, 1, 15};
    rag_range all = {0, 0, 1048575, 16383};
    char buf[32];
    (void)state;
    assert_string_equal(rag_range_format(&one, buf), "B5");
    assert_string_equal(rag_range_format(&many, buf), "A2:P2");
    assert_string_equal(rag_range_format(&all, buf), "A1:XFD1048576");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cellref_parse_accepts_valid_references),
        cmocka_unit_test(test_cellref_parse_rejects_column_past_xfd),
        cmocka_unit_test(test_cellref_parse_rejects_row_past_1048576),
        cmocka_unit_test(test_cellref_parse_rejects_malformed_text),
        cmocka_unit_test(test_cellref_format_gives_letters_and_row),
        cmocka_unit_test(
            test_cellref_format_then_parse_round_trips_every_column),
        cmocka_unit_test(test_range_parse_orders_corners),
        cmocka_unit_test(test_range_parse_rejects_malformed_ranges),
        cmocka_unit_test(test_range_format_writes_one_cell_without_colon),
    };
    return cmocka_run_group_tests_name("cellref", tests, NULL, NULL);
}
