#ifndef CL_ALIGN_INTERNAL_H
#define CL_ALIGN_INTERNAL_H

#include "align.h"

/* The anchor key of item index (owned), or NULL when it has none;
 * first_link: the document's first link of the item's block. */
char *cl_align_item_key(const cl_document *doc, size_t index, size_t first_link);

/* Anchors: pairs (source item, translation item) in order on both sides;
 * *count of them, owned by the caller; *shared: the keys unique in each
 * page and equal in both, anchors or not. */
typedef struct {
	size_t s, t;
} cl_anchor;
cl_anchor *cl_align_anchors(const cl_document *source, const cl_document *translation, size_t *count,
			    size_t *shared);

/* Aligns source items [s0, s1) with translation items [t0, t1), appending groups. */
void cl_align_gap(cl_alignment *out, const cl_document *source, const cl_document *translation,
		  size_t s0, size_t s1, size_t t0, size_t t1, double ratio);

#endif
