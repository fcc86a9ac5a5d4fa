/* Copying input sheets: the fixtures copied in both memory modes and read
 * back cell by cell; the hooks convert builds on; the same bytes twice;
 * and a 200,000-row workbook copied in memory that does not grow with its
 * rows. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "support.h"
#include "ragbook/ragbook.h"

static char dir[64];

static const char *in_dir(const char *name)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rag-wcopy-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    const char *names[] = {"copy.xlsx", "again.xlsx", "hooks.xlsx",
                           "big.xlsx", "big-copy.xlsx", "small.xlsx",
                           "small-copy.xlsx"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(in_dir(names[i]));
    return rmdir(dir);
}

static rag_status copy_file(const char *in, const char *out,
                            rag_write_mode mode, const rag_copy_hooks *hooks,
                            size_t *losses)
{
    rag_workbook *wb = NULL;
    rag_write_options o;
    rag_writer *w;
    rag_error err;
    rag_status st;
    int k;

    rag_error_clear(&err);
    st = rag_workbook_open(in, NULL, &wb, &err);
    if (st != RAG_OK)
        return st;
    memset(&o, 0, sizeof o);
    o.mode = mode;
    o.inputs = &in;
    o.input_count = 1;
    st = rag_writer_open(out, &o, &w, &err);
    if (st == RAG_OK) {
        st = rag_writer_copy_workbook(w, wb, hooks, &err);
        if (st == RAG_OK) {
            if (losses)
                for (k = 0; k < RAG_LOSS_COUNT; k++)
                    losses[k] = rag_writer_losses(w, (rag_loss)k);
            st = rag_writer_close(w, &err);
        } else {
            rag_writer_abort(w);
        }
    }
    if (st != RAG_OK)
        print_error("copy %s: %s\n", in, err.message);
    rag_workbook_free(wb);
    return st;
}

/* Column width as Excel draws it, in pixels. */
static long pixels(double width)
{
    return (long)floor(7 * width + 128.0 / 7 / 256 * 7);
}

static void same_style(const rag_style *a, const rag_style *b)
{
    assert_int_equal(a->pattern == RAG_PATTERN_SOLID && a->fill_fg !=
                         RAG_NO_COLOR ? a->fill_fg : RAG_NO_COLOR,
                     b->pattern == RAG_PATTERN_SOLID && b->fill_fg !=
                         RAG_NO_COLOR ? b->fill_fg : RAG_NO_COLOR);
    assert_int_equal(a->font.bold, b->font.bold);
    assert_int_equal(a->font.italic, b->font.italic);
    assert_int_equal(a->halign, b->halign);
    assert_int_equal(a->valign, b->valign);
    assert_int_equal(a->wrap, b->wrap);
    assert_int_equal(a->left.style, b->left.style);
    assert_int_equal(a->bottom.style, b->bottom.style);
    assert_true(a->font.size == b->font.size || !a->font.size);
    if (a->numfmt || b->numfmt)
        assert_string_equal(a->numfmt ? a->numfmt : "General",
                            b->numfmt ? b->numfmt : "General");
}

/* Everything ragbook reads of a sheet, the same in a and b. */
static void same_sheet(const rag_workbook *wa, const rag_sheet *a,
                       const rag_workbook *wb, const rag_sheet *b)
{
    size_t i, j;

    assert_string_equal(a->name, b->name);
    assert_int_equal(a->state, b->state);
    for (i = 0; i < a->cell_count; i++) {
        const rag_cell *x = &a->cells[i];
        const rag_cell *y = rag_sheet_cell(b, x->row, x->col);
        if (x->type == RAG_CELL_BLANK && !x->formula &&
            rag_cell_style(wa, x)->pattern == RAG_PATTERN_NONE && !y)
            continue;
        assert_non_null(y);
        assert_int_equal(x->type, y->type);
        if (x->type == RAG_CELL_STRING || x->type == RAG_CELL_ERROR) {
            assert_int_equal(x->text_len, y->text_len);
            assert_memory_equal(x->text, y->text, x->text_len);
        } else {
            assert_true(x->number == y->number);
        }
        if (x->formula)
            assert_string_equal(x->formula, y->formula);
        same_style(rag_cell_style(wa, x), rag_cell_style(wb, y));
    }
    assert_int_equal(a->merge_count, b->merge_count);
    for (i = 0; i < a->merge_count; i++)
        assert_memory_equal(&a->merges[i], &b->merges[i], sizeof a->merges[i]);
    for (i = 0; i < a->row_count; i++) {
        const rag_row_info *r = &a->rows[i];
        for (j = 0; j < b->row_count && b->rows[j].row != r->row; j++)
            ;
        if (!r->custom_height && !r->hidden)
            continue;
        assert_true(j < b->row_count);
        assert_int_equal(r->hidden, b->rows[j].hidden);
        if (r->custom_height)
            assert_true(fabs(r->height - b->rows[j].height) < 0.01);
    }
    for (i = 0; i < a->col_count; i++) {
        const rag_col_info *c = &a->cols[i];
        for (j = 0; j < b->col_count && b->cols[j].first != c->first; j++)
            ;
        if (!c->width && !c->hidden)
            continue;
        assert_true(j < b->col_count);
        assert_int_equal(c->last, b->cols[j].last);
        assert_int_equal(c->hidden, b->cols[j].hidden);
        if (c->width)
            assert_int_equal(pixels(c->width), pixels(b->cols[j].width));
    }
    assert_int_equal(a->freeze_rows, b->freeze_rows);
    assert_int_equal(a->freeze_cols, b->freeze_cols);
    assert_int_equal(a->tab_color, b->tab_color);
    assert_int_equal(a->show_grid_lines, b->show_grid_lines);
    if (a->autofilter)
        assert_string_equal(a->autofilter, b->autofilter);
    assert_int_equal(a->validation_count, b->validation_count);
    assert_int_equal(a->link_count, b->link_count);
    assert_int_equal(a->page.landscape, b->page.landscape);
    assert_int_equal(a->page.fit_to_page, b->page.fit_to_page);
}

static void copy_and_compare(const char *fixture, rag_write_mode mode)
{
    rag_workbook *a = NULL, *b = NULL;
    size_t i;

    assert_int_equal(copy_file(shared_path(fixture), in_dir("copy.xlsx"),
                               mode, NULL, NULL),
                     RAG_OK);
    assert_int_equal(rag_workbook_read(shared_path(fixture), NULL, &a, NULL),
                     RAG_OK);
    assert_int_equal(rag_workbook_read(in_dir("copy.xlsx"), NULL, &b, NULL),
                     RAG_OK);
    assert_int_equal(a->sheet_count, b->sheet_count);
    for (i = 0; i < a->sheet_count; i++)
        same_sheet(a, &a->sheets[i], b, &b->sheets[i]);
    assert_int_equal(a->active_sheet, b->active_sheet);
    rag_workbook_free(a);
    rag_workbook_free(b);
}

static const char *const fixtures[] = {
    "fixtures/wm8-improvement-tracker.xlsx",
    "fixtures/wm8-improvement-tracker-libreoffice.xlsx",
    "fixtures/benefits-action-plan.xlsx",
    "fixtures/pi-action-plans-q2.xlsx",
    "fixtures/deficit-recovery-frb-23-007.xlsx",
};

static void test_copy_fixtures_read_back_the_same(void **state)
{
    size_t i;
    (void)state;
    NEED_SHARED();
    for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        print_message("  %s\n", fixtures[i]);
        copy_and_compare(fixtures[i], RAG_WRITE_NORMAL);
        copy_and_compare(fixtures[i], RAG_WRITE_STREAMING);
    }
}

static bool same_bytes(const char *p, const char *q)
{
    FILE *a = fopen(p, "rb"), *b = fopen(q, "rb");
    int ca, cb;
    bool same = a && b;
    while (same) {
        ca = getc(a);
        cb = getc(b);
        same = ca == cb;
        if (ca == EOF)
            break;
    }
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    return same;
}

static void test_copy_twice_gives_the_same_bytes(void **state)
{
    size_t i;
    (void)state;
    NEED_SHARED();
    for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        assert_int_equal(copy_file(shared_path(fixtures[i]),
                                   in_dir("copy.xlsx"), RAG_WRITE_AUTO, NULL,
                                   NULL), RAG_OK);
        sleep(i == 0); /* once: a clock in the file would show */
        assert_int_equal(copy_file(shared_path(fixtures[i]),
                                   in_dir("again.xlsx"), RAG_WRITE_AUTO,
                                   NULL, NULL), RAG_OK);
        assert_true(same_bytes(in_dir("copy.xlsx"), in_dir("again.xlsx")));
    }
}

/* ---- hooks ---------------------------------------------------------- */

typedef struct hook_ctx {
    rag_writer *w;
    size_t cells, rows, sheets;
    uint32_t last_row;
} hook_ctx;

/* Colour every number cell green, as convert colours status cells. */
static rag_status hook_cell(void *ctx, rag_wsheet *out, const rag_sheet *in,
                            rag_copy_cell *c, rag_error *err)
{
    hook_ctx *h = ctx;
    rag_style st;
    (void)out;
    (void)in;
    h->cells++;
    if (c->cell.type != RAG_CELL_NUMBER)
        return RAG_OK;
    st = *rag_writer_style_get(h->w, c->style);
    st.pattern = RAG_PATTERN_SOLID;
    st.fill_fg = 0x00B050;
    return rag_writer_style(h->w, &st, &c->style, err);
}

/* A computed column right of the sheet, in every row as it is done. */
static rag_status hook_row(void *ctx, rag_wsheet *out, const rag_sheet *in,
                           uint32_t row, rag_error *err)
{
    hook_ctx *h = ctx;
    h->rows++;
    h->last_row = row;
    return rag_wsheet_write_number(out, row, in->used.last_col + 2, row + 1,
                                   RAG_WSTYLE_NONE, err);
}

static rag_status hook_sheet(void *ctx, rag_wsheet *out, const rag_sheet *in,
                             rag_error *err)
{
    hook_ctx *h = ctx;
    rag_validation v;
    h->sheets++;
    memset(&v, 0, sizeof v);
    v.range = (rag_range){0, in->used.last_col + 3, 9, in->used.last_col + 3};
    v.type = "list";
    v.formula1 = "\"Red,Amber,Green\"";
    return rag_wsheet_add_validation(out, &v, err);
}

static void hooks_in_mode(rag_write_mode mode)
{
    const char *in = shared_path(fixtures[0]);
    rag_workbook *wb = NULL, *orig = NULL;
    rag_write_options o;
    rag_writer *w;
    hook_ctx h;
    rag_copy_hooks hooks = {&h, hook_cell, hook_row, hook_sheet};
    const rag_sheet *s, *os;
    size_t i;

    memset(&h, 0, sizeof h);
    assert_int_equal(rag_workbook_open(in, NULL, &wb, NULL), RAG_OK);
    memset(&o, 0, sizeof o);
    o.mode = mode;
    assert_int_equal(rag_writer_open(in_dir("hooks.xlsx"), &o, &w, NULL),
                     RAG_OK);
    h.w = w;
    assert_int_equal(rag_writer_copy_workbook(w, wb, &hooks, NULL), RAG_OK);
    assert_int_equal(rag_writer_close(w, NULL), RAG_OK);
    rag_workbook_free(wb);
    assert_true(h.cells > 0);
    assert_true(h.rows > 0);
    assert_int_equal(h.sheets, 1);

    assert_int_equal(rag_workbook_read(in, NULL, &orig, NULL), RAG_OK);
    assert_int_equal(rag_workbook_read(in_dir("hooks.xlsx"), NULL, &wb, NULL),
                     RAG_OK);
    s = &wb->sheets[0];
    os = &orig->sheets[0];
    for (i = 0; i < os->cell_count; i++) {
        const rag_cell *x = &os->cells[i];
        const rag_cell *y = rag_sheet_cell(s, x->row, x->col);
        if (x->type != RAG_CELL_NUMBER)
            continue;
        assert_non_null(y);
        assert_int_equal(rag_cell_style(wb, y)->fill_fg, 0x00B050);
    }
    {
        const rag_cell *y = rag_sheet_cell(s, h.last_row,
                                           os->used.last_col + 2);
        assert_non_null(y);
        assert_true(y->number == h.last_row + 1);
    }
    assert_int_equal(s->validation_count, os->validation_count + 1);
    rag_workbook_free(wb);
    rag_workbook_free(orig);
}

static void test_copy_hooks_recolour_add_columns_and_lists(void **state)
{
    (void)state;
    NEED_SHARED();
    hooks_in_mode(RAG_WRITE_NORMAL);
    hooks_in_mode(RAG_WRITE_STREAMING);
}

static void test_copy_auto_mode_streams_large_workbooks(void **state)
{
    rag_writer *w;
    rag_wsheet *ws;
    (void)state;

    assert_int_equal(rag_writer_open(in_dir("copy.xlsx"), NULL, &w, NULL),
                     RAG_OK);
    assert_int_equal(rag_writer_mode(w), RAG_WRITE_AUTO);
    rag_writer_expect_cells(w, RAG_WRITE_STREAMING_CELLS + 1);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    assert_int_equal(rag_writer_mode(w), RAG_WRITE_STREAMING);
    rag_writer_abort(w);
    assert_int_equal(rag_writer_open(in_dir("copy.xlsx"), NULL, &w, NULL),
                     RAG_OK);
    rag_writer_expect_cells(w, 1000);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    assert_int_equal(rag_writer_mode(w), RAG_WRITE_NORMAL);
    rag_writer_abort(w);
}

/* ---- memory ---------------------------------------------------------- */

/* A tracker-like workbook of `rows` rows, written in constant memory. */
static void make_big(const char *path, uint32_t rows)
{
    static const char *status[] = {"On target", "Up to 1 month late",
                                   "Complete", "Suspended"};
    lxw_workbook_options o = {LXW_TRUE, NULL, LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &o);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Tracker");
    lxw_format *date = workbook_add_format(wb), *fill = workbook_add_format(wb);
    uint32_t r;
    char ref[32];

    format_set_num_format(date, "d mmmm yyyy");
    format_set_pattern(fill, LXW_PATTERN_SOLID);
    format_set_fg_color(fill, 0x92D050);
    worksheet_write_string(ws, 0, 0, "Ref", NULL);
    worksheet_write_string(ws, 0, 1, "Action", NULL);
    for (r = 1; r < rows; r++) {
        snprintf(ref, sizeof ref, "R%u", r);
        worksheet_write_string(ws, r, 0, ref, NULL);
        worksheet_write_string(ws, r, 1, status[r % 4], NULL);
        worksheet_write_number(ws, r, 2, 40000 + r % 3000, date);
        worksheet_write_number(ws, r, 3, r * 0.25, NULL);
        worksheet_write_blank(ws, r, 4, fill);
        snprintf(ref, sizeof ref, "D%u*2", r + 1);
        worksheet_write_formula_num(ws, r, 5, ref, NULL, r * 0.5);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* A line of /proc/self/status ("VmHWM", "VmRSS"), in KiB; -1 if none. */
static long status_kib(const char *field)
{
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    FILE *f = fopen("/proc/self/status", "r");

    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, n) && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return v;
}

/* Copy in this process; how much the peak resident set grew, in KiB, or
 * -1 when the kernel cannot reset the peak (/proc/self/clear_refs). */
static long copy_growth_kib(const char *in, const char *out,
                            rag_write_mode *mode)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    long before, peak;
    bool reset = f && fputs("5", f) >= 0;
    rag_workbook *wb = NULL;
    rag_writer *w;

    if (f)
        reset = (fclose(f) == 0) && reset;
    before = status_kib("VmRSS");
    assert_int_equal(rag_workbook_open(in, NULL, &wb, NULL), RAG_OK);
    assert_int_equal(rag_writer_open(out, NULL, &w, NULL), RAG_OK);
    assert_int_equal(rag_writer_copy_workbook(w, wb, NULL, NULL), RAG_OK);
    *mode = rag_writer_mode(w);
    assert_int_equal(rag_writer_close(w, NULL), RAG_OK);
    rag_workbook_free(wb);
    peak = status_kib("VmHWM");
    return reset && before >= 0 && peak >= 0 ? peak - before : -1;
}

static void test_copy_200000_rows_in_flat_memory(void **state)
{
    long small, big;
    rag_write_mode small_mode, big_mode;
    rag_workbook *wb = NULL;
    const rag_cell *c;
    (void)state;

    make_big(in_dir("small.xlsx"), 20000);
    make_big(in_dir("big.xlsx"), 200000);
    /* the large one first: the small one's freed heap would hide it */
    big = copy_growth_kib(in_dir("big.xlsx"), in_dir("big-copy.xlsx"),
                          &big_mode);
    small = copy_growth_kib(in_dir("small.xlsx"), in_dir("small-copy.xlsx"),
                            &small_mode);
    print_message("  memory the copy took: 20,000 rows %ld KiB (%s), "
                  "200,000 rows %ld KiB (%s)\n", small,
                  small_mode == RAG_WRITE_STREAMING ? "streaming" : "in memory",
                  big, big_mode == RAG_WRITE_STREAMING ? "streaming"
                                                       : "in memory");
    assert_int_equal(big_mode, RAG_WRITE_STREAMING);
#if !defined(__SANITIZE_ADDRESS__)
    /* Held in memory, the 1.2 million cells would take some 150 MB. */
    if (big >= 0)
        assert_true(big < 32 * 1024);
#endif
    assert_int_equal(rag_workbook_read(in_dir("big-copy.xlsx"), NULL, &wb,
                                       NULL), RAG_OK);
    assert_int_equal(wb->sheets[0].used.last_row, 199999);
    c = rag_sheet_cell(&wb->sheets[0], 199999, 5);
    assert_non_null(c);
    assert_string_equal(c->formula, "D200000*2");
    assert_true(c->number == 199999 * 0.5);
    c = rag_sheet_cell(&wb->sheets[0], 199999, 2);
    assert_int_equal(c->type, RAG_CELL_DATE);
    assert_int_equal(rag_cell_style(wb, rag_sheet_cell(&wb->sheets[0], 5,
                                                       4))->fill_fg,
                     0x92D050);
    rag_workbook_free(wb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_fixtures_read_back_the_same),
        cmocka_unit_test(test_copy_twice_gives_the_same_bytes),
        cmocka_unit_test(test_copy_hooks_recolour_add_columns_and_lists),
        cmocka_unit_test(test_copy_auto_mode_streams_large_workbooks),
        cmocka_unit_test(test_copy_200000_rows_in_flat_memory),
    };
    return cmocka_run_group_tests_name("write_copy", tests, setup, teardown);
}
