/* Sources from git, read through libgit2 (never the git program): what is
 * staged (index against HEAD) and what a branch changed (merge base against
 * the branch's tip). The public entry points are in copylint.h; this header
 * holds what the tests and the rest of collect/ share. */
#ifndef CL_COLLECT_GIT_H
#define CL_COLLECT_GIT_H

#include <stdbool.h>
#include <stddef.h>

#include "sources.h"

/* Turns 1-based inclusive line ranges (lines counted by '\n', as git does)
 * into byte ranges of data, appended to source->changed. ranges holds
 * pairs (first, last) in ascending order. */
void cl_git_lines_to_bytes(cl_source *source, const char *data, size_t len,
			   const size_t *ranges, size_t nranges);

/* True for the bytes of a Git LFS pointer file. */
bool cl_git_is_lfs_pointer(const char *data, size_t len);

/* Which way --staged took. */
typedef enum {
	CL_STAGED_LIBGIT2,  /* libgit2's index and diff: the reference */
	CL_STAGED_INDEX     /* the index fast path (index.c) */
} cl_staged_path;

/* copylint_sources_add_staged, with the way chosen: allow_fast false forces
 * the libgit2 path, which the tests compare the fast path with. *taken
 * (may be NULL) says which way gave the sources. */
int cl_git_add_staged(copylint_sources *sources, const copylint_config *config,
		      const copylint_git_options *options, bool allow_fast, cl_staged_path *taken);

#endif
