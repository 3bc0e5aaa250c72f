/* stale-translation's input for one file (cl_stale_input), from the
 * history stage: the run opens the repository once, on the first file
 * that needs it, and every worker thread asks the same walk. */
#ifndef CL_CORE_STALE_H
#define CL_CORE_STALE_H

#include <pthread.h>
#include <stdbool.h>

#include "../checks/rule.h"
#include "../collect/pairs.h"
#include "../collect/sources.h"
#include "../config/config.h"
#include "../history/history.h"
#include "../text/lineindex.h"
#include "../util/keyset.h"
#include "pair.h"

typedef struct {
	pthread_mutex_t lock;
	bool tried;              /* the repository was looked for in this run */
	cl_history *history;     /* NULL: none (said once) */
	size_t checked, failed;  /* translations looked at; of them, with a base error */
	char *failure;           /* the first base error */
	bool changed_built;
	cl_keyset changed;       /* working-tree paths of the run's git sources */
} cl_stale_run;

/* What a file's check needs to ask. */
typedef struct {
	const copylint_config *config;
	const cl_resolved *settings;
	const cl_source *origin;
	const copylint_sources *all;     /* the run's sources: what a --diff changed */
	const char *data;
	size_t len;
	const cl_source_doc *counterpart;  /* the translation's source, when core paired it */
	cl_source_cache *cache;
	copylint_results *notices;
} cl_stale_request;

typedef struct {
	cl_stale_input input;
	cl_staleness staleness;
	cl_lineindex lines;
	bool has_lines;
	cl_pair_list left_behind;
	char *source_display;    /* the source's path as a git run shows paths */
	const char **langs;
} cl_stale_file;

void cl_stale_run_init(cl_stale_run *run);
/* Ends a run (the walk is freed). Returns 0, or COPYLINT_ENOTFOUND with
 * the error set when every translation looked at had a base error: the
 * repository lacks the history (a shallow clone), not one page. */
int cl_stale_run_end(cl_stale_run *run);
void cl_stale_run_dispose(cl_stale_run *run);

/* True when the rule has something to look at in this file. out is
 * disposed by the caller either way. */
bool cl_stale_prepare(cl_stale_run *run, const cl_stale_request *request, cl_stale_file *out);
void cl_stale_file_dispose(cl_stale_file *file);

#endif
