/* number-mismatch: a number of an aligned paragraph that the translation
 * lost or changed. Numbers are compared by their digits, so that the
 * locales' separators do not matter: 1,000.5 = 1 000,5 = 1.000,5 (a space,
 * no-break space, apostrophe, comma or dot between digits; a space only
 * before a group of three). Numbers under 10 are left out (translations
 * write them as words), and so are code, URLs and HTML. Numbers the
 * translation adds are not reported. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "pair_common.h"

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t run_of_digits(const char *s, size_t i, size_t len)
{
	size_t n = 0;
	while (i + n < len && digit(s[i + n]))
		n++;
	return n;
}

/* Bytes of a separator between digit groups at s[i], or 0. */
static size_t separator(const char *s, size_t i, size_t len)
{
	static const char *const seps[] = { ",", ".", "'", "\xE2\x80\x99", NULL };
	static const char *const spaces[] = { " ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", NULL };
	for (size_t k = 0; seps[k]; k++) {
		size_t n = strlen(seps[k]);
		if (i + n < len && !memcmp(s + i, seps[k], n) && digit(s[i + n]))
			return n;
	}
	for (size_t k = 0; spaces[k]; k++) {
		size_t n = strlen(spaces[k]);
		if (i + n < len && !memcmp(s + i, spaces[k], n) && run_of_digits(s, i + n, len) == 3)
			return n;
	}
	return 0;
}

/* The numbers of one block, as digit strings without leading zeros. */
static void numbers_of_block(const cl_block *b, cl_pair_bag *out)
{
	for (size_t i = 0; i < b->len;) {
		if (!digit(b->text[i]) || (i && (digit(b->text[i - 1]) || b->text[i - 1] == '.'))) {
			i++;
			continue;
		}
		size_t start = i;
		cl_buf value = CL_BUF_INIT;
		for (;;) {
			size_t n = run_of_digits(b->text, i, b->len);
			cl_buf_put(&value, b->text + i, n);
			i += n;
			size_t sep = separator(b->text, i, b->len);
			if (!sep)
				break;
			i += sep;
		}
		size_t lead = 0;
		while (lead + 1 < value.size && value.ptr[lead] == '0')
			lead++;
		bool keep = !cl_block_in_span(b, start, i) && (value.size - lead > 1);
		if (keep)
			cl_pair_bag_add(out, cl_strndup(value.ptr + lead, value.size - lead), cl_block_source_start(b, start));
		cl_buf_dispose(&value);
	}
}

static void numbers_of(const cl_document *doc, size_t i0, size_t i1, cl_pair_bag *out)
{
	for (size_t i = i0; i < i1; i++)
		if (doc->items[i].block >= 0)
			numbers_of_block(&doc->blocks[doc->items[i].block], out);
}

static void compare(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	if (!cl_pair_all_prose(src, g->s0, g->s1) || !cl_pair_all_prose(doc, g->t0, g->t1))
		return;
	cl_pair_bag s = { 0 }, t = { 0 };
	numbers_of(src, g->s0, g->s1, &s);
	numbers_of(doc, g->t0, g->t1, &t);
	cl_pair_bag_match(&s, &t);
	for (size_t i = 0; i < s.count; i++) {
		if (s.used[i])
			continue;
		size_t at = doc->items[g->t0].start;
		cl_check_report_pair(ctx, at, at, cl_sprintf("the source's number %s is missing or changed here",
				     s.items[i]), s.at[i]);
	}
	cl_pair_bag_dispose(&s);
	cl_pair_bag_dispose(&t);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_pair_each_matched_group(ctx, doc, compare);
	return 0;
}

const cl_rule cl_rule_number_mismatch = {
	.info = {
		.id = "number-mismatch",
		.summary = "A number of the source that the translation lost or changed",
		.description = "For a translation checked against its source: a number of an aligned paragraph "
			       "that is not in the translation's paragraph. Numbers are compared by their digits, "
			       "whatever the locale's separators (1,000.5 = 1 000,5 = 1.000,5); numbers under 10 "
			       "(often written as words), code, URLs and HTML are left out, and numbers the "
			       "translation adds are not reported.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.check = check,
};
