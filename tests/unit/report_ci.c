/* The CI plug-ins (ci/github/action.yml, ci/gitlab/copylint.gitlab-ci.yml)
 * run locally: tests/ci/run_ci.py executes their shell steps with the
 * environment the CI would set, in a temporary git repository, and the
 * produced logs and files are checked. The diff path (--diff, --scope) is
 * checked through a stand-in `copylint` that records its arguments, and
 * once each with the real binary's --diff. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

#define RUN_CI COPYLINT_TEST_DIR "/ci/run_ci.py"
#define ACTION COPYLINT_TEST_DIR "/../ci/github/action.yml"
#define GITLAB COPYLINT_TEST_DIR "/../ci/gitlab/copylint.gitlab-ci.yml"
#define SCHEMA COPYLINT_TEST_DIR "/schemas/sarif-schema-2.1.0.json"
#define VALIDATE COPYLINT_TEST_DIR "/schemas/validate.py"
#define PYTHON "/usr/bin/python3"

typedef struct {
	char *dir;   /* the repository */
	char *tmp;   /* outside it: logs, the stand-in, RUNNER_TEMP */
	char *out, *err;
	int status;
} ci_run;

#define SH(...) do { \
		char *cmd_; \
		asprintf(&cmd_, __VA_ARGS__); \
		cr_assert_eq(system(cmd_), 0, "%s", cmd_); \
		free(cmd_); \
	} while (0)

static char *path_in(const char *dir, const char *name)
{
	char *path;
	asprintf(&path, "%s/%s", dir, name);
	return path;
}

static void put(const char *dir, const char *name, const char *text)
{
	char *path = path_in(dir, name);
	write_file(path, text, strlen(text));
	free(path);
}

/* A repository with one clean article and one with a repeated word, and
 * origin/main where a pull request's base would be. */
static ci_run repository(void)
{
	ci_run run = { make_temp_dir(), make_temp_dir(), NULL, NULL, -1 };
	put(run.dir, "good.md", "# Fine\n\nAll is well here.\n");
	SH("mkdir '%s/news'", run.dir);
	put(run.dir, "news/bad.md", "It is is broken.\n");
	SH("cd '%s' && git init -q -b main && git add -A && "
	   "git -c user.name=t -c user.email=t@example.org commit -qm articles && "
	   "git update-ref refs/remotes/origin/main HEAD", run.dir);
	/* The stand-in records its arguments, one a line. */
	char *fake = path_in(run.tmp, "fake");
	mkdir(fake, 0700);
	free(fake);
	put(run.tmp, "fake/copylint", "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$COPYLINT_ARGS_LOG\"\n");
	SH("chmod +x '%s/fake/copylint'", run.tmp);
	return run;
}

static void dispose(ci_run *run)
{
	remove_tree(run->dir);
	remove_tree(run->tmp);
	free(run->dir);
	free(run->tmp);
	free(run->out);
	free(run->err);
}

/* Runs a plug-in in run->dir with a clean environment plus env (a string
 * of NAME='value' words) and the plug-in arguments args; fake puts the
 * stand-in first on PATH instead of the real binary. */
static void run_plugin(ci_run *run, const char *kind, const char *env, const char *args, bool fake)
{
	char *bin = strdup(COPYLINT_BINARY), *cmd, *out = path_in(run->tmp, "out"), *err = path_in(run->tmp, "err");
	const char *asan = getenv("ASAN_OPTIONS"), *ubsan = getenv("UBSAN_OPTIONS");
	asprintf(&cmd, "cd '%s' && env -i PATH='%s/fake:%s:/usr/local/bin:/usr/bin:/bin' HOME='%s' NO_COLOR=1 "
		 "ASAN_OPTIONS='%s' UBSAN_OPTIONS='%s' COPYLINT_ARGS_LOG='%s/args' RUNNER_TEMP='%s' %s %s '%s' %s '%s' %s "
		 ">'%s' 2>'%s'",
		 run->dir, fake ? run->tmp : "/nonexistent", fake ? "/nonexistent" : dirname(bin), run->tmp,
		 asan ? asan : "", ubsan ? ubsan : "", run->tmp, run->tmp, env, PYTHON, RUN_CI,
		 kind, !strcmp(kind, "github") ? ACTION : GITLAB, args, out, err);
	int status = system(cmd);
	run->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	free(run->out);
	free(run->err);
	run->out = read_file(out, NULL);
	run->err = read_file(err, NULL);
	free(cmd);
	free(out);
	free(err);
	free(bin);
}

static char *read_in(const char *dir, const char *name)
{
	char *path = path_in(dir, name), *text = read_file(path, NULL);
	free(path);
	return text;
}

#define BAD_ANNOTATION "::error file=news/bad.md,line=1,endLine=1,col=7,endColumn=9," \
	"title=copylint repeated-word::word “is” is repeated\n"

Test(report_ci, github_push_checks_everything_annotates_and_writes_sarif, .timeout = 120)
{
	ci_run run = repository();
	char *env;
	asprintf(&env, "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push GITHUB_STEP_SUMMARY='%s/summary.md' "
		 "GITHUB_PATH='%s/path'", run.tmp, run.tmp);
	run_plugin(&run, "github", env, "sarif-file=copylint.sarif", false);
	cr_expect_eq(run.status, 1, "stdout:\n%s\nstderr:\n%s", run.out, run.err);
	cr_expect_not_null(strstr(run.out, "copylint: using "), "%s", run.out);
	cr_expect_not_null(strstr(run.out, BAD_ANNOTATION), "%s", run.out);
	cr_expect_not_null(strstr(run.out, "2 files checked: 1 error, 0 warnings, 0 infos\n"), "%s", run.out);
	char *summary = read_in(run.tmp, "summary.md");
	cr_expect_not_null(summary && strstr(summary, "| news/bad.md | repeated-word | 1 | 0 | 0 |\n"), "%s", summary);
	free(summary);
	char *sarif = path_in(run.dir, "copylint.sarif"), *cmd;
	asprintf(&cmd, "%s '%s' '%s' '%s'", PYTHON, VALIDATE, SCHEMA, sarif);
	cr_expect_eq(system(cmd), 0, "%s is not valid SARIF", sarif);
	free(cmd);
	free(sarif);
	free(env);
	dispose(&run);
}

Test(report_ci, github_fail_on_never_passes_the_step, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push", "fail-on=never", false);
	cr_expect_eq(run.status, 0, "%s", run.err);
	cr_expect_not_null(strstr(run.out, BAD_ANNOTATION), "%s", run.out);
	dispose(&run);
}

Test(report_ci, github_paths_and_config_inputs, .timeout = 120)
{
	ci_run run = repository();
	put(run.dir, "strict.yml", "rules:\n  repeated-word: off\n");
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push", "'paths=good.md news' config=strict.yml",
		   false);
	cr_expect_eq(run.status, 0, "%s\n%s", run.out, run.err);
	cr_expect_not_null(strstr(run.out, "2 files checked: 0 errors"), "%s", run.out);
	dispose(&run);
}

Test(report_ci, github_pull_request_checks_the_diff_against_its_base, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main",
		   "scope=lines sarif-file=out.sarif 'paths=news *.md'", true);
	cr_expect_eq(run.status, 0, "%s", run.err);
	char *args = read_in(run.tmp, "args");
	cr_expect_str_eq(args, "check\n--format\ngithub\n--fail-on\nwarning\n--report\nsarif=out.sarif\n"
			 "--diff\norigin/main\n--scope\nlines\n--\nnews\n*.md\n");
	free(args);
	dispose(&run);
}

Test(report_ci, github_pull_request_with_diff_full_checks_everything, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main",
		   "diff=full", true);
	char *args = read_in(run.tmp, "args");
	cr_expect_str_eq(args, "check\n--format\ngithub\n--fail-on\nwarning\n--\n.\n");
	free(args);
	dispose(&run);
}

Test(report_ci, github_bad_diff_input_stops_with_2, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push", "diff=sometimes", false);
	cr_expect_eq(run.status, 2);
	cr_expect_not_null(strstr(run.err, "the diff input takes auto or full, not 'sometimes'"), "%s", run.err);
	dispose(&run);
}

Test(report_ci, github_shard_input_is_passed_on, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push", "shard=2/3", true);
	char *args = read_in(run.tmp, "args");
	cr_expect_str_eq(args, "check\n--format\ngithub\n--fail-on\nwarning\n--shard\n2/3\n--\n.\n");
	free(args);
	dispose(&run);
}

/* The spelling answers go to RUNNER_TEMP/copylint-cache, which the action
 * keeps between runs with actions/cache; cache=false keeps nothing. */
Test(report_ci, github_spelling_cache_is_kept_in_runner_temp, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push", "", false);
	cr_expect_eq(run.status, 1, "%s", run.err);
	char *cmd;
	asprintf(&cmd, "ls '%s/copylint-cache' | grep -q .", run.tmp);
	cr_expect_eq(system(cmd), 0, "no spelling cache in RUNNER_TEMP");
	free(cmd);
	dispose(&run);
	run = repository();
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push", "cache=false", false);
	cr_expect_eq(run.status, 1, "%s", run.err);
	asprintf(&cmd, "test -e '%s/copylint-cache'", run.tmp);
	cr_expect_neq(system(cmd), 0, "a spelling cache with cache=false");
	free(cmd);
	dispose(&run);
}

static void expect_gitlab_reports(const ci_run *run)
{
	char *text = read_in(run->dir, "gl-code-quality-report.json");
	cr_assert_not_null(text, "no Code Quality report");
	json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	cr_assert(json_is_array(doc) && json_array_size(doc) == 1, "%s", text);
	json_t *issue = json_array_get(doc, 0);
	cr_expect_str_eq(json_string_value(json_object_get(issue, "check_name")), "repeated-word");
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(issue, "location"), "path")),
			 "news/bad.md");
	json_decref(doc);
	free(text);
	text = read_in(run->dir, "copylint-junit.xml");
	cr_assert_not_null(text, "no JUnit report");
	xmlDocPtr xml = xmlReadMemory(text, (int)strlen(text), "junit.xml", "UTF-8", XML_PARSE_NONET);
	cr_expect_not_null(xml);
	xmlFreeDoc(xml);
	cr_expect_not_null(strstr(text, "tests=\"2\" failures=\"1\""), "%s", text);
	free(text);
}

Test(report_ci, gitlab_branch_pipeline_fails_and_writes_both_reports, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "gitlab", "GITLAB_CI=true CI=true CI_PIPELINE_SOURCE=push CI_COMMIT_BRANCH=main", "", false);
	cr_expect_eq(run.status, 1, "%s\n%s", run.out, run.err);
	cr_expect_not_null(strstr(run.out, "news/bad.md:1:7: error: word “is” is repeated [repeated-word]"),
			   "%s", run.out);
	expect_gitlab_reports(&run);
	dispose(&run);
}

Test(report_ci, gitlab_fail_on_never_passes_with_reports, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "gitlab", "GITLAB_CI=true CI_COMMIT_BRANCH=main", "COPYLINT_FAIL_ON=never", false);
	cr_expect_eq(run.status, 0, "%s", run.err);
	expect_gitlab_reports(&run);
	dispose(&run);
}

Test(report_ci, gitlab_merge_request_checks_the_diff_against_its_base, .timeout = 120)
{
	ci_run run = repository();
	run_plugin(&run, "gitlab", "GITLAB_CI=true CI_PIPELINE_SOURCE=merge_request_event "
		   "CI_MERGE_REQUEST_DIFF_BASE_SHA=0123abcd", "COPYLINT_SCOPE=files 'COPYLINT_PATHS=news good.md'", true);
	cr_expect_eq(run.status, 0, "%s", run.err);
	char *args = read_in(run.tmp, "args");
	cr_expect_str_eq(args, "check\n--format\ntext\n--fail-on\nwarning\n--report\ngitlab=gl-code-quality-report.json\n"
			 "--report\njunit=copylint-junit.xml\n--diff\n0123abcd\n--scope\nfiles\n--\nnews\ngood.md\n");
	free(args);
	dispose(&run);
}

/* The branch adds an article with a defect on top of origin/main, whose
 * news/bad.md already had one: a review shows only the branch's. Returns
 * the base's commit id (caller frees). */
static char *branch_with_new_defect(ci_run *run)
{
	put(run->dir, "new.md", "# New\n\nThe the start.\n");
	SH("cd '%s' && git checkout -q -b feature && git add -A && "
	   "git -c user.name=t -c user.email=t@example.org commit -qm new && "
	   "git rev-parse origin/main > '%s/base'", run->dir, run->tmp);
	char *base = read_in(run->tmp, "base");
	base[strcspn(base, "\n")] = '\0';
	return base;
}

Test(report_ci, github_pull_request_with_the_real_diff_reports_only_the_branch, .timeout = 120)
{
	ci_run run = repository();
	free(branch_with_new_defect(&run));
	run_plugin(&run, "github", "GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main", "", false);
	cr_expect_eq(run.status, 1, "%s\n%s", run.out, run.err);
	cr_expect_not_null(strstr(run.out, "::error file=new.md,line=3,endLine=3,col=5,endColumn=8,"
				   "title=copylint repeated-word::word “the” is repeated\n"), "%s", run.out);
	cr_expect_null(strstr(run.out, "news/bad.md"), "the base's defect is not the branch's: %s", run.out);
	dispose(&run);
}

Test(report_ci, gitlab_merge_request_with_the_real_diff_reports_only_the_branch, .timeout = 120)
{
	ci_run run = repository();
	char *base = branch_with_new_defect(&run), *env;
	asprintf(&env, "GITLAB_CI=true CI_PIPELINE_SOURCE=merge_request_event CI_MERGE_REQUEST_DIFF_BASE_SHA=%s", base);
	run_plugin(&run, "gitlab", env, "", false);
	cr_expect_eq(run.status, 1, "%s\n%s", run.out, run.err);
	cr_expect_not_null(strstr(run.out, "new.md:3:5: error: word “the” is repeated [repeated-word]"), "%s", run.out);
	cr_expect_null(strstr(run.out, "news/bad.md"), "the base's defect is not the branch's: %s", run.out);
	char *report = read_in(run.dir, "gl-code-quality-report.json");
	cr_expect_not_null(strstr(report, "\"path\":\"new.md\""), "%s", report);
	cr_expect_null(strstr(report, "news/bad.md"), "%s", report);
	free(report);
	free(env);
	free(base);
	dispose(&run);
}

Test(report_ci, gitlab_without_copylint_says_how_to_get_it, .timeout = 120)
{
	ci_run run = repository();
	char *fake = path_in(run.tmp, "fake/copylint");
	unlink(fake);
	free(fake);
	run_plugin(&run, "gitlab", "GITLAB_CI=true CI_COMMIT_BRANCH=main", "", true);
	cr_expect_eq(run.status, 2);
	cr_expect_not_null(strstr(run.err, "set COPYLINT_SOURCE to a copylint checkout"), "%s", run.err);
	dispose(&run);
}
