/* The index fast path of --staged (src/collect/index.c) against the
 * libgit2 path on repositories written by git itself, which keeps the
 * cache-tree as a pre-commit run finds it: the same sources, and the fast
 * path taken where it should be. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "git_index_fixture.h"
#include "helpers.h"

#define ARTICLE "# Title\n\nLine three.\n\nLine five.\n\nLine seven.\n"
#define FAST CL_STAGED_INDEX
#define LIBGIT2 CL_STAGED_LIBGIT2

/* Articles in nested folders, around names that sort next to a folder's
 * ("docs-old", "docs.md", "docs/"), and folders nothing touches. */
static fx_repo committed(void)
{
	fx_repo r = fx_init();
	const char *const paths[] = { "top.md", "docs.md", "docs-old/x.md", "docs/guide.md",
				      "docs/deep/er/note.md", "other/1/a.md", "other/2/a.md", NULL };
	for (size_t i = 0; paths[i]; i++)
		fx_write(&r, paths[i], ARTICLE);
	ix_sh(&r, "git add -A && git commit -qm first");
	return r;
}

/* Writes the file and stages it with git. */
static void edit(const fx_repo *r, const char *path, const char *text)
{
	char command[512];
	fx_write(r, path, text);
	snprintf(command, sizeof(command), "git add -- '%s'", path);
	ix_sh(r, command);
}

static void stage_three_edits(const fx_repo *r)
{
	edit(r, "docs/deep/er/note.md", "# Title\n\nLine three.\n\nLine five, edited.\n\nLine seven.\n");
	edit(r, "docs/guide.md", "# Title\n\nLine 3.\n\nLine five.\n\nLine 7.\n");
	edit(r, "top.md", ARTICLE "\nA new line.\n");
}

static const char three_edits[] = "docs/deep/er/note.md: 5\ndocs/guide.md: 3 7\ntop.md: 8-9\n";

static void assert_both_ways(const char *dir, copylint_scope scope, cl_staged_path expected, const char *summary)
{
	char *found = ix_both_ways(dir, scope, NULL, 0, expected);
	cr_assert_str_eq(found, summary);
	free(found);
}

static uint32_t index_version(const fx_repo *r)
{
	char *path = fx_path(r, ".git/index");
	size_t len;
	unsigned char *data = (unsigned char *)read_file(path, &len);
	cr_assert(data && len > 8);
	uint32_t version = (uint32_t)data[4] << 24 | (uint32_t)data[5] << 16 | (uint32_t)data[6] << 8 | data[7];
	free(data);
	free(path);
	return version;
}

Test(git_index, nested_modifications_take_the_fast_path)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, three_edits);
	assert_both_ways(r.dir, COPYLINT_SCOPE_FILES, FAST,
			 "docs/deep/er/note.md: all\ndocs/guide.md: all\ntop.md: all\n");
	fx_free(&r);
}

Test(git_index, nothing_staged)
{
	fx_repo r = committed();
	fx_write(&r, "top.md", "Not staged.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "");
	fx_free(&r);
}

Test(git_index, scope_all_takes_libgit2)
{
	fx_repo r = committed();
	edit(&r, "top.md", ARTICLE "\nA new line.\n");
	char *found = ix_both_ways(r.dir, COPYLINT_SCOPE_ALL, NULL, 0, LIBGIT2);
	cr_assert(strstr(found, "other/2/a.md: all\ntop.md: all\n") != NULL, "%s", found);
	free(found);
	fx_free(&r);
}

Test(git_index, added_files)
{
	fx_repo r = committed();
	edit(&r, "docs/new.md", ARTICLE);
	edit(&r, "fresh/sub/one.md", ARTICLE);
	edit(&r, "docs/empty.md", "");
	edit(&r, "docs/no-newline.md", "First.\nLast, without a newline.");
	edit(&r, "picture.png", "not an article");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST,
			 "docs/empty.md: none\ndocs/new.md: 1-7\ndocs/no-newline.md: 1-2\nfresh/sub/one.md: 1-7\n");
	fx_free(&r);
}

Test(git_index, deletions_with_modifications)
{
	fx_repo r = committed();
	ix_sh(&r, "git rm -q docs.md other/1/a.md");
	edit(&r, "top.md", ARTICLE "\nA new line.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "top.md: 8-9\n");
	fx_free(&r);
}

Test(git_index, mode_change_only)
{
	fx_repo r = committed();
	ix_sh(&r, "chmod +x top.md && git add top.md");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "top.md: none\n");
	fx_free(&r);
}

Test(git_index, index_version_4)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	ix_sh(&r, "git update-index --index-version 4");
	cr_assert_eq(index_version(&r), 4);
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, three_edits);
	fx_free(&r);
}

Test(git_index, index_version_4_additions)
{
	fx_repo r = committed();
	ix_sh(&r, "git update-index --index-version 4");
	edit(&r, "docs/deep/new.md", ARTICLE);
	edit(&r, "zzz/last.md", "One line.\n");
	cr_assert_eq(index_version(&r), 4);
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "docs/deep/new.md: 1-7\nzzz/last.md: 1\n");
	fx_free(&r);
}

/* skip-worktree lives in the extended flags (index version 3); it changes
 * nothing in what is staged. */
Test(git_index, skip_worktree_entries)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	ix_sh(&r, "git update-index --skip-worktree docs/guide.md other/1/a.md");
	cr_assert_eq(index_version(&r), 3);
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, three_edits);
	fx_free(&r);
}

Test(git_index, no_cache_tree_falls_back)
{
	fx_repo r = committed();
	/* An index built entry by entry has no TREE extension. */
	ix_sh(&r, "rm .git/index && git ls-tree -r HEAD | git update-index --index-info");
	stage_three_edits(&r);
	char *path = fx_path(&r, ".git/index");
	size_t len;
	char *data = read_file(path, &len);
	cr_assert(data && !memmem(data, len, "TREE", 4), "the index has a TREE extension");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, three_edits);
	free(data);
	free(path);
	fx_free(&r);
}

/* libgit2 pairs them and diffs the renamed file against its old self. */
Test(git_index, rename_falls_back)
{
	fx_repo r = committed();
	ix_sh(&r, "git mv docs/guide.md docs/renamed.md");
	edit(&r, "docs/renamed.md", "# Title\n\nLine three.\n\nLine five.\n\nLine 7.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, "docs/renamed.md: 7\n");
	fx_free(&r);
}

/* A modified file can be the source of a copy. */
Test(git_index, addition_with_modification_falls_back)
{
	fx_repo r = committed();
	edit(&r, "top.md", ARTICLE "\nA new line.\n");
	edit(&r, "copy.md", ARTICLE "\nA line of the copy.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, "copy.md: 8-9\ntop.md: 8-9\n");
	fx_free(&r);
}

Test(git_index, addition_with_deletion_falls_back)
{
	fx_repo r = committed();
	ix_sh(&r, "git rm -q docs.md");
	edit(&r, "fresh.md", "Something else entirely.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, "fresh.md: 1\n");
	fx_free(&r);
}

Test(git_index, unborn_head)
{
	fx_repo r = fx_init();
	fx_write(&r, "a.md", ARTICLE);
	fx_write(&r, "docs/b c.md", "One.\nTwo.\n");
	ix_sh(&r, "git add -A");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "a.md: 1-7\ndocs/b c.md: 1-2\n");
	fx_free(&r);
}

Test(git_index, conflict_is_the_libgit2_error)
{
	fx_repo r = committed();
	ix_sh(&r, "git checkout -qb side && printf 'Side.\\n' > top.md && git commit -qam side && "
		  "git checkout -q main && printf 'Main.\\n' > top.md && git commit -qam main && "
		  "{ git merge -q side >/dev/null 2>&1 || true; }");
	char *found = ix_both_ways(r.dir, COPYLINT_SCOPE_LINES, NULL, 0, LIBGIT2);
	char expected[256];
	snprintf(expected, sizeof(expected), "error %d: unmerged files (a merge conflict in progress): top.md; "
		 "resolve them and `git add` them, then check again", COPYLINT_EINVALID);
	cr_assert_str_eq(found, expected);
	free(found);
	const char *const argv[] = { "check", "--staged", NULL };
	run_result res = run_copylint(r.dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 2, "status %d: %s", res.status, res.err);
	run_result_free(&res);
	fx_free(&r);
}

Test(git_index, git_index_file)
{
	fx_repo r = committed();
	char *other = fx_path(&r, ".git/other-index");
	fx_write(&r, "top.md", ARTICLE "\nA new line.\n");
	ix_sh(&r, "cp .git/index .git/other-index && GIT_INDEX_FILE=.git/other-index git add top.md");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "");
	setenv("GIT_INDEX_FILE", other, 1);
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "top.md: 8-9\n");
	unsetenv("GIT_INDEX_FILE");
	free(other);
	fx_free(&r);
}

Test(git_index, git_dir_and_work_tree)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	char *git_dir = fx_path(&r, ".git");
	setenv("GIT_DIR", git_dir, 1);
	setenv("GIT_WORK_TREE", r.dir, 1);
	char *found = ix_both_ways("/", COPYLINT_SCOPE_LINES, NULL, 0, FAST);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	cr_assert_str_eq(found, three_edits);
	free(found);
	free(git_dir);
	fx_free(&r);
}

Test(git_index, linked_worktree)
{
	fx_repo r = committed();
	char *parent = make_temp_dir();
	char command[1024];
	snprintf(command, sizeof(command), "git worktree add -q '%s/linked' && cd '%s/linked' && "
		 "printf 'Changed.\\n' >> docs/guide.md && git add docs/guide.md", parent, parent);
	ix_sh(&r, command);
	snprintf(command, sizeof(command), "%s/linked", parent);
	assert_both_ways(command, COPYLINT_SCOPE_LINES, FAST, "docs/guide.md: 8\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "");
	remove_tree(parent);
	free(parent);
	fx_free(&r);
}

static void assert_pathspecs(const fx_repo *r, const char *const *specs, size_t n, const char *summary)
{
	char *found = ix_both_ways(r->dir, COPYLINT_SCOPE_LINES, specs, n, FAST);
	cr_assert_str_eq(found, summary, "pathspec %s", specs[0]);
	free(found);
}

Test(git_index, pathspecs)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	const char *const docs[] = { "docs" }, *const glob[] = { "docs/*.md" }, *const one[] = { "top.md" };
	const char *const two[] = { "top.md", "docs/deep" }, *const none[] = { "nothing" };
	assert_pathspecs(&r, docs, 1, "docs/deep/er/note.md: 5\ndocs/guide.md: 3 7\n");
	assert_pathspecs(&r, glob, 1, "docs/deep/er/note.md: 5\ndocs/guide.md: 3 7\n");
	assert_pathspecs(&r, one, 1, "top.md: 8-9\n");
	assert_pathspecs(&r, two, 2, "docs/deep/er/note.md: 5\ntop.md: 8-9\n");
	assert_pathspecs(&r, none, 1, "");
	fx_free(&r);
}

Test(git_index, spaces_and_non_ascii_names)
{
	fx_repo r = committed();
	fx_write(&r, "notes/my file.md", ARTICLE);
	fx_write(&r, "články/čeština é.md", ARTICLE);
	ix_sh(&r, "git add -A && git commit -qm names");
	edit(&r, "notes/my file.md", ARTICLE "More.\n");
	edit(&r, "články/čeština é.md", "# Titulek\n\nLine three.\n\nLine five.\n\nLine seven.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "notes/my file.md: 8\nčlánky/čeština é.md: 1\n");
	fx_free(&r);
}

static void commit_link_and_submodule(const fx_repo *r)
{
	ix_sh(r, "ln -s top.md link.md && git add link.md && "
		 "git update-index --add --cacheinfo 160000,1111111111111111111111111111111111111111,sub && "
		 "git commit -qm links");
}

Test(git_index, symlink_and_submodule_changes_are_skipped)
{
	fx_repo r = committed();
	commit_link_and_submodule(&r);
	ix_sh(&r, "ln -sfn docs.md link.md && git add link.md && "
		  "git update-index --cacheinfo 160000,2222222222222222222222222222222222222222,sub");
	edit(&r, "top.md", ARTICLE "\nA new line.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "top.md: 8-9\n");
	fx_free(&r);
}

Test(git_index, typechange_falls_back)
{
	fx_repo r = committed();
	commit_link_and_submodule(&r);
	ix_sh(&r, "rm link.md && printf 'Now a file.\\n' > link.md && git add link.md");
	/* libgit2's patch of a typechange has no hunks. */
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, "link.md: none\n");
	fx_free(&r);
}

Test(git_index, intent_to_add_falls_back)
{
	fx_repo r = committed();
	fx_write(&r, "later.md", ARTICLE);
	ix_sh(&r, "git add -N later.md");
	edit(&r, "top.md", ARTICLE "\nA new line.\n");
	char *found = ix_both_ways(r.dir, COPYLINT_SCOPE_LINES, NULL, 0, LIBGIT2);
	cr_assert(strstr(found, "top.md: 8-9\n") != NULL, "%s", found);
	free(found);
	fx_free(&r);
}

/* libgit2 1.5 refuses a split index: the error is libgit2's. */
Test(git_index, split_index_falls_back)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	ix_sh(&r, "git update-index --split-index");
	char expected[256];
	snprintf(expected, sizeof(expected), "error %d: cannot read the index: unsupported mandatory "
		 "extension: 'link'", COPYLINT_EIO);
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, expected);
	fx_free(&r);
}

Test(git_index, ignore_case_falls_back)
{
	fx_repo r = committed();
	stage_three_edits(&r);
	ix_sh(&r, "git config core.ignorecase true");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, LIBGIT2, three_edits);
	fx_free(&r);
}

/* What a pre-commit hook gets: the index git hands it in GIT_INDEX_FILE,
 * saved by a hook that then stops the commit. */
static void assert_hook_index(const fx_repo *r, const char *commit, const char *summary)
{
	char command[512];
	snprintf(command, sizeof(command), "printf '#!/bin/sh\\ncp \"$GIT_INDEX_FILE\" .git/seen-index\\nexit 1\\n' "
		 "> .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit && "
		 "{ %s >/dev/null 2>&1 || true; } && test -f .git/seen-index", commit);
	ix_sh(r, command);
	char *seen = fx_path(r, ".git/seen-index");
	setenv("GIT_INDEX_FILE", seen, 1);
	assert_both_ways(r->dir, COPYLINT_SCOPE_LINES, FAST, summary);
	unsetenv("GIT_INDEX_FILE");
	free(seen);
}

Test(git_index, commit_all_hands_the_hook_a_temporary_index)
{
	fx_repo r = committed();
	fx_write(&r, "docs/guide.md", "# Title\n\nLine 3.\n\nLine five.\n\nLine 7.\n");
	assert_hook_index(&r, "git commit -qam all", "docs/guide.md: 3 7\n");
	fx_free(&r);
}

Test(git_index, commit_paths_hands_the_hook_a_temporary_index)
{
	fx_repo r = committed();
	fx_write(&r, "docs/guide.md", "# Title\n\nLine 3.\n\nLine five.\n\nLine 7.\n");
	fx_write(&r, "top.md", ARTICLE "\nNot in this commit.\n");
	assert_hook_index(&r, "git commit -qm some docs/guide.md", "docs/guide.md: 3 7\n");
	fx_free(&r);
}

/* An index that libgit2 wrote (git_index_write keeps its cache-tree). */
Test(git_index, libgit2_written_index)
{
	fx_repo r = fx_init();
	fx_stage(&r, "docs/a.md", ARTICLE);
	fx_stage(&r, "docs/deep/b.md", ARTICLE);
	fx_stage(&r, "other/c.md", ARTICLE);
	fx_commit(&r, "first");
	fx_stage(&r, "docs/deep/b.md", ARTICLE "More.\n");
	assert_both_ways(r.dir, COPYLINT_SCOPE_LINES, FAST, "docs/deep/b.md: 8\n");
	fx_free(&r);
}
