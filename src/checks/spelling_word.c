/* spelling: which words pass (see spelling_word.h). */
#include "spelling_word.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <xxhash.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "spelling_terms.h"

/* Counts one character of a word; false when the word is not to be checked. */
static bool count_char(const spell_run *run, uint32_t cp, size_t *letters, size_t *upper)
{
	if (cp < 0x80) {  /* the plain ASCII fast path: no ICU property lookups */
		if (cp >= '0' && cp <= '9')
			return false;
		bool is_upper = cp >= 'A' && cp <= 'Z', is_letter = is_upper || (cp >= 'a' && cp <= 'z');
		if (is_letter && *letters == 0 && !run->profile->latin)
			return false;
		*letters += is_letter;
		*upper += is_upper;
		return true;
	}
	if (cl_is_latin_letter(cp)) {  /* Czech, German, French, ...: no script lookup */
		if (*letters == 0 && !run->profile->latin)
			return false;
		(*letters)++;
		*upper += u_isupper((UChar32)cp) != 0;
		return true;
	}
	if (u_isdigit((UChar32)cp) || cp == CL_REPLACEMENT_CHAR)
		return false;
	if (!u_isalpha((UChar32)cp))
		return true;
	if (*letters == 0 && !cl_spell_script_covered(run->profile, (UChar32)cp))
		return false;
	(*letters)++;
	*upper += u_isupper((UChar32)cp) != 0;
	return true;
}

/* Words never to check whatever the file's options: with digits, in other
 * scripts, file names, longer than any dictionary word, without letters.
 * Counts the letters and capitals of the others. */
static bool word_facts(const spell_run *run, const char *s, size_t len, size_t *letters, size_t *upper)
{
	*letters = *upper = 0;
	if (len > 100 || cl_spell_has_file_extension(s, len))
		return false;
	for (size_t i = 0; i < len;) {
		uint32_t cp = (unsigned char)s[i];
		bool valid;
		if (cp < 0x80)
			i++;
		else
			i += cl_utf8_decode(s + i, len - i, &cp, &valid);
		if (!count_char(run, cp, letters, upper))
			return false;
	}
	return *letters > 0;
}

static bool is_acronym(const spell_run *run, size_t letters, size_t upper)
{
	return upper == letters && letters <= run->acronym_length;
}

/* An acronym's plural ("VMs", "PRs", "SDKs"): capitals, then one s. */
static bool acronym_plural(const spell_run *run, const hot_slot *slot, const char *s, size_t len)
{
	return slot->upper >= 2 && slot->upper + 1 == slot->letters && slot->upper <= run->acronym_length &&
	       s[len - 1] == 's';
}

/* Initials and abbreviations of single letters with a full stop after each:
 * "J.", "т. д.", "z.B.", "i.e.". */
static bool dotted_initials(const spell_run *run, size_t start, size_t end)
{
	const char *text = run->block->text;
	if (end >= run->block->len || text[end] != '.')
		return false;
	for (size_t i = start; i < end;) {
		uint32_t cp;
		bool valid;
		i += cl_utf8_decode(text + i, end - i, &cp, &valid);
		if (i < end && text[i] != '.')
			return false;
		i += i < end;
	}
	return true;
}

/* Words not to check: the above, and short ALL-CAPS acronyms. */
static bool worth_checking(const spell_run *run, const char *s, size_t len)
{
	size_t letters, upper;
	return word_facts(run, s, len, &letters, &upper) && !is_acronym(run, letters, upper);
}

bool cl_spell_speller_knows(spell_run *run, const char *s, size_t len)
{
	return cl_speller_check(run->profile->speller, s, len);
}

/* The file's <!-- copylint-words: … --> accept a word as written, or in
 * lower case at the start of a sentence. */
static bool inline_word(const spell_run *run, const char *s, size_t len, cl_buf *tmp)
{
	size_t dummy;
	if (!run->inline_words.count)
		return false;
	if (cl_keyset_get(&run->inline_words, s, len, &dummy))
		return true;
	if (len && s[0] >= 'A' && s[0] <= 'Z') {
		cl_buf_clear(tmp);
		cl_buf_putc(tmp, (char)(s[0] - 'A' + 'a'));
		cl_buf_put(tmp, s + 1, len - 1);
		return cl_keyset_get(&run->inline_words, tmp->ptr, tmp->size, &dummy);
	}
	return false;
}

/* The same word with the other apostrophe (’ <-> '), whichever the
 * dictionary uses. */
static bool other_apostrophe(cl_buf *out, const char *s, size_t len)
{
	bool changed = false;
	cl_buf_clear(out);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\'') {
			cl_buf_puts(out, "\xE2\x80\x99");
			changed = true;
		} else if (i + 3 <= len && !memcmp(s + i, "\xE2\x80\x99", 3)) {
			cl_buf_putc(out, '\'');
			i += 2;
			changed = true;
		} else {
			cl_buf_putc(out, s[i]);
		}
	}
	return changed;
}

static bool possessive_stem(const char *s, size_t len, size_t *stem)
{
	if (len > 2 && !memcmp(s + len - 2, "'s", 2))
		*stem = len - 2;
	else if (len > 4 && !memcmp(s + len - 4, "\xE2\x80\x99s", 4))
		*stem = len - 4;
	else
		return false;
	return true;
}

/* An elided article or pronoun before an apostrophe: l’, d’, qu’, jusqu’
 * (French), dell’, nell’ (Italian). *rest is where the word after it starts. */
bool cl_spell_elided(const char *s, size_t len, size_t *rest)
{
	for (size_t i = 1; i <= 7 && i < len; i++) {
		size_t apostrophe = s[i] == '\'' ? 1 : (i + 3 <= len && !memcmp(s + i, "\xE2\x80\x99", 3)) ? 3 : 0;
		if (apostrophe) {
			*rest = i + apostrophe;
			return *rest < len;
		}
	}
	return false;
}

/* What the dictionaries say about block text [start, end), trying the
 * variants a dictionary may spell differently. */
static bool dictionary_accepts(spell_run *run, size_t start, size_t end, int depth)
{
	const char *text = run->block->text, *s = text + start;
	size_t len = end - start, stem;
	cl_buf alt = CL_BUF_INIT;
	bool ok = cl_spell_speller_knows(run, s, len);
	if (!ok && other_apostrophe(&alt, s, len))
		ok = cl_spell_speller_knows(run, alt.ptr, alt.size);
	if (!ok && run->english && depth == 0 && possessive_stem(s, len, &stem))
		ok = dictionary_accepts(run, start, start + stem, 1);
	if (!ok && depth == 0 && cl_spell_elided(s, len, &stem))  /* "l’OTAN", "d’epoll": the word after it */
		ok = !worth_checking(run, s + stem, len - stem) || dictionary_accepts(run, start + stem, end, 1);
	if (!ok && end < run->block->len && text[end] == '.') {  /* abbreviations: "usw.", "Nov." */
		cl_buf_clear(&alt);
		cl_buf_put(&alt, s, len + 1);
		ok = cl_spell_speller_knows(run, alt.ptr, alt.size);
	}
	if (!ok && run->profile->source)  /* "Deployment" in German: the source language's word */
		ok = cl_speller_check(run->profile->source, s, len);
	cl_buf_dispose(&alt);
	return ok;
}

/* The file's own words, as written, after an elided article or before a
 * possessive. */
static bool inline_accepts(spell_run *run, const char *s, size_t len)
{
	size_t stem;
	if (inline_word(run, s, len, &run->variant))
		return true;
	if (run->english && possessive_stem(s, len, &stem) && inline_word(run, s, stem, &run->variant))
		return true;
	return cl_spell_elided(s, len, &stem) && inline_word(run, s + stem, len - stem, &run->variant);
}

/* The document's own terms (inline code, commands, its file name) and its
 * cspell words, in any case, as written, after an elided article or before
 * a possessive. */
static bool term_accepts(const spell_run *run, const char *s, size_t len)
{
	size_t stem;
	if (cl_spell_is_term(&run->terms, s, len))
		return true;
	if (run->english && possessive_stem(s, len, &stem) && cl_spell_is_term(&run->terms, s, stem))
		return true;
	return cl_spell_elided(s, len, &stem) && cl_spell_is_term(&run->terms, s + stem, len - stem);
}

/* Four times the slots once there are more distinct words than slots; the
 * table is a cache, so it starts again empty. */
static void grow_hot_table(profile *p)
{
	if (p->verdicts.count <= p->hot_slots || p->hot_slots >= HOT_SLOTS_MAX)
		return;
	free(p->hot);
	p->hot_slots *= 4;
	p->hot = cl_calloc(p->hot_slots, sizeof(hot_slot));
}

static size_t cached_verdict(spell_run *run, size_t start, size_t end)
{
	const char *s = run->block->text + start;
	size_t len = end - start, verdict;
	cl_buf *key = &run->variant;
	cl_buf_clear(key);
	cl_buf_put(key, s, len);
	if (end < run->block->len && s[len] == '.')
		cl_buf_putc(key, '\x01');
	if (!cl_keyset_get(&run->profile->verdicts, key->ptr, key->size, &verdict)) {
		verdict = dictionary_accepts(run, start, end, 0) ? VERDICT_KNOWN : VERDICT_UNKNOWN;  /* leaves key alone */
		cl_keyset_put(&run->profile->verdicts, key->ptr, key->size, verdict, &verdict);
	}
	return verdict;
}

/* The hot slot of block text [start, end), filled in on a miss; *spare
 * stands in for words too long for the table. */
static hot_slot *hot_slot_for(spell_run *run, size_t start, size_t end, hot_slot *spare)
{
	const char *s = run->block->text + start;
	size_t len = end - start, letters, upper;
	bool dot = end < run->block->len && s[len] == '.';
	uint64_t hash = XXH3_64bits(s, len) ^ dot;
	hot_slot *slot = len <= HOT_WORD_BYTES ? &run->profile->hot[hash & (run->profile->hot_slots - 1)] : spare;
	if (slot != spare && slot->len == len && slot->hash == hash && !memcmp(slot->word, s, len))
		return slot;
	bool checkable = word_facts(run, s, len, &letters, &upper);
	*slot = (hot_slot){ .hash = hash, .len = (unsigned char)(slot == spare ? 0 : len),
			    .verdict = checkable ? VERDICT_UNASKED : VERDICT_NEVER_CHECKED,
			    .letters = (unsigned char)letters, .upper = (unsigned char)upper };
	if (slot != spare)
		memcpy(slot->word, s, len);
	return slot;
}

/* Does block text [start, end) pass: a word not to check, or one the
 * dictionaries know? The verdict on the word (and on whether a dot follows
 * it) is cached, so a misspelling that repeats costs one hash lookup like a
 * correct word does; frequent words cost less. */
bool cl_spell_word_passes(spell_run *run, size_t start, size_t end)
{
	hot_slot spare;
	grow_hot_table(run->profile);  /* here, before a slot is held */
	hot_slot *slot = hot_slot_for(run, start, end, &spare);
	if (slot->verdict == VERDICT_NEVER_CHECKED || is_acronym(run, slot->letters, slot->upper))
		return true;
	if ((slot->letters <= 3 && dotted_initials(run, start, end)) ||
	    acronym_plural(run, slot, run->block->text + start, end - start))
		return true;
	if (slot->verdict == VERDICT_UNASKED)
		slot->verdict = (unsigned char)cached_verdict(run, start, end);
	return slot->verdict == VERDICT_KNOWN ||
	       (run->inline_words.count && inline_accepts(run, run->block->text + start, end - start)) ||
	       (run->terms.count && term_accepts(run, run->block->text + start, end - start));
}
