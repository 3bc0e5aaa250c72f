/* The spelling rule's dictionaries as a run holds them: a profile per
 * dictionary and project additions, found by the document's language and
 * the config, sharing one speller per dictionary between the run's threads,
 * with the verdicts on the words seen so far in front of it. */
#ifndef CL_CHECKS_SPELLING_PROFILE_H
#define CL_CHECKS_SPELLING_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/uscript.h>

#include "../text/speller.h"
#include "../util/buf.h"
#include "../util/keyset.h"
#include "rule.h"

#define MAX_SCRIPTS 8

/* Powers of two. The table starts small (a pre-commit run checks a few
 * hundred words) and grows with the words seen, up to 1 MB, which keeps 90%
 * of the Czech corpus's word lookups out of the big table. */
#define HOT_SLOTS_FIRST 2048
#define HOT_SLOTS_MAX 32768
#define HOT_WORD_BYTES 20

enum { VERDICT_UNASKED, VERDICT_KNOWN, VERDICT_UNKNOWN, VERDICT_NEVER_CHECKED };

/* The most frequent words answered from a small direct-mapped table, so
 * that "the" and "und" never reach the big hash table's cache misses, nor
 * have their characters classified again. */
typedef struct {
	uint64_t hash;
	unsigned char len;      /* 0: empty */
	unsigned char verdict;  /* VERDICT_*: NEVER_CHECKED, see word_facts */
	unsigned char letters, upper;  /* for the acronym test, which an option sets per file */
	char word[HOT_WORD_BYTES];
} hot_slot;

/* One dictionary with the project's additions: a document's language and
 * config pick one; it loads on first use and stays for the run. */
typedef struct shared_speller shared_speller;

typedef struct {
	char *key;
	char *name;            /* the dictionary's name, such as en_US */
	shared_speller *shared;  /* a reference to the speller; NULL: no dictionary */
	cl_speller *speller;   /* shared->speller; NULL: no dictionary (the user was told) */
	/* A translation's source language's speller, whose words pass too
	 * (English terms in a German page); NULL: none. */
	shared_speller *source_shared;
	cl_speller *source;
	UScriptCode scripts[MAX_SCRIPTS];
	int nscripts;
	bool latin;            /* ASCII letters are in the language's script */
	cl_keyset verdicts;    /* word (+ \x01 when a dot follows) -> 1 known, 2 not */
	cl_keyset forbidden;   /* the config's !words (cspell's flagWords), ASCII-lower-cased */
	hot_slot *hot;         /* hot_slots entries in front of verdicts */
	size_t hot_slots;
} profile;

typedef struct {
	profile *profiles;
	size_t nprofiles, cap;
	double suggest_seconds;
	bool budget_noticed;
	cl_buf last_inputs;   /* what picked the last profile, see profile_inputs */
	size_t last_profile;
} spell_state;

void *cl_spell_state_new(void);
void cl_spell_state_free(void *p);

/* The profile for ctx's document: the last one when nothing it depends on
 * changed, else found or made (loading its speller on first use). */
profile *cl_spell_profile_for(cl_check_ctx *ctx, spell_state *state);

/* Is cp in a script p's language is written in (or in none)? */
bool cl_spell_script_covered(const profile *p, UChar32 cp);

/* A speller's error as a notice; payload is the cl_check_ctx. */
void cl_spell_notice_speller_error(void *payload, const char *message);

#endif
