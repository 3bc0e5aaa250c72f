/* The results of a run: resolved findings (public structs, with lines and
 * columns), the files seen, and notices. */
#ifndef CL_REPORT_RESULTS_H
#define CL_REPORT_RESULTS_H

#include <pthread.h>

#include "copylint/copylint.h"
#include "../parse/document.h"
#include "../util/keyset.h"
#include "../util/range.h"
#include "finding.h"

typedef struct {
	char *path;
	copylint_file_status status;
	char *message;
	size_t source_index;  /* the file's place among the run's sources */
} cl_file_result;

struct copylint_results {
	copylint_finding *findings;
	size_t count, cap;
	cl_file_result *files;
	size_t nfiles;
	char **notices;
	size_t nnotices, notices_cap;
	cl_keyset notice_set;
	pthread_mutex_t lock;  /* guards notices, which workers add */
};

copylint_results *cl_results_new(size_t nfiles);
void cl_results_add_notice(copylint_results *results, const char *message);

/* Drops findings that inline directives suppress (doc's comments). */
void cl_suppress_apply(const cl_document *doc, cl_findings *findings);

/* Turns a file's raw findings into resolved public findings appended to
 * out (lines, columns, excerpts), taking the strings they own. path is
 * borrowed from the results' file table. */
void cl_resolve_findings(cl_findings *raw, const char *data, size_t len, const char *path,
			 copylint_finding **out, size_t *count, size_t *cap);

/* Keeps the findings that start on a changed line (ranges: whole lines, in
 * ascending order, of a file of len bytes) and frees the others. */
void cl_results_keep_changed(copylint_finding *findings, size_t *count,
			     const cl_byte_range *ranges, size_t nranges, size_t len);

/* Sorts by path, line, column, rule, message. */
void cl_results_sort(copylint_results *results);

void cl_finding_free_strings(copylint_finding *finding);

#endif
