/* The date logic behind the timestamp and date-format rules: which dates
 * and times exist, ISO 8601 front-matter values, and what the scanner
 * finds in prose. */
#include <criterion/criterion.h>
#include <string.h>

#include "checks/datescan.h"

static cl_datescan *scan;

static void setup(void)
{
	scan = cl_datescan_new();
}

static void teardown(void)
{
	cl_datescan_free(scan);
}

static const char *problem(int y, int mo, int d, int h, int mi, int s)
{
	static char buf[160];
	cl_datetime dt;
	memset(&dt, 0, sizeof(dt));
	dt.year = y, dt.month = mo, dt.day = d, dt.hour = h, dt.minute = mi, dt.second = s;
	return cl_datetime_problem(scan, &dt, buf, sizeof(buf));
}

TestSuite(formatting_dates, .init = setup, .fini = teardown);

Test(formatting_dates, leap_years)
{
	cr_expect_null(problem(2024, 2, 29, -1, -1, -1));
	cr_expect_null(problem(2000, 2, 29, -1, -1, -1));
	cr_expect_str_eq(problem(2023, 2, 29, -1, -1, -1), "29 February 2023 does not exist: 2023 is not a leap year");
	cr_expect_str_eq(problem(1900, 2, 29, -1, -1, -1), "29 February 1900 does not exist: 1900 is not a leap year");
	cr_expect_str_eq(problem(2024, 2, 30, -1, -1, -1), "30 February does not exist");
	/* Proleptic Gregorian: 1500 is not a leap year, though Julian calendars had it. */
	cr_expect_str_eq(problem(1500, 2, 29, -1, -1, -1), "29 February 1500 does not exist: 1500 is not a leap year");
	cr_expect_null(problem(1582, 10, 10, -1, -1, -1));
}

Test(formatting_dates, days_and_months)
{
	cr_expect_str_eq(problem(2024, 4, 31, -1, -1, -1), "31 April does not exist");
	cr_expect_null(problem(2024, 4, 30, -1, -1, -1));
	cr_expect_null(problem(2024, 12, 31, -1, -1, -1));
	cr_expect_str_eq(problem(2024, 13, 1, -1, -1, -1), "month 13 does not exist");
	cr_expect_str_eq(problem(2024, 0, 1, -1, -1, -1), "month 0 does not exist");
	cr_expect_str_eq(problem(2024, 1, 0, -1, -1, -1), "day 0 does not exist");
	cr_expect_str_eq(problem(0, 6, 31, -1, -1, -1), "31 June does not exist");
	cr_expect_null(problem(0, 2, 29, -1, -1, -1), "no year: 29 February may exist");
}

Test(formatting_dates, times)
{
	cr_expect_null(problem(2024, 3, 26, 0, 0, 0));
	cr_expect_null(problem(2024, 3, 26, 23, 59, 59));
	cr_expect_null(problem(2024, 3, 26, 24, 0, 0), "24:00 ends a day");
	cr_expect_null(problem(2024, 3, 26, 24, 0, -1));
	cr_expect_null(problem(2016, 12, 31, 23, 59, 60), "a leap second");
	cr_expect_str_eq(problem(2024, 3, 26, 24, 0, 1), "24:00 is only the end of a day; 24:00 does not exist");
	cr_expect_str_eq(problem(2024, 3, 26, 24, 30, -1), "24:00 is only the end of a day; 24:30 does not exist");
	cr_expect_str_eq(problem(2024, 3, 26, 25, 0, -1), "hour 25 does not exist");
	cr_expect_str_eq(problem(2024, 3, 26, 12, 60, -1), "minute 60 does not exist");
	cr_expect_str_eq(problem(2024, 3, 26, 12, 59, 61), "second 61 does not exist");
	cr_expect_str_eq(problem(2024, 3, 26, 12, 59, 60), "second 60 exists only as a leap second, at 23:59:60");
}

Test(formatting_dates, weekday)
{
	static char buf[160];
	cl_datetime dt;
	memset(&dt, 0, sizeof(dt));
	dt.year = 2024, dt.month = 3, dt.day = 27, dt.hour = dt.minute = dt.second = -1;
	dt.weekday = 3;  /* Tuesday */
	cr_expect_str_eq(cl_datetime_problem(scan, &dt, buf, sizeof(buf)),
			 "27 March 2024 is a Wednesday, not a Tuesday");
	dt.weekday = 4;
	cr_expect_null(cl_datetime_problem(scan, &dt, buf, sizeof(buf)));
}

Test(formatting_dates, iso8601_values)
{
	cl_datetime dt;
	const char *good[] = { "2024-03-26", "2024-03-26T21:29:18Z", "2024-03-26T21:29:18+01:00",
			       "2024-03-26 21:29:18 +0100", "2024-03-26T21:29:18.123-05:00", "2024-03-26T21:29", NULL };
	const char *bad[] = { "2024-3-26", "2024-03-26T21:29:", "26.03.2024", "2024-03-26Tnoon",
			      "2024-03-26T21:29:18+25:00", "2024-03-26 21:29:18 CET", "", "2024/03/26", NULL };
	for (size_t i = 0; good[i]; i++)
		cr_expect_null(cl_iso8601_parse(good[i], &dt), "%s is ISO 8601", good[i]);
	for (size_t i = 0; bad[i]; i++)
		cr_expect_not_null(cl_iso8601_parse(bad[i], &dt), "%s is not ISO 8601", bad[i]);
	cr_expect_null(cl_iso8601_parse("2024-04-31T10:00:00Z", &dt));
	cr_expect_eq(dt.day, 31, "parsed, then judged impossible by cl_datetime_problem");
	cr_expect_eq(dt.hour, 10);
}

static size_t scan_text(const char *locale, const char *text, const cl_datetime **found)
{
	return cl_datescan_text(scan, locale, text, strlen(text), found);
}

Test(formatting_dates, scanner_repairs_spacing)
{
	const cl_datetime *found;
	size_t n = scan_text("en", "Modified: 2024-03 -26 21:29:18 – Feat.:", &found);
	cr_assert_eq(n, 1);
	cr_expect_eq(found[0].start, 10);
	cr_expect_eq(found[0].end, 30);
	cr_expect_str_eq(found[0].broken, "has stray spaces");
	cr_expect_str_eq(found[0].fixed, "2024-03-26 21:29:18");
	n = scan_text("en", "at 2024-03-26T 21:29 and 2024 -03-26", &found);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(found[0].fixed, "2024-03-26T21:29");
	cr_expect_str_eq(found[1].fixed, "2024-03-26");
}

Test(formatting_dates, scanner_leaves_versions_and_ratios)
{
	const cl_datetime *found;
	char buf[160];
	cr_expect_eq(scan_text("en", "version 2024.1.3, ratio 16:9, 1.5 million, 1,200 people", &found), 0);
	/* 1:50 may be a time; either way nothing is wrong with it, and 42:15 is a duration. */
	size_t n = scan_text("en", "scale 1:50 000, a race in 42:15", &found);
	for (size_t i = 0; i < n; i++) {
		cr_expect_null(found[i].broken);
		cr_expect_null(cl_datetime_problem(scan, &found[i], buf, sizeof(buf)));
	}
}

Test(formatting_dates, scanner_reads_month_names_per_locale)
{
	const cl_datetime *found;
	const struct { const char *locale, *text; int month, day, year, weekday; } cases[] = {
		{ "cs", "v úterý 26. března 2024", 3, 26, 2024, 3 },
		{ "de", "am Dienstag, 26. März 2024", 3, 26, 2024, 3 },
		{ "fr", "le mardi 26 mars 2024", 3, 26, 2024, 3 },
		{ "fr", "le 1er mars 2024", 3, 1, 2024, 0 },
		{ "en", "on Tuesday, March 26, 2024", 3, 26, 2024, 3 },
		{ "en", "on 26 March 2024", 3, 26, 2024, 0 },
		{ "pl", "we wtorek 26 marca 2024", 3, 26, 2024, 3 },
		{ "es", "el martes 26 de marzo de 2024", 0, 0, 0, 0 },  /* "de" between: not read */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = scan_text(cases[i].locale, cases[i].text, &found);
		if (!cases[i].month) {
			cr_expect_eq(n, 0, "%s", cases[i].text);
		} else {
			cr_assert_eq(n, 1, "%s", cases[i].text);
			cr_expect_eq(found[0].month, cases[i].month, "%s", cases[i].text);
			cr_expect_eq(found[0].day, cases[i].day, "%s", cases[i].text);
			cr_expect_eq(found[0].year, cases[i].year, "%s", cases[i].text);
			cr_expect_eq(found[0].weekday, cases[i].weekday, "%s", cases[i].text);
		}
		}
}
