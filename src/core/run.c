/* The run over many files, on worker threads when asked; each file goes
 * through the pipeline of checker.c. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "copylint/copylint.h"
#include "../report/results.h"
#include "../util/alloc.h"
#include "../util/error.h"
#include "../util/pathorder.h"
#include "checker_internal.h"

/* ---- the run ----------------------------------------------------------
 * Files are checked in order of display path (the order of the report) and
 * handed over in that order as each one and all before it are done: the
 * thread that owns the run keeps a reorder buffer of finished files, and
 * workers stay within a window of files ahead of the last one handed over,
 * so memory holds a bounded number of files' findings, not the run's. */

/* Takes one file's results (it may take their contents). */
typedef void (*file_fn)(copylint_results *file, void *payload);

typedef struct {
	const copylint_checker *checker;
	const copylint_sources *sources;
	size_t *order;               /* source indexes by display path */
	copylint_results *notices;   /* the run's notices */
	copylint_results **ready;    /* by place in order: done, not yet handed over */
	file_fn each;
	void *payload;
	size_t next, handed, window;
	bool inline_handover;        /* one worker in the owning thread hands over itself */
	pthread_mutex_t lock;
	pthread_cond_t done_cond, room_cond;
	size_t done, findings;
} run_state;

/* How many files workers may run ahead of the last one handed over. */
#define RUN_WINDOW_PER_JOB 8

static size_t *order_by_path(const copylint_sources *sources)
{
	size_t n = sources->count;
	cl_path_index *byp = cl_calloc(n ? n : 1, sizeof(cl_path_index));
	size_t *order = cl_calloc(n ? n : 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		byp[i] = (cl_path_index){ sources->items[i].path, i };
	qsort(byp, n, sizeof(cl_path_index), cl_path_index_compare);
	for (size_t i = 0; i < n; i++)
		order[i] = byp[i].index;
	free(byp);
	return order;
}

/* The results of one file: its status, message and sorted findings. */
static copylint_results *check_one(run_state *run, worker *w, size_t index)
{
	copylint_results *file = cl_results_new(1);
	file_outcome outcome;
	memset(&outcome, 0, sizeof(outcome));
	file->files[0].path = cl_strdup(run->sources->items[index].path);
	file->files[0].source_index = index;
	cl_checker_check_source(run->checker, w, &run->sources->items[index], file->files[0].path, &outcome);
	file->files[0].status = outcome.status;
	file->files[0].message = outcome.message;
	file->findings = outcome.findings;
	file->count = outcome.count;
	file->cap = outcome.cap;
	cl_results_sort(file);
	return file;
}

/* Hands over every file that is next in order and done (owning thread). */
static void hand_over_ready(run_state *run)
{
	pthread_mutex_lock(&run->lock);
	while (run->handed < run->sources->count && run->ready[run->handed]) {
		copylint_results *file = run->ready[run->handed];
		run->ready[run->handed] = NULL;
		pthread_mutex_unlock(&run->lock);
		run->each(file, run->payload);
		copylint_results_free(file);
		pthread_mutex_lock(&run->lock);
		run->handed++;
		pthread_cond_broadcast(&run->room_cond);
	}
	pthread_mutex_unlock(&run->lock);
}

/* The next place in order to check, or count when none is left. */
static size_t take_next(run_state *run)
{
	pthread_mutex_lock(&run->lock);
	while (!run->inline_handover && run->next < run->sources->count &&
	       run->next >= run->handed + run->window)
		pthread_cond_wait(&run->room_cond, &run->lock);
	size_t k = run->next < run->sources->count ? run->next++ : run->sources->count;
	pthread_mutex_unlock(&run->lock);
	return k;
}

static void work_with(run_state *run, worker *w)
{
	w->results = run->notices;
	w->sources = run->sources;
	for (size_t k; (k = take_next(run)) < run->sources->count;) {
		copylint_results *file = check_one(run, w, run->order[k]);
		pthread_mutex_lock(&run->lock);
		run->ready[k] = file;
		run->done++;
		run->findings += file->count;
		pthread_cond_signal(&run->done_cond);
		pthread_mutex_unlock(&run->lock);
		if (run->inline_handover)
			hand_over_ready(run);
	}
}

static void *work(void *arg)
{
	run_state *run = arg;
	worker w;
	cl_checker_worker_init(&w, run->notices);
	work_with(run, &w);
	cl_checker_worker_dispose(&w);
	return NULL;
}

static void work_here(run_state *run, copylint_checker *checker)
{
	if (!checker->own_worker) {
		checker->own_worker = cl_malloc(sizeof(worker));
		cl_checker_worker_init(checker->own_worker, run->notices);
	}
	run->inline_handover = true;
	work_with(run, checker->own_worker);
}

/* The owning thread while workers run: progress after each file, and the
 * files handed over in order. */
static void follow_workers(run_state *run)
{
	const copylint_checker *checker = run->checker;
	size_t reported = 0, total = run->sources->count;
	pthread_mutex_lock(&run->lock);
	while (run->handed < total) {
		while (run->done == reported && !run->ready[run->handed])
			pthread_cond_wait(&run->done_cond, &run->lock);
		size_t done = run->done, findings = run->findings;
		pthread_mutex_unlock(&run->lock);
		if (checker->progress && done != reported)
			checker->progress(done, total, findings, checker->progress_payload);
		reported = done;
		hand_over_ready(run);
		pthread_mutex_lock(&run->lock);
	}
	pthread_mutex_unlock(&run->lock);
}

static void run_threads(run_state *run, unsigned jobs)
{
	pthread_t *threads = cl_calloc(jobs, sizeof(pthread_t));
	unsigned started = 0;
	for (; started < jobs; started++)
		if (pthread_create(&threads[started], NULL, work, run) != 0)
			break;
	if (started == 0) {  /* no thread could start: do it here */
		run->inline_handover = true;
		work(run);
	} else {
		follow_workers(run);
	}
	for (unsigned i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
}

/* Returns 0, or the stale-translation rule's run error (stale.h). */
static int run_each(copylint_checker *checker, const copylint_sources *sources,
		    copylint_results *notices, file_fn each, void *payload)
{
	run_state run;
	memset(&run, 0, sizeof(run));
	run.checker = checker;
	run.sources = sources;
	run.notices = notices;
	run.each = each;
	run.payload = payload;
	run.order = order_by_path(sources);
	run.ready = cl_calloc(sources->count ? sources->count : 1, sizeof(copylint_results *));
	pthread_mutex_init(&run.lock, NULL);
	pthread_cond_init(&run.done_cond, NULL);
	pthread_cond_init(&run.room_cond, NULL);

	unsigned jobs = checker->jobs;
	if (jobs > sources->count)
		jobs = (unsigned)sources->count;
	run.window = (size_t)(jobs ? jobs : 1) * RUN_WINDOW_PER_JOB;
	if (jobs <= 1 && !checker->progress)
		work_here(&run, checker);
	else
		run_threads(&run, jobs ? jobs : 1);

	pthread_cond_destroy(&run.room_cond);
	pthread_cond_destroy(&run.done_cond);
	pthread_mutex_destroy(&run.lock);
	free(run.ready);
	free(run.order);
	return cl_stale_run_end(&checker->stale);
}

/* ---- the whole run's results ------------------------------------------ */

/* Moves a file's results into the run's: its entry goes to its source's
 * place, its findings (already after every earlier path's) to the end. */
static void gather_file(copylint_results *file, void *payload)
{
	copylint_results *results = payload;
	cl_file_result *entry = &results->files[file->files[0].source_index];
	*entry = file->files[0];
	file->files[0].path = NULL;  /* the findings point at it: it moves with them */
	file->files[0].message = NULL;
	CL_GROW(results->findings, results->cap, results->count + file->count);
	if (file->count)
		memcpy(results->findings + results->count, file->findings, file->count * sizeof(copylint_finding));
	results->count += file->count;
	file->count = 0;
}

int copylint_check_sources(copylint_results **out, copylint_checker *checker,
			   const copylint_sources *sources)
{
	copylint_results *results = cl_results_new(sources->count);
	int error = run_each(checker, sources, results, gather_file, results);
	cl_results_sort(results);  /* sources with the same path: their findings interleave */
	*out = results;
	return error;
}

typedef struct {
	copylint_file_results_cb each;
	void *payload;
} public_each;

static void call_public(copylint_results *file, void *payload)
{
	public_each *p = payload;
	p->each(file, p->payload);
}

int copylint_check_sources_each(copylint_results **out, copylint_checker *checker,
				const copylint_sources *sources,
				copylint_file_results_cb each, void *payload)
{
	if (out)
		*out = NULL;
	if (!checker || !sources || !each)
		return cl_error_set(COPYLINT_EINVALID, "checking needs a checker, sources and a callback");
	public_each p = { each, payload };
	copylint_results *notices = cl_results_new(0);
	int error = run_each(checker, sources, notices, call_public, &p);
	if (out)
		*out = notices;
	else
		copylint_results_free(notices);
	return error;
}

