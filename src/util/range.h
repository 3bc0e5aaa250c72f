/* A byte range [start, end) in a file: shared by the stages that speak of
 * parts of files (collect marks changed lines, report filters by them). */
#ifndef CL_UTIL_RANGE_H
#define CL_UTIL_RANGE_H

#include <stddef.h>

typedef struct {
	size_t start, end;
} cl_byte_range;

#endif
