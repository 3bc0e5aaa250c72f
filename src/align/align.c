#include "align.h"

#include <stdlib.h>

#include "../util/alloc.h"
#include "align_internal.h"

static double prose_length(const cl_document *doc)
{
	double total = 0;
	for (size_t i = 0; i < doc->nblocks; i++)
		total += (double)doc->blocks[i].len;
	return total;
}

void cl_align_documents(cl_alignment *out, const cl_document *source, const cl_document *translation)
{
	size_t nanchors, s = 0, t = 0;
	double ls = prose_length(source), lt = prose_length(translation);
	double ratio = ls > 0 && lt > 0 ? lt / ls : 1.0;
	out->groups = NULL;
	out->count = out->cap = 0;
	cl_anchor *anchors = cl_align_anchors(source, translation, &nanchors, &out->shared_keys);
	out->anchors = nanchors;
	for (size_t k = 0; k < nanchors; k++) {
		cl_align_gap(out, source, translation, s, anchors[k].s, t, anchors[k].t, ratio);
		CL_GROW(out->groups, out->cap, out->count + 1);
		out->groups[out->count++] = (cl_align_group){ anchors[k].s, anchors[k].s + 1, anchors[k].t,
							      anchors[k].t + 1 };
		s = anchors[k].s + 1;
		t = anchors[k].t + 1;
	}
	size_t credits = cl_align_credits_start(translation);
	if (credits < t)
		credits = translation->nitems;
	cl_align_gap(out, source, translation, s, source->nitems, t, credits, ratio);
	if (credits < translation->nitems) {
		CL_GROW(out->groups, out->cap, out->count + 1);
		out->groups[out->count++] = (cl_align_group){ source->nitems, source->nitems, credits,
							      translation->nitems };
	}
	free(anchors);
}

bool cl_alignment_comparable(const cl_alignment *a, const cl_document *source, const cl_document *translation)
{
	size_t matched = 0, most = source->nitems > translation->nitems ? source->nitems : translation->nitems;
	for (size_t i = 0; i < a->count; i++)
		if (a->groups[i].s0 < a->groups[i].s1 && a->groups[i].t0 < a->groups[i].t1)
			matched += a->groups[i].t1 - a->groups[i].t0;
	if (a->shared_keys >= 4 && (double)a->anchors < 0.75 * (double)a->shared_keys)
		return false;
	return most < 8 || (double)matched >= 0.75 * (double)most;
}

void cl_alignment_dispose(cl_alignment *alignment)
{
	free(alignment->groups);
	alignment->groups = NULL;
	alignment->count = alignment->cap = 0;
	alignment->shared_keys = alignment->anchors = 0;
}
