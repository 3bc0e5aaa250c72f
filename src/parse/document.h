/* The document model: what every rule sees, whatever the file format.
 *
 * A document is a list of prose blocks. Each block's text is what a reader
 * reads (entities decoded, markup removed) and carries a map from its bytes
 * back to byte offsets in the source file, plus spans of text inside it that
 * are not prose (inline code, URLs, raw HTML). */
#ifndef CL_PARSE_DOCUMENT_H
#define CL_PARSE_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	CL_FORMAT_TEXT = 0,
	CL_FORMAT_MARKDOWN
} cl_format;

typedef enum {
	CL_BLOCK_HEADING = 0,
	CL_BLOCK_PARAGRAPH,
	CL_BLOCK_LIST_ITEM,
	CL_BLOCK_QUOTE,
	CL_BLOCK_TABLE_CELL,
	CL_BLOCK_FIELD,   /* a front-matter value that is prose (title, ...) */
	CL_BLOCK_CAPTION  /* image alt text */
} cl_block_kind;

typedef enum {
	CL_SPAN_CODE = 0,
	CL_SPAN_URL,
	CL_SPAN_HTML,
	CL_SPAN_MATH,
	/* Template and component markup that Markdown reads as text: Hugo
	 * shortcodes ({{< x >}}, {{% x %}}); in MDX, import/export statements,
	 * JSX tags and {expressions}. */
	CL_SPAN_MARKUP
} cl_span_kind;

/* [start, end) of block text that is not prose. */
typedef struct {
	size_t start, end;
	cl_span_kind kind;
} cl_span;

/* text[text_at .. text_at+text_len) came from src[src_at .. src_at+src_len).
 * Equal lengths: byte for byte; otherwise (an entity, an escape) the whole
 * piece maps to the whole source range. */
typedef struct {
	size_t text_at, text_len;
	size_t src_at, src_len;
} cl_piece;

typedef struct {
	cl_block_kind kind;
	int level;          /* heading level 1-6, list nesting depth; else 0 */
	long parent;        /* index of the heading this block is under; -1 */
	const char *field;  /* CL_BLOCK_FIELD: the front-matter key */
	/* CL_BLOCK_HEADING: an explicit id (`## Title {#the-id}`), owned, NULL
	 * when none; it is not part of text. heading_id_at is the source offset
	 * of the id's first byte (after the `#`). */
	char *heading_id;
	size_t heading_id_at;
	char *text;
	size_t len, text_cap;
	cl_piece *pieces;
	size_t npieces, pieces_cap;
	cl_span *spans;
	size_t nspans, spans_cap;
	/* Written in another language than the document's: set by the core
	 * (src/checks/langid.c) before the rules run, when a rule needs it. */
	bool foreign;
} cl_block;

/* A front-matter scalar (every top-level key, prose or not). */
typedef struct {
	char *key;
	char *value;
	size_t value_start, value_end;  /* source bytes of the value as written */
	size_t key_start;
} cl_field;

typedef enum {
	CL_DIRECTIVE_DISABLE = 0,
	CL_DIRECTIVE_ENABLE,
	CL_DIRECTIVE_DISABLE_NEXT_LINE,
	CL_DIRECTIVE_WORDS
} cl_directive_kind;

/* An inline comment that steers copylint, such as
 * <!-- copylint-disable-next-line repeated-word -->. */
typedef struct {
	cl_directive_kind kind;
	size_t start, end;  /* source bytes of the comment */
	char *args;         /* rule ids or words, space-separated; "" for all */
} cl_directive;

/* A front-matter key given a second time: its bytes, and what to say. */
typedef struct {
	size_t at, end;
	char *message;
} cl_duplicate_key;
/* The page's skeleton: every block in order, prose or not, for aligning a
 * translation with its source. Prose items point at their cl_block; the
 * others (code, HTML/MDX, tables, shortcodes, admonitions) are what prose
 * rules skip. */
typedef enum {
	CL_ITEM_PROSE = 0,
	CL_ITEM_CODE,        /* fenced or indented code block */
	CL_ITEM_HTML,        /* an HTML block, MDX/JSX included */
	CL_ITEM_TABLE,       /* the table's start; its cells follow as prose items */
	CL_ITEM_SHORTCODE,   /* a paragraph that is only a Hugo shortcode, {{< x >}} or {{% x %}} */
	CL_ITEM_ADMONITION   /* a paragraph that opens or closes a ::: admonition */
} cl_item_kind;

typedef struct {
	cl_item_kind kind;
	size_t start, end;  /* source bytes */
	long block;         /* the prose block (also for shortcodes and admonitions), or -1 */
	char *info;         /* code: the info string ("" for none) */
	char *code;         /* code: its text; HTML: the raw block */
} cl_item;

/* A link or image target in a prose block. */
typedef struct {
	long block;
	char *target;
	size_t at;          /* source byte of the target, or of the link when unknown */
	bool image;
} cl_link;

typedef struct {
	const char *path;
	const char *data;   /* source bytes, borrowed; may hold ill-formed UTF-8, which
	                     * every decoder here reads as U+FFFD */
	size_t len;
	cl_format format;
	char *lang;         /* from front matter, or NULL */
	size_t body_start;  /* first byte after front matter */
	bool has_front_matter;
	cl_block *blocks;
	size_t nblocks, blocks_cap;
	cl_field *fields;
	size_t nfields, fields_cap;
	cl_directive *directives;
	size_t ndirectives, directives_cap;
	/* Problems the parse stage saw that a rule reports. */
	size_t invalid_utf8_count, first_invalid_utf8;
	unsigned char first_invalid_byte;
	char *front_matter_error;
	size_t front_matter_error_at;
	cl_duplicate_key *front_matter_duplicates;
	size_t nfront_matter_duplicates, nfront_matter_duplicates_cap;
	/* The skeleton (Markdown; plain text: its prose blocks), and the links. */
	cl_item *items;
	size_t nitems, items_cap;
	cl_link *links;
	size_t nlinks, links_cap;
} cl_document;

void cl_document_init(cl_document *doc, const char *path, const char *data, size_t len, cl_format format);
void cl_document_dispose(cl_document *doc);

cl_block *cl_document_add_block(cl_document *doc, cl_block_kind kind, int level);
/* Drops the last block when it holds no text (md4c opens blocks that may
 * stay empty). */
void cl_document_drop_empty_tail(cl_document *doc);
/* Drops the last block, whatever it holds. */
void cl_document_drop_tail(cl_document *doc);
/* Links every block to the heading it stands under. */
void cl_document_link_parents(cl_document *doc);

/* Appends len bytes of text that came from src_len bytes at src_at. */
void cl_block_append(cl_block *block, const char *text, size_t len, size_t src_at, size_t src_len);
/* Marks block text [start, end) as not prose. Spans are added in order and
 * do not overlap; a span of the same kind that starts where the last one
 * ends extends it. */
void cl_block_add_span(cl_block *block, size_t start, size_t end, cl_span_kind kind);
/* Cuts block text back to its first len bytes (pieces and spans too). */
void cl_block_truncate(cl_block *block, size_t len);

/* The source offset of block text offset at (start of a piece), and of the
 * end of a span ending at text offset end. */
size_t cl_block_source_start(const cl_block *block, size_t at);
size_t cl_block_source_end(const cl_block *block, size_t end);
/* True when any byte of block text [start, end) lies in a non-prose span. */
bool cl_block_in_span(const cl_block *block, size_t start, size_t end);

/* Adds a non-prose item after the prose blocks so far (src/parse/items.c). */
cl_item *cl_document_add_item(cl_document *doc, cl_item_kind kind, size_t start);
void cl_document_add_link(cl_document *doc, long block, const char *target, size_t len, size_t at, bool image);
/* Drops the last prose block, which holds only markup (a Hugo shortcode, an
 * MDX tag or expression), and keeps it in the skeleton instead: prose rules
 * must not read it, alignment must see it. */
void cl_document_keep_markup_block(cl_document *doc);
/* Puts the prose blocks among the items, in page order, once parsing ends. */
void cl_document_finish_items(cl_document *doc);
void cl_document_dispose_items(cl_document *doc);

cl_format cl_format_for_path(const char *path);

#endif
