/*
 * The writer's internals, shared by the files of src/write/.  Only
 * src/writer/ includes <xlsxwriter.h>.
 *
 * writer.c  the rag_writer: atomic output, modes, losses, sheets, and
 *           libxlsxwriter's scratch files (lxw_tmpfile, made unnamed)
 * style.c   the style table: rag_style -> lxw_format, interned
 * cell.c    cells: values, formulas, rich text
 * sheet.c   links, rows, columns, merges, validations, panes, filters
 * names.c   defined names, print titles and areas
 * copy.c    copying input sheets and workbooks
 * fixup.c   what libxlsxwriter cannot write, patched into its file
 * output.c  the output read back before it is put in place (util/outfile.c
 *           writes it beside the target); libxlsxwriter's lines muted
 */
#ifndef RG_WRITER_H
#define RG_WRITER_H

#include <xlsxwriter.h>

#include "ragbook/write.h"
#include "util/util.h"
#include "writer/fixup.h"
#include "writer/output.h"

/* One interned style. */
typedef struct wx_style {
    rag_style style;     /* strings point into the writer's arena */
    lxw_format *format;  /* created on first use by a cell */
    uint64_t hash;
    const unsigned char *key;
    size_t key_len;
} wx_style;

struct rag_wsheet {
    rag_writer *w;
    lxw_worksheet *ws;
    char *name;              /* as written (arena) */
    size_t index;            /* position in the workbook */
    const rag_workbook *src; /* the input it copies, or NULL */
    size_t src_index;
    bool hidden;
    bool very_hidden;        /* written hidden, made very hidden at close */
    wx_fixes *fixes;         /* cells libxlsxwriter cannot write right */
    int64_t row;             /* streaming: the row being written; -1 */
    size_t link_count;
    size_t validation_count;
    rag_range *merges;       /* kept to refuse overlaps */
    size_t merge_count, merge_cap;
};

struct rag_writer {
    char *path;              /* the target */
    rg_output *out;          /* the temporary file beside it */
    rag_write_mode mode;     /* AUTO until the workbook is made */
    uint64_t expect_cells;
    lxw_workbook *wb;        /* made on first use */
    lxw_doc_properties props;
    char *tmpdir;
    bool failed;             /* a call failed: close will refuse */
    bool muted;              /* rg_mute_begin() called: end it when freed */
    rg_arena arena;          /* names, style keys and strings */

    wx_style *styles;        /* [0] unused: RAG_WSTYLE_NONE */
    size_t style_count, style_cap;
    uint32_t *table;         /* open addressing: style index, 0 empty */
    size_t table_cap;

    const rag_workbook *in_wb;   /* the input whose styles are cached */
    rag_wstyle *in_map;          /* per input style; 0 = not mapped yet */
    size_t in_count;

    rag_wsheet **sheets;
    size_t sheet_count, sheet_cap;
    uint32_t *name_table;    /* open addressing: sheet index + 1, 0 empty */
    size_t name_cap;
    char dup_base[RAG_SHEET_NAME_MAX * 4 + 1]; /* last name numbered */
    unsigned dup_next;       /* and the number it reached */
    rag_wsheet *active;

    size_t losses[RAG_LOSS_COUNT];
    rg_buf scratch;          /* style keys */
    rg_buf text;             /* text being prepared for libxlsxwriter */
};

/* writer.c */
/* Make the lxw_workbook if not yet made (the mode is settled then). */
rag_status wx_workbook(rag_writer *w, rag_error *err);
/* Map a libxlsxwriter error to err; marks the writer failed. */
rag_status wx_lxw_fail(rag_writer *w, rag_error *err, lxw_error e,
                       const char *what);
void wx_loss(rag_writer *w, rag_loss kind);
/* How many scratch files libxlsxwriter asked for (lxw_tmpfile), all
 * unnamed; for tests. */
long wx_scratch_count(void);

/* style.c */
void wx_styles_free(rag_writer *w);
/* The lxw_format of a handle, made on first use; NULL for NONE or when out
 * of memory (then *nomem is set). */
lxw_format *wx_format(rag_writer *w, rag_wstyle style, bool *nomem);
/* The lxw color of an RGB, or LXW_COLOR_UNSET for RAG_NO_COLOR. */
lxw_color_t wx_color(uint32_t rgb);
/* A format holding only font (for rich-text runs); NULL on no memory. */
lxw_format *wx_font_format(rag_writer *w, const rag_font *font,
                           rag_error *err);

/* cell.c */
/* Refuse, in streaming mode, a row above the current one. */
rag_status wx_check_row(rag_wsheet *ws, uint32_t row, rag_error *err);
/* "cannot write Sheet!A1: <libxlsxwriter's reason>"; marks w failed. */
rag_status wx_cell_fail(rag_wsheet *ws, rag_error *err, lxw_error e,
                        uint32_t row, uint32_t col);
/* The lxw_format of a style, or an out-of-memory failure. */
rag_status wx_get_format(rag_wsheet *ws, rag_wstyle style, lxw_format **out,
                         rag_error *err);

/* true when the formula refers to another workbook ("[1]Sheet1!A1"), or,
 * with structured_too, to a table ("Table1[Col]"). */
bool wx_formula_refs(const char *formula, bool structured_too);

/* sheet.c */
/* s cut to at most max characters (UTF-8), in b; NULL on no memory. */
const char *wx_cut_to(rg_buf *b, const char *s, size_t max);
/* Excel's column width (as in the file, with padding) to the width in
 * characters libxlsxwriter takes. */
double wx_col_width_from_file(double file_width);
/* A link at (row, col) written with format f; the caller writes the cell's
 * own value over it afterwards (the link stays). */
rag_status wx_link(rag_wsheet *ws, uint32_t row, uint32_t col,
                   const char *url, const char *location, const char *text,
                   const char *tooltip, lxw_format *f, rag_error *err);
rag_status wx_set_column(rag_wsheet *ws, uint32_t first, uint32_t last,
                         double width, lxw_format *f, bool hidden,
                         uint8_t level, bool collapsed, rag_error *err);
rag_status wx_set_row(rag_wsheet *ws, uint32_t row, double height,
                      lxw_format *f, bool hidden, uint8_t level,
                      bool collapsed, rag_error *err);

/* names.c */
/* Excel's rules for a defined name (letters, digits, _ . \ ?; not a cell
 * reference). */
bool wx_defined_name_valid(const char *name);

#endif
