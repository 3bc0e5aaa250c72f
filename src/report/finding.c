#include "finding.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

cl_finding *cl_findings_add(cl_findings *list, const char *rule, copylint_severity severity,
			    size_t start, size_t end, char *message)
{
	CL_GROW(list->items, list->cap, list->count + 1);
	cl_finding *f = &list->items[list->count++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->severity = severity;
	f->start = start;
	f->end = end < start ? start : end;
	f->message = message;
	return f;
}

void cl_finding_add_suggestion(cl_finding *finding, const char *text)
{
	finding->suggestions = cl_realloc(finding->suggestions,
					  (finding->nsuggestions + 1) * sizeof(char *));
	finding->suggestions[finding->nsuggestions++] = cl_strdup(text);
}

void cl_finding_set_related(cl_finding *finding, size_t at)
{
	finding->has_related = true;
	finding->related_at = at;
}

void cl_finding_set_related_elsewhere(cl_finding *finding, const char *path, size_t at)
{
	cl_finding_set_related(finding, at);
	free(finding->related_path);
	finding->related_path = cl_strdup(path);
}

void cl_finding_set_fix(cl_finding *finding, size_t start, size_t end, const char *text)
{
	free(finding->fix_text);
	finding->has_fix = true;
	finding->fix_start = start;
	finding->fix_end = end;
	finding->fix_text = cl_strdup(text);
}

void cl_finding_dispose(cl_finding *f)
{
	free(f->message);
	for (size_t i = 0; i < f->nsuggestions; i++)
		free(f->suggestions[i]);
	free(f->suggestions);
	free(f->fix_text);
	free(f->related_path);
}

void cl_findings_dispose(cl_findings *list)
{
	for (size_t i = 0; i < list->count; i++)
		cl_finding_dispose(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}
