/* How deep YAML text nests, read before libyaml sees it: libyaml takes
 * seconds on 100,000 nested `[` and recurses once per level. */
#ifndef CL_UTIL_YAMLDEPTH_H
#define CL_UTIL_YAMLDEPTH_H

#include <stdbool.h>
#include <stddef.h>

/* Deepest nesting copylint reads in a config file or front matter. */
#define CL_YAML_MAX_DEPTH 64

/* True when s[0..len) nests deeper than max: flow collections (`[`, `{`)
 * outside quotes and comments, plus the block collections that open on
 * one line (`- - x`, `a: {`); *at is the byte where it does. Block nesting
 * by indentation is not counted: it costs a line per level. */
bool cl_yaml_too_deep(const char *s, size_t len, size_t max, size_t *at);

#endif
