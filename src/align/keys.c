/* What makes an item recognisable across languages: the anchor keys. */
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "align_internal.h"

const char *cl_align_heading_id(const cl_block *block, size_t *len)
{
	if (block->kind != CL_BLOCK_HEADING || !block->heading_id)
		return NULL;
	*len = strlen(block->heading_id);
	return block->heading_id;
}

/* A URL without the language segments translations swap (/fr/, /en-US/),
 * its scheme and host kept. */
static void put_target(cl_buf *key, const char *target)
{
	for (const char *p = target; *p;) {
		size_t n = strcspn(p, "/#?");
		bool lang_seg = n >= 2 && n <= 5 && (p == target || p[-1] == '/') && (p[n] == '/' || !p[n]);
		for (size_t i = 0; lang_seg && i < n; i++)
			if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || p[i] == '-' || p[i] == '_'))
				lang_seg = false;
		if (lang_seg && (n == 2 || p[2] == '-' || p[2] == '_'))
			cl_buf_puts(key, "*");
		else
			cl_buf_put(key, p, n);
		p += n;
		if (*p)
			cl_buf_putc(key, *p++);
	}
	cl_buf_putc(key, '\x1f');
}

static void put_digits(cl_buf *key, const cl_block *b, size_t *count)
{
	for (size_t i = 0; i < b->len; i++) {
		if (b->text[i] >= '0' && b->text[i] <= '9') {
			cl_buf_putc(key, b->text[i]);
			(*count)++;
		} else if (key->size && key->ptr[key->size - 1] != ' ') {
			cl_buf_putc(key, ' ');
		}
	}
}

char *cl_align_item_key(const cl_document *doc, size_t index, size_t first_link)
{
	const cl_item *item = &doc->items[index];
	cl_buf key = CL_BUF_INIT;
	if (item->kind == CL_ITEM_CODE && item->code && item->code[0]) {
		cl_buf_puts(&key, "c:");
		cl_buf_puts(&key, item->code);
		return cl_buf_detach(&key);
	}
	if (item->block < 0)
		return NULL;
	const cl_block *b = &doc->blocks[item->block];
	size_t idlen, digits = 0;
	const char *id = cl_align_heading_id(b, &idlen);
	if (id) {
		cl_buf_puts(&key, "h:");
		cl_buf_put(&key, id, idlen);
		return cl_buf_detach(&key);
	}
	size_t nlinks = 0;
	cl_buf_puts(&key, "l:");
	for (size_t i = first_link; i < doc->nlinks && doc->links[i].block == item->block; i++, nlinks++)
		put_target(&key, doc->links[i].target);
	if (nlinks)
		return cl_buf_detach(&key);
	cl_buf_clear(&key);
	cl_buf_puts(&key, "n:");
	put_digits(&key, b, &digits);
	if (digits >= 3)
		return cl_buf_detach(&key);
	cl_buf_dispose(&key);
	return NULL;
}

/* The section where translators credit themselves, which translations of
 * man pages (po4a) add at the end: not a section the source lost. */
bool cl_align_credits_heading(const cl_document *doc, size_t item)
{
	if (doc->items[item].block < 0 || doc->blocks[doc->items[item].block].kind != CL_BLOCK_HEADING)
		return false;
	static const char *const names[] = {
		"TRANSLATION", "Translation", "ÜBERSETZUNG", "Übersetzung", "TRADUCTION", "Traduction",
		"PŘEKLAD", "Překlad", "PREKLAD", "Preklad", "TŁUMACZENIE", "Tłumaczenie", "ПЕРЕВОД", "Перевод",
		"ПЕРЕКЛАД", "Переклад", "TRADUZIONE", "Traduzione", "TRADUCCIÓN", "Traducción", "TRADUÇÃO",
		"Tradução", "VERTALING", "Vertaling", "ÖVERSÄTTNING", "Översättning", "翻訳", "翻译", "번역", NULL
	};
	const cl_block *b = &doc->blocks[doc->items[item].block];
	const char *text = b->text;
	while (*text == ' ')
		text++;
	for (size_t i = 0; names[i]; i++)
		if (!strncmp(text, names[i], strlen(names[i])))
			return true;
	return false;
}

size_t cl_align_credits_start(const cl_document *doc)
{
	for (size_t i = doc->nitems; i-- > 0;) {
		const cl_item *it = &doc->items[i];
		if (it->block < 0 || doc->blocks[it->block].kind != CL_BLOCK_HEADING)
			continue;
		return cl_align_credits_heading(doc, i) ? i : doc->nitems;
	}
	return doc->nitems;
}
