/* Which file a translation translates: the config's translations: layouts,
 * or, without them, the well-known layouts whose counterpart exists. */
#ifndef CL_COLLECT_PAIRS_H
#define CL_COLLECT_PAIRS_H

#include <stdbool.h>

#include "copylint/copylint.h"

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

struct cl_layout_s;
/* The layouts pairing uses: the config's, or the well-known ones. */
const struct cl_layout_s *cl_pair_layouts(const copylint_config *config, size_t *n);

/* The translations of a source that exist on disk (pairs_reverse.c): each
 * one's language tag as its path writes it, and its path. */
typedef struct {
	char **langs, **paths;
	size_t count, cap;
} cl_pair_list;

/* Fills out (disposed by the caller) with the files that cl_pair_find
 * pairs with source (a path as given: relative to the current folder, or
 * absolute), found by listing the folder where each layout puts the
 * language. */
void cl_pair_translations_of(const copylint_config *config, const char *source, cl_pair_list *out);
void cl_pair_list_dispose(cl_pair_list *list);

#endif
