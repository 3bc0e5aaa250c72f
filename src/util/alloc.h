/* Allocation wrappers: out-of-memory aborts here, once, instead of being
 * threaded through every caller (the cmark/jq convention). */
#ifndef CL_UTIL_ALLOC_H
#define CL_UTIL_ALLOC_H

#include <stddef.h>

void *cl_malloc(size_t size);
void *cl_calloc(size_t count, size_t size);
void *cl_realloc(void *ptr, size_t size);
char *cl_strdup(const char *s);
char *cl_strndup(const char *s, size_t len);
char *cl_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items (of element size elem) so that it holds at least need
 * elements; *cap is updated. Amortised doubling. */
void cl_grow(void **items, size_t *cap, size_t need, size_t elem);

#define CL_GROW(arr, cap, need) cl_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
