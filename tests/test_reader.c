/*
 * The XLSX reader on real files (the shared fixtures, whose facts below were
 * checked with openpyxl and by eye in LibreOffice) and on small workbooks
 * made here, part by part, for what the fixtures do not hold: the 1904
 * system, cells without r, prefixes, shared formulas, rich text, and the
 * ways a damaged workbook breaks.  Then every allocation is made to fail
 * in turn: the reader must say "out of memory", never crash or leak.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include <xlsxwriter.h>

#include "support.h"
#include "read/reader.h"
#include "util/util.h"

/* ---- helpers ---------------------------------------------------------- */

static rag_workbook *read_ok(const char *path)
{
    rag_workbook *wb = NULL;
    rag_error err;
    rag_status st;

    rag_error_clear(&err);
    st = rag_workbook_read(path, NULL, &wb, &err);
    if (st != RAG_OK) {
        char msg[512];
        rag_error_format(&err, msg, sizeof msg);
        fail_msg("%s: %s", path, msg);
    }
    return wb;
}

static const rag_cell *cell_at(const rag_sheet *s, const char *ref)
{
    uint32_t row, col;
    const rag_cell *c;

    if (!rag_cell_ref_parse(ref, &row, &col))
        fail_msg("bad ref %s", ref);
    c = rag_sheet_cell(s, row, col);
    if (!c)
        fail_msg("no cell %s on '%s'", ref, s->name);
    return c;
}

static void want_string(const rag_sheet *s, const char *ref,
                          const char *text)
{
    const rag_cell *c = cell_at(s, ref);
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_string_equal(c->text, text);
    assert_int_equal(c->text_len, strlen(text));
}

static void want_number(const rag_sheet *s, const char *ref, double v)
{
    const rag_cell *c = cell_at(s, ref);
    assert_int_equal(c->type, RAG_CELL_NUMBER);
    if (c->number != v)
        fail_msg("%s is %.17g, want %.17g", ref, c->number, v);
}

static void want_date(const rag_workbook *wb, const rag_sheet *s,
                        const char *ref, const char *date)
{
    const rag_cell *c = cell_at(s, ref);
    char buf[24];
    assert_int_equal(c->type, RAG_CELL_DATE);
    assert_true(rag_serial_format(c->number, wb->date1904, buf));
    assert_string_equal(buf, date);
}

static void want_fill(const rag_workbook *wb, const rag_sheet *s,
                        const char *ref, uint32_t rgb)
{
    const rag_style *st = rag_cell_style(wb, cell_at(s, ref));
    assert_int_equal(st->pattern, RAG_PATTERN_SOLID);
    if (st->fill_fg != rgb)
        fail_msg("%s fill %06X, want %06X", ref, st->fill_fg, rgb);
}

static size_t valued_cells(const rag_sheet *s)
{
    size_t i, n = 0;
    for (i = 0; i < s->cell_count; i++)
        if (s->cells[i].type != RAG_CELL_BLANK)
            n++;
    return n;
}

static void want_merges(const rag_sheet *s, const char *const *want,
                          size_t n)
{
    size_t i;
    assert_int_equal(s->merge_count, n);
    for (i = 0; i < n; i++) {
        char buf[32];
        assert_string_equal(rag_range_format(&s->merges[i], buf), want[i]);
    }
}

#define FIXTURE(name)                                                       \
    do {                                                                    \
        NEED_SHARED();                                                      \
    } while (0)

static const char *fixture(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s", shared_path("fixtures/"));
    strncat(path, name, sizeof path - strlen(path) - 1);
    return path;
}

/* ---- the fixtures ----------------------------------------------------- */

static void test_reader_wm8_tracker_reads_title_date_and_fills(void **state)
{
    static const char *const merges[] = {"A2:P2", "A24:P24", "A46:P46",
                                         "A68:P68", "A90:P90"};
    rag_workbook *wb;
    const rag_sheet *s;
    const rag_style *st;
    (void)state;
    FIXTURE();
    wb = read_ok(fixture("wm8-improvement-tracker.xlsx"));
    assert_int_equal(wb->sheet_count, 1);
    assert_false(wb->date1904);
    s = &wb->sheets[0];
    assert_string_equal(s->name, "WM8 Progress");
    assert_string_equal(s->dimension, "A1:P107");
    want_merges(s, merges, 5);

    want_string(s, "A1", "Key Objective WM8:");
    assert_true(rag_cell_style(wb, cell_at(s, "A1"))->font.bold);
    want_date(wb, s, "B5", "2009-09-07");
    assert_true(cell_at(s, "B5")->number == 40063);
    st = rag_cell_style(wb, cell_at(s, "B5"));
    assert_string_equal(st->numfmt, "d mmmm yyyy");
    assert_true(st->is_date);

    /* The legend and the month cells. */
    want_fill(wb, s, "B7", 0xBDD7EE);
    want_string(s, "C7", "Programmed dates");
    want_fill(wb, s, "B8", 0x92D050);
    want_string(s, "C8", "On target");
    want_fill(wb, s, "B12", 0x808080);
    assert_int_equal(cell_at(s, "D16")->type, RAG_CELL_BLANK);
    want_fill(wb, s, "D16", 0x92D050);
    want_fill(wb, s, "G17", 0xFFC000);
    want_fill(wb, s, "I17", 0xFF0000);
    want_fill(wb, s, "J17", 0xBDD7EE);
    want_fill(wb, s, "H39", 0xB4A7D6);
    want_string(s, "A14", "Ref.");
    want_fill(wb, s, "A14", 0xD9D9D9);
    want_string(s, "P14", "Comment / Corrective Action");
    want_string(s, "A16", "R1a");
    want_string(s, "C20", "David Taylor");
    assert_int_equal(valued_cells(s), 246);
    rag_workbook_free(wb);
}

/* LibreOffice writes the same workbook differently (inline styles order,
 * escaped spaces in the date format, no shared formulas): the grid must
 * read the same. */
static void test_reader_wm8_libreoffice_variant_reads_the_same_cells(
    void **state)
{
    rag_workbook *a, *b;
    const rag_sheet *sa, *sb;
    size_t i, listed = 0;
    (void)state;
    FIXTURE();
    a = read_ok(fixture("wm8-improvement-tracker.xlsx"));
    b = read_ok(fixture("wm8-improvement-tracker-libreoffice.xlsx"));
    assert_int_equal(b->sheet_count, 1);
    sa = &a->sheets[0];
    sb = &b->sheets[0];
    assert_string_equal(sb->name, "WM8 Progress");
    assert_string_equal(sb->dimension, "A1:P107");
    assert_int_equal(sb->merge_count, 5);
    assert_string_equal(rag_cell_style(b, cell_at(sb, "B5"))->numfmt,
                        "d\\ mmmm\\ yyyy");
    want_date(b, sb, "B5", "2009-09-07");
    for (i = 0; i < sa->cell_count; i++) {
        const rag_cell *ca = &sa->cells[i];
        const rag_style *ta = rag_cell_style(a, ca);
        const rag_cell *cb;
        const rag_style *tb;
        char ref[16];

        if (ca->type == RAG_CELL_BLANK && ta->pattern != RAG_PATTERN_SOLID)
            continue;
        listed++;
        rag_cell_ref_format(ca->row, ca->col, ref);
        cb = rag_sheet_cell(sb, ca->row, ca->col);
        if (!cb)
            fail_msg("%s missing from the LibreOffice file", ref);
        tb = rag_cell_style(b, cb);
        if (ca->type != cb->type)
            fail_msg("%s: type %d vs %d", ref, ca->type, cb->type);
        if (ca->text && strcmp(ca->text, cb->text))
            fail_msg("%s: '%s' vs '%s'", ref, ca->text, cb->text);
        if (ca->number != cb->number)
            fail_msg("%s: %g vs %g", ref, ca->number, cb->number);
        if ((ta->pattern == RAG_PATTERN_SOLID) !=
                (tb->pattern == RAG_PATTERN_SOLID) ||
            (ta->pattern == RAG_PATTERN_SOLID && ta->fill_fg != tb->fill_fg))
            fail_msg("%s: fill %06X vs %06X", ref, ta->fill_fg, tb->fill_fg);
        if (ta->font.bold != tb->font.bold)
            fail_msg("%s: bold differs", ref);
    }
    assert_true(listed > 400);
    rag_workbook_free(a);
    rag_workbook_free(b);
}

static void test_reader_benefits_action_plan_reads_dates(void **state)
{
    rag_workbook *wb;
    const rag_sheet *s;
    (void)state;
    FIXTURE();
    wb = read_ok(fixture("benefits-action-plan.xlsx"));
    assert_int_equal(wb->sheet_count, 1);
    s = &wb->sheets[0];
    assert_string_equal(s->name, "Action Plan");
    assert_string_equal(s->dimension, "A1:E23");
    assert_int_equal(s->merge_count, 0);
    want_string(s, "A1", "Ref");
    want_fill(wb, s, "A1", 0xD9D9D9);
    want_string(s, "E1", "Position statement");
    want_string(s, "A3", "R1a");
    want_date(wb, s, "D2", "2010-01-31");
    want_date(wb, s, "D16", "2009-12-31");
    want_date(wb, s, "D23", "2009-05-06");
    assert_string_equal(rag_cell_style(wb, cell_at(s, "D2"))->numfmt,
                        "dd/mm/yyyy");
    want_string(s, "C20", "T Kristunas D Taylor");
    assert_int_equal(valued_cells(s), 98);
    rag_workbook_free(wb);
}

static void test_reader_deficit_recovery_reads_numbers(void **state)
{
    rag_workbook *wb;
    const rag_sheet *s;
    (void)state;
    FIXTURE();
    wb = read_ok(fixture("deficit-recovery-frb-23-007.xlsx"));
    s = &wb->sheets[0];
    assert_string_equal(s->name, "FRB-23-007");
    assert_string_equal(s->dimension, "A1:C40");
    want_string(s, "A1", "Deficit Recovery Plan");
    want_string(s, "A3", "Directorate");
    want_fill(wb, s, "A3", 0xDCE6F1);
    assert_true(rag_cell_style(wb, cell_at(s, "A3"))->font.bold);
    want_string(s, "B5", "Dev Gopal");
    want_number(s, "B10", -2);
    want_number(s, "B11", 397);
    want_number(s, "B12", 0);
    want_number(s, "B13", 399);
    want_number(s, "B21", 80000);
    assert_string_equal(rag_cell_style(wb, cell_at(s, "B11"))->numfmt,
                        "#,##0");
    assert_int_equal(valued_cells(s), 46);
    rag_workbook_free(wb);
}

static void test_reader_pi_action_plans_reads_two_sheets_in_order(
    void **state)
{
    static const char *const merges[] = {"A1:E1", "A2:E2", "A10:E10",
                                         "A14:E14"};
    rag_workbook *wb;
    const rag_sheet *s;
    (void)state;
    FIXTURE();
    wb = read_ok(fixture("pi-action-plans-q2.xlsx"));
    assert_int_equal(wb->sheet_count, 2);
    assert_string_equal(wb->sheets[0].name, "DP11");
    assert_string_equal(wb->sheets[1].name, "CP2");
    assert_int_equal(rag_workbook_sheet_index(wb, "CP2"), 1);
    assert_int_equal(rag_workbook_sheet_index(wb, "cp2"), 1);
    assert_int_equal(rag_workbook_sheet_index(wb, "CP3"), -1);

    s = &wb->sheets[0];
    want_merges(s, merges, 4);
    want_string(s, "A1", "PERFORMANCE ACTION PLAN TEMPLATE");
    want_number(s, "B8", 0.9);
    want_number(s, "B11", 0.6);
    want_number(s, "E11", -0.3);
    assert_string_equal(rag_cell_style(wb, cell_at(s, "E11"))->numfmt,
                        "0.0%");
    want_string(s, "D11", "+ / - Target :");
    assert_int_equal(valued_cells(s), 28);

    s = &wb->sheets[1];
    want_merges(s, merges, 4);
    want_number(s, "B8", 0.3);
    want_number(s, "B11", 0.106);
    want_number(s, "E11", -0.194);
    want_string(s, "B5", "% Adult Care Packages supported by Direct Debit "
                           "(DD)\xE2\x80\x93 CP2");
    assert_int_equal(valued_cells(s), 27);
    rag_workbook_free(wb);
}

/* ---- workbooks made here ---------------------------------------------- */

typedef struct part {
    const char *name, *xml;
} part;

#define CT                                                                  \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                            \
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"        \
    "content-types\"/>"
#define PKG_RELS                                                            \
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"     \
    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"         \
    "schemas.openxmlformats.org/officeDocument/2006/relationships/"        \
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define REL(id, type, target)                                               \
    "<Relationship Id=\"" id "\" Type=\"http://schemas.openxmlformats.org/" \
    "officeDocument/2006/relationships/" type "\" Target=\"" target "\"/>"
#define WB_RELS(body)                                                       \
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"     \
    "2006/relationships\">" body "</Relationships>"
#define NS                                                                  \
    " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""  \
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"     \
    "relationships\""
#define WORKBOOK(pr, sheets)                                                \
    "<workbook" NS ">" pr "<sheets>" sheets "</sheets></workbook>"
#define SHEET(body) "<worksheet" NS "><sheetData>" body "</sheetData></worksheet>"

/* A styles part: xf 0 plain, 1 a date, 2 a theme-tinted solid fill,
 * 3 an indexed fill, 4 bold, 5 a 1904-friendly time format. */
#define STYLES                                                              \
    "<styleSheet" NS "><numFmts count=\"2\">"                               \
    "<numFmt numFmtId=\"164\" formatCode=\"d mmmm yyyy\"/>"                 \
    "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/></numFmts>"            \
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/>"      \
    "</font><font><b/><sz val=\"11\"/></font></fonts>"                      \
    "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill>"   \
    "<fill><patternFill patternType=\"gray125\"/></fill>"                   \
    "<fill><patternFill patternType=\"solid\"><fgColor theme=\"4\" "         \
    "tint=\"0.39997558519241921\"/></patternFill></fill>"                   \
    "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"10\"/>"    \
    "<bgColor indexed=\"64\"/></patternFill></fill></fills>"                \
    "<borders count=\"1\"><border/></borders>"                              \
    "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\"/>"   \
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\"/>"                      \
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\"/>"                        \
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\"/>"                        \
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\"/>"                        \
    "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\"/></cellXfs>"            \
    "</styleSheet>"

static char made_path[4096];

/* Write a workbook of these parts (plus [Content_Types].xml and, unless
 * given, _rels/.rels) to a temporary file; returns its path. */
static const char *make_xlsx(const part *parts, size_t n)
{
    zipFile z;
    size_t i;
    bool has_rels = false;
    int fd;

    snprintf(made_path, sizeof made_path, "/tmp/ragbook-test-XXXXXX");
    fd = mkstemp(made_path);
    assert_true(fd >= 0);
    close(fd);
    z = zipOpen64(made_path, APPEND_STATUS_CREATE);
    assert_non_null(z);
    for (i = 0; i < n; i++)
        if (!strcmp(parts[i].name, "_rels/.rels"))
            has_rels = true;
    for (i = 0; i < n + 2; i++) {
        const char *name, *xml;
        if (i == n) {
            name = "[Content_Types].xml";
            xml = CT;
        } else if (i == n + 1) {
            if (has_rels)
                continue;
            name = "_rels/.rels";
            xml = PKG_RELS;
        } else {
            name = parts[i].name;
            xml = parts[i].xml;
        }
        assert_int_equal(zipOpenNewFileInZip(z, name, NULL, NULL, 0, NULL,
                                             0, NULL, Z_DEFLATED, 6),
                         ZIP_OK);
        assert_int_equal(zipWriteInFileInZip(z, xml, (unsigned)strlen(xml)),
                         ZIP_OK);
        assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
    }
    assert_int_equal(zipClose(z, NULL), ZIP_OK);
    return made_path;
}

/* Read a made workbook; on failure return the status and the formatted
 * message in msg. */
static rag_status read_made(const part *parts, size_t n, rag_workbook **wb,
                            char *msg, size_t size)
{
    const char *path = make_xlsx(parts, n);
    rag_error err;
    rag_status st;

    rag_error_clear(&err);
    *wb = NULL;
    st = rag_workbook_read(path, NULL, wb, &err);
    msg[0] = '\0';
    if (st != RAG_OK)
        rag_error_format(&err, msg, size);
    unlink(path);
    return st;
}

#define ONE_SHEET_RELS                                                      \
    WB_RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")               \
            REL("rId2", "styles", "styles.xml")                             \
            REL("rId3", "sharedStrings", "sharedStrings.xml"))
#define ONE_SHEET_WB WORKBOOK("", "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")

static rag_workbook *made_one_sheet(const char *workbook, const char *sheet,
                                    const char *sst)
{
    part parts[] = {
        {"xl/workbook.xml", workbook ? workbook : ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/styles.xml", STYLES},
        {"xl/worksheets/sheet1.xml", sheet},
        {"xl/sharedStrings.xml", sst ? sst : "<sst" NS "/>"},
    };
    rag_workbook *wb;
    char msg[512];
    if (read_made(parts, 5, &wb, msg, sizeof msg) != RAG_OK)
        fail_msg("%s", msg);
    return wb;
}

static void test_reader_reads_every_value_type(void **state)
{
    rag_workbook *wb = made_one_sheet(
        NULL,
        SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c>"
              "<c r=\"B1\"><v>-0.3</v></c>"
              "<c r=\"C1\" t=\"b\"><v>1</v></c>"
              "<c r=\"D1\" t=\"b\"><v>0</v></c>"
              "<c r=\"E1\" t=\"e\"><v>#N/A</v></c>"
              "<c r=\"F1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
              "<c r=\"G1\" t=\"inlineStr\"><is><t>inline</t></is></c>"
              "<c r=\"H1\" s=\"1\"><v>40063</v></c>"
              "<c r=\"I1\" t=\"d\"><v>2009-09-07T12:00:00</v></c>"
              "<c r=\"J1\" s=\"2\"/>"
              "<c r=\"K1\"><f>SUM(B1:B1)</f><v>-0.3</v></c>"
              "<c r=\"L1\" t=\"inlineStr\"><v>no is</v></c>"
              "<c r=\"M1\" s=\"5\"><v>1.5</v></c>"
              "<c r=\"N1\" t=\"s\"><v>2</v></c>"
              "</row>"),
        "<sst" NS "><si><t>zero</t></si><si><t xml:space=\"preserve\"> "
        "one </t></si><si><t>a_x000D__x000A_b_x005F_x0041_</t></si></sst>");
    const rag_sheet *s = &wb->sheets[0];
    const rag_cell *c;
    (void)state;

    want_string(s, "A1", " one ");
    want_number(s, "B1", -0.3);
    c = cell_at(s, "C1");
    assert_int_equal(c->type, RAG_CELL_BOOL);
    assert_true(c->number == 1);
    assert_true(cell_at(s, "D1")->number == 0);
    c = cell_at(s, "E1");
    assert_int_equal(c->type, RAG_CELL_ERROR);
    assert_string_equal(c->text, "#N/A");
    c = cell_at(s, "F1");
    assert_int_equal(c->type, RAG_CELL_STRING);
    assert_string_equal(c->text, "ab");
    assert_string_equal(c->formula, "\"a\"&\"b\"");
    want_string(s, "G1", "inline");
    want_date(wb, s, "H1", "2009-09-07");
    want_date(wb, s, "I1", "2009-09-07T12:00:00");
    c = cell_at(s, "J1");
    assert_int_equal(c->type, RAG_CELL_BLANK);
    want_fill(wb, s, "J1", 0x95B3D7); /* accent1 4F81BD, lighter 40% */
    c = cell_at(s, "K1");
    assert_int_equal(c->formula_kind, RAG_FORMULA_NORMAL);
    assert_string_equal(c->formula, "SUM(B1:B1)");
    assert_true(c->number == -0.3);
    /* An inlineStr cell with a <v> and no <is>: the v is the text (and
     * not G1's text left over). */
    want_string(s, "L1", "no is");
    want_date(wb, s, "M1", "1900-01-01T12:00:00"); /* [h]:mm elapsed */
    want_string(s, "N1", "a\r\nb_x0041_");         /* _x005F_ is '_' */
    rag_workbook_free(wb);
}

static void test_reader_date1904_shifts_every_date(void **state)
{
    rag_workbook *wb = made_one_sheet(
        WORKBOOK("<workbookPr date1904=\"true\"/>",
                 "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"),
        SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>38601</v></c>"
              "<c r=\"B1\" s=\"1\"><v>0</v></c>"
              "<c r=\"C1\" t=\"d\"><v>2009-09-07</v></c></row>"),
        NULL);
    const rag_sheet *s = &wb->sheets[0];
    (void)state;
    assert_true(wb->date1904);
    want_date(wb, s, "A1", "2009-09-07");
    want_date(wb, s, "B1", "1904-01-01");
    rag_workbook_free(wb);
}

static void test_reader_cells_without_r_follow_their_neighbours(
    void **state)
{
    /* Some writers leave out r on rows, cells or both. */
    rag_workbook *wb = made_one_sheet(
        NULL,
        SHEET("<row><c><v>1</v></c><c><v>2</v></c></row>"
              "<row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row>"
              "<row r=\"5\"><c><v>5</v></c></row>"
              "<row><c><v>6</v></c></row>"),
        NULL);
    const rag_sheet *s = &wb->sheets[0];
    (void)state;
    want_number(s, "A1", 1);
    want_number(s, "B1", 2);
    want_number(s, "C2", 3);
    want_number(s, "D2", 4);
    want_number(s, "A5", 5);
    want_number(s, "A6", 6);
    assert_int_equal(s->cell_count, 6);
    rag_workbook_free(wb);
}

static void test_reader_accepts_namespace_prefixes(void **state)
{
    /* Strict or prefixed writers: <x:c>, <x:v>. */
    rag_workbook *wb = made_one_sheet(
        "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/"
        "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats."
        "org/officeDocument/2006/relationships\"><x:sheets><x:sheet "
        "name=\"Prefixed\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets>"
        "</x:workbook>",
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
        "spreadsheetml/2006/main\"><x:sheetData><x:row r=\"2\"><x:c "
        "r=\"B2\" t=\"s\"><x:v>0</x:v></x:c></x:row></x:sheetData>"
        "<x:mergeCells><x:mergeCell ref=\"B2:C3\"/></x:mergeCells>"
        "</x:worksheet>",
        "<x:sst xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/"
        "2006/main\"><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>bold</x:t></x:r>"
        "<x:r><x:t> plain</x:t></x:r></x:si></x:sst>");
    const rag_sheet *s = &wb->sheets[0];
    const rag_cell *c;
    (void)state;
    assert_string_equal(s->name, "Prefixed");
    want_string(s, "B2", "bold plain"); /* rich runs joined */
    c = cell_at(s, "B2");
    assert_non_null(c->rich);
    assert_int_equal(c->rich->count, 2);
    assert_string_equal(c->rich->runs[0].text, "bold");
    assert_non_null(c->rich->runs[0].font);
    assert_true(c->rich->runs[0].font->bold);
    assert_string_equal(c->rich->runs[1].text, " plain");
    assert_null(c->rich->runs[1].font);
    assert_int_equal(s->merge_count, 1);
    rag_workbook_free(wb);
}

static void test_reader_translates_shared_formulas(void **state)
{
    rag_workbook *wb = made_one_sheet(
        NULL,
        SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><f "
              "t=\"shared\" ref=\"B1:B3\" si=\"0\">A1*2+$A$1</f><v>3</v></c>"
              "</row><row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\"><f "
              "t=\"shared\" si=\"0\"/><v>5</v></c></row>"
              "<row r=\"3\"><c r=\"B3\"><f t=\"shared\" si=\"0\"/><v>1</v>"
              "</c><c r=\"C3\"><f t=\"array\" ref=\"C3:D4\">A1:B2*2</f>"
              "<v>2</v></c></row>"),
        NULL);
    const rag_sheet *s = &wb->sheets[0];
    const rag_cell *c;
    (void)state;
    assert_string_equal(cell_at(s, "B1")->formula, "A1*2+$A$1");
    assert_string_equal(cell_at(s, "B2")->formula, "A2*2+$A$1");
    assert_string_equal(cell_at(s, "B3")->formula, "A3*2+$A$1");
    want_number(s, "B3", 1);
    c = cell_at(s, "C3");
    assert_int_equal(c->formula_kind, RAG_FORMULA_ARRAY);
    assert_int_equal(c->formula_range.first_row, 2);
    assert_int_equal(c->formula_range.last_col, 3);
    rag_workbook_free(wb);
}

/* Sheets in workbook order through the relationships, whatever the part
 * names, with absolute and relative targets. */
static void test_reader_finds_sheets_through_relationships(void **state)
{
    part parts[] = {
        {"_rels/.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
         "2006/relationships\">" REL("rId1", "officeDocument",
                                     "/book/main.xml") "</Relationships>"},
        {"book/main.xml",
         WORKBOOK("", "<sheet name=\"First\" sheetId=\"2\" r:id=\"rB\"/>"
                      "<sheet name=\"Second\" sheetId=\"1\" r:id=\"rA\"/>")},
        {"book/_rels/main.xml.rels",
         WB_RELS(REL("rA", "worksheet", "/book/sheets/one.xml")
                 REL("rB", "worksheet", "sheets/../sheets/two.xml"))},
        {"book/sheets/one.xml",
         SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")},
        {"book/sheets/two.xml",
         SHEET("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")},
    };
    rag_workbook *wb;
    char msg[512];
    (void)state;
    assert_int_equal(read_made(parts, 5, &wb, msg, sizeof msg), RAG_OK);
    assert_int_equal(wb->sheet_count, 2);
    assert_string_equal(wb->sheets[0].name, "First");
    want_number(&wb->sheets[0], "A1", 2);
    assert_string_equal(wb->sheets[1].name, "Second");
    want_number(&wb->sheets[1], "A1", 1);
    assert_int_equal(wb->style_count, 1); /* no styles part: a default */
    rag_workbook_free(wb);
}

static void test_reader_custom_indexed_palette_overrides_default(
    void **state)
{
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/styles.xml",
         "<styleSheet" NS "><fills count=\"1\"><fill><patternFill "
         "patternType=\"solid\"><fgColor indexed=\"2\"/></patternFill></fill>"
         "</fills><cellXfs count=\"2\"><xf/><xf fillId=\"0\"/></cellXfs>"
         "<colors><indexedColors><rgbColor rgb=\"FF000000\"/><rgbColor "
         "rgb=\"FFFFFFFF\"/><rgbColor rgb=\"FFFCF305\"/></indexedColors>"
         "</colors></styleSheet>"},
        {"xl/worksheets/sheet1.xml",
         SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"/></row>")},
    };
    rag_workbook *wb;
    char msg[512];
    (void)state;
    assert_int_equal(read_made(parts, 4, &wb, msg, sizeof msg), RAG_OK);
    want_fill(wb, &wb->sheets[0], "A1", 0xFCF305);
    rag_workbook_free(wb);
}

/* A solid fill with no fgColor at all shows black, as in Excel; one
 * with fgColor indexed 64 (the system foreground) shows none. */
static void test_reader_solid_fill_without_colour_is_black(void **state)
{
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/styles.xml",
         "<styleSheet" NS "><fills count=\"3\"><fill><patternFill "
         "patternType=\"none\"/></fill><fill><patternFill "
         "patternType=\"solid\"/></fill><fill><patternFill "
         "patternType=\"solid\"><fgColor indexed=\"64\"/></patternFill>"
         "</fill></fills><cellXfs count=\"3\"><xf/><xf fillId=\"1\"/>"
         "<xf fillId=\"2\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml",
         SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" s=\"2\"/>"
               "</row>")},
    };
    rag_workbook *wb;
    char msg[512];
    (void)state;
    assert_int_equal(read_made(parts, 4, &wb, msg, sizeof msg), RAG_OK);
    want_fill(wb, &wb->sheets[0], "A1", 0x000000);
    assert_int_equal(rag_cell_style(wb, cell_at(&wb->sheets[0], "B1"))
                         ->fill_fg,
                     RAG_NO_COLOR);
    rag_workbook_free(wb);
}

/* A stream stops when the visitor says so, and loading keeps order. */
typedef struct count_ctx {
    size_t cells, stop_at;
} count_ctx;

static int count_cell(void *ctx, const rag_sheet *s, const rag_cell *c)
{
    count_ctx *k = ctx;
    (void)s;
    (void)c;
    return ++k->cells >= k->stop_at;
}

static void test_reader_stream_stops_when_the_visitor_asks(void **state)
{
    rag_workbook *wb;
    rag_error err;
    count_ctx k = {0, 3};
    rag_cell_visitor v = {&k, NULL, count_cell};
    (void)state;
    FIXTURE();
    rag_error_clear(&err);
    assert_int_equal(rag_workbook_open(fixture("wm8-improvement-tracker.xlsx"),
                                       NULL, &wb, &err),
                     RAG_OK);
    assert_int_equal(rag_sheet_stream(wb, 0, &v, &err), RAG_OK);
    assert_int_equal(k.cells, 3);
    assert_int_equal(err.status, RAG_OK);
    assert_int_equal(rag_sheet_stream(wb, 1, &v, &err), RAG_ERR_USAGE);
    rag_workbook_free(wb);
}

/* ---- large parts: inflated on a second thread ------------------------- */

/* A sheet of `rows` rows of four numbers, over 1 MiB of XML from 20,000
 * rows, so the zip reader inflates it ahead on its own thread; tail is
 * put before </sheetData>. */
static char *big_sheet(size_t rows, const char *tail)
{
    rg_buf b = {NULL, 0, 0};
    size_t r;

    assert_true(rg_buf_puts(&b, "<worksheet" NS "><sheetData>"));
    for (r = 1; r <= rows; r++)
        assert_true(rg_buf_printf(&b, "<row r=\"%zu\"><c r=\"A%zu\"><v>%zu"
                                  "</v></c><c r=\"B%zu\"><v>1.5</v></c>"
                                  "<c r=\"C%zu\"><v>-2</v></c><c r=\"D%zu\">"
                                  "<v>%zu</v></c></row>",
                                  r, r, r, r, r, r, r * 3));
    assert_true(rg_buf_puts(&b, tail));
    assert_true(rg_buf_puts(&b, "</sheetData></worksheet>"));
    return b.data;
}

typedef struct sum_ctx {
    size_t cells, stop_at;
    double sum_a, last_d;
} sum_ctx;

static int sum_cell(void *ctx, const rag_sheet *s, const rag_cell *c)
{
    sum_ctx *k = ctx;
    (void)s;
    if (c->col == 0)
        k->sum_a += c->number;
    if (c->col == 3)
        k->last_d = c->number;
    return ++k->cells == k->stop_at;
}

static void stream_big(const char *sheet, sum_ctx *k, rag_status want,
                       const char *msg_has)
{
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/styles.xml", STYLES},
        {"xl/worksheets/sheet1.xml", sheet},
        {"xl/sharedStrings.xml", "<sst" NS "/>"},
    };
    const char *path = make_xlsx(parts, 5);
    rag_cell_visitor v = {k, NULL, sum_cell};
    rag_workbook *wb = NULL;
    rag_error err;
    char msg[512];

    rag_error_clear(&err);
    assert_int_equal(rag_workbook_open(path, NULL, &wb, &err), RAG_OK);
    assert_int_equal(rag_sheet_stream(wb, 0, &v, &err), want);
    if (msg_has) {
        rag_error_format(&err, msg, sizeof msg);
        if (!strstr(msg, msg_has))
            fail_msg("'%s' not in '%s'", msg_has, msg);
    }
    rag_workbook_free(wb);
    unlink(path);
}

/* 60,000 rows (3.4 MB of XML): every cell arrives once, in order. */
static void test_reader_large_sheet_read_ahead_keeps_every_cell(void **state)
{
    char *sheet = big_sheet(60000, "");
    sum_ctx k = {0, 0, 0, 0};
    (void)state;

    stream_big(sheet, &k, RAG_OK, NULL);
    assert_int_equal(k.cells, 240000);
    assert_true(k.sum_a == 60000.0 * 60001.0 / 2);
    assert_true(k.last_d == 180000.0);
    rg_free(sheet);
}

/* A visitor that stops early stops the reading thread too (no hang). */
static void test_reader_large_sheet_stops_early(void **state)
{
    char *sheet = big_sheet(60000, "");
    sum_ctx k = {0, 1000, 0, 0};
    (void)state;

    stream_big(sheet, &k, RAG_OK, NULL);
    assert_int_equal(k.cells, 1000);
    rg_free(sheet);
}

/* Malformed XML at the end of a large part is still found and named. */
static void test_reader_large_sheet_damaged_at_the_end(void **state)
{
    char *sheet = big_sheet(60000, "<row r=\"60001\"><c r=\"A60001\"><v>1");
    sum_ctx k = {0, 0, 0, 0};
    (void)state;

    stream_big(sheet, &k, RAG_ERR_XML, "sheet1.xml");
    rg_free(sheet);
}

/* ---- damaged and hostile workbooks ------------------------------------ */

typedef struct bad_case {
    const char *what;
    const char *sheet;          /* worksheet XML */
    const char *sst;            /* or NULL */
    rag_status status;
    const char *starts, *ends;  /* the formatted error */
} bad_case;

static void test_reader_rejects_damaged_sheets_with_a_reason(void **state)
{
    static const bad_case cases[] = {
        {"cell past XFD",
         SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), NULL,
         RAG_ERR_FORMAT,
         "sheet 'S': cell reference 'XFE1' is not a cell of a sheet (A1 to "
         "XFD1048576)", ""},
        {"row past 1048576",
         SHEET("<row r=\"1048577\"><c><v>1</v></c></row>"), NULL,
         RAG_ERR_FORMAT,
         "sheet 'S': row 1048577 is beyond the last row of a sheet "
         "(1048576)", ""},
        {"shared string out of range",
         SHEET("<row r=\"5\"><c r=\"B5\" t=\"s\"><v>7</v></c></row>"),
         "<sst" NS "><si><t>only</t></si></sst>", RAG_ERR_FORMAT,
         "S!B5: shared string 7 is out of range (the workbook has 1)", ""},
        {"style out of range",
         SHEET("<row r=\"2\"><c r=\"C2\" s=\"99\"><v>1</v></c></row>"),
         NULL, RAG_ERR_FORMAT,
         "S!C2: cell style 99 is out of range (the workbook has 6)", ""},
        {"doctype with entities",
         "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">"
         "<!ENTITY b \"&a;&a;&a;&a;\">]><worksheet" NS "><sheetData><row>"
         "<c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData>"
         "</worksheet>",
         NULL, RAG_ERR_FORMAT,
         "sheet 'S': a DOCTYPE, which XLSX never has, is refused (its "
         "entities could expand without end)", ""},
        {"not well-formed", "<worksheet" NS "><sheetData><row></sheetData>",
         NULL, RAG_ERR_XML, "sheet 'S', xl/worksheets/sheet1.xml:1:",
         ": mismatched tag"},
        {"empty part", "", NULL, RAG_ERR_XML,
         "sheet 'S', xl/worksheets/sheet1.xml:1:0: the part is empty or "
         "truncated", ""},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        part parts[] = {
            {"xl/workbook.xml", ONE_SHEET_WB},
            {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
            {"xl/styles.xml", STYLES},
            {"xl/worksheets/sheet1.xml", cases[i].sheet},
            {"xl/sharedStrings.xml",
             cases[i].sst ? cases[i].sst : "<sst" NS "/>"},
        };
        rag_workbook *wb = (rag_workbook *)1;
        char msg[512];
        size_t n, e = strlen(cases[i].ends);
        rag_status st = read_made(parts, 5, &wb, msg, sizeof msg);
        if (st != cases[i].status)
            fail_msg("%s: status %d (%s), want %d", cases[i].what, st, msg,
                     cases[i].status);
        assert_null(wb);
        n = strlen(msg);
        if (e ? strncmp(msg, cases[i].starts, strlen(cases[i].starts)) ||
                    n < e || strcmp(msg + n - e, cases[i].ends)
              : strcmp(msg, cases[i].starts) != 0)
            fail_msg("%s: '%s'", cases[i].what, msg);
    }
}

static void test_reader_rejects_doctype_in_shared_strings(void **state)
{
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/worksheets/sheet1.xml", SHEET("")},
        {"xl/sharedStrings.xml",
         "<!DOCTYPE sst [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;"
         "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><sst" NS "><si><t>"
         "&lol2;</t></si></sst>"},
    };
    rag_workbook *wb;
    char msg[512];
    (void)state;
    assert_int_equal(read_made(parts, 4, &wb, msg, sizeof msg),
                     RAG_ERR_FORMAT);
    assert_string_equal(msg, "xl/sharedStrings.xml: a DOCTYPE, which XLSX "
                             "never has, is refused (its entities could "
                             "expand without end)");
}

static void test_reader_refuses_nesting_past_the_depth_limit(void **state)
{
    static char sheet[8192];
    size_t i, n = 0;
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/worksheets/sheet1.xml", sheet},
    };
    rag_workbook *wb;
    char msg[512];
    (void)state;
    n += (size_t)snprintf(sheet + n, sizeof sheet - n, "<worksheet" NS ">");
    for (i = 0; i < 300; i++)
        n += (size_t)snprintf(sheet + n, sizeof sheet - n, "<x>");
    for (i = 0; i < 300; i++)
        n += (size_t)snprintf(sheet + n, sizeof sheet - n, "</x>");
    snprintf(sheet + n, sizeof sheet - n, "</worksheet>");
    assert_int_equal(read_made(parts, 3, &wb, msg, sizeof msg),
                     RAG_ERR_LIMIT);
    assert_string_equal(msg, "sheet 'S': XML nested more than 256 deep");
}

static void test_reader_without_workbook_part_is_not_xlsx(void **state)
{
    part parts[] = {{"_rels/.rels", "<Relationships/>"},
                    {"docProps/app.xml", "<Properties/>"}};
    rag_workbook *wb;
    char msg[512];
    (void)state;
    assert_int_equal(read_made(parts, 2, &wb, msg, sizeof msg),
                     RAG_ERR_NOT_XLSX);
    assert_string_equal(msg, "not an XLSX file: the zip holds no workbook "
                             "(xl/workbook.xml is missing)");
}

static void test_reader_cell_limit_stops_loading(void **state)
{
    const char *path;
    rag_read_options opts;
    rag_workbook *wb = NULL;
    rag_error err;
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/worksheets/sheet1.xml",
         SHEET("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>")},
    };
    (void)state;
    path = make_xlsx(parts, 3);
    memset(&opts, 0, sizeof opts);
    opts.limits.cells = 2;
    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, &opts, &wb, &err),
                     RAG_ERR_LIMIT);
    assert_null(wb);
    assert_string_equal(err.message, "the workbook has more than 2 cells "
                                     "(the limit on cells loaded at once)");
    unlink(path);
}

/* rag_sheet_unload() gives the cells back (they no longer count against
 * the limit on cells loaded at once) and keeps their strings and the
 * sheet's settings; loading again reads the same cells. */
static void test_reader_unload_releases_cells_and_keeps_strings(void **state)
{
    const char *path;
    rag_read_options opts;
    rag_workbook *wb = NULL;
    rag_error err;
    const char *text;
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/worksheets/sheet1.xml",
         SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>hi</t>"
               "</is></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v>"
               "</c></row>")},
    };
    (void)state;
    path = make_xlsx(parts, 3);
    memset(&opts, 0, sizeof opts);
    opts.limits.cells = 3;
    rag_error_clear(&err);
    assert_int_equal(rag_workbook_open(path, &opts, &wb, &err), RAG_OK);
    assert_int_equal(rag_sheet_load(wb, 0, &err), RAG_OK);
    assert_int_equal(wb->sheets[0].cell_count, 3);
    text = wb->sheets[0].cells[0].text;
    rag_sheet_unload(wb, 0);
    assert_false(wb->sheets[0].loaded);
    assert_null(wb->sheets[0].cells);
    assert_int_equal(wb->sheets[0].cell_count, 0);
    assert_true(wb->sheets[0].read);
    assert_true(wb->sheets[0].has_cells);
    assert_string_equal(text, "hi");
    assert_null(rag_sheet_cell(&wb->sheets[0], 0, 0));
    rag_sheet_unload(wb, 5);   /* out of range: nothing */
    rag_sheet_unload(NULL, 0);
    /* 3 more cells under a limit of 3: the first 3 were given back */
    assert_int_equal(rag_sheet_load(wb, 0, &err), RAG_OK);
    assert_int_equal(wb->sheets[0].cell_count, 3);
    assert_string_equal(wb->sheets[0].cells[0].text, "hi");
    rag_workbook_free(wb);
    unlink(path);
}

/* A styles part met before is known by its stored bytes, without being
 * inflated (styles.c): the second read of the same workbook takes that
 * path and must give the same styles, and still count the part's bytes
 * against the workbook's inflated total, as the read it stands for. */
static void test_reader_styles_seen_before_read_the_same_and_count(
    void **state)
{
    static const char sheet[] =
        SHEET("<row r=\"1\"><c r=\"A1\" s=\"2\"/><c r=\"B1\" s=\"1\">"
              "<v>45000</v></c></row>");
    part parts[] = {
        {"xl/workbook.xml", ONE_SHEET_WB},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/styles.xml", STYLES},
        {"xl/worksheets/sheet1.xml", sheet},
        {"xl/sharedStrings.xml", "<sst" NS "/>"},
    };
    /* every part the reader inflates: all but [Content_Types].xml */
    uint64_t total = strlen(PKG_RELS) + strlen(ONE_SHEET_WB) +
                     strlen(ONE_SHEET_RELS) + strlen(STYLES) +
                     strlen(sheet) + strlen("<sst" NS "/>");
    const char *path;
    rag_read_options opts;
    rag_workbook *wb[2] = {NULL, NULL};
    rag_error err;
    int i;
    (void)state;

    path = make_xlsx(parts, 5);
    for (i = 0; i < 2; i++) {
        rag_error_clear(&err);
        assert_int_equal(rag_workbook_read(path, NULL, &wb[i], &err),
                         RAG_OK);
    }
    assert_int_equal(wb[0]->style_count, 6);
    assert_int_equal(wb[1]->style_count, wb[0]->style_count);
    for (i = 0; i < 2; i++) {
        want_fill(wb[i], &wb[i]->sheets[0], "A1", 0x95B3D7);
        assert_string_equal(wb[i]->styles[1].numfmt, "d mmmm yyyy");
        assert_true(wb[i]->styles[4].font.bold);
        rag_workbook_free(wb[i]);
    }
    /* one byte short of the total: refused, however often it is read */
    memset(&opts, 0, sizeof opts);
    opts.limits.total_bytes = total - 1;
    for (i = 0; i < 3; i++) {
        rag_workbook *w = NULL;
        rag_error_clear(&err);
        assert_int_equal(rag_workbook_read(path, &opts, &w, &err),
                         RAG_ERR_LIMIT);
        assert_null(w);
    }
    opts.limits.total_bytes = total;
    for (i = 0; i < 2; i++) {
        rag_workbook *w = NULL;
        rag_error_clear(&err);
        assert_int_equal(rag_workbook_read(path, &opts, &w, &err), RAG_OK);
        rag_workbook_free(w);
    }
    unlink(path);
}

#define TWO_SHEET_WB                                                        \
    WORKBOOK("", "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"          \
                 "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/>")

/* The cell limit is the workbook's: two sheets of two cells pass a limit
 * of two a sheet, not of three for both (issue 16). */
static void test_reader_cell_limit_counts_the_workbook(void **state)
{
    const char *path;
    rag_read_options opts;
    rag_workbook *wb = NULL;
    rag_error err;
    part parts[] = {
        {"xl/workbook.xml", TWO_SHEET_WB},
        {"xl/_rels/workbook.xml.rels",
         WB_RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                 REL("rId2", "worksheet", "worksheets/sheet2.xml"))},
        {"xl/worksheets/sheet1.xml",
         SHEET("<row><c><v>1</v></c><c><v>2</v></c></row>")},
        {"xl/worksheets/sheet2.xml",
         SHEET("<row><c><v>1</v></c><c><v>2</v></c></row>")},
    };
    (void)state;
    path = make_xlsx(parts, 4);
    memset(&opts, 0, sizeof opts);
    opts.limits.cells = 3;
    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, &opts, &wb, &err),
                     RAG_ERR_LIMIT);
    assert_null(wb);
    assert_string_equal(err.message, "the workbook has more than 3 cells "
                                     "(the limit on cells loaded at once)");
    opts.limits.cells = 4;
    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, &opts, &wb, &err), RAG_OK);
    rag_workbook_free(wb);
    unlink(path);
}

/* One part under two sheets is refused: read for each, it made every cost
 * a multiple of the file (issue 16). */
static void test_reader_refuses_two_sheets_on_one_part(void **state)
{
    part parts[] = {
        {"xl/workbook.xml", TWO_SHEET_WB},
        {"xl/_rels/workbook.xml.rels",
         WB_RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                 REL("rId2", "worksheet", "/xl/worksheets/sheet1.xml"))},
        {"xl/worksheets/sheet1.xml", SHEET("<row><c><v>1</v></c></row>")},
    };
    rag_workbook *wb;
    char msg[512];
    (void)state;
    assert_int_equal(read_made(parts, 3, &wb, msg, sizeof msg),
                     RAG_ERR_FORMAT);
    assert_string_equal(msg, "xl/workbook.xml: sheets 'A' and 'B' are one "
                             "part (xl/worksheets/sheet1.xml): each sheet "
                             "needs its own");
}

/* ---- allocation failures ---------------------------------------------- */

/* Fail allocation i for every i until the read succeeds: each attempt
 * must end in RAG_ERR_NOMEM with nothing to free (LeakSanitizer checks in
 * the sanitizer build), and the last in success. */
static void alloc_failure_loop(const char *path, bool stream)
{
    long i, total;
    rag_workbook *wb = NULL;
    rag_error err;

    rg_alloc_fail_after(-1);
    rag_error_clear(&err);
    if (rag_workbook_read(path, NULL, &wb, &err) != RAG_OK)
        fail_msg("%s: %s", path, err.message);
    rag_workbook_free(wb);

    for (i = 0;; i++) {
        rag_status st;
        size_t s;

        wb = NULL;
        rag_error_clear(&err);
        rg_alloc_fail_after(i);
        if (stream) {
            st = rag_workbook_open(path, NULL, &wb, &err);
            for (s = 0; st == RAG_OK && s < wb->sheet_count; s++)
                st = rag_sheet_stream(wb, s, NULL, &err);
        } else {
            st = rag_workbook_read(path, NULL, &wb, &err);
        }
        total = rg_alloc_count();
        rg_alloc_fail_after(-1);
        if (st == RAG_OK) {
            assert_non_null(wb);
            rag_workbook_free(wb);
            break;
        }
        if (st != RAG_ERR_NOMEM)
            fail_msg("allocation %ld failed: status %d (%s), want NOMEM", i,
                     st, err.message);
        assert_int_equal(err.status, RAG_ERR_NOMEM);
        if (stream)
            rag_workbook_free(wb); /* open may have succeeded */
        else
            assert_null(wb);
        if (i > 1000000)
            fail_msg("no end to the allocations");
    }
    /* Succeeded only once allocation i was past the last one. */
    assert_true(i >= 1);
    assert_true(total <= i);
}

static void test_reader_alloc_failure_wm8_tracker(void **state)
{
    (void)state;
    FIXTURE();
    alloc_failure_loop(fixture("wm8-improvement-tracker.xlsx"), false);
}

static void test_reader_alloc_failure_wm8_libreoffice(void **state)
{
    (void)state;
    FIXTURE();
    alloc_failure_loop(fixture("wm8-improvement-tracker-libreoffice.xlsx"),
                       false);
}

static void test_reader_alloc_failure_benefits_action_plan(void **state)
{
    (void)state;
    FIXTURE();
    alloc_failure_loop(fixture("benefits-action-plan.xlsx"), false);
}

static void test_reader_alloc_failure_deficit_recovery(void **state)
{
    (void)state;
    FIXTURE();
    alloc_failure_loop(fixture("deficit-recovery-frb-23-007.xlsx"), false);
}

static void test_reader_alloc_failure_pi_action_plans_streamed(void **state)
{
    (void)state;
    FIXTURE();
    alloc_failure_loop(fixture("pi-action-plans-q2.xlsx"), true);
}

static void test_reader_alloc_failure_rich_made_workbook(void **state)
{
    part parts[] = {
        {"xl/workbook.xml",
         "<workbook" NS "><workbookPr date1904=\"1\"/><sheets><sheet "
         "name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>"
         "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
         "S!$1:$1</definedName></definedNames></workbook>"},
        {"xl/_rels/workbook.xml.rels", ONE_SHEET_RELS},
        {"xl/styles.xml", STYLES},
        {"xl/worksheets/_rels/sheet1.xml.rels",
         WB_RELS("<Relationship Id=\"rL\" Type=\"http://schemas."
                 "openxmlformats.org/officeDocument/2006/relationships/"
                 "hyperlink\" Target=\"https://example.org/\" "
                 "TargetMode=\"External\"/>")},
        {"xl/worksheets/sheet1.xml",
         "<worksheet" NS "><dimension ref=\"A1:C3\"/><sheetViews><sheetView>"
         "<pane ySplit=\"1\" topLeftCell=\"A2\" state=\"frozen\"/>"
         "</sheetView></sheetViews><cols><col min=\"1\" max=\"3\" "
         "width=\"12\"/></cols><sheetData><row r=\"1\" ht=\"30\" "
         "customHeight=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
         "t=\"inlineStr\"><is><r><rPr><b/></rPr><t>x_x000D_</t></r><r><t>y"
         "</t></r></is></c><c r=\"C1\"><f t=\"shared\" ref=\"C1:C3\" "
         "si=\"0\">A1</f><v>1</v></c></row><row r=\"2\"><c r=\"C2\"><f "
         "t=\"shared\" si=\"0\"/><v>2</v></c></row></sheetData><mergeCells>"
         "<mergeCell ref=\"A3:B3\"/></mergeCells><hyperlinks><hyperlink "
         "ref=\"A1\" r:id=\"rL\" display=\"site\"/></hyperlinks>"
         "<dataValidations><dataValidation type=\"list\" sqref=\"A2:A3\">"
         "<formula1>\"a,b\"</formula1></dataValidation></dataValidations>"
         "<conditionalFormatting sqref=\"A1:C3\"/></worksheet>"},
        {"xl/sharedStrings.xml",
         "<sst" NS "><si><r><rPr><i/><color rgb=\"FFFF0000\"/><rFont "
         "val=\"Arial\"/></rPr><t>red</t></r><r><t>plain</t></r></si></sst>"},
    };
    const char *path;
    (void)state;
    path = make_xlsx(parts, 6);
    alloc_failure_loop(path, false);
    alloc_failure_loop(path, true);
    unlink(path);
}

/* ---- sheets loaded on several threads (issue 17) ----------------------- */

#define FOUR_SHEET_WB                                                       \
    WORKBOOK("", "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"          \
                 "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/>"          \
                 "<sheet name=\"C\" sheetId=\"3\" r:id=\"rId3\"/>"          \
                 "<sheet name=\"D\" sheetId=\"4\" r:id=\"rId4\"/>")

static const size_t four_rows[4] = {12000, 13000, 14000, 15000};

/* Four sheets of 0.7-0.9 MB of XML each (past the reader's threshold for
 * threads), sheet i of four_rows[i] rows; the sheets at indexes in damage
 * (a bit mask) end in malformed XML. */
static const char *four_big_sheets(unsigned damage)
{
    char *sheets[4];
    const char *path;
    size_t i;

    for (i = 0; i < 4; i++)
        sheets[i] = big_sheet(four_rows[i],
                              damage & (1u << i)
                                  ? "<row r=\"99999\"><c r=\"A99999\"><v>1"
                                  : "");
    {
        part parts[] = {
            {"xl/workbook.xml", FOUR_SHEET_WB},
            {"xl/_rels/workbook.xml.rels",
             WB_RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml")
                     REL("rId2", "worksheet", "worksheets/sheet2.xml")
                     REL("rId3", "worksheet", "worksheets/sheet3.xml")
                     REL("rId4", "worksheet", "worksheets/sheet4.xml"))},
            {"xl/styles.xml", STYLES},
            {"xl/worksheets/sheet1.xml", sheets[0]},
            {"xl/worksheets/sheet2.xml", sheets[1]},
            {"xl/worksheets/sheet3.xml", sheets[2]},
            {"xl/worksheets/sheet4.xml", sheets[3]},
        };
        path = make_xlsx(parts, 7);
    }
    for (i = 0; i < 4; i++)
        rg_free(sheets[i]);
    return path;
}

/* Every sheet has every cell, in order, whichever thread loaded it; on two
 * cores or more the sheets were loaded on more than one. */
static void test_reader_sheets_loaded_in_parallel_keep_every_cell(
    void **state)
{
    const char *path = four_big_sheets(0);
    rag_workbook *wb = NULL;
    rag_error err;
    size_t i, j, total = 0;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, NULL, &wb, &err), RAG_OK);
    assert_int_equal(wb->sheet_count, 4);
    for (i = 0; i < 4; i++) {
        const rag_sheet *s = &wb->sheets[i];
        assert_true(s->loaded);
        assert_int_equal(s->cell_count, four_rows[i] * 4);
        for (j = 0; j < s->cell_count; j++) {
            const rag_cell *c = &s->cells[j];
            assert_int_equal(c->row, j / 4);
            assert_int_equal(c->col, j % 4);
            if (c->col == 0)
                assert_true(c->number == (double)(c->row + 1));
            if (c->col == 3)
                assert_true(c->number == 3.0 * (c->row + 1));
        }
        total += s->cell_count;
    }
    if (sysconf(_SC_NPROCESSORS_ONLN) > 1)
        assert_true(rg_read_threads_last() >= 2);
    else
        assert_int_equal(rg_read_threads_last(), 1);
    rag_workbook_free(wb);

    /* a limit spanning the sheets trips where the reading in order does:
     * in the last sheet, with the same words */
    {
        rag_read_options opts;
        char want[128];
        memset(&opts, 0, sizeof opts);
        opts.limits.cells = total - 1;
        rag_error_clear(&err);
        assert_int_equal(rag_workbook_read(path, &opts, &wb, &err),
                         RAG_ERR_LIMIT);
        assert_null(wb);
        snprintf(want, sizeof want, "the workbook has more than %zu cells "
                 "(the limit on cells loaded at once)", total - 1);
        assert_string_equal(err.message, want);
        assert_string_equal(err.sheet, "D");
        /* exactly the total passes, though no thread's share holds it */
        opts.limits.cells = total;
        rag_error_clear(&err);
        assert_int_equal(rag_workbook_read(path, &opts, &wb, &err), RAG_OK);
        assert_int_equal(wb->sheets[3].cell_count, four_rows[3] * 4);
        rag_workbook_free(wb);
    }
    unlink(path);
}

/* Of two damaged sheets, the first in order gives the error, as it does
 * read one after another, and nothing is handed back. */
static void test_reader_sheets_in_parallel_first_failure_wins(void **state)
{
    const char *path = four_big_sheets((1u << 1) | (1u << 3));
    rag_workbook *wb = NULL;
    rag_error err;
    (void)state;

    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, NULL, &wb, &err), RAG_ERR_XML);
    assert_null(wb);
    assert_string_equal(err.sheet, "B");
    assert_string_equal(err.part, "xl/worksheets/sheet2.xml");
    unlink(path);
}

/* Hyperlinks by the hundred: each finds its own relationship (the ids are
 * looked up through a sorted index past 16 of them, the first of a
 * repeated id as a walk finds it). */
static void test_reader_many_hyperlinks(void **state)
{
    char path[64], url[64];
    lxw_workbook *wb;
    lxw_worksheet *ws;
    rag_workbook *book = NULL;
    rag_error err;
    const rag_sheet *s;
    size_t i;
    (void)state;

    snprintf(path, sizeof path, "/tmp/rg_reader_links_%ld.xlsx",
             (long)getpid());
    wb = workbook_new(path);
    ws = workbook_add_worksheet(wb, "Links");
    for (i = 0; i < 300; i++) {
        snprintf(url, sizeof url, "https://example.org/page/%zu", i);
        assert_int_equal(worksheet_write_url(ws, (lxw_row_t)i, 0, url, NULL),
                         LXW_NO_ERROR);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    rag_error_clear(&err);
    assert_int_equal(rag_workbook_read(path, NULL, &book, &err), RAG_OK);
    s = &book->sheets[0];
    assert_int_equal(s->link_count, 300);
    for (i = 0; i < s->link_count; i++) {
        snprintf(url, sizeof url, "https://example.org/page/%u",
                 (unsigned)s->links[i].range.first_row);
        assert_non_null(s->links[i].url);
        assert_string_equal(s->links[i].url, url);
    }
    rag_workbook_free(book);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader_wm8_tracker_reads_title_date_and_fills),
        cmocka_unit_test(
            test_reader_wm8_libreoffice_variant_reads_the_same_cells),
        cmocka_unit_test(test_reader_benefits_action_plan_reads_dates),
        cmocka_unit_test(test_reader_deficit_recovery_reads_numbers),
        cmocka_unit_test(
            test_reader_pi_action_plans_reads_two_sheets_in_order),
        cmocka_unit_test(test_reader_reads_every_value_type),
        cmocka_unit_test(test_reader_date1904_shifts_every_date),
        cmocka_unit_test(
            test_reader_cells_without_r_follow_their_neighbours),
        cmocka_unit_test(test_reader_accepts_namespace_prefixes),
        cmocka_unit_test(test_reader_translates_shared_formulas),
        cmocka_unit_test(test_reader_finds_sheets_through_relationships),
        cmocka_unit_test(
            test_reader_custom_indexed_palette_overrides_default),
        cmocka_unit_test(test_reader_solid_fill_without_colour_is_black),
        cmocka_unit_test(test_reader_stream_stops_when_the_visitor_asks),
        cmocka_unit_test(test_reader_large_sheet_read_ahead_keeps_every_cell),
        cmocka_unit_test(test_reader_large_sheet_stops_early),
        cmocka_unit_test(test_reader_large_sheet_damaged_at_the_end),
        cmocka_unit_test(test_reader_rejects_damaged_sheets_with_a_reason),
        cmocka_unit_test(test_reader_rejects_doctype_in_shared_strings),
        cmocka_unit_test(test_reader_refuses_nesting_past_the_depth_limit),
        cmocka_unit_test(test_reader_without_workbook_part_is_not_xlsx),
        cmocka_unit_test(test_reader_cell_limit_stops_loading),
        cmocka_unit_test(
            test_reader_sheets_loaded_in_parallel_keep_every_cell),
        cmocka_unit_test(test_reader_sheets_in_parallel_first_failure_wins),
        cmocka_unit_test(test_reader_unload_releases_cells_and_keeps_strings),
        cmocka_unit_test(
            test_reader_styles_seen_before_read_the_same_and_count),
        cmocka_unit_test(test_reader_cell_limit_counts_the_workbook),
        cmocka_unit_test(test_reader_refuses_two_sheets_on_one_part),
        cmocka_unit_test(test_reader_alloc_failure_wm8_tracker),
        cmocka_unit_test(test_reader_alloc_failure_wm8_libreoffice),
        cmocka_unit_test(test_reader_alloc_failure_benefits_action_plan),
        cmocka_unit_test(test_reader_alloc_failure_deficit_recovery),
        cmocka_unit_test(test_reader_alloc_failure_pi_action_plans_streamed),
        cmocka_unit_test(test_reader_alloc_failure_rich_made_workbook),
        cmocka_unit_test(test_reader_many_hyperlinks),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
