/* code-mismatch: code that a translation changed. A code block aligned
 * with the source's must hold the same code; what may be translated is
 * left out of the comparison: comments (from # or // after a blank to the
 * end of the line), the contents of string literals ('...' and "..."),
 * {{placeholders}} and blank lines. In aligned prose, every inline code
 * span of the source must be in the translation and the reverse (tldr's
 * `{{path/to/file}}` placeholders may be translated). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "pair_common.h"

/* One line without its comment, string contents and trailing blanks. */
static void put_line(cl_buf *out, const char *s, size_t len)
{
	char quote = 0;
	size_t start = out->size;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		bool at_word_start = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t';
		if (quote) {
			if (c == quote)
				quote = 0, cl_buf_putc(out, c);
			continue;
		}
		if (at_word_start && (c == '#' || (c == '/' && i + 1 < len && s[i + 1] == '/')))
			break;
		if (c == '"' || c == '\'')
			quote = c;
		cl_buf_putc(out, c);
	}
	while (out->size > start && (out->ptr[out->size - 1] == ' ' || out->ptr[out->size - 1] == '\t'))
		out->size--;
	if (out->size > start)
		cl_buf_putc(out, '\n');
}

static char *comparable(const char *code)
{
	cl_buf out = CL_BUF_INIT;
	for (const char *p = code; *p;) {
		size_t len = strcspn(p, "\n");
		put_line(&out, p, len);
		p += len + (p[len] == '\n');
	}
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

/* The 1-based line of the first difference. */
static size_t first_difference(const char *a, const char *b)
{
	size_t line = 1;
	for (; *a && *a == *b; a++, b++)
		line += *a == '\n';
	return line;
}

/* Code blocks of Markdown or plain text hold prose that is translated. */
static bool holds_prose(const char *info)
{
	static const char *const prose[] = { "md", "markdown", "text", "txt", "plaintext", "plain", NULL };
	size_t len = strcspn(info ? info : "", " {");
	for (size_t i = 0; info && prose[i]; i++)
		if (strlen(prose[i]) == len && !strncasecmp(info, prose[i], len))
			return true;
	return false;
}

static void compare_blocks(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	const cl_item *s = &src->items[g->s0], *t = &doc->items[g->t0];
	if (s->kind != CL_ITEM_CODE || t->kind != CL_ITEM_CODE || !s->code || !t->code || holds_prose(s->info))
		return;
	char *a = comparable(s->code), *b = comparable(t->code);
	if (strcmp(a, b))
		cl_check_report_pair(ctx, t->start, t->start, cl_sprintf("this code block differs from the source's "
			"(from its line %zu; comments and strings aside)", first_difference(a, b)), s->start);
	free(a);
	free(b);
}

/* The next unmatched span of bag from *i, or false. */
static bool next_left(const cl_pair_bag *bag, size_t *i)
{
	while (*i < bag->count && bag->used[*i])
		(*i)++;
	return *i < bag->count;
}

/* What is left once equal spans are matched: pairs in order are altered
 * spans, the rest dropped (source) or added (translation). */
static void report_left(cl_check_ctx *ctx, const cl_pair_bag *s, const cl_pair_bag *t, size_t block_at,
			size_t source_block_at)
{
	size_t i = 0, j = 0;
	bool more_s, more_t;
	while ((more_s = next_left(s, &i)) | (more_t = next_left(t, &j))) {
		if (more_s && more_t)
			cl_check_report_pair(ctx, t->at[j], t->at[j], cl_sprintf("inline code `%s` differs from the "
					     "source's `%s`", t->items[j], s->items[i]), s->at[i]);
		else if (more_s)
			cl_check_report_pair(ctx, block_at, block_at, cl_sprintf("the source's inline code `%s` is "
					     "missing here", s->items[i]), s->at[i]);
		else if (s->count)  /* the source's block has code spans: an extra one is a change */
			cl_check_report_pair(ctx, t->at[j], t->at[j], cl_sprintf("inline code `%s` is not in the "
					     "source", t->items[j]), source_block_at);
		i += more_s;
		j += more_t;
	}
}

static void compare_spans(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	if (!cl_pair_all_prose(src, g->s0, g->s1) || !cl_pair_all_prose(doc, g->t0, g->t1))
		return;
	cl_pair_bag s = { 0 }, t = { 0 };
	cl_pair_code_spans(src, g->s0, g->s1, &s);
	cl_pair_code_spans(doc, g->t0, g->t1, &t);
	cl_pair_bag_match(&s, &t);
	report_left(ctx, &s, &t, doc->items[g->t0].start, src->items[g->s0].start);
	cl_pair_bag_dispose(&s);
	cl_pair_bag_dispose(&t);
}

static void compare(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	if (g->s1 - g->s0 == 1 && g->t1 - g->t0 == 1)
		compare_blocks(ctx, doc, g);
	compare_spans(ctx, doc, g);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_pair_each_matched_group(ctx, doc, compare);
	return 0;
}

const cl_rule cl_rule_code_mismatch = {
	.info = {
		.id = "code-mismatch",
		.summary = "Code that differs from the source's",
		.description = "For a translation checked against its source: a code block that differs from the "
			       "aligned block of the source (comments after # or //, the contents of string "
			       "literals and {{placeholders}} may be translated and are not compared; blocks marked "
			       "md, markdown, text or plaintext hold prose and are not compared), and inline "
			       "code of an aligned paragraph that the translation dropped, added or altered "
			       "(`bpf_probe_write_user` missing from the translated sentence).",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.check = check,
};
