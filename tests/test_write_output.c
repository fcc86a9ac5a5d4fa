/* Atomic output: a temporary file beside the target, renamed into place
 * only when the workbook is complete; never over an input; nothing left
 * behind by a failure. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"
#include "ragbook/ragbook.h"
#include "util/outfile.h"
#include "writer/writer.h"

static char dir[64];

static const char *in_dir(const char *name)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char sub[512];
    while (d && (e = readdir(d)) != NULL) {
        struct stat st;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(sub);
        else
            unlink(sub);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rag-woutput-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(dir);
    return 0;
}

/* Files in the directory (dot files included: the temporaries are). */
static size_t files_in_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    while (d && (e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static bool file_is(const char *path, const char *text)
{
    char buf[256] = "";
    FILE *f = fopen(path, "r");
    size_t n;
    if (!f)
        return false;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return !strcmp(buf, text);
}

/* A small workbook through the writer. */
static rag_status write_small(const char *path, const rag_write_options *o,
                              rag_error *err)
{
    rag_writer *w;
    rag_wsheet *ws;
    rag_style st;
    rag_wstyle bold;
    rag_status s = rag_writer_open(path, o, &w, err);

    if (s != RAG_OK)
        return s;
    rag_style_init(&st);
    st.font.bold = true;
    s = rag_writer_style(w, &st, &bold, err);
    if (s == RAG_OK)
        s = rag_writer_add_sheet(w, "Summary", &ws, err);
    if (s == RAG_OK)
        s = rag_wsheet_write_string(ws, 0, 0, "Status", bold, err);
    if (s == RAG_OK)
        s = rag_wsheet_write_number(ws, 1, 0, 42, RAG_WSTYLE_NONE, err);
    if (s != RAG_OK) {
        rag_writer_abort(w);
        return s;
    }
    return rag_writer_close(w, err);
}

static void test_output_written_with_umask_mode_and_nothing_else(void **state)
{
    struct stat st;
    mode_t old = umask(027);
    rag_error err;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(write_small(in_dir("out.xlsx"), NULL, &err), RAG_OK);
    umask(old);
    assert_int_equal(stat(in_dir("out.xlsx"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(files_in_dir(), 1); /* no temporary left */
    unlink(in_dir("out.xlsx"));
}

static void test_output_replaces_an_old_output_whole(void **state)
{
    rag_workbook *wb = NULL;
    (void)state;

    write_file(in_dir("old.xlsx"), "old contents");
    assert_int_equal(write_small(in_dir("old.xlsx"), NULL, NULL), RAG_OK);
    assert_int_equal(rag_workbook_read(in_dir("old.xlsx"), NULL, &wb, NULL),
                     RAG_OK);
    assert_string_equal(wb->sheets[0].name, "Summary");
    rag_workbook_free(wb);
    assert_int_equal(files_in_dir(), 1);
    unlink(in_dir("old.xlsx"));
}

static void test_output_refuses_an_input_however_named(void **state)
{
    const char *input;
    rag_write_options o;
    rag_writer *w = (rag_writer *)1;
    rag_error err;
    (void)state;

    write_file(in_dir("in.xlsx"), "input");
    assert_int_equal(link(in_dir("in.xlsx"), in_dir("hard.xlsx")), 0);
    assert_int_equal(symlink(in_dir("in.xlsx"), in_dir("soft.xlsx")), 0);
    input = in_dir("in.xlsx");
    memset(&o, 0, sizeof o);
    o.inputs = &input;
    o.input_count = 1;
    {
        const char *targets[] = {in_dir("in.xlsx"), in_dir("hard.xlsx"),
                                 in_dir("soft.xlsx")};
        size_t i;
        for (i = 0; i < 3; i++) {
            rag_error_clear(&err);
            assert_int_equal(rag_writer_open(targets[i], &o, &w, &err),
                             RAG_ERR_USAGE);
            assert_null(w);
            assert_non_null(strstr(err.message, "input"));
        }
    }
    assert_true(file_is(in_dir("in.xlsx"), "input"));
    assert_int_equal(files_in_dir(), 3);
    unlink(in_dir("in.xlsx"));
    unlink(in_dir("hard.xlsx"));
    unlink(in_dir("soft.xlsx"));
}

static void test_output_refuses_a_directory_and_a_missing_one(void **state)
{
    rag_writer *w;
    rag_error err;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(dir, NULL, &w, &err), RAG_ERR_USAGE);
    assert_null(w);
    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(in_dir("no/such/dir/out.xlsx"), NULL, &w,
                                     &err),
                     RAG_ERR_IO);
    assert_null(w);
    assert_int_not_equal(err.sys_errno, 0);
    assert_int_equal(files_in_dir(), 0);
}

static void test_output_abort_leaves_nothing(void **state)
{
    rag_writer *w;
    rag_wsheet *ws;
    (void)state;

    assert_int_equal(rag_writer_open(in_dir("gone.xlsx"), NULL, &w, NULL),
                     RAG_OK);
    /* the temporary file: unnamed (O_TMPFILE), or named beside the
     * target where the file system refuses O_TMPFILE */
    assert_true(files_in_dir() <= 1);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    assert_int_equal(rag_wsheet_write_number(ws, 0, 0, 1, RAG_WSTYLE_NONE,
                                             NULL), RAG_OK);
    rag_writer_abort(w);
    assert_int_equal(files_in_dir(), 0);
    rag_writer_abort(NULL);
}

/* libxlsxwriter's own scratch files (one per part) are made by the
 * writer's lxw_tmpfile(), unnamed, in the target's directory; named or
 * not, none is left there, and a workbook still comes out whole. */
static void test_output_library_scratch_files_are_ours(void **state)
{
    long before = wx_scratch_count();
    FILE *fp;
    rag_error err;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(write_small(in_dir("s.xlsx"), NULL, &err), RAG_OK);
    assert_true(wx_scratch_count() > before);
    assert_int_equal(files_in_dir(), 1);
    unlink(in_dir("s.xlsx"));

    /* the path taken where O_TMPFILE is refused: named, removed at once */
    rg_outfile_force_named(true);
    fp = rg_scratch_open(dir);
    assert_non_null(fp);
    assert_int_equal(files_in_dir(), 0);
    assert_int_equal(fputs("x", fp) >= 0, 1);
    fclose(fp);
    before = wx_scratch_count();
    assert_int_equal(write_small(in_dir("s.xlsx"), NULL, &err), RAG_OK);
    rg_outfile_force_named(false);
    assert_true(wx_scratch_count() > before);
    assert_int_equal(files_in_dir(), 1);
    unlink(in_dir("s.xlsx"));
}

static void test_output_failed_rename_leaves_nothing(void **state)
{
    rag_writer *w;
    rag_wsheet *ws;
    rag_error err;
    (void)state;

    assert_int_equal(rag_writer_open(in_dir("target"), NULL, &w, NULL),
                     RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    /* The target becomes a non-empty directory: the rename must fail. */
    assert_int_equal(mkdir(in_dir("target"), 0700), 0);
    write_file(in_dir("target/keep"), "keep");
    rag_error_clear(&err);
    assert_int_equal(rag_writer_close(w, &err), RAG_ERR_IO);
    assert_int_not_equal(err.sys_errno, 0);
    assert_int_equal(files_in_dir(), 1); /* only the directory */
    assert_true(file_is(in_dir("target/keep"), "keep"));
    unlink(in_dir("target/keep"));
    rmdir(in_dir("target"));
}

static void test_output_usage_error_keeps_the_writer_usable(void **state)
{
    rag_writer *w;
    rag_wsheet *ws;
    rag_error err;
    (void)state;

    assert_int_equal(rag_writer_open(in_dir("half.xlsx"), NULL, &w, NULL),
                     RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    /* Past the last column: refused before libxlsxwriter sees it. */
    rag_error_clear(&err);
    assert_int_equal(rag_wsheet_write_number(ws, 0, 20000, 1, RAG_WSTYLE_NONE,
                                             &err), RAG_ERR_USAGE);
    assert_int_equal(rag_writer_close(w, NULL), RAG_OK);
    assert_int_equal(files_in_dir(), 1);
    unlink(in_dir("half.xlsx"));
}

static void test_output_after_a_write_failure_close_leaves_nothing(
    void **state)
{
    rag_writer *w;
    rag_wsheet *ws;
    rag_error err;
    (void)state;

    assert_int_equal(rag_writer_open(in_dir("failed.xlsx"), NULL, &w, NULL),
                     RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    /* as a libxlsxwriter call that failed half-way would */
    rag_error_clear(&err);
    wx_lxw_fail(w, &err, LXW_ERROR_CREATING_TMPFILE, "cannot write A!A1");
    assert_int_equal(err.status, RAG_ERR_WRITE);
    rag_error_clear(&err);
    assert_int_equal(rag_writer_close(w, &err), RAG_ERR_WRITE);
    assert_int_equal(files_in_dir(), 0);
}

static void test_output_streaming_refuses_going_back_a_row(void **state)
{
    rag_write_options o;
    rag_writer *w;
    rag_wsheet *ws;
    rag_error err;
    rag_workbook *wb = NULL;
    (void)state;

    memset(&o, 0, sizeof o);
    o.mode = RAG_WRITE_STREAMING;
    assert_int_equal(rag_writer_open(in_dir("s.xlsx"), &o, &w, NULL), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "A", &ws, NULL), RAG_OK);
    assert_int_equal(rag_writer_mode(w), RAG_WRITE_STREAMING);
    assert_int_equal(rag_wsheet_write_number(ws, 5, 0, 1, RAG_WSTYLE_NONE,
                                             NULL), RAG_OK);
    assert_int_equal(rag_wsheet_write_number(ws, 5, 3, 2, RAG_WSTYLE_NONE,
                                             NULL), RAG_OK);
    rag_error_clear(&err);
    assert_int_equal(rag_wsheet_write_number(ws, 4, 0, 3, RAG_WSTYLE_NONE,
                                             &err), RAG_ERR_USAGE);
    assert_non_null(strstr(err.message, "in order"));
    /* Merges and validations may still be added for rows above. */
    {
        rag_range r = {0, 0, 1, 2};
        assert_int_equal(rag_wsheet_merge(ws, &r, NULL), RAG_OK);
    }
    assert_int_equal(rag_writer_close(w, NULL), RAG_OK);
    assert_int_equal(rag_workbook_read(in_dir("s.xlsx"), NULL, &wb, NULL),
                     RAG_OK);
    assert_int_equal(wb->sheets[0].cell_count, 2);
    assert_int_equal(wb->sheets[0].merge_count, 1);
    rag_workbook_free(wb);
    unlink(in_dir("s.xlsx"));
}

static void test_output_same_content_gives_the_same_bytes(void **state)
{
    FILE *a, *b;
    int ca, cb;
    long n = 0;
    (void)state;

    assert_int_equal(write_small(in_dir("one.xlsx"), NULL, NULL), RAG_OK);
    sleep(1); /* a clock in the file would now differ */
    assert_int_equal(write_small(in_dir("two.xlsx"), NULL, NULL), RAG_OK);
    a = fopen(in_dir("one.xlsx"), "rb");
    b = fopen(in_dir("two.xlsx"), "rb");
    assert_non_null(a);
    assert_non_null(b);
    do {
        ca = getc(a);
        cb = getc(b);
        n++;
        if (ca != cb)
            fail_msg("the files differ at byte %ld", n);
    } while (ca != EOF);
    fclose(a);
    fclose(b);
    unlink(in_dir("one.xlsx"));
    unlink(in_dir("two.xlsx"));
}

/* Every allocation of ragbook's own failing in turn: an error, never a
 * crash, and never a file left behind. */
static void test_output_alloc_failure_leaves_no_file(void **state)
{
    long i;
    bool passed = false;
    (void)state;

    /* the read-back before the rename allocates too: room for it */
    for (i = 0; i < 20000 && !passed; i++) {
        rag_status s;
        rag_error err;
        rag_error_clear(&err);
        rg_alloc_fail_after(i);
        s = write_small(in_dir("oom.xlsx"), NULL, &err);
        rg_alloc_fail_after(-1);
        if (s == RAG_OK) {
            passed = true;
            assert_int_equal(files_in_dir(), 1);
            unlink(in_dir("oom.xlsx"));
        } else {
            assert_int_equal(files_in_dir(), 0);
        }
    }
    assert_true(passed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_output_written_with_umask_mode_and_nothing_else),
        cmocka_unit_test(test_output_replaces_an_old_output_whole),
        cmocka_unit_test(test_output_refuses_an_input_however_named),
        cmocka_unit_test(test_output_refuses_a_directory_and_a_missing_one),
        cmocka_unit_test(test_output_abort_leaves_nothing),
        cmocka_unit_test(test_output_library_scratch_files_are_ours),
        cmocka_unit_test(test_output_failed_rename_leaves_nothing),
        cmocka_unit_test(test_output_usage_error_keeps_the_writer_usable),
        cmocka_unit_test(
            test_output_after_a_write_failure_close_leaves_nothing),
        cmocka_unit_test(test_output_streaming_refuses_going_back_a_row),
        cmocka_unit_test(test_output_same_content_gives_the_same_bytes),
        cmocka_unit_test(test_output_alloc_failure_leaves_no_file),
    };
    return cmocka_run_group_tests_name("write_output", tests, setup, teardown);
}
