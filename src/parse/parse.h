/* Bytes to document. The parsers never fail on content: whatever the bytes,
 * a document comes out (possibly with parse problems recorded on it). */
#ifndef CL_PARSE_PARSE_H
#define CL_PARSE_PARSE_H

#include "document.h"
#include "../util/range.h"

/* Parses data (valid UTF-8, no NUL) per doc->format into doc. */
void cl_parse_document(cl_document *doc);

void cl_parse_plaintext(cl_document *doc, size_t from);
void cl_parse_markdown(cl_document *doc, size_t from);
/* Reads front matter at the top of the file, if any; returns the offset of
 * the first byte after it (0 when there is none). */
size_t cl_parse_front_matter(cl_document *doc);
/* Records every copylint directive found in an HTML comment inside
 * data[start, start+len). */
void cl_parse_directives(cl_document *doc, size_t start, size_t len);
/* Source ranges of template and component markup, in order. */
typedef struct {
	cl_byte_range *ranges;
	size_t count, cap;
} cl_markup;

/* Finds the markup in data[from, len): Hugo shortcodes; with mdx, also
 * import/export statements, JSX tags and {expressions}. */
void cl_parse_markup(cl_markup *out, const char *data, size_t from, size_t len, bool mdx);
void cl_markup_dispose(cl_markup *markup);
/* Decodes an HTML entity (&amp; &#233; &#x1F600;) into out (8 bytes room);
 * returns the decoded length, 0 when it is not one we know. */
size_t cl_entity_decode(const char *entity, size_t len, char *out);

#endif
