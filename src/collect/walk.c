/* Paths to sources. Folders are walked in sorted order (reports are
 * deterministic); hidden entries are skipped, and so are files git ignores
 * when the folder is inside a repository (libgit2 reads .gitignore, info/
 * exclude and core.excludesFile as git does). */
#include <dirent.h>
#include <errno.h>
#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../config/config.h"
#include "../util/alloc.h"
#include "missing.h"
#include "sources.h"

typedef struct {
	copylint_sources *sources;
	const copylint_config *config;
	git_repository *repo;   /* the repository the walk root is in, or NULL */
	char *workdir;          /* its working folder, absolute, with a trailing '/' */
	bool git_started;       /* libgit2 initialised by this walk */
} walker;

static void add_entry(copylint_sources *sources, const char *path, const char *error)
{
	CL_GROW(sources->items, sources->cap, sources->count + 1);
	cl_source *src = &sources->items[sources->count++];
	memset(src, 0, sizeof(*src));
	src->path = cl_strdup(path);
	src->fs_path = cl_strdup(path);
	src->error = error ? cl_strdup(error) : NULL;
}

static bool git_ignores(const walker *w, const char *path)
{
	char resolved[PATH_MAX];
	int ignored = 0;
	if (!w->repo || !realpath(path, resolved))
		return false;
	size_t wlen = strlen(w->workdir);
	if (strncmp(resolved, w->workdir, wlen) != 0)
		return false;
	if (git_ignore_path_is_ignored(&ignored, w->repo, resolved + wlen) < 0)
		return false;
	return ignored != 0;
}

static bool takes_file(const walker *w, const char *path, const char *name)
{
	if (w->config->ninclude)
		return cl_config_glob_match(w->config, w->config->include, w->config->ninclude, path);
	return cl_is_article_name(name);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_folder(walker *w, const char *folder);

static void visit(walker *w, const char *path, const char *name)
{
	struct stat st;
	if (lstat(path, &st) < 0 || S_ISLNK(st.st_mode))
		return;  /* links are not followed inside folders: no cycles */
	if (copylint_config_excludes(w->config, path) || git_ignores(w, path))
		return;
	if (S_ISDIR(st.st_mode))
		walk_folder(w, path);
	else if (S_ISREG(st.st_mode) && takes_file(w, path, name))
		add_entry(w->sources, path, NULL);
}

static void walk_folder(walker *w, const char *folder)
{
	DIR *dir = opendir(folder);
	if (!dir) {
		char *message = cl_sprintf("%s: cannot read folder: %s", folder, strerror(errno));
		add_entry(w->sources, folder, message);
		free(message);
		return;
	}
	char **names = NULL;
	size_t count = 0, cap = 0;
	for (struct dirent *entry; (entry = readdir(dir));) {
		if (entry->d_name[0] == '.')
			continue;  /* ., .., and hidden files and folders */
		CL_GROW(names, cap, count + 1);
		names[count++] = cl_strdup(entry->d_name);
	}
	closedir(dir);
	if (count > 1)  /* names is NULL for an empty folder */
		qsort(names, count, sizeof(char *), compare_names);
	size_t flen = strlen(folder);
	bool slash = flen && folder[flen - 1] == '/';
	bool here = !strcmp(folder, ".") || !strcmp(folder, "./");  /* "a.md", as git shows it, not "./a.md" */
	for (size_t i = 0; i < count; i++) {
		char *path = here ? cl_strdup(names[i]) : cl_sprintf("%s%s%s", folder, slash ? "" : "/", names[i]);
		visit(w, path, names[i]);
		free(path);
		free(names[i]);
	}
	free(names);
}

/* Is there a .git (folder or file) in folder or above it? Asked before
 * starting libgit2, whose start-up (it loads TLS certificates) costs more
 * than checking a small article. */
static bool inside_repository(const char *folder)
{
	char resolved[PATH_MAX];
	if (!realpath(folder, resolved))
		return false;
	for (;;) {
		char *git = cl_sprintf("%s/.git", resolved);
		struct stat st;
		bool found = stat(git, &st) == 0;
		free(git);
		if (found)
			return true;
		char *slash = strrchr(resolved, '/');
		if (!slash || slash == resolved)
			return false;
		*slash = '\0';
	}
}

static void open_repository(walker *w, const char *folder)
{
	w->repo = NULL;
	if (getenv("GIT_DIR") == NULL && !inside_repository(folder))
		return;
	if (!w->git_started) {
		git_libgit2_init();
		w->git_started = true;
	}
	cl_git_allow_extensions();  /* a partial clone's .gitignore counts too */
	if (git_repository_open_ext(&w->repo, folder, 0, NULL) < 0 || git_repository_is_bare(w->repo)) {
		git_repository_free(w->repo);
		w->repo = NULL;
		return;
	}
	char resolved[PATH_MAX];
	const char *workdir = git_repository_workdir(w->repo);
	if (workdir && realpath(workdir, resolved)) {
		w->workdir = cl_sprintf("%s/", resolved);
	} else {
		git_repository_free(w->repo);
		w->repo = NULL;
	}
}

static void add_path(walker *w, const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		char *message = cl_sprintf("%s: %s", path, strerror(errno));
		add_entry(w->sources, path, message);
		free(message);
		return;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		/* a FIFO would block, a device never end */
		char *message = cl_sprintf("%s: %s", path, cl_source_not_regular(st.st_mode));
		add_entry(w->sources, path, message);
		free(message);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* Named explicitly: taken whatever its extension, unless excluded. */
		if (!copylint_config_excludes(w->config, path))
			add_entry(w->sources, path, NULL);
		return;
	}
	open_repository(w, path);
	walk_folder(w, path);
	git_repository_free(w->repo);
	free(w->workdir);
	w->repo = NULL;
	w->workdir = NULL;
}

int copylint_sources_add_paths(copylint_sources *sources, const copylint_config *config,
			       const char *const *paths, size_t count)
{
	walker w = { sources, config, NULL, NULL, false };
	for (size_t i = 0; i < count; i++)
		add_path(&w, paths[i]);
	if (w.git_started)
		git_libgit2_shutdown();
	return 0;
}
