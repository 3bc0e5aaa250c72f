/* --staged and --diff: the changed articles with their bytes from the object
 * database and the changed lines from the diff's hunks (no context lines,
 * renames followed). Nothing here reads the working tree. */
#include "git.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../config/config.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"

/* Git calls a blob binary when its first 8000 bytes hold a NUL. */
#define BINARY_PROBE_BYTES 8000
#define LFS_POINTER_MAX_BYTES 1024

typedef struct {
	copylint_sources *sources;
	const copylint_config *config;
	copylint_scope scope;
	git_repository *repo;
	char *workdir;      /* absolute, with a trailing '/'; NULL when bare */
	git_strarray pathspec;
} git_run;

static int git_failure(int code, const char *what)
{
	const git_error *e = git_error_last();
	return cl_error_set(code, "%s: %s", what, e && e->message ? e->message : "unknown libgit2 error");
}

/* ---- opening the repository as git would ------------------------------ */

static int open_repository(git_repository **out, const char *start)
{
	const char *git_dir = getenv("GIT_DIR");
	int error;
	if (git_dir && *git_dir)
		error = git_repository_open_ext(out, git_dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	else
		error = git_repository_open_ext(out, start, 0, NULL);
	if (error < 0)
		return cl_error_set(COPYLINT_ENOTFOUND, "%s is not in a git repository",
				    git_dir && *git_dir ? git_dir : start);
	return 0;
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
static int open_index(git_index **out, git_repository *repo)
{
	const char *file = getenv("GIT_INDEX_FILE");
	int error = file && *file ? git_index_open(out, file) : git_repository_index(out, repo);
	return error < 0 ? git_failure(COPYLINT_EIO, "cannot read the index") : 0;
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

/* ---- which files are articles ----------------------------------------- */

static bool is_article(const git_run *run, const char *path)
{
	const copylint_config *config = run->config;
	char *full = run->workdir ? cl_sprintf("%s%s", run->workdir, path) : cl_strdup(path);
	const char *name = strrchr(path, '/');
	bool taken = config->ninclude ?
		cl_config_glob_match(config, config->include, config->ninclude, full) :
		cl_is_article_name(name ? name + 1 : path);
	taken = taken && !copylint_config_excludes(config, full);
	free(full);
	return taken;
}

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

static bool wanted_delta(const git_diff_delta *delta)
{
	switch (delta->status) {
	case GIT_DELTA_ADDED:
	case GIT_DELTA_MODIFIED:
	case GIT_DELTA_RENAMED:
	case GIT_DELTA_COPIED:
	case GIT_DELTA_TYPECHANGE:
		break;
	default:
		return false;  /* deleted, unmodified, conflicted, ... */
	}
	/* Submodules (commits) and symlinks are not articles. */
	return delta->new_file.mode == GIT_FILEMODE_BLOB ||
	       delta->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

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

/* The added lines of delta i, from its hunks (the diff has no context). */
static int changed_lines(git_diff *diff, size_t i, size_t **ranges, size_t *nranges)
{
	git_patch *patch = NULL;
	size_t cap = 0;
	*ranges = NULL;
	*nranges = 0;
	if (git_patch_from_diff(&patch, diff, i) < 0)
		return git_failure(COPYLINT_EIO, "cannot compute the diff");
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
	git_patch_free(patch);
	return 0;
}

/* ---- adding the sources ------------------------------------------------ */

static cl_source *add_source(copylint_sources *sources, const char *path, const char *data, size_t len)
{
	copylint_sources_add_buffer(sources, path, data, len);
	return &sources->items[sources->count - 1];
}

static int add_delta(git_run *run, git_diff *diff, size_t i)
{
	const git_diff_delta *delta = git_diff_get_delta(diff, i);
	git_blob *blob = NULL;
	if (!wanted_delta(delta) || !is_article(run, delta->new_file.path))
		return 0;
	if (git_blob_lookup(&blob, run->repo, &delta->new_file.id) < 0)
		return git_failure(COPYLINT_EIO, delta->new_file.path);
	const char *data = git_blob_rawcontent(blob);
	size_t len = (size_t)git_blob_rawsize(blob);
	int error = 0;
	if (!is_binary(data, len) && !cl_git_is_lfs_pointer(data, len)) {
		size_t *ranges = NULL, nranges = 0;
		if (run->scope == COPYLINT_SCOPE_LINES)
			error = changed_lines(diff, i, &ranges, &nranges);
		if (error == 0) {
			cl_source *source = add_source(run->sources, delta->new_file.path, data, len);
			if (run->workdir)
				source->config_path = cl_sprintf("%s%s", run->workdir, delta->new_file.path);
			source->limit_to_changed = run->scope == COPYLINT_SCOPE_LINES;
			cl_git_lines_to_bytes(source, data, len, ranges, nranges);
		}
		free(ranges);
	}
	git_blob_free(blob);
	return error;
}

static int add_diff(git_run *run, git_diff *diff)
{
	git_diff_find_options find;
	git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
	find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES;
	if (run->scope != COPYLINT_SCOPE_ALL && git_diff_find_similar(diff, &find) < 0)
		return git_failure(COPYLINT_ERROR, "cannot detect renames");
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		int error = add_delta(run, diff, i);
		if (error < 0)
			return error;
	}
	return 0;
}

static git_diff_options diff_options(const git_run *run)
{
	git_diff_options options;
	git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
	options.context_lines = 0;
	options.interhunk_lines = 0;
	options.flags = GIT_DIFF_FORCE_TEXT | GIT_DIFF_INCLUDE_TYPECHANGE;
	options.pathspec = run->pathspec;
	return options;
}

static int run_begin(git_run *run, copylint_sources *sources, const copylint_config *config,
		     const copylint_git_options *options)
{
	copylint_git_options defaults = COPYLINT_GIT_OPTIONS_INIT;
	memset(run, 0, sizeof(*run));
	git_libgit2_init();  /* balanced by run_end, whatever happens here */
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
	run->workdir = working_tree(run->repo);
	set_pathspecs(run, start, options->pathspecs, options->npathspecs);
	return 0;
}

static void run_end(git_run *run)
{
	for (size_t i = 0; i < run->pathspec.count; i++)
		free(run->pathspec.strings[i]);
	free(run->pathspec.strings);
	free(run->workdir);
	git_repository_free(run->repo);
	git_libgit2_shutdown();
}

/* ---- --staged ------------------------------------------------------------ */

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
		return git_failure(COPYLINT_EIO, "cannot read HEAD");
	*out = (git_tree *)object;
	return 0;
}

int copylint_sources_add_staged(copylint_sources *sources, const copylint_config *config,
				const copylint_git_options *options)
{
	git_run run;
	git_index *index = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	int error = run_begin(&run, sources, config, options);
	if (error < 0)
		goto cleanup;
	if ((error = open_index(&index, run.repo)) < 0 || (error = refuse_conflicts(index)) < 0)
		goto cleanup;
	if (run.scope != COPYLINT_SCOPE_ALL && (error = head_tree(&tree, run.repo)) < 0)
		goto cleanup;
	git_diff_options diff_opts = diff_options(&run);
	if (git_diff_tree_to_index(&diff, run.repo, tree, index, &diff_opts) < 0) {
		error = git_failure(COPYLINT_EIO, "cannot compare the index with HEAD");
		goto cleanup;
	}
	error = add_diff(&run, diff);
cleanup:
	git_diff_free(diff);
	git_tree_free(tree);
	git_index_free(index);
	run_end(&run);
	return error;
}

/* ---- --diff -------------------------------------------------------------- */

static int missing_base(git_repository *repo, const char *what, const char *base)
{
	return cl_error_set(COPYLINT_ENOTFOUND,
			    "%s '%s' is not in this repository%s. Fetch the history the comparison "
			    "needs: in GitHub Actions set `fetch-depth: 0` on actions/checkout, in GitLab "
			    "CI set GIT_DEPTH: 0, or run `git fetch --deepen=200` (or `git fetch "
			    "--unshallow`) before copylint",
			    what, base, git_repository_is_shallow(repo) == 1 ? " (this is a shallow clone)" : "");
}

static int lookup_commit(git_commit **out, git_repository *repo, const char *spec)
{
	git_object *object = NULL;
	int error = git_revparse_single(&object, repo, spec);
	if (error == 0) {
		error = git_object_peel((git_object **)out, object, GIT_OBJECT_COMMIT);
		git_object_free(object);
	}
	if (error < 0)
		return missing_base(repo, "the commit", spec);
	return 0;
}

typedef struct {
	char *base, *tip;
} range_ends;

/* "BASE", "A..B" or "A...B"; an empty end is HEAD, as in git. */
static int split_range(range_ends *ends, const char *range)
{
	const char *dots = strstr(range, "..");
	if (!*range || (dots && dots == range && !dots[2 + (dots[2] == '.')]))
		return cl_error_set(COPYLINT_EINVALID, "--diff needs a base, not '%s'", range);
	if (!dots) {
		ends->base = cl_strdup(range);
		ends->tip = cl_strdup("HEAD");
		return 0;
	}
	const char *after = dots + 2 + (dots[2] == '.');
	ends->base = dots == range ? cl_strdup("HEAD") : cl_strndup(range, (size_t)(dots - range));
	ends->tip = cl_strdup(*after ? after : "HEAD");
	return 0;
}

static int merge_base_tree(git_tree **out, git_repository *repo, const char *base_name,
			   const git_commit *base, const git_commit *tip)
{
	git_oid oid;
	git_commit *merge_base = NULL;
	int error = git_merge_base(&oid, repo, git_commit_id(base), git_commit_id(tip));
	if (error == GIT_ENOTFOUND && git_repository_is_shallow(repo) != 1)
		return cl_error_set(COPYLINT_EINVALID, "'%s' and the commit checked have no common history",
				    base_name);
	if (error < 0 || git_commit_lookup(&merge_base, repo, &oid) < 0)
		return missing_base(repo, "the merge base of the branch and", base_name);
	error = git_commit_tree(out, merge_base);
	git_commit_free(merge_base);
	return error < 0 ? git_failure(COPYLINT_EIO, "cannot read the merge base") : 0;
}

static int diff_trees(git_run *run, const range_ends *ends, git_diff **diff)
{
	git_commit *base = NULL, *tip = NULL;
	git_tree *base_tree = NULL, *tip_tree = NULL;
	int error;
	if ((error = lookup_commit(&base, run->repo, ends->base)) < 0 ||
	    (error = lookup_commit(&tip, run->repo, ends->tip)) < 0)
		goto cleanup;
	if (run->scope != COPYLINT_SCOPE_ALL &&
	    (error = merge_base_tree(&base_tree, run->repo, ends->base, base, tip)) < 0)
		goto cleanup;
	if (git_commit_tree(&tip_tree, tip) < 0) {
		error = git_failure(COPYLINT_EIO, ends->tip);
		goto cleanup;
	}
	git_diff_options diff_opts = diff_options(run);
	if (git_diff_tree_to_tree(diff, run->repo, base_tree, tip_tree, &diff_opts) < 0)
		error = git_failure(COPYLINT_EIO, "cannot compare the trees");
cleanup:
	git_tree_free(tip_tree);
	git_tree_free(base_tree);
	git_commit_free(tip);
	git_commit_free(base);
	return error;
}

int copylint_sources_add_diff(copylint_sources *sources, const copylint_config *config,
			      const char *range, const copylint_git_options *options)
{
	git_run run;
	git_diff *diff = NULL;
	range_ends ends = { NULL, NULL };
	int error = run_begin(&run, sources, config, options);
	if (error < 0 || (error = split_range(&ends, range ? range : "")) < 0)
		goto cleanup;
	if ((error = diff_trees(&run, &ends, &diff)) == 0)
		error = add_diff(&run, diff);
cleanup:
	git_diff_free(diff);
	free(ends.base);
	free(ends.tip);
	run_end(&run);
	return error;
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
			error = git_failure(COPYLINT_EIO, "cannot find the hooks folder");
		else
			*out = cl_strdup(path.ptr);
	}
	git_buf_dispose(&path);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}
