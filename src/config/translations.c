/* The translations: key: which language is the source, and where each
 * language's copy lives (layouts). A layout is a pattern with {lang}, or a
 * mapping of such a pattern to the source's own pattern. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "config.h"
#include "layout.h"

typedef struct {
	const char *path;
	yaml_document_t *doc;
} reader;

static int fail_at(const reader *rd, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_at(const reader *rd, const yaml_node_t *node, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return cl_error_set(COPYLINT_EINVALID, "%s:%zu:%zu: %s", rd->path, node->start_mark.line + 1,
			    node->start_mark.column + 1, message);
}

static const char *scalar(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

static int read_source(const reader *rd, yaml_node_t *node, copylint_config *config)
{
	const char *value = scalar(node);
	if (!value || !cl_layout_is_tag(value, strlen(value)))
		return fail_at(rd, node, "translations: source must be a BCP 47 tag such as en, en-US or pt-BR");
	free(config->translations_source);
	config->translations_source = cl_strdup(value);
	return 0;
}

static int add_layout(const reader *rd, yaml_node_t *at, const char *translation, const char *source,
		      copylint_config *config)
{
	char why[256];
	if (cl_layout_check(translation, source, why, sizeof(why)) < 0)
		return fail_at(rd, at, "translations: layout '%s': %s", translation, why);
	config->layouts = cl_realloc(config->layouts, (config->nlayouts + 1) * sizeof(cl_layout));
	config->layouts[config->nlayouts++] = (cl_layout){ cl_strdup(translation),
							   source ? cl_strdup(source) : NULL };
	return 0;
}

/* "pattern" or {"pattern": "source pattern"}. */
static int read_layout(const reader *rd, yaml_node_t *node, copylint_config *config)
{
	if (scalar(node))
		return add_layout(rd, node, scalar(node), NULL, config);
	if (node->type != YAML_MAPPING_NODE ||
	    node->data.mapping.pairs.top - node->data.mapping.pairs.start != 1)
		return fail_at(rd, node, "translations: a layout is a pattern with {lang}, or one "
			       "\"pattern\": \"source pattern\" pair");
	yaml_node_pair_t *pair = node->data.mapping.pairs.start;
	yaml_node_t *k = yaml_document_get_node(rd->doc, pair->key);
	yaml_node_t *v = yaml_document_get_node(rd->doc, pair->value);
	if (!scalar(k) || !scalar(v))
		return fail_at(rd, node, "translations: a layout's patterns are strings");
	return add_layout(rd, k, scalar(k), scalar(v), config);
}

static int read_layouts(const reader *rd, yaml_node_t *node, copylint_config *config)
{
	if (node->type != YAML_SEQUENCE_NODE)
		return fail_at(rd, node, "translations: layouts must be a list");
	for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++) {
		int error = read_layout(rd, yaml_document_get_node(rd->doc, *item), config);
		if (error < 0)
			return error;
	}
	return 0;
}

int cl_config_read_translations(const char *path, struct yaml_document_s *doc, struct yaml_node_s *node,
				copylint_config *config)
{
	reader rd = { path, doc };
	if (node->type != YAML_MAPPING_NODE)
		return fail_at(&rd, node, "translations must be a mapping (source, layouts)");
	for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(doc, pair->value);
		const char *name = scalar(k) ? scalar(k) : "";
		int error;
		if (!strcmp(name, "source"))
			error = read_source(&rd, v, config);
		else if (!strcmp(name, "layouts"))
			error = read_layouts(&rd, v, config);
		else
			error = fail_at(&rd, k, "unknown key '%s' in translations (source, layouts)", name);
		if (error < 0)
			return error;
	}
	return 0;
}

void cl_config_free_translations(copylint_config *config)
{
	for (size_t i = 0; i < config->nlayouts; i++) {
		free(config->layouts[i].translation);
		free(config->layouts[i].source);
	}
	free(config->layouts);
	free(config->translations_source);
}
