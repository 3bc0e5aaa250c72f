/* The status model's public face: building it, reading its counts, and
 * handing it to the writer of a format. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "status.h"

static const struct {
	const char *name;
	cl_status_writer write;
} writers[] = {
	{ "text", cl_status_write_text },
	{ "json", cl_status_write_json },
	{ "markdown", cl_status_write_markdown },
	{ "html", cl_status_write_html },
};

int copylint_status_new(copylint_status **out, const copylint_config *config, const char *const *paths,
			size_t count, const copylint_status_options *options)
{
	if (!out || !config || (!paths && count))
		return cl_error_set(COPYLINT_EINVALID, "status: no config or no paths");
	*out = NULL;
	copylint_status *status = cl_calloc(1, sizeof(*status));
	status->source_language = cl_strdup(copylint_pair_source_language(config));
	int rc = cl_status_enumerate(status, config, paths, count);
	if (rc < 0) {
		copylint_status_free(status);
		return rc;
	}
	if (!options || options->history)
		cl_status_staleness(status, config, paths, count);
	cl_status_count(status);
	*out = status;
	return 0;
}

void copylint_status_free(copylint_status *status)
{
	if (!status)
		return;
	for (size_t i = 0; i < status->nlangs; i++) {
		free(status->langs[i].tag);
		free(status->langs[i].key);
	}
	for (size_t i = 0; i < status->nentries; i++) {
		cl_status_entry *e = &status->entries[i];
		free(e->path), free(e->source), free(e->fs_path), free(e->fs_source);
		cl_staleness_dispose(&e->staleness);
	}
	for (size_t i = 0; i < status->nmissing; i++)
		free(status->missing[i].source), free(status->missing[i].expected);
	for (size_t i = 0; i < status->nnotes; i++)
		free(status->notes[i]);
	free(status->notes);
	free(status->langs);
	free(status->entries);
	free(status->missing);
	free(status->history_note);
	free(status->source_language);
	free(status);
}

size_t copylint_status_language_count(const copylint_status *status)
{
	return status ? status->nlangs : 0;
}

const copylint_status_language *copylint_status_language_at(const copylint_status *status, size_t index)
{
	return status && index < status->nlangs ? &status->langs[index].counts : NULL;
}

size_t copylint_status_coverage_permille(const copylint_status *status, size_t index)
{
	const copylint_status_language *l = copylint_status_language_at(status, index);
	if (!l || !l->sources)
		return 1000;
	size_t part = status->history ? l->up_to_date : l->translated;
	return part * 1000 / l->sources;
}

const char *copylint_status_history_note(const copylint_status *status)
{
	return status ? status->history_note : NULL;
}

size_t copylint_status_notice_count(const copylint_status *status)
{
	return status ? status->nnotes : 0;
}

const char *copylint_status_notice_at(const copylint_status *status, size_t index)
{
	return status && index < status->nnotes ? status->notes[index] : NULL;
}

int copylint_status_write(const copylint_status *status, const char *format, copylint_write_cb write,
			  void *payload)
{
	if (!status || !format || !write)
		return cl_error_set(COPYLINT_EINVALID, "status: nothing to write");
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++) {
		if (strcmp(writers[i].name, format))
			continue;
		cl_sink sink = { write, payload, 0 };
		int rc = writers[i].write(status, &sink);
		if (sink.error)
			return cl_error_set(COPYLINT_EIO, "the status could not be written");
		return rc;
	}
	return cl_error_set(COPYLINT_ENOTFOUND, "unknown status format '%s' (text, json, markdown, html)", format);
}

void cl_status_count(copylint_status *status)
{
	for (size_t i = 0; i < status->nlangs; i++) {
		copylint_status_language *c = &status->langs[i].counts;
		*c = (copylint_status_language){ .tag = status->langs[i].tag, .sources = c->sources };
	}
	for (size_t i = 0; i < status->nentries; i++) {
		const cl_status_entry *e = &status->entries[i];
		copylint_status_language *c = &status->langs[e->lang].counts;
		c->translated += e->state != CL_ENTRY_ORPHANED;
		c->orphaned += e->state == CL_ENTRY_ORPHANED;
		c->up_to_date += e->state == CL_ENTRY_UP_TO_DATE;
		c->stale += e->state == CL_ENTRY_STALE;
		c->uncommitted += e->state == CL_ENTRY_UNCOMMITTED;
		c->errors += e->state == CL_ENTRY_ERROR;
	}
	for (size_t i = 0; i < status->nmissing; i++)
		status->langs[status->missing[i].lang].counts.missing++;
}

void cl_status_percent(char out[16], size_t part, size_t whole)
{
	if (!whole) {
		snprintf(out, 16, "-");
		return;
	}
	unsigned permille = (unsigned)((unsigned long long)(part < whole ? part : whole) * 1000 / whole);
	snprintf(out, 16, "%u.%u%%", permille / 10, permille % 10);
}

void cl_status_date(char out[16], long long time)
{
	time_t t = (time_t)time;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		snprintf(out, 16, "?");
}

char *cl_status_spans(const cl_staleness *staleness)
{
	cl_buf out = CL_BUF_INIT;
	for (size_t i = 0; i < staleness->changed_count; i++) {
		const cl_line_span *s = &staleness->changed[i];
		cl_buf_printf(&out, i ? ", %zu" : "%zu", s->first);
		if (s->last > s->first)
			cl_buf_printf(&out, "-%zu", s->last);
	}
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

/* The first element of an array sorted by language whose language is at
 * least lang; the language is a size_t at offset in each element. */
static size_t first_at_least(const void *base, size_t n, size_t size, size_t offset, size_t lang)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, at;
		memcpy(&at, (const char *)base + mid * size + offset, sizeof(at));
		if (at < lang)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void cl_status_lang_entries(const copylint_status *status, size_t lang, size_t *first, size_t *end)
{
	size_t size = sizeof(cl_status_entry), at = offsetof(cl_status_entry, lang);
	*first = first_at_least(status->entries, status->nentries, size, at, lang);
	*end = first_at_least(status->entries, status->nentries, size, at, lang + 1);
}

void cl_status_lang_missing(const copylint_status *status, size_t lang, size_t *first, size_t *end)
{
	size_t size = sizeof(cl_status_missing), at = offsetof(cl_status_missing, lang);
	*first = first_at_least(status->missing, status->nmissing, size, at, lang);
	*end = first_at_least(status->missing, status->nmissing, size, at, lang + 1);
}
