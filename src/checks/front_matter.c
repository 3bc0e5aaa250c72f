/* front-matter: YAML front matter that does not parse (the body is still
 * checked; the fields are not), and keys given twice. */
#include "../util/alloc.h"
#include "rule.h"

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	for (size_t i = 0; i < doc->nfront_matter_duplicates; i++) {
		const cl_duplicate_key *dup = &doc->front_matter_duplicates[i];
		cl_check_report(ctx, dup->at, dup->end, cl_strdup(dup->message));
	}
	if (!doc->front_matter_error)
		return 0;
	size_t at = doc->front_matter_error_at;
	cl_check_report(ctx, at, at < doc->len ? at + 1 : at, cl_strdup(doc->front_matter_error));
	return 0;
}

const cl_rule cl_rule_front_matter = {
	.info = {
		.id = "front-matter",
		.summary = "Front matter that is not valid YAML, or gives a key twice",
		.description = "The block between the --- lines at the top of the article does "
			       "not parse as YAML, so its title, date and language are lost to "
			       "every tool that reads it; or it gives a key twice, which one "
			       "reader takes as the first value, another as the last, and a "
			       "strict one refuses. Front matter nested deeper than 64 levels "
			       "is not read.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.check = check,
};
