/* copylint check --shard K/N, and GitLab's `parallel: N` jobs, which say
 * their share in CI_NODE_INDEX (1-based) and CI_NODE_TOTAL. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static bool parse_count(const char *text, char **end, unsigned *out)
{
	errno = 0;
	unsigned long n = strtoul(text, end, 10);
	if (errno || *end == text || n < 1 || n > COPYLINT_SHARD_MAX || *text == '-' || *text == '+')
		return false;
	*out = (unsigned)n;
	return true;
}

static int parse_pair(cli_shard *shard, const char *index, const char *count, char sep)
{
	char *end;
	if (!parse_count(index, &end, &shard->index) || *end != sep)
		return -1;
	if (!parse_count(count, &end, &shard->count) || *end)
		return -1;
	return shard->index <= shard->count ? 0 : -1;
}

int cli_shard_parse(cli_shard *shard, const char *arg)
{
	const char *slash = strchr(arg, '/');
	shard->from_gitlab = false;
	if (!slash || parse_pair(shard, arg, slash + 1, '/') < 0) {
		shard->count = 0;
		cli_error("--shard takes K/N, with N from 1 to %d and K from 1 to N, not '%s'",
			  COPYLINT_SHARD_MAX, arg);
		return -1;
	}
	return 0;
}

int cli_shard_from_env(cli_shard *shard)
{
	const char *index = getenv("CI_NODE_INDEX"), *total = getenv("CI_NODE_TOTAL");
	if (shard->count || !index || !total || !*total || !strcmp(total, "1"))
		return 0;
	if (parse_pair(shard, index, total, '\0') < 0) {
		shard->count = 0;
		cli_error("CI_NODE_INDEX=%s and CI_NODE_TOTAL=%s name no shard (1 to %d jobs)",
			  index, total, COPYLINT_SHARD_MAX);
		return -1;
	}
	shard->from_gitlab = true;
	return 0;
}

int cli_shard_apply(const cli_shard *shard, copylint_sources *sources, bool quiet)
{
	if (!shard->count)
		return 0;
	size_t all = copylint_sources_count(sources);
	if (copylint_sources_keep_shard(sources, shard->index, shard->count) < 0) {
		cli_error("%s", copylint_error_last());
		return -1;
	}
	if (!quiet)
		fprintf(stderr, "copylint: shard %u/%u%s: checking %zu of %zu files\n", shard->index,
			shard->count, shard->from_gitlab ? " (GitLab parallel job: CI_NODE_INDEX/CI_NODE_TOTAL)" : "",
			copylint_sources_count(sources), all);
	return 0;
}

void cli_shard_automation_id(const cli_shard *shard, char *out, size_t size)
{
	if (shard->count)
		snprintf(out, size, "copylint/shard-%u-of-%u/", shard->index, shard->count);
	else
		snprintf(out, size, "%s", "");
}
