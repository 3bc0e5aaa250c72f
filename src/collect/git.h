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

#endif
