/* .copylint.yml, read with libyaml. Every error names the file, line and
 * column; unknown keys and rule ids are errors, never ignored. */
#ifndef CL_CONFIG_CONFIG_H
#define CL_CONFIG_CONFIG_H

#include <stddef.h>

#include "copylint/copylint.h"
#include "../checks/rule.h"

/* A rule's settings in one scope: severity (-1: not set here) and options. */
typedef struct {
	const cl_rule *rule;
	int severity;
	cl_option_value *options;
	size_t noptions;
} cl_rule_setting;

typedef struct {
	char **files;      /* globs, relative to the config's folder */
	size_t nfiles;
	char *language;
	cl_rule_setting *rules;
	size_t nrules;
	cl_lang_value *words;
	size_t nwords;
	cl_lang_value *dictionaries;  /* absolute paths */
	size_t ndictionaries;
} cl_override;

/* Where one language's copy of the articles lives: translation is a pattern
 * with {lang}; source the source's pattern (NULL: translation with {lang}
 * set to the source language). Patterns: `*` within a folder, `**` across
 * folders, matched at any folder of a path. */
typedef struct cl_layout_s {
	char *translation;
	char *source;
} cl_layout;

struct copylint_config {
	char *path;        /* NULL for defaults */
	char *base_dir;    /* globs are relative to this; absolute */
	char *language;
	cl_rule_setting *rules;
	size_t nrules;
	char **exclude;
	size_t nexclude;
	char **include;
	size_t ninclude;
	cl_override *overrides;
	size_t noverrides;
	cl_lang_value *words;
	size_t nwords;
	cl_lang_value *dictionaries;  /* absolute paths */
	size_t ndictionaries;
	/* translations: source (a BCP 47 tag; NULL: none set) and layouts
	 * (none: the well-known layouts, when the counterpart exists). */
	char *translations_source;
	cl_layout *layouts;
	size_t nlayouts;
};

/* The settings that apply to one file, after overrides. */
typedef struct {
	const char *language;           /* NULL: none set by config */
	copylint_severity *severity;    /* per registry index */
	const cl_rule_setting **setting; /* per registry index: where options come from, or NULL */
	const cl_lang_value **words;     /* top level, then matching overrides */
	size_t nwords;
	const cl_lang_value **dictionaries;
	size_t ndictionaries;
} cl_resolved;

/* See copylint_config_read_word_lists: the lists in folder dir. */
int cl_config_read_word_lists(copylint_config *config, const char *dir);
struct yaml_document_s;
struct yaml_node_s;
/* Reads the translations: key into config; errors name the file, line and
 * column (src/config/translations.c). */
int cl_config_read_translations(const char *path, struct yaml_document_s *doc, struct yaml_node_s *node,
				copylint_config *config);
void cl_config_free_translations(copylint_config *config);

void cl_config_resolve(const copylint_config *config, const char *path, cl_resolved *out);
void cl_resolved_dispose(cl_resolved *resolved);

/* Does path (as given, relative to the cwd or absolute) match one of the
 * globs (relative to base_dir)? */
bool cl_config_glob_match(const copylint_config *config, char *const *globs, size_t nglobs,
			  const char *path);

#endif
