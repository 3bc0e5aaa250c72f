/* UTF-8 helpers. Byte offsets are the truth everywhere in copylint; these
 * decode without ever reading past len and treat every ill-formed sequence
 * as one U+FFFD per maximal subpart (as ICU and the Unicode standard do). */
#ifndef CL_TEXT_UTF8_H
#define CL_TEXT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

#define CL_REPLACEMENT_CHAR 0xFFFDu

/* Decodes one code point at s (len > 0). Returns the bytes consumed (1-4);
 * an ill-formed sequence yields U+FFFD and *valid = false. */
size_t cl_utf8_decode(const char *s, size_t len, uint32_t *cp, bool *valid);

/* Encodes cp into out (4 bytes room); returns the length. */
size_t cl_utf8_encode(uint32_t cp, char *out);

/* Returns the count of ill-formed sequences; *first_bad is the offset of the
 * first (len when none). */
size_t cl_utf8_validate(const char *s, size_t len, size_t *first_bad);

/* Whether every byte of s[0..len) is ASCII. */
bool cl_utf8_is_ascii(const char *s, size_t len);

/* Number of code points in s[0..len). */
size_t cl_utf8_count(const char *s, size_t len);

/* A copy of s in which every ill-formed sequence became U+FFFD; always
 * valid UTF-8, NUL-terminated. Used for text that leaves copylint. */
char *cl_utf8_sanitize(const char *s, size_t len);

/* Appends to out what emit makes of each character of s[0..len); an
 * ill-formed sequence comes as U+FFFD with valid = false and raw pointing at
 * its bytes. The one loop behind every escaper that works per character. */
typedef void (*cl_utf8_emit)(cl_buf *out, uint32_t cp, bool valid, const char *raw, size_t n);
void cl_utf8_map(cl_buf *out, const char *s, size_t len, cl_utf8_emit emit);

/* Letters of Latin-1, Latin Extended-A and -B (U+00C0 to U+024F but the
 * signs × and ÷): most European copy, classified without ICU's tables in
 * the loops that look at every character. All of them are alphabetic and
 * in the Latin script; their case still needs ICU. */
static inline bool cl_is_latin_letter(uint32_t cp)
{
	return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

/* The characters the Latin fast paths (word breaks, comparison keys) keep
 * a table of ICU's answers for: U+0000 to U+024F, then General Punctuation
 * (U+2000 to U+206F). An index into such a table, or -1 for any other
 * character; and the character at an index. */
#define CL_LATIN_TABLE_SIZE (0x250 + 0x70)

static inline long cl_latin_table_index(uint32_t cp)
{
	if (cp < 0x250)
		return (long)cp;
	return cp >= 0x2000 && cp < 0x2070 ? (long)(cp - 0x2000 + 0x250) : -1;
}

static inline uint32_t cl_latin_table_char(size_t index)
{
	return index < 0x250 ? (uint32_t)index : (uint32_t)(index - 0x250 + 0x2000);
}

#endif
