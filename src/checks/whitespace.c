/* whitespace: doubled spaces inside a sentence, trailing spaces (not a
 * Markdown hard line break), tabs in prose, and in plain text a space
 * before a line's first word. Doubled spaces and tabs are looked for in
 * block text; trailing and leading spaces need the raw lines, which are
 * taken only where a prose block lies, so code, front matter and HTML
 * are never looked at. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "typo_common.h"

static bool sentence_end(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ':';
}

static void doubled_spaces(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, size_t at, size_t end)
{
	size_t prev_at, src_start = cl_block_source_start(block, at), src_end = cl_block_source_end(block, end);
	uint32_t before = typo_cp_before(block->text, at, &prev_at);
	/* The spaces must stand side by side on one source line (not around a soft break). */
	if (at == 0 || end >= block->len || sentence_end(before) || src_end - src_start != end - at ||
	    memchr(doc->data + src_start, '\n', src_end - src_start) || !typo_is_prose(block, prev_at, end + 1))
		return;
	cl_finding *f = typo_report(ctx, block, at, end, cl_sprintf("%zu spaces in a row", end - at));
	typo_fix(f, block, at, end, " ");
}

static void check_block_text(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block)
{
	const char *text = block->text;
	for (size_t at = 0; at < block->len; at++) {
		if (text[at] == '\t' && typo_is_prose(block, at, at + 1)) {
			typo_report(ctx, block, at, at + 1, cl_strdup("tab in prose"));
		} else if (text[at] == ' ' && at + 1 < block->len && text[at + 1] == ' ') {
			size_t end = at;
			while (end < block->len && text[end] == ' ')
				end++;
			doubled_spaces(ctx, doc, block, at, end);
			at = end - 1;
		}
	}
}

/* Source bytes [start, end) that a block's text came from. */
static void block_extent(const cl_block *block, size_t *start, size_t *end)
{
	*start = block->pieces[0].src_at;
	*end = block->pieces[block->npieces - 1].src_at + block->pieces[block->npieces - 1].src_len;
}

static void trailing(cl_check_ctx *ctx, const cl_document *doc, size_t line, size_t eol, bool last_line)
{
	const char *s = doc->data;
	size_t end = eol, spaces = 0;
	while (end > line && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--, spaces += s[end] == ' ';
	if (end == eol || end == line)
		return;
	/* Two or more spaces end a Markdown line with a hard break. */
	if (doc->format == CL_FORMAT_MARKDOWN && spaces == eol - end && spaces >= 2 && !last_line)
		return;
	cl_finding *f = cl_check_report(ctx, end, eol, cl_strdup("trailing white space"));
	cl_finding_set_fix(f, end, eol, "");
}

static void leading(cl_check_ctx *ctx, const cl_document *doc, size_t line, size_t eol)
{
	const char *s = doc->data;
	size_t at = line, size;
	while (at < eol && s[at] == ' ')
		at++;
	if (at == line || at - line > 3 || !typo_is_letter(typo_cp_at(s, eol, at, &size)))
		return;
	cl_finding *f = cl_check_report(ctx, line, at, cl_strdup("space before the first word of the line"));
	cl_finding_set_fix(f, line, at, "");
}

static size_t line_start(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(const char *s, size_t len, size_t at)
{
	while (at < len && s[at] != '\n' && s[at] != '\r')
		at++;
	return at;
}

/* The raw lines of one block, those a previous block has not covered. */
static size_t check_lines(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, size_t done)
{
	size_t start, end;
	block_extent(block, &start, &end);
	for (size_t line = line_start(doc->data, start); line <= end && line < doc->len;) {
		size_t eol = line_end(doc->data, doc->len, line);
		if (line >= done) {
			trailing(ctx, doc, line, eol, eol >= end);
			if (doc->format == CL_FORMAT_TEXT)
				leading(ctx, doc, line, eol);
			done = eol + 1;
		}
		line = eol + (eol + 1 < doc->len && doc->data[eol] == '\r' && doc->data[eol + 1] == '\n' ? 2 : 1);
	}
	return done;
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	size_t done = 0;
	for (size_t b = 0; b < doc->nblocks; b++) {
		const cl_block *block = &doc->blocks[b];
		if (!block->npieces)
			continue;
		check_block_text(ctx, doc, block);
		if (block->kind != CL_BLOCK_FIELD)
			done = check_lines(ctx, doc, block, done);
	}
	return 0;
}

const cl_rule cl_rule_whitespace = {
	.info = {
		.id = "whitespace",
		.summary = "Doubled, trailing and stray white space",
		.description = "Two or more spaces inside a sentence, spaces or tabs at the end of "
			       "a line (except the two spaces of a Markdown hard line break), tabs in "
			       "prose, and in plain text one to three spaces before a line's first "
			       "word. Code, front matter and HTML are not looked at. Fixes remove "
			       "the extra white space.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
