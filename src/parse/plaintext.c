/* Plain text has no markup, so its structure is inferred from layout:
 * blank lines separate paragraphs; a lone short line without sentence-final
 * punctuation is a heading; a line that begins with an ordinal or a bullet
 * is a list item. Soft line breaks inside a paragraph become one space in
 * the block text (so ICU does not end a sentence there). */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "parse.h"

#define HEADING_MAX_WORDS 15

typedef struct {
	size_t start, end;  /* content, without the terminator */
	size_t next;        /* first byte of the following line */
} line_span;

static line_span next_line(const char *data, size_t len, size_t at)
{
	line_span line = { at, at, at };
	size_t i = at;
	while (i < len && data[i] != '\n' && data[i] != '\r')
		i++;
	line.end = i;
	if (i < len && data[i] == '\r')
		i++;
	if (i < len && data[i] == '\n' && (i == line.end || data[i - 1] == '\r'))
		i++;
	line.next = i;
	return line;
}

static bool is_blank(const char *data, line_span line)
{
	for (size_t i = line.start; i < line.end; i++)
		if (!isspace((unsigned char)data[i]))
			return false;
	return true;
}

static size_t skip_spaces(const char *s, size_t i, size_t end)
{
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A dash used as an ordinal separator: - – — */
static size_t dash_len(const char *s, size_t i, size_t end)
{
	if (i < end && s[i] == '-')
		return 1;
	if (i + 3 <= end && (!memcmp(s + i, "\xE2\x80\x93", 3) || !memcmp(s + i, "\xE2\x80\x94", 3)))
		return 3;
	return 0;
}

/* `01 – `, `1. `, `1) `, `- `, `* `, `• `, `– ` */
static bool starts_list_item(const char *s, line_span line)
{
	size_t i = skip_spaces(s, line.start, line.end), digits = 0;
	while (i + digits < line.end && isdigit((unsigned char)s[i + digits]) && digits < 4)
		digits++;
	if (digits) {
		size_t j = i + digits;
		if (j < line.end && (s[j] == '.' || s[j] == ')'))
			return j + 1 < line.end && s[j + 1] == ' ';
		j = skip_spaces(s, j, line.end);
		size_t d = dash_len(s, j, line.end);
		return d && j > i + digits && j + d < line.end && s[j + d] == ' ';
	}
	size_t bullet = dash_len(s, i, line.end);
	if (!bullet && i < line.end && s[i] == '*')
		bullet = 1;
	if (!bullet && i + 3 <= line.end && !memcmp(s + i, "\xE2\x80\xA2", 3))
		bullet = 3;
	return bullet && i + bullet < line.end && s[i + bullet] == ' ';
}

static size_t count_words(const char *s, line_span line)
{
	size_t words = 0;
	bool in_word = false;
	for (size_t i = line.start; i < line.end; i++) {
		bool space = s[i] == ' ' || s[i] == '\t';
		if (!space && !in_word)
			words++;
		in_word = !space;
	}
	return words;
}

static bool ends_sentence(const char *s, line_span line)
{
	size_t end = line.end;
	while (end > line.start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end == line.start)
		return false;
	char last = s[end - 1];
	if (strchr(".!?:;,", last))
		return true;
	return end - line.start >= 3 && !memcmp(s + end - 3, "\xE2\x80\xA6", 3);  /* … */
}

static void append_line(cl_block *block, const char *data, line_span line)
{
	if (block->len)  /* the soft break before this line */
		cl_block_append(block, " ", 1, line.start, 0);
	cl_block_append(block, data + line.start, line.end - line.start, line.start, line.end - line.start);
}

/* Emits the paragraph made of lines[0..n). */
static void emit_group(cl_document *doc, const line_span *lines, size_t n,
		       int *headings_seen)
{
	const char *s = doc->data;
	cl_block *block = NULL;
	if (n == 1 && !starts_list_item(s, lines[0]) && !ends_sentence(s, lines[0]) &&
	    count_words(s, lines[0]) <= HEADING_MAX_WORDS) {
		/* The first heading is the title; the rest are its sections. */
		block = cl_document_add_block(doc, CL_BLOCK_HEADING, (*headings_seen)++ ? 2 : 1);
		append_line(block, s, lines[0]);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (starts_list_item(s, lines[i]) || !block)
			block = cl_document_add_block(doc, starts_list_item(s, lines[i]) ?
						      CL_BLOCK_LIST_ITEM : CL_BLOCK_PARAGRAPH, 0);
		append_line(block, s, lines[i]);
	}
}

void cl_parse_plaintext(cl_document *doc, size_t from)
{
	line_span *group = NULL;
	size_t n = 0, cap = 0, at = from;
	int headings_seen = 0;

	while (at < doc->len) {
		line_span line = next_line(doc->data, doc->len, at);
		at = line.next;
		if (is_blank(doc->data, line)) {
			if (n)
				emit_group(doc, group, n, &headings_seen);
			n = 0;
			continue;
		}
		CL_GROW(group, cap, n + 1);
		group[n++] = line;
	}
	if (n)
		emit_group(doc, group, n, &headings_seen);
	free(group);
}
