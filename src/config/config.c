#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "../util/yamldepth.h"
#include "glob.h"
#include "yamlcheck.h"

/* A configuration is a few kilobytes; this leaves room and refuses a
 * mistaken --config on a large file. */
#define CONFIG_MAX_BYTES (1 << 20)

typedef struct {
	const char *path;
	yaml_document_t *doc;
	const char *base_dir;  /* relative paths in the file start here */
} loader;

static int fail_at(const loader *ld, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_at(const loader *ld, const yaml_node_t *node, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: %s", ld->path,
			    node ? node->start_mark.line + 1 : 1,
			    node ? node->start_mark.column + 1 : 1, message);
}

static const char *scalar(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

static const char *scalar_or_blank(const yaml_node_t *node)
{
	return scalar(node) ? scalar(node) : "";
}

static void free_strings(char **list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(list[i]);
	free(list);
}

static int string_expected(const loader *ld, yaml_node_t *node, const char *what)
{
	const char *value = scalar(node);
	if (!*value)
		return fail_at(ld, node, "%s must be a list of strings, not empty", what);
	return fail_at(ld, node, "%s must be a list of strings, not %s (quote it: '%s')", what, value, value);
}

/* Strings, or (strings false) any scalars: an option's value, whose type
 * check_option_type has checked. */
static int read_scalar_list(const loader *ld, yaml_node_t *node, const char *what, bool strings,
			    char ***out, size_t *count)
{
	if (strings && cl_yaml_plain_non_string(node))
		return string_expected(ld, node, what);
	if (scalar(node)) {  /* a single string is a list of one */
		*out = cl_realloc(*out, (*count + 1) * sizeof(char *));
		(*out)[(*count)++] = cl_strdup(scalar(node));
		return 0;
	}
	if (node->type != YAML_SEQUENCE_NODE)
		return fail_at(ld, node, "%s must be a list of strings", what);
	for (yaml_node_item_t *item = node->data.sequence.items.start;
	     item < node->data.sequence.items.top; item++) {
		yaml_node_t *element = yaml_document_get_node(ld->doc, *item);
		if (!scalar(element))
			return fail_at(ld, element, "%s must be a list of strings", what);
		if (strings && cl_yaml_plain_non_string(element))
			return string_expected(ld, element, what);
		*out = cl_realloc(*out, (*count + 1) * sizeof(char *));
		(*out)[(*count)++] = cl_strdup(scalar(element));
	}
	return 0;
}

static int read_language(const loader *ld, yaml_node_t *node, char **out)
{
	const char *value = scalar(node);
	if (!value || !copylint_language_valid(value))
		return fail_at(ld, node, "language must be a BCP 47 tag such as en-US, cs or pt-BR");
	free(*out);
	*out = cl_strdup(value);
	return 0;
}

static int read_string_list(const loader *ld, yaml_node_t *node, const char *what,
			    char ***out, size_t *count)
{
	return read_scalar_list(ld, node, what, true, out, count);
}

static const cl_option_spec *option_spec(const cl_rule *rule, const char *name)
{
	for (const cl_option_spec *spec = rule->options; spec && spec->name; spec++)
		if (!strcmp(spec->name, name))
			return spec;
	return NULL;
}

/* The values a string option may take, or NULL for any. */
static const char *const *option_choices(const cl_rule *rule, const char *name)
{
	for (const cl_option_choices *c = rule->choices; c && c->name; c++)
		if (!strcmp(c->name, name))
			return c->values;
	return NULL;
}

/* 0 when value is one of the option's choices (or it has none). */
static int check_option_choice(const loader *ld, yaml_node_t *node, const cl_rule *rule, const char *name)
{
	const char *const *values = option_choices(rule, name);
	const char *value = scalar(node);
	char allowed[256] = "";
	for (size_t i = 0; values && value && values[i]; i++) {
		if (!strcmp(values[i], value))
			return 0;
		snprintf(allowed + strlen(allowed), sizeof(allowed) - strlen(allowed), "%s%s", i ? ", " : "", values[i]);
	}
	return values && value ? fail_at(ld, node, "option %s must be one of: %s", name, allowed) : 0;
}

static int check_option_type(const loader *ld, yaml_node_t *node, const cl_option_spec *spec)
{
	const char *value = scalar(node);
	switch (spec->type) {
	case CL_OPTION_BOOL:
		if (!value || (strcmp(value, "true") && strcmp(value, "false")))
			return fail_at(ld, node, "option %s must be true or false", spec->name);
		return 0;
	case CL_OPTION_INT: {
		char *end;
		if (!value || !*value || (strtol(value, &end, 10), *end))
			return fail_at(ld, node, "option %s must be a whole number", spec->name);
		return 0;
	}
	case CL_OPTION_STRING:
		return value ? 0 : fail_at(ld, node, "option %s must be a string", spec->name);
	case CL_OPTION_LIST:
		return 0;  /* read_string_list checks */
	}
	return 0;
}

static int read_option(const loader *ld, cl_rule_setting *setting, yaml_node_t *key, yaml_node_t *value)
{
	if (!scalar(key))
		return fail_at(ld, key, "rule options are named by plain strings");
	const cl_option_spec *spec = option_spec(setting->rule, scalar(key));
	if (!spec)
		return fail_at(ld, key, "rule option '%s' is not known (see `copylint rules`)", scalar_or_blank(key));
	int error = check_option_type(ld, value, spec);
	if (!error && spec->type == CL_OPTION_STRING)
		error = check_option_choice(ld, value, setting->rule, spec->name);
	if (error < 0)
		return error;
	char **values = NULL;
	size_t count = 0;
	if ((error = read_scalar_list(ld, value, spec->name, spec->type == CL_OPTION_LIST, &values, &count)) < 0) {
		free_strings(values, count);
		return error;
	}
	setting->options = cl_realloc(setting->options, (setting->noptions + 1) * sizeof(cl_option_value));
	setting->options[setting->noptions] = (cl_option_value){ spec->name, (const char *const *)values, count };
	setting->noptions++;
	return 0;
}

static int read_rule(const loader *ld, yaml_node_t *key, yaml_node_t *value,
		     cl_rule_setting **rules, size_t *nrules)
{
	const cl_rule *rule = cl_rules_find(scalar(key) ? scalar(key) : "");
	if (!rule)
		return fail_at(ld, key, "unknown rule '%s' (see `copylint rules`)", scalar_or_blank(key));
	*rules = cl_realloc(*rules, (*nrules + 1) * sizeof(cl_rule_setting));
	cl_rule_setting *setting = &(*rules)[(*nrules)++];
	memset(setting, 0, sizeof(*setting));
	setting->rule = rule;
	setting->severity = -1;
	if (scalar(value)) {
		setting->severity = copylint_severity_parse(scalar(value));
		return setting->severity < 0 ?
			fail_at(ld, value, "severity must be off, info, warning or error, not '%s'", scalar_or_blank(value)) : 0;
	}
	if (value->type != YAML_MAPPING_NODE)
		return fail_at(ld, value, "a rule takes a severity or a mapping of options");
	for (yaml_node_pair_t *pair = value->data.mapping.pairs.start; pair < value->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, pair->value);
		int error;
		if (scalar(k) && !strcmp(scalar(k), "severity")) {
			setting->severity = copylint_severity_parse(scalar(v) ? scalar(v) : "");
			if (setting->severity < 0)
				return fail_at(ld, v, "severity must be off, info, warning or error");
		} else if ((error = read_option(ld, setting, k, v)) < 0) {
			return error;
		}
	}
	return 0;
}

static int read_rules(const loader *ld, yaml_node_t *node, cl_rule_setting **rules, size_t *nrules)
{
	if (node->type != YAML_MAPPING_NODE)
		return fail_at(ld, node, "rules must be a mapping of rule id to severity");
	for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++) {
		int error = read_rule(ld, yaml_document_get_node(ld->doc, pair->key),
				      yaml_document_get_node(ld->doc, pair->value), rules, nrules);
		if (error < 0)
			return error;
	}
	return 0;
}

/* words: and dictionaries: take a list (every language) or a mapping of
 * language tag to list. */
static void add_lang_value(cl_lang_value **list, size_t *count, const char *lang, char *value)
{
	*list = cl_realloc(*list, (*count + 1) * sizeof(cl_lang_value));
	(*list)[(*count)++] = (cl_lang_value){ lang ? cl_strdup(lang) : NULL, value };
}

static int read_lang_values(const loader *ld, yaml_node_t *node, const char *what, const char *lang,
			    const char *base_dir, cl_lang_value **list, size_t *count)
{
	char **values = NULL;
	size_t n = 0;
	int error = read_string_list(ld, node, what, &values, &n);
	for (size_t i = 0; !error && i < n; i++) {
		struct stat st;
		if (!values[i][0]) {
			error = fail_at(ld, node, "%s must not hold empty strings", what);
			break;
		}
		if (!base_dir) {
			add_lang_value(list, count, lang, values[i]);
			values[i] = NULL;
			continue;
		}
		char *path = values[i][0] == '/' ? cl_strdup(values[i]) : cl_sprintf("%s/%s", base_dir, values[i]);
		if (stat(path, &st) != 0) {
			error = fail_at(ld, node, "%s: '%s' does not exist", what, values[i]);
			free(path);
		} else if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
			error = fail_at(ld, node, "%s: '%s' is not a regular file or a folder", what, values[i]);
			free(path);
		} else {
			add_lang_value(list, count, lang, path);
		}
	}
	free_strings(values, n);
	return error;
}

static int read_per_language(const loader *ld, yaml_node_t *node, const char *what, const char *base_dir,
			     cl_lang_value **list, size_t *count)
{
	if (node->type != YAML_MAPPING_NODE)
		return read_lang_values(ld, node, what, NULL, base_dir, list, count);
	for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, pair->key);
		char *lang = NULL;
		int error = read_language(ld, k, &lang);
		if (!error)
			error = read_lang_values(ld, yaml_document_get_node(ld->doc, pair->value), what, lang,
						 base_dir, list, count);
		free(lang);
		if (error < 0)
			return error;
	}
	return 0;
}

static int read_override(const loader *ld, yaml_node_t *node, copylint_config *config)
{
	if (node->type != YAML_MAPPING_NODE)
		return fail_at(ld, node, "each override must be a mapping with files: and settings");
	config->overrides = cl_realloc(config->overrides, (config->noverrides + 1) * sizeof(cl_override));
	cl_override *ov = &config->overrides[config->noverrides++];
	memset(ov, 0, sizeof(*ov));
	for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(ld->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(ld->doc, pair->value);
		const char *name = scalar(k) ? scalar(k) : "";
		int error;
		if (!strcmp(name, "files"))
			error = read_string_list(ld, v, "files", &ov->files, &ov->nfiles);
		else if (!strcmp(name, "language"))
			error = read_language(ld, v, &ov->language);
		else if (!strcmp(name, "rules"))
			error = read_rules(ld, v, &ov->rules, &ov->nrules);
		else if (!strcmp(name, "words"))
			error = read_per_language(ld, v, "words", NULL, &ov->words, &ov->nwords);
		else if (!strcmp(name, "dictionaries"))
			error = read_per_language(ld, v, "dictionaries", ld->base_dir, &ov->dictionaries,
						  &ov->ndictionaries);
		else
			error = fail_at(ld, k, "unknown key '%s' in override (files, language, rules, words, "
				       "dictionaries)", name);
		if (error < 0)
			return error;
	}
	return ov->nfiles ? 0 : fail_at(ld, node, "an override needs files: [globs]");
}

static int read_overrides(const loader *ld, yaml_node_t *node, copylint_config *config)
{
	if (node->type != YAML_SEQUENCE_NODE)
		return fail_at(ld, node, "overrides must be a list");
	for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++) {
		int error = read_override(ld, yaml_document_get_node(ld->doc, *item), config);
		if (error < 0)
			return error;
	}
	return 0;
}

/* translations: {source: TAG}: the language the project translates from. */
static int read_top_key(const loader *ld, copylint_config *config, yaml_node_t *k, yaml_node_t *v)
{
	const char *name = scalar(k) ? scalar(k) : "";
	if (!strcmp(name, "language"))
		return read_language(ld, v, &config->language);
	if (!strcmp(name, "rules"))
		return read_rules(ld, v, &config->rules, &config->nrules);
	if (!strcmp(name, "exclude"))
		return read_string_list(ld, v, "exclude", &config->exclude, &config->nexclude);
	if (!strcmp(name, "include"))
		return read_string_list(ld, v, "include", &config->include, &config->ninclude);
	if (!strcmp(name, "overrides"))
		return read_overrides(ld, v, config);
	if (!strcmp(name, "words"))
		return read_per_language(ld, v, "words", NULL, &config->words, &config->nwords);
	if (!strcmp(name, "dictionaries"))
		return read_per_language(ld, v, "dictionaries", ld->base_dir, &config->dictionaries,
					 &config->ndictionaries);
	if (!strcmp(name, "translations"))
		return cl_config_read_translations(ld->path, ld->doc, v, config);
	return fail_at(ld, k, "unknown key '%s' (known: language, rules, include, exclude, overrides, "
		       "words, dictionaries, translations)", name);
}

static int read_document(const loader *ld, copylint_config *config)
{
	yaml_node_t *root = yaml_document_get_root_node(ld->doc);
	if (!root)
		return 0;  /* an empty file is the defaults */
	if (root->type != YAML_MAPPING_NODE)
		return fail_at(ld, root, "the configuration must be a mapping of keys");
	for (yaml_node_pair_t *pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; pair++) {
		int error = read_top_key(ld, config, yaml_document_get_node(ld->doc, pair->key),
					 yaml_document_get_node(ld->doc, pair->value));
		if (error < 0)
			return error;
	}
	return 0;
}

static char *folder_of(const char *path)
{
	char resolved[PATH_MAX];
	if (!realpath(path, resolved))
		return NULL;
	char *slash = strrchr(resolved, '/');
	if (slash == resolved)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	return cl_strdup(resolved);
}

int copylint_config_new(copylint_config **out)
{
	copylint_config *config = cl_calloc(1, sizeof(*config));
	char cwd[PATH_MAX];
	config->language = cl_strdup("en-US");
	config->base_dir = cl_strdup(getcwd(cwd, sizeof(cwd)) ? cwd : ".");
	*out = config;
	return 0;
}

static int parse_text(copylint_config *config, const char *path, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	loader ld = { path, &doc, config->base_dir };
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		int error = cl_yaml_failure(path, &parser);
		yaml_parser_delete(&parser);
		return error;
	}
	int error = cl_yaml_check_single_document(path, &parser);
	if (!error)
		error = cl_yaml_check_duplicate_keys(path, &doc);
	if (!error)
		error = read_document(&ld, config);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return error;
}

static int parse_file(copylint_config *config, const char *path, FILE *fp)
{
	char *text = cl_malloc(CONFIG_MAX_BYTES + 1);
	size_t len = fread(text, 1, CONFIG_MAX_BYTES + 1, fp), at;
	int error = 0;
	if (ferror(fp))
		error = cl_error_set(COPYLINT_EIO, "%s: cannot read configuration: %s", path, strerror(errno));
	else if (len > CONFIG_MAX_BYTES)
		error = cl_error_set(COPYLINT_EINVALID, "%s: larger than %d bytes: not a configuration file", path,
				     CONFIG_MAX_BYTES);
	else if (cl_yaml_too_deep(text, len, CL_YAML_MAX_DEPTH, &at))
		error = cl_yaml_fail_too_deep(path, text, at);
	else
		error = parse_text(config, path, text, len);
	free(text);
	return error;
}

int copylint_config_load(copylint_config **out, const char *path)
{
	copylint_config *config;
	struct stat st;
	*out = NULL;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return cl_error_set(COPYLINT_EIO, "%s: is a folder, not a configuration file", path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return cl_error_set(COPYLINT_EIO, "%s: not a regular file: not read as a configuration", path);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return cl_error_set(COPYLINT_EIO, "%s: cannot read configuration: %s", path, strerror(errno));
	copylint_config_new(&config);
	config->path = cl_strdup(path);
	free(config->base_dir);
	config->base_dir = folder_of(path);
	int error = config->base_dir ? parse_file(config, path, fp) :
		    cl_error_set(COPYLINT_EIO, "%s: %s", path, strerror(errno));
	fclose(fp);
	if (!error)
		error = cl_config_read_word_lists(config, config->base_dir);
	if (error < 0) {
		copylint_config_free(config);
		return error;
	}
	*out = config;
	return 0;
}

static void free_lang_values(cl_lang_value *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].lang);
		free(list[i].value);
	}
	free(list);
}

static void free_settings(cl_rule_setting *rules, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		for (size_t j = 0; j < rules[i].noptions; j++)
			free_strings((char **)rules[i].options[j].values, rules[i].options[j].count);
		free(rules[i].options);
	}
	free(rules);
}

void copylint_config_free(copylint_config *config)
{
	if (!config)
		return;
	for (size_t i = 0; i < config->noverrides; i++) {
		free_strings(config->overrides[i].files, config->overrides[i].nfiles);
		free(config->overrides[i].language);
		free_settings(config->overrides[i].rules, config->overrides[i].nrules);
		free_lang_values(config->overrides[i].words, config->overrides[i].nwords);
		free_lang_values(config->overrides[i].dictionaries, config->overrides[i].ndictionaries);
	}
	free_lang_values(config->words, config->nwords);
	free_lang_values(config->dictionaries, config->ndictionaries);
	free(config->overrides);
	cl_config_free_translations(config);
	free_settings(config->rules, config->nrules);
	free_strings(config->exclude, config->nexclude);
	free_strings(config->include, config->ninclude);
	free(config->path);
	free(config->base_dir);
	free(config->language);
	free(config);
}

int copylint_config_set_rule(copylint_config *config, const char *rule_id, copylint_severity severity)
{
	const cl_rule *rule = cl_rules_find(rule_id);
	if (!rule)
		return cl_error_set(COPYLINT_ENOTFOUND, "unknown rule '%s' (see `copylint rules`)", rule_id);
	config->rules = cl_realloc(config->rules, (config->nrules + 1) * sizeof(cl_rule_setting));
	config->rules[config->nrules++] = (cl_rule_setting){ rule, (int)severity, NULL, 0 };
	return 0;
}

int copylint_config_set_language(copylint_config *config, const char *lang)
{
	free(config->language);
	config->language = cl_strdup(lang);
	return 0;
}

const char *copylint_config_path(const copylint_config *config)
{
	return config ? config->path : NULL;
}
