#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/pathorder.h"
#include "../util/error.h"
#include "format.h"

static const cl_report_format formats[] = {
#define CL_FORMAT(cname, name) { name, &cl_format_##cname },
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
	cl_report_count_add(results, counts);
}

void cl_report_count_add(const copylint_results *results, cl_report_counts *counts)
{
	for (size_t i = 0; i < results->nfiles; i++)
		if (results->files[i].status == COPYLINT_FILE_CHECKED)
			counts->files++;
	counts->findings += results->count;
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

/* ---- streams ---------------------------------------------------------- */

struct copylint_report_stream {
	const cl_report_format *format;
	copylint_report_options options;
	cl_sink sink;
	cl_format_run run;
	bool finished;
};

static const cl_report_format *find_format(const char *name)
{
	for (size_t i = 0; name && i < FORMAT_COUNT; i++)
		if (!strcmp(formats[i].name, name))
			return &formats[i];
	return NULL;
}

/* A step's result: its own error, else a failed write. */
static int step_result(copylint_report_stream *stream, int error)
{
	if (error < 0)
		return error;
	return stream->sink.error ? cl_error_set(COPYLINT_EIO, "writing the %s report failed",
						 stream->format->name) : 0;
}

int copylint_report_stream_new(copylint_report_stream **out, const char *format,
			       const copylint_report_options *options,
			       copylint_write_cb write, void *payload)
{
	copylint_report_options defaults = COPYLINT_REPORT_OPTIONS_INIT;
	const cl_report_format *found = find_format(format);
	*out = NULL;
	if (!found)
		return cl_error_set(COPYLINT_ENOTFOUND, "unknown format '%s'", format ? format : "(null)");
	if (!write)
		return cl_error_set(COPYLINT_EINVALID, "a report needs a write callback");
	copylint_report_stream *stream = cl_calloc(1, sizeof(*stream));
	stream->format = found;
	stream->options = defaults;
	if (options) {  /* a version 1 caller's struct ends before automation_id */
		stream->options.color = options->color;
		stream->options.show_summary = options->show_summary;
		if (options->version >= 2)
			stream->options.automation_id = options->automation_id;
	}
	stream->sink = (cl_sink){ write, payload, 0 };
	stream->run.sink = &stream->sink;
	stream->run.options = &stream->options;
	int error = step_result(stream, found->steps->begin(&stream->run));
	if (error < 0) {
		copylint_report_stream_free(stream);
		return error;
	}
	*out = stream;
	return 0;
}

int copylint_report_stream_add(copylint_report_stream *stream, const copylint_results *file_results)
{
	if (!stream || !file_results || stream->finished)
		return cl_error_set(COPYLINT_EINVALID, "adding to a report that is finished or missing");
	int error = stream->format->steps->file(&stream->run, file_results);
	cl_report_count_add(file_results, &stream->run.counts);
	return step_result(stream, error);
}

int copylint_report_stream_finish(copylint_report_stream *stream)
{
	if (!stream || stream->finished)
		return cl_error_set(COPYLINT_EINVALID, "finishing a report that is finished or missing");
	stream->finished = true;
	return step_result(stream, stream->format->steps->end(&stream->run));
}

void copylint_report_stream_free(copylint_report_stream *stream)
{
	if (!stream)
		return;
	if (!stream->finished) {  /* abandoned: let the format free its state, writing nothing */
		stream->sink.error = -1;
		stream->format->steps->end(&stream->run);
	}
	free(stream);
}

/* ---- a whole run's results, through the same steps ---------------------- */

/* Findings from first on whose path is path (or, path NULL, every one
 * left): results' findings are sorted by path. */
static size_t run_of(const copylint_results *results, size_t first, const char *path)
{
	size_t n = 0;
	while (first + n < results->count && (!path || !strcmp(results->findings[first + n].path, path)))
		n++;
	return n;
}

/* A borrowed view of nfiles files and count findings of results. */
static int add_view(copylint_report_stream *stream, const copylint_results *results,
		    const cl_file_result *file, size_t first, size_t count)
{
	copylint_results view;
	memset(&view, 0, sizeof(view));
	view.files = (cl_file_result *)file;
	view.nfiles = file ? 1 : 0;
	view.findings = count ? results->findings + first : NULL;
	view.count = count;
	return copylint_report_stream_add(stream, &view);
}

/* Files in path order, each with its run of findings; findings of a path
 * that names no file (a hand-made results) go out on their own. */
static int add_whole(copylint_report_stream *stream, const copylint_results *results)
{
	cl_path_index *order = cl_calloc(results->nfiles ? results->nfiles : 1, sizeof(cl_path_index));
	size_t next = 0;
	int error = 0;
	for (size_t i = 0; i < results->nfiles; i++)
		order[i] = (cl_path_index){ results->files[i].path, i };
	qsort(order, results->nfiles, sizeof(cl_path_index), cl_path_index_compare);
	for (size_t i = 0; i < results->nfiles && error >= 0; i++) {
		size_t orphans = 0;
		while (next + orphans < results->count &&
		       strcmp(results->findings[next + orphans].path, order[i].path) < 0)
			orphans++;
		if (orphans)
			error = add_view(stream, results, NULL, next, orphans);
		next += orphans;
		size_t own = run_of(results, next, order[i].path);
		if (error >= 0)
			error = add_view(stream, results, &results->files[order[i].index], next, own);
		next += own;
	}
	if (error >= 0 && next < results->count)
		error = add_view(stream, results, NULL, next, run_of(results, next, NULL));
	free(order);
	return error;
}

int copylint_report_write(const copylint_results *results, const char *format,
			  const copylint_report_options *options,
			  copylint_write_cb write, void *payload)
{
	copylint_report_stream *stream;
	int error = copylint_report_stream_new(&stream, format, options, write, payload);
	if (error < 0)
		return error;
	error = add_whole(stream, results);
	if (error >= 0)
		error = copylint_report_stream_finish(stream);
	copylint_report_stream_free(stream);
	return error;
}
