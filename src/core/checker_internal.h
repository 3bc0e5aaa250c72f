/* What the pipeline for one file (checker.c) and the run over many
 * (run.c) share: the checker, a thread's worker, a file's outcome. */
#ifndef CL_CORE_CHECKER_INTERNAL_H
#define CL_CORE_CHECKER_INTERNAL_H

#include <pthread.h>

#include "copylint/copylint.h"
#include "../collect/sources.h"
#include "../text/segment.h"
#include "pair.h"
#include "stale.h"

/* What one thread keeps between files. */
typedef struct {
	cl_segmenter *seg;
	void **rule_state;  /* per registry index */
	copylint_results *results;
	const copylint_sources *sources;  /* the run's */
} worker;

struct copylint_checker {
	const copylint_config *config;
	/* The worker of single-threaded runs, kept between runs so that break
	 * iterators and rule states (dictionaries) are made once, not per call. */
	worker *own_worker;
	char *language;  /* forced by the caller, or NULL */
	unsigned jobs;
	copylint_progress_cb progress;
	void *progress_payload;
	bool suggestions;
	char *cache_dir;  /* NULL: none */
	cl_source_cache *translation_sources;  /* made on a run's first translation */
	cl_stale_run stale;  /* stale-translation's repository and walk, per run */
	pthread_mutex_t lock;
};

/* A file's outcome, before it joins the sorted results. */
typedef struct {
	copylint_file_status status;
	char *message;
	copylint_finding *findings;
	size_t count, cap;
} file_outcome;

void cl_checker_worker_init(worker *w, copylint_results *results);
void cl_checker_worker_dispose(worker *w);
/* Reads, parses and checks one source into out (path: as reported). */
void cl_checker_check_source(const copylint_checker *checker, worker *w, const cl_source *source,
			     const char *path, file_outcome *out);

#endif
