/* The pair rules on real excerpts, each finding with its related location
 * in the source. Excerpts: tldr-pages (github.com/tldr-pages/tldr, CC BY
 * 4.0) pages/common/7z.md and pages.fr/common/7z.md; the CNCF Cloud Native
 * Glossary (github.com/cncf/glossary, Apache License 2.0) content/en and
 * content/fr/pod.md, content/bn/cloud-native-apps.md. */
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

static void assert_related(const copylint_finding *f, size_t line, size_t column)
{
	cr_assert_not_null(f->related);
	cr_assert(strstr(f->related->path, "/page.md"), "%s", f->related->path);
	cr_assert_eq(f->related->line, line, "related line %zu", f->related->line);
	cr_assert_eq(f->related->column, column, "related column %zu", f->related->column);
}

static const char pod_en[] =
	"## How it helps\n\n"
	"Pods bundle closely tied containers into a single unit, significantly simplifying container operations.\n"
	"For instance, auxiliary containers are often used alongside the main container.\n\n"
	"Memory and CPU allocation can be defined either on a pod level, allowing the containers inside to share "
	"resources in a flexible way, or per container.\n\n"
	"{{% sign-language-section A8o99is_L-k %}}\n";

static const char pod_fr[] =
	"## Quelle en est l'utilité\n\n"
	"Les pods regroupent des conteneurs étroitement liés en une seule unité, ce qui simplifie considérablement "
	"la gestion des conteneurs.\n"
	"Par exemple, des conteneurs auxiliaires sont souvent utilisés parallèlement au conteneur principal.\n\n"
	"L'allocation de la mémoire et du CPU peut être définie soit au niveau d'un pod, permettant aux conteneurs "
	"à l'intérieur de partager les ressources d'une manière flexible, soit par conteneur.\n";

/* Checks translation against source with only rule on, at warning. */
static copylint_results *check_pair(const char *lang, const char *source, const char *translation, const char *rule)
{
	return check_translation_pair(dir, lang, ".md", source, translation, rule, COPYLINT_SEVERITY_WARNING);
}

TestSuite(translations_rules, .init = setup, .fini = teardown);

Test(translations_rules, missing_section_a_dropped_shortcode)
{
	copylint_results *r = check_pair("fr", pod_en, pod_fr, "missing-section");
	cr_assert_eq(count_rule(r, "missing-section"), 1);
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_eq(f->line, 6);  /* at the end of the last paragraph, where the shortcode would follow */
	cr_assert_str_eq(f->message, "the source's shortcode “{{% sign-language-section A8o99is_L-k %}}” has no "
				     "counterpart in the translation");
	assert_related(f, 8, 1);
	copylint_results_free(r);
}

Test(translations_rules, missing_section_a_dropped_section_and_merged_paragraphs)
{
	static const char en[] = "# Pod\n\nPods bundle closely tied containers into a single unit.\n\n"
				 "They simplify container operations.\n\n## Problem it addresses\n\n"
				 "Containers need to interact and be controlled in a tightly coupled manner.\n";
	static const char fr[] = "# Pod\n\nLes pods regroupent des conteneurs étroitement liés en une seule unité, "
				 "ce qui simplifie la gestion des conteneurs.\n";
	copylint_results *r = check_pair("fr", en, fr, "missing-section");
	cr_assert_eq(count_rule(r, "missing-section"), 1);
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_eq(f->line, 3);
	cr_assert_str_eq(f->message, "the source's section “Problem it addresses” (and 1 more block) has no "
				     "counterpart in the translation");
	assert_related(f, 7, 4);
	copylint_results_free(r);
}

Test(translations_rules, code_mismatch_a_dropped_code_term)
{
	static const char en[] = "# 7z\n\n- E[x]tract an archive to `stdout`:\n\n`7z x {{path/to/archive.7z}} -so`\n";
	static const char fr[] = "# 7z\n\n- Extrait une archive vers la sortie standard :\n\n`7z x {{archive.7z}} -so`\n";
	copylint_results *r = check_pair("fr", en, fr, "code-mismatch");
	cr_assert_eq(count_rule(r, "code-mismatch"), 1);
	const copylint_finding *f = find_at(r, "code-mismatch", 3, 3);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "the source's inline code `stdout` is missing here");
	assert_related(f, 3, 28);
	copylint_results_free(r);
}

Test(translations_rules, code_mismatch_a_changed_code_block_but_not_its_comments)
{
	static const char en[] = "Run:\n\n```sh\n# list the files\nls -l \"my file\"\n```\n\nThen:\n\n```sh\nrm -r x\n```\n";
	static const char fr[] = "Lancez :\n\n```sh\n# liste les fichiers\nls -l \"mon fichier\"\n```\n\nPuis :\n\n"
				 "```sh\nrm -rf x\n```\n";
	copylint_results *r = check_pair("fr", en, fr, "code-mismatch");
	cr_assert_eq(count_rule(r, "code-mismatch"), 1);
	const copylint_finding *f = find_at(r, "code-mismatch", 11, 1);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "this code block differs from the source's (from its line 1; comments and strings aside)");
	assert_related(f, 11, 1);
	copylint_results_free(r);
}

Test(translations_rules, link_mismatch_localised_urls_pass)
{
	static const char en[] = "Within a [Kubernetes](/kubernetes/) environment, a pod acts as the most basic unit. "
				 "See [MDN](https://developer.mozilla.org/en-US/docs/Web) and [Node](https://nodejs.org/en/about).\n";
	static const char fr[] = "Dans un environnement [Kubernetes](/fr/kubernetes/), le pod est l'unité la plus basique. "
				 "Voir [MDN](https://developer.mozilla.org/fr/docs/Web) et [Node](https://nodejs.org/fr/about).\n";
	copylint_results *r = check_pair("fr", en, fr, "link-mismatch");
	cr_assert_eq(count_rule(r, "link-mismatch"), 0);
	copylint_results_free(r);
}

Test(translations_rules, link_mismatch_a_broken_target)
{
	static const char en[] = "The various cloud services enable a high degree of [observability](/observability/), "
				 "which makes it possible to detect problems.\n";
	static const char bn[] = "বিভিন্ন ক্লাউড পরিষেবাগুলি উচ্চ মাত্রার(high degree) [পর্যবেক্ষণযোগ্যতা "
				 "(Observability)](observability)(/bn/observability/) সক্ষম।\n";
	copylint_results *r = check_pair("bn", en, bn, "link-mismatch");
	cr_assert_eq(count_rule(r, "link-mismatch"), 1);
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_str_eq(f->message, "link target “observability” differs from the source's “/observability/”");
	cr_assert_eq(f->line, 1);
	cr_assert_eq(f->column, 90);
	assert_related(f, 1, 68);
	copylint_results_free(r);
}

Test(translations_rules, the_source_location_in_every_format)
{
	static const char en[] = "Extract to `stdout`.\n";
	static const char fr[] = "Extraire vers la sortie standard.\n";
	char *spath, *tpath;
	asprintf(&spath, "%s/page.md", dir);
	asprintf(&tpath, "%s/page.fr.md", dir);
	write_file(spath, en, strlen(en));
	write_file(tpath, fr, strlen(fr));
	static const char *const formats[] = { "text", "github", "gitlab", "checkstyle", "rdjsonl", "json", "sarif", NULL };
	for (size_t i = 0; formats[i]; i++) {
		run_result res = run_copylint(dir, (const char *[]){ "check", "--format", formats[i], "--rule", "spelling=off", "--fail-on", "info",
								     "page.fr.md", NULL }, NULL, NULL);
		cr_assert_eq(res.status, 1, "%s: %s", formats[i], res.err);
		cr_assert(strstr(res.out, "page.md:1:13") || strstr(res.out, "page.md\",\"line\":1,\"column\":13") ||
			  (strstr(res.out, "page.md") && strstr(res.out, "\"startColumn\":13")),
			  "%s: %s", formats[i], res.out);
		run_result_free(&res);
	}
	free(spath);
	free(tpath);
}

/* CNCF glossary, content/en and content/es/contribute/_index.md. */
Test(translations_rules, heading_id_changed_missing_and_twice)
{
	static const char en[] = "## Help localize the glossary {#help-localize-the-glossary}\n\nText.\n\n"
				 "### Request a change via an issue {#request-a-change-via-an-issue}\n\nMore.\n";
	static const char es[] = "## Ayudar a traducir el glosario {#help-translate-the-glossary}\n\nTexto.\n\n"
				 "### Solicitar un cambio a través de un issue\n\nMás.\n\n## Otra {#help-translate-the-glossary}\n";
	copylint_results *r = check_pair("es", en, es, "heading-id");
	cr_assert_eq(count_rule(r, "heading-id"), 3);
	const copylint_finding *f = find_at(r, "heading-id", 1, 36);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "heading id {#help-translate-the-glossary} differs from the source's "
				     "{#help-localize-the-glossary}");
	assert_related(f, 1, 33);
	f = find_at(r, "heading-id", 5, 5);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "this heading lacks the source's id {#request-a-change-via-an-issue}");
	f = find_at(r, "heading-id", 9, 11);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "heading id {#help-translate-the-glossary} is used twice in this page");
	cr_assert_eq(f->related->line, 1);
	copylint_results_free(r);
}

/* CNCF glossary, content/en and content/es/contributor-ladder/_index.md (the
 * English gained "15 to 30 days"); the separators are made up. */
Test(translations_rules, number_mismatch_by_digits_not_separators)
{
	static const char en[] = "Involuntary removal happens after 15 to 30 days without activity; we had "
				 "1,000.5 reviews and 12,500 comments in 2023.\n";
	static const char es[] = "La baja involuntaria ocurre sin actividad; tuvimos 1.000,5 revisiones y "
				 "12 500 comentarios en 2023.\n";
	copylint_results *r = check_pair("es", en, es, "number-mismatch");
	cr_assert_eq(count_rule(r, "number-mismatch"), 2);
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_str_eq(f->message, "the source's number 15 is missing or changed here");
	cr_assert_eq(f->line, 1);
	cr_assert_eq(f->column, 1);
	assert_related(f, 1, 35);
	cr_assert_str_eq(copylint_results_at(r, 1)->message, "the source's number 30 is missing or changed here");
	copylint_results_free(r);
}

/* CNCF glossary, content/en/pod.md, with its second paragraph left in
 * English in a Japanese page (langid knows no Japanese: the comparison with
 * the source is what finds it), and in a French one (langid finds it: one
 * finding, not two). */
Test(translations_rules, untranslated_a_block_identical_to_its_source)
{
	static const char en[] = "# Pod\n\nWithin a Kubernetes environment, a pod acts as the most basic deployable unit.\n\n"
				 "Memory and CPU allocation can be defined either on a pod level or per container.\n";
	static const char ja[] = "# Pod\n\nKubernetes環境において、Podは最も基本的なデプロイ可能な単位です。\n\n"
				 "Memory and CPU allocation can be defined either on a pod level or per container.\n";
	copylint_results *r = check_pair("ja", en, ja, "untranslated");
	cr_assert_eq(count_rule(r, "untranslated"), 1);
	const copylint_finding *f = find_at(r, "untranslated", 5, 1);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "paragraph identical to the source's: left untranslated?");
	assert_related(f, 5, 1);
	copylint_results_free(r);
	static const char fr[] = "# Pod\n\nDans un environnement Kubernetes, le pod est l'unité déployable la plus basique.\n\n"
				 "Memory and CPU allocation can be defined either on a pod level or per container.\n";
	r = check_pair("fr", en, fr, "untranslated");
	cr_assert_eq(count_rule(r, "untranslated"), 1);
	cr_assert_null(copylint_results_at(r, 0)->related);
	copylint_results_free(r);
}

/* CNCF glossary, content/en and content/es/debugging.md: the English page was
 * deprecated and made a draft, the Spanish one is still published. */
Test(translations_rules, front_matter_a_missing_key_and_an_untranslated_description)
{
	static const char en[] = "---\ntitle: Debugging\nstatus: Deprecated\ncategory: concept\ndraft: true\n"
				 "description: the process of finding and fixing errors in software\n---\n\nText.\n";
	static const char es[] = "---\ntitle: Depuración\nstatus: Completed\ncategory: concepto\n"
				 "description: the process of finding and fixing errors in software\n---\n\nTexto.\n";
	copylint_results *r = check_pair("es", en, es, "front-matter-mismatch");
	cr_assert_eq(count_rule(r, "front-matter-mismatch"), 2);
	const copylint_finding *f = find_at(r, "front-matter-mismatch", 1, 1);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "the source's front-matter key 'draft' is missing here");
	assert_related(f, 5, 1);
	f = find_at(r, "front-matter-mismatch", 5, 14);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->message, "front-matter description identical to the source's: left untranslated?");
	copylint_results_free(r);
}
