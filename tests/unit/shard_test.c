/* --shard K/N: every file in exactly one shard, translations with their
 * source, the union of the shards' findings equal to the whole run's. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect/shard.h"
#include "helpers.h"

static void assert_key(const char *path, const char *expected)
{
	char *key = cl_shard_key(path);
	cr_assert_str_eq(key, expected, "%s: %s", path, key);
	free(key);
}

Test(shard, key_drops_language_segments)
{
	assert_key("content/en/docs/a.md", "content/docs/a.md");
	assert_key("content/pt-br/docs/a.md", "content/docs/a.md");
	assert_key("tldr/pages.fr/common/ls.md", "tldr/pages/common/ls.md");
	assert_key("tldr/pages/common/ls.md", "tldr/pages/common/ls.md");
	assert_key("news/story.de.md", "news/story.md");
	assert_key("de/a.md", "a.md");
	assert_key("api/img/de.md", "api/img/de.md");  /* a file named de.md is no translation */
	assert_key("README.md", "README.md");
}

enum { PAGES = 60, FILES = PAGES * 3 };

static size_t size_of(size_t i)
{
	return 40 + (i * 7919) % 3000;  /* from 40 bytes to 3 KB */
}

/* Which shard of n keeps each file (0: none); a file kept twice fails. */
static void assign(char *const *paths, unsigned n, unsigned *shard_of)
{
	memset(shard_of, 0, FILES * sizeof(unsigned));
	for (unsigned k = 1; k <= n; k++) {
		copylint_sources *sources;
		copylint_sources_new(&sources);
		for (size_t i = 0; i < FILES; i++) {
			char *data = calloc(1, size_of(i));
			copylint_sources_add_buffer(sources, paths[i], data, size_of(i));
			free(data);
		}
		cr_assert_eq(copylint_sources_keep_shard(sources, k, n), 0);
		for (size_t s = 0; s < copylint_sources_count(sources); s++)
			for (size_t i = 0; i < FILES; i++)
				if (!strcmp(paths[i], copylint_sources_path(sources, s))) {
					cr_assert_eq(shard_of[i], 0, "N=%u: %s in shards %u and %u", n, paths[i], shard_of[i], k);
					shard_of[i] = k;
				}
		copylint_sources_free(sources);
	}
}

Test(shard, every_file_in_exactly_one_shard_with_its_translations)
{
	char *paths[FILES];
	unsigned shard_of[FILES];
	for (int i = 0; i < PAGES; i++) {
		asprintf(&paths[3 * i], "content/en/page-%d.md", i);
		asprintf(&paths[3 * i + 1], "content/de/page-%d.md", i);
		asprintf(&paths[3 * i + 2], "content/page-%d.cs.md", i);
	}
	const unsigned ns[] = { 1, 2, 7 };
	for (size_t t = 0; t < 3; t++) {
		unsigned n = ns[t];
		size_t weight[8] = { 0 }, total = 0, biggest = 0;
		assign(paths, n, shard_of);
		for (size_t i = 0; i < FILES; i++) {
			cr_assert_neq(shard_of[i], 0, "N=%u: %s in no shard", n, paths[i]);
			cr_assert_eq(shard_of[i], shard_of[i - i % 3], "N=%u: %s apart from its source", n, paths[i]);
			weight[shard_of[i]] += size_of(i) + 1;
			total += size_of(i) + 1;
		}
		for (size_t i = 0; i < FILES; i += 3) {
			size_t group = size_of(i) + size_of(i + 1) + size_of(i + 2) + 3;
			biggest = group > biggest ? group : biggest;
		}
		for (unsigned k = 1; k <= n; k++)  /* balanced: within one group of an equal share */
			cr_assert(weight[k] + biggest >= total / n && weight[k] <= total / n + biggest,
				  "N=%u: shard %u weighs %zu of %zu", n, k, weight[k], total);
	}
	for (int i = 0; i < FILES; i++)
		free(paths[i]);
}

Test(shard, bad_shards_are_refused)
{
	copylint_sources *sources;
	copylint_sources_new(&sources);
	cr_assert_eq(copylint_sources_keep_shard(sources, 0, 2), COPYLINT_EINVALID);
	cr_assert_eq(copylint_sources_keep_shard(sources, 3, 2), COPYLINT_EINVALID);
	cr_assert_eq(copylint_sources_keep_shard(sources, 1, 0), COPYLINT_EINVALID);
	cr_assert_eq(copylint_sources_keep_shard(sources, 1, COPYLINT_SHARD_MAX + 1), COPYLINT_EINVALID);
	cr_assert_eq(copylint_sources_keep_shard(sources, 1, 1), 0);  /* nothing to share is fine */
	copylint_sources_free(sources);
}
