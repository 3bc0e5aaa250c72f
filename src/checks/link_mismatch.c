/* link-mismatch: link and image targets of an aligned paragraph that the
 * translation changed or dropped. Localisation is not a change: a path
 * segment naming the source's or the translation's language (`/docs/x` and
 * `/fr/docs/x`, `developer.mozilla.org/en-US/` and `/fr/`, `nodejs.org/en/`
 * and `/ja/`) is left out of the comparison. So is a translated anchor:
 * `#contexte` for the source's `#background-information` passes when the
 * translation's heading with that anchor (explicit id or generated slug)
 * is aligned with the source's heading of the other. The anchor of a link
 * to another page is not compared: whether it was translated is unknowable
 * without aligning that page too. Links the translation adds are not
 * reported. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "pair_common.h"

static void links_of(const cl_document *doc, size_t i0, size_t i1, const char *const langs[2], cl_pair_bag *out)
{
	if (i0 >= i1)
		return;
	long first = doc->items[i0].block, last = doc->items[i1 - 1].block;
	for (size_t i = 0; i < doc->nlinks; i++)
		if (doc->links[i].block >= first && doc->links[i].block <= last && doc->links[i].target[0])
			cl_pair_bag_add(out, doc->links[i].target[0] == '#' ? cl_strdup(doc->links[i].target)
					     : cl_pair_localised_target(doc->links[i].target, langs), i);
}

/* The source heading an in-page anchor of doc points at: in the source,
 * the heading itself; in the translation, the source heading aligned with
 * it. -1 when none or not an in-page anchor. */
static long anchored_heading(const cl_check_ctx *ctx, const cl_document *doc, const char *target, bool source)
{
	if (target[0] != '#' || !target[1])
		return -1;
	long item = cl_pair_anchor_item(doc, target + 1);
	if (source || item < 0)
		return item;
	return cl_pair_source_heading_of(ctx->translation->alignment, ctx->translation->source, (size_t)item);
}

/* Pairs the unmatched in-page anchors that point at the same heading. */
static void match_translated_anchors(const cl_check_ctx *ctx, const cl_document *doc, cl_pair_bag *s,
				     cl_pair_bag *t)
{
	const cl_document *src = ctx->translation->source;
	for (size_t i = 0; i < s->count; i++) {
		long heading = s->used[i] ? -1 : anchored_heading(ctx, src, s->items[i], true);
		for (size_t j = 0; heading >= 0 && j < t->count; j++) {
			if (!t->used[j] && anchored_heading(ctx, doc, t->items[j], false) == heading) {
				s->used[i] = t->used[j] = true;
				break;
			}
		}
	}
}

static void report(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g, const cl_pair_bag *s,
		   const cl_pair_bag *t)
{
	const cl_document *src = ctx->translation->source;
	size_t j = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (s->used[i])
			continue;
		while (j < t->count && t->used[j])
			j++;
		const cl_link *sl = &src->links[s->at[i]];
		if (j < t->count) {
			const cl_link *tl = &doc->links[t->at[j++]];
			cl_check_report_pair(ctx, tl->at, tl->at + strlen(tl->target), cl_sprintf("%s target “%s” differs "
					     "from the source's “%s”", tl->image ? "image" : "link", tl->target, sl->target),
					     sl->at);
		} else {
			size_t at = doc->items[g->t0].start;
			cl_check_report_pair(ctx, at, at, cl_sprintf("the source's %s to “%s” is missing here",
					     sl->image ? "image" : "link", sl->target), sl->at);
		}
	}
}

static void compare(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	const char *const langs[2] = { ctx->translation->source_lang, ctx->lang };
	if (!cl_pair_all_prose(src, g->s0, g->s1) || !cl_pair_all_prose(doc, g->t0, g->t1))
		return;
	cl_pair_bag s = { 0 }, t = { 0 };
	links_of(src, g->s0, g->s1, langs, &s);
	links_of(doc, g->t0, g->t1, langs, &t);
	cl_pair_bag_match(&s, &t);
	match_translated_anchors(ctx, doc, &s, &t);
	report(ctx, doc, g, &s, &t);
	cl_pair_bag_dispose(&s);
	cl_pair_bag_dispose(&t);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_pair_each_matched_group(ctx, doc, compare);
	return 0;
}

const cl_rule cl_rule_link_mismatch = {
	.info = {
		.id = "link-mismatch",
		.summary = "A link or image target that differs from the source's",
		.description = "For a translation checked against its source: a link or image target of an "
			       "aligned paragraph that the translation changed or dropped. Localised targets pass: "
			       "a path segment naming either language (/docs/x and /fr/docs/x, "
			       "developer.mozilla.org/en-US/ and /fr/, nodejs.org/en/ and /ja/), an in-page "
			       "#anchor translated with the heading it points at (the translation's heading with "
			       "that anchor is aligned with the source's), and the #anchor of a link to another "
			       "page are not compared.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.check = check,
};
