/* What documentation writers accept as words: a document's own terms
 * (inline code, shell commands, its file name), cspell's in-file comments,
 * acronym plurals, initials, tldr's [x] mnemonics, elisions, and the source
 * language's words in a translation. */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "util/alloc.h"

/* The spelling findings on text at path in dir, whose .copylint.yml (and any
 * cspell file) is already written. */
static copylint_results *check_in_dir(const char *dir, const char *path, const char *text)
{
	char *config_path = cl_sprintf("%s/.copylint.yml", dir);
	copylint_config *config = NULL;
	copylint_checker *checker = NULL;
	copylint_results *results = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	cr_assert_eq(copylint_config_load(&config, config_path), 0, "%s", copylint_error_last());
	for (size_t i = 0; i < copylint_rule_count(); i++)
		if (strcmp(copylint_rule_at(i)->id, "spelling"))
			copylint_config_set_rule(config, copylint_rule_at(i)->id, COPYLINT_SEVERITY_OFF);
	cr_assert_eq(copylint_checker_new(&checker, config, &options), 0);
	char *file = cl_sprintf("%s/%s", dir, path);
	cr_assert_eq(copylint_check_buffer(&results, checker, file, text, strlen(text)), 0);
	copylint_checker_free(checker);
	copylint_config_free(config);
	free(file);
	free(config_path);
	return results;
}

/* Checks text at dir/path with .copylint.yml holding yaml (NULL: the test
 * dictionary); only spelling runs. */
static copylint_results *check_in(const char *yaml, const char *path, const char *text)
{
	char *dir = make_temp_dir();
	char *body = yaml ? cl_strdup(yaml)
			  : cl_sprintf("dictionaries: [%s/fixtures/dict]\nrules:\n  spelling: {dictionary: test}\n",
				       COPYLINT_TEST_DIR);
	write_file_under(dir, ".copylint.yml", body);
	copylint_results *results = check_in_dir(dir, path, text);
	remove_tree(dir);
	free(body);
	free(dir);
	return results;
}

static void assert_words(copylint_results *r, const char *const *words, const size_t (*at)[2], size_t n)
{
	for (size_t i = 0; i < copylint_results_count(r); i++)
		cr_log_info("%zu:%zu %s", copylint_results_at(r, i)->line, copylint_results_at(r, i)->column,
			    copylint_results_at(r, i)->message);
	cr_assert_eq(count_rule(r, "spelling"), n, "findings: %zu, want %zu", count_rule(r, "spelling"), n);
	for (size_t i = 0; i < n; i++) {
		const copylint_finding *f = find_at(r, "spelling", at[i][0], at[i][1]);
		cr_assert_not_null(f, "nothing at %zu:%zu", at[i][0], at[i][1]);
		cr_assert_str_eq(f->text, words[i]);
	}
	copylint_results_free(r);
}

Test(spelling_terms, inline_code_makes_a_term_in_any_case)
{
	copylint_results *r = check_in(NULL, "a.md", "The `catz --big` cat.\n\nThe Catz and catz and dogz.\n");
	static const char *const words[] = { "dogz" };
	static const size_t at[][2] = { { 3, 23 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, commands_of_shell_blocks_are_terms)
{
	copylint_results *r = check_in(NULL, "a.md",
				       "```sh\n$ sudo catz --big\ndogz file\n```\n\n"
				       "```python\nbigz = 1\n```\n\n"
				       "The catz, the dogz and the bigz.\n");
	static const char *const words[] = { "bigz" };
	static const size_t at[][2] = { { 10, 28 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, the_file_name_names_terms)
{
	copylint_results *r = check_in(NULL, "catz-dogz.md", "# catz-dogz\n\nThe catz and bigz.\n");
	static const char *const words[] = { "bigz" };
	static const size_t at[][2] = { { 3, 14 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, cspell_words_in_comments_and_front_matter)
{
	copylint_results *r = check_in(NULL, "a.md",
				       "---\ntitle: The catz\n# cSpell:ignore catz\n---\n"
				       "<!-- cspell:words Dogz, bigz -->\n"
				       "The catz, dogz, bigz and foxz.\n");
	static const char *const words[] = { "foxz" };
	static const size_t at[][2] = { { 6, 26 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, cspell_disable_regions)
{
	copylint_results *r = check_in(NULL, "a.md",
				       "The catz.\n\n<!-- cspell:disable -->\nThe dogz.\n<!-- cspell:enable -->\n\n"
				       "The bigz.\n\n<!-- cspell:disable-next-line -->\nThe foxz.\n\nThe owlz.\n");
	static const char *const words[] = { "catz", "bigz", "owlz" };
	static const size_t at[][2] = { { 1, 5 }, { 7, 5 }, { 12, 5 } };
	assert_words(r, words, at, 3);
}

Test(spelling_terms, acronym_plurals_initials_and_mnemonics)
{
	copylint_results *r = check_in(NULL, "a.md",
				       "The VMs and the PRs.\n\nJ. R. Smith has a cat.\n\n"
				       "The [c]atz and E[x]dogz and dogz.\n");
	static const char *const words[] = { "dogz" };
	static const size_t at[][2] = { { 5, 29 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, forbidden_words_are_reported_though_known)
{
	char *yaml = cl_sprintf("dictionaries: [%s/fixtures/dict]\nrules:\n  spelling: {dictionary: test}\n"
				"words: [\"!house\"]\n", COPYLINT_TEST_DIR);
	copylint_results *r = check_in(yaml, "a.md", "The House is big.\n");
	cr_assert_eq(count_rule(r, "spelling"), 1);
	const copylint_finding *f = find_at(r, "spelling", 1, 5);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "\xE2\x80\x9CHouse\xE2\x80\x9D is on the project's list of words not to use");
	copylint_results_free(r);
	free(yaml);
}

/* ---- elision (French dictionary) ---------------------------------------- */

Test(spelling_terms, elision_names_and_spans_the_word)
{
	copylint_results *r = check_in("", "a.md",
				       "---\nlang: fr\n---\nLe site d'Astro et l’Astro, puis Astro.\n");
	static const char *const words[] = { "Astro", "Astro", "Astro" };
	static const size_t at[][2] = { { 4, 11 }, { 4, 22 }, { 4, 34 } };
	for (size_t i = 0; i < copylint_results_count(r); i++)
		cr_assert(strstr(copylint_results_at(r, i)->message, "\xE2\x80\x9C" "Astro\xE2\x80\x9D"), "%s",
			  copylint_results_at(r, i)->message);
	assert_words(r, words, at, 3);
}

Test(spelling_terms, one_project_word_covers_every_elision)
{
	copylint_results *r = check_in("words: [Astro]\n", "a.md",
				       "---\nlang: fr\n---\nLe site d'Astro et l’Astro, puis Astro.\n");
	assert_words(r, NULL, NULL, 0);
}

/* ---- source-language words in translations (real dictionaries) ---------- */

static const char german[] = "Das Deployment in der Cloud ist fertig, der Pull Request auch.\n";

Test(spelling_terms, a_translation_by_path_takes_english_words)
{
	assert_words(check_in("", "content/de/a.md", german), NULL, NULL, 0);
}

Test(spelling_terms, not_a_translation_without_a_source)
{
	/* the language from front matter, no translations: in the config */
	copylint_results *r = check_in("", "a.md", "---\nlang: de\n---\nDas Deployment ist fertig.\n");
	static const char *const words[] = { "Deployment" };
	static const size_t at[][2] = { { 4, 5 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, the_configured_source_language)
{
	copylint_results *r = check_in("translations: {source: en}\n", "a.md",
				       "---\nlang: de\n---\nDas Deployment ist fertig.\n");
	assert_words(r, NULL, NULL, 0);
}

Test(spelling_terms, source_words_can_be_turned_off)
{
	copylint_results *r = check_in("rules:\n  spelling: {source-words: false}\n", "content/de/a.md",
				       "Das Deployment ist fertig.\n");
	static const char *const words[] = { "Deployment" };
	static const size_t at[][2] = { { 1, 5 } };
	assert_words(r, words, at, 1);
}

Test(spelling_terms, a_cspell_override_language_keeps_the_translation_by_path)
{
	/* cspell's `language: de,en` for content/de/ names the language the
	 * path gives too: still a translation, English words still pass. */
	char *dir = make_temp_dir();
	write_file_under(dir, ".copylint.yml", "");
	write_file_under(dir, "cspell.json",
			 "{\"overrides\": [{\"filename\": \"content/de/**\", \"language\": \"de,en\"}]}\n");
	assert_words(check_in_dir(dir, "content/de/a.md", german), NULL, NULL, 0);
	remove_tree(dir);
	free(dir);
}

Test(spelling_terms, a_bad_source_tag_is_a_config_error)
{
	char *dir = make_temp_dir();
	char *path = cl_sprintf("%s/.copylint.yml", dir);
	write_file(path, "translations: {source: \"e n\"}\n", 30);
	copylint_config *config = NULL;
	cr_assert_lt(copylint_config_load(&config, path), 0);
	cr_assert(strstr(copylint_error_last(), ".copylint.yml:1:24: translations: source must be a BCP 47 tag"), "%s",
		  copylint_error_last());
	remove_tree(dir);
	free(path);
	free(dir);
}
