/* front-matter: YAML front matter that does not parse. The body is still
 * checked; the fields are not. */
#include "../util/alloc.h"
#include "rule.h"

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	if (!doc->front_matter_error)
		return 0;
	size_t at = doc->front_matter_error_at;
	cl_check_report(ctx, at, at < doc->len ? at + 1 : at, cl_strdup(doc->front_matter_error));
	return 0;
}

const cl_rule cl_rule_front_matter = {
	.info = {
		.id = "front-matter",
		.summary = "Front matter that is not valid YAML",
		.description = "The block between the --- lines at the top of the article does "
			       "not parse as YAML, so its title, date and language are lost to "
			       "every tool that reads it.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.check = check,
};
