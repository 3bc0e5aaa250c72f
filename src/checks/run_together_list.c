/* run-together-list: numbered or bulleted list items that lost their line
 * breaks and now run on one line (`01 – a 02 – b 03 – c`, `• a • b • c`),
 * as happens when copy moves between content systems. A numbered item
 * counts only when it continues the numbering (so `Feat.: 1 – Title`
 * inside an item is not an item). */
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "typo_common.h"

typedef struct {
	size_t start, end;  /* the marker: "02 –" or "•" */
	long number;        /* -1 for a bullet */
} marker;

static const char *const dashes[] = { "\xE2\x80\x93", "\xE2\x80\x94", "-", NULL };  /* – — - */
static const char *const bullets[] = { "\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\xA6", NULL };  /* • ▪ ◦ */

static size_t match_any(const char *text, size_t len, size_t at, const char *const *list)
{
	for (size_t i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);
		if (at + n <= len && !memcmp(text + at, list[i], n))
			return n;
	}
	return 0;
}

static bool after_space(const char *text, size_t at)
{
	return at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t';
}

/* A marker at `at`: 1-3 digits, a space, a dash, a space; or a bullet and a space. */
static bool marker_at(const char *text, size_t len, size_t at, marker *m)
{
	size_t i = at, d;
	while (i < len && i < at + 3 && text[i] >= '0' && text[i] <= '9')
		i++;
	if (i > at) {
		if (i >= len || text[i] != ' ' || !(d = match_any(text, len, i + 1, dashes)) ||
		    i + 1 + d >= len || text[i + 1 + d] != ' ')
			return false;
		*m = (marker){ at, i + 1 + d, strtol(text + at, NULL, 10) };
		return true;
	}
	d = match_any(text, len, at, bullets);
	if (!d || at + d >= len || text[at + d] != ' ')
		return false;
	*m = (marker){ at, at + d, -1 };
	return true;
}

static void report(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, const marker *m)
{
	char *shown = cl_utf8_sanitize(block->text + m->start, m->end - m->start);
	cl_finding *f = typo_report(ctx, block, m->start, m->end,
				    cl_sprintf("list item “%s” runs on from the previous item on the same line", shown));
	/* In plain text a line break makes the item a line of its own again;
	 * Markdown would need more than that, so no fix there. */
	if (doc->format == CL_FORMAT_TEXT)
		typo_fix(f, block, m->start - 1, m->start, "\n");
	free(shown);
}

static void check_block(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block)
{
	const char *text = block->text;
	marker m;
	long expected = -1;
	bool numbered_from_start = false, bulleted_from_start = false;
	for (size_t at = 0; at < block->len; at++) {
		if (!after_space(text, at) || (at > 0 && text[at - 1] == '\t') || !marker_at(text, block->len, at, &m) ||
		    !typo_is_prose(block, m.start, m.end))
			continue;
		if (m.number < 0) {
			if (at == 0)
				bulleted_from_start = true;
			else if (bulleted_from_start)
				report(ctx, doc, block, &m);
		} else if (at == 0) {
			numbered_from_start = true;
			expected = m.number + 1;
		} else if (numbered_from_start && m.number == expected) {
			report(ctx, doc, block, &m);
			expected++;
		}
		at = m.end - 1;
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	for (size_t b = 0; b < doc->nblocks; b++)
		if (doc->blocks[b].kind != CL_BLOCK_FIELD)
			check_block(ctx, doc, &doc->blocks[b]);
	return 0;
}

const cl_rule cl_rule_run_together_list = {
	.info = {
		.id = "run-together-list",
		.summary = "List items that run together on one line",
		.description = "A block that starts as a numbered or bulleted list item (`01 – `, "
			       "`• `) and goes on with the next items on the same line (`02 – `, "
			       "`03 – `, ` • `): the line breaks between them were lost. A number "
			       "counts as an item only when it continues the numbering. In plain "
			       "text the fix puts the line break back.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
