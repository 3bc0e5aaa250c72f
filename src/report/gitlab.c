/* gitlab: the GitLab Code Quality report, a JSON array of CodeClimate
 * issues. The fingerprint hashes path, rule, flagged text and occurrence,
 * never the line, so an issue keeps its identity when unrelated lines move
 * and GitLab can tell new findings from old ones. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "escape.h"
#include "format.h"

static const char *gitlab_severity(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return "major";
	case COPYLINT_SEVERITY_WARNING: return "minor";
	default: return "info";
	}
}

static json_t *issue_json(const copylint_finding *f)
{
	char fingerprint[CL_FINGERPRINT_SIZE];
	const char *raw_path = cl_report_path(f->path);
	char *path = cl_utf8_sanitize(raw_path, strlen(raw_path));  /* JSON holds UTF-8 only */
	cl_finding_fingerprint(f, fingerprint);
	char *message = cl_report_message(f);
	json_t *issue = json_pack("{s:s, s:s, s:s, s:s, s:[s], s:s, s:{s:s, s:{s:I, s:I}}}",
			 "type", "issue", "description", message, "check_name", f->rule,
			 "fingerprint", fingerprint, "categories", "Style",
			 "severity", gitlab_severity(f->severity),
			 "location", "path", path, "lines",
			 "begin", (json_int_t)f->line, "end", (json_int_t)f->end_line);
	free(message);
	free(path);
	return issue;
}

static int gitlab_begin(cl_format_run *run)
{
	cl_sink_puts(run->sink, "[");
	return 0;
}

static int gitlab_file(cl_format_run *run, const copylint_results *file)
{
	for (size_t i = 0; i < file->count; i++) {
		json_t *issue = issue_json(&file->findings[i]);
		char *text = json_dumps(issue, JSON_COMPACT | JSON_SORT_KEYS);
		cl_sink_puts(run->sink, run->counts.findings + i ? ",\n  " : "\n  ");
		cl_sink_puts(run->sink, text);
		free(text);
		json_decref(issue);
	}
	return 0;
}

static int gitlab_end(cl_format_run *run)
{
	cl_sink_puts(run->sink, run->counts.findings ? "\n]\n" : "]\n");
	return 0;
}

const cl_format_steps cl_format_gitlab = { gitlab_begin, gitlab_file, gitlab_end };
