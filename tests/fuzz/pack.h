/* See pack.c: the fuzz targets' parts mode. */
#ifndef RG_FUZZ_PACK_H
#define RG_FUZZ_PACK_H

#include <stddef.h>
#include <stdint.h>

/* Pack the NUL-separated parts of data (a worksheet, then sharedStrings,
 * styles, workbook and theme; missing ones get a small default) into a
 * stored zip in *out (malloc'd); returns its size. */
size_t fuzz_pack_parts(const uint8_t *data, size_t size, uint8_t **out);

/* The input as a workbook file in the scratch file fd: a zip as it is,
 * anything else packed as parts first.  Aborts when it cannot write. */
void fuzz_write_input(int fd, const uint8_t *data, size_t size);

struct rag_read_options;
/* Read limits lower than the defaults, so one input stays within the
 * fuzzer's memory: both targets read with these. */
void fuzz_read_limits(struct rag_read_options *o);

#endif
