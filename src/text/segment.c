#include "segment.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "utf8.h"

#define CACHED_LOCALES 4

typedef struct {
	char locale[32];
	UBreakIterator *bi;
	bool fast_words;  /* the locale's word rules agree with the fast path */
} cached_iterator;

struct cl_segmenter {
	cached_iterator cache[2][CACHED_LOCALES];
	unsigned next_victim[2];
};

cl_segmenter *cl_segmenter_new(void)
{
	return cl_calloc(1, sizeof(cl_segmenter));
}

void cl_segmenter_free(cl_segmenter *seg)
{
	if (!seg)
		return;
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < CACHED_LOCALES; i++)
			if (seg->cache[k][i].bi)
				ubrk_close(seg->cache[k][i].bi);
	free(seg);
}

/* ---- the fast path for word breaks ------------------------------------ */

/* The Word_Break values the fast path knows; WB_COMPLEX: any other, or a
 * character it leaves to ICU. Double_Quote counts as Other: it only joins
 * Hebrew letters, which are left to ICU. */
typedef enum {
	WB_OTHER, WB_ALETTER, WB_NUMERIC, WB_MIDLETTER, WB_MIDNUMLET, WB_SINGLE_QUOTE, WB_MIDNUM,
	WB_EXTENDNUMLET, WB_WSEGSPACE, WB_CR, WB_LF, WB_NEWLINE, WB_COMPLEX, WB_END
} wb_class;

static unsigned char classes[CL_LATIN_TABLE_SIZE];  /* see cl_latin_table_index */
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static wb_class class_from_icu(UChar32 cp)
{
	if (u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC))
		return WB_COMPLEX;  /* emoji sequences have rules of their own */
	switch (u_getIntPropertyValue(cp, UCHAR_WORD_BREAK)) {
	case U_WB_OTHER: case U_WB_DOUBLE_QUOTE: return WB_OTHER;
	case U_WB_ALETTER: return WB_ALETTER;
	case U_WB_NUMERIC: return WB_NUMERIC;
	case U_WB_MIDLETTER: return WB_MIDLETTER;
	case U_WB_MIDNUMLET: return WB_MIDNUMLET;
	case U_WB_SINGLE_QUOTE: return WB_SINGLE_QUOTE;
	case U_WB_MIDNUM: return WB_MIDNUM;
	case U_WB_EXTENDNUMLET: return WB_EXTENDNUMLET;
	case U_WB_WSEGSPACE: return WB_WSEGSPACE;
	case U_WB_CR: return WB_CR;
	case U_WB_LF: return WB_LF;
	case U_WB_NEWLINE: return WB_NEWLINE;
	default: return WB_COMPLEX;
	}
}

static void build_classes(void)
{
	for (size_t i = 0; i < CL_LATIN_TABLE_SIZE; i++)
		classes[i] = (unsigned char)class_from_icu((UChar32)cl_latin_table_char(i));
	classes[':'] = WB_OTHER;     /* ICU's root rules take the colon out of MidLetter */
	classes['@'] = WB_ALETTER;   /* and count @ as a letter (e-mail addresses) */
}

/* The class of the character at byte i and its length in *n. */
static wb_class class_at(const cl_breaks *it, size_t i, size_t *n)
{
	*n = 0;
	if (i >= it->len)
		return WB_END;
	unsigned char c = (unsigned char)it->text[i];
	*n = 1;
	if (c < 0x80)
		return (wb_class)classes[c];
	uint32_t cp;
	bool valid;
	*n = cl_utf8_decode(it->text + i, it->len - i, &cp, &valid);
	if (!valid)
		return WB_COMPLEX;
	long index = cl_latin_table_index(cp);
	return index < 0 ? WB_COMPLEX : (wb_class)classes[index];
}

static bool all_simple(const cl_breaks *it)
{
	size_t n;
	for (size_t i = 0; i < it->len; i += n)
		if (class_at(it, i, &n) == WB_COMPLEX)
			return false;
	return true;
}

static bool joins(wb_class c)
{
	return c == WB_ALETTER || c == WB_NUMERIC || c == WB_EXTENDNUMLET;
}

/* ICU's rule status of a word that ends in b after a: the kind of its
 * last letter or digit (ICU 72 tags "a1" a number and "1a" a word). */
static int pair_status(wb_class a, wb_class b)
{
	if (b == WB_ALETTER)
		return UBRK_WORD_LETTER;
	if (b == WB_NUMERIC)
		return UBRK_WORD_NUMBER;
	return a == WB_NUMERIC ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;  /* b is ExtendNumLet */
}

/* A letter or number run from byte i: joined characters, and letters
 * (numbers) on both sides of one MidLetter or MidNumLet (MidNum or
 * MidNumLet) character (WB6-WB7, WB11-WB12). */
static size_t word_run(const cl_breaks *it, size_t i, wb_class first, size_t n, int *status)
{
	size_t end = i + n, n2, n3;
	wb_class cur = first;
	*status = first == WB_ALETTER ? UBRK_WORD_LETTER : first == WB_NUMERIC ? UBRK_WORD_NUMBER : UBRK_WORD_NONE;
	for (;;) {
		wb_class next = class_at(it, end, &n2);
		if (joins(next)) {
			*status = pair_status(cur, next);  /* the rule that took the last character tags the word */
			cur = next;
			end += n2;
			continue;
		}
		bool mid_letter = next == WB_MIDLETTER || next == WB_MIDNUMLET || next == WB_SINGLE_QUOTE;
		bool mid_number = next == WB_MIDNUM || next == WB_MIDNUMLET || next == WB_SINGLE_QUOTE;
		if ((cur == WB_ALETTER && mid_letter) || (cur == WB_NUMERIC && mid_number)) {
			if (class_at(it, end + n2, &n3) == cur) {
				*status = cur == WB_ALETTER ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
				end += n2 + n3;
				continue;
			}
		}
		return end;
	}
}

static size_t fast_next(const cl_breaks *it, size_t i, int *status)
{
	size_t n, n2;
	wb_class c = class_at(it, i, &n);
	size_t end = i + n;
	*status = UBRK_WORD_NONE;
	if (joins(c))
		return word_run(it, i, c, n, status);
	if (c == WB_CR && class_at(it, end, &n2) == WB_LF)
		return end + n2;  /* WB3 */
	while (c == WB_WSEGSPACE && class_at(it, end, &n2) == WB_WSEGSPACE)
		end += n2;  /* WB3d */
	return end;
}

static cl_word_kind word_kind(int32_t status);

/* The cases where rules differ between locales or are easy to get wrong,
 * for the check that a locale's ICU rules give what the fast path gives. */
static const char probe_text[] =
	"a:b a.b a'b a\xE2\x80\x99" "b a\xC2\xB7" "b 1,2 1.2 1;2 1'2 1:2 a_1 1_a _ __ _a_ a1 1a a.1 1.a a..b "
	"e.g. x\xE2\x80\xAF" "y \xC2\xA0 \t\t\r\n\n\x0B\x0C \xE2\x80\xA8 a-b a\xE2\x80\x93" "b "
	"\xC2\xAA\xC2\xBA\xC2\xB5 \xC3\x97\xC3\xB7 \xC5\xBE\xC3\xA1k. It's 3.14, 1,000.5 #a @b $1 "
	"a&b \"q\" a\xE2\x80\xA6 a/b 1_000 a:1 1:a";

static bool same_segments(UBreakIterator *bi, const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	cl_breaks fast = { .text = text, .len = len };
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &status);
	ubrk_setUText(bi, ut, &status);
	bool same = !U_FAILURE(status);
	for (int32_t pos = ubrk_first(bi), next; same && (next = ubrk_next(bi)) != UBRK_DONE; pos = next) {
		int fast_status;
		size_t fast_end = fast_next(&fast, (size_t)pos, &fast_status);
		int32_t icu_status = ubrk_getRuleStatus(bi);
		same = fast_end == (size_t)next && word_kind(fast_status) == word_kind(icu_status);
	}
	ubrk_setText(bi, NULL, 0, &status);
	utext_close(ut);
	return same;
}

static UBreakIterator *iterator_for(cl_segmenter *seg, cl_break_kind kind, const char *locale,
				    bool *fast_words)
{
	cached_iterator *slots = seg->cache[kind];
	for (int i = 0; i < CACHED_LOCALES; i++) {
		if (slots[i].bi && strcmp(slots[i].locale, locale) == 0) {
			*fast_words = slots[i].fast_words;
			return slots[i].bi;
		}
	}

	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(kind == CL_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE,
				       locale, NULL, 0, &status);
	if (U_FAILURE(status)) {
		cl_error_set(-1, "ICU break iterator for '%s': %s", locale, u_errorName(status));
		return NULL;
	}
	cached_iterator *slot = &slots[seg->next_victim[kind]++ % CACHED_LOCALES];
	if (slot->bi)
		ubrk_close(slot->bi);
	slot->bi = bi;
	snprintf(slot->locale, sizeof(slot->locale), "%s", locale);
	pthread_once(&classes_once, build_classes);
	slot->fast_words = kind == CL_BREAK_WORD && same_segments(bi, probe_text, sizeof(probe_text) - 1);
	*fast_words = slot->fast_words;
	return bi;
}

int cl_breaks_open(cl_breaks *it, cl_segmenter *seg, cl_break_kind kind,
		   const char *locale, const char *text, size_t len)
{
	bool fast_words;
	if (kind == CL_BREAK_WORD) {
		if (!iterator_for(seg, kind, locale ? locale : "", &fast_words))
			return -1;
		*it = (cl_breaks){ .text = text, .len = len };
		if (fast_words && all_simple(it))
			return 0;
	}
	return cl_breaks_open_icu(it, seg, kind, locale, text, len);
}

int cl_breaks_open_icu(cl_breaks *it, cl_segmenter *seg, cl_break_kind kind,
		       const char *locale, const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	bool fast_words;
	memset(it, 0, sizeof(*it));
	UBreakIterator *bi = iterator_for(seg, kind, locale ? locale : "", &fast_words);
	if (!bi)
		return -1;
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &status);
	if (U_FAILURE(status))
		return cl_error_set(-1, "ICU UText: %s", u_errorName(status));
	ubrk_setUText(bi, ut, &status);
	if (U_FAILURE(status)) {
		utext_close(ut);
		return cl_error_set(-1, "ICU setUText: %s", u_errorName(status));
	}
	it->bi = bi;
	it->ut = ut;
	it->pos = (size_t)ubrk_first(bi);
	it->len = len;
	return 0;
}

static cl_word_kind word_kind(int32_t status)
{
	if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT)
		return CL_WORD_IDEO;
	if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT)
		return CL_WORD_KANA;
	if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT)
		return CL_WORD_LETTER;
	if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
		return CL_WORD_NUMBER;
	return CL_WORD_NONE;
}

bool cl_breaks_next(cl_breaks *it, size_t *start, size_t *end, cl_word_kind *kind)
{
	if (it->text) {
		if (it->pos >= it->len)
			return false;
		int status;
		*start = it->pos;
		*end = it->pos = fast_next(it, it->pos, &status);
		if (kind)
			*kind = word_kind(status);
		return true;
	}
	if (!it->bi)
		return false;
	int32_t next = ubrk_next(it->bi);
	if (next == UBRK_DONE)
		return false;
	*start = it->pos;
	*end = (size_t)next;
	it->pos = (size_t)next;
	if (kind)
		*kind = word_kind(ubrk_getRuleStatus(it->bi));
	return true;
}

void cl_breaks_close(cl_breaks *it)
{
	UErrorCode status = U_ZERO_ERROR;
	if (it->bi) {
		/* Detach the caller's bytes so the cached iterator holds no
		 * pointer into freed memory. */
		ubrk_setText(it->bi, NULL, 0, &status);
	}
	if (it->ut)
		utext_close(it->ut);
	memset(it, 0, sizeof(*it));
}
