/* Markdown through md4c. md4c reports no source positions, but for normal
 * text it hands out pointers into the buffer it parses: the offset of a
 * piece is its pointer minus the buffer start. Text it synthesises (a soft
 * break, a decoded NUL) gets the position right after the previous piece. */
#include <md4c.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "parse.h"

#define MAX_DEPTH 64

typedef struct {
	cl_document *doc;
	MD_BLOCKTYPE stack[MAX_DEPTH];
	int heading_level[MAX_DEPTH];
	int depth;
	cl_block *current;     /* the prose block receiving text, or NULL */
	int code_span_depth;   /* inside `code` */
	int math_depth;
	/* The link being read: where its text starts in the block, and its
	 * target. Link text that is its own target is an autolink: a URL. */
	size_t link_text_start;
	cl_block *link_block;
	size_t last_src_end;   /* just past the last piece placed */
	cl_markup markup;      /* shortcodes, MDX: text there is CL_SPAN_MARKUP */
	bool html_in_markup;   /* the current block holds raw HTML that is markup */
	/* The code or HTML block being read for the skeleton: its item, or -1,
	 * and its text. */
	long open_item;
	bool item_has_text;
	cl_buf item_text;
} md_state;

static bool inside(const md_state *st, const char *p)
{
	return p >= st->doc->data && p < st->doc->data + st->doc->len;
}

/* A block of markup alone (an MDX import, a component's tags, a shortcode
 * on its own line) is no prose block at all. markup: the block holds raw
 * HTML that lies in a markup range (md4c reads a JSX tag as inline HTML). */
static bool markup_only(const cl_block *block, bool markup)
{
	size_t at = 0;
	for (size_t k = 0; k < block->nspans; k++) {
		const cl_span *span = &block->spans[k];
		for (; at < span->start; at++)
			if (!strchr(" \t\r\n", block->text[at]))
				return false;
		markup |= span->kind == CL_SPAN_MARKUP;
		if (span->kind != CL_SPAN_MARKUP && span->kind != CL_SPAN_HTML)
			return false;
		at = span->end;
	}
	for (; at < block->len; at++)
		if (!strchr(" \t\r\n", block->text[at]))
			return false;
	return markup;
}

static void close_block(md_state *st)
{
	if (st->current && markup_only(st->current, st->html_in_markup))
		cl_document_keep_markup_block(st->doc);
	else if (st->current)
		cl_document_drop_empty_tail(st->doc);
	st->current = NULL;
	st->html_in_markup = false;
}

/* The kind of prose block text belongs to, from the innermost container;
 * -1 when the text is not prose (code block, raw HTML block). */
static int block_kind_for(const md_state *st, int *level)
{
	*level = 0;
	/* Containers nested deeper than the stack holds are read as the
	 * innermost one it kept. */
	int top = st->depth < MAX_DEPTH ? st->depth : MAX_DEPTH;
	for (int i = top - 1; i >= 0; i--) {
		switch (st->stack[i]) {
		case MD_BLOCK_CODE:
		case MD_BLOCK_HTML:
			return -1;
		case MD_BLOCK_H:
			*level = st->heading_level[i];
			return CL_BLOCK_HEADING;
		case MD_BLOCK_TH:
		case MD_BLOCK_TD:
			return CL_BLOCK_TABLE_CELL;
		case MD_BLOCK_QUOTE:
			return CL_BLOCK_QUOTE;
		case MD_BLOCK_LI:
			return CL_BLOCK_LIST_ITEM;
		default:
			break;
		}
	}
	return CL_BLOCK_PARAGRAPH;
}

static char *attribute(const MD_ATTRIBUTE *a)
{
	return cl_strndup(a->text ? a->text : "", a->text ? a->size : 0);
}

/* Code blocks, HTML blocks and tables become items of the skeleton. */
static void open_item(md_state *st, MD_BLOCKTYPE type, void *detail)
{
	if (type == MD_BLOCK_TABLE) {
		cl_document_add_item(st->doc, CL_ITEM_TABLE, st->last_src_end);
		return;
	}
	if ((type != MD_BLOCK_CODE && type != MD_BLOCK_HTML) || st->open_item >= 0)
		return;
	cl_item *item = cl_document_add_item(st->doc, type == MD_BLOCK_CODE ? CL_ITEM_CODE : CL_ITEM_HTML,
					     st->last_src_end);
	if (type == MD_BLOCK_CODE)
		item->info = attribute(&((MD_BLOCK_CODE_DETAIL *)detail)->info);
	st->open_item = (long)(st->doc->nitems - 1);
	st->item_has_text = false;
	cl_buf_clear(&st->item_text);
}

static void close_item(md_state *st, MD_BLOCKTYPE type)
{
	if ((type != MD_BLOCK_CODE && type != MD_BLOCK_HTML) || st->open_item < 0)
		return;
	cl_item *item = &st->doc->items[st->open_item];
	item->code = cl_strndup(st->item_text.ptr ? st->item_text.ptr : "", st->item_text.size);
	st->open_item = -1;
}

/* Text of the open code or HTML item; its span grows to hold it. */
static void item_text(md_state *st, const char *text, size_t size, bool in_source)
{
	cl_item *item = &st->doc->items[st->open_item];
	cl_buf_put(&st->item_text, text, size);
	if (!in_source)
		return;
	size_t at = (size_t)(text - st->doc->data);
	if (!st->item_has_text)
		item->start = at;
	item->end = at + size;
	st->item_has_text = true;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	md_state *st = userdata;
	close_block(st);
	open_item(st, type, detail);
	if (st->depth < MAX_DEPTH) {
		st->stack[st->depth] = type;
		st->heading_level[st->depth] = type == MD_BLOCK_H ? (int)((MD_BLOCK_H_DETAIL *)detail)->level : 0;
	}
	st->depth++;
	return 0;
}

/* `## Title {#the-id}`: the id names the heading's anchor; it is not part of
 * the heading's text. Kept on the block for the rules that align headings. */
static void take_heading_id(cl_block *block)
{
	size_t end = block->len;
	while (end && strchr(" \t\r\n", block->text[end - 1]))
		end--;
	if (!end || block->text[end - 1] != '}')
		return;
	size_t open = end - 1;
	while (open && block->text[open - 1] != '{' && block->text[open - 1] != '}')
		open--;
	if (!open || block->text[open - 1] != '{' || block->text[open] != '#')
		return;
	size_t id = open + 1, id_end = id;
	while (id_end < end - 1 && !strchr(" \t}", block->text[id_end]))
		id_end++;
	if (id_end == id)
		return;
	free(block->heading_id);
	block->heading_id = cl_strndup(block->text + id, id_end - id);
	block->heading_id_at = cl_block_source_start(block, id);
	open--;
	while (open && strchr(" \t", block->text[open - 1]))
		open--;
	cl_block_truncate(block, open);
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	md_state *st = userdata;
	(void)detail;
	if (type == MD_BLOCK_H && st->current && st->current->kind == CL_BLOCK_HEADING)
		take_heading_id(st->current);
	close_block(st);
	close_item(st, type);
	st->depth--;
	return 0;
}

static void begin_link(md_state *st)
{
	st->link_block = st->current;
	st->link_text_start = st->current ? st->current->len : 0;
}

static bool href_is_text(const char *href, size_t href_len, const char *text, size_t len)
{
	static const char *const schemes[] = { "", "mailto:", "http://", NULL };
	for (size_t i = 0; schemes[i]; i++) {
		size_t slen = strlen(schemes[i]);
		if (href_len == slen + len && !strncmp(href, schemes[i], slen) &&
		    !memcmp(href + slen, text, len))
			return true;
	}
	return false;
}

/* md4c builds an href that needs unescaping in a buffer of its own, freed
 * after each callback: the href is read from the detail of the leave call,
 * never kept from the enter call. */
static void add_link(md_state *st, const MD_ATTRIBUTE *href, bool image)
{
	cl_document *doc = st->doc;
	long block = st->current ? (long)(st->current - doc->blocks) : -1;
	size_t at = href->text && inside(st, href->text) ? (size_t)(href->text - doc->data) : st->last_src_end;
	cl_document_add_link(doc, block, href->text ? href->text : "", href->text ? href->size : 0, at, image);
}

static void end_link(md_state *st, const MD_SPAN_A_DETAIL *detail)
{
	cl_block *block = st->current;
	add_link(st, &detail->href, false);
	/* Link text already marked (markup that holds a URL) keeps its span:
	 * spans never overlap. */
	bool marked = block && block->nspans && block->spans[block->nspans - 1].end > st->link_text_start;
	if (block && block == st->link_block && block->len > st->link_text_start && !marked &&
	    href_is_text(detail->href.text, detail->href.size, block->text + st->link_text_start,
			 block->len - st->link_text_start))
		cl_block_add_span(block, st->link_text_start, block->len, CL_SPAN_URL);
	st->link_block = NULL;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	md_state *st = userdata;
	if (type == MD_SPAN_CODE)
		st->code_span_depth++;
	else if (type == MD_SPAN_A)
		begin_link(st);
	else if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY)
		st->math_depth++;
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	md_state *st = userdata;
	if (type == MD_SPAN_CODE)
		st->code_span_depth--;
	else if (type == MD_SPAN_A)
		end_link(st, detail);
	else if (type == MD_SPAN_IMG)
		add_link(st, &((MD_SPAN_IMG_DETAIL *)detail)->src, true);
	else if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY)
		st->math_depth--;
	return 0;
}

static cl_block *current_block(md_state *st)
{
	int level, kind = block_kind_for(st, &level);
	if (kind < 0)
		return NULL;
	if (!st->current)
		st->current = cl_document_add_block(st->doc, (cl_block_kind)kind, level);
	return st->current;
}

/* Appends text as it maps to the source, marking non-prose spans. */
static void place(md_state *st, cl_block *block, const char *text, size_t len,
		  size_t src_at, size_t src_len, int span_kind)
{
	size_t before = block->len;
	cl_block_append(block, text, len, src_at, src_len);
	if (span_kind >= 0)
		cl_block_add_span(block, before, block->len, (cl_span_kind)span_kind);
	st->last_src_end = src_at + src_len;
}

/* The first markup range that ends after src. */
static size_t markup_from(const md_state *st, size_t src)
{
	size_t lo = 0, hi = st->markup.count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->markup.ranges[mid].end <= src)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool in_markup(const md_state *st, size_t src)
{
	size_t k = markup_from(st, src);
	return k < st->markup.count && st->markup.ranges[k].start <= src;
}

/* Places text that maps byte for byte to src, its parts in markup ranges
 * as CL_SPAN_MARKUP. */
static void place_split(md_state *st, cl_block *block, const char *text, size_t len, size_t src, int kind)
{
	size_t k = markup_from(st, src), done = 0;
	while (done < len) {
		const cl_byte_range *r = k < st->markup.count ? &st->markup.ranges[k] : NULL;
		size_t at = src + done;
		if (!r || r->start >= src + len) {
			place(st, block, text + done, len - done, at, len - done, kind);
			return;
		}
		size_t cut = r->start > at ? r->start : (r->end < src + len ? r->end : src + len);
		place(st, block, text + done, cut - at, at, cut - at, r->start > at ? kind : CL_SPAN_MARKUP);
		done = cut - src;
		if (cut >= r->end)
			k++;
	}
}

static int span_kind_now(const md_state *st)
{
	if (st->code_span_depth)
		return CL_SPAN_CODE;
	if (st->math_depth)
		return CL_SPAN_MATH;
	return -1;
}

static void place_entity(md_state *st, cl_block *block, const char *text, size_t len, size_t src)
{
	char decoded[8];
	size_t n = cl_entity_decode(text, len, decoded);
	int kind = in_markup(st, src) ? CL_SPAN_MARKUP : span_kind_now(st);
	if (n)
		place(st, block, decoded, n, src, len, kind);
	else
		place(st, block, text, len, src, len, kind);
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
	md_state *st = userdata;
	bool in_source = inside(st, text);
	size_t src = in_source ? (size_t)(text - st->doc->data) : st->last_src_end;

	if (type == MD_TEXT_HTML && in_source)
		cl_parse_directives(st->doc, src, size);
	if (st->open_item >= 0 && block_kind_for(st, &(int){ 0 }) < 0)
		item_text(st, text, size, in_source);
	cl_block *block = current_block(st);
	if (!block)
		return 0;

	switch (type) {
	case MD_TEXT_BR:
	case MD_TEXT_SOFTBR:
		place(st, block, " ", 1, st->last_src_end, 0,
		      st->last_src_end && in_markup(st, st->last_src_end - 1) && in_markup(st, st->last_src_end)
			      ? CL_SPAN_MARKUP : -1);
		break;
	case MD_TEXT_NULLCHAR:
		place(st, block, "\xEF\xBF\xBD", 3, src, in_source ? 1 : 0, -1);
		break;
	case MD_TEXT_ENTITY:
		place_entity(st, block, text, size, src);
		break;
	case MD_TEXT_HTML:
		st->html_in_markup |= in_source && in_markup(st, src);
		place(st, block, text, size, src, in_source ? size : 0, CL_SPAN_HTML);
		break;
	case MD_TEXT_CODE:
		if (!in_source)  /* a line break inside a code span */
			place(st, block, " ", 1, src, 0, in_markup(st, src) ? CL_SPAN_MARKUP : CL_SPAN_CODE);
		else
			place_split(st, block, text, size, src, CL_SPAN_CODE);
		break;
	default:
		if (in_source && !st->code_span_depth && !st->math_depth)
			place_split(st, block, text, size, src, -1);
		else
			place(st, block, text, size, src, in_source ? size : 0, span_kind_now(st));
		break;
	}
	return 0;
}

static bool is_mdx(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	return dot && !strchr(dot, '/') && !strcasecmp(dot, ".mdx");
}

void cl_parse_markdown(cl_document *doc, size_t from)
{
	md_state st;
	memset(&st, 0, sizeof(st));
	st.doc = doc;
	st.last_src_end = from;
	cl_parse_markup(&st.markup, doc->data, from, doc->len, is_mdx(doc->path));
	st.open_item = -1;

	MD_PARSER parser;
	memset(&parser, 0, sizeof(parser));
	parser.abi_version = 0;
	parser.flags = MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS;
	parser.enter_block = enter_block;
	parser.leave_block = leave_block;
	parser.enter_span = enter_span;
	parser.leave_span = leave_span;
	parser.text = on_text;
	md_parse(doc->data + from, (MD_SIZE)(doc->len - from), &parser, &st);
	close_block(&st);
	cl_markup_dispose(&st.markup);
	cl_buf_dispose(&st.item_text);
}
