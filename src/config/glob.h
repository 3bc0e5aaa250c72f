#ifndef CL_CONFIG_GLOB_H
#define CL_CONFIG_GLOB_H

#include <stdbool.h>
#include <stddef.h>

/* Longest pattern and path taken; longer ones never match. */
#define CL_GLOB_MAX 4096

/* A pattern compiled once: a token per literal byte, `?`, `*` or `**`. */
typedef struct {
	unsigned char kind[CL_GLOB_MAX];
	unsigned char byte[CL_GLOB_MAX];
	size_t count;
	bool anywhere;  /* no slash: it matches a name at any depth */
	bool valid;
} cl_glob;

/* Returns false (and a glob that matches nothing) for a pattern of
 * CL_GLOB_MAX bytes or more. */
bool cl_glob_compile(cl_glob *glob, const char *pattern);

/* Time is linear in the path's length times the pattern's tokens, whatever
 * the pattern: one pass over the path with the set of pattern positions. */
bool cl_glob_matches(const cl_glob *glob, const char *path);

/* path is relative to the folder the pattern is written for, with '/'. */
bool cl_glob_match(const char *pattern, const char *path);

#endif
