/* The command line streams its reports: every format gives the same bytes
 * with --jobs 2 as with --jobs 1, to standard output, to -o FILE and to
 * --report FORMAT=FILE, and files that could not be read are still said
 * on standard error in the order they were given. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

static char *dir;

static void put(const char *name, const char *text, size_t len)
{
	char *path;
	asprintf(&path, "%s/%s", dir, name);
	write_file(path, text, len);
	free(path);
}

static void setup(void)
{
	dir = make_temp_dir();
	char *sub;
	asprintf(&sub, "%s/a", dir);
	mkdir(sub, 0700);
	free(sub);
	for (int i = 0; i < 30; i++) {
		char name[32], text[128];
		snprintf(name, sizeof(name), i % 2 ? "a/f%02d.md" : "a-f%02d.md", i);
		int n = snprintf(text, sizeof(text), i % 3 ? "# T%d\n\nIt is is %d.\n\nThe the end.\n" : "Fine %d.\n", i, i);
		put(name, text, (size_t)n);
	}
	put("bin.txt", "ab\0cd", 5);
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

TestSuite(report_stream_cli, .init = setup, .fini = teardown);

static run_result run_format(const char *format, const char *jobs, const char *output)
{
	const char *argv[16] = { "check", "--format", format, "--jobs", jobs, "--rule", "spelling=off" };
	size_t n = 7;
	if (output) {
		argv[n++] = "-o";
		argv[n++] = output;
	}
	argv[n++] = "zz-missing.md";
	argv[n++] = ".";
	argv[n++] = "0-missing.md";
	argv[n] = NULL;
	return run_copylint(dir, argv, NULL, NULL);
}

Test(report_stream_cli, jobs_and_outputs_give_the_same_bytes_in_every_format)
{
	static const char *const formats[] = { "text", "json", "github", "github-summary", "gitlab",
					       "sarif", "checkstyle", "junit", "rdjsonl" };
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		run_result one = run_format(formats[i], "1", NULL);
		run_result two = run_format(formats[i], "2", NULL);
		run_result file = run_format(formats[i], "2", "out.report");
		cr_expect_eq(one.status, 2, "%s: %s", formats[i], one.err);  /* the missing files */
		cr_expect_eq(two.status, 2);
		cr_expect_eq(file.status, 2);
		cr_assert_gt(one.out_len, 0, "%s wrote nothing", formats[i]);
		cr_expect_eq(one.out_len, two.out_len, "%s", formats[i]);
		cr_expect_str_eq(two.out, one.out, "%s differs with --jobs 2", formats[i]);
		cr_expect_str_eq(two.err, one.err);
		char *path;
		asprintf(&path, "%s/out.report", dir);
		char *written = read_file(path, NULL);
		cr_assert_not_null(written, "%s: -o wrote no file", formats[i]);
		cr_expect_str_eq(written, one.out, "%s: -o FILE differs from standard output", formats[i]);
		free(written);
		free(path);
		run_result_free(&one);
		run_result_free(&two);
		run_result_free(&file);
	}
}

/* Errors come after the streamed report, in the order of the arguments,
 * whatever the report's order. */
Test(report_stream_cli, unreadable_files_are_said_in_argument_order)
{
	run_result r = run_format("text", "2", NULL);
	cr_expect_eq(r.status, 2);
	const char *first = strstr(r.err, "zz-missing.md"), *second = strstr(r.err, "0-missing.md");
	cr_assert_not_null(first, "%s", r.err);
	cr_assert_not_null(second, "%s", r.err);
	cr_expect_lt(first, second, "%s", r.err);
	cr_expect_not_null(strstr(r.err, "notice: bin.txt: binary file"), "%s", r.err);
	/* the report itself is in path order: a-f.. before a/f.. */
	const char *dash = strstr(r.out, "a-f01.md"), *slash = strstr(r.out, "a/f01.md");
	cr_expect_null(dash);
	dash = strstr(r.out, "a-f02.md");
	slash = strstr(r.out, "a/f01.md");
	cr_assert_not_null(dash, "%s", r.out);
	cr_assert_not_null(slash, "%s", r.out);
	cr_expect_lt(dash, slash);
	cr_expect_not_null(strstr(r.out, "30 files checked: 40 errors, 0 warnings, 0 infos\n"), "%s", r.out);
	run_result_free(&r);
}

/* --report files and the step summary are streamed beside the main report. */
Test(report_stream_cli, extra_reports_and_step_summary_stream_too)
{
	char *summary;
	asprintf(&summary, "GITHUB_STEP_SUMMARY=%s/summary.log", dir);
	const char *env[] = { summary, NULL };
	const char *argv[] = { "check", "--format", "github", "--rule", "spelling=off", "--report",
			       "junit=j.xml", "--report", "json=j.json", ".", NULL };
	put("summary.log", "before\n", 7);
	run_result r = run_copylint(dir, argv, NULL, env);
	cr_expect_eq(r.status, 1, "%s", r.err);
	static const char *const pairs[][2] = { { "j.xml", "junit" }, { "j.json", "json" } };
	for (size_t i = 0; i < 2; i++) {
		const char *direct_argv[] = { "check", "--format", pairs[i][1], "--rule", "spelling=off", ".", NULL };
		run_result direct = run_copylint(dir, direct_argv, NULL, NULL);
		char *path;
		asprintf(&path, "%s/%s", dir, pairs[i][0]);
		char *written = read_file(path, NULL);
		cr_assert_not_null(written);
		cr_expect_str_eq(written, direct.out, "%s", pairs[i][0]);
		free(written);
		free(path);
		run_result_free(&direct);
	}
	const char *table_argv[] = { "check", "--format", "github-summary", "--rule", "spelling=off", ".", NULL };
	run_result table = run_copylint(dir, table_argv, NULL, NULL);
	char *path, *appended;
	asprintf(&path, "%s/summary.log", dir);
	char *written = read_file(path, NULL);
	asprintf(&appended, "before\n%s", table.out);
	cr_expect_str_eq(written, appended);
	free(written);
	free(appended);
	free(path);
	run_result_free(&table);
	run_result_free(&r);
	free(summary);
}

/* Without a folder for temporary files, junit and github hold their body
 * in memory and write the same bytes. */
Test(report_stream_cli, no_temporary_folder_gives_the_same_reports)
{
	static const char *const formats[] = { "junit", "github" };
	const char *env[] = { "TMPDIR=/nonexistent/copylint", NULL };
	for (size_t i = 0; i < 2; i++) {
		const char *argv[] = { "check", "--format", formats[i], "--rule", "spelling=off", ".", NULL };
		run_result spooled = run_copylint(dir, argv, NULL, NULL);
		run_result held = run_copylint(dir, argv, NULL, env);
		cr_expect_eq(held.status, 1, "%s: %s", formats[i], held.err);
		cr_expect_gt(held.out_len, 1000);
		cr_expect_str_eq(held.out, spooled.out, "%s differs without a temporary folder", formats[i]);
		run_result_free(&spooled);
		run_result_free(&held);
	}
}
