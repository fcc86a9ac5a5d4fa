/* convert and consolidate through the C API (include/ragbook/convert.h). */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"
#include "ragbook/ragbook.h"
#include "outputs/convert_impl.h"

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
    snprintf(dir, sizeof dir, "/tmp/rag-convert-XXXXXX");
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

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
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

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *fixture(const char *name)
{
    static char buf[4][4096];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s", shared_path(name));
    return buf[k];
}


/* ---- convert ------------------------------------------------------------ */

static void test_convert_tracker_reports_plans_and_findings(void **state)
{
    rag_convert_options o;
    rag_convert_report r;
    rag_error err;
    const char *out = in_dir("wm8.xlsx");
    rag_workbook *wb = NULL;
    (void)state;
    NEED_SHARED();
    memset(&o, 0, sizeof o);
    o.model.as_of.year = 2009;
    o.model.as_of.month = 9;
    o.model.as_of.day = 7;
    assert_int_equal(rag_convert(fixture("fixtures/wm8-improvement-tracker"
                                         ".xlsx"),
                                 out, &o, &r, &err),
                     RAG_OK);
    assert_int_equal(r.plans, 1);
    assert_int_equal(r.findings, 2); /* R2d and R2e: no R2 row */
    assert_int_equal(r.warnings, 2);
    assert_int_equal(r.as_of.year, 2009);
    assert_int_equal(rag_workbook_read(out, NULL, &wb, &err), RAG_OK);
    assert_int_equal(wb->sheet_count, 3);
    assert_string_equal(wb->sheets[0].name, "Summary");
    assert_string_equal(wb->sheets[1].name, "WM8 Progress");
    assert_string_equal(wb->sheets[2].name, "Issues");
    /* R1b, months April to December: codes from the key's own words
     * ("On target", "Over one month behind", "Programmed dates") */
    assert_string_equal(rag_sheet_cell(&wb->sheets[1], 16, 3)->text, "OT");
    assert_string_equal(rag_sheet_cell(&wb->sheets[1], 16, 8)->text, "OOM");
    assert_string_equal(rag_sheet_cell(&wb->sheets[1], 16, 9)->text, "PD");
    rag_workbook_free(wb);
    unlink(out);
}

static void test_convert_refuses_to_write_over_its_input(void **state)
{
    const char *copy = in_dir("in.xlsx");
    char *before, *after, *src;
    size_t n1, n2, n0;
    rag_error err;
    FILE *f;
    (void)state;
    NEED_SHARED();
    src = slurp(fixture("fixtures/pi-action-plans-q2.xlsx"), &n0);
    assert_non_null(src);
    f = fopen(copy, "wb");
    assert_non_null(f);
    fwrite(src, 1, n0, f);
    fclose(f);
    free(src);
    before = slurp(copy, &n1);
    assert_int_equal(rag_convert(copy, copy, NULL, NULL, &err),
                     RAG_ERR_USAGE);
    after = slurp(copy, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(before, after, n1);
    assert_int_equal(files_in_dir(), 1);
    free(before);
    free(after);
    unlink(copy);
}

static void test_convert_unreadable_input_leaves_nothing(void **state)
{
    const char *bad = in_dir("notes.xlsx"), *out = in_dir("out.xlsx");
    rag_error err;
    (void)state;
    rag_error_clear(&err);
    write_text(bad, "Ref,Action\nR1,Do it\n");
    assert_int_equal(rag_convert(bad, out, NULL, NULL, &err),
                     RAG_ERR_NOT_XLSX);
    assert_string_equal(err.file, bad);
    assert_false(exists(out));
    assert_int_equal(files_in_dir(), 1);
    unlink(bad);
}

static void test_convert_null_arguments_are_usage_errors(void **state)
{
    rag_error err;
    (void)state;
    assert_int_equal(rag_convert(NULL, "x.xlsx", NULL, NULL, &err),
                     RAG_ERR_USAGE);
    assert_int_equal(rag_convert("x.xlsx", NULL, NULL, NULL, NULL),
                     RAG_ERR_USAGE);
    assert_int_equal(rag_consolidate(NULL, 0, "x.xlsx", NULL, NULL, NULL,
                                     &err),
                     RAG_ERR_USAGE);
}

/* Every allocation ragbook makes while converting may fail: the call then
 * says so, and leaves no file behind. */
static void test_convert_alloc_failure_leaves_no_file(void **state)
{
    const char *out = in_dir("oom.xlsx");
    const char *in;
    long i, total, step;
    rag_error err;
    (void)state;
    NEED_SHARED();
    in = fixture("fixtures/deficit-recovery-frb-23-007.xlsx");
    rg_alloc_fail_after(LONG_MAX); /* count, never fail */
    assert_int_equal(rag_convert(in, out, NULL, NULL, &err), RAG_OK);
    total = rg_alloc_count();
    rg_alloc_fail_after(-1);
    unlink(out);
    assert_true(total > 100);
    /* convert now writes a side workbook and edits the input: a few
     * hundred failure points spread over every stage keep this test
     * under half a minute */
    step = total > 300 ? total / 300 : 1;
    for (i = 0; i < total; i += step) {
        rag_status st;
        rag_error_clear(&err);
        rg_alloc_fail_after(i);
        st = rag_convert(in, out, NULL, NULL, &err);
        rg_alloc_fail_after(-1);
        if (st == RAG_OK) {
            unlink(out);
            continue;
        }
        /* the writer's finishing pass (src/write/fixup.c) and minizip
         * (which allocates with malloc) report a failed allocation as an
         * I/O error */
        if (st != RAG_ERR_NOMEM)
            assert_int_equal(st, RAG_ERR_IO);
        assert_false(exists(out));
        assert_int_equal(files_in_dir(), 0);
    }
}

/* ---- consolidate --------------------------------------------------------- */

static void test_consolidate_goes_on_past_an_unreadable_input(void **state)
{
    const char *bad = in_dir("notes.xlsx"), *out = in_dir("finance.xlsx");
    const char *in[2];
    rag_error errs[2], err;
    rag_consolidate_report r;
    rag_workbook *wb = NULL;
    (void)state;
    NEED_SHARED();
    write_text(bad, "not a workbook\n");
    in[0] = fixture("fixtures/deficit-recovery-frb-23-007.xlsx");
    in[1] = bad;
    assert_int_equal(rag_consolidate(in, 2, out, NULL, errs, &r, &err),
                     RAG_OK);
    assert_int_equal(errs[0].status, RAG_OK);
    assert_int_equal(errs[1].status, RAG_ERR_NOT_XLSX);
    assert_int_equal(r.files_read, 1);
    assert_int_equal(r.files_unreadable, 1);
    assert_int_equal(r.plans, 1);
    assert_true(r.errors >= 2); /* file-unreadable, period-outside-year */
    assert_int_equal(rag_workbook_read(out, NULL, &wb, &err), RAG_OK);
    assert_int_equal(wb->sheet_count, 6);
    assert_string_equal(wb->sheets[0].name, "Summary");
    assert_string_equal(wb->sheets[1].name, "Recovery plans");
    assert_string_equal(wb->sheets[5].name, "Issues");
    /* the pressure in pounds: 399 in £'000 */
    assert_true(rag_sheet_cell(&wb->sheets[1], 1, 10)->number == 399000);
    rag_workbook_free(wb);
    unlink(out);
    unlink(bad);
}

/* The same plan twice (a folder of copies) and a workbook ragbook wrote
 * among the inputs: counted once, skipped, and every allocation of it may
 * fail without a crash, a leak or a file left behind. */
static void test_consolidate_counts_a_copy_once_and_skips_its_outputs(
    void **state)
{
    const char *out = in_dir("finance.xlsx"), *again = in_dir("again.xlsx");
    const char *in[4];
    rag_consolidate_report r;
    rag_error err;
    long i, total, step;
    (void)state;
    NEED_SHARED();
    in[0] = fixture("fixtures/benefits-action-plan.xlsx");
    in[1] = fixture("fixtures/wm8-improvement-tracker.xlsx");
    in[2] = fixture("fixtures/wm8-improvement-tracker-libreoffice.xlsx");
    in[3] = fixture("fixtures/benefits-action-plan.xlsx");
    assert_int_equal(rag_consolidate(in, 4, out, NULL, NULL, &r, &err),
                     RAG_OK);
    assert_int_equal(r.files_read, 4);
    assert_int_equal(r.plans, 2);
    assert_int_equal(r.duplicates, 2);
    /* last run's output read as an input: skipped, not a return */
    in[3] = out;
    rg_alloc_fail_after(LONG_MAX); /* count, never fail */
    assert_int_equal(rag_consolidate(in, 4, again, NULL, NULL, &r, &err),
                     RAG_OK);
    total = rg_alloc_count();
    rg_alloc_fail_after(-1);
    assert_int_equal(r.files_skipped, 1);
    assert_int_equal(r.files_read, 3);
    assert_int_equal(r.plans, 2);
    assert_int_equal(r.duplicates, 1);
    unlink(again);
    /* a few hundred failure points spread over every stage */
    step = total > 300 ? total / 300 : 1;
    for (i = 0; i < total; i += step) {
        rag_status st;
        rag_error_clear(&err);
        rg_alloc_fail_after(i);
        st = rag_consolidate(in, 4, again, NULL, NULL, NULL, &err);
        rg_alloc_fail_after(-1);
        if (st == RAG_OK) {
            unlink(again);
            continue;
        }
        if (st != RAG_ERR_NOMEM)
            assert_int_equal(st, RAG_ERR_IO);
        assert_false(exists(again));
    }
    unlink(out);
}

static void test_consolidate_gives_the_same_bytes_twice(void **state)
{
    const char *a = in_dir("a.xlsx"), *b = in_dir("b.xlsx");
    const char *in[2];
    char *x, *y;
    size_t nx, ny;
    rag_convert_options o;
    rag_error err;
    (void)state;
    NEED_SHARED();
    memset(&o, 0, sizeof o);
    o.model.as_of.year = 2024;
    o.model.as_of.month = 1;
    o.model.as_of.day = 15;
    in[0] = fixture("fixtures/deficit-recovery-frb-23-007.xlsx");
    in[1] = fixture("fixtures/pi-action-plans-q2.xlsx");
    assert_int_equal(rag_consolidate(in, 2, a, &o, NULL, NULL, &err), RAG_OK);
    assert_int_equal(rag_consolidate(in, 2, b, &o, NULL, NULL, &err), RAG_OK);
    x = slurp(a, &nx);
    y = slurp(b, &ny);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, nx);
    free(x);
    free(y);
    unlink(a);
    unlink(b);
}

/* Past a size the Summary and Issues are written streaming (convert.c):
 * the cells, their values and their looks are the ones the normal mode
 * writes, on every fixture and sample, though the bytes differ (styles
 * numbered in another order, no row spans). */
static void same_look(const rag_workbook *a, const rag_cell *x,
                      const rag_workbook *b, const rag_cell *y,
                      const char *where)
{
    const rag_style *s = rag_cell_style(a, x), *t = rag_cell_style(b, y);
    if (s->pattern != t->pattern || s->fill_fg != t->fill_fg ||
        s->font.bold != t->font.bold || s->font.color != t->font.color ||
        s->wrap != t->wrap ||
        strcmp(s->numfmt ? s->numfmt : "", t->numfmt ? t->numfmt : ""))
        fail_msg("%s row %u col %u: streamed, the cell looks different",
                 where, x->row + 1, x->col + 1);
}

static void test_convert_streamed_summary_has_the_same_cells(void **state)
{
    static const char *const inputs[] = {
        "fixtures/benefits-action-plan.xlsx",
        "fixtures/deficit-recovery-frb-23-007.xlsx",
        "fixtures/pi-action-plans-q2.xlsx",
        "fixtures/wm8-improvement-tracker.xlsx",
        "fixtures/wm8-improvement-tracker-libreoffice.xlsx",
    };
    size_t i, s, k, differ = 0;

    (void)state;
    NEED_SHARED();
    for (i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        rag_convert_options o;
        rag_workbook *a = NULL, *b = NULL;
        rag_error err;
        char normal[256], streamed[256];
        FILE *f, *g;
        int x = 0, y = 0;

        memset(&o, 0, sizeof o);
        o.model.as_of.year = 2024;
        o.model.as_of.month = 6;
        o.model.as_of.day = 30;
        o.created = 1700000000;
        snprintf(normal, sizeof normal, "%s", in_dir("normal.xlsx"));
        snprintf(streamed, sizeof streamed, "%s", in_dir("streamed.xlsx"));
        assert_int_equal(rag_convert(fixture(inputs[i]), normal, &o, NULL,
                                     &err),
                         RAG_OK);
        rg_cv_stream_from(1);
        assert_int_equal(rag_convert(fixture(inputs[i]), streamed, &o, NULL,
                                     &err),
                         RAG_OK);
        rg_cv_stream_from(0);
        f = fopen(normal, "rb");
        g = fopen(streamed, "rb");
        assert_non_null(f);
        assert_non_null(g);
        while (x == y && x != EOF) {
            x = getc(f);
            y = getc(g);
        }
        differ += x != y;
        fclose(f);
        fclose(g);
        assert_int_equal(rag_workbook_read(normal, NULL, &a, &err), RAG_OK);
        assert_int_equal(rag_workbook_read(streamed, NULL, &b, &err), RAG_OK);
        assert_int_equal(a->sheet_count, b->sheet_count);
        for (s = 0; s < a->sheet_count; s++) {
            const rag_sheet *p = &a->sheets[s], *q = &b->sheets[s];
            assert_string_equal(p->name, q->name);
            assert_int_equal(p->cell_count, q->cell_count);
            assert_int_equal(p->merge_count, q->merge_count);
            assert_int_equal(p->link_count, q->link_count);
            for (k = 0; k < p->cell_count; k++) {
                const rag_cell *c = &p->cells[k], *d = &q->cells[k];
                assert_int_equal(c->row, d->row);
                assert_int_equal(c->col, d->col);
                assert_int_equal(c->type, d->type);
                assert_true(c->number == d->number);
                assert_string_equal(c->text ? c->text : "",
                                    d->text ? d->text : "");
                assert_string_equal(c->formula ? c->formula : "",
                                    d->formula ? d->formula : "");
                same_look(a, c, b, d, inputs[i]);
            }
        }
        rag_workbook_free(a);
        rag_workbook_free(b);
        unlink(normal);
        unlink(streamed);
    }
    /* the streamed Summary and Issues are another writer's bytes */
    assert_int_equal(differ, sizeof inputs / sizeof *inputs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_convert_tracker_reports_plans_and_findings),
        cmocka_unit_test(test_convert_refuses_to_write_over_its_input),
        cmocka_unit_test(test_convert_unreadable_input_leaves_nothing),
        cmocka_unit_test(test_convert_null_arguments_are_usage_errors),
        cmocka_unit_test(test_convert_alloc_failure_leaves_no_file),
        cmocka_unit_test(test_convert_streamed_summary_has_the_same_cells),
        cmocka_unit_test(test_consolidate_goes_on_past_an_unreadable_input),
        cmocka_unit_test(
            test_consolidate_counts_a_copy_once_and_skips_its_outputs),
        cmocka_unit_test(test_consolidate_gives_the_same_bytes_twice),
    };
    return cmocka_run_group_tests_name("convert", tests, setup, teardown);
}
