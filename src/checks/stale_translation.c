/* stale-translation: a translation whose source changed after the
 * translation was last brought up to date, and, on a source a --diff
 * changes, the translations that change leaves behind. Core computes the
 * answer from git history (src/core/stale.c, src/history/); this file
 * only words it: the commits since, the source's changed sections with
 * their lines as related locations, the translation's counterparts of the
 * changed blocks when the pages align. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "../text/lineindex.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "pair_common.h"

/* Sections named, and counterparts pointed at, per finding / file. */
#define MAX_SECTIONS 5
#define MAX_COUNTERPARTS 10

static void put_date(cl_buf *out, int64_t when)
{
	char date[16];
	time_t t = (time_t)when;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	cl_buf_puts(out, date);
}

static void put_commit(cl_buf *out, const cl_history_commit *c)
{
	cl_buf_printf(out, "%.7s ", c->id);
	put_date(out, c->time);
	cl_buf_printf(out, " “%s”", c->subject);
}

/* The related location: line of the source (column 1). */
static void relate(const cl_stale_input *in, cl_finding *f, size_t line)
{
	size_t at = in->source_lines ? cl_lineindex_line_start(in->source_lines, line) : 0;
	cl_finding_set_related_elsewhere(f, in->source_path, at);
	f->related_line = line;
	f->related_column = 1;
}

/* The source's heading item at or before line; -1 when none. */
static long heading_before(const cl_stale_input *in, size_t line)
{
	const cl_document *src = in->source;
	long found = -1;
	if (!src || !in->source_lines)
		return -1;
	size_t at = cl_lineindex_line_start(in->source_lines, line);
	for (size_t i = 0; i < src->nitems && src->items[i].start <= at; i++) {
		const cl_item *it = &src->items[i];
		if (it->kind == CL_ITEM_PROSE && it->block >= 0 && src->blocks[it->block].kind == CL_BLOCK_HEADING)
			found = (long)i;
	}
	return found;
}

static void put_lines(cl_buf *out, size_t first, size_t last)
{
	if (first == last)
		cl_buf_printf(out, "line %zu", first);
	else
		cl_buf_printf(out, "lines %zu–%zu", first, last);
}

/* "“Install” (lines 7–8), “Usage” (line 20) and 2 more": spans under the
 * same heading are one section. */
static void put_sections(cl_buf *out, const cl_stale_input *in)
{
	const cl_staleness *s = in->staleness;
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < s->changed_count;) {
		long heading = heading_before(in, s->changed[i].first);
		size_t j = i + 1;
		while (j < s->changed_count && heading_before(in, s->changed[j].first) == heading)
			j++;
		if (shown == MAX_SECTIONS) {
			more++;
		} else {
			cl_buf_puts(out, shown ? ", " : "");
			if (heading >= 0) {
				char *excerpt = cl_pair_excerpt(in->source, (size_t)heading);
				cl_buf_printf(out, "“%s” (", excerpt);
				free(excerpt);
			} else {
				cl_buf_puts(out, "(");
			}
			put_lines(out, s->changed[i].first, s->changed[j - 1].last);
			cl_buf_puts(out, ")");
			shown++;
		}
		i = j;
	}
	if (more)
		cl_buf_printf(out, " and %zu more", more);
}

/* The front-matter key's name, from its line in the translation. */
static char *key_name(const cl_document *doc, const cl_stale_input *in)
{
	const char *line = doc->data + in->key_start;
	size_t len = strcspn(line, ":= \t\r\n");
	return cl_strndup(line, len < in->key_end - in->key_start ? len : in->key_end - in->key_start);
}

static char *behind_message(const cl_document *doc, const cl_stale_input *in)
{
	const cl_staleness *s = in->staleness;
	cl_buf out = CL_BUF_INIT;
	cl_buf_printf(&out, "behind its source %s by %zu commit%s since ", in->source_path, s->behind,
		      s->behind == 1 ? "" : "s");
	if (s->origin == CL_BASE_FRONT_MATTER) {
		char *key = key_name(doc, in);
		cl_buf_printf(&out, "%s %.7s (", key, s->base.id);
		free(key);
	} else {
		cl_buf_printf(&out, "its own last change %.7s (", s->base.id);
	}
	put_date(&out, s->base.time);
	cl_buf_puts(&out, "): ");
	for (size_t i = 0; i < s->commit_count; i++) {
		cl_buf_puts(&out, i ? ", " : "");
		put_commit(&out, &s->commits[i]);
	}
	if (s->behind > s->commit_count)
		cl_buf_printf(&out, " and %zu more", s->behind - s->commit_count);
	cl_buf_printf(&out, "; the source changed (+%zu −%zu lines) in ", s->lines_added, s->lines_removed);
	put_sections(&out, in);
	return cl_buf_detach(&out);
}

/* The first aligned group holding a source item within the lines, with
 * translation items; count when none. */
static size_t group_of(const cl_alignment *a, const cl_document *src, size_t from, size_t to)
{
	for (size_t g = 0; g < a->count; g++) {
		const cl_align_group *grp = &a->groups[g];
		if (grp->t0 == grp->t1)
			continue;
		for (size_t i = grp->s0; i < grp->s1; i++)
			if (src->items[i].end > from && src->items[i].start < to)
				return g;
	}
	return a->count;
}

/* With the alignment: where in the translation each changed block stands. */
static void report_counterparts(cl_check_ctx *ctx, const cl_document *doc, const cl_stale_input *in)
{
	const cl_translation *tr = ctx->translation;
	const cl_staleness *s = in->staleness;
	size_t last_group = (size_t)-1, reported = 0;
	if (!tr || !in->source_lines || tr->source != in->source)
		return;
	for (size_t i = 0; i < s->changed_count && reported < MAX_COUNTERPARTS; i++) {
		size_t from = cl_lineindex_line_start(in->source_lines, s->changed[i].first);
		size_t to = cl_lineindex_line_end(in->source_lines, s->changed[i].last) + 1;
		size_t g = group_of(tr->alignment, in->source, from, to);
		if (g == tr->alignment->count || g == last_group)
			continue;
		last_group = g;
		cl_buf message = CL_BUF_INIT;
		cl_buf_printf(&message, "the source changed here since this translation (%s ", in->source_path);
		put_lines(&message, s->changed[i].first, s->changed[i].last);
		cl_buf_puts(&message, ")");
		size_t at = cl_pair_position(doc, tr->alignment, g);
		cl_finding *f = cl_check_report(ctx, at, at, cl_buf_detach(&message));
		relate(in, f, s->changed[i].first);
		reported++;
	}
}

static void report_behind(cl_check_ctx *ctx, const cl_document *doc, const cl_stale_input *in)
{
	size_t start = in->has_key ? in->key_start : 0, end = in->has_key ? in->key_end : 0;
	const cl_staleness *s = in->staleness;
	if (s->state == CL_STALE_ERROR) {
		cl_finding *f = cl_check_report(ctx, start, end, cl_strdup(s->error));
		f->severity = COPYLINT_SEVERITY_ERROR;  /* the check could not be made */
		return;
	}
	if (s->state != CL_STALE_BEHIND)
		return;
	cl_finding *f = cl_check_report(ctx, start, end, behind_message(doc, in));
	if (s->changed_count)
		relate(in, f, s->changed[0].first);
	report_counterparts(ctx, doc, in);
}

/* ---- a source a --diff changes ----------------------------------------- */

/* "French", "Portuguese (Brazil)": the language's English name. */
static void put_language(cl_buf *out, const char *tag)
{
	char locale[64], name8[128];
	UChar name[64];
	UErrorCode status = U_ZERO_ERROR;
	int32_t len = 0;
	uloc_forLanguageTag(tag, locale, sizeof(locale), NULL, &status);
	if (U_SUCCESS(status))
		len = uloc_getDisplayName(locale, "en", name, 64, &status);
	if (U_SUCCESS(status) && len > 0)
		u_strToUTF8(name8, sizeof(name8), NULL, name, len, &status);
	cl_buf_puts(out, U_SUCCESS(status) && len > 0 ? name8 : tag);
}

static char *left_behind_message(const cl_stale_input *in)
{
	cl_buf out = CL_BUF_INIT;
	cl_buf_puts(&out, "the ");
	for (size_t i = 0; i < in->nleft_behind; i++) {
		if (i)
			cl_buf_puts(&out, i + 1 == in->nleft_behind ? " and " : ", ");
		put_language(&out, in->left_behind[i]);
	}
	cl_buf_printf(&out, " translation%s do%s not have this yet", in->nleft_behind > 1 ? "s" : "",
		      in->nleft_behind > 1 ? "" : "es");
	return cl_buf_detach(&out);
}

static void report_left_behind(cl_check_ctx *ctx, const cl_stale_input *in)
{
	for (size_t i = 0; i < in->nchanged; i++) {
		cl_finding *f = cl_check_report(ctx, in->changed[i].start, in->changed[i].start,
						left_behind_message(in));
		f->severity = COPYLINT_SEVERITY_INFO;  /* news for the pull request, not a fault */
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	const cl_stale_input *in = ctx->stale;
	if (!in)
		return 0;
	if (in->staleness)
		report_behind(ctx, doc, in);
	else if (in->nleft_behind)
		report_left_behind(ctx, in);
	return 0;
}

static const cl_option_spec options[] = {
	{ "keys", CL_OPTION_LIST },
	{ "ignore-keyword", CL_OPTION_STRING },
	{ NULL, 0 },
};

const cl_rule cl_rule_stale_translation = {
	.info = {
		.id = "stale-translation",
		.summary = "A translation whose source changed after it was last brought up to date",
		.description = "In a git repository: a translation whose source has commits after the one the "
			       "translation follows — the commit its front matter names (default_lang_commit, "
			       "source_commit), else the translation's own last content change (commits whose "
			       "message holds [i18n-ignore], and pure renames, do not count). Names the commits and "
			       "the source's changed sections, with their lines as related locations. With --diff, "
			       "a change to a source reports the translations it leaves behind.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.options = options,
	.check = check,
};
