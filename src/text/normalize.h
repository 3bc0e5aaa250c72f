/* Comparison keys for "is this the same text?": NFKC case folding (NFC,
 * case folding and compatibility forms such as U+00A0 in one ICU pass),
 * then every run of white space becomes one space, typographic quotes
 * become ASCII ones, and the ends are trimmed. */
#ifndef CL_TEXT_NORMALIZE_H
#define CL_TEXT_NORMALIZE_H

#include <stddef.h>

#include "../util/buf.h"

/* Writes the key of s[0..len) into out (cleared first). Returns 0, or -1
 * when ICU fails (the error is set). */
int cl_text_key(cl_buf *out, const char *s, size_t len);
/* The same, always through ICU: ASCII and Latin text take faster paths
 * (character by character, with ICU's own forms), tested against it. */
int cl_text_key_icu(cl_buf *out, const char *s, size_t len);

/* NFC of s[0..len) into out (cleared first). */
int cl_text_nfc(cl_buf *out, const char *s, size_t len);

/* Frees this thread's UTF-16 scratch space (call when a worker ends). */
void cl_text_release_scratch(void);

#endif
