/* --staged and --diff: the changed lines of a file, from a patch's hunks
 * to byte ranges of its source. */
#include "git.h"
#include "git_run.h"

#include <string.h>

#include "../util/alloc.h"

/* ---- changed lines ----------------------------------------------------- */

/* Byte offset where line `line` (1-based) starts, scanning on from
 * (*at_line, *at_byte). */
static size_t seek_line(const char *data, size_t len, size_t line, size_t *at_line, size_t *at_byte)
{
	while (*at_line < line && *at_byte < len) {
		const char *nl = memchr(data + *at_byte, '\n', len - *at_byte);
		*at_byte = nl ? (size_t)(nl - data) + 1 : len;
		(*at_line)++;
	}
	return *at_byte;
}

void cl_git_lines_to_bytes(cl_source *source, const char *data, size_t len,
			   const size_t *ranges, size_t nranges)
{
	size_t at_line = 1, at_byte = 0, cap = source->nchanged;
	for (size_t i = 0; i < nranges; i++) {
		size_t start = seek_line(data, len, ranges[2 * i], &at_line, &at_byte);
		size_t end = seek_line(data, len, ranges[2 * i + 1] + 1, &at_line, &at_byte);
		CL_GROW(source->changed, cap, source->nchanged + 1);
		source->changed[source->nchanged++] = (cl_byte_range){ start, end };
	}
}

/* The added lines of a patch, from its hunks (the diff has no context). */
void cl_git_patch_lines(git_patch *patch, size_t **ranges, size_t *nranges)
{
	size_t cap = 0;
	for (size_t h = 0; patch && h < git_patch_num_hunks(patch); h++) {
		const git_diff_hunk *hunk;
		size_t nlines;
		git_patch_get_hunk(&hunk, &nlines, patch, h);
		if (hunk->new_lines <= 0)
			continue;  /* only deletions here */
		CL_GROW(*ranges, cap, 2 * (*nranges + 1));
		(*ranges)[2 * *nranges] = (size_t)hunk->new_start;
		(*ranges)[2 * *nranges + 1] = (size_t)(hunk->new_start + hunk->new_lines - 1);
		(*nranges)++;
	}
}


int cl_git_delta_lines(size_t **ranges, size_t *nranges, const git_blob *blob, void *payload)
{
	const delta_at *at = payload;
	git_patch *patch = NULL;
	if (git_patch_from_diff(&patch, at->diff, at->i) < 0)
		return cl_git_failure(COPYLINT_EIO, "cannot compute the diff");
	cl_git_patch_lines(patch, ranges, nranges);
	git_patch_free(patch);
	return 0;
}
