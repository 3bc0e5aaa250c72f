/* Sorting things by path, keeping their first order among equal paths:
 * runs hand files over, and reports list them, in this order. */
#ifndef CL_UTIL_PATHORDER_H
#define CL_UTIL_PATHORDER_H

#include <stddef.h>

typedef struct {
	const char *path;  /* borrowed */
	size_t index;      /* where it stood before sorting */
} cl_path_index;

/* For qsort over cl_path_index: by path (bytes), then by index. */
int cl_path_index_compare(const void *a, const void *b);

#endif
