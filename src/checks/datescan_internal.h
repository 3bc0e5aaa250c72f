/* What the date scanner's two files share: the scanner (datescan.c: the
 * numeric forms, the checks of a date's value) and the dates written with
 * month names (datescan_names.c: ICU's names per locale, the scan). */
#ifndef CL_CHECKS_DATESCAN_INTERNAL_H
#define CL_CHECKS_DATESCAN_INTERNAL_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <unicode/ucal.h>
#include <unicode/ucasemap.h>

#include "datescan.h"

#define NAME_MAX_BYTES 48

typedef struct {
	char months[2][12][NAME_MAX_BYTES];  /* format (genitive) and stand-alone, lower case */
	char weekdays[8][NAME_MAX_BYTES];    /* 1 = Sunday .. 7, lower case */
	bool month_first;                    /* the long pattern puts MMMM before d */
	bool capitalised;                    /* month names start upper case (English) */
	bool french;                         /* "1er mars"; French spacing around ':' */
	uint32_t month_starts[24];           /* the first letters of the month names */
	size_t nmonth_starts;
} locale_names;

struct cl_datescan {
	regex_t iso, iso_time, numeric, numeric_time, lone_time;
	UCalendar *cal;
	UCaseMap *lower;
	char locale[64];
	locale_names names;
	cl_datetime *found;  /* the last scan's values, reused between scans */
	size_t found_cap;
};

/* Loads the month and weekday names, and their order, of locale. */
void cl_datescan_load_names(cl_datescan *ds, const char *locale);
/* Appends the dates written with a month name in text to *out. */
void cl_datescan_scan_names(cl_datescan *ds, const char *text, size_t len, cl_datetime **out,
			    size_t *cap, size_t *n);

/* Whether [start, end) overlaps a value of list. */
bool cl_datescan_overlaps(const cl_datetime *list, size_t n, size_t start, size_t end);
/* A new value [start, end) at the end of *out, with no time yet. */
cl_datetime *cl_datescan_add(cl_datetime **out, size_t *cap, size_t *n, size_t start, size_t end);
bool cl_datescan_digit_at(const char *text, size_t len, size_t at);

#endif
