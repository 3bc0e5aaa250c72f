#include "pair_common.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"
#include "../text/normalize.h"
#include "../util/buf.h"

const char *cl_pair_item_name(const cl_document *doc, size_t item)
{
	static const char *const items[] = { "paragraph", "code block", "HTML block", "table", "shortcode",
					      "admonition" };
	static const char *const blocks[] = { "heading", "paragraph", "list item", "quote", "table cell",
					      "front-matter value", "image description" };
	const cl_item *it = &doc->items[item];
	return it->kind == CL_ITEM_PROSE ? blocks[doc->blocks[it->block].kind] : items[it->kind];
}

size_t cl_pair_position(const cl_document *tr, const cl_alignment *a, size_t g)
{
	for (size_t k = g; k < a->count; k++)
		if (a->groups[k].t1 > a->groups[k].t0)
			return tr->items[a->groups[k].t0].start;
	return tr->nitems ? tr->items[tr->nitems - 1].end : tr->len;
}

bool cl_pair_all_prose(const cl_document *doc, size_t i0, size_t i1)
{
	for (size_t i = i0; i < i1; i++)
		if (doc->items[i].block < 0)
			return false;
	return i1 > i0;
}

void cl_pair_bag_add(cl_pair_bag *bag, char *text, size_t at)
{
	size_t cap = bag->cap;
	CL_GROW(bag->items, cap, bag->count + 1);
	if (cap != bag->cap) {
		bag->at = cl_realloc(bag->at, cap * sizeof(size_t));
		bag->used = cl_realloc(bag->used, cap * sizeof(bool));
		bag->cap = cap;
	}
	bag->items[bag->count] = text;
	bag->at[bag->count] = at;
	bag->used[bag->count++] = false;
}

bool cl_pair_bag_take(cl_pair_bag *bag, const char *text)
{
	for (size_t i = 0; i < bag->count; i++) {
		if (!bag->used[i] && !strcmp(bag->items[i], text)) {
			bag->used[i] = true;
			return true;
		}
	}
	return false;
}

void cl_pair_bag_match(cl_pair_bag *source, cl_pair_bag *translation)
{
	for (size_t i = 0; i < translation->count; i++)
		if (cl_pair_bag_take(source, translation->items[i]))
			translation->used[i] = true;
}

void cl_pair_each_matched_group(cl_check_ctx *ctx, const cl_document *doc, cl_pair_group_fn fn)
{
	if (!ctx->translation)
		return;
	const cl_alignment *a = ctx->translation->alignment;
	for (size_t i = 0; i < a->count; i++)
		if (a->groups[i].s0 < a->groups[i].s1 && a->groups[i].t0 < a->groups[i].t1)
			fn(ctx, doc, &a->groups[i]);
}

void cl_pair_bag_dispose(cl_pair_bag *bag)
{
	for (size_t i = 0; i < bag->count; i++)
		free(bag->items[i]);
	free(bag->items);
	free(bag->at);
	free(bag->used);
	memset(bag, 0, sizeof(*bag));
}

/* Code with each {{placeholder}} (tldr's, translated with the page) as {{}}. */
static char *blank_placeholders(const char *s, size_t len)
{
	cl_buf out = CL_BUF_INIT;
	for (size_t i = 0; i < len; i++) {
		const char *close = i + 1 < len && s[i] == '{' && s[i + 1] == '{' ? strstr(s + i, "}}") : NULL;
		if (close && (size_t)(close - s) < len) {
			cl_buf_puts(&out, "{{}}");
			i = (size_t)(close - s) + 1;
		} else {
			cl_buf_putc(&out, s[i]);
		}
	}
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

void cl_pair_code_spans(const cl_document *doc, size_t i0, size_t i1, cl_pair_bag *out)
{
	for (size_t i = i0; i < i1; i++) {
		if (doc->items[i].block < 0)
			continue;
		const cl_block *b = &doc->blocks[doc->items[i].block];
		for (size_t k = 0; k < b->nspans; k++) {
			const cl_span *sp = &b->spans[k];
			if (sp->kind != CL_SPAN_CODE || sp->end <= sp->start)
				continue;
			cl_pair_bag_add(out, blank_placeholders(b->text + sp->start, sp->end - sp->start),
					cl_block_source_start(b, sp->start));
		}
	}
}

char *cl_pair_excerpt(const cl_document *doc, size_t item)
{
	const cl_item *it = &doc->items[item];
	const char *text = it->block >= 0 ? doc->blocks[it->block].text : it->code ? it->code : "";
	size_t len = strcspn(text, "\n");
	if (len > 60) {
		len = 57;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
		return cl_sprintf("%.*s...", (int)len, text);
	}
	return cl_strndup(text, len);
}

/* Does the segment name either language (or a region of its primary tag)? */
static bool names_language(const char *seg, size_t len, const char *const langs[2])
{
	for (int k = 0; k < 2; k++) {
		size_t primary = strcspn(langs[k], "-_");
		size_t seg_primary = strcspn(seg, "-_/");
		if (seg_primary > len)
			seg_primary = len;
		if (seg_primary == primary && !strncasecmp(seg, langs[k], primary) && len <= primary + 8)
			return true;
	}
	return false;
}

char *cl_pair_localised_target(const char *target, const char *const langs[2])
{
	cl_buf out = CL_BUF_INIT;
	size_t end = strcspn(target, "#");
	for (size_t i = 0; i < end;) {
		size_t n = strcspn(target + i, "/#");
		if (n > end - i)
			n = end - i;
		bool is_segment = i == 0 || target[i - 1] == '/';
		if (!(is_segment && n && names_language(target + i, n, langs)))
			cl_buf_put(&out, target + i, n);
		i += n;
		if (i < end && target[i] == '/') {
			if (!out.size || out.ptr[out.size - 1] != '/')
				cl_buf_putc(&out, '/');
			i++;
		}
	}
	while (out.size > 1 && out.ptr[out.size - 1] == '/')
		out.size--;
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

/* A heading's anchor as sites generate it (Hugo, GitHub): ASCII letters in
 * lower case, blanks as '-', ASCII punctuation but '-' and '_' dropped,
 * other characters kept. */
static char *slug(const char *text)
{
	cl_buf out = CL_BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p >= 0x80 || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
			cl_buf_putc(&out, (char)*p);
		else if (*p >= 'A' && *p <= 'Z')
			cl_buf_putc(&out, (char)(*p | 0x20));
		else if ((*p >= 'a' && *p <= 'z'))
			cl_buf_putc(&out, (char)*p);
		else if (*p == ' ' || *p == '\t')
			cl_buf_putc(&out, '-');
	}
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

/* Anchors compare case-folded (#Стать-апрувером is #стать-апрувером). */
static bool same_anchor(const char *a, const char *b)
{
	cl_buf x = CL_BUF_INIT, y = CL_BUF_INIT;
	bool same = cl_text_key(&x, a, strlen(a)) == 0 && cl_text_key(&y, b, strlen(b)) == 0 && x.size == y.size &&
		    !memcmp(x.ptr, y.ptr, x.size);
	cl_buf_dispose(&x);
	cl_buf_dispose(&y);
	return same;
}

static bool heading_has_anchor(const cl_block *b, const char *anchor)
{
	if (b->kind != CL_BLOCK_HEADING)
		return false;
	if (b->heading_id)
		return same_anchor(b->heading_id, anchor);
	char *s = slug(b->text);
	bool same = same_anchor(s, anchor);
	free(s);
	return same;
}

long cl_pair_anchor_item(const cl_document *doc, const char *anchor)
{
	for (size_t i = 0; i < doc->nitems; i++)
		if (doc->items[i].block >= 0 && heading_has_anchor(&doc->blocks[doc->items[i].block], anchor))
			return (long)i;
	return -1;
}

long cl_pair_source_heading_of(const cl_alignment *a, const cl_document *source, size_t item)
{
	for (size_t g = 0; g < a->count; g++) {
		const cl_align_group *gr = &a->groups[g];
		if (item < gr->t0 || item >= gr->t1)
			continue;
		for (size_t s = gr->s0; s < gr->s1; s++)
			if (source->items[s].block >= 0 && source->blocks[source->items[s].block].kind == CL_BLOCK_HEADING)
				return (long)s;
		return -1;
	}
	return -1;
}
