/* link-mismatch and translated anchors: an in-page link whose anchor the
 * translation translated together with the heading it points at is a
 * localisation; one that points at another heading, or at none, is still
 * reported. The Russian excerpt is the CNCF Cloud Native Glossary's
 * (github.com/cncf/glossary, Apache License 2.0),
 * content/{en,ru}/contributor-ladder/_index.md. */
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

TestSuite(translations_anchors, .init = setup, .fini = teardown);

static copylint_results *check_pair_ext(const char *lang, const char *ext, const char *source, const char *translation)
{
	return check_translation_pair(dir, lang, ext, source, translation, "link-mismatch", COPYLINT_SEVERITY_OFF);
}

static copylint_results *check_pair(const char *lang, const char *source, const char *translation)
{
	return check_pair_ext(lang, ".md", source, translation);
}

/* Exactly one finding, at line:column, with message, related to the source's line:column. */
static void assert_one(copylint_results *r, size_t line, size_t column, const char *message, size_t sline,
		       size_t scolumn)
{
	cr_assert_eq(count_rule(r, "link-mismatch"), 1, "%zu findings", count_rule(r, "link-mismatch"));
	const copylint_finding *f = copylint_results_at(r, 0);
	cr_assert_eq(f->severity, COPYLINT_SEVERITY_INFO);
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
	cr_assert_eq(count_rule(r, "link-mismatch"), 0, "%zu findings: %s", count_rule(r, "link-mismatch"),
		     copylint_results_count(r) ? copylint_results_at(r, 0)->message : "");
	copylint_results_free(r);
}

static const char ladder_en[] =
	"# Contributor Ladder\n\n"
	"Anyone can become an approver (see [Becoming an Approver](#becoming-an-approver)).\n\n"
	"## Approvers\n\nApprovers review PRs.\n\n"
	"### Becoming an Approver\n\nCandidates have experience with PRs.\n";

Test(translations_anchors, translated_slug_of_the_aligned_heading_passes)
{
	static const char ru[] =
		"# Лестница участников\n\n"
		"Любой может стать апрувером (см. [Стать апрувером](#стать-апрувером)).\n\n"
		"## Апруверы\n\nАпруверы проверяют PR.\n\n"
		"### Стать апрувером\n\nКандидаты имеют опыт с PR.\n";
	assert_none(check_pair("ru", ladder_en, ru));
}

Test(translations_anchors, translated_explicit_id_of_the_aligned_heading_passes)
{
	static const char en[] = "# Guide\n\nSee [the background](#background-information).\n\n"
				 "## Background information {#background-information}\n\nSome history.\n";
	static const char fr[] = "# Guide\n\nVoir [le contexte](#contexte).\n\n"
				 "## Contexte {#contexte}\n\nUn peu d'histoire.\n";
	assert_none(check_pair("fr", en, fr));
}

Test(translations_anchors, anchor_of_another_heading_is_reported)
{
	/* #approvers is the translation's heading aligned with the source's
	 * "Approvers", not with "Becoming an Approver" */
	static const char de[] =
		"# Mitwirkenden-Leiter\n\n"
		"Jeder kann Approver werden (siehe [Approver werden](#approver)).\n\n"
		"## Approver\n\nApprover prüfen PRs.\n\n"
		"### Approver werden\n\nKandidaten haben Erfahrung mit PRs.\n";
	assert_one(check_pair("de", ladder_en, de), 3, 53,
		   "link target “#approver” differs from the source's “#becoming-an-approver”", 3, 59);
}

Test(translations_anchors, anchor_of_no_heading_is_reported)
{
	static const char es[] =
		"# Escalera de contribuidores\n\n"
		"Cualquiera puede ser aprobador (ver [Ser aprobador](#ser-aprobador)).\n\n"
		"## Aprobadores\n\nLos aprobadores revisan PRs.\n\n"
		"### Convertirse en aprobador\n\nLos candidatos tienen experiencia.\n";
	assert_one(check_pair("es", ladder_en, es), 3, 53,
		   "link target “#ser-aprobador” differs from the source's “#becoming-an-approver”", 3, 59);
}

Test(translations_anchors, anchor_kept_as_in_the_source_passes)
{
	static const char en[] = "# Guide\n\nSee [it](#setup).\n\n## Setup {#setup}\n\nSteps.\n";
	static const char fr[] = "# Guide\n\nVoir [ceci](#setup).\n\n## Installation {#setup}\n\nÉtapes.\n";
	assert_none(check_pair("fr", en, fr));
}

Test(translations_anchors, anchor_on_another_page_is_not_compared)
{
	/* whether /docs/pod's anchor was translated with its heading would take
	 * aligning that page too: the anchor is left out, the page is not */
	static const char en[] = "# Guide\n\nSee [pods](/docs/pod/#how-it-helps) and [nodes](/docs/node/).\n";
	static const char fr[] = "# Guide\n\nVoir [les pods](/fr/docs/pod/#utilite) et [les nœuds](/docs/noeud/).\n";
	assert_one(check_pair("fr", en, fr), 3, 55,
		   "link target “/docs/noeud/” differs from the source's “/docs/node/”", 3, 49);
}
