#include "yamldepth.h"

#include <string.h>

typedef struct {
	size_t flow;      /* open [ and { */
	size_t block;     /* "- " items opened on the current line */
	char quote;       /* the quote we are inside, or 0 */
	char last;        /* the last byte on this line that is not a blank */
	bool line_start;  /* only blanks and "- " so far on this line */
} scan_state;

/* A quote opens a quoted scalar only where a scalar may start; elsewhere
 * (it's) it is a plain character, as libyaml reads it. */
static bool opens_quote(const scan_state *st, const char *s, size_t i)
{
	if (st->line_start)
		return true;
	char before = s[i - 1];
	if (before == '[' || before == '{' || before == ',')
		return true;
	return (before == ' ' || before == '\t') && st->last && strchr(":-?,[{", st->last);
}

/* Returns the index of the last byte the character at i took. */
static size_t scan_byte(scan_state *st, const char *s, size_t len, size_t i)
{
	char c = s[i];
	if (st->quote) {
		if (c == st->quote && st->quote == '\'' && i + 1 < len && s[i + 1] == '\'')
			return i + 1;  /* '' inside single quotes */
		if (c == '\\' && st->quote == '"' && i + 1 < len)
			return i + 1;
		if (c == st->quote)
			st->quote = 0;
		return i;
	}
	if (c == '\n') {
		st->block = 0;
		st->last = 0;
		st->line_start = true;
		return i;
	}
	if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
		while (i + 1 < len && s[i + 1] != '\n')
			i++;
		return i;
	}
	if (st->line_start && c == '-' && (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\n')) {
		st->block++;
		st->last = c;
		return i;
	}
	if ((c == '"' || c == '\'') && opens_quote(st, s, i))
		st->quote = c;
	else if (c == '[' || c == '{')
		st->flow++;
	else if ((c == ']' || c == '}') && st->flow)
		st->flow--;
	if (c != ' ' && c != '\t') {
		st->line_start = false;
		st->last = c;
	}
	return i;
}

bool cl_yaml_too_deep(const char *s, size_t len, size_t max, size_t *at)
{
	scan_state st = { 0, 0, 0, 0, true };
	for (size_t i = 0; i < len; i++) {
		i = scan_byte(&st, s, len, i);
		if (st.flow + st.block > max) {
			*at = i;
			return true;
		}
	}
	return false;
}
