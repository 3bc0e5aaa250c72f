/* Golden cases: tests/golden/<case>/ holds the input files, `args` (one
 * argument per line, given after `check --format F`), optionally `stdin`,
 * `env` (NAME=value lines) and `exit` (the expected status, default 1),
 * and `expected.<format>` for every format whose output is pinned, plus
 * optionally `expected.stderr`. COPYLINT_BLESS=1 rewrites the expected
 * files from what copylint prints now (review the diff before committing). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

#define GOLDEN_DIR COPYLINT_TEST_DIR "/golden"
#define MAX_ARGS 64

static void free_names(struct criterion_test_params *params)
{
	char **names = params->params;
	for (size_t i = 0; i < params->length; i++)
		cr_free(names[i]);
	cr_free(names);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

ParameterizedTestParameters(golden, case)
{
	DIR *dir = opendir(GOLDEN_DIR);
	size_t n = 0, cap = 64;
	char **names = cr_malloc(cap * sizeof(char *));
	for (struct dirent *e; dir && (e = readdir(dir));) {
		if (e->d_name[0] == '.' || n == cap)
			continue;
		names[n] = cr_malloc(strlen(e->d_name) + 1);
		strcpy(names[n++], e->d_name);
	}
	if (dir)
		closedir(dir);
	qsort(names, n, sizeof(char *), compare_strings);
	return cr_make_param_array(char *, names, n, free_names);
}

/* Splits a file into lines (the strings live in *storage). */
static size_t read_lines(const char *path, char **storage, const char **lines, size_t max)
{
	size_t n = 0;
	*storage = read_file(path, NULL);
	for (char *p = *storage, *nl; p && *p && n < max; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (*p)
			lines[n++] = p;
		if (!nl)
			break;
	}
	return n;
}

static int expected_exit(const char *dir)
{
	char *path, *text;
	asprintf(&path, "%s/exit", dir);
	text = read_file(path, NULL);
	int status = text ? atoi(text) : 1;
	free(text);
	free(path);
	return status;
}

static void check_output(const char *dir, const char *what, const char *actual)
{
	char *path;
	asprintf(&path, "%s/expected.%s", dir, what);
	if (getenv("COPYLINT_BLESS")) {
		write_file(path, actual, strlen(actual));
	} else {
		char *expected = read_file(path, NULL);
		cr_assert_not_null(expected, "missing %s", path);
		cr_expect_str_eq(actual, expected, "%s differs:\n--- actual ---\n%s\n--- expected ---\n%s",
				 path, actual, expected);
		free(expected);
	}
	free(path);
}

static void run_format(const char *dir, const char *format)
{
	char *args_store = NULL, *env_store = NULL, *path;
	const char *argv[MAX_ARGS + 4] = { "check", "--format", format };
	const char *env[32] = { NULL };
	asprintf(&path, "%s/args", dir);
	size_t argc = read_lines(path, &args_store, argv + 3, MAX_ARGS);
	argv[3 + argc] = NULL;
	free(path);
	asprintf(&path, "%s/env", dir);
	read_lines(path, &env_store, env, 31);
	free(path);
	asprintf(&path, "%s/stdin", dir);
	char *stdin_data = read_file(path, NULL);
	free(path);

	run_result r = run_copylint(dir, argv, stdin_data, env);
	cr_expect_eq(r.status, expected_exit(dir), "%s --format %s: exit %d, stderr:\n%s", dir, format,
		     r.status, r.err);
	check_output(dir, format, r.out);
	asprintf(&path, "%s/expected.stderr", dir);
	struct stat st;
	if (stat(path, &st) == 0 && !strcmp(format, "text"))
		check_output(dir, "stderr", r.err);
	free(path);
	run_result_free(&r);
	free(stdin_data);
	free(args_store);
	free(env_store);
}

ParameterizedTest(char **name, golden, case)
{
	char *dir;
	asprintf(&dir, "%s/%s", GOLDEN_DIR, *name);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot open %s", dir);
	size_t formats = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (strncmp(e->d_name, "expected.", 9) || !strcmp(e->d_name, "expected.stderr"))
			continue;
		run_format(dir, e->d_name + 9);
		formats++;
	}
	closedir(d);
	cr_expect_gt(formats, 0, "%s has no expected.<format> file", dir);
	free(dir);
}
