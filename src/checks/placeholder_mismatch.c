/* placeholder-mismatch: what a template or a program fills in or renders
 * must reach the reader of every language: in each aligned group, the
 * shortcodes, {{placeholders}}, HTML tags and components (with their
 * attributes), printf conversions, {variables} and emoji shortcodes of the
 * source and of the translation must be the same (placeholders.c says what
 * may be translated: prose attribute values such as title and alt, a
 * sentence given to a shortcode). Inline code is code-mismatch's: a
 * placeholder inside `code` is not compared here, nor are code blocks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"
#include "pair_common.h"
#include "placeholders.h"

typedef struct {
	cl_pair_bag bag;
	cl_ph_kind *kinds;
	bool *loose;  /* a {name} of prose: a value to fill in, whose name may be translated */
	size_t kinds_cap;
	/* Where the text being scanned came from: a prose block, or raw item
	 * text at base when it is the file's bytes there (else all at base). */
	const cl_block *block;
	size_t base;
	bool exact;
	bool in_prose;  /* scanning prose text, not markup */
	unsigned flags; /* CL_PH_MDX or 0 */
} collected;

static void add(void *payload, char *key, cl_ph_kind kind, size_t at)
{
	collected *c = payload;
	size_t at_src = c->block ? cl_block_source_start(c->block, at) : c->exact ? c->base + at : c->base;
	cl_pair_bag_add(&c->bag, key, at_src);
	size_t cap = c->kinds_cap;
	CL_GROW(c->kinds, c->kinds_cap, c->bag.count);
	if (cap != c->kinds_cap)
		c->loose = cl_realloc(c->loose, c->kinds_cap * sizeof(bool));
	c->kinds[c->bag.count - 1] = kind;
	c->loose[c->bag.count - 1] = c->in_prose && kind == CL_PH_VARIABLE;
}

/* A prose block: its text outside code, URLs and math; tags only in the
 * raw HTML and markup spans. */
static void scan_block(collected *c, const cl_block *b, const char *const langs[2])
{
	c->block = b;
	size_t at = 0;
	for (size_t k = 0; k <= b->nspans; k++) {
		const cl_span *sp = k < b->nspans ? &b->spans[k] : NULL;
		size_t stop = sp ? sp->start : b->len;
		c->in_prose = true;
		if (stop > at)
			cl_ph_scan(b->text, at, stop, c->flags, langs, add, c);
		c->in_prose = false;
		if (sp && (sp->kind == CL_SPAN_HTML || sp->kind == CL_SPAN_MARKUP))
			cl_ph_scan(b->text, sp->start, sp->end, c->flags | CL_PH_TAGS, langs, add, c);
		at = sp ? sp->end : b->len;
	}
}

static void scan_items(collected *c, const cl_document *doc, size_t i0, size_t i1, const char *const langs[2])
{
	for (size_t i = i0; i < i1; i++) {
		const cl_item *it = &doc->items[i];
		if (it->block >= 0) {
			scan_block(c, &doc->blocks[it->block], langs);
		} else if (it->kind != CL_ITEM_CODE && it->code) {
			size_t n = strlen(it->code);
			c->block = NULL;
			c->base = it->start;
			c->exact = it->start + n <= doc->len && !memcmp(doc->data + it->start, it->code, n);
			c->in_prose = false;
			cl_ph_scan(it->code, 0, n, c->flags | CL_PH_TAGS, langs, add, c);
		}
	}
}

static void dispose(collected *c)
{
	cl_pair_bag_dispose(&c->bag);
	free(c->kinds);
	free(c->loose);
}

/* Pairs what is left of the loose variables on both sides: {file} and
 * {fichier} are one value to fill in, named in each language. */
static void match_loose(collected *s, collected *t)
{
	size_t j = 0;
	for (size_t i = 0; i < s->bag.count; i++) {
		if (s->bag.used[i] || !s->loose[i])
			continue;
		while (j < t->bag.count && (t->bag.used[j] || !t->loose[j]))
			j++;
		if (j == t->bag.count)
			return;
		s->bag.used[i] = t->bag.used[j++] = true;
	}
}

/* The next unmatched placeholder of c from *i, or false. */
static bool next_left(const collected *c, size_t *i)
{
	while (*i < c->bag.count && c->bag.used[*i])
		(*i)++;
	return *i < c->bag.count;
}

/* An unmatched translation placeholder that replaced source's i: the
 * first unused one of the same construct. */
static bool replaced(const collected *s, size_t i, collected *t, size_t *j)
{
	for (*j = 0; *j < t->bag.count; (*j)++)
		if (!t->bag.used[*j] && t->kinds[*j] == s->kinds[i] &&
		    cl_ph_same_construct(s->kinds[i], s->bag.items[i], t->bag.items[*j]))
			return true;
	return false;
}

static void report(cl_check_ctx *ctx, collected *s, collected *t, size_t block_at, size_t source_block_at)
{
	for (size_t i = 0, j; next_left(s, &i); i++) {
		const char *kind = cl_ph_kind_name(s->kinds[i], s->bag.items[i]);
		if (replaced(s, i, t, &j)) {
			t->bag.used[j] = true;
			cl_check_report_pair(ctx, t->bag.at[j], t->bag.at[j], cl_sprintf("%s “%s” differs from the "
					     "source's “%s”", kind, t->bag.items[j], s->bag.items[i]), s->bag.at[i]);
		} else {
			cl_check_report_pair(ctx, block_at, block_at, cl_sprintf("the source's %s “%s” is missing here",
					     kind, s->bag.items[i]), s->bag.at[i]);
		}
	}
	for (size_t j = 0; next_left(t, &j); j++)
		if (!t->loose[j])  /* a translator may write a value to fill in as {Benutzerprofil} */
			cl_check_report_pair(ctx, t->bag.at[j], t->bag.at[j], cl_sprintf("%s “%s” is not in the source",
				     cl_ph_kind_name(t->kinds[j], t->bag.items[j]), t->bag.items[j]), source_block_at);
}

static unsigned mdx(const cl_document *doc)
{
	size_t n = doc->path ? strlen(doc->path) : 0;
	return n > 4 && !strcasecmp(doc->path + n - 4, ".mdx") ? CL_PH_MDX : 0;
}

static void compare(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g)
{
	const cl_document *src = ctx->translation->source;
	const char *const langs[2] = { ctx->translation->source_lang, ctx->lang };
	collected s = { .flags = mdx(src) }, t = { .flags = mdx(doc) };
	scan_items(&s, src, g->s0, g->s1, langs);
	scan_items(&t, doc, g->t0, g->t1, langs);
	cl_pair_bag_match(&s.bag, &t.bag);
	match_loose(&s, &t);
	report(ctx, &s, &t, doc->items[g->t0].start, src->items[g->s0].start);
	dispose(&s);
	dispose(&t);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_pair_each_matched_group(ctx, doc, compare);
	return 0;
}

const cl_rule cl_rule_placeholder_mismatch = {
	.info = {
		.id = "placeholder-mismatch",
		.summary = "A placeholder, shortcode or tag that differs from the source's",
		.description = "For a translation checked against its source: Hugo shortcodes ({{< x >}}, "
			       "{{% x %}}), {{placeholders}}, HTML tags and MDX components with their attributes, "
			       "printf conversions (%s, %1$s), {name} and {0} variables and emoji shortcodes "
			       "(:smile:) of an aligned block that the translation dropped, added or changed. "
			       "Prose attribute values (title, alt, aria-label, label, placeholder, caption, "
			       "description, summary, text) and quoted shortcode arguments holding a blank may be "
			       "translated; href and src are compared as link targets are. Inline code is not "
			       "compared here (code-mismatch).",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
