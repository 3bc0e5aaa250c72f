#include "yamlcheck.h"

#include <stdlib.h>
#include <string.h>

#include "copylint/copylint.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "../util/yamldepth.h"

bool cl_yaml_plain_non_string(const yaml_node_t *node)
{
	static const char *const words[] = {
		"", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
		"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", NULL
	};
	if (!node || node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *value = (const char *)node->data.scalar.value;
	for (size_t i = 0; words[i]; i++)
		if (!strcmp(value, words[i]))
			return true;
	char *end;
	strtod(value, &end);
	return end != value && *end == '\0' && strspn(value, "+-.0123456789eExXaAbBcCdDfF_oO") == strlen(value);
}

int cl_yaml_failure(const char *path, yaml_parser_t *parser)
{
	return cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: not valid YAML: %s %s", path,
			    parser->problem_mark.line + 1, parser->problem_mark.column + 1,
			    parser->problem ? parser->problem : "syntax error", parser->context ? parser->context : "");
}

/* A second document (after ---) would be silently dropped. */
int cl_yaml_check_single_document(const char *path, yaml_parser_t *parser)
{
	yaml_document_t next;
	if (!yaml_parser_load(parser, &next))
		return cl_yaml_failure(path, parser);
	yaml_node_t *root = yaml_document_get_root_node(&next);
	int error = root ? cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: a second YAML document: the "
					"configuration is one mapping, without another ---", path,
					next.start_mark.line + 1, next.start_mark.column + 1) : 0;
	yaml_document_delete(&next);
	return error;
}

/* Every mapping in the file, not only the keys copylint knows: YAML
 * readers disagree on which of two equal keys wins. */
static int check_mapping(const char *path, yaml_document_t *doc, yaml_node_t *node)
{
	cl_keyset seen = CL_KEYSET_INIT;
	int error = 0;
	for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
	     !error && pair < node->data.mapping.pairs.top; pair++) {
		yaml_node_t *key = yaml_document_get_node(doc, pair->key);
		size_t first;
		if (key && key->type == YAML_SCALAR_NODE &&
		    cl_keyset_put(&seen, (const char *)key->data.scalar.value, key->data.scalar.length,
				  key->start_mark.line + 1, &first))
			error = cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: key '%s' is given twice (first on line %zu)",
					     path, key->start_mark.line + 1, key->start_mark.column + 1,
					     (const char *)key->data.scalar.value, first);
	}
	cl_keyset_dispose(&seen);
	return error;
}

int cl_yaml_check_duplicate_keys(const char *path, yaml_document_t *doc)
{
	for (yaml_node_t *node = doc->nodes.start; node < doc->nodes.top; node++) {
		int error = node->type == YAML_MAPPING_NODE ? check_mapping(path, doc, node) : 0;
		if (error < 0)
			return error;
	}
	return 0;
}

int cl_yaml_fail_too_deep(const char *path, const char *text, size_t at)
{
	size_t line = 1, column = 1;
	for (size_t i = 0; i < at; i++, column++)
		if (text[i] == '\n')
			line++, column = 0;
	return cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: nested deeper than %d levels", path, line, column,
			    CL_YAML_MAX_DEPTH);
}
