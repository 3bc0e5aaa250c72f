/* The formatting rules, each in the languages it treats, through the
 * public API: every broken case is found at its exact line and column,
 * and the correct text next to it gives no finding. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define RUN(rule, cases) RUN_RULE_CASES(rule, cases)

Test(formatting_rules, timestamp)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "Done on 2024-03 -26.\n", 1, { { 1, 9 } } },
		{ "en", "a.txt", "Done on 2024-03-26.\n", 0, { { 0 } } },
		{ "en", "a.txt", "At 2024-03-26T 21:29, 2024-03-2 and 2024-03/26.\n", 3, { { 1, 4 }, { 1, 23 }, { 1, 37 } } },
		{ "en", "a.txt", "Leap 2024-02-29, 2016-12-31 23:59:60, 2024-03-26 24:00:00 and 2000-02-29.\n", 0, { { 0 } } },
		{ "en", "a.txt", "Bad 1900-02-29 and 2024-03-26 25:10.\n", 2, { { 1, 5 }, { 1, 20 } } },
		{ "en", "a.txt", "Tuesday, 27 March 2024 and Tuesday, March 26, 2024.\n", 1, { { 1, 1 } } },
		{ "en-US", "a.txt", "On 2/30/2024 and 3/25/2024.\n", 1, { { 1, 4 } } },
		{ "cs", "a.txt", "Sešli se 31. 4. 2024, ne 30. 4. 2024 v úterý 26. března 2024.\n", 1, { { 1, 10 } } },
		{ "cs", "a.txt", "Středa 26. března 2024.\n", 1, { { 1, 1 } } },
		{ "de", "a.txt", "Am 29.02.2023 nicht, am Dienstag, 26. März 2024 und 29.02.2024 schon.\n", 1, { { 1, 4 } } },
		{ "fr", "a.txt", "Le 32/01/2024 mais le jeudi 28 mars 2024 à 21 h 30 et le 31/12/2024.\n", 1, { { 1, 4 } } },
		{ "fr", "a.txt", "Le vendredi 28 mars 2024.\n", 1, { { 1, 4 } } },
		/* Front matter: ISO 8601, a YAML comment is not part of the value. */
		{ "en", "a.md", "---\ndate: 2024-03-26T21:29:18+01:00 # comment\nlastmod: 2024-3-26\n"
				"expiryDate: \"2024-13-01\"\npublishDate: 2024-03-26 21 :29\n---\nText.\n",
		  3, { { 3, 10 }, { 4, 13 }, { 5, 14 } } },
		/* Not in code, URLs or link targets. */
		{ "en", "a.md", "Run `date -d 2024-03 -26` or see <https://x.org/2024-03-31/a> and "
				"[x](https://x.org/2024-02-30).\n\n    2024-13-45\n", 0, { { 0 } } },
	};
	RUN("timestamp", cases);
}

Test(formatting_rules, date_format)
{
	static const rule_case cases[] = {
		{ "cs", "a.txt", "Vydáno 2024-03-24 15:53:19.\n\nUpraveno 24. 3. 2024 15:53.\n", 1, { { 3, 10 } } },
		{ "cs", "a.txt", "Vydáno 2024-03-24 15:53:19.\n\nUpraveno 2024-03-25 10:00.\n", 0, { { 0 } } },
		{ "en", "a.txt", "On 24 March 2024 and March 25, 2024.\n", 1, { { 1, 22 } } },
		{ "en", "a.txt", "On 2024-03-24 and then on 25 March 2024.\n", 0, { { 0 } } },
		{ "de", "a.txt", "Am 24.03.2024 und am 25. 3. 2024.\n", 1, { { 1, 22 } } },
		{ "fr", "a.txt", "Le 24/03/2024 et le 25/03/2024.\n", 0, { { 0 } } },
	};
	RUN("date-format", cases);
}

Test(formatting_rules, punctuation_spacing)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "Feat .: 1\n", 1, { { 1, 5 } } },
		{ "en", "a.txt", "Feat.: 1, e.g. 3.14 and v1.2.3 at 10:30, file.txt, .NET :) and … or ...\n", 0, { { 0 } } },
		{ "en", "a.txt", "The end.Next one ( here ) .\n", 3, { { 1, 8 }, { 1, 24 }, { 1, 26 } } },
		{ "en", "a.md", "Use `a , b` and `x .y`, see <https://x.org/a ,b> and [x](https://x.org/ .).\n", 0, { { 0 } } },
		{ "de", "a.txt", "Das ist gut , oder ?\n", 2, { { 1, 12 }, { 1, 19 } } },
		{ "de", "a.txt", "Das ist gut, oder? Z. B. 3,50 Euro um 10.30 Uhr.\n", 0, { { 0 } } },
		{ "cs", "a.txt", "To je dobře , ne ?\n", 2, { { 1, 12 }, { 1, 17 } } },
		{ "cs", "a.txt", "To je dobře, ne? Stalo se 25. 3. 2024 v 8.30.\n", 0, { { 0 } } },
		{ "fr", "a.txt", "Il a dit: oui!\n", 2, { { 1, 9 }, { 1, 14 } } },
		{ "fr", "a.txt", "Il a dit : oui !\n", 2, { { 1, 9 }, { 1, 15 } } },
		/* Real French typography: U+00A0 before : and inside « », U+202F before ; ! ? */
		{ "fr", "a.txt", "Vous êtes sous l’interpréteur de commandes («\u00A0shell\u00A0»)\u202F; le shell "
				 "interprète vos commandes\u202F! Voici la ligne de commandes\u00A0: est-ce clair\u202F?\n",
		  0, { { 0 } } },
		{ "fr", "a.txt", "Il est 21:29, voir http://exemple.fr/a:b et l’opérateur.\n", 0, { { 0 } } },
		{ "fr", "a.txt", "Consultez l’ opérateur.\n", 1, { { 1, 11 } } },
		/* Quebec and Swiss usage: no space before ; ! ? (OQLF), but one before : and in « ». */
		{ "fr-CA", "a.txt", "Vraiment? Oui; non! Il a dit\u00A0: «\u00A0oui\u00A0».\n", 0, { { 0 } } },
		{ "fr-CA", "a.txt", "Il a dit: «oui».\n", 3, { { 1, 9 }, { 1, 11 }, { 1, 15 } } },
		{ "fr-CH", "a.txt", "Vraiment? Il a dit\u00A0: oui.\n", 0, { { 0 } } },
		{ "en", "a.txt", "100 years : paper, a::b and std::string.\n", 0, { { 0 } } },
		{ "fr", "a.txt", "La section config::NM et a::b.\n", 0, { { 0 } } },
		{ "fr", "a.txt", "Résultat de `lsusb`\u00A0: \"Bus 001 Device 001: ID 1d6b:0002\", dit-il.\n", 0, { { 0 } } },
		{ "it", "a.txt", "Nell' anno dell' acqua.\n", 2, { { 1, 1 }, { 1, 12 } } },
		{ "it", "a.txt", "Nell'anno, un po' di acqua.\n", 0, { { 0 } } },
	};
	RUN("punctuation-spacing", cases);
}

Test(formatting_rules, punctuation_spacing_french_severity)
{
	copylint_results *r = check_text("a.txt", "Il a dit : oui: non.\n", "fr", "punctuation-spacing");
	const copylint_finding *ordinary = find_at(r, "punctuation-spacing", 1, 9);
	const copylint_finding *missing = find_at(r, "punctuation-spacing", 1, 15);
	cr_assert_not_null(ordinary);
	cr_assert_not_null(missing);
	cr_expect_eq(ordinary->severity, COPYLINT_SEVERITY_INFO);
	cr_expect_eq(missing->severity, COPYLINT_SEVERITY_WARNING);
	copylint_results_free(r);
}

Test(formatting_rules, unbalanced_pair)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "He said “hello.\n", 1, { { 1, 9 } } },
		{ "en", "a.txt", "He said “hello” (and [this]). It’s the students’ books, a) one b) two :)\n", 0, { { 0 } } },
		{ "en", "a.md", "See [the text](https://e.org/a)).\n", 1, { { 1, 32 } } },
		{ "en", "a.md", "See [x](https://e.org/a_(b)) and `f(x`.\n", 0, { { 0 } } },
		{ "en", "a.txt", "“First paragraph.\n\n“Second paragraph.”\n", 0, { { 0 } } },
		{ "de", "a.txt", "Er sagte „Hallo.\n", 1, { { 1, 10 } } },
		{ "de", "a.txt", "Er sagte „Hallo“ und »tschüss« und ‚leise‘.\n", 0, { { 0 } } },
		{ "cs", "a.txt", "Řekl ahoj“.\n", 1, { { 1, 10 } } },
		{ "cs", "a.txt", "Řekl „ahoj“ a ‚tiše‘ (potichu).\n", 0, { { 0 } } },
		{ "de", "a.md", "| Paket | Zweck |\n| --- | --- |\n| a | WPA |\n| b | \" |\n", 0, { { 0 } } },
		{ "fr", "a.txt", "Il dit «\u00A0oui.\n", 1, { { 1, 8 } } },
		{ "fr", "a.txt", "Il dit «\u00A0oui\u00A0» (vraiment).\n", 0, { { 0 } } },
	};
	RUN("unbalanced-pair", cases);
}

Test(formatting_rules, whitespace)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "Two  spaces here.\n", 1, { { 1, 4 } } },
		{ "en", "a.txt", "Sentence.  Next one (in brackets.)  And “quoted.”  Then <me@x.org>  Wed,  8 Oct.\n", 0, { { 0 } } },
		{ "en", "a.txt", "See this:\n  https://x.org/a\nfor more.\n", 0, { { 0 } } },
		{ "en", "a.txt", "[A note that\n hangs its lines\n under the first.]\n\nBoston, MA  02110-1301  USA.\n", 0, { { 0 } } },
		{ "en", "a.txt", "Trailing here.   \nNext line.\n", 1, { { 1, 15 } } },
		{ "en", "a.txt", "First line here.\n second line.\n", 1, { { 2, 1 } } },
		{ "en", "a.txt", "  An indented paragraph,\n  indented throughout.\n\n- item\n  hanging line.\n", 0, { { 0 } } },
		{ "en", "a.txt", "a\ttab here.\n", 1, { { 1, 2 } } },
		{ "en", "a.txt", "\tgcc\t: gcc-12 and g++\t: g++-12 in columns.\n", 0, { { 0 } } },
		{ "en", "a.md", "A\ttab in Markdown prose.\n", 1, { { 1, 2 } } },
		{ "cs", "a.txt", "Dvě  mezery.\n", 1, { { 1, 4 } } },
		{ "de", "a.txt", "Zwei  Leerzeichen.\n", 1, { { 1, 5 } } },
		{ "fr", "a.txt", "Deux  espaces\u00A0: non.\n", 1, { { 1, 5 } } },
		{ "en", "a.md", "Hard break  \nnext line.\n", 0, { { 0 } } },
		{ "en", "a.md", "Trailing at the end.  \n", 1, { { 1, 21 } } },
		{ "en", "a.md", "```\ncode  x   \n```\n\n    indented  code   \n\nText `a  b`.\n", 0, { { 0 } } },
		{ "en", "a.md", "---\ntitle: A  title\nkey:   value   \n---\nText.\n", 1, { { 2, 9 } } },
	};
	RUN("whitespace", cases);
}

Test(formatting_rules, invisible_character)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "Zero\u200Bwidth and soft\u00ADhyphen.\n", 2, { { 1, 5 }, { 1, 20 } } },
		{ "en", "a.txt", "Emoji \U0001F468\u200D\U0001F469\u200D\U0001F467 family, Hindi \u0915\u094D\u200D\u0937.\n", 0, { { 0 } } },
		{ "en", "a.txt", "Bidi \u202E here, joiner a\u200Db.\n", 2, { { 1, 6 }, { 1, 22 } } },
		{ "en", "a.md", "Code `a\u202Eb` and `a\u200Bb`.\n", 1, { { 1, 8 } } },
		{ "en", "a.txt", "\uFEFFStart, mid\uFEFFfile, lost \uFFFD char, token \u2047 here, bell \x07.\n",
		  4, { { 1, 12 }, { 1, 24 }, { 1, 38 }, { 1, 51 } } },
		{ "cs", "a.txt", "Nula\u200Bšířky.\n", 1, { { 1, 5 } } },
		{ "de", "a.txt", "Silben\u00ADtrennung.\n", 1, { { 1, 7 } } },
		{ "fr", "a.txt", "Espace\u00A0insécable et fine\u202Finsécable.\n", 0, { { 0 } } },
	};
	RUN("invisible-character", cases);
}

Test(formatting_rules, mixed_script)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "The war in G\u0430za.\n", 1, { { 1, 12 } } },
		{ "en", "a.txt", "iPhone, \u0394x, \u6771\u4EAC\u3068\u30AB\u30BF\u30AB\u30CA, caf\u00E9, \u041C\u043E\u0441\u043A\u0432\u0430.\n", 0, { { 0 } } },
		{ "cs", "a.txt", "Slovo \u0412\u0411C a \u0433\u0440\u0443\u043F\u043F\u0430FS.\n", 2, { { 1, 7 }, { 1, 13 } } },
		{ "de", "a.txt", "Die Stra\u00DFe in K\u043Eln.\n", 1, { { 1, 15 } } },
		{ "fr", "a.txt", "Le caf\u00E9 \u00E0 P\u0430ris.\n", 1, { { 1, 11 } } },
	};
	RUN("mixed-script", cases);
	copylint_results *r = check_text("a.txt", "The war in G\u0430za.\n", "en", "mixed-script");
	const copylint_finding *f = find_at(r, "mixed-script", 1, 12);
	cr_assert_not_null(f);
	cr_expect(strstr(f->message, "U+0430 CYRILLIC SMALL LETTER A") != NULL, "%s", f->message);
	copylint_results_free(r);
}

Test(formatting_rules, run_together_list)
{
	static const rule_case cases[] = {
		{ "en", "a.txt", "01 – a 02 – b 03 – c\n", 2, { { 1, 8 }, { 1, 15 } } },
		{ "en", "a.txt", "01 – Feat.: 1 – Title\n\n02 – next\n", 0, { { 0 } } },
		{ "en", "a.txt", "Scores 1 – 2 and 2 – 3.\n", 0, { { 0 } } },
		{ "cs", "a.txt", "• jablka • hrušky • třešně\n", 2, { { 1, 10 }, { 1, 19 } } },
		{ "de", "a.txt", "1 – Äpfel 2 – Birnen\n", 1, { { 1, 11 } } },
		{ "fr", "a.txt", "01 – pommes\n02 – poires\n", 0, { { 0 } } },
		{ "en", "a.md", "Run `01 – a 02 – b` here.\n", 0, { { 0 } } },
	};
	RUN("run-together-list", cases);
}

static run_result run_with_config(const char *config, const char *text)
{
	char *dir = make_temp_dir(), *path;
	asprintf(&path, "%s/.copylint.yml", dir);
	write_file(path, config, strlen(config));
	free(path);
	asprintf(&path, "%s/a.txt", dir);
	write_file(path, text, strlen(text));
	free(path);
	const char *argv[] = { "check", "--lang", "fr", "--quiet", "a.txt", NULL };
	run_result r = run_copylint(dir, argv, NULL, NULL);
	remove_tree(dir);
	free(dir);
	return r;
}

Test(formatting_rules, french_spacing_option)
{
	const char *text = "Il a dit : oui\u00A0; non.\n";
	run_result r = run_with_config("rules:\n  punctuation-spacing:\n    french-spacing: strict\n", text);
	cr_expect_eq(r.status, 1);
	cr_expect(strstr(r.out, "a.txt:1:9: warning: ordinary space before “:”") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "a.txt:1:15: warning: French sets a narrow no-break space (U+202F) before “;”") != NULL,
		  "%s", r.out);
	run_result_free(&r);
	r = run_with_config("rules:\n  punctuation-spacing:\n    french-spacing: either\n", text);
	cr_expect(strstr(r.out, "a.txt:1:9: info: ordinary space before “:”") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "1:15") == NULL, "%s", r.out);
	run_result_free(&r);
}

Test(formatting_rules, french_spacing_option_rejects_other_values)
{
	run_result r = run_with_config("rules:\n  punctuation-spacing:\n    french-spacing: loose\n", "Texte.\n");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "option french-spacing must be one of: either, strict") != NULL, "%s", r.err);
	cr_expect(strstr(r.err, ".copylint.yml:3:21") != NULL, "%s", r.err);
	run_result_free(&r);
}

Test(formatting_rules, ill_formed_input)
{
	/* Bytes that are not UTF-8 are the encoding rule's business: the
	 * formatting rules read them as U+FFFD without reporting them, and keep
	 * working around them. */
	const char *text = "Ok \xFF 2024-03 -26 \xC3 \xE2\x80 “\xF0\x9F\n\n- \xC0\xAF (\xED\xA0\x80) 01 – a\x80 02 – b\n";
	copylint_results *r = check_text("a.md", text, "fr", NULL);
	cr_assert_not_null(r);
	cr_expect_eq(count_rule(r, "invisible-character"), 0);
	cr_expect_not_null(find_at(r, "timestamp", 1, 6));
	cr_expect_eq(count_rule(r, "run-together-list"), 0, "a Markdown list item, not `01 –` at its start");
	copylint_results_free(r);
	r = check_text("a.txt", "", "cs", NULL);
	cr_expect_eq(copylint_results_count(r), 0);
	copylint_results_free(r);
}

Test(formatting_rules, silent_in_markup)
{
	static const char *const rules[] = { "timestamp", "date-format", "punctuation-spacing", "unbalanced-pair",
					     "whitespace", "invisible-character", "mixed-script", "run-together-list", NULL };
	const char *text =
		"---\ntitle: Fine title\n\"2024-03 -26 Feat .:\": key\n---\n"
		"Text <span title=\"2024-03 -26 Feat .: ( G\u0430za  \u200B\">inline</span> here.\n\n"
		"<div class=\"x  y\" data-d=\"2024-02-30\">\n01 – a 02 – b  Feat .:\n</div>\n\n"
		"See [the docs](https://x.org/2024-03-31/a_(b) \"Feat .: 2024-13-01\") and `( “ 2024-03 -26`.\n\n"
		"```\n01 – a 02 – b  Feat .: G\u0430za ( \n```\n";
	copylint_results *r = check_text("a.md", text, "en", NULL);
	cr_assert_not_null(r);
	for (size_t i = 0; rules[i]; i++)
		cr_expect_eq(count_rule(r, rules[i]), 0, "%s fired in markup", rules[i]);
	copylint_results_free(r);
}
