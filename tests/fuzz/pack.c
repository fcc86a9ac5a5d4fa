/*
 * The fuzz targets' parts mode (fuzz_reader.c, fuzz_pipeline.c): an input
 * that is not a zip is the XML of a workbook's parts, separated by NUL
 * bytes, packed here into a stored zip with the right CRCs, so every
 * mutation reaches the XML handlers instead of dying in inflate.
 */
#define _POSIX_C_SOURCE 200809L /* ftruncate, pwrite */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include <unistd.h>

#include "ragbook/ragbook.h"
#include "pack.h"

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
size_t fuzz_pack_parts(const uint8_t *data, size_t size, uint8_t **out)
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

void fuzz_write_input(int fd, const uint8_t *data, size_t size)
{
    uint8_t *packed = NULL;

    if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
        size = fuzz_pack_parts(data, size, &packed);
        data = packed;
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    free(packed);
}

void fuzz_read_limits(struct rag_read_options *o)
{
    memset(o, 0, sizeof *o);
    o->limits.part_bytes = 64u << 20;
    o->limits.total_bytes = 256u << 20;
    o->limits.cells = 1000000;
    o->limits.formula_bytes = 4u << 20;
}
