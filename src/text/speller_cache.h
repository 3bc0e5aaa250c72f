/* A speller's answers kept on disk between runs, so that the next run (the
 * next commit's pre-commit hook, the next CI job on the same runner) answers
 * the words it has seen from the file and loads the Hunspell dictionary only
 * for a word it has not. The file's name and header carry a hash of
 * everything the answers depend on (the dictionary files, the words added
 * to them, copylint's version): change any and the old file is not used.
 * A missing, foreign or damaged file is no cache; a file that cannot be
 * written is no cache either: the cache only ever saves time. */
#ifndef CL_TEXT_SPELLER_CACHE_H
#define CL_TEXT_SPELLER_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xxhash.h>

#include "../util/keyset.h"

/* The most answers a file keeps: misspellings seen once are many. */
#define CL_SPELL_CACHE_MAX_ANSWERS 1000000

typedef struct {
	char **items;
	size_t count;
} cl_spell_suggestions;

/* What a speller learns in a run, and a cache file keeps. */
typedef struct {
	cl_keyset answers;    /* UTF-8 word as written -> 1 correct, 2 wrong */
	cl_keyset suggested;  /* UTF-8 word -> index in lists */
	cl_spell_suggestions *lists;
	size_t nlists, lists_cap;
	uint32_t *wordchars;  /* the .aff's WORDCHARS as code points */
	size_t nwordchars;
} cl_spell_memory;

void cl_spell_memory_dispose(cl_spell_memory *mem);

/* dir/spell-<identity>.bin; the caller frees it. */
char *cl_spell_cache_path(const char *dir, XXH128_hash_t identity);

/* Fills mem, which must be empty, from the file; false, with mem left
 * empty, when there is no usable file. */
bool cl_spell_cache_read(const char *path, XXH128_hash_t identity, cl_spell_memory *mem);

/* Writes mem (words up to 255 bytes, at most CL_SPELL_CACHE_MAX_ANSWERS
 * answers) to a temporary file in path's folder (made when missing, mode
 * 0700) and renames it over path: readers see the old file or the new one. */
void cl_spell_cache_write(const char *path, XXH128_hash_t identity, const cl_spell_memory *mem);

#endif
