/* Repositories that lack objects, as partial clones do: the blobs of
 * files that are not articles are never read, and an article whose blob is
 * absent is one file that cannot be checked (the others are), with a
 * message that says why and how to fetch it. The objects are deleted from
 * a repository built with libgit2. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "git_fixture.h"
#include "helpers.h"

#define GIF_OLD "GIF89a\x01\x00\x01\x00\x00\x00\x00old picture bytes"
#define GIF_NEW "GIF89a\x01\x00\x01\x00\x00\x00\x00new picture bytes, other"

static git_oid blob_id(const char *data, size_t len)
{
	git_oid id;
	cr_assert_eq(git_odb_hash(&id, data, len, GIT_OBJECT_BLOB), 0);
	return id;
}

/* Deletes a loose object: the repository now lacks it. */
static void drop(const fx_repo *r, git_oid id)
{
	char hex[GIT_OID_HEXSZ + 1], *path = NULL;
	git_oid_tostr(hex, sizeof(hex), &id);
	cr_assert(asprintf(&path, "%s/.git/objects/%.2s/%s", r->dir, hex, hex + 2) > 0);
	cr_assert_eq(unlink(path), 0, "%s", path);
	free(path);
}

static void stage_binary(const fx_repo *r, const char *path, const char *data, size_t len)
{
	fx_stage_buffer(r, path, data, len, GIT_FILEMODE_BLOB);
}

/* main: a.md, b.md and old.gif. On feature, or staged (commit false): a.md
 * gets a repeated word, c.md is added, the picture is replaced by another
 * under a new name (a rename candidate that libgit2 would read both blobs
 * of). Then new.gif's blob and c.md's blob are deleted. */
static fx_repo with_missing_blobs(bool commit)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Base text.\n");
	fx_stage(&r, "b.md", "Unchanged text.\n");
	stage_binary(&r, "old.gif", GIF_OLD, sizeof(GIF_OLD) - 1);
	fx_commit(&r, "base");
	fx_branch(&r, "feature");
	fx_stage(&r, "a.md", "Base text.\nThe the new line.\n");
	fx_stage(&r, "c.md", "New and and text.\n");
	fx_remove(&r, "old.gif");
	stage_binary(&r, "new.gif", GIF_NEW, sizeof(GIF_NEW) - 1);
	if (commit)
		fx_commit(&r, "feature work");
	drop(&r, blob_id(GIF_NEW, sizeof(GIF_NEW) - 1));
	drop(&r, blob_id("New and and text.\n", 18));
	return r;
}

/* Findings as "path:line:column rule", and files that failed as
 * "path: error" with the message checked by the caller. */
static char *collected(const fx_repo *r, const char *range, copylint_scope scope, char **messages)
{
	copylint_config *config;
	copylint_sources *sources;
	copylint_checker *checker;
	copylint_results *results;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.repository = r->dir;
	options.scope = scope;
	copylint_config_new(&config);
	copylint_sources_new(&sources);
	int error = range ? copylint_sources_add_diff(sources, config, range, &options) :
			    copylint_sources_add_staged(sources, config, &options);
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	copylint_checker_new(&checker, config, NULL);
	cr_assert_eq(copylint_check_sources(&results, checker, sources), 0);
	char *out = NULL, *said = NULL;
	size_t out_len = 0, said_len = 0;
	FILE *o = open_memstream(&out, &out_len), *s = open_memstream(&said, &said_len);
	for (size_t i = 0; i < copylint_results_count(results); i++) {
		const copylint_finding *f = copylint_results_at(results, i);
		if (strcmp(f->rule, "spelling"))
			fprintf(o, "%s:%zu:%zu %s\n", f->path, f->line, f->column, f->rule);
	}
	for (size_t i = 0; i < copylint_results_file_count(results); i++)
		if (copylint_results_file_status(results, i) == COPYLINT_FILE_ERROR) {
			fprintf(o, "%s: error\n", copylint_results_file_path(results, i));
			fprintf(s, "%s\n", copylint_results_file_message(results, i));
		}
	fclose(o);
	fclose(s);
	if (messages)
		*messages = said;
	else
		free(said);
	copylint_results_free(results);
	copylint_checker_free(checker);
	copylint_sources_free(sources);
	copylint_config_free(config);
	return out;
}

static void assert_collected(const fx_repo *r, const char *range, copylint_scope scope, const char *expected)
{
	char *messages = NULL, *found = collected(r, range, scope, &messages);
	cr_assert_str_eq(found, expected);
	free(found);
	free(messages);
}

Test(git_missing, diff_reads_no_picture_and_reports_the_missing_article)
{
	fx_repo r = with_missing_blobs(true);
	char *messages = NULL, *found = collected(&r, "main", COPYLINT_SCOPE_LINES, &messages);
	cr_assert_str_eq(found, "a.md:2:5 repeated-word\nc.md: error\n");
	char hex[GIT_OID_HEXSZ + 1];
	git_oid id = blob_id("New and and text.\n", 18);
	git_oid_tostr(hex, sizeof(hex), &id);
	char *expected = NULL;
	cr_assert(asprintf(&expected, "c.md: cannot check: blob %s (the file) is missing from the object database "
				      "(`git fsck` lists what is missing); fetch the objects again with `git fetch "
				      "--refetch`, or clone the repository again\n", hex) > 0);
	cr_assert_str_eq(messages, expected);
	assert_collected(&r, "main", COPYLINT_SCOPE_FILES, "a.md:2:5 repeated-word\nc.md: error\n");
	assert_collected(&r, "main", COPYLINT_SCOPE_ALL, "a.md:2:5 repeated-word\nc.md: error\n");
	free(expected);
	free(messages);
	free(found);
	fx_free(&r);
}

/* An addition with a deletion: the libgit2 path and its rename detection. */
Test(git_missing, staged_reads_no_picture_and_reports_the_missing_article)
{
	fx_repo r = with_missing_blobs(false);
	assert_collected(&r, NULL, COPYLINT_SCOPE_LINES, "a.md:2:5 repeated-word\nc.md: error\n");
	assert_collected(&r, NULL, COPYLINT_SCOPE_FILES, "a.md:2:5 repeated-word\nc.md: error\n");
	fx_free(&r);
}

/* Additions only: the index fast path. */
Test(git_missing, staged_fast_path_reports_the_missing_article)
{
	fx_repo r = fx_init();
	fx_stage(&r, "a.md", "Base text.\n");
	fx_commit(&r, "base");
	fx_stage(&r, "c.md", "New and and text.\n");
	fx_stage(&r, "d.md", "Also also new.\n");
	stage_binary(&r, "new.gif", GIF_NEW, sizeof(GIF_NEW) - 1);
	drop(&r, blob_id(GIF_NEW, sizeof(GIF_NEW) - 1));
	drop(&r, blob_id("New and and text.\n", 18));
	assert_collected(&r, NULL, COPYLINT_SCOPE_LINES, "d.md:1:6 repeated-word\nc.md: error\n");
	fx_free(&r);
}

/* The changed lines need the previous version; the whole file does not. */
Test(git_missing, a_missing_previous_version)
{
	fx_repo r = with_missing_blobs(true);
	drop(&r, blob_id("Base text.\n", 11));
	char *messages = NULL, *found = collected(&r, "main", COPYLINT_SCOPE_LINES, &messages);
	cr_assert_str_eq(found, "a.md: error\nc.md: error\n");
	cr_assert(strstr(messages, "a.md: cannot check: blob ") == messages, "%s", messages);
	cr_assert(strstr(messages, " (its previous version, which gives the changed lines) is missing"), "%s",
		  messages);
	assert_collected(&r, "main", COPYLINT_SCOPE_FILES, "a.md:2:5 repeated-word\nc.md: error\n");
	free(messages);
	free(found);
	fx_free(&r);
}

static void set_config(const fx_repo *r, const char *name, const char *value)
{
	git_config *config;
	cr_assert_eq(git_repository_config(&config, r->repo), 0);
	cr_assert_eq(git_config_set_string(config, name, value), 0);
	git_config_free(config);
}

Test(git_missing, a_partial_clone_is_named_with_how_to_fetch)
{
	fx_repo r = with_missing_blobs(true);
	set_config(&r, "remote.upstream.url", "https://example.org/site.git");
	set_config(&r, "remote.upstream.promisor", "true");
	char *messages = NULL, *found = collected(&r, "main", COPYLINT_SCOPE_LINES, &messages);
	cr_assert_str_eq(found, "a.md:2:5 repeated-word\nc.md: error\n");
	cr_assert(strstr(messages, ") is not in this partial clone (remote 'upstream' is its promisor: "), "%s",
		  messages);
	cr_assert(strstr(messages, "Fetch the blobs of the changed files with `git diff --numstat main...HEAD "
				   ">/dev/null`, or every blob with `git -c remote.upstream.partialclonefilter= "
				   "fetch --refetch upstream`, or clone without --filter\n"), "%s", messages);
	free(messages);
	free(found);
	fx_free(&r);
}

/* Older git records a partial clone as an extension, which libgit2 refuses
 * unless told otherwise. */
Test(git_missing, the_partial_clone_extension)
{
	fx_repo r = with_missing_blobs(false);
	set_config(&r, "core.repositoryformatversion", "1");
	set_config(&r, "extensions.partialClone", "origin");
	char *messages = NULL, *found = collected(&r, NULL, COPYLINT_SCOPE_LINES, &messages);
	cr_assert_str_eq(found, "a.md:2:5 repeated-word\nc.md: error\n");
	cr_assert(strstr(messages, "partial clone (remote 'origin' is its promisor"), "%s", messages);
	cr_assert(strstr(messages, "`git diff --numstat --cached >/dev/null`"), "%s", messages);
	free(messages);
	free(found);
	fx_free(&r);
}

Test(git_missing, the_cli_checks_the_rest_and_exits_2)
{
	fx_repo r = with_missing_blobs(true);
	const char *const argv[] = { "check", "--diff", "main", "--format", "json", NULL };
	run_result res = run_copylint(r.dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 2, "%s", res.err);
	cr_assert(strstr(res.out, "\"repeated-word\""), "%s", res.out);
	const char *said = strstr(res.err, "c.md: cannot check: blob ");
	cr_assert(said, "%s", res.err);
	cr_assert_null(strstr(said + 1, "c.md: cannot check"), "said once: %s", res.err);
	cr_assert_null(strstr(res.err, "new.gif"), "%s", res.err);
	run_result_free(&res);
	fx_free(&r);
}

/* A folder walk in such a clone still honours .gitignore. */
Test(git_missing, a_walk_in_a_partial_clone_ignores_what_git_ignores)
{
	fx_repo r = fx_init();
	set_config(&r, "core.repositoryformatversion", "1");
	set_config(&r, "extensions.partialClone", "origin");
	fx_write(&r, ".gitignore", "ignored.md\n");
	fx_write(&r, "ignored.md", "Built built output.\n");
	fx_write(&r, "kept.md", "Written written here.\n");
	const char *const argv[] = { "check", "--format", "json", ".", NULL };
	const char *const env[] = {
		"LSAN_OPTIONS=fast_unwind_on_malloc=0:suppressions=" COPYLINT_TEST_DIR "/lsan-libgit2.supp", NULL
	};
	run_result res = run_copylint(r.dir, argv, NULL, env);
	cr_assert_eq(res.status, 1, "%s", res.err);
	cr_assert(strstr(res.out, "kept.md"), "%s", res.out);
	cr_assert_null(strstr(res.out, "ignored.md"), "%s", res.out);
	run_result_free(&res);
	fx_free(&r);
}
