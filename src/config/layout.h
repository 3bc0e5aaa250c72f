/* Layout patterns of translations, such as content/{lang}/ followed by **,
 * or pages.{lang}/ against pages/. A `*` matches within a folder, `**`
 * across folders (`**` and a slash also match no folder at all), {lang} a
 * BCP 47 tag (`-` or `_` between subtags). A pattern matches a path at any
 * folder boundary: content/{lang}/... matches site/content/fr/a.md. */
#ifndef CL_CONFIG_LAYOUT_H
#define CL_CONFIG_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define CL_LAYOUT_MAX_WILDCARDS 8

typedef struct {
	size_t prefix;  /* bytes of the path before the match */
	size_t lang_at, lang_len;
	size_t nwild;
	size_t wild_at[CL_LAYOUT_MAX_WILDCARDS], wild_len[CL_LAYOUT_MAX_WILDCARDS];
} cl_layout_match;

/* True when s[0, len) is a language tag: a language of ISO 639 that ICU
 * knows (2-3 letters), then subtags of 1-8 letters or digits after '-' or
 * '_'. */
bool cl_layout_is_tag(const char *s, size_t len);
/* 0 when the translation pattern holds {lang} once and the source pattern
 * (NULL: the same) has the same wildcards in the same order; else -1 with
 * the reason in why. */
int cl_layout_check(const char *translation, const char *source, char *why, size_t size);
/* Matches pattern against path; the first (leftmost) folder boundary wins. */
bool cl_layout_match_path(const char *pattern, const char *path, cl_layout_match *out);
/* The counterpart: path's prefix, then pattern with the captured wildcards
 * and lang for {lang}. */
char *cl_layout_build(const char *pattern, const cl_layout_match *m, const char *path, const char *lang);

#endif
