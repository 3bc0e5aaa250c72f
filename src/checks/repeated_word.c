/* repeated-word: the same word twice in a row ("the the", "und und"),
 * case-insensitive, across a line break too, within one block. Words come
 * from ICU word boundaries, so combining marks stay inside their word.
 * Only words separated by white space count: scripts written without
 * spaces (Chinese, Japanese) reduplicate on purpose. A word then a
 * compound that starts with it ("segunda segunda-feira", "что что-то")
 * and a doubled word that is a whole quotation ("inconnues inconnues",
 * a term) are not doublings. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

#include "../text/normalize.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "rule.h"

typedef struct {
	const char *lang;
	const char *word;  /* NULL: every word */
} repeat_ok;

static const repeat_ok builtin_exceptions[] = {
#define REPEAT_OK(lang, word) { lang, word },
#define REPEAT_ANY(lang) { lang, NULL },
#include "repeated_word.def"
#undef REPEAT_ANY
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
	/* "A a B" (Czech: A and B): single letters must match in case. */
	if (la == 1 && lb == 1)
		return text[a.start] == text[b.start];
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

/* Is the listed word the doubled one (key: its comparison key, or the
 * word itself when it is ASCII)? scratch holds the listed word's key. */
static bool listed(const char *word, const char *key, size_t len, cl_buf *scratch)
{
	size_t n = strlen(word);
	if (cl_utf8_is_ascii(word, n))
		return n == len && !strncasecmp(word, key, len);
	cl_buf_clear(scratch);
	return cl_text_key(scratch, word, n) >= 0 && scratch->size == len && !memcmp(scratch->ptr, key, len);
}

static bool is_exception(const cl_check_ctx *ctx, const char *key, size_t len, cl_buf *scratch)
{
	char lang[16];
	cl_check_language(ctx, lang, sizeof(lang));
	for (size_t i = 0; i < sizeof(builtin_exceptions) / sizeof(builtin_exceptions[0]); i++)
		if (!strcmp(builtin_exceptions[i].lang, lang) &&
		    (!builtin_exceptions[i].word || listed(builtin_exceptions[i].word, key, len, scratch)))
			return true;
	const cl_option_value *extra = cl_check_option(ctx, "exceptions");
	for (size_t i = 0; extra && i < extra->count; i++)
		if (strlen(extra->values[i]) == len && !strncasecmp(extra->values[i], key, len))
			return true;
	return false;
}

/* The code point at text[at] (0 at the end), its length in *size. */
static uint32_t cp_at(const char *text, size_t len, size_t at, size_t *size)
{
	uint32_t cp = 0;
	bool valid;
	*size = at < len ? cl_utf8_decode(text + at, len - at, &cp, &valid) : 0;
	return cp;
}

static bool is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* "--table-name name", "--pid pid": the first word ends a hyphenated
 * compound or an option, the second names its argument. */
static bool ends_compound(const cl_block *block, word_span prev)
{
	return prev.start > 0 && block->text[prev.start - 1] == '-';
}

/* Is the word set in emphasis in the source (`_address_`, `*name*`)? */
static bool emphasised(const cl_document *doc, const cl_block *block, word_span w)
{
	size_t start = cl_block_source_start(block, w.start), end = cl_block_source_end(block, w.end);
	return start > 0 && end < doc->len && strchr("*_", doc->data[start - 1]) && doc->data[end] == doc->data[start - 1];
}

/* "segunda segunda-feira": the second word starts a hyphenated compound. */
static bool starts_compound(const cl_block *block, word_span word)
{
	size_t size, next;
	if (!is_hyphen(cp_at(block->text, block->len, word.end, &size)))
		return false;
	return u_isalpha((UChar32)cp_at(block->text, block->len, word.end + size, &next));
}

/* The length of the space or no-break space (U+00A0, U+202F) that ends
 * (back) or starts at text[at], or 0. */
static size_t space_at(const char *text, size_t len, size_t at, bool back)
{
	static const char *const spaces[] = { " ", "\xC2\xA0", "\xE2\x80\xAF" };
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(spaces[i]);
		if (back ? at >= n && !memcmp(text + at - n, spaces[i], n) : at + n <= len && !memcmp(text + at, spaces[i], n))
			return n;
	}
	return 0;
}

static bool opens_quote(uint32_t cp)
{
	return cp == '"' || cp == 0xAB || cp == 0x201E || u_charType((UChar32)cp) == U_INITIAL_PUNCTUATION;
}

static bool closes_quote(uint32_t cp)
{
	return cp == '"' || cp == 0xBB || cp == 0x201C || u_charType((UChar32)cp) == U_FINAL_PUNCTUATION;
}

/* "inconnues inconnues" (unknown unknowns), « inconnues inconnues »: the
 * doubled word is the whole quotation, a term quoted as such. */
static bool is_quoted_term(const cl_block *block, word_span prev, word_span word)
{
	const char *text = block->text;
	size_t start = prev.start, end = word.end, n, size;
	while ((n = space_at(text, block->len, start, true)) > 0)
		start -= n;
	while ((n = space_at(text, block->len, end, false)) > 0)
		end += n;
	if (start == 0 || end >= block->len)
		return false;
	do
		start--;
	while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80);
	return opens_quote(cp_at(text, block->len, start, &size)) && closes_quote(cp_at(text, block->len, end, &size));
}

/* A Markdown hard line break (two spaces or a backslash before the line
 * end) between the words: a definition's term and its text, an address,
 * lines set apart on purpose. */
static bool hard_break_between(const cl_document *doc, const cl_block *block, word_span prev, word_span word)
{
	size_t from = cl_block_source_end(block, prev.end), to = cl_block_source_start(block, word.start);
	const char *nl = from < to && to <= doc->len ? memchr(doc->data + from, '\n', to - from) : NULL;
	if (!nl)
		return false;
	size_t at = (size_t)(nl - doc->data);
	if (at > from && doc->data[at - 1] == '\r')
		at--;
	return (at > from && doc->data[at - 1] == '\\') ||
	       (at >= from + 2 && doc->data[at - 1] == ' ' && doc->data[at - 2] == ' ');
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

static int check_block(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, cl_buf *ka, cl_buf *kb)
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
				  ka->size ? ka->size : word.end - word.start, kb) &&
		    !is_tautonym(block->text, prev, word) && !starts_compound(block, word) &&
		    !ends_compound(block, prev) && !is_quoted_term(block, prev, word) &&
		    !hard_break_between(doc, block, prev, word) &&
		    emphasised(doc, block, prev) == emphasised(doc, block, word))
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
		error = check_block(ctx, doc, &doc->blocks[b], &ka, &kb);
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
			       "die\", English \"had had\", the common reduplications of Turkish, "
			       "Bengali, Hindi and Urdu such as \"ayrı ayrı\", Latin binomials such as "
			       "\"Cygnus cygnus\"); Vietnamese, which spaces syllables, is not checked. "
			       "A word then a compound starting with it (\"segunda segunda-feira\") "
			       "and a quoted term (\"inconnues inconnues\") pass. Add your own with "
			       "the `exceptions` option. The fix deletes the second word.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
		.option_names = option_names,
	},
	.options = options,
	.check = check,
};
