#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "format.h"

static const cl_report_format formats[] = {
#define CL_FORMAT(cname, name) { name, cl_format_##cname },
#include "formats.def"
#undef CL_FORMAT
};

#define FORMAT_COUNT (sizeof(formats) / sizeof(formats[0]))

void cl_sink_put(cl_sink *sink, const char *data, size_t len)
{
	if (!sink->error && len)
		sink->error = sink->write(data, len, sink->payload);
}

void cl_sink_puts(cl_sink *sink, const char *s)
{
	cl_sink_put(sink, s, strlen(s));
}

void cl_sink_printf(cl_sink *sink, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		cl_sink_put(sink, small, (size_t)n);
		return;
	}
	char *big = cl_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	cl_sink_put(sink, big, (size_t)n);
	free(big);
}

void cl_report_count(const copylint_results *results, cl_report_counts *counts)
{
	memset(counts, 0, sizeof(*counts));
	for (size_t i = 0; i < results->nfiles; i++)
		if (results->files[i].status == COPYLINT_FILE_CHECKED)
			counts->files++;
	for (size_t i = 0; i < results->count; i++) {
		switch (results->findings[i].severity) {
		case COPYLINT_SEVERITY_ERROR: counts->errors++; break;
		case COPYLINT_SEVERITY_WARNING: counts->warnings++; break;
		case COPYLINT_SEVERITY_INFO: counts->infos++; break;
		default: break;
		}
	}
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void cl_report_put_counts(cl_sink *sink, const cl_report_counts *counts)
{
	cl_sink_printf(sink, "%zu %s checked: %zu %s, %zu %s, %zu %s\n",
		       counts->files, plural(counts->files, "file", "files"),
		       counts->errors, plural(counts->errors, "error", "errors"),
		       counts->warnings, plural(counts->warnings, "warning", "warnings"),
		       counts->infos, plural(counts->infos, "info", "infos"));
}

size_t copylint_report_format_count(void)
{
	return FORMAT_COUNT;
}

const char *copylint_report_format_name(size_t index)
{
	return index < FORMAT_COUNT ? formats[index].name : NULL;
}

int copylint_report_write(const copylint_results *results, const char *format,
			  const copylint_report_options *options,
			  copylint_write_cb write, void *payload)
{
	copylint_report_options defaults = COPYLINT_REPORT_OPTIONS_INIT;
	cl_sink sink = { write, payload, 0 };
	if (!options)
		options = &defaults;
	for (size_t i = 0; i < FORMAT_COUNT; i++) {
		if (strcmp(formats[i].name, format))
			continue;
		int error = formats[i].write(&sink, results, options);
		if (error < 0)
			return error;
		return sink.error ? cl_error_set(COPYLINT_EIO, "writing the %s report failed", format) : 0;
	}
	return cl_error_set(COPYLINT_ENOTFOUND, "unknown format '%s'", format);
}
