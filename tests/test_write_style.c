/* The writer's style table: interning, input styles mapped once, and each
 * rag_style property carried onto its lxw_format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "writer/writer.h"

static char path[64];

static int setup(void **state)
{
    int fd;
    (void)state;
    snprintf(path, sizeof path, "/tmp/rag-wstyle-XXXXXX");
    fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

static rag_writer *open_writer(void)
{
    rag_writer *w = NULL;
    rag_error err;
    rag_error_clear(&err);
    assert_int_equal(rag_writer_open(path, NULL, &w, &err), RAG_OK);
    return w;
}

static void test_style_equal_styles_share_one_handle(void **state)
{
    rag_writer *w = open_writer();
    rag_style a, b;
    rag_wstyle ha, hb, hc;
    char name[] = "Arial";
    (void)state;

    rag_style_init(&a);
    a.font.name = "Arial";
    a.font.bold = true;
    b = a;
    b.font.name = name; /* equal text, another pointer */
    assert_int_equal(rag_writer_style(w, &a, &ha, NULL), RAG_OK);
    assert_int_equal(rag_writer_style(w, &b, &hb, NULL), RAG_OK);
    assert_int_equal(ha, hb);
    assert_int_not_equal(ha, RAG_WSTYLE_NONE);
    b.font.italic = true;
    assert_int_equal(rag_writer_style(w, &b, &hc, NULL), RAG_OK);
    assert_int_not_equal(ha, hc);
    /* The strings were copied: the caller's buffer may change. */
    name[0] = 'X';
    assert_string_equal(rag_writer_style_get(w, hb)->font.name, "Arial");
    /* One lxw_format per handle, made once. */
    assert_ptr_equal(rag_writer_format(w, ha), rag_writer_format(w, hb));
    assert_ptr_not_equal(rag_writer_format(w, ha), rag_writer_format(w, hc));
    assert_null(rag_writer_format(w, RAG_WSTYLE_NONE));
    rag_writer_abort(w);
}

static void test_style_many_distinct_styles_stay_distinct(void **state)
{
    rag_writer *w = open_writer();
    rag_wstyle seen[600];
    rag_style st;
    int i, j;
    (void)state;

    rag_style_init(&st);
    for (i = 0; i < 600; i++) {
        st.fill_fg = (uint32_t)i;
        st.pattern = RAG_PATTERN_SOLID;
        assert_int_equal(rag_writer_style(w, &st, &seen[i], NULL), RAG_OK);
    }
    for (i = 0; i < 600; i++) {
        rag_wstyle again;
        st.fill_fg = (uint32_t)i;
        assert_int_equal(rag_writer_style(w, &st, &again, NULL), RAG_OK);
        assert_int_equal(again, seen[i]);
        for (j = 0; j < i; j += 37)
            assert_int_not_equal(seen[i], seen[j]);
    }
    rag_writer_abort(w);
}

static void test_style_input_styles_are_mapped_once_per_workbook(void **state)
{
    rag_writer *w = open_writer();
    rag_style styles[3];
    rag_workbook wb;
    rag_wstyle h0, h1, h2, again;
    (void)state;

    rag_style_init(&styles[0]);
    styles[1] = styles[0];
    styles[1].font.bold = true;
    styles[2] = styles[0]; /* equal to style 0 */
    memset(&wb, 0, sizeof wb);
    wb.styles = styles;
    wb.style_count = 3;
    assert_int_equal(rag_writer_input_style(w, &wb, 0, &h0, NULL), RAG_OK);
    assert_int_equal(rag_writer_input_style(w, &wb, 1, &h1, NULL), RAG_OK);
    assert_int_equal(rag_writer_input_style(w, &wb, 2, &h2, NULL), RAG_OK);
    assert_int_equal(h0, h2);
    assert_int_not_equal(h0, h1);
    /* Cached: changing the input afterwards does not change the map. */
    styles[1].font.italic = true;
    assert_int_equal(rag_writer_input_style(w, &wb, 1, &again, NULL), RAG_OK);
    assert_int_equal(again, h1);
    /* An index past the table falls back to style 0. */
    assert_int_equal(rag_writer_input_style(w, &wb, 99, &again, NULL), RAG_OK);
    assert_int_equal(again, h0);
    rag_writer_abort(w);
}

/* One property set on a default style, and what its lxw_format must say. */
typedef struct style_case {
    const char *what;
    void (*set)(rag_style *st);
    void (*check)(const lxw_format *f);
} style_case;

static void set_bold(rag_style *s)
{
    s->font.bold = true;
    s->font.italic = true;
}
static void chk_bold(const lxw_format *f)
{
    assert_true(f->bold);
    assert_true(f->italic);
}
static void set_black_font(rag_style *s) { s->font.color = 0x000000; }
static void chk_black_font(const lxw_format *f)
{
    /* 0 is "unset" to libxlsxwriter: black has its own value */
    assert_int_equal(f->font_color, LXW_COLOR_BLACK);
}
static void set_solid(rag_style *s)
{
    s->pattern = RAG_PATTERN_SOLID;
    s->fill_fg = 0x92D050;
    s->fill_bg = 0x000000;
}
static void chk_solid(const lxw_format *f)
{
    /* libxlsxwriter swaps fg and bg of a solid fill with both: they are
     * given swapped so the file gets fgColor 92D050 */
    assert_int_equal(f->pattern, LXW_PATTERN_SOLID);
    assert_int_equal(f->bg_color, 0x92D050);
    assert_int_equal(f->fg_color, LXW_COLOR_BLACK);
}
static void set_solid_nocolor(rag_style *s)
{
    s->pattern = RAG_PATTERN_SOLID;
    s->fill_fg = RAG_NO_COLOR;
    s->fill_bg = 0x000000;
}
static void chk_no_fill(const lxw_format *f)
{
    assert_int_equal(f->pattern, 0);
    assert_int_equal(f->fg_color, LXW_COLOR_UNSET);
}
static void set_builtin_date(rag_style *s)
{
    s->numfmt_id = 14;
    s->numfmt = rag_numfmt_builtin(14);
}
static void chk_builtin_date(const lxw_format *f)
{
    assert_int_equal(f->num_format_index, 14);
    assert_string_equal(f->num_format, "");
}
static void set_custom(rag_style *s)
{
    s->numfmt_id = 164;
    s->numfmt = "0.0%;[Red]-0.0%";
}
static void chk_custom(const lxw_format *f)
{
    assert_string_equal(f->num_format, "0.0%;[Red]-0.0%");
}
static void set_general(rag_style *s)
{
    s->numfmt_id = 0;
    s->numfmt = "General";
}
static void chk_general(const lxw_format *f)
{
    assert_int_equal(f->num_format_index, 0);
    assert_string_equal(f->num_format, "");
}
static void set_rot_down(rag_style *s) { s->rotation = 135; }
static void chk_rot_down(const lxw_format *f)
{
    assert_int_equal(f->rotation, 135); /* -45 degrees, stored as OOXML's */
}
static void set_vertical(rag_style *s) { s->rotation = 255; }
static void chk_vertical(const lxw_format *f)
{
    assert_int_equal(f->rotation, 255);
}
static void set_accounting(rag_style *s) { s->font.underline = 34; }
static void chk_accounting(const lxw_format *f)
{
    assert_int_equal(f->underline, LXW_UNDERLINE_DOUBLE_ACCOUNTING);
}
static void set_super(rag_style *s) { s->font.script = 1; s->font.strike = 1; }
static void chk_super(const lxw_format *f)
{
    assert_int_equal(f->font_script, LXW_FONT_SUPERSCRIPT);
    assert_true(f->font_strikeout);
}
static void set_diag_nodir(rag_style *s) { s->diagonal.style = 1; }
static void chk_diag_nodir(const lxw_format *f)
{
    /* no direction: no diagonal (libxlsxwriter would draw both) */
    assert_int_equal(f->diag_type, 0);
    assert_int_equal(f->diag_border, 0);
}
static void set_diag_up(rag_style *s)
{
    s->diagonal.style = 2;
    s->diagonal.color = 0xFF0000;
    s->diagonal_up = true;
}
static void chk_diag_up(const lxw_format *f)
{
    assert_int_equal(f->diag_type, LXW_DIAGONAL_BORDER_UP);
    assert_int_equal(f->diag_border, LXW_BORDER_MEDIUM);
    assert_int_equal(f->diag_color, 0xFF0000);
}
static void set_borders(rag_style *s)
{
    s->left.style = 1;
    s->right.style = 13;
    s->right.color = 0x0000FF;
    s->bottom.style = 6;
}
static void chk_borders(const lxw_format *f)
{
    assert_int_equal(f->left, LXW_BORDER_THIN);
    assert_int_equal(f->right, LXW_BORDER_SLANT_DASH_DOT);
    assert_int_equal(f->right_color, 0x0000FF);
    assert_int_equal(f->bottom, LXW_BORDER_DOUBLE);
    assert_int_equal(f->top, 0);
}
static void set_align(rag_style *s)
{
    s->halign = RAG_HALIGN_CENTER_CONTINUOUS;
    s->valign = RAG_VALIGN_CENTER;
    s->wrap = true;
    s->indent = 2;
}
static void chk_align(const lxw_format *f)
{
    assert_int_equal(f->text_h_align, LXW_ALIGN_CENTER_ACROSS);
    assert_int_equal(f->text_v_align, LXW_ALIGN_VERTICAL_CENTER);
    assert_true(f->text_wrap);
    assert_int_equal(f->indent, 2);
}
static void set_protection(rag_style *s)
{
    s->locked = false;
    s->hidden = true;
}
static void chk_protection(const lxw_format *f)
{
    assert_int_equal(f->locked, 0);
    assert_int_equal(f->hidden, 1);
}
static void set_font(rag_style *s)
{
    s->font.name = "Arial";
    s->font.size = 10;
    s->font.color = 0x1F497D;
}
static void chk_font(const lxw_format *f)
{
    assert_string_equal(f->font_name, "Arial");
    assert_true(f->font_size == 10);
    assert_int_equal(f->font_color, 0x1F497D);
}

static void test_style_properties_reach_the_format(void **state)
{
    static const style_case cases[] = {
        {"bold and italic", set_bold, chk_bold},
        {"black font", set_black_font, chk_black_font},
        {"solid fill", set_solid, chk_solid},
        {"solid fill without a colour", set_solid_nocolor, chk_no_fill},
        {"built-in date format", set_builtin_date, chk_builtin_date},
        {"custom format", set_custom, chk_custom},
        {"General", set_general, chk_general},
        {"text turned down", set_rot_down, chk_rot_down},
        {"vertical text", set_vertical, chk_vertical},
        {"double accounting underline", set_accounting, chk_accounting},
        {"superscript, strike", set_super, chk_super},
        {"diagonal without a direction", set_diag_nodir, chk_diag_nodir},
        {"diagonal up", set_diag_up, chk_diag_up},
        {"borders", set_borders, chk_borders},
        {"alignment", set_align, chk_align},
        {"protection", set_protection, chk_protection},
        {"font", set_font, chk_font},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rag_writer *w = open_writer();
        rag_style st;
        rag_wstyle h;
        lxw_format *f;
        rag_style_init(&st);
        cases[i].set(&st);
        assert_int_equal(rag_writer_style(w, &st, &h, NULL), RAG_OK);
        f = rag_writer_format(w, h);
        assert_non_null(f);
        print_message("  %s\n", cases[i].what);
        cases[i].check(f);
        rag_writer_abort(w);
    }
}

static void test_style_long_number_format_is_counted_lost(void **state)
{
    rag_writer *w = open_writer();
    rag_style st;
    rag_wstyle h;
    char code[201];
    lxw_format *f;
    (void)state;

    memset(code, '0', 200);
    code[200] = '\0';
    rag_style_init(&st);
    st.numfmt_id = 170;
    st.numfmt = code;
    assert_int_equal(rag_writer_style(w, &st, &h, NULL), RAG_OK);
    f = rag_writer_format(w, h);
    assert_non_null(f);
    assert_string_equal(f->num_format, ""); /* General, not cut short */
    assert_int_equal(rag_writer_losses(w, RAG_LOSS_NUMFMTS), 1);
    rag_writer_abort(w);
}

static void test_style_every_loss_has_a_message(void **state)
{
    int k;
    (void)state;
    for (k = 0; k < RAG_LOSS_COUNT; k++) {
        const char *m = rag_loss_message((rag_loss)k);
        assert_non_null(m);
        assert_true(strlen(m) > 10);
        assert_true(m[strlen(m) - 1] != '.'); /* no full stop */
    }
    assert_non_null(rag_loss_message(RAG_LOSS_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_style_equal_styles_share_one_handle),
        cmocka_unit_test(test_style_many_distinct_styles_stay_distinct),
        cmocka_unit_test(test_style_input_styles_are_mapped_once_per_workbook),
        cmocka_unit_test(test_style_properties_reach_the_format),
        cmocka_unit_test(test_style_long_number_format_is_counted_lost),
        cmocka_unit_test(test_style_every_loss_has_a_message),
    };
    return cmocka_run_group_tests_name("write_style", tests, setup, teardown);
}
