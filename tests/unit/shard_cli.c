/* copylint check --shard on a small corpus: the shards' findings together
 * are the whole run's, each file checked once; GitLab's parallel jobs;
 * SARIF's automationDetails. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char *dir;

static void put(const char *relative, const char *text)
{
	write_file_under(dir, relative, text);
}

/* 24 articles in three languages, each with a defect or two. */
static void setup(void)
{
	static const char *const langs[] = { "en", "de", "fr" };
	dir = make_temp_dir();
	for (int i = 0; i < 8; i++)
		for (int l = 0; l < 3; l++) {
			char *path, *text;
			asprintf(&path, "content/%s/article-%d.md", langs[l], i);
			asprintf(&text, "# Title %d\n\nThe the river rose %d metres on 2024-03-%02d.\n%s", i, i, 30 + i % 3,
				 i % 2 ? "\nA paragraph  with two spaces.\n" : "");
			put(path, text);
			free(path);
			free(text);
		}
	put("notes.txt", "Notes\n\nThe report report is late.\n");
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

TestSuite(shard_cli, .init = setup, .fini = teardown);

/* Runs check with the JSON format; adds its findings (one compact JSON text
 * each) to *findings and returns the files it checked. */
static size_t run_json(const char *shard, const char *const *env, json_t *findings)
{
	const char *argv[] = { "check", "--no-cache", "--rule", "spelling=off", "--format", "json", "content", "notes.txt",
			       shard ? "--shard" : NULL, shard, NULL };
	run_result r = run_copylint(dir, argv, NULL, env);
	cr_assert_eq(r.status, 1, "%s", r.err);
	json_t *doc = json_loads(r.out, 0, NULL);
	cr_assert_not_null(doc);
	json_t *finding;
	size_t i;
	json_array_foreach(json_object_get(doc, "findings"), i, finding) {
		char *text = json_dumps(finding, JSON_COMPACT | JSON_SORT_KEYS);
		json_array_append_new(findings, json_string(text));
		free(text);
	}
	size_t files = (size_t)json_integer_value(json_object_get(json_object_get(doc, "summary"), "files"));
	json_decref(doc);
	run_result_free(&r);
	return files;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(json_string_value(*(json_t *const *)a), json_string_value(*(json_t *const *)b));
}

static char *sorted_lines(json_t *strings)
{
	size_t n = json_array_size(strings), size = 1;
	json_t **items = calloc(n + 1, sizeof(json_t *));
	for (size_t i = 0; i < n; i++) {
		items[i] = json_array_get(strings, i);
		size += strlen(json_string_value(items[i])) + 1;
	}
	qsort(items, n, sizeof(json_t *), compare_strings);
	char *out = calloc(1, size);
	for (size_t i = 0; i < n; i++)
		strcat(strcat(out, json_string_value(items[i])), "\n");
	free(items);
	return out;
}

Test(shard_cli, the_shards_together_are_the_whole_run)
{
	json_t *whole = json_array();
	size_t files = run_json(NULL, NULL, whole);
	cr_assert_eq(files, 25);
	cr_assert_gt(json_array_size(whole), 25);
	char *expected = sorted_lines(whole);
	const unsigned ns[] = { 1, 2, 7 };
	for (size_t t = 0; t < 3; t++) {
		json_t *together = json_array();
		size_t checked = 0;
		for (unsigned k = 1; k <= ns[t]; k++) {
			char shard[16];
			snprintf(shard, sizeof(shard), "%u/%u", k, ns[t]);
			size_t here = run_json(shard, NULL, together);
			cr_assert(ns[t] == 1 || here < files, "shard %s checked every file", shard);
			checked += here;
		}
		cr_assert_eq(checked, files, "N=%u: %zu files checked in all", ns[t], checked);
		char *got = sorted_lines(together);
		cr_assert_str_eq(got, expected, "N=%u", ns[t]);
		free(got);
		json_decref(together);
	}
	free(expected);
	json_decref(whole);
}

Test(shard_cli, gitlab_parallel_jobs_are_detected_and_said)
{
	const char *env[] = { "CI_NODE_INDEX=2", "CI_NODE_TOTAL=3", NULL };
	const char *argv[] = { "check", "--no-cache", "--rule", "spelling=off", "--format", "json", "content", NULL };
	run_result r = run_copylint(dir, argv, NULL, env);
	cr_assert(strstr(r.err, "copylint: shard 2/3 (GitLab parallel job: CI_NODE_INDEX/CI_NODE_TOTAL): checking "),
		  "%s", r.err);
	const char *argv2[] = { "check", "--no-cache", "--rule", "spelling=off", "--format", "json", "--shard", "2/3", "content", NULL };
	run_result r2 = run_copylint(dir, argv2, NULL, NULL);
	cr_assert_str_eq(r.out, r2.out);  /* the same shard as --shard 2/3 */
	cr_assert(strstr(r2.err, "copylint: shard 2/3: checking "), "%s", r2.err);
	run_result_free(&r);
	run_result_free(&r2);
	const char *one[] = { "CI_NODE_INDEX=1", "CI_NODE_TOTAL=1", NULL };
	r = run_copylint(dir, argv, NULL, one);  /* not a parallel job */
	cr_assert_null(strstr(r.err, "shard"), "%s", r.err);
	run_result_free(&r);
	const char *bad[] = { "CI_NODE_INDEX=4", "CI_NODE_TOTAL=3", NULL };
	r = run_copylint(dir, argv, NULL, bad);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "copylint: CI_NODE_INDEX=4 and CI_NODE_TOTAL=3 name no shard (1 to 1000 jobs)\n");
	run_result_free(&r);
}

Test(shard_cli, bad_shard_options)
{
	static const char *const bad[] = { "0/2", "3/2", "2", "1/0", "a/b", "1/2x", "-1/2", "1/1001" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *argv[] = { "check", "--shard", bad[i], "content", NULL };
		run_result r = run_copylint(dir, argv, NULL, NULL);
		cr_assert_eq(r.status, 2, "%s", bad[i]);
		char *expected;
		asprintf(&expected, "copylint: --shard takes K/N, with N from 1 to 1000 and K from 1 to N, not '%s'\n", bad[i]);
		cr_assert(strstr(r.err, expected), "%s", r.err);
		free(expected);
		run_result_free(&r);
	}
}

Test(shard_cli, sarif_names_the_shard_in_automation_details)
{
	const char *argv[] = { "check", "--no-cache", "--rule", "spelling=off", "--format", "sarif", "--shard", "2/7", "content", NULL };
	run_result r = run_copylint(dir, argv, NULL, NULL);
	json_t *doc = json_loads(r.out, 0, NULL);
	cr_assert_not_null(doc, "%s", r.out);
	json_t *id = json_object_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "automationDetails"), "id");
	cr_assert_str_eq(json_string_value(id), "copylint/shard-2-of-7/");
	json_decref(doc);
	char *path, *cmd;  /* still valid SARIF 2.1.0 */
	asprintf(&path, "%s/shard.sarif", dir);
	write_file(path, r.out, strlen(r.out));
	asprintf(&cmd, "/usr/bin/python3 '%s/schemas/validate.py' '%s/schemas/sarif-schema-2.1.0.json' '%s'",
		 COPYLINT_TEST_DIR, COPYLINT_TEST_DIR, path);
	cr_assert_eq(system(cmd), 0, "not valid SARIF");
	free(cmd);
	free(path);
	run_result_free(&r);
	const char *whole[] = { "check", "--no-cache", "--rule", "spelling=off", "--format", "sarif", "content", NULL };
	r = run_copylint(dir, whole, NULL, NULL);
	cr_assert_null(strstr(r.out, "automationDetails"));
	run_result_free(&r);
}

static const char *const merge_formats[] = { "json", "sarif", "gitlab", "checkstyle", "junit" };

/* Writes every format's report of shard k/n (n 0: the whole run) to
 * <format>-<k>-<n>. */
static void write_reports(unsigned k, unsigned n)
{
	char shard[16], reports[5][64];
	snprintf(shard, sizeof(shard), "%u/%u", k, n);
	const char *argv[24] = { "check", "--no-cache", "--rule", "spelling=off", "--quiet", "--format", "text", "content", "notes.txt" };
	size_t argc = 9;
	for (size_t f = 0; f < 5; f++) {
		snprintf(reports[f], sizeof(reports[f]), "%s=%s-%u-%u", merge_formats[f], merge_formats[f], k, n);
		argv[argc++] = "--report";
		argv[argc++] = reports[f];
	}
	if (n) {
		argv[argc++] = "--shard";
		argv[argc++] = shard;
	}
	run_result r = run_copylint(dir, argv, NULL, NULL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	run_result_free(&r);
}

static char *merged(const char *format, unsigned n)
{
	const char *argv[16] = { "merge-reports" };
	char names[8][64];
	for (unsigned k = 1; k <= (n ? n : 1); k++) {
		snprintf(names[k], sizeof(names[k]), "%s-%u-%u", format, n ? k : 0, n);
		argv[k] = names[k];
	}
	run_result r = run_copylint(dir, argv, NULL, NULL);
	cr_assert_eq(r.status, 0, "%s: %s", format, r.err);
	char *out = r.out;
	r.out = NULL;
	run_result_free(&r);
	return out;
}

Test(shard_cli, merge_reports_joins_the_shards_into_the_whole_run)
{
	write_reports(0, 0);
	const unsigned ns[] = { 2, 7 };
	for (size_t t = 0; t < 2; t++)
		for (unsigned k = 1; k <= ns[t]; k++)
			write_reports(k, ns[t]);
	for (size_t f = 0; f < 5; f++) {
		char *whole = merged(merge_formats[f], 0);
		if (f < 3) {  /* the JSON formats come out as the run wrote them */
			char *path, *direct;
			asprintf(&path, "%s/%s-0-0", dir, merge_formats[f]);
			direct = read_file(path, NULL);
			cr_assert_str_eq(whole, direct, "%s", merge_formats[f]);
			free(direct);
			free(path);
		}
		for (size_t t = 0; t < 2; t++) {
			char *joined = merged(merge_formats[f], ns[t]);
			cr_assert_str_eq(joined, whole, "%s of %u shards", merge_formats[f], ns[t]);
			free(joined);
		}
		free(whole);
	}
}

Test(shard_cli, merge_reports_refuses_what_it_cannot_join)
{
	put("a.txt", "just text\n");
	put("b.json", "{\"version\": 1, \"findings\": [], \"summary\": {}}\n");
	put("c.json", "[]\n");
	const char *argv1[] = { "merge-reports", "a.txt", NULL };
	run_result r = run_copylint(dir, argv1, NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "copylint: merge-reports: a.txt: not a json, sarif, gitlab, checkstyle or junit report (or unreadable)\n");
	run_result_free(&r);
	const char *argv2[] = { "merge-reports", "b.json", "c.json", NULL };
	r = run_copylint(dir, argv2, NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "copylint: merge-reports: c.json is not a copylint json report\n");
	run_result_free(&r);
	const char *argv3[] = { "merge-reports", NULL };
	r = run_copylint(dir, argv3, NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "copylint: merge-reports: no reports to join\n"));
	run_result_free(&r);
}
