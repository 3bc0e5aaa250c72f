/* --staged and --diff: the changed articles with their bytes from the object
 * database and the changed lines from the diff's hunks (no context lines,
 * renames followed). Nothing here reads the working tree. --staged first
 * tries the index fast path (index.c), then libgit2's diff. Only articles
 * enter a diff, and only their blobs are read: in a partial clone most
 * blobs are absent, and an absent article blob makes that one file an
 * error (missing.c), not the run.
 *
 * This file opens the repository and holds a run (git_run.h); the entry
 * points are git_staged.c and git_diff.c, which deltas enter a diff
 * git_filter.c, the sources from blobs git_source.c, changed lines
 * git_lines.c. */
#include "git.h"
#include "git_run.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "missing.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"

int cl_git_failure(int code, const char *what)
{
	const git_error *e = git_error_last();
	return cl_error_set(code, "%s: %s", what, e && e->message ? e->message : "unknown libgit2 error");
}

/* ---- opening the repository as git would ------------------------------ */

static int open_repository(git_repository **out, const char *start)
{
	const char *git_dir = getenv("GIT_DIR");
	int error;
	cl_git_allow_extensions();
	if (git_dir && *git_dir)
		error = git_repository_open_ext(out, git_dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	else
		error = git_repository_open_ext(out, start, 0, NULL);
	if (error == GIT_ENOTFOUND)
		return cl_error_set(COPYLINT_ENOTFOUND, "%s is not in a git repository",
				    git_dir && *git_dir ? git_dir : start);
	return error < 0 ? cl_git_failure(COPYLINT_EIO, "cannot open the repository") : 0;
}

/* The working tree's root, absolute, with a trailing '/'; NULL when bare.
 * GIT_WORK_TREE is taken here rather than given to libgit2, whose
 * git_repository_set_workdir (1.5) leaks. */
static char *working_tree(git_repository *repo)
{
	char resolved[PATH_MAX];
	const char *env = getenv("GIT_WORK_TREE");
	const char *workdir = env && *env ? env : git_repository_workdir(repo);
	if (!workdir || !realpath(workdir, resolved))
		return NULL;
	return cl_sprintf("%s%s", resolved, strcmp(resolved, "/") ? "/" : "");
}

/* git commit -a and git commit <path> hand hooks a temporary index. */
int cl_git_open_index(git_index **out, git_repository *repo)
{
	const char *file = getenv("GIT_INDEX_FILE");
	int error = file && *file ? git_index_open(out, file) : git_repository_index(out, repo);
	return error < 0 ? cl_git_failure(COPYLINT_EIO, "cannot read the index") : 0;
}

/* ---- pathspecs, relative to the starting folder as git takes them ----- */

static void append_segments(cl_buf *out, const char *path)
{
	for (const char *s = path; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (out->size && out->ptr[out->size - 1] != '/')
				out->size--;
			if (out->size)
				out->size--;
			if (out->ptr)
				out->ptr[out->size] = '\0';
		} else if (n && !(n == 1 && s[0] == '.')) {
			if (out->size)
				cl_buf_put(out, "/", 1);
			cl_buf_put(out, s, n);
		}
		s += n + (s[n] == '/');
	}
}

/* The folder `start` relative to the working tree ("" at its root or
 * outside it). */
static char *start_prefix(const git_run *run, const char *start)
{
	char resolved[PATH_MAX];
	if (!run->workdir || !realpath(start, resolved))
		return cl_strdup("");
	size_t wlen = strlen(run->workdir), rlen = strlen(resolved);
	/* workdir ends with '/'; resolved does not, unless it is "/". */
	if (rlen + 1 == wlen && !strncmp(resolved, run->workdir, rlen))
		return cl_strdup("");
	if (rlen < wlen || strncmp(resolved, run->workdir, wlen) != 0)
		return cl_strdup("");
	return cl_strdup(resolved + wlen);
}

/* A pathspec that names the whole tree ("." at the root) selects nothing
 * less than no pathspec: it is then dropped altogether. */
static void set_pathspecs(git_run *run, const char *start, const char *const *specs, size_t count)
{
	char *prefix = start_prefix(run, start);
	run->pathspec.strings = cl_calloc(count ? count : 1, sizeof(char *));
	bool everything = false;
	for (size_t i = 0; i < count; i++) {
		cl_buf joined = CL_BUF_INIT;
		append_segments(&joined, prefix);
		append_segments(&joined, specs[i]);
		everything |= joined.size == 0;
		run->pathspec.strings[run->pathspec.count++] = cl_buf_detach(&joined);
	}
	if (everything) {
		for (size_t i = 0; i < run->pathspec.count; i++)
			free(run->pathspec.strings[i]);
		run->pathspec.count = 0;
	}
	free(prefix);
}

int cl_git_run_begin(git_run *run, copylint_sources *sources, const copylint_config *config,
		     const copylint_git_options *options)
{
	copylint_git_options defaults = COPYLINT_GIT_OPTIONS_INIT;
	memset(run, 0, sizeof(*run));
	git_libgit2_init();  /* balanced by cl_git_run_end, whatever happens here */
	if (!options)
		options = &defaults;
	if (options->version != COPYLINT_GIT_OPTIONS_VERSION)
		return cl_error_set(COPYLINT_EINVALID, "git options version %u is not supported",
				    options->version);
	if ((unsigned)options->scope > COPYLINT_SCOPE_ALL)
		return cl_error_set(COPYLINT_EINVALID, "unknown scope %d", (int)options->scope);
	run->sources = sources;
	run->config = config;
	run->scope = options->scope;
	const char *start = options->repository ? options->repository : ".";
	int error = open_repository(&run->repo, start);
	if (error < 0)
		return error;
	if (git_repository_odb(&run->odb, run->repo) < 0)
		return cl_git_failure(COPYLINT_EIO, "cannot open the object database");
	run->workdir = working_tree(run->repo);
	set_pathspecs(run, start, options->pathspecs, options->npathspecs);
	return 0;
}

/* The git command that fetches the blobs a run reads, for a partial clone:
 * git's diff fetches what it compares in one batch. None for scope all,
 * which reads every article. */
void cl_git_set_prefetch(git_run *run, const char *diff_args)
{
	if (run->scope == COPYLINT_SCOPE_ALL)
		return;
	cl_buf command = CL_BUF_INIT;
	cl_buf_puts(&command, "git diff --numstat ");
	cl_buf_puts(&command, diff_args);
	for (size_t i = 0; i < run->pathspec.count; i++) {
		cl_buf_puts(&command, i ? " ':/" : " -- ':/");
		cl_buf_puts(&command, run->pathspec.strings[i]);
		cl_buf_puts(&command, "'");
	}
	run->prefetch = cl_buf_detach(&command);
}

void cl_git_run_end(git_run *run)
{
	for (size_t i = 0; i < run->nheld; i++)
		free(run->held[i].path);
	free(run->held);
	free(run->prefetch);
	git_tree_free(run->snapshot_tree);
	git_index_free(run->snapshot_index);
	git_odb_free(run->odb);
	for (size_t i = 0; i < run->pathspec.count; i++)
		free(run->pathspec.strings[i]);
	free(run->pathspec.strings);
	free(run->workdir);
	git_repository_free(run->repo);
	git_libgit2_shutdown();
}

/* ---- hooks --------------------------------------------------------------- */

/* A relative core.hooksPath is relative to where hooks run: the working
 * tree's root, or the git folder of a bare repository. */
static char *configured_hooks_dir(git_repository *repo)
{
	git_config *config = NULL;
	git_buf value = GIT_BUF_INIT;
	char *dir = NULL;
	if (git_repository_config_snapshot(&config, repo) == 0 &&
	    git_config_get_path(&value, config, "core.hooksPath") == 0 && value.size) {
		char *root = working_tree(repo);
		dir = value.ptr[0] == '/' ? cl_strdup(value.ptr) :
		      cl_sprintf("%s%s", root ? root : git_repository_path(repo), value.ptr);
		free(root);
	}
	git_buf_dispose(&value);
	git_config_free(config);
	return dir;
}

int copylint_git_hooks_dir(char **out, const char *repository)
{
	git_repository *repo = NULL;
	git_buf path = GIT_BUF_INIT;
	*out = NULL;
	git_libgit2_init();
	int error = open_repository(&repo, repository ? repository : ".");
	if (error == 0 && !(*out = configured_hooks_dir(repo))) {
		if (git_repository_item_path(&path, repo, GIT_REPOSITORY_ITEM_HOOKS) < 0)
			error = cl_git_failure(COPYLINT_EIO, "cannot find the hooks folder");
		else
			*out = cl_strdup(path.ptr);
	}
	git_buf_dispose(&path);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}
