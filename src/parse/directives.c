/* Inline comments that steer copylint:
 *   <!-- copylint-disable [rule ...] -->   <!-- copylint-enable [rule ...] -->
 *   <!-- copylint-disable-next-line [rule ...] -->
 *   <!-- copylint-words: word ... -->
 * Rule ids may be separated by spaces or commas. They are only recorded
 * here; the report stage applies them. */
#include <stdbool.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "parse.h"

typedef struct {
	const char *keyword;
	cl_directive_kind kind;
} keyword_kind;

/* Longest first: "disable-next-line" must win over "disable". */
static const keyword_kind keywords[] = {
	{ "copylint-disable-next-line", CL_DIRECTIVE_DISABLE_NEXT_LINE },
	{ "copylint-disable", CL_DIRECTIVE_DISABLE },
	{ "copylint-enable", CL_DIRECTIVE_ENABLE },
	{ "copylint-words", CL_DIRECTIVE_WORDS },
};

static char *normalise_args(const char *s, size_t len)
{
	cl_buf out = CL_BUF_INIT;
	bool pending = false;
	cl_buf_put(&out, "", 0);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || (c == ':' && out.size == 0)) {
			pending = out.size > 0;
			continue;
		}
		if (pending)
			cl_buf_putc(&out, ' ');
		pending = false;
		cl_buf_putc(&out, c);
	}
	return cl_buf_detach(&out);
}

static void parse_comment(cl_document *doc, size_t start, size_t end)
{
	const char *s = doc->data;
	size_t i = start + 4;  /* past "<!--" */
	size_t body_end = end - 3;  /* at "-->" */
	while (i < body_end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	for (size_t k = 0; k < sizeof(keywords) / sizeof(keywords[0]); k++) {
		size_t klen = strlen(keywords[k].keyword);
		if (body_end - i < klen || memcmp(s + i, keywords[k].keyword, klen) != 0)
			continue;
		size_t after = i + klen;
		if (after < body_end && s[after] != ' ' && s[after] != ':' && s[after] != '\t')
			continue;
		CL_GROW(doc->directives, doc->directives_cap, doc->ndirectives + 1);
		cl_directive *d = &doc->directives[doc->ndirectives++];
		d->kind = keywords[k].kind;
		d->start = start;
		d->end = end;
		d->args = normalise_args(s + after, body_end - after);
		return;
	}
}

void cl_parse_directives(cl_document *doc, size_t start, size_t len)
{
	const char *s = doc->data;
	size_t end = start + len;
	for (size_t i = start; i + 4 <= end; i++) {
		if (memcmp(s + i, "<!--", 4) != 0)
			continue;
		const char *close = NULL;
		for (size_t j = i + 4; j + 3 <= end; j++)
			if (!memcmp(s + j, "-->", 3)) {
				close = s + j;
				break;
			}
		if (!close)
			return;
		size_t cend = (size_t)(close - s) + 3;
		parse_comment(doc, i, cend);
		i = cend - 1;
	}
}
