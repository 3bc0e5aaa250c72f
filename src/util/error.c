#include "error.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[1024];

int cl_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return code;
}

const char *cl_error_get(void)
{
	return last_error[0] ? last_error : "no error";
}

void cl_error_clear(void)
{
	last_error[0] = '\0';
}
