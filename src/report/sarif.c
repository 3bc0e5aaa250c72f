/* sarif: SARIF 2.1.0 for code scanning (GitHub's upload-sarif and any
 * other SARIF viewer). One run; the rules from the registry; columns in
 * Unicode code points, as the run declares; repository-relative URIs
 * against the SRCROOT base. Each result is built and escaped by jansson and
 * written at once, so memory does not grow with the findings. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/buf.h"
#include "escape.h"
#include "format.h"

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static const char *sarif_level(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return "error";
	case COPYLINT_SEVERITY_WARNING: return "warning";
	case COPYLINT_SEVERITY_INFO: return "note";
	default: return "none";
	}
}

static void put_json(cl_sink *sink, json_t *value)
{
	char *text = json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS);
	cl_sink_puts(sink, text);
	free(text);
	json_decref(value);
}

static json_t *text_json(const char *text)
{
	return json_pack("{s:s}", "text", text);
}

static json_t *rule_json(const copylint_rule_info *rule)
{
	json_t *config = json_pack("{s:s}", "level", sarif_level(rule->default_severity));
	if (rule->default_severity == COPYLINT_SEVERITY_OFF)
		json_object_set_new(config, "enabled", json_false());
	return json_pack("{s:s, s:o, s:o, s:o}", "id", rule->id,
			 "shortDescription", text_json(rule->summary),
			 "fullDescription", text_json(rule->description ? rule->description : rule->summary),
			 "defaultConfiguration", config);
}

static json_t *driver_json(void)
{
	json_t *rules = json_array();
	for (size_t i = 0; i < copylint_rule_count(); i++)
		json_array_append_new(rules, rule_json(copylint_rule_at(i)));
	return json_pack("{s:s, s:s, s:s, s:o}", "name", "copylint", "version", COPYLINT_VERSION,
			 "semanticVersion", COPYLINT_VERSION, "rules", rules);
}

/* A relative path is a URI reference against SRCROOT; an absolute one a
 * file: URI. Bytes outside the unreserved set are percent-encoded, so a
 * path with spaces, `:` or ill-formed UTF-8 still makes a valid URI. */
static json_t *artifact_json(const char *path)
{
	cl_buf uri = CL_BUF_INIT;
	json_t *artifact;
	if (path[0] == '/') {
		cl_buf_puts(&uri, "file://");
		cl_escape_uri_path(&uri, path);
		artifact = json_pack("{s:s}", "uri", uri.ptr ? uri.ptr : "");
	} else {
		cl_escape_uri_path(&uri, cl_report_path(path));
		artifact = json_pack("{s:s, s:s}", "uri", uri.ptr ? uri.ptr : "", "uriBaseId", "SRCROOT");
	}
	cl_buf_dispose(&uri);
	return artifact;
}

static json_t *region_json(size_t line, size_t column, size_t end_line, size_t end_column)
{
	return json_pack("{s:I, s:I, s:I, s:I}", "startLine", (json_int_t)line, "startColumn",
			 (json_int_t)column, "endLine", (json_int_t)end_line, "endColumn", (json_int_t)end_column);
}

static json_t *location_json(const char *path, json_t *region)
{
	return json_pack("{s:{s:o, s:o}}", "physicalLocation", "artifactLocation", artifact_json(path),
			 "region", region);
}

static json_t *related_json(const copylint_finding *f)
{
	const copylint_related *r = f->related;
	json_t *region = json_pack("{s:I, s:I}", "startLine", (json_int_t)r->line, "startColumn",
				   (json_int_t)r->column);
	json_t *location = location_json(r->path, region);
	json_object_set_new(location, "id", json_integer(1));
	json_object_set_new(location, "message", text_json("first copy"));
	return json_pack("[o]", location);
}

static json_t *fixes_json(const copylint_finding *f)
{
	const copylint_fix *x = f->fix;
	json_t *replacement = json_pack("{s:o, s:o}", "deletedRegion",
					region_json(x->line, x->column, x->end_line, x->end_column),
					"insertedContent", text_json(x->replacement));
	json_t *change = json_pack("{s:o, s:[o]}", "artifactLocation", artifact_json(f->path),
				   "replacements", replacement);
	cl_buf description = CL_BUF_INIT;
	cl_buf_printf(&description, x->replacement[0] ? "Replace with \"%s\"" : "Delete \"%s\"",
		      x->replacement[0] ? x->replacement : x->original);
	json_t *fix = json_pack("{s:o, s:[o]}", "description", text_json(description.ptr),
				"artifactChanges", change);
	cl_buf_dispose(&description);
	return json_pack("[o]", fix);
}

static json_t *result_json(const copylint_finding *f)
{
	char fingerprint[CL_FINGERPRINT_SIZE];
	cl_finding_fingerprint(f, fingerprint);
	json_t *region = region_json(f->line, f->column, f->end_line, f->end_column);
	json_t *result = json_pack("{s:s, s:s, s:o, s:[o], s:{s:s}}", "ruleId", f->rule,
				   "level", sarif_level(f->severity), "message", text_json(f->message),
				   "locations", location_json(f->path, region),
				   "partialFingerprints", "copylint/v1", fingerprint);
	const copylint_rule_info *rule = copylint_rule_find(f->rule);
	for (size_t i = 0; rule && i < copylint_rule_count(); i++)
		if (copylint_rule_at(i) == rule)
			json_object_set_new(result, "ruleIndex", json_integer((json_int_t)i));
	if (f->related)
		json_object_set_new(result, "relatedLocations", related_json(f));
	if (f->fix)
		json_object_set_new(result, "fixes", fixes_json(f));
	return result;
}

static int sarif_begin(cl_format_run *run)
{
	cl_sink_puts(run->sink, "{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":");
	put_json(run->sink, driver_json());
	cl_sink_puts(run->sink, "},");
	if (run->options->automation_id) {
		json_t *details = json_pack("{s:s}", "id", run->options->automation_id);
		cl_sink_puts(run->sink, "\"automationDetails\":");
		put_json(run->sink, details);
		cl_sink_puts(run->sink, ",");
	}
	cl_sink_puts(run->sink, "\"columnKind\":\"unicodeCodePoints\",\"results\":[");
	return 0;
}

static int sarif_file(cl_format_run *run, const copylint_results *file)
{
	for (size_t i = 0; i < file->count; i++) {
		cl_sink_puts(run->sink, run->counts.findings + i ? ",\n" : "\n");
		put_json(run->sink, result_json(&file->findings[i]));
	}
	return 0;
}

static int sarif_end(cl_format_run *run)
{
	cl_sink_puts(run->sink, "\n]}]}\n");
	return 0;
}

const cl_format_steps cl_format_sarif = { sarif_begin, sarif_file, sarif_end };
