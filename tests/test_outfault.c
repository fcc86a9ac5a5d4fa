/*
 * I/O faults along every output path, as sqlite's tests inject them
 * (issue 16): for each kind of fault (a write, a zip entry or directory,
 * the fsync, putting the file in place) the n-th such operation fails, for
 * n = 0, 1, ... until a run meets no fault and succeeds.  copy and the
 * report go through the writer (libxlsxwriter, then the fix-up pass when
 * a cell needs it, walked by a workbook of 17-digit numbers), convert
 * through the writer and the editor, an edit through the editor, merge
 * through both twice.  Each failure must give an error status with one
 * line of message, no output, no file left beside it, and nothing on
 * stderr (libxlsxwriter's own "[ERROR]" lines are caught).  Each loop runs
 * twice: with the unnamed file (O_TMPFILE) and with the hidden named file
 * used where O_TMPFILE is refused; and each twice more into "/dev/fd/N"
 * (ragbook/write.h; the command's -o -), an unnamed file with TMPDIR set
 * to the test's folder: a fault must leave N's file empty and nothing in
 * TMPDIR, and a run that meets none a whole workbook in N's file.
 */
#define _GNU_SOURCE /* O_TMPFILE */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#include <xlsxwriter.h>

#include "ragbook/convert.h"
#include "ragbook/edit.h"
#include "ragbook/merge.h"
#include "ragbook/ragbook.h"
#include "ragbook/write.h"
#include "util/outfile.h"

#define SAMPLE(name) RAG_SOURCE_DIR "/samples/" name

/* No output path takes anywhere near this many operations of one kind:
 * a loop that reaches it is not converging. */
#define MAX_FAULTS 2000

static char dir[64];
static char out[128];
static int into = -1; /* out is "/dev/fd/N": N, an unnamed file; else -1 */

static const char *kind_name[RG_IO_KINDS] = {"write", "zip", "fsync",
                                             "rename"};

static rag_status run_copy(rag_error *err)
{
    rag_workbook *wb = NULL;
    rag_writer *w = NULL;
    rag_write_options wo;
    const char *in = SAMPLE("tracker.xlsx");
    rag_status st;

    st = rag_workbook_open(in, NULL, &wb, err);
    if (st != RAG_OK)
        return st;
    memset(&wo, 0, sizeof wo);
    wo.inputs = &in;
    wo.input_count = 1;
    st = rag_writer_open(out, &wo, &w, err);
    if (st == RAG_OK)
        st = rag_writer_copy_workbook(w, wb, NULL, err);
    if (st == RAG_OK)
        st = rag_writer_close(w, err);
    else
        rag_writer_abort(w);
    rag_workbook_free(wb);
    return st;
}

/* A workbook whose number needs 17 digits: libxlsxwriter writes 15, so
 * the fix-up pass (writer/fixup.c) copies the file once more. */
static rag_status run_fixup(rag_error *err)
{
    rag_writer *w = NULL;
    rag_wsheet *ws = NULL;
    rag_status st = rag_writer_open(out, NULL, &w, err);
    uint32_t r;

    if (st != RAG_OK)
        return st;
    st = rag_writer_add_sheet(w, "Figures", &ws, err);
    for (r = 0; r < 50 && st == RAG_OK; r++)
        st = rag_wsheet_write_number(ws, r, 0, 0.1 * r + 0.2, 0, err);
    if (st != RAG_OK) {
        rag_writer_abort(w);
        return st;
    }
    return rag_writer_close(w, err);
}

static rag_status run_convert(rag_error *err)
{
    rag_convert_options o;
    memset(&o, 0, sizeof o);
    o.model.as_of = (rag_date){2024, 1, 31};
    return rag_convert(SAMPLE("action-plan.xlsx"), out, &o, NULL, err);
}

static rag_status run_edit(rag_error *err)
{
    rag_edit *e = NULL;
    rag_edit_cell c;
    rag_status st = rag_edit_open(SAMPLE("tracker.xlsx"), NULL, &e, err);

    if (st != RAG_OK)
        return st;
    memset(&c, 0, sizeof c);
    c.row = 0;
    c.col = 0;
    c.value = RAG_EDIT_TEXT;
    c.text = "edited";
    c.style = -1;
    st = rag_edit_set_cell(e, 0, &c, err);
    if (st == RAG_OK)
        st = rag_edit_write(e, out, err);
    rag_edit_free(e);
    return st;
}

static rag_status run_merge(rag_error *err)
{
    rag_merge *mg = NULL;
    rag_merge_options o;
    rag_status st;

    memset(&o, 0, sizeof o);
    o.model.as_of = (rag_date){2024, 1, 31};
    st = rag_merge_open(SAMPLE("tracker.xlsx"), &o, &mg, err);
    if (st != RAG_OK)
        return st;
    st = rag_merge_add(mg, SAMPLE("tracker.xlsx"), err);
    if (st == RAG_OK)
        st = rag_merge_write(mg, out, err);
    rag_merge_free(mg);
    return st;
}

/* The names in dir (there should be none, or only the output). */
static int others_in_dir(char *first, size_t size)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    first[0] = '\0';
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
            !strcmp(e->d_name, "out.xlsx"))
            continue;
        if (!n++)
            snprintf(first, size, "%s", e->d_name);
    }
    closedir(d);
    return n;
}

/* Runs job with fd 2 sent to a file; returns the bytes written there. */
static long quietly(rag_status (*job)(rag_error *), rag_error *err,
                    rag_status *st)
{
    char path[96];
    struct stat sb;
    int saved, fd;

    snprintf(path, sizeof path, "%s.stderr", dir);
    fflush(stderr);
    saved = dup(2);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    close(fd);
    *st = job(err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(stat(path, &sb), 0);
    unlink(path);
    return (long)sb.st_size;
}

/* Whether the output is there: the file, or bytes in N's file. */
static bool output_exists(void)
{
    struct stat sb;
    if (into >= 0)
        return fstat(into, &sb) == 0 && sb.st_size > 0;
    return stat(out, &sb) == 0;
}

static void output_remove(void)
{
    if (into >= 0)
        assert_int_equal(ftruncate(into, 0), 0);
    else
        unlink(out);
}

/* The output is "/dev/fd/N" from here on, N an unnamed file, and TMPDIR
 * the test's folder (where the library makes the workbook), until
 * target_file(). */
static void target_fd(void)
{
    into = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    assert_true(into >= 0);
    snprintf(out, sizeof out, "/dev/fd/%d", into);
    assert_int_equal(setenv("TMPDIR", dir, 1), 0);
}

static void target_file(void)
{
    if (into >= 0)
        close(into);
    into = -1;
    snprintf(out, sizeof out, "%s/out.xlsx", dir);
    unsetenv("TMPDIR");
}

/* Every fault of every kind along job's output path. */
static void walk_into(const char *what, rag_status (*job)(rag_error *))
{
    int kind, named;

    for (named = 0; named < 2; named++) {
        rg_outfile_force_named(named);
        for (kind = 0; kind < RG_IO_KINDS; kind++) {
            long n;
            for (n = 0; n < MAX_FAULTS; n++) {
                rag_error err;
                rag_status st;
                char msg[1024], left[256];
                long noise, used;

                rag_error_clear(&err);
                rg_io_fail_after((rg_io_kind)kind, n);
                noise = quietly(job, &err, &st);
                used = rg_io_count((rg_io_kind)kind);
                rg_io_fail_after((rg_io_kind)kind, -1);
                if (others_in_dir(left, sizeof left))
                    fail_msg("%s, %s fault %ld: left %s", what,
                             kind_name[kind], n, left);
                if (noise)
                    fail_msg("%s, %s fault %ld: %ld bytes on stderr", what,
                             kind_name[kind], n, noise);
                if (used <= n) { /* no fault met: a whole output */
                    if (st != RAG_OK)
                        fail_msg("%s, no %s fault (%ld): failed: %s", what,
                                 kind_name[kind], used, err.message);
                    assert_true(output_exists());
                    output_remove();
                    break;
                }
                if (st == RAG_OK)
                    fail_msg("%s, %s fault %ld: ignored, exit 0", what,
                             kind_name[kind], n);
                if (output_exists())
                    fail_msg("%s, %s fault %ld: an output was left", what,
                             kind_name[kind], n);
                rag_error_format(&err, msg, sizeof msg);
                if (!msg[0] || strchr(msg, '\n'))
                    fail_msg("%s, %s fault %ld: not one line: '%s'", what,
                             kind_name[kind], n, msg);
            }
            assert_true(n < MAX_FAULTS);
            print_message("  %s, %s%s: %ld faults, each refused cleanly\n",
                          what, named ? "named" : "unnamed",
                          into >= 0 ? ", into /dev/fd/N" : "", n);
        }
    }
    rg_outfile_force_named(false);
}

/* Along job's path to a file, then into "/dev/fd/N". */
static void walk(const char *what, rag_status (*job)(rag_error *))
{
    walk_into(what, job);
    target_fd();
    walk_into(what, job);
    target_file();
}

/* "/dev/fd/N" must be a regular file open for writing: a pipe, a
 * descriptor open for reading only and one not open are refused, with
 * nothing made in TMPDIR. */
static void test_fd_target_refuses_what_it_cannot_fill(void **state)
{
    rag_writer *w = NULL;
    rag_error err;
    char path[32], left[256];
    int p[2], ro;

    (void)state;
    assert_int_equal(setenv("TMPDIR", dir, 1), 0);
    assert_int_equal(pipe(p), 0);
    snprintf(path, sizeof path, "/dev/fd/%d", p[1]);
    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(path, NULL, &w, &err), RAG_ERR_IO);
    assert_null(w);
    assert_int_equal(err.sys_errno, ESPIPE);
    ro = open(SAMPLE("tracker.xlsx"), O_RDONLY);
    assert_true(ro >= 0);
    snprintf(path, sizeof path, "/dev/fd/%d", ro);
    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(path, NULL, &w, &err), RAG_ERR_IO);
    assert_int_equal(err.sys_errno, EBADF);
    close(ro); /* now no descriptor at all */
    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(path, NULL, &w, &err), RAG_ERR_IO);
    assert_int_equal(err.sys_errno, EBADF);
    close(p[0]);
    close(p[1]);
    unsetenv("TMPDIR");
    assert_int_equal(others_in_dir(left, sizeof left), 0);
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/ragbook-outfault-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(out, sizeof out, "%s/out.xlsx", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(out);
    return rmdir(dir);
}

static void test_copy_faults(void **state)
{
    (void)state;
    walk("copy", run_copy);
}

static void test_fixup_faults(void **state)
{
    (void)state;
    walk("fix-ups", run_fixup);
}

static void test_convert_faults(void **state)
{
    (void)state;
    walk("convert", run_convert);
}

static void test_edit_faults(void **state)
{
    (void)state;
    walk("edit", run_edit);
}

static void test_merge_faults(void **state)
{
    (void)state;
    walk("merge", run_merge);
}

/* A line libxlsxwriter prints, from a call no rg_quiet wraps, is dropped;
 * a line of ours printed while the writer is open still shows. */
static void write_with_warning(void)
{
    rag_writer *w = NULL;
    rag_wsheet *ws = NULL;
    rag_error err;

    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(out, NULL, &w, &err), RAG_OK);
    assert_int_equal(rag_writer_add_sheet(w, "Sheet", &ws, &err), RAG_OK);
    worksheet_set_zoom(rag_wsheet_lxw(ws), 5); /* "[WARNING]: ... zoom" */
    fprintf(stderr, "ragbook: x.xlsx: warning: ours\n");
    fprintf(stderr, "[WARNING");
    fprintf(stderr, "]: split over two writes\npartial ");
    fprintf(stderr, "line of ours\n");
    fprintf(stderr, "\r3/400 files");
    assert_int_equal(rag_writer_close(w, &err), RAG_OK);
    unlink(out);
}

static void test_libxlsxwriter_lines_never_reach_stderr(void **state)
{
    char path[96], got[256];
    FILE *f;
    size_t n;
    int saved, fd;
    (void)state;

    snprintf(path, sizeof path, "%s.stderr", dir);
    fflush(stderr);
    saved = dup(2);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    close(fd);
    write_with_warning();
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    f = fopen(path, "r");
    assert_non_null(f);
    n = fread(got, 1, sizeof got - 1, f);
    got[n] = '\0';
    fclose(f);
    unlink(path);
    assert_string_equal(got, "ragbook: x.xlsx: warning: ours\n"
                             "partial line of ours\n\r3/400 files");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fd_target_refuses_what_it_cannot_fill),
        cmocka_unit_test(test_copy_faults),
        cmocka_unit_test(test_fixup_faults),
        cmocka_unit_test(test_convert_faults),
        cmocka_unit_test(test_edit_faults),
        cmocka_unit_test(test_merge_faults),
        cmocka_unit_test(test_libxlsxwriter_lines_never_reach_stderr),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
