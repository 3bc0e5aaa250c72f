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

/* Code points and UTF-16 units in data[from, to). */
static void count_units(const char *data, size_t len, size_t from, size_t to, size_t *cps, size_t *units)
{
	size_t i = from;
	*cps = *units = 0;
	while (i < to) {
		uint32_t cp;
		bool valid;
		size_t n = cl_utf8_decode(data + i, len - i, &cp, &valid);
		if (i + n > to)  /* to inside a sequence: count it once */
			n = to - i;
		(*cps)++;
		*units += cp >= 0x10000 ? 2 : 1;
		i += n;
	}
}

void cl_lineindex_columns(cl_lineindex *idx, size_t offset, size_t *line,
			  size_t *col_cp, size_t *col_utf16, size_t *col_byte)
{
	if (offset > idx->len)
		offset = idx->len;
	size_t ln = cl_lineindex_line(idx, offset);
	size_t start = cl_lineindex_line_start(idx, ln);
	size_t cps, units, dcps, dunits;
	bool memo_usable = idx->memo_line == ln && idx->memo_offset >= start;
	if (memo_usable && idx->memo_offset <= offset) {
		count_units(idx->data, idx->len, idx->memo_offset, offset, &dcps, &dunits);
		cps = idx->memo_cps + dcps;
		units = idx->memo_units + dunits;
	} else if (memo_usable && idx->memo_offset - offset < offset - start) {
		/* closer to the memo than to the line start: count back */
		count_units(idx->data, idx->len, offset, idx->memo_offset, &dcps, &dunits);
		cps = idx->memo_cps - dcps;
		units = idx->memo_units - dunits;
	} else {
		count_units(idx->data, idx->len, start, offset, &cps, &units);
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
