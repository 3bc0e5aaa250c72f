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

bool cl_dup_is_body_block(const cl_block *block)
{
	return block->kind != CL_BLOCK_HEADING && block->kind != CL_BLOCK_FIELD;
}

long *cl_dup_paragraph_copies(const cl_document *doc)
{
	long *first_copy = cl_malloc((doc->nblocks ? doc->nblocks : 1) * sizeof(long));
	cl_keyset seen = CL_KEYSET_INIT;
	cl_buf key = CL_BUF_INIT;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const cl_block *block = &doc->blocks[i];
		first_copy[i] = -1;
		if (!cl_dup_is_body_block(block) ||
		    cl_dup_count_words(block->text, block->len) < CL_DUP_MIN_WORDS)
			continue;
		if (cl_text_key(&key, block->text, block->len) < 0)
			continue;
		size_t earlier;
		if (cl_keyset_put(&seen, key.ptr, key.size, i, &earlier))
			first_copy[i] = (long)earlier;
	}
	cl_buf_dispose(&key);
	cl_keyset_dispose(&seen);
	return first_copy;
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
