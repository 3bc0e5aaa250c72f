/* Repositories that lack objects: partial clones (`git clone --filter`,
 * actions/checkout with `filter:`), whose blobs the git program fetches
 * when it needs one and libgit2 cannot, and damaged object databases. A
 * changed article whose blob is absent becomes a file that cannot be
 * checked, with a message that says why and how to get the blob; the rest
 * of the run goes on. */
#ifndef CL_COLLECT_MISSING_H
#define CL_COLLECT_MISSING_H

#include <git2.h>
#include <stdbool.h>

/* Lets libgit2 open a partial clone made by a git that records it as
 * extensions.partialClone (libgit2 refuses unknown extensions): copylint
 * only reads, and copes with absent objects itself. After git_libgit2_init. */
void cl_git_allow_extensions(void);

/* The promisor remote of a partial clone (extensions.partialClone, or the
 * first remote.<name>.promisor that is true), malloc'd; NULL when the
 * repository is not one. */
char *cl_git_promisor(git_repository *repo);

/* Why path cannot be checked: the blob id (of its previous version when
 * previous, which the changed lines need) is absent. prefetch (may be NULL)
 * is the git command line that fetches the blobs of this run's files in a
 * partial clone. malloc'd. */
char *cl_git_missing_message(git_repository *repo, const char *path, const git_oid *id, bool previous,
			     const char *prefetch);

#endif
