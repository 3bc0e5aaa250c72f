#include "pair.h"

#include <stdlib.h>
#include <string.h>

#include "../collect/sources.h"
#include "../parse/parse.h"
#include "../text/utf8.h"
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

static cl_source_doc *load(const char *path)
{
	cl_source_doc *s = cl_calloc(1, sizeof(*s));
	cl_source src = { 0 };
	s->path = cl_strdup(path);
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
	cl_document_init(&s->doc, s->path, s->data, s->len, cl_format_for_path(s->path));
	s->doc.invalid_utf8_count = cl_utf8_validate(s->data, s->len, &s->doc.first_invalid_utf8);
	cl_parse_document(&s->doc);
	return s;
}

const cl_source_doc *cl_source_cache_get(cl_source_cache *cache, const char *path)
{
	size_t at;
	pthread_mutex_lock(&cache->lock);
	if (!cl_keyset_get(&cache->index, path, strlen(path), &at)) {
		CL_GROW(cache->items, cache->cap, cache->count + 1);
		at = cache->count;
		cache->items[cache->count++] = load(path);
		cl_keyset_put(&cache->index, path, strlen(path), at, NULL);
	}
	const cl_source_doc *s = cache->items[at];
	pthread_mutex_unlock(&cache->lock);
	return s;
}
