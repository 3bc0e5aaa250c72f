/* Dates written with a month name ("26 mars 2024", "March 26, 2024",
 * "Dienstag, 26. März"): the names and their order come from ICU's date
 * format data for the page's locale. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "../text/utf8.h"
#include "datescan_internal.h"
#include "typo_common.h"

static void lower_utf8(const cl_datescan *ds, char *out, size_t size, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = ucasemap_utf8ToLower(ds->lower, out, (int32_t)size - 1, s, (int32_t)len, &status);
	out[U_FAILURE(status) || n < 0 ? 0 : n] = '\0';
}

static void symbol(const cl_datescan *ds, UDateFormat *fmt, UDateFormatSymbolType type, int index,
		   char *out)
{
	UChar name[NAME_MAX_BYTES];
	char utf8[NAME_MAX_BYTES * 3];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = udat_getSymbols(fmt, type, index, name, NAME_MAX_BYTES, &status);
	u_strToUTF8(utf8, sizeof(utf8), NULL, name, n, &status);
	if (U_FAILURE(status))
		utf8[0] = '\0';
	lower_utf8(ds, out, NAME_MAX_BYTES, utf8, strlen(utf8));
}

static void note_month_start(locale_names *names, const char *name)
{
	uint32_t cp;
	bool valid;
	if (!name[0])
		return;
	cl_utf8_decode(name, strlen(name), &cp, &valid);
	for (size_t i = 0; i < names->nmonth_starts; i++)
		if (names->month_starts[i] == cp)
			return;
	names->month_starts[names->nmonth_starts++] = cp;
}

/* Can a word starting with cp be a month name? Most words cannot: they
 * need no lower-casing and no comparison with 24 names. */
static bool may_be_month(const locale_names *names, uint32_t cp)
{
	uint32_t lower = cp < 0x80 ? ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp) : (uint32_t)u_tolower((UChar32)cp);
	for (size_t i = 0; i < names->nmonth_starts; i++)
		if (names->month_starts[i] == lower)
			return true;
	return false;
}

void cl_datescan_load_names(cl_datescan *ds, const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	locale_names *names = &ds->names;
	snprintf(ds->locale, sizeof(ds->locale), "%s", locale);
	memset(names, 0, sizeof(*names));
	UDateFormat *fmt = udat_open(UDAT_NONE, UDAT_LONG, locale, u"UTC", -1, NULL, 0, &status);
	if (U_FAILURE(status))
		return;
	for (int m = 0; m < 12; m++) {
		symbol(ds, fmt, UDAT_MONTHS, m, names->months[0][m]);
		symbol(ds, fmt, UDAT_STANDALONE_MONTHS, m, names->months[1][m]);
	}
	for (int d = 1; d <= 7; d++)
		symbol(ds, fmt, UDAT_WEEKDAYS, d, names->weekdays[d]);
	for (int form = 0; form < 2; form++)
		for (int m = 0; m < 12; m++)
			note_month_start(names, names->months[form][m]);
	UChar pattern[64];
	int32_t n = udat_toPattern(fmt, false, pattern, 64, &status);
	const UChar *month = u_memchr(pattern, 'M', n), *day = u_memchr(pattern, 'd', n);
	names->month_first = month && day && month < day;
	names->capitalised = !strncmp(locale, "en", 2);
	names->french = !strncmp(locale, "fr", 2);
	udat_close(fmt);
}

static size_t skip_blanks_back(const char *text, size_t at)
{
	for (;;) {
		size_t prev;
		uint32_t cp = typo_cp_before(text, at, &prev);
		if (!(cp == ' ' || typo_is_nbsp(cp)))
			return at;
		at = prev;
	}
}

static size_t skip_blanks(const char *text, size_t len, size_t at)
{
	for (size_t size; at < len;) {
		uint32_t cp = typo_cp_at(text, len, at, &size);
		if (!(cp == ' ' || typo_is_nbsp(cp)))
			break;
		at += size;
	}
	return at;
}

/* The letter run that ends at end, as [*start, end). */
static size_t word_back(const char *text, size_t end)
{
	size_t at = end, prev;
	while (at > 0 && typo_is_letter(typo_cp_before(text, at, &prev)))
		at = prev;
	return at;
}

static size_t word_forward(const char *text, size_t len, size_t at)
{
	size_t size;
	while (at < len && typo_is_letter(typo_cp_at(text, len, at, &size)))
		at += size;
	return at;
}

/* The index of text [start, end) in a table of count lower-case names. */
static int name_index(const cl_datescan *ds, const char (*table)[NAME_MAX_BYTES], size_t count,
		      const char *text, size_t start, size_t end)
{
	char lower[NAME_MAX_BYTES * 2];
	if (end <= start || end - start >= NAME_MAX_BYTES)
		return -1;
	lower_utf8(ds, lower, sizeof(lower), text + start, end - start);
	for (size_t i = 0; i < count; i++) {
		const char *name = table[i];
		if (name[0] && !strcmp(name, lower))
			return (int)i;
	}
	return -1;
}

static int month_index(const cl_datescan *ds, const char *text, size_t start, size_t end)
{
	for (int form = 0; form < 2; form++) {
		int m = name_index(ds, ds->names.months[form], 12, text, start, end);
		if (m >= 0)
			return m + 1;
	}
	return 0;
}

/* The weekday name (and comma) written just before at, or 0. */
static int weekday_before(const cl_datescan *ds, const char *text, size_t at, size_t *start)
{
	at = skip_blanks_back(text, at);
	if (at > 0 && text[at - 1] == ',')
		at = skip_blanks_back(text, at - 1);
	size_t from = word_back(text, at);
	int d = name_index(ds, ds->names.weekdays, 8, text, from, at);
	if (d <= 0)
		return 0;
	*start = from;
	return d;
}

/* Digits [*from, to) of one or two digits ending at to, not part of a longer number. */
static int day_before(const char *text, size_t to, size_t *from)
{
	size_t at = to;
	while (at > 0 && at + 2 > to && text[at - 1] >= '0' && text[at - 1] <= '9')
		at--;
	if (at == to || (at > 0 && (strchr("0123456789.,:/-", text[at - 1]))))
		return 0;
	*from = at;
	return atoi(text + at);
}

static int year_after(const char *text, size_t len, size_t at, size_t *end)
{
	if (at + 4 > len || cl_datescan_digit_at(text, len, at + 4) || (at + 4 < len && text[at + 4] == '.' && cl_datescan_digit_at(text, len, at + 5)))
		return 0;
	for (size_t i = at; i < at + 4; i++)
		if (!cl_datescan_digit_at(text, len, i))
			return 0;
	*end = at + 4;
	return atoi(text + at);
}

/* 25 March 2024, 25. března 2024, mardi 26 mars 2024, 1er mars. */
static bool day_first(const cl_datescan *ds, const char *text, size_t len, size_t ms, size_t me, cl_datetime *dt)
{
	size_t at = skip_blanks_back(text, ms), from;
	if (at == ms)
		return false;
	bool dot = at > 0 && text[at - 1] == '.';
	if (dot)
		at--;
	else if (ds->names.french && at >= 3 && !memcmp(text + at - 3, "1er", 3))
		at -= 2;
	int day = day_before(text, at, &from);
	if (!day)
		return false;
	dt->start = from;
	dt->day = day;
	dt->family = dot ? "d. MMMM yyyy" : "d MMMM yyyy";
	size_t year_at = skip_blanks(text, len, me), end = me;
	dt->year = year_at > me ? year_after(text, len, year_at, &end) : 0;
	dt->end = end;
	size_t wd_start;
	dt->weekday = weekday_before(ds, text, from, &wd_start);
	if (dt->weekday)
		dt->start = wd_start;
	return true;
}

/* March 25, 2024; Tuesday, March 26, 2024; March 25th. */
static bool month_first(const cl_datescan *ds, const char *text, size_t len, size_t ms, size_t me, cl_datetime *dt)
{
	size_t at = skip_blanks(text, len, me), digits = 0;
	while (cl_datescan_digit_at(text, len, at + digits) && digits < 3)
		digits++;
	if (at == me || !digits || digits > 2)
		return false;
	dt->day = atoi(text + at);
	size_t end = at + digits;
	static const char *const suffixes[] = { "st", "nd", "rd", "th" };
	for (int i = 0; i < 4; i++)
		if (end + 2 <= len && !memcmp(text + end, suffixes[i], 2) && !typo_is_letter((unsigned char)text[end + 2]))
			end += 2;
	if (end < len && typo_is_letter((unsigned char)text[end]))
		return false;
	dt->start = ms;
	dt->family = "MMMM d, yyyy";
	size_t year_at = end < len && text[end] == ',' ? end + 1 : end;
	year_at = skip_blanks(text, len, year_at);
	size_t year_end = end;
	dt->year = year_at > end ? year_after(text, len, year_at, &year_end) : 0;
	dt->end = dt->year ? year_end : end;
	size_t wd_start;
	dt->weekday = weekday_before(ds, text, ms, &wd_start);
	if (dt->weekday)
		dt->start = wd_start;
	return true;
}

void cl_datescan_scan_names(cl_datescan *ds, const char *text, size_t len, cl_datetime **out, size_t *cap, size_t *n)
{
	size_t prev;
	for (size_t at = 0, size; at < len; at += size ? size : 1) {
		uint32_t cp = typo_cp_at(text, len, at, &size);
		if (!typo_is_letter(cp) || typo_is_letter(typo_cp_before(text, at, &prev)))
			continue;
		size_t end = word_forward(text, len, at);
		int month = (ds->names.capitalised && !(cp >= 'A' && cp <= 'Z')) || !may_be_month(&ds->names, cp) ?
				    0 : month_index(ds, text, at, end);
		cl_datetime dt;
		memset(&dt, 0, sizeof(dt));
		dt.hour = dt.minute = dt.second = -1;
		if (month && (day_first(ds, text, len, at, end, &dt) ||
			      ((ds->names.month_first || ds->names.capitalised) && month_first(ds, text, len, at, end, &dt))) &&
		    !cl_datescan_overlaps(*out, *n, dt.start, dt.end)) {
			dt.month = month;
			*cl_datescan_add(out, cap, n, dt.start, dt.end) = dt;
		}
		size = end - at;
	}
}
