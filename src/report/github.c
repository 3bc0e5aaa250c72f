/* github: GitHub Actions workflow commands. The full report goes to the log
 * as plain text inside ::stop-commands::, so that no article text can start
 * a workflow command; then the annotations, most important first and capped
 * at what GitHub shows per step (it drops the rest silently), then one
 * ::notice counting what was left out. Columns are UTF-16 code units, the
 * unit of GitHub's JavaScript front end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../text/utf8.h"
#include "../util/buf.h"
#include "escape.h"
#include "format.h"

/* GitHub shows at most this many annotations of each kind per step. */
#define GITHUB_CAP_PER_KIND 10

static const char *command_name(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return "error";
	case COPYLINT_SEVERITY_WARNING: return "warning";
	default: return "notice";
	}
}

/* ---- the stop-commands token ------------------------------------------ *
 * A hash of the plain-text listing (so the output is deterministic), and
 * checked not to occur in that listing (so no article can end the block,
 * however the hash was guessed). Two streaming passes: memory stays flat. */

typedef struct {
	XXH3_state_t *hash;
	const char *needle;
	size_t needle_len;
	cl_buf tail;  /* the last needle_len - 1 bytes seen */
	bool found;
} token_scan;

static int scan_write(const char *data, size_t len, void *payload)
{
	token_scan *scan = payload;
	if (scan->hash) {
		XXH3_128bits_update(scan->hash, data, len);
		return 0;
	}
	cl_buf_put(&scan->tail, data, len);
	if (memmem(scan->tail.ptr, scan->tail.size, scan->needle, scan->needle_len))
		scan->found = true;
	size_t keep = scan->needle_len - 1;
	if (scan->tail.size > keep) {
		memmove(scan->tail.ptr, scan->tail.ptr + scan->tail.size - keep, keep);
		scan->tail.size = keep;
	}
	return 0;
}

static void write_listing(cl_sink *sink, const copylint_results *results,
			  const copylint_report_options *options)
{
	copylint_report_options plain = *options;
	plain.color = false;
	cl_format_text(sink, results, &plain);
}

static void choose_token(const copylint_results *results, const copylint_report_options *options,
			 char token[CL_FINGERPRINT_SIZE])
{
	for (unsigned long long seed = 0;; seed++) {
		token_scan scan = { XXH3_createState(), NULL, 0, CL_BUF_INIT, false };
		cl_sink sink = { scan_write, &scan, 0 };
		XXH3_128bits_reset_withSeed(scan.hash, seed);
		write_listing(&sink, results, options);
		XXH128_hash_t h = XXH3_128bits_digest(scan.hash);
		XXH3_freeState(scan.hash);
		snprintf(token, CL_FINGERPRINT_SIZE, "%016llx%016llx", (unsigned long long)h.high64,
			 (unsigned long long)h.low64);
		scan.hash = NULL;
		scan.needle = token;
		scan.needle_len = strlen(token);
		write_listing(&sink, results, options);
		cl_buf_dispose(&scan.tail);
		if (!scan.found)
			return;
	}
}

/* ---- annotations ------------------------------------------------------ */

static void put_annotation(cl_sink *sink, const copylint_finding *f)
{
	cl_buf line = CL_BUF_INIT, title = CL_BUF_INIT;
	const char *raw_path = cl_report_path(f->path);
	char *path = cl_utf8_sanitize(raw_path, strlen(raw_path));  /* a path need not be UTF-8 */
	cl_buf_printf(&line, "::%s file=", command_name(f->severity));
	cl_escape_workflow(&line, path, true);
	free(path);
	cl_buf_printf(&line, ",line=%zu,endLine=%zu", f->line, f->end_line);
	/* GitHub takes columns only on a single line. */
	if (f->line == f->end_line)
		cl_buf_printf(&line, ",col=%zu,endColumn=%zu", f->column_utf16, f->end_column_utf16);
	cl_buf_printf(&title, "copylint %s", f->rule);
	cl_buf_puts(&line, ",title=");
	cl_escape_workflow(&line, title.ptr, true);
	cl_buf_puts(&line, "::");
	cl_escape_workflow(&line, f->message, false);
	if (f->related && f->related->path == f->path)
		cl_buf_printf(&line, " (first copy: line %zu, column %zu)", f->related->line, f->related->column);
	cl_buf_putc(&line, '\n');
	cl_sink_put(sink, line.ptr, line.size);
	cl_buf_dispose(&line);
	cl_buf_dispose(&title);
}

/* Annotates up to cap findings of severity; returns how many were left out. */
static size_t put_annotations(cl_sink *sink, const copylint_results *results, copylint_severity severity,
			      size_t cap)
{
	size_t shown = 0, total = 0;
	for (size_t i = 0; i < results->count; i++) {
		if (results->findings[i].severity != severity)
			continue;
		total++;
		if (shown < cap) {
			put_annotation(sink, &results->findings[i]);
			shown++;
		}
	}
	return total - shown;
}

static void put_overflow_notice(cl_sink *sink, const size_t omitted[3])
{
	size_t total = omitted[0] + omitted[1] + omitted[2];
	if (!total)
		return;
	cl_sink_printf(sink, "::notice title=copylint::%zu more %s (%zu errors, %zu warnings, %zu infos) "
		       "not annotated here: GitHub shows at most %d errors, %d warnings and %d notices per "
		       "step. The full list is in this step's log above.\n",
		       total, total == 1 ? "finding" : "findings", omitted[0], omitted[1], omitted[2],
		       GITHUB_CAP_PER_KIND, GITHUB_CAP_PER_KIND, GITHUB_CAP_PER_KIND);
}

int cl_format_github(cl_sink *sink, const copylint_results *results, const copylint_report_options *options)
{
	char token[CL_FINGERPRINT_SIZE];
	cl_report_counts counts;
	size_t omitted[3];
	choose_token(results, options, token);
	cl_sink_printf(sink, "::stop-commands::%s\n", token);
	write_listing(sink, results, options);
	cl_sink_printf(sink, "::%s::\n", token);

	cl_report_count(results, &counts);
	bool overflow = counts.errors > GITHUB_CAP_PER_KIND || counts.warnings > GITHUB_CAP_PER_KIND ||
			counts.infos > GITHUB_CAP_PER_KIND;
	omitted[0] = put_annotations(sink, results, COPYLINT_SEVERITY_ERROR, GITHUB_CAP_PER_KIND);
	omitted[1] = put_annotations(sink, results, COPYLINT_SEVERITY_WARNING, GITHUB_CAP_PER_KIND);
	/* The overflow notice is a notice too: keep a place for it. */
	omitted[2] = put_annotations(sink, results, COPYLINT_SEVERITY_INFO,
				     overflow ? GITHUB_CAP_PER_KIND - 1 : GITHUB_CAP_PER_KIND);
	put_overflow_notice(sink, omitted);
	return 0;
}
