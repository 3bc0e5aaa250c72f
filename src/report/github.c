/* github: GitHub Actions workflow commands. The full report goes to the log
 * as plain text inside ::stop-commands::, so that no article text can start
 * a workflow command; then the annotations, most important first and capped
 * at what GitHub shows per step (it drops the rest silently), then one
 * ::notice counting what was left out. Columns are UTF-16 code units, the
 * unit of GitHub's JavaScript front end. The listing goes to a temporary
 * file while the findings come (its token is known only at the end), and
 * only the annotations shown are kept in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "escape.h"
#include "format.h"
#include "spool.h"

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
 * however the hash was guessed). The listing is hashed as it is spooled;
 * the check (and, rarely, another seed) reads the spool back. */

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

static void token_of(XXH3_state_t *hash, char token[CL_FINGERPRINT_SIZE])
{
	XXH128_hash_t h = XXH3_128bits_digest(hash);
	snprintf(token, CL_FINGERPRINT_SIZE, "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
}

/* hash: the listing's hash with seed 0, made while it was spooled. */
static int choose_token(cl_spool *listing, XXH3_state_t *hash, char token[CL_FINGERPRINT_SIZE])
{
	for (unsigned long long seed = 0;; seed++) {
		if (seed) {
			XXH3_128bits_reset_withSeed(hash, seed);
			token_scan rehash = { hash, NULL, 0, CL_BUF_INIT, false };
			if (cl_spool_read(listing, 0, listing->size, scan_write, &rehash) < 0)
				return -1;
		}
		token_of(hash, token);
		token_scan scan = { NULL, token, strlen(token), CL_BUF_INIT, false };
		int error = cl_spool_read(listing, 0, listing->size, scan_write, &scan);
		cl_buf_dispose(&scan.tail);
		if (error < 0)
			return -1;
		if (!scan.found)
			return 0;
	}
}

/* ---- annotations ------------------------------------------------------ */

static int buf_write(const char *data, size_t len, void *payload)
{
	cl_buf_put(payload, data, len);
	return 0;
}

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
	else if (cl_report_related_elsewhere(f))
		cl_buf_printf(&line, " (source: %s:%zu:%zu)", cl_report_path(f->related->path), f->related->line,
			      f->related->column);
	cl_buf_putc(&line, '\n');
	cl_sink_put(sink, line.ptr, line.size);
	cl_buf_dispose(&line);
	cl_buf_dispose(&title);
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

/* ---- the run ---------------------------------------------------------- */

typedef struct {
	cl_spool listing;
	XXH3_state_t *hash;
	/* The first GITHUB_CAP_PER_KIND annotations of each kind (errors,
	 * warnings, infos), and where the infos stood one before the cap. */
	cl_buf annotations[3];
	size_t shown[3];
	size_t infos_before_cap;
} github_state;

static int tee_write(const char *data, size_t len, void *payload)
{
	github_state *state = payload;
	XXH3_128bits_update(state->hash, data, len);
	return cl_spool_write(data, len, &state->listing);
}

static int severity_slot(copylint_severity severity)
{
	switch (severity) {
	case COPYLINT_SEVERITY_ERROR: return 0;
	case COPYLINT_SEVERITY_WARNING: return 1;
	case COPYLINT_SEVERITY_INFO: return 2;
	default: return -1;
	}
}

static void keep_annotation(github_state *state, const copylint_finding *f)
{
	int slot = severity_slot(f->severity);
	if (slot < 0 || state->shown[slot] >= GITHUB_CAP_PER_KIND)
		return;
	cl_sink sink = { buf_write, &state->annotations[slot], 0 };
	if (slot == 2 && state->shown[slot] == GITHUB_CAP_PER_KIND - 1)
		state->infos_before_cap = state->annotations[slot].size;
	put_annotation(&sink, f);
	state->shown[slot]++;
}

static int github_begin(cl_format_run *run)
{
	github_state *state = cl_calloc(1, sizeof(*state));
	run->state = state;
	state->hash = XXH3_createState();
	if (!state->hash)
		return cl_error_set(COPYLINT_ERROR, "cannot start the github report");
	XXH3_128bits_reset_withSeed(state->hash, 0);
	cl_spool_open(&state->listing);
	return 0;
}

static int github_file(cl_format_run *run, const copylint_results *file)
{
	github_state *state = run->state;
	cl_sink listing = { tee_write, state, 0 };
	for (size_t i = 0; i < file->count; i++) {
		cl_text_put_finding(&listing, &file->findings[i], false);
		keep_annotation(state, &file->findings[i]);
	}
	return 0;
}

static int sink_write(const char *data, size_t len, void *payload)
{
	cl_sink *sink = payload;
	cl_sink_put(sink, data, len);
	return sink->error;
}

static int github_write(cl_format_run *run, github_state *state)
{
	char token[CL_FINGERPRINT_SIZE];
	cl_sink *sink = run->sink;
	const cl_report_counts *counts = &run->counts;
	cl_sink listing = { tee_write, state, 0 };
	if (run->options->show_summary)
		cl_report_put_counts(&listing, counts);
	if (choose_token(&state->listing, state->hash, token) < 0)
		return cl_error_set(COPYLINT_EIO, "reading back the github report's listing failed");
	cl_sink_printf(sink, "::stop-commands::%s\n", token);
	if (cl_spool_read(&state->listing, 0, state->listing.size, sink_write, sink) < 0 && !sink->error)
		sink->error = -1;
	cl_sink_printf(sink, "::%s::\n", token);

	bool overflow = counts->errors > GITHUB_CAP_PER_KIND || counts->warnings > GITHUB_CAP_PER_KIND ||
			counts->infos > GITHUB_CAP_PER_KIND;
	/* The overflow notice is a notice too: keep a place for it. */
	size_t infos = state->shown[2];
	cl_buf *info = &state->annotations[2];
	if (overflow && infos == GITHUB_CAP_PER_KIND) {
		info->size = state->infos_before_cap;
		infos--;
	}
	size_t omitted[3] = { counts->errors - state->shown[0], counts->warnings - state->shown[1],
			      counts->infos - infos };
	for (int slot = 0; slot < 3; slot++)
		cl_sink_put(sink, state->annotations[slot].ptr, state->annotations[slot].size);
	put_overflow_notice(sink, omitted);
	return 0;
}

static int github_end(cl_format_run *run)
{
	github_state *state = run->state;
	int error = 0;
	if (state->hash && state->listing.open && !run->sink->error)  /* not when abandoned */
		error = github_write(run, state);
	for (int slot = 0; slot < 3; slot++)
		cl_buf_dispose(&state->annotations[slot]);
	if (state->hash)
		XXH3_freeState(state->hash);
	cl_spool_close(&state->listing);
	free(state);
	return error;
}

const cl_format_steps cl_format_github = { github_begin, github_file, github_end };
