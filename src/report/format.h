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

typedef struct {
	const char *name;
	int (*write)(cl_sink *sink, const copylint_results *results, const copylint_report_options *options);
} cl_report_format;

/* Counts for summaries. */
typedef struct {
	size_t files, errors, warnings, infos;
} cl_report_counts;

void cl_report_count(const copylint_results *results, cl_report_counts *counts);
/* "3 files checked: 1 error, 2 warnings, 0 infos" and a newline. */
void cl_report_put_counts(cl_sink *sink, const cl_report_counts *counts);

#define CL_FORMAT(cname, name) \
	int cl_format_##cname(cl_sink *sink, const copylint_results *results, \
			      const copylint_report_options *options);
#include "formats.def"
#undef CL_FORMAT

#endif
