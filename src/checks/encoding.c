/* encoding: bytes that are not UTF-8. Reported once, at the first bad byte;
 * the rest of the file is still checked (decoders read U+FFFD there). */
#include "../util/alloc.h"
#include "rule.h"

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	if (!doc->invalid_utf8_count)
		return 0;
	size_t more = doc->invalid_utf8_count - 1;
	char *message = more ?
		cl_sprintf("invalid UTF-8: byte 0x%02X cannot start or continue a character here "
			   "(and %zu more ill-formed sequence%s in this file)",
			   doc->first_invalid_byte, more, more == 1 ? "" : "s") :
		cl_sprintf("invalid UTF-8: byte 0x%02X cannot start or continue a character here",
			   doc->first_invalid_byte);
	cl_check_report(ctx, doc->first_invalid_utf8, doc->first_invalid_utf8 + 1, message);
	return 0;
}

const cl_rule cl_rule_encoding = {
	.info = {
		.id = "encoding",
		.summary = "Text that is not valid UTF-8",
		.description = "The file holds bytes that are not UTF-8 (often Latin-1 or "
			       "Windows-1252 pasted into a UTF-8 article, or a file cut in the "
			       "middle of a character). Reported at the first bad byte.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.check = check,
};
