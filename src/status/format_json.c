/* status as one JSON document for tools, built and escaped by jansson. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "status.h"

static const char *const state_names[] = { "up-to-date", "stale", "uncommitted", "unknown", "error",
					   "orphaned" };

/* Paths were made valid UTF-8; commit subjects and messages come as git
 * has them. */
static json_t *text_json(const char *s)
{
	if (!s)
		return json_null();
	char *safe = cl_utf8_sanitize(s, strlen(s));
	json_t *value = json_string(safe);
	free(safe);
	return value;
}

static json_t *commit_json(const cl_history_commit *c)
{
	char date[16];
	cl_status_date(date, c->time);
	return json_pack("{s:s, s:s, s:o}", "id", c->id, "date", date, "subject", text_json(c->subject));
}

static void add_staleness(json_t *entry, const cl_staleness *s)
{
	json_t *commits = json_array(), *spans = json_array();
	for (size_t i = 0; i < s->commit_count; i++)
		json_array_append_new(commits, commit_json(&s->commits[i]));
	for (size_t i = 0; i < s->changed_count; i++)
		json_array_append_new(spans, json_pack("[I, I]", (json_int_t)s->changed[i].first,
						       (json_int_t)s->changed[i].last));
	json_t *base = commit_json(&s->base);
	json_object_set_new(base, "from", json_string(s->origin == CL_BASE_FRONT_MATTER ? "front-matter" : "history"));
	json_object_set_new(entry, "base", base);
	json_object_set_new(entry, "behind", json_integer((json_int_t)s->behind));
	json_object_set_new(entry, "lines_added", json_integer((json_int_t)s->lines_added));
	json_object_set_new(entry, "lines_removed", json_integer((json_int_t)s->lines_removed));
	json_object_set_new(entry, "commits", commits);
	json_object_set_new(entry, "changed_lines", spans);
}

static json_t *entry_json(const cl_status_entry *e)
{
	json_t *entry = json_pack("{s:s, s:s, s:s}", "path", e->path, "source", e->source, "state",
				  state_names[e->state]);
	if (e->state == CL_ENTRY_STALE || e->state == CL_ENTRY_UP_TO_DATE)
		add_staleness(entry, &e->staleness);
	if (e->state == CL_ENTRY_ERROR)
		json_object_set_new(entry, "error", text_json(e->staleness.error));
	return entry;
}

static json_t *counts_json(const copylint_status *status, size_t index)
{
	const copylint_status_language *l = copylint_status_language_at(status, index);
	return json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "language", l->tag,
			 "sources", (json_int_t)l->sources, "translated", (json_int_t)l->translated,
			 "up_to_date", (json_int_t)l->up_to_date, "stale", (json_int_t)l->stale,
			 "uncommitted", (json_int_t)l->uncommitted, "errors", (json_int_t)l->errors,
			 "missing", (json_int_t)l->missing, "orphaned", (json_int_t)l->orphaned,
			 "coverage_permille", (json_int_t)copylint_status_coverage_permille(status, index));
}

static json_t *language_json(const copylint_status *status, size_t index)
{
	json_t *lang = counts_json(status, index), *entries = json_array(), *missing = json_array();
	size_t first, end;
	cl_status_lang_entries(status, index, &first, &end);
	for (size_t i = first; i < end; i++)
		json_array_append_new(entries, entry_json(&status->entries[i]));
	cl_status_lang_missing(status, index, &first, &end);
	for (size_t i = first; i < end; i++)
		json_array_append_new(missing, json_pack("{s:s, s:s}", "source", status->missing[i].source,
							 "translation", status->missing[i].expected));
	json_object_set_new(lang, "translations", entries);
	json_object_set_new(lang, "missing_pages", missing);
	return lang;
}

static int to_sink(const char *buffer, size_t size, void *data)
{
	cl_sink_put(data, buffer, size);
	return 0;
}

int cl_status_write_json(const copylint_status *status, cl_sink *sink)
{
	json_t *langs = json_array(), *notices = json_array();
	for (size_t i = 0; i < status->nlangs; i++)
		json_array_append_new(langs, language_json(status, i));
	for (size_t i = 0; i < status->nnotes; i++)
		json_array_append_new(notices, text_json(status->notes[i]));
	json_t *root = json_pack("{s:s, s:I, s:b, s:o, s:o, s:o}", "source_language", status->source_language,
				 "sources", (json_int_t)status->nsources, "history", status->history,
				 "history_note", text_json(status->history_note), "notices", notices,
				 "languages", langs);
	int rc = root ? json_dump_callback(root, to_sink, sink, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;
	cl_sink_puts(sink, "\n");
	json_decref(root);
	return rc < 0 ? COPYLINT_ERROR : 0;
}
