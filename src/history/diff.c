/* The source's changed lines between a translation's base and HEAD. */
#include "history_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

typedef struct {
	cl_staleness *out;
	size_t cap;
} diff_payload;

static int on_hunk(const git_diff_delta *delta, const git_diff_hunk *hunk, void *payload)
{
	diff_payload *p = payload;
	cl_staleness *out = p->out;
	/* A pure deletion has no lines at HEAD: it points at the line before. */
	size_t first = hunk->new_lines ? (size_t)hunk->new_start : (size_t)(hunk->new_start ? hunk->new_start : 1);
	size_t last = hunk->new_lines ? first + (size_t)hunk->new_lines - 1 : first;
	CL_GROW(out->changed, p->cap, out->changed_count + 1);
	out->changed[out->changed_count++] = (cl_line_span){ first, last };
	return 0;
}

static int on_line(const git_diff_delta *delta, const git_diff_hunk *hunk, const git_diff_line *line, void *payload)
{
	diff_payload *p = payload;
	if (line->origin == GIT_DIFF_LINE_ADDITION)
		p->out->lines_added++;
	else if (line->origin == GIT_DIFF_LINE_DELETION)
		p->out->lines_removed++;
	return 0;
}

/* The blob at path in commit's tree; NULL when absent. */
static git_blob *blob_at(git_repository *repo, const git_oid *commit_id, const char *path)
{
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	if (git_commit_lookup(&commit, repo, commit_id) == 0 && git_commit_tree(&tree, commit) == 0 &&
	    git_tree_entry_bypath(&entry, tree, path) == 0 && git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
		git_blob_lookup(&blob, repo, git_tree_entry_id(entry));
	git_error_clear();
	git_tree_entry_free(entry);
	git_tree_free(tree);
	git_commit_free(commit);
	return blob;
}

/* The source as it was at base: under the newest of its names there. */
static git_blob *source_at(cl_history *h, const char *source, const git_oid *base)
{
	hist_lineage lineage;
	hist_lineage_build(&lineage, &h->walk, source);
	git_blob *blob = blob_at(h->repo, base, source);
	for (size_t i = 1; !blob && i < lineage.count; i++)
		blob = blob_at(h->repo, base, lineage.segments[i].path->path);
	return blob;
}

int hist_diff_source(cl_history *h, const char *source, const git_oid *base, cl_staleness *out)
{
	git_oid head;
	git_blob *now = NULL, *then = NULL;
	int error = 0;
	if (git_reference_name_to_id(&head, h->repo, "HEAD") < 0 || !(now = blob_at(h->repo, &head, source))) {
		/* Not committed yet: nothing to compare with. */
		out->state = CL_STALE_UNKNOWN;
		goto done;
	}
	then = source_at(h, source, base);
	if (!out->behind || (then && git_oid_equal(git_blob_id(then), git_blob_id(now)))) {
		/* Only ignored commits changed it, or it came back to what it was. */
		out->state = CL_STALE_FRESH;
		for (size_t i = 0; i < out->commit_count; i++)
			free(out->commits[i].subject);
		out->commit_count = out->behind = 0;
		goto done;
	}
	out->state = CL_STALE_BEHIND;
	git_diff_options options;
	git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
	options.context_lines = 0;
	diff_payload payload = { out, 0 };
	if (git_diff_blobs(then, NULL, now, NULL, &options, NULL, NULL, on_hunk, on_line, &payload) < 0) {
		const git_error *e = git_error_last();
		out->error = cl_sprintf("cannot compare %s with its earlier version: %s", source,
					e && e->message ? e->message : "unknown libgit2 error");
		error = -1;
	}
done:
	git_blob_free(then);
	git_blob_free(now);
	return error;
}
