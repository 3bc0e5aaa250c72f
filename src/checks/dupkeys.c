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

/* Marks that end a sentence or a lead-in; a pilcrow (¶, a permalink) is
 * skipped before them. */
static const char *const final_marks[] = {
	".", "!", "?", ":", ";", "\xE2\x80\xA6", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9A",
	"\xE0\xA5\xA4", "\xDB\x94",
};

static bool ends_with(const char *text, size_t len, const char *tail)
{
	size_t n = strlen(tail);
	return len >= n && !memcmp(text + len - n, tail, n);
}

/* Does text[start, end) (a pilcrow, a permalink, and emphasis marks
 * dropped) end with a final mark? */
static bool ends_final(const char *text, size_t start, size_t end)
{
	for (bool again = true; again;) {
		cl_dup_trim(text, &start, &end);
		again = false;
		if (ends_with(text + start, end - start, "\xC2\xB6")) {
			end -= 2;
			again = true;
		} else if (end > start && (text[end - 1] == '*' || text[end - 1] == '_')) {
			end--;
			again = true;
		}
	}
	for (size_t k = 0; k < sizeof(final_marks) / sizeof(final_marks[0]); k++)
		if (ends_with(text + start, end - start, final_marks[k]))
			return true;
	return end == start;
}

/* The first source line of a block, when a hard break ends it (two spaces
 * or a backslash): the term of a man page's definition, `**EPERM**  `. */
static bool hard_break_term(const cl_document *doc, const cl_block *block)
{
	size_t start = cl_block_source_start(block, 0), end = start;
	while (end < doc->len && doc->data[end] != '\n')
		end++;
	size_t line = end;
	if (line > start && doc->data[line - 1] == '\r')
		line--;
	bool hard = (line >= start + 2 && doc->data[line - 1] == ' ' && doc->data[line - 2] == ' ') ||
		    (line > start && doc->data[line - 1] == '\\');
	return hard && end < block->len + start && cl_dup_count_words(doc->data + start, line - start) <= CL_DUP_TERM_WORDS &&
	       !ends_final(doc->data, start, line - (doc->data[line - 1] == '\\'));
}

/* A short paragraph without a final mark names what follows, as a
 * definition's term does (`ssl_key_file` (`string`), `ndim`; code does not
 * count as words): it opens a section as a heading does. So do a block
 * whose first line is such a term, ended by a hard break, and a list item
 * that ends with a colon. */
static bool is_term(const cl_document *doc, const cl_block *block)
{
	if (block->kind != CL_BLOCK_PARAGRAPH && block->kind != CL_BLOCK_QUOTE && block->kind != CL_BLOCK_LIST_ITEM)
		return false;
	if (block->kind == CL_BLOCK_PARAGRAPH && cl_dup_prose_words(block, 0, block->len) <= CL_DUP_TERM_WORDS &&
	    !ends_final(block->text, 0, block->len))
		return true;
	size_t start = 0, end = block->len;
	cl_dup_trim(block->text, &start, &end);
	if (block->kind == CL_BLOCK_LIST_ITEM && end > start && block->text[end - 1] == ':')
		return true;  /* "stdin can be any of these:" owns the list under it */
	return hard_break_term(doc, block);
}

size_t *cl_dup_sections(const cl_document *doc)
{
	size_t *section = cl_malloc((doc->nblocks ? doc->nblocks : 1) * sizeof(size_t));
	size_t open = (size_t)-1;
	for (size_t i = 0; i < doc->nblocks; i++) {
		if (doc->blocks[i].kind == CL_BLOCK_HEADING || is_term(doc, &doc->blocks[i]))
			open = i;
		section[i] = open;
	}
	return section;
}

bool cl_dup_near(const size_t *sections, size_t earlier, size_t later, size_t apart, size_t words)
{
	if (sections[earlier] != sections[later])
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
	size_t *sections = cl_dup_sections(doc);
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
		if (cl_dup_near(sections, latest[slot], i, i - latest[slot], words))
			copy[i] = (long)latest[slot];
		latest[slot] = i;
	}
	free(latest);
	free(sections);
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
