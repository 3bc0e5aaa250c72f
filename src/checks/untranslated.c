/* untranslated: a paragraph (list item, quote, cell, heading) written in
 * another language than the document's, the usual trace of a translation
 * that skipped a paragraph or of a machine translation that gave up. One
 * finding per block instead of a misspelling per word: the spelling rule
 * leaves such blocks alone. Languages are told apart by their function
 * words (langid.def), so only those languages are judged; the core marks
 * the blocks (block->foreign) once for this rule and spelling. */
#include <string.h>
#include <strings.h>

#include "../align/align.h"
#include "../util/alloc.h"
#include "dupkeys.h"
#include "langid.h"
#include "rule.h"

/* What the finding calls the block, by cl_block_kind. */
static const char *const block_names[] = {
	"heading", "paragraph", "list item", "quote", "table cell", "front-matter value", "image description",
};

/* Prose words starting lower-case (not in code, URLs or HTML): a line of
 * only names (capitalised), numbers and code has none, and is the same in
 * every language. */
static size_t common_words(const cl_block *b)
{
	const char *s = b->text;
	size_t n = 0, len = b->len;
	for (size_t i = 0; i < len;) {
		while (i < len && (s[i] == ' ' || s[i] == '\n'))
			i++;
		size_t start = i, lower = 0;
		while (i < len && s[i] != ' ' && s[i] != '\n')
			lower += s[i] >= 'a' && s[i] <= 'z', i++;
		n += i > start && lower && s[start] >= 'a' && s[start] <= 'z' && !memchr(s + start, '_', i - start) &&
		     !memchr(s + start, '/', i - start) && !cl_block_in_span(b, start, i);
	}
	return n;
}

/* A prose block identical to the source block it is aligned with, in a
 * translation into another language: left in the source language. */
static void check_copies(cl_check_ctx *ctx, const cl_document *doc)
{
	const cl_translation *tr = ctx->translation;
	size_t pa = strcspn(ctx->lang, "-_"), pb = strcspn(tr->source_lang, "-_");
	if (pa == pb && !strncasecmp(ctx->lang, tr->source_lang, pa))
		return;
	for (size_t g = 0; g < tr->alignment->count; g++) {
		const cl_align_group *grp = &tr->alignment->groups[g];
		if (grp->s1 - grp->s0 != 1 || grp->t1 - grp->t0 != 1)
			continue;
		long sb = tr->source->items[grp->s0].block, tb = doc->items[grp->t0].block;
		if (sb < 0 || tb < 0 || doc->items[grp->t0].kind != CL_ITEM_PROSE)
			continue;
		const cl_block *s = &tr->source->blocks[sb], *t = &doc->blocks[tb];
		if (t->foreign || s->len != t->len || memcmp(s->text, t->text, s->len) || common_words(t) < 4)
			continue;
		size_t start = 0, end = t->len;
		cl_dup_trim(t->text, &start, &end);
		cl_check_report_pair(ctx, cl_block_source_start(t, start), cl_block_source_end(t, end),
				     cl_sprintf("%s identical to the source's: left untranslated?", block_names[t->kind]),
				     cl_block_source_start(s, 0));
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	if (ctx->translation)
		check_copies(ctx, doc);
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
			       "spelling rule does not check such blocks word by word. In a translation checked against "
			       "its source, also a block identical to the source block it is aligned with (4 or more "
			       "lower-case words: lines of names, numbers and code do not count).",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
