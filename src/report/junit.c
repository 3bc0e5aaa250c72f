/* junit: one testsuite per run, one testcase per checked file (named by
 * its path, made unique, so GitLab drops none); a file with findings fails
 * with the list of them, a clean file passes, a binary file is skipped and
 * an unreadable one is an error. Testcases come in the order of the run's
 * sources. The suite's counts open the report, so each file's failure text
 * is spooled to a temporary file and only a small record per file is kept
 * until the end. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "escape.h"
#include "spool.h"
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

/* What a testcase needs at the end; its failure text waits in the spool. */
typedef struct {
	size_t source_index, arrival;
	char *path, *message;
	copylint_file_status status;
	size_t nfindings;
	size_t text_start, text_len;
} testcase_record;

typedef struct {
	testcase_record *cases;
	size_t count, cap;
	suite_counts counts;
	cl_spool spool;
} junit_state;

static void put_counts(xmlTextWriterPtr writer, const suite_counts *c)
{
	cl_xml_attr(writer, "name", "copylint");
	cl_xml_attr_size(writer, "tests", c->tests);
	cl_xml_attr_size(writer, "failures", c->failures);
	cl_xml_attr_size(writer, "errors", c->errors);
	cl_xml_attr_size(writer, "skipped", c->skipped);
}

static int buf_write(const char *data, size_t len, void *payload)
{
	cl_buf_put(payload, data, len);
	return 0;
}

static void put_failure(xmlTextWriterPtr writer, junit_state *state, const testcase_record *tc)
{
	char message[64];
	cl_buf text = CL_BUF_INIT;
	snprintf(message, sizeof(message), "%zu %s", tc->nfindings, tc->nfindings == 1 ? "finding" : "findings");
	xmlTextWriterStartElement(writer, BAD_CAST "failure");
	cl_xml_attr(writer, "message", message);
	cl_xml_attr(writer, "type", "copylint");
	cl_spool_read(&state->spool, tc->text_start, tc->text_len, buf_write, &text);
	cl_xml_text(writer, text.ptr ? text.ptr : "");
	cl_buf_dispose(&text);
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

static void put_testcase(xmlTextWriterPtr writer, junit_state *state, const testcase_record *tc,
			 cl_keyset *names)
{
	char *name = unique_name(names, cl_report_path(tc->path));
	xmlTextWriterStartElement(writer, BAD_CAST "testcase");
	cl_xml_attr(writer, "name", name);
	cl_xml_attr(writer, "classname", "copylint");
	cl_xml_attr(writer, "file", cl_report_path(tc->path));
	if (tc->status == COPYLINT_FILE_ERROR)
		put_status(writer, "error", tc->message);
	else if (tc->status == COPYLINT_FILE_SKIPPED_BINARY)
		put_status(writer, "skipped", tc->message);
	else if (tc->nfindings)
		put_failure(writer, state, tc);
	xmlTextWriterEndElement(writer);
	free(name);
}

/* The lines of a failure, spooled. */
static void spool_findings(junit_state *state, const copylint_results *results, finding_range range)
{
	cl_sink sink = { cl_spool_write, &state->spool, 0 };
	for (size_t i = range.first; i < range.first + range.count; i++) {
		const copylint_finding *f = &results->findings[i];
		char *message = cl_report_message(f);
		cl_sink_printf(&sink, "%s:%zu:%zu: %s: %s [%s]\n", f->path, f->line, f->column,
			       copylint_severity_name(f->severity), message, f->rule);
		free(message);
	}
}

static void record_file(junit_state *state, const copylint_results *results, const cl_file_result *file)
{
	CL_GROW(state->cases, state->cap, state->count + 1);
	testcase_record *tc = &state->cases[state->count];
	memset(tc, 0, sizeof(*tc));
	tc->source_index = file->source_index;
	tc->arrival = state->count++;
	tc->path = cl_strdup(file->path);
	tc->message = file->message ? cl_strdup(file->message) : NULL;
	tc->status = file->status;
	state->counts.tests++;
	if (file->status == COPYLINT_FILE_ERROR) {
		state->counts.errors++;
	} else if (file->status == COPYLINT_FILE_SKIPPED_BINARY) {
		state->counts.skipped++;
	} else {
		finding_range range = findings_of(results, file->path);
		tc->nfindings = range.count;
		tc->text_start = state->spool.size;
		spool_findings(state, results, range);
		tc->text_len = state->spool.size - tc->text_start;
		state->counts.failures += range.count != 0;
	}
}

static int compare_records(const void *pa, const void *pb)
{
	const testcase_record *a = pa, *b = pb;
	if (a->source_index != b->source_index)
		return a->source_index < b->source_index ? -1 : 1;
	return a->arrival < b->arrival ? -1 : a->arrival > b->arrival;
}

static int junit_begin(cl_format_run *run)
{
	junit_state *state = cl_calloc(1, sizeof(*state));
	run->state = state;
	cl_spool_open(&state->spool);
	return 0;
}

static int junit_file(cl_format_run *run, const copylint_results *file)
{
	junit_state *state = run->state;
	for (size_t i = 0; i < file->nfiles; i++)
		record_file(state, file, &file->files[i]);
	return 0;
}

static int junit_write(cl_sink *sink, junit_state *state)
{
	cl_keyset names = CL_KEYSET_INIT;
	xmlTextWriterPtr writer = cl_xml_start(sink);
	if (!writer)
		return cl_error_set(COPYLINT_ERROR, "cannot start the junit report");
	qsort(state->cases, state->count, sizeof(testcase_record), compare_records);
	xmlTextWriterStartElement(writer, BAD_CAST "testsuites");
	put_counts(writer, &state->counts);
	xmlTextWriterStartElement(writer, BAD_CAST "testsuite");
	put_counts(writer, &state->counts);
	for (size_t i = 0; i < state->count; i++)
		put_testcase(writer, state, &state->cases[i], &names);
	cl_keyset_dispose(&names);
	if (cl_xml_finish(writer) < 0 || state->spool.error)
		return cl_error_set(COPYLINT_EIO, "writing the junit report failed");
	return 0;
}

static int junit_end(cl_format_run *run)
{
	junit_state *state = run->state;
	int error = 0;
	if (state->spool.open && !run->sink->error)  /* not when abandoned */
		error = junit_write(run->sink, state);
	for (size_t i = 0; i < state->count; i++) {
		free(state->cases[i].path);
		free(state->cases[i].message);
	}
	free(state->cases);
	cl_spool_close(&state->spool);
	free(state);
	return error;
}

const cl_format_steps cl_format_junit = { junit_begin, junit_file, junit_end };
