/*
 * The fix-up pass's contract with libxlsxwriter (src/writer/fixup.h): the
 * exact XML each patch leaves in the sheet part.  These strings are what
 * Excel reads; if a new libxlsxwriter writes its cells otherwise, these
 * tests fail before a user sees a value written less exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ragbook/ragbook.h"
#include "read/zip.h"
#include "util/util.h"
#include "writer/fixup.h"

static char *temp_name(void)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/rag-fixup-%ld.xlsx", (long)getpid());
    return path;
}

/* The first sheet part of the workbook at path, NUL-terminated. */
static void sheet_xml(const char *path, rg_buf *xml)
{
    rag_read_limits limits = {1u << 30, 1u << 30, 100, 1000, 1000, 256};
    rg_zip *z = NULL;
    rag_error err;

    rag_error_clear(&err);
    assert_int_equal(rg_zip_open(path, &limits, &z, &err), RAG_OK);
    assert_int_equal(rg_zip_slurp(z, "xl/worksheets/sheet1.xml", xml,
                                  1 << 20, &err), RAG_OK);
    assert_true(rg_buf_append(xml, "", 0));
    rg_zip_close(z);
}

/* Write one cell to a fresh workbook, close it counting losses, and return
 * the sheet XML. */
static void write_one(const rag_cell *cell, rg_buf *xml, size_t *fix_losses)
{
    rag_writer *w = NULL;
    rag_wsheet *ws = NULL;
    rag_error err;
    size_t lost[RAG_LOSS_COUNT];
    const char *path = temp_name();

    rag_error_clear(&err);
    unlink(path);
    assert_int_equal(rag_writer_open(path, NULL, &w, &err), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "S", &ws, &err), RAG_OK);
    assert_int_equal(rag_wsheet_write_cell(ws, cell, RAG_WSTYLE_NONE, &err),
                     RAG_OK);
    assert_int_equal(rag_writer_close_counting(w, lost, RAG_LOSS_COUNT, &err),
                     RAG_OK);
    *fix_losses = lost[RAG_LOSS_FIXUPS];
    sheet_xml(path, xml);
    unlink(path);
}

static void expect_cell(const rag_cell *cell, const char *golden)
{
    rg_buf xml = {NULL, 0, 0};
    size_t missed = 99;

    write_one(cell, &xml, &missed);
    if (!strstr(xml.data, golden))
        fail_msg("expected %s in %s", golden, xml.data);
    assert_int_equal(missed, 0);
    rg_buf_free(&xml);
}

static void test_fixup_number_needing_17_digits(void **state)
{
    rag_cell c = {0};
    (void)state;
    c.type = RAG_CELL_NUMBER;
    c.number = 0.1 + 0.2; /* %.16G gives 0.3, another double */
    expect_cell(&c, "<c r=\"A1\"><v>0.30000000000000004</v></c>");
}

static void test_fixup_error_value(void **state)
{
    rag_cell c = {0};
    (void)state;
    c.type = RAG_CELL_ERROR;
    c.text = "#N/A";
    c.text_len = 4;
    expect_cell(&c, "<c r=\"A1\" t=\"e\"><v>#N/A</v></c>");
}

static void test_fixup_formula_with_a_boolean_result(void **state)
{
    rag_cell c = {0};
    (void)state;
    c.type = RAG_CELL_BOOL;
    c.number = 1;
    c.formula = "1=1";
    c.formula_kind = RAG_FORMULA_NORMAL;
    expect_cell(&c, "<c r=\"A1\" t=\"b\"><f>1=1</f><v>1</v></c>");
}

static void test_fixup_formula_with_an_error_result(void **state)
{
    rag_cell c = {0};
    (void)state;
    c.type = RAG_CELL_ERROR;
    c.text = "#DIV/0!";
    c.text_len = 7;
    c.formula = "1/0";
    c.formula_kind = RAG_FORMULA_NORMAL;
    expect_cell(&c, "<c r=\"A1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
}

/* A number libxlsxwriter writes exactly needs no patch, and its XML is
 * libxlsxwriter's own: the pass leaves it alone. */
static void test_fixup_leaves_exact_numbers_alone(void **state)
{
    rag_cell c = {0};
    (void)state;
    c.type = RAG_CELL_NUMBER;
    c.number = 0.5;
    expect_cell(&c, "<c r=\"A1\"><v>0.5</v></c>");
}

/* A fix whose cell is not where libxlsxwriter's output should have it
 * (here: no cell B5 at all) is counted, never dropped in silence. */
static void test_fixup_counts_a_fix_that_finds_no_cell(void **state)
{
    rag_cell c = {0};
    rg_buf xml = {NULL, 0, 0};
    size_t missed = 99;
    char from[80], to[80];
    rag_writer *w = NULL;
    rag_wsheet *ws = NULL;
    rag_error err;
    wx_fixes *fx;
    bool hidden = false;
    (void)state;

    snprintf(from, sizeof from, "%s.from", temp_name());
    snprintf(to, sizeof to, "%s.to", temp_name());
    unlink(from);
    unlink(to);
    rag_error_clear(&err);
    c.type = RAG_CELL_NUMBER;
    c.number = 0.3; /* as libxlsxwriter writes 0.1 + 0.2 */
    assert_int_equal(rag_writer_open(from, NULL, &w, &err), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "S", &ws, &err), RAG_OK);
    assert_int_equal(rag_wsheet_write_cell(ws, &c, RAG_WSTYLE_NONE, &err),
                     RAG_OK);
    assert_int_equal(rag_writer_close(w, &err), RAG_OK);

    fx = wx_fixes_new(false, NULL);
    assert_non_null(fx);
    assert_true(wx_fixes_add(fx, 4, 1, WX_FIX_NUMBER, 0.1 + 0.2, NULL, 0));
    assert_true(wx_fixes_add(fx, 0, 0, WX_FIX_NUMBER, 0.1 + 0.2, NULL, 0));
    assert_int_equal(wx_fixup(from, to, &fx, &hidden, 1, &missed, &err),
                     RAG_OK);
    assert_int_equal(missed, 1);
    sheet_xml(to, &xml);
    assert_non_null(strstr(xml.data, "<v>0.30000000000000004</v>"));
    wx_fixes_free(fx);
    rg_buf_free(&xml);
    unlink(from);
    unlink(to);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixup_number_needing_17_digits),
        cmocka_unit_test(test_fixup_error_value),
        cmocka_unit_test(test_fixup_formula_with_a_boolean_result),
        cmocka_unit_test(test_fixup_formula_with_an_error_result),
        cmocka_unit_test(test_fixup_leaves_exact_numbers_alone),
        cmocka_unit_test(test_fixup_counts_a_fix_that_finds_no_cell),
    };
    return cmocka_run_group_tests_name("write_fixup", tests, NULL, NULL);
}
