/* What the speller's three files share: the speller (speller.c: the API,
 * the additions, the answers), its pool of Hunspell handles
 * (speller_pool.c) and one handle (speller_handle.c). */
#ifndef CL_TEXT_SPELLER_INTERNAL_H
#define CL_TEXT_SPELLER_INTERNAL_H

#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdbool.h>
#include <unicode/ucnv.h>
#include <xxhash.h>

#include "speller.h"
#include "speller_cache.h"
#include "../util/buf.h"

/* Hunspell refuses longer words (its MAXWORDLEN), and so do we. */
#define MAX_WORD_BYTES 200
/* The most Hunspell handles one speller loads, whatever the run's threads:
 * each costs a dictionary's memory (10-40 MB) and a load (0.05-0.3 s). */
#define MAX_HANDLES 4
/* Another handle loads once the threads have waited for busy handles, in
 * all, this share of the time the first one took to load: a short run, or
 * one that rarely looks a word up, never pays for a load it cannot win back. */
#define GROW_AFTER_WAITING 0.25

enum { ANSWER_CORRECT = 1, ANSWER_WRONG = 2 };

/* An addition, made on every handle, including the ones loaded later. */
typedef struct {
	bool is_file;
	char *text;  /* the entry, or the word list's path */
	size_t len;
} cl_spell_addition;

/* One loaded Hunspell dictionary and what a lookup needs next to it; one
 * thread at a time has it (it is off the pool's free list meanwhile). */
typedef struct {
	Hunhandle *hunspell;
	UConverter *conv;  /* NULL when the dictionary is UTF-8 */
	UConverter *utf8;  /* the other end of conv */
	cl_buf scratch, converted;
} cl_spell_handle;

struct cl_speller {
	char *aff_path, *dic_path;
	cl_spell_addition *additions;
	size_t nadditions, additions_cap;
	XXH3_state_t *identity;  /* everything the answers depend on, hashed */
	char *cache_path;        /* where the answers are kept; NULL: nowhere */
	size_t cached_answers;   /* answers the cache file gave */
	cl_buf errors;           /* messages of the additions that failed, '\0'-separated */
	/* The pool: Hunspell handles for the same dictionary and additions, so
	 * that threads sharing the speller look words up at the same time. The
	 * first loads when a word needs it (see cl_speller_ready); another loads
	 * when every handle is busy, up to max_handles. pool_lock guards the
	 * pool and errors; answers_lock guards mem and is held briefly, so that
	 * known answers never wait behind a lookup. Order: pool, then answers. */
	pthread_mutex_t pool_lock, answers_lock;
	pthread_cond_t pool_changed;  /* a handle was given back or loaded */
	cl_spell_handle *handles[MAX_HANDLES];
	cl_spell_handle *free_handles[MAX_HANDLES];
	size_t nhandles, nfree, max_handles;
	bool loading;      /* a thread loads a handle, without pool_lock */
	pthread_t loader;  /* the thread that loaded the last handle but the first */
	bool loader_started;
	double load_seconds;  /* what the first handle took to load */
	double waited;        /* seconds threads waited for a busy handle since the last load */
	bool load_failed;  /* the first handle could not load (the user was told) */
	bool pool_full;    /* a later handle could not load: the pool stays as it is */
	int load_error;
	cl_spell_memory mem;  /* answers, suggestions, WORDCHARS: what the cache keeps */
};

/* One handle (speller_handle.c). */
/* Loads the dictionary; -1 with the error set when Hunspell or ICU cannot. */
int cl_spell_handle_new(cl_spell_handle **out, const char *aff_path, const char *dic_path);
void cl_spell_handle_free(cl_spell_handle *h);
void cl_spell_handle_read_wordchars(cl_speller *sp, cl_spell_handle *h);
int cl_spell_handle_add(cl_spell_handle *h, const cl_spell_addition *a);
bool cl_spell_handle_lookup(cl_spell_handle *h, const char *word, size_t len);
void cl_spell_handle_suggest(cl_spell_handle *h, const char *word, size_t len, cl_spell_suggestions *list);
/* 0 for a word or word/model entry Hunspell can take, else the error set. */
int cl_spell_check_entry(const char *entry, size_t len);

/* The pool (speller_pool.c). */
cl_spell_handle *cl_spell_pool_take(cl_speller *sp);
void cl_spell_pool_give_back(cl_speller *sp, cl_spell_handle *h);
void cl_spell_pool_wait_until_idle(cl_speller *sp);

#endif
