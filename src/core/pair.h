/* Translations in a run: the source documents, read and parsed once per run
 * however many translations point at them (a cache keyed by path, shared by
 * the worker threads), and the pairing of one translation. */
#ifndef CL_CORE_PAIR_H
#define CL_CORE_PAIR_H

#include <pthread.h>

#include "copylint/copylint.h"
#include "../collect/sources.h"
#include "../parse/document.h"
#include "../util/keyset.h"

typedef struct {
	char *path;
	char *data;
	size_t len;
	cl_document doc;
	char *error;  /* why it could not be read; doc is then empty */
} cl_source_doc;

typedef struct {
	pthread_mutex_t lock;
	cl_keyset index;  /* path -> place in items */
	cl_source_doc **items;
	size_t count, cap;
} cl_source_cache;

void cl_source_cache_init(cl_source_cache *cache);
void cl_source_cache_dispose(cl_source_cache *cache);
/* The parsed source at path; borrowed for the life of the cache. */
const cl_source_doc *cl_source_cache_get(cl_source_cache *cache, const char *path);

/* The parsed source of the translation source (path: as reported), or
 * NULL when it is not a translation with an existing counterpart. A
 * translation read from git (--staged, --diff) has its source from the same
 * snapshot (source->snapshot_source, collected in src/collect/git_pairs.c).
 * Tells
 * notices once: which well-known layout paired files, a source language
 * matching no folder, a source that cannot be read. */
const cl_source_doc *cl_pair_source_of(cl_source_cache *cache, const copylint_config *config,
				       const cl_source *source, const char *path, copylint_results *notices);

#endif
