/* Inline suppressions, applied after the rules ran (rules never see them):
 * copylint-disable / copylint-enable switch rules off and on from the
 * comment onwards; copylint-disable-next-line covers the line after the
 * comment. Without rule ids they cover every rule. */
#include <stdlib.h>
#include <string.h>

#include "../text/lineindex.h"
#include "results.h"

static bool names_rule(const char *args, const char *rule)
{
	if (!args[0])
		return true;
	size_t rlen = strlen(rule);
	for (const char *p = args; *p;) {
		const char *end = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == rlen && !memcmp(p, rule, rlen))
			return true;
		p += len;
		while (*p == ' ')
			p++;
	}
	return false;
}

static bool suppressed(const cl_document *doc, cl_lineindex *idx, const cl_finding *f)
{
	bool disabled = false;
	size_t line = 0;
	for (size_t i = 0; i < doc->ndirectives; i++) {
		const cl_directive *d = &doc->directives[i];
		if (d->start > f->start)
			break;
		if (d->kind == CL_DIRECTIVE_WORDS || !names_rule(d->args, f->rule))
			continue;
		if (d->kind == CL_DIRECTIVE_DISABLE)
			disabled = true;
		else if (d->kind == CL_DIRECTIVE_ENABLE)
			disabled = false;
		else {
			if (!line)
				line = cl_lineindex_line(idx, f->start);
			if (cl_lineindex_line(idx, d->end ? d->end - 1 : 0) + 1 == line)
				return true;
		}
	}
	return disabled;
}

void cl_suppress_apply(const cl_document *doc, cl_findings *findings)
{
	if (!doc->ndirectives || !findings->count)
		return;
	cl_lineindex idx;
	cl_lineindex_build(&idx, doc->data, doc->len);
	size_t kept = 0;
	for (size_t i = 0; i < findings->count; i++) {
		if (suppressed(doc, &idx, &findings->items[i])) {
			cl_finding_dispose(&findings->items[i]);
			continue;
		}
		findings->items[kept++] = findings->items[i];
	}
	findings->count = kept;
	cl_lineindex_dispose(&idx);
}
