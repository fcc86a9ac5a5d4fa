/* Cells written and read back with ragbook's reader, in both memory modes:
 * every value type, including the ones libxlsxwriter 1.1.4 cannot write
 * by itself (errors, boolean and text results, 17-digit numbers, empty
 * strings), links, merges, validations and a very hidden sheet. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "ragbook/ragbook.h"
#include "writer/writer.h"

static char path[64];

static int setup(void **state)
{
    int fd;
    (void)state;
    snprintf(path, sizeof path, "/tmp/rag-wcells-XXXXXX");
    fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

static rag_cell cell_at(uint32_t row, uint32_t col, rag_cell_type type)
{
    rag_cell c;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.type = type;
    return c;
}

static const rag_cell *at(const rag_sheet *s, const char *ref)
{
    uint32_t r, c;
    assert_true(rag_cell_ref_parse(ref, &r, &c));
    return rag_sheet_cell(s, r, c);
}

static void write_all(rag_write_mode mode)
{
    rag_write_options o;
    rag_writer *w;
    rag_wsheet *ws, *hidden;
    rag_style st;
    rag_wstyle date, plain;
    rag_cell c;
    rag_font red = {0};
    rag_run runs[3];
    rag_rich rich = {3, runs};
    rag_validation v;
    rag_range merge = {9, 0, 9, 3};

    memset(&o, 0, sizeof o);
    o.mode = mode;
    assert_int_equal(rag_writer_open(path, &o, &w, NULL), RAG_OK);
    rag_style_init(&st);
    assert_int_equal(rag_writer_style(w, &st, &plain, NULL), RAG_OK);
    st.numfmt_id = 14;
    st.numfmt = rag_numfmt_builtin(14);
    assert_int_equal(rag_writer_style(w, &st, &date, NULL), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "Cells", &ws, NULL), RAG_OK);

    /* row 1: numbers */
    assert_int_equal(rag_wsheet_write_number(ws, 0, 0, 0.1, plain, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_write_number(ws, 0, 1, 0.1 + 0.2, plain,
                                             NULL), RAG_OK);
    c = cell_at(0, 2, RAG_CELL_DATE);
    c.number = 45382; /* 2024-03-31 */
    assert_int_equal(rag_wsheet_write_cell(ws, &c, date, NULL), RAG_OK);
    c = cell_at(0, 3, RAG_CELL_BOOL);
    c.number = 1;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    /* row 2: text */
    assert_int_equal(rag_wsheet_write_string(ws, 1, 0, "On target", plain,
                                             NULL), RAG_OK);
    assert_int_equal(rag_wsheet_write_string(ws, 1, 1, "", plain, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_write_string(ws, 1, 2, "_x0041_ stays", plain,
                                             NULL), RAG_OK);
    red.color = 0xFF0000;
    red.bold = true;
    red.name = "Arial";
    runs[0] = (rag_run){"Plain ", 6, NULL};
    runs[1] = (rag_run){"red", 3, &red};
    runs[2] = (rag_run){" end", 4, NULL};
    c = cell_at(1, 3, RAG_CELL_STRING);
    c.text = "Plain red end";
    c.text_len = 13;
    c.rich = &rich;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    /* row 3: errors */
    c = cell_at(2, 0, RAG_CELL_ERROR);
    c.text = "#N/A";
    c.text_len = 4;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    c = cell_at(2, 1, RAG_CELL_ERROR);
    c.text = "#DIV/0!";
    c.text_len = 7;
    c.formula = "1/0";
    c.formula_kind = RAG_FORMULA_NORMAL;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    /* row 4: formulas and their results */
    assert_int_equal(rag_wsheet_write_formula(ws, 3, 0, "SUM(A1:B1)",
                                              0.1 + 0.2, plain, NULL),
                     RAG_OK);
    c = cell_at(3, 1, RAG_CELL_BOOL);
    c.number = 1;
    c.formula = "A1<B1";
    c.formula_kind = RAG_FORMULA_NORMAL;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    c = cell_at(3, 2, RAG_CELL_STRING);
    c.text = "ok";
    c.text_len = 2;
    c.formula = "IF(D1,\"ok\",\"no\")";
    c.formula_kind = RAG_FORMULA_NORMAL;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    /* row 5: array formulas */
    c = cell_at(4, 0, RAG_CELL_STRING);
    c.text = "a<b";
    c.text_len = 3;
    c.formula = "UPPER(\"a<b\")";
    c.formula_kind = RAG_FORMULA_ARRAY;
    c.formula_range = (rag_range){4, 0, 4, 0};
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    c = cell_at(4, 1, RAG_CELL_NUMBER);
    c.number = 1;
    c.formula = "{1,2;3,4}";
    c.formula_kind = RAG_FORMULA_ARRAY;
    c.formula_range = (rag_range){4, 1, 5, 2};
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    assert_int_equal(rag_wsheet_write_number(ws, 4, 2, 2, plain, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_write_number(ws, 5, 1, 3, plain, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_write_number(ws, 5, 2, 4, plain, NULL),
                     RAG_OK);
    /* row 7: a cell written twice keeps the second (no stale fix-up) */
    c = cell_at(6, 0, RAG_CELL_ERROR);
    c.text = "#REF!";
    c.text_len = 5;
    assert_int_equal(rag_wsheet_write_cell(ws, &c, plain, NULL), RAG_OK);
    assert_int_equal(rag_wsheet_write_string(ws, 6, 0, "#REF!", plain, NULL),
                     RAG_OK);
    /* row 8: links over values */
    assert_int_equal(rag_wsheet_write_link(ws, 7, 0, "https://example.org/a b",
                                           NULL, "site", plain, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_write_link(ws, 7, 1, NULL, "'Very hidden'!A1",
                                           "go", plain, NULL), RAG_OK);
    /* row 10: a merged title */
    assert_int_equal(rag_wsheet_write_string(ws, 9, 0, "Title", plain, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_merge(ws, &merge, NULL), RAG_OK);
    merge = (rag_range){9, 2, 10, 4}; /* overlaps: refused, counted */
    assert_int_equal(rag_wsheet_merge(ws, &merge, NULL), RAG_OK);
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_MERGES), 1);
    /* a drop-down list */
    memset(&v, 0, sizeof v);
    v.sqref = "E2:E9 G2";
    v.type = "list";
    v.formula1 = "\"On target,Late\"";
    v.allow_blank = true;
    v.show_error = true;
    v.error_style = "warning";
    v.prompt = "Pick a status";
    assert_int_equal(rag_wsheet_add_validation(ws, &v, NULL), RAG_OK);
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_VALIDATIONS), 0);

    assert_int_equal(rag_writer_add_sheet(w, "Very hidden", &hidden, NULL),
                     RAG_OK);
    assert_int_equal(rag_wsheet_write_number(hidden, 0, 0, 7, plain, NULL),
                     RAG_OK);
    rag_wsheet_hide(hidden);
    rag_wsheet_activate(ws);
    assert_int_equal(rag_writer_close(w, NULL), RAG_OK);
}

static void check_all(void)
{
    rag_workbook *wb = NULL;
    rag_error err;
    const rag_sheet *s;
    const rag_cell *c;

    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, NULL, &wb, &err), RAG_OK);
    assert_int_equal(wb->sheet_count, 2);
    s = &wb->sheets[0];
    assert_string_equal(s->name, "Cells");
    assert_int_equal(wb->sheets[1].state, RAG_SHEET_HIDDEN);

    c = at(s, "A1");
    assert_int_equal(c->type, RAG_CELL_NUMBER);
    assert_true(c->number == 0.1);
    c = at(s, "B1"); /* needs 17 digits: exactly the same double */
    assert_true(c->number == 0.1 + 0.2);
    c = at(s, "C1");
    assert_int_equal(c->type, RAG_CELL_DATE);
    assert_true(c->number == 45382);
    c = at(s, "D1");
    assert_int_equal(c->type, RAG_CELL_BOOL);
    assert_true(c->number == 1);

    c = at(s, "A2");
    assert_string_equal(c->text, "On target");
    c = at(s, "B2"); /* an empty string, not a blank */
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_int_equal(c->text_len, 0);
    c = at(s, "C2");
    assert_string_equal(c->text, "_x0041_ stays");
    c = at(s, "D2");
    assert_string_equal(c->text, "Plain red end");
    assert_non_null(c->rich);
    assert_int_equal(c->rich->count, 3);
    assert_non_null(c->rich->runs[1].font);
    assert_true(c->rich->runs[1].font->bold);
    assert_int_equal(c->rich->runs[1].font->color, 0xFF0000);

    c = at(s, "A3"); /* an error value, no formula */
    assert_int_equal(c->type, RAG_CELL_ERROR);
    assert_string_equal(c->text, "#N/A");
    assert_null(c->formula);
    c = at(s, "B3");
    assert_int_equal(c->type, RAG_CELL_ERROR);
    assert_string_equal(c->text, "#DIV/0!");
    assert_string_equal(c->formula, "1/0");

    c = at(s, "A4");
    assert_int_equal(c->type, RAG_CELL_NUMBER);
    assert_true(c->number == 0.1 + 0.2);
    assert_string_equal(c->formula, "SUM(A1:B1)");
    c = at(s, "B4");
    assert_int_equal(c->type, RAG_CELL_BOOL);
    assert_string_equal(c->formula, "A1<B1");
    c = at(s, "C4");
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_string_equal(c->text, "ok");

    c = at(s, "A5");
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_string_equal(c->text, "a<b");
    assert_int_equal(c->formula_kind, RAG_FORMULA_ARRAY);
    assert_string_equal(c->formula, "UPPER(\"a<b\")");
    c = at(s, "B5");
    assert_int_equal(c->formula_kind, RAG_FORMULA_ARRAY);
    assert_string_equal(c->formula, "{1,2;3,4}");
    assert_int_equal(c->formula_range.last_row, 5);
    assert_int_equal(c->formula_range.last_col, 2);
    assert_true(at(s, "C6")->number == 4);

    c = at(s, "A7");
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_string_equal(c->text, "#REF!");

    c = at(s, "A8");
    assert_string_equal(c->text, "site");
    c = at(s, "B8");
    assert_string_equal(c->text, "go");
    assert_int_equal(s->link_count, 2);
    assert_string_equal(s->links[0].url, "https://example.org/a%20b");
    assert_string_equal(s->links[1].location, "'Very hidden'!A1");

    assert_int_equal(s->merge_count, 1);
    assert_int_equal(s->merges[0].first_row, 9);
    assert_int_equal(s->merges[0].last_col, 3);

    assert_int_equal(s->validation_count, 2);
    assert_string_equal(s->validations[0].type, "list");
    assert_string_equal(s->validations[0].sqref, "E2:E9");
    assert_string_equal(s->validations[1].sqref, "G2");
    assert_string_equal(s->validations[0].formula1, "\"On target,Late\"");
    assert_string_equal(s->validations[0].error_style, "warning");
    assert_string_equal(s->validations[0].prompt, "Pick a status");
    assert_true(s->validations[0].allow_blank);
    assert_false(s->validations[0].show_input);
    rag_workbook_free(wb);
}

static void test_cells_round_trip_in_memory(void **state)
{
    (void)state;
    write_all(RAG_WRITE_NORMAL);
    check_all();
}

static void test_cells_round_trip_streaming(void **state)
{
    (void)state;
    write_all(RAG_WRITE_STREAMING);
    check_all();
}

static void test_cells_very_hidden_sheet_stays_very_hidden(void **state)
{
    rag_writer *w;
    rag_wsheet *a, *b;
    rag_workbook *wb = NULL;
    (void)state;

    /* The copy marks a sheet that was very hidden in its input: the
     * fix-ups make it so (libxlsxwriter writes it hidden). */
    assert_int_equal(rag_writer_open(path, NULL, &w, NULL), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "Shown", &a, NULL), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "Secret", &b, NULL), RAG_OK);
    assert_int_equal(rag_wsheet_write_number(b, 0, 0, 1, RAG_WSTYLE_NONE,
                                             NULL), RAG_OK);
    rag_wsheet_hide(b);
    b->very_hidden = true;
    rag_wsheet_activate(b); /* a hidden sheet cannot be the active one */
    assert_int_equal(rag_writer_close(w, NULL), RAG_OK);
    assert_int_equal(rag_workbook_open(path, NULL, &wb, NULL), RAG_OK);
    assert_int_equal(wb->sheets[0].state, RAG_SHEET_VISIBLE);
    assert_int_equal(wb->sheets[1].state, RAG_SHEET_VERY_HIDDEN);
    assert_int_equal(wb->active_sheet, 0);
    rag_workbook_free(wb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells_round_trip_in_memory),
        cmocka_unit_test(test_cells_round_trip_streaming),
        cmocka_unit_test(test_cells_very_hidden_sheet_stays_very_hidden),
    };
    return cmocka_run_group_tests_name("write_cells", tests, setup, teardown);
}
