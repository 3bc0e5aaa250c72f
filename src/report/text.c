/* text: for people. `path:line:column: severity: message [rule]`, then the
 * line with a caret under the span, the first copy of a duplicate, the
 * fix, and a summary. Article text is made safe for a terminal: control and
 * bidirectional characters are shown as symbols, never sent as they are. */
#include <string.h>
#include <unicode/uchar.h>

#include "../text/utf8.h"
#include "escape.h"
#include "../util/buf.h"
#include "format.h"

#define RESET "\033[0m"
#define BOLD "\033[1m"

static const char *severity_color(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return "\033[1;31m";
	case COPYLINT_SEVERITY_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* The displayed form of cp: itself, or a visible stand-in. */
static void put_safe_char(cl_buf *out, uint32_t cp, bool valid, const char *raw, size_t n)
{
	(void)valid;  /* ill-formed bytes arrive as U+FFFD and are shown as such */
	if (cp == CL_REPLACEMENT_CHAR) {
		cl_buf_put(out, "\xEF\xBF\xBD", 3);
		return;
	}
	char enc[4];
	if (cp == '\t')
		cl_buf_putc(out, ' ');
	else if (cp < 0x20)
		cl_buf_put(out, enc, cl_utf8_encode(0x2400 + cp, enc));  /* ␀..␟ */
	else if (cp == 0x7F)
		cl_buf_put(out, "\xE2\x90\xA1", 3);  /* ␡ */
	else if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp))
		cl_buf_put(out, "\xEF\xBF\xBD", 3);
	else
		cl_buf_put(out, raw, n);
}

static size_t display_width(uint32_t cp)
{
	if (cp == '\t' || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp))
		return 1;
	int8_t type = u_charType((UChar32)cp);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || cp == 0x200B || cp == 0x200D ||
	    cp == 0xFE0F)
		return 0;
	int eaw = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
	return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

static void put_safe(cl_sink *sink, const char *s)
{
	cl_buf out = CL_BUF_INIT;
	cl_utf8_map(&out, s, strlen(s), put_safe_char);
	cl_sink_put(sink, out.ptr ? out.ptr : "", out.size);
	cl_buf_dispose(&out);
}

void cl_text_put_safe(cl_sink *sink, const char *s)
{
	put_safe(sink, s);
}

/* The excerpt line and, under it, carets from column to end column. */
static void put_excerpt(cl_sink *sink, const copylint_finding *f, bool color)
{
	const char *s = f->excerpt;
	size_t len = strlen(s), col = f->excerpt_column;
	size_t last = f->end_line == f->line ? f->end_column : (size_t)-1;
	cl_buf line = CL_BUF_INIT, marks = CL_BUF_INIT;
	for (size_t i = 0; i < len; col++) {
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(s + i, len - i, &cp, &valid);
		put_safe_char(&line, cp, valid, s + i, n);
		size_t width = display_width(cp);
		char mark = col < f->column ? ' ' : col == f->column ? '^' : col < last ? '~' : 0;
		for (size_t w = 0; mark && w < width; w++)
			cl_buf_putc(&marks, w && mark == '^' ? '~' : mark);
		i += n;
	}
	if (f->column >= col)  /* a span at the end of the line */
		cl_buf_putc(&marks, '^');
	while (marks.size && marks.ptr[marks.size - 1] == ' ')
		marks.size--;
	cl_sink_puts(sink, "  ");
	cl_sink_put(sink, line.ptr ? line.ptr : "", line.size);
	cl_sink_printf(sink, "\n  %s%.*s%s\n", color ? "\033[32m" : "", (int)marks.size,
		       marks.ptr ? marks.ptr : "", color ? RESET : "");
	cl_buf_dispose(&line);
	cl_buf_dispose(&marks);
}

void cl_text_put_finding(cl_sink *sink, const copylint_finding *f, bool color)
{
	if (color)
		cl_sink_puts(sink, BOLD);
	put_safe(sink, f->path);
	cl_sink_printf(sink, ":%zu:%zu: %s", f->line, f->column, color ? RESET : "");
	cl_sink_printf(sink, "%s%s:%s ", color ? severity_color(f->severity) : "",
		       copylint_severity_name(f->severity), color ? RESET : "");
	put_safe(sink, f->message);
	cl_sink_printf(sink, " [%s]\n", f->rule);
	put_excerpt(sink, f, color);
	if (f->related) {
		cl_sink_puts(sink, cl_report_related_elsewhere(f) ? "  = source: " : "  = first copy: ");
		put_safe(sink, f->related->path);
		cl_sink_printf(sink, ":%zu:%zu\n", f->related->line, f->related->column);
	}
	if (f->fix) {
		cl_sink_puts(sink, "  = fix: ");
		if (!f->fix->original[0]) {
			cl_sink_puts(sink, "insert “");
			put_safe(sink, f->fix->replacement);
		} else {
			cl_sink_puts(sink, f->fix->replacement[0] ? "replace “" : "delete “");
			put_safe(sink, f->fix->original);
			if (f->fix->replacement[0]) {
				cl_sink_puts(sink, "” with “");
				put_safe(sink, f->fix->replacement);
			}
		}
		cl_sink_puts(sink, "”\n");
	}
	for (size_t i = 0; i < f->suggestion_count; i++) {
		cl_sink_puts(sink, i ? ", " : "  = suggestions: ");
		put_safe(sink, f->suggestions[i]);
		if (i + 1 == f->suggestion_count)
			cl_sink_puts(sink, "\n");
	}
}

static int text_begin(cl_format_run *run)
{
	(void)run;
	return 0;
}

static int text_file(cl_format_run *run, const copylint_results *file)
{
	for (size_t i = 0; i < file->count; i++)
		cl_text_put_finding(run->sink, &file->findings[i], run->options->color);
	return 0;
}

static int text_end(cl_format_run *run)
{
	if (run->options->show_summary)
		cl_report_put_counts(run->sink, &run->counts);
	return 0;
}

const cl_format_steps cl_format_text = { text_begin, text_file, text_end };
