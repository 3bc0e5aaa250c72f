/* The one walk over history (walk.c): newest commit first, each commit
 * compared with its parent tree by tree (unchanged subtrees are skipped by
 * id), recording for every path the commits that changed its content and
 * where it was renamed from. The walk is resumable: queries walk only as
 * far as their answer needs, and later queries carry on from there.
 *
 * State is per path (its content changes and one rename link), never per
 * commit: commits and trees are freed as the walk moves on. */
#ifndef CL_HISTORY_WALK_H
#define CL_HISTORY_WALK_H

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/keyset.h"

/* A commit that changed a path's content, and its place in the walk (0 is
 * HEAD; larger is older). */
typedef struct {
	git_oid id;
	uint32_t ordinal;
} hist_change;

#define HIST_NONE UINT32_MAX

typedef struct {
	char *path;
	hist_change *changes;    /* newest first */
	size_t count, cap;
	uint32_t renamed_from;   /* index of the path it was renamed from, or HIST_NONE */
	uint32_t renamed_at;     /* the ordinal of that rename */
} hist_path;

typedef struct {
	git_repository *repo;
	git_revwalk *revwalk;
	char *keyword;           /* a commit whose message holds it changes no content */
	hist_path *paths;
	size_t npaths, cap;
	cl_keyset index;         /* path -> index in paths */
	uint32_t next;           /* ordinal of the next commit to walk */
	git_oid last;            /* the commit walked last (next - 1) */
	/* Commits queries asked for by id (front matter), hex -> ordinal
	 * once walked: one entry per distinct id asked, not per commit. */
	cl_keyset bases;
	git_oid wanted;
	bool want;
	/* Focused: only these paths (and those they were renamed from) are
	 * followed, and only the trees on their way are read. */
	char **focus;
	size_t nfocus, capfocus;
	bool started, done;
	bool truncated;          /* stopped at a commit whose parent is missing (shallow) */
	int error;               /* a libgit2 failure that stopped the walk */
} hist_walk;

void hist_walk_init(hist_walk *walk, git_repository *repo, const char *keyword);
void hist_walk_dispose(hist_walk *walk);

/* Limits the walk to paths (before it starts). */
void hist_walk_focus(hist_walk *walk, const char *const *paths, size_t n);

/* Walks up to n more commits (fewer at the end). Returns 0 or -1 on a
 * libgit2 failure (walk->done is then set too). */
int hist_walk_step(hist_walk *walk, size_t n);

/* The path's record, or NULL when the walk has not seen it change. */
const hist_path *hist_walk_path(const hist_walk *walk, const char *path);
const hist_path *hist_walk_at(const hist_walk *walk, uint32_t index);

#endif
