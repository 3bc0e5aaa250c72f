/* Streamed runs through the public API: copylint_check_sources_each hands
 * each file over alone, in path order, with --jobs as without; a report
 * stream gives exactly the bytes copylint_report_write gives for the whole
 * run, in every format, on files with findings, without, unreadable,
 * binary, and with a notice. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

/* Names whose path order is not a folder walk's order ("a-c.md" < "a/b.md"),
 * given out of order. */
static const struct {
	const char *name, *text;
} fixture_files[] = {
	{ "z.md", "It is is here.\n\nThe the end.\n" },
	{ "clean.md", "All good here.\n" },
	{ "a/b.md", "One is is enough.\n" },
	{ "a-c.md", "Two is is enough.\n" },
	{ "sw.md", "---\nlang: sw\n---\n\nHabari za za asubuhi.\n" },
	{ "dup.md", "The same paragraph is here to be read twice.\n\n"
		    "The same paragraph is here to be read twice.\n" },
	{ "many.md", "a is is b.\nc is is d.\ne is is f.\ng is is h.\ni is is j.\nk is is l.\n"
		     "m is is n.\no is is p.\nq is is r.\ns is is t.\nu is is v.\nw is is x.\n" },
};
#define NFIXTURE (sizeof(fixture_files) / sizeof(fixture_files[0]))

typedef struct {
	char *dir;
	copylint_config *config;
	copylint_sources *sources;
} fixture;

static void add_path(fixture *fx, const char *name)
{
	char *path;
	asprintf(&path, "%s/%s", fx->dir, name);
	const char *paths[] = { path };
	cr_assert_eq(copylint_sources_add_paths(fx->sources, fx->config, paths, 1), 0, "%s",
		     copylint_error_last());
	free(path);
}

/* Spelling stays on, on several threads too: two threads loading a
 * dictionary at once is what showed libhunspell's unlocked table count
 * (see create_hunspell in src/text/speller.c). */
static fixture fixture_make(void)
{
	static const char *const english_only[] = { "en_US", NULL };  /* sw.md: a notice, no findings */
	use_only_dictionaries(english_only);
	fixture fx = { make_temp_dir(), NULL, NULL };
	char *path;
	asprintf(&path, "%s/a", fx.dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	free(path);
	for (size_t i = 0; i < NFIXTURE; i++) {
		asprintf(&path, "%s/%s", fx.dir, fixture_files[i].name);
		write_file(path, fixture_files[i].text, strlen(fixture_files[i].text));
		free(path);
	}
	asprintf(&path, "%s/bin.txt", fx.dir);
	write_file(path, "ab\0cd", 5);
	free(path);
	cr_assert_eq(copylint_config_new(&fx.config), 0);
	cr_assert_eq(copylint_sources_new(&fx.sources), 0);
	static const char *const order[] = { "z.md", "missing.md", "bin.txt", "a", "a-c.md",
					     "clean.md", "sw.md", "dup.md", "many.md" };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		add_path(&fx, order[i]);
	return fx;
}

static void fixture_free(fixture *fx)
{
	copylint_sources_free(fx->sources);
	copylint_config_free(fx->config);
	remove_tree(fx->dir);
	free(fx->dir);
}

static copylint_checker *checker_with_jobs(const fixture *fx, unsigned jobs)
{
	copylint_checker *checker;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	options.jobs = jobs;
	options.suggestions = false;  /* their time budget would make two runs differ */
	cr_assert_eq(copylint_checker_new(&checker, fx->config, &options), 0);
	return checker;
}

typedef struct {
	char *data;
	size_t len;
} bytes;

static int bytes_write(const char *data, size_t len, void *payload)
{
	bytes *b = payload;
	b->data = realloc(b->data, b->len + len + 1);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

/* ---- one stream per format, fed by a streamed run ---------------------- */

#define MAX_FORMATS 16

typedef struct {
	copylint_report_stream *streams[MAX_FORMATS];
	bytes out[MAX_FORMATS];
	size_t nformats;
	size_t files;
} streamed;

static void feed_streams(const copylint_results *file, void *payload)
{
	streamed *s = payload;
	for (size_t i = 0; i < s->nformats; i++)
		cr_expect_eq(copylint_report_stream_add(s->streams[i], file), 0, "%s", copylint_error_last());
	s->files++;
}

Test(report_stream, gives_the_bytes_of_report_write_in_every_format)
{
	fixture fx = fixture_make();
	copylint_report_options options = COPYLINT_REPORT_OPTIONS_INIT;
	streamed s;
	memset(&s, 0, sizeof(s));
	s.nformats = copylint_report_format_count();
	cr_assert_leq(s.nformats, MAX_FORMATS);
	for (size_t i = 0; i < s.nformats; i++)
		cr_assert_eq(copylint_report_stream_new(&s.streams[i], copylint_report_format_name(i), &options,
							bytes_write, &s.out[i]), 0);

	copylint_checker *checker = checker_with_jobs(&fx, 1);
	copylint_results *notices = NULL, *whole = NULL;
	cr_assert_eq(copylint_check_sources_each(&notices, checker, fx.sources, feed_streams, &s), 0);
	cr_expect_eq(s.files, copylint_sources_count(fx.sources));
	cr_expect_eq(copylint_results_notice_count(notices), 1);
	cr_expect_not_null(strstr(copylint_results_notice_at(notices, 0), "no Hunspell dictionary for sw"));
	cr_expect_eq(copylint_results_count(notices), 0);
	cr_expect_eq(copylint_results_file_count(notices), 0);
	copylint_checker_free(checker);  /* a checker says a notice once in its life */
	checker = checker_with_jobs(&fx, 1);
	cr_assert_eq(copylint_check_sources(&whole, checker, fx.sources), 0);
	cr_expect_eq(copylint_results_notice_count(whole), 1);
	cr_expect_gt(copylint_results_count(whole), 14);

	for (size_t i = 0; i < s.nformats; i++) {
		const char *format = copylint_report_format_name(i);
		bytes direct = { NULL, 0 };
		cr_expect_eq(copylint_report_stream_finish(s.streams[i]), 0, "%s", copylint_error_last());
		copylint_report_stream_free(s.streams[i]);
		cr_assert_eq(copylint_report_write(whole, format, &options, bytes_write, &direct), 0);
		cr_assert_not_null(s.out[i].data, "%s wrote nothing", format);
		cr_expect_eq(s.out[i].len, direct.len, "%s: %zu bytes streamed, %zu written", format,
			     s.out[i].len, direct.len);
		cr_expect_str_eq(s.out[i].data, direct.data, "%s differs", format);
		free(direct.data);
		free(s.out[i].data);
	}
	copylint_results_free(notices);
	copylint_results_free(whole);
	copylint_checker_free(checker);
	fixture_free(&fx);
}

/* The whole run's results keep today's shape: file i is source i. */
Test(report_stream, whole_results_keep_the_sources_order)
{
	fixture fx = fixture_make();
	copylint_checker *checker = checker_with_jobs(&fx, 2);
	copylint_results *whole;
	cr_assert_eq(copylint_check_sources(&whole, checker, fx.sources), 0);
	cr_assert_eq(copylint_results_file_count(whole), copylint_sources_count(fx.sources));
	for (size_t i = 0; i < copylint_results_file_count(whole); i++) {
		cr_expect_str_eq(copylint_results_file_path(whole, i), copylint_sources_path(fx.sources, i));
		cr_expect_eq(copylint_results_file_source_index(whole, i), i);
	}
	const char *missing = copylint_results_file_path(whole, 1);
	cr_expect_not_null(strstr(missing, "missing.md"));
	cr_expect_eq(copylint_results_file_status(whole, 1), COPYLINT_FILE_ERROR);
	cr_expect_eq(copylint_results_file_status(whole, 2), COPYLINT_FILE_SKIPPED_BINARY);
	for (size_t i = 1; i < copylint_results_count(whole); i++)
		cr_expect_leq(strcmp(copylint_results_at(whole, i - 1)->path, copylint_results_at(whole, i)->path), 0);
	copylint_results_free(whole);
	copylint_checker_free(checker);
	fixture_free(&fx);
}

/* ---- what each callback sees ------------------------------------------- */

#define MAX_SEEN 64

typedef struct {
	const copylint_sources *sources;
	char *paths[MAX_SEEN];
	size_t counts[MAX_SEEN];
	size_t seen;
} seen_files;

static void note_file(const copylint_results *file, void *payload)
{
	seen_files *seen = payload;
	cr_assert_lt(seen->seen, MAX_SEEN);
	cr_assert_eq(copylint_results_file_count(file), 1, "one file at a time");
	const char *path = copylint_results_file_path(file, 0);
	size_t source = copylint_results_file_source_index(file, 0);
	cr_assert_lt(source, copylint_sources_count(seen->sources));
	cr_expect_str_eq(path, copylint_sources_path(seen->sources, source));
	/* file i only after file i - 1: strictly in path order */
	if (seen->seen)
		cr_expect_lt(strcmp(seen->paths[seen->seen - 1], path), 0, "%s after %s", path,
			     seen->paths[seen->seen - 1]);
	/* only this file's findings, sorted by line and column */
	for (size_t i = 0; i < copylint_results_count(file); i++) {
		const copylint_finding *f = copylint_results_at(file, i);
		cr_expect_str_eq(f->path, path);
		if (i) {
			const copylint_finding *p = copylint_results_at(file, i - 1);
			cr_expect(p->line < f->line || (p->line == f->line && p->column <= f->column));
		}
	}
	cr_expect_eq(copylint_results_notice_count(file), 0, "notices belong to the run");
	seen->paths[seen->seen] = strdup(path);
	seen->counts[seen->seen++] = copylint_results_count(file);
}

static seen_files run_seeing(const fixture *fx, unsigned jobs)
{
	seen_files seen;
	memset(&seen, 0, sizeof(seen));
	seen.sources = fx->sources;
	copylint_checker *checker = checker_with_jobs(fx, jobs);
	cr_assert_eq(copylint_check_sources_each(NULL, checker, fx->sources, note_file, &seen), 0);
	copylint_checker_free(checker);
	return seen;
}

static void seen_free(seen_files *seen)
{
	for (size_t i = 0; i < seen->seen; i++)
		free(seen->paths[i]);
}

Test(report_stream, each_file_comes_alone_in_path_order)
{
	fixture fx = fixture_make();
	seen_files seen = run_seeing(&fx, 1);
	cr_assert_eq(seen.seen, copylint_sources_count(fx.sources));
	static const char *const expected[][2] = {
		{ "/a-c.md", "1" }, { "/a/b.md", "1" }, { "/bin.txt", "0" }, { "/clean.md", "0" },
		{ "/dup.md", "1" }, { "/many.md", "12" }, { "/missing.md", "0" }, { "/sw.md", "1" },
		{ "/z.md", "2" },
	};
	cr_assert_eq(seen.seen, sizeof(expected) / sizeof(expected[0]));
	for (size_t i = 0; i < seen.seen; i++) {
		size_t len = strlen(seen.paths[i]), want = strlen(expected[i][0]);
		cr_expect(len > want && !strcmp(seen.paths[i] + len - want, expected[i][0]), "file %zu is %s, not %s",
			  i, seen.paths[i], expected[i][0]);
		cr_expect_eq(seen.counts[i], strtoul(expected[i][1], NULL, 10), "%s: %zu findings", seen.paths[i],
			     seen.counts[i]);
	}
	seen_free(&seen);
	fixture_free(&fx);
}

Test(report_stream, two_jobs_hand_over_in_the_order_of_one)
{
	fixture fx = fixture_make();
	/* more files than the reorder window, so that workers wait for room */
	for (int i = 0; i < 40; i++) {
		char *name, *path;
		asprintf(&name, "n%02d.md", 39 - i);
		asprintf(&path, "%s/%s", fx.dir, name);
		write_file(path, i % 3 ? "Fine text.\n" : "It is is so.\n", i % 3 ? 11 : 13);
		add_path(&fx, name);
		free(path);
		free(name);
	}
	seen_files one = run_seeing(&fx, 1), two = run_seeing(&fx, 2), four = run_seeing(&fx, 4);
	cr_assert_eq(one.seen, copylint_sources_count(fx.sources));
	cr_assert_eq(two.seen, one.seen);
	cr_assert_eq(four.seen, one.seen);
	for (size_t i = 0; i < one.seen; i++) {
		cr_expect_str_eq(two.paths[i], one.paths[i]);
		cr_expect_eq(two.counts[i], one.counts[i]);
		cr_expect_str_eq(four.paths[i], one.paths[i]);
		cr_expect_eq(four.counts[i], one.counts[i]);
	}
	seen_free(&one);
	seen_free(&two);
	seen_free(&four);
	fixture_free(&fx);
}

/* ---- progress still comes, once per file, from the owning thread ------- */

static void count_progress(size_t done, size_t total, size_t findings, void *payload)
{
	size_t *calls = payload;
	(void)findings;
	cr_expect_leq(done, total);
	(*calls)++;
}

static void ignore_file(const copylint_results *file, void *payload)
{
	(void)file;
	(void)payload;
}

Test(report_stream, progress_is_reported)
{
	fixture fx = fixture_make();
	size_t calls = 0;
	copylint_checker *checker;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	options.jobs = 2;
	options.progress = count_progress;
	options.progress_payload = &calls;
	cr_assert_eq(copylint_checker_new(&checker, fx.config, &options), 0);
	cr_assert_eq(copylint_check_sources_each(NULL, checker, fx.sources, ignore_file, NULL), 0);
	cr_expect_geq(calls, 1);
	cr_expect_leq(calls, copylint_sources_count(fx.sources));
	copylint_checker_free(checker);
	fixture_free(&fx);
}

/* ---- bad input ---------------------------------------------------------- */

static int failing_write(const char *data, size_t len, void *payload)
{
	(void)data;
	(void)len;
	(void)payload;
	return -1;
}

Test(report_stream, refuses_bad_input)
{
	copylint_report_stream *stream = (copylint_report_stream *)1;
	bytes out = { NULL, 0 };
	cr_expect_eq(copylint_report_stream_new(&stream, "yaml", NULL, bytes_write, &out), COPYLINT_ENOTFOUND);
	cr_expect_null(stream);
	cr_expect_eq(copylint_report_stream_new(&stream, NULL, NULL, bytes_write, &out), COPYLINT_ENOTFOUND);
	cr_expect_eq(copylint_report_stream_new(&stream, "json", NULL, NULL, NULL), COPYLINT_EINVALID);
	cr_expect_eq(copylint_report_stream_add(NULL, NULL), COPYLINT_EINVALID);
	cr_expect_eq(copylint_report_stream_finish(NULL), COPYLINT_EINVALID);
	copylint_report_stream_free(NULL);

	cr_assert_eq(copylint_report_stream_new(&stream, "json", NULL, bytes_write, &out), 0);
	cr_expect_eq(copylint_report_stream_add(stream, NULL), COPYLINT_EINVALID);
	cr_expect_eq(copylint_report_stream_finish(stream), 0);
	cr_expect_str_eq(out.data, "{\"version\": 1, \"findings\": [], \"summary\": "
				   "{\"files\":0,\"errors\":0,\"warnings\":0,\"infos\":0}}\n");
	cr_expect_eq(copylint_report_stream_finish(stream), COPYLINT_EINVALID);
	copylint_results *results = check_text("a.md", "It is is here.\n", "en", "repeated-word");
	cr_expect_eq(copylint_report_stream_add(stream, results), COPYLINT_EINVALID);
	copylint_report_stream_free(stream);
	free(out.data);

	copylint_config *config;
	copylint_checker *checker;
	copylint_sources *sources;
	copylint_results *notices = (copylint_results *)1;
	copylint_config_new(&config);
	copylint_checker_new(&checker, config, NULL);
	copylint_sources_new(&sources);
	cr_expect_eq(copylint_check_sources_each(&notices, checker, sources, NULL, NULL), COPYLINT_EINVALID);
	cr_expect_null(notices);
	cr_expect_eq(copylint_check_sources_each(NULL, NULL, sources, ignore_file, NULL), COPYLINT_EINVALID);
	cr_expect_eq(copylint_check_sources_each(NULL, checker, NULL, ignore_file, NULL), COPYLINT_EINVALID);
	/* no sources: a run of nothing, no call */
	cr_expect_eq(copylint_check_sources_each(&notices, checker, sources, ignore_file, NULL), 0);
	cr_expect_eq(copylint_results_notice_count(notices), 0);
	copylint_results_free(notices);

	/* a failing write is an I/O error at the step that wrote */
	cr_assert_eq(copylint_report_stream_new(&stream, "text", NULL, failing_write, NULL), 0);
	cr_expect_eq(copylint_report_stream_add(stream, results), COPYLINT_EIO);
	copylint_report_stream_free(stream);
	cr_expect_eq(copylint_report_stream_new(&stream, "json", NULL, failing_write, NULL), COPYLINT_EIO);
	cr_expect_null(stream);
	copylint_results_free(results);
	copylint_sources_free(sources);
	copylint_checker_free(checker);
	copylint_config_free(config);
}

/* A stream freed before its end writes nothing more, and its temporary
 * state (junit's and github's spool) goes with it. */
Test(report_stream, abandoned_stream_writes_nothing_more)
{
	copylint_results *results = check_text("a.md", "It is is here.\n", "en", "repeated-word");
	for (size_t i = 0; i < copylint_report_format_count(); i++) {
		const char *format = copylint_report_format_name(i);
		copylint_report_stream *stream;
		bytes out = { NULL, 0 };
		cr_assert_eq(copylint_report_stream_new(&stream, format, NULL, bytes_write, &out), 0);
		cr_assert_eq(copylint_report_stream_add(stream, results), 0);
		size_t before = out.len;
		copylint_report_stream_free(stream);
		cr_expect_eq(out.len, before, "%s wrote after it was abandoned", format);
		free(out.data);
	}
	copylint_results_free(results);
}
