#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("copylint: out of memory\n", stderr);
	abort();
}

void *cl_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *cl_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *cl_realloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *cl_strndup(const char *s, size_t len)
{
	char *p = cl_malloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *cl_strdup(const char *s)
{
	return s ? cl_strndup(s, strlen(s)) : NULL;
}

char *cl_sprintf(const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		va_end(ap2);
		return cl_strdup("");
	}
	char *out = cl_malloc((size_t)n + 1);
	vsnprintf(out, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return out;
}

void cl_grow(void **items, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2 / elem)
			out_of_memory();
		ncap *= 2;
	}
	*items = cl_realloc(*items, ncap * elem);
	*cap = ncap;
}
