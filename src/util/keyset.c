#include "keyset.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "alloc.h"

struct cl_keyset_slot {
	uint64_t hash;
	char *key;   /* NULL: empty slot */
	size_t len;
	size_t value;
};

static size_t find_slot(const cl_keyset_slot *slots, size_t cap, uint64_t hash,
			const char *key, size_t len)
{
	size_t i = (size_t)hash & (cap - 1);
	while (slots[i].key) {
		if (slots[i].hash == hash && slots[i].len == len &&
		    memcmp(slots[i].key, key, len) == 0)
			return i;
		i = (i + 1) & (cap - 1);
	}
	return i;
}

static void rehash(cl_keyset *set, size_t ncap)
{
	cl_keyset_slot *nslots = cl_calloc(ncap, sizeof(*nslots));
	for (size_t i = 0; i < set->cap; i++) {
		if (!set->slots[i].key)
			continue;
		size_t j = (size_t)set->slots[i].hash & (ncap - 1);
		while (nslots[j].key)
			j = (j + 1) & (ncap - 1);
		nslots[j] = set->slots[i];
	}
	free(set->slots);
	set->slots = nslots;
	set->cap = ncap;
}

bool cl_keyset_get(const cl_keyset *set, const char *key, size_t len, size_t *value)
{
	if (!set->cap)
		return false;
	uint64_t hash = XXH3_64bits(key, len);
	size_t i = find_slot(set->slots, set->cap, hash, key, len);
	if (!set->slots[i].key)
		return false;
	if (value)
		*value = set->slots[i].value;
	return true;
}

bool cl_keyset_put(cl_keyset *set, const char *key, size_t len, size_t value, size_t *existing)
{
	if ((set->count + 1) * 4 > set->cap * 3)
		rehash(set, set->cap ? set->cap * 2 : 64);
	uint64_t hash = XXH3_64bits(key, len);
	size_t i = find_slot(set->slots, set->cap, hash, key, len);
	if (set->slots[i].key) {
		if (existing)
			*existing = set->slots[i].value;
		return true;
	}
	set->slots[i].hash = hash;
	set->slots[i].key = cl_strndup(key, len);
	set->slots[i].len = len;
	set->slots[i].value = value;
	set->count++;
	return false;
}

void cl_keyset_dispose(cl_keyset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slots[i].key);
	free(set->slots);
	set->slots = NULL;
	set->cap = set->count = 0;
}

void cl_keyset_each(const cl_keyset *set, void (*fn)(const char *key, size_t len, size_t value, void *payload),
		    void *payload)
{
	for (size_t i = 0; i < set->cap; i++)
		if (set->slots[i].key)
			fn(set->slots[i].key, set->slots[i].len, set->slots[i].value, payload);
}
