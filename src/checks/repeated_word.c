/* repeated-word: the same word twice in a row ("the the", "und und"),
 * case-insensitive, across a line break too, within one block. Words come
 * from ICU word boundaries, so combining marks stay inside their word.
 * Only words separated by white space count: scripts written without
 * spaces (Chinese, Japanese) reduplicate on purpose. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../text/normalize.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "rule.h"

typedef struct {
	const char *lang;
	const char *word;
} repeat_ok;

static const repeat_ok builtin_exceptions[] = {
#define REPEAT_OK(lang, word) { lang, word },
#include "repeated_word.def"
#undef REPEAT_OK
};

static const cl_option_spec options[] = {
	{ "exceptions", CL_OPTION_LIST },
	{ NULL, 0 },
};

static const char *const option_names[] = { "exceptions", NULL };

typedef struct {
	size_t start, end;
} word_span;

static bool only_white_space(const char *s, size_t start, size_t end)
{
	if (start >= end)
		return false;
	for (size_t i = start; i < end; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

static bool same_word(const char *text, word_span a, word_span b, cl_buf *ka, cl_buf *kb)
{
	size_t la = a.end - a.start, lb = b.end - b.start;
	if (la == lb && !strncasecmp(text + a.start, text + b.start, la))
		return true;
	if (cl_utf8_is_ascii(text + a.start, la) && cl_utf8_is_ascii(text + b.start, lb))
		return false;  /* their keys are their lower case: they differ */
	if (cl_text_key(ka, text + a.start, la) < 0 || cl_text_key(kb, text + b.start, lb) < 0)
		return false;
	return ka->size == kb->size && !memcmp(ka->ptr, kb->ptr, ka->size);
}

/* "Cygnus cygnus": a capitalised word then the same in lower case, inside
 * a sentence, is a Latin binomial (a tautonym), not a typo. */
static bool is_tautonym(const char *text, word_span a, word_span b)
{
	unsigned char first = (unsigned char)text[a.start], second = (unsigned char)text[b.start];
	if (!(first >= 'A' && first <= 'Z') || !(second >= 'a' && second <= 'z') || a.end - a.start < 4)
		return false;
	size_t i = a.start;
	while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '*' || text[i - 1] == '_'))
		i--;
	return i > 0 && !strchr(".!?:", text[i - 1]);
}

static bool is_exception(const cl_check_ctx *ctx, const char *key, size_t len)
{
	char lang[16];
	cl_check_language(ctx, lang, sizeof(lang));
	for (size_t i = 0; i < sizeof(builtin_exceptions) / sizeof(builtin_exceptions[0]); i++)
		if (!strcmp(builtin_exceptions[i].lang, lang) &&
		    strlen(builtin_exceptions[i].word) == len && !memcmp(builtin_exceptions[i].word, key, len))
			return true;
	const cl_option_value *extra = cl_check_option(ctx, "exceptions");
	for (size_t i = 0; extra && i < extra->count; i++)
		if (strlen(extra->values[i]) == len && !strncasecmp(extra->values[i], key, len))
			return true;
	return false;
}

static void report(cl_check_ctx *ctx, const cl_block *block, word_span prev, word_span word)
{
	char *shown = cl_utf8_sanitize(block->text + word.start, word.end - word.start);
	cl_finding *f = cl_check_report(ctx, cl_block_source_start(block, word.start),
					cl_block_source_end(block, word.end),
					cl_sprintf("word “%s” is repeated", shown));
	/* Deleting the white space and the second copy keeps the first as written. */
	cl_finding_set_fix(f, cl_block_source_end(block, prev.end), cl_block_source_end(block, word.end), "");
	free(shown);
}

static int check_block(cl_check_ctx *ctx, const cl_block *block, cl_buf *ka, cl_buf *kb)
{
	cl_breaks it;
	size_t start, end;
	cl_word_kind kind;
	word_span prev = { 0, 0 };
	bool have_prev = false;
	int error = cl_breaks_open(&it, ctx->seg, CL_BREAK_WORD, ctx->locale, block->text, block->len);
	if (error < 0)
		return error;
	while (cl_breaks_next(&it, &start, &end, &kind)) {
		if (kind == CL_WORD_NONE && only_white_space(block->text, start, end))
			continue;  /* the gap between two words keeps prev */
		word_span word = { start, end };
		bool is_word = kind == CL_WORD_LETTER && !cl_block_in_span(block, start, end);
		if (is_word && have_prev && only_white_space(block->text, prev.end, word.start) &&
		    same_word(block->text, prev, word, ka, kb) &&
		    !is_exception(ctx, ka->size ? ka->ptr : block->text + word.start,
				  ka->size ? ka->size : word.end - word.start) &&
		    !is_tautonym(block->text, prev, word))
			report(ctx, block, prev, word);
		cl_buf_clear(ka);
		prev = word;
		have_prev = is_word;
	}
	cl_breaks_close(&it);
	return 0;
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_buf ka = CL_BUF_INIT, kb = CL_BUF_INIT;
	int error = 0;
	for (size_t b = 0; b < doc->nblocks && !error; b++)
		error = check_block(ctx, &doc->blocks[b], &ka, &kb);
	cl_buf_dispose(&ka);
	cl_buf_dispose(&kb);
	return error;
}

const cl_rule cl_rule_repeated_word = {
	.info = {
		.id = "repeated-word",
		.summary = "The same word twice in a row",
		.description = "A word immediately repeated (\"the the\", \"und und\", \"v v\"), "
			       "ignoring case, also across a line break. Grammatical doublings "
			       "are exceptions per language (French \"vous vous\", German \"die "
			       "die\", English \"had had\", Turkish reduplication, Latin binomials "
			       "such as \"Cygnus cygnus\"); add your own with the `exceptions` "
			       "option. The fix deletes the second word.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
		.option_names = option_names,
	},
	.options = options,
	.check = check,
};
