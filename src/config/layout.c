#include "layout.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <unicode/uloc.h>

#include "../util/alloc.h"
#include "../util/buf.h"

static bool is_subtag(const char *s, size_t len, bool first)
{
	if (first ? (len < 2 || len > 3) : (len < 1 || len > 8))
		return false;
	for (size_t i = 0; i < len; i++)
		if (first ? !isalpha((unsigned char)s[i]) : !isalnum((unsigned char)s[i]))
			return false;
	return true;
}

/* A language ICU knows (ISO 639: the two-letter codes, and three-letter
 * ones for languages without): a folder or name part of 2-3 letters is
 * far more often a word (content/faq/, readme.old.md, docs/api/) than a
 * language nobody has heard of. The codes are kept in a table indexed by
 * their letters, filled once: every path of a run asks. */
static bool languages[27 * 27 * 27];
static pthread_once_t languages_once = PTHREAD_ONCE_INIT;

static size_t language_slot(const char *s, size_t len)
{
	size_t slot = 0;
	for (size_t i = 0; i < 3; i++)
		slot = slot * 27 + (i < len ? (size_t)((s[i] | 0x20) - 'a' + 1) : 0);
	return slot;
}

static void fill_languages(void)
{
	for (const char *const *l = uloc_getISOLanguages(); *l; l++) {
		size_t len = strlen(*l);
		if ((len == 2 || len == 3) && is_subtag(*l, len, true))
			languages[language_slot(*l, len)] = true;
	}
}

/* s[0, len) is 2-3 ASCII letters (is_subtag said so). */
static bool is_language(const char *s, size_t len)
{
	pthread_once(&languages_once, fill_languages);
	return languages[language_slot(s, len)];
}

bool cl_layout_is_tag(const char *s, size_t len)
{
	size_t primary = strcspn(s, "-_");
	if (primary > len)
		primary = len;
	if (!is_subtag(s, primary, true) || !is_language(s, primary))
		return false;
	size_t at = 0;
	for (bool first = true; at <= len; first = false) {
		size_t n = 0;
		while (at + n < len && s[at + n] != '-' && s[at + n] != '_')
			n++;
		if (!is_subtag(s + at, n, first))
			return false;
		at += n + 1;
	}
	return true;
}

/* The token at p: 'L' {lang}, 'S' "**" then '/', 'D' "**", '*', or 0 for a literal. */
static char token(const char *p, size_t *len)
{
	if (!strncmp(p, "{lang}", 6))
		return *len = 6, 'L';
	if (!strncmp(p, "**/", 3))
		return *len = 3, 'S';
	if (!strncmp(p, "**", 2))
		return *len = 2, 'D';
	if (*p == '*')
		return *len = 1, '*';
	return *len = 1, 0;
}

static bool match_here(const char *p, const char *s, const char *base, cl_layout_match *m);

/* A wildcard at p (kind, tlen) takes s[0, n) for each n allowed, longest first. */
static bool match_wild(const char *p, size_t tlen, char kind, const char *s, const char *base,
		       cl_layout_match *m)
{
	size_t max = kind == '*' ? strcspn(s, "/") : strlen(s);
	size_t k = m->nwild;
	if (k >= CL_LAYOUT_MAX_WILDCARDS)
		return false;
	for (size_t n = max + 1; n-- > 0;) {
		if (kind == 'S' && n && s[n - 1] != '/')
			continue;
		m->wild_at[k] = (size_t)(s - base);
		m->wild_len[k] = n;
		m->nwild = k + 1;
		if (match_here(p + tlen, s + n, base, m))
			return true;
	}
	m->nwild = k;
	return false;
}

static bool match_lang(const char *p, const char *s, const char *base, cl_layout_match *m)
{
	size_t max = strcspn(s, "/.");
	for (size_t n = max + 1; n-- > 2;) {
		if (!cl_layout_is_tag(s, n))
			continue;
		m->lang_at = (size_t)(s - base);
		m->lang_len = n;
		if (match_here(p + 6, s + n, base, m))
			return true;
	}
	return false;
}

static bool match_here(const char *p, const char *s, const char *base, cl_layout_match *m)
{
	if (!*p)
		return !*s;
	size_t tlen;
	char kind = token(p, &tlen);
	if (kind == 'L')
		return match_lang(p, s, base, m);
	if (kind)
		return match_wild(p, tlen, kind, s, base, m);
	return *s == *p && match_here(p + 1, s + 1, base, m);
}

bool cl_layout_match_path(const char *pattern, const char *path, cl_layout_match *out)
{
	for (const char *s = path; s; s = strchr(s, '/') ? strchr(s, '/') + 1 : NULL) {
		cl_layout_match m;
		memset(&m, 0, sizeof(m));
		m.prefix = (size_t)(s - path);
		if (match_here(pattern, s, path, &m)) {
			*out = m;
			return true;
		}
	}
	return false;
}

char *cl_layout_build(const char *pattern, const cl_layout_match *m, const char *path, const char *lang)
{
	cl_buf out = CL_BUF_INIT;
	size_t wild = 0;
	cl_buf_put(&out, path, m->prefix);
	for (const char *p = pattern; *p;) {
		size_t tlen;
		char kind = token(p, &tlen);
		if (kind == 'L')
			cl_buf_puts(&out, lang);
		else if (kind && wild < m->nwild)
			cl_buf_put(&out, path + m->wild_at[wild], m->wild_len[wild]), wild++;
		else
			cl_buf_put(&out, p, tlen);
		p += tlen;
	}
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

/* The pattern's wildcards, in order, as a string of kinds; and {lang}s. */
static void shape(const char *pattern, char *kinds, size_t size, size_t *langs)
{
	size_t n = 0;
	*langs = 0;
	for (const char *p = pattern; *p;) {
		size_t tlen;
		char kind = token(p, &tlen);
		if (kind == 'L')
			(*langs)++;
		else if (kind && n + 1 < size)
			kinds[n++] = kind;
		p += tlen;
	}
	kinds[n] = '\0';
}

int cl_layout_check(const char *translation, const char *source, char *why, size_t size)
{
	char tkinds[32], skinds[32];
	size_t tlangs, slangs;
	shape(translation, tkinds, sizeof(tkinds), &tlangs);
	if (tlangs != 1) {
		snprintf(why, size, tlangs ? "{lang} stands more than once" :
			 "no {lang} in the pattern (where the language tag stands, as in content/{lang}/**)");
		return -1;
	}
	if (strlen(tkinds) > CL_LAYOUT_MAX_WILDCARDS) {
		snprintf(why, size, "more than %d wildcards", CL_LAYOUT_MAX_WILDCARDS);
		return -1;
	}
	if (!source)
		return 0;
	shape(source, skinds, sizeof(skinds), &slangs);
	if (slangs > 1 || strcmp(tkinds, skinds)) {
		snprintf(why, size, "the source pattern '%s' must have the same wildcards (* and **), in "
			 "the same order, and {lang} at most once", source);
		return -1;
	}
	return 0;
}
