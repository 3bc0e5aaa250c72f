/* src/parse: blocks, kinds, and the map from block text back to the bytes
 * of the file, through entities, escapes, tabs, CRLF and line breaks. */
#include <criterion/criterion.h>
#include <string.h>

#include "parse/parse.h"

static cl_document doc;

static void parse(const char *text, cl_format format)
{
	cl_document_init(&doc, "test", text, strlen(text), format);
	cl_parse_document(&doc);
}

static void done(void)
{
	cl_document_dispose(&doc);
}

/* The block whose text holds needle, and where. */
static const cl_block *block_with(const char *needle, size_t *at)
{
	for (size_t i = 0; i < doc.nblocks; i++) {
		const char *hit = strstr(doc.blocks[i].text, needle);
		if (hit) {
			*at = (size_t)(hit - doc.blocks[i].text);
			return &doc.blocks[i];
		}
	}
	cr_assert_fail("no block holds \"%s\"", needle);
	return NULL;
}

/* needle's first byte in the block maps to where source_needle is in the file. */
static void assert_maps(const char *needle, const char *source_needle)
{
	size_t at;
	const cl_block *block = block_with(needle, &at);
	const char *in_source = strstr(doc.data, source_needle);
	cr_assert_not_null(in_source);
	cr_assert_eq(cl_block_source_start(block, at), (size_t)(in_source - doc.data),
		     "\"%s\" maps to %zu, not %zu", needle, cl_block_source_start(block, at),
		     (size_t)(in_source - doc.data));
}

/* Every byte-for-byte piece must hold the same bytes as the source. */
static void assert_pieces_match_source(void)
{
	for (size_t b = 0; b < doc.nblocks; b++) {
		const cl_block *block = &doc.blocks[b];
		for (size_t p = 0; p < block->npieces; p++) {
			const cl_piece *piece = &block->pieces[p];
			if (piece->text_len == piece->src_len)
				cr_assert(!memcmp(block->text + piece->text_at, doc.data + piece->src_at, piece->text_len),
					  "block %zu piece %zu differs from the source", b, p);
		}
	}
}

Test(markdown, block_kinds_and_levels, .fini = done)
{
	parse("# Title\n\nSetext heading\n--------------\n\n- one item\n- two item\n\n"
	      "> quoted words\n\n| a cell | b cell |\n|---|---|\n| c cell | d cell |\n\n"
	      "```\nnot prose\n```\n\n    indented code\n\n<div>html block</div>\n", CL_FORMAT_MARKDOWN);
	size_t at;
	cr_assert_eq(block_with("Title", &at)->kind, CL_BLOCK_HEADING);
	cr_assert_eq(block_with("Title", &at)->level, 1);
	cr_assert_eq(block_with("Setext", &at)->level, 2);
	cr_assert_eq(block_with("one item", &at)->kind, CL_BLOCK_LIST_ITEM);
	cr_assert_eq(block_with("quoted", &at)->kind, CL_BLOCK_QUOTE);
	cr_assert_eq(block_with("d cell", &at)->kind, CL_BLOCK_TABLE_CELL);
	for (size_t i = 0; i < doc.nblocks; i++) {
		cr_assert_null(strstr(doc.blocks[i].text, "not prose"));
		cr_assert_null(strstr(doc.blocks[i].text, "indented code"));
		cr_assert_null(strstr(doc.blocks[i].text, "html block"));
	}
	assert_maps("Setext", "Setext");
	assert_maps("d cell", "d cell");
	assert_pieces_match_source();
}

Test(markdown, entities_map_to_their_source, .fini = done)
{
	parse("Tom &amp; Jerry &#233;t&eacute; &unknown; end\n", CL_FORMAT_MARKDOWN);
	size_t at;
	const cl_block *block = block_with("Tom & Jerry \xC3\xA9t\xC3\xA9 &unknown; end", &at);
	const char *amp = strstr(doc.data, "&amp;");
	size_t amp_text = strlen("Tom ");
	cr_assert_eq(cl_block_source_start(block, amp_text), (size_t)(amp - doc.data));
	cr_assert_eq(cl_block_source_end(block, amp_text + 1), (size_t)(amp - doc.data) + 5);
	assert_maps("Jerry", "Jerry");
	assert_maps("end", "end");
	assert_pieces_match_source();
}

Test(markdown, escapes_map_past_the_backslash, .fini = done)
{
	parse("a \\*literal\\* star\n", CL_FORMAT_MARKDOWN);
	size_t at;
	block_with("a *literal* star", &at);
	assert_maps("literal", "literal");
	assert_maps("* star", "* star");
	assert_pieces_match_source();
}

Test(markdown, tabs_crlf_and_breaks, .fini = done)
{
	parse("Tab\there and\r\nsoft break\r\nhard  \r\nbreak\\\nagain\r\n", CL_FORMAT_MARKDOWN);
	size_t at;
	const cl_block *block = block_with("Tab\there and soft break hard", &at);
	cr_assert_eq(doc.nblocks, 1);
	assert_maps("soft", "soft");
	assert_maps("break again", "break\\");
	assert_maps("again", "again");
	cr_assert_null(strchr(block->text, '\n'), "line breaks become spaces");
	assert_pieces_match_source();
}

Test(markdown, breaks_inside_every_block_type, .fini = done)
{
	parse("# Head\n\n- item one\n  continues\n\n> quote one\n> continues too\n\n| x |\n|---|\n| cell |\n",
	      CL_FORMAT_MARKDOWN);
	size_t at;
	block_with("item one continues", &at);
	block_with("quote one continues too", &at);
	assert_maps("continues too", "continues too");
	assert_maps("continues", "continues\n");
	assert_pieces_match_source();
}

Test(markdown, code_urls_and_html_are_spans_not_prose, .fini = done)
{
	parse("Run `make all` at <https://example.org/x> or [the site](https://target.example) "
	      "and <span>raw</span> html.\n", CL_FORMAT_MARKDOWN);
	size_t at;
	const cl_block *block = block_with("make all", &at);
	cr_assert(cl_block_in_span(block, at, at + 4));
	block_with("https://example.org/x", &at);
	cr_assert(cl_block_in_span(block, at, at + 5));
	cr_assert_null(strstr(block->text, "target.example"), "link targets are not text");
	block_with("the site", &at);
	cr_assert_not(cl_block_in_span(block, at, at + 3));
	block_with("<span>", &at);
	cr_assert(cl_block_in_span(block, at, at + 1));
	assert_pieces_match_source();
}

/* An href with an escape or an entity is unescaped by md4c into a buffer
 * it frees after each callback (under AddressSanitizer, reading it at the
 * end of the link was a use after free). Link text that is its target is
 * a URL, the same with or without them. */
Test(markdown, link_text_that_is_its_escaped_target_is_a_url, .fini = done)
{
	parse("See [http://a.example/x_y](http://a.example/x\\_y) and "
	      "[http://b.example/?p=1&q=2](http://b.example/?p=1&amp;q=2) and "
	      "[http://c.example/z_z](http://c.example/other).\n", CL_FORMAT_MARKDOWN);
	size_t at;
	const cl_block *block = block_with("http://a.example/x_y", &at);
	cr_assert(cl_block_in_span(block, at, at + 20));
	block_with("http://b.example/?p=1&q=2", &at);
	cr_assert(cl_block_in_span(block, at, at + 25));
	block_with("http://c.example/z_z", &at);
	cr_assert_not(cl_block_in_span(block, at, at + 20), "text that is not the target stays prose");
}

Test(markdown, directives_are_recorded, .fini = done)
{
	parse("<!-- copylint-disable-next-line repeated-word, duplicate-sentence -->\ntext text\n\n"
	      "Inline <!-- copylint-words: Netanyahu Rafah --> here.\n", CL_FORMAT_MARKDOWN);
	cr_assert_eq(doc.ndirectives, 2);
	cr_assert_eq(doc.directives[0].kind, CL_DIRECTIVE_DISABLE_NEXT_LINE);
	cr_assert_str_eq(doc.directives[0].args, "repeated-word duplicate-sentence");
	cr_assert_eq(doc.directives[1].kind, CL_DIRECTIVE_WORDS);
	cr_assert_str_eq(doc.directives[1].args, "Netanyahu Rafah");
}

Test(front_matter, prose_fields_language_and_positions, .fini = done)
{
	parse("---\ntitle: \"Hello, world\"\ndate: 2024-03-26 # published\nlang: cs\n"
	      "description: Plain words here\ntags: [a, b]\n---\n# Body\n", CL_FORMAT_MARKDOWN);
	cr_assert(doc.has_front_matter);
	cr_assert_str_eq(doc.lang, "cs");
	cr_assert_eq(doc.nfields, 4);
	cr_assert_str_eq(doc.fields[1].key, "date");
	cr_assert_str_eq(doc.fields[1].value, "2024-03-26");
	size_t at;
	cr_assert_eq(block_with("Hello, world", &at)->kind, CL_BLOCK_FIELD);
	assert_maps("Hello, world", "Hello, world");
	assert_maps("Plain words", "Plain words");
	assert_maps("Body", "Body");
}

Test(front_matter, broken_yaml_is_recorded_and_the_body_still_parsed, .fini = done)
{
	parse("---\ntitle: [unclosed\n---\nBody text here.\n", CL_FORMAT_MARKDOWN);
	cr_assert_not_null(doc.front_matter_error);
	size_t at;
	block_with("Body text here.", &at);
}

Test(front_matter, a_lone_fence_is_not_front_matter, .fini = done)
{
	parse("---\nno closing fence\n", CL_FORMAT_MARKDOWN);
	cr_assert_not(doc.has_front_matter);
}

Test(plaintext, structure_is_inferred, .fini = done)
{
	parse("\xEF\xBB\xBFTitle of the piece\n\nA first paragraph.\nIt continues here.\n\nSection\n\n"
	      "01 \xE2\x80\x93 First item\n02 \xE2\x80\x93 Second item\n- dash item\n\xE2\x80\xA2 bullet item\n"
	      "1. numbered item\n\nEnds with a full stop.\n", CL_FORMAT_TEXT);
	size_t at;
	const cl_block *title = block_with("Title of the piece", &at);
	cr_assert_eq(title->kind, CL_BLOCK_HEADING);
	cr_assert_eq(title->level, 1);
	cr_assert_eq(at, 0, "the BOM is not text");
	cr_assert_eq(block_with("Section", &at)->level, 2);
	cr_assert_eq(block_with("A first paragraph. It continues", &at)->kind, CL_BLOCK_PARAGRAPH);
	cr_assert_eq(block_with("Second item", &at)->kind, CL_BLOCK_LIST_ITEM);
	cr_assert_eq(block_with("dash item", &at)->kind, CL_BLOCK_LIST_ITEM);
	cr_assert_eq(block_with("bullet item", &at)->kind, CL_BLOCK_LIST_ITEM);
	cr_assert_eq(block_with("numbered item", &at)->kind, CL_BLOCK_LIST_ITEM);
	cr_assert_eq(block_with("Ends with", &at)->kind, CL_BLOCK_PARAGRAPH);
	assert_maps("It continues", "It continues");
	assert_pieces_match_source();
}

Test(plaintext, lone_cr_line_endings, .fini = done)
{
	parse("Heading line\r\rFirst line\rsecond line.\r", CL_FORMAT_TEXT);
	size_t at;
	cr_assert_eq(block_with("Heading line", &at)->kind, CL_BLOCK_HEADING);
	block_with("First line second line.", &at);
	assert_maps("second", "second");
}

Test(plaintext, long_lines_are_not_headings, .fini = done)
{
	parse("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen\n",
	      CL_FORMAT_TEXT);
	cr_assert_eq(doc.blocks[0].kind, CL_BLOCK_PARAGRAPH);
}

Test(markdown, nesting_deeper_than_the_stack, .fini = done)
{
	char text[1024] = "";
	for (int i = 0; i < 150; i++)
		strcat(text, "> ");
	strcat(text, "deep text\n");
	parse(text, CL_FORMAT_MARKDOWN);
	size_t at;
	cr_assert_eq(block_with("deep text", &at)->kind, CL_BLOCK_QUOTE);
}
