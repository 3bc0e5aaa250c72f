/* copylint status: the whole site's translations at a glance, and limits
 * for CI (--fail-on-stale, --min-coverage). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copylint/copylint.h"
#include "cli.h"

static const char status_usage[] =
	"usage: copylint status [options] [PATH...]\n"
	"\n"
	"Per language, the translations among the files of PATH (default: .): up to\n"
	"date with their source, stale (the source changed since, from git history;\n"
	"how many commits and lines behind), missing (source pages with no\n"
	"translation) and orphaned (translations whose source does not exist).\n"
	"Files are paired as `copylint pairs` shows.\n"
	"\n"
	"options:\n"
	"  --format FORMAT       text (default), json, markdown, html (one static page)\n"
	"  -o, --output FILE     write there instead of standard output (atomically)\n"
	"  --config FILE         use FILE instead of the nearest .copylint.yml\n"
	"  --fail-on-stale       exit 1 when a translation is stale\n"
	"  --min-coverage LANG=PCT  exit 1 when under PCT %% of LANG's source pages have an\n"
	"                        up-to-date translation (repeatable; e.g. fr=80, pt-BR=95.5)\n"
	"\n"
	"Outside a git repository staleness is left out (said once); coverage then\n"
	"counts translated pages. Exit status: 0, 1 when a limit is not met, 2 usage,\n"
	"config or I/O error.\n";

typedef struct {
	const char *lang;
	size_t permille;
} coverage_limit;

typedef struct {
	const char *format;
	const char *output;
	const char *config_path;
	bool fail_on_stale;
	coverage_limit *limits;
	size_t nlimits;
	const char **paths;
	size_t npaths;
} status_options;

/* "80", "80%", "95.5": tenths of a percent from 0 to 1000; -1 otherwise. */
static long parse_percent(const char *s)
{
	long whole = 0, tenth = 0;
	const char *p = s;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9' && whole <= 100; p++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		tenth = p[1] - '0', p += 2;
	if (*p == '%')
		p++;
	long permille = whole * 10 + tenth;
	return *p || permille > 1000 ? -1 : permille;
}

static int add_limit(status_options *opts, char *arg)
{
	char *eq = strchr(arg, '=');
	long permille = eq ? parse_percent(eq + 1) : -1;
	if (eq)
		*eq = '\0';
	if (!eq || permille < 0 || !copylint_language_valid(arg)) {
		if (eq)
			*eq = '=';
		return cli_error("status: --min-coverage takes LANG=PCT (a language tag, a percentage from 0 "
				 "to 100), not '%s'", arg), -1;
	}
	opts->limits[opts->nlimits++] = (coverage_limit){ arg, (size_t)permille };
	return 0;
}

static const char *const value_options[] = { "--format", "-o", "--output", "--config", "--min-coverage", NULL };

static bool takes_value(const char *a)
{
	for (size_t i = 0; value_options[i]; i++)
		if (!strcmp(a, value_options[i]))
			return true;
	return false;
}

static int take_value(status_options *opts, const char *a, char *v)
{
	if (!strcmp(a, "--format")) {
		if (strcmp(v, "text") && strcmp(v, "json") && strcmp(v, "markdown") && strcmp(v, "html"))
			return cli_error("status: --format takes text, json, markdown or html, not '%s'", v), -1;
		opts->format = v;
	} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
		opts->output = v;
	} else if (!strcmp(a, "--config")) {
		opts->config_path = v;
	} else {
		return add_limit(opts, v);
	}
	return 0;
}

static int parse_status_args(status_options *opts, int argc, char **argv)
{
	opts->format = "text";
	opts->paths = calloc((size_t)argc + 1, sizeof(char *));
	opts->limits = calloc((size_t)argc + 1, sizeof(coverage_limit));
	if (!opts->paths || !opts->limits)
		abort();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return fputs(status_usage, stdout), 1;
		if (takes_value(a)) {
			if (i + 1 >= argc)
				return cli_error("status: %s needs a value", a), -1;
			if (take_value(opts, a, argv[++i]) < 0)
				return -1;
		} else if (!strcmp(a, "--fail-on-stale")) {
			opts->fail_on_stale = true;
		} else if (a[0] == '-' && a[1]) {
			return cli_error("status: unknown option '%s'", a), fputs(status_usage, stderr), -1;
		} else {
			opts->paths[opts->npaths++] = a;
		}
	}
	if (!opts->npaths)
		opts->paths[opts->npaths++] = ".";
	return 0;
}

static int to_stdout(const char *data, size_t len, void *payload)
{
	int *error = payload;
	if (fwrite(data, 1, len, stdout) == len)
		return 0;
	*error = errno ? errno : EIO;
	return -1;
}

static int write_status(const status_options *opts, const copylint_status *status)
{
	if (opts->output) {
		cli_atomic_file file;
		if (cli_atomic_open(&file, opts->output, 0666) < 0)
			return -1;
		int rc = copylint_status_write(status, opts->format, cli_atomic_write, &file);
		if (rc < 0 && !file.error)
			cli_error("cannot write %s: %s", opts->output, copylint_error_last());
		return cli_atomic_commit(&file, rc >= 0) < 0 ? -1 : 0;
	}
	int error = 0;
	int rc = copylint_status_write(status, opts->format, to_stdout, &error);
	if (rc >= 0 && fflush(stdout) != 0)
		error = errno, rc = -1;
	if (rc < 0)
		cli_error("cannot write the status to standard output: %s",
			  error ? strerror(error) : copylint_error_last());
	return rc < 0 ? -1 : 0;
}

/* The language whose tag is tag (case and '-'/'_' aside), or NULL. */
static const copylint_status_language *find_language(const copylint_status *status, const char *tag, size_t *index)
{
	for (size_t i = 0; i < copylint_status_language_count(status); i++) {
		const char *t = copylint_status_language_at(status, i)->tag;
		size_t n = 0;
		while (t[n] && tag[n] && ((t[n] | 0x20) == (tag[n] | 0x20) || (strchr("-_", t[n]) && strchr("-_", tag[n]))))
			n++;
		if (!t[n] && !tag[n])
			return *index = i, copylint_status_language_at(status, i);
	}
	return NULL;
}

/* Says each limit not met; true when one is not. */
static bool limits_fail(const status_options *opts, const copylint_status *status)
{
	bool failed = false;
	for (size_t i = 0; i < copylint_status_language_count(status) && opts->fail_on_stale; i++) {
		const copylint_status_language *l = copylint_status_language_at(status, i);
		if (l->stale)
			cli_error("status: %zu stale %s translation%s", l->stale, l->tag, l->stale == 1 ? "" : "s"),
				failed = true;
	}
	for (size_t i = 0; i < opts->nlimits; i++) {
		const coverage_limit *limit = &opts->limits[i];
		size_t index, have = 0;
		if (find_language(status, limit->lang, &index))
			have = copylint_status_coverage_permille(status, index);
		if (have < limit->permille) {
			cli_error("status: %s: %zu.%zu%% of the source pages %s, under --min-coverage %zu.%zu%%",
				  limit->lang, have / 10, have % 10,
				  copylint_status_history_note(status) ? "translated" : "up to date",
				  limit->permille / 10, limit->permille % 10);
			failed = true;
		}
	}
	return failed;
}

static void say_notes(const copylint_status *status)
{
	if (copylint_status_history_note(status))
		cli_error("status: %s", copylint_status_history_note(status));
	for (size_t i = 0; i < copylint_status_notice_count(status); i++)
		cli_error("%s", copylint_status_notice_at(status, i));
}

int cli_status(int argc, char **argv)
{
	status_options opts = { 0 };
	copylint_config *config = NULL;
	copylint_status *status = NULL;
	int result = EXIT_TROUBLE, rc = parse_status_args(&opts, argc, argv);
	if (rc || cli_config_open(&config, opts.config_path, false) < 0)
		goto done;
	if (copylint_status_new(&status, config, opts.paths, opts.npaths, NULL) < 0) {
		cli_error("status: %s", copylint_error_last());
		goto done;
	}
	say_notes(status);
	if (write_status(&opts, status) < 0)
		goto done;
	result = limits_fail(&opts, status) ? EXIT_FINDINGS : EXIT_CLEAN;
done:
	copylint_status_free(status);
	copylint_config_free(config);
	free(opts.paths);
	free(opts.limits);
	return rc > 0 ? EXIT_CLEAN : result;
}
