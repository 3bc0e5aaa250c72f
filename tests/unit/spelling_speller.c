/* The Hunspell wrapper on copylint's own tiny dictionaries
 * (tests/fixtures/dict), independent of the system's. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "speller_fixture.h"
#include "text/speller.h"
#include "util/alloc.h"

static bool knows(cl_speller *sp, const char *word)
{
	return cl_speller_check(sp, word, strlen(word));
}

Test(spelling_speller, words_affixes_and_case)
{
	cl_speller *sp = open_test_speller("test");
	cr_assert(knows(sp, "cat"));
	cr_assert(knows(sp, "cats"));
	cr_assert(knows(sp, "Cats"), "a capital at a sentence start");
	cr_assert(knows(sp, "CATS"));
	cr_assert(knows(sp, "Smith"));
	cr_assert_not(knows(sp, "smith"), "a name stays capitalised");
	cr_assert_not(knows(sp, "catz"));
	cr_assert_not(knows(sp, "bigs"), "big takes no suffix");
	cr_assert(knows(sp, "catz") == false, "a cached answer is the same");
	cl_speller_free(sp);
}

Test(spelling_speller, normalises_to_nfc_and_keeps_wordchars)
{
	cl_speller *sp = open_test_speller("test");
	cr_assert(knows(sp, "caf\xC3\xA9"), "precomposed é");
	cr_assert(knows(sp, "cafe\xCC\x81"), "e + combining acute is the same word");
	cr_assert(knows(sp, "stra\xC3\x9F" "e"));
	cr_assert(knows(sp, "e-mail"));
	cr_assert(cl_speller_is_wordchar(sp, '-'));
	cr_assert(cl_speller_is_wordchar(sp, '.'));
	cr_assert(cl_speller_is_wordchar(sp, '+'));
	cr_assert_not(cl_speller_is_wordchar(sp, '\''));
	cl_speller_free(sp);
}

Test(spelling_speller, converts_to_an_8bit_dictionary)
{
	cl_speller *sp = open_test_speller("latin2");
	cr_assert(knows(sp, "\xC5\xBElu\xC5\xA5ou\xC4\x8Dk\xC3\xBD"), "žluťoučký in ISO 8859-2");
	cr_assert(knows(sp, "k\xC5\xAF\xC5\x88"), "kůň");
	cr_assert_not(knows(sp, "k\xC5\xAFn"));
	cr_assert_not(knows(sp, "\xE6\x97\xA5"), "a character the charset lacks is no word");
	const char *const *items;
	size_t n = cl_speller_suggest(sp, "pel", 3, &items, 3);
	cr_assert_geq(n, 1);
	cr_assert_str_eq(items[0], "p\xC4\x9Bl", "suggestions come back as UTF-8 (pěl)");
	cl_speller_free(sp);
}

Test(spelling_speller, adds_words_and_models)
{
	cl_speller *sp = open_test_speller("test");
	cr_assert_not(knows(sp, "zebra"));
	cr_assert_eq(cl_speller_add(sp, "zebra", 5), 0);
	cr_assert(knows(sp, "zebra"), "an added word is known, the cache forgot the old answer");
	cr_assert_not(knows(sp, "zebras"));
	cr_assert_eq(cl_speller_add(sp, "gnu/cat", 7), 0);
	cr_assert(knows(sp, "gnus"), "gnu takes the affixes of cat");
	cr_assert_lt(cl_speller_add(sp, "", 0), 0);
	cr_assert_lt(cl_speller_add(sp, "/cat", 4), 0);
	cr_assert_lt(cl_speller_add(sp, "gnu/", 4), 0);
	cl_speller_free(sp);
}

Test(spelling_speller, adds_word_lists_and_dic_files)
{
	char *dir = make_temp_dir();
	char *list = cl_sprintf("%s/words.txt", dir), *dic = cl_sprintf("%s/extra.dic", dir);
	char *bad = cl_sprintf("%s/bad.txt", dir), *missing = cl_sprintf("%s/missing.txt", dir);
	const char *list_text = "# project words\n\nNetanyahu\n  Rafah  \r\nyak/dog\n";
	write_file(list, list_text, strlen(list_text));
	write_file(dic, "2\nmoose/S\nelk\n", 14);
	write_file(bad, "fine\n/broken\n", 13);
	cl_speller *sp = open_test_speller("test");
	cr_assert_eq(cl_speller_add_file(sp, list), 0);
	cr_assert(knows(sp, "Netanyahu"));
	cr_assert(knows(sp, "Rafah"), "spaces and CR around an entry are trimmed");
	cr_assert(knows(sp, "yaks"));
	cr_assert_not(knows(sp, "#"));
	cr_assert_eq(cl_speller_add_file(sp, dic), 0);
	cr_assert(knows(sp, "mooses"), "a .dic with a count line keeps its affix flags");
	cr_assert(knows(sp, "elk"));
	cr_assert_lt(cl_speller_add_file(sp, bad), 0);
	cr_assert(strstr(copylint_error_last(), "bad.txt:2"), "%s", copylint_error_last());
	cr_assert_lt(cl_speller_add_file(sp, missing), 0);
	cl_speller_free(sp);
	remove_tree(dir);
	free(dir);
	free(list);
	free(dic);
	free(bad);
	free(missing);
}

Test(spelling_speller, suggests_once_per_word)
{
	cl_speller *sp = open_test_speller("test");
	const char *const *first, *const *again;
	size_t n = cl_speller_suggest(sp, "catt", 4, &first, 3);
	cr_assert_geq(n, 1);
	cr_assert_str_eq(first[0], "cat");
	cr_assert_eq(cl_speller_suggest(sp, "catt", 4, &again, 3), n);
	cr_assert_eq(first, again, "the second call returns the cached list");
	cr_assert_leq(cl_speller_suggest(sp, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 31, &again, 3), 3);
	cl_speller_free(sp);
}

Test(spelling_speller, refuses_missing_dictionaries)
{
	cl_speller *sp = (cl_speller *)1;
	cr_assert_lt(cl_speller_new(&sp, "/nonexistent/x.aff", "/nonexistent/x.dic"), 0);
	cr_assert_null(sp);
	cr_assert(strstr(copylint_error_last(), "/nonexistent/x.aff"));
	cl_speller_free(NULL);
}
