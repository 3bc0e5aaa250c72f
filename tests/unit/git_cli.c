/* copylint check --staged / --diff / --scope through the real binary:
 * options, CI variables, exit codes and what is said. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_fixture.h"
#include "helpers.h"

static const char the_the_finding[] =
	"docs/a.md:1:13: error: word “the” is repeated [repeated-word]\n"
	"  Written the the same.\n"
	"              ^~~\n"
	"  = fix: delete “ the”\n";

static fx_repo staged_repo(void)
{
	fx_repo r = fx_init();
	fx_stage(&r, "docs/a.md", "Written the the same.\n");
	fx_stage(&r, "other/b.md", "Clean.\n");
	return r;
}

static void assert_run(const char *cwd, const char *const *argv, const char *const *env, int status,
		       const char *out, const char *err_part)
{
	run_result res = run_copylint(cwd, argv, NULL, env);
	cr_assert_eq(res.status, status, "status %d, stderr: %s", res.status, res.err);
	if (out)
		cr_assert_str_eq(res.out, out);
	if (err_part)
		cr_assert(strstr(res.err, err_part) != NULL, "stderr: %s", res.err);
	else
		cr_assert_str_eq(res.err, "");
	run_result_free(&res);
}

Test(git_cli, staged_exit_codes)
{
	fx_repo r = staged_repo();
	const char *const argv[] = { "check", "--staged", "--quiet", NULL };
	assert_run(r.dir, argv, NULL, 1, the_the_finding, NULL);
	const char *const other[] = { "check", "--staged", "--quiet", "--", "other", NULL };
	assert_run(r.dir, other, NULL, 0, "", NULL);
	char *docs = fx_path(&r, "docs");
	const char *const here[] = { "check", "--staged", "--quiet", "--", ".", NULL };
	assert_run(docs, here, NULL, 1, the_the_finding, NULL);
	free(docs);
	fx_free(&r);
}

Test(git_cli, diff_base_from_github)
{
	fx_repo r = staged_repo();
	git_oid base = fx_commit(&r, "base");
	git_reference *ref;
	cr_assert_eq(git_reference_create(&ref, r.repo, "refs/remotes/origin/main", &base, 0, NULL), 0);
	git_reference_free(ref);
	fx_branch(&r, "feature");
	fx_stage(&r, "other/b.md", "Clean.\n\nNew and and.\n");
	fx_commit(&r, "feature");
	const char *const argv[] = { "check", "--diff", "--format", "json", NULL };
	const char *const github[] = { "GITHUB_BASE_REF=main", NULL };
	run_result res = run_copylint(r.dir, argv, NULL, github);
	cr_assert_eq(res.status, 1, "%s", res.err);
	cr_assert_str_eq(res.err, "copylint: comparing with origin/main (from GITHUB_BASE_REF)\n");
	cr_assert(strstr(res.out, "{\"path\":\"other/b.md\",\"line\":3,\"column\":9,") != NULL, "%s", res.out);
	cr_assert(strstr(res.out, "\"summary\": {\"files\":1,\"errors\":1,") != NULL, "%s", res.out);
	run_result_free(&res);
	fx_free(&r);
}

Test(git_cli, diff_base_from_gitlab)
{
	fx_repo r = staged_repo();
	git_oid base = fx_commit(&r, "base");
	fx_branch(&r, "feature");
	fx_stage(&r, "other/b.md", "Clean.\n\nNew and and.\n");
	fx_commit(&r, "feature");
	char sha[GIT_OID_HEXSZ + 1], variable[128], expected[256];
	git_oid_tostr(sha, sizeof(sha), &base);
	snprintf(variable, sizeof(variable), "CI_MERGE_REQUEST_DIFF_BASE_SHA=%s", sha);
	snprintf(expected, sizeof(expected), "copylint: comparing with %s (from CI_MERGE_REQUEST_DIFF_BASE_SHA)\n", sha);
	const char *const argv[] = { "check", "--diff", "--format", "json", "--scope", "files", NULL };
	const char *const gitlab[] = { variable, NULL };
	run_result res = run_copylint(r.dir, argv, NULL, gitlab);
	cr_assert_eq(res.status, 1, "%s", res.err);
	cr_assert_str_eq(res.err, expected);
	cr_assert(strstr(res.out, "\"summary\": {\"files\":1,\"errors\":1,") != NULL, "%s", res.out);
	run_result_free(&res);
	/* An explicit base wins, and nothing is said about CI. */
	const char *const explicit[] = { "check", "--diff=HEAD", "--quiet", NULL };
	assert_run(r.dir, explicit, gitlab, 0, "", NULL);
	fx_free(&r);
}

Test(git_cli, shallow_clone_exit_2)
{
	fx_repo r = staged_repo();
	fx_commit(&r, "one");
	fx_stage(&r, "other/b.md", "Two.\n");
	fx_commit(&r, "two");
	char *dir = make_temp_dir(), command[1024], *clone;
	snprintf(command, sizeof(command), "git clone -q --depth 1 'file://%s' clone 2>/dev/null", r.dir);
	cr_assert_eq(fx_sh(dir, command), 0);
	cr_assert(asprintf(&clone, "%s/clone", dir) > 0);
	const char *const argv[] = { "check", "--diff", "HEAD~1", NULL };
	assert_run(clone, argv, NULL, 2, "", "(this is a shallow clone). Fetch the history");
	free(clone);
	remove_tree(dir);
	free(dir);
	fx_free(&r);
}

Test(git_cli, conflict_exit_2)
{
	fx_repo r = staged_repo();
	git_index *index;
	git_oid id;
	git_blob_create_from_buffer(&id, r.repo, "x\n", 2);
	git_index_entry ours = { .mode = GIT_FILEMODE_BLOB, .id = id, .path = "c d.md" };
	git_repository_index(&index, r.repo);
	git_index_conflict_add(index, NULL, &ours, &ours);
	git_index_write(index);
	git_index_free(index);
	const char *const argv[] = { "check", "--staged", NULL };
	assert_run(r.dir, argv, NULL, 2, "", "copylint: unmerged files (a merge conflict in progress): c d.md;");
	fx_free(&r);
}

Test(git_cli, bad_usage_exit_2)
{
	fx_repo r = staged_repo();
	static const struct {
		const char *argv[6];
		const char *err;
	} cases[] = {
		{ { "check", "--scope", "lines", NULL }, "--scope needs --staged or --diff" },
		{ { "check", "--staged", "--scope", "some", NULL }, "--scope takes lines, files or all, not 'some'" },
		{ { "check", "--staged", "--diff", "main", NULL }, "--staged and --diff cannot be combined" },
		{ { "check", "--staged", "docs", NULL }, "unexpected argument 'docs': in git modes, give paths after --" },
		{ { "check", "--diff", "main", "docs", NULL }, "unexpected argument 'docs'" },
		{ { "check", "--diff", NULL }, "--diff needs a base" },
		{ { "check", "--diff", "..", NULL }, "--diff needs a base, not '..'" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_run(r.dir, cases[i].argv, NULL, 2, NULL, cases[i].err);
	fx_free(&r);
}

Test(git_cli, not_a_repository_exit_2)
{
	char *dir = make_temp_dir();
	const char *const argv[] = { "check", "--staged", NULL };
	assert_run(dir, argv, NULL, 2, "", "is not in a git repository");
	remove_tree(dir);
	free(dir);
}

Test(git_cli, help_names_the_git_options)
{
	const char *const check[] = { "check", "--help", NULL };
	run_result res = run_copylint(NULL, check, NULL, NULL);
	cr_assert_eq(res.status, 0);
	cr_assert(strstr(res.out, "  --staged ") && strstr(res.out, "  --diff [BASE|A..B] ") &&
		  strstr(res.out, "  --scope SCOPE "), "%s", res.out);
	run_result_free(&res);
	const char *const top[] = { "--help", NULL };
	res = run_copylint(NULL, top, NULL, NULL);
	cr_assert(strstr(res.out, "  hook install [--chain] ") && strstr(res.out, "  check --staged "), "%s", res.out);
	run_result_free(&res);
}

Test(git_cli, paths_after_dashes_outside_git_modes)
{
	char *dir = make_temp_dir(), *file;
	cr_assert(asprintf(&file, "%s/-odd.md", dir) > 0);
	write_file(file, "the the\n", 8);
	const char *const argv[] = { "check", "--quiet", "--format", "json", "--", "-odd.md", NULL };
	run_result res = run_copylint(dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 1, "%s", res.err);
	cr_assert(strstr(res.out, "{\"path\":\"-odd.md\",\"line\":1,\"column\":5,") != NULL, "%s", res.out);
	run_result_free(&res);
	free(file);
	remove_tree(dir);
	free(dir);
}
