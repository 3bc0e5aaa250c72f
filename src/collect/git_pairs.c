/* --staged and --diff: each changed translation's source, read from the
 * snapshot the translation comes from (the index, or the branch tip's
 * tree), so that a commit changing both is compared as committed and a
 * working-tree edit that is not staged is not seen. The source need not
 * have changed: it is looked up by path. Pairing itself follows the
 * layouts as for files on disk, on the translation's place in the working
 * tree (the well-known layouts look there for the source's folder). */
#include "git.h"
#include "git_run.h"

#include <stdlib.h>
#include <string.h>

#include "pairs.h"
#include "../util/alloc.h"

/* The blob at path in the snapshot, or NULL. */
static git_blob *snapshot_blob(git_run *run, const char *path)
{
	git_blob *blob = NULL;
	if (run->snapshot_tree) {
		git_tree_entry *entry = NULL;
		if (git_tree_entry_bypath(&entry, run->snapshot_tree, path) == 0 &&
		    git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
			git_blob_lookup(&blob, run->repo, git_tree_entry_id(entry));
		git_tree_entry_free(entry);
		return blob;
	}
	if (!run->snapshot_index && cl_git_open_index(&run->snapshot_index, run->repo) < 0)
		return NULL;
	const git_index_entry *entry = git_index_get_bypath(run->snapshot_index, path, 0);
	if (entry && git_odb_exists(run->odb, &entry->id))
		git_blob_lookup(&blob, run->repo, &entry->id);
	return blob;
}

/* The source's path in the repository: the pair's candidate without the
 * working tree's prefix. */
static const char *in_repository(const git_run *run, const char *candidate)
{
	size_t n = run->workdir ? strlen(run->workdir) : 0;
	return n && !strncmp(candidate, run->workdir, n) ? candidate + n : candidate;
}

static void attach(git_run *run, cl_source *source, const char *path)
{
	const char *where = run->snapshot_tree ? "the branch tip" : "the index";
	git_blob *blob = snapshot_blob(run, path);
	if (!blob) {
		source->snapshot_error = cl_sprintf("%s: its source %s is not in %s: checked alone", source->path, path,
						    where);
		return;
	}
	const char *data = git_blob_rawcontent(blob);
	size_t len = (size_t)git_blob_rawsize(blob);
	if (memchr(data, '\0', len) || cl_git_is_lfs_pointer(data, len)) {
		source->snapshot_error = cl_sprintf("%s: its source %s in %s is not text: checked alone",
						    source->path, path, where);
	} else {
		source->snapshot_source = cl_strdup(path);
		source->snapshot_data = cl_malloc(len + 1);
		memcpy(source->snapshot_data, data, len);
		source->snapshot_data[len] = '\0';
		source->snapshot_len = len;
	}
	git_blob_free(blob);
}

void cl_git_add_translation_sources(git_run *run, size_t first)
{
	for (size_t i = first; i < run->sources->count; i++) {
		cl_source *source = &run->sources->items[i];
		if (source->error)
			continue;
		cl_pair pair;
		cl_pair_find(run->config, source->config_path ? source->config_path : source->path, &pair);
		if (pair.status == CL_PAIR_FOUND || pair.status == CL_PAIR_MISSING)
			attach(run, source, in_repository(run, pair.source));
		cl_pair_dispose(&pair);
	}
}
