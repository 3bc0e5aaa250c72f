/* Pairing translations with their source: layout patterns, the config's
 * translations: key and its errors, the well-known layouts, `copylint
 * pairs` and `check --source`. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect/pairs.h"
#include "config/layout.h"
#include "helpers.h"

static char *dir;

static void setup(void)
{
	dir = make_temp_dir();
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

static void put(const char *relative, const char *text)
{
	write_file_under(dir, relative, text);
}

static copylint_config *config_from(const char *yaml)
{
	copylint_config *config = NULL;
	if (!yaml) {
		copylint_config_new(&config);
		return config;
	}
	put(".copylint.yml", yaml);
	char *path;
	asprintf(&path, "%s/.copylint.yml", dir);
	cr_assert_eq(copylint_config_load(&config, path), 0, "%s", copylint_error_last());
	free(path);
	return config;
}

static void config_error(const char *yaml, const char *tail)
{
	copylint_config *config = NULL;
	put(".copylint.yml", yaml);
	char *path, *expected;
	asprintf(&path, "%s/.copylint.yml", dir);
	asprintf(&expected, "%s:%s", path, tail);
	cr_assert_lt(copylint_config_load(&config, path), 0);
	cr_assert_str_eq(copylint_error_last(), expected);
	free(expected);
	free(path);
}

/* The pair of dir/relative; *source relative to dir ("" when none). */
static copylint_pair_status pair_of(const copylint_config *config, const char *relative, char *source, size_t size)
{
	char *path;
	copylint_pair pair;
	asprintf(&path, "%s/%s", dir, relative);
	copylint_pair_find(&pair, config, path);
	snprintf(source, size, "%s", pair.source ? pair.source + strlen(dir) + 1 : "");
	copylint_pair_status status = pair.status;
	copylint_pair_dispose(&pair);
	free(path);
	return status;
}

TestSuite(translations_pairs, .init = setup, .fini = teardown);

Test(translations_pairs, layout_patterns_capture_and_rebuild)
{
	cl_layout_match m;
	cr_assert(cl_layout_match_path("content/{lang}/**", "site/content/pt-BR/docs/a.md", &m));
	cr_assert_eq(m.prefix, 5);
	char *built = cl_layout_build("content/{lang}/**", &m, "site/content/pt-BR/docs/a.md", "en");
	cr_assert_str_eq(built, "site/content/en/docs/a.md");
	free(built);
	const char *path = "docs/guide/intro.zh_TW.md";
	cr_assert(cl_layout_match_path("**/*.{lang}.md", path, &m));
	built = cl_layout_build("**/*.md", &m, path, "en");
	cr_assert_str_eq(built, "docs/guide/intro.md");
	free(built);
	cr_assert(cl_layout_match_path("**/*.{lang}.md", "intro.fr.md", &m));
	cr_assert_not(cl_layout_match_path("pages.{lang}/**", "pages/common/ls.md", &m));
	cr_assert_not(cl_layout_match_path("content/{lang}/**", "content/french-stuff/a.md", &m));
}

Test(translations_pairs, config_errors_name_line_and_column)
{
	config_error("translations:\n  layouts:\n    - \"content/**\"\n",
		     "3:7: translations: layout 'content/**': no {lang} in the pattern (where the language tag "
		     "stands, as in content/{lang}/**)");
	config_error("translations:\n  source: English\n",
		     "2:11: translations: source must be a BCP 47 tag such as en, en-US or pt-BR");
	config_error("translations:\n  layouts:\n    - \"pages.{lang}/**\": \"pages/*\"\n",
		     "3:7: translations: layout 'pages.{lang}/**': the source pattern 'pages/*' must have the same "
		     "wildcards (* and **), in the same order, and {lang} at most once");
	config_error("translations:\n  sources: en\n", "2:3: unknown key 'sources' in translations (source, layouts)");
}

Test(translations_pairs, configured_layouts_and_case_insensitive_tags)
{
	put("content/EN/a.md", "# A\n");
	put("content/zh-cn/a.md", "# A\n");
	put("content/zh-cn/b.md", "# B\n");
	put("i18n/fr/docusaurus-plugin-content-docs/current/x/y.md", "y\n");
	put("docs/x/y.md", "y\n");
	copylint_config *config = config_from("translations:\n  source: en\n  layouts:\n"
					      "    - \"content/{lang}/**\"\n"
					      "    - \"i18n/{lang}/docusaurus-plugin-content-docs/current/**\": \"docs/**\"\n");
	char source[512];
	cr_assert_eq(pair_of(config, "content/zh-cn/a.md", source, sizeof(source)), COPYLINT_PAIR_FOUND);
	cr_assert_str_eq(source, "content/EN/a.md");
	cr_assert_eq(pair_of(config, "content/zh-cn/b.md", source, sizeof(source)), COPYLINT_PAIR_MISSING);
	cr_assert_eq(pair_of(config, "content/EN/a.md", source, sizeof(source)), COPYLINT_PAIR_IS_SOURCE);
	cr_assert_eq(pair_of(config, "i18n/fr/docusaurus-plugin-content-docs/current/x/y.md", source,
			     sizeof(source)), COPYLINT_PAIR_FOUND);
	cr_assert_str_eq(source, "docs/x/y.md");
	copylint_config_free(config);
}

Test(translations_pairs, a_source_language_that_matches_no_folder_is_said)
{
	put("content/fr/a.md", "# A\n");
	put("content/en/a.md", "# A\n");
	copylint_config *config = config_from("translations:\n  source: de\n  layouts: [\"content/{lang}/**\"]\n");
	char *path;
	copylint_pair pair;
	asprintf(&path, "%s/content/fr/a.md", dir);
	copylint_pair_find(&pair, config, path);
	cr_assert_eq(pair.status, COPYLINT_PAIR_MISSING);
	char *expected;
	asprintf(&expected, "translations: the source language 'de' matches no folder: %s/content/de does not "
		 "exist (layout content/{lang}/**)", dir);
	cr_assert_str_eq(pair.problem, expected);
	free(expected);
	free(path);
	copylint_pair_dispose(&pair);
	copylint_config_free(config);
}

Test(translations_pairs, well_known_layouts_only_when_the_counterpart_exists)
{
	put("pages/common/ls.md", "# ls\n");
	put("pages.pt_BR/common/ls.md", "# ls\n");
	put("src/content/docs/ja/guide.md", "x\n");
	put("src/content/docs/en/guide.md", "x\n");
	put("notes/readme.fr.md", "x\n");
	put("notes/readme.md", "x\n");
	put("blog/content/fr/post.md", "x\n");  /* no blog/content/en: not a layout here */
	copylint_config *config = config_from(NULL);
	char source[512];
	cr_assert_eq(pair_of(config, "pages.pt_BR/common/ls.md", source, sizeof(source)), COPYLINT_PAIR_FOUND);
	cr_assert_str_eq(source, "pages/common/ls.md");
	cr_assert_eq(pair_of(config, "src/content/docs/ja/guide.md", source, sizeof(source)), COPYLINT_PAIR_FOUND);
	cr_assert_str_eq(source, "src/content/docs/en/guide.md");
	cr_assert_eq(pair_of(config, "notes/readme.fr.md", source, sizeof(source)), COPYLINT_PAIR_FOUND);
	cr_assert_str_eq(source, "notes/readme.md");
	cr_assert_eq(pair_of(config, "blog/content/fr/post.md", source, sizeof(source)), COPYLINT_PAIR_NONE);
	cr_assert_eq(pair_of(config, "pages/common/ls.md", source, sizeof(source)), COPYLINT_PAIR_NONE);
	copylint_config_free(config);
}

/* {lang} stands only for a whole folder or name part that is a language:
 * not for a longer word's start (content/entry/), nor for a 2-3 letter word
 * that no language is (content/faq/, readme.old.md, docs/api/); and a
 * layout's source pattern is built at the translation's own place. */
Test(translations_pairs, lang_only_at_boundaries_and_only_languages)
{
	cl_layout_match m;
	cr_assert_not(cl_layout_match_path("content/{lang}/**", "content/entry/a.md", &m));
	cr_assert_not(cl_layout_match_path("content/{lang}/**", "content/faq/_index.md", &m));
	cr_assert_not(cl_layout_match_path("**/*.{lang}.md", "docs/readme.old.md", &m));
	cr_assert_not(cl_layout_match_path("{lang}/**", "docs/api/index.md", &m));
	cr_assert_not(cl_layout_match_path("pages.{lang}/**", "pages.entry/a.md", &m));
	cr_assert(cl_layout_match_path("content/{lang}/**", "content/fil/_index.md", &m));  /* Filipino */
	cr_assert(cl_layout_match_path("**/*.{lang}.md", "docs/readme.zh-Hant-TW.md", &m));
	cr_assert_eq(m.lang_len, 10);

	put("content/en/_index.md", "# Home\n");
	put("content/faq/_index.md", "# FAQ\n");
	put("content/entry/_index.md", "# Entry\n");
	put("docs/readme.md", "# Readme\n");
	put("docs/readme.old.md", "# Old readme\n");
	put("site/docs/a.md", "# A\n");
	put("i18n/fr/docusaurus-plugin-content-docs/current/a.md", "# A\n");
	copylint_config *config = config_from(NULL);
	char source[512];
	cr_assert_eq(pair_of(config, "content/faq/_index.md", source, sizeof(source)), COPYLINT_PAIR_NONE);
	cr_assert_eq(pair_of(config, "content/entry/_index.md", source, sizeof(source)), COPYLINT_PAIR_NONE);
	cr_assert_eq(pair_of(config, "docs/readme.old.md", source, sizeof(source)), COPYLINT_PAIR_NONE);
	/* the source pattern docs/ is sought beside i18n/, not in any folder named docs */
	cr_assert_eq(pair_of(config, "i18n/fr/docusaurus-plugin-content-docs/current/a.md", source, sizeof(source)),
		     COPYLINT_PAIR_MISSING);
	cr_assert_str_eq(source, "docs/a.md");
	copylint_config_free(config);
}

Test(translations_pairs, pairs_command_text_and_json)
{
	put("content/en/a.md", "# A\n");
	put("content/fr/a.md", "# A\n");
	put("content/fr/gone.md", "# Gone\n");
	run_result r = run_copylint(dir, (const char *[]){ "pairs", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, "content/fr/a.md <- content/en/a.md\n"
				"content/fr/gone.md (no source: content/en/gone.md does not exist)\n");
	cr_assert_str_eq(r.err, "copylint: translations: paired by the well-known layout content/{lang}/** (source "
				"language en); set translations: in .copylint.yml to choose\n"
				"1 pairs, 1 translations without a source\n");
	run_result_free(&r);
	r = run_copylint(dir, (const char *[]){ "pairs", "--format", "json", "content/fr/a.md", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "{\n  \"source_language\": \"en\",\n  \"pairs\": [\n    {\n"
				"      \"translation\": \"content/fr/a.md\",\n      \"source\": \"content/en/a.md\",\n"
				"      \"language\": \"fr\",\n      \"layout\": \"content/{lang}/**\",\n"
				"      \"well_known\": true\n    }\n  ],\n  \"without_source\": []\n}\n");
	run_result_free(&r);
	r = run_copylint(dir, (const char *[]){ "pairs", "--format", "xml", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "copylint: pairs: --format takes text or json, not 'xml'\n");
	run_result_free(&r);
}

Test(translations_pairs, an_unreadable_source_leaves_the_translation_checked_alone)
{
	put("fr.md", "Le le chat.\n");
	run_result r = run_copylint(dir, (const char *[]){ "check", "--rule", "spelling=off", "--source", "missing.md",
							   "fr.md", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "fr.md:1:4"), "%s", r.out);
	cr_assert(strstr(r.err, "copylint: notice: fr.md: its source cannot be read (missing.md: cannot read: No such file "
			       "or directory): checked alone\n"), "%s", r.err);
	run_result_free(&r);
	r = run_copylint(dir, (const char *[]){ "check", "--source", "missing.md", NULL }, NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "copylint: --source SOURCE needs the translation to check: copylint check --source "
				"SOURCE TRANSLATION\n");
	run_result_free(&r);
}

Test(translations_pairs, check_says_once_which_layout_paired_files)
{
	put("content/en/a.md", "# A\n\nSee [the docs](/docs/a/).\n");
	put("content/en/b.md", "# B\n");
	put("content/fr/a.md", "# A\n\nVoir [la doc](/fr/docs/a/).\n");
	put("content/fr/b.md", "# B\n");
	run_result r = run_copylint(dir, (const char *[]){ "check", "--rule", "spelling=off", "content/fr", NULL },
				    NULL, NULL);
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	const char *notice = "paired by the well-known layout content/{lang}/** (source language en)";
	const char *first = strstr(r.err, notice);
	cr_assert_not_null(first, "%s", r.err);
	cr_assert_null(strstr(first + 1, notice), "%s", r.err);
	run_result_free(&r);
}
