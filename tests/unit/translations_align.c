/* The page skeleton (cl_item) and the alignment of a translation with its
 * source. Excerpts of the CNCF Cloud Native Glossary
 * (github.com/cncf/glossary, Apache License 2.0): content/en/pod.md and
 * content/fr/pod.md, where the French page merges two lines of a paragraph
 * and leaves out the sign-language shortcode. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "align/align.h"
#include "parse/parse.h"
#include "util/buf.h"

static cl_document src, tr;

static void parse(cl_document *doc, const char *text)
{
	cl_document_init(doc, "test.md", text, strlen(text), CL_FORMAT_MARKDOWN);
	cl_parse_document(doc);
}

static void done(void)
{
	cl_document_dispose(&src);
	cl_document_dispose(&tr);
}

/* "s0-s1:t0-t1" per group, space-separated. */
static char *groups(const char *source, const char *translation)
{
	cl_alignment a;
	cl_buf out = CL_BUF_INIT;
	parse(&src, source);
	parse(&tr, translation);
	cl_align_documents(&a, &src, &tr);
	for (size_t i = 0; i < a.count; i++)
		cl_buf_printf(&out, "%s%zu-%zu:%zu-%zu", i ? " " : "", a.groups[i].s0, a.groups[i].s1, a.groups[i].t0,
			      a.groups[i].t1);
	cl_alignment_dispose(&a);
	cl_buf_put(&out, "", 0);
	return cl_buf_detach(&out);
}

TestSuite(translations_align, .fini = done);

Test(translations_align, the_skeleton_holds_every_block_in_order)
{
	const char *text = "# Title {#top}\n\nSee ![a diagram](img/d.png) and [docs](/docs/x).\n\n"
			   "```bash\nls -l\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div class=\"x\">\nhi\n</div>\n\n"
			   "{{< figure src=\"x.png\" >}}\n\n:::note\n\nBe careful.\n\n:::\n";
	parse(&src, text);
	static const cl_item_kind kinds[] = { CL_ITEM_PROSE, CL_ITEM_PROSE, CL_ITEM_CODE, CL_ITEM_TABLE,
					      CL_ITEM_PROSE, CL_ITEM_PROSE, CL_ITEM_PROSE, CL_ITEM_PROSE, CL_ITEM_HTML,
					      CL_ITEM_SHORTCODE, CL_ITEM_ADMONITION, CL_ITEM_PROSE, CL_ITEM_ADMONITION };
	cr_assert_eq(src.nitems, sizeof(kinds) / sizeof(kinds[0]));
	for (size_t i = 0; i < src.nitems; i++)
		cr_assert_eq(src.items[i].kind, kinds[i], "item %zu is %d", i, src.items[i].kind);
	const cl_item *code = &src.items[2];
	cr_assert_str_eq(code->info, "bash");
	cr_assert_str_eq(code->code, "ls -l\n");
	cr_assert_eq(code->start, (size_t)(strstr(text, "ls -l") - text));
	cr_assert_eq(code->block, -1);
	cr_assert_str_eq(src.items[8].code, "<div class=\"x\">\nhi\n</div>\n");
	cr_assert_eq(src.items[1].start, (size_t)(strstr(text, "See") - text));
	cr_assert_eq(src.nlinks, 2);
	cr_assert_str_eq(src.links[0].target, "img/d.png");
	cr_assert(src.links[0].image);
	cr_assert_eq(src.links[1].at, (size_t)(strstr(text, "/docs/x") - text));
	size_t len;
	const char *id = cl_align_heading_id(&src.blocks[0], &len);
	cr_assert(id && len == 3 && !strncmp(id, "top", 3));
}

static const char pod_en[] =
	"## How it helps\n\n"
	"Pods bundle closely tied containers into a single unit, significantly simplifying container operations.\n"
	"For instance, auxiliary containers are often used alongside the main container to add additional "
	"functionalities or to set up global configurations.\n\n"
	"Memory and CPU allocation can be defined either on a pod level, allowing the containers inside to share "
	"resources in a flexible way, or per container.\n\n"
	"{{% sign-language-section A8o99is_L-k %}}\n";

static const char pod_fr[] =
	"## Quelle en est l'utilité\n\n"
	"Les pods regroupent des conteneurs étroitement liés en une seule unité, ce qui simplifie considérablement "
	"la gestion des conteneurs.\n"
	"Par exemple, des conteneurs auxiliaires sont souvent utilisés parallèlement au conteneur principal pour "
	"ajouter des fonctionnalités supplémentaires ou pour mettre en place des configurations globales.\n\n"
	"L'allocation de la mémoire et du CPU peut être définie soit au niveau d'un pod, permettant aux conteneurs "
	"à l'intérieur de partager les ressources d'une manière flexible, soit par conteneur.\n";

Test(translations_align, a_missing_shortcode_stands_alone)
{
	char *got = groups(pod_en, pod_fr);
	cr_assert_str_eq(got, "0-1:0-1 1-2:1-2 2-3:2-3 3-4:3-3");
	free(got);
}

Test(translations_align, one_paragraph_against_two)
{
	static const char en[] =
		"## How it helps\n\n"
		"Pods bundle closely tied containers into a single unit, significantly simplifying container operations.\n\n"
		"For instance, auxiliary containers are often used alongside the main container to add additional "
		"functionalities or to set up global configurations.\n\n"
		"## Related\n\nSee [service mesh](/service-mesh/).\n";
	static const char fr[] =
		"## Quelle en est l'utilité\n\n"
		"Les pods regroupent des conteneurs étroitement liés en une seule unité, ce qui simplifie considérablement "
		"la gestion des conteneurs. Par exemple, des conteneurs auxiliaires sont souvent utilisés parallèlement "
		"au conteneur principal pour ajouter des fonctionnalités supplémentaires ou pour mettre en place des "
		"configurations globales.\n\n"
		"## Voir aussi\n\nVoir [maillage de services](/fr/service-mesh/).\n";
	char *got = groups(en, fr);
	cr_assert_str_eq(got, "0-1:0-1 1-3:1-2 3-4:2-3 4-5:3-4");
	free(got);
}

Test(translations_align, ten_thousand_blocks_in_a_second)
{
	cl_buf a = CL_BUF_INIT, b = CL_BUF_INIT;
	for (int i = 0; i < 10000; i++) {
		cl_buf_printf(&a, "Paragraph number %d says something rather long about things.\n\n", i % 7);
		if (i % 97)
			cl_buf_printf(&b, "Le paragraphe dit quelque chose d'assez long sur les choses %d.\n\n", i % 5);
	}
	cl_buf_put(&a, "", 0);
	cl_buf_put(&b, "", 0);
	parse(&src, a.ptr);
	parse(&tr, b.ptr);
	cl_alignment al;
	clock_t t0 = clock();
	cl_align_documents(&al, &src, &tr);
	double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
#ifdef __SANITIZE_ADDRESS__
	double limit = 15.0;  /* AddressSanitizer's instrumentation: some ten times slower */
#else
	double limit = 1.0;
#endif
	cr_assert_lt(seconds, limit, "%.2f s", seconds);
	cr_assert_eq(src.nitems, 10000);
	cl_alignment_dispose(&al);
	cl_buf_dispose(&a);
	cl_buf_dispose(&b);
}

/* systemd-delta(1) (LGPL 2.1+) and its German translation from
 * manpages-l10n (GPL 3.0+), which adds the translators' credits at the
 * end: left out as added, so SIEHE AUCH still aligns with SEE ALSO. */
Test(translations_align, the_translators_credits_stand_alone_at_the_end)
{
	static const char en[] = "# EXIT STATUS\n\nOn success, 0 is returned, a non-zero failure code otherwise.\n\n"
				 "# SEE ALSO\n\n**systemd**(1), **systemd.unit**(5)\n";
	static const char de[] = "# EXIT-STATUS\n\nBei Erfolg wird 0 zurückgegeben, anderenfalls ein Fehlercode "
				 "ungleich Null.\n\n# SIEHE AUCH\n\n**systemd**(1), **systemd.unit**(5)\n\n"
				 "# ÜBERSETZUNG\n\nDie deutsche Übersetzung dieser Handbuchseite wurde von Helge "
				 "Kreutzmann erstellt.\n\nDiese Übersetzung ist Freie Dokumentation; lesen Sie die GNU "
				 "General Public License Version 3 oder neuer bezüglich der Copyright-Bedingungen.\n";
	char *got = groups(en, de);
	cr_assert_str_eq(got, "0-1:0-1 1-2:1-2 2-3:2-3 3-4:3-4 4-4:4-7");
	free(got);
}

/* LibreOffice's function lists, which each language sorts by its own
 * function names: every block has a counterpart of its kind and length,
 * but the numbers both pages share stand in another order, so the pages
 * are not compared block by block. The same pages in one order are. */
Test(translations_align, pages_whose_shared_keys_are_reordered_are_not_comparable)
{
	static const char *const en_items[] = { "=AND(12<13;14>12;7<6) returns FALSE.",
						"=LOGNORM.INV(0.05;0;1) returns 0.1930408167.",
						"=FLOOR.XCL(-45.67,2) returns -46.",
						"=DAYS360(\"2000-01-01\";NOW()) returns 8461.",
						"=ISOWEEKNUM(DATE(1999;1;1)) returns 53." };
	static const char *const de_items[] = { "=UND(12<13;14>12;7<6) ergibt FALSCH.",
						"=LOGNORM.INV(0,05;0;1) ergibt 0,1930408167.",
						"=UNTERGRENZE.EXCEL(-45,67;2) ergibt -46.",
						"=TAGE360(\"2000-01-01\";JETZT()) ergibt 8461.",
						"=ISOKALENDERWOCHE(DATUM(1999;1;1)) ergibt 53." };
	static const int reordered[] = { 3, 0, 4, 2, 1 };
	cl_buf en = CL_BUF_INIT, de = CL_BUF_INIT, de_sorted = CL_BUF_INIT;
	for (size_t i = 0; i < 5; i++) {
		cl_buf_printf(&en, "## F%zu\n\n%s\n\n", i, en_items[i]);
		cl_buf_printf(&de, "## F%zu\n\n%s\n\n", i, de_items[i]);
		cl_buf_printf(&de_sorted, "## F%zu\n\n%s\n\n", i, de_items[reordered[i]]);
	}
	cl_buf_put(&en, "", 0);
	cl_buf_put(&de, "", 0);
	cl_buf_put(&de_sorted, "", 0);
	cl_alignment a;
	parse(&src, en.ptr);
	parse(&tr, de.ptr);
	cl_align_documents(&a, &src, &tr);
	cr_assert(cl_alignment_comparable(&a, &src, &tr));
	cl_alignment_dispose(&a);
	cl_document_dispose(&tr);
	parse(&tr, de_sorted.ptr);
	cl_align_documents(&a, &src, &tr);
	cr_assert_eq(a.shared_keys, 5);
	cr_assert(a.anchors < 4, "%zu anchors", a.anchors);
	cr_assert_not(cl_alignment_comparable(&a, &src, &tr));
	cl_alignment_dispose(&a);
	cl_buf_dispose(&en);
	cl_buf_dispose(&de);
	cl_buf_dispose(&de_sorted);
}
