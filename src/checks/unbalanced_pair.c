/* unbalanced-pair: brackets and quotes that do not close within their
 * paragraph. Brackets are () [] {}, their full-width forms and the CJK
 * brackets 【】《》〈〉「」『』; quotes are the locale's pairs from
 * CLDR (ICU ulocdata: „…“ and ‚…‘ in Czech and German, “…” and ‘…’ in
 * English, «…» in French, 「…」 in Japanese), German's alternative »…«,
 * and ASCII "…". A block the language detector judged to be in another
 * language takes that language's quotes. Closing single quotes double as
 * apostrophes (it’s, students’), so a lone one is never reported; list
 * markers such as `a)` and `2)`, emoticons, Hugo shortcodes and blocks
 * that hold no letter (a heading `((` naming a command) are not brackets.
 * A quotation that runs over several paragraphs (each opening with the
 * quote mark) is not unclosed. */
#include <stdlib.h>
#include <string.h>
#include <unicode/ulocdata.h>
#include <unicode/uscript.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "langid.h"
#include "typo_common.h"

#define MAX_PAIRS 20
#define MAX_DEPTH 64

typedef struct {
	uint32_t open, close;
} pair;

typedef struct {
	pair pairs[MAX_PAIRS];
	size_t count;
} pair_set;

typedef struct {
	size_t at;
	const pair *pair;
} opener;

static bool is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static void add_pair(pair_set *set, uint32_t open, uint32_t close)
{
	for (size_t i = 0; i < set->count; i++)
		if (set->pairs[i].open == open && set->pairs[i].close == close)
			return;
	/* CLDR's fr-CA alternative (” “) is reversed; it would open with a closing mark. */
	if (set->count < MAX_PAIRS && open && close && !(open == 0x201D && close != 0x201D))
		set->pairs[set->count++] = (pair){ open, close };
}

static uint32_t delimiter(ULocaleData *data, ULocaleDataDelimiterType type)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar text[4];
	int32_t n = ulocdata_getDelimiter(data, type, text, 4, &status);
	UChar32 cp = 0;
	if (U_SUCCESS(status) && n > 0)
		U16_GET(text, 0, 0, n, cp);
	return (uint32_t)cp;
}

/* Brackets every script shares: ASCII, full-width (Chinese and Japanese
 * copy) and the CJK corner, lenticular and angle brackets. */
static const pair common_pairs[] = {
	{ '(', ')' }, { '[', ']' }, { '{', '}' }, { '"', '"' },
	{ 0xFF08, 0xFF09 }, { 0xFF3B, 0xFF3D }, { 0xFF5B, 0xFF5D },
	{ 0x3010, 0x3011 }, { 0x300A, 0x300B }, { 0x3008, 0x3009 }, { 0x300C, 0x300D }, { 0x300E, 0x300F },
};

/* The pairs of ICU locale `locale` whose primary language is lang. */
static void locale_pairs(const char *locale, const char *lang, pair_set *set)
{
	UErrorCode status = U_ZERO_ERROR;
	set->count = 0;
	for (size_t i = 0; i < sizeof(common_pairs) / sizeof(common_pairs[0]); i++)
		add_pair(set, common_pairs[i].open, common_pairs[i].close);
	ULocaleData *data = ulocdata_open(locale, &status);
	if (U_SUCCESS(status)) {
		add_pair(set, delimiter(data, ULOCDATA_QUOTATION_START), delimiter(data, ULOCDATA_QUOTATION_END));
		add_pair(set, delimiter(data, ULOCDATA_ALT_QUOTATION_START), delimiter(data, ULOCDATA_ALT_QUOTATION_END));
	}
	ulocdata_close(data);
	if (!strcmp(lang, "de"))
		add_pair(set, 0xBB, 0xAB);  /* »…«, the German book style */
	/* English quotes “…” ‘…’ are balanced wherever they are used (“model” in
	 * a Czech text is a matter of style, not of balance); where “ also
	 * closes („…“), context decides. */
	add_pair(set, 0x201C, 0x201D);
	add_pair(set, 0x2018, 0x2019);
}

static const pair *find_pair(const pair_set *set, uint32_t cp, bool opening)
{
	for (size_t i = 0; i < set->count; i++)
		if ((opening ? set->pairs[i].open : set->pairs[i].close) == cp)
			return &set->pairs[i];
	return NULL;
}

/* `a)`, `2)`, `iv)` at the start of the block or after a space; `:)`. */
static bool is_marker_or_emoticon(const char *text, size_t at)
{
	size_t i = at;
	while (i > 0 && at - i < 4 && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= '0' && text[i - 1] <= '9')))
		i--;
	if (i < at && at - i <= 3 && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '('))
		return i == 0 || text[i - 1] == ' ';
	return at > 0 && (text[at - 1] == ':' || text[at - 1] == ';' || (text[at - 1] == '-' && at > 1 && text[at - 2] == ':'));
}

/* A mark standing alone names itself: "the operator { is not supported",
 * "\\[ accepts --help", "the double quote (")". Unmatched, it is not
 * reported. */
static bool is_lone(const cl_block *block, size_t at, size_t size)
{
	return (at == 0 || strchr(" ([", block->text[at - 1])) &&
	       (at + size >= block->len || strchr(" ,.;:)]", block->text[at + size]));
}

static void report(cl_check_ctx *ctx, const cl_block *block, size_t at, uint32_t cp, bool unclosed)
{
	char mark[8] = { 0 };
	if (is_lone(block, at, cl_utf8_encode(cp, mark)))
		return;
	char shown[8] = { 0 };
	size_t size = cl_utf8_encode(cp, shown);
	typo_report(ctx, block, at, at + size, unclosed ?
		    cl_sprintf("“%s” is not closed in this paragraph", shown) :
		    cl_sprintf("“%s” closes nothing that was opened in this paragraph", shown));
}

/* Does the next block open with the same quote (a quotation over paragraphs)? */
static bool continues(const cl_document *doc, size_t b, uint32_t quote)
{
	size_t size;
	return b + 1 < doc->nblocks && typo_cp_at(doc->blocks[b + 1].text, doc->blocks[b + 1].len, 0, &size) == quote;
}

typedef struct {
	opener stack[MAX_DEPTH];
	size_t depth;
} pair_stack;

/* （ and ( are one bracket in two widths (U+FF01..FF5E mirror ASCII). */
static uint32_t other_width(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	return cp >= 0x21 && cp <= 0x7E ? cp + 0xFEE0 : 0;
}

/* `（SRE)`: a bracket closed in the other width; one finding, not two. */
static void report_mixed_width(cl_check_ctx *ctx, const cl_block *block, size_t at, uint32_t cp, uint32_t open)
{
	char shown[8] = { 0 }, opened[8] = { 0 };
	size_t size = cl_utf8_encode(cp, shown);
	cl_utf8_encode(open, opened);
	typo_report(ctx, block, at, at + size,
		    cl_sprintf("“%s” closes “%s”: a full-width and an ASCII bracket", shown, opened));
}

/* A closing mark: pop to its opener, reporting what stayed open inside. */
static void close_mark(cl_check_ctx *ctx, const cl_block *block, pair_stack *st, size_t at, uint32_t cp)
{
	size_t i = st->depth;
	while (i > 0 && st->stack[i - 1].pair->close != cp)
		i--;
	/* `a)`, `1）` close the innermost open bracket if it is one, else they are list markers. */
	if ((cp == ')' || cp == 0xFF09) && is_marker_or_emoticon(block->text, at) && !(i > 0 && i == st->depth))
		return;
	if (i == 0 && st->depth && other_width(st->stack[st->depth - 1].pair->close) == cp) {
		report_mixed_width(ctx, block, at, cp, st->stack[st->depth - 1].pair->open);
		st->depth--;
		return;
	}
	if (i == 0) {
		if (!is_apostrophe(cp))
			report(ctx, block, at, cp, false);
		return;
	}
	for (size_t j = i; j < st->depth; j++)
		if (!is_apostrophe(st->stack[j].pair->close))
			report(ctx, block, st->stack[j].at, st->stack[j].pair->open, true);
	st->depth = i - 1;
}

static bool is_word_char(uint32_t cp)
{
	return typo_is_letter(cp) || typo_is_digit(cp);
}

/* Chinese and Japanese write no spaces between words, and Korean attaches
 * its particles to a closing quote: there a quote mark between two letters
 * opens or closes, it is never an apostrophe. */
static bool is_cjk(uint32_t cp)
{
	UErrorCode status = U_ZERO_ERROR;
	if (cp < 0x1100)
		return false;
	UScriptCode s = uscript_getScript((UChar32)cp, &status);
	return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL ||
	       s == USCRIPT_BOPOMOFO;
}

/* A bracket, not a quote: one of the shared pairs but ASCII "…". */
static bool is_bracket(uint32_t cp, bool opening)
{
	for (size_t i = 0; i < sizeof(common_pairs) / sizeof(common_pairs[0]); i++)
		if ((opening ? common_pairs[i].open : common_pairs[i].close) == cp && cp != '"')
			return true;
	return false;
}

static void push(pair_stack *st, size_t at, const pair *opens)
{
	if (st->depth < MAX_DEPTH)
		st->stack[st->depth++] = (opener){ at, opens };
}

/* A mark between two letters: a bracket inside a word, (re)packaging; a
 * quote that closes the open one ("bilgisayar"ı, 「カナリア」という); a quote
 * that opens between Chinese or Japanese letters (的“交通警察”); otherwise an
 * apostrophe (it’s) or a typo. */
static void between_letters(cl_check_ctx *ctx, const cl_block *block, pair_stack *st, size_t at, uint32_t cp,
			    const pair *opens, bool cjk)
{
	bool top_matches = st->depth && st->stack[st->depth - 1].pair->close == cp;
	if (is_bracket(cp, false) || (top_matches && !is_apostrophe(cp)))
		close_mark(ctx, block, st, at, cp);
	else if (is_bracket(cp, true) || (opens && cjk && !is_apostrophe(cp)))
		push(st, at, opens);
}

static void check_char(cl_check_ctx *ctx, const cl_block *block, const pair_set *set, pair_stack *st, size_t at,
		       size_t size, uint32_t cp)
{
	size_t prev_at, n;
	uint32_t before = typo_cp_before(block->text, at, &prev_at), after = typo_cp_at(block->text, block->len, at + size, &n);
	const pair *opens = find_pair(set, cp, true), *closes = find_pair(set, cp, false);
	if (is_word_char(before) && is_word_char(after)) {
		between_letters(ctx, block, st, at, cp, opens, is_cjk(before) || is_cjk(after));
		return;
	}
	bool top_matches = st->depth && st->stack[st->depth - 1].pair->close == cp;
	if (closes && (top_matches || !opens || is_word_char(before) ||
		       (before && before < 0x80 && strchr(".,!?", (int)before))))
		close_mark(ctx, block, st, at, cp);
	else if (opens && (!is_apostrophe(cp) || is_word_char(after)))
		push(st, at, opens);
}

/* A block with no letter or digit names a symbol: a heading `((` on a page
 * about that command, a table cell holding a ditto mark `"`. */
static bool is_symbol(const cl_block *block)
{
	for (size_t at = 0, size; at < block->len; at += size ? size : 1)
		if (is_word_char(typo_cp_at(block->text, block->len, at, &size)))
			return false;
	return true;
}

/* The length of the Hugo shortcode ({{< x >}}, {{% x "y" %}}) at text[at],
 * or 0: template markup, whole, also where a bare URL runs into it. */
static size_t shortcode_at(const char *text, size_t len, size_t at)
{
	if (at + 3 > len || text[at] != '{' || text[at + 1] != '{' || (text[at + 2] != '%' && text[at + 2] != '<'))
		return 0;
	char close[4] = { text[at + 2] == '%' ? '%' : '>', '}', '}', 0 };
	const char *end = memmem(text + at + 3, len - at - 3, close, 3);
	return end ? (size_t)(end - text) + 3 - at : 0;
}

/* A bare URL that runs on into the text after it (`(例: www.example.com)を公開`:
 * no space ends it in Chinese or Japanese) holds a `)` it never opened:
 * the URL ends there, and that `)` and every mark after it are prose. */
static bool url_ended_before(const cl_block *block, size_t at)
{
	int span = -1;
	for (size_t i = 0; i < block->nspans && block->spans[i].start <= at; i++)
		if (at < block->spans[i].end)
			span = (int)i;
	if (span < 0 || block->spans[span].kind != CL_SPAN_URL)
		return false;
	int depth = 0;
	for (size_t i = block->spans[span].start; i <= at; i++) {
		depth += block->text[i] == '(' ? 1 : block->text[i] == ')' ? -1 : 0;
		if (depth < 0)
			return true;
	}
	return false;
}

static void check_block(cl_check_ctx *ctx, const cl_document *doc, size_t b, const pair_set *set)
{
	const cl_block *block = &doc->blocks[b];
	pair_stack st = { .depth = 0 };
	if (is_symbol(block))
		return;
	for (size_t at = 0, size; at < block->len; at += size ? size : 1) {
		uint32_t cp = typo_cp_at(block->text, block->len, at, &size);
		if (cp == '{' && shortcode_at(block->text, block->len, at))
			size = shortcode_at(block->text, block->len, at);
		/* Only spans: a quote mark delimits a bare path or URL, it is not inside it. */
		else if ((find_pair(set, cp, true) || find_pair(set, cp, false)) &&
			 (!cl_block_in_span(block, at, at + size) || url_ended_before(block, at)))
			check_char(ctx, block, set, &st, at, size, cp);
	}
	for (size_t i = 0; i < st.depth; i++) {
		const opener *o = &st.stack[i];
		if (!is_apostrophe(o->pair->close) && !(i == 0 && o->at == 0 && continues(doc, b, o->pair->open)))
			report(ctx, block, o->at, o->pair->open, true);
	}
}

/* A block in another language (an English passage on a German page) is
 * read with that language's quotes. */
static void check_foreign_block(cl_check_ctx *ctx, const cl_document *doc, size_t b, const pair_set *own)
{
	cl_langid_guess guess;
	pair_set set;
	if (!cl_langid_foreign(&doc->blocks[b], ctx->lang, &guess)) {
		check_block(ctx, doc, b, own);
		return;
	}
	locale_pairs(guess.lang, guess.lang, &set);
	check_block(ctx, doc, b, &set);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	pair_set set;
	char lang[16];
	locale_pairs(ctx->locale ? ctx->locale : "en", cl_check_language(ctx, lang, sizeof(lang)), &set);
	for (size_t b = 0; b < doc->nblocks; b++) {
		if (doc->blocks[b].foreign)
			check_foreign_block(ctx, doc, b, &set);
		else
			check_block(ctx, doc, b, &set);
	}
	return 0;
}

const cl_rule cl_rule_unbalanced_pair = {
	.info = {
		.id = "unbalanced-pair",
		.summary = "Quotes and brackets that do not close",
		.description = "A bracket or quote mark opened and not closed within its paragraph, "
			       "or closed without being opened (such as the extra `)` in "
			       "`[text](url))`), or closed in the other width (`（SRE)`). Quote pairs "
			       "follow the document's locale (CLDR: „…“ in Czech and German, “…” in "
			       "English, «…» in French, 「…」 in Japanese, plus German »…«); a passage "
			       "in another language takes that language's. Full-width and CJK brackets "
			       "count too. Apostrophes, list markers such as `a)`, emoticons, Hugo "
			       "shortcodes and blocks without a letter (a heading `((`) are not counted.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
