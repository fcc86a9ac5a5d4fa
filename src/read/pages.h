/*
 * A sheet too large to hold, paged: its cells are read once, in one
 * streaming pass, into a scratch file in blocks of whole rows, and read
 * back a block at a time into a small cache.  What convert keeps of such
 * a sheet is the cache, not the grid, so its memory no longer grows with
 * the sheet's rows (issue 16).  rag_workbook_read() never pages: the
 * public rag_sheet promises its cells in memory.  The recogniser, the
 * validator and convert's outputs ask for cells through the functions
 * below, which answer for a loaded sheet and a paged one alike.
 *
 * A paged cell is a rag_cell like a loaded one, with two differences: its
 * formula, when it has one, is "" (the text is not kept: nothing that
 * reads a paged sheet needs more than that it has one), and its
 * formula_range is empty.  Its text, rich runs and style are as loaded.
 */
#ifndef RG_PAGES_H
#define RG_PAGES_H

#include <stdint.h>

#include "ragbook/grid.h"

/* Sheets whose worksheet part inflates to at least this many bytes are
 * paged by rg_workbook_read_paged(): a loaded cell costs 80 bytes and a
 * sheet's XML some 30 to 50 bytes a cell, so a sheet of 16 MiB of XML
 * would hold some 30 to 45 MB of grid, which is where the grid starts to
 * outweigh everything else convert keeps.  Below it the grid in memory is
 * faster and the sheets load in parallel. */
#define RG_PAGE_MIN_XML (16ull * 1024 * 1024)

/* Open path and read every sheet: a sheet whose part inflates to at least
 * page_min bytes is paged, the others loaded (as rag_workbook_read, in
 * parallel where it pays).  A sheet whose cells are out of order (a
 * hostile or odd writer) is loaded whatever its size: the reader sorts
 * loaded cells, and pages are made in one pass. */
rag_status rg_workbook_read_paged(const char *path,
                                  const rag_read_options *opts,
                                  uint64_t page_min, rag_workbook **out,
                                  rag_error *err);

/* Page sheet `index` of an open workbook (rg_workbook_read_paged's step;
 * tests).  Loads it instead when its cells are out of order. */
rag_status rg_sheet_page(rag_workbook *wb, size_t index, rag_error *err);

bool rg_sheet_paged(const rag_workbook *wb, size_t index);
/* Loaded or paged: its cells can be asked for. */
bool rg_sheet_has_cells(const rag_workbook *wb, size_t index);

/* The cells of row `row` in column order and how many, or NULL and 0.
 * For a paged sheet the pointer is into the cache: it stays valid while
 * fewer than RG_PAGE_CACHE - 1 blocks of other rows are read (a caller
 * holds one row while it looks at a few others: the headers above). */
const rag_cell *rg_sheet_row(const rag_workbook *wb, size_t index,
                             uint32_t row, size_t *count);
/* The cell at (row, col), or NULL (as rag_sheet_cell, and as rg_sheet_row
 * for how long the pointer lives). */
const rag_cell *rg_sheet_cell_at(const rag_workbook *wb, size_t index,
                                 uint32_t row, uint32_t col);
/* The first row >= row that has a cell, or UINT32_MAX. */
uint32_t rg_sheet_next_row(const rag_workbook *wb, size_t index,
                           uint32_t row);

/* In a row-major array of cells: the first cell of a row >= row; and in
 * one row's cells, the cell of column col or NULL.  Binary searches, for
 * a loaded sheet's cells, a page and a row alike. */
size_t rg_cells_row_start(const rag_cell *cells, size_t n, uint32_t row);
const rag_cell *rg_cells_col(const rag_cell *row, size_t n, uint32_t col);

/* Whether every read of a paged sheet's scratch file so far succeeded: a
 * failed read answers as an empty row, so whoever read a paged sheet
 * checks this before trusting what it made. */
bool rg_pages_ok(const rag_workbook *wb);

/* Drop sheet index's pages (rag_sheet_unload and rag_workbook_free). */
void rg_pages_drop(rag_workbook *wb, size_t index);

/* Blocks of this many cells (a block ends at the first row boundary past
 * it): 4096 loaded cells are 320 KiB, read in one fread. */
#define RG_PAGE_BLOCK_CELLS 4096
/* Blocks held at once per sheet: a recogniser walking down a table looks
 * at the row, its headers and the rows next to it, so a few blocks serve
 * it; 16 cost some 5 MB at most. */
#define RG_PAGE_CACHE 16

/* The size of worksheet XML from which convert pages a sheet:
 * RG_PAGE_MIN_XML unless a test tuned it. */
uint64_t rg_pages_min_xml(void);

/* Tests: smaller blocks, fewer of them held and small sheets paged, to
 * walk every path of the pages on small workbooks (min_xml 1 pages every
 * sheet).  0 restores a default. */
void rg_pages_tune(size_t block_cells, size_t cache_blocks, uint64_t min_xml);

#endif
