/* Which pages exist and which translate which, without git: every file
 * under the paths is paired once (cl_pair_find), source pages are the files
 * a layout's source pattern takes, and a hash of source paths joins the
 * two, so the whole pass is linear in the number of files. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../collect/pairs.h"
#include "../collect/sources.h"
#include "../config/config.h"
#include "../config/layout.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "status.h"

typedef struct {
	char *path;       /* as walked (raw bytes) */
	size_t layout;
} page;

typedef struct {
	copylint_status *status;
	const cl_layout *layouts;
	size_t nlayouts;
	bool configured;
	const char *source_lang;
	bool *used;               /* per layout: some translation matched it */
	size_t *entry_layout;     /* per entry */
	size_t entry_layout_cap;
	page *pages;              /* source pages */
	size_t npages, pages_cap;
	cl_keyset page_index;     /* raw source path -> index in pages */
	cl_keyset lang_index;     /* tag key -> language */
	bool *lang_layout;        /* [lang * nlayouts + layout]: the language has that layout */
	size_t lang_layout_cap;
	const char **others;      /* files that are not translations */
	size_t nothers;
} enumerator;

/* The tag as compared: lower case, '_' as '-'. */
static char *tag_key(const char *tag)
{
	char *key = cl_strdup(tag);
	for (char *p = key; *p; p++)
		*p = *p == '_' ? '-' : (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
	return key;
}

static size_t intern_lang(enumerator *e, const char *tag, size_t layout)
{
	copylint_status *st = e->status;
	char *key = tag_key(tag);
	size_t index;
	if (!cl_keyset_put(&e->lang_index, key, strlen(key), st->nlangs, &index)) {
		index = st->nlangs++;
		st->langs = cl_realloc(st->langs, st->nlangs * sizeof(*st->langs));
		st->langs[index] = (cl_status_lang){ .tag = cl_utf8_sanitize(tag, strlen(tag)), .key = key };
		key = NULL;
		size_t need = st->nlangs * e->nlayouts;
		CL_GROW(e->lang_layout, e->lang_layout_cap, need);
		memset(e->lang_layout + (need - e->nlayouts), 0, e->nlayouts * sizeof(bool));
	}
	free(key);
	e->lang_layout[index * e->nlayouts + layout] = true;
	return index;
}

static size_t layout_of(const enumerator *e, const char *translation)
{
	for (size_t i = 0; i < e->nlayouts; i++)
		if (e->layouts[i].translation == translation)
			return i;
	return 0;
}

static void add_note(copylint_status *st, const char *note)
{
	for (size_t i = 0; i < st->nnotes; i++)
		if (!strcmp(st->notes[i], note))
			return;
	st->notes = cl_realloc(st->notes, (st->nnotes + 1) * sizeof(char *));
	st->notes[st->nnotes++] = cl_strdup(note);
}

static void add_entry(enumerator *e, const char *path, const cl_pair *pair)
{
	copylint_status *st = e->status;
	size_t layout = layout_of(e, pair->layout);
	CL_GROW(st->entries, st->entries_cap, st->nentries + 1);
	CL_GROW(e->entry_layout, e->entry_layout_cap, st->nentries + 1);
	cl_status_entry *entry = &st->entries[st->nentries];
	memset(entry, 0, sizeof(*entry));
	entry->path = cl_utf8_sanitize(path, strlen(path));
	entry->source = cl_utf8_sanitize(pair->source, strlen(pair->source));
	entry->fs_path = cl_strdup(path);
	entry->fs_source = cl_strdup(pair->source);
	entry->lang = intern_lang(e, pair->lang, layout);
	entry->state = pair->status == CL_PAIR_FOUND ? CL_ENTRY_UNKNOWN : CL_ENTRY_ORPHANED;
	e->entry_layout[st->nentries++] = layout;
	e->used[layout] = true;
}

/* First pass: every file is a translation (an entry) or set aside. */
static void classify(enumerator *e, const copylint_config *config, const char *path)
{
	cl_pair pair;
	cl_pair_find(config, path, &pair);
	if (pair.problem)
		add_note(e->status, pair.problem);
	if (pair.status == CL_PAIR_FOUND || pair.status == CL_PAIR_MISSING)
		add_entry(e, path, &pair);
	else
		e->others[e->nothers++] = path;
	cl_pair_dispose(&pair);
}

static size_t add_page(enumerator *e, const char *path, size_t layout)
{
	size_t index;
	if (cl_keyset_put(&e->page_index, path, strlen(path), e->npages, &index))
		return index;
	CL_GROW(e->pages, e->pages_cap, e->npages + 1);
	e->pages[e->npages] = (page){ cl_strdup(path), layout };
	return e->npages++;
}

static const char *source_pattern(const cl_layout *layout)
{
	return layout->source ? layout->source : layout->translation;
}

/* True when the layout's source pattern takes path (with the source
 * language where the pattern has {lang}). */
static bool is_source_of(const enumerator *e, const cl_layout *layout, const char *path)
{
	cl_layout_match m;
	const char *pattern = source_pattern(layout);
	if (!cl_layout_match_path(pattern, path, &m))
		return false;
	if (!strstr(pattern, "{lang}"))
		return true;
	char *tag = cl_strndup(path + m.lang_at, m.lang_len), *key = tag_key(tag), *want = tag_key(e->source_lang);
	bool same = !strcmp(key, want);
	free(tag);
	free(key);
	free(want);
	return same;
}

/* Second pass: the files a layout in use takes as sources. */
static void find_pages(enumerator *e)
{
	for (size_t i = 0; i < e->nothers; i++)
		for (size_t l = 0; l < e->nlayouts; l++)
			if ((e->configured || e->used[l]) && is_source_of(e, &e->layouts[l], e->others[i])) {
				add_page(e, e->others[i], l);
				break;
			}
}

/* The folder that holds the source pages of the layout a translation
 * matched: the source pattern up to its first wildcard, built for the
 * translation's place (content/en for content/fr/a.md). NULL when the
 * pattern starts with a wildcard. */
static char *source_root(const cl_layout *layout, const char *path, const char *source_lang)
{
	cl_layout_match m;
	const char *pattern = source_pattern(layout);
	size_t cut = strcspn(pattern, "*");
	while (cut && pattern[cut - 1] != '/')
		cut--;
	if (cut < 2 || !cl_layout_match_path(layout->translation, path, &m))
		return NULL;
	char *head = cl_strndup(pattern, cut - 1);
	char *root = cl_layout_build(head, &m, path, source_lang);
	free(head);
	return root;
}

/* True when a page found so far is under root: the walk covered it. */
static bool covered(const enumerator *e, const char *root)
{
	size_t len = strlen(root);
	for (size_t i = 0; i < e->npages; i++)
		if (!strncmp(e->pages[i].path, root, len) && e->pages[i].path[len] == '/')
			return true;
	return false;
}

static void walk_root(enumerator *e, const copylint_config *config, const char *root, size_t layout)
{
	struct stat st;
	if (stat(root, &st) < 0 || !S_ISDIR(st.st_mode) || covered(e, root))
		return;
	copylint_sources *files = NULL;
	copylint_sources_new(&files);
	copylint_sources_add_paths(files, config, &root, 1);
	for (size_t i = 0; i < files->count; i++)
		if (!files->items[i].error && is_source_of(e, &e->layouts[layout], files->items[i].path))
			add_page(e, files->items[i].path, layout);
	copylint_sources_free(files);
}

/* Source folders the paths did not take (`copylint status content/fr`):
 * walked too, so that a language's missing pages are all found. */
static void walk_roots(enumerator *e, const copylint_config *config)
{
	cl_keyset seen = CL_KEYSET_INIT;
	const copylint_status *st = e->status;
	for (size_t i = 0; i < st->nentries; i++) {
		char *root = source_root(&e->layouts[e->entry_layout[i]], st->entries[i].fs_path, e->source_lang);
		size_t ignored;
		if (root && !cl_keyset_put(&seen, root, strlen(root), 0, &ignored))
			walk_root(e, config, root, e->entry_layout[i]);
		free(root);
	}
	cl_keyset_dispose(&seen);
}

/* A source page with no translation in language lang, and where that
 * translation would stand. */
static void add_missing(copylint_status *st, const cl_layout *layout, const char *source, size_t lang)
{
	cl_layout_match m;
	char *expected = cl_layout_match_path(source_pattern(layout), source, &m)
		? cl_layout_build(layout->translation, &m, source, st->langs[lang].tag) : cl_strdup("");
	CL_GROW(st->missing, st->missing_cap, st->nmissing + 1);
	st->missing[st->nmissing++] = (cl_status_missing){ cl_utf8_sanitize(source, strlen(source)),
							  cl_utf8_sanitize(expected, strlen(expected)), lang };
	free(expected);
}

/* Third pass: which page each translation has, and what is missing. */
static void join(enumerator *e)
{
	copylint_status *st = e->status;
	for (size_t i = 0; i < st->nentries; i++)
		if (st->entries[i].state != CL_ENTRY_ORPHANED)
			add_page(e, st->entries[i].fs_source, e->entry_layout[i]);
	size_t nl = st->nlangs;
	bool *has = cl_calloc(e->npages * nl + 1, sizeof(bool));
	for (size_t i = 0; i < st->nentries; i++) {
		size_t p;
		const cl_status_entry *entry = &st->entries[i];
		if (entry->state != CL_ENTRY_ORPHANED &&
		    cl_keyset_get(&e->page_index, entry->fs_source, strlen(entry->fs_source), &p))
			has[p * nl + entry->lang] = true;
	}
	for (size_t p = 0; p < e->npages; p++)
		for (size_t l = 0; l < nl; l++)
			if (e->lang_layout[l * e->nlayouts + e->pages[p].layout]) {
				st->langs[l].counts.sources++;
				if (!has[p * nl + l])
					add_missing(st, &e->layouts[e->pages[p].layout], e->pages[p].path, l);
			}
	st->nsources = e->npages;
	free(has);
}

static void dispose(enumerator *e)
{
	for (size_t i = 0; i < e->npages; i++)
		free(e->pages[i].path);
	free(e->pages);
	free(e->used);
	free(e->entry_layout);
	free(e->lang_layout);
	free(e->others);
	cl_keyset_dispose(&e->page_index);
	cl_keyset_dispose(&e->lang_index);
}

int cl_status_enumerate(copylint_status *status, const copylint_config *config,
			const char *const *paths, size_t count)
{
	copylint_sources *files = NULL;
	copylint_sources_new(&files);
	int rc = copylint_sources_add_paths(files, config, paths, count);
	for (size_t i = 0; rc == 0 && i < files->count; i++)
		if (files->items[i].error)
			rc = cl_error_set(COPYLINT_EIO, "%s: %s", files->items[i].path, files->items[i].error);
	enumerator e = { .status = status, .source_lang = cl_pair_source_language(config) };
	e.layouts = cl_pair_layouts(config, &e.nlayouts);
	e.configured = config && config->nlayouts;
	e.used = cl_calloc(e.nlayouts, sizeof(bool));
	e.others = cl_calloc(files->count + 1, sizeof(char *));
	for (size_t i = 0; rc == 0 && i < files->count; i++)
		classify(&e, config, files->items[i].path);
	if (rc == 0) {
		find_pages(&e);
		walk_roots(&e, config);
		join(&e);
		cl_status_sort(status);
	}
	dispose(&e);
	copylint_sources_free(files);
	return rc;
}
