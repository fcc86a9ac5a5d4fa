/* Names the writer passes to libxlsxwriter 1.1.4, which has overflow bugs
 * in sheet-name and define_name handling: checked and made safe first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "writer/writer.h"

static char path[64];

static int setup(void **state)
{
    int fd;
    (void)state;
    snprintf(path, sizeof path, "/tmp/rag-wnames-XXXXXX");
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

static rag_writer *open_writer(void)
{
    rag_writer *w = NULL;
    assert_int_equal(rag_writer_open(path, NULL, &w, NULL), RAG_OK);
    return w;
}

static void test_sheet_name_valid_follows_excel(void **state)
{
    static const struct {
        const char *name;
        bool valid;
    } cases[] = {
        {"Summary", true},
        {"WM8 Progress", true},
        {"It's mine", true},                       /* apostrophe inside */
        {"1234567890123456789012345678901", true}, /* 31 characters */
        {"12345678901234567890123456789012", false},
        /* 31 two-byte characters: 62 bytes, still 31 characters */
        {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
         "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
         "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
         "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", true},
        {"", false},
        {"'Quoted", false},
        {"Quoted'", false},
        {"Q1/Q2", false},
        {"A:B", false},
        {"[x]", false},
        {"what?", false},
        {"star*", false},
        {"back\\slash", false},
        {"tab\there", false},
        {"bad \xff utf8", false},
        {"overlong \xc0\xaf", false},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (rag_sheet_name_valid(cases[i].name) != cases[i].valid)
            fail_msg("'%s' should be %s", cases[i].name,
                     cases[i].valid ? "valid" : "invalid");
    }
    assert_false(rag_sheet_name_valid(NULL));
}

static void test_sheet_name_is_made_valid(void **state)
{
    static const struct {
        const char *in, *out;
        bool changed;
    } cases[] = {
        {"Summary", "Summary", false},
        {"Q1/Q2: [draft]", "Q1_Q2_ _draft_", true},
        {"'Quoted'", "Quoted", true},
        {"", "Sheet", true},
        {"''", "Sheet", true},
        {"1234567890123456789012345678901234567890",
         "1234567890123456789012345678901", true},
        /* cut at a character boundary: 30 ASCII, then a two-byte one */
        {"123456789012345678901234567890\xc3\xa9xyz",
         "123456789012345678901234567890\xc3\xa9", true},
        {"bad \xff byte", "bad _ byte", true},
    };
    rag_writer *w = open_writer();
    char buf[128];
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool changed = rag_writer_sheet_name(w, cases[i].in, buf, sizeof buf);
        assert_string_equal(buf, cases[i].out);
        assert_int_equal(changed, cases[i].changed);
        assert_true(rag_sheet_name_valid(buf));
    }
    assert_true(rag_writer_sheet_name(w, NULL, buf, sizeof buf));
    assert_string_equal(buf, "Sheet");
    rag_writer_abort(w);
}

static void test_sheet_name_taken_ignoring_case_gets_a_number(void **state)
{
    rag_writer *w = open_writer();
    rag_wsheet *ws;
    char buf[128];
    (void)state;

    assert_int_equal(rag_writer_add_sheet(w, "Summary", &ws, NULL), RAG_OK);
    assert_true(rag_writer_sheet_name(w, "SUMMARY", buf, sizeof buf));
    assert_string_equal(buf, "SUMMARY (2)");
    assert_int_equal(rag_writer_add_sheet(w, buf, &ws, NULL), RAG_OK);
    assert_true(rag_writer_sheet_name(w, "summary", buf, sizeof buf));
    assert_string_equal(buf, "summary (3)");
    /* A long name taken is cut to leave room for the number. */
    assert_int_equal(rag_writer_add_sheet(w, "1234567890123456789012345678901",
                                          &ws, NULL), RAG_OK);
    assert_true(rag_writer_sheet_name(w, "1234567890123456789012345678901",
                                      buf, sizeof buf));
    assert_string_equal(buf, "123456789012345678901234567 (2)");
    assert_true(rag_sheet_name_valid(buf));
    rag_writer_abort(w);
}

static void test_add_sheet_refuses_bad_and_taken_names(void **state)
{
    rag_writer *w = open_writer();
    rag_wsheet *ws = NULL;
    rag_error err;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(rag_writer_add_sheet(w, "a/b", &ws, &err), RAG_ERR_USAGE);
    assert_null(ws);
    assert_int_equal(rag_writer_add_sheet(w, "Issues", &ws, NULL), RAG_OK);
    assert_string_equal(rag_wsheet_name(ws), "Issues");
    rag_error_clear(&err);
    assert_int_equal(rag_writer_add_sheet(w, "issues", &ws, &err),
                     RAG_ERR_USAGE);
    assert_non_null(strstr(err.message, "already"));
    rag_writer_abort(w);
}

static lxw_defined_name *find_name(rag_writer *w, const char *name)
{
    lxw_defined_name *d;
    TAILQ_FOREACH(d, rag_writer_lxw(w)->defined_names, list_pointers)
        if (!strcmp(d->name, name))
            return d;
    return NULL;
}

static void test_defined_names_are_checked_before_libxlsxwriter(void **state)
{
    static const struct {
        const char *name, *formula;
        bool kept;
    } cases[] = {
        {"Totals", "Summary!$B$2:$B$9", true},
        {"_private", "1", true},
        {"\\back", "2", true},
        {"dotted.name_2", "3", true},
        {"A1", "4", false},        /* a cell reference */
        {"XFD1048576", "4", false},
        {"R1C1", "4", false},      /* an R1C1 reference */
        {"r", "4", false},
        {"1st", "4", false},       /* a leading digit */
        {"has space", "4", false},
        {"Totals", "5", false},    /* defined already */
        {"empty", "", false},
    };
    rag_writer *w = open_writer();
    rag_wsheet *ws;
    char longname[140], longformula[140];
    size_t i, lost = 0;
    (void)state;

    assert_int_equal(rag_writer_add_sheet(w, "Summary", &ws, NULL), RAG_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(rag_writer_define_name(w, NULL, cases[i].name,
                                                cases[i].formula, false,
                                                NULL),
                         RAG_OK);
        lost += !cases[i].kept;
        assert_int_equal(rag_writer_losses(w, RAG_LOSS_NAMES), lost);
    }
    assert_non_null(find_name(w, "Totals"));
    assert_string_equal(find_name(w, "Totals")->formula, "Summary!$B$2:$B$9");
    /* libxlsxwriter 1.1.4 keeps 127 bytes: longer is refused here. */
    memset(longname, 'n', 130);
    longname[130] = '\0';
    assert_int_equal(rag_writer_define_name(w, NULL, longname, "1", false,
                                            NULL), RAG_OK);
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_NAMES), ++lost);
    memset(longformula, '1', 130);
    longformula[130] = '\0';
    assert_int_equal(rag_writer_define_name(w, NULL, "LongFormula",
                                            longformula, false, NULL),
                     RAG_OK);
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_NAMES), ++lost);
    /* Local and hidden. */
    assert_int_equal(rag_writer_define_name(w, ws, "Totals", "=Summary!$A$1",
                                            true, NULL), RAG_OK);
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_NAMES), lost);
    {
        lxw_defined_name *d;
        int local = 0;
        TAILQ_FOREACH(d, rag_writer_lxw(w)->defined_names, list_pointers)
            if (!strcmp(d->name, "Totals") && d->index == 0) {
                local++;
                assert_true(d->hidden);
                assert_string_equal(d->formula, "Summary!$A$1");
            }
        assert_int_equal(local, 1);
    }
    rag_writer_abort(w);
}

static void test_print_titles_and_area_become_sheet_settings(void **state)
{
    rag_writer *w = open_writer();
    rag_wsheet *ws;
    lxw_worksheet *lws;
    (void)state;

    assert_int_equal(rag_writer_add_sheet(w, "WM8 Progress", &ws, NULL),
                     RAG_OK);
    lws = rag_wsheet_lxw(ws);
    assert_int_equal(rag_writer_define_name(w, ws, "_xlnm.Print_Titles",
                                            "'WM8 Progress'!$A:$B,"
                                            "'WM8 Progress'!$3:$4",
                                            false, NULL), RAG_OK);
    assert_true(lws->repeat_rows.in_use);
    assert_int_equal(lws->repeat_rows.first_row, 2);
    assert_int_equal(lws->repeat_rows.last_row, 3);
    assert_true(lws->repeat_cols.in_use);
    assert_int_equal(lws->repeat_cols.first_col, 0);
    assert_int_equal(lws->repeat_cols.last_col, 1);
    assert_int_equal(rag_writer_define_name(w, ws, "_xlnm.Print_Area",
                                            "'WM8 Progress'!$A$1:$P$60",
                                            false, NULL), RAG_OK);
    assert_true(lws->print_area.in_use);
    assert_int_equal(lws->print_area.last_row, 59);
    assert_int_equal(lws->print_area.last_col, 15);
    /* autofilter writes its own _FilterDatabase: not an extra name */
    assert_int_equal(rag_writer_define_name(w, ws, "_xlnm._FilterDatabase",
                                            "'WM8 Progress'!$A$1:$D$9", true,
                                            NULL), RAG_OK);
    assert_null(find_name(w, "_xlnm._FilterDatabase"));
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_NAMES), 0);
    rag_writer_abort(w);
}

static void test_defined_name_validity_table(void **state)
{
    (void)state;
    assert_true(wx_defined_name_valid("Totals"));
    assert_true(wx_defined_name_valid("Caf\xc3\xa9"));
    assert_false(wx_defined_name_valid("C"));
    assert_false(wx_defined_name_valid("R12C3"));
    assert_false(wx_defined_name_valid("AB12"));
    assert_false(wx_defined_name_valid("$A$1"));
    assert_false(wx_defined_name_valid(""));
    assert_false(wx_defined_name_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheet_name_valid_follows_excel),
        cmocka_unit_test(test_sheet_name_is_made_valid),
        cmocka_unit_test(test_sheet_name_taken_ignoring_case_gets_a_number),
        cmocka_unit_test(test_add_sheet_refuses_bad_and_taken_names),
        cmocka_unit_test(test_defined_names_are_checked_before_libxlsxwriter),
        cmocka_unit_test(test_print_titles_and_area_become_sheet_settings),
        cmocka_unit_test(test_defined_name_validity_table),
    };
    return cmocka_run_group_tests_name("write_names", tests, setup, teardown);
}
