/* duplicate-sentence: a sentence (ICU sentence boundaries, five words or
 * more) that appears again later in the document. Sentences inside a
 * repeated paragraph are left to duplicate-paragraph. */
#include <stdlib.h>

#include "../text/normalize.h"
#include "../util/alloc.h"
#include "../util/keyset.h"
#include "dupkeys.h"

typedef struct {
	size_t block;
	size_t at;  /* block text offset of the first copy */
} first_sentence;

typedef struct {
	cl_keyset seen;     /* key -> index into firsts */
	first_sentence *firsts;
	size_t nfirsts, firsts_cap;
	cl_buf key;
} sentence_index;

static void check_sentence(cl_check_ctx *ctx, const cl_document *doc, sentence_index *idx,
			   size_t b, size_t start, size_t end)
{
	const cl_block *block = &doc->blocks[b];
	cl_dup_trim(block->text, &start, &end);
	if (cl_dup_count_words(block->text + start, end - start) < CL_DUP_MIN_WORDS)
		return;
	if (cl_text_key(&idx->key, block->text + start, end - start) < 0)
		return;
	size_t earlier;
	if (!cl_keyset_put(&idx->seen, idx->key.ptr, idx->key.size, idx->nfirsts, &earlier)) {
		CL_GROW(idx->firsts, idx->firsts_cap, idx->nfirsts + 1);
		idx->firsts[idx->nfirsts++] = (first_sentence){ b, start };
		return;
	}
	const first_sentence *first = &idx->firsts[earlier];
	char *quote = cl_dup_quote(block->text + start, end - start);
	cl_finding *f = cl_check_report(ctx, cl_block_source_start(block, start),
					cl_block_source_end(block, end),
					cl_sprintf("sentence %s repeats an earlier sentence", quote));
	cl_finding_set_related(f, cl_block_source_start(&doc->blocks[first->block], first->at));
	free(quote);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	sentence_index idx = { CL_KEYSET_INIT, NULL, 0, 0, CL_BUF_INIT };
	long *paragraph_copy = cl_dup_paragraph_copies(doc);
	int error = 0;
	for (size_t b = 0; b < doc->nblocks && !error; b++) {
		const cl_block *block = &doc->blocks[b];
		if (!cl_dup_is_body_block(block) || paragraph_copy[b] >= 0)
			continue;
		cl_breaks it;
		size_t start, end;
		if ((error = cl_breaks_open(&it, ctx->seg, CL_BREAK_SENTENCE, ctx->locale,
					    block->text, block->len)) < 0)
			break;
		while (cl_breaks_next(&it, &start, &end, NULL))
			check_sentence(ctx, doc, &idx, b, start, end);
		cl_breaks_close(&it);
	}
	free(paragraph_copy);
	free(idx.firsts);
	cl_keyset_dispose(&idx.seen);
	cl_buf_dispose(&idx.key);
	return error;
}

const cl_rule cl_rule_duplicate_sentence = {
	.info = {
		.id = "duplicate-sentence",
		.summary = "A sentence that repeats an earlier one",
		.description = "A sentence of five words or more that appears again later in the "
			       "document, compared after Unicode normalisation, case folding and "
			       "folding of white space and quotes. Sentence boundaries follow the "
			       "document's language (ICU).",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
