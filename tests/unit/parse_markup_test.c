/* src/parse: markup that Markdown reads as text. Explicit heading ids are
 * kept off the heading's text; Hugo shortcodes and, in MDX, import/export
 * statements, JSX tags and {expressions} are CL_SPAN_MARKUP, and a block of
 * markup alone is no block. Plus what the rules see of it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "parse/parse.h"

static cl_document doc;

static void parse(const char *path, const char *text)
{
	cl_document_init(&doc, path, text, strlen(text), cl_format_for_path(path));
	cl_parse_document(&doc);
}

static void done(void)
{
	cl_document_dispose(&doc);
}

/* The text of every block, one per line, markup spans written as [..]. */
static char *outline(void)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	for (size_t b = 0; b < doc.nblocks; b++) {
		const cl_block *block = &doc.blocks[b];
		size_t span = 0;
		for (size_t i = 0; i < block->len; i++) {
			while (span < block->nspans && block->spans[span].end <= i)
				span++;
			bool markup = span < block->nspans && block->spans[span].kind == CL_SPAN_MARKUP &&
				      block->spans[span].start <= i;
			if (markup && block->spans[span].start == i)
				fputc('[', fp);
			fputc(block->text[i], fp);
			if (markup && block->spans[span].end == i + 1)
				fputc(']', fp);
		}
		fputc('\n', fp);
	}
	fclose(fp);
	return out;
}

static void assert_outline(const char *expected)
{
	char *got = outline();
	cr_assert_str_eq(got, expected);
	free(got);
}

/* ---- heading ids and comments ----------------------------------------- */

Test(markup, heading_id_is_data_not_text, .fini = done)
{
	const char *text = "## No que posso contribuir? {#what-can-i-contribute-to}\n\n# Title{#t .wide}\n\n"
			   "## Set {x} and {#y}\n";
	parse("a.md", text);
	cr_assert_eq(doc.nblocks, 3);
	cr_assert_str_eq(doc.blocks[0].text, "No que posso contribuir?");
	cr_assert_str_eq(doc.blocks[0].heading_id, "what-can-i-contribute-to");
	cr_assert_eq(doc.blocks[0].heading_id_at, (size_t)(strstr(text, "what-can") - text));
	cr_assert_eq(doc.blocks[0].npieces, 1);
	cr_assert_eq(doc.blocks[0].pieces[0].src_len, strlen("No que posso contribuir?"));
	cr_assert_str_eq(doc.blocks[1].text, "Title");
	cr_assert_str_eq(doc.blocks[1].heading_id, "t");
	cr_assert_str_eq(doc.blocks[2].text, "Set {x} and");
	cr_assert_str_eq(doc.blocks[2].heading_id, "y");
}

Test(markup, braces_that_are_no_id_stay, .fini = done)
{
	parse("a.md", "## Use {name}\n\n## Empty {#}\n\nA paragraph {#not-an-id}\n");
	cr_assert_str_eq(doc.blocks[0].text, "Use {name}");
	cr_assert_null(doc.blocks[0].heading_id);
	cr_assert_str_eq(doc.blocks[1].text, "Empty {#}");
	cr_assert_null(doc.blocks[1].heading_id);
	cr_assert_str_eq(doc.blocks[2].text, "A paragraph {#not-an-id}");
}

Test(markup, a_heading_id_is_not_english)
{
	copylint_results *r = check_text("a.md", "# Glossário\n\n## No que posso contribuir? {#what-can-i-contribute-to}\n\n"
					 "Você pode contribuir com novos termos, traduções e revisões do glossário.\n",
					 "pt-BR", "untranslated");
	cr_assert_eq(count_rule(r, "untranslated"), 0);
	copylint_results_free(r);
}

Test(markup, comments_are_not_heading_text)
{
	copylint_results *r = check_text("a.md", "# Guide\n\n## Notes <!-- a -->\n\nText.\n\n## Notes <!-- b -->\n",
					 "en-US", "repeated-heading");
	cr_assert_eq(count_rule(r, "repeated-heading"), 1);
	cr_assert_not_null(find_at(r, "repeated-heading", 7, 4));
	copylint_results_free(r);
	r = check_text("a.md", "# Guide\n\n## Notes <!-- a -->\n\nText.\n\n## Notes on it <!-- a -->\n", "en-US",
		       "repeated-heading");
	cr_assert_eq(count_rule(r, "repeated-heading"), 0);
	copylint_results_free(r);
}

/* ---- Hugo shortcodes --------------------------------------------------- */

Test(markup, hugo_shortcodes, .fini = done)
{
	parse("a.md", "{{< figure src=\"a.png\"\n    caption=\"A caption\" >}}\n\n"
		      "Set {{% param \"name\" %}} in the file. Write `{{< x` as code.\n\n"
		      "{{< note >}}\nKeep a copy.\n{{< /note >}}\n\n```\n{{< not markup >}}\n```\n");
	assert_outline("Set [{{% param \"name\" %}}] in the file. Write {{< x as code.\n"
		       "[{{< note >}}] Keep a copy. [{{< /note >}}]\n");
}

Test(markup, shortcodes_are_markup_only_in_pairs, .fini = done)
{
	parse("a.md", "Type {{< and stop.\n\nThen >}} here.\n");
	assert_outline("Type {{< and stop.\nThen >}} here.\n");
}

/* ---- MDX --------------------------------------------------------------- */

Test(markup, mdx_imports_exports_and_components, .fini = done)
{
	parse("a.mdx", "import ReadMore from '~/components/ReadMore.astro';\n"
		       "import { Steps } from '@astrojs/starlight/components';\n\n"
		       "export const title = 'Install';\n\n# Install {frontmatter.name}\n\n"
		       "<PackageManagerTabs\n  npm=\"npm create astro@latest\"\n  pnpm=\"pnpm create astro@latest\"\n/>\n\n"
		       "Run it {/* not yet */} now. <ReadMore>Read about [the CLI](/cli/).</ReadMore>\n\n"
		       "Install it with `npm import x` and <Kbd>Ctrl</Kbd>.\n");
	assert_outline("Install [{frontmatter.name}]\n"
		       "Run it [{/* not yet */}] now. <ReadMore>Read about the CLI.</ReadMore>\n"
		       "Install it with npm import x and <Kbd>Ctrl</Kbd>.\n");
}

Test(markup, mdx_code_inside_a_component_is_no_paragraph, .fini = done)
{
	parse("a.mdx", "<Code code={`import { defineConfig } from 'astro/config';\n"
		       "export default defineConfig({ site: 'https://example.com' });\n`} lang=\"js\" />\n\n"
		       "<Tabs>\n<TabItem label=\"npm\">\n\n```sh\nnpm install\n```\n\n</TabItem>\n</Tabs>\n\nDone.\n");
	assert_outline("Done.\n");
}

Test(markup, markup_is_only_read_as_such_in_mdx, .fini = done)
{
	parse("a.md", "import x from 'y' is how you write it.\n\nUse {braces} freely.\n");
	assert_outline("import x from 'y' is how you write it.\nUse {braces} freely.\n");
}

Test(markup, mdx_markup_maps_to_its_source, .fini = done)
{
	const char *text = "Run {props.cmd} in <Kbd>the shell</Kbd> now.\n";
	parse("a.mdx", text);
	cr_assert_eq(doc.nblocks, 1);
	const cl_block *block = &doc.blocks[0];
	const char *now = strstr(block->text, "now");
	cr_assert_eq(cl_block_source_start(block, (size_t)(now - block->text)), (size_t)(strstr(text, "now") - text));
	cr_assert(cl_block_in_span(block, 4, 5));
	cr_assert(!cl_block_in_span(block, 0, 3));
}
