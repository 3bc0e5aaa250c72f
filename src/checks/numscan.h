/* The numbers of a prose block read as values by the block's locale, for
 * number-mismatch: each side of a translation is read with its own
 * language's decimal and grouping separators (ICU's CLDR symbols), so that
 * 1,000.5 (en) = 1 000,5 (fr) = 1.000,5 (de). Version numbers (1.2.3,
 * v2.0) are kept as written, dates and times (any format datescan knows)
 * by value, and a percent sign before or after a number (50%, 50 %, %50)
 * joins its value. */
#ifndef CL_CHECKS_NUMSCAN_H
#define CL_CHECKS_NUMSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "../parse/document.h"

typedef struct {
	size_t start, end;  /* block text bytes as written */
	/* "1000.5", "50%", "v:1.2.3", "d:2024-03-26", "t:21:29", or "?:" and
	 * the text for a run the locale cannot read (3.11 in German prose) */
	char value[64];
	char literal[64];   /* digits and separators as written, "" for dates */
	bool date;          /* a date or time */
	bool small;         /* an integer under 10, which translations write as a word */
} cl_number;

typedef struct cl_numscan cl_numscan;

cl_numscan *cl_numscan_new(void);
void cl_numscan_free(cl_numscan *ns);

/* Appends the numbers of block's prose (not code, URLs or HTML) read by
 * the conventions of ICU locale to *out (count *n, capacity *cap). */
void cl_numscan_block(cl_numscan *ns, const char *locale, const cl_block *block, cl_number **out, size_t *n,
		      size_t *cap);

#endif
