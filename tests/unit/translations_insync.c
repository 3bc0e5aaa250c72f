/* The pair rules on translations in sync with their source (Debian's
 * documentation): number-mismatch by value (each side read with its own
 * language's separators through ICU, percentages, versions as written,
 * dates by value), and what else must stay quiet there. Excerpts: LibreOffice help
 * (help.libreoffice.org, MPL 2.0) text/scalc/01/func_floor in English and
 * German; util-linux mkfs.minix(8) (GPL 2.0+) with its Polish translation
 * from manpages-l10n (GPL 3.0+); systemd-delta(1) (LGPL 2.1+) with its
 * German translation from manpages-l10n. The sentences of the other
 * languages are made up around the same values. */
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

/* Checks translation against source with only rule on, at warning. */
static copylint_results *check_pair(const char *lang, const char *source, const char *translation, const char *rule)
{
	return check_translation_pair(dir, lang, ".md", source, translation, rule, COPYLINT_SEVERITY_WARNING);
}

TestSuite(translations_insync, .init = setup, .fini = teardown);

static const char values_en[] = "We had 1,000.5 reviews and 50% more on March 26, 2024, in v2.0 and 1.2.3.\n";

/* The same values in each language's notation: no finding. */
Test(translations_insync, equal_values_in_each_languages_notation)
{
	static const struct {
		const char *lang, *text;
	} same[] = {
		{ "de", "Wir hatten 1.000,5 Bewertungen und 50 % mehr am 26. 3. 2024, in v2.0 und 1.2.3.\n" },
		{ "fr", "Nous avions 1\xE2\x80\xAF" "000,5 avis et 50\xC2\xA0% de plus le 26 mars 2024, en v2.0 et 1.2.3.\n" },
		{ "cs", "Měli jsme 1 000,5 recenzí a o 50 % víc 26. 3. 2024, ve v2.0 a 1.2.3.\n" },
		{ "ru", "У нас было 1 000,5 отзывов и на 50 % больше 26 марта 2024 года, в v2.0 и 1.2.3.\n" },
		{ "tr", "26 Mart 2024 tarihinde 1.000,5 inceleme ve %50 daha fazlası vardı, v2.0 ve 1.2.3 sürümlerinde.\n" },
		{ "ja", "2024年3月26日には1,000.5件のレビューがあり、50%増えました（v2.0と1.2.3）。\n" },
	};
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		copylint_results *r = check_pair(same[i].lang, values_en, same[i].text, "number-mismatch");
		cr_assert_eq(count_rule(r, "number-mismatch"), 0, "%s: %s", same[i].lang,
			     copylint_results_count(r) ? copylint_results_at(r, 0)->message : "");
		copylint_results_free(r);
	}
}

/* LibreOffice help, FLOOR.XCL: German writes the decimal comma and a
 * semicolon between arguments. */
Test(translations_insync, a_decimal_comma_is_the_same_value)
{
	copylint_results *r = check_pair("de", "=FLOOR.XCL(-45.67,2) returns -46.\n",
					 "=UNTERGRENZE.EXCEL(-45,67;2) ergibt -46.\n", "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 0);
	copylint_results_free(r);
	r = check_pair("de", "=FLOOR.XCL(-45.67,2) returns -46.\n", "=UNTERGRENZE.EXCEL(-45,76;2) ergibt -46.\n",
		       "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 1);
	const copylint_finding *f = find_at(r, "number-mismatch", 1, 21);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "the source's number 45.67 is 45,76 here");
	cr_assert_eq(f->related->column, 13);
	copylint_results_free(r);
}

/* A 1,000 in German is one with three decimals (German's convention), and
 * a translation that keeps the source's notation passes too. */
Test(translations_insync, an_ambiguous_group_is_read_by_the_languages_convention)
{
	copylint_results *r = check_pair("de", "The limit is 1.5 MB for 1,500 files.\n",
					 "Die Grenze ist 1,500 MB für 1.500 Dateien.\n", "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 0);
	copylint_results_free(r);
	r = check_pair("de", "The limit is 1,500 MB.\n", "Die Grenze ist 1,500 MB.\n", "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 0);
	copylint_results_free(r);
	r = check_pair("de", "The limit is 1,500 MB.\n", "Die Grenze ist 1,5 MB.\n", "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 1);
	cr_assert_str_eq(copylint_results_at(r, 0)->message, "the source's number 1,500 is 1,5 here");
	copylint_results_free(r);
}

/* Changed values, each at the translation's number with the source's. */
Test(translations_insync, changed_values_in_each_language)
{
	static const struct {
		const char *lang, *source, *text, *message;
		size_t column, source_column;
	} changed[] = {
		{ "fr", "Involuntary removal happens after 15 to 30 days.\n",
		  "La suppression involontaire intervient après 15 à 31 jours.\n",
		  "the source's number 30 is 31 here", 51, 41 },
		{ "ru", "Released on March 26, 2024 with 1,000.5 fixes.\n",
		  "Выпущено 27 марта 2024 года с 1 000,5 исправлениями.\n",
		  "the source's date March 26, 2024 is 27 марта 2024 here", 10, 13 },
		{ "tr", "Up to 50% of the 1,200 pages.\n", "1.200 sayfanın %40 kadarı.\n",
		  "the source's number 50% is %40 here", 16, 7 },
		{ "ja", "Up to 50% of the 1,200 pages.\n", "1,300ページの最大50%。\n",
		  "the source's number 1,200 is 1,300 here", 1, 18 },
		{ "cs", "Version 2.4.1 is out.\n", "Vyšla verze 2.4.2.\n",
		  "the source's number 2.4.1 is 2.4.2 here", 13, 9 },
		{ "de", "We had 1,000.5 reviews.\n", "Wir hatten 1.000,6 Bewertungen.\n",
		  "the source's number 1,000.5 is 1.000,6 here", 12, 8 },
	};
	for (size_t i = 0; i < sizeof(changed) / sizeof(changed[0]); i++) {
		copylint_results *r = check_pair(changed[i].lang, changed[i].source, changed[i].text, "number-mismatch");
		cr_assert_eq(count_rule(r, "number-mismatch"), 1, "%s", changed[i].lang);
		const copylint_finding *f = copylint_results_at(r, 0);
		cr_assert_str_eq(f->message, changed[i].message);
		cr_assert_eq(f->line, 1);
		cr_assert_eq(f->column, changed[i].column, "%s: column %zu", changed[i].lang, f->column);
		cr_assert_not_null(f->related);
		cr_assert(strstr(f->related->path, "/page.md"));
		cr_assert_eq(f->related->line, 1);
		cr_assert_eq(f->related->column, changed[i].source_column, "%s: source column %zu", changed[i].lang,
			     f->related->column);
		copylint_results_free(r);
	}
}

/* mkfs.minix(8) in Polish (manpages-l10n): the translation says 30 where
 * the source says 60; 30 is also the paragraph's other value, so the
 * finding stands at the paragraph, not at a guessed 30. */
Test(translations_insync, a_changed_value_equal_to_another_is_reported_at_the_paragraph)
{
	static const char en[] = "Specify the maximum length of filenames. Currently, the only allowable values are 14 "
				 "and 30 for file system versions 1 and 2. Version 3 allows only value 60. The default "
				 "is 30.\n";
	static const char pl[] = "Określa maksymalną długość nazw plików. Obecnie dozwolone są wyłącznie wartości 14 i "
				 "30 w przypadku wersji 1 i 2 systemu plików. Wersja 3 pozwala wyłącznie na wartość "
				 "30. Domyślnie jest to 30.\n";
	copylint_results *r = check_pair("pl", en, pl, "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 1);
	const copylint_finding *f = find_at(r, "number-mismatch", 1, 1);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "the source's number 60 is missing or changed here");
	cr_assert_eq(f->related->column, 155);
	copylint_results_free(r);
}

/* A list written 1,3,5 in English and 1, 3, 5 in Polish (LibreOffice's
 * AutoFill help), and a date the scanner reads on one side only (two-digit
 * years): the same digits, no finding. */
Test(translations_insync, runs_one_side_cannot_read_compare_by_their_digits)
{
	copylint_results *r = check_pair("pl", "The series 1,3,5 is completed with 7,9,11,13; after 01.01.99 and 15.01.99.\n",
					 "Seria 1, 3, 5 jest uzupełniana wartościami 7, 9, 11, 13; po 01.01.99 i 15.01.99.\n",
					 "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 0);
	copylint_results_free(r);
	r = check_pair("pl", "The difference between 1/1/99 and 1/1/01 is two years.\n",
		       "Różnica między 1.1.99 a 1.1.01 wynosi 2 lata.\n", "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 0);
	copylint_results_free(r);
}

/* systemd-delta(1) and its German translation: the credits section that
 * the translation adds is not a section the source lost, and the rest
 * still aligns. */
Test(translations_insync, the_translators_credits_are_not_a_missing_section)
{
	static const char en[] = "# EXIT STATUS\n\nOn success, 0 is returned, a non-zero failure code otherwise.\n\n"
				 "# SEE ALSO\n\n**systemd**(1), **systemd.unit**(5)\n";
	static const char de[] = "# EXIT-STATUS\n\nBei Erfolg wird 0 zurückgegeben, anderenfalls ein Fehlercode "
				 "ungleich Null.\n\n# SIEHE AUCH\n\n**systemd**(1), **systemd.unit**(5)\n\n"
				 "# ÜBERSETZUNG\n\nDie deutsche Übersetzung dieser Handbuchseite wurde von Helge "
				 "Kreutzmann erstellt.\n\nDiese Übersetzung ist Freie Dokumentation; lesen Sie die GNU "
				 "General Public License Version 3 oder neuer bezüglich der Copyright-Bedingungen.\n";
	copylint_results *r = check_pair("de", en, de, "missing-section");
	cr_assert_eq(count_rule(r, "missing-section"), 0, "%s",
		     copylint_results_count(r) ? copylint_results_at(r, 0)->message : "");
	copylint_results_free(r);
	static const char de_extra[] = "# EXIT-STATUS\n\nBei Erfolg wird 0 zurückgegeben, anderenfalls ein Fehlercode "
				       "ungleich Null.\n\n# SIEHE AUCH\n\n**systemd**(1), **systemd.unit**(5)\n\n"
				       "# FEHLER\n\nFehler bitte an die Entwickler melden.\n";
	r = check_pair("de", en, de_extra, "missing-section");
	cr_assert_eq(count_rule(r, "missing-section"), 1);
	cr_assert_not_null(find_at(r, "missing-section", 9, 3));
	copylint_results_free(r);
}

/* scriptlive(1) and core(5) with their German translations: a shell
 * session whose messages the translation shows in German, and spacing
 * that differs; LibreOffice's Basic help, whose syntax placeholders are
 * translated (Выражение1) and whose keywords are case-insensitive. A
 * changed option is still a finding. */
Test(translations_insync, translated_messages_and_spacing_in_code_pass)
{
	static const char en[] = "# EXAMPLES\n\n    $ scriptlive --log-timing file.tm script.out\n"
				 "    Script started, file is script.out\n    ^\\ # type control-backslash\n"
				 "        /proc/sys/kernel/core_pattern\n    Result = Expression1 Eqv Expression2\n"
				 "    Const sSubDir1 As String =\"Test\"\n";
	static const char de[] = "# BEISPIELE\n\n    $ scriptlive --log-timing file.tm script.out\n"
				 "    Skript gestartet, Datei ist script.out\n    ^\\                  # type control-backslash\n"
				 "      /proc/sys/kernel/core_pattern\n    Результат = Выражение1 Eqv Выражение2\n"
				 "    Const sSubDir1 as String =\"Test\"\n";
	copylint_results *r = check_pair("de", en, de, "code-mismatch");
	cr_assert_eq(count_rule(r, "code-mismatch"), 0, "%s",
		     copylint_results_count(r) ? copylint_results_at(r, 0)->message : "");
	copylint_results_free(r);
	static const char changed[] = "# BEISPIELE\n\n    $ scriptlive --log-timing file.tm script.out\n"
				      "    Skript gestartet, Datei ist skript.out\n";
	static const char en2[] = "# EXAMPLES\n\n    $ scriptlive --log-timing file.tm script.out\n"
				  "    Script started, file is script.out\n";
	r = check_pair("de", en2, changed, "code-mismatch");
	cr_assert_eq(count_rule(r, "code-mismatch"), 1);
	const copylint_finding *f = find_at(r, "code-mismatch", 3, 5);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "this code block differs from the source's (from its line 2; comments and "
				     "strings aside)");
	copylint_results_free(r);
}

/* The Debian Administrator's Handbook (GPL 2.0+ / CC BY-SA 3.0) and GNOME
 * help (CC BY-SA 3.0) in Czech: DocBook placeholders (_package_), an
 * ellipsis and a folder name translated; a path shortened is a finding. */
Test(translations_insync, translated_placeholders_in_inline_code_pass)
{
	static const char en[] = "Run `apt-mark manual _package_` for `postfix | sendmail | exim4 | …` and open "
				 "`Downloads`; see `/etc/gdm/custom.conf`.\n";
	static const char cs[] = "Spusťte `apt-mark manual _balíček_` pro `postfix | sendmail | exim4 | ...` a "
				 "otevřete `Stažené`; viz `custom.conf`.\n";
	copylint_results *r = check_pair("cs", en, cs, "code-mismatch");
	cr_assert_eq(count_rule(r, "code-mismatch"), 1);
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_str_eq(f->message, "inline code `custom.conf` differs from the source's `/etc/gdm/custom.conf`");
	cr_assert_eq(f->line, 1);
	cr_assert_eq(f->column, 103);
	copylint_results_free(r);
}
