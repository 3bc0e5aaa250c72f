/* The fast paths of cl_text_key (ASCII, then Latin and General
 * Punctuation character by character) against ICU's NFKC_Casefold itself:
 * the same key on random text, and on every character they cover. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "helpers.h"
#include "text/normalize.h"
#include "text/utf8.h"

/* Letters whose fold is special (ß, ĳ, ſ, ŉ, ǅ, İ, ı, µ), spacing
 * diacritics (¨ ´ ¸: a space and a combining mark), compatibility forms
 * (ª ¹ ½ …), spaces of several kinds, quotes, invisible characters, and
 * some the fast path leaves to ICU (a combining acute, Greek, emoji). */
static const char *const alphabet[] = {
	"a", "Z", "e", " ", "  ", "\t", "\n", ".", "'", "\"", "-",
	"\xC3\x9F", "\xC4\xB3", "\xC5\xBF", "\xC5\x89", "\xC7\x85", "\xC4\xB0", "\xC4\xB1", "\xC2\xB5",
	"\xC2\xA8", "\xC2\xB4", "\xC2\xB8", "\xC2\xAA", "\xC2\xB9", "\xC2\xBD", "\xE2\x80\xA6",
	"\xE2\x80\xA5", "\xE2\x80\xB3", "\xE2\x81\x97", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF",
	"\xE2\x80\x8B", "\xC2\xAD", "\xE2\x81\xA0", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
	"\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", "\xC3\x89", "\xC3\xA9", "\xC5\xBD",
	"\xC4\x8C", "\xC3\x85", "\xC7\x84", "\xC8\xA0", "\xE2\x80\x94",
	"\xCC\x81", "\xCE\xA3", "\xCF\x82", "\xF0\x9F\x98\x80", "\xE2\x84\xAA" /* Kelvin sign */,
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

static uint64_t rng_state = 0x2545F4914F6CDD1Du;

static uint64_t rng(void)
{
	return test_random(&rng_state);
}

static void assert_same_key(const char *s, size_t len)
{
	cl_buf fast = CL_BUF_INIT, icu = CL_BUF_INIT;
	cr_assert_eq(cl_text_key(&fast, s, len), 0);
	cr_assert_eq(cl_text_key_icu(&icu, s, len), 0);
	cr_assert(fast.size == icu.size && !memcmp(fast.ptr, icu.ptr, icu.size),
		  "'%.*s': key '%s', ICU '%s'", (int)len, s, fast.ptr, icu.ptr);
	cl_buf_dispose(&fast);
	cl_buf_dispose(&icu);
}

Test(normalize_fast, every_character_it_covers)
{
	char s[16];
	for (uint32_t cp = 1; cp < 0x2070; cp = cp == 0x24F ? 0x2000 : cp + 1) {
		size_t n = cl_utf8_encode(cp, s + 1);
		s[0] = 'A';  /* after a letter and before one: no composition across them either */
		s[n + 1] = 'b';
		assert_same_key(s, n + 2);
	}
}

Test(normalize_fast, random_text)
{
	char buf[24 * 4 + 1];
	for (int round = 0; round < 100000; round++) {
		size_t len = 0, chars = 1 + rng() % 24;
		for (size_t i = 0; i < chars; i++) {
			const char *c = alphabet[rng() % NALPHA];
			memcpy(buf + len, c, strlen(c));
			len += strlen(c);
		}
		assert_same_key(buf, len);
	}
}

Test(normalize_fast, ill_formed_text_goes_to_icu)
{
	assert_same_key("Stra\xC3", 5);
	assert_same_key("\xC5\xBE\xFF" "a", 4);
	assert_same_key("a\0b", 3);
}
