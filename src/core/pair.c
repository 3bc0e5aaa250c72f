#include "pair.h"

#include <stdlib.h>
#include <string.h>

#include "../collect/pairs.h"
#include "../collect/sources.h"
#include "../parse/parse.h"
#include "../text/utf8.h"
#include "../report/results.h"
#include "../util/alloc.h"

void cl_source_cache_init(cl_source_cache *cache)
{
	memset(cache, 0, sizeof(*cache));
	pthread_mutex_init(&cache->lock, NULL);
}

static void source_doc_free(cl_source_doc *s)
{
	if (s->data)
		cl_document_dispose(&s->doc);
	free(s->data);
	free(s->error);
	free(s->path);
	free(s);
}

void cl_source_cache_dispose(cl_source_cache *cache)
{
	for (size_t i = 0; i < cache->count; i++)
		source_doc_free(cache->items[i]);
	free(cache->items);
	cl_keyset_dispose(&cache->index);
	pthread_mutex_destroy(&cache->lock);
}

static void parse(cl_source_doc *s)
{
	cl_document_init(&s->doc, s->path, s->data, s->len, cl_format_for_path(s->path));
	s->doc.invalid_utf8_count = cl_utf8_validate(s->data, s->len, &s->doc.first_invalid_utf8);
	cl_parse_document(&s->doc);
}

static cl_source_doc *load(const char *path, const cl_source *snapshot)
{
	cl_source_doc *s = cl_calloc(1, sizeof(*s));
	cl_source src = { 0 };
	s->path = cl_strdup(path);
	if (snapshot) {  /* bytes read from git, checked for NUL there */
		s->data = cl_malloc(snapshot->snapshot_len + 1);
		memcpy(s->data, snapshot->snapshot_data, snapshot->snapshot_len + 1);
		s->len = snapshot->snapshot_len;
		parse(s);
		return s;
	}
	src.path = s->path;
	src.fs_path = s->path;
	if (cl_source_read(&src, &s->data, &s->len, &s->error) < 0)
		return s;
	if (memchr(s->data, '\0', s->len)) {
		s->error = cl_sprintf("%s: binary file", path);
		free(s->data);
		s->data = NULL;
		return s;
	}
	parse(s);
	return s;
}

/* The source at path, read from the file or, when snapshot is not NULL,
 * taken from its git snapshot bytes (one run reads one snapshot, so the
 * path is key enough). */
static const cl_source_doc *cache_get(cl_source_cache *cache, const char *path, const cl_source *snapshot)
{
	size_t at;
	pthread_mutex_lock(&cache->lock);
	if (!cl_keyset_get(&cache->index, path, strlen(path), &at)) {
		CL_GROW(cache->items, cache->cap, cache->count + 1);
		at = cache->count;
		cache->items[cache->count++] = load(path, snapshot);
		cl_keyset_put(&cache->index, path, strlen(path), at, NULL);
	}
	const cl_source_doc *s = cache->items[at];
	pthread_mutex_unlock(&cache->lock);
	return s;
}

const cl_source_doc *cl_source_cache_get(cl_source_cache *cache, const char *path)
{
	return cache_get(cache, path, NULL);
}

static void say_layout(const cl_pair *pair, const copylint_config *config, copylint_results *notices)
{
	char *message = cl_sprintf("translations: paired by the well-known layout %s (source language %s); "
				   "set translations: in .copylint.yml to choose", pair->layout,
				   cl_pair_source_language(config));
	cl_results_add_notice(notices, message);
	free(message);
}

static const cl_source_doc *by_layout(cl_source_cache *cache, const copylint_config *config, const char *path,
				      copylint_results *notices)
{
	cl_pair pair;
	const cl_source_doc *found = NULL;
	cl_pair_find(config, path, &pair);
	if (pair.problem)
		cl_results_add_notice(notices, pair.problem);
	if (pair.status == CL_PAIR_FOUND) {
		found = cl_source_cache_get(cache, pair.source);
		if (pair.well_known)
			say_layout(&pair, config, notices);
	}
	cl_pair_dispose(&pair);
	return found;
}

const cl_source_doc *cl_pair_source_of(cl_source_cache *cache, const copylint_config *config,
				       const cl_source *source, const char *path, copylint_results *notices)
{
	const cl_source_doc *found = NULL;
	if (source->snapshot_error)
		cl_results_add_notice(notices, source->snapshot_error);
	if (source->snapshot_source)
		found = cache_get(cache, source->snapshot_source, source);
	else if (source->translation_source)
		found = cl_source_cache_get(cache, source->translation_source);
	else if (source->fs_path)
		found = by_layout(cache, config, source->fs_path, notices);
	if (found && found->error) {
		char *message = cl_sprintf("%s: its source cannot be read (%s): checked alone", path, found->error);
		cl_results_add_notice(notices, message);
		free(message);
	}
	return found;
}
