/* Words a document marks as terms of its own, and what a cspell user writes
 * into a file for the spell checker. Pure functions over a document. */
#ifndef CL_CHECKS_SPELLING_TERMS_H
#define CL_CHECKS_SPELLING_TERMS_H

#include <stdbool.h>
#include <stddef.h>

#include "../parse/document.h"
#include "../util/keyset.h"
#include "spelling_skip.h"

/* The terms of doc, ASCII-lower-cased, into terms: the words of its inline
 * code, the commands of its shell code blocks (the first word of each
 * line, after a prompt and sudo), and the words of its file name
 * (`impacket-gettgt.md`: impacket, gettgt). */
void cl_spell_collect_terms(const cl_document *doc, cl_keyset *terms);

/* Is word [s, s+len) one of the terms, ignoring ASCII case? */
bool cl_spell_is_term(const cl_keyset *terms, const char *s, size_t len);

/* cspell's in-file settings, in comments or front matter:
 * `cspell:words` / `cspell:ignore` (also `cSpell:`, `spell-checker:`) add
 * words to words as terms are (ASCII-lower-cased: cspell ignores case); `cspell:disable` ... `cspell:enable` and
 * `cspell:disable-next-line` give source byte ranges not to check, sorted,
 * in *off (capacity *cap, reused). */
void cl_spell_read_cspell_inline(const cl_document *doc, cl_keyset *words, cl_text_range **off, size_t *n,
				 size_t *cap);

#endif
