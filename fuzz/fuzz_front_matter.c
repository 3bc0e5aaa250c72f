/* Any bytes as the top of an article: the front-matter reader gives fields
 * whose spans lie inside the input and in order, or an error, never a crash
 * or a hang. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "parse/document.h"
#include "parse/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_fields(const cl_document *doc, size_t body)
{
	for (size_t i = 0; i < doc->nfields; i++) {
		const cl_field *f = &doc->fields[i];
		if (f->key_start > body || f->value_start > f->value_end || f->value_end > body)
			abort();
	}
	if (doc->front_matter_error && doc->front_matter_error_at > doc->len)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cl_document doc;
	cl_document_init(&doc, "fuzz.md", (const char *)data, size, CL_FORMAT_MARKDOWN);
	size_t body = cl_parse_front_matter(&doc);
	if (body > size)
		abort();
	check_fields(&doc, body);
	cl_document_dispose(&doc);
	return 0;
}
