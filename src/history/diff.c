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

/* The blob id at path in tree; false when absent. */
static bool id_in(git_tree *tree, const char *path, git_oid *out)
{
	git_tree_entry *entry = NULL;
	bool found = git_tree_entry_bypath(&entry, tree, path) == 0 && git_tree_entry_type(entry) == GIT_OBJECT_BLOB;
	if (found)
		*out = *git_tree_entry_id(entry);
	git_error_clear();
	git_tree_entry_free(entry);
	return found;
}

/* The source as it was at base: under the newest of its names there. */
static bool id_at_base(cl_history *h, const char *source, const git_oid *base, git_oid *out)
{
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	hist_lineage lineage;
	bool found = false;
	hist_lineage_build(&lineage, &h->walk, source);
	if (git_commit_lookup(&commit, h->repo, base) == 0 && git_commit_tree(&tree, commit) == 0) {
		found = id_in(tree, source, out);
		for (size_t i = 1; !found && i < lineage.count; i++)
			found = id_in(tree, lineage.segments[i].path->path, out);
	}
	git_error_clear();
	git_tree_free(tree);
	git_commit_free(commit);
	return found;
}

int hist_diff_plan(cl_history *h, const char *source, const git_oid *base, hist_diff *plan)
{
	memset(plan, 0, sizeof(*plan));
	if (hist_head(h) < 0)
		return -1;
	plan->has_now = h->has_head && id_in(h->head_tree, source, &plan->now);
	plan->has_then = plan->has_now && id_at_base(h, source, base, &plan->then);
	return 0;
}

static void forget_commits(cl_staleness *out)
{
	for (size_t i = 0; i < out->commit_count; i++)
		free(out->commits[i].subject);
	out->commit_count = out->behind = 0;
}

static int compare(git_repository *repo, const hist_diff *plan, const char *source, cl_staleness *out)
{
	git_blob *now = NULL, *then = NULL;
	git_diff_options options;
	git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
	options.context_lines = 0;
	diff_payload payload = { out, 0 };
	int error = git_blob_lookup(&now, repo, &plan->now);
	if (!error && plan->has_then)
		error = git_blob_lookup(&then, repo, &plan->then);
	if (!error)
		error = git_diff_blobs(then, NULL, now, NULL, &options, NULL, NULL, on_hunk, on_line, &payload);
	if (error < 0) {
		const git_error *e = git_error_last();
		out->error = cl_sprintf("cannot compare %s with its earlier version: %s", source,
					e && e->message ? e->message : "unknown libgit2 error");
	}
	git_blob_free(then);
	git_blob_free(now);
	return error < 0 ? -1 : 0;
}

int hist_diff_run(git_repository *repo, const hist_diff *plan, const char *source, cl_staleness *out)
{
	if (!plan->has_now) {
		/* Not committed yet: nothing to compare with. */
		out->state = CL_STALE_UNKNOWN;
		return 0;
	}
	if (!out->behind || (plan->has_then && git_oid_equal(&plan->then, &plan->now))) {
		/* Only ignored commits changed it, or it came back to what it was. */
		out->state = CL_STALE_FRESH;
		forget_commits(out);
		return 0;
	}
	out->state = CL_STALE_BEHIND;
	return compare(repo, plan, source, out);
}
