/* The fast path for word breaks (src/text/segment.c) against ICU itself:
 * the same segments and kinds on random text over every Word_Break class
 * the fast path handles, in several locales, and ICU for everything else. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "text/segment.h"

/* Characters of every class the fast path knows, and a few it leaves to ICU
 * (a combining acute, a soft hyphen, an emoji, a kana, a Hebrew letter). */
static const char *const alphabet[] = {
	"a", "Z", "\xC5\xBE" /* ž */, "\xC3\x9F" /* ß */, "\xC2\xAA" /* ª */, "7", "0",
	":", ".", "'", "\xE2\x80\x99" /* ’ */, "\xE2\x80\x98" /* ‘ */, "\xC2\xB7" /* · */,
	",", ";", "_", "\xE2\x80\xAF" /* narrow no-break space */, " ", " ", "\t", "\r", "\n",
	"\x0B", "\xE2\x80\xA8" /* line separator */, "\xC2\xA0" /* no-break space */, "-",
	"\xE2\x80\x93" /* – */, "\xE2\x80\xA6" /* … */, "\"", "\xE2\x80\x9E" /* „ */, "@", "#",
	"/", "$", "\xC3\x97" /* × */, "\xC2\xB2" /* ² */, "\xE2\x80\x8B" /* zero width space */,
	"\xE2\x81\xA0" /* word joiner */, "\xE2\x80\x80" /* en quad */,
};
static const char *const outsiders[] = {
	"\xCC\x81" /* combining acute */, "\xC2\xAD" /* soft hyphen */, "\xF0\x9F\x98\x80" /* emoji */,
	"\xE3\x82\xAB" /* katakana */, "\xD7\x90" /* alef */, "\xC2\xA9" /* © */, "\xD0\xB6" /* ж */,
};

#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))
#define NOUT (sizeof(outsiders) / sizeof(outsiders[0]))

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void)
{
	return test_random(&rng_state);
}

typedef struct {
	size_t start, end;
	cl_word_kind kind;
} segment;

static size_t segments(cl_segmenter *seg, bool icu, const char *locale, const char *text, size_t len,
		       segment *out, size_t max, bool *fast)
{
	cl_breaks it;
	size_t n = 0, start, end;
	cl_word_kind kind;
	int error = icu ? cl_breaks_open_icu(&it, seg, CL_BREAK_WORD, locale, text, len)
			: cl_breaks_open(&it, seg, CL_BREAK_WORD, locale, text, len);
	cr_assert_eq(error, 0);
	if (fast)
		*fast = it.text != NULL;
	while (n < max && cl_breaks_next(&it, &start, &end, &kind))
		out[n++] = (segment){ start, end, kind };
	cl_breaks_close(&it);
	return n;
}

/* Both paths over text; returns whether the fast one was taken. */
static bool assert_same(cl_segmenter *seg, const char *locale, const char *text, size_t len)
{
	segment fast[128], icu[128];
	bool taken;
	size_t nfast = segments(seg, false, locale, text, len, fast, 128, &taken);
	size_t nicu = segments(seg, true, locale, text, len, icu, 128, NULL);
	cr_assert_eq(nfast, nicu, "[%s] '%.*s': %zu segments, ICU %zu", locale, (int)len, text, nfast, nicu);
	for (size_t i = 0; i < nicu; i++) {
		cr_assert(fast[i].start == icu[i].start && fast[i].end == icu[i].end,
			  "[%s] '%.*s': segment %zu is [%zu, %zu), ICU [%zu, %zu)", locale, (int)len, text, i,
			  fast[i].start, fast[i].end, icu[i].start, icu[i].end);
		cr_assert_eq(fast[i].kind, icu[i].kind, "[%s] '%.*s': segment %zu [%zu, %zu) is kind %d, ICU %d",
			     locale, (int)len, text, i, icu[i].start, icu[i].end, fast[i].kind, icu[i].kind);
	}
	return taken;
}

static size_t random_text(char *buf, size_t max_chars, bool with_outsiders)
{
	size_t len = 0, chars = 1 + rng() % max_chars;
	for (size_t i = 0; i < chars; i++) {
		const char *c = with_outsiders && rng() % 16 == 0 ? outsiders[rng() % NOUT] : alphabet[rng() % NALPHA];
		memcpy(buf + len, c, strlen(c));
		len += strlen(c);
	}
	return len;
}

/* Random text in locale, both ways; returns how often the fast path was taken. */
static size_t differential(const char *locale, size_t rounds, bool with_outsiders)
{
	cl_segmenter *seg = cl_segmenter_new();
	char buf[24 * 4 + 1];
	size_t taken = 0;
	for (size_t round = 0; round < rounds; round++) {
		size_t len = random_text(buf, 24, with_outsiders);
		taken += assert_same(seg, locale, buf, len);
	}
	cl_segmenter_free(seg);
	return taken;
}

Test(segment_fast, same_as_icu_in_english)
{
	cr_assert_gt(differential("en", 100000, false), 50000);
}

Test(segment_fast, same_as_icu_in_czech_german_french)
{
	cr_assert_gt(differential("cs", 30000, false), 15000);
	cr_assert_gt(differential("de_DE", 30000, false), 15000);
	cr_assert_gt(differential("fr", 30000, false), 15000);
}

/* Swedish and Finnish tailor the word rules (a colon joins letters): the
 * probe of the tricky cases sends them to ICU. Whether or not the fast path
 * is taken, the segments are ICU's. */
Test(segment_fast, same_as_icu_in_tailored_locales)
{
	cr_assert_eq(differential("sv", 20000, false), 0);
	cr_assert_eq(differential("fi", 20000, false), 0);
	differential("ja", 20000, false);
	differential("", 20000, false);
}

Test(segment_fast, characters_it_does_not_know_go_to_icu)
{
	differential("en", 30000, true);
	cl_segmenter *seg = cl_segmenter_new();
	for (size_t i = 0; i < NOUT; i++) {
		char text[32];
		int len = snprintf(text, sizeof(text), "ab%scd ef", outsiders[i]);
		cr_assert_not(assert_same(seg, "en", text, (size_t)len), "'%s' went the fast way", text);
	}
	cr_assert_not(assert_same(seg, "en", "ab\xC3", 3), "ill-formed UTF-8 went the fast way");
	cl_segmenter_free(seg);
}

Test(segment_fast, plain_copy_takes_the_fast_path)
{
	cl_segmenter *seg = cl_segmenter_new();
	const char *text = "P\xC5\x99" "edstavte si, \xC5\xBE" "e it\xE2\x80\x99s 3.14 \xE2\x80\x93 e.g. don't.";
	cr_assert(assert_same(seg, "cs", text, strlen(text)));
	cr_assert(assert_same(seg, "en_US", text, strlen(text)));
	segment out[32];
	const char *sample = "it\xE2\x80\x99s 3.14, e.g.";
	bool fast;
	size_t n = segments(seg, false, "en", sample, strlen(sample), out, 32, &fast);
	cr_assert(fast);
	cr_assert_eq(n, 7);
	cr_assert(out[0].start == 0 && out[0].end == 6 && out[0].kind == CL_WORD_LETTER);
	cr_assert(out[2].start == 7 && out[2].end == 11 && out[2].kind == CL_WORD_NUMBER);
	cr_assert(out[5].start == 13 && out[5].end == 16 && out[5].kind == CL_WORD_LETTER);
	cl_segmenter_free(seg);
}
