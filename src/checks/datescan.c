/* Dates and times in prose; see datescan.h. Numeric shapes are found with
 * POSIX regular expressions over the UTF-8 text (their parts are ASCII);
 * month and weekday names (datescan_names.c), and whether the locale writes the month before
 * the day, come from ICU's date format data; whether a date exists and
 * which weekday it falls on come from an ICU Gregorian calendar. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "datescan_internal.h"
#include "typo_common.h"

static const char *const english_months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const english_weekdays[8] = {
	"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
};

/* Groups: 1 year, 2 sp, 3 sep, 4 sp, 5 month, 6 sp, 7 sep, 8 sp, 9 day. */
#define ISO_RE "([0-9]{4})( *)([-/.])( *)([0-9]{1,2})( *)([-/.])( *)([0-9]{1,2})"
/* 1 separator, 2 hour, 3 sp, 4 sp, 5 minute, 6 seconds part, 7 sp, 8 sp, 9 second, 10 zone. */
#define ISO_TIME_RE "^( *T *| +)([0-9]{1,2})( *):( *)([0-9]{2})(( *):( *)([0-9]{2}))?" \
	"(\\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?"
/* 1 day, 2 sep, 3 sp, 4 month, 5 sep, 6 sp, 7 year. */
#define NUMERIC_RE "([0-9]{1,2})([./])( ?)([0-9]{1,2})([./])( ?)([0-9]{4})"
#define NUMERIC_TIME_RE "^,? +([0-9]{1,2}):([0-9]{2})(:([0-9]{2}))?"
/* 1 hour, 2 sp, 3 sp, 4 minute, 5 seconds part, 6 second. */
#define LONE_TIME_RE "([0-9]{1,2})( *):( *)([0-9]{2})(:([0-9]{2}))?"

cl_datescan *cl_datescan_new(void)
{
	cl_datescan *ds = cl_calloc(1, sizeof(*ds));
	UErrorCode status = U_ZERO_ERROR;
	regcomp(&ds->iso, ISO_RE, REG_EXTENDED);
	regcomp(&ds->iso_time, ISO_TIME_RE, REG_EXTENDED);
	regcomp(&ds->numeric, NUMERIC_RE, REG_EXTENDED);
	regcomp(&ds->numeric_time, NUMERIC_TIME_RE, REG_EXTENDED);
	regcomp(&ds->lone_time, LONE_TIME_RE, REG_EXTENDED);
	ds->cal = ucal_open(u"UTC", -1, "en_US@calendar=gregorian", UCAL_GREGORIAN, &status);
	/* Proleptic Gregorian, as ISO 8601 is: no switch to Julian in 1582. */
	ucal_setGregorianChange(ds->cal, -8.64e15, &status);
	ds->lower = ucasemap_open("", 0, &status);
	return ds;
}

void cl_datescan_free(cl_datescan *ds)
{
	if (!ds)
		return;
	regfree(&ds->iso);
	regfree(&ds->iso_time);
	regfree(&ds->numeric);
	regfree(&ds->numeric_time);
	regfree(&ds->lone_time);
	ucal_close(ds->cal);
	ucasemap_close(ds->lower);
	free(ds->found);
	free(ds);
}

void *cl_datescan_state_new(void)
{
	return cl_datescan_new();
}

void cl_datescan_state_free(void *state)
{
	cl_datescan_free(state);
}

static int number(const char *text, regmatch_t m)
{
	return m.rm_so < 0 ? -1 : atoi(text + m.rm_so);
}

static bool empty(regmatch_t m)
{
	return m.rm_so < 0 || m.rm_eo == m.rm_so;
}

bool cl_datescan_overlaps(const cl_datetime *list, size_t n, size_t start, size_t end)
{
	for (size_t i = 0; i < n; i++)
		if (start < list[i].end && list[i].start < end)
			return true;
	return false;
}

cl_datetime *cl_datescan_add(cl_datetime **out, size_t *cap, size_t *n, size_t start, size_t end)
{
	CL_GROW(*out, *cap, *n + 1);
	cl_datetime *dt = &(*out)[(*n)++];
	memset(dt, 0, sizeof(*dt));
	dt->start = start;
	dt->end = end;
	dt->hour = dt->minute = dt->second = -1;
	return dt;
}

bool cl_datescan_digit_at(const char *text, size_t len, size_t at)
{
	return at < len && text[at] >= '0' && text[at] <= '9';
}

/* What may stand right before a numeric value: not a digit, letter or
 * another separator, which would make it part of a longer token. */
static bool starts_token(const char *text, size_t at)
{
	if (at == 0)
		return true;
	char c = text[at - 1];
	return !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
	       !strchr(".-/:+_", c);
}

static void append(char *out, size_t size, const char *text, regmatch_t m)
{
	size_t have = strlen(out);
	if (m.rm_so >= 0 && have + (size_t)(m.rm_eo - m.rm_so) < size)
		snprintf(out + have, size - have, "%.*s", (int)(m.rm_eo - m.rm_so), text + m.rm_so);
}

/* A time right after an ISO date (text is the date's end). */
static void iso_time(cl_datescan *ds, const char *text, size_t len, size_t base, cl_datetime *dt,
		     bool *spaced)
{
	regmatch_t m[12];
	if (regexec(&ds->iso_time, text, 12, m, 0) || cl_datescan_digit_at(text - base, len, base + (size_t)m[0].rm_eo))
		return;
	size_t sep_len = (size_t)(m[1].rm_eo - m[1].rm_so);
	bool has_t = memchr(text, 'T', sep_len) != NULL;
	*spaced = *spaced || sep_len > 1 || !empty(m[3]) || !empty(m[4]) ||
		  !empty(m[7]) || !empty(m[8]);
	dt->hour = number(text, m[2]);
	dt->minute = number(text, m[5]);
	dt->second = number(text, m[9]);
	dt->end = base + (size_t)m[0].rm_eo;
	strcat(dt->fixed, has_t ? "T" : " ");
	append(dt->fixed, sizeof(dt->fixed), text, m[2]);
	strcat(dt->fixed, ":");
	append(dt->fixed, sizeof(dt->fixed), text, m[5]);
	if (m[9].rm_so >= 0) {
		strcat(dt->fixed, ":");
		append(dt->fixed, sizeof(dt->fixed), text, m[9]);
	}
	append(dt->fixed, sizeof(dt->fixed), text, m[10]);
	append(dt->fixed, sizeof(dt->fixed), text, m[11]);
}

static bool iso_one(cl_datescan *ds, const char *text, size_t len, const regmatch_t *m,
		    cl_datetime **out, size_t *cap, size_t *n)
{
	char sep1 = text[m[3].rm_so], sep2 = text[m[7].rm_so];
	bool spaced = !empty(m[2]) || !empty(m[4]) || !empty(m[6]) || !empty(m[8]);
	if (sep1 == '.' && sep2 == '.')
		return false;  /* a version number such as 2024.1.3 */
	if (sep1 != sep2 && sep1 != '-' && sep2 != '-')
		return false;
	cl_datetime *dt = cl_datescan_add(out, cap, n, (size_t)m[0].rm_so, (size_t)m[0].rm_eo);
	dt->year = number(text, m[1]);
	dt->month = number(text, m[5]);
	dt->day = number(text, m[9]);
	dt->family = sep1 == '/' ? "yyyy/MM/dd" : "yyyy-MM-dd";
	append(dt->fixed, sizeof(dt->fixed), text, m[1]);
	append(dt->fixed, sizeof(dt->fixed), text, m[3]);
	append(dt->fixed, sizeof(dt->fixed), text, m[5]);
	append(dt->fixed, sizeof(dt->fixed), text, m[7]);
	append(dt->fixed, sizeof(dt->fixed), text, m[9]);
	iso_time(ds, text + m[0].rm_eo, len, (size_t)m[0].rm_eo, dt, &spaced);
	if (sep1 != sep2) {
		dt->broken = "mixes separators";
		dt->fixed[0] = '\0';
	} else if (m[5].rm_eo - m[5].rm_so == 2 && m[9].rm_eo - m[9].rm_so == 1) {
		dt->broken = "is truncated";
		dt->fixed[0] = '\0';
	} else if (spaced) {
		dt->broken = "has stray spaces";
	} else {
		dt->fixed[0] = '\0';
	}
	return true;
}

static void scan_iso(cl_datescan *ds, const char *text, size_t len, cl_datetime **out, size_t *cap, size_t *n)
{
	regmatch_t m[10];
	for (size_t at = 0; at < len && !regexec(&ds->iso, text + at, 10, m, at ? REG_NOTBOL : 0);) {
		for (int g = 0; g < 10; g++)
			if (m[g].rm_so >= 0) {
				m[g].rm_so += (regoff_t)at;
				m[g].rm_eo += (regoff_t)at;
			}
		size_t start = (size_t)m[0].rm_so, end = (size_t)m[0].rm_eo;
		if (starts_token(text, start) && !cl_datescan_digit_at(text, len, end) && iso_one(ds, text, len, m, out, cap, n))
			at = (*out)[*n - 1].end;
		else
			at = start + 1;
	}
}

static void numeric_one(cl_datescan *ds, const char *text, size_t len, const regmatch_t *m,
			cl_datetime **out, size_t *cap, size_t *n)
{
	char sep1 = text[m[2].rm_so], sep2 = text[m[5].rm_so];
	int first = number(text, m[1]), second = number(text, m[4]);
	bool month_first = sep1 == '/' && ds->names.month_first;
	int day = month_first ? second : first, month = month_first ? first : second;
	if (sep1 == '/' && month > 12 && day <= 12)
		return;  /* written in the other order: the date-format rule's business */
	cl_datetime *dt = cl_datescan_add(out, cap, n, (size_t)m[0].rm_so, (size_t)m[0].rm_eo);
	dt->day = day;
	dt->month = month;
	dt->year = number(text, m[7]);
	if (sep1 != sep2)
		dt->broken = "mixes separators";
	dt->family = sep1 == '/' ? (month_first ? "M/d/yyyy" : "d/M/yyyy") :
		     empty(m[3]) ? "d.M.yyyy" : "d. M. yyyy";
	regmatch_t t[5];
	const char *after = text + m[0].rm_eo;
	if (!regexec(&ds->numeric_time, after, 5, t, 0) && !cl_datescan_digit_at(after, len - (size_t)m[0].rm_eo, (size_t)t[0].rm_eo) &&
	    after[t[0].rm_eo] != ':') {
		dt->hour = number(after, t[1]);
		dt->minute = number(after, t[2]);
		dt->second = number(after, t[4]);
		dt->end += (size_t)t[0].rm_eo;
	}
}

static void scan_numeric(cl_datescan *ds, const char *text, size_t len, cl_datetime **out, size_t *cap, size_t *n)
{
	regmatch_t m[8];
	for (size_t at = 0; at < len && !regexec(&ds->numeric, text + at, 8, m, at ? REG_NOTBOL : 0);) {
		for (int g = 0; g < 8; g++)
			if (m[g].rm_so >= 0) {
				m[g].rm_so += (regoff_t)at;
				m[g].rm_eo += (regoff_t)at;
			}
		size_t start = (size_t)m[0].rm_so, end = (size_t)m[0].rm_eo;
		at = start + 1;
		if (!starts_token(text, start) || cl_datescan_digit_at(text, len, end) || cl_datescan_overlaps(*out, *n, start, end))
			continue;
		numeric_one(ds, text, len, m, out, cap, n);
		at = end;
	}
}

static void scan_lone_times(cl_datescan *ds, const char *text, size_t len, cl_datetime **out, size_t *cap,
			    size_t *n)
{
	regmatch_t m[7];
	for (size_t at = 0; at < len && !regexec(&ds->lone_time, text + at, 7, m, at ? REG_NOTBOL : 0);) {
		size_t base = at, start = base + (size_t)m[0].rm_so, end = base + (size_t)m[0].rm_eo;
		bool before_space = m[2].rm_eo > m[2].rm_so, after_space = m[3].rm_eo > m[3].rm_so;
		at = start + 1;
		if (!starts_token(text, start) || cl_datescan_digit_at(text, len, end) || (end < len && text[end] == ':') ||
		    cl_datescan_overlaps(*out, *n, start, end) || (before_space && after_space))
			continue;
		/* French sets a space before ':' on purpose ("score 2 :1" is unusual, "Note : 12" common). */
		if ((before_space || after_space) && ds->names.french)
			continue;
		cl_datetime *dt = cl_datescan_add(out, cap, n, start, end);
		dt->lone_time = true;
		dt->family = "HH:mm";
		dt->hour = atoi(text + start);
		dt->minute = atoi(text + base + (size_t)m[4].rm_so);
		dt->second = m[6].rm_so >= 0 ? atoi(text + base + (size_t)m[6].rm_so) : -1;
		if (before_space || after_space) {
			dt->broken = "has stray spaces";
			snprintf(dt->fixed, sizeof(dt->fixed), "%.*s:%.*s", (int)(m[1].rm_eo - m[1].rm_so),
				 text + start, (int)(end - (base + (size_t)m[4].rm_so)), text + base + (size_t)m[4].rm_so);
		}
		at = end;
	}
}

/* Month and weekday names. */


static int by_start(const void *a, const void *b)
{
	const cl_datetime *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* ASCII digits in text, counted up to max. */
static size_t count_digits(const char *text, size_t len, size_t max)
{
	size_t digits = 0;
	for (size_t i = 0; i < len && digits < max; i++)
		digits += text[i] >= '0' && text[i] <= '9';
	return digits;
}

size_t cl_datescan_text(cl_datescan *ds, const char *locale, const char *text, size_t len,
			const cl_datetime **found)
{
	cl_datetime **out = &ds->found;
	size_t *cap = &ds->found_cap, n = 0;
	size_t digits = count_digits(text, len, 6);
	*found = *out;
	if (!digits)
		return 0;  /* every form has a number: most prose needs no scan */
	if (strcmp(ds->locale, locale))
		cl_datescan_load_names(ds, locale);
	if (digits >= 6) {  /* the least the two patterns with a year match: 2024-3-1, 1.3.2024 */
		scan_iso(ds, text, len, out, cap, &n);
		scan_numeric(ds, text, len, out, cap, &n);
	}
	cl_datescan_scan_names(ds, text, len, out, cap, &n);
	if (digits >= 3)  /* 9:30 */
		scan_lone_times(ds, text, len, out, cap, &n);
	if (n)
		qsort(*out, n, sizeof(**out), by_start);
	*found = *out;
	return n;
}

/* Whether it exists. */

static int days_in_month(cl_datescan *ds, int year, int month)
{
	UErrorCode status = U_ZERO_ERROR;
	ucal_clear(ds->cal);
	ucal_setDate(ds->cal, year ? year : 2000, month - 1, 1, &status);
	int32_t max = ucal_getLimit(ds->cal, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &status);
	return U_FAILURE(status) ? 31 : max;
}

static int weekday_of(cl_datescan *ds, int year, int month, int day)
{
	UErrorCode status = U_ZERO_ERROR;
	ucal_clear(ds->cal);
	ucal_setDate(ds->cal, year, month - 1, day, &status);
	int32_t weekday = ucal_get(ds->cal, UCAL_DAY_OF_WEEK, &status);
	return U_FAILURE(status) ? 0 : weekday;
}

static const char *date_problem(cl_datescan *ds, const cl_datetime *dt, char *buf, size_t size)
{
	if (dt->month < 1 || dt->month > 12)
		snprintf(buf, size, "month %d does not exist", dt->month);
	else if (dt->day < 1)
		snprintf(buf, size, "day %d does not exist", dt->day);
	else if (dt->day > days_in_month(ds, dt->year, dt->month)) {
		if (dt->month == 2 && dt->day == 29)
			snprintf(buf, size, "29 February %d does not exist: %d is not a leap year", dt->year, dt->year);
		else
			snprintf(buf, size, "%d %s does not exist", dt->day, english_months[dt->month - 1]);
	} else if (dt->weekday && dt->year) {
		int actual = weekday_of(ds, dt->year, dt->month, dt->day);
		if (!actual || actual == dt->weekday)
			return NULL;
		snprintf(buf, size, "%d %s %d is a %s, not a %s", dt->day, english_months[dt->month - 1], dt->year,
			 english_weekdays[actual], english_weekdays[dt->weekday]);
	} else
		return NULL;
	return buf;
}

static const char *time_problem(const cl_datetime *dt, char *buf, size_t size)
{
	if (dt->hour > 24 && !dt->lone_time)
		snprintf(buf, size, "hour %d does not exist", dt->hour);
	else if (dt->minute >= 60)
		snprintf(buf, size, "minute %d does not exist", dt->minute);
	else if (dt->second > 60)
		snprintf(buf, size, "second %d does not exist", dt->second);
	else if (dt->second == 60 && !(dt->hour == 23 && dt->minute == 59))
		snprintf(buf, size, "second 60 exists only as a leap second, at 23:59:60");
	else if (dt->hour == 24 && (dt->minute > 0 || dt->second > 0))
		snprintf(buf, size, "24:00 is only the end of a day; 24:%02d does not exist", dt->minute);
	else
		return NULL;
	return buf;
}

const char *cl_datetime_problem(cl_datescan *ds, const cl_datetime *dt, char *buf, size_t size)
{
	if (dt->lone_time && dt->hour >= 24)
		return NULL;  /* a duration (42:15) or a ratio, not a time of day */
	if (dt->hour >= 0 && time_problem(dt, buf, size))
		return buf;
	return dt->month || dt->day ? date_problem(ds, dt, buf, size) : NULL;
}

/* ISO 8601 front-matter values. */

static bool digits(const char **s, int count, int *value)
{
	*value = 0;
	for (int i = 0; i < count; i++, (*s)++) {
		if (**s < '0' || **s > '9')
			return false;
		*value = *value * 10 + (**s - '0');
	}
	return true;
}

static bool iso_zone(const char *s)
{
	int hh, mm;
	if (*s == ' ')
		s++;
	if (*s == 'Z' || *s == 'z')
		return s[1] == '\0';
	if (*s != '+' && *s != '-')
		return false;
	s++;
	if (!digits(&s, 2, &hh) || hh > 23)
		return false;
	if (*s == ':')
		s++;
	return *s == '\0' || (digits(&s, 2, &mm) && mm < 60 && *s == '\0');
}

static bool iso_clock(const char *s, cl_datetime *dt)
{
	if (!digits(&s, 2, &dt->hour) || *s++ != ':' || !digits(&s, 2, &dt->minute))
		return false;
	if (*s == ':' && (s++, !digits(&s, 2, &dt->second)))
		return false;
	if (*s == '.' || *s == ',') {
		s++;
		if (*s < '0' || *s > '9')
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0' || iso_zone(s);
}

const char *cl_iso8601_parse(const char *value, cl_datetime *dt)
{
	const char *s = value;
	memset(dt, 0, sizeof(*dt));
	dt->hour = dt->minute = dt->second = -1;
	dt->family = "yyyy-MM-dd";
	if (!digits(&s, 4, &dt->year) || *s++ != '-' || !digits(&s, 2, &dt->month) || *s++ != '-' ||
	    !digits(&s, 2, &dt->day))
		return "is not an ISO 8601 date (YYYY-MM-DD)";
	if (*s == '\0')
		return NULL;
	if ((*s != 'T' && *s != 't' && *s != ' ') || !iso_clock(s + 1, dt))
		return "is not an ISO 8601 date and time (YYYY-MM-DDThh:mm:ss with an optional zone)";
	return NULL;
}

