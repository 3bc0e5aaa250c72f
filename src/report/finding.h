/* What a rule hands over: a finding as byte spans, before lines, columns,
 * suppressions and sorting, which are the report stage's business. */
#ifndef CL_REPORT_FINDING_H
#define CL_REPORT_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "copylint/copylint.h"

typedef struct {
	const char *rule;   /* static: the rule descriptor's id */
	copylint_severity severity;
	size_t start, end;
	char *message;
	char **suggestions;
	size_t nsuggestions;
	bool has_related;
	size_t related_at;
	/* A related location in another file (a translation's source): its
	 * path (owned) and the line and column found there; NULL: this file. */
	char *related_path;
	size_t related_line, related_column;
	bool has_fix;
	size_t fix_start, fix_end;
	char *fix_text;
} cl_finding;

typedef struct {
	cl_finding *items;
	size_t count, cap;
} cl_findings;

cl_finding *cl_findings_add(cl_findings *list, const char *rule, copylint_severity severity,
			    size_t start, size_t end, char *message);
void cl_finding_add_suggestion(cl_finding *finding, const char *text);
void cl_finding_set_related(cl_finding *finding, size_t at);
/* A related location at byte at of the file path (line and column are the
 * caller's to set: this file's index does not know that file). */
void cl_finding_set_related_elsewhere(cl_finding *finding, const char *path, size_t at);
/* A certain fix: replace source [start, end) with text ("" deletes). */
void cl_finding_set_fix(cl_finding *finding, size_t start, size_t end, const char *text);
/* Frees what one finding owns (not the finding itself). */
void cl_finding_dispose(cl_finding *finding);
void cl_findings_dispose(cl_findings *list);

#endif
