#include "missing.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

void cl_git_allow_extensions(void)
{
	static const char *const extensions[] = { "partialclone" };
	git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, sizeof(extensions) / sizeof(extensions[0]));
}

static int first_promisor(const git_config_entry *entry, void *payload)
{
	char **name = payload;
	int yes = 0;
	if (git_config_parse_bool(&yes, entry->value) < 0 || !yes)
		return 0;
	/* "remote.<name>.promisor": the name may hold dots */
	const char *start = entry->name + strlen("remote.");
	size_t len = strlen(start) - strlen(".promisor");
	*name = cl_strndup(start, len);
	return 1;  /* the first is enough */
}

char *cl_git_promisor(git_repository *repo)
{
	git_config *config = NULL;
	git_buf value = GIT_BUF_INIT;
	char *name = NULL;
	if (git_repository_config_snapshot(&config, repo) < 0)
		return NULL;
	if (git_config_get_string_buf(&value, config, "extensions.partialclone") == 0 && value.size)
		name = cl_strdup(value.ptr);
	else
		git_config_foreach_match(config, "^remote\\..+\\.promisor$", first_promisor, &name);
	git_error_clear();
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
