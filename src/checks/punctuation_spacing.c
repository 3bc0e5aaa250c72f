/* punctuation-spacing: spaces around punctuation, by locale.
 * Most languages: no space before , . : ; ! ? and closing brackets and
 * quotes (`Feat .:`), and a space after sentence punctuation before the
 * next sentence (`end.Next`). French: a no-break space before : ; ! ? and
 * », after «. French and Italian: no space after an elided article
 * (`l' opérateur`). Decimals, times, versions, file names, URLs,
 * abbreviations, ellipses, emoticons and code are left alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/ustring.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "langid.h"
#include "typo_common.h"

static const char *const french_spacing_choices[] = { "either", "strict", NULL };

static const cl_option_spec options[] = {
	{ "french-spacing", CL_OPTION_STRING },
	{ NULL, 0 },
};

static const cl_option_choices choices[] = {
	{ "french-spacing", french_spacing_choices },
	{ NULL, NULL },
};

static const char *const option_names[] = { "french-spacing", NULL };

/* Words that end in an apostrophe when elided before a vowel. */
static const char *const french_elisions[] = {
	"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", NULL
};
static const char *const italian_elisions[] = {
	"l", "dell", "all", "dall", "nell", "sull", "coll", "un", "quest", "quell", "c", "d", "anch", NULL
};

typedef struct {
	char lang[16];
	bool french;            /* French rules for : ; ! ? « » */
	bool french_semicolon;  /* ; ! ? want a space too (not in fr-CA, fr-CH) */
	bool strict;
	uint32_t closing_quote; /* the locale's closing double quote (CLDR) */
} locale_rules;

static bool is_closing(uint32_t cp)
{
	return cp == ')' || cp == ']' || cp == '"' || u_charType((UChar32)cp) == U_END_PUNCTUATION ||
	       u_charType((UChar32)cp) == U_FINAL_PUNCTUATION;
}

/* A space-before candidate may follow a word, a number or a closing mark. */
static bool ends_word(uint32_t cp)
{
	return typo_is_letter(cp) || typo_is_digit(cp) || is_closing(cp) || cp == '%';
}

static uint32_t closing_quote(const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar quote[4];
	ULocaleData *data = ulocdata_open(locale, &status);
	int32_t n = ulocdata_getDelimiter(data, ULOCDATA_QUOTATION_END, quote, 4, &status);
	ulocdata_close(data);
	UChar32 cp = 0;
	if (U_SUCCESS(status) && n > 0)
		U16_GET(quote, 0, 0, n, cp);
	return (uint32_t)cp;
}

static void read_locale(const cl_check_ctx *ctx, locale_rules *rules)
{
	cl_check_language(ctx, rules->lang, sizeof(rules->lang));
	rules->french = !strcmp(rules->lang, "fr");
	/* Quebec (OQLF) and Swiss usage set no space before ; ! ? ; CLDR has
	 * no spacing data, so only what every French usage agrees on is required. */
	rules->french_semicolon = rules->french && !typo_region_is(ctx, "CA") && !typo_region_is(ctx, "CH");
	const cl_option_value *mode = cl_check_option(ctx, "french-spacing");
	rules->strict = mode && mode->count && !strcmp(mode->values[0], "strict");
	rules->closing_quote = closing_quote(ctx->locale ? ctx->locale : "en");
}

static bool is_emoticon(uint32_t punct, uint32_t next)
{
	return (punct == ':' || punct == ';') && next && strchr(")(DPpO-/|3*", (int)next);
}

/* Does the code span holding block text at name a word (`name`, not an
 * operator such as `&&`, whose listing `&&` , `||` spaces on purpose)? */
static bool is_code_word(const cl_block *block, size_t at)
{
	for (size_t i = 0; i < block->nspans; i++) {
		const cl_span *span = &block->spans[i];
		if (span->kind != CL_SPAN_CODE || at < span->start || at >= span->end)
			continue;
		for (size_t j = span->start, n; j < span->end; j += n ? n : 1)
			if (typo_is_letter(typo_cp_at(block->text, span->end, j, &n)))
				return true;
		return false;
	}
	return false;
}

/* Is the `)` or `]` at at a bracket that closes one opened before it in the
 * block? One that closes nothing and stands alone between spaces is a
 * symbol named in the text (`crochet droit ]`, `C-x )`), not punctuation
 * to draw to its word; glued to what follows (`tục ),`) it is a stray
 * bracket, still reported. */
static bool closes_an_opener(const char *text, size_t at, char close)
{
	char open = close == ')' ? '(' : '[';
	long depth = 0;
	for (size_t i = 0; i < at; i++)
		depth += text[i] == open ? 1 : text[i] == close && depth > 0 ? -1 : 0;
	return depth > 0;
}

/* `Feat .:`, `word ,`, `( text )`, `` `name` , ``: spaces before
 * punctuation that closes. An inline code span counts as a word before
 * , . ; ! ? (a signature's `( `type` )` spaces its brackets on purpose). */
static void space_before(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules, size_t at,
			 uint32_t punct, uint32_t next)
{
	const char *text = block->text;
	size_t s = at, prev_at;
	while (s > 0 && text[s - 1] == ' ')
		s--;
	uint32_t before = typo_cp_before(text, s, &prev_at);
	bool after_code = s > 0 && is_code_word(block, prev_at) && punct < 0x80 && strchr(",.;!?", (int)punct);
	if (s == at || s == 0 || !(ends_word(before) || after_code) ||
	    (punct == '.' && (typo_is_letter(next) || typo_is_digit(next) || next == '.')) ||
	    ((punct == ')' || punct == ']') && (!next || typo_is_plain_space(next)) &&
	     !closes_an_opener(text, at, (char)punct)))
		return;
	/* `100 years : paper` sets the colon apart on purpose, as a separator. */
	if (punct == ':' && (next == ' ' || next == ':'))
		return;
	bool quote = punct == rules->closing_quote;
	if (is_emoticon(punct, next) || ((punct == ':' || punct == ',') && typo_is_digit(next)) ||
	    (quote && next && !typo_is_plain_space(next) && !strchr(".,;:!?)", (int)next)))
		return;
	/* After a URL (`<https://x.org> .`) a space keeps the mark out of the link. */
	if (!typo_is_prose(block, s, at + 1) || (!after_code && cl_block_in_span(block, prev_at, s)))
		return;
	char shown[8] = { 0 };
	cl_utf8_encode(punct, shown);
	cl_finding *f = typo_report(ctx, block, s, at + strlen(shown),
				    cl_sprintf("space before “%s”", shown));
	typo_fix(f, block, s, at, "");
}

static bool is_name_char(uint32_t cp)
{
	return typo_is_letter(cp) || typo_is_digit(cp) || cp == '_';
}

/* `SpanKind.Internal`, `System.Data.SqlClient`, `Console.WriteLine(`: the
 * dot at at joins the parts of a name, the next part ending at end: a
 * part with a capital inside it, a chain of three parts or more, or a
 * call. */
static bool is_dotted_name(const char *text, size_t len, size_t at, size_t end)
{
	size_t w = at, prev_at, n, n2;
	size_t uppers = 0;
	bool first_upper = false;
	for (uint32_t cp; w > 0 && is_name_char(cp = typo_cp_before(text, w, &prev_at)); w = prev_at) {
		first_upper = u_isupper((UChar32)cp);
		uppers += first_upper;
	}
	uint32_t after = typo_cp_at(text, len, end, &n), after2 = typo_cp_at(text, len, end + n, &n2);
	return uppers > (first_upper ? 1u : 0u) || typo_cp_before(text, w, &prev_at) == '.' ||
	       (after == '.' && is_name_char(after2)) || after == '(' || after == '_';
}

/* `end.Next`: a sentence ends and the next one starts with no space. */
static void space_after(cl_check_ctx *ctx, const cl_block *block, size_t at, size_t size)
{
	const char *text = block->text;
	size_t len = block->len, i = at, prev_at, n;
	int lower_before = 0;
	while (i > 0 && u_islower((UChar32)typo_cp_before(text, i, &prev_at)))
		i = prev_at, lower_before++;
	uint32_t first = typo_cp_at(text, len, at + size, &n);
	if (lower_before < 2 || !u_isupper((UChar32)first))
		return;
	size_t j = at + size + n, rest = 0;
	for (size_t m; j < len && u_islower((UChar32)typo_cp_at(text, len, j, &m)); j += m)
		rest++;
	uint32_t after;
	after = typo_cp_at(text, len, j, &n);
	if (rest < 1 || (after && !typo_is_plain_space(after) && !strchr(".,;:!?", (int)after)) ||
	    !typo_is_prose(block, i, j) || (text[at] == '.' && is_dotted_name(text, len, at, j)))
		return;
	char shown[8] = { 0 };
	memcpy(shown, text + at, size);
	cl_finding *f = typo_report(ctx, block, at, at + size, cl_sprintf("no space after “%s”", shown));
	typo_fix(f, block, at + size, at + size, " ");
}

static bool in_list(const char *const *list, const char *word, size_t len)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == len && !strncasecmp(list[i], word, len))
			return true;
	return false;
}

/* `l' opérateur`: an elided article with a space after its apostrophe. */
static void elision(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules, size_t at, size_t size)
{
	const char *text = block->text;
	size_t word = at, prev_at, n;
	while (word > 0 && typo_is_letter(typo_cp_before(text, word, &prev_at)))
		word = prev_at;
	const char *const *list = rules->french ? french_elisions : italian_elisions;
	size_t gap = at + size;
	while (gap < block->len && text[gap] == ' ')
		gap++;
	if (word == at || gap == at + size || !in_list(list, text + word, at - word) ||
	    !typo_is_letter(typo_cp_at(text, block->len, gap, &n)) || !typo_is_prose(block, word, gap))
		return;
	char *shown = cl_utf8_sanitize(text + word, at + size - word);
	cl_finding *f = typo_report(ctx, block, word, gap, cl_sprintf("space after the elided “%s”", shown));
	typo_fix(f, block, at + size, gap, "");
	free(shown);
}

/* French no-break spaces. */

static bool french_wants_space(const locale_rules *rules, uint32_t punct)
{
	return punct == ':' || punct == 0xBB || punct == 0xAB || rules->french_semicolon;
}

/* Narrow before ; ! ? (and », « in either mode), a word space before :. */
static uint32_t french_nbsp(uint32_t punct)
{
	return punct == ';' || punct == '!' || punct == '?' ? TYPO_NNBSP : TYPO_NBSP;
}

static void french_report(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules, size_t start,
			  size_t end, uint32_t punct, bool ordinary, bool after)
{
	char shown[8] = { 0 }, nbsp[8] = { 0 };
	cl_utf8_encode(punct, shown);
	cl_utf8_encode(french_nbsp(punct), nbsp);
	const char *where = after ? "after" : "before";
	cl_finding *f = typo_report(ctx, block, start, end, ordinary ?
				    cl_sprintf("ordinary space %s “%s”: French sets a no-break space", where, shown) :
				    cl_sprintf("no space %s “%s”: French sets a no-break space", where, shown));
	if (ordinary && !rules->strict)
		f->severity = COPYLINT_SEVERITY_INFO;
	size_t gap = after ? start + strlen(shown) : start;
	typo_fix(f, block, gap, ordinary ? gap + 1 : gap, nbsp);
}

/* What may follow a French `: ; ! ?` set with no space before it: a space,
 * the end, a closing mark or another mark (`Quoi?!`). Glued to what follows
 * too (`A2:A6;"x"`, `[:digit:]`, `nombre1;nombre2`), it is a formula, a
 * range or a character class, not a clause's punctuation. */
static bool ends_clause(uint32_t next)
{
	return !next || typo_is_plain_space(next) || typo_is_nbsp(next) || is_closing(next) ||
	       (next < 0x80 && strchr("!?.,;:", (int)next));
}

/* The closing `:` of a POSIX character class, `[:digit:]`. */
static bool ends_char_class(const char *text, size_t at)
{
	size_t w = at;
	while (w > 0 && ((text[w - 1] >= 'a' && text[w - 1] <= 'z') || (text[w - 1] >= 'A' && text[w - 1] <= 'Z')))
		w--;
	return w < at && w >= 2 && text[w - 1] == ':' && text[w - 2] == '[';
}

/* The `(` that text[at] lies inside (unmatched before at), or len when none. */
static size_t open_bracket(const char *text, size_t len, size_t at)
{
	for (size_t depth = 0; at > 0; at--) {
		if (text[at - 1] == ')')
			depth++;
		else if (text[at - 1] == '(' && depth-- == 0)
			return at - 1;
	}
	return len;
}

/* `NB.SI(plage; critère)`, `svc.Wrap(inputstr: str): str`: a mark inside a
 * call's arguments, or the `:` of its return type, is the syntax of code or
 * of a formula (converted help pages lose its code markup), not French
 * prose, which spaces its brackets off the word before them. */
static bool in_call(const char *text, size_t len, size_t at, uint32_t before, size_t prev_at)
{
	size_t open = open_bracket(text, len, at), size;
	if (open < len && open > 0 && is_name_char(typo_cp_before(text, open, &size)))
		return true;
	if (before != ')' || (open = open_bracket(text, len, prev_at)) >= len || open == 0 ||
	    !is_name_char(typo_cp_before(text, open, &size)))
		return false;
	return open + 1 == prev_at || memchr(text + open, ':', prev_at - open) || memchr(text + open, ';', prev_at - open) ||
	       memchr(text + open, ',', prev_at - open);
}

static void french_before(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules, size_t at,
			  uint32_t punct, uint32_t next)
{
	size_t prev_at, size = punct < 0x80 ? 1 : 2;
	uint32_t before = typo_cp_before(block->text, at, &prev_at);
	if (!french_wants_space(rules, punct) || at == 0 || !typo_is_prose(block, prev_at, at + size) ||
	    (punct == ':' && (before == ':' || next == ':')) ||  /* config::NM, a::b */
	    (punct != 0xBB && in_call(block->text, block->len, at, before, prev_at)) ||
	    (punct == ':' && ends_char_class(block->text, at)))
		return;
	if (typo_is_nbsp(before)) {
		if (rules->strict && french_nbsp(punct) == TYPO_NNBSP && before != TYPO_NNBSP) {
			char shown[2] = { (char)punct, 0 };
			cl_finding *f = typo_report(ctx, block, prev_at, at + size,
						    cl_sprintf("French sets a narrow no-break space (U+202F) before “%s”", shown));
			typo_fix(f, block, prev_at, at, "\xE2\x80\xAF");
		}
	} else if (before == ' ') {
		if (!is_emoticon(punct, next))
			french_report(ctx, block, rules, prev_at, at + size, punct, true, false);
	} else if ((ends_word(before) || (punct == 0xBB && strchr(".!?", (int)before))) &&
		   (punct == 0xBB || ends_clause(next)) && before != 0xAB) {
		french_report(ctx, block, rules, at, at + size, punct, false, false);
	}
}

static void french_after_opening(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules, size_t at)
{
	size_t n;
	uint32_t next = typo_cp_at(block->text, block->len, at + 2, &n);
	if (!typo_is_prose(block, at, at + 2 + n) || typo_is_nbsp(next) || !next)
		return;
	if (next == ' ')
		french_report(ctx, block, rules, at, at + 3, 0xAB, true, true);
	else if (typo_is_letter(next) || typo_is_digit(next))
		french_report(ctx, block, rules, at, at + 2, 0xAB, false, true);
}

/* in_ascii_quote: inside "…", which French copy keeps for literal text
 * (program output, configuration lines), not for its own quotations. */
static void check_char(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules, size_t at,
		       size_t size, uint32_t cp, bool in_ascii_quote)
{
	size_t n;
	uint32_t next = typo_cp_at(block->text, block->len, at + size, &n);
	bool french_mark = rules->french && !in_ascii_quote &&
			   (cp == ':' || cp == ';' || cp == '!' || cp == '?' || cp == 0xBB);
	if (french_mark)
		french_before(ctx, block, rules, at, cp, next);
	else if (cp == 0xAB && rules->french && !in_ascii_quote)
		french_after_opening(ctx, block, rules, at);
	else if ((cp < 0x80 && strchr(rules->french ? ",.)]" : ",.:;!?)]", (int)cp)) ||
		 (!rules->french && cp == rules->closing_quote && cp != '"'))
		space_before(ctx, block, rules, at, cp, next);
	if (cp == '.' || cp == '!' || cp == '?')
		space_after(ctx, block, at, size);
	if ((cp == '\'' || cp == 0x2019) && (rules->french || !strcmp(rules->lang, "it")))
		elision(ctx, block, rules, at, size);
}

static void check_block(cl_check_ctx *ctx, const cl_block *block, const locale_rules *rules)
{
	bool in_ascii_quote = false;
	for (size_t at = 0, size; at < block->len; at += size ? size : 1) {
		uint32_t cp = typo_cp_at(block->text, block->len, at, &size);
		if (cp == '"' && !cl_block_in_span(block, at, at + 1))
			in_ascii_quote = !in_ascii_quote;
		check_char(ctx, block, rules, at, size, cp, in_ascii_quote);
	}
}

/* A block the language detector judged to be in another language (an
 * English passage on a French page) follows that language's rules. */
static void foreign_rules(const cl_check_ctx *ctx, const cl_block *block, const locale_rules *own,
			  locale_rules *rules)
{
	cl_langid_guess guess;
	*rules = *own;
	if (!cl_langid_foreign(block, ctx->lang, &guess))
		return;
	snprintf(rules->lang, sizeof(rules->lang), "%s", guess.lang);
	rules->french = rules->french_semicolon = !strcmp(guess.lang, "fr");
	rules->closing_quote = closing_quote(guess.lang);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	locale_rules rules, foreign;
	read_locale(ctx, &rules);
	for (size_t b = 0; b < doc->nblocks; b++) {
		const cl_block *block = &doc->blocks[b];
		if (block->foreign)
			foreign_rules(ctx, block, &rules, &foreign);
		check_block(ctx, block, block->foreign ? &foreign : &rules);
	}
	return 0;
}

const cl_rule cl_rule_punctuation_spacing = {
	.info = {
		.id = "punctuation-spacing",
		.summary = "Spaces around punctuation, by locale",
		.description = "No space before , . : ; ! ? and closing brackets or quotes (`Feat .:`), "
			       "and a space after sentence punctuation (`end.Next`), leaving decimals, "
			       "times, versions, file names, URLs, abbreviations and emoticons alone. "
			       "French: a no-break space (U+00A0 or the narrow U+202F) before : ; ! ? "
			       "and », after «; a missing one is reported at the rule's severity, an "
			       "ordinary space at info. fr-CA and fr-CH need no space before ; ! ?. "
			       "Option `french-spacing: strict` reports ordinary spaces at the rule's "
			       "severity and wants the narrow U+202F before ; ! ?. French and Italian: "
			       "no space after an elided article (`l' opérateur`).",
		.default_severity = COPYLINT_SEVERITY_WARNING,
		.option_names = option_names,
	},
	.options = options,
	.choices = choices,
	.check = check,
};
