/* copylint status: every translation of the site at a glance. The model is
 * built in two passes (enumerate.c: which pages exist, which translate
 * which, what is missing or orphaned; stale.c: how far each translation is
 * behind its source, from src/history/) and written by one file per format
 * (status_text.c, status_json.c, status_markdown.c, status_html.c). */
#ifndef CL_STATUS_STATUS_H
#define CL_STATUS_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include "copylint/copylint.h"
#include "../history/history.h"
#include "../report/format.h"

/* What a translation is, as status says it. */
typedef enum {
	CL_ENTRY_UP_TO_DATE,
	CL_ENTRY_STALE,
	CL_ENTRY_UNCOMMITTED,  /* the translation is not in the history yet */
	CL_ENTRY_UNKNOWN,      /* no history looked at (no repository) */
	CL_ENTRY_ERROR,        /* the base cannot be used: staleness.error says why */
	CL_ENTRY_ORPHANED      /* its source does not exist */
} cl_entry_state;

typedef struct {
	char *path;        /* the translation, as the walk named it (valid UTF-8) */
	char *source;      /* its counterpart (valid UTF-8) */
	char *fs_path;     /* the translation's bytes on disk (the walk's spelling) */
	char *fs_source;   /* the source's, likewise */
	size_t lang;       /* index into the languages */
	cl_entry_state state;
	cl_staleness staleness;  /* STALE, UP_TO_DATE, ERROR: from the history */
} cl_status_entry;

/* A source page with no translation in one language. */
typedef struct {
	char *source;
	char *expected;    /* where the translation would stand */
	size_t lang;
} cl_status_missing;

typedef struct {
	copylint_status_language counts;  /* counts.tag points at tag */
	char *tag;
	char *key;         /* the tag compared: lower case, '-' between subtags */
} cl_status_lang;

struct copylint_status {
	char *source_language;
	cl_status_lang *langs;
	size_t nlangs;
	cl_status_entry *entries;   /* sorted by language, then path */
	size_t nentries, entries_cap;
	cl_status_missing *missing; /* sorted by language, then source */
	size_t nmissing, missing_cap;
	size_t nsources;            /* source pages found */
	bool history;               /* staleness was looked up */
	char *history_note;         /* why not, when it was not */
	char **notes;               /* problems said once (a layout's missing folder) */
	size_t nnotes;
};

/* Fills status from the files under paths: languages, entries (state
 * UNKNOWN or ORPHANED), missing pages and the languages' counts but for
 * staleness. Returns 0 or a negative code (error set). */
int cl_status_enumerate(copylint_status *status, const copylint_config *config,
			const char *const *paths, size_t count);
/* Sorts languages by tag, entries and missing pages by language then path. */
void cl_status_sort(copylint_status *status);
/* Asks the history how far each translation is behind, with the
 * stale-translation rule's options (keys, ignore-keyword) from config.
 * Outside a repository sets history_note instead. */
void cl_status_staleness(copylint_status *status, const copylint_config *config, const char *const *paths,
			 size_t count);
/* Counts every language's entries and missing pages (after either pass). */
void cl_status_count(copylint_status *status);

/* "83.3%" (one decimal, rounded down) of part in whole; "-" when whole is 0. */
void cl_status_percent(char out[16], size_t part, size_t whole);
/* The commit's date as YYYY-MM-DD (UTC). */
void cl_status_date(char out[16], long long time);
/* "12-18, 40, 52-60": the changed line spans. Owned by the caller. */
char *cl_status_spans(const cl_staleness *staleness);
/* The language's entries are entries[*first, *end). */
void cl_status_lang_entries(const copylint_status *status, size_t lang, size_t *first, size_t *end);
void cl_status_lang_missing(const copylint_status *status, size_t lang, size_t *first, size_t *end);

typedef int (*cl_status_writer)(const copylint_status *status, cl_sink *sink);
int cl_status_write_text(const copylint_status *status, cl_sink *sink);
int cl_status_write_json(const copylint_status *status, cl_sink *sink);
int cl_status_write_markdown(const copylint_status *status, cl_sink *sink);
int cl_status_write_html(const copylint_status *status, cl_sink *sink);

#endif
