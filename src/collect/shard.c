/* --shard K/N: a stable, balanced share of the sources. Files are grouped
 * by their path without its language segments (so that a source and its
 * translations stay together), the groups ordered by a hash of that key,
 * and the order cut into N runs of about equal total size. Every job of a
 * sharded run gathers the same sources and so cuts them the same way. */
#include "shard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "../core/language.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "sources.h"

/* Does seg (len bytes; the file name when is_file) name a language the way
 * cl_language_from_path reads paths? */
static bool names_language(const char *seg, size_t len, bool is_file)
{
	char tag[16];
	char *piece = cl_sprintf("%.*s%s", (int)len, seg, is_file ? "" : "/");
	bool found = cl_language_from_path(piece, tag, sizeof(tag)) != NULL;
	free(piece);
	return found;
}

/* The bytes of seg to drop: all of "de", ".fr" of "pages.fr", ".de" of
 * "index.de.md". */
static void language_part(const char *seg, size_t len, bool is_file, size_t *start, size_t *end)
{
	size_t stop = len;
	if (is_file)
		while (stop > 0 && seg[--stop] != '.')
			;
	size_t dot = stop;
	while (dot > 0 && seg[dot - 1] != '.')
		dot--;
	*start = dot ? dot - 1 : 0;
	*end = dot ? stop : len + (is_file ? 0 : 1);  /* a whole folder: its slash too */
}

char *cl_shard_key(const char *path)
{
	cl_buf key = CL_BUF_INIT;
	for (const char *seg = path; *seg;) {
		const char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg), start = len, end = len;
		if (names_language(seg, len, !slash))
			language_part(seg, len, !slash, &start, &end);
		cl_buf_put(&key, seg, start);
		size_t full = len + (slash ? 1 : 0);
		if (end < full)
			cl_buf_put(&key, seg + end, full - end);
		if (!slash)
			break;
		seg = slash + 1;
	}
	return cl_buf_detach(&key);
}

typedef struct {
	uint64_t hash;
	char *key;
	uint64_t weight;  /* bytes + 1: empty files count too */
	size_t index;     /* in the sources */
} shard_entry;

static int compare_entries(const void *pa, const void *pb)
{
	const shard_entry *a = pa, *b = pb;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	int c = strcmp(a->key, b->key);
	return c ? c : a->index < b->index ? -1 : a->index > b->index;
}

static uint64_t source_weight(const cl_source *source)
{
	struct stat st;
	if (source->data)
		return (uint64_t)source->len + 1;
	if (source->fs_path && !source->error && stat(source->fs_path, &st) == 0 && st.st_size > 0)
		return (uint64_t)st.st_size + 1;
	return 1;
}

/* Each group of one key goes, whole, to the shard its middle falls in when
 * the total weight is cut into count equal runs. */
static void assign_shards(shard_entry *entries, size_t n, unsigned count, unsigned *shard_of)
{
	uint64_t total = 0, before = 0;
	for (size_t i = 0; i < n; i++)
		total += entries[i].weight;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint64_t weight = 0;
		for (; j < n && !strcmp(entries[j].key, entries[i].key); j++)
			weight += entries[j].weight;
		unsigned shard = (unsigned)((2 * before + weight) * count / (2 * total));
		for (; i < j; i++)
			shard_of[entries[i].index] = shard + 1;
		before += weight;
	}
}

int copylint_sources_keep_shard(copylint_sources *sources, unsigned shard, unsigned count)
{
	if (count < 1 || count > COPYLINT_SHARD_MAX || shard < 1 || shard > count)
		return cl_error_set(COPYLINT_EINVALID, "shard %u of %u: the shard must be from 1 to the count, at most %u",
				    shard, count, COPYLINT_SHARD_MAX);
	size_t n = sources->count;
	shard_entry *entries = cl_calloc(n ? n : 1, sizeof(shard_entry));
	unsigned *shard_of = cl_calloc(n ? n : 1, sizeof(unsigned));
	for (size_t i = 0; i < n; i++) {
		entries[i].key = cl_shard_key(sources->items[i].path);
		entries[i].hash = XXH3_64bits(entries[i].key, strlen(entries[i].key));
		entries[i].weight = source_weight(&sources->items[i]);
		entries[i].index = i;
	}
	qsort(entries, n, sizeof(shard_entry), compare_entries);
	assign_shards(entries, n, count, shard_of);
	/* The sources of other shards move to a list of their own, freed whole. */
	copylint_sources *dropped;
	copylint_sources_new(&dropped);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		cl_source *item = &sources->items[i];
		if (shard_of[i] == shard) {
			sources->items[kept++] = *item;
		} else {
			CL_GROW(dropped->items, dropped->cap, dropped->count + 1);
			dropped->items[dropped->count++] = *item;
		}
	}
	sources->count = kept;
	copylint_sources_free(dropped);
	for (size_t i = 0; i < n; i++)
		free(entries[i].key);
	free(entries);
	free(shard_of);
	return 0;
}
