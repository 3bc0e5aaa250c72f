/* What collect/'s git files share while adding the sources of one --staged
 * or --diff run: the repository, the pathspecs, the blobs held out of the
 * diff, and the steps from a diff delta to a source. */
#ifndef CL_COLLECT_GIT_RUN_H
#define CL_COLLECT_GIT_RUN_H

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sources.h"

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
	/* Where translations' sources are read (git_pairs.c): the branch tip's
	 * tree in --diff (owned), else the index, opened when first needed. */
	git_tree *snapshot_tree;
	git_index *snapshot_index;
} git_run;

/* Sets the error from libgit2's last one; returns code. */
int cl_git_failure(int code, const char *what);

/* ---- the run (git.c) ---- */

/* Opens the repository of options (or ".") for run; call cl_git_run_end
 * whatever it returns. */
int cl_git_run_begin(git_run *run, copylint_sources *sources, const copylint_config *config,
		     const copylint_git_options *options);
void cl_git_set_prefetch(git_run *run, const char *diff_args);
void cl_git_run_end(git_run *run);

/* The index as git would read it (GIT_INDEX_FILE first). */
int cl_git_open_index(git_index **out, git_repository *repo);

/* ---- which files (git_filter.c) ---- */

bool cl_git_is_article(const git_run *run, const char *path);
bool cl_git_wanted_status(const git_diff_delta *delta);
bool cl_git_wanted_mode(uint32_t mode);

/* The diff's options: no context, text forced, run's pathspecs, and a
 * notify callback that lets in only articles with their blobs at hand. */
git_diff_options cl_git_diff_options(git_run *run);

/* ---- changed lines (git_lines.c) ---- */

/* What gives a changed file's added lines: its delta in a diff, or (the
 * index fast path) the blobs on both sides. blob is the new side. Returns
 * OLD_BLOB_MISSING when the old side is absent. */
typedef int (*lines_fn)(size_t **ranges, size_t *nranges, const git_blob *blob, void *payload);

#define OLD_BLOB_MISSING 1

typedef struct {
	git_diff *diff;
	size_t i;
} delta_at;

void cl_git_patch_lines(git_patch *patch, size_t **ranges, size_t *nranges);

/* A lines_fn: the added lines of delta at (a delta_at) of a diff. */
int cl_git_delta_lines(size_t **ranges, size_t *nranges, const git_blob *blob, void *payload);

/* ---- adding the sources (git_source.c) ---- */

void cl_git_add_missing(git_run *run, const char *path, const git_oid *id, bool previous);
int cl_git_add_changed_file(git_run *run, const char *path, const git_oid *id, uint32_t mode,
			    lines_fn lines, void *payload);

/* The changed articles of diff, renames followed, then those held out. */
int cl_git_add_diff(git_run *run, git_diff *diff);

/* ---- translations' sources (git_pairs.c) ---- */

/* For each source from index first on that is a translation, its source
 * read from the run's snapshot, or why it cannot be. */
void cl_git_add_translation_sources(git_run *run, size_t first);

#endif
