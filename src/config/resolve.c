/* Which settings apply to a file: defaults, then the top-level rules, then
 * each matching override in order (later wins). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "config.h"
#include "glob.h"

/* Lexically absolute, with . and .. segments resolved; no file access. */
static char *absolute_path(const char *path)
{
	cl_buf joined = CL_BUF_INIT;
	char cwd[PATH_MAX];
	if (path[0] != '/') {
		cl_buf_puts(&joined, getcwd(cwd, sizeof(cwd)) ? cwd : "");
		cl_buf_putc(&joined, '/');
	}
	cl_buf_puts(&joined, path);
	char *out = cl_malloc(joined.size + 2);
	size_t len = 0;
	const char *s = joined.ptr;
	while (*s) {
		while (*s == '/')
			s++;
		const char *seg = s;
		while (*s && *s != '/')
			s++;
		size_t seglen = (size_t)(s - seg);
		if (seglen == 0 || (seglen == 1 && seg[0] == '.'))
			continue;
		if (seglen == 2 && seg[0] == '.' && seg[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		out[len++] = '/';
		memcpy(out + len, seg, seglen);
		len += seglen;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	cl_buf_dispose(&joined);
	return out;
}

/* path relative to the config's folder, or NULL when outside it. */
static char *relative_to_base(const copylint_config *config, const char *path)
{
	char *abs = absolute_path(path);
	size_t blen = strlen(config->base_dir);
	char *rel = NULL;
	if (!strcmp(config->base_dir, "/"))
		rel = cl_strdup(abs + 1);
	else if (!strncmp(abs, config->base_dir, blen) && abs[blen] == '/')
		rel = cl_strdup(abs + blen + 1);
	free(abs);
	return rel;
}

bool cl_config_glob_match(const copylint_config *config, char *const *globs, size_t nglobs,
			  const char *path)
{
	if (!nglobs)
		return false;
	char *rel = relative_to_base(config, path);
	bool matched = false;
	for (size_t i = 0; rel && i < nglobs && !matched; i++)
		matched = cl_glob_match(globs[i], rel);
	free(rel);
	return matched;
}

bool copylint_config_excludes(const copylint_config *config, const char *path)
{
	return cl_config_glob_match(config, config->exclude, config->nexclude, path);
}

static void apply(cl_resolved *out, const cl_rule_setting *rules, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		long index = cl_rules_index(rules[i].rule->info.id);
		if (rules[i].severity >= 0)
			out->severity[index] = (copylint_severity)rules[i].severity;
		if (rules[i].noptions)
			out->setting[index] = &rules[i];
	}
}

void cl_config_resolve(const copylint_config *config, const char *path, cl_resolved *out)
{
	size_t n = cl_rules_count();
	out->language = config->language;
	out->severity = cl_malloc(n * sizeof(*out->severity));
	out->setting = cl_calloc(n, sizeof(*out->setting));
	for (size_t i = 0; i < n; i++)
		out->severity[i] = cl_rules_at(i)->info.default_severity;
	apply(out, config->rules, config->nrules);
	for (size_t i = 0; i < config->noverrides; i++) {
		const cl_override *ov = &config->overrides[i];
		if (!path || !cl_config_glob_match(config, ov->files, ov->nfiles, path))
			continue;
		if (ov->language)
			out->language = ov->language;
		apply(out, ov->rules, ov->nrules);
	}
}

void cl_resolved_dispose(cl_resolved *resolved)
{
	free(resolved->severity);
	free(resolved->setting);
	resolved->severity = NULL;
	resolved->setting = NULL;
}

static bool exists(const char *path, bool want_dir)
{
	struct stat st;
	return stat(path, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) || S_ISREG(st.st_mode) : S_ISREG(st.st_mode));
}

/* The path of the config as the user would write it: start_dir joined with
 * one "../" per folder walked up. */
static char *relative_candidate(const char *start_dir, size_t levels_up)
{
	cl_buf path = CL_BUF_INIT;
	if (strcmp(start_dir, ".") != 0) {
		cl_buf_puts(&path, start_dir);
		if (start_dir[strlen(start_dir) - 1] != '/')
			cl_buf_putc(&path, '/');
	}
	for (size_t i = 0; i < levels_up; i++)
		cl_buf_puts(&path, "../");
	cl_buf_puts(&path, ".copylint.yml");
	return cl_buf_detach(&path);
}

int copylint_config_discover(char **path_out, const char *start_dir)
{
	if (!start_dir || !*start_dir)
		start_dir = ".";
	char *dir = absolute_path(start_dir);
	*path_out = NULL;
	for (size_t levels = 0;; levels++) {
		char *candidate = cl_sprintf("%s%s.copylint.yml", dir, strcmp(dir, "/") ? "/" : "");
		char *git = cl_sprintf("%s%s.git", dir, strcmp(dir, "/") ? "/" : "");
		bool found = exists(candidate, false), at_root = exists(git, true) || !strcmp(dir, "/");
		free(git);
		free(candidate);
		if (found) {
			*path_out = start_dir[0] == '/' ? cl_sprintf("%s%s.copylint.yml", dir, strcmp(dir, "/") ? "/" : "")
							: relative_candidate(start_dir, levels);
			break;
		}
		if (at_root)
			break;
		char *slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	return 0;
}
