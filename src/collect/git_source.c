/* --staged and --diff: the sources of the changed articles, read from
 * their blobs; a binary file or an LFS pointer is not an article, an absent
 * blob makes its file an error (missing.c). */
#include "git.h"
#include "git_run.h"

#include <stdlib.h>
#include <string.h>

#include "missing.h"
#include "../util/alloc.h"

/* Git calls a blob binary when its first 8000 bytes hold a NUL. */
#define BINARY_PROBE_BYTES 8000
#define LFS_POINTER_MAX_BYTES 1024

bool cl_git_is_lfs_pointer(const char *data, size_t len)
{
	static const char *const headers[] = {
		"version https://git-lfs.github.com/spec/v1\n",
		"version https://hawser.github.com/spec/v1\n", NULL
	};
	if (len >= LFS_POINTER_MAX_BYTES)
		return false;
	for (size_t i = 0; headers[i]; i++)
		if (len >= strlen(headers[i]) && !memcmp(data, headers[i], strlen(headers[i])))
			return true;
	return false;
}

static bool is_binary(const char *data, size_t len)
{
	return memchr(data, '\0', len < BINARY_PROBE_BYTES ? len : BINARY_PROBE_BYTES) != NULL;
}
/* ---- adding the sources ------------------------------------------------ */

static cl_source *add_source(copylint_sources *sources, const char *path, const char *data, size_t len)
{
	copylint_sources_add_buffer(sources, path, data, len);
	return &sources->items[sources->count - 1];
}

/* An article that cannot be checked because a blob is absent: an error of
 * that file, said when the files are checked. */
void cl_git_add_missing(git_run *run, const char *path, const git_oid *id, bool previous)
{
	cl_source *source = add_source(run->sources, path, "", 0);
	source->error = cl_git_missing_message(run->repo, path, id, previous, run->prefetch);
	if (run->workdir)
		source->config_path = cl_sprintf("%s%s", run->workdir, path);
}

/* A changed file, by its new side: taken when it is an article whose blob
 * is neither binary nor an LFS pointer, with its changed lines when the
 * scope wants them. The diff and the index fast path both end here. */
int cl_git_add_changed_file(git_run *run, const char *path, const git_oid *id, uint32_t mode,
			    lines_fn lines, void *payload)
{
	git_blob *blob = NULL;
	if (!cl_git_wanted_mode(mode) || !cl_git_is_article(run, path))
		return 0;
	if (!git_odb_exists(run->odb, id)) {
		cl_git_add_missing(run, path, id, false);
		return 0;
	}
	if (git_blob_lookup(&blob, run->repo, id) < 0)
		return cl_git_failure(COPYLINT_EIO, path);
	const char *data = git_blob_rawcontent(blob);
	size_t len = (size_t)git_blob_rawsize(blob);
	int error = 0;
	if (!is_binary(data, len) && !cl_git_is_lfs_pointer(data, len)) {
		size_t *ranges = NULL, nranges = 0;
		if (run->scope == COPYLINT_SCOPE_LINES)
			error = lines(&ranges, &nranges, blob, payload);
		if (error == OLD_BLOB_MISSING)
			error = 0;  /* the lines function said which file */
		else if (error == 0) {
			cl_source *source = add_source(run->sources, path, data, len);
			if (run->workdir)
				source->config_path = cl_sprintf("%s%s", run->workdir, path);
			source->limit_to_changed = run->scope == COPYLINT_SCOPE_LINES;
			cl_git_lines_to_bytes(source, data, len, ranges, nranges);
		}
		free(ranges);
	}
	git_blob_free(blob);
	return error;
}

static int add_delta(git_run *run, git_diff *diff, size_t i)
{
	const git_diff_delta *delta = git_diff_get_delta(diff, i);
	delta_at at = { diff, i };
	if (!cl_git_wanted_status(delta))
		return 0;
	return cl_git_add_changed_file(run, delta->new_file.path, &delta->new_file.id, delta->new_file.mode,
				cl_git_delta_lines, &at);
}

/* The articles held out of the diff: a file whose new blob is absent, or
 * whose old one is when the changed lines need it, is an error; with scope
 * files, the new blob is all it takes. */
static int add_held(git_run *run)
{
	for (size_t i = 0; i < run->nheld; i++) {
		const held_delta *h = &run->held[i];
		if (h->new_missing)
			cl_git_add_missing(run, h->path, &h->new_id, false);
		else if (run->scope == COPYLINT_SCOPE_LINES)
			cl_git_add_missing(run, h->path, &h->old_id, true);
		else {
			int error = cl_git_add_changed_file(run, h->path, &h->new_id, h->mode, NULL, NULL);
			if (error < 0)
				return error;
		}
	}
	return 0;
}

int cl_git_add_diff(git_run *run, git_diff *diff)
{
	git_diff_find_options find;
	git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
	find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES;
	if (run->scope != COPYLINT_SCOPE_ALL && git_diff_find_similar(diff, &find) < 0)
		return cl_git_failure(COPYLINT_ERROR, "cannot detect renames");
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		int error = add_delta(run, diff, i);
		if (error < 0)
			return error;
	}
	return add_held(run);
}
