/* copylint's supplementary word lists (dictionaries/<lang>.txt): sorted
 * byte-wise, one entry per line, and every entry one that the language's
 * base Debian dictionary rejects (otherwise it does not belong there). */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "text/speller.h"
#include "util/alloc.h"

static void check_list_min(const char *lang, const char *dictionary, size_t min)
{
	char *path = cl_sprintf("%s/../dictionaries/%s.txt", COPYLINT_TEST_DIR, lang);
	char *aff = cl_sprintf("/usr/share/hunspell/%s.aff", dictionary);
	char *dic = cl_sprintf("/usr/share/hunspell/%s.dic", dictionary);
	char *text = read_file(path, NULL);
	cl_speller *base = NULL;
	cr_assert_not_null(text, "%s", path);
	cr_assert_eq(cl_speller_new(&base, aff, dic), 0, "%s", copylint_error_last());
	size_t count = 0;
	char *prev = NULL;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		size_t word_len = strcspn(line, "/");
		cr_assert_gt(word_len, 0, "%s: an empty entry", path);
		cr_assert_eq(strcspn(line, " \t\r"), strlen(line), "%s: blank in '%s'", path, line);
		cr_assert(!prev || strcmp(prev, line) < 0, "%s: '%s' comes before '%s'", path, line, prev);
		cr_assert_not(cl_speller_check(base, line, word_len),
			      "%s: %s already knows '%s'", path, dictionary, line);
		prev = line;
		count++;
	}
	cr_assert_geq(count, min, "%s: only %zu entries", path, count);
	cl_speller_free(base);
	free(text);
	free(path);
	free(aff);
	free(dic);
}

static void check_list(const char *lang, const char *dictionary)
{
	check_list_min(lang, dictionary, 200);
}

Test(spelling_lists, english) { check_list("en", "en_US"); }
Test(spelling_lists, czech) { check_list("cs", "cs_CZ"); }
Test(spelling_lists, german) { check_list("de", "de_DE"); }
Test(spelling_lists, french) { check_list("fr", "fr_FR"); }
Test(spelling_lists, russian) { check_list_min("ru", "ru_RU", 100); }
/* Terms every language writes alike, loaded for each: en_US lacks them all. */
Test(spelling_lists, technical_terms) { check_list_min("tech", "en_US", 100); }
