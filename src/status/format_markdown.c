/* status as Markdown: a pull-request comment or a wiki page. Every path,
 * subject and message is escaped (cl_escape_markdown), and long lists stop
 * at LIST_MAX so that a comment stays within what code hosts take. */
#include <stdlib.h>
#include <string.h>

#include "../report/escape.h"
#include "../util/buf.h"
#include "status.h"

#define LIST_MAX 100

static void put_text(cl_sink *sink, const char *s)
{
	cl_buf out = CL_BUF_INIT;
	cl_escape_markdown(&out, s ? s : "");
	cl_sink_put(sink, out.ptr ? out.ptr : "", out.size);
	cl_buf_dispose(&out);
}

static void put_table(const copylint_status *status, cl_sink *sink)
{
	cl_sink_puts(sink, "| language | sources | translated | up to date | stale | missing | orphaned | coverage |\n"
			   "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < status->nlangs; i++) {
		const copylint_status_language *l = copylint_status_language_at(status, i);
		char coverage[16];
		cl_status_percent(coverage, status->history ? l->up_to_date : l->translated, l->sources);
		cl_sink_puts(sink, "| ");
		put_text(sink, l->tag);
		cl_sink_printf(sink, " | %zu | %zu | ", l->sources, l->translated);
		if (status->history)
			cl_sink_printf(sink, "%zu | %zu", l->up_to_date, l->stale);
		else
			cl_sink_puts(sink, "- | -");
		cl_sink_printf(sink, " | %zu | %zu | %s |\n", l->missing, l->orphaned, coverage);
	}
}

static void put_commits(const cl_staleness *s, cl_sink *sink)
{
	for (size_t i = 0; i < s->commit_count; i++) {
		char date[16];
		cl_status_date(date, s->commits[i].time);
		cl_sink_printf(sink, "  - %.7s %s ", s->commits[i].id, date);
		put_text(sink, s->commits[i].subject);
		cl_sink_puts(sink, "\n");
	}
	if (s->behind > s->commit_count)
		cl_sink_printf(sink, "  - and %zu more\n", s->behind - s->commit_count);
}

static void put_entry(const cl_status_entry *e, cl_sink *sink)
{
	cl_sink_puts(sink, "- ");
	put_text(sink, e->path);
	if (e->state == CL_ENTRY_STALE) {
		const cl_staleness *s = &e->staleness;
		char *spans = cl_status_spans(s);
		cl_sink_printf(sink, ": %zu commit%s behind ", s->behind, s->behind == 1 ? "" : "s");
		put_text(sink, e->source);
		cl_sink_printf(sink, " (+%zu -%zu lines%s%s)\n", s->lines_added, s->lines_removed,
			       *spans ? "; changed source lines " : "", spans);
		free(spans);
		put_commits(s, sink);
	} else if (e->state == CL_ENTRY_ERROR) {
		cl_sink_puts(sink, ": ");
		put_text(sink, e->staleness.error);
		cl_sink_puts(sink, "\n");
	} else {
		cl_sink_puts(sink, " (source ");
		put_text(sink, e->source);
		cl_sink_puts(sink, ")\n");
	}
}

static void put_entries(const copylint_status *status, size_t lang, cl_entry_state state, const char *heading,
			cl_sink *sink)
{
	size_t first, end, shown = 0, count = 0;
	cl_status_lang_entries(status, lang, &first, &end);
	for (size_t i = first; i < end; i++) {
		if (status->entries[i].state != state)
			continue;
		if (!count++)
			cl_sink_printf(sink, "\n**%s**\n\n", heading);
		if (shown < LIST_MAX)
			put_entry(&status->entries[i], sink), shown++;
	}
	if (count > shown)
		cl_sink_printf(sink, "- and %zu more\n", count - shown);
}

static void put_missing(const copylint_status *status, size_t lang, cl_sink *sink)
{
	size_t first, end;
	cl_status_lang_missing(status, lang, &first, &end);
	if (first == end)
		return;
	cl_sink_printf(sink, "\n<details><summary>Missing (%zu)</summary>\n\n", end - first);
	for (size_t i = first; i < end && i < first + LIST_MAX; i++) {
		cl_sink_puts(sink, "- ");
		put_text(sink, status->missing[i].expected);
		cl_sink_puts(sink, " (source ");
		put_text(sink, status->missing[i].source);
		cl_sink_puts(sink, ")\n");
	}
	if (end - first > LIST_MAX)
		cl_sink_printf(sink, "- and %zu more\n", end - first - LIST_MAX);
	cl_sink_puts(sink, "\n</details>\n");
}

static void put_language(const copylint_status *status, size_t lang, cl_sink *sink)
{
	cl_sink_puts(sink, "\n### ");
	put_text(sink, status->langs[lang].tag);
	cl_sink_puts(sink, "\n");
	put_entries(status, lang, CL_ENTRY_STALE, "Stale (the source changed since)", sink);
	put_entries(status, lang, CL_ENTRY_UNCOMMITTED, "Not committed yet", sink);
	put_entries(status, lang, CL_ENTRY_ERROR, "Cannot tell", sink);
	put_entries(status, lang, CL_ENTRY_ORPHANED, "Orphaned (the source does not exist)", sink);
	put_missing(status, lang, sink);
}

int cl_status_write_markdown(const copylint_status *status, cl_sink *sink)
{
	cl_sink_puts(sink, "## Translations of ");
	put_text(sink, status->source_language);
	cl_sink_printf(sink, " (%zu source page%s)\n\n", status->nsources, status->nsources == 1 ? "" : "s");
	if (status->history_note) {
		put_text(sink, status->history_note);
		cl_sink_puts(sink, "\n\n");
	}
	if (!status->nlangs) {
		cl_sink_puts(sink, "No translation found.\n");
		return 0;
	}
	put_table(status, sink);
	for (size_t i = 0; i < status->nlangs; i++)
		put_language(status, i, sink);
	return 0;
}
