/* The spelling answers kept between runs: a second run answers from the
 * cache without loading the dictionary, gives the same answers, and never
 * uses a cache that does not match (other additions, a damaged file). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "text/speller.h"
#include "util/alloc.h"
#include "util/buf.h"

static char *fixture(const char *name, const char *ext)
{
	return cl_sprintf("%s/fixtures/dict/%s.%s", COPYLINT_TEST_DIR, name, ext);
}

static cl_speller *open_with(const char *cache_dir, const char *word)
{
	cl_speller *sp = NULL;
	char *aff = fixture("test", "aff"), *dic = fixture("test", "dic");
	cr_assert_eq(cl_speller_new(&sp, aff, dic), 0);
	if (word)
		cr_assert_eq(cl_speller_add(sp, word, strlen(word)), 0);
	cr_assert_eq(cl_speller_ready(sp, cache_dir), 0);
	free(aff);
	free(dic);
	return sp;
}

static bool knows(cl_speller *sp, const char *word)
{
	return cl_speller_check(sp, word, strlen(word));
}

/* The spell-*.bin files in dir; the first one's path in *first. */
static size_t cache_files(const char *dir, char **first)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	while (d && (e = readdir(d)))
		if (!strncmp(e->d_name, "spell-", 6) && strstr(e->d_name, ".bin") && !strstr(e->d_name, ".tmp")) {
			if (first && n == 0)
				*first = cl_sprintf("%s/%s", dir, e->d_name);
			n++;
		}
	if (d)
		closedir(d);
	return n;
}

Test(spelling_cache, second_run_answers_without_the_dictionary)
{
	char *dir = make_temp_dir(), *cache = cl_sprintf("%s/deep/cache", dir);
	cl_speller *sp = open_with(cache, NULL);
	cr_assert(cl_speller_loaded(sp), "no cache yet: the dictionary loads at once");
	cr_assert(knows(sp, "cats"));
	cr_assert_not(knows(sp, "catz"));
	const char *const *items;
	size_t n = cl_speller_suggest(sp, "catt", 4, &items, 3);
	cr_assert_geq(n, 1);
	cl_speller_free(sp);
	cr_assert_eq(cache_files(cache, NULL), 1, "the folder is made and holds one file");

	sp = open_with(cache, NULL);
	cr_assert_not(cl_speller_loaded(sp));
	cr_assert(knows(sp, "cats"));
	cr_assert_not(knows(sp, "catz"));
	cr_assert_eq(cl_speller_suggest(sp, "catt", 4, &items, 3), n, "suggestions are kept too");
	cr_assert_str_eq(items[0], "cat");
	cr_assert(cl_speller_is_wordchar(sp, '+'), "WORDCHARS come from the cache too");
	cr_assert_not(cl_speller_loaded(sp), "every answer came from the cache");
	cr_assert(knows(sp, "Cats"), "a new word loads the dictionary");
	cr_assert(cl_speller_loaded(sp));
	cl_speller_free(sp);

	sp = open_with(cache, NULL);
	cr_assert(knows(sp, "Cats"));
	cr_assert_not(cl_speller_loaded(sp), "the second run's new answer was kept");
	cl_speller_free(sp);
	remove_tree(dir);
	free(cache);
	free(dir);
}

Test(spelling_cache, additions_make_another_cache)
{
	char *dir = make_temp_dir();
	cl_speller *sp = open_with(dir, NULL);
	cr_assert_not(knows(sp, "zebra"));
	cl_speller_free(sp);
	sp = open_with(dir, "zebra");
	cr_assert(cl_speller_loaded(sp), "other words added: the old cache does not apply");
	cr_assert(knows(sp, "zebra"));
	cl_speller_free(sp);
	cr_assert_eq(cache_files(dir, NULL), 2);
	sp = open_with(dir, "zebra");
	cr_assert_not(cl_speller_loaded(sp));
	cr_assert(knows(sp, "zebra"));
	cl_speller_free(sp);
	remove_tree(dir);
	free(dir);
}

Test(spelling_cache, word_list_content_is_part_of_the_identity)
{
	char *dir = make_temp_dir(), *list = cl_sprintf("%s/words.txt", dir);
	write_file(list, "zebra\n", 6);
	for (int round = 0; round < 3; round++) {
		cl_speller *sp = NULL;
		char *aff = fixture("test", "aff"), *dic = fixture("test", "dic");
		cr_assert_eq(cl_speller_new(&sp, aff, dic), 0);
		cr_assert_eq(cl_speller_add_file(sp, list), 0);
		cr_assert_eq(cl_speller_ready(sp, dir), 0);
		cr_assert_eq(cl_speller_loaded(sp), round < 2, "round %d: a list of other content is another cache", round);
		cr_assert_eq(knows(sp, "zebra"), round == 0, "round %d", round);
		cr_assert_eq(knows(sp, "yak"), round > 0, "round %d", round);
		cl_speller_free(sp);
		free(aff);
		free(dic);
		write_file(list, "yak\n", 4);
	}
	remove_tree(dir);
	free(list);
	free(dir);
}

/* A deferred word list's bad line is told when the dictionary loads. */
static void collect(void *payload, const char *message)
{
	cl_buf_puts(payload, message);
}

Test(spelling_cache, errors_of_deferred_additions)
{
	char *dir = make_temp_dir(), *bad = cl_sprintf("%s/bad.txt", dir);
	write_file(bad, "fine\n/broken\n", 13);
	cl_speller *sp = NULL;
	char *aff = fixture("test", "aff"), *dic = fixture("test", "dic");
	cr_assert_eq(cl_speller_new(&sp, aff, dic), 0);
	cr_assert_eq(cl_speller_add_file(sp, bad), 0, "read now, added when the dictionary loads");
	cr_assert_eq(cl_speller_ready(sp, NULL), 0);
	cl_buf messages = CL_BUF_INIT;
	cr_assert_eq(cl_speller_take_errors(sp, collect, &messages), 1);
	cr_assert(strstr(messages.ptr, "bad.txt:2"), "%s", messages.ptr);
	cr_assert(knows(sp, "fine"));
	cr_assert_eq(cl_speller_take_errors(sp, collect, &messages), 0, "told once");
	cl_buf_dispose(&messages);
	cl_speller_free(sp);
	remove_tree(dir);
	free(aff);
	free(dic);
	free(bad);
	free(dir);
}

Test(spelling_cache, damaged_files_are_no_cache)
{
	static const char *const damage[] = { "", "CLSPELL", "garbage that is long enough to pass the header size" };
	char *dir = make_temp_dir(), *path = NULL;
	cl_speller *sp = open_with(dir, NULL);
	cr_assert_not(knows(sp, "catz"));
	cl_speller_free(sp);
	cr_assert_eq(cache_files(dir, &path), 1);
	size_t len;
	char *good = read_file(path, &len);
	for (size_t i = 0; i < sizeof(damage) / sizeof(damage[0]) + 2; i++) {
		if (i < sizeof(damage) / sizeof(damage[0]))
			write_file(path, damage[i], strlen(damage[i]));
		else  /* the header intact, a record cut short; then one with a bad answer */
			write_file(path, good, i == 3 ? len - 2 : len);
		if (i == 4) {
			unsigned char *bad = cl_malloc(len);
			memcpy(bad, good, len);
			size_t nwordchars = bad[24] | (size_t)bad[25] << 8;
			bad[28 + 4 * nwordchars] = 9;  /* the first answer: must be 1 or 2 */
			write_file(path, (char *)bad, len);
			free(bad);
		}
		sp = open_with(dir, NULL);
		cr_assert(cl_speller_loaded(sp), "damage %zu: the file is not used", i);
		cr_assert_not(knows(sp, "catz"));
		cr_assert(knows(sp, "cats"));
		cl_speller_free(sp);
	}
	free(good);
	free(path);
	remove_tree(dir);
	free(dir);
}

Test(spelling_cache, unwritable_folder_is_no_cache)
{
	char *dir = make_temp_dir(), *file = cl_sprintf("%s/file", dir), *under = cl_sprintf("%s/file/cache", dir);
	write_file(file, "x", 1);
	cl_speller *sp = open_with(under, NULL);
	cr_assert_not(knows(sp, "catz"));
	cl_speller_free(sp);  /* cannot write: nothing happens */
	sp = open_with(under, NULL);
	cr_assert(cl_speller_loaded(sp));
	cl_speller_free(sp);
	remove_tree(dir);
	free(file);
	free(under);
	free(dir);
}

/* The command line: COPYLINT_CACHE_DIR, the same findings from a warm
 * cache, and --no-cache. */
Test(spelling_cache, command_line)
{
	char *dir = make_temp_dir(), *cache = cl_sprintf("%s/cache", dir), *article = cl_sprintf("%s/a.md", dir);
	const char *text = "The goverment said it had recieved the results.\n";
	write_file(article, text, strlen(text));
	char *env_line = cl_sprintf("COPYLINT_CACHE_DIR=%s", cache);
	const char *const env[] = { env_line, NULL };
	const char *const argv[] = { "check", "--lang", "en-US", "--format", "json", "a.md", NULL };
	run_result cold = run_copylint(dir, argv, NULL, env);
	cr_assert_eq(cold.status, 1);
	cr_assert_eq(cache_files(cache, NULL), 1);
	run_result warm = run_copylint(dir, argv, NULL, env);
	cr_assert_str_eq(warm.out, cold.out);
	cr_assert(strstr(warm.out, "goverment"));
	run_result_free(&cold);
	run_result_free(&warm);
	remove_tree(cache);
	const char *const no_cache[] = { "check", "--no-cache", "--lang", "en-US", "a.md", NULL };
	run_result off = run_copylint(dir, no_cache, NULL, env);
	cr_assert_eq(off.status, 1);
	struct stat st;
	cr_assert_neq(stat(cache, &st), 0, "--no-cache writes nothing");
	run_result_free(&off);
	remove_tree(dir);
	free(env_line);
	free(article);
	free(cache);
	free(dir);
}

/* Without COPYLINT_CACHE_DIR the cache is $XDG_CACHE_HOME/copylint, else
 * ~/.cache/copylint: each run names its own, whatever the machine sets. */
Test(spelling_cache, the_default_folders)
{
	char *dir = make_temp_dir(), *article = cl_sprintf("%s/a.md", dir);
	char *xdg = cl_sprintf("XDG_CACHE_HOME=%s/xdg", dir), *home = cl_sprintf("HOME=%s/home", dir);
	char *under_xdg = cl_sprintf("%s/xdg/copylint", dir), *under_home = cl_sprintf("%s/home/.cache/copylint", dir);
	write_file(article, "The goverment.\n", 15);
	const char *const argv[] = { "check", "--lang", "en-US", "a.md", NULL };
	const char *const with_xdg[] = { "COPYLINT_CACHE_DIR=", xdg, home, NULL };
	const char *const relative_xdg[] = { "COPYLINT_CACHE_DIR=", "XDG_CACHE_HOME=cache", home, NULL };
	run_result r = run_copylint(dir, argv, NULL, with_xdg);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(cache_files(under_xdg, NULL), 1);
	cr_assert_eq(cache_files(under_home, NULL), 0);
	run_result_free(&r);
	r = run_copylint(dir, argv, NULL, relative_xdg);  /* a relative XDG_CACHE_HOME is ignored */
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(cache_files(under_home, NULL), 1);
	run_result_free(&r);
	remove_tree(dir);
	free(under_home);
	free(under_xdg);
	free(home);
	free(xdg);
	free(article);
	free(dir);
}

/* A dictionary that cannot load gives no cache: its answers were guesses. */
Test(spelling_cache, failed_dictionary_writes_nothing)
{
	char *dir = make_temp_dir(), *aff = cl_sprintf("%s/bad.aff", dir), *dic = cl_sprintf("%s/bad.dic", dir);
	char *cache = cl_sprintf("%s/cache", dir);
	write_file(aff, "SET X-NO-SUCH-CHARSET-42\n", 25);
	write_file(dic, "1\nword\n", 7);
	cl_speller *sp = NULL;
	cr_assert_eq(cl_speller_new(&sp, aff, dic), 0);
	cr_assert_lt(cl_speller_ready(sp, cache), 0);
	cr_assert(strstr(copylint_error_last(), "X-NO-SUCH-CHARSET-42"), "%s", copylint_error_last());
	cr_assert(knows(sp, "anything"), "a dictionary that failed accepts every word");
	cl_speller_free(sp);
	cr_assert_eq(cache_files(cache, NULL), 0);
	remove_tree(dir);
	free(aff);
	free(dic);
	free(cache);
	free(dir);
}
