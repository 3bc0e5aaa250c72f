#include "language.h"

#include "copylint/copylint.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <unicode/uloc.h>

/* Is s[0..len) a language tag such as "de", "pt-BR", "zh_cn" whose language
 * ICU knows? Only two-letter languages count: three-letter folder names
 * ("api", "img") are far more often not languages. */
static bool is_language_tag(const char *s, size_t len)
{
	if (len != 2 && len != 5)
		return false;
	if (!islower((unsigned char)s[0]) || !islower((unsigned char)s[1]))
		return false;
	if (len == 5 && (!(s[2] == '-' || s[2] == '_') || !isalpha((unsigned char)s[3]) ||
			 !isalpha((unsigned char)s[4])))
		return false;
	char lang[3] = { s[0], s[1], '\0' };
	const char *const *languages = uloc_getISOLanguages();
	for (size_t i = 0; languages[i]; i++)
		if (!strcmp(languages[i], lang))
			return true;
	return false;
}

static const char *copy_tag(const char *s, size_t len, char *out, size_t size)
{
	if (len + 1 > size)
		return NULL;
	memcpy(out, s, len);
	out[len] = '\0';
	if (len == 5)
		out[2] = '-';
	return out;
}

/* In a segment such as "pages.fr" or "article.de.md", the tag after a dot. */
static const char *tag_after_dot(const char *seg, size_t len, bool is_file, char *out, size_t size)
{
	size_t end = len;
	if (is_file) {  /* drop the extension first */
		while (end > 0 && seg[end - 1] != '.')
			end--;
		if (end == 0)
			return NULL;
		end--;
	}
	size_t start = end;
	while (start > 0 && seg[start - 1] != '.')
		start--;
	if (start == 0 || !is_language_tag(seg + start, end - start))
		return NULL;
	return copy_tag(seg + start, end - start, out, size);
}

const char *cl_language_from_path(const char *path, char *out, size_t size)
{
	const char *found = NULL;
	for (const char *seg = path; *seg;) {
		const char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		bool is_file = !slash;
		if (!is_file && is_language_tag(seg, len))
			found = copy_tag(seg, len, out, size);
		else if (tag_after_dot(seg, len, is_file, out, size))
			found = out;
		if (!slash)
			break;
		seg = slash + 1;
	}
	return found;
}

const char *cl_language_to_locale(const char *tag, char *out, size_t size)
{
	size_t i = 0;
	for (; tag[i] && i + 1 < size; i++)
		out[i] = tag[i] == '-' ? '_' : tag[i];
	out[i] = '\0';
	return out;
}

bool copylint_language_valid(const char *tag)
{
	size_t len = strlen(tag), at = 0;
	if (len == 0 || len > 35)
		return false;
	for (size_t subtag = 0; at <= len; subtag++) {
		size_t n = strspn(tag + at, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		size_t letters = strspn(tag + at, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
		if (n < 1 || n > 8 || (subtag == 0 && (letters != n || n < 2)))
			return false;
		at += n;
		if (at == len)
			return true;
		if (tag[at] != '-' && tag[at] != '_')
			return false;
		at++;
	}
	return false;
}

static size_t primary_length(const char *tag)
{
	return strcspn(tag, "-_");
}

/* Until translations are paired with their sources, the guess is: the
 * config's translations: source, else English for a file whose language
 * only its path gave (`pages.fr/`, `content/de/`), as most translated sites
 * are translated from English. */
const char *cl_language_translation_source(const char *configured, const char *lang, bool lang_from_path)
{
	const char *source = configured ? configured : lang_from_path ? "en" : NULL;
	if (!source || !lang)
		return NULL;
	size_t n = primary_length(source);
	if (n == primary_length(lang) && !strncasecmp(source, lang, n))
		return NULL;  /* the source language itself */
	return source;
}
