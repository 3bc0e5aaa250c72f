#include "langid.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <xxhash.h>

#include "../text/utf8.h"

#define MAX_FUNCTION_WORD 24  /* bytes; longer words are counted, never looked up */

typedef struct {
	const char *lang;
	const char *name;
	const char *words;
} langid_list;

static const langid_list lists[] = {
#define LANGID(lang, name, words) { lang, name, words },
#include "langid.def"
#undef LANGID
};

#define NLANGS (sizeof(lists) / sizeof(lists[0]))

#define MAX_WORDS 2048
#define TABLE_SLOTS 4096  /* a power of two, twice MAX_WORDS: short probes */

/* The function words of every language in one open-addressed table with
 * the words inline (128 KB, in cache): this runs on every word of every
 * document.
 * Built once, then only read. */
typedef struct {
	unsigned char len;  /* 0: empty */
	char word[MAX_FUNCTION_WORD + 3];
	unsigned index;     /* into masks */
} word_slot;

static word_slot table[TABLE_SLOTS];
static unsigned masks[MAX_WORDS];  /* the languages that list a word: a bit each */
static size_t nwords;
static size_t longest;  /* bytes of the longest function word */
static pthread_once_t function_words_once = PTHREAD_ONCE_INIT;

static const word_slot *find_word(const char *word, size_t len)
{
	uint64_t hash = XXH3_64bits(word, len);
	for (size_t i = hash & (TABLE_SLOTS - 1);; i = (i + 1) & (TABLE_SLOTS - 1)) {
		if (!table[i].len || (table[i].len == len && !memcmp(table[i].word, word, len)))
			return &table[i];
	}
}

static void add_function_word(const char *word, size_t len, size_t lang)
{
	word_slot *slot = (word_slot *)find_word(word, len);
	if (!slot->len) {
		slot->len = (unsigned char)len;
		memcpy(slot->word, word, len);
		slot->index = (unsigned)nwords++;
	}
	masks[slot->index] |= 1u << lang;
	longest = len > longest ? len : longest;
}

static void build_function_words(void)
{
	for (size_t lang = 0; lang < NLANGS; lang++) {
		for (const char *p = lists[lang].words; *p;) {
			size_t len = strcspn(p, " ");
			if (len && len <= MAX_FUNCTION_WORD && nwords < MAX_WORDS)
				add_function_word(p, len, lang);
			p += len + (p[len] == ' ');
		}
	}
}

/* The list for a BCP 47 tag's primary subtag: "en-GB" and "EN" find "en". */
static long lang_index(const char *tag)
{
	size_t len = tag ? strcspn(tag, "-_") : 0;
	for (size_t i = 0; len && i < NLANGS; i++)
		if (strlen(lists[i].lang) == len && !strncasecmp(lists[i].lang, tag, len))
			return (long)i;
	return -1;
}

bool cl_langid_knows(const char *tag)
{
	return lang_index(tag) >= 0;
}

const char *cl_langid_name(const char *tag)
{
	long i = lang_index(tag);
	return i < 0 ? NULL : lists[i].name;
}

static bool is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cl_is_latin_letter(cp))
		return true;
	return u_isalpha((UChar32)cp) || u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

/* A function word of k languages scores SCORE_UNIT / k for each: shared
 * words ("a", "je", "de") still count, for less. */
#define SCORE_UNIT 60

/* Scores one word: lower-cased into a small buffer and looked up. */
static void count_word(const char *s, size_t len, size_t *scores, size_t *listed, size_t *distinct,
		       unsigned char *seen)
{
	char lower[MAX_FUNCTION_WORD + 4];
	size_t n = 0, chars = 0;
	if (len > longest)  /* longer than any function word (lower case seldom changes a length) */
		return;
	for (size_t i = 0; i < len;) {
		uint32_t cp = (unsigned char)s[i];
		bool valid = true;
		if (cp < 0x80)
			i++;
		else
			i += cl_utf8_decode(s + i, len - i, &cp, &valid);
		cp = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : (uint32_t)u_tolower((UChar32)cp);
		if (n + 4 > MAX_FUNCTION_WORD)
			return;
		n += cl_utf8_encode(cp, lower + n);
		chars++;
	}
	const word_slot *slot = find_word(lower, n);
	if (!slot->len)
		return;
	size_t at = slot->index;
	bool again = seen[at / 8] & (1u << (at % 8));
	seen[at / 8] |= (unsigned char)(1u << (at % 8));
	size_t share = SCORE_UNIT / (size_t)__builtin_popcount(masks[at]);
	for (size_t lang = 0; lang < NLANGS; lang++) {
		if ((masks[at] >> lang) & 1) {
			scores[lang] += share;
			listed[lang]++;
			distinct[lang] += !again && chars > 1;  /* "z+w", "s.start" and "в" are no sign */
		}
	}
}

/* Words of the block's prose and the function words of each language. A
 * run of letters and digits outside the non-prose spans is a token; only
 * tokens without digits are words ("mp3" and "H2O" are not). */
static size_t count_words(const cl_block *block, size_t *scores, size_t *listed, size_t *distinct)
{
	unsigned char seen[MAX_WORDS / 8] = { 0 };
	const char *text = block->text;
	size_t words = 0, span = 0, token_start = 0;
	bool in_token = false, has_digit = false;
	for (size_t i = 0; i <= block->len;) {
		uint32_t cp = 0;
		bool valid = true;
		size_t step = 1;
		if (i < block->len && (cp = (unsigned char)text[i]) >= 0x80)
			step = cl_utf8_decode(text + i, block->len - i, &cp, &valid);
		while (span < block->nspans && block->spans[span].end <= i)
			span++;
		bool inside = span < block->nspans && block->spans[span].start <= i;
		bool digit = cp >= '0' && cp <= '9';
		bool part = i < block->len && !inside && valid && (digit || is_word_char(cp));
		if (part && !in_token) {
			token_start = i;
			has_digit = false;
		} else if (!part && in_token && !has_digit) {
			words++;
			count_word(text + token_start, i - token_start, scores, listed, distinct, seen);
		}
		in_token = part;
		has_digit |= part && digit;
		i += step;
	}
	return words;
}

bool cl_langid_foreign(const cl_block *block, const char *tag, cl_langid_guess *guess)
{
	size_t scores[NLANGS] = { 0 }, listed[NLANGS] = { 0 }, distinct[NLANGS] = { 0 };
	long own = lang_index(tag);
	if (own < 0 || block->len < CL_LANGID_MIN_WORDS * 2)
		return false;
	pthread_once(&function_words_once, build_function_words);
	size_t words = count_words(block, scores, listed, distinct);
	size_t best = 0, runner_up = 0;  /* the best language, and the next one's score */
	for (size_t lang = 1; lang < NLANGS; lang++) {
		if (scores[lang] > scores[best]) {
			runner_up = scores[best];
			best = lang;
		} else if (scores[lang] > runner_up) {
			runner_up = scores[lang];
		}
	}
	/* Three different function words of two letters or more ("s.start,
	 * s.stop" is not Czech), a fifth of the words or more, and at least twice the score
	 * of any other language, the document's too. */
	bool foreign = (long)best != own && words >= CL_LANGID_MIN_WORDS && distinct[best] >= 3 &&
		       scores[best] * 5 >= words * SCORE_UNIT &&
		       scores[best] >= 2 * runner_up;
	if (foreign && guess)
		*guess = (cl_langid_guess){ lists[best].lang, lists[best].name, words, listed[best] };
	return foreign;
}

void cl_langid_mark(cl_document *doc, const char *tag)
{
	if (!cl_langid_knows(tag))
		return;
	for (size_t i = 0; i < doc->nblocks; i++)
		doc->blocks[i].foreign = cl_langid_foreign(&doc->blocks[i], tag, NULL);
}
