/* A finding related to a place in another file (a translation's source):
 * the formats that have no field for it carry it in the message. */
#include <string.h>

#include "../util/alloc.h"
#include "escape.h"

bool cl_report_related_elsewhere(const copylint_finding *f)
{
	return f->related && f->related->path != f->path && strcmp(f->related->path, f->path);
}

char *cl_report_message(const copylint_finding *f)
{
	if (!cl_report_related_elsewhere(f))
		return cl_strdup(f->message);
	return cl_sprintf("%s (source: %s:%zu:%zu)", f->message, cl_report_path(f->related->path),
			  f->related->line, f->related->column);
}
