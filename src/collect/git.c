/* --staged and --diff: the changed articles with their bytes from the object
 * database and the changed lines from the diff's hunks (no context lines,
 * renames followed). Nothing here reads the working tree. --staged first
 * tries the index fast path (index.c), then libgit2's diff. Only articles
 * enter a diff, and only their blobs are read: in a partial clone most
 * blobs are absent, and an absent article blob makes that one file an
 * error (missing.c), not the run. */
#include "git.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../config/config.h"
#include "index.h"
#include "missing.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"

/* Git calls a blob binary when its first 8000 bytes hold a NUL. */
#define BINARY_PROBE_BYTES 8000
#define LFS_POINTER_MAX_BYTES 1024

/* A changed article kept out of the diff because a blob is absent. */
typedef struct {
	char *path;
	git_oid new_id, old_id;
	uint32_t mode;
	bool new_missing;   /* else the old side (a modification's) is */
} held_delta;

typedef struct {
	copylint_sources *sources;
	const copylint_config *config;
	copylint_scope scope;
	git_repository *repo;
	git_odb *odb;
	char *workdir;      /* absolute, with a trailing '/'; NULL when bare */
	git_strarray pathspec;
	char *prefetch;     /* the git command that fetches this run's blobs; may be NULL */
	held_delta *held;
	size_t nheld, held_cap;
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
	cl_git_allow_extensions();
	if (git_dir && *git_dir)
		error = git_repository_open_ext(out, git_dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	else
		error = git_repository_open_ext(out, start, 0, NULL);
	if (error == GIT_ENOTFOUND)
		return cl_error_set(COPYLINT_ENOTFOUND, "%s is not in a git repository",
				    git_dir && *git_dir ? git_dir : start);
	return error < 0 ? git_failure(COPYLINT_EIO, "cannot open the repository") : 0;
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

static bool wanted_status(const git_diff_delta *delta)
{
	switch (delta->status) {
	case GIT_DELTA_ADDED:
	case GIT_DELTA_MODIFIED:
	case GIT_DELTA_RENAMED:
	case GIT_DELTA_COPIED:
	case GIT_DELTA_TYPECHANGE:
		return true;
	default:
		return false;  /* deleted, unmodified, conflicted, ... */
	}
}

/* Submodules (commits) and symlinks are not articles. */
static bool wanted_mode(uint32_t mode)
{
	return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
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

/* The added lines of a patch, from its hunks (the diff has no context). */
static void patch_lines(git_patch *patch, size_t **ranges, size_t *nranges)
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

/* What gives a changed file's added lines: its delta in a diff, or (the
 * index fast path) the blobs on both sides. blob is the new side. Returns
 * OLD_BLOB_MISSING when the old side is absent. */
typedef int (*lines_fn)(size_t **ranges, size_t *nranges, const git_blob *blob, void *payload);

#define OLD_BLOB_MISSING 1

typedef struct {
	git_diff *diff;
	size_t i;
} delta_at;

static int delta_lines(size_t **ranges, size_t *nranges, const git_blob *blob, void *payload)
{
	const delta_at *at = payload;
	git_patch *patch = NULL;
	if (git_patch_from_diff(&patch, at->diff, at->i) < 0)
		return git_failure(COPYLINT_EIO, "cannot compute the diff");
	patch_lines(patch, ranges, nranges);
	git_patch_free(patch);
	return 0;
}

/* ---- adding the sources ------------------------------------------------ */

static cl_source *add_source(copylint_sources *sources, const char *path, const char *data, size_t len)
{
	copylint_sources_add_buffer(sources, path, data, len);
	return &sources->items[sources->count - 1];
}

/* An article that cannot be checked because a blob is absent: an error of
 * that file, said when the files are checked. */
static void add_missing(git_run *run, const char *path, const git_oid *id, bool previous)
{
	cl_source *source = add_source(run->sources, path, "", 0);
	source->error = cl_git_missing_message(run->repo, path, id, previous, run->prefetch);
	if (run->workdir)
		source->config_path = cl_sprintf("%s%s", run->workdir, path);
}

/* A changed file, by its new side: taken when it is an article whose blob
 * is neither binary nor an LFS pointer, with its changed lines when the
 * scope wants them. The diff and the index fast path both end here. */
static int add_changed_file(git_run *run, const char *path, const git_oid *id, uint32_t mode,
			    lines_fn lines, void *payload)
{
	git_blob *blob = NULL;
	if (!wanted_mode(mode) || !is_article(run, path))
		return 0;
	if (!git_odb_exists(run->odb, id)) {
		add_missing(run, path, id, false);
		return 0;
	}
	if (git_blob_lookup(&blob, run->repo, id) < 0)
		return git_failure(COPYLINT_EIO, path);
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
	if (!wanted_status(delta))
		return 0;
	return add_changed_file(run, delta->new_file.path, &delta->new_file.id, delta->new_file.mode,
				delta_lines, &at);
}

/* The articles held out of the diff: a file whose new blob is absent, or
 * whose old one is when the changed lines need it, is an error; with scope
 * files, the new blob is all it takes. */
static int add_held(git_run *run)
{
	for (size_t i = 0; i < run->nheld; i++) {
		const held_delta *h = &run->held[i];
		if (h->new_missing)
			add_missing(run, h->path, &h->new_id, false);
		else if (run->scope == COPYLINT_SCOPE_LINES)
			add_missing(run, h->path, &h->old_id, true);
		else {
			int error = add_changed_file(run, h->path, &h->new_id, h->mode, NULL, NULL);
			if (error < 0)
				return error;
		}
	}
	return 0;
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
	return add_held(run);
}

static void hold(git_run *run, const git_diff_delta *delta, bool new_missing)
{
	CL_GROW(run->held, run->held_cap, run->nheld + 1);
	held_delta *h = &run->held[run->nheld++];
	h->path = cl_strdup(delta->new_file.path);
	h->new_id = delta->new_file.id;
	h->old_id = delta->old_file.id;
	h->mode = delta->new_file.mode;
	h->new_missing = new_missing;
}

static bool is_article_blob(const git_run *run, const git_diff_file *file)
{
	return wanted_mode(file->mode) && is_article(run, file->path);
}

/* Called by libgit2 for each delta as the diff is made; 1 leaves it out.
 * Only articles go in, and only with their blobs at hand, so that rename
 * and copy detection and the patches read no other blob (an image's, a
 * binary's) and no absent one. A deleted article is kept as a rename
 * source while its blob is there; a kept modification's old blob is a
 * copy source and gives the changed lines. */
static int keep_delta(const git_diff *diff, const git_diff_delta *delta, const char *matched, void *payload)
{
	git_run *run = payload;
	(void)diff;
	(void)matched;
	if (delta->status == GIT_DELTA_DELETED)
		return is_article_blob(run, &delta->old_file) && git_odb_exists(run->odb, &delta->old_file.id) ? 0 : 1;
	if (!wanted_status(delta) || !is_article_blob(run, &delta->new_file))
		return 1;
	if (!git_odb_exists(run->odb, &delta->new_file.id)) {
		hold(run, delta, true);
		return 1;
	}
	bool old_blob = delta->status != GIT_DELTA_ADDED && wanted_mode(delta->old_file.mode) &&
			!git_oid_is_zero(&delta->old_file.id);
	if (old_blob && !git_odb_exists(run->odb, &delta->old_file.id)) {
		hold(run, delta, false);
		return 1;
	}
	return 0;
}

static git_diff_options diff_options(git_run *run)
{
	git_diff_options options;
	git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
	options.context_lines = 0;
	options.interhunk_lines = 0;
	options.flags = GIT_DIFF_FORCE_TEXT | GIT_DIFF_INCLUDE_TYPECHANGE;
	options.pathspec = run->pathspec;
	options.notify_cb = keep_delta;
	options.payload = run;
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
	if (git_repository_odb(&run->odb, run->repo) < 0)
		return git_failure(COPYLINT_EIO, "cannot open the object database");
	run->workdir = working_tree(run->repo);
	set_pathspecs(run, start, options->pathspecs, options->npathspecs);
	return 0;
}

/* The git command that fetches the blobs a run reads, for a partial clone:
 * git's diff fetches what it compares in one batch. None for scope all,
 * which reads every article. */
static void set_prefetch(git_run *run, const char *diff_args)
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

static void run_end(git_run *run)
{
	for (size_t i = 0; i < run->nheld; i++)
		free(run->held[i].path);
	free(run->held);
	free(run->prefetch);
	git_odb_free(run->odb);
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

/* The libgit2 path: the reference that the fast path agrees with. */
static int add_staged_libgit2(git_run *run)
{
	git_index *index = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	int error;
	if ((error = open_index(&index, run->repo)) < 0 || (error = refuse_conflicts(index)) < 0)
		goto cleanup;
	if (run->scope != COPYLINT_SCOPE_ALL && (error = head_tree(&tree, run->repo)) < 0)
		goto cleanup;
	git_diff_options diff_opts = diff_options(run);
	if (git_diff_tree_to_index(&diff, run->repo, tree, index, &diff_opts) < 0) {
		error = git_failure(COPYLINT_EIO, "cannot compare the index with HEAD");
		goto cleanup;
	}
	error = add_diff(run, diff);
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
	git_diff_options options = diff_options(at->run);
	options.pathspec.count = 0;
	options.notify_cb = NULL;
	if (!git_odb_exists(at->run->odb, &at->change->old_id)) {
		add_missing(at->run, at->change->path, &at->change->old_id, true);
		return OLD_BLOB_MISSING;
	}
	if (git_blob_lookup(&old, at->run->repo, &at->change->old_id) < 0)
		return git_failure(COPYLINT_EIO, at->change->path);
	int error = git_patch_from_buffers(&patch, git_blob_rawcontent(old), (size_t)git_blob_rawsize(old),
					   NULL, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
					   NULL, &options);
	if (error < 0)
		error = git_failure(COPYLINT_EIO, "cannot compute the diff");
	else
		patch_lines(patch, ranges, nranges);
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
		int error = add_changed_file(run, changes[i].path, &changes[i].new_id, changes[i].new_mode,
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
	int error = run_begin(&run, sources, config, options);
	if (error == 0)
		set_prefetch(&run, "--cached");
	if (error == 0 && allow_fast)
		error = add_staged_fast(&run, &fast);
	if (error == 0 && !fast)
		error = add_staged_libgit2(&run);
	if (taken)
		*taken = fast ? CL_STAGED_INDEX : CL_STAGED_LIBGIT2;
	run_end(&run);
	return error;
}

int copylint_sources_add_staged(copylint_sources *sources, const copylint_config *config,
				const copylint_git_options *options)
{
	return cl_git_add_staged(sources, config, options, true, NULL);
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
	if (error < 0 && git_repository_head_unborn(repo) == 1)
		return cl_error_set(COPYLINT_ENOTFOUND, "this repository has no commits yet, so '%s' names none: "
				    "--diff compares commits (check the files themselves: copylint check PATH)", spec);
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
	{
		char *between = cl_sprintf("%s...%s", ends.base, ends.tip);
		set_prefetch(&run, between);
		free(between);
	}
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
