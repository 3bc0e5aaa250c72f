#include "lineindex.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "utf8.h"

void cl_lineindex_build(cl_lineindex *idx, const char *data, size_t len)
{
	size_t cap = 0;
	idx->data = data;
	idx->len = len;
	idx->starts = NULL;
	idx->count = 0;
	idx->memo_line = 0;
	CL_GROW(idx->starts, cap, 1);
	idx->starts[idx->count++] = 0;
	for (size_t i = 0; i < len; i++) {
		const char *nl = memchr(data + i, '\n', len - i);
		const char *cr = memchr(data + i, '\r', (nl ? (size_t)(nl - data) : len) - i);
		const char *brk = cr ? cr : nl;
		if (!brk)
			break;
		i = (size_t)(brk - data);
		if (*brk == '\r' && i + 1 < len && data[i + 1] == '\n')
			i++;
		CL_GROW(idx->starts, cap, idx->count + 1);
		idx->starts[idx->count++] = i + 1;
	}
}

void cl_lineindex_dispose(cl_lineindex *idx)
{
	free(idx->starts);
	idx->starts = NULL;
	idx->count = 0;
}

size_t cl_lineindex_line(const cl_lineindex *idx, size_t offset)
{
	size_t lo = 0, hi = idx->count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (idx->starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

size_t cl_lineindex_line_start(const cl_lineindex *idx, size_t line)
{
	if (line == 0 || line > idx->count)
		return idx->len;
	return idx->starts[line - 1];
}

size_t cl_lineindex_line_end(const cl_lineindex *idx, size_t line)
{
	size_t end = line < idx->count ? idx->starts[line] : idx->len;
	size_t start = cl_lineindex_line_start(idx, line);
	if (end > start && idx->data[end - 1] == '\n')
		end--;
	if (end > start && idx->data[end - 1] == '\r')
		end--;
	return end;
}

void cl_lineindex_columns(cl_lineindex *idx, size_t offset, size_t *line,
			  size_t *col_cp, size_t *col_utf16, size_t *col_byte)
{
	if (offset > idx->len)
		offset = idx->len;
	size_t ln = cl_lineindex_line(idx, offset);
	size_t start = cl_lineindex_line_start(idx, ln);
	size_t cps = 0, units = 0, i = start;
	if (idx->memo_line == ln && idx->memo_offset <= offset && idx->memo_offset > start) {
		i = idx->memo_offset;
		cps = idx->memo_cps;
		units = idx->memo_units;
	}
	while (i < offset) {
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(idx->data + i, idx->len - i, &cp, &valid);
		if (i + n > offset)  /* offset inside a sequence: count it once */
			n = offset - i;
		cps++;
		units += cp >= 0x10000 ? 2 : 1;
		i += n;
	}
	idx->memo_line = ln;
	idx->memo_offset = offset;
	idx->memo_cps = cps;
	idx->memo_units = units;
	if (line)
		*line = ln;
	if (col_cp)
		*col_cp = cps + 1;
	if (col_utf16)
		*col_utf16 = units + 1;
	if (col_byte)
		*col_byte = offset - start + 1;
}
