/* heading-id: explicit heading ids ({#background-information}) are link
 * targets shared by every language: one used twice in a page breaks the
 * second link (checked in every page), and a translation whose heading
 * lost or changed the source's id breaks every link to it. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/keyset.h"
#include "pair_common.h"

static void check_twice(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_keyset seen = CL_KEYSET_INIT;
	for (size_t i = 0; i < doc->nblocks; i++) {
		size_t len, first;
		const char *id = cl_align_heading_id(&doc->blocks[i], &len);
		if (!id)
			continue;
		size_t at = doc->blocks[i].heading_id_at;
		if (cl_keyset_put(&seen, id, len, at, &first)) {
			cl_finding *f = cl_check_report(ctx, at, at + len, cl_sprintf("heading id {#%.*s} is used "
							"twice in this page", (int)len, id));
			cl_finding_set_related(f, first);
		}
	}
	cl_keyset_dispose(&seen);
}

static bool has_id(const cl_document *doc, const char *id, size_t len)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		size_t n;
		const char *other = cl_align_heading_id(&doc->blocks[i], &n);
		if (other && n == len && !memcmp(other, id, len))
			return true;
	}
	return false;
}

static void compare(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	const cl_item *s = &src->items[g->s0], *t = &doc->items[g->t0];
	if (s->block < 0 || t->block < 0)
		return;
	const cl_block *sb = &src->blocks[s->block], *tb = &doc->blocks[t->block];
	size_t slen, tlen;
	const char *sid = cl_align_heading_id(sb, &slen), *tid = cl_align_heading_id(tb, &tlen);
	if (!sid || tb->kind != CL_BLOCK_HEADING || has_id(doc, sid, slen))
		return;
	size_t src_at = sb->heading_id_at;
	if (tid) {
		size_t at = tb->heading_id_at;
		cl_check_report_pair(ctx, at, at + tlen, cl_sprintf("heading id {#%.*s} differs from the source's "
				     "{#%.*s}", (int)tlen, tid, (int)slen, sid), src_at);
	} else {
		cl_check_report_pair(ctx, t->start, t->end, cl_sprintf("this heading lacks the source's id {#%.*s}",
				     (int)slen, sid), src_at);
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	check_twice(ctx, doc);
	if (!ctx->translation)
		return 0;
	const cl_alignment *a = ctx->translation->alignment;
	for (size_t i = 0; i < a->count; i++)
		if (a->groups[i].s1 - a->groups[i].s0 == 1 && a->groups[i].t1 - a->groups[i].t0 == 1)
			compare(ctx, doc, &a->groups[i]);
	return 0;
}

const cl_rule cl_rule_heading_id = {
	.info = {
		.id = "heading-id",
		.summary = "A heading id used twice, or not the source's",
		.description = "Explicit heading ids ({#further-reading}) are link targets: an id used twice in "
			       "one page (any page), and, in a translation checked against its source, a heading "
			       "that lacks or changed the id of the source's heading it translates.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
