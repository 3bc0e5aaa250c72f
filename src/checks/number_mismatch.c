/* number-mismatch: a number of an aligned paragraph that the translation
 * lost or changed, compared by value: each side is read with its own
 * language's separators (numscan.c), so 1,000.5 = 1 000,5 = 1.000,5;
 * versions as written; dates and times by value (26 March 2024 =
 * 2024-03-26 = 26. 3. 2024). Two passes: whole values first; then what
 * is left on both sides is cut into its digit runs, so that a date or a
 * run one side reads and the other does not (1/1/99 against 1.1.99, 50%
 * against "50 процентов") is not a finding while a changed digit is.
 * Integers under 10 of the source are left out (translations write them
 * as words; so are spelled-out numbers in general, which are not read),
 * and so are code, URLs and HTML. Numbers the translation adds are not
 * reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "numscan.h"
#include "pair_common.h"

typedef struct {
	cl_number *items;
	bool *used;
	size_t count, cap;
} number_bag;

static void bag_of(cl_numscan *ns, const char *locale, const cl_document *doc, size_t i0, size_t i1,
		   number_bag *bag)
{
	for (size_t i = i0; i < i1; i++) {
		const cl_block *b = &doc->blocks[doc->items[i].block];
		size_t from = bag->count;
		cl_numscan_block(ns, locale, b, &bag->items, &bag->count, &bag->cap);
		for (size_t k = from; k < bag->count; k++) {
			bag->items[k].start = cl_block_source_start(b, bag->items[k].start);
			bag->items[k].end = cl_block_source_end(b, bag->items[k].end);
		}
	}
	bag->used = cl_calloc(bag->count ? bag->count : 1, sizeof(bool));
}

static bool same(const cl_number *a, const cl_number *b)
{
	return !strcmp(a->value, b->value) || (a->literal[0] && !strcmp(a->literal, b->literal));
}

/* Pass one: each source number takes an equal unused translation number. */
static void match_values(number_bag *s, number_bag *t)
{
	for (size_t i = 0; i < s->count; i++)
		for (size_t j = 0; j < t->count && !s->used[i]; j++)
			if (!t->used[j] && same(&s->items[i], &t->items[j]))
				s->used[i] = t->used[j] = true;
}

/* The digit runs of the unused numbers, as integers ("07" as "7"). */
typedef struct {
	char **runs;
	size_t *owner;  /* index of the number each run comes from */
	bool *used;
	size_t count, cap;
} run_bag;

static void runs_of(const char *text, const number_bag *bag, run_bag *out)
{
	for (size_t k = 0; k < bag->count; k++) {
		if (bag->used[k])
			continue;
		const cl_number *num = &bag->items[k];
		for (size_t i = num->start; i < num->end;) {
			if (text[i] < '0' || text[i] > '9') {
				i++;
				continue;
			}
			while (i + 1 < num->end && text[i] == '0' && text[i + 1] >= '0' && text[i + 1] <= '9')
				i++;
			size_t n = 0;  /* the document's bytes need not end in NUL */
			while (i + n < num->end && text[i + n] >= '0' && text[i + n] <= '9')
				n++;
			size_t cap = out->cap;
			CL_GROW(out->runs, cap, out->count + 1);
			if (cap != out->cap) {
				out->owner = cl_realloc(out->owner, cap * sizeof(size_t));
				out->used = cl_realloc(out->used, cap * sizeof(bool));
				out->cap = cap;
			}
			out->runs[out->count] = cl_strndup(text + i, n);
			out->owner[out->count] = k;
			out->used[out->count++] = false;
			i += n;
		}
	}
}

static void run_bag_dispose(run_bag *b)
{
	for (size_t i = 0; i < b->count; i++)
		free(b->runs[i]);
	free(b->runs);
	free(b->owner);
	free(b->used);
}

/* Pass two: a source number whose every digit run the translation's
 * leftovers hold is kept, not reported. */
static void match_runs(const char *stext, number_bag *s, const char *ttext, number_bag *t)
{
	run_bag rs = { 0 }, rt = { 0 };
	runs_of(stext, s, &rs);
	runs_of(ttext, t, &rt);
	for (size_t i = 0; i < rs.count; i++)
		for (size_t j = 0; j < rt.count && !rs.used[i]; j++)
			if (!rt.used[j] && !strcmp(rs.runs[i], rt.runs[j]))
				rs.used[i] = rt.used[j] = true;
	bool *lost = cl_calloc(s->count ? s->count : 1, sizeof(bool));
	for (size_t i = 0; i < rs.count; i++)
		if (!rs.used[i])
			lost[rs.owner[i]] = true;
	for (size_t k = 0; k < s->count; k++)
		if (!s->used[k] && !lost[k])
			s->used[k] = true;
	bool *kept = cl_calloc(t->count ? t->count : 1, sizeof(bool));
	for (size_t j = 0; j < rt.count; j++)
		if (!rt.used[j])
			kept[rt.owner[j]] = true;
	for (size_t k = 0; k < t->count; k++)
		if (!t->used[k] && !kept[k])
			t->used[k] = true;
	free(lost);
	free(kept);
	run_bag_dispose(&rs);
	run_bag_dispose(&rt);
}

static void bag_dispose(number_bag *b)
{
	free(b->items);
	free(b->used);
}

/* The one translation number left over, when there is exactly one and no
 * other number of the paragraph has its value (else which of the equal
 * ones changed is a guess): the changed value. */
static const cl_number *lone_leftover(const number_bag *t)
{
	const cl_number *found = NULL;
	for (size_t k = 0; k < t->count; k++) {
		if (t->used[k] || t->items[k].small)
			continue;
		if (found)
			return NULL;
		found = &t->items[k];
	}
	for (size_t k = 0; found && k < t->count; k++)
		if (&t->items[k] != found && same(&t->items[k], found))
			return NULL;
	return found;
}

static void report(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g, const cl_number *lost,
		   size_t nlost, const cl_number *changed)
{
	const cl_document *src = ctx->translation->source;
	char *shown = cl_utf8_sanitize(src->data + lost->start, lost->end - lost->start);
	const char *what = lost->date ? "date" : "number";
	if (changed && nlost == 1) {
		char *now = cl_utf8_sanitize(doc->data + changed->start, changed->end - changed->start);
		cl_check_report_pair(ctx, changed->start, changed->end,
				     cl_sprintf("the source's %s %s is %s here", what, shown, now), lost->start);
		free(now);
	} else {
		size_t at = doc->items[g->t0].start;
		cl_check_report_pair(ctx, at, at, cl_sprintf("the source's %s %s is missing or changed here", what, shown),
				     lost->start);
	}
	free(shown);
}

static void locale_of(const char *tag, char *buf, size_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	uloc_forLanguageTag(tag ? tag : "en", buf, (int32_t)size, NULL, &status);
	if (U_FAILURE(status) || !buf[0])
		snprintf(buf, size, "%s", "en");
}

static void compare(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	if (!cl_pair_all_prose(src, g->s0, g->s1) || !cl_pair_all_prose(doc, g->t0, g->t1))
		return;
	char slocale[64];
	locale_of(ctx->translation->source_lang, slocale, sizeof(slocale));
	number_bag s = { 0 }, t = { 0 };
	bag_of(ctx->state, slocale, src, g->s0, g->s1, &s);
	bag_of(ctx->state, ctx->locale, doc, g->t0, g->t1, &t);
	for (size_t k = 0; k < s.count; k++)
		s.used[k] = s.items[k].small;  /* written as words as often as not */
	match_values(&s, &t);
	match_runs(src->data, &s, doc->data, &t);
	size_t nlost = 0;
	for (size_t k = 0; k < s.count; k++)
		nlost += !s.used[k];
	const cl_number *changed = lone_leftover(&t);
	for (size_t k = 0; k < s.count; k++)
		if (!s.used[k])
			report(ctx, doc, g, &s.items[k], nlost, changed);
	bag_dispose(&s);
	bag_dispose(&t);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_pair_each_matched_group(ctx, doc, compare);
	return 0;
}

static void *state_new(void)
{
	return cl_numscan_new();
}

static void state_free(void *state)
{
	cl_numscan_free(state);
}

const cl_rule cl_rule_number_mismatch = {
	.info = {
		.id = "number-mismatch",
		.summary = "A number of the source that the translation lost or changed",
		.description = "For a translation checked against its source: a number of an aligned paragraph "
			       "that is not in the translation's paragraph. Numbers are compared by value, each "
			       "side read with its own language's separators (1,000.5 = 1 000,5 = 1.000,5), "
			       "percentages with their sign or without, versions as written (1.2.3, v2.0) and "
			       "dates by value (2024-03-26 = 26. 3. 2024 = 26 mars 2024); integers under 10 and "
			       "spelled-out numbers, code, URLs and HTML are left out, and numbers the "
			       "translation adds are not reported.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.state_new = state_new,
	.state_free = state_free,
	.check = check,
};
