#include "missing.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

void cl_git_allow_extensions(void)
{
	static const char *const extensions[] = { "partialclone" };
	git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, sizeof(extensions) / sizeof(extensions[0]));
}

/* "remote.<name>.promisor" set to true; the name may hold dots. Matched by
 * hand: libgit2's config regexes go through a pcre2 that leaks per match. */
static char *promisor_remote(const git_config_entry *entry)
{
	static const char prefix[] = "remote.", suffix[] = ".promisor";
	size_t len = strlen(entry->name);
	int yes = 0;
	if (len <= strlen(prefix) + strlen(suffix) || strncmp(entry->name, prefix, strlen(prefix)) ||
	    strcmp(entry->name + len - strlen(suffix), suffix))
		return NULL;
	if (git_config_parse_bool(&yes, entry->value) < 0 || !yes)
		return NULL;
	return cl_strndup(entry->name + strlen(prefix), len - strlen(prefix) - strlen(suffix));
}

char *cl_git_promisor(git_repository *repo)
{
	git_config *config = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *entry;
	git_buf value = GIT_BUF_INIT;
	char *name = NULL;
	if (git_repository_config_snapshot(&config, repo) < 0)
		return NULL;
	if (git_config_get_string_buf(&value, config, "extensions.partialclone") == 0 && value.size)
		name = cl_strdup(value.ptr);
	else if (git_config_iterator_new(&it, config) == 0)
		while (!name && git_config_next(&entry, it) == 0)
			name = promisor_remote(entry);
	git_error_clear();
	git_config_iterator_free(it);
	git_buf_dispose(&value);
	git_config_free(config);
	return name;
}

char *cl_git_missing_message(git_repository *repo, const char *path, const git_oid *id, bool previous,
			     const char *prefetch)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_oid_tostr(hex, sizeof(hex), id);
	const char *which = previous ? "its previous version, which gives the changed lines" : "the file";
	char *remote = cl_git_promisor(repo);
	if (!remote)
		return cl_sprintf("%s: cannot check: blob %s (%s) is missing from the object database "
				  "(`git fsck` lists what is missing); fetch the objects again with `git fetch "
				  "--refetch`, or clone the repository again", path, hex, which);
	char *fetch_some = prefetch ? cl_sprintf("the blobs of the changed files with `%s >/dev/null`, or ",
						 prefetch) : cl_strdup("");
	char *message = cl_sprintf(
		"%s: cannot check: blob %s (%s) is not in this partial clone (remote '%s' is its promisor: the git "
		"program fetches a missing blob when it needs one, copylint reads the object database as it "
		"is). Fetch %severy blob with `git -c remote.%s.partialclonefilter= fetch --refetch %s`, or "
		"clone without --filter", path, hex, which, remote, fetch_some, remote, remote);
	free(fetch_some);
	free(remote);
	return message;
}
