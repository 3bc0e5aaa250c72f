/* The spelling rule with the real Debian dictionaries that ci/bootstrap.sh
 * installs: known misspellings at their exact line and column, and correct
 * copy (names, numbers, URLs, addresses, code, acronyms, apostrophes,
 * hyphenated compounds, sentence-initial capitals) that finds nothing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static void assert_clean(const char *lang, const char *text)
{
	copylint_results *r = check_text("a.md", text, lang, "spelling");
	for (size_t i = 0; i < copylint_results_count(r); i++)
		cr_log_error("%s: %zu:%zu %s", lang, copylint_results_at(r, i)->line,
			     copylint_results_at(r, i)->column, copylint_results_at(r, i)->message);
	cr_assert_eq(count_rule(r, "spelling"), 0, "%s: correct copy has findings", lang);
	cr_assert_eq(copylint_results_notice_count(r), 0, "%s: no notice", lang);
	copylint_results_free(r);
}

typedef struct {
	size_t line, column;
	const char *word;
} expected;

static void assert_found(const char *lang, const char *text, const expected *want, size_t n)
{
	copylint_results *r = check_text("a.md", text, lang, "spelling");
	cr_assert_eq(count_rule(r, "spelling"), n, "%s: %zu findings", lang, count_rule(r, "spelling"));
	for (size_t i = 0; i < n; i++) {
		const copylint_finding *f = find_at(r, "spelling", want[i].line, want[i].column);
		cr_assert_not_null(f, "%s: nothing at %zu:%zu", lang, want[i].line, want[i].column);
		cr_assert_str_eq(f->text, want[i].word);
	}
	copylint_results_free(r);
}

Test(spelling_languages, en_us_correct_copy)
{
	assert_clean("en-US",
		"# Election results in New York\n"
		"\n"
		"On Tuesday, 12 March 2024, Maria Garcia's campaign said it had won 52% of the vote.\n"
		"The well-known, long-term plan costs $3.5 million. Visit https://example.com/results,\n"
		"write to press@example.org or follow @nytimes and #Election2024. Run `npm install`\n"
		"and edit config.yaml. NASA, the FBI and the UN didn't comment; they’re waiting.\n"
		"It's a state-of-the-art system in color.\n");
}

Test(spelling_languages, en_us_misspellings)
{
	static const expected want[] = {
		{ 1, 3, "Electon" },
		{ 3, 5, "goverment" },
		{ 3, 27, "recieved" },
	};
	assert_found("en-US",
		"# Electon results\n"
		"\n"
		"The goverment said it had recieved the results.\n",
		want, sizeof(want) / sizeof(want[0]));
}

Test(spelling_languages, cs_correct_copy)
{
	assert_clean("cs",
		"# Výsledky voleb v Praze\n"
		"\n"
		"V úterý 12. března 2024 získala strana Petra Fialy 35 % hlasů. Dlouhodobý plán\n"
		"stojí 3,5 milionu korun. Podrobnosti najdete na https://example.cz/volby, pište na\n"
		"tisk@example.cz nebo sledujte @ct24zive a #volby2024. Spusťte `make install` a upravte\n"
		"soubor config.yaml. NATO, EU a OSN se nevyjádřily. Česko-slovenská spolupráce pokračuje.\n"
		"Žluťoučký kůň úpěl ďábelské ódy.\n");
}

Test(spelling_languages, cs_misspellings)
{
	static const expected want[] = {
		{ 1, 41, "zveřejnšny" },
		{ 2, 48, "prístí" },
	};
	assert_found("cs",
		"Vláda oznámila, že výsledky voleb budou zveřejnšny zítra.\n"
		"Prezident podepsal zákon o státním rozpočtu na prístí rok.\n",
		want, sizeof(want) / sizeof(want[0]));
}

Test(spelling_languages, de_correct_copy)
{
	assert_clean("de",
		"# Wahlergebnisse in Berlin\n"
		"\n"
		"Am Dienstag, dem 12. März 2024, erhielt die Partei von Olaf Scholz 35 % der Stimmen.\n"
		"Der langfristige Plan kostet 3,5 Millionen Euro, z. B. für Straßen, Brücken usw.\n"
		"Schreiben Sie eine E-Mail an presse@example.de oder besuchen Sie https://example.de/wahl.\n"
		"Die NATO, die EU und die UNO äußerten sich nicht. Das Bundesverfassungsgericht entschied.\n"
		"Führen Sie `make install` aus und bearbeiten Sie die Datei config.yaml.\n");
}

Test(spelling_languages, de_misspellings)
{
	static const expected want[] = {
		{ 1, 23, "Ergebnise" },
		{ 2, 49, "Oposition" },
	};
	assert_found("de",
		"Die Regierung hat die Ergebnise der Wahl veröffentlicht.\n"
		"Der Bundestag stimmte dem Gesetz zu, obwohl die Oposition dagegen war.\n",
		want, sizeof(want) / sizeof(want[0]));
}

Test(spelling_languages, fr_correct_copy)
{
	assert_clean("fr",
		"# Résultats des élections à Paris\n"
		"\n"
		"Le mardi 12 mars 2024, le parti d'Emmanuel Macron a obtenu 35 % des voix.\n"
		"L'opération coûte 3,5 millions d’euros. Aujourd’hui, c'est-à-dire lundi, l'État a répondu.\n"
		"Écrivez à presse@example.fr ou consultez https://example.fr/elections.\n"
		"L’OTAN, l'UE et l'ONU n'ont pas réagi. Lancez `make install` et modifiez config.yaml.\n"
		"Les porte-parole du sud-ouest sont arrivés. Le code d’UNIX et l’ID.\n");
}

Test(spelling_languages, fr_misspellings)
{
	static const expected want[] = {
		{ 1, 30, "résultas" },
		{ 2, 48, "oposition" },  /* the word after the elided article */
	};
	assert_found("fr",
		"Le gouvernement a publié les résultas des élections.\n"
		"L'Assemblée nationale a adopté la loi malgré l'oposition.\n",
		want, sizeof(want) / sizeof(want[0]));
}

Test(spelling_languages, ru_correct_copy)
{
	assert_clean("ru",
		"# Итоги выборов в Москве\n"
		"\n"
		"Во вторник, 12 марта 2024 года, партия получила 35 % голосов. Подробности на\n"
		"https://example.ru/vybory или по адресу press@example.ru. Запустите `make install`.\n"
		"НАТО, ЕС и ООН не прокомментировали. Северо-западный район ёлками украшен.\n"
		"Ёжик в тумане. Президент Путин выступил в Кремле.\n");
}

Test(spelling_languages, ru_misspellings)
{
	static const expected want[] = {
		{ 1, 28, "резултаты" },
		{ 2, 47, "гд" },
	};
	assert_found("ru",
		"Правительство опубликовало резултаты выборов.\n"
		"Парламент принял закон о бюджете на следующий гд.\n",
		want, sizeof(want) / sizeof(want[0]));
}

Test(spelling_languages, en_gb_and_en_us_differ)
{
	static const expected us[] = { { 1, 19, "colour" } }, gb[] = { { 1, 5, "color" } };
	const char *text = "The color and the colour of the organization.\n";
	assert_found("en-US", text, us, 1);
	assert_found("en-GB", text, gb, 1);
	assert_clean("en-GB", "The colour of the organisation, realised in a centre.\n");
}

Test(spelling_languages, no_dictionary_at_all_is_silent)
{
	assert_clean("ja", "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE9\x81\xB8\xE6\x8C\x99\xE3\x81\x8C"
			   "\xE8\xA1\x8C\xE3\x82\x8F\xE3\x82\x8C\xE3\x81\x9F\xE3\x80\x82 Teh typo.\n");
	assert_clean("zh-CN", "\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\xBE\xE8\xA1\x8C\xE4\xBA\x86\xE9\x80\x89"
			      "\xE4\xB8\xBE\xE3\x80\x82\n");
}

Test(spelling_languages, a_missing_dictionary_names_its_package)
{
	static const char *const none[] = { NULL };
	use_only_dictionaries(none);  /* Italian is missing whatever the machine has */
	copylint_results *r = check_text("a.md", "Il governo ha publicato i risultati.\n", "it", "spelling");
	cr_assert_eq(count_rule(r, "spelling"), 0);
	cr_assert_eq(copylint_results_notice_count(r), 1);
	cr_assert(strstr(copylint_results_notice_at(r, 0), "hunspell-it"), "%s", copylint_results_notice_at(r, 0));
	copylint_results_free(r);
}

Test(spelling_languages, seed_article_has_no_misspellings)
{
	char *text = read_file(COPYLINT_TEST_DIR "/../examples/seed-article.txt", NULL);
	cr_assert_not_null(text);
	copylint_results *r = check_text("article.txt", text, "en-US", "spelling");
	for (size_t i = 0; i < copylint_results_count(r); i++)
		cr_log_error("%zu:%zu %s", copylint_results_at(r, i)->line, copylint_results_at(r, i)->column,
			     copylint_results_at(r, i)->message);
	cr_assert_eq(count_rule(r, "spelling"), 0);
	copylint_results_free(r);
	free(text);
}
