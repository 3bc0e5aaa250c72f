/* A growable byte buffer, always NUL-terminated. */
#ifndef CL_UTIL_BUF_H
#define CL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *ptr;
	size_t size;
	size_t asize;
} cl_buf;

#define CL_BUF_INIT { NULL, 0, 0 }

void cl_buf_put(cl_buf *buf, const char *data, size_t len);
void cl_buf_puts(cl_buf *buf, const char *s);
void cl_buf_putc(cl_buf *buf, char c);
void cl_buf_printf(cl_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cl_buf_clear(cl_buf *buf);
/* Room for extra more bytes (and the NUL): writers that fill ptr + size
 * themselves call it first, then set size. */
void cl_buf_reserve(cl_buf *buf, size_t extra);
/* Hands the bytes to the caller (who frees them) and resets buf. */
char *cl_buf_detach(cl_buf *buf);
void cl_buf_dispose(cl_buf *buf);

#endif
