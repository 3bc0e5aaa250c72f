#include "spelling_skip.h"

#include <string.h>

#include "../util/alloc.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void add_range(cl_text_range **ranges, size_t *n, size_t *cap, size_t start, size_t end)
{
	if (*n && (*ranges)[*n - 1].end >= start) {
		if ((*ranges)[*n - 1].end < end)
			(*ranges)[*n - 1].end = end;
		return;
	}
	CL_GROW(*ranges, *cap, *n + 1);
	(*ranges)[(*n)++] = (cl_text_range){ start, end };
}

/* A {…} region: shortcodes ({{< … >}}), heading ids ({#id}), templates. */
static size_t closing_brace(const char *s, size_t at, size_t len)
{
	int depth = 0;
	for (size_t i = at; i < len; i++) {
		depth += s[i] == '{';
		depth -= s[i] == '}';
		if (depth == 0)
			return i + 1;
	}
	return 0;
}

static bool contains(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(s + i, what, n))
			return true;
	return false;
}

/* name.ext with a short lower-case extension: README.md, config.yml,
 * example.com, e.g. */
static bool looks_like_file_name(const char *s, size_t len)
{
	const char *dot = NULL;
	for (size_t i = 1; i + 1 < len; i++)
		if (s[i] == '.')
			dot = s + i;
	if (!dot)
		return false;
	size_t ext = (size_t)(s + len - dot - 1);
	if (ext == 0 || ext > 5)
		return false;
	for (const char *p = dot + 1; p < s + len; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

static bool looks_like_path(const char *s, size_t len)
{
	size_t slashes = 0;
	for (size_t i = 0; i < len; i++)
		slashes += s[i] == '/';
	if (contains(s, len, "\\"))
		return true;
	if (!slashes)
		return false;
	return s[0] == '/' || s[0] == '~' || s[0] == '.' || slashes >= 2 || memchr(s, '.', len) != NULL;
}

/* What a chunk holds, counted in one pass: most chunks are plain words,
 * which hold none of it and need no other look. */
typedef struct {
	size_t dots, slashes;
	bool colon, backslash, at, underscore, bracket;
} chunk_marks;

static chunk_marks mark_chunk(const char *s, size_t len)
{
	chunk_marks m = { 0 };
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '.': m.dots++; break;
		case '/': m.slashes++; break;
		case ':': m.colon = true; break;
		case '\\': m.backslash = true; break;
		case '@': m.at = true; break;
		case '_': m.underscore = true; break;
		case '[': m.bracket = true; break;
		default: break;
		}
	}
	return m;
}

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* A letter in brackets inside a word, as tldr pages mark the letter an
 * option comes from: "[a]rchive", "E[x]tract", "sorted by [S]ize". */
static bool has_mnemonic(const char *s, size_t len)
{
	for (const char *open = memchr(s, '[', len); open; open = memchr(open + 1, '[', (size_t)(s + len - open - 1))) {
		const char *close = memchr(open, ']', (size_t)(s + len - open));
		if (!close || close - open < 2 || close - open > 5)
			continue;
		if ((open > s && is_word_byte((unsigned char)open[-1])) ||
		    (close + 1 < s + len && is_word_byte((unsigned char)close[1])))
			return true;
	}
	return false;
}

/* A run of non-space text that is not prose as a whole. */
static bool chunk_is_not_prose(const char *s, size_t len)
{
	chunk_marks m = mark_chunk(s, len);
	if (m.at || m.underscore || m.backslash || (m.colon && contains(s, len, "://")) ||
	    (m.dots && contains(s, len, "www.")) || (m.bracket && has_mnemonic(s, len)))
		return true;
	while (len && strchr("([{\"'*<", *s)) {
		s++;
		len--;
	}
	while (len && strchr(".,;:!?)]}\"'*>", s[len - 1]))
		len--;
	if (len && (s[0] == '#' || s[0] == '$'))
		return true;
	return len && ((m.slashes && looks_like_path(s, len)) || (m.dots && looks_like_file_name(s, len)));
}

/* Sorted ranges of block text that are not prose: chunks between spaces
 * that are URLs, addresses, paths..., and {…} regions opening a chunk. */
void cl_spell_find_skips(const cl_block *block, cl_text_range **ranges, size_t *n, size_t *cap)
{
	const char *s = block->text;
	*n = 0;
	for (size_t i = 0; i < block->len;) {
		if (is_space(s[i])) {
			i++;
			continue;
		}
		size_t start = i, close = s[i] == '{' ? closing_brace(s, i, block->len) : 0;
		if (close) {
			add_range(ranges, n, cap, start, close);
			i = close;
			continue;
		}
		while (i < block->len && !is_space(s[i]))
			i++;
		if (chunk_is_not_prose(s + start, i - start))
			add_range(ranges, n, cap, start, i);
	}
}

/* name.ext inside one word (ICU keeps "systemd.exec", "index.html" and
 * "e.g" together): a file or host name, whatever the chunk around it. */
bool cl_spell_has_file_extension(const char *s, size_t len)
{
	const char *dot = memrchr(s, '.', len);
	if (!dot || dot == s || dot + 1 == s + len)
		return false;
	for (const char *p = dot + 1; p < s + len; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}
