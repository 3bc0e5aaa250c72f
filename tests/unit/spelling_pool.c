/* The speller's pool of Hunspell handles: threads that share a speller get
 * the answers one thread gets, every handle (also one loaded late) knows
 * every addition, the pool stays within its cap, and one thread never
 * loads a second handle. On copylint's tiny test dictionary. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "speller_fixture.h"
#include "text/speller.h"
#include "util/alloc.h"
#include "util/buf.h"

#define NWORDS 3000
#define MAX_THREADS 8

/* A made-up word of letters only, distinct for each n ("qzaaab"...). */
static void made_up(char *out, const char *prefix, unsigned n)
{
	size_t len = strlen(prefix);
	memcpy(out, prefix, len);
	for (int i = 0; i < 5; i++, n /= 26)
		out[len++] = (char)('a' + n % 26);
	out[len] = '\0';
}

/* Word i of the test: made-up words, every third one added to the
 * speller with the affixes of "cat" (so its plural is known too). */
static void test_word(char *out, unsigned i, bool plural)
{
	made_up(out, "qz", i / 2);
	if (plural)
		strcat(out, "s");
}

static bool expected(unsigned i)
{
	return (i / 2) % 3 == 0;  /* added, as word/cat: the word and its plural */
}

/* The additions: every third made-up word as word/cat, in a word list. */
static char *write_additions(const char *dir)
{
	char *path = cl_sprintf("%s/words.txt", dir);
	cl_buf text = CL_BUF_INIT;
	char word[32];
	for (unsigned i = 0; i < NWORDS; i += 2) {
		if (!expected(i))
			continue;
		test_word(word, i, false);
		cl_buf_printf(&text, "%s/cat\n", word);
	}
	write_file(path, text.ptr, text.size);
	cl_buf_dispose(&text);
	return path;
}

typedef struct {
	cl_speller *sp;
	unsigned first, count, stride;
	size_t wrong;  /* answers that differ from the expected ones */
} checker_job;

static void *check_words(void *arg)
{
	checker_job *job = arg;
	char word[32];
	for (unsigned k = 0; k < job->count; k++) {
		unsigned i = (job->first + k * job->stride) % NWORDS;
		test_word(word, i, i % 2);
		if (cl_speller_check(job->sp, word, strlen(word)) != expected(i))
			job->wrong++;
	}
	return NULL;
}

/* nthreads threads each check count words from their own start. */
static size_t check_on_threads(cl_speller *sp, unsigned nthreads, unsigned offset, unsigned count)
{
	pthread_t threads[MAX_THREADS];
	checker_job jobs[MAX_THREADS];
	size_t wrong = 0;
	for (unsigned t = 0; t < nthreads; t++) {
		jobs[t] = (checker_job){ sp, offset + t * (NWORDS / nthreads), count, 7, 0 };
		cr_assert_eq(pthread_create(&threads[t], NULL, check_words, &jobs[t]), 0);
	}
	for (unsigned t = 0; t < nthreads; t++) {
		pthread_join(threads[t], NULL);
		wrong += jobs[t].wrong;
	}
	return wrong;
}

typedef struct {
	cl_speller *sp;
	unsigned seed;
} racer;

static void *race_fresh_words(void *arg)
{
	racer *r = arg;
	char word[32];
	for (unsigned k = 0; k < 400; k++) {
		made_up(word, "xv", r->seed * 1000 + k);
		cl_speller_check(r->sp, word, strlen(word));
	}
	return NULL;
}

static void race_round(cl_speller *sp, unsigned nthreads)
{
	static unsigned seed = 0;
	pthread_t threads[MAX_THREADS];
	racer racers[MAX_THREADS];
	for (unsigned t = 0; t < nthreads; t++) {
		racers[t] = (racer){ sp, ++seed };
		cr_assert_eq(pthread_create(&threads[t], NULL, race_fresh_words, &racers[t]), 0);
	}
	for (unsigned t = 0; t < nthreads; t++)
		pthread_join(threads[t], NULL);
}

/* Races nthreads threads on fresh words for rounds rounds, or until the
 * pool has want handles (it grows when threads wait for busy ones). */
static void race_until(cl_speller *sp, unsigned nthreads, size_t want, int rounds)
{
	for (int round = 0; round < rounds && cl_speller_handles(sp) < want; round++)
		race_round(sp, nthreads);
}

/* Races until the pool has want handles, for as long as that takes on a
 * loaded machine (threads contend only when they run at the same time,
 * which a busy machine makes rare), up to RACE_SECONDS. */
#define RACE_SECONDS 60
static void race_until_grown(cl_speller *sp, unsigned nthreads, size_t want)
{
	time_t deadline = time(NULL) + RACE_SECONDS;
	while (cl_speller_handles(sp) < want && time(NULL) < deadline)
		race_round(sp, nthreads);
}

Test(spelling_pool, threads_answer_as_one_thread)
{
	char *dir = make_temp_dir(), *list = write_additions(dir);
	cl_speller *one = open_test_speller("test"), *pool = open_test_speller("test");
	cr_assert_eq(cl_speller_add_file(one, list), 0);
	cr_assert_eq(cl_speller_add_file(pool, list), 0);
	cr_assert_eq(cl_speller_ready(one, NULL), 0);
	cr_assert_eq(cl_speller_ready(pool, NULL), 0);
	cl_speller_set_threads(pool, 4);
	cr_assert_eq(check_on_threads(one, 1, 0, NWORDS), 0, "one thread");
	cr_assert_eq(check_on_threads(pool, 4, 0, NWORDS), 0, "four threads, every word");
	cr_assert_eq(check_on_threads(pool, 4, 1, NWORDS), 0, "four threads, answers known");
	cr_assert_leq(cl_speller_handles(pool), 4);
	cr_assert_eq(cl_speller_handles(one), 1);
	cl_speller_free(one);
	cl_speller_free(pool);
	remove_tree(dir);
	free(dir);
	free(list);
}

Test(spelling_pool, one_thread_loads_one_handle)
{
	cl_speller *sp = open_test_speller("test");
	cr_assert_eq(cl_speller_ready(sp, NULL), 0);
	cl_speller_set_threads(sp, 4);
	char word[32];
	for (unsigned i = 0; i < 20000; i++) {
		made_up(word, "yy", i);
		cr_assert_not(cl_speller_check(sp, word, strlen(word)));
	}
	cr_assert(cl_speller_check(sp, "cats", 4));
	const char *const *items;
	cr_assert_geq(cl_speller_suggest(sp, "catt", 4, &items, 3), 1);
	cr_assert_eq(cl_speller_handles(sp), 1);
	cl_speller_free(sp);
}

Test(spelling_pool, grows_within_its_cap)
{
	cl_speller *sp = open_test_speller("test");
	cr_assert_eq(cl_speller_ready(sp, NULL), 0);
	race_until(sp, 4, 2, 20);
	cr_assert_eq(cl_speller_handles(sp), 1, "without set_threads the cap is one handle");
	cl_speller_set_threads(sp, 2);
	race_until_grown(sp, 6, 2);
	race_until(sp, 6, 3, 20);
	cr_assert_eq(cl_speller_handles(sp), 2, "six threads, a cap of two: two handles");
	cl_speller_set_threads(sp, 1);
	cl_speller_set_threads(sp, 100);
	race_until_grown(sp, 8, 4);
	race_until(sp, 8, 5, 20);
	cr_assert_eq(cl_speller_handles(sp), 4, "eight threads, a cap of 100: at most four");
	cl_speller_free(sp);
}

static void assert_every_handle_knows(cl_speller *sp, const char *word, bool known)
{
	size_t n = cl_speller_handles(sp);
	cr_assert_eq(cl_speller_handles_accepting(sp, word, strlen(word)), known ? n : 0,
		     "%s on %zu handles", word, n);
}

Test(spelling_pool, every_handle_knows_every_addition)
{
	char *dir = make_temp_dir(), *list = write_additions(dir), *dic = cl_sprintf("%s/extra.dic", dir);
	char *late_list = cl_sprintf("%s/late.txt", dir), word[32];
	write_file(dic, "2\nmoose/S\nelk\n", 14);
	write_file(late_list, "Rafah\nyak/dog\n", 14);
	cl_speller *sp = open_test_speller("test");
	cr_assert_eq(cl_speller_add(sp, "zebra", 5), 0);
	cr_assert_eq(cl_speller_add(sp, "gnu/cat", 7), 0);
	cr_assert_eq(cl_speller_add_file(sp, list), 0);
	cr_assert_eq(cl_speller_add_file(sp, dic), 0);
	cr_assert_eq(cl_speller_ready(sp, NULL), 0);
	cl_speller_set_threads(sp, 2);
	race_until_grown(sp, 4, 2);
	cr_assert_eq(cl_speller_handles(sp), 2, "a handle loaded while threads looked words up");
	/* Additions after the first lookups: on the handles there are... */
	cr_assert_not(cl_speller_check(sp, "Netanyahu", 9));
	cr_assert_eq(cl_speller_add(sp, "Netanyahu", 9), 0);
	cr_assert_eq(cl_speller_add_file(sp, late_list), 0);
	cr_assert(cl_speller_check(sp, "Netanyahu", 9), "the old answer is forgotten");
	/* ...and on those loaded later. */
	cl_speller_set_threads(sp, 4);
	race_until_grown(sp, 6, 4);
	cr_assert_eq(cl_speller_handles(sp), 4);
	assert_every_handle_knows(sp, "zebra", true);
	assert_every_handle_knows(sp, "zebras", false);
	assert_every_handle_knows(sp, "gnus", true);
	assert_every_handle_knows(sp, "mooses", true);
	assert_every_handle_knows(sp, "elk", true);
	assert_every_handle_knows(sp, "Netanyahu", true);
	assert_every_handle_knows(sp, "Rafah", true);
	assert_every_handle_knows(sp, "yaks", true);
	assert_every_handle_knows(sp, "catz", false);
	for (unsigned i = 0; i < NWORDS; i += 2) {
		test_word(word, i, true);
		assert_every_handle_knows(sp, word, expected(i));
	}
	cl_speller_free(sp);
	remove_tree(dir);
	free(dir);
	free(list);
	free(dic);
	free(late_list);
}

static void count_error(void *payload, const char *message)
{
	(void)message;
	(*(size_t *)payload)++;
}

Test(spelling_pool, addition_errors_are_reported_once)
{
	char *dir = make_temp_dir(), *bad = cl_sprintf("%s/bad.txt", dir);
	const char *bad_text = "fine\nk\xC5\xAF\xC5\x88\n";
	write_file(bad, bad_text, strlen(bad_text));
	cl_speller *sp = open_test_speller("latin2");
	cr_assert_eq(cl_speller_add(sp, "\xE6\x97\xA5", 3), 0, "checked when the dictionary loads");
	cr_assert_eq(cl_speller_add_file(sp, bad), 0);
	cr_assert_eq(cl_speller_ready(sp, NULL), 0);
	size_t errors = 0;
	cr_assert_eq(cl_speller_take_errors(sp, count_error, &errors), 1, "日 cannot be written in ISO 8859-2");
	cl_speller_set_threads(sp, 3);
	race_until_grown(sp, 6, 3);
	cr_assert_eq(cl_speller_handles(sp), 3);
	cr_assert_eq(cl_speller_take_errors(sp, count_error, &errors), 0, "the later handles' errors are the same");
	cr_assert_lt(cl_speller_add(sp, "\xE6\x9C\xAC", 3), 0, "after the load: the error is returned");
	cr_assert(strstr(copylint_error_last(), "cannot hold"), "%s", copylint_error_last());
	cr_assert_eq(cl_speller_take_errors(sp, count_error, &errors), 0);
	cr_assert(cl_speller_check(sp, "fine", 4));
	assert_every_handle_knows(sp, "fine", true);
	cl_speller_free(sp);
	remove_tree(dir);
	free(dir);
	free(bad);
}

typedef struct {
	cl_speller *sp;
	const char *const *first[4];
	size_t wrong;
} suggester;

static void *suggest_words(void *arg)
{
	static const char *const words[4] = { "catt", "dogg", "housse", "wordd" };
	static const char *const best[4] = { "cat", "dog", "houses", "words" };
	suggester *s = arg;
	for (int round = 0; round < 50; round++)
		for (int i = 0; i < 4; i++) {
			const char *const *items;
			size_t n = cl_speller_suggest(s->sp, words[i], strlen(words[i]), &items, 3);
			s->wrong += n < 1 || strcmp(items[0], best[i]) != 0;
			s->first[i] = items;
		}
	return NULL;
}

Test(spelling_pool, suggestions_from_threads)
{
	cl_speller *sp = open_test_speller("test");
	cr_assert_eq(cl_speller_ready(sp, NULL), 0);
	cl_speller_set_threads(sp, 4);
	pthread_t threads[4];
	suggester s[4];
	for (int t = 0; t < 4; t++) {
		s[t] = (suggester){ .sp = sp };
		cr_assert_eq(pthread_create(&threads[t], NULL, suggest_words, &s[t]), 0);
	}
	for (int t = 0; t < 4; t++)
		pthread_join(threads[t], NULL);
	for (int t = 0; t < 4; t++) {
		cr_assert_eq(s[t].wrong, 0, "thread %d", t);
		for (int i = 0; i < 4; i++)
			cr_assert_eq(s[t].first[i], s[0].first[i], "one list per word, where it was");
	}
	cr_assert_leq(cl_speller_handles(sp), 4);
	cl_speller_free(sp);
}

Test(spelling_pool, a_run_from_the_cache_loads_no_handle)
{
	char *dir = make_temp_dir(), *list = write_additions(dir);
	cl_speller *sp = open_test_speller("test");
	cr_assert_eq(cl_speller_add_file(sp, list), 0);
	cr_assert_eq(cl_speller_ready(sp, dir), 0);
	cl_speller_set_threads(sp, 4);
	cr_assert_eq(check_on_threads(sp, 4, 0, NWORDS / 4), 0);
	cl_speller_free(sp);  /* writes the answers */
	sp = open_test_speller("test");
	cr_assert_eq(cl_speller_add_file(sp, list), 0);
	cr_assert_eq(cl_speller_ready(sp, dir), 0);
	cl_speller_set_threads(sp, 4);
	cr_assert_eq(check_on_threads(sp, 4, 0, NWORDS / 4), 0, "the same words again");
	cr_assert_eq(cl_speller_handles(sp), 0, "every answer came from the cache");
	cl_speller_free(sp);
	remove_tree(dir);
	free(dir);
	free(list);
}
