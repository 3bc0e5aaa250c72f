/* copylint_sources_add_staged on real repositories: what the next commit
 * holds, read from the index, with the changed lines from the diff. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "git_fixture.h"
#include "helpers.h"

#define ARTICLE "# Title\n\nA first line.\n\nA second line.\n\nA third line.\n\nA fourth line.\n"

static void assert_staged(const fx_repo *r, copylint_scope scope, const char *expected)
{
	int error;
	char *found = fx_staged(r->dir, scope, &error);
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	cr_assert_str_eq(found, expected);
	free(found);
}

Test(git_staged, index_not_working_tree)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "It is the the index.\n");
	fx_write(&r, "a.md", "It is the working tree.\n");
	fx_stage(&r, "b.md", "Staged clean.\n");
	fx_write(&r, "b.md", "Not staged: and and.\n");
	assert_staged(&r, COPYLINT_SCOPE_LINES, "a.md:1:11 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, first_commit_compares_with_empty_tree)
{
	fx_repo r = fx_init();
	fx_stage(&r, "docs/new.md", "Line one.\n\nthe the end.\n");
	assert_staged(&r, COPYLINT_SCOPE_LINES, "docs/new.md:3:5 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, only_changed_lines_by_default)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Old the the line.\n\nKept line.\n");
	fx_commit(&r, "first");
	fx_stage(&r, "a.md", "Old the the line.\n\nKept line.\n\nNew and and line.\n");
	assert_staged(&r, COPYLINT_SCOPE_LINES, "a.md:5:9 repeated-word\n");
	assert_staged(&r, COPYLINT_SCOPE_FILES, "a.md:1:9 repeated-word\na.md:5:9 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, scope_all_takes_unchanged_files)
{
	fx_repo r = fx_init();
	fx_stage(&r, "old.md", "Old the the line.\n");
	fx_commit(&r, "first");
	fx_stage(&r, "new.md", "Clean.\n");
	assert_staged(&r, COPYLINT_SCOPE_FILES, "");
	assert_staged(&r, COPYLINT_SCOPE_ALL, "old.md:1:9 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, whole_document_rules_see_the_whole_file)
{
	fx_repo r = fx_init();
	const char *old = "The cat sat on the mat today.\n\nSomething else.\n\nThe cat sat on the mat today.\n";
	fx_stage(&r, "a.md", old);
	fx_commit(&r, "first");
	char text[512];
	snprintf(text, sizeof(text), "%s\nOther words here.\n\nThe cat sat on the mat today.\n", old);
	fx_stage(&r, "a.md", text);
	/* The new copy (line 9) is reported; the old pair (line 5) is not. */
	assert_staged(&r, COPYLINT_SCOPE_LINES, "a.md:9:1 duplicate-paragraph\n");
	assert_staged(&r, COPYLINT_SCOPE_FILES, "a.md:5:1 duplicate-paragraph\na.md:9:1 duplicate-paragraph\n");
	fx_free(&r);
}

Test(git_staged, rename_with_edit_reports_only_the_edit)
{
	fx_repo r = fx_init();
	fx_stage(&r, "old name.md", "# Title\n\nthe the old.\n\nA second line.\n\nA third line.\n\nA fourth line.\n");
	fx_commit(&r, "first");
	fx_remove(&r, "old name.md");
	fx_stage(&r, "new name.md", "# Title\n\nthe the old.\n\nA second line.\n\nA third and and line.\n\nA fourth line.\n");
	assert_staged(&r, COPYLINT_SCOPE_LINES, "new name.md:7:13 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, deletions_are_skipped)
{
	fx_repo r = fx_init();
	fx_stage(&r, "gone.md", "the the\n");
	fx_stage(&r, "kept.md", ARTICLE);
	fx_commit(&r, "first");
	fx_remove(&r, "gone.md");
	assert_staged(&r, COPYLINT_SCOPE_FILES, "");
	fx_free(&r);
}

Test(git_staged, binary_lfs_submodule_symlink_are_skipped)
{
	fx_repo r = fx_init();
	fx_stage(&r, "base.md", "Base.\n");
	git_oid head = fx_commit(&r, "first");
	fx_stage_buffer(&r, "binary.md", "the the\0\1\2", 10, GIT_FILEMODE_BLOB);
	fx_stage(&r, "lfs.md", "version https://git-lfs.github.com/spec/v1\n"
			       "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
			       "size 12345\n");
	fx_stage_buffer(&r, "sub.md", (const char *)head.id, 20, GIT_FILEMODE_COMMIT);
	fx_stage_buffer(&r, "link.md", "the the", 7, GIT_FILEMODE_LINK);
	fx_stage(&r, "real.md", "A real the the article.\n");
	assert_staged(&r, COPYLINT_SCOPE_FILES, "real.md:1:12 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, lfs_lookalike_text_is_checked)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "version https://example.org/v1 the the\n");
	assert_staged(&r, COPYLINT_SCOPE_FILES, "a.md:1:36 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, conflicts_are_an_error_naming_the_files)
{
	fx_repo r = fx_init();
	git_index *index;
	git_oid ancestor_id, ours_id, theirs_id;
	git_blob_create_from_buffer(&ancestor_id, r.repo, "base\n", 5);
	git_blob_create_from_buffer(&ours_id, r.repo, "ours\n", 5);
	git_blob_create_from_buffer(&theirs_id, r.repo, "theirs\n", 7);
	git_index_entry ancestor = { .mode = GIT_FILEMODE_BLOB, .id = ancestor_id, .path = "x/conflict.md" };
	git_index_entry ours = { .mode = GIT_FILEMODE_BLOB, .id = ours_id, .path = "x/conflict.md" };
	git_index_entry theirs = { .mode = GIT_FILEMODE_BLOB, .id = theirs_id, .path = "x/conflict.md" };
	git_repository_index(&index, r.repo);
	cr_assert_eq(git_index_conflict_add(index, &ancestor, &ours, &theirs), 0);
	git_index_write(index);
	git_index_free(index);
	int error;
	char *found = fx_staged(r.dir, COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_EINVALID);
	cr_assert(strstr(copylint_error_last(), "unmerged files") != NULL, "%s", copylint_error_last());
	cr_assert(strstr(copylint_error_last(), "x/conflict.md") != NULL, "%s", copylint_error_last());
	free(found);
	fx_free(&r);
}

Test(git_staged, git_index_file_is_honoured)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Clean in the usual index.\n");
	char *other = fx_path(&r, "other-index");
	git_index *index;
	cr_assert_eq(git_index_open(&index, other), 0);
	git_index_entry entry = { .mode = GIT_FILEMODE_BLOB, .path = "a.md" };
	cr_assert_eq(git_blob_create_from_buffer(&entry.id, r.repo, "In the the other index.\n", 24), 0);
	cr_assert_eq(git_index_add(index, &entry), 0);
	git_index_write(index);
	git_index_free(index);
	assert_staged(&r, COPYLINT_SCOPE_LINES, "");
	setenv("GIT_INDEX_FILE", other, 1);
	assert_staged(&r, COPYLINT_SCOPE_LINES, "a.md:1:8 repeated-word\n");
	unsetenv("GIT_INDEX_FILE");
	free(other);
	fx_free(&r);
}

Test(git_staged, git_dir_and_work_tree_are_honoured)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "the the\n");
	char *git_dir = fx_path(&r, ".git");
	setenv("GIT_DIR", git_dir, 1);
	setenv("GIT_WORK_TREE", r.dir, 1);
	int error;
	char *found = fx_staged("/", COPYLINT_SCOPE_LINES, &error);  /* not in a repository */
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	cr_assert_str_eq(found, "a.md:1:5 repeated-word\n");
	free(found);
	free(git_dir);
	fx_free(&r);
}

Test(git_staged, linked_worktree_reads_its_own_index)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Main.\n");
	fx_commit(&r, "first");
	char *wt_dir = make_temp_dir();
	char *wt_path = NULL;
	cr_assert(asprintf(&wt_path, "%s/linked", wt_dir) > 0);
	git_worktree *worktree;
	cr_assert_eq(git_worktree_add(&worktree, r.repo, "linked", wt_path, NULL), 0,
		     "%s", git_error_last()->message);
	git_repository *linked;
	cr_assert_eq(git_repository_open(&linked, wt_path), 0);
	git_index *index;
	git_repository_index(&index, linked);
	git_index_entry entry = { .mode = GIT_FILEMODE_BLOB, .path = "b.md" };
	git_index_add_from_buffer(index, &entry, "In the the worktree.\n", 21);
	git_index_write(index);
	git_index_free(index);
	git_repository_free(linked);
	assert_staged(&r, COPYLINT_SCOPE_LINES, "");
	int error;
	char *found = fx_staged(wt_path, COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	cr_assert_str_eq(found, "b.md:1:8 repeated-word\n");
	free(found);
	git_worktree_free(worktree);
	remove_tree(wt_dir);
	free(wt_dir);
	free(wt_path);
	fx_free(&r);
}

Test(git_staged, spaces_and_non_ascii_names)
{
	fx_repo r = fx_init();
	fx_stage(&r, "notes/my file.md", "the the\n");
	fx_stage(&r, "články/čeština é.md", "Text the the.\n");
	assert_staged(&r, COPYLINT_SCOPE_LINES,
		      "notes/my file.md:1:5 repeated-word\n"
		      "články/čeština é.md:1:10 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, crlf_changed_lines)
{
	fx_repo r = fx_init();
	fx_stage(&r, "crlf.md", "Line one.\r\n\r\nOld the the line.\r\n\r\nLine five.\r\n");
	fx_commit(&r, "first");
	fx_stage(&r, "crlf.md", "Line one.\r\n\r\nOld the the line.\r\n\r\nNew and and line.\r\n\r\nLast the the.\r\n");
	assert_staged(&r, COPYLINT_SCOPE_LINES, "crlf.md:5:9 repeated-word\ncrlf.md:7:10 repeated-word\n");
	fx_free(&r);
}

Test(git_staged, not_a_repository)
{
	char *dir = make_temp_dir();
	int error;
	char *found = fx_staged(dir, COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, COPYLINT_ENOTFOUND);
	cr_assert(strstr(copylint_error_last(), "is not in a git repository") != NULL);
	free(found);
	remove_tree(dir);
	free(dir);
}

Test(git_staged, bad_options)
{
	copylint_config *config;
	copylint_sources *sources;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	copylint_config_new(&config);
	copylint_sources_new(&sources);
	options.version = 99;
	cr_assert_eq(copylint_sources_add_staged(sources, config, &options), COPYLINT_EINVALID);
	options.version = COPYLINT_GIT_OPTIONS_VERSION;
	options.scope = (copylint_scope)7;
	cr_assert_eq(copylint_sources_add_staged(sources, config, &options), COPYLINT_EINVALID);
	cr_assert_eq(copylint_sources_count(sources), 0);
	copylint_sources_free(sources);
	copylint_config_free(config);
}
