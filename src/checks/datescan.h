/* Dates and times written in prose, shared by the timestamp and
 * date-format rules: ISO-like values (2024-03-26 21:29:18), numeric locale
 * dates (25. 3. 2024, 25.03.2024, 25/03/2024), dates with month names in
 * the document's language (from ICU's date symbols) and lone times. The
 * scanner also keeps values whose spacing or separators are broken, with
 * the repaired value when the repair is certain. */
#ifndef CL_CHECKS_DATESCAN_H
#define CL_CHECKS_DATESCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	size_t start, end;          /* block text bytes of the value as written */
	int year, month, day;       /* 0 when not written */
	int hour, minute, second;   /* -1 when not written */
	int weekday;                /* written weekday, 1 = Sunday .. 7; 0 when none */
	const char *family;         /* static: "yyyy-MM-dd", "d. M. yyyy", "d MMMM yyyy", ... */
	const char *broken;         /* static: what is wrong with the writing, or NULL */
	char fixed[64];             /* the value repaired, "" when no certain repair */
	bool lone_time;             /* a time without a date */
} cl_datetime;

typedef struct cl_datescan cl_datescan;

cl_datescan *cl_datescan_new(void);
void cl_datescan_free(cl_datescan *ds);

/* The rules' per-thread state is a cl_datescan: these fit cl_rule. */
void *cl_datescan_state_new(void);
void cl_datescan_state_free(void *state);

/* Finds the values in text[0..len) (NUL-terminated) for ICU locale; *found
 * points at them in order, owned by ds and valid until its next scan. */
size_t cl_datescan_text(cl_datescan *ds, const char *locale, const char *text, size_t len,
			const cl_datetime **found);

/* Why the date and time in dt cannot exist ("31 April does not exist"),
 * into buf; NULL when they can. Checks the weekday against the date. */
const char *cl_datetime_problem(cl_datescan *ds, const cl_datetime *dt, char *buf, size_t size);

/* Checks a front-matter value as ISO 8601 (2024-03-26, 2024-03-26T21:29:18Z,
 * 2024-03-26 21:29:18 +01:00); fills dt and returns NULL, or returns why not. */
const char *cl_iso8601_parse(const char *value, cl_datetime *dt);

#endif
