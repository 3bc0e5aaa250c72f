/* The pieces under the git modes: changed lines to byte ranges (lines
 * counted by '\n' as git counts them, whatever else a line index treats as
 * a break), the filter on them, and LFS pointers. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "collect/git.h"
#include "report/results.h"

static cl_source ranges_of(const char *text, const size_t *lines, size_t n)
{
	cl_source source;
	memset(&source, 0, sizeof(source));
	cl_git_lines_to_bytes(&source, text, strlen(text), lines, n);
	return source;
}

Test(git_lines, lines_to_bytes)
{
	const char *text = "one\r\ntwo\rstill two\nthree\nfour";
	const size_t lines[] = { 2, 2, 4, 4 };
	cl_source source = ranges_of(text, lines, 2);
	cr_assert_eq(source.nchanged, 2);
	cr_assert_eq(source.changed[0].start, 5);   /* "two\rstill two\n": a lone CR is not a line end to git */
	cr_assert_eq(source.changed[0].end, 19);
	cr_assert_eq(source.changed[1].start, 25);  /* "four", no final newline */
	cr_assert_eq(source.changed[1].end, 29);
	free(source.changed);
}

Test(git_lines, lines_past_the_end_are_clamped)
{
	const size_t lines[] = { 1, 9 };
	cl_source source = ranges_of("a\nb\n", lines, 1);
	cr_assert_eq(source.changed[0].start, 0);
	cr_assert_eq(source.changed[0].end, 4);
	free(source.changed);
}

static copylint_finding at(size_t start)
{
	copylint_finding f;
	memset(&f, 0, sizeof(f));
	f.start = start;
	f.message = strdup("m");
	return f;
}

Test(git_lines, keep_changed)
{
	/* "one\ntwo\nthree" with line 2 and line 3 (no final newline) changed. */
	const cl_byte_range ranges[] = { { 4, 8 }, { 8, 13 } };
	copylint_finding findings[] = { at(0), at(3), at(4), at(7), at(12), at(13) };
	size_t count = 6;
	cl_results_keep_changed(findings, &count, ranges, 2, 13);
	cr_assert_eq(count, 4);
	cr_assert_eq(findings[0].start, 4);
	cr_assert_eq(findings[1].start, 7);
	cr_assert_eq(findings[2].start, 12);
	cr_assert_eq(findings[3].start, 13);  /* at the end of the file: its last line */
	for (size_t i = 0; i < count; i++)
		cl_finding_free_strings(&findings[i]);
	count = 1;
	findings[0] = at(0);
	cl_results_keep_changed(findings, &count, NULL, 0, 13);
	cr_assert_eq(count, 0);  /* nothing added: nothing reported */
}

Test(git_lines, lfs_pointers)
{
	const char *pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 3\n";
	cr_assert(cl_git_is_lfs_pointer(pointer, strlen(pointer)));
	cr_assert(!cl_git_is_lfs_pointer("version https://git-lfs.github.com/spec/v1", 42));  /* no newline */
	cr_assert(!cl_git_is_lfs_pointer("# version https://git-lfs.github.com/spec/v1\n", 45));
	char big[2048];
	memset(big, 'x', sizeof(big));
	memcpy(big, pointer, strlen(pointer));
	cr_assert(!cl_git_is_lfs_pointer(big, sizeof(big)));  /* pointers are small */
}
