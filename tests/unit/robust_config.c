/* .copylint.yml from an untrusted pull request: keys given twice, a second
 * document, wrong types, deep nesting and files that are not files are
 * errors with file, line and column; --lang is validated as the config's
 * language is. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

TestSuite(config_strict, .init = setup, .fini = teardown);

static void expect_error(const char *yaml, const char *message_tail)
{
	copylint_config *config = NULL;
	char *path;
	cr_assert_neq(asprintf(&path, "%s/.copylint.yml", dir), -1);
	write_file(path, yaml, strlen(yaml));
	cr_assert_lt(copylint_config_load(&config, path), 0, "accepted: %.80s", yaml);
	cr_assert_null(config);
	char *expected;
	cr_assert_neq(asprintf(&expected, "%s:%s", path, message_tail), -1);
	cr_assert_str_eq(copylint_error_last(), expected);
	free(expected);
	free(path);
}

Test(config_strict, a_key_given_twice_anywhere)
{
	expect_error("language: cs\nexclude: [a]\nlanguage: de\n", "3:1: key 'language' is given twice (first on line 1)");
	expect_error("rules:\n  repeated-word: off\n  repeated-word: error\n",
		     "3:3: key 'repeated-word' is given twice (first on line 2)");
	expect_error("overrides:\n  - files: [a]\n    files: [b]\n", "3:5: key 'files' is given twice (first on line 2)");
}

Test(config_strict, a_second_document)
{
	expect_error("language: cs\n---\nlanguage: de\n",
		     "2:1: a second YAML document: the configuration is one mapping, without another ---");
}

Test(config_strict, numbers_booleans_and_nothing_where_strings_belong)
{
	expect_error("exclude: 5\n", "1:10: exclude must be a list of strings, not 5 (quote it: '5')");
	expect_error("include: [a.md, true]\n", "1:17: include must be a list of strings, not true (quote it: 'true')");
	expect_error("exclude:\n", "1:9: exclude must be a list of strings, not empty");
	expect_error("words: [1.5e3]\n", "1:9: words must be a list of strings, not 1.5e3 (quote it: '1.5e3')");
	expect_error("language: 5\n", "1:11: language must be a BCP 47 tag such as en-US, cs or pt-BR");
	copylint_config *config = NULL;
	char *path;
	cr_assert_neq(asprintf(&path, "%s/.copylint.yml", dir), -1);
	const char *quoted = "exclude: ['5', \"2024\", \"true\"]\nwords: [Brexit]\n";
	write_file(path, quoted, strlen(quoted));
	cr_assert_eq(copylint_config_load(&config, path), 0, "%s", copylint_error_last());
	copylint_config_free(config);
	free(path);
}

Test(config_strict, nesting_past_64_levels_is_refused_before_libyaml, .timeout = 30)
{
	size_t depth = 100000;
	char *yaml = malloc(depth + 16);
	strcpy(yaml, "exclude: ");
	memset(yaml + 9, '[', depth);
	yaml[9 + depth] = '\0';
	expect_error(yaml, "1:74: nested deeper than 64 levels");
	free(yaml);
}

Test(config_strict, files_that_are_not_files, .timeout = 30)
{
	expect_error("dictionaries: [/dev/zero]\n", "1:15: dictionaries: '/dev/zero' is not a regular file or a folder");
	copylint_config *config = NULL;
	cr_assert_lt(copylint_config_load(&config, "/dev/zero"), 0);
	cr_assert_str_eq(copylint_error_last(), "/dev/zero: not a regular file: not read as a configuration");
}

Test(config_strict, lang_on_the_command_line_is_validated_as_the_config_is)
{
	static const char *const bad[] = { "", "../../x", "e", "en/US", "en--US", "5", NULL };
	for (size_t i = 0; bad[i]; i++) {
		run_result r = run_copylint(dir, (const char *[]){ "check", "--lang", bad[i], ".", NULL }, NULL, NULL);
		cr_assert_eq(r.status, 2, "--lang '%s' accepted", bad[i]);
		char *expected;
		cr_assert_neq(asprintf(&expected, "copylint: --lang takes a BCP 47 tag such as en-US, cs or pt-BR, "
						  "not '%s'\n", bad[i]), -1);
		cr_assert_str_eq(r.err, expected);
		free(expected);
		run_result_free(&r);
	}
	cr_assert(copylint_language_valid("pt_BR"));
	cr_assert(copylint_language_valid("zh-Hant-TW"));
	cr_assert(copylint_language_valid("sr-Latn"));
	copylint_checker *checker = NULL;
	copylint_config *config = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	options.language = "../../x";
	copylint_config_new(&config);
	cr_assert_lt(copylint_checker_new(&checker, config, &options), 0);
	cr_assert_str_eq(copylint_error_last(), "language '../../x' is not a BCP 47 tag such as en-US, cs or pt-BR");
	copylint_config_free(config);
}
