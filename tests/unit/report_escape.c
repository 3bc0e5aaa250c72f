/* The shared escapers of the report formats, on hostile input. */
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"

static char *workflow(const char *s, bool property)
{
	cl_buf out = CL_BUF_INIT;
	cl_escape_workflow(&out, s, property);
	return cl_buf_detach(&out);
}

Test(report_escape, workflow_message_escapes_percent_cr_lf)
{
	char *s = workflow("100% done\r\n::set-env name=X::1%0A", false);
	cr_assert_str_eq(s, "100%25 done%0D%0A::set-env name=X::1%250A");
	free(s);
}

Test(report_escape, workflow_property_also_escapes_colon_and_comma)
{
	char *s = workflow("a,b: c%\n", true);
	cr_assert_str_eq(s, "a%2Cb%3A c%25%0A");
	free(s);
}

Test(report_escape, workflow_controls_become_visible_symbols)
{
	char *s = workflow("a\x01\x1b[31m\x7f\tb", false);
	cr_assert_str_eq(s, "a\xE2\x90\x81\xE2\x90\x9B[31m\xE2\x90\xA1\tb");  /* ␁ ␛ ␡, tab kept */
	free(s);
}

Test(report_escape, workflow_keeps_unicode)
{
	char *s = workflow("ü 日本 😀", true);
	cr_assert_str_eq(s, "ü 日本 😀");
	free(s);
}

Test(report_escape, markdown_cell_cannot_break_the_table)
{
	cl_buf out = CL_BUF_INIT;
	cl_escape_markdown(&out, "a|b`c*d\n<img>\\");
	cr_assert_str_eq(out.ptr, "a\\|b\\`c\\*d\xE2\x90\x8A\\<img\\>\\\\");
	cl_buf_dispose(&out);
}

Test(report_escape, uri_path_percent_encodes_all_but_unreserved)
{
	cl_buf out = CL_BUF_INIT;
	cl_escape_uri_path(&out, "dir, with: spaces/ü\xff%.md");
	cr_assert_str_eq(out.ptr, "dir%2C%20with%3A%20spaces/%C3%BC%FF%25.md");
	cl_buf_dispose(&out);
}

Test(report_escape, xml_clean_replaces_what_xml_cannot_hold)
{
	char *s = cl_xml_clean("a\x01" "b\tc\nd\re\x1b" "f\xEF\xBF\xBEg]]></error>");
	cr_assert_str_eq(s, "a\xEF\xBF\xBD" "b\tc\nd\re\xEF\xBF\xBD" "f\xEF\xBF\xBDg]]></error>");
	free(s);
}

/* Each alone in otherwise clean text: the fast path must not let it by. */
Test(report_escape, xml_clean_catches_one_bad_character)
{
	const char *bad[] = { "\x01", "\x1b", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xC3", "\xED\xA0\x80", "\xFF" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char input[64], expected[64];
		snprintf(input, sizeof(input), "M\xC3\xBCller %s end", bad[i]);
		snprintf(expected, sizeof(expected), "M\xC3\xBCller %s end", strlen(bad[i]) == 3 && bad[i][0] == '\xED' ?
			 "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" : "\xEF\xBF\xBD");
		char *s = cl_xml_clean(input);
		cr_assert_str_eq(s, expected, "case %zu", i);
		free(s);
	}
}

Test(report_escape, xml_clean_of_clean_text_is_identity)
{
	char *s = cl_xml_clean("Müller 日本 😀");
	cr_assert_str_eq(s, "Müller 日本 😀");
	free(s);
}

static copylint_finding finding(const char *path, const char *rule, const char *text, size_t occurrence,
				size_t line)
{
	copylint_finding f;
	memset(&f, 0, sizeof(f));
	f.path = path;
	f.rule = rule;
	f.text = text;
	f.occurrence = occurrence;
	f.line = line;
	return f;
}

Test(report_escape, fingerprint_ignores_the_line)
{
	char a[CL_FINGERPRINT_SIZE], b[CL_FINGERPRINT_SIZE];
	copylint_finding fa = finding("a.md", "repeated-word", " the", 0, 3);
	copylint_finding fb = finding("a.md", "repeated-word", " the", 0, 40);
	cl_finding_fingerprint(&fa, a);
	cl_finding_fingerprint(&fb, b);
	cr_assert_str_eq(a, b);
	cr_assert_eq(strlen(a), 32);
}

Test(report_escape, fingerprint_differs_by_path_rule_text_occurrence)
{
	const copylint_finding variants[] = {
		finding("a.md", "repeated-word", " the", 0, 1), finding("b.md", "repeated-word", " the", 0, 1),
		finding("a.md", "repeated-heading", " the", 0, 1), finding("a.md", "repeated-word", " a", 0, 1),
		finding("a.md", "repeated-word", " the", 1, 1),
		/* field boundaries cannot be shifted: "a.m" + "d..." vs "a.md" + "..." */
		finding("a.m", "drepeated-word", " the", 0, 1),
	};
	char prints[6][CL_FINGERPRINT_SIZE];
	for (size_t i = 0; i < 6; i++) {
		cl_finding_fingerprint(&variants[i], prints[i]);
		for (size_t j = 0; j < i; j++)
			cr_expect_str_neq(prints[i], prints[j], "variants %zu and %zu", i, j);
	}
}

/* ---- randomised: the invariants hold for any input --------------------- */

static char *random_utf8(unsigned *seed, size_t max)
{
	static const char *const pieces[] = { "%", "\r", "\n", ":", ",", "::", "%0A", "]]>", "</error>", "\"",
					      "\\", "|", "`", "\x01", "\x1b", "\x7f", "\t", "ü", "日本", "😀",
					      "\xEF\xBF\xBE", "a", " ", "<", "&", "#", "*", "_" };
	size_t n = (size_t)rand_r(seed) % max, npieces = sizeof(pieces) / sizeof(pieces[0]);
	cl_buf out = CL_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		cl_buf_puts(&out, pieces[(size_t)rand_r(seed) % npieces]);
	return cl_buf_detach(&out);
}

/* Undoes the runner's escaping: what GitHub would show. */
static char *unescape_workflow(const char *s)
{
	static const char *const codes[][2] = { { "%25", "%" }, { "%0D", "\r" }, { "%0A", "\n" },
						{ "%3A", ":" }, { "%2C", "," } };
	cl_buf out = CL_BUF_INIT;
	for (size_t i = 0; s[i];) {
		size_t k = 0;
		while (k < 5 && strncmp(s + i, codes[k][0], 3))
			k++;
		cl_buf_puts(&out, k < 5 ? codes[k][1] : (char[]){ s[i], 0 });
		i += k < 5 ? 3 : 1;
	}
	return cl_buf_detach(&out);
}

Test(report_escape, random_text_round_trips_through_workflow_escaping)
{
	unsigned seed = 6;
	for (int round = 0; round < 5000; round++) {
		char *s = random_utf8(&seed, 40);
		for (int property = 0; property < 2; property++) {
			char *escaped = workflow(s, property);
			cr_assert_null(strpbrk(escaped, "\r\n"), "a line break survived: %s", escaped);
			if (property)
				cr_assert_null(strpbrk(escaped, ":,"), "a separator survived: %s", escaped);
			/* Tab, printable text and the escaped characters come back unchanged. */
			char *back = unescape_workflow(escaped);
			char *plain = workflow(back, property);
			cr_assert_str_eq(plain, escaped);
			if (!strpbrk(s, "\x01\x1b\x7f"))
				cr_assert_str_eq(back, s);
			free(plain);
			free(back);
			free(escaped);
		}
		free(s);
	}
}

Test(report_escape, random_text_stays_in_its_markdown_cell)
{
	unsigned seed = 7;
	for (int round = 0; round < 5000; round++) {
		char *s = random_utf8(&seed, 40);
		cl_buf out = CL_BUF_INIT;
		cl_escape_markdown(&out, s);
		cl_buf_puts(&out, "");
		cr_assert_null(strpbrk(out.ptr, "\r\n"));
		for (size_t i = 0; i < out.size; i++)
			if (strchr("|`<", out.ptr[i]))
				cr_assert(i > 0 && out.ptr[i - 1] == '\\', "unescaped %c in %s", out.ptr[i], out.ptr);
		cl_buf_dispose(&out);
		free(s);
	}
}

Test(report_escape, random_text_is_well_formed_xml_once_cleaned)
{
	unsigned seed = 8;
	for (int round = 0; round < 2000; round++) {
		char *s = random_utf8(&seed, 40), *clean = cl_xml_clean(s);
		xmlBufferPtr buf = xmlBufferCreate();
		xmlTextWriterPtr writer = xmlNewTextWriterMemory(buf, 0);
		xmlTextWriterStartDocument(writer, "1.0", "UTF-8", NULL);
		xmlTextWriterStartElement(writer, BAD_CAST "e");
		xmlTextWriterWriteAttribute(writer, BAD_CAST "a", BAD_CAST clean);
		xmlTextWriterWriteString(writer, BAD_CAST clean);
		xmlTextWriterEndDocument(writer);
		xmlFreeTextWriter(writer);
		xmlDocPtr doc = xmlReadMemory((const char *)buf->content, (int)buf->use, "e.xml", "UTF-8",
					      XML_PARSE_NONET);
		cr_assert_not_null(doc, "not well-formed: %s", buf->content);
		xmlNodePtr root = xmlDocGetRootElement(doc);
		xmlChar *attr = xmlGetProp(root, BAD_CAST "a"), *text = xmlNodeGetContent(root);
		cr_assert_str_eq((char *)text, clean, "text content changed");
		xmlFree(attr);
		xmlFree(text);
		xmlFreeDoc(doc);
		xmlBufferFree(buf);
		free(clean);
		free(s);
	}
}
