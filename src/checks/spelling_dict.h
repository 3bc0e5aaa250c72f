/* Where the spelling rule's dictionaries come from: which Hunspell
 * dictionary a language uses (spelling.def) and the folders searched for
 * it, in order: $DICPATH, the config's dictionaries: folders, copylint's own
 * dictionaries/ folder, then the system's Hunspell folders (or, when set,
 * the folders of $COPYLINT_SYSTEM_DICTIONARIES instead). */
#ifndef CL_CHECKS_SPELLING_DICT_H
#define CL_CHECKS_SPELLING_DICT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *names;    /* dictionary names to try, space-separated; NULL: unknown */
	const char *package;  /* the Debian package that installs one; NULL: unknown */
	bool none;            /* no Hunspell dictionary exists for the language */
} cl_spell_lang;

/* The entry for a BCP 47 tag: the full tag first, then its primary subtag. */
cl_spell_lang cl_spell_lang_for(const char *tag);

/* copylint's own dictionaries/ folder: next to the executable
 * (../share/copylint/dictionaries or the source tree it was built from),
 * else the install prefix. NULL when none exists. */
const char *cl_spell_data_dir(void);

/* The path of name.aff / name.dic without the extension (malloc'd), from the
 * first folder that holds both; NULL when none does. */
char *cl_spell_find(const char *name, const char *const *folders, size_t nfolders);

#endif
