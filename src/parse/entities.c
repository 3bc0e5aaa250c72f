/* HTML entities in Markdown text. md4c passes them through undecoded; the
 * numeric ones and the named ones that occur in real copy are decoded so
 * rules see the character. An unknown name stays as written. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "parse.h"

typedef struct {
	const char *name;
	uint32_t cp;
} named_entity;

static const named_entity named[] = {
	{ "AElig", 0xC6 }, { "Aacute", 0xC1 }, { "Auml", 0xC4 }, { "Eacute", 0xC9 },
	{ "Ouml", 0xD6 }, { "Uuml", 0xDC }, { "aacute", 0xE1 }, { "acirc", 0xE2 },
	{ "agrave", 0xE0 }, { "amp", '&' }, { "apos", '\'' }, { "auml", 0xE4 },
	{ "bdquo", 0x201E }, { "bull", 0x2022 }, { "ccedil", 0xE7 }, { "copy", 0xA9 },
	{ "deg", 0xB0 }, { "eacute", 0xE9 }, { "ecirc", 0xEA }, { "egrave", 0xE8 },
	{ "euro", 0x20AC }, { "gt", '>' }, { "hellip", 0x2026 }, { "iacute", 0xED },
	{ "laquo", 0xAB }, { "ldquo", 0x201C }, { "lsaquo", 0x2039 }, { "lsquo", 0x2018 },
	{ "lt", '<' }, { "mdash", 0x2014 }, { "middot", 0xB7 }, { "nbsp", 0xA0 },
	{ "ndash", 0x2013 }, { "oacute", 0xF3 }, { "ouml", 0xF6 }, { "quot", '"' },
	{ "raquo", 0xBB }, { "rdquo", 0x201D }, { "reg", 0xAE }, { "rsaquo", 0x203A },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "shy", 0xAD }, { "szlig", 0xDF },
	{ "thinsp", 0x2009 }, { "trade", 0x2122 }, { "uacute", 0xFA }, { "uuml", 0xFC },
	{ "yacute", 0xFD }, { "zwj", 0x200D }, { "zwnj", 0x200C },
};

static int compare_name(const void *key, const void *element)
{
	return strcmp(key, ((const named_entity *)element)->name);
}

static uint32_t numeric_value(const char *digits, size_t len, int base)
{
	uint32_t value = 0;
	for (size_t i = 0; i < len; i++) {
		char c = digits[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
			base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0 || value > 0x10FFFF)
			return 0xFFFD;
		value = value * (uint32_t)base + (uint32_t)d;
	}
	if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
		return 0xFFFD;
	return value;
}

size_t cl_entity_decode(const char *entity, size_t len, char *out)
{
	if (len < 3 || entity[0] != '&' || entity[len - 1] != ';')
		return 0;
	const char *body = entity + 1;
	size_t body_len = len - 2;
	uint32_t cp;
	if (body[0] == '#') {
		bool hex = body_len > 1 && (body[1] == 'x' || body[1] == 'X');
		size_t skip = hex ? 2 : 1;
		if (body_len <= skip)
			return 0;
		cp = numeric_value(body + skip, body_len - skip, hex ? 16 : 10);
	} else {
		char name[16];
		if (body_len >= sizeof(name))
			return 0;
		memcpy(name, body, body_len);
		name[body_len] = '\0';
		const named_entity *e = bsearch(name, named, sizeof(named) / sizeof(named[0]),
						sizeof(named[0]), compare_name);
		if (!e)
			return 0;
		cp = e->cp;
	}
	return cl_utf8_encode(cp, out);
}
