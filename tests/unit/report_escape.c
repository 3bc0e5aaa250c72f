/* The shared escapers of the report formats, on hostile input. */
#include <criterion/criterion.h>
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
