/* Small public entry points that belong to no single stage. */
#include <string.h>

#include "copylint/copylint.h"
#include "../checks/rule.h"
#include "../util/error.h"

static const char *const severity_names[] = { "off", "info", "warning", "error" };

const char *copylint_error_last(void)
{
	return cl_error_get();
}

int copylint_severity_parse(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (name && !strcmp(name, severity_names[i]))
			return i;
	return -1;
}

const char *copylint_severity_name(copylint_severity severity)
{
	return (unsigned)severity < 4 ? severity_names[severity] : "unknown";
}

size_t copylint_rule_count(void)
{
	return cl_rules_count();
}

const copylint_rule_info *copylint_rule_at(size_t index)
{
	const cl_rule *rule = cl_rules_at(index);
	return rule ? &rule->info : NULL;
}

const copylint_rule_info *copylint_rule_find(const char *id)
{
	const cl_rule *rule = cl_rules_find(id);
	return rule ? &rule->info : NULL;
}
