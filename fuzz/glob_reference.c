/* The backtracking matcher copylint used before src/config/glob.c became an
 * automaton: exponential on some patterns, so the fuzzer asks it only about
 * patterns with few stars, and checks that both give the same answer. */
#include <stdbool.h>
#include <string.h>

#include "glob_reference.h"

static bool match_here(const char *p, const char *s)
{
	for (;;) {
		if (*p == '\0')
			return *s == '\0';
		if (p[0] == '*' && p[1] == '*') {
			p += 2;
			if (*p == '/')
				p++;
			for (const char *t = s;; t++) {
				if (match_here(p, t))
					return true;
				if (!*t)
					return false;
			}
		}
		if (*p == '*') {
			p++;
			for (const char *t = s;; t++) {
				if (match_here(p, t))
					return true;
				if (!*t || *t == '/')
					return false;
			}
		}
		if (*p == '?') {
			if (!*s || *s == '/')
				return false;
			p++;
			s++;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
}

/* Matches pattern against path, or against any of its leading folders. */
static bool match_or_parent(const char *pattern, const char *path)
{
	if (match_here(pattern, path))
		return true;
	char prefix[4096];
	size_t len = strlen(path);
	if (len >= sizeof(prefix))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (path[i] != '/')
			continue;
		memcpy(prefix, path, i);
		prefix[i] = '\0';
		if (match_here(pattern, prefix))
			return true;
	}
	return false;
}

bool reference_glob_match(const char *pattern, const char *path)
{
	while (pattern[0] == '.' && pattern[1] == '/')
		pattern += 2;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (*pattern == '/')
		pattern++;
	size_t plen = strlen(pattern);
	char trimmed[4096];
	if (plen && pattern[plen - 1] == '/' && plen < sizeof(trimmed)) {
		memcpy(trimmed, pattern, plen - 1);
		trimmed[plen - 1] = '\0';
		pattern = trimmed;
	}
	if (match_or_parent(pattern, path))
		return true;
	if (strchr(pattern, '/'))
		return false;
	for (const char *slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/'))
		if (match_or_parent(pattern, slash + 1))
			return true;
	return false;
}
