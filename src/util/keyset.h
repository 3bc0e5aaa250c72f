/* A set of byte strings, each mapped to the first value stored under it.
 * Used for "seen before?" questions (duplicate sentences, headings, cached
 * words): open addressing keyed by XXH3, keys copied and compared in full so
 * that a hash collision is never a false duplicate. */
#ifndef CL_UTIL_KEYSET_H
#define CL_UTIL_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cl_keyset_slot cl_keyset_slot;

typedef struct {
	cl_keyset_slot *slots;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} cl_keyset;

#define CL_KEYSET_INIT { NULL, 0, 0 }

/* Looks key up; when absent, stores it with value. Returns true when the key
 * was already there, and puts its stored value in *existing. */
bool cl_keyset_put(cl_keyset *set, const char *key, size_t len, size_t value, size_t *existing);
bool cl_keyset_get(const cl_keyset *set, const char *key, size_t len, size_t *value);
void cl_keyset_dispose(cl_keyset *set);
/* Calls fn on every key and its value, in no particular order. */
void cl_keyset_each(const cl_keyset *set, void (*fn)(const char *key, size_t len, size_t value, void *payload),
		    void *payload);

#endif
