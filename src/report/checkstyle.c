/* checkstyle: the de-facto XML of Checkstyle, read by Jenkins (Warnings
 * NG) and reviewdog. One <file> per file with findings, in path order;
 * columns in code points. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "escape.h"
#include "xml.h"

static const char *checkstyle_severity(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return "error";
	case COPYLINT_SEVERITY_WARNING: return "warning";
	default: return "info";
	}
}

static void put_error(xmlTextWriterPtr writer, const copylint_finding *f)
{
	char source[128];
	snprintf(source, sizeof(source), "copylint.%s", f->rule);
	xmlTextWriterStartElement(writer, BAD_CAST "error");
	cl_xml_attr_size(writer, "line", f->line);
	cl_xml_attr_size(writer, "column", f->column);
	cl_xml_attr(writer, "severity", checkstyle_severity(f->severity));
	char *message = cl_report_message(f);
	cl_xml_attr(writer, "message", message);
	free(message);
	cl_xml_attr(writer, "source", source);
	xmlTextWriterEndElement(writer);
}

/* One writer for the whole report; the last path written, so that one
 * <file> holds a path's findings even when they come in two parts. */
typedef struct {
	xmlTextWriterPtr writer;
	char *open_path;
} checkstyle_state;

static int checkstyle_begin(cl_format_run *run)
{
	checkstyle_state *state = cl_calloc(1, sizeof(*state));
	state->writer = cl_xml_start(run->sink);
	run->state = state;
	if (!state->writer)
		return cl_error_set(COPYLINT_ERROR, "cannot start the checkstyle report");
	xmlTextWriterStartElement(state->writer, BAD_CAST "checkstyle");
	cl_xml_attr(state->writer, "version", "4.3");
	return 0;
}

static int checkstyle_file(cl_format_run *run, const copylint_results *file)
{
	checkstyle_state *state = run->state;
	for (size_t i = 0; i < file->count; i++) {
		const copylint_finding *f = &file->findings[i];
		if (!state->open_path || strcmp(f->path, state->open_path)) {
			if (state->open_path)
				xmlTextWriterEndElement(state->writer);
			free(state->open_path);
			state->open_path = cl_strdup(f->path);
			xmlTextWriterStartElement(state->writer, BAD_CAST "file");
			cl_xml_attr(state->writer, "name", cl_report_path(f->path));
		}
		put_error(state->writer, f);
	}
	return 0;
}

static int checkstyle_end(cl_format_run *run)
{
	checkstyle_state *state = run->state;
	int error = 0;
	if (state && state->writer && cl_xml_finish(state->writer) < 0)
		error = cl_error_set(COPYLINT_EIO, "writing the checkstyle report failed");
	if (state)
		free(state->open_path);
	free(state);
	return error;
}

const cl_format_steps cl_format_checkstyle = { checkstyle_begin, checkstyle_file, checkstyle_end };
