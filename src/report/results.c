#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

copylint_results *cl_results_new(size_t nfiles)
{
	copylint_results *results = cl_calloc(1, sizeof(*results));
	results->files = cl_calloc(nfiles ? nfiles : 1, sizeof(cl_file_result));
	results->nfiles = nfiles;
	for (size_t i = 0; i < nfiles; i++)
		results->files[i].source_index = i;
	pthread_mutex_init(&results->lock, NULL);
	return results;
}

void cl_results_add_notice(copylint_results *results, const char *message)
{
	pthread_mutex_lock(&results->lock);
	if (!cl_keyset_put(&results->notice_set, message, strlen(message), 0, NULL)) {
		CL_GROW(results->notices, results->notices_cap, results->nnotices + 1);
		results->notices[results->nnotices++] = cl_strdup(message);
	}
	pthread_mutex_unlock(&results->lock);
}

void cl_finding_free_strings(copylint_finding *f)
{
	free((char *)f->message);
	for (size_t i = 0; i < f->suggestion_count; i++)
		free((char *)f->suggestions[i]);
	free((char **)f->suggestions);
	if (f->fix) {
		free((char *)f->fix->replacement);
		free((char *)f->fix->original);
	}
	free((copylint_fix *)f->fix);
	free((copylint_related *)f->related);
	free((char *)f->excerpt);
	free((char *)f->text);
}

void copylint_results_free(copylint_results *results)
{
	if (!results)
		return;
	for (size_t i = 0; i < results->count; i++)
		cl_finding_free_strings(&results->findings[i]);
	free(results->findings);
	for (size_t i = 0; i < results->nfiles; i++) {
		free(results->files[i].path);
		free(results->files[i].message);
	}
	free(results->files);
	for (size_t i = 0; i < results->nnotices; i++)
		free(results->notices[i]);
	free(results->notices);
	cl_keyset_dispose(&results->notice_set);
	pthread_mutex_destroy(&results->lock);
	free(results);
}

static int compare_findings(const void *pa, const void *pb)
{
	const copylint_finding *a = pa, *b = pb;
	int c = a->path == b->path ? 0 : strcmp(a->path, b->path);  /* one file's findings share it */
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if ((c = strcmp(a->rule, b->rule)))
		return c;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return strcmp(a->message, b->message);
}

void cl_results_sort(copylint_results *results)
{
	if (results->count > 1)  /* findings is NULL when there are none */
		qsort(results->findings, results->count, sizeof(copylint_finding), compare_findings);
}

size_t copylint_results_count(const copylint_results *results)
{
	return results ? results->count : 0;
}

const copylint_finding *copylint_results_at(const copylint_results *results, size_t index)
{
	return index < results->count ? &results->findings[index] : NULL;
}

size_t copylint_results_file_count(const copylint_results *results)
{
	return results ? results->nfiles : 0;
}

const char *copylint_results_file_path(const copylint_results *results, size_t index)
{
	return index < results->nfiles ? results->files[index].path : NULL;
}

copylint_file_status copylint_results_file_status(const copylint_results *results, size_t index)
{
	return index < results->nfiles ? results->files[index].status : COPYLINT_FILE_ERROR;
}

size_t copylint_results_file_source_index(const copylint_results *results, size_t index)
{
	return index < results->nfiles ? results->files[index].source_index : (size_t)-1;
}

const char *copylint_results_file_message(const copylint_results *results, size_t index)
{
	return index < results->nfiles ? results->files[index].message : NULL;
}

size_t copylint_results_notice_count(const copylint_results *results)
{
	return results ? results->nnotices : 0;
}

const char *copylint_results_notice_at(const copylint_results *results, size_t index)
{
	return index < results->nnotices ? results->notices[index] : NULL;
}

size_t copylint_results_count_at_least(const copylint_results *results, copylint_severity severity)
{
	size_t n = 0;
	for (size_t i = 0; results && i < results->count; i++)
		if (results->findings[i].severity >= severity)
			n++;
	return n;
}
