/* The package editor through its public API (include/ragbook/edit.h):
 * cells changed and added read back through the reader, untouched entries
 * copied raw, styles appended and reused, names, lists, refusals, and
 * failing allocations. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"
#include "ragbook/ragbook.h"
#include "util/util.h"

static char dir[64];

static const char *in_dir(const char *name)
{
    static char buf[2][256];
    static int k;
    k ^= 1;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rag-edit-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    (void)state;
    while (d && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            unlink(in_dir(e->d_name));
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

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static const char *tracker(void)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s",
             shared_path("fixtures/wm8-improvement-tracker.xlsx"));
    return buf;
}

/* The edits every test below makes: B16's text replaced, a new cell far
 * right of row 15 and one in a row the sheet lacks, C16 filled red, a
 * drop-down list and a name. */
static rag_status edit_tracker(const char *out, uint32_t *red)
{
    rag_edit *e = NULL;
    rag_edit_cell c;
    rag_edit_restyle r;
    rag_validation v;
    rag_error err;
    rag_status st;
    long pos;

    st = rag_edit_open(tracker(), NULL, &e, &err);
    if (st != RAG_OK)
        return st;
    pos = rag_edit_sheet_find(e, "WM8 Progress");
    memset(&c, 0, sizeof c);
    c.row = 15;
    c.col = 1;
    c.value = RAG_EDIT_TEXT;
    c.text = "Changed <here> & there";
    c.style = -1;
    st = pos < 0 ? RAG_ERR_USAGE : rag_edit_set_cell(e, (size_t)pos, &c, &err);
    memset(&c, 0, sizeof c);
    c.row = 14;
    c.col = 40;
    c.value = RAG_EDIT_NUMBER;
    c.number = 42.5;
    c.style = -1;
    if (st == RAG_OK)
        st = rag_edit_set_cell(e, (size_t)pos, &c, &err);
    c.row = 5000;
    c.col = 2;
    c.value = RAG_EDIT_FORMULA;
    c.formula = "1+1";
    c.number = 2;
    if (st == RAG_OK)
        st = rag_edit_set_cell(e, (size_t)pos, &c, &err);
    memset(&r, 0, sizeof r);
    r.base = 0;
    r.changes = RAG_RESTYLE_FILL | RAG_RESTYLE_BOLD;
    r.fill = 0xFF0000;
    r.bold = true;
    if (st == RAG_OK)
        st = rag_edit_restyle_add(e, &r, red, &err);
    memset(&c, 0, sizeof c);
    c.row = 15;
    c.col = 2;
    c.value = RAG_EDIT_KEEP;
    c.style = (int64_t)*red;
    if (st == RAG_OK)
        st = rag_edit_set_cell(e, (size_t)pos, &c, &err);
    memset(&v, 0, sizeof v);
    v.sqref = "D16:D20";
    v.type = "list";
    v.formula1 = "\"GREEN,AMBER,RED\"";
    v.allow_blank = true;
    if (st == RAG_OK)
        st = rag_edit_add_validation(e, (size_t)pos, &v, &err);
    if (st == RAG_OK)
        st = rag_edit_define_name(e, NULL, "Checked", "'WM8 Progress'!$A$1",
                                  false, &err);
    if (st == RAG_OK)
        st = rag_edit_write(e, out, &err);
    rag_edit_free(e);
    return st;
}

static void test_edit_changes_read_back_and_others_stay(void **state)
{
    const char *out = in_dir("edited.xlsx");
    rag_workbook *in = NULL, *wb = NULL;
    const rag_cell *c;
    const rag_sheet *s, *s0;
    rag_error err;
    uint32_t red = 0;
    size_t i, n = 0;
    (void)state;
    NEED_SHARED();
    assert_int_equal(edit_tracker(out, &red), RAG_OK);
    assert_int_equal(rag_workbook_read(tracker(), NULL, &in, &err), RAG_OK);
    assert_int_equal(rag_workbook_read(out, NULL, &wb, &err), RAG_OK);
    s0 = &in->sheets[0];
    s = &wb->sheets[0];
    c = rag_sheet_cell(s, 15, 1);
    assert_non_null(c);
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_string_equal(c->text, "Changed <here> & there");
    c = rag_sheet_cell(s, 14, 40);
    assert_non_null(c);
    assert_true(c->number == 42.5);
    c = rag_sheet_cell(s, 5000, 2);
    assert_non_null(c);
    assert_string_equal(c->formula, "1+1");
    c = rag_sheet_cell(s, 15, 2);
    assert_non_null(c);
    assert_int_equal(c->style, red);
    assert_int_equal(rag_cell_style(wb, c)->fill_fg, 0xFF0000);
    assert_true(rag_cell_style(wb, c)->font.bold);
    /* the red format is new, after the input's */
    assert_true(red >= in->style_count);
    assert_int_equal(wb->style_count, in->style_count + 1);
    /* every other input cell is as it was */
    for (i = 0; i < s0->cell_count; i++) {
        const rag_cell *a = &s0->cells[i];
        const rag_cell *b = rag_sheet_cell(s, a->row, a->col);
        if (a->row == 15 && (a->col == 1 || a->col == 2))
            continue;
        assert_non_null(b);
        assert_int_equal(a->type, b->type);
        assert_int_equal(a->style, b->style);
        if (a->text)
            assert_memory_equal(a->text, b->text, a->text_len);
        n++;
    }
    assert_true(n > 100);
    assert_int_equal(s->validation_count, s0->validation_count + 1);
    assert_true(rag_workbook_sheet_index(wb, "WM8 Progress") == 0);
    for (i = 0, n = 0; i < wb->name_count; i++)
        n += !strcmp(wb->names[i].name, "Checked");
    assert_int_equal(n, 1);
    rag_workbook_free(in);
    rag_workbook_free(wb);
    unlink(out);
}

/* A change made after a write still wins over the changes before it: the
 * write merges its list of changes in place (edit/sheet.c), and a later
 * change must sort after what that left. */
static void set_text(rag_edit *e, uint32_t row, uint32_t col,
                     const char *text)
{
    rag_edit_cell c;
    rag_error err;
    memset(&c, 0, sizeof c);
    c.row = row;
    c.col = col;
    c.value = RAG_EDIT_TEXT;
    c.text = text;
    c.style = -1;
    assert_int_equal(rag_edit_set_cell(e, 0, &c, &err), RAG_OK);
}

static void test_edit_change_after_a_write_wins(void **state)
{
    char first[256], second[256];
    rag_edit *e = NULL;
    rag_workbook *wb = NULL;
    rag_error err;
    const rag_cell *c;
    (void)state;
    NEED_SHARED();
    snprintf(first, sizeof first, "%s", in_dir("first.xlsx"));
    snprintf(second, sizeof second, "%s", in_dir("second.xlsx"));
    assert_int_equal(rag_edit_open(tracker(), NULL, &e, &err), RAG_OK);
    set_text(e, 30, 1, "one");
    set_text(e, 30, 1, "two");
    set_text(e, 30, 1, "three");
    set_text(e, 30, 1, "four");
    set_text(e, 31, 1, "other");
    assert_int_equal(rag_edit_write(e, first, &err), RAG_OK);
    set_text(e, 30, 1, "five");
    assert_int_equal(rag_edit_write(e, second, &err), RAG_OK);
    rag_edit_free(e);
    assert_int_equal(rag_workbook_read(first, NULL, &wb, &err), RAG_OK);
    c = rag_sheet_cell(&wb->sheets[0], 30, 1);
    assert_non_null(c);
    assert_string_equal(c->text, "four");
    rag_workbook_free(wb);
    assert_int_equal(rag_workbook_read(second, NULL, &wb, &err), RAG_OK);
    c = rag_sheet_cell(&wb->sheets[0], 30, 1);
    assert_non_null(c);
    assert_string_equal(c->text, "five");
    c = rag_sheet_cell(&wb->sheets[0], 31, 1);
    assert_non_null(c);
    assert_string_equal(c->text, "other");
    rag_workbook_free(wb);
    unlink(first);
    unlink(second);
}

static void test_edit_copies_untouched_entries_raw(void **state)
{
    const char *out = in_dir("fates.xlsx");
    rag_edit *e = NULL;
    rag_edit_cell c;
    rag_error err;
    size_t i, copied = 0, patched = 0;
    (void)state;
    NEED_SHARED();
    assert_int_equal(rag_edit_open(tracker(), NULL, &e, &err), RAG_OK);
    memset(&c, 0, sizeof c);
    c.row = 2;
    c.col = 2;
    c.value = RAG_EDIT_KEEP;
    c.style = 0;
    assert_int_equal(rag_edit_set_cell(e, 0, &c, &err), RAG_OK);
    assert_int_equal(rag_edit_write(e, out, &err), RAG_OK);
    for (i = 0; i < rag_edit_part_count(e); i++) {
        const char *name = rag_edit_part_name(e, i);
        rag_edit_fate f = rag_edit_part_fate(e, i);
        if (!strcmp(name, rag_edit_sheet_part(e, 0))) {
            assert_int_equal(f, RAG_EDIT_PATCHED);
            patched++;
        } else {
            /* a style change only: nothing else is touched, calcChain
             * included */
            assert_int_equal(f, RAG_EDIT_COPIED);
            copied++;
        }
    }
    assert_int_equal(patched, 1);
    assert_true(copied >= 5);
    rag_edit_free(e);
    unlink(out);
}

static void test_edit_twice_gives_the_same_bytes(void **state)
{
    const char *a = in_dir("a.xlsx"), *b = in_dir("b.xlsx");
    char *x, *y;
    size_t nx, ny;
    uint32_t r1, r2;
    (void)state;
    NEED_SHARED();
    assert_int_equal(edit_tracker(a, &r1), RAG_OK);
    assert_int_equal(edit_tracker(b, &r2), RAG_OK);
    assert_int_equal(r1, r2);
    x = slurp(a, &nx);
    y = slurp(b, &ny);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, nx);
    free(x);
    free(y);
    unlink(a);
    unlink(b);
}

static void test_edit_restyle_reuses_an_equal_format(void **state)
{
    rag_edit *e = NULL;
    rag_edit_restyle r;
    rag_error err;
    uint32_t a, b, n;
    (void)state;
    NEED_SHARED();
    assert_int_equal(rag_edit_open(tracker(), NULL, &e, &err), RAG_OK);
    n = rag_edit_style_count(e);
    memset(&r, 0, sizeof r);
    r.base = 1;
    r.changes = RAG_RESTYLE_FILL;
    r.fill = 0x00B050;
    assert_int_equal(rag_edit_restyle_add(e, &r, &a, &err), RAG_OK);
    r.fill = 0x00B050;
    assert_int_equal(rag_edit_restyle_add(e, &r, &b, &err), RAG_OK);
    assert_int_equal(a, b);
    assert_int_equal(a, n);
    assert_int_equal(rag_edit_style_count(e), n + 1);
    r.base = n + 5; /* no such format */
    assert_int_equal(rag_edit_restyle_add(e, &r, &b, &err), RAG_ERR_USAGE);
    rag_edit_free(e);
}

static void test_edit_refuses_to_write_over_its_input(void **state)
{
    const char *copy = in_dir("input.xlsx");
    rag_edit *e = NULL;
    rag_error err;
    char *x;
    size_t n;
    FILE *f;
    (void)state;
    NEED_SHARED();
    x = slurp(tracker(), &n);
    assert_non_null(x);
    f = fopen(copy, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(x, 1, n, f), n);
    fclose(f);
    free(x);
    assert_int_equal(rag_edit_open(copy, NULL, &e, &err), RAG_OK);
    assert_int_equal(rag_edit_write(e, copy, &err), RAG_ERR_USAGE);
    assert_int_equal(rag_edit_write(e, dir, &err), RAG_ERR_USAGE);
    rag_edit_free(e);
    assert_int_equal(files_in_dir(), 1);
    unlink(copy);
}

static void test_edit_bad_calls_are_usage_errors(void **state)
{
    rag_edit *e = NULL;
    rag_edit_cell c;
    rag_hyperlink l;
    rag_error err;
    (void)state;
    NEED_SHARED();
    assert_int_equal(rag_edit_open(NULL, NULL, &e, &err), RAG_ERR_USAGE);
    assert_null(e);
    assert_int_equal(rag_edit_open(tracker(), NULL, &e, &err), RAG_OK);
    memset(&c, 0, sizeof c);
    c.value = RAG_EDIT_FORMULA; /* no formula */
    c.style = -1;
    assert_int_equal(rag_edit_set_cell(e, 0, &c, &err), RAG_ERR_USAGE);
    c.value = RAG_EDIT_NUMBER;
    assert_int_equal(rag_edit_set_cell(e, 99, &c, &err), RAG_ERR_USAGE);
    c.row = RAG_MAX_ROWS;
    assert_int_equal(rag_edit_set_cell(e, 0, &c, &err), RAG_ERR_USAGE);
    memset(&l, 0, sizeof l);
    l.url = "https://example.org/";
    assert_int_equal(rag_edit_add_link(e, 0, &l, &err), RAG_ERR_USAGE);
    assert_int_equal(rag_edit_define_name(e, "No such sheet", "x", "1",
                                          false, &err), RAG_ERR_USAGE);
    assert_int_equal(rag_edit_sheet_find(e, "wm8 progress"), 0);
    assert_int_equal(rag_edit_sheet_find(e, "Nope"), -1);
    rag_edit_free(e);
    rag_edit_free(NULL);
}

/* Every allocation the editor makes may fail: the call says so and
 * leaves no file behind. */
static void test_edit_alloc_failure_leaves_no_file(void **state)
{
    const char *out = in_dir("oom.xlsx");
    long i, total, step;
    uint32_t red;
    (void)state;
    NEED_SHARED();
    rg_alloc_fail_after(LONG_MAX);
    assert_int_equal(edit_tracker(out, &red), RAG_OK);
    total = rg_alloc_count();
    rg_alloc_fail_after(-1);
    unlink(out);
    step = total > 1500 ? total / 1500 : 1;
    for (i = 0; i < total; i += step) {
        rag_status st;
        rg_alloc_fail_after(i);
        st = edit_tracker(out, &red);
        rg_alloc_fail_after(-1);
        if (st == RAG_OK) {
            unlink(out);
            continue;
        }
        /* minizip allocates with malloc: its failures are not reached */
        assert_true(st == RAG_ERR_NOMEM || st == RAG_ERR_IO);
        assert_int_equal(files_in_dir(), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edit_changes_read_back_and_others_stay),
        cmocka_unit_test(test_edit_copies_untouched_entries_raw),
        cmocka_unit_test(test_edit_change_after_a_write_wins),
        cmocka_unit_test(test_edit_twice_gives_the_same_bytes),
        cmocka_unit_test(test_edit_restyle_reuses_an_equal_format),
        cmocka_unit_test(test_edit_refuses_to_write_over_its_input),
        cmocka_unit_test(test_edit_bad_calls_are_usage_errors),
        cmocka_unit_test(test_edit_alloc_failure_leaves_no_file),
    };
    return cmocka_run_group_tests_name("edit", tests, setup, teardown);
}
