/* The git modes of copylint check: --staged, --diff [BASE], --scope, and
 * pathspecs. Collection itself is the library's (copylint_sources_add_*). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_parse_scope(const char *name)
{
	static const char *const names[] = { "lines", "files", "all" };
	for (int i = 0; i < 3; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

int cli_git_take_positionals(cli_git_request *git, const char *const *args, size_t *nargs)
{
	if (git->staged && git->diff) {
		cli_error("--staged and --diff cannot be combined");
		return -1;
	}
	if (!git->staged && !git->diff) {
		if (git->scope >= 0) {
			cli_error("--scope needs --staged or --diff");
			return -1;
		}
		return 0;
	}
	if (git->diff && !git->base && *nargs) {
		git->base = args[0];  /* --diff BASE */
		args++;
		(*nargs)--;
	}
	if (*nargs) {
		cli_error("unexpected argument '%s': in git modes, give paths after --", args[0]);
		return -1;
	}
	return 0;
}

/* The base CI names when --diff has none: GitHub Actions' target branch of a
 * pull request, or GitLab's merge request base. */
static char *ci_base(const char **variable)
{
	const char *github = getenv("GITHUB_BASE_REF");
	const char *gitlab = getenv("CI_MERGE_REQUEST_DIFF_BASE_SHA");
	if (github && *github) {
		*variable = "GITHUB_BASE_REF";
		size_t len = strlen(github) + sizeof("origin/");
		char *base = malloc(len);
		if (!base)
			abort();
		snprintf(base, len, "origin/%s", github);
		return base;
	}
	if (gitlab && *gitlab) {
		*variable = "CI_MERGE_REQUEST_DIFF_BASE_SHA";
		return strdup(gitlab);
	}
	return NULL;
}

static int add_diff(copylint_sources *sources, const copylint_config *config,
		    const cli_git_request *git, const copylint_git_options *options, bool quiet)
{
	const char *variable = NULL;
	char *from_ci = git->base ? NULL : ci_base(&variable);
	if (!git->base && !from_ci) {
		cli_error("--diff needs a base (--diff origin/main, --diff A..B); outside CI there is "
			  "no GITHUB_BASE_REF or CI_MERGE_REQUEST_DIFF_BASE_SHA to take it from");
		return -1;
	}
	if (from_ci && !quiet)
		cli_error("comparing with %s (from %s)", from_ci, variable);
	int error = copylint_sources_add_diff(sources, config, git->base ? git->base : from_ci, options);
	if (error < 0)
		cli_error("%s", copylint_error_last());
	free(from_ci);
	return error;
}

int cli_gather_git(copylint_sources *sources, const copylint_config *config,
		   const cli_git_request *git, bool quiet)
{
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.scope = git->scope >= 0 ? (copylint_scope)git->scope : COPYLINT_SCOPE_LINES;
	options.pathspecs = git->pathspecs;
	options.npathspecs = git->npathspecs;
	if (!git->staged)
		return add_diff(sources, config, git, &options, quiet);
	int error = copylint_sources_add_staged(sources, config, &options);
	if (error < 0)
		cli_error("%s", copylint_error_last());
	return error;
}
