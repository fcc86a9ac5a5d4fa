/*
 * Paged sheets (src/read/pages.h): a sheet read into a scratch file and
 * back a block at a time must read as the same sheet loaded, cell for
 * cell, and give the same plans, findings and converted workbook.  Every
 * workbook here is paged with blocks of a few cells, so the cache turns
 * over all the time: a caller that kept a row's pointer too long reads
 * freed memory, which the sanitizer build names.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#include "ragbook/convert.h"
#include "ragbook/grid.h"
#include "ragbook/model.h"
#include "ragbook/validate.h"
#include "read/pages.h"

/* blocks of this many cells (a tracker row is one to three blocks), and
 * one block held at a time: whatever keeps a cell pointer while it reads
 * another row reads freed memory, which the sanitizer build names */
#define TINY_BLOCK 7
#define TINY_CACHE 1

static char dir[64];

static const char *in_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rag-pages-XXXXXX");
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
    rg_pages_tune(0, 0, 0);
    return rmdir(dir);
}

/* ---- the workbooks walked ---------------------------------------------- */

typedef struct list {
    char **path;
    size_t count, cap;
} list;

static void add(list *l, const char *path)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->path = realloc(l->path, l->cap * sizeof *l->path);
        assert_non_null(l->path);
    }
    l->path[l->count] = strdup(path);
    assert_non_null(l->path[l->count]);
    l->count++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .xlsx files of folder, every `step`th in name order. */
static void add_dir(list *l, const char *folder, size_t step)
{
    DIR *d = opendir(folder);
    struct dirent *e;
    list all = {0};
    size_t i, n;
    char path[1024];

    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        n = strlen(e->d_name);
        if (n > 5 && !strcmp(e->d_name + n - 5, ".xlsx")) {
            snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
            add(&all, path);
        }
    }
    closedir(d);
    assert_true(all.count > 0);
    qsort(all.path, all.count, sizeof *all.path, by_name);
    for (i = 0; i < all.count; i++) {
        if (i % step == 0)
            add(l, all.path[i]);
        free(all.path[i]);
    }
    free(all.path);
}

static void list_free(list *l)
{
    size_t i;
    for (i = 0; i < l->count; i++)
        free(l->path[i]);
    free(l->path);
}

/* The fixtures, the samples, the crafted workbooks and a fifth of the
 * corpus (every fifth by name: some 250 workbooks of every writer). */
static void workbooks(list *l)
{
    add_dir(l, shared_path("fixtures"), 1);
    add_dir(l, RAG_SOURCE_DIR "/samples", 1);
    add_dir(l, shared_path("corpus/files"), 5);
}

/* ---- cell for cell ---------------------------------------------------- */

static void same_cell(const rag_cell *a, const rag_cell *b, const char *path)
{
    if (a->row != b->row || a->col != b->col || a->type != b->type ||
        a->style != b->style || !a->formula != !b->formula ||
        (a->type != RAG_CELL_STRING && a->type != RAG_CELL_ERROR &&
         memcmp(&a->number, &b->number, sizeof a->number)) ||
        a->text_len != b->text_len ||
        (a->text_len && memcmp(a->text, b->text, a->text_len)) ||
        !a->rich != !b->rich ||
        (a->rich && a->rich->count != b->rich->count))
        fail_msg("%s: the paged cell at row %u col %u differs", path,
                 a->row + 1, a->col + 1);
}

/* Every row of every sheet of path, loaded and paged, top to bottom and
 * then bottom to top (each read of the second walk evicts a block). */
static size_t compare_rows(const char *path)
{
    rag_workbook *a = NULL, *b = NULL;
    rag_error err;
    size_t i, rows = 0;

    if (rag_workbook_read(path, NULL, &a, &err) != RAG_OK)
        return 0; /* unreadable: the reader's own tests say why */
    assert_int_equal(rg_workbook_read_paged(path, NULL, 1, &b, &err),
                     RAG_OK);
    for (i = 0; i < a->sheet_count; i++) {
        uint32_t r, *order = NULL;
        size_t n = 0, cap = 0, k;
        assert_true(rg_sheet_has_cells(b, i));
        for (r = rg_sheet_next_row(a, i, 0); r != UINT32_MAX;
             r = rg_sheet_next_row(a, i, r + 1)) {
            size_t na, nb, c;
            const rag_cell *ca = rg_sheet_row(a, i, r, &na);
            const rag_cell *cb = rg_sheet_row(b, i, r, &nb);
            assert_int_equal(rg_sheet_next_row(b, i, r), r);
            assert_int_equal(na, nb);
            for (c = 0; c < na; c++)
                same_cell(&ca[c], &cb[c], path);
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                order = realloc(order, cap * sizeof *order);
                assert_non_null(order);
            }
            order[n++] = r;
        }
        assert_int_equal(rg_sheet_next_row(b, i, n ? order[n - 1] + 1 : 0),
                         UINT32_MAX);
        for (k = n; k-- > 0;) {
            size_t nb, c;
            const rag_cell *cb = rg_sheet_row(b, i, order[k], &nb);
            assert_true(nb > 0);
            for (c = 0; c < nb; c++)
                assert_ptr_equal(rg_sheet_cell_at(b, i, order[k], cb[c].col),
                                 &cb[c]);
        }
        rows += n;
        free(order);
    }
    assert_true(rg_pages_ok(b));
    rag_workbook_free(a);
    rag_workbook_free(b);
    return rows;
}

static void test_paged_rows_read_as_loaded(void **state)
{
    list l = {0};
    size_t i, rows = 0;

    (void)state;
    NEED_SHARED();
    rg_pages_tune(TINY_BLOCK, TINY_CACHE, 0);
    workbooks(&l);
    for (i = 0; i < l.count; i++)
        rows += compare_rows(l.path[i]);
    print_message("%zu workbooks, %zu rows compared\n", l.count, rows);
    assert_true(rows > 10000);
    list_free(&l);
    rg_pages_tune(0, 0, 0);
}

/* ---- the same plans and findings ---------------------------------------- */

static char *model_json(const rag_workbook *wb, rag_findings **found)
{
    rag_model_options mo;
    rag_validate_options vo;
    rag_model *m = NULL;
    rag_error err;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_non_null(f);
    memset(&mo, 0, sizeof mo);
    mo.as_of.year = 2024;
    mo.as_of.month = 6;
    mo.as_of.day = 30;
    assert_int_equal(rag_model_build(wb, &mo, &m, &err), RAG_OK);
    assert_int_equal(rag_model_write_json(m, "x.xlsx", f, &err), RAG_OK);
    fclose(f);
    memset(&vo, 0, sizeof vo);
    vo.as_of = mo.as_of;
    assert_int_equal(rag_validate(m, &vo, found, &err), RAG_OK);
    rag_model_free(m);
    return text;
}

static void same_findings(const rag_findings *a, const rag_findings *b,
                          const char *path)
{
    size_t i;

    if (a->count != b->count)
        fail_msg("%s: %zu findings loaded, %zu paged", path, a->count,
                 b->count);
    for (i = 0; i < a->count; i++) {
        const rag_finding *x = &a->items[i], *y = &b->items[i];
        if (x->rule_id != y->rule_id || x->row != y->row ||
            x->col != y->col || strcmp(x->message, y->message))
            fail_msg("%s: finding %zu differs: '%s' and '%s'", path, i,
                     x->message, y->message);
    }
}

/* The workbooks of l loaded and paged give the same model and findings;
 * returns how many have a plan. */
static size_t compare_plans(const list *l)
{
    size_t i, plans = 0;

    rg_pages_tune(TINY_BLOCK, TINY_CACHE, 0);
    for (i = 0; i < l->count; i++) {
        rag_workbook *a = NULL, *b = NULL;
        rag_findings *fa = NULL, *fb = NULL;
        rag_error err;
        char *ja, *jb;
        if (rag_workbook_read(l->path[i], NULL, &a, &err) != RAG_OK)
            continue;
        assert_int_equal(rg_workbook_read_paged(l->path[i], NULL, 1, &b,
                                                &err),
                         RAG_OK);
        ja = model_json(a, &fa);
        jb = model_json(b, &fb);
        if (strcmp(ja, jb))
            fail_msg("%s: the model of the paged workbook differs",
                     l->path[i]);
        plans += strstr(ja, "\"kind\": ") != NULL;
        same_findings(fa, fb, l->path[i]);
        assert_true(rg_pages_ok(b));
        free(ja);
        free(jb);
        rag_findings_free(fa);
        rag_findings_free(fb);
        rag_workbook_free(a);
        rag_workbook_free(b);
    }
    rg_pages_tune(0, 0, 0);
    return plans;
}

static void test_paged_sheets_give_the_same_plans_and_findings(void **state)
{
    list l = {0};
    size_t plans;

    (void)state;
    NEED_SHARED();
    workbooks(&l);
    plans = compare_plans(&l);
    print_message("%zu workbooks, %zu with plans\n", l.count, plans);
    assert_true(plans >= 9);
    list_free(&l);
}

/* The generator's layouts (tests/gen): 120 workbooks of every family. */
static void test_paged_generated_layouts_give_the_same_plans(void **state)
{
    char cmd[1024], out[128];
    list l = {0};
    size_t plans;
    int rc;

    (void)state;
    snprintf(out, sizeof out, "%s/gen", dir);
    snprintf(cmd, sizeof cmd,
             "'%s' '%s/tests/gen/gen.py' --seed 21 --count 120 "
             "--libreoffice 0 --out '%s' >/dev/null",
             RAG_PYTHON, RAG_SOURCE_DIR, out);
    rc = system(cmd);
    if (rc != 0) {
        if (ci_set())
            fail_msg("the generator did not run (%d): %s", rc, cmd);
        print_message("SKIP: the generator did not run: %s\n", cmd);
        skip();
    }
    add_dir(&l, out, 1);
    plans = compare_plans(&l);
    print_message("%zu generated workbooks, %zu with plans\n", l.count,
                  plans);
    assert_true(plans >= 100);
    list_free(&l);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    assert_int_equal(system(cmd), 0);
}

/* ---- the same converted workbook ----------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long n;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    data = malloc((size_t)n);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return data;
}

static void test_paged_convert_gives_the_same_bytes(void **state)
{
    list l = {0};
    size_t i, done = 0;

    (void)state;
    NEED_SHARED();
    add_dir(&l, shared_path("fixtures"), 1);
    add_dir(&l, RAG_SOURCE_DIR "/samples", 1);
    for (i = 0; i < l.count; i++) {
        rag_convert_options o;
        rag_error err;
        char *x, *y, first[256];
        size_t nx, ny;
        memset(&o, 0, sizeof o);
        o.model.as_of.year = 2024;
        o.model.as_of.month = 6;
        o.model.as_of.day = 30;
        o.created = 1700000000;
        rg_pages_tune(0, 0, 0);
        if (rag_convert(l.path[i], in_dir("loaded.xlsx"), &o, NULL, &err) !=
            RAG_OK)
            continue;
        rg_pages_tune(TINY_BLOCK, TINY_CACHE, 1);
        assert_int_equal(rag_convert(l.path[i], in_dir("paged.xlsx"), &o,
                                     NULL, &err),
                         RAG_OK);
        x = slurp(in_dir("loaded.xlsx"), &nx);
        y = slurp(in_dir("paged.xlsx"), &ny);
        if (nx != ny || memcmp(x, y, nx))
            fail_msg("%s: converted paged, the workbook differs", l.path[i]);
        free(x);
        free(y);
        /* converted again: convert's own cells are masked (view.c) */
        snprintf(first, sizeof first, "%s", in_dir("loaded.xlsx"));
        rg_pages_tune(0, 0, 0);
        assert_int_equal(rag_convert(first, in_dir("again-loaded.xlsx"), &o,
                                     NULL, &err),
                         RAG_OK);
        rg_pages_tune(TINY_BLOCK, TINY_CACHE, 1);
        assert_int_equal(rag_convert(first, in_dir("again-paged.xlsx"), &o,
                                     NULL, &err),
                         RAG_OK);
        x = slurp(in_dir("again-loaded.xlsx"), &nx);
        y = slurp(in_dir("again-paged.xlsx"), &ny);
        if (nx != ny || memcmp(x, y, nx))
            fail_msg("%s: converted twice, paged, the workbook differs",
                     l.path[i]);
        free(x);
        free(y);
        done++;
    }
    assert_true(done >= 8);
    list_free(&l);
    rg_pages_tune(0, 0, 0);
}

/* ---- faults ------------------------------------------------------------------ */

/* The scratch file cannot be made: one error that says where, no output. */
static void test_paged_convert_without_a_tmpdir_fails_whole(void **state)
{
    rag_error err;
    char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
    struct stat st;

    (void)state;
    NEED_SHARED();
    rag_error_clear(&err);
    rg_pages_tune(0, 0, 1);
    setenv("TMPDIR", "/nonexistent/ragbook-pages", 1);
    assert_int_equal(rag_convert(shared_path("fixtures/"
                                             "wm8-improvement-tracker.xlsx"),
                                 in_dir("out.xlsx"), NULL, NULL, &err),
                     RAG_ERR_IO);
    if (old)
        setenv("TMPDIR", old, 1);
    else
        unsetenv("TMPDIR");
    free(old);
    rg_pages_tune(0, 0, 0);
    assert_non_null(strstr(err.message, "temporary file of a large sheet"));
    assert_non_null(strstr(err.message, "/nonexistent/ragbook-pages"));
    assert_string_equal(err.sheet, "WM8 Progress");
    assert_int_equal(stat(in_dir("out.xlsx"), &st), -1);
    assert_int_equal(errno, ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paged_rows_read_as_loaded),
        cmocka_unit_test(test_paged_sheets_give_the_same_plans_and_findings),
        cmocka_unit_test(test_paged_generated_layouts_give_the_same_plans),
        cmocka_unit_test(test_paged_convert_gives_the_same_bytes),
        cmocka_unit_test(test_paged_convert_without_a_tmpdir_fails_whole),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
