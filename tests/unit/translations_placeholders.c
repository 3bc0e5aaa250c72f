/* placeholder-mismatch: each kind of placeholder kept, dropped, added and
 * changed, in several languages, with the finding's place in the
 * translation and its related place in the source. The shortcode is the
 * CNCF Cloud Native Glossary's (github.com/cncf/glossary, Apache License
 * 2.0), content/en/pod.md. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

TestSuite(translations_placeholders, .init = setup, .fini = teardown);

static copylint_results *check_pair_ext(const char *lang, const char *ext, const char *source, const char *translation)
{
	return check_translation_pair(dir, lang, ext, source, translation, "placeholder-mismatch", COPYLINT_SEVERITY_OFF);
}

static copylint_results *check_pair(const char *lang, const char *source, const char *translation)
{
	return check_pair_ext(lang, ".md", source, translation);
}

/* Exactly one finding, at line:column, with message, related to the source's line:column. */
static void assert_one(copylint_results *r, size_t line, size_t column, const char *message, size_t sline,
		       size_t scolumn)
{
	cr_assert_eq(count_rule(r, "placeholder-mismatch"), 1, "%zu findings", count_rule(r, "placeholder-mismatch"));
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_eq(f->severity, COPYLINT_SEVERITY_WARNING);
	cr_assert_eq(f->line, line, "line %zu", f->line);
	cr_assert_eq(f->column, column, "column %zu", f->column);
	cr_assert_str_eq(f->message, message);
	cr_assert_not_null(f->related);
	cr_assert_eq(f->related->line, sline, "related line %zu", f->related->line);
	cr_assert_eq(f->related->column, scolumn, "related column %zu", f->related->column);
	copylint_results_free(r);
}

static void assert_none(copylint_results *r)
{
	cr_assert_eq(count_rule(r, "placeholder-mismatch"), 0, "%zu findings: %s", count_rule(r, "placeholder-mismatch"),
		     copylint_results_count(r) ? copylint_results_at(r, 0)->message : "");
	copylint_results_free(r);
}

static const char pod_en[] = "# Pod\n\nA pod is the smallest unit.\n\n{{% sign-language-section A8o99is_L-k %}}\n";

Test(translations_placeholders, shortcode_kept_dropped_and_changed)
{
	assert_none(check_pair("fr", pod_en, "# Pod\n\nUn pod est la plus petite unité.\n\n"
					     "{{% sign-language-section A8o99is_L-k %}}\n"));
	assert_one(check_pair("es", pod_en, "# Pod\n\nUn pod es la unidad más pequeña.\n\n"
					    "{{% sign-language-section B0000000 %}}\n"),
		   5, 1, "shortcode “{{% sign-language-section B0000000 %}}” differs from the source's "
			 "“{{% sign-language-section A8o99is_L-k %}}”", 5, 1);
	assert_one(check_pair("de", "Siehe {{< glossary_tooltip text=\"pod\" term_id=\"pod\" >}} hier.\n",
			      "Siehe hier.\n"),
		   1, 1, "the source's shortcode “{{< glossary_tooltip text=\"…\" term_id=\"pod\" >}}” is missing here", 1, 7);
}

Test(translations_placeholders, shortcode_prose_arguments_may_be_translated)
{
	assert_none(check_pair("de", "See {{< glossary_tooltip text=\"container\" term_id=\"container\" >}} and "
				     "{{< note title=\"A short note\" >}}.\n",
			       "Siehe {{< glossary_tooltip text=\"Container\" term_id=\"container\" >}} und "
			       "{{< note title=\"Eine kurze Notiz\" >}}.\n"));
	assert_one(check_pair("ja", "See {{< glossary_tooltip text=\"pod\" term_id=\"pod\" >}}.\n",
			      "{{< glossary_tooltip text=\"ポッド\" term_id=\"ポッド\" >}}を参照。\n"),
		   1, 1, "shortcode “{{< glossary_tooltip text=\"…\" term_id=\"ポッド\" >}}” differs from the source's "
			 "“{{< glossary_tooltip text=\"…\" term_id=\"pod\" >}}”", 1, 5);
}

Test(translations_placeholders, html_tags_and_attributes)
{
	/* alt and title are prose; attributes may be reordered; href is localised */
	assert_none(check_pair("fr", "See <a href=\"/en/docs/x\" title=\"The docs\">the docs</a> <img src=\"a.png\" "
				     "alt=\"A cat\">.\n",
			       "Voir <a title=\"La doc\" href=\"/fr/docs/x\">la doc</a> <img alt=\"Un chat\" "
			       "src=\"a.png\">.\n"));
	assert_one(check_pair("fr", "Press <kbd>Ctrl</kbd> and <span class=\"note\">this</span>.\n",
			      "Appuyez sur <kbd>Ctrl</kbd> et <span class=\"remarque\">ceci</span>.\n"),
		   1, 32, "HTML tag “<span class=\"remarque\">” differs from the source's “<span class=\"note\">”", 1, 27);
	assert_one(check_pair("pl", "Line one<br>line two.\n", "Wiersz pierwszy, wiersz drugi.\n"),
		   1, 1, "the source's HTML tag “<br>” is missing here", 1, 9);
	assert_one(check_pair("cs", "<div id=\"intro\">\n\nHello there.\n\n</div>\n",
			      "<div id=\"uvod\">\n\nDobrý den.\n\n</div>\n"),
		   1, 1, "HTML tag “<div id=\"uvod\">” differs from the source's “<div id=\"intro\">”", 1, 1);
}

Test(translations_placeholders, text_in_angle_brackets_is_no_tag)
{
	/* <Servername> is a value to fill in, <TITLE> an example quoted as text */
	assert_none(check_pair("fr", "Type jdbc:mysql://<Servername>/<name of the database> in <TITLE>.\n",
			       "Tapez jdbc:mysql://<Nom du serveur>/<nom de la BD> dans <TITRE>.\n"));
}

Test(translations_placeholders, mdx_components)
{
	assert_none(check_pair_ext("de", ".mdx", "Read this.\n\n<Tabs>\n\nSome text.\n\n</Tabs>\n",
				   "Lies das.\n\n<Tabs>\n\nEin Text.\n\n</Tabs>\n"));
	assert_one(check_pair("fr", "Read <ReadMore href=\"/docs/intro\" label=\"the intro\" /> first.\n",
			      "Lisez d'abord <ReadMore href=\"/docs/introduction\" label=\"l'intro\" />.\n"),
		   1, 15, "component “<ReadMore href=\"/docs/introduction\" label=\"…\">” differs from the source's "
			  "“<ReadMore href=\"/docs/intro\" label=\"…\">”", 1, 6);
}

Test(translations_placeholders, printf_conversions)
{
	assert_none(check_pair("de", "Copied %d files to %1$s (100% done).\n",
			       "%d Dateien nach %1$s kopiert (100 % fertig).\n"));
	assert_one(check_pair("fr", "Hello %s, you have mail.\n", "Bonjour %d, vous avez du courrier.\n"),
		   1, 9, "printf conversion “%d” differs from the source's “%s”", 1, 7);
	assert_one(check_pair("ru", "Saved %s.\n", "Сохранено.\n"),
		   1, 1, "the source's printf conversion “%s” is missing here", 1, 7);
}

Test(translations_placeholders, variables)
{
	/* a value to fill in in prose may be named in the translation's language */
	assert_none(check_pair("fr", "Start it with soffice {file} at {0}.\n", "Lancez soffice {fichier} à {0}.\n"));
	assert_one(check_pair("de", "Welcome, {0}!\n", "Willkommen, {1}!\n"),
		   1, 13, "variable “{1}” differs from the source's “{0}”", 1, 10);
	assert_one(check_pair("es", "Hello {name}, welcome.\n", "Hola, bienvenido.\n"),
		   1, 1, "the source's variable “{name}” is missing here", 1, 7);
	/* not variables: LaTeX arguments, regular-expression counts */
	assert_none(check_pair("fr", "Use \\frac{a}{b} or [0-9]{2}.\n", "Utilisez \\frac{x}{y} ou [0-9]{3}.\n"));
}

Test(translations_placeholders, emoji_shortcodes)
{
	assert_none(check_pair("pl", "Nice :tada: work.\n", "Dobra robota :tada:\n"));
	assert_one(check_pair("fr", "Nice :smile: work.\n", "Bon travail :sourire:\n"),
		   1, 13, "emoji shortcode “:sourire:” differs from the source's “:smile:”", 1, 6);
	assert_one(check_pair("de", "Done.\n", "Fertig :rocket:\n"),
		   1, 8, "emoji shortcode “:rocket:” is not in the source", 1, 1);
	/* not emoji: times, POSIX classes, a:b:c */
	assert_none(check_pair("fr", "At 10:30:45 match [:digit:] in a:b:c.\n",
			       "À 10:31:45 cherchez [:chiffre:] dans x:y:z.\n"));
}

Test(translations_placeholders, placeholders_and_inline_code)
{
	assert_one(check_pair("it", "Dear {{ user }}, hi.\n", "Caro {{ utente }}, ciao.\n"),
		   1, 6, "placeholder “{{utente}}” differs from the source's “{{user}}”", 1, 6);
	/* inline code is code-mismatch's, code blocks too */
	assert_none(check_pair("fr", "Run `7z x {{path/to/archive.7z}} %s`.\n\n```\necho {{name}} %d\n```\n",
			       "Lancez `7z x {{archive.7z}} %d`.\n\n```\necho {{nom}} %s\n```\n"));
}
