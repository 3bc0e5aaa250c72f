#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "../util/alloc.h"
#include "../util/error.h"

#define CACHED_LOCALES 4

typedef struct {
	char locale[32];
	UBreakIterator *bi;
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

static UBreakIterator *iterator_for(cl_segmenter *seg, cl_break_kind kind, const char *locale)
{
	cached_iterator *slots = seg->cache[kind];
	for (int i = 0; i < CACHED_LOCALES; i++)
		if (slots[i].bi && strcmp(slots[i].locale, locale) == 0)
			return slots[i].bi;

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
	return bi;
}

int cl_breaks_open(cl_breaks *it, cl_segmenter *seg, cl_break_kind kind,
		   const char *locale, const char *text, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	memset(it, 0, sizeof(*it));
	UBreakIterator *bi = iterator_for(seg, kind, locale ? locale : "");
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
