#include "pathorder.h"

#include <string.h>

int cl_path_index_compare(const void *pa, const void *pb)
{
	const cl_path_index *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);
	return c ? c : a->index < b->index ? -1 : a->index > b->index;
}
