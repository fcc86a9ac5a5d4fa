/* Colours: the legacy indexed palette, ARGB text and OOXML tints. */
#include "support.h"
#include "util/util.h"

static void test_color_indexed_palette_gives_excel_colours(void **state)
{
    static const struct {
        uint32_t index, rgb;
    } cases[] = {
        {0, 0x000000},  {1, 0xFFFFFF},  {2, 0xFF0000},  {3, 0x00FF00},
        {4, 0x0000FF},  {5, 0xFFFF00},  {8, 0x000000},  {9, 0xFFFFFF},
        {10, 0xFF0000}, {13, 0xFFFF00}, {22, 0xC0C0C0}, {23, 0x808080},
        {26, 0xFFFFCC}, {43, 0xFFFF99}, {44, 0x99CCFF}, {51, 0xFFCC00},
        {52, 0xFF9900}, {55, 0x969696}, {63, 0x333333},
        {64, 0x000000}, /* system foreground */
        {65, 0xFFFFFF}, /* system background */
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rg_indexed_color(cases[i].index) != cases[i].rgb)
            fail_msg("indexed %u: %06X, want %06X", cases[i].index,
                     rg_indexed_color(cases[i].index), cases[i].rgb);
    assert_int_equal(rg_indexed_color(66), RAG_NO_COLOR);
    assert_int_equal(rg_indexed_color(1000), RAG_NO_COLOR);
}

static void test_color_parse_rgb_takes_argb_and_rgb(void **state)
{
    uint32_t v = 0;
    (void)state;
    assert_true(rg_parse_rgb("FF92D050", &v));
    assert_int_equal(v, 0x92D050);
    assert_true(rg_parse_rgb("92D050", &v));
    assert_int_equal(v, 0x92D050);
    assert_true(rg_parse_rgb("ff92d050", &v));
    assert_int_equal(v, 0x92D050);
    assert_true(rg_parse_rgb("00FF0000", &v)); /* alpha is ignored */
    assert_int_equal(v, 0xFF0000);
    assert_true(rg_parse_rgb("000000", &v));
    assert_int_equal(v, 0x000000);
}

static void test_color_parse_rgb_rejects_malformed_text(void **state)
{
    static const char *const bad[] = {"",        "FFF",     "12345",
                                      "1234567", "GG0000",  "FF92D0501",
                                      "#92D050", " 92D050", "92D05 "};
    uint32_t v;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (rg_parse_rgb(bad[i], &v))
            fail_msg("accepted '%s'", bad[i]);
}

/* The tints Excel's colour picker writes ("Lighter 40%" is 0.39997...),
 * and the colours Excel shows for them, from Excel's own palette. */
static void test_color_tint_gives_excel_palette_colours(void **state)
{
    static const struct {
        uint32_t rgb;
        double tint;
        uint32_t want;
    } cases[] = {
        /* "White, Background 1, Darker 5% .. 50%" */
        {0xFFFFFF, -0.0499893185216834, 0xF2F2F2},
        {0xFFFFFF, -0.149998474074526, 0xD9D9D9},
        {0xFFFFFF, -0.249977111117893, 0xBFBFBF},
        {0xFFFFFF, -0.349986266670736, 0xA6A6A6},
        {0xFFFFFF, -0.499984740745262, 0x808080},
        /* "Black, Text 1, Lighter 5% .. 50%" */
        {0x000000, 0.0499893185216834, 0x0D0D0D},
        {0x000000, 0.149998474074526, 0x262626},
        {0x000000, 0.349986266670736, 0x595959},
        {0x000000, 0.499984740745262, 0x7F7F7F},
        /* Office 2007 "Accent 1" (4F81BD), lighter 40% and 60% */
        {0x4F81BD, 0.399975585192419, 0x95B3D7},
        {0x4F81BD, 0.599993896298105, 0xB9CDE5},
        /* Office 2013 "Gold, Accent 4" (FFC000), lighter 40% .. 80% */
        {0xFFC000, 0.399975585192419, 0xFFD966},
        {0xFFC000, 0.599993896298105, 0xFFE699},
        {0xFFC000, 0.799981688894314, 0xFFF2CC},
        /* Office 2013 "Blue, Accent 1" and "Orange, Accent 2", 60% */
        {0x5B9BD5, 0.599993896298105, 0xBDD7EE},
        {0xED7D31, 0.599993896298105, 0xF8CBAD},
        /* Office 2007 "Tan, Background 2" (EEECE1), darker 25% */
        {0xEEECE1, -0.249977111117893, 0xC4BD97},
        /* HSL ends */
        {0x92D050, 1.0, 0xFFFFFF},
        {0x92D050, -1.0, 0x000000},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t got = rg_apply_tint(cases[i].rgb, cases[i].tint);
        if (got != cases[i].want)
            fail_msg("%06X tint %g: %06X, want %06X", cases[i].rgb,
                     cases[i].tint, got, cases[i].want);
    }
}

static void test_color_tint_zero_or_no_colour_changes_nothing(void **state)
{
    (void)state;
    assert_int_equal(rg_apply_tint(0x92D050, 0), 0x92D050);
    assert_int_equal(rg_apply_tint(RAG_NO_COLOR, 0.5), RAG_NO_COLOR);
    assert_int_equal(rg_apply_tint(RAG_NO_COLOR, -0.5), RAG_NO_COLOR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_color_indexed_palette_gives_excel_colours),
        cmocka_unit_test(test_color_parse_rgb_takes_argb_and_rgb),
        cmocka_unit_test(test_color_parse_rgb_rejects_malformed_text),
        cmocka_unit_test(test_color_tint_gives_excel_palette_colours),
        cmocka_unit_test(test_color_tint_zero_or_no_colour_changes_nothing),
    };
    return cmocka_run_group_tests_name("color", tests, NULL, NULL);
}
