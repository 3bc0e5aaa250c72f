/* Placeholders of a text that a translation must keep as they are: Hugo
 * shortcodes ({{< name args >}}, {{% name %}}), {{placeholders}}, HTML
 * tags and MDX/JSX components with their attributes, printf conversions
 * (%s, %d, %1$s), {name} / {0} / ${name} variables and emoji shortcodes
 * (:smile:). Each is found as a comparison key: the construct written in
 * one canonical way, with the parts a translator may translate left out
 * (see placeholders.c). Helpers of the placeholder-mismatch rule. */
#ifndef CL_CHECKS_PLACEHOLDERS_H
#define CL_CHECKS_PLACEHOLDERS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	CL_PH_SHORTCODE = 0,
	CL_PH_PLACEHOLDER,  /* {{name}} */
	CL_PH_TAG,          /* an HTML tag or an MDX/JSX component */
	CL_PH_PRINTF,
	CL_PH_VARIABLE,     /* {name}, ${name} */
	CL_PH_INDEX,        /* {0} */
	CL_PH_EMOJI
} cl_ph_kind;

/* Called for each placeholder found: its key (owned by the callee),
 * its kind and its offset in the scanned text. */
typedef void (*cl_ph_fn)(void *payload, char *key, cl_ph_kind kind, size_t at);

enum {
	CL_PH_TAGS = 1,  /* seek HTML tags and components too (only in markup: a
	                  * prose block's `<` is a decoded `&lt;` as often as a tag) */
	CL_PH_MDX = 2    /* the page is MDX: a PascalCase tag is a component */
};

/* Scans s[from, to) with CL_PH_* flags; what precedes from is context
 * (a:b:c holds no emoji). Offsets given to fn are in s. langs: the pair's
 * two languages, whose path segments in href and src are localisation,
 * not a change. */
void cl_ph_scan(const char *s, size_t from, size_t to, unsigned flags, const char *const langs[2], cl_ph_fn fn,
		void *payload);

/* The kind's name for messages ("shortcode", "HTML tag", ...); a tag whose
 * name starts with a capital is a "component". */
const char *cl_ph_kind_name(cl_ph_kind kind, const char *key);
/* Do two keys of one kind name the same construct (the same tag or
 * shortcode, any printf conversion, ...), so that one replaced the other? */
bool cl_ph_same_construct(cl_ph_kind kind, const char *a, const char *b);

#endif
