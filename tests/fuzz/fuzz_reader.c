/*
 * libFuzzer target for the XLSX reader: the input is written to a file (a
 * memfd, so nothing touches the disk), read with rag_workbook_read(), then
 * every sheet is streamed again through a visitor that looks at each cell
 * the way `ragbook cells` does.  Everything is freed; LeakSanitizer catches
 * what is not.
 *
 * Build: cmake -B build-fuzz -DRAG_FUZZ=ON -DCMAKE_C_COMPILER=clang
 * Run:   build-fuzz/tests/fuzz_reader -max_total_time=60 CORPUS_DIR SEEDS...
 *
 * Two kinds of input.  One that starts with "PK" is a zip, read as it is.
 * Any other is the XML of the parts, separated by NUL bytes: a worksheet,
 * then sharedStrings, styles, workbook and theme (missing ones get a small
 * default); the target packs them into a stored zip with the right CRCs,
 * so every mutation reaches the XML handlers instead of dying in inflate.
 *
 * The limits are lower than the defaults so that one input cannot take
 * the fuzzer past its memory limit; the code paths are the same.
 */
#define _GNU_SOURCE /* memfd_create */
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
static char path[64];

static int open_scratch(void)
{
    fd = memfd_create("fuzz_reader", 0);
    if (fd < 0) {
        static char tmpl[] = "/tmp/fuzz_reader.XXXXXX";
        fd = mkstemp(tmpl);
        if (fd < 0)
            return -1;
        unlink(tmpl);
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return 0;
}

/* Touch what a consumer would: the style, the text, the date. */
static int on_cell(void *ctx, const rag_sheet *sheet, const rag_cell *cell)
{
    const rag_workbook *wb = ctx;
    const rag_style *st = rag_cell_style(wb, cell);
    char buf[40];
    volatile size_t sink = 0;
    size_t i;

    (void)sheet;
    rag_cell_ref_format(cell->row, cell->col, buf);
    if (cell->type == RAG_CELL_DATE)
        rag_serial_format(cell->number, wb->date1904, buf);
    for (i = 0; cell->text && i < cell->text_len; i++)
        sink += (unsigned char)cell->text[i];
    if (cell->formula)
        sink += strlen(cell->formula);
    if (cell->rich)
        for (i = 0; i < cell->rich->count; i++)
            sink += cell->rich->runs[i].len +
                    (cell->rich->runs[i].text ? strlen(cell->rich->runs[i].text)
                                              : 0);
    if (st->numfmt)
        sink += strlen(st->numfmt);
    (void)sink;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rag_read_options opts;
    rag_workbook *wb = NULL;
    rag_error err;
    char msg[1024];
    size_t i;

    if (fd < 0 && open_scratch() != 0)
        abort();
    fuzz_write_input(fd, data, size);
    fuzz_read_limits(&opts);
    rag_error_clear(&err);
    if (rag_workbook_read(path, &opts, &wb, &err) != RAG_OK) {
        /* A failure leaves nothing to free and a message to print. */
        if (wb)
            abort();
        rag_error_format(&err, msg, sizeof msg);
        if (err.status == RAG_OK || !msg[0])
            abort();
        return 0;
    }
    for (i = 0; i < wb->sheet_count; i++) {
        const rag_sheet *s = &wb->sheets[i];
        rag_cell_visitor v = {wb, NULL, on_cell};
        size_t j;

        for (j = 0; j < s->cell_count; j++) {
            on_cell(wb, s, &s->cells[j]);
            if (rag_sheet_cell(s, s->cells[j].row, s->cells[j].col) !=
                &s->cells[j])
                abort(); /* loaded cells are sorted and unique */
        }
        for (j = 0; j < s->merge_count; j++)
            rag_range_format(&s->merges[j], msg);
        rag_error_clear(&err);
        /* The same part was read once already: only the running total of
         * inflated bytes (a limit) can stop it now. */
        if (rag_sheet_stream(wb, i, &v, &err) != RAG_OK &&
            err.status != RAG_ERR_LIMIT)
            abort();
    }
    rag_workbook_free(wb);
    return 0;
}
