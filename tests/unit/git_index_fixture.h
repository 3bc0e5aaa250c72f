/* The index fast path of --staged held to the libgit2 path, its reference:
 * both ways on one repository must give the same sources. */
#ifndef COPYLINT_TESTS_GIT_INDEX_FIXTURE_H
#define COPYLINT_TESTS_GIT_INDEX_FIXTURE_H

#include "collect/git.h"
#include "git_fixture.h"

/* Runs a shell command line (git commands, mostly) in r's working tree and
 * asserts that it succeeded. */
void ix_sh(const fx_repo *r, const char *command);

/* Collects --staged from dir both ways (pathspecs may be NULL) and asserts
 * that they agree: the same error and message, or the same sources in the
 * same order with the same paths, bytes, config paths and changed ranges;
 * and that the default way was `expected`. Returns what was collected, one
 * line per source, "path: 3-4 7" (changed lines), "path: all" (every
 * finding kept) or "path: none"; or "error N: message". */
char *ix_both_ways(const char *dir, copylint_scope scope, const char *const *specs, size_t nspecs,
		   cl_staged_path expected);

#endif
