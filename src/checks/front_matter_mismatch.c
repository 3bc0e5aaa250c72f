/* front-matter-mismatch: a front-matter key of the source that the
 * translation lacks (its page loses a date, a weight, an alias), and a
 * prose field (title, description, ...) left identical to the source's
 * when it holds 4 or more lower-case words (a title that is a name, such as
 * "Kubernetes", is the same in every language). */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "pair_common.h"

static const cl_field *field(const cl_document *doc, const char *key)
{
	for (size_t i = 0; i < doc->nfields; i++)
		if (!strcmp(doc->fields[i].key, key))
			return &doc->fields[i];
	return NULL;
}

static bool is_prose_key(const cl_document *doc, const char *key)
{
	for (size_t i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].kind == CL_BLOCK_FIELD && doc->blocks[i].field && !strcmp(doc->blocks[i].field, key))
			return true;
	return false;
}

static size_t lower_words(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += (p == s || p[-1] == ' ') && *p >= 'a' && *p <= 'z';
	return n;
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	if (!ctx->translation || !doc->has_front_matter)
		return 0;
	const cl_document *src = ctx->translation->source;
	for (size_t i = 0; i < src->nfields; i++) {
		const cl_field *s = &src->fields[i], *t = field(doc, s->key);
		if (!t) {
			cl_check_report_pair(ctx, 0, 0, cl_sprintf("the source's front-matter key '%s' is missing here",
					     s->key), s->key_start);
		} else if (s->value && t->value && is_prose_key(src, s->key) && !strcmp(s->value, t->value) &&
			   lower_words(t->value) >= 4) {
			cl_check_report_pair(ctx, t->value_start, t->value_end, cl_sprintf("front-matter %s identical to "
					     "the source's: left untranslated?", s->key), s->value_start);
		}
	}
	return 0;
}

const cl_rule cl_rule_front_matter_mismatch = {
	.info = {
		.id = "front-matter-mismatch",
		.summary = "A front-matter key of the source missing, or a prose field left as the source's",
		.description = "For a translation (with front matter) checked against its source: a front-matter "
			       "key of the source that the translation does not have, and a prose field (title, "
			       "description, ...) identical to the source's when it holds 4 or more lower-case words.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.check = check,
};
