/* A source's translations: for each layout whose source pattern matches
 * the source, the folder where the translation pattern puts {lang} is
 * listed, and each entry whose name holds a language tag there is a
 * candidate, kept when it exists and cl_pair_find pairs it back with the
 * source (so forward and reverse pairing never disagree). */
#include "pairs.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../config/config.h"
#include "../config/layout.h"
#include "../util/alloc.h"

/* Stands for {lang} while the folder to list is worked out. */
#define MARK "\x01"

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino &&
	       S_ISREG(sa.st_mode);
}

static void add(cl_pair_list *out, const char *lang, size_t lang_len, char *path)
{
	for (size_t i = 0; i < out->count; i++)
		if (!strcmp(out->paths[i], path)) {
			free(path);
			return;
		}
	if (out->count == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 8;
		out->langs = cl_realloc(out->langs, out->cap * sizeof(char *));
		out->paths = cl_realloc(out->paths, out->cap * sizeof(char *));
	}
	out->langs[out->count] = cl_strndup(lang, lang_len);
	out->paths[out->count++] = path;
}

/* One entry of the listed folder: a tag between the segment's fixed
 * head and tail. */
static void try_entry(const copylint_config *config, const char *source, const char *dir, const char *name,
		      const char *head, size_t head_len, const char *tail, const char *rest, cl_pair_list *out)
{
	size_t len = strlen(name), tail_len = strlen(tail);
	if (len <= head_len + tail_len || strncmp(name, head, head_len) ||
	    strcmp(name + len - tail_len, tail))
		return;
	const char *lang = name + head_len;
	size_t lang_len = len - head_len - tail_len;
	if (!cl_layout_is_tag(lang, lang_len))
		return;
	char *candidate = cl_sprintf("%s%s%s", dir, name, rest);
	cl_pair pair;
	cl_pair_find(config, candidate, &pair);
	bool ours = pair.status == CL_PAIR_FOUND && same_file(pair.source, source);
	cl_pair_dispose(&pair);
	if (ours)
		add(out, lang, lang_len, candidate);
	else
		free(candidate);
}

static void from_layout(const copylint_config *config, const cl_layout *layout, const char *source,
			cl_pair_list *out)
{
	cl_layout_match m;
	const char *spattern = layout->source ? layout->source : layout->translation;
	if (!cl_layout_match_path(spattern, source, &m))
		return;
	char *built = cl_layout_build(layout->translation, &m, source, MARK);
	char *mark = strstr(built, MARK);
	if (!mark) {
		free(built);
		return;
	}
	char *seg = mark;
	while (seg > built && seg[-1] != '/')
		seg--;
	char *seg_end = mark + strcspn(mark, "/");
	char *dir = cl_strndup(built, (size_t)(seg - built));
	char *tail = cl_strndup(mark + 1, (size_t)(seg_end - mark - 1));
	DIR *d = opendir(*dir ? dir : ".");
	for (struct dirent *e; d && (e = readdir(d));)
		try_entry(config, source, dir, e->d_name, seg, (size_t)(mark - seg), tail, seg_end, out);
	if (d)
		closedir(d);
	free(tail);
	free(dir);
	free(built);
}

void cl_pair_translations_of(const copylint_config *config, const char *source, cl_pair_list *out)
{
	size_t n;
	const cl_layout *layouts = cl_pair_layouts(config, &n);
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++)
		from_layout(config, &layouts[i], source, out);
}

void cl_pair_list_dispose(cl_pair_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->langs[i]);
		free(list->paths[i]);
	}
	free(list->langs);
	free(list->paths);
	memset(list, 0, sizeof(*list));
}
