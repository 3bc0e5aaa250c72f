/* YAML front matter (--- ... ---) read with libyaml. Every top-level scalar
 * becomes a field (the timestamp rules read dates from there); the prose
 * ones (title, description, ...) also become blocks that rules check like
 * any text; lang/language/locale set the document's language. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "copylint/copylint.h"

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/keyset.h"
#include "../util/yamldepth.h"
#include "parse.h"

/* The keys of the front matter seen so far, each with the line it was
 * first on. */
typedef struct {
	cl_keyset keys;  /* key -> index in lines */
	size_t *lines;
	size_t next;
} keyed_first;

static const char *const prose_keys[] = {
	"title", "description", "summary", "subtitle", "excerpt", "abstract", "lead", NULL
};

static const char *const language_keys[] = { "lang", "language", "locale", NULL };

static bool in_list(const char *const *list, const char *key)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcasecmp(list[i], key))
			return true;
	return false;
}

/* Is line [at, end) a fence made of `c` (--- or ...), trailing blanks allowed? */
static bool is_fence(const char *s, size_t at, size_t end, char c)
{
	if (end - at < 3 || s[at] != c || s[at + 1] != c || s[at + 2] != c)
		return false;
	for (size_t i = at + 3; i < end; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

static size_t line_end(const char *s, size_t len, size_t at)
{
	const char *nl = memchr(s + at, '\n', len - at);
	return nl ? (size_t)(nl - s) : len;
}

/* libyaml marks count lines and characters; a cursor turns them into byte
 * offsets. Marks come in order, so each walk starts where the last one
 * ended: the front matter is walked once, not once per field. */
typedef struct {
	const cl_document *doc;
	size_t base;              /* where line 0 starts */
	size_t line, column, at;  /* the last mark found, and its byte */
} mark_cursor;

static void cursor_init(mark_cursor *c, const cl_document *doc, size_t base)
{
	*c = (mark_cursor){ doc, base, 0, 0, base };
}

/* The bytes of the line break at s[at], as libyaml counts lines: CR LF,
 * CR, LF, NEL, LS or PS; 0 when there is none. */
static size_t break_len(const char *s, size_t len, size_t at)
{
	if (s[at] == '\r')
		return at + 1 < len && s[at + 1] == '\n' ? 2 : 1;
	if (s[at] == '\n')
		return 1;
	if (at + 1 < len && s[at] == '\xC2' && s[at + 1] == '\x85')
		return 2;
	if (at + 2 < len && s[at] == '\xE2' && s[at + 1] == '\x80' && (s[at + 2] == '\xA8' || s[at + 2] == '\xA9'))
		return 3;
	return 0;
}

static size_t next_line(const char *s, size_t len, size_t at)
{
	for (; at < len; at++) {
		size_t n = break_len(s, len, at);
		if (n)
			return at + n;
	}
	return len;
}

static size_t mark_offset(mark_cursor *c, yaml_mark_t mark)
{
	const cl_document *doc = c->doc;
	if (mark.line < c->line || (mark.line == c->line && mark.column < c->column))
		cursor_init(c, doc, c->base);  /* backwards: start again */
	for (; c->line < mark.line && c->at < doc->len; c->line++, c->column = 0)
		c->at = next_line(doc->data, doc->len, c->at);
	c->line = mark.line;
	for (; c->column < mark.column && c->at < doc->len && !break_len(doc->data, doc->len, c->at); c->column++) {
		uint32_t cp;
		bool valid;
		c->at += cl_utf8_decode(doc->data + c->at, doc->len - c->at, &cp, &valid);
	}
	c->column = mark.column;
	return c->at < doc->len ? c->at : doc->len;
}

/* Maps a prose value onto its source: exactly when the value stands in the
 * source as written (plain or simply quoted), else wholly onto the value's
 * source range. */
static void add_prose_block(cl_document *doc, cl_field *field)
{
	cl_block *block = cl_document_add_block(doc, CL_BLOCK_FIELD, 0);
	block->field = field->key;
	size_t vlen = strlen(field->value);
	size_t at = field->value_start, end = field->value_end;
	if (end > at && (doc->data[at] == '"' || doc->data[at] == '\'') && end - at >= 2) {
		at++;
		end--;
	}
	if (end - at == vlen && memcmp(doc->data + at, field->value, vlen) == 0)
		cl_block_append(block, field->value, vlen, at, vlen);
	else
		cl_block_append(block, field->value, vlen, field->value_start,
				field->value_end - field->value_start);
	cl_document_drop_empty_tail(doc);
}

static void add_field(cl_document *doc, mark_cursor *cursor, yaml_node_t *key, yaml_node_t *value)
{
	CL_GROW(doc->fields, doc->fields_cap, doc->nfields + 1);
	cl_field *field = &doc->fields[doc->nfields++];
	field->key = cl_strndup((const char *)key->data.scalar.value, key->data.scalar.length);
	field->value = cl_strndup((const char *)value->data.scalar.value, value->data.scalar.length);
	field->key_start = mark_offset(cursor, key->start_mark);
	field->value_start = mark_offset(cursor, value->start_mark);
	field->value_end = mark_offset(cursor, value->end_mark);
	/* a tag that is not one (../../x) names no dictionary */
	if (in_list(language_keys, field->key) && copylint_language_valid(field->value) && !doc->lang)
		doc->lang = cl_strdup(field->value);
	if (in_list(prose_keys, field->key))
		add_prose_block(doc, field);
}

/* A key seen twice: a finding, at the second. */
static void note_duplicate(cl_document *doc, mark_cursor *cursor, yaml_node_t *key, keyed_first *seen)
{
	const char *name = (const char *)key->data.scalar.value;
	size_t len = key->data.scalar.length, first;
	if (!cl_keyset_put(&seen->keys, name, len, seen->next, &first)) {
		seen->lines = cl_realloc(seen->lines, (seen->next + 1) * sizeof(size_t));
		seen->lines[seen->next++] = key->start_mark.line;
		return;
	}
	CL_GROW(doc->front_matter_duplicates, doc->nfront_matter_duplicates_cap,
		doc->nfront_matter_duplicates + 1);
	cl_duplicate_key *dup = &doc->front_matter_duplicates[doc->nfront_matter_duplicates++];
	dup->at = mark_offset(cursor, key->start_mark);
	dup->end = dup->at + len <= doc->len ? dup->at + len : doc->len;
	dup->message = cl_sprintf("key '%s' is given twice in the front matter (first on line %zu of it); "
				  "YAML readers keep one or refuse both", name, seen->lines[first] + 1);
}

static void read_mapping(cl_document *doc, size_t base, yaml_document_t *ydoc)
{
	yaml_node_t *root = yaml_document_get_root_node(ydoc);
	mark_cursor cursor;
	keyed_first seen = { CL_KEYSET_INIT, NULL, 0 };
	if (!root || root->type != YAML_MAPPING_NODE)
		return;
	cursor_init(&cursor, doc, base);
	for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
	     pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t *key = yaml_document_get_node(ydoc, pair->key);
		yaml_node_t *value = yaml_document_get_node(ydoc, pair->value);
		if (key && key->type == YAML_SCALAR_NODE)
			note_duplicate(doc, &cursor, key, &seen);
		if (key && value && key->type == YAML_SCALAR_NODE && value->type == YAML_SCALAR_NODE)
			add_field(doc, &cursor, key, value);
	}
	cl_keyset_dispose(&seen.keys);
	free(seen.lines);
}

static void parse_error(cl_document *doc, size_t start, const char *problem, yaml_mark_t mark)
{
	mark_cursor cursor;
	cursor_init(&cursor, doc, start);
	doc->front_matter_error = cl_sprintf("front matter is not valid YAML: %s", problem);
	doc->front_matter_error_at = mark_offset(&cursor, mark);
}

static void parse_yaml(cl_document *doc, size_t start, size_t end)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;
	size_t deep_at;
	if (cl_yaml_too_deep(doc->data + start, end - start, CL_YAML_MAX_DEPTH, &deep_at)) {
		doc->front_matter_error = cl_sprintf("front matter nests deeper than %d levels; not read",
						     CL_YAML_MAX_DEPTH);
		doc->front_matter_error_at = start + deep_at;
		return;
	}
	if (!yaml_parser_initialize(&parser))
		return;
	yaml_parser_set_input_string(&parser, (const unsigned char *)doc->data + start, end - start);
	if (!yaml_parser_load(&parser, &ydoc)) {
		parse_error(doc, start, parser.problem ? parser.problem : "syntax error", parser.problem_mark);
	} else {
		read_mapping(doc, start, &ydoc);
		yaml_document_delete(&ydoc);
	}
	yaml_parser_delete(&parser);
}

size_t cl_parse_front_matter(cl_document *doc)
{
	const char *s = doc->data;
	size_t at = 0;
	if (doc->len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		at = 3;
	size_t first_end = line_end(s, doc->len, at);
	if (!is_fence(s, at, first_end, '-') || first_end == doc->len)
		return at;
	size_t yaml_start = first_end + 1;
	for (size_t line = yaml_start; line < doc->len;) {
		size_t end = line_end(s, doc->len, line);
		if (is_fence(s, line, end, '-') || is_fence(s, line, end, '.')) {
			doc->has_front_matter = true;
			parse_yaml(doc, yaml_start, line);
			return end < doc->len ? end + 1 : doc->len;
		}
		line = end + 1;
	}
	return at;
}
