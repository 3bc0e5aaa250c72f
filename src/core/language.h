/* A document's language, first match wins: the command line, front matter,
 * the config's overrides, the path (`/cs/`, `content/de/`, `pages.fr/`,
 * `name.de.md`), then the config's default. */
#ifndef CL_CORE_LANGUAGE_H
#define CL_CORE_LANGUAGE_H

#include <stddef.h>

/* The language tag a path names by convention, in out; NULL when none. */
const char *cl_language_from_path(const char *path, char *out, size_t size);

/* BCP 47 tag to ICU locale id ("pt-BR" -> "pt_BR") in out. */
const char *cl_language_to_locale(const char *tag, char *out, size_t size);

#endif
