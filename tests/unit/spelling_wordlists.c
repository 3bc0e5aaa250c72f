/* The word lists projects keep for cspell and Vale, read beside
 * .copylint.yml (or at the repository root without one), on the test
 * dictionary. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "util/alloc.h"

static char *dir;

static void put(const char *name, const char *text)
{
	char *path = cl_sprintf("%s/%s", dir, name);
	char *slash = strrchr(path, '/');
	for (char *p = path + strlen(dir) + 1; p <= slash; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	write_file(path, text, strlen(text));
	free(path);
}

static void setup(void)
{
	dir = make_temp_dir();
	char *yaml = cl_sprintf("dictionaries: [%s/fixtures/dict]\nrules:\n  spelling: {dictionary: test}\n",
				COPYLINT_TEST_DIR);
	put(".copylint.yml", yaml);
	free(yaml);
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

/* The findings on text at path (relative to dir), only spelling; NULL and
 * the error in *error when the config does not load. */
static copylint_results *check_at(const char *path, const char *text, int *error)
{
	char *config_path = cl_sprintf("%s/.copylint.yml", dir), *file = cl_sprintf("%s/%s", dir, path);
	copylint_config *config = NULL;
	copylint_checker *checker = NULL;
	copylint_results *results = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	*error = copylint_config_load(&config, config_path);
	if (!*error) {
		for (size_t i = 0; i < copylint_rule_count(); i++)
			if (strcmp(copylint_rule_at(i)->id, "spelling"))
				copylint_config_set_rule(config, copylint_rule_at(i)->id, COPYLINT_SEVERITY_OFF);
		cr_assert_eq(copylint_checker_new(&checker, config, &options), 0);
		cr_assert_eq(copylint_check_buffer(&results, checker, file, text, strlen(text)), 0);
	}
	copylint_checker_free(checker);
	copylint_config_free(config);
	free(config_path);
	free(file);
	return results;
}

static const char text[] = "The catz and Dogz and bigz and the house.\n";

/* The words of text still reported, space-separated. */
static char *reported(const char *path)
{
	int error;
	copylint_results *r = check_at(path, text, &error);
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	char *out = cl_strdup("");
	for (size_t i = 0; i < copylint_results_count(r); i++) {
		char *next = cl_sprintf("%s%s%s", out, *out ? " " : "", copylint_results_at(r, i)->text);
		free(out);
		out = next;
	}
	copylint_results_free(r);
	return out;
}

static void assert_reported(const char *path, const char *want)
{
	char *got = reported(path);
	cr_assert_str_eq(got, want);
	free(got);
}

static void assert_config_error(const char *want)
{
	int error;
	copylint_results *r = check_at("a.md", text, &error);
	cr_assert_null(r);
	cr_assert_lt(error, 0);
	cr_assert(strstr(copylint_error_last(), want), "%s", copylint_error_last());
}

TestSuite(spelling_wordlists, .init = setup, .fini = teardown);

Test(spelling_wordlists, without_lists_every_word_is_reported)
{
	assert_reported("a.md", "catz Dogz bigz");
}

Test(spelling_wordlists, cspell_json_with_comments)
{
	put("cspell.json", "// project words\n{\n  \"version\": \"0.2\",\n  /* accepted */\n"
			   "  \"words\": [\"catz\", \"dogz\"],\n  \"ignoreWords\": [\"bigz\"],\n"
			   "  \"flagWords\": [\"house\"]\n}\n");
	assert_reported("a.md", "house");
}

Test(spelling_wordlists, cspell_yaml_ignore_paths_and_overrides)
{
	put(".cspell.yml", "words: [catz]\nignorePaths: [\"vendor/**\"]\n"
			   "overrides:\n  - filename: \"docs/**\"\n    words: [dogz]\n");
	assert_reported("a.md", "Dogz bigz");
	assert_reported("docs/a.md", "bigz");
	assert_reported("vendor/x/a.md", "");
}

Test(spelling_wordlists, cspell_dictionary_definitions_with_local_files)
{
	put("cspell.config.yaml", "dictionaryDefinitions:\n  - name: project\n    path: ./words/project.txt\n"
				  "  - name: unused\n    path: ./words/unused.txt\n"
				  "dictionaries: [project, softwareTerms]\n");
	put("words/project.txt", "catz\nbigz\n");
	put("words/unused.txt", "dogz\n");
	assert_reported("a.md", "Dogz");
}

Test(spelling_wordlists, vale_vocabularies_new_and_old)
{
	put(".vale.ini", "StylesPath = styles\nVocab = Project, Old\n\n[*.md]\nBasedOnStyles = Vale\n");
	put("styles/config/vocabularies/Project/accept.txt", "catz\n(?i)dogz\n[Ff]oo\n");
	put("styles/config/vocabularies/Project/reject.txt", "house\n");
	put("styles/Vocab/Old/accept.txt", "bigz\n");
	assert_reported("a.md", "house");
}

Test(spelling_wordlists, broken_json_names_the_file_and_line)
{
	put("cspell.json", "{\n  \"words\": [\"catz\",]\n}\n");
	assert_config_error("cspell.json:2:");
	cr_assert(strstr(copylint_error_last(), "not valid JSON"), "%s", copylint_error_last());
}

Test(spelling_wordlists, a_missing_dictionary_file_is_an_error)
{
	put("cspell.json", "{\"dictionaryDefinitions\": [{\"name\": \"p\", \"path\": \"missing.txt\"}],"
			   " \"dictionaries\": [\"p\"]}\n");
	assert_config_error("cspell.json: dictionary p: cannot read ");
}

Test(spelling_wordlists, a_missing_vale_vocabulary_is_an_error)
{
	put(".vale.ini", "StylesPath = styles\nVocab = Gone\n");
	assert_config_error(".vale.ini: vocabulary Gone: no folder ");
}

Test(spelling_wordlists, words_is_a_list_of_strings)
{
	put("cspell.json", "{\"words\": [1]}\n");
	assert_config_error("cspell.json: words must be a list of strings");
}

Test(spelling_wordlists, the_cli_reads_cspell_at_the_repository_root_and_exits_2_on_bad_json)
{
	char *yaml = cl_sprintf("%s/.copylint.yml", dir);
	remove(yaml);
	free(yaml);
	char *git = cl_sprintf("%s/.git", dir);
	mkdir(git, 0755);
	free(git);
	put("cspell.json", "{\"words\": [\"Zorblax\"]}");
	put("docs/a.md", "The Zorblax and the Quuxbar.\n");
	char *docs = cl_sprintf("%s/docs", dir);
	const char *argv[] = { "check", "--no-cache", "--format", "checkstyle", "a.md", NULL };
	run_result r = run_copylint(docs, argv, NULL, NULL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "Quuxbar"), "%s", r.out);
	cr_assert_null(strstr(r.out, "Zorblax"), "%s", r.out);
	run_result_free(&r);
	put("cspell.json", "{\"words\": [");
	r = run_copylint(docs, argv, NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "cspell.json:1:"), "%s", r.err);
	run_result_free(&r);
	free(docs);
}
