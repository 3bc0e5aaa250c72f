/* The skeleton of a page. While parsing, a non-prose item records in its
 * block field how many prose blocks came before it; at the end the prose
 * blocks are merged in, so that the parsers add items without knowing
 * which prose blocks survive (md4c opens blocks that stay empty). */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "document.h"

cl_item *cl_document_add_item(cl_document *doc, cl_item_kind kind, size_t start)
{
	CL_GROW(doc->items, doc->items_cap, doc->nitems + 1);
	cl_item *item = &doc->items[doc->nitems++];
	memset(item, 0, sizeof(*item));
	item->kind = kind;
	item->start = item->end = start;
	item->block = (long)doc->nblocks;
	return item;
}

void cl_document_add_link(cl_document *doc, long block, const char *target, size_t len, size_t at, bool image)
{
	CL_GROW(doc->links, doc->links_cap, doc->nlinks + 1);
	doc->links[doc->nlinks++] = (cl_link){ block, cl_strndup(target, len), at, image };
}

static void block_range(const cl_block *b, size_t *start, size_t *end)
{
	*start = b->npieces ? b->pieces[0].src_at : 0;
	*end = b->npieces ? b->pieces[b->npieces - 1].src_at + b->pieces[b->npieces - 1].src_len : 0;
}

/* Text between the first and last non-blank bytes starts with open and ends with close. */
static bool framed(const char *s, size_t len, const char *open, const char *close)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	while (len && *s == ' ')
		s++, len--;
	size_t o = strlen(open), c = strlen(close);
	return len >= o + c && !memcmp(s, open, o) && !memcmp(s + len - c, close, c);
}

static cl_item_kind prose_kind(const cl_block *b)
{
	if (b->kind != CL_BLOCK_PARAGRAPH)
		return CL_ITEM_PROSE;
	if (framed(b->text, b->len, "{{<", ">}}") || framed(b->text, b->len, "{{%", "%}}"))
		return CL_ITEM_SHORTCODE;
	if (b->len >= 3 && !memcmp(b->text, ":::", 3))
		return CL_ITEM_ADMONITION;
	return CL_ITEM_PROSE;
}

static void put_prose(cl_item *out, const cl_document *doc, size_t block)
{
	memset(out, 0, sizeof(*out));
	out->kind = prose_kind(&doc->blocks[block]);
	out->block = (long)block;
	block_range(&doc->blocks[block], &out->start, &out->end);
}

void cl_document_keep_markup_block(cl_document *doc)
{
	const cl_block *b = &doc->blocks[doc->nblocks - 1];
	size_t start, end;
	block_range(b, &start, &end);
	bool shortcode = framed(b->text, b->len, "{{<", ">}}") || framed(b->text, b->len, "{{%", "%}}");
	char *code = cl_strndup(b->text, b->len);
	cl_document_drop_tail(doc);
	cl_item *item = cl_document_add_item(doc, shortcode ? CL_ITEM_SHORTCODE : CL_ITEM_HTML, start);
	item->end = end;
	item->code = code;
}

void cl_document_finish_items(cl_document *doc)
{
	size_t n = doc->nitems + doc->nblocks, k = 0, b = 0;
	cl_item *all = cl_calloc(n ? n : 1, sizeof(cl_item));
	for (size_t i = 0; i < doc->nitems; i++) {
		size_t before = (size_t)doc->items[i].block;
		for (; b < before && b < doc->nblocks; b++)
			put_prose(&all[k++], doc, b);
		all[k] = doc->items[i];
		all[k++].block = -1;
	}
	for (; b < doc->nblocks; b++)
		put_prose(&all[k++], doc, b);
	free(doc->items);
	doc->items = all;
	doc->nitems = doc->items_cap = n;
}

void cl_document_dispose_items(cl_document *doc)
{
	for (size_t i = 0; i < doc->nitems; i++) {
		free(doc->items[i].info);
		free(doc->items[i].code);
	}
	for (size_t i = 0; i < doc->nlinks; i++)
		free(doc->links[i].target);
	free(doc->items);
	free(doc->links);
	doc->items = NULL;
	doc->links = NULL;
	doc->nitems = doc->nlinks = 0;
}
