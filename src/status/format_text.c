/* status as a table for the terminal, then the pages that need work. Paths
 * and messages go through the text report's filter (no control character
 * reaches the terminal). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

static const char *const headings[] = { "language", "sources", "translated", "up to date", "stale",
					"missing", "orphaned", "coverage" };
#define NCOLUMNS (sizeof(headings) / sizeof(headings[0]))

static void put_row(cl_sink *sink, const char *const cells[NCOLUMNS], int first_width)
{
	cl_sink_printf(sink, "%-*s", first_width, cells[0]);
	for (size_t i = 1; i < NCOLUMNS; i++)
		cl_sink_printf(sink, "  %*s", (int)strlen(headings[i]), cells[i]);
	cl_sink_puts(sink, "\n");
}

static void put_language(const copylint_status *status, size_t index, cl_sink *sink, int width)
{
	const copylint_status_language *l = copylint_status_language_at(status, index);
	char n[6][24], coverage[16];
	size_t values[] = { l->sources, l->translated, l->up_to_date, l->stale, l->missing, l->orphaned };
	for (size_t i = 0; i < 6; i++)
		snprintf(n[i], sizeof(n[i]), "%zu", values[i]);
	if (!status->history)
		strcpy(n[2], "-"), strcpy(n[3], "-");
	cl_status_percent(coverage, status->history ? l->up_to_date : l->translated, l->sources);
	const char *cells[NCOLUMNS] = { l->tag, n[0], n[1], n[2], n[3], n[4], n[5], coverage };
	put_row(sink, cells, width);
}

static void put_stale(const cl_status_entry *e, cl_sink *sink)
{
	const cl_staleness *s = &e->staleness;
	cl_sink_puts(sink, "  ");
	cl_text_put_safe(sink, e->path);
	cl_sink_printf(sink, ": %zu commit%s behind ", s->behind, s->behind == 1 ? "" : "s");
	cl_text_put_safe(sink, e->source);
	cl_sink_printf(sink, " (+%zu -%zu lines)\n", s->lines_added, s->lines_removed);
	for (size_t i = 0; i < s->commit_count; i++) {
		char date[16];
		cl_status_date(date, s->commits[i].time);
		cl_sink_printf(sink, "    %.7s %s ", s->commits[i].id, date);
		cl_text_put_safe(sink, s->commits[i].subject ? s->commits[i].subject : "");
		cl_sink_puts(sink, "\n");
	}
	if (s->behind > s->commit_count)
		cl_sink_printf(sink, "    and %zu more\n", s->behind - s->commit_count);
}

static void put_other(const cl_status_entry *e, cl_sink *sink)
{
	cl_sink_puts(sink, "  ");
	cl_text_put_safe(sink, e->path);
	if (e->state == CL_ENTRY_ERROR) {
		cl_sink_puts(sink, ": ");
		cl_text_put_safe(sink, e->staleness.error ? e->staleness.error : "the history cannot tell");
	} else {
		cl_sink_puts(sink, " (");
		cl_text_put_safe(sink, e->source);
		cl_sink_puts(sink, ")");
	}
	cl_sink_puts(sink, "\n");
}

/* Every entry in state, under its heading; nothing when there is none. */
static void put_list(const copylint_status *status, cl_entry_state state, const char *heading, cl_sink *sink)
{
	bool said = false;
	for (size_t i = 0; i < status->nentries; i++) {
		const cl_status_entry *e = &status->entries[i];
		if (e->state != state)
			continue;
		if (!said)
			cl_sink_printf(sink, "\n%s:\n", heading);
		said = true;
		if (state == CL_ENTRY_STALE)
			put_stale(e, sink);
		else
			put_other(e, sink);
	}
}

int cl_status_write_text(const copylint_status *status, cl_sink *sink)
{
	int width = (int)strlen(headings[0]);
	for (size_t i = 0; i < status->nlangs; i++)
		if ((int)strlen(status->langs[i].tag) > width)
			width = (int)strlen(status->langs[i].tag);
	cl_sink_printf(sink, "%zu source page%s in %s, %zu translation language%s\n", status->nsources,
		       status->nsources == 1 ? "" : "s", status->source_language, status->nlangs,
		       status->nlangs == 1 ? "" : "s");
	if (!status->nlangs)
		return 0;
	put_row(sink, headings, width);
	for (size_t i = 0; i < status->nlangs; i++)
		put_language(status, i, sink, width);
	put_list(status, CL_ENTRY_STALE, "stale (the source changed since)", sink);
	put_list(status, CL_ENTRY_UNCOMMITTED, "not committed yet", sink);
	put_list(status, CL_ENTRY_ERROR, "cannot tell", sink);
	put_list(status, CL_ENTRY_ORPHANED, "orphaned (the source does not exist)", sink);
	return 0;
}
