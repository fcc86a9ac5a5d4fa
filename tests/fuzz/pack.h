/* See pack.c: the fuzz targets' parts mode. */
#ifndef RG_FUZZ_PACK_H
#define RG_FUZZ_PACK_H

#include <stddef.h>
#include <stdint.h>

/* Pack the NUL-separated parts of data (a worksheet, then sharedStrings,
 * styles, workbook and theme; missing ones get a small default) into a
 * stored zip in *out (malloc'd); returns its size. */
size_t fuzz_pack_parts(const uint8_t *data, size_t size, uint8_t **out);

#endif
