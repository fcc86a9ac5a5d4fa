/*
 * ragbook cells: the raw grid, as JSON (every sheet) or CSV (one sheet).
 * Sheets are streamed, so a 200,000-row sheet prints in flat memory; the
 * JSON's "merged" list, which the file gives after the cells, is printed
 * first by spooling the cells, and the CSV's rows are spooled until the
 * sheet's end gives their width.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/util.h"

/* What follows a cell's value in its JSON line depends only on its
 * style: built once per style, on first use. */
typedef struct style_tail {
    char *plain;     /* bold and fill */
    char *numeric;   /* bold, fill and the number format */
} style_tail;

typedef struct cells_out {
    FILE *f;
    const rag_workbook *wb;
    bool first;
    style_tail *tails;    /* one per style of wb, built lazily */
    rg_buf line;          /* the cell being written; CSV: the row */
    /* CSV */
    uint32_t csv_row, csv_col;  /* the row being read, the field it is at */
    uint32_t csv_gap;           /* empty rows before the row being read */
    bool csv_started, csv_failed;
    bool json_failed;           /* out of memory or a failed write */
} cells_out;

/* A cell is listed when it has a value, a formula or a solid fill. */
static bool listed(const rag_style *st, const rag_cell *c)
{
    return c->type != RAG_CELL_BLANK || c->formula ||
           st->pattern == RAG_PATTERN_SOLID;
}

static const style_tail *tail_of(cells_out *o, uint32_t index)
{
    const rag_style *st = &o->wb->styles[index];
    style_tail *t;
    rg_buf b = {NULL, 0, 0};

    if (!o->tails) {
        o->tails = rg_calloc(o->wb->style_count, sizeof *o->tails);
        if (!o->tails)
            return NULL;
    }
    t = &o->tails[index];
    if (t->plain)
        return t;
    rg_buf_append(&b, "", 0);
    if (st->font.bold)
        rg_buf_puts(&b, ", \"bold\": true");
    if (st->pattern == RAG_PATTERN_SOLID && st->fill_fg != RAG_NO_COLOR)
        rg_buf_printf(&b, ", \"fill\": \"%06X\"", (unsigned)st->fill_fg);
    t->plain = rg_strdup(b.data ? b.data : "");
    if (st->numfmt) {
        rg_buf_puts(&b, ", \"format\": ");
        rg_json_buf(&b, st->numfmt, strlen(st->numfmt));
    }
    t->numeric = rg_strdup(b.data ? b.data : "");
    rg_buf_free(&b);
    if (!t->plain || !t->numeric) {
        rg_free(t->plain);
        rg_free(t->numeric);
        t->plain = t->numeric = NULL;
        return NULL;
    }
    return t;
}

static void free_tails(cells_out *o)
{
    size_t i;
    for (i = 0; o->tails && i < o->wb->style_count; i++) {
        rg_free(o->tails[i].plain);
        rg_free(o->tails[i].numeric);
    }
    rg_free(o->tails);
    o->tails = NULL;
    rg_buf_free(&o->line);
}

/* A string literal into b, without strlen at every cell. */
#define PUT_LIT(b, lit) rg_buf_append((b), (lit), sizeof(lit) - 1)

/* The cells' JSON gathers in o->line and goes to the spool in pieces of
 * about this size: an fwrite per cell was a twentieth of `cells`. */
#define JSON_PIECE (64u * 1024u)

static bool json_flush(cells_out *o)
{
    bool ok;

    if (!o->line.len)
        return true; /* a sheet with no cells: no buffer yet */
    ok = fwrite(o->line.data, 1, o->line.len, o->f) == o->line.len;
    rg_buf_reset(&o->line);
    return ok;
}

/* One cell's JSON, added to o->line. */
static int json_cell(void *ctx, const rag_sheet *sheet, const rag_cell *c)
{
    cells_out *o = ctx;
    const rag_style *st = rag_cell_style(o->wb, c);
    const style_tail *tail;
    rg_buf *b = &o->line;
    char tmp[40];
    bool ok;
    (void)sheet;

    if (!listed(st, c))
        return 0;
    tail = tail_of(o, c->style < o->wb->style_count ? c->style : 0);
    if (!tail)
        return o->json_failed = true, 1;
    ok = (o->first ? PUT_LIT(b, "\n     {\"ref\": \"")
                   : PUT_LIT(b, ",\n     {\"ref\": \"")) &&
         rg_buf_puts(b, rag_cell_ref_format(c->row, c->col, tmp)) &&
         PUT_LIT(b, "\", \"type\": ");
    o->first = false;
    switch (c->type) {
    case RAG_CELL_BLANK:
        ok = ok && PUT_LIT(b, "\"blank\"");
        break;
    case RAG_CELL_NUMBER:
        rg_format_double(c->number, tmp, sizeof tmp);
        ok = ok && PUT_LIT(b, "\"number\", \"value\": ") &&
             rg_buf_puts(b, tmp);
        break;
    case RAG_CELL_STRING:
        ok = ok && PUT_LIT(b, "\"string\", \"value\": ") &&
             rg_json_buf(b, c->text, c->text_len);
        break;
    case RAG_CELL_BOOL:
        ok = ok && rg_buf_puts(b, c->number ? "\"bool\", \"value\": true"
                                            : "\"bool\", \"value\": false");
        break;
    case RAG_CELL_DATE:
        rag_serial_format(c->number, o->wb->date1904, tmp);
        ok = ok && PUT_LIT(b, "\"date\", \"value\": \"") &&
             rg_buf_puts(b, tmp) && rg_buf_putc(b, '"');
        break;
    case RAG_CELL_ERROR:
        ok = ok && PUT_LIT(b, "\"error\", \"value\": ") &&
             rg_json_buf(b, c->text, c->text_len);
        break;
    }
    if (c->formula)
        ok = ok && PUT_LIT(b, ", \"formula\": ") &&
             rg_json_buf(b, c->formula, strlen(c->formula));
    ok = ok && rg_buf_puts(b, c->type == RAG_CELL_NUMBER ||
                                      c->type == RAG_CELL_DATE
                                  ? tail->numeric
                                  : tail->plain) &&
         rg_buf_putc(b, '}');
    if (!ok || (b->len >= JSON_PIECE && !json_flush(o)))
        return o->json_failed = true, 1; /* the stream stops here */
    return 0;
}

/* The head of one sheet's JSON, kept while its cells go to the spool. */
typedef struct sheet_head {
    rg_buf text;
    long start, end;        /* the cells' bytes in the spool */
    bool empty;
} sheet_head;

static void sheet_head_write(rg_buf *b, const rag_sheet *s)
{
    char range[32];
    size_t j;
    FILE *f = NULL;
    char *mem = NULL;
    size_t len = 0;

    /* Build with the JSON helpers through a memory stream. */
    f = open_memstream(&mem, &len);
    if (!f)
        return;
    fputs("{\"name\": ", f);
    json_cstr(f, s->name);
    fputs(", \"dimension\": ", f);
    if (s->dimension)
        json_cstr(f, s->dimension);
    else if (s->has_cells)
        json_cstr(f, rag_range_format(&s->used, range));
    else
        fputs("null", f);
    fputs(", \"merged\": [", f);
    for (j = 0; j < s->merge_count; j++) {
        fputs(j ? ", \"" : "\"", f);
        fputs(rag_range_format(&s->merges[j], range), f);
        putc('"', f);
    }
    fputs("],\n   \"cells\": [", f);
    fclose(f);
    rg_buf_append(b, mem, len);
    free(mem);
}

/* Read every sheet (or only `only`) into the spool first and print
 * nothing until all have been read, so a damaged sheet leaves no partial
 * JSON on stdout. */
static int print_json(rag_workbook *wb, long only, const char *file,
                      rag_error *err)
{
    sheet_head *heads;
    cli_spool sp;
    FILE *out = stdout;
    size_t i, printed = 0;
    int status = RAG_EXIT_OK;

    heads = rg_calloc(wb->sheet_count ? wb->sheet_count : 1, sizeof *heads);
    if (!heads) {
        fprintf(stderr, "ragbook: %s: out of memory\n", file);
        return RAG_EXIT_TROUBLE;
    }
    if (!spool_open(&sp)) {
        rg_free(heads);
        spool_failed(file, &sp);
        return RAG_EXIT_TROUBLE;
    }
    for (i = 0; i < wb->sheet_count && status == RAG_EXIT_OK; i++) {
        rag_cell_visitor v = {NULL, NULL, json_cell};
        cells_out o;

        if (only >= 0 && (size_t)only != i)
            continue;
        memset(&o, 0, sizeof o);
        o.f = sp.file;
        o.wb = wb;
        o.first = true;
        v.ctx = &o;
        heads[i].start = ftell(sp.file);
        if (rag_sheet_stream(wb, i, &v, err) != RAG_OK) {
            free_tails(&o);
            status = cli_file_error(file, err);
            break;
        }
        if (o.json_failed || !json_flush(&o)) {
            free_tails(&o);
            fprintf(stderr, "ragbook: %s: cannot write a temporary file\n",
                    file);
            status = RAG_EXIT_TROUBLE;
            break;
        }
        free_tails(&o);
        heads[i].end = ftell(sp.file);
        heads[i].empty = o.first;
        sheet_head_write(&heads[i].text, &wb->sheets[i]);
        if (!heads[i].text.len)
            status = cli_file_error(file, err);
    }
    if (status == RAG_EXIT_OK && (fflush(sp.file) || ferror(sp.file))) {
        fprintf(stderr, "ragbook: %s: cannot write a temporary file\n",
                file);
        status = RAG_EXIT_TROUBLE;
    }
    if (status == RAG_EXIT_OK) {
        fputs("{\"file\": ", out);
        json_cstr(out, file);
        fputs(",\n \"sheets\": [", out);
        for (i = 0; i < wb->sheet_count; i++) {
            if (only >= 0 && (size_t)only != i)
                continue;
            fputs(printed++ ? ",\n  " : "\n  ", out);
            fwrite(heads[i].text.data, 1, heads[i].text.len, out);
            if (!spool_copy(&sp, heads[i].start, heads[i].end, out)) {
                /* A failed write to stdout is reported once, by
                 * cli_finish(); a failed read of the spool here. */
                if (!ferror(out))
                    fprintf(stderr, "ragbook: %s: cannot read back a "
                            "temporary file\n", file);
                status = RAG_EXIT_TROUBLE;
                break;
            }
            fputs(heads[i].empty ? "]}" : "\n   ]}", out);
        }
        if (status == RAG_EXIT_OK)
            fputs("\n ]}\n", out);
    }
    spool_close(&sp);
    for (i = 0; i < wb->sheet_count; i++)
        rg_buf_free(&heads[i].text);
    rg_free(heads);
    return status;
}

/* ---- CSV ------------------------------------------------------------- */

/*
 * The CSV is made in one pass over the sheet (issue 17).  Its width is
 * known only when the whole sheet has been read (csv_width() needs the
 * span of the cells), and nothing may be printed before then anyway: a
 * sheet that fails part-way must leave no partial CSV on stdout.  So the
 * pass writes each row's fields, unpadded, to the spool, and the copy to
 * stdout adds each row's padding once the width is known.  Until then a
 * first pass that only measured the sheet did the same work again: 1.5x
 * the CPU of JSON.  Printing straight away at the declared dimension's
 * width would need the dimension trusted, and a cell past it, or a sheet
 * that fails late, would then call back what was printed.
 *
 * The spool holds records: a csv_rec, then len bytes of fields.
 */
typedef struct csv_rec {
    uint32_t gap;  /* empty rows printed before this record */
    uint32_t col;  /* the field the row is at when it ends (0-based) */
    uint32_t len;  /* bytes of fields after this header */
    uint32_t end;  /* 1: the row ends here; 0: more of its fields follow */
} csv_rec;

/* A row's fields are held in memory up to about this many bytes, then go
 * to the spool as a record that does not end the row: memory stays flat
 * even for a row of 16,384 long strings, and len fits in 32 bits. */
#define CSV_CHUNK (64u * 1024u)

/* Send the row's fields so far to the spool; end: the row ends. */
static bool csv_flush(cells_out *o, bool end)
{
    csv_rec r;

    r.gap = o->csv_gap;
    r.col = o->csv_col;
    r.len = (uint32_t)o->line.len;
    r.end = end;
    o->csv_gap = 0;
    if (fwrite(&r, sizeof r, 1, o->f) != 1 ||
        fwrite(o->line.data ? o->line.data : "", 1, r.len, o->f) != r.len)
        return false;
    rg_buf_reset(&o->line);
    return true;
}

/* Append n bytes of s to the row, sending full chunks to the spool. */
static bool csv_put(cells_out *o, const char *s, size_t n)
{
    while (n) {
        size_t room = CSV_CHUNK - o->line.len;
        size_t k = n < room ? n : room;

        if (!rg_buf_append(&o->line, s, k))
            return false;
        s += k;
        n -= k;
        if (o->line.len >= CSV_CHUNK && !csv_flush(o, false))
            return false;
    }
    return true;
}

/* n commas. */
static bool csv_commas(cells_out *o, size_t n)
{
    static const char commas[64] = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"
                                   ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
    while (n) {
        size_t k = n < sizeof commas ? n : sizeof commas;
        if (!csv_put(o, commas, k))
            return false;
        n -= k;
    }
    return true;
}

/* One field, RFC 4180: quoted (quotes doubled) when it holds a quote, a
 * comma or a line break. */
static bool csv_field(cells_out *o, const char *s, size_t len)
{
    const char *q;

    if (!memchr(s, '"', len) && !memchr(s, ',', len) &&
        !memchr(s, '\n', len) && !memchr(s, '\r', len))
        return csv_put(o, s, len);
    if (!csv_put(o, "\"", 1))
        return false;
    while ((q = memchr(s, '"', len)) != NULL) {
        size_t k = (size_t)(q - s) + 1;   /* up to the quote, with it */
        if (!csv_put(o, s, k) || !csv_put(o, "\"", 1))
            return false;
        s += k;
        len -= k;
    }
    return csv_put(o, s, len) && csv_put(o, "\"", 1);
}

/* A cell: rows are finished (sent to the spool) as the cells move down;
 * the fields between cells of a row are empty.  csv_col is the field the
 * row is at. */
static int csv_cell(void *ctx, const rag_sheet *sheet, const rag_cell *c)
{
    cells_out *o = ctx;
    char buf[40];
    bool ok = true;
    (void)sheet;

    if (c->type == RAG_CELL_BLANK)
        return 0;
    if (!o->csv_started) {
        /* The rows above the first value print empty. */
        o->csv_started = true;
        o->csv_gap = c->row;
        o->csv_row = c->row;
        o->csv_col = 0;
    } else if (c->row < o->csv_row) {
        return 0; /* out of order: CSV cannot go back */
    } else if (c->row > o->csv_row) {
        if (!csv_flush(o, true))
            goto fail;
        o->csv_gap = c->row - o->csv_row - 1;
        o->csv_row = c->row;
        o->csv_col = 0;
    } else if (c->col < o->csv_col) {
        return 0;
    }
    if (c->col > o->csv_col) {
        ok = csv_commas(o, c->col - o->csv_col);
        o->csv_col = c->col;
    }
    switch (c->type) {
    case RAG_CELL_NUMBER:
        rg_format_double(c->number, buf, sizeof buf);
        ok = ok && csv_put(o, buf, strlen(buf));
        break;
    case RAG_CELL_DATE:
        rag_serial_format(c->number, o->wb->date1904, buf);
        ok = ok && csv_put(o, buf, strlen(buf));
        break;
    case RAG_CELL_BOOL:
        ok = ok && (c->number ? csv_put(o, "TRUE", 4)
                              : csv_put(o, "FALSE", 5));
        break;
    case RAG_CELL_STRING:
    case RAG_CELL_ERROR:
        ok = ok && csv_field(o, c->text, c->text_len);
        break;
    case RAG_CELL_BLANK:
        break;
    }
    if (ok)
        return 0;
fail:
    o->csv_failed = true;
    return 1;
}

/* Padding to the declared <dimension> is allowed up to this many empty
 * fields beyond what the cells span themselves (or as many as the cells'
 * own area, when that is larger): a few columns a writer declared for
 * formats or comments cost nothing, while a two-cell sheet declaring
 * A1:XFD1 would print 16,383 commas a row, 13.8 GB for a tall sheet
 * (issue 16).  One million fields is about 1 MB of commas. */
#define CSV_PAD_MAX 1000000ull

/* The CSV's width: the declared dimension's last column, as the contract
 * has it, when the padding that costs is in proportion to the cells (see
 * CSV_PAD_MAX); else what the cells span.  It is asked once the sheet has
 * been read, when s->used is whole.  A cell past the width is still
 * written, at the end of its row: better a ragged row than a lost value. */
static uint32_t csv_width(const rag_sheet *s)
{
    rag_range dim;
    unsigned long long rows, used, extra;

    if (!s->dimension || !strchr(s->dimension, ':') ||
        !rag_range_parse(s->dimension, &dim) ||
        dim.last_col <= s->used.last_col)
        return s->used.last_col + 1;
    rows = (unsigned long long)s->used.last_row + 1;
    used = rows * (s->used.last_col + 1ull);
    extra = rows * (unsigned long long)(dim.last_col - s->used.last_col);
    if (extra > CSV_PAD_MAX && extra > used)
        return s->used.last_col + 1;
    return dim.last_col + 1;
}

/* Copy the spool's records to out, each row padded to width fields and
 * ended with CRLF.  false when the spool cannot be read back or out fails. */
static bool csv_copy(FILE *spool, FILE *out, uint32_t width)
{
    char buf[1 << 16];
    char *pad;      /* width - 1 commas, then CRLF: an empty row */
    csv_rec r;
    bool ok = true;

    pad = rg_malloc((size_t)width + 1);
    if (!pad || fseek(spool, 0, SEEK_SET) != 0) {
        rg_free(pad);
        return false;
    }
    memset(pad, ',', width - 1);
    memcpy(pad + width - 1, "\r\n", 2);
    while (ok && fread(&r, sizeof r, 1, spool) == 1) {
        uint32_t left = r.len;

        for (; r.gap && ok; r.gap--)
            ok = fwrite(pad, 1, (size_t)width + 1, out) == (size_t)width + 1;
        while (ok && left) {
            size_t want = left < sizeof buf ? left : sizeof buf;
            ok = fread(buf, 1, want, spool) == want &&
                 fwrite(buf, 1, want, out) == want;
            left -= (uint32_t)want;
        }
        if (ok && r.end) {
            /* commas up to the last field, as many as the row lacks */
            size_t n = r.col + 1 < width ? width - 1 - r.col : 0;
            ok = fwrite(pad + (width - 1 - n), 1, n + 2, out) == n + 2;
        }
    }
    rg_free(pad);
    return ok && !ferror(spool) && !ferror(out);
}

/* Read the sheet once into the spool (see csv_rec), then print it, so a
 * sheet that fails part-way prints nothing. */
static int print_csv(rag_workbook *wb, size_t index, const char *file,
                     rag_error *err)
{
    rag_sheet *s = &wb->sheets[index];
    rag_cell_visitor v = {NULL, NULL, csv_cell};
    cells_out o;
    cli_spool sp;
    int status = RAG_EXIT_OK;

    if (!spool_open(&sp)) {
        spool_failed(file, &sp);
        return RAG_EXIT_TROUBLE;
    }
    memset(&o, 0, sizeof o);
    o.f = sp.file;
    o.wb = wb;
    v.ctx = &o;
    if (rag_sheet_stream(wb, index, &v, err) != RAG_OK) {
        status = cli_file_error(file, err);
    } else if (o.csv_failed || (o.csv_started && !csv_flush(&o, true)) ||
               fflush(sp.file) || ferror(sp.file)) {
        fprintf(stderr, "ragbook: %s: cannot write a temporary file\n",
                file);
        status = RAG_EXIT_TROUBLE;
    } else if (o.csv_started && !csv_copy(sp.file, stdout, csv_width(s))) {
        /* A failed write to stdout is reported once, by cli_finish(); a
         * failed read of the spool here. */
        if (!ferror(stdout))
            fprintf(stderr, "ragbook: %s: cannot read back a temporary "
                    "file\n", file);
        status = RAG_EXIT_TROUBLE;
    }
    rg_buf_free(&o.line);
    spool_close(&sp);
    return status;
}

int cmd_cells(int argc, char **argv)
{
    static const struct option opts[] = {
        {"sheet", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *sheet = NULL, *format = "json", *file = NULL, *out = "-";
    rag_workbook *wb = NULL;
    rag_error err;
    int c, status;

    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case 's':
            sheet = optarg;
            break;
        case 'o':
            out = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'h':
            return cli_finish(cli_help("cells"));
        default:
            return cli_bad_option("cells", c, argv, opts);
        }
    }
    if (strcmp(format, "json") && strcmp(format, "csv"))
        return cli_usage_error("cells", "--format takes json or csv, not "
                               "'%s'", format);
    if (optind + 1 != argc)
        return cli_usage_error("cells", optind >= argc
                                            ? "no file given"
                                            : "one file at a time");
    file = argv[optind];
    if (cli_text_output("cells", out, argv + optind, 1) != RAG_EXIT_OK)
        return RAG_EXIT_TROUBLE;
    rag_error_clear(&err);
    if (rag_workbook_open(file, NULL, &wb, &err) != RAG_OK)
        return cli_file_error(file, &err);
    if (!strcmp(format, "csv")) {
        long index = 0;
        if (sheet && (index = rag_workbook_sheet_index(wb, sheet)) < 0) {
            fprintf(stderr, "ragbook: %s: no sheet named '%s'\n", file,
                    sheet);
            rag_workbook_free(wb);
            return RAG_EXIT_TROUBLE;
        }
        status = wb->sheet_count ? print_csv(wb, (size_t)index, file, &err)
                                 : RAG_EXIT_OK;
    } else {
        long index = -1;
        if (sheet && (index = rag_workbook_sheet_index(wb, sheet)) < 0) {
            fprintf(stderr, "ragbook: %s: no sheet named '%s'\n", file,
                    sheet);
            rag_workbook_free(wb);
            return RAG_EXIT_TROUBLE;
        }
        status = print_json(wb, index, file, &err);
    }
    rag_workbook_free(wb);
    return cli_finish(status);
}
