/* json: copylint's own machine-readable report, one document. Each finding
 * is built and escaped by jansson and written as soon as it is made, so
 * memory does not grow with the number of findings. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "format.h"

/* Paths are bytes; JSON strings must be UTF-8 (jansson refuses others). */
static json_t *path_json(const char *path)
{
	char *safe = cl_utf8_sanitize(path, strlen(path));
	json_t *value = json_string(safe);
	free(safe);
	return value;
}

static json_t *related_json(const copylint_finding *f)
{
	json_t *list = json_array();
	if (f->related)
		json_array_append_new(list, json_pack("{s:o, s:I, s:I}", "path", path_json(f->related->path),
						      "line", (json_int_t)f->related->line,
						      "column", (json_int_t)f->related->column));
	return list;
}

/* A certain fix, in the same units as the finding; absent when none. */
static json_t *fix_json(const copylint_fix *fix)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:s}", "line", (json_int_t)fix->line,
			 "column", (json_int_t)fix->column, "end_line", (json_int_t)fix->end_line,
			 "end_column", (json_int_t)fix->end_column, "replacement", fix->replacement);
}

static json_t *finding_json(const copylint_finding *f)
{
	json_t *suggestions = json_array();
	for (size_t i = 0; i < f->suggestion_count; i++)
		json_array_append_new(suggestions, json_string(f->suggestions[i]));
	json_t *finding = json_pack("{s:o, s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:o, s:o}",
			 "path", path_json(f->path), "line", (json_int_t)f->line, "column", (json_int_t)f->column,
			 "end_line", (json_int_t)f->end_line, "end_column", (json_int_t)f->end_column,
			 "rule", f->rule, "severity", copylint_severity_name(f->severity),
			 "message", f->message, "suggestions", suggestions, "related", related_json(f));
	if (finding && f->fix)
		json_object_set_new(finding, "fix", fix_json(f->fix));
	return finding;
}

static void put_json(cl_sink *sink, json_t *value)
{
	char *text = value ? json_dumps(value, JSON_COMPACT) : NULL;
	cl_sink_puts(sink, text ? text : "null");
	free(text);
	json_decref(value);
}

static int json_begin(cl_format_run *run)
{
	cl_sink_puts(run->sink, "{\"version\": 1, \"findings\": [");
	return 0;
}

static int json_file(cl_format_run *run, const copylint_results *file)
{
	size_t written = run->counts.findings;
	for (size_t i = 0; i < file->count; i++) {
		cl_sink_puts(run->sink, written + i ? ",\n  " : "\n  ");
		put_json(run->sink, finding_json(&file->findings[i]));
	}
	return 0;
}

static int json_end(cl_format_run *run)
{
	const cl_report_counts *counts = &run->counts;
	cl_sink_puts(run->sink, counts->findings ? "\n], " : "], ");
	cl_sink_puts(run->sink, "\"summary\": ");
	put_json(run->sink, json_pack("{s:I, s:I, s:I, s:I}", "files", (json_int_t)counts->files,
				      "errors", (json_int_t)counts->errors, "warnings", (json_int_t)counts->warnings,
				      "infos", (json_int_t)counts->infos));
	cl_sink_puts(run->sink, "}\n");
	return 0;
}

const cl_format_steps cl_format_json = { json_begin, json_file, json_end };
