/* Any pattern and path (split at the first newline): the automaton in
 * src/config/glob.c never crashes, and agrees with the old backtracking
 * matcher wherever that one finishes quickly (few stars). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config/glob.h"
#include "glob_reference.h"

#define REFERENCE_MAX_STARS 5
#define REFERENCE_MAX_PATH 64  /* the old matcher is exponential in stars, polynomial in path length */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count_stars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '*';
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	char *path = strchr(text, '\n');
	if (path)
		*path++ = '\0';
	else
		path = text + strlen(text);
	bool got = cl_glob_match(text, path);
	if (count_stars(text) <= REFERENCE_MAX_STARS && strlen(text) < 256 && strlen(path) <= REFERENCE_MAX_PATH &&
	    got != reference_glob_match(text, path))
		abort();
	free(text);
	return 0;
}
