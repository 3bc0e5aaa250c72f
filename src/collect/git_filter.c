/* --staged and --diff: which changed files are articles, and which of
 * their deltas enter the diff (see keep_delta). */
#include "git_run.h"

#include <stdlib.h>
#include <string.h>

#include "../config/config.h"
#include "../util/alloc.h"

/* ---- which files are articles ----------------------------------------- */

bool cl_git_is_article(const git_run *run, const char *path)
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

bool cl_git_wanted_status(const git_diff_delta *delta)
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
bool cl_git_wanted_mode(uint32_t mode)
{
	return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
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
	return cl_git_wanted_mode(file->mode) && cl_git_is_article(run, file->path);
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
	if (!cl_git_wanted_status(delta) || !is_article_blob(run, &delta->new_file))
		return 1;
	if (!git_odb_exists(run->odb, &delta->new_file.id)) {
		hold(run, delta, true);
		return 1;
	}
	bool old_blob = delta->status != GIT_DELTA_ADDED && cl_git_wanted_mode(delta->old_file.mode) &&
			!git_oid_is_zero(&delta->old_file.id);
	if (old_blob && !git_odb_exists(run->odb, &delta->old_file.id)) {
		hold(run, delta, false);
		return 1;
	}
	return 0;
}

git_diff_options cl_git_diff_options(git_run *run)
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
