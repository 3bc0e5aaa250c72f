#ifndef CL_CONFIG_GLOB_H
#define CL_CONFIG_GLOB_H

#include <stdbool.h>

/* path is relative to the folder the pattern is written for, with '/'. */
bool cl_glob_match(const char *pattern, const char *path);

#endif
