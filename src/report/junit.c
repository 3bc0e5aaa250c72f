/* junit: one testsuite per run, one testcase per checked file (named by
 * its path, made unique, so GitLab drops none); a file with findings fails
 * with the list of them, a clean file passes, a binary file is skipped and
 * an unreadable one is an error. */
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "escape.h"
#include "xml.h"

typedef struct {
	size_t first, count;  /* the file's findings */
} finding_range;

/* Findings are sorted by path first: the file's run is found by bisection. */
static finding_range findings_of(const copylint_results *results, const char *path)
{
	size_t lo = 0, hi = results->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(results->findings[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	finding_range range = { lo, 0 };
	while (lo + range.count < results->count && !strcmp(results->findings[lo + range.count].path, path))
		range.count++;
	return range;
}

typedef struct {
	size_t tests, failures, errors, skipped;
} suite_counts;

static void count_suite(const copylint_results *results, suite_counts *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < results->nfiles; i++) {
		const cl_file_result *file = &results->files[i];
		c->tests++;
		if (file->status == COPYLINT_FILE_ERROR)
			c->errors++;
		else if (file->status == COPYLINT_FILE_SKIPPED_BINARY)
			c->skipped++;
		else if (findings_of(results, file->path).count)
			c->failures++;
	}
}

static void put_counts(xmlTextWriterPtr writer, const suite_counts *c)
{
	cl_xml_attr(writer, "name", "copylint");
	cl_xml_attr_size(writer, "tests", c->tests);
	cl_xml_attr_size(writer, "failures", c->failures);
	cl_xml_attr_size(writer, "errors", c->errors);
	cl_xml_attr_size(writer, "skipped", c->skipped);
}

static void put_failure(xmlTextWriterPtr writer, const copylint_results *results, finding_range range)
{
	char message[64];
	snprintf(message, sizeof(message), "%zu %s", range.count, range.count == 1 ? "finding" : "findings");
	xmlTextWriterStartElement(writer, BAD_CAST "failure");
	cl_xml_attr(writer, "message", message);
	cl_xml_attr(writer, "type", "copylint");
	for (size_t i = range.first; i < range.first + range.count; i++) {
		const copylint_finding *f = &results->findings[i];
		cl_buf line = CL_BUF_INIT;
		cl_buf_printf(&line, "%s:%zu:%zu: %s: %s [%s]\n", f->path, f->line, f->column,
			      copylint_severity_name(f->severity), f->message, f->rule);
		cl_xml_text(writer, line.ptr);
		cl_buf_dispose(&line);
	}
	xmlTextWriterEndElement(writer);
}

static void put_status(xmlTextWriterPtr writer, const char *element, const char *message)
{
	xmlTextWriterStartElement(writer, BAD_CAST element);
	cl_xml_attr(writer, "message", message ? message : "");
	xmlTextWriterEndElement(writer);
}

/* The path, or "path (2)", "path (3)"... when a name repeats. */
static char *unique_name(cl_keyset *names, const char *path)
{
	cl_buf name = CL_BUF_INIT;
	size_t seen;
	cl_buf_puts(&name, path);
	for (size_t n = 2; cl_keyset_put(names, name.ptr, name.size, 0, &seen); n++) {
		cl_buf_clear(&name);
		cl_buf_printf(&name, "%s (%zu)", path, n);
	}
	return cl_buf_detach(&name);
}

static void put_testcase(xmlTextWriterPtr writer, const copylint_results *results,
			 const cl_file_result *file, cl_keyset *names)
{
	char *name = unique_name(names, cl_report_path(file->path));
	xmlTextWriterStartElement(writer, BAD_CAST "testcase");
	cl_xml_attr(writer, "name", name);
	cl_xml_attr(writer, "classname", "copylint");
	cl_xml_attr(writer, "file", cl_report_path(file->path));
	if (file->status == COPYLINT_FILE_ERROR) {
		put_status(writer, "error", file->message);
	} else if (file->status == COPYLINT_FILE_SKIPPED_BINARY) {
		put_status(writer, "skipped", file->message);
	} else {
		finding_range range = findings_of(results, file->path);
		if (range.count)
			put_failure(writer, results, range);
	}
	xmlTextWriterEndElement(writer);
	free(name);
}

int cl_format_junit(cl_sink *sink, const copylint_results *results, const copylint_report_options *options)
{
	suite_counts counts;
	cl_keyset names = CL_KEYSET_INIT;
	(void)options;
	xmlTextWriterPtr writer = cl_xml_start(sink);
	if (!writer)
		return cl_error_set(COPYLINT_ERROR, "cannot start the junit report");
	count_suite(results, &counts);
	xmlTextWriterStartElement(writer, BAD_CAST "testsuites");
	put_counts(writer, &counts);
	xmlTextWriterStartElement(writer, BAD_CAST "testsuite");
	put_counts(writer, &counts);
	for (size_t i = 0; i < results->nfiles; i++)
		put_testcase(writer, results, &results->files[i], &names);
	cl_keyset_dispose(&names);
	if (cl_xml_finish(writer) < 0)
		return cl_error_set(COPYLINT_EIO, "writing the junit report failed");
	return 0;
}
