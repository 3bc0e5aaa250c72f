/* A translation's counterpart: the first layout whose translation pattern
 * matches the path names it. Tags compare case-insensitively, and a source
 * folder written in another case (EN, pt-br) is found by listing its parent. */
#include "pairs.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../config/config.h"
#include "../config/layout.h"
#include "../util/alloc.h"

/* Recognised without a translations: key, in this order. */
static const cl_layout well_known[] = {
	{ "i18n/{lang}/docusaurus-plugin-content-docs/current/**", "docs/**" },
	{ "src/content/docs/{lang}/**", NULL },
	{ "content/{lang}/**", NULL },
	{ "pages.{lang}/**", "pages/**" },
	{ "**/*.{lang}.md", "**/*.md" },
};

const char *cl_pair_source_language(const copylint_config *config)
{
	return config && config->translations_source ? config->translations_source : "en";
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_folder(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool same_tag(const char *a, size_t alen, const char *b)
{
	if (alen != strlen(b))
		return false;
	for (size_t i = 0; i < alen; i++) {
		char x = a[i] == '_' ? '-' : a[i], y = b[i] == '_' ? '-' : b[i];
		if ((x | 0x20) != (y | 0x20))
			return false;
	}
	return true;
}

/* The counterpart's folder that holds the language, up to and with the
 * {lang} segment (or the folders before the first wildcard when the source
 * pattern has no {lang}): the part of the layout that must exist. */
static char *source_root(const char *pattern, const cl_layout_match *m, const char *path, const char *lang)
{
	const char *at_lang = strstr(pattern, "{lang}");
	size_t cut = strcspn(pattern, "*");
	if (at_lang && (size_t)(at_lang - pattern) < cut) {
		cut = (size_t)(at_lang - pattern) + 6;
		cut += strcspn(pattern + cut, "/*");
	} else {
		while (cut && pattern[cut - 1] != '/')
			cut--;
	}
	char *head = cl_strndup(pattern, cut);
	char *root = cl_layout_build(head, m, path, lang);
	free(head);
	size_t len = strlen(root);
	while (len > m->prefix + 1 && root[len - 1] == '/')
		root[--len] = '\0';
	return root;
}

/* The counterpart's path with the source language folder as written on disk
 * (case aside), or NULL when the folder is not there. */
static char *with_folder_on_disk(char *candidate, const char *root)
{
	size_t rlen = strlen(root);
	const char *slash = strrchr(root, '/');
	size_t seg = slash ? (size_t)(slash - root) + 1 : 0;
	char *dir = slash ? cl_strndup(root, seg) : cl_strdup(".");
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;
	while (d && (e = readdir(d))) {
		if (strlen(e->d_name) == rlen - seg && !strcasecmp(e->d_name, root + seg)) {
			memcpy(candidate + seg, e->d_name, rlen - seg);
			found = true;
			break;
		}
	}
	if (d)
		closedir(d);
	free(dir);
	return found ? candidate : NULL;
}

static const char *source_pattern(const cl_layout *layout)
{
	return layout->source ? layout->source : layout->translation;
}

/* Tries one layout; true when it decides the pairing. */
static bool try_layout(const cl_layout *layout, const char *path, const char *source_lang, bool configured,
		       cl_pair *out)
{
	cl_layout_match m;
	if (!cl_layout_match_path(layout->translation, path, &m))
		return false;
	if (same_tag(path + m.lang_at, m.lang_len, source_lang)) {
		out->status = CL_PAIR_IS_SOURCE;
		return true;
	}
	const char *spattern = source_pattern(layout);
	char *candidate = cl_layout_build(spattern, &m, path, source_lang);
	char *root = source_root(spattern, &m, path, source_lang);
	bool root_there = is_folder(root) || (strstr(spattern, "{lang}") && with_folder_on_disk(candidate, root));
	bool recognised = is_file(candidate) || (root_there && strlen(root) > m.prefix);
	if (!configured && !recognised) {
		free(candidate);
		free(root);
		return false;
	}
	out->status = is_file(candidate) ? CL_PAIR_FOUND : CL_PAIR_MISSING;
	out->source = candidate;
	out->lang = cl_strndup(path + m.lang_at, m.lang_len);
	out->layout = layout->translation;
	out->well_known = !configured;
	if (!root_there && strstr(spattern, "{lang}"))
		out->problem = cl_sprintf("translations: the source language '%s' matches no folder: %s does "
					  "not exist (layout %s)", source_lang, root, layout->translation);
	free(root);
	return true;
}

const cl_layout *cl_pair_layouts(const copylint_config *config, size_t *n)
{
	bool configured = config && config->nlayouts;
	*n = configured ? config->nlayouts : sizeof(well_known) / sizeof(well_known[0]);
	return configured ? config->layouts : well_known;
}

void cl_pair_find(const copylint_config *config, const char *path, cl_pair *out)
{
	memset(out, 0, sizeof(*out));
	bool configured = config && config->nlayouts;
	size_t n;
	const cl_layout *layouts = cl_pair_layouts(config, &n);
	const char *source_lang = cl_pair_source_language(config);
	for (size_t i = 0; i < n; i++)
		if (try_layout(&layouts[i], path, source_lang, configured, out))
			return;
}

void cl_pair_dispose(cl_pair *pair)
{
	free(pair->source);
	free(pair->lang);
	free(pair->problem);
	memset(pair, 0, sizeof(*pair));
}

int copylint_pair_find(copylint_pair *out, const copylint_config *config, const char *path)
{
	if (!out || !path)
		return COPYLINT_EINVALID;
	cl_pair_find(config, path, out);
	return 0;
}

void copylint_pair_dispose(copylint_pair *pair)
{
	if (pair)
		cl_pair_dispose(pair);
}

const char *copylint_pair_source_language(const copylint_config *config)
{
	return cl_pair_source_language(config);
}
