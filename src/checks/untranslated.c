/* untranslated: a paragraph (list item, quote, cell, heading) written in
 * another language than the document's, the usual trace of a translation
 * that skipped a paragraph or of a machine translation that gave up. One
 * finding per block instead of a misspelling per word: the spelling rule
 * leaves such blocks alone. Languages are told apart by their function
 * words (langid.def), so only those languages are judged; the core marks
 * the blocks (block->foreign) once for this rule and spelling. */
#include "../util/alloc.h"
#include "dupkeys.h"
#include "langid.h"
#include "rule.h"

/* What the finding calls the block, by cl_block_kind. */
static const char *const block_names[] = {
	"heading", "paragraph", "list item", "quote", "table cell", "front-matter value", "image description",
};

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	if (!cl_langid_knows(ctx->lang))
		return 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const cl_block *block = &doc->blocks[i];
		cl_langid_guess guess;
		if (!block->foreign || !cl_langid_foreign(block, ctx->lang, &guess))
			continue;
		size_t start = 0, end = block->len;
		cl_dup_trim(block->text, &start, &end);
		cl_check_report(ctx, cl_block_source_start(block, start), cl_block_source_end(block, end),
				cl_sprintf("%s in %s, not %s: left untranslated? (%zu of its %zu words are "
					   "%s function words)",
					   block_names[block->kind], guess.name,
					   cl_langid_name(ctx->lang), guess.hits, guess.words, guess.name));
	}
	return 0;
}

const cl_rule cl_rule_untranslated = {
	.info = {
		.id = "untranslated",
		.summary = "A paragraph in another language than the document's",
		.description = "Finds blocks of prose (paragraphs, list items, quotes, cells, headings) "
			       "of at least 8 words that are written in another language "
			       "than the document's, judged by their function words (\"the\", \"und\", "
			       "\"že\"): a paragraph a translation skipped. Knows English, Czech, German, "
			       "French, Spanish, Italian, Portuguese, Dutch, Polish and Russian. The "
			       "spelling rule does not check such blocks word by word.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
