/* What .copylint.yml must be beyond what libyaml checks: one document, no
 * key given twice, strings where strings belong, bounded nesting. Each
 * failure is set with cl_error_set as "PATH:LINE:COLUMN: message". */
#ifndef CL_CONFIG_YAMLCHECK_H
#define CL_CONFIG_YAMLCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/* A plain scalar that YAML reads as a number, true/false or null, not a
 * string: `exclude: 5`, `words: [yes]`, `include:` with nothing. */
bool cl_yaml_plain_non_string(const yaml_node_t *node);

/* libyaml's own error. */
int cl_yaml_failure(const char *path, yaml_parser_t *parser);

/* After the first document is loaded: an error when another follows. */
int cl_yaml_check_single_document(const char *path, yaml_parser_t *parser);

/* An error at the second of two equal keys in any mapping. */
int cl_yaml_check_duplicate_keys(const char *path, yaml_document_t *doc);

/* The error for nesting too deep at byte at of text. */
int cl_yaml_fail_too_deep(const char *path, const char *text, size_t at);

#endif
