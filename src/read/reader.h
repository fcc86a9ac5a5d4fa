/*
 * The XLSX reader's internals, shared by the files of src/read/.
 *
 * Reading order matters: the theme is read before the styles (fills and
 * fonts refer to theme colours), and styles before shared strings (rich
 * runs carry fonts with colours).
 */
#ifndef RG_READER_H
#define RG_READER_H

#include "read/xml.h"

typedef struct rg_rel {
    const char *id;
    const char *type;     /* the type URI's last segment: "worksheet" */
    const char *target;   /* resolved part name, or the URL if external */
    bool external;
} rg_rel;

typedef struct rg_rels {
    rg_rel *items;
    size_t count;
    size_t *by_id;  /* items' numbers sorted by id (then number), or NULL
                       (no memory: rg_rels_find walks the items) */
} rg_rels;

typedef struct rg_sst_item {
    const char *text;
    size_t len;
    const rag_rich *rich;
} rg_sst_item;

struct rg_workbook_impl {
    rg_zip *zip;
    rg_arena arena;           /* every string of the workbook */
    rag_read_limits limits;
    const char *workbook_part;
    rg_rels wb_rels;
    uint32_t theme[12];       /* in clrScheme order: dk1 lt1 dk2 lt2 ... */
    uint32_t indexed[66];
    rg_sst_item *sst;
    size_t sst_count;
    rag_font *fonts;          /* the styles part's fonts */
    size_t font_count;
    size_t sheet_cap, style_cap, name_cap;
    /* Counted for the whole workbook against limits (see grid.h). */
    uint64_t formula_bytes;   /* shared formulas' translated text */
    uint64_t cells_loaded;    /* cells held by loaded sheets */
    struct rg_pages **pages;  /* per sheet: its pages, or NULL (pages.h) */
};

/* Pages being made and read (pages.c; the workbook's side is pages.h). */
typedef struct rg_pages rg_pages;
rg_pages *rg_pages_new(void);
void rg_pages_free(rg_pages *p);
/* Add the next cell of the sheet: 0, 1 when it is out of order (the
 * pages cannot be made), -1 with errno set when it cannot be written. */
int rg_pages_add(rg_pages *p, const rag_cell *c);
/* The last block written; false with errno set. */
bool rg_pages_finish(rg_pages *p);
const rag_cell *rg_pages_row(rg_pages *p, uint32_t row, size_t *count);
uint32_t rg_pages_next_row(rg_pages *p, uint32_t row);
bool rg_pages_failed(const rg_pages *p);
/* Cells written so far. */
uint64_t rg_pages_count(const rg_pages *p);

/* Read the relationships of part (from its _rels/ sibling).  A missing
 * rels part gives an empty set.  Strings go to the workbook's arena. */
rag_status rg_rels_read(rag_workbook *wb, const char *part, rg_rels *out,
                        rag_error *err);
void rg_rels_free(rg_rels *rels);
const rg_rel *rg_rels_find(const rg_rels *rels, const char *id);
const rg_rel *rg_rels_find_type(const rg_rels *rels, const char *type);

/* Resolve a relationship target against the part that holds it into
 * the arena: ("xl/workbook.xml", "worksheets/s1.xml") gives
 * "xl/worksheets/s1.xml"; an absolute "/xl/x.xml" gives "xl/x.xml". */
char *rg_part_resolve(rg_arena *a, const char *source, const char *target);

rag_status rg_theme_read(rag_workbook *wb, const char *part, rag_error *err);
/* Read table part `part` of sheet s into s->tables (capacity *cap).  A
 * damaged table part is skipped; only out of memory fails. */
rag_status rg_table_read(rag_workbook *wb, rag_sheet *s, size_t *cap,
                         const char *part, rag_error *err);
rag_status rg_styles_read(rag_workbook *wb, const char *part,
                          rag_error *err);
rag_status rg_sst_read(rag_workbook *wb, const char *part, rag_error *err);

/* Colours: resolve a <color>-like element's attributes to RGB. */
uint32_t rg_color_resolve(const rag_workbook *wb, const char **attrs);

/* Font properties: apply child element `name` of a <font> or <rPr>.
 * false on out of memory (a font name could not be kept). */
bool rg_font_apply(rag_workbook *wb, rag_font *f, const char *name,
                   const char **attrs);

/* Rich text being read (<si> or <is>): runs with fonts.  Used by the
 * shared-strings reader and the sheet reader's inline strings. */
typedef struct rg_rich_builder {
    rg_buf text;            /* joined text */
    rg_buf runs;            /* rag_run array; text as offsets until done */
    rag_font font;          /* the current run's font */
    bool in_t, in_rph, in_rpr, in_run, has_rpr;
    size_t run_count;
} rg_rich_builder;

void rg_rich_reset(rg_rich_builder *b);
void rg_rich_free(rg_rich_builder *b);
/* Feed elements and text inside <si>/<is>; false on out of memory. */
bool rg_rich_start(rag_workbook *wb, rg_rich_builder *b, const char *name,
                   const char **attrs);
bool rg_rich_end(rg_rich_builder *b, const char *name);
bool rg_rich_text(rg_rich_builder *b, const char *s, int len);
/* Decode the _xHHHH_ escapes of the text read so far, in place. */
void rg_rich_unescape(rg_rich_builder *b);
/* Copy the runs into arena a; NULL (no error) when the text is plain. */
const rag_rich *rg_rich_finish(rg_rich_builder *b, rg_arena *a, bool *nomem);

/* Shared formulas: translate formula written for (row0, col0) so that it
 * fits (row, col), shifting relative references.  Into buf. */
bool rg_formula_shift(const char *formula, int64_t drow, int64_t dcol,
                      rg_buf *buf);

/* Threads the last rag_workbook_read() to succeed loaded its sheets on
 * (sheet.c): 1 when one after another, 0 before any.  For the tests. */
unsigned rg_read_threads_last(void);

#endif
