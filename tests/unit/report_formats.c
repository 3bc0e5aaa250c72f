/* Every report format through the real binary: each produced document
 * parses with a strict parser (jansson, libxml2), SARIF validates against
 * the official 2.1.0 schema, GitHub output cannot start a workflow command
 * from article text and holds GitHub's caps, and --report writes files. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

#define GOLDEN COPYLINT_TEST_DIR "/golden"
#define SCHEMA COPYLINT_TEST_DIR "/schemas/sarif-schema-2.1.0.json"
#define VALIDATE COPYLINT_TEST_DIR "/schemas/validate.py"
/* Debian's interpreter, where python3-jsonschema and python3-rfc3987 are. */
#define PYTHON "/usr/bin/python3"

typedef struct {
	const char *dir;
	const char *const *args;
} report_case;

static const char *const columns_args[] = { "article.md", NULL };
static const char *const hostile_args[] = { "dir, with: spaces.md", "::warning::x.md", NULL };
static const report_case cases[] = {
	{ GOLDEN "/report-columns", columns_args },
	{ GOLDEN "/report-hostile", hostile_args },
	{ GOLDEN "/seed-article", columns_args + 1 },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

static run_result run_format(const report_case *c, const char *format, const char *const *env)
{
	const char *argv[16] = { "check", "--format", format };
	size_t n = 3;
	if (!strcmp(c->dir, GOLDEN "/seed-article"))
		argv[n++] = "article.txt";
	for (size_t i = 0; c->args[i]; i++)
		argv[n++] = c->args[i];
	argv[n] = NULL;
	run_result r = run_copylint(c->dir, argv, NULL, env);
	cr_assert(r.status == 0 || r.status == 1, "%s %s: exit %d\n%s", c->dir, format, r.status, r.err);
	return r;
}

static void assert_json(const char *data, size_t len, const char *what)
{
	json_error_t error;
	json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &error);
	cr_assert_not_null(doc, "%s: line %d: %s", what, error.line, error.text);
	json_decref(doc);
}

static void assert_xml(const char *data, size_t len, const char *what)
{
	xmlDocPtr doc = xmlReadMemory(data, (int)len, "report.xml", "UTF-8", XML_PARSE_NONET);
	cr_assert_not_null(doc, "%s is not well-formed XML", what);
	xmlFreeDoc(doc);
}

Test(report_formats, json_documents_parse_strictly)
{
	static const char *const formats[] = { "json", "gitlab", "sarif" };
	for (size_t i = 0; i < NCASES; i++)
		for (size_t k = 0; k < 3; k++) {
			run_result r = run_format(&cases[i], formats[k], NULL);
			assert_json(r.out, r.out_len, formats[k]);
			run_result_free(&r);
		}
}

Test(report_formats, rdjsonl_lines_parse_strictly)
{
	for (size_t i = 0; i < NCASES; i++) {
		run_result r = run_format(&cases[i], "rdjsonl", NULL);
		size_t lines = 0;
		for (char *p = r.out, *nl; *p; p = nl + 1, lines++) {
			nl = strchr(p, '\n');
			cr_assert_not_null(nl, "rdjsonl must end every line");
			assert_json(p, (size_t)(nl - p), "rdjsonl line");
		}
		cr_assert_gt(lines, 0);
		run_result_free(&r);
	}
}

Test(report_formats, xml_documents_parse_strictly)
{
	static const char *const formats[] = { "checkstyle", "junit" };
	for (size_t i = 0; i < NCASES; i++)
		for (size_t k = 0; k < 2; k++) {
			run_result r = run_format(&cases[i], formats[k], NULL);
			assert_xml(r.out, r.out_len, formats[k]);
			run_result_free(&r);
		}
}

static int validate_sarif(const char *path, bool quiet)
{
	char *cmd;
	cr_assert_eq(access(PYTHON, X_OK), 0, "%s is missing: run ci/bootstrap.sh", PYTHON);
	asprintf(&cmd, "%s '%s' '%s' '%s'%s", PYTHON, VALIDATE, SCHEMA, path, quiet ? " 2>/dev/null" : "");
	int status = system(cmd);
	free(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Test(report_formats, sarif_validates_against_the_official_schema)
{
	char *dir = make_temp_dir(), *path;
	for (size_t i = 0; i < NCASES; i++) {
		run_result r = run_format(&cases[i], "sarif", NULL);
		asprintf(&path, "%s/case%zu.sarif", dir, i);
		write_file(path, r.out, r.out_len);
		cr_expect_eq(validate_sarif(path, false), 0, "%s: invalid SARIF", cases[i].dir);
		free(path);
		run_result_free(&r);
	}
	remove_tree(dir);
	free(dir);
}

Test(report_formats, the_sarif_validator_rejects_an_invalid_document)
{
	char *dir = make_temp_dir(), *path;
	static const char *const bad[] = {
		"{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}",
		"{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"message\":"
		"{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a b.md\"}}}]}]}]}",
	};
	for (size_t i = 0; i < 2; i++) {
		asprintf(&path, "%s/bad%zu.sarif", dir, i);
		write_file(path, bad[i], strlen(bad[i]));
		cr_expect_eq(validate_sarif(path, true), 1, "bad document %zu passed", i);
		free(path);
	}
	remove_tree(dir);
	free(dir);
}

/* ---- GitHub: what the runner would do with the log -------------------- */

typedef struct {
	size_t errors, warnings, notices, stop_blocks;
	char *first_file;  /* the decoded file= of the first annotation */
} runner_view;

static char *decode_property(const char *s, size_t len)
{
	char *out = calloc(len + 1, 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		static const char *const codes[][2] = { { "%25", "%" }, { "%0D", "\r" }, { "%0A", "\n" },
							{ "%3A", ":" }, { "%2C", "," } };
		size_t k = 0;
		while (k < 5 && strncmp(s + i, codes[k][0], 3))
			k++;
		*o++ = k < 5 ? codes[k][1][0] : s[i];
		i += k < 5 ? 2 : 0;
	}
	return out;
}

/* Reads output as the Actions runner does (a command is a line that starts
 * with "::" after trimming; ::stop-commands::T suspends until ::T::) and
 * fails on any command copylint did not mean to give. */
static runner_view read_as_runner(char *out)
{
	runner_view v = { 0, 0, 0, 0, NULL };
	char *token = NULL;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (token) {
			if (!strncmp(line, "::", 2) && !strncmp(line + 2, token, strlen(token)) &&
			    !strcmp(line + 2 + strlen(token), "::"))
				token = NULL;
			continue;
		}
		if (strncmp(line, "::", 2))
			continue;
		if (!strncmp(line, "::stop-commands::", 17)) {
			token = line + 17;
			cr_assert_eq(strlen(token), 32, "token %s", token);
			v.stop_blocks++;
		} else if (!strncmp(line, "::error file=", 13) || !strncmp(line, "::warning file=", 15) ||
			   !strncmp(line, "::notice ", 9)) {
			size_t *count = line[2] == 'e' ? &v.errors : line[2] == 'w' ? &v.warnings : &v.notices;
			(*count)++;
			char *file = strstr(line, " file=");
			if (file && !v.first_file)
				v.first_file = decode_property(file + 6, strcspn(file + 6, ","));
		} else {
			cr_assert_fail("a workflow command copylint did not give: %s", line);
		}
	}
	cr_assert_null(token, "::stop-commands:: never resumed");
	return v;
}

Test(report_formats, github_hostile_text_starts_no_workflow_command)
{
	run_result r = run_format(&cases[1], "github", NULL);
	cr_assert_not_null(strstr(r.out, "::set-env"), "the hostile text is in the log");
	cr_assert_null(strstr(r.out, "\n::set-env"), "but never where a command starts");
	runner_view v = read_as_runner(r.out);
	cr_expect_eq(v.stop_blocks, 1);
	cr_expect_eq(v.errors, 3);
	cr_expect_eq(v.warnings, 2);
	cr_expect_eq(v.notices, 0);
	cr_expect_str_eq(v.first_file, "dir, with: spaces.md");
	free(v.first_file);
	run_result_free(&r);
}

Test(report_formats, github_is_the_default_in_github_actions_only)
{
	static const char *const on[] = { "GITHUB_ACTIONS=true", NULL };
	static const char *const off[] = { "GITHUB_ACTIONS=false", NULL };
	const char *argv[] = { "check", "article.md", NULL };
	run_result r = run_copylint(cases[0].dir, argv, NULL, on);
	cr_expect(!strncmp(r.out, "::stop-commands::", 17), "%s", r.out);
	run_result_free(&r);
	r = run_copylint(cases[0].dir, argv, NULL, off);
	cr_expect(!strncmp(r.out, "article.md:3:25: error:", 23), "%s", r.out);
	run_result_free(&r);
}

Test(report_formats, github_step_summary_is_appended)
{
	char *dir = make_temp_dir(), *summary, *env_summary;
	asprintf(&summary, "%s/summary.md", dir);
	asprintf(&env_summary, "GITHUB_STEP_SUMMARY=%s", summary);
	write_file(summary, "earlier step\n", 13);
	const char *const env[] = { "GITHUB_ACTIONS=true", env_summary, NULL };
	const char *argv[] = { "check", "article.md", NULL };
	run_result r = run_copylint(cases[0].dir, argv, NULL, env);
	cr_expect_eq(r.status, 1);
	char *text = read_file(summary, NULL);
	cr_expect_str_eq(text, "earlier step\n### copylint\n\n1 file checked: 1 error, 2 warnings, 0 infos\n\n"
			 "| File | Rule | Errors | Warnings | Infos |\n| --- | --- | ---: | ---: | ---: |\n"
			 "| article.md | repeated-heading | 0 | 1 | 0 |\n"
			 "| article.md | duplicate-sentence | 0 | 1 | 0 |\n"
			 "| article.md | repeated-word | 1 | 0 | 0 |\n");
	free(text);
	run_result_free(&r);
	/* Another format does not touch the summary. */
	const char *argv_text[] = { "check", "--format", "text", "article.md", NULL };
	write_file(summary, "", 0);
	r = run_copylint(cases[0].dir, argv_text, NULL, env);
	text = read_file(summary, NULL);
	cr_expect_str_eq(text, "");
	free(text);
	run_result_free(&r);
	remove_tree(dir);
	free(summary);
	free(env_summary);
	free(dir);
}

/* ---- 100,000 findings ------------------------------------------------- */

static long peak_child_kb(void)
{
	struct rusage usage;
	getrusage(RUSAGE_CHILDREN, &usage);
	return usage.ru_maxrss;
}

Test(report_formats, hundred_thousand_findings_capped_and_bounded, .timeout = 600)
{
	char *dir = make_temp_dir(), *path;
	size_t len = 100000 * 7;
	char *text = malloc(len + 1);
	for (size_t i = 0; i < 100000; i++)
		memcpy(text + i * 7, "go go.\n", 7);
	text[len] = '\0';
	asprintf(&path, "%s/big.txt", dir);
	write_file(path, text, len);
	free(text);

	/* The baseline: the text format, which streams. */
	const char *argv_text[] = { "check", "--format", "text", "--quiet", "big.txt", NULL };
	run_result r = run_copylint(dir, argv_text, NULL, NULL);
	cr_assert_eq(r.status, 1);
	run_result_free(&r);
	long baseline = peak_child_kb();

	const char *argv[] = { "check", "--format", "github", "--report", "sarif=big.sarif",
			       "--report", "gitlab=big.json", "--report", "junit=big.xml", "big.txt", NULL };
	r = run_copylint(dir, argv, NULL, NULL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	long peak = peak_child_kb();
	/* Every format writes finding by finding: no copy of the whole report
	 * in memory (the findings themselves are ~100 MB already). */
#ifndef __SANITIZE_ADDRESS__
	/* (AddressSanitizer holds freed memory in quarantine: no measure there.) */
	cr_expect_lt(peak, baseline + baseline / 5, "peak %ld kB against %ld kB for text", peak, baseline);
#else
	(void)peak;
	(void)baseline;
#endif
	cr_expect_not_null(strstr(r.out, "::notice title=copylint::99990 more findings (99990 errors, 0 warnings, "
				  "0 infos) not annotated here"));
	cr_expect_not_null(strstr(r.out, "1 file checked: 100000 errors, 0 warnings, 0 infos\n"));
	runner_view v = read_as_runner(r.out);
	cr_expect_eq(v.errors, 10);
	cr_expect_eq(v.notices, 1);
	free(v.first_file);
	run_result_free(&r);

	free(path);
	asprintf(&path, "%s/big.json", dir);
	size_t gl_len;
	char *gitlab = read_file(path, &gl_len);
	json_t *doc = json_loadb(gitlab, gl_len, JSON_REJECT_DUPLICATES, NULL);
	cr_assert_not_null(doc);
	cr_expect_eq(json_array_size(doc), 100000);
	json_decref(doc);
	free(gitlab);
	free(path);
	remove_tree(dir);
	free(dir);
}

/* ---- --report ---------------------------------------------------------- */

Test(report_formats, report_writes_every_file_in_one_run)
{
	char *dir = make_temp_dir(), *copy;
	asprintf(&copy, "cp '%s/article.md' '%s/'", cases[0].dir, dir);
	cr_assert_eq(system(copy), 0);
	const char *argv[] = { "check", "--format", "text", "--report", "sarif=out.sarif", "--report",
			       "junit=out.xml", "--report", "checkstyle=out/../cs.xml", "article.md", NULL };
	char *out_dir;
	asprintf(&out_dir, "%s/out", dir);
	mkdir(out_dir, 0700);
	free(out_dir);
	run_result r = run_copylint(dir, argv, NULL, NULL);
	cr_expect_eq(r.status, 1, "%s", r.err);
	static const char *const files[][2] = { { "out.sarif", "sarif" }, { "out.xml", "junit" },
						{ "cs.xml", "checkstyle" } };
	for (size_t i = 0; i < 3; i++) {
		char *path;
		const char *fmt_argv[] = { "check", "--format", files[i][1], "article.md", NULL };
		asprintf(&path, "%s/%s", dir, files[i][0]);
		char *written = read_file(path, NULL);
		run_result direct = run_copylint(dir, fmt_argv, NULL, NULL);
		cr_assert_not_null(written, "%s missing", path);
		cr_expect_str_eq(written, direct.out, "%s differs from --format %s", path, files[i][1]);
		run_result_free(&direct);
		free(written);
		free(path);
	}
	run_result_free(&r);
	remove_tree(dir);
	free(copy);
	free(dir);
}

Test(report_formats, report_bad_arguments_exit_2)
{
	static const char *const bad[] = { "sarif", "=x.sarif", "sarif=", "nope=x.txt" };
	static const char *const said[] = { "--report takes FORMAT=FILE", "--report takes FORMAT=FILE",
					    "--report takes FORMAT=FILE", "--report: unknown format 'nope'" };
	for (size_t i = 0; i < 4; i++) {
		const char *argv[] = { "check", "--report", bad[i], "article.md", NULL };
		run_result r = run_copylint(cases[0].dir, argv, NULL, NULL);
		cr_expect_eq(r.status, 2, "--report %s", bad[i]);
		cr_expect_not_null(strstr(r.err, said[i]), "--report %s: %s", bad[i], r.err);
		run_result_free(&r);
	}
}

Test(report_formats, report_into_a_missing_folder_fails_and_leaves_nothing)
{
	char *dir = make_temp_dir(), *copy;
	asprintf(&copy, "cp '%s/article.md' '%s/'", cases[0].dir, dir);
	cr_assert_eq(system(copy), 0);
	const char *argv[] = { "check", "--report", "sarif=no/such/dir/x.sarif", "--report", "gitlab=ok.json",
			       "article.md", NULL };
	run_result r = run_copylint(dir, argv, NULL, NULL);
	cr_expect_eq(r.status, 2);
	cr_expect_not_null(strstr(r.err, "cannot write no/such/dir/x.sarif"), "%s", r.err);
	char *ok;
	asprintf(&ok, "%s/ok.json", dir);
	cr_expect_eq(access(ok, F_OK), 0, "the other report is still written");
	free(ok);
	/* No temporary files left behind. */
	char *ls;
	asprintf(&ls, "test -z \"$(ls '%s' | grep tmp)\"", dir);
	cr_expect_eq(system(ls), 0);
	free(ls);
	run_result_free(&r);
	remove_tree(dir);
	free(copy);
	free(dir);
}

Test(report_formats, unknown_format_lists_the_formats)
{
	const char *argv[] = { "check", "--format", "xml", "article.md", NULL };
	run_result r = run_copylint(cases[0].dir, argv, NULL, NULL);
	cr_expect_eq(r.status, 2);
	cr_expect_not_null(strstr(r.err, "--format: unknown format 'xml' (text, json, github, github-summary, "
				  "gitlab, sarif, checkstyle, junit, rdjsonl)"), "%s", r.err);
	run_result_free(&r);
}

Test(report_formats, junit_names_every_file_and_passes_clean_ones)
{
	char *dir = make_temp_dir(), *path;
	asprintf(&path, "%s/clean.md", dir);
	write_file(path, "# Fine\n\nAll good here.\n", 23);
	free(path);
	asprintf(&path, "%s/dirty.md", dir);
	write_file(path, "It is is broken.\n", 17);
	free(path);
	const char *argv[] = { "check", "--format", "junit", "clean.md", "dirty.md", NULL };
	run_result r = run_copylint(dir, argv, NULL, NULL);
	cr_expect_eq(r.status, 1);
	cr_expect_not_null(strstr(r.out, "<testsuite name=\"copylint\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">"), "%s", r.out);
	cr_expect_not_null(strstr(r.out, "<testcase name=\"clean.md\" classname=\"copylint\" file=\"clean.md\"/>"), "%s", r.out);
	cr_expect_not_null(strstr(r.out, "<failure message=\"1 finding\" type=\"copylint\">dirty.md:1:7: error: word “is” is repeated [repeated-word]\n</failure>"), "%s", r.out);
	run_result_free(&r);
	remove_tree(dir);
	free(dir);
}

Test(report_formats, a_path_that_is_not_utf8_still_makes_valid_documents)
{
	char *dir = make_temp_dir(), *path;
	asprintf(&path, "%s/bad\xff name.md", dir);
	write_file(path, "It is is here.\n", 15);
	report_case c = { dir, (const char *const[]){ "bad\xff name.md", NULL } };
	static const char *const json_formats[] = { "gitlab", "sarif" };
	for (size_t k = 0; k < 2; k++) {
		run_result r = run_format(&c, json_formats[k], NULL);
		assert_json(r.out, r.out_len, json_formats[k]);
		cr_expect_not_null(strstr(r.out, k ? "\"uri\":\"bad%FF%20name.md\"" : "\"path\":\"bad\xEF\xBF\xBD name.md\""),
				   "%s", r.out);
		if (k) {
			char *sarif;
			asprintf(&sarif, "%s/out.sarif", dir);
			write_file(sarif, r.out, r.out_len);
			cr_expect_eq(validate_sarif(sarif, false), 0);
			free(sarif);
		}
		run_result_free(&r);
	}
	static const char *const xml_formats[] = { "checkstyle", "junit" };
	for (size_t k = 0; k < 2; k++) {
		run_result r = run_format(&c, xml_formats[k], NULL);
		assert_xml(r.out, r.out_len, xml_formats[k]);
		run_result_free(&r);
	}
	run_result r = run_format(&c, "github", NULL);
	cr_expect_not_null(strstr(r.out, "::error file=bad\xEF\xBF\xBD name.md,line=1,"), "%s", r.out);
	run_result_free(&r);
	free(path);
	remove_tree(dir);
	free(dir);
}
