/* A report part that must wait for totals (junit's counts, github's
 * stop-commands token) is spooled to a temporary file in $TMPDIR (else
 * /tmp), removed as soon as it is made, rather than held in memory, and
 * read back in small pieces at the end. Where no temporary file can be made
 * (a read-only /tmp), the part is held in memory instead. */
#ifndef CL_REPORT_SPOOL_H
#define CL_REPORT_SPOOL_H

#include <stdio.h>

#include "../util/buf.h"
#include "format.h"

typedef struct {
	FILE *file;   /* NULL: the bytes are in memory */
	cl_buf memory;
	bool open;
	size_t size;  /* bytes written */
	int error;    /* non-zero once a write or read failed */
} cl_spool;

void cl_spool_open(cl_spool *spool);
/* A copylint_write_cb appending to the cl_spool payload. */
int cl_spool_write(const char *data, size_t len, void *payload);
/* Hands [start, start + len) to write in pieces; 0, or -1 on a failed read
 * or a non-zero return of write. */
int cl_spool_read(cl_spool *spool, size_t start, size_t len, copylint_write_cb write, void *payload);
/* Closes and deletes the file (frees the memory); a closed or never
 * opened spool is ignored. */
void cl_spool_close(cl_spool *spool);

#endif
