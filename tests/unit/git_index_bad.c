/* Bad index files: the fast path's reader (cl_index_staged) never reads
 * out of bounds and leaves what it cannot read to libgit2, whose error the
 * user then gets. Run under the sanitizers (ci/test.sh --sanitize). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect/index.h"
#include "git_index_fixture.h"
#include "helpers.h"

#define ARTICLE "# Title\n\nLine three.\n\nLine five.\n\nLine seven.\n"

typedef struct {
	fx_repo r;
	char *index_path;
	char *bytes;     /* the good index file */
	size_t len;
	git_tree *head;
} bad_fixture;

/* A repository with one staged edit, and its index file's bytes; version
 * 4 compresses the paths, version 3 has a skip-worktree entry. */
static bad_fixture setup_version(int version)
{
	bad_fixture f = { fx_init(), NULL, NULL, 0, NULL };
	char command[128];
	fx_write(&f.r, "docs/a.md", ARTICLE);
	fx_write(&f.r, "docs/sub/b.md", ARTICLE);
	fx_write(&f.r, "top.md", ARTICLE);
	ix_sh(&f.r, "git add -A && git commit -qm first && printf 'More.\\n' >> docs/sub/b.md && git add -A");
	snprintf(command, sizeof(command), version == 3 ? "git update-index --skip-worktree top.md" :
		 "git update-index --index-version %d", version);
	ix_sh(&f.r, command);
	f.index_path = fx_path(&f.r, ".git/index");
	f.bytes = read_file(f.index_path, &f.len);
	cr_assert(f.bytes && f.len > 100);
	git_object *tree;
	cr_assert_eq(git_revparse_single(&tree, f.r.repo, "HEAD^{tree}"), 0);
	f.head = (git_tree *)tree;
	return f;
}

static bad_fixture setup(void)
{
	return setup_version(2);
}

static void teardown(bad_fixture *f)
{
	git_tree_free(f->head);
	free(f->bytes);
	free(f->index_path);
	fx_free(&f->r);
}

/* cl_index_staged on these bytes; each change it gives must be sane. */
static int read_bytes(bad_fixture *f, const char *bytes, size_t len)
{
	cl_index *index;
	write_file(f->index_path, bytes, len);
	int handled = cl_index_staged(&index, f->index_path, f->r.repo, f->head);
	size_t count = 0;
	const cl_index_change *changes = handled == 0 ? cl_index_changes(index, &count) : NULL;
	for (size_t i = 0; i < count; i++)
		cr_assert(strlen(changes[i].path) > 0);
	cl_index_free(index);
	return handled;
}

Test(git_index_bad, the_good_file_is_handled)
{
	bad_fixture f = setup();
	cl_index *index;
	size_t count;
	cr_assert_eq(cl_index_staged(&index, f.index_path, f.r.repo, f.head), 0);
	const cl_index_change *changes = cl_index_changes(index, &count);
	cr_assert_eq(count, 1);
	cr_assert_str_eq(changes[0].path, "docs/sub/b.md");
	cr_assert(!changes[0].added);
	cl_index_free(index);
	teardown(&f);
}

Test(git_index_bad, every_truncation_is_left_to_libgit2)
{
	bad_fixture f = setup();
	for (size_t len = 0; len < f.len; len++)
		cr_assert_eq(read_bytes(&f, f.bytes, len), CL_INDEX_NOT_HANDLED, "truncated to %zu bytes", len);
	teardown(&f);
}

/* Every byte changed in turn: read or left to libgit2, never a crash. */
Test(git_index_bad, every_byte_flipped)
{
	bad_fixture f = setup();
	char *copy = malloc(f.len);
	for (size_t at = 0; at < f.len; at++) {
		memcpy(copy, f.bytes, f.len);
		copy[at] = (char)(copy[at] ^ 0xff);
		int handled = read_bytes(&f, copy, f.len);
		cr_assert(handled == 0 || handled == CL_INDEX_NOT_HANDLED);
	}
	free(copy);
	teardown(&f);
}

static void truncate_and_flip(int version)
{
	bad_fixture f = setup_version(version);
	cr_assert_eq(f.bytes[7], version);
	cr_assert_eq(read_bytes(&f, f.bytes, f.len), 0);
	char *copy = malloc(f.len);
	for (size_t at = 0; at < f.len; at++) {
		cr_assert_eq(read_bytes(&f, f.bytes, at), CL_INDEX_NOT_HANDLED, "truncated to %zu bytes", at);
		memcpy(copy, f.bytes, f.len);
		copy[at] = (char)(copy[at] ^ 0x5a);
		int handled = read_bytes(&f, copy, f.len);
		cr_assert(handled == 0 || handled == CL_INDEX_NOT_HANDLED);
	}
	free(copy);
	teardown(&f);
}

Test(git_index_bad, version_3_truncated_and_flipped)
{
	truncate_and_flip(3);
}

Test(git_index_bad, version_4_truncated_and_flipped)
{
	truncate_and_flip(4);
}

Test(git_index_bad, a_missing_file_is_left_to_libgit2)
{
	bad_fixture f = setup();
	cl_index *index;
	char *missing = fx_path(&f.r, ".git/no-such-index");
	cr_assert_eq(cl_index_staged(&index, missing, f.r.repo, f.head), CL_INDEX_NOT_HANDLED);
	cr_assert_null(index);
	free(missing);
	teardown(&f);
}

/* A cache-tree nested deeper than any tree: the recursion is bounded. */
Test(git_index_bad, a_deep_cache_tree)
{
	bad_fixture f = setup();
	const char header[] = "DIRC\0\0\0\2\0\0\0\0TREE";
	size_t depth = 100000, size = 6 + 7 * depth;
	char *bytes = calloc(1, sizeof(header) - 1 + 4 + size + 20);
	memcpy(bytes, header, sizeof(header) - 1);
	char *at = bytes + sizeof(header) - 1;
	*at++ = (char)(size >> 24), *at++ = (char)(size >> 16), *at++ = (char)(size >> 8), *at++ = (char)size;
	memcpy(at, "\0-1 1\n", 6);
	for (size_t i = 0; i < depth; i++)
		memcpy(at + 6 + 7 * i, i + 1 < depth ? "a\0-1 1\n" : "a\0-1 0\n", 7);
	cr_assert_eq(read_bytes(&f, bytes, sizeof(header) - 1 + 4 + size + 20), CL_INDEX_NOT_HANDLED);
	free(bytes);
	teardown(&f);
}

/* Through --staged: the libgit2 path reports what is wrong, exit 2. */
Test(git_index_bad, garbage_is_the_libgit2_error)
{
	bad_fixture f = setup();
	const char *const garbage[] = { "", "DIRC", "not an index at all, not even close to one: garbage" };
	for (size_t i = 0; i < 3; i++) {
		write_file(f.index_path, garbage[i], strlen(garbage[i]));
		char *found = ix_both_ways(f.r.dir, COPYLINT_SCOPE_LINES, NULL, 0, CL_STAGED_LIBGIT2);
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "error %d: cannot read the index: ", COPYLINT_EIO);
		cr_assert(!strncmp(found, prefix, strlen(prefix)), "%s", found);
		free(found);
	}
	write_file(f.index_path, f.bytes, f.len / 2);
	const char *const argv[] = { "check", "--staged", NULL };
	run_result res = run_copylint(f.r.dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 2, "status %d: %s", res.status, res.err);
	cr_assert(strstr(res.err, "cannot read the index") != NULL, "%s", res.err);
	run_result_free(&res);
	teardown(&f);
}
