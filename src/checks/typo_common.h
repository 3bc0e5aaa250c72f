/* Helpers shared by the formatting rules (timestamp, date-format,
 * punctuation-spacing, unbalanced-pair, whitespace, invisible-character,
 * mixed-script, run-together-list): code points around a byte offset,
 * what counts as prose, reporting in block coordinates, naming characters. */
#ifndef CL_CHECKS_TYPO_COMMON_H
#define CL_CHECKS_TYPO_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rule.h"

#define TYPO_NBSP 0x00A0u
#define TYPO_NNBSP 0x202Fu

uint32_t typo_cp_decode(const char *text, size_t len, size_t at, size_t *size);

/* The code point at text[at] (0 at the end) and its length in *size.
 * Inline: the formatting rules call it on every character. */
static inline uint32_t typo_cp_at(const char *text, size_t len, size_t at, size_t *size)
{
	if (at >= len) {
		*size = 0;
		return 0;
	}
	if ((unsigned char)text[at] < 0x80) {
		*size = 1;
		return (unsigned char)text[at];
	}
	return typo_cp_decode(text, len, at, size);
}
/* The code point that ends just before at (0 at the start); its first byte
 * in *start. */
uint32_t typo_cp_before(const char *text, size_t at, size_t *start);

bool typo_is_letter(uint32_t cp);
bool typo_is_digit(uint32_t cp);
/* Ordinary white space, not the no-break ones. */
bool typo_is_plain_space(uint32_t cp);
bool typo_is_nbsp(uint32_t cp);

/* Is block text [start, end) prose: outside code, URLs, HTML and math
 * spans and raw HTML code elements (<code>, <kbd>, <samp>, <var>, <tt>,
 * <pre>), and not inside a bare URL, e-mail address or file path written
 * in plain text? */
bool typo_is_prose(const cl_block *block, size_t start, size_t end);

/* The kind (cl_span_kind) of the non-prose span holding block text byte
 * at, or -1 when at is prose. */
int typo_span_at(const cl_block *block, size_t at);

/* Reports block text [start, end); takes message. */
cl_finding *typo_report(cl_check_ctx *ctx, const cl_block *block, size_t start, size_t end, char *message);
/* Offers replacing block text [start, end) with text as the fix. */
void typo_fix(cl_finding *finding, const cl_block *block, size_t start, size_t end, const char *text);

/* "U+0430 CYRILLIC SMALL LETTER A" into buf. */
const char *typo_char_name(uint32_t cp, char *buf, size_t size);

/* Whether the document's region subtag is region ("CA" for "fr-CA"),
 * ignoring case. */
bool typo_region_is(const cl_check_ctx *ctx, const char *region);

#endif
