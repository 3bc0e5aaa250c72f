/* copylint check's command line (check_args.c), shared with the run
 * (check.c). */
#ifndef CL_CLI_CHECK_H
#define CL_CLI_CHECK_H

#include <stdbool.h>

#include "copylint/copylint.h"
#include "cli.h"

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

/* Parses argv into opts: 0 to go on, 1 to exit cleanly (--help), -1 to
 * exit with EXIT_TROUBLE (the message is printed). */
int cli_check_parse_args(check_options *opts, int argc, char **argv);
/* Whether the main format or a --report prints suggestions (the slow part
 * of spelling, not computed for the other formats). */
bool cli_check_shows_suggestions(const check_options *opts);

#endif
