#include "git_index_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect/sources.h"

void ix_sh(const fx_repo *r, const char *command)
{
	cr_assert_eq(fx_sh(r->dir, command), 0, "failed: %s", command);
}

typedef struct {
	copylint_config *config;
	copylint_sources *sources;
	int error;
	char *message;
	cl_staged_path taken;
} one_way;

static one_way collect(const char *dir, copylint_scope scope, const char *const *specs, size_t nspecs,
		       bool allow_fast)
{
	one_way way = { NULL, NULL, 0, NULL, CL_STAGED_LIBGIT2 };
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.repository = dir;
	options.scope = scope;
	options.pathspecs = specs;
	options.npathspecs = nspecs;
	copylint_config_new(&way.config);
	copylint_sources_new(&way.sources);
	way.error = cl_git_add_staged(way.sources, way.config, &options, allow_fast, &way.taken);
	way.message = strdup(way.error < 0 ? copylint_error_last() : "");
	return way;
}

static void dispose(one_way *way)
{
	copylint_sources_free(way->sources);
	copylint_config_free(way->config);
	free(way->message);
}

static bool same_string(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void assert_same_source(const cl_source *fast, const cl_source *reference)
{
	cr_assert_str_eq(fast->path, reference->path);
	cr_assert(same_string(fast->config_path, reference->config_path), "%s: config path %s, not %s",
		  fast->path, fast->config_path, reference->config_path);
	cr_assert_eq(fast->len, reference->len, "%s: %zu bytes, not %zu", fast->path, fast->len, reference->len);
	cr_assert(!memcmp(fast->data, reference->data, fast->len), "%s: other bytes", fast->path);
	cr_assert_eq(fast->limit_to_changed, reference->limit_to_changed, "%s", fast->path);
	cr_assert_eq(fast->nchanged, reference->nchanged, "%s: %zu ranges, not %zu", fast->path,
		     fast->nchanged, reference->nchanged);
	for (size_t i = 0; i < fast->nchanged; i++)
		cr_assert(fast->changed[i].start == reference->changed[i].start &&
			  fast->changed[i].end == reference->changed[i].end, "%s: range %zu differs", fast->path, i);
}

static void assert_same(const one_way *fast, const one_way *reference)
{
	cr_assert_eq(fast->error, reference->error, "error %d (%s), not %d (%s)", fast->error, fast->message,
		     reference->error, reference->message);
	cr_assert_str_eq(fast->message, reference->message);
	cr_assert_eq(fast->sources->count, reference->sources->count, "%zu sources, not %zu",
		     fast->sources->count, reference->sources->count);
	for (size_t i = 0; i < fast->sources->count; i++)
		assert_same_source(&fast->sources->items[i], &reference->sources->items[i]);
}

static size_t line_at(const cl_source *source, size_t offset)
{
	size_t line = 1;
	for (size_t i = 0; i < offset && i < source->len; i++)
		line += source->data[i] == '\n';
	return line;
}

/* The changed ranges as lines: "3-4" or "7". */
static void describe_ranges(FILE *stream, const cl_source *source)
{
	if (!source->limit_to_changed) {
		fputs(" all", stream);
		return;
	}
	if (!source->nchanged)
		fputs(" none", stream);
	for (size_t i = 0; i < source->nchanged; i++) {
		size_t first = line_at(source, source->changed[i].start);
		size_t last = line_at(source, source->changed[i].end - 1);
		if (first == last)
			fprintf(stream, " %zu", first);
		else
			fprintf(stream, " %zu-%zu", first, last);
	}
}

static char *describe(const one_way *way)
{
	char *out = NULL;
	size_t len = 0;
	FILE *stream = open_memstream(&out, &len);
	if (way->error < 0)
		fprintf(stream, "error %d: %s", way->error, way->message);
	for (size_t i = 0; way->error == 0 && i < way->sources->count; i++) {
		const cl_source *source = &way->sources->items[i];
		fprintf(stream, "%s:", source->path);
		describe_ranges(stream, source);
		fputc('\n', stream);
	}
	fclose(stream);
	return out;
}

char *ix_both_ways(const char *dir, copylint_scope scope, const char *const *specs, size_t nspecs,
		   cl_staged_path expected)
{
	one_way fast = collect(dir, scope, specs, nspecs, true);
	one_way reference = collect(dir, scope, specs, nspecs, false);
	cr_assert_eq(reference.taken, CL_STAGED_LIBGIT2);
	cr_assert_eq(fast.taken, expected, "took the %s path", fast.taken == CL_STAGED_INDEX ? "index" : "libgit2");
	assert_same(&fast, &reference);
	char *found = describe(&fast);
	dispose(&fast);
	dispose(&reference);
	return found;
}
