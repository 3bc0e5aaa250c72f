/* --diff: what a branch changed, from the merge base to the branch's tip. */
#include "git_run.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/error.h"

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
	return error < 0 ? cl_git_failure(COPYLINT_EIO, "cannot read the merge base") : 0;
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
		error = cl_git_failure(COPYLINT_EIO, ends->tip);
		goto cleanup;
	}
	git_diff_options diff_opts = cl_git_diff_options(run);
	run->snapshot_tree = tip_tree;  /* translations' sources are read from the tip */
	tip_tree = NULL;
	if (git_diff_tree_to_tree(diff, run->repo, base_tree, run->snapshot_tree, &diff_opts) < 0)
		error = cl_git_failure(COPYLINT_EIO, "cannot compare the trees");
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
	int error = cl_git_run_begin(&run, sources, config, options);
	if (error < 0 || (error = split_range(&ends, range ? range : "")) < 0)
		goto cleanup;
	{
		char *between = cl_sprintf("%s...%s", ends.base, ends.tip);
		cl_git_set_prefetch(&run, between);
		free(between);
	}
	size_t first = sources->count;
	if ((error = diff_trees(&run, &ends, &diff)) == 0)
		error = cl_git_add_diff(&run, diff);
	if (error == 0)
		cl_git_add_translation_sources(&run, first);
cleanup:
	git_diff_free(diff);
	free(ends.base);
	free(ends.tip);
	cl_git_run_end(&run);
	return error;
}
