/*
 * Paged sheets (pages.h): a sheet's cells written to a scratch file in
 * blocks of whole rows as they are read, and read back a block at a time
 * into a cache of RG_PAGE_CACHE blocks, the least recently used dropped.
 *
 * What is written is the rag_cell records themselves: their text and rich
 * pointers point into the workbook's arena and shared strings, which live
 * as long as the workbook, and the file lives only as long as the process
 * (unnamed: rg_scratch_open), so the pointers stay good.  A block is found
 * by binary search over the blocks' first rows, a row in a block by binary
 * search over its cells: no index grows with the rows but the blocks'.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "read/pages.h"
#include "read/reader.h"
#include "util/outfile.h"

typedef struct pg_block {
    uint32_t first_row, last_row;
    uint64_t offset;            /* in cells, in the file */
    size_t count;
} pg_block;

typedef struct pg_slot {
    size_t block;               /* SIZE_MAX: empty */
    rag_cell *cells;
    uint64_t used;              /* tick of its last use */
} pg_slot;

struct rg_pages {
    FILE *f;
    pg_block *blocks;
    size_t block_count, block_cap;
    rag_cell *fill;             /* the block being made */
    size_t fill_count, fill_cap;
    uint64_t written;           /* cells in the file */
    bool any;
    uint32_t last_row, last_col;
    pg_slot slot[RG_PAGE_CACHE];
    uint64_t tick;
    /* the last row asked for: recognisers ask for one row many times */
    bool memo;
    uint32_t memo_row;
    size_t memo_slot, memo_block, memo_first, memo_count;
    bool failed;                /* a read of the file failed */
};

static size_t block_cells = RG_PAGE_BLOCK_CELLS;
static size_t cache_blocks = RG_PAGE_CACHE;
static uint64_t min_xml = RG_PAGE_MIN_XML;

void rg_pages_tune(size_t cells, size_t blocks, uint64_t xml)
{
    block_cells = cells ? cells : RG_PAGE_BLOCK_CELLS;
    cache_blocks = blocks && blocks <= RG_PAGE_CACHE ? blocks : RG_PAGE_CACHE;
    min_xml = xml ? xml : RG_PAGE_MIN_XML;
}

uint64_t rg_pages_min_xml(void)
{
    return min_xml;
}

rg_pages *rg_pages_new(void)
{
    rg_pages *p = rg_calloc(1, sizeof *p);
    size_t i;

    if (!p)
        return NULL;
    for (i = 0; i < RG_PAGE_CACHE; i++)
        p->slot[i].block = SIZE_MAX;
    return p;
}

void rg_pages_free(rg_pages *p)
{
    size_t i;

    if (!p)
        return;
    if (p->f)
        fclose(p->f);
    for (i = 0; i < RG_PAGE_CACHE; i++)
        rg_free(p->slot[i].cells);
    rg_free(p->blocks);
    rg_free(p->fill);
    rg_free(p);
}

/* Write the block being made.  false with errno set. */
static bool flush_block(rg_pages *p)
{
    pg_block *b;

    if (!p->fill_count)
        return true;
    if (!p->f && !(p->f = rg_scratch_open(rg_tmpdir())))
        return false;
    if (!rg_grow((void **)&p->blocks, &p->block_cap, p->block_count + 1,
                 sizeof *p->blocks)) {
        errno = ENOMEM;
        return false;
    }
    if (fwrite(p->fill, sizeof *p->fill, p->fill_count, p->f) !=
        p->fill_count) {
        if (!errno)
            errno = EIO;
        return false;
    }
    b = &p->blocks[p->block_count++];
    b->first_row = p->fill[0].row;
    b->last_row = p->fill[p->fill_count - 1].row;
    b->offset = p->written;
    b->count = p->fill_count;
    p->written += p->fill_count;
    p->fill_count = 0;
    return true;
}

int rg_pages_add(rg_pages *p, const rag_cell *c)
{
    if (p->any && (c->row < p->last_row ||
                   (c->row == p->last_row && c->col <= p->last_col)))
        return 1; /* out of order, or a second cell at one place */
    /* a block ends at a row boundary, so a row is never split */
    if (p->fill_count >= block_cells && c->row != p->last_row &&
        !flush_block(p))
        return -1;
    if (!rg_grow((void **)&p->fill, &p->fill_cap, p->fill_count + 1,
                 sizeof *p->fill)) {
        errno = ENOMEM;
        return -1;
    }
    p->fill[p->fill_count++] = *c;
    p->any = true;
    p->last_row = c->row;
    p->last_col = c->col;
    return 0;
}

bool rg_pages_finish(rg_pages *p)
{
    if (!flush_block(p))
        return false;
    rg_free(p->fill);
    p->fill = NULL;
    p->fill_cap = 0;
    if (p->f && fflush(p->f) != 0)
        return false;
    return true;
}

/* The block that would hold row, or SIZE_MAX when none can. */
static size_t block_of(const rg_pages *p, uint32_t row)
{
    size_t lo = 0, hi = p->block_count;

    /* the last block whose first row <= row */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->blocks[mid].first_row <= row)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return SIZE_MAX;
    return lo - 1;
}

/* Block b's cells, read into the cache if they are not there; *slot
 * gets the cache slot. */
static const rag_cell *block_cells_of(rg_pages *p, size_t b, size_t *slot)
{
    const pg_block *blk = &p->blocks[b];
    pg_slot *s = NULL;
    size_t i;

    for (i = 0; i < cache_blocks; i++)
        if (p->slot[i].block == b) {
            p->slot[i].used = ++p->tick;
            *slot = i;
            return p->slot[i].cells;
        }
    for (i = 0; i < cache_blocks; i++)
        if (!s || p->slot[i].used < s->used)
            s = &p->slot[i];
    /* freed, not reused: a pointer kept past its time is then a use after
     * free that the sanitizer names, not a quietly wrong cell */
    rg_free(s->cells);
    s->cells = NULL;
    s->block = SIZE_MAX;
    s->cells = rg_malloc(blk->count * sizeof *s->cells);
    if (!s->cells || fseeko(p->f, (off_t)(blk->offset * sizeof *s->cells),
                            SEEK_SET) != 0 ||
        fread(s->cells, sizeof *s->cells, blk->count, p->f) != blk->count) {
        rg_free(s->cells);
        s->cells = NULL;
        p->failed = true;
        return NULL;
    }
    s->block = b;
    s->used = ++p->tick;
    *slot = (size_t)(s - p->slot);
    return s->cells;
}

size_t rg_cells_row_start(const rag_cell *cells, size_t n, uint32_t row)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cells[mid].row < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const rag_cell *rg_cells_col(const rag_cell *row, size_t n, uint32_t col)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (row[mid].col < col)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && row[lo].col == col ? &row[lo] : NULL;
}

/* Where row's cells start, or would: its block (SIZE_MAX when no block
 * holds rows from row on), the cells of that block, and the first cell
 * of a row >= row in it.  NULL cells when the block could not be read. */
static const rag_cell *locate(rg_pages *p, uint32_t row, size_t *block,
                              size_t *slot, size_t *first)
{
    const rag_cell *cells;
    size_t b;

    /* walking down: the next row of the block starts where the memo's
     * row ends */
    if (p->memo && row > p->memo_row &&
        p->slot[p->memo_slot].block == p->memo_block &&
        row <= p->blocks[p->memo_block].last_row) {
        b = p->memo_block;
        *slot = p->memo_slot;
        cells = p->slot[*slot].cells;
        p->slot[*slot].used = ++p->tick;
        *first = p->memo_first + p->memo_count;
        if (cells[*first].row < row) /* a row is in the block: no overrun */
            *first = rg_cells_row_start(cells, p->blocks[b].count, row);
        *block = b;
        return cells;
    }
    b = block_of(p, row);
    if (b == SIZE_MAX || row > p->blocks[b].last_row) {
        /* before the first block, or between two: the next block's */
        b = b == SIZE_MAX ? 0 : b + 1;
        *block = b < p->block_count ? b : SIZE_MAX;
        if (*block == SIZE_MAX)
            return NULL;
        row = p->blocks[b].first_row;
    }
    *block = b;
    cells = block_cells_of(p, b, slot);
    if (cells)
        *first = rg_cells_row_start(cells, p->blocks[b].count, row);
    return cells;
}

const rag_cell *rg_pages_row(rg_pages *p, uint32_t row, size_t *count)
{
    size_t b, slot, first, end, n;
    const rag_cell *cells;

    if (p->memo && p->memo_row == row &&
        p->slot[p->memo_slot].block == p->memo_block) {
        pg_slot *s = &p->slot[p->memo_slot];
        s->used = ++p->tick;
        *count = p->memo_count;
        return p->memo_count ? s->cells + p->memo_first : NULL;
    }
    *count = 0;
    cells = locate(p, row, &b, &slot, &first);
    if (!cells)
        return NULL;
    n = p->blocks[b].count;
    for (end = first; end < n && cells[end].row == row; end++)
        ;
    p->memo = true;
    p->memo_row = row;
    p->memo_slot = slot;
    p->memo_block = b;
    p->memo_first = first;
    p->memo_count = end - first;
    *count = end - first;
    return end > first ? cells + first : NULL;
}

uint32_t rg_pages_next_row(rg_pages *p, uint32_t row)
{
    size_t b, slot, first;
    const rag_cell *cells = locate(p, row, &b, &slot, &first);

    /* a block holds a row >= row when locate() picked it */
    return cells ? cells[first].row : UINT32_MAX;
}

bool rg_pages_failed(const rg_pages *p)
{
    return p && p->failed;
}

uint64_t rg_pages_count(const rg_pages *p)
{
    return p ? p->written + p->fill_count : 0;
}
