/* Helpers shared by the formatting rules; see typo_common.h. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

#include "../text/utf8.h"
#include "typo_common.h"

uint32_t typo_cp_decode(const char *text, size_t len, size_t at, size_t *size)
{
	uint32_t cp = 0;
	bool valid;
	*size = cl_utf8_decode(text + at, len - at, &cp, &valid);
	return cp;
}

uint32_t typo_cp_before(const char *text, size_t at, size_t *start)
{
	size_t i = at, size;
	if (at == 0) {
		*start = 0;
		return 0;
	}
	/* Back over at most three continuation bytes to a lead byte. */
	while (i > 0 && at - i < 4 && ((unsigned char)text[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 || at - i >= 4)
		i = at;
	i--;
	uint32_t cp = typo_cp_at(text, at, i, &size);
	*start = i;
	return cp;
}

bool typo_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return cl_is_latin_letter(cp) || u_isalpha((UChar32)cp);
}

bool typo_is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

bool typo_is_plain_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

bool typo_is_nbsp(uint32_t cp)
{
	return cp == TYPO_NBSP || cp == TYPO_NNBSP || cp == 0x2007u;
}

/* The white-space-delimited token around at looks like a URL, an e-mail
 * address or a path: plain text has no URL spans, so look. */
static bool in_machine_token(const char *text, size_t len, size_t start, size_t end)
{
	size_t from = start, to = end;
	while (from > 0 && !strchr(" \t\n\"'()<>", text[from - 1]))
		from--;
	while (to < len && !strchr(" \t\n\"'()<>", text[to]))
		to++;
	for (size_t i = from; i < to; i++) {
		if (text[i] == '@' && i > from && i + 1 < to)
			return true;
		if (i + 3 <= to && !memcmp(text + i, "://", 3))
			return true;
		if (i + 4 <= to && !strncasecmp(text + i, "www.", 4))
			return true;
		if (text[i] == '/' && i + 1 < to && text[i + 1] != ' ' && i > from && text[i - 1] == '.')
			return true;  /* ./path, ../path */
	}
	return false;
}

/* Does raw HTML text s[0, len) open or close (*closing) an element whose
 * content is code: <code>, <kbd>, <samp>, <var>, <tt>, <pre>? Only the
 * tag at s counts. */
static bool code_tag(const char *s, size_t len, bool *closing)
{
	static const char *const tags[] = { "code", "kbd", "samp", "var", "tt", "pre", NULL };
	size_t i = len > 1 && s[1] == '/' ? 2 : 1;
	*closing = i == 2;
	for (size_t t = 0; tags[t]; t++) {
		size_t n = strlen(tags[t]);
		if (i + n < len && !strncasecmp(s + i, tags[t], n) && s[i + n] && strchr(" \t\n>", s[i + n]))
			return true;
	}
	return false;
}

/* Is block text at inside a raw HTML code element (`<code>a : b</code>`)?
 * md4c gives the tags as raw HTML spans and the content as text. */
static bool in_html_code(const cl_block *block, size_t at)
{
	int depth = 0;
	for (size_t i = 0; i < block->nspans && block->spans[i].end <= at; i++) {
		const cl_span *span = &block->spans[i];
		const char *s = block->text + span->start;
		size_t len = span->end - span->start;
		bool closing;
		for (size_t k = 0; span->kind == CL_SPAN_HTML && k < len; k++)
			if (s[k] == '<' && code_tag(s + k, len - k, &closing))
				depth = closing ? (depth > 0 ? depth - 1 : 0) : depth + 1;
	}
	return depth > 0;
}

bool typo_is_prose(const cl_block *block, size_t start, size_t end)
{
	if (cl_block_in_span(block, start, end > start ? end : start + 1))
		return false;
	return !in_machine_token(block->text, block->len, start, end) && !in_html_code(block, start);
}

int typo_span_at(const cl_block *block, size_t at)
{
	for (size_t i = 0; i < block->nspans && block->spans[i].start <= at; i++)
		if (at < block->spans[i].end)
			return (int)block->spans[i].kind;
	return -1;
}

cl_finding *typo_report(cl_check_ctx *ctx, const cl_block *block, size_t start, size_t end, char *message)
{
	size_t src_start = cl_block_source_start(block, start);
	size_t src_end = end > start ? cl_block_source_end(block, end) : src_start;
	return cl_check_report(ctx, src_start, src_end > src_start ? src_end : src_start, message);
}

void typo_fix(cl_finding *finding, const cl_block *block, size_t start, size_t end, const char *text)
{
	size_t src_start = cl_block_source_start(block, start);
	size_t src_end = end > start ? cl_block_source_end(block, end) : src_start;
	/* A fix is certain only when the text maps byte for byte onto the source. */
	if (src_end - src_start != end - start)
		return;
	cl_finding_set_fix(finding, src_start, src_end, text);
}

const char *typo_char_name(uint32_t cp, char *buf, size_t size)
{
	char name[128];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = u_charName((UChar32)cp, U_EXTENDED_CHAR_NAME, name, sizeof(name), &status);
	if (U_FAILURE(status) || n <= 0)
		strcpy(name, "unnamed character");
	snprintf(buf, size, "U+%04X %s", (unsigned)cp, name);
	return buf;
}

bool typo_region_is(const cl_check_ctx *ctx, const char *region)
{
	const char *tag = ctx->lang ? ctx->lang : "";
	const char *sep = strpbrk(tag, "-_");
	size_t n = strlen(region);
	return sep && !strncasecmp(sep + 1, region, n) && (sep[1 + n] == '\0' || sep[1 + n] == '-' || sep[1 + n] == '_');
}
