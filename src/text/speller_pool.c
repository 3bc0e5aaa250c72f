/* The speller's pool of Hunspell handles for the same dictionary and
 * additions: the first loads when a word needs it, another when every
 * handle is busy long enough to be worth a load. */
#include "speller_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/error.h"
#include "normalize.h"

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_error(cl_speller *sp, const char *message)
{
	pthread_mutex_lock(&sp->pool_lock);
	cl_buf_put(&sp->errors, message, strlen(message) + 1);
	pthread_mutex_unlock(&sp->pool_lock);
}

/* Loads the dictionary and makes the additions logged so far. The first
 * handle's failures wait in sp->errors; a later handle makes the same
 * additions, whose failures the user has already been told about. */
static cl_spell_handle *load_handle(cl_speller *sp, bool first)
{
	cl_spell_handle *h;
	int error = cl_spell_handle_new(&h, sp->aff_path, sp->dic_path);
	if (error < 0) {
		if (first) {
			sp->load_error = error;
			add_error(sp, cl_error_get());
		}
		return NULL;
	}
	if (first && !sp->mem.wordchars)
		cl_spell_handle_read_wordchars(sp, h);
	for (size_t i = 0; i < sp->nadditions; i++)  /* nobody adds while loading is set */
		if (cl_spell_handle_add(h, &sp->additions[i]) < 0 && first)
			add_error(sp, cl_error_get());
	return h;
}

/* Loads the first handle, which the thread then has. Called and returns
 * with pool_lock held; NULL when the dictionary could not load. */
static cl_spell_handle *load_first(cl_speller *sp)
{
	sp->loading = true;
	pthread_mutex_unlock(&sp->pool_lock);
	double started = now_seconds();
	cl_spell_handle *h = load_handle(sp, true);
	double seconds = now_seconds() - started;
	pthread_mutex_lock(&sp->pool_lock);
	sp->load_seconds = seconds;
	sp->loading = false;
	if (h)
		sp->handles[sp->nhandles++] = h;
	else
		sp->load_failed = true;
	pthread_cond_broadcast(&sp->pool_changed);
	return h;
}

/* Loads one more handle on a thread of its own and makes it free: the
 * thread that found every handle busy waits for one of them instead, so
 * that its file does not hold up the run's files in order behind it while
 * a dictionary loads (0.05-0.3 s). */
static void *load_more(void *arg)
{
	cl_speller *sp = arg;
	cl_spell_handle *h = load_handle(sp, false);
	pthread_mutex_lock(&sp->pool_lock);
	sp->loading = false;
	if (h) {
		sp->handles[sp->nhandles++] = h;
		sp->free_handles[sp->nfree++] = h;
	} else {
		sp->pool_full = true;
	}
	pthread_cond_broadcast(&sp->pool_changed);
	pthread_mutex_unlock(&sp->pool_lock);
	cl_text_release_scratch();  /* the additions' normalisation, on this thread */
	return NULL;
}

static bool worth_growing(const cl_speller *sp)
{
	return !sp->loading && !sp->pool_full && sp->nhandles < sp->max_handles &&
	       sp->waited >= sp->load_seconds * GROW_AFTER_WAITING;
}

/* With pool_lock held, and no load under way. */
static void start_loading_more(cl_speller *sp)
{
	sp->waited = 0;
	if (sp->loader_started)
		pthread_join(sp->loader, NULL);  /* it is done: loading is false */
	sp->loading = true;
	sp->loader_started = pthread_create(&sp->loader, NULL, load_more, sp) == 0;
	if (!sp->loader_started) {
		sp->loading = false;
		sp->pool_full = true;
	}
}

/* A handle for this thread alone: a free one, else the next one given back
 * or loaded, the pool growing meanwhile while it may. NULL when the
 * dictionary could not load. */
cl_spell_handle *cl_spell_pool_take(cl_speller *sp)
{
	cl_spell_handle *h = NULL;
	pthread_mutex_lock(&sp->pool_lock);
	while (!h && !sp->load_failed) {
		if (sp->nfree) {
			h = sp->free_handles[--sp->nfree];
		} else if (sp->nhandles == 0 && !sp->loading) {
			h = load_first(sp);
		} else if (sp->nhandles == 0) {
			pthread_cond_wait(&sp->pool_changed, &sp->pool_lock);  /* the first load */
		} else {
			if (worth_growing(sp))
				start_loading_more(sp);
			double started = now_seconds();
			pthread_cond_wait(&sp->pool_changed, &sp->pool_lock);
			sp->waited += now_seconds() - started;
		}
	}
	pthread_mutex_unlock(&sp->pool_lock);
	return h;
}

/* With pool_lock held: until no handle is in use or loading. */
void cl_spell_pool_wait_until_idle(cl_speller *sp)
{
	while (sp->loading || sp->nfree < sp->nhandles)
		pthread_cond_wait(&sp->pool_changed, &sp->pool_lock);
}

void cl_spell_pool_give_back(cl_speller *sp, cl_spell_handle *h)
{
	if (!h)
		return;
	pthread_mutex_lock(&sp->pool_lock);
	sp->free_handles[sp->nfree++] = h;
	pthread_cond_broadcast(&sp->pool_changed);
	pthread_mutex_unlock(&sp->pool_lock);
}
