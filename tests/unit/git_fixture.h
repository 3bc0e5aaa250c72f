/* Real repositories in temporary folders, built with libgit2, for the git
 * tests; and the findings of a run as one line each, "path:line:column rule",
 * so that a test asserts the exact list. */
#ifndef COPYLINT_TESTS_GIT_FIXTURE_H
#define COPYLINT_TESTS_GIT_FIXTURE_H

#include <git2.h>

#include "copylint/copylint.h"

typedef struct {
	char *dir;             /* the working tree, no trailing '/' */
	git_repository *repo;
} fx_repo;

/* A new repository with one branch, main, and no commit yet. */
fx_repo fx_init(void);
void fx_free(fx_repo *r);

/* path relative to the working tree; folders are created. */
char *fx_path(const fx_repo *r, const char *path);
void fx_write(const fx_repo *r, const char *path, const char *data);
/* Writes the file and stages it (git add). */
void fx_stage(const fx_repo *r, const char *path, const char *data);
/* Stages bytes that are not on disk, with a file mode. */
void fx_stage_buffer(const fx_repo *r, const char *path, const char *data, size_t len, unsigned mode);
/* git rm --cached and deletes the file. */
void fx_remove(const fx_repo *r, const char *path);
/* Commits the index on HEAD; returns the commit. */
git_oid fx_commit(const fx_repo *r, const char *message);
/* Creates branch name at HEAD (or at `at`) and checks it out (HEAD only:
 * the index and files are left as they are, which matches when they are
 * clean). */
void fx_branch(const fx_repo *r, const char *name);
/* Moves HEAD to the branch, and the index and files to its tree. */
void fx_checkout(const fx_repo *r, const char *name);

/* Runs a shell command line in dir; returns its exit status. */
int fx_sh(const char *dir, const char *command);

/* The findings of sources, checked with config (NULL: the defaults), as
 * "path:line:column rule\n" lines. */
char *fx_findings(const copylint_sources *sources, const copylint_config *config);
/* Collects with --staged or --diff (range non-NULL) from dir and returns the
 * findings as fx_findings does; the collection's error code in *error. */
char *fx_staged(const char *dir, copylint_scope scope, int *error);
char *fx_diff(const char *dir, const char *range, copylint_scope scope, int *error);

#endif
