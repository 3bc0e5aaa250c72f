/* Hunspell behind one door. A speller is one loaded dictionary (an .aff and
 * a .dic, read by libhunspell itself) plus the words added to it. Words go
 * in and come out as UTF-8: the speller normalises them to NFC, converts
 * them to the dictionary's encoding (the .aff's SET) with ICU, and caches
 * every answer, so a word that repeats costs one hash lookup. Plain ASCII
 * words skip normalisation and conversion. A speller is made (new, the
 * additions, ready) on one thread; once ready, threads may share it. The
 * answers are shared; Hunspell lookups run on a small pool of handles for
 * the same dictionary and additions, one thread at a time on each, so that
 * threads look words up at the same time (see cl_speller_set_threads). */
#ifndef CL_TEXT_SPELLER_H
#define CL_TEXT_SPELLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cl_speller cl_speller;

/* A speller for aff_path and dic_path; fails (error set) when either
 * cannot be read. Additions come next, then cl_speller_ready. */
int cl_speller_new(cl_speller **out, const char *aff_path, const char *dic_path);
/* After the additions: with cache_dir (NULL: none), answers come from the
 * cache file there when one matches, and the dictionary loads only when a
 * word is not in it; otherwise the dictionary loads now. Fails (error set)
 * when Hunspell cannot load it or its encoding is one ICU does not know.
 * Answers are written back to the cache when the speller is freed. */
int cl_speller_ready(cl_speller *speller, const char *cache_dir);
/* Has the Hunspell dictionary been loaded (or was the cache enough)? */
bool cl_speller_loaded(cl_speller *speller);
/* Lets the pool grow to one Hunspell handle per thread of the run that
 * uses the speller (at most 4; 1 until called): a thread that finds every
 * handle busy loads another, at the cost of the dictionary's memory again.
 * The cap only rises, so that spellers shared by runs take the largest. */
void cl_speller_set_threads(cl_speller *speller, size_t threads);
/* For tests: how many Hunspell handles have loaded; and how many of them
 * accept word (each is asked, not the answers), once none is in use. */
size_t cl_speller_handles(cl_speller *speller);
size_t cl_speller_handles_accepting(cl_speller *speller, const char *word, size_t len);
/* Hands fn each addition that failed since the last call (an entry the
 * dictionary's charset cannot hold, a bad line in a word list) and forgets
 * them; returns how many. */
size_t cl_speller_take_errors(cl_speller *speller, void (*fn)(void *payload, const char *message), void *payload);
void cl_speller_free(cl_speller *speller);

/* Adds one entry, as a Hunspell personal dictionary writes it: "word", or
 * "word/model" to accept word with every affix the dictionary word model
 * takes (Hunspell_add_with_affix). An addition counts on every handle of
 * the pool, including those loaded later; after the first load it waits
 * until no thread is looking a word up. */
int cl_speller_add(cl_speller *speller, const char *entry, size_t len);
/* Adds a word list file: one entry per line as above, blank lines and lines
 * starting with # skipped. A file whose first line is a number is a Hunspell
 * .dic with affix flags, read with the dictionary's own .aff. */
int cl_speller_add_file(cl_speller *speller, const char *path);

/* Is word[0..len) (UTF-8) correct? Cached. */
bool cl_speller_check(cl_speller *speller, const char *word, size_t len);
/* Does the dictionary count cp as part of a word (its WORDCHARS)? */
bool cl_speller_is_wordchar(const cl_speller *speller, uint32_t cp);

/* Up to max suggestions for word (UTF-8, borrowed from the speller, valid
 * until it is freed); computed once per distinct word. Returns the count. */
size_t cl_speller_suggest(cl_speller *speller, const char *word, size_t len,
			  const char *const **out, size_t max);

#endif
