/* The source commit a translation's front matter names. Read by hand, one
 * line at a time, top-level keys only: YAML (`key: value`, between `---`
 * lines) and TOML (`key = "value"`, between `+++` lines), as Hugo and
 * opentelemetry.io write them. The parse stage does not run here: core
 * asks before or without parsing, and an id is one scalar. */
#include "history.h"

#include <string.h>

#include "../util/alloc.h"

static const char *const default_keys[] = { "default_lang_commit", "source_commit", NULL };

/* The value of key on this line (line..end), or NULL. */
static char *value_on_line(const char *line, const char *end, const char *key, char separator)
{
	size_t klen = strlen(key);
	if ((size_t)(end - line) <= klen || strncmp(line, key, klen) != 0)
		return NULL;
	const char *p = line + klen;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p != separator)
		return NULL;
	p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	const char *stop = end;
	if (p < end && (*p == '"' || *p == '\'')) {
		const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
		if (!close)
			return NULL;
		return cl_strndup(p + 1, (size_t)(close - p - 1));
	}
	for (const char *c = p; c < end; c++)
		if (*c == '#' && (c == p || c[-1] == ' ' || c[-1] == '\t')) {
			stop = c;
			break;
		}
	while (stop > p && (stop[-1] == ' ' || stop[-1] == '\t' || stop[-1] == '\r'))
		stop--;
	return stop > p ? cl_strndup(p, (size_t)(stop - p)) : NULL;
}

static bool is_fence(const char *line, const char *end, const char *fence)
{
	while (end > line && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return (size_t)(end - line) == 3 && !strncmp(line, fence, 3);
}

static char *find_key(const char *data, size_t len, const char *key, size_t *start, size_t *stop)
{
	const char *end = data + len;
	const char *fence = len >= 3 && !strncmp(data, "+++", 3) ? "+++" : "---";
	const char *line = memchr(data, '\n', len);
	if (!line || !is_fence(data, line, fence))
		return NULL;
	for (line++; line < end;) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		eol = eol ? eol : end;
		if (is_fence(line, eol, fence) || (fence[0] == '-' && is_fence(line, eol, "...")))
			return NULL;
		char *value = value_on_line(line, eol, key, fence[0] == '+' ? '=' : ':');
		if (value) {
			*start = (size_t)(line - data);
			*stop = (size_t)(eol - data);
			return value;
		}
		line = eol + 1;
	}
	return NULL;
}

char *cl_history_front_matter_find(const char *data, size_t len, const char *const *keys, size_t *start,
				   size_t *end)
{
	size_t bom = len >= 3 && data && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	if (!data)
		return NULL;
	for (const char *const *key = keys ? keys : default_keys; *key; key++) {
		char *value = find_key(data + bom, len - bom, *key, start, end);
		if (value) {
			*start += bom;
			*end += bom;
			return value;
		}
	}
	return NULL;
}

char *cl_history_front_matter_commit(const char *data, size_t len, const char *const *keys)
{
	size_t start, end;
	return cl_history_front_matter_find(data, len, keys, &start, &end);
}
