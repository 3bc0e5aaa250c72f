/* unbalanced-pair: brackets and quotes that do not close within their
 * paragraph. Brackets are () [] {}; quotes are the locale's pairs from
 * CLDR (ICU ulocdata: „…“ and ‚…‘ in Czech and German, “…” and ‘…’ in
 * English, «…» in French), German's alternative »…«, and ASCII "…".
 * Closing single quotes double as apostrophes (it’s, students’), so a
 * lone one is never reported; list markers such as `a)` and `2)` and
 * emoticons are not brackets. A quotation that runs over several
 * paragraphs (each opening with the quote mark) is not unclosed. */
#include <stdlib.h>
#include <string.h>
#include <unicode/ulocdata.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "typo_common.h"

#define MAX_PAIRS 10
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

static void locale_pairs(const cl_check_ctx *ctx, pair_set *set)
{
	UErrorCode status = U_ZERO_ERROR;
	char lang[16];
	set->count = 0;
	add_pair(set, '(', ')');
	add_pair(set, '[', ']');
	add_pair(set, '{', '}');
	add_pair(set, '"', '"');
	ULocaleData *data = ulocdata_open(ctx->locale ? ctx->locale : "en", &status);
	if (U_SUCCESS(status)) {
		add_pair(set, delimiter(data, ULOCDATA_QUOTATION_START), delimiter(data, ULOCDATA_QUOTATION_END));
		add_pair(set, delimiter(data, ULOCDATA_ALT_QUOTATION_START), delimiter(data, ULOCDATA_ALT_QUOTATION_END));
	}
	ulocdata_close(data);
	if (!strcmp(cl_check_language(ctx, lang, sizeof(lang)), "de"))
		add_pair(set, 0xBB, 0xAB);  /* »…«, the German book style */
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

static void report(cl_check_ctx *ctx, const cl_block *block, size_t at, uint32_t cp, bool unclosed)
{
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

/* A closing mark: pop to its opener, reporting what stayed open inside. */
static void close_mark(cl_check_ctx *ctx, const cl_block *block, pair_stack *st, size_t at, uint32_t cp)
{
	size_t i = st->depth;
	while (i > 0 && st->stack[i - 1].pair->close != cp)
		i--;
	/* `a)` closes the innermost open bracket if it is one, else it is a list marker. */
	if (cp == ')' && is_marker_or_emoticon(block->text, at) && !(i > 0 && i == st->depth))
		return;
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

static void check_char(cl_check_ctx *ctx, const cl_block *block, const pair_set *set, pair_stack *st, size_t at,
		       size_t size, uint32_t cp)
{
	size_t prev_at, n;
	uint32_t before = typo_cp_before(block->text, at, &prev_at), after = typo_cp_at(block->text, block->len, at + size, &n);
	const pair *opens = find_pair(set, cp, true), *closes = find_pair(set, cp, false);
	/* A quote mark between two letters is an apostrophe (it’s) or a typo,
	 * a bracket there is part of the word: (re)packaging. */
	if (is_word_char(before) && is_word_char(after)) {
		if (cp == ')' || cp == ']')
			close_mark(ctx, block, st, at, cp);
		else if ((cp == '(' || cp == '[') && st->depth < MAX_DEPTH)
			st->stack[st->depth++] = (opener){ at, opens };
		return;
	}
	bool top_matches = st->depth && st->stack[st->depth - 1].pair->close == cp;
	if (closes && (top_matches || !opens || is_word_char(before) ||
		       (before && before < 0x80 && strchr(".,!?", (int)before))))
		close_mark(ctx, block, st, at, cp);
	else if (opens && (!is_apostrophe(cp) || is_word_char(after)) && st->depth < MAX_DEPTH)
		st->stack[st->depth++] = (opener){ at, opens };
}

/* A cell or item that holds only a quote mark is a ditto mark (〃). */
static bool is_ditto(const cl_block *block)
{
	size_t start = 0, end = block->len, size;
	while (start < end && block->text[start] == ' ')
		start++;
	while (end > start && block->text[end - 1] == ' ')
		end--;
	typo_cp_at(block->text, end, start, &size);
	return end > start && start + size == end;
}

static void check_block(cl_check_ctx *ctx, const cl_document *doc, size_t b, const pair_set *set)
{
	const cl_block *block = &doc->blocks[b];
	pair_stack st = { .depth = 0 };
	if (is_ditto(block))
		return;
	for (size_t at = 0, size; at < block->len; at += size ? size : 1) {
		uint32_t cp = typo_cp_at(block->text, block->len, at, &size);
		/* Only spans: a quote mark delimits a bare path or URL, it is not inside it. */
		if ((find_pair(set, cp, true) || find_pair(set, cp, false)) && !cl_block_in_span(block, at, at + size))
			check_char(ctx, block, set, &st, at, size, cp);
	}
	for (size_t i = 0; i < st.depth; i++) {
		const opener *o = &st.stack[i];
		if (!is_apostrophe(o->pair->close) && !(i == 0 && o->at == 0 && continues(doc, b, o->pair->open)))
			report(ctx, block, o->at, o->pair->open, true);
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	pair_set set;
	locale_pairs(ctx, &set);
	for (size_t b = 0; b < doc->nblocks; b++)
		check_block(ctx, doc, b, &set);
	return 0;
}

const cl_rule cl_rule_unbalanced_pair = {
	.info = {
		.id = "unbalanced-pair",
		.summary = "Quotes and brackets that do not close",
		.description = "A bracket or quote mark opened and not closed within its paragraph, "
			       "or closed without being opened (such as the extra `)` in "
			       "`[text](url))`). Quote pairs follow the document's locale (CLDR: „…“ "
			       "in Czech and German, “…” in English, «…» in French, plus German »…«). "
			       "Apostrophes, list markers such as `a)` and emoticons are not counted.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
