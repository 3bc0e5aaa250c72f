/* Globs as .gitignore users write them: `*` and `?` stay inside one path
 * segment, `**` crosses segments, a pattern without a slash matches a file
 * name at any depth, and a pattern that matches a folder matches all below
 * it.
 *
 * Matching simulates the pattern as an automaton: the set of pattern
 * positions reachable after each byte of the path. No backtracking, so a
 * pattern such as `*a*a*a*a*b` costs what `ab` costs per byte and token
 * (a backtracking matcher takes minutes on it). */
#include <stdlib.h>
#include <string.h>

#include "glob.h"

enum { TOK_BYTE, TOK_ONE, TOK_STAR, TOK_ANY };

static void add_token(cl_glob *glob, unsigned char kind, unsigned char byte)
{
	glob->kind[glob->count] = kind;
	glob->byte[glob->count] = byte;
	glob->count++;
}

static void tokenize(cl_glob *glob, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '*' && i + 1 < len && p[i + 1] == '*') {
			add_token(glob, TOK_ANY, 0);
			i++;
			if (i + 1 < len && p[i + 1] == '/')
				i++;  /* a double star then a slash also matches no folder */
		} else if (p[i] == '*') {
			add_token(glob, TOK_STAR, 0);
		} else if (p[i] == '?') {
			add_token(glob, TOK_ONE, 0);
		} else {
			add_token(glob, TOK_BYTE, (unsigned char)p[i]);
		}
	}
}

bool cl_glob_compile(cl_glob *glob, const char *pattern)
{
	glob->count = 0;
	glob->valid = false;
	while (pattern[0] == '.' && pattern[1] == '/')
		pattern += 2;
	if (*pattern == '/')
		pattern++;
	size_t len = strlen(pattern);
	if (len >= CL_GLOB_MAX)
		return false;
	if (len && pattern[len - 1] == '/')
		len--;
	glob->anywhere = !memchr(pattern, '/', len);
	tokenize(glob, pattern, len);
	glob->valid = true;
	return true;
}

/* Adds position i, and the positions after the stars that may match
 * nothing. */
static void enter(const cl_glob *glob, unsigned char *set, size_t i)
{
	for (; i <= glob->count && !set[i]; i++) {
		set[i] = 1;
		if (i == glob->count || (glob->kind[i] != TOK_STAR && glob->kind[i] != TOK_ANY))
			break;
	}
}

/* The positions reachable from `from` by reading byte c. */
static bool step(const cl_glob *glob, const unsigned char *from, unsigned char *to, unsigned char c)
{
	bool any = false;
	memset(to, 0, glob->count + 1);
	for (size_t i = 0; i < glob->count; i++) {
		if (!from[i])
			continue;
		unsigned char kind = glob->kind[i];
		if ((kind == TOK_STAR && c != '/') || kind == TOK_ANY)
			enter(glob, to, i), any = true;
		else if ((kind == TOK_ONE && c != '/') || (kind == TOK_BYTE && glob->byte[i] == c))
			enter(glob, to, i + 1), any = true;
	}
	return any;
}

/* A match ends at the end of the path or at a slash (the pattern matched a
 * folder above it); a pattern without a slash may also start after any
 * slash. */
static bool run(const cl_glob *glob, const char *path, unsigned char *cur, unsigned char *next)
{
	memset(cur, 0, glob->count + 1);
	enter(glob, cur, 0);
	for (const char *s = path;; s++) {
		if ((*s == '\0' || *s == '/') && cur[glob->count])
			return true;
		if (*s == '\0')
			return false;
		bool alive = step(glob, cur, next, (unsigned char)*s);
		if (*s == '/' && glob->anywhere)
			enter(glob, next, 0), alive = true;
		if (!alive && !glob->anywhere)
			return false;
		if (!alive && !(s = strchr(s, '/')))
			return false;  /* nothing until the next name */
		if (!alive)
			enter(glob, next, 0);
		unsigned char *swap = cur;
		cur = next;
		next = swap;
	}
}

bool cl_glob_matches(const cl_glob *glob, const char *path)
{
	if (!glob->valid)
		return false;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	unsigned char *sets = malloc(2 * (glob->count + 1));
	if (!sets)
		abort();
	bool matched = run(glob, path, sets, sets + glob->count + 1);
	free(sets);
	return matched;
}

bool cl_glob_match(const char *pattern, const char *path)
{
	cl_glob *glob = malloc(sizeof(*glob));
	if (!glob)
		abort();
	bool matched = cl_glob_compile(glob, pattern) && cl_glob_matches(glob, path);
	free(glob);
	return matched;
}
