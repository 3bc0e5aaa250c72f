/* github-summary: the Markdown table for GITHUB_STEP_SUMMARY, one row per
 * file and rule with its counts by severity. Files come one at a time, so
 * one file's rows are counted at a time; the table waits for the totals
 * above it, and holds at most SUMMARY_MAX_ROWS rows: memory stays flat. */
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "escape.h"
#include "format.h"

/* GitHub caps a step summary at 1 MiB; a table this long is not read anyway. */
#define SUMMARY_MAX_ROWS 200
/* Rows of the stale-translation table (its messages are long). */
#define STALE_MAX_ROWS 50

typedef struct {
	size_t (*counts)[3];  /* per rule: errors, warnings, infos */
	size_t nrules;
	size_t rows, rows_left_out;
	cl_buf table;  /* the rows shown */
	/* stale-translation findings, word for word: which translations are
	 * behind, and which a pull request leaves behind. */
	cl_buf stale;
	size_t stale_rows, stale_left_out;
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

static void put_rows(summary_state *state, const char *path)
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
		cl_buf_put(&state->table, row.ptr, row.size);
		cl_buf_dispose(&row);
	}
	memset(state->counts, 0, state->nrules * sizeof(state->counts[0]));
}

static int summary_begin(cl_format_run *run)
{
	summary_state *state = cl_calloc(1, sizeof(*state));
	state->nrules = copylint_rule_count() + 1;
	state->counts = cl_calloc(state->nrules, sizeof(state->counts[0]));
	run->state = state;
	return 0;
}

static void put_stale_row(summary_state *state, const copylint_finding *f)
{
	if (state->stale_rows++ >= STALE_MAX_ROWS) {
		state->stale_left_out++;
		return;
	}
	const char *raw_path = cl_report_path(f->path);
	char *clean_path = cl_utf8_sanitize(raw_path, strlen(raw_path));
	cl_buf_puts(&state->stale, "| ");
	cl_escape_markdown(&state->stale, clean_path);
	cl_buf_printf(&state->stale, ":%zu | ", f->line);
	char *message = cl_report_message(f);
	cl_escape_markdown(&state->stale, message);
	cl_buf_puts(&state->stale, " |\n");
	free(message);
	free(clean_path);
}

static int summary_file(cl_format_run *run, const copylint_results *file)
{
	summary_state *state = run->state;
	for (size_t i = 0; i < file->count; i++) {
		const copylint_finding *f = &file->findings[i];
		if (!strcmp(f->rule, "stale-translation"))
			put_stale_row(state, f);
		state->counts[rule_index(f->rule)][severity_slot(f->severity)]++;
		if (i + 1 == file->count || strcmp(file->findings[i + 1].path, f->path))
			put_rows(state, f->path);
	}
	return 0;
}

static int summary_end(cl_format_run *run)
{
	summary_state *state = run->state;
	cl_sink *sink = run->sink;
	cl_sink_puts(sink, "### copylint\n\n");
	cl_report_put_counts(sink, &run->counts);
	cl_sink_puts(sink, "\n");
	if (run->counts.findings) {
		cl_sink_puts(sink, "| File | Rule | Errors | Warnings | Infos |\n| --- | --- | ---: | ---: | ---: |\n");
		cl_sink_put(sink, state->table.ptr, state->table.size);
	}
	if (state->rows_left_out)
		cl_sink_printf(sink, "\n%zu more rows are not shown; the full list is in the job log.\n",
			       state->rows_left_out);
	if (state->stale_rows) {
		cl_sink_puts(sink, "\n#### Translations and their source\n\n| Where | What |\n| --- | --- |\n");
		cl_sink_put(sink, state->stale.ptr, state->stale.size);
	}
	if (state->stale_left_out)
		cl_sink_printf(sink, "\n%zu more are not shown; the full list is in the job log.\n",
			       state->stale_left_out);
	cl_buf_dispose(&state->stale);
	cl_buf_dispose(&state->table);
	free(state->counts);
	free(state);
	return 0;
}

const cl_format_steps cl_format_github_summary = { summary_begin, summary_file, summary_end };
