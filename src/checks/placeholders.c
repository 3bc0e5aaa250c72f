/* Finding placeholders and writing each as its comparison key.
 *
 * What a translator may translate is left out of the key, its presence
 * kept: the values of prose attributes (title, alt, aria-label, label,
 * placeholder, caption, description, summary, text) of HTML tags,
 * components and shortcodes become `title="…"`, and so does a quoted
 * positional shortcode argument holding a blank ("a sentence"). Every
 * other value is compared as written, except that href and src are
 * compared as link-mismatch compares targets (a language segment and the
 * #anchor left out). Attributes are sorted by name, so that reordering
 * them is no change; `<br/>` and `<br>` are one key. */
#include "placeholders.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "pair_common.h"

typedef struct {
	const char *s;
	size_t len;
	unsigned flags;
	const char *const *langs;
} scan;

static bool is_alnum(char c)
{
	return isalnum((unsigned char)c) != 0;
}

/* A byte of a variable's name: ASCII word characters and any non-ASCII
 * byte ({paramètre}). */
static bool is_ident(char c)
{
	return is_alnum(c) || c == '_' || (unsigned char)c >= 0x80;
}

static bool is_name(char c)
{
	return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

static bool is_prose_attribute(const char *name, size_t len)
{
	static const char *const prose[] = { "title", "alt", "aria-label", "aria-description", "label",
					     "placeholder", "caption", "description", "summary", "text", NULL };
	for (size_t i = 0; prose[i]; i++)
		if (strlen(prose[i]) == len && !strncasecmp(prose[i], name, len))
			return true;
	return false;
}

/* HTML elements that Markdown pages hold (lower case: an all-capitals
 * <TITLE> or <OPTION> in prose is an example quoted as text far more
 * often than markup). */
static bool is_html_element(const char *name, size_t len)
{
	static const char *const known[] = {
		"a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br",
		"button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
		"dialog", "div", "dl", "dt", "em", "embed", "figcaption", "figure", "font", "footer", "form",
		"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "input", "ins", "kbd",
		"label", "li", "main", "mark", "nav", "object", "ol", "option", "p", "picture", "pre", "q", "s",
		"samp", "script", "section", "select", "small", "source", "span", "strong", "style", "sub",
		"summary", "sup", "svg", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
		"tr", "track", "u", "ul", "var", "video", "wbr", NULL
	};
	for (size_t i = 0; known[i]; i++)
		if (strlen(known[i]) == len && !memcmp(known[i], name, len))
			return true;
	return false;
}

/* A component's name is PascalCase (<ReadMore>, <Tabs>); outside MDX
 * only with an attribute or self-closing, since a Markdown page's
 * <Servername> is a value to fill in, written as text. */
static bool is_component(const scan *sc, size_t name, size_t name_end, size_t stop)
{
	bool lower = false;
	for (size_t i = name; i < name_end; i++)
		lower |= islower((unsigned char)sc->s[i]) != 0;
	if (!isupper((unsigned char)sc->s[name]) || !lower)
		return false;
	return (sc->flags & CL_PH_MDX) || memchr(sc->s + name_end, '=', stop - name_end) ||
	       sc->s[stop - 1] == '/';
}

static size_t skip_blanks(const scan *sc, size_t i, size_t end)
{
	while (i < end && strchr(" \t\r\n", sc->s[i]))
		i++;
	return i;
}

/* The end of a value starting at i: quoted, {braced} or bare. */
static size_t value_end(const scan *sc, size_t i, size_t end, const char *stops)
{
	char q = sc->s[i];
	if (q == '"' || q == '\'') {
		const char *close = memchr(sc->s + i + 1, q, end - i - 1);
		return close ? (size_t)(close - sc->s) + 1 : end;
	}
	if (q == '{') {
		int depth = 0;
		for (size_t k = i; k < end; k++)
			if ((depth += (sc->s[k] == '{') - (sc->s[k] == '}')) == 0)
				return k + 1;
		return end;
	}
	while (i < end && !strchr(stops, sc->s[i]))
		i++;
	return i;
}

/* One attribute or argument as its key: name="value", with prose values
 * as … and link targets localised. */
static char *attribute_key(const scan *sc, size_t name, size_t name_end, size_t value, size_t vend)
{
	size_t nlen = name_end - name;
	if (value == vend)
		return cl_strndup(sc->s + name, nlen);
	const char *v = sc->s + value;
	size_t vlen = vend - value;
	bool quoted = *v == '"' || *v == '\'';
	if (quoted && vlen >= 2)
		v++, vlen -= 2;
	if (nlen && is_prose_attribute(sc->s + name, nlen))
		return cl_sprintf("%.*s=\"…\"", (int)nlen, sc->s + name);
	if (!nlen && quoted && memchr(v, ' ', vlen))
		return cl_strdup("\"…\"");
	char *raw = cl_strndup(v, vlen);
	bool link = (nlen == 4 && !strncasecmp(sc->s + name, "href", 4)) ||
		    (nlen == 3 && !strncasecmp(sc->s + name, "src", 3));
	if (link) {
		char *local = cl_pair_localised_target(raw, sc->langs);
		free(raw);
		raw = local;
	}
	char *key = nlen ? cl_sprintf("%.*s=\"%s\"", (int)nlen, sc->s + name, raw) : cl_sprintf("\"%s\"", raw);
	free(raw);
	return key;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Attributes or arguments in [i, end) as keys; named ones sorted when
 * sort (HTML), positional ones kept in order (shortcodes). */
static void put_arguments(const scan *sc, size_t i, size_t end, bool sort, cl_buf *out)
{
	char **args = NULL;
	size_t n = 0, cap = 0;
	while ((i = skip_blanks(sc, i, end)) < end) {
		size_t name = i;
		while (i < end && sc->s[i] != '"' && sc->s[i] != '\'' && sc->s[i] != '{' &&
		       !strchr(" \t\r\n=/", sc->s[i]))
			i++;
		size_t name_end = i, value = i, vend = i;
		if (i < end && sc->s[i] == '=' && i + 1 < end) {
			value = i + 1;
			vend = i = value_end(sc, value, end, " \t\r\n");
		} else if (i == name) {
			if (sc->s[i] == '/') {  /* a self-closing slash */
				i++;
				continue;
			}
			vend = i = value_end(sc, value, end, " \t\r\n");
		}
		CL_GROW(args, cap, n + 1);
		args[n++] = attribute_key(sc, name, name_end, value, vend);
	}
	if (sort && n)  /* qsort wants an array even for none */
		qsort(args, n, sizeof(*args), by_text);
	for (size_t k = 0; k < n; k++) {
		cl_buf_putc(out, ' ');
		cl_buf_puts(out, args[k]);
		free(args[k]);
	}
	free(args);
}

/* A shortcode {{< name args >}} or {{% name args %}} at i; 0 when none. */
static size_t shortcode(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	char mark = sc->s[i + 2];
	char close[4] = { mark == '<' ? '>' : '%', '}', '}', 0 };
	const char *end = NULL;
	for (size_t k = i + 3; k + 3 <= sc->len && !end; k++)
		if (!memcmp(sc->s + k, close, 3))
			end = sc->s + k;
	if (!end)
		return 0;
	size_t stop = (size_t)(end - sc->s), name = skip_blanks(sc, i + 3, stop), name_end = name;
	if (name_end < stop && sc->s[name_end] == '/')
		name_end++;
	while (name_end < stop && is_name(sc->s[name_end]))
		name_end++;
	cl_buf key = CL_BUF_INIT;
	cl_buf_puts(&key, mark == '<' ? "{{< " : "{{% ");
	cl_buf_put(&key, sc->s + name, name_end - name);
	put_arguments(sc, name_end, stop, false, &key);
	cl_buf_puts(&key, mark == '<' ? " >}}" : " %}}");
	cl_buf_put(&key, "", 0);
	fn(payload, cl_buf_detach(&key), CL_PH_SHORTCODE, i);
	return stop + 3;
}

/* A {{placeholder}} at i; 0 when none. */
static size_t placeholder(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	size_t k = i + 2;
	while (k + 1 < sc->len && !(sc->s[k] == '}' && sc->s[k + 1] == '}') && sc->s[k] != '\n')
		k++;
	if (k + 1 >= sc->len || sc->s[k] != '}')
		return 0;
	size_t a = skip_blanks(sc, i + 2, k), b = k;
	while (b > a && strchr(" \t", sc->s[b - 1]))
		b--;
	fn(payload, cl_sprintf("{{%.*s}}", (int)(b - a), sc->s + a), CL_PH_PLACEHOLDER, i);
	return k + 2;
}

/* An HTML tag or component at i (after `<`: a letter, or `/` and a
 * letter); an HTML comment is skipped. 0 when none. */
static size_t tag(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	if (i + 4 <= sc->len && !memcmp(sc->s + i, "<!--", 4)) {
		for (size_t k = i + 4; k + 3 <= sc->len; k++)
			if (!memcmp(sc->s + k, "-->", 3))
				return k + 3;
		return sc->len;
	}
	size_t name = i + 1 + (i + 1 < sc->len && sc->s[i + 1] == '/'), name_end = name;
	if (name >= sc->len || !isalpha((unsigned char)sc->s[name]))
		return 0;
	while (name_end < sc->len && is_name(sc->s[name_end]))
		name_end++;
	size_t stop = name_end;
	while (stop < sc->len && sc->s[stop] != '>' && sc->s[stop] != '<')
		stop = sc->s[stop] == '"' || sc->s[stop] == '\'' || sc->s[stop] == '{'
			       ? value_end(sc, stop, sc->len, "") : stop + 1;
	if (stop >= sc->len || sc->s[stop] != '>')
		return 0;
	if (!is_html_element(sc->s + name, name_end - name) && !is_component(sc, name, name_end, stop))
		return stop + 1;
	cl_buf key = CL_BUF_INIT;
	cl_buf_put(&key, sc->s + i, name_end - i);
	put_arguments(sc, name_end, stop, true, &key);
	cl_buf_puts(&key, ">");
	cl_buf_put(&key, "", 0);
	fn(payload, cl_buf_detach(&key), CL_PH_TAG, i);
	return stop + 1;
}

/* A printf conversion at i: %s, %d, %1$s, %-5.2f, %lu; not %% and not
 * after a digit or before a letter (50%off). 0 when none. */
static size_t conversion(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	if (i && is_alnum(sc->s[i - 1]))
		return 0;
	size_t k = i + 1;
	while (k < sc->len && (isdigit((unsigned char)sc->s[k]) || strchr("$-+#.", sc->s[k])))
		k++;
	while (k < sc->len && strchr("hlLzjt", sc->s[k]) && k + 1 < sc->len && isalpha((unsigned char)sc->s[k + 1]))
		k++;
	if (k >= sc->len || !strchr("diouxXeEfFgGcsp@", sc->s[k]) || (k + 1 < sc->len && is_alnum(sc->s[k + 1])))
		return 0;
	fn(payload, cl_strndup(sc->s + i, k + 1 - i), CL_PH_PRINTF, i);
	return k + 1;
}

/* A {name}, {0} or ${name} variable at i (the brace); not LaTeX's \x{a}{b},
 * a regular expression's [0-9]{2} nor a word's {braces}. 0 when none. */
static size_t variable(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	char before = i ? sc->s[i - 1] : ' ';
	if (is_alnum(before) || strchr("}\\{])", before))
		return 0;
	size_t k = i + 1;
	bool digits = k < sc->len && isdigit((unsigned char)sc->s[k]);
	if (k >= sc->len || !(digits || (is_ident(sc->s[k]) && !isdigit((unsigned char)sc->s[k]))))
		return 0;
	while (k < sc->len && (digits ? isdigit((unsigned char)sc->s[k]) : is_ident(sc->s[k]) || sc->s[k] == '.'))
		k++;
	if (k >= sc->len || sc->s[k] != '}' || (k + 1 < sc->len && sc->s[k + 1] == '}'))
		return 0;
	size_t from = before == '$' ? i - 1 : i;
	fn(payload, cl_strndup(sc->s + from, k + 1 - from), digits ? CL_PH_INDEX : CL_PH_VARIABLE, from);
	return k + 1;
}

/* An emoji shortcode :name: at i, between blanks or punctuation, with a
 * letter (not a time, 10:30:45, nor a:b:c or [:digit:]). 0 when none. */
static size_t emoji(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	if (i && !strchr(" \t\n(\"'>", sc->s[i - 1]))
		return 0;
	size_t k = i + 1;
	bool letter = false;
	while (k < sc->len && (islower((unsigned char)sc->s[k]) || isdigit((unsigned char)sc->s[k]) ||
			       strchr("_+-", sc->s[k])))
		letter |= islower((unsigned char)sc->s[k++]) != 0;
	if (!letter || k - i < 3 || k >= sc->len || sc->s[k] != ':' ||
	    (k + 1 < sc->len && !strchr(" \t\n.,;!?)\"'<", sc->s[k + 1])))
		return 0;
	fn(payload, cl_strndup(sc->s + i, k + 1 - i), CL_PH_EMOJI, i);
	return k + 1;
}

/* The placeholder at i, if any: just past it, else 0. */
static size_t one(const scan *sc, size_t i, cl_ph_fn fn, void *payload)
{
	char c = sc->s[i], next = i + 1 < sc->len ? sc->s[i + 1] : 0;
	if (c == '{' && next == '{' && i + 2 < sc->len && (sc->s[i + 2] == '<' || sc->s[i + 2] == '%'))
		return shortcode(sc, i, fn, payload);
	if (c == '{' && next == '{')
		return placeholder(sc, i, fn, payload);
	if (c == '{' || (c == '$' && next == '{'))
		return variable(sc, i + (c == '$'), fn, payload);
	if (c == '<' && (sc->flags & CL_PH_TAGS))
		return tag(sc, i, fn, payload);
	if (c == '%')
		return conversion(sc, i, fn, payload);
	if (c == ':')
		return emoji(sc, i, fn, payload);
	return 0;
}

void cl_ph_scan(const char *s, size_t from, size_t to, unsigned flags, const char *const langs[2], cl_ph_fn fn,
		void *payload)
{
	scan sc = { s, to, flags, langs };
	for (size_t i = from; i < to;) {
		size_t next = one(&sc, i, fn, payload);
		i = next > i ? next : i + 1;
	}
}

const char *cl_ph_kind_name(cl_ph_kind kind, const char *key)
{
	static const char *const names[] = { "shortcode", "placeholder", "HTML tag", "printf conversion",
					     "variable", "variable", "emoji shortcode" };
	if (kind == CL_PH_TAG && isupper((unsigned char)key[key[1] == '/' ? 2 : 1]))
		return "component";
	return names[kind];
}

/* The length of a key's construct name: "<a", "</a", "{{< note". */
static size_t construct_len(const char *key)
{
	size_t n = strcspn(key, " >");
	if (!strncmp(key, "{{", 2) && key[n] == ' ')
		n += 1 + strcspn(key + n + 1, " ");
	return n;
}

bool cl_ph_same_construct(cl_ph_kind kind, const char *a, const char *b)
{
	if (kind != CL_PH_TAG && kind != CL_PH_SHORTCODE)
		return true;
	size_t n = construct_len(a);
	return n == construct_len(b) && !strncasecmp(a, b, n);
}
