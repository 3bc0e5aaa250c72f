/* What the spelling rule does not read as words: stretches of a block
 * between spaces that are URLs, e-mail addresses, @handles, #hashtags,
 * paths or file names, and {…} regions (shortcodes, heading ids,
 * templates). Pure functions over block text. */
#ifndef CL_CHECKS_SPELLING_SKIP_H
#define CL_CHECKS_SPELLING_SKIP_H

#include <stdbool.h>
#include <stddef.h>

#include "../parse/document.h"

typedef struct {
	size_t start, end;
} cl_text_range;

/* The sorted, non-overlapping ranges of block text that are not prose;
 * *ranges (capacity *cap) is reused between calls. */
void cl_spell_find_skips(const cl_block *block, cl_text_range **ranges, size_t *n, size_t *cap);

/* name.ext inside one word ("systemd.exec", "index.html", "e.g"): a file
 * or host name. */
bool cl_spell_has_file_extension(const char *s, size_t len);

#endif
