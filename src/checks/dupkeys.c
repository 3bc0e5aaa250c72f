#include "dupkeys.h"

#include <stdlib.h>
#include <string.h>

#include "../text/normalize.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/keyset.h"

#define QUOTE_MAX_CHARS 60

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t cl_dup_count_words(const char *s, size_t len)
{
	size_t words = 0;
	bool in_word = false, counted = false;
	for (size_t i = 0; i < len; i++) {
		if (is_space(s[i])) {
			in_word = false;
			continue;
		}
		if (!in_word)
			counted = false;
		in_word = true;
		unsigned char c = (unsigned char)s[i];
		/* a letter, a digit, or any non-ASCII byte (letters of other scripts) */
		if (!counted && (c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u)) {
			words++;
			counted = true;
		}
	}
	return words;
}

void cl_dup_trim(const char *text, size_t *start, size_t *end)
{
	while (*start < *end && is_space(text[*start]))
		(*start)++;
	while (*end > *start && is_space(text[*end - 1]))
		(*end)--;
}

size_t cl_dup_prose_words(const cl_block *block, size_t start, size_t end)
{
	size_t words = 0, at = start;
	for (size_t k = 0; k < block->nspans && at < end; k++) {
		const cl_span *span = &block->spans[k];
		if (span->end <= at)
			continue;
		if (span->start > at)
			words += cl_dup_count_words(block->text + at, (span->start < end ? span->start : end) - at);
		at = span->end;
	}
	if (at < end)
		words += cl_dup_count_words(block->text + at, end - at);
	return words;
}

static bool is_comment(const cl_block *block, const cl_span *span)
{
	const char *s = block->text + span->start;
	size_t len = span->end - span->start;
	return (span->kind == CL_SPAN_HTML && len >= 4 && !memcmp(s, "<!--", 4)) ||
	       (span->kind == CL_SPAN_MARKUP && len >= 3 && !memcmp(s, "{/*", 3));
}

int cl_dup_key(cl_buf *key, cl_buf *scratch, const cl_block *block, size_t start, size_t end)
{
	size_t at = start;
	cl_buf_clear(scratch);
	for (size_t k = 0; k < block->nspans; k++) {
		const cl_span *span = &block->spans[k];
		if (span->end <= at || span->start >= end || !is_comment(block, span))
			continue;
		cl_buf_put(scratch, block->text + at, span->start > at ? span->start - at : 0);
		cl_buf_putc(scratch, ' ');
		at = span->end < end ? span->end : end;
	}
	if (at == start)
		return cl_text_key(key, block->text + start, end - start);
	cl_buf_put(scratch, block->text + at, end - at);
	return cl_text_key(key, scratch->ptr, scratch->size);
}

bool cl_dup_near(const cl_block *earlier, const cl_block *later, size_t apart, size_t words)
{
	if (earlier->parent != later->parent)
		return false;
	return words >= CL_DUP_LONG_WORDS || apart <= CL_DUP_NEAR;
}

bool cl_dup_is_body_block(const cl_block *block)
{
	return block->kind == CL_BLOCK_PARAGRAPH || block->kind == CL_BLOCK_LIST_ITEM ||
	       block->kind == CL_BLOCK_QUOTE;
}

long *cl_dup_paragraph_copies(const cl_document *doc)
{
	long *copy = cl_malloc((doc->nblocks ? doc->nblocks : 1) * sizeof(long));
	size_t *latest = cl_malloc((doc->nblocks ? doc->nblocks : 1) * sizeof(size_t));
	size_t nlatest = 0;
	cl_keyset seen = CL_KEYSET_INIT;
	cl_buf key = CL_BUF_INIT, scratch = CL_BUF_INIT;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const cl_block *block = &doc->blocks[i];
		size_t words = 0, slot;
		copy[i] = -1;
		if (!cl_dup_is_body_block(block) ||
		    (words = cl_dup_prose_words(block, 0, block->len)) < CL_DUP_MIN_WORDS ||
		    cl_dup_key(&key, &scratch, block, 0, block->len) < 0)
			continue;
		if (!cl_keyset_put(&seen, key.ptr, key.size, nlatest, &slot)) {
			latest[nlatest++] = i;
			continue;
		}
		if (cl_dup_near(&doc->blocks[latest[slot]], block, i - latest[slot], words))
			copy[i] = (long)latest[slot];
		latest[slot] = i;
	}
	free(latest);
	cl_buf_dispose(&key);
	cl_buf_dispose(&scratch);
	cl_keyset_dispose(&seen);
	return copy;
}

char *cl_dup_quote(const char *text, size_t len)
{
	size_t cut = 0, chars = 0;
	while (cut < len && chars < QUOTE_MAX_CHARS) {
		uint32_t cp;
		bool valid;
		cut += cl_utf8_decode(text + cut, len - cut, &cp, &valid);
		chars++;
	}
	char *safe = cl_utf8_sanitize(text, cut);
	char *out = cl_sprintf("“%s%s”", safe, cut < len ? "…" : "");
	free(safe);
	return out;
}
