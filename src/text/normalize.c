#include "normalize.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "utf8.h"

/* UTF-16 scratch space grows as needed; callers are per thread. */
typedef struct {
	UChar *src, *dst;
	int32_t src_cap, dst_cap;
} scratch;

static _Thread_local scratch tls;

static int to_utf16(const char *s, size_t len, int32_t *out_len)
{
	UErrorCode status = U_ZERO_ERROR;
	if (len > INT32_MAX / 2)
		return cl_error_set(-1, "text too long to normalise");
	int32_t need = (int32_t)len + 1;
	if (tls.src_cap < need) {
		tls.src = cl_realloc(tls.src, (size_t)need * sizeof(UChar));
		tls.src_cap = need;
	}
	u_strFromUTF8WithSub(tls.src, tls.src_cap, out_len, s, (int32_t)len, 0xFFFD, NULL, &status);
	if (U_FAILURE(status))
		return cl_error_set(-1, "UTF-8 to UTF-16: %s", u_errorName(status));
	return 0;
}

static int normalize(const UNormalizer2 *norm, int32_t src_len, int32_t *dst_len)
{
	for (;;) {
		UErrorCode status = U_ZERO_ERROR;
		*dst_len = unorm2_normalize(norm, tls.src, src_len, tls.dst, tls.dst_cap, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR) {
			tls.dst_cap = *dst_len + 16;
			tls.dst = cl_realloc(tls.dst, (size_t)tls.dst_cap * sizeof(UChar));
			continue;
		}
		if (U_FAILURE(status))
			return cl_error_set(-1, "normalisation: %s", u_errorName(status));
		return 0;
	}
}

static UChar32 fold_quote(UChar32 c)
{
	switch (c) {
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
	case 0x00AB: case 0x00BB: case 0x2033: case 0x301D: case 0x301E:
		return '"';
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
	case 0x2039: case 0x203A: case 0x2032:
		return '\'';
	default:
		return c;
	}
}

/* Appends c to the key in out: a run of white space becomes one space
 * (none at the start), quotes become ASCII ones. out has room for 4 more
 * bytes and the NUL. */
static void fold_one(cl_buf *out, UChar32 c, bool *pending_space)
{
	if (c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : (u_isUWhiteSpace(c) || c == 0x200B)) {
		*pending_space = out->size > 0;
		return;
	}
	if (*pending_space)
		out->ptr[out->size++] = ' ';
	*pending_space = false;
	c = fold_quote(c);
	int32_t at = (int32_t)out->size;
	U8_APPEND_UNSAFE(out->ptr, at, c);
	out->size = (size_t)at;
	out->ptr[out->size] = '\0';
}

/* Folds white space and quotes of tls.dst[0..n) into UTF-8 in out. */
static void fold_into(cl_buf *out, int32_t n)
{
	bool pending_space = false;
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(tls.dst, i, n, c);
		cl_buf_reserve(out, 5);
		fold_one(out, c, &pending_space);
	}
}

/* ---- the fast path: Latin text and common punctuation ----------------- */

/* NFKC_Casefold of one character, as ICU gives it, for U+0000-U+024F and
 * General Punctuation. There no character's form starts with a combining
 * mark, so a text made only of them folds character by character; any
 * other character (a combining mark first of all) takes the ICU path. */
#define FORM_MAX 15

typedef struct {
	unsigned char len;  /* FORM_MAX + 1: too long, ICU decides */
	char bytes[FORM_MAX];
} folded_form;

static folded_form forms[CL_LATIN_TABLE_SIZE];  /* see cl_latin_table_index */
static pthread_once_t forms_once = PTHREAD_ONCE_INIT;

static void fold_with_icu(folded_form *form, UChar32 cp)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&status);
	UChar src[2], dst[16];
	int32_t src_len = 0, len = 0;
	U16_APPEND_UNSAFE(src, src_len, cp);
	int32_t dst_len = U_SUCCESS(status) ? unorm2_normalize(norm, src, src_len, dst, 16, &status) : 0;
	if (U_SUCCESS(status))
		u_strToUTF8(form->bytes, FORM_MAX, &len, dst, dst_len, &status);
	form->len = U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING ? (unsigned char)len : FORM_MAX + 1;
}

static void build_forms(void)
{
	for (size_t i = 0; i < CL_LATIN_TABLE_SIZE; i++)
		fold_with_icu(&forms[i], (UChar32)cl_latin_table_char(i));
}

static const folded_form *form_of(uint32_t cp)
{
	long index = cl_latin_table_index(cp);
	const folded_form *form = index < 0 ? NULL : &forms[index];
	return form && form->len <= FORM_MAX ? form : NULL;
}

/* The key of s when every character of it has a form above; false, with
 * out left for the ICU path, otherwise. */
static bool fast_key(cl_buf *out, const char *s, size_t len)
{
	bool pending_space = false;
	pthread_once(&forms_once, build_forms);
	for (int32_t i = 0, n = (int32_t)len; i < n;) {  /* cl_text_key keeps len below INT32_MAX */
		UChar32 cp;
		U8_NEXT(s, i, n, cp);
		const folded_form *form = cp >= 0 ? form_of((uint32_t)cp) : NULL;
		if (!form)
			return false;
		for (int32_t j = 0; j < form->len;) {
			UChar32 c;
			U8_NEXT_UNSAFE(form->bytes, j, c);
			cl_buf_reserve(out, 5);
			fold_one(out, c, &pending_space);
		}
	}
	return true;
}

/* For ASCII, NFKC case folding is lower-casing: no ICU round trip. */
static void ascii_key(cl_buf *out, const char *s, size_t len)
{
	bool pending_space = false;
	cl_buf_reserve(out, len);  /* the key is never longer than s */
	char *key = out->ptr;
	size_t n = out->size;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			pending_space = n > 0;
			continue;
		}
		if (pending_space)
			key[n++] = ' ';
		pending_space = false;
		key[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	key[n] = '\0';
	out->size = n;
}

int cl_text_key(cl_buf *out, const char *s, size_t len)
{
	cl_buf_clear(out);
	cl_buf_put(out, "", 0);
	if (cl_utf8_is_ascii(s, len)) {
		ascii_key(out, s, len);
		return 0;
	}
	if (len < INT32_MAX && fast_key(out, s, len))
		return 0;
	return cl_text_key_icu(out, s, len);
}

/* s[0..len) through ICU's normaliser (NFKC_Casefold when fold, else NFC)
 * into tls.dst[0..*dst_len); out is cleared. */
static int normalize_utf8(cl_buf *out, bool fold, const char *s, size_t len, int32_t *dst_len)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *norm = fold ? unorm2_getNFKCCasefoldInstance(&status) : unorm2_getNFCInstance(&status);
	int32_t src_len;
	cl_buf_clear(out);
	cl_buf_put(out, "", 0);
	if (U_FAILURE(status))
		return cl_error_set(-1, "ICU %s: %s", fold ? "NFKC_Casefold" : "NFC", u_errorName(status));
	if (to_utf16(s, len, &src_len) < 0 || normalize(norm, src_len, dst_len) < 0)
		return -1;
	return 0;
}

int cl_text_key_icu(cl_buf *out, const char *s, size_t len)
{
	int32_t dst_len;
	if (normalize_utf8(out, true, s, len, &dst_len) < 0)
		return -1;
	fold_into(out, dst_len);
	return 0;
}

int cl_text_nfc(cl_buf *out, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t dst_len, need = 0;
	if (normalize_utf8(out, false, s, len, &dst_len) < 0)
		return -1;
	u_strToUTF8WithSub(NULL, 0, &need, tls.dst, dst_len, 0xFFFD, NULL, &status);  /* the length */
	status = U_ZERO_ERROR;
	cl_buf_reserve(out, (size_t)need);
	u_strToUTF8WithSub(out->ptr, need + 1, NULL, tls.dst, dst_len, 0xFFFD, NULL, &status);
	if (U_FAILURE(status)) {
		out->ptr[0] = '\0';
		return cl_error_set(-1, "UTF-16 to UTF-8: %s", u_errorName(status));
	}
	out->size = (size_t)need;
	out->ptr[out->size] = '\0';
	return 0;
}

void cl_text_release_scratch(void)
{
	free(tls.src);
	free(tls.dst);
	tls.src = tls.dst = NULL;
	tls.src_cap = tls.dst_cap = 0;
}
