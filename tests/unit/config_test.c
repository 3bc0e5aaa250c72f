/* .copylint.yml: what it accepts, and the exact error (file:line:column)
 * for what it does not. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/glob.h"
#include "core/language.h"
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

static char *config_file(const char *yaml)
{
	char *path;
	asprintf(&path, "%s/.copylint.yml", dir);
	write_file(path, yaml, strlen(yaml));
	return path;
}

static void expect_error(const char *yaml, const char *message_tail)
{
	copylint_config *config = NULL;
	char *path = config_file(yaml);
	cr_assert_lt(copylint_config_load(&config, path), 0, "accepted: %s", yaml);
	cr_assert_null(config);
	char *expected;
	asprintf(&expected, "%s:%s", path, message_tail);
	cr_assert_str_eq(copylint_error_last(), expected);
	free(expected);
	free(path);
}

TestSuite(config, .init = setup, .fini = teardown);

Test(config, a_full_valid_file)
{
	copylint_config *config;
	char *path = config_file("language: cs\nrules:\n  duplicate-sentence: info\n  repeated-word:\n"
				 "    severity: warning\n    exceptions: [bora, walla]\nexclude: [vendor/]\n"
				 "include: ['**/*.md']\noverrides:\n  - files: ['de/**']\n    language: de\n"
				 "    rules: { repeated-heading: off }\n");
	cr_assert_eq(copylint_config_load(&config, path), 0, "%s", copylint_error_last());
	cr_assert_str_eq(copylint_config_path(config), path);
	copylint_config_free(config);
	free(path);
}

Test(config, an_empty_file_is_the_defaults)
{
	copylint_config *config;
	char *path = config_file("");
	cr_assert_eq(copylint_config_load(&config, path), 0);
	copylint_config_free(config);
	free(path);
}

Test(config, unknown_top_level_key)
{
	expect_error("language: en\nlanguages: [cs]\n",
		     "2:1: unknown key 'languages' (known: language, rules, include, exclude, overrides, words, dictionaries, translations)");
}

Test(config, unknown_rule_id)
{
	expect_error("rules:\n  repeated-words: error\n", "2:3: unknown rule 'repeated-words' (see `copylint rules`)");
}

Test(config, bad_severity)
{
	expect_error("rules:\n  repeated-word: fatal\n",
		     "2:18: severity must be off, info, warning or error, not 'fatal'");
}

Test(config, unknown_rule_option)
{
	expect_error("rules:\n  repeated-word:\n    exeptions: [a]\n",
		     "3:5: rule option 'exeptions' is not known (see `copylint rules`)");
}

Test(config, complex_keys_found_by_the_fuzzer)
{
	expect_error("rules:\n  repeated-word:\n     ? exceptions: [a]\n",
		     "3:8: rule options are named by plain strings");
	expect_error("? [a]\n: b\n", "1:3: unknown key '' (known: language, rules, include, exclude, overrides, words, dictionaries, translations)");
}

Test(config, wrong_types)
{
	expect_error("exclude: {a: b}\n", "1:10: exclude must be a list of strings");
	expect_error("language: [en]\n", "1:11: language must be a BCP 47 tag such as en-US, cs or pt-BR");
	expect_error("overrides: [{language: de}]\n", "1:13: an override needs files: [globs]");
	expect_error("- just\n- a list\n", "1:1: the configuration must be a mapping of keys");
}

Test(config, broken_yaml)
{
	expect_error("rules: [unclosed\n", "2:1: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence");
}

Test(config, unreadable_and_folder)
{
	copylint_config *config;
	char *missing;
	asprintf(&missing, "%s/nope.yml", dir);
	cr_assert_eq(copylint_config_load(&config, missing), COPYLINT_EIO);
	cr_assert(strstr(copylint_error_last(), "No such file or directory"));
	cr_assert_eq(copylint_config_load(&config, dir), COPYLINT_EIO);
	cr_assert(strstr(copylint_error_last(), "is a folder"));
	free(missing);
}

Test(config, discovery_stops_at_the_repository_root)
{
	char *sub, *git, *found = NULL;
	asprintf(&sub, "%s/repo/a/b", dir);
	asprintf(&git, "%s/repo/.git", dir);
	char *cmd;
	asprintf(&cmd, "mkdir -p '%s' '%s'", sub, git);
	cr_assert_eq(system(cmd), 0);
	free(config_file("language: de\n"));  /* above the repository: not found */
	copylint_config_discover(&found, sub);
	cr_assert_null(found);
	char *inside;
	asprintf(&inside, "%s/repo/a/.copylint.yml", dir);
	write_file(inside, "", 0);
	copylint_config_discover(&found, sub);
	cr_assert_str_eq(found, inside, "an absolute start gives an absolute path");
	free(found);
	free(inside);
	free(cmd);
	free(sub);
	free(git);
}

Test(glob, gitignore_style_patterns)
{
	cr_assert(cl_glob_match("*.md", "a/b/c.md"));
	cr_assert(cl_glob_match("content/**/*.md", "content/x/y/z.md"));
	cr_assert(cl_glob_match("content/**/*.md", "content/z.md"));
	cr_assert_not(cl_glob_match("content/*.md", "content/x/z.md"));
	cr_assert(cl_glob_match("vendor/", "vendor/lib/readme.md"));
	cr_assert(cl_glob_match("drafts", "a/drafts/x.txt"));
	cr_assert(cl_glob_match("/README.md", "README.md"));
	cr_assert_not(cl_glob_match("/README.md", "docs/README.md.bak"));
	cr_assert(cl_glob_match("?.txt", "a.txt"));
	cr_assert_not(cl_glob_match("?.txt", "ab.txt"));
}

Test(language, from_path_conventions)
{
	char buf[16];
	cr_assert_str_eq(cl_language_from_path("content/de/post.md", buf, sizeof(buf)), "de");
	cr_assert_str_eq(cl_language_from_path("site/cs/news/a.txt", buf, sizeof(buf)), "cs");
	cr_assert_str_eq(cl_language_from_path("pages.fr/a.md", buf, sizeof(buf)), "fr");
	cr_assert_str_eq(cl_language_from_path("posts/name.de.md", buf, sizeof(buf)), "de");
	cr_assert_str_eq(cl_language_from_path("docs/pt_BR/a.md", buf, sizeof(buf)), "pt-BR");
	cr_assert_str_eq(cl_language_from_path("cs/articles/story.fr.md", buf, sizeof(buf)), "fr");
	cr_assert_null(cl_language_from_path("api/img/readme.md", buf, sizeof(buf)));
	cr_assert_null(cl_language_from_path("notes.md", buf, sizeof(buf)));
}

Test(language, resolution_order)
{
	/* front matter beats the path; --lang beats both */
	const char *text = "---\nlang: fr\n---\nVous vous trompez.\n";
	copylint_results *r = check_text("de/a.md", text, NULL, "repeated-word");
	cr_assert_eq(count_rule(r, "repeated-word"), 0, "French exception applies");
	copylint_results_free(r);
	r = check_text("fr/a.md", "Vous vous trompez.\n", NULL, "repeated-word");
	cr_assert_eq(count_rule(r, "repeated-word"), 0, "the path says French");
	copylint_results_free(r);
	r = check_text("fr/a.md", text, "en", "repeated-word");
	cr_assert_eq(count_rule(r, "repeated-word"), 1, "--lang wins");
	copylint_results_free(r);
}
