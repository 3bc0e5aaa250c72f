/* A document's language, first match wins: the command line, front matter,
 * the config's overrides, the path (`/cs/`, `content/de/`, `pages.fr/`,
 * `name.de.md`), then the config's default. */
#ifndef CL_CORE_LANGUAGE_H
#define CL_CORE_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>

/* The language tag a path names by convention, in out; NULL when none. */
const char *cl_language_from_path(const char *path, char *out, size_t size);

/* BCP 47 tag to ICU locale id ("pt-BR" -> "pt_BR") in out. */
const char *cl_language_to_locale(const char *tag, char *out, size_t size);

/* The language a document in lang was translated from, or NULL when it is
 * none known or lang itself: configured (the config's translations:
 * source), else "en" when lang_from_path (the language came from a path
 * convention). One place, so that pairing translations can replace it. */
const char *cl_language_translation_source(const char *configured, const char *lang, bool lang_from_path);

#endif
