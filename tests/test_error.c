/* rag_error: the first error wins, and it says where in plain words. */
#include <string.h>

#include "support.h"
#include "util/util.h"

static void test_error_first_failure_wins(void **state)
{
    rag_error err;
    (void)state;
    rag_error_clear(&err);
    assert_int_equal(rg_fail(&err, RAG_ERR_ZIP, "first %d", 1), RAG_ERR_ZIP);
    assert_int_equal(rg_fail(&err, RAG_ERR_NOMEM, "second"), RAG_ERR_NOMEM);
    assert_int_equal(err.status, RAG_ERR_ZIP);
    assert_string_equal(err.message, "first 1");
    /* A NULL err is allowed everywhere. */
    assert_int_equal(rg_fail(NULL, RAG_ERR_IO, "x"), RAG_ERR_IO);
    rag_error_clear(NULL);
    rg_error_set_part(NULL, "p");
    rg_error_set_sheet(NULL, "s");
    rg_error_set_cell(NULL, 1, 2);
}

static void test_error_format_says_not_an_xlsx_file_once(void **state)
{
    rag_error err;
    char buf[512];
    (void)state;
    rag_error_clear(&err);
    rg_fail(&err, RAG_ERR_NOT_XLSX, "looks like a legacy .xls workbook");
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf,
                        "not an XLSX file: looks like a legacy .xls workbook");
    rag_error_clear(&err);
    rg_fail(&err, RAG_ERR_ZIP, "not an XLSX file: the zip is truncated");
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "not an XLSX file: the zip is truncated");
}

static void test_error_format_puts_the_place_first(void **state)
{
    rag_error err;
    char buf[512];
    (void)state;
    rag_error_clear(&err);
    rg_error_set_part(&err, "xl/styles.xml");
    rg_error_set_part(&err, "xl/worksheets/sheet1.xml"); /* the latest */
    rg_error_set_cell(&err, 4, 1);
    rg_fail(&err, RAG_ERR_FORMAT, "shared string 99 is out of range");
    rg_error_set_sheet(&err, "WM8 Progress");
    rg_error_set_part(&err, "xl/sharedStrings.xml"); /* after: ignored */
    rg_error_set_cell(&err, 9, 9);
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "WM8 Progress!B5: shared string 99 is out of "
                             "range");

    assert_string_equal(err.part, "xl/worksheets/sheet1.xml");

    rag_error_clear(&err);
    rg_error_set_part(&err, "xl/sharedStrings.xml");
    rg_fail(&err, RAG_ERR_XML, "not well-formed (invalid token)");
    err.line = 3;
    err.column = 14;
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "xl/sharedStrings.xml:3:14: not well-formed "
                             "(invalid token)");
    rg_error_set_sheet(&err, "S");
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "sheet 'S', xl/sharedStrings.xml:3:14: not "
                             "well-formed (invalid token)");
    err.line = 0;
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "sheet 'S': not well-formed (invalid token)");

    rag_error_clear(&err);
    rg_error_set_part(&err, "xl/styles.xml");
    rg_fail(&err, RAG_ERR_LIMIT, "too big");
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "xl/styles.xml: too big");
}

static void test_error_format_falls_back_to_strerror(void **state)
{
    rag_error err;
    char buf[512];
    (void)state;
    rag_error_clear(&err);
    err.status = RAG_ERR_NOMEM;
    rag_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "out of memory");
    assert_int_equal(rag_error_format(&err, buf, 4), strlen("out of memory"));
    assert_string_equal(buf, "out");
}

static void test_error_strerror_names_every_status(void **state)
{
    int s;
    (void)state;
    for (s = RAG_OK; s <= RAG_ERR_USAGE; s++) {
        const char *m = rag_strerror((rag_status)s);
        assert_non_null(m);
        assert_string_not_equal(m, "unknown error");
    }
    assert_string_equal(rag_strerror(RAG_ERR_NOT_XLSX), "not an XLSX file");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_first_failure_wins),
        cmocka_unit_test(test_error_format_says_not_an_xlsx_file_once),
        cmocka_unit_test(test_error_format_puts_the_place_first),
        cmocka_unit_test(test_error_format_falls_back_to_strerror),
        cmocka_unit_test(test_error_strerror_names_every_status),
    };
    return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
