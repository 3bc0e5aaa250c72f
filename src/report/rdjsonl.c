/* rdjsonl: reviewdog's Diagnostic, one JSON object a line. Its columns are
 * 1-based UTF-8 byte offsets, the end exclusive; a fix becomes a suggestion
 * with its range, so reviewdog can post it as a suggested change. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "escape.h"
#include "format.h"

static const char *rd_severity(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return "ERROR";
	case COPYLINT_SEVERITY_WARNING: return "WARNING";
	default: return "INFO";
	}
}

static json_t *range_json(size_t line, size_t column, size_t end_line, size_t end_column)
{
	return json_pack("{s:{s:I, s:I}, s:{s:I, s:I}}", "start", "line", (json_int_t)line, "column",
			 (json_int_t)column, "end", "line", (json_int_t)end_line, "column", (json_int_t)end_column);
}

static json_t *suggestions_json(const copylint_fix *x)
{
	json_t *list = json_array();
	if (x)
		json_array_append_new(list, json_pack("{s:o, s:s}", "range",
						      range_json(x->line, x->column_byte, x->end_line,
								 x->end_column_byte),
						      "text", x->replacement));
	return list;
}

static json_t *diagnostic_json(const copylint_finding *f)
{
	const char *raw_path = cl_report_path(f->path);
	char *path = cl_utf8_sanitize(raw_path, strlen(raw_path));  /* JSON holds UTF-8 only */
	char *message = cl_report_message(f);
	json_t *d = json_pack("{s:s, s:{s:s, s:o}, s:s, s:{s:s}, s:{s:s}, s:o}", "message", message,
			      "location", "path", path, "range",
			      range_json(f->line, f->column_byte, f->end_line, f->end_column_byte),
			      "severity", rd_severity(f->severity), "source", "name", "copylint",
			      "code", "value", f->rule, "suggestions", suggestions_json(f->fix));
	free(message);
	free(path);
	return d;
}

static int rdjsonl_begin(cl_format_run *run)
{
	(void)run;
	return 0;
}

static int rdjsonl_file(cl_format_run *run, const copylint_results *file)
{
	for (size_t i = 0; i < file->count; i++) {
		json_t *d = diagnostic_json(&file->findings[i]);
		char *text = json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
		cl_sink_puts(run->sink, text);
		cl_sink_puts(run->sink, "\n");
		free(text);
		json_decref(d);
	}
	return 0;
}

static int rdjsonl_end(cl_format_run *run)
{
	(void)run;
	return 0;
}

const cl_format_steps cl_format_rdjsonl = { rdjsonl_begin, rdjsonl_file, rdjsonl_end };
