/* copylint check: parse options, load the config, gather sources, run the
 * checker, write the report, choose the exit status. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "copylint/copylint.h"
#include "cli.h"

static const char check_usage[] =
	"usage: copylint check [options] [PATH...]\n"
	"       copylint check --staged [options] [-- PATHSPEC...]\n"
	"       copylint check --diff [BASE | A..B] [options] [-- PATHSPEC...]\n"
	"       copylint check --source SOURCE [options] TRANSLATION...\n"
	"\n"
	"Checks files and folders (default: the current folder). Folders are walked\n"
	"for .md, .markdown, .mdx, .txt files (or the config's include globs),\n"
	"skipping hidden entries and files that git ignores. - reads standard input.\n"
	"\n"
	"--staged checks what the next commit will hold: the index against HEAD,\n"
	"the bytes in the index, not the working tree. --diff checks what a branch\n"
	"changed: HEAD (or B) against its merge base with BASE (or A), the bytes in\n"
	"HEAD's tree. Without BASE, --diff uses origin/$GITHUB_BASE_REF (GitHub\n"
	"Actions) or $CI_MERGE_REQUEST_DIFF_BASE_SHA (GitLab CI). Paths are relative\n"
	"to the repository root; the config's include/exclude globs and PATHSPECs\n"
	"(relative to the current folder) select the files.\n"
	"\n"
	"options:\n"
	"  --format FORMAT        text, json, github, github-summary, gitlab, sarif,\n"
	"                         checkstyle, junit or rdjsonl (default: github when\n"
	"                         GITHUB_ACTIONS=true, else text)\n"
	"  -o, --output FILE      write the report to FILE instead of standard output\n"
	"  --report FORMAT=FILE   also write a FORMAT report to FILE (repeatable)\n"
	"  --config FILE          use FILE instead of the nearest .copylint.yml\n"
	"  --lang TAG             check every file as language TAG (en-US, cs, de, fr, ...)\n"
	"  --fail-on LEVEL        exit 1 on findings at or above LEVEL:\n"
	"                         error, warning (default), info, never\n"
	"  --rule ID=LEVEL        set a rule to off, info, warning or error (repeatable)\n"
	"  --jobs N               check files on N threads (default: the processors\n"
	"                         this process may use, after CPU affinity and the\n"
	"                         cgroup's CPU quota)\n"
	"  --shard K/N            check only the K-th of N shares of the files, for N\n"
	"                         parallel CI jobs (GitLab's parallel: N is detected)\n"
	"  --stdin-filename NAME  the path (and so the format) of standard input\n"
	"  --source FILE          check the files as translations of FILE (else the\n"
	"                         config's translations: layouts pair them; see\n"
	"                         `copylint pairs`)\n"
	"  --quiet                print findings only: no summary, no notices\n"
	"  --no-color             no colours (also when NO_COLOR is set)\n"
	"  --no-cache             keep no spelling answers between runs (default: in\n"
	"                         $COPYLINT_CACHE_DIR, $XDG_CACHE_HOME/copylint or\n"
	"                         ~/.cache/copylint)\n"
	"  --staged               check the staged changes (for a pre-commit hook)\n"
	"  --diff [BASE|A..B]     check what HEAD (or B) changed since BASE (or A)\n"
	"  --scope SCOPE          with --staged or --diff: lines (default: findings on\n"
	"                         added or changed lines only), files (every finding in\n"
	"                         the changed files), all (every article in the index\n"
	"                         or in HEAD's tree)\n"
	"  -h, --help             this help\n"
	"\n"
	"With the github format and GITHUB_STEP_SUMMARY set, a Markdown table of the\n"
	"findings per file and rule is appended to that file.\n"
	"\n"
	"Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or\n"
	"I/O error (files that could not be read are reported, the rest checked).\n";

typedef struct {
	const char *format;
	const char *output;
	const char *config_path;
	const char *lang;
	const char *stdin_filename;
	const char *translation_source;
	int fail_on;  /* a severity, or COPYLINT_SEVERITY_OFF for never */
	unsigned jobs;  /* 0: the processors this process may use */
	bool quiet;
	bool no_color;
	bool no_cache;
	char **rule_settings;
	size_t nrule_settings;
	char **paths;
	size_t npaths;
	cli_git_request git;
	char **reports;  /* FORMAT=FILE */
	size_t nreports;
	cli_shard shard;
	char automation_id[64];  /* SARIF's, for a shard */
} check_options;

enum {
	OPT_FORMAT = 256, OPT_OUTPUT, OPT_CONFIG, OPT_LANG, OPT_FAIL_ON, OPT_RULE, OPT_JOBS,
	OPT_STDIN_FILENAME, OPT_QUIET, OPT_NO_COLOR, OPT_REPORT, OPT_STAGED, OPT_DIFF, OPT_SCOPE,
	OPT_NO_CACHE, OPT_SHARD, OPT_SOURCE
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "rule", required_argument, NULL, OPT_RULE },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "staged", no_argument, NULL, OPT_STAGED },
	{ "diff", optional_argument, NULL, OPT_DIFF },
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static bool known_format(const char *name)
{
	for (size_t i = 0; i < copylint_report_format_count(); i++)
		if (!strcmp(copylint_report_format_name(i), name))
			return true;
	return false;
}

static void unknown_format(const char *what, const char *name)
{
	char list[256] = "";
	for (size_t i = 0; i < copylint_report_format_count(); i++) {
		strncat(list, i ? ", " : "", sizeof(list) - strlen(list) - 1);
		strncat(list, copylint_report_format_name(i), sizeof(list) - strlen(list) - 1);
	}
	cli_error("%s: unknown format '%s' (%s)", what, name, list);
}

/* FORMAT=FILE, with a known format and a file name. */
static int add_report(check_options *opts, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg || !eq[1])
		return cli_error("--report takes FORMAT=FILE, not '%s'", arg), -1;
	char *name = strndup(arg, (size_t)(eq - arg));
	bool known = known_format(name);
	if (!known)
		unknown_format("--report", name);
	free(name);
	if (!known)
		return -1;
	opts->reports = realloc(opts->reports, (opts->nreports + 1) * sizeof(char *));
	if (!opts->reports)
		abort();
	opts->reports[opts->nreports++] = (char *)arg;
	return 0;
}

/* Formats that print a finding's suggestions; for the others the checker
 * need not compute them (they are the slow part of spelling). */
static bool format_shows_suggestions(const char *name, size_t len)
{
	static const char *const showing[] = { "text", "json" };
	for (size_t i = 0; i < sizeof(showing) / sizeof(showing[0]); i++)
		if (strlen(showing[i]) == len && !strncmp(showing[i], name, len))
			return true;
	return false;
}

/* The main format or any --report FORMAT=FILE. */
static bool any_report_shows_suggestions(const check_options *opts)
{
	if (format_shows_suggestions(opts->format, strlen(opts->format)))
		return true;
	for (size_t i = 0; i < opts->nreports; i++)
		if (format_shows_suggestions(opts->reports[i], strcspn(opts->reports[i], "=")))
			return true;
	return false;
}

static int parse_fail_on(const char *value)
{
	if (!strcmp(value, "never"))
		return COPYLINT_SEVERITY_OFF;
	int severity = copylint_severity_parse(value);
	return severity > 0 ? severity : -1;
}

static int parse_jobs(const char *value, unsigned *jobs)
{
	char *end;
	errno = 0;
	long n = strtol(value, &end, 10);
	if (errno || *end || n < 1 || n > 256)
		return -1;
	*jobs = (unsigned)n;
	return 0;
}

/* Returns -1 to exit with EXIT_TROUBLE, 1 to exit cleanly (help), 0 to go on. */
static int parse_option(check_options *opts, int opt, const char *arg)
{
	switch (opt) {
	case OPT_FORMAT:
		if (!known_format(arg))
			return unknown_format("--format", arg), -1;
		opts->format = arg;
		return 0;
	case 'o': opts->output = arg; return 0;
	case OPT_CONFIG: opts->config_path = arg; return 0;
	case OPT_LANG:
		if (!copylint_language_valid(arg))
			return cli_error("--lang takes a BCP 47 tag such as en-US, cs or pt-BR, not '%s'", arg), -1;
		opts->lang = arg;
		return 0;
	case OPT_STDIN_FILENAME: opts->stdin_filename = arg; return 0;
	case OPT_SOURCE: opts->translation_source = arg; return 0;
	case OPT_QUIET: opts->quiet = true; return 0;
	case OPT_NO_CACHE: opts->no_cache = true; return 0;
	case OPT_REPORT: return add_report(opts, arg);
	case OPT_SHARD: return cli_shard_parse(&opts->shard, arg);
	case OPT_NO_COLOR: opts->no_color = true; return 0;
	case OPT_FAIL_ON:
		if ((opts->fail_on = parse_fail_on(arg)) < 0)
			return cli_error("--fail-on takes error, warning, info or never, not '%s'", arg), -1;
		return 0;
	case OPT_JOBS:
		if (parse_jobs(arg, &opts->jobs) < 0)
			return cli_error("--jobs takes a number from 1 to 256, not '%s'", arg), -1;
		return 0;
	case OPT_RULE:
		opts->rule_settings = realloc(opts->rule_settings, (opts->nrule_settings + 1) * sizeof(char *));
		if (!opts->rule_settings)
			abort();
		opts->rule_settings[opts->nrule_settings++] = (char *)arg;
		return 0;
	case OPT_STAGED: opts->git.staged = true; return 0;
	case OPT_DIFF: opts->git.diff = true; opts->git.base = arg; return 0;
	case OPT_SCOPE:
		if ((opts->git.scope = cli_parse_scope(arg)) < 0)
			return cli_error("--scope takes lines, files or all, not '%s'", arg), -1;
		return 0;
	case 'h':
		fputs(check_usage, stdout);
		return 1;
	default:
		fputs(check_usage, stderr);
		return -1;
	}
}

/* What follows "--" is set aside before getopt sees it: pathspecs in git
 * modes, more paths otherwise. */
static int split_at_dashes(check_options *opts, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			opts->git.pathspecs = (const char *const *)argv + i + 1;
			opts->git.npathspecs = (size_t)(argc - i - 1);
			return i;
		}
	}
	return argc;
}

static int parse_args(check_options *opts, int argc, char **argv)
{
	int opt;
	optind = 1;
	opterr = 1;
	argc = split_at_dashes(opts, argc, argv);
	while ((opt = getopt_long(argc, argv, "ho:", long_options, NULL)) != -1) {
		int rc = parse_option(opts, opt, optarg);
		if (rc)
			return rc;
	}
	opts->paths = argv + optind;
	opts->npaths = (size_t)(argc - optind);
	return cli_git_take_positionals(&opts->git, (const char *const *)opts->paths, &opts->npaths);
}

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
	options.suggestions = any_report_shows_suggestions(opts);
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
	int rc = parse_args(&opts, argc, argv), status = EXIT_TROUBLE;
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
