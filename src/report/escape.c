#include <stdio.h>
#include <string.h>
#include <xxhash.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "escape.h"

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F;
}

static void put_control_symbol(cl_buf *out, uint32_t cp)
{
	char enc[4];
	uint32_t symbol = cp == 0x7F ? 0x2421 : 0x2400 + cp;  /* ␡, ␀..␟ */
	cl_buf_put(out, enc, cl_utf8_encode(symbol, enc));
}

void cl_escape_workflow(cl_buf *out, const char *s, bool property)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '%')
			cl_buf_puts(out, "%25");
		else if (*p == '\r')
			cl_buf_puts(out, "%0D");
		else if (*p == '\n')
			cl_buf_puts(out, "%0A");
		else if (property && *p == ':')
			cl_buf_puts(out, "%3A");
		else if (property && *p == ',')
			cl_buf_puts(out, "%2C");
		else if (is_control(*p) && *p != '\t')
			put_control_symbol(out, *p);
		else
			cl_buf_putc(out, (char)*p);
	}
}

void cl_escape_markdown(cl_buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (is_control(*p))
			put_control_symbol(out, *p);
		else if (*p < 0x80 && strchr("\\`*_[]<>|~&!#$", *p))
			cl_buf_printf(out, "\\%c", *p);
		else
			cl_buf_putc(out, (char)*p);
	}
}

void cl_escape_uri_path(cl_buf *out, const char *path)
{
	static const char unreserved[] = "-._~/";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(unreserved, *p))
			cl_buf_putc(out, (char)*p);
		else
			cl_buf_printf(out, "%%%02X", *p);
	}
}

static bool xml_allowed(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

static void keep_xml_allowed(cl_buf *out, uint32_t cp, bool valid, const char *raw, size_t n)
{
	if (valid && xml_allowed(cp))
		cl_buf_put(out, raw, n);
	else
		cl_buf_puts(out, "\xEF\xBF\xBD");
}

/* Text XML takes as it is, the common case: valid UTF-8 without control
 * characters other than tab and line ends, without U+FFFE and U+FFFF. */
static bool xml_clean_already(const char *s, size_t len)
{
	size_t first_bad;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return false;
		if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF && ((unsigned char)s[i + 2] & 0xFE) == 0xBE)
			return false;
	}
	return cl_utf8_validate(s, len, &first_bad) == 0;
}

char *cl_xml_clean(const char *s)
{
	size_t len = strlen(s);
	if (xml_clean_already(s, len))
		return cl_strndup(s, len);
	cl_buf out = CL_BUF_INIT;
	cl_buf_put(&out, "", 0);
	cl_utf8_map(&out, s, len, keep_xml_allowed);
	return cl_buf_detach(&out);
}

const char *cl_report_path(const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	return path;
}

void cl_finding_fingerprint(const copylint_finding *f, char out[CL_FINGERPRINT_SIZE])
{
	XXH3_state_t *state = XXH3_createState();
	char occurrence[32];
	int n = snprintf(occurrence, sizeof(occurrence), "%zu", f->occurrence);
	XXH3_128bits_reset(state);
	/* NUL separators: no field can run into the next. */
	XXH3_128bits_update(state, f->path, strlen(f->path) + 1);
	XXH3_128bits_update(state, f->rule, strlen(f->rule) + 1);
	XXH3_128bits_update(state, f->text, strlen(f->text) + 1);
	XXH3_128bits_update(state, occurrence, (size_t)n);
	XXH128_hash_t hash = XXH3_128bits_digest(state);
	XXH3_freeState(state);
	snprintf(out, CL_FINGERPRINT_SIZE, "%016llx%016llx", (unsigned long long)hash.high64,
		 (unsigned long long)hash.low64);
}
