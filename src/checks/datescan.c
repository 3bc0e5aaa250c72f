/* Dates and times in prose; see datescan.h. Numeric shapes are found with
 * POSIX regular expressions over the UTF-8 text (their parts are ASCII);
 * month and weekday names, and whether the locale writes the month before
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
#include "datescan.h"
#include "typo_common.h"

#define NAME_MAX_BYTES 48

typedef struct {
	char months[2][12][NAME_MAX_BYTES];  /* format (genitive) and stand-alone, lower case */
	char weekdays[8][NAME_MAX_BYTES];    /* 1 = Sunday .. 7, lower case */
	bool month_first;                    /* the long pattern puts MMMM before d */
	bool capitalised;                    /* month names start upper case (English) */
	bool french;                         /* "1er mars"; French spacing around ':' */
	uint32_t month_starts[24];           /* the first letters of the month names */
	size_t nmonth_starts;
} locale_names;

struct cl_datescan {
	regex_t iso, iso_time, numeric, numeric_time, lone_time;
	UCalendar *cal;
	UCaseMap *lower;
	char locale[64];
	locale_names names;
	cl_datetime *found;  /* the last scan's values, reused between scans */
	size_t found_cap;
};

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

static void load_names(cl_datescan *ds, const char *locale)
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

static int number(const char *text, regmatch_t m)
{
	return m.rm_so < 0 ? -1 : atoi(text + m.rm_so);
}

static bool empty(regmatch_t m)
{
	return m.rm_so < 0 || m.rm_eo == m.rm_so;
}

static bool overlaps(const cl_datetime *list, size_t n, size_t start, size_t end)
{
	for (size_t i = 0; i < n; i++)
		if (start < list[i].end && list[i].start < end)
			return true;
	return false;
}

static cl_datetime *add(cl_datetime **out, size_t *cap, size_t *n, size_t start, size_t end)
{
	CL_GROW(*out, *cap, *n + 1);
	cl_datetime *dt = &(*out)[(*n)++];
	memset(dt, 0, sizeof(*dt));
	dt->start = start;
	dt->end = end;
	dt->hour = dt->minute = dt->second = -1;
	return dt;
}

static bool digit_at(const char *text, size_t len, size_t at)
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
	if (regexec(&ds->iso_time, text, 12, m, 0) || digit_at(text - base, len, base + (size_t)m[0].rm_eo))
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
	cl_datetime *dt = add(out, cap, n, (size_t)m[0].rm_so, (size_t)m[0].rm_eo);
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
		if (starts_token(text, start) && !digit_at(text, len, end) && iso_one(ds, text, len, m, out, cap, n))
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
	cl_datetime *dt = add(out, cap, n, (size_t)m[0].rm_so, (size_t)m[0].rm_eo);
	dt->day = day;
	dt->month = month;
	dt->year = number(text, m[7]);
	if (sep1 != sep2)
		dt->broken = "mixes separators";
	dt->family = sep1 == '/' ? (month_first ? "M/d/yyyy" : "d/M/yyyy") :
		     empty(m[3]) ? "d.M.yyyy" : "d. M. yyyy";
	regmatch_t t[5];
	const char *after = text + m[0].rm_eo;
	if (!regexec(&ds->numeric_time, after, 5, t, 0) && !digit_at(after, len - (size_t)m[0].rm_eo, (size_t)t[0].rm_eo) &&
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
		if (!starts_token(text, start) || digit_at(text, len, end) || overlaps(*out, *n, start, end))
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
		if (!starts_token(text, start) || digit_at(text, len, end) || (end < len && text[end] == ':') ||
		    overlaps(*out, *n, start, end) || (before_space && after_space))
			continue;
		/* French sets a space before ':' on purpose ("score 2 :1" is unusual, "Note : 12" common). */
		if ((before_space || after_space) && ds->names.french)
			continue;
		cl_datetime *dt = add(out, cap, n, start, end);
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
	if (at + 4 > len || digit_at(text, len, at + 4) || (at + 4 < len && text[at + 4] == '.' && digit_at(text, len, at + 5)))
		return 0;
	for (size_t i = at; i < at + 4; i++)
		if (!digit_at(text, len, i))
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
	while (digit_at(text, len, at + digits) && digits < 3)
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

static void scan_names(cl_datescan *ds, const char *text, size_t len, cl_datetime **out, size_t *cap, size_t *n)
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
		    !overlaps(*out, *n, dt.start, dt.end)) {
			dt.month = month;
			*add(out, cap, n, dt.start, dt.end) = dt;
		}
		size = end - at;
	}
}

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
		load_names(ds, locale);
	if (digits >= 6) {  /* the least the two patterns with a year match: 2024-3-1, 1.3.2024 */
		scan_iso(ds, text, len, out, cap, &n);
		scan_numeric(ds, text, len, out, cap, &n);
	}
	scan_names(ds, text, len, out, cap, &n);
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
