/* Template and component markup that md4c reads as text: Hugo shortcodes
 * in any Markdown file; in MDX also import/export statements, JSX tags and
 * {expressions}. One pass over the source finds their byte ranges; the
 * Markdown parser then marks the text that falls in them as CL_SPAN_MARKUP.
 * Code (fences, `spans`) is skipped so that markup quoted in code never
 * opens a range. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "parse.h"

typedef struct {
	const char *s;
	size_t len;
	bool mdx;
	/* A construct that never closes would be sought again from every later
	 * opening, to the end: after an unclosed brace no brace is sought any
	 * more (the MDX is broken), after an unclosed shortcode none in the
	 * rest of its paragraph. */
	bool unclosed_brace;
	size_t no_shortcode_before;
	cl_markup *out;
} scan;

static bool is_alpha(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

static bool is_name(char c)
{
	return is_alpha(c) || (unsigned)(c - '0') < 10u || c == '.' || c == '_' || c == '-';
}

static size_t line_end(const scan *sc, size_t at)
{
	const char *nl = memchr(sc->s + at, '\n', sc->len - at);
	return nl ? (size_t)(nl - sc->s) : sc->len;
}

static bool blank_from(const scan *sc, size_t at)
{
	size_t end = line_end(sc, at);
	for (size_t i = at; i < end; i++)
		if (sc->s[i] != ' ' && sc->s[i] != '\t' && sc->s[i] != '\r')
			return false;
	return true;
}

static void add(scan *sc, size_t start, size_t end)
{
	CL_GROW(sc->out->ranges, sc->out->cap, sc->out->count + 1);
	sc->out->ranges[sc->out->count++] = (cl_byte_range){ start, end };
}

/* Just past a quoted JavaScript string or template literal opening at at
 * (no ${} nesting beyond braces counted by the caller), or 0. */
static size_t skip_string(const scan *sc, size_t at)
{
	char q = sc->s[at];
	for (size_t i = at + 1; i < sc->len; i++) {
		if (sc->s[i] == '\\')
			i++;
		else if (sc->s[i] == q)
			return i + 1;
		else if (sc->s[i] == '\n' && q != '`')
			return 0;
	}
	return 0;
}

static const char *strstr_n(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(s + i, needle, n))
			return s + i;
	return NULL;
}

/* Just past the `}` that closes the `{` at at, or 0. */
static size_t skip_braces(const scan *sc, size_t at)
{
	size_t depth = 0;
	for (size_t i = at; i < sc->len; i++) {
		char c = sc->s[i];
		if (c == '/' && i + 1 < sc->len && sc->s[i + 1] == '*') {
			const char *close = strstr_n(sc->s + i + 2, sc->len - i - 2, "*/");
			if (!close)
				return 0;
			i = (size_t)(close - sc->s) + 1;
		} else if (c == '"' || c == '\'' || c == '`') {
			size_t past = skip_string(sc, i);
			if (!past)
				return 0;
			i = past - 1;
		} else if (c == '{') {
			depth++;
		} else if (c == '}' && --depth == 0) {
			return i + 1;
		}
	}
	return 0;
}

/* Just past a JSX tag (<Name ...>, </Name>, <>, </>, <Name />) at at, or 0. */
static size_t skip_tag(const scan *sc, size_t at)
{
	size_t i = at + 1;
	if (i < sc->len && sc->s[i] == '/')
		i++;
	if (i < sc->len && is_alpha(sc->s[i])) {
		while (i < sc->len && is_name(sc->s[i]))
			i++;
		if (i < sc->len && !strchr(" \t\r\n/>", sc->s[i]))
			return 0;  /* <https://…>, a < b: not a tag */
	}
	for (; i < sc->len; i++) {
		char c = sc->s[i];
		size_t past = 0;
		if (c == '>')
			return i + 1;
		if (c == '<' || (c == '\n' && blank_from(sc, i + 1)))
			return 0;
		if (c == '"' || c == '\'')
			past = skip_string(sc, i);
		else if (c == '{')
			past = skip_braces(sc, i);
		else
			continue;
		if (!past)
			return 0;
		i = past - 1;
	}
	return 0;
}

/* Just past the shortcode {{< … >}} or {{% … %}} at at, or 0. */
static size_t skip_shortcode(const scan *sc, size_t at)
{
	char close[3] = { sc->s[at + 2], '}', '}' };
	if (close[0] == '<')
		close[0] = '>';
	for (size_t i = at + 3; i + 3 <= sc->len; i++) {
		if (!memcmp(sc->s + i, close, 3))
			return i + 3;
		if (sc->s[i] == '\n' && blank_from(sc, i + 1))
			return 0;
	}
	return 0;
}

/* Just past a code span opening with the backtick run at at, or past the
 * run when it closes nothing in its paragraph. */
static size_t skip_code_span(const scan *sc, size_t at)
{
	size_t run = 0;
	while (at + run < sc->len && sc->s[at + run] == '`')
		run++;
	for (size_t i = at + run; i < sc->len; i++) {
		if (sc->s[i] == '\n' && blank_from(sc, i + 1))
			break;
		if (sc->s[i] != '`')
			continue;
		size_t n = 0;
		while (i + n < sc->len && sc->s[i + n] == '`')
			n++;
		if (n == run)
			return i + n;
		i += n - 1;
	}
	return at + run;
}

/* The length of a fence (``` or ~~~, three or more) at at, or 0. */
static size_t fence_at(const scan *sc, size_t at)
{
	size_t n = 0;
	char c = sc->s[at];
	if (c != '`' && c != '~')
		return 0;
	while (at + n < sc->len && sc->s[at + n] == c)
		n++;
	return n >= 3 ? n : 0;
}

/* Past the line that closes the fence of length n and character c, which
 * opened on the line before from. */
static size_t skip_fenced(const scan *sc, size_t from, char c, size_t n)
{
	size_t at = from;
	while (at < sc->len) {
		size_t i = at, end = line_end(sc, at);
		while (i < end && (sc->s[i] == ' ' || sc->s[i] == '\t'))
			i++;
		if (i < end && sc->s[i] == c && fence_at(sc, i) >= n)
			return end;
		at = end + 1;
	}
	return sc->len;
}

/* An MDX import/export statement runs from the start of its line to the
 * next blank line. */
static bool is_esm(const scan *sc, size_t at)
{
	static const char *const words[] = { "import ", "export ", "import{", "export{" };
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (sc->len - at >= 7 && !memcmp(sc->s + at, words[k], 7))
			return true;
	return false;
}

static size_t paragraph_end(const scan *sc, size_t at)
{
	size_t end = line_end(sc, at);
	while (end < sc->len && !blank_from(sc, end + 1))
		end = line_end(sc, end + 1);
	return end;
}

/* Scans one line's start for a fence or an ESM block: returns where the
 * inline scan goes on (past the construct), or at when there is none. */
static size_t scan_line_start(scan *sc, size_t at, bool para_start)
{
	size_t i = at;
	while (i < sc->len && (sc->s[i] == ' ' || sc->s[i] == '\t'))
		i++;
	size_t n = i < sc->len ? fence_at(sc, i) : 0;
	if (n)
		return skip_fenced(sc, line_end(sc, i) + 1, sc->s[i], n);
	if (sc->mdx && para_start && i == at && is_esm(sc, at)) {
		size_t end = paragraph_end(sc, at);
		add(sc, at, end);
		return end;
	}
	return at;
}

/* Markup starting at i: its end (a range is added), or 0. */
static size_t scan_markup(scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t past = 0;
	if (s[i] == '{' && i + 2 < sc->len && s[i + 1] == '{' && (s[i + 2] == '<' || s[i + 2] == '%')) {
		if (i >= sc->no_shortcode_before && !(past = skip_shortcode(sc, i)))
			sc->no_shortcode_before = paragraph_end(sc, i);
	} else if (sc->mdx && s[i] == '{') {
		if (!sc->unclosed_brace && !(past = skip_braces(sc, i)))
			sc->unclosed_brace = true;
	}
	else if (sc->mdx && s[i] == '<' && i + 1 < sc->len &&
		 (is_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '>'))
		past = skip_tag(sc, i);
	if (past)
		add(sc, i, past);
	return past;
}

void cl_parse_markup(cl_markup *out, const char *data, size_t from, size_t len, bool mdx)
{
	scan sc = { data, len, mdx, false, 0, out };
	bool line_start = true, para_start = true;
	size_t i = from;
	while (i < len) {
		if (line_start) {
			bool blank = blank_from(&sc, i);
			size_t next = blank ? i : scan_line_start(&sc, i, para_start);
			para_start = blank || next != i;
			line_start = blank || next != i;
			i = blank ? line_end(&sc, i) + 1 : next;
			continue;
		}
		char c = data[i];
		size_t past = 0;
		if (c == '\n') {
			line_start = true;
			i++;
			continue;
		}
		if (c == '`')
			past = skip_code_span(&sc, i);
		else if (c == '\\')
			past = i + 2;
		else if (c == '{' || c == '<')
			past = scan_markup(&sc, i);
		i = past > i ? past : i + 1;
	}
}

void cl_markup_dispose(cl_markup *markup)
{
	free(markup->ranges);
	memset(markup, 0, sizeof(*markup));
}
