/*
 * libFuzzer target for the whole pipeline, beside fuzz_reader's: the input
 * (a zip, or NUL-separated parts packed as fuzz_reader does: pack.c) is
 * read, recognised, validated and converted through the editor to a file
 * in a private temporary folder; the output is then read back and
 * recognised again.  It fails (abort) when:
 *   - a stage fails without a message, or leaves something to free;
 *   - convert says it wrote a workbook that does not read back;
 *   - convert fails and leaves its output, or any file, in the folder.
 * Recognition (text heuristics over fixed buffers), validation, the
 * editor and the generated sheets run under ASan/UBSan this way; the
 * reader's target alone never reaches them (issue 16).
 *
 * Build: cmake -B build-fuzz -DRAG_FUZZ=ON -DCMAKE_C_COMPILER=clang
 * Run:   build-fuzz/tests/fuzz_pipeline -max_total_time=60 CORPUS SEEDS...
 *
 * Dates are fixed (as-of and today) so an input always takes one path.
 */
#define _GNU_SOURCE /* memfd_create */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pack.h"
#include "ragbook/ragbook.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fd = -1;
static char in_path[64];
static char dir[64];
static char out_path[128];

static void setup(void)
{
    fd = memfd_create("fuzz_pipeline", 0);
    if (fd < 0) {
        static char ftmpl[] = "/tmp/fuzz_pipeline_in.XXXXXX";
        fd = mkstemp(ftmpl);
        if (fd < 0)
            abort();
        unlink(ftmpl);
    }
    snprintf(in_path, sizeof in_path, "/proc/self/fd/%d", fd);
}

/* A folder for one input's output, removed when the input is done (and
 * kept, with what is in it, when the input aborts): libFuzzer ends a run
 * without the atexit handlers. */
static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/fuzz_pipeline.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(out_path, sizeof out_path, "%s/out.xlsx", dir);
}

/* The folder holds nothing: a failed convert left no file behind. */
static bool dir_empty(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    bool empty = true;
    if (!d)
        abort();
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            empty = false;
    closedir(d);
    return empty;
}

/* A failed call: a message, and nothing to free. */
static void check_failure(const rag_error *err, const void *left)
{
    char msg[1024];
    if (left)
        abort();
    rag_error_format(err, msg, sizeof msg);
    if (err->status == RAG_OK || !msg[0])
        abort();
}

static const rag_date AS_OF = {2024, 6, 30};

/* Read path, recognise and validate it.  RAG_OK or the failing status. */
static rag_status read_recognise_validate(const char *path,
                                          const rag_read_options *ro)
{
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    rag_findings *f = NULL;
    rag_model_options mo;
    rag_error err;
    rag_status st;

    memset(&mo, 0, sizeof mo);
    mo.as_of = AS_OF;
    mo.today = AS_OF;
    rag_error_clear(&err);
    st = rag_workbook_read(path, ro, &wb, &err);
    if (st != RAG_OK) {
        check_failure(&err, wb);
        if (!ro) { /* an output: say why it does not read */
            char msg[1024];
            rag_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "fuzz_pipeline: the output does not read: %s\n",
                    msg);
        }
        return st;
    }
    rag_error_clear(&err);
    st = rag_model_build(wb, &mo, &m, &err);
    if (st != RAG_OK) {
        check_failure(&err, m);
        rag_workbook_free(wb);
        return st;
    }
    rag_error_clear(&err);
    st = rag_validate(m, NULL, &f, &err);
    if (st != RAG_OK)
        check_failure(&err, f);
    rag_findings_free(f);
    rag_model_free(m);
    rag_workbook_free(wb);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rag_read_options ro;
    rag_convert_options co;
    rag_convert_report rep;
    rag_error err;
    rag_status st;

    if (fd < 0)
        setup();
    fuzz_write_input(fd, data, size);

    /* convert reads with the defaults, so it is let through only what
     * these lower limits let through */
    fuzz_read_limits(&ro);
    if (read_recognise_validate(in_path, &ro) != RAG_OK)
        return 0;
    make_dir();

    memset(&co, 0, sizeof co);
    co.model.as_of = AS_OF;
    co.model.today = AS_OF;
    rag_error_clear(&err);
    st = rag_convert(in_path, out_path, &co, &rep, &err);
#ifdef FUZZ_PIPELINE_TRACE
    fprintf(stderr, "convert: %d, %zu plans\n", (int)st, rep.plans);
#endif
    if (st != RAG_OK) {
        check_failure(&err, NULL);
        if (!dir_empty())
            abort(); /* a failure leaves no output and no stray file */
        rmdir(dir);
        return 0;
    }
    /* What convert wrote must read, and be recognised and validated. */
    if (read_recognise_validate(out_path, NULL) != RAG_OK)
        abort();
    unlink(out_path);
    if (!dir_empty())
        abort();
    rmdir(dir);
    return 0;
}
