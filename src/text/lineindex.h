/* Line starts of a buffer, for turning byte offsets into line and column.
 * LF, CRLF and a lone CR each end a line. */
#ifndef CL_TEXT_LINEINDEX_H
#define CL_TEXT_LINEINDEX_H

#include <stddef.h>

typedef struct cl_lineindex_s {
	const char *data;
	size_t len;
	size_t *starts;  /* starts[i]: offset of line i+1 */
	size_t count;
	/* The last position columns were counted for: findings are resolved in
	 * order, so counting resumes from here instead of from the line start
	 * (a 10 MB line with many findings stays linear). */
	size_t memo_line, memo_offset, memo_cps, memo_units;
} cl_lineindex;

void cl_lineindex_build(cl_lineindex *idx, const char *data, size_t len);
void cl_lineindex_dispose(cl_lineindex *idx);

/* 1-based line of offset (binary search). */
size_t cl_lineindex_line(const cl_lineindex *idx, size_t offset);
size_t cl_lineindex_line_start(const cl_lineindex *idx, size_t line);
/* Offset just past the line's last character, before its terminator. */
size_t cl_lineindex_line_end(const cl_lineindex *idx, size_t line);

/* The columns of offset on its line, 1-based, counted three ways: code
 * points (copylint's own), UTF-16 code units and bytes. NULL to skip one. */
void cl_lineindex_columns(cl_lineindex *idx, size_t offset, size_t *line,
			  size_t *col_cp, size_t *col_utf16, size_t *col_byte);

#endif
