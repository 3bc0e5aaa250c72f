/* status as one static page: XHTML5 that is also well-formed XML (so a
 * strict XML parser reads it), written by libxml2's writer, which escapes
 * every text and attribute; styles inline, no script. Per language a
 * coverage bar, then the stale pages with the source's newer commits and
 * changed lines (read from the source file, at most SOURCE_LINES_MAX). */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../report/escape.h"
#include "../report/xml.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "status.h"

#define SOURCE_LINES_MAX 40
#define SOURCE_BYTES_MAX ((size_t)4 << 20)

static const char style[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}"
	"table{border-collapse:collapse}td,th{padding:.2em .7em;border-bottom:1px solid #ddd}"
	"td.n{text-align:right}.bar{display:flex;height:1em;background:#eee;border-radius:3px;"
	"overflow:hidden;margin:.5em 0}.bar span{display:block}.fresh{background:#2a8a3e}"
	".stale{background:#e0a020}.other{background:#8ab}pre{background:#f6f6f6;padding:.5em;"
	"overflow:auto}code{font-size:90%}.note{color:#a40}li{margin:.2em 0}";

static void text(xmlTextWriterPtr w, const char *s)
{
	char *safe = cl_utf8_sanitize(s ? s : "", s ? strlen(s) : 0);
	cl_xml_text(w, safe);
	free(safe);
}

/* Every element is closed with its end tag: in HTML, <span/> would open a
 * span that never closes (only void elements may be written as <x/>). */
static void close_element(xmlTextWriterPtr w)
{
	xmlTextWriterFullEndElement(w);
}

static void element(xmlTextWriterPtr w, const char *name, const char *content)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
	text(w, content);
	close_element(w);
}

/* An element of text and inline elements: written on one line, since
 * indentation inside it would show as spaces. Never nested. */
static void start_inline(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
	xmlTextWriterSetIndent(w, 0);
}

static void end_inline(xmlTextWriterPtr w)
{
	close_element(w);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterWriteRaw(w, BAD_CAST "\n");  /* which the writer leaves out after an unindented end */
}

static void start(xmlTextWriterPtr w, const char *name, const char *class_name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
	if (class_name)
		cl_xml_attr(w, "class", class_name);
}

static void put_head(const copylint_status *status, xmlTextWriterPtr w, const char *title)
{
	xmlTextWriterWriteDTD(w, BAD_CAST "html", NULL, NULL, NULL);
	xmlTextWriterStartElement(w, BAD_CAST "html");
	cl_xml_attr(w, "xmlns", "http://www.w3.org/1999/xhtml");
	cl_xml_attr(w, "lang", "en");
	xmlTextWriterStartElement(w, BAD_CAST "head");
	xmlTextWriterStartElement(w, BAD_CAST "meta");
	cl_xml_attr(w, "charset", "utf-8");
	xmlTextWriterEndElement(w);  /* a void element: <meta/> */
	element(w, "title", title);
	element(w, "style", style);
	close_element(w);
}

/* One part of the coverage bar, part of whole wide. */
static void bar_part(xmlTextWriterPtr w, const char *class_name, size_t part, size_t whole)
{
	if (!part || !whole)
		return;
	char width[32];
	snprintf(width, sizeof(width), "width:%.1f%%", (double)part * 100.0 / (double)whole);
	start(w, "span", class_name);
	cl_xml_attr(w, "style", width);
	close_element(w);
}

static void put_bar(const copylint_status *status, size_t lang, xmlTextWriterPtr w)
{
	const copylint_status_language *l = copylint_status_language_at(status, lang);
	char label[64], coverage[16];
	cl_status_percent(coverage, status->history ? l->up_to_date : l->translated, l->sources);
	snprintf(label, sizeof(label), "%s %s", coverage, status->history ? "up to date" : "translated");
	start(w, "div", "bar");
	cl_xml_attr(w, "role", "img");
	cl_xml_attr(w, "aria-label", label);
	cl_xml_attr(w, "title", label);
	if (status->history) {
		bar_part(w, "fresh", l->up_to_date, l->sources);
		bar_part(w, "stale", l->stale, l->sources);
		bar_part(w, "other", l->translated - l->up_to_date - l->stale, l->sources);
	} else {
		bar_part(w, "other", l->translated, l->sources);
	}
	close_element(w);
}

static void put_counts(const copylint_status *status, size_t lang, xmlTextWriterPtr w)
{
	const copylint_status_language *l = copylint_status_language_at(status, lang);
	char line[256], coverage[16];
	cl_status_percent(coverage, status->history ? l->up_to_date : l->translated, l->sources);
	if (status->history)
		snprintf(line, sizeof(line), "%s of %zu source pages up to date: %zu up to date, %zu stale, "
			 "%zu missing, %zu orphaned.", coverage, l->sources, l->up_to_date, l->stale, l->missing,
			 l->orphaned);
	else
		snprintf(line, sizeof(line), "%s of %zu source pages translated: %zu missing, %zu orphaned.",
			 coverage, l->sources, l->missing, l->orphaned);
	element(w, "p", line);
}

/* The source's lines at the changed spans, numbered. */
static void put_source_lines(const cl_status_entry *e, xmlTextWriterPtr w)
{
	FILE *f = e->staleness.changed_count ? fopen(e->fs_source, "rb") : NULL;
	if (!f)
		return;
	cl_buf out = CL_BUF_INIT;
	char *line = NULL;
	size_t cap = 0, number = 0, span = 0, shown = 0, total = 0;
	const cl_staleness *s = &e->staleness;
	ssize_t n;
	while (span < s->changed_count && shown < SOURCE_LINES_MAX && total < SOURCE_BYTES_MAX &&
	       (n = getline(&line, &cap, f)) >= 0) {
		total += (size_t)n, number++;
		while (span < s->changed_count && s->changed[span].last < number)
			span++;
		if (span == s->changed_count || number < s->changed[span].first)
			continue;
		if (shown && number > 1 && s->changed[span].first == number)
			cl_buf_puts(&out, "     …\n");
		cl_buf_printf(&out, "%5zu  ", number);
		cl_buf_put(&out, line, (size_t)n - (n && line[n - 1] == '\n'));
		cl_buf_putc(&out, '\n');
		shown++;
	}
	free(line);
	fclose(f);
	if (out.size)
		element(w, "pre", out.ptr);
	cl_buf_dispose(&out);
}

static void put_commits(const cl_staleness *s, xmlTextWriterPtr w)
{
	start(w, "ul", "commits");
	for (size_t i = 0; i < s->commit_count; i++) {
		char head[40];
		cl_status_date(head, s->commits[i].time);
		start_inline(w, "li");
		xmlTextWriterStartElement(w, BAD_CAST "code");
		xmlTextWriterWriteFormatString(w, "%.7s", s->commits[i].id);
		close_element(w);
		text(w, " ");
		text(w, head);
		text(w, " ");
		text(w, s->commits[i].subject);
		end_inline(w);
	}
	if (s->behind > s->commit_count) {
		start_inline(w, "li");
		xmlTextWriterWriteFormatString(w, "and %zu more", s->behind - s->commit_count);
		end_inline(w);
	}
	close_element(w);
}

static void put_stale(const cl_status_entry *e, xmlTextWriterPtr w)
{
	const cl_staleness *s = &e->staleness;
	char *spans = cl_status_spans(s);
	xmlTextWriterStartElement(w, BAD_CAST "li");
	start_inline(w, "p");
	element(w, "strong", e->path);
	xmlTextWriterWriteFormatString(w, ": %zu commit%s behind ", s->behind, s->behind == 1 ? "" : "s");
	element(w, "code", e->source);
	xmlTextWriterWriteFormatString(w, " (+%zu -%zu lines%s", s->lines_added, s->lines_removed,
				       *spans ? "; changed source lines " : "");
	text(w, spans);
	text(w, ")");
	end_inline(w);
	put_commits(s, w);
	put_source_lines(e, w);
	close_element(w);
	free(spans);
}

static void put_other(const cl_status_entry *e, xmlTextWriterPtr w)
{
	start_inline(w, "li");
	element(w, "strong", e->path);
	if (e->state == CL_ENTRY_ERROR) {
		text(w, ": ");
		text(w, e->staleness.error);
	} else {
		text(w, " (source ");
		element(w, "code", e->source);
		text(w, ")");
	}
	end_inline(w);
}

static void put_entries(const copylint_status *status, size_t lang, cl_entry_state state, const char *heading,
			xmlTextWriterPtr w)
{
	size_t first, end, count = 0;
	cl_status_lang_entries(status, lang, &first, &end);
	for (size_t i = first; i < end; i++) {
		const cl_status_entry *e = &status->entries[i];
		if (e->state != state)
			continue;
		if (!count++) {
			element(w, "h3", heading);
			xmlTextWriterStartElement(w, BAD_CAST "ul");
		}
		if (state == CL_ENTRY_STALE)
			put_stale(e, w);
		else
			put_other(e, w);
	}
	if (count)
		close_element(w);
}

static void put_missing(const copylint_status *status, size_t lang, xmlTextWriterPtr w)
{
	size_t first, end;
	cl_status_lang_missing(status, lang, &first, &end);
	if (first == end)
		return;
	xmlTextWriterStartElement(w, BAD_CAST "details");
	xmlTextWriterStartElement(w, BAD_CAST "summary");
	xmlTextWriterWriteFormatString(w, "Missing (%zu)", end - first);
	close_element(w);
	xmlTextWriterStartElement(w, BAD_CAST "ul");
	for (size_t i = first; i < end; i++) {
		start_inline(w, "li");
		element(w, "code", status->missing[i].expected);
		text(w, " (source ");
		element(w, "code", status->missing[i].source);
		text(w, ")");
		end_inline(w);
	}
	close_element(w);
	close_element(w);
}

static void put_language(const copylint_status *status, size_t lang, xmlTextWriterPtr w)
{
	char *id = cl_sprintf("lang-%s", status->langs[lang].key);
	xmlTextWriterStartElement(w, BAD_CAST "section");
	cl_xml_attr(w, "id", id);
	free(id);
	element(w, "h2", status->langs[lang].tag);
	put_bar(status, lang, w);
	put_counts(status, lang, w);
	put_entries(status, lang, CL_ENTRY_STALE, "Stale: the source changed since", w);
	put_entries(status, lang, CL_ENTRY_UNCOMMITTED, "Not committed yet", w);
	put_entries(status, lang, CL_ENTRY_ERROR, "Cannot tell", w);
	put_entries(status, lang, CL_ENTRY_ORPHANED, "Orphaned: the source does not exist", w);
	put_missing(status, lang, w);
	close_element(w);
}

static void put_cell(xmlTextWriterPtr w, size_t value, bool known)
{
	start(w, "td", "n");
	if (known)
		xmlTextWriterWriteFormatString(w, "%zu", value);
	else
		text(w, "-");
	close_element(w);
}

static void put_summary_row(const copylint_status *status, size_t lang, xmlTextWriterPtr w)
{
	const copylint_status_language *l = copylint_status_language_at(status, lang);
	char coverage[16], *href = cl_sprintf("#lang-%s", status->langs[lang].key);
	cl_status_percent(coverage, status->history ? l->up_to_date : l->translated, l->sources);
	xmlTextWriterStartElement(w, BAD_CAST "tr");
	start_inline(w, "td");
	xmlTextWriterStartElement(w, BAD_CAST "a");
	cl_xml_attr(w, "href", href);
	text(w, l->tag);
	close_element(w);
	end_inline(w);
	put_cell(w, l->sources, true);
	put_cell(w, l->translated, true);
	put_cell(w, l->up_to_date, status->history);
	put_cell(w, l->stale, status->history);
	put_cell(w, l->missing, true);
	put_cell(w, l->orphaned, true);
	start(w, "td", "n");
	text(w, coverage);
	close_element(w);
	close_element(w);
	free(href);
}

static void put_summary(const copylint_status *status, xmlTextWriterPtr w)
{
	static const char *const headings[] = { "language", "sources", "translated", "up to date", "stale",
						"missing", "orphaned", "coverage" };
	xmlTextWriterStartElement(w, BAD_CAST "table");
	xmlTextWriterStartElement(w, BAD_CAST "tr");
	for (size_t i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
		element(w, "th", headings[i]);
	close_element(w);
	for (size_t i = 0; i < status->nlangs; i++)
		put_summary_row(status, i, w);
	close_element(w);
}

int cl_status_write_html(const copylint_status *status, cl_sink *sink)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(cl_xml_sink_write, NULL, sink, NULL);
	xmlTextWriterPtr w = out ? xmlNewTextWriter(out) : NULL;
	if (!w) {
		xmlOutputBufferClose(out);
		return COPYLINT_ERROR;
	}
	xmlTextWriterSetIndent(w, 1);
	char *title = cl_sprintf("Translations of %s", status->source_language);
	char *intro = cl_sprintf("%zu source page%s in %s, %zu translation language%s.", status->nsources,
				 status->nsources == 1 ? "" : "s", status->source_language, status->nlangs,
				 status->nlangs == 1 ? "" : "s");
	put_head(status, w, title);
	xmlTextWriterStartElement(w, BAD_CAST "body");
	element(w, "h1", title);
	element(w, "p", intro);
	if (status->history_note) {
		start(w, "p", "note");
		text(w, status->history_note);
		close_element(w);
	}
	if (status->nlangs)
		put_summary(status, w);
	for (size_t i = 0; i < status->nlangs; i++)
		put_language(status, i, w);
	free(title);
	free(intro);
	int rc = xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	return rc < 0 ? COPYLINT_ERROR : 0;
}
