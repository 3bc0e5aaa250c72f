/* The order every format shows: languages by tag, then pages by path. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "status.h"

typedef struct {
	cl_status_lang lang;
	size_t old;
} numbered;

static int by_key(const void *a, const void *b)
{
	return strcmp(((const numbered *)a)->lang.key, ((const numbered *)b)->lang.key);
}

static int by_lang_then_path(const void *a, const void *b)
{
	const cl_status_entry *x = a, *y = b;
	if (x->lang != y->lang)
		return x->lang < y->lang ? -1 : 1;
	return strcmp(x->fs_path, y->fs_path);
}

static int missing_by_lang_then_source(const void *a, const void *b)
{
	const cl_status_missing *x = a, *y = b;
	if (x->lang != y->lang)
		return x->lang < y->lang ? -1 : 1;
	return strcmp(x->source, y->source);
}

/* Sorts the languages and renumbers what points at them. */
static void sort_languages(copylint_status *status)
{
	size_t n = status->nlangs, *renumber = cl_calloc(n + 1, sizeof(size_t));
	numbered *order = cl_calloc(n + 1, sizeof(numbered));
	for (size_t i = 0; i < n; i++)
		order[i] = (numbered){ status->langs[i], i };
	if (n)
		qsort(order, n, sizeof(*order), by_key);
	for (size_t i = 0; i < n; i++) {
		status->langs[i] = order[i].lang;
		renumber[order[i].old] = i;
	}
	for (size_t i = 0; i < status->nentries; i++)
		status->entries[i].lang = renumber[status->entries[i].lang];
	for (size_t i = 0; i < status->nmissing; i++)
		status->missing[i].lang = renumber[status->missing[i].lang];
	free(order);
	free(renumber);
}

void cl_status_sort(copylint_status *status)
{
	sort_languages(status);
	if (status->nentries)  /* qsort takes no NULL, even for nothing */
		qsort(status->entries, status->nentries, sizeof(*status->entries), by_lang_then_path);
	if (status->nmissing)
		qsort(status->missing, status->nmissing, sizeof(*status->missing), missing_by_lang_then_source);
}
