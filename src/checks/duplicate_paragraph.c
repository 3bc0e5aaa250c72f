/* duplicate-paragraph: a whole paragraph (or list item, quote) that repeats
 * an earlier one in the same section, compared after normalisation
 * (dupkeys.h says when). */
#include <stdlib.h>

#include "../util/alloc.h"
#include "dupkeys.h"

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	long *first_copy = cl_dup_paragraph_copies(doc);
	for (size_t i = 0; i < doc->nblocks; i++) {
		if (first_copy[i] < 0)
			continue;
		const cl_block *block = &doc->blocks[i];
		const cl_block *first = &doc->blocks[first_copy[i]];
		size_t start = 0, end = block->len, fstart = 0, fend = first->len;
		cl_dup_trim(block->text, &start, &end);
		cl_dup_trim(first->text, &fstart, &fend);
		char *quote = cl_dup_quote(block->text + start, end - start);
		cl_finding *f = cl_check_report(ctx, cl_block_source_start(block, start),
						cl_block_source_end(block, end),
						cl_sprintf("paragraph %s repeats an earlier paragraph", quote));
		cl_finding_set_related(f, cl_block_source_start(first, fstart));
		free(quote);
	}
	free(first_copy);
	return 0;
}

const cl_rule cl_rule_duplicate_paragraph = {
	.info = {
		.id = "duplicate-paragraph",
		.summary = "A paragraph that repeats an earlier one",
		.description = "A paragraph, list item or quote of five words or more whose text "
			       "(after Unicode normalisation, case folding and folding of white "
			       "space and quotes) is the same as an earlier one in the same section "
			       "(no heading between): typically a copy-paste or a "
			       "machine-translation pipeline that emitted a segment twice. One of "
			       "fewer than eight words counts only within three blocks of its "
			       "earlier copy; table cells are not compared.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
