/* --staged: the index against HEAD, through the index fast path
 * (index.c) when it applies, else libgit2's diff. */
#include "git.h"
#include "git_run.h"

#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"

static int refuse_conflicts(git_index *index)
{
	git_index_conflict_iterator *it = NULL;
	const git_index_entry *ancestor, *ours, *theirs;
	if (!git_index_has_conflicts(index) || git_index_conflict_iterator_new(&it, index) < 0)
		return 0;
	cl_buf names = CL_BUF_INIT;
	while (git_index_conflict_next(&ancestor, &ours, &theirs, it) == 0) {
		const git_index_entry *entry = ours ? ours : theirs ? theirs : ancestor;
		if (names.size)
			cl_buf_put(&names, ", ", 2);
		cl_buf_put(&names, entry->path, strlen(entry->path));
	}
	git_index_conflict_iterator_free(it);
	int error = cl_error_set(COPYLINT_EINVALID,
				 "unmerged files (a merge conflict in progress): %s; resolve them and "
				 "`git add` them, then check again", names.ptr);
	cl_buf_dispose(&names);
	return error;
}

/* HEAD's tree, or NULL (the empty tree) before the first commit. */
static int head_tree(git_tree **out, git_repository *repo)
{
	git_object *object = NULL;
	*out = NULL;
	if (git_repository_head_unborn(repo) == 1)
		return 0;
	if (git_revparse_single(&object, repo, "HEAD^{tree}") < 0)
		return cl_git_failure(COPYLINT_EIO, "cannot read HEAD");
	*out = (git_tree *)object;
	return 0;
}

/* The libgit2 path: the reference that the fast path agrees with. */
static int add_staged_libgit2(git_run *run)
{
	git_index *index = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	int error;
	if ((error = cl_git_open_index(&index, run->repo)) < 0 || (error = refuse_conflicts(index)) < 0)
		goto cleanup;
	if (run->scope != COPYLINT_SCOPE_ALL && (error = head_tree(&tree, run->repo)) < 0)
		goto cleanup;
	git_diff_options diff_opts = cl_git_diff_options(run);
	if (git_diff_tree_to_index(&diff, run->repo, tree, index, &diff_opts) < 0) {
		error = cl_git_failure(COPYLINT_EIO, "cannot compare the index with HEAD");
		goto cleanup;
	}
	error = cl_git_add_diff(run, diff);
cleanup:
	git_diff_free(diff);
	git_tree_free(tree);
	git_index_free(index);
	return error;
}

/* ---- --staged, the fast path ------------------------------------------- */

/* Why a reader of our own (index.c): libgit2 1.5, the Debian package, spends
 * most of a --staged run on 50,000 files reading the index and walking
 * every tree of HEAD, 3x `git diff --cached`. The fast path takes the
 * common pre-commit case (modifications only, or additions only) and
 * leaves everything else to the libgit2 path, which stays the reference;
 * tests/unit/git_index_*.c hold both to the same sources. */

/* A case-insensitive index makes libgit2 sort and match paths ignoring
 * case; the reader knows SHA-1 ids only. */
static bool config_allows_fast_path(git_repository *repo)
{
	git_config *config = NULL;
	git_buf format = GIT_BUF_INIT;
	int ignore_case = 0;
	if (git_repository_config_snapshot(&config, repo) < 0)
		return false;
	int found = git_config_get_bool(&ignore_case, config, "core.ignorecase");
	bool allowed = found == GIT_ENOTFOUND || (found == 0 && !ignore_case);
	if (allowed && git_config_get_string_buf(&format, config, "extensions.objectformat") == 0)
		allowed = !strcmp(format.ptr, "sha1");
	git_buf_dispose(&format);
	git_config_free(config);
	return allowed;
}

/* The file open_index reads: GIT_INDEX_FILE as given, else the one libgit2
 * finds for the repository (a linked worktree has its own). */
static char *index_file(git_repository *repo)
{
	const char *file = getenv("GIT_INDEX_FILE");
	git_buf path = GIT_BUF_INIT;
	if (file && *file)
		return cl_strdup(file);
	if (git_repository_item_path(&path, repo, GIT_REPOSITORY_ITEM_INDEX) < 0)
		return NULL;
	char *copy = cl_strdup(path.ptr);
	git_buf_dispose(&path);
	return copy;
}

typedef struct {
	git_run *run;
	const cl_index_change *change;
} change_at;

/* An added file is new from its first line to its last (a last line
 * without '\n' counts), the one hunk the diff gives; an empty one has none. */
static void every_line(const git_blob *blob, size_t **ranges, size_t *nranges)
{
	const char *data = git_blob_rawcontent(blob);
	const char *end = data + git_blob_rawsize(blob);
	size_t lines = 0;
	for (const char *at = data; at < end; lines++) {
		const char *newline = memchr(at, '\n', (size_t)(end - at));
		at = newline ? newline + 1 : end;
	}
	if (!lines)
		return;
	*ranges = cl_malloc(2 * sizeof(**ranges));
	(*ranges)[0] = 1;
	(*ranges)[1] = lines;
	*nranges = 1;
}

/* A modified file's lines from its two blobs, with the diff's options.
 * Buffers, not blobs: libgit2 looks up a blob patch's diff driver in the
 * attributes, which reads the whole index again; with text forced, a
 * driver changes only hunk headers, never which lines changed. */
static int change_lines(size_t **ranges, size_t *nranges, const git_blob *blob, void *payload)
{
	const change_at *at = payload;
	git_blob *old = NULL;
	git_patch *patch = NULL;
	if (at->change->added) {
		every_line(blob, ranges, nranges);
		return 0;
	}
	git_diff_options options = cl_git_diff_options(at->run);
	options.pathspec.count = 0;
	options.notify_cb = NULL;
	if (!git_odb_exists(at->run->odb, &at->change->old_id)) {
		cl_git_add_missing(at->run, at->change->path, &at->change->old_id, true);
		return OLD_BLOB_MISSING;
	}
	if (git_blob_lookup(&old, at->run->repo, &at->change->old_id) < 0)
		return cl_git_failure(COPYLINT_EIO, at->change->path);
	int error = git_patch_from_buffers(&patch, git_blob_rawcontent(old), (size_t)git_blob_rawsize(old),
					   NULL, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
					   NULL, &options);
	if (error < 0)
		error = cl_git_failure(COPYLINT_EIO, "cannot compute the diff");
	else
		cl_git_patch_lines(patch, ranges, nranges);
	git_patch_free(patch);
	git_blob_free(old);
	return error;
}

/* The pathspecs are matched as libgit2's diff matches them. */
static int add_index_changes(git_run *run, const cl_index *index, const git_pathspec *pathspec)
{
	size_t count;
	const cl_index_change *changes = cl_index_changes(index, &count);
	for (size_t i = 0; i < count; i++) {
		change_at at = { run, &changes[i] };
		if (pathspec && !git_pathspec_matches_path(pathspec, 0, changes[i].path))
			continue;
		int error = cl_git_add_changed_file(run, changes[i].path, &changes[i].new_id, changes[i].new_mode,
					     change_lines, &at);
		if (error < 0)
			return error;
	}
	return 0;
}

/* *handled false (nothing added, no error): the libgit2 path must run. */
static int add_staged_fast(git_run *run, bool *handled)
{
	git_tree *tree = NULL;
	git_pathspec *pathspec = NULL;
	cl_index *index = NULL;
	char *file = NULL;
	int error = 0;
	*handled = false;
	if (run->scope == COPYLINT_SCOPE_ALL || !config_allows_fast_path(run->repo) ||
	    head_tree(&tree, run->repo) < 0 || !(file = index_file(run->repo)) ||
	    (run->pathspec.count && git_pathspec_new(&pathspec, &run->pathspec) < 0) ||
	    cl_index_staged(&index, file, run->repo, tree) != 0) {
		cl_error_clear();  /* the libgit2 path says what is wrong, if anything is */
		git_error_clear();
		goto cleanup;
	}
	*handled = true;
	error = add_index_changes(run, index, pathspec);
cleanup:
	cl_index_free(index);
	git_pathspec_free(pathspec);
	free(file);
	git_tree_free(tree);
	return error;
}

int cl_git_add_staged(copylint_sources *sources, const copylint_config *config,
		      const copylint_git_options *options, bool allow_fast, cl_staged_path *taken)
{
	git_run run;
	bool fast = false;
	size_t first = sources->count;
	int error = cl_git_run_begin(&run, sources, config, options);
	if (error == 0)
		cl_git_set_prefetch(&run, "--cached");
	if (error == 0 && allow_fast)
		error = add_staged_fast(&run, &fast);
	if (error == 0 && !fast)
		error = add_staged_libgit2(&run);
	if (error == 0)
		cl_git_add_translation_sources(&run, first);
	if (taken)
		*taken = fast ? CL_STAGED_INDEX : CL_STAGED_LIBGIT2;
	cl_git_run_end(&run);
	return error;
}

int copylint_sources_add_staged(copylint_sources *sources, const copylint_config *config,
				const copylint_git_options *options)
{
	return cl_git_add_staged(sources, config, options, true, NULL);
}
