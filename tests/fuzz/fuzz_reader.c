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

#include <zlib.h>

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

/* ---- parts mode: XML packed into a stored zip ------------------------ */

#define NS " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/" \
           "main\" xmlns:r=\"http://schemas.openxmlformats.org/" \
           "officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
            "relationships/"

static const char *const default_parts[5] = {
    "<worksheet" NS "><sheetData/></worksheet>",
    "<sst" NS "/>",
    "<styleSheet" NS "><fonts><font/></fonts><fills><fill/></fills>"
    "<borders><border/></borders><cellXfs><xf/></cellXfs></styleSheet>",
    "<workbook" NS "><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"T\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
    NULL};

static const char *const part_names[5] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/workbook.xml", "xl/theme/theme1.xml"};

static const char pkg_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"" REL "officeDocument\""
    " Target=\"xl/workbook.xml\"/></Relationships>";

static const char wb_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" REL "theme\" "
    "Target=\"theme/theme1.xml\"/></Relationships>";

static const char sheet2[] =
    "<worksheet" NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
    "</c><c r=\"B1\" s=\"0\"><f>A1</f><v>1</v></c></row></sheetData>"
    "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";

static void put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, unsigned long v)
{
    put16(p, (unsigned)(v & 0xFFFF));
    put16(p + 2, (unsigned)(v >> 16));
}

typedef struct zip_out {
    uint8_t *data, *central;
    size_t len, clen, count;
} zip_out;

static void zip_add(zip_out *z, const char *name, const void *body,
                    size_t size)
{
    size_t n = strlen(name);
    unsigned long crc = crc32(0L, body, (uInt)size);
    uint8_t *l = z->data + z->len, *c = z->central + z->clen;

    memset(l, 0, 30);
    put32(l, 0x04034b50);
    put16(l + 4, 20);
    put32(l + 14, crc);
    put32(l + 18, (unsigned long)size);
    put32(l + 22, (unsigned long)size);
    put16(l + 26, (unsigned)n);
    memcpy(l + 30, name, n);
    if (size)
        memcpy(l + 30 + n, body, size);

    memset(c, 0, 46);
    put32(c, 0x02014b50);
    put16(c + 4, 20);
    put16(c + 6, 20);
    put32(c + 16, crc);
    put32(c + 20, (unsigned long)size);
    put32(c + 24, (unsigned long)size);
    put16(c + 28, (unsigned)n);
    put32(c + 42, (unsigned long)z->len);
    memcpy(c + 46, name, n);

    z->len += 30 + n + size;
    z->clen += 46 + n;
    z->count++;
}

/* Pack the NUL-separated parts of data into a stored zip in *out
 * (malloc'd); returns its size. */
static size_t pack_parts(const uint8_t *data, size_t size, uint8_t **out)
{
    const uint8_t *piece[5] = {NULL};
    size_t plen[5] = {0}, i, k = 0, start = 0, total = size + 8192;
    zip_out z;

    for (i = 0; i <= size && k < 5; i++) {
        if (i == size || data[i] == 0) {
            piece[k] = data + start;
            plen[k++] = i - start;
            start = i + 1;
        }
    }
    for (i = 0; i < 5; i++)
        if (!piece[i] && default_parts[i])
            total += strlen(default_parts[i]);
    z.data = malloc(total);
    z.central = malloc(4096);
    if (!z.data || !z.central)
        abort();
    z.len = z.clen = z.count = 0;
    zip_add(&z, "[Content_Types].xml", "<Types/>", 8);
    zip_add(&z, "_rels/.rels", pkg_rels, sizeof pkg_rels - 1);
    zip_add(&z, "xl/_rels/workbook.xml.rels", wb_rels, sizeof wb_rels - 1);
    zip_add(&z, "xl/worksheets/sheet2.xml", sheet2, sizeof sheet2 - 1);
    for (i = 0; i < 5; i++) {
        if (piece[i])
            zip_add(&z, part_names[i], piece[i], plen[i]);
        else if (default_parts[i])
            zip_add(&z, part_names[i], default_parts[i],
                    strlen(default_parts[i]));
    }
    memcpy(z.data + z.len, z.central, z.clen);
    {
        uint8_t *e = z.data + z.len + z.clen;
        memset(e, 0, 22);
        put32(e, 0x06054b50);
        put16(e + 8, (unsigned)z.count);
        put16(e + 10, (unsigned)z.count);
        put32(e + 12, (unsigned long)z.clen);
        put32(e + 16, (unsigned long)z.len);
        z.len += z.clen + 22;
    }
    free(z.central);
    *out = z.data;
    return z.len;
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
    uint8_t *packed = NULL;

    if (fd < 0 && open_scratch() != 0)
        abort();
    if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
        size = pack_parts(data, size, &packed);
        data = packed;
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    free(packed);

    memset(&opts, 0, sizeof opts);
    opts.limits.part_bytes = 64u << 20;
    opts.limits.total_bytes = 256u << 20;
    opts.limits.cells = 1000000;
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
