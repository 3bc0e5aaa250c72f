/* What history.c, diff.c and frontmatter.c share inside the stage. */
#ifndef CL_HISTORY_HISTORY_INTERNAL_H
#define CL_HISTORY_HISTORY_INTERNAL_H

#include <git2.h>
#include <pthread.h>

#include "history.h"
#include "walk.h"

struct cl_history {
	git_repository *repo;
	char *workdir;           /* '/'-terminated */
	size_t limit;            /* commits listed per staleness */
	pthread_mutex_t lock;    /* the repository and the walk */
	hist_walk walk;
	bool head_read;          /* HEAD is read once, on first use: */
	bool has_head;           /* false: no commit yet */
	git_oid head;
	git_tree *head_tree;
};

/* HEAD's commit and tree, read on first use. Returns 0 (has_head says
 * whether there is one) or -1. */
int hist_head(cl_history *history);

/* A path and the paths it was renamed from, newest first: each segment's
 * content changes count between ordinals newest and oldest (inclusive). */
#define HIST_LINEAGE_MAX 16
typedef struct {
	const hist_path *path;
	uint32_t newest, oldest;
} hist_segment;

typedef struct {
	hist_segment segments[HIST_LINEAGE_MAX];
	size_t count;
} hist_lineage;

void hist_lineage_build(hist_lineage *out, const hist_walk *walk, const char *path);
const hist_change *hist_lineage_change(const hist_lineage *lineage, size_t i);

/* The source's blob at base (under the lineage's name at that commit)
 * and at HEAD: found under the lock (the walk's paths), compared outside
 * it (libgit2 reads objects from several threads). */
typedef struct {
	bool has_now, has_then;
	git_oid now, then;
} hist_diff;

int hist_diff_plan(cl_history *history, const char *source, const git_oid *base, hist_diff *plan);
/* Sets out->state (FRESH when the content is the same or no counted
 * commit changed it, BEHIND otherwise), the line counts and the changed
 * spans. Returns 0 or -1 with out->error. */
int hist_diff_run(git_repository *repo, const hist_diff *plan, const char *source, cl_staleness *out);

#endif
