#include "spelling_terms.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"
#include "../util/buf.h"

static bool is_term_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static void put_lower(cl_keyset *terms, const char *s, size_t len)
{
	char buf[64];
	size_t dummy;
	if (len == 0 || len > sizeof(buf))
		return;
	for (size_t i = 0; i < len; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	cl_keyset_put(terms, buf, len, 1, &dummy);
}

/* Every run of letters and digits in [s, s+len) is a term. */
static void put_tokens(cl_keyset *terms, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t start = i;
		while (i < len && is_term_byte((unsigned char)s[i]))
			i++;
		put_lower(terms, s + start, i - start);
		i += i == start;
	}
}

bool cl_spell_is_term(const cl_keyset *terms, const char *s, size_t len)
{
	char buf[64];
	size_t dummy;
	if (!terms->count || len == 0 || len > sizeof(buf))
		return false;
	for (size_t i = 0; i < len; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	return cl_keyset_get(terms, buf, len, &dummy);
}

static void code_span_terms(const cl_document *doc, cl_keyset *terms)
{
	for (size_t b = 0; b < doc->nblocks; b++) {
		const cl_block *block = &doc->blocks[b];
		for (size_t i = 0; i < block->nspans; i++)
			if (block->spans[i].kind == CL_SPAN_CODE)
				put_tokens(terms, block->text + block->spans[i].start,
					   block->spans[i].end - block->spans[i].start);
	}
}

/* A fence line (``` or ~~~ after up to three spaces): its character and
 * length, 0 when the line is none. */
static size_t fence_at(const char *line, size_t len, char *ch)
{
	size_t i = 0, n = 0;
	while (i < len && i < 3 && line[i] == ' ')
		i++;
	if (i >= len || (line[i] != '`' && line[i] != '~'))
		return 0;
	*ch = line[i];
	while (i + n < len && line[i + n] == *ch)
		n++;
	return n >= 3 ? n : 0;
}

/* Does the fence's info string name a shell (or nothing)? */
static bool shell_info(const char *line, size_t len)
{
	static const char *const shells[] = { "sh", "bash", "shell", "console", "zsh", "fish", "powershell",
					      "ps1", "pwsh", "cmd", "bat", "terminal", "shell-session",
					      "sh-session", "shellsession", NULL };
	size_t i = 0, word = 0;
	while (i < len && (line[i] == ' ' || line[i] == '`' || line[i] == '~'))
		i++;
	while (i + word < len && !strchr(" {\r", line[i + word]))
		word++;
	if (word == 0)
		return true;
	for (size_t k = 0; shells[k]; k++)
		if (strlen(shells[k]) == word && !strncasecmp(line + i, shells[k], word))
			return true;
	return false;
}

/* The command of one line of a shell block: the first word after a prompt
 * ($, #, %, >, PS>) and sudo. */
static void command_terms(cl_keyset *terms, const char *line, size_t len)
{
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i + 1 < len && line[i] && strchr("$#%>", line[i]) && line[i + 1] == ' ')
		i += 2;
	else if (i + 3 < len && !memcmp(line + i, "PS> ", 4))
		i += 4;
	for (int k = 0; k < 2; k++) {
		while (i < len && line[i] == ' ')
			i++;
		size_t start = i;
		while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			i++;
		put_tokens(terms, line + start, i - start);
		if (i - start != 4 || memcmp(line + start, "sudo", 4))
			break;
	}
}

static void code_block_terms(const cl_document *doc, cl_keyset *terms)
{
	const char *s = doc->data;
	size_t len = doc->len, fence = 0;
	char fence_ch = 0;
	bool shell = false;
	for (size_t at = doc->body_start; at < len;) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t line_len = nl ? (size_t)(nl - (s + at)) : len - at;
		char ch = 0;
		size_t n = fence_at(s + at, line_len, &ch);
		if (!fence && n) {
			fence = n;
			fence_ch = ch;
			shell = shell_info(s + at, line_len);
		} else if (fence && n >= fence && ch == fence_ch) {
			fence = 0;
		} else if (fence && shell) {
			command_terms(terms, s + at, line_len);
		}
		at += line_len + 1;
	}
}

/* The words of the file's name, without its folders and extension. */
static void file_name_terms(const cl_document *doc, cl_keyset *terms)
{
	if (!doc->path)
		return;
	const char *name = strrchr(doc->path, '/');
	name = name ? name + 1 : doc->path;
	const char *dot = strchr(name, '.');
	put_tokens(terms, name, dot ? (size_t)(dot - name) : strlen(name));
}

void cl_spell_collect_terms(const cl_document *doc, cl_keyset *terms)
{
	code_span_terms(doc, terms);
	if (doc->format == CL_FORMAT_MARKDOWN)
		code_block_terms(doc, terms);
	file_name_terms(doc, terms);
}

/* ---- cspell's in-file settings ----------------------------------------- */

static void add_off(cl_text_range **off, size_t *n, size_t *cap, size_t start, size_t end)
{
	CL_GROW(*off, *cap, *n + 1);
	(*off)[(*n)++] = (cl_text_range){ start, end };
}

static size_t line_end(const char *s, size_t len, size_t at)
{
	const char *nl = memchr(s + at, '\n', len - at);
	return nl ? (size_t)(nl - s) : len;
}

/* The words after `cspell:words` up to the end of the line or comment. */
static void add_words(cl_keyset *words, const char *s, size_t end)
{
	const char *stop = NULL;
	for (const char *const *close = (const char *const[]){ "-->", "*/", NULL }; *close; close++) {
		const char *found = memmem(s, end, *close, strlen(*close));
		if (found && (!stop || found < stop))
			stop = found;
	}
	if (stop)
		end = (size_t)(stop - s);
	for (size_t i = 0; i < end;) {
		while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
			i++;
		size_t w = 0;
		while (i + w < end && !strchr(" \t,\r", s[i + w]))
			w++;
		if (w)
			put_lower(words, s + i, w);
		i += w ? w : 1;
	}
}

static int by_start(const void *a, const void *b)
{
	const cl_text_range *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* One directive at s[at..] (after the colon); *disabled_at is where an
 * open `cspell:disable` region started, or SIZE_MAX. */
static void directive(const char *s, size_t len, size_t at, size_t *disabled_at, cl_keyset *words,
		      cl_text_range **off, size_t *n, size_t *cap)
{
	size_t eol = line_end(s, len, at);
#define IS(word) (eol - at >= strlen(word) && !strncasecmp(s + at, word, strlen(word)))
	if (IS("words") || IS("ignore")) {
		size_t skip = IS("words") ? 5 : 6;
		if (at + skip < eol && (s[at + skip] == ' ' || s[at + skip] == '\t'))
			add_words(words, s + at + skip, eol - at - skip);
	} else if (IS("disable-next-line")) {
		size_t next = eol < len ? eol + 1 : len;
		add_off(off, n, cap, next, line_end(s, len, next));
	} else if (IS("disable-line")) {
		size_t bol = at;
		while (bol && s[bol - 1] != '\n')
			bol--;
		add_off(off, n, cap, bol, eol);
	} else if (IS("disable")) {
		if (*disabled_at == SIZE_MAX)
			*disabled_at = at;
	} else if (IS("enable") && *disabled_at != SIZE_MAX) {
		add_off(off, n, cap, *disabled_at, at);
		*disabled_at = SIZE_MAX;
	}
#undef IS
}

void cl_spell_read_cspell_inline(const cl_document *doc, cl_keyset *words, cl_text_range **off, size_t *n,
				 size_t *cap)
{
	static const char *const prefixes[] = { "cspell", "spell-checker", NULL };
	const char *s = doc->data, *colon;
	size_t len = doc->len, disabled_at = SIZE_MAX;
	*n = 0;
	for (size_t at = 0; at < len && (colon = memchr(s + at, ':', len - at)); at = (size_t)(colon - s) + 1) {
		size_t c = (size_t)(colon - s);
		for (size_t p = 0; prefixes[p]; p++) {
			size_t plen = strlen(prefixes[p]);
			if (c >= plen && !strncasecmp(s + c - plen, prefixes[p], plen)) {
				directive(s, len, c + 1, &disabled_at, words, off, n, cap);
				break;
			}
		}
	}
	if (disabled_at != SIZE_MAX)
		add_off(off, n, cap, disabled_at, len);
	if (*n > 1)
		qsort(*off, *n, sizeof(**off), by_start);
}
