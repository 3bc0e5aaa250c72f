/* The untranslated rule, and spelling leaving foreign paragraphs alone:
 * every language langid.def knows, found inside a document of another
 * language and silent inside its own. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

typedef struct {
	const char *lang;
	const char *name;
	const char *paragraph;  /* ordinary copy in that language, 8 words or more */
} sample;

static const sample samples[] = {
	{ "en", "English", "The package manager downloads the files from the network and installs them." },
	{ "cs", "Czech", "Správce balíčků stáhne soubory ze sítě a nainstaluje je do systému, pokud je to možné." },
	{ "de", "German", "Der Paketmanager lädt die Dateien aus dem Netz und installiert sie auf dem System." },
	{ "fr", "French", "Le gestionnaire de paquets télécharge les fichiers sur le réseau et les installe dans le système." },
	{ "es", "Spanish", "El gestor de paquetes descarga los archivos de la red y los instala en el sistema." },
	{ "it", "Italian", "Il gestore dei pacchetti scarica i file dalla rete e li installa nel sistema, quando è possibile." },
	{ "pt", "Portuguese", "O gerenciador de pacotes baixa os arquivos da rede e os instala no sistema quando não há erros." },
	{ "nl", "Dutch", "De pakketbeheerder haalt de bestanden van het netwerk en installeert ze op het systeem." },
	{ "pl", "Polish", "Menedżer pakietów pobiera pliki z sieci i instaluje je w systemie, jeśli jest to możliwe." },
	{ "ru", "Russian", "Менеджер пакетов загружает файлы из сети и устанавливает их в систему, если это возможно." },
};

#define NSAMPLES (sizeof(samples) / sizeof(samples[0]))

/* A document in doc's language with other's paragraph on line 5. */
static char *document(const sample *doc, const sample *other)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	fprintf(fp, "# 2024\n\n%s\n\n%s\n\n%s\n", doc->paragraph, other->paragraph, doc->paragraph);
	fclose(fp);
	return text;
}

Test(untranslated, every_language_inside_every_other)
{
	for (size_t d = 0; d < NSAMPLES; d++) {
		for (size_t o = 0; o < NSAMPLES; o++) {
			char *text = document(&samples[d], &samples[o]);
			copylint_results *r = check_text("a.md", text, samples[d].lang, "untranslated");
			if (d == o) {
				cr_assert_eq(copylint_results_count(r), 0, "%s in %s: %zu findings", samples[o].lang,
					     samples[d].lang, copylint_results_count(r));
			} else {
				cr_assert_eq(copylint_results_count(r), 1, "%s in %s: %zu findings", samples[o].lang,
					     samples[d].lang, copylint_results_count(r));
				const copylint_finding *f = find_at(r, "untranslated", 5, 1);
				cr_assert_not_null(f, "%s in %s: not at 5:1", samples[o].lang, samples[d].lang);
				char prefix[128];
				snprintf(prefix, sizeof(prefix), "paragraph in %s, not %s: left untranslated? (",
					 samples[o].name, samples[d].name);
				cr_assert(!strncmp(f->message, prefix, strlen(prefix)), "%s", f->message);
				cr_assert_eq(f->severity, COPYLINT_SEVERITY_WARNING);
			}
			copylint_results_free(r);
			free(text);
		}
	}
}

Test(untranslated, exact_finding)
{
	copylint_results *r = check_text("a.md",
		"# Instalace\n"
		"\n"
		"Balíčky se instalují příkazem, který je stáhne ze sítě a nainstaluje je do systému.\n"
		"\n"
		"- The package manager downloads the files from the network and installs them.\n",
		"cs", "untranslated");
	cr_assert_eq(copylint_results_count(r), 1);
	const copylint_finding *f = find_at(r, "untranslated", 5, 3);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "list item in English, not Czech: left untranslated? "
				     "(6 of its 12 words are English function words)");
	cr_assert_eq(f->end_line, 5);
	cr_assert_eq(f->end_column, 78);  /* just after the full stop */
	copylint_results_free(r);
}

Test(untranslated, heading)
{
	copylint_results *r = check_text("a.md",
		"# How to install the packages that are listed in the file\n\nText.\n", "de", "untranslated");
	const copylint_finding *f = find_at(r, "untranslated", 1, 3);
	cr_assert_not_null(f);
	cr_assert(!strncmp(f->message, "heading in English, not German", 30), "%s", f->message);
	copylint_results_free(r);
}

/* Names, product names and short quotes in another language are not a
 * paragraph left untranslated. */
Test(untranslated, silent_on_mixed_copy)
{
	static const char *const texts[] = {
		"Program LibreOffice Writer je textový editor, který je součástí balíku The Document Foundation.\n",
		"This is short in English.\n",
		"Příkaz `for it in the list of all files that are from the user` vypíše seznam souborů v adresáři.\n",
		"Viz <https://example.com/the-of-and-to-is-that-for-it-with-as> a také <a href=\"x\">the of and</a> nic.\n",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		copylint_results *r = check_text("a.md", texts[i], "cs", "untranslated");
		cr_assert_eq(copylint_results_count(r), 0, "text %zu: %zu findings", i, copylint_results_count(r));
		copylint_results_free(r);
	}
}

/* Languages langid does not know are never judged, either way. */
Test(untranslated, unknown_languages)
{
	copylint_results *r = check_text("a.md", samples[0].paragraph, "fi", "untranslated");
	cr_assert_eq(copylint_results_count(r), 0);
	copylint_results_free(r);
	r = check_text("a.md", "Pakettien hallinta lataa tiedostot verkosta ja asentaa ne järjestelmään nopeasti.\n",
		       "en", "untranslated");
	cr_assert_eq(copylint_results_count(r), 0);
	copylint_results_free(r);
}

/* Spelling does not report the words of a foreign paragraph, with or
 * without the untranslated rule, and still reports its own language's. */
Test(untranslated, spelling_skips_foreign_paragraphs)
{
	copylint_results *r = check_text("a.md",
		"Balíček obsahuje chybu: nainstalujtee jej znovu.\n"
		"\n"
		"The package manager downloads the files from the network and installs them.\n"
		"\n"
		"This is short in English.\n",
		"cs", "spelling");
	cr_assert_not_null(find_at(r, "spelling", 1, 25));
	cr_assert_eq(count_rule(r, "spelling"), 5, "%zu", count_rule(r, "spelling"));  /* line 5: 4 words */
	for (size_t i = 0; i < copylint_results_count(r); i++)
		cr_assert_neq(copylint_results_at(r, i)->line, 3);
	copylint_results_free(r);
}

/* The primary subtag decides: cs-CZ is Czech, EN-gb English. */
Test(untranslated, region_subtags)
{
	copylint_results *r = check_text("a.md", samples[2].paragraph, "cs-CZ", "untranslated");
	cr_assert_not_null(find_at(r, "untranslated", 1, 1));
	copylint_results_free(r);
	r = check_text("a.md", samples[0].paragraph, "EN-gb", "untranslated");
	cr_assert_eq(copylint_results_count(r), 0);
	copylint_results_free(r);
	r = check_text("a.md", samples[1].paragraph, "EN-gb", "untranslated");
	cr_assert_not_null(find_at(r, "untranslated", 1, 1));
	copylint_results_free(r);
}

/* One-letter words are no sign of a language: a Czech paragraph that
 * quotes Russian's one-letter prepositions stays Czech, though they are
 * Russian function words and outnumber the Czech ones. */
Test(untranslated, one_letter_words_are_no_sign)
{
	const char *text = "# 2024\n\n"
			   "Předložky в, с, к, у, о, и я jsou dlouhé jedno písmeno.\n";
	copylint_results *r = check_text("a.md", text, "cs", "untranslated");
	cr_assert_eq(copylint_results_count(r), 0, "%zu findings", copylint_results_count(r));
	copylint_results_free(r);
}
