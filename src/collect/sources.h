/* What a run checks: paths on disk or buffers in memory, gathered before
 * any file is read so that files can be read (and freed) one at a time. */
#ifndef CL_COLLECT_SOURCES_H
#define CL_COLLECT_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "copylint/copylint.h"
#include "../util/range.h"

typedef struct {
	char *path;     /* as shown in reports */
	char *fs_path;  /* where to read it; NULL for a buffer */
	char *data;     /* a buffer's bytes (owned); NULL for files */
	size_t len;
	char *error;    /* why it cannot be checked, found while collecting */
	/* Where the config's globs find it, when path is not that: a git
	 * source's place in the working tree. NULL: path. */
	char *config_path;
	/* In git modes with scope lines: the byte spans [start, end) of the
	 * added or changed lines (whole lines); findings elsewhere are dropped.
	 * limit_to_changed false: every finding is kept. */
	bool limit_to_changed;
	cl_byte_range *changed;
	size_t nchanged;
	/* The file this one translates, given on the command line; NULL: the
	 * config's layouts decide. */
	char *translation_source;
	/* In --staged and --diff: a translation's source read from the same
	 * snapshot (the index, the branch tip's tree): its path in the
	 * repository and its bytes (owned); or snapshot_error, why it could
	 * not be (the translation is then checked alone). All NULL otherwise. */
	char *snapshot_source;
	char *snapshot_data;
	size_t snapshot_len;
	char *snapshot_error;
} cl_source;

struct copylint_sources {
	cl_source *items;
	size_t count, cap;
};

/* The largest file copylint reads; a larger one is an error. */
#define CL_SOURCE_MAX_BYTES ((size_t)128 << 20)

/* "not a regular file (a FIFO): not read", for a file of that mode. */
const char *cl_source_not_regular(unsigned mode);

/* Reads a source's bytes: a regular file of at most CL_SOURCE_MAX_BYTES. On failure returns a negative code and sets
 * *error to a message naming the path. *data is owned by the caller. */
int cl_source_read(const cl_source *source, char **data, size_t *len, char **error);

/* True for the file names a folder walk takes by default. */
bool cl_is_article_name(const char *name);

#endif
