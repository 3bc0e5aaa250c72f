/* The last error message of this thread, as libgit2 keeps it: functions
 * return a negative code and leave the why here. */
#ifndef CL_UTIL_ERROR_H
#define CL_UTIL_ERROR_H

int cl_error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *cl_error_get(void);
void cl_error_clear(void);

#endif
