#ifndef CL_FUZZ_GLOB_REFERENCE_H
#define CL_FUZZ_GLOB_REFERENCE_H

#include <stdbool.h>

bool reference_glob_match(const char *pattern, const char *path);

#endif
