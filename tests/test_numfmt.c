/* Number formats: which format numbers as dates or times. */
#include <string.h>

#include "support.h"
#include "util/util.h"

typedef struct fmt_case {
    const char *code;
    bool is_date;
} fmt_case;

static const fmt_case custom[] = {
    /* dates and times */
    {"d mmmm yyyy", true},
    {"d\\ mmmm\\ yyyy", true},           /* LibreOffice escapes the spaces */
    {"dd/mm/yyyy", true},
    {"yyyy-mm-dd", true},
    {"mmm-yy", true},
    {"dd/mm/yyyy hh:mm", true},
    {"h:mm AM/PM", true},
    {"hh:mm:ss", true},
    {"DD/MM/YYYY", true},
    {"[$-409]d-mmm-yy", true},           /* locale tag, then a date */
    {"[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", true},
    {"[Red]dd/mm/yyyy", true},
    {"\"Due: \"dd/mm/yyyy", true},       /* quoted text, then a date */
    {"yyyy-mm-dd;@", true},
    {"[h]:mm", true},                    /* elapsed time */
    {"[hh]:mm:ss", true},
    {"[mm]:ss", true},
    {"[ss].00", true},
    {"mm:ss.0", true},
    /* numbers and text */
    {"General", false},
    {"0", false},
    {"0.0%", false},
    {"#,##0", false},
    {"#,##0.00_);[Red](#,##0.00)", false}, /* [Red] holds a 'd' */
    {"[Red]0.00", false},
    {"[Blue]General", false},
    {"[$-409]0.00", false},
    {"[$\xC2\xA3-809]#,##0.00", false},   /* [$£-809] */
    {"[>100]0;0.00", false},
    {"\"£\"#,##0.00", false},
    {"0 \"days\"", false},               /* d, a, y, s only in quotes */
    {"#,##0 \"hrs\"", false},
    {"0\\d", false},                     /* an escaped d */
    {"0_d", false},                      /* a space as wide as d */
    {"0*d", false},                      /* fill with d */
    {"0.00E+00", false},
    {"@", false},
    {"0;\"mm\"", false},
    {"0;dd/mm/yyyy", false},             /* only the first section counts */
    {"\"unterminated d", false},
    {"0\\", false},
    {"[Red", false},
};

static void test_numfmt_custom_codes_are_dates_only_outside_quotes(
    void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof custom / sizeof custom[0]; i++)
        if (rag_numfmt_is_date(164, custom[i].code) != custom[i].is_date)
            fail_msg("'%s' should %sbe a date format", custom[i].code,
                     custom[i].is_date ? "" : "not ");
}

static void test_numfmt_builtin_ids_14_to_22_and_45_to_47_are_dates(
    void **state)
{
    uint32_t id;
    (void)state;
    for (id = 0; id < 164; id++) {
        bool want = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
        if (rag_numfmt_is_date(id, NULL) != want)
            fail_msg("built-in id %u", id);
    }
    /* A built-in id decides even when a code is given. */
    assert_true(rag_numfmt_is_date(14, "General"));
    assert_false(rag_numfmt_is_date(0, NULL));
    assert_false(rag_numfmt_is_date(164, NULL));
}

static void test_numfmt_builtin_codes_are_excel_defaults(void **state)
{
    (void)state;
    assert_string_equal(rag_numfmt_builtin(0), "General");
    assert_string_equal(rag_numfmt_builtin(1), "0");
    assert_string_equal(rag_numfmt_builtin(9), "0%");
    assert_string_equal(rag_numfmt_builtin(10), "0.00%");
    assert_string_equal(rag_numfmt_builtin(14), "mm-dd-yy");
    assert_string_equal(rag_numfmt_builtin(15), "d-mmm-yy");
    assert_string_equal(rag_numfmt_builtin(22), "m/d/yy h:mm");
    assert_string_equal(rag_numfmt_builtin(46), "[h]:mm:ss");
    assert_string_equal(rag_numfmt_builtin(49), "@");
    assert_null(rag_numfmt_builtin(23)); /* 23..36: locale-dependent */
    assert_null(rag_numfmt_builtin(50));
    assert_null(rag_numfmt_builtin(164));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            test_numfmt_custom_codes_are_dates_only_outside_quotes),
        cmocka_unit_test(
            test_numfmt_builtin_ids_14_to_22_and_45_to_47_are_dates),
        cmocka_unit_test(test_numfmt_builtin_codes_are_excel_defaults),
    };
    return cmocka_run_group_tests_name("numfmt", tests, NULL, NULL);
}
