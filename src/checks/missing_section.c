/* missing-section: what the source has and the translation lacks — a
 * heading with its section, a paragraph, list item, table, code block,
 * shortcode — reported where it should stand in the translation; and a
 * section of the translation that the source no longer has. Alignment
 * decides what corresponds (src/align/); a run of consecutive missing
 * items is one finding, named by its first item. */
#include <stdlib.h>

#include "../util/alloc.h"
#include "pair_common.h"

static bool is_heading(const cl_document *doc, size_t item)
{
	const cl_item *it = &doc->items[item];
	return it->kind == CL_ITEM_PROSE && doc->blocks[it->block].kind == CL_BLOCK_HEADING;
}

/* Groups [g, end) with nothing on the translation's side. */
static size_t missing_run(const cl_alignment *a, size_t g)
{
	size_t end = g;
	while (end < a->count && a->groups[end].t0 == a->groups[end].t1)
		end++;
	return end;
}

static void report_missing(cl_check_ctx *ctx, const cl_document *doc, size_t g, size_t end)
{
	const cl_document *src = ctx->translation->source;
	const cl_alignment *a = ctx->translation->alignment;
	size_t first = a->groups[g].s0, n = a->groups[end - 1].s1 - first;
	size_t at = cl_pair_position(doc, a, g);
	char *excerpt = cl_pair_excerpt(src, first);
	char *more = n > 1 ? cl_sprintf(" (and %zu more block%s)", n - 1, n > 2 ? "s" : "") : cl_strdup("");
	char *message = is_heading(src, first) ?
		cl_sprintf("the source's section “%s”%s has no counterpart in the translation", excerpt, more) :
		cl_sprintf("the source's %s “%s”%s has no counterpart in the translation",
			   cl_pair_item_name(src, first), excerpt, more);
	cl_check_report_pair(ctx, at, at, message, src->items[first].start);
	free(excerpt);
	free(more);
}

/* A heading of the translation with no counterpart: a section the source
 * deleted, or one the translation added (translator credits aside). */
static void report_extra(cl_check_ctx *ctx, const cl_document *doc, size_t g)
{
	const cl_alignment *a = ctx->translation->alignment;
	const cl_document *src = ctx->translation->source;
	size_t item = a->groups[g].t0;
	if (!is_heading(doc, item) || cl_align_credits_heading(doc, item))
		return;
	size_t near = g + 1 < a->count ? a->groups[g + 1].s0 : src->nitems;
	size_t source_at = near < src->nitems ? src->items[near].start : src->len;
	char *excerpt = cl_pair_excerpt(doc, item);
	cl_check_report_pair(ctx, doc->items[item].start, doc->items[item].end,
			     cl_sprintf("the section “%s” has no counterpart in the source (did the source "
					"remove it?)", excerpt), source_at);
	free(excerpt);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	if (!ctx->translation)
		return 0;
	const cl_alignment *a = ctx->translation->alignment;
	for (size_t g = 0; g < a->count;) {
		const cl_align_group *grp = &a->groups[g];
		if (grp->t0 == grp->t1) {
			size_t end = missing_run(a, g);
			report_missing(ctx, doc, g, end);
			g = end;
			continue;
		}
		if (grp->s0 == grp->s1)
			report_extra(ctx, doc, g);
		g++;
	}
	return 0;
}

const cl_rule cl_rule_missing_section = {
	.info = {
		.id = "missing-section",
		.summary = "A block of the source with no counterpart in the translation",
		.description = "For a translation checked against its source (translations: in the config, or "
			       "check --source): a heading with its section, a paragraph, list item, table, code "
			       "block or shortcode of the source that the translation does not have, reported where "
			       "it should stand, with the source's location; and a section of the translation that "
			       "the source does not have. The two pages are aligned block by block first.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.check = check,
};
