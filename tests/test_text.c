/* Text helpers: the shortest round-trip form of a double, strict number
 * parsing and bounded copies. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "util/util.h"

typedef struct double_case {
    double v;
    const char *text;
} double_case;

static void test_format_double_gives_shortest_round_trip_text(void **state)
{
    static const double_case cases[] = {
        {0, "0"},
        {6, "6"},
        {-2, "-2"},
        {80000, "80000"},
        {0.1, "0.1"},
        {-0.3, "-0.3"},
        {0.9, "0.9"},
        {-0.194, "-0.194"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3, "0.3333333333333333"},
        {2.0 / 3, "0.6666666666666666"},
        {123456789012.0, "123456789012"},
        {999999999999999.0, "999999999999999"},
        {1e15, "1e+15"},
        {9007199254740992.0, "9007199254740992"},
        {1e-7, "1e-07"},
        {40063.5, "40063.5"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {DBL_MIN, "2.2250738585072014e-308"},
        {-1.5e300, "-1.5e+300"},
    };
    char buf[40];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = rg_format_double(cases[i].v, buf, sizeof buf);
        assert_int_equal(n, (int)strlen(cases[i].text));
        assert_string_equal(buf, cases[i].text);
        assert_true(strtod(buf, NULL) == cases[i].v);
    }
}

/* What rg_format_double promises, written the slow way: the first of
 * %.15g, %.16g, %.17g that reads back. */
static void reference_format(double v, char *buf, size_t size)
{
    int prec;
    if (v == 0) {
        snprintf(buf, size, "0");
        return;
    }
    for (prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
    snprintf(buf, size, "%.17g", v);
}

/* The by-hand paths (whole numbers, decimals of up to 15 digits) give
 * what snprintf gives, on decimals as a sheet holds them (money, rates,
 * percentages, times of day), on their neighbours one ulp away, and on
 * random bit patterns. */
static void test_format_double_by_hand_equals_printf(void **state)
{
    static const int scales[] = {1, 2, 3, 4, 6, 9, 12, 15};
    char got[40], want[40];
    uint64_t seed = 0x9e3779b97f4a7c15u;
    long i, checked = 0;
    (void)state;
    for (i = 0; i < 400000; i++) {
        double v;
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        switch (i % 4) {
        case 0: { /* a decimal: digits over 10^k */
            int k = scales[(seed >> 8) % 8];
            double p = pow(10, k);
            v = (double)(int64_t)(seed % 1000000000000000u) / p;
            break;
        }
        case 1: /* a short decimal, as typed */
            v = (double)(int64_t)(seed % 2000001 - 1000000) / 100.0;
            break;
        case 2: { /* a neighbour of a decimal */
            double d = (double)(int64_t)(seed % 100000) / 1000.0;
            v = nextafter(d, (seed & 1) ? 1e300 : -1e300);
            break;
        }
        default: { /* any finite double */
            uint64_t bits = seed;
            memcpy(&v, &bits, sizeof v);
            if (!isfinite(v))
                continue;
        }
        }
        if (seed & 0x100000)
            v = -v;
        reference_format(v, want, sizeof want);
        rg_format_double(v, got, sizeof got);
        if (strcmp(got, want) != 0)
            fail_msg("%.17g: got %s, want %s", v, got, want);
        checked++;
    }
    assert_true(checked > 300000);
}

static void test_format_double_negative_zero_prints_zero(void **state)
{
    char buf[40];
    (void)state;
    rg_format_double(-0.0, buf, sizeof buf);
    assert_string_equal(buf, "0");
}

static void test_parse_double_takes_plain_decimals_only(void **state)
{
    static const double_case good[] = {
        {1.5, " 1.5 "}, {-0.3, "-0.3"}, {2, "+2"},     {0.5, ".5"},
        {1000, "1e3"},  {1000, "1E+3"}, {0.001, "1e-3"}, {40063, "40063"},
    };
    static const char *const bad[] = {
        "", " ", "nan", "NaN", "inf", "-Infinity", "0x10", "1,5", "1.5.2",
        "1e999", "12abc", "--1", "TRUE", "1 2"};
    double v;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        assert_true(rg_parse_double(good[i].text, &v));
        assert_true(v == good[i].v);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (rg_parse_double(bad[i], &v))
            fail_msg("accepted '%s'", bad[i]);
}

static void test_parse_u32_rejects_signs_and_overflow(void **state)
{
    uint32_t v;
    (void)state;
    assert_true(rg_parse_u32("0", &v));
    assert_int_equal(v, 0);
    assert_true(rg_parse_u32("4294967295", &v));
    assert_int_equal(v, 4294967295u);
    assert_false(rg_parse_u32("4294967296", &v));
    assert_false(rg_parse_u32("99999999999999999999", &v));
    assert_false(rg_parse_u32("", &v));
    assert_false(rg_parse_u32("-1", &v));
    assert_false(rg_parse_u32("+1", &v));
    assert_false(rg_parse_u32("12a", &v));
    assert_false(rg_parse_u32(" 1", &v));
}

static void test_strlcpy_never_cuts_a_utf8_sequence(void **state)
{
    char buf[8];
    (void)state;
    rg_strlcpy(buf, "h\xC3\xA9llo", 3); /* "hé" needs 4 bytes with NUL */
    assert_string_equal(buf, "h");
    rg_strlcpy(buf, "h\xC3\xA9llo", 4);
    assert_string_equal(buf, "h\xC3\xA9");
    rg_strlcpy(buf, "abcdefghij", sizeof buf);
    assert_string_equal(buf, "abcdefg");
    rg_strlcpy(buf, "", sizeof buf);
    assert_string_equal(buf, "");
    rg_strlcpy(buf, "\xE2\x82\xAC\xE2\x82\xAC", 6); /* two euro signs */
    assert_string_equal(buf, "\xE2\x82\xAC");
}

static void test_streq_nocase_folds_ascii_only(void **state)
{
    (void)state;
    assert_true(rg_streq_nocase("WM8 Progress", "wm8 progress"));
    assert_true(rg_streq_nocase("", ""));
    assert_false(rg_streq_nocase("Sheet1", "Sheet10"));
    assert_false(rg_streq_nocase("Sheet10", "Sheet1"));
    assert_false(rg_streq_nocase("\xC3\xA9", "\xC3\x89")); /* é, É */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_double_gives_shortest_round_trip_text),
        cmocka_unit_test(test_format_double_negative_zero_prints_zero),
        cmocka_unit_test(test_format_double_by_hand_equals_printf),
        cmocka_unit_test(test_parse_double_takes_plain_decimals_only),
        cmocka_unit_test(test_parse_u32_rejects_signs_and_overflow),
        cmocka_unit_test(test_strlcpy_never_cuts_a_utf8_sequence),
        cmocka_unit_test(test_streq_nocase_folds_ascii_only),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
