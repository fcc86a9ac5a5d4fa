/*
 * Serial dates.  In the 1900 system serial 1 is 1900-01-01 and serial 60 is
 * the fictitious 29 February 1900 that Excel keeps for Lotus 1-2-3; from 61
 * on, serial n is 1899-12-30 + n days.  In the 1904 system serial 0 is
 * 1904-01-01.
 */
#include <math.h>
#include <stdio.h>

#include "util/util.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
long rg_days_from_civil(long y, unsigned m, unsigned d)
{
    long era;
    unsigned yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era;
    unsigned doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + (unsigned long)era * 400 + (*m <= 2));
}

/* 9999-12-31 23:59:59 in each system: the 1904 system starts 1462 days
 * later, so its last serial is 1462 lower. */
#define MAX_SERIAL 2958465.99999
#define MAX_SERIAL_1904 2957003.99999

/* Split a serial into whole days since 1970-01-01 and seconds. */
static bool split_serial(double serial, bool date1904, long *days,
                         long *secs, bool *leap_1900)
{
    double whole, frac;
    long day, s;

    *leap_1900 = false;
    if (!isfinite(serial) || serial < 0 ||
        serial > (date1904 ? MAX_SERIAL_1904 : MAX_SERIAL))
        return false;
    whole = floor(serial);
    frac = serial - whole;
    /* To the millisecond, then whole seconds shown: a serial stored as
     * 12:11:15.999 reads 12:11:15, as openpyxl and pandas read it. */
    s = lround(frac * 86400000.0) / 1000;
    day = (long)whole;
    if (s >= 86400) {
        s -= 86400;
        day++;
    }
    if (date1904) {
        *days = rg_days_from_civil(1904, 1, 1) + day;
    } else if (day == 60) {
        *leap_1900 = true;
        *days = rg_days_from_civil(1900, 2, 28);
    } else if (day < 60) {
        *days = rg_days_from_civil(1899, 12, 31) + day;
        if (day == 0)
            *days = rg_days_from_civil(1899, 12, 30);
    } else {
        *days = rg_days_from_civil(1899, 12, 30) + day;
    }
    *secs = s;
    return true;
}

bool rag_serial_to_ymd(double serial, bool date1904, int *year, int *month,
                       int *day)
{
    long days, secs;
    bool leap;

    if (!split_serial(serial, date1904, &days, &secs, &leap))
        return false;
    civil_from_days(days, year, month, day);
    if (leap)
        *day = 29;
    return true;
}

static char *put2(char *p, int v)
{
    p[0] = (char)('0' + v / 10 % 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

bool rag_serial_format(double serial, bool date1904, char *buf)
{
    long days, secs;
    bool leap;
    int y, m, d;
    char *p = buf;

    if (!split_serial(serial, date1904, &days, &secs, &leap))
        return false;
    civil_from_days(days, &y, &m, &d);
    if (leap)
        d = 29;
    /* By hand, not snprintf: `cells` formats every date it prints.  y is
     * 1899..9999, so four digits always do. */
    p = put2(p, y / 100);
    p = put2(p, y % 100);
    *p++ = '-';
    p = put2(p, m);
    *p++ = '-';
    p = put2(p, d);
    if (secs) {
        *p++ = 'T';
        p = put2(p, (int)(secs / 3600));
        *p++ = ':';
        p = put2(p, (int)(secs / 60 % 60));
        *p++ = ':';
        p = put2(p, (int)(secs % 60));
    }
    *p = '\0';
    return true;
}

bool rag_ymd_to_serial(int year, int month, int day, double *serial)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31};
    int dim;
    long n;

    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    dim = mdays[month - 1];
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        dim = 29;
    if (day > dim)
        return false;
    n = rg_days_from_civil(year, (unsigned)month, (unsigned)day) -
        rg_days_from_civil(1899, 12, 30);
    if (n < 61) /* before 1 March 1900 the serials are one lower */
        n--;
    *serial = (double)n;
    return true;
}
