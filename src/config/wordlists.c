/* The word lists a project already keeps for other spell checkers, read
 * into the config so that a word accepted there is accepted here: cspell's
 * configuration (JSON with comments, or YAML) and Vale's vocabularies.
 * Accepted words become config words, forbidden ones `!word` entries (as
 * cspell writes them), ignored paths an override that turns spelling off,
 * cspell overrides copylint overrides. The README says what is not read. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "config.h"

static const char *const cspell_names[] = { "cspell.json", ".cspell.json", "cSpell.json", ".cSpell.json",
					    "cspell.config.json", "cspell.config.yaml", "cspell.config.yml",
					    "cspell.yaml", "cspell.yml", ".cspell.yaml", ".cspell.yml", NULL };

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void add_value(cl_lang_value **list, size_t *count, char *value)
{
	*list = cl_realloc(*list, (*count + 1) * sizeof(cl_lang_value));
	(*list)[(*count)++] = (cl_lang_value){ NULL, value };
}

/* cspell ignores case unless told otherwise: a word goes in as written and
 * in lower case (Hunspell then accepts its capitalised forms too). */
static void add_word(cl_lang_value **list, size_t *count, const char *word, bool forbidden)
{
	if (!*word)
		return;
	add_value(list, count, cl_sprintf("%s%s", forbidden ? "!" : "", word));
	char *lower = cl_sprintf("%s%s", forbidden ? "!" : "", word);
	bool changed = false;
	for (char *c = lower; *c; c++)
		if (*c >= 'A' && *c <= 'Z') {
			*c = (char)(*c - 'A' + 'a');
			changed = true;
		}
	if (changed)
		add_value(list, count, lower);
	else
		free(lower);
}

/* ---- reading JSON (with comments) and YAML into one tree --------------- */

/* cspell.json is JSON with // and block comments: blanked out, outside
 * strings, so that positions in jansson's messages stay true. */
static void blank_comments(char *s)
{
	bool string = false;
	for (char *p = s; *p; p++) {
		if (string) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '"')
				string = false;
		} else if (*p == '"') {
			string = true;
		} else if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				*p++ = ' ';
			if (!*p)
				break;
		} else if (p[0] == '/' && p[1] == '*') {
			char *end = strstr(p + 2, "*/");
			char *stop = end ? end + 2 : p + strlen(p);
			for (; p < stop; p++)
				if (*p != '\n')
					*p = ' ';
			p--;
		}
	}
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	cl_buf buf = CL_BUF_INIT;
	char chunk[8192];
	for (size_t n; (n = fread(chunk, 1, sizeof(chunk), fp)) > 0;)
		cl_buf_put(&buf, chunk, n);
	fclose(fp);
	cl_buf_putc(&buf, '\0');
	return cl_buf_detach(&buf);
}

static int read_json(const char *path, json_t **out)
{
	char *text = slurp(path);
	if (!text)
		return cl_error_set(COPYLINT_EIO, "%s: cannot read: %s", path, strerror(errno));
	json_error_t err;
	blank_comments(text);
	*out = json_loads(text, 0, &err);
	free(text);
	if (!*out)
		return cl_error_set(COPYLINT_EINVALID, "%s:%d:%d: not valid JSON: %s", path, err.line, err.column,
				    err.text);
	return 0;
}

static json_t *yaml_to_json(yaml_document_t *doc, yaml_node_t *node, int depth)
{
	if (!node || depth > 64)
		return json_null();
	if (node->type == YAML_SCALAR_NODE)
		return json_stringn((const char *)node->data.scalar.value, node->data.scalar.length);
	if (node->type == YAML_SEQUENCE_NODE) {
		json_t *array = json_array();
		for (yaml_node_item_t *i = node->data.sequence.items.start; i < node->data.sequence.items.top; i++)
			json_array_append_new(array, yaml_to_json(doc, yaml_document_get_node(doc, *i), depth + 1));
		return array;
	}
	json_t *object = json_object();
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE)
			json_object_set_new(object, (const char *)k->data.scalar.value,
					    yaml_to_json(doc, yaml_document_get_node(doc, p->value), depth + 1));
	}
	return object;
}

static int read_yaml(const char *path, json_t **out)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return cl_error_set(COPYLINT_EIO, "%s: cannot read: %s", path, strerror(errno));
	yaml_parser_t parser;
	yaml_document_t doc;
	int error = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		error = cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: not valid YAML: %s", path,
				     parser.problem_mark.line + 1, parser.problem_mark.column + 1,
				     parser.problem ? parser.problem : "syntax error");
	} else {
		*out = yaml_to_json(&doc, yaml_document_get_root_node(&doc), 0);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	fclose(fp);
	return error;
}

/* ---- cspell ------------------------------------------------------------ */

typedef struct {
	const char *path;      /* the cspell file, for messages */
	const char *dir;       /* its folder: relative paths start here */
	json_t *definitions;   /* dictionaryDefinitions, or NULL */
} cspell_file;

static int not_a(const cspell_file *cf, const char *key, const char *what)
{
	return cl_error_set(COPYLINT_EINVALID, "%s: %s must be %s", cf->path, key, what);
}

/* A string or a list of strings under key, each passed to fn. */
static int each_string(const cspell_file *cf, json_t *obj, const char *key,
		       int (*fn)(const cspell_file *cf, const char *s, void *payload), void *payload)
{
	json_t *value = json_object_get(obj, key), *item;
	size_t i;
	if (!value || json_is_null(value))
		return 0;
	if (json_is_string(value))
		return fn(cf, json_string_value(value), payload);
	if (!json_is_array(value))
		return not_a(cf, key, "a list of strings");
	json_array_foreach(value, i, item) {
		if (!json_is_string(item))
			return not_a(cf, key, "a list of strings");
		int error = fn(cf, json_string_value(item), payload);
		if (error < 0)
			return error;
	}
	return 0;
}

typedef struct {
	cl_lang_value **list;
	size_t *count;
	bool forbidden;
} word_sink;

static int take_word(const cspell_file *cf, const char *s, void *payload)
{
	(void)cf;
	word_sink *sink = payload;
	add_word(sink->list, sink->count, s, sink->forbidden);
	return 0;
}

static int take_glob(const cspell_file *cf, const char *s, void *payload)
{
	(void)cf;
	cl_override *ov = payload;
	ov->files = cl_realloc(ov->files, (ov->nfiles + 1) * sizeof(char *));
	ov->files[ov->nfiles++] = cl_strdup(s);
	return 0;
}

/* A dictionaryDefinitions path: ${cwd} and relative paths start at the
 * cspell file's folder. */
static char *definition_path(const cspell_file *cf, const char *path)
{
	if (!strncmp(path, "${cwd}/", 7))
		path += 7;
	return path[0] == '/' ? cl_strdup(path) : cl_sprintf("%s/%s", cf->dir, path);
}

typedef struct {
	cl_lang_value **list;
	size_t *count;
} list_sink;

/* A name under dictionaries: a local word list of dictionaryDefinitions, or
 * one of cspell's bundled dictionaries (nothing to read here). */
static int take_dictionary(const cspell_file *cf, const char *name, void *payload)
{
	list_sink *sink = payload;
	json_t *def;
	size_t i;
	json_array_foreach(cf->definitions, i, def) {
		const char *def_name = json_string_value(json_object_get(def, "name"));
		const char *path = json_string_value(json_object_get(def, "path"));
		if (!def_name || strcmp(def_name, name) || !path)
			continue;
		size_t len = strlen(path);
		if (strstr(path, "://") || (len > 3 && !strcmp(path + len - 3, ".gz")) ||
		    (len > 5 && !strcmp(path + len - 5, ".trie")))
			return 0;  /* remote, compressed or trie: not read (see the README) */
		char *full = definition_path(cf, path);
		FILE *fp = fopen(full, "rb");
		if (!fp) {
			int error = cl_error_set(COPYLINT_EIO, "%s: dictionary %s: cannot read %s: %s", cf->path, name,
						 full, strerror(errno));
			free(full);
			return error;
		}
		fclose(fp);
		add_value(sink->list, sink->count, full);
	}
	return 0;
}

/* words, ignoreWords, flagWords and dictionaries of the top level or of
 * one override. */
static int read_words(const cspell_file *cf, json_t *obj, cl_lang_value **words, size_t *nwords,
		      cl_lang_value **dictionaries, size_t *ndictionaries)
{
	word_sink accept = { words, nwords, false }, flag = { words, nwords, true };
	list_sink lists = { dictionaries, ndictionaries };
	int error = each_string(cf, obj, "words", take_word, &accept);
	if (!error)
		error = each_string(cf, obj, "ignoreWords", take_word, &accept);
	if (!error)
		error = each_string(cf, obj, "flagWords", take_word, &flag);
	if (!error)
		error = each_string(cf, obj, "dictionaries", take_dictionary, &lists);
	return error;
}

static cl_override *new_override(copylint_config *config)
{
	config->overrides = cl_realloc(config->overrides, (config->noverrides + 1) * sizeof(cl_override));
	cl_override *ov = &config->overrides[config->noverrides++];
	memset(ov, 0, sizeof(*ov));
	return ov;
}

/* ignorePaths: spelling off there. */
static int read_ignore_paths(const cspell_file *cf, json_t *root, copylint_config *config)
{
	if (!json_object_get(root, "ignorePaths"))
		return 0;
	cl_override *ov = new_override(config);
	int error = each_string(cf, root, "ignorePaths", take_glob, ov);
	if (error < 0 || !ov->nfiles)
		return error;
	ov->rules = cl_calloc(1, sizeof(cl_rule_setting));
	ov->rules[0] = (cl_rule_setting){ cl_rules_find("spelling"), COPYLINT_SEVERITY_OFF, NULL, 0 };
	ov->nrules = 1;
	return 0;
}

/* An override's language, "de" or "en-GB,en": the first tag, when it is one. */
static char *override_language(json_t *ov)
{
	const char *lang = json_string_value(json_object_get(ov, "language"));
	if (!lang)
		return NULL;
	size_t len = strcspn(lang, ", ");
	if (len == 0 || len > 35 || strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") < len)
		return NULL;
	return cl_strndup(lang, len);
}

static int read_overrides(const cspell_file *cf, json_t *root, copylint_config *config)
{
	json_t *list = json_object_get(root, "overrides"), *item;
	size_t i;
	if (!list)
		return 0;
	if (!json_is_array(list))
		return not_a(cf, "overrides", "a list");
	json_array_foreach(list, i, item) {
		if (!json_is_object(item))
			return not_a(cf, "each override", "a mapping");
		cl_override *ov = new_override(config);
		int error = each_string(cf, item, "filename", take_glob, ov);
		if (!error)
			error = read_words(cf, item, &ov->words, &ov->nwords, &ov->dictionaries, &ov->ndictionaries);
		if (error < 0)
			return error;
		ov->language = override_language(item);
	}
	return 0;
}

static int read_cspell(copylint_config *config, const char *dir, const char *path)
{
	json_t *root = NULL;
	size_t len = strlen(path);
	int error = len > 5 && !strcmp(path + len - 5, ".json") ? read_json(path, &root) : read_yaml(path, &root);
	cspell_file cf = { path, dir, NULL };
	if (!error && !json_is_object(root))
		error = cl_error_set(COPYLINT_EINVALID, "%s: a cspell configuration must be a mapping", path);
	if (!error) {
		cf.definitions = json_object_get(root, "dictionaryDefinitions");
		if (cf.definitions && !json_is_array(cf.definitions))
			error = not_a(&cf, "dictionaryDefinitions", "a list");
	}
	if (!error)
		error = read_words(&cf, root, &config->words, &config->nwords, &config->dictionaries,
				   &config->ndictionaries);
	if (!error)
		error = read_ignore_paths(&cf, root, config);
	if (!error)
		error = read_overrides(&cf, root, config);
	json_decref(root);
	return error;
}

/* ---- Vale -------------------------------------------------------------- */

/* A vocabulary entry that is a word, not a regular expression: as written,
 * or in lower case after (?i). */
static void vale_entry(copylint_config *config, char *line, bool forbidden)
{
	line[strcspn(line, "\r\n")] = '\0';
	bool any_case = !strncmp(line, "(?i)", 4);
	char *word = line + (any_case ? 4 : 0);
	if (!*word || *word == '#' || strpbrk(word, "[](){}|*+?\\^$ \t"))
		return;
	if (any_case)
		add_word(&config->words, &config->nwords, word, forbidden);
	else
		add_value(&config->words, &config->nwords, cl_sprintf("%s%s", forbidden ? "!" : "", word));
}

static int vale_list(copylint_config *config, const char *path, bool forbidden)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return errno == ENOENT ? 0 : cl_error_set(COPYLINT_EIO, "%s: cannot read: %s", path, strerror(errno));
	char line[1024];
	while (fgets(line, sizeof(line), fp))
		vale_entry(config, line, forbidden);
	fclose(fp);
	return 0;
}

/* One vocabulary: config/vocabularies/NAME (Vale 3) or Vocab/NAME (older). */
static int vale_vocab(copylint_config *config, const char *ini, const char *styles, const char *name)
{
	char *folder = cl_sprintf("%s/config/vocabularies/%s", styles, name);
	struct stat st;
	if (stat(folder, &st) != 0) {
		free(folder);
		folder = cl_sprintf("%s/Vocab/%s", styles, name);
	}
	int error = 0;
	if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
		error = cl_error_set(COPYLINT_EIO, "%s: vocabulary %s: no folder %s", ini, name, folder);
	} else {
		char *accept = cl_sprintf("%s/accept.txt", folder), *reject = cl_sprintf("%s/reject.txt", folder);
		error = vale_list(config, accept, false);
		if (!error)
			error = vale_list(config, reject, true);
		free(accept);
		free(reject);
	}
	free(folder);
	return error;
}

static char *trimmed(char *s)
{
	s += strspn(s, " \t");
	size_t len = strcspn(s, "\r\n");
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	s[len] = '\0';
	return s;
}

/* The global section's StylesPath and Vocab (a comma-separated list). */
static int read_vale(copylint_config *config, const char *dir, const char *ini)
{
	FILE *fp = fopen(ini, "rb");
	if (!fp)
		return cl_error_set(COPYLINT_EIO, "%s: cannot read: %s", ini, strerror(errno));
	char line[1024], styles[1024] = "", vocab[1024] = "";
	while (fgets(line, sizeof(line), fp) && line[strspn(line, " \t")] != '[') {
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		char *key = trimmed(line), *value = trimmed(eq + 1);
		if (!strcmp(key, "StylesPath"))
			snprintf(styles, sizeof(styles), "%s%s%s", value[0] == '/' ? "" : dir, value[0] == '/' ? "" : "/", value);
		else if (!strcmp(key, "Vocab"))
			snprintf(vocab, sizeof(vocab), "%s", value);
	}
	fclose(fp);
	int error = 0;
	for (char *name = strtok(vocab, ","); name && !error; name = strtok(NULL, ","))
		if (*trimmed(name))
			error = styles[0] ? vale_vocab(config, ini, styles, trimmed(name))
					  : cl_error_set(COPYLINT_EINVALID, "%s: Vocab without StylesPath", ini);
	return error;
}

int cl_config_read_word_lists(copylint_config *config, const char *dir)
{
	int error = 0;
	for (size_t i = 0; cspell_names[i]; i++) {
		char *path = cl_sprintf("%s/%s", dir, cspell_names[i]);
		bool found = is_file(path);
		if (found)
			error = read_cspell(config, dir, path);
		free(path);
		if (found)
			break;  /* cspell reads the first it finds */
	}
	char *ini = cl_sprintf("%s/.vale.ini", dir);
	if (!error && is_file(ini))
		error = read_vale(config, dir, ini);
	free(ini);
	return error;
}

/* The root of the git repository the current folder is in, else it. */
static char *project_root(void)
{
	char cwd[4096], dir[4096];
	if (!getcwd(cwd, sizeof(cwd)))
		return cl_strdup(".");
	snprintf(dir, sizeof(dir), "%s", cwd);
	for (;;) {
		char *git = cl_sprintf("%s/.git", strcmp(dir, "/") ? dir : "");
		struct stat st;
		bool found = stat(git, &st) == 0;
		free(git);
		if (found)
			return cl_strdup(dir);
		char *slash = strrchr(dir, '/');
		if (!slash || !strcmp(dir, "/"))
			return cl_strdup(cwd);
		slash[slash == dir] = '\0';
	}
}

int copylint_config_read_word_lists(copylint_config *config, const char *dir)
{
	if (dir)
		return cl_config_read_word_lists(config, dir);
	char *root = project_root();
	free(config->base_dir);
	config->base_dir = root;
	return cl_config_read_word_lists(config, root);
}
