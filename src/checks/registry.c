#include <string.h>
#include <ctype.h>

#include "rule.h"
#include "../text/lineindex.h"

#define CL_RULE(name) extern const cl_rule cl_rule_##name;
#include "rules.def"
#undef CL_RULE

static const cl_rule *const registry[] = {
#define CL_RULE(name) &cl_rule_##name,
#include "rules.def"
#undef CL_RULE
};

size_t cl_rules_count(void)
{
	return sizeof(registry) / sizeof(registry[0]);
}

const cl_rule *cl_rules_at(size_t index)
{
	return index < cl_rules_count() ? registry[index] : NULL;
}

long cl_rules_index(const char *id)
{
	for (size_t i = 0; i < cl_rules_count(); i++)
		if (!strcmp(registry[i]->info.id, id))
			return (long)i;
	return -1;
}

const cl_rule *cl_rules_find(const char *id)
{
	long i = cl_rules_index(id);
	return i < 0 ? NULL : registry[i];
}

cl_finding *cl_check_report(cl_check_ctx *ctx, size_t start, size_t end, char *message)
{
	return cl_findings_add(ctx->findings, ctx->rule->info.id, ctx->severity, start, end, message);
}

cl_finding *cl_check_report_pair(cl_check_ctx *ctx, size_t start, size_t end, char *message, size_t source_at)
{
	cl_finding *f = cl_check_report(ctx, start, end, message);
	const cl_translation *tr = ctx->translation;
	cl_finding_set_related_elsewhere(f, tr->source->path, source_at);
	cl_lineindex_columns(tr->source_lines, source_at, &f->related_line, &f->related_column, NULL, NULL);
	return f;
}

const cl_option_value *cl_check_option(const cl_check_ctx *ctx, const char *name)
{
	for (size_t i = 0; i < ctx->noptions; i++)
		if (!strcmp(ctx->options[i].name, name))
			return &ctx->options[i];
	return NULL;
}

const char *cl_check_language(const cl_check_ctx *ctx, char *buf, size_t size)
{
	size_t i = 0;
	const char *lang = ctx->lang ? ctx->lang : "";
	while (lang[i] && lang[i] != '-' && lang[i] != '_' && i + 1 < size) {
		buf[i] = (char)tolower((unsigned char)lang[i]);
		i++;
	}
	buf[i] = '\0';
	return buf;
}

/* "en" matches en-US and en-GB; "en-GB" only en-GB; '_' counts as '-'. */
bool cl_check_lang_matches(const cl_check_ctx *ctx, const char *lang)
{
	if (!lang)
		return true;
	const char *doc = ctx->lang ? ctx->lang : "";
	size_t i = 0;
	for (; lang[i] && doc[i]; i++) {
		char a = lang[i] == '_' ? '-' : (char)tolower((unsigned char)lang[i]);
		char b = doc[i] == '_' ? '-' : (char)tolower((unsigned char)doc[i]);
		if (a != b)
			return false;
	}
	return lang[i] == '\0' && (doc[i] == '\0' || doc[i] == '-' || doc[i] == '_');
}
