/* copylint check: load the config, gather sources, run the checker, write
 * the reports, choose the exit status. The options are parsed in check_args.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "copylint/copylint.h"
#include "cli.h"
#include "check.h"

static int apply_rule_setting(copylint_config *config, const char *setting)
{
	const char *eq = strchr(setting, '=');
	int severity = eq ? copylint_severity_parse(eq + 1) : -1;
	if (!eq || severity < 0) {
		cli_error("--rule takes ID=off|info|warning|error, not '%s'", setting);
		return -1;
	}
	char *id = strndup(setting, (size_t)(eq - setting));
	int error = copylint_config_set_rule(config, id, (copylint_severity)severity);
	free(id);
	if (error < 0)
		cli_error("--rule: %s", copylint_error_last());
	return error;
}

static int load_config(const check_options *opts, copylint_config **config)
{
	if (cli_config_open(config, opts->config_path, true) < 0)
		return -1;
	for (size_t i = 0; i < opts->nrule_settings; i++)
		if (apply_rule_setting(*config, opts->rule_settings[i]) < 0)
			return -1;
	return 0;
}

static int read_stdin(copylint_sources *sources, const char *name)
{
	size_t len = 0, cap = 65536;
	char *data = malloc(cap);
	for (size_t n; data && (n = fread(data + len, 1, cap - len, stdin)) > 0;) {
		len += n;
		if (len == cap)
			data = realloc(data, cap *= 2);
	}
	if (!data)
		abort();
	int failed = ferror(stdin);
	if (!failed)
		copylint_sources_add_buffer(sources, name ? name : "<stdin>", data, len);
	free(data);
	if (failed)
		cli_error("cannot read standard input: %s", strerror(errno));
	return failed ? -1 : 0;
}

static int gather_sources(const check_options *opts, const copylint_config *config,
			  copylint_sources *sources)
{
	static const char *const here[] = { "." };
	if (opts->git.staged || opts->git.diff)
		return cli_gather_git(sources, config, &opts->git, opts->quiet);
	if (!opts->npaths && !opts->git.npathspecs)
		return copylint_sources_add_paths(sources, config, here, 1);
	if (opts->git.npathspecs && copylint_sources_add_paths(sources, config, opts->git.pathspecs,
								 opts->git.npathspecs) < 0)
		return -1;
	for (size_t i = 0; i < opts->npaths; i++) {
		const char *path = opts->paths[i];
		int error = !strcmp(path, "-") ? read_stdin(sources, opts->stdin_filename) :
			    copylint_sources_add_paths(sources, config, &path, 1);
		if (error < 0)
			return error;
	}
	return 0;
}

/* --source SOURCE: every file given is a translation of SOURCE. */
static int pair_with_source(const check_options *opts, copylint_sources *sources)
{
	if (!opts->translation_source)
		return 0;
	if (opts->git.staged || opts->git.diff)
		return cli_error("--source does not combine with --staged or --diff"), -1;
	if (!opts->npaths)
		return cli_error("--source SOURCE needs the translation to check: copylint check --source "
				 "SOURCE TRANSLATION"), -1;
	return copylint_sources_set_translation_source(sources, opts->translation_source);
}

/* ---- progress on a terminal ------------------------------------------ */

typedef struct {
	struct timespec started;
	double last_shown;  /* seconds since started, when the line was last drawn */
	bool shown;
} progress_state;

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void show_progress(size_t done, size_t total, size_t findings, void *payload)
{
	progress_state *state = payload;
	double now = seconds_since(&state->started);
	/* Only on long runs, and at most ten redraws a second. */
	if (now < 1.0 || (now - state->last_shown < 0.1 && done < total))
		return;
	state->last_shown = now;
	fprintf(stderr, "\r\033[Kchecked %zu/%zu files, %zu findings", done, total, findings);
	state->shown = true;
}

static bool wants_progress(const check_options *opts)
{
	const char *ci = getenv("CI");
	return !opts->quiet && isatty(STDERR_FILENO) && !(ci && *ci);
}

/* ---- output ----------------------------------------------------------- */

/* payload: an int that keeps the errno of the first failure. */
static int to_stdout(const char *data, size_t len, void *payload)
{
	int *error = payload;
	if (fwrite(data, 1, len, stdout) == len)
		return 0;
	if (!*error)
		*error = errno ? errno : EIO;
	return -1;
}

static bool wants_color(const check_options *opts)
{
	const char *no_color = getenv("NO_COLOR");
	return !opts->no_color && !opts->output && !(no_color && *no_color) && isatty(STDOUT_FILENO);
}

static bool uses_format(const check_options *opts, const char *format)
{
	size_t len = strlen(format);
	for (size_t i = 0; i < opts->nreports; i++)
		if (!strncmp(opts->reports[i], format, len) && opts->reports[i][len] == '=')
			return true;
	return !strcmp(opts->format, format);
}

/* Where a report goes while the run streams into it. */
typedef enum { OUT_STDOUT, OUT_FILE, OUT_APPEND } output_kind;

typedef struct {
	output_kind kind;
	char *format;
	const char *path;           /* OUT_FILE, OUT_APPEND */
	cli_atomic_file file;       /* OUT_FILE */
	int fd;                     /* OUT_APPEND */
	int stdout_errno;           /* OUT_STDOUT: why a write failed, or 0 */
	copylint_report_stream *stream;  /* NULL when it could not be opened */
	int error;                  /* the first failure of its stream */
} report_output;

/* A file that could not be checked or was skipped, said at the end. */
typedef struct {
	size_t source_index;
	copylint_file_status status;
	char *message;
} file_problem;

typedef struct {
	const check_options *opts;
	report_output *outputs;
	size_t noutputs;
	file_problem *problems;
	size_t nproblems;
	size_t failing;  /* findings at or above --fail-on */
	progress_state *progress;
	bool report_on_terminal;  /* the main report shares the terminal with progress */
} check_run;

/* run->outputs has room for every output: streams point into it. */
static report_output *add_output(check_run *run, output_kind kind, const char *format, const char *path)
{
	report_output *out = &run->outputs[run->noutputs++];
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->format = strdup(format);
	if (!out->format)
		abort();
	out->path = path;
	out->fd = -1;
	return out;
}

static int open_output(report_output *out, const copylint_report_options *report)
{
	copylint_write_cb write = to_stdout;
	void *payload = &out->stdout_errno;
	if (out->kind == OUT_FILE) {
		if (cli_atomic_open(&out->file, out->path, 0666) < 0)
			return -1;
		write = cli_atomic_write;
		payload = &out->file;
	} else if (out->kind == OUT_APPEND) {
		out->fd = open(out->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
		if (out->fd < 0) {
			cli_error("cannot write the step summary %s: %s", out->path, strerror(errno));
			return -1;
		}
		write = cli_append_write;
		payload = &out->fd;
	}
	if ((out->error = copylint_report_stream_new(&out->stream, out->format, report, write, payload)) < 0)
		out->stream = NULL;
	return 0;
}

/* The main report, each --report FORMAT=FILE, and in GitHub Actions the
 * github format's Markdown table appended to the step's summary file
 * (appended: other steps may write there too). */
static void open_outputs(check_run *run)
{
	const check_options *opts = run->opts;
	copylint_report_options report = COPYLINT_REPORT_OPTIONS_INIT;
	report.color = wants_color(opts);
	report.show_summary = !opts->quiet;
	report.automation_id = opts->automation_id[0] ? opts->automation_id : NULL;
	run->outputs = calloc(opts->nreports + 2, sizeof(report_output));
	if (!run->outputs)
		abort();
	open_output(add_output(run, opts->output ? OUT_FILE : OUT_STDOUT, opts->format, opts->output), &report);
	report.color = false;
	for (size_t i = 0; i < opts->nreports; i++) {
		const char *eq = strchr(opts->reports[i], '=');
		char *format = strndup(opts->reports[i], (size_t)(eq - opts->reports[i]));
		open_output(add_output(run, OUT_FILE, format, eq + 1), &report);
		free(format);
	}
	const char *summary = getenv("GITHUB_STEP_SUMMARY");
	if (summary && *summary && uses_format(opts, "github"))
		open_output(add_output(run, OUT_APPEND, "github-summary", summary), NULL);
}

static void note_problem(check_run *run, const copylint_results *file)
{
	for (size_t i = 0; i < copylint_results_file_count(file); i++) {
		copylint_file_status status = copylint_results_file_status(file, i);
		if (status == COPYLINT_FILE_CHECKED)
			continue;
		run->problems = realloc(run->problems, (run->nproblems + 1) * sizeof(file_problem));
		if (!run->problems)
			abort();
		const char *message = copylint_results_file_message(file, i);
		file_problem problem = { copylint_results_file_source_index(file, i), status, strdup(message ? message : "") };
		if (!problem.message)
			abort();
		run->problems[run->nproblems++] = problem;
	}
}

/* Each file's results, as the checker hands them over in report order. */
static void on_file(const copylint_results *file, void *payload)
{
	check_run *run = payload;
	if (run->progress->shown && run->report_on_terminal) {
		fputs("\r\033[K", stderr);  /* the findings take the progress line's place */
		run->progress->shown = false;
	}
	for (size_t i = 0; i < run->noutputs; i++) {
		report_output *out = &run->outputs[i];
		if (out->stream && out->error >= 0)
			out->error = copylint_report_stream_add(out->stream, file);
	}
	note_problem(run, file);
	if (run->opts->fail_on != COPYLINT_SEVERITY_OFF)
		run->failing += copylint_results_count_at_least(file, (copylint_severity)run->opts->fail_on);
}

static int finish_output(report_output *out)
{
	int error = out->error;
	if (out->stream && error >= 0)
		error = copylint_report_stream_finish(out->stream);
	copylint_report_stream_free(out->stream);
	switch (out->kind) {
	case OUT_STDOUT:
		if (error >= 0 && fflush(stdout) != 0)
			out->stdout_errno = errno, error = -1;
		if (error < 0)
			cli_error("cannot write the report to standard output: %s",
				  out->stdout_errno ? strerror(out->stdout_errno) : copylint_error_last());
		return error < 0 ? -1 : 0;
	case OUT_FILE:
		if (error < 0 && out->file.fd >= 0 && !out->file.error)
			cli_error("cannot write %s: %s", out->path, copylint_error_last());
		return cli_atomic_commit(&out->file, error >= 0) < 0 ? -1 : 0;
	default:
		if (out->fd < 0)
			return -1;
		if (close(out->fd) < 0 && error >= 0)
			error = -1;
		if (error < 0)
			cli_error("cannot write the step summary %s: %s", out->path, strerror(errno));
		return error < 0 ? -1 : 0;
	}
}

/* Every report is finished even when one fails. */
static bool finish_outputs(check_run *run)
{
	bool failed = false;
	for (size_t i = 0; i < run->noutputs; i++) {
		failed |= finish_output(&run->outputs[i]) < 0;
		free(run->outputs[i].format);
	}
	free(run->outputs);
	return failed;
}

/* Unreadable files are errors (exit 2); binary files and notices are said,
 * after the reports, in the order the sources were given. */
static int compare_problems(const void *pa, const void *pb)
{
	const file_problem *a = pa, *b = pb;
	return a->source_index < b->source_index ? -1 : a->source_index > b->source_index;
}

static bool report_problems(check_run *run, const copylint_results *notices)
{
	const check_options *opts = run->opts;
	bool trouble = false;
	if (run->nproblems)
		qsort(run->problems, run->nproblems, sizeof(file_problem), compare_problems);
	for (size_t i = 0; i < run->nproblems; i++) {
		file_problem *p = &run->problems[i];
		if (p->status == COPYLINT_FILE_ERROR) {
			cli_error("error: %s", p->message);
			trouble = true;
		} else if (p->status == COPYLINT_FILE_SKIPPED_BINARY && !opts->quiet) {
			cli_error("notice: %s", p->message);
		}
		free(p->message);
	}
	free(run->problems);
	for (size_t i = 0; !opts->quiet && i < copylint_results_notice_count(notices); i++)
		cli_error("notice: %s", copylint_results_notice_at(notices, i));
	return trouble;
}

static char *join_path(const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *path = malloc(len);
	if (path)
		snprintf(path, len, "%s/%s", dir, name);
	return path;
}

/* Where the spelling answers are kept between runs (the caller frees it);
 * NULL: nowhere. */
static char *cache_dir(const check_options *opts)
{
	const char *dir = getenv("COPYLINT_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (opts->no_cache)
		return NULL;
	if (dir && *dir)
		return strdup(dir);
	if (xdg && *xdg == '/')
		return join_path(xdg, "copylint");
	return home && *home == '/' ? join_path(home, ".cache/copylint") : NULL;
}

static bool reads_stdin(const check_options *opts)
{
	for (size_t i = 0; i < opts->npaths; i++)
		if (!strcmp(opts->paths[i], "-"))
			return true;
	return false;
}

/* Before anything is written: no report may replace an article it checks. */
static int refuse_outputs_over_inputs(const check_options *opts, const copylint_sources *sources)
{
	bool stdin_read = reads_stdin(opts) && !opts->git.staged && !opts->git.diff;
	int error = 0;
	if (opts->output && cli_output_is_input(opts->output, sources, stdin_read))
		error = -1, cli_error("cannot write %s: it is one of the files being checked", opts->output);
	for (size_t i = 0; i < opts->nreports; i++) {
		const char *path = strchr(opts->reports[i], '=') + 1;
		if (cli_output_is_input(path, sources, stdin_read))
			error = -1, cli_error("cannot write %s: it is one of the files being checked", path);
	}
	return error;
}

static int run_check(const check_options *opts, copylint_config *config)
{
	copylint_sources *sources = NULL;
	copylint_checker *checker = NULL;
	copylint_results *notices = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	char *cache = NULL;
	progress_state progress = { { 0, 0 }, 0.0, false };
	check_run run = { .opts = opts, .progress = &progress };
	int status = EXIT_TROUBLE;

	clock_gettime(CLOCK_MONOTONIC, &progress.started);
	options.language = opts->lang;
	options.jobs = opts->jobs ? opts->jobs : copylint_processors_available();
	options.suggestions = cli_check_shows_suggestions(opts);
	cache = cache_dir(opts);
	options.cache_dir = cache;
	if (wants_progress(opts)) {
		options.progress = show_progress;
		options.progress_payload = &progress;
	}
	copylint_sources_new(&sources);
	if (gather_sources(opts, config, sources) < 0 || refuse_outputs_over_inputs(opts, sources) < 0 ||
	    pair_with_source(opts, sources) < 0 || cli_shard_apply(&opts->shard, sources, opts->quiet) < 0 ||
	    copylint_checker_new(&checker, config, &options) < 0)
		goto cleanup;
	open_outputs(&run);
	run.report_on_terminal = !opts->output && isatty(STDOUT_FILENO);
	int error = copylint_check_sources_each(&notices, checker, sources, on_file, &run);
	if (progress.shown)
		fputs("\r\033[K", stderr);
	bool failed_output = finish_outputs(&run);
	bool trouble = report_problems(&run, notices);
	if (error < 0)
		cli_error("error: %s", copylint_error_last());
	if (error < 0 || failed_output || trouble)
		goto cleanup;
	status = run.failing ? EXIT_FINDINGS : EXIT_CLEAN;
cleanup:
	copylint_results_free(notices);
	copylint_checker_free(checker);  /* writes the spelling cache */
	copylint_sources_free(sources);
	free(cache);
	return status;
}

int cli_check(int argc, char **argv)
{
	const char *actions = getenv("GITHUB_ACTIONS");
	check_options opts = { .format = actions && !strcmp(actions, "true") ? "github" : "text", .fail_on = COPYLINT_SEVERITY_WARNING, .jobs = 0,
			       .git = { .scope = -1 } };
	copylint_config *config = NULL;
	int rc = cli_check_parse_args(&opts, argc, argv), status = EXIT_TROUBLE;
	if (!rc && cli_shard_from_env(&opts.shard) < 0)
		rc = -1;
	cli_shard_automation_id(&opts.shard, opts.automation_id, sizeof(opts.automation_id));
	if (rc) {
		free(opts.rule_settings);
		free(opts.reports);
		return rc > 0 ? EXIT_CLEAN : EXIT_TROUBLE;
	}
	if (load_config(&opts, &config) == 0)
		status = run_check(&opts, config);
	copylint_config_free(config);
	free(opts.rule_settings);
	free(opts.reports);
	return status;
}

