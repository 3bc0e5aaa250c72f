/* The spelling rule on copylint's own test dictionary
 * (tests/fixtures/dict/test.*), chosen with the rule's `dictionary` option
 * and found through the config's dictionaries: folder. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "util/alloc.h"

/* Checks text as `path` with a config made of extra_yaml plus the test
 * dictionary; only spelling runs. */
static copylint_results *check_config(const char *extra_yaml, const char *path, const char *text,
				      bool suggestions)
{
	char *dir = make_temp_dir();
	char *config_path = cl_sprintf("%s/.copylint.yml", dir);
	char *yaml = cl_sprintf("dictionaries: [%s/fixtures/dict]\n"
				"rules:\n  spelling: {dictionary: test}\n"
				"  repeated-word: off\n  duplicate-sentence: off\n%s",
				COPYLINT_TEST_DIR, extra_yaml);
	write_file(config_path, yaml, strlen(yaml));
	copylint_config *config = NULL;
	copylint_checker *checker = NULL;
	copylint_results *results = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	options.suggestions = suggestions;
	cr_assert_eq(copylint_config_load(&config, config_path), 0, "%s", copylint_error_last());
	cr_assert_eq(copylint_checker_new(&checker, config, &options), 0);
	char *full_path = cl_sprintf("%s/%s", dir, path);
	cr_assert_eq(copylint_check_buffer(&results, checker, full_path, text, strlen(text)), 0);
	copylint_checker_free(checker);
	copylint_config_free(config);
	remove_tree(dir);
	free(full_path);
	free(yaml);
	free(config_path);
	free(dir);
	return results;
}

static copylint_results *check(const char *text)
{
	return check_config("", "a.md", text, true);
}

static int config_error(const char *yaml)
{
	char *dir = make_temp_dir();
	char *config_path = cl_sprintf("%s/.copylint.yml", dir);
	write_file(config_path, yaml, strlen(yaml));
	copylint_config *config = NULL;
	int error = copylint_config_load(&config, config_path);
	copylint_config_free(config);
	remove_tree(dir);
	free(config_path);
	free(dir);
	return error;
}

static void assert_one(copylint_results *r, size_t line, size_t column, const char *word)
{
	cr_assert_eq(count_rule(r, "spelling"), 1, "findings: %zu", count_rule(r, "spelling"));
	const copylint_finding *f = find_at(r, "spelling", line, column);
	cr_assert_not_null(f, "no finding at %zu:%zu", line, column);
	cr_assert_str_eq(f->text, word);
	cr_assert(strstr(f->message, word), "%s", f->message);
}

Test(spelling_rule, finds_a_misspelling_at_its_column)
{
	copylint_results *r = check("The cat is big.\n\nThe dog is a catz.\n");
	assert_one(r, 3, 14, "catz");
	const copylint_finding *f = find_at(r, "spelling", 3, 14);
	cr_assert_eq(f->severity, COPYLINT_SEVERITY_ERROR);
	cr_assert_str_eq(f->message, "unknown word \xE2\x80\x9C" "catz\xE2\x80\x9D (test)");
	cr_assert_geq(f->suggestion_count, 1);
	cr_assert_leq(f->suggestion_count, 3);
	bool cats = false;
	for (size_t i = 0; i < f->suggestion_count; i++)
		cats = cats || !strcmp(f->suggestions[i], "cats");
	cr_assert(cats, "cats is among the suggestions");
	copylint_results_free(r);
}

Test(spelling_rule, no_suggestions_when_not_shown)
{
	copylint_results *r = check_config("", "a.md", "The catz.\n", false);
	assert_one(r, 1, 5, "catz");
	cr_assert_eq(copylint_results_at(r, 0)->suggestion_count, 0);
	copylint_results_free(r);
}

Test(spelling_rule, skips_what_is_not_prose)
{
	copylint_results *r = check(
		"The `catz` is at https://catz.example/dogz and <catz@dogz.example>.\n"
		"The @catz and #dogz, the /usr/catz/dogz path, the catz.md file.\n"
		"The cat42 and 42catz and CATZ and NASA, catz-42 and dogz.exec(5).\n"
		"The \xD0\xBA\xD0\xBE\xD1\x82 and \xE6\x97\xA5\xE6\x9C\xAC.\n"
		"The {{< catz dogz >}} and {catz}.\n"
		"\n"
		"## The cat {#catz-dogz}\n"
		"\n"
		"```\ncatz dogz\n```\n"
		"\n"
		"The dogz.\n");  /* not catz: the inline code above makes it a term */
	assert_one(r, 13, 5, "dogz");
	copylint_results_free(r);
}

Test(spelling_rule, compounds_apostrophes_and_capitals)
{
	copylint_results *r = check(
		"Cat-house is a dog-house. It's it\xE2\x80\x99s an e-mail, etc. This is Smith's.\n"
		"CATS is big. The big-catz. A rock+roll.\n");
	assert_one(r, 2, 22, "catz");
	copylint_results_free(r);
}

Test(spelling_rule, acronym_length_is_an_option)
{
	copylint_results *r = check_config("overrides:\n  - files: ['*.md']\n    rules:\n"
					   "      spelling: {acronym-length: 2}\n",
					   "a.md", "The CATZ and OK.\n", true);
	assert_one(r, 1, 5, "CATZ");
	copylint_results_free(r);
}

/* The files of a run share the cache of verdicts; the acronym test, which
 * an override may set per file, must not leak from one file to the next. */
Test(spelling_rule, acronym_length_per_file_in_one_run)
{
	char *dir = make_temp_dir();
	char *config_path = cl_sprintf("%s/.copylint.yml", dir);
	char *yaml = cl_sprintf("dictionaries: [%s/fixtures/dict]\n"
				"rules:\n  spelling: {dictionary: test}\n"
				"overrides:\n  - files: ['strict/*.md']\n    rules:\n"
				"      spelling: {acronym-length: 2}\n", COPYLINT_TEST_DIR);
	write_file(config_path, yaml, strlen(yaml));
	copylint_config *config = NULL;
	copylint_checker *checker = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	cr_assert_eq(copylint_config_load(&config, config_path), 0, "%s", copylint_error_last());
	cr_assert_eq(copylint_checker_new(&checker, config, &options), 0);
	const char *paths[] = { "a.md", "strict/b.md", "c.md" };
	size_t expected[] = { 0, 1, 0 };
	for (size_t i = 0; i < 3; i++) {
		copylint_results *r = NULL;
		char *full_path = cl_sprintf("%s/%s", dir, paths[i]);
		cr_assert_eq(copylint_check_buffer(&r, checker, full_path, "The CATZ.\n", 10), 0);
		cr_assert_eq(count_rule(r, "spelling"), expected[i], "%s", paths[i]);
		if (expected[i])
			cr_assert_not_null(find_at(r, "spelling", 1, 5));
		copylint_results_free(r);
		free(full_path);
	}
	copylint_checker_free(checker);
	copylint_config_free(config);
	remove_tree(dir);
	free(yaml);
	free(config_path);
	free(dir);
}

Test(spelling_rule, inline_words_apply_to_their_file)
{
	copylint_results *r = check("<!-- copylint-words: Zorblax, gnarf -->\n\nZorblax is a gnarf. Gnarf is a dogz.\n");
	assert_one(r, 3, 32, "dogz");
	copylint_results_free(r);
	r = check("Zorblax is a cat.\n");
	assert_one(r, 1, 1, "Zorblax");
	copylint_results_free(r);
}

Test(spelling_rule, config_words_per_language_and_override)
{
	const char *yaml = "words: [Zorblax, gnu/cat]\n"
			   "overrides:\n  - files: ['news/*.md']\n    words: {en: [Blorf], cs: [Quuxe]}\n";
	copylint_results *r = check_config(yaml, "a.md", "Zorblax has gnus. Blorf is big.\n", true);
	assert_one(r, 1, 19, "Blorf");
	copylint_results_free(r);
	r = check_config(yaml, "news/b.md", "Zorblax has gnus. Blorf is big. Quuxe.\n", true);
	assert_one(r, 1, 33, "Quuxe");
	copylint_results_free(r);
}

Test(spelling_rule, config_word_lists)
{
	char *dir = make_temp_dir();
	char *list = cl_sprintf("%s/words.txt", dir), *dic = cl_sprintf("%s/extra.dic", dir);
	write_file(list, "Zorblax\nyak/dog\n", 16);
	write_file(dic, "1\nmoose/S\n", 10);
	char *yaml = cl_sprintf("overrides:\n  - files: ['*']\n    dictionaries: {en: [%s, %s]}\n", list, dic);
	copylint_results *r = check_config(yaml, "a.md", "Zorblax yaks mooses gnus.\n", true);
	assert_one(r, 1, 21, "gnus");
	copylint_results_free(r);
	remove_tree(dir);
	free(yaml);
	free(list);
	free(dic);
	free(dir);
}

Test(spelling_rule, missing_dictionary_is_one_notice)
{
	copylint_results *r = check_config("overrides:\n  - files: ['*.md']\n    rules:\n"
					   "      spelling: {dictionary: nosuch_XX}\n",
					   "a.md", "The catz catz.\n", true);
	cr_assert_eq(count_rule(r, "spelling"), 0);
	cr_assert_eq(copylint_results_notice_count(r), 1);
	cr_assert(strstr(copylint_results_notice_at(r, 0), "nosuch_XX"), "%s", copylint_results_notice_at(r, 0));
	cr_assert_eq(count_rule(r, "repeated-word"), 0, "repeated-word is off in this config");
	copylint_results_free(r);
}

Test(spelling_rule, other_rules_run_without_a_dictionary)
{
	static const char *const none[] = { NULL };
	use_only_dictionaries(none);
	copylint_results *r = check_text("a.md", "Les les chatz.\n", "it", NULL);
	cr_assert_eq(count_rule(r, "spelling"), 0);
	cr_assert_not_null(find_at(r, "repeated-word", 1, 5));
	copylint_results_free(r);
}

Test(spelling_rule, bad_config_is_an_error)
{
	cr_assert_lt(config_error("words: {en: [a], 'x y': [b]}\n"), 0);
	cr_assert(strstr(copylint_error_last(), ":1:"), "%s", copylint_error_last());
	cr_assert_lt(config_error("words: [[a]]\n"), 0);
	cr_assert_lt(config_error("words: ['']\n"), 0);
	cr_assert_lt(config_error("dictionaries: [no/such/folder]\n"), 0);
	cr_assert(strstr(copylint_error_last(), "no/such/folder"), "%s", copylint_error_last());
	cr_assert_lt(config_error("overrides:\n  - files: ['*']\n    dictionaries: {cs: nowhere.txt}\n"), 0);
	cr_assert_lt(config_error("rules:\n  spelling: {acronym-length: many}\n"), 0);
	cr_assert_lt(config_error("rules:\n  spelling: {dictionary: [a, b]}\n"), 0);
}

Test(spelling_rule, dicpath_is_searched_first)
{
	copylint_config *config = NULL;
	copylint_checker *checker = NULL;
	copylint_results *r = NULL;
	setenv("DICPATH", "/nonexistent:" COPYLINT_TEST_DIR "/fixtures/dict", 1);
	char *dir = make_temp_dir();
	char *config_path = cl_sprintf("%s/.copylint.yml", dir);
	const char *yaml = "rules:\n  spelling: {dictionary: test}\n";
	write_file(config_path, yaml, strlen(yaml));
	cr_assert_eq(copylint_config_load(&config, config_path), 0, "%s", copylint_error_last());
	cr_assert_eq(copylint_checker_new(&checker, config, NULL), 0);
	const char *text = "The cat is a catz.\n";
	cr_assert_eq(copylint_check_buffer(&r, checker, "a.txt", text, strlen(text)), 0);
	assert_one(r, 1, 14, "catz");
	cr_assert_str_eq(copylint_results_at(r, 0)->message, "unknown word \xE2\x80\x9C" "catz\xE2\x80\x9D (test)");
	copylint_results_free(r);
	copylint_checker_free(checker);
	copylint_config_free(config);
	remove_tree(dir);
	free(config_path);
	free(dir);
}

Test(spelling_rule, a_dictionary_name_is_not_a_path)
{
	copylint_results *r = check_config("overrides:\n  - files: ['*.md']\n    rules:\n"
					   "      spelling: {dictionary: ../dict/test}\n",
					   "a.md", "The catz.\n", true);
	cr_assert_eq(count_rule(r, "spelling"), 0);
	cr_assert_eq(copylint_results_notice_count(r), 1);
	cr_assert(strstr(copylint_results_notice_at(r, 0), "../dict/test"), "%s", copylint_results_notice_at(r, 0));
	copylint_results_free(r);
}
