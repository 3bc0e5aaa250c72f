/* stale-translation's input: which source a translation follows, the
 * commit its front matter names, and the history stage's answer; or, for
 * a source a --diff changed, which of its translations the change left
 * behind. Computed only when the rule is on, and only in a git
 * repository (said once otherwise). */
#include "stale.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../collect/pairs.h"
#include "../report/results.h"
#include "../util/alloc.h"
#include "../util/error.h"

#define RULE_ID "stale-translation"

void cl_stale_run_init(cl_stale_run *run)
{
	memset(run, 0, sizeof(*run));
	pthread_mutex_init(&run->lock, NULL);
}

static void reset(cl_stale_run *run)
{
	cl_history_free(run->history);
	run->history = NULL;
	run->tried = false;
	run->checked = run->failed = 0;
	free(run->failure);
	run->failure = NULL;
	cl_keyset_dispose(&run->changed);
	run->changed_built = false;
}

int cl_stale_run_end(cl_stale_run *run)
{
	int error = 0;
	if (run->checked && run->failed == run->checked)
		error = cl_error_set(COPYLINT_ENOTFOUND, "%s: no translation's base could be read (%zu checked), "
				     "so this repository lacks the history, not one page: %s", RULE_ID, run->checked,
				     run->failure);
	reset(run);
	return error;
}

void cl_stale_run_dispose(cl_stale_run *run)
{
	reset(run);
	pthread_mutex_destroy(&run->lock);
}

void cl_stale_file_dispose(cl_stale_file *file)
{
	cl_staleness_dispose(&file->staleness);
	if (file->has_lines)
		cl_lineindex_dispose(&file->lines);
	cl_pair_list_dispose(&file->left_behind);
	free(file->source_display);
	free(file->langs);
}

/* ---- settings and paths -------------------------------------------------- */

static const cl_option_value *option(const cl_resolved *settings, long rule, const char *name)
{
	const cl_rule_setting *setting = settings->setting[rule];
	for (size_t i = 0; setting && i < setting->noptions; i++)
		if (!strcmp(setting->options[i].name, name) && setting->options[i].count)
			return &setting->options[i];
	return NULL;
}

/* path relative to the work tree, or NULL when it is outside. */
static char *in_work_tree(const cl_history *history, const char *path)
{
	char resolved[PATH_MAX];
	const char *workdir = cl_history_workdir(history);
	const char *full = realpath(path, resolved) ? resolved : path;
	size_t wlen = strlen(workdir);
	if (strncmp(full, workdir, wlen) != 0)
		return NULL;
	return cl_strdup(full + wlen);
}

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? cl_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : cl_strdup(".");
}

/* Most git runs (--staged, --diff) check a few files: the walk then
 * follows only them and their sources. A folder walk may ask about any. */
#define FOCUS_MAX_FILES 64

static void focus(cl_history *history, const copylint_config *config, const copylint_sources *all)
{
	if (!all || !all->count || all->count > FOCUS_MAX_FILES)
		return;
	char **paths = cl_calloc(2 * all->count, sizeof(char *));
	size_t n = 0;
	bool git_only = true;
	for (size_t i = 0; i < all->count && git_only; i++) {
		const cl_source *s = &all->items[i];
		git_only = !s->fs_path && s->config_path;
		if (!git_only || !(paths[n] = in_work_tree(history, s->config_path)))
			continue;
		n++;
		cl_pair pair;
		cl_pair_find(config, s->config_path, &pair);
		if (pair.status == CL_PAIR_FOUND && (paths[n] = in_work_tree(history, pair.source)))
			n++;
		cl_pair_dispose(&pair);
	}
	if (git_only)
		cl_history_focus(history, (const char *const *)paths, n);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

static cl_history *history_for(cl_stale_run *run, const cl_stale_request *req, const char *where, long rule)
{
	const cl_resolved *settings = req->settings;
	copylint_results *notices = req->notices;
	pthread_mutex_lock(&run->lock);
	if (!run->tried) {
		/* The keyword is the run's: one walk answers every file. */
		const cl_option_value *keyword = option(settings, rule, "ignore-keyword");
		cl_history_options options = { keyword ? keyword->values[0] : NULL, 0 };
		char *dir = folder_of(where), *error = NULL;
		run->tried = true;
		if (cl_history_open(&run->history, dir, &options, &error) < 0) {
			char *message = cl_sprintf("%s needs a git repository (%s): it is off for this run", RULE_ID,
						   error);
			cl_results_add_notice(notices, message);
			free(message);
		} else {
			focus(run->history, req->config, req->all);
		}
		free(error);
		free(dir);
	}
	cl_history *history = run->history;
	pthread_mutex_unlock(&run->lock);
	return history;
}

static void count(cl_stale_run *run, const cl_staleness *s)
{
	pthread_mutex_lock(&run->lock);
	run->checked++;
	if (s->state == CL_STALE_ERROR) {
		run->failed++;
		if (!run->failure)
			run->failure = cl_strdup(s->error);
	}
	pthread_mutex_unlock(&run->lock);
}

/* ---- a translation --------------------------------------------------------- */

static void use_source_doc(cl_stale_file *out, const cl_source_doc *doc)
{
	out->input.source_path = doc->path;
	if (doc->error || !doc->data)
		return;
	out->input.source = &doc->doc;
	cl_lineindex_build(&out->lines, doc->data, doc->len);
	out->has_lines = true;
	out->input.source_lines = &out->lines;
}

static const char **keys_of(const cl_option_value *keys)
{
	if (!keys)
		return NULL;
	const char **list = cl_calloc(keys->count + 1, sizeof(char *));
	for (size_t i = 0; i < keys->count; i++)
		list[i] = keys->values[i];
	return list;
}

/* A source read from a git snapshot is named by its path in the
 * repository already; one read from disk is resolved like the file. */
static char *source_in_work_tree(const cl_history *history, const cl_stale_request *req, const cl_stale_file *out)
{
	if (req->origin->snapshot_source)
		return cl_strdup(req->origin->snapshot_source);
	return in_work_tree(history, out->input.source_path);
}

/* Asks the history; false when there is nothing to report on (a file in
 * a git change without a front-matter base is the update itself). */
static bool ask(cl_stale_run *run, cl_history *history, const cl_stale_request *req, long rule,
		const char *where, cl_stale_file *out)
{
	const char **keys = keys_of(option(req->settings, rule, "keys"));
	char *base = cl_history_front_matter_find(req->data, req->len, keys, &out->input.key_start,
						  &out->input.key_end);
	free(keys);
	out->input.has_key = base != NULL;
	char *translation = in_work_tree(history, where), *source = source_in_work_tree(history, req, out);
	bool asked = false;
	if (translation && source && (base || req->origin->fs_path)) {
		if (cl_history_staleness(history, source, translation, base, &out->staleness) < 0) {
			char *message = cl_sprintf("%s: %s: %s", req->origin->path, RULE_ID, out->staleness.error);
			cl_results_add_notice(req->notices, message);
			free(message);
		} else {
			count(run, &out->staleness);
			out->input.staleness = &out->staleness;
			asked = true;
		}
	}
	free(translation);
	free(source);
	free(base);
	return asked;
}

/* ---- a source that a --diff changed ------------------------------------------ */

static bool changed_in_run(cl_stale_run *run, const copylint_sources *all, const char *path)
{
	char resolved[PATH_MAX];
	const char *full = realpath(path, resolved) ? resolved : path;
	pthread_mutex_lock(&run->lock);
	if (!run->changed_built) {
		run->changed_built = true;
		for (size_t i = 0; i < all->count; i++) {
			const char *p = all->items[i].config_path;
			if (p && !all->items[i].fs_path)
				cl_keyset_put(&run->changed, p, strlen(p), i, NULL);
		}
	}
	bool changed = cl_keyset_get(&run->changed, full, strlen(full), NULL);
	pthread_mutex_unlock(&run->lock);
	return changed;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool left_behind(cl_stale_run *run, const cl_stale_request *req, const char *where, cl_stale_file *out)
{
	cl_pair_list all;
	cl_pair_translations_of(req->config, where, &all);
	out->langs = cl_calloc(all.count + 1, sizeof(char *));
	for (size_t i = 0; i < all.count; i++) {
		if (changed_in_run(run, req->all, all.paths[i]))
			continue;
		out->langs[out->input.nleft_behind++] = all.langs[i];
	}
	qsort(out->langs, out->input.nleft_behind, sizeof(char *), compare_strings);
	out->left_behind = all;  /* owns the strings langs points at */
	out->input.left_behind = out->langs;
	out->input.source_path = req->origin->path;
	out->input.changed = req->origin->changed;
	out->input.nchanged = req->origin->nchanged;
	return out->input.nleft_behind > 0;
}

/* ---- the file ---------------------------------------------------------------- */

bool cl_stale_prepare(cl_stale_run *run, const cl_stale_request *req, cl_stale_file *out)
{
	long rule = cl_rules_index(RULE_ID);
	const cl_source *origin = req->origin;
	const char *where = origin->fs_path ? origin->fs_path : origin->config_path;
	memset(out, 0, sizeof(*out));
	if (rule < 0 || req->settings->severity[rule] == COPYLINT_SEVERITY_OFF || !where)
		return false;
	const cl_source_doc *source = req->counterpart;
	bool is_changed_source = false;
	if (!source && !origin->fs_path) {
		/* Core pairs files on disk; a git run's files are paired here. */
		cl_pair pair;
		cl_pair_find(req->config, where, &pair);
		if (pair.status == CL_PAIR_FOUND)
			source = cl_source_cache_get(req->cache, pair.source);
		is_changed_source = pair.status == CL_PAIR_IS_SOURCE && origin->limit_to_changed;
		cl_pair_dispose(&pair);
	}
	if (!source && !is_changed_source)
		return false;
	cl_history *history = history_for(run, req, where, rule);
	if (!history)
		return false;
	if (!source)
		return left_behind(run, req, where, out);
	use_source_doc(out, source);
	bool asked = ask(run, history, req, rule, where, out);
	if (!origin->fs_path) {
		/* A git run reports paths from the work tree's root: so does the source. */
		out->source_display = in_work_tree(history, source->path);
		if (out->source_display)
			out->input.source_path = out->source_display;
	}
	return asked;
}
