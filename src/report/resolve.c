/* Byte spans to lines and columns, at report time, from the file's line
 * index. Findings are resolved in source order so that column counting on a
 * very long line resumes where the previous finding left it. */
#include <stdlib.h>
#include <string.h>

#include "../text/lineindex.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/keyset.h"
#include "results.h"

#define EXCERPT_MAX_CHARS 240
#define EXCERPT_BEFORE_CHARS 80
#define TEXT_MAX_BYTES 200

static int by_start(const void *pa, const void *pb)
{
	const cl_finding *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* Advances from byte i over up to count characters of s[..end). */
static size_t skip_chars(const char *s, size_t i, size_t end, size_t count)
{
	while (count-- && i < end) {
		uint32_t cp;
		bool valid;
		i += cl_utf8_decode(s + i, end - i, &cp, &valid);
	}
	return i;
}

static void set_excerpt(copylint_finding *out, const cl_lineindex *idx, size_t line)
{
	const char *data = idx->data;
	size_t start = cl_lineindex_line_start(idx, line), end = cl_lineindex_line_end(idx, line);
	size_t first_col = 1;
	if (out->column > EXCERPT_BEFORE_CHARS + 1) {
		first_col = out->column - EXCERPT_BEFORE_CHARS;
		/* Resolve from the finding's own start to avoid a rescan of the line. */
		size_t from = out->start;
		size_t back = EXCERPT_BEFORE_CHARS;
		while (back && from > start) {
			from--;
			if (((unsigned char)data[from] & 0xC0) != 0x80)
				back--;
		}
		start = from;
	}
	size_t stop = skip_chars(data, start, end, EXCERPT_MAX_CHARS);
	out->excerpt = cl_utf8_sanitize(data + start, stop - start);
	out->excerpt_column = first_col;
}

/* How often the same rule flagged the same text before in this file: a
 * finding's identity that survives unrelated lines moving. */
typedef struct {
	cl_keyset set;   /* rule + text -> index into counts */
	size_t *counts;
	size_t n, cap;
} occurrences;

static size_t count_occurrence(occurrences *c, const char *key, size_t len)
{
	size_t slot;
	if (cl_keyset_put(&c->set, key, len, c->n, &slot))
		return c->counts[slot]++;
	CL_GROW(c->counts, c->cap, c->n + 1);
	c->counts[c->n++] = 1;
	return 0;
}

/* The raw finding's message, taken over when it is valid UTF-8 already
 * (it is, but for a rule quoting ill-formed text): one copy less per
 * finding. */
static char *clean_message(cl_finding *raw)
{
	size_t first_bad, len = strlen(raw->message);
	if (cl_utf8_validate(raw->message, len, &first_bad))
		return cl_utf8_sanitize(raw->message, len);
	char *message = raw->message;
	raw->message = NULL;
	return message;
}

/* Another file's path is kept in the same allocation, after the struct,
 * so that freeing the related location frees it too. */
static copylint_related *resolve_related(const cl_finding *raw, cl_lineindex *idx, const char *path)
{
	size_t extra = raw->related_path ? strlen(raw->related_path) + 1 : 0;
	copylint_related *rel = cl_calloc(1, sizeof(*rel) + extra);
	rel->offset = raw->related_at;
	if (raw->related_path) {
		char *copy = (char *)(rel + 1);
		memcpy(copy, raw->related_path, extra);
		rel->path = copy;
		rel->line = raw->related_line;
		rel->column = raw->related_column;
		return rel;
	}
	rel->path = path;
	cl_lineindex_columns(idx, raw->related_at, &rel->line, &rel->column, NULL, NULL);
	return rel;
}

static void resolve_one(cl_finding *raw, cl_lineindex *idx, const char *path, occurrences *texts,
			copylint_finding *out)
{
	memset(out, 0, sizeof(*out));
	out->rule = raw->rule;
	out->severity = raw->severity;
	out->path = path;
	out->start = raw->start;
	out->end = raw->end;
	cl_lineindex_columns(idx, raw->start, &out->line, &out->column, &out->column_utf16, &out->column_byte);
	cl_lineindex_columns(idx, raw->end, &out->end_line, &out->end_column, &out->end_column_utf16,
			     &out->end_column_byte);
	out->message = clean_message(raw);
	size_t tlen = raw->end - raw->start > TEXT_MAX_BYTES ? TEXT_MAX_BYTES : raw->end - raw->start;
	out->text = cl_utf8_sanitize(idx->data + raw->start, tlen);

	cl_buf key = CL_BUF_INIT;
	cl_buf_puts(&key, out->rule);
	cl_buf_putc(&key, '\x1f');
	cl_buf_puts(&key, out->text);
	out->occurrence = count_occurrence(texts, key.ptr, key.size);
	cl_buf_dispose(&key);

	if (raw->nsuggestions) {
		char **suggestions = cl_malloc(raw->nsuggestions * sizeof(char *));
		for (size_t i = 0; i < raw->nsuggestions; i++)
			suggestions[i] = cl_utf8_sanitize(raw->suggestions[i], strlen(raw->suggestions[i]));
		out->suggestions = (const char *const *)suggestions;
		out->suggestion_count = raw->nsuggestions;
	}
	if (raw->has_related)
		out->related = resolve_related(raw, idx, path);
	if (raw->has_fix) {
		copylint_fix *fix = cl_calloc(1, sizeof(*fix));
		fix->start = raw->fix_start;
		fix->end = raw->fix_end;
		cl_lineindex_columns(idx, fix->start, &fix->line, &fix->column, &fix->column_utf16, &fix->column_byte);
		cl_lineindex_columns(idx, fix->end, &fix->end_line, &fix->end_column, &fix->end_column_utf16,
				     &fix->end_column_byte);
		fix->original = cl_utf8_sanitize(idx->data + fix->start, fix->end - fix->start);
		fix->replacement = cl_utf8_sanitize(raw->fix_text, strlen(raw->fix_text));
		out->fix = fix;
	}
	set_excerpt(out, idx, out->line);
}

void cl_resolve_findings(cl_findings *raw, const char *data, size_t len, const char *path,
			 copylint_finding **out, size_t *count, size_t *cap)
{
	cl_lineindex idx;
	occurrences texts = { CL_KEYSET_INIT, NULL, 0, 0 };
	if (!raw->count)
		return;
	qsort(raw->items, raw->count, sizeof(cl_finding), by_start);
	cl_lineindex_build(&idx, data, len);
	CL_GROW(*out, *cap, *count + raw->count);
	for (size_t i = 0; i < raw->count; i++)
		resolve_one(&raw->items[i], &idx, path, &texts, &(*out)[(*count)++]);
	cl_lineindex_dispose(&idx);
	cl_keyset_dispose(&texts.set);
	free(texts.counts);
}
