/* copylint_sources_add_diff on real repositories: what a branch changed
 * since it left its base, read from the branch's tree. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_fixture.h"
#include "helpers.h"

static void assert_diff(const fx_repo *r, const char *range, copylint_scope scope, const char *expected)
{
	int error;
	char *found = fx_diff(r->dir, range, scope, &error);
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	cr_assert_str_eq(found, expected);
	free(found);
}

/* main: a.md has "the the" on line 1. feature leaves from there and adds
 * b.md; then main fixes a.md. A two-dot diff main..feature would show
 * a.md's old line 1 as changed; the merge base does not. */
static fx_repo branch_behind_its_base(void)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Fix the the typo.\n");
	fx_commit(&r, "base");
	fx_branch(&r, "feature");
	fx_stage(&r, "b.md", "New and and text.\n");
	fx_commit(&r, "feature work");
	fx_checkout(&r, "main");
	fx_stage(&r, "a.md", "Fix the typo.\n");
	fx_stage(&r, "c.md", "Merged into main meanwhile: the the.\n");
	fx_commit(&r, "main moves on");
	fx_checkout(&r, "feature");
	return r;
}

Test(git_diff, base_ahead_of_the_merge_base)
{
	fx_repo r = branch_behind_its_base();
	assert_diff(&r, "main", COPYLINT_SCOPE_LINES, "b.md:1:9 repeated-word\n");
	assert_diff(&r, "main...HEAD", COPYLINT_SCOPE_LINES, "b.md:1:9 repeated-word\n");
	fx_free(&r);
}

Test(git_diff, both_ends_given)
{
	fx_repo r = branch_behind_its_base();
	fx_checkout(&r, "main");
	/* Checked out on main, the feature branch is still what is checked. */
	assert_diff(&r, "main..feature", COPYLINT_SCOPE_LINES, "b.md:1:9 repeated-word\n");
	/* And the other way round: main's own work since the branch left. */
	assert_diff(&r, "feature..main", COPYLINT_SCOPE_FILES, "c.md:1:33 repeated-word\n");
	fx_free(&r);
}

Test(git_diff, content_from_the_tip_not_the_working_tree)
{
	fx_repo r = branch_behind_its_base();
	fx_write(&r, "b.md", "New text, fixed on disk.\n");
	assert_diff(&r, "main", COPYLINT_SCOPE_LINES, "b.md:1:9 repeated-word\n");
	fx_free(&r);
}

Test(git_diff, scope_all_is_the_whole_tree)
{
	fx_repo r = branch_behind_its_base();
	assert_diff(&r, "main", COPYLINT_SCOPE_ALL, "a.md:1:9 repeated-word\nb.md:1:9 repeated-word\n");
	fx_free(&r);
}

Test(git_diff, rename_with_edit_across_commits)
{
	fx_repo r = fx_init();
	fx_stage(&r, "drafts/story.md", "# Story\n\nthe the old.\n\nSecond line.\n\nThird line.\n\nFourth line.\n");
	fx_commit(&r, "draft");
	fx_branch(&r, "publish");
	fx_remove(&r, "drafts/story.md");
	fx_stage(&r, "content/story.md", "# Story\n\nthe the old.\n\nSecond and and line.\n\nThird line.\n\nFourth line.\n");
	fx_commit(&r, "publish");
	assert_diff(&r, "main", COPYLINT_SCOPE_LINES, "content/story.md:5:12 repeated-word\n");
	fx_free(&r);
}

Test(git_diff, unknown_base_says_how_to_fetch)
{
	fx_repo r = branch_behind_its_base();
	int error;
	char *found = fx_diff(r.dir, "origin/main", COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_ENOTFOUND);
	cr_assert(strstr(copylint_error_last(), "the commit 'origin/main' is not in this repository") != NULL, "%s",
		  copylint_error_last());
	cr_assert(strstr(copylint_error_last(), "fetch-depth: 0") != NULL);
	cr_assert(strstr(copylint_error_last(), "git fetch --deepen") != NULL);
	free(found);
	fx_free(&r);
}

Test(git_diff, bad_ranges)
{
	fx_repo r = branch_behind_its_base();
	int error;
	char *found = fx_diff(r.dir, "", COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_EINVALID);
	free(found);
	found = fx_diff(r.dir, "..", COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_EINVALID);
	free(found);
	found = fx_diff(r.dir, "main..nope", COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_ENOTFOUND);
	cr_assert(strstr(copylint_error_last(), "'nope'") != NULL, "%s", copylint_error_last());
	free(found);
	fx_free(&r);
}

Test(git_diff, unrelated_histories)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "One.\n");
	fx_commit(&r, "one");
	git_reference *ref;
	cr_assert_eq(git_reference_symbolic_create(&ref, r.repo, "HEAD", "refs/heads/other", 1, NULL), 0);
	git_reference_free(ref);
	fx_stage(&r, "b.md", "Two.\n");
	fx_commit(&r, "unrelated root");
	int error;
	char *found = fx_diff(r.dir, "main", COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_EINVALID);
	cr_assert(strstr(copylint_error_last(), "no common history") != NULL, "%s", copylint_error_last());
	free(found);
	fx_free(&r);
}

/* libgit2 cannot make a shallow clone: git itself makes it, as CI does. */
static char *shallow_clone(const fx_repo *origin, const char *clone_args)
{
	char *dir = make_temp_dir();
	char command[1024];
	snprintf(command, sizeof(command), "git clone -q --depth 1 %s 'file://%s' '%s/clone' 2>/dev/null",
		 clone_args, origin->dir, dir);
	cr_assert_eq(fx_sh(dir, command), 0, "%s", command);
	return dir;
}

static fx_repo long_history(void)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Start.\n");
	fx_commit(&r, "start");
	fx_stage(&r, "a.md", "Start.\n\nMore on main.\n");
	fx_commit(&r, "main 2");
	fx_branch(&r, "feature");
	fx_stage(&r, "b.md", "Feature the the.\n");
	fx_commit(&r, "feature 1");
	fx_stage(&r, "b.md", "Feature the the.\n\nMore.\n");
	fx_commit(&r, "feature 2");
	fx_checkout(&r, "main");
	fx_stage(&r, "c.md", "Main moves on.\n");
	fx_commit(&r, "main 3");
	return r;
}

static void assert_shallow_error(const char *dir, const char *base)
{
	int error;
	char *clone = NULL;
	cr_assert(asprintf(&clone, "%s/clone", dir) > 0);
	char *found = fx_diff(clone, base, COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_ENOTFOUND, "%d %s", error, copylint_error_last());
	cr_assert(strstr(copylint_error_last(), base) != NULL, "%s", copylint_error_last());
	cr_assert(strstr(copylint_error_last(), "is not in this repository (this is a shallow clone)") != NULL,
		  "%s", copylint_error_last());
	cr_assert(strstr(copylint_error_last(), "fetch-depth: 0") != NULL);
	cr_assert_str_eq(found, "");
	free(found);
	free(clone);
}

Test(git_diff, shallow_clone_without_the_base_branch)
{
	fx_repo r = long_history();
	char *dir = shallow_clone(&r, "--single-branch --branch feature");
	assert_shallow_error(dir, "origin/main");
	remove_tree(dir);
	free(dir);
	fx_free(&r);
}

/* Through the binary: libgit2 1.5's git_merge_base leaks when the merge
 * base is missing, and that leak is suppressed for this run only. */
Test(git_diff, shallow_clone_without_the_merge_base)
{
	fx_repo r = long_history();
	char *dir = shallow_clone(&r, "--no-single-branch --branch feature"), *clone;
	cr_assert(asprintf(&clone, "%s/clone", dir) > 0);
	const char *const argv[] = { "check", "--diff", "origin/main", NULL };
	const char *const env[] = {
		"LSAN_OPTIONS=fast_unwind_on_malloc=0:suppressions=" COPYLINT_TEST_DIR "/lsan-libgit2.supp", NULL
	};
	run_result res = run_copylint(clone, argv, NULL, env);
	cr_assert_eq(res.status, 2, "%s", res.err);
	cr_assert_str_eq(res.out, "");
	cr_assert(strstr(res.err, "copylint: the merge base of the branch and 'origin/main' is not in this "
				  "repository (this is a shallow clone). Fetch the history") != NULL, "%s", res.err);
	run_result_free(&res);
	free(clone);
	remove_tree(dir);
	free(dir);
	fx_free(&r);
}

static char *diff_with_config(const fx_repo *r, const char *config_text, const char *start,
			      const char *const *pathspecs, size_t npathspecs)
{
	copylint_config *config;
	copylint_sources *sources;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	fx_write(r, ".copylint.yml", config_text);
	char *config_path = fx_path(r, ".copylint.yml");
	cr_assert_eq(copylint_config_load(&config, config_path), 0, "%s", copylint_error_last());
	char *from = fx_path(r, start);
	options.repository = from;
	options.scope = COPYLINT_SCOPE_FILES;
	options.pathspecs = pathspecs;
	options.npathspecs = npathspecs;
	copylint_sources_new(&sources);
	cr_assert_eq(copylint_sources_add_diff(sources, config, "main", &options), 0, "%s", copylint_error_last());
	char *found = fx_findings(sources, config);
	copylint_sources_free(sources);
	copylint_config_free(config);
	free(config_path);
	free(from);
	return found;
}

static fx_repo site(void)
{
	fx_repo r = fx_init();
	fx_stage(&r, "README.md", "Tooling.\n");
	fx_commit(&r, "start");
	fx_branch(&r, "feature");
	fx_stage(&r, "README.md", "Tooling the the.\n");
	fx_stage(&r, "content/en/a.md", "English the the.\n");
	fx_stage(&r, "content/cs/b.md", "Czech the the.\n");
	fx_stage(&r, "content/cs/notes.txt", "Notes the the.\n");
	fx_stage(&r, "content/drafts/c.md", "Draft the the.\n");
	fx_stage(&r, "content/en/data.json", "{\"the the\": 1}\n");
	fx_commit(&r, "articles");
	return r;
}

Test(git_diff, include_and_exclude_globs)
{
	fx_repo r = site();
	char *found = diff_with_config(&r, "include: [\"content/**/*.md\"]\nexclude: [\"content/drafts/**\"]\n",
				       ".", NULL, 0);
	cr_assert_str_eq(found, "content/cs/b.md:1:11 repeated-word\ncontent/en/a.md:1:13 repeated-word\n");
	free(found);
	found = diff_with_config(&r, "language: en-US\n", ".", NULL, 0);
	cr_assert_str_eq(found, "README.md:1:13 repeated-word\n"
				"content/cs/b.md:1:11 repeated-word\n"
				"content/cs/notes.txt:1:11 repeated-word\n"
				"content/drafts/c.md:1:11 repeated-word\n"
				"content/en/a.md:1:13 repeated-word\n");
	free(found);
	fx_free(&r);
}

Test(git_diff, pathspecs_relative_to_the_starting_folder)
{
	fx_repo r = site();
	const char *const en[] = { "content/en" };
	char *found = diff_with_config(&r, "language: en-US\n", ".", en, 1);
	cr_assert_str_eq(found, "content/en/a.md:1:13 repeated-word\n");
	free(found);
	const char *const here[] = { "." };
	found = diff_with_config(&r, "language: en-US\n", "content/cs", here, 1);
	cr_assert_str_eq(found, "content/cs/b.md:1:11 repeated-word\ncontent/cs/notes.txt:1:11 repeated-word\n");
	free(found);
	const char *const glob[] = { "../*/*.md" };
	found = diff_with_config(&r, "language: en-US\n", "content/cs", glob, 1);
	cr_assert_str_eq(found, "content/cs/b.md:1:11 repeated-word\n"
				"content/drafts/c.md:1:11 repeated-word\n"
				"content/en/a.md:1:13 repeated-word\n");
	free(found);
	fx_free(&r);
}

/* Overrides are matched where the file is in the working tree, whatever
 * the current folder (this test's is not the repository). */
Test(git_diff, overrides_match_the_working_tree_path)
{
	fx_repo r = site();
	const char *config = "language: en-US\n"
			     "overrides:\n"
			     "  - files: [\"content/cs/**\"]\n"
			     "    rules: { repeated-word: off }\n";
	char *found = diff_with_config(&r, config, "content", NULL, 0);
	cr_assert_str_eq(found, "README.md:1:13 repeated-word\n"
				"content/drafts/c.md:1:11 repeated-word\n"
				"content/en/a.md:1:13 repeated-word\n");
	free(found);
	fx_free(&r);
}
