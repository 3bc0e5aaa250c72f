/* github-summary: the Markdown table for GITHUB_STEP_SUMMARY, one row per
 * file and rule with its counts by severity. Findings come sorted by path,
 * so one file's rows are counted at a time: memory stays flat. */
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "escape.h"
#include "format.h"

/* GitHub caps a step summary at 1 MiB; a table this long is not read anyway. */
#define SUMMARY_MAX_ROWS 200

typedef struct {
	size_t (*counts)[3];  /* per rule: errors, warnings, infos */
	size_t nrules;
	size_t rows, rows_left_out;
} summary_state;

static size_t rule_index(const char *id)
{
	const copylint_rule_info *info = copylint_rule_find(id);
	for (size_t i = 0; info && i < copylint_rule_count(); i++)
		if (copylint_rule_at(i) == info)
			return i;
	return copylint_rule_count();  /* the last slot: a rule the registry does not know */
}

static size_t severity_slot(copylint_severity severity)
{
	return severity == COPYLINT_SEVERITY_ERROR ? 0 : severity == COPYLINT_SEVERITY_WARNING ? 1 : 2;
}

static void put_rows(cl_sink *sink, summary_state *state, const char *path)
{
	for (size_t r = 0; r < state->nrules; r++) {
		size_t *c = state->counts[r];
		if (!c[0] && !c[1] && !c[2])
			continue;
		if (state->rows++ >= SUMMARY_MAX_ROWS) {
			state->rows_left_out++;
			continue;
		}
		cl_buf row = CL_BUF_INIT;
		cl_buf_puts(&row, "| ");
		const char *raw_path = cl_report_path(path);
		char *clean_path = cl_utf8_sanitize(raw_path, strlen(raw_path));  /* a path need not be UTF-8 */
		cl_escape_markdown(&row, clean_path);
		free(clean_path);
		cl_buf_puts(&row, " | ");
		cl_escape_markdown(&row, r < copylint_rule_count() ? copylint_rule_at(r)->id : "other");
		cl_buf_printf(&row, " | %zu | %zu | %zu |\n", c[0], c[1], c[2]);
		cl_sink_put(sink, row.ptr, row.size);
		cl_buf_dispose(&row);
	}
	memset(state->counts, 0, state->nrules * sizeof(state->counts[0]));
}

int cl_format_github_summary(cl_sink *sink, const copylint_results *results,
			     const copylint_report_options *options)
{
	cl_report_counts counts;
	summary_state state = { NULL, copylint_rule_count() + 1, 0, 0 };
	(void)options;
	cl_report_count(results, &counts);
	cl_sink_puts(sink, "### copylint\n\n");
	cl_report_put_counts(sink, &counts);
	cl_sink_puts(sink, "\n");
	if (!results->count)
		return 0;
	state.counts = cl_calloc(state.nrules, sizeof(state.counts[0]));
	cl_sink_puts(sink, "| File | Rule | Errors | Warnings | Infos |\n| --- | --- | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < results->count; i++) {
		const copylint_finding *f = &results->findings[i];
		state.counts[rule_index(f->rule)][severity_slot(f->severity)]++;
		if (i + 1 == results->count || strcmp(results->findings[i + 1].path, f->path))
			put_rows(sink, &state, f->path);
	}
	if (state.rows_left_out)
		cl_sink_printf(sink, "\n%zu more rows are not shown; the full list is in the job log.\n",
			       state.rows_left_out);
	free(state.counts);
	return 0;
}
