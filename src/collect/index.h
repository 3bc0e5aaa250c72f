/* What is staged, read straight from the index file: the fast path of
 * --staged. libgit2 1.5 (the Debian package) spends most of a --staged run
 * on a large repository in git_index_read (an allocation per entry, a hash
 * map, a SHA-1 of the whole file) and in git_diff_tree_to_index, which
 * walks every tree of HEAD. This reader maps the file, allocates nothing
 * per entry, and skips every folder whose cache-tree (TREE extension)
 * matches HEAD, as git does.
 *
 * It handles the common index only. Anything else is CL_INDEX_NOT_HANDLED
 * and the caller takes the libgit2 path, which stays the reference. */
#ifndef CL_COLLECT_INDEX_H
#define CL_COLLECT_INDEX_H

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* cl_index_staged's answer for an index it leaves to libgit2. */
#define CL_INDEX_NOT_HANDLED 1

/* One added or modified entry (deletions are not listed). */
typedef struct {
	const char *path;   /* from the repository root, as in the index */
	bool added;         /* not in HEAD; else modified */
	git_oid old_id;     /* modified: HEAD's object */
	git_oid new_id;     /* the staged object */
	uint32_t new_mode;
} cl_index_change;

typedef struct cl_index cl_index;

/* Reads the index file at path and compares it with head (NULL: an unborn
 * HEAD, the empty tree). Returns 0 and *out, or CL_INDEX_NOT_HANDLED
 * (*out NULL) for: an unreadable, truncated or malformed file; a version
 * other than 2-4; a required extension (split or sparse index); no TREE
 * extension; unmerged, intent-to-add or skip-worktree entries; unusual
 * modes; a typechange; and an addition together with a deletion or a
 * modification (libgit2's rename and copy detection could pair them). */
int cl_index_staged(cl_index **out, const char *path, git_repository *repo, const git_tree *head);

/* The changes in path order (the order of a diff's deltas); valid until
 * cl_index_free. */
const cl_index_change *cl_index_changes(const cl_index *index, size_t *count);

void cl_index_free(cl_index *index);

#endif
