#include "utf8.h"

#include "../util/alloc.h"
#include "../util/buf.h"

/* Table 3-7 of the Unicode standard: the valid second-byte ranges. */
static bool second_byte_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0: return b >= 0xA0 && b <= 0xBF;
	case 0xED: return b >= 0x80 && b <= 0x9F;
	case 0xF0: return b >= 0x90 && b <= 0xBF;
	case 0xF4: return b >= 0x80 && b <= 0x8F;
	default:   return b >= 0x80 && b <= 0xBF;
	}
}

size_t cl_utf8_decode(const char *s, size_t len, uint32_t *cp, bool *valid)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lead = p[0];
	size_t need;
	uint32_t value;

	*valid = true;
	if (lead < 0x80) {
		*cp = lead;
		return 1;
	}
	if (lead >= 0xC2 && lead <= 0xDF) {
		need = 2;
		value = lead & 0x1F;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		need = 3;
		value = lead & 0x0F;
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		need = 4;
		value = lead & 0x07;
	} else {
		goto invalid;
	}
	for (size_t i = 1; i < need; i++) {
		if (i >= len)
			goto invalid_after;
		unsigned char b = p[i];
		if (i == 1 ? !second_byte_ok(lead, b) : (b < 0x80 || b > 0xBF))
			goto invalid_after;
		value = (value << 6) | (b & 0x3F);
		continue;
invalid_after:
		*valid = false;
		*cp = CL_REPLACEMENT_CHAR;
		return i;
	}
	*cp = value;
	return need;
invalid:
	*valid = false;
	*cp = CL_REPLACEMENT_CHAR;
	return 1;
}

size_t cl_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t cl_utf8_validate(const char *s, size_t len, size_t *first_bad)
{
	size_t bad = 0, i = 0;
	*first_bad = len;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(s + i, len - i, &cp, &valid);
		if (!valid) {
			if (!bad)
				*first_bad = i;
			bad++;
		}
		i += n;
	}
	return bad;
}

bool cl_utf8_is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

size_t cl_utf8_count(const char *s, size_t len)
{
	size_t count = 0, i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
		} else {
			uint32_t cp;
			bool valid;
			i += cl_utf8_decode(s + i, len - i, &cp, &valid);
		}
		count++;
	}
	return count;
}

void cl_utf8_map(cl_buf *out, const char *s, size_t len, cl_utf8_emit emit)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(s + i, len - i, &cp, &valid);
		emit(out, cp, valid, s + i, n);
		i += n;
	}
}

/* How many bytes from s need no change: ASCII other than NUL, and
 * well-formed sequences. Most text is all of it, copied in one piece. */
static size_t clean_prefix(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(s + i, len - i, &cp, &valid);
		if (!valid)
			return i;
		i += n;
	}
	return i;
}

char *cl_utf8_sanitize(const char *s, size_t len)
{
	cl_buf out = CL_BUF_INIT;
	cl_buf_put(&out, "", 0);
	for (size_t i = 0; i < len;) {
		size_t clean = clean_prefix(s + i, len - i);
		cl_buf_put(&out, s + i, clean);
		i += clean;
		if (i < len) {  /* a NUL or an ill-formed sequence: one U+FFFD */
			uint32_t cp;
			bool valid;
			i += cl_utf8_decode(s + i, len - i, &cp, &valid);
			cl_buf_put(&out, "\xEF\xBF\xBD", 3);
		}
	}
	return cl_buf_detach(&out);
}
