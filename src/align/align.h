/* Aligning a translation with its source, block by block, as a reviewer
 * reading them side by side would: the two skeletons (cl_item sequences)
 * matched by sequence alignment. Strong anchors first (items whose key is
 * unique on both sides: identical code, an explicit heading id, the same
 * link targets, the same digits), kept when they agree in order (a longest
 * increasing subsequence); then each gap between anchors by dynamic
 * programming on kinds and lengths (Gale-Church style), with one item
 * against two allowed, in a band around the diagonal so that the cost
 * stays linear in the gap's length. */
#ifndef CL_ALIGN_ALIGN_H
#define CL_ALIGN_ALIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "../parse/document.h"

/* Source items [s0, s1) correspond to translation items [t0, t1); one side
 * may be empty: an item missing in the translation, or one it added. */
typedef struct {
	size_t s0, s1, t0, t1;
} cl_align_group;

typedef struct cl_alignment {
	cl_align_group *groups;  /* in the order of both documents */
	size_t count, cap;
	/* Keys unique in each page and equal in both, and how many of them
	 * became anchors (in order, where the proportions put them). */
	size_t shared_keys, anchors;
} cl_alignment;

void cl_align_documents(cl_alignment *out, const cl_document *source, const cl_document *translation);
void cl_alignment_dispose(cl_alignment *alignment);
/* False when too little of the two pages corresponds (under 3 in 4 of the
 * blocks of the longer one, in pages of 8 blocks or more), or when the
 * items both pages share stand in another order (under 3 in 4 of 4 or more
 * shared keys kept as anchors): pages reordered or rewritten, such as
 * function lists that each language sorts by its own names, which block by
 * block comparison would only misreport. */
bool cl_alignment_comparable(const cl_alignment *a, const cl_document *source, const cl_document *translation);

/* Is item a heading of the section where translators credit themselves
 * (ÜBERSETZUNG, TRADUCTION, ПЕРЕВОД ...), which translations of man pages
 * add at the end? Alignment leaves such a last section out, as added. */
bool cl_align_credits_heading(const cl_document *doc, size_t item);
/* The item where the document's last section starts when it is the
 * translators' credits, else doc->nitems. */
size_t cl_align_credits_start(const cl_document *doc);

/* The explicit id of a heading ({#id}, which the parser keeps out of its
 * text; the id's source offset is block->heading_id_at), or NULL. */
const char *cl_align_heading_id(const cl_block *block, size_t *len);

#endif
