/* whitespace: doubled spaces inside a sentence, trailing spaces (not a
 * Markdown hard line break), tabs in prose, and in plain text a space
 * before a line's first word. Doubled spaces and tabs are looked for in
 * block text; trailing and leading spaces need the raw lines, which are
 * taken only where a prose block lies, so code, front matter and HTML
 * are never looked at. Trailing white space is reported at most as info:
 * no reader ever sees it, and Markdown linters and editors own it. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "../util/alloc.h"
#include "typo_common.h"

/* Two spaces after a sentence are the typewriter's habit, in every script:
 * `.` `!` `?`, the Devanagari and Bengali danda `।`, the Urdu full stop `۔`,
 * the Arabic `؟` (Unicode's Sentence_Terminal), and `:`. */
static bool sentence_end(uint32_t cp)
{
	return cp == ':' || u_hasBinaryProperty((UChar32)cp, UCHAR_S_TERM);
}

/* `[link](/url)  and`, `also  [link](/url)`: the doubled space touches inline
 * markup in the source (a link's target, emphasis marks), where editing
 * leaves it and no reader of the rendered page sees it. */
static bool beside_markup(const cl_block *block, size_t at, size_t end, size_t src_start, size_t src_end)
{
	return cl_block_source_end(block, at) != src_start || cl_block_source_start(block, end) != src_end;
}

static void doubled_spaces(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, size_t at, size_t end)
{
	size_t prev_at, src_start = cl_block_source_start(block, at), src_end = cl_block_source_end(block, end);
	uint32_t before = typo_cp_before(block->text, at, &prev_at);
	/* `work.)  You`: the sentence ends inside the bracket or quote. */
	if (before == ')' || before == ']' || u_charType((UChar32)before) == U_FINAL_PUNCTUATION || before == '"') {
		size_t inner_at;
		uint32_t inner = typo_cp_before(block->text, prev_at, &inner_at);
		before = sentence_end(inner) ? inner : before;
	}
	/* `<joss@debian.org>  Wed,  8 Oct`, `<year>  <name>`, `MA  02110-1301`:
	 * signature, template and address layout, numbers aligned in columns. */
	const char *text = block->text;
	bool padded_digit = end < block->len && text[end] >= '0' && text[end] <= '9';  /* MA  02110, Wed,  8 */
	/* `|  |`: columns of a table drawn in text; `[3]  Text`: a footnote's label. */
	bool layout = before == '|' || (end < block->len && text[end] == '|') || (before == ']' && text[0] == '[');
	if (before == '>' || padded_digit || typo_is_digit(before) || layout)
		return;
	/* The spaces must stand side by side on one source line (not around a soft break). */
	if (at == 0 || end >= block->len || sentence_end(before) || src_end - src_start != end - at ||
	    memchr(doc->data + src_start, '\n', src_end - src_start) || !typo_is_prose(block, prev_at, end + 1) ||
	    beside_markup(block, at, end, src_start, src_end))
		return;
	cl_finding *f = typo_report(ctx, block, at, end, cl_sprintf("%zu spaces in a row", end - at));
	typo_fix(f, block, at, end, " ");
}

/* Plain text aligns columns and indents with tabs; a tab is a slip only
 * inside running words (`the\tcat`). Markdown prose has no such use. */
static bool tab_is_slip(const cl_document *doc, const cl_block *block, size_t at)
{
	size_t prev_at, size;
	if (doc->format != CL_FORMAT_TEXT)
		return true;
	return u_islower((UChar32)typo_cp_before(block->text, at, &prev_at)) &&
	       u_islower((UChar32)typo_cp_at(block->text, block->len, at + 1, &size));
}

/* Does block text [at, end) of spaces and tabs end its source line (only
 * spaces and tabs follow)? Then it is trailing white space, which the raw
 * lines report, not a tab or doubled space inside a sentence. */
static bool ends_line(const cl_document *doc, const cl_block *block, size_t end)
{
	size_t src = cl_block_source_end(block, end);
	while (src < doc->len && (doc->data[src] == ' ' || doc->data[src] == '\t'))
		src++;
	return src >= doc->len || doc->data[src] == '\n' || doc->data[src] == '\r';
}

static void check_block_text(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block)
{
	const char *text = block->text;
	for (size_t at = 0; at < block->len; at++) {
		if (text[at] != ' ' && text[at] != '\t')
			continue;
		size_t run = at;
		while (run < block->len && (text[run] == ' ' || text[run] == '\t'))
			run++;
		if (ends_line(doc, block, run)) {
			at = run - 1;
		} else if (text[at] == '\t' && typo_is_prose(block, at, at + 1) && tab_is_slip(doc, block, at)) {
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
	if (f->severity > COPYLINT_SEVERITY_INFO)
		f->severity = COPYLINT_SEVERITY_INFO;
	cl_finding_set_fix(f, end, eol, "");
}

static void leading(cl_check_ctx *ctx, const cl_document *doc, size_t line, size_t eol)
{
	const char *s = doc->data;
	size_t at = line, size;
	while (at < eol && s[at] == ' ')
		at++;
	size_t word_end = at;
	while (word_end < eol && s[word_end] != ' ')
		word_end++;
	bool url = memmem(s + at, word_end - at, "://", 3) || memchr(s + at, '@', word_end - at);
	if (at == line || at - line > 3 || url || !typo_is_letter(typo_cp_at(s, eol, at, &size)))
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

static bool indented(const cl_document *doc, size_t line)
{
	return line < doc->len && (doc->data[line] == ' ' || doc->data[line] == '\t');
}

/* A stray space starts one line of a plain-text paragraph whose lines
 * around it are not indented: an indented block, a hanging indent, a list
 * item's lines or a first-line indent are layout. */
static bool leading_is_stray(const cl_document *doc, const cl_block *block, size_t first_line, size_t line,
			     size_t eol, size_t block_end)
{
	if (doc->format != CL_FORMAT_TEXT || block->kind != CL_BLOCK_PARAGRAPH || line <= first_line)
		return false;
	size_t next = eol + 1 < doc->len && doc->data[eol] == '\r' ? eol + 2 : eol + 1;
	size_t prev = line_start(doc->data, line - 1);
	return !indented(doc, prev) && (next > block_end || !indented(doc, next));
}

/* The raw lines of one block, those a previous block has not covered. */
static size_t check_lines(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, size_t done)
{
	size_t start, end;
	block_extent(block, &start, &end);
	size_t first_line = line_start(doc->data, start);
	for (size_t line = first_line; line <= end && line < doc->len;) {
		size_t eol = line_end(doc->data, doc->len, line);
		if (line >= done) {
			trailing(ctx, doc, line, eol, eol >= end);
			if (leading_is_stray(doc, block, first_line, line, eol, end))
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
			       "a line (except the two spaces of a Markdown hard line break; at most "
			       "info, as no reader sees them), tabs in prose (in plain text, only between two words: tabs there also align "
			       "columns), and in plain text one to three spaces before the first word "
			       "of a paragraph's later line. Code, front matter and HTML are not "
			       "looked at. Fixes remove "
			       "the extra white space.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
