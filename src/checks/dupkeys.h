/* Shared by the duplicated-text rules: normalised keys of blocks and
 * sentences, and which paragraphs repeat an earlier one. */
#ifndef CL_CHECKS_DUPKEYS_H
#define CL_CHECKS_DUPKEYS_H

#include "rule.h"
#include "../util/buf.h"

/* Which repeats are reported (README, "Duplicates"): a copy of five prose
 * words or more (code, URLs and markup do not count) in the same section
 * (no heading between the copies, nor a short paragraph without a final
 * mark that names what follows, as a definition's term does); a copy
 * shorter than eight words only when it comes within three sentences
 * (blocks, for duplicate-paragraph) of the one before. Reference pages
 * repeat short items, notes and instructions from section to section on
 * purpose; a pipeline that emits a segment twice does so in a row. */
#define CL_DUP_MIN_WORDS 5
#define CL_DUP_LONG_WORDS 8
#define CL_DUP_NEAR 3
#define CL_DUP_TERM_WORDS 12

/* Words in s[0..len): runs of non-space that hold a letter or a digit. */
size_t cl_dup_count_words(const char *s, size_t len);
/* Words of block text [start, end) outside non-prose spans. */
size_t cl_dup_prose_words(const cl_block *block, size_t start, size_t end);

/* Trims white space from both ends of block text [*start, *end). */
void cl_dup_trim(const char *text, size_t *start, size_t *end);

/* The comparison key of block text [start, end), with comments (HTML, MDX)
 * left out: `## Notes <!-- a -->` and `## Notes <!-- b -->` are one
 * heading. scratch is working space. Returns 0, or -1 when ICU fails. */
int cl_dup_key(cl_buf *key, cl_buf *scratch, const cl_block *block, size_t start, size_t end);

/* For every block, the index of the block that opens its section (a
 * heading or a term), or (size_t)-1. Caller frees the array. */
size_t *cl_dup_sections(const cl_document *doc);

/* Is a copy in block later of `words` words, `apart` sentences or blocks
 * after the copy before it in block earlier, a repeat to report (the
 * policy above)? */
bool cl_dup_near(const size_t *sections, size_t earlier, size_t later, size_t apart, size_t words);

/* For every block, first_copy[i] is the index of the earlier block whose
 * whole text it repeats, when cl_dup_near holds between the two; else -1.
 * Caller frees the array. Headings, front-matter fields and table cells
 * never count (headings have a rule of their own; cells repeat values). */
long *cl_dup_paragraph_copies(const cl_document *doc);

/* True for blocks the duplicate rules compare. */
bool cl_dup_is_body_block(const cl_block *block);

/* A short, quoted excerpt of text for messages (caller frees). */
char *cl_dup_quote(const char *text, size_t len);

#endif
