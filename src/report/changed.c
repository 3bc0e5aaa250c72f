/* --scope lines: a finding is reported when the line it starts on was
 * added or changed. Rules still read the whole file, so a new sentence that
 * repeats an old one is flagged on the new line, and an old one is not. */
#include <stdbool.h>

#include "results.h"

static bool on_changed_line(size_t at, const cl_byte_range *ranges, size_t nranges, size_t len)
{
	size_t lo = 0, hi = nranges;
	while (lo < hi) {  /* the first range that ends after at */
		size_t mid = lo + (hi - lo) / 2;
		if (ranges[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nranges)
		return ranges[lo].start <= at;
	/* At the very end of a file without a final newline: its last line. */
	return at == len && nranges && ranges[nranges - 1].end == len;
}

void cl_results_keep_changed(copylint_finding *findings, size_t *count,
			     const cl_byte_range *ranges, size_t nranges, size_t len)
{
	size_t kept = 0;
	for (size_t i = 0; i < *count; i++) {
		if (on_changed_line(findings[i].start, ranges, nranges, len))
			findings[kept++] = findings[i];
		else
			cl_finding_free_strings(&findings[i]);
	}
	*count = kept;
}
