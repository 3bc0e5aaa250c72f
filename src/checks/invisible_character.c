/* invisible-character: characters a reader cannot see that change what the
 * text is: zero-width space, zero-width joiner outside emoji sequences and
 * the scripts that need it, soft hyphens, a byte-order mark after the
 * start, C0/C1 controls, U+FFFD (a character already lost), SentencePiece's
 * unknown-token mark ⁇, and the bidirectional controls of "Trojan Source"
 * attacks. Those last are looked for in the whole file, code included, as
 * that is where they do harm; the others only in prose. A format character
 * written as an HTML entity (`&shy;`, `&#8203;`) is visible in the source
 * and there on purpose. A run of the same character is one finding. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "typo_common.h"

typedef enum { KEEP = 0, REPORT, REPORT_NO_FIX } verdict;

static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool is_emoji_part(uint32_t cp)
{
	return u_hasBinaryProperty((UChar32)cp, UCHAR_EXTENDED_PICTOGRAPHIC) ||
	       u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI_MODIFIER) || cp == 0xFE0F;
}

/* Indic and Arabic-script writing uses ZWJ to choose letter forms. */
static bool joins_script(uint32_t cp)
{
	UErrorCode status = U_ZERO_ERROR;
	UScriptCode script = uscript_getScript((UChar32)cp, &status);
	return U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_CYRILLIC &&
	       script != USCRIPT_GREEK && script != USCRIPT_COMMON && script != USCRIPT_INHERITED;
}

static verdict judge(const char *text, size_t len, size_t at, size_t size, uint32_t cp, size_t file_at)
{
	size_t prev_at, next_size;
	uint32_t before = typo_cp_before(text, at, &prev_at), after = typo_cp_at(text, len, at + size, &next_size);
	switch (cp) {
	case 0x200B: case 0x00AD: case 0x2047:
		return cp == 0x2047 ? REPORT_NO_FIX : REPORT;
	case 0x200D:
		return (is_emoji_part(before) && is_emoji_part(after)) || joins_script(before) ? KEEP : REPORT;
	case 0xFEFF:
		return file_at == 0 ? KEEP : REPORT;
	case CL_REPLACEMENT_CHAR:
		return REPORT_NO_FIX;
	}
	if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F))
		return REPORT;
	return KEEP;
}

static char *describe(uint32_t cp)
{
	char name[160];
	typo_char_name(cp, name, sizeof(name));
	if (is_bidi_control(cp))
		return cl_sprintf("invisible bidirectional control %s can make text read differently from "
				  "how it is stored (Trojan Source)", name);
	if (cp == CL_REPLACEMENT_CHAR)
		return cl_sprintf("%s: a character was lost here in a conversion", name);
	if (cp == 0x2047)
		return cl_sprintf("%s: a machine translation's unknown-token mark", name);
	return cl_sprintf("invisible character %s", name);
}

/* Soft hyphen, zero-width space and joiners written as an entity, as
 * typesetters do on purpose (`Silben&shy;trennung`). */
static bool written_as_entity(const cl_document *doc, uint32_t cp, size_t file_at)
{
	return (cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D) && file_at < doc->len &&
	       doc->data[file_at] == '&';
}

/* How many bytes the same code point cp repeats for right after at. */
static size_t run_length(const cl_block *block, size_t at, uint32_t cp, size_t size)
{
	size_t end = at + size, next;
	while (end < block->len && typo_cp_at(block->text, block->len, end, &next) == cp && next == size)
		end += size;
	return end - at;
}

static void report(cl_check_ctx *ctx, const cl_block *block, size_t at, size_t run, size_t size, uint32_t cp,
		   verdict v)
{
	char *message = describe(cp);
	if (run > size) {
		char *longer = cl_sprintf("%s, %zu in a row", message, run / size);
		free(message);
		message = longer;
	}
	cl_finding *f = typo_report(ctx, block, at, at + run, message);
	if (v == REPORT)
		typo_fix(f, block, at, at + run, "");
}

static void check_block(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block)
{
	for (size_t at = 0, size; at < block->len; at += size ? size : 1) {
		uint32_t cp;
		bool valid;
		size = cl_utf8_decode(block->text + at, block->len - at, &cp, &valid);
		size_t file_at = cl_block_source_start(block, at);
		verdict v = valid && !is_bidi_control(cp) ? judge(block->text, block->len, at, size, cp, file_at) : KEEP;
		if (v == KEEP || !typo_is_prose(block, at, at + size) || written_as_entity(doc, cp, file_at))
			continue;
		size_t run = run_length(block, at, cp, size);
		report(ctx, block, at, run, size, cp, v);
		size = run;
	}
}

static void check_bidi(cl_check_ctx *ctx, const cl_document *doc)
{
	for (size_t at = 0, size; at < doc->len; at += size) {
		uint32_t cp;
		bool valid;
		size = cl_utf8_decode(doc->data + at, doc->len - at, &cp, &valid);
		if (valid && is_bidi_control(cp)) {
			cl_finding *f = cl_check_report(ctx, at, at + size, describe(cp));
			cl_finding_set_fix(f, at, at + size, "");
		}
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	check_bidi(ctx, doc);
	for (size_t b = 0; b < doc->nblocks; b++)
		check_block(ctx, doc, &doc->blocks[b]);
	return 0;
}

const cl_rule cl_rule_invisible_character = {
	.info = {
		.id = "invisible-character",
		.summary = "Invisible and control characters",
		.description = "Zero-width spaces, zero-width joiners outside emoji sequences and the "
			       "scripts that join letters with them, soft hyphens, a byte-order mark "
			       "after the start of the file, C0 and C1 control characters, the "
			       "replacement character U+FFFD, SentencePiece's ⁇ and the bidirectional "
			       "controls used in Trojan Source attacks (reported anywhere in the file, "
			       "code included). Each is named, a run of one character reported once; "
			       "the fix deletes it where nothing was lost. A soft hyphen, zero-width "
			       "space or joiner written as an HTML entity (`&shy;`) is on purpose.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.check = check,
};
