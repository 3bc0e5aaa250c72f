/* Which language a block of prose is written in, when that is plainly not
 * the document's: a paragraph left untranslated. Judged by function words
 * ("the", "und", "že"), the cheapest signal that holds up on short text:
 * a paragraph whose function words are all of one other language is in
 * that language. Only the languages in langid.def are told apart. */
#ifndef CL_CHECKS_LANGID_H
#define CL_CHECKS_LANGID_H

#include <stdbool.h>
#include <stddef.h>

#include "../parse/document.h"

#define CL_LANGID_MIN_WORDS 8

typedef struct {
	const char *lang;   /* primary subtag, such as "en" */
	const char *name;   /* English name, such as "English" */
	size_t words;       /* words of prose in the block */
	size_t hits;        /* of them, function words of lang (some shared with others) */
} cl_langid_guess;

/* Languages are BCP 47 tags; their primary subtag counts ("en-GB": "en"). */

/* True when langid tells the language apart from the others. */
bool cl_langid_knows(const char *tag);
/* The English name of a known language, or NULL. */
const char *cl_langid_name(const char *tag);

/* True when block (its prose, spans skipped) has at least
 * CL_LANGID_MIN_WORDS words and is in a known language other than tag's;
 * *guess (may be NULL) says which. */
bool cl_langid_foreign(const cl_block *block, const char *tag, cl_langid_guess *guess);

/* Sets block->foreign on each block of doc that cl_langid_foreign judges
 * to be in another language than tag's. */
void cl_langid_mark(cl_document *doc, const char *tag);

#endif
