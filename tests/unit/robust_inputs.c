/* Inputs that once cost unbounded time or memory, or were accepted against
 * the README: front matter with many keys, deep nesting or keys given twice;
 * files that are not regular files; UTF-16 without a byte-order mark. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "helpers.h"
#include "parse/parse.h"

static const copylint_finding *only_finding(const copylint_results *results, const char *rule)
{
	cr_assert_eq(count_rule(results, rule), 1, "expected one %s finding", rule);
	for (size_t i = 0; i < copylint_results_count(results); i++)
		if (!strcmp(copylint_results_at(results, i)->rule, rule))
			return copylint_results_at(results, i);
	return NULL;
}

Test(front_matter_limits, a_key_given_twice_is_a_finding_at_the_second)
{
	copylint_results *r = check_text("a.md", "---\ntitle: One\ndate: 2024-01-02\n\xC3\xA9t\xC3\xA9: x\n"
						 "title: Two\n---\nBody.\n", "en", "front-matter");
	const copylint_finding *f = only_finding(r, "front-matter");
	cr_assert_eq(f->line, 5);
	cr_assert_eq(f->column, 1);
	cr_assert_eq(f->end_column, 6);
	cr_assert_str_eq(f->message, "key 'title' is given twice in the front matter (first on line 1 of it); "
				     "YAML readers keep one or refuse both");
	copylint_results_free(r);
}

Test(front_matter_limits, nesting_past_64_levels_is_refused_before_libyaml, .timeout = 30)
{
	size_t depth = 100000;
	char *text = malloc(depth + 64);
	strcpy(text, "---\ntags: ");
	memset(text + strlen(text), '[', depth);
	strcpy(text + 10 + depth, "\n---\nBody.\n");
	copylint_results *r = check_text("a.md", text, "en", "front-matter");
	const copylint_finding *f = only_finding(r, "front-matter");
	cr_assert_str_eq(f->message, "front matter nests deeper than 64 levels; not read");
	cr_assert_eq(f->line, 2);
	cr_assert_eq(f->column, 7 + 64);
	copylint_results_free(r);
	free(text);
	/* 64 levels are read, and brackets in quotes or comments do not count */
	r = check_text("a.md", "---\ntitle: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
			       "date: 2024-01-02 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
			       "list:\n  - - - - x\n---\nBody.\n", "en", "front-matter");
	cr_assert_eq(count_rule(r, "front-matter"), 0);
	copylint_results_free(r);
}

/* Quadratic reading took minutes on this; linear reading, a second or
 * two (bench/worst-cases.sh measures). */
Test(front_matter_limits, two_hundred_thousand_keys_are_read_in_one_pass, .timeout = 60)
{
	size_t keys = 200000;
	char *text = malloc(keys * 40 + 64), *at = text;
	at += sprintf(at, "---\n");
	for (size_t i = 0; i < keys; i++)
		at += sprintf(at, "key%zu: \xC3\xA9 value %zu\n", i, i);
	strcpy(at, "---\nBody.\n");
	cl_document doc;
	cl_document_init(&doc, "a.md", text, strlen(text), CL_FORMAT_MARKDOWN);
	cl_parse_front_matter(&doc);
	cr_assert_null(doc.front_matter_error);
	cr_assert_eq(doc.nfields, keys);
	const cl_field *last = &doc.fields[keys - 1];
	cr_assert_eq(strncmp(text + last->key_start, "key199999: ", 11), 0);
	cr_assert_eq(strncmp(text + last->value_start, "\xC3\xA9 value 199999\n", 16), 0);
	cr_assert_eq(text[last->value_end], '\n');
	cl_document_dispose(&doc);
	free(text);
}
