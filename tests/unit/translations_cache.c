/* A source is read and parsed once per run, however many translations
 * point at it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pair.h"
#include "helpers.h"

Test(translations_cache, one_parse_per_source)
{
	char *dir = make_temp_dir(), *path;
	asprintf(&path, "%s/en.md", dir);
	write_file(path, "# Title\n\nText.\n", 15);
	cl_source_cache cache;
	cl_source_cache_init(&cache);
	const cl_source_doc *a = cl_source_cache_get(&cache, path);
	const cl_source_doc *b = cl_source_cache_get(&cache, path);
	cr_assert_eq(a, b);
	cr_assert_eq(cache.count, 1);
	cr_assert_null(a->error);
	cr_assert_eq(a->doc.nblocks, 2);
	const cl_source_doc *missing = cl_source_cache_get(&cache, "no/such/file.md");
	cr_assert_not_null(missing->error);
	cr_assert_eq(cache.count, 2);
	cl_source_cache_dispose(&cache);
	remove_tree(dir);
	free(path);
	free(dir);
}
