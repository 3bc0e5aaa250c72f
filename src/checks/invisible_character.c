/* invisible-character: characters a reader cannot see that change what the
 * text is: zero-width space, zero-width joiner outside emoji sequences and
 * the scripts that need it, soft hyphens, a byte-order mark after the
 * start, C0/C1 controls, U+FFFD (a character already lost), SentencePiece's
 * unknown-token mark ⁇, and the bidirectional controls of "Trojan Source"
 * attacks. Those last are looked for in the whole file, code included, as
 * that is where they do harm; the others only in prose. */
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

static void check_block(cl_check_ctx *ctx, const cl_block *block)
{
	for (size_t at = 0, size; at < block->len; at += size ? size : 1) {
		uint32_t cp;
		bool valid;
		size = cl_utf8_decode(block->text + at, block->len - at, &cp, &valid);
		verdict v = valid && !is_bidi_control(cp) ?
			    judge(block->text, block->len, at, size, cp, cl_block_source_start(block, at)) : KEEP;
		if (v == KEEP || !typo_is_prose(block, at, at + size))
			continue;
		cl_finding *f = typo_report(ctx, block, at, at + size, describe(cp));
		if (v == REPORT)
			typo_fix(f, block, at, at + size, "");
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
		check_block(ctx, &doc->blocks[b]);
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
			       "code included). Each is named; the fix deletes it where nothing was lost.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.check = check,
};
