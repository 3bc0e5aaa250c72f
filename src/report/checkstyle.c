/* checkstyle: the de-facto XML of Checkstyle, read by Jenkins (Warnings
 * NG) and reviewdog. One <file> per file with findings, in path order;
 * columns in code points. */
#include <string.h>

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
	cl_xml_attr(writer, "message", f->message);
	cl_xml_attr(writer, "source", source);
	xmlTextWriterEndElement(writer);
}

int cl_format_checkstyle(cl_sink *sink, const copylint_results *results, const copylint_report_options *options)
{
	(void)options;
	xmlTextWriterPtr writer = cl_xml_start(sink);
	if (!writer)
		return cl_error_set(COPYLINT_ERROR, "cannot start the checkstyle report");
	xmlTextWriterStartElement(writer, BAD_CAST "checkstyle");
	cl_xml_attr(writer, "version", "4.3");
	for (size_t i = 0; i < results->count; i++) {
		const copylint_finding *f = &results->findings[i];
		if (!i || strcmp(f->path, results->findings[i - 1].path)) {
			if (i)
				xmlTextWriterEndElement(writer);
			xmlTextWriterStartElement(writer, BAD_CAST "file");
			cl_xml_attr(writer, "name", cl_report_path(f->path));
		}
		put_error(writer, f);
	}
	if (cl_xml_finish(writer) < 0)
		return cl_error_set(COPYLINT_EIO, "writing the checkstyle report failed");
	return 0;
}
