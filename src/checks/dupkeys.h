/* Shared by the duplicated-text rules: normalised keys of blocks and
 * sentences, and which paragraphs repeat an earlier one. */
#ifndef CL_CHECKS_DUPKEYS_H
#define CL_CHECKS_DUPKEYS_H

#include "rule.h"

#define CL_DUP_MIN_WORDS 5

/* Words in s[0..len): runs of non-space that hold a letter or a digit. */
size_t cl_dup_count_words(const char *s, size_t len);

/* Trims white space from both ends of block text [*start, *end). */
void cl_dup_trim(const char *text, size_t *start, size_t *end);

/* For every block, first_copy[i] is the index of the earlier block whose
 * whole text it repeats (a paragraph-like block of CL_DUP_MIN_WORDS words or
 * more), or -1. Caller frees the array. Headings and front-matter fields
 * never count: they have rules of their own. */
long *cl_dup_paragraph_copies(const cl_document *doc);

/* True for blocks the duplicate rules compare. */
bool cl_dup_is_body_block(const cl_block *block);

/* A short, quoted excerpt of text for messages (caller frees). */
char *cl_dup_quote(const char *text, size_t len);

#endif
