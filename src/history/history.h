/* Git history for translations: which translations are behind their
 * source, and by what. One walk over history per run finds the last
 * content change of every path it is asked about (not one log per file);
 * the rest are lookups. This stage knows libgit2 and paths; it never sees
 * documents, rules or reports.
 *
 * Paths are relative to the repository's work tree, '/'-separated. */
#ifndef CL_HISTORY_HISTORY_H
#define CL_HISTORY_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cl_history cl_history;

typedef struct {
	/* A commit whose message holds this keyword is not a content change
	 * (a mass reformat): "[i18n-ignore]" when NULL. */
	const char *ignore_keyword;
	/* How many of the source's newer commits a staleness lists (newest
	 * first); the rest are only counted. 0 means 5. */
	size_t commit_limit;
} cl_history_options;

typedef struct {
	char id[41];        /* full hexadecimal id */
	int64_t time;       /* committer time, seconds since the epoch (UTC) */
	char *subject;      /* first line of the message */
} cl_history_commit;

typedef enum {
	CL_STALE_UNKNOWN,   /* the translation has no history (not committed yet) */
	CL_STALE_FRESH,     /* up to date with its source */
	CL_STALE_BEHIND,    /* the source changed since */
	CL_STALE_ERROR      /* the base cannot be used: error says why and what to do */
} cl_stale_state;

typedef enum {
	CL_BASE_FRONT_MATTER,  /* the translation names its source commit */
	CL_BASE_HISTORY        /* the last commit that changed the translation */
} cl_base_origin;

/* A source line range at HEAD that changed since the base (1-based,
 * inclusive). */
typedef struct {
	size_t first, last;
} cl_line_span;

typedef struct {
	cl_stale_state state;
	cl_base_origin origin;
	cl_history_commit base;         /* the commit the translation is up to date with */
	size_t behind;                  /* source commits after the base */
	cl_history_commit *commits;     /* the newest of them, at most commit_limit */
	size_t commit_count;
	size_t lines_added, lines_removed;  /* in the source, base to HEAD */
	cl_line_span *changed;          /* the source's changed lines at HEAD */
	size_t changed_count;
	char *error;                    /* for CL_STALE_ERROR */
} cl_staleness;

/* Opens the repository holding path (searching upwards). Returns 0, or -1
 * with *error (owned by the caller) when there is no repository: callers
 * say once that the rule needs one and carry on without it. */
int cl_history_open(cl_history **out, const char *path, const cl_history_options *options,
		    char **error);
void cl_history_free(cl_history *history);

/* The work tree's root, '/'-terminated; paths given below are relative to it. */
const char *cl_history_workdir(const cl_history *history);

/* Optional, before the first query (added after the first contract): the
 * run will ask only about these paths (translations and sources), so the
 * walk reads only the trees on their way and follows only their renames
 * — a --staged run's few files then cost a few milliseconds however large
 * the site. Queries about other paths are then wrong: do not focus a run
 * that may ask about any file. Ignored once the walk has started. */
void cl_history_focus(cl_history *history, const char *const *paths, size_t count);

/* How far translation_path is behind source_path. base_commit is the id
 * the translation's front matter names (a full or abbreviated hex id), or
 * NULL to take the translation's own history. Thread-safe: worker threads
 * may ask at once. Returns 0 (see out->state), or -1 on a libgit2 failure
 * with out->error set. out is disposed by the caller. */
int cl_history_staleness(cl_history *history, const char *source_path,
			 const char *translation_path, const char *base_commit,
			 cl_staleness *out);
void cl_staleness_dispose(cl_staleness *staleness);

/* The source commit id a translation's front matter names, under the
 * first of keys (NULL-terminated; default_lang_commit, source_commit when
 * keys is NULL) it holds; NULL when none. Owned by the caller. */
char *cl_history_front_matter_commit(const char *data, size_t len, const char *const *keys);
/* The same, and where the key's line is in data: [*start, *end) (added
 * after the first contract, for findings at the key). */
char *cl_history_front_matter_find(const char *data, size_t len, const char *const *keys, size_t *start,
				   size_t *end);

#endif
