/* copylint hook install / uninstall in temporary repositories, and real
 * commits (git itself runs the hook) that the hook blocks or lets through.
 * The hook finds the copylint under test first on PATH. */
#include <criterion/criterion.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git_fixture.h"
#include "helpers.h"

#define SHIPPED_HOOK COPYLINT_TEST_DIR "/../hooks/pre-commit"
#define FOREIGN_HOOK "#!/bin/sh\necho foreign >> \"$(git rev-parse --git-dir)/foreign-ran\"\n"

static run_result hook(const fx_repo *r, const char *command, const char *option)
{
	const char *const argv[] = { "hook", command, option, NULL };
	return run_copylint(r->dir, argv, NULL, NULL);
}

static void assert_hook(const fx_repo *r, const char *command, const char *option, int status,
			const char *out_format, const char *err_part)
{
	run_result res = hook(r, command, option);
	cr_assert_eq(res.status, status, "status %d: %s", res.status, res.err);
	char expected[1024];
	size_t len = 0;
	for (const char *p = out_format; *p && len + strlen(r->dir) + 2 < sizeof(expected); p++) {
		if (*p == '@') {  /* the repository's folder */
			strcpy(expected + len, r->dir);
			len += strlen(r->dir);
		} else {
			expected[len++] = *p;
		}
	}
	expected[len] = '\0';
	cr_assert_str_eq(res.out, expected);
	if (err_part)
		cr_assert(strstr(res.err, err_part) != NULL, "%s", res.err);
	else
		cr_assert_str_eq(res.err, "");
	run_result_free(&res);
}

static char *file_text(const fx_repo *r, const char *path)
{
	char *full = fx_path(r, path);
	char *text = read_file(full, NULL);
	free(full);
	return text;
}

static bool executable(const fx_repo *r, const char *path)
{
	char *full = fx_path(r, path);
	bool yes = access(full, X_OK) == 0;
	free(full);
	return yes;
}

static void write_executable(const fx_repo *r, const char *path, const char *text)
{
	fx_write(r, path, text);
	char *full = fx_path(r, path);
	chmod(full, 0755);
	free(full);
}

Test(git_hook, install_writes_the_shipped_script)
{
	fx_repo r = fx_init();
	assert_hook(&r, "install", NULL, 0, "installed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	char *installed = file_text(&r, ".git/hooks/pre-commit"), *shipped = read_file(SHIPPED_HOOK, NULL);
	cr_assert_not_null(shipped);
	cr_assert_str_eq(installed, shipped);
	cr_assert(executable(&r, ".git/hooks/pre-commit"));
	assert_hook(&r, "install", NULL, 0, "updated the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	assert_hook(&r, "uninstall", NULL, 0, "removed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	cr_assert_null(file_text(&r, ".git/hooks/pre-commit"));
	assert_hook(&r, "uninstall", NULL, 0, "no pre-commit hook in @/.git/hooks/: nothing to remove\n", NULL);
	free(installed);
	free(shipped);
	fx_free(&r);
}

Test(git_hook, foreign_hook_is_never_overwritten)
{
	fx_repo r = fx_init();
	write_executable(&r, ".git/hooks/pre-commit", FOREIGN_HOOK);
	assert_hook(&r, "install", NULL, 2, "", "copylint did not write it: left as it is. Run `copylint hook install --chain`");
	assert_hook(&r, "uninstall", NULL, 2, "", "was not written by copylint: left as it is");
	char *text = file_text(&r, ".git/hooks/pre-commit");
	cr_assert_str_eq(text, FOREIGN_HOOK);
	free(text);
	fx_free(&r);
}

Test(git_hook, chain_keeps_the_foreign_hook_and_uninstall_restores_it)
{
	fx_repo r = fx_init();
	write_executable(&r, ".git/hooks/pre-commit", FOREIGN_HOOK);
	assert_hook(&r, "install", "--chain", 0,
		    "kept the existing hook as @/.git/hooks/pre-commit.chained; it runs before copylint\n"
		    "installed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	char *chained = file_text(&r, ".git/hooks/pre-commit.chained");
	cr_assert_str_eq(chained, FOREIGN_HOOK);
	free(chained);
	/* A second foreign hook cannot be chained over the first. */
	write_executable(&r, ".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
	assert_hook(&r, "install", "--chain", 2, "", "already holds a chained hook");
	fx_write(&r, ".git/hooks/pre-commit", "");
	char *full = fx_path(&r, ".git/hooks/pre-commit");
	unlink(full);
	free(full);
	assert_hook(&r, "install", NULL, 0, "installed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	assert_hook(&r, "uninstall", NULL, 0,
		    "removed the copylint pre-commit hook and put back the hook it ran first: @/.git/hooks/pre-commit\n",
		    NULL);
	char *restored = file_text(&r, ".git/hooks/pre-commit");
	cr_assert_str_eq(restored, FOREIGN_HOOK);
	cr_assert_null(file_text(&r, ".git/hooks/pre-commit.chained"));
	free(restored);
	fx_free(&r);
}

Test(git_hook, core_hooks_path_is_respected)
{
	fx_repo r = fx_init();
	git_config *config;
	git_repository_config(&config, r.repo);
	git_config_set_string(config, "core.hooksPath", "tools/git hooks");
	git_config_free(config);
	assert_hook(&r, "install", NULL, 0, "installed the copylint pre-commit hook: @/tools/git hooks/pre-commit\n", NULL);
	cr_assert(executable(&r, "tools/git hooks/pre-commit"));
	cr_assert_null(file_text(&r, ".git/hooks/pre-commit"));
	fx_free(&r);
}

Test(git_hook, bad_usage)
{
	fx_repo r = fx_init();
	assert_hook(&r, "reinstall", NULL, 2, "", "unknown hook command 'reinstall'");
	assert_hook(&r, "uninstall", "--chain", 2, "", "unexpected argument '--chain'");
	char *dir = make_temp_dir();
	const char *const argv[] = { "hook", "install", NULL };
	run_result res = run_copylint(dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 2);
	cr_assert(strstr(res.err, "is not in a git repository") != NULL, "%s", res.err);
	run_result_free(&res);
	remove_tree(dir);
	free(dir);
	fx_free(&r);
}

/* git commit with the copylint under test first on PATH (or, with
 * path NULL, a PATH without it); returns git's status, output in *output. */
static int commit(const fx_repo *r, const char *args, const char *path, char **output)
{
	char binary[] = COPYLINT_BINARY, command[2048];
	const char *bin_dir = dirname(binary);
	if (path)
		snprintf(command, sizeof(command), "PATH='%s':\"$PATH\" git commit -q -m test %s >commit.log 2>&1",
			 bin_dir, args);
	else
		snprintf(command, sizeof(command), "PATH=/usr/bin:/bin git commit -q -m test %s >commit.log 2>&1", args);
	int status = fx_sh(r->dir, command);
	*output = file_text(r, "commit.log");
	char *log = fx_path(r, "commit.log");
	unlink(log);
	free(log);
	return status;
}

static bool head_unborn(const fx_repo *r)
{
	return git_repository_head_unborn(r->repo) == 1;
}

Test(git_hook, real_commits_blocked_and_let_through)
{
	fx_repo r = fx_init();
	char *output;
	assert_hook(&r, "install", NULL, 0, "installed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	fx_stage(&r, "a.md", "Blocked the the.\n");
	cr_assert_neq(commit(&r, "", "", &output), 0, "%s", output);
	cr_assert(strstr(output, "a.md:1:13: error: word “the” is repeated [repeated-word]") != NULL, "%s", output);
	cr_assert(head_unborn(&r));
	free(output);
	fx_stage(&r, "a.md", "Let through.\n");
	cr_assert_eq(commit(&r, "", "", &output), 0, "%s", output);
	cr_assert(!head_unborn(&r));
	free(output);
	fx_free(&r);
}

Test(git_hook, commit_all_checks_the_temporary_index)
{
	fx_repo r = fx_init();
	char *output;
	fx_stage(&r, "a.md", "Clean.\n");
	fx_commit(&r, "first");
	assert_hook(&r, "install", NULL, 0, "installed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	fx_write(&r, "a.md", "Clean.\n\nDirty and and.\n");
	/* Nothing staged is dirty, but commit -a takes the working tree. */
	cr_assert_neq(commit(&r, "-a", "", &output), 0, "%s", output);
	cr_assert(strstr(output, "a.md:3:11: error: word “and” is repeated [repeated-word]") != NULL, "%s", output);
	free(output);
	fx_write(&r, "a.md", "Clean.\n\nFine now.\n");
	cr_assert_eq(commit(&r, "-a", "", &output), 0, "%s", output);
	free(output);
	fx_free(&r);
}

Test(git_hook, chained_hook_runs_first)
{
	fx_repo r = fx_init();
	char *output;
	write_executable(&r, ".git/hooks/pre-commit", FOREIGN_HOOK);
	run_result res = hook(&r, "install", "--chain");
	cr_assert_eq(res.status, 0, "%s", res.err);
	run_result_free(&res);
	fx_stage(&r, "a.md", "Fine.\n");
	cr_assert_eq(commit(&r, "", "", &output), 0, "%s", output);
	free(output);
	char *ran = file_text(&r, ".git/foreign-ran");
	cr_assert_str_eq(ran, "foreign\n");
	free(ran);
	/* A failing chained hook stops the commit before copylint runs. */
	write_executable(&r, ".git/hooks/pre-commit.chained", "#!/bin/sh\necho chained says no >&2\nexit 3\n");
	fx_stage(&r, "b.md", "Fine too.\n");
	cr_assert_neq(commit(&r, "", "", &output), 0);
	cr_assert_str_eq(output, "chained says no\n");
	free(output);
	fx_free(&r);
}

Test(git_hook, missing_copylint_is_explained)
{
	fx_repo r = fx_init();
	char *output;
	assert_hook(&r, "install", NULL, 0, "installed the copylint pre-commit hook: @/.git/hooks/pre-commit\n", NULL);
	fx_stage(&r, "a.md", "Fine.\n");
	cr_assert_neq(commit(&r, "", NULL, &output), 0);
	cr_assert(strstr(output, "the copylint command is not on PATH") != NULL, "%s", output);
	cr_assert(strstr(output, "git commit --no-verify") != NULL, "%s", output);
	cr_assert(head_unborn(&r));
	free(output);
	fx_free(&r);
}
