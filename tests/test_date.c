/* Serial dates in the 1900 and 1904 systems. */
#include <math.h>
#include <string.h>

#include "support.h"
#include "util/util.h"

typedef struct date_case {
    double serial;
    const char *text;
} date_case;

/* Excel's own readings of these serials (1900 system). */
static const date_case dates_1900[] = {
    {1, "1900-01-01"},
    {31, "1900-01-31"},
    {32, "1900-02-01"},
    {59, "1900-02-28"},
    {60, "1900-02-29"},       /* the day that never was (Lotus 1-2-3) */
    {61, "1900-03-01"},
    {366, "1900-12-31"},
    {367, "1901-01-01"},
    {36526, "2000-01-01"},
    {36585, "2000-02-29"},
    {39814, "2009-01-01"},
    {40063, "2009-09-07"},    /* WM8's report date */
    {45000, "2023-03-15"},
    {45351, "2024-02-29"},
    {2958465, "9999-12-31"},
};

static void test_date_1900_serials_give_excel_dates(void **state)
{
    char buf[24];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof dates_1900 / sizeof dates_1900[0]; i++) {
        assert_true(rag_serial_format(dates_1900[i].serial, false, buf));
        assert_string_equal(buf, dates_1900[i].text);
    }
}

static void test_date_serial_60_is_the_fictitious_29_february_1900(
    void **state)
{
    int y = 0, m = 0, d = 0;
    (void)state;
    assert_true(rag_serial_to_ymd(60, false, &y, &m, &d));
    assert_int_equal(y, 1900);
    assert_int_equal(m, 2);
    assert_int_equal(d, 29);
    assert_true(rag_serial_to_ymd(61, false, &y, &m, &d));
    assert_int_equal(y, 1900);
    assert_int_equal(m, 3);
    assert_int_equal(d, 1);
    assert_true(rag_serial_to_ymd(59, false, &y, &m, &d));
    assert_int_equal(m, 2);
    assert_int_equal(d, 28);
}

/* In the 1904 system serial 0 is 1904-01-01, and 1904 is a real leap
 * year: no fictitious day. */
static const date_case dates_1904[] = {
    {0, "1904-01-01"},
    {1, "1904-01-02"},
    {59, "1904-02-29"},
    {60, "1904-03-01"},
    {38601, "2009-09-07"},    /* 40063 - 1462 */
    {2957003, "9999-12-31"},
};

static void test_date_1904_serials_start_on_1_january_1904(void **state)
{
    char buf[24];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof dates_1904 / sizeof dates_1904[0]; i++) {
        assert_true(rag_serial_format(dates_1904[i].serial, true, buf));
        assert_string_equal(buf, dates_1904[i].text);
    }
}

static void test_date_time_parts_are_printed_to_the_second(void **state)
{
    static const date_case times[] = {
        {40063.5, "2009-09-07T12:00:00"},
        {40063.75, "2009-09-07T18:00:00"},
        {40063.25 + 1.0 / 1440, "2009-09-07T06:01:00"},
        {45000 + 0.999988425925926, "2023-03-15T23:59:59"},
        {0.5, "1899-12-30T12:00:00"}, /* a time alone, as openpyxl reads */
        {61.5, "1900-03-01T12:00:00"},
    };
    char buf[24];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof times / sizeof times[0]; i++) {
        assert_true(rag_serial_format(times[i].serial, false, buf));
        assert_string_equal(buf, times[i].text);
    }
}

static void test_date_time_is_rounded_to_the_millisecond_then_cut(
    void **state)
{
    char buf[24];
    double t;
    (void)state;
    /* 12:11:15.999 shows as 12:11:15 (the milliseconds are not shown). */
    t = 40063 + (12 * 3600 + 11 * 60 + 15.999) / 86400.0;
    assert_true(rag_serial_format(t, false, buf));
    assert_string_equal(buf, "2009-09-07T12:11:15");
    /* 12:11:15.9996 rounds to 12:11:16.000. */
    t = 40063 + (12 * 3600 + 11 * 60 + 15.9996) / 86400.0;
    assert_true(rag_serial_format(t, false, buf));
    assert_string_equal(buf, "2009-09-07T12:11:16");
    /* Within half a millisecond of midnight is the next day. */
    t = 40063 + (86400 - 0.0002) / 86400.0;
    assert_true(rag_serial_format(t, false, buf));
    assert_string_equal(buf, "2009-09-08");
    /* A time part under half a millisecond is no time part. */
    t = 40063 + 0.0003 / 86400.0;
    assert_true(rag_serial_format(t, false, buf));
    assert_string_equal(buf, "2009-09-07");
}

static void test_date_rejects_serials_outside_years_1900_to_9999(
    void **state)
{
    char buf[24];
    int y, m, d;
    (void)state;
    assert_false(rag_serial_format(-1, false, buf));
    assert_false(rag_serial_format(-0.5, false, buf));
    assert_false(rag_serial_format(2958466, false, buf));
    assert_false(rag_serial_format(2957004, true, buf));
    assert_false(rag_serial_format(1e300, false, buf));
    assert_false(rag_serial_format(NAN, false, buf));
    assert_false(rag_serial_format(INFINITY, false, buf));
    assert_false(rag_serial_to_ymd(-1, false, &y, &m, &d));
    assert_false(rag_serial_to_ymd(2958466, false, &y, &m, &d));
}

typedef struct ymd_case {
    int y, m, d;
    double serial; /* -1: no such day */
} ymd_case;

static void test_date_ymd_to_serial_matches_excel(void **state)
{
    static const ymd_case cases[] = {
        {1900, 1, 1, 1},       {1900, 2, 28, 59},    {1900, 3, 1, 61},
        {1900, 12, 31, 366},   {2000, 2, 29, 36585}, {2009, 9, 7, 40063},
        {2023, 3, 15, 45000},  {2024, 2, 29, 45351}, {9999, 12, 31, 2958465},
        {1900, 2, 29, -1},     {2023, 2, 29, -1},    {2100, 2, 29, -1},
        {2024, 9, 31, -1},     {2024, 4, 31, -1},    {1899, 12, 31, -1},
        {10000, 1, 1, -1},     {2024, 0, 1, -1},     {2024, 13, 1, -1},
        {2024, 1, 0, -1},      {2024, 1, 32, -1},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double serial = -99;
        bool ok = rag_ymd_to_serial(cases[i].y, cases[i].m, cases[i].d,
                                    &serial);
        if (cases[i].serial < 0) {
            if (ok)
                fail_msg("%04d-%02d-%02d accepted as %g", cases[i].y,
                         cases[i].m, cases[i].d, serial);
        } else {
            if (!ok)
                fail_msg("%04d-%02d-%02d rejected", cases[i].y, cases[i].m,
                         cases[i].d);
            assert_true(serial == cases[i].serial);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_1900_serials_give_excel_dates),
        cmocka_unit_test(
            test_date_serial_60_is_the_fictitious_29_february_1900),
        cmocka_unit_test(test_date_1904_serials_start_on_1_january_1904),
        cmocka_unit_test(test_date_time_parts_are_printed_to_the_second),
        cmocka_unit_test(
            test_date_time_is_rounded_to_the_millisecond_then_cut),
        cmocka_unit_test(
            test_date_rejects_serials_outside_years_1900_to_9999),
        cmocka_unit_test(test_date_ymd_to_serial_matches_excel),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
