/* spelling: every word of prose against the Hunspell dictionary of the
 * document's language, plus copylint's supplementary list for it, the
 * config's words: and dictionaries:, and the file's copylint-words comments;
 * in a translation, the source language's dictionary; the document's own
 * terms (spelling_terms.c).
 *
 * What is not a word to check: non-prose spans (code, URLs, HTML, math),
 * text inside {braces} (shortcodes, heading ids, templates), chunks between
 * spaces that are URLs, e-mail addresses, @handles, #hashtags, paths or file
 * names, words with digits, short ALL-CAPS acronyms, and words in a script
 * the language is not written in. Hyphenated compounds pass when the
 * dictionary knows the whole or every part.
 *
 * This file walks a block's words, joins compounds and reports; which
 * dictionary a document gets is spelling_profile.c, whether one word passes
 * spelling_word.c. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../text/speller.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/keyset.h"
#include "rule.h"
#include "spelling_dict.h"
#include "spelling_profile.h"
#include "spelling_skip.h"
#include "spelling_terms.h"
#include "spelling_word.h"

#define DEFAULT_ACRONYM_LENGTH 5
#define MAX_SUGGESTIONS 3
#define SUGGESTION_BUDGET_SECONDS 0.25
#define MAX_PARTS 16

static const cl_option_spec options[] = {
	{ "dictionary", CL_OPTION_STRING },
	{ "acronym-length", CL_OPTION_INT },
	{ "source-words", CL_OPTION_BOOL },
	{ NULL, 0 },
};

static const char *const option_names[] = { "dictionary", "acronym-length", "source-words", NULL };

typedef cl_text_range range;

/* ---- findings --------------------------------------------------------- */

/* CPU time of this thread: the budget holds on a loaded machine too. */
static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Suggestions cost tens of milliseconds a word: once per distinct word,
 * only when shown, and within a budget per run. */
static void add_suggestions(spell_run *run, cl_finding *f, const char *word, size_t len)
{
	spell_state *state = run->state;
	if (!run->ctx->suggestions)
		return;
	if (state->suggest_seconds >= SUGGESTION_BUDGET_SECONDS) {
		if (!state->budget_noticed)
			run->ctx->notice(run->ctx->notice_payload,
					 "spelling: suggestions took their time budget; later findings have none");
		state->budget_noticed = true;
		return;
	}
	double started = now_seconds();
	const char *const *items;
	size_t n = cl_speller_suggest(run->profile->speller, word, len, &items, MAX_SUGGESTIONS);
	for (size_t i = 0; i < n; i++)
		cl_finding_add_suggestion(f, items[i]);
	state->suggest_seconds += now_seconds() - started;
}

/* Is source byte at inside a region that cspell:disable turned off? */
static bool turned_off(const spell_run *run, size_t at)
{
	for (size_t i = 0; i < run->noff && run->off[i].start <= at; i++)
		if (at < run->off[i].end)
			return true;
	return false;
}

static void report(spell_run *run, size_t start, size_t end)
{
	const cl_block *block = run->block;
	size_t rest;
	if (run->noff && turned_off(run, cl_block_source_start(block, start)))
		return;
	if (run->elision && cl_spell_elided(block->text + start, end - start, &rest))
		start += rest;  /* "d’Astro": Astro is the unknown word, whatever the article */
	char *shown = cl_utf8_sanitize(block->text + start, end - start);
	cl_finding *f = cl_check_report(run->ctx, cl_block_source_start(block, start),
					cl_block_source_end(block, end),
					cl_sprintf("unknown word “%s” (%s)", shown, run->profile->name));
	add_suggestions(run, f, block->text + start, end - start);
	free(shown);
}

static void report_forbidden(spell_run *run, size_t start, size_t end)
{
	const cl_block *block = run->block;
	if (run->noff && turned_off(run, cl_block_source_start(block, start)))
		return;
	char *shown = cl_utf8_sanitize(block->text + start, end - start);
	cl_check_report(run->ctx, cl_block_source_start(block, start), cl_block_source_end(block, end),
			cl_sprintf("“%s” is on the project's list of words not to use", shown));
	free(shown);
}

/* A hyphenated compound passes when the dictionary knows it whole
 * ("E-Mail"), written solid ("non-profit"), or every part; otherwise each
 * unknown part is reported. */
static void check_token(spell_run *run, const range *parts, size_t nparts)
{
	const char *text = run->block->text;
	size_t start = parts[0].start, end = parts[nparts - 1].end;
	if (nparts > 1) {
		cl_buf solid = CL_BUF_INIT;
		for (size_t i = 0; i < nparts; i++)
			cl_buf_put(&solid, text + parts[i].start, parts[i].end - parts[i].start);
		bool known = cl_spell_speller_knows(run, text + start, end - start) ||
			     cl_spell_speller_knows(run, solid.ptr, solid.size);
		cl_buf_dispose(&solid);
		if (known)
			return;
	}
	for (size_t i = 0; i < nparts; i++) {
		const char *s = text + parts[i].start;
		size_t len = parts[i].end - parts[i].start;
		if (run->profile->forbidden.count && cl_spell_is_term(&run->profile->forbidden, s, len))
			report_forbidden(run, parts[i].start, parts[i].end);
		else if (!cl_spell_word_passes(run, parts[i].start, parts[i].end))
			report(run, parts[i].start, parts[i].end);
	}
}

/* What joins two parts of a compound: a hyphen ("-" or U+2010), or one
 * character the dictionary's WORDCHARS make part of a word (such as "+"). */
static bool joined(const spell_run *run, size_t prev_end, size_t next_start)
{
	const char *text = run->block->text;
	size_t gap = next_start - prev_end;
	uint32_t cp;
	bool valid;
	if ((gap == 1 && text[prev_end] == '-') || (gap == 3 && !memcmp(text + prev_end, "\xE2\x80\x90", 3)))
		return true;
	if (gap == 0 || gap > 4 || cl_utf8_decode(text + prev_end, gap, &cp, &valid) != gap)
		return false;
	return cp != '.' && cl_speller_is_wordchar(run->profile->speller, cp);
}

static int check_block(spell_run *run, range **skips, size_t *skips_cap)
{
	const cl_block *block = run->block;
	size_t nskips, next_skip = 0, start, end, nparts = 0;
	range parts[MAX_PARTS];
	cl_word_kind kind;
	cl_breaks it;
	cl_spell_find_skips(block, skips, &nskips, skips_cap);
	int error = cl_breaks_open(&it, run->ctx->seg, CL_BREAK_WORD, run->ctx->locale, block->text, block->len);
	if (error < 0)
		return error;
	while (cl_breaks_next(&it, &start, &end, &kind)) {
		if (kind == CL_WORD_NONE && nparts && start == parts[nparts - 1].end && joined(run, start, end))
			continue;  /* the hyphen itself: the compound may go on */
		while (next_skip < nskips && (*skips)[next_skip].end <= start)
			next_skip++;
		bool word = kind == CL_WORD_LETTER && !(next_skip < nskips && (*skips)[next_skip].start < end) &&
			    !cl_block_in_span(block, start, end);
		if (word && nparts && nparts < MAX_PARTS && joined(run, parts[nparts - 1].end, start)) {
			parts[nparts++] = (range){ start, end };
			continue;
		}
		if (kind == CL_WORD_NUMBER && nparts && joined(run, parts[nparts - 1].end, start))
			nparts = 0;  /* an identifier such as bpo-12345 or Windows-10 */
		if (nparts)
			check_token(run, parts, nparts);
		nparts = 0;
		if (word)
			parts[nparts++] = (range){ start, end };
	}
	if (nparts)
		check_token(run, parts, nparts);
	cl_breaks_close(&it);
	return 0;
}

/* ---- the rule --------------------------------------------------------- */

static void collect_inline_words(const cl_document *doc, cl_keyset *words)
{
	size_t dummy;
	for (size_t i = 0; i < doc->ndirectives; i++) {
		const char *p = doc->directives[i].args;
		if (doc->directives[i].kind != CL_DIRECTIVE_WORDS)
			continue;
		while (*p) {
			size_t len = strcspn(p, " ");
			if (len)
				cl_keyset_put(words, p, len, 1, &dummy);
			p += len + (p[len] == ' ');
		}
	}
}

static size_t acronym_length(const cl_check_ctx *ctx)
{
	const cl_option_value *value = cl_check_option(ctx, "acronym-length");
	long n = value && value->count ? strtol(value->values[0], NULL, 10) : DEFAULT_ACRONYM_LENGTH;
	return n < 0 ? 0 : (size_t)n;
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	const cl_option_value *chosen = cl_check_option(ctx, "dictionary");
	if (cl_spell_lang_for(ctx->lang).none && !(chosen && chosen->count))
		return 0;  /* Chinese, Japanese: no Hunspell dictionary exists */
	spell_run run = { .ctx = ctx, .state = ctx->state, .acronym_length = acronym_length(ctx) };
	char primary[16];
	run.english = !strcmp(cl_check_language(ctx, primary, sizeof(primary)), "en");
	run.elision = !strcmp(primary, "fr") || !strcmp(primary, "it") || !strcmp(primary, "ca");
	run.profile = cl_spell_profile_for(ctx, run.state);
	if (!run.profile->speller)
		return 0;
	collect_inline_words(doc, &run.inline_words);
	cl_spell_collect_terms(doc, &run.terms);
	cl_spell_read_cspell_inline(doc, &run.terms, &run.off, &run.noff, &run.off_cap);
	range *skips = NULL;
	size_t skips_cap = 0;
	int error = 0;
	for (size_t b = 0; b < doc->nblocks && !error; b++) {
		run.block = &doc->blocks[b];
		/* A paragraph in another language is the untranslated rule's one
		 * finding, not a misspelling per word. */
		if (!run.block->foreign)
			error = check_block(&run, &skips, &skips_cap);
	}
	free(skips);
	cl_speller_take_errors(run.profile->speller, cl_spell_notice_speller_error, ctx);  /* a load the cache put off */
	cl_keyset_dispose(&run.inline_words);
	cl_keyset_dispose(&run.terms);
	free(run.off);
	cl_buf_dispose(&run.variant);
	return error;
}

const cl_rule cl_rule_spelling = {
	.info = {
		.id = "spelling",
		.summary = "Words the language's Hunspell dictionary does not know",
		.description = "Checks every word of prose with Hunspell in the document's language "
			       "(en-US uses en_US, cs cs_CZ, ...), plus copylint's word list for "
			       "the language, the config's `words:` and `dictionaries:` and the "
			       "file's `<!-- copylint-words: ... -->`. Code, URLs, e-mail addresses, "
			       "paths, file names, @handles, #hashtags, {shortcodes}, words with "
			       "digits, ALL-CAPS acronyms up to `acronym-length` letters (5) and words "
			       "in another script are skipped; a hyphenated compound passes when every "
			       "part does. A paragraph written in another language (see `untranslated`) "
			       "is not checked word by word. Suggestions: up to 3. Option `dictionary` "
			       "names the Hunspell dictionary to use instead (such as en_GB). Words of "
			       "the document's inline code, shell commands and file name pass, and so do "
			       "cspell's and Vale's word lists. In a translation, words the source "
			       "language's dictionary knows pass; option `source-words: false` turns "
			       "that off.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
		.option_names = option_names,
	},
	.options = options,
	.state_new = cl_spell_state_new,
	.state_free = cl_spell_state_free,
	.check = check,
};
