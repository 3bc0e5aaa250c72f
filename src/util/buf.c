#include "buf.h"

#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "alloc.h"

void cl_buf_reserve(cl_buf *buf, size_t extra)
{
	size_t need = buf->size + extra + 1;
	if (need > buf->asize)
		CL_GROW(buf->ptr, buf->asize, need);
}

void cl_buf_put(cl_buf *buf, const char *data, size_t len)
{
	cl_buf_reserve(buf, len);
	if (len)
		memcpy(buf->ptr + buf->size, data, len);
	buf->size += len;
	buf->ptr[buf->size] = '\0';
}

void cl_buf_puts(cl_buf *buf, const char *s)
{
	cl_buf_put(buf, s, strlen(s));
}

void cl_buf_putc(cl_buf *buf, char c)
{
	cl_buf_put(buf, &c, 1);
}

void cl_buf_printf(cl_buf *buf, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		cl_buf_reserve(buf, (size_t)n);
		vsnprintf(buf->ptr + buf->size, (size_t)n + 1, fmt, ap2);
		buf->size += (size_t)n;
	}
	va_end(ap2);
}

void cl_buf_clear(cl_buf *buf)
{
	buf->size = 0;
	if (buf->ptr)
		buf->ptr[0] = '\0';
}

char *cl_buf_detach(cl_buf *buf)
{
	char *out = buf->ptr ? buf->ptr : cl_strdup("");
	buf->ptr = NULL;
	buf->size = buf->asize = 0;
	return out;
}

void cl_buf_dispose(cl_buf *buf)
{
	free(buf->ptr);
	buf->ptr = NULL;
	buf->size = buf->asize = 0;
}
