/* Report formats: one file each, listed in formats.def, each writing to a
 * sink. A format decides how findings look, never what is a finding. */
#ifndef CL_REPORT_FORMAT_H
#define CL_REPORT_FORMAT_H

#include <stddef.h>

#include "copylint/copylint.h"
#include "results.h"

typedef struct {
	copylint_write_cb write;
	void *payload;
	int error;  /* non-zero once a write failed: later writes are dropped */
} cl_sink;

void cl_sink_put(cl_sink *sink, const char *data, size_t len);
void cl_sink_puts(cl_sink *sink, const char *s);
void cl_sink_printf(cl_sink *sink, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Counts for summaries. */
typedef struct {
	size_t files, errors, warnings, infos;
	size_t findings;  /* of any severity */
} cl_report_counts;

/* One report being written: the formats see files one at a time, in path
 * order, and keep between steps only what their header or closing needs
 * (counts, a bounded number of rows), never the findings themselves. */
typedef struct {
	cl_sink *sink;
	const copylint_report_options *options;
	cl_report_counts counts;  /* of the files given so far; of all of them at end */
	void *state;              /* the format's own */
} cl_format_run;

/* begin before the first file; file for each file's results (usually one
 * file with its sorted findings); end after the last, and it frees state
 * (when the report is abandoned, end runs with the sink in error, so its
 * writes are dropped). Each returns 0 or a negative code. */
typedef struct {
	int (*begin)(cl_format_run *run);
	int (*file)(cl_format_run *run, const copylint_results *file);
	int (*end)(cl_format_run *run);
} cl_format_steps;

typedef struct {
	const char *name;
	const cl_format_steps *steps;
} cl_report_format;

void cl_report_count(const copylint_results *results, cl_report_counts *counts);
/* Adds results' files and findings to counts. */
void cl_report_count_add(const copylint_results *results, cl_report_counts *counts);
/* "3 files checked: 1 error, 2 warnings, 0 infos" and a newline. */
void cl_report_put_counts(cl_sink *sink, const cl_report_counts *counts);

/* s for a terminal: controls, C1 and bidi controls made visible or replaced. */
void cl_text_put_safe(cl_sink *sink, const char *s);

/* text's finding, as github's log listing shows it too. */
void cl_text_put_finding(cl_sink *sink, const copylint_finding *f, bool color);

#define CL_FORMAT(cname, name) extern const cl_format_steps cl_format_##cname;
#include "formats.def"
#undef CL_FORMAT

#endif
