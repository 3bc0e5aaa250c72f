/* How far each translation is behind its source: one history handle for
 * the run, asked once per translation (the history walks once and looks
 * the rest up). Paths are turned into the work tree's spelling here. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../checks/rule.h"
#include "../config/config.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "status.h"

/* The front matter is at the top: this much of a translation is read. */
#define HEAD_BYTES 65536

typedef struct {
	cl_history *history;
	char *workdir;   /* real path, '/'-terminated */
	char *cwd;       /* the current folder's place in the work tree: "" or "a/b/" */
	const copylint_config *config;
	long rule;       /* stale-translation's index: its options apply here too */
} asker;

/* The stale-translation rule's option name as the config sets it for
 * path (after overrides); NULL when not set. */
static const cl_option_value *rule_option(const cl_resolved *settings, long rule, const char *name)
{
	const cl_rule_setting *setting = rule >= 0 ? settings->setting[rule] : NULL;
	for (size_t i = 0; setting && i < setting->noptions; i++)
		if (!strcmp(setting->options[i].name, name) && setting->options[i].count)
			return &setting->options[i];
	return NULL;
}

/* The front-matter keys for path: the rule's keys option, else the
 * history's defaults (NULL). */
static const char **keys_for(const asker *a, const char *path)
{
	cl_resolved settings;
	cl_config_resolve(a->config, path, &settings);
	const cl_option_value *keys = rule_option(&settings, a->rule, "keys");
	const char **list = NULL;
	if (keys) {
		list = cl_calloc(keys->count + 1, sizeof(char *));
		for (size_t i = 0; i < keys->count; i++)
			list[i] = keys->values[i];
	}
	cl_resolved_dispose(&settings);
	return list;
}

/* Where to look for the repository: the first path's folder. */
static char *start_folder(const char *const *paths, size_t count)
{
	const char *first = count ? paths[0] : ".";
	struct stat st;
	if (stat(first, &st) == 0 && S_ISDIR(st.st_mode))
		return cl_strdup(first);
	const char *slash = strrchr(first, '/');
	return slash ? cl_strndup(first, (size_t)(slash - first) + 1) : cl_strdup(".");
}

/* Appends path to out, dropping "." segments and resolving ".." against
 * what is already there. */
static void append_normal(cl_buf *out, const char *path)
{
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && !strncmp(p, "..", 2)) {
			while (out->size && out->ptr[out->size - 1] == '/')
				out->size--;
			while (out->size && out->ptr[out->size - 1] != '/')
				out->size--;
		} else if (n && !(n == 1 && *p == '.')) {
			cl_buf_put(out, p, n);
			if (p[n])
				cl_buf_putc(out, '/');
		}
		p += n + (p[n] == '/');
	}
	cl_buf_put(out, "", 0);
}

/* path (relative to the current folder, or absolute) in the work tree's
 * spelling; NULL when it is outside. Relative paths from a current folder
 * in the work tree are joined by hand (no system call per file). */
static char *repo_path(const asker *a, const char *path)
{
	char real[PATH_MAX];
	cl_buf out = CL_BUF_INIT;
	if (path[0] != '/' && a->cwd) {
		cl_buf_puts(&out, a->cwd);
		append_normal(&out, path);
		return cl_buf_detach(&out);
	}
	size_t wlen = strlen(a->workdir);
	if (!realpath(path, real) || strncmp(real, a->workdir, wlen))
		return NULL;
	return cl_strdup(real + wlen);
}

/* The work tree's real path, and the current folder's place in it (NULL
 * when it is outside: paths are then resolved one by one). */
static bool init_places(asker *a)
{
	char real[PATH_MAX], here[PATH_MAX];
	if (!realpath(cl_history_workdir(a->history), real))
		return false;
	a->workdir = cl_sprintf("%s/", strcmp(real, "/") ? real : "");
	size_t wlen = strlen(a->workdir);
	char *here_slash = realpath(".", here) ? cl_sprintf("%s/", here) : NULL;
	if (here_slash && !strncmp(here_slash, a->workdir, wlen))
		a->cwd = cl_strdup(here_slash + wlen);
	free(here_slash);
	return true;
}

/* The commit the translation's front matter names, or NULL. */
static char *front_matter_commit(const asker *a, const char *fs_path)
{
	FILE *f = fopen(fs_path, "rb");
	if (!f)
		return NULL;
	char *data = cl_malloc(HEAD_BYTES);
	size_t len = fread(data, 1, HEAD_BYTES, f);
	fclose(f);
	const char **keys = keys_for(a, fs_path);
	char *commit = cl_history_front_matter_commit(data, len, keys);
	free(keys);
	free(data);
	return commit;
}

static cl_entry_state state_of(const cl_staleness *s)
{
	switch (s->state) {
	case CL_STALE_FRESH:
		return CL_ENTRY_UP_TO_DATE;
	case CL_STALE_BEHIND:
		return CL_ENTRY_STALE;
	case CL_STALE_ERROR:
		return CL_ENTRY_ERROR;
	default:
		return CL_ENTRY_UNCOMMITTED;
	}
}

static void ask(const asker *a, cl_status_entry *entry)
{
	char *translation = repo_path(a, entry->fs_path), *source = repo_path(a, entry->fs_source);
	char *base = translation && source ? front_matter_commit(a, entry->fs_path) : NULL;
	if (translation && source) {
		if (cl_history_staleness(a->history, source, translation, base, &entry->staleness) < 0)
			entry->staleness.state = CL_STALE_ERROR;
		entry->state = state_of(&entry->staleness);
	}
	free(base);
	free(translation);
	free(source);
}

/* The ignore keyword is the run's (one walk answers every page): the
 * rule's option as the config sets it for the first path. */
static char *run_keyword(const asker *a, const char *path)
{
	cl_resolved settings;
	cl_config_resolve(a->config, path, &settings);
	const cl_option_value *keyword = rule_option(&settings, a->rule, "ignore-keyword");
	char *copy = keyword ? cl_strdup(keyword->values[0]) : NULL;
	cl_resolved_dispose(&settings);
	return copy;
}

void cl_status_staleness(copylint_status *status, const copylint_config *config, const char *const *paths,
			 size_t count)
{
	asker a = { NULL, NULL, NULL, config, cl_rules_index("stale-translation") };
	char *error = NULL, *start = start_folder(paths, count);
	char *keyword = run_keyword(&a, count ? paths[0] : ".");
	cl_history_options options = { keyword, 0 };
	if (cl_history_open(&a.history, start, &options, &error) < 0) {
		status->history_note = cl_sprintf("staleness needs a git repository (%s): only missing and "
						  "orphaned translations are reported", error ? error : "none found");
	} else if (!init_places(&a)) {
		status->history_note = cl_sprintf("staleness: the work tree %s cannot be resolved",
						  cl_history_workdir(a.history));
	} else {
		status->history = true;
		for (size_t i = 0; i < status->nentries; i++)
			if (status->entries[i].state != CL_ENTRY_ORPHANED)
				ask(&a, &status->entries[i]);
	}
	cl_history_free(a.history);
	free(a.workdir);
	free(a.cwd);
	free(error);
	free(start);
	free(keyword);
}
