/* The validation report workbook (src/write/report.c), read back with
 * ragbook's own reader. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_validate.h"
#include "ragbook/report.h"

static char dir[64];

static const char *in_dir(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", dir, name);
    return buf;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rag-report-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    (void)state;
    while (d && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            unlink(in_dir(e->d_name, path, sizeof path));
    if (d)
        closedir(d);
    return rmdir(dir);
}

static size_t files_in_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    while (d && (e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static rag_finding finding(const char *file, const char *sheet, uint32_t row,
                           rag_rule_id id, rag_severity s, const char *msg)
{
    rag_finding f;
    memset(&f, 0, sizeof f);
    f.file = file;
    f.sheet = sheet;
    f.has_cell = sheet != NULL;
    f.row = row;
    f.rule_id = id;
    f.rule = rag_rules(NULL)[id].name;
    f.severity = s;
    f.message = msg;
    return f;
}

/* Two files: b.xlsx (a warning and an error), a.xlsx (clean, one info),
 * c.xls unreadable. */
static rag_finding b_items[2], a_items[1], c_items[1];
static rag_findings b_list = {b_items, 2, NULL}, a_list = {a_items, 1, NULL},
                    c_list = {c_items, 1, NULL};

static void three_files(rag_report_file files[3])
{
    b_items[0] = finding("b.xlsx", "WM8 Progress", 16,
                         RAG_RULE_REF_ORPHAN, RAG_SEVERITY_WARNING,
                         "R2d belongs under R2, but the plan has no R2 row");
    b_items[0].ref = "R2d";
    b_items[1] = finding("b.xlsx", "FRB-23-007", 40,
                         RAG_RULE_PERIOD_OUTSIDE_YEAR, RAG_SEVERITY_ERROR,
                         "Q4 ends 2023-03-31, outside 2023/24");
    b_items[1].period = "Q4";
    b_items[1].sheet_index = 1;
    a_items[0] = finding("a.xlsx", "CP2", 3, RAG_RULE_PLAN_NOT_REQUIRED,
                         RAG_SEVERITY_INFO, "CP2 meets its target");
    c_items[0] = finding("c.xls", NULL, 0, RAG_RULE_FILE_UNREADABLE,
                         RAG_SEVERITY_ERROR,
                         "not an XLSX file: looks like a legacy .xls "
                         "workbook");
    memset(files, 0, 3 * sizeof files[0]);
    files[0].path = "b.xlsx";
    files[0].plan_count = 2;
    files[0].findings = &b_list;
    files[1].path = "a.xlsx";
    files[1].plan_count = 1;
    files[1].findings = &a_list;
    files[2].path = "c.xls";
    files[2].unreadable = true;
    files[2].reason = "not an XLSX file: looks like a legacy .xls workbook";
    files[2].findings = &c_list;
}

static const char *text_at(const rag_sheet *sh, uint32_t row, uint32_t col)
{
    const rag_cell *c = rag_sheet_cell(sh, row, col);
    if (!c)
        return "";
    return c->type == RAG_CELL_STRING ? c->text : "(not text)";
}

static double number_at(const rag_sheet *sh, uint32_t row, uint32_t col)
{
    const rag_cell *c = rag_sheet_cell(sh, row, col);
    assert_non_null(c);
    assert_int_equal(c->type, RAG_CELL_NUMBER);
    return c->number;
}

static uint32_t fill_at(const rag_workbook *wb, const rag_sheet *sh,
                        uint32_t row, uint32_t col)
{
    const rag_cell *c = rag_sheet_cell(sh, row, col);
    assert_non_null(c);
    return rag_cell_style(wb, c)->fill_fg;
}

static void test_report_has_files_and_findings_sheets(void **state)
{
    rag_report_file files[3];
    char out[256];
    rag_workbook *wb = NULL;
    rag_error err;
    const rag_sheet *fs, *ff;
    (void)state;

    three_files(files);
    in_dir("report.xlsx", out, sizeof out);
    rag_error_clear(&err);
    assert_int_equal(rag_report_write(out, files, 3, &err), RAG_OK);
    assert_int_equal(files_in_dir(), 1); /* no temporary file left */
    assert_int_equal(rag_workbook_read(out, NULL, &wb, &err), RAG_OK);
    assert_int_equal(wb->sheet_count, 2);
    fs = &wb->sheets[0];
    ff = &wb->sheets[1];
    assert_string_equal(fs->name, "Files");
    assert_string_equal(ff->name, "Findings");

    /* Files: sorted by name, the check's result in colour and in words
     * (not "RAG": that would read as the service's performance) */
    assert_string_equal(text_at(fs, 0, 0), "File");
    assert_string_equal(text_at(fs, 0, 5), "Check result");
    assert_string_equal(text_at(fs, 1, 0), "a.xlsx");
    assert_true(number_at(fs, 1, 1) == 1);
    assert_true(number_at(fs, 1, 4) == 1);
    assert_string_equal(text_at(fs, 1, 5), "Passed");
    assert_int_equal(fill_at(wb, fs, 1, 5), 0x00B050);
    assert_string_equal(text_at(fs, 2, 0), "b.xlsx");
    assert_true(number_at(fs, 2, 1) == 2);
    assert_true(number_at(fs, 2, 2) == 1);
    assert_true(number_at(fs, 2, 3) == 1);
    assert_string_equal(text_at(fs, 2, 5), "Errors to correct");
    assert_int_equal(fill_at(wb, fs, 2, 5), 0xFF0000);
    assert_string_equal(text_at(fs, 3, 0), "c.xls");
    assert_string_equal(text_at(fs, 3, 5), "Could not be read");
    assert_non_null(strstr(text_at(fs, 3, 6), "legacy .xls"));
    assert_int_equal(fs->freeze_rows, 1);
    assert_non_null(fs->autofilter);
    assert_string_equal(fs->autofilter, "A1:G4");

    /* Findings: the Issues rows of convert and consolidate (issues.c), by
     * file, then severity; coloured; the cell linked into its file */
    assert_string_equal(text_at(ff, 0, 4), "Message");
    assert_string_equal(text_at(ff, 1, 0), "a.xlsx");
    assert_string_equal(text_at(ff, 1, 3), "info");
    assert_string_equal(text_at(ff, 2, 0), "b.xlsx");
    assert_string_equal(text_at(ff, 2, 1), "FRB-23-007");
    assert_string_equal(text_at(ff, 2, 2), "A41");
    assert_string_equal(text_at(ff, 2, 5), "period-outside-year");
    assert_string_equal(text_at(ff, 2, 3), "error");
    assert_int_equal(fill_at(wb, ff, 2, 3), 0xFF0000);
    assert_string_equal(text_at(ff, 2, 7), "Q4");
    assert_string_equal(text_at(ff, 3, 3), "warning");
    assert_int_equal(fill_at(wb, ff, 3, 3), 0xFFC000);
    assert_string_equal(text_at(ff, 3, 6), "R2d");
    assert_string_equal(text_at(ff, 4, 0), "c.xls");
    assert_string_equal(text_at(ff, 4, 5), "file-unreadable");
    assert_int_equal(ff->freeze_rows, 1);
    assert_string_equal(ff->autofilter, "A1:H5");
    assert_int_equal(ff->link_count, 3); /* c.xls has no cell to link */
    {
        size_t i;
        bool found = false;
        for (i = 0; i < ff->link_count; i++) {
            const rag_hyperlink *l = &ff->links[i];
            if (l->range.first_row == 2) {
                found = true;
                assert_non_null(l->url);
                assert_non_null(strstr(l->url, "b.xlsx"));
                assert_non_null(l->location);
                assert_string_equal(l->location, "'FRB-23-007'!A41");
            }
        }
        assert_true(found);
    }
    rag_workbook_free(wb);
    unlink(out);
}

static void test_report_is_deterministic(void **state)
{
    rag_report_file files[3];
    char one[256], two[256];
    FILE *a, *b;
    int ca, cb;
    (void)state;

    three_files(files);
    in_dir("one.xlsx", one, sizeof one);
    in_dir("two.xlsx", two, sizeof two);
    assert_int_equal(rag_report_write(one, files, 3, NULL), RAG_OK);
    sleep(1);
    assert_int_equal(rag_report_write(two, files, 3, NULL), RAG_OK);
    a = fopen(one, "rb");
    b = fopen(two, "rb");
    assert_non_null(a);
    assert_non_null(b);
    do {
        ca = getc(a);
        cb = getc(b);
        assert_int_equal(ca, cb);
    } while (ca != EOF);
    fclose(a);
    fclose(b);
    unlink(one);
    unlink(two);
}

static void test_report_never_overwrites_an_input(void **state)
{
    rag_report_file files[1];
    char in[256];
    rag_error err;
    struct stat st;
    FILE *f;
    (void)state;

    in_dir("in.xlsx", in, sizeof in);
    f = fopen(in, "w");
    assert_non_null(f);
    fputs("input", f);
    fclose(f);
    memset(files, 0, sizeof files);
    files[0].path = in;
    rag_error_clear(&err);
    assert_int_equal(rag_report_write(in, files, 1, &err), RAG_ERR_USAGE);
    assert_non_null(strstr(err.message, "input"));
    assert_int_equal(stat(in, &st), 0);
    assert_int_equal(st.st_size, 5);
    assert_int_equal(files_in_dir(), 1);
    unlink(in);
}

static void test_report_gets_the_mode_of_a_new_file(void **state)
{
    rag_report_file files[3];
    char out[256];
    struct stat st;
    mode_t old = umask(022);
    (void)state;

    three_files(files);
    in_dir("mode.xlsx", out, sizeof out);
    assert_int_equal(rag_report_write(out, files, 3, NULL), RAG_OK);
    assert_int_equal(stat(out, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    umask(old);
    unlink(out);
}

static void test_report_to_a_missing_folder_fails_cleanly(void **state)
{
    rag_report_file files[3];
    char out[256];
    rag_error err;
    (void)state;

    three_files(files);
    in_dir("no/such/folder/r.xlsx", out, sizeof out);
    rag_error_clear(&err);
    assert_int_equal(rag_report_write(out, files, 3, &err), RAG_ERR_IO);
    assert_true(err.message[0] != '\0');
    assert_int_equal(files_in_dir(), 0);
}

static void test_report_with_no_files_is_still_a_workbook(void **state)
{
    char out[256];
    rag_workbook *wb = NULL;
    (void)state;

    in_dir("empty.xlsx", out, sizeof out);
    assert_int_equal(rag_report_write(out, NULL, 0, NULL), RAG_OK);
    assert_int_equal(rag_workbook_read(out, NULL, &wb, NULL), RAG_OK);
    assert_int_equal(wb->sheet_count, 2);
    rag_workbook_free(wb);
    unlink(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_has_files_and_findings_sheets),
        cmocka_unit_test(test_report_is_deterministic),
        cmocka_unit_test(test_report_never_overwrites_an_input),
        cmocka_unit_test(test_report_gets_the_mode_of_a_new_file),
        cmocka_unit_test(test_report_to_a_missing_folder_fails_cleanly),
        cmocka_unit_test(test_report_with_no_files_is_still_a_workbook),
    };
    return cmocka_run_group_tests_name("validate_report", tests, setup,
                                       teardown);
}
