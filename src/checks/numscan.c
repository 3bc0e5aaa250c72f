/* Numbers of a prose block as values; see numscan.h. A number is a run of
 * digit groups joined by one separator each (. , ' ’ or a space before a
 * group of three); the run is then read with the locale's symbols, which
 * ICU gives (unum_getSymbol): grouped integer part, one decimal part. A run
 * the locale cannot read stays as written, and the rule also compares the
 * written digits, so a translation that keeps the source's notation passes. */
#include "numscan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "datescan.h"
#include "typo_common.h"

#define SYMBOL_BYTES 8

typedef struct {
	char locale[64];
	char decimal[SYMBOL_BYTES], group[SYMBOL_BYTES];
} symbols;

struct cl_numscan {
	cl_datescan *dates;
	symbols cache[4];  /* a pair needs two locales; a few spare */
	size_t next;
};

static const char *const spaces[] = { " ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", NULL };

cl_numscan *cl_numscan_new(void)
{
	cl_numscan *ns = cl_calloc(1, sizeof(*ns));
	ns->dates = cl_datescan_new();
	return ns;
}

void cl_numscan_free(cl_numscan *ns)
{
	if (!ns)
		return;
	cl_datescan_free(ns->dates);
	free(ns);
}

static void symbol(UNumberFormat *fmt, UNumberFormatSymbol which, char *out, const char *fallback)
{
	UChar u[SYMBOL_BYTES];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = unum_getSymbol(fmt, which, u, SYMBOL_BYTES, &status);
	if (U_SUCCESS(status) && n > 0)
		u_strToUTF8(out, SYMBOL_BYTES, NULL, u, n, &status);
	if (U_FAILURE(status) || n <= 0 || !out[0])
		snprintf(out, SYMBOL_BYTES, "%s", fallback);
}

/* The locale's decimal and grouping separators, from ICU (CLDR). */
static const symbols *symbols_of(cl_numscan *ns, const char *locale)
{
	for (size_t i = 0; i < sizeof(ns->cache) / sizeof(ns->cache[0]); i++)
		if (ns->cache[i].decimal[0] && !strcmp(ns->cache[i].locale, locale))
			return &ns->cache[i];
	symbols *s = &ns->cache[ns->next++ % (sizeof(ns->cache) / sizeof(ns->cache[0]))];
	memset(s, 0, sizeof(*s));
	snprintf(s->locale, sizeof(s->locale), "%s", locale);
	UErrorCode status = U_ZERO_ERROR;
	UNumberFormat *fmt = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
	if (U_FAILURE(status))
		fmt = NULL;
	symbol(fmt, UNUM_DECIMAL_SEPARATOR_SYMBOL, s->decimal, ".");
	symbol(fmt, UNUM_GROUPING_SEPARATOR_SYMBOL, s->group, ",");
	if (fmt)
		unum_close(fmt);
	return s;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t digits_at(const char *s, size_t i, size_t len)
{
	size_t n = 0;
	while (i + n < len && digit(s[i + n]))
		n++;
	return n;
}

static size_t space_at(const char *s, size_t i, size_t len)
{
	for (size_t k = 0; spaces[k]; k++) {
		size_t n = strlen(spaces[k]);
		if (i + n <= len && !memcmp(s + i, spaces[k], n))
			return n;
	}
	return 0;
}

/* Bytes of a separator between digit groups at s[i], or 0: a mark before a
 * digit, a space only before a group of exactly three. */
static size_t separator_at(const char *s, size_t i, size_t len)
{
	static const char *const marks[] = { ",", ".", "'", "\xE2\x80\x99", NULL };
	for (size_t k = 0; marks[k]; k++) {
		size_t n = strlen(marks[k]);
		if (i + n < len && !memcmp(s + i, marks[k], n) && digit(s[i + n]))
			return n;
	}
	size_t n = space_at(s, i, len);
	return n && digits_at(s, i + n, len) == 3 ? n : 0;
}

/* One run of digit groups: where each group starts and its length. */
typedef struct {
	size_t start[16], len[16], sep_len[16];
	size_t count, end;
} run;

static void read_run(const char *s, size_t i, size_t len, run *r)
{
	r->count = 0;
	for (;;) {
		size_t n = digits_at(s, i, len);
		r->start[r->count] = i;
		r->len[r->count] = n;
		i += n;
		size_t sep = r->count + 1 < 16 ? separator_at(s, i, len) : 0;
		r->sep_len[r->count++] = sep;
		if (!sep)
			break;
		i += sep;
	}
	r->end = i;
}

static bool is_space_symbol(const char *sym)
{
	return space_at(sym, 0, strlen(sym)) == strlen(sym);
}

/* Is the separator after group k the locale's grouping separator? */
static bool group_sep(const char *s, const run *r, size_t k, const symbols *sym)
{
	const char *sep = s + r->start[k] + r->len[k];
	if (is_space_symbol(sym->group))
		return space_at(sep, 0, r->sep_len[k]) == r->sep_len[k];
	return strlen(sym->group) == r->sep_len[k] && !memcmp(sep, sym->group, r->sep_len[k]);
}

static bool decimal_sep(const char *s, const run *r, size_t k, const symbols *sym)
{
	return strlen(sym->decimal) == r->sep_len[k] && !memcmp(s + r->start[k] + r->len[k], sym->decimal, r->sep_len[k]);
}

static void put_digits(cl_buf *b, const char *s, size_t len)
{
	cl_buf_put(b, s, len);
}

/* The first number of the run by the locale's conventions ("1000.5"):
 * a grouped integer part, then a decimal part; how many groups it took.
 * What follows is another number (45.67,2 in English: 45.67 and 2). */
static size_t read_value(const char *s, const run *r, const symbols *sym, cl_buf *out)
{
	size_t k = 0;
	put_digits(out, s + r->start[0], r->len[0]);
	while (k + 1 < r->count && group_sep(s, r, k, sym) && r->len[k + 1] == 3 && r->len[0] <= 3) {
		k++;
		put_digits(out, s + r->start[k], 3);
	}
	if (k + 1 < r->count && decimal_sep(s, r, k, sym)) {
		k++;
		cl_buf_putc(out, '.');
		put_digits(out, s + r->start[k], r->len[k]);
	}
	return k + 1;
}

/* "0012.500" as "12.5": the same value written the same way. */
static void canonical(char *v)
{
	size_t lead = 0;
	while (v[lead] == '0' && digit(v[lead + 1]))
		lead++;
	memmove(v, v + lead, strlen(v + lead) + 1);
	char *dot = strchr(v, '.');
	if (!dot)
		return;
	size_t n = strlen(v);
	while (n && v[n - 1] == '0')
		v[--n] = '\0';
	if (v[n - 1] == '.')
		v[n - 1] = '\0';
}

static bool alnum(char c)
{
	return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Digits glued to a word are part of a name (B12, x86, UTF-8, .5 of a
 * path), not a number; a lone v before them makes a version (v2.0). */
static bool glued(const char *s, size_t i, bool *version)
{
	*version = i && (s[i - 1] == 'v' || s[i - 1] == 'V') && (i < 2 || !alnum(s[i - 2]));
	if (!i || *version)
		return false;
	char c = s[i - 1];
	return alnum(c) || c == '.' || (c == '-' && i >= 2 && alnum(s[i - 2]));
}

/* A percent sign after the number (50%, 50 %) or before it (%50, Turkish);
 * *end moves past a sign after it. */
static bool percent(const char *s, size_t start, size_t *end, size_t len)
{
	if (start && s[start - 1] == '%')
		return true;
	size_t i = *end, n;
	while ((n = space_at(s, i, len)) != 0 && i - *end < 4)
		i += n;
	if (i < len && s[i] == '%') {
		*end = i + 1;
		return true;
	}
	return false;
}

static cl_number *add(cl_number **out, size_t *n, size_t *cap)
{
	CL_GROW(*out, *cap, *n + 1);
	cl_number *num = &(*out)[(*n)++];
	memset(num, 0, sizeof(*num));
	return num;
}

static void copy_text(char *dst, size_t size, const char *s, size_t len)
{
	snprintf(dst, size, "%.*s", (int)(len < size - 1 ? len : size - 1), s);
}

/* The value of the run's first number: a version (two dots or more, or
 * a v before it) as written, else by the locale; how many groups it took. */
static size_t value_of_run(const char *s, const run *r, const symbols *sym, bool version, cl_number *num)
{
	size_t dots = 0;
	for (size_t k = 0; k + 1 < r->count; k++)
		dots += r->sep_len[k] == 1 && s[r->start[k] + r->len[k]] == '.';
	cl_buf v = CL_BUF_INIT;
	size_t groups = read_value(s, r, sym, &v);
	if (version || (dots >= 2 && groups < r->count)) {
		groups = r->count;
		snprintf(num->value, sizeof(num->value), "v:%.60s", num->literal);
	} else {
		cl_buf_put(&v, "", 0);
		snprintf(num->value, sizeof(num->value), "%s", v.ptr);
		canonical(num->value);
		num->small = groups == 1 && strlen(num->value) == 1;
	}
	cl_buf_dispose(&v);
	return groups;
}

static void add_date(const cl_datetime *dt, cl_number **out, size_t *n, size_t *cap)
{
	cl_number *num = add(out, n, cap);
	num->start = dt->start;
	num->end = dt->end;
	num->date = true;
	if (dt->lone_time)
		snprintf(num->value, sizeof(num->value), "t:%02d:%02d", dt->hour, dt->minute);
	else if (dt->hour >= 0)
		snprintf(num->value, sizeof(num->value), "d:%04d-%02d-%02d %02d:%02d", dt->year, dt->month, dt->day,
			 dt->hour, dt->minute);
	else
		snprintf(num->value, sizeof(num->value), "d:%04d-%02d-%02d", dt->year, dt->month, dt->day);
}

void cl_numscan_block(cl_numscan *ns, const char *locale, const cl_block *block, cl_number **out, size_t *n,
		      size_t *cap)
{
	const symbols *sym = symbols_of(ns, locale);
	const cl_datetime *dates;
	size_t ndates = cl_datescan_text(ns->dates, locale, block->text, block->len, &dates), d = 0;
	const char *s = block->text;
	size_t next_group = (size_t)-1;  /* where the rest of a run starts: not glued */
	for (size_t i = 0; i < block->len;) {
		while (d < ndates && dates[d].end <= i)
			d++;
		if (d < ndates && dates[d].start <= i) {
			if (typo_is_prose(block, dates[d].start, dates[d].end))
				add_date(&dates[d], out, n, cap);
			i = dates[d].end;
			continue;
		}
		bool version = false;
		if (!digit(s[i]) || (i != next_group && glued(s, i, &version))) {
			i += digit(s[i]) ? digits_at(s, i, block->len) : 1;
			continue;
		}
		run r;
		read_run(s, i, block->len, &r);
		if (!typo_is_prose(block, i, r.end)) {
			i = r.end;
			continue;
		}
		cl_number *num = add(out, n, cap);
		copy_text(num->literal, sizeof(num->literal), s + i, r.end - i);
		size_t groups = value_of_run(s, &r, sym, version, num);
		size_t end = r.start[groups - 1] + r.len[groups - 1];
		num->start = version ? i - 1 : i;
		if (groups < r.count) {
			copy_text(num->literal, sizeof(num->literal), s + i, end - i);
			next_group = r.start[groups];
		}
		if (!version && percent(s, i, &end, block->len)) {
			size_t len = strlen(num->value);
			if (i && s[i - 1] == '%')
				num->start = i - 1;
			if (len + 1 < sizeof(num->value))
				memcpy(num->value + len, "%", 2);
			num->small = false;
		}
		num->end = end;
		i = groups < r.count ? r.start[groups] : r.end;
	}
}
