/* A report part that must wait for totals (junit's counts, github's
 * stop-commands token) is spooled to an unnamed temporary file rather than
 * held in memory, and read back in small pieces at the end. */
#ifndef CL_REPORT_SPOOL_H
#define CL_REPORT_SPOOL_H

#include <stdio.h>

#include "format.h"

typedef struct {
	FILE *file;
	size_t size;  /* bytes written */
	int error;    /* non-zero once a write or read failed */
} cl_spool;

/* 0, or a negative code with the error set. */
int cl_spool_open(cl_spool *spool);
/* A copylint_write_cb appending to the cl_spool payload. */
int cl_spool_write(const char *data, size_t len, void *payload);
/* Hands [start, start + len) to write in pieces; 0, or -1 on a failed read
 * or a non-zero return of write. */
int cl_spool_read(cl_spool *spool, size_t start, size_t len, copylint_write_cb write, void *payload);
/* Closes and deletes the file; a closed or never opened spool is ignored. */
void cl_spool_close(cl_spool *spool);

#endif
