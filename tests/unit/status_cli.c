/* copylint status on real repositories built with libgit2: missing,
 * orphaned, stale and fresh translations, each format's exact output
 * (tests/status/expected.<format>, rewritten with COPYLINT_BLESS=1), the
 * HTML page read back by a strict XML parser and the JSON by jansson, the
 * CI limits and their exit codes, outside a repository, and -o. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git_fixture.h"
#include "helpers.h"

#define EXPECTED_DIR COPYLINT_TEST_DIR "/status"
#define HOSTILE_SUBJECT "</li><script>alert(1)</script> \"q\" & 'a' \x01\x1b[2J"
#define HOSTILE_NAME "content/en/<b>&\"q\"\x1b.md"
#define HOSTILE_TRANSLATION "content/de/<b>&\"q\"\x1b.md"

static const char a_v1[] = "# A\n\nOne.\n\nTwo.\n";
static const char a_v2[] = "# A\n\nOne, changed.\n\nTwo.\n\nThree.\n";

/* de: a.md and the hostile page stale, old.md orphaned, b.md and c.md
 * missing; fr: a.md brought up to date, b.md fresh, c.md and the hostile
 * page missing. */
static fx_repo site(void)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", a_v1);
	fx_stage(&r, "content/en/b.md", "# B\n\nBee.\n");
	fx_stage(&r, "content/en/c.md", "# C\n\nSea.\n");
	fx_stage(&r, HOSTILE_NAME, "# H\n\nAitch.\n");
	fx_commit(&r, "Add the sources");
	fx_stage(&r, "content/fr/a.md", "# A\n\nUn.\n\nDeux.\n");
	fx_stage(&r, "content/fr/b.md", "# B\n\nBé.\n");
	fx_stage(&r, "content/de/a.md", "# A\n\nEins.\n\nZwei.\n");
	fx_stage(&r, "content/de/old.md", "# Alt\n");
	fx_stage(&r, HOSTILE_TRANSLATION, "# H\n\nHa.\n");
	fx_commit(&r, "Translate");
	fx_stage(&r, "content/en/a.md", a_v2);
	fx_stage(&r, HOSTILE_NAME, "# H\n\nAitch, again.\n");
	fx_commit(&r, HOSTILE_SUBJECT);
	fx_stage(&r, "content/fr/a.md", "# A\n\nUn, changé.\n\nDeux.\n\nTrois.\n");
	fx_commit(&r, "Update the French a");
	return r;
}

static run_result status_in(const char *dir, const char *const *args)
{
	const char *argv[16] = { "status" };
	size_t n = 1;
	for (; args && args[n - 1] && n < 15; n++)
		argv[n] = args[n - 1];
	argv[n] = NULL;
	return run_copylint(dir, argv, NULL, NULL);
}

static void check_expected(const char *format, const char *actual)
{
	char *path;
	asprintf(&path, "%s/expected.%s", EXPECTED_DIR, format);
	if (getenv("COPYLINT_BLESS")) {
		write_file(path, actual, strlen(actual));
	} else {
		char *expected = read_file(path, NULL);
		cr_assert_not_null(expected, "missing %s", path);
		cr_expect_str_eq(actual, expected, "%s differs:\n--- actual ---\n%s", path, actual);
		free(expected);
	}
	free(path);
}

Test(status_cli, each_format_exactly)
{
	fx_repo r = site();
	static const char *const formats[] = { "text", "json", "markdown", "html" };
	for (size_t i = 0; i < 4; i++) {
		const char *args[] = { "--format", formats[i], NULL };
		run_result out = status_in(r.dir, args);
		cr_expect_eq(out.status, 0, "%s: exit %d: %s", formats[i], out.status, out.err);
		cr_expect_str_eq(out.err, "", "%s", formats[i]);
		check_expected(formats[i], out.out);
		run_result_free(&out);
	}
	fx_free(&r);
}

/* Counts script elements and joins every text node (with a NUL between
 * them, so a match never spans two nodes). */
typedef struct {
	size_t scripts, elements;
	char *texts;
	size_t len;
} html_walk;

static void walk_nodes(xmlNode *node, html_walk *w)
{
	for (; node; node = node->next) {
		if (node->type == XML_ELEMENT_NODE) {
			w->elements++;
			w->scripts += !xmlStrcasecmp(node->name, BAD_CAST "script");
			for (xmlAttr *a = node->properties; a; a = a->next)
				w->scripts += !xmlStrncasecmp(a->name, BAD_CAST "on", 2);
		} else if (node->type == XML_TEXT_NODE && node->content) {
			size_t n = strlen((const char *)node->content);
			w->texts = realloc(w->texts, w->len + n + 2);
			memcpy(w->texts + w->len, node->content, n + 1);
			w->len += n + 1;
		}
		walk_nodes(node->children, w);
	}
}

/* True when s is the whole of one text node, or inside one. */
static bool in_one_text(const html_walk *w, const char *s)
{
	for (size_t at = 0; at < w->len; at += strlen(w->texts + at) + 1)
		if (strstr(w->texts + at, s))
			return true;
	return false;
}

Test(status_cli, html_is_strict_xml_and_hostile_text_stays_text)
{
	fx_repo r = site();
	const char *args[] = { "--format", "html", NULL };
	run_result out = status_in(r.dir, args);
	cr_assert_eq(out.status, 0, "%s", out.err);
	xmlDoc *doc = xmlReadMemory(out.out, (int)out.out_len, "status.html", "UTF-8", XML_PARSE_NONET);
	cr_assert_not_null(doc, "not well-formed XML:\n%s", out.out);
	xmlNode *root = xmlDocGetRootElement(doc);
	cr_assert_str_eq((const char *)root->name, "html");
	cr_assert_str_eq((const char *)root->ns->href, "http://www.w3.org/1999/xhtml");
	html_walk w = { 0 };
	walk_nodes(root, &w);
	cr_expect_eq(w.scripts, 0, "a script element or an event handler attribute");
	cr_expect(in_one_text(&w, "</li><script>alert(1)</script> \"q\" & 'a' "), "the subject is not one text");
	cr_expect(in_one_text(&w, "content/de/<b>&\"q\""), "the file name is not one text");
	cr_expect(!strchr(out.out, '\x01') && !strchr(out.out, '\x1b'), "a control character left as it was");
	cr_expect(!strstr(out.out, "<script") && !strstr(out.out, "<b>"), "markup from the data");
	cr_expect(!strstr(out.out, "src=") && !strstr(out.out, "href=\"http"), "something from the network");
	free(w.texts);
	xmlFreeDoc(doc);
	run_result_free(&out);
	fx_free(&r);
}

static json_t *language(json_t *root, const char *tag)
{
	json_t *langs = json_object_get(root, "languages"), *l;
	size_t i;
	json_array_foreach(langs, i, l)
		if (!strcmp(json_string_value(json_object_get(l, "language")), tag))
			return l;
	return NULL;
}

static json_t *translation(json_t *lang, const char *path)
{
	json_t *entries = json_object_get(lang, "translations"), *e;
	size_t i;
	json_array_foreach(entries, i, e)
		if (!strcmp(json_string_value(json_object_get(e, "path")), path))
			return e;
	return NULL;
}

static size_t count_of(json_t *lang, const char *key)
{
	return (size_t)json_integer_value(json_object_get(lang, key));
}

Test(status_cli, json_reads_back_missing_orphaned_stale_fresh)
{
	fx_repo r = site();
	const char *args[] = { "--format", "json", NULL };
	run_result out = status_in(r.dir, args);
	cr_assert_eq(out.status, 0, "%s", out.err);
	json_error_t error;
	json_t *root = json_loads(out.out, 0, &error);
	cr_assert_not_null(root, "%s", error.text);
	cr_expect(json_is_true(json_object_get(root, "history")));
	json_t *de = language(root, "de"), *fr = language(root, "fr");
	cr_assert(de && fr);
	size_t want_de[] = { 4, 2, 0, 2, 2, 1 }, want_fr[] = { 4, 2, 2, 0, 2, 0 };
	const char *keys[] = { "sources", "translated", "up_to_date", "stale", "missing", "orphaned" };
	for (size_t i = 0; i < 6; i++) {
		cr_expect_eq(count_of(de, keys[i]), want_de[i], "de %s", keys[i]);
		cr_expect_eq(count_of(fr, keys[i]), want_fr[i], "fr %s", keys[i]);
	}
	cr_expect_eq(count_of(fr, "coverage_permille"), 500);
	json_t *stale = translation(de, HOSTILE_TRANSLATION);
	cr_assert_not_null(stale);
	cr_expect_str_eq(json_string_value(json_object_get(stale, "state")), "stale");
	json_t *commit = json_array_get(json_object_get(stale, "commits"), 0);
	cr_expect_str_eq(json_string_value(json_object_get(commit, "subject")), HOSTILE_SUBJECT);
	cr_expect_str_eq(json_string_value(json_object_get(translation(fr, "content/fr/a.md"), "state")), "up-to-date");
	cr_expect_str_eq(json_string_value(json_object_get(translation(de, "content/de/old.md"), "state")), "orphaned");
	json_t *missing = json_array_get(json_object_get(de, "missing_pages"), 0);
	cr_expect_str_eq(json_string_value(json_object_get(missing, "translation")), "content/de/b.md");
	cr_expect_str_eq(json_string_value(json_object_get(missing, "source")), "content/en/b.md");
	json_decref(root);
	run_result_free(&out);
	fx_free(&r);
}

Test(status_cli, stale_spans_and_commits_of_the_source)
{
	fx_repo r = site();
	const char *args[] = { "--format", "json", NULL };
	run_result out = status_in(r.dir, args);
	json_t *root = json_loads(out.out, 0, NULL);
	json_t *a = translation(language(root, "de"), "content/de/a.md");
	cr_assert_not_null(a);
	cr_expect_eq(json_integer_value(json_object_get(a, "behind")), 1);
	cr_expect_eq(json_integer_value(json_object_get(a, "lines_added")), 3);
	cr_expect_eq(json_integer_value(json_object_get(a, "lines_removed")), 1);
	json_t *spans = json_object_get(a, "changed_lines");
	cr_expect_eq(json_array_size(spans), 2);
	cr_expect_eq(json_integer_value(json_array_get(json_array_get(spans, 0), 0)), 3);
	cr_expect_eq(json_integer_value(json_array_get(json_array_get(spans, 1), 1)), 7);
	json_t *base = json_object_get(a, "base");
	cr_expect_str_eq(json_string_value(json_object_get(base, "subject")), "Translate");
	cr_expect_str_eq(json_string_value(json_object_get(base, "from")), "history");
	json_decref(root);
	run_result_free(&out);
	fx_free(&r);
}

Test(status_cli, front_matter_commit_comes_first)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", a_v1);
	git_oid first = fx_commit(&r, "Add a");
	fx_stage(&r, "content/en/a.md", a_v2);
	fx_commit(&r, "Change a");
	char id[41], *fr;
	git_oid_tostr(id, sizeof(id), &first);
	/* Translated after the change, but from the first version. */
	asprintf(&fr, "---\ndefault_lang_commit: %s\n---\n# A\n\nUn.\n", id);
	fx_stage(&r, "content/fr/a.md", fr);
	fx_commit(&r, "Translate a");
	const char *args[] = { "--format", "json", NULL };
	run_result out = status_in(r.dir, args);
	json_t *root = json_loads(out.out, 0, NULL);
	json_t *a = translation(language(root, "fr"), "content/fr/a.md");
	cr_assert_not_null(a, "%s", out.out);
	cr_expect_str_eq(json_string_value(json_object_get(a, "state")), "stale");
	json_t *base = json_object_get(a, "base");
	cr_expect_str_eq(json_string_value(json_object_get(base, "from")), "front-matter");
	cr_expect_str_eq(json_string_value(json_object_get(base, "id")), id);
	json_decref(root);
	run_result_free(&out);
	free(fr);
	fx_free(&r);
}

Test(status_cli, uncommitted_translation)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", a_v1);
	fx_commit(&r, "Add a");
	fx_write(&r, "content/fr/a.md", "# A\n\nUn.\n");
	const char *args[] = { "--format", "json", NULL };
	run_result out = status_in(r.dir, args);
	json_t *root = json_loads(out.out, 0, NULL);
	json_t *fr = language(root, "fr");
	cr_expect_str_eq(json_string_value(json_object_get(translation(fr, "content/fr/a.md"), "state")), "uncommitted");
	cr_expect_eq(count_of(fr, "uncommitted"), 1);
	cr_expect_eq(count_of(fr, "coverage_permille"), 0);
	json_decref(root);
	run_result_free(&out);
	fx_free(&r);
}

/* The same site as plain folders: no git. */
static char *plain_site(void)
{
	char *dir = make_temp_dir();
	write_file_under(dir, "pages/a.md", "# a\n");
	write_file_under(dir, "pages/b.md", "# b\n");
	write_file_under(dir, "pages/c.md", "# c\n");
	write_file_under(dir, "pages.fr/a.md", "# a\n");
	write_file_under(dir, "pages.fr/gone.md", "# gone\n");
	write_file_under(dir, "pages.de/a.md", "# a\n");
	write_file_under(dir, "pages.de/b.md", "# b\n");
	return dir;
}

static size_t occurrences(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

Test(status_cli, outside_a_repository)
{
	char *dir = plain_site();
	run_result out = status_in(dir, NULL);
	cr_expect_eq(out.status, 0, "%s", out.err);
	cr_expect_eq(occurrences(out.err, "staleness needs a git repository"), 1, "%s", out.err);
	cr_expect_str_eq(out.out,
			 "3 source pages in en, 2 translation languages\n"
			 "language  sources  translated  up to date  stale  missing  orphaned  coverage\n"
			 "de              3           2           -      -        1         0     66.6%\n"
			 "fr              3           1           -      -        2         1     33.3%\n"
			 "\n"
			 "orphaned (the source does not exist):\n"
			 "  pages.fr/gone.md (pages/gone.md)\n");
	run_result_free(&out);
	remove_tree(dir);
	free(dir);
}

Test(status_cli, configured_layout)
{
	char *dir = make_temp_dir();
	write_file_under(dir, ".copylint.yml", "translations:\n  source: de\n  layouts:\n    - \"docs/{lang}/**\"\n");
	write_file_under(dir, "docs/de/x/a.md", "# a\n");
	write_file_under(dir, "docs/de/x/b.md", "# b\n");
	write_file_under(dir, "docs/en/x/a.md", "# a\n");
	write_file_under(dir, "notes.md", "not a page of the layout\n");
	const char *args[] = { "--format", "markdown", NULL };
	run_result out = status_in(dir, args);
	cr_expect_eq(out.status, 0, "%s", out.err);
	cr_expect(strstr(out.out, "## Translations of de (2 source pages)\n"), "%s", out.out);
	cr_expect(strstr(out.out, "| en | 2 | 1 | - | - | 1 | 0 | 50.0% |\n"), "%s", out.out);
	cr_expect(strstr(out.out, "- docs/en/x/b.md (source docs/de/x/b.md)\n"), "%s", out.out);
	run_result_free(&out);
	remove_tree(dir);
	free(dir);
}

Test(status_cli, fail_on_stale)
{
	fx_repo r = site();
	const char *args[] = { "--fail-on-stale", NULL };
	run_result out = status_in(r.dir, args);
	cr_expect_eq(out.status, 1, "%s", out.err);
	cr_expect(strstr(out.err, "copylint: status: 2 stale de translations\n"), "%s", out.err);
	run_result_free(&out);
	const char *fresh_only[] = { "--fail-on-stale", "content/fr", NULL };
	out = status_in(r.dir, fresh_only);
	cr_expect_eq(out.status, 0, "%s", out.err);
	run_result_free(&out);
	fx_free(&r);
}

Test(status_cli, min_coverage)
{
	fx_repo r = site();
	const char *pass[] = { "--min-coverage", "fr=50", "--min-coverage", "FR=49.9%", NULL };
	run_result out = status_in(r.dir, pass);
	cr_expect_eq(out.status, 0, "%s", out.err);
	run_result_free(&out);
	const char *fail[] = { "--min-coverage", "fr=50.1", NULL };
	out = status_in(r.dir, fail);
	cr_expect_eq(out.status, 1, "%s", out.err);
	cr_expect(strstr(out.err, "copylint: status: fr: 50.0% of the source pages up to date, under "
				  "--min-coverage 50.1%\n"), "%s", out.err);
	run_result_free(&out);
	const char *absent[] = { "--min-coverage", "ja=1", NULL };
	out = status_in(r.dir, absent);
	cr_expect_eq(out.status, 1, "a language with no translation is at 0%%: %s", out.err);
	run_result_free(&out);
	fx_free(&r);
}

Test(status_cli, bad_limits_are_usage_errors)
{
	char *dir = plain_site();
	static const char *const bad[] = { "fr", "fr=", "fr=abc", "fr=101", "fr=50.55", "=50", "f!=50", "fr=-1" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *args[] = { "--min-coverage", bad[i], NULL };
		run_result out = status_in(dir, args);
		cr_expect_eq(out.status, 2, "%s: exit %d", bad[i], out.status);
		cr_expect(strstr(out.err, "--min-coverage takes LANG=PCT"), "%s: %s", bad[i], out.err);
		cr_expect_str_eq(out.out, "");
		run_result_free(&out);
	}
	const char *format[] = { "--format", "sarif", NULL };
	run_result out = status_in(dir, format);
	cr_expect_eq(out.status, 2);
	run_result_free(&out);
	remove_tree(dir);
	free(dir);
}

Test(status_cli, output_file_is_written_whole)
{
	fx_repo r = site();
	const char *to_stdout[] = { "--format", "html", NULL };
	run_result direct = status_in(r.dir, to_stdout);
	char *path = fx_path(&r, "report/status.html"), *folder = fx_path(&r, "report");
	const char *missing_folder[] = { "--format", "html", "-o", path, NULL };
	run_result out = status_in(r.dir, missing_folder);
	cr_expect_eq(out.status, 2, "%s", out.err);
	cr_expect(strstr(out.err, path), "%s", out.err);
	run_result_free(&out);
	mkdir(folder, 0755);
	write_file(path, "old", 3);
	out = status_in(r.dir, missing_folder);
	cr_expect_eq(out.status, 0, "%s", out.err);
	cr_expect_str_eq(out.out, "");
	char *written = read_file(path, NULL);
	cr_expect_str_eq(written, direct.out);
	free(written);
	run_result_free(&out);
	run_result_free(&direct);
	free(path);
	free(folder);
	fx_free(&r);
}

Test(status_cli, unreadable_path_is_an_error)
{
	char *dir = plain_site();
	const char *args[] = { "no-such-folder", NULL };
	run_result out = status_in(dir, args);
	cr_expect_eq(out.status, 2);
	cr_expect(strstr(out.err, "no-such-folder"), "%s", out.err);
	run_result_free(&out);
	remove_tree(dir);
	free(dir);
}

/* The source folder is walked even when the paths name only a language. */
Test(status_cli, a_language_folder_alone)
{
	fx_repo r = site();
	const char *args[] = { "content/fr", NULL };
	run_result out = status_in(r.dir, args);
	cr_expect_eq(out.status, 0, "%s", out.err);
	cr_expect_str_eq(out.out,
			 "4 source pages in en, 1 translation language\n"
			 "language  sources  translated  up to date  stale  missing  orphaned  coverage\n"
			 "fr              4           2           2      0        2         0     50.0%\n");
	run_result_free(&out);
	fx_free(&r);
}

/* The stale-translation rule's keys and ignore-keyword options apply. */
Test(status_cli, rule_options_from_the_config)
{
	fx_repo r = fx_init();
	fx_stage(&r, ".copylint.yml", "rules:\n  stale-translation:\n    keys: [translated_from]\n"
				      "    ignore-keyword: \"[skip-l10n]\"\n");
	fx_stage(&r, "content/en/a.md", a_v1);
	fx_stage(&r, "content/en/b.md", a_v1);
	git_oid first = fx_commit(&r, "Add a and b");
	char id[41], *fr;
	git_oid_tostr(id, sizeof(id), &first);
	asprintf(&fr, "---\ntranslated_from: %s\n---\n# A\n\nUn.\n", id);
	fx_stage(&r, "content/fr/a.md", fr);
	fx_stage(&r, "content/fr/b.md", "# B\n\nUn.\n");
	fx_commit(&r, "Translate");
	fx_stage(&r, "content/en/a.md", a_v2);
	fx_commit(&r, "Change a");
	fx_stage(&r, "content/en/b.md", a_v2);
	fx_commit(&r, "Reformat b [skip-l10n]");
	const char *args[] = { "--format", "json", NULL };
	run_result out = status_in(r.dir, args);
	json_t *root = json_loads(out.out, 0, NULL);
	json_t *lang = language(root, "fr");
	json_t *a = translation(lang, "content/fr/a.md"), *b = translation(lang, "content/fr/b.md");
	cr_assert(a && b, "%s", out.out);
	cr_expect_str_eq(json_string_value(json_object_get(a, "state")), "stale");
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(a, "base"), "from")), "front-matter");
	cr_expect_str_eq(json_string_value(json_object_get(b, "state")), "up-to-date");
	json_decref(root);
	run_result_free(&out);
	free(fr);
	fx_free(&r);
}

/* Run from outside the work tree, on a path into it. */
Test(status_cli, from_outside_the_work_tree)
{
	fx_repo r = site();
	char *parent = strdup(r.dir), *slash = strrchr(parent, '/');
	*slash = '\0';
	char *content;
	asprintf(&content, "%s/content", slash + 1);
	const char *args[] = { content, NULL };
	run_result out = status_in(parent, args);
	cr_expect_eq(out.status, 0, "%s", out.err);
	cr_expect_str_eq(out.err, "");
	cr_expect(strstr(out.out, "de              4           2           0      2        2         1      0.0%\n"
				  "fr              4           2           2      0        2         0     50.0%\n"), "%s", out.out);
	run_result_free(&out);
	free(content);
	free(parent);
	fx_free(&r);
}

/* A front-matter commit the repository does not have: an error for that
 * page, said in the report, not a failure of the run. */
Test(status_cli, unknown_front_matter_commit)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", a_v1);
	fx_stage(&r, "content/fr/a.md", "---\ndefault_lang_commit: 0123456789abcdef0123456789abcdef01234567\n---\n# A\n");
	fx_commit(&r, "Add a");
	run_result out = status_in(r.dir, NULL);
	cr_expect_eq(out.status, 0, "%s", out.err);
	cr_expect(strstr(out.out, "\ncannot tell:\n  content/fr/a.md: "), "%s", out.out);
	cr_expect(strstr(out.out, "fetch-depth"), "%s", out.out);
	run_result_free(&out);
	const char *args[] = { "--format", "json", NULL };
	out = status_in(r.dir, args);
	json_t *root = json_loads(out.out, 0, NULL);
	json_t *fr = language(root, "fr");
	cr_expect_str_eq(json_string_value(json_object_get(translation(fr, "content/fr/a.md"), "state")), "error");
	cr_expect_eq(count_of(fr, "errors"), 1);
	json_decref(root);
	run_result_free(&out);
	fx_free(&r);
}
