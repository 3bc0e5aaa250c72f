/* mixed-script: a word that mixes scripts, such as Latin `Gаza` with a
 * Cyrillic `а` or Cyrillic `ВБC` with a Latin `C`: a lookalike typed or
 * pasted in. ICU's spoof checker decides which mixes are normal (Japanese
 * kana with kanji, Korean Hangul with Hanja, Latin with any of those);
 * the characters of the minority script are named. A mix is reported when
 * Cyrillic takes part or a minority character is confusable with Latin,
 * so Greek letters in formulas (`Δx`) stay quiet. Parts of a word joined
 * by an apostrophe, a dot or an underscore are words of their own: Russian
 * puts a case ending on a Latin name that way (`GitHub'а`, `PR'ов`), and
 * names join parts (`МНИМ.SECH`, `Данные_Y`). */
#include <stdlib.h>
#include <string.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "typo_common.h"

#define MAX_SCRIPTS 4

typedef struct {
	UScriptCode script[MAX_SCRIPTS];
	size_t count[MAX_SCRIPTS];
	size_t nscripts;
} script_tally;

static void *state_new(void)
{
	UErrorCode status = U_ZERO_ERROR;
	USpoofChecker *checker = uspoof_open(&status);
	uspoof_setChecks(checker, USPOOF_RESTRICTION_LEVEL, &status);
	uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE);
	if (U_FAILURE(status)) {
		uspoof_close(checker);
		return NULL;
	}
	return checker;
}

static void state_free(void *checker)
{
	uspoof_close(checker);
}

static UScriptCode script_of(uint32_t cp)
{
	UErrorCode status = U_ZERO_ERROR;
	UScriptCode script = uscript_getScript((UChar32)cp, &status);
	return U_FAILURE(status) ? USCRIPT_COMMON : script;
}

static void tally(const char *word, size_t len, script_tally *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t at = 0, size; at < len; at += size ? size : 1) {
		UScriptCode s = script_of(typo_cp_at(word, len, at, &size));
		if (s == USCRIPT_COMMON || s == USCRIPT_INHERITED)
			continue;
		size_t i = 0;
		while (i < t->nscripts && t->script[i] != s)
			i++;
		if (i == MAX_SCRIPTS)
			continue;
		if (i == t->nscripts)
			t->script[t->nscripts++] = s;
		t->count[i]++;
	}
}

/* The script with the most letters; the first on a tie. */
static UScriptCode majority(const script_tally *t)
{
	size_t best = 0;
	for (size_t i = 1; i < t->nscripts; i++)
		if (t->count[i] > t->count[best])
			best = i;
	return t->script[best];
}

/* The Latin lookalike of one character (ICU's confusable skeleton), or 0. */
static uint32_t latin_lookalike(USpoofChecker *checker, uint32_t cp)
{
	char one[5] = { 0 }, skeleton[32];
	UErrorCode status = U_ZERO_ERROR;
	cl_utf8_encode(cp, one);
	int32_t n = uspoof_getSkeletonUTF8(checker, 0, one, -1, skeleton, sizeof(skeleton), &status);
	size_t size;
	if (U_FAILURE(status) || n <= 0)
		return 0;
	uint32_t look = typo_cp_at(skeleton, (size_t)n, 0, &size);
	return size == (size_t)n && look != cp && script_of(look) == USCRIPT_LATIN ? look : 0;
}

typedef struct {
	cl_buf names;       /* the minority characters, named */
	cl_buf fixed;       /* the word with Latin lookalikes put back; "" when not certain */
	bool confusable;    /* some minority character looks like a Latin letter */
} minority_report;

static void describe_minority(USpoofChecker *checker, const char *word, size_t len, UScriptCode main,
			      minority_report *r)
{
	bool fixable = main == USCRIPT_LATIN;
	for (size_t at = 0, size; at < len; at += size ? size : 1) {
		uint32_t cp = typo_cp_at(word, len, at, &size);
		UScriptCode s = script_of(cp);
		uint32_t look = latin_lookalike(checker, cp);
		if (s == main || s == USCRIPT_COMMON || s == USCRIPT_INHERITED) {
			cl_buf_put(&r->fixed, word + at, size);
			continue;
		}
		char name[160], utf8[5] = { 0 };
		cl_buf_printf(&r->names, "%s%s", r->names.size ? ", " : "", typo_char_name(cp, name, sizeof(name)));
		/* A Latin letter in a word of another script is looked up in the
		 * wrong direction: its skeleton (I → l) is Latin too. */
		r->confusable = r->confusable || (look && s != USCRIPT_LATIN);
		fixable = fixable && look;
		cl_utf8_encode(look, utf8);
		cl_buf_puts(&r->fixed, utf8);
	}
	if (!fixable)
		cl_buf_clear(&r->fixed);
}

static bool involves(const script_tally *t, UScriptCode script)
{
	for (size_t i = 0; i < t->nscripts; i++)
		if (t->script[i] == script)
			return true;
	return false;
}

static void check_word(cl_check_ctx *ctx, const cl_block *block, size_t start, size_t end)
{
	USpoofChecker *checker = ctx->state;
	script_tally t;
	UErrorCode status = U_ZERO_ERROR;
	const char *word = block->text + start;
	tally(word, end - start, &t);
	if (t.nscripts < 2 || !uspoof_check2UTF8(checker, word, (int32_t)(end - start), NULL, &status) ||
	    U_FAILURE(status) || !typo_is_prose(block, start, end))
		return;
	UScriptCode main = majority(&t);
	minority_report r = { CL_BUF_INIT, CL_BUF_INIT, false };
	describe_minority(checker, word, end - start, main, &r);
	if (r.confusable || involves(&t, USCRIPT_CYRILLIC)) {
		char *shown = cl_utf8_sanitize(word, end - start);
		cl_finding *f = typo_report(ctx, block, start, end,
					    cl_sprintf("“%s” mixes %s with %s", shown, uscript_getName(main), r.names.ptr));
		if (r.fixed.size)
			typo_fix(f, block, start, end, r.fixed.ptr);
		free(shown);
	}
	cl_buf_dispose(&r.names);
	cl_buf_dispose(&r.fixed);
}

/* An apostrophe, or the dot or underscore of a name (`МНИМ.SECH`,
 * LibreOffice's Russian IMSECH; `Данные_Y`). */
static bool is_joint(const char *s, size_t len, size_t at, size_t *size)
{
	uint32_t cp = typo_cp_at(s, len, at, size);
	return cp == '\'' || cp == 0x2019 || cp == '.' || cp == '_';
}

/* Each part of a word between apostrophes, dots and underscores, checked alone. */
static void check_parts(cl_check_ctx *ctx, const cl_block *block, size_t start, size_t end)
{
	size_t part = start;
	for (size_t at = start, size; at < end; at += size ? size : 1) {
		if (is_joint(block->text, end, at, &size)) {
			if (at > part)
				check_word(ctx, block, part, at);
			part = at + size;
		}
	}
	if (end > part)
		check_word(ctx, block, part, end);
}

static int check_block(cl_check_ctx *ctx, const cl_block *block)
{
	cl_breaks it;
	size_t start, end;
	cl_word_kind kind;
	int error = cl_breaks_open(&it, ctx->seg, CL_BREAK_WORD, ctx->locale, block->text, block->len);
	if (error < 0)
		return error;
	while (cl_breaks_next(&it, &start, &end, &kind))
		if (kind == CL_WORD_LETTER || kind == CL_WORD_KANA || kind == CL_WORD_IDEO)
			check_parts(ctx, block, start, end);
	cl_breaks_close(&it);
	return 0;
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	int error = 0;
	if (!ctx->state)
		return 0;
	for (size_t b = 0; b < doc->nblocks && !error; b++)
		error = check_block(ctx, &doc->blocks[b]);
	return error;
}

const cl_rule cl_rule_mixed_script = {
	.info = {
		.id = "mixed-script",
		.summary = "Words that mix scripts (lookalike letters)",
		.description = "A word that mixes writing systems, such as Latin “Gаza” with a Cyrillic "
			       "“а”, Cyrillic “ВБC” with a Latin “C”, or “группаFS”; the characters of "
			       "the minority script are named. Mixes that writing systems use on purpose "
			       "(Japanese kana with kanji, Korean with Hanja) pass, as do Greek letters "
			       "that look like no Latin letter (Δx); so does a Latin name with a "
			       "case ending after an apostrophe (Russian `GitHub'а`). When every odd letter in a Latin "
			       "word has a Latin lookalike, the fix puts the Latin letters back.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.state_new = state_new,
	.state_free = state_free,
	.check = check,
};
