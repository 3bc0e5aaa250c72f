/* Does a word of a block pass the spelling rule: not a word to check, or
 * one the dictionaries, the file's words or the document's terms know, as
 * written or in a variant (other apostrophe, possessive, elided article)?
 * Verdicts are cached in the profile. */
#ifndef CL_CHECKS_SPELLING_WORD_H
#define CL_CHECKS_SPELLING_WORD_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "../util/keyset.h"
#include "rule.h"
#include "spelling_profile.h"
#include "spelling_skip.h"

/* What one document's check needs at hand. */
typedef struct {
	cl_check_ctx *ctx;
	spell_state *state;
	profile *profile;
	const cl_block *block;
	cl_keyset inline_words;
	cl_keyset terms;       /* the document's own terms and cspell words, see spelling_terms.h */
	cl_text_range *off;    /* source ranges cspell:disable turns off */
	size_t noff, off_cap;
	size_t acronym_length;
	bool english;
	bool elision;          /* French, Italian, Catalan: l’, d’ before a word */
	cl_buf variant;
} spell_run;

/* Does block text [start, end) pass? */
bool cl_spell_word_passes(spell_run *run, size_t start, size_t end);

/* Does the document's main dictionary know [s, s+len) as written? */
bool cl_spell_speller_knows(spell_run *run, const char *s, size_t len);

/* An elided article or pronoun before an apostrophe (l’, d’, dell’);
 * *rest is where the word after it starts. */
bool cl_spell_elided(const char *s, size_t len, size_t *rest);

#endif
