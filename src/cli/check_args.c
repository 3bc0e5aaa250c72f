/* copylint check's command line: the usage, the options and their
 * checks (a format, a level, a job count must be valid before any file is
 * read). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

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
bool cli_check_shows_suggestions(const check_options *opts)
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

int cli_check_parse_args(check_options *opts, int argc, char **argv)
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

