/* The formatting and repeated-word rules stay quiet on what real,
 * edited copy writes on purpose (CJK quotes, Hugo shortcodes, Russian
 * case endings, reduplication, entities, code) and still find the real
 * defect next to it, at its exact line and column. Each case comes from
 * a false finding or a miss seen on translated documentation sites. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define RUN(rule, cases) RUN_RULE_CASES(rule, cases)

/* The one finding of rule at line:column, its severity and message checked. */
static void expect_finding(const char *path, const char *text, const char *lang, const char *rule, size_t line,
			   size_t column, copylint_severity severity, const char *message_part)
{
	copylint_results *r = check_text(path, text, lang, rule);
	const copylint_finding *f = find_at(r, rule, line, column);
	cr_assert_eq(count_rule(r, rule), 1, "%s: %zu findings in “%s”", rule, count_rule(r, rule), text);
	cr_assert_not_null(f, "%s: nothing at %zu:%zu in “%s”", rule, line, column, text);
	cr_expect_eq(f->severity, severity, "%s at %zu:%zu: severity %d", rule, line, column, (int)f->severity);
	cr_expect(strstr(f->message, message_part) != NULL, "%s", f->message);
	copylint_results_free(r);
}

/* ---- whitespace ------------------------------------------------------- */

Test(quiet_typography, trailing_white_space_is_info)
{
	expect_finding("a.txt", "Trailing here.   \nNext line.\n", "en", "whitespace", 1, 15, COPYLINT_SEVERITY_INFO,
		       "trailing white space");
	expect_finding("a.md", "Trailing at the end.  \n\nNext.\n", "en", "whitespace", 1, 21, COPYLINT_SEVERITY_INFO,
		       "trailing white space");
	expect_finding("a.md", "A tab then a space \t \nnext.\n", "en", "whitespace", 1, 19, COPYLINT_SEVERITY_INFO,
		       "trailing white space");
}

Test(quiet_typography, doubled_spaces_stay_warnings_beside_hard_breaks)
{
	/* Two spaces end a line with a hard break: nothing; two inside the
	 * next line: a warning, as before. */
	expect_finding("a.md", "Hard break  \nnext  line.\n", "en", "whitespace", 2, 5, COPYLINT_SEVERITY_WARNING,
		       "2 spaces in a row");
	static const rule_case cases[] = {
		{ "en", "a.md", "Hard break  \nnext line.\n\n> Quoted break   \n> next line.\n", 0, { { 0 } } },
	};
	RUN("whitespace", cases);
}

Test(quiet_typography, layout_spaces_in_text_tables_and_footnotes)
{
	static const rule_case cases[] = {
		{ "en", "a.md", "|  |  | a |\n\n[3]  With current kernels it works.\n", 0, { { 0 } } },
		{ "en", "a.md", "[3]  With current  kernels.\n", 1, { { 1, 18 } } },
	};
	RUN("whitespace", cases);
}

Test(quiet_typography, doubled_spaces_after_a_sentence_end_in_any_script)
{
	/* Bengali and Hindi end a sentence with the danda `।`, Urdu with `۔`:
	 * two spaces after it are the typewriter's habit, as after `.`. Two
	 * spaces between the words of the sentence stay a warning. */
	static const rule_case cases[] = {
		{ "bn", "a.md", "\u098F\u0996\u09A8 \u09AB\u09BF\u09B0\u09C7 \u0986\u09B8\u09C1\u09A8\u0964  \u098F\u099F\u09BF \u0995\u09BF\u09AD\u09BE\u09AC\u09C7\u0964\n", 0, { { 0 } } },
		{ "ur", "a.md", "\u06CC\u06C1 \u06C1\u06D2\u06D4  \u0648\u06C1 \u06C1\u06D2\u06D4\n", 0, { { 0 } } },
		{ "bn", "a.md", "\u0995\u09C7\u0993\u09B8  \u0987\u099E\u09CD\u099C\u09BF\u09A8\u09BF\u09AF\u09BC\u09BE\u09B0\u09BF\u0982\u0964\n", 1, { { 1, 5 } } },
	};
	RUN("whitespace", cases);
}

Test(quiet_typography, doubled_spaces_beside_inline_markup)
{
	/* The spaces touch a link's target or emphasis marks in the source:
	 * left by editing, unseen on the rendered page. Inside the link's
	 * text, or between plain words next to it, they stay a warning. */
	static const rule_case cases[] = {
		{ "en", "a.md", "Read [the guide](/guide/)  before you start.\n", 0, { { 0 } } },
		{ "en", "a.md", "Read the  [guide](/guide/) and **this**  too.\n", 0, { { 0 } } },
		{ "en", "a.md", "Read [the  guide](/guide/) before  you start.\n", 2, { { 1, 10 }, { 1, 34 } } },
	};
	RUN("whitespace", cases);
}

Test(quiet_typography, trailing_white_space_stays_info_when_the_rule_is_an_error)
{
	char *dir = make_temp_dir(), *path;
	asprintf(&path, "%s/a.md", dir);
	const char *text = "Trailing.  \n\nTwo  spaces.\n";
	write_file(path, text, strlen(text));
	const char *argv[] = { "check", "--lang", "en", "--quiet", "--rule", "whitespace=error", "a.md", NULL };
	run_result r = run_copylint(dir, argv, NULL, NULL);
	cr_expect(strstr(r.out, "a.md:1:10: info: trailing white space [whitespace]") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "a.md:3:4: error: 2 spaces in a row [whitespace]") != NULL, "%s", r.out);
	run_result_free(&r);
	remove_tree(dir);
	free(path);
	free(dir);
}

/* ---- unbalanced-pair -------------------------------------------------- */

Test(quiet_typography, bare_url_running_into_cjk_text_keeps_its_bracket)
{
	/* No space ends the URL in Japanese: its `)` closes the prose's `(`. A
	 * URL's own balanced brackets stay its own. */
	static const rule_case cases[] = {
		{ "ja", "a.md", "\u30DD\u30A4\u30F3\u30C8(\u4F8B: www.example-url.com)\u3092\u516C\u958B\u3057\u3002\n", 0, { { 0 } } },
		{ "ja", "a.md", "\u30DD\u30A4\u30F3\u30C8(\u4F8B: www.example-url.com \u3092\u516C\u958B\u3057\u3002\n", 1, { { 1, 5 } } },
		/* Two in one paragraph: the first URL runs on to the next bracket. */
		{ "ja", "a.md", "\u30DD\u30A4\u30F3\u30C8(\u4F8B: www.a.com)\u3092\u516C\u958B\u3057\u3001\u30D1\u30B9(\u4F8B: "
				"www.a.com/path)\u306B\u57FA\u3065\u3044\u3066\u3002\n", 0, { { 0 } } },
		{ "en", "a.md", "See https://en.wikipedia.org/wiki/Foo_(bar) (a note.\n", 1, { { 1, 45 } } },
	};
	RUN("unbalanced-pair", cases);
}

Test(quiet_typography, cjk_quotes_between_letters)
{
	static const rule_case cases[] = {
		{ "ja", "a.md", "「カナリア」という用語は、「炭鉱のカナリア」という慣習に由来します。\n", 0, { { 0 } } },
		{ "ja", "a.md", "オペレーターは、\"ブルー\"と\"グリーン\"と呼ばれる2つの環境を維持します。\n", 0, { { 0 } } },
		{ "zh-CN", "a.md", "负载均衡器是路由流量的“交通警察”。\n", 0, { { 0 } } },
		{ "zh-TW", "a.md", "就像一個能夠管理應用程式的「資料中心作業系統」。\n", 0, { { 0 } } },
		{ "ko", "a.md", "[저장소](https://x.org/issues)로 이동하여, \"New issue\"를 클릭한다.\n", 0, { { 0 } } },
		{ "tr", "a.md", "Yeni bir \"bilgisayar\"ı (diğer adıyla VM) çalıştırın.\n", 0, { { 0 } } },
		/* Still found: a corner bracket that stays open. */
		{ "ja", "a.md", "「カナリア」という用語は、「炭鉱のカナリア という慣習。\n", 1, { { 1, 14 } } },
		{ "zh-CN", "a.md", "负载均衡器是路由流量的“交通警察。\n", 1, { { 1, 12 } } },
	};
	RUN("unbalanced-pair", cases);
}

Test(quiet_typography, full_width_brackets)
{
	static const rule_case cases[] = {
		{ "zh-CN", "a.md", "工程（SRE）很重要（真的。\n", 1, { { 1, 11 } } },
		{ "zh-TW", "a.md", "1）擁有強大技術背景的審核者，\n\n2）具有扎實的寫作能力的審核者。\n", 0, { { 0 } } },
	};
	RUN("unbalanced-pair", cases);
	expect_finding("a.md", "网站可靠性工程（SRE)\n", "zh-CN", "unbalanced-pair", 1, 12, COPYLINT_SEVERITY_WARNING,
		       "“)” closes “（”");
}

Test(quiet_typography, hugo_shortcodes_and_symbol_headings)
{
	static const rule_case cases[] = {
		{ "en", "a.md", "See https://github.com/{{% param repo %}}/issues for more.\n\n"
				"See [it](https://x.org/{{% param \"a\" %}}) now, or {{< figure caption=\"(x\" >}}.\n",
		  0, { { 0 } } },
		{ "en", "a.md", "# ((\n\n> This command is an alias of `let`.\n\n- View the documentation:\n", 0, { { 0 } } },
		{ "en", "a.md", "See {{% param repo %}} (open.\n", 1, { { 1, 24 } } },
	};
	RUN("unbalanced-pair", cases);
}

Test(quiet_typography, quotes_of_a_passage_in_another_language)
{
	static const rule_case cases[] = {
		/* English quotes balance in any language: “model” in a Czech text,
		 * an English passage on a German page. */
		{ "de", "a.md", "**Beispiel**: take a look at the “What it is” section of the service mesh definition. "
				"It links back to the microservices, service, reliability, and observability definitions.\n",
		  0, { { 0 } } },
		{ "cs", "a.md", "Každý balíček může být označen “instalovat” nebo „odebrat“.\n", 0, { { 0 } } },
		/* A French passage on a German page takes French « ». */
		{ "de", "a.md", "Il a dit « oui » et il est parti avec les enfants, mais la maison est restée dans le "
				"village.\n", 0, { { 0 } } },
		{ "de", "a.md", "Er sagte Hallo“ und ging.\n", 1, { { 1, 15 } } },
	};
	RUN("unbalanced-pair", cases);
}

Test(quiet_typography, lone_marks_name_themselves)
{
	static const rule_case cases[] = {
		{ "en", "a.md", "The repetition operator **{** is not supported; \\[ accepts --help.\n", 0, { { 0 } } },
		{ "en", "a.md", "Tutorials ( _HOWTO_ ) and more (here.\n", 1, { { 1, 32 } } },
		{ "en", "a.md", "The string delimiter is the double quote (\").\n", 0, { { 0 } } },
	};
	RUN("unbalanced-pair", cases);
}

/* ---- punctuation-spacing ---------------------------------------------- */

Test(quiet_typography, code_in_raw_html)
{
	static const rule_case cases[] = {
		{ "fr", "a.md", "Tapez <code>git commit -m \"fix: typo\"</code> puis <kbd>Ctrl</kbd>.\n", 0, { { 0 } } },
		{ "en", "a.md", "Run <code>make , install</code> or <samp>a .b</samp> now.\n", 0, { { 0 } } },
		/* After the element, prose again. */
		{ "en", "a.md", "Run <code>make</code> now , please.\n", 1, { { 1, 26 } } },
	};
	RUN("punctuation-spacing", cases);
}

Test(quiet_typography, dotted_identifiers)
{
	static const rule_case cases[] = {
		{ "en", "a.md", "Use System.Data.SqlClient, SpanKind.Internal and Console.Write(x) here.\n", 0, { { 0 } } },
		{ "en", "a.md", "The end.Next one.\n", 1, { { 1, 8 } } },
	};
	RUN("punctuation-spacing", cases);
}

Test(quiet_typography, space_before_punctuation_after_code)
{
	static const rule_case cases[] = {
		{ "en", "a.md", "With `import` and `export` . Also `name` , possible.\n", 2, { { 1, 27 }, { 1, 41 } } },
		{ "en", "a.md", "With `import` and `export`. See <https://x.org/a> .\n", 0, { { 0 } } },
		/* Operators listed on purpose, a signature's spaced brackets. */
		{ "en", "a.md", "Control operators: `&&` , `||` , `;` and `cotd` ( `double precision` ) here.\n", 0, { { 0 } } },
	};
	RUN("punctuation-spacing", cases);
}

Test(quiet_typography, passage_in_another_language_takes_its_own_rules)
{
	static const rule_case cases[] = {
		/* English on a French page: no French spaces wanted... */
		{ "fr", "a.md", "Example: take a look at the section of the definition. It links back to the "
				"microservices, and it uses an example that anyone can understand!\n", 0, { { 0 } } },
		/* ...but English rules hold. */
		{ "fr", "a.md", "Example: take a look at the section of the definition , which links back to the "
				"microservices, and it uses an example that anyone can understand.\n", 1, { { 1, 54 } } },
		{ "fr", "a.md", "Il a dit: oui.\n", 1, { { 1, 9 } } },
	};
	RUN("punctuation-spacing", cases);
}

Test(quiet_typography, a_bracket_named_alone_is_a_symbol)
{
	/* `]` and `)` that close nothing are named, not drawn to a word; spaces
	 * inside a real pair of brackets stay a finding. */
	static const rule_case cases[] = {
		{ "fr", "a.md", "Tapez le crochet droit ] ou la touche C-x ) ici.\n", 0, { { 0 } } },
		{ "en", "a.md", "The functions ( Function ) and [ the list ] here.\n", 2, { { 1, 25 }, { 1, 42 } } },
		{ "vi", "a.md", "C\u00E1c [tri\u1EC3n khai )](/x/), gi\u00FAp.\n", 1, { { 1, 16 } } },
	};
	RUN("punctuation-spacing", cases);
}

Test(quiet_typography, french_spacing_leaves_formulas_and_signatures)
{
	/* A call's arguments and return type, a range, a character class: the
	 * syntax of code and formulas that help pages print as text. */
	static const rule_case cases[] = {
		{ "fr", "a.md", "La syntaxe est NB.SI(plage; critère) et svc.Wrap(inputstr: str, width: int): str ici.\n", 0, { { 0 } } },
		{ "fr", "a.md", "Saisissez =SOMME(A2:A6;\"x\";B2:B6) ou la classe [:digit:] ici.\n", 0, { { 0 } } },
		/* A clause's colon stays a finding, also inside brackets in prose
		 * and after a bracket that is not a call's. */
		{ "fr", "a.md", "Il a dit (en bref: oui) puis les fichiers (tous): non. Quoi?!\n", 3, { { 1, 18 }, { 1, 49 }, { 1, 60 } } },
	};
	RUN("punctuation-spacing", cases);
}

/* ---- mixed-script ----------------------------------------------------- */

Test(quiet_typography, case_endings_after_an_apostrophe)
{
	static const rule_case cases[] = {
		{ "ru", "a.md", "Откройте PR'ы на GitHub'е, обсудите в Slack'е и дождитесь Request'ов.\n", 0, { { 0 } } },
		{ "bn", "a.md", "APIগুলি ব্যবহার করুন।\n", 0, { { 0 } } },
		/* A lookalike inside one part is still one. */
		{ "en", "a.md", "I d\u043En't know.\n", 1, { { 1, 3 } } },
		{ "ru", "a.md", "Откройте PR'ы на GitHubе.\n", 1, { { 1, 18 } } },
		/* Names join parts with dots and underscores (LibreOffice's Russian IMSECH). */
		{ "ru", "a.md", "Функции МНИМ.SECH, F.РАСП и массив Данные_Y.\n", 0, { { 0 } } },
	};
	RUN("mixed-script", cases);
}

/* ---- repeated-word ---------------------------------------------------- */

Test(quiet_typography, reduplication)
{
	static const rule_case cases[] = {
		{ "tr", "a.md", "Kapsayıcılar ayrı ayrı çalışır; tekrar tekrar denenir. Zaman zaman durur.\n", 0, { { 0 } } },
		{ "bn", "a.md", "তারা সাথে সাথে এবং ধীরে ধীরে ঘন ঘন কাজ করে।\n", 0, { { 0 } } },
		{ "hi", "a.md", "यह बार बार और साथ साथ होता है।\n", 0, { { 0 } } },
		{ "ur", "a.md", "یہ بار بار اور ساتھ ساتھ ہوتا ہے۔\n", 0, { { 0 } } },
		{ "vi", "a.md", "Người vận hành duy trì song song hai môi trường để phát triển triển khai.\n", 0, { { 0 } } },
		/* Genuine doublings still found. */
		{ "bn", "a.md", "তারা এবং এবং আমরা।\n", 1, { { 1, 10 } } },
		{ "tr", "a.md", "Bu ve ve şu.\n", 1, { { 1, 7 } } },
		{ "en", "a.md", "This is the the end.\n", 1, { { 1, 13 } } },
	};
	RUN("repeated-word", cases);
}

Test(quiet_typography, word_then_compound_and_quoted_terms)
{
	static const rule_case cases[] = {
		{ "pt-BR", "a.md", "Até segunda segunda-feira.\n", 0, { { 0 } } },
		{ "ru", "a.md", "Риск того, что что-то пойдет не так.\n", 0, { { 0 } } },
		{ "fr", "a.md", "Découvrir les \"inconnues inconnues\" et les « inconnues inconnues ».\n", 0, { { 0 } } },
		{ "fr", "a.md", "Découvrir les inconnues inconnues du système.\n", 1, { { 1, 25 } } },
		{ "pt-BR", "a.md", "Até segunda segunda.\n", 1, { { 1, 13 } } },
	};
	RUN("repeated-word", cases);
}

Test(quiet_typography, single_letters_and_hard_breaks)
{
	static const rule_case cases[] = {
		/* Czech "A a B" is "A and B". */
		{ "cs", "a.md", "Vrátí True, pokud jsou hodnoty A a B stejné.\n", 0, { { 0 } } },
		/* A definition's term, a hard break, its text. */
		{ "cs", "a.md", "**-k** SOUBOR  \nSOUBOR existuje.\n\nintr CHAR\\\nCHAR pro signál.\n", 0, { { 0 } } },
		{ "cs", "a.md", "Je to v v pořádku a we went to the\nthe shop.\n", 2, { { 1, 9 }, { 2, 1 } } },
		/* An option and its argument; a word and the parameter it names. */
		{ "en", "a.md", "**-n, --table-name** *name* and memory address _address_.\n", 0, { { 0 } } },
		{ "en", "a.md", "Call it to to create _the_ _the_ table.\n", 2, { { 1, 12 }, { 1, 29 } } },
	};
	RUN("repeated-word", cases);
}

/* ---- invisible-character ---------------------------------------------- */

Test(quiet_typography, entities_are_on_purpose)
{
	static const rule_case cases[] = {
		{ "de", "a.md", "Silben&shy;trennung und Null&#x200B;breite.\n", 0, { { 0 } } },
		{ "de", "a.md", "Silben&shy;trennung und Silben\u00ADtrennung.\n", 1, { { 1, 31 } } },
	};
	RUN("invisible-character", cases);
}

Test(quiet_typography, a_run_is_one_finding)
{
	expect_finding("a.md", "a\u200B\u200B\u200Bb and more.\n", "en", "invisible-character", 1, 2,
		       COPYLINT_SEVERITY_ERROR, "U+200B ZERO WIDTH SPACE, 3 in a row");
}
