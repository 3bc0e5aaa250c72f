/* The duplicated-text rules, in English, Czech, German and French (and the
 * languages repeated-word treats specially): each broken case at its exact
 * line and column, each correct case silent. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

static copylint_results *results;

static void done(void)
{
	copylint_results_free(results);
	results = NULL;
}

static void expect_one(const char *rule, size_t line, size_t column)
{
	cr_assert_eq(count_rule(results, rule), 1, "expected exactly one %s", rule);
	cr_assert_not_null(find_at(results, rule, line, column), "no %s at %zu:%zu (first is at %zu:%zu)", rule,
			   line, column, copylint_results_at(results, 0)->line, copylint_results_at(results, 0)->column);
}

static void expect_none(const char *rule)
{
	size_t n = count_rule(results, rule);
	cr_assert_eq(n, 0, "expected no %s, got %zu (first: %s)", rule, n,
		     n ? copylint_results_at(results, 0)->message : "");
}

/* ---- repeated-word ---------------------------------------------------- */

Test(repeated_word, english, .fini = done)
{
	results = check_text("a.md", "This is the the end.\n", "en-US", "repeated-word");
	expect_one("repeated-word", 1, 13);
	const copylint_finding *f = copylint_results_at(results, 0);
	cr_assert_eq(f->end_column, 16);
	cr_assert_not_null(f->fix);
	cr_assert_str_eq(f->fix->original, " the");
	cr_assert_str_eq(f->fix->replacement, "");
	cr_assert_eq(f->fix->column, 12);
}

Test(repeated_word, english_grammatical_doublings_are_fine, .fini = done)
{
	results = check_text("a.md", "She had had enough. He said that that was fine.\n", "en-US", "repeated-word");
	expect_none("repeated-word");
}

Test(repeated_word, czech, .fini = done)
{
	results = check_text("a.md", "Je to v v pořádku.\n\nByla to velmi velká věc.\n", "cs", "repeated-word");
	expect_one("repeated-word", 1, 9);
}

Test(repeated_word, german_article_and_relative_pronoun, .fini = done)
{
	results = check_text("a.md", "Das ist ist gut.\n\nEs ist die Idee, die die Welt verändert.\n", "de",
			     "repeated-word");
	expect_one("repeated-word", 1, 9);
}

Test(repeated_word, french_pronominal_verbs, .fini = done)
{
	results = check_text("a.md", "C'est le le chat.\n\nNous nous levons tôt. Vous vous trompez.\n", "fr",
			     "repeated-word");
	expect_one("repeated-word", 1, 10);
}

Test(repeated_word, french_exception_is_only_french, .fini = done)
{
	results = check_text("a.md", "Vous vous trompez.\n", "en-US", "repeated-word");
	expect_one("repeated-word", 1, 6);
}

Test(repeated_word, turkish_reduplication, .fini = done)
{
	results = check_text("a.md", "Sık sık gelir ve yavaş yavaş gider.\n", "tr", "repeated-word");
	expect_none("repeated-word");
}

Test(repeated_word, latin_binomial_inside_a_sentence, .fini = done)
{
	results = check_text("a.md", "The whooper swan, Cygnus cygnus, winters here.\n", "en-US", "repeated-word");
	expect_none("repeated-word");
}

Test(repeated_word, case_insensitive_at_the_start_of_a_sentence, .fini = done)
{
	results = check_text("a.md", "The the cat sat.\n", "en-US", "repeated-word");
	expect_one("repeated-word", 1, 5);
}

Test(repeated_word, across_a_line_break, .fini = done)
{
	results = check_text("a.md", "We went to the\nthe shop.\n", "en-US", "repeated-word");
	expect_one("repeated-word", 2, 1);
}

Test(repeated_word, not_across_paragraphs_headings_or_punctuation, .fini = done)
{
	results = check_text("a.md", "It ended with the\n\nthe start.\n\n# Go\n\nGo home. Home is far, far away.\n",
			     "en-US", "repeated-word");
	expect_none("repeated-word");
}

Test(repeated_word, never_inside_code, .fini = done)
{
	results = check_text("a.md", "Call `echo echo` now.\n\n```\nthe the\n```\n", "en-US", "repeated-word");
	expect_none("repeated-word");
}

Test(repeated_word, combining_marks_stay_in_the_word, .fini = done)
{
	/* Hindi "यह यह किताब": the second यह starts at column 4 */
	results = check_text("a.md", "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\xAF\xE0\xA4\xB9 "
			     "\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xBE\xE0\xA4\xAC\n", "hi", "repeated-word");
	expect_one("repeated-word", 1, 4);
}

Test(repeated_word, scripts_without_spaces_reduplicate_on_purpose, .fini = done)
{
	results = check_text("a.md", "\xE4\xBA\xBA\xE4\xBA\xBA\xE9\x83\xBD\xE5\x96\x9C\xE6\xAC\xA2\xE3\x80\x82\n",
			     "zh", "repeated-word");
	expect_none("repeated-word");
}

Test(repeated_word, numbers_are_not_words, .fini = done)
{
	results = check_text("a.md", "Scores were 1 1 and 2 2.\n", "en-US", "repeated-word");
	expect_none("repeated-word");
}

/* ---- repeated-heading ------------------------------------------------- */

Test(repeated_heading, siblings_only, .fini = done)
{
	results = check_text("a.md", "# Guide\n\n## Setup\n\n### Prerequisites\n\n## Usage\n\n### Prerequisites\n\n"
			     "### Notes\n\n### Notes\n", "en-US", "repeated-heading");
	expect_one("repeated-heading", 13, 5);
	cr_assert_eq(copylint_results_at(results, 0)->related->line, 11);
}

Test(repeated_heading, the_title_repeated_lower_down, .fini = done)
{
	results = check_text("a.md", "# Floods hit the coast\n\nText here.\n\n## FLOODS  hit the coast\n", "en-US",
			     "repeated-heading");
	expect_one("repeated-heading", 5, 4);
}

Test(repeated_heading, front_matter_title_repeated_by_the_first_heading_is_normal, .fini = done)
{
	results = check_text("a.md", "---\ntitle: Floods hit the coast\n---\n# Floods hit the coast\n\nText.\n",
			     "en-US", "repeated-heading");
	expect_none("repeated-heading");
}

Test(repeated_heading, breadcrumb_stripped_title_in_plain_text, .fini = done)
{
	results = check_text("a.txt", "Home News Floods hit the eastern coast\n\nFloods hit the eastern coast\n\n"
			     "The water rose overnight.\n", "en-US", "repeated-heading");
	expect_one("repeated-heading", 3, 1);
	cr_assert_eq(copylint_results_at(results, 0)->related->line, 1);
	cr_assert_eq(copylint_results_at(results, 0)->related->column, 11);
}

Test(repeated_heading, a_short_title_suffix_is_not_a_repeat, .fini = done)
{
	results = check_text("a.txt", "A gentle introduction\n\nSome text here.\n\nIntroduction\n\nMore text.\n",
			     "en-US", "repeated-heading");
	expect_none("repeated-heading");
}

Test(repeated_heading, czech, .fini = done)
{
	results = check_text("a.md", "# Praha hlásí rekordní návštěvnost\n\n## Doprava\n\nText.\n\n## DOPRAVA\n\n"
			     "## Ubytování\n", "cs", "repeated-heading");
	expect_one("repeated-heading", 7, 4);
}

Test(repeated_heading, german_with_eszett_folding, .fini = done)
{
	results = check_text("a.md", "# Bericht\n\n## Straße und Verkehr\n\n## Strasse und Verkehr\n", "de",
			     "repeated-heading");
	expect_one("repeated-heading", 5, 4);
}

Test(repeated_heading, french_with_nbsp, .fini = done)
{
	results = check_text("a.md", "# Rapport\n\n## Pourquoi\xC2\xA0?\n\n## Pourquoi ?\n\n## Comment\n", "fr",
			     "repeated-heading");
	expect_one("repeated-heading", 5, 4);
}

/* ---- duplicate-sentence ----------------------------------------------- */

Test(duplicate_sentence, english, .fini = done)
{
	results = check_text("a.md", "The committee approved the budget today. Later it met again.\n\n"
			     "Members were pleased. The committee approved the budget today.\n", "en-US",
			     "duplicate-sentence");
	expect_one("duplicate-sentence", 3, 23);
	cr_assert_eq(copylint_results_at(results, 0)->related->line, 1);
	cr_assert_eq(copylint_results_at(results, 0)->related->column, 1);
}

Test(duplicate_sentence, short_sentences_may_repeat, .fini = done)
{
	results = check_text("a.md", "Yes it is. We agree. Yes it is.\n", "en-US", "duplicate-sentence");
	expect_none("duplicate-sentence");
}

Test(duplicate_sentence, czech_across_a_line_break, .fini = done)
{
	results = check_text("a.md", "Vláda schválila nový rozpočet na příští rok. Opozice protestovala.\n\n"
			     "Podle ministra je to dobře. Vláda schválila nový\nrozpočet na příští rok.\n", "cs",
			     "duplicate-sentence");
	expect_one("duplicate-sentence", 3, 29);
}

Test(duplicate_sentence, german_quotes_are_folded, .fini = done)
{
	results = check_text("a.md", "Er sagte „wir schaffen das schon“ am Montag.\n\n"
			     "Er sagte \"wir schaffen das schon\" am Montag.\n", "de", "duplicate-sentence");
	/* the whole paragraph repeats: that is duplicate-paragraph's finding */
	expect_none("duplicate-sentence");
	done();
	results = check_text("a.md", "Er sagte „wir schaffen das schon“ am Montag. Dann ging er.\n\n"
			     "Heute nicht. Er sagte \"wir schaffen das schon\" am Montag.\n", "de", "duplicate-sentence");
	expect_one("duplicate-sentence", 3, 14);
}

Test(duplicate_sentence, french_nbsp_is_folded, .fini = done)
{
	results = check_text("a.md", "Le ministre a-t-il menti au Parlement\xC2\xA0? Personne ne sait.\n\n"
			     "On se demande. Le ministre a-t-il menti au Parlement ?\n", "fr", "duplicate-sentence");
	expect_one("duplicate-sentence", 3, 16);
}

/* ---- duplicate-paragraph ---------------------------------------------- */

Test(duplicate_paragraph, english_with_case_and_space_differences, .fini = done)
{
	results = check_text("a.md", "The storm passed over the city at night.\n\nOther text here.\n\n"
			     "the storm  passed over the\ncity at night.\n", "en-US", "duplicate-paragraph");
	expect_one("duplicate-paragraph", 5, 1);
	cr_assert_eq(copylint_results_at(results, 0)->end_line, 6);
	cr_assert_eq(copylint_results_at(results, 0)->related->line, 1);
}

Test(duplicate_paragraph, short_paragraphs_may_repeat, .fini = done)
{
	results = check_text("a.md", "Read more.\n\nText between them here.\n\nRead more.\n", "en-US",
			     "duplicate-paragraph");
	expect_none("duplicate-paragraph");
}

Test(duplicate_paragraph, czech_german_french_list_items, .fini = done)
{
	results = check_text("a.md", "- Vláda schválila nový rozpočet na rok.\n- Jiná položka.\n"
			     "- Vláda schválila nový rozpočet na rok.\n", "cs", "duplicate-paragraph");
	expect_one("duplicate-paragraph", 3, 3);
	done();
	results = check_text("a.md", "> Die Regierung hat den Haushalt beschlossen.\n\n"
			     "> Die Regierung hat den Haushalt beschlossen.\n", "de", "duplicate-paragraph");
	expect_one("duplicate-paragraph", 3, 3);
	done();
	results = check_text("a.txt", "Le gouvernement a adopté le budget hier.\n\nAutre chose ici.\n\n"
			     "Le gouvernement a adopté le budget hier.\n", "fr", "duplicate-paragraph");
	expect_one("duplicate-paragraph", 5, 1);
}

Test(duplicate_paragraph, a_description_repeated_as_the_lead_is_normal, .fini = done)
{
	results = check_text("a.md", "---\ndescription: The storm passed over the city at night.\n---\n"
			     "The storm passed over the city at night.\n", "en-US", "duplicate-paragraph");
	expect_none("duplicate-paragraph");
}
