/* src/text: UTF-8, the line index, normalisation keys, segmentation. */
#include <criterion/criterion.h>
#include <string.h>

#include "text/lineindex.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/utf8.h"

Test(utf8, counts_ill_formed_sequences_and_finds_the_first)
{
	const char text[] = "ok \xC3\xA9 \xFF bad \xE2\x82 cut \xED\xA0\x80 surrogate";
	size_t first;
	/* 0xFF; E2 82 (truncated) is one; ED A0 80: ED then two stray bytes */
	cr_assert_eq(cl_utf8_validate(text, strlen(text), &first), 5);
	cr_assert_eq(first, 6);
}

Test(utf8, accepts_valid_text_of_every_length)
{
	const char text[] = "a\xC3\xBC\xE6\x97\xA5\xF0\x9F\x98\x80";  /* a ü 日 😀 */
	size_t first;
	cr_assert_eq(cl_utf8_validate(text, strlen(text), &first), 0);
	cr_assert_eq(first, strlen(text));
	cr_assert_eq(cl_utf8_count(text, strlen(text)), 4);
}

Test(utf8, rejects_overlong_encodings)
{
	size_t first;
	cr_assert_eq(cl_utf8_validate("\xC0\xAF", 2, &first), 2);
	cr_assert_eq(cl_utf8_validate("\xE0\x80\xAF", 3, &first), 3);
	cr_assert_eq(cl_utf8_validate("\xF4\x90\x80\x80", 4, &first), 4);
}

Test(utf8, sanitize_replaces_bad_bytes_and_nul)
{
	char *safe = cl_utf8_sanitize("a\xFF" "b\0c", 5);
	cr_assert_str_eq(safe, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
	free(safe);
}

Test(lineindex, lf_crlf_and_lone_cr_each_end_a_line)
{
	const char text[] = "one\r\ntwo\rthree\nfour";
	cl_lineindex idx;
	size_t line, col, u16, byte;
	cl_lineindex_build(&idx, text, strlen(text));
	cr_assert_eq(idx.count, 4);
	cl_lineindex_columns(&idx, strlen("one\r\ntwo\rth"), &line, &col, &u16, &byte);
	cr_assert_eq(line, 3);
	cr_assert_eq(col, 3);
	cr_assert_eq(cl_lineindex_line_end(&idx, 1), 3);
	cr_assert_eq(cl_lineindex_line_start(&idx, 4), strlen("one\r\ntwo\rthree\n"));
	cl_lineindex_dispose(&idx);
}

Test(lineindex, columns_in_code_points_utf16_units_and_bytes)
{
	/* ü (2 bytes, 1 unit), 日本 (3 bytes each), 😀 (4 bytes, 2 units), tab */
	const char text[] = "x\n\xC3\xBC\xE6\x97\xA5\xE6\x9C\xAC\xF0\x9F\x98\x80\tZ";
	cl_lineindex idx;
	size_t line, col, u16, byte;
	cl_lineindex_build(&idx, text, strlen(text));
	cl_lineindex_columns(&idx, strlen(text) - 1, &line, &col, &u16, &byte);
	cr_assert_eq(line, 2);
	cr_assert_eq(col, 6);    /* ü 日 本 😀 tab, then Z */
	cr_assert_eq(u16, 7);    /* the emoji is two units */
	cr_assert_eq(byte, 14);   /* 2 + 3 + 3 + 4 + 1 bytes before Z */
	cl_lineindex_dispose(&idx);
}

Test(lineindex, counting_resumes_on_a_long_line)
{
	size_t len = 1000000;
	char *text = malloc(len + 1);
	memset(text, 'a', len);
	text[len] = '\0';
	cl_lineindex idx;
	size_t line, col;
	cl_lineindex_build(&idx, text, len);
	for (size_t at = 0; at < len; at += 1000) {
		cl_lineindex_columns(&idx, at, &line, &col, NULL, NULL);
		cr_assert_eq(col, at + 1);
	}
	cl_lineindex_columns(&idx, 10, &line, &col, NULL, NULL);  /* going back works too */
	cr_assert_eq(col, 11);
	cl_lineindex_dispose(&idx);
	/* two-byte characters, counted back from the memo */
	for (size_t i = 0; i + 1 < len; i += 2)
		memcpy(text + i, "\xC3\xA9", 2);
	cl_lineindex_build(&idx, text, len);
	size_t u16;
	cl_lineindex_columns(&idx, 900000, &line, &col, &u16, NULL);
	cr_assert_eq(col, 450001);
	cl_lineindex_columns(&idx, 899990, &line, &col, &u16, NULL);
	cr_assert_eq(col, 449996);
	cr_assert_eq(u16, 449996);
	cl_lineindex_dispose(&idx);
	free(text);
}

Test(normalize, keys_fold_case_width_space_and_quotes)
{
	cl_buf a = CL_BUF_INIT, b = CL_BUF_INIT;
	const char *fancy = "  \xE2\x80\x9CStra\xC3\x9F" "e\xE2\x80\x9D  ist\xC2\xA0LANG. ";
	cl_text_key(&a, fancy, strlen(fancy));
	cl_text_key(&b, "\"strasse\" ist lang.", 19);
	cr_assert_str_eq(a.ptr, b.ptr);
	cl_text_key(&a, "Cafe\xCC\x81", 6);  /* e + combining acute */
	cl_text_key(&b, "caf\xC3\xA9", 5);   /* precomposed é */
	cr_assert_str_eq(a.ptr, b.ptr);
	cl_buf_dispose(&a);
	cl_buf_dispose(&b);
}

Test(normalize, different_text_keeps_different_keys)
{
	cl_buf a = CL_BUF_INIT, b = CL_BUF_INIT;
	cl_text_key(&a, "byt", 3);
	cl_text_key(&b, "b\xC3\xBDt", 4);  /* být: accents are not folded */
	cr_assert_str_neq(a.ptr, b.ptr);
	cl_buf_dispose(&a);
	cl_buf_dispose(&b);
}

static size_t collect(cl_segmenter *seg, cl_break_kind kind, const char *locale, const char *text,
		      size_t *starts, cl_word_kind *kinds, size_t max)
{
	cl_breaks it;
	size_t start, end, n = 0;
	cl_word_kind kind_of;
	cr_assert_eq(cl_breaks_open(&it, seg, kind, locale, text, strlen(text)), 0);
	while (cl_breaks_next(&it, &start, &end, &kind_of) && n < max) {
		if (kind == CL_BREAK_WORD && kind_of == CL_WORD_NONE)
			continue;
		starts[n] = start;
		kinds[n++] = kind_of;
	}
	cl_breaks_close(&it);
	return n;
}

Test(segment, words_are_byte_offsets_and_keep_combining_marks)
{
	cl_segmenter *seg = cl_segmenter_new();
	size_t starts[16];
	cl_word_kind kinds[16];
	/* Hindi: the vowel signs are combining marks inside the words */
	const char *hindi = "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xBE\xE0\xA4\xAC";
	size_t n = collect(seg, CL_BREAK_WORD, "hi", hindi, starts, kinds, 16);
	cr_assert_eq(n, 2);
	cr_assert_eq(starts[1], 7);
	cr_assert_eq(kinds[1], CL_WORD_LETTER);
	n = collect(seg, CL_BREAK_WORD, "en", "It costs 42 dollars", starts, kinds, 16);
	cr_assert_eq(n, 4);
	cr_assert_eq(kinds[2], CL_WORD_NUMBER);
	cl_segmenter_free(seg);
}

Test(segment, sentences_follow_the_locale)
{
	cl_segmenter *seg = cl_segmenter_new();
	size_t starts[8];
	cl_word_kind kinds[8];
	size_t n = collect(seg, CL_BREAK_SENTENCE, "en", "First one. Second one! Third?", starts, kinds, 8);
	cr_assert_eq(n, 3);
	cr_assert_eq(starts[1], 11);
	cr_assert_eq(starts[2], 23);
	cl_segmenter_free(seg);
}
