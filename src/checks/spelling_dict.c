#include "spelling_dict.h"

#include <ctype.h>
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"

typedef struct {
	const char *tag;
	const char *names;
	const char *package;
} lang_entry;

static const lang_entry languages[] = {
#define SPELL_DICT(tag, names, package) { tag, names, package },
#define SPELL_NONE(tag) { tag, NULL, NULL },
#include "spelling.def"
#undef SPELL_DICT
#undef SPELL_NONE
};

static const char *const system_folders[] = {
	"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
};

static const lang_entry *find_entry(const char *tag, size_t len)
{
	for (size_t i = 0; i < sizeof(languages) / sizeof(languages[0]); i++) {
		const char *t = languages[i].tag;
		if (strlen(t) != len)
			continue;
		size_t k = 0;
		while (k < len && (tolower((unsigned char)tag[k]) == t[k] || (tag[k] == '_' && t[k] == '-')))
			k++;
		if (k == len)
			return &languages[i];
	}
	return NULL;
}

cl_spell_lang cl_spell_lang_for(const char *tag)
{
	cl_spell_lang out = { NULL, NULL, false };
	const lang_entry *entry = find_entry(tag, strlen(tag));
	if (!entry)
		entry = find_entry(tag, strcspn(tag, "-_"));
	if (entry) {
		out.names = entry->names;
		out.package = entry->package;
		out.none = entry->names == NULL;
	}
	return out;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char data_dir[PATH_MAX];

/* <folder of file>/<to_data>/dictionaries into data_dir, when it is a folder. */
static bool data_dir_near(const char *file, const char *to_data)
{
	char candidate[PATH_MAX * 2];
	const char *slash = strrchr(file, '/');
	if (!slash)
		return false;
	snprintf(candidate, sizeof(candidate), "%.*s/%s/dictionaries", (int)(slash - file), file, to_data);
	return is_dir(candidate) && realpath(candidate, data_dir);
}

/* Installed, the data is found relative to the install prefix, wherever
 * that was moved: from the running program (<prefix>/bin/copylint), or from
 * the shared library a program embeds (<prefix>/lib/.../libcopylint.so).
 * In a build tree, the source tree's. */
static void find_data_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if (data_dir_near(exe, COPYLINT_BIN_TO_DATA))
			return;
	}
	Dl_info info;
	if (dladdr((void *)find_data_dir, &info) && info.dli_fname && strstr(info.dli_fname, ".so") &&
	    data_dir_near(info.dli_fname, COPYLINT_LIB_TO_DATA))
		return;
	if (is_dir(COPYLINT_SOURCE_DATA_DIR "/dictionaries") &&
	    realpath(COPYLINT_SOURCE_DATA_DIR "/dictionaries", data_dir))
		return;
	data_dir[0] = '\0';
}

const char *cl_spell_data_dir(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, find_data_dir);
	return data_dir[0] ? data_dir : NULL;
}

static char *in_folder(const char *folder, const char *name, size_t len)
{
	char *base = cl_sprintf("%s/%.*s", folder, (int)len, name);
	char *aff = cl_sprintf("%s.aff", base), *dic = cl_sprintf("%s.dic", base);
	bool found = is_file(aff) && is_file(dic);
	free(aff);
	free(dic);
	if (!found) {
		free(base);
		return NULL;
	}
	return base;
}

/* The first folder of a colon-separated list that holds name. */
static char *in_path_list(const char *list, const char *name, size_t len)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ":");
		char *folder = cl_strndup(p, n);
		char *found = n ? in_folder(folder, name, len) : NULL;
		free(folder);
		if (found)
			return found;
		p += n + (p[n] == ':');
	}
	return NULL;
}

/* COPYLINT_SYSTEM_DICTIONARIES, when set, replaces the system folders (empty:
 * none), so that a test or a machine decides exactly which dictionaries
 * exist whatever packages are installed. */
static char *in_system_folders(const char *name, size_t len)
{
	const char *own = getenv("COPYLINT_SYSTEM_DICTIONARIES");
	if (own)
		return in_path_list(own, name, len);
	char *found = NULL;
	for (size_t i = 0; !found && i < sizeof(system_folders) / sizeof(system_folders[0]); i++)
		found = in_folder(system_folders[i], name, len);
	return found;
}

char *cl_spell_find(const char *name, const char *const *folders, size_t nfolders)
{
	size_t len = strlen(name);
	if (len == 0 || strchr(name, '/'))
		return NULL;
	char *found = in_path_list(getenv("DICPATH"), name, len);
	for (size_t i = 0; !found && i < nfolders; i++)
		found = in_folder(folders[i], name, len);
	if (!found && cl_spell_data_dir())
		found = in_folder(cl_spell_data_dir(), name, len);
	if (!found)
		found = in_system_folders(name, len);
	return found;
}
