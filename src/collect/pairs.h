/* Which file a translation translates: the config's translations: layouts,
 * or, without them, the well-known layouts whose counterpart exists. */
#ifndef CL_COLLECT_PAIRS_H
#define CL_COLLECT_PAIRS_H

#include <stdbool.h>

#include "copylint/copylint.h"
#include "../config/config.h"

typedef copylint_pair cl_pair;
#define CL_PAIR_NONE COPYLINT_PAIR_NONE
#define CL_PAIR_IS_SOURCE COPYLINT_PAIR_IS_SOURCE
#define CL_PAIR_FOUND COPYLINT_PAIR_FOUND
#define CL_PAIR_MISSING COPYLINT_PAIR_MISSING

/* The source language: the config's translations: source, else "en". */
const char *cl_pair_source_language(const copylint_config *config);
/* Pairs path (as given: relative to the current folder, or absolute). */
void cl_pair_find(const copylint_config *config, const char *path, cl_pair *out);
void cl_pair_dispose(cl_pair *pair);
/* The layouts cl_pair_find tries, in order: the config's, else the
 * well-known ones (*configured false). */
const cl_layout *cl_pair_layouts(const copylint_config *config, size_t *count, bool *configured);

#endif
