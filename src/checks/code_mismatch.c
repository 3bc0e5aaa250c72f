/* code-mismatch: code that a translation changed. A code block aligned
 * with the source's must hold the same code; what may be translated is
 * left out of the comparison: comments (from # or // after a blank to the
 * end of the line), the contents of string literals ('...' and "..."),
 * {{placeholders}}, blank lines and how much white space separates the
 * tokens; and on a line that reads as prose (a program's messages in a
 * shell session, which translations show in their language: three words
 * or more, two tokens in three words), the words themselves, only the
 * rest of the line (paths, options, numbers, punctuation) being compared;
 * tokens equal but for ASCII case (Basic), and placeholders translated
 * into letters outside ASCII (Expression1 as Выражение1) pass.
 * In aligned prose, every inline code
 * span of the source must be in the translation and the reverse (tldr's
 * `{{path/to/file}}` placeholders, DocBook's `_package_` ones and an
 * example's name translated into letters outside ASCII may differ). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "pair_common.h"

/* Bytes of the word (letters of any script) at s, and of the punctuation
 * after it (started, -> 7 + 1); 0 when the token is not one word. */
static size_t word_token(const char *s, size_t len)
{
	size_t i = 0, letters = 0;
	while (i < len) {
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(s + i, len - i, &cp, &valid);
		if (!valid || !u_isalpha((UChar32)cp))
			break;
		letters++;
		i += n;
	}
	while (i < len && strchr(",.;:!?", s[i]))
		i++;
	return letters && i == len ? len : 0;
}

/* The tokens of a line, one space between them; on a prose line, each
 * run of words as one "w" followed by its last punctuation. */
static void put_tokens(cl_buf *out, const char *s, size_t len)
{
	size_t tokens = 0, words = 0;
	for (size_t i = 0; i < len;) {
		size_t n = strcspn(s + i, " \t");
		if (n > len - i)
			n = len - i;
		if (n) {
			tokens++;
			words += word_token(s + i, n) != 0;
		}
		i += n ? n : 1;
	}
	bool prose = words >= 3 && 3 * words >= 2 * tokens, last_word = false;
	for (size_t i = 0; i < len;) {
		size_t n = strcspn(s + i, " \t");
		if (n > len - i)
			n = len - i;
		if (!n) {
			i++;
			continue;
		}
		bool word = prose && word_token(s + i, n);
		char end = s[i + n - 1];
		if (word && last_word && out->size && out->ptr[out->size - 1] != 'w')
			out->size--;  /* the punctuation before: only the run's last counts */
		if (!(word && last_word)) {
			if (out->size && out->ptr[out->size - 1] != '\n')
				cl_buf_putc(out, ' ');
		}
		if (word && !last_word)
			cl_buf_putc(out, 'w');
		if (word && strchr(",.;:!?", end))
			cl_buf_putc(out, end);
		else if (!word)
			cl_buf_put(out, s + i, n);
		last_word = word;
		i += n;
	}
}

/* One line without its comment, string contents and trailing blanks,
 * its tokens as put_tokens puts them. */
static void put_line(cl_buf *final, const char *s, size_t len)
{
	char quote = 0;
	cl_buf line = CL_BUF_INIT, *out = &line;
	size_t start = 0;
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
	size_t at = final->size;
	put_tokens(final, line.ptr ? line.ptr : "", line.size);
	if (final->size > at)
		cl_buf_putc(final, '\n');
	cl_buf_dispose(&line);
	(void)start;
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

static bool non_ascii_letter(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(s + i, len - i, &cp, &valid);
		if (valid && cp >= 0x80 && u_isalpha((UChar32)cp))
			return true;
		i += n ? n : 1;
	}
	return false;
}

/* Two tokens that may stand for each other: equal but for ASCII case
 * (Basic's As and as), or the translation's holds letters outside ASCII
 * where the source's has letters, the punctuation the same: a placeholder
 * translated (Expression1 as Выражение1, (Expression) as (Výraz)). */
static bool same_token(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == blen && !strncasecmp(a, b, alen))
		return true;
	if (!non_ascii_letter(b, blen) || non_ascii_letter(a, alen))
		return false;
	size_t i = 0, j = 0;
	for (;;) {
		while (i < alen && ((unsigned char)a[i] >= 0x80 || isalnum((unsigned char)a[i])))
			i++;
		while (j < blen && ((unsigned char)b[j] >= 0x80 || isalnum((unsigned char)b[j])))
			j++;
		if (i == alen || j == blen)
			return i == alen && j == blen;
		if (a[i++] != b[j++])
			return false;
	}
}

/* Lines a[0, alen) and b[0, blen), their tokens one space apart. */
static bool same_line(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == blen && !memcmp(a, b, alen))
		return true;
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		size_t n = strcspn(a + i, " \n"), m = strcspn(b + j, " \n");
		if (n > alen - i)
			n = alen - i;
		if (m > blen - j)
			m = blen - j;
		if (!same_token(a + i, n, b + j, m))
			return false;
		i += n + (i + n < alen);
		j += m + (j + m < blen);
	}
	return i >= alen && j >= blen;
}

/* The 1-based line of the first difference, or 0 when the blocks are the
 * same (comparable text, line by line). */
static size_t first_difference(const char *a, const char *b)
{
	for (size_t line = 1;; line++) {
		size_t n = strcspn(a, "\n"), m = strcspn(b, "\n");
		if (!*a && !*b)
			return 0;
		if (!*a || !*b || !same_line(a, n, b, m))
			return line;
		a += n + (a[n] == '\n');
		b += m + (b[m] == '\n');
	}
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
	size_t line = first_difference(a, b);
	if (line)
		cl_check_report_pair(ctx, t->start, t->start, cl_sprintf("this code block differs from the source's "
			"(from its line %zu; comments and strings aside)", line), s->start);
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
		if (more_s && more_t && same_token(s->items[i], strlen(s->items[i]), t->items[j], strlen(t->items[j])))
			;  /* an example's name in the translation's language */
		else if (more_s && more_t)
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

/* An inline code span as compared: the placeholders that DocBook's
 * <replaceable> becomes (_package_, *file*), which translations translate,
 * as _; an ellipsis as ...; white space runs as one space, none at the ends. */
static char *span_key(const char *span)
{
	cl_buf out = CL_BUF_INIT;
	for (const char *p = span; *p;) {
		size_t word = (*p == '_' || *p == '*') && (p == span || p[-1] == ' ' || p[-1] == '/') ?
				      strcspn(p + 1, "_* /") : 0;
		if (word && p[1 + word] == *p && (!p[2 + word] || strchr(" /.", p[2 + word]))) {
			cl_buf_putc(&out, '_');
			p += 2 + word;
		} else if (!strncmp(p, "\xE2\x80\xA6", 3)) {
			cl_buf_puts(&out, "...");
			p += 3;
		} else if (*p == ' ' || *p == '\t') {
			if (out.size && out.ptr[out.size - 1] != ' ')
				cl_buf_putc(&out, ' ');
			p++;
		} else {
			cl_buf_putc(&out, *p++);
		}
	}
	while (out.size && out.ptr[out.size - 1] == ' ')
		out.size--;
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

static void key_spans(cl_pair_bag *bag)
{
	for (size_t i = 0; i < bag->count; i++) {
		char *key = span_key(bag->items[i]);
		free(bag->items[i]);
		bag->items[i] = key;
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
	key_spans(&s);
	key_spans(&t);
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
