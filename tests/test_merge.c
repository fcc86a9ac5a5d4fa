/*
 * The merge API: returns made from the fixtures the way services change
 * them (with the package editor: a recoloured key and months, new
 * comments, a revised date, a new figure, two returns that disagree, a ref
 * the master lacks, another plan, a file that is no workbook), merged and
 * checked change by change, finding by finding, then written and read
 * back cell by cell, and merged again (nothing changes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "ragbook/edit.h"
#include "ragbook/merge.h"
#include "ragbook/ragbook.h"
#include "support.h"

#define WM8 "fixtures/wm8-improvement-tracker.xlsx"
#define BENEFITS "fixtures/benefits-action-plan.xlsx"
#define PI "fixtures/pi-action-plans-q2.xlsx"

/* The key of the WM8 fixture, and the colours a service's copy uses
 * instead (another shade for each status). */
static const struct {
    uint32_t master, service;
} recolour[] = {
    {0xBDD7EEu, 0x9DC3E6u}, /* programmed */
    {0x92D050u, 0x00FF00u}, /* on target */
    {0xFFC000u, 0xFFD966u}, /* one month behind */
    {0xFF0000u, 0xC00000u}, /* over one month behind */
    {0xB4A7D6u, 0x8E7CC3u}, /* reprogrammed */
    {0x808080u, 0xA6A6A6u}, /* suspended */
};

static char tmpdir[64];

static void need_shared(void)
{
    NEED_SHARED();
}

static const char *fixture(const char *rel)
{
    static char buf[4][4096];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s", shared_path(rel));
    return buf[k];
}

static const char *tmp(const char *name)
{
    static char buf[8][256];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

/* ---- returns, made with the package editor ------------------------------- */

typedef struct ret_edit {
    const char *sheet;
    const char *cell;       /* "J19" */
    const char *text;       /* new text, or NULL */
    bool number;            /* write number instead */
    double value;
    uint32_t fill;          /* new fill, or 0 for none */
} ret_edit;

static void set_fill(rag_edit *e, const rag_workbook *wb, size_t sheet,
                     long pos, uint32_t row, uint32_t col, uint32_t fill,
                     rag_edit_cell *c)
{
    const rag_cell *cell = rag_sheet_cell(&wb->sheets[sheet], row, col);
    rag_edit_restyle r;
    uint32_t idx;
    memset(&r, 0, sizeof r);
    r.base = cell ? cell->style : 0;
    r.changes = RAG_RESTYLE_FILL;
    r.fill = fill;
    assert_int_equal(rag_edit_restyle_add(e, &r, &idx, NULL), RAG_OK);
    c->style = idx;
    (void)pos;
}

/* A return: src with edits, and with every key and month colour swapped
 * for the service's shade when recoloured. */
static void make_return(const char *src, const char *dst, bool recoloured,
                        const ret_edit *edits, size_t n)
{
    rag_edit *e = NULL;
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    size_t i, j, k;

    assert_int_equal(rag_workbook_read(src, NULL, &wb, NULL), RAG_OK);
    assert_int_equal(rag_model_build(wb, NULL, &m, NULL), RAG_OK);
    assert_int_equal(rag_edit_open(src, NULL, &e, NULL), RAG_OK);
    for (i = 0; recoloured && i < m->plan_count; i++) {
        const rag_plan *p = &m->plans[i];
        long pos = rag_edit_sheet_find(e, p->sheet);
        for (j = 0; j < p->legend_count + p->action_count; j++) {
            bool key = j < p->legend_count;
            const rag_action *a = key ? NULL : &p->actions[j - p->legend_count];
            size_t months = key ? 1 : a->month_count;
            for (k = 0; k < months; k++) {
                rag_loc at = key ? p->legend[j].cell : a->months[k].cell;
                uint32_t fill = key ? p->legend[j].fill : a->months[k].fill;
                size_t r;
                rag_edit_cell c;
                memset(&c, 0, sizeof c);
                c.row = at.row;
                c.col = at.col;
                c.value = RAG_EDIT_KEEP;
                for (r = 0; r < sizeof recolour / sizeof recolour[0]; r++)
                    if (recolour[r].master == fill)
                        break;
                if (r == sizeof recolour / sizeof recolour[0])
                    continue;
                set_fill(e, wb, p->sheet_index, pos, at.row, at.col,
                         recolour[r].service, &c);
                assert_int_equal(rag_edit_set_cell(e, (size_t)pos, &c, NULL),
                                 RAG_OK);
            }
        }
    }
    for (i = 0; i < n; i++) {
        long pos = rag_edit_sheet_find(e, edits[i].sheet);
        long si = rag_workbook_sheet_index(wb, edits[i].sheet);
        rag_edit_cell c;
        memset(&c, 0, sizeof c);
        assert_true(pos >= 0 && si >= 0);
        assert_true(rag_cell_ref_parse(edits[i].cell, &c.row, &c.col));
        c.style = -1;
        c.value = edits[i].text     ? RAG_EDIT_TEXT
                  : edits[i].number ? RAG_EDIT_NUMBER
                                    : RAG_EDIT_KEEP;
        c.text = edits[i].text;
        c.number = edits[i].value;
        if (edits[i].fill)
            set_fill(e, wb, (size_t)si, pos, c.row, c.col, edits[i].fill, &c);
        assert_int_equal(rag_edit_set_cell(e, (size_t)pos, &c, NULL), RAG_OK);
    }
    assert_int_equal(rag_edit_write(e, dst, NULL), RAG_OK);
    rag_edit_free(e);
    rag_model_free(m);
    rag_workbook_free(wb);
}

/* ---- looking at the results ---------------------------------------------- */

static const rag_merge_change *change_at(rag_merge *mg, const char *cell)
{
    size_t n, i;
    uint32_t row, col;
    const rag_merge_change *c = rag_merge_changes(mg, &n);
    assert_true(rag_cell_ref_parse(cell, &row, &col));
    for (i = 0; i < n; i++)
        if (c[i].row == row && c[i].col == col)
            return &c[i];
    return NULL;
}

static size_t count_rule(rag_merge *mg, rag_rule_id id)
{
    const rag_findings *f = rag_merge_findings(mg);
    size_t i, n = 0;
    for (i = 0; f && i < f->count; i++)
        n += f->items[i].rule_id == id;
    return n;
}

static const rag_finding *first_rule(rag_merge *mg, rag_rule_id id)
{
    const rag_findings *f = rag_merge_findings(mg);
    size_t i;
    for (i = 0; f && i < f->count; i++)
        if (f->items[i].rule_id == id)
            return &f->items[i];
    return NULL;
}

static rag_merge *open_master(const char *path)
{
    rag_merge *mg = NULL;
    rag_merge_options o;
    memset(&o, 0, sizeof o);
    o.model.as_of = (rag_date){2009, 9, 7};
    assert_int_equal(rag_merge_open(path, &o, &mg, NULL), RAG_OK);
    return mg;
}

/* ---- the tests ------------------------------------------------------------ */

static void test_plans_match_by_kind_sheet_and_title(void **state)
{
    rag_workbook *a = NULL, *b = NULL, *c = NULL;
    rag_model *ma = NULL, *mb = NULL, *mc = NULL;
    size_t match[8];
    (void)state;
    need_shared();

    assert_int_equal(rag_workbook_read(fixture(PI), NULL, &a, NULL), RAG_OK);
    assert_int_equal(rag_workbook_read(fixture(WM8), NULL, &b, NULL), RAG_OK);
    assert_int_equal(rag_workbook_read(fixture(BENEFITS), NULL, &c, NULL),
                     RAG_OK);
    assert_int_equal(rag_model_build(a, NULL, &ma, NULL), RAG_OK);
    assert_int_equal(rag_model_build(b, NULL, &mb, NULL), RAG_OK);
    assert_int_equal(rag_model_build(c, NULL, &mc, NULL), RAG_OK);
    assert_int_equal(ma->plan_count, 2);
    rag_merge_match(ma, ma, match);
    assert_int_equal(match[0], 0); /* DP11 to DP11, CP2 to CP2 */
    assert_int_equal(match[1], 1);
    rag_merge_match(mb, mc, match); /* an action plan is no tracker */
    assert_int_equal(match[0], SIZE_MAX);
    rag_merge_match(mb, mb, match);
    assert_int_equal(match[0], 0);
    rag_model_free(ma);
    rag_model_free(mb);
    rag_model_free(mc);
    rag_workbook_free(a);
    rag_workbook_free(b);
    rag_workbook_free(c);
}

static void test_recoloured_months_come_in_the_masters_colours(void **state)
{
    /* the service's own shade of on target on J19 (R1d, October) */
    static const ret_edit edits[] = {
        {"WM8 Progress", "J19", NULL, false, 0, 0x00FF00u}};
    const rag_merge_change *c;
    size_t n;
    rag_merge *mg;
    (void)state;
    need_shared();

    make_return(fixture(WM8), tmp("recoloured.xlsx"), true, edits, 1);
    mg = open_master(fixture(WM8));
    assert_int_equal(rag_merge_add(mg, tmp("recoloured.xlsx"), NULL), RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 1); /* recolouring alone changes nothing */
    c = change_at(mg, "J19");
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_MONTH);
    assert_string_equal(c->period, "2009-10");
    assert_string_equal(c->ref, "R1d");
    assert_string_equal(c->old_text, "Programmed dates");
    assert_string_equal(c->new_text, "On target");
    assert_int_equal(c->value.fill, 0x92D050u); /* the master's green */
    assert_false(c->value.set);                 /* its cells hold no codes */
    assert_int_equal(count_rule(mg, RAG_RULE_MERGE_CONFLICT), 0);
    rag_merge_free(mg);
}

static void test_comments_dates_and_blanks(void **state)
{
    static const ret_edit a[] = {
        {"Action Plan", "E3", "Roles agreed; recovery moves to HB.", false, 0,
         0},
        {"Action Plan", "D4", NULL, true, 40178, 0}, /* 31/12/2009 */
        {"Action Plan", "E4", "", false, 0, 0}};     /* cleared */
    const rag_merge_change *c;
    size_t n;
    rag_merge *mg;
    (void)state;
    need_shared();

    make_return(fixture(BENEFITS), tmp("benefits-a.xlsx"), false, a, 3);
    mg = open_master(fixture(BENEFITS));
    assert_int_equal(rag_merge_add(mg, tmp("benefits-a.xlsx"), NULL), RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 2); /* the cleared statement is not cleared */
    c = change_at(mg, "E3");
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_COMMENT);
    assert_string_equal(c->new_text, "Roles agreed; recovery moves to HB.");
    assert_int_equal(c->value.type, RAG_CELL_STRING);
    c = change_at(mg, "D4");
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_DUE);
    assert_string_equal(c->old_text, "2009-06-19");
    assert_string_equal(c->new_text, "2009-12-31");
    assert_int_equal(c->value.type, RAG_CELL_DATE);
    assert_true(c->value.number == 40178);
    assert_null(change_at(mg, "E4"));
    rag_merge_free(mg);
}

/* A return that gives a revised date where the master's row has only the
 * original: the revised date goes under the master's "Revised date"
 * heading, and the original stays where it is. */
static void test_a_revised_date_keeps_the_original(void **state)
{
    static const char *const heads[] = {"Ref", "Action", "Lead",
                                        "Original date", "Revised date",
                                        "Status"};
    static const ret_edit a[] = {
        {"Plan", "E3", NULL, true, 45688, 0}}; /* R2 revised to 31/01/2025 */
    const rag_merge_change *c;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *date;
    rag_merge *mg;
    size_t n;
    int i;
    (void)state;

    wb = workbook_new(tmp("revised-master.xlsx"));
    ws = workbook_add_worksheet(wb, "Plan");
    date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    for (i = 0; i < 6; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, heads[i], NULL);
    for (i = 1; i <= 2; i++) {
        char ref[4];
        snprintf(ref, sizeof ref, "R%d", i);
        worksheet_write_string(ws, (lxw_row_t)i, 0, ref, NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 1, "Review the policy",
                               NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 2, "Jo Marsh", NULL);
        worksheet_write_number(ws, (lxw_row_t)i, 3, 45443, date); /* 31/05/24 */
        worksheet_write_string(ws, (lxw_row_t)i, 5, "In progress", NULL);
    }
    worksheet_write_number(ws, 1, 4, 45565, date); /* R1 revised */
    worksheet_write_blank(ws, 2, 4, date);         /* R2 not yet */
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    make_return(tmp("revised-master.xlsx"), tmp("revised-return.xlsx"), false,
                a, 1);
    mg = open_master(tmp("revised-master.xlsx"));
    assert_int_equal(rag_merge_add(mg, tmp("revised-return.xlsx"), NULL),
                     RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 1);
    assert_null(change_at(mg, "D3")); /* the original stays */
    c = change_at(mg, "E3");
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_DUE);
    assert_string_equal(c->new_text, "2025-01-31");
    rag_merge_free(mg);
}

/* A status column a quarter: the master has filled Q1 only, so reads its
 * statuses there; a return fills Q2.  Its Q2 status goes under the
 * master's "Q2 Status", never over Q1's, and its Q2 update likewise. */
static void test_a_quarter_status_goes_under_its_quarter(void **state)
{
    static const char *const heads[] = {"Ref", "Action", "Lead", "Due",
                                        "Q1 Status", "Q2 Status",
                                        "Q1 Update", "Q2 Update"};
    static const ret_edit a[] = {
        {"Plan", "F2", "Complete", false, 0, 0},
        {"Plan", "H2", "Adopted by Cabinet", false, 0, 0}};
    const rag_merge_change *c;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    rag_merge *mg;
    size_t n;
    int i;
    (void)state;

    wb = workbook_new(tmp("quarter-master.xlsx"));
    ws = workbook_add_worksheet(wb, "Plan");
    for (i = 0; i < 8; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, heads[i], NULL);
    for (i = 1; i <= 2; i++) {
        char ref[4];
        snprintf(ref, sizeof ref, "R%d", i);
        worksheet_write_string(ws, (lxw_row_t)i, 0, ref, NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 1, "Review the policy",
                               NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 2, "Jo Marsh", NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 3, "31/03/2025", NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 4, "On track", NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 6, "Drafting", NULL);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    make_return(tmp("quarter-master.xlsx"), tmp("quarter-return.xlsx"), false,
                a, 2);
    mg = open_master(tmp("quarter-master.xlsx"));
    assert_int_equal(rag_merge_add(mg, tmp("quarter-return.xlsx"), NULL),
                     RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 2);
    assert_null(change_at(mg, "E2")); /* Q1's status stays */
    assert_null(change_at(mg, "G2")); /* and Q1's update */
    c = change_at(mg, "F2");
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_STATUS);
    assert_string_equal(c->new_text, "Complete");
    c = change_at(mg, "H2");
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_COMMENT);
    rag_merge_free(mg);
}

static void test_disagreeing_returns_conflict_agreeing_ones_do_not(void **s)
{
    static const ret_edit a[] = {
        {"WM8 Progress", "P19", "Policy agreed by Cabinet.", false, 0, 0},
        {"WM8 Progress", "P83", "19 days in November.", false, 0, 0}};
    static const ret_edit b[] = {
        {"WM8 Progress", "P19", "Policy goes to Cabinet in December.", false,
         0, 0},
        {"WM8 Progress", "P83", "19 days in November.", false, 0, 0}};
    const rag_finding *f;
    const rag_merge_change *c;
    rag_merge *mg;
    rag_merge_report r;
    (void)s;
    need_shared();

    make_return(fixture(WM8), tmp("a.xlsx"), false, a, 2);
    make_return(fixture(WM8), tmp("b.xlsx"), true, b, 2);
    mg = open_master(fixture(WM8));
    assert_int_equal(rag_merge_add(mg, tmp("a.xlsx"), NULL), RAG_OK);
    assert_int_equal(rag_merge_add(mg, tmp("b.xlsx"), NULL), RAG_OK);
    assert_null(change_at(mg, "P19")); /* neither applied */
    c = change_at(mg, "P83");
    assert_non_null(c);
    assert_int_equal(c->agreeing, 2);
    assert_string_equal(c->file, tmp("a.xlsx"));
    assert_int_equal(count_rule(mg, RAG_RULE_MERGE_CONFLICT), 1);
    f = first_rule(mg, RAG_RULE_MERGE_CONFLICT);
    assert_int_equal(f->severity, RAG_SEVERITY_ERROR);
    assert_string_equal(f->sheet, "WM8 Progress");
    assert_int_equal(f->row, 18);
    assert_int_equal(f->col, 15);
    assert_string_equal(f->ref, "R1d");
    assert_non_null(strstr(f->message, "Policy agreed by Cabinet."));
    assert_non_null(strstr(f->message, "Policy goes to Cabinet in December."));
    assert_non_null(strstr(f->message, "a.xlsx"));
    assert_non_null(strstr(f->message, "b.xlsx"));
    rag_merge_get_report(mg, &r);
    assert_int_equal(r.conflicts, 1);
    assert_int_equal(r.errors, 1);
    rag_merge_free(mg);
}

static void test_unknown_refs_other_plans_and_bad_files(void **state)
{
    static const ret_edit a[] = {
        {"WM8 Progress", "A108", "R9z", false, 0, 0},
        {"WM8 Progress", "B108", "A new action", false, 0, 0},
        {"WM8 Progress", "C108", "David Riley", false, 0, 0}};
    rag_merge *mg;
    rag_error err;
    const rag_finding *f;
    size_t n;
    FILE *bad;
    (void)state;
    need_shared();

    make_return(fixture(WM8), tmp("extra.xlsx"), false, a, 3);
    bad = fopen(tmp("bad.xlsx"), "w");
    assert_non_null(bad);
    fputs("not a workbook\n", bad);
    fclose(bad);
    mg = open_master(fixture(WM8));
    assert_int_equal(rag_merge_add(mg, tmp("extra.xlsx"), NULL), RAG_OK);
    assert_int_equal(rag_merge_add(mg, fixture(BENEFITS), NULL), RAG_OK);
    rag_error_clear(&err);
    assert_int_equal(rag_merge_add(mg, tmp("bad.xlsx"), &err),
                     RAG_ERR_NOT_XLSX);
    assert_string_equal(err.file, tmp("bad.xlsx"));
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 0);
    assert_int_equal(count_rule(mg, RAG_RULE_MERGE_UNKNOWN_REF), 1);
    f = first_rule(mg, RAG_RULE_MERGE_UNKNOWN_REF);
    assert_string_equal(f->ref, "R9z");
    assert_string_equal(f->file, tmp("extra.xlsx"));
    assert_int_equal(f->row, 107);
    assert_int_equal(count_rule(mg, RAG_RULE_MERGE_NO_MATCH), 1);
    assert_string_equal(first_rule(mg, RAG_RULE_MERGE_NO_MATCH)->file,
                        fixture(BENEFITS));
    assert_int_equal(count_rule(mg, RAG_RULE_FILE_UNREADABLE), 1);
    rag_merge_free(mg);
}

static void test_indicator_forms_take_figures_and_reasons(void **state)
{
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    const rag_indicator *ind;
    const rag_field *reason = NULL;
    char actual[16], why[16];
    ret_edit e[2];
    const rag_merge_change *c;
    rag_merge *mg;
    size_t i, n;
    (void)state;
    need_shared();

    assert_int_equal(rag_workbook_read(fixture(PI), NULL, &wb, NULL), RAG_OK);
    assert_int_equal(rag_model_build(wb, NULL, &m, NULL), RAG_OK);
    ind = &m->plans[0].indicators[0];
    for (i = 0; i < m->plans[0].field_count; i++)
        if (!strcmp(m->plans[0].fields[i].value, ind->reason))
            reason = &m->plans[0].fields[i];
    assert_non_null(reason);
    rag_cell_ref_format(ind->actual_cell.row, ind->actual_cell.col, actual);
    rag_cell_ref_format(reason->value_cell.row, reason->value_cell.col, why);
    memset(e, 0, sizeof e);
    e[0].sheet = e[1].sheet = "DP11";
    e[0].cell = actual;
    e[0].number = true;
    e[0].value = 0.72;
    e[1].cell = why;
    e[1].text = "Two new staff started in August.";
    make_return(fixture(PI), tmp("dp11.xlsx"), false, e, 2);
    mg = open_master(fixture(PI));
    assert_int_equal(rag_merge_add(mg, tmp("dp11.xlsx"), NULL), RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 2);
    c = change_at(mg, actual);
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_ACTUAL);
    assert_string_equal(c->ref, "DP 11");
    assert_string_equal(c->old_text, "60%");
    assert_string_equal(c->new_text, "72%");
    c = change_at(mg, why);
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_NARRATIVE);
    rag_merge_free(mg);
    rag_model_free(m);
    rag_workbook_free(wb);
}

/* Every cell of sheet `name` of a and b equal but those listed. */
static void same_but(const rag_workbook *a, const rag_workbook *b,
                     const char *name, const char *const *cells, size_t n)
{
    const rag_sheet *x = &a->sheets[rag_workbook_sheet_index(a, name)];
    const rag_sheet *y = &b->sheets[rag_workbook_sheet_index(b, name)];
    size_t i, k, differ = 0;
    for (i = 0; i < x->cell_count; i++) {
        const rag_cell *p = &x->cells[i];
        const rag_cell *q = rag_sheet_cell(y, p->row, p->col);
        const rag_style *ps = rag_cell_style(a, p), *qs;
        char ref[16];
        bool listed = false;
        rag_cell_ref_format(p->row, p->col, ref);
        for (k = 0; k < n; k++)
            listed = listed || !strcmp(cells[k], ref);
        if (listed)
            continue;
        assert_non_null(q);
        qs = rag_cell_style(b, q);
        if (p->type != q->type || p->number != q->number ||
            (p->text && (!q->text || strcmp(p->text, q->text))) ||
            ps->fill_fg != qs->fill_fg || ps->pattern != qs->pattern) {
            print_message("%s differs\n", ref);
            differ++;
        }
    }
    assert_int_equal(differ, 0);
    assert_true(y->cell_count >= x->cell_count);
}

static void test_written_master_has_the_changes_and_nothing_else(void **s)
{
    static const ret_edit a[] = {
        {"WM8 Progress", "J19", NULL, false, 0, 0x00FF00u},
        {"WM8 Progress", "P83", "19 days in November.", false, 0, 0}};
    static const ret_edit b[] = {
        {"WM8 Progress", "P19", "Policy goes to Cabinet in December.", false,
         0, 0}};
    static const char *const changed[] = {"J19", "P83", "P19"};
    rag_workbook *in = NULL, *out = NULL;
    rag_merge *mg;
    const rag_cell *c;
    size_t n;
    long changes;
    (void)s;
    need_shared();

    make_return(fixture(WM8), tmp("w-a.xlsx"), true, a, 2);
    make_return(fixture(WM8), tmp("w-b.xlsx"), false, b, 1);
    mg = open_master(fixture(WM8));
    assert_int_equal(rag_merge_add(mg, tmp("w-a.xlsx"), NULL), RAG_OK);
    assert_int_equal(rag_merge_add(mg, tmp("w-b.xlsx"), NULL), RAG_OK);
    /* never over the master nor a return */
    assert_int_equal(rag_merge_write(mg, tmp("w-a.xlsx"), NULL),
                     RAG_ERR_USAGE);
    assert_int_equal(rag_merge_write(mg, tmp("merged.xlsx"), NULL), RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 3);
    rag_merge_free(mg);

    assert_int_equal(rag_workbook_read(fixture(WM8), NULL, &in, NULL),
                     RAG_OK);
    assert_int_equal(rag_workbook_read(tmp("merged.xlsx"), NULL, &out, NULL),
                     RAG_OK);
    same_but(in, out, "WM8 Progress", changed, 3);
    c = rag_sheet_cell(&out->sheets[rag_workbook_sheet_index(out,
                                                               "WM8 Progress")],
                       18, 9);
    assert_non_null(c);
    assert_int_equal(rag_cell_style(out, c)->fill_fg, 0x92D050u);
    changes = rag_workbook_sheet_index(out, "Changes");
    assert_true(changes >= 0);
    assert_true(rag_workbook_sheet_index(out, "Summary") == 0);
    assert_true(rag_workbook_sheet_index(out, "Issues") > changes);
    c = rag_sheet_cell(&out->sheets[changes], 3, 1); /* the third change */
    assert_non_null(c);
    assert_string_equal(c->text, "P83");
    assert_null(rag_sheet_cell(&out->sheets[changes], 4, 1));
    rag_workbook_free(in);
    rag_workbook_free(out);
}

static void test_merging_the_same_returns_again_changes_nothing(void **s)
{
    rag_merge *mg;
    size_t n;
    (void)s;
    need_shared();

    /* the output and returns of the test above: w-b's copy still holds
     * the J19 and P83 that w-a changed, and must not change them back */
    mg = open_master(tmp("merged.xlsx"));
    assert_int_equal(rag_merge_add(mg, tmp("w-a.xlsx"), NULL), RAG_OK);
    assert_int_equal(rag_merge_add(mg, tmp("w-b.xlsx"), NULL), RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 0);
    rag_merge_free(mg);
}

static void test_bad_arguments(void **state)
{
    rag_merge *mg = (rag_merge *)1;
    rag_error err;
    (void)state;
    rag_error_clear(&err);
    assert_int_equal(rag_merge_open(NULL, NULL, &mg, &err), RAG_ERR_USAGE);
    assert_null(mg);
    assert_int_equal(rag_merge_add(NULL, "x", NULL), RAG_ERR_USAGE);
    assert_int_equal(rag_merge_write(NULL, "x", NULL), RAG_ERR_USAGE);
    assert_null(rag_merge_field_name((rag_merge_field)99));
    assert_string_equal(rag_merge_field_name(RAG_MERGE_NARRATIVE),
                        "narrative");
    rag_merge_free(NULL);
}

/* An audit tracker numbers each audit's recommendations from 1, the
 * audit named in a column left of the ref.  A return cut down to the
 * second audit's rows answers for its "1": the change goes to that
 * audit's row of the master, not to the first audit's "1". */
static void grouped_sheet(const char *path, bool cut_down,
                          const char *procurement_update)
{
    static const char *const heads[] = {"Audit", "Rec No", "Recommendation",
                                        "Responsible officer",
                                        "Latest update"};
    static const char *const rows[][5] = {
        {"Payroll 22/23", "1", "Reconcile payroll monthly", "Payroll Manager",
         "In progress"},
        {"", "2", "Review starters", "HR Lead", "In progress"},
        {"Procurement 23/24", "1", "Keep a waivers register",
         "Head of Procurement", "On track"},
        {"", "2", "Train buyers", "Head of Procurement", "Not started"}};
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Recs");
    lxw_row_t r = 1;
    int i, k;

    for (k = 0; k < 5; k++)
        worksheet_write_string(ws, 0, (lxw_col_t)k, heads[k], NULL);
    for (i = cut_down ? 2 : 0; i < 4; i++, r++)
        for (k = 0; k < 5; k++)
            worksheet_write_string(ws, r, (lxw_col_t)k,
                                   k == 4 && i == 2 && procurement_update
                                       ? procurement_update
                                       : rows[i][k],
                                   NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_refs_afresh_in_each_audit_match_within_it(void **state)
{
    const rag_merge_change *c;
    rag_merge *mg;
    size_t n;
    (void)state;

    grouped_sheet(tmp("grouped-master.xlsx"), false, NULL);
    grouped_sheet(tmp("grouped-return.xlsx"), true, "Register live");
    mg = open_master(tmp("grouped-master.xlsx"));
    assert_int_equal(rag_merge_add(mg, tmp("grouped-return.xlsx"), NULL),
                     RAG_OK);
    rag_merge_changes(mg, &n);
    assert_int_equal(n, 1);
    assert_null(change_at(mg, "E2")); /* Payroll's "1" is untouched */
    c = change_at(mg, "E4");          /* Procurement's "1" */
    assert_non_null(c);
    assert_int_equal(c->field, RAG_MERGE_COMMENT);
    assert_string_equal(c->new_text, "Register live");
    assert_int_equal(count_rule(mg, RAG_RULE_MERGE_UNKNOWN_REF), 0);
    rag_merge_free(mg);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ragbook-merge-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plans_match_by_kind_sheet_and_title),
        cmocka_unit_test(test_recoloured_months_come_in_the_masters_colours),
        cmocka_unit_test(test_comments_dates_and_blanks),
        cmocka_unit_test(test_a_revised_date_keeps_the_original),
        cmocka_unit_test(test_a_quarter_status_goes_under_its_quarter),
        cmocka_unit_test(test_disagreeing_returns_conflict_agreeing_ones_do_not),
        cmocka_unit_test(test_unknown_refs_other_plans_and_bad_files),
        cmocka_unit_test(test_indicator_forms_take_figures_and_reasons),
        cmocka_unit_test(test_written_master_has_the_changes_and_nothing_else),
        cmocka_unit_test(test_merging_the_same_returns_again_changes_nothing),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_refs_afresh_in_each_audit_match_within_it),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
