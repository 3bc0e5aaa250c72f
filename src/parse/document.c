#include "document.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"

void cl_document_init(cl_document *doc, const char *path, const char *data, size_t len, cl_format format)
{
	memset(doc, 0, sizeof(*doc));
	doc->path = path;
	doc->data = data;
	doc->len = len;
	doc->format = format;
	doc->first_invalid_utf8 = len;
}

static void block_dispose(cl_block *block)
{
	free(block->text);
	free(block->pieces);
	free(block->spans);
	free(block->heading_id);
}

void cl_document_dispose(cl_document *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++)
		block_dispose(&doc->blocks[i]);
	for (size_t i = 0; i < doc->nfields; i++) {
		free(doc->fields[i].key);
		free(doc->fields[i].value);
	}
	for (size_t i = 0; i < doc->ndirectives; i++)
		free(doc->directives[i].args);
	free(doc->blocks);
	free(doc->fields);
	free(doc->directives);
	free(doc->lang);
	free(doc->front_matter_error);
	for (size_t i = 0; i < doc->nfront_matter_duplicates; i++)
		free(doc->front_matter_duplicates[i].message);
	free(doc->front_matter_duplicates);
	cl_document_dispose_items(doc);
	memset(doc, 0, sizeof(*doc));
}

cl_block *cl_document_add_block(cl_document *doc, cl_block_kind kind, int level)
{
	CL_GROW(doc->blocks, doc->blocks_cap, doc->nblocks + 1);
	cl_block *block = &doc->blocks[doc->nblocks++];
	memset(block, 0, sizeof(*block));
	block->kind = kind;
	block->level = level;
	block->parent = -1;
	block->text = cl_strdup("");
	return block;
}

void cl_document_drop_empty_tail(cl_document *doc)
{
	if (doc->nblocks && doc->blocks[doc->nblocks - 1].len == 0)
		block_dispose(&doc->blocks[--doc->nblocks]);
}

void cl_document_drop_tail(cl_document *doc)
{
	if (doc->nblocks)
		block_dispose(&doc->blocks[--doc->nblocks]);
}

void cl_document_link_parents(cl_document *doc)
{
	/* open[level] = index of the latest heading of that level still open */
	long open[8];
	for (int i = 0; i < 8; i++)
		open[i] = -1;
	for (size_t i = 0; i < doc->nblocks; i++) {
		cl_block *block = &doc->blocks[i];
		if (block->kind == CL_BLOCK_HEADING) {
			int level = block->level < 1 ? 1 : block->level > 6 ? 6 : block->level;
			block->parent = -1;
			for (int l = level - 1; l >= 1; l--)
				if (open[l] >= 0) {
					block->parent = open[l];
					break;
				}
			open[level] = (long)i;
			for (int l = level + 1; l < 8; l++)
				open[l] = -1;
		} else {
			block->parent = -1;
			for (int l = 7; l >= 1; l--)
				if (open[l] >= 0) {
					block->parent = open[l];
					break;
				}
		}
	}
}

void cl_block_append(cl_block *block, const char *text, size_t len, size_t src_at, size_t src_len)
{
	if (!len)
		return;
	if (block->text_cap == 0) {
		free(block->text);  /* the shared empty string from add_block */
		block->text = NULL;
	}
	CL_GROW(block->text, block->text_cap, block->len + len + 1);
	memcpy(block->text + block->len, text, len);

	cl_piece *last = block->npieces ? &block->pieces[block->npieces - 1] : NULL;
	bool contiguous = last && len == src_len && last->text_len == last->src_len &&
			  last->src_at + last->src_len == src_at &&
			  last->text_at + last->text_len == block->len;
	if (contiguous) {
		last->text_len += len;
		last->src_len += len;
	} else {
		CL_GROW(block->pieces, block->pieces_cap, block->npieces + 1);
		block->pieces[block->npieces++] = (cl_piece){ block->len, len, src_at, src_len };
	}
	block->len += len;
	block->text[block->len] = '\0';
}

void cl_block_add_span(cl_block *block, size_t start, size_t end, cl_span_kind kind)
{
	if (end <= start)
		return;
	cl_span *last = block->nspans ? &block->spans[block->nspans - 1] : NULL;
	if (last && last->kind == kind && last->end == start) {
		last->end = end;
		return;
	}
	CL_GROW(block->spans, block->spans_cap, block->nspans + 1);
	block->spans[block->nspans++] = (cl_span){ start, end, kind };
}

void cl_block_truncate(cl_block *block, size_t len)
{
	if (len >= block->len)
		return;
	while (block->npieces && block->pieces[block->npieces - 1].text_at >= len)
		block->npieces--;
	if (block->npieces) {
		cl_piece *last = &block->pieces[block->npieces - 1];
		size_t keep = len - last->text_at;
		if (keep < last->text_len && last->text_len == last->src_len)
			last->src_len = keep;
		if (keep < last->text_len)
			last->text_len = keep;
	}
	while (block->nspans && block->spans[block->nspans - 1].start >= len)
		block->nspans--;
	if (block->nspans && block->spans[block->nspans - 1].end > len)
		block->spans[block->nspans - 1].end = len;
	block->len = len;
	block->text[len] = '\0';
}

static const cl_piece *piece_at(const cl_block *block, size_t at)
{
	size_t lo = 0, hi = block->npieces;
	if (!hi)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (block->pieces[mid].text_at <= at)
			lo = mid;
		else
			hi = mid;
	}
	return &block->pieces[lo];
}

size_t cl_block_source_start(const cl_block *block, size_t at)
{
	const cl_piece *p = piece_at(block, at);
	if (!p)
		return 0;
	size_t into = at - p->text_at;
	if (p->text_len == p->src_len)
		return p->src_at + (into < p->src_len ? into : p->src_len);
	return into >= p->text_len ? p->src_at + p->src_len : p->src_at;
}

size_t cl_block_source_end(const cl_block *block, size_t end)
{
	if (end == 0)
		return cl_block_source_start(block, 0);
	const cl_piece *p = piece_at(block, end - 1);
	if (!p)
		return 0;
	size_t into = end - p->text_at;
	if (p->text_len == p->src_len)
		return p->src_at + (into < p->src_len ? into : p->src_len);
	return p->src_at + p->src_len;
}

bool cl_block_in_span(const cl_block *block, size_t start, size_t end)
{
	/* The first span that ends after start is the only candidate. */
	size_t lo = 0, hi = block->nspans;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (block->spans[mid].end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < block->nspans && block->spans[lo].start < end;
}

cl_format cl_format_for_path(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (dot && strchr(dot, '/'))
		dot = NULL;
	if (dot && (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown") ||
		    !strcasecmp(dot, ".mdx") || !strcasecmp(dot, ".mdown") ||
		    !strcasecmp(dot, ".mkd")))
		return CL_FORMAT_MARKDOWN;
	return CL_FORMAT_TEXT;
}
