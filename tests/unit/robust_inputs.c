/* Inputs that once cost unbounded time or memory, or were accepted against
 * the README: front matter with many keys, deep nesting or keys given twice;
 * files that are not regular files; UTF-16 without a byte-order mark. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <git2.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "git_fixture.h"
#include "helpers.h"
#include "parse/parse.h"

static const copylint_finding *only_finding(const copylint_results *results, const char *rule)
{
	cr_assert_eq(count_rule(results, rule), 1, "expected one %s finding", rule);
	for (size_t i = 0; i < copylint_results_count(results); i++)
		if (!strcmp(copylint_results_at(results, i)->rule, rule))
			return copylint_results_at(results, i);
	return NULL;
}

Test(front_matter_limits, a_key_given_twice_is_a_finding_at_the_second)
{
	copylint_results *r = check_text("a.md", "---\ntitle: One\ndate: 2024-01-02\n\xC3\xA9t\xC3\xA9: x\n"
						 "title: Two\n---\nBody.\n", "en", "front-matter");
	const copylint_finding *f = only_finding(r, "front-matter");
	cr_assert_eq(f->line, 5);
	cr_assert_eq(f->column, 1);
	cr_assert_eq(f->end_column, 6);
	cr_assert_str_eq(f->message, "key 'title' is given twice in the front matter (first on line 1 of it); "
				     "YAML readers keep one or refuse both");
	copylint_results_free(r);
}

Test(front_matter_limits, nesting_past_64_levels_is_refused_before_libyaml, .timeout = 30)
{
	size_t depth = 100000;
	char *text = malloc(depth + 64);
	strcpy(text, "---\ntags: ");
	memset(text + strlen(text), '[', depth);
	strcpy(text + 10 + depth, "\n---\nBody.\n");
	copylint_results *r = check_text("a.md", text, "en", "front-matter");
	const copylint_finding *f = only_finding(r, "front-matter");
	cr_assert_str_eq(f->message, "front matter nests deeper than 64 levels; not read");
	cr_assert_eq(f->line, 2);
	cr_assert_eq(f->column, 7 + 64);
	copylint_results_free(r);
	free(text);
	/* 64 levels are read, and brackets in quotes or comments do not count */
	r = check_text("a.md", "---\ntitle: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
			       "date: 2024-01-02 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
			       "list:\n  - - - - x\n---\nBody.\n", "en", "front-matter");
	cr_assert_eq(count_rule(r, "front-matter"), 0);
	copylint_results_free(r);
}

/* Offsets stay right when the cursor walks on from the last mark. The
 * speed (50,000 keys: minutes before, a second now) is measured by
 * bench/worst-cases.sh, not here: a timed test fails on a busy machine. */
Test(front_matter_limits, many_keys_keep_their_offsets)
{
	size_t keys = 20000;
	char *text = malloc(keys * 40 + 64), *at = text;
	at += sprintf(at, "---\n");
	for (size_t i = 0; i < keys; i++)
		at += sprintf(at, "key%zu: \xC3\xA9 value %zu\n", i, i);
	strcpy(at, "---\nBody.\n");
	cl_document doc;
	cl_document_init(&doc, "a.md", text, strlen(text), CL_FORMAT_MARKDOWN);
	cl_parse_front_matter(&doc);
	cr_assert_null(doc.front_matter_error);
	cr_assert_eq(doc.nfields, keys);
	const cl_field *last = &doc.fields[keys - 1];
	cr_assert_eq(strncmp(text + last->key_start, "key19999: ", 10), 0);
	cr_assert_eq(strncmp(text + last->value_start, "\xC3\xA9 value 19999\n", 15), 0);
	cr_assert_eq(text[last->value_end], '\n');
	cl_document_dispose(&doc);
	free(text);
}

Test(git_limits, diff_in_a_repository_without_commits_says_so)
{
	git_libgit2_init();
	fx_repo r = fx_init();
	fx_write(&r, "a.md", "Text.\n");
	run_result out = run_copylint(r.dir, (const char *[]){ "check", "--diff", "HEAD", NULL }, NULL, NULL);
	cr_assert_eq(out.status, 2);
	cr_assert(strstr(out.err, "this repository has no commits yet, so 'HEAD' names none"), "%s", out.err);
	cr_assert_null(strstr(out.err, "fetch"), "no shallow-clone advice: %s", out.err);
	run_result_free(&out);
	fx_free(&r);
	git_libgit2_shutdown();
}

/* ---- files that are not regular files ---------------------------------- */

static char *dir;

static void make_dir(void)
{
	dir = make_temp_dir();
}

static void remove_dir(void)
{
	remove_tree(dir);
	free(dir);
}

TestSuite(input_files, .init = make_dir, .fini = remove_dir);

static char *in_dir(const char *name)
{
	char *path;
	cr_assert_neq(asprintf(&path, "%s/%s", dir, name), -1);
	return path;
}

Test(input_files, a_fifo_and_a_device_are_refused_with_a_message, .timeout = 30)
{
	char *fifo = in_dir("fifo.md"), *zero = in_dir("zero.md"), *ok = in_dir("ok.md");
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(mknod(zero, S_IFCHR | 0666, makedev(1, 5)), 0, "mknod needs root");  /* /dev/zero */
	write_file(ok, "Fine text.\n", 11);
	run_result r = run_copylint(dir, (const char *[]){ "check", "--format", "json", "fifo.md", "zero.md",
							 "/dev/zero", "ok.md", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "copylint: error: fifo.md: not a regular file (a FIFO): not read\n"), "%s", r.err);
	cr_assert(strstr(r.err, "copylint: error: zero.md: not a regular file (a device): not read\n"), "%s", r.err);
	cr_assert(strstr(r.err, "copylint: error: /dev/zero: not a regular file (a device): not read\n"), "%s", r.err);
	cr_assert(strstr(r.out, "\"files\":1"), "the rest is checked: %s", r.out);
	run_result_free(&r);
	free(fifo);
	free(zero);
	free(ok);
}

static void put_utf16(const char *name, const char *ascii, bool big_endian)
{
	size_t len = strlen(ascii);
	char *data = calloc(2 * len, 1);
	for (size_t i = 0; i < len; i++)
		data[2 * i + big_endian] = ascii[i];
	char *path = in_dir(name);
	write_file(path, data, 2 * len);
	free(path);
	free(data);
}

Test(input_files, utf16_without_a_byte_order_mark_is_an_encoding_error)
{
	put_utf16("le.txt", "A title\n\nSome text in UTF-16.\n", false);
	put_utf16("be.md", "# A title\n\nSome text.\n", true);
	char *nul = in_dir("binary.md");
	write_file(nul, "PK\x03\x04\0\0\x10\0\x08\0\0\0\0\0\0\0\x21\0\xff", 19);
	free(nul);
	run_result r = run_copylint(dir, (const char *[]){ "check", "le.txt", "be.md", "binary.md", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "le.txt:1:1: error: UTF-16 (little-endian, without a byte-order mark) is not "
				"supported: save the file as UTF-8 [encoding]"), "%s", r.out);
	cr_assert(strstr(r.out, "be.md:1:1: error: UTF-16 (big-endian, without a byte-order mark) is not "
				"supported: save the file as UTF-8 [encoding]"), "%s", r.out);
	cr_assert(strstr(r.err, "notice: binary.md: binary file (NUL byte at offset 4), skipped"), "%s", r.err);
	run_result_free(&r);
}

Test(input_files, a_file_past_the_largest_article_is_refused_unread)
{
	char *big = in_dir("big.md");
	FILE *fp = fopen(big, "w");
	cr_assert_not_null(fp);
	cr_assert_eq(ftruncate(fileno(fp), (off_t)(129 << 20)), 0);  /* sparse: no disk used */
	fclose(fp);
	run_result r = run_copylint(dir, (const char *[]){ "check", "big.md", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert_str_eq(r.err, "copylint: error: big.md: larger than 128 MB, the largest article copylint reads: "
				"not read\n");
	run_result_free(&r);
	free(big);
}

/* libyaml ends a line at CR, LF, CR LF, NEL, LS and PS; offsets must too
 * (found by fuzz_front_matter: a lone CR put a value past the front matter). */
Test(front_matter_limits, offsets_after_every_kind_of_line_break)
{
	const char *text = "---\ntitle: One\rdate: 2024-01-02\r\nlead: Two\xC2\x85tag: x\xE2\x80\xA8"
			   "summary: Three\n---\nBody.\n";
	cl_document doc;
	cl_document_init(&doc, "a.md", text, strlen(text), CL_FORMAT_MARKDOWN);
	size_t body = cl_parse_front_matter(&doc);
	cr_assert_null(doc.front_matter_error, "%s", doc.front_matter_error);
	cr_assert_eq(doc.nfields, 5);
	static const char *const keys[] = { "title", "date", "lead", "tag", "summary" };
	for (size_t i = 0; i < 5; i++) {
		const cl_field *f = &doc.fields[i];
		cr_assert_str_eq(f->key, keys[i]);
		cr_assert_eq(strncmp(text + f->key_start, keys[i], strlen(keys[i])), 0, "%s at %zu", keys[i], f->key_start);
		cr_assert_eq(strncmp(text + f->value_start, f->value, strlen(f->value)), 0, "%s", keys[i]);
		cr_assert_eq(f->value_end - f->value_start, strlen(f->value), "%s", keys[i]);
		cr_assert_leq(f->value_end, body);
	}
	cl_document_dispose(&doc);
}
