/* The duplicate rules on reference pages: what documentation repeats on
 * purpose (table cells, short list items, notes, instructions from section
 * to section, code in MDX components) stays silent; what a translation
 * pipeline repeats (twice in a row, in the same section, a quotation said
 * again) is found. Excerpts from issue 11 and tests/fixtures/duplicates. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static copylint_results *results;

static void done(void)
{
	copylint_results_free(results);
	results = NULL;
}

static void expect_none(const char *rule)
{
	size_t n = count_rule(results, rule);
	cr_assert_eq(n, 0, "expected no %s, got %zu (first: %s at %zu:%zu)", rule, n,
		     n ? copylint_results_at(results, 0)->message : "", n ? copylint_results_at(results, 0)->line : 0,
		     n ? copylint_results_at(results, 0)->column : 0);
}

static void expect_at(const char *rule, size_t count, size_t line, size_t column, size_t related_line)
{
	cr_assert_eq(count_rule(results, rule), count, "expected %zu %s, got %zu", count, rule,
		     count_rule(results, rule));
	const copylint_finding *f = find_at(results, rule, line, column);
	cr_assert_not_null(f, "no %s at %zu:%zu", rule, line, column);
	cr_assert_not_null(f->related);
	cr_assert_eq(f->related->line, related_line);
}

static char *fixture(const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/fixtures/duplicates/%s", COPYLINT_TEST_DIR, name);
	char *text = read_file(path, NULL);
	cr_assert_not_null(text, "cannot read %s", path);
	return text;
}

/* ---- what reference pages repeat on purpose --------------------------- */

Test(dup_reference, table_cells, .fini = done)
{
	results = check_text("a.md", "| Option | Meaning |\n| --- | --- |\n"
			     "| `--quiet` | Print nothing but the errors you asked for |\n"
			     "| `-q` | Print nothing but the errors you asked for |\n", "en-US", NULL);
	expect_none("duplicate-paragraph");
	expect_none("duplicate-sentence");
}

Test(dup_reference, short_list_items_in_two_sections, .fini = done)
{
	results = check_text("a.md", "# Configuration\n\n## Metrics exporter\n\n"
			     "- `redis`: Redis client/server database metrics\n- `mongo`: MongoDB client call metrics\n\n"
			     "## Traces exporter\n\n"
			     "- `redis`: Redis client/server database metrics\n- `mongo`: MongoDB client call metrics\n",
			     "en-US", NULL);
	expect_none("duplicate-paragraph");
	expect_none("duplicate-sentence");
}

Test(dup_reference, an_admonition_repeated_in_each_section, .fini = done)
{
	results = check_text("a.md", "# Upgrade\n\n## Node\n\n> **Note:** Back up your configuration files before "
			     "you run the upgrade on a production system.\n\nRun the script.\n\n## Python\n\n"
			     "> **Note:** Back up your configuration files before you run the upgrade on a production "
			     "system.\n\nRun the other script.\n", "en-US", NULL);
	expect_none("duplicate-paragraph");
	expect_none("duplicate-sentence");
}

Test(dup_reference, a_short_instruction_that_recurs_in_an_upgrade_guide, .fini = done)
{
	results = check_text("a.md", "# Upgrade to v3\n\n## Renamed options\n\n"
			     "The `site` option is now `siteUrl`. Rename all occurrences in your project.\n\n"
			     "```js\nexport default { siteUrl: 'x' };\n```\n\n"
			     "The `base` option is now `basePath`. It keeps its default. "
			     "Old projects used it often. Rename all occurrences in your project.\n\n"
			     "## Removed helpers\n\nThe `getEntry` helper is gone. Rename all occurrences in your project.\n",
			     "en-US", NULL);
	expect_none("duplicate-sentence");
}

Test(dup_reference, a_process_sentence_in_two_sections, .fini = done)
{
	char *text = fixture("contributor-ladder.en.md");
	results = check_text("contributor-ladder.md", text, "en", NULL);
	free(text);
	expect_none("duplicate-sentence");
	expect_none("duplicate-paragraph");
}

Test(dup_reference, code_inside_mdx_components, .fini = done)
{
	results = check_text("a.mdx", "import { Code } from '@astrojs/starlight/components';\n\n# Setup\n\n"
			     "<Code code={`import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n`} "
			     "lang=\"js\" />\n\nThen run the development server.\n\n"
			     "<Code code={`import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n`} "
			     "lang=\"js\" />\n", "en-US", NULL);
	expect_none("duplicate-paragraph");
	expect_none("duplicate-sentence");
}

/* An option reference: each term (a short line of code without a final
 * mark) opens a section, as a heading does. */
Test(dup_reference, boilerplate_under_each_term, .fini = done)
{
	results = check_text("a.md", "# Connection settings\n\n`ssl_key_file` (`string`)\n\n"
			     "Specifies the file with the private key. This parameter can only be set in the "
			     "`postgresql.conf` file or on the server command line.\n\n`ssl_ciphers` (`string`)\n\n"
			     "Specifies the allowed cipher suites. This parameter can only be set in the "
			     "`postgresql.conf` file or on the server command line.\n", "en", NULL);
	expect_none("duplicate-sentence");
}

/* A manual page: the term is the first line of its block, ended by a hard
 * break. */
Test(dup_reference, boilerplate_under_each_hard_break_term, .fini = done)
{
	results = check_text("a.md", "# DESCRIPTION\n\n**FTS_NS**  \nA file for which no stat information was "
			     "available. The contents of the fts_statp field are undefined.\n\n**FTS_NSOK**  \n"
			     "A file for which no stat information was requested. The contents of the fts_statp "
			     "field are undefined.\n", "en", NULL);
	expect_none("duplicate-sentence");
}

/* A list item that ends with a colon owns the list under it. */
Test(dup_reference, the_same_choices_under_two_lead_ins, .fini = done)
{
	results = check_text("a.md", "- _stdin_ can be any of these:\n\n  - the value `None`, which makes the child "
			     "inherit the descriptor from this process\n  - a file object\n\n"
			     "- _stdout_ can be any of these:\n\n  - the value `None`, which makes the child inherit "
			     "the descriptor from this process\n  - a file object\n", "en", NULL);
	expect_none("duplicate-paragraph");
}

/* The same boilerplate twice without a term between is still found. */
Test(dup_reference, boilerplate_twice_under_one_term, .fini = done)
{
	results = check_text("a.md", "`ssl_key_file` (`string`)\n\n"
			     "Specifies the file with the private key. This parameter can only be set in the "
			     "`postgresql.conf` file or on the server command line.\n\nRelative paths are relative to "
			     "the data directory. This parameter can only be set in the `postgresql.conf` file or on "
			     "the server command line.\n", "en", "duplicate-sentence");
	expect_at("duplicate-sentence", 1, 5, 52, 3);
}

/* ---- what a pipeline repeats ------------------------------------------ */

Test(dup_reference, a_short_sentence_twice_in_a_row, .fini = done)
{
	results = check_text("a.md", "# Upgrade to v3\n\n## Renamed options\n\n"
			     "The `site` option is now `siteUrl`. Rename all occurrences in your project. "
			     "Rename all occurrences in your project.\n", "en-US", "duplicate-sentence");
	expect_at("duplicate-sentence", 1, 5, 77, 5);
}

Test(dup_reference, a_long_sentence_in_the_same_section, .fini = done)
{
	results = check_text("a.md", "# Report\n\n## The vote\n\n"
			     "The committee approved the new budget for the coming year on Tuesday evening.\n\n"
			     "Members spoke for an hour. Some left early. The chair thanked them. Nobody objected.\n\n"
			     "The committee approved the new budget for the coming year on Tuesday evening.\n\n"
			     "## Next steps\n\nThe committee approved the new budget for the coming year on Tuesday evening.\n",
			     "en-US", "duplicate-paragraph");
	expect_at("duplicate-paragraph", 1, 9, 1, 5);
}

Test(dup_reference, a_paragraph_pasted_twice_in_hindi, .fini = done)
{
	char *text = fixture("continuous-delivery.hi.md");
	results = check_text("continuous-delivery.md", text, "hi", "duplicate-sentence");
	free(text);
	expect_at("duplicate-sentence", 2, 6, 1, 2);
}

Test(dup_reference, a_quotation_said_again, .fini = done)
{
	results = check_text("a.md", "\"We do not share customer data with advertisers,\" said the spokesman. "
			     "He declined to say more.\n\nThe company repeated its position on Monday. "
			     "We do not share customer data with advertisers.\n", "en-US", "duplicate-sentence");
	expect_at("duplicate-sentence", 1, 3, 46, 1);
}

Test(dup_reference, a_sentence_quoted_later, .fini = done)
{
	results = check_text("a.md", "Wir geben keine Kundendaten an fremde Werbefirmen weiter. Das ist alles.\n\n"
			     "„Wir geben keine Kundendaten an fremde Werbefirmen weiter“, sagte der Sprecher.\n", "de",
			     "duplicate-sentence");
	expect_at("duplicate-sentence", 1, 3, 1, 1);
}

/* A label quoted in one sentence and used as an image's text in the next
 * paragraph, or quoted in two sentences, is no repeated sentence. */
Test(dup_reference, a_quoted_label_is_no_sentence, .fini = done)
{
	results = check_text("a.md", "To change a term, go to \"Edit this page in the repository\".\n\n"
			     "![Edit this page in the repository](/images/how-to/edit.png)\n\n"
			     "Then press \"Edit this page in the repository\" and write.\n", "en-US", NULL);
	expect_none("duplicate-sentence");
	expect_none("duplicate-paragraph");
}

/* tldr-pages, pages/common/docker-container-top.md (CC BY 4.0, the tldr-pages
 * team and contributors): the first example restates the description. */
Test(dup_reference, a_summary_restated_as_a_lead_in, .fini = done)
{
	results = check_text("docker-container-top.md", "# docker container top\n\n"
			     "> Display the running processes of a container.\n"
			     "> More information: <https://docs.docker.com/reference/cli/docker/container/top/>.\n\n"
			     "- Display the running processes of a container:\n\n"
			     "`docker {{[top|container top]}} {{container}}`\n", "en", NULL);
	expect_none("duplicate-sentence");
}

/* A dialog's page may name one of its sections or fields as the dialog
 * (LibreOffice's help): a heading that bears the title further down is no
 * copy of it; right after the title it is. */
Test(dup_reference, a_field_named_as_the_page, .fini = done)
{
	results = check_text("a.md", "# Caption\n\nAdds a numbered caption to a selected image.\n\n"
			     "Choose Insert - Caption.\n\n## Properties\n\n### Category\n\nSelect the caption category.\n\n"
			     "### Caption\n\nType the text that you want to appear after the number.\n\n## Numbering\n\n"
			     "### Caption\n", "en", "repeated-heading");
	expect_none("repeated-heading");
	done();
	results = check_text("a.md", "# Caption\n\nAdds a numbered caption to a selected image.\n\n## Caption\n",
			     "en", "repeated-heading");
	expect_at("repeated-heading", 1, 5, 4, 1);
}

/* Admonition titles (Note, Tip) recur among the headings of a reference
 * page; a short heading repeats a sibling only twice in a row. */
Test(dup_reference, notes_under_one_section, .fini = done)
{
	results = check_text("a.md", "# CREATE INDEX\n\n## Parameters\n\n### Note\n\nTurning it off keeps old entries.\n\n"
			     "`buffering` (`enum`)\n\nDetermines the build technique.\n\n`fastupdate` (`boolean`)\n\n"
			     "Controls the fast update technique.\n\n### Note\n\nTurning it off keeps the pending list.\n",
			     "en", "repeated-heading");
	expect_none("repeated-heading");
}
