#include "parse.h"

void cl_parse_document(cl_document *doc)
{
	size_t body = cl_parse_front_matter(doc);
	doc->body_start = body;
	if (doc->format == CL_FORMAT_MARKDOWN)
		cl_parse_markdown(doc, body);
	else
		cl_parse_plaintext(doc, body);
	cl_document_link_parents(doc);
	cl_document_finish_items(doc);
}
