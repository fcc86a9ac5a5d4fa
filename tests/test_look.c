/*
 * How generated sheets look (src/outputs/look.c): WCAG contrast and the
 * ink chosen on a fill, the workbook's own words for a status, and the
 * month codes made from them.
 */
#include <math.h>
#include <string.h>

#include "support.h"
#include "outputs/convert_impl.h"
#include "outputs/look.h"

static void test_contrast_is_wcag(void **state)
{
    (void)state;
    /* WCAG 2.1's own figures: black on white 21:1, the issue's four */
    assert_true(fabs(rg_look_contrast(0x000000u, 0xFFFFFFu) - 21.0) < 1e-9);
    assert_true(fabs(rg_look_contrast(0xFFFFFFu, 0x00B050u) - 2.87) < 0.01);
    assert_true(fabs(rg_look_contrast(0xFFFFFFu, 0xE06666u) - 3.35) < 0.01);
    assert_true(fabs(rg_look_contrast(0xFFFFFFu, 0x808080u) - 3.95) < 0.01);
    assert_true(fabs(rg_look_contrast(0xFFFFFFu, 0xFF0000u) - 4.00) < 0.01);
    /* the order of the two colours does not matter */
    assert_true(rg_look_contrast(0x0070C0u, 0xFFFFFFu) ==
                rg_look_contrast(0xFFFFFFu, 0x0070C0u));
}

static void test_ink_reads_on_every_fill(void **state)
{
    uint32_t r, g, b;
    (void)state;
    /* every 17th step of each channel: 4,913 fills */
    for (r = 0; r <= 255; r += 17)
        for (g = 0; g <= 255; g += 17)
            for (b = 0; b <= 255; b += 17) {
                uint32_t fill = r << 16 | g << 8 | b;
                assert_true(rg_look_contrast(rg_look_ink(fill), fill) >=
                            RG_LOOK_MIN_CONTRAST);
            }
    assert_int_equal(rg_look_ink(0x00B050u), 0x000000u);
    assert_int_equal(rg_look_ink(0x0070C0u), 0xFFFFFFu);
    assert_int_equal(rg_look_ink(RAG_NO_COLOR), RAG_NO_COLOR);
    /* a council's dark red stays on white, goes on red */
    assert_int_equal(rg_look_keep_ink(0xC00000u, 0xFFFFFFu), 0xC00000u);
    assert_int_equal(rg_look_keep_ink(0xC00000u, 0xFF0000u), 0x000000u);
}

static rag_legend_entry entry(rag_progress s, const char *label)
{
    rag_legend_entry e;
    memset(&e, 0, sizeof e);
    e.status = s;
    e.label = label;
    e.fill = 0x70AD47u;
    return e;
}

/* A key's colour colours its status; a key of codes written out, with
 * no swatch, gives the standard colour, not none (a Summary's bars and
 * columns were all grey). */
static void test_status_colour_from_the_key_else_standard(void **state)
{
    rag_legend_entry key[2];
    rag_plan p;
    (void)state;

    key[0] = entry(RAG_PROGRESS_ON_TARGET, "On track");
    key[0].fill = 0x92D050u;
    key[1] = entry(RAG_PROGRESS_COMPLETE, "complete");
    key[1].fill = RAG_NO_COLOR;
    memset(&p, 0, sizeof p);
    p.legend = key;
    p.legend_count = 2;
    p.status_col = -1;
    assert_int_equal(rg_cv_status_colour(&p, RAG_PROGRESS_ON_TARGET),
                     0x92D050u);
    assert_int_equal(rg_cv_status_colour(&p, RAG_PROGRESS_COMPLETE),
                     rg_cv_status_standard(RAG_PROGRESS_COMPLETE));
    assert_true(rg_cv_status_standard(RAG_PROGRESS_COMPLETE) != RAG_NO_COLOR);
    assert_int_equal(
        rg_cv_status_colour(&p, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND),
        rg_cv_status_standard(RAG_PROGRESS_OVER_ONE_MONTH_BEHIND));
}

static void test_codes_come_from_the_key(void **state)
{
    rag_legend_entry key[7];
    rag_plan p;
    char code[RG_LOOK_CODE_SIZE], buf[64];
    (void)state;

    key[0] = entry(RAG_PROGRESS_PROGRAMMED, "Not started");
    key[1] = entry(RAG_PROGRESS_ON_TARGET, "On track");
    key[2] = entry(RAG_PROGRESS_ONE_MONTH_BEHIND, "Up to 1 month late");
    key[3] = entry(RAG_PROGRESS_OVER_ONE_MONTH_BEHIND,
                   "More than 1 month late");
    key[4] = entry(RAG_PROGRESS_REPROGRAMMED, "Revised date agreed");
    key[5] = entry(RAG_PROGRESS_SUSPENDED, "On hold");
    key[6] = entry(RAG_PROGRESS_COMPLETE, "Completed");
    memset(&p, 0, sizeof p);
    p.legend = key;
    p.legend_count = 7;
    p.status_col = -1;
    assert_string_equal(rg_look_code(&p, RAG_PROGRESS_PROGRAMMED, code),
                        "NS");
    assert_string_equal(rg_look_code(&p, RAG_PROGRESS_ON_TARGET, code),
                        "OT");
    assert_string_equal(
        rg_look_code(&p, RAG_PROGRESS_ONE_MONTH_BEHIND, code), "U1M");
    assert_string_equal(
        rg_look_code(&p, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, code), "M1M");
    assert_string_equal(rg_look_code(&p, RAG_PROGRESS_REPROGRAMMED, code),
                        "RDA");
    assert_string_equal(rg_look_code(&p, RAG_PROGRESS_SUSPENDED, code),
                        "OH");
    assert_string_equal(rg_look_code(&p, RAG_PROGRESS_COMPLETE, code), "C");
    assert_string_equal(rg_look_code(&p, RAG_PROGRESS_NONE, code), "?");
    /* a second conversion knows its own codes, and the old standard ones */
    assert_true(rg_look_is_code(&p, "RDA", 3));
    assert_true(rg_look_is_code(&p, ">1M", 3));
    assert_true(rg_look_is_code(&p, "?", 1));
    assert_false(rg_look_is_code(&p, "Late", 4));
    /* the words are the key's */
    assert_string_equal(rg_look_status_words(NULL, &p,
                                             RAG_PROGRESS_SUSPENDED, buf,
                                             sizeof buf),
                        "On hold");
}

static void test_codes_stay_apart(void **state)
{
    rag_legend_entry key[3];
    rag_plan p;
    char a[RG_LOOK_CODE_SIZE], b[RG_LOOK_CODE_SIZE], c[RG_LOOK_CODE_SIZE];
    (void)state;

    /* the same initials: the first word's letters tell them apart */
    key[0] = entry(RAG_PROGRESS_ON_TARGET, "On time");
    key[1] = entry(RAG_PROGRESS_ONE_MONTH_BEHIND, "Overdue");
    key[2] = entry(RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, "Red");
    memset(&p, 0, sizeof p);
    p.legend = key;
    p.legend_count = 3;
    p.status_col = -1;
    rg_look_code(&p, RAG_PROGRESS_ON_TARGET, a);
    rg_look_code(&p, RAG_PROGRESS_ONE_MONTH_BEHIND, b);
    rg_look_code(&p, RAG_PROGRESS_OVER_ONE_MONTH_BEHIND, c);
    assert_string_equal(a, "OT");
    assert_string_equal(b, "O");
    /* "R" is fine, but never a word recognition reads as a status */
    assert_string_equal(c, "R");
    key[1] = entry(RAG_PROGRESS_ONE_MONTH_BEHIND, "On track");
    rg_look_code(&p, RAG_PROGRESS_ONE_MONTH_BEHIND, b);
    assert_string_not_equal(a, b);
    assert_true(strlen(b) <= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_is_wcag),
        cmocka_unit_test(test_ink_reads_on_every_fill),
        cmocka_unit_test(test_codes_come_from_the_key),
        cmocka_unit_test(test_status_colour_from_the_key_else_standard),
        cmocka_unit_test(test_codes_stay_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
