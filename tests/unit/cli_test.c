/* The command line as a user meets it: options, exit codes, messages,
 * folder walking, output files, threads, and inputs that must not break it. */
#include <criterion/criterion.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

static char *dir;

static void setup(void)
{
	dir = make_temp_dir();
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

static void put(const char *relative, const char *text)
{
	write_file_under(dir, relative, text);
}

static run_result run(const char *const *argv)
{
	return run_copylint(dir, argv, NULL, NULL);
}

TestSuite(cli, .init = setup, .fini = teardown);

Test(cli, help_version_and_rules)
{
	run_result r = run((const char *[]){ "--help", NULL });
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "usage: copylint <command>"));
	run_result_free(&r);
	r = run((const char *[]){ "check", "--help", NULL });
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "--fail-on LEVEL"));
	run_result_free(&r);
	r = run((const char *[]){ "--version", NULL });
	cr_assert_str_eq(r.out, "copylint " COPYLINT_VERSION "\n");
	run_result_free(&r);
	r = run((const char *[]){ "rules", NULL });
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "repeated-word          error    The same word twice in a row\n"));
	run_result_free(&r);
}

Test(cli, usage_errors_exit_2_with_a_message)
{
	static const char *const cases[][4] = {
		{ "frobnicate", NULL },
		{ "check", "--format", "xml", NULL },
		{ "check", "--fail-on", "sometimes", NULL },
		{ "check", "--jobs", "0", NULL },
		{ "check", "--rule", "repeated-word", NULL },
		{ "check", "--rule", "no-such-rule=off", NULL },
		{ "check", "--bogus", NULL },
		{ "check", "--config", ".", NULL },
	};
	static const char *const messages[] = {
		"copylint: unknown command 'frobnicate'",
		"copylint: --format: unknown format 'xml' (text, json, github, github-summary, gitlab, sarif, checkstyle, junit, rdjsonl)",
		"copylint: --fail-on takes error, warning, info or never, not 'sometimes'",
		"copylint: --jobs takes a number from 1 to 256, not '0'",
		"copylint: --rule takes ID=off|info|warning|error, not 'repeated-word'",
		"copylint: --rule: unknown rule 'no-such-rule' (see `copylint rules`)",
		"unrecognized option '--bogus'",
		"copylint: .: is a folder, not a configuration file",
	};
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		run_result r = run(cases[i]);
		cr_expect_eq(r.status, 2, "case %zu exits %d", i, r.status);
		cr_expect(strstr(r.err, messages[i]), "case %zu says: %s", i, r.err);
		run_result_free(&r);
	}
}

Test(cli, exit_codes_follow_fail_on)
{
	put("a.md", "It is is here.\n\n# One\n\n# One\n");  /* an error and a warning */
	struct { const char *fail_on; int status; } cases[] = {
		{ "error", 1 }, { "warning", 1 }, { "info", 1 }, { "never", 0 },
	};
	for (size_t i = 0; i < 4; i++) {
		run_result r = run((const char *[]){ "check", "--fail-on", cases[i].fail_on, "a.md", NULL });
		cr_expect_eq(r.status, cases[i].status, "--fail-on %s", cases[i].fail_on);
		run_result_free(&r);
	}
	run_result r = run((const char *[]){ "check", "--rule", "repeated-word=info", "--fail-on", "error", "a.md", NULL });
	cr_expect_eq(r.status, 0);
	run_result_free(&r);
	put("clean.md", "Nothing wrong here.\n");
	r = run((const char *[]){ "check", "clean.md", NULL });
	cr_expect_eq(r.status, 0);
	cr_expect_str_eq(r.out, "1 file checked: 0 errors, 0 warnings, 0 infos\n");
	run_result_free(&r);
}

Test(cli, quiet_prints_findings_only)
{
	put("a.md", "It is is here.\n");
	run_result r = run((const char *[]){ "check", "--quiet", "a.md", NULL });
	cr_assert_eq(r.status, 1);
	cr_assert_null(strstr(r.out, "checked"));
	cr_assert(strstr(r.out, "a.md:1:7: error: word “is” is repeated [repeated-word]"));
	run_result_free(&r);
}

Test(cli, folder_walk_skips_hidden_ignored_and_foreign_files)
{
	git_libgit2_init();
	git_repository *repo;
	cr_assert_eq(git_repository_init(&repo, dir, 0), 0);
	git_repository_free(repo);
	git_libgit2_shutdown();
	put(".gitignore", "ignored/\n*.draft.md\n");
	put("content/a.md", "It is is a.\n");
	put("content/b.txt", "It is is b.\n");
	put("content/c.draft.md", "It is is c.\n");
	put("content/code.c", "int is is;\n");
	put("ignored/d.md", "It is is d.\n");
	put(".hidden/e.md", "It is is e.\n");
	put("content/.f.md", "It is is f.\n");
	run_result r = run((const char *[]){ "check", "--format", "json", ".", NULL });
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "\"path\":\"content/a.md\""));
	cr_assert(strstr(r.out, "\"path\":\"content/b.txt\""));
	cr_assert(strstr(r.out, "\"files\":2"), "%s", r.out);
	run_result_free(&r);
	/* named explicitly, any extension is taken */
	r = run((const char *[]){ "check", "--quiet", "content/code.c", NULL });
	cr_assert(strstr(r.out, "content/code.c:1:8: error"), "%s", r.out);
	run_result_free(&r);
}

Test(cli, config_excludes_and_include)
{
	put(".copylint.yml", "exclude: [vendor/]\ninclude: ['**/*.markdown']\n");
	put("vendor/a.markdown", "It is is v.\n");
	put("docs/b.markdown", "It is is b.\n");
	put("docs/c.md", "It is is c.\n");
	run_result r = run((const char *[]){ "check", "--format", "json", "--fail-on", "never", NULL });
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "\"path\":\"docs/b.markdown\""), "%s", r.out);
	cr_assert(strstr(r.out, "\"files\":1"), "%s", r.out);
	run_result_free(&r);
}

Test(cli, output_file_is_written_whole_and_errors_exit_2)
{
	put("a.md", "It is is here.\n");
	run_result r = run((const char *[]){ "check", "--format", "json", "--output", "report.json", "a.md", NULL });
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, "");
	run_result_free(&r);
	char *path;
	asprintf(&path, "%s/report.json", dir);
	char *report = read_file(path, NULL);
	cr_assert_not_null(report);
	cr_assert(strstr(report, "\"rule\":\"repeated-word\""));
	free(report);
	free(path);
	put("out/keep", "");
	r = run((const char *[]){ "check", "--output", "out", "a.md", NULL });
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "copylint: cannot write out:"), "%s", r.err);
	run_result_free(&r);
}

Test(cli, jobs_give_the_same_report)
{
	for (int i = 0; i < 40; i++) {
		char name[32], text[128];
		snprintf(name, sizeof(name), "f%02d.md", i);
		snprintf(text, sizeof(text), "# T%d\n\nIt is is %d.\n\n# T%d\n", i, i, i);
		put(name, text);
	}
	run_result one = run((const char *[]){ "check", "--format", "json", "--jobs", "1", ".", NULL });
	run_result four = run((const char *[]){ "check", "--format", "json", "--jobs", "4", ".", NULL });
	cr_assert_eq(one.status, 1);
	cr_assert_str_eq(one.out, four.out);
	run_result_free(&one);
	run_result_free(&four);
}

Test(cli, a_10_mb_line_is_checked_to_the_end)
{
	size_t len = 10 * 1024 * 1024;
	char *text = malloc(len + 32);
	static const char *const words[] = { "alpha ", "bravo ", "delta ", "gamma ", "omega " };
	for (size_t i = 0; i < len; i += 6)
		memcpy(text + i, words[(i / 6) % 5], 6);
	len = len / 6 * 6;
	strcpy(text + len, "the the end.\n");
	char *path;
	asprintf(&path, "%s/long.txt", dir);
	write_file(path, text, strlen(text));
	run_result r = run((const char *[]){ "check", "--quiet", "--rule", "duplicate-sentence=off", "long.txt", NULL });
	cr_assert_eq(r.status, 1, "%s", r.err);
	char expected[64];
	snprintf(expected, sizeof(expected), "long.txt:1:%zu: error: word “the”", len + 5);
	cr_assert(strstr(r.out, expected), "%.200s", r.out);
	run_result_free(&r);
	free(path);
	free(text);
}

Test(cli, odd_inputs_do_not_break_it)
{
	put("empty.md", "");
	put("blank.txt", "\n\n\r\n   \n");
	put("only-front-matter.md", "---\ntitle: x\n---\n");
	put("deep.md", "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > "
	    "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > deep deep\n");
	put("unclosed.md", "```\nnever closed\n\n<!-- also never closed\n[link](\n");
	put("controls.txt", "bell \a and escape \x1b[31m red\x1b[0m text text\n");
	run_result r = run((const char *[]){ "check", "--format", "json", ".", NULL });
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "\"files\":6"), "%s", r.out);
	cr_assert(strstr(r.out, "\"path\":\"deep.md\""));
	cr_assert(strstr(r.out, "\"path\":\"controls.txt\""));
	run_result_free(&r);
	/* a terminal escape in an article never reaches the terminal raw */
	r = run((const char *[]){ "check", "controls.txt", NULL });
	cr_assert_null(strchr(r.out, '\x1b'), "escape leaked: %s", r.out);
	cr_assert(strstr(r.out, "\xE2\x90\x9B[31m"), "shown as a symbol: %s", r.out);
	run_result_free(&r);
}

Test(cli, a_path_that_is_not_utf8_in_json)
{
	put("bad\xff.md", "It is is here.\n");
	run_result r = run((const char *[]){ "check", "--format", "json", "bad\xff.md", NULL });
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "{\"path\":\"bad\xEF\xBF\xBD.md\",\"line\":1,\"column\":7,"), "%s", r.out);
	run_result_free(&r);
}

Test(cli, an_empty_folder_checks_nothing)
{
	char *cmd;
	asprintf(&cmd, "mkdir -p '%s/empty'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	run_result r = run((const char *[]){ "check", "empty", NULL });
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, "0 files checked: 0 errors, 0 warnings, 0 infos\n");
	run_result_free(&r);
}

Test(cli, stdin_without_a_name)
{
	run_result r = run_copylint(dir, (const char *[]){ "check", "--quiet", "-", NULL }, "so so good\n", NULL);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "<stdin>:1:4: error: word “so” is repeated [repeated-word]"), "%s", r.out);
	run_result_free(&r);
}
